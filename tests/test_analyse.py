"""The comparison report and the sweep, on the bundled population: tables, clean CSV, readable charts."""

import contextlib
import io
import re
import warnings
from pathlib import Path

import numpy
import pandas
import pytest
from hypothesis import given
from hypothesis import strategies as st

from openfisca_gen import analyse
from openfisca_gen import population as population_module
from openfisca_gen.analyse import balayer, comparer, decrire_population, graphique_balayage, graphiques_comparaison
from openfisca_gen.cli import main
from openfisca_gen.interpretations import analyser_interpretations, graphique_tornade
from openfisca_gen.population import POPULATION_EXEMPLE, POPULATIONS, lire_population
from openfisca_gen.rapports import graphiques
from openfisca_gen.reforms import ReformeDebordeWarning, ReformeInvalideError, appliquer_reforme
from openfisca_gen.validation import EntreeInvalideError, valeurs_du_balayage

PERIOD = POPULATIONS["appel_2015"]["periode"]  # when the first call's labels were announced


@pytest.fixture(scope="module")
def population(tax_benefit_system):
    return lire_population(tax_benefit_system, POPULATION_EXEMPLE)


def test_plafond_par_formation_only_raises_funding(tax_benefit_system, population):
    # 0.7: the first call's ceiling caps a structure's total by default; per training is the scenario's reading.
    comparaison = comparer(population, "plafond_par_formation", PERIOD, tax_benefit_system)
    resume, changements = comparaison.resume(), comparaison.changements()
    assert resume.loc["financement_amorcage", "reform"] > resume.loc["financement_amorcage", "baseline"]
    assert changements["losers"] == 0
    assert changements["winners_total_gain"] == pytest.approx(resume.loc["financement_amorcage", "difference"])
    assert comparaison.par_statut()["difference"].sum() == pytest.approx(
        resume.loc["financement_amorcage", "difference"]
    )
    assert comparaison.par_tranche()["trainings"].sum() == len(population.table)  # every dossier, labelled or not


def test_groups_indexed_otherwise_than_the_trainings_are_refused(tax_benefit_system, population):
    """`comparaison.par(population.table["metier_vise"])` (indexed by row) matched no training: an empty table."""
    comparaison = comparer(population, "plafond_par_formation", PERIOD, tax_benefit_system)
    with pytest.raises(EntreeInvalideError, match="The groups leave out 360 of the 360 trainings: index them by"):
        comparaison.par(population.table["metier_vise"])
    par_metier = comparaison.par(population.table.set_index("formation_id")["metier_vise"])
    assert par_metier["trainings"].sum() == 360


def test_a_funding_band_holds_its_upper_bound(tax_benefit_system):
    """As docs/rapports.md says: 0 € alone, then 20 000 € in « ≤ 20 k€ », 40 000 € in « 20–40 k€ »."""
    budgets = [0, 40_000, 40_002, 80_000]  # one session of six months at 50 %: 0, 20 000, 20 001, 40 000 €
    table = pandas.DataFrame({"date_depot_dossier": "2015-10-01", "metier_vise": "codeur", "formation_gratuite": True,
                              "pedagogie_innovante": True, "duree_formation_mois": 6, "nombre_apprenants": 10,
                              "budget_session": budgets, "structure_id": ["a", "b", "c", "d"]})  # fmt: skip
    comparaison = comparer(lire_population(tax_benefit_system, table), "plafond_100k", PERIOD, tax_benefit_system)
    assert comparaison.formations["financement_amorcage_baseline"].tolist() == [0, 20_000, 20_001, 40_000]
    tranches = comparaison.par_tranche()["trainings"]
    assert tranches[["0 €", "≤ 20 k€", "20–40 k€"]].tolist() == [1, 1, 2]


def test_the_women_condition_excludes_trainings_and_lifts_the_national_share(tax_benefit_system, population):
    comparaison = comparer(population, "objectif_femmes_par_formation", PERIOD, tax_benefit_system)
    changements = comparaison.changements()
    table = population.table  # every dossier met the other conditions: those under 30 % women lose eligibility
    assert (
        changements["trainings_losing_eligibility"] == (table["nombre_femmes"] < 0.3 * table["nombre_apprenants"]).sum()
    )
    objectifs = comparaison.objectifs().loc["appel_2015"]
    assert objectifs.loc["part_femmes_campagne", "baseline"] == pytest.approx(0.24, abs=1e-3)
    assert objectifs.loc["part_femmes_campagne", "reform"] >= 0.3
    assert objectifs.loc["objectif_part_femmes", "reform"] == "atteint"
    assert objectifs.loc["objectif_fabriques_premiere_vague", "baseline"] == "atteint"  # an Enum by name, not code
    assert objectifs.loc["objectif_demandeurs_emploi_peu_qualifies", "baseline"] == "non_applicable"


def test_a_table_without_structure_statuses_is_reported_under_the_default(tax_benefit_system):
    table = pandas.DataFrame({"date_depot_dossier": ["2015-10-01"] * 2, "metier_vise": "codeur",
                              "formation_gratuite": True, "pedagogie_innovante": True,
                              "duree_formation_mois": 6, "budget_session": [100_000, 160_000]})  # fmt: skip
    comparaison = comparer(lire_population(tax_benefit_system, table), "plafond_100k", PERIOD, tax_benefit_system)
    assert comparaison.par_statut().loc["autre", "financement_amorcage_reform"] == 50_000 + 80_000
    assert comparaison.resume().loc["financement_amorcage", "difference"] == 10_000


@pytest.fixture(scope="module")
def rapport(tmp_path_factory):
    """The report `make run` writes (`compare --reform plafond_par_formation --out`), written once for the tests
    that read it: (what the command printed, the folder)."""
    dossier = tmp_path_factory.mktemp("rapport")
    with contextlib.redirect_stdout(io.StringIO()) as sortie:
        assert main(["compare", "--reform", "plafond_par_formation", "--out", str(dossier)]) == 0
    return sortie.getvalue(), dossier


def test_report_files(rapport):
    sortie, dossier = rapport
    noms = {chemin.name for chemin in dossier.iterdir()}
    assert {"resume.csv", "par_statut.csv", "par_tranche.csv", "formations.csv", "rapport.xlsx"} <= noms
    assert {"distribution_financement.png", "cout_par_statut.png", "gagnants_perdants.png"} <= noms
    assert all(chemin.stat().st_size > 0 for chemin in dossier.iterdir())
    assert (dossier / "gagnants_perdants.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert f"Written to {dossier}/: resume.csv" in sortie


def test_a_sweep_of_the_ceiling(tax_benefit_system, population):
    table = balayer(population, "financement_amorcage.plafond", [40_000, 70_000, 100_000], PERIOD, tax_benefit_system)
    assert list(table.columns) == ["financement_amorcage.plafond", *analyse.VARIABLES_BALAYAGE]  # variable names
    couts = table["financement_amorcage"].tolist()
    assert couts[0] < couts[1] < couts[2]
    assert table["financement_amorcage_plafonne"].is_monotonic_decreasing
    assert tax_benefit_system.parameters.financement_amorcage.plafond("2015-10-01") == 70_000


def test_a_sweep_changes_the_value_in_force_up_to_the_next_one(tax_benefit_system, population):
    """Each value ran to the end of time: in Python, a sweep of two values warned four times that they leaked
    into the later calls, which no dossier of the period reads (the CLI hid the warnings)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        table = balayer(population, "financement_amorcage.plafond", [60_000, 80_000], PERIOD, tax_benefit_system)
        # a parameter the law dates once (its later calls restate nothing): each later call given back its own
        balayer(population, "financement_amorcage.seuil_duree_mois", [3, 12], PERIOD, tax_benefit_system)
    assert analyse.valeur_en_vigueur(tax_benefit_system, "financement_amorcage.seuil_duree_mois", PERIOD)[1] == {
        "2016-08-23": 6, "2018-04-05": 6
    }  # fmt: skip
    fuite = {"financement_amorcage.plafond": {"2015-09-17": 80_000}}
    with pytest.warns(ReformeDebordeWarning):
        attendu = comparer(population, fuite, PERIOD, tax_benefit_system).formations
    assert table["financement_amorcage"].iloc[-1] == attendu["financement_amorcage_reform"].sum()


def test_a_sweep_in_a_later_calls_month_leaves_the_earlier_calls_their_value(tax_benefit_system, population):
    """A parameter no later call gives again (two sessions funded below six months, from 2015-09-17): swept in
    2017-03, it changed the first call's rules too, and the first call's cost with it."""
    chemin = "financement_amorcage.sessions_financees.duree_inferieure_au_seuil"
    with pytest.warns(analyse.BalayageSansEffetWarning):  # the first call's dossiers keep their own rules
        table = balayer(population, chemin, [1, 2, 3], "2017-03", tax_benefit_system)
    assert table["financement_amorcage"].nunique() == 1
    assert analyse.valeur_en_vigueur(tax_benefit_system, chemin, "2017-03")[0] == "2016-08-23"  # the call's opening


def test_a_sweep_that_changes_nothing_says_why(tax_benefit_system, population, capsys):
    """The second call's ceiling per structure swept on the first call's dossiers printed a flat table without a
    word; a sweep that moves the totals says nothing more."""
    valeurs = [100_000, 150_000, 200_000]
    with pytest.warns(analyse.BalayageSansEffetWarning, match="gives the same totals") as notes:
        table = balayer(population, "financement_amorcage.plafond_structure", valeurs, PERIOD, tax_benefit_system)
    assert sum(note.category is analyse.BalayageSansEffetWarning for note in notes) == 1
    assert table.drop(columns="financement_amorcage.plafond_structure").nunique().eq(1).all()
    with warnings.catch_warnings():
        warnings.simplefilter("error", analyse.BalayageSansEffetWarning)
        balayer(population, "financement_amorcage.plafond", [40_000, 70_000], PERIOD, tax_benefit_system)
    options = ["compare", "--sweep", "financement_amorcage.plafond_structure", "--from", "100000", "--to", "200000"]
    assert main([*options, "--step", "50000"]) == 0
    sortie = capsys.readouterr()
    assert sortie.out.startswith(
        "Warning: Every value of financement_amorcage.plafond_structure from 100000 to 200000 gives the same totals"
    )
    assert "gives the same totals" not in sortie.err  # said once, by the command, not also by Python's warnings
    assert main([*options, "--step", "50000", "--lang", "fr"]) == 0
    assert capsys.readouterr().out.startswith(
        "Attention : Chaque valeur de financement_amorcage.plafond_structure de 100\u202f000 à 200\u202f000 donne "
        "les mêmes totaux : aucun dossier de cette population n'est jugé en février 2016"
    )


def test_a_reform_that_changes_nothing_says_why(tax_benefit_system, population, capsys):
    """`compare --reform plafond_par_structure`, the reading the law takes since 0.7, printed a report of zeros
    without a word; a reform that changes the results says nothing more."""
    [note] = comparer(population, "plafond_par_structure", PERIOD, tax_benefit_system).avertissements
    assert note.cle == "reforme_sans_effet" and note.en().startswith(
        f"The reform gives every training and campaign the law's results in {PERIOD}: what it changes judges none"
    )
    assert comparer(population, "plafond_par_formation", PERIOD, tax_benefit_system).avertissements == []
    # the 2015 conditions kept in 2018 change a rule, which every bundled 2018 dossier meets: said so, not « no rule »
    [note] = comparer("appel_2018", "conditions_2015_maintenues_en_2018", "2018-12", tax_benefit_system).avertissements
    assert "or a condition they all meet" in note.en()
    assert main(["compare", "--reform", "plafond_par_structure", "--lang", "fr"]) == 0
    assert "Attention : La réforme donne à chaque formation et à chaque campagne les résultats de la loi en " in (
        capsys.readouterr().out
    )
    # A value dated after the first call's opening reaches calls 2 and 3 only: it misses the population's call (it
    # said it « also » applied to call 2), and the note was left out where any other warning was given.
    tard = comparer(population, {"financement_amorcage.plafond": {"2015-10-01": 100_000}}, PERIOD, tax_benefit_system)
    assert [a.cle for a in tard.avertissements] == [
        "valeur_apres_l_ouverture",
        "valeur_debordante_inconnue",
        "reforme_sans_effet",
    ]


def test_a_sweep_refuses_a_bad_value_before_computing(tax_benefit_system, population):
    with pytest.raises(ReformeInvalideError, match=re.escape("financement_amorcage.taux")):
        balayer(population, "financement_amorcage.taux", [0.5, 2], PERIOD, tax_benefit_system)


def test_a_sweep_over_a_parameters_bounds_says_it_once_and_writes_its_values_without_noise(capsys):
    """--from 0.5 --to 1.5 printed five lines, one per rate over 100 %, one of them « got 1.2000000000000002 »."""
    assert main(["compare", "--sweep", "financement_amorcage.taux", "--from", "0.5", "--to", "1.5"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "openfisca-gen compare: 'financement_amorcage.taux' (2015-09-17): is a rate: expects a number between 0 and 1, "
        "got 1.1",
        "openfisca-gen compare: 5 values of the sweep are refused, the first (1.1) for the reason above, the last 1.5",
    ]
    for valeurs, derniere in (([[1], 2], "2"), ([2, "beaucoup"], "'beaucoup'"), ([None, 2], "2")):  # were TypeErrors
        with pytest.raises(ReformeInvalideError) as refus:
            balayer("appel_2015", "financement_amorcage.taux", valeurs, PERIOD)
        assert refus.value.erreurs[1].endswith(f"the last {derniere}")
    assert valeurs_du_balayage(0.5, 1.5) == [0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5]
    assert valeurs_du_balayage(-0.3, 0.3, 0.1)[3] == 0  # 5.551115123125783e-17, relative rounding's
    assert valeurs_du_balayage(0.1, 0.12345678901234567)[-1] == 0.12345678901234567  # a bound as given
    fines = valeurs_du_balayage(1.0, 1.0 + 2e-14, 2e-15)  # steps below 15 digits: kept as computed, distinct
    assert len(set(fines)) == len(fines) == 10


def test_a_sweep_in_a_month_before_its_parameter_names_a_month_to_sweep_in(capsys):
    """Refused in English under --lang fr, with no month to try."""
    commande = [
        "compare",
        "--sweep",
        "financement_amorcage.taux",
        "--from",
        "0.5",
        "--to",
        "0.9",
        "--period",
        "2015-08",
    ]
    assert main([*commande, "--lang", "fr"]) == 2
    assert (
        capsys.readouterr()
        .err.strip()
        .endswith("rien à balayer ; sa première vaut à partir de septembre 2015 (--period 2015-09)")
    )


def test_the_compare_command(rapport):
    sortie, dossier = rapport
    assert (
        "Reform plafond_par_formation, period 2016-02, 360 trainings (synthetic population of the first call" in sortie
    )
    assert "By structure status" in sortie and (dossier / "cout_par_statut.png").exists()
    assert re.search(r"baseline +reform +difference\n", sortie)  # the summary's counts are not in euros


def test_a_sweeps_counts_are_printed_with_their_thousands_separated(tmp_path, capsys):
    """« 13872 » trainings labelled beside a cost of « 4,846,500 »: the counts, integers, missed the format."""
    table = pandas.read_csv(POPULATION_EXEMPLE, dtype=str, keep_default_na=False, comment="#")
    copies = [table.assign(formation_id=table.formation_id + f"_{i}", structure_id=table.structure_id + f"_{i}")
              for i in range(6)]  # fmt: skip
    grande = tmp_path / "grande.csv"
    pandas.concat(copies).to_csv(grande, index=False)
    commande = ["compare", "--data", str(grande), "--sweep", "financement_amorcage.plafond", "--from", "50000"]
    assert main([*commande, "--to", "60000", "--step", "10000"]) == 0
    lignes = capsys.readouterr().out.splitlines()
    [ligne] = [ligne for ligne in lignes if ligne.split()[:1] == ["50,000"]]
    assert re.fullmatch(r"\s*50,000\s+[\d,]+\s+1,026\s+[\d,]+", ligne), ligne


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
    assert "60,000" in capsys.readouterr().out  # numbers printed as compare prints them
    assert (tmp_path / "balayage.csv").read_text().splitlines()[0] == (
        "financement_amorcage.plafond,financement_amorcage,labellisee,financement_amorcage_plafonne"
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--reform", "plafond_100k", "--period", "abc"], "'abc' is not a period"),
        (["--reform", "plafond_100k", "--period", "2015"], "Variables are monthly"),
        (["--sweep", "financement_amorcage.plafond", "--from", "100", "--to", "50"], "--from <= --to"),
        (["--sweep", "financement_amorcage.plafond", "--step", "0"], "--step > 0"),
        (["--sweep", "financement_amorcage.plafon"], "Unknown parameter 'financement_amorcage.plafon'"),
        (["--sweep", "interpretations.plafond_par_structure"], "takes true or false, not numbers"),  # not 11 lines
        (["--sweep", "calendrier.date_ouverture"], "'calendrier.date_ouverture' takes a date, not numbers"),
        (["--reform", "absent.yaml"], "Cannot read the reform file 'absent.yaml'"),
        ([], "Give --reform"),
        # A ceiling's range of euros was swept for any parameter: 40,000 to 150,000 months, or 11 refused rates
        (["--sweep", "financement_amorcage.seuil_duree_mois"], "give --from and --to (their defaults, 40,000 to"),
        (["--sweep", "financement_amorcage.taux", "--from", "0.4"], "give --from and --to"),
        (["--sweep", "financement_amorcage.plafond", "--by", "metier_vise"], "--by and --top are for --reform"),
        (["--sweep", "financement_amorcage.plafond", "--top", "3"], "--by and --top are for --reform"),
    ],
)
def test_the_compare_command_refuses_bad_arguments(capsys, arguments, message):
    assert main(["compare", *arguments]) == 2
    erreurs = capsys.readouterr().err
    assert message in erreurs and len(erreurs.splitlines()) == 1


def test_the_documented_reform_file(capsys):
    fichier = Path(__file__).resolve().parents[1] / "docs" / "exemples" / "reforme_plafond_90000_taux_60.yaml"
    assert main(["compare", "--reform", str(fichier)]) == 0
    sortie = capsys.readouterr().out
    assert (
        "Reform financement_amorcage.plafond = 90,000 € from 2015-09-17, unknown from 2018-04-05; "
        "financement_amorcage.taux = 60 % from 2015-09-17, 80 % from 2018-04-05" in sortie
    )  # a parametric reform is named by its values
    assert "winners (trainings)" in sortie
    assert "-0\n" not in sortie  # no negative zero when nobody loses


@pytest.mark.parametrize(
    ("contenu", "message"),
    [
        ('{"financement_amorcage.taux": {"2015-09-17": NaN}}', "'r.json': NaN is not a valid JSON number"),
        ('{"a": 1, "a": 2}', "'r.json': The key 'a' is given twice in an object"),  # as the API says it
        ('{"a": ', "'r.json': Expecting value (line 1, column 7)"),
    ],
)
def test_a_json_reform_file_is_read_by_jsons_rules(tmp_path, capsys, monkeypatch, contenu, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.json").write_text(contenu, encoding="utf-8")
    assert main(["compare", "--reform", "r.json"]) == 2
    assert capsys.readouterr().err.strip() == f"openfisca-gen compare: Cannot read the reform file {message}"


@pytest.mark.parametrize("nom", ["r.json", "r.YAML", "r.yml", "reforme"])
def test_a_reform_file_is_read_whatever_its_suffix_or_case(tmp_path, capsys, nom):
    """`r.json` or `r.YAML` used to be looked up as a reform's name: "Unknown reform", the file never read. A tab
    indents JSON, not YAML: a .json file is read by JSON's grammar."""
    fichier = tmp_path / nom
    retrait = "\t" if nom.endswith(".json") else "  "  # a tab indents JSON only
    fichier.write_text(f'{{\n{retrait}"financement_amorcage.taux": {{"2015-09-17": 0.6, "2018-04-05": 0.8}}\n}}')
    assert main(["compare", "--reform", str(fichier)]) == 0
    assert "Reform financement_amorcage.taux = 60 % from 2015-09-17, 80 % from 2018-04-05" in capsys.readouterr().out


def test_the_compare_command_names_bad_input(tmp_path, capsys):
    assert main(["compare", "--reform", "plafond_infini"]) == 2
    assert "Unknown reform 'plafond_infini'" in capsys.readouterr().err
    fichier = tmp_path / "f.csv"
    fichier.write_text("budget_session\n-3\n")
    assert main(["compare", "--reform", "plafond_100k", "--data", str(fichier)]) == 2
    assert "f.csv line 2, field 'budget_session': must be >= 0" in capsys.readouterr().err


def test_comparer_takes_a_reformed_system(tax_benefit_system, population):
    reforme = appliquer_reforme(tax_benefit_system, "plafond_par_structure")
    par_systeme = comparer(population, reforme, PERIOD)
    par_nom = comparer(population, "plafond_par_structure", PERIOD, tax_benefit_system)
    assert par_systeme.nom_reforme == "plafond_par_structure"
    pandas.testing.assert_frame_equal(par_systeme.resume(), par_nom.resume())
    parametrique = appliquer_reforme(tax_benefit_system, {"financement_amorcage.plafond": {"2015-09-17": 90_000}})
    nom = comparer(population, parametrique, PERIOD).nom_reforme
    assert nom == "financement_amorcage.plafond = 90,000 € from 2015-09-17"


def test_report_csv_files_are_clean(tax_benefit_system, population, rapport):
    _, tmp_path = rapport
    for fichier in tmp_path.glob("*.csv"):
        lignes = fichier.read_text(encoding="utf-8").splitlines()
        entetes = lignes[0].split(",")
        assert all(entetes) and not any(re.search(r"_base\b|_reforme\b|€| ", nom) for nom in entetes), fichier
        assert not any(re.search(r"\.\d{3,}", ligne) and not re.search(r",0\.\d+", ligne) for ligne in lignes), fichier
    resume = (tmp_path / "resume.csv").read_text(encoding="utf-8").splitlines()
    assert resume[0] == "variable,baseline,reform,difference"
    labellisees = POPULATIONS["appel_2015"]["calibree_sur"]["nombre_formations_labellisees"]
    plafonnees = (
        comparer(population, "plafond_par_formation", PERIOD, tax_benefit_system)
        .resume()
        .loc["financement_amorcage_plafonne"]
    )
    assert f"labellisee,{labellisees},{labellisees},0" in resume
    assert "financement_amorcage_plafonne,{:.0f},{:.0f},{:.0f}".format(*plafonnees) in resume
    assert plafonnees["reform"] < plafonnees["baseline"]  # a ceiling per training binds fewer than per structure
    assert "losers,0" in (tmp_path / "changements.csv").read_text(encoding="utf-8").splitlines()
    formations = pandas.read_csv(tmp_path / "formations.csv", index_col="formation_id")
    assert formations["difference"].round(2).equals(formations["difference"])  # to the cent, no float noise
    assert {"financement_amorcage_baseline", "financement_amorcage_reform"} <= set(formations.columns)


@pytest.fixture
def figures(monkeypatch):
    """The figures the reports draw, kept open instead of saved."""
    dessinees = []
    monkeypatch.setattr(graphiques, "_sauver", lambda figure, chemin, *_, **__: dessinees.append(figure) or chemin)
    yield dessinees
    import matplotlib.pyplot as plt

    plt.close("all")


def test_comparison_charts_name_the_reform_period_and_synthetic_population(tax_benefit_system, population, figures):
    comparaison = comparer(population, "plafond_par_formation", PERIOD, tax_benefit_system)
    graphiques_comparaison(comparaison, Path("."))
    distribution, par_statut, gagnants = (figure.axes[0] for figure in figures)
    titre = "plafond_par_formation — 2016-02, 360 trainings (synthetic population of the first call (2015))"
    for figure, axe in zip(figures, (distribution, par_statut, gagnants), strict=True):
        assert titre in axe.get_title().replace("\n", " ")
        assert axe.get_legend() is not None
        cadre = axe.title.get_window_extent(figure.canvas.get_renderer())
        assert cadre.x0 >= 0 and cadre.x1 <= figure.bbox.x1  # the whole title shows, none cut off at an edge
    rendu = figures[2].canvas.get_renderer()  # the winners' legend below the axes, over no training
    assert gagnants.get_legend().get_window_extent(rendu).y1 <= gagnants.get_window_extent(rendu).y0
    assert [t.get_text() for t in distribution.get_legend().get_texts()] == ["baseline", "reform"]
    assert {t.get_text() for t in par_statut.get_xticklabels()} >= {"Association", "Entreprise privée"}
    assert par_statut.yaxis.get_major_formatter()(2_000_000, 0) == "2,000,000"
    legende = [t.get_text() for t in gagnants.get_legend().get_texts()]
    changements = comparaison.changements()
    inchanges = len(population.table) - changements["winners"] - changements["losers"]
    assert legende == [
        "same funding (y = x)",
        f"winners ({changements['winners']})",
        f"losers ({changements['losers']})",
        f"unchanged ({inchanges})",
    ]
    assert "green" not in gagnants.get_title()


def test_the_sweep_chart_starts_at_zero_and_marks_the_value_in_force(tax_benefit_system, population, figures):
    table = balayer(population, "financement_amorcage.plafond", [40_000, 70_000, 100_000], PERIOD, tax_benefit_system)
    graphique_balayage(table, "financement_amorcage.plafond", Path("b.png"), PERIOD, population, tax_benefit_system)
    cout, plafonnees = figures[0].axes
    assert cout.get_ylim()[0] == 0 and plafonnees.get_ylim()[0] == 0
    assert cout.get_xlabel().startswith("Plafond du financement d'amorçage") and "(€)" in cout.get_xlabel()
    [legende] = figures[0].legends  # the figure's, below the axes: the axes' covered the right axis's curve
    assert cout.get_legend() is None and plafonnees.get_legend() is None
    legende = [t.get_text() for t in legende.get_texts()]
    assert "in force in 2016-02: 70,000 €" in legende and len(legende) == 3
    assert "synthetic population" in cout.get_title()


def test_the_sweep_chart_writes_a_rate_in_force_as_it_is(tax_benefit_system, figures):
    """The third call's rate, 0.8, was written « 1 rate » (a whole number) beside a dashed line at 0.8."""
    population = lire_population(tax_benefit_system, "appel_2018")
    mois = POPULATIONS["appel_2018"]["periode"]
    table = balayer(population, "financement_amorcage.taux", [0.5, 1], mois, tax_benefit_system)
    graphique_balayage(table, "financement_amorcage.taux", Path("b.png"), mois, population, tax_benefit_system)
    cout = figures[0].axes[0]
    assert f"in force in {mois}: 0.8 rate" in [t.get_text() for t in figures[0].legends[0].get_texts()]
    assert cout.get_lines()[-1].get_xdata()[0] == 0.8


def test_the_tornado_chart(tax_benefit_system, figures):
    table = pandas.DataFrame(
        {"date_depot_dossier": ["2015-10-01", "2015-10-02"], "metier_vise": "codeur", "formation_gratuite": True,
         "pedagogie_innovante": True, "duree_formation_mois": [6, 20], "nombre_apprenants": 10,
         "budget_session": [100_000, 160_000]})  # fmt: skip
    population = lire_population(tax_benefit_system, table)
    resultat = analyser_interpretations(population, PERIOD, tax_benefit_system, max_combinaisons=30)
    graphique_tornade(resultat, Path("t.png"))
    axe = figures[0].axes[0]
    assert "2016-02, 2 trainings; defaults: 120,000 €" in axe.get_title()  # 50 000 + 70 000 (80 000 capped)
    assert "synthetic" not in axe.get_title()
    libelles = [t.get_text() for t in axe.get_yticklabels()]
    # each bar names the reading whose effect it draws: the switch and the value it takes
    assert any("[duree_maximale_selon_le_ministre = true]" in libelle and "ministre" in libelle for libelle in libelles)
    assert [t.get_text() for t in axe.get_legend().get_texts()][:2] == ["raises the cost", "lowers the cost"]


def test_the_example_trainings_file_runs(capsys):
    fichier = Path(__file__).resolve().parents[1] / "docs" / "exemples" / "trainings.csv"
    assert main(["calculer", "--data", str(fichier), "--variables", "eligible_labellisation,financement_amorcage"]) == 0
    lignes = capsys.readouterr().out.splitlines()
    assert lignes[0] == "formation_id,structure_id,campagne_id,eligible_labellisation,financement_amorcage"
    assert [ligne.split(",", 3)[3] for ligne in lignes[1:]] == [
        "True,30000.0",  # a1 and a2 share their structure's 70 000 € (0.7: the first call's ceiling per structure)
        "True,40000.0",
        "True,70000.0",
        "False,0.0",
        "False,0.0",
    ]


def test_breakdowns_by_any_variable_and_the_largest_gains_and_losses(tax_benefit_system, population, tmp_path):
    comparaison = comparer(population, "plafond_par_formation", PERIOD, tax_benefit_system, par=["metier_vise"])
    par_metier = comparaison.par(comparaison.formations["metier_vise"])
    assert par_metier["trainings"].sum() == len(population.table)
    total = comparaison.resume().loc["financement_amorcage", "difference"]
    assert par_metier["difference"].sum() == pytest.approx(total)
    gains, pertes = comparaison.extremes(5)
    assert pertes.empty and len(gains) == 5 and gains["difference"].is_monotonic_decreasing
    assert gains["difference"].iloc[0] == comparaison.difference.max()
    with pytest.raises(ReformeInvalideError, match="Cannot break the report down by region"):
        comparer(population, "plafond_100k", PERIOD, tax_benefit_system, par=["region"])


def test_a_breakdown_by_a_number_of_few_values_names_its_column(tax_benefit_system, population, tmp_path):
    """`--by nombre_sessions_financees` (a dozen values or fewer) wrote its groups under a column named `index`."""
    comparaison = comparer(population, "plafond_100k", PERIOD, tax_benefit_system, par=["nombre_sessions_financees"])
    comparaison.ecrire(tmp_path, par=["nombre_sessions_financees"])
    assert comparaison.formations["nombre_sessions_financees"].nunique() <= 12
    assert (
        (tmp_path / "par_nombre_sessions_financees.csv")
        .read_text(encoding="utf-8")
        .startswith("nombre_sessions_financees,")
    )


@pytest.mark.parametrize("par", analyse.VARIABLES_FORMATION)
def test_a_breakdown_by_a_variable_the_report_shows(tax_benefit_system, population, par, capsys):
    """`--by labellisee` (a variable the report shows under both systems) took the law's column away from it:
    a KeyError and a traceback. The breakdown is by the law's value, the report's columns kept."""
    comparaison = comparer(population, "plafond_100k", PERIOD, tax_benefit_system, par=[par])
    assert comparaison.formations[par].equals(comparaison.formations[f"{par}_baseline"])
    table = comparaison.par(comparaison.formations[par])
    assert table["difference"].sum() == pytest.approx(comparaison.resume().loc["financement_amorcage", "difference"])
    assert main(["compare", "--reform", "plafond_100k", "--by", par]) == 0
    sortie = capsys.readouterr()
    # titled by the variable, under the law: `financement_amorcage` was « total cost (€) », a summary row's label
    assert "Traceback" not in sortie.err and f"\nBy {par} (under the law):\n" in sortie.out


@pytest.mark.parametrize(("langue", "vide"), [("en", "(empty)"), ("fr", "(vide)")])
def test_a_breakdown_by_a_text_names_its_empty_row(tax_benefit_system, population, langue, vide):
    """`--by lieu_formation`: the 189 trainings at their structure's own site (an empty place) under a blank label."""
    comparaison = comparer(population, "plafond_100k", PERIOD, tax_benefit_system, par=["lieu_formation"])
    partie = comparaison.texte(langue, par=["lieu_formation"]).split(
        "lieu_formation" if langue == "en" else "Par lieu"
    )[1]
    lignes = partie.split("\n\n")[0].splitlines()[2:]  # the rows, below the title and the columns
    vides = int((comparaison.formations["lieu_formation"] == "").sum())
    assert vides and [ligne.split()[:2] for ligne in lignes if ligne.startswith(vide)] == [[vide, str(vides)]]
    assert all(ligne[:1].strip() for ligne in lignes)  # no row without its label


def test_a_breakdown_names_its_rows_as_the_status_table_does(tax_benefit_system, population):
    """By a name (an Enum): its labels, not its codes (`entreprise_privee`); by a day: the day, not a midnight."""
    par = ["statut_structure", "date_depot_dossier"]
    texte = comparer(population, "plafond_100k", PERIOD, tax_benefit_system, par=par).texte(par=par)
    par_statut = texte.split("By statut_structure:")[1].split("By date_depot_dossier:")[0]
    assert "Entreprise privée" in par_statut and "entreprise_privee" not in par_statut
    par_jour = texte.split("By date_depot_dossier:")[1].split("\n\n")[0]
    assert "\n2015-09-17 " in par_jour and "00:00:00" not in texte


def test_the_breakdowns_the_help_names_are_accepted(tax_benefit_system, population, capsys):
    """The help and the docs offered `--by structure_id`, which is refused (an id is no variable)."""
    with pytest.raises(SystemExit):
        main(["compare", "--help"])
    aide = " ".join(capsys.readouterr().out.split())
    noms = re.search(r"under the law \(([^)]*)\.\.\.\)", aide).group(1).split(", ")
    assert len(noms) == 3 and comparer(population, "plafond_100k", PERIOD, tax_benefit_system, par=noms).texte(par=noms)


def test_compare_by_top_lang_and_excel(tax_benefit_system, population, tmp_path, capsys):
    argv = ["compare", "--reform", "plafond_par_formation", "--by", "metier_vise", "--top", "3", "--lang", "fr"]
    assert main([*argv, "--out", str(tmp_path)]) == 0
    tables = sorted(chemin.name for chemin in tmp_path.iterdir() if chemin.suffix != ".png")
    assert tables == sorted(analyse.fichiers_du_rapport(["metier_vise"], 3))  # what the CLI checks before computing
    sortie = capsys.readouterr().out
    debut = "Réforme plafond_par_formation, période 2016-02, 360 formations (population synthétique du premier appel"
    assert sortie.startswith(debut)
    assert "Par métier auquel prépare la formation :" in sortie and "Les 3 plus forts gains :" in sortie
    ecart = comparer(population, "plafond_par_formation", PERIOD, tax_benefit_system).resume()
    ecart = f"{ecart.loc['financement_amorcage', 'difference']:,.0f}".replace(",", "\u202f")
    assert "coût total (€)" in sortie and ecart in sortie  # French labels and number format
    feuilles = pandas.read_excel(tmp_path / "rapport.xlsx", sheet_name=None, index_col=0)
    assert {"resume", "par_metier_vise", "gagnants", "formations"} <= set(feuilles)
    assert feuilles["formations"].index.name == "formation_id"
    assert (tmp_path / "par_metier_vise.csv").exists() and (tmp_path / "gagnants.csv").exists()


def test_the_english_report_names_every_campaign_row_and_status_in_words(tax_benefit_system, population):
    texte = comparer(population, "plafond_par_formation", PERIOD, tax_benefit_system).texte()
    objectifs = texte.split("National objectives and envelope, per campaign:")[1]
    statuts = [s.name for s in tax_benefit_system.variables["objectif_part_femmes"].possible_values]
    for code in [*analyse.VARIABLES_CAMPAGNE, *statuts, "True", "False"]:
        assert not re.search(rf"(?<![\w:]){code}(?!\w)", objectifs), code  # a label, never the code
    assert re.search(r"objective: women share +not met +not met", objectifs)
    assert re.search(r"within the envelope +yes +no", objectifs)


@pytest.mark.parametrize("reforme", ["plafond_par_formation", {"financement_amorcage.plafond": {"2015-09-17": 50000}}])
def test_the_gains_less_the_losses_are_the_change_in_cost_to_the_cent(tax_benefit_system, population, reforme):
    """Structures that each lose 20 000 € exactly, in shares of thirds: summed from amounts each rounded to the
    cent, the losses came to 1 261 599,97 € where the cost fell by 1 261 600 €."""
    comparaison = comparer(population, reforme, PERIOD, tax_benefit_system)
    changements = comparaison.changements()
    cout = comparaison.resume().loc["financement_amorcage"]
    assert round(changements["winners_total_gain"] - changements["losers_total_loss"], 2) == cout["difference"]


def test_a_sweep_is_titled_and_written_in_the_language_asked(tmp_path, capsys):
    """`--sweep … --lang fr` printed English, untitled, with raw names, and its chart was English; « Written »
    was English whatever the language."""
    options = ["compare", "--sweep", "financement_amorcage.taux", "--from", "0.5", "--to", "1", "--step", "0.5"]
    assert main([*options, "--data", "appel_2018", "--lang", "fr", "--out", str(tmp_path / "fr")]) == 0
    sortie = capsys.readouterr().out
    assert sortie.startswith("Balayage de financement_amorcage.taux (Taux du financement d'amorçage")
    assert "période 2018-12, 855 formations (population synthétique du troisième appel (2018))" in sortie
    assert "coût total (€)" in sortie and "Écrit dans " in sortie and "balayage.csv, balayage.png" in sortie
    assert main([*options, "--out", str(tmp_path / "en")]) == 0
    sortie = capsys.readouterr().out
    assert sortie.startswith("Sweep of financement_amorcage.taux (") and "Written to " in sortie


def test_the_english_report_names_a_status_by_its_label_too(tax_benefit_system, population):
    """The largest gains listed `entreprise_privee` in English, where the status table writes « Entreprise privée »
    (the model's only words for it)."""
    comparaison = comparer(population, "plafond_par_formation", PERIOD, tax_benefit_system)
    gains = comparaison.texte(top=3).split("The 3 largest gains:")[1].split("\n\n")[0]
    premier = comparaison.extremes(3)[0].iloc[0]
    statut = comparaison.libelles_statuts[premier["statut_structure"]]
    assert re.search(rf"\n{premier.name} +{premier['structure_id']} +{statut} ", gains)
    assert not re.search(r"\b(entreprise_privee|etablissement_public|association|collectivite_territoriale)\b", gains)


def test_a_french_report_names_a_reform_of_values_in_french(tax_benefit_system, population):
    """« Réforme financement_amorcage.plafond = 100,000 € from 2015-10-01, unknown from 2018-04-05 »: English
    words and numbers in a French title."""
    reforme = {"financement_amorcage.plafond": {"2015-09-17": 100_000, "2018-04-05": None},
               "financement_amorcage.taux": {"2015-09-17": 0.6}}  # fmt: skip
    comparaison = comparer(population, reforme, PERIOD, tax_benefit_system)
    assert comparaison.texte("fr").startswith(
        "Réforme financement_amorcage.plafond = 100\u202f000\u00a0€ à partir du 17 septembre 2015, aucune valeur à "
        "partir du 5 avril 2018 ; financement_amorcage.taux = 60 % à partir du 17 septembre 2015, période 2016-02"
    )
    assert comparaison.texte().startswith(
        "Reform financement_amorcage.plafond = 100,000 € from 2015-09-17, unknown from 2018-04-05; "
        "financement_amorcage.taux = 60 % from 2015-09-17, period 2016-02"
    )
    assert comparaison.contexte("fr").startswith("financement_amorcage.plafond = 100\u202f000\u00a0€ à partir du")


@pytest.mark.parametrize("par", ["budget_session", "part_femmes", "nombre_apprenants"])
def test_a_breakdown_by_a_number_of_many_values_is_in_bands(tax_benefit_system, population, par):
    """`--by budget_session` printed a row per budget (hundreds), `--by part_femmes` labels such as
    0.043478260869565216: a number of more than a dozen values is broken down in ordered bands."""
    comparaison = comparer(population, "plafond_100k", PERIOD, tax_benefit_system, par=[par])
    table = comparaison.par(analyse._en_groupes(comparaison.formations[par]))
    assert 2 <= len(table) <= analyse.BANDES and table["trainings"].sum() == len(population.table)
    assert table["difference"].sum() == pytest.approx(comparaison.resume().loc["financement_amorcage", "difference"])
    bornes = [float(nom.split("–")[0].replace(",", "")) for nom in table.index]
    assert bornes == sorted(bornes) and all(len(nom) < 24 for nom in table.index)


def test_a_breakdowns_bands_are_written_as_their_language_writes_numbers(tax_benefit_system, population):
    """French wrote the bands of --by duree_formation_mois 3.5–4.5 and English those of budget_session
    35 800–75 940 (a French thousands space)."""
    par = ["duree_formation_mois", "budget_session"]
    comparaison = comparer(population, "plafond_100k", PERIOD, tax_benefit_system, par=par)
    francais = comparaison.texte("fr", par=["duree_formation_mois"])
    assert re.search(r"\n3,5–<4,5 ", francais) and not re.search(r"\d\.\d+–", francais)
    anglais = analyse._en_groupes(comparaison.formations["budget_session"], "en").cat.categories
    assert all(re.fullmatch(r"[\d,]+–<?[\d,]+", nom) and "," in nom for nom in anglais)
    francais = analyse._en_groupes(comparaison.formations["budget_session"], "fr").cat.categories
    assert all(re.fullmatch(r"[\d\u202f]+–<?[\d\u202f]+", nom) for nom in francais)


def test_a_band_holds_its_lower_bound_as_a_rules_threshold_does():
    """The band 4.5–6 held 6 months, where the rule changes (« au moins égal à six mois »), beside 6–7: a band
    now holds its lower bound and not its upper one (4.5–<6, 6–<7), the last both; a few values are rows of
    their own, in order and in the language's numbers (5.99, not 5.99 in French)."""
    durees = pandas.Series(numpy.arange(101) / 10 + 2)  # 2 to 12 months: quantiles 2, 4, 6, 8, 10, 12
    bandes = analyse._en_groupes(durees, "en")
    assert list(bandes.cat.categories) == ["2–<4", "4–<6", "6–<8", "8–<10", "10–12"]
    assert bandes[durees == 6].tolist() == ["6–<8"] and bandes[durees == 12].tolist() == ["10–12"]
    assert bandes.value_counts().tolist() == [21, 20, 20, 20, 20] and bandes.notna().all()
    peu = analyse._en_groupes(pandas.Series([24.0, 5.99, 3.0, 10.0]), "fr")
    assert list(peu) == ["24", "5,99", "3", "10"] and list(peu.cat.categories) == ["3", "5,99", "10", "24"]
    # A rounded outer bound left the smallest value out of every band (0.049999999999999996 x 100 is 5.0); a
    # missing value and two values written alike raised a ValueError.
    bord = pandas.Series([0.049999999999999996, *numpy.linspace(0.06, 0.9, 20)])
    assert analyse._en_groupes(bord).notna().all()
    assert analyse._en_groupes(pandas.Series([1.0, numpy.nan, 2.0])).isna().tolist() == [False, True, False]
    assert list(analyse._en_groupes(pandas.Series([0.1234567, 0.1234568, 0.5]))) == ["0.1234567", "0.1234568", "0.5"]
    # 5.9999999 months, funded two sessions, was a row « 6 » with the six months funded one; no ceiling was « inf »
    assert list(analyse._en_groupes(pandas.Series([5.9999999, 6.0]), "fr")) == ["5,9999999", "6"]
    assert list(analyse._en_groupes(pandas.Series([numpy.inf, 70_000.0]), "fr")) == ["∞", "70\u202f000"]


def test_a_french_sweep_chart_writes_its_values_with_a_decimal_comma(tax_benefit_system, figures):
    """The swept rate's ticks read 0.5, 0.6 in a French chart."""
    population = lire_population(tax_benefit_system, "appel_2018")
    mois = POPULATIONS["appel_2018"]["periode"]
    table = balayer(population, "financement_amorcage.taux", [0.5, 1], mois, tax_benefit_system)
    graphique_balayage(table, "financement_amorcage.taux", Path("b.png"), mois, population, tax_benefit_system, "fr")
    cout = figures[0].axes[0]
    figures[0].canvas.draw()
    graduations = [t.get_text() for t in cout.get_xticklabels() if t.get_text()]
    assert graduations and all("." not in t for t in graduations) and any("," in t for t in graduations)


def test_a_reused_folder_names_the_files_this_run_did_not_write(tmp_path, capsys):
    """A folder written by `--by metier_vise`, then by a report without it, kept par_metier_vise.csv without a
    word: a reader took it for the second run's."""
    assert main(["compare", "--reform", "plafond_100k", "--by", "metier_vise", "--out", str(tmp_path)]) == 0
    assert "not written by this run" not in capsys.readouterr().out  # a new folder: nothing else in it
    (tmp_path / "notes.csv").write_text("mine", encoding="utf-8")
    (tmp_path / "README").write_text("not a report's", encoding="utf-8")  # a shared folder's: not listed
    assert main(["compare", "--reform", "plafond_100k", "--out", str(tmp_path), "--lang", "fr"]) == 0
    derniere = capsys.readouterr().out.rstrip().splitlines()[-1]
    assert derniere.endswith("(d'une exécution précédente ?) : notes.csv, par_metier_vise.csv"), derniere
    assert (tmp_path / "notes.csv").read_text(encoding="utf-8") == "mine"  # named, never removed


@pytest.mark.parametrize(
    "commande",
    [
        ["compare", "--reform", "plafond_100k"],
        ["interpretations"],
        ["compare", "--sweep", "financement_amorcage.plafond", "--from", "7e4", "--to", "8e4", "--step", "1e4"],
    ],
)
def test_a_report_is_never_written_over_its_data(tmp_path, capsys, commande):
    """A data file named formations.csv in the --out folder was replaced by the report's table of the same name;
    so was one reached through a link of that name. This is refused before anything is computed (no report
    printed). A data file of another name beside the report is kept."""
    donnees = tmp_path / "donnees" / ("balayage.csv" if "--sweep" in commande else "formations.csv")
    donnees.parent.mkdir()
    donnees.write_bytes(POPULATION_EXEMPLE.read_bytes())
    avant = donnees.read_bytes()
    lien = tmp_path / "lien"
    lien.mkdir()
    (lien / donnees.name).symlink_to(donnees)
    for dossier, lue in ((donnees.parent, donnees), (lien, donnees), (lien, lien / donnees.name)):
        assert main([*commande, "--data", str(lue), "--period", "2016-02", "--out", str(dossier)]) == 2
        sorties = capsys.readouterr()
        assert f"would overwrite the data file '{lue}'" in sorties.err and not sorties.out  # refused before
    assert donnees.read_bytes() == avant and sorted(p.name for p in tmp_path.rglob("*")) == sorted(
        ["donnees", "lien", donnees.name, donnees.name]
    )  # nothing written
    autre = donnees.rename(donnees.with_name("mes_dossiers.csv"))
    capsys.readouterr()
    assert main([*commande, "--data", str(autre), "--period", "2016-02", "--out", str(autre.parent)]) == 0
    assert autre.read_bytes() == avant
    assert "mes_dossiers.csv" not in capsys.readouterr().out  # the data read, not « an earlier run's »


def test_counts_in_the_tables_are_written_as_amounts_are(tax_benefit_system, population):
    """The summary wrote 5 000 trainings, the tables by status 5000."""
    fichier = pandas.read_csv(POPULATION_EXEMPLE, dtype=str, comment="#")
    table = pandas.concat([fichier] * 5, ignore_index=True)
    table["formation_id"] = [f"f{i}" for i in range(len(table))]
    table["structure_id"] = table["structure_id"] + "_" + (table.index // len(fichier)).astype(str)
    comparaison = comparer(lire_population(tax_benefit_system, table), "plafond_100k", PERIOD, tax_benefit_system)
    anglais, francais = comparaison.texte(), comparaison.texte("fr")
    assert "1,800 trainings" in anglais and re.search(r"\n0 € +1,060 ", anglais)  # the band of no funding
    assert "1\u202f800 formations" in francais and re.search(r"\n0 € +1\u202f060 ", francais)
    assert not re.search(r"\b\d{4,}\b", anglais.split("By baseline funding band:")[1].split("National")[0])


def test_the_french_campaign_table_names_its_rows_as_shortly_as_the_english_one(tax_benefit_system, population):
    """--lang fr wrote each variable's own label (« Appel à labellisation auquel répondent les dossiers de la
    campagne (1, 2, 3 ; 0 : aucun ou plusieurs) »), a table 200 characters wide, and « campagne_id variable »."""
    comparaison = comparer(population, "plafond_100k", PERIOD, tax_benefit_system)
    anglais, francais = (comparaison.texte(langue).split("\n\n")[-1].splitlines() for langue in ("en", "fr"))
    assert francais[2].split() == ["campagne", "indicateur"] and anglais[2].split() == ["campagne_id", "variable"]
    assert {"fabriques labellisées", "objectif : part de femmes", "dépassement de l'enveloppe (€)"} <= {
        re.split(r"\s{2,}", ligne.removeprefix("appel_2015").strip())[0] for ligne in francais[3:]
    }
    assert max(map(len, francais)) <= max(map(len, anglais)) + 60  # the statuses' own French labels are longer


def test_with_lang_fr_the_refusals_are_in_french_too(tmp_path, capsys):
    """Warnings came in French with --lang fr, every refusal in English."""
    fichier = tmp_path / "f.csv"
    fichier.write_text("formation_id,budget_session\na,abc\n", encoding="utf-8")
    assert main(["compare", "--reform", "plafond_100k", "--data", str(fichier), "--lang", "fr"]) == 2
    erreur = capsys.readouterr().err
    attendu = "f.csv ligne 2 (formation 'a'), champ 'budget_session' : doit être un nombre : « abc » n'en est pas un"
    assert erreur == f"openfisca-gen compare: {attendu}\n"
    assert main(["compare", "--reform", "plafond_100k", "--period", "abc", "--lang", "fr"]) == 2
    assert "« abc » n'est pas un mois" in capsys.readouterr().err
    assert main(["compare", "--reform", "plafond_100k", "--data", str(fichier)]) == 2
    assert "line 2 (formation 'a'), field 'budget_session': expects a number" in capsys.readouterr().err


def test_a_population_is_named_by_its_size_in_words():
    """« 1 formations » headed the workshop's result for a one-row file, "1 trainings" the reports'."""
    assert decrire_population("", 1) == "1 training" and decrire_population("", 1, "fr") == "1 formation"
    assert (
        decrire_population("", 1000) == "1,000 trainings"
        and decrire_population("", 1000, "fr") == "1\u202f000 formations"
    )


def test_the_old_name_of_the_value_in_force_still_works_and_says_its_new_one(tax_benefit_system):
    from openfisca_gen.analyse import debut_en_vigueur, valeur_en_vigueur

    with pytest.warns(DeprecationWarning, match="valeur_en_vigueur"):
        debut = debut_en_vigueur(tax_benefit_system, "financement_amorcage.plafond", PERIOD)
    assert debut == "2015-09-17" == valeur_en_vigueur(tax_benefit_system, "financement_amorcage.plafond", PERIOD)[0]


def test_a_report_writes_an_id_a_spreadsheet_would_run_as_text(tmp_path, capsys):
    """A file's id `=1+2` was written first in a row of formations.csv and as a formula in rapport.xlsx (openpyxl
    takes a text beginning with = for one): a spreadsheet ran it. The CSV holds it after an apostrophe (as one
    beginning with an apostrophe: two ids never print alike, and two campaigns `=c` and `'=c` broke the report's
    index); the workbook, which types its cells, holds the text as it is, as text."""
    import openpyxl

    texte = POPULATION_EXEMPLE.read_text(encoding="utf-8").replace("\nf2015_001,", "\n=1+2,", 1)
    texte = (
        texte.replace("\nf2015_004,", "\n'=1+2,", 1)
        .replace(",appel_2015,", ",=c,", 1)
        .replace(",appel_2015,", ",'=c,", 1)
    )
    (tmp_path / "f.csv").write_text(texte.replace("\nf2015_002,", "\n@SOMME(A1),", 1), encoding="utf-8")
    commande = ["compare", "--reform", "plafond_100k", "--data", str(tmp_path / "f.csv"), "--period", "2016-02"]
    assert main([*commande, "--out", str(tmp_path / "r")]) == 0
    formations = pandas.read_csv(tmp_path / "r" / "formations.csv", dtype=str)
    assert {"'=1+2", "''=1+2", "'@SOMME(A1)"} <= set(formations["formation_id"]) and "f2015_003" in set(
        formations["formation_id"]
    )
    feuille = openpyxl.load_workbook(tmp_path / "r" / "rapport.xlsx")["formations"]
    ids = {cellule.value: cellule.data_type for cellule in feuille["A"]}
    assert ids["=1+2"] == ids["'=1+2"] == ids["@SOMME(A1)"] == "s" and "''=1+2" not in ids
    assert capsys.readouterr().err == ""


@given(st.lists(st.one_of(st.text(max_size=6), st.integers(), st.floats(allow_nan=False)), max_size=12))
def test_no_text_of_a_table_begins_as_a_formula_and_nothing_else_changes(valeurs):
    from openfisca_gen.rapports.tableaux import DEBUTS_DE_FORMULE, sans_formule

    for donnees in (pandas.Series(valeurs, dtype=object), pandas.Index(valeurs, dtype=object)):
        ecrites = list(sans_formule(donnees))
        assert len(ecrites) == len(valeurs)
        for avant, apres in zip(valeurs, ecrites, strict=True):
            echappee = isinstance(avant, str) and avant.startswith(DEBUTS_DE_FORMULE)
            assert apres == ("'" + avant if echappee else avant) and type(apres) is type(avant)


@given(
    st.integers(1, 10**7).flatmap(
        lambda total: st.tuples(st.integers(1, total - 1 if total > 1 else 1), st.just(total))
    )
)
def test_a_share_is_never_printed_at_an_objective_it_misses(compte):
    """A NEET share of 0.49994 was printed 0.500 two lines under « objective: NEET share not met »: a share is cut
    to the thousandth toward zero, and a difference under a thousandth is « <0.001 », never « +0.000 »."""
    from openfisca_gen.rapports.tableaux import lisible, signe

    partie, total = compte
    part = partie / total
    if part < 1:
        ecrite = float(lisible(part))
        assert ecrite <= part + 1e-12 and part - ecrite < 0.001 + 1e-12
        assert float(lisible(part, "fr").replace(",", ".")) == ecrite
    assert signe(part / 1000).startswith("+") and signe(-part / 1000, "fr").startswith("−")
    assert "0.000" not in signe(part / 1000)


def test_the_tornado_chart_names_the_population_in_its_language(tax_benefit_system, figures):
    """`interpretations --lang fr` drew « 503 trainings (synthetic population of the second call…) » under a
    French title: the population is said in the chart's language, as the printed tables say it."""
    resultat = analyser_interpretations("appel_2015", PERIOD, tax_benefit_system, max_combinaisons=8)
    for langue, mot, autre in (("fr", "formations", "trainings"), ("en", "trainings", "formations")):
        graphique_tornade(resultat, Path("t.png"), langue)
        titre = figures[-1].axes[0].get_title()
        assert mot in titre and autre not in titre, titre
        assert resultat.decrire(langue) in resultat.texte(langue)


def test_a_share_the_data_cannot_measure_is_said_not_measured(tax_benefit_system, client):
    """The third call's data give no count of NEET young people: the workshop and the report showed « 0 % »; a
    first-call table without women showed « 0 % » and « objective not met »."""
    comparaison = comparer("appel_2018", "taux_2018_premier_appel", "2018-12", tax_benefit_system)
    neet = comparaison.campagnes[
        ["part_jeunes_neet_peu_qualifies_campagne_baseline", "objectif_part_jeunes_neet_peu_qualifies_baseline"]
    ]
    assert neet.iloc[:, 0].isna().all() and (neet.iloc[:, 1] == "non_applicable").all()  # no objective set: kept
    assert "NEET share" in comparaison.texte() and "not measured" in comparaison.texte()
    fichier = population_module.DONNEES / POPULATIONS["appel_2015"]["fichier"]
    sans_femmes = pandas.read_csv(fichier, dtype=str, comment="#").drop(columns="nombre_femmes")
    campagnes = comparer(sans_femmes, "plafond_100k", PERIOD, tax_benefit_system).campagnes
    assert campagnes[["part_femmes_campagne_reform", "objectif_part_femmes_reform"]].isna().all().all()
    assert campagnes["part_jeunes_neet_peu_qualifies_campagne_reform"].notna().all()
    page = client.get("/reformes?population=appel_2018&financement_amorcage.taux=90+%25").get_data(as_text=True)
    assert re.search(r"Part de jeunes NEET peu qualifiés</th>\s*<td[^>]*>non renseigné", page)
