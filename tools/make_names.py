"""Regenerate data/names.yaml from the datasets/country-codes data package, offline.

    git -C country-codes show COMMIT:data/country-codes.csv > /tmp/country-codes.csv
    git -C country-codes show GENDERS_COMMIT:data/country-codes.csv > /tmp/genders.csv
    python tools/make_names.py --csv /tmp/country-codes.csv --genders /tmp/genders.csv \
        --names data/names.yaml --write

(or download each CSV from https://raw.githubusercontent.com/datasets/country-codes/COMMIT/
data/country-codes.csv; COMMIT and GENDERS_COMMIT are the constants below: bump COMMIT, and
the header of names.yaml follows, when you refresh from a newer commit.)

What it takes from where, for every row whose UNTERM columns are filled (the 193 Member
States, the Holy See and the State of Palestine, the Cook Islands and Niue):
- `fr`, `es`: UNTERM's French and Spanish short names, in their list form with the article in
  parentheses; the marks of non-members (" *", " **") dropped, typographic apostrophes made
  straight (the English data writes "Côte d'Ivoire").
- `en_text`, `fr_text`, `es_text`: the running-text form where the short name needs one: the
  English name with "the" where UNTERM's English short name ends in "(the)"; the formal name
  where the parentheses hold more than an article ("Bolivie (État plurinational de)": « l'État
  plurinational de Bolivie »).
- `fr_gender`, only where the French article hides the gender (l', les, or no article): kept
  from the current names.yaml, else the "[masc.]"/"[fém.]" mark of the older snapshot
  (`--genders`), else this tool's `GENDERS` (the project's proposals, each with its reason).

What it keeps from the current names.yaml (`--names`), as the people who keep it wrote it:
- an entry with `renamed:` is copied as it stands (its top-level names are those before the
  first renaming, as of the 4th MSP report); the tool says so when UNTERM's names today differ
  from its last renaming's (a new renaming to record);
- an entry whose code has no UNTERM names in the CSV is copied as it stands (the package lost
  the UNTERM columns of Côte d'Ivoire and Türkiye in 2026, when its English names changed);
- the comment lines just above an entry.
It prints to stderr every name that differs from the current file, so that a refresh is
reviewed, not taken blindly; the output is the same for the same inputs, byte for byte.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML

COMMIT = "caa72d1e0e5af8876c170bb36a9e4d64a01bba88"
"""The datasets/country-codes commit (2026-05-15) whose data/country-codes.csv names.yaml is
made from."""

GENDERS_COMMIT = "698cc4f4bfe973941f0ec85318b39dd7fcc0d822"
"""The older snapshot whose "UNTERM French Short" marks genders ("Albanie (l') [fém.]"): the
parent of a09b84a (2024-09-26), which dropped the marks."""

GENDERS: dict[str, tuple[str, str]] = {
    "ARE": ("m", "« émirats », masculine"),
    "COK": ("f", "« îles », feminine"),
    "FSM": ("m", "« États », masculine"),
    "MHL": ("f", "« îles », feminine"),
    "NLD": ("m", "« pays », masculine"),
    "PLW": ("m", "no source found for « les Palaos »; a translator to confirm"),
    "PSE": ("m", "« État », masculine"),
    "SLB": ("f", "« îles », feminine"),
    "USA": ("m", "« États », masculine"),
    "NIU": ("f", "« Nioué », an island, as « Nauru » (f): a translator to confirm"),
}
"""French genders no snapshot marks: the project's proposals, from the head noun, each with
its reason (written as a comment above the entry)."""

ARTICLES = {
    "en": ("the",),
    "fr": ("le", "la", "l'", "les"),
    "es": ("el", "la", "los", "las"),
}
COLUMNS = {
    "en": ("UNTERM English Short", "UNTERM English Formal"),
    "fr": ("UNTERM French Short", "UNTERM French Formal"),
    "es": ("UNTERM Spanish Short", "UNTERM Spanish Formal"),
}
ORDER = ("en_text", "fr", "fr_text", "fr_gender", "es", "es_text")
_PARENS = re.compile(r"^(?P<name>.*\S)\s*\((?P<inside>[^()]*)\)$")
_MARK = re.compile(r"\s*\[(masc|fém)\.\]")


def clean(text: str) -> str:
    """A UNTERM cell as names.yaml writes it: no non-member mark, no gender mark, straight
    apostrophes, single spaces."""
    text = _MARK.sub("", text).replace("\u2019", "'").replace("*", "")
    return " ".join(text.split())


def _inside(short: str) -> str | None:
    found = _PARENS.match(short)
    return found.group("inside") if found else None


def _article(short: str, lang: str) -> str | None:
    """The article in the short name's parentheses; "" for none; None when the parentheses
    hold more than an article (a list form)."""
    inside = _inside(short)
    if inside is None:
        return ""
    return inside if inside in ARTICLES[lang] else None


def hides_gender(fr: str, fr_text: str | None = None) -> bool:
    """Whether a French name's article leaves its gender unsaid (l', les, none): the short
    name's, or the running form's when the short name is a list form."""
    article = _article(fr, "fr")
    if article is None and fr_text:
        first = fr_text.split()[0]
        article = "l'" if first.startswith("l'") else first if first in ARTICLES["fr"] else ""
    return article in ("l'", "les", "")


def from_row(row: Mapping[str, str]) -> dict[str, str] | None:
    """The names of one CSV row (None when its UNTERM columns are empty)."""
    short = {lang: clean(row.get(columns[0], "")) for lang, columns in COLUMNS.items()}
    formal = {lang: clean(row.get(columns[1], "")) for lang, columns in COLUMNS.items()}
    if not all(short.values()):
        return None
    entry: dict[str, str] = {}
    for lang in ("en", "fr", "es"):
        article = _article(short[lang], lang)
        if lang != "en":
            entry[lang] = short[lang]
        if article is None:  # "Bolivie (État plurinational de)": the formal name runs
            entry[f"{lang}_text"] = formal[lang]
        elif lang == "en" and article == "the":
            found = _PARENS.match(short[lang])
            assert found is not None
            entry["en_text"] = f"the {found.group('name')}"
    return entry


def genders_of(rows: Iterable[Mapping[str, str]]) -> dict[str, str]:
    """The genders an older snapshot marks: {code: "m" or "f"}."""
    genders = {}
    for row in rows:
        found = re.search(r"\[(masc|fém)\.\]", row.get("UNTERM French Short", ""))
        if found:
            genders[row["ISO3166-1-Alpha-3"]] = "m" if found.group(1) == "masc" else "f"
    return genders


@dataclass
class Current:
    """The current names.yaml: its entries, each entry's text, and the comments above it."""

    data: dict[str, dict[str, object]] = field(default_factory=dict)
    blocks: dict[str, str] = field(default_factory=dict)
    comments: dict[str, list[str]] = field(default_factory=dict)


def read_current(path: Path | None) -> Current:
    if path is None or not path.exists():
        return Current()
    text = path.read_text(encoding="utf-8")
    data = YAML(typ="safe", pure=True).load(text) or {}
    current = Current(data={str(k): dict(v) for k, v in data.items()})
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if re.fullmatch(r"[A-Z]{3}:", line)]
    for n, start in enumerate(starts):
        code = lines[start][:3]
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        body = lines[start:end]
        while body and (body[-1].startswith("#") or not body[-1].strip()):
            body.pop()  # the comments of the next entry
        current.blocks[code] = "\n".join(body) + "\n"
        above: list[str] = []
        i = start - 1
        while i >= 0 and lines[i].startswith("# "):  # the header ends with a blank line
            above.insert(0, lines[i])
            i -= 1
        current.comments[code] = above
    return current


def _scalar(value: str) -> str:
    """A value as YAML writes it: plain when that reads back the same, else quoted."""
    plain = (
        value
        and value == value.strip()
        and not re.search(r": |\s#|^[-?:,\[\]{}#&*!|>'\"%@`]", value)
        and YAML(typ="safe", pure=True).load(f"k: {value}\n") == {"k": value}
    )
    return value if plain else json.dumps(value, ensure_ascii=False)


def build(
    rows: list[dict[str, str]], genders: Mapping[str, str], current: Current
) -> tuple[str, list[str]]:
    """names.yaml's text, and the notes for the person refreshing it."""
    notes: list[str] = []
    made: dict[str, dict[str, str]] = {}
    for row in rows:
        code = row.get("ISO3166-1-Alpha-3", "").strip()
        entry = from_row(row)
        if entry is not None and re.fullmatch(r"[A-Z]{3}", code):
            made[code] = entry
    out = [HEADER.format(commit=COMMIT, genders=GENDERS_COMMIT)]
    for code in sorted(set(made) | set(current.data)):
        comments = list(current.comments.get(code, []))
        old = current.data.get(code)
        entry = made.get(code)
        if old is not None and (entry is None or old.get("renamed")):
            if entry is None:
                notes.append(f"{code}: no UNTERM names in the CSV: kept as it stands")
            else:
                last = old["renamed"][-1]  # type: ignore[index]
                for key in ("fr", "es"):
                    if last.get(key) != entry[key]:
                        notes.append(
                            f"{code}: UNTERM's {key} is now {entry[key]!r}, its last renaming "
                            f"gives {last.get(key)!r}: record a renaming, with its day"
                        )
            out.append("".join(f"{c}\n" for c in comments) + current.blocks[code])
            continue
        assert entry is not None
        if hides_gender(entry["fr"], entry.get("fr_text")):
            given = old.get("fr_gender") if old else None
            gender = given or genders.get(code)
            if gender is None and code in GENDERS:
                gender, why = GENDERS[code]
                comment = f"# French gender: a proposal ({why})"
                if comment not in comments:
                    comments.append(comment)
            if gender is None:
                notes.append(f"{code}: {entry['fr']}: no French gender: add it to GENDERS")
            else:
                entry["fr_gender"] = str(gender)
        for key in ORDER:
            before = None if old is None else old.get(key)
            if old is not None and before != entry.get(key):
                notes.append(f"{code}: {key}: {before!r} -> {entry.get(key)!r}")
        if old is None:
            notes.append(f"{code}: new entry")
        lines = [f"{code}:"] + [f"  {k}: {_scalar(entry[k])}" for k in ORDER if k in entry]
        out.append("".join(f"{c}\n" for c in comments) + "\n".join(lines) + "\n")
    text = "".join(out)
    loaded = YAML(typ="safe", pure=True).load(text)
    for code, entry in made.items():  # what was meant is what is read back
        if code in loaded and not current.data.get(code, {}).get("renamed"):
            assert {k: loaded[code][k] for k in entry} == entry, code
    return text, notes


HEADER = """\
# yaml-language-server: $schema=../schemas/names.json
# data/names.yaml: each State's name in French and Spanish (and in English running text where it
# takes "the"), keyed by its ISO 3166-1 alpha-3 code. Made by tools/make_names.py; its
# docstring says how to refresh it. Hand-kept: `renamed`, the comments, and the entries the
# tool keeps as they stand (below).
#
# Which States: every State the depositary may list: the 193 Member States of the United
# Nations, the two non-member observer States (the Holy See, the State of Palestine), the Cook
# Islands and Niue. An entry for a State that data/states.yaml does not list is a reference,
# unused until the State is added (by the import, say).
#
# Where the names come from: the short names the UN Secretariat keeps in UNTERM (the United
# Nations Terminology Database), as collected in the datasets/country-codes data package,
# data/country-codes.csv at commit
#   {commit}
# (ODC-PDDL-1.0, public domain). Its UNTERM columns lack Côte d'Ivoire and Türkiye since 2026:
# their entries are kept from the package's data/unterm_names.csv of 2024 (before a09b84a).
# Genders come from an older snapshot of that package, commit
#   {genders},
# which marked French names with "[masc.]"/"[fém.]"; where it has no mark, a comment says the
# gender is the project's proposal. docs/glossary.md, section 7, describes the sources.
#
# How to read an entry (in the order of the codes):
#   fr, es:     the short name as UNTERM writes it in lists: the name, then in parentheses the
#               article it takes in running text ("Pays-Bas (les)", "Afghanistan (l')",
#               "Países Bajos (los)"); no parentheses when it takes none ("Cuba", "Portugal").
#   fr_text, es_text: only where the parentheses hold more than an article (a list form such as
#               "Bolivie (État plurinational de)"): the running-text form, article first, in
#               lowercase ("l'État plurinational de Bolivie"): UNTERM's formal name.
#   en_text:    the English name in running text, where UNTERM's English short name takes "the"
#               ("Netherlands (the)": "the Netherlands"); a list or a table prints the name
#               of states.yaml.
#   fr_gender:  m or f, for French names whose article hides the gender that agreement needs:
#               the elided "l'" (« l'Angola est devenu », « l'Albanie est devenue »), the plural
#               "les" (« les Philippines sont devenues », « les Pays-Bas sont devenus ») and no
#               article (« Cuba », f). A name with "le" or "la" shows its gender and has none.
#   renamed:    names the UN took after the 4th MSP report's date (2013-09-01), each with the
#               day the UN took it (on) and the new names in English, French and Spanish. The
#               top-level names are those valid before the first renaming.
#
# The data package holds today's names; the names before a renaming are taken from an older
# snapshot of it where one had them (Czech Republic, the former Yugoslav Republic of Macedonia).
# Where no source was found (the French and Spanish names of Cape Verde and Swaziland before
# their renamings, the French and Spanish forms of Türkiye) they are the project's proposals,
# marked by a comment: a translator should check every renamed entry against UNTERM's history
# or UN documents of the period before a French or Spanish report is issued.
# Not entered as a renaming: the Netherlands, whose UN short name later became "Netherlands
# (Kingdom of the)" (« Pays-Bas (Royaume des) »); the day the UN took it was not found.

"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--csv", type=Path, required=True, help="data/country-codes.csv")
    parser.add_argument("--genders", type=Path, help="the older snapshot's country-codes.csv")
    parser.add_argument("--names", type=Path, help="the current names.yaml (kept fields)")
    parser.add_argument("--write", action="store_true", help="write --names (else stdout)")
    args = parser.parse_args(argv)
    with args.csv.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    genders: dict[str, str] = {}
    if args.genders:
        with args.genders.open(encoding="utf-8", newline="") as f:
            genders = genders_of(csv.DictReader(f))
    text, notes = build(rows, genders, read_current(args.names))
    for note in notes:
        print(note, file=sys.stderr)
    if args.write:
        if args.names is None:
            parser.error("--write needs --names")
        args.names.write_text(text, encoding="utf-8", newline="\n")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
