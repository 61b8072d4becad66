"""The reforms shipped with the package: each answers one policy question.

Use them from Python (`plafond_par_structure(CountryTaxBenefitSystem())`), from
`openfisca test` (`reforms: openfisca_gen.reforms.plafond_par_structure` in a
YAML case, or `--reforms`), from `openfisca-gen compare --reform NAME` and from
the web API's `/compare` route.
"""

import numpy
from openfisca_core.model_api import Variable
from openfisca_core.reforms import Reform

from openfisca_gen.helpers import parametre_facultatif, regles_appel_en_vigueur
from openfisca_gen.reforms.parametriques import ReformeParametrique


class plafond_100k(ReformeParametrique):
    """What would a ceiling of 100 000 € per training, from the first call on, cost?"""

    name = "Plafond du financement d'amorçage porté à 100 000 € par formation"
    changements = {"financement_amorcage.plafond": {"2015-09-17": 100_000}}


class objectif_femmes_par_formation(ReformeParametrique):
    """How many trainings would a 30 % women condition per training exclude?

    The minister said the share was first meant as a selection condition
    (see labellisation.conditions.part_femmes_suffisante); this applies it.
    """

    name = "Objectif de 30 % de femmes appliqué à chaque formation"
    changements = {"labellisation.conditions.part_femmes_suffisante": {"2015-09-17": True}}


class taux_2018_premier_appel(ReformeParametrique):
    """What if the first two calls had granted the 2018 rate (80 %), within their own ceiling?"""

    name = "Taux de 2018 (80 %) appliqué aux deux premiers appels"
    changements = {"financement_amorcage.taux": {"2015-09-17": 0.8, "2018-04-05": 0.8}}


class financement_amorcage(Variable):
    def formula_2015_09(formation, period, parameters):
        """The ceiling caps the total of a structure's trainings, shared in proportion to their amounts."""
        plafond = parametre_facultatif(regles_appel_en_vigueur(parameters, period).financement_amorcage, "plafond")
        montant = numpy.where(
            formation("eligible_financement_amorcage", period),
            numpy.maximum(formation("financement_amorcage_avant_plafond", period), 0),
            0,
        )
        if plafond is None:
            return montant
        total = formation.structure.sum(montant)
        return montant * numpy.where(total > plafond, plafond / numpy.maximum(total, 1), 1)


class financement_amorcage_plafonne(Variable):
    def formula_2015_09(formation, period, parameters):
        """True for every funded training of a structure whose total exceeds the ceiling."""
        plafond = parametre_facultatif(regles_appel_en_vigueur(parameters, period).financement_amorcage, "plafond")
        montant = numpy.where(
            formation("eligible_financement_amorcage", period),
            formation("financement_amorcage_avant_plafond", period),
            0,
        )
        return (formation.structure.sum(montant) > (numpy.inf if plafond is None else plafond)) & (montant > 0)


class plafond_par_structure(Reform):
    """What if the 70 000 € ceiling applied per structure, as press figures suggest it did in practice?

    73 funded structures x 70 000 € ≈ the 5 M€ spent (L'Usine digitale, Feb
    2016). A structure's trainings share the ceiling in proportion to their
    amounts before it.
    """

    name = "Plafond du financement d'amorçage appliqué par structure"

    def apply(self) -> None:
        self.update_variable(financement_amorcage)
        self.update_variable(financement_amorcage_plafonne)
