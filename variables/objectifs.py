"""National objectives, measured over the trainings a campaign labels.

"Des objectifs nationaux de 30% de femmes et 50% de jeunes peu ou pas
qualifiés, ni en emploi, ni en formation, sont fixés […] Première vague de
labellisation (octobre-novembre 2015) : 50 fabriques de la Grande école du
numérique, 2.500 jeunes formés" (seed).
"""

import numpy
from openfisca_core.model_api import MONTH, Variable

from openfisca_gen.entities import Campagne
from openfisca_gen.helpers import parametre_facultatif, part, regles_appel_en_vigueur
from openfisca_gen.sources import COMMUNIQUE_2015, DEUXIEME_APPEL_2016, TROISIEME_APPEL_2018


def somme_labellisees(campagne, variable, period):
    """Sum of a training variable over the campaign's labelled trainings."""
    labellisee = campagne.members("labellisee", period)
    return campagne.sum(campagne.members(variable, period) * labellisee)


class nombre_formations_labellisees(Variable):
    value_type = int
    entity = Campagne
    definition_period = MONTH
    label = "Nombre de formations labellisées de la campagne"
    reference = COMMUNIQUE_2015
    documentation = "Confidence: seed."

    def formula(campagne, period):
        return campagne.sum(campagne.members("labellisee", period))


class nombre_apprenants_campagne(Variable):
    value_type = int
    entity = Campagne
    definition_period = MONTH
    label = "Nombre d'apprenants d'une session des formations labellisées de la campagne"
    reference = COMMUNIQUE_2015
    documentation = "Confidence: inferred (one session of each labelled training)."

    def formula(campagne, period):
        return somme_labellisees(campagne, "nombre_apprenants", period)


class part_femmes_campagne(Variable):
    value_type = float
    entity = Campagne
    definition_period = MONTH
    label = "Part de femmes parmi les apprenants des formations labellisées de la campagne"
    reference = COMMUNIQUE_2015
    unit = "/1"
    documentation = "Confidence: seed. 0 when no labelled training has learners."

    def formula(campagne, period):
        return part(
            somme_labellisees(campagne, "nombre_femmes", period), campagne("nombre_apprenants_campagne", period)
        )


class part_jeunes_neet_peu_qualifies_campagne(Variable):
    value_type = float
    entity = Campagne
    definition_period = MONTH
    label = "Part de jeunes peu ou pas qualifiés, ni en emploi ni en formation, parmi les apprenants labellisés"
    reference = COMMUNIQUE_2015
    unit = "/1"
    documentation = "Confidence: seed. 0 when no labelled training has learners."

    def formula(campagne, period):
        return part(
            somme_labellisees(campagne, "nombre_jeunes_neet_peu_qualifies", period),
            campagne("nombre_apprenants_campagne", period),
        )


class part_residents_qpv_campagne(Variable):
    value_type = float
    entity = Campagne
    definition_period = MONTH
    label = "Part de résidents de QPV parmi les apprenants des formations labellisées"
    reference = COMMUNIQUE_2015
    unit = "/1"
    documentation = "Confidence: seed (attention to QPV residents, no numeric objective)."

    def formula(campagne, period):
        return part(
            somme_labellisees(campagne, "nombre_residents_qpv", period), campagne("nombre_apprenants_campagne", period)
        )


class part_residents_zrr_campagne(Variable):
    value_type = float
    entity = Campagne
    definition_period = MONTH
    label = "Part de résidents de ZRR parmi les apprenants des formations labellisées"
    reference = COMMUNIQUE_2015
    unit = "/1"
    documentation = "Confidence: seed (attention to ZRR residents, no numeric objective)."

    def formula(campagne, period):
        return part(
            somme_labellisees(campagne, "nombre_residents_zrr", period), campagne("nombre_apprenants_campagne", period)
        )


class objectif_femmes_atteint(Variable):
    value_type = bool
    entity = Campagne
    definition_period = MONTH
    label = "La part nationale de femmes atteint l'objectif"
    reference = COMMUNIQUE_2015
    documentation = "Confidence: seed (national objective of 30 % women)."

    def formula_2015_09(campagne, period, parameters):
        """'Des objectifs nationaux de 30% de femmes…'"""
        objectif = regles_appel_en_vigueur(parameters, period).publics_cibles.objectifs_nationaux.part_femmes
        return campagne("part_femmes_campagne", period) >= objectif


class objectif_jeunes_neet_peu_qualifies_atteint(Variable):
    value_type = bool
    entity = Campagne
    definition_period = MONTH
    label = "La part nationale de jeunes peu ou pas qualifiés, ni en emploi ni en formation, atteint l'objectif"
    reference = COMMUNIQUE_2015
    documentation = "Confidence: seed (national objective of 50 %)."

    def formula_2015_09(campagne, period, parameters):
        """'…et 50% de jeunes peu ou pas qualifiés, ni en emploi, ni en formation.'"""
        objectifs = regles_appel_en_vigueur(parameters, period).publics_cibles.objectifs_nationaux
        return campagne("part_jeunes_neet_peu_qualifies_campagne", period) >= objectifs.part_jeunes_neet_peu_qualifies


class objectif_nombre_fabriques_atteint(Variable):
    value_type = bool
    entity = Campagne
    definition_period = MONTH
    label = "Le nombre de formations labellisées atteint l'objectif de fabriques"
    reference = COMMUNIQUE_2015
    documentation = """
    Confidence: seed for the value; inferred that one labelled training counts
    as one fabrique. False where the call sets no such objective (2018).
    """

    def formula_2015_09(campagne, period, parameters):
        """'Première vague de labellisation (octobre-novembre 2015) : 50 fabriques…'"""
        objectif = parametre_facultatif(regles_appel_en_vigueur(parameters, period).objectifs, "nombre_fabriques")
        if objectif is None:  # the 2018 call sets no fabrique objective
            return numpy.zeros(campagne.count, dtype=bool)
        return campagne("nombre_formations_labellisees", period) >= objectif


class objectif_nombre_apprenants_atteint(Variable):
    value_type = bool
    entity = Campagne
    definition_period = MONTH
    label = "Le nombre d'apprenants des formations labellisées atteint l'objectif de jeunes formés"
    reference = COMMUNIQUE_2015
    documentation = "Confidence: seed for the value; inferred that one session per labelled training counts."

    def formula_2015_09(campagne, period, parameters):
        """'…2.500 jeunes formés aux métiers du numérique.'"""
        objectif = regles_appel_en_vigueur(parameters, period).objectifs.nombre_apprenants
        return campagne("nombre_apprenants_campagne", period) >= objectif


class cout_financement_amorcage_campagne(Variable):
    value_type = float
    entity = Campagne
    definition_period = MONTH
    label = "Coût total du financement d'amorçage des formations de la campagne"
    reference = COMMUNIQUE_2015
    unit = "currency-EUR"
    documentation = """
    Confidence: seed. Stored as float32 like every OpenFisca float; reports of
    national totals sum the trainings' amounts in float64.
    """

    def formula(campagne, period):
        return campagne.sum(campagne.members("financement_amorcage", period))


class financement_amorcage_dans_l_enveloppe(Variable):
    value_type = bool
    entity = Campagne
    definition_period = MONTH
    label = "Le coût du financement d'amorçage de la campagne tient dans l'enveloppe de l'appel"
    reference = [DEUXIEME_APPEL_2016, TROISIEME_APPEL_2018]
    documentation = "Confidence: confirmed (envelopes of about 5 M€, 10 M€ and 37 M€)."

    def formula_2015_09(campagne, period, parameters):
        """'L'enveloppe allouée à ce second appel est de 10 millions d'euros.'"""
        enveloppe = regles_appel_en_vigueur(parameters, period).financement_amorcage.enveloppe
        return campagne("cout_financement_amorcage_campagne", period) <= enveloppe


class depassement_enveloppe_financement_amorcage(Variable):
    value_type = float
    entity = Campagne
    definition_period = MONTH
    label = "Montant dont le coût du financement d'amorçage de la campagne dépasse l'enveloppe"
    reference = [DEUXIEME_APPEL_2016, TROISIEME_APPEL_2018]
    unit = "currency-EUR"
    documentation = "Confidence: confirmed. 0 when the cost fits the envelope."

    def formula_2015_09(campagne, period, parameters):
        enveloppe = regles_appel_en_vigueur(parameters, period).financement_amorcage.enveloppe
        return numpy.maximum(campagne("cout_financement_amorcage_campagne", period) - enveloppe, 0)
