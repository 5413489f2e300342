# The one way to do each thing. `make demo` and `make test` work on a fresh machine that has
# only Python, pip and Debian's apt: they create .venv/ and install what they need.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.8
DEMO_DB := demo.db
export UV_PYTHON_DOWNLOADS := never

.PHONY: help install install-dev system-deps demo serve test lint fix typecheck eval bench clean

help:
	@echo "make demo   - install into .venv, run the pipeline on examples/articles, print transfers"
	@echo "make serve  - open the web UI on the demo database at http://127.0.0.1:8000"
	@echo "make test   - install everything the tests need and run lint, types and the test suite"
	@echo "make lint   - ruff check + ruff format --check"
	@echo "make fix    - ruff fixes and formatting"
	@echo "make eval   - score the dev sets of ../shared/dev"
	@echo "make bench  - extraction throughput benchmark"

$(BIN)/uv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# --inexact keeps uv itself (installed by pip above) in the environment.
install: $(BIN)/uv
	$(BIN)/uv sync --frozen --inexact --no-dev --quiet

install-dev: $(BIN)/uv
	$(BIN)/uv sync --frozen --inexact --quiet

system-deps:
	bash scripts/install-system-deps.sh

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/armstrace run --db $(DEMO_DB) examples/articles
	$(BIN)/armstrace transfers --db $(DEMO_DB)
	@echo
	@echo "Stored in $(DEMO_DB). Try: $(BIN)/armstrace table --db $(DEMO_DB)      (per-article reports)"
	@echo "                      $(BIN)/armstrace show ID --db $(DEMO_DB)    (a transfer and its evidence)"
	@echo "                      $(BIN)/armstrace export --db $(DEMO_DB) --format records"
	@echo "Browse it: $(BIN)/armstrace serve --db $(DEMO_DB)   (or: make serve), then open http://127.0.0.1:8000"

# The web UI and JSON API over the demo database (loopback only; Ctrl-C stops it).
serve: install
	@test -f $(DEMO_DB) || $(MAKE) demo
	@echo "Serving $(DEMO_DB) at http://127.0.0.1:8000 (Ctrl-C to stop)"
	$(BIN)/armstrace serve --db $(DEMO_DB) --host 127.0.0.1 --port 8000

lint: install-dev
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

typecheck: install-dev
	$(BIN)/mypy

fix: install-dev
	$(BIN)/ruff check --fix src tests benchmarks scripts
	$(BIN)/ruff format src tests benchmarks scripts

test: install-dev system-deps lint typecheck
	ARMSTRACE_REQUIRE_POSTGRES=1 ARMSTRACE_REQUIRE_BROWSER=1 $(BIN)/pytest

eval: install
	$(BIN)/python scripts/eval_dev.py

bench: install
	$(BIN)/python benchmarks/bench_extract.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
