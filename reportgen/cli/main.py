"""The command line: a thin layer over the library (`reportgen.build`, `reportgen.check`...).

`run` is the `reportgen` program; `main` parses the arguments with the parser assembled
from the groups of commands (cli.build, cli.review, cli.depositary), runs the command and
turns what it raised into an exit status (`cli.console.failed`). Results go to stdout,
messages to stderr.
"""

from __future__ import annotations

import argparse
import gc
from collections.abc import Sequence
from typing import NoReturn

from reportgen.cli import build, depositary, review
from reportgen.cli.console import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_STATUSES,
    EXIT_TERMINATED,
    Formatter,
    Handler,
    Messages,
    Terminated,
    discard_stdout,
    failed,
    internal,
    output,
    terminating,
    tolerant_streams,
)


def run() -> NoReturn:
    """The `reportgen` program: `main`, then an exit that skips the last garbage collection.

    At exit the interpreter runs a full collection over every object still alive: with
    the Word stack imported, a good part of a short command's time
    (benchmarks/RESULTS.md). gc.freeze() moves them all out of the collector's reach.
    Everything else of a normal exit still happens: atexit handlers, flushing stdout and
    stderr, clearing the modules. The report is written and closed before this point.
    """
    status = main()
    gc.freeze()
    raise SystemExit(status)


def main(argv: Sequence[str] | None = None) -> int:
    """Run `reportgen` with `argv`; return the exit status.

    `reportgen` alone lists the commands (its --help, on stdout) and exits 0: asking what
    there is to run is not a mistake.
    """
    tolerant_streams()  # before anything is printed, --help included
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        output(parser.format_help())
        return EXIT_OK
    say = Messages(args.verbose - args.quiet)
    command: Handler = args.run
    try:
        with terminating():
            return command(args, say)
    except Terminated:
        return EXIT_TERMINATED
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader went away (`reportgen diff a b | head -1`)
        discard_stdout()
        return EXIT_BROKEN_PIPE
    except Exception as error:
        if args.debug and internal(error):
            raise
        return failed(error, say)


class _Version(argparse.Action):
    """--version, reading the installed version only when asked (it costs an import)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from reportgen import __version__

        output(f"reportgen {__version__}\n")  # on stdout, as argparse's own version action
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    """The parser of `reportgen`: its global options, then each group's commands."""
    parser = argparse.ArgumentParser(
        prog="reportgen",
        description=(
            "Generate the CCM co-coordinators' universalisation report from data/*.yaml "
            "and a Word template."
        ),
        epilog="example:\n  reportgen check && reportgen build\n\n" + EXIT_STATUSES,
        formatter_class=Formatter,
    )
    parser.add_argument("--version", action=_Version)
    parser.add_argument("-q", "--quiet", action="count", default=0, help="say less on stderr")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="say more on stderr")
    parser.add_argument(
        "--debug", action="store_true", help="show a traceback when reportgen itself fails"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    # In the order `reportgen --help` lists them: making, reviewing, importing, then schema.
    build.add_build(commands)
    build.add_check(commands)
    review.add_text(commands)
    review.add_diff(commands)
    review.add_redline(commands)
    review.add_figures(commands)
    depositary.add_import(commands)
    build.add_schema(commands)
    return parser
