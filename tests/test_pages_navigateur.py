"""The pages in a real browser: Debian's Chromium driven by Playwright, checked by axe-core, at 390 px (a phone) and
1280 px (a desk), JavaScript on and off.

Every state of both pages (empty, a result, errors) is opened once per JavaScript setting and looked at in both
widths (the viewport is resized, the page is not reloaded): nothing scrolls sideways, no serious or critical axe
violation, no console error, nothing requested from another host. axe's colour contrast check, the slow one, runs
once per state that shows colours of its own. The page without JavaScript is checked by axe with pages.js blocked
(the same document: axe cannot run where scripts cannot). Then what a provider and an analyst
do: submit, share a result by its link, change the call or the month, print. Expected amounts come from the model
(`/calculate`), never written here. One browser for the session; no sleep.
"""

import html
import re
from pathlib import Path
from urllib.parse import urlencode

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect, sync_playwright
from test_pages_http import calcul_du_modele

from openfisca_gen.pages import simulateur
from openfisca_gen.pages.francais import nombre_brut

CHROMIUM = Path("/usr/bin/chromium")
GRAVES = {"serious", "critical"}
LARGEURS = (390, 1280)
# What the status line says while a form is on its way, recorded as it changes (the page is replaced after).
OBSERVER_LE_STATUT = """() => {
  window.statutsVus = [];
  const statut = document.querySelector("[data-statut]");
  new MutationObserver(() => window.statutsVus.push(statut.textContent)).observe(statut, {childList: true});
}"""
SANS_CONTRASTE = {"resultTypes": ["violations"], "rules": {"color-contrast": {"enabled": False}}}


@pytest.fixture(scope="session")
def navigateur():
    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: `make test` installs it (apt-get install chromium)"
    with sync_playwright() as playwright:
        navigateur = playwright.chromium.launch(executable_path=str(CHROMIUM))
        yield navigateur
        navigateur.close()


class Onglet:
    """A page in a fresh context, recording console errors, page errors and requests to other hosts. `script`:
    False for a browser without JavaScript, "bloque" for JavaScript on but pages.js never served."""

    def __init__(self, navigateur, serveur, script=True, largeur=390):
        self.serveur = serveur
        self.contexte = navigateur.new_context(
            java_script_enabled=script is not False, viewport={"width": largeur, "height": 900}, locale="fr-FR"
        )
        self.page = self.contexte.new_page()
        self.erreurs, self.ailleurs = [], []
        self.page.on("console", lambda m: m.type == "error" and self.erreurs.append(m.text))
        self.page.on("pageerror", lambda e: self.erreurs.append(str(e)))
        self.page.on("request", self._requete)
        if script is not False:  # axe is in every page this context opens: no injection at each check
            self.contexte.add_init_script(Axe().axe_script)
        if script == "bloque":
            self.page.route("**/pages.js", lambda route: route.fulfill(body="", content_type="text/javascript"))

    def _requete(self, demande):
        if not demande.url.startswith((self.serveur, "data:")):
            self.ailleurs.append(demande.url)

    def aller(self, chemin: str):
        self.page.goto(self.serveur + chemin)
        return self.page

    def sans_defilement(self) -> None:
        # measured once the page has loaded its style sheet: a page reached by a click (a form posted without
        # JavaScript) was measured unstyled under load, 865 px wide
        self.page.wait_for_load_state()
        largeurs = self.page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert largeurs[0] <= largeurs[1], largeurs

    def verifier(self, options=None) -> None:
        """No console error, nothing loaded from elsewhere, no sideways scroll, no serious axe violation."""
        assert self.erreurs == [] and self.ailleurs == []
        self.sans_defilement()
        options = options or {"resultTypes": ["violations"]}
        violations = self.page.evaluate("options => axe.run(document, options)", options)["violations"]
        graves = [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations if v["impact"] in GRAVES]
        assert graves == []

    def fermer(self):
        self.contexte.close()


@pytest.fixture(scope="module")
def onglets(navigateur, serveur):
    """One page per JavaScript setting, for the whole module (a context takes a while to open): on, without
    pages.js, and off."""
    ouverts = {script: Onglet(navigateur, serveur, script) for script in (True, "bloque", False)}
    yield ouverts
    for ouvert in ouverts.values():
        ouvert.fermer()


def _propre(onglet: Onglet) -> Onglet:
    onglet.erreurs.clear()
    onglet.ailleurs.clear()
    onglet.page.set_viewport_size({"width": LARGEURS[0], "height": 900})
    return onglet


@pytest.fixture
def onglet(onglets):
    """The page with JavaScript, its console and requests forgotten."""
    return _propre(onglets[True])


@pytest.fixture(scope="module")
def exemple(tax_benefit_system):
    return simulateur.valeurs_exemple(tax_benefit_system)


@pytest.fixture(scope="module")
def etats(exemple):
    """Every state of both pages, as the link that shows it."""
    resultat = exemple | {"duree_formation_mois": "2", "metier_vise": "hors_numerique", "nombre_femmes": "1"}
    fautes = exemple | {"budget_session": "abc", "date_depot_dossier": "", "nombre_apprenants": "-5"}
    return {
        "simulateur vide": "/simulateur",
        "simulateur résultat": "/simulateur?" + urlencode(resultat),
        "simulateur erreurs": "/simulateur?" + urlencode(fautes),
        "atelier vide": "/reformes",
        "atelier résultat": "/reformes?financement_amorcage.plafond=50000",
        "atelier erreurs": "/reformes?financement_amorcage.taux=abc&period=01%2F1990",
    }


@pytest.mark.parametrize(
    "etat", ["simulateur vide", "simulateur résultat", "simulateur erreurs", "atelier vide", "atelier résultat",
             "atelier erreurs"],
)  # fmt: skip
def test_every_state_at_both_widths_with_and_without_javascript(onglets, etats, etat):
    """axe in full at 390 px, without its slow contrast check at 1280 px (colours do not change with the width),
    without pages.js at 390 px (the document does not change with the width), and without it on an empty form
    (its form, with the same colours, is in the page of its errors); no sideways scroll anywhere."""
    for script in (True, "bloque"):
        onglet = _propre(onglets[script])
        page = onglet.aller(etats[etat])
        onglet.verifier(None if script is True and "vide" not in etat else SANS_CONTRASTE)
        page.set_viewport_size({"width": LARGEURS[1], "height": 900})
        if script is True:
            onglet.verifier(SANS_CONTRASTE)
        onglet.sans_defilement()
        page.set_viewport_size({"width": LARGEURS[0], "height": 900})


def test_a_day_that_is_no_day_stays_in_its_field_as_typed(onglet, exemple):
    """« 31/02/2015 » from a link: its message quoted it, while the date input showed an empty field, and the next
    submit said the filing date was missing. The field shows it as typed, a day read as such stays a date field."""
    page = onglet.aller("/simulateur?" + urlencode(exemple | {"date_depot_dossier": "31/02/2015"}))
    champ = page.locator("#date_depot_dossier")
    assert champ.input_value() == "31/02/2015" and champ.get_attribute("type") == "text"
    assert "31/02/2015" in page.locator("#erreur-date_depot_dossier").inner_text()
    page = onglet.aller("/simulateur?" + urlencode(exemple | {"date_depot_dossier": "12/10/2015"}))
    assert champ.input_value() == "2015-10-12" and champ.get_attribute("type") == "date"
    assert onglet.erreurs == [] and onglet.ailleurs == []


def test_the_longest_source_paths_fit_a_phone(onglet):
    """A file's path, its title, did not wrap: 1 055 px wide at 390 px for the longest parameter's file."""
    racine = Path(__file__).parents[1]
    fichiers = [f.relative_to(racine).as_posix() for dossier in ("parameters", "variables")
                for f in (racine / dossier).rglob("*.*") if f.suffix in (".yaml", ".py")]  # fmt: skip
    for chemin in [*sorted(fichiers, key=len)[-2:], "parameters/interpretations/conditions"]:
        titre = onglet.aller(f"/sources/{chemin}").locator("h1")
        assert titre.inner_text().replace("\u200b", "") == chemin
        onglet.sans_defilement()
    assert onglet.erreurs == [] and onglet.ailleurs == []


@pytest.mark.parametrize("script", [True, False])
def test_the_simulator_answers_by_a_link_with_and_without_javascript(onglets, serveur, client, exemple, script):
    onglet = _propre(onglets[script])
    page = onglet.aller("/")  # a browser on the root lands on the simulator
    assert page.url == serveur + "/simulateur"
    page.locator("#budget_session").fill("75 000 €")
    page.locator("#duree_formation_mois").fill("5")
    page.get_by_role("button", name="Simuler").click()
    attendu = calcul_du_modele(client, exemple | {"budget_session": "75000", "duree_formation_mois": "5"},
                               ["financement_amorcage"], "2015-10")  # fmt: skip
    montant = page.locator('[data-variable="financement_amorcage"]')
    expect(montant).to_have_attribute("data-value", nombre_brut(attendu["financement_amorcage"]))
    expect(page).to_have_url(re.compile(r"/simulateur\?.*budget_session=75"))  # the address is the result's
    lien = page.locator("a[data-permalink]")
    page.goto(serveur + html.unescape(lien.get_attribute("href")))
    expect(montant).to_have_attribute("data-value", nombre_brut(attendu["financement_amorcage"]))
    onglet.sans_defilement()
    assert onglet.erreurs == [] and onglet.ailleurs == []


def test_another_call_asks_its_own_questions_without_a_reload(onglet):
    """The form shown for another call replaces its own page in the history: Back leaves the simulator rather
    than stepping back through each call tried."""
    page = onglet.aller("/simulateur")
    longueur = page.evaluate("history.length")
    page.locator("#budget_session").fill("80 000")
    demandeurs = page.locator("#champ-nombre_demandeurs_emploi_peu_qualifies")
    expect(demandeurs).to_be_hidden()
    page.locator("#appel").select_option("3")
    expect(demandeurs).to_be_visible()
    expect(page.locator("#champ-pedagogie_innovante")).to_be_hidden()
    expect(page.locator("#budget_session")).to_have_value("80 000")  # what was typed is kept
    page.locator("#appel").select_option("1")
    page.locator("#date_depot_dossier").fill("2018-05-02")  # a date of the third call: its questions
    page.locator("#date_depot_dossier").dispatch_event("change")
    expect(page.locator("#appel")).to_have_value("3")
    expect(demandeurs).to_be_visible()
    assert page.evaluate("history.length") == longueur
    onglet.verifier(SANS_CONTRASTE)


@pytest.mark.parametrize("script", [True, False])
def test_another_calls_answers_come_back_with_that_call(onglets, script):
    """Call 1, then 3, then 1 again unticked « exige un diplôme » and « pédagogie innovante » and emptied the women's
    count without a word (the 3rd call does not ask them, and a disabled field is not sent): an eligible training
    became « ne remplit pas une condition », and so did its shared link."""
    onglet = _propre(onglets[script])
    page = onglet.aller("/simulateur")
    page.locator("#prerequis_academiques_exiges").check()
    page.locator("#nombre_femmes").fill("7")
    for appel in ("3", "1"):
        page.locator("#appel").select_option(appel)
        if script is False:
            page.get_by_role("button", name="Afficher les questions de cet appel").click()
        expect(page.locator("#appel")).to_have_value(appel)
    expect(page.locator("#prerequis_academiques_exiges")).to_be_checked()
    expect(page.locator("#pedagogie_innovante")).to_be_checked()
    expect(page.locator("#nombre_femmes")).to_have_value("7")
    assert onglet.erreurs == []


def test_changing_the_call_on_a_result_keeps_the_result_in_the_history(onglet, exemple):
    """With JavaScript, another call chosen on a result's page replaced that result in the history: Back skipped
    it, where without JavaScript it came back."""
    page = onglet.aller("/simulateur?" + urlencode(exemple))
    expect(page.locator('[data-variable="financement_amorcage"]')).to_be_attached()
    page.locator("#appel").select_option("3")
    expect(page).to_have_url(re.compile(r"changer=appel"))
    page.go_back()
    expect(page.locator('[data-variable="financement_amorcage"]')).to_be_attached()
    assert onglet.erreurs == []


def test_a_request_that_fails_falls_back_to_the_plain_form_with_the_button_pressed(onglet, exemple):
    """The fallback's `submit()` sent no button: another call chosen while the request failed was computed as a
    result under the first call's questions (« …relève du 1er appel »), not shown as that call's questions."""
    page = onglet.aller("/simulateur?" + urlencode(exemple))
    page.route(re.compile(r"changer=appel"), lambda route: route.abort(), times=1)  # the fetch fails, once
    page.locator("#appel").select_option("3")
    expect(page).to_have_url(re.compile(r"changer=appel"))
    expect(page.locator("#appel")).to_have_value("3")
    expect(page.locator('[data-variable="financement_amorcage"]')).to_have_count(0)  # the questions, no result


def test_an_answer_that_comes_after_back_is_not_shown(onglet, exemple):
    """Back while « Calcul en cours… » showed: the late answer replaced the page Back had shown and pushed its
    address, and the result before it was lost from the history."""
    page = onglet.aller("/simulateur?" + urlencode({**exemple, "changer": "appel"}))  # the form, filled in
    page.get_by_role("button", name="Simuler").click()
    expect(page.locator('[data-variable="financement_amorcage"]')).to_be_attached()
    premier = page.url
    retenues, adresse = [], re.compile(r"/simulateur\?")

    def retenir(route):
        retenues.append(route)

    page.route(adresse, retenir, times=1)  # this answer held; the next requests go
    page.locator("#duree_formation_mois").fill("4")
    page.get_by_role("button", name="Simuler").click()
    expect(page.locator("form[data-simulateur]")).to_have_attribute("aria-busy", "true")
    page.go_back()  # the form as typed, fetched again
    expect(page.locator('[data-variable="financement_amorcage"]')).to_have_count(0)
    retenues[0].continue_()  # the late answer
    page.wait_for_timeout(500)
    expect(page.locator('[data-variable="financement_amorcage"]')).to_have_count(0)
    page.go_forward()
    expect(page).to_have_url(premier)
    assert onglet.erreurs == []


def test_comparer_with_nothing_changed_keeps_the_address_shown(onglet):
    """« Comparer » with nothing changed, answered in place, pushed the bare /reformes: a reload lost the
    population and the month on screen."""
    page = onglet.aller("/reformes?population=appel_2016&period=2017-03")
    page.get_by_role("button", name="Comparer").first.click()
    expect(page.locator("#erreurs")).to_contain_text("Aucun changement")
    assert "population=appel_2016" in page.url and onglet.erreurs == []


@pytest.mark.parametrize("autre_appel", [False, True])
def test_back_from_the_first_result_shows_the_form_as_typed(onglet, autre_appel):
    """The first result is a new page of the history; Back showed the empty form's address, the example again (or,
    the call changed first, the form as it was then). A link to a part of the page (« Modifier les informations »)
    reloads nothing."""
    page = onglet.aller("/simulateur")
    if autre_appel:  # a date of the second call: its questions, the address replaced by the form's
        page.locator("#date_depot_dossier").fill("2016-09-10")
        page.locator("#date_depot_dossier").dispatch_event("change")
        expect(page.locator("#appel")).to_have_value("2")
        expect(page).to_have_url(re.compile(r"changer=appel"))
    page.locator("#budget_session").fill("75 000 €")
    page.get_by_role("button", name="Simuler").click()
    expect(page.locator('[data-variable="financement_amorcage"]')).to_be_attached()
    page.locator('a[href="#formulaire"]').first.click()
    page.go_back()  # back from #formulaire: the same result, not reloaded into the empty form
    expect(page.locator('[data-variable="financement_amorcage"]')).to_be_attached()
    page.go_back()
    expect(page.locator("#budget_session")).to_have_value("75 000 €")
    expect(page.locator('[data-variable="financement_amorcage"]')).to_have_count(0)  # the form, not the result
    page.go_forward()
    expect(page.locator('[data-variable="financement_amorcage"]')).to_be_attached()
    assert onglet.erreurs == []


def test_the_workshop_keeps_what_was_typed_says_it_computes_and_shares_its_result(onglet):
    page = onglet.aller("/reformes")
    page.get_by_label(re.compile("^Plafond du financement")).fill("50 000 €")
    page.locator("#period").fill("12/2018")
    page.get_by_role("button", name="Afficher les règles de ce mois").click()
    expect(page.locator("legend", has_text="Montants et seuils")).to_contain_text("décembre 2018")
    expect(page.locator("[id='financement_amorcage.plafond']")).to_have_value("50 000 €")  # kept
    expect(page.locator("[data-change]")).to_have_count(1)
    page.evaluate(OBSERVER_LE_STATUT)
    page.get_by_role("button", name="Comparer").click()
    expect(page.locator("#resultat")).to_be_visible()
    assert "Calcul en cours…" in page.evaluate("window.statutsVus")  # said while the request was on its way
    cout = page.locator('[data-indicateur="cout_total"]')
    reforme = cout.get_attribute("data-reforme")
    expect(page).to_have_url(re.compile(r"/reformes\?.*financement_amorcage\.plafond=50"))
    page.goto(onglet.serveur + html.unescape(page.locator("a[data-permalink]").get_attribute("href")))
    expect(cout).to_have_attribute("data-reforme", reforme)
    onglet.verifier(SANS_CONTRASTE)


def test_nothing_can_be_typed_while_the_workshop_computes(onglet):
    """A rate typed while « Calcul en cours… » showed was replaced by the answer's form, the result computed
    without it, and nothing said so: the fields are disabled until the answer comes."""
    page = onglet.aller("/reformes")
    retenues, adresse = [], re.compile(r"/reformes$")  # the form's POST

    def retenir(route):  # the answer held until the fields are checked
        retenues.append(route)

    page.route(adresse, retenir)
    page.get_by_label(re.compile("^Plafond du financement")).fill("100 000 €")
    page.get_by_role("button", name="Comparer").click()
    expect(page.locator("form[data-atelier]")).to_have_attribute("aria-busy", "true")
    expect(page.locator("[id='financement_amorcage.taux']")).to_be_disabled()
    expect(page.locator("#population")).to_be_disabled()
    assert len(retenues) == 1
    retenues[0].continue_()
    page.unroute(adresse, retenir)
    expect(page.locator("#resultat")).to_be_visible()
    expect(page.locator("[id='financement_amorcage.taux']")).to_be_enabled()
    expect(page.locator("[id='financement_amorcage.plafond']")).to_have_value("100 000 €")
    assert onglet.erreurs == []


def test_the_workshop_without_javascript_answers_by_its_link(onglets):
    onglet = _propre(onglets[False])
    page = onglet.aller("/reformes")
    page.get_by_label("Partir d'une réforme livrée avec le modèle").select_option("plafond_100k")
    page.get_by_role("button", name="Comparer").click()
    expect(page).to_have_url(re.compile(r"/reformes\?.*reforme_livree=plafond_100k"))
    expect(page.locator('[data-indicateur="cout_total"]')).to_have_count(1)
    onglet.sans_defilement()


def test_an_uploaded_file_is_compared_and_its_errors_are_listed_by_line(onglet):
    page = onglet.aller("/reformes")
    contenu = "formation_id,budget_session,duree_formation_mois\na,1000,7\nb,-5,abc\n"
    page.get_by_label(re.compile("^Votre fichier de formations")).set_input_files(
        files=[{"name": "mes_formations.csv", "mimeType": "text/csv", "buffer": contenu.encode()}]
    )
    page.get_by_label(re.compile("^Plafond du financement")).fill("50000")
    page.get_by_role("button", name="Comparer").click()
    lignes = page.locator("#erreurs-donnees tbody tr")
    expect(lignes).to_have_count(2)
    cellules = {tuple(lignes.nth(i).locator("td").all_inner_texts()[:2]) for i in range(2)}
    assert cellules == {("3", "budget_session"), ("3", "duree_formation_mois")}
    onglet.verifier(SANS_CONTRASTE)


def test_a_simulator_result_prints_on_one_page(onglet, etats, exemple):
    """Five failed conditions, each with its sources, printed on two pages: in print, the sources are smaller
    and the links to their stored copies, which paper cannot follow, are left out."""
    echecs = exemple | {"appel": "2", "date_depot_dossier": "2016-09-01", "metier_vise": "hors_numerique",
                        "duree_formation_mois": "2", "prerequis_academiques_exiges": "true",
                        "formation_gratuite": "false", "pedagogie_innovante": "false"}  # fmt: skip
    for lien in (etats["simulateur résultat"], "/simulateur?" + urlencode(echecs)):
        page = onglet.aller(lien)
        pdf = page.pdf(format="A4")
        assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1, lien
    assert page.locator("[data-condition]").count() == 5


@pytest.mark.parametrize("script", [True, False])
def test_enter_in_a_field_gives_the_result(onglets, script):
    """Enter submitted the form by its first button, « Afficher les questions de cet appel » (« Afficher les
    règles de ce mois »): the form came back, no result, no word. The default button is now the page's own."""
    onglet = _propre(onglets[script])
    page = onglet.aller("/simulateur")
    page.locator("#budget_session").fill("120 000")
    page.locator("#budget_session").press("Enter")
    expect(page.locator('[data-variable="financement_amorcage"]')).to_be_attached()
    page = onglet.aller("/reformes")
    page.get_by_label(re.compile("^Plafond du financement")).fill("100 000")
    page.get_by_label(re.compile("^Plafond du financement")).press("Enter")
    expect(page.locator('[data-indicateur="cout_total"]')).to_have_count(1)
    assert onglet.erreurs == []
