"""What a hostile user tried, kind by kind (issue 17), fuzzed at every entry point it concerns: the JSON routes
(Flask's test client: the checks are the app's), the CLI and the Python API. The pages' own are in
test_pages_*.py. Each refusal names its field; nothing answers a 5xx, a traceback, invalid JSON or a wrong
number."""

import datetime
import io
import json
import os
import re
import warnings

import numpy
import pandas
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openfisca_core import periods
from openfisca_core.parameters import Parameter

from openfisca_gen.analyse import comparer
from openfisca_gen.cli import main
from openfisca_gen.explication import expliquer
from openfisca_gen.limites import MAX_MOIS_DEMANDES, MAX_MOIS_DONNES, MAX_MOIS_TRACES, MAX_PERIODES, MAX_VALEURS_DATEES
from openfisca_gen.population import lire_population
from openfisca_gen.reforms import appliquer_reforme
from openfisca_gen.simulation import construire_simulation
from openfisca_gen.systeme import CountryTaxBenefitSystem
from openfisca_gen.validation import DonneesInvalidesError, EntreeInvalideError, ReformeInvalideError, trouver_parametre

FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
SYSTEME = CountryTaxBenefitSystem()
FEUILLES = sorted(p.name for p in SYSTEME.parameters.get_descendants() if isinstance(p, Parameter))
CALCULEES = sorted(nom for nom, variable in SYSTEME.variables.items() if variable.formulas)
MOIS = "2016-02"
POPULATIONS = [lire_population(SYSTEME, nom) for nom in ("appel_2015", "appel_2018")]
DOSSIER = {
    "date_depot_dossier": {"ETERNITY": "2015-10-05"},
    "budget_session": {"ETERNITY": 100_000},
    "duree_formation_mois": {"ETERNITY": 6},
    "nombre_apprenants": {"ETERNITY": 10},
    "formation_gratuite": {"ETERNITY": True},
    "pedagogie_innovante": {"ETERNITY": True},
}


def json_strict(texte: str):
    """JSON as browsers' JSON.parse reads it: Infinity and NaN are errors."""
    return json.loads(texte, parse_constant=lambda nom: pytest.fail(f"{nom} in a JSON answer"))


def repondre(client, route: str, corps) -> tuple[int, dict]:
    reponse = client.post(route, json=corps)
    assert reponse.status_code in (200, 400), (route, reponse.status_code, reponse.data[:300])
    return reponse.status_code, json_strict(reponse.get_data(as_text=True))


# 1. Every method on every route


def test_every_method_on_every_route_answers_without_a_5xx(client):
    exemples = {"<id>": "financement_amorcage", "<path:parameter_id>": "financement_amorcage.plafond"}
    for regle in {regle.rule for regle in client.application.url_map.iter_rules()}:
        chemin = regle
        for motif, valeur in exemples.items():
            chemin = chemin.replace(motif, valeur)
        chemin = chemin.replace("<path:chemin>", "docs/regles.md").replace("<nom>", "x")
        for methode in ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"):
            for corps in (None, b"{}", b"not json"):
                reponse = client.open(chemin, method=methode, data=corps, content_type="application/json")
                assert reponse.status_code < 500, (methode, chemin, corps, reponse.data[:200])


def test_a_cors_preflight_over_http_is_answered(serveur):
    import urllib.request

    demande = urllib.request.Request(serveur + "/variable/financement_amorcage", method="OPTIONS")
    demande.add_header("Origin", "https://example.org")
    demande.add_header("Access-Control-Request-Method", "GET")
    with urllib.request.urlopen(demande, timeout=10) as reponse:
        assert reponse.status == 200


# 2. Reforms at the edges of time

JOURS = st.dates(datetime.date(1970, 1, 1), datetime.date(2100, 12, 31)).map(str)


@st.composite
def reformes(draw):
    """A reform of one to three parameters, each with a value of its history (or null, or another date) from
    one or two days between 1970 and 2100."""
    reforme = {}
    for chemin in draw(st.lists(st.sampled_from(FEUILLES), min_size=1, max_size=3, unique=True)):
        historique = [valeur.value for valeur in trouver_parametre(SYSTEME.parameters, chemin).values_list]
        valeur = draw(st.sampled_from(historique))
        if isinstance(valeur, list):
            valeur = draw(st.sampled_from([valeur, sorted(draw(st.lists(JOURS, min_size=1, max_size=2)))]))
        elif isinstance(valeur, str):
            valeur = draw(st.sampled_from([valeur, draw(JOURS)]))
        reforme[chemin] = {jour: valeur for jour in draw(st.lists(JOURS, min_size=1, max_size=2, unique=True))}
    return reforme


def sans_avertissement(fonction, *arguments):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fonction(*arguments)


@FUZZ
@given(reforme=reformes(), mois=st.sampled_from(["1970-01", "2015-10", "2016-02", "2018-12", "2030-12", "2100-12"]))
def test_a_reform_anywhere_in_time_computes_or_is_refused_naming_its_parameter(reforme, mois):
    try:
        reformee = sans_avertissement(appliquer_reforme, SYSTEME, reforme)
    except ReformeInvalideError as erreur:
        assert all(probleme.champ in reforme for probleme in erreur.problemes), erreur.erreurs
        return
    for population in POPULATIONS:
        simulation = population.simulation(reformee, mois)
        montants = simulation.calculate("financement_amorcage", mois)
        assert numpy.isfinite(montants).all() and (montants >= 0).all()
        assert simulation.calculate("nombre_formations_labellisees", mois).sum() >= 0


@settings(FUZZ, max_examples=15)
@given(reforme=reformes())
def test_a_reform_anywhere_in_time_at_compare_and_in_the_cli(client, tmp_path, capsys, reforme):
    corps = {"situation": {"formations": {"f": DOSSIER}}, "reform": reforme, "period": MOIS}
    statut, reponse = repondre(client, "/compare", corps)
    assert statut == 200 or all(erreur["field"] in reforme for erreur in reponse["errors"]), reponse
    fichier = tmp_path / "reforme.yaml"
    fichier.write_text(json.dumps(reforme), encoding="utf-8")  # JSON is YAML
    capsys.readouterr()
    donnees = tmp_path / "dossier.csv"
    donnees.write_text("date_depot_dossier,budget_session,duree_formation_mois\n2015-10-05,100000,6\n")
    argv = ["compare", "--reform", str(fichier), "--data", str(donnees), "--period", MOIS]
    code = sans_avertissement(main, argv)
    sortie = capsys.readouterr()
    assert (code, statut) in ((0, 200), (2, 400)) and "Traceback" not in sortie.err


@pytest.mark.parametrize("jour", ["1970-01-01", "2010-01-01", "2015-09-16"])
def test_a_call_opened_before_the_rules_exist_is_refused(client, capsys, tmp_path, jour):
    with pytest.raises(ReformeInvalideError, match=f"no filing deadline in force on {jour}"):
        appliquer_reforme(SYSTEME, {"calendrier.date_ouverture": {jour: "2018-04-05"}})
    # with its deadlines too, the call would still be judged before the other rules exist
    reforme = {
        "calendrier.date_ouverture": {jour: jour},
        "calendrier.dates_limites_depot": {jour: [f"{jour[:4]}-12-31"]},
    }
    message = f"a call's rules would be read on {jour}, before"
    with pytest.raises(ReformeInvalideError, match=message):
        appliquer_reforme(SYSTEME, reforme)
    situation = {"formations": {"f": {"date_depot_dossier": {"ETERNITY": jour}}}}
    statut, reponse = repondre(client, "/compare", {"situation": situation, "period": jour[:7], "reform": reforme})
    assert statut == 400 and message in reponse["error"]
    fichier = tmp_path / "avant.yaml"
    fichier.write_text(json.dumps(reforme), encoding="utf-8")
    assert main(["compare", "--reform", str(fichier)]) == 2
    assert message in capsys.readouterr().err


# 4. Inputs for computed variables

VALEURS = st.sampled_from([7, -1, 0, 1, 3, 0.5, 2.5, 1e300, -1e-9, True, "x", "appel_1", None, [1], {"a": 1}])


FORMES = {
    "le mois": MOIS,
    "son année": MOIS[:4],
    "trois mois": f"month:{MOIS}:3",
    "une année glissante": f"year:{MOIS}",
}


def situation_avec(nom: str, valeur, forme: str = "le mois") -> dict:
    variable = SYSTEME.variables[nom]
    periode = {"month": FORMES[forme], "year": MOIS[:4]}.get(variable.definition_period, "ETERNITY")
    formation = dict(DOSSIER)
    situation = {"formations": {"f": formation}}
    if variable.entity.is_person:
        formation[nom] = {periode: valeur}
    else:
        situation[variable.entity.plural] = {"g": {"formations": ["f"], nom: {periode: valeur}}}
    formation["financement_amorcage"] = {MOIS: None}
    return situation


@FUZZ
@given(nom=st.sampled_from(CALCULEES), valeur=VALEURS, forme=st.sampled_from(sorted(FORMES)))
def test_a_computed_variable_given_as_input_is_checked_like_any_other(client, nom, valeur, forme):
    """Given for any period, a computed variable's value is checked as an input or refused (OpenFisca spreads over
    months only the inputs that say how), the same way at every entry point."""
    situation = situation_avec(nom, valeur, forme)
    try:
        attendu = construire_simulation(SYSTEME, situation).calculate("financement_amorcage", MOIS)[0]
    except EntreeInvalideError as erreur:
        attendu = None
        assert any(probleme.champ == nom for probleme in erreur.problemes), erreur.erreurs
    for route, corps in [
        ("/calculate", situation),
        ("/explain", {"situation": situation, "period": MOIS}),
        ("/compare", {"situation": situation, "period": MOIS, "reform": "plafond_par_structure"}),
        ("/trace", situation),
    ]:
        statut, reponse = repondre(client, route, corps)
        assert (statut == 200) == (attendu is not None) or route == "/trace", (route, reponse)
        if route == "/calculate" and attendu is not None:
            assert reponse["formations"]["f"]["financement_amorcage"][MOIS] == pytest.approx(float(attendu))
        if statut == 400:
            assert nom in reponse["error"]


def test_a_call_number_beyond_the_calls_opened_is_refused(client):
    statut, reponse = repondre(client, "/explain", {"situation": situation_avec("appel_du_dossier", 2)})
    assert statut == 400 and "'appel_du_dossier' (2016-02): must be from 0 to 1, got 2" in reponse["error"]
    situation = situation_avec("appel_du_dossier", 7)
    situation["formations"]["f"]["appel_du_dossier"] = {"2018-12": 7}
    statut, reponse = repondre(client, "/explain", {"situation": situation, "period": "2018-12"})
    assert statut == 400 and "'appel_du_dossier' (2018-12): must be from 0 to 3, got 7" in reponse["error"]


# 6. Strict JSON out


def test_a_ceiling_no_source_gives_is_null_not_infinity(client):
    situation = {"formations": {"f": {**DOSSIER, "date_depot_dossier": {"ETERNITY": "2018-05-05"}}}}
    situation["formations"]["f"]["plafond_financement_amorcage"] = {"2018-12": None}
    for route in ("/calculate", "/trace"):
        statut, reponse = repondre(client, route, situation)
        assert statut == 200 and "Infinity" not in json.dumps(reponse)
    assert reponse["trace"]["plafond_financement_amorcage<2018-12>"]["value"] == [None]


# 9. The Python API: what pandas would coerce

PAS_DES_NOMBRES = [True, False, numpy.bool_(True), 1 + 2j, numpy.complex128(3), numpy.array(5)]
PAS_DES_NOMBRES += [numpy.datetime64("2015-10-12"), numpy.timedelta64(3, "D"), datetime.date(2015, 10, 12)]


@FUZZ
@given(
    colonne=st.sampled_from(["nombre_apprenants", "budget_session", "duree_formation_mois", "nombre_femmes"]),
    valeur=st.sampled_from([*PAS_DES_NOMBRES, "12", numpy.int64(12)]) | st.integers(0, 40) | st.floats(0, 40),
    seule=st.booleans(),
)
def test_a_dataframe_cell_is_a_number_or_refused_naming_its_column(colonne, valeur, seule):
    """A cell that is not a number (a boolean, a complex number, a date, a duration, an array) is refused, whether
    its column holds it alone (a column of its dtype) or beside numbers (a column of objects)."""
    cellules = [valeur] if seule else [valeur, 12]
    table = pandas.DataFrame({"formation_id": ["a", "b"][: len(cellules)], "nombre_apprenants": 40, colonne: cellules})
    refuse = (
        any(valeur is pas_un_nombre for pas_un_nombre in PAS_DES_NOMBRES)
        or (colonne.startswith("nombre") and not float(valeur).is_integer())
        or (colonne == "duree_formation_mois" and float(valeur) <= 0)
    )
    if refuse:
        with pytest.raises(DonneesInvalidesError, match=f"field '{colonne}'"):
            lire_population(SYSTEME, table)
    else:
        assert lire_population(SYSTEME, table).table[colonne].iloc[0] == float(valeur)


@pytest.mark.parametrize(
    ("ids", "attendu"),
    [
        ({"formation_id": [5, "5"]}, "row 1 (formation '5'), field 'formation_id': duplicate id"),
        ({"formation_id": [None]}, "row 0, field 'formation_id': an id must be a non-empty text"),
        ({"formation_id": [pandas.NA, pandas.NaT]}, "row 1, field 'formation_id': an id must be a non-empty text"),
        ({"formation_id": ["a", "b"], "structure_id": [1, "1"]}, ["1"]),
        ({"formation_id": ["a", "b"], "structure_id": [1, 1.0]}, ["1"]),
        ({"formation_id": [1, 2], "structure_id": [1.5, 2.0]}, ["1.5", "2"]),
    ],
)
def test_ids_are_read_as_the_text_a_csv_would_give(ids, attendu):
    """5, 5.0 and '5' are one id: never two trainings or structures that print alike, never a crash."""
    table = pandas.DataFrame({**ids, "budget_session": 1})
    if isinstance(attendu, str):
        with pytest.raises(DonneesInvalidesError, match=re.escape(attendu)):
            lire_population(SYSTEME, table)
    else:
        assert lire_population(SYSTEME, table).groupes["structure"][1].tolist() == attendu


@pytest.mark.parametrize(
    ("contenu", "message"),
    [
        ("\x00\x01\x02", "it holds binary data (a NUL byte on line 1), not CSV text"),
        (",".join(f"c{i}" for i in range(150)) + "\n", "its header has 150 columns, at most 100"),
        ("x" * 200_000 + "\n1\n", "its header is over 131,072 characters long"),
        ("#" + "x" * 200_000 + "\nformation_id\n1\n", "its line 1, a description ('#'), is over 131,072 characters"),
    ],
)
def test_a_file_that_is_no_table_of_trainings_is_refused_in_one_line(tmp_path, capsys, contenu, message):
    fichier = tmp_path / "t.csv"
    fichier.write_text(contenu, encoding="utf-8")
    with pytest.raises(DonneesInvalidesError, match=re.escape(message)):
        lire_population(SYSTEME, fichier)
    assert main(["calculate", "--data", str(fichier)]) == 2
    assert message in capsys.readouterr().err


def test_a_device_of_endless_bytes_is_refused_before_it_fills_the_memory(tmp_path, capsys):
    """`--data /dev/zero` read a header that never ends: the kernel killed the command at 24 GB; /dev/urandom was
    scanned for ever for its encoding."""
    for peripherique in ("/dev/zero", "/dev/urandom"):
        assert main(["calculate", "--data", peripherique]) == 2
        assert f"Cannot read '{peripherique}': it is a device or a pipe, not a file" in capsys.readouterr().err
    tube = tmp_path / "tube"
    os.mkfifo(tube)  # a named pipe hung: opened several times, never read to its end
    assert main(["calculate", "--data", str(tube)]) == 2
    assert "it is a device or a pipe, not a file; save the table to a file first" in capsys.readouterr().err


def test_a_description_line_at_the_bound_is_read(tmp_path):
    """A '#' line of exactly the bound, its line break not counted, was refused as « its header is over… »."""
    for fin in ("\n", "\r\n"):
        fichier = tmp_path / "t.csv"
        fichier.write_bytes(("#" + "x" * 131_071 + fin + "formation_id" + fin + "a" + fin).encode())
        assert lire_population(SYSTEME, fichier).table["formation_id"].tolist() == ["a"]


def test_a_comment_line_below_the_header_is_no_training(tmp_path):
    fichier = tmp_path / "t.csv"
    fichier.write_text("# a table\nformation_id,budget_session\na,1\n# the end\n", encoding="utf-8")
    assert lire_population(SYSTEME, fichier).table["formation_id"].tolist() == ["a"]


def test_dates_of_a_reform_are_texts_and_a_breakdown_takes_one_column():
    for valeur in ([datetime.date(2015, 10, 30)], ["2015-10-30", datetime.date(2015, 10, 31)]):
        with pytest.raises(ReformeInvalideError, match="expects dates as YYYY-MM-DD"):
            appliquer_reforme(SYSTEME, {"calendrier.dates_limites_depot": {"2015-09-17": valeur}})
    comparaison = comparer(POPULATIONS[0], "plafond_par_formation", MOIS, par="metier_vise")
    assert "metier_vise" in comparaison.formations and "m" not in comparaison.formations


def test_numpy_scalars_are_reform_values():
    reformee = sans_avertissement(
        appliquer_reforme, SYSTEME, {"financement_amorcage.plafond": {"2015-09-17": numpy.int64(80_000)}}
    )
    assert reformee.parameters.financement_amorcage.plafond("2015-10-01") == 80_000


# 10. Bounded work


PERIODES = st.sampled_from(["2015-10", "month:2015-10:1", "month:2015-09:3", "2015", "year:2015-06", "2016-01"])


@FUZZ
@given(donnees=st.dictionaries(PERIODES, st.booleans(), min_size=1, max_size=4))
def test_overlapping_periods_are_refused_whatever_the_order_of_the_keys(client, donnees):
    """A monthly input given for periods that overlap would take the value of the last key written: refused, so
    that the answer never depends on the order of the keys."""
    reponses = []
    for ordre in (list(donnees.items()), list(reversed(donnees.items()))):
        situation = {"formations": {"f": {**DOSSIER, "financements_droit_commun_obtenus": dict(ordre)}}}
        situation["formations"]["f"]["financement_amorcage"] = {"2015-10": None}
        statut, reponse = repondre(client, "/calculate", situation)
        reponses.append(reponse if statut == 400 else reponse["formations"]["f"]["financement_amorcage"])
    assert reponses[0] == reponses[1] or all("overlap" in r["error"] for r in reponses)
    mois = [periods.period(p) for p in donnees]
    chevauchent = any(a.intersection(b.start, b.stop) for i, a in enumerate(mois) for b in mois[i + 1 :])
    assert chevauchent == ("error" in reponses[0]), reponses[0]


def test_periods_covering_too_many_months_are_refused_before_building(client):
    """Each distinct period is spread over its months: 40 trainings with long periods of their own would take
    seconds (a bounded total, MAX_MOIS_DONNES)."""
    formations = {
        f"f{i}": {
            **DOSSIER,
            "financements_droit_commun_obtenus": {f"month:{1990 + i // 12}-{i % 12 + 1:02d}:900": False},
        }
        for i in range(40)
    }
    statut, reponse = repondre(client, "/calculate", {"formations": formations})
    assert statut == 400 and f"cover 36000 months, at most {MAX_MOIS_DONNES} per request" in reponse["error"]


def test_months_asked_beyond_the_limit_are_refused_before_anything_is_computed(client):
    """Seven trainings each asking every variable over 240 months of their own, 1 680 months in all: /calculate
    took 34 s and /trace outlived gunicorn's timeout (a 500 page). Distinct months asked are bounded together."""
    mois = [f"{annee}-{numero:02d}" for annee in range(1990, 2100) for numero in range(1, 13)]
    formations = {f"f{i}": {**DOSSIER, "labellisee": dict.fromkeys(mois[i * 121 : (i + 1) * 121])} for i in range(2)}
    for route in ("/calculate", "/trace"):
        statut, reponse = repondre(client, route, {"formations": formations})
        assert (
            statut == 400
            and f"asks values for 242 distinct months, at most {MAX_MOIS_DEMANDES}" in reponse["error"].lower()
        )
    formations["f1"]["labellisee"] = dict.fromkeys(mois[121:240])
    assert repondre(client, "/calculate", {"formations": formations})[0] == 200


def test_a_trace_of_many_trainings_over_many_months_is_refused_naming_why(tax_benefit_system):
    """A trace holds every value computed for every training: 1 000 trainings over 30 months are 8 MB."""
    from openfisca_gen.web import creer_app

    client = creer_app(tax_benefit_system, 5_000_000, 1000).test_client()
    mois = [f"{annee}-{numero:02d}" for annee in range(2016, 2030) for numero in range(1, 13)]
    formations = {f"f{i}": dict(DOSSIER) for i in range(1000)}
    formations["f0"]["labellisee"] = dict.fromkeys(mois[: MAX_MOIS_TRACES // 1000 + 1])
    statut, reponse = repondre(client, "/trace", {"formations": formations})
    assert statut == 400 and reponse["errors"][0]["field"] == "situation"
    assert f"a trace of 31 months for 1000 trainings, at most {MAX_MOIS_TRACES} months × trainings" in reponse["error"]
    assert repondre(client, "/calculate", {"formations": formations})[0] == 200  # /calculate answers it
    formations["f0"]["labellisee"] = dict.fromkeys(mois[: MAX_MOIS_TRACES // 1000])
    assert repondre(client, "/trace", {"formations": formations})[0] == 200


def test_a_computed_variable_given_for_some_instances_only_is_refused_everywhere(client):
    """Given for f, asked for g: OpenFisca sets the whole array, g reading 0 instead of its formula's 30 000 € (and
    /explain said g ineligible, with no condition failed). Given for every instance, it stands for the formula."""
    situation = {"formations": {"f": {**DOSSIER, "financement_amorcage": {MOIS: 5}},
                                "g": {**DOSSIER, "financement_amorcage": {MOIS: None}}}}  # fmt: skip
    attendu = "formation 'f', field 'financement_amorcage' (2016-02): is computed by the model, and given for some"
    for route, corps in (("/calculate", situation), ("/explain", {"situation": situation, "period": MOIS})):
        statut, reponse = repondre(client, route, corps)
        assert statut == 400 and attendu in reponse["error"] and "1 other(s) ('g') would read 0" in reponse["error"]
    with pytest.raises(EntreeInvalideError, match=re.escape(attendu)):
        construire_simulation(SYSTEME, situation)
    situation["formations"]["g"]["financement_amorcage"] = {MOIS: 7}
    assert construire_simulation(SYSTEME, situation).calculate("financement_amorcage", MOIS).tolist() == [5, 7]


def test_compare_checks_the_campaigns_under_the_reform_too(client):
    """A reform that opens the 2nd call mid-window splits a campaign between two calls: the reform side computed a
    campaign judged under no call (60 000 € of cost), where Python's `comparer` refused it."""
    campagne = {"formations": {"f": {**DOSSIER, "date_depot_dossier": {"ETERNITY": "2015-10-12"}},
                               "g": {**DOSSIER, "date_depot_dossier": {"ETERNITY": "2015-10-25"}}},
                "campagnes": {"c": {"formations": ["f", "g"]}}}  # fmt: skip
    reforme = {"calendrier.date_ouverture": {"2016-08-23": "2015-10-20", "2018-04-05": "2018-04-05"}}
    corps = {
        "situation": campagne,
        "reform": reforme,
        "period": "2016-10",
        "variables": ["cout_financement_amorcage_campagne"],
    }
    statut, reponse = repondre(client, "/compare", corps)
    assert statut == 400 and reponse["errors"][0]["code"] == "campagne_melee", reponse


def test_expliquer_checks_the_period_as_explain_does():
    situation = {"formations": {"f": {**DOSSIER, "financements_droit_commun_obtenus": {"2015": True}}}}
    with pytest.raises(
        EntreeInvalideError,
        match=r"formation 'f', field 'financements_droit_commun_obtenus' \(2015\) does not hold in 2016-02, the month",
    ):
        expliquer(SYSTEME, situation, "2016-02")


def test_more_periods_than_the_limit_are_refused_naming_the_field(client):
    mois = [f"{annee}-{numero:02d}" for annee in range(1990, 2030) for numero in range(1, 13)][: MAX_PERIODES + 1]
    situation = {"formations": {"f": {**DOSSIER, "nombre_femmes": dict.fromkeys(mois, 1)}}}
    statut, reponse = repondre(client, "/calculate", situation)
    assert statut == 400 and f"'nombre_femmes': is given for {MAX_PERIODES + 1} periods, at most" in reponse["error"]


def test_a_reform_of_many_dated_values_is_linear_up_to_its_limit(client, tmp_path, capsys):
    debut = datetime.date(1970, 1, 1)
    valeurs = {str(debut + datetime.timedelta(days=3 * i)): 70_000 + i for i in range(MAX_VALEURS_DATEES)}
    reformee = sans_avertissement(appliquer_reforme, SYSTEME, {"financement_amorcage.plafond": valeurs})
    assert reformee.parameters.financement_amorcage.plafond("1970-01-04") == 70_001
    assert reformee.parameters.financement_amorcage.plafond(list(valeurs)[-1]) == 70_000 + MAX_VALEURS_DATEES - 1
    trop = {"financement_amorcage.plafond": {**valeurs, "2099-01-01": 1}}
    corps = {"situation": {"formations": {"f": DOSSIER}}, "reform": trop, "period": MOIS}
    statut, reponse = repondre(client, "/compare", corps)
    assert statut == 400 and f"at most {MAX_VALEURS_DATEES}" in reponse["error"]
    fichier = tmp_path / "trop.yaml"
    fichier.write_text(json.dumps(trop), encoding="utf-8")
    assert main(["compare", "--reform", str(fichier)]) == 2
    assert f"gives {MAX_VALEURS_DATEES + 1} dated values, at most" in capsys.readouterr().err


@pytest.mark.parametrize("chiffres", [309, 400, 4300, 5000])
def test_a_cell_of_thousands_of_digits_is_a_number_too_large(tmp_path, chiffres):
    """pandas raises OverflowError for an integer of 309 to 4300 digits and gives NaN beyond: both are numbers
    beyond floats, named as such, as in a JSON body."""
    fichier = tmp_path / "t.csv"
    fichier.write_text(f"formation_id,budget_session,nombre_apprenants\nf,{'9' * chiffres},1\ng,1,{'9' * chiffres}\n")
    with pytest.raises(DonneesInvalidesError) as erreur:
        lire_population(SYSTEME, fichier)
    lignes = str(erreur.value).splitlines()
    assert "field 'budget_session': expects a finite number within ±1e9" in lignes[0]
    assert "field 'nombre_apprenants': expects a whole number within ±2147483647" in lignes[1]


def test_a_campaigns_count_that_would_not_fit_is_refused_naming_it(client, tmp_path, capsys):
    """Two trainings of 2 000 000 000 learners: their campaign's count came out as −2 147 483 648, its share of
    women 0 (one half) and its objectives « non atteint ». A campaign whose total of a count would not fit in one
    is refused; one that fits to the last unit computes."""
    grand = {**DOSSIER, "metier_vise": {"ETERNITY": "codeur"}, "nombre_apprenants": {"ETERNITY": 2_000_000_000}}
    formations = {"f": {**grand, "nombre_femmes": {"ETERNITY": 2_000_000_000}}, "g": grand}
    situation = {"formations": formations, "campagnes": {"c": {"formations": ["f", "g"]}}}
    demandee = {**situation, "campagnes": {"c": {"formations": ["f", "g"], "part_femmes_campagne": {MOIS: None}}}}
    attendu = "campagne 'c', field 'nombre_apprenants': its trainings add up to 4000000000, more than a count holds"
    for route, corps in (
        ("/calculate", demandee),
        ("/explain", {"situation": situation, "period": MOIS}),
        ("/compare", {"situation": situation, "period": MOIS, "reform": "plafond_100k"}),
    ):
        statut, reponse = repondre(client, route, corps)
        assert statut == 400 and attendu in reponse["error"], (route, reponse)
        [probleme] = reponse["errors"]
        assert (probleme["code"], probleme["entity"], probleme["id"], probleme["field"]) == (
            "total_trop_grand", "campagne", "c", "nombre_apprenants"
        )  # fmt: skip
    fichier = tmp_path / "grands.csv"
    entete = "formation_id,structure_id,campagne_id,date_depot_dossier,metier_vise,budget_session,nombre_apprenants"
    fichier.write_text(entete + "".join(f"\n{nom},s,c,2015-10-05,codeur,100000,1500000000" for nom in "ab") + "\n")
    assert main(["calculate", "--data", str(fichier), "--period", MOIS]) == 2
    assert "campagne 'c', field 'nombre_apprenants': its trainings add up to 3000000000" in capsys.readouterr().err
    with pytest.raises(EntreeInvalideError) as refus:
        construire_simulation(SYSTEME, situation)
    assert refus.value.problemes[0].fr() == (
        "Ses formations en totalisent 4\u202f000\u202f000\u202f000, plus qu'un compte ne peut en tenir "
        "(2\u202f147\u202f483\u202f647) : vérifiez leurs valeurs."
    )
    formations["g"] = {**grand, "nombre_apprenants": {"ETERNITY": 147_483_647}}
    total = construire_simulation(SYSTEME, situation).calculate("nombre_apprenants_campagne", MOIS)
    assert total.tolist() == [2_147_483_647]


def test_a_file_without_a_line_break_in_another_encoding_is_refused_without_holding_it(tmp_path):
    """A file of é in Windows-1252 without a line break was read whole, twice, for its encoding (300 MB took
    676 MB) before « its header is over… »; each line is now read to a bound."""
    import tracemalloc

    fichier = tmp_path / "t.csv"
    fichier.write_bytes(b"\xe9" * 8_000_000)
    tracemalloc.start()
    with pytest.raises(DonneesInvalidesError, match="its header is over 131,072 characters long"):
        lire_population(SYSTEME, fichier)
    pic = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert pic < 4_000_000, pic


@pytest.mark.parametrize("ligne", ["#" + "c" * 140_000, "f2," + "x" * 140_000 + ",abc"])
def test_a_cell_longer_than_the_csv_module_reads_is_refused_naming_its_line(tmp_path, capsys, client, ligne):
    """A comment row or a place of 140 000 characters beside a bad value ended in `_csv.Error: field larger than
    field limit`: a traceback from the command, a 500 from the workshop."""
    contenu = f"formation_id,lieu_formation,budget_session\nf1,a,1000\n{ligne}\n"
    fichier = tmp_path / "t.csv"
    fichier.write_text(contenu, encoding="utf-8")
    assert main(["calculate", "--data", str(fichier)]) == 2
    assert "Cannot read 't.csv': a cell of its line 3 is over 131,072 characters long" in capsys.readouterr().err
    reponse = client.post("/reformes", data={"donnees": (io.BytesIO(contenu.encode()), "t.csv"),
                          "financement_amorcage.plafond": "50000"}, content_type="multipart/form-data")  # fmt: skip
    assert reponse.status_code == 200 and "une cellule de sa ligne 3 compte plus de 131" in reponse.get_data(
        as_text=True
    )
