"""The standard OpenFisca web API serving this package, over real HTTP (`openfisca serve`, gunicorn)."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from openfisca_gen.situation_examples import campagne_deux_structures, formation_eligible


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(command: list[str], port: int):
    """Start a server on loopback; return its process once it answers."""
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "PYTHONUNBUFFERED": "1"}
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {process.stderr.read().decode()[-2000:]}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/entities", timeout=2)
            return process
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("server did not answer within 60 s")


def stop_server(process) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="module")
def openfisca_serve():
    port = free_port()
    openfisca = str(Path(sys.executable).with_name("openfisca"))
    process = start_server(
        [openfisca, "serve", "--country-package", "openfisca_gen", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        port,
    )
    yield f"http://127.0.0.1:{port}"
    stop_server(process)


def request(url: str, body=None):
    """(status, JSON answer) of a GET, or of a POST when a body is given."""
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    query = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(query, timeout=30) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def test_calculate_the_eligible_example(openfisca_serve):
    status, answer = request(f"{openfisca_serve}/calculate", formation_eligible)
    assert status == 200
    formation = answer["formations"]["formation_web"]
    assert formation["eligible_labellisation"] == {"2015-10": True}
    assert formation["financement_amorcage"] == {"2015-10": 45000}


def test_calculate_the_campaign_example(openfisca_serve):
    status, answer = request(f"{openfisca_serve}/calculate", campagne_deux_structures)
    assert status == 200
    assert answer["structures"]["association_numerique"]["financement_amorcage_structure"] == {"2015-10": 100000}
    assert answer["formations"]["community_manager_en_retard"]["dossier_depose_dans_les_delais"] == {"2015-10": False}
    assert answer["campagnes"]["appel_2015"]["cout_financement_amorcage_campagne"] == {"2015-10": 100000}


def test_parameters_and_variables_show_labels_and_references(openfisca_serve):
    status, plafond = request(f"{openfisca_serve}/parameter/financement_amorcage.plafond")
    assert status == 200
    assert plafond["values"] == {"2015-09-17": 70000, "2016-08-23": 70000, "2018-04-05": None}
    assert "17 septembre 2015" in plafond["metadata"]["reference"]
    status, variable = request(f"{openfisca_serve}/variable/financement_amorcage")
    assert status == 200
    assert variable["description"].startswith("Financement d'amorçage")
    assert variable["references"]
    assert "2015-09-01" in variable["formulas"]


def test_spec_carries_the_example(openfisca_serve):
    status, spec = request(f"{openfisca_serve}/spec")
    assert status == 200
    assert spec["components"]["schemas"]["SituationInput"]["example"] == formation_eligible


def test_before_the_first_call_nothing_is_paid(openfisca_serve):
    situation = json.loads(json.dumps(formation_eligible).replace("2015-10", "2014-10"))
    status, answer = request(f"{openfisca_serve}/calculate", situation)
    assert status == 200
    assert answer["formations"]["formation_web"]["financement_amorcage"] == {"2014-10": 0}


def test_an_unknown_variable_is_a_404_naming_it(openfisca_serve):
    """OpenFisca's convention: an unknown variable is 'not found'."""
    status, answer = request(f"{openfisca_serve}/calculate", {"formations": {"f": {"budjet_session": {"2015-10": 1}}}})
    assert status == 404
    assert "budjet_session" in json.dumps(answer)
