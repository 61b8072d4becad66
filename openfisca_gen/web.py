"""The extended web API: OpenFisca's own Flask app, hardened, with `/explain` and `/compare`.

    openfisca-gen serve [--port 5000] [--max-request-bytes N] [--max-trainings N]

Every standard route is OpenFisca's, answering valid requests as plain
OpenFisca does. What this adds:

- a JSON reader that answers 400 to JSON nested too deeply, to NaN or
  Infinity and to a key given twice in an object, where plain OpenFisca
  answers 500 or keeps the last value; a body that is not
  `application/json` gets a 415 saying so;
- `openfisca_gen.validation` before `/calculate` and `/trace`: a wrong type,
  a negative budget, a count above the learners, a period the variable is
  not defined for or outside 1970-01..2100-12, an id empty or with '/'...
  each a 400 that names the entity, the id, the field and the period;
- limits: a body larger than `max_request_bytes` gets a 413, chunked or not;
  more than `max_trainings` instances of any entity a 400, before anything
  else is read;
- a faster `/calculate`: the simulation is built from the validated arrays
  and the answer written directly, without OpenFisca's re-parsing of every
  period string and its `dpath` merge (same JSON, see
  benchmarks/bench_serveur.py);
- JSON error bodies for every 4xx;
- `POST /explain` and `POST /compare` (see README).

Reforms come only as parameter values or as the names of shipped reforms,
never as code; the baseline is never modified by a request.
"""

import contextlib
import copy
import json
from pathlib import Path

import yaml
from flask import abort, g, jsonify, make_response, request
from flask.json.provider import DefaultJSONProvider
from gunicorn.app.base import BaseApplication
from openfisca_core.errors import PeriodMismatchError, SituationParsingError
from openfisca_core.indexed_enums import Enum
from openfisca_core.simulation_builder import SimulationBuilder
from openfisca_web_api.app import create_app
from werkzeug.exceptions import HTTPException

from openfisca_gen import CountryTaxBenefitSystem
from openfisca_gen.explication import expliquer, valeur_json
from openfisca_gen.pages import enregistrer as enregistrer_pages
from openfisca_gen.reforms import REFORMES, appliquer_reforme
from openfisca_gen.situation_examples import EXAMPLES
from openfisca_gen.validation import (
    EntreeInvalideError,
    analyser_situation,
    lire_entier,
    lire_flottant,
    mois_calcule,
    simuler,
)

MAX_REQUEST_BYTES = 2 * 1024 * 1024
MAX_TRAININGS = 1000
ROUTES_SITUATION = ("/calculate", "/trace")
ROUTES_JSON = (*ROUTES_SITUATION, "/explain", "/compare")
EXTENSION_OPENAPI = yaml.safe_load((Path(__file__).parent / "openapi_etendu.yaml").read_text(encoding="utf-8"))
VARIABLES_COMPAREES = ("eligible_labellisation", "labellisee", "financement_amorcage")


def _constante_refusee(nom):
    raise EntreeInvalideError(f"{nom} is not a valid JSON number")


def _sans_doublon(paires):
    objet = dict(paires)
    if len(objet) != len(paires):
        cles = [cle for cle, _ in paires]
        doublon = next(cle for cle in cles if cles.count(cle) > 1)
        raise EntreeInvalideError(f"the key '{doublon}' is given twice in an object")
    return objet


class JSONStrict(DefaultJSONProvider):
    """Reads JSON as the standard says: no NaN or Infinity, each key once per object; too deep a nesting is an
    EntreeInvalideError (a 400). A number beyond what a float holds is kept as a NombreDemesure, so that the
    validation names its field ("got a 5000-digit number") instead of Python's limit on digits or "inf"."""

    def loads(self, s, **kwargs):
        try:
            return json.loads(
                s,
                parse_constant=_constante_refusee,
                parse_int=lire_entier,
                parse_float=lire_flottant,
                object_pairs_hook=_sans_doublon,
                **kwargs,
            )
        except RecursionError:
            raise EntreeInvalideError("the JSON is nested too deeply") from None


def _erreur(statut: int, message, **details):
    abort(make_response(jsonify({"error": message, **details}), statut))


def _refus(erreur: EntreeInvalideError, champ: str = ""):
    """A 400 naming the first problem (`error`) and listing them all (`errors`)."""
    prefixe = f"'{champ}': " if champ else ""
    _erreur(400, prefixe + erreur.erreurs[0], errors=[prefixe + e for e in erreur.erreurs])


def _json_invalide(erreur):
    _erreur(400, f"Invalid JSON: {erreur}")


def _json_demande():
    """The request's JSON (parsed once), or a 400 saying why it is not valid JSON."""
    request.on_json_loading_failed = _json_invalide
    return request.get_json()


def _corps_json():
    """The request's JSON object, or a 400 naming the problem."""
    corps = _json_demande()
    if not isinstance(corps, dict):
        _erreur(400, "the request body must be a JSON object")
    return corps


def _analyser(tax_benefit_system, situation, maximum, champ: str = ""):
    try:
        return analyser_situation(tax_benefit_system, situation, maximum)
    except EntreeInvalideError as erreur:
        _refus(erreur, champ)


def _periode(corps: dict, analyse) -> str:
    """The month to compute (validation.mois_calcule), or a 400 naming why not."""
    try:
        return mois_calcule(corps, analyse)
    except EntreeInvalideError as erreur:
        _refus(erreur)


@contextlib.contextmanager
def _erreurs_de_situation():
    """OpenFisca's own errors on a situation, answered as its /calculate answers them."""
    try:
        yield
    except (SituationParsingError, PeriodMismatchError) as erreur:
        abort(make_response(jsonify(erreur.error), erreur.code or 400))


def _simulation(tax_benefit_system, situation, analyse):
    """The simulation of a validated situation; OpenFisca's builder where only it can judge (unknown variables)."""
    with _erreurs_de_situation():
        if analyse.complete:
            return simuler(tax_benefit_system, analyse)
        return SimulationBuilder().build_from_entities(tax_benefit_system, copy.deepcopy(situation))


def _reponse_calculee(tax_benefit_system, simulation, situation: dict, demandes) -> dict:
    """The situation with each requested (null) value computed, as OpenFisca's /calculate writes it: an Enum by
    its name, a float through its shortest text, a date as a date, each computed array converted once."""
    converties = {}
    for pluriel, identifiant, indice, nom, texte in demandes:
        cle = (nom, texte)
        if cle not in converties:
            variable = tax_benefit_system.variables[nom]
            resultat = simulation.calculate(nom, texte)
            if variable.value_type is Enum:
                converties[cle] = resultat.decode_to_str()
            elif variable.value_type in (float, str):
                converties[cle] = resultat.astype(str)
            else:
                converties[cle] = resultat
        valeur = converties[cle][indice]
        variable = tax_benefit_system.variables[nom]
        if variable.value_type is float:
            valeur = float(valeur)
        elif variable.value_type in (Enum, str):
            valeur = str(valeur)
        else:
            valeur = valeur.item()
        situation[pluriel][identifiant][nom][texte] = valeur
    return situation


def creer_app(
    tax_benefit_system=None,
    max_request_bytes: int = MAX_REQUEST_BYTES,
    max_trainings: int = MAX_TRAININGS,
    public_url: str | None = None,
):
    """OpenFisca's app for this package, hardened, with /explain and /compare."""
    tax_benefit_system = tax_benefit_system or CountryTaxBenefitSystem()
    app = create_app(tax_benefit_system)
    app.json = JSONStrict(app)
    app.config["MAX_CONTENT_LENGTH"] = max_request_bytes
    reformes = {nom: classe(tax_benefit_system) for nom, classe in REFORMES.items()}  # built once, never mutated
    enregistrer_pages(app, tax_benefit_system, public_url)
    calcul_openfisca = app.view_functions["calculate"]

    @app.errorhandler(HTTPException)
    def erreur_http(erreur):
        """Every 4xx answered in JSON, as OpenFisca's own 400s are."""
        if erreur.response is not None:
            return erreur.response
        message = erreur.description
        if erreur.code == 413:
            message = f"the request is larger than {max_request_bytes} bytes (--max-request-bytes)"
        return make_response(jsonify({"error": message}), erreur.code)

    @app.after_request
    def message_d_erreur(reponse):
        """OpenFisca's 4xx name the field as a key ({"formations/f/x": "..."}): add the usual "error" key too."""
        if 400 <= reponse.status_code < 500 and reponse.is_json:
            corps = reponse.get_json(silent=True)
            if isinstance(corps, dict) and "error" not in corps:
                messages = [f"{cle}: {valeur}" for cle, valeur in corps.items()]
                reponse.set_data(app.json.dumps({"error": "; ".join(messages) or "bad request", **corps}))
        return reponse

    @app.after_request
    def spec_etendue(reponse):
        """/spec also documents /explain and /compare, and carries every example situation."""
        if request.path == "/spec" and reponse.status_code == 200:
            spec = reponse.get_json()
            spec["paths"].update(EXTENSION_OPENAPI["paths"])
            corps = spec["paths"]["/calculate"]["post"]["requestBody"]["content"]["application/json"]
            corps["examples"] = {nom: {"value": situation} for nom, situation in EXAMPLES.items()}
            reponse.set_data(app.json.dumps(spec))
        return reponse

    @app.before_request
    def valider():
        """Every POST body of the API: JSON, within the size limit (chunked too); a situation route's body is
        analysed. The pages' form posts are theirs to check."""
        if request.method != "POST" or request.url_rule is None or request.path not in ROUTES_JSON:
            return  # a 404 or 405 stays one
        if not request.is_json:
            _erreur(415, "the request body must be JSON, sent with the header Content-Type: application/json")
        corps = request.get_data(cache=True)  # past a Content-Length over the limit: a 413
        if request.content_length is None and len(corps) >= max_request_bytes:
            abort(413)  # a chunked body: werkzeug stops reading at the limit without a word
        if request.path in ROUTES_SITUATION:
            g.analyse = _analyser(tax_benefit_system, _json_demande(), max_trainings)

    def calculate():
        """OpenFisca's /calculate, answered from the validated arrays; OpenFisca's own route where only it can
        judge the situation (an unknown variable, an input for a period the variable cannot take)."""
        if not g.analyse.complete:
            return calcul_openfisca()
        situation = _json_demande()
        try:
            simulation = simuler(tax_benefit_system, g.analyse)
        except PeriodMismatchError:
            return calcul_openfisca()
        return jsonify(_reponse_calculee(tax_benefit_system, simulation, situation, g.analyse.demandes))

    app.view_functions["calculate"] = calculate

    @app.route("/explain", methods=["POST"])
    def explain():
        """Body: {"situation": ..., "period": "2015-10"}. Why each training is or is not eligible."""
        corps = _corps_json()
        situation = _situation(corps)
        analyse = _analyser(tax_benefit_system, situation, max_trainings, "situation")
        periode = _periode(corps, analyse)
        with _erreurs_de_situation():
            return jsonify(expliquer(tax_benefit_system, situation, periode))

    @app.route("/compare", methods=["POST"])
    def compare():
        """Body: {"situation": ..., "reform": NAME or {path: {date: value}}, "variables": [...], "period": ...}."""
        corps = _corps_json()
        situation = _situation(corps)
        analyse = _analyser(tax_benefit_system, situation, max_trainings, "situation")
        periode = _periode(corps, analyse)
        reforme = corps.get("reform")
        if reforme is None:
            _erreur(400, f"'reform' is missing: a shipped reform ({', '.join(REFORMES)}) or {{path: {{date: value}}}}")
        try:
            reformee = reformes[reforme] if isinstance(reforme, str) and reforme in reformes else None
            reformee = reformee or appliquer_reforme(tax_benefit_system, reforme)
        except EntreeInvalideError as erreur:
            _refus(erreur, "reform")
        variables = corps.get("variables", list(VARIABLES_COMPAREES))
        if not isinstance(variables, list) or not all(isinstance(v, str) for v in variables):
            _erreur(400, "'variables' must be a list of variable names")
        inconnues = [v for v in variables if v not in tax_benefit_system.variables]
        if inconnues:
            _erreur(400, f"'variables': unknown variable(s) {', '.join(inconnues)}")
        simulations = {
            "baseline": _simulation(tax_benefit_system, situation, analyse),
            "reform": _simulation(reformee, situation, analyse),
        }
        resultats = {}
        for nom in variables:
            entite = tax_benefit_system.variables[nom].entity
            valeurs = {cle: simulation.calculate(nom, periode) for cle, simulation in simulations.items()}
            ids = simulations["baseline"].populations[entite.key].ids
            for indice, identifiant in enumerate(ids):
                ligne = {cle: valeur_json(tableau, indice) for cle, tableau in valeurs.items()}
                if isinstance(ligne["baseline"], int | float) and not isinstance(ligne["baseline"], bool):
                    ligne["difference"] = round(ligne["reform"] - ligne["baseline"], 6)
                else:
                    ligne["changed"] = ligne["reform"] != ligne["baseline"]
                resultats.setdefault(entite.plural, {}).setdefault(str(identifiant), {})[nom] = ligne
        nom_reforme = reforme if isinstance(reforme, str) else "parametric"
        return jsonify({"period": periode, "reform": nom_reforme, **resultats})

    return app


def _situation(corps: dict) -> dict:
    situation = corps.get("situation")
    if situation is None:
        _erreur(400, "'situation' is missing: give a situation as for /calculate")
    return situation


class Serveur(BaseApplication):
    """Gunicorn serving the extended app, as `openfisca serve` serves the plain one."""

    def __init__(self, application, options: dict) -> None:
        self.application, self.options = application, options
        super().__init__()

    def load_config(self) -> None:
        for cle, valeur in self.options.items():
            self.cfg.set(cle, valeur)

    def load(self):
        return self.application
