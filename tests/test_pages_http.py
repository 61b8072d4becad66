"""The extended server's pages without a browser: over real HTTP, `/` for browsers and API clients, /sources
(read-only, nothing outside the package) and the Legislation Explorer's links, which must resolve; through
Flask's test client, what the forms answer to what a browser (or anyone) may post."""

import io
import re
import sys
import tempfile
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest

from openfisca_gen.pages import simulateur
from openfisca_gen.pages.fichiers import trouver

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
def serveur_public(servir):
    """The extended server told its public address, as behind a reverse proxy."""
    bin_ = Path(sys.executable).parent
    return servir([str(bin_ / "openfisca-gen"), "serve", "--port", "0", "--workers", "1", "--public-url", PUBLIC])


def test_a_browser_on_the_root_is_sent_to_the_simulator_and_api_clients_keep_openfiscas_answer(serveur):
    statut, type_, texte, url = lire(serveur + "/", "text/html,application/xhtml+xml,*/*;q=0.8")
    assert (statut, url) == (200, serveur + "/simulateur") and type_.startswith("text/html")
    assert '<html lang="fr">' in texte
    for accept in ("*/*", "application/json"):
        statut, type_, texte, _ = lire(serveur + "/", accept)
        assert statut == 300 and type_ == "application/json" and "welcome" in texte


def test_variable_sources_formulas_and_references_resolve_to_the_package_files(serveur, requete):
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


def test_parameter_sources_resolve(serveur, requete):
    statut, parametre = requete(serveur + "/parameter/financement_amorcage.plafond")
    assert statut == 200
    assert parametre["source"] == f"{serveur}/sources/parameters/financement_amorcage/plafond.yaml"
    statut, _, texte, _ = lire(parametre["source"])
    assert statut == 200 and "Plafond du financement" in texte


def test_every_variable_source_resolves(serveur, requete):
    """What the Legislation Explorer links to, for every variable: one request per file."""
    variables = requete(serveur + "/variables")[1]
    fichiers = {requete(serveur + f"/variable/{nom}")[1]["source"].split("#")[0] for nom in variables}
    assert all(f.startswith(f"{serveur}/sources/variables/") for f in fichiers)
    assert {lire(f)[0] for f in fichiers} == {200}


def test_a_public_url_names_the_links(serveur_public, requete):
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
    assert "Le fichier dépasse la taille admise (2\u202f000 octets)" in texte


# The forms, posted as a browser posts them (Flask's test client: multipart uploads, no server needed)


class Page(HTMLParser):
    """A page read with the standard library: each element's attributes and text, by id."""

    VIDES = {"input", "br", "img", "meta", "link", "hr", "source", "wbr"}

    def __init__(self, html: str):
        super().__init__()
        self.attributs, self.textes, self._ouverts = {}, {}, []
        self._lignes = []  # (ids of the row's ancestors, its cells' texts)
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.attributs[attrs["id"]], self.textes[attrs["id"]] = attrs, ""
        if tag not in self.VIDES:
            self._ouverts.append((tag, attrs.get("id")))
        if tag == "tr":
            self._lignes.append(({ident for _, ident in self._ouverts if ident}, []))
        elif tag in ("td", "th") and self._lignes:
            self._lignes[-1][1].append("")

    def handle_endtag(self, tag):
        while self._ouverts and self._ouverts.pop()[0] != tag:
            pass

    def handle_data(self, data):
        for _, ident in self._ouverts:
            if ident:
                self.textes[ident] += data
        if self._lignes and self._lignes[-1][1] and any(tag in ("td", "th") for tag, _ in self._ouverts):
            self._lignes[-1][1][-1] += data

    def lignes(self, ident: str) -> list[list[str]]:
        """The rows of the tables inside element `ident`, each a list of its cells' texts."""
        return [[" ".join(c.split()) for c in cellules] for ancetres, cellules in self._lignes if ident in ancetres]

    def texte(self, ident: str) -> str:
        return " ".join(self.textes.get(ident, "").split())

    def erreurs(self) -> dict[str, str]:
        """The messages next to each field in error, by field name (a field's second message is erreur-<name>-2)."""
        par_champ = {}
        for ident in self.textes:
            if ident.startswith("erreur-"):
                nom = re.sub(r"-\d+$", "", ident.removeprefix("erreur-"))
                par_champ[nom] = " ".join(filter(None, [par_champ.get(nom), self.texte(ident)]))
        return par_champ


@pytest.fixture(scope="module")
def client(tax_benefit_system):
    from openfisca_gen.web import creer_app

    return creer_app(tax_benefit_system).test_client()


@pytest.fixture(scope="module")
def exemple(tax_benefit_system):
    """The simulator's form as GET pre-fills it: the shipped eligible training."""
    return simulateur.valeurs_exemple(tax_benefit_system)


def simuler(client, champs: dict) -> Page:
    reponse = client.post("/simulateur", data=champs)
    assert reponse.status_code == 200
    return Page(reponse.get_data(as_text=True))


def test_an_empty_month_is_the_filing_dates_and_every_wrong_field_is_named_at_once(client, exemple):
    page = simuler(
        client,
        exemple | {"period": "", "date_depot_dossier": "", "duree_formation_mois": "abc",
                   "nombre_apprenants": "99999999999999999999", "nombre_femmes": "-3"},
    )  # fmt: skip
    erreurs = page.erreurs()
    assert set(erreurs) == {"date_depot_dossier", "duree_formation_mois", "nombre_apprenants", "nombre_femmes"}
    assert "Valeur obligatoire" in erreurs["date_depot_dossier"]
    assert "Doit être un nombre : « abc » n'en est pas un" in erreurs["duree_formation_mois"]  # in French
    assert "nombre entier" in erreurs["nombre_apprenants"]
    assert "Ne peut pas être négatif (vous avez saisi −3)" in erreurs["nombre_femmes"]
    assert "Le formulaire contient 4 erreurs" in page.texte("erreurs")
    page = simuler(client, exemple | {"period": "", "date_depot_dossier": "2016-09-01"})
    assert page.erreurs() == {} and page.texte("titre-resultat") == "Résultat pour septembre 2016"


def test_an_empty_filing_date_is_refused_as_required(client, exemple):
    page = simuler(client, exemple | {"date_depot_dossier": "", "period": "2015-10"})  # a month given, no date
    assert list(page.erreurs()) == ["date_depot_dossier"]
    assert page.attributs["date_depot_dossier"]["aria-invalid"] == "true"
    assert "resultat" not in page.attributs


def test_a_posted_form_uses_only_what_was_posted(client, exemple):
    page = simuler(client, {})
    assert "resultat" not in page.attributs
    assert {"date_depot_dossier", "budget_session", "duree_formation_mois", "metier_vise"} <= set(page.erreurs())
    page = simuler(client, exemple | {"formation_gratuite": "maybe"})
    assert "resultat" not in page.attributs
    assert "Doit être « oui » ou « non » (reçu « maybe »)" in page.erreurs()["formation_gratuite"]


def test_a_refused_value_is_named_once_and_echoed_as_typed(client, exemple):
    page = simuler(client, exemple | {"budget_session": "", "duree_formation_mois": "sept", "nombre_femmes": "-3"})
    erreurs = page.erreurs()
    assert "Valeur obligatoire" in erreurs["budget_session"] and "got ''" not in erreurs["budget_session"]
    assert erreurs["nombre_femmes"].endswith("Ne peut pas être négatif (vous avez saisi −3)")
    assert not any("formation 'formation'" in message for message in erreurs.values())
    assert page.attributs["duree_formation_mois"]["value"] == "sept"
    assert page.attributs["nombre_femmes"]["value"] == "-3"


def comparer_page(client, champs: dict, nom: str, contenu: bytes) -> Page:
    corps = {"period": "2015-10", **champs, "donnees": (io.BytesIO(contenu), nom)}
    reponse = client.post("/reformes", data=corps, content_type="multipart/form-data")
    assert reponse.status_code == 200
    return Page(reponse.get_data(as_text=True))


def test_the_workshop_shows_data_and_parameter_errors_at_once_data_errors_by_line(client):
    contenu = (
        "formation_id,structure_id,statut_structure,budget_session,duree_formation_mois\n"
        "a,s1,association,-5,7\nb,s1,entreprise_privee,1000,7\nc,s2,association,1000,abc\n"
    )
    page = comparer_page(client, {"financement_amorcage.taux": "-0,5"}, "mes formations.csv", contenu.encode())
    assert "Ne peut pas être négatif (vous avez saisi −0,5)" in page.erreurs()["financement_amorcage.taux"]
    lignes = page.lignes("erreurs-donnees")[1:]  # below the header
    assert [ligne[:2] for ligne in lignes] == [
        ["2", "budget_session"],
        ["4", "duree_formation_mois"],
        ["lignes de la structure « s1 »", "statut_structure"],
    ]
    assert lignes[0][2] == "Ne peut pas être négatif (vous avez saisi −5)"  # in French, its line in its own column
    assert "resultat" not in page.attributs


@pytest.mark.parametrize("contenu", [b"", b"\x89PNG\r\n\x1a\n\x00\xff\xfe"])
def test_an_unreadable_upload_is_named_by_its_own_name(client, contenu):
    page = comparer_page(client, {"financement_amorcage.plafond": "50000"}, "mes données.csv", contenu)
    [[ligne, colonne, message]] = page.lignes("erreurs-donnees")[1:]
    assert (ligne, colonne) == ("tout le fichier", "")
    assert message.startswith("Le fichier « mes données.csv » ")
    assert "/tmp" not in page.texte("contenu") and tempfile.gettempdir() not in page.texte("contenu")


def test_a_workshop_switch_must_be_true_or_false(client):
    nom = "labellisation.conditions.duree_formation_eligible"
    page = comparer_page(client, {nom: "maybe"}, "vide.csv", b"formation_id\na\n")
    assert "Doit être coché ou décoché" in page.erreurs()[nom]
