"""`reportgen build DOCUMENT... --watch`: the set it was asked for (the report, the annex, a
campaign's letters) built again on each save of the data (campaigns.yaml too) or of any of
its templates and catalogues; a failing build says its problems and keeps the previous set."""

from __future__ import annotations

import os
import queue
import re
import shutil
import sys
import threading
from pathlib import Path

from reportgen.app import Target
from reportgen.core.problems import InputError
from reportgen.review.rendition import rendition
from reportgen.sets import SetBuilt, watch_set
from tests.cli.watching import watch_until
from tests.conftest import ROOT, template_of
from tests.documents.letter.test_letters import TEMPLATES, campaign_data

Outcome = SetBuilt | Exception


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_watch_rebuilds_the_set_and_keeps_the_previous_one_when_a_build_fails(
    tmp_path: Path,
) -> None:
    data = campaign_data(tmp_path)
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    out = tmp_path / "out"
    outcomes: queue.Queue[Outcome] = queue.Queue()
    stop = threading.Event()
    watcher = threading.Thread(
        target=watch_set,
        args=(data, ("report", "annex", "letters")),
        kwargs={
            "report": lambda o, _: outcomes.put(o),
            "reports": [Target("en", template_of("en"), out / "report.docx")],
            "annexes": [Target("en", templates / "annex.docx", out / "annex.docx")],
            "templates": templates,
            "root": out / "letters",
            "interval": 0.02,
            "stop": stop.is_set,
        },
    )
    watcher.start()
    try:
        first = outcomes.get(timeout=300)
        assert isinstance(first, SetBuilt) and first.letters is not None
        assert [b.output.name for b in (*first.reports, *first.annexes)] == [
            "report.docx",
            "annex.docx",
        ]
        # The campaign now writes to fewer States: the letters follow.
        campaigns = data / "campaigns.yaml"
        text = campaigns.read_text(encoding="utf-8")
        campaigns.write_text(text.replace("[I, II, III]", "[I, II]"), encoding="utf-8")
        second = outcomes.get(timeout=300)
        assert isinstance(second, SetBuilt) and second.letters is not None
        assert 0 < len(second.letters.letters) < len(first.letters.letters)
        kept = _tree(out)

        # A recipient without a language: said on its line, the previous set kept.
        broken = re.sub(r"\n  CAF:[^\n]*", "", text.replace("[I, II, III]", "[I, II]"))
        campaigns.write_text(broken, encoding="utf-8")
        third = outcomes.get(timeout=300)
        assert isinstance(third, InputError)
        assert any("(CAF) has no language" in str(p) for p in third.problems)
        assert all(re.match(r".*campaigns\.yaml:\d+:\d+: ", str(p)) for p in third.problems)
        assert _tree(out) == kept

        # A letter's catalogue is watched too: fixed data, then an edited sentence.
        campaigns.write_text(text, encoding="utf-8")
        assert isinstance(outcomes.get(timeout=300), SetBuilt)
        catalogue = templates / "letter.ftl"
        catalogue.write_text(
            catalogue.read_text(encoding="utf-8").replace(
                "salutation = Excellency,", "salutation = Your Excellency,"
            ),
            encoding="utf-8",
        )
        fifth = outcomes.get(timeout=300)
        assert isinstance(fifth, SetBuilt) and fifth.letters is not None
        assert len(fifth.letters.letters) == len(first.letters.letters)
        english = next(s for s in fifth.letters.letters if s.lang == "en")
        assert "Your Excellency," in rendition(english.file)
    finally:
        stop.set()
        watcher.join(timeout=60)
    assert not watcher.is_alive()


def test_build_documents_watch_on_the_command_line(tmp_path: Path) -> None:
    data = campaign_data(tmp_path)
    shutil.copytree(TEMPLATES, tmp_path / "templates")
    for lang in ("en", "fr", "es"):
        shutil.copy(template_of(lang), tmp_path / "templates")
        shutil.copy(template_of(lang).with_suffix(".ftl"), tmp_path / "templates")
    command = [sys.executable, "-m", "reportgen", "build", "report", "letters", "--watch"]
    command += ["--lang", "en", "--data", str(data)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    status, err = watch_until(
        command,
        cwd=tmp_path,
        log=tmp_path / "watch.log",
        said=("wrote output/report.docx", "letters of 2013-illustration"),
        env=env,
    )
    assert (tmp_path / "output" / "letters" / "2013-illustration" / "letters.csv").exists()
    assert status == 0, err
    assert "Traceback" not in err
    assert "templates/letter.docx, templates/letter.fr.docx, templates/letter.es.docx" in err
    assert "wrote output/report.docx" in err and "letters of 2013-illustration" in err
