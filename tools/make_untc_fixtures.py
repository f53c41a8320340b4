"""Write tests/fixtures/untc/: the CCM's status as the depositary publishes it.

As of the 4th MSP (XXVI-6.en.xml, XXVI-6.html): the facts are those of the seed report's
status table (tests/fixtures/4msp-report.txt: 108 signatories, 83 States Parties as of
1 September 2013); the layout is the UN Treaty Collection's, as its XML export and its status
page show it: the depositary lists every participant under today's name (Cabo Verde,
Eswatini), writes a day below 10 with a leading space, marks an accession with `a`, and puts
footnote markers after a name.

As of 1 September 2023, 2025 and 2026 (XXVI-6.2023-09-01.html, XXVI-6.2025-09-01.html,
XXVI-6.2026-09-01.html): the same table with every deposit made since 1 September 2013 and
Lithuania's withdrawal, from the public record (DEPOSITS and WITHDRAWALS below, each with its
source; the facts and what was not confirmed are listed in tests/fixtures/public-2023/
README.md, tests/fixtures/public-2025/README.md and tests/fixtures/public-2026/README.md).
These three pages are RECONSTRUCTED: they were not saved from the UN's site. Their rows are
the record's dates in the depositary's layout; the wording of the withdrawal's footnote and
the brackets around the withdrawn participant are the forms `reportgen import untc` accepts,
since the UN's own form after a withdrawal is not confirmed.

Run it from the repository's top folder after a change to the seed or to this layout:

    .venv/bin/python tools/make_untc_fixtures.py
"""

from __future__ import annotations

import datetime as dt
import html
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.seed import SeedRow, read_seed  # noqa: E402

OUT = ROOT / "tests" / "fixtures" / "untc"
AS_AT = dt.date(2013, 9, 1)

# Every instrument deposited after 1 September 2013 (the 4th MSP data's as-of day) and up to
# 1 September 2026: name as the depositary lists it, kind ("r" ratification by a signatory,
# "a" accession), day, and its source (a key of the sources in tests/fixtures/public-2023/
# README.md, or public-2026/README.md for Vanuatu). 30 deposits: from 83 instruments on
# 1 September 2013 to 113 (112 Parties once Lithuania's withdrawal took effect).
DEPOSITS = (
    ("Saint Kitts and Nevis", "a", dt.date(2013, 9, 13), "cmc-2013-kna"),
    ("Congo", "r", dt.date(2014, 9, 2), "untc-xml"),
    ("Belize", "a", dt.date(2014, 9, 2), "untc-xml"),
    ("Guinea", "r", dt.date(2014, 10, 21), "cmc-2014-gin"),
    ("Guyana", "a", dt.date(2014, 10, 31), "monitor-2015-guy"),
    ("State of Palestine", "a", dt.date(2015, 1, 2), "ccm-2015-pse"),
    ("Paraguay", "r", dt.date(2015, 3, 12), "cmc-2015-pry"),
    ("Canada", "r", dt.date(2015, 3, 16), "untc-xml"),
    ("South Africa", "r", dt.date(2015, 5, 28), "cmc-2015-zaf"),
    ("Slovakia", "a", dt.date(2015, 7, 24), "cmc-2015-svk"),
    ("Rwanda", "r", dt.date(2015, 8, 25), "cmc-2015-rwa"),
    ("Iceland", "r", dt.date(2015, 8, 31), "monitor-2016-status"),
    ("Colombia", "r", dt.date(2015, 9, 10), "untc-xml"),
    ("Somalia", "r", dt.date(2015, 9, 30), "monitor-2016-som"),
    ("Mauritius", "a", dt.date(2015, 10, 1), "cmc-2015-mus"),
    ("Cuba", "a", dt.date(2016, 4, 6), "untc-xml"),
    ("Palau", "r", dt.date(2016, 4, 19), "ccm-2016-plw"),
    ("Madagascar", "r", dt.date(2017, 5, 20), "cmc-2017-mdg"),
    ("Benin", "r", dt.date(2017, 7, 10), "untc-xml"),
    ("Sri Lanka", "a", dt.date(2018, 3, 1), "cmc-2018-lka"),
    ("Namibia", "r", dt.date(2018, 8, 31), "monitor-2020-nam"),
    ("Gambia", "r", dt.date(2018, 12, 11), "cmc-2018-gmb"),
    ("Philippines", "r", dt.date(2019, 1, 3), "monitor-2019-phl"),
    ("Maldives", "a", dt.date(2019, 9, 27), "monitor-2022-mdv"),
    ("Sao Tome and Principe", "r", dt.date(2020, 1, 27), "monitor-2022-stp"),
    ("Niue", "a", dt.date(2020, 8, 6), "wvcbl-2020-niu"),
    ("Saint Lucia", "a", dt.date(2020, 9, 15), "cmc-2020-lca"),
    ("Nigeria", "r", dt.date(2023, 2, 28), "ccm-2023-nga"),
    ("South Sudan", "a", dt.date(2023, 8, 3), "ccm-2023-ssd"),
    ("Vanuatu", "a", dt.date(2025, 9, 5), "ccm-2025-vut"),
)
# Belize declared provisional application on the day it acceded (the UN's XML export: "2 Sep
# 2014 n" in the column of provisional application).
PROVISIONAL = {"Belize": dt.date(2014, 9, 2)}
# Withdrawals (Article 20): the day the depositary received the instrument, the day it took
# effect. Lithuania's effective day is the record's (13MSP Presidency statement of 6 March
# 2025); the day of receipt is six months earlier by Article 20(2) and is NOT CONFIRMED by a
# depositary notification (tests/fixtures/public-2025/README.md).
WITHDRAWALS = {"Lithuania": (dt.date(2024, 9, 6), dt.date(2025, 3, 6))}
WITHDRAWAL_NOTE = (
    "On {notified}, the Government of {name} notified the Secretary-General of its decision "
    "to withdraw from the Convention. The withdrawal took effect on {effective} in accordance "
    "with article 20 (2)."
)

TODAY_NAMES = {
    # How the depositary names today the States the 2013 table names otherwise.
    "Cape Verde": "Cabo Verde",
    "Swaziland": "Eswatini",
    "Netherlands": "Netherlands (Kingdom of the)",
    "The former Yugoslav Republic of Macedonia": "North Macedonia",
    "Saint-Vincent and Grenadines": "Saint Vincent and the Grenadines",
}
FOOTNOTES = {
    # Participants whose row carries a footnote marker, and the note (territorial scope).
    "Denmark": "With a territorial exclusion in respect of the Faroe Islands and Greenland.",
    "Netherlands (Kingdom of the)": "For the European part of the Netherlands.",
    "United Kingdom of Great Britain and Northern Ireland": (
        "On ratification, the Government of the United Kingdom declared the Convention "
        "applicable to the territories for whose international relations it is responsible."
    ),
}
COLUMNS = (
    "Participant",
    "Signature",
    "Provisional application(n)",
    "Approval(AA), Acceptance(A), Accession(a), Ratification",
)


def cell(day: dt.date | None, code: str = "") -> str:
    """A date as the depositary writes it: ' 3 Dec 2008', '16 Feb 2010 a'."""
    if day is None:
        return ""
    text = f"{day.day:2d} {day.strftime('%b')} {day.year}"
    return f"{text} {code}" if code else text


def rows() -> list[tuple[str, str, str, str, str]]:
    """Name, footnote mark, signature, provisional application and instrument cells."""
    seed = read_seed()
    found = []
    marks = {name: str(i) for i, name in enumerate(FOOTNOTES, start=1)}
    for row in seed.rows:
        name = TODAY_NAMES.get(row.name, row.name)
        found.append((name, marks.get(name, ""), *cells(row)))
    found.sort(key=lambda r: r[0].casefold())
    return found


def rows_as_at(day: dt.date) -> tuple[list[tuple[str, str, str, str, str]], list[str]]:
    """The seed's table rolled forward to `day` with DEPOSITS and WITHDRAWALS: its rows, and
    the footnotes (FOOTNOTES, then one per withdrawal notified by `day`)."""
    table = {r[0]: list(r) for r in rows()}
    for name, kind, deposited, _source in DEPOSITS:
        if deposited > day:
            continue
        row = table.setdefault(name, [name, "", "", "", ""])
        if kind == "r" and not row[2]:
            raise SystemExit(f"{name}: a ratification, but the seed has no signature")
        if row[4]:
            raise SystemExit(f"{name}: two instruments")
        row[4] = cell(deposited, "a" if kind == "a" else "")
        if name in PROVISIONAL and PROVISIONAL[name] <= day:
            row[3] = cell(PROVISIONAL[name], "n")
    notes = list(FOOTNOTES.values())
    for name, (notified, effective) in WITHDRAWALS.items():
        if notified > day:
            continue
        notes.append(
            WITHDRAWAL_NOTE.format(
                notified=long_day(notified), name=name, effective=long_day(effective)
            )
        )
        row = table[name]
        row[1] = str(len(notes))
        if effective <= day:
            row[0] = f"[{name}]"
    found = sorted((tuple(r) for r in table.values()), key=lambda r: r[0].strip("[]").casefold())
    return found, notes  # type: ignore[return-value]


def long_day(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


def cells(row: SeedRow) -> tuple[str, str, str]:
    # A State that did not sign may join only by accession (Article 16).
    code = "a" if row.signature is None and row.deposit is not None else ""
    return cell(row.signature), "", cell(row.deposit, code)


def counts(table: list[tuple[str, str, str, str, str]]) -> tuple[int, int]:
    """Signatories and Parties; a withdrawn participant (in brackets) is no longer a Party."""
    parties = sum(bool(r[4]) and not r[0].startswith("[") for r in table)
    return sum(bool(r[2]) for r in table), parties


def xml(table: list[tuple[str, str, str, str, str]]) -> bytes:
    signatories, parties = counts(table)

    def esc(text: str) -> str:
        return html.escape(text, quote=False)

    lines = [
        '<?xml version="1.0" encoding="ISO-8859-1"?>',
        "<MTDSG>",
        "  <Treaty>",
        "    <Header>",
        "      <Chapter>CHAPTER XXVI</Chapter>",
        "      <ChapterTitle>DISARMAMENT</ChapterTitle>",
        "      <Number>6</Number>",
        "      <Title>Convention on Cluster Munitions</Title>",
        "      <Conclusion>Dublin, 30 May 2008</Conclusion>",
        "      <EIF>1 August 2010, in accordance with article 17(1).</EIF>",
        "      <Registration>1 August 2010, No. 47713</Registration>",
        "      <Status>",
        "        <Signatories><Label>Signatories</Label>"
        f"<Value>{signatories}</Value></Signatories>",
        f"        <Parties><Label>Parties</Label><Value>{parties}</Value></Parties>",
        "      </Status>",
        "      <TreatyText>United Nations, &lt;i&gt;Treaty Series &lt;/i&gt;, vol. 2688, p. 39; "
        "depositary notification C.N.776.2008.TREATIES-2 of 10 Nov 2008</TreatyText>",
        "    </Header>",
        "    <Participants>",
        "      <Table>",
        f'        <TGroup cols="{len(COLUMNS)}">',
        "          <Thead>",
        "            <Row>",
        *(f"              <Entry>{esc(title)}</Entry>" for title in COLUMNS),
        "            </Row>",
        "          </Thead>",
        "          <Tbody>",
        "            <Rows>",
    ]
    for name, mark, signature, provisional, deposit in table:
        marked = esc(name) + (f"&lt;superscript&gt;{mark}&lt;/superscript&gt;" if mark else "")
        lines += [
            "              <Row>",
            f"                <Entry>{marked}</Entry>",
            *(f"                <Entry>{c}</Entry>" for c in (signature, provisional, deposit)),
            "              </Row>",
        ]
    lines += [
        "            </Rows>",
        "          </Tbody>",
        "        </TGroup>",
        "      </Table>",
        "    </Participants>",
        "    <EndNotes>",
        *(
            f'      <EndNote Number="{i}">{esc(note)}</EndNote>'
            for i, note in enumerate(FOOTNOTES.values(), start=1)
        ),
        "    </EndNotes>",
        "  </Treaty>",
        "</MTDSG>",
        "",
    ]
    return "\n".join(lines).encode("iso-8859-1")


PREFIX = "ctl00_ctl00_ContentPlaceHolder1_ContentPlaceHolderInnerPage_"


def page(
    table: list[tuple[str, str, str, str, str]],
    as_at: dt.date = AS_AT,
    notes: list[str] | None = None,
) -> bytes:
    notes = list(FOOTNOTES.values()) if notes is None else notes
    signatories, parties = counts(table)
    lines = [
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
        '<html xmlns="http://www.w3.org/1999/xhtml">',
        "<head>",
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />',
        "<title>United Nations Treaty Collection</title>",
        "</head>",
        "<body>",
        '<form method="post" action="./ViewDetails.aspx?src=TREATY&amp;mtdsg_no=XXVI-6'
        '&amp;chapter=26&amp;clang=_en" id="aspnetForm">',
        f'<div id="{PREFIX}pnlStatus">',
        f'<span id="{PREFIX}lblStatusAsAt">STATUS AS AT : {as_at:%d-%m-%Y} 09:00:00 EDT</span>',
        "</div>",
        f'<div id="{PREFIX}rptHead_ctl00_tcText">CHAPTER XXVI<br />DISARMAMENT</div>',
        f'<div id="{PREFIX}rptTreaty_ctl00_tcTreaty">6. Convention on Cluster Munitions</div>',
        f'<div id="{PREFIX}rptTreaty_ctl00_tcText">Dublin, 30 May 2008</div>',
        '<table class="table">',
        "<tr><td>Entry into force :</td>",
        f'<td><div id="{PREFIX}rptEIF_ctl00_tcText">1 August 2010, in accordance with '
        "article 17(1).</div></td></tr>",
        "<tr><td>Registration :</td>",
        f'<td><div id="{PREFIX}rptRegistration_ctl00_tcText">1 August 2010, No. 47713</div>'
        "</td></tr>",
        "<tr><td>Status :</td>",
        f'<td><div id="{PREFIX}rptStatus_ctl00_tcText">Signatories : {signatories}. '
        f"Parties : {parties}</div></td></tr>",
        "</table>",
        f'<div class="table-responsive"><table id="{PREFIX}tblgrid" class="table">',
        "<tr>" + "".join(f"<th>{html.escape(t)}</th>" for t in COLUMNS) + "</tr>",
    ]
    for name, mark, signature, provisional, deposit in table:
        marked = html.escape(name) + (f"<sup>{mark}</sup>" if mark else "")
        lines.append(
            f"<tr><td>{marked}</td>"
            + "".join(f"<td>{c}</td>" for c in (signature, provisional, deposit))
            + "</tr>"
        )
    lines += [
        "</table></div>",
        '<div id="EndDec">',
        *(f"<p><sup>{i}</sup> {html.escape(note)}</p>" for i, note in enumerate(notes, start=1)),
        "</div>",
        "</form>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(lines).encode("utf-8")


RECORD_DAYS = (dt.date(2023, 9, 1), dt.date(2025, 9, 1), dt.date(2026, 9, 1))


def main() -> None:
    table = rows()
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "XXVI-6.en.xml").write_bytes(xml(table))
    (OUT / "XXVI-6.html").write_bytes(page(table))
    print(f"wrote {OUT / 'XXVI-6.en.xml'} and {OUT / 'XXVI-6.html'}: {len(table)} participants")
    for day in RECORD_DAYS:
        found, notes = rows_as_at(day)
        target = OUT / f"XXVI-6.{day.isoformat()}.html"
        target.write_bytes(page(found, day, notes))
        signatories, parties = counts(found)
        print(f"wrote {target}: {len(found)} rows, {signatories} signatories, {parties} Parties")


if __name__ == "__main__":
    main()
