"""The simulator's answer in a training provider's words, read from the model's own computation.

- the verdict, and what the committee's decision changes (the model's
  convention while it is not known, said once, as a convention);
- the amount in one sentence ("50 % du budget de deux sessions, car la
  formation dure moins de 6 mois, dans la limite de 70 000 €"), every number
  of which is a variable computed for this dossier or a parameter of its call;
- each failed condition as what the training would need, with the threshold
  and its unit, from the values `expliquer` traced;
- a session's audience against the national objectives of its call;
- the sources by title, publisher and date.
"""

import math

import numpy

from openfisca_gen.explication import valeur_json
from openfisca_gen.helpers import dernier_jour
from openfisca_gen.pages import fichiers
from openfisca_gen.pages.champs import appels, parametre_de
from openfisca_gen.pages.francais import (
    date_lisible,
    euros,
    mois_lisible,
    nombre,
    ordinal,
    pluriel,
    pourcent,
    pourcent_pres_du_seuil,
)

EN_LETTRES = {1: "une", 2: "deux", 3: "trois", 4: "quatre"}
# The model's variables the answer reads; those a model lacks (an older or newer law) are left out.
LUES = (
    "eligible_labellisation",
    "labellisee",
    "eligible_financement_amorcage",
    "subvention_amorcage_non_reconduite",
    "financement_amorcage",
    "financement_amorcage_avant_plafond",
    "nombre_sessions_financees",
    "plafond_financement_amorcage",
    "plafond_par_structure_applique",
    "plafond_structure_financement_amorcage",
    "financement_amorcage_plafonne",
    "budget_session",
    "duree_formation_mois",
    "decision_comite_labellisation",
    "date_decision_comite",
    "label_decide_apres_dissolution",
    "decision_comite_retenue",
    "label_en_vigueur",
    "date_debut_formation",
    "nouvelle_formation_apres_dissolution",
    "date_fin_validite_label",
    "etat_programme",
    "nombre_apprenants",
    "nombre_femmes",
    "nombre_jeunes_neet_peu_qualifies",
    "part_femmes",
    "part_jeunes_neet_peu_qualifies",
    "montant_projet_innovation",
    "projet_innovation_depose_dans_les_delais",
    "projet_innovation_dans_les_bornes",
)
# A session's audience against an objective of its call: (share, count, objective, who).
OBJECTIFS = (
    ("part_femmes", "nombre_femmes", "publics_cibles.objectifs_nationaux.part_femmes", "Femmes"),
    (
        "part_jeunes_neet_peu_qualifies",
        "nombre_jeunes_neet_peu_qualifies",
        "publics_cibles.objectifs_nationaux.part_jeunes_neet_peu_qualifies",
        "Jeunes ni en emploi ni en formation, peu ou pas qualifiés",
    ),
)


def valeurs(simulation, mois: str) -> dict:
    """The answer's variables for the one training (or its structure), as plain values; None where infinite.
    A float64 is kept exact, not rounded as JSON answers are (to 6 decimals): the sentences compare these values
    with their thresholds, and a duration of 5.9999999 months is less than 6 months, as the model finds it."""
    systeme = simulation.tax_benefit_system
    return {nom: _valeur(simulation.calculate(nom, mois)) for nom in LUES if nom in systeme.variables}


def _valeur(tableau):
    if tableau.dtype == numpy.float64:
        valeur = float(tableau[0])
        return valeur if math.isfinite(valeur) else None
    return valeur_json(tableau, 0)


def _sessions(n) -> str:
    return "d'une session" if n == 1 else f"de {EN_LETTRES.get(n, nombre(n))} sessions"


def _plafonds(v: dict, avant: float | None = None) -> str:
    """The ceilings that bound the amount, as a clause: "dans la limite de 70 000 € par structure"; with `avant`,
    the amount before them, only those it exceeds (75 000 € was « au-delà » of a structure's 180 000 € too)."""
    par_structure = bool(v.get("plafond_par_structure_applique"))
    plafond = v.get("plafond_financement_amorcage")  # None: no ceiling known for the call
    de_la_structure = v.get("plafond_structure_financement_amorcage", plafond if par_structure else None)
    par_formation = plafond is not None and not par_structure
    reste = avant if avant is None or not par_formation else min(avant, plafond)  # the simulator's one training
    limites = []
    if par_formation and (avant is None or avant > plafond):
        limites.append(f"{euros(plafond)} par formation")
    structure = de_la_structure is not None and (par_structure or de_la_structure != plafond)
    if structure and (reste is None or reste > de_la_structure):
        limites.append(f"{euros(de_la_structure)} pour l'ensemble des formations de votre structure")
    return "dans la limite de " + " et de ".join(limites) if limites else "sans plafond connu pour cet appel"


def phrase_du_montant(v: dict, appel: dict | None) -> str:
    """The amount in one sentence, or why there is none; every number from the model for this dossier."""
    if not v["eligible_labellisation"]:
        return (
            "Pas de financement d'amorçage : il suppose une formation labellisée, et la formation ne remplit "
            "pas toutes les conditions du label."
        )
    if v.get("label_decide_apres_dissolution") and v.get("decision_comite_retenue"):  # its decision says why
        return "Pas de financement d'amorçage : le label ne peut plus être obtenu à cette date (voir ci-dessus)."
    if not v["labellisee"]:
        if v.get("decision_comite_labellisation") == "refusee":
            return "Pas de financement d'amorçage : le comité a refusé le label."
        return "Pas de financement d'amorçage : le comité n'a pas encore labellisé la formation."
    if not v.get("eligible_financement_amorcage", True):  # the model's own reason: each one's variable
        if v.get("subvention_amorcage_non_reconduite"):
            return (
                "Pas de financement d'amorçage : la subvention de cet appel est non reconductible, et la formation "
                "a été labellisée lors d'un appel précédent."
            )
        return (
            "Pas de financement d'amorçage : la formation a déjà accès aux financements de droit commun, que "
            "ce financement aide seulement à attendre."
        )
    regles = appel["regles"] if appel else None
    taux, seuil = parametre_de(regles, "financement_amorcage.taux"), None
    sessions = parametre_de(regles, "financement_amorcage.sessions_financees")
    if sessions is not None and sessions.duree_au_moins_egale_au_seuil != sessions.duree_inferieure_au_seuil:
        seuil = parametre_de(regles, "financement_amorcage.seuil_duree_mois")
    base = f"{pourcent(taux)} du budget {_sessions(v['nombre_sessions_financees'])}"
    if seuil is not None:
        base += (
            f", car la formation dure {'moins de' if v['duree_formation_mois'] < seuil else 'au moins'} "
            f"{nombre(seuil)} mois,"
        )
    montant = euros(v["financement_amorcage"])
    if v.get("financement_amorcage_plafonne"):
        au_dela = _plafonds(v, v["financement_amorcage_avant_plafond"]).replace(
            "dans la limite", "au-delà de la limite"
        )
        return f"{montant}, le plafond : {base} ferait {euros(v['financement_amorcage_avant_plafond'])}, {au_dela}."
    return f"{montant}, soit {base.rstrip(',')}, {_plafonds(v)}."


def calcul(v: dict, appel: dict | None) -> list[tuple[str, str]] | None:
    """The computation step by step (rows of a table), for a funded training only."""
    if not v["financement_amorcage"]:
        return None
    taux = parametre_de(appel["regles"], "financement_amorcage.taux") if appel else None
    plafond = v.get("plafond_financement_amorcage")
    etat = " (atteint)" if v.get("financement_amorcage_plafonne") else " (non atteint)"
    return [
        ("Budget d'une session", euros(v["budget_session"])),
        ("× sessions financées", nombre(v["nombre_sessions_financees"])),
        ("× taux du financement", pourcent(taux)),
        ("= montant avant plafond", euros(v["financement_amorcage_avant_plafond"])),
        ("Plafond", euros(plafond) + etat if plafond is not None else "aucun plafond connu pour cet appel"),
        ("= financement d'amorçage", euros(v["financement_amorcage"])),
    ]


def projet_innovation(v: dict, tax_benefit_system, mois: str) -> str | None:
    """The 2021 « Innovation » project (a grant apart from the label), where one is described: filed in time and
    within the call's amounts, as the model finds it in `mois`; None without a project."""
    if not v.get("montant_projet_innovation"):
        return None
    regles = tax_benefit_system.parameters(dernier_jour(mois))
    noms = ("date_annonce", "date_limite_depot", "montant_minimum", "montant_maximum")
    annonce, limite, minimum, maximum = (parametre_de(regles, f"appel_innovation.{nom}") for nom in noms)
    if None in (annonce, limite, minimum, maximum):  # before the call's announcement its rules do not exist
        annonces = tax_benefit_system.parameters.appel_innovation.date_annonce.values_list
        debut = min(valeur.instant_str for valeur in annonces)
        return (
            f"Projet « Innovation » : l'appel à projets de 2021 n'existait pas encore en {mois_lisible(mois)}, le "
            f"mois du calcul ; pour juger le projet, calculez un mois à partir de {mois_lisible(debut)} (« Mois du "
            "calcul »)."
        )
    a_temps, dans = v["projet_innovation_depose_dans_les_delais"], v["projet_innovation_dans_les_bornes"]
    return (
        f"Projet « Innovation » (2021) : déposé {'dans les' if a_temps else 'hors'} délais (du "
        f"{date_lisible(str(annonce))} au {date_lisible(str(limite))}), d'un montant de "
        f"{euros(v['montant_projet_innovation'])}, {'dans' if dans else 'hors de'} l'intervalle de {euros(minimum)} "
        f"à {euros(maximum)} : "
        f"{'il remplit les deux conditions de l’appel.' if a_temps and dans else 'il ne peut pas être retenu.'}"
    )


def decision(v: dict, formation: dict, mois: str, tax_benefit_system) -> str:
    """What the committee's decision is (and whether the label is in force in the month computed), or the
    convention the model follows while it is not known (said once): a label still to obtain, or none to obtain
    any more once the GIP is dissolved, the dossier still judged under its own call."""
    date = v.get("date_decision_comite")
    le = f" le {date_lisible(date)}" if date and date > "1970-01-01" else ""
    ecartee = formation.get("decision_set_aside") or {}
    if ecartee.get("cause") == "after_dissolution":
        depuis = _depuis_l_arrete(date, tax_benefit_system)  # the law of the decision's day, whatever the month
        if ecartee["decision"] == "labellisee":
            return f"La décision du comité datée du {date_lisible(date)} n'est pas retenue : {depuis}."
        return (
            f"Sans décision connue du comité, un label daté du {date_lisible(date)} ne peut pas être obtenu : {depuis}."
        )
    if ecartee:
        return (
            "La décision du comité (formation labellisée) n'est pas retenue : un label suppose que toutes les "
            "conditions soient remplies."
        )
    decidee = v.get("decision_comite_labellisation")
    en_vigueur = "est" if v.get("label_en_vigueur") else "n'est pas"
    # a training begun from the arrêté: its label runs only to the day before it (date_fin_validite_label)
    debut = v.get("date_debut_formation") if v.get("nouvelle_formation_apres_dissolution") else None
    debute = "a débuté" if debut and debut <= dernier_jour(mois) else "débute"  # a start after the month computed
    if decidee == "labellisee":
        if debut:
            return (
                f"Le comité de labellisation a labellisé la formation{le}, mais celle-ci {debute} le "
                f"{date_lisible(debut)}, à partir de l'arrêté du {_arrete(dernier_jour(mois), tax_benefit_system)} "
                f"qui dissout le GIP : son label ne court que jusqu'à la veille de l'arrêté, le "
                f"{date_lisible(v['date_fin_validite_label'])}, et il {en_vigueur} en vigueur en {mois_lisible(mois)}."
            )
        return (
            f"Le comité de labellisation a labellisé la formation{le} : le label {en_vigueur} en vigueur en "
            f"{mois_lisible(mois)}."
        )
    if decidee == "refusee":
        return f"Le comité de labellisation a refusé le label{le}."
    if not v["eligible_labellisation"]:
        return ""
    if v.get("etat_programme") == "dissous":
        depuis = _depuis_l_arrete(dernier_jour(mois), tax_benefit_system)
        if debut:
            depuis += (
                f" : celle-ci {debute} le {date_lisible(debut)}, et un label ne courrait pour elle que jusqu'à la "
                f"veille de l'arrêté, le {date_lisible(v['date_fin_validite_label'])} ; il {en_vigueur} en vigueur "
                f"en {mois_lisible(mois)}"
            )
        return (
            f"Aucune décision du comité n'est connue pour ce dossier, et {depuis}. "
            "Le simulateur juge le dossier selon les règles de son appel et le compte comme labellisé pour en "
            "calculer le financement : c'est une convention de calcul, seule la décision rendue par le comité fait foi."
        )
    return (
        "Le label reste à obtenir : le comité de labellisation choisit parmi les dossiers éligibles. Tant "
        "qu'il n'a pas rendu sa décision, le simulateur compte la formation comme labellisée pour en calculer "
        "le financement : c'est une convention de calcul, seule la décision du comité fait foi."
    )


def _arrete(jour: str, tax_benefit_system) -> str:
    """The day of the arrêté dissolving the GIP, as the law in force on `jour` gives it."""
    return date_lisible(str(parametre_de(tax_benefit_system.parameters(jour), "programme.date_fin_labellisation")))


def _depuis_l_arrete(jour: str, tax_benefit_system) -> str:
    """Since the arrêté dissolving the GIP (its day as the law in force on `jour` gives it), no label."""
    arrete = _arrete(jour, tax_benefit_system)
    return f"depuis l'arrêté du {arrete} qui dissout le GIP, aucune nouvelle formation ne peut obtenir le label"


def public(v: dict, saisie: dict, appel: dict | None) -> dict:
    """A session's audience against the objectives its call sets: {lignes, note}."""
    objectifs = [(o, parametre_de(appel["regles"], o[2]) if appel else None) for o in OBJECTIFS]
    objectifs = [(o, cible) for o, cible in objectifs if cible is not None and o[0] in v]
    if not objectifs:
        return {"lignes": [], "note": ""}
    apprenants = v.get("nombre_apprenants") or 0
    if not saisie.get("nombre_apprenants") or apprenants <= 0:
        return {
            "lignes": [],
            "note": "Indiquez le nombre d'apprenants d'une session pour comparer votre public aux objectifs nationaux.",
        }
    lignes = []
    for (part, compte, _, qui), cible in objectifs:
        if not saisie.get(compte):  # left empty: not known, which the model reads as 0 (« 0 sur 20 » was said)
            texte = f"{qui} : nombre non indiqué ; l'objectif national est de {pourcent(cible)}."
            lignes.append({"nom": part, "part": None, "objectif": cible, "atteint": None, "texte": texte})
            continue
        atteint = v[part] >= cible
        position = "en dessous de" if not atteint else "au niveau de" if v[part] == cible else "au-dessus de"
        lignes.append(
            {
                "nom": part,
                "part": v[part],
                "objectif": cible,
                "atteint": atteint,
                "texte": f"{qui} : {nombre(v[compte])} sur {pluriel(apprenants, 'apprenant')}, "
                f"soit {pourcent_pres_du_seuil(v[part], cible)}, {position} l'objectif "
                f"national de {pourcent(cible)}.",
            }
        )
    note = "Ces objectifs sont mesurés sur l'ensemble des formations labellisées : ils ne conditionnent pas le label."
    return {"lignes": lignes, "note": note}


def sources(references, titres: dict, base: str) -> list[dict]:
    """Each reference once, by title, publisher and date."""
    vues, liste = set(), []
    for reference in _a_plat(references):
        if not reference:
            continue
        lisible = fichiers.source_lisible(reference, titres, base)
        if lisible["texte"] not in vues:
            vues.add(lisible["texte"])
            liste.append(lisible)
    return liste


def _a_plat(references) -> list:
    """References given as one, a list, or lists of them (a parameter's and its values'), in one list."""
    if not isinstance(references, list | tuple):
        return [references]
    return [reference for element in references for reference in _a_plat(element)]


def appel_lisible(numero: int | None, systeme) -> dict | None:
    if not numero:
        return None
    appel = appels(systeme)[numero - 1]
    releves = appel["limites"]
    texte = f"{ordinal(numero)} appel, ouvert le {date_lisible(appel['ouverture'])}"
    texte += (
        f", date limite de dépôt le {date_lisible(releves[0])}"
        if len(releves) == 1
        else ", relevés des candidatures les " + ", ".join(date_lisible(d) for d in releves)
    )
    return {**appel, "texte": texte + "."}
