"""The simulator's fields in a training provider's words: a question, a help of its own, the call that uses it.

Each input of the model gets a `Fiche`: the question asked, a help in plain
French (what to enter, why it matters), and how its messages name it (the
subject of "Le budget d'une session doit être un montant en euros, par
exemple 45 000."). A help's sentences may quote the rules of the chosen call
(`{taux}`, `{plafond}`, `{minimum_mois}`…): a sentence is shown only where
that call has the rule, with its value read from the model's parameters, so
that no number is written here. Which call uses which field is measured on
the model (`population.appels_des_colonnes`), not written by hand.

The fields come in the order a provider knows them: the dossier, the
training, its budget, a session's audience; what only the committee knows
(its decision and date) comes last, under "après la décision du comité".
"""

import functools
from dataclasses import dataclass
from datetime import date

from openfisca_core.indexed_enums import Enum

from openfisca_gen.helpers import conditions_applicables, ouvertures_des_appels
from openfisca_gen.limites import MAX_NOMBRE_SAISI, MAX_TEXTE
from openfisca_gen.pages.francais import euros, nombre, ordinal, periode_lisible, pourcent
from openfisca_gen.population import appels_des_colonnes
from openfisca_gen.validation.domaine import PARTIES_DES_APPRENANTS
from openfisca_gen.validation.tables import variables_d_entree


@dataclass(frozen=True)
class Fiche:
    question: str
    aide: tuple[str, ...]  # sentences; one quoting a rule the chosen call lacks is left out
    sujet: str  # how a message names the field: "Le budget d'une session"
    attendu: str = "un nombre"  # what to write: "un montant en euros"
    exemple: str = ""
    groupe: str = "autres"
    facultatif: bool = False  # may be left empty: the result then says what it could not compare


GROUPES = {
    "dossier": "Votre dossier",
    "formation": "Votre formation",
    "financement": "Son budget",
    "public": "Le public d'une session",
    "complements": "Pour compléter (facultatif : sans effet sur le financement ; la date de début compte après 2025)",
    "autres": "Autres informations",
    "decision": "Après la décision du comité",
}
NON_NEGATIF = "un nombre de personnes"
FICHES = {
    "date_depot_dossier": Fiche(
        "Date de dépôt de votre dossier",
        ("Le jour où vous déposez votre dossier de candidature, ou prévoyez de le faire.",
         "Le {appel} reçoit les dossiers {fenetre} ; un dossier déposé hors de ces dates ne peut pas être "
         "labellisé."),
        "La date de dépôt", "une date", "12/10/2015", "dossier"),
    "statut_structure": Fiche(
        "Statut juridique de votre structure",
        ("La structure qui porte la formation et dépose le dossier.",),
        "Le statut de la structure", "l'un des statuts de la liste", "Association", "dossier"),
    "metier_vise": Fiche(
        "Métier auquel prépare la formation",
        ("Le label est réservé aux formations qui préparent à un métier du numérique : choisissez « {hors} » si "
         "ce n'est pas le cas.",),
        "Le métier visé", "l'un des métiers de la liste", "Développeur web", "formation"),
    "duree_formation_mois": Fiche(
        "Durée de la formation, en mois",
        ("La durée d'une session, en mois : écrivez 4,5 pour quatre mois et demi.",
         "Le label demande une durée de {minimum_mois} à {maximum_mois}.",
         "Le financement porte sur le budget de deux sessions pour une formation de moins de {seuil_duree_mois}, "
         "d'une seule à partir de {seuil_duree_mois}."),
        "La durée de la formation", "un nombre de mois", "7", "formation"),
    "formation_gratuite": Fiche(
        "La formation est gratuite pour les apprenants",
        ("Cochez si les apprenants ne paient rien. Une formation payante ne peut pas être labellisée.",),
        "La case « gratuite »", exemple="cochée", groupe="formation"),
    "prerequis_academiques_exiges": Fiche(
        "La formation exige un diplôme ou un niveau d'études",
        ("Cochez si vous sélectionnez les candidats sur un diplôme ou un niveau d'études. Le label demande un "
         "recrutement sur la motivation, sans prérequis académique.",),
        "La case « diplôme exigé »", exemple="décochée", groupe="formation"),
    "pedagogie_innovante": Fiche(
        "La formation s'engage sur une pédagogie innovante",
        ("Par exemple : pédagogie par projets, apprentissage entre pairs, pédagogie de la confiance. C'est un "
         "engagement demandé par le label.",),
        "La case « pédagogie innovante »", exemple="cochée", groupe="formation"),
    "labellisee_lors_d_un_appel_precedent": Fiche(
        "Cette formation a déjà été labellisée lors d'un appel précédent",
        ("Cochez si cette même formation a déjà obtenu le label lors d'un appel précédent.",
         "Le {sans_relabellisation} ne labellise que des formations qui ne l'ont pas encore.",
         "Le {non_reconductible} ne finance pas une formation déjà labellisée : sa subvention n'est pas "
         "reconductible."),
        "La case « déjà labellisée »", exemple="décochée", groupe="formation"),
    "budget_session": Fiche(
        "Budget d'une session, en euros",
        ("Ce que coûte une session de la formation : encadrement, locaux, matériel…",
         "Le financement d'amorçage en couvre {taux}.",
         "Il est plafonné à {plafond}."),
        "Le budget d'une session", "un montant en euros", "45 000", "financement"),
    "financements_droit_commun_obtenus": Fiche(
        "La formation a déjà accès aux financements de droit commun",
        ("Cochez si la formation est déjà reconnue pour être financée comme une formation professionnelle "
         "ordinaire (par la Région, Pôle emploi…). Le financement d'amorçage sert à attendre ces financements : "
         "il n'est plus versé une fois qu'ils sont obtenus.",),
        "La case « financements de droit commun »", exemple="décochée", groupe="financement"),
    "nombre_apprenants": Fiche(
        "Nombre d'apprenants d'une session",
        ("Combien de personnes une session accueille.",
         "Il sert à comparer votre public aux objectifs nationaux ; il ne conditionne pas le label.",
         "Donnez-le dès que vous indiquez l'une de ses parties (femmes, jeunes, personnes en recherche d'emploi) : "
         "aucune ne peut le dépasser."),
        "Le nombre d'apprenants", NON_NEGATIF, "20", "public", True),
    "nombre_femmes": Fiche(
        "Dont femmes",
        ("Combien de femmes parmi les apprenants d'une session.",
         "L'objectif national est de {objectif_femmes} de femmes parmi les apprenants de l'ensemble des formations "
         "labellisées : ce n'est pas une condition du label."),
        "Le nombre de femmes", NON_NEGATIF, "7", "public", True),
    "nombre_jeunes_neet_peu_qualifies": Fiche(
        "Dont jeunes ni en emploi ni en formation, peu ou pas qualifiés",
        ("Jeunes sans emploi et hors formation, de niveau bac ou inférieur (le modèle retient les 16 à 25 ans).",
         "L'objectif national est de {objectif_neet} de ces jeunes parmi les apprenants de l'ensemble des "
         "formations labellisées : ce n'est pas une condition du label."),
        "Le nombre de jeunes peu qualifiés", NON_NEGATIF, "11", "public", True),
    "nombre_demandeurs_emploi_peu_qualifies": Fiche(
        "Dont demandeurs d'emploi peu ou pas qualifiés",
        ("Personnes en recherche d'emploi, de niveau bac ou inférieur, quel que soit leur âge.",
         "Le label demande d'en accueillir au moins {effectif_minimal} par session."),
        "Le nombre de demandeurs d'emploi peu qualifiés", NON_NEGATIF, "12", "public"),
    "nombre_apprenants_niveau_bac_ou_infra": Fiche(
        "Dont apprenants de niveau bac ou inférieur",
        ("Apprenants sans diplôme au-delà du bac.",
         "L'appel vise {objectif_bac} de ces apprenants dans chaque session, sans en faire une condition."),
        "Le nombre d'apprenants de niveau bac ou inférieur", NON_NEGATIF, "16", "complements", True),
    "nombre_residents_qpv": Fiche(
        "Dont habitants d'un quartier prioritaire (QPV)",
        ("Apprenants qui habitent un quartier prioritaire de la politique de la ville : une attention leur est "
         "portée, sans objectif chiffré.",),
        "Le nombre d'habitants d'un quartier prioritaire", NON_NEGATIF, "4", "complements", True),
    "nombre_residents_zrr": Fiche(
        "Dont habitants d'une zone de revitalisation rurale (ZRR)",
        ("Apprenants qui habitent une zone de revitalisation rurale : une attention leur est portée, sans "
         "objectif chiffré.",),
        "Le nombre d'habitants d'une zone rurale", NON_NEGATIF, "1", "complements", True),
    "lieu_formation": Fiche(
        "Lieu de la formation",
        ("La ville ou l'adresse du site, s'il n'est pas celui de votre structure : il sert à compter les "
         "« fabriques » (les lieux labellisés).",),
        "Le lieu", "un nom de lieu", "Nantes", "complements", True),
    "decision_comite_labellisation": Fiche(
        "Décision du comité de labellisation",
        ("Le comité choisit parmi les dossiers éligibles. Avant sa décision, laissez « non encore rendue » : le "
         "simulateur compte alors une formation éligible comme labellisée.",),
        "La décision du comité", "l'une des décisions de la liste", "Formation labellisée par le comité",
        "decision", True),
    "date_debut_formation": Fiche(
        "Date de début de la formation",
        ("Depuis la dissolution du GIP Grande École du numérique (arrêté du 8 janvier 2025), une formation "
         "commencée à partir de cette date n'a plus de label en vigueur. Avant 2025, laissez vide.",),
        "La date de début", "une date", "05/01/2016", "complements", True),
    "montant_projet_innovation": Fiche(
        "Montant demandé à l'appel « Innovation » (2021)",
        ("Seulement si vous avez déposé un projet à l'appel à projets « Innovation » de 2021, distinct du "
         "label : laissez vide sinon.",),
        "Le montant du projet", "un montant en euros", "25 000", "autres", True),
    "date_depot_projet_innovation": Fiche(
        "Date de dépôt du projet « Innovation » (2021)",
        ("Seulement si vous avez déposé un projet à l'appel à projets « Innovation » de 2021 : laissez vide "
         "sinon.",),
        "La date de dépôt du projet", "une date", "15/09/2021", "autres", True),
    "date_decision_comite": Fiche(
        "Date de la décision du comité",
        ("Le label court à partir de cette date. Laissez vide si la décision n'est pas rendue.",),
        "La date de la décision", "une date", "03/02/2016", "decision", True),
}  # fmt: skip
PERIODE = Fiche(
    "Mois du calcul",
    (
        "Pour savoir si le label est en vigueur un mois donné, à partir du mois du dépôt. Laissez vide : le mois du "
        "dépôt. Le label et le financement n'en dépendent pas.",
    ),
    "Le mois du calcul",
    "un mois",
    "10/2015",
    "decision",
    True,
)
FICHE_APPEL = Fiche("Appel à labellisation", (), "L'appel", "l'un des appels de la liste", "1er appel", "dossier")


def fiche(tax_benefit_system, nom: str) -> Fiche:
    """The field's description; an input the model gains later is asked by its own label, under "Autres"."""
    if nom == "period":
        return PERIODE
    if nom == "appel":
        return FICHE_APPEL
    if nom in FICHES:
        return FICHES[nom]
    variable = tax_benefit_system.variables[nom]
    return Fiche(variable.label, (), f"« {variable.label} »", "une valeur", "", "autres", True)


def parametre_de(regles, chemin: str):
    """The value at `chemin` in a call's rules; None where the call sets none (OpenFisca then leaves it out)."""
    noeud = regles
    for nom in chemin.split("."):
        try:
            noeud = getattr(noeud, nom)
        except AttributeError:  # ParameterNotFoundError included
            return None
    return noeud


def _formate(valeur, unite) -> str | None:
    if valeur is None:
        return None
    return {"mois": f"{nombre(valeur)} mois", "%": pourcent(valeur), "€": euros(valeur)}.get(unite, nombre(valeur))


def _annees(debut: str, fin: str) -> str:
    return debut[:4] if debut[:4] == fin[:4] else f"{debut[:4]}-{fin[:4]}"


@functools.cache
def appels(tax_benefit_system) -> tuple[dict, ...]:
    """Each call of the model, in order: its number, opening day, deadlines, and its rules (at its opening)."""
    resultat = []
    for numero, valeur in enumerate(ouvertures_des_appels(tax_benefit_system.parameters), 1):
        regles = tax_benefit_system.get_parameters_at_instant(valeur.instant_str)
        limites = [str(d) for d in regles.calendrier.dates_limites_depot]
        ouverture = str(valeur.value)
        resultat.append(
            {
                "numero": numero,
                "ouverture": ouverture,
                "limites": limites,
                "regles": regles,
                "libelle": f"{ordinal(numero)} appel ({_annees(ouverture, max(limites))})",
            }
        )
    return tuple(resultat)


@functools.cache
def regles_lisibles(tax_benefit_system, numero: int) -> dict[str, str]:
    """The rules of call `numero` a help may quote, written in French; a rule the call does not apply is absent."""
    liste = appels(tax_benefit_system)
    appel, premier = liste[numero - 1], liste[0]["regles"]
    regles = appel["regles"]
    applicables = conditions_applicables(regles, premier)
    sessions = parametre_de(regles, "financement_amorcage.sessions_financees")
    duree = "labellisation.duree_formation."
    lues = {
        "taux": ("financement_amorcage.taux", "%", True),
        "plafond": ("financement_amorcage.plafond", "€", True),
        "minimum_mois": (duree + "minimum_mois", "mois", "duree_formation_eligible" in applicables),
        "maximum_mois": (duree + "maximum_mois", "mois", "duree_formation_eligible" in applicables),
        "seuil_duree_mois": (
            "financement_amorcage.seuil_duree_mois",
            "mois",
            sessions is not None and sessions.duree_au_moins_egale_au_seuil != sessions.duree_inferieure_au_seuil,
        ),
        "effectif_minimal": (
            "labellisation.effectif_minimal_demandeurs_emploi_peu_qualifies",
            None,
            "effectif_demandeurs_emploi_peu_qualifies_suffisant" in applicables,
        ),
        "objectif_femmes": ("publics_cibles.objectifs_nationaux.part_femmes", "%", True),
        "objectif_neet": ("publics_cibles.objectifs_nationaux.part_jeunes_neet_peu_qualifies", "%", True),
        "objectif_bac": ("publics_cibles.objectifs_par_session.part_niveau_bac_ou_infra", "%", True),
    }
    textes = {nom: _formate(parametre_de(regles, chemin), unite) for nom, (chemin, unite, vrai) in lues.items() if vrai}
    hors = tax_benefit_system.variables["metier_vise"].possible_values.__members__.get("hors_numerique")
    nom_de_l_appel = f"{ordinal(numero)} appel"  # a sentence of a rule the call has names it; of another, none
    sans_relabellisation = "non_labellisee_lors_des_appels_precedents" in applicables
    non_reconductible = parametre_de(regles, "financement_amorcage.non_reconductible") and not sans_relabellisation
    textes |= {
        "appel": nom_de_l_appel,
        "sans_relabellisation": nom_de_l_appel if sans_relabellisation else "",
        "non_reconductible": nom_de_l_appel if non_reconductible else "",  # the third call labels it no more
        "fenetre": periode_lisible(appel["ouverture"], max(appel["limites"])),
        "hors": hors.value if hors is not None else "",
    }
    return {nom: texte for nom, texte in textes.items() if texte}


def aide(tax_benefit_system, nom: str, numero: int, appels_du_champ) -> str:
    """The field's help for call `numero`: its sentences whose rules that call has, and which calls use it."""
    regles = regles_lisibles(tax_benefit_system, numero)
    phrases = []
    for phrase in fiche(tax_benefit_system, nom).aide:
        try:
            phrases.append(phrase.format_map(regles))
        except KeyError:  # a rule this call does not have: the sentence does not apply to it
            continue
    tous = [appel["numero"] for appel in appels(tax_benefit_system)]
    if appels_du_champ and list(appels_du_champ) != tous:
        noms = " et ".join(", ".join(ordinal(n) for n in appels_du_champ).rsplit(", ", 1))
        phrases.append(
            f"Pris en compte {'au' if len(appels_du_champ) == 1 else 'aux'} {noms} appel"
            f"{'s' if len(appels_du_champ) > 1 else ''}."
        )
    return " ".join(phrases)


@functools.cache
def appels_par_champ(tax_benefit_system) -> dict[str, tuple[int, ...]]:
    """For each input, the calls whose rules read it (measured on the model once per system); the learners' count
    wherever one of its parts is asked, since the parts are checked against it."""
    par_champ = {nom: set(numeros) for nom, numeros in appels_des_colonnes(tax_benefit_system).items()}
    parties = set().union(*(par_champ.get(nom, set()) for nom in PARTIES_DES_APPRENANTS))
    par_champ["nombre_apprenants"] = par_champ.get("nombre_apprenants", set()) | parties
    return {nom: tuple(sorted(numeros)) for nom, numeros in par_champ.items()}


def _type(variable) -> dict:
    if variable.value_type is bool:
        return {"type": "booleen"}
    if variable.value_type is Enum:
        return {"type": "choix", "choix": [(membre.name, membre.value) for membre in variable.possible_values]}
    if variable.value_type is date:
        return {"type": "date"}
    if variable.value_type is str:
        return {"type": "texte", "inputmode": "text", "maximum": MAX_TEXTE}  # a browser types no more
    unite = {"currency-EUR": "€", "month": "mois"}.get(getattr(variable, "unit", None))
    entier = variable.value_type is int
    return {
        "type": "nombre",
        "inputmode": "numeric" if entier else "decimal",
        "unite": unite,
        "maximum": MAX_NOMBRE_SAISI,
    }


@functools.lru_cache(maxsize=16)
def champs(tax_benefit_system, numero: int) -> list[tuple[str, str, list[dict]]]:
    """The form's fieldsets for call `numero`: (id, legend, fields). Every input is there (a field the call does
    not use is hidden, and sent by nobody); each field says the calls that use it (`appels`), whether it must be
    filled, and its help for that call. Built once per system and call, read by every request (never written)."""
    utilises = appels_par_champ(tax_benefit_system)
    groupes: dict[str, list[dict]] = {groupe: [] for groupe in GROUPES}
    for nom, variable in variables_d_entree(tax_benefit_system).items():
        description, par = fiche(tax_benefit_system, nom), utilises.get(nom, ())
        visible = not par or numero in par
        champ = {
            "nom": nom,
            "question": description.question,
            "appels": par,
            "visible": visible,
            "aide": aide(tax_benefit_system, nom, numero, par),
            **_type(variable),
        }
        champ["obligatoire"] = visible and not description.facultatif and champ["type"] != "booleen"
        groupes[description.groupe].append(champ)
    ordre = list(FICHES)
    tous = [champ for liste in groupes.values() for champ in liste]
    # A part of the learners asked for (the third call's job seekers) is checked against their count: asked too
    partie = any(champ["obligatoire"] for champ in tous if champ["nom"] in PARTIES_DES_APPRENANTS)
    for champ in tous:
        champ["obligatoire"] = champ["obligatoire"] or (partie and champ["nom"] == "nombre_apprenants")
    for liste in groupes.values():
        liste.sort(key=lambda champ: ordre.index(champ["nom"]) if champ["nom"] in ordre else len(ordre))
    groupes["decision"].append(
        {
            "nom": "period",
            "question": PERIODE.question,
            "appels": (),
            "visible": True,
            "obligatoire": False,
            "aide": " ".join(PERIODE.aide),
            "type": "mois",
            "inputmode": "text",
        }
    )
    return [(groupe, GROUPES[groupe], liste) for groupe, liste in groupes.items() if liste]
