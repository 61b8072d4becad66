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
import tempfile
import zipfile
from pathlib import Path

import yaml
from openfisca_core import periods
from werkzeug.utils import secure_filename

from openfisca_gen.analyse import comparer
from openfisca_gen.population import POPULATION_EXEMPLE, DonneesInvalidesError, lire_population
from openfisca_gen.reforms import REFORMES, ReformeInvalideError, trouver_parametre
from openfisca_gen.validation import PeriodeInvalideError, un_mois

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
CHEMIN_CITE = re.compile(r"'([\w.]+)'")
LIGNE_COLONNE = re.compile(r"line (\d+).*?(?:column|field) '([^']+)'")
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


def _nombre(texte: str):
    try:
        nombre = float(texte.replace(",", ".").replace("\u202f", "").replace(" ", ""))
    except ValueError:
        return texte  # passed on: the reform's validation names it
    return int(nombre) if nombre.is_integer() else nombre


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
                valeur = texte == "true"
            elif not texte:
                if champ["valeur"] is not None:
                    erreurs[champ["nom"]] = ["Valeur manquante : donnez un nombre."]
                continue
            else:
                valeur = _nombre(texte)
            if valeur != champ["valeur"] or isinstance(valeur, str):
                resultat[champ["nom"]] = {champ["debut"]: valeur}
    return resultat, erreurs


def reforme_demandee(nom_livre: str, modifies: dict):
    """The reform to compare: a shipped one, the changed parameters, or both merged when the shipped
    one is itself a mapping of parameter values."""
    if not nom_livre:
        if not modifies:
            raise ReformeInvalideError(["Aucun changement : modifiez un paramètre ou choisissez une réforme livrée."])
        return modifies
    if nom_livre not in REFORMES:
        raise ReformeInvalideError([f"Unknown reform '{nom_livre}'; shipped reforms: {', '.join(REFORMES)}"])
    if not modifies:
        return nom_livre
    livres = getattr(REFORMES[nom_livre], "changements", None)
    if not isinstance(livres, dict):
        raise ReformeInvalideError(
            [f"La réforme livrée '{nom_livre}' change des formules : elle ne se combine pas avec des paramètres."]
        )
    return {chemin: {**livres.get(chemin, {}), **modifies.get(chemin, {})} for chemin in {**livres, **modifies}}


def erreurs_par_chemin(messages: list[str], chemins) -> tuple[dict[str, list[str]], list[str]]:
    """A reform's messages, by the parameter path they quote; the others apart."""
    par_chemin, autres = {}, []
    for message in messages:
        cite = next((c for c in CHEMIN_CITE.findall(message) if c in chemins), None)
        (par_chemin.setdefault(cite, []) if cite else autres).append(message)
    return par_chemin, autres


def lire_televersement(tax_benefit_system, fichier):
    """The uploaded CSV as a population, read as `openfisca-gen calculate --data` reads a file."""
    nom = secure_filename(fichier.filename or "") or "population.csv"
    with tempfile.TemporaryDirectory() as dossier:
        chemin = Path(dossier) / nom
        fichier.save(chemin)
        return lire_population(tax_benefit_system, chemin), nom


def erreurs_de_donnees(erreur: DonneesInvalidesError) -> list[dict]:
    """Each message with the line and column it names, when it names them."""
    lignes = []
    for message in erreur.erreurs:
        cite = LIGNE_COLONNE.search(message)
        lignes.append(
            {"ligne": cite.group(1) if cite else "", "colonne": cite.group(2) if cite else "", "message": message}
        )
    return lignes


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
    """The workshop's answer: `erreurs` by field and general, data errors by line, or the report."""
    reponse = {"erreurs": {}, "generales": [], "donnees": []}
    try:
        mois = un_mois(formulaire.get("period") or PERIODE_PAR_DEFAUT)
    except PeriodeInvalideError as erreur:
        reponse["erreurs"]["period"] = [str(erreur)]
        return reponse
    groupes = champs(tax_benefit_system, mois)
    modifies, reponse["erreurs"] = changements(groupes, formulaire)
    nom_livre = formulaire.get("reforme_livree", "")
    population, nom_donnees = None, "échantillon synthétique fourni (premier appel de 2015)"
    try:
        if fichier is not None and fichier.filename:
            population, nom_donnees = lire_televersement(tax_benefit_system, fichier)
        else:
            population = lire_population(tax_benefit_system, POPULATION_EXEMPLE)
    except DonneesInvalidesError as erreur:
        reponse["donnees"] = erreurs_de_donnees(erreur)
    try:
        reforme = reforme_demandee(nom_livre, modifies)
        if reponse["erreurs"] or reponse["donnees"]:
            return reponse
        comparaison = comparer(population, reforme, mois, tax_benefit_system)
    except ReformeInvalideError as erreur:
        chemins = {champ["nom"] for _, _, liste in groupes for champ in liste}
        par_chemin, reponse["generales"] = erreurs_par_chemin(erreur.erreurs, chemins)
        reponse["erreurs"].update(par_chemin)
        return reponse
    f = comparaison.formations
    return {
        **reponse,
        "periode": mois,
        "donnees_nom": nom_donnees,
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
