"""The web pages of `openfisca-gen serve`, in French, on the same functions as the web API.

- `/simulateur`: a training provider describes one training and reads whether
  it is eligible, why not, and the seed funding with its computation;
- `/reformes`: a policy analyst changes parameters (or picks a shipped
  reform), on the bundled sample or an uploaded CSV, and reads the comparison
  report with its charts, its CSV tables and the reform as YAML;
- `/sources/<path>`: the package's own files and stored texts, read-only, so
  that the `source` links and the references the web API gives (and the
  Legislation Explorer shows) resolve where the package has no public
  repository.

Everything works as plain HTML forms; pages.js only saves a reload.
`enregistrer(app, tax_benefit_system)` adds all this to OpenFisca's app.
"""

import re
from datetime import date
from pathlib import Path

import numpy
from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from openfisca_core.errors import PeriodMismatchError, SituationParsingError
from openfisca_core.indexed_enums import Enum
from werkzeug.exceptions import RequestEntityTooLarge

from openfisca_gen.pages import fichiers, reformes, simulateur
from openfisca_gen.reforms import REFORMES, description
from openfisca_gen.validation import PeriodeInvalideError, Probleme, ReformeInvalideError, trouver_parametre, un_mois

ICI = Path(__file__).parent
# Pages load nothing from elsewhere; charts and downloads are data: URIs.
POLITIQUE = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'"
LIBELLES = {  # the report's keys (variable names have their own labels)
    "baseline": "Sans la réforme",
    "reform": "Avec la réforme",
    "difference": "Différence",
    "value": "Valeur",
    "variable": "Indicateur",
    "indicator": "Indicateur",
    "trainings_gaining_eligibility": "Formations qui deviennent éligibles",
    "trainings_losing_eligibility": "Formations qui cessent d'être éligibles",
    "winners": "Gagnantes (formations)",
    "winners_total_gain": "Gain total des gagnantes (€)",
    "losers": "Perdantes (formations)",
    "losers_total_loss": "Perte totale des perdantes (€)",
    "trainings": "Formations",
    "labellisee_baseline": "Labellisées sans la réforme",
    "labellisee_reform": "Labellisées avec la réforme",
    "financement_amorcage_baseline": "Coût sans la réforme (€)",
    "financement_amorcage_reform": "Coût avec la réforme (€)",
    "funding_band_baseline": "Financement sans la réforme",
    "campagne_id": "Campagne",
}

pages = Blueprint("pages", __name__, template_folder="templates", static_folder="static", static_url_path="/pages")


def _systeme():
    return current_app.extensions["openfisca_gen.pages"]["tax_benefit_system"]


def _reglages() -> dict:
    return current_app.extensions["openfisca_gen.pages"]


def _racine_publique() -> str:
    return _reglages()["public_url"] or request.host_url


def base_des_fichiers() -> str:
    return fichiers.base_des_fichiers(_reglages()["metadonnees"], _racine_publique())


def euros(valeur) -> str:
    """45 000 €, with a narrow no-break space as French typography wants."""
    if valeur is None:
        return "aucun"
    return f"{valeur:,.0f}".replace(",", "\u202f").replace("-", "−") + "\u00a0€"


def nombre(valeur) -> str:
    """A number as French reads it: 1 234, 0,25; booleans as oui/non."""
    if isinstance(valeur, bool | numpy.bool_):
        return "oui" if valeur else "non"
    if isinstance(valeur, int | numpy.integer) or (
        isinstance(valeur, float | numpy.floating) and float(valeur).is_integer()
    ):
        return f"{valeur:,.0f}".replace(",", "\u202f").replace("-", "−")
    if isinstance(valeur, float | numpy.floating):
        texte = f"{valeur:,.3f}".rstrip("0").rstrip(".") if abs(valeur) < 1 else f"{valeur:,.2f}"  # 0,5 not 0,500
        return texte.replace(",", "\u202f").replace(".", ",").replace("-", "−")
    return str(valeur)


def nombre_brut(valeur: float) -> str:
    """A plain number for a data-* attribute: 4025400, 1234.5."""
    return f"{valeur:.2f}".rstrip("0").rstrip(".")


MOIS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
        "décembre")  # fmt: skip


def date_lisible(texte) -> str:
    jour = texte if isinstance(texte, date) else date.fromisoformat(str(texte))
    return f"{jour.day}{'er' if jour.day == 1 else ''} {MOIS[jour.month - 1]} {jour.year}"


def mois_lisible(texte: str) -> str:
    """'2015-10' as French reads it: octobre 2015."""
    annee, mois = str(texte).split("-")
    return f"{MOIS[int(mois) - 1]} {annee}"


def libelle_enum(nom: str, valeur) -> str | None:
    """The label of `valeur` when it is the name of a value of the Enum variable `nom`, else None."""
    variable = _systeme().variables.get(nom)
    if variable is None or variable.value_type is not Enum or not isinstance(valeur, str):
        return None
    membre = variable.possible_values.__members__.get(valeur)
    return membre.value if membre is not None else None


def libelle(cle) -> str:
    """A table's label in French: the variable's label, an Enum value's, or the translation of a heading."""
    cle = str(cle)
    systeme = _systeme()
    if cle in systeme.variables:
        return systeme.variables[cle].label
    return libelle_enum("statut_structure", cle) or LIBELLES.get(cle, cle)  # the report's rows by status


def tableau(table) -> dict:
    """A pandas table (or series) for the template: headings in French, cells as French text, each saying
    whether it is a number (aligned right) or words (aligned left, wrapped)."""
    table = table.to_frame() if table.ndim == 1 else table
    index = [n or "" for n in table.index.names]
    variables = _systeme().variables

    def cellule(cle, valeur):
        nom = str(cle[-1] if isinstance(cle, tuple) else cle)
        variable = variables.get(nom)
        if (etiquette := libelle_enum(nom, valeur)) is not None:
            return {"texte": etiquette, "nombre": False}
        if getattr(variable, "unit", None) == "/1" and isinstance(valeur, float | numpy.floating):
            return {"texte": nombre(round(float(valeur) * 100, 1)) + "\u00a0%", "nombre": True}  # a share, in %
        est_un_nombre = isinstance(valeur, int | float | numpy.number) and not isinstance(valeur, bool)
        return {"texte": nombre(valeur), "nombre": est_un_nombre}

    lignes = [
        {"entetes": [libelle(c) for c in (cle if isinstance(cle, tuple) else (cle,))],
         "cellules": [cellule(cle, v) for v in ligne]}
        for cle, ligne in zip(table.index, table.to_numpy(), strict=True)
    ]  # fmt: skip
    return {"colonnes": [libelle(c) for c in [*index, *table.columns]], "lignes": lignes, "largeur_index": len(index)}


def lien_reference(reference) -> dict:
    """A variable's reference as {text, href}: its own URL, or the stored text this server serves."""
    if isinstance(reference, dict):
        texte = reference.get("title") or reference.get("href", "")
        return {"texte": texte, "href": reference.get("href") or fichiers.url_de_reference(texte, base_des_fichiers())}
    return {"texte": reference, "href": fichiers.url_de_reference(reference, base_des_fichiers())}


@pages.app_template_global()
def description_de(nom: str) -> str:
    """A variable's label, or a parameter's description, to show beside its name."""
    systeme = _systeme()
    if nom in systeme.variables:
        return systeme.variables[nom].label
    try:
        return trouver_parametre(systeme.parameters, nom).description or ""
    except ReformeInvalideError:
        return ""


@pages.app_template_global()
def valeur_de(nom: str, valeur) -> str:
    """A variable's or a parameter's value as French reads it: an Enum by its label, a list joined."""
    if (etiquette := libelle_enum(nom, valeur)) is not None:
        return etiquette
    if isinstance(valeur, list):
        return ", ".join(date_lisible(v) if _est_une_date(v) else nombre(v) for v in valeur)
    return date_lisible(valeur) if _est_une_date(valeur) else nombre(valeur)


def _est_une_date(valeur) -> bool:
    return isinstance(valeur, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", valeur) is not None


pages.add_app_template_filter(euros)
pages.add_app_template_filter(nombre)
pages.add_app_template_filter(nombre_brut)
pages.add_app_template_filter(date_lisible)
pages.add_app_template_filter(mois_lisible)
pages.add_app_template_filter(lien_reference)


@pages.after_request
def securite(reponse):
    reponse.headers["Content-Security-Policy"] = POLITIQUE
    reponse.headers["X-Content-Type-Options"] = "nosniff"
    return reponse


@pages.route("/simulateur", methods=["GET", "POST"])
def page_simulateur():
    """The form pre-filled with the shipped example on GET; a POST is answered from what it submitted only."""
    systeme = _systeme()
    saisie, resultat = simulateur.valeurs_exemple(systeme), None
    if request.method == "POST":
        saisie = simulateur.lire_formulaire(systeme, request.form)
        try:
            resultat = simulateur.simuler(systeme, saisie)
        except (SituationParsingError, PeriodMismatchError) as erreur:
            resultat = {"erreurs": {}, "generales": [str(erreur.error)]}
    return render_template("simulateur.html", groupes=simulateur.champs(systeme), saisie=saisie, resultat=resultat)


@pages.route("/reformes", methods=["GET", "POST"])
def page_reformes():
    systeme = _systeme()
    resultat, erreur_periode, saisie = None, None, {}
    try:
        saisie = request.form if request.method == "POST" else {}
    except RequestEntityTooLarge:  # the form is read only up to the server's limit
        message = Probleme("fichier_trop_gros", {"maximum": current_app.config["MAX_CONTENT_LENGTH"]}).fr()
        resultat = {"erreurs": {"donnees": [message]}, "generales": [], "donnees": []}
    source = saisie or request.args
    try:
        mois = un_mois(source.get("period") or reformes.PERIODE_PAR_DEFAUT)
    except PeriodeInvalideError as erreur:
        mois, erreur_periode = reformes.PERIODE_PAR_DEFAUT, " ".join(p.fr() for p in erreur.problemes)
    if saisie and erreur_periode is None:
        resultat = reformes.comparer_depuis_formulaire(systeme, saisie, request.files.get("donnees"))
    return render_template(
        "reformes.html",
        periode=mois,
        periode_saisie=source.get("period", mois),
        erreur_periode=erreur_periode,
        groupes=reformes.champs(systeme, mois),
        saisie=saisie,
        livrees=[(nom, getattr(classe, "name", nom), description(nom)) for nom, classe in REFORMES.items()],
        resultat=resultat,
        tableau=tableau,
    )


@pages.route("/sources", defaults={"chemin": ""})
@pages.route("/sources/<path:chemin>")
def page_source(chemin):
    """A file of the package, its lines numbered (#L12 or #L12-L20 shows a range), or a folder's content."""
    chemin = chemin.strip("/")
    if not chemin:
        return render_template("source.html", chemin="", dossier=[(racine, True) for racine in fichiers.RACINES])
    trouve = fichiers.trouver(chemin)
    if trouve is None:
        abort(404)
    if trouve.is_dir():
        return render_template("source.html", chemin=chemin, dossier=fichiers.contenu_du_dossier(trouve, chemin))
    lignes = trouve.read_text(encoding="utf-8").splitlines()
    return render_template("source.html", chemin=chemin, lignes=lignes)


def page_d_accueil():
    """A browser asking for HTML on `/` is sent to the simulator; API clients keep OpenFisca's answer."""
    navigateur = request.accept_mimetypes.best_match(["application/json", "text/html"]) == "text/html"
    if request.path == "/" and request.method == "GET" and navigateur:
        return redirect(url_for("pages.page_simulateur"))
    return None


def liens_resolus(reponse):
    """/variable/<name> and /parameter/<path>: `source` links and references that resolve."""
    regle = request.url_rule.rule if request.url_rule else ""
    concernee = request.method == "GET" and reponse.status_code == 200 and reponse.is_json
    if not concernee or regle not in ("/variable/<id>", "/parameter/<path:parameter_id>"):
        return reponse  # an OPTIONS or HEAD answer has no JSON body to link
    corps = reponse.get_json()
    metadonnees, base = _reglages()["metadonnees"], base_des_fichiers()
    if regle == "/variable/<id>":
        corps = fichiers.relier_variable(corps, metadonnees, base)
    elif "source" in corps:
        corps["source"] = fichiers.relier(corps["source"], metadonnees, base)
    reponse.set_data(current_app.json.dumps(corps))
    return reponse


def enregistrer(app, tax_benefit_system, public_url: str | None = None) -> None:
    """Add the pages, the /sources route and the resolved links to OpenFisca's app."""
    app.extensions["openfisca_gen.pages"] = {
        "tax_benefit_system": tax_benefit_system,
        "metadonnees": tax_benefit_system.get_package_metadata(),
        "public_url": public_url.rstrip("/") + "/" if public_url else None,
    }
    app.before_request(page_d_accueil)
    app.after_request(liens_resolus)
    app.register_blueprint(pages)
