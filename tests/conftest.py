"""Shared fixtures: one tax-benefit system, the web servers over real HTTP (once per session), their limits, a
Flask test client, and the hypothesis profiles (derandomised in CI: `HYPOTHESIS_PROFILE=ci`); the order of the
modules."""

import os
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
import serveurs
from hypothesis import HealthCheck, settings

from openfisca_gen import CountryTaxBenefitSystem

BIN = Path(sys.executable).parent
LIMITES = SimpleNamespace(octets=200_000, formations=50)  # the extended server's limits in the tests

settings.register_profile("ci", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(scope="session")
def tax_benefit_system():
    return CountryTaxBenefitSystem()


@pytest.fixture(scope="session")
def limites():
    return LIMITES


@pytest.fixture(scope="session")
def requete():
    """(status, JSON answer) of a request over real HTTP: `requete(url)` a GET, `requete(url, body)` a POST."""
    return serveurs.requete


@pytest.fixture(scope="session")
def servir():
    """Start a server (a command binding port 0) for the session's end; its base URL."""
    processus = []

    def lancer(commande):
        process, url = serveurs.demarrer(commande)
        processus.append(process)
        return url

    yield lancer
    for process in processus:
        serveurs.arreter(process)


@pytest.fixture(scope="session")
def openfisca_serve(servir):
    """Plain `openfisca serve` of the package (gunicorn)."""
    commande = ["serve", "--country-package", "openfisca_gen", "--bind", "127.0.0.1:0", "--workers", "1"]
    return servir([str(BIN / "openfisca"), *commande])


@pytest.fixture(scope="session")
def serveur(servir):
    """The extended server, `openfisca-gen serve` (gunicorn), with small limits."""
    limites = ["--max-request-bytes", str(LIMITES.octets), "--max-trainings", str(LIMITES.formations)]
    return servir([str(BIN / "openfisca-gen"), "serve", "--port", "0", "--workers", "1", *limites])


@pytest.fixture(scope="session")
def client(tax_benefit_system):
    """The extended app through Flask's test client: no server, for what a real one adds nothing to."""
    from openfisca_gen.web import creer_app

    return creer_app(tax_benefit_system, LIMITES.octets, LIMITES.formations).test_client()


# The modules that take longest, longest first (`pytest --durations=0`, summed by module); the others after them.
LONGS = ("pages_navigateur", "analyse", "pages_fuzz", "bilan", "validation", "reformes", "invariants",
         "serveur_etendu", "durcissement", "pages_atelier", "pages_http", "readme", "interpretations")  # fmt: skip


def pytest_collection_modifyitems(items):
    """The longest modules first: on two workers (`make test`, with --no-loadscope-reorder), each worker takes the
    next module when it is free, so the run ends on short modules rather than on one worker finishing a long one
    alone (the browser tests, the longest by far, first)."""
    rang = {f"test_{nom}.py": i for i, nom in enumerate(LONGS)}
    items.sort(key=lambda item: rang.get(item.path.name, len(LONGS)))
