"""The names.yaml of every State names every State the depositary may list (issue 19, point 5),
in forms the French and Spanish reports can print, with the gender French agreement needs.

These tests read the frozen copy of the shipped reference list (tests/fixtures/names/), not the
4th MSP copy nor the user's data/names.yaml: they are about the list itself.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from reportgen.app import build
from reportgen.inputs.load import load_with_warnings
from reportgen.inputs.models import Names
from reportgen.language.naming import Naming, name_problems, parse_unterm
from reportgen.language.registry import language_for
from reportgen.review.rendition import rendition
from tests.conftest import DATA, NAMES, template_of

# The 193 Member States of the United Nations, by ISO 3166-1 alpha-3 code, as listed at
# https://www.un.org/en/about-us/member-states (South Sudan, admitted 14 July 2011, the last).
MEMBER_STATES = """
AFG AGO ALB AND ARE ARG ARM ATG AUS AUT AZE BDI BEL BEN BFA BGD BGR BHR BHS BIH BLR BLZ BOL BRA
BRB BRN BTN BWA CAF CAN CHE CHL CHN CIV CMR COD COG COL COM CPV CRI CUB CYP CZE DEU DJI DMA DNK
DOM DZA ECU EGY ERI ESP EST ETH FIN FJI FRA FSM GAB GBR GEO GHA GIN GMB GNB GNQ GRC GRD GTM GUY
HND HRV HTI HUN IDN IND IRL IRN IRQ ISL ISR ITA JAM JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO
LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MOZ
MRT MUS MWI MYS NAM NER NGA NIC NLD NOR NPL NRU NZL OMN PAK PAN PER PHL PLW PNG POL PRK PRT PRY
QAT ROU RUS RWA SAU SDN SEN SGP SLB SLE SLV SMR SOM SRB SSD STP SUR SVK SVN SWE SWZ SYC SYR TCD
TGO THA TJK TKM TLS TON TTO TUN TUR TUV TZA UGA UKR URY USA UZB VCT VEN VNM VUT WSM YEM ZAF ZMB
ZWE
""".split()  # noqa: SIM905 (as the UN lists them, one block)
# The two non-member observer States (https://www.un.org/en/about-us/non-member-states): the
# Holy See and the State of Palestine; and the two States the Secretary-General, as depositary,
# accepts as parties without UN membership (Cook Islands, Niue: UNTC's "all States" formula).
OTHER_STATES = ["VAT", "PSE", "COK", "NIU"]
EVERY_STATE = MEMBER_STATES + OTHER_STATES

# French names whose plural article hides a feminine gender (« les Philippines sont
# devenues »), and masculine ones (« les Pays-Bas sont devenus »).
FEMININE_PLURALS = ["BHS", "COK", "COM", "FJI", "MDV", "MHL", "PHL", "SLB", "SYC", "TON"]
MASCULINE_PLURALS = ["ARE", "FSM", "NLD", "PLW", "TUV", "USA"]


@pytest.fixture(scope="module")
def entries() -> dict[str, dict[str, Any]]:
    loaded = yaml.safe_load(NAMES.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_the_lists_of_states_are_the_un_s() -> None:
    assert len(MEMBER_STATES) == 193 == len(set(MEMBER_STATES))
    assert len(set(EVERY_STATE)) == 197


def test_every_state_the_depositary_may_list_has_french_and_spanish_names(
    entries: dict[str, dict[str, Any]],
) -> None:
    missing = [
        (code, lang)
        for code in EVERY_STATE
        for lang in ("fr", "es")
        if not entries.get(code, {}).get(lang)
    ]
    assert missing == []
    assert list(entries) == sorted(entries)  # in the order of the codes
    assert set(entries) == set(EVERY_STATE)  # and nothing else: no territory, no typo


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_every_entry_s_article_form_parses(entries: dict[str, dict[str, Any]], lang: str) -> None:
    articles = language_for(lang).articles
    for code, entry in entries.items():
        for names in [entry, *entry.get("renamed", [])]:
            short, running = names.get(lang), names.get(f"{lang}_text")
            if short is None:  # a renaming that keeps this language's name: none
                continue
            name = parse_unterm(short, lang, running)
            found = re.fullmatch(r"(?P<name>[^()]+?)(?: \((?P<inside>[^()]+)\))?", short)
            assert found is not None, (code, short)  # a name, then at most one "(...)"
            inside = found.group("inside")
            if inside is None or inside in articles:  # "Cuba", "Pays-Bas (les)"
                assert running is None, (code, short)  # no running form where none is needed
                assert (name.listed, name.article) == (found.group("name"), inside or ""), code
                assert name.running.endswith(name.listed), (code, name)
            else:  # a list form, "Bolivie (État plurinational de)": the running form says it
                assert running is not None and name.listed == short, (code, short)
                assert name.article in articles, (code, running)
            model = Names.model_validate(
                {k: v for k, v in names.items() if k in Names.model_fields}
            )
            assert name_problems(model, lang) == [], (code, short)


def test_every_french_name_whose_article_hides_its_gender_gives_it(
    entries: dict[str, dict[str, Any]],
) -> None:
    hidden = []
    for code, entry in entries.items():
        for names in [entry, *entry.get("renamed", [])]:
            if names.get("fr") is None:
                continue
            name = parse_unterm(str(names["fr"]), "fr", names.get("fr_text"))
            if name.article in ("l'", "les", "") and names.get("fr_gender") not in ("m", "f"):
                hidden.append((code, names["fr"]))
    assert hidden == []
    assert [entries[c]["fr_gender"] for c in FEMININE_PLURALS] == ["f"] * len(FEMININE_PLURALS)
    assert [entries[c]["fr_gender"] for c in MASCULINE_PLURALS] == ["m"] * len(MASCULINE_PLURALS)


def test_the_data_loads_with_the_full_list_in_every_language(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    shutil.copyfile(NAMES, data / "names.yaml")
    for lang in ("en", "fr", "es"):
        inputs, problems, _ = load_with_warnings(data, lang=lang, names_check=name_problems)
        assert inputs is not None, [str(p) for p in problems]
        assert not [p for p in problems if p.file.endswith("names.yaml")]


# --- Agreement: a feminine plural name in a French sentence ---------------------------------


def _comoros_coordinates(data: Path) -> None:
    """The 4th MSP data with the Comoros (« les Comores ») in Portugal's place as the issuing
    coordinator, and the shipped names."""
    (data / "names.yaml").write_text(NAMES.read_text(encoding="utf-8"), encoding="utf-8")
    report = data / "report.yaml"
    text = report.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^issuer: Portugal\b", "issuer: Comoros", text)
    text = re.sub(r"(?m)^  - state: Portugal$", "  - state: Comoros", text)
    report.write_text(text, encoding="utf-8")


def test_a_feminine_plural_name_agrees_in_french(data_copy: Path, tmp_path: Path) -> None:
    _comoros_coordinates(data_copy)
    inputs, problems, _ = load_with_warnings(data_copy, lang="fr", names_check=name_problems)
    assert inputs is not None, [str(p) for p in problems]
    naming = Naming(inputs, "fr", inputs.report.as_of)
    assert (naming.running("Comoros"), naming.plural("Comoros")) == ("les Comores", True)
    assert naming.gender("Comoros") == "f"
    output = tmp_path / "report.fr.docx"
    build(data_copy, template_of("fr"), output, lang="fr")
    text = rendition(output)
    assert "les Comores se sont jointes au Japon" in text
    assert "elles ont été rejointes par le Ghana" in text
