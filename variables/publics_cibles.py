"""Audiences of a training: one session's intake and the shares of target groups.

"Public visité : des objectifs nationaux de 30% de femmes et 50% de jeunes
peu ou pas qualifiés, ni en emploi, ni en formation, sont fixés, avec une
attention portée aux habitants des territoires fragiles (QPV, ZRR) ;" (seed,
verbatim).

The intake counts are facts of the dossier: defined for all time (ETERNITY),
given once, they hold in every month computed.
"""

from openfisca_core.model_api import ETERNITY, MONTH, Variable

from openfisca_gen.entities import Formation
from openfisca_gen.helpers import (
    OBJECTIFS_MAINTENUS,
    ReelExact,
    par_appel,
    part,
    seuil_selon_appel,
    valeurs_des_appels,
)
from openfisca_gen.sources import (
    AUDITION_MINISTRE,
    COMMUNIQUE_2015,
    KOOPERATION_2015,
    LEMONDEINFORMATIQUE_73735,
    TROISIEME_APPEL_2018,
    TROISIEME_APPEL_2018_PRESSE,
)


class nombre_apprenants(Variable):
    value_type = int
    entity = Formation
    definition_period = ETERNITY
    label = "Nombre d'apprenants d'une session"
    reference = COMMUNIQUE_2015
    documentation = "Confidence: seed. Every other count is a part of this one."


class nombre_femmes(Variable):
    value_type = int
    entity = Formation
    definition_period = ETERNITY
    label = "Nombre de femmes parmi les apprenants d'une session"
    reference = COMMUNIQUE_2015
    documentation = "Confidence: seed."


class nombre_jeunes_neet_peu_qualifies(Variable):
    value_type = int
    entity = Formation
    definition_period = ETERNITY
    label = "Nombre de jeunes peu ou pas qualifiés, ni en emploi ni en formation, parmi les apprenants d'une session"
    reference = COMMUNIQUE_2015
    documentation = """
    Confidence: seed for the group. Its definition is inferred for 2015:
    young = 16 to 25 inclusive (as for the Garantie jeunes, art. L5131-3 Code
    du travail); little or no qualification = bac level or below (confirmed
    for the 2018 and 2021 calls).
    """


class nombre_residents_qpv(Variable):
    value_type = int
    entity = Formation
    definition_period = ETERNITY
    label = "Nombre d'apprenants d'une session résidant en quartier prioritaire de la politique de la ville (QPV)"
    reference = COMMUNIQUE_2015
    documentation = "Confidence: seed (attention, no numeric objective)."


class nombre_residents_zrr(Variable):
    value_type = int
    entity = Formation
    definition_period = ETERNITY
    label = "Nombre d'apprenants d'une session résidant en zone de revitalisation rurale (ZRR)"
    reference = COMMUNIQUE_2015
    documentation = "Confidence: seed (attention, no numeric objective)."


class part_femmes(ReelExact):
    value_type = float
    entity = Formation
    definition_period = MONTH
    label = "Part de femmes parmi les apprenants d'une session"
    reference = COMMUNIQUE_2015
    unit = "/1"
    documentation = "Confidence: seed. 0 when the session has no learners."

    def formula(formation, period):
        return part(formation("nombre_femmes", period), formation("nombre_apprenants", period))


class part_jeunes_neet_peu_qualifies(ReelExact):
    value_type = float
    entity = Formation
    definition_period = MONTH
    label = "Part de jeunes peu ou pas qualifiés, ni en emploi ni en formation, parmi les apprenants d'une session"
    reference = COMMUNIQUE_2015
    unit = "/1"
    documentation = "Confidence: seed. 0 when the session has no learners."

    def formula(formation, period):
        return part(formation("nombre_jeunes_neet_peu_qualifies", period), formation("nombre_apprenants", period))


class part_residents_qpv(ReelExact):
    value_type = float
    entity = Formation
    definition_period = MONTH
    label = "Part de résidents de QPV parmi les apprenants d'une session"
    reference = COMMUNIQUE_2015
    unit = "/1"
    documentation = "Confidence: seed. 0 when the session has no learners."

    def formula(formation, period):
        return part(formation("nombre_residents_qpv", period), formation("nombre_apprenants", period))


class part_residents_zrr(ReelExact):
    value_type = float
    entity = Formation
    definition_period = MONTH
    label = "Part de résidents de ZRR parmi les apprenants d'une session"
    reference = COMMUNIQUE_2015
    unit = "/1"
    documentation = "Confidence: seed. 0 when the session has no learners."

    def formula(formation, period):
        return part(formation("nombre_residents_zrr", period), formation("nombre_apprenants", period))


class nombre_demandeurs_emploi_peu_qualifies(Variable):
    value_type = int
    entity = Formation
    definition_period = ETERNITY
    label = "Nombre de demandeurs d'emploi peu ou pas qualifiés (bac ou infra) parmi les apprenants d'une session"
    reference = TROISIEME_APPEL_2018_PRESSE
    documentation = "Confidence: confirmed (third call, 2018)."


class nombre_apprenants_niveau_bac_ou_infra(Variable):
    value_type = int
    entity = Formation
    definition_period = ETERNITY
    label = "Nombre d'apprenants d'une session de niveau bac ou inférieur"
    reference = [TROISIEME_APPEL_2018, LEMONDEINFORMATIQUE_73735]
    documentation = 'Confidence: confirmed ("niveau bac ou inférieur au bac", third call, 2018).'


class part_apprenants_niveau_bac_ou_infra(ReelExact):
    value_type = float
    entity = Formation
    definition_period = MONTH
    label = "Part d'apprenants de niveau bac ou inférieur dans une session"
    reference = TROISIEME_APPEL_2018
    unit = "/1"
    documentation = "Confidence: confirmed. 0 when the session has no learners."

    def formula(formation, period):
        return part(formation("nombre_apprenants_niveau_bac_ou_infra", period), formation("nombre_apprenants", period))


class objectif_part_niveau_bac_ou_infra_atteint(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "La session atteint l'objectif de part d'apprenants de niveau bac ou inférieur"
    reference = LEMONDEINFORMATIQUE_73735
    documentation = """
    Confidence: confirmed (press: « L’objectif étant d’atteindre 80% de
    candidats disposant d’un niveau bac ou inférieur au bac par session. »,
    lemondeinformatique.fr, December 2018, on the third call). An aim: an
    indicator, not a condition; false under a call that sets no such aim.
    """

    def formula(formation, period, parameters):
        """'L’objectif étant d’atteindre 80% de candidats disposant d’un niveau bac ou inférieur au bac par session.'"""

        objectif = seuil_selon_appel(
            formation, period, parameters, "publics_cibles.objectifs_par_session.part_niveau_bac_ou_infra"
        )
        return formation("part_apprenants_niveau_bac_ou_infra", period) >= objectif


def objectif_de_la_session(formation, period, parameters, nom: str):
    """The national objective `nom` under each dossier's call, as the campaign's objective reads it (the 2015
    objectives carried into 2018 where that reading is on); 0 where the call sets none: a session falls short of
    no objective that does not exist (read as infinite, a 2018 session of only women failed a 30 % condition)."""
    chemin = f"publics_cibles.objectifs_nationaux.{nom}"
    valeurs = valeurs_des_appels(formation, period, parameters, chemin, OBJECTIFS_MAINTENUS)
    return par_appel(formation, period, [0 if valeur is None else valeur for valeur in valeurs])


class part_femmes_suffisante(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "La part de femmes de la session atteint l'objectif national (condition par formation, disputée)"
    reference = [COMMUNIQUE_2015, AUDITION_MINISTRE]
    documentation = """
    Confidence: disputed as a condition. The minister said the 30 % share was
    first meant as a selection condition, then set nationally because some
    structures could not commit to it: it applies only when the switch
    interpretations.conditions.part_femmes_suffisante is true. Against the
    objective of the dossier's call, carried into 2018 as the campaign's is
    (objectifs_nationaux_2015_maintenus_en_2018); met where the call sets none.
    """

    def formula(formation, period, parameters):
        """'…des objectifs nationaux de 30% de femmes…', read per training."""
        return formation("part_femmes", period) >= objectif_de_la_session(formation, period, parameters, "part_femmes")


class part_jeunes_neet_peu_qualifies_suffisante(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "La part de jeunes NEET peu qualifiés de la session atteint l'objectif national (condition disputée)"
    reference = [COMMUNIQUE_2015, KOOPERATION_2015]
    documentation = """
    Confidence: disputed as a condition. The seed sets a national objective;
    the launch's German summary says at least 50 % of those admitted should
    be young people without a job (kooperation-international.de), which can be
    read per training. It applies only when the switch
    interpretations.conditions.part_jeunes_neet_peu_qualifies_suffisante is true.
    Against the objective of the dossier's call, as part_femmes_suffisante.
    """

    def formula(formation, period, parameters):
        """'…et 50% de jeunes peu ou pas qualifiés, ni en emploi, ni en formation…', read per training."""
        objectif = objectif_de_la_session(formation, period, parameters, "part_jeunes_neet_peu_qualifies")
        return formation("part_jeunes_neet_peu_qualifies", period) >= objectif
