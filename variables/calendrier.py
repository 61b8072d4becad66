"""Calendar of the calls: was the dossier filed while the call was open?

"Le dossier complet est à déposer au plus tard le 19 octobre 2015 à minuit"
(seed). The call's dates are in parameters/calendrier/.
"""

from datetime import date

import numpy
from openfisca_core.model_api import MONTH, Variable, set_input_dispatch_by_period

from openfisca_gen.entities import Formation
from openfisca_gen.helpers import regles_appel_en_vigueur
from openfisca_gen.sources import COMMUNIQUE_2015, DEUXIEME_APPEL_2016


class date_depot_dossier(Variable):
    value_type = date
    entity = Formation
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Date de dépôt du dossier de candidature au label"
    reference = COMMUNIQUE_2015
    documentation = """
    Confidence: seed. The exact day the complete dossier was filed. Left
    empty, it is 1970-01-01, which answers no call.
    """


class dossier_depose_dans_les_delais(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "Le dossier a été déposé entre l'ouverture de l'appel et sa date limite, incluses"
    reference = COMMUNIQUE_2015
    documentation = "Confidence: seed. Both the opening day and the deadline are included."

    def formula_2015_09(formation, period, parameters):
        """'Le dossier complet est à déposer au plus tard le 19 octobre 2015 à minuit.'"""
        calendrier = regles_appel_en_vigueur(parameters, period).calendrier
        depot = formation("date_depot_dossier", period)
        ouverture = numpy.datetime64(calendrier.date_ouverture)
        cloture = max(numpy.datetime64(limite) for limite in calendrier.dates_limites_depot)
        return (depot >= ouverture) & (depot <= cloture)


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
    one cut-off. 1970-01-01 when the dossier is not in time.
    """

    def formula_2015_09(formation, period, parameters):
        """'…trois relevés successifs de candidatures prévus tous les deux mois.'"""
        releves = numpy.sort(
            numpy.array(
                regles_appel_en_vigueur(parameters, period).calendrier.dates_limites_depot, dtype="datetime64[D]"
            )
        )
        depot = formation("date_depot_dossier", period)
        prochain = releves[numpy.minimum(numpy.searchsorted(releves, depot), releves.size - 1)]
        return numpy.where(
            formation("dossier_depose_dans_les_delais", period), prochain, numpy.datetime64("1970-01-01")
        )
