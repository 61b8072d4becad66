# Every target installs what it needs first: on a fresh machine, `make run`
# and `make test` are the whole set-up.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
WHEEL_VENV ?= /tmp/openfisca_gen_wheel_venv

.PHONY: install run bench test lint check-wheel clean

# The console script stands for the installed environment; it is rebuilt when
# the packaging changes.
$(BIN)/openfisca-gen: setup.py pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/openfisca-gen

# The main job: the analyst report on the bundled (synthetic) 2015 population,
# with the shipped reform that caps seed funding per structure.
run: install
	$(BIN)/openfisca-gen compare --reform plafond_par_structure --out report

bench: install
	$(BIN)/python benchmarks/bench_population.py
	$(BIN)/python benchmarks/bench_interpretations.py
	$(BIN)/python benchmarks/bench_serveur.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/yamllint --strict -c .yamllint.yaml parameters tests openfisca_gen docs/couverture.yaml

# OpenFisca's test runner collects the YAML cases and the pytest modules alike.
test: lint
	$(BIN)/openfisca test --country-package openfisca_gen tests

# A non-editable install must work on its own: build the wheel, install it in a
# fresh virtual environment, run the YAML cases from outside the source tree,
# and serve it with `openfisca serve`.
check-wheel: install
	rm -rf dist $(WHEEL_VENV)
	$(BIN)/pip wheel --quiet --no-deps --wheel-dir dist .
	$(PYTHON) -m venv $(WHEEL_VENV)
	$(WHEEL_VENV)/bin/pip install --quiet dist/*.whl
	cd /tmp && $(WHEEL_VENV)/bin/python -c "import openfisca_gen as g; \
		assert str(g.PARAMETERS_DIR).startswith('$(WHEEL_VENV)'), g.PARAMETERS_DIR; \
		assert str(g.VARIABLES_DIR).startswith('$(WHEEL_VENV)'), g.VARIABLES_DIR; \
		print('installed law:', g.PARAMETERS_DIR, g.VARIABLES_DIR)"
	cd /tmp && $(WHEEL_VENV)/bin/openfisca test --country-package openfisca_gen $(sort $(wildcard $(CURDIR)/tests/*/))
	cd /tmp && $(WHEEL_VENV)/bin/openfisca-gen examples > /dev/null
	cd /tmp && $(WHEEL_VENV)/bin/python -c "from openfisca_gen import couverture as c; \
		assert str(c.COUVERTURE).startswith('$(WHEEL_VENV)'), c.COUVERTURE; \
		assert not c.erreurs_de_citation(c.lire_couverture()), 'quotes unchecked in the wheel'"
	cd /tmp && $(WHEEL_VENV)/bin/openfisca-gen coverage > /dev/null
	cd /tmp && $(WHEEL_VENV)/bin/python $(CURDIR)/.ci/serve_from_wheel.py

clean:
	rm -rf $(VENV) dist build *.egg-info report
