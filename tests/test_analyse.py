"""The comparison report and the sweep, on the bundled population."""

import re
from pathlib import Path

import pandas
import pytest

from openfisca_gen.analyse import balayer, comparer
from openfisca_gen.cli import main
from openfisca_gen.population import POPULATION_EXEMPLE, lire_population
from openfisca_gen.reforms import ReformeInvalideError

PERIOD = "2015-10"


@pytest.fixture(scope="module")
def population(tax_benefit_system):
    return lire_population(tax_benefit_system, POPULATION_EXEMPLE)


def test_plafond_par_structure_only_lowers_funding(tax_benefit_system, population):
    comparaison = comparer(population, "plafond_par_structure", PERIOD, tax_benefit_system)
    resume, changements = comparaison.resume(), comparaison.changements()
    assert resume.loc["total cost (€)", "reform"] < resume.loc["total cost (€)", "baseline"]
    assert changements["winners (trainings)"] == 0
    assert changements["losers, total loss (€)"] == pytest.approx(-resume.loc["total cost (€)", "difference"])
    assert comparaison.par_statut()["cost_difference"].sum() == pytest.approx(
        resume.loc["total cost (€)", "difference"]
    )
    assert comparaison.par_tranche()["trainings"].sum() == 171


def test_the_women_condition_excludes_trainings_and_lifts_the_national_share(tax_benefit_system, population):
    comparaison = comparer(population, "objectif_femmes_par_formation", PERIOD, tax_benefit_system)
    changements = comparaison.changements()
    assert changements["trainings losing eligibility"] == 171 - comparaison.resume().loc["trainings labelled", "reform"]
    objectifs = comparaison.objectifs().loc["appel_2015"]
    assert objectifs.loc["part_femmes_campagne", "baseline"] == pytest.approx(0.24, abs=1e-3)
    assert objectifs.loc["part_femmes_campagne", "reform"] >= 0.3
    assert objectifs.loc["objectif_femmes_atteint", "reform"]


def test_a_table_without_structure_statuses_is_reported_under_the_default(tax_benefit_system):
    table = pandas.DataFrame({"date_depot_dossier": ["2015-10-01"] * 2, "metier_vise": "codeur",
                              "formation_gratuite": True, "pedagogie_innovante": True,
                              "duree_formation_mois": 6, "budget_session": [100_000, 160_000]})  # fmt: skip
    comparaison = comparer(lire_population(tax_benefit_system, table), "plafond_100k", PERIOD, tax_benefit_system)
    assert comparaison.par_statut().loc["autre", "cost_reform"] == 50_000 + 80_000
    assert comparaison.resume().loc["total cost (€)", "difference"] == 10_000


def test_report_files(tax_benefit_system, population, tmp_path):
    ecrits = comparer(population, "plafond_100k", PERIOD, tax_benefit_system).ecrire(tmp_path)
    noms = {chemin.name for chemin in ecrits}
    assert {"resume.csv", "par_statut.csv", "par_tranche.csv", "formations.csv"} <= noms
    assert {"distribution_financement.png", "cout_par_statut.png", "gagnants_perdants.png"} <= noms
    assert all(chemin.stat().st_size > 0 for chemin in ecrits)
    assert (tmp_path / "gagnants_perdants.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_sweep_of_the_ceiling(tax_benefit_system, population):
    table = balayer(population, "financement_amorcage.plafond", [40_000, 70_000, 100_000], PERIOD, tax_benefit_system)
    couts = table["total cost (€)"].tolist()
    assert couts[0] < couts[1] < couts[2]
    assert table["trainings at the ceiling"].is_monotonic_decreasing
    assert tax_benefit_system.parameters.financement_amorcage.plafond("2015-10-01") == 70_000


def test_a_sweep_refuses_a_bad_value_before_computing(tax_benefit_system, population):
    with pytest.raises(ReformeInvalideError, match=re.escape("financement_amorcage.taux")):
        balayer(population, "financement_amorcage.taux", [0.5, 2], PERIOD, tax_benefit_system)


def test_the_compare_command(tmp_path, capsys):
    assert main(["compare", "--reform", "plafond_par_structure", "--out", str(tmp_path)]) == 0
    sortie = capsys.readouterr().out
    assert "Reform plafond_par_structure, period 2015-10, 171 trainings" in sortie
    assert "By structure status" in sortie and (tmp_path / "cout_par_statut.png").exists()


def test_the_compare_command_with_a_reform_file_and_a_sweep(tmp_path, capsys):
    fichier = tmp_path / "reforme.yaml"
    fichier.write_text("financement_amorcage.plafond:\n  2015-09-17: 90000\n")
    assert main(["compare", "--reform", str(fichier)]) == 0
    assert (
        main(
            [
                "compare",
                "--sweep",
                "financement_amorcage.plafond",
                "--from",
                "50000",
                "--to",
                "70000",
                "--step",
                "10000",
                "--out",
                str(tmp_path),
            ]
        )
        == 0
    )
    assert (tmp_path / "balayage.png").exists()
    assert "60000" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--reform", "plafond_100k", "--period", "abc"], "'abc' is not a period"),
        (["--reform", "plafond_100k", "--period", "2015"], "variables are monthly"),
        (["--sweep", "financement_amorcage.plafond", "--from", "100", "--to", "50"], "--from <= --to"),
        (["--sweep", "financement_amorcage.plafond", "--step", "0"], "--step > 0"),
        (["--sweep", "financement_amorcage.plafon"], "Unknown parameter 'financement_amorcage.plafon'"),
        (["--reform", "absent.yaml"], "Cannot read the reform file 'absent.yaml'"),
        ([], "give --reform"),
    ],
)
def test_the_compare_command_refuses_bad_arguments(capsys, arguments, message):
    assert main(["compare", *arguments]) == 2
    assert message in capsys.readouterr().err


def test_the_documented_reform_file(capsys):
    fichier = Path(__file__).resolve().parents[1] / "docs" / "exemples" / "reforme_plafond_90000_taux_60.yaml"
    assert main(["compare", "--reform", str(fichier)]) == 0
    sortie = capsys.readouterr().out
    assert "Reform financement_amorcage.plafond, financement_amorcage.taux" in sortie
    assert "winners (trainings)" in sortie
    assert "-0\n" not in sortie  # no negative zero when nobody loses


def test_the_compare_command_names_bad_input(tmp_path, capsys):
    assert main(["compare", "--reform", "plafond_infini"]) == 2
    assert "Unknown reform 'plafond_infini'" in capsys.readouterr().err
    fichier = tmp_path / "f.csv"
    fichier.write_text("budget_session\n-3\n")
    assert main(["compare", "--reform", "plafond_100k", "--data", str(fichier)]) == 2
    assert "f.csv line 2, field 'budget_session': must be >= 0" in capsys.readouterr().err
