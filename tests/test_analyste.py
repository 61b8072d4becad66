"""The analyst's six questions (docs/analyse.md) on the bundled populations, and each trap an analyst fell into
(issue 20), reproduced: the wrong number the trap gave, and the right result or the warning the library gives now.
Expectations are computed here from simulations under hand-written mappings, not read from the code under test."""

import warnings
from pathlib import Path

import numpy
import pandas
import pytest

from openfisca_gen.analyse import comparer
from openfisca_gen.cli import main
from openfisca_gen.interpretations import analyser_interpretations, graphique_tornade
from openfisca_gen.population import DONNEES, POPULATIONS, lire_population
from openfisca_gen.rapports import graphiques
from openfisca_gen.reforms import ReformeDebordeWarning, appliquer_reforme, lectures
from openfisca_gen.validation import DonneesInvalidesError, ReformeInvalideError

MOIS_2015, MOIS_2018 = POPULATIONS["appel_2015"]["periode"], POPULATIONS["appel_2018"]["periode"]
CENT_MILLE = {"financement_amorcage.plafond": {"2015-09-17": 100_000, "2018-04-05": None}}  # = plafond_100k
TAUX_80 = {"financement_amorcage.taux": {"2015-09-17": 0.8, "2018-04-05": 0.8}}  # = taux_2018_premier_appel


@pytest.fixture(scope="module")
def appel_2015(tax_benefit_system):
    return lire_population(tax_benefit_system, "appel_2015")


@pytest.fixture(scope="module")
def appel_2018(tax_benefit_system):
    return lire_population(tax_benefit_system, "appel_2018")


def financements(systeme, population, mois) -> numpy.ndarray:
    return population.simulation(systeme, mois).calculate("financement_amorcage", mois)


def test_question_1_a_ceiling_of_100_000_euros_in_2015(tax_benefit_system, appel_2015, capsys):
    """`compare --reform plafond_100k`: the first call's dossiers under a 100 000 € ceiling, against the law."""
    reforme = appliquer_reforme(tax_benefit_system, CENT_MILLE)
    attendu = financements(reforme, appel_2015, MOIS_2015) - financements(tax_benefit_system, appel_2015, MOIS_2015)
    assert attendu.sum() > 0 and (attendu >= 0).all()  # a higher ceiling raises some, lowers none
    assert main(["compare", "--reform", "plafond_100k", "--data", "appel_2015"]) == 0
    ligne = next(ligne for ligne in capsys.readouterr().out.splitlines() if ligne.startswith("total cost"))
    assert ligne.split()[-1] == f"{attendu.sum():,.0f}"


def test_question_2_the_2018_rate_at_70_percent_scales_every_2018_grant(tax_benefit_system, appel_2018):
    """No ceiling in euros in 2018: at 70 % instead of 80 %, each grant is 7/8 of the law's, to the cent; the
    report names the reform by its value, not by its path alone."""
    comparaison = comparer(appel_2018, {"financement_amorcage.taux": {"2018-04-05": 0.7}}, MOIS_2018)
    loi = financements(tax_benefit_system, appel_2018, MOIS_2018)
    assert loi.sum() > 0
    numpy.testing.assert_allclose(comparaison.formations["financement_amorcage_reform"], loi * 7 / 8, atol=0.005)
    assert comparaison.nom_reforme == "financement_amorcage.taux = 70 % from 2018-04-05"
    assert not comparaison.avertissements  # its last value is the last call's: nothing leaks


def test_question_3_stacked_reforms_are_compared_with_the_law(tax_benefit_system, appel_2015):
    """The trap: a system carrying reform A passed as the baseline of reform B compared B with A, not with the
    law (then +37 940 € instead of +1 003 710 €). It is refused now; a list of reforms combines them, against
    the law, and the CLI's repeated --reform is the same."""
    loi = financements(tax_benefit_system, appel_2015, MOIS_2015).sum()
    a = financements(appliquer_reforme(tax_benefit_system, CENT_MILLE), appel_2015, MOIS_2015).sum()
    a_et_b = financements(appliquer_reforme(tax_benefit_system, CENT_MILLE | TAUX_80), appel_2015, MOIS_2015).sum()
    assert a_et_b - a != pytest.approx(a_et_b - loi)  # the two numbers the trap confused differ here too
    with pytest.raises(ReformeInvalideError, match="baseline given is itself a reform"):
        comparer(appel_2015, TAUX_80, MOIS_2015, appliquer_reforme(tax_benefit_system, CENT_MILLE))
    comparaison = comparer(appel_2015, ["plafond_100k", "taux_2018_premier_appel"], MOIS_2015)
    assert comparaison.baseline == "the law"
    assert comparaison.resume().loc["financement_amorcage", "difference"] == pytest.approx(a_et_b - loi)
    assert comparaison.nom_reforme == "plafond_100k + taux_2018_premier_appel"


def test_question_3_combining_keeps_the_first_reforms_dates(tax_benefit_system, appel_2015, capsys):
    """The trap: reforms combined by a shallow dict merge lost the first one's dates where both change the same
    parameter. A 100 000 € ceiling for the first call, then a 200 000 € one from the second, is the first call at
    100 000 €: a merge that kept only the second would leave the first call at the law's 70 000 €."""
    seconde = {"financement_amorcage.plafond": {"2016-08-23": 200_000, "2018-04-05": None}}
    a = financements(appliquer_reforme(tax_benefit_system, CENT_MILLE), appel_2015, MOIS_2015).sum()
    loi = financements(tax_benefit_system, appel_2015, MOIS_2015).sum()
    combinee = comparer(appel_2015, [CENT_MILLE, seconde], MOIS_2015)
    assert combinee.resume().loc["financement_amorcage", "difference"] == pytest.approx(a - loi) != 0
    assert main(["compare", "--reform", "plafond_100k", "--reform", "taux_2018_premier_appel"]) == 0
    assert capsys.readouterr().out.startswith("Reform plafond_100k + taux_2018_premier_appel, period 2016-02")


def test_a_value_without_an_end_date_is_named_with_each_later_call_it_changes(tax_benefit_system, appel_2018):
    """The trap: `{financement_amorcage.plafond: {2015-09-17: 100000}}` put a ceiling on 2018 dossiers, which
    have none, without a word. The loss is still what the reform says, but it is announced, call by call, with
    how to limit it; given back from the later calls, the value changes nothing in 2018."""
    sans_fin = {"financement_amorcage.plafond": {"2015-09-17": 100_000}}
    with pytest.warns(ReformeDebordeWarning) as avertis:
        comparaison = comparer(appel_2018, sans_fin, MOIS_2018)
    assert comparaison.difference.sum() < 0  # 2018 grants capped: what the analyst did not see
    messages = [a.en() for a in comparaison.avertissements]
    assert messages == [str(w.message) for w in avertis]
    assert any("call 2 (opening 2016-08-23)" in m and "give the value back from 2016-08-23" in m for m in messages)
    assert any("call 3 (opening 2018-04-05), for which no source gives one (null)" in m for m in messages)
    assert any("give null back from 2018-04-05" in m for m in messages)
    francais = [a.fr() for a in comparaison.avertissements]  # as the workshop page says it
    assert any("(ouvert le 5 avril 2018), pour lequel aucune source n'en donne" in m for m in francais)
    assert not any("inconnue)" in m or "None" in m for m in francais)
    bornee = {"financement_amorcage.plafond": {"2015-09-17": 100_000, "2016-08-23": 70_000, "2018-04-05": None}}
    comparaison = comparer(appel_2018, bornee, MOIS_2018)
    assert comparaison.difference.abs().sum() == 0  # no leak to warn of: the 2018 dossiers keep their rules,
    assert [a.cle for a in comparaison.avertissements] == ["reforme_sans_effet"]  # which the note says (0.7.7)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ReformeDebordeWarning)
        # a reading is null from the calls it does not concern: nothing leaks there
        appliquer_reforme(tax_benefit_system, {"interpretations.plafond_par_structure": {"2015-09-17": False}})
        for lecture in lectures.LECTURES:  # a registered reading is the other reading for every call it concerns
            appliquer_reforme(tax_benefit_system, [lecture, "plafond_100k"])


def test_question_4_how_sure_the_baseline_is(tax_benefit_system, appel_2015):
    """The trap: the interpretations run was dominated by a data artefact (no committee decision recorded, so
    flipping that convention unlabelled everything). The default run combines the readings of the texts only,
    those that concern the population's calls; each reading's effect is that of a fresh simulation."""
    analyse = analyser_interpretations(appel_2015, MOIS_2015, tax_benefit_system)
    assert not [nom for nom in analyse.effets.index if nom.startswith("conventions")]
    concernees = analyse.effets[analyse.effets["concerned"]]
    assert "plafond_par_structure" in concernees.index
    assert "regle_des_sessions_maintenue_en_2018" not in concernees.index  # a 2018 reading, no 2018 dossier
    loi = financements(tax_benefit_system, appel_2015, MOIS_2015).sum()
    par_formation = financements(appliquer_reforme(tax_benefit_system, "plafond_par_formation"), appel_2015, MOIS_2015)
    effet = concernees.loc["plafond_par_structure", "cout_financement_amorcage_campagne"]
    assert effet == pytest.approx(par_formation.sum() - loi)
    # The tornado's bar for a reading on by default says what the other reading, the one drawn, says.
    assert analyse.effets.loc["plafond_par_structure", "default"]
    autre = analyse.interpretations.loc["plafond_par_structure", "other_reading"]
    assert "à chaque formation plutôt qu'au total" in autre
    with pytest.MonkeyPatch.context() as patch:
        dessinees = []
        patch.setattr(graphiques, "_sauver", lambda figure, chemin, *_: dessinees.append(figure) or chemin)
        graphique_tornade(analyse, Path("tornade.png"))
    libelles = [" ".join(t.get_text().split()) for t in dessinees[0].axes[0].get_yticklabels()]
    assert f"{autre} [plafond_par_structure = false]" in libelles
    import matplotlib.pyplot as plt  # here: not imported at collection, on every worker

    plt.close("all")


def test_question_5_a_spreadsheet_of_30_trainings(tax_benefit_system, tmp_path):
    """Thirty trainings from a French spreadsheet (semicolons, decimal commas), with a column the model does not
    know: the error lists the valid columns; without it, an Excel workbook where a structure's funding is on
    its structure's row, once, so that no sum counts it twice (the trap: repeated on every training's row)."""
    table = pandas.read_csv(DONNEES / POPULATIONS["appel_2015"]["fichier"], comment="#", dtype=str).head(30)
    table["budget_session"] = table["budget_session"].astype(float) + 0.5  # decimals, written with a comma
    table["region"] = "Bretagne"
    fichier = tmp_path / "trente.csv"
    table.to_csv(fichier, sep=";", decimal=",", index=False)
    with pytest.raises(DonneesInvalidesError) as erreur:
        lire_population(tax_benefit_system, fichier)
    assert "'region' is not an input variable" in str(erreur.value) and "budget_session" in str(erreur.value)
    table.drop(columns="region").to_csv(fichier, sep=";", decimal=",", index=False)
    variables = "eligible_labellisation,financement_amorcage,financement_amorcage_structure"
    classeur = tmp_path / "trente.xlsx"
    argv = ["calculate", "--data", str(fichier), "--variables", variables, "--out", str(classeur)]
    assert main([*argv, "--period", MOIS_2015]) == 0
    feuilles = pandas.read_excel(classeur, sheet_name=None, index_col=0)
    formations, structures = feuilles["formation"], feuilles["structure"]
    assert formations.index.name == "formation_id" and len(formations) == 30
    assert "financement_amorcage_structure" not in formations
    assert structures.index.is_unique and set(structures.index) == set(formations["structure_id"])
    total = structures["financement_amorcage_structure"].sum()
    assert total > 0 and total == pytest.approx(formations["financement_amorcage"].sum())
    assert formations["financement_amorcage"].round(2).equals(formations["financement_amorcage"])  # to the cent


def test_question_6_is_five_million_euros_consistent_with_the_rules(tax_benefit_system, appel_2015, capsys):
    """The record's 5 M€ for the first call against the model's cost on the calibrated population: under the
    default reading (a 70 000 € ceiling per structure) and the flat-grant reading (73 structures × 70 000 €)."""
    forfait = appliquer_reforme(tax_benefit_system, "dotation_forfaitaire_par_structure")
    simulation = appel_2015.simulation(forfait, MOIS_2015)
    structures = simulation.calculate("financement_amorcage_structure", MOIS_2015)
    assert (structures > 0).sum() == 73 and structures.sum() == 73 * 70_000
    assert main(["record", "--call", "1"]) == 0
    lignes = [ligne.split() for ligne in capsys.readouterr().out.splitlines()]
    montant = next(ligne for ligne in lignes if ligne and ligne[0] == "appel-1-montant-total-usine-digitale")
    loi = financements(tax_benefit_system, appel_2015, MOIS_2015).sum()
    assert montant[1:4] == ["5000000", "EUR", f"{loi:.1f}"]
    assert "dotation_forfaitaire_par_structure," in montant  # a reading that also reproduces the figure


def test_the_walkthrough_names_each_bundled_population_as_it_is(tax_benefit_system):
    """docs/analyse.md's table of the populations: each one's dossiers and month, as the package gives them."""
    page = (DONNEES.parents[1] / "docs" / "analyse.md").read_text(encoding="utf-8")
    lignes = {
        ligne.split("|")[1].strip(" `"): ligne.split("|")[3:5] for ligne in page.splitlines() if "| `appel_" in ligne
    }
    assert set(lignes) == set(POPULATIONS)
    for nom, (dossiers, mois) in lignes.items():
        assert int(dossiers) == len(lire_population(tax_benefit_system, nom).table), nom
        assert mois.strip() == POPULATIONS[nom]["periode"], nom
