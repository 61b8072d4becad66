"""Whatever the pages receive, as a form or as a link: never a 5xx, never a traceback, never NaN or Infinity, and
every refusal in French next to a field the page has (hypothesis draws the values; HYPOTHESIS_PROFILE=ci fixes
the draws)."""

import html
import io
import math
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_pages_http import ETRANGERS, Page, plat

from openfisca_gen.pages import reformes, simulateur
from openfisca_gen.pages.champs import appels

ETRANGES = ["", " ", "abc", "−5", "-0", "1e400", "9" * 5000, "1," + "9" * 400, "0,5", "50 %", "75k", "1,2 M€",
            "NaN", "inf", "-Infinity", "true", "false", "1970-01-01", "2100-12-31", "9999-99-99", "10/2015",
            "\u202f", "٣", "\U0001f600", "<script>", "' OR 1=1", "\x00", "2015-02-30", "ETERNITY", "null",
            "\u00b2", "9" * 400, "9" * 309 + " %", "2,9999999999", "24,0000001", "1\r2"]  # fmt: skip
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


@pytest.mark.parametrize("valeur", ETRANGES)
def test_every_field_given_the_same_odd_value_at_once(client, noms, valeur):
    """Each odd value in every field of each page at once (the call, the month, every parameter): what a draw
    of a few fields may miss for one of them."""
    for page_de, champs in (("/simulateur", noms["simulateur"]), ("/reformes", noms["atelier"])):
        saisie = dict.fromkeys(champs, valeur)
        verifier(client.get(page_de, query_string=saisie), page_de)
        verifier(client.post(page_de, data=saisie, content_type="multipart/form-data"), page_de)


FINS = st.sampled_from(["\n", "\r\n", "\r"])


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(donnees=st.data())
def test_an_upload_is_refused_beyond_the_limit_whatever_ends_its_lines(client, limites, donnees):
    """Rows, blank lines and a description, each line ended by LF, CRLF or CR alone: refused if and only if the
    reader would find more trainings than the limit."""
    formations = donnees.draw(st.integers(limites.formations - 2, limites.formations + 2) | st.integers(0, 300))
    lignes = ["formation_id,budget_session", *(f"f{i},1000" for i in range(formations))]
    for _ in range(donnees.draw(st.integers(0, 5))):
        lignes.insert(donnees.draw(st.integers(1, len(lignes))), donnees.draw(st.sampled_from(["", " ", "\t"])))
    if donnees.draw(st.booleans()):
        lignes.insert(0, "# une description")
    contenu = "".join(ligne + donnees.draw(FINS) for ligne in lignes).encode()
    reponse = client.post("/reformes", data={"donnees": (io.BytesIO(contenu), "f.csv")},
                          content_type="multipart/form-data")  # fmt: skip
    page = verifier(reponse, "/reformes")
    refuse = plat(f"Le fichier contient {formations} formations") in plat(page.html)
    assert refuse == (formations > limites.formations), formations


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(donnees=st.data())
def test_a_duration_near_a_threshold_is_said_on_the_side_the_model_takes(client, exemple, tax_benefit_system,
                                                                         donnees):  # fmt: skip
    """A duration a hair off a bound (3, 6, 24 months): the failed bound, the side of the funding threshold and
    the duration written are those of the exact number, never of its rounding."""
    regles = appels(tax_benefit_system)[0]["regles"]
    bornes = regles.labellisation.duree_formation
    seuil = donnees.draw(st.sampled_from([bornes.minimum_mois, regles.financement_amorcage.seuil_duree_mois,
                                          bornes.maximum_mois]))  # fmt: skip
    duree = donnees.draw(st.floats(seuil - 1e-3, seuil + 1e-3).filter(lambda d: d != seuil))
    texte = repr(duree).replace(".", ",")
    page = verifier(client.get("/simulateur", query_string=exemple | {"duree_formation_mois": texte}), "/simulateur")
    duree = float(repr(duree))  # what the form reads
    condition = page.tous("data-condition", "duree_formation_eligible")
    assert bool(condition) == (not bornes.minimum_mois <= duree <= bornes.maximum_mois)
    if condition:
        sens = "au moins" if duree < bornes.minimum_mois else "au plus"
        borne, ecrite = re.search(
            rf"doit durer {sens} (\d+) mois : elle en dure ([\d,]+)\.", plat(condition[0]["texte"])
        ).groups()
        ecrite = float(ecrite.replace(",", "."))  # as many decimals as it takes not to read as the bound
        assert (
            ecrite != float(borne) and (ecrite < float(borne)) == (duree < float(borne)) and abs(ecrite - duree) < 1e-3
        )
    else:
        cote = "moins de" if duree < regles.financement_amorcage.seuil_duree_mois else "au moins"
        assert f"dure {cote} {regles.financement_amorcage.seuil_duree_mois} mois" in plat(
            page.tous("data-montant")[0]["texte"]
        )
