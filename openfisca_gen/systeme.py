"""The tax-benefit system of the Grande École du numérique: the entities, the dated parameters, the variables."""

import functools

from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from openfisca_gen import entities
from openfisca_gen.chemins import PARAMETERS_DIR, VARIABLES_DIR
from openfisca_gen.situation_examples import formation_eligible


class CountryTaxBenefitSystem(TaxBenefitSystem):
    """The Grande École du numérique rules, from the first call (2015) on."""

    def __init__(self) -> None:
        super().__init__(entities.entities)
        self.add_variables_from_directory(str(VARIABLES_DIR))
        self.load_parameters(str(PARAMETERS_DIR))
        self.open_api_config = {
            "variable_example": "financement_amorcage",
            "parameter_example": "financement_amorcage.plafond",
            "simulation_example": formation_eligible,
        }


@functools.cache
def la_loi() -> CountryTaxBenefitSystem:
    """The law, loaded once per process, for the commands and the functions called without a system. A reform
    never changes it (OpenFisca's reforms work on a copy), so one copy serves them all."""
    return CountryTaxBenefitSystem()
