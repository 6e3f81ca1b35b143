# Two commands do all the set-up: `make run` and `make test` (README). Everything lives in .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test unit browser bench sample screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python app.py serve --host 127.0.0.1 --port 8050

test: $(STAMP)
	$(BIN)/python -m pytest tests

unit: $(STAMP)
	$(BIN)/python -m pytest tests/unit

browser: $(STAMP)
	$(BIN)/python -m pytest tests/browser

bench: $(STAMP)   # every benchmark runs; one line per budget at the end; fails if any was missed
	$(BIN)/python bench/run_all.py

screenshots: $(STAMP)   # refresh the README's screenshots from the browser tests
	DASBOR_UPDATE_SCREENSHOTS=1 $(BIN)/python -m pytest tests/browser/test_dashboard_browser.py -k screenshotted

sample: $(STAMP)
	$(BIN)/python data/sample/generate.py
	$(BIN)/python data/iid_sample/generate.py

clean:
	rm -rf $(VENV) .pytest_cache instance
