# dragoman — the README's commands. Everything the project needs is installed from here.
PYTHON ?= python3.11
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip
DB     ?= demo.duckdb

.PHONY: demo test bench install install-test clean browser

$(VENV)/.installed: pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) (set PYTHON=python3.x)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e ".[api,scale]"
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(PIP) install -q -e ".[api,scale,test]"
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

## make demo: install into .venv, code the bundled sample articles into a DuckDB file, print the events
demo: $(VENV)/.installed
	$(VENV)/bin/dragoman demo --db $(DB)

## make test: install test dependencies (and Debian's Chromium for the browser test), run `ruff check`, `mypy`
## (settings in pyproject.toml) and the whole suite; fails if any of the three fails or pytest collects no test
test: $(VENV)/.installed-test browser
	@lint=0; \
	  echo "ruff check"; $(VENV)/bin/ruff check || lint=1; \
	  echo "mypy"; $(VENV)/bin/mypy || lint=1; \
	  $(PY) -m pytest -q -p no:cacheprovider tests; rc=$$?; \
	  if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing"; rc=1; fi; \
	  if [ $$lint -ne 0 ]; then echo "ruff check or mypy reported errors (above): failing"; fi; \
	  if [ $$rc -ne 0 ]; then exit $$rc; fi; exit $$lint

browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || \
	  echo "warning: could not install Debian's chromium; the browser test will fail"; }

## make bench: throughput, memory and store benchmarks (printed, never asserted in tests)
bench: $(VENV)/.installed-test
	$(PY) -m bench

clean:
	rm -rf $(VENV) *.duckdb bench/out
