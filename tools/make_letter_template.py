"""Create templates/letter.docx (and letter.fr.docx, letter.es.docx) from nothing: how the
committed letter templates were first made, so that they can be reproduced and read.

    python tools/make_letter_template.py [--lang fr] [templates/letter.fr.docx]
    python tools/make_letter_template.py --annex [--lang fr] [templates/annex.fr.docx]

The .docx is the source: users edit it in Word. Running this again throws those edits away.
Prose is here, in each language; the sentences that depend on the data are the messages of
templates/letter*.ftl (the annex's in templates/annex*.ftl).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import zipfile
from pathlib import Path

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Cm, Pt

from reportgen.core.writing import write_atomically
from reportgen.ooxml import authoring as ooxml_authoring
from reportgen.ooxml import footnotes as ooxml_footnotes
from reportgen.ooxml import writer as ooxml_writer

LANGUAGE_TAGS = {"en": "en-GB", "fr": "fr-FR", "es": "es-ES"}

PROSE: dict[str, dict[str, str]] = {
    "aims": {
        "en": "The Convention prohibits all use, production, transfer and stockpiling of "
        "cluster munitions, requires the clearance of contaminated land and the destruction "
        "of stockpiles, and commits its States Parties to assist the victims of these "
        "weapons. Each State that joins it strengthens the norm it establishes, to the "
        "benefit of civilians everywhere.",
        "fr": "La Convention interdit l'emploi, la production, le transfert et le stockage des "
        "armes à sous-munitions, impose la dépollution des zones contaminées et la "
        "destruction des stocks, et engage ses États parties à porter assistance aux victimes "
        "de ces armes. Chaque État qui y adhère renforce la norme qu'elle établit, au "
        "bénéfice des populations civiles partout dans le monde.",
        "es": "La Convención prohíbe el empleo, la producción, la transferencia y el "
        "almacenamiento de municiones en racimo, exige la limpieza de las zonas contaminadas "
        "y la destrucción de las existencias, y compromete a sus Estados partes a prestar "
        "asistencia a las víctimas de estas armas. Cada Estado que se adhiere a ella "
        "fortalece la norma que establece, en beneficio de la población civil en todo el "
        "mundo.",
    },
    "template": {
        "en": "Letter to a State not party (template)",
        "fr": "Lettre à un État non partie (modèle)",
        "es": "Carta a un Estado no parte (plantilla)",
    },
    "comments": {
        "en": "Placeholders are filled from data/ by `reportgen build letters`.",
        "fr": "Les champs sont remplis à partir de data/ par `reportgen build letters`.",
        "es": "Los campos se rellenan a partir de data/ con `reportgen build letters`.",
    },
    "annex_title": {
        "en": "Status of the {{ convention.name }}",
        "fr": "État de la {{ convention.name }}",
        "es": "Estado de la {{ convention.name }}",
    },
    "annex_heading": {
        "en": "Annex",
        "fr": "Annexe",
        "es": "Anexo",
    },
    "States": {"en": "States", "fr": "États", "es": "Estados"},
    "Signature": {"en": "Signature", "fr": "Signature", "es": "Firma"},
    "Deposit": {
        "en": "Ratification/Accession",
        "fr": "Ratification/Adhésion",
        "es": "Ratificación/adhesión",
    },
    "Total": {"en": "Total", "fr": "Total", "es": "Total"},
    "annex_template": {
        "en": "Status annex (template)",
        "fr": "Annexe sur l'état de la Convention (modèle)",
        "es": "Anexo sobre el estado de la Convención (plantilla)",
    },
    "annex_comments": {
        "en": "Placeholders are filled from data/ by `reportgen build annex`.",
        "fr": "Les champs sont remplis à partir de data/ par `reportgen build annex`.",
        "es": "Los campos se rellenan a partir de data/ con `reportgen build annex`.",
    },
}
"""Each text of the templates in English, French and Spanish."""


def _base(lang: str) -> docx.document.Document:
    """An A4 document with 2.5 cm margins in Times New Roman 12, marked in `lang`."""
    document = docx.Document()
    ooxml_authoring.drop_parts(document, RT.THUMBNAIL, RT.CUSTOM_XML)
    ooxml_authoring.set_default_font(document, "Times New Roman", LANGUAGE_TAGS[lang])
    normal = document.styles["Normal"]
    normal.font.size = Pt(12)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.5))
    return document


def _finish(document: docx.document.Document, lang: str, title: str, comments: str) -> bytes:
    first = document.paragraphs[0]
    if not first.text:  # python-docx starts from an empty paragraph
        first._p.getparent().remove(first._p)
    ooxml_authoring.drop_parts(document, ooxml_authoring.STYLES_WITH_EFFECTS)
    ooxml_authoring.drop_unused_table_styles(document)
    properties = document.core_properties
    properties.title = PROSE[title][lang]
    properties.author = "reportgen"
    properties.last_modified_by = "reportgen"
    properties.comments = PROSE[comments][lang]
    properties.revision = 1
    moment = dt.datetime(2013, 1, 1)
    properties.created = properties.modified = properties.last_printed = moment
    return _named_application(ooxml_writer.package_bytes(document))


def _named_application(package: bytes) -> bytes:
    """The package with docProps/app.xml naming reportgen as the application that wrote it,
    not python-docx's default template's "Microsoft Macintosh Word"."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "docProps/app.xml":
                data = re.sub(
                    rb"<Application>[^<]*</Application>",
                    b"<Application>reportgen</Application>",
                    data,
                )
            ooxml_writer.write_entry(target, info.filename, data)
    return out.getvalue()


def make_letter(lang: str = "en") -> bytes:
    """The letter template in `lang` as .docx bytes."""
    document = _base(lang)
    body = document.styles["Body Text"]
    body.font.size = Pt(12)
    body.paragraph_format.space_after = Pt(10)
    body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    body.paragraph_format.first_line_indent = Cm(1.25)

    def p(text: str, style: str | None = None, *, after: float | None = None) -> None:
        paragraph = document.add_paragraph(style=style)
        if text:
            paragraph.add_run(text)
        if after is not None:
            paragraph.paragraph_format.space_after = Pt(after)

    dated = document.add_paragraph()
    dated.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    dated.add_run("{{ sentence.place_date }}")
    dated.paragraph_format.space_after = Pt(36)
    for line in ("excellency", "function", "mission"):
        p("{{ sentence.addressee_" + line + " }}")
    p("{{ sentence.addressee_city }}", after=30)
    p("{{ sentence.salutation }}", after=12)
    p("{{ sentence.opening }}", "Body Text")
    p("{{ sentence.status }}", "Body Text")
    p("{%p if letter.follows %}")
    p("{{ sentence.since_last }}{{ sentence.signed_since }}", "Body Text")
    p("{%p endif %}")
    p(PROSE["aims"][lang], "Body Text")
    p("{{ sentence.ask }}", "Body Text")
    p("{%p if letter.invites %}")
    p("{{ sentence.meeting }}", "Body Text")
    p("{%p endif %}")
    p("{{ sentence.closing }}", "Body Text")
    p("{%p for signer in signers %}")
    signature = document.add_paragraph()
    signature.paragraph_format.space_before = Pt(48)
    signature.paragraph_format.keep_with_next = True
    signature.add_run("{{ signer.name }}")
    p("{{ signer.title }}", after=12)
    p("{%p endfor %}")
    return _finish(document, lang, "template", "comments")


def make_annex(lang: str = "en") -> bytes:
    """The status annex's template in `lang`: a heading, the title and the report's status
    table (the same rows and footnotes, `reportgen.documents.annex`)."""
    document = _base(lang)
    ooxml_footnotes.enable_footnotes(document)
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.add_run(PROSE["annex_heading"][lang]).bold = True
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(PROSE["annex_title"][lang]).bold = True
    dated = document.add_paragraph()
    dated.alignment = WD_ALIGN_PARAGRAPH.CENTER
    dated.paragraph_format.space_after = Pt(12)
    dated.add_run("{{ sentence.annex_as_of }}")
    table = document.add_table(rows=5, cols=3)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = (Cm(9), Cm(3.5), Cm(3.5))
    texts = [
        (PROSE["States"][lang], PROSE["Signature"][lang], PROSE["Deposit"][lang]),
        (
            PROSE["Total"][lang],
            "{{ figures.signatories.count }}",
            "{{ figures.states_parties.count }}",
        ),
        ("{%tr for state in status %}", "", ""),
        ("{{ state.name }}", "{{ state.signature|short_date }}", "{{ state.deposit|short_date }}"),
        ("{%tr endfor %}", "", ""),
    ]
    for row, values in zip(table.rows, texts, strict=True):
        ooxml_authoring.keep_row_together(row)
        for cell, width, text in zip(row.cells, widths, values, strict=True):
            cell.width = width
            paragraph = cell.paragraphs[0]
            if text:
                paragraph.add_run(text)
    ooxml_authoring.repeat_as_header(table.rows[0])
    for index in (0, 1):
        for cell in table.rows[index].cells:
            cell.paragraphs[0].runs[0].bold = True
            if index == 0:
                ooxml_authoring.shade(cell, "D9D9D9")
    for row in table.rows:
        for cell in row.cells[1:]:
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    source = document.add_paragraph()
    source.paragraph_format.space_before = Pt(6)
    source.add_run("{{ sentence.annex_source }}").italic = True
    return _finish(document, lang, "annex_template", "annex_comments")


def main() -> None:
    arguments = sys.argv[1:]
    annex = "--annex" in arguments
    arguments = [a for a in arguments if a != "--annex"]
    lang = "en"
    if arguments[:1] == ["--lang"]:
        lang, arguments = arguments[1], arguments[2:]
    stem = "annex" if annex else "letter"
    default = f"templates/{stem}.docx" if lang == "en" else f"templates/{stem}.{lang}.docx"
    target = Path(arguments[0] if arguments else default)
    write_atomically(make_annex(lang) if annex else make_letter(lang), target)
    print(f"wrote {target}", file=sys.stderr)


if __name__ == "__main__":
    main()
