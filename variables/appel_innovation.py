"""The 2021 Innovation call: projects funded between two amounts, filed by a deadline, within an envelope.

"La dotation de cet appel s’élève à 4 millions d’euros. Le dispositif aspire
ainsi à distinguer une centaine de projets en 2021 pour un montant de
subvention compris entre 10 000 € et 40 000 € par projet sélectionné."
(lemondeinformatique.fr 83836, verbatim)

It funds projects, not labels: it is no labelling call (parameters/appel_innovation/,
not calendrier). A project is described on the training it is meant for; its
facts are given once. Before the call was announced (20 May 2021) its rules do
not exist: no project is in time or within bounds.
"""

from datetime import date

import numpy
from openfisca_core.model_api import ETERNITY, MONTH, Variable

from openfisca_gen.entities import Campagne, Formation
from openfisca_gen.helpers import ReelExact, facultatif, somme_de_montants
from openfisca_gen.sources import BANQUEDESTERRITOIRES_2021, LEMONDEINFORMATIQUE_83836


def regle(population, period, parameters, nom: str):
    """The Innovation call's rule `nom` in force at the end of the month computed, or None before it exists."""
    return facultatif(population, parameters(period.stop), f"appel_innovation.{nom}")


class montant_projet_innovation(ReelExact):
    value_type = float
    unit = "currency-EUR"
    entity = Formation
    definition_period = ETERNITY
    label = "Montant de subvention demandé pour un projet de l'appel Innovation de 2021 (0 : aucun projet)"
    reference = LEMONDEINFORMATIQUE_83836
    documentation = "Confidence: confirmed (the call funds projects). In euros; a fact of the project, given once."


class date_depot_projet_innovation(Variable):
    value_type = date
    entity = Formation
    definition_period = ETERNITY
    label = "Date de dépôt du projet à l'appel Innovation de 2021"
    reference = LEMONDEINFORMATIQUE_83836
    documentation = "Confidence: confirmed (the call sets a deadline). Left empty (1970-01-01): not filed."


class projet_innovation_depose_dans_les_delais(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "Le projet a été déposé à l'appel Innovation entre son annonce et sa date limite, incluses"
    reference = [LEMONDEINFORMATIQUE_83836, BANQUEDESTERRITOIRES_2021]
    documentation = """
    Confidence: confirmed for the deadline (« Les dossiers de candidature
    devront être déposés avant le 30 septembre prochain. »,
    lemondeinformatique.fr 83836), inferred that the day is included and
    that the window opens with the call's announcement (20 May 2021,
    banquedesterritoires.fr; its opening day is not known). False before the
    call exists.
    """

    def formula(formation, period, parameters):
        """'Les dossiers de candidature devront être déposés avant le 30 septembre prochain.'"""
        annonce, limite = (regle(formation, period, parameters, nom) for nom in ("date_annonce", "date_limite_depot"))
        if annonce is None or limite is None:
            return numpy.zeros(formation.count, dtype=bool)
        depot = formation("date_depot_projet_innovation", period)
        return (depot >= numpy.datetime64(annonce)) & (depot <= numpy.datetime64(limite))


class projet_innovation_dans_les_bornes(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "Le montant du projet est compris entre les montants minimal et maximal de l'appel Innovation, inclus"
    reference = LEMONDEINFORMATIQUE_83836
    documentation = """
    Confidence: confirmed (« pour un montant de subvention compris entre 10 000
    € et 40 000 € par projet sélectionné », lemondeinformatique.fr 83836);
    both bounds included (inferred). False before the call exists, and for no
    project (0 €).
    """

    def formula(formation, period, parameters):
        """'…pour un montant de subvention compris entre 10 000 € et 40 000 € par projet sélectionné.'"""
        minimum, maximum = (regle(formation, period, parameters, nom) for nom in ("montant_minimum", "montant_maximum"))
        if minimum is None or maximum is None:
            return numpy.zeros(formation.count, dtype=bool)
        montant = formation("montant_projet_innovation", period)
        return (montant >= minimum) & (montant <= maximum)


class montant_projets_innovation_campagne(ReelExact):
    value_type = float
    unit = "currency-EUR"
    entity = Campagne
    definition_period = MONTH
    label = "Total des montants des projets Innovation de la campagne déposés à temps et dans les bornes"
    reference = LEMONDEINFORMATIQUE_83836
    documentation = """
    Confidence: inferred (what the envelope is compared with: the amounts
    asked by the projects in time and within bounds, as if each were granted
    what it asks; the « 8 critères de recevabilité » and the selection are not
    modelled).
    """

    def formula(campagne, period):
        retenu = campagne.members("projet_innovation_dans_les_bornes", period) & campagne.members(
            "projet_innovation_depose_dans_les_delais", period
        )
        montants = numpy.where(retenu, campagne.members("montant_projet_innovation", period), 0)
        return somme_de_montants(campagne, montants)


class projets_innovation_dans_l_enveloppe(Variable):
    value_type = bool
    entity = Campagne
    definition_period = MONTH
    label = "Les projets Innovation de la campagne tiennent dans la dotation de l'appel (4 M€)"
    reference = LEMONDEINFORMATIQUE_83836
    documentation = """
    Confidence: confirmed for the envelope (« La dotation de cet appel s’élève
    à 4 millions d’euros. », lemondeinformatique.fr 83836); inferred that it
    is a hard limit. True before the call exists (nothing to compare).
    """

    def formula(campagne, period, parameters):
        """'La dotation de cet appel s’élève à 4 millions d’euros.'"""
        enveloppe = regle(campagne, period, parameters, "enveloppe")
        total = campagne("montant_projets_innovation_campagne", period)
        return total <= (numpy.inf if enveloppe is None else enveloppe)
