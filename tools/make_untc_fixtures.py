"""Write tests/fixtures/untc/: the CCM's status as the depositary publishes it, as of the 4th MSP.

The facts are those of the seed report's status table (tests/fixtures/4msp-report.txt: 108
signatories, 83 States Parties as of 1 September 2013); the layout is the UN Treaty
Collection's, as its XML export (XXVI-6.en.xml) and its status page show it: the depositary
lists every participant under today's name (Cabo Verde, Eswatini), writes a day below 10
with a leading space, marks an accession with `a`, and puts footnote markers after a name.

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


def cells(row: SeedRow) -> tuple[str, str, str]:
    # A State that did not sign may join only by accession (Article 16).
    code = "a" if row.signature is None and row.deposit is not None else ""
    return cell(row.signature), "", cell(row.deposit, code)


def counts(table: list[tuple[str, str, str, str, str]]) -> tuple[int, int]:
    return sum(bool(r[2]) for r in table), sum(bool(r[4]) for r in table)


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


def page(table: list[tuple[str, str, str, str, str]]) -> bytes:
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
        f'<span id="{PREFIX}lblStatusAsAt">STATUS AS AT : {AS_AT:%d-%m-%Y} 09:00:00 EDT</span>',
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
        *(
            f"<p><sup>{i}</sup> {html.escape(note)}</p>"
            for i, note in enumerate(FOOTNOTES.values(), start=1)
        ),
        "</div>",
        "</form>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(lines).encode("utf-8")


def main() -> None:
    table = rows()
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "XXVI-6.en.xml").write_bytes(xml(table))
    (OUT / "XXVI-6.html").write_bytes(page(table))
    print(f"wrote {OUT / 'XXVI-6.en.xml'} and {OUT / 'XXVI-6.html'}: {len(table)} participants")


if __name__ == "__main__":
    main()
