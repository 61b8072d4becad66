"""The reforms shipped with the package: each answers one policy question, as parameter values.

Every reform is a mapping `{parameter path: {date: value}}`; a reading of the
texts is switched under `interpretations`, where its formula lives in the
model. Use them from Python (`plafond_par_structure(CountryTaxBenefitSystem())`),
from `openfisca test` (`reforms: openfisca_gen.reforms.plafond_par_structure` in
a YAML case, or `--reforms`), from `openfisca-gen compare --reform NAME` and
from the web API's `/compare` route.
"""

from openfisca_gen.reforms.parametriques import ReformeParametrique


class plafond_100k(ReformeParametrique):
    """What would a ceiling of 100 000 € per training cost, for the calls that set a ceiling?

    The 2018 call sets none (no source gives one): it keeps none."""

    name = "Plafond du financement d'amorçage porté à 100 000 € par formation"
    changements = {"financement_amorcage.plafond": {"2015-09-17": 100_000, "2018-04-05": None}}


class objectif_femmes_par_formation(ReformeParametrique):
    """How many trainings would a 30 % women condition per training exclude?

    The minister said the share was first meant as a selection condition
    (see interpretations.conditions.part_femmes_suffisante); this applies it
    to the calls that reading concerns (not the 2018 call's dossiers).
    """

    name = "Objectif de 30 % de femmes appliqué à chaque formation"
    changements = {"interpretations.conditions.part_femmes_suffisante": {"2015-09-17": True, "2018-04-05": None}}


class taux_2018_premier_appel(ReformeParametrique):
    """What if the first two calls had granted the 2018 rate (80 %), within their own ceiling?"""

    name = "Taux de 2018 (80 %) appliqué aux deux premiers appels"
    changements = {"financement_amorcage.taux": {"2015-09-17": 0.8, "2018-04-05": 0.8}}


class plafond_par_structure(ReformeParametrique):
    """What if the 70 000 € ceiling applied per structure, as press figures suggest it did in practice?

    73 funded structures x 70 000 € ≈ the 5 M€ spent (L'Usine digitale, Feb
    2016). A structure's trainings share the ceiling in proportion to their
    amounts before it (interpretations.plafond_par_structure), for the calls
    that reading concerns (the 2018 call grants the label per training).
    """

    name = "Plafond du financement d'amorçage appliqué par structure"
    changements = {"interpretations.plafond_par_structure": {"2015-09-17": True, "2018-04-05": None}}
