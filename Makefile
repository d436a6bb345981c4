# Two commands on a fresh machine: `make run` and `make test`. Both install first.
SHELL := /bin/bash
PY ?= python3
export UV_PYTHON_DOWNLOADS := never
export UV_LINK_MODE := copy
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test test-long lint typecheck demo bench eval clean

.tools/bin/uv:
	$(PY) -m venv .tools
	.tools/bin/pip install --quiet uv

$(BIN)/reimburse: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python $(PY)
	@touch $@

install: $(BIN)/reimburse

run: install
	$(BIN)/reimburse serve --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/lint-imports  # the layer contracts in pyproject.toml

typecheck: install
	$(BIN)/mypy

test: install lint typecheck
	$(BIN)/pytest

test-long: install
	$(BIN)/pytest -m slow

demo: install
	$(BIN)/python docs/examples/generate.py --check
	$(BIN)/reimburse analyze --policy docs/examples/policy.pdf --invoices docs/examples/invoices.zip \
		--employee "Rani Sharma" --submitted-on 2024-12-31 --no-store

bench: install
	$(BIN)/python -m tests.benchmarks.run

# reads ../shared/corpus (or REIMBURSE_CORPUS) through the real pipeline; writes docs/accuracy.md
eval: install
	$(BIN)/python -m tests.eval.run

clean:
	rm -rf $(VENV) .tools .mypy_cache .ruff_cache .pytest_cache
