"""Invariants of the law over random populations, in random months from 2015-07 to 2030-12 (hypothesis).

For every training: a label needs eligibility; funding needs a label; only a
funded training is limited by the ceiling; before the first call nothing is
labelled, paid or counted; every share lies in [0, 1] and nothing is NaN; and
a dossier's eligibility and funding, like a campaign's totals, envelope and
objectives, do not depend on the later month computed.
"""

import itertools
import random

import numpy
import pandas
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openfisca_core import periods
from openfisca_core.reforms import Reform
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_gen.population import lire_population
from openfisca_gen.reforms import appliquer_reforme
from openfisca_gen.variables.labellisation import DecisionComite, MetierVise, StatutStructure

MOIS = [
    f"{annee}-{mois:02d}" for annee in range(2015, 2031) for mois in range(1, 13) if f"{annee}-{mois:02d}" >= "2015-07"
]
DERNIER_MOIS = MOIS[-1]
STATUTS = [statut.name for statut in StatutStructure]
FORMATION = ("eligible_labellisation", "labellisee", "financement_amorcage", "financement_amorcage_plafonne")
PARTS = ("part_femmes", "part_jeunes_neet_peu_qualifies", "part_residents_qpv", "part_residents_zrr")
CAMPAGNE = ("nombre_formations_labellisees", "nombre_apprenants_campagne", "cout_financement_amorcage_campagne")
COMPTES_CAMPAGNE = (  # from the largest to the smallest, by construction
    "nombre_formations_labellisees",
    "nombre_fabriques_labellisees",
    "nombre_structures_labellisees",
    "nombre_structures_financees",
)
# What a campaign is judged by: its own call's envelope and objectives, whatever the month.
JUGEMENT_CAMPAGNE = (
    "appel_de_la_campagne",
    "nombre_fabriques_labellisees",
    "financement_amorcage_dans_l_enveloppe",
    "depassement_enveloppe_financement_amorcage",
    "objectif_femmes_atteint",
    "objectif_fabriques_premiere_vague",
    "objectif_jeunes_formes_premiere_vague",
    "objectif_fabriques_trois_ans",
    "objectif_demandeurs_emploi_peu_qualifies",
)
PARTS_CAMPAGNE = ("part_femmes_campagne", "part_jeunes_neet_peu_qualifies_campagne")

# A campaign is judged under one call: each campaign's dossiers are filed around one call's window (or outside
# every window); the entry points refuse a campaign that mixes calls.
CAMPAGNES = {"k1": ("2015-06-01", "2016-06-30"), "k2": ("2016-07-01", "2017-12-31"), "k3": ("2018-01-01", "2030-12-31")}
ligne = st.sampled_from(sorted(CAMPAGNES)).flatmap(
    lambda campagne: st.fixed_dictionaries(
        {
            "structure": st.integers(0, 3),
            "campagne_id": st.just(campagne),
            "date_depot_dossier": st.dates(*(numpy.datetime64(jour).item() for jour in CAMPAGNES[campagne])),
            "metier_vise": st.sampled_from([metier.name for metier in MetierVise]),
            "formation_gratuite": st.booleans(),
            "pedagogie_innovante": st.booleans(),
            "prerequis_academiques_exiges": st.booleans(),
            "financements_droit_commun_obtenus": st.booleans(),
            "labellisee_lors_d_un_appel_precedent": st.booleans(),
            "decision_comite_labellisation": st.sampled_from([decision.name for decision in DecisionComite]),
            "lieu_formation": st.sampled_from(["", "Paris", "Lyon"]),
            "duree_formation_mois": st.floats(0.5, 30, allow_nan=False),
            "budget_session": st.floats(0, 1e9, allow_nan=False),
            "nombre_apprenants": st.integers(0, 40),
            "parts": st.tuples(*[st.floats(0, 1)] * 5),
        }
    )
)


def population(tax_benefit_system, lignes):
    table = pandas.DataFrame(lignes)
    apprenants = table.pop("nombre_apprenants")
    parts = numpy.array(table.pop("parts").tolist())
    comptes = ("nombre_femmes", "nombre_jeunes_neet_peu_qualifies", "nombre_residents_qpv")
    for i, nom in enumerate((*comptes, "nombre_residents_zrr", "nombre_demandeurs_emploi_peu_qualifies")):
        table[nom] = numpy.floor(parts[:, i] * apprenants).astype(int)
    table["nombre_apprenants"] = apprenants
    structure = table.pop("structure")
    table["structure_id"] = "s" + structure.astype(str)
    table["statut_structure"] = [STATUTS[s] for s in structure]  # one status per structure
    table["date_depot_dossier"] = table["date_depot_dossier"].astype(str)
    table.insert(0, "formation_id", [f"f{i}" for i in range(len(table))])
    return lire_population(tax_benefit_system, table)


def resultats(tax_benefit_system, pop, mois):
    simulation = pop.simulation(tax_benefit_system, mois)
    return simulation, {nom: simulation.calculate(nom, mois) for nom in FORMATION + PARTS + CAMPAGNE + PARTS_CAMPAGNE}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lignes=st.lists(ligne, min_size=1, max_size=12), mois=st.sampled_from(MOIS))
def test_the_invariants_of_the_law_hold_for_every_training(tax_benefit_system, lignes, mois):
    pop = population(tax_benefit_system, lignes)
    simulation, r = resultats(tax_benefit_system, pop, mois)
    assert not numpy.any(r["labellisee"] & ~r["eligible_labellisation"]), "a label without eligibility"
    finance = r["financement_amorcage"] > 0
    assert not numpy.any(finance & ~r["labellisee"]), "funding without a label"
    assert not numpy.any(r["financement_amorcage_plafonne"] & ~finance), "an unfunded training at the ceiling"
    assert numpy.all(r["financement_amorcage"] >= 0)
    for nom in PARTS + PARTS_CAMPAGNE:
        assert numpy.all((r[nom] >= 0) & (r[nom] <= 1)), f"{nom} outside [0, 1]"
    for nom, valeurs in r.items():
        assert not numpy.any(numpy.isnan(valeurs.astype(float))), f"{nom} is NaN"
    if mois < "2015-09":
        assert not r["labellisee"].any()
        assert all(not r[nom].any() for nom in CAMPAGNE), "something counted before the first call"
    cout = simulation.calculate("cout_financement_amorcage_campagne", mois)
    # Each campaign's cost is its trainings' funding summed, to the millionth of a euro (helpers.au_millionieme)
    assert cout.sum() == pytest.approx(r["financement_amorcage"].sum(), rel=1e-12, abs=1e-6 * len(cout))
    # Each funded structure is labelled, each labelled one has a fabrique, each fabrique a labelled training.
    comptes = [simulation.calculate(nom, mois) for nom in COMPTES_CAMPAGNE]
    assert all(numpy.all(grand >= petit) for grand, petit in itertools.pairwise(comptes))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lignes=st.lists(ligne, min_size=1, max_size=12), mois=st.sampled_from(MOIS))
def test_a_dossier_gets_the_same_answer_in_every_later_month(tax_benefit_system, lignes, mois):
    pop = population(tax_benefit_system, lignes)
    simulation, r = resultats(tax_benefit_system, pop, mois)
    tard, r_tard = resultats(tax_benefit_system, pop, DERNIER_MOIS)
    appel = simulation.calculate("appel_du_dossier", mois)
    assert numpy.array_equal(appel[appel > 0], tard.calculate("appel_du_dossier", DERNIER_MOIS)[appel > 0])
    for nom in ("eligible_labellisation", "labellisee", "financement_amorcage"):
        assert numpy.array_equal(r[nom][appel > 0], r_tard[nom][appel > 0]), nom
    # A campaign whose dossiers answer the same calls in both months is judged the same in both.
    campagnes = simulation.populations["campagne"]
    memes_appels = campagnes.all(appel == tard.calculate("appel_du_dossier", DERNIER_MOIS))
    for nom in CAMPAGNE + JUGEMENT_CAMPAGNE:
        valeurs, tardives = simulation.calculate(nom, mois), tard.calculate(nom, DERNIER_MOIS)
        assert numpy.array_equal(valeurs[memes_appels], tardives[memes_appels]), nom


@pytest.mark.parametrize(
    ("debut", "fin", "dans_la_vague"),
    [
        ("2015-10-19", "2015-11-30", True),  # the wave opens on the first call's cut-off
        ("2015-10-20", "2015-11-30", False),
        ("2015-10-01", "2015-10-19", True),  # … or closes on it
        ("2015-10-01", "2015-10-18", False),
    ],
)
def test_the_first_wave_includes_both_of_its_days(tax_benefit_system, debut, fin, dans_la_vague):
    vague = {
        "objectifs.premiere_vague.debut": {"2015-09-17": debut},
        "objectifs.premiere_vague.fin": {"2015-09-17": fin},
    }
    dossier = {"date_depot_dossier": "2015-10-12", "metier_vise": "codeur", "formation_gratuite": True,
               "pedagogie_innovante": True, "duree_formation_mois": 6, "budget_session": 100_000}  # fmt: skip
    situation = {"formations": {"f": {nom: {"ETERNITY": valeur} for nom, valeur in dossier.items()}}}
    simulation = SimulationBuilder().build_from_entities(appliquer_reforme(tax_benefit_system, vague), situation)
    assert simulation.calculate("labellisee", "2016-09").tolist() == [True]
    assert simulation.calculate("labellisee_premiere_vague", "2016-09").tolist() == [dans_la_vague]
    fabriques = simulation.calculate("nombre_fabriques_labellisees_premiere_vague", "2016-09").tolist()
    assert fabriques == [int(dans_la_vague)]


@pytest.mark.parametrize(
    ("duree", "minimum", "eligible"),
    [(1e-50, 1e-50, True), (1e-50, 2e-50, False), (5.9999999, 6, False), (24.0000001, 24.0000001, True)],
)
def test_a_duration_keeps_float64_precision_through_its_thresholds(tax_benefit_system, duree, minimum, eligible):
    """Issue 17, item 8: in float32, 1e-50 is 0 and falls below a minimum of 1e-50; 5.9999999 is 6."""

    class bornes(Reform):  # a fractional minimum, which the reform validator (whole months) would refuse
        def apply(self):
            def regler(parametres):
                duree_formation = parametres.labellisation.duree_formation
                duree_formation.minimum_mois.update(period=periods.period("month:2015-09:12"), value=minimum)
                duree_formation.maximum_mois.update(period=periods.period("month:2015-09:12"), value=30)
                return parametres

            self.modify_parameters(regler)

    dossier = {"date_depot_dossier": "2015-10-12", "duree_formation_mois": duree}
    situation = {"formations": {"f": {nom: {"ETERNITY": valeur} for nom, valeur in dossier.items()}}}
    simulation = SimulationBuilder().build_from_entities(bornes(tax_benefit_system), situation)
    assert simulation.calculate("duree_formation_mois", "2015-10").tolist() == [duree]
    assert simulation.calculate("duree_formation_eligible", "2015-10").tolist() == [eligible]


@pytest.mark.parametrize(("fabriques", "statut"), [(199, "non_atteint"), (200, "atteint")])
def test_the_three_year_objective_is_met_at_200_fabriques(tax_benefit_system, fabriques, statut):
    """« Sous trois ans : 200 fabriques » (restated by the second call): 200 places, each its own structure."""
    table = pandas.DataFrame(
        {
            "date_depot_dossier": "2016-09-01",
            "metier_vise": "codeur",
            "formation_gratuite": True,
            "pedagogie_innovante": True,
            "duree_formation_mois": 6,
            "budget_session": 1000.0,
            "lieu_formation": [f"site {i}" for i in range(fabriques)],
        }
    )
    table["campagne_id"] = "appel_2016"
    simulation = lire_population(tax_benefit_system, table).simulation(tax_benefit_system, "2016-10")
    assert simulation.calculate("nombre_fabriques_labellisees", "2016-10").tolist() == [fabriques]
    assert simulation.calculate("objectif_fabriques_trois_ans", "2016-10").decode()[0].name == statut


@pytest.mark.parametrize(("projets", "dans_l_enveloppe"), [(100, True), (101, False)])
def test_the_innovation_call_envelope_holds_100_projects_at_the_maximum(tax_benefit_system, projets, dans_l_enveloppe):
    """4 M€ (« La dotation de cet appel s’élève à 4 millions d’euros. ») is 100 projects of 40 000 €, exactly."""
    table = pandas.DataFrame(
        {"montant_projet_innovation": [40_000.0] * projets, "date_depot_projet_innovation": ["2021-09-01"] * projets}
    )
    table["campagne_id"] = "innovation"
    simulation = lire_population(tax_benefit_system, table).simulation(tax_benefit_system, "2021-10")
    assert simulation.calculate("montant_projets_innovation_campagne", "2021-10").tolist() == [40_000 * projets]
    assert simulation.calculate("projets_innovation_dans_l_enveloppe", "2021-10").tolist() == [dans_l_enveloppe]


# The programme's whole life: every variable computes, without error, in every month from 2015-01 to 2030-12.
TOUS_LES_MOIS = [f"{annee}-{mois:02d}" for annee in range(2015, 2031) for mois in range(1, 13)]
UNE_PETITE_POPULATION = pandas.DataFrame(
    {
        "formation_id": ["avant", "appel_1", "appel_2", "appel_3", "apres", "innovation"],
        "structure_id": ["s1", "s1", "s1", "s2", "s2", "s3"],
        "date_depot_dossier": ["2015-06-01", "2015-10-12", "2016-09-01", "2018-05-02", "2022-03-01", "1970-01-01"],
        "metier_vise": "codeur",
        "formation_gratuite": True,
        "pedagogie_innovante": True,
        "duree_formation_mois": [4.0, 6.0, 5.5, 8.0, 12.0, 3.0],
        "budget_session": [50_000.0, 200_000.0, 90_000.0, 60_000.0, 40_000.0, 0.0],
        "nombre_apprenants": 12,
        "nombre_femmes": 4,
        "nombre_demandeurs_emploi_peu_qualifies": 10,
        "lieu_formation": ["", "Paris", "Lyon", "", "", ""],
        "labellisee_lors_d_un_appel_precedent": [False, False, True, False, False, False],
        "decision_comite_labellisation": [
            "non_rendue",
            "labellisee",
            "non_rendue",
            "labellisee",
            "refusee",
            "non_rendue",
        ],
        "date_decision_comite": ["1970-01-01", "2016-02-03", "1970-01-01", "2022-09-01", "1970-01-01", "1970-01-01"],
        "date_debut_formation": ["1970-01-01", "2016-03-01", "1970-01-01", "2025-01-08", "1970-01-01", "1970-01-01"],
        "montant_projet_innovation": [0.0, 0.0, 0.0, 0.0, 0.0, 25_000.0],
        "date_depot_projet_innovation": ["1970-01-01"] * 5 + ["2021-09-01"],
    }
)


@pytest.mark.parametrize("annee", range(2015, 2031))
def test_every_variable_computes_in_every_month_of_the_programme_and_after(tax_benefit_system, annee):
    table = UNE_PETITE_POPULATION.assign(campagne_id=["k0", "k1", "k2", "k3", "k0", "k0"])
    pop = lire_population(tax_benefit_system, table)
    for mois in (m for m in TOUS_LES_MOIS if m.startswith(str(annee))):
        simulation = pop.simulation(tax_benefit_system, mois)
        for nom, variable in tax_benefit_system.variables.items():
            valeurs = simulation.calculate(nom, mois if variable.definition_period == "month" else "eternity")
            if numpy.issubdtype(numpy.asarray(valeurs).dtype, numpy.floating):
                assert not numpy.isnan(valeurs).any(), (nom, mois)
        etat = simulation.calculate("etat_programme", mois).decode_to_str()
        assert len(set(etat)) == 1, (mois, etat)  # the programme's state, the same for every training


def test_a_second_wave_given_by_a_reform_is_a_window_of_the_third_call(tax_benefit_system):
    """The 2018 second wave is unknown (null): a dossier of September 2018 answers no call. Given both its dates,
    a reform opens a second window of the third call, under its rules, examined at the wave's deadline."""
    vague = {
        "calendrier.seconde_vague.date_ouverture": {"2018-04-05": "2018-09-03"},
        "calendrier.seconde_vague.date_limite_depot": {"2018-04-05": "2018-10-15"},
    }
    depots = {"entre_les_vagues": "2018-08-10", "ouverture": "2018-09-03", "limite": "2018-10-15", "tard": "2018-10-16"}
    situation = {"formations": {nom: {"date_depot_dossier": {"ETERNITY": jour}} for nom, jour in depots.items()}}
    sans, avec = (
        SimulationBuilder().build_from_entities(systeme, situation)
        for systeme in (tax_benefit_system, appliquer_reforme(tax_benefit_system, vague))
    )
    assert sans.calculate("appel_du_dossier", "2018-11").tolist() == [0, 0, 0, 0]
    assert avec.calculate("appel_du_dossier", "2018-11").tolist() == [0, 3, 3, 0]
    assert str(avec.calculate("date_releve_candidatures", "2018-11")[1]) == "2018-10-15"
    etats = {mois: avec.calculate("etat_programme", mois).decode_to_str()[0] for mois in ("2018-08", "2018-09")}
    assert etats == {"2018-08": "entre_deux_appels", "2018-09": "appel_ouvert"}
    assert sans.calculate("etat_programme", "2018-09").decode_to_str()[0] == "entre_deux_appels"


VARIABLES_ORDRE = (
    "financement_amorcage",
    "financement_amorcage_plafonne",
    "financement_amorcage_retenu_structure_appel",
    "financement_amorcage_structure",
    "cout_financement_amorcage_campagne",
    *JUGEMENT_CAMPAGNE,
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    structures=st.lists(st.lists(st.integers(1, 20_000_000), min_size=1, max_size=5), min_size=1, max_size=4),
    melange=st.randoms(use_true_random=False),
)
@example(structures=[[1_968_472, 182_399, 4_849_129]], melange=random.Random(1))  # exactly 70 000 € in all
@example(structures=[[13_689_317, 13_154_537]], melange=random.Random(1))  # shares summed to 70 000,00000000003
@example(structures=[[13_689_317, 13_154_537, 4_849_129, 182_399]], melange=random.Random(3))  # over, four
def test_the_order_of_the_rows_changes_no_result(tax_benefit_system, structures, melange):
    """Three trainings whose amounts add up to the 70 000 € ceiling were at it in one order and over it in
    another (70 000,00000000001 €: float64 adds in the rows' order), their amounts cut by a share of 1 - 1e-16; a
    campaign of exactly 5 M€ was within its envelope in two orders of four. Budgets in cents, any order."""
    lignes = [
        {"formation_id": f"f{s}_{k}", "structure_id": f"s{s}", "budget_session": centimes / 100}
        for s, budgets in enumerate(structures)
        for k, centimes in enumerate(budgets)
    ]
    melangees = melange.sample(lignes, len(lignes))
    resultats = []
    for ordre in (lignes, melangees):
        table = pandas.DataFrame(ordre).assign(
            statut_structure="association", date_depot_dossier="2015-10-05", metier_vise="codeur",
            formation_gratuite=True, pedagogie_innovante=True, duree_formation_mois=4.0,
        )  # fmt: skip
        pop = lire_population(tax_benefit_system, table)
        tables = pop.tables(pop.simulation(tax_benefit_system, "2016-02"), VARIABLES_ORDRE, "2016-02")
        resultats.append({cle: table.sort_index() for cle, table in tables.items()})
    for cle, table in resultats[0].items():
        pandas.testing.assert_frame_equal(table, resultats[1][cle], check_exact=True, obj=cle)
    plafonds = resultats[0]["structure"]["financement_amorcage_structure"]
    assert (plafonds <= 70_000).all()  # never 70 000,00000000001 €


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 5), st.integers(0, 2**40), st.booleans()), max_size=40))
def test_the_distinct_combinations_of_a_campaign_are_counted_as_a_set_counts_them(membres):
    """objectifs.distincts counts combinations as one integer where they fit, as rows where not (codes up to 2^40
    do not): both as a set of tuples counts them, per campaign."""
    from types import SimpleNamespace

    from openfisca_gen.variables.objectifs import distincts

    colonnes = numpy.array(membres, dtype=numpy.int64).reshape(-1, 4).T
    campagnes, structures, lieux, retenues = colonnes[0], colonnes[1], colonnes[2], colonnes[3].astype(bool)
    population = SimpleNamespace(
        members_entity_id=campagnes, sum=lambda valeurs: numpy.bincount(campagnes, valeurs, minlength=4)
    )
    for codes in ((structures,), (structures, lieux), (lieux, lieux), (lieux % 7,)):  # (lieux, lieux): rows
        vus = [
            {tuple(int(c[i]) for c in codes) for i in numpy.flatnonzero(retenues & (campagnes == k))} for k in range(4)
        ]
        assert distincts(population, retenues, *codes).tolist() == [len(v) for v in vus]
