"""Rules that must hold together after a reform, or every dossier would silently come out ineligible.

- each call of the law stays a call, keyed on its day (a call reads its rules on the day its opening is keyed:
  moved by a new key, the second call read the first call's rules);
- each call's window is not empty: it has deadlines, and opens on or before the first; its second wave has both
  its days or neither, the deadline not before the opening;
- each call opens after the last deadline of the call before it (a dossier answers one call);
- each call's rules exist on the day its opening is dated (a call moved before 2015-09-17 has none);
- the training duration range is not empty: the minimum is at most the
  maximum in force (the minister's, where that reading applies).

Each problem names the parameter at fault: the first of those involved that
the reform changes.
"""

from pathlib import Path

from openfisca_core import periods
from openfisca_core.parameters import Parameter

from openfisca_gen.chemins import PARAMETERS_DIR, yaml_du_paquet
from openfisca_gen.validation import Probleme

# The law's calls, as their parameter file dates them (before any reform): the first call's rules are the first.
OUVERTURES = [
    str(jour) for jour in yaml_du_paquet(Path(PARAMETERS_DIR) / "calendrier" / "date_ouverture.yaml")["values"]
]


def _sans_valeur_le(parametres, jour: str) -> list[str]:
    """The parameters a call's rules need (those in force when the first call opens) that have no value yet on
    `jour`: a call's rules are read on the day its opening is dated."""
    if jour >= OUVERTURES[0]:
        return []
    return sorted(
        p.name
        for p in parametres.get_descendants()
        if isinstance(p, Parameter) and p(OUVERTURES[0]) is not None and not _a_une_valeur(p, jour)
    )


def _a_une_valeur(parametre, jour: str) -> bool:
    return any(v.instant_str <= jour for v in parametre.values_list)


def incoherences_des_regles(parametres, changes=()) -> list[Probleme]:
    """The problems of a set of rules (a reform's), each placed on a parameter the reform `changes`."""

    def en_cause(*chemins):
        return next((chemin for chemin in chemins if chemin in changes), chemins[0])

    return (
        _fenetres_des_appels(parametres, en_cause)
        + _appels_chevauches(parametres, en_cause)
        + _appels_perdus(parametres)
        + _plage_des_durees(parametres, en_cause)
    )


def _appels_perdus(parametres) -> list[Probleme]:
    """The law's calls whose key a reform's value replaced: keyed on 2016-07-01, the second call's opening made the
    call read the rules in force that day, the first call's (its 180 000 € per structure became 70 000 €); one
    value from 2015-09-17 for every call left one call. A call is moved by its value under its own key."""
    cles = {valeur.instant_str for valeur in parametres.calendrier.date_ouverture.values_list}
    perdus = [jour for jour in OUVERTURES if jour not in cles]
    if not perdus:
        return []
    debut = max(cle for cle in cles if cle < perdus[0])
    suivants = {1: "", 2: " et l'appel suivant"}.get(len(perdus), " et les appels suivants")
    details = {"jours": perdus, "debut": debut, "jour": perdus[0], "suivants_fr": suivants}
    return [Probleme("appel_perdu", details, "parametre", champ="calendrier.date_ouverture", periode=debut)]


def _fenetres_des_appels(parametres, en_cause) -> list[Probleme]:
    """Each call's window: deadlines in force, rules that exist on its day, a first deadline not before it."""
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
        elif manquants := _sans_valeur_le(parametres, ouverture.instant_str):
            details = {"jour": ouverture.instant_str, "nombre": len(manquants), "exemple": manquants[0]}
            details["debut"] = OUVERTURES[0]
            problemes.append(
                Probleme(
                    "appel_avant_les_regles",
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
        problemes += _seconde_vague(calendrier, ouverture, en_cause)
    return problemes


def fin_de_fenetre(calendrier) -> str | None:
    """A call's last filing day, its second wave's included (`calendrier`: the rules read on its opening)."""
    vague = getattr(getattr(calendrier, "seconde_vague", None), "date_limite_depot", None)
    jours = [*(getattr(calendrier, "dates_limites_depot", None) or []), *([vague] if vague else [])]
    return max(map(str, jours)) if jours else None


def _appels_chevauches(parametres, en_cause) -> list[Probleme]:
    """Each call opens after the last deadline of the call before it (its second wave's included): a dossier filed
    in both windows went to the later call without a word, judged again under its rules. Placed on the opening
    where the reform moved it, else on the earlier call's deadline it moved."""
    problemes, precedent = [], None
    for ouverture in reversed(parametres.calendrier.date_ouverture.values_list):  # oldest first
        calendrier = parametres.get_at_instant(periods.instant(ouverture.instant_str)).calendrier
        limites = getattr(calendrier, "dates_limites_depot", None)
        if ouverture.value is None or not limites:  # no call, or no window (refused above)
            continue
        if precedent and str(ouverture.value) <= precedent["limite"]:
            chemin = en_cause(
                "calendrier.date_ouverture",
                "calendrier.dates_limites_depot",
                "calendrier.seconde_vague.date_limite_depot",
            )
            jour = ouverture.instant_str if chemin == "calendrier.date_ouverture" else precedent["jour"]
            details = {"ouverture": ouverture.value, "precedent": precedent["ouverture"], "limite": precedent["limite"]}
            problemes.append(Probleme("appels_chevauches", details, "parametre", champ=chemin, periode=jour))
        precedent = {"ouverture": ouverture.value, "jour": ouverture.instant_str, "limite": fin_de_fenetre(calendrier)}
    return problemes


def _seconde_vague(calendrier, ouverture, en_cause) -> list[Probleme]:
    """A call's second wave: both its days or neither (one alone was ignored without a word), and a deadline not
    before its opening (or no dossier could answer it)."""
    vague = getattr(calendrier, "seconde_vague", None)
    jours = {nom: getattr(vague, nom, None) for nom in ("date_ouverture", "date_limite_depot")}
    ici = {"lieu": "parametre", "periode": ouverture.instant_str}
    if (jours["date_ouverture"] is None) != (jours["date_limite_depot"] is None):
        manquant = next(nom for nom, jour in jours.items() if jour is None)
        details = {"ouverture": ouverture.value, "manquant": manquant}
        return [Probleme("vague_incomplete", details, champ=f"calendrier.seconde_vague.{manquant}", **ici)]
    if None not in jours.values() and str(jours["date_limite_depot"]) < str(jours["date_ouverture"]):
        chemin = en_cause("calendrier.seconde_vague.date_ouverture", "calendrier.seconde_vague.date_limite_depot")
        details = {"ouverture": ouverture.value, "debut": jours["date_ouverture"], "limite": jours["date_limite_depot"]}
        return [Probleme("vague_sans_fenetre", details, champ=chemin, **ici)]
    return []


def _plage_des_durees(parametres, en_cause) -> list[Probleme]:
    """The training durations allowed, on every day a bound changes: a minimum at most the maximum in force."""
    problemes = []
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
