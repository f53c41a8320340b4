"""tools/make_names.py regenerates data/names.yaml from the country-codes CSV, offline: run
here on a small CSV of the package's columns, with an older snapshot's gender marks and a
current names.yaml whose hand-kept parts (renamings, comments, entries UNTERM lacks) stay."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import ROOT

TOOL = ROOT / "tools" / "make_names.py"
COLUMNS = [
    "ISO3166-1-Alpha-3",
    "UNTERM English Short",
    "UNTERM English Formal",
    "UNTERM French Short",
    "UNTERM French Formal",
    "UNTERM Spanish Short",
    "UNTERM Spanish Formal",
]
ROWS = [
    ["ALA", "", "", "", "", "", ""],  # a territory: no UNTERM names, no entry
    [
        "BOL",
        "Bolivia (Plurinational State of)",
        "the Plurinational State of Bolivia",
        "Bolivie (État plurinational de)",
        "l'État plurinational de Bolivie",
        "Bolivia (Estado Plurinacional de)",
        "el Estado Plurinacional de Bolivia",
    ],
    [
        "CIV",
        "Côte d'Ivoire",
        "the Republic of Côte d'Ivoire",
        "Côte d'Ivoire (la)",
        "la République de Côte d'Ivoire",
        "Côte d\u2019Ivoire",
        "la República de Côte d\u2019Ivoire",
    ],
    ["CZE", "Czechia", "the Czech Republic", "Tchéquie (la)", "x", "Chequia", "x"],
    ["NIU", "Niue **", "Niue **", "Nioué **", "Nioué **", "Niue **", "Niue **"],
    ["NLD", "Netherlands (the)", "x", "Pays-Bas (les)", "x", "Países Bajos (los)", "x"],
    ["PHL", "Philippines (the)", "x", "Philippines (les)", "x", "Filipinas", "x"],
    ["PRT", "Portugal", "x", "Portugal (le)", "x", "Portugal", "x"],
    ["TUR", "", "", "", "", "", ""],  # the 2026 snapshot lost Türkiye's UNTERM names
]
GENDERS = [["ISO3166-1-Alpha-3", "UNTERM French Short"], ["PHL", "Philippines (les) [fém.]"]]
CURRENT = """\
# an old header, replaced

CZE:
  en_text: the Czech Republic
  fr: République tchèque (la)
  es: República Checa (la)
  renamed:
    # kept as it stands
    - on: 2016-07-05
      en: Czechia
      fr: Tchéquie (la)
      es: Chequia
# Portugal's comment, kept
PRT:
  fr: Portugal
  es: Portugal
TUR:
  fr: Turquie (la)
  es: Turquía
"""


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def _run(tmp_path: Path, current: str = CURRENT) -> tuple[str, list[str]]:
    names = tmp_path / "names.yaml"
    names.write_text(current, encoding="utf-8")
    command = [sys.executable, str(TOOL), "--csv", str(_csv(tmp_path / "cc.csv", [COLUMNS, *ROWS]))]
    command += ["--genders", str(_csv(tmp_path / "old.csv", GENDERS)), "--names", str(names)]
    run = subprocess.run(command, capture_output=True, text=True, check=True, cwd=tmp_path)
    return run.stdout, run.stderr.splitlines()


def test_entries_come_from_the_csv_with_the_hand_kept_parts(tmp_path: Path) -> None:
    text, _ = _run(tmp_path)
    assert text.startswith("# yaml-language-server: $schema=../schemas/names.json\n")
    assert "an old header" not in text
    body = text[text.index("\nBOL:") + 1 :]
    assert body == (
        "BOL:\n"
        "  en_text: the Plurinational State of Bolivia\n"
        "  fr: Bolivie (État plurinational de)\n"
        "  fr_text: l'État plurinational de Bolivie\n"
        "  es: Bolivia (Estado Plurinacional de)\n"
        "  es_text: el Estado Plurinacional de Bolivia\n"
        "CIV:\n"
        "  fr: Côte d'Ivoire (la)\n"
        "  es: Côte d'Ivoire\n"
        "CZE:\n"
        "  en_text: the Czech Republic\n"
        "  fr: République tchèque (la)\n"
        "  es: República Checa (la)\n"
        "  renamed:\n"
        "    # kept as it stands\n"
        "    - on: 2016-07-05\n"
        "      en: Czechia\n"
        "      fr: Tchéquie (la)\n"
        "      es: Chequia\n"
        "# French gender: a proposal (« Nioué », an island, as « Nauru » (f): a translator to "
        "confirm)\n"
        "NIU:\n"
        "  fr: Nioué\n"
        "  fr_gender: f\n"
        "  es: Niue\n"
        "# French gender: a proposal (« pays », masculine)\n"
        "NLD:\n"
        "  en_text: the Netherlands\n"
        "  fr: Pays-Bas (les)\n"
        "  fr_gender: m\n"
        "  es: Países Bajos (los)\n"
        "PHL:\n"
        "  en_text: the Philippines\n"
        "  fr: Philippines (les)\n"
        "  fr_gender: f\n"
        "  es: Filipinas\n"
        "# Portugal's comment, kept\n"
        "PRT:\n"
        "  fr: Portugal (le)\n"
        "  es: Portugal\n"
        "TUR:\n"
        "  fr: Turquie (la)\n"
        "  es: Turquía\n"
    )
    assert yaml.safe_load(text)["NIU"] == {"fr": "Nioué", "fr_gender": "f", "es": "Niue"}


def test_every_change_is_said_and_the_output_is_the_same_each_time(tmp_path: Path) -> None:
    text, notes = _run(tmp_path)
    assert notes == [
        "BOL: Bolivie (État plurinational de): no French gender: add it to GENDERS",  # « l'État »
        "BOL: new entry",
        "CIV: new entry",
        "NIU: new entry",
        "NLD: new entry",
        "PHL: new entry",
        "PRT: fr: 'Portugal' -> 'Portugal (le)'",
        "TUR: no UNTERM names in the CSV: kept as it stands",
    ]
    again, notes_again = _run(tmp_path, text)  # on its own output: nothing moves
    assert again == text
    assert notes_again == [notes[0], notes[-1]]  # still no gender for BOL; still no TUR


def test_a_renaming_unterm_shows_but_the_file_lacks_is_said(tmp_path: Path) -> None:
    _, notes = _run(tmp_path, CURRENT.replace("      fr: Tchéquie (la)", "      fr: Tchéquie"))
    assert (
        "CZE: UNTERM's fr is now 'Tchéquie (la)', its last renaming gives 'Tchéquie': record a "
        "renaming, with its day"
    ) in notes
