# milcourt: every target installs what it needs first (idempotent), so each works on a fresh clone.
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: install system-deps demo test lint bench fuzz clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check --upgrade "pip>=24"
	$(PY) -m pip install -q --disable-pip-version-check -c requirements.lock -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# Debian packages the tests and the demo use (PostgreSQL, catdoc/antiword, chromium).
system-deps:
	bash scripts/system-deps.sh

demo: install
	$(VENV)/bin/milcourt demo

test: install system-deps
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

bench: install system-deps
	$(PY) -m bench

# 10 000 generated hostile inputs through the page parser, the act readers and ingest (bench/fuzz.py).
FUZZ_EXAMPLES ?= 10000
fuzz: install system-deps
	$(PY) -m bench.fuzz --examples $(FUZZ_EXAMPLES)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
