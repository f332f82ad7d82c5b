# kg — two commands set up a fresh machine:  make run   and   make test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test check eval bench clean

# The virtual environment, with kg (editable) and its test tools.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## make run: build out/graph.trig from corpus/, then the picture and the page
run: $(STAMP)
	$(BIN)/kg build corpus -o out/graph.trig
	$(BIN)/kg export out/graph.trig -o out/graph.html
	$(BIN)/kg export out/graph.trig -o out/graph.png

## make test: the whole test suite
test: $(STAMP)
	$(BIN)/python -m pytest -q

## make check: ruff's lint of the code, tests and benchmarks (CI runs it)
check: $(STAMP)
	$(BIN)/ruff check kg tests bench scripts

## make eval: build the seeds and the dev set and print their scores against the gold facts
eval: $(STAMP)
	$(BIN)/kg build corpus -o out/eval/seeds.trig --quiet
	$(BIN)/kg build tests/data/dev/articles -o out/eval/dev.trig --quiet
	@echo "== seeds (corpus/) =="
	$(BIN)/kg eval out/eval/seeds.trig tests/data/seeds.gold.toml
	@echo "== dev (tests/data/dev/) =="
	$(BIN)/kg eval out/eval/dev.trig tests/data/dev/dev.gold.toml

## make bench: the benchmarks of bench/ (they print their figures)
bench: $(STAMP)
	$(BIN)/python bench/bench_build.py
	$(BIN)/python bench/bench_graph.py
	$(BIN)/python bench/bench_query.py
	$(BIN)/python bench/bench_export.py

clean:
	rm -rf out bench/out .pytest_cache
