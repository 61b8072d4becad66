"""The readings of the texts as switches: effects, ranges, robustness per training, explanations, command."""

import re
import warnings

import numpy
import pandas
import pytest
from openfisca_core.parameters import ParameterNode
from openfisca_core.reforms import Reform

from openfisca_gen import interpretations
from openfisca_gen.analyse import comparer
from openfisca_gen.cli import main
from openfisca_gen.explication import expliquer
from openfisca_gen.interpretations import COUT, LABELLISEES, Lectures, analyser_interpretations, interrupteurs
from openfisca_gen.population import DONNEES, POPULATION_EXEMPLE, POPULATIONS, lire_population
from openfisca_gen.rapports.libelles import OBJECTIFS_COURTS
from openfisca_gen.reforms import appliquer_reforme
from openfisca_gen.reforms.parametriques import ReformeDebordeWarning

PERIOD = POPULATIONS["appel_2015"]["periode"]


@pytest.fixture(scope="module")
def population(tax_benefit_system):
    return lire_population(tax_benefit_system, POPULATION_EXEMPLE)


@pytest.fixture(scope="module")
def analyse(tax_benefit_system, population):
    return analyser_interpretations(population, PERIOD, tax_benefit_system)


def formation(**valeurs) -> dict:
    """A training that meets every condition of the first call, with a recorded label, unless told otherwise."""
    return {
        "formation_id": "f",
        "date_depot_dossier": "2015-10-12",
        "metier_vise": "codeur",
        "formation_gratuite": True,
        "pedagogie_innovante": True,
        "duree_formation_mois": 6,
        "nombre_apprenants": 10,
        "nombre_femmes": 5,
        "nombre_jeunes_neet_peu_qualifies": 5,
        "budget_session": 20_000,
        "decision_comite_labellisation": "labellisee",
        **valeurs,
    }


def test_the_switches_are_read_from_the_parameter_tree(tax_benefit_system, analyse):
    noms = [p.name.removeprefix("interpretations.") for p in interrupteurs(tax_benefit_system)]
    assert {"duree_maximale_selon_le_ministre", "plafond_par_structure", "conditions.part_femmes_suffisante"} <= set(
        noms
    )
    assert list(analyse.effets.index) == noms
    assert analyse.interpretations.loc["duree_maximale_selon_le_ministre", "confidence"] == "disputed"
    assert not analyse.interpretations.loc["fabrique_par_formation", "default"]  # a fabrique is a place


def test_only_boolean_leaves_are_switches_and_every_dated_value_is_negated(tax_benefit_system):
    class essai(Reform):
        def apply(self):
            def ajouter(parametres):
                parametres.interpretations.add_child(
                    "essai",
                    ParameterNode(
                        "interpretations.essai",
                        data={
                            "nombre": {"values": {"2015-09-17": {"value": 3}}},
                            "bascule": {"values": {"2015-09-17": {"value": True}, "2018-04-05": {"value": False}}},
                        },
                    ),
                )
                return parametres

            self.modify_parameters(ajouter)

    systeme = essai(tax_benefit_system)
    lectures = Lectures(systeme)
    assert "essai.bascule" in lectures.noms and "essai.nombre" not in lectures.noms
    bascule = lectures.noms.index("essai.bascule")
    lectures.regler([i == bascule for i in range(len(lectures.noms))])
    parametres = lectures.systeme.parameters.interpretations.essai
    assert (parametres.bascule("2015-10-01"), parametres.bascule("2018-05-01")) == (False, True)
    assert systeme.parameters.interpretations.essai.bascule("2015-10-01")  # the system analysed is unchanged


def test_the_defaults_reproduce_the_rules(tax_benefit_system, population, analyse):
    resume = comparer(population, "plafond_100k", PERIOD, tax_benefit_system).resume()
    defauts = analyse.combinaisons.iloc[0]
    assert not defauts[[f"switched: {nom}" for nom in analyse.effets.index]].any()
    assert defauts[COUT] == resume.loc["financement_amorcage", "baseline"]
    assert abs(defauts[COUT] - 5_000_000) <= 500_000  # the record's « 5 millions », reproduced by the default
    labellisees = POPULATIONS["appel_2015"]["calibree_sur"]["nombre_formations_labellisees"]
    assert defauts[LABELLISEES] == resume.loc["labellisee", "baseline"] == labellisees


@pytest.mark.parametrize("nom", ["plafond_par_structure", "conditions.part_femmes_suffisante"])
def test_each_effect_is_that_of_the_switch_alone(tax_benefit_system, population, analyse, nom):
    parametre = f"interpretations.{nom}"
    defaut = analyse.interpretations.loc[nom, "default"]
    comparaison = comparer(population, {parametre: {"2015-09-17": not defaut}}, PERIOD, tax_benefit_system)
    resume, changements, effet = comparaison.resume(), comparaison.changements(), analyse.effets.loc[nom]
    assert effet[COUT] == pytest.approx(resume.loc["financement_amorcage", "difference"], abs=0.01)
    assert effet[LABELLISEES] == resume.loc["labellisee", "difference"]
    assert effet["eligibility_changes"] == (
        changements["trainings_losing_eligibility"] + changements["trainings_gaining_eligibility"]
    )
    assert effet["funding_changes"] == changements["winners"] + changements["losers"]
    assert effet[f"{COUT}_min"] <= effet[COUT] <= effet[f"{COUT}_max"]


def test_the_effects_name_the_readings_that_matter(tax_benefit_system, population, analyse):
    effets = analyse.effets
    par_formation = comparer(population, "plafond_par_formation", PERIOD, tax_benefit_system).resume()
    assert effets.loc["plafond_par_structure", COUT] == pytest.approx(  # per training: the other reading
        par_formation.loc["financement_amorcage", "difference"]
    )
    assert effets.loc["conditions.part_femmes_suffisante", "objectif_part_femmes"] == 1
    # a 2018 reading, a 2015 population: not combined, no effect
    assert not effets.loc["conditions_2015_maintenues_en_2018", "concerned"]
    assert (effets.loc["conditions_2015_maintenues_en_2018", [COUT, "eligibility_changes"]] == 0).all()
    assert effets.loc["plafond_par_structure", "concerned"]


def test_the_ranges_cover_every_combination(analyse):
    concernees = analyse.effets.index[analyse.effets["concerned"]]
    combinaisons, plages = analyse.combinaisons, analyse.plages
    # Every combination of the readings that concern the first call; the others stay at their default.
    assert not analyse.echantillon and len(combinaisons) == 2 ** len(concernees) < 2 ** len(analyse.effets)
    bascule = [f"switched: {nom}" for nom in concernees]  # whether switched, so named: not the reading's value
    assert not combinaisons[bascule].duplicated().any()
    assert not combinaisons[[f"switched: {nom}" for nom in analyse.effets.index.difference(concernees)]].any().any()
    assert combinaisons.loc[combinaisons[COUT].idxmax(), "switched: plafond_par_structure"]  # a ceiling per training
    assert (plages["min"] == combinaisons[plages.index].min()).all()
    assert (plages["max"] == combinaisons[plages.index].max()).all()
    assert ((plages["min"] <= plages["baseline"]) & (plages["baseline"] <= plages["max"])).all()
    # The most: a ceiling per training, and the 11 structures with common-law funding keeping their seed funding
    maximum = "financements_droit_commun_mettent_fin_a_l_amorcage, plafond_par_structure"
    assert plages.loc[COUT, "max_readings"] == maximum
    # The convention that an undecided eligible training counts as labelled is not a reading: some cost remains.
    assert 0 < plages.loc[COUT, "min"] < plages.loc[COUT, "baseline"] and plages.loc[COUT, "min_readings"]


def test_robustness_per_training_and_a_seeded_sample(tax_benefit_system):
    table = pandas.DataFrame(
        [
            formation(formation_id="simple"),
            formation(formation_id="longue", duree_formation_mois=20),
            formation(formation_id="payante", formation_gratuite=False),
            formation(formation_id="peu_de_femmes", nombre_femmes=1),
        ]
    )
    population = lire_population(tax_benefit_system, table)
    analyse = analyser_interpretations(population, PERIOD, tax_benefit_system, max_combinaisons=60, graine=1)
    k = len(analyse.effets)
    assert analyse.echantillon and 2**k > len(analyse.combinaisons) >= k + 1
    assert "a seeded sample" in analyse.texte()
    formations = analyse.formations
    assert formations["robustness"].to_dict() == {
        "simple": "always",
        "longue": "depends",
        "payante": "never",
        "peu_de_femmes": "depends",
    }
    assert formations.loc["longue", "depends_on"] == "duree_maximale_selon_le_ministre"
    assert formations.loc["peu_de_femmes", "depends_on"] == "conditions.part_femmes_suffisante"
    # The flat grant per structure (a reading since 0.7) gives each of these one-training structures 70 000 €.
    bornes = ["financement_amorcage_min", "financement_amorcage_max"]
    assert formations.loc["simple", bornes].tolist() == [10_000, 70_000]
    assert formations.loc["longue", bornes].tolist() == [0, 70_000]
    again = analyser_interpretations(population, PERIOD, tax_benefit_system, max_combinaisons=60, graine=1)
    pandas.testing.assert_frame_equal(again.combinaisons, analyse.combinaisons)


def test_explanations_name_the_readings_a_training_depends_on(tax_benefit_system):
    def situation(**valeurs):
        champs = formation(**valeurs)
        champs.pop("formation_id")
        return {nom: {PERIOD: valeur} for nom, valeur in champs.items()}

    explication = expliquer(
        tax_benefit_system,
        {"formations": {"longue": situation(duree_formation_mois=20), "simple": situation()}},
        PERIOD,
    )["formations"]
    # A first-call training below 70 000 € gets the whole 70 000 € under the flat grant per structure (0.7).
    forfait = "dotation_forfaitaire_par_structure"
    assert explication["longue"]["depends_on_interpretations"] == [forfait, "duree_maximale_selon_le_ministre"]
    assert explication["simple"]["depends_on_interpretations"] == [forfait]
    sans_decision = expliquer(
        tax_benefit_system, {"formations": {"f": situation(decision_comite_labellisation="non_rendue")}}, PERIOD
    )["formations"]["f"]
    assert sans_decision["depends_on_interpretations"] == [forfait]  # its label rests on a convention, not a reading


def test_the_command_prints_and_writes_its_tables(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(interpretations, "MAX_COMBINAISONS", 48)  # a sample keeps the test short
    assert main(["interpretations", "--out", str(tmp_path)]) == 0
    sortie = capsys.readouterr().out
    assert "interpretations, period 2016-02, 360 trainings (synthetic population of the first call (2015))" in sortie
    assert "Not combined, no effect here (they concern none of this population's calls):" in sortie
    assert "Effect of switching each reading alone" in sortie and "plafond_par_structure" in sortie
    assert sorted(chemin.name for chemin in tmp_path.glob("*.csv")) == sorted(interpretations.FICHIERS)
    for nom in ("interpretations", "effets", "plages", "formations", "combinaisons"):
        table = pandas.read_csv(tmp_path / f"{nom}.csv")
        assert not any(colonne.startswith("Unnamed") for colonne in table.columns)
    formations = pandas.read_csv(tmp_path / "formations.csv", index_col="formation_id")
    assert len(formations) == 360 and set(formations["robustness"]) <= {"always", "never", "depends"}
    assert (tmp_path / "tornade_cout.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_english_analysis_writes_a_switch_as_its_parameter_file_does(analyse):
    effets = analyse.texte("en").split("\n\n")[1]  # after the title
    ligne = next(ligne for ligne in effets.splitlines() if ligne.startswith("plafond_par_structure "))
    assert ligne.split()[1] == "true" and " false " in effets and not re.search(r"\b(True|False)\b", effets)


def test_the_counts_of_trainings_that_change_are_not_signed_as_differences(analyse):
    """« eligibility changes +246 » beside « trainings labelled −115 »: the + read as a gain of 246 eligible
    trainings, where 246 trainings change (all of them losing eligibility)."""
    effets = analyse.texte("en").split("\n\n")[1]
    ligne = next(ligne for ligne in effets.splitlines() if ligne.startswith("conditions.part_femmes_suffisante "))
    valeurs = ligne.split()[1:6]  # default, total cost, labelled, eligibility changes, funding changes
    attendu = analyse.effets.loc["conditions.part_femmes_suffisante", ["eligibility_changes", "funding_changes"]]
    assert valeurs[2].startswith("-") and valeurs[3:] == [str(int(v)) for v in attendu] and int(valeurs[3]) > 0


def test_the_command_refuses_bad_input(capsys):
    assert main(["interpretations", "--period", "2015"]) == 2
    assert "Variables are monthly" in capsys.readouterr().err


def test_the_analysis_in_french(analyse):
    texte = analyse.texte("fr")
    titre = f"{len(analyse.effets)} lectures des textes, période 2016-02, 360 formations (population synthétique du"
    assert texte.startswith(titre)
    assert "Effet de chaque lecture, appliquée seule" in texte and "coût total (€)" in texte
    # The tables' own names in French too, a switch's value as the reports write a yes or no (« vrai », « faux »
    # before 0.7.5), and every signed number with French's minus
    assert all(mot in texte for mot in ("lecture retenue", "indicateur", "lectures du min", " non ", " oui "))
    assert not re.search(r"\b(default|baseline|indicator|interpretation|min_readings|True|False|vrai|faux)\b", texte)
    assert "(defaults)" not in texte
    assert not re.search(r"(?<![\w.])-\d", texte)  # -115 was written with a hyphen beside −2 571 350
    # an objective by its name in words, not its key (« part_femmes +1 », « campagnes qui atteignent part_femmes »)
    assert "part de femmes +1" in texte and "campagnes qui atteignent part de femmes" in texte
    assert all(set(OBJECTIFS_COURTS[langue]) == set(interpretations.OBJECTIFS) for langue in ("en", "fr"))
    assert not re.search(r"\b(part_femmes|fabriques_premiere_vague|jeunes_formes_trois_ans)\b", texte)


@pytest.mark.parametrize(
    ("appels", "mois", "maximum"),
    [(("appel_2015",), "2016-02", None), (("appel_2015", "appel_2016"), "2017-03", 64)],
    ids=["every combination, in Gray-code order", "a sample, two calls"],
)
def test_each_combination_equals_a_fresh_simulation_of_its_readings(tax_benefit_system, appels, mois, maximum):
    """The analysis combines only the switches that can change anything here (the others are null wherever the
    formulas read them), visits the combinations so that consecutive ones differ by one switch, and recomputes
    only what the tracer saw depend on the switches that changed: every combination still equals the reform of
    its readings computed from scratch."""
    lire = lambda nom: pandas.read_csv(DONNEES / f"{nom}.csv", comment="#", dtype=str, keep_default_na=False)  # noqa: E731
    table = pandas.concat([lire(nom).iloc[:60:3] for nom in appels])
    population = lire_population(tax_benefit_system, table.reset_index(drop=True))
    analyse = analyser_interpretations(population, mois, tax_benefit_system, max_combinaisons=maximum, graine=3)
    switches = {p.name: p for p in interrupteurs(tax_benefit_system)}
    for rang in numpy.random.default_rng(0).choice(len(analyse.combinaisons), 8, replace=False):
        combinaison = analyse.combinaisons.iloc[rang]
        reforme = {
            f"interpretations.{nom}": {
                v.instant_str: None if v.value is None else v.value != bool(combinaison[f"switched: {nom}"])
                for v in switches[f"interpretations.{nom}"].values_list
            }
            for nom in analyse.effets.index
        }
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ReformeDebordeWarning)  # the readings' own scopes are kept
            reformee = appliquer_reforme(tax_benefit_system, reforme)
        simulation = population.simulation(reformee, mois)
        for indicateur in interpretations.INDICATEURS:
            valeurs = simulation.calculate(indicateur, mois)
            attendu = interpretations._atteint(valeurs).sum() if indicateur.startswith("objectif_") else valeurs.sum()
            if indicateur not in interpretations.PARTS:  # shares are pooled over campaigns; one campaign per call
                assert combinaison[indicateur] == pytest.approx(attendu), (rang, indicateur)


@pytest.mark.parametrize(
    ("nom", "mois"), [("appel_2015", "2018-12"), ("appel_2016", "2025-06"), ("appel_2018", "2018-12")]
)
def test_a_switch_left_out_of_the_combinations_changes_nothing(tax_benefit_system, nom, mois):
    """The switches `Lectures.pertinentes` leaves out (null on every day the formulas read them for these dossiers,
    whatever the month computed) change nothing when flipped alone: no training's result, no indicator."""
    table = pandas.read_csv(DONNEES / f"{nom}.csv", comment="#", dtype=str, keep_default_na=False).iloc[::6]
    population = lire_population(tax_benefit_system, table.reset_index(drop=True))
    simulation = population.simulation(tax_benefit_system, mois)
    lectures = Lectures(tax_benefit_system)
    exclues = [
        p for p, garde in zip(lectures.parametres, lectures.pertinentes(simulation, mois), strict=True) if not garde
    ]
    assert exclues  # a later call's readings, for these dossiers
    variables = (
        "eligible_labellisation",
        "labellisee",
        "financement_amorcage",
        "label_en_vigueur",
        *interpretations.INDICATEURS,
    )
    avant = {variable: simulation.calculate(variable, mois) for variable in variables}
    for parametre in exclues:
        contraire = {v.instant_str: None if v.value is None else not v.value for v in parametre.values_list}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ReformeDebordeWarning)
            reformee = appliquer_reforme(tax_benefit_system, {parametre.name: contraire})
        apres = population.simulation(reformee, mois)
        for variable in variables:
            numpy.testing.assert_array_equal(apres.calculate(variable, mois), avant[variable], err_msg=parametre.name)


@pytest.mark.parametrize(
    ("options", "attendu"),
    [({"max_combinaisons": 0}, "'max_combinaisons' expects a whole number of 1 or more, got 0"),
     ({"max_combinaisons": -1}, "got -1"), ({"max_combinaisons": 1.5}, "got 1.5"),
     ({"max_combinaisons": True}, "got true"),
     ({"max_combinaisons": "3"}, "got '3'"), ({"graine": "x"}, "'graine' expects a whole number of 0 or more, got 'x'"),
     ({"graine": -2}, "got -2")],
)  # fmt: skip
def test_the_size_of_the_sample_and_its_seed_are_checked(tax_benefit_system, options, attendu):
    """0 took every combination, -1, 1.5 and True ten of them without a word, "3" and a seed "x" a TypeError."""
    from openfisca_gen.validation import EntreeInvalideError

    population = lire_population(tax_benefit_system, POPULATION_EXEMPLE)
    with pytest.raises(EntreeInvalideError, match=re.escape(attendu)):
        analyser_interpretations(population, PERIOD, tax_benefit_system, **options)


def test_a_seed_of_none_draws_the_sample_at_random(tax_benefit_system):
    analyse = analyser_interpretations("appel_2015", PERIOD, tax_benefit_system, max_combinaisons=8, graine=None)
    assert analyse.echantillon and len(analyse.combinaisons) < 2**9  # a sample, at least each switch alone
