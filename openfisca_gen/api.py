"""The web API's own routes and rules, as a blueprint: /explain, /compare, a faster /calculate, one error handler.

- every POST body of the API's routes is JSON (strict: no NaN, each key once
  per object, bounded nesting), within the size limit, chunked or not; a
  situation is checked by `openfisca_gen.validation` before anything runs;
- `/calculate` is answered from the validated arrays (same JSON as
  OpenFisca's, see benchmarks/bench_serveur.py), OpenFisca's own route where
  only it can judge the situation;
- `POST /explain` and `POST /compare` call the core (`explication.expliquer`,
  `analyse.a_change`) on the situation read once;
- one handler answers every refusal (`EntreeInvalideError`) with a 400:
  `error`, the first problem in English, and `errors`, every problem as an
  object with its `field`, `message` and, where they apply, `entity`, `id`,
  `period`.

Reforms come only as parameter values or as registered names, never as code;
the baseline is never modified by a request.
"""

import contextlib
import dataclasses
import functools
import json
import math
from datetime import date
from pathlib import Path

import numpy
from flask import Blueprint, abort, current_app, g, jsonify, make_response, request
from flask.json.provider import DefaultJSONProvider
from openfisca_core.errors import PeriodMismatchError, SituationParsingError
from openfisca_core.indexed_enums import Enum

from openfisca_gen.analyse import a_change
from openfisca_gen.chemins import yaml_du_paquet
from openfisca_gen.explication import expliquer, valeur_json
from openfisca_gen.limites import MAX_MOIS_TRACES
from openfisca_gen.reforms import appliquer_reforme
from openfisca_gen.simulation import construire_simulation, simuler, verifier_campagnes
from openfisca_gen.validation import (
    EntreeInvalideError,
    Probleme,
    analyser_situation,
    est_un_mois,
    mois_calcule,
    mois_donne,
)
from openfisca_gen.validation.erreurs import RefusOpenFiscaError, suggestions
from openfisca_gen.validation.fichiers import REGLES_JSON

ROUTES_SITUATION = ("/calculate", "/trace")
ROUTES_JSON = (*ROUTES_SITUATION, "/explain", "/compare")
EXTENSION_OPENAPI = yaml_du_paquet(Path(__file__).parent / "openapi_etendu.yaml")
VARIABLES_COMPAREES = ("eligible_labellisation", "labellisee", "financement_amorcage")

api = Blueprint("api", __name__)


def _refus(code: str, champ: str | None = None, **valeurs):
    """Refuse the request: a problem of the body as a whole, or of its field `champ` ('situation', a JSON key…)."""
    raise EntreeInvalideError([Probleme(code, valeurs, None if champ is None else "requete", champ=champ)])


class JSONStrict(DefaultJSONProvider):
    """Reads JSON as the standard says: no NaN or Infinity, each key once per object; too deep a nesting is an
    EntreeInvalideError (a 400). A number beyond what a float holds is kept as a NombreDemesure, so that the
    validation names its field ("got a 5000-digit number") instead of Python's limit on digits or "inf". A date
    is written as a situation gives it."""

    def loads(self, s, **kwargs):
        try:
            return json.loads(s, **REGLES_JSON, **kwargs)
        except RecursionError:
            _refus("json_trop_profond")

    @staticmethod
    def default(valeur):
        """A date as the situation gives it (2019-02-02), where Flask's default wrote an HTTP date (Sat, 02 Feb 2019
        00:00:00 GMT) that no date input takes back."""
        return valeur.isoformat() if isinstance(valeur, date) else DefaultJSONProvider.default(valeur)

    def dumps(self, obj, **kwargs):
        """Strict JSON out as in: an unbounded value (a ceiling no source gives: none applied) is null, never
        Infinity or NaN, which browsers' JSON.parse rejects."""
        try:
            return super().dumps(obj, allow_nan=False, **kwargs)
        except ValueError:
            return super().dumps(_fini(obj), allow_nan=False, **kwargs)


def _fini(valeur):
    """`valeur` with every infinite or NaN number replaced by None."""
    if isinstance(valeur, dict):
        return {cle: _fini(v) for cle, v in valeur.items()}
    if isinstance(valeur, list | tuple):
        return [_fini(v) for v in valeur]
    if isinstance(valeur, float | numpy.floating) and not math.isfinite(valeur):
        return None
    return valeur


def corps_d_erreur(problemes: list[dict]) -> dict:
    """The body of every 4xx: the first problem's message (`error`, what the API always answered) and every problem
    (`errors`), each an object with its `field`, `message` and `code`."""
    return {"error": problemes[0]["message"] if problemes else "bad request", "errors": problemes}


@api.app_errorhandler(EntreeInvalideError)
def refus(erreur: EntreeInvalideError):
    """Every refusal of the API: a 400 naming the first problem (`error`) and listing them all (`errors`); a 404
    where a variable is unknown, as OpenFisca answers it."""
    inconnue = any(probleme.cle == "variable_inconnue" for probleme in erreur.problemes)
    return make_response(jsonify(corps_d_erreur([p.en_json() for p in erreur.problemes])), 404 if inconnue else 400)


def _json_demande():
    """The request's JSON (parsed once), or a 400 saying why it is not valid JSON."""

    def invalide(erreur):
        if isinstance(erreur, EntreeInvalideError):  # JSONStrict's own refusal (a ValueError, which Flask passes)
            raise erreur
        if isinstance(erreur, UnicodeDecodeError):  # a Latin-1 body: JSON is UTF-8, whatever the charset declared
            _refus("json_pas_en_utf8", octet=f"0x{erreur.object[erreur.start]:02x}", position=erreur.start)
        _refus("json_invalide", raison=str(erreur))

    request.on_json_loading_failed = invalide
    return request.get_json()


def _corps_json(*champs: str) -> dict:
    """The body, an object of the fields `champs`: another one is refused (a misspelt "variabels" was ignored, and
    the default variables answered with a 200)."""
    corps = _json_demande()
    if not isinstance(corps, dict):
        _refus("corps_pas_un_objet")
    if inconnus := [champ for champ in corps if champ not in champs]:
        raise EntreeInvalideError(
            [
                Probleme("champ_inconnu", {**suggestions([c], champs), "champs": list(champs)}, "requete", champ=str(c))
                for c in inconnus
            ]
        )
    return corps


@api.before_app_request
def valider():
    """Every POST body of the API: JSON, within the size limit (chunked too); a situation route's body is
    analysed. The pages' form posts are theirs to check."""
    if request.method != "POST" or request.url_rule is None or request.path not in ROUTES_JSON:
        return  # a 404 or 405 stays one
    if not request.is_json:
        abort(make_response(jsonify(corps_d_erreur([Probleme("corps_pas_du_json").en_json()])), 415))
    if (codage := request.headers.get("Content-Encoding", "identity").strip().lower()) != "identity":
        # a gzip body was « not UTF-8 (byte 0x8b) »: it is no JSON until uncompressed, which no route does
        probleme = Probleme("corps_compresse", {"codage": codage}).en_json()
        abort(make_response(jsonify(corps_d_erreur([probleme])), 415))
    corps = request.get_data(cache=True)  # past a Content-Length over the limit: a 413
    if request.content_length is None and len(corps) >= current_app.config["MAX_CONTENT_LENGTH"]:
        abort(413)  # a chunked body: werkzeug stops reading at the limit without a word
    if request.path in ROUTES_SITUATION:
        situation = _json_demande()  # a body that is no JSON names no field
        try:
            g.analyse = analyser_situation(_systeme(), situation, _reglages()["max_trainings"])
        except EntreeInvalideError as erreur:  # a problem of the whole body names it, as /explain's 'situation'
            problemes = [
                p if p.champ is not None else dataclasses.replace(p, champ="situation") for p in erreur.problemes
            ]
            raise type(erreur)(problemes) from None


def _systeme():
    return _reglages()["tax_benefit_system"]


def _reglages() -> dict:
    return current_app.extensions["openfisca_gen.api"]


def _situation(corps: dict):
    """The body's situation, checked once (its problems placed under 'situation'), and the month to compute."""
    problemes = []
    if corps.get("situation") is None:
        aide = {"aide": "give a situation as for /calculate"}
        problemes.append(Probleme("champ_manquant", aide, "requete", champ="situation"))
    else:
        try:
            analyse = analyser_situation(_systeme(), corps["situation"], _reglages()["max_trainings"])
        except EntreeInvalideError as erreur:
            problemes += erreur.dans("situation").problemes
    if problemes:  # a period given is checked too: every problem of the body at once
        if "period" in corps:
            try:
                mois_donne(corps)
            except EntreeInvalideError as erreur:
                problemes += erreur.problemes
        raise EntreeInvalideError(problemes)
    return corps["situation"], analyse, mois_calcule(corps, analyse)


def _simulation_validee(tracee: bool = False):
    """The simulation of the request's validated arrays, its campaigns checked; None where only OpenFisca can
    judge the situation (an input for a period the variable cannot take). `tracee`: built
    again after the check, so that what the check computed stays out of the trace."""
    try:
        simulation = simuler(_systeme(), g.analyse)
    except PeriodMismatchError:
        return None
    # A given campaign that mixes calls is refused, as every entry point does; one of a single dossier cannot.
    if _json_demande().get("campagnes") and numpy.bincount(g.analyse.groupes["campagne"]).max(initial=0) > 1:
        for mois in sorted(filter(est_un_mois, {texte for *_, texte in g.analyse.demandes})):  # each period once
            verifier_campagnes(simulation, mois)
        simulation = simuler(_systeme(), g.analyse) if tracee else simulation
    return simulation


def calculate():
    """OpenFisca's /calculate, answered from the validated arrays (OpenFisca's own route where only it can
    judge the situation)."""
    simulation = _simulation_validee()
    if simulation is None:
        return current_app.view_functions["openfisca_calculate"]()
    return jsonify(_reponse_calculee(_systeme(), simulation, _json_demande(), g.analyse.demandes))


def trace():
    """OpenFisca's /trace, traced on the simulation of the validated arrays as its handler traces its own: each
    requested value in the order of the body, once per instance (OpenFisca's own route where only it can judge
    the situation). OpenFisca's parsed every period string again: 75 % of the time for 1 000 trainings."""
    formations = len(g.analyse.ids[_systeme().person_entity.key])
    if (mois := len(g.analyse.mois_demandes)) * formations > MAX_MOIS_TRACES:
        _refus("trace_trop_grande", "situation", mois=mois, formations=formations, maximum=MAX_MOIS_TRACES)
    simulation = _simulation_validee(tracee=True)
    if simulation is None:
        return current_app.view_functions["openfisca_trace"]()
    simulation.trace = True
    demandes = []
    for *_, nom, texte in g.analyse.demandes:
        demandes.append(f"{nom}<{texte}>")
        simulation.calculate(nom, texte)
    return jsonify(
        {
            "trace": simulation.tracer.get_serialized_flat_trace(),
            "entitiesDescription": {cle: list(ids) for cle, ids in simulation.describe_entities().items()},
            "requestedCalculations": demandes,
        }
    )


def _reponse_calculee(tax_benefit_system, simulation, situation: dict, demandes) -> dict:
    """The situation with each requested (null) value computed, as OpenFisca's /calculate writes it: an Enum by
    its name, a float through its shortest text, a date as a date, each computed array converted once."""
    converties = {}
    for pluriel, identifiant, indice, nom, texte in demandes:
        cle = (nom, texte)
        variable = tax_benefit_system.variables[nom]
        if cle not in converties:
            resultat = simulation.calculate(nom, texte)
            if variable.value_type is Enum:
                converties[cle] = resultat.decode_to_str()
            elif variable.value_type in (float, str):
                converties[cle] = resultat.astype(str)
            else:
                converties[cle] = resultat
        valeur = converties[cle][indice]
        if variable.value_type is float:
            valeur = float(valeur)
        elif variable.value_type in (Enum, str):
            valeur = str(valeur)
        else:
            valeur = valeur.item()
        situation[pluriel][identifiant][nom][texte] = valeur
    return situation


@api.route("/explain", methods=["POST"])
def explain():
    """Body: {"situation": ..., "period": "2015-10"}. Why each training is or is not eligible."""
    situation, analyse, periode = _situation(_corps_json("situation", "period"))
    with _erreurs_de_situation():
        return jsonify(expliquer(_systeme(), situation, periode, analyse))


@functools.lru_cache(maxsize=64)
def _reforme_nommee(tax_benefit_system, nom: str):
    """A registered reform's system, built once per server (the baseline is never modified)."""
    return appliquer_reforme(tax_benefit_system, nom)


def _reforme(corps: dict):
    reforme = corps.get("reform")
    if reforme is None:
        aide = "a reform's name (GET /reforms lists them), {path: {date: value}}, or a list of those"
        _refus("champ_manquant", "reform", aide=aide)
    try:
        if isinstance(reforme, str):
            return _reforme_nommee(_systeme(), reforme), reforme
        return appliquer_reforme(_systeme(), reforme), reforme if isinstance(reforme, list) else "parametric"
    except EntreeInvalideError as erreur:
        raise erreur.dans("reform") from None


def _chacun(*lectures, corps: dict) -> list:
    """Each reading of the body's fields, or the problems of every one at once: a body wrong in its situation,
    its reform and its variables heard of the first only."""
    resultats, problemes = [], []
    for lire in lectures:
        try:
            resultats.append(lire(corps))
        except EntreeInvalideError as erreur:
            problemes += erreur.problemes
    if problemes:
        raise EntreeInvalideError(problemes)
    return resultats


def _variables(corps: dict) -> list[str]:
    variables = corps.get("variables", list(VARIABLES_COMPAREES))
    if not isinstance(variables, list) or not all(isinstance(v, str) for v in variables):
        _refus("variables_pas_une_liste", "variables")
    if not variables:  # a 200 of no data, where the command line refuses an empty --variables
        _refus("variables_vides", "variables", defaut=list(VARIABLES_COMPAREES))
    inconnues = [v for v in variables if v not in _systeme().variables]
    if inconnues:
        details = {"noms": inconnues, **suggestions(inconnues, _systeme().variables)}
        raise EntreeInvalideError([Probleme("variables_inconnues", details, contexte="variables")])
    return variables


def _ecart_ecrit(avant, apres) -> numpy.ndarray:
    """`apres - avant` as the answer writes both (to six decimals, by Python's `round`, as `valeur_json`): the
    difference a client gets by subtracting them, without float noise (`analyse.difference` rounds amounts to the
    cent, as the reports write them). Counts' differences are whole numbers, as the counts are (5, not 5.0)."""
    if numpy.issubdtype(avant.dtype, numpy.integer) and numpy.issubdtype(apres.dtype, numpy.integer):
        return apres.astype(numpy.int64) - avant.astype(numpy.int64)
    ecrits = zip(numpy.asarray(avant, float).tolist(), numpy.asarray(apres, float).tolist(), strict=True)
    return numpy.array([round(round(b, 6) - round(a, 6), 6) + 0.0 for a, b in ecrits])


@api.route("/compare", methods=["POST"])
def compare():
    """Body: {"situation": ..., "reform": NAME, {path: {date: value}} or a list of those, "variables": [...],
    "period": ...}. Each variable under the law and under the reform, with its difference or whether it
    changed."""
    corps = _corps_json("situation", "reform", "variables", "period")
    (situation, analyse, periode), (reformee, nom), variables = _chacun(_situation, _reforme, _variables, corps=corps)
    with _erreurs_de_situation():
        simulations = {
            "baseline": construire_simulation(_systeme(), situation, analyse, periode),
            "reform": construire_simulation(reformee, situation, analyse, periode),  # its calls may differ
        }
        resultats = {}
        for variable in variables:
            entite = _systeme().variables[variable].entity
            avant, apres = (simulation.calculate(variable, periode) for simulation in simulations.values())
            numerique = _systeme().variables[variable].value_type in (int, float)
            ecarts = _ecart_ecrit(avant, apres) if numerique else a_change(avant, apres)
            for indice, identifiant in enumerate(simulations["baseline"].populations[entite.key].ids):
                ligne = {"baseline": valeur_json(avant, indice), "reform": valeur_json(apres, indice)}
                ligne["difference" if numerique else "changed"] = valeur_json(ecarts, indice)
                resultats.setdefault(entite.plural, {}).setdefault(str(identifiant), {})[variable] = ligne
    avertissements = [avertissement.en() for avertissement in getattr(reformee, "avertissements", [])]
    return jsonify({"period": periode, "reform": nom, **({"warnings": avertissements} if avertissements else {}),
                    **resultats})  # fmt: skip


@api.route("/reforms", methods=["GET"])
def reforms():
    """Every registered reform: its name, its question, the parameter values it gives."""
    from openfisca_gen.reforms import REFORMES, description

    return jsonify(
        {nom: {"description": description(nom), "changes": REFORMES[nom].changements} for nom in sorted(REFORMES)}
    )


@contextlib.contextmanager
def _erreurs_de_situation():
    """OpenFisca's own errors on a situation, answered as its /calculate answers them."""
    try:
        yield
    except RefusOpenFiscaError as erreur:
        abort(make_response(jsonify(erreur.corps), erreur.code))
    except (SituationParsingError, PeriodMismatchError) as erreur:
        abort(make_response(jsonify(erreur.error), erreur.code or 400))


def enregistrer(app, tax_benefit_system, max_trainings: int) -> None:
    """Add the API's routes and rules to OpenFisca's app; its /calculate is answered by `calculate`."""
    app.extensions["openfisca_gen.api"] = {"tax_benefit_system": tax_benefit_system, "max_trainings": max_trainings}
    app.json = JSONStrict(app)
    for nom, vue in (("calculate", calculate), ("trace", trace)):  # OpenFisca's own kept for what it alone judges
        app.view_functions[f"openfisca_{nom}"] = app.view_functions[nom]
        app.view_functions[nom] = vue
    app.register_blueprint(api)
