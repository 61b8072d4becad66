"""The standard OpenFisca web API serving this package, over real HTTP (`openfisca serve`, gunicorn)."""

import json
import re
from pathlib import Path

from openfisca_gen.situation_examples import campagne_deux_structures, formation_eligible
from openfisca_gen.sources import textes_des_references


def test_calculate_the_eligible_example(openfisca_serve, requete):
    status, answer = requete(f"{openfisca_serve}/calculate", formation_eligible)
    assert status == 200
    formation = answer["formations"]["formation_web"]
    assert formation["eligible_labellisation"] == {"2015-10": True}
    assert formation["financement_amorcage"] == {"2015-10": 45000}


def test_calculate_the_campaign_example(openfisca_serve, requete):
    status, answer = requete(f"{openfisca_serve}/calculate", campagne_deux_structures)
    assert status == 200
    # 0.7: the first call's ceiling caps a structure's total: its two trainings of 50 000 € share 70 000 €.
    assert answer["structures"]["association_numerique"]["financement_amorcage_structure"] == {"2015-10": 70000}
    assert answer["formations"]["community_manager_en_retard"]["dossier_depose_dans_les_delais"] == {"2015-10": False}
    assert answer["campagnes"]["appel_2015"]["cout_financement_amorcage_campagne"] == {"2015-10": 70000}


def test_parameters_and_variables_show_labels_and_references(openfisca_serve, requete):
    status, plafond = requete(f"{openfisca_serve}/parameter/financement_amorcage.plafond")
    assert status == 200
    assert plafond["values"] == {"2015-09-17": 70000, "2016-08-23": 70000, "2018-04-05": None}
    assert "17 septembre 2015" in " ".join(textes_des_references(plafond["metadata"]["reference"]))
    status, variable = requete(f"{openfisca_serve}/variable/financement_amorcage")
    assert status == 200
    assert variable["description"].startswith("Financement d'amorçage")
    assert variable["references"]
    [formule] = variable["formulas"].values()  # undated: each dossier reads the rules of its own call
    assert "plafond de 70 K€" in formule["content"]


def test_spec_carries_the_example(openfisca_serve, requete):
    status, spec = requete(f"{openfisca_serve}/spec")
    assert status == 200
    assert spec["components"]["schemas"]["SituationInput"]["example"] == formation_eligible


def test_before_the_first_call_nothing_is_paid(openfisca_serve, requete):
    situation = json.loads(json.dumps(formation_eligible).replace("2015-10", "2014-10"))
    status, answer = requete(f"{openfisca_serve}/calculate", situation)
    assert status == 200
    assert answer["formations"]["formation_web"]["financement_amorcage"] == {"2014-10": 0}


def test_an_unknown_variable_is_a_404_naming_it(openfisca_serve, requete):
    """OpenFisca's convention: an unknown variable is 'not found'."""
    status, answer = requete(f"{openfisca_serve}/calculate", {"formations": {"f": {"budjet_session": {"2015-10": 1}}}})
    assert status == 404
    assert "budjet_session" in json.dumps(answer)


def test_the_curl_examples_of_the_docs_answer_what_they_show(client):
    """docs/api-web.md's requests, each followed by its answer: a reader who runs one gets what the page shows
    (the group variables' example showed an answer without its request, which a reader could not reproduce)."""
    texte = (Path(__file__).resolve().parents[1] / "docs" / "api-web.md").read_text(encoding="utf-8")
    exemples = re.findall(
        r"```sh\ncurl -s -X POST localhost:5000(/\w+) -H 'Content-Type: application/json' -d '(.*?)'\n```\n"
        r"```json\n(.*?)```",
        texte,
        re.S,
    )
    assert len(exemples) == 4
    for route, corps, attendu in exemples:
        reponse = client.post(route, json=json.loads(corps))
        assert reponse.get_json() == json.loads(attendu), route
