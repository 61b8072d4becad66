"""The simulator's form and answer: one training, its fields named after the model's input variables.

The form is built from the model (every input variable of `formation` and
`structure`, with its label, documentation and possible values); the answer
comes from the same functions as the web API: `analyser_situation` for the
checks (its problems shown in French next to their fields), `expliquer` for
eligibility, failed conditions and the call, and the model's own
intermediate variables for the funding computation, read from the same
simulation.
"""

from datetime import date

from openfisca_core.indexed_enums import Enum

from openfisca_gen.explication import expliquer, valeur_json
from openfisca_gen.pages.saisie import OBLIGATOIRE, booleen_saisi, dans_l_ordre, nombre_saisi, par_champ
from openfisca_gen.situation_examples import formation_eligible
from openfisca_gen.sources import confiance
from openfisca_gen.validation import PeriodeInvalideError, SituationInvalideError, analyser_situation, un_mois
from openfisca_gen.validation.tables import variables_d_entree
from openfisca_gen.validation.types import jour

# The order a provider thinks in; an input the model gains later lands in "Autres informations".
GROUPES = (
    ("Le dossier", ("date_depot_dossier", "date_decision_comite", "decision_comite_labellisation")),
    (
        "La formation",
        (
            "metier_vise",
            "duree_formation_mois",
            "budget_session",
            "formation_gratuite",
            "prerequis_academiques_exiges",
            "pedagogie_innovante",
            "financements_droit_commun_obtenus",
            "labellisee_lors_d_un_appel_precedent",
        ),
    ),
    (
        "Les apprenants d'une session",
        (
            "nombre_apprenants",
            "nombre_femmes",
            "nombre_jeunes_neet_peu_qualifies",
            "nombre_demandeurs_emploi_peu_qualifies",
            "nombre_apprenants_niveau_bac_ou_infra",
            "nombre_residents_qpv",
            "nombre_residents_zrr",
        ),
    ),
    ("La structure", ("statut_structure",)),
)
CALCUL = (
    "budget_session",
    "plafond_financement_amorcage",
    "nombre_sessions_financees",
    "financement_amorcage_avant_plafond",
    "plafond_financement_amorcage_connu",
    "financement_amorcage_plafonne",
    "eligible_financement_amorcage",
    "labellisee",
    "financement_amorcage",
)
IDS = {"formation": "formation", "structure": "structure"}
# Left empty while the committee has not decided; a training on its structure's own site has no lieu_formation;
# the start date matters only from the GIP's dissolution (2025); most trainings carry no 2021 Innovation project.
FACULTATIFS = (
    "date_decision_comite",
    "lieu_formation",
    "date_debut_formation",
    "montant_projet_innovation",
    "date_depot_projet_innovation",
)
MOIS_DE_VERIFICATION = "2015-10"  # where no month is known: the values' checks do not depend on it


CONFIANCES = {
    "seed": "règle tirée du communiqué fondateur du 17 septembre 2015",
    "confirmed": "règle confirmée par des sources publiées",
    "disputed": "règle discutée : les sources divergent",
    "inferred": "règle déduite par ce modèle, faute de texte explicite",
    "convention": "convention de calcul de ce modèle, non une lecture des textes",
}


def _aide(variable) -> tuple[str, str]:
    """A short help in French (how sure the rule is, from its `Confidence:` line), and the documentation."""
    documentation = " ".join((variable.documentation or "").split())
    aide = CONFIANCES.get(confiance(documentation), "")
    return (aide[0].upper() + aide[1:] + ".") if aide else "", documentation


def champs(tax_benefit_system) -> list[tuple[str, list[dict]]]:
    """The form's fieldsets: (legend, fields), each field described from its variable."""
    entrees = variables_d_entree(tax_benefit_system)
    places = {nom for _, noms in GROUPES for nom in noms}
    groupes = [(legende, [nom for nom in noms if nom in entrees]) for legende, noms in GROUPES]
    groupes.append(("Autres informations", [nom for nom in entrees if nom not in places]))
    return [(legende, [_champ(entrees[nom]) for nom in noms]) for legende, noms in groupes if noms]


def _champ(variable) -> dict:
    type_ = variable.value_type
    aide, documentation = _aide(variable)
    champ = {"nom": variable.name, "label": variable.label, "aide": aide, "documentation": documentation}
    if type_ is bool:
        champ["type"] = "booleen"
    elif type_ is Enum:
        champ["type"] = "choix"
        champ["choix"] = [(membre.name, membre.value) for membre in variable.possible_values]
    elif type_ is date:
        champ["type"] = "date"
    elif type_ is str:
        champ["type"] = "texte"
    else:
        champ["type"] = "nombre"
        champ["pas"] = "1" if type_ is int else "any"
        champ["unite"] = "€" if getattr(variable, "unit", None) == "currency-EUR" else None
    return champ


def valeurs_exemple(tax_benefit_system) -> dict[str, str]:
    """The form pre-filled with the shipped example of an eligible training, as text."""
    valeurs = {
        nom: variable.default_value.name if variable.value_type is Enum else variable.default_value
        for nom, variable in variables_d_entree(tax_benefit_system).items()
    }
    for instances in formation_eligible.values():
        for instance in instances.values():
            for nom, par_periode in instance.items():
                if nom in valeurs and isinstance(par_periode, dict):
                    valeurs[nom] = next(iter(par_periode.values()))
    # A date the example leaves out stays empty, not OpenFisca's default (1970-01-01), and is not sent.
    dates = {nom for nom, variable in variables_d_entree(tax_benefit_system).items() if variable.value_type is date}
    exemple = {nom for instances in formation_eligible.values() for instance in instances.values() for nom in instance}
    return {nom: "" if nom in dates - exemple else _texte(valeur) for nom, valeur in valeurs.items()} | {"period": ""}


def _texte(valeur) -> str:
    if isinstance(valeur, bool):
        return "true" if valeur else "false"
    if isinstance(valeur, date):
        return valeur.isoformat()
    if isinstance(valeur, float) and valeur.is_integer():
        return str(int(valeur))
    return str(valeur)


def _valeur(variable, texte: str):
    """A form's text as the JSON value the web API would receive; what cannot be read is passed on as text,
    so that the validation names it."""
    if variable.value_type is bool:
        return booleen_saisi(texte)
    if variable.value_type in (int, float):
        return nombre_saisi(texte)
    return texte


def lire_formulaire(tax_benefit_system, formulaire) -> dict[str, str]:
    """The submitted text of each field (a checkbox sends its hidden 'false' then 'true' when checked)."""
    noms = [*variables_d_entree(tax_benefit_system), "period"]
    return {nom: formulaire.getlist(nom)[-1].strip() for nom in noms if formulaire.getlist(nom)}


def periode(saisie: dict) -> tuple[str | None, list[str]]:
    """(the month computed, why the month given is refused): the month given, else the filing date's month;
    None when neither is known (the filing date's own error then says why)."""
    if saisie.get("period"):
        try:
            return un_mois(saisie["period"]), []
        except PeriodeInvalideError as erreur:
            return None, [probleme.fr() for probleme in erreur.problemes]
    depot = saisie.get("date_depot_dossier", "")
    return (depot[:7], []) if jour(depot) else (None, [])


def manquants(tax_benefit_system, saisie: dict) -> list[str]:
    """The fields left empty that the model needs (a checkbox is never empty: unchecked is false)."""
    entrees = variables_d_entree(tax_benefit_system).items()
    return [nom for nom, v in entrees if v.value_type is not bool and nom not in FACULTATIFS and not saisie.get(nom)]


def situation(tax_benefit_system, saisie: dict, mois: str) -> dict:
    """The training as a web-API situation, one training in its own structure and campaign, from what was
    submitted only: an empty field is not given, an unchecked checkbox (which sends nothing) is false."""
    par_entite = {"formation": {}, "structure": {}}
    for nom, variable in variables_d_entree(tax_benefit_system).items():
        texte = saisie.get(nom, "false" if variable.value_type is bool else "")
        if texte:
            par_entite[variable.entity.key][nom] = {mois: _valeur(variable, texte)}
    return {
        "formations": {IDS["formation"]: par_entite["formation"]},
        "structures": {IDS["structure"]: {"formations": [IDS["formation"]], **par_entite["structure"]}},
        "campagnes": {"campagne": {"formations": [IDS["formation"]]}},
    }


def _calcul(tax_benefit_system, simulation, mois: str, appel: dict | None) -> dict:
    """The funding computation as the model did it: its intermediate variables, and the rate and ceiling of
    the rules that judged the dossier, those in force on its call's opening day (as `expliquer` reads them)."""
    variables = [nom for nom in CALCUL if nom in tax_benefit_system.variables]
    valeurs = {nom: valeur_json(simulation.calculate(nom, mois), 0) for nom in variables}
    regles = tax_benefit_system.parameters(appel["date_ouverture"]).financement_amorcage if appel else None
    plafond = getattr(regles, "plafond", None)
    if "plafond_financement_amorcage" in valeurs:  # the ceiling the model applied; null (unbounded) where none
        plafond = valeurs["plafond_financement_amorcage"]
    return {**valeurs, "taux": getattr(regles, "taux", None), "plafond": plafond}


def simuler(tax_benefit_system, saisie: dict) -> dict:
    """The page's answer: either `erreurs` (by field, and general), all at once, or the explanation and the
    computation, from one simulation."""
    erreurs = {nom: [OBLIGATOIRE.fr()] for nom in manquants(tax_benefit_system, saisie)}
    mois, erreurs_de_mois = periode(saisie)
    if erreurs_de_mois:
        erreurs["period"] = erreurs_de_mois
    # Without a month, the other fields are still checked, at a stand-in month that no message names.
    une_situation = situation(tax_benefit_system, saisie, mois or MOIS_DE_VERIFICATION)
    analyse, generales = None, []
    try:
        analyse = analyser_situation(tax_benefit_system, une_situation)
    except SituationInvalideError as erreur:
        messages, generales = par_champ(erreur.problemes, variables_d_entree(tax_benefit_system))
        for nom, textes in messages.items():
            erreurs.setdefault(nom, []).extend(textes)
    if erreurs or generales or mois is None:
        ordre = [champ["nom"] for _, liste in champs(tax_benefit_system) for champ in liste] + ["period"]
        return {"erreurs": dans_l_ordre(erreurs, ordre), "generales": generales}
    explication, simulation = expliquer(tax_benefit_system, une_situation, mois, analyse, avec_simulation=True)
    formation = explication["formations"][IDS["formation"]]
    appel = formation.get("call", explication["call"])  # the dossier's own call, where expliquer names it
    return {
        "periode": mois,
        "formation": formation,
        "appel": appel,
        "note": explication.get("note"),
        "calcul": _calcul(tax_benefit_system, simulation, mois, appel),
    }
