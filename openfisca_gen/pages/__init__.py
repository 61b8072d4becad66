"""The web pages of `openfisca-gen serve`, in French, on the same functions as the web API.

- `/simulateur`: a training provider describes one training and reads, in
  their own words, whether it can be labelled, what it would need, and the
  seed funding explained in one sentence;
- `/reformes`: a policy analyst changes parameters (or picks a shipped
  reform), on a bundled population or an uploaded CSV, and reads the
  comparison report with its charts, its CSV tables and the reform as YAML;
- `/sources/<path>`: the package's own files and stored texts, read-only, so
  that the `source` links and the references the web API gives (and the
  Legislation Explorer shows) resolve where the package has no public
  repository.

Everything works as plain HTML forms, and every result is a GET that gives it
again (its `a[data-permalink]`); pages.js only saves a reload.
`enregistrer(app, tax_benefit_system)` adds all this to OpenFisca's app.
"""

import dataclasses
import functools
import re
from pathlib import Path

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from markupsafe import Markup, escape
from werkzeug.exceptions import RequestEntityTooLarge

from openfisca_gen.limites import MAX_LIGNE_DE_REQUETE, MAX_NOMBRE_SAISI, MAX_TRAININGS
from openfisca_gen.pages import fichiers, rapport, reformes, resultat, simulateur
from openfisca_gen.pages.champs import appels, champs
from openfisca_gen.pages.francais import date_lisible, euros, mois_lisible, nombre, nombre_brut, pourcent
from openfisca_gen.pages.saisie import champs_inconnus
from openfisca_gen.reforms import REFORMES
from openfisca_gen.validation import EntreeInvalideError, Probleme, ReformeInvalideError, trouver_parametre
from openfisca_gen.validation.saisie import lire_date
from openfisca_gen.validation.types import jour

ICI = Path(__file__).parent
# Pages load nothing from elsewhere; charts and downloads are data: URIs.
POLITIQUE = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'"

pages = Blueprint("pages", __name__, template_folder="templates", static_folder="static", static_url_path="/pages")


def _systeme():
    return current_app.extensions["openfisca_gen.pages"]["tax_benefit_system"]


def _reglages() -> dict:
    return current_app.extensions["openfisca_gen.pages"]


def _racine_publique() -> str:
    return _reglages()["public_url"] or request.host_url


def base_des_fichiers() -> str:
    return fichiers.base_des_fichiers(_reglages()["metadonnees"], _racine_publique())


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


def coupable(nom: str) -> Markup:
    """A code name or a path that may wrap after its dots, underscores and slashes on a phone, never inside a
    word."""
    return Markup(re.sub(r"([._/])", r"\1<wbr>", str(escape(nom))))


def date_du_champ(texte: str) -> str:
    """A typed day as an `<input type="date">` holds it, YYYY-MM-DD: written as typed (12/10/2015), a browser shows
    the field empty, and the day is lost at the next submit. A text that is no day stays as typed (its message
    echoes it)."""
    return jour(lire_date(texte)) or texte


@pages.app_template_global()
def type_du_jour(texte: str) -> str:
    """`date` for a day's field, but `text` where what was typed is no day (« 31/02/2015 »): a date input shows it
    empty, while its message quotes it, and the next submit loses it."""
    return "text" if str(texte or "").strip() and jour(lire_date(texte)) is None else "date"


for _filtre in (euros, nombre, nombre_brut, pourcent, date_lisible, mois_lisible, coupable, date_du_champ):
    pages.add_app_template_filter(_filtre)


@pages.app_template_global()
def sources_de(references) -> list[dict]:
    """References (a variable's or a parameter's) by title, publisher and date, each once."""
    return resultat.sources(references, _titres(_systeme()), base_des_fichiers())


@pages.app_template_global()
def references_de(chemin: str):
    """A parameter's references (its own and its values')."""
    parametre = trouver_parametre(_systeme().parameters, chemin)
    return [parametre.metadata.get("reference"), *(v.metadata.get("reference") for v in parametre.values_list)]


@functools.cache
def _titres(systeme) -> dict:
    return fichiers.titres_des_parametres(systeme.parameters)


@pages.after_request
def securite(reponse):
    reponse.headers["Content-Security-Policy"] = POLITIQUE
    reponse.headers["X-Content-Type-Options"] = "nosniff"
    return reponse


# French puts a space inside guillemets and before : ; ? !; a line must not break there (« nombre_femme / »).
INSECABLES = re.compile(r"(?<=«) | (?=[»:;?!])")


@pages.after_app_request
def espaces_insecables(reponse):
    """The text of every page (not its attributes, nor what one copies: a <pre> block, a reform's YAML or a source
    file, and <code>, a command naming a file) with the spaces French typography keeps on one line made
    no-break; the 404 and 405 pages a browser gets outside the pages' routes included."""
    if reponse.mimetype != "text/html" or reponse.direct_passthrough:
        return reponse
    morceaux = re.split(r"(<pre\b.*?</pre>|<code\b.*?</code>)", reponse.get_data(as_text=True), flags=re.S)
    for i in range(0, len(morceaux), 2):  # outside those blocks: each text between two tags
        morceaux[i] = re.sub(r">[^<]+<", lambda texte: INSECABLES.sub("\u00a0", texte.group()), morceaux[i])
    reponse.set_data("".join(morceaux))
    return reponse


@pages.route("/simulateur", methods=["GET", "POST"])
def page_simulateur():
    """A GET without the model's inputs: the form, pre-filled with the shipped example. A GET that gives them (a
    result's link) or a POST: the result of what it gives, and only that."""
    systeme = _systeme()
    formulaire = request.form if request.method == "POST" else request.args
    resultat_, (saisie, doubles) = None, simulateur.lire_formulaire(systeme, formulaire)
    if request.method == "POST" or simulateur.est_une_simulation(systeme, formulaire):
        resultat_ = simulateur.simuler(systeme, saisie, doubles)
        numero = resultat_["appel_choisi"]
    else:
        if not any(nom in saisie for nom in simulateur.variables_d_entree(systeme)):
            saisie = simulateur.valeurs_exemple(systeme) | saisie
        numero = simulateur.appel_choisi(systeme, saisie)
    return render_template(
        "simulateur.html",
        groupes=champs(systeme, numero),
        appels=appels(systeme),
        numero=numero,
        saisie=saisie,
        resultat=resultat_,
        inconnus=champs_inconnus(formulaire, simulateur.champs_du_formulaire(systeme)),
    )


@pages.route("/reformes", methods=["GET", "POST"])
def page_reformes():
    """A GET: the form (the month's values, what a link changed), or the result of the reform a link gives. A
    POST without an upload is answered by that link (a redirect), so that every result can be kept and shared;
    with an upload, by its result."""
    systeme, trop_gros = _systeme(), None
    try:
        formulaire = request.form if request.method == "POST" else request.args
        fichier = request.files.get("donnees") if request.method == "POST" else None
    except RequestEntityTooLarge:  # the form is read only up to the server's limit
        formulaire, fichier = request.args, None
        trop_gros = Probleme("fichier_trop_gros", {"maximum": current_app.config["MAX_CONTENT_LENGTH"]}).fr()
    demande, erreurs, generales = reformes.lire_demande(systeme, formulaire)
    televerse, afficher = fichier is not None and bool(fichier.filename), formulaire.get("changer") == "mois"
    rien = not (demande.livree or demande.modifies or afficher)  # « Comparer » with nothing changed: said, here
    lien = f"{url_for('pages.page_reformes')}?{demande.permalien()}" + ("&changer=mois" if afficher else "")
    # a link longer than a request line (9 000 characters pasted), with its method and HTTP/1.1, is answered here:
    # followed, gunicorn refused it in English
    court = len(lien) < MAX_LIGNE_DE_REQUETE - 100
    if (
        request.method == "POST"
        and court
        and not (televerse or trop_gros or demande.population == reformes.FICHIER or rien)
    ):
        return rediriger(lien, 303)
    reponse = {"erreurs": erreurs, "generales": generales, "donnees": []} if erreurs or generales else None
    if trop_gros:  # the form's other fields were in the body not read: said, not silently replaced by the law's
        reponse = {
            "erreurs": {"donnees": [trop_gros]},
            "generales": [Probleme("formulaire_non_recu").fr()],
            "donnees": [],
        }
    elif not afficher and (request.method == "POST" or demande.livree or demande.modifies):
        maximum = _reglages()["max_trainings"]
        reponse = rapport.comparer_demande(systeme, demande, erreurs, fichier, maximum)
        reponse["generales"] = generales + reponse["generales"]
    if televerse:  # the file read, chosen: compared again without it, the synthetic population was, without a word
        demande = dataclasses.replace(demande, population=reformes.FICHIER)
    return render_template(
        "reformes.html",
        demande=demande,
        groupes=reformes.champs(systeme, demande.mois),
        changements=reformes.decrire_changements(systeme, demande),
        populations=reformes.populations(systeme),
        livrees=[(nom, getattr(classe, "name", nom)) for nom, classe in REFORMES.items()],
        reponse=reponse,
        inconnus=champs_inconnus(formulaire, reformes.champs_du_formulaire(systeme, demande.mois)),
        maximum_saisi=MAX_NOMBRE_SAISI,
    )


@pages.errorhandler(EntreeInvalideError)
def refus(erreur: EntreeInvalideError):
    """A refusal no form field caught: said in French on the page, never the API's JSON nor a 500."""
    messages = [probleme.fr() for probleme in erreur.problemes]
    return render_template("refus.html", messages=messages), 400


@pages.route("/sources", defaults={"chemin": ""})
@pages.route("/sources/<path:chemin>")
def page_source(chemin):
    """A file of the package, its lines numbered (#L12 or #L12-L20 shows a range), or a folder's content."""
    chemin = chemin.strip("/")
    # The roots under the path asked: all of them, or docs/sources under `docs`, a link of its breadcrumb
    racines = [(racine, True) for racine in fichiers.RACINES if not chemin or racine.startswith(chemin + "/")]
    if racines:
        return render_template("source.html", chemin=chemin, dossier=racines)
    trouve = fichiers.trouver(chemin)
    if trouve is None:
        abort(404)
    if trouve.is_dir():
        return render_template("source.html", chemin=chemin, dossier=fichiers.contenu_du_dossier(trouve, chemin))
    lignes = trouve.read_text(encoding="utf-8").splitlines()
    return render_template("source.html", chemin=chemin, lignes=lignes)


# An HTTP error a browser meets (a wrong link, a method a page does not take): its title and sentence
ERREURS_HTTP = {
    404: ("Page introuvable", "Aucune page ne se trouve à cette adresse : vérifiez le lien, ou repartez du simulateur "
          "ou de l'atelier des réformes."),
    405: ("Méthode non permise", "Cette adresse ne s'ouvre pas de cette façon : suivez un lien ou envoyez son "
          "formulaire."),
}  # fmt: skip


def navigateur() -> bool:
    """Whether the client asks for HTML rather than JSON (a browser; an API client asks for JSON or anything)."""
    return request.accept_mimetypes.best_match(["application/json", "text/html"]) == "text/html"


def page_d_erreur_http(code: int):
    """An HTTP error said in French to a browser, never the API's English JSON."""
    titre, phrase = ERREURS_HTTP.get(code, ("Demande refusée", f"Cette demande ne peut pas être traitée ({code})."))
    return render_template("refus.html", titre=titre, messages=[phrase]), code


def rediriger(adresse: str, code: int = 302):
    """A redirect whose body, shown by a browser that does not follow it at once, is French (Flask's is English)."""
    reponse = redirect(adresse, code=code)
    lien = f'<a href="{escape(adresse)}">cette adresse</a>'
    reponse.set_data(
        f'<!doctype html>\n<html lang="fr"><title>Redirection</title><p>La page est à {lien}.</p></html>\n'
    )
    return reponse


def page_d_accueil():
    """A browser asking for HTML on `/` is sent to the simulator; API clients keep OpenFisca's answer."""
    if request.path == "/" and request.method == "GET" and navigateur():
        return rediriger(url_for("pages.page_simulateur"))
    return None


def liens_resolus(reponse):
    """/variable/<name> and /parameter/<path>: `source` links and references that resolve."""
    regle = request.url_rule.rule if request.url_rule else ""
    concernee = request.method == "GET" and reponse.status_code == 200 and reponse.is_json
    if not concernee or regle not in ("/variable/<id>", "/parameter/<path:parameter_id>"):
        return reponse  # an OPTIONS or HEAD answer has no JSON body to link
    corps = reponse.get_json()
    metadonnees, base = _reglages()["metadonnees"], base_des_fichiers()
    relier = fichiers.relier_variable if regle == "/variable/<id>" else fichiers.relier_parametre
    corps = relier(corps, metadonnees, base)
    reponse.set_data(current_app.json.dumps(corps))
    return reponse


def enregistrer(app, tax_benefit_system, public_url: str | None = None, max_trainings: int = MAX_TRAININGS) -> None:
    """Add the pages, the /sources route and the resolved links to OpenFisca's app; an uploaded population may
    hold at most `max_trainings` trainings (the server's --max-trainings)."""
    app.extensions["openfisca_gen.pages"] = {
        "tax_benefit_system": tax_benefit_system,
        "max_trainings": max_trainings,
        "metadonnees": tax_benefit_system.get_package_metadata(),
        "public_url": public_url.rstrip("/") + "/" if public_url else None,
    }
    app.before_request(page_d_accueil)
    app.after_request(liens_resolus)
    app.register_blueprint(pages)
