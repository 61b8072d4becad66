"""Eligibility for the label « Fabrique de la Grande École du numérique ».

"La Grande École du numérique octroie une labellisation « Fabrique de la
Grande École du numérique » à des formations dispensées par des structures
publiques ou privées qui s'engagent à respecter le cahier des charges" (seed).

Each condition is its own boolean variable; parameters/labellisation/conditions/
says which apply in a period, so "why not eligible" is the list of applicable
conditions that are false.
"""

from datetime import date

import numpy
from openfisca_core.model_api import MONTH, Enum, Variable, set_input_dispatch_by_period

from openfisca_gen.entities import Formation, Structure
from openfisca_gen.helpers import regles_appel_en_vigueur
from openfisca_gen.sources import (
    ALTERWAY_2016,
    AUDITION_MINISTRE,
    COMMUNIQUE_2015,
    LETUDIANT_2015,
    TROISIEME_APPEL_2018,
    TROISIEME_APPEL_2018_PRESSE,
    USINE_DIGITALE_2016,
)


class MetierVise(Enum):
    developpeur_web = "Développeur web"
    integrateur_logiciel = "Intégrateur logiciel"
    codeur = "Codeur"
    graphiste_web = "Graphiste web"
    webmaster = "Webmaster"
    community_manager = "Community manager"
    autre_metier_numerique = "Autre métier du numérique"
    hors_numerique = "Métier hors du numérique"


class metier_vise(Variable):
    value_type = Enum
    possible_values = MetierVise
    default_value = MetierVise.hors_numerique
    entity = Formation
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Métier auquel prépare la formation"
    reference = COMMUNIQUE_2015
    documentation = """
    Confidence: seed for the listed trades ("développeur-web, intégrateur
    logiciel, codeur, graphiste web, webmaster, community manager…"); later
    reports add data analyst and systems-and-network technician (lemagit.fr,
    2018), counted as autre_metier_numerique. Left empty: hors_numerique.
    """


class formation_metier_numerique(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "La formation prépare à un métier du numérique"
    reference = COMMUNIQUE_2015
    documentation = "Confidence: seed."

    def formula(formation, period):
        """'…jeunes formés aux métiers du numérique (développeur-web, intégrateur logiciel, codeur…)'"""
        return formation("metier_vise", period) != MetierVise.hors_numerique


class formation_gratuite(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "La formation est gratuite pour les apprenants"
    reference = [ALTERWAY_2016, LETUDIANT_2015]
    documentation = """
    Confidence: confirmed ("toutes devront être gratuites", reussirmavie.net).
    An input: left empty, the commitment is not made.
    """


class prerequis_academiques_exiges(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "La formation exige des prérequis académiques (diplôme, niveau d'études)"
    reference = [ALTERWAY_2016, LETUDIANT_2015]
    documentation = "Confidence: confirmed (letudiant.fr). An input."


class sans_prerequis_academique(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "Aucun prérequis académique n'est exigé des candidats"
    reference = [ALTERWAY_2016, LETUDIANT_2015]
    documentation = "Confidence: confirmed. Selection is on motivation (letudiant.fr)."

    def formula(formation, period):
        """'Aucun prérequis académique ne pourra être exigé.'"""
        return numpy.logical_not(formation("prerequis_academiques_exiges", period))


class pedagogie_innovante(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "La formation s'engage sur une pédagogie innovante"
    reference = COMMUNIQUE_2015
    documentation = """
    Confidence: seed ("pédagogies de la confiance, pédagogies collaboratives
    orientées vers la conduite de projets, l'apprentissage de pair-à-pair").
    An input: left empty, the commitment is not made.
    """


class duree_formation_mois(Variable):
    value_type = float
    entity = Formation
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Durée de la formation, en mois"
    reference = COMMUNIQUE_2015
    documentation = "Confidence: seed. Fractions of a month are allowed."


class duree_formation_eligible(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "La durée de la formation est dans les bornes du cahier des charges, incluses"
    reference = [ALTERWAY_2016, LETUDIANT_2015, AUDITION_MINISTRE]
    documentation = """
    Confidence: disputed. 3 to 24 months (alterway.fr, letudiant.fr); the
    minister said 3 to 18 months. See labellisation.duree_formation.
    """

    def formula_2015_09(formation, period, parameters):
        """'Des formations de trois mois à deux ans.'"""
        duree = regles_appel_en_vigueur(parameters, period).labellisation.duree_formation
        duree_formation = formation("duree_formation_mois", period)
        return (duree_formation >= duree.minimum_mois) & (duree_formation <= duree.maximum_mois)


class labellisee_lors_d_un_appel_precedent(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "La formation a été labellisée lors d'un appel précédent"
    reference = TROISIEME_APPEL_2018_PRESSE
    documentation = "Confidence: confirmed (third call). An input; left empty, not labelled before."


class non_labellisee_lors_des_appels_precedents(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "La formation n'a pas été labellisée lors d'un appel précédent"
    reference = TROISIEME_APPEL_2018_PRESSE
    documentation = "Confidence: confirmed (a condition of the third call, 2018)."

    def formula(formation, period):
        """'…ne pas avoir été labellisée lors des deux premiers appels à projets.'"""
        return numpy.logical_not(formation("labellisee_lors_d_un_appel_precedent", period))


class effectif_demandeurs_emploi_peu_qualifies_suffisant(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "La session accueille au moins le nombre minimal de demandeurs d'emploi peu ou pas qualifiés"
    reference = TROISIEME_APPEL_2018_PRESSE
    documentation = "Confidence: confirmed (a condition of the third call, 2018). False before it: no minimum exists."

    def formula_2018_04(formation, period, parameters):
        """'…former au minimum 10 personnes peu ou pas qualifiées en recherche d'emploi par session.'"""
        minimum = regles_appel_en_vigueur(
            parameters, period
        ).labellisation.effectif_minimal_demandeurs_emploi_peu_qualifies
        return formation("nombre_demandeurs_emploi_peu_qualifies", period) >= minimum


class StatutStructure(Enum):
    association = "Association"
    entreprise_privee = "Entreprise privée"
    etablissement_public = "Établissement public (dont université)"
    collectivite_territoriale = "Collectivité territoriale"
    autre = "Autre statut"


class statut_structure(Variable):
    value_type = Enum
    possible_values = StatutStructure
    default_value = StatutStructure.autre
    entity = Structure
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Statut juridique de la structure porteuse"
    reference = [COMMUNIQUE_2015, ALTERWAY_2016, USINE_DIGITALE_2016]
    documentation = "Confidence: confirmed (any status: alterway.fr, usine-digitale.fr)."


class statut_structure_eligible(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "Le statut juridique de la structure porteuse est éligible"
    reference = [COMMUNIQUE_2015, ALTERWAY_2016, USINE_DIGITALE_2016]
    documentation = "Confidence: confirmed. Every status is eligible in 2015."

    def formula_2015_09(formation, period, parameters):
        """'…des formations dispensées par des structures publiques ou privées.'"""
        statuts_eligibles = regles_appel_en_vigueur(parameters, period).labellisation.statuts_eligibles
        # One flag per status, indexed by each structure's status code: a loop over 5 statuses, not over trainings.
        eligible_par_statut = numpy.array([statuts_eligibles[statut.name] for statut in StatutStructure])
        return eligible_par_statut[formation.structure("statut_structure", period)]


class eligible_labellisation(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "La formation remplit toutes les conditions d'éligibilité au label"
    reference = COMMUNIQUE_2015
    documentation = """
    Confidence: seed. Necessary, not sufficient: the labelling committee
    selects among eligible trainings (see labellisee).
    """

    def formula_2015_09(formation, period, parameters):
        """'…des structures qui s'engagent à respecter le cahier des charges.'"""
        conditions = regles_appel_en_vigueur(parameters, period).labellisation.conditions
        eligible = numpy.ones(formation.count, dtype=bool)
        for condition in conditions:
            if conditions[condition]:
                eligible &= formation(condition, period)
        return eligible


class DecisionComite(Enum):
    non_rendue = "Décision du comité non encore rendue"
    labellisee = "Formation labellisée par le comité"
    refusee = "Label refusé par le comité"


class decision_comite_labellisation(Variable):
    value_type = Enum
    possible_values = DecisionComite
    default_value = DecisionComite.non_rendue
    entity = Formation
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Décision du comité de labellisation"
    reference = COMMUNIQUE_2015
    documentation = """
    Confidence: seed ("Un Comité de labellisation associant experts et
    partenaires est mis en place"). Records a decision for some trainings
    of a situation without touching the others: OpenFisca fills a variable
    given for some entities only with its default for the rest, and here the
    default is "no decision yet".
    """


class labellisee(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "La formation est labellisée « Fabrique de la Grande École du numérique »"
    reference = COMMUNIQUE_2015
    documentation = """
    Confidence: seed. The committee's decision where it is recorded
    (decision_comite_labellisation), eligibility otherwise. Given as an input,
    it overrides both, for every training of the situation.
    """

    def formula(formation, period):
        """'Un Comité de labellisation associant experts et partenaires est mis en place.'"""
        decision = formation("decision_comite_labellisation", period)
        return numpy.where(
            decision == DecisionComite.non_rendue,
            formation("eligible_labellisation", period),
            decision == DecisionComite.labellisee,
        )


class date_fin_validite_label(Variable):
    value_type = date
    entity = Formation
    definition_period = MONTH
    label = "Date jusqu'à laquelle court un label accordé dans le mois"
    reference = [ALTERWAY_2016, TROISIEME_APPEL_2018]
    documentation = """
    Confidence: confirmed for the durations (one year in 2015, three years in
    2018); inferred for the day: the decision day is unknown, so the label
    runs to the last day of the month that many months after the decision
    month. 1970-01-01 for a training that is not labelled.
    """

    def formula_2015_09(formation, period, parameters):
        """'Le label est valable pour trois ans.' (2018); 'pour une durée d'un an' (2015)"""
        duree = regles_appel_en_vigueur(parameters, period).labellisation.duree_validite_label_mois
        fin = numpy.datetime64(str(period.offset(duree, "month").stop))
        return numpy.where(formation("labellisee", period), fin, numpy.datetime64("1970-01-01"))
