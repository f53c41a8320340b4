# reportgen: `make report` writes the report in each language that has a template
# (output/report.en.docx, .fr.docx, .es.docx; output/report.docx is the English one),
# `make test` runs the tests.
# Both create .venv and install what they need on first use (python3 is all it takes).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# What a user needs to build the report, and what the tests and linters add to it.
STAMP  := $(VENV)/.installed-stamp
DEV    := $(VENV)/.installed-dev-stamp
# setuptools warns on every editable install that a folder named like the package may shadow
# it: here that folder is the package itself, so the warning says nothing to a user.
PIP    := PYTHONWARNINGS="ignore:Editable installation" $(BIN)/python -m pip install --quiet
DATA     ?= data
TEMPLATE ?= templates/report.docx
OUTPUT   ?= output/report.docx
# The languages `make report` builds: each one whose template templates/report.LANG.docx exists.
LANGUAGES := $(patsubst templates/report.%.docx,%,$(wildcard templates/report.*.docx))

.PHONY: report pdf watch schema test golden lint check diff bench clean help

help:
	@echo "make report   write $(OUTPUT) (English) and output/report.LANG.docx in every language"
	@echo "make test     run the tests"
	@echo "make pdf      write $(OUTPUT) and its PDF beside it (needs LibreOffice)"
	@echo "make watch    build $(OUTPUT) again each time a data file or the template is saved"
	@echo "make check    validate $(DATA)/ and $(TEMPLATE) without building"
	@echo "make schema   rewrite schemas/*.json from reportgen/models.py"
	@echo "make golden   rewrite the golden text renditions under tests/golden/"
	@echo "make lint     ruff, mypy --strict and the architecture's contract (lint-imports)"
	@echo "make bench    time builds against the import floor and pandoc (benchmarks/RESULTS.md)"
	@echo "make diff OLD=previous.docx   build $(OUTPUT) and show what changed since OLD"

# Each stamp is newer than pyproject.toml once what it stands for is installed: the package
# for `make report` and the other user targets; the test and lint tools and the redline
# engine (for the redline tests) only for the developer targets.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(PIP) -e .
	touch $(STAMP)

$(DEV): $(STAMP)
	$(PIP) -e '.[test,redline]'
	touch $(DEV)

report: $(STAMP)
	$(BIN)/reportgen build --data $(DATA) --template $(TEMPLATE) --output $(OUTPUT)
	cp $(OUTPUT) output/report.en.docx
	@for lang in $(LANGUAGES); do \
	  echo "$(BIN)/reportgen build --lang $$lang --data $(DATA) --output output/report.$$lang.docx"; \
	  $(BIN)/reportgen build --lang $$lang --data $(DATA) --output output/report.$$lang.docx || exit $$?; \
	done

pdf: $(STAMP)
	$(BIN)/reportgen build --data $(DATA) --template $(TEMPLATE) --output $(OUTPUT) --pdf

watch: $(STAMP)
	$(BIN)/reportgen build --watch --data $(DATA) --template $(TEMPLATE) --output $(OUTPUT)

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

# Time the build against its import floor and pandoc; rewrites benchmarks/RESULTS.md (~6 min).
bench: $(DEV)
	$(BIN)/python benchmarks/bench.py --write benchmarks/RESULTS.md

# Build the report, then show its text diff against OLD (coloured on a terminal). A diff
# is what was asked for, so "they differ" (status 1) does not fail make; errors (2, 3) do.
diff: $(STAMP)
	@test -n "$(OLD)" || { echo "usage: make diff OLD=path/to/previous.docx" >&2; exit 2; }
	@test "$(abspath $(OLD))" != "$(abspath $(OUTPUT))" || \
	  { echo "OLD is $(OUTPUT), which make diff rebuilds: copy it elsewhere first" >&2; exit 2; }
	@$(MAKE) --no-print-directory report
	@status=0; $(BIN)/reportgen diff "$(OLD)" "$(OUTPUT)" || status=$$?; test $$status -le 1 || exit $$status

clean:
	rm -rf $(VENV) output/*.docx output/*.pdf
