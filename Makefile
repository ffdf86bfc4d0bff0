# Two commands on a fresh machine with Python 3.11+: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# From the npm registry when npm is here, pinned: axe-core for the accessibility tests,
# TimelineJS for the timeline pages (the build copies it into the site). Installed in one
# command (npm removes what an install without package.json does not name), again when
# the pins change: the stamp is named by them.
NODE_PACKAGES := axe-core@4.14.1 @knight-lab/timelinejs@3.9.11
NODE_STAMP := $(VENV)/node/.installed-$(shell echo '$(NODE_PACKAGES)' | cksum | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test test-fast lint typecheck messages check schema bench scaffold-eval screenshots clean

# Install the project and its pinned dependencies (again only when the pins change).
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

$(NODE_STAMP): $(STAMP)
	@mkdir -p $(VENV)/node
	@if command -v npm >/dev/null 2>&1; then \
		npm install --silent --no-save --no-audit --no-fund --prefix $(VENV)/node $(NODE_PACKAGES) \
		|| echo "axe-core and TimelineJS could not be installed: accessibility tests will skip, timeline pages show lists only"; \
	else echo "npm not found: accessibility tests will skip, timeline pages show lists only"; fi
	@rm -f $(VENV)/node/.installed-*
	touch $(NODE_STAMP)

## Generate and build the whole bilingual site into site/ (ENGINE=zensical: with Zensical)
ENGINE ?= mkdocs
site: $(STAMP) $(NODE_STAMP)
ifeq ($(ENGINE),mkdocs)
	$(BIN)/mkdocs build --strict
else
	$(BIN)/briefings build --engine $(ENGINE)
endif

## Preview the whole bilingual site at http://127.0.0.1:8000/ with live reload
serve: $(STAMP) $(NODE_STAMP)
	$(BIN)/mkdocs serve --dirty

## Every test, including the ones that build the real site, plus lint and types
test: $(STAMP) $(NODE_STAMP)
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest -n auto --dist load --maxschedchunk 1

## The edit loop: lint, types, and the tests that build no whole site nor open a browser
test-fast: $(STAMP) $(NODE_STAMP)
	$(BIN)/ruff check generator tests bench
	$(BIN)/mypy
	BRIEFINGS_EDIT_LOOP=1 $(BIN)/python -m pytest -q -m "not slow" -n auto --dist load --maxschedchunk 1

## Validate content and print every problem (file:line: field: message)
check: $(STAMP)
	$(BIN)/briefings check

lint: $(STAMP)
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

## Re-extract interface strings from templates/ into the catalogs under locales/
messages: $(STAMP)
	$(BIN)/pybabel extract --no-location --sort-output --project briefings -F babel.cfg -o locales/messages.pot templates
	$(BIN)/pybabel update --no-fuzzy-matching -i locales/messages.pot -d locales
	@# No churn in pull requests: no creation date, no blank line at the end.
	$(BIN)/python -c 'import re, sys; from pathlib import Path; [p.write_text(re.sub(r"^\"POT-Creation-Date: [^\"]*\"\n", "", p.read_text(), flags=re.M).rstrip("\n") + "\n") for p in map(Path, sys.argv[1:])]' locales/messages.pot locales/*/LC_MESSAGES/messages.po

## Re-write the JSON Schema in schema/ (after adding an actor or a tag)
schema: $(STAMP)
	$(BIN)/briefings schema

## Benchmark at 500, 1,000 and 3,000 briefings (BENCH_ARGS="--sizes 500 1000" to skip 3,000)
BENCH_ARGS ?= --sizes 500 1000 3000
bench: $(STAMP)
	$(BIN)/python -m bench.run $(BENCH_ARGS)

## How well `briefings new` reads Indonesian news: precision and recall of names and dates
scaffold-eval: $(STAMP)
	$(BIN)/python -m bench.scaffold_eval

## Refresh the README's screenshots from the browser tests' own (needs Chromium)
SHOTS := home-en-phone-light briefing-id-phone-light timeline-en-phone-dark
screenshots: $(STAMP) $(NODE_STAMP)
	BRIEFINGS_SCREENSHOTS=1 $(BIN)/python -m pytest -q tests/test_page_checks.py -k "page_types and (home or briefing- or timeline)"
	mkdir -p docs/screenshots
	for shot in $(SHOTS); do cp screenshots/$$shot.png docs/screenshots/; done

clean:
	rm -rf build site
