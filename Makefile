# Kursus Konselor: every target sets up .venv from the lock file first (only Python 3.11 and make needed).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PIP    := $(BIN)/python -m pip --disable-pip-version-check --quiet
# Tests run in parallel, a file (or a test class) to a worker, so that its built sites are made once; the
# every-page pass has a class per language. 2 = the reference machine's cores.
PYTEST_WORKERS ?= 2
PYTEST := $(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadscope
# Test-only Node packages (the Nu Html Checker and others), exactly as package-lock.json pins them.
NODE_STAMP := node_modules/.installed

.PHONY: build serve test test-fast check bench print clean
.DEFAULT_GOAL := build

$(STAMP): requirements.lock pyproject.toml
	@echo "==> Setting up $(VENV) from requirements.lock (first run takes a minute)"
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -r requirements.lock
	$(PIP) install --no-deps --no-build-isolation -e .
	@touch $@

# .npmrc sets ignore-scripts: no package's install script runs (vnu-jar's would download a Java runtime).
$(NODE_STAMP): package-lock.json package.json .npmrc
	@echo "==> Installing test tools into node_modules/ from package-lock.json"
	npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

build: $(STAMP)  ## build site/, the learner zip and the trainer zip in dist/
	$(BIN)/kursus build

serve: $(STAMP)  ## live preview on http://127.0.0.1:8000/
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

check: $(STAMP)  ## validate every quiz and page marker
	$(BIN)/kursus check

test: $(STAMP) $(NODE_STAMP)  ## lint, type-check and run every test (browser tests need /usr/bin/chromium)
	$(BIN)/ruff check scripts tests
	$(BIN)/mypy
	$(PYTEST)

test-fast: $(STAMP) $(NODE_STAMP)  ## the quick loop: lint, type-check and every test that needs no browser
	$(BIN)/ruff check scripts tests
	$(BIN)/mypy
	$(PYTEST) -m "not browser"

print: $(STAMP)  ## PDFs for trainers in dist/<language>/, then the trainer package with them
	$(BIN)/kursus print
	$(BIN)/kursus build --quiet

bench: $(STAMP)  ## build-time, size and checker benchmarks (prints ratios)
	$(BIN)/python -m kursus.bench

clean:
	rm -rf site dist build $(VENV) node_modules
