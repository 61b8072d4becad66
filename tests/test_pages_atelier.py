"""The reform workshop through Flask's test client: a result is a link, the month keeps what was typed, the
population is chosen, the charts speak French and give their figures and data, uploads are bounded, and every
refusal is a French message next to its field. Expected figures are computed here with `analyse.comparer`."""

import base64
import html
import io
import re
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, quote, urlencode, urlsplit

import pandas
import pytest
import yaml
from test_pages_http import ETRANGERS, Page, ouvrir, plat, visible

from openfisca_gen.analyse import comparer
from openfisca_gen.pages import rapport
from openfisca_gen.pages import reformes as reformes_des_pages
from openfisca_gen.pages.francais import euros, mois_lisible, nombre
from openfisca_gen.population import POPULATIONS, lire_population
from openfisca_gen.reforms import REFORMES, appliquer_reforme
from openfisca_gen.systeme import la_loi
from openfisca_gen.validation import DonneesInvalidesError, Probleme
from openfisca_gen.validation.erreurs import nombre_en_francais

PLAFOND = "financement_amorcage.plafond"


def envoyer(client, champs: dict, fichier=None, **options):
    """The workshop's form posted as a browser posts it (multipart, with a file or an empty file input)."""
    corps = {**champs, "donnees": fichier or (io.BytesIO(b""), "")}
    return client.post("/reformes", data=corps, content_type="multipart/form-data", **options)


@pytest.fixture(scope="module")
def loi(tax_benefit_system):
    """The first call's population under the law and under a lower ceiling, as analyse.comparer gives them."""
    population = lire_population(tax_benefit_system, "appel_2015")
    periode = POPULATIONS["appel_2015"]["periode"]
    reforme = {PLAFOND: {"2015-09-17": 50000}}
    return comparer(population, reforme, periode, tax_benefit_system)


def test_a_posted_form_is_answered_by_its_link_which_gives_the_result_again(client, loi):
    reponse = envoyer(client, {"affiche": loi.period, PLAFOND: "50 000 €", "financement_amorcage.taux": "50 %"})
    assert reponse.status_code == 303
    lien = reponse.headers["Location"]
    assert "La page est à" in reponse.get_data(as_text=True)  # not Flask's English « Redirecting… », in French
    assert parse_qs(urlsplit(lien).query) == {"population": ["appel_2015"], PLAFOND: ["50 000 €"]}  # only changes
    page = ouvrir(client, lien)
    [cout] = page.tous("data-indicateur", "cout_total")
    assert float(cout["attrs"]["data-base"]) == loi.formations["financement_amorcage_baseline"].sum()
    assert float(cout["attrs"]["data-reforme"]) == loi.formations["financement_amorcage_reform"].sum()
    [permalien] = page.tous("data-permalink")
    assert ouvrir(client, html.unescape(permalien["attrs"]["href"])).tous("data-indicateur", "cout_total") == [cout]
    assert f"Résultat pour {mois_lisible(loi.period)}" in page.texte("titre-resultat")


def test_the_key_figures_are_said_in_words(client, loi):
    page = ouvrir(client, f"/reformes?{PLAFOND}=50000")
    changements = loi.changements()
    [perdantes] = page.tous("data-chiffre", "perdantes")
    attendu = f"{changements['losers']} formations perdent {euros(changements['losers_total_loss'])} au total"
    assert plat(attendu) in plat(perdantes["texte"])
    assert "Aucune formation ne gagne" in visible(page) or changements["winners"]


def test_the_charts_speak_french_give_their_figures_and_their_data(client, loi):
    page = ouvrir(client, f"/reformes?{PLAFOND}=50000")
    figures = page.tous("data-graphique")
    assert [f["attrs"]["data-graphique"] for f in figures] == [
        "distribution_financement", "cout_par_statut", "gagnants_perdants"]  # fmt: skip
    dessins = re.findall(r"<svg\b.*?</svg>", page.html, flags=re.S)
    assert len(dessins) == 3 and all('viewBox="0 0 360 ' in d and 'role="img"' in d for d in dessins)
    assert not any(ETRANGERS.search(re.sub(r"<[^>]+>", " ", d)) for d in dessins)  # no "baseline", "winners"
    changements = loi.changements()
    resume = plat(html.unescape(re.search(r"<desc[^>]*>(.*?)</desc>", dessins[2]).group(1)))
    assert plat(f"{changements['losers']} formations perdent {euros(changements['losers_total_loss'])}") in resume
    statuts = plat(html.unescape(re.search(r"<desc[^>]*>(.*?)</desc>", dessins[1]).group(1)))
    par_statut = loi.par_statut().rename(index=loi.libelles_statuts)
    for statut, ligne in par_statut.iterrows():
        assert plat(f"{statut}, {euros(ligne['financement_amorcage_baseline'])}") in statuts
    donnees = [e["attrs"]["href"] for e in page.tous("download") if e["attrs"]["download"].endswith(".csv")]
    assert len(donnees) == 3
    csv = base64.b64decode(donnees[2].split(",", 1)[1]).decode()
    assert csv.splitlines()[0] == "formation_id,baseline,reform,evolution"
    assert len(csv.splitlines()) == len(loi.formations) + 1


def test_changing_the_month_keeps_what_was_typed(client):
    reponse = envoyer(client, {"affiche": "2016-02", "period": "décembre 2018", "changer": "mois",
                               PLAFOND: "50 000", "financement_amorcage.taux": "50 %"})  # fmt: skip
    assert reponse.status_code == 303
    page = ouvrir(client, reponse.headers["Location"])
    assert "resultat" not in page.par_id  # the form again, for the new month
    assert page.attributs(PLAFOND)["value"] == "50 000"  # typed, kept
    assert page.attributs("financement_amorcage.taux")["value"] != "50 %"  # untouched: the new month's value
    [change] = page.tous("data-change")
    assert change["attrs"]["data-change"] == PLAFOND
    [retablir] = page.tous("data-retablir", PLAFOND)
    sans = parse_qs(urlsplit(html.unescape(retablir["attrs"]["href"])).query)
    assert PLAFOND not in sans and sans["period"] == ["décembre 2018"]


def test_a_population_brings_its_own_month(client, tax_benefit_system):
    for nom, description in POPULATIONS.items():
        page = ouvrir(client, f"/reformes?population={nom}&reforme_livree=plafond_100k")
        taille = len(lire_population(tax_benefit_system, nom).table)
        titre = page.texte("titre-resultat")
        assert f"Résultat pour {mois_lisible(description['periode'])}" in titre and f"{taille} formations" in titre
        assert titre.count("formations") == 1  # the size said once, not again with the call


def test_parameters_are_shown_by_label_grouped_with_their_path_in_small_print(client, tax_benefit_system):
    page = ouvrir(client, "/reformes")
    etiquette = next(e for e in page.elements if e["tag"] == "label" and e["attrs"].get("for") == PLAFOND)
    assert tax_benefit_system.parameters.financement_amorcage.plafond.description in etiquette["texte"]
    assert '<code class="chemin">financement_<wbr>amorcage.<wbr>plafond</code>' in page.html
    groupes = [e for e in page.elements if e["tag"] == "details" and e["attrs"].get("id", "").startswith("groupe-")]
    assert len(groupes) == 2 and not any("open" in g["attrs"] for g in groupes)  # the switches, folded away
    assert page.attributs("financement_amorcage.taux")["value"].endswith("%")  # a rate as a percentage


def test_a_post_with_only_a_file_is_answered_not_the_empty_form(client):
    contenu = b"formation_id,budget_session\na,1000\n"
    page = Page(envoyer(client, {}, (io.BytesIO(contenu), "deux.csv")).get_data(as_text=True))
    assert "Aucun changement" in page.texte("erreurs")


def test_an_upload_is_bounded_and_refused_in_french(client, limites):
    lignes = "".join(f"f{i},1000\n" for i in range(limites.formations + 1))
    reponse = envoyer(client, {PLAFOND: "50000"}, (io.BytesIO(f"formation_id,budget_session\n{lignes}".encode()),
                                                  "grand.csv"))  # fmt: skip
    assert reponse.status_code == 200
    page = Page(reponse.get_data(as_text=True))
    [[_, _, message]] = [[" ".join(c["texte"].split()) for c in page.elements if c["tag"] == "td"]]
    assert message.startswith(f"Le fichier contient {limites.formations + 1} formations")


def test_an_uploaded_id_a_spreadsheet_would_run_is_downloaded_as_text(client):
    """A training's id `=1+2` came back first in a row of the zip's formations.csv and of a chart's data: a
    spreadsheet runs it as a formula (CSV injection). It comes back after an apostrophe, the numbers as they were."""
    contenu = (
        "formation_id,date_depot_dossier,metier_vise,formation_gratuite,pedagogie_innovante,duree_formation_mois,"
        "budget_session\n=1+2,2015-10-01,codeur,true,true,7,200000\n@SOMME(A1),2015-10-01,codeur,true,true,7,-0\n"
        "-2+3,2015-10-01,codeur,true,true,7,60000\n"
    )
    page = Page(envoyer(client, {PLAFOND: "50000"}, (io.BytesIO(contenu.encode()), "f.csv")).get_data(as_text=True))
    liens = {e["attrs"]["download"]: e["attrs"]["href"] for e in page.tous("download")}
    archive = zipfile.ZipFile(
        io.BytesIO(base64.b64decode(liens[next(n for n in liens if n.endswith(".zip"))].split(",", 1)[1]))
    )
    donnees = base64.b64decode(liens[next(n for n in liens if n.startswith("gagnants"))].split(",", 1)[1]).decode()
    for csv in (archive.read("formations.csv").decode(), donnees):
        lignes = csv.splitlines()[1:]
        assert sorted(ligne.split(",", 1)[0] for ligne in lignes) == ["'-2+3", "'=1+2", "'@SOMME(A1)"], csv
        assert not any(ligne.startswith(("=", "+", "-", "@")) for ligne in lignes)
        assert any(",50000.0" in ligne for ligne in lignes), csv  # a number, never escaped


def test_a_valid_upload_is_compared_and_says_its_link_cannot_hold_it(client):
    contenu = (
        "formation_id,date_depot_dossier,metier_vise,formation_gratuite,pedagogie_innovante,duree_formation_mois,"
        "budget_session\na,2015-10-01,codeur,true,true,7,200000\nb,2015-10-01,codeur,true,true,7,60000\n"
    )
    page = Page(envoyer(client, {PLAFOND: "50000"}, (io.BytesIO(contenu.encode()), "deux.csv")).get_data(as_text=True))
    [cout] = page.tous("data-indicateur", "cout_total")
    assert float(cout["attrs"]["data-reforme"]) < float(cout["attrs"]["data-base"])
    assert not page.tous("data-permalink") and "un lien ne peut pas le contenir" in visible(page)
    assert "--data deux.csv" in page.html  # the command that gives it again from the file
    assert "2 formations de « deux.csv »" in plat(page.texte("titre-resultat"))
    une = televerser(client, contenu.rsplit("b,", 1)[0].encode(), nom="une.csv", **{PLAFOND: "50000"})
    assert "1 formation de « une.csv »" in plat(une.texte("titre-resultat"))  # « 1 formations » before


def test_a_csv_as_french_excel_saves_it_is_compared_with_a_french_warning(client):
    """Windows-1252, VRAI, 01/10/2015, « 200 000,00 € »: each was refused, in a French sentence that asked for
    UTF-8, true and 2015-10-01. The same file in UTF-8 and ISO forms gives the same figures, and the page says
    in French how the file was read."""
    excel = (
        "formation_id;structure_id;date_depot_dossier;metier_vise;formation_gratuite;pedagogie_innovante;"
        "duree_formation_mois;budget_session\na;Créteil;01/10/2015;codeur;VRAI;VRAI;7;200 000,00 €\n"
        "b;Évry;1er octobre 2015;codeur;oui;oui;7,5;60.000 €\n"
    )
    iso = excel.replace(";", ",").replace("01/10/2015", "2015-10-01").replace("1er octobre 2015", "2015-10-01")
    iso = iso.replace("VRAI", "true").replace("oui", "true").replace("200 000,00 €", "200000")
    iso = iso.replace("7,5", "7.5").replace("60.000 €", "60000")
    lue = televerser(client, excel.encode("cp1252"), **{PLAFOND: "50000"})
    attendue = televerser(client, iso.encode(), **{PLAFOND: "50000"})
    [cout], [cout_iso] = lue.tous("data-indicateur", "cout_total"), attendue.tous("data-indicateur", "cout_total")
    assert cout["attrs"] == cout_iso["attrs"] and float(cout["attrs"]["data-base"]) > 0
    assert "Le fichier n'est pas en UTF-8 (ligne 2) : il a été lu en Windows-1252" in plat(visible(lue))
    assert "Windows-1252" not in visible(attendue)


def test_a_shipped_reform_that_changes_nothing_says_so_in_french(client):
    page = ouvrir(client, "/reformes?population=appel_2015&reforme_livree=plafond_par_structure")
    [note] = page.tous("data-avertissements")
    assert "La réforme donne à chaque formation et à chaque campagne les résultats de la loi en février 2016" in plat(
        note["texte"]
    )


def reforme_en_yaml(page: Page) -> str:
    return html.unescape(next(e["texte"] for e in page.elements if e["attrs"].get("class") == "yaml"))


def test_a_change_in_the_workshop_changes_the_rules_of_its_months_call_only(client):
    """A ceiling of 50 000 € typed in 2016-02 reached the second and third calls too, with a warning per call to
    « redonnez cette valeur à partir du 23 août 2016 », which the page cannot date; the change now stops where the
    next call's rules start, the law's later values given back (those of a shipped reform chosen with it)."""
    page = ouvrir(client, "/reformes?population=appel_2015&financement_amorcage.plafond=50000")
    assert not page.tous("data-avertissements") and "redonnez" not in plat(visible(page))
    assert yaml.safe_load(reforme_en_yaml(page)) == {
        PLAFOND: {"2015-09-17": 50000, "2016-08-23": 70000, "2018-04-05": None}
    }
    livree = ouvrir(
        client,
        "/reformes?population=appel_2015&reforme_livree=taux_2018_premier_appel&financement_amorcage.taux=60+%25",
    )
    taux = yaml.safe_load(reforme_en_yaml(livree))["financement_amorcage.taux"]
    assert taux["2015-09-17"] == 0.6 and taux["2016-08-23"] == 0.8  # the shipped reform's own later value, kept


def test_a_result_of_a_file_keeps_the_file_chosen_so_that_no_comparison_silently_leaves_it(client):
    """A file uploaded with « 1er appel (2015) » left in the list gave its result, then showed the list at « 1er
    appel »: the next comparison, the file not sent again, ran on the 360 synthetic trainings without a word."""
    contenu = Path("docs/exemples/trainings.csv").read_bytes()
    page = Page(envoyer(client, {"financement_amorcage.taux": "60 %"}, (io.BytesIO(contenu), "t.csv")).get_data(True))
    [choisie] = [e for e in page.elements if e["tag"] == "option" and "selected" in e["attrs"]
                 and e["attrs"].get("value") in (*POPULATIONS, "fichier")]  # fmt: skip
    assert choisie["attrs"]["value"] == "fichier"
    suite = Page(envoyer(client, {"population": "fichier", "financement_amorcage.taux": "70 %"}).get_data(True))
    assert "donnees" in suite.erreurs() and not suite.tous("data-indicateur")  # asked for again, nothing computed


def test_a_value_too_long_for_a_link_is_answered_not_redirected_and_fields_take_no_more_than_a_number(client):
    """9 000 characters pasted in the ceiling's field: the POST was sent to a link of 9 000 characters, which
    gunicorn refused in English (« Request Line is too large »). Such a request is answered here; the page's number
    fields take 40 characters, as the simulator's do."""
    reponse = envoyer(client, {PLAFOND: "9" * 9000})
    assert reponse.status_code == 200 and "un nombre de 9 000 chiffres" in plat(visible(Page(reponse.get_data(True))))
    assert envoyer(client, {PLAFOND: "60000"}).status_code == 303  # a link of the usual length: still one
    page = ouvrir(client, "/reformes")
    assert page.attributs(PLAFOND)["maxlength"] == "40" and page.attributs("period")["maxlength"] == "40"
    simulateur = ouvrir(client, "/simulateur")
    assert simulateur.attributs("budget_session")["maxlength"] == "40"


@pytest.mark.parametrize(
    ("chemin", "saisi", "attendu"),
    [
        ("financement_amorcage.taux", "50,0001 %", "50 % → 50,0001 %"),
        (PLAFOND, "70 000,004", "70 000 € → 70 000,004 €"),
    ],
)
def test_a_change_never_reads_as_the_value_it_changes(client, chemin, saisi, attendu):
    """« 50 % → 50 % » beside a difference of 1,57 €: the new value is written with the decimals it takes not to
    read as the law's (and 70 000,004 to no decimals was « 70 »)."""
    [change] = ouvrir(client, "/reformes?" + urlencode({chemin: saisi})).tous("data-change", chemin)
    assert attendu in plat(change["texte"])
    assert nombre_en_francais(70_000.004, 0) == "70\u202f000"


def test_the_third_calls_threshold_is_never_said_to_be_read(client):
    """With the reading that keeps the first call's rule of sessions in 2018, the third call reads the first
    call's threshold, not its own: a threshold of 24 changed nothing while the help said a reading could make the
    call apply it; a shipped reform unknown beside a change lost its field's message."""
    lecture = {"interpretations.regle_des_sessions_maintenue_en_2018": {"2018-04-05": True}}
    parametres = appliquer_reforme(la_loi(), lecture).parameters
    assert not reformes_des_pages.appliquee(parametres, "financement_amorcage.seuil_duree_mois", "2018-04-05")
    page = ouvrir(client, "/reformes?population=appel_2018&financement_amorcage.seuil_duree_mois=24")
    aide = plat(page.par_id["aide-financement_amorcage.seuil_duree_mois"]["texte"])
    assert "ne l'applique pas : la changer ne change rien pour ses dossiers." in aide and "sauf si" not in aide
    inconnue = ouvrir(
        client, "/reformes?" + urlencode({"reforme_livree": "plafond_10k", "financement_amorcage.taux": "60 %"})
    )
    assert "reforme_livree" in inconnue.erreurs()
    [change] = ouvrir(client, "/reformes?" + urlencode({PLAFOND: "1e30"})).tous("data-change", PLAFOND)
    assert "→ 1 000 000 000 000 000 000 000 000 000 000 €" in plat(change["texte"])  # not a float's digits


def test_a_long_value_or_field_of_a_link_is_quoted_cut_short(client):
    """A refused value of 3 000 characters was quoted whole in « Vos changements », an unknown field of a link of
    3 000 characters whole in its note."""
    page = ouvrir(client, "/reformes?" + urlencode({PLAFOND: "1 " * 3000, "x" * 3000: "1"}))
    [change] = page.tous("data-change", PLAFOND)
    [note] = page.tous("data-champs-inconnus")
    assert len(plat(change["texte"])) < 700 and len(plat(note["texte"])) < 700


def test_a_value_typed_over_another_months_value_is_not_compared_against_this_ones(client):
    """60 % typed over February 2016's 50 %, then the 2018 population chosen in the same submit: compared with 2018's
    80 %, the raise became a cut of 7 472 420 €, without a word. It is said next to the field, nothing compared,
    and typed again for the month shown, compared."""
    lien = "/reformes?population=appel_2018&affiche=2016-02&financement_amorcage.taux=60+%25"
    page = ouvrir(client, lien)
    assert not page.tous("data-indicateur")
    erreur = plat(page.par_id["erreur-financement_amorcage.taux"]["texte"])
    assert (
        "saisie à la place de celle en vigueur en février 2016 (50 %) ; en décembre 2018, la valeur en vigueur est 80 %"
        in erreur
    )
    [affiche] = [e for e in page.elements if e["attrs"].get("name") == "affiche"]
    assert affiche["attrs"]["value"] == "2018-12" and page.attributs("financement_amorcage.taux")["value"] == "60 %"
    assert ouvrir(client, lien.replace("affiche=2016-02", "affiche=2018-12")).tous("data-indicateur")


def test_a_condition_unticked_is_said_no_longer_required(client):
    """« La formation est gratuite pour les apprenants : oui → non » read as trainings becoming paying, where the
    condition is dropped; a reading's switch keeps « oui → non »."""
    page = ouvrir(
        client, "/reformes?labellisation.conditions.formation_gratuite=&interpretations.plafond_par_structure="
    )
    [condition] = page.tous("data-change", "labellisation.conditions.formation_gratuite")
    assert "exigée → non exigée" in plat(condition["texte"])
    [lecture] = page.tous("data-change", "interpretations.plafond_par_structure")
    assert "oui → non" in plat(lecture["texte"])


def test_a_workbook_uploaded_is_named_as_one(client):
    """An analyst's spreadsheet saved as .xlsx was refused as "not UTF-8 text", which says nothing to one who never
    chose an encoding; and where its bytes held more line breaks than the server's limit on trainings, as "56
    formations" (this module's limit is 50): the workbook is now named before anything is counted."""
    classeur = io.BytesIO()
    with zipfile.ZipFile(classeur, "w", zipfile.ZIP_STORED) as archive:  # an xlsx's content types, many lines
        archive.writestr("[Content_Types].xml", "<Types>\n" * 200)
    classeur.seek(0)
    page = Page(envoyer(client, {PLAFOND: "50000"}, (classeur, "formations.xlsx")).get_data(as_text=True))
    assert "Le fichier « formations.xlsx » est un classeur (Excel, LibreOffice) : enregistrez-le en CSV UTF-8" in plat(
        visible(page)
    )
    assert "UTF-8 text" not in page.html and "formations : l'atelier" not in page.html and "resultat" not in page.par_id


@pytest.mark.parametrize(
    ("champs", "champ", "debut"),
    [
        ({"labellisation.duree_formation.minimum_mois": "30"}, "labellisation.duree_formation.minimum_mois",
         "La durée minimale (30 mois) dépasse la durée maximale"),  # rules that cannot hold together
        ({PLAFOND: "9" * 5000}, PLAFOND, "Cette valeur doit être un montant en euros d'au plus un milliard"),
        ({PLAFOND: "9" * 400}, PLAFOND, "Cette valeur doit être un montant en euros d'au plus un milliard"),  # int
        ({"financement_amorcage.seuil_duree_mois": "9" * 309}, "financement_amorcage.seuil_duree_mois",
         "Cette valeur doit être un nombre entier, sans virgule, d'au plus 2 147 483 647"),  # beyond a float
        ({"financement_amorcage.taux": "9" * 400 + " %"}, "financement_amorcage.taux",
         "Cette valeur doit être un taux en % d'au plus un milliard"),
        ({"financement_amorcage.taux": "150"}, "financement_amorcage.taux", "Cette valeur doit être un taux de 0 %"),
        ({"financement_amorcage.taux": "101 %"}, "financement_amorcage.taux", "Cette valeur doit être un taux de 0 % "
         "à 100 %, par exemple 50 % (vous avez saisi « 101 % » ; un nombre sans « % » se lit comme une part"),  # not
        # "vous avez saisi 1,01 : pour un pourcentage, ajoutez « % »", to one who had
        ({"financement_amorcage.taux": "-10 %"}, "financement_amorcage.taux", "Cette valeur doit être un taux de 0 % "
         "à 100 %, par exemple 50 % (vous avez saisi « -10 % »"),  # as typed, not "−0,1"
        ({"labellisation.conditions.formation_gratuite": "peut-être"}, "labellisation.conditions.formation_gratuite",
         "Cette valeur : cochez la case"),
        ({PLAFOND: "5", "period": "01/1990"}, "period", "Le mois doit être un mois où des règles sont en vigueur"),
        # by the list's words, not the registry's seventeen codes
        ({"reforme_livree": "inconnue"}, "reforme_livree",
         "La réforme livrée doit être l'une des réformes de la liste (« inconnue » n'en est pas une)."),
        ({PLAFOND: "5", "population": "/etc/passwd"}, "population", "La population doit être l'un des choix"),
        ({PLAFOND: ["100000", "30000"]}, PLAFOND, "Cette valeur : plusieurs valeurs différentes sont données "
         "(« 100000 », « 30000 »)"),  # a link edited by hand: the last used to be taken
        ({PLAFOND: "5", "population": ["appel_2015", "appel_2018"]}, "population",
         "La population : plusieurs valeurs différentes sont données"),  # and there, the first
    ],
)  # fmt: skip
def test_a_refusal_is_a_french_message_next_to_its_field(client, champs, champ, debut):
    page = ouvrir(client, "/reformes?" + urlencode(champs, doseq=True))
    assert plat(page.erreurs()[champ]).startswith(plat(debut))
    assert "resultat" not in page.par_id and not ETRANGERS.search(visible(page))


@pytest.mark.parametrize("chiffres", [309, 400, 4300, 5000])
def test_a_changed_value_of_hundreds_of_digits_is_named_in_the_changes_never_written_out(client, chiffres):
    """An integer beyond floats (309 digits and more) cannot be converted: "un nombre de 400 chiffres"."""
    page = ouvrir(client, "/reformes?" + urlencode({PLAFOND: "9" * chiffres}))
    [change] = page.tous("data-change", PLAFOND)
    assert f"→ un nombre de {chiffres} chiffres" in plat(change["texte"])
    assert "9" * 50 not in visible(page).replace(page.attributs(PLAFOND)["value"], "")  # only in its field


def televerser(client, contenu: bytes, nom="formations.csv", **champs) -> Page:
    reponse = envoyer(client, champs, (io.BytesIO(contenu), nom))
    assert reponse.status_code == 200
    return Page(reponse.get_data(as_text=True))


def messages_du_fichier(page: Page) -> list[str]:
    return [plat(e["texte"]) for e in page.elements if e["tag"] == "td" and e["texte"].strip()]


@pytest.mark.parametrize("fin", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("commentee", [False, True])
def test_the_trainings_are_counted_whatever_ends_their_lines(client, limites, fin, commentee):
    """A file whose lines end in CR alone is read as rows by the reader (universal newlines): it is counted so
    too, and refused beyond the limit like any other (it escaped the count: 15 050 trainings were accepted).
    Blank lines and comments are not trainings, for the count as for the reader."""
    formations = limites.formations + (0 if commentee else 1)
    lignes = [f"f{i},1000" for i in range(formations)] + ["#f,1000"] * (limites.formations if commentee else 0)
    contenu = fin.join(["# une description", "formation_id,budget_session", *lignes, "", "  \t"]).encode()
    page = televerser(client, contenu, **{PLAFOND: "50000"})
    refus = plat(f"Le fichier contient {limites.formations + 1} formations")
    if commentee:  # a comment is no training, below the header as above it: the limit is not reached
        assert refus not in plat(page.html) and page.tous("data-indicateur", "cout_total")
    else:
        assert messages_du_fichier(page)[-1].startswith(refus)


def test_comparer_with_nothing_changed_says_so(client):
    """« Comparer » with no change and no shipped reform was redirected to a link of the population alone, which
    showed the bare form, without a word (an upload with no change said « Aucun changement »)."""
    reponse = envoyer(client, {"population": "appel_2015"})
    assert reponse.status_code == 200
    assert "Aucun changement : modifiez un paramètre ou choisissez une réforme livrée." in plat(
        visible(Page(reponse.get_data(as_text=True)))
    )


def test_a_header_longer_than_a_csv_field_is_refused_in_french(client):
    """One header field of 150 000 characters (the csv module's limit is 131 072): a French refusal, and the
    page does not quote it."""
    page = televerser(client, b"formation_id," + b"x" * 150_000 + b"\na,1\n", **{PLAFOND: "50000"})
    [[ligne, message]] = [messages_du_fichier(page)]
    assert ligne == "tout le fichier" and message.startswith("Le fichier « formations.csv »")
    assert "sa ligne d'en-tête compte plus de 131 072 caractères" in message and "characters" not in message
    assert len(page.html) < 100_000 and not ETRANGERS.search(visible(page))


def test_a_campaign_mixing_calls_is_named_by_its_rows(client):
    """Each campaign that mixed calls was said « pour tout le fichier », without its name: the same sentence twice
    for two campaigns, where the command line names each."""
    contenu = (b"formation_id,campagne_id,date_depot_dossier\na,camp_x,2015-10-12\nb,camp_x,2018-05-01\n"
               b"c,camp_y,2015-10-12\nd,camp_y,2018-05-01\n")  # fmt: skip
    page = televerser(client, contenu, period="2018-07", **{PLAFOND: "100000"})
    lignes = [[plat(e["texte"]) for e in page.elements if e["tag"] == "td"][i : i + 3] for i in (0, 3)]
    assert [ligne[:2] for ligne in lignes] == [["lignes de la campagne « camp_x »", "campagne_id"],
                                               ["lignes de la campagne « camp_y »", "campagne_id"]]  # fmt: skip
    assert all(ligne[2].startswith("La campagne mêle des dossiers de plusieurs appels (1, 3)") for ligne in lignes)


def test_the_problems_of_a_file_are_listed_up_to_a_bound_and_the_others_counted(client):
    """Not a page of 100 000 lines: the first MAX_ERREURS_AFFICHEES, then how many more."""
    inconnues = ",".join(f"inconnue_{i}" for i in range(90))
    lignes = "".join(f"f{i},abc,{',' * 89}\n" for i in range(40))
    page = televerser(client, f"formation_id,budget_session,{inconnues}\n{lignes}".encode())
    montrees = [e for e in page.elements if e["tag"] == "tr" and e["texte"].strip()][1:]  # without the headings
    [autres] = page.tous("data-erreurs-non-affichees")
    assert len(montrees) == rapport.MAX_ERREURS_AFFICHEES and int(autres["attrs"]["data-erreurs-non-affichees"]) > 0
    assert plat(f"Et {nombre(int(autres['attrs']['data-erreurs-non-affichees']))} autres erreurs") in plat(
        autres["texte"]
    )


def test_listing_the_problems_of_a_file_takes_the_first_ones_without_formatting_the_others(monkeypatch):
    problemes = [Probleme("nombre_attendu", {"valeur": "x"}, "ligne", champ="budget_session", ligne=i + 2)
                 for i in range(100_000)]  # fmt: skip
    problemes.append(Probleme("colonne_calculee", {}, "colonne", champ="financement_amorcage"))
    erreur = DonneesInvalidesError(problemes)
    ecrits = []
    francais = Probleme.fr
    monkeypatch.setattr(Probleme, "fr", lambda probleme: ecrits.append(probleme) or francais(probleme))
    lignes, autres = rapport.erreurs_de_donnees(erreur)
    assert len(ecrits) == rapport.MAX_ERREURS_AFFICHEES  # the others are counted, never written
    assert len(lignes) == rapport.MAX_ERREURS_AFFICHEES and autres == 100_001 - rapport.MAX_ERREURS_AFFICHEES
    assert [ligne["ligne"] for ligne in lignes[:3]] == ["en-tête", "2", "3"]  # the header first, as in the file


def test_a_number_too_large_in_a_file_is_said_too_large(client):
    """5000 digits are a number, too large: the message says its bound, not that it is no number."""
    page = televerser(client, b"formation_id,budget_session\nf," + b"9" * 5000 + b"\n")
    [message] = [m for m in messages_du_fichier(page) if "budget_session" not in m and "Doit" in m]
    assert "compris entre moins un milliard et un milliard" in message and "n'en est pas un" not in message


def test_every_shipped_reform_is_offered_in_french_words(client):
    """The readings' reforms were offered by their parameter's path (interpretations.dotation_forfaitaire_…)."""
    page = ouvrir(client, "/reformes")
    choix = re.search(r'<select id="reforme_livree".*?</select>', page.html, flags=re.S).group(0)
    options = dict(re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', choix))
    assert set(options) == {"", *REFORMES}
    for nom, libelle in options.items():
        assert libelle.strip() and not re.search(r"\w_\w|interpretations\.", libelle), (nom, libelle)
    resultat = ouvrir(client, "/reformes?reforme_livree=dotation_forfaitaire_par_structure")
    assert "Autre lecture : Verser à chaque structure financée" in html.unescape(visible(resultat))


def test_a_change_that_moves_no_training_says_which_call_their_dossiers_keep(client):
    """March 2025 shows the 3rd call's rate (80 %); the first call's dossiers keep theirs (50 %), so changing it
    moved nothing, with no word why. A change that moves some says nothing of the kind."""
    page = ouvrir(client, "/reformes?" + urlencode({"population": "appel_2015", "period": "2025-03",
                                                    "financement_amorcage.taux": "60 %"}))  # fmt: skip
    [note] = page.tous("data-sans-effet")
    assert "Leurs dossiers relèvent du 1er appel : chaque dossier garde les règles de son appel" in plat(visible(page))
    assert note and not ouvrir(client, "/reformes?" + urlencode({PLAFOND: "50000"})).tous("data-sans-effet")


def test_a_reform_that_gives_the_values_in_force_says_nothing_changes(client):
    """The per-structure ceiling is the default reading: its reform changes no call's rules, and the page said
    the value was another call's."""
    page = ouvrir(
        client, "/reformes?" + urlencode({"population": "appel_2015", "reforme_livree": "plafond_par_structure"})
    )
    [note] = page.tous("data-sans-effet")
    assert plat(note["texte"]) == "Ce changement redonne aux règles les valeurs qu'elles ont déjà : rien ne change."


@pytest.mark.parametrize("changement", [{"financement_amorcage.enveloppe": "1"},
                                        {"labellisation.conditions.formation_gratuite": "false"}])  # fmt: skip
def test_a_change_of_their_own_calls_rules_that_moves_nothing_is_not_said_another_calls(client, changement):
    """An envelope of 1 € (the campaign then overruns it), a condition every training meets: the dossiers' own
    call's rules change, and the page said they were another call's."""
    page = ouvrir(client, "/reformes?" + urlencode({"population": "appel_2015", **changement}))
    [note] = page.tous("data-sans-effet")
    assert plat(note["texte"]).startswith("Ce changement modifie les règles du 1er appel, dont relèvent ces dossiers")
    assert "un autre appel" not in plat(note["texte"])


def test_dossiers_filed_after_the_month_computed_are_said_to_get_nothing(client, tax_benefit_system, capsys):
    """The 2nd call's dossiers computed in an earlier month answer no call yet: a file of them came out all zeros
    in the CLI's default month, without a word. Every entry point now says so, and which month would do."""
    from openfisca_gen.cli import main

    population = lire_population(tax_benefit_system, "appel_2016")
    [avertissement] = comparer(population, "plafond_100k", "2016-02", tax_benefit_system).avertissements
    nombre = len(population.table)
    assert avertissement.en() == (
        f"{nombre} of the {nombre} dossiers answer a call that had not opened by 2016-02, the month computed: they "
        "answer no call yet "
        "and get nothing; compute a later month (--period), such as 2017-02"
    )
    assert comparer(population, "plafond_100k", "2017-03", tax_benefit_system).avertissements == []
    # In September 2016 the 2nd call is open: its dossiers filed later are judged by it (funded), not warned of
    septembre = comparer(population, "plafond_100k", "2016-09", tax_benefit_system)
    assert septembre.avertissements == [] and septembre.formations["financement_amorcage_baseline"].sum() > 0
    page = ouvrir(client, "/reformes?" + urlencode({"population": "appel_2016", "period": "2016-02", PLAFOND: "9e4"}))
    assert f"{nombre} des {nombre} dossiers relèvent d'un appel pas encore ouvert en février 2016, le mois" in plat(
        visible(page)
    )
    assert main(["calculate", "--data", "appel_2016", "--period", "2016-02", "--variables", "labellisee"]) == 0
    assert f"Warning: {nombre} of the {nombre} dossiers answer a call that had not opened by 2016-02" in (
        capsys.readouterr().err
    )
    balayage = ["compare", "--sweep", "financement_amorcage.taux", "--from", "0.4", "--to", "0.6", "--step", "0.2"]
    for commande in (balayage, ["interpretations"]):  # before their results, in the language asked
        assert main([*commande, "--data", "appel_2016", "--period", "2016-02", "--lang", "fr"]) == 0
        assert capsys.readouterr().out.startswith(f"Attention : {nombre} des {nombre} dossiers relèvent d'un appel")


def test_an_emptied_field_says_what_empty_means_or_why_it_cannot_be(client):
    """Emptied, the ceiling ran the comparison with no ceiling (+6 M€), said only by « 70 000 € → aucune »; the
    rate was refused with « Cette valeur doit avoir une valeur ». A field that may be empty says what it means."""
    page = ouvrir(client, "/reformes?" + urlencode({PLAFOND: "", "financement_amorcage.taux": ""}))
    aide = plat(page.par_id[f"aide-{PLAFOND}"]["texte"])
    assert "Laissé vide : aucune valeur, et la règle ne s'applique pas (aucun plafond" in aide
    assert "Laissé vide" not in plat(page.par_id["aide-financement_amorcage.taux"]["texte"])
    erreur = plat(page.par_id["erreur-financement_amorcage.taux"]["texte"])
    attendue = "Cette valeur ne peut pas rester vide (toutes les sources en donnent une) : indiquez-la"
    assert erreur == attendue + ", par exemple 50 %."
    assert "doit avoir une valeur" not in plat(visible(page))
    vide = ouvrir(client, "/reformes?" + urlencode({PLAFOND: ""}))
    [change] = vide.tous("data-change", PLAFOND)
    assert "70 000 € → aucune valeur" in plat(change["texte"])
    assert "aucune (inconnue)" not in plat(visible(vide))


def test_amounts_in_the_tables_are_written_to_the_cent(client):
    """At 60 %, a band's cost was « 1 050 815,5 », the winners' total gain « 113 680,5 »: an amount is written to
    the euro, or to the cent."""
    page = ouvrir(client, "/reformes?" + urlencode({"financement_amorcage.taux": "60 %"}))
    cellules = [plat(e["texte"]) for e in page.elements if e["tag"] == "td"]
    assert cellules and not [c for c in cellules if re.fullmatch(r"[−\d\s]+,\d", c)]
    assert [c for c in cellules if re.fullmatch(r"[−\d\s]+,\d\d", c)]  # some amounts have cents, written so


@pytest.mark.parametrize(
    ("devenues", "perdues", "phrase"),
    [(0, 246, "Aucune formation ne devient éligible, 246 cessent de l'être"),
     (1, 0, "1 devient éligible, aucune ne cesse de l'être"), (3, 1, "3 deviennent éligibles, 1 cesse de l'être"),
     (0, 0, "Aucune formation ne devient éligible ni ne cesse de l'être")],
)  # fmt: skip
def test_the_eligibility_figure_names_none_in_words(devenues, perdues, phrase):
    """« 0 devient éligible, 246 cessent de l'être » read as a count of zero trainings in the singular."""
    changements = {"winners": 0, "losers": 0, "winners_total_gain": 0.0, "losers_total_loss": 0.0,
                   "trainings_gaining_eligibility": devenues, "trainings_losing_eligibility": perdues}  # fmt: skip
    assert dict(rapport.chiffres(changements))["eligibilite"] == phrase


def test_the_tables_write_labels_for_values_and_ids_as_they_are(client):
    """The campaign table read « Non_applicable », « Atteint » (an objective's codes, capitalized) and
    « Appel_2015 » (an id, capitalized): an objective's status is its label, an id stays as written."""
    page = ouvrir(client, "/reformes?" + urlencode({"financement_amorcage.taux": "60 %"}))
    cellules = {plat(e["texte"]) for e in page.elements if e["tag"] in ("td", "th")}
    assert {"Objectif atteint", "Objectif non atteint", "appel_2015"} <= cellules
    assert not cellules & {"Non_applicable", "Atteint", "Non_atteint", "Appel_2015"}


def test_the_warnings_of_a_population_are_checked_under_the_reform_too(tax_benefit_system, client):
    """A column only the reform's rules read, left out (2018 dossiers without `pedagogie_innovante` under the
    2015 conditions kept), took every label to 0 without a word; so did a reform moving a call's opening past
    the month computed. The population's warnings are checked under both rules."""
    from openfisca_gen.population import DONNEES

    table = pandas.read_csv(DONNEES / "appel_2018.csv", comment="#").drop(columns=["pedagogie_innovante"])
    sans = lire_population(tax_benefit_system, table)
    comparaison = comparer(sans, "conditions_2015_maintenues_en_2018", "2018-12", tax_benefit_system)
    assert [a.valeurs["noms"] for a in comparaison.avertissements if a.cle == "colonnes_absentes"] == [
        ["pedagogie_innovante"]
    ]
    deplacee = {"calendrier.date_ouverture": {"2016-08-23": "2016-09-15", "2018-04-05": "2018-04-05"}}
    assert comparer("appel_2016", "plafond_100k", "2016-08", tax_benefit_system).avertissements == []
    avertissements = comparer("appel_2016", deplacee, "2016-08", tax_benefit_system).avertissements
    assert "appel_pas_encore_ouvert" in [a.cle for a in avertissements]
    page = ouvrir(client, "/reformes?" + urlencode({"population": "appel_2016", "period": "2016-02", PLAFOND: "1e5"}))
    [note] = page.tous("data-sans-effet")  # the month, not another call's rules, is why nothing moves
    assert plat(note["texte"]).startswith("Ce changement ne touche aucune de ces formations : en février 2016, leurs "
                                          "dossiers ne relèvent d'aucun appel")  # fmt: skip


def test_a_change_the_month_moved_away_from_is_said_and_can_be_taken_back(client, tax_benefit_system):
    """A switch typed for 2016-02, then the month moved to 2018-12, where it has no value: the link kept it, the
    reform dropped it, and the page compared nothing else without a word."""
    reponse = envoyer(client, {"population": "appel_2015", "affiche": "2016-02", "period": "2018-12",
                               "interpretations.fabrique_par_structure": "true"})  # fmt: skip
    assert reponse.status_code == 303
    page = ouvrir(client, reponse.headers["Location"])
    libelle = tax_benefit_system.parameters.interpretations.fabrique_par_structure.description
    assert f"« {libelle} » ne s'applique pas aux règles en vigueur en décembre 2018" in plat(visible(page))
    [change] = page.tous("data-change", "interpretations.fabrique_par_structure")
    assert "sans objet" in change["texte"] and "oui" in change["texte"]
    assert page.tous("data-retablir", "interpretations.fabrique_par_structure")
    texte = plat(visible(page))  # said once, in the summary and next to the month, as a field's problem is
    assert texte.count("ne s'applique pas aux règles") == 2 and 'id="erreur-period"' in page.html
    assert "Aucun changement" not in texte
    assert 'name="interpretations.fabrique_par_structure" value="true"' in page.html  # carried by « Comparer »
    # with another change, still nothing compared while it stands; taken back, the rest is
    avec = envoyer(client, {"population": "appel_2015", "period": "2018-12", "financement_amorcage.taux": "70 %",
                            "interpretations.fabrique_par_structure": "true"})  # fmt: skip
    page = ouvrir(client, avec.headers["Location"])
    assert not page.tous("data-indicateur", "cout_total") and "ne s'applique pas" in plat(visible(page))
    page = ouvrir(client, "/reformes?population=appel_2015&period=2018-12&financement_amorcage.taux=70+%25")
    assert page.tous("data-indicateur", "cout_total")


def test_the_command_to_copy_keeps_the_files_name_as_it_is(client):
    """The page's no-break spaces reached the command it gives to copy: 'export «\xa0appel 1\xa0».csv', a file
    that does not exist."""
    page = televerser(client, b"formation_id,budget_session\na,1000\n", nom="export « appel 1 » ; vite !.csv",
                      **{PLAFOND: "50000"})  # fmt: skip
    [commande] = [e["texte"] for e in page.elements if e["tag"] == "code" and "openfisca-gen compare" in e["texte"]]
    assert "'export « appel 1 » ; vite !.csv'" in html.unescape(commande)


def test_a_chart_of_no_labelled_training_has_whole_ticks(tax_benefit_system):
    """A population with no labelled training drew its axes 0 €, 0 €, 0 €, 1 €, 1 € and 0, 0, 1, 1: ticks of
    fractions of a euro and of a training, written whole."""
    from openfisca_gen.rapports.graphiques import distribution_svg

    montants, labels = [0.0, 0.0], [False, False]
    formations = pandas.DataFrame({"financement_amorcage_baseline": montants, "financement_amorcage_reform": montants,
                                   "labellisee_baseline": labels, "labellisee_reform": labels})  # fmt: skip
    dessin = str(distribution_svg(formations)["svg"])
    textes = re.findall(r"<text[^>]*>([^<]*)</text>", dessin)
    euros_, comptes = [t for t in textes if t.endswith("€")], [t for t in textes if t.isdigit()]
    assert len(euros_) == len(set(euros_)) and len(comptes) == len(set(comptes)), textes


@pytest.mark.parametrize("nombre", [4, 7])
def test_the_charts_ticks_are_whole_and_reach_the_maximum(nombre):
    """A step of 2.5 (ten trainings in one band) drew lines at 2.5 and 7.5 labelled 2 and 8."""
    from openfisca_gen.rapports import svg

    for maximum in [*range(0, 60), 99, 1_000, 70_000, 1e9]:
        ticks = svg.graduations(maximum, nombre)
        assert all(float(t).is_integer() for t in ticks) and ticks[-1] >= maximum, (maximum, ticks)


def test_a_rate_refused_quotes_what_was_typed(client):
    """« 60 » typed in the rate's field was answered « vous avez saisi 6 000 % », what it was read as."""
    for saisi, cite in (("60", "« 60 »"), ("150 %", "« 150 % »")):
        page = ouvrir(client, f"/reformes?financement_amorcage.taux={quote(saisi)}")
        texte = plat(visible(page))
        messages = re.findall(r"Cette valeur doit être un taux[^.]*\.", texte)  # beside the field and above
        assert messages and all(f"(vous avez saisi {cite} ; un nombre sans « % »" in m for m in messages), messages


def test_the_workshop_offers_each_calls_rules_and_says_which_its_call_leaves_out(client):
    """The second call's 180 000 € per structure and the third call's ten job seekers could not be changed (« pas
    un champ de cette page »), and in 2018 the durations and the six-month threshold were offered as if the third
    call applied them: a minimum of 12 months changed nothing, said « modifie les règles du 3e appel »."""
    page = ouvrir(client, "/reformes?population=appel_2018")
    aides = re.findall(r'<p class="aide" id="aide-([^"]+)">(.*?)</p>', page.html, flags=re.S)
    assert {nom for nom, aide in aides if "data-non-appliquee" in aide} == {
        "financement_amorcage.seuil_duree_mois", "labellisation.duree_formation.minimum_mois",
        "labellisation.duree_formation.maximum_mois"}  # fmt: skip
    assert "Le 3e appel, en vigueur ce mois-là, ne l'applique pas" in plat(visible(page))  # named: a first-call
    # population in this month still reads the rule (its dossiers keep their call's rules)
    assert page.attributs("labellisation.effectif_minimal_demandeurs_emploi_peu_qualifies")["value"] == "10"
    assert "data-non-appliquee" not in ouvrir(client, "/reformes?population=appel_2016").html
    base = ouvrir(client, "/reformes?population=appel_2016&financement_amorcage.plafond_structure=100000")
    [cout] = base.tous("data-indicateur", "cout_total")
    assert float(cout["attrs"]["data-reforme"]) < float(cout["attrs"]["data-base"])  # 100 000 € per structure binds
    assert "data-non-appliquee" not in base.html and "Ce changement porte sur" not in plat(visible(base))


@pytest.mark.parametrize(
    ("lien", "appel", "champ", "lecture"),
    [
        ("population=appel_2018&labellisation.duree_formation.minimum_mois=12", "3e", "duree_formation.minimum_mois",
         "interpretations.conditions_2015_maintenues_en_2018=true"),
        ("population=appel_2015&financement_amorcage.plafond_structure=50000", "1er", "plafond_structure",
         "interpretations.plafond_par_structure=false"),
    ],
)  # fmt: skip
def test_a_change_of_a_rule_the_call_does_not_apply_is_said_to_change_nothing(client, lien, appel, champ, lecture):
    """A minimum of 12 months under the third call, which sets no duration, was answered « Ce changement modifie
    les règles du 3e appel » as if it were read; a ceiling per structure under the first call, whose 70 000 € caps
    the structure under the record's reading, was offered with no note that the call does not read it. A reading
    that makes the call read the rule (the first call's conditions kept in 2018, no ceiling per structure in
    2015) makes the change one the call applies: it is not said to change nothing."""
    page = ouvrir(client, f"/reformes?{lien}")
    assert (
        f"Ce changement porte sur une règle que le {appel} appel, dont relèvent ces dossiers, n'applique pas : rien"
        in (plat(visible(page)))
    )
    aides = re.findall(r'<p class="aide" id="aide-([^"]+)">(.*?)</p>', page.html, flags=re.S)
    assert any(nom.endswith(champ) and "data-non-appliquee" in aide for nom, aide in aides)
    assert "Ce changement porte sur" not in plat(visible(ouvrir(client, f"/reformes?{lien}&{lecture}")))


def test_an_unticked_box_left_empty_in_a_link_is_false(client):
    """A link with `interpretations.plafond_par_structure=` (a box's `false` left out by hand) was refused in the
    API's words (« donnez true ou false ») where the field's help says an empty box is « non »."""
    vide = "interpretations.plafond_par_structure="
    for lien in (f"/reformes?{vide}", f"/reformes?{vide}false&{vide}"):
        page = ouvrir(client, lien)  # the second was « plusieurs valeurs différentes (« false », « ») »
        assert "plusieurs valeurs" not in visible(page)
    [cout] = page.tous("data-indicateur", "cout_total")
    par_formation = ouvrir(client, "/reformes?reforme_livree=plafond_par_formation").tous(
        "data-indicateur", "cout_total"
    )
    assert cout["attrs"]["data-reforme"] == par_formation[0]["attrs"]["data-reforme"] != cout["attrs"]["data-base"]


def test_an_unknown_shipped_reform_suggests_the_closest(client):
    """« Plafond_100k » got the list's words and no suggestion, where the command line and the API suggest one."""
    texte = plat(visible(ouvrir(client, "/reformes?reforme_livree=Plafond_100k")))
    assert "(« Plafond_100k » n'en est pas une) (vouliez-vous dire plafond_100k ?)." in texte


def test_a_share_is_never_shown_at_an_objective_it_misses(client):
    """2 996 women of 10 000 learners read « Part de femmes 30 % » two rows under « Objectif non atteint »: a share
    is cut to the tenth of a percent toward zero, as the command's tables cut it."""
    contenu = (
        "formation_id,date_depot_dossier,metier_vise,formation_gratuite,pedagogie_innovante,duree_formation_mois,"
        "budget_session,nombre_apprenants,nombre_femmes,nombre_jeunes_neet_peu_qualifies\n"
        "a,2015-10-01,codeur,true,true,7,100000,10000,2996,4996\n"
    )
    page = Page(envoyer(client, {PLAFOND: "50000"}, (io.BytesIO(contenu.encode()), "s.csv")).get_data(as_text=True))
    texte = plat(visible(page))
    assert "Part de femmes 29,9 % 29,9 %" in texte and "Part de jeunes NEET peu qualifiés 49,9 % 49,9 %" in texte
