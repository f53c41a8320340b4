"""The README documents what the code offers: every command the parser knows and every
REPORTGEN_* variable the code reads (a docs-sync test, as sqlite-utils has)."""

from __future__ import annotations

import argparse
import re

import pytest

from reportgen.cli.main import _parser
from reportgen.core.config import CACHE_VARIABLE
from reportgen.core.limits import Limits, variable
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(parser: argparse.ArgumentParser, prefix: str = "") -> list[str]:
    """Every command, subcommands included ("import untc"), walking argparse's subparsers."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.append(f"{prefix}{name}")
                found += _commands(sub, f"{prefix}{name} ")
    return found


def _variables() -> set[str]:
    """Every REPORTGEN_* variable the package reads: the limits, the cache, and any other
    name written in its code."""
    named = {variable(field) for field in Limits.__dataclass_fields__}
    named.add(CACHE_VARIABLE)
    for path in (ROOT / "reportgen").rglob("*.py"):
        named |= set(re.findall(r"\bREPORTGEN_[A-Z][A-Z0-9_]*", path.read_text(encoding="utf-8")))
    return named


def test_the_walk_finds_the_commands() -> None:
    assert {"build", "check", "import", "import untc"} <= set(_commands(_parser()))


@pytest.mark.parametrize("command", _commands(_parser()))
def test_every_command_is_in_the_readme(command: str) -> None:
    assert re.search(rf"\breportgen {re.escape(command)}\b", README), (
        f"README.md does not show `reportgen {command}`"
    )


@pytest.mark.parametrize("name", sorted(_variables()))
def test_every_environment_variable_is_in_the_readme(name: str) -> None:
    assert re.search(rf"\b{name}\b", README), f"README.md does not document {name}"
