"""The extended web server: OpenFisca's own Flask app, with this package's API routes and pages, under gunicorn.

    openfisca-gen serve [--port 5000] [--max-request-bytes N] [--max-trainings N]

Every standard route is OpenFisca's, answering valid requests as plain
OpenFisca does; `openfisca_gen.api` adds /explain, /compare, /reforms, the
checks and the faster /calculate; `openfisca_gen.pages` adds the pages.
Here they are put together, with what the whole server owes its clients:
JSON error bodies for every 4xx, an `error` key on OpenFisca's own 4xx, and a
/spec that documents the new routes and carries every example situation.
"""

from flask import abort, current_app, jsonify, make_response, request
from gunicorn.app.base import BaseApplication
from openfisca_web_api.app import create_app
from werkzeug.exceptions import ClientDisconnected, HTTPException, RequestEntityTooLarge
from werkzeug.wsgi import get_input_stream

from openfisca_gen import api, pages
from openfisca_gen.limites import DELAI_DE_VIDAGE, MAX_REQUEST_BYTES, MAX_TRAININGS, VIDAGE_MAX
from openfisca_gen.pages import enregistrer as enregistrer_pages
from openfisca_gen.situation_examples import EXAMPLES
from openfisca_gen.systeme import la_loi
from openfisca_gen.validation import Probleme
from openfisca_gen.validation.erreurs import feuilles


def creer_app(
    tax_benefit_system=None,
    max_request_bytes: int = MAX_REQUEST_BYTES,
    max_trainings: int = MAX_TRAININGS,
    public_url: str | None = None,
):
    """OpenFisca's app for this package, with the API's routes and rules and the pages."""
    tax_benefit_system = tax_benefit_system or la_loi()
    app = create_app(tax_benefit_system)
    app.config["MAX_CONTENT_LENGTH"] = max_request_bytes
    api.enregistrer(app, tax_benefit_system, max_trainings)
    enregistrer_pages(app, tax_benefit_system, public_url, max_trainings)
    app.register_error_handler(HTTPException, _erreur_http)
    app.before_request_funcs.setdefault(None, []).insert(0, _sans_barre_finale)  # before OpenFisca's redirect
    app.after_request(_message_d_erreur)
    app.after_request(_spec_etendue)
    app.after_request(_corps_lu)
    return app


def _corps_lu(reponse):
    """A body over the limit (an upload of 8 MB) is read to its end before the answer, up to VIDAGE_MAX: left
    unread, the server closed the connection on it, and a browser showed « connection reset » instead of the page
    that says the file is too large. Only the body is read, as far as its length or its last chunk: a request
    without one reads nothing (the raw socket of Werkzeug's own server waited for more, every GET hung)."""
    environ = request.environ
    terminee = environ.get("wsgi.input_terminated")
    if not (request.content_length or terminee):  # no body (a GET): nothing to read, no socket to set
        return reponse
    prise = environ.get("gunicorn.socket")  # a client that sends less than it announced waits no worker out
    delai = prise.gettimeout() if prise is not None else None
    if prise is not None:
        prise.settimeout(DELAI_DE_VIDAGE)
    try:
        try:
            _vider(request.stream)  # as far as the request read it: empty where it read it all
        except RequestEntityTooLarge:  # refused before it was read (its length), or while (chunked)
            _vider(environ["wsgi.input"] if terminee else get_input_stream(environ, max_content_length=None))
    except (ClientDisconnected, OSError):  # gone, or too slow: the answer is sent as it is
        pass
    finally:
        if prise is not None:
            prise.settimeout(delai)
    return reponse


def _vider(flux) -> None:
    lu = 0
    while lu < VIDAGE_MAX and (morceau := flux.read(1 << 20)):
        lu += len(morceau)


def _sans_barre_finale():
    """A route's path with a trailing slash (/calculate/): OpenFisca redirects it with a 302, which a client
    follows with a GET and no body (a 405, or « Invalid JSON »), in an HTML page. OPTIONS answers as on the
    route, a 200 with `Allow` (a CORS preflight may not follow a redirect); any other method gets a 308 to the
    route, whose method and body a client sends again: said in JSON to an API client, in French to a browser."""
    chemin = request.path.rstrip("/") or "/"
    if chemin == request.path:
        return None
    methodes = current_app.url_map.bind("", script_name=request.script_root).allowed_methods(chemin)
    if not methodes:
        abort(404)  # no such route, with or without the slash: said as every 404 is, not redirected to one
    if request.method == "OPTIONS":
        return current_app.response_class(status=200, headers={"Allow": ", ".join(sorted(methodes))})
    route = request.script_root + chemin
    adresse = route + (f"?{request.query_string.decode('latin-1')}" if request.query_string else "")
    if pages.navigateur():
        return pages.rediriger(adresse, 308)
    probleme = Probleme("barre_finale", {"chemin": request.script_root + request.path, "route": route})
    return make_response(jsonify(api.corps_d_erreur([probleme.en_json()])), 308, {"Location": adresse})


def _erreur_http(erreur):
    """Every 4xx answered in JSON, as OpenFisca's own 400s are; in a French page to a browser."""
    if erreur.response is not None:
        return erreur.response
    entetes = [(cle, valeur) for cle, valeur in erreur.get_headers() if cle.lower() != "content-type"]  # 405: Allow
    if pages.navigateur():
        return make_response(*pages.page_d_erreur_http(erreur.code), entetes)
    probleme = {"field": None, "message": erreur.description, "code": "http"}  # werkzeug's words: no field
    if erreur.code == 413:
        probleme = Probleme("requete_trop_grosse", {"maximum": request.max_content_length}).en_json()
    return make_response(jsonify(api.corps_d_erreur([probleme])), erreur.code, entetes)


def _message_d_erreur(reponse):
    """OpenFisca's 4xx name the field by nested keys ({"formations": {"f": {"x": "..."}}}): add the usual "error"
    and "errors" keys too, each problem with its field (the last key), its path (the keys joined by /) and its
    message."""
    if 400 <= reponse.status_code < 500 and reponse.is_json:
        corps = reponse.get_json(silent=True)
        if isinstance(corps, dict) and "error" not in corps:
            erreurs = [
                {
                    "code": "openfisca",
                    "field": chemin.rsplit("/", 1)[-1],
                    "path": chemin,
                    "message": f"{chemin}: {valeur}",
                }
                for chemin, valeur in feuilles(corps)
            ]
            reponse.set_data(current_app.json.dumps({**api.corps_d_erreur(erreurs), **corps}))
    return reponse


def _spec_etendue(reponse):
    """/spec also documents the API's own routes, and carries every example situation."""
    if request.path == "/spec" and request.method == "GET" and reponse.status_code == 200 and reponse.is_json:
        spec = reponse.get_json()
        spec["paths"].update(api.EXTENSION_OPENAPI["paths"])
        for route in ("/calculate", "/trace"):  # what the extended server also answers on OpenFisca's routes
            spec["paths"][route]["post"]["responses"] |= {
                str(code): api.EXTENSION_OPENAPI["paths"]["/explain"]["post"]["responses"][code] for code in (413, 415)
            }
        corps = spec["paths"]["/calculate"]["post"]["requestBody"]["content"]["application/json"]
        corps["examples"] = {nom: {"value": situation} for nom, situation in EXAMPLES.items()}
        reponse.set_data(current_app.json.dumps(spec))
    return reponse


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
