"""Create templates/report.docx from nothing: how the committed template was first made.

    python tools/make_template.py [templates/report.docx]

The .docx is the source: users edit it in Word, and tests/golden/template.txt shows each of
their changes in review. Running this again throws those edits away; it exists so that
the template's first version can be reproduced and read, and to start a template for
another meeting from a clean slate. Prose is the 4th MSP report's; every figure, name and
date is a placeholder filled from data/.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import sys
from pathlib import Path

import docx
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Cm, Pt, RGBColor

from reportgen.core.writing import write_atomically
from reportgen.documents.report import charts
from reportgen.documents.report.context import report_formats
from reportgen.documents.report.values import SENTENCES
from reportgen.figures.compute import compute
from reportgen.inputs.load import load
from reportgen.language.fluent import Sentences, read_catalogue
from reportgen.ooxml import authoring as ooxml_authoring
from reportgen.ooxml import charts as ooxml_charts
from reportgen.ooxml import footnotes as ooxml_footnotes
from reportgen.ooxml import workbook as ooxml_workbook
from reportgen.ooxml import writer as ooxml_writer
from reportgen.templating.charts import Chart

sys.path.insert(0, str(Path(__file__).parent))
from template_text import TRANSLATIONS

BLACK = RGBColor(0, 0, 0)


def _styles(document: docx.document.Document) -> None:
    """Word's built-in styles, set for a formal report: Times New Roman, black headings."""
    styles = document.styles
    ooxml_authoring.set_default_font(document, "Times New Roman", LANGUAGE_TAGS[LANG[0]])
    normal = styles["Normal"]
    normal.font.size = Pt(12)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for name, size, before, after in (
        ("Title", 18, 0, 4),
        ("Subtitle", 13, 0, 4),
        ("Heading 1", 13, 18, 6),
        ("Heading 2", 12, 12, 4),
    ):
        style = styles[name]
        ooxml_authoring.plain_style(style)
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = BLACK
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    for name in ("Title", "Subtitle"):
        styles[name].font.all_caps = True
        styles[name].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for name in ("Header", "Footer"):
        styles[name].font.size = Pt(9)
    caption = styles["Caption"]  # Word's built-in "caption", which a table of figures lists
    caption.font.size = Pt(10)
    caption.font.bold = True
    caption.font.color.rgb = BLACK
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.paragraph_format.space_before = Pt(4)
    caption.paragraph_format.space_after = Pt(12)
    styles["List Bullet"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    styles["List Bullet"].paragraph_format.space_after = Pt(3)
    if "Table Text" not in [s.name for s in styles]:
        table_text = styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
        table_text.base_style = styles["Normal"]
        table_text.font.size = Pt(10)
        table_text.paragraph_format.space_after = Pt(0)
        table_text.paragraph_format.line_spacing = 1.0
        table_text.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    ooxml_footnotes.enable_footnotes(document)


def _page(document: docx.document.Document) -> None:
    """A4, 2.5 cm margins, letterhead on the first page, page numbers on every page."""
    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.5))
    section.different_first_page_header_footer = True
    header = section.first_page_header
    loop, line, end = (header.paragraphs[0], header.add_paragraph(), header.add_paragraph())
    loop.text = "{%p for line in letterhead %}"
    line.text = "{{ line }}"
    line.alignment = WD_ALIGN_PARAGRAPH.CENTER
    line.runs[0].bold = True
    end.text = "{%p endfor %}"
    for footer in (section.footer, section.first_page_footer):
        paragraph = footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        ooxml_authoring.add_page_number(paragraph)


class _Writer:
    """Appends the template's paragraphs in order."""

    def __init__(self, document: docx.document.Document) -> None:
        self.document = document
        self.recommendations = ooxml_authoring.add_list_definition(document, "lowerRoman", "%1)")

    def p(self, text: str, style: str | None = None, *, italic: bool = False) -> None:
        paragraph = self.document.add_paragraph(style=style)
        run = paragraph.add_run(text)
        run.italic = italic or None

    def heading(self, text: str, level: int) -> None:
        self.document.add_heading(text, level)

    def loop(self, head: str, *body: tuple[str, str | None], end: str = "{%p endfor %}") -> None:
        self.p(head)
        for text, style in body:
            self.p(text, style)
        self.p(end)


REGIONAL_RESULTS = (
    "We should note in particular that since {{ since.start|year }}, "
    "{{ regional_results }} We thus appeal to the countries that are not yet States Parties "
    "to the Convention to consider their position once again by joining the CCM."
)
"""Part II, point 3's paragraph after the letter (numbered 3. itself when there is none)."""


def _body(document: docx.document.Document) -> None:
    w = _Writer(document)
    w.p("{{ report.title }}", "Title")
    w.p("{{ convention.name }}", "Subtitle")
    centred = document.add_paragraph()
    centred.alignment = WD_ALIGN_PARAGRAPH.CENTER
    centred.add_run("Report by {{ coordination.authors|names('the') }}").italic = True

    w.p(
        "{{ sentence.for_the_past }}, {{ coordination.issuer|name('the') }} has been strongly "
        "involved in the universalisation efforts of the {{ convention.name }}, after "
        "having been appointed as co-coordinator by the {{ coordination.appointed_at.name }}, "
        "{{ sentence.appointed_held }}."
    )
    w.p("{{ sentence.coordination_taken_up }}")
    w.p(
        "The present report gives an account of the efforts undertaken by the co-coordinators "
        "in the {{ sentence.periods_served }}, and is divided into four parts:"
    )
    for part in (
        "I. Latest figures",
        "II. Action taken jointly by the co-coordinators",
        "III. Regional outreach",
        "IV. Lessons learned",
    ):
        w.p(part, "List Bullet")

    # I. Latest figures ---------------------------------------------------------------
    w.heading("I. Latest figures", 1)
    w.p("{{ sentence.new_states_parties }}")
    # With no new State Party, neither the table nor the lead-in (regional_distribution):
    # the first sentence has said that no State joined.
    w.p("{%p if figures.new_states_parties.count %}")
    _new_states_parties_table(document)
    after_table = document.add_paragraph("{{ sentence.regional_distribution }}")
    after_table.paragraph_format.space_before = Pt(6)
    w.p("{%p endif %}")
    w.loop("{%p for line in new_by_region %}", ("{{ line }}", "List Bullet"))
    # How the new States Parties joined: accessions and successions named, the rest
    # ratified; then how the period's joined; then the signatories still to ratify.
    w.p("{{ sentence.accessions }}{{ sentence.period_deposits }}{{ sentence.yet_to_ratify }}")
    w.p(
        "Taking into account that the Convention was only opened for signature on "
        "{{ convention.opened_for_signature|long_date }}, we may well consider the "
        "{{ convention.short_name }} a very fortunate instrument of international law for its "
        "speedy entry into force, on {{ convention.entry_into_force|long_date }}, although full "
        "universalisation seems to drag on, mostly due to security concerns. Nevertheless, it "
        "looks as if the basic concerns of the {{ convention.short_name }} are generally "
        "accepted: i) to clear affected areas; ii) to assist victims; and iii) to destroy the "
        "enormous stockpiles of these weapons, thus making the {{ convention.short_name }} not "
        "only a disarmament and non-proliferation instrument but also a very relevant "
        "humanitarian law mechanism."
    )
    _chart(
        document,
        "states_parties_over_time",
        "States Parties to the {{ convention.short_name }} from "
        "{{ convention.opened_for_signature|long_date }} to {{ report.as_of|long_date }}",
    )
    # With no new State Party, no chart of them by region (five bars of 0) nor its caption:
    # the first sentence has said that no State joined. It is the last figure, so no later
    # caption's number changes.
    w.p("{%p if figures.new_states_parties.count %}")
    _chart(
        document,
        "new_states_parties_by_region",
        "New States Parties since the {{ since.name }}, by region",
    )
    w.p("{%p endif %}")

    # II. Action taken jointly -------------------------------------------------------
    w.heading("II. Action taken jointly by the co-coordinators", 1)
    w.p(
        "1. As reported last year, in a joint effort, {{ demarches.by|names('the') }} delivered "
        "demarches in the capitals of {{ demarches.states_approached }} States that were not "
        "yet Parties to the CCM. {{ sentence.replies }}, "
        "providing greater clarity on the status of their ratification or accession processes, "
        "as well as a better understanding of the difficulties that some States face when "
        "considering joining this disarmament convention."
    )
    w.p(
        "As many as {{ demarches.reporting_ongoing_processes|words }} States "
        "({{ demarches.reporting_ongoing_processes }}) reported in {{ demarches.period }} that "
        "their ratification processes were ongoing or expressed their will to join the CCM in "
        "the near future. {{ sentence.joined_since }} The numbers "
        "show, however, that an extra effort is needed to bring the States that have not "
        "finished their legal ratification process into the realm of States Parties. A great "
        "number have signalled their agreement with the principles and purposes of the CCM, "
        "but lack the resources to go through the process of ratification or accession "
        "immediately, in the face of other equally important priorities, namely concerning "
        "human rights and related instruments."
    )
    w.p(
        "Also noteworthy among those States were concerns about the administrative burden of "
        "reporting and about the financial obligations that becoming a Party to the CCM could "
        "entail, which are not limited to the destruction of stockpiles."
    )
    w.p(
        "Finally, a number of States expressed misgivings about stockpile destruction, stemming "
        "from their security needs. It must be recalled, though, as we did in the demarches, "
        "that the CCM allows States to keep a small stock of cluster munitions for training "
        "purposes, which includes detection, deactivation and clearance."
    )
    w.p("{%p if references.demarches %}")
    w.p("{{ references.demarches }}")
    w.p("{%p endif %}")
    w.p(
        "2. In addition, the question of the universalisation of the CCM was also discussed in "
        "numerous bilateral political consultations, which also contributed to raising not only "
        "the profile of the CCM but also awareness of the human suffering that these weapons "
        "cause. The universalisation team in Geneva also favoured a regional approach, as the "
        "CCM calls for{{ references.regional_approach }}. We would recall here some of the "
        "initiatives led by some countries and non-State actors, without prejudice to others "
        "that may have taken place:"
    )
    w.loop("{%p for line in initiatives %}", ("{{r line }}", "List Bullet"))
    w.p(
        "There is a clear and widespread group of countries that have worked towards the "
        "universalisation of the CCM, and as coordinators of this effort, we would like to "
        "thank all those States, as well as all the non-State actors that have contributed so "
        "much to our endeavours."
    )
    # Point 3 opens with the letter the report tells of (the latest campaign of
    # campaigns.yaml); without one, its number goes to the paragraph after.
    w.p("{%p if letter %}")
    w.p(
        "3. This year, in a letter signed by the Permanent Representatives of "
        "{{ letter.signed_by|names('the') }} to the United Nations in Geneva, the merits of "
        "the CCM "
        "were again highlighted and {{ letter.states_addressed }} States, which were still not "
        "Parties and had missions in Geneva, were urged to consider joining the CCM. "
        "{{ sentence.letter_replies }}"
    )
    w.p(REGIONAL_RESULTS)
    w.p("{%p else %}")
    w.p("3. " + REGIONAL_RESULTS)
    w.p("{%p endif %}")
    w.p(
        "4. {{ sentence.summary_opening }} "
        "a summary of the answers the co-coordinators received "
        "{{ sentence.answers_period }} to their initiatives."
    )
    w.p("{%p if references.categories_paper %}")
    w.p("{{ references.categories_paper }}")
    w.p("{%p endif %}")
    w.p(
        "In addition, we States Parties to the CCM need to continue a dialogue with the main "
        "producers and possessors of cluster munitions to bring them to join the Convention. "
        "Most of these main producer countries have supported the concept of restricting the "
        "use of cluster munitions under the CCW process, which indicates that they are open to "
        "discussing this issue."
    )
    w.p(
        "Even the largest possessors understand the humanitarian concerns caused by cluster "
        "munitions. Some States have indicated that armament stocks are being renewed taking "
        "into consideration the humanitarian consequences of cluster munitions. Although we "
        "recognise the efforts made by some States to significantly reduce the failure rate of "
        "cluster munitions, to 1% or even less, efforts must continue to bring all countries to "
        "the CCM and to achieve the major goal of a world rid of cluster munitions."
    )
    w.p(
        "{{ sentence.groups }} {{ sentence.category_ii_outlook }}We should also note that in "
        "the renewed demarches "
        "this year, some countries reconfirmed that they will not ratify the CCM in the near "
        "future."
    )
    w.p("{%p for c in categories %}")
    heading = document.add_heading("{{ c.heading }}", 2)
    heading.add_run("{{r c.footnote }}")
    w.loop("{%p for paragraph in c.description %}", ("{{ paragraph }}", None))
    w.p("{%p endfor %}")
    w.p(
        "At this stage, as of {{ report.as_of|long_date }}, the status of membership of the "
        "Convention is as follows:"
    )
    _status_table(document)

    # III. Regional outreach -----------------------------------------------------------
    w.heading("III. Regional outreach", 1)
    w.p(
        "Representatives from {{ strategy.participants }} African States were outspoken in "
        "calling for a \u2018concerted and accelerated effort\u2019 towards an Africa-wide ban on "
        "cluster bombs at a meeting in {{ strategy.place }} on {{ strategy.dates }}."
    )
    w.p(
        "African States adopted the \u201c{{ strategy.name }}\u201d at the meeting, which sets "
        "out concrete steps States will take to achieve continent-wide membership of the "
        "{{ convention.opened_for_signature|year }} {{ convention.name }} and a commitment to "
        "the full, effective and rapid implementation of the treaty. These include: "
        "{{ strategy.measures|names }}."
    )

    # IV. Lessons learned --------------------------------------------------------------
    w.heading("IV. Lessons learned", 1)
    w.p(
        "After consulting with interested States, including many States that have yet to "
        "become Party to the CCM, we came to the conclusion that universalisation efforts have "
        "greater impact when {{ sentence.lines_of_action }}. "
        "The efforts regarding universalisation "
        "must continue, and we should take the moment of the {{ meeting.short_name }} to "
        "promote it and to appeal to States not Parties to adhere to this major instrument of "
        "international law."
    )
    w.p(
        "A group of initiatives should be kept, starting with the regional approaches, which "
        "have so far proved to be a very effective means, but also because they may contribute "
        "to confidence building between countries. This regional approach should be applied in "
        "the most flexible way, so that the goal of universalisation can be put forward."
    )
    w.p(
        "In addition, promotion among political groupings has translated into positive "
        "results.{{ own_initiatives }}"
    )
    w.p(
        "It is of equal importance to continue to fully engage with the main producers and "
        "stockpilers, underlining the lethal and indiscriminate character of these weapons. The "
        "humanitarian nature of the CCM{{ references.humanitarian_nature }} should continue "
        "to be highlighted in these discussions."
    )
    w.p(
        "The strategy of prioritising countries as a result of the demarches made so far may "
        "contribute to a faster pace of universalisation, as well as to a more precise idea of "
        "the reasoning behind countries\u2019 positions on the CCM. The differentiation is of an "
        "analytical nature, and is intended only as a reference for a more guided or targeted "
        "approach."
    )
    w.p("Taking into account the motives presented by the different States, we consider that:")
    w.p("{%p for recommendation in recommendations %}")
    item = document.add_paragraph("{{ recommendation }}", style="List Number")
    ooxml_authoring.use_list(item, w.recommendations)
    w.p("{%p endfor %}")


def _chart(document: docx.document.Document, name: str, title: str) -> None:
    """A native chart in a centred paragraph of its own, kept with its caption below.

    The chart's look is its design in tools/charts/NAME.xml: Times New Roman like the
    prose, the report's colours, its axes. It is filled here with the data of data/, so
    that the template shows what the report will. The placeholder `{{ charts.NAME }}` after
    it, in the same paragraph, binds it: a build fills the chart with the figures of NAME,
    keeps the design (as the template holds it, edited in Word or LibreOffice or not),
    prints nothing for the placeholder, and writes the chart's words into its alternative
    text. The caption is Word's: the built-in Caption style and a SEQ field, so that Word
    numbers the figures and can list them.
    """
    chart = _charts_from_data(LANG[0])[name]
    series = [ooxml_charts.ChartSeries(s.name, s.values, s.style, s.labelled) for s in chart.series]
    design = _in_language((Path(__file__).parent / "charts" / f"{name}.xml").read_bytes())
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    layout = paragraph.paragraph_format
    layout.keep_with_next = True
    layout.line_spacing = 1.0
    layout.space_before = Pt(6)
    layout.space_after = Pt(0)
    ooxml_authoring.add_chart(
        document,
        paragraph,
        ooxml_charts.fill_chart(design, chart.categories, series),
        ooxml_workbook.workbook(chart.category_title, chart.categories, series),
        Cm(TEXT_WIDTH_CM),
        Cm(CHART_HEIGHTS_CM[name]),
        title=chart.title,
        description=f"{chart.title}: each build writes this text from the figures shown.",
    )
    paragraph.add_run(f"{{{{ charts.{name} }}}}")
    caption = document.add_paragraph(style="Caption")
    caption.add_run("Figure ")
    ooxml_authoring.add_sequence_number(caption, "Figure")
    caption.add_run(f": {title}")


DATE_AXIS_LOCALES = {"en": "", "fr": "[$-40C]", "es": "[$-C0A]"}
"""The language of a date axis's month names, as Excel and LibreOffice read a number format
(Windows locale ids: 040C French, 0C0A Spanish)."""


def _in_language(design: bytes) -> bytes:
    """A chart design in the template's language: its text language (for spelling and
    hyphenation), its axis title, and the month names of its date axis."""
    lang = LANG[0]
    if lang == "en":
        return design
    text = design.decode("utf-8").replace('lang="en-GB"', f'lang="{LANGUAGE_TAGS[lang]}"')
    title = TRANSLATIONS[lang]["States Parties"]
    text = text.replace("<a:t>States Parties</a:t>", f"<a:t>{title}</a:t>")
    text = text.replace('formatCode="mmm yyyy"', f'formatCode="{DATE_AXIS_LOCALES[lang]}mmm yyyy"')
    return text.encode("utf-8")


TEXT_WIDTH_CM = 16.0
"""The text width of an A4 page with 2.5 cm margins: charts fill it."""

CHART_HEIGHTS_CM = {"states_parties_over_time": 8.0, "new_states_parties_by_region": 5.5}


LANG = ["en"]
"""The language of the template being made (`--lang`)."""


@functools.cache
def _charts_from_data(lang: str) -> dict[str, Chart]:
    """The charts of data/, as a build would fill them: the template's first contents."""
    root = Path(__file__).parent.parent
    inputs = load(root / "data", lang=lang)[0]
    figures = compute(inputs)
    formats = report_formats(inputs)
    suffix = "" if lang == "en" else f".{lang}"
    catalogue = read_catalogue(
        root / "templates" / f"report{suffix}.ftl", str(formats.locale), SENTENCES
    )
    say = Sentences(catalogue, formats)
    return {
        "states_parties_over_time": charts.states_parties_over_time(
            figures.states_parties_over_time, formats, say
        ),
        "new_states_parties_by_region": charts.new_states_parties_by_region(
            figures.new_states_parties,
            figures.new_states_parties_by_region,
            inputs.meeting(inputs.report.counting_since),
            formats,
            say,
        ),
    }


def _new_states_parties_table(document: docx.document.Document) -> None:
    """Two columns of names, without borders; bold comes from the data."""
    table = document.add_table(rows=3, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column in table.columns:
        column.width = Cm(7)
    ooxml_authoring.remove_borders(table)
    table.cell(0, 0).paragraphs[0].text = "{%tr for row in new_states_parties %}"
    table.cell(1, 0).paragraphs[0].add_run("{{r row[0] }}")
    table.cell(1, 1).paragraphs[0].add_run("{{r row[1] }}")
    table.cell(2, 0).paragraphs[0].text = "{%tr endfor %}"
    for row in table.rows:
        for cell in row.cells:
            cell.width = Cm(7)
            cell.paragraphs[0].style = document.styles["Table Text"]


def _status_table(document: docx.document.Document) -> None:
    """States | Signature | Ratification/Accession, with a total and a repeated header."""
    table = document.add_table(rows=5, cols=3)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = (Cm(9), Cm(3.5), Cm(3.5))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    texts = [
        ("States", "Signature", "Ratification/Accession"),
        ("Total", "{{ figures.signatories.count }}", "{{ figures.states_parties.count }}"),
        ("{%tr for state in status %}", "", ""),
        ("{{ state.name }}", "{{ state.signature|short_date }}", "{{ state.deposit|short_date }}"),
        ("{%tr endfor %}", "", ""),
    ]
    for row, values in zip(table.rows, texts, strict=True):
        ooxml_authoring.keep_row_together(row)
        for cell, width, text in zip(row.cells, widths, values, strict=True):
            cell.width = width
            paragraph = cell.paragraphs[0]
            paragraph.style = document.styles["Table Text"]
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


LANGUAGE_TAGS = {"en": "en-GB", "fr": "fr-FR", "es": "es-ES"}
"""The language Word checks the spelling of each template in."""


def make_template(lang: str = "en") -> bytes:
    """The template in `lang` as .docx bytes: English made here, French and Spanish the
    same document with each English text replaced by its translation (tools/template_text.py)."""
    LANG[0] = lang
    document = docx.Document()
    ooxml_authoring.drop_parts(document, RT.THUMBNAIL, RT.CUSTOM_XML)
    _styles(document)
    _page(document)
    _body(document)
    if lang != "en":
        translate(document, TRANSLATIONS[lang])
    # python-docx starts from an empty paragraph; the template begins with its title
    first = document.paragraphs[0]
    if not first.text:
        first._p.getparent().remove(first._p)
    ooxml_authoring.drop_parts(document, ooxml_authoring.STYLES_WITH_EFFECTS)
    ooxml_authoring.drop_unused_table_styles(document)
    properties = document.core_properties
    texts = TRANSLATIONS.get(lang, {})
    title = "CCM universalisation report (template)"
    properties.title = texts[title] if lang != "en" else title
    properties.author = "reportgen"
    properties.last_modified_by = "reportgen"
    comments = "Placeholders are filled from data/ by `make report`."
    properties.comments = texts[comments] if lang != "en" else comments
    properties.revision = 1
    moment = dt.datetime(2013, 1, 1)
    properties.created = properties.modified = properties.last_printed = moment
    return ooxml_writer.package_bytes(document)


def translate(document: docx.document.Document, texts: dict[str, str]) -> None:
    """Each run's English text replaced by its translation; a run with English words and
    no translation stops the script (a template must not keep English)."""
    section = document.sections[0]
    paragraphs = [*document.paragraphs, *section.first_page_header.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs += cell.paragraphs
    untranslated = []
    for paragraph in paragraphs:
        for run in paragraph.runs:
            text = run.text
            if text in texts:
                run.text = texts[text]
            elif any(c.isalpha() for c in _TAGS.sub("", text)):
                untranslated.append(text)
    if untranslated:
        raise SystemExit("no translation for:\n" + "\n".join(untranslated))


_TAGS = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")


def main() -> None:
    arguments = sys.argv[1:]
    lang = "en"
    if arguments[:1] == ["--lang"]:
        lang, arguments = arguments[1], arguments[2:]
    default = "templates/report.docx" if lang == "en" else f"templates/report.{lang}.docx"
    target = Path(arguments[0] if arguments else default)
    write_atomically(make_template(lang), target)
    print(f"wrote {target}", file=sys.stderr)


if __name__ == "__main__":
    main()
