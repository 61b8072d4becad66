"""openfisca_gen: the Grande École du numérique rules as an OpenFisca model.

`CountryTaxBenefitSystem` loads the entities, the dated parameters and the
variables; `openfisca serve --country-package openfisca_gen` and `openfisca test
--country-package openfisca_gen` find it by this name.
"""

from pathlib import Path

from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from openfisca_gen import entities
from openfisca_gen.situation_examples import campagne_deux_structures, formation_eligible

_PACKAGE = Path(__file__).resolve().parent


def _law_folder(name: str) -> Path:
    """Where `parameters/`, `variables/` or `docs/` lies.

    An installed wheel carries them inside the package; a source checkout
    (editable install) keeps them at the top of the repository.
    """
    inside = _PACKAGE / name
    return inside if inside.is_dir() else _PACKAGE.parent / name


PARAMETERS_DIR = _law_folder("parameters")
VARIABLES_DIR = _law_folder("variables")
DOCS_DIR = _law_folder("docs")  # the coverage file and the stored source texts (docs/sources/)


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


__all__ = ["CountryTaxBenefitSystem", "campagne_deux_structures", "formation_eligible"]
