"""The model from Python: the bundled examples, many trainings at once, and properties of the funding rule."""

import numpy
import pandas
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_gen.simulation import construire_simulation
from openfisca_gen.situation_examples import campagne_deux_structures, formation_eligible
from openfisca_gen.validation import SituationInvalideError, valider_situation

PERIOD = "2015-10"


def simulation_of(tax_benefit_system, situation):
    return SimulationBuilder().build_from_entities(tax_benefit_system, situation)


def campaign(tax_benefit_system, count, **inputs):
    """`count` trainings of one campaign and one structure, inputs set as whole arrays."""
    builder = SimulationBuilder()
    builder.create_entities(tax_benefit_system)
    builder.declare_person_entity("formation", [f"f{i}" for i in range(count)])
    for key in ("structure", "campagne"):
        group = builder.declare_entity(key, [key])
        builder.join_with_persons(group, [key] * count, ["formation"] * count)
    simulation = builder.build(tax_benefit_system)
    defaults = {
        "date_depot_dossier": numpy.full(count, numpy.datetime64("2015-10-01")),
        "metier_vise": numpy.full(count, "codeur"),
        "formation_gratuite": numpy.ones(count, bool),
        "pedagogie_innovante": numpy.ones(count, bool),
        "duree_formation_mois": numpy.full(count, 6.0),
    }
    for name, values in {**defaults, **inputs}.items():
        simulation.set_input(name, PERIOD, values)
    return simulation


def test_the_eligible_example_is_eligible_and_funded(tax_benefit_system):
    simulation = simulation_of(tax_benefit_system, formation_eligible)
    assert simulation.calculate("eligible_labellisation", PERIOD).tolist() == [True]
    assert simulation.calculate("financement_amorcage", PERIOD).tolist() == [45000]  # 50 % x 90 000, one session


def test_the_campaign_example(tax_benefit_system):
    simulation = simulation_of(tax_benefit_system, campagne_deux_structures)
    # The first call's ceiling caps a structure's total (0.7): its two trainings of 50 000 € share 70 000 €.
    assert simulation.calculate("financement_amorcage", PERIOD).tolist() == [35000, 35000, 0]
    assert simulation.calculate("financement_amorcage_structure", PERIOD).tolist() == [70000, 0]
    assert simulation.calculate("nombre_formations_labellisees", PERIOD).tolist() == [2]
    assert simulation.calculate("part_femmes_campagne", PERIOD) == pytest.approx(0.3)
    assert simulation.calculate("objectif_femmes_atteint", PERIOD).tolist() == [True]
    assert simulation.calculate("objectif_jeunes_neet_peu_qualifies_atteint", PERIOD).tolist() == [True]


@pytest.mark.parametrize(("count", "met"), [(49, False), (50, True)])
def test_first_wave_objective_of_50_fabriques(tax_benefit_system, count, met):
    # A fabrique is a place: the trainings of one structure run on `count` sites.
    simulation = campaign(tax_benefit_system, count, lieu_formation=numpy.array([f"site {i}" for i in range(count)]))
    assert simulation.calculate("nombre_formations_labellisees", PERIOD).tolist() == [count]
    statut = simulation.calculate("objectif_fabriques_premiere_vague", PERIOD).decode_to_str().tolist()
    assert statut == ["atteint" if met else "non_atteint"]


@pytest.mark.parametrize(("learners", "met"), [(2499, False), (2500, True)])
def test_first_wave_objective_of_2500_learners(tax_benefit_system, learners, met):
    per_training = numpy.full(50, learners // 50)
    per_training[0] += learners % 50
    simulation = campaign(tax_benefit_system, 50, nombre_apprenants=per_training)
    assert simulation.calculate("nombre_apprenants_campagne", PERIOD).tolist() == [learners]
    statut = simulation.calculate("objectif_jeunes_formes_premiere_vague", PERIOD).decode_to_str().tolist()
    assert statut == ["atteint" if met else "non_atteint"]


def test_thousands_of_trainings_match_the_rule_written_in_numpy(tax_benefit_system):
    generator = numpy.random.default_rng(2015)
    count = 20_000
    duree = generator.uniform(1, 30, count).round(1)
    budget = generator.uniform(0, 300_000, count).round(0)
    simulation = campaign(tax_benefit_system, count, duree_formation_mois=duree, budget_session=budget)
    eligible = (duree >= 3) & (duree <= 24)
    expected = numpy.where(eligible, 0.5 * budget * numpy.where(duree >= 6, 1, 2), 0)
    expected *= min(1, 70_000 / expected.sum())  # one structure: the first call's ceiling caps its total (0.7)
    numpy.testing.assert_allclose(simulation.calculate("financement_amorcage", PERIOD), expected, rtol=1e-6)
    total = simulation.calculate("cout_financement_amorcage_campagne", PERIOD)[0]
    assert total == pytest.approx(expected.sum(), rel=1e-6)


@given(
    duree=st.floats(min_value=0, max_value=40, allow_nan=False),
    budget=st.floats(min_value=0, max_value=1e7, allow_nan=False),
)
@example(duree=3.0, budget=8471147.754490724)  # funded 70 000,00000000001 € until 0.7.5: amount x (70 000 / amount)
@example(duree=3.0, budget=70000.31725800503)  # a sum of one amount is never snapped to the millionth
def test_funding_is_bounded_by_the_ceiling_and_half_of_two_sessions(tax_benefit_system, duree, budget):
    simulation = campaign(tax_benefit_system, 1, duree_formation_mois=[duree], budget_session=[budget])
    montant = float(simulation.calculate("financement_amorcage", PERIOD)[0])
    assert 0 <= montant <= 70_000
    assert montant <= budget * 1.0000001  # at most 50 % of two sessions
    if montant > 0:
        assert 3 <= duree <= 24


def test_more_budget_never_means_less_funding(tax_benefit_system):
    budgets = numpy.linspace(0, 400_000, 4001)
    for duree in (4.0, 6.0):
        simulation = campaign(
            tax_benefit_system,
            budgets.size,
            duree_formation_mois=numpy.full(budgets.size, duree),
            budget_session=budgets,
        )
        assert numpy.all(numpy.diff(simulation.calculate("financement_amorcage", PERIOD)) >= 0)


def test_construire_simulation_checks_the_situation_as_the_web_server_does(tax_benefit_system):
    simulation = construire_simulation(tax_benefit_system, formation_eligible)
    assert simulation.calculate("financement_amorcage", PERIOD).tolist() == [45000]
    mauvaise = {"formations": {"f": {"nombre_apprenants": {PERIOD: 2.5}, "budget_session": {PERIOD: -1}}}}
    with pytest.raises(SituationInvalideError) as erreur:
        construire_simulation(tax_benefit_system, mauvaise)
    assert erreur.value.erreurs == [
        "formation 'f', field 'nombre_apprenants' (2015-10): expects a whole number within ±2147483647, got 2.5",
        "formation 'f', field 'budget_session' (2015-10): must be >= 0, got -1",
    ]


@pytest.fixture(scope="module")
def rapports(tax_benefit_system):
    """A comparison and a readings' analysis of the bundled first call, as an analyst builds them in Python."""
    from openfisca_gen.analyse import comparer
    from openfisca_gen.interpretations import analyser_interpretations
    from openfisca_gen.population import lire_population

    population = lire_population(tax_benefit_system, "appel_2015")
    return (
        population,
        comparer(population, "plafond_100k", "2016-02", tax_benefit_system),
        analyser_interpretations(population, "2016-02", tax_benefit_system, max_combinaisons=8),
    )


def test_the_reports_name_a_wrong_argument_instead_of_raising_pythons_error(tax_benefit_system, rapports, tmp_path):
    """Each used to raise a bare TypeError, KeyError, FileExistsError or AttributeError (or, for -1, an empty
    table), naming nothing."""
    from openfisca_gen.analyse import comparer
    from openfisca_gen.validation import EntreeInvalideError

    population, comparaison, interpretations = rapports
    fichier = tmp_path / "rapport"
    fichier.write_text("", encoding="utf-8")
    for appel, message in [
        (lambda: comparaison.extremes(1.5), "'nombre' expects a whole number of 1 or more, got 1.5"),
        (lambda: comparaison.extremes(-1), "'nombre' expects a whole number of 1 or more, got -1"),
        (lambda: comparaison.texte("de"), "Reports are written in en, fr, not 'de'"),
        (lambda: interpretations.texte("de"), "Reports are written in en, fr, not 'de'"),
        (lambda: comparaison.ecrire(fichier), "is a file; give a folder"),
        (lambda: interpretations.ecrire(fichier), "is a file; give a folder"),
        (lambda: comparer(population, tax_benefit_system, "2016-02"), "The reform changes nothing"),
    ]:
        with pytest.raises(EntreeInvalideError, match=message):
            appel()
    assert len(comparaison.extremes(2)[0]) == 2


def test_the_names_moved_in_0_7_3_still_import_from_where_they_were():
    import openfisca_gen.cli
    import openfisca_gen.interpretations
    import openfisca_gen.reforms.parametriques
    from openfisca_gen.rapports.libelles import LECTURES
    from openfisca_gen.reforms import lire_reforme
    from openfisca_gen.validation.sorties import dossier_de_sortie

    for module, nom, nouveau in [
        (openfisca_gen.cli, "dossier_de_sortie", dossier_de_sortie),
        (openfisca_gen.interpretations, "TEXTES", LECTURES),
        (openfisca_gen.reforms.parametriques, "lire_reforme", lire_reforme),
    ]:
        with pytest.warns(DeprecationWarning, match=f"{module.__name__}.{nom} moved to"):
            assert getattr(module, nom) is nouveau


def test_the_languages_accepted_are_those_the_reports_write():
    from openfisca_gen.rapports.graphiques import TEXTES
    from openfisca_gen.rapports.libelles import LECTURES, TITRES
    from openfisca_gen.validation.sorties import LANGUES

    assert set(LANGUES) == set(TITRES) == set(LECTURES) == set(TEXTES)


@pytest.mark.parametrize(
    ("situation", "champ", "debut"),
    [
        ({"formations": {"f": {"budjet_session": {PERIOD: 1}}}}, "budjet_session",
         "formation 'f', field 'budjet_session': unknown variable; did you mean budget_session?"),
        ({"formations": {"f": {"financement_amorcage_structure": {PERIOD: 1}}}}, "financement_amorcage_structure",
         "formation 'f', field 'financement_amorcage_structure': is a variable of each structure: give it under "
         "'structures'"),
        ({"structures": {"s": {}}}, "formations", "'formations' holds no training: a situation gives at least one"),
    ],
)  # fmt: skip
def test_a_situation_refused_is_the_one_error_type_at_its_field(tax_benefit_system, situation, champ, debut):
    """An unknown variable, one of another entity, no training: OpenFisca's builder judged them, in its words,
    the first alone; the validation names them, each problem at its field, in the one error type (Python got
    SituationParsingError)."""
    from openfisca_gen.explication import expliquer

    for construire in (construire_simulation, lambda systeme, s: expliquer(systeme, s, PERIOD)):
        with pytest.raises(SituationInvalideError) as erreur:
            construire(tax_benefit_system, situation)
        [probleme] = erreur.value.problemes
        assert probleme.champ == champ and str(erreur.value).startswith(debut)


def test_unknown_variables_and_another_entitys_are_named_with_every_other_problem(tax_benefit_system):
    """valider_situation answered [] for an unknown variable (OpenFisca's builder named it later, alone), and one
    problem of each kind came out per try: a bad value, then the unknown variable, then another entity's."""
    situation = {"formations": {"f": {"budget_sesion": {"ETERNITY": 5}, "nombre_apprenants": {"ETERNITY": 2.5}},
                                "g": {"statut_structure": {"ETERNITY": "association"}}}}  # fmt: skip
    with pytest.raises(SituationInvalideError) as erreur:
        construire_simulation(tax_benefit_system, situation)
    attendus = {("f", "budget_sesion", "variable_inconnue"), ("f", "nombre_apprenants", "entier_attendu"),
                ("g", "statut_structure", "variable_d_une_autre_entite")}  # fmt: skip
    assert {(p.id, p.champ, p.cle) for p in erreur.value.problemes} == attendus
    assert valider_situation(tax_benefit_system, situation) == erreur.value.erreurs
    assert "unknown variable; did you mean budget_session?" in erreur.value.erreurs[0]


NOMS = st.sampled_from(["budget_session", "nombre_apprenants", "date_depot_dossier", "metier_vise", "budjet", ""])
VALEURS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)
PERIODES = st.sampled_from([PERIOD, "2015", "ETERNITY", "2015-10-01", "month:2015-10:2", "x"])


@given(
    st.dictionaries(
        st.sampled_from(["formations", "structures", "campagnes", "personnes"]),
        st.dictionaries(st.text(max_size=3), st.dictionaries(NOMS, st.dictionaries(PERIODES, VALEURS, max_size=2))
                        | VALEURS, max_size=2),
        max_size=3,
    )
)  # fmt: skip
def test_any_situation_builds_or_is_refused_with_the_one_error_type(tax_benefit_system, situation):
    """Python's entry point never lets OpenFisca's or Python's own exception through."""
    from openfisca_gen.validation import EntreeInvalideError

    try:
        simulation = construire_simulation(tax_benefit_system, situation)
    except EntreeInvalideError as erreur:
        assert erreur.problemes and all(probleme.en() for probleme in erreur.problemes)
    else:
        assert len(simulation.persons.ids) == len(situation["formations"])


def test_the_analyses_take_what_lire_population_reads_and_refuse_the_rest(tax_benefit_system):
    """`comparer("appel_2015", …)` or a DataFrame raised AttributeError ('str' object has no attribute
    'simulation'): a name, a path or a DataFrame is read as `lire_population` reads it, anything else refused."""
    from openfisca_gen.analyse import balayer, comparer
    from openfisca_gen.interpretations import analyser_interpretations
    from openfisca_gen.population import DONNEES, lire_population
    from openfisca_gen.validation import DonneesInvalidesError

    lue = lire_population(tax_benefit_system, "appel_2015")
    par_nom = comparer("appel_2015", "plafond_100k", "2016-02", tax_benefit_system)
    table = pandas.read_csv(DONNEES / "appel_2015.csv", comment="#")
    par_table = comparer(table, "plafond_100k", "2016-02", tax_benefit_system)
    assert par_nom.formations.equals(comparer(lue, "plafond_100k", "2016-02", tax_benefit_system).formations)
    assert par_table.difference.sum() == par_nom.difference.sum() > 0
    assert len(balayer("appel_2015", "financement_amorcage.plafond", [6e4, 7e4], "2016-02", tax_benefit_system)) == 2
    assert analyser_interpretations("appel_2015", "2016-02", tax_benefit_system, max_combinaisons=2).formations.size
    for analyse in (
        lambda p: comparer(p, "plafond_100k", "2016-02", tax_benefit_system),
        lambda p: balayer(p, "financement_amorcage.plafond", [6e4, 7e4], "2016-02", tax_benefit_system),
        lambda p: analyser_interpretations(p, "2016-02", tax_benefit_system),
    ):
        with pytest.raises(DonneesInvalidesError, match="A population is a bundled population's name"):
            analyse(None)


@pytest.mark.parametrize("regles", ["plafond_100k", None, 123, {}])
def test_the_rules_expected_and_something_else_given_is_refused_by_name(regles):
    """construire_simulation, expliquer, valider_situation and analyser_interpretations crashed (AttributeError)
    given a reform's name or nothing where the rules are expected; {} passed for the law."""
    from openfisca_gen.explication import expliquer
    from openfisca_gen.interpretations import analyser_interpretations
    from openfisca_gen.validation import EntreeInvalideError

    situation = {"formations": {"f": {"budget_session": {"ETERNITY": 1}}}}
    appels = [lambda: construire_simulation(regles, situation), lambda: valider_situation(regles, situation),
              lambda: expliquer(regles, situation, "2016-02")]  # fmt: skip
    if regles is not None:  # None is the law's default there
        appels.append(lambda: analyser_interpretations("appel_2015", "2016-02", regles))
    for appel in appels:
        with pytest.raises(EntreeInvalideError, match="Expects the rules to compute under"):
            appel()


def test_a_breakdown_keeps_the_trainings_of_a_missing_label():
    """Comparaison.par dropped the trainings whose group is missing (NaN): 5 trainings and their gain vanished."""
    import numpy
    import pandas

    from openfisca_gen.analyse import comparer

    comparaison = comparer("appel_2015", "plafond_100k", "2016-02")
    groupes = pandas.Series("x", index=comparaison.formations.index, dtype=object)
    groupes.iloc[:5] = numpy.nan
    table = comparaison.par(groupes)
    assert table["trainings"].tolist() == [len(groupes) - 5, 5]
    assert table["difference"].sum() == pytest.approx(comparaison.resume().loc["financement_amorcage", "difference"])


def test_tables_of_no_variable_are_refused(tax_benefit_system):
    """Population.tables(simulation, [], month) answered the ids alone, where the command line and /compare refuse
    an empty list."""
    from openfisca_gen.population import lire_population
    from openfisca_gen.validation import EntreeInvalideError

    population = lire_population(tax_benefit_system, "appel_2015")
    simulation = population.simulation(tax_benefit_system, "2016-02")
    with pytest.raises(EntreeInvalideError, match="'variables' names no variable: give at least one"):
        population.tables(simulation, [], "2016-02")
