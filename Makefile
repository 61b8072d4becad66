# Every target installs what it needs first: on a fresh machine, `make run`
# and `make test` are the whole set-up. `make help` lists the targets.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
BUILD := build
WHEEL_VENV := $(BUILD)/wheel-venv
CHROMIUM := /usr/bin/chromium

.PHONY: help install install-dev run serve bench test lint check-wheel clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 14

# What the package needs to run (the report, the server), then the test, lint and browser tools on top; each
# stamp is rebuilt when the packaging changes.
$(VENV)/.installe: setup.py pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installe-dev: $(VENV)/.installe
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installe ## install the package (runtime only) in .venv

install-dev: $(VENV)/.installe-dev ## install the package with the test, lint and browser tools

run: install ## the main job: the analyst report of a shipped reform on the bundled population, into report/
	$(BIN)/openfisca-gen compare --reform plafond_par_formation --out report

serve: install ## the web API and the pages on http://127.0.0.1:5000 (/simulateur, /reformes)
	$(BIN)/openfisca-gen serve

# Every benchmark docs/performance.md quotes, each printed as it runs (every line: measured, its reference measured
# in the same run, the ratio, the target, met or missed), then its figures rewritten there. Never part of `test`.
bench: install-dev ## the benchmarks against references of the same run; their figures into docs/performance.md
	$(BIN)/python scripts/actualiser_docs.py --bench docs/performance.md

# The browser tests drive Debian's Chromium (Playwright cannot download its own browsers here); they never skip,
# so it is installed with apt when it is missing: as root, or through sudo.
$(CHROMIUM):
	$(if $(filter 0,$(shell id -u)),,sudo) sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'

lint: install-dev ## ruff (check and format) and yamllint
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/yamllint --strict -c .yamllint.yaml parameters tests openfisca_gen docs/couverture.yaml docs/bilan.yaml

# The YAML cases by OpenFisca's own runner, then the pytest modules on two workers (pytest-xdist, a module per
# worker: its fixtures, a server or a browser, start once; in the order tests/conftest.py gives, the longest
# first); hypothesis draws the same examples on every run (its "ci" profile), so that a run is reproducible.
test: lint $(CHROMIUM) ## lint, then every YAML case and every pytest module, the browser tests included
	HYPOTHESIS_PROFILE=ci $(BIN)/openfisca test --country-package openfisca_gen $(sort $(wildcard tests/*/))
	HYPOTHESIS_PROFILE=ci $(BIN)/pytest -p no:cacheprovider -n 2 --dist loadscope --no-loadscope-reorder tests

# A non-editable install must work on its own: build the wheel, install it in a fresh virtual environment
# (in build/), run the YAML cases from outside the source tree, and serve it with `openfisca serve`.
check-wheel: install-dev ## build the wheel, install it apart: its YAML cases, checks, record, populations, pages
	rm -rf dist $(WHEEL_VENV)
	$(BIN)/pip wheel --quiet --no-deps --wheel-dir dist .
	$(PYTHON) -m venv $(WHEEL_VENV)
	$(WHEEL_VENV)/bin/pip install --quiet dist/*.whl
	cd /tmp && $(CURDIR)/$(WHEEL_VENV)/bin/python -c "import openfisca_gen as g; \
		assert str(g.PARAMETERS_DIR).startswith('$(CURDIR)/$(WHEEL_VENV)'), g.PARAMETERS_DIR; \
		assert str(g.VARIABLES_DIR).startswith('$(CURDIR)/$(WHEEL_VENV)'), g.VARIABLES_DIR; \
		print('installed law:', g.PARAMETERS_DIR, g.VARIABLES_DIR)"
	rm -rf $(BUILD)/cas && mkdir -p $(BUILD)/cas && cp -r $(sort $(wildcard tests/*/)) $(BUILD)/cas/  # no conftest
	cd /tmp && $(CURDIR)/$(WHEEL_VENV)/bin/openfisca test --country-package openfisca_gen $(CURDIR)/$(BUILD)/cas
	cd /tmp && $(CURDIR)/$(WHEEL_VENV)/bin/openfisca-gen examples > /dev/null
	cd /tmp && $(CURDIR)/$(WHEEL_VENV)/bin/python -c "from openfisca_gen import couverture as c; \
		assert str(c.COUVERTURE).startswith('$(CURDIR)/$(WHEEL_VENV)'), c.COUVERTURE; \
		assert not c.erreurs_de_citation(c.lire_couverture()), 'quotes unchecked in the wheel'"
	cd /tmp && $(CURDIR)/$(WHEEL_VENV)/bin/openfisca-gen coverage > /dev/null
	cd /tmp && $(CURDIR)/$(WHEEL_VENV)/bin/python -c "from openfisca_gen import bilan as b; \
		assert str(b.BILAN).startswith('$(CURDIR)/$(WHEEL_VENV)'), b.BILAN; \
		assert not b.erreurs_de_citation(b.lire_bilan()), 'the record unchecked in the wheel'"
	cd /tmp && $(CURDIR)/$(WHEEL_VENV)/bin/openfisca-gen record --out $(CURDIR)/$(BUILD)/record > /dev/null
	cd /tmp && $(CURDIR)/$(WHEEL_VENV)/bin/openfisca-gen compare --reform plafond_100k --data appel_2018 > /dev/null
	cd /tmp && $(CURDIR)/$(WHEEL_VENV)/bin/python $(CURDIR)/.ci/serve_from_wheel.py

clean: ## remove the virtual environments, builds and reports
	rm -rf $(VENV) $(BUILD) dist *.egg-info report
