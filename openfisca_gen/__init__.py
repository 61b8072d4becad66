"""openfisca_gen: the Grande École du numérique rules as an OpenFisca model.

`CountryTaxBenefitSystem` loads the entities, the dated parameters and the
variables; `openfisca serve --country-package openfisca_gen` and `openfisca test
--country-package openfisca_gen` find it by this name. It is imported on first
use, so that a command that does not compute (`openfisca-gen --help`) does not
load OpenFisca.
"""

from openfisca_gen.chemins import DOCS_DIR, PARAMETERS_DIR, VARIABLES_DIR


def __getattr__(name: str):
    if name == "CountryTaxBenefitSystem":
        from openfisca_gen.systeme import CountryTaxBenefitSystem

        return CountryTaxBenefitSystem
    if name in ("campagne_deux_structures", "formation_eligible"):
        from openfisca_gen import situation_examples

        return getattr(situation_examples, name)
    raise AttributeError(f"module 'openfisca_gen' has no attribute '{name}'")


__all__ = ["DOCS_DIR", "PARAMETERS_DIR", "VARIABLES_DIR", "CountryTaxBenefitSystem"]
