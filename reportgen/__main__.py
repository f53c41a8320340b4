"""`python -m reportgen` runs the command line."""

from reportgen.cli.main import run

run()
