"""The programme's whole life, 2015–2025: which rules apply in a month, or that none do.

"« Le groupement d'intérêt public dénommé "Grande École du numérique" est
dissous. » Difficile de faire plus concis que cet article 1 de l'arrêté du 8
janvier 2025 publié au Journal officiel du 14 janvier." (centre-inffo.fr,
verbatim)

The programme launches with its first call (17 September 2015); three
labelling calls follow, each with its window (parameters/calendrier/); the
label becomes a quality label in 2021 and the GIP is dissolved by the arrêté of
8 January 2025 (parameters/programme/). etat_programme says which of these
holds in any month, from before the launch to after the end.
"""

import numpy
from openfisca_core.model_api import MONTH, Enum, Variable

from openfisca_gen.entities import Formation
from openfisca_gen.helpers import facultatif, regles_des_appels
from openfisca_gen.sources import CENTRE_INFFO_2021, CENTRE_INFFO_2025, COMMUNIQUE_2015, GEN_PRESSE_2019


class EtatProgramme(Enum):
    avant_lancement = "Avant le lancement du programme : aucune règle ne s'applique"
    appel_ouvert = "Un appel à labellisation est ouvert : un dossier déposé est jugé selon ses règles"
    entre_deux_appels = (
        "Aucun appel ouvert : les labels accordés restent en vigueur, un nouveau dossier ne répond à aucun appel"
    )
    label_qualite = "Label qualité : aucun appel connu ouvert, les labels se renouvellent sans subvention d'amorçage"
    dissous = "GIP dissous : aucune nouvelle formation ne peut obtenir le label"


class etat_programme(Variable):
    value_type = Enum
    possible_values = EtatProgramme
    default_value = EtatProgramme.avant_lancement
    entity = Formation
    definition_period = MONTH
    label = "État du programme Grande École du numérique pendant le mois"
    reference = [COMMUNIQUE_2015, GEN_PRESSE_2019, CENTRE_INFFO_2021, CENTRE_INFFO_2025]
    documentation = """
    Confidence: seed for the launch, confirmed for the calls and the end,
    inferred for the day of the quality label (programme.date_label_qualite).
    For the month computed, the latest state reached by its last day, where
    an open call wins over the states without one: dissous from the arrêté of
    8 January 2025 (programme.date_fin_labellisation); else appel_ouvert where
    a labelling call's window meets the month (appel_ouvert_dans_le_mois);
    else label_qualite from 28 July 2021; else entre_deux_appels once the
    first call has opened (no call open: « En dehors des trois appels à
    labellisation, nous recevons de plus en plus de demandes de
    labellisation. Aujourd’hui, nous n’avons ni la vocation ni les ressources
    pour les traiter. », the GEN's director, 2019, medium.com); else
    avant_lancement. The same for every training: the state of the programme,
    not of the dossier, whose own call still judges it (appel_du_dossier).
    """

    def formula(formation, period, parameters):
        """'…aucune nouvelle formation ne pourra obtenir le label.' (centre-inffo.fr, 2025)"""
        regles, fin = parameters(period.stop), str(period.stop)

        def atteinte(chemin):
            jour = facultatif(formation, regles, chemin)
            return jour is not None and str(jour) <= fin

        etats = [
            (atteinte("programme.date_fin_labellisation"), EtatProgramme.dissous),
            (formation("appel_ouvert_dans_le_mois", period).max(initial=0) > 0, EtatProgramme.appel_ouvert),
            (atteinte("programme.date_label_qualite"), EtatProgramme.label_qualite),
            (bool(regles_des_appels(formation, period, parameters)), EtatProgramme.entre_deux_appels),
        ]
        etat = next((etat for atteint, etat in etats if atteint), EtatProgramme.avant_lancement)
        return numpy.full(formation.count, etat)
