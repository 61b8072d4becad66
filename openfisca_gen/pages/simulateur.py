"""The simulator: one training described by its provider, judged by the model, answered in the provider's words.

The form is built from the model (every input of `formation` and
`structure`, asked as `champs.FICHES` words it), showing only the fields the
chosen call uses; the call of a valid filing date wins, as it does in the
model. The answer comes from the functions behind the web API:
`analyser_situation` for the checks (their problems next to their fields, in
French), `expliquer` for eligibility, failed conditions and the call, and the
model's own variables for the amount (`resultat`). A result is a GET: its
address (`permalien`) reproduces it.
"""

from dataclasses import replace
from datetime import date
from urllib.parse import urlencode

import numpy
from openfisca_core.errors import PeriodMismatchError, SituationParsingError

from openfisca_gen.explication import expliquer
from openfisca_gen.helpers import appels_pas_encore_ouverts, numeros_d_appel
from openfisca_gen.interpretations import autre_lecture
from openfisca_gen.pages import conditions, resultat
from openfisca_gen.pages.champs import appels, champs, fiche
from openfisca_gen.pages.saisie import dans_l_ordre, lire_champs, par_champ
from openfisca_gen.situation_examples import formation_eligible
from openfisca_gen.validation import (
    PeriodeInvalideError,
    Probleme,
    SituationInvalideError,
    analyser_situation,
    trouver_parametre,
    un_mois,
)
from openfisca_gen.validation.erreurs import RefusOpenFiscaError, date_lisible
from openfisca_gen.validation.saisie import lire_booleen, lire_date, lire_mois, lire_nombre
from openfisca_gen.validation.tables import variables_d_entree
from openfisca_gen.validation.types import jour

IDS = {"formation": "formation", "structure": "structure"}
MOIS_DE_VERIFICATION = "2015-10"  # where no month is known: the values' checks do not depend on it
AUTRES = ("period", "appel", "changer")  # the form's fields that are not the model's inputs
INCALCULABLE = "Ces informations ne permettent pas le calcul : vérifiez chaque champ."


def valeurs_exemple(tax_benefit_system) -> dict[str, str]:
    """The form pre-filled with the shipped example of an eligible training, as text."""
    valeurs = {}
    for instances in formation_eligible.values():
        for instance in instances.values():
            for nom, par_periode in instance.items():
                if isinstance(par_periode, dict) and next(iter(par_periode.values())) is not None:
                    valeurs[nom] = _texte(next(iter(par_periode.values())))
    entrees = variables_d_entree(tax_benefit_system)
    for nom, variable in entrees.items():  # an Enum left out shows its default
        if nom not in valeurs and variable.value_type is not date and variable.value_type is not bool:
            valeurs[nom] = variable.default_value.name if hasattr(variable.default_value, "name") else ""
    return {nom: texte for nom, texte in valeurs.items() if nom in entrees}


def _texte(valeur) -> str:
    if isinstance(valeur, bool):
        return "true" if valeur else "false"
    if isinstance(valeur, float) and valeur.is_integer():
        return str(int(valeur))
    return str(valeur)


def champs_du_formulaire(tax_benefit_system) -> list[str]:
    """Every field a form or a link of the simulator may give, in the form's order."""
    return [*variables_d_entree(tax_benefit_system), *AUTRES]


def lire_formulaire(tax_benefit_system, formulaire) -> tuple[dict[str, str], list[Probleme]]:
    """The submitted text of each field, and the fields given twice with different texts (`saisie.lire_champs`)."""
    return lire_champs(formulaire, champs_du_formulaire(tax_benefit_system), reglages=("appel", "changer"))


def est_une_simulation(tax_benefit_system, formulaire) -> bool:
    """A request that asks for a result: it gives one of the model's inputs, and does not only change the call."""
    entrees = variables_d_entree(tax_benefit_system)
    return formulaire.get("changer") != "appel" and any(nom in entrees for nom in formulaire)


def appel_de_la_date(tax_benefit_system, texte: str) -> int:
    """The call whose window contains a typed filing date, read as the model reads it; 0 for none."""
    depot = jour(lire_date(texte or ""))
    if depot is None:
        return 0
    regles = [appel["regles"] for appel in appels(tax_benefit_system)]
    return int(numeros_d_appel(numpy.array([depot], dtype="datetime64[D]"), regles)[0])


def appel_choisi(tax_benefit_system, saisie: dict) -> int:
    """The call whose fields the form shows: the one chosen to change the call, else the filing date's, else the
    one chosen, else the first."""
    # Only the form's own values name a call (« 1 », « 2 »…); any other text, « ² » or a number of 5000 digits
    # included, names none and is never converted: the filing date's call, or the first, is shown instead.
    numeros = {str(appel["numero"]): appel["numero"] for appel in appels(tax_benefit_system)}
    choisi = numeros.get(saisie.get("appel", ""), 0)
    if saisie.get("changer") == "appel" and choisi:
        return choisi
    return appel_de_la_date(tax_benefit_system, saisie.get("date_depot_dossier", "")) or choisi or 1


def _valeur(variable, texte: str):
    """A form's text as the JSON value the web API would receive; what cannot be read is passed on as typed."""
    if variable.value_type is bool:
        return lire_booleen(texte)
    if variable.value_type in (int, float):
        return lire_nombre(texte, getattr(variable, "unit", None))
    if variable.value_type is date:
        return lire_date(texte)
    return texte


def _visibles(tax_benefit_system, numero: int) -> dict[str, dict]:
    return {
        champ["nom"]: champ for _, _, liste in champs(tax_benefit_system, numero) for champ in liste if champ["visible"]
    }


def situation(tax_benefit_system, saisie: dict, mois: str, numero: int) -> dict:
    """The training as a web-API situation, one training in its own structure and campaign, from the fields its
    call uses only: an empty field is not given, an unchecked checkbox (which sends nothing) is false."""
    visibles = _visibles(tax_benefit_system, numero)
    par_entite = {"formation": {}, "structure": {}}
    for nom, variable in variables_d_entree(tax_benefit_system).items():
        texte = saisie.get(nom, "false" if variable.value_type is bool else "")
        if nom in visibles and texte:
            par_entite[variable.entity.key][nom] = {mois: _valeur(variable, texte)}
    return {
        "formations": {IDS["formation"]: par_entite["formation"]},
        "structures": {IDS["structure"]: {"formations": [IDS["formation"]], **par_entite["structure"]}},
        "campagnes": {"campagne": {"formations": [IDS["formation"]]}},
    }


def periode(tax_benefit_system, saisie: dict) -> tuple[str | None, list[Probleme]]:
    """(the month computed, why the month given is refused): the month given, else the filing date's month; None
    when neither is known (the filing date's own problem then says why)."""
    depot = jour(lire_date(saisie.get("date_depot_dossier", "")))
    if saisie.get("period"):
        try:
            mois = un_mois(lire_mois(saisie["period"]))
        except PeriodeInvalideError as erreur:
            return None, [Probleme(p.cle, p.valeurs, "champ", champ="period") for p in erreur.problemes]
        if depot and appels_pas_encore_ouverts(tax_benefit_system, numpy.array([depot], "datetime64[D]"), mois)[0]:
            # its call not open yet, the dossier would answer none: 0 € and « ne peut pas être labellisée »
            return None, [Probleme("mois_avant_l_appel", {"depot": depot, "mois": mois}, "champ", champ="period")]
        return mois, []
    return (depot[:7], []) if depot else (None, [])


def erreurs_de_saisie(tax_benefit_system, saisie: dict, numero: int, doubles: list = ()):
    """(every problem of the form, by field and general; the month; the situation; its analysis), all at once.
    `doubles`: the fields the form gave twice with different texts."""
    visibles = _visibles(tax_benefit_system, numero)
    problemes = [*doubles] + [
        Probleme("obligatoire", champ=n, lieu="champ")
        for n, c in visibles.items()
        if c["obligatoire"] and not saisie.get(n)
    ]
    mois, problemes_du_mois = periode(tax_benefit_system, saisie)
    problemes += problemes_du_mois
    projet = ("montant_projet_innovation", "date_depot_projet_innovation")  # a project is its amount and its date
    problemes += [
        Probleme("projet_innovation_incomplet", champ=nom, lieu="champ")
        for nom, autre in (projet, projet[::-1])
        if saisie.get(autre) and not saisie.get(nom) and nom in visibles
    ]
    # Without a month, the other fields are still checked, at a stand-in month that no message names.
    une_situation = situation(tax_benefit_system, saisie, mois or MOIS_DE_VERIFICATION, numero)
    analyse = None
    try:
        analyse = analyser_situation(tax_benefit_system, une_situation)
    except SituationInvalideError as erreur:
        problemes += erreur.problemes
    noms = {*visibles, "period"}
    problemes = [  # a date refused is echoed as typed (30/02/2015), not as the reader rewrote it (2015-02-30)
        replace(p, valeurs={**p.valeurs, "valeur": saisie[p.champ]}) if p.cle == "date_attendue" and p.champ in saisie
        else p
        for p in problemes
    ]  # fmt: skip
    erreurs, generales = par_champ(problemes, lambda nom: fiche(tax_benefit_system, nom) if nom in noms else None)
    ordre = [champ["nom"] for _, _, liste in champs(tax_benefit_system, numero) for champ in liste]
    return dans_l_ordre(erreurs, ordre), generales, mois, une_situation, analyse


def _echecs(tax_benefit_system, formation: dict, hors_appel: int | None) -> list[dict]:
    """The conditions a dossier fails. Filed outside every call's window (`hors_appel`: the call chosen), it is
    judged by no call: the model explains it under the call in force at the month, whose other questions the
    form did not ask (a count never typed read as 0), so only its filing date is said, against the window of
    the call chosen."""
    if hors_appel is None:
        return formation["failed_conditions"]
    regles = appels(tax_benefit_system)[hors_appel - 1]
    parametres = {"calendrier.date_ouverture": regles["ouverture"], "calendrier.dates_limites_depot": regles["limites"]}
    return [
        {**echec, "parameters": {**echec["parameters"], **parametres}}
        for echec in formation["failed_conditions"]
        if echec["condition"] == "dossier_depose_dans_les_delais"
    ]


def _autres_lectures(tax_benefit_system, formation: dict, en_vigueur: dict | None) -> list[dict]:
    """The readings the result hangs on, each said as the reading the model does not follow under the dossier's
    call (or the call in force, for a dossier of none): the one it follows was shown as « l'autre lecture »."""
    ouverture = (formation.get("call") or en_vigueur or {}).get("date_ouverture")
    lectures = []
    for nom in formation["depends_on_interpretations"]:
        parametre = trouver_parametre(tax_benefit_system.parameters, f"interpretations.{nom}", feuille=True)
        lectures.append({"nom": nom, "texte": autre_lecture(parametre, bool(parametre(ouverture)))})
    return lectures


def permalien(saisie: dict) -> str:
    """The query string that gives this result again (the fields as typed, without the empty ones)."""
    return urlencode({nom: texte for nom, texte in saisie.items() if texte and nom != "changer"})


def exactes(valeurs: dict) -> dict:
    """The numbers of the answer's variables, exact (`resultat.valeurs`), to write the failed conditions from."""
    return {nom: v for nom, v in valeurs.items() if isinstance(v, int | float) and not isinstance(v, bool)}


def questions_d_un_autre_appel(tax_benefit_system, saisie: dict, numero: int) -> str | None:
    """Why the form cannot be simulated as sent, where it asked another call's questions than the call whose fields
    are shown (`numero`, `appel_choisi`'s: the filing date's, whose rules apply, where the date names one; else the
    one asked, which never differs): that call's answers were never asked, and would be read as « non » and 0."""
    liste = appels(tax_benefit_system)
    demande = {str(appel["numero"]): appel for appel in liste}.get(saisie.get("appel", ""))
    if demande is None or demande["numero"] == numero:
        return None
    depot = date_lisible(jour(lire_date(saisie["date_depot_dossier"])))
    date_de = liste[numero - 1]["libelle"]
    return (
        f"Votre date de dépôt, le {depot}, relève du {date_de}, dont les règles s'appliquent ; le formulaire posait "
        f"les questions du {demande['libelle']}. Les questions du {date_de} sont maintenant affichées : "
        "répondez-y, puis simulez."
    )


def simuler(tax_benefit_system, saisie: dict, doubles: list = ()) -> dict:
    """The page's answer: either `erreurs` (by field) and `generales`, all at once, or the result. `doubles`: the
    fields the form gave twice with different texts (`lire_formulaire`). A form that asked another call's
    questions than the filing date's is not simulated: its answers to that call's questions are missing."""
    numero = appel_choisi(tax_benefit_system, saisie)
    if autre := questions_d_un_autre_appel(tax_benefit_system, saisie, numero):
        return {"erreurs": {}, "generales": [autre], "appel_choisi": numero}
    erreurs, generales, mois, une_situation, analyse = erreurs_de_saisie(tax_benefit_system, saisie, numero, doubles)
    if erreurs or generales or mois is None:
        return {"erreurs": erreurs, "generales": generales, "appel_choisi": numero}
    try:
        explication, simulation = expliquer(tax_benefit_system, une_situation, mois, analyse, avec_simulation=True)
    except (RefusOpenFiscaError, SituationParsingError, PeriodMismatchError):  # what OpenFisca alone refuses
        return {"erreurs": {}, "generales": [INCALCULABLE], "appel_choisi": numero}
    formation = explication["formations"][IDS["formation"]]
    appel = resultat.appel_lisible((formation.get("call") or {}).get("numero"), tax_benefit_system)
    valeurs = resultat.valeurs(simulation, mois)
    return {
        "periode": mois,
        "formation": formation,
        "valeurs": valeurs,
        "appel": appel,
        "appel_choisi": appel["numero"] if appel else numero,
        "hors_appel": appel is None and explication["call"] is not None,
        "avant_les_appels": explication["call"] is None,
        "decision": resultat.decision(valeurs, formation, mois, tax_benefit_system),
        "montant": resultat.phrase_du_montant(valeurs, appel),
        "calcul": resultat.calcul(valeurs, appel),
        "conditions": [
            {**echec, "phrase": conditions.phrase(tax_benefit_system, echec, exactes(valeurs))}
            for echec in _echecs(tax_benefit_system, formation, numero if appel is None else None)
        ],
        "public": resultat.public(valeurs, saisie, appel),
        "lectures": _autres_lectures(tax_benefit_system, formation, explication["call"]),
        "innovation": resultat.projet_innovation(valeurs, tax_benefit_system, mois),
        "permalien": permalien(saisie),
    }
