# reportgen: `make report` writes the report in each language that has a template
# (output/report.docx in English, output/report.fr.docx, output/report.es.docx), `make test`
# runs the tests. Each user target is one reportgen command (`make help` shows which), so
# that Windows, where there is no make, runs the same commands; see docs/windows.md.
# Both create .venv and install what they need on first use (python3 is all it takes).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# What a user needs to build the report, and what the tests and linters add to it.
STAMP  := $(VENV)/.installed-stamp
DEV    := $(VENV)/.installed-dev-stamp
REDLINE := $(VENV)/.installed-redline-stamp
# setuptools warns on every editable install that a folder named like the package may shadow
# it: here that folder is the package itself, so the warning says nothing to a user.
PIP    := PYTHONWARNINGS="ignore:Editable installation" $(BIN)/python -m pip install --quiet
DATA     ?= data
TEMPLATE ?= templates/report.docx
REPORTGEN := $(BIN)/reportgen
# make diff OLD=path/to/earlier.docx; by default the previous build (output/previous/).
OLD ?=

.PHONY: report pdf watch schema test golden lint check diff redline bench clean help

help:
	@echo "make report   reportgen build: write output/report.docx (English), report.fr.docx"
	@echo "              and report.es.docx; the ones replaced are kept in output/previous/"
	@echo "make pdf      reportgen build --pdf: the same, and the PDF of each (needs LibreOffice)"
	@echo "make diff     reportgen diff: what changed in the English report since the previous build"
	@echo "              (make diff OLD=earlier.docx: since that report)"
	@echo "make redline  reportgen redline: output/changes.docx, the changes since the previous"
	@echo "              build as Word tracked changes"
	@echo "make watch    reportgen build --watch: build again each time a data file or a template is saved"
	@echo "make check    validate $(DATA)/ and the templates without building"
	@echo "make test     run the tests"
	@echo "make schema   rewrite schemas/*.json from reportgen/inputs/models.py"
	@echo "make golden   rewrite the golden text renditions under tests/golden/"
	@echo "make lint     ruff, mypy --strict and the architecture's contract (lint-imports)"
	@echo "make bench    time builds against the import floor and pandoc (benchmarks/RESULTS.md)"

# Each stamp is newer than pyproject.toml once what it stands for is installed: the package
# for `make report` and the other user targets; the test and lint tools and the redline
# engine (for the redline tests) only for the developer targets.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@# a .venv made by `uv run` has no pip of its own
	$(BIN)/python -m pip --version >/dev/null 2>&1 || $(BIN)/python -m ensurepip --quiet
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(PIP) -e .
	touch $(STAMP)

$(REDLINE): $(STAMP)
	$(PIP) -e '.[redline]'
	touch $(REDLINE)

$(DEV): $(STAMP)
	$(PIP) -e '.[test,redline]'
	touch $(DEV)

report: $(STAMP)
	$(REPORTGEN) build --data $(DATA)

pdf: $(STAMP)
	$(REPORTGEN) build --data $(DATA) --pdf

watch: $(STAMP)
	$(REPORTGEN) build --watch --data $(DATA)

schema: $(STAMP)
	$(BIN)/reportgen schema

check: $(STAMP)
	$(BIN)/reportgen check --data $(DATA)

test: $(DEV)
	$(BIN)/python -m pytest

golden: $(DEV)
	$(BIN)/python -m pytest tests/documents/report/test_golden.py --update-golden

lint: $(DEV)
	$(BIN)/ruff check reportgen tests tools benchmarks
	$(BIN)/ruff format --check reportgen tests tools benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

# Time the build against its import floor and pandoc; rewrites benchmarks/RESULTS.md (~2 min).
bench: $(DEV)
	$(BIN)/python benchmarks/bench.py --write benchmarks/RESULTS.md
	$(BIN)/python benchmarks/letters.py --write benchmarks/RESULTS.md

# What changed in the English report since the previous build (or since OLD), coloured on a
# terminal. A diff is what was asked for, so "they differ" (status 1) does not fail make;
# errors (2, 3) do. Build first (make report): the build keeps the report it replaces.
diff: $(STAMP)
	@status=0; $(REPORTGEN) diff $(if $(OLD),"$(OLD)") || status=$$?; test $$status -le 1 || exit $$status

# The changes since the previous build as Word tracked changes (output/changes.docx); the
# redline engine is installed on first use.
redline: $(REDLINE)
	$(REPORTGEN) redline

clean:
	rm -rf $(VENV) output/*.docx output/*.pdf output/previous
