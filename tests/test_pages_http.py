"""The extended server's pages without a browser: over real HTTP, `/` for browsers and API clients, /sources
(read-only, nothing outside the package) and the Legislation Explorer's links, which must resolve; through
Flask's test client, what the simulator answers a provider, in the provider's words. Every amount and threshold
expected is computed by the model here, never written down."""

import html
import io
import re
import sys
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

import pytest

from openfisca_gen.pages import simulateur
from openfisca_gen.pages.champs import appels, appels_par_champ
from openfisca_gen.pages.fichiers import trouver
from openfisca_gen.pages.francais import date_lisible, euros, mois_lisible, pourcent

PUBLIC = "https://gen.example.fr/api/"
LUS = ["financement_amorcage", "financement_amorcage_avant_plafond", "nombre_sessions_financees",
       "plafond_financement_amorcage", "financement_amorcage_plafonne"]  # fmt: skip


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


@pytest.mark.parametrize("chemin", ["financement_amorcage.plafond", "calendrier.date_ouverture", "interpretations"])
def test_a_parameters_references_resolve_each_by_its_title(serveur, requete, chemin):
    """A parameter's reference that is not a URL (the founding press release, cited by its title) was left as
    text, or as a title without a link, where a variable's pointed to its stored text."""
    references = requete(serveur + f"/parameter/{chemin}")[1]["metadata"]["reference"]
    references = references if isinstance(references, list) else [references]
    assert all(isinstance(r, dict) and r["title"] and r["href"].startswith(("http", serveur)) for r in references)
    [communique] = [r for r in references if r["title"].startswith("Communiqué de presse du 17 septembre 2015")]
    assert communique["href"] == f"{serveur}/sources/docs/sources/communique-2015-09-17.txt"
    statut, _, texte, _ = lire(communique["href"])
    assert statut == 200 and "la campagne de labellisation est lancée" in texte


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


def test_every_link_of_a_stored_texts_breadcrumb_answers(serveur):
    """`/sources/docs`, the breadcrumb's link over every stored text, was « Page introuvable »: it lists what the
    pages serve under it."""
    texte = lire(serveur + "/sources/docs/sources/communique-2015-09-17.txt")[2]
    ariane = re.search(r'class="ariane">.*?</nav>', texte, re.S)
    liens = re.findall(r'href="([^"]+)"', ariane.group(0))
    assert liens == ["/sources", "/sources/docs", "/sources/docs/sources"]
    assert all(lire(serveur + lien)[0] == 200 for lien in liens)
    assert 'href="/sources/docs/sources"' in lire(serveur + "/sources/docs")[2]


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
    # the server's limit is on the request, the form's fields with the file: a file just under it was « larger »
    attendu = "Le fichier, avec le formulaire, dépasse la taille admise (2 000 octets pour l'ensemble)"
    assert attendu in plat(html.unescape(texte))
    assert "ce que vous aviez saisi avec lui est à saisir de nouveau" in texte  # the law's values shown


# The simulator, through Flask's test client (no server needed): what it answers, in a provider's words


class Page(HTMLParser):
    """A page read with the standard library: each element (tag, attributes, text), and its ids."""

    VIDES = {"input", "br", "img", "meta", "link", "hr", "source", "wbr", "path", "rect", "line", "col"}

    def __init__(self, html: str):
        super().__init__()
        self.html, self.elements, self._ouverts = html, [], []
        self.feed(html)
        self.par_id = {e["attrs"]["id"]: e for e in self.elements if "id" in e["attrs"]}

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "texte": ""}
        self.elements.append(element)
        if tag not in self.VIDES:
            self._ouverts.append(element)

    def handle_startendtag(self, tag, attrs):
        self.elements.append({"tag": tag, "attrs": dict(attrs), "texte": ""})

    def handle_endtag(self, tag):
        while self._ouverts and self._ouverts.pop()["tag"] != tag:
            pass

    def handle_data(self, data):
        for element in self._ouverts:
            element["texte"] += data

    def tous(self, attribut: str, valeur=None) -> list[dict]:
        """The elements with `attribut` (equal to `valeur`, if given)."""
        return [e for e in self.elements if attribut in e["attrs"] and valeur in (None, e["attrs"][attribut])]

    def texte(self, ident: str) -> str:
        return " ".join(self.par_id[ident]["texte"].split()) if ident in self.par_id else ""

    def attributs(self, ident: str) -> dict:
        return self.par_id[ident]["attrs"]

    def erreurs(self) -> dict[str, str]:
        """The messages next to each field, by field name (a field's second message is erreur-<name>-2)."""
        par_champ = {}
        for ident in self.par_id:
            if ident.startswith("erreur-"):
                nom = re.sub(r"-\d+$", "", ident.removeprefix("erreur-"))
                par_champ[nom] = " ".join(filter(None, [par_champ.get(nom), self.texte(ident)]))
        return par_champ

    def valeur(self, variable: str) -> str:
        """The `data-value` of the element `data-variable="<variable>"` (the hooks the pages promise)."""
        [element] = self.tous("data-variable", variable)
        return element["attrs"]["data-value"]


# Words a provider would not understand: the model's English, code names, unreadable numbers.
ETRANGERS = re.compile(r"\b(expects|got|field|must|baseline|reform|winners|None|NaN|nan|inf|Infinity|True|False)\b")


def plat(texte: str) -> str:
    """Text with every space as one plain space (the pages write thin and no-break spaces in numbers)."""
    return " ".join(str(texte).split())


def ouvrir(client, url: str, **options) -> Page:
    reponse = client.get(url, **options)
    assert reponse.status_code == 200, reponse.status_code
    return Page(reponse.get_data(as_text=True))


def visible(page: Page) -> str:
    """What a reader sees of the page: its text and attributes read aloud, without the code and markup."""
    sans_code = re.sub(r"<(script|style|code)\b.*?</\1>", " ", page.html, flags=re.S)
    textes = re.sub(r"<[^>]+>", " ", sans_code)
    lus = " ".join(v for e in page.elements for k, v in e["attrs"].items() if k in ("alt", "aria-label", "title") and v)
    return " ".join(html.unescape(f"{textes} {lus}").split())


@pytest.fixture(scope="module")
def exemple(tax_benefit_system):
    """The simulator's form as GET pre-fills it: the shipped eligible training."""
    return simulateur.valeurs_exemple(tax_benefit_system)


def simuler(client, champs: dict) -> Page:
    return ouvrir(client, "/simulateur?" + urlencode(champs))


def calcul_du_modele(client, saisie: dict, variables, mois: str) -> dict:
    """What the model gives the same training through the web API (/calculate): the expected values."""
    systeme = client.application.extensions["openfisca_gen.pages"]["tax_benefit_system"]
    entrees = simulateur.situation(systeme, saisie, mois, simulateur.appel_choisi(systeme, saisie))
    for nom in variables:
        entrees["formations"]["formation"][nom] = {mois: None}
    reponse = client.post("/calculate", json=entrees)
    assert reponse.status_code == 200, reponse.get_json()
    return {nom: reponse.get_json()["formations"]["formation"][nom][mois] for nom in variables}


def test_the_empty_form_asks_each_call_only_its_own_questions(client, tax_benefit_system):
    for numero, appel in enumerate(appels(tax_benefit_system), 1):
        page = ouvrir(client, f"/simulateur?appel={numero}&changer=appel")
        montres = {
            e["attrs"]["id"].removeprefix("champ-") for e in page.tous("data-appels") if "hidden" not in e["attrs"]
        }
        utilises = {nom for nom, numeros in appels_par_champ(tax_benefit_system).items() if numero in numeros}
        assert montres == utilises, appel["libelle"]
        assert page.attributs("appel")["id"] == "appel" and "resultat" not in page.par_id
    trois = ouvrir(client, "/simulateur?appel=3&changer=appel")
    assert "hidden" in trois.par_id["champ-pedagogie_innovante"]["attrs"]
    assert "hidden" not in trois.par_id["champ-nombre_demandeurs_emploi_peu_qualifies"]["attrs"]


def test_each_field_has_a_help_of_its_own_in_plain_french(client, tax_benefit_system):
    page = ouvrir(client, "/simulateur")
    aides = {e["attrs"]["id"].removeprefix("aide-"): " ".join(e["texte"].split()) for e in page.tous("id")
             if e["attrs"]["id"].startswith("aide-")}  # fmt: skip
    entrees = set(simulateur.variables_d_entree(tax_benefit_system))
    assert entrees <= set(aides) and len(set(aides.values())) == len(aides)  # one help each, none repeated
    assert not any(ETRANGERS.search(texte) or "Confidence" in texte for texte in aides.values())
    # a training of exactly the threshold gets one session (« au-delà » said: two)
    seuil = tax_benefit_system.parameters.financement_amorcage.seuil_duree_mois("2015-09-17")
    assert f"d'une seule à partir de {seuil} mois" in plat(aides["duree_formation_mois"])
    # the three low-qualification counts say which call uses which
    assert "3e appel" in aides["nombre_demandeurs_emploi_peu_qualifies"]
    assert "1er et 2e appels" in aides["nombre_jeunes_neet_peu_qualifies"]
    # the committee's decision and its date come under "après la décision du comité", closed
    decision = page.par_id["groupe-decision"]
    assert decision["tag"] == "details" and "open" not in decision["attrs"]
    # « déjà labellisée »: the second call funds it no more, but labels it (its help said it labels none again)
    for appel, dit, tait in ((2, "ne finance pas", "ne labellise que"), (3, "ne labellise que", None)):
        aide = ouvrir(client, f"/simulateur?appel={appel}&changer=appel").texte(
            "aide-labellisee_lors_d_un_appel_precedent"
        )
        assert f"Le {appel}e appel {dit}" in aide and (tait is None or tait not in aide), aide


def test_an_eligible_training_gets_a_verdict_and_its_amount_in_one_sentence(client, exemple, tax_benefit_system):
    saisie = exemple | {"duree_formation_mois": "5", "budget_session": "45 000 €"}
    page = simuler(client, saisie)
    attendu = calcul_du_modele(client, saisie | {"budget_session": "45000"}, LUS, "2015-10")
    assert page.valeur("eligible_labellisation") == "true"
    assert float(page.valeur("financement_amorcage")) == attendu["financement_amorcage"]
    regles = appels(tax_benefit_system)[0]["regles"].financement_amorcage
    [phrase] = page.tous("data-montant")
    texte = " ".join(phrase["texte"].split())
    assert texte.startswith(plat(euros(attendu["financement_amorcage"])))
    assert plat(f"{pourcent(regles.taux)} du budget de deux sessions") in texte  # two sessions: 5 months
    assert attendu["nombre_sessions_financees"] == 2
    assert f"car la formation dure moins de {regles.seuil_duree_mois} mois" in texte
    assert plat(euros(attendu["plafond_financement_amorcage"])) in texte
    # no committee decision: the convention is said once, as a convention, not as a doubt
    assert visible(page).count("convention de calcul") == 1
    # its amount hangs on one disputed reading (0.7): a flat 70 000 € per structure would raise it
    assert [e["attrs"]["data-interpretation"] for e in page.tous("data-interpretation")] == [
        "dotation_forfaitaire_par_structure"
    ]


def test_a_capped_amount_says_what_it_would_have_been(client, exemple):
    saisie = exemple | {"budget_session": "200k"}
    page = simuler(client, saisie)
    attendu = calcul_du_modele(client, saisie | {"budget_session": "200000"}, LUS, "2015-10")
    assert attendu["financement_amorcage_plafonne"]
    texte = " ".join(page.tous("data-montant")[0]["texte"].split())
    assert plat(euros(attendu["financement_amorcage_avant_plafond"])) in texte and "plafond" in texte


def test_each_failed_condition_says_what_the_training_would_need(client, exemple, tax_benefit_system):
    page = simuler(client, exemple | {"duree_formation_mois": "2", "metier_vise": "hors_numerique",
                                      "formation_gratuite": "false"})  # fmt: skip
    bornes = appels(tax_benefit_system)[0]["regles"].labellisation.duree_formation
    conditions = {e["attrs"]["data-condition"]: " ".join(e["texte"].split()) for e in page.tous("data-condition")}
    assert set(conditions) == {"duree_formation_eligible", "formation_metier_numerique", "formation_gratuite"}
    assert (
        f"La formation doit durer au moins {bornes.minimum_mois} mois : elle en dure 2."
        in conditions["duree_formation_eligible"]
    )
    assert "« Métier hors du numérique » n'en est pas un" in conditions["formation_metier_numerique"]
    assert page.valeur("financement_amorcage") == "0"
    assert "montant avant plafond" not in visible(page)  # an ineligible training has no amount to explain
    ailleurs = [e for e in page.tous("href") if e["tag"] == "a" and e["attrs"]["href"].startswith("http")]
    assert ailleurs and not any("http" in e["texte"] for e in ailleurs)  # sources by title, never a raw address
    assert "Alter Way, « La grande école du numérique est lancée », février 2016" in visible(page)


def test_the_audience_is_held_against_the_national_objectives(client, exemple, tax_benefit_system):
    objectifs = appels(tax_benefit_system)[0]["regles"].publics_cibles.objectifs_nationaux
    un = simuler(client, exemple | {"nombre_apprenants": "20", "nombre_femmes": "1"})
    sept = simuler(client, exemple | {"nombre_apprenants": "20", "nombre_femmes": "7"})
    for page, femmes in ((un, 1), (sept, 7)):
        [ligne] = page.tous("data-public", "part_femmes")
        assert float(ligne["attrs"]["data-objectif"]) == objectifs.part_femmes
        assert plat(f"{femmes} sur 20 apprenants, soit {pourcent(femmes / 20)}") in plat(ligne["texte"])
        assert ("en dessous" in ligne["texte"]) == (femmes / 20 < objectifs.part_femmes)
    # the women's count left empty (it may be): not known, where « 0 sur 20 apprenants, soit 0 % » was said
    vide = simuler(client, exemple | {"nombre_apprenants": "20", "nombre_femmes": ""})
    [ligne] = vide.tous("data-public", "part_femmes")
    assert plat(ligne["texte"]) == plat("Femmes : nombre non indiqué ; l'objectif national est de 30 %.")
    assert ligne["attrs"]["data-part"] == "" and "class" not in ligne["attrs"]


def test_a_result_is_a_link_that_gives_it_again(client, exemple):
    page = simuler(client, exemple | {"budget_session": "75 000 €"})
    [lien] = page.tous("data-permalink")
    encore = ouvrir(client, html.unescape(lien["attrs"]["href"]))
    assert encore.valeur("financement_amorcage") == page.valeur("financement_amorcage")
    assert "resultat" in encore.par_id and encore.par_id["formulaire"]["attrs"]["method"] == "get"
    assert any(e["attrs"].get("href") == "#formulaire" for e in page.tous("href"))  # a way back to edit
    posee = Page(client.post("/simulateur", data=exemple | {"budget_session": "75 000 €"}).get_data(as_text=True))
    assert posee.valeur("financement_amorcage") == page.valeur("financement_amorcage")  # a POST still answers


@pytest.mark.parametrize("budget", ["75 000 €", "75k", "75 000", "75000,00", "75 k€"])
def test_a_budget_is_read_as_people_write_it(client, exemple, budget):
    attendu = calcul_du_modele(client, exemple | {"budget_session": "75000"}, ["financement_amorcage"], "2015-10")
    page = simuler(client, exemple | {"budget_session": budget})
    assert float(page.valeur("financement_amorcage")) == attendu["financement_amorcage"]


def test_every_mistake_gets_one_message_next_to_its_field_in_the_providers_words(client, exemple):
    fautes = {"budget_session": "abc", "date_depot_dossier": "", "nombre_apprenants": "-5", "nombre_femmes": "7",
              "duree_formation_mois": "99999999999999999999999"}  # fmt: skip
    page = simuler(client, exemple | fautes)
    erreurs = page.erreurs()
    assert set(erreurs) == {"budget_session", "date_depot_dossier", "nombre_apprenants", "duree_formation_mois"}
    assert erreurs["budget_session"] == "Le budget d'une session doit être un montant en euros, par exemple 45 000."
    assert erreurs["date_depot_dossier"].startswith("La date de dépôt est à remplir")
    assert "ne peut pas être en dessous de zéro (vous avez saisi −5)" in erreurs["nombre_apprenants"]
    assert "d'au plus un milliard" in erreurs["duree_formation_mois"]
    assert "4 informations sont à corriger" in page.texte("erreurs")
    assert page.attributs("budget_session")["value"] == "abc"  # what was typed stays, with its message
    assert page.attributs("budget_session")["aria-invalid"] == "true"
    assert not ETRANGERS.search(visible(page))
    # a choice left out shows none chosen beside « est à remplir », where « Association », the first, showed
    sans_statut = simuler(client, {cle: v for cle, v in exemple.items() if cle != "statut_structure"})
    assert "statut_structure" in sans_statut.erreurs()
    choix = re.search(r'<select id="statut_structure".*?</select>', sans_statut.html, re.S).group(0)
    assert re.findall(r"<option[^>]*selected[^>]*>([^<]*)", choix) == ["— à choisir —"]


@pytest.mark.parametrize(("champ", "textes"), [("budget_session", ["100000", "5"]),
                                                ("formation_gratuite", ["true", "false"])])  # fmt: skip
def test_a_field_given_twice_with_different_values_is_named_not_guessed(client, exemple, champ, textes):
    """A link edited by hand gave the budget twice: the last was taken (2,50 € of funding), and a free training
    given as not free too became ineligible. The same text twice is one value."""
    page = ouvrir(client, "/simulateur?" + urlencode({**exemple, champ: textes}, doseq=True))
    assert list(page.erreurs()) == [champ] and "resultat" not in page.par_id
    cites = ", ".join(f"« {texte} »" for texte in textes)
    assert plat(page.erreurs()[champ]).endswith(f" : plusieurs valeurs différentes sont données ({cites}) ; gardez-en "
                                                "une.")  # fmt: skip
    deux_fois = ouvrir(client, "/simulateur?" + urlencode({**exemple, champ: [textes[0]] * 2}, doseq=True))
    assert deux_fois.valeur("eligible_labellisation") == "true"
    trois_fois = ouvrir(client, "/simulateur?" + urlencode({**exemple, champ: [*textes, textes[0]]}, doseq=True))
    assert plat(trois_fois.erreurs()[champ]) == plat(page.erreurs()[champ])  # each text named once


def test_a_field_a_link_gives_that_the_page_does_not_take_is_said_not_dropped(client, exemple):
    """« nombre_femme=7 » (a link edited by hand) was dropped without a word, and the result computed without the
    women's count; « financement_amorcage.plafondd » showed the workshop's empty form. Each is now said, with the
    name it may stand for; the rest of the link still computes (a link shared on the web gains utm_source)."""
    liens = {
        "/simulateur?" + urlencode(exemple | {"nombre_femme": "7"}): (
            "nombre_femme",
            " (vouliez-vous dire nombre_femmes ?)",
        ),
        "/reformes?financement_amorcage.plafond=50000&utm_source=x": ("utm_source", ""),
        "/reformes?financement_amorcage.plafondd=50000": (
            "financement_amorcage.plafondd",
            " (vouliez-vous dire financement_amorcage.plafond ?)",
        ),
        # what prints as nothing is shown by its code: « budget_session » looked like the name it may stand for
        "/simulateur?" + urlencode(exemple | {"budget_session ": "5"}): (
            r"budget_session\x20",
            " (vouliez-vous dire budget_session ?)",
        ),
        "/simulateur?" + urlencode(exemple) + "&a%00b=1": (r"a\x00b", ""),
    }
    for lien, (nom, suggestion) in liens.items():
        texte = html.unescape(client.get(lien).get_data(as_text=True))
        note = re.search(r'<div class="avertissement" role="note" data-champs-inconnus="1">(.*?)</div>', texte, re.S)
        assert note and plat(re.sub(r"<[^>]+>", "", note.group(1))) == (
            f"Le lien donne « {nom} », qui n'est pas un champ de cette page{suggestion} : il n'est pas lu, et le "
            "calcul se fait sans lui."
        ), lien
    assert 'data-variable="financement_amorcage"' in client.get(next(iter(liens))).get_data(as_text=True)  # computed
    for propre in ("/simulateur?" + urlencode(exemple), "/reformes?financement_amorcage.plafond=50000", "/reformes"):
        assert "data-champs-inconnus" not in client.get(propre).get_data(as_text=True), propre


def test_a_day_typed_as_people_write_it_stays_in_its_field(client, exemple):
    """12/10/2015, as the messages suggest it, was written back as is into an <input type="date">, which browsers
    show empty: the next submit said the filing date was missing, and the committee's date was lost."""
    page = simuler(client, exemple | {"date_depot_dossier": "12/10/2015", "date_decision_comite": "03/02/2016"})
    assert page.valeur("eligible_labellisation") == "true"
    assert page.attributs("date_depot_dossier")["value"] == "2015-10-12"
    assert page.attributs("date_decision_comite")["value"] == "2016-02-03"


@pytest.mark.parametrize(
    ("projet", "phrase"),
    [
        ({"montant_projet_innovation": "25 000", "date_depot_projet_innovation": "2021-06-01", "period": "2021-10"},
         "déposé dans les délais (du 20 mai 2021 au 30 septembre 2021), d'un montant de 25 000 €, dans l'intervalle "
         "de 10 000 € à 40 000 € : il remplit les deux conditions de l’appel."),
        ({"montant_projet_innovation": "5 000", "date_depot_projet_innovation": "2021-10-01", "period": "2021-10"},
         "déposé hors délais (du 20 mai 2021 au 30 septembre 2021), d'un montant de 5 000 €, hors de l'intervalle "
         "de 10 000 € à 40 000 € : il ne peut pas être retenu."),
        ({"montant_projet_innovation": "25 000", "date_depot_projet_innovation": "2021-06-01", "period": "2016-02"},
         "l'appel à projets de 2021 n'existait pas encore en février 2016, le mois du calcul ; pour juger le projet, "
         "calculez un mois à partir de mai 2021"),  # a 500 while its rules did not exist; then no way out said
    ],
)  # fmt: skip
def test_an_innovation_project_asked_for_is_answered(client, exemple, projet, phrase):
    """The 2021 « Innovation » answers were asked for, and never used in the result."""
    page = simuler(client, exemple | projet)
    assert len(page.tous("data-innovation")) == 1 and phrase in plat(visible(page))


@pytest.mark.parametrize("donne", ["montant_projet_innovation", "date_depot_projet_innovation"])
def test_half_an_innovation_project_asks_for_the_other_half(client, exemple, donne):
    """An amount without a date was « déposé hors délais »; a date without an amount, nothing at all."""
    page = simuler(client, exemple | {donne: {"montant_projet_innovation": "20 000"}.get(donne, "2021-06-01")})
    manquant = ({"montant_projet_innovation", "date_depot_projet_innovation"} - {donne}).pop()
    assert "resultat" not in page.par_id and list(page.erreurs()) == [manquant]
    assert page.erreurs()[manquant].startswith("Un projet « Innovation » se juge sur son montant et sa date de dépôt")


def test_a_decision_before_the_filing_is_named_next_to_its_field(client, exemple):
    page = simuler(
        client, exemple | {"decision_comite_labellisation": "labellisee", "date_decision_comite": "2010-02-03"}
    )
    assert plat(page.erreurs()["date_decision_comite"]) == (
        "La date de la décision (3 février 2010) précède la date de dépôt (12 octobre 2015) : le comité statue sur "
        "un dossier déposé."
    )


def test_a_form_that_asked_another_calls_questions_is_not_simulated(client, exemple):
    """The 3rd call's questions asked, the filing date in the 1st call's window: its rules apply, but its questions
    (innovative teaching, women, NEET) were hidden, never sent, and read as « non » and 0: a wrong verdict, and
    nothing said. Now no result, the date's call's questions shown, and why."""
    envoye = {**exemple, "appel": "3", "nombre_demandeurs_emploi_peu_qualifies": "12"}
    page = Page(client.post("/simulateur", data=envoye).get_data(as_text=True))
    assert "resultat" not in page.par_id
    assert (
        "Votre date de dépôt, le 12 octobre 2015, relève du 1er appel (2015), dont les règles s'appliquent ; le "
        "formulaire posait les questions du 3e appel (2018). Les questions du 1er appel (2015) sont maintenant "
        "affichées : répondez-y, puis simulez." in plat(visible(page))
    )
    assert re.search(r'<option value="(\d)"[^>]*selected', page.html).group(1) == "1"
    meme = Page(client.post("/simulateur", data={**exemple, "appel": "1"}).get_data(as_text=True))
    assert meme.valeur("eligible_labellisation") == "true"  # the date's own call: simulated


@pytest.mark.parametrize(
    ("appel", "date", "fenetre"),
    [
        ("1", "2019-01-01", "du 17 septembre au 19 octobre 2015"),
        ("2", "2018-03-01", "du 23 août 2016 au 24 février 2017"),
    ],
)
def test_a_dossier_of_no_call_is_told_the_window_of_the_call_chosen_and_nothing_it_was_not_asked(
    client, exemple, appel, date, fenetre
):  # fmt: skip
    """Filed outside every window, a dossier is judged by no call; the page listed the failures of the call in
    force (the 3rd's ten job seekers, a count the 1st call's form never asked, read as 0) and its window, not the
    call chosen's, and left out what that call would refuse."""
    page = simuler(client, exemple | {"appel": appel, "date_depot_dossier": date, "duree_formation_mois": "30"})
    assert page.valeur("eligible_labellisation") == "false" and page.valeur("financement_amorcage") == "0"
    [condition] = page.tous("data-condition")
    assert condition["attrs"]["data-condition"] == "dossier_depose_dans_les_delais"
    assert f"Le dossier doit être déposé {fenetre} : il l'a été le " in plat(condition["texte"])
    assert "ne relève d'aucun appel" in plat(visible(page)) and "ne remplit pas une condition" in plat(visible(page))


def test_no_funding_says_the_models_own_reason(client, exemple):
    """A second-call dossier labelled before gets no funding because the grant is « non reconductible »; the page
    said it had common-law funding, which it had not."""
    deuxieme = exemple | {"appel": "2", "date_depot_dossier": "2016-09-10", "period": "2016-10"}
    page = simuler(client, deuxieme | {"labellisee_lors_d_un_appel_precedent": "true"})
    assert page.valeur("financement_amorcage") == "0" and "non reconductible, et la formation a été labellisée " \
        "lors d'un appel précédent" in plat(visible(page))  # fmt: skip
    droit_commun = simuler(client, deuxieme | {"financements_droit_commun_obtenus": "true"})
    assert "a déjà accès aux financements de droit commun" in plat(visible(droit_commun))


def test_the_call_whose_questions_are_shown_may_come_twice(client, exemple):
    """The call chosen only chooses the questions asked (the filing date designates the rules): no message that
    names no field, the last taken."""
    page = ouvrir(client, "/simulateur?" + urlencode({**exemple, "appel": ["2", "1"]}, doseq=True))
    assert page.erreurs() == {} and page.valeur("eligible_labellisation") == "true"


@pytest.mark.parametrize("jour", ["30/02/2015", "01/01/2200", "2200-01-01"])
def test_a_date_refused_says_the_days_allowed_and_echoes_what_was_typed(client, exemple, jour):
    """2200-01-01 was "not a real date" with no word of the range; 30/02/2015 was echoed as « 2015-02-30 »."""
    erreur = plat(simuler(client, exemple | {"date_depot_dossier": jour}).erreurs()["date_depot_dossier"])
    assert erreur == (
        "La date de dépôt doit être une date réelle, du 1er janvier 1970 au 31 décembre 2100, par exemple "
        f"12/10/2015 (vous avez saisi « {jour} »)."
    )


def test_counts_without_the_learners_ask_for_the_learners_once(client, exemple):
    page = simuler(client, exemple | {"nombre_apprenants": "", "nombre_femmes": "3",
                                      "nombre_jeunes_neet_peu_qualifies": "4"})  # fmt: skip
    assert list(page.erreurs()) == ["nombre_apprenants"]


def test_a_month_as_people_write_it_and_a_month_before_every_call(client, exemple):
    page = simuler(client, exemple | {"period": "mars 2016"})
    assert page.valeur("eligible_labellisation") == "true"
    avant = simuler(client, exemple | {"period": "01/1990", "date_depot_dossier": "05/01/1990"})
    assert "Aucun appel à labellisation n'était ouvert en janvier 1990" in visible(avant)
    assert not ETRANGERS.search(visible(avant))
    # Before its call opened the dossier answered no call: 0 € and « ne peut pas être labellisée », against the
    # help (« Le label et le financement n'en dépendent pas »). The month is refused, saying why; a month before
    # the filing but after its call opened is judged by that call, as the model does.
    avant_l_appel = simuler(client, exemple | {"period": "08/2015"})
    assert "resultat" not in avant_l_appel.par_id
    assert avant_l_appel.erreurs()["period"].startswith("En août 2015, l'appel dont relève le dossier, déposé le 12")
    pendant = simuler(client, exemple | {"period": "09/2015"})  # the 1st call opened on 17 September 2015
    assert pendant.valeur("eligible_labellisation") == "true" and pendant.valeur("financement_amorcage") != "0"
    faux = simuler(client, exemple | {"period": "10-2015x"})
    assert faux.erreurs()["period"].startswith("Le mois du calcul doit être un mois, par exemple 10/2015")


def test_a_forged_request_is_answered_in_french(client, exemple):
    page = simuler(client, exemple | {"formation_gratuite": "maybe", "metier_vise": "astronaute"})
    erreurs = page.erreurs()
    assert erreurs["formation_gratuite"].startswith("La case « gratuite » : cochez la case")
    assert erreurs["metier_vise"].startswith("Le métier visé doit être l'un des choix proposés")


def test_the_learners_are_asked_wherever_one_of_their_parts_is(client, exemple):
    """The third call uses the job seekers' count only; it is checked against the learners', asked there too."""
    page = simuler(client, exemple | {"date_depot_dossier": "2018-05-02", "nombre_apprenants": "",
                                      "nombre_demandeurs_emploi_peu_qualifies": "12"})  # fmt: skip
    assert list(page.erreurs()) == ["nombre_apprenants"]
    assert "hidden" not in page.par_id["champ-nombre_apprenants"]["attrs"]
    # its help said only that it serves the objectives: it now says why it is asked once a part is given
    assert "Donnez-le dès que vous indiquez l'une de ses parties" in plat(
        page.par_id["champ-nombre_apprenants"]["texte"]
    )


def test_a_reading_the_model_follows_is_never_shown_as_the_other_one(client, exemple, tax_benefit_system):
    """Common-law funding obtained: « le résultat changerait avec l'autre lecture : L'obtention des financements de
    droit commun met fin au financement d'amorçage », the reading the model follows; the other is its contrary."""
    page = simuler(client, exemple | {"financements_droit_commun_obtenus": "true"})
    [lecture] = page.tous("data-interpretation", "financements_droit_commun_mettent_fin_a_l_amorcage")
    parametre = tax_benefit_system.parameters.interpretations.financements_droit_commun_mettent_fin_a_l_amorcage
    assert parametre("2015-09-17") is True and plat(parametre.metadata["description_contraire"]) in plat(
        lecture["texte"]
    )
    assert plat(parametre.description) not in plat(lecture["texte"])


def test_a_result_that_hangs_on_a_disputed_reading_says_which(client, exemple, tax_benefit_system):
    page = simuler(client, exemple | {"duree_formation_mois": "20", "decision_comite_labellisation": "labellisee"})
    [lecture] = page.tous("data-interpretation", "duree_maximale_selon_le_ministre")
    description = tax_benefit_system.parameters.interpretations.duree_maximale_selon_le_ministre.description
    assert plat(description) in plat(lecture["texte"]) and "nosdeputes" in page.html  # with its source
    assert "Le comité de labellisation a labellisé la formation" in visible(page)
    decide = exemple | {"decision_comite_labellisation": "labellisee", "date_decision_comite": "2016-02-03"}
    for mois in ("2016-01", "2016-03"):  # the label runs from the committee's decision: said for the month asked
        [en_vigueur] = calcul_du_modele(client, decide, ["label_en_vigueur"], mois).values()
        texte = visible(simuler(client, decide | {"period": mois}))
        verbe = "est" if en_vigueur else "n'est pas"
        assert f"le label {verbe} en vigueur en {mois_lisible(mois)}" in texte


def test_an_undecided_dossier_after_the_gip_dissolution_is_no_label_still_to_obtain(
    client, exemple, tax_benefit_system
):
    arrete = tax_benefit_system.parameters.programme.date_fin_labellisation.values_list[0]
    mois_arrete = arrete.instant_str[:7]
    for mois, encore in (("2024-12", True), (mois_arrete, False), ("2030-06", False)):
        texte = visible(simuler(client, exemple | {"period": mois}))
        attendu = calcul_du_modele(client, exemple, ["financement_amorcage", "etat_programme"], mois)
        assert (attendu["etat_programme"] != "dissous") is encore
        assert ("Le label reste à obtenir" in texte) is encore
        assert ("aucune nouvelle formation ne peut obtenir le label" in texte) is not encore
        assert (f"l'arrêté du {date_lisible(arrete.instant_str)}" in texte) is not encore
        # still judged under its own call, as the model judges it: the same amount, the convention said once
        assert plat(euros(attendu["financement_amorcage"])) in plat(texte) and attendu["financement_amorcage"] > 0
        assert texte.count("convention de calcul") == 1


@pytest.mark.parametrize(
    ("debut", "mois"),
    [("2025-02-01", "2025-03"), ("2025-01-20", "2025-01"), ("2024-12-01", "2025-03"), ("2025-03-01", "2025-01")],
)
def test_an_undecided_training_begun_from_the_dissolution_is_said_to_have_no_label_in_force(
    client, exemple, tax_benefit_system, debut, mois
):
    """A training begun after the arrêté, with no decision, got the sentence of one begun before it, while the
    model ends its label the day before the arrêté: the label in force is said as the model computes it."""
    saisie = exemple | {"date_debut_formation": debut, "period": mois}
    noms = ["nouvelle_formation_apres_dissolution", "label_en_vigueur", "date_fin_validite_label"]
    attendu = calcul_du_modele(client, saisie, noms, mois)
    texte = plat(visible(simuler(client, saisie)))
    verbe = "est" if attendu["label_en_vigueur"] else "n'est pas"
    apres = debut >= tax_benefit_system.parameters.programme.date_fin_labellisation.values_list[0].instant_str
    debute = "a débuté" if debut[:7] <= mois else "débute"  # a start after the month computed: « a débuté » said
    phrase = (
        f"celle-ci {debute} le {date_lisible(debut)}, et un label ne courrait pour elle que jusqu'à la veille de "
        f"l'arrêté, le {date_lisible(attendu['date_fin_validite_label'])} ; il {verbe} en vigueur en "
        f"{mois_lisible(mois)}"
    )
    assert (phrase in texte) is attendu["nouvelle_formation_apres_dissolution"] is apres
    assert ("un label ne courrait" in texte) is apres
    assert texte.count("convention de calcul") == 1


def _nombre_lu(texte: str) -> float:
    """A number as the pages write it (2,9999999999; 1 234), read back."""
    return float(texte.replace("\u202f", "").replace(",", "."))


@pytest.mark.parametrize("duree", ["2,9999999999", "2,9999", "2", "24,0000001", "25", "0,5"])
def test_a_duration_near_a_bound_fails_the_bound_it_crosses_and_reads_as_typed(client, exemple, duree,
                                                                               tax_benefit_system):  # fmt: skip
    """The model compares the exact duration (2,9999999999 < 3); the sentence says which bound that fails and
    writes the duration as typed, visibly not the bound (never "au plus 24 mois : elle en dure 3")."""
    bornes = appels(tax_benefit_system)[0]["regles"].labellisation.duree_formation
    page = simuler(client, exemple | {"duree_formation_mois": duree, "budget_session": "90000"})
    [condition] = page.tous("data-condition", "duree_formation_eligible")
    sens, seuil, dure = re.search(r"doit durer (au moins|au plus) (\d+) mois : elle en dure ([\d\u202f,]+)\.",
                                  plat(condition["texte"])).groups()  # fmt: skip
    valeur = _nombre_lu(duree)
    attendu = ("au moins", bornes.minimum_mois) if valeur < bornes.minimum_mois else ("au plus", bornes.maximum_mois)
    assert (sens, int(seuil)) == attendu
    assert dure == duree and _nombre_lu(dure) != float(seuil)


@pytest.mark.parametrize(
    "duree", ["2,99999999999999999", "24,000000000000001", "5,99999999999999999", "2.99999999999999999e0",
              "299999999999999999e-17"],
)  # fmt: skip
def test_a_number_with_more_digits_than_a_float_holds_is_refused_not_rounded(client, exemple, duree):
    """Read as a float, 2,99999999999999999 became 3 and met the minimum of 3 months (70 000 €), 5,99999999999999999
    became 6 (one session funded): on the threshold, against what was typed. It is refused next to its field, as
    typed, with an exponent too."""
    page = simuler(client, exemple | {"duree_formation_mois": duree, "budget_session": "90000"})
    assert "resultat" not in page.par_id and not page.tous("data-variable", "financement_amorcage")
    assert page.erreurs()["duree_formation_mois"].startswith(
        "La durée de la formation a une valeur qu'aucun nombre ne garde exactement (« "
    )


@pytest.mark.parametrize("duree", ["5,9999999", "6", "6,0000001", "3"])
def test_the_amount_says_the_side_of_the_duration_threshold_the_model_took(client, exemple, duree,
                                                                          tax_benefit_system):  # fmt: skip
    """5,9999999 months funds two sessions, as less than 6 months does: the sentence says "moins de 6 mois"."""
    regles = appels(tax_benefit_system)[0]["regles"].financement_amorcage
    saisie = exemple | {"duree_formation_mois": duree, "budget_session": "90000"}
    sessions = calcul_du_modele(client, saisie | {"duree_formation_mois": duree.replace(",", ".")},
                                ["nombre_sessions_financees"], "2015-10")["nombre_sessions_financees"]  # fmt: skip
    texte = plat(simuler(client, saisie).tous("data-montant")[0]["texte"])
    moins = sessions == regles.sessions_financees.duree_inferieure_au_seuil
    assert moins == (_nombre_lu(duree) < regles.seuil_duree_mois)
    cote = "moins de" if moins else "au moins"
    assert f"car la formation dure {cote} {regles.seuil_duree_mois} mois" in texte
    assert ("budget de deux sessions" if sessions == 2 else "budget d'une session") in texte


@pytest.mark.parametrize("appel", ["\u00b2", "\u0663", "9" * 5000, "-1", "0", "1.0", " ", "99"])
def test_a_call_the_form_does_not_offer_shows_another_never_a_500(client, exemple, appel):
    """Only "1", "2"… name a call; « ² » (which str.isdigit takes for a digit) or 5000 digits name none."""
    for reponse in (client.get("/simulateur", query_string={"appel": appel}),
                    client.post("/simulateur", data=exemple | {"appel": appel})):  # fmt: skip
        assert reponse.status_code == 200
        page = Page(reponse.get_data(as_text=True))
        [choisi] = [e for e in page.tous("data-debut") if e["tag"] == "option" and "selected" in e["attrs"]]
        assert choisi["attrs"]["value"] == "1"  # the example's filing date's call, else the first


@pytest.mark.parametrize("chemin", ["/sources/", "/sources/parameters/", "/simulateur/", "/reformes/", "/spec/"])
def test_options_with_a_trailing_slash_answers_as_the_route_does(client, chemin):
    """A CORS preflight may not follow a redirect: OPTIONS /sources/ is the 200 of OPTIONS /sources, with its
    Allow; a GET is still sent to the address without the slash."""
    origine = {"Origin": "https://ailleurs.example", "Access-Control-Request-Method": "GET"}
    avec, sans = client.options(chemin, headers=origine), client.options(chemin.rstrip("/"), headers=origine)
    assert (avec.status_code, sans.status_code) == (200, 200)
    assert set(avec.headers["Allow"].split(", ")) == set(sans.headers["Allow"].split(", "))
    assert avec.headers["Access-Control-Allow-Origin"] == sans.headers["Access-Control-Allow-Origin"]
    reponse = client.get(chemin, headers={"Accept": "text/html"})
    assert (reponse.status_code, reponse.headers["Location"]) == (308, chemin.rstrip("/"))  # method and body kept
    assert client.options("/inconnue/").status_code == 404


def test_an_amount_in_cents_is_written_to_the_cent_and_its_step_adds_up(client, exemple):
    """45 001 € x 50 %: 22 500,50 €, not 22 500 € (nor 22 500,5 €); the step writes what it computes."""
    saisie = exemple | {"duree_formation_mois": "7", "budget_session": "45001"}
    page = simuler(client, saisie)
    attendu = calcul_du_modele(client, saisie, LUS, "2015-10")
    assert attendu["financement_amorcage"] == 22500.5
    texte = " ".join(visible(page).split())
    assert plat("22 500,50 €") in texte and plat("45 001 €") in texte
    assert plat("22 500 €") not in texte


def test_a_place_of_200_accented_letters_is_taken_and_one_more_is_refused_in_french(client, exemple):
    """The simulator's link with every field filled and the longest place is taken; one letter more is refused
    next to the field, what was typed kept."""
    champs = exemple | {"lieu_formation": "é" * 200, "nombre_femmes": "12", "nombre_residents_qpv": "3"}
    page = simuler(client, champs)
    assert page.tous("data-permalink") and 'maxlength="200"' in page.html and "caractères" not in visible(page)
    page = simuler(client, champs | {"lieu_formation": "é" * 201})
    assert "Le lieu doit tenir en 200 caractères au plus." in visible(page)
    assert "é" * 201 in html.unescape(page.html)  # what was typed is kept


@pytest.mark.parametrize(
    ("methode", "chemin", "code", "titre"),
    [("get", "/simulateur/x", 404, "Page introuvable"), ("get", "/sources/nulle-part.py", 404, "Page introuvable"),
     ("put", "/reformes", 405, "Méthode non permise"), ("delete", "/simulateur", 405, "Méthode non permise")],
)  # fmt: skip
def test_a_browser_meets_an_http_error_in_a_french_page_an_api_client_in_json(client, methode, chemin, code, titre):
    """A browser got the API's English JSON for a wrong link or method; an API client still gets JSON."""
    navigateur = getattr(client, methode)(chemin, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert navigateur.status_code == code and navigateur.mimetype == "text/html"
    page = Page(navigateur.get_data(as_text=True))
    assert titre in visible(page) and not ETRANGERS.search(visible(page))
    api = getattr(client, methode)(chemin, headers={"Accept": "application/json"})
    assert api.status_code == code and api.is_json and api.get_json()["error"]
    if code == 405:  # both say which methods the address takes
        assert "GET" in navigateur.headers["Allow"] and navigateur.headers["Allow"] == api.headers["Allow"]


def test_serve_takes_a_request_line_of_6000_bytes_and_answers_in_french(serveur, exemple):
    """A link typed or pasted with a long place (1 000 accented letters, 6 000 bytes) reached gunicorn's English
    HTML 400 page (its default request line, 4 094 bytes) before the page could say what was wrong."""
    with urllib.request.urlopen(serveur + "/simulateur?" + urlencode(exemple | {"lieu_formation": "é" * 1000})) as r:
        assert r.status == 200
        assert "Le lieu doit tenir en 200 caractères au plus." in visible(Page(r.read().decode()))


@pytest.mark.parametrize("decision", ["labellisee", "non_rendue"])
@pytest.mark.parametrize("mois", ["", "2025-02"])
def test_a_label_decided_from_the_gip_dissolution_is_said_set_aside(
    client, exemple, tax_benefit_system, decision, mois
):
    """A committee's decision dated on or after the arrêté was a label, and funded, in 0.7.7; then, in the month
    of the dossier (the month left empty), funded still, and its 0 € « refused by the committee »."""
    arrete = tax_benefit_system.parameters.programme.date_fin_labellisation.values_list[0].instant_str
    decide = exemple | {"decision_comite_labellisation": decision, "date_decision_comite": arrete, "period": mois}
    attendu = calcul_du_modele(client, decide, ["labellisee", "financement_amorcage"], mois or "2015-10")
    assert attendu == {"labellisee": False, "financement_amorcage": 0}
    texte = plat(visible(simuler(client, decide)))
    jour = date_lisible(arrete)
    attendu = {
        "labellisee": f"La décision du comité datée du {jour} n'est pas retenue",
        "non_rendue": f"Sans décision connue du comité, un label daté du {jour} ne peut pas être obtenu",
    }[decision]
    assert f"{attendu} : depuis l'arrêté du {jour}" in texte
    assert "le label ne peut plus être obtenu à cette date (voir ci-dessus)" in texte  # the amount's sentence
    assert texte.count("aucune nouvelle formation ne peut obtenir le label") == 1  # said once, by the decision
    assert "Le comité de labellisation a labellisé la formation" not in texte and "a refusé le label" not in texte


@pytest.mark.parametrize(("saisi", "cite"), [("1e23", "1e23"), ("1e308", "1e308"), ("1,5e17", "1,5e17")])
def test_a_huge_number_is_quoted_as_typed_never_written_out(client, exemple, saisi, cite):
    """« (vous avez saisi 99 999 999 999 999 991 611 392) » for 1e23: the float's binary expansion, never typed."""
    texte = plat(visible(simuler(client, exemple | {"budget_session": saisi})))
    assert f"(vous avez saisi {cite})" in texte and "991 611 392" not in texte


def test_a_refusal_dated_from_the_dissolution_is_a_refusal(client, exemple, tax_benefit_system):
    """A refusal dated from the arrêté was followed by the arrêté's reason in the amount's sentence."""
    arrete = tax_benefit_system.parameters.programme.date_fin_labellisation.values_list[0].instant_str
    texte = plat(visible(simuler(client, exemple | {"decision_comite_labellisation": "refusee",
                                                     "date_decision_comite": arrete})))  # fmt: skip
    assert f"Le comité de labellisation a refusé le label le {date_lisible(arrete)}" in texte
    assert "Pas de financement d'amorçage : le comité a refusé le label." in texte and "ci-dessus" not in texte


def test_french_spaces_before_punctuation_and_inside_guillemets_do_not_break(client, exemple):
    """« nombre_femme\n» and « : » at the start of a line: French keeps these spaces on one line (no-break), in the
    text only: a field's value (a site typed « Paris ») and a block one copies (the reform's YAML) as written."""
    lieu = "« Paris : nord »"
    html_ = client.get("/simulateur?" + urlencode(exemple | {"nombre_femme": "7", "lieu_formation": lieu})).get_data(
        as_text=True
    )
    assert "Le lien donne «\u00a0nombre_femme\u00a0», qui n'est pas un champ de cette page" in html.unescape(html_)
    assert "«\u00a0nombre_femme »" not in html.unescape(html_) and " :" not in re.sub(r"<[^>]*>", "", html_)
    assert f'value="{html.escape(lieu)}"' in html_  # as typed
    introuvable = client.get("/nulle-part", headers={"Accept": "text/html"}).get_data(as_text=True)  # every page
    assert "\u00a0:" in introuvable and " :" not in re.sub(r"<[^>]*>", "", introuvable)
    source = client.get("/sources/variables/labellisation.py").get_data(as_text=True)  # its quotes, as written
    [code] = re.findall(r"<pre class=\"source\"[^>]*>(.*?)</pre>", source, re.S)
    assert "« aucune nouvelle formation ne pourra obtenir le label »" in html.unescape(code)


@pytest.mark.parametrize(
    ("appel", "depot", "budget", "attendues"),
    [
        ("2", "2016-10-01", "75000", ["70 000 € par formation"]),  # not beyond the structure's 180 000 €
        ("2", "2016-10-01", "40000", []),  # not capped
        ("1", "2015-10-12", "75000", ["70 000 € pour l'ensemble des formations de votre structure"]),
    ],
)
def test_a_capped_amount_names_the_ceilings_it_exceeds_only(client, exemple, appel, depot, budget, attendues):
    """« ferait 75 000 €, au-delà de la limite de 70 000 € par formation et de 180 000 € pour l'ensemble des
    formations de votre structure »: 75 000 € is not beyond 180 000 €."""
    saisie = exemple | {
        "appel": appel,
        "date_depot_dossier": depot,
        "budget_session": budget,
        "duree_formation_mois": "4",
    }
    texte = plat(visible(simuler(client, saisie)))
    [phrase] = re.findall(r"Financement d'amorçage : [^.]*\.", texte)[:1]
    if attendues:
        assert phrase.endswith("au-delà de la limite de " + plat(" et de ".join(attendues)) + "."), phrase
    else:
        assert "au-delà" not in phrase and "le plafond" not in phrase


@pytest.mark.parametrize(("debut", "mois"), [("2025-02-01", "2025-03"), ("2024-12-01", "2025-03")])
def test_a_labelled_training_begun_from_the_dissolution_says_why_its_label_is_not_in_force(
    client, exemple, tax_benefit_system, debut, mois
):
    """Labelled by the committee in June 2024, begun on 1 February 2025: « le label n'est pas en vigueur en mars
    2025 », and nothing said why (a provider expected three years)."""
    saisie = exemple | {"date_debut_formation": debut, "period": mois, "decision_comite_labellisation": "labellisee",
                        "date_decision_comite": "2024-06-01"}  # fmt: skip
    noms = ["nouvelle_formation_apres_dissolution", "label_en_vigueur", "date_fin_validite_label"]
    attendu = calcul_du_modele(client, saisie, noms, mois)
    texte = plat(visible(simuler(client, saisie)))
    verbe = "est" if attendu["label_en_vigueur"] else "n'est pas"
    arrete = tax_benefit_system.parameters.programme.date_fin_labellisation.values_list[0].instant_str
    apres = (
        f"mais celle-ci a débuté le {date_lisible(debut)}, à partir de l'arrêté du {date_lisible(arrete)} qui "
        f"dissout le GIP : son label ne court que jusqu'à la veille de l'arrêté, le "
        f"{date_lisible(attendu['date_fin_validite_label'])}, et il {verbe} en vigueur en {mois_lisible(mois)}"
    )
    assert (apres in texte) is attendu["nouvelle_formation_apres_dissolution"] is (debut >= arrete)
    assert f"le label {verbe} en vigueur en {mois_lisible(mois)}" in texte or apres in texte


@pytest.mark.parametrize(("appel", "facultatif"), [("1", True), ("2", True), ("3", False)])
def test_the_learners_count_is_asked_where_a_part_of_it_is(client, appel, facultatif):
    """The third call asks for its job seekers, a part of the learners checked against their count: « Nombre
    d'apprenants (facultatif) », then « Le nombre d'apprenants est à remplir »."""
    page = ouvrir(client, f"/simulateur?appel={appel}&changer=appel")
    [etiquette] = [e for e in page.elements if e["tag"] == "label" and e["attrs"].get("for") == "nombre_apprenants"]
    assert ("(facultatif)" in etiquette["texte"]) is facultatif
