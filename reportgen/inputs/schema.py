"""Editor support: a JSON Schema for each file of data/, generated from the pydantic models.

The first line of each data file names its schema (`# yaml-language-server: $schema=...`), so
that VS Code's YAML extension checks, completes and explains the file while it is typed. A
squiggle under a value the loader accepts would teach delegates to ignore squiggles, so each
schema accepts exactly what the loader accepts, and refuses what it can of the rest:

- a date is text in one of the formats of `models._parse_date`, on a day of the calendar
  (YAML dates reach the loader as text; pydantic's own `format: date` would refuse 03.12.2008);
- `Text` holds a character other than white space and none that Word cannot hold;
- `Key` and `ISO3` follow the patterns their validators check;
- a bool also takes the words pydantic reads as one (`yes`, `off`...) unless it is strict.

What no single file can know (a State's name in categories.yaml, a region, a meeting key) is
left to `reportgen check`. Patterns are written in the common ground of Python's `re` (the
`jsonschema` package) and JavaScript's `RegExp` with the `u` flag (the YAML extension).
"""

from __future__ import annotations

import calendar
import functools
import json
import re
import sys
import typing
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import AfterValidator, BaseModel, BeforeValidator
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from reportgen.core.config import DEFAULT_SCHEMAS  # beside data/: modelines say ../schemas/
from reportgen.inputs import models
from reportgen.inputs.campaign import CampaignsFile
from reportgen.inputs.load import CAMPAIGNS_FILE, DATA_FILES, NAMES_FILE
from reportgen.inputs.models import NamesFile

SCHEMA_FILES: dict[str, type[BaseModel]] = {
    **DATA_FILES,
    NAMES_FILE: NamesFile,
    CAMPAIGNS_FILE: CampaignsFile,
}
"""Every file of data/ with a schema, by stem (names.yaml is needed only by French and
Spanish reports)."""

DIALECT = "http://json-schema.org/draft-07/schema#"
"""The newest draft every release of the YAML extension reads."""

_DEFINITIONS = "definitions"
_REF_TEMPLATE = "#/definitions/{model}"

_END = "$(?!\\n)"
"""End of the value: Python's `$` also matches before a final newline, which would let "PRT\\n"
through; JavaScript's never does."""

# --- Characters and patterns ------------------------------------------------------------


@functools.cache
def _white_space() -> tuple[int, ...]:
    """Python's white space (`\\s`, `str.strip`): what `clean_text` folds and dates may hold."""
    return tuple(c for c in range(sys.maxunicode + 1) if chr(c).isspace())


@functools.cache
def _refused_characters() -> tuple[int, ...]:
    """The characters `models.clean_text` refuses, found by asking it.

    A block of characters it accepts whole holds none, so only a few blocks are searched.
    """
    white = set(_white_space())
    refused: list[int] = []
    block = 4096
    for start in range(0, sys.maxunicode + 1, block):
        chars = [chr(c) for c in range(start, min(start + block, sys.maxunicode + 1))]
        chars = [ch for ch in chars if ord(ch) not in white]
        if _is_clean("".join(chars)):
            continue
        refused += [ord(ch) for ch in chars if not _is_clean(ch)]
    # White space is folded, except the breaks clean_text refuses (U+2028, NEL...).
    refused += [code for code in white if not _is_clean(chr(code))]
    return tuple(sorted(refused))


def _is_clean(chars: str) -> bool:
    """True when `clean_text` accepts every one of `chars`."""
    try:
        models.clean_text("a" + chars)
    except ValueError:
        return False
    return True


def _escape(code: int) -> str:
    """One character as a regex escape that Python and JavaScript (`u` flag) read alike."""
    if code > 0xFFFF:  # Python writes \U0001F600, JavaScript \u{1F600}: no common spelling
        raise ValueError(f"U+{code:04X} has no escape common to Python and JavaScript")
    return f"\\u{code:04x}"


def _char_class(codes: Iterable[int], negate: bool = False) -> str:
    """A character class of `codes`, with runs written as ranges."""
    runs: list[list[int]] = []
    for code in sorted(set(codes)):
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    body = "".join(
        _escape(low) if low == high else f"{_escape(low)}-{_escape(high)}" for low, high in runs
    )
    return f"[{'^' if negate else ''}{body}]"


def _literal(text: str) -> str:
    """`text` matched as itself."""
    out = []
    for char in text:
        if char in "^$\\.*+?()[]{}|/":
            out.append("\\" + char)
        elif " " < char < "\x7f":
            out.append(char)
        else:
            out.append(_escape(ord(char)))
    return "".join(out)


def _any_case(word: str) -> str:
    """`word` in any mix of capitals and small letters, as strptime's %B reads it."""
    return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else _literal(c) for c in word)


def _number(values: Iterable[int], one_digit: str) -> str:
    """Numbers 1 to 31 as strptime reads them; `one_digit` may precede a single digit."""
    by_tens: dict[int, list[int]] = {}
    for value in sorted(values):
        by_tens.setdefault(value // 10, []).append(value % 10)
    forms = []
    for tens, units in by_tens.items():
        digits = _digit_class(units)
        forms.append(f"{one_digit}{digits}" if tens == 0 else f"{tens}{digits}")
    return "(?:" + "|".join(forms) + ")"


def _digit_class(units: Sequence[int]) -> str:
    """Digits as a class: [1-9], [13578], or the one digit."""
    if len(units) == 1:
        return str(units[0])
    if list(units) == list(range(units[0], units[-1] + 1)):
        return f"[{units[0]}-{units[-1]}]"
    return "[" + "".join(map(str, units)) + "]"


_YEAR = "(?!0000)[0-9]{4}"  # datetime has no year 0
_LEAP_YEAR = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"


def _date_pattern() -> str:
    """Every text `models.Date` accepts, and no other, as one regular expression.

    Each of the loader's strptime formats is spelt out once per kind of month (31 days, 30,
    February, and 29 February of a leap year), so that 2010-02-30 is refused as it is typed.
    """
    white = _char_class(_white_space())
    kinds: list[tuple[list[int], range, str]] = [
        (
            [m for m in range(1, 13) if calendar.monthrange(2001, m)[1] == days],
            range(1, days + 1),
            _YEAR,
        )
        for days in (31, 30, 28)
    ]
    kinds.append(([2], range(29, 30), _LEAP_YEAR))
    forms = []
    for fmt in models.DATE_FORMATS:
        for months, days, year in kinds:
            directives = {
                "%Y": year,
                "%m": _number(months, "0?"),
                "%d": _number(days, "[0 ]?"),  # strptime's %d also reads " 3"
                "%B": "(?:" + "|".join(_any_case(calendar.month_name[m]) for m in months) + ")",
            }
            forms.append(_translate(fmt, directives, white))
    return f"^{white}*(?:{'|'.join(forms)}){white}*{_END}"


def _translate(fmt: str, directives: dict[str, str], white: str) -> str:
    """A strptime format as a regular expression: white space in it matches any run of it."""
    out = []
    for token in re.split(r"(%.|\s+)", fmt):
        if token in directives:
            out.append(directives[token])
        elif token.startswith("%"):
            raise ValueError(f"no pattern for the strptime directive {token} of {fmt!r}")
        elif token.isspace():
            out.append(f"{white}+")
        else:
            out.append(_literal(token))
    return "".join(out)


def _text_pattern() -> str:
    """Text with something other than white space in it, and nothing `clean_text` refuses."""
    refused = _refused_characters()
    allowed = _char_class(refused, negate=True)
    visible = _char_class([*refused, *_white_space()], negate=True)
    return f"^{allowed}*{visible}{allowed}*{_END}"


# The strings pydantic's lax bool reads, in any case (pydantic-core's `str_as_bool`).
_BOOL_WORDS = ("0", "off", "f", "false", "n", "no", "1", "on", "t", "true", "y", "yes")


@functools.cache
def _validated_types() -> dict[str, tuple[Callable[..., Any], JsonSchemaValue]]:
    """The annotated types of models.py by name, each with its validator and its schema."""
    return {
        "Date": (
            _validator(models.Date),
            {
                "$comment": "models.Date: a day of the calendar, as _parse_date reads it",
                "type": "string",
                "pattern": _date_pattern(),
                "patternErrorMessage": f"should be a date such as {models.DATE_FORMATS_HELP}",
            },
        ),
        "Text": (
            _validator(models.Text),
            {
                "$comment": "models.Text: not only white space, nothing clean_text refuses",
                "type": "string",
                "pattern": _text_pattern(),
                "patternErrorMessage": "should be text, not empty, without control characters",
            },
        ),
        "Prose": (
            models._in_language,
            {
                "$comment": "models.Prose: one text for every language, or a text per language",
                "type": ["string", "object"],
                "pattern": _text_pattern(),  # pattern constrains only text, the rest only maps
                "patternErrorMessage": "should be text, not empty, without control characters",
                "propertyNames": {"enum": list(models.UN_LANGUAGES)},
                "additionalProperties": {
                    "type": "string",
                    "pattern": _text_pattern(),
                    "patternErrorMessage": (
                        "should be text, not empty, without control characters"
                    ),
                },
            },
        ),
        "Key": (
            _validator(models.Key),
            {
                "$comment": "models.Key: what other records name this one by",
                "type": "string",
                "pattern": f"^[A-Za-z0-9][A-Za-z0-9_.-]{{0,39}}{_END}",
                "patternErrorMessage": (
                    "should be a short identifier: letters, digits, '-', '_' or '.' (2MSP)"
                ),
            },
        ),
        "ISO3": (
            _validator(models.ISO3),
            {
                "$comment": "models.ISO3: ISO 3166-1 alpha-3",
                "type": "string",
                "pattern": f"^[A-Z]{{3}}{_END}",
                "patternErrorMessage": "should be three capital letters (ISO 3166-1 alpha-3: PRT)",
            },
        ),
    }


def _schema_of_validator(function: Callable[..., Any]) -> JsonSchemaValue | None:
    """A copy of the schema of the type `function` validates, if it is one of models.py's."""
    for validator, schema in _validated_types().values():
        if validator is function:
            return dict(schema)
    return None


def _validator(alias: object) -> Callable[..., Any]:
    """The function an `Annotated[..., AfterValidator(f)]` type of models.py validates with."""
    (validator,) = (
        meta
        for meta in typing.get_args(alias)[1:]
        if isinstance(meta, (AfterValidator, BeforeValidator))
    )
    return validator.func


class _EditorSchema(GenerateJsonSchema):
    """pydantic's generator, with the validated types of models.py described as YAML gives them."""

    def function_before_schema(
        self, schema: core_schema.BeforeValidatorFunctionSchema
    ) -> JsonSchemaValue:
        """A known validated type's schema; an unknown before-validator is an error.

        A before-validator may accept what its inner type refuses (text for a date), so the
        inner type's schema could put squiggles under valid data.
        """
        function = schema["function"]["function"]
        known = _schema_of_validator(function)
        if known is None:
            raise ValueError(
                f"no JSON Schema for the before-validator {function.__qualname__}; "
                "describe its type in reportgen/schema.py"
            )
        return known

    def function_after_schema(
        self, schema: core_schema.AfterValidatorFunctionSchema
    ) -> JsonSchemaValue:
        """A known validated type's schema; otherwise its inner type's, which is looser."""
        inner = self.generate_inner(schema["schema"])
        known = _schema_of_validator(schema["function"]["function"])
        if known is None or str(inner.get("$comment", "")).startswith("models.Prose"):
            return inner  # Prose: its text is checked per language, its schema says so
        return {**inner, **known}

    def bool_schema(self, schema: core_schema.BoolSchema) -> JsonSchemaValue:
        """true or false; a lax bool also reads 0, 1 and words such as yes and off.

        One schema with three types rather than anyOf, whose hover the YAML extension garbles.
        """
        if schema.get("strict"):
            return {"type": "boolean"}
        words = "|".join(_any_case(word) for word in _BOOL_WORDS)
        return {
            "type": ["boolean", "integer", "string"],
            "minimum": 0,  # minimum and maximum constrain only numbers, pattern only text
            "maximum": 1,
            "pattern": f"^(?:{words}){_END}",
            "patternErrorMessage": "should be true or false",
        }

    def nullable_schema(self, schema: core_schema.NullableSchema) -> JsonSchemaValue:
        """A value or null, as oneOf: the YAML extension's hover repeats the title of anyOf."""
        generated = super().nullable_schema(schema)
        if "anyOf" in generated:
            generated["oneOf"] = generated.pop("anyOf")
        return generated


# --- Schemas ----------------------------------------------------------------------------


def schema_for(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema (draft 7) of a data file whose content `model` validates."""
    generated = model.model_json_schema(
        ref_template=_REF_TEMPLATE, schema_generator=_EditorSchema, mode="validation"
    )
    definitions = generated.pop("$defs", {})
    schema: dict[str, Any] = {"$schema": DIALECT, **_refer_to_types(generated, definitions)}
    if definitions:
        schema[_DEFINITIONS] = definitions
    return schema


_ANNOTATIONS = frozenset({"title", "description", "default", "examples"})


def _refer_to_types(schema: dict[str, Any], definitions: dict[str, Any]) -> dict[str, Any]:
    """Each inline copy of a validated type's schema replaced by a $ref to one definition."""
    types = _validated_types()
    clash = set(types) & set(definitions)
    if clash:
        raise ValueError(f"models.py has models named like validated types: {sorted(clash)}")

    def refer(node: Any) -> Any:
        if isinstance(node, list):
            return [refer(item) for item in node]
        if not isinstance(node, dict):
            return node
        for name, (_, fragment) in types.items():
            rest = {key: value for key, value in node.items() if key not in fragment}
            same = all(key in node and node[key] == value for key, value in fragment.items())
            # only annotations may stand beside $ref: draft 7 ignores whatever else does
            if same and set(rest) <= _ANNOTATIONS:
                definitions[name] = dict(fragment)
                return {"$ref": _REF_TEMPLATE.format(model=name), **rest}
        return {key: refer(value) for key, value in node.items()}

    for name, definition in list(definitions.items()):
        definitions[name] = refer(definition)
    result: dict[str, Any] = refer(schema)
    return result


def schema_json(schema: dict[str, Any]) -> str:
    """A schema as stable text: sorted keys, two-space indent, a final newline."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def schema_texts() -> dict[str, str]:
    """The text of every schema, by file name (states.json...), one per file of data/."""
    return {f"{stem}.json": schema_json(schema_for(model)) for stem, model in SCHEMA_FILES.items()}


def write_schemas(directory: Path = DEFAULT_SCHEMAS) -> list[Path]:
    """Write every schema into `directory`, each atomically; return the files written."""
    from reportgen.core.writing import write_atomically

    written = []
    for name, text in schema_texts().items():
        target = directory / name
        write_atomically(text.encode("utf-8"), target)
        written.append(target)
    return written


def stale_schemas(directory: Path = DEFAULT_SCHEMAS) -> list[str]:
    """The schema files of `directory` that are missing or differ from the models."""
    stale = []
    for name, text in schema_texts().items():
        path = directory / name
        if not path.is_file() or path.read_bytes() != text.encode("utf-8"):
            stale.append(name)
    return stale
