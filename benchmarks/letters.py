"""`make bench`, the letters' part: a campaign's letters against one report, and their PDFs
through one LibreOffice process against one per letter (issue 22).

- cold report: `python -m reportgen build --lang en` of the 4th MSP data, a new process
  each time (its compiled-template cache filled by an untimed first run, as in bench.py).
- cold letters: `python -m reportgen build letters` of a campaign of 100 recipients in
  English, French and Spanish over the same data (the example campaign of
  tests/fixtures/campaign/ dated 1 March 2011, when more States were not party, less the
  last English recipients past 100), a new process each time. Target: within 4x the report.
- PDF, side by side on the same letters: one LibreOffice process converting them all (and
  pypdf joining them), against one `soffice` start per letter. Target: 5x faster.
- Joining the 100 letters' PDFs, side by side: pypdf (what the build uses: pure Python, so
  Windows needs no pdfunite) against pdfunite (the first version's way), each in a process
  of its own whose peak memory (maximum RSS, from `resource`) is measured.

Each measure is the median of `--rounds` runs, run round-robin; the section it writes in
benchmarks/RESULTS.md is between its own markers, the rest of the file left as it is.

    python benchmarks/letters.py [--rounds N] [--sample N] [--write benchmarks/RESULTS.md]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "fixtures" / "4msp" / "data"
TEMPLATES = ROOT / "tests" / "fixtures" / "4msp" / "templates"
CAMPAIGN = ROOT / "tests" / "fixtures" / "campaign"
LETTERS = 100
TARGET_LETTERS_OVER_REPORT = 4.0
TARGET_PDF_SPEEDUP = 5.0
BEGIN = "<!-- letters: benchmarks/letters.py -->"
END = "<!-- /letters -->"


def lay_out(folder: Path) -> Path:
    """A folder laid out as the repository: data/ with a 100-letter campaign, templates/."""
    sys.path.insert(0, str(ROOT))
    from reportgen.inputs.campaign import recipients
    from reportgen.inputs.load import load

    shutil.copytree(DATA, folder / "data")
    shutil.copytree(TEMPLATES, folder / "templates")
    for template in (CAMPAIGN / "templates").glob("letter*"):
        shutil.copyfile(template, folder / "templates" / template.name)
    text = (CAMPAIGN / "campaigns.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "date: 2013-06-03\n    previous: 2012-illustration\n"
        "    signed_by:\n      - {state: Portugal}",
        "date: 2011-03-01\n    signed_by:\n      - {state: Norway}",  # Portugal joined in September
    )
    text = re.sub(r"\n    replies:\n      - \{state: Benin, date: 2013-07-01\}", "", text)
    (folder / "data" / "campaigns.yaml").write_text(text, encoding="utf-8")
    inputs = load(folder / "data")[0]
    assert inputs.campaigns is not None
    campaign = inputs.campaigns.campaign("2013-illustration")
    chosen = recipients(inputs, campaign)
    file = inputs.campaigns
    english = [
        r.name for r in chosen if file.correspondence[inputs.state(r.name).iso3].language == "en"
    ]
    extra = english[len(english) - (len(chosen) - LETTERS) :] if len(chosen) > LETTERS else []
    exclude = "\n      exclude: [" + ", ".join(extra) + "]" if extra else ""
    text = text.replace(
        "categories: [I, II, III]\n\ncorrespondence",
        f"categories: [I, II, III]{exclude}\n\ncorrespondence",
        1,
    )
    (folder / "data" / "campaigns.yaml").write_text(text, encoding="utf-8")
    return folder


def timed(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--sample", type=int, default=20, help="letters converted both ways")
    parser.add_argument("--write", type=Path, default=None)
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="reportgen-bench-letters-") as scratch:
        folder = lay_out(Path(scratch))
        report = [python, "-m", "reportgen", "build", "--lang", "en"]
        letters = [python, "-m", "reportgen", "build", "letters", "--campaign", "2013-illustration"]
        os.environ["PYTHONPATH"] = str(ROOT)
        timed(report, folder)  # untimed: bytecode, disk and template caches
        timed(letters, folder)
        times: dict[str, list[float]] = {"report": [], "letters": []}
        for _ in range(args.rounds):
            times["report"].append(timed(report, folder))
            times["letters"].append(timed(letters, folder))
        built = sorted((folder / "output" / "letters" / "2013-illustration").glob("*.docx"))
        langs = {lang: sum(p.stem.endswith(lang) for p in built) for lang in ("en", "fr", "es")}
        lines = _pdf_lines(folder, built, args.sample)
        lines += _many_lines(python, Path(scratch) / "many")
    report_s = statistics.median(times["report"])
    letters_s = statistics.median(times["letters"])
    ratio = letters_s / report_s
    mixed = ", ".join(f"{n} {lang}" for lang, n in langs.items())
    section = [
        BEGIN,
        "## Letters to States not party (issue 22)",
        "",
        f"`python benchmarks/letters.py --rounds {args.rounds} --sample {args.sample}` "
        "(medians, new processes, run round-robin):",
        "",
        "| measure | time | target |",
        "|---|---|---|",
        f"| cold `reportgen build --lang en` (one report) | {report_s:.2f} s | |",
        f"| cold `reportgen build letters`: {len(built)} letters ({mixed}) | {letters_s:.2f} s "
        f"| within {TARGET_LETTERS_OVER_REPORT:g}x the report: {ratio:.2f}x, "
        f"{'met' if ratio <= TARGET_LETTERS_OVER_REPORT else 'MISSED'} |",
        *lines,
        END,
    ]
    text = "\n".join(section) + "\n"
    print(text)
    if args.write is not None:
        old = args.write.read_text(encoding="utf-8") if args.write.exists() else ""
        if BEGIN in old and END in old:
            new = old[: old.index(BEGIN)] + text.rstrip("\n") + old[old.index(END) + len(END) :]
        else:
            new = old.rstrip("\n") + "\n\n" + text
        args.write.write_text(new, encoding="utf-8")


def _many_lines(python: str, folder: Path) -> list[str]:
    """`build letters` and `check letters` of a campaigns.yaml of as many chained campaigns
    as a file may hold (each following the one before, a day apart), once each: checked in
    linear time (the first version took 1 min 52 s to build the latest of 15,000)."""
    import datetime as dt

    sys.path.insert(0, str(ROOT))
    from reportgen.inputs.campaign import MAX_CAMPAIGNS as MANY

    shutil.copytree(DATA, folder / "data")
    shutil.copytree(TEMPLATES, folder / "templates")
    text = (CAMPAIGN / "campaigns.yaml").read_text(encoding="utf-8")
    start, end = text.index("campaigns:\n"), text.index("\ncorrespondence:")
    first = dt.date(2012, 10, 1)
    rows = [
        f"  - {{key: c{i}, date: {first + dt.timedelta(days=i)}, signed_by: [{{state: Portugal}}],"
        f" recipients: {{signatories: true}}{f', previous: c{i - 1}' if i else ''}}}"
        for i in range(MANY)
    ]
    campaigns = text[:start] + "campaigns:\n" + "\n".join(rows) + "\n" + text[end:]
    (folder / "data" / "campaigns.yaml").write_text(campaigns, encoding="utf-8")
    build = timed([python, "-m", "reportgen", "-q", "build", "letters"], folder)
    check = timed([python, "-m", "reportgen", "-q", "check", "letters"], folder)
    return [
        f"| `reportgen build letters`, {MANY:,} chained campaigns (the latest built) | "
        f"{build:.2f} s | linear |",
        f"| `reportgen check letters`, the same {MANY:,} campaigns (each checked and filled) | "
        f"{check:.2f} s | linear |",
    ]


def _pdf_lines(folder: Path, built: list[Path], sample: int) -> list[str]:
    """The PDF step side by side, or why it was not measured."""
    from reportgen.review.pdf import convert_all_to_pdf, merge_pdfs

    if shutil.which("soffice") is None:
        return ["| PDF | not measured: no soffice on PATH | |"]
    chosen = built[:: max(1, len(built) // sample)][:sample]
    out = folder / "pdf"
    started = time.perf_counter()
    pages = convert_all_to_pdf(chosen, [out / "one" / f"{p.stem}.pdf" for p in chosen])
    merge_pdfs(pages, out / "one.pdf")
    one = time.perf_counter() - started
    started = time.perf_counter()
    for path in chosen:
        convert_all_to_pdf([path], [out / "each" / f"{path.stem}.pdf"])
    each = time.perf_counter() - started
    started = time.perf_counter()
    every = convert_all_to_pdf(built, [out / "all" / f"{p.stem}.pdf" for p in built])
    merge_pdfs(every, out / "all.pdf")
    whole = time.perf_counter() - started
    speedup = each / one
    return [
        f"| PDF of {len(chosen)} letters, one LibreOffice process + pypdf | {one:.2f} s | |",
        f"| PDF of the same {len(chosen)} letters, one `soffice` per letter | {each:.2f} s "
        f"| one process {TARGET_PDF_SPEEDUP:g}x faster: {speedup:.1f}x, "
        f"{'met' if speedup >= TARGET_PDF_SPEEDUP else 'MISSED'} |",
        f"| PDF of all {len(built)} letters, one process + pypdf (one run) | {whole:.2f} s | |",
        *_joining(every, out),
    ]


JOIN_PYPDF = """
import resource, sys, time
from pathlib import Path
started = time.perf_counter()
from reportgen.review.pdf import merge_pdfs
merge_pdfs([Path(p) for p in sys.argv[2:]], Path(sys.argv[1]))
print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

JOIN_PDFUNITE = """
import resource, subprocess, sys, time
started = time.perf_counter()
subprocess.run(["pdfunite", *sys.argv[2:], sys.argv[1]], check=True)
print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def _joining(pages: list[Path], out: Path) -> list[str]:
    """pypdf and pdfunite joining the same PDFs, each in a process of its own: time and
    peak RSS (the joining process's own)."""
    rows = []
    ways = [("pypdf (the build's)", JOIN_PYPDF)]
    if shutil.which("pdfunite") is not None:
        ways.append(("pdfunite (the first version's)", JOIN_PDFUNITE))
    size = sum(p.stat().st_size for p in pages) / 1e6
    for name, script in ways:
        result = subprocess.run(
            [sys.executable, "-c", script, str(out / "joined.pdf"), *map(str, pages)],
            check=True,
            capture_output=True,
            text=True,
        )
        seconds, rss = result.stdout.split()
        rows.append(
            f"| joining {len(pages)} letters' PDFs ({size:.1f} MB) with {name} "
            f"| {float(seconds):.2f} s, peak RSS {int(rss) / 1024:.0f} MB | |"
        )
    return rows


if __name__ == "__main__":
    main()
