# Two commands do all setup on a fresh machine with Python 3.11+ and make: `make serve` and `make test`.
PYTHON ?= python3
# Install from the lock only: machine-wide pip config (extra indexes, mirrors) must not change what is installed.
export PIP_CONFIG_FILE := /dev/null
export PIP_DISABLE_PIP_VERSION_CHECK := 1
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements/requirements.txt
# `make serve PORT=8001` when 8000 is taken.
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install serve test lint build check suite new lock benchmark clean python-version

# Python 3.11 or newer, said plainly instead of a syntax error deep in a dependency.
python-version:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "make: $(PYTHON) not found — install Python 3.11 or newer (https://www.python.org/downloads/), or run: make PYTHON=/path/to/python3.11 …" >&2; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "make: $(PYTHON) is Python $$($(PYTHON) -c 'import platform; print(platform.python_version())'); this project needs 3.11 or newer — install it, or run: make PYTHON=/path/to/python3.11 …" >&2; exit 1; }

# Re-install only when the lock file changes: the second run is instant.
$(STAMP): $(LOCK) pyproject.toml
	@$(MAKE) --no-print-directory python-version
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	# The generator itself, editable: `scripts` imports without sys.path tricks and the
	# `helpcenter` MkDocs plugin is registered.
	PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

# Refuse a busy port with a message (mkdocs would print a traceback), then serve.
define CHECK_PORT
import errno, socket, sys
host, port = sys.argv[1], sys.argv[2]
if not port.isdigit() or not 0 < int(port) < 65536:
    sys.exit(f"make serve: PORT={port!r} is not a port number — use e.g. make serve PORT=8001")
sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server itself does
try:
    sock.bind((host, int(port)))
except OSError as exc:
    if exc.errno == errno.EADDRINUSE:
        sys.exit(f"make serve: port {port} on {host} is already in use (another `make serve`?) — stop it, or pick another port: make serve PORT={int(port) + 1}")
    sys.exit(f"make serve: cannot listen on {host}:{port} ({exc.strerror}) — try make serve PORT=8001 or HOST=127.0.0.1")
finally:
    sock.close()
print(f"make serve: http://{host}:{port}/ (another port: make serve PORT=…)")
endef
export CHECK_PORT

# Served at the root of http://$(HOST):$(PORT)/ (the deployed site lives under /<repo>/); edits
# to the registry, interface words and scripts reload too.
serve: $(STAMP)
	@$(BIN)/python -c "$$CHECK_PORT" "$(HOST)" "$(PORT)"
	SITE_URL=http://$(HOST):$(PORT)/ $(BIN)/mkdocs serve --dev-addr $(HOST):$(PORT) --livereload --watch data --watch scripts

build: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir site

check: $(STAMP)
	$(BIN)/python -m scripts.cli.check

# Linters and the type checker, exactly as pre-commit and CI run them.
lint: $(STAMP)
	$(BIN)/ruff check
	$(BIN)/ruff format --check
	$(BIN)/mypy

# The whole pytest suite, on the site `make build` left in site/.
suite: $(STAMP)
	HC_SITE_DIR=site $(BIN)/python -m pytest

# Linters first, fast checks next, then the strict build (which runs every gate), then the whole suite on that build.
# CI (.github/workflows/ci.yml) runs the same four targets as separate steps.
test: $(STAMP)
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory check
	$(MAKE) --no-print-directory build
	$(MAKE) --no-print-directory suite

# Values from the command line or the environment, else questions (only at a terminal):
#   make new SECTION=account SLUG=frozen-balance TITLE_ZH=… TITLE_EN=… DESCRIPTION_ZH=… DESCRIPTION_EN=… [RISK=high]
new: $(STAMP)
	$(BIN)/python -m scripts.cli.new_article

benchmark: $(STAMP)
	$(BIN)/python -m scripts.cli.benchmark

# Regenerate the hash-pinned lock from requirements/requirements.in.
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links \
		-o $(LOCK) requirements/requirements.in

clean:
	rm -rf site .pytest_cache .ruff_cache .mypy_cache benchmark-output
