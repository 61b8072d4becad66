"""The extended web API: OpenFisca's own Flask app, hardened, with `/explain` and `/compare`.

    openfisca-gen serve [--port 5000] [--max-request-bytes N] [--max-trainings N]

Every standard route is OpenFisca's, unchanged. What this adds:

- a JSON reader that answers 400 to JSON nested too deeply and to NaN or
  Infinity, where plain OpenFisca answers 500 or accepts them;
- `valider_situation` before `/calculate` and `/trace`: a wrong type, a
  negative budget, a count above the learners, a period the variable is not
  defined for... each a 400 that names the entity, the id and the field;
- limits: a request larger than `max_request_bytes` gets a 413, one with more
  than `max_trainings` trainings a 400;
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
from flask import abort, jsonify, make_response, request
from flask.json.provider import DefaultJSONProvider
from gunicorn.app.base import BaseApplication
from openfisca_core.errors import PeriodMismatchError, SituationParsingError
from openfisca_core.simulation_builder import SimulationBuilder
from openfisca_web_api.app import create_app
from werkzeug.exceptions import HTTPException

from openfisca_gen import CountryTaxBenefitSystem
from openfisca_gen.explication import expliquer, valeur_json
from openfisca_gen.helpers import PeriodeInvalideError, un_mois
from openfisca_gen.pages import enregistrer as enregistrer_pages
from openfisca_gen.reforms import REFORMES, ReformeInvalideError, appliquer_reforme
from openfisca_gen.situation_examples import EXAMPLES
from openfisca_gen.validation import valider_situation

MAX_REQUEST_BYTES = 2 * 1024 * 1024
MAX_TRAININGS = 1000
ROUTES_SITUATION = ("/calculate", "/trace")
EXTENSION_OPENAPI = yaml.safe_load((Path(__file__).parent / "openapi_etendu.yaml").read_text(encoding="utf-8"))
VARIABLES_COMPAREES = ("eligible_labellisation", "labellisee", "financement_amorcage")


def _constante_refusee(nom):
    raise ValueError(f"{nom} is not a valid JSON number")


class JSONStrict(DefaultJSONProvider):
    """Reads JSON as the standard says: no NaN or Infinity; too deep a nesting is a ValueError (a 400)."""

    def loads(self, s, **kwargs):
        try:
            return json.loads(s, parse_constant=_constante_refusee, **kwargs)
        except RecursionError as erreur:
            raise ValueError("the JSON is nested too deeply") from erreur


def _erreur(statut: int, message, **details):
    abort(make_response(jsonify({"error": message, **details}), statut))


def _json_invalide(erreur):
    _erreur(400, f"Invalid JSON: {erreur}")


def _json_demande():
    """The request's JSON, or a 400 saying why it is not valid JSON."""
    request.on_json_loading_failed = _json_invalide
    return request.get_json()


def _corps_json():
    """The request's JSON object, or a 400 naming the problem."""
    corps = _json_demande()
    if not isinstance(corps, dict):
        _erreur(400, "the request body must be a JSON object")
    return corps


def _periode(corps: dict, situation: dict) -> str:
    """The month to compute: `period` if given, else the single month the situation's inputs use."""
    if "period" in corps:
        try:
            return un_mois(corps["period"])
        except PeriodeInvalideError as erreur:
            _erreur(400, f"'period': {erreur}")
    mois = {
        str(cle)
        for instances in situation.values()
        if isinstance(instances, dict)
        for instance in instances.values()
        if isinstance(instance, dict)
        for valeurs in instance.values()
        if isinstance(valeurs, dict)
        for cle in valeurs
    }
    if len(mois) != 1:
        _erreur(400, "'period' is missing: give the month to compute, such as 2015-10")
    return _periode({"period": mois.pop()}, situation)


def _situation(tax_benefit_system, corps: dict, formations_max: int) -> dict:
    situation = corps.get("situation")
    if situation is None:
        _erreur(400, "'situation' is missing: give a situation as for /calculate")
    erreurs = valider_situation(tax_benefit_system, situation, formations_max)
    if erreurs:
        _erreur(400, erreurs[0], errors=erreurs)
    return situation


@contextlib.contextmanager
def _erreurs_de_situation():
    """OpenFisca's own errors on a situation, answered as its /calculate answers them."""
    try:
        yield
    except (SituationParsingError, PeriodMismatchError) as erreur:
        abort(make_response(jsonify(erreur.error), erreur.code or 400))


def _simulation(tax_benefit_system, situation):
    with _erreurs_de_situation():
        return SimulationBuilder().build_from_entities(tax_benefit_system, copy.deepcopy(situation))


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
        if request.method == "POST" and request.path in ROUTES_SITUATION:
            erreurs = valider_situation(tax_benefit_system, _json_demande(), max_trainings)
            if erreurs:
                _erreur(400, erreurs[0], errors=erreurs)

    @app.route("/explain", methods=["POST"])
    def explain():
        """Body: {"situation": ..., "period": "2015-10"}. Why each training is or is not eligible."""
        corps = _corps_json()
        situation = _situation(tax_benefit_system, corps, max_trainings)
        periode = _periode(corps, situation)
        with _erreurs_de_situation():
            return jsonify(expliquer(tax_benefit_system, situation, periode))

    @app.route("/compare", methods=["POST"])
    def compare():
        """Body: {"situation": ..., "reform": NAME or {path: {date: value}}, "variables": [...], "period": ...}."""
        corps = _corps_json()
        situation = _situation(tax_benefit_system, corps, max_trainings)
        periode = _periode(corps, situation)
        reforme = corps.get("reform")
        if reforme is None:
            _erreur(400, f"'reform' is missing: a shipped reform ({', '.join(REFORMES)}) or {{path: {{date: value}}}}")
        try:
            reformee = reformes[reforme] if isinstance(reforme, str) and reforme in reformes else None
            reformee = reformee or appliquer_reforme(tax_benefit_system, reforme)
        except ReformeInvalideError as erreur:
            _erreur(400, f"'reform': {erreur.erreurs[0]}", errors=erreur.erreurs)
        variables = corps.get("variables", list(VARIABLES_COMPAREES))
        if not isinstance(variables, list) or not all(isinstance(v, str) for v in variables):
            _erreur(400, "'variables' must be a list of variable names")
        inconnues = [v for v in variables if v not in tax_benefit_system.variables]
        if inconnues:
            _erreur(400, f"'variables': unknown variable(s) {', '.join(inconnues)}")
        simulations = {
            "baseline": _simulation(tax_benefit_system, situation),
            "reform": _simulation(reformee, situation),
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
