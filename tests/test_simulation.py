"""The seam (openfisca_gen.simulation): a simulation built from validated arrays computes, to the last digit, what
OpenFisca's own builder computes, its faster sums over a campaign of every training included."""

import copy
import types

import numpy
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from openfisca_core.populations import GroupPopulation
from openfisca_core.simulation_builder import SimulationBuilder
from openfisca_web_api.app import create_app

from openfisca_gen.helpers import au_millionieme, et, somme_de_montants, total_par_appel
from openfisca_gen.simulation import Groupes, construire_simulation
from openfisca_gen.web import creer_app

MOIS = "2015-10"
CAMPAGNE = (
    "nombre_formations_labellisees",
    "nombre_apprenants_campagne",
    "part_femmes_campagne",
    "cout_financement_amorcage_campagne",
    "appel_de_la_campagne",
    "appels_melanges_dans_la_campagne",
)


def situation(nombre: int) -> dict:
    """`nombre` trainings of the first call in structures of 3, one campaign, amounts whose sum depends on the
    order of its additions (thirds of a euro once a structure's ceiling is shared)."""
    formations = {
        f"f{i}": {
            "date_depot_dossier": {"ETERNITY": f"2015-10-{1 + i % 19:02d}"},
            "metier_vise": {"ETERNITY": ["codeur", "webmaster", "hors_numerique"][i % 3]},
            "formation_gratuite": {"ETERNITY": True},
            "pedagogie_innovante": {"ETERNITY": True},
            "duree_formation_mois": {"ETERNITY": 3 + i % 10},
            "budget_session": {"ETERNITY": 10_000.0 + 1234.56 * (i % 97)},
            "nombre_apprenants": {"ETERNITY": 10 + i % 7},
            "nombre_femmes": {"ETERNITY": i % 5},
        }
        for i in range(nombre)
    }
    ids = list(formations)
    return {
        "formations": formations,
        "structures": {f"s{i}": {"formations": ids[i : i + 3]} for i in range(0, nombre, 3)},
        "campagnes": {"c": {"formations": ids, **{nom: {MOIS: None} for nom in CAMPAGNE}}},
    }


@pytest.mark.parametrize("nombre", [1, 2, 1000])
def test_a_campaign_computes_what_openfisca_builds(tax_benefit_system, nombre):
    une_situation = situation(nombre)
    notre = construire_simulation(tax_benefit_system, une_situation)
    la_sienne = SimulationBuilder().build_from_entities(tax_benefit_system, situation(nombre))
    for nom in (*CAMPAGNE, "financement_amorcage", "financement_amorcage_structure"):
        numpy.testing.assert_array_equal(notre.calculate(nom, MOIS), la_sienne.calculate(nom, MOIS), err_msg=nom)


def test_calculate_answers_plain_openfisca_to_the_last_digit(tax_benefit_system):
    une_situation = situation(1000)
    etendue = creer_app(tax_benefit_system).test_client().post("/calculate", json=une_situation)
    simple = create_app(tax_benefit_system).test_client().post("/calculate", json=une_situation)
    assert etendue.status_code == simple.status_code == 200
    assert etendue.get_json() == simple.get_json()


def test_facts_of_all_time_given_under_different_months_are_each_trainings(tax_benefit_system):
    """Plain OpenFisca (46.0.1) keeps of a fact of all time given for a month per training only the last month's
    training: the first of two trainings given for 2015-10 and 2015-11 got a budget of 0, 0 € of funding
    (docs/api-web.md says so). Here each training keeps its own, in /calculate as in Python."""
    faits = {"date_depot_dossier": "2015-10-05", "metier_vise": "codeur", "formation_gratuite": True,
             "pedagogie_innovante": True, "duree_formation_mois": 6, "budget_session": 100_000}  # fmt: skip
    formations = {
        nom: {cle: {mois: v} for cle, v in faits.items()} for nom, mois in (("f", "2015-10"), ("g", "2015-11"))
    }
    formations["f"]["financement_amorcage"] = {"2016-02": None}
    formations["g"]["financement_amorcage"] = {"2016-02": None}
    reponse = creer_app(tax_benefit_system).test_client().post("/calculate", json={"formations": formations})
    assert [reponse.get_json()["formations"][nom]["financement_amorcage"]["2016-02"] for nom in "fg"] == [50_000] * 2
    simulation = construire_simulation(tax_benefit_system, {"formations": formations})
    assert simulation.calculate("financement_amorcage", "2016-02").tolist() == [50_000] * 2
    # plain OpenFisca's answer, as docs/api-web.md describes it: should this fail, OpenFisca has fixed it (say so)
    simple = SimulationBuilder().build_from_entities(tax_benefit_system, copy.deepcopy({"formations": formations}))
    assert simple.calculate("budget_session", "2016-02").tolist() == [0, 100_000]


MONTANTS = st.one_of(
    st.sampled_from([0.0, -0.0, 1 / 3, 70_000.0, 1e9, 1e-9, -2.5]), st.floats(-1e9, 1e9, allow_nan=False)
)


@given(
    montants=st.one_of(
        hnp.arrays(numpy.float64, st.integers(1, 300), elements=MONTANTS),
        hnp.arrays(numpy.float32, st.integers(1, 300), elements=MONTANTS.map(numpy.float32)),
    )
)
def test_a_campaigns_sum_of_amounts_is_openfiscas_to_the_sign_of_zero(tax_benefit_system, montants):
    """Over one campaign of every training, Groupes.sum adds amounts as OpenFisca's one-bin bincount does, in the
    same order, to the last bit (a sum of -0.0 included)."""
    simulation = construire_simulation(tax_benefit_system, situation(len(montants)))
    campagne = simulation.populations["campagne"]
    assert isinstance(campagne, Groupes) and campagne.count == 1
    attendu = GroupPopulation.sum(campagne, montants)
    obtenu = campagne.sum(montants)
    assert obtenu.tobytes() == attendu.tobytes()


@given(
    centimes=hnp.arrays(numpy.int64, st.integers(1, 100), elements=st.integers(0, 10**7)),
    graine=st.integers(0, 2**32 - 1),
)
def test_a_campaigns_sum_of_amounts_in_cents_is_the_same_in_any_order(tax_benefit_system, centimes, graine):
    """A campaign of every training sums its amounts with numpy's pairwise sum, ten times faster than one after the
    other, then snaps the sum to the millionth (helpers.somme_de_montants): amounts in cents (up to 100 of 100 000
    euros, where float64's error stays below half a millionth) give what OpenFisca's sum in order gives, snapped,
    in any order of the rows."""
    montants = centimes / 100
    campagne = construire_simulation(tax_benefit_system, situation(len(montants))).populations["campagne"]
    en_ordre = au_millionieme(GroupPopulation.sum(campagne, montants), len(montants))
    melanges = numpy.random.default_rng(graine).permutation(montants)
    assert somme_de_montants(campagne, montants).tobytes() == en_ordre.tobytes()
    assert somme_de_montants(campagne, melanges).tobytes() == en_ordre.tobytes()
    assert en_ordre[0] == round(int(centimes.sum()) / 100, 2)


@given(
    lignes=st.lists(st.tuples(st.integers(0, 4), st.integers(0, 3), st.integers(0, 10**7)), min_size=1, max_size=60),
    sans_appel_a_zero=st.booleans(),
    un_seul_appel=st.booleans(),
)
@example(lignes=[(0, 1, 100), (0, 0, 0), (1, 1, 7)], sans_appel_a_zero=True, un_seul_appel=True)  # by group alone
@example(lignes=[(0, 1, 100), (0, 0, 5), (1, 1, 7)], sans_appel_a_zero=False, un_seul_appel=True)  # an input of none
def test_a_structures_total_per_call_is_its_sum_over_the_same_call(lignes, sans_appel_a_zero, un_seul_appel):
    """helpers.total_par_appel, keyed by group alone where that sums the same (the dossiers of no call have
    nothing, those of a call answer one), or by (group, call): each member gets the sum, in the rows' order, of
    its group's members of the same call, snapped with its group's count; 0 for a member of no call with
    nothing."""
    membres = numpy.array([ligne[0] for ligne in lignes])
    appels = numpy.array([min(ligne[1], 1) if un_seul_appel else ligne[1] for ligne in lignes], dtype=numpy.int32)
    montants = numpy.array([ligne[2] / 100 for ligne in lignes])
    if sans_appel_a_zero:
        montants[appels == 0] = 0.0
    groupe = types.SimpleNamespace(members_entity_id=membres, count=int(membres.max()) + 1)
    nombres = numpy.bincount(membres)
    attendu = numpy.array([
        au_millionieme(numpy.array([sum(montants[(membres == m) & (appels == a)], 0.0)]), nombres[m])[0]
        for m, a in zip(membres, appels, strict=True)
    ])  # fmt: skip
    assert total_par_appel(groupe, montants, appels).tobytes() == attendu.tobytes()


@pytest.mark.parametrize("montant", [-5.0, numpy.nan, numpy.inf])
def test_a_member_of_no_call_with_nothing_totals_zero_whatever_its_groups_other_amounts(montant):
    """Where the members of no call have nothing, their own total is set to 0: it was their group's total times 0,
    -0.0 or NaN beside an amount set by hand below 0 or not finite (validation refuses both)."""
    groupe = types.SimpleNamespace(members_entity_id=numpy.array([0, 0]), count=1)
    totaux = total_par_appel(groupe, numpy.array([montant, 0.0]), numpy.array([1, 0], dtype=numpy.int32))
    assert numpy.array_equal(totaux[:1], [montant], equal_nan=True) and totaux[1] == 0 and not numpy.signbit(totaux[1])


def test_a_structures_total_per_call_is_snapped_allowing_for_all_its_trainings():
    """A total of one call is snapped by its structure's count of trainings, every call's (the others add nothing to
    it): 70 000 € and two ulps, one training's of four, is 70 000 € (by a count of one it would stay as it is)."""
    groupe = types.SimpleNamespace(members_entity_id=numpy.zeros(4, dtype=numpy.int64), count=1)
    deux_ulps = numpy.nextafter(numpy.nextafter(70_000.0, numpy.inf), numpy.inf)
    assert au_millionieme(numpy.array([deux_ulps]), 1)[0] == deux_ulps
    montants = numpy.array([deux_ulps, 1.0, 1.0, 1.0])
    assert total_par_appel(groupe, montants, numpy.array([1, 2, 2, 2], dtype=numpy.int32))[0] == 70_000.0
    assert total_par_appel(groupe, montants * [1, 0, 0, 0], numpy.array([1, 0, 0, 0], dtype=numpy.int32))[0] == 70_000


@pytest.mark.parametrize("dtype", [numpy.int8, numpy.int16, numpy.int32, numpy.int64])
def test_a_structures_total_per_call_reads_calls_of_any_integer_type(dtype):
    """The first call answered was read as appel - 1 viewed as uint32: an int8 array of odd length raised, and an
    int64 one was read by halves."""
    groupe = types.SimpleNamespace(members_entity_id=numpy.zeros(3, dtype=numpy.int64), count=1)
    totaux = total_par_appel(groupe, numpy.array([5.0, 0.0, 7.0]), numpy.array([3, 0, 3], dtype=dtype))
    assert totaux.tolist() == [12.0, 0.0, 12.0]


def test_a_populations_counts_are_made_once_while_its_members_stay(tax_benefit_system):
    """simulation.Groupes counts each group's members once (a structure's totals are snapped by the count in every
    computation), counts again when its members are another array, and lends the count read-only."""
    structures = construire_simulation(tax_benefit_system, situation(7)).populations["structure"]
    nombres = structures.nombres_de_membres()
    assert nombres.tolist() == [3, 3, 1] and structures.nombres_de_membres() is nombres
    with pytest.raises(ValueError, match="read-only"):
        nombres[0] = 0
    structures.members_entity_id = numpy.zeros(7, dtype=structures.members_entity_id.dtype)
    assert structures.nombres_de_membres().tolist() == [7, 0, 0]


@given(
    tableau=hnp.arrays(bool, st.integers(0, 300)),
    condition=st.one_of(st.booleans().map(numpy.bool_), hnp.arrays(bool, st.just(300))),
)
def test_a_boolean_and_a_switch_is_numpys_and(tableau, condition):
    """helpers.et, which spares numpy's slow `&` of an array and a scalar (a reading under one call), is `&`."""
    if numpy.ndim(condition):
        condition = condition[: tableau.size]
    obtenu = et(tableau, condition)
    assert obtenu.dtype == bool and numpy.array_equal(obtenu, tableau & condition)
