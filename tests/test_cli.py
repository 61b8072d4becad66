"""The `openfisca-gen` command: the examples, the parameter history, computing a table."""

import pytest

from openfisca_gen.cli import main


def test_exemples_prints_the_computed_examples(capsys):
    assert main(["exemples"]) == 0
    out = capsys.readouterr().out
    assert "=== campagne_deux_structures ===" in out
    assert "financement_amorcage_structure (2015-10)" in out
    assert "100000.0" in out


def test_parametres_prints_every_value_with_its_reference(capsys):
    assert main(["parametres", "financement_amorcage.taux"]) == 0
    out = capsys.readouterr().out
    lines = [line.split() for line in out.splitlines()]
    values = {line[0]: line[1] for line in lines if line and line[0][:2] == "20"}
    assert values == {"2015-09-17": "0.5", "2016-08-23": "0.5", "2018-04-05": "0.8"}
    assert "grandeecolenumerique.fr/appel-a-labellisation" in out


def test_parametres_shows_an_unknown_value_as_unknown(capsys):
    assert main(["parametres", "financement_amorcage.plafond"]) == 0
    assert "unknown (null: no source gives it)" in capsys.readouterr().out


def test_parametres_of_a_node_lists_its_parameters(capsys):
    assert main(["parametres", "calendrier"]) == 0
    out = capsys.readouterr().out
    assert "calendrier.date_ouverture" in out and "2016-09-23, 2016-11-25, 2017-02-24" in out


def test_parametres_names_an_unknown_path_and_suggests(capsys):
    assert main(["parametres", "financement_amorcage.tau"]) == 2
    err = capsys.readouterr().err
    assert "Unknown parameter 'financement_amorcage.tau'" in err and "financement_amorcage.taux" in err


def test_calculer_writes_the_computed_variables_of_a_csv(tmp_path, capsys):
    import pandas

    from openfisca_gen.population import POPULATION_EXEMPLE

    sortie = tmp_path / "resultats.csv"
    variables = "eligible_labellisation,financement_amorcage,financement_amorcage_structure"
    assert main(["calculer", "--data", str(POPULATION_EXEMPLE), "--variables", variables, "--out", str(sortie)]) == 0
    table = pandas.read_csv(sortie, index_col="formation_id")
    assert len(table) == 171 and list(table.columns) == variables.split(",")
    assert table["financement_amorcage"].sum() == pytest.approx(4_994_850)
    assert "171 trainings, 3 variable(s) written" in capsys.readouterr().out
    assert main(["calculer", "--data", str(POPULATION_EXEMPLE), "--reform", "plafond_100k"]) == 0
    assert capsys.readouterr().out.startswith("formation_id,eligible_labellisation,financement_amorcage\n")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--variables", "financement"], "Unknown variable(s): financement"),
        (["--period", "2015"], "Variables are monthly"),
        (["--reform", "plafond_infini"], "Unknown reform 'plafond_infini'"),
    ],
)
def test_calculer_refuses_bad_arguments(capsys, arguments, message):
    from openfisca_gen.population import POPULATION_EXEMPLE

    assert main(["calculer", "--data", str(POPULATION_EXEMPLE), *arguments]) == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(("anglais", "francais"), [("examples", "exemples"), ("parameters", "parametres")])
def test_english_subcommands_keep_their_french_aliases(capsys, anglais, francais):
    arguments = [] if anglais == "examples" else ["financement_amorcage.taux"]
    assert main([anglais, *arguments]) == 0
    en_anglais = capsys.readouterr().out
    assert main([francais, *arguments]) == 0
    assert capsys.readouterr().out == en_anglais


def test_calculate_and_its_alias_calculer(tmp_path, capsys):
    from openfisca_gen.population import POPULATION_EXEMPLE

    assert main(["calculate", "--data", str(POPULATION_EXEMPLE), "--variables", "financement_amorcage"]) == 0
    en_anglais = capsys.readouterr().out
    assert main(["calculer", "--data", str(POPULATION_EXEMPLE), "--variables", "financement_amorcage"]) == 0
    assert capsys.readouterr().out == en_anglais


def test_every_problem_is_one_line_on_stderr(tmp_path, capsys):
    donnees = tmp_path / "f.csv"
    donnees.write_text("formation_id,budget_session,nombre_apprenants\na,-1,2.5\nb,x,3\n")
    assert main(["calculate", "--data", str(donnees)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "openfisca-gen calculate: f.csv line 3 (formation 'b'), field 'budget_session': expects a number, got 'x'",
        "openfisca-gen calculate: f.csv line 2 (formation 'a'), field 'nombre_apprenants': "
        "expects a whole number within ±2147483647, got '2.5'",
        "openfisca-gen calculate: f.csv line 2 (formation 'a'), field 'budget_session': must be >= 0, got -1",
    ]
