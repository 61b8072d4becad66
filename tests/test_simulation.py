"""The seam (openfisca_gen.simulation): a simulation built from validated arrays computes, to the last digit, what
OpenFisca's own builder computes, its faster sums over a campaign of every training included."""

import numpy
import pytest
from openfisca_core.simulation_builder import SimulationBuilder
from openfisca_web_api.app import create_app

from openfisca_gen.simulation import construire_simulation
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
