"""The extended server's pages over real HTTP, without a browser: `/` for browsers and API clients,
/sources (read-only, nothing outside the package), and the Legislation Explorer's links, which must resolve."""

import io
import re
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import _servir

from openfisca_gen.pages.fichiers import trouver
from openfisca_gen.serveur_local import port_libre, requete

PUBLIC = "https://gen.example.fr/api/"


def lire(url: str, accept: str = "*/*"):
    """(status, content type, text, final URL) of a GET; redirects followed."""
    demande = urllib.request.Request(url, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(demande, timeout=30) as reponse:
            return reponse.status, reponse.headers["Content-Type"], reponse.read().decode(), reponse.url
    except urllib.error.HTTPError as erreur:
        return erreur.code, erreur.headers["Content-Type"], erreur.read().decode(), url


@pytest.fixture(scope="module")
def serveur_public():
    """The extended server told its public address, as behind a reverse proxy."""
    port = port_libre()
    bin_ = Path(sys.executable).parent
    commande = [str(bin_ / "openfisca-gen"), "serve", "--port", str(port), "--workers", "1", "--public-url", PUBLIC]
    yield from _servir(commande, port)


def test_a_browser_on_the_root_is_sent_to_the_simulator_and_api_clients_keep_openfiscas_answer(serveur):
    statut, type_, texte, url = lire(serveur + "/", "text/html,application/xhtml+xml,*/*;q=0.8")
    assert (statut, url) == (200, serveur + "/simulateur") and type_.startswith("text/html")
    assert '<html lang="fr">' in texte
    for accept in ("*/*", "application/json"):
        statut, type_, texte, _ = lire(serveur + "/", accept)
        assert statut == 300 and type_ == "application/json" and "welcome" in texte


def test_variable_sources_formulas_and_references_resolve_to_the_package_files(serveur):
    statut, variable = requete(serveur + "/variable/financement_amorcage")
    assert statut == 200
    source = variable["source"]
    chemin, ancre = re.fullmatch(
        rf"{serveur}/sources/(variables/financement_amorcage\.py)#(L\d+-L\d+)", source
    ).groups()
    statut, type_, texte, _ = lire(source)
    assert statut == 200 and type_.startswith("text/html")
    debut, fin = (int(n) for n in re.findall(r"\d+", ancre))
    lignes = trouver(chemin).read_text(encoding="utf-8").splitlines()
    assert any(ligne.startswith("class financement_amorcage(") for ligne in lignes[debut - 1 : fin])
    assert f'id="L{debut}"' in texte and "class financement_amorcage(" in texte
    for formule in variable["formulas"].values():
        assert formule["source"].startswith(f"{serveur}/sources/variables/financement_amorcage.py#L")
    [reference] = variable["references"]
    assert reference == f"{serveur}/sources/docs/sources/communique-2015-09-17.txt"
    statut, _, texte, _ = lire(reference)
    assert statut == 200 and "la campagne de labellisation est lancée" in texte


def test_parameter_sources_resolve(serveur):
    statut, parametre = requete(serveur + "/parameter/financement_amorcage.plafond")
    assert statut == 200
    assert parametre["source"] == f"{serveur}/sources/parameters/financement_amorcage/plafond.yaml"
    statut, _, texte, _ = lire(parametre["source"])
    assert statut == 200 and "Plafond du financement" in texte


def test_every_variable_source_resolves(serveur):
    """What the Legislation Explorer links to, for every variable: one request per file."""
    variables = requete(serveur + "/variables")[1]
    fichiers = {requete(serveur + f"/variable/{nom}")[1]["source"].split("#")[0] for nom in variables}
    assert all(f.startswith(f"{serveur}/sources/variables/") for f in fichiers)
    assert {lire(f)[0] for f in fichiers} == {200}


def test_a_public_url_names_the_links(serveur_public):
    variable = requete(serveur_public + "/variable/budget_session")[1]
    assert variable["source"].startswith(PUBLIC + "sources/variables/financement_amorcage.py#L")
    assert variable["references"] == [PUBLIC + "sources/docs/sources/communique-2015-09-17.txt"]


def test_sources_lists_folders(serveur):
    statut, _, texte, _ = lire(serveur + "/sources")
    assert statut == 200 and all(f'href="/sources/{racine}"' in texte for racine in ("parameters", "docs/sources"))
    statut, _, texte, _ = lire(serveur + "/sources/docs/sources")
    assert statut == 200 and 'href="/sources/docs/sources/communique-2015-09-17.txt"' in texte


@pytest.mark.parametrize(
    "chemin",
    [
        "/sources/..%2fsetup.py",
        "/sources/docs/sources/..%2f..%2fsetup.py",
        "/sources/variables/..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/sources/%2fetc%2fpasswd",
        "/sources/etc/passwd",
        "/sources/docs/images",
        "/sources/openfisca_gen/__pycache__",
        "/sources/variables/%2e%2e/setup.py",
        "/sources/variables/labellisation.py%00.txt",
    ],
)
def test_sources_serve_nothing_outside_the_package(serveur, chemin):
    assert lire(serveur + chemin)[0] == 404


def test_pages_load_nothing_from_elsewhere(serveur):
    """A policy the browser enforces: scripts, styles and images from this server only (charts are data: URIs)."""
    for page in ("/simulateur", "/reformes", "/sources"):
        demande = urllib.request.Request(serveur + page)
        with urllib.request.urlopen(demande, timeout=30) as reponse:
            politique = reponse.headers["Content-Security-Policy"]
            texte = reponse.read().decode()
        assert "default-src 'self'" in politique
        assert not re.search(r'(src|href)="(https?:)?//', texte), page


def test_a_file_above_the_servers_limit_is_named_next_to_its_field():
    from openfisca_gen.web import creer_app

    client = creer_app(max_request_bytes=2000).test_client()
    corps = {"period": "2015-10", "donnees": (io.BytesIO(b"x" * 5000), "grand.csv")}
    reponse = client.post("/reformes", data=corps, content_type="multipart/form-data")
    texte = reponse.get_data(as_text=True)
    assert reponse.status_code == 200 and 'id="erreur-donnees"' in texte
    assert "the file is larger than 2000 bytes" in texte
