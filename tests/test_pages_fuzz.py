"""Whatever the pages receive, as a form or as a link: never a 5xx, never a traceback, never NaN or Infinity, and
every refusal in French next to a field the page has (hypothesis draws the values; HYPOTHESIS_PROFILE=ci fixes
the draws)."""

import html
import math
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_pages_http import ETRANGERS, Page

from openfisca_gen.pages import reformes, simulateur

ETRANGES = ["", " ", "abc", "−5", "-0", "1e400", "9" * 5000, "1," + "9" * 400, "0,5", "50 %", "75k", "1,2 M€",
            "NaN", "inf", "-Infinity", "true", "false", "1970-01-01", "2100-12-31", "9999-99-99", "10/2015",
            "\u202f", "٣", "\U0001f600", "<script>", "' OR 1=1", "\x00", "2015-02-30", "ETERNITY", "null"]  # fmt: skip
VALEURS = st.one_of(
    st.sampled_from(ETRANGES),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.integers(-(10**30), 10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)
NOMBRE = re.compile(r"^-?\d+(\.\d+)?$")


def _sans_saisies(page: Page) -> str:
    """What the page says, without what was typed (echoed in fields, and quoted « … » in messages)."""
    texte = re.sub(r"<(script|style|code|svg)\b.*?</\1>", " ", page.html, flags=re.S)
    texte = re.sub(r"<[^>]+>", " ", texte)
    return re.sub(r"«[^»]*»", " ", html.unescape(texte))


def verifier(reponse, page_de: str) -> Page | None:
    """No 5xx, no traceback, strict numbers, every message in French next to a field the page has."""
    assert reponse.status_code in (200, 303), reponse.status_code
    if reponse.status_code == 303:
        assert reponse.headers["Location"].startswith(page_de)
        return
    page = Page(reponse.get_data(as_text=True))
    dit = _sans_saisies(page)
    assert "Traceback" not in dit and not re.search(r"\b(NaN|nan|inf|Infinity)\b", dit)
    for element in page.elements:  # the hooks and plain numbers of data-* attributes are finite numbers
        for cle in ("data-value", "data-base", "data-reforme", "data-part", "data-objectif"):
            valeur = element["attrs"].get(cle)
            if valeur is not None and element["attrs"].get("data-variable") != "eligible_labellisation":
                assert NOMBRE.match(valeur) and math.isfinite(float(valeur)), (cle, valeur)
    for nom, message in page.erreurs().items():
        assert nom in page.par_id, nom  # next to its field
        assert not ETRANGERS.search(re.sub(r"«[^»]*»|\(vous avez saisi [^)]*\)", " ", message)), message
    for lien in page.tous("href"):  # the summary's links go to fields of the page
        if lien["attrs"]["href"].startswith("#"):
            assert lien["attrs"]["href"][1:] in page.par_id
    return page


def _champs_du_simulateur(systeme) -> list[str]:
    return [*simulateur.variables_d_entree(systeme), "period", "appel", "changer"]


def _champs_de_l_atelier(systeme) -> list[str]:
    noms = [champ["nom"] for _, _, liste in reformes.champs(systeme, "2016-02") for champ in liste]
    return [*noms, "population", "period", "reforme_livree", "affiche", "changer"]


@pytest.fixture(scope="module")
def exemple(tax_benefit_system):
    return simulateur.valeurs_exemple(tax_benefit_system)


@pytest.fixture(scope="module")
def noms(tax_benefit_system):
    systeme = tax_benefit_system
    return {"simulateur": _champs_du_simulateur(systeme), "atelier": _champs_de_l_atelier(systeme)}


REGLAGES = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@REGLAGES
@given(donnees=st.data())
def test_the_simulator_answers_any_form_or_link(client, exemple, noms, donnees):
    """A link or a form that keeps some of the example's fields, drops others and garbles the rest."""
    champs = donnees.draw(st.lists(st.sampled_from(noms["simulateur"]), unique=True, max_size=8))
    garde = donnees.draw(st.booleans())
    valeurs = {nom: donnees.draw(VALEURS) for nom in champs}
    saisie = {**(exemple if garde else {}), **valeurs}
    for reponse in (client.get("/simulateur", query_string=saisie), client.post("/simulateur", data=saisie)):
        page = verifier(reponse, "/simulateur")
        resume = re.search(r'id="erreurs".*?</ul>', page.html, flags=re.S)
        if resume is not None:  # every mistake of the simulator is a field's: the summary links to it
            items = re.findall(r"<li>(.*?)</li>", resume.group(), flags=re.S)
            assert items and all(item.strip().startswith('<a href="#') for item in items), items


@REGLAGES
@given(donnees=st.data())
def test_the_workshop_answers_any_link_or_form(client, noms, donnees):
    champs = donnees.draw(st.lists(st.sampled_from(noms["atelier"]), unique=True, max_size=6))
    valeurs = {nom: donnees.draw(VALEURS) for nom in champs}
    verifier(client.get("/reformes", query_string=valeurs), "/reformes")
    reponse = client.post("/reformes", data=valeurs, content_type="multipart/form-data")
    verifier(reponse, "/reformes")
    if reponse.status_code == 303:  # the link a form is answered with is answered too
        verifier(client.get(reponse.headers["Location"]), "/reformes")
