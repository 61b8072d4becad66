"""The one validation layer, at every entry point: a regression test for each problem issue 9 lists, then
hypothesis-generated bad inputs for the CSV table, the JSON situation over HTTP, the /compare reform, the
reform YAML file and the CLI arguments. Each must be refused naming the field, or give the result of the
same input made valid; never a traceback, never a 5xx."""

import copy
import http.client
import itertools
import json
import math
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

import pandas
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from serveurs import dates_iso

from openfisca_gen.cli import main
from openfisca_gen.population import DonneesInvalidesError, lire_population
from openfisca_gen.reforms import ReformeInvalideError, appliquer_reforme, charger_changements, trouver_parametre
from openfisca_gen.simulation import construire_simulation
from openfisca_gen.situation_examples import formation_eligible
from openfisca_gen.validation import (
    MAX_VALEURS_BALAYAGE,
    EntreeInvalideError,
    PeriodeInvalideError,
    Probleme,
    SituationInvalideError,
    analyser_situation,
    court,
    un_mois,
    valeurs_a_balayer,
    valeurs_du_balayage,
    valider_situation,
)
from openfisca_gen.validation.erreurs import en_francais

PERIOD = "2015-10"
FORMATION = formation_eligible["formations"]["formation_web"]
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def formation(**valeurs):
    return {"formations": {"f": {cle: {PERIOD: v} for cle, v in valeurs.items()}}}


def refus(capsys, argv) -> list[str]:
    """The stderr lines of a refused command; it must exit 2 without a traceback."""
    assert main(argv) == 2
    erreur = capsys.readouterr().err
    assert "Traceback" not in erreur
    return erreur.splitlines()


def csv(tmp_path, texte: str) -> str:
    chemin = tmp_path / "formations.csv"
    chemin.write_text(texte, encoding="utf-8")
    return str(chemin)


def reforme(tmp_path, contenu: bytes) -> str:
    chemin = tmp_path / "reforme.yaml"
    chemin.write_bytes(contenu)
    return str(chemin)


# One error class


def test_the_old_error_names_are_the_one_base_class():
    for classe in (SituationInvalideError, DonneesInvalidesError, ReformeInvalideError, PeriodeInvalideError):
        assert issubclass(classe, EntreeInvalideError)
    erreur = DonneesInvalidesError([Probleme("cellule_vide", lieu="ligne", ligne=i, champ="x") for i in range(25)])
    assert len(erreur.erreurs) == 25 and str(erreur).endswith("… and 5 more")
    assert erreur.erreurs[3] == "row 3, field 'x': empty cell: write a value"  # the place and the key, rendered


# CLI: each printed a Python traceback


def test_out_into_a_missing_folder(capsys, tmp_path):
    donnees = csv(tmp_path, "formation_id,budget_session\na,10\n")
    [ligne] = refus(capsys, ["calculate", "--data", donnees, "--out", str(tmp_path / "absent" / "r.csv")])
    assert "--out" in ligne and "does not exist" in ligne


def test_out_onto_an_existing_folder(capsys, tmp_path):
    donnees = csv(tmp_path, "formation_id,budget_session\na,10\n")
    [ligne] = refus(capsys, ["calculate", "--data", donnees, "--out", str(tmp_path)])
    assert "is a folder" in ligne


def test_compare_out_onto_a_file(capsys, tmp_path):
    fichier = tmp_path / "afile"
    fichier.write_text("")
    [ligne] = refus(capsys, ["compare", "--reform", "plafond_100k", "--out", str(fichier)])
    assert ligne.startswith("openfisca-gen compare: --out") and "is a file" in ligne


@pytest.mark.parametrize("commande", [["calculate", "--out", "/proc/gen.csv"], ["compare", "--out", "/proc/gen"]])
def test_out_onto_an_unwritable_path(capsys, tmp_path, commande):
    donnees = csv(tmp_path, "formation_id,budget_session\na,10\n")
    argv = [commande[0], "--data", donnees, *commande[1:]] + (["--reform", "plafond_100k"] * (commande[0] == "compare"))
    *avertissements, ligne = refus(capsys, argv)  # the columns the file leaves out are said first (calculate)
    assert "/proc/gen" in ligne and all("Warning: No column date_depot_dossier" in a for a in avertissements)


def test_a_csv_row_with_more_fields_than_the_header(tmp_path):
    donnees = csv(tmp_path, "formation_id,nombre_apprenants\na,10,extra\n")
    resultat = subprocess.run(
        [str(Path(sys.executable).with_name("openfisca-gen")), "calculate", "--data", donnees],
        capture_output=True,
        text=True,
    )
    assert resultat.returncode == 2 and "Traceback" not in resultat.stderr
    assert resultat.stderr == "openfisca-gen calculate: formations.csv line 2: 3 fields, the header has 2\n"


@pytest.mark.parametrize("separateur", [",", ";"])
def test_a_long_row_below_the_first_is_named_by_its_line_too(tmp_path, capsys, separateur):
    """Below the first row, pandas' C parser raised its own words instead of a warning: "Error tokenizing data.
    C error: Expected 2 fields in line 4, saw 3"."""
    lignes = ["formation_id,nombre_apprenants", "a,10", "b,10", "c,10,extra", "d,10", "e,1,2,3"]
    donnees = csv(tmp_path, "\n".join(lignes).replace(",", separateur) + "\n")
    assert main(["calculate", "--data", donnees, "--variables", "labellisee"]) == 2
    assert capsys.readouterr().err == (
        "openfisca-gen calculate: formations.csv line 4: 3 fields, the header has 2\n"
        "openfisca-gen calculate: formations.csv line 6: 4 fields, the header has 2\n"
    )


@pytest.mark.parametrize("mois", ["9999-12", "0001-01"])
def test_a_period_outside_the_models_months(capsys, mois):
    [ligne] = refus(capsys, ["compare", "--reform", "plafond_100k", "--period", mois])
    assert f"'{mois}' is outside the months the model covers, 1970-01 to 2100-12" in ligne


@pytest.mark.parametrize(
    ("contenu", "message"),
    [
        (b"financement_amorcage.plafond:\n  2015-02-30: 1\n", "'2015-02-30' is not a date"),
        (b"financement_amorcage.plafond:\n  2015-09-17 10:00:00: 1\n", "'2015-09-17 10:00:00' is not a date"),
        (b"calendrier.dates_limites_depot:\n  2015-09-17: []\n", "expects a non-empty list of dates"),
        (b"financement_amorcage.plafond:\n  2015-09-17: \xff\xfe\n", "it is not UTF-8 text"),
        (b"financement_amorcage.plafond:\n  2015-09-17: 1" + b"0" * 400 + b"\n", "a 401-digit number"),
    ],
)
def test_a_reform_file_refused_naming_the_field(capsys, tmp_path, contenu, message):
    [ligne] = refus(capsys, ["compare", "--reform", reforme(tmp_path, contenu)])
    assert message in ligne


def test_a_sweep_from_nan(capsys):
    [ligne] = refus(capsys, ["compare", "--sweep", "financement_amorcage.plafond", "--from", "nan"])
    assert "--from, --to and --step must be finite numbers" in ligne


def test_a_sweep_of_a_million_values_is_refused_before_anything_is_allocated(capsys):
    argv = ["compare", "--sweep", "financement_amorcage.plafond", "--from", "0", "--to", "1000000", "--step", "1"]
    [ligne] = refus(capsys, argv)
    assert "A sweep computes at most 1000 values" in ligne and "1000001" in ligne


# Silently wrong (exit 0 or 200)


def test_a_count_beyond_int32_and_an_infinite_budget_in_a_csv(tax_benefit_system, tmp_path):
    donnees = csv(tmp_path, "formation_id,nombre_apprenants,budget_session\na,3000000000,1e39\n")
    with pytest.raises(DonneesInvalidesError) as erreur:
        lire_population(tax_benefit_system, donnees)
    assert erreur.value.erreurs == [
        "formations.csv line 2 (formation 'a'), field 'nombre_apprenants': "
        "expects a whole number within ±2147483647, got '3000000000'",
        "formations.csv line 2 (formation 'a'), field 'budget_session': expects a finite number within ±1e9, "
        "got '1e39'",
    ]


def test_a_place_beyond_200_characters_is_refused_from_a_csv_and_a_situation(tax_benefit_system, tmp_path):
    donnees = csv(tmp_path, f"formation_id,lieu_formation\na,{'é' * 200}\nb,{'é' * 201}\n")
    with pytest.raises(DonneesInvalidesError) as erreur:
        lire_population(tax_benefit_system, donnees)
    assert erreur.value.erreurs == [
        "formations.csv line 3 (formation 'b'), field 'lieu_formation': is longer than 200 characters"
    ]
    situation = {"formations": {"f": {"lieu_formation": {"ETERNITY": "x" * 201}}}}
    with pytest.raises(EntreeInvalideError, match=r"formation 'f', field 'lieu_formation' \(ETERNITY\): is longer"):
        analyser_situation(tax_benefit_system, situation)


def test_sessions_funded_stay_whole(tax_benefit_system):
    chemin = "financement_amorcage.sessions_financees.duree_inferieure_au_seuil"
    with pytest.raises(ReformeInvalideError, match=r"expects a whole number within ±2147483647, got 1\.99"):
        appliquer_reforme(tax_benefit_system, {chemin: {"2015-09-17": 1.99}})
    reformee = appliquer_reforme(tax_benefit_system, {chemin: {"2015-09-17": 3}})
    assert reformee.parameters.financement_amorcage.sessions_financees.duree_inferieure_au_seuil("2015-10-01") == 3


@pytest.mark.parametrize(
    ("contenu", "message"),
    [
        (b"financement_amorcage.plafond:\n  2015-09-17: 1\n  2015-09-17: 2\n", "duplicate key '2015-09-17'"),
        (b"financement_amorcage.taux: {2015-09-17: 0.1}\nfinancement_amorcage.taux: {}\n", "duplicate key"),
        (b"a: &x {2015-09-17: 1}\nfinancement_amorcage.plafond: *x\n", "aliases (*name) are not allowed"),
    ],
)
def test_duplicate_keys_and_aliases_in_a_reform_file(tmp_path, contenu, message):
    with pytest.raises(ReformeInvalideError, match=r"line \d+, column \d+") as erreur:
        charger_changements(reforme(tmp_path, contenu))
    assert message in str(erreur.value)


@pytest.mark.parametrize(
    ("corps", "code", "champ"),
    [
        (b'{"formations": {"f": {"budget_session": {"2015-10": 1, "2015-10": 2}}}}', "cle_en_double", "2015-10"),
        (b'{"formations": {"f": {"budget_session": {"2015-10": NaN}}}}', "nombre_json_invalide", None),
        (b"[" * 100_000 + b"]" * 100_000, "json_trop_profond", None),
        (b'{"formations": ', "json_invalide", None),
    ],
)
def test_a_json_body_refused_says_why_by_its_own_code(serveur, requete, corps, code, champ):
    """JSONStrict's refusals reach the client as they are, not wrapped in "Invalid JSON" (Flask hands a ValueError
    of the reader to its handler of bad JSON, and EntreeInvalideError is one)."""
    statut, reponse = requete(serveur + "/calculate", corps)
    assert statut == 400 and [(p["code"], p["field"]) for p in reponse["errors"]] == [(code, champ)]
    assert code != "cle_en_double" or reponse["error"] == "The key '2015-10' is given twice in an object"


@pytest.mark.parametrize(
    ("route", "corps", "code", "champ"),
    [
        ("/explain", {}, "champ_manquant", "situation"),
        ("/compare", {"situation": {"formations": {"f": {}}}, "period": "2015-10"}, "champ_manquant", "reform"),
        ("/compare", {"situation": {"formations": {"f": {}}}, "reform": "plafond_100k", "period": "2015-10",
                      "variables": "financement_amorcage"}, "variables_pas_une_liste", "variables"),
        ("/compare", {"situation": {"formations": {"f": {}}}, "reform": "plafond_100k", "period": "2015-10",
                      "variables": []}, "variables_vides", "variables"),
        ("/explain", {"situation": {"formations": {"f": {}}}}, "periode_manquante", "period"),
        ("/explain", {"situation": {"personnes": {}}, "period": "2015-10"}, "entite_inconnue", "personnes"),
        ("/calculate", {"formations": []}, "entite_pas_un_objet", "formations"),
    ],
)  # fmt: skip
def test_a_request_field_refused_is_named_in_errors(client, route, corps, code, champ):
    reponse = client.post(route, json=corps)
    assert reponse.status_code == 400
    assert [(p["code"], p["field"]) for p in reponse.get_json()["errors"]] == [(code, champ)]


def test_the_month_is_inferred_only_where_the_situation_writes_one(client):
    """Without 'period', a situation that writes two months (a fact's and a monthly input's) or a year is refused,
    naming 'period' and what it found: the month computed decides the answer (a dossier filed in April 2018 is
    eligible in May, judged by no call in March)."""
    dossier = {cle: {"2018-05": valeur} for cle, valeur in {"date_depot_dossier": "2018-04-10", "metier_vise": "codeur",
               "formation_gratuite": True, "budget_session": 100_000, "duree_formation_mois": 7,
               "nombre_apprenants": 12}.items()}  # fmt: skip
    reponse = client.post("/explain", json={"situation": {"formations": {"f": dossier}}})
    assert reponse.status_code == 200 and reponse.get_json()["period"] == "2018-05"
    for periode in ("2018-03", "2018"):
        mele = {**dossier, "financements_droit_commun_obtenus": {periode: False}}
        ecrites = ", ".join(sorted([periode, "2018-05"]))
        for route in ("/explain", "/compare"):
            reponse = client.post(route, json=corps_de(route, {"formations": {"f": mele}}))
            assert reponse.status_code == 400, reponse.get_json()
            assert reponse.get_json()["errors"] == [{
                "field": "period",
                "code": "periode_a_preciser",
                "message": f"'period' is missing, and the situation writes {ecrites}: give the month to compute",
            }]  # fmt: skip


def test_a_committees_decision_cannot_precede_its_dossier_at_any_entry_point(client, tax_benefit_system):
    """A decision dated before the filing made the label's years run from a day the dossier did not exist."""
    import pandas

    dossier = {"date_depot_dossier": {"ETERNITY": "2015-10-12"}, "date_decision_comite": {"ETERNITY": "2015-10-01"}}
    reponse = client.post("/explain", json={"period": "2015-10", "situation": {"formations": {"f": dossier}}})
    assert reponse.status_code == 400
    assert [(p["code"], p["field"], p["id"]) for p in reponse.get_json()["errors"]] == [
        ("decision_avant_depot", "date_decision_comite", "f")
    ]
    table = pandas.DataFrame({"formation_id": ["a", "b", "c"], "date_depot_dossier": ["2015-10-12"] * 3,
                              "date_decision_comite": ["2015-10-01", "1970-01-01", "2015-10-12"]})  # fmt: skip
    with pytest.raises(DonneesInvalidesError) as erreur:  # none (1970-01-01) and the same day are decisions after
        lire_population(tax_benefit_system, table)
    assert erreur.value.erreurs == [
        "row 0 (formation 'a'), field 'date_decision_comite': 2015-10-01 is before the dossier was filed "
        "(2015-10-12): a committee decides on a dossier filed"
    ]


@pytest.mark.parametrize(
    ("ecrites", "mois"),
    [
        ({"budget_session": "eternity", "financement_amorcage": "2015-10"}, "2015-10"),  # for ever, as it may write it
        ({"budget_session": "month:2015-10", "financement_amorcage": "2015-10"}, "2015-10"),  # one month, two ways
        ({"budget_session": "2015", "financement_amorcage": "2015-10"}, "2015-10"),  # a fact for a year names none
        ({"budget_session": "2015"}, None),  # nothing names a month
        ({"budget_session": "2015-09", "financement_amorcage": "2015-10"}, None),  # two months
    ],
)
def test_a_month_is_named_by_requests_monthly_inputs_and_facts_given_for_a_month(client, ecrites, mois):
    formation = {nom: {texte: None if nom == "financement_amorcage" else 60_000} for nom, texte in ecrites.items()}
    reponse = client.post("/explain", json={"situation": {"formations": {"f": formation}}})
    if mois:
        assert reponse.status_code == 200 and reponse.get_json()["period"] == mois
    else:
        assert reponse.status_code == 400 and reponse.get_json()["errors"][0]["code"] == "periode_a_preciser"


@pytest.mark.parametrize(
    ("situation", "raison"),
    [
        ({"formations": {"f": {"nombre_femmes": {PERIOD: 11}}}}, "11 given without nombre_apprenants"),
        # counts are facts of the dossier, given once: whatever their periods, 11 women are more than 10 learners
        (
            {"formations": {"f": {"nombre_femmes": {"2015": 11}, "nombre_apprenants": {PERIOD: 10}}}},
            "11 is more than nombre_apprenants (10)",
        ),
    ],
)
def test_women_without_learners_or_more_than_them(tax_benefit_system, client, situation, raison):
    periode = next(iter(situation["formations"]["f"]["nombre_femmes"]))
    message = f"formation 'f', field 'nombre_femmes' ({periode}): {raison}"
    assert valider_situation(tax_benefit_system, situation)[0] == message
    reponse = client.post("/calculate", json=situation)
    assert reponse.status_code == 400 and reponse.get_json()["error"] == message


def test_women_without_learners_in_a_csv(tax_benefit_system, tmp_path):
    with pytest.raises(DonneesInvalidesError, match="field 'nombre_femmes': 3 given without nombre_apprenants"):
        lire_population(tax_benefit_system, csv(tmp_path, "formation_id,nombre_femmes\na,3\n"))


@pytest.mark.parametrize("colonne", ["formation_id", "structure_id", "campagne_id"])
def test_an_empty_id_in_a_csv(tax_benefit_system, tmp_path, colonne):
    donnees = csv(tmp_path, f"{colonne},budget_session\nx,1\n,2\n")
    with pytest.raises(DonneesInvalidesError, match=f"line 3.*field '{colonne}': an id must be a non-empty text"):
        lire_population(tax_benefit_system, donnees)


def test_a_compact_date_is_refused_everywhere(tax_benefit_system, serveur, tmp_path, requete):
    attendu = "expects a date YYYY-MM-DD from 1970-01-01 to 2100-12-31, got '20151012'"
    with pytest.raises(SituationInvalideError, match=attendu):
        construire_simulation(tax_benefit_system, formation(date_depot_dossier="20151012"))
    statut, reponse = requete(serveur + "/calculate", formation(date_depot_dossier="20151012"))
    assert statut == 400 and reponse["error"] == f"formation 'f', field 'date_depot_dossier' (2015-10): {attendu}"
    with pytest.raises(DonneesInvalidesError, match=attendu):
        lire_population(tax_benefit_system, csv(tmp_path, "date_depot_dossier\n20151012\n"))
    with pytest.raises(ReformeInvalideError, match="'20151012' is not a date"):
        appliquer_reforme(tax_benefit_system, {"financement_amorcage.plafond": {"20151012": 1}})


def test_explain_takes_facts_given_once_and_refuses_a_monthly_input_of_another_month(client):
    """A dossier's facts given for its filing month hold in every month computed; a monthly input given for
    another month than the one computed would be ignored without a word: it is refused."""
    situation = json.loads(json.dumps(formation_eligible).replace('"2015-10"', '"2015-09"'))
    for mois in ("2015-10", "2018-05"):
        reponse = client.post("/explain", json={"situation": situation, "period": mois}).get_json()
        assert reponse["formations"]["formation_web"]["eligible_labellisation"] is True
        assert reponse["formations"]["formation_web"]["financement_amorcage"] == 45000
    situation["formations"]["formation_web"]["financements_droit_commun_obtenus"] = {"2015-09": True}
    reponse = client.post("/explain", json={"situation": situation, "period": "2015-10"})
    assert reponse.status_code == 400
    assert reponse.get_json()["error"] == (
        "'situation': formation 'formation_web', field 'financements_droit_commun_obtenus' (2015-09) does not hold in "
        "2015-10, the month computed: give it for 2015-10 (or its year)"
    )
    probleme = reponse.get_json()["errors"][0]
    assert {cle: probleme[cle] for cle in ("field", "entity", "id", "period", "in")} == {
        "field": "financements_droit_commun_obtenus",
        "entity": "formation",
        "id": "formation_web",
        "period": "2015-09",
        "in": "situation",
    }
    annuelle = {"formations": {"f": {cle: {"2015": v[PERIOD]} for cle, v in FORMATION.items() if v[PERIOD]}}}
    annuelle["formations"]["f"]["financements_droit_commun_obtenus"] = {"2015": False}
    reponse = client.post("/explain", json={"situation": annuelle, "period": "2015-10"}).get_json()
    assert reponse["formations"]["f"]["eligible_labellisation"] is True  # a year contains the month


# Extended web API: each was a 500


@pytest.mark.parametrize(
    ("identifiant", "message"),
    [("", "an id must be a non-empty text"), ("a/b", "'/'"), ("f ", "must not begin or end with a space")],
)
@pytest.mark.parametrize("route", ["/calculate", "/trace", "/explain", "/compare"])
def test_an_id_empty_with_a_slash_or_a_space_at_an_end(serveur, route, identifiant, message, requete):
    situation = {"formations": {identifiant: copy.deepcopy(FORMATION)}}
    corps = situation if route in ("/calculate", "/trace") else corps_de(route, situation)
    statut, reponse = requete(serveur + route, corps)
    assert statut == 400 and message in reponse["error"]


@pytest.mark.parametrize("mois", ["0001-01", "9999-12"])
@pytest.mark.parametrize("ou", ["input", "request"])
def test_months_outside_the_model_in_a_situation(serveur, mois, ou, requete):
    valeurs = {"budget_session": {mois: 1}} if ou == "input" else {"financement_amorcage": {mois: None}}
    statut, reponse = requete(serveur + "/calculate", {"formations": {"f": valeurs}})
    assert statut == 400 and f"'{mois}' is outside the months the model covers" in reponse["error"]


def corps_de(route: str, situation, **champs) -> dict:
    """A body of /explain or /compare (which alone takes a reform: /explain refuses a field it does not take)."""
    return {"situation": situation, **({"reform": "plafond_100k"} if route == "/compare" else {}), **champs}


@pytest.mark.parametrize("mois", ["0001-01", "9999-12"])
@pytest.mark.parametrize("route", ["/explain", "/compare"])
def test_months_outside_the_model_as_period(serveur, mois, route, requete):
    statut, reponse = requete(serveur + route, corps_de(route, formation_eligible, period=mois))
    assert statut == 400 and reponse["error"].startswith(f"'period': '{mois}' is outside the months")


@pytest.mark.parametrize(
    ("changement", "message"),
    [
        ({"financement_amorcage.plafond": {"2015-09-17": 10**400}}, "a 401-digit number"),
        ({"calendrier.dates_limites_depot": {"2015-09-17": []}}, "expects a non-empty list of dates"),
        ({"calendrier.dates_limites_depot": {"2015-09-17": ["2015-10-19", "2015-10-01"]}}, "in increasing order"),
    ],
)
def test_compare_refuses_a_huge_ceiling_and_an_empty_deadline_list(serveur, changement, message, requete):
    statut, reponse = requete(serveur + "/compare", {"situation": formation_eligible, "reform": changement})
    assert statut == 400 and reponse["error"].startswith("'reform': '") and message in reponse["error"]


# Limits


@pytest.mark.parametrize("pluriel", ["formations", "structures", "campagnes"])
def test_every_entity_count_is_bounded(serveur, pluriel, requete, limites):
    situation = {"formations": {"f": {}}, pluriel: {f"x{i}": {} for i in range(12_000)}}  # 150 kB of empty groups
    statut, reponse = requete(serveur + "/calculate", situation)
    assert statut == 400
    assert reponse["error"] == f"Too many {pluriel}: 12000, at most {limites.formations} per request"


def envoyer_par_morceaux(url: str, corps: bytes, type_: str = "application/json"):
    """(status, JSON answer) of a POST with a chunked body; the server may answer before it is all sent."""
    adresse = urlparse(url)
    connexion = http.client.HTTPConnection(adresse.hostname, adresse.port, timeout=30)
    connexion.putrequest("POST", adresse.path)
    connexion.putheader("Content-Type", type_)
    connexion.putheader("Transfer-Encoding", "chunked")
    connexion.endheaders()
    try:
        for debut in range(0, len(corps), 65536):
            morceau = corps[debut : debut + 65536]
            connexion.send(b"%x\r\n%s\r\n" % (len(morceau), morceau))
        connexion.send(b"0\r\n\r\n")
    except OSError:  # the server answered and closed: read its answer
        pass
    reponse = connexion.getresponse()
    return reponse.status, json.loads(reponse.read())


def test_a_chunked_body_over_the_limit_gets_a_413(serveur, limites):
    statut, reponse = envoyer_par_morceaux(serveur + "/calculate", b'{"x": "' + b"a" * 5_000_000 + b'"}')
    assert statut == 413 and str(limites.octets) in reponse["error"]
    statut, reponse = envoyer_par_morceaux(serveur + "/calculate", json.dumps(formation_eligible).encode())
    assert statut == 200 and reponse["formations"]["formation_web"]["financement_amorcage"] == {PERIOD: 45000.0}


@pytest.mark.parametrize("type_", ["text/plain", "application/x-www-form-urlencoded"])
@pytest.mark.parametrize("route", ["/calculate", "/explain"])
def test_a_wrong_content_type_says_the_body_must_be_json(serveur, route, type_):
    statut, reponse = envoyer_par_morceaux(serveur + route, json.dumps(formation_eligible).encode(), type_)
    assert statut == 415 and "application/json" in reponse["error"]


# Periods and the fast /calculate


def test_one_period_parser():
    assert un_mois("2015-10") == "2015-10" and un_mois("1970-01") == "1970-01" and un_mois("2100-12") == "2100-12"
    for texte in ("1969-12", "2101-01", "month:2100-12:2", "ETERNITY", 201510, "month:2015-08-20"):
        with pytest.raises(PeriodeInvalideError):
            un_mois(texte)


def test_the_fast_calculate_answers_what_openfisca_answers(serveur, openfisca_serve, requete):
    situation = {
        "formations": {
            f"f{i}": {
                **{cle: {"2015": valeur[PERIOD]} for cle, valeur in FORMATION.items() if valeur[PERIOD] is not None},
                "budget_session": {PERIOD: 1000.5 * i},
                "metier_vise": {PERIOD: ["codeur", "hors_numerique"][i % 2]},
                **{nom: {PERIOD: None} for nom in ("financement_amorcage", "metier_vise", "date_fin_validite_label",
                                                   "nombre_sessions_financees", "labellisee", "part_femmes")},
            }
            for i in range(7)
        },
        "structures": {"s": {"formations": ["f0", "f3"], "financement_amorcage_structure": {PERIOD: None}}},
    }  # fmt: skip
    situation["formations"]["f1"]["metier_vise"] = {"2015-09": "codeur", PERIOD: None}
    statut, plain = requete(openfisca_serve + "/calculate", situation)
    assert requete(serveur + "/calculate", situation) == (statut, dates_iso(plain))  # a date as a situation gives it


def test_a_date_computed_is_answered_as_a_date_given(client):
    """/calculate answered « Sat, 02 Feb 2019 00:00:00 GMT » (Flask's HTTP date), which no date input takes back;
    /explain wrote 2019-02-02."""
    formation = {"date_decision_comite": {"2016-02": "2016-02-03"}, "labellisee": {"2016-02": True}}
    situation = {"formations": {"f": {**formation, "date_fin_validite_label": {"2016-02": None}}}}
    reponse = client.post("/calculate", json=situation)
    fin = reponse.get_json()["formations"]["f"]["date_fin_validite_label"]["2016-02"]
    assert reponse.status_code == 200 and fin == "2019-02-02"
    situation["formations"]["f"] |= {"date_fin_validite_label": {"2016-02": fin}, "label_en_vigueur": {"2016-02": None}}
    reponse = client.post("/calculate", json=situation)  # taken back as an input
    assert reponse.status_code == 200 and reponse.get_json()["formations"]["f"]["label_en_vigueur"]["2016-02"] is True


# Reform files follow the rules of the other entry points, not YAML 1.1's


def changements_lus(tmp_path, chemin: str, texte: str):
    return charger_changements(reforme(tmp_path, f"{chemin}:\n  2015-09-17: {texte}\n".encode()))[chemin]["2015-09-17"]


@pytest.mark.parametrize("contenu", [b"formation_id,budget_session\na,1\n", b"just text\n", b""])
def test_a_reform_file_that_holds_no_mapping_is_named_as_such(tmp_path, contenu):
    """A CSV given as --reform was read as one string, then looked up as a reform's name: « Unknown reform
    'formation_id,budget_session a,1' »."""
    with pytest.raises(ReformeInvalideError) as erreur:
        charger_changements(reforme(tmp_path, contenu))
    assert erreur.value.erreurs == [
        f"Cannot read the reform file '{tmp_path / 'reforme.yaml'}': it holds no mapping {{parameter path: {{date: "
        "value}}"
    ]


@pytest.mark.parametrize(
    ("chemin", "feuille", "suggestion"),
    [
        ("plafond", False, "Did you mean: financement_amorcage.plafond?"),  # no suggestion before
        ("financement_amorcage.plafon", True, "Did you mean: financement_amorcage.plafond, financement_amorcage.taux"),
    ],
)
def test_an_unknown_parameter_is_offered_parameters_that_exist(tax_benefit_system, chemin, feuille, suggestion):
    """`plafond` got no suggestion; `financement_amorcage.plafon` was offered the node financement_amorcage, which is
    refused in turn as a node."""
    with pytest.raises(ReformeInvalideError) as erreur:
        trouver_parametre(tax_benefit_system.parameters, chemin, feuille=feuille)
    assert suggestion in erreur.value.erreurs[0] and "financement_amorcage," not in erreur.value.erreurs[0]


def test_a_value_left_empty_in_a_reform_file_is_refused_and_null_is_read(tmp_path):
    """`2015-09-17:` left blank was null, unknown: the first call's ceiling forgotten became no ceiling, +6.3 M€ on
    the bundled population without a word. null and ~ are still read as unknown."""
    with pytest.raises(ReformeInvalideError) as erreur:
        charger_changements(reforme(tmp_path, b"financement_amorcage.plafond:\n  2015-09-17:\n  2016-08-23: 1\n"))
    assert erreur.value.erreurs == [
        f"Cannot read the reform file '{tmp_path / 'reforme.yaml'}': an empty value: write it (null, under a date, "
        "for a value no source gives) (line 2, column 14)"
    ]
    assert changements_lus(tmp_path, "financement_amorcage.plafond", "null") is None
    assert changements_lus(tmp_path, "financement_amorcage.plafond", "~") is None


@pytest.mark.parametrize(("texte", "valeur"), [("1e9", 1e9), ("1.5e3", 1500.0), ("70000", 70000), ("-0.5", -0.5)])
def test_a_reform_file_reads_numbers_as_a_csv_does(tax_benefit_system, tmp_path, texte, valeur):
    lue = changements_lus(tmp_path, "financement_amorcage.plafond", texte)
    assert lue == valeur and type(lue) is type(valeur)


def test_a_ceiling_of_1e9_is_accepted_from_a_reform_file(tax_benefit_system, tmp_path):
    chemin = reforme(tmp_path, b"financement_amorcage.plafond:\n  2015-09-17: 1e9\n")
    reformee = appliquer_reforme(tax_benefit_system, charger_changements(chemin))
    assert reformee.parameters.financement_amorcage.plafond("2015-10-01") == 1e9


@pytest.mark.parametrize("texte", ["yes", "no", "on", "off", "Yes", "TRUE", "False", "y"])
def test_a_reform_file_takes_only_true_and_false_as_booleans(tax_benefit_system, tmp_path, texte):
    chemin = "labellisation.conditions.formation_gratuite"
    valeur = changements_lus(tmp_path, chemin, texte)
    assert valeur == texte  # text, refused by the parameter's type
    with pytest.raises(ReformeInvalideError) as erreur:
        appliquer_reforme(tax_benefit_system, {chemin: {"2015-09-17": valeur}})
    assert erreur.value.erreurs == [f"'{chemin}' (2015-09-17): expects true or false, got '{texte}'"]
    assert changements_lus(tmp_path, chemin, "true") is True and changements_lus(tmp_path, chemin, "false") is False


@pytest.mark.parametrize("valeur", ["oui", "non", "vrai", 2])
def test_a_boolean_refused_in_french_asks_for_what_is_read(tax_benefit_system, valeur):
    """The French message asked for « oui » or « non », and refused « oui »."""
    with pytest.raises(SituationInvalideError) as erreur:
        construire_simulation(tax_benefit_system, {"formations": {"f": {"formation_gratuite": {"2015-10": valeur}}}})
    assert erreur.value.problemes[0].fr().startswith("Doit être true ou false (reçu ")


@pytest.mark.parametrize("texte", ["0x10", "0o20", "1:30", "1_000", ".inf", "0b11"])
def test_a_reform_file_refuses_hex_octal_and_sexagesimal_numbers(tax_benefit_system, tmp_path, texte):
    valeur = changements_lus(tmp_path, "financement_amorcage.plafond", texte)
    assert valeur == texte
    with pytest.raises(ReformeInvalideError, match=f"expects a number, got '{re.escape(texte)}'"):
        appliquer_reforme(tax_benefit_system, {"financement_amorcage.plafond": {"2015-09-17": valeur}})


@pytest.mark.parametrize(
    ("contenu", "message"),
    [
        (b"financement_amorcage.plafond:\n  2015-09-17: !!int 0x10\n", "'0x10' is not a number in decimal or exponent"),
        (b"labellisation.conditions.formation_gratuite:\n  2015-09-17: !!bool yes\n", "'yes' is not a boolean"),
        (b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n", "nested too deeply"),
    ],
)
def test_explicit_tags_follow_the_same_rules(tmp_path, contenu, message):
    with pytest.raises(ReformeInvalideError) as erreur:
        charger_changements(reforme(tmp_path, contenu))
    assert message in str(erreur.value) and ("line 2" in str(erreur.value) or "nested" in message)


@pytest.mark.parametrize(
    ("texte", "message"),
    [("1e400", "got 1e400 (too large)"), ("9" * 5000, "got a 5000-digit number"), ("-1e400", "got -1e400 (too large)")],
)
def test_a_number_too_large_in_a_reform_file_is_named(tax_benefit_system, tmp_path, texte, message):
    valeur = changements_lus(tmp_path, "financement_amorcage.plafond", texte)
    with pytest.raises(ReformeInvalideError) as erreur:
        appliquer_reforme(tax_benefit_system, {"financement_amorcage.plafond": {"2015-09-17": valeur}})
    assert erreur.value.erreurs == [
        f"'financement_amorcage.plafond' (2015-09-17): expects a finite number within ±1e9, {message}"
    ]


def test_reform_messages_name_the_path_and_the_date_first(tax_benefit_system):
    with pytest.raises(ReformeInvalideError) as erreur:
        appliquer_reforme(
            tax_benefit_system, {"financement_amorcage.plafond": {"2015-09-17": -1}, "financement_amorcage.taux": 2}
        )
    assert erreur.value.erreurs == [
        "'financement_amorcage.plafond' (2015-09-17): expects a number >= 0, got -1",
        "'financement_amorcage.taux': expects a mapping {date: value}, got 2",
    ]


# Sweeps


def test_a_sweep_without_a_step_takes_a_tenth_of_the_range():
    assert valeurs_du_balayage(0, 100) == [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]
    assert (
        valeurs_du_balayage(0, 0.3, 0.1) == pytest.approx([0, 0.1, 0.2, 0.3])
        and valeurs_du_balayage(0, 0.3, 0.1)[-1] == 0.3
    )


@pytest.mark.parametrize(
    ("bornes", "message"),
    [
        (
            (0, 100, 10_000),
            "A sweep compares at least 2 values; --from 0 --to 100 --step 10000 gives 1: take a smaller step",
        ),
        ((5, 5, None), "A sweep compares at least 2 values; --from 5 --to 5 gives 1: give --to above --from"),
        ((0, 0.5, 1), "gives 1: take a smaller step"),
    ],
)
def test_a_sweep_of_fewer_than_two_values_is_refused_saying_why(bornes, message):
    with pytest.raises(EntreeInvalideError) as erreur:
        valeurs_du_balayage(*bornes)
    assert erreur.value.erreurs == [message] or message in erreur.value.erreurs[0]


def test_the_sweep_count_is_the_one_the_values_are_made_from():
    assert len(valeurs_du_balayage(0, 999.5, 1)) == MAX_VALEURS_BALAYAGE  # 1000 values, not "1001"
    assert valeurs_du_balayage(0, 95, 10)[-1] == 90  # never beyond --to
    with pytest.raises(EntreeInvalideError, match="gives 1001: take a larger step"):
        valeurs_du_balayage(0, 1000, 1)
    with pytest.raises(EntreeInvalideError, match="1001 given: take a larger step"):  # analyse.balayer's check
        valeurs_a_balayer(range(1001))
    with pytest.raises(EntreeInvalideError, match="1001 given"):  # a generator is read no further
        valeurs_a_balayer(x for x in itertools.count())


@pytest.mark.parametrize(
    ("bornes", "cites"),
    [
        (["--from", "200000"], "--from 200000 --to 150000 (its default)"),
        (["--to", "1000"], "--from 40000 (its default) --to 1000"),
        (["--from", "3000", "--to", "1000"], "--from 3000 --to 1000"),
    ],
)
def test_a_sweeps_refused_range_says_which_bound_is_the_default(capsys, bornes, cites):
    """`--from 200000` alone was refused as « --from 200000 --to 150000 », a --to the user never gave."""
    [ligne] = refus(capsys, ["compare", "--sweep", "financement_amorcage.plafond", *bornes])
    assert ligne == f"openfisca-gen compare: A sweep needs --from <= --to, got {cites}"


def test_compare_refuses_a_reform_and_a_sweep_together(capsys):
    [ligne] = refus(capsys, ["compare", "--reform", "plafond_100k", "--sweep", "financement_amorcage.plafond"])
    assert ligne == "openfisca-gen compare: Give --reform NAME|FILE.yaml or --sweep PARAMETER (not both)"
    [ligne] = refus(capsys, ["compare", "--reform", "plafond_100k", "--step", "5"])
    assert ligne == "openfisca-gen compare: --from, --to and --step are for --sweep, not --reform"


def test_compare_refuses_a_sweep_of_one_value(capsys):
    [ligne] = refus(
        capsys, ["compare", "--sweep", "financement_amorcage.plafond", "--from", "0", "--to", "100", "--step", "10000"]
    )
    assert "A sweep compares at least 2 values" in ligne


def test_a_sweep_of_a_node_lists_its_parameters(capsys):
    [ligne] = refus(capsys, ["compare", "--sweep", "financement_amorcage", "--from", "0", "--to", "1"])
    assert ligne.startswith("openfisca-gen compare: 'financement_amorcage' is a node, not a parameter; its parameters")
    assert (
        "financement_amorcage.plafond" in ligne
        and "financement_amorcage.sessions_financees.duree_inferieure_au_seuil" in ligne
    )


# Messages that name the problem


def test_a_csv_column_given_twice(tax_benefit_system, tmp_path):
    donnees = csv(tmp_path, "formation_id,budget_session,budget_session\na,1,2\n")
    with pytest.raises(DonneesInvalidesError) as erreur:
        lire_population(tax_benefit_system, donnees)
    assert erreur.value.erreurs == ["formations.csv, column 'budget_session' is given more than once; keep one"]


def test_a_binary_csv_is_said_not_to_be_text(tax_benefit_system, tmp_path):
    chemin = tmp_path / "formations.csv"
    chemin.write_bytes(b"formation_id,budget_session\na,1\n\x89PNG\r\n\x1a\n")
    with pytest.raises(DonneesInvalidesError) as erreur:
        lire_population(tax_benefit_system, chemin)
    assert erreur.value.erreurs == [  # nor Windows-1252 text, in which a file that is not UTF-8 is read (0.7.7)
        f"Cannot read '{chemin}': it is neither UTF-8 text (line 3) nor Windows-1252 text (a control character or "
        "an undefined byte, line 4); save it as CSV UTF-8"
    ]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--variables", ""], "--variables names no variable: give names separated by commas"),
        (["--variables", " , "], "--variables names no variable: give names separated by commas"),
        (["--out", ""], "--out is empty: give a file name (or leave --out out for standard output)"),
        (["--out", "sortie.txt"], "--out 'sortie.txt': give a file ending in .csv or .xlsx"),  # was CSV in a .txt
        (["--out", ".xlsx"], "--out '.xlsx': give the file a name, such as results.xlsx"),  # "ending in .xlsx" did
        (["--out", "/tmp/.csv"], "--out '/tmp/.csv': give the file a name, such as /tmp/results.csv"),
    ],
)
def test_calculate_names_an_empty_argument(capsys, tmp_path, argv, message):
    donnees = csv(tmp_path, "formation_id,budget_session\na,10\n")
    assert refus(capsys, ["calculate", "--data", donnees, *argv]) == [f"openfisca-gen calculate: {message}"]


def test_an_empty_data_is_refused_not_read_as_the_bundled_population(capsys):
    [ligne] = refus(capsys, ["calculate", "--data", ""])
    assert ligne.startswith("openfisca-gen calculate: A population is a bundled population's name (appel_2015,")


@pytest.mark.parametrize("source", [None, 5, b"formations.csv", "", "  "])
def test_a_population_of_no_kind_is_named_not_a_type_error(tax_benefit_system, source):
    with pytest.raises(DonneesInvalidesError, match=r"a CSV file's path or a pandas DataFrame, got "):
        lire_population(tax_benefit_system, source)


@pytest.mark.parametrize(
    ("texte", "ligne"),
    [('formation_id,budget_session\na,1000\nb,"2000\nc,3000\n', 3),
     ('# a "description"\nformation_id,lieu_formation\na,"Lyon\nrue ""x"""\nb,"Paris\nc,Nantes\n', 5)],
)  # fmt: skip
def test_a_quote_never_closed_is_named_by_its_line(tax_benefit_system, tmp_path, texte, ligne):
    """By the file's line, not pandas' record (a quoted cell may hold a line break): it said "row 2"."""
    with pytest.raises(DonneesInvalidesError) as erreur:
        lire_population(tax_benefit_system, csv(tmp_path, texte))
    [message] = erreur.value.erreurs
    assert message.endswith(f"formations.csv': the quote (\") that opens a cell on line {ligne} is never closed")


@pytest.mark.parametrize("adresse", ["not a url", "ftp://gen.example.org", "http://", "https://h/?x=1"])
def test_serve_refuses_a_public_url_that_is_no_address(capsys, adresse):
    """It was taken, and every source link became `not a url/sources/…`."""
    with pytest.raises(SystemExit) as sortie:
        main(["serve", "--public-url", adresse])
    assert sortie.value.code == 2
    [ligne] = capsys.readouterr().err.splitlines()
    assert ligne == (
        f"openfisca-gen serve: Argument --public-url: expects an http(s) address such as https://gen.example.org, "
        f"got {adresse!r}"
    )


def test_compare_refuses_an_empty_out(capsys):
    [ligne] = refus(capsys, ["compare", "--reform", "plafond_100k", "--out", ""])
    assert ligne == "openfisca-gen compare: --out is empty: give a folder (it is created if missing)"


@pytest.mark.parametrize(
    ("nombre", "lu"),
    [(b"9" * 5000, "a 5000-digit number"), (b"1e400", "1e400 (too large)"), (b"-1e400", "-1e400 (too large)")],
)
def test_a_json_number_too_large_is_named_with_its_field(serveur, nombre, lu, requete):
    corps = b'{"formations": {"f": {"budget_session": {"2015-10": ' + nombre + b"}}}}"
    statut, reponse = requete(serveur + "/calculate", corps)
    assert statut == 400
    assert (
        reponse["error"]
        == f"formation 'f', field 'budget_session' (2015-10): expects a finite number within ±1e9, got {lu}"
    )


def test_a_python_integer_of_5000_digits_is_named(tax_benefit_system):
    assert court(10**5000) == "a 5001-digit number" and court(10**400 - 1) == "a 400-digit number"
    with pytest.raises(SituationInvalideError, match="got a 5001-digit number"):
        construire_simulation(tax_benefit_system, formation(nombre_apprenants=10**5000))


def test_the_json_reader_refuses_with_the_base_error():
    from flask import Flask

    from openfisca_gen.api import JSONStrict

    lecteur = JSONStrict(Flask(__name__))
    for texte, message in [
        ('{"a": NaN}', "NaN is not a valid JSON number"),
        ('{"a": 1, "a": 2}', "The key 'a' is given twice"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ]:
        with pytest.raises(EntreeInvalideError, match=message):
            lecteur.loads(texte)


# Hypothesis: bad inputs at every entry point


ENTREES_CSV = ["budget_session", "nombre_apprenants", "nombre_femmes", "duree_formation_mois",
               "formation_gratuite", "date_depot_dossier", "metier_vise"]  # fmt: skip
CELLULES = (
    st.sampled_from(["", " ", "nan", "inf", "-1", "1e39", "3000000000", "2.5", "0x10", "20151012", "2015-1-2",
                     "2015-10-12 10:00", "2015-02-30", "1969-12-31", "TRUE", "oui", "codeur", " 12 ", "1/2"])
    | st.integers(-(10**12), 10**12).map(str)
    | st.floats(allow_nan=False, allow_infinity=False).map(repr)
    | st.dates().map(str)
    | st.text(alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters='",\r\n'), max_size=8)
)  # fmt: skip


def lu_comme(colonne: str, cellule: str):
    """What a valid cell means, read independently of the code under test; None when it is not valid."""
    texte = cellule.strip()
    if colonne == "formation_gratuite":
        return {"true": True, "1": True, "false": False, "0": False}.get(texte.lower())
    if colonne == "metier_vise":
        return cellule if cellule in {"codeur", "webmaster", "developpeur_web", "hors_numerique"} else None
    if colonne == "date_depot_dossier":
        try:
            jour = date.fromisoformat(cellule)
        except ValueError:
            return None
        return jour if len(cellule) == 10 and date(1970, 1, 1) <= jour <= date(2100, 12, 31) else None
    try:
        nombre = float(texte)
    except ValueError:
        return None
    if not math.isfinite(nombre) or (colonne.startswith("nombre") and not nombre.is_integer()):
        return None
    return nombre


@FUZZ
@given(colonne=st.sampled_from(ENTREES_CSV), cellule=CELLULES)
def test_fuzz_a_csv_cell(tax_benefit_system, tmp_path, colonne, cellule):
    base = {"formation_id": "a", "nombre_apprenants": "100", "nombre_femmes": "3", "duree_formation_mois": "6"}
    ligne = {**base, colonne: cellule}
    donnees = csv(tmp_path, ",".join(ligne) + "\n" + ",".join(f'"{v}"' for v in ligne.values()) + "\n")
    sens = lu_comme(colonne, cellule)
    try:
        population = lire_population(tax_benefit_system, donnees)
    except DonneesInvalidesError as erreur:
        assert all("field '" in message and "line 2" in message for message in erreur.erreurs), erreur.erreurs
        assert any(f"field '{colonne}'" in message for message in erreur.erreurs) or colonne == "nombre_apprenants"
        return
    assert sens is not None, (colonne, cellule)  # accepted: it must be valid, and read as it means
    lu = population.table[colonne].iloc[0]
    if colonne == "metier_vise":
        lu = list(tax_benefit_system.variables[colonne].possible_values)[lu].name
    elif colonne == "date_depot_dossier":
        lu = lu.astype(object)
    assert lu == pytest.approx(sens) if isinstance(sens, float) else lu == sens


VALEURS_JSON = (
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.sampled_from([10**400, -(10**400), 3_000_000_000, 1e39, -0.0, 2.5, "20151012", "2015-02-30", "codeur",
                       "2015-10-12", "", [], {}, ["codeur"], {"2015-10": 1}])
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10)
)  # fmt: skip
CLES_JSON = st.sampled_from(
    ["2015-10", "2015", "0001-01", "9999-12", "1969-12", "2101-01", "month:2015-10:3", "day:2015-10-01",
     "ETERNITY", "2015-13", "", "a/b"]
)  # fmt: skip


@FUZZ
@given(
    identifiant=st.sampled_from(["f", "", "a/b", " ", "é"]),
    variable=st.sampled_from([*sorted(FORMATION), "nombre_apprenants", "nombre_femmes", "financement_amorcage"]),
    cle=CLES_JSON,
    valeur=VALEURS_JSON,
)
def test_fuzz_a_json_situation_over_http(serveur, openfisca_serve, identifiant, variable, cle, valeur, requete):
    entrees = copy.deepcopy(FORMATION)
    entrees[variable] = {cle: valeur}
    situation = {"formations": {identifiant: {**entrees, "eligible_labellisation": {PERIOD: None}}}}
    statut, reponse = requete(serveur + "/calculate", situation)
    assert statut in (200, 400, 404), (statut, reponse)
    if statut == 200:  # accepted: the same answer as plain OpenFisca's
        assert (statut, reponse) == requete(openfisca_serve + "/calculate", situation)
    else:
        assert reponse["error"] and ("field" in reponse["error"] or "id" in reponse["error"] or "/" in reponse["error"])


PARAMETRES = ["financement_amorcage.plafond", "financement_amorcage.taux", "calendrier.dates_limites_depot",
              "financement_amorcage.sessions_financees.duree_inferieure_au_seuil", "calendrier.date_ouverture",
              "labellisation.conditions.formation_gratuite", "labellisation.duree_formation.maximum_mois"]  # fmt: skip
DATES_DE_REFORME = st.sampled_from(["2015-09-17", "2015-02-30", "20150917", "2015-09-17T00:00", "1969-01-01", "x"])
VALEURS_DE_PARAMETRE = VALEURS_JSON | st.lists(st.sampled_from(["2015-10-19", "2015-10-01", "2015-13-01"]), max_size=3)


@FUZZ
@given(chemin=st.sampled_from(PARAMETRES), cle=DATES_DE_REFORME, valeur=VALEURS_DE_PARAMETRE)
def test_fuzz_a_compare_reform(tax_benefit_system, serveur, chemin, cle, valeur, requete):
    corps = {"situation": formation_eligible, "reform": {chemin: {cle: valeur}}, "period": PERIOD}
    statut, reponse = requete(serveur + "/compare", corps)
    assert statut in (200, 400), (statut, reponse)
    if statut == 400:
        assert reponse["error"].startswith(f"'reform': '{chemin}'")
        return
    reformee = appliquer_reforme(tax_benefit_system, {chemin: {cle: valeur}})  # accepted: as from Python
    attendu = construire_simulation(reformee, formation_eligible).calculate("financement_amorcage", PERIOD)[0]
    assert reponse["formations"]["formation_web"]["financement_amorcage"]["reform"] == pytest.approx(float(attendu))
    assert trouver_parametre(reformee.parameters, chemin)(cle) == valeur


LIGNES_YAML = st.lists(
    st.sampled_from(PARAMETRES).map(lambda c: f"{c}:")
    | st.tuples(DATES_DE_REFORME, st.sampled_from(["1", "0.5", "1.99", "true", "[]", "[2015-10-19]", "1" + "0" * 400,
                                                   "&a 1", "*a", "'x'", "null", "{}", "2015-10-19"]))
    .map(lambda t: f"  {t[0]}: {t[1]}"),
    min_size=1,
    max_size=6,
)  # fmt: skip


@FUZZ
@given(lignes=LIGNES_YAML, octets=st.binary(max_size=4))
def test_fuzz_a_reform_file(tax_benefit_system, tmp_path, lignes, octets):
    fichier = reforme(tmp_path, "\n".join(lignes).encode() + b"\n" + octets)
    try:
        changements = charger_changements(fichier)
        reformee = appliquer_reforme(tax_benefit_system, changements)
    except ReformeInvalideError as erreur:
        assert all("'" in message for message in erreur.erreurs), erreur.erreurs  # names the file or the path
        return
    for chemin, valeurs in changements.items():  # accepted: each value in force from its date
        for cle, valeur in valeurs.items():
            assert trouver_parametre(reformee.parameters, chemin)(cle) == valeur


@FUZZ
@given(
    periode=st.sampled_from(["2015-10", "2015", "0001-01", "9999-12", "abc", "2015-13", "month:2015-10:2"]),
    debut=st.floats() | st.integers(-(10**6), 10**6),
    fin=st.floats() | st.integers(-(10**6), 10**6),
    pas=st.floats() | st.integers(-10, 10**6),
    variables=st.sampled_from(["financement_amorcage", "financement", "", "eligible_labellisation,labellisee"]),
)
def test_fuzz_cli_arguments(capsys, tmp_path, periode, debut, fin, pas, variables):
    def lancer(argv):
        capsys.readouterr()  # hypothesis reuses the fixture: start from empty outputs
        try:
            code = main(argv)
        except SystemExit as sortie:  # argparse's own refusal of a malformed argument: its usage line
            code = sortie.code
            assert capsys.readouterr().err.startswith(f"openfisca-gen {argv[0]}: Argument ")  # one line
            return code, None
        sortie = capsys.readouterr()
        assert "Traceback" not in sortie.err
        assert code == 0 or sortie.err.startswith(f"openfisca-gen {argv[0]}: "), sortie.err
        return code, sortie

    donnees = csv(tmp_path, "formation_id,budget_session,duree_formation_mois\na,1000,6\n")
    code, sortie = lancer(["calculate", "--data", donnees, "--period", periode, "--variables", variables])
    assert code in (0, 2)
    assert code == 2 or sortie.out.startswith("formation_id,")
    nombre = (fin - debut) / pas + 1 if all(map(math.isfinite, (debut, fin, pas))) and pas > 0 else 0
    if 5 < nombre <= 10**6:
        return  # a valid sweep of many values: computed in test_analyse, too slow to repeat here
    argv = ["compare", "--data", donnees, "--period", periode, "--sweep", "financement_amorcage.plafond",
            "--from", repr(float(debut)), "--to", repr(float(fin)), "--step", repr(float(pas))]  # fmt: skip
    code, _ = lancer(argv)
    assert code in (0, 2)


@pytest.mark.parametrize("manquant", [None, float("nan"), "pandas.NA"])
def test_a_missing_id_in_a_dataframe_names_the_row_not_an_id(tax_benefit_system, manquant):
    import pandas

    manquant = pandas.NA if manquant == "pandas.NA" else manquant
    table = pandas.DataFrame({"formation_id": ["a", manquant], "budget_session": [1, -1]})
    with pytest.raises(DonneesInvalidesError) as erreur:
        lire_population(tax_benefit_system, table)
    assert str(erreur.value).splitlines() == [
        "row 1, field 'formation_id': an id must be a non-empty text",
        "row 1, field 'budget_session': must be >= 0, got -1",
    ]


def test_a_negative_innovation_project_amount_is_refused_everywhere(tax_benefit_system, client):
    import pandas

    table = pandas.DataFrame({"formation_id": ["a"], "montant_projet_innovation": [-3]})
    with pytest.raises(DonneesInvalidesError, match=r"row 0 .* field 'montant_projet_innovation': must be >= 0"):
        lire_population(tax_benefit_system, table)
    situation = {"formations": {"f": {"montant_projet_innovation": {"2021-06": -3}}}}
    message = "formation 'f', field 'montant_projet_innovation' (2021-06): must be >= 0, got -3"
    assert valider_situation(tax_benefit_system, situation) == [message]
    reponse = client.post("/calculate", json=situation)
    assert reponse.status_code == 400 and reponse.get_json()["error"] == message


@pytest.mark.parametrize("texte", ["2.99999999999999999", "2.99999999999999999e0", "19.9999999999999999", "1e-400"])
def test_a_json_number_with_more_digits_than_a_float_holds_is_refused_as_written(client, texte):
    """JSON's 2.99999999999999999 months was read as 3.0 and met the minimum (70 000 €); 1e-400 as 0. A float
    written as programs write it is read as it is: its shortest text (0.30000000000000004), printf's %.17g
    (0.69999999999999996 is 0.7), numpy's %.18e (6.999999999999999556e-01)."""
    corps = (
        '{"formations": {"f": {"duree_formation_mois": {"2015-10": %s}, "financement_amorcage": {"2015-10": null}}}}'
    )
    reponse = client.post("/calculate", data=corps % texte, content_type="application/json")
    [probleme] = reponse.get_json()["errors"]
    assert (
        reponse.status_code == 400
        and probleme["code"] == "trop_de_chiffres"
        and probleme["field"] == "duree_formation_mois"
    )
    assert probleme["message"].endswith(
        f"cannot be held exactly by a number, and would be rounded: {texte}; write at most 15 significant digits"
    )
    for exact in ("0.30000000000000004", "0.69999999999999996", "6.999999999999999556e-01", "45000.50"):
        assert client.post("/calculate", data=corps % exact, content_type="application/json").status_code == 200


def test_a_problem_of_the_whole_situation_names_it_as_its_field(client):
    """`trop_de_mois_demandes` on /calculate had `"field": null`, where /explain names `situation`."""
    mois = [f"{annee}-{numero:02d}" for annee in range(1990, 2020) for numero in range(1, 13)]
    formations = {f"f{i}": {"labellisee": dict.fromkeys(mois[i * 121 : (i + 1) * 121])} for i in range(2)}
    reponse = client.post("/calculate", json={"formations": formations})
    [probleme] = reponse.get_json()["errors"]
    assert reponse.status_code == 400 and (probleme["code"], probleme["field"]) == (
        "trop_de_mois_demandes",
        "situation",
    )


def test_a_fact_given_for_a_day_is_told_to_be_given_for_eternity(tax_benefit_system):
    """« is defined by eternity, give it for months or years »: the form the docs recommend, "ETERNITY", unsaid."""
    situation = {"formations": {"f": {"budget_session": {"2015-10-01": 5}, "labellisee": {"2015-10-01": True}}}}
    fait, mensuel = valider_situation(tax_benefit_system, situation)
    assert fait == ("formation 'f', field 'budget_session': holds for all time (a fact, defined for ETERNITY): give it "
                    "for \"ETERNITY\" (or for a month or a year), not '2015-10-01'")  # fmt: skip
    assert (
        mensuel
        == "formation 'f', field 'labellisee': is defined by month, give it for months or years, not '2015-10-01'"
    )


def test_unknown_fields_are_named_up_to_a_bound_each_where_it_is(client):
    """10 000 unknown names took 5.5 s (a suggestion each) and answered 1.9 MB; a field named "" was placed at
    'situation'; a zero-width space printed as nothing beside the name it may stand for; a role misspelt under a
    structure was offered lieu_formation."""
    from openfisca_gen.limites import MAX_CHAMPS_INCONNUS

    corps = {"formations": {"f": {f"budget_session{i}": {"2015-10": 1} for i in range(3_000)}}}
    reponse = client.post("/calculate", json=corps)
    *nommes, reste = reponse.get_json()["errors"]
    assert reponse.status_code == 404 and len(nommes) == MAX_CHAMPS_INCONNUS
    assert reste["code"] == "champs_inconnus_en_trop" and reste["message"].startswith(
        f"{3_000 - MAX_CHAMPS_INCONNUS} more"
    )
    corps = {"formations": {"f": {"": {"2015-10": 1}, "budget_session\u200b": {"2015-10": 1}}},
             "structures": {"s": {"formationss": ["f"]}}}  # fmt: skip
    vide, invisible, role = client.post("/calculate", json=corps).get_json()["errors"]
    assert (vide["field"], vide["message"]) == ("", "formation 'f', field '': unknown variable")
    assert invisible["field"] == "budget_session\u200b"  # as given, for a client to match
    assert (
        invisible["message"]
        == r"formation 'f', field 'budget_session\u200b': unknown variable; did you mean budget_session?"
    )
    assert role["message"] == "structure 's', field 'formationss': unknown variable; did you mean formations?"


def test_a_group_that_lists_no_training_is_refused_naming_it(client):
    """A structure given a status and no `formations` was accepted: its status held for nobody, and the training
    got a structure of its own at the default status, without a word."""
    formation = {"date_depot_dossier": {"ETERNITY": "2015-10-12"}, "financement_amorcage": {"2015-10": None}}
    for groupes in ({"structures": {"s": {"statut_structure": {"ETERNITY": "association"}}}},
                    {"structures": {"s": {"formations": []}}}, {"campagnes": {"c": {"formations": []}}}):  # fmt: skip
        reponse = client.post("/calculate", json={"formations": {"f": formation}, **groupes})
        [erreur] = reponse.get_json()["errors"]
        assert reponse.status_code == 400 and (erreur["code"], erreur["id"]) == (
            "groupe_sans_formation",
            next(iter(next(iter(groupes.values())))),
        )
        assert "lists no training" in erreur["message"] and "'formations'" in erreur["message"]
    corps = {"formations": {"f": formation}, "structures": {"s": {"formations": ["f"]}, "t": {"formations": []}}}
    assert [e["id"] for e in client.post("/calculate", json=corps).get_json()["errors"]] == ["t"]


def test_an_id_longer_than_a_text_is_refused_in_a_situation_and_in_a_table(client, tax_benefit_system):
    """A training's id of 100 000 characters was accepted and sent back in every answer, where a place's name is
    bounded to 200."""
    from openfisca_gen.population import lire_population
    from openfisca_gen.validation import DonneesInvalidesError

    long_ = "f" * 100_000
    reponse = client.post("/calculate", json={"formations": {long_: {"financement_amorcage": {"2015-10": None}}}})
    [erreur] = reponse.get_json()["errors"]
    assert reponse.status_code == 400 and erreur["code"] == "id_trop_long"
    assert erreur["message"].endswith("…': an id of 100,000 characters: an id has at most 200")
    assert erreur["id"] == long_ and len(reponse.data) < 101_000  # as given, for a client to match; in words, cut
    assert (
        client.post(
            "/calculate", json={"formations": {"f" * 200: {"financement_amorcage": {"2015-10": None}}}}
        ).status_code
        == 200
    )
    table = pandas.DataFrame({"formation_id": ["a", "b" * 201], "structure_id": ["s" * 300, "t"]})
    with pytest.raises(DonneesInvalidesError) as refus:
        lire_population(tax_benefit_system, table)
    assert [(p.cle, p.champ) for p in refus.value.problemes] == [
        ("id_trop_long", "formation_id"),
        ("id_trop_long", "structure_id"),
    ]


def test_a_list_or_a_mapping_is_quoted_as_json_writes_it(client):
    """`got [True, {'a': None}]`: a JSON body's values were quoted as Python writes them, where the API writes
    `true` and `null` elsewhere; a long list was written whole before it was cut."""
    situation = {"formations": {"a": {"financement_amorcage": {"2015-10": None}}}}
    reponse = client.post("/calculate", json={**situation, "structures": {"s": {"formations": [True, {"a": None}]}}})
    assert reponse.get_json()["error"].endswith('expects a list of formation ids, got [true, {"a": null}]')
    reforme = {"financement_amorcage.taux": {"2015-09-17": {"value": 5}}}
    reponse = client.post("/compare", json={"situation": situation, "period": "2015-10", "reform": reforme})
    assert reponse.get_json()["error"].endswith('expects a number, got {"value": 5}')
    assert court(list(range(10**6))) == "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, …"
    assert court([float("nan")]) == "[nan]"  # no JSON for it: as Python writes it
    assert court([list(range(10**6))]).startswith("[[0, 1, 2,")  # a long list inside another: 1.6 s, whole first
    assert court([[[[[[1]]]]]]) == "[[[[…]]]]"  # past the depth shown: no text « … » given
    assert en_francais({"value": 5, "ok": True}) == '« {"value": 5, "ok": true} »'


@pytest.mark.parametrize(
    "demande",
    [
        {"reform": {"x" * 100_000: {"2015-09-17": 1}}},
        {"reform": "x" * 100_000},
        {"reform": "plafond_100k", "variables": ["x" * 100_000]},
    ],
)
def test_an_unknown_name_of_any_length_is_quoted_cut_short(client, demande):
    """An unknown parameter path, reform name or variable of 100 000 characters was sent back whole in `error` and
    in the message (300 KB): a message quotes a text up to 200 characters."""
    corps = {"situation": {"formations": {"a": {}}}, "period": "2015-10", **demande}
    reponse = client.post("/compare", json=corps).get_json()
    assert all(len(probleme["message"]) < 1_000 for probleme in reponse["errors"]) and len(reponse["error"]) < 1_000
    assert "x" * 199 + "…" in reponse["error"]


@pytest.mark.parametrize(
    ("situation", "cle"),
    [
        ({"formations": {"a": 5}}, "objet_attendu"),
        ({"formations": {"a/b": {}}}, "id_avec_barre"),
        ({"formations": {"a": {}}, "structures": {"s": {}, "t": {"formations": ["a"]}}}, "groupe_sans_formation"),
    ],
)
def test_an_entitys_problem_names_the_key_its_id_is_under(client, situation, cle):
    """`{"formations": {"a": 5}}` was answered `field: "situation"`, the whole request's."""
    [probleme] = client.post("/calculate", json=situation).get_json()["errors"]
    assert probleme["code"] == cle and probleme["field"] == f"{probleme['entity']}s"


@given(st.lists(st.text(max_size=6), min_size=1, max_size=20))
def test_a_text_printing_like_another_is_found_as_strip_finds_it(textes):
    """`affiches_comme_d_autres`, on numpy's strings, finds the texts Python finds: a text its strip changes, or one
    that does not print as it is (numpy's text drops a trailing NUL, which prints as nothing anyway)."""
    from openfisca_gen.validation.domaine import _sans_invisible, affiches_comme_d_autres

    attendu = [texte.rstrip("\x00") != texte.rstrip("\x00").strip() or not _sans_invisible(texte) for texte in textes]
    assert affiches_comme_d_autres(textes).tolist() == attendu
