# Set-up and everyday targets.  Only Python 3.11 is needed; everything else is pinned in pyproject.toml.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS ?= ../shared/corpus

.PHONY: demo test eval lint web clean train-ner first-names

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "need $(PYTHON) on PATH (or make PYTHON=python3)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	rm -rf kg-store
	$(BIN)/kg build examples/ -o out/sample.ttl --all-rules
	$(BIN)/kg export graphml -o out/sample.graphml
	$(BIN)/kg query investments --format table
	$(BIN)/kg query bans-and-fines --format table

test: $(STAMP)
	$(BIN)/ruff check kg tests
	$(BIN)/pytest -q

eval: $(STAMP)
	@test -d $(CORPUS) || { echo "no corpus at $(CORPUS)"; exit 1; }
	$(BIN)/kg eval $(CORPUS)/dev/gold.json
	$(BIN)/kg eval $(CORPUS)/winer-dev.jsonl
	$(BIN)/kg eval $(CORPUS)/popcorn-dev.jsonl
	$(BIN)/kg eval $(CORPUS)/asfalda-dev.jsonl

# Fine-tune the French model's NER on WiNER-fr news into kg/models/ner-winer, the weights kg/nlp.py loads
# over the model's own (about 10 min on one CPU core; not part of `make test`; figures in bench/RESULTS.md).
# Never reads winer-dev.jsonl.
train-ner: $(STAMP)
	OMP_NUM_THREADS=1 $(BIN)/python tools/train_ner.py --corpus $(CORPUS)/winer-train.jsonl --out kg/models/ner-winer

# The first names kg cuts a name the NER ran on over a person's at (kg/data/first_names.txt, committed), from
# WiNER-fr's training articles. Never reads winer-dev.jsonl.
first-names: $(STAMP)
	$(BIN)/python tools/first_names.py --corpus $(CORPUS)/winer-train.jsonl --out kg/data/first_names.txt

# The web page of `kg serve` is built from npm packages into kg/static (committed, so Python needs no npm).
web:
	cd web && npm ci --no-audit --no-fund && npm run build

lint: $(STAMP)
	$(BIN)/ruff check kg tests

clean:
	rm -rf $(VENV) kg-store out .pytest_cache
