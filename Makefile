# Every install step lives here so a fresh clone needs nothing else.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint unit package bench bench-quick clean regen

$(STAMP): pyproject.toml constraints.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/leftovers demo

lint: $(STAMP)
	$(BIN)/ruff check src tests bench tools
	$(BIN)/mypy
	$(BIN)/python tools/regen.py --check

# Rewrites the fragments derived from the resource registry (README coverage table, template IAM list and pattern).
regen: $(STAMP)
	$(BIN)/python tools/regen.py

test: lint
	$(BIN)/pytest -n 2 -q

unit: $(STAMP)
	$(BIN)/pytest -q tests/unit

# Bytecode for the runtime: a python3.13 found on PATH or under pyenv, or the one given as LAMBDA_PYTHON=...
package: $(STAMP)
	$(BIN)/python tools/package.py $(if $(LAMBDA_PYTHON),--python $(LAMBDA_PYTHON))

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

# Every benchmark on small inputs (under 2 minutes): timing ratios then say "n/a at smoke size".
bench-quick: $(STAMP)
	$(BIN)/python bench/run_all.py --profile quick

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
