"""Letters to States not party: the example campaign (tests/fixtures/campaign/, an
illustration over the 4th MSP data) built whole, and its bad inputs."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pytest

from reportgen.cli.main import main
from reportgen.core.problems import InputError
from reportgen.inputs.campaign import approached, recipients
from reportgen.inputs.load import load
from reportgen.language.formats import Formats
from reportgen.language.naming import Naming
from reportgen.review.rendition import rendition
from reportgen.sets import LettersBuilt, build_letters
from tests.conftest import DATA, ROOT

CAMPAIGN = ROOT / "tests" / "fixtures" / "campaign"
TEMPLATES = CAMPAIGN / "templates"


def campaign_data(folder: Path, edit: dict[str, tuple[str, str]] | None = None) -> Path:
    """The 4th MSP data with the example campaign beside it; `edit` replaces a text in a
    file ({file: (old, new)})."""
    data = folder / "data"
    shutil.copytree(DATA, data)
    shutil.copyfile(CAMPAIGN / "campaigns.yaml", data / "campaigns.yaml")
    for name, (old, new) in (edit or {}).items():
        path = data / name
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return data


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> LettersBuilt:
    folder = tmp_path_factory.mktemp("letters")
    return build_letters(campaign_data(folder), templates=TEMPLATES, root=folder / "out")


@pytest.fixture(scope="module")
def inputs(built: LettersBuilt) -> object:
    return load(built.folder.parents[1] / "data")[0]


def test_one_letter_per_recipient_of_the_rule(built: LettersBuilt, inputs: object) -> None:
    campaign = inputs.campaigns.latest()  # type: ignore[attr-defined]
    chosen = recipients(inputs, campaign)  # type: ignore[arg-type]
    assert [s.state for s in built.letters] == [r.name for r in chosen]
    assert sorted(p.name for p in built.folder.glob("*.docx")) == [
        s.file.name for s in built.letters
    ]
    figure = approached(inputs, campaign.key)  # type: ignore[arg-type]
    assert figure is not None and figure.count == len(built.letters) and not figure.reported
    assert figure.replies == len(campaign.replies)
    assert built.csv is not None
    with built.csv.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["state"], r["language"], r["file"]) for r in rows] == [
        (s.state, s.lang, s.file.name) for s in built.letters
    ]
    assert {s.lang for s in built.letters} == {"en", "fr", "es"}


def test_a_reported_campaign_keeps_its_count(tmp_path: Path) -> None:
    frozen = load(DATA)[0]  # the frozen copy of data/campaigns.yaml: the 2013 letter's count
    figure = approached(frozen)
    assert figure is not None and figure.reported and figure.count == 74


def _letter(built: LettersBuilt, state: str) -> str:
    (sent,) = [s for s in built.letters if s.state == state]
    return rendition(sent.file).replace("\xa0", " ")  # the rendition's spaces


def _formats(lang: str, day: object) -> Formats:
    inputs = load(DATA, lang=lang)[0]
    formats = Formats(lang, Naming(inputs, lang, day))  # type: ignore[arg-type]
    return formats


def test_french_and_spanish_letters_name_the_state_as_the_un_does(
    built: LettersBuilt, inputs: object
) -> None:
    caf = inputs.state("Central African Republic")  # type: ignore[attr-defined]
    french = _letter(built, "Central African Republic")
    assert "Monsieur le Représentant permanent de la République centrafricaine" in french
    signed = _formats("fr", caf.signature).long_date(caf.signature).replace("\xa0", " ")
    assert f"La République centrafricaine a signé la Convention le {signed}." in french
    spanish = _letter(built, "Argentina")
    assert "Representante Permanente de la Argentina" in spanish
    assert "La Argentina aún no es parte en la Convención" in spanish
    colombia = inputs.state("Colombia")  # type: ignore[attr-defined]
    signed = _formats("es", colombia.signature).long_date(colombia.signature).replace("\xa0", " ")
    assert f"Colombia firmó la Convención el {signed}." in _letter(built, "Colombia")


def test_a_letter_recalls_the_previous_one_and_its_reply(built: LettersBuilt) -> None:
    benin = _letter(built, "Benin")  # replied to the 2012 letter
    assert "Nous vous remercions de la réponse à notre lettre du 5 novembre 2012." in benin
    assert "lettre du" not in _letter(built, "Algeria")  # not written to in 2012


def test_each_letter_names_only_its_recipient_and_the_signatories(
    built: LettersBuilt, inputs: object
) -> None:
    campaign = inputs.campaigns.latest()  # type: ignore[attr-defined]
    signers = {s.state for s in campaign.signed_by}
    forms: dict[str, dict[str, set[str]]] = {}
    for lang in ("en", "fr", "es"):
        naming = Naming(load(DATA, lang=lang)[0], lang, campaign.date)
        forms[lang] = {
            s.name: {naming.listed(s.name), naming.name(s.name).running}
            for s in inputs.states  # type: ignore[attr-defined]
        }
    for sent in built.letters:
        text = rendition(sent.file)
        allowed = {sent.state} | signers
        for name in sorted(
            (n for state in allowed for n in forms[sent.lang][state]), key=len, reverse=True
        ):
            text = text.replace(name, "")
        for state, names in forms[sent.lang].items():
            if state in allowed:
                continue
            for name in names:
                assert not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text), (
                    sent.file.name,
                    name,
                )


def _problems(data: Path, tmp_path: Path, templates: Path = TEMPLATES) -> list[str]:
    with pytest.raises(InputError) as raised:
        build_letters(data, templates=templates, root=tmp_path / "out")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    return [str(p) for p in raised.value.problems]


def test_recipients_without_a_language_are_each_said_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    data = campaign_data(
        tmp_path,
        {"campaigns.yaml": ("  BEN: {language: fr", "  XBEN: {language: fr")},
    )
    text = (data / "campaigns.yaml").read_text(encoding="utf-8")
    text = re.sub(r"\n  XBEN:[^\n]*", "", text)
    text = re.sub(r"\n  CAF:[^\n]*", "", text)
    (data / "campaigns.yaml").write_text(text, encoding="utf-8")
    problems = _problems(data, tmp_path)
    assert len(problems) == 2
    assert all(re.match(r".*campaigns\.yaml:\d+:\d+: campaigns\[1\]", p) for p in problems)
    assert "Benin (BEN) has no language of correspondence" in problems[0]
    assert "Central African Republic (CAF)" in problems[1]


def test_a_recipient_without_a_name_or_a_template_in_its_language(tmp_path: Path) -> None:
    data = campaign_data(tmp_path, {"names.yaml": ("BEN:\n  fr: Bénin (le)\n", "BEN:\n")})
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    (templates / "letter.es.docx").unlink()
    problems = _problems(data, tmp_path, templates)
    assert any(
        "correspondence.BEN.language: Benin corresponds in French, and names.yaml" in p
        for p in problems
    )
    spanish = [p for p in problems if "letter.es.docx is missing" in p]
    assert len(spanish) == 4 and all("correspondence." in p for p in spanish)


def test_a_state_party_added_and_a_state_named_twice_are_errors(tmp_path: Path) -> None:
    data = campaign_data(
        tmp_path,
        {
            "campaigns.yaml": (
                "categories: [I, II, III]",
                "categories: [I, II, III]\n      add: [Chile]",
            )
        },
    )
    (error,) = _problems(data, tmp_path / "out")
    assert re.match(
        r".*campaigns\.yaml:\d+:\d+: .*add\[0\]: Chile is a State Party on 2013-06-03: a "
        r"letter urging it to join would be false",
        error,
    )
    data = campaign_data(
        tmp_path / "twice",
        {
            "campaigns.yaml": (
                "categories: [I, II, III]",
                "categories: [I, II, III]\n      add: [Benin]",
            )
        },
    )
    problems = _problems(data, tmp_path / "twice")
    assert len(problems) == 1 and "Benin is named twice" in problems[0]


def test_an_interrupted_batch_leaves_the_previous_one(tmp_path: Path) -> None:
    data = campaign_data(tmp_path)
    root = tmp_path / "out"
    before = build_letters(data, templates=TEMPLATES, root=root)
    kept = {p.name: p.read_bytes() for p in before.folder.iterdir()}

    def stop(done: int, total: int) -> None:
        if done == 10:
            raise KeyboardInterrupt

    text = (data / "campaigns.yaml").read_text(encoding="utf-8")
    (data / "campaigns.yaml").write_text(text.replace("[I, II, III]", "[I, II]"), "utf-8")
    with pytest.raises(KeyboardInterrupt):
        build_letters(data, templates=TEMPLATES, root=root, progress=stop)
    assert {p.name: p.read_bytes() for p in before.folder.iterdir()} == kept
    assert [p.name for p in root.iterdir()] == [before.folder.name]


def test_build_letters_on_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = campaign_data(tmp_path)
    shutil.copytree(TEMPLATES, tmp_path / "templates")
    monkeypatch.chdir(tmp_path)
    assert main(["build", "letters", "--data", "data"]) == 0
    said = capsys.readouterr().err
    count = len(list((tmp_path / "output" / "letters" / "2013-illustration").glob("*.docx")))
    assert f"wrote {count} letters of 2013-illustration" in said
    assert not (tmp_path / "output" / "report.docx").exists()
    (data / "campaigns.yaml").write_text(
        (data / "campaigns.yaml").read_text(encoding="utf-8").replace("  BEN: {", "  XXX: {"),
        encoding="utf-8",
    )
    assert main(["build", "letters", "--data", "data"]) == 2
    said = capsys.readouterr().err
    assert "campaigns.yaml" in said and "Traceback" not in said


def test_the_meeting_is_named_in_the_letters_language(built: LettersBuilt, inputs: object) -> None:
    """Not « La 4th Meeting of States Parties se tiendra »: the name by each language's rules."""
    meeting = inputs.meeting(inputs.report.presented_to)  # type: ignore[attr-defined]
    for state, lang in (("Central African Republic", "fr"), ("Argentina", "es")):
        name = _formats(lang, meeting.start).language.meeting_name(meeting.kind, meeting.number)
        text = _letter(built, state)
        assert f"La {name} " in text.replace("\xa0", " "), (lang, name)
        assert meeting.name not in text


def test_one_signer_writes_in_the_singular_to_a_woman_representative(tmp_path: Path) -> None:
    """One Ambassador signs (« J'ai l'honneur », « Tengo el honor »), with her title; the
    Permanent Representatives of the Central African Republic and of Argentina are women
    (`representative: f`)."""
    rest = "\n    recipients:\n      signatories: true\n      categories"
    two = "signed_by:\n      - {state: Portugal}\n      - {state: Ghana}" + rest
    one = "signed_by:\n      - {state: Portugal, name: Ana Silva, gender: f}" + rest
    data = campaign_data(tmp_path, {"campaigns.yaml": (two, one)})
    path = data / "campaigns.yaml"
    text = path.read_text(encoding="utf-8")
    for code in ("CAF", "ARG"):
        text = re.sub(rf"(\n  {code}: {{language: \w\w), ", r"\1, representative: f, ", text)
    path.write_text(text, encoding="utf-8")
    built = build_letters(data, templates=TEMPLATES, root=tmp_path / "out")
    french = _letter(built, "Central African Republic")
    assert "Madame la Représentante permanente de la République centrafricaine" in french
    assert (
        "J'ai l'honneur de vous écrire en ma qualité de Représentante permanente du Portugal"
        in french
    )
    assert "de coordonnatrice des efforts" in french
    assert "Je vous serais reconnaissante de bien vouloir me faire connaître" in french
    assert (
        "Je vous prie d'agréer, Excellence, les assurances de ma très haute considération."
        in french
    )
    assert "Ana Silva" in french and "Ambassadrice, Représentante permanente du Portugal" in french
    assert not re.search(r"\b(Nous|nous|notre)\b", french), french
    spanish = _letter(built, "Argentina")
    assert "Excelentísima Señora" in spanish and "Excelentísima Señora:" in spanish
    assert (
        "Tengo el honor de dirigirme a Vuestra Excelencia en mi calidad de "
        "Representante Permanente de Portugal" in spanish
    )
    assert "de coordinadora de los esfuerzos" in spanish
    assert "Agradecería que me diera a conocer" in spanish
    assert "de mi más alta consideración" in spanish
    assert "Embajadora, Representante Permanente de Portugal" in spanish
    assert not re.search(r"\b(Tenemos|nuestra|Agradeceríamos|Quedamos|Esperamos)\b", spanish)
    english = next(s for s in built.letters if s.lang == "en")
    text = rendition(english.file)
    assert "I have the honour" in text and not re.search(r"\b(We|we|our)\b", text)
