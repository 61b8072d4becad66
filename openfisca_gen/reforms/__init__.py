"""Reforms: the shipped policy scenarios, and parametric reforms from a dict or a YAML file.

from openfisca_gen.reforms import appliquer_reforme
reforme = appliquer_reforme(baseline, "plafond_par_structure")
reforme = appliquer_reforme(baseline, {"financement_amorcage.plafond": {"2015-09-17": 100000}})
"""

from openfisca_gen.reforms.parametriques import (
    ReformeInvalideError,
    ReformeParametrique,
    charger_changements,
    lire_reforme,
    reforme_parametrique,
    trouver_parametre,
    valider_changements,
)
from openfisca_gen.reforms.scenarios import (
    objectif_femmes_par_formation,
    plafond_100k,
    plafond_par_structure,
    taux_2018_premier_appel,
)

REFORMES = {
    reforme.__name__: reforme
    for reforme in (plafond_100k, plafond_par_structure, objectif_femmes_par_formation, taux_2018_premier_appel)
}


def appliquer_reforme(baseline, reforme):
    """A reformed system from a shipped reform's name or a `{path: {date: value}}` mapping."""
    if isinstance(reforme, str):
        if reforme not in REFORMES:
            raise ReformeInvalideError([f"Unknown reform '{reforme}'; shipped reforms: {', '.join(REFORMES)}"])
        return REFORMES[reforme](baseline)
    return reforme_parametrique(baseline, reforme)


__all__ = [
    "REFORMES",
    "ReformeInvalideError",
    "ReformeParametrique",
    "appliquer_reforme",
    "charger_changements",
    "lire_reforme",
    "objectif_femmes_par_formation",
    "plafond_100k",
    "plafond_par_structure",
    "reforme_parametrique",
    "taux_2018_premier_appel",
    "trouver_parametre",
    "valider_changements",
]
