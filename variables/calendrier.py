"""Calendar of the calls: which call a dossier answers, and was it filed in time?

"Le dossier complet est à déposer au plus tard le 19 octobre 2015 à minuit"
(seed). The calls' dates are in parameters/calendrier/. A dossier is judged
under the rules of the call whose window contains its filing date, in every
month from that call's opening on (see openfisca_gen/helpers.py).
"""

from datetime import date

import numpy
from openfisca_core.model_api import ETERNITY, MONTH, Variable

from openfisca_gen.entities import Formation
from openfisca_gen.helpers import regles_des_appels
from openfisca_gen.sources import COMMUNIQUE_2015, DEUXIEME_APPEL_2016, TROISIEME_APPEL_2018


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


def fenetre(calendrier):
    """(opening day, last deadline or cut-off) of a call, both included."""
    return numpy.datetime64(calendrier.date_ouverture), max(map(numpy.datetime64, calendrier.dates_limites_depot))


class appel_du_dossier(Variable):
    value_type = int
    entity = Formation
    definition_period = MONTH
    label = "Appel à labellisation dont les règles s'appliquent au dossier (1, 2, 3 ; 0 : aucun)"
    reference = [COMMUNIQUE_2015, DEUXIEME_APPEL_2016, TROISIEME_APPEL_2018]
    documentation = """
    Confidence: seed for the first call's window, confirmed for the others.
    The call whose window (opening day to deadline or last cut-off, both
    included) contains date_depot_dossier, numbered in the order of the
    calls' openings, once that call has opened by the end of the month
    computed. 0 for a dossier filed outside every window: it answers no call.
    The rules of its call judge the dossier in every later month.
    """

    def formula(formation, period, parameters):
        """'Le dossier complet est à déposer au plus tard le 19 octobre 2015 à minuit…'"""
        depot = formation("date_depot_dossier", period)
        appel = numpy.zeros(formation.count, dtype=numpy.int32)
        for numero, regles in enumerate(regles_des_appels(formation, period, parameters), 1):
            ouverture, cloture = fenetre(regles.calendrier)
            appel[(depot >= ouverture) & (depot <= cloture)] = numero
        return appel


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
    one cut-off. 1970-01-01 when the dossier answers no call.
    """

    def formula(formation, period, parameters):
        """'…avec trois relevés successifs de candidatures prévus tous les deux mois (23 septembre, 25 novembre,
        24 février).'"""
        depot = formation("date_depot_dossier", period)
        appel = formation("appel_du_dossier", period)
        releve = numpy.full(formation.count, numpy.datetime64("1970-01-01"), dtype="datetime64[D]")
        for numero, regles in enumerate(regles_des_appels(formation, period, parameters), 1):
            releves = numpy.sort(numpy.array(regles.calendrier.dates_limites_depot, dtype="datetime64[D]"))
            prochain = releves[numpy.minimum(numpy.searchsorted(releves, depot), releves.size - 1)]
            releve = numpy.where(appel == numero, prochain, releve)
        return releve
