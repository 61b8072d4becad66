"""Audiences of a training: one session's intake and the shares of target groups.

"Des objectifs nationaux de 30% de femmes et 50% de jeunes peu ou pas
qualifiés, ni en emploi, ni en formation, sont fixés, avec une attention
portée aux habitants des territoires fragiles (QPV, ZRR)" (seed).
"""

from openfisca_core.model_api import MONTH, Variable, set_input_dispatch_by_period

from openfisca_gen.entities import Formation
from openfisca_gen.helpers import part
from openfisca_gen.sources import COMMUNIQUE_2015


class nombre_apprenants(Variable):
    value_type = int
    entity = Formation
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Nombre d'apprenants d'une session"
    reference = COMMUNIQUE_2015
    documentation = "Confidence: seed. Every other count is a part of this one."


class nombre_femmes(Variable):
    value_type = int
    entity = Formation
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Nombre de femmes parmi les apprenants d'une session"
    reference = COMMUNIQUE_2015
    documentation = "Confidence: seed."


class nombre_jeunes_neet_peu_qualifies(Variable):
    value_type = int
    entity = Formation
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
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
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Nombre d'apprenants d'une session résidant en quartier prioritaire de la politique de la ville (QPV)"
    reference = COMMUNIQUE_2015
    documentation = "Confidence: seed (attention, no numeric objective)."


class nombre_residents_zrr(Variable):
    value_type = int
    entity = Formation
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Nombre d'apprenants d'une session résidant en zone de revitalisation rurale (ZRR)"
    reference = COMMUNIQUE_2015
    documentation = "Confidence: seed (attention, no numeric objective)."


class part_femmes(Variable):
    value_type = float
    entity = Formation
    definition_period = MONTH
    label = "Part de femmes parmi les apprenants d'une session"
    reference = COMMUNIQUE_2015
    unit = "/1"
    documentation = "Confidence: seed. 0 when the session has no learners."

    def formula(formation, period):
        return part(formation("nombre_femmes", period), formation("nombre_apprenants", period))


class part_jeunes_neet_peu_qualifies(Variable):
    value_type = float
    entity = Formation
    definition_period = MONTH
    label = "Part de jeunes peu ou pas qualifiés, ni en emploi ni en formation, parmi les apprenants d'une session"
    reference = COMMUNIQUE_2015
    unit = "/1"
    documentation = "Confidence: seed. 0 when the session has no learners."

    def formula(formation, period):
        return part(formation("nombre_jeunes_neet_peu_qualifies", period), formation("nombre_apprenants", period))


class part_residents_qpv(Variable):
    value_type = float
    entity = Formation
    definition_period = MONTH
    label = "Part de résidents de QPV parmi les apprenants d'une session"
    reference = COMMUNIQUE_2015
    unit = "/1"
    documentation = "Confidence: seed. 0 when the session has no learners."

    def formula(formation, period):
        return part(formation("nombre_residents_qpv", period), formation("nombre_apprenants", period))


class part_residents_zrr(Variable):
    value_type = float
    entity = Formation
    definition_period = MONTH
    label = "Part de résidents de ZRR parmi les apprenants d'une session"
    reference = COMMUNIQUE_2015
    unit = "/1"
    documentation = "Confidence: seed. 0 when the session has no learners."

    def formula(formation, period):
        return part(formation("nombre_residents_zrr", period), formation("nombre_apprenants", period))
