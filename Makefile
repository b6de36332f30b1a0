# xeber — `make demo` and `make test` do all the set-up on a fresh machine.
PY ?= python3
# bash with pipefail, so that `bench | tee` fails when the benchmark does
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
DEMO_DB := .cache/demo.db
# Debian packages: OCR, PDF rendering, fonts for rendered test scans, the browser for page tests,
# and the PostgreSQL server for the backend conformance tests.
APT_PACKAGES := tesseract-ocr tesseract-ocr-aze tesseract-ocr-aze-cyrl poppler-utils fonts-dejavu-core \
	chromium postgresql
STAMP := $(VENV)/.installed

.PHONY: venv sysdeps models lexicon demo test bench bench-normalize lint clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

venv: $(STAMP)

sysdeps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing system packages: $$missing"; \
		apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing >/dev/null; \
	else \
		echo "missing system packages; install them with:"; \
		echo "    sudo apt-get install -y $$missing"; \
	fi

# Models derived from evaluation-only data (no licence to redistribute) are built locally into
# src/xeber/data/models/local/ (git-ignored) when ../shared is present; xeber works without them.
LOCAL_MODELS_DIR := src/xeber/data/models/local
ifneq ($(wildcard $(SHARED)/data/ner-wikiaz/train.conll),)
LOCAL_MODELS := $(LOCAL_MODELS_DIR)/ner.crfsuite $(LOCAL_MODELS_DIR)/normalize_lm.tsv.gz \
	$(LOCAL_MODELS_DIR)/normalize_lm_train.tsv.gz
endif

models: venv $(LOCAL_MODELS)

$(LOCAL_MODELS_DIR)/ner.crfsuite: scripts/train_ner.py $(wildcard src/xeber/extract/*.py src/xeber/data/gazetteer/*) \
		$(SHARED)/data/ner-wikiaz/train.conll | venv
	$(BIN)/python scripts/train_ner.py --train $(SHARED)/data/ner-wikiaz/train.conll --out $@

# the tool's bigram model counts every dev article; the benchmarks' counts only their training third
$(LOCAL_MODELS_DIR)/normalize_lm.tsv.gz: scripts/train_normalize_lm.py $(SHARED)/data/news-egov-az/dev.jsonl.gz | venv
	$(BIN)/python scripts/train_normalize_lm.py --shared $(SHARED) --split all --out $@

$(LOCAL_MODELS_DIR)/normalize_lm_train.tsv.gz: scripts/train_normalize_lm.py $(SHARED)/data/news-egov-az/dev.jsonl.gz | venv
	$(BIN)/python scripts/train_normalize_lm.py --shared $(SHARED) --split train --out $@

# The committed lexicon artifact, rebuilt from installed packages and MIT/Apache word lists.
lexicon: venv sysdeps
	$(BIN)/python scripts/build_lexicon.py --shared $(SHARED)

demo: venv sysdeps models
	@rm -f $(DEMO_DB) && mkdir -p .cache
	@echo "== normalize: repairs with their edits (examples/01_enerji_emekdasligi.md)"
	@$(BIN)/xeber normalize examples/01_enerji_emekdasligi.md --json | $(BIN)/python scripts/show_edits.py
	@echo; echo "== extract: entities and events (examples/04_gulesciler.md)"
	@$(BIN)/xeber extract examples/04_gulesciler.md
	@echo; echo "== ingest examples/ into $(DEMO_DB)"
	@$(BIN)/xeber ingest examples --db $(DEMO_DB)
	@for q in 'enerji əməkdaşlığı' 'gulesci' 'xalça sərgisi' '"beynəlxalq konfrans"' 'person:"Rəşad Hüseynov"' 'Bakı -konfrans'; do \
		echo; echo "== xeber search '$$q'"; $(BIN)/xeber search "$$q" --db $(DEMO_DB) --limit 3; done

test: venv sysdeps models
	scripts/with-test-services $(BIN)/pytest -q -x --durations=5

# Every benchmark, with the arguments its figures in bench/results/ were made with. Fresh output goes
# to .cache/bench/ (bench/results/ holds the reviewed write-ups); about 50 minutes on 2 cores.
BENCH_OUT := .cache/bench
bench: venv sysdeps models
	@mkdir -p $(BENCH_OUT)
	$(BIN)/python bench/tokenize_bench.py | tee $(BENCH_OUT)/tokenize.md
	$(BIN)/python bench/morph_bench.py | tee $(BENCH_OUT)/morph.md
	$(BIN)/python bench/normalize_bench.py --split test --articles 200 --out $(BENCH_OUT)/normalize.md
	$(BIN)/python bench/ingest_bench.py --pages 12 --html 200 --out $(BENCH_OUT)/ingest.md
	$(BIN)/python bench/entities_bench.py | tee $(BENCH_OUT)/entities.md
	$(BIN)/python bench/entities_cv.py | tee $(BENCH_OUT)/entities-cv.md
	$(BIN)/python bench/events_bench.py --out $(BENCH_OUT)/events.md
	$(BIN)/python bench/search_bench.py mirage | tee $(BENCH_OUT)/search-mirage.md
	$(BIN)/python bench/search_bench.py news | tee $(BENCH_OUT)/search-news.md
	XEBER_BENCH_TMP=$(BENCH_OUT) $(BIN)/python bench/search_bench.py scale --docs 200000 | tee $(BENCH_OUT)/search-scale.md
	XEBER_BENCH_TMP=$(BENCH_OUT) $(BIN)/python bench/search_bench.py scale --docs 200000 --corpus dense \
		| tee $(BENCH_OUT)/search-scale-dense.md
	scripts/with-test-services $(BIN)/python bench/batch_bench.py --workers 2 --batch 16 --out $(BENCH_OUT)/batch.md

bench-normalize: venv models
	$(BIN)/python bench/normalize_bench.py

lint: venv
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy src

clean:
	rm -rf .cache .pytest_cache .mypy_cache .ruff_cache
