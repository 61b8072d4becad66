"""The policy scenarios shipped with the package: each answers one question, as parameter values.

Every reform is a mapping `{parameter path: {date: value}}`; a scenario that
applies a reading of the texts is that reading's reform (the switch under
`interpretations`, whose formula lives in the model). Use them from Python
(`plafond_par_structure(CountryTaxBenefitSystem())`), from `openfisca test`
(`reforms: openfisca_gen.reforms.plafond_par_structure`), from `openfisca-gen
compare --reform NAME` and from the web API's `/compare`.
"""

import warnings

from openfisca_gen.reforms import lectures
from openfisca_gen.reforms.parametriques import ReformeParametrique


class plafond_100k(ReformeParametrique):
    """What would a ceiling of 100 000 € cost (a structure's total in 2015, a label's in 2016)?

    The ceiling applies as each call's does: to a structure's total under the first call (the reading the record
    supports, interpretations.plafond_par_structure), to each label under the second. The 2018 call sets none (no
    source gives one): it keeps none."""

    name = "Plafond du financement d'amorçage porté à 100 000 €"
    changements = {"financement_amorcage.plafond": {"2015-09-17": 100_000, "2018-04-05": None}}


class taux_2018_premier_appel(ReformeParametrique):
    """What if the first two calls had granted the 2018 rate (80 %), within their own ceiling?"""

    name = "Taux de 2018 (80 %) appliqué aux deux premiers appels"
    changements = {"financement_amorcage.taux": {"2015-09-17": 0.8, "2018-04-05": 0.8}}


class objectif_femmes_par_formation(lectures.part_femmes_suffisante):
    """How many trainings would a 30 % women condition per training exclude?

    The minister said the share was first meant as a selection condition
    (the reading interpretations.conditions.part_femmes_suffisante); this
    scenario is that reading, for the calls whose texts it reads.
    """

    name = "Objectif de 30 % de femmes appliqué à chaque formation"


class plafond_par_structure(ReformeParametrique):
    """What if the 70 000 € ceiling applied per structure? Since 0.7 it is the law for the first call: no change.

    73 funded structures x 70 000 € ≈ the 5 M€ spent (L'Usine digitale, Feb
    2016): since 0.7 the model reads the first call's ceiling per structure
    by default (interpretations.plafond_par_structure is true), so this
    reform changes nothing for the first call, and nothing for the others
    (the second call has its own written rule, 70 000 € per label within
    180 000 € per structure; the third none). Kept until 0.8 so that its
    name keeps working; the other reading is the scenario plafond_par_formation.
    """

    name = "Plafond du financement d'amorçage appliqué par structure (la lecture retenue : rien ne change)"
    changements = {"interpretations.plafond_par_structure": {"2015-09-17": True, "2016-08-23": None}}

    def apply(self) -> None:
        warnings.warn(
            "the reform plafond_par_structure is the law for the first call since 0.7 and changes nothing; it goes "
            "in 0.8: use plafond_par_formation for the other reading",
            DeprecationWarning,
            stacklevel=4,
        )
        super().apply()


class plafond_par_formation(lectures.plafond_par_structure):
    """What if the 70 000 € ceiling had applied to each training, as the seed's words can be read?

    « 50% du budget inhérent à l’exercice d’une session de la formation
    labellisée […] dans un plafond de 70 K€ » (seed): the other reading of
    interpretations.plafond_par_structure, for the first call (the one it
    concerns); the second call keeps its own rule.
    """

    name = "Plafond du financement d'amorçage appliqué à chaque formation (1er appel)"


SCENARIOS = (
    plafond_100k,
    plafond_par_structure,
    plafond_par_formation,
    objectif_femmes_par_formation,
    taux_2018_premier_appel,
)
