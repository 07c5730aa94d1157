# Journal: the two commands of the README, and what they need.
#   make run    install Journal into .venv and start it (on the default journal file in your data folder)
#   make test   install Journal and its test tools into .venv and run the whole test suite; the windows open on
#               an Xvfb display of their own, managed by openbox (tests/conftest.py); offscreen where Xvfb is missing
#   make lint   ruff (rules and format) and mypy, as make test runs them first; make format applies ruff's fixes
#   make screenshots  every review chart, the insights panel, the report and a session sheet as PNG, light and
#               dark, at two sizes, for four journals, into screenshots/review/ (git-ignored), to be looked at
#   make bench  measure the performance budgets and write the figures into README.md
#   make bundle build the Linux bundle, tarball and .deb into dist/ (installer/README.md)
#   make constraints  move requirements/constraints.txt on to the newest versions pyproject.toml allows (then test)
# Every pip install takes its versions from requirements/constraints.txt: what the tests last passed with.
# System libraries Qt needs (and Xvfb, openbox, Qt's X11 libraries and poppler for the tests) are installed with
# apt-get when missing and possible.

# The Python the venv is made with; empty: the first 3.11+ of python3, python3.13, python3.12, python3.11
# (installer/find-python.sh, which installs python3.11 on Ubuntu 22.04 when it can, else says what to install).
PYTHON ?=
VENV ?= .venv
PY := $(VENV)/bin/python
CONSTRAINTS := requirements/constraints.txt
PIP_INSTALL := $(PY) -m pip install --disable-pip-version-check -q -c $(CONSTRAINTS)
QT_LIBS := libgl1 libegl1 libfontconfig1 libxkbcommon0 libdbus-1-3 libglib2.0-0 fonts-dejavu-core
TEST_TOOLS := poppler-utils binutils xvfb openbox
# What Qt's xcb platform plugin loads, for the windows the tests open on Xvfb.
X11_LIBS := libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 \
	libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0

.PHONY: run test lint format screenshots bench bundle icons system-libs test-tools constraints clean

run: system-libs $(VENV)/.app
	$(VENV)/bin/journal

test: system-libs test-tools $(VENV)/.test lint
	$(PY) -m pytest -q

# ruff's rules and formatting, and mypy (strict on domain, io and storage): pyproject.toml holds their settings.
lint: $(VENV)/.test
	$(VENV)/bin/ruff check journal tests installer
	$(VENV)/bin/ruff format --check journal tests installer
	$(VENV)/bin/mypy

format: $(VENV)/.test
	$(VENV)/bin/ruff check --fix journal tests installer
	$(VENV)/bin/ruff format journal tests installer

screenshots: system-libs test-tools $(VENV)/.test
	$(PY) tests/screens/make_screens.py

bench: system-libs $(VENV)/.bench
	QT_QPA_PLATFORM=offscreen $(PY) tests/bench/run_all.py

bundle: system-libs
	PYTHON=$$(PYTHON="$(PYTHON)" sh installer/find-python.sh) bash installer/build_linux.sh

icons: $(VENV)/.app
	QT_QPA_PLATFORM=offscreen $(PY) installer/make_icons.py

system-libs:
	@PACKAGES="$(QT_LIBS)" sh installer/ensure-packages.sh

test-tools:
	@PACKAGES="$(TEST_TOOLS) $(X11_LIBS)" sh installer/ensure-packages.sh

$(VENV)/bin/python:
	@python=$$(PYTHON="$(PYTHON)" sh installer/find-python.sh) && echo "$$python -m venv $(VENV)" && \
		"$$python" -m venv $(VENV)

$(VENV)/.app: pyproject.toml $(CONSTRAINTS) | $(VENV)/bin/python
	$(PIP_INSTALL) -e .
	touch $@

$(VENV)/.test: pyproject.toml $(CONSTRAINTS) | $(VENV)/bin/python
	$(PIP_INSTALL) -e '.[test]'
	touch $@ $(VENV)/.app

$(VENV)/.bench: pyproject.toml $(CONSTRAINTS) | $(VENV)/bin/python
	$(PIP_INSTALL) -e '.[test,bench]'
	touch $@ $(VENV)/.test $(VENV)/.app

# The newest versions within pyproject.toml's bounds, written as the new pins (the build extra's too); run make test
# (and make bundle) before committing them.
constraints: | $(VENV)/bin/python
	$(PY) -m pip install --disable-pip-version-check -q --upgrade -e '.[test,build]'
	{ sed -n '/^#/p' $(CONSTRAINTS); $(PY) -m pip freeze --exclude-editable; } > $(CONSTRAINTS).new
	mv $(CONSTRAINTS).new $(CONSTRAINTS)
	touch $(VENV)/.test $(VENV)/.app

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
