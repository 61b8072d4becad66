"""Rules that must hold together after a reform, or every dossier would silently come out ineligible.

- each call's window is not empty: it has deadlines, and opens on or before the first;
- the training duration range is not empty: the minimum is at most the
  maximum in force (the minister's, where that reading applies).

Each problem names the parameter at fault: the first of those involved that
the reform changes.
"""

from openfisca_core import periods

from openfisca_gen.validation import Probleme


def incoherences_des_regles(parametres, changes=()) -> list[Probleme]:
    """The problems of a set of rules (a reform's), each placed on a parameter the reform `changes`."""

    def en_cause(*chemins):
        return next((chemin for chemin in chemins if chemin in changes), chemins[0])

    problemes = []
    for ouverture in reversed(parametres.calendrier.date_ouverture.values_list):  # oldest first
        if ouverture.value is None:
            continue
        calendrier = parametres.get_at_instant(periods.instant(ouverture.instant_str)).calendrier
        limites = getattr(calendrier, "dates_limites_depot", None)  # none before the rules exist (1970)
        if limites is None:
            debut = parametres.calendrier.dates_limites_depot.values_list[-1].instant_str
            details = {"ouverture": ouverture.value, "jour": ouverture.instant_str, "debut": debut}
            problemes.append(
                Probleme(
                    "appel_sans_date_limite",
                    details,
                    "parametre",
                    champ="calendrier.date_ouverture",
                    periode=ouverture.instant_str,
                )
            )
        elif limites and min(limites) < ouverture.value:
            chemin = en_cause("calendrier.date_ouverture", "calendrier.dates_limites_depot")
            details = {"ouverture": ouverture.value, "limite": min(limites)}
            problemes.append(
                Probleme("appel_sans_fenetre", details, "parametre", champ=chemin, periode=ouverture.instant_str)
            )
    lectures = parametres.interpretations.duree_maximale_selon_le_ministre
    duree = parametres.labellisation.duree_formation
    jours = {valeur.instant_str for bornes in [*duree.children.values(), lectures] for valeur in bornes.values_list}
    for jour in sorted(jours):
        regles = parametres.get_at_instant(periods.instant(jour))
        bornes = regles.labellisation.duree_formation
        ministre = getattr(regles.interpretations, "duree_maximale_selon_le_ministre", None)  # null: not this call's
        maximum = "maximum_mois_selon_le_ministre" if ministre else "maximum_mois"
        if getattr(bornes, "minimum_mois", None) is None or getattr(bornes, maximum, None) is None:
            continue  # a day before the rules exist (a reform dated in 1970): nothing to hold together yet
        if bornes.minimum_mois > bornes[maximum]:
            chemin = en_cause(
                f"labellisation.duree_formation.{maximum}",
                "labellisation.duree_formation.minimum_mois",
                "interpretations.duree_maximale_selon_le_ministre",
            )
            details = {"minimum": bornes.minimum_mois, "maximum_nom": maximum, "maximum": bornes[maximum]}
            problemes.append(Probleme("durees_incoherentes", details, "parametre", champ=chemin, periode=jour))
    return problemes
