# Two commands on a fresh machine with Python 3.11+: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test lint typecheck messages check schema clean

# Install the project and its pinned dependencies (again only when the pins change).
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

## Generate and build the whole bilingual site into site/
site: $(STAMP)
	$(BIN)/mkdocs build --strict

## Preview the whole bilingual site at http://127.0.0.1:8000/ with live reload
serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty

## Every test, including the ones that build the real site, plus lint and types
test: $(STAMP)
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests
	$(BIN)/mypy
	$(BIN)/python -m pytest

## Validate content and print every problem (file:line: field: message)
check: $(STAMP)
	$(BIN)/briefings check

lint: $(STAMP)
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests

typecheck: $(STAMP)
	$(BIN)/mypy

## Re-extract interface strings from templates/ into the catalogs under locales/
messages: $(STAMP)
	$(BIN)/pybabel extract --no-location --sort-output --project briefings -F babel.cfg -o locales/messages.pot templates
	$(BIN)/pybabel update --no-fuzzy-matching -i locales/messages.pot -d locales

## Re-write the JSON Schema in schema/ (after adding an actor or a tag)
schema: $(STAMP)
	$(BIN)/briefings schema

clean:
	rm -rf build site
