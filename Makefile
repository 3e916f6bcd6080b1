# The documented commands. Each sets up what it needs (the .venv from requirements.txt).
#   make book [YEAR=2023]   execute the stale chapters of every edition (or of YEAR) into notebooks/<year>/,
#                           then render every edition in English and Chinese into one site, _build/site/
#                           (execution off); the last line printed is the site's index.html
#   make serve              serve _build/site on 127.0.0.1 (prints the address)
#   make test               the whole suite: unit, data, CLI, nbval, freshness, build, browser
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Reviewer, validator and build tools (nbdime, Arelle, fontTools) have their own environment: see below.
TOOLS := .venv-tools
YEAR ?=
JOBS ?=
year_arg = $(if $(YEAR),--year $(YEAR))
jobs_arg = $(if $(JOBS),--jobs $(JOBS))

.PHONY: book run render test diff diff-setup kpis reconcile validate clean xbrl xbrl-taxonomy template import \
	serve compare lint

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -r requirements.txt
	# The package is used in place: a .pth file puts the checkout on the venv's path.
	$(BIN)/python -c "import site, pathlib; pathlib.Path(site.getsitepackages()[0], 'esgbook-checkout.pth').write_text('$(CURDIR)\n')"
	touch $@

# The tools environment's fontTools makes the small copy of the chart font that charts are measured in
# (esgbook/build/chartfont.py); without it they are measured, the same but slower, in the system font.
book: $(VENV)/.installed $(TOOLS)/.installed system-deps-fonts
	$(BIN)/python -m esgbook.build.editions build $(year_arg) $(jobs_arg)

run: $(VENV)/.installed $(TOOLS)/.installed system-deps-fonts
	$(BIN)/python -m esgbook.build.editions run $(year_arg) $(jobs_arg)

render: $(VENV)/.installed
	$(BIN)/python -m esgbook.build.editions render $(year_arg)

# make serve [PORT=8000]: the built site over HTTP on 127.0.0.1 (it also works opened from disk).
PORT ?= 8000
serve:
	@test -f _build/site/index.html || { echo "no site yet: run make book first" >&2; exit 2; }
	@echo "serving _build/site at http://127.0.0.1:$(PORT)/ (Ctrl-C stops)"
	@$(PYTHON) -m http.server $(PORT) --bind 127.0.0.1 --directory _build/site

# make compare A=2022 B=2023 [CHAPTER=08_environment]: what changed between two executed editions, per
# chapter: glued values, table cells, chart data, then the KPIs (a summary; `make diff` is cell by cell).
compare: $(VENV)/.installed
	@test -n "$(A)" -a -n "$(B)" || { echo "usage: make compare A=<year> B=<year> [CHAPTER=<name>]" >&2; exit 2; }
	@$(BIN)/python -m esgbook.exports.compare $(A) $(B) $(if $(CHAPTER),--chapter $(CHAPTER))

validate: $(VENV)/.installed
	$(BIN)/python -m esgbook validate

# make template YEAR=2024: the data-entry workbook data-entry-2024.xlsx, one sheet per observation file,
# a row per figure the prior year had. make import FILE=data-entry-2024.xlsx: check every cell and add the
# figures to data/ only when all of the workbook is valid (errors name the sheet and cell, e.g. B17).
template: $(VENV)/.installed
	@test -n "$(YEAR)" || { echo "usage: make template YEAR=<year>" >&2; exit 2; }
	$(BIN)/python -m esgbook template --year $(YEAR)

import: $(VENV)/.installed
	@test -n "$(FILE)" || { echo "usage: make import FILE=<data-entry-YEAR.xlsx>" >&2; exit 2; }
	$(BIN)/python -m esgbook import "$(FILE)"

kpis: $(VENV)/.installed
	$(BIN)/python -m esgbook kpis --year $(or $(YEAR),$(shell $(BIN)/python -m esgbook years | tail -n 1))

reconcile: $(VENV)/.installed
	$(BIN)/python -m esgbook reconcile --year $(or $(YEAR),$(shell $(BIN)/python -m esgbook years | tail -n 1))

# Unit, data, CLI and edition tests, then nbval (strict) over every committed edition.
# The tools environment is needed too: tests/test_xbrl.py validates each edition's xBRL-JSON with Arelle.
test: $(VENV)/.installed $(TOOLS)/.installed system-deps lint
	$(BIN)/python -m pytest tests notebooks --nbval --nbval-current-env

# make lint: ruff (pinned in the tools environment, configured in pyproject.toml) over the code and tests.
lint: $(TOOLS)/.installed
	$(TOOLS)/bin/ruff check esgbook scripts tests

# make xbrl [YEAR=Y]: the edition's xBRL-JSON report (and taxonomy package) in _build/xbrl/, validated by
# Arelle offline with Units Registry checks; fails on any error. Default: the latest year.
xbrl_year = $(or $(YEAR),$(shell $(BIN)/python -m esgbook years | tail -n 1))
xbrl: $(VENV)/.installed $(TOOLS)/.installed
	$(BIN)/python -m esgbook.exports.xbrl taxonomy --check --zip _build/xbrl/qifu-esg-taxonomy.zip
	$(BIN)/python -m esgbook.exports.xbrl report --year $(xbrl_year) --out _build/xbrl/esg-$(xbrl_year).json
	$(BIN)/python -m esgbook.exports.xbrl validate _build/xbrl/esg-$(xbrl_year).json

# make xbrl-taxonomy: regenerate taxonomy/qifu-esg/ after a change to data/metrics.csv or esgbook/analysis/kpis.py.
xbrl-taxonomy: $(VENV)/.installed
	$(BIN)/python -m esgbook.exports.xbrl taxonomy

clean:
	rm -rf _build notebooks/.tmp-*

# Reviewer tools live in their own environment: nbdime pulls packages (rfc3987-syntax) that
# would slow every `import altair` in the kernel's environment by over a second.
NBDIFF_FLAGS := --ignore-metadata --ignore-id --ignore-details  # sources and outputs are shown
$(TOOLS)/.installed: requirements-tools.txt
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet -r requirements-tools.txt
	touch $@

# One-time: make `git diff` / `git log -p` show notebooks through nbdime (see .gitattributes).
diff-setup: $(TOOLS)/.installed
	git config diff.jupyternotebook.command "$(CURDIR)/$(TOOLS)/bin/git-nbdiffdriver diff $(NBDIFF_FLAGS)"
	@echo "git now diffs notebooks with nbdime (outputs shown; metadata, ids and timestamps hidden)"

# make diff A=2022 B=2023 [CHAPTER=08_environment]: what changed between two editions.
diff: $(TOOLS)/.installed
	@test -n "$(A)" -a -n "$(B)" || { echo "usage: make diff A=<year> B=<year> [CHAPTER=<name>]" >&2; exit 2; }
	@for nb in notebooks/$(B)/$(or $(CHAPTER),*).ipynb; do \
	  name=$$(basename $$nb); echo "===== $$name: $(A) -> $(B) ====="; \
	  $(TOOLS)/bin/nbdiff --no-color $(NBDIFF_FLAGS) notebooks/$(A)/$$name $$nb; \
	done

# Debian packages for the browser tests (Chromium, CJK fonts) and the PDF (TeX, rsvg-convert, poppler):
# only what is missing is installed (checked by command, font or TeX file); needs root or sudo.
system-deps:
	@scripts/system-deps.sh browser pdf

system-deps-pdf:
	@scripts/system-deps.sh pdf

system-deps-fonts:
	@scripts/system-deps.sh fonts

# make pdf [YEAR=Y] [PDF_LANG=en|zh_hant]: execute the stale chapters (as `make book`), then the whole
# edition as one PDF per language (xelatex, xeCJK, charts as vector images); each PDF's path is printed.
# (Not LANG or LANGUAGE: the locale reads those.)
PDF_LANG ?=
pdf: $(VENV)/.installed system-deps-pdf
	$(BIN)/python -m esgbook.build.editions run $(year_arg) $(jobs_arg)
	$(BIN)/python -m esgbook.build.editions pdf $(year_arg) $(if $(PDF_LANG),--lang $(PDF_LANG))

# make bench [RUNS=3]: cold edition (English, both languages), cold site, warm, one value and one module
# changed, the floors and the stock jupyter-book peer, in temp dirs; ratios against floors of the same run.
# make bench EDITIONS="2 6 10" [RUNS=1]: sites of N synthetic editions (cold, one value, one edition added).
RUNS ?= 3
bench: $(VENV)/.installed $(TOOLS)/.installed
	$(BIN)/python scripts/bench.py --runs $(RUNS) $(year_arg) $(if $(EDITIONS),--editions $(EDITIONS))

.PHONY: system-deps system-deps-pdf system-deps-fonts pdf bench
