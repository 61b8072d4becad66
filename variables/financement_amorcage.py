"""Seed funding ("financement d'amorçage") of a labelled training.

"La labellisation permettra l'accès à un financement d'amorçage le temps de
l'obtention des reconnaissances ouvrant droit à des financements de droit
commun. Ce financement est fixé à 50% du budget inhérent à l'exercice d'une
session de la formation labellisée si elle se déroule sur une durée au moins
égale à six mois, de deux sessions de la formation labellisée pour les
formations inférieures à six mois, dans un plafond de 70 K€." (seed)
"""

import numpy
from openfisca_core.model_api import MONTH, Variable, set_input_dispatch_by_period

from openfisca_gen.entities import Formation, Structure
from openfisca_gen.helpers import parametre_facultatif, regles_appel_en_vigueur
from openfisca_gen.sources import COMMUNIQUE_2015, TROISIEME_APPEL_2018


class budget_session(Variable):
    value_type = float
    entity = Formation
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Budget inhérent à l'exercice d'une session de la formation"
    reference = COMMUNIQUE_2015
    unit = "currency-EUR"
    documentation = "Confidence: seed. In euros."


class financements_droit_commun_obtenus(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "La formation a obtenu les reconnaissances ouvrant droit aux financements de droit commun"
    reference = COMMUNIQUE_2015
    documentation = """
    Confidence: inferred. The seed says the seed funding bridges "le temps de
    l'obtention des reconnaissances ouvrant droit à des financements de droit
    commun"; this project reads it as a condition: no seed funding once they
    are obtained. Left empty: not obtained.
    """


class eligible_financement_amorcage(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "La formation, labellisée, n'a pas encore accès aux financements de droit commun"
    reference = COMMUNIQUE_2015
    documentation = "Confidence: inferred for the common-law condition (see financements_droit_commun_obtenus)."

    def formula(formation, period):
        """'…l'accès à un financement d'amorçage le temps de l'obtention des reconnaissances…'"""
        return formation("labellisee", period) & numpy.logical_not(
            formation("financements_droit_commun_obtenus", period)
        )


class nombre_sessions_financees(Variable):
    value_type = int
    entity = Formation
    definition_period = MONTH
    label = "Nombre de sessions dont le budget fonde le financement d'amorçage"
    reference = COMMUNIQUE_2015
    documentation = "Confidence: seed. One session from six months of training (included), two below."

    def formula_2015_09(formation, period, parameters):
        """'…d'une session […] au moins égale à six mois, de deux sessions […] inférieures à six mois.'"""
        financement = regles_appel_en_vigueur(parameters, period).financement_amorcage
        return numpy.where(
            formation("duree_formation_mois", period) >= financement.seuil_duree_mois,
            financement.sessions_financees.duree_au_moins_egale_au_seuil,
            financement.sessions_financees.duree_inferieure_au_seuil,
        )


class financement_amorcage_avant_plafond(Variable):
    value_type = float
    entity = Formation
    definition_period = MONTH
    label = "Financement d'amorçage avant application du plafond"
    reference = COMMUNIQUE_2015
    unit = "currency-EUR"
    documentation = "Confidence: seed. Rate x session budget x sessions funded, whether labelled or not."

    def formula_2015_09(formation, period, parameters):
        """'Ce financement est fixé à 50% du budget inhérent à l'exercice d'une session…'"""
        taux = regles_appel_en_vigueur(parameters, period).financement_amorcage.taux
        return taux * formation("budget_session", period) * formation("nombre_sessions_financees", period)


class plafond_financement_amorcage_connu(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "Un plafond en euros du financement d'amorçage est connu pour l'appel en vigueur"
    reference = [COMMUNIQUE_2015, TROISIEME_APPEL_2018]
    documentation = """
    Confidence: confirmed. 70 000 € for the first two calls; no source gives
    one for the third (2018), where the grant is bounded by its rate only.
    Where it is false, financement_amorcage applies no ceiling.
    """

    def formula_2015_09(formation, period, parameters):
        financement = regles_appel_en_vigueur(parameters, period).financement_amorcage
        connu = parametre_facultatif(financement, "plafond") is not None
        return numpy.full(formation.count, connu)


class financement_amorcage_plafonne(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "Le plafond limite le financement d'amorçage de la formation"
    reference = COMMUNIQUE_2015
    documentation = "Confidence: seed. True when the amount before the ceiling exceeds a known ceiling."

    def formula_2015_09(formation, period, parameters):
        """'…dans un plafond de 70 K€.'"""
        financement = regles_appel_en_vigueur(parameters, period).financement_amorcage
        plafond = parametre_facultatif(financement, "plafond")
        return formation("financement_amorcage_avant_plafond", period) > (numpy.inf if plafond is None else plafond)


class financement_amorcage(Variable):
    value_type = float
    entity = Formation
    definition_period = MONTH
    label = "Financement d'amorçage de la formation labellisée"
    reference = COMMUNIQUE_2015
    unit = "currency-EUR"
    documentation = """
    Confidence: seed. min(rate x session budget x sessions funded, ceiling)
    for a labelled training that has no common-law funding yet, else 0; never
    negative. For the 2018 call, whose ceiling no source gives, no ceiling is
    applied (see plafond_financement_amorcage_connu).
    """

    def formula_2015_09(formation, period, parameters):
        """'…50% du budget […] dans un plafond de 70 K€.'"""
        financement = regles_appel_en_vigueur(parameters, period).financement_amorcage
        plafond = parametre_facultatif(financement, "plafond")  # unknown for the 2018 call: none applied
        montant = numpy.clip(formation("financement_amorcage_avant_plafond", period), 0, plafond)
        return numpy.where(formation("eligible_financement_amorcage", period), montant, 0)


class financement_amorcage_structure(Variable):
    value_type = float
    entity = Structure
    definition_period = MONTH
    label = "Financement d'amorçage total des formations de la structure"
    reference = COMMUNIQUE_2015
    unit = "currency-EUR"
    documentation = "Confidence: seed (the ceiling applies per training; this is their sum)."

    def formula(structure, period):
        return structure.sum(structure.members("financement_amorcage", period))
