"""Shared fixtures: one tax-benefit system for the whole session (loading it is the slow part)."""

import pytest

from openfisca_gen import CountryTaxBenefitSystem


@pytest.fixture(scope="session")
def tax_benefit_system():
    return CountryTaxBenefitSystem()
