# Two commands do all setup on a fresh machine with Python 3 and make: `make serve` and `make test`.
PYTHON ?= python3
# Install from the lock only: machine-wide pip config (extra indexes, mirrors) must not change what is installed.
export PIP_CONFIG_FILE := /dev/null
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements/requirements.txt

.PHONY: serve test build check new lock benchmark clean

# Re-install only when the lock file changes: the second run is instant.
$(STAMP): $(LOCK) pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	# The generator itself, editable: `scripts` imports without sys.path tricks and the
	# `helpcenter` MkDocs plugin is registered.
	PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Served at the root of 127.0.0.1:8000 (the deployed site lives under /<repo>/); edits to the
# registry, interface words and scripts reload too.
serve: $(STAMP)
	SITE_URL=http://127.0.0.1:8000/ $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload --watch data --watch scripts

export NO_MKDOCS_2_WARNING := 1

build: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir site

check: $(STAMP)
	$(BIN)/python -m scripts.cli.check

# Fast checks first, then the strict build (which runs every gate), then the whole suite on that build.
test: $(STAMP)
	$(BIN)/python -m scripts.cli.check
	$(BIN)/mkdocs build --strict --site-dir site
	HC_SITE_DIR=site $(BIN)/python -m pytest

new: $(STAMP)
	$(BIN)/python -m scripts.cli.new_article $(SECTION) $(SLUG)

benchmark: $(STAMP)
	$(BIN)/python -m scripts.cli.benchmark

# Regenerate the hash-pinned lock from requirements/requirements.in.
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links \
		-o $(LOCK) requirements/requirements.in

clean:
	rm -rf site .pytest_cache
