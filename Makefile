# The documented commands. Each sets up what it needs (the .venv from requirements.txt).
#   make book [YEAR=2023]   execute the stale chapters for YEAR with papermill into notebooks/YEAR/,
#                           then build that edition's HTML (execution off); prints index.html's path
#   make test               the whole suite: unit, data, CLI, nbval, freshness, build, browser
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
YEAR ?=
JOBS ?=
year_arg = $(if $(YEAR),--year $(YEAR))
jobs_arg = $(if $(JOBS),--jobs $(JOBS))

.PHONY: book run render test pdf diff diff-setup bench kpis reconcile validate clean chromium

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	# The package is used in place: a .pth file puts the checkout on the venv's path.
	$(BIN)/python -c "import site, pathlib; pathlib.Path(site.getsitepackages()[0], 'esgbook-checkout.pth').write_text('$(CURDIR)\n')"
	touch $@

book: $(VENV)/.installed
	$(BIN)/python -m esgbook.editions build $(year_arg) $(jobs_arg)

run: $(VENV)/.installed
	$(BIN)/python -m esgbook.editions run $(year_arg) $(jobs_arg)

render: $(VENV)/.installed
	$(BIN)/python -m esgbook.editions render $(year_arg)

validate: $(VENV)/.installed
	$(BIN)/python -m esgbook validate

kpis: $(VENV)/.installed
	$(BIN)/python -m esgbook kpis --year $(or $(YEAR),$(shell $(BIN)/python -m esgbook years | tail -n 1))

reconcile: $(VENV)/.installed
	$(BIN)/python -m esgbook reconcile --year $(or $(YEAR),$(shell $(BIN)/python -m esgbook years | tail -n 1))

test: $(VENV)/.installed
	$(BIN)/python -m pytest

clean:
	rm -rf _build notebooks/.tmp-*
