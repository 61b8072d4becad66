"""The reform workshop's form and answer: parameters named by their paths, the comparison report.

The fields are the main amounts of the seed funding, each condition of
`labellisation.conditions` and, where the model has them, each switch of
`interpretations`, all read from the parameter tree and pre-filled with the
values in force in the chosen month. The answer is `analyse.comparer` on the
bundled population or an uploaded CSV read by `population.lire_population`,
the functions behind `openfisca-gen compare` and `calculate`.
"""

import base64
import io
import re
import shlex
import tempfile
import zipfile
from pathlib import Path

import yaml
from openfisca_core import periods
from werkzeug.utils import secure_filename

from openfisca_gen.analyse import comparer
from openfisca_gen.pages.saisie import OBLIGATOIRE, booleen_saisi, dans_l_ordre, nombre_saisi, par_champ
from openfisca_gen.population import POPULATION_EXEMPLE, lire_population
from openfisca_gen.reforms import REFORMES, combiner, valider_changements
from openfisca_gen.validation import (
    DonneesInvalidesError,
    PeriodeInvalideError,
    Probleme,
    ReformeInvalideError,
    trouver_parametre,
    un_mois,
)

MONTANTS = (
    "financement_amorcage.taux",
    "financement_amorcage.plafond",
    "financement_amorcage.seuil_duree_mois",
    "financement_amorcage.enveloppe",
    "labellisation.duree_formation.minimum_mois",
    "labellisation.duree_formation.maximum_mois",
    "publics_cibles.objectifs_nationaux.part_femmes",
    "publics_cibles.objectifs_nationaux.part_jeunes_neet_peu_qualifies",
)
UNITES = {"/1": "part, de 0 à 1", "currency-EUR": "€", "month": "mois", "bool": None}
NOEUDS_DE_BASCULES = ("labellisation.conditions", "interpretations")
PERIODE_PAR_DEFAUT = "2015-10"
ECHANTILLON = "échantillon synthétique fourni (premier appel de 2015)"
GRAPHIQUES = {
    "distribution_financement": "Histogramme du financement d'amorçage par formation labellisée, "
    "sans la réforme et avec elle",
    "cout_par_statut": "Coût du financement d'amorçage par statut de structure, en millions d'euros, "
    "sans la réforme et avec elle",
    "gagnants_perdants": "Financement de chaque formation avec la réforme selon son financement sans elle : "
    "en vert les gagnants, en rouge les perdants",
}


def _en_vigueur(parametre, jour: str):
    """(value, start date) of the value in force on `jour`; None if the parameter has none then."""
    return next(((v.value, v.instant_str) for v in parametre.values_list if v.instant_str <= jour), None)


def champs(tax_benefit_system, mois: str) -> list[tuple[str, str, list[dict]]]:
    """The fieldsets (id, legend, fields); each field: path, description, value in force and its date."""
    jour = str(periods.period(mois).stop)
    parametres = tax_benefit_system.parameters

    def champ(parametre):
        en_vigueur = _en_vigueur(parametre, jour)
        if en_vigueur is None:
            return None
        valeur, debut = en_vigueur
        return {
            "nom": parametre.name,
            "label": parametre.description or parametre.name,
            "valeur": valeur,
            "debut": debut,
            "type": "booleen" if isinstance(valeur, bool) else "nombre",
            "unite": UNITES.get(parametre.metadata.get("unit"), parametre.metadata.get("unit")),
            "aide": " ".join((parametre.documentation or "").strip().split("\n\n")[0].split()),
        }

    montants = []
    for chemin in MONTANTS:
        try:
            montants.append(champ(trouver_parametre(parametres, chemin)))
        except ReformeInvalideError:  # a parameter the model does not have (any more)
            continue
    groupes = [("montants", "Montants et seuils", montants)]
    for chemin, legende in zip(NOEUDS_DE_BASCULES, ("Conditions appliquées", "Interprétations"), strict=True):
        try:
            noeud = trouver_parametre(parametres, chemin)
        except ReformeInvalideError:
            continue
        feuilles = [p for p in noeud.get_descendants() if hasattr(p, "values_list")]
        groupes.append((chemin.replace(".", "_"), legende, [champ(p) for p in feuilles]))
    return [(ident, legende, [c for c in liste if c]) for ident, legende, liste in groupes]


def changements(groupes, formulaire) -> tuple[dict, dict[str, list[str]]]:
    """{path: {start of the value in force: new value}} for each field the analyst changed, and
    the fields left empty where a value is needed."""
    resultat, erreurs = {}, {}
    for _, _, liste in groupes:
        for champ in liste:
            saisies = formulaire.getlist(champ["nom"])
            if not saisies:
                continue
            texte = saisies[-1].strip()
            if champ["type"] == "booleen":
                valeur = booleen_saisi(texte)
            elif not texte:
                if champ["valeur"] is not None:
                    erreurs[champ["nom"]] = [OBLIGATOIRE.fr()]
                continue
            else:
                valeur = nombre_saisi(texte)
            if valeur != champ["valeur"] or isinstance(valeur, str):  # text is passed on: the validation names it
                resultat[champ["nom"]] = {champ["debut"]: valeur}
    return resultat, erreurs


def reforme_demandee(nom_livre: str, modifies: dict):
    """The reform to compare: a registered one, the changed parameters, or both combined (the changed
    parameters on top of the registered reform: `reforms.combiner`)."""
    if not nom_livre and not modifies:
        raise ReformeInvalideError([Probleme("aucun_changement")])
    if not nom_livre:
        return modifies
    if nom_livre not in REFORMES:
        raise ReformeInvalideError([Probleme("reforme_inconnue", {"nom": nom_livre, "noms": sorted(REFORMES)})])
    return combiner(nom_livre, modifies) if modifies else nom_livre


def nom_televerse(fichier) -> str:
    """The uploaded file's own name, as the analyst knows it (a browser may send a full Windows path)."""
    return re.split(r"[\\/]", fichier.filename or "")[-1] or "population.csv"


def lire_televersement(tax_benefit_system, fichier):
    """The uploaded CSV as a population, read as `openfisca-gen calculate --data` reads a file; its problems
    name the file by its own name, never by the server's temporary copy."""
    nom = nom_televerse(fichier)
    with tempfile.TemporaryDirectory() as dossier:
        chemin = Path(dossier) / (secure_filename(nom) or "population.csv")
        fichier.save(chemin)
        return lire_population(tax_benefit_system, chemin, nom)


def erreurs_de_donnees(erreur: DonneesInvalidesError) -> list[dict]:
    """Each problem with where it points in the file, in the file's order: the header (a column), a line and
    its column, the rows of a structure (a value that differs between them), or the whole file."""
    lignes = []
    for probleme in erreur.problemes:
        if probleme.lieu == "ligne":
            rang, ou = (1, int(probleme.ligne)), str(probleme.ligne)
        elif probleme.lieu == "structure":
            rang, ou = (2, 0), f"lignes de la structure « {probleme.id} »"
        elif probleme.lieu == "colonne":
            rang, ou = (0, 0), "en-tête"
        else:
            rang, ou = (3, 0), "tout le fichier"
        lignes.append((rang, {"ligne": ou, "colonne": probleme.champ or "", "message": probleme.fr()}))
    return [ligne for _, ligne in sorted(lignes, key=lambda rang_ligne: rang_ligne[0])]


def _uri(octets: bytes, type_mime: str) -> str:
    return f"data:{type_mime};base64,{base64.b64encode(octets).decode()}"


def rapport(comparaison) -> dict:
    """The report's files as the CLI writes them (`Comparaison.ecrire`): the charts as images to show,
    the CSV tables in one zip to download."""
    with tempfile.TemporaryDirectory() as dossier:
        ecrits = comparaison.ecrire(dossier)
        archive = io.BytesIO()
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zip_:
            for chemin in ecrits:
                if chemin.suffix == ".csv":
                    zip_.write(chemin, chemin.name)
        graphiques = [
            {"src": _uri(chemin.read_bytes(), "image/png"), "alt": GRAPHIQUES.get(chemin.stem, chemin.stem)}
            for chemin in ecrits
            if chemin.suffix == ".png"
        ]
    return {"zip": _uri(archive.getvalue(), "application/zip"), "graphiques": graphiques}


def en_yaml(reforme) -> str | None:
    """The reform as the YAML file `openfisca-gen compare --reform FILE` reads; None for a shipped name."""
    if isinstance(reforme, str):
        return None
    return yaml.safe_dump(reforme, allow_unicode=True, sort_keys=False, default_flow_style=False)


def comparer_depuis_formulaire(tax_benefit_system, formulaire, fichier) -> dict:
    """The workshop's answer: every error at once (by field, general, data errors by line), or the report."""
    reponse = {"erreurs": {}, "generales": [], "donnees": []}
    try:
        mois = un_mois(formulaire.get("period") or PERIODE_PAR_DEFAUT)
    except PeriodeInvalideError as erreur:
        reponse["erreurs"]["period"] = [probleme.fr() for probleme in erreur.problemes]
        return reponse
    groupes = champs(tax_benefit_system, mois)
    modifies, reponse["erreurs"] = changements(groupes, formulaire)
    televerse = fichier is not None and bool(fichier.filename)
    population, nom_donnees = None, nom_televerse(fichier) if televerse else ECHANTILLON
    try:
        if televerse:
            population = lire_televersement(tax_benefit_system, fichier)
        else:
            population = lire_population(tax_benefit_system, POPULATION_EXEMPLE)
    except DonneesInvalidesError as erreur:
        reponse["donnees"], reponse["donnees_nom"] = erreurs_de_donnees(erreur), nom_donnees
    try:
        reforme = reforme_demandee(formulaire.get("reforme_livree", ""), modifies)
        if isinstance(reforme, dict):  # checked now, so that its errors show with the data's
            valider_changements(tax_benefit_system.parameters, reforme)
    except ReformeInvalideError as erreur:
        sans_changement = [p.cle for p in erreur.problemes] == ["aucun_changement"]
        if not (sans_changement and reponse["erreurs"]):  # "no change" because a field was left empty: it says why
            chemins = {champ["nom"] for _, _, liste in groupes for champ in liste}
            par_chemin, reponse["generales"] = par_champ(erreur.problemes, chemins)
            for chemin, messages in par_chemin.items():
                reponse["erreurs"].setdefault(chemin, []).extend(messages)
    if reponse["erreurs"] or reponse["generales"] or reponse["donnees"]:
        reponse["erreurs"] = dans_l_ordre(reponse["erreurs"], [c["nom"] for _, _, liste in groupes for c in liste])
        return reponse
    comparaison = comparer(population, reforme, mois, tax_benefit_system)
    f = comparaison.formations
    return {
        **reponse,
        "periode": mois,
        "donnees_nom": nom_donnees,
        "option_donnees": f" --data {shlex.quote(nom_donnees)}" if televerse else "",
        "nombre_formations": len(f),
        "cout": {
            "base": float(f["financement_amorcage_baseline"].sum()),
            "reforme": float(f["financement_amorcage_reform"].sum()),
        },
        "comparaison": comparaison,
        "reforme": reforme,
        "yaml": en_yaml(reforme),
        **rapport(comparaison),
    }
