"""The `openfisca-gen` command: the examples, the parameter history, computing a table."""

import os
import subprocess
import sys

import pandas
import pytest

from openfisca_gen.cli import main


def test_exemples_prints_the_computed_examples(capsys):
    assert main(["exemples"]) == 0
    out = capsys.readouterr().out
    assert "=== campagne_deux_structures ===" in out
    assert "financement_amorcage_structure (2015-10)" in out
    assert "70000.0" in out  # two trainings of 50 000 € share the structure's 70 000 € (0.7)


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


def test_variables_given_twice_are_all_computed(capsys):
    """`--variables labellisee --variables financement_amorcage` computed the last only, without a word."""
    assert (
        main(["calculate", "--data", "appel_2015", "--variables", "labellisee", "--variables", "budget_session"]) == 0
    )
    assert capsys.readouterr().out.startswith("formation_id,structure_id,campagne_id,labellisee,budget_session\n")
    assert main(["calculate", "--data", "appel_2015"]) == 0  # none: the default pair
    assert capsys.readouterr().out.startswith(
        "formation_id,structure_id,campagne_id,eligible_labellisation,financement_amorcage\n"
    )


def test_calculer_writes_the_computed_variables_of_a_csv(tmp_path, capsys):
    import pandas

    from openfisca_gen.population import POPULATION_EXEMPLE

    sortie = tmp_path / "resultats.csv"
    variables = "eligible_labellisation,financement_amorcage,financement_amorcage_structure"
    assert main(["calculer", "--data", str(POPULATION_EXEMPLE), "--variables", variables, "--out", str(sortie)]) == 0
    table = pandas.read_csv(sortie, index_col="formation_id")  # computed in the population's own month, 2016-02
    assert len(table) == 360
    assert list(table.columns) == ["structure_id", "campagne_id", "eligible_labellisation", "financement_amorcage"]
    total = table["financement_amorcage"].sum()
    assert abs(total - 5_000_000) <= 500_000  # the record's « 5 millions d'euros », reproduced by the default
    structures = pandas.read_csv(tmp_path / "resultats_structure.csv", index_col="structure_id")
    assert len(structures) == table["structure_id"].nunique()  # one row per structure, its sum not repeated
    assert (structures["financement_amorcage_structure"] > 0).sum() == 73  # « 73 obtiennent … une subvention »
    assert structures["financement_amorcage_structure"].sum() == pytest.approx(total)
    assert "360 training(s), 3 variable(s) written" in capsys.readouterr().out
    # written again without a structure's variable: the earlier run's table beside it was read as this run's
    assert main(["calculer", "--data", str(POPULATION_EXEMPLE), "--out", str(sortie)]) == 0
    attendu = f"Also beside it, not written by this run (an earlier run's?): {tmp_path / 'resultats_structure.csv'}"
    assert capsys.readouterr().out.splitlines()[-1] == attendu
    assert main(["calculer", "--data", str(POPULATION_EXEMPLE), "--reform", "plafond_100k"]) == 0
    entete = "formation_id,structure_id,campagne_id,eligible_labellisation,financement_amorcage\n"
    assert capsys.readouterr().out.startswith(entete)


@pytest.mark.parametrize(
    ("donnees", "sortie"), [("a.csv", "a.csv"), ("a.csv", "./a.csv"), ("p_structure.csv", "p.csv")]
)
def test_calculate_never_writes_over_its_data(tmp_path, capsys, monkeypatch, donnees, sortie):
    """`--out` the file read (or a table written beside it: `p.csv` writes `p_structure.csv`) used to replace the
    user's data with the results, and say so as a success."""
    from openfisca_gen.population import POPULATION_EXEMPLE

    monkeypatch.chdir(tmp_path)
    texte = POPULATION_EXEMPLE.read_text(encoding="utf-8")
    (tmp_path / donnees).write_text(texte, encoding="utf-8")
    assert main(["calculate", "--data", donnees, "--out", sortie]) == 2
    assert f"would overwrite the data file '{donnees}'" in capsys.readouterr().err
    assert (tmp_path / donnees).read_text(encoding="utf-8") == texte
    assert main(["calculate", "--data", donnees, "--out", "autre.csv"]) == 0
    assert main(["calculate", "--data", donnees, "--out", donnees.replace(".csv", "_2015.csv")]) == 0  # not beside
    (tmp_path / "q_structure.csv").mkdir()  # a table beside it cannot be written: refused before any is
    assert main(["calculate", "--data", donnees, "--out", "q.csv"]) == 2 and not (tmp_path / "q.csv").exists()
    assert "--out 'q_structure.csv' is a folder" in capsys.readouterr().err
    os.mkfifo(tmp_path / "tube.csv")  # a named pipe waited for a reader without a word
    assert main(["calculate", "--data", donnees, "--out", "tube.csv"]) == 2
    assert "--out 'tube.csv' is not a file (a named pipe, a device)" in capsys.readouterr().err


def test_calculate_writes_an_excel_workbook_a_sheet_per_entity(tmp_path, capsys):
    import pandas

    from openfisca_gen.population import POPULATION_EXEMPLE

    sortie = tmp_path / "resultats.xlsx"
    variables = "financement_amorcage,financement_amorcage_structure,cout_financement_amorcage_campagne"
    assert main(["calculate", "--data", str(POPULATION_EXEMPLE), "--variables", variables, "--out", str(sortie)]) == 0
    feuilles = pandas.read_excel(sortie, sheet_name=None, index_col=0)
    assert list(feuilles) == ["formation", "structure", "campagne"]
    assert feuilles["formation"].index.name == "formation_id" and len(feuilles["formation"]) == 360
    assert feuilles["campagne"]["cout_financement_amorcage_campagne"].tolist() == [
        pytest.approx(feuilles["formation"]["financement_amorcage"].sum())
    ]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--variables", "financement"], "Unknown variable(s): financement"),
        (
            ["--variables", "financement_amorcag"],
            "Unknown variable(s): financement_amorcag; did you mean financement_amorcage?",
        ),
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
    # its warnings named by the name it was called by, as its refusals are (« calculate: Warning » under calculer)
    sans_colonne = tmp_path / "f.csv"
    sans_colonne.write_text("formation_id,budget_session\na,1\n")
    for nom in ("calculate", "calculer"):
        assert main([nom, "--data", str(sans_colonne)]) == 0
        assert capsys.readouterr().err.startswith(f"openfisca-gen {nom}: Warning: No column date_depot_dossier")


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


# A command a newcomer can discover


def test_version_help_and_one_line_refusals(capsys):
    with pytest.raises(SystemExit) as sortie:
        main(["--version"])
    assert sortie.value.code == 0 and capsys.readouterr().out.startswith("openfisca-gen ")
    with pytest.raises(SystemExit):
        main(["compare", "--help"])
    aide = capsys.readouterr().out
    assert "(default: a bundled population's own month, 2015-10 for a CSV)" in " ".join(aide.split())
    assert "(default: None)" not in aide  # every option's default, when it has one
    for argv, option in [(["serve", "--port", "70000"], "--port"), (["serve", "--workers", "0"], "--workers"),
                         (["serve", "--port", "\u0661\u0662\u0663"], "--port"), (["serve", "--port", " 80"], "--port"),
                         (["serve", "--max-trainings", "-1"], "--max-trainings"),
                         (["serve", "--max-request-bytes", "-1"], "--max-request-bytes"),
                         (["serve", "--bind", ""], "--bind"),
                         (["serve", "--bind", "999.1.1.1"], "--bind")]:  # fmt: skip
        with pytest.raises(SystemExit) as sortie:
            main(argv)
        erreur = capsys.readouterr().err
        assert sortie.value.code == 2 and erreur.count("\n") == 1 and "Traceback" not in erreur
        attendu = "an IP address such as 127.0.0.1" if option == "--bind" else "a whole number"
        assert erreur.startswith(f"openfisca-gen serve: Argument {option}: expects {attendu}")


@pytest.mark.parametrize(
    ("argv", "attendu"),
    [
        ([], "openfisca-gen: The following arguments are required: COMMAND\n"),  # « commande » before
        (["nonexist"], "openfisca-gen: Argument COMMAND: invalid choice: 'nonexist'"),
        (["record", "--lang", "fr"], "openfisca-gen record: Unrecognized arguments: --lang fr\n"),  # no command
        (["bilan", "--x"], "openfisca-gen record: Unrecognized arguments: --x\n"),  # an alias: its English name
        (["--top=3", "compare"], "openfisca-gen: Unrecognized arguments: --top=3\n"),  # before the command: by none
    ],
)
def test_a_malformed_command_line_is_named_in_english_by_its_command(capsys, argv, attendu):
    with pytest.raises(SystemExit) as sortie:
        main(argv)
    assert sortie.value.code == 2 and capsys.readouterr().err.startswith(attendu)


def test_reforms_lists_every_registered_reform_name_first(capsys):
    from openfisca_gen.reforms import REFORMES

    assert main(["reforms"]) == 0
    lignes = capsys.readouterr().out.splitlines()
    assert [ligne.split()[0] for ligne in lignes] == sorted(REFORMES)
    assert all(len(ligne.split(maxsplit=1)) == 2 for ligne in lignes)  # a one-line description each
    assert any(ligne.startswith("duree_maximale_selon_le_ministre ") for ligne in lignes)  # readings too


def test_variables_lists_inputs_then_computed_variables(capsys):
    assert main(["variables"]) == 0
    lignes = capsys.readouterr().out.splitlines()
    assert lignes[0].split()[:4] == ["variable", "kind", "entity", "type"]
    genres = [ligne.split()[1] for ligne in lignes[1:]]
    assert genres == sorted(genres, key=lambda genre: genre != "input") and {"input", "computed"} == set(genres)
    assert any(ligne.split()[0] == "budget_session" for ligne in lignes)


def test_examples_json_is_one_json_document(capsys):
    import json

    assert main(["examples", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert set(document) == {"formation_eligible", "campagne_deux_structures"}
    assert document["formation_eligible"]["formations"]["formation_web"]["financement_amorcage"] == {"2015-10": 45000}


def test_a_reading_is_a_reform_by_name_and_reforms_combine(capsys):
    assert main(["compare", "--reform", "duree_maximale_selon_le_ministre"]) == 0
    assert "Reform duree_maximale_selon_le_ministre, period 2016-02" in capsys.readouterr().out
    assert main(["compare", "--reform", "plafond_100k", "--reform", "taux_2018_premier_appel"]) == 0
    assert "Reform plafond_100k + taux_2018_premier_appel" in capsys.readouterr().out


def test_the_columns_reference_says_which_call_reads_each_column(capsys):
    assert main(["variables", "--columns"]) == 0
    lignes = {ligne.split("|")[1].strip(" `"): ligne.split("|") for ligne in capsys.readouterr().out.splitlines()[2:]}
    assert lignes["nombre_demandeurs_emploi_peu_qualifies"][6].strip() == "3"  # a condition of the 2018 call only
    assert lignes["pedagogie_innovante"][6].strip() == "1, 2"  # not restated in 2018
    assert lignes["budget_session"][6].strip() == "1, 2, 3"
    assert "formation_id" in lignes and "`codeur`" in lignes["metier_vise"][5]


def test_calculate_writes_a_duration_as_given_and_amounts_to_the_cent(tmp_path, capsys):
    """2.99999999 months was printed 3.0 beside « not eligible » (every float of 1 or more rounded to the cent)."""
    fichier = tmp_path / "f.csv"
    entete = "formation_id,statut_structure,date_depot_dossier,metier_vise,formation_gratuite,pedagogie_innovante"
    ligne = "a,association,2015-10-05,codeur,true,true,2.99999999,30000.333333"
    fichier.write_text(f"{entete},duree_formation_mois,budget_session\n{ligne}\n", encoding="utf-8")
    variables = "duree_formation_mois,eligible_labellisation,budget_session"
    assert main(["calculate", "--data", str(fichier), "--variables", variables, "--period", "2016-02"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "a,a,appel_1,2.99999999,False,30000.33"
    fichier.write_text(fichier.read_text(encoding="utf-8").replace("2.99999999", "5.99999999999999"), encoding="utf-8")
    variables = "duree_formation_mois,nombre_sessions_financees"  # 6.0 was printed beside two sessions
    assert main(["calculate", "--data", str(fichier), "--variables", variables, "--period", "2016-02"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "a,a,appel_1,5.99999999999999,2"


def test_a_csvs_unknown_columns_are_named_with_the_file_the_valid_ones_listed_once(tmp_path, capsys, monkeypatch):
    """Each unknown column repeated the 26 input columns, naming no file; a file of '#' lines only was « empty »."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "u.csv").write_text("formation_id,region,ville,budget_sesion\na,x,y,1000\n", encoding="utf-8")
    assert main(["calculate", "--data", "u.csv"]) == 2
    erreurs = capsys.readouterr().err.splitlines()
    assert erreurs[0].startswith("openfisca-gen calculate: u.csv, column 'region' is not an input variable (input")
    assert erreurs[1:] == [
        "openfisca-gen calculate: u.csv, column 'ville' is not an input variable either",
        "openfisca-gen calculate: u.csv, column 'budget_sesion' is not an input variable either; did you mean "
        "budget_session?",
    ]
    (tmp_path / "c.csv").write_text("# une description\n# et une autre\n", encoding="utf-8")
    assert main(["calculate", "--data", "c.csv"]) == 2
    assert "its 2 line(s) begin with '#', a description above the header, and no header" in capsys.readouterr().err


def test_calculate_leaves_a_share_it_cannot_measure_empty(tmp_path, capsys):
    """Without a count of women, `calculate --variables part_femmes_campagne,objectif_part_femmes` wrote
    `0.0,non_atteint`, where `compare` says « not measured »."""
    fichier = tmp_path / "f.csv"
    entete = "formation_id,statut_structure,date_depot_dossier,metier_vise,formation_gratuite,pedagogie_innovante"
    ligne = "a,association,2015-10-05,codeur,true,true,4,30000,12"
    fichier.write_text(f"{entete},duree_formation_mois,budget_session,nombre_apprenants\n{ligne}\n", encoding="utf-8")
    variables = "part_femmes_campagne,objectif_part_femmes"
    assert main(["calculate", "--data", str(fichier), "--period", "2016-02", "--variables", variables]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "appel_1,,"


def test_calculate_to_the_screen_says_when_it_prints_several_tables(capsys):
    """`calculate … > out.csv` with a structure's variable wrote three headers in one file, read by a spreadsheet
    as rows of trainings: the command says so on standard error, where a redirected output does not go."""
    donnees = ["calculate", "--data", "docs/exemples/trainings.csv", "--variables"]
    assert main([*donnees, "financement_amorcage,financement_amorcage_structure"]) == 0
    sortie = capsys.readouterr()
    assert sortie.out.count("\n\n") == 1 and "--out FILE.csv writes each in its own file" in sortie.err
    assert main([*donnees, "financement_amorcage"]) == 0
    assert capsys.readouterr().err == ""


def test_serve_on_a_port_in_use_says_so_and_which_option_to_change(capsys):
    """gunicorn retried for five seconds, logged « Can't connect to ('127.0.0.1', 5931) » and exited 1."""
    import socket

    with socket.socket() as occupe:
        occupe.bind(("127.0.0.1", 0))
        occupe.listen()
        port = occupe.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 2
    assert capsys.readouterr().err == (
        f"openfisca-gen serve: --port: cannot listen on 127.0.0.1:{port} (in use by another server); choose another "
        "--port\n"
    )
    assert main(["serve", "--bind", "192.0.2.1", "--port", str(port)]) == 2  # a documentation address: not here
    assert "choose another --bind" in capsys.readouterr().err


def test_calculate_leaves_a_value_of_none_empty(tmp_path, capsys):
    """A training not labelled has no label's end, a dossier of no call no cut-off: the model's 1970-01-01 (a
    date's default) was written as a day, in a CSV and in a workbook."""
    fichier = tmp_path / "f.csv"
    entete = "formation_id,statut_structure,date_depot_dossier,metier_vise,formation_gratuite,pedagogie_innovante"
    lignes = ["a,association,2015-10-05,codeur,true,true,4,30000", "b,association,2016-01-10,codeur,true,true,4,30000"]
    fichier.write_text(f"{entete},duree_formation_mois,budget_session\n" + "\n".join(lignes) + "\n", encoding="utf-8")
    commande = ["calculate", "--data", str(fichier), "--period", "2016-02"]
    variables = ["--variables", "appel_du_dossier,date_releve_candidatures,date_fin_validite_label"]
    assert main([*commande, *variables]) == 0
    assert capsys.readouterr().out.splitlines()[1:3] == ["a,a,appel_1,1,2015-10-19,2019-02-28", "b,b,hors_appel,0,,"]
    assert main([*commande, *variables, "--out", str(tmp_path / "r.xlsx")]) == 0
    feuille = pandas.read_excel(tmp_path / "r.xlsx", sheet_name="formation")
    assert feuille["date_releve_candidatures"].isna().tolist() == [False, True]
    assert feuille["date_fin_validite_label"].isna().tolist() == [False, True]
    plafond = ["calculate", "--data", "appel_2018", "--variables", "plafond_financement_amorcage"]
    assert main([*plafond, "--out", str(tmp_path / "p.csv")]) == 0  # the third call's ceiling: none (inf)
    assert pandas.read_csv(tmp_path / "p.csv")["plafond_financement_amorcage"].isna().all()
    assert main([*plafond, "--out", str(tmp_path / "p.xlsx")]) == 0  # was the text « inf »
    assert pandas.read_excel(tmp_path / "p.xlsx")["plafond_financement_amorcage"].isna().all()


def test_each_reform_file_and_a_tables_group_problem_name_their_file(tmp_path, capsys, monkeypatch):
    """`--reform a.yaml --reform b.yaml`, both wrong on one parameter, printed two lines that named neither file; a
    structure's status differing between its rows, or a campaign mixing calls, named no file either."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.yaml").write_text("financement_amorcage.taux:\n  2015-09-17: 1.5\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("financement_amorcage.taux:\n  2015-09-17: beaucoup\n", encoding="utf-8")
    reformes = ["--reform", "a.yaml", "--reform", "plafond_100k", "--reform", "b.yaml"]
    assert main(["compare", *reformes, "--out", "r"]) == 2
    erreurs = capsys.readouterr().err.splitlines()
    assert erreurs[0].startswith("openfisca-gen compare: a.yaml, 'financement_amorcage.taux' (2015-09-17): is a rate")
    assert erreurs[1].startswith("openfisca-gen compare: b.yaml, 'financement_amorcage.taux' (2015-09-17): expects")
    assert len(erreurs) == 2
    assert main(["compare", "--reform", "a.yaml", "--out", "r", "--lang", "fr"]) == 2
    assert capsys.readouterr().err.startswith(
        "openfisca-gen compare: a.yaml, 'financement_amorcage.taux' (2015-09-17) :"
    )
    entete = "campagne_id,formation_id,structure_id,statut_structure,date_depot_dossier,metier_vise"
    lignes = ["c,a,s,association,2015-10-05,codeur", "c,b,s,entreprise_privee,2016-10-05,codeur"]
    (tmp_path / "g.csv").write_text("\n".join([entete, *lignes, ""]), encoding="utf-8")
    assert main(["calculate", "--data", "g.csv", "--period", "2017-02"]) == 2
    assert "g.csv, structure 's', field 'statut_structure': differs" in capsys.readouterr().err
    (tmp_path / "g.csv").write_text("\n".join([entete, *lignes, ""]).replace("entreprise_privee", "association"))
    assert main(["calculate", "--data", "g.csv", "--period", "2017-02"]) == 2
    assert "g.csv, campagne 'c', field 'campagne_id': mixes dossiers of calls 1, 2" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("commande", "fichier"),
    [
        (["record"], "record.csv"),
        (["compare", "--reform", "plafond_100k", "--by", "metier_vise", "--top", "100"], "resume.csv"),
        (["interpretations"], "effets.csv"),
        (["reforms"], None),  # less than a buffer: left to Python's exit, it said « Exception ignored », exit 120
    ],
)
def test_a_report_is_written_when_the_command_reading_its_output_stops(tmp_path, commande, fichier):
    """`openfisca-gen record --out rr | head -1` wrote nothing and exited 0: the broken pipe was taken for the end of
    the command, and an older report in the folder looked like the new one. The output reads as a closed pipe from
    the start here (as `head` leaves it once it has its line)."""
    sortie_ = ["--out", str(tmp_path / "r")] if fichier else []
    lecture, ecriture = os.pipe()
    os.close(lecture)
    with open(ecriture, "wb") as sortie:
        fait = subprocess.run(
            [sys.executable, "-m", "openfisca_gen.cli", *commande, *sortie_],
            stdout=sortie, stderr=subprocess.PIPE, text=True, timeout=120, check=False,
            env={k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"},  # buffered, as a shell runs it
        )  # fmt: skip
    assert fait.returncode == 0 and fait.stderr == "", fait.stderr
    assert fichier is None or (tmp_path / "r" / fichier).stat().st_size > 0


@pytest.mark.parametrize(
    ("commande", "code", "fichier"),
    [(["calculate", "--data", "appel_2015", "--reform", "REFORME", "--out", "SORTIE/cw.csv"], 0, "cw.csv"),
     (["compare", "--reform", "nope"], 2, None)],
)  # fmt: skip
def test_a_command_whose_errors_go_to_a_closed_pipe_writes_its_file_and_exits_as_it_should(
    tmp_path, commande, code, fichier
):
    """`… 2>&1 | true`: a reform's warnings, or a refusal, written to a pipe that had closed, ended the command with
    exit 120, before its `--out` file was written."""
    (tmp_path / "w.yaml").write_text("financement_amorcage.plafond: {2015-09-17: 100000}\n", encoding="utf-8")
    (tmp_path / "r").mkdir()
    commande = [
        str(tmp_path / "w.yaml") if a == "REFORME" else a.replace("SORTIE", str(tmp_path / "r")) for a in commande
    ]
    lecture, ecriture = os.pipe()
    os.close(lecture)
    with open(ecriture, "wb") as sortie:
        fait = subprocess.run(
            [sys.executable, "-m", "openfisca_gen.cli", *commande], stdout=sortie, stderr=sortie, timeout=120,
            check=False, env={k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"},
        )  # fmt: skip
    assert fait.returncode == code
    assert fichier is None or (tmp_path / "r" / fichier).stat().st_size > 0


def test_calculate_writes_a_share_cut_never_rounded_onto_its_objective(tmp_path, capsys):
    """A NEET share of 0.4999996 was written 0.5 beside objectif_jeunes_neet_peu_qualifies_atteint=False."""
    fichier = tmp_path / "f.csv"
    entete = "formation_id,date_depot_dossier,metier_vise,formation_gratuite,pedagogie_innovante,duree_formation_mois"
    ligne = "a,2015-10-05,codeur,true,true,6,30000,2500000,1249999"
    fichier.write_text(
        f"{entete},budget_session,nombre_apprenants,nombre_jeunes_neet_peu_qualifies\n{ligne}\n", encoding="utf-8"
    )
    variables = "part_jeunes_neet_peu_qualifies_campagne,objectif_jeunes_neet_peu_qualifies_atteint"
    assert main(["calculate", "--data", str(fichier), "--variables", variables, "--period", "2016-02"]) == 0
    assert "appel_1,0.499999,False" in capsys.readouterr().out.splitlines()
