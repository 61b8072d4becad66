"""Calendar of the calls: which call a dossier answers, was it filed in time, which call a campaign answers?

"Le dossier complet est à déposer au plus tard le 19 octobre 2015 à minuit"
(seed). The calls' dates are in parameters/calendrier/. A dossier is judged
under the rules of the call whose window contains its filing date, in every
month from that call's opening on; a campaign, under the call its dossiers
answer (see openfisca_gen/helpers.py).
"""

from datetime import date

import numpy
from openfisca_core.model_api import ETERNITY, MONTH, Variable

from openfisca_gen.entities import Campagne, Formation
from openfisca_gen.helpers import fenetres, numeros_d_appel, reduire_par_groupe, regles_des_appels, releves
from openfisca_gen.sources import (
    COMMUNIQUE_2015,
    DEUXIEME_APPEL_2016,
    TROISIEME_APPEL_2018,
    TROISIEME_APPEL_2018_PRESSE,
)


class date_depot_dossier(Variable):
    value_type = date
    entity = Formation
    definition_period = ETERNITY
    label = "Date de dépôt du dossier de candidature au label"
    reference = COMMUNIQUE_2015
    documentation = """
    Confidence: seed. The exact day the complete dossier was filed. Left
    empty, it is 1970-01-01, which answers no call.
    """


class appel_du_dossier(Variable):
    value_type = int
    entity = Formation
    definition_period = MONTH
    label = "Appel à labellisation dont les règles s'appliquent au dossier (1, 2, 3 ; 0 : aucun)"
    reference = [COMMUNIQUE_2015, DEUXIEME_APPEL_2016, TROISIEME_APPEL_2018]
    documentation = """
    Confidence: seed for the first call's window, confirmed for the others.
    The call one of whose windows (opening day to deadline or last cut-off,
    both included; a second wave's where its dates are known, none for the
    2018 call's, never shown to open) contains date_depot_dossier, numbered
    in the order of the calls' openings, once that call has opened by the
    end of the month computed. 0 for a dossier filed outside every window: it
    answers no call. The rules of its call judge the dossier in every later
    month.
    """

    def formula(formation, period, parameters):
        """'Le dossier complet est à déposer au plus tard le 19 octobre 2015 à minuit…'"""
        depot = formation("date_depot_dossier", period)
        return numeros_d_appel(depot, regles_des_appels(formation, period, parameters))


class dossier_depose_dans_les_delais(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "Le dossier a été déposé entre l'ouverture de l'appel et sa date limite, incluses"
    reference = COMMUNIQUE_2015
    documentation = "Confidence: seed. Both the opening day and the deadline are included."

    def formula(formation, period):
        """'Le dossier complet est à déposer au plus tard le 19 octobre 2015 à minuit…'"""
        return formation("appel_du_dossier", period) > 0


class date_releve_candidatures(Variable):
    value_type = date
    entity = Formation
    definition_period = MONTH
    label = "Date limite (relevé des candidatures) à laquelle le dossier est examiné"
    reference = [COMMUNIQUE_2015, DEUXIEME_APPEL_2016]
    documentation = """
    Confidence: confirmed. The second call was "ouvert de manière continue,
    avec trois relevés successifs de candidatures": a dossier goes to the
    first cut-off on or after its filing day. A call with one deadline has
    one cut-off; a call's second wave, where its dates are known, ends with
    one more (calendrier.seconde_vague). 1970-01-01 when the dossier answers
    no call.
    """

    def formula(formation, period, parameters):
        """'…avec trois relevés successifs de candidatures prévus tous les deux mois (23 septembre, 25 novembre,
        24 février).'"""
        depot = formation("date_depot_dossier", period)
        appel = formation("appel_du_dossier", period)
        releve = numpy.full(formation.count, numpy.datetime64("1970-01-01"), dtype="datetime64[D]")
        for numero, regles in enumerate(regles_des_appels(formation, period, parameters), 1):
            jours = releves(regles.calendrier)
            prochain = jours[numpy.minimum(numpy.searchsorted(jours, depot), jours.size - 1)]
            releve = numpy.where(appel == numero, prochain, releve)
        return releve


class appel_de_la_campagne(Variable):
    value_type = int
    entity = Campagne
    definition_period = MONTH
    label = "Appel à labellisation auquel répondent les dossiers de la campagne (1, 2, 3 ; 0 : aucun ou plusieurs)"
    reference = [COMMUNIQUE_2015, DEUXIEME_APPEL_2016, TROISIEME_APPEL_2018]
    documentation = """
    Confidence: seed ("la campagne de labellisation des premières « fabriques
    de la Grande Ecole du numérique »": a campaign is one call). The call its
    dossiers answer (appel_du_dossier of its members that answer one): its
    objectives, envelope and way of counting fabriques are that call's in
    every month computed. 0 when no dossier answers a call (before the call
    opens, or every dossier late), and 0 when its dossiers answer several
    calls (appels_melanges_dans_la_campagne): such a campaign is judged by no
    call, never by the month's.
    """

    def formula(campagne, period):
        """'…a lancé officiellement la campagne de labellisation des premières « fabriques de la Grande Ecole du
        numérique »…'"""
        appel = campagne.members("appel_du_dossier", period)
        # The first call its dossiers answer: the least of appel - 1 read unsigned (no call, 0, is then the
        # largest), plus one (0 where none answers one: the largest plus one wraps to 0 in uint32).
        premier = (
            reduire_par_groupe(campagne, (appel - 1).view(numpy.uint32), numpy.iinfo(numpy.uint32).max, numpy.minimum)
            + 1
        )
        dernier = reduire_par_groupe(campagne, appel, 0)
        return numpy.where(premier == dernier, dernier, 0)


class appels_melanges_dans_la_campagne(Variable):
    value_type = bool
    entity = Campagne
    definition_period = MONTH
    label = "Les dossiers de la campagne répondent à plusieurs appels (campagne à scinder par appel)"
    reference = [COMMUNIQUE_2015, DEUXIEME_APPEL_2016, TROISIEME_APPEL_2018]
    documentation = """
    Confidence: inferred (each call has its own envelope and objectives, so a
    campaign is the trainings of one call). True when the campaign's dossiers
    answer two calls or more: appel_de_la_campagne is then 0, its objectives
    are non_applicable and it is compared with no envelope. The entry points
    refuse such a campaign, asking to split it by call.
    """

    def formula(campagne, period):
        """A dossier answers a call, yet the campaign has none: its dossiers answer several."""
        une_reponse = reduire_par_groupe(campagne, campagne.members("appel_du_dossier", period), 0) > 0
        return une_reponse & (campagne("appel_de_la_campagne", period) == 0)


class appel_ouvert_dans_le_mois(Variable):
    value_type = int
    entity = Formation
    definition_period = MONTH
    label = "Appel à labellisation ouvert pendant au moins un jour du mois (1, 2, 3 ; 0 : aucun)"
    reference = [COMMUNIQUE_2015, DEUXIEME_APPEL_2016, TROISIEME_APPEL_2018, TROISIEME_APPEL_2018_PRESSE]
    documentation = """
    Confidence: seed for the first call's window, confirmed for the others.
    The number of the labelling call one of whose windows (a second wave's
    included, where known) meets the month computed, the latest if several;
    0 where none does: a dossier filed in that month answers no call. The
    same for every training (the programme's calendar, not the dossier's).
    The 2021 Innovation call funds projects, not labels: it is not one.
    """

    def formula(formation, period, parameters):
        """'Le dossier complet est à déposer au plus tard le 19 octobre 2015 à minuit…'"""
        debut, fin = numpy.datetime64(str(period.start)), numpy.datetime64(str(period.stop))
        ouverts = [
            numero
            for numero, regles in enumerate(regles_des_appels(formation, period, parameters), 1)
            if any(ouverture <= fin and cloture >= debut for ouverture, cloture in fenetres(regles.calendrier))
        ]
        return numpy.full(formation.count, max(ouverts, default=0))
