"""The whole pipeline, one stage after another.

    data/*.yaml --load--> Inputs --compute--> Figures --render--> .docx --write--> output/


The figures and the Word stack are imported only by `build`, so that `check` starts fast
(benchmarks/RESULTS.md measures it).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.load import load, load_with_warnings
from reportgen.models import Inputs
from reportgen.problems import InputError, Problem

if TYPE_CHECKING:
    from reportgen.figures import Figures

DEFAULT_DATA = Path("data")
DEFAULT_TEMPLATE = Path("templates/report.docx")
DEFAULT_OUTPUT = Path("output/report.docx")
DEFAULT_SCHEMAS = Path("schemas")


@dataclass(frozen=True)
class Built:
    """What a build made, and the warnings its inputs raised."""

    output: Path
    inputs: Inputs
    figures: Figures
    warnings: tuple[Problem, ...]
    pdf: Path | None = None


def build(
    data: Path = DEFAULT_DATA,
    template: Path = DEFAULT_TEMPLATE,
    output: Path = DEFAULT_OUTPUT,
    *,
    strict: bool = False,
    pdf: bool = False,
) -> Built:
    """Generate the report from `data` through `template` into `output`.

    Raises `InputError` with every problem of the inputs (warnings too when `strict`), of
    the template, or of the output path; the previous output is then left as it was.
    With `pdf`, also writes the PDF beside the output through LibreOffice, whose absence
    (`reportgen.pdf.PdfError`) is found before anything is written.
    """
    from reportgen.figures import compute
    from reportgen.pdf import convert_to_pdf, find_soffice
    from reportgen.render import render
    from reportgen.text import NotADocx, read_docx
    from reportgen.write import write_document

    if pdf:
        find_soffice()
    inputs, warnings = load(data, strict=strict)
    if not template.is_file():
        raise InputError([Problem.about(str(template), "template", "is missing")])
    try:
        read_docx(template)
    except NotADocx as error:
        reason = str(error).removeprefix(f"{template}: ")
        raise InputError([Problem.about(str(template), "template", f"is {reason}")]) from error
    figures = compute(inputs)
    document = render(inputs, figures, template)
    try:
        write_document(document, output)
    except OSError as error:
        reason = error.strerror or str(error)
        raise InputError(
            [Problem.about(str(output), "output", f"cannot be written ({reason})")]
        ) from error
    return Built(output, inputs, figures, tuple(warnings), convert_to_pdf(output) if pdf else None)


def check(data: Path = DEFAULT_DATA) -> list[Problem]:
    """Every problem (errors and warnings) of the inputs in `data`, without building."""
    _, problems, _ = load_with_warnings(data)
    return sorted(problems)
