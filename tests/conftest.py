"""Shared fixtures: one tax-benefit system, and the web servers on free loopback ports, once per session."""

import sys
from pathlib import Path

import pytest

from openfisca_gen import CountryTaxBenefitSystem
from openfisca_gen.serveur_local import arreter, demarrer, port_libre

BIN = Path(sys.executable).parent
MAX_OCTETS, MAX_FORMATIONS = 200_000, 50  # the extended server's limits in the tests


@pytest.fixture(scope="session")
def tax_benefit_system():
    return CountryTaxBenefitSystem()


def _servir(commande, port):
    processus = demarrer(commande, port)
    yield f"http://127.0.0.1:{port}"
    arreter(processus)


@pytest.fixture(scope="session")
def openfisca_serve():
    """Plain `openfisca serve` of the package (gunicorn)."""
    port = port_libre()
    yield from _servir(
        [
            str(BIN / "openfisca"),
            "serve",
            "--country-package",
            "openfisca_gen",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
        ],
        port,
    )


@pytest.fixture(scope="session")
def serveur():
    """The extended server, `openfisca-gen serve` (gunicorn), with small limits."""
    port = port_libre()
    yield from _servir(
        [str(BIN / "openfisca-gen"), "serve", "--port", str(port), "--workers", "1",
         "--max-request-bytes", str(MAX_OCTETS), "--max-trainings", str(MAX_FORMATIONS)],
        port,
    )  # fmt: skip
