"""The extended server (`openfisca-gen serve`) over real HTTP: same standard routes, /explain, /compare,
validation, limits, and malformed bodies that must never get a 5xx."""

import copy
import json

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openapi_spec_validator import validate
from serveurs import dates_iso

from openfisca_gen.situation_examples import campagne_deux_structures, formation_eligible


def sans_durees(valeur):
    """A JSON value without the trace's timings, which differ from run to run."""
    if isinstance(valeur, dict):
        return {k: sans_durees(v) for k, v in valeur.items() if k not in ("calculation_time", "formula_time")}
    return [sans_durees(v) for v in valeur] if isinstance(valeur, list) else valeur


def formation(**valeurs):
    return {"formations": {"f": {cle: {"2015-10": v} for cle, v in valeurs.items()}}}


@pytest.mark.parametrize("route", ["/variables", "/parameters", "/entities", "/variable/labellisee",
                                   "/parameter/financement_amorcage.plafond", "/parameter/calendrier.date_ouverture",
                                   "/parameter/interpretations"])  # fmt: skip
def test_standard_routes_are_identical_to_plain_openfisca(serveur, openfisca_serve, route, requete):
    statut, etendu = requete(serveur + route)
    statut_plain, attendu = requete(openfisca_serve + route)
    assert statut == statut_plain == 200
    attendu = json.loads(json.dumps(attendu).replace(openfisca_serve, serveur))  # links name the host
    assert sans_liens_de_source(etendu, serveur) == sans_liens_de_source(attendu, serveur)


def sans_liens_de_source(corps, serveur):
    """A /variable or /parameter answer without what the extended server makes resolve (test_pages_http.py):
    `source` (of the variable, of its formulas, of the parameter) and references that are not URLs, which it
    points to the stored texts it serves. Everything else must be OpenFisca's, unchanged."""
    corps = copy.deepcopy(corps)
    corps.pop("source", None)
    for formule in (corps.get("formulas") or {}).values():
        if formule:
            formule.pop("source")
    resolues = ("http://", "https://")
    if "references" in corps:
        corps["references"] = [
            r if r.startswith(resolues) and not r.startswith(f"{serveur}/sources/") else "a stored text"
            for r in corps["references"]
        ]
    references = (corps.get("metadata") or {}).get("reference")
    if references:  # a parameter's: a text, or a title without href, given the href of the stored text it cites
        liste = [_titre_de(r, serveur) for r in (references if isinstance(references, list) else [references])]
        corps["metadata"]["reference"] = liste if isinstance(references, list) else liste[0]
    return corps


def _titre_de(reference, serveur):
    if isinstance(reference, str) and not reference.startswith(("http://", "https://")):
        return {"title": reference}
    if isinstance(reference, dict) and reference.get("href", "").startswith(f"{serveur}/sources/"):
        return {"title": reference["title"]}
    return reference


def test_spec_keeps_openfiscas_and_adds_the_new_routes_and_examples(serveur, openfisca_serve, requete):
    etendue, plain = requete(serveur + "/spec")[1], requete(openfisca_serve + "/spec")[1]
    nouvelles = {chemin: etendue["paths"].pop(chemin) for chemin in ("/explain", "/compare")}
    assert all(route["post"]["requestBody"]["required"] for route in nouvelles.values())
    assert etendue["paths"].pop("/reforms")["get"]["responses"]
    corps = etendue["paths"]["/calculate"]["post"]["requestBody"]["content"]["application/json"]
    assert corps.pop("examples") == {
        "formation_eligible": {"value": formation_eligible},
        "campagne_deux_structures": {"value": campagne_deux_structures},
    }
    for route in ("/calculate", "/trace"):  # the answers the extended server adds: too large, not JSON
        reponses = etendue["paths"][route]["post"]["responses"]
        assert {reponses.pop(code)["description"] for code in ("413", "415")} == {
            "The request is larger than the server's limit.", "The body is not sent as application/json."}  # fmt: skip
    etendue.pop("servers"), plain.pop("servers")
    assert sans_durees(etendue) == sans_durees(dates_iso(plain))  # all the rest is OpenFisca's, unchanged


def test_the_extended_spec_is_valid_openapi(serveur, requete):
    validate(requete(serveur + "/spec")[1])  # raises on an invalid document


# Groups before the trainings, a request on each entity, twice the same: the answers keep the body's order.
GROUPES_D_ABORD = {
    "structures": {"s": {"formations": ["b", "a"], "financement_amorcage_structure": {"2015-10": None}}},
    "formations": {
        nom: {**formation_eligible["formations"]["formation_web"], "labellisee": {"2015-10": None, "2015-11": None}}
        for nom in ("b", "a")
    },
}


@pytest.mark.parametrize("situation", [formation_eligible, campagne_deux_structures, GROUPES_D_ABORD])
def test_calculate_gives_the_plain_results_on_valid_situations(serveur, openfisca_serve, situation, requete):
    assert requete(serveur + "/calculate", situation) == requete(openfisca_serve + "/calculate", situation)


@pytest.mark.parametrize("situation", [formation_eligible, campagne_deux_structures, GROUPES_D_ABORD])
def test_trace_gives_the_plain_trace_on_valid_situations(serveur, openfisca_serve, situation, requete):
    """/trace is answered from the validated arrays, as /calculate is: the same trace as plain OpenFisca's, every
    node's value, parameters and dependencies, the requests in the body's order, timings aside."""
    statut, etendue = requete(serveur + "/trace", situation)
    plain = dates_iso(requete(openfisca_serve + "/trace", situation)[1])
    assert statut == 200 and sans_durees(etendue) == sans_durees(plain)


def test_yearly_inputs_on_monthly_variables_are_answered(serveur, requete):
    """Inputs given for a year apply to each of its months (set_input_dispatch_by_period)."""
    entrees = formation_eligible["formations"]["formation_web"]
    annuelles = {cle: {"2015": valeur["2015-10"]} for cle, valeur in entrees.items() if valeur["2015-10"] is not None}
    situation = {"formations": {"f": {**annuelles, "financement_amorcage": {"2015-10": None}}}}
    statut, reponse = requete(serveur + "/calculate", situation)
    assert statut == 200
    assert reponse["formations"]["f"]["financement_amorcage"] == {"2015-10": 45000.0}


def test_explain_lists_the_failed_conditions_with_sources_and_values(serveur, requete):
    statut, reponse = requete(serveur + "/explain", {"situation": campagne_deux_structures, "period": "2015-10"})
    assert statut == 200
    assert reponse["call"] == {"date_ouverture": "2015-09-17", "dates_limites_depot": ["2015-10-19"]}
    assert reponse["formations"]["developpeur_web_6_mois"]["failed_conditions"] == []
    [echec] = reponse["formations"]["community_manager_en_retard"]["failed_conditions"]
    assert echec["condition"] == "dossier_depose_dans_les_delais"
    assert echec["inputs"] == {"date_depot_dossier": "2015-10-20"}
    assert echec["parameters"]["calendrier.dates_limites_depot"] == ["2015-10-19"]
    assert "17 septembre 2015" in echec["reference"][0]
    eligible, en_retard = (reponse["formations"][f] for f in ("developpeur_web_6_mois", "community_manager_en_retard"))
    assert eligible["call"] == {"numero": 1, **reponse["call"]}  # the call whose rules judged it
    assert en_retard["call"] is None and en_retard["decision_set_aside"] is None


def test_explain_shows_an_input_condition_and_infers_the_period(serveur, requete):
    statut, reponse = requete(serveur + "/explain", {"situation": formation(metier_vise="codeur")})
    assert statut == 200 and reponse["period"] == "2015-10"
    echecs = {e["condition"]: e for e in reponse["formations"]["f"]["failed_conditions"]}
    assert echecs["formation_gratuite"]["inputs"] == {"formation_gratuite": False}
    assert echecs["duree_formation_eligible"]["parameters"]["labellisation.duree_formation.maximum_mois"] == 24


def au_mois(situation, mois):
    """The situation with every input and request moved to `mois`."""
    return json.loads(json.dumps(situation).replace('"2015-10"', f'"{mois}"'))


def test_explain_before_the_first_call(serveur, requete):
    corps = {"situation": au_mois(formation_eligible, "2015-06"), "period": "2015-06"}
    statut, reponse = requete(serveur + "/explain", corps)
    assert statut == 200 and reponse["call"] is None and "No call" in reponse["note"]


def test_explain_names_a_field_it_does_not_take(serveur, requete):
    """'periode' was ignored, and the answer said that 'period' was missing, naming nothing misspelt."""
    corps = {"situation": au_mois(formation_eligible, "2015-10"), "periode": "2015-10", "reform": "plafond_100k"}
    statut, reponse = requete(serveur + "/explain", corps)
    assert statut == 400 and [e["field"] for e in reponse["errors"]] == ["periode", "reform"]
    assert reponse["error"] == (
        "'periode' is not a field of this request (it takes situation, period); did you mean period?"
    )


def test_a_body_wrong_in_several_fields_hears_of_each(serveur, requete):
    """/compare named the first field wrong only (the situation's), and /explain its situation's problems only,
    where `errors` lists every problem: a client fixed one field per request."""
    faux = {"situation": {"formations": {"f": {"budget_session": {"ETERNITY": -5}}}}, "period": "2015-13"}
    attendus = {
        "/explain": (faux, ["budget_session", "period"]),
        "/compare": (
            faux | {"reform": "nope", "variables": ["zzz"]},
            ["budget_session", "period", "reform", "variables"],
        ),
        "/compare ": ({"situation": {"formations": {"f": {}}}}, ["period", "reform"]),  # both missing
        "/explain ": ({"period": "2015-13"}, ["situation", "period"]),  # no situation: its period still checked
    }
    for route, (corps, champs) in attendus.items():
        statut, reponse = requete(serveur + route.strip(), corps)
        assert statut == 400 and [e["field"] for e in reponse["errors"]] == champs, (route, reponse)


def test_compare_a_shipped_reform(serveur, requete):
    # 0.7: the first call's ceiling caps a structure's total; plafond_par_formation is the ceiling per training.
    corps = {"situation": campagne_deux_structures, "reform": "plafond_par_formation",
             "variables": ["financement_amorcage", "financement_amorcage_structure"]}  # fmt: skip
    statut, reponse = requete(serveur + "/compare", corps)
    assert statut == 200 and reponse["period"] == "2015-10"
    assert reponse["formations"]["codeur_4_mois"]["financement_amorcage"] == {
        "baseline": 35000.0, "reform": 50000.0, "difference": 15000.0}  # fmt: skip
    assert reponse["structures"]["association_numerique"]["financement_amorcage_structure"]["reform"] == 100000.0


def test_compare_a_parametric_reform_never_touches_the_baseline(serveur, requete):
    corps = {"situation": formation_eligible, "reform": {"financement_amorcage.taux": {"2015-09-17": 0.2}}}
    statut, reponse = requete(serveur + "/compare", corps)
    assert statut == 200
    assert reponse["formations"]["formation_web"]["financement_amorcage"]["reform"] == 18000.0
    assert reponse["formations"]["formation_web"]["eligible_labellisation"]["changed"] is False
    for _ in range(3):  # whichever worker answers, the baseline is intact
        statut, calcul = requete(serveur + "/calculate", formation_eligible)
        assert calcul["formations"]["formation_web"]["financement_amorcage"] == {"2015-10": 45000.0}
    statut, plafond = requete(serveur + "/parameter/financement_amorcage.taux")
    assert plafond["values"]["2015-09-17"] == 0.5


def test_a_comparisons_difference_is_the_reform_less_the_baseline_as_written(client):
    """Two trainings of one structure share an 80 000 € ceiling in thirds: baseline and reform are written to six
    decimals, and the difference, once rounded to the cent, did not add up to them."""
    dossier = formation_eligible["formations"]["formation_web"]
    formations = {
        nom: {**dossier, "budget_session": {"2015-10": budget}} for nom, budget in (("f", 100_000), ("g", 200_000))
    }
    situation = {"formations": formations, "structures": {"s": {"formations": ["f", "g"]}}}
    reforme = {"financement_amorcage.plafond": {"2015-09-17": 80_000, "2016-08-23": 70_000, "2018-04-05": None}}
    reponse = client.post("/compare", json={"situation": situation, "reform": reforme}).get_json()
    for nom in formations:
        ligne = reponse["formations"][nom]["financement_amorcage"]
        assert ligne["baseline"] % 1 and ligne["reform"] % 1  # thirds of a euro: the case where it did not add up
        assert ligne["baseline"] + ligne["difference"] == pytest.approx(ligne["reform"], abs=1e-9)


def test_a_comparisons_difference_of_counts_is_a_whole_number(client):
    """A count's difference came as 0.0 or -1.0 beside counts written 2 and 1: it is a whole number too."""
    corps = {"situation": campagne_deux_structures, "reform": "objectif_femmes_par_formation",
             "variables": ["nombre_formations_labellisees", "cout_financement_amorcage_campagne"]}  # fmt: skip
    campagne = client.post("/compare", json=corps).get_json()["campagnes"]["appel_2015"]
    compte = campagne["nombre_formations_labellisees"]
    assert all(type(compte[cle]) is int for cle in ("baseline", "reform", "difference"))
    assert compte["baseline"] + compte["difference"] == compte["reform"]
    assert type(campagne["cout_financement_amorcage_campagne"]["difference"]) is float  # amounts stay amounts


def avec(reforme=None, **autres):
    """A /compare body on the eligible example."""
    return {"situation": formation_eligible, **({"reform": reforme} if reforme is not None else {}), **autres}


@pytest.mark.parametrize(
    ("corps", "message"),
    [
        (avec({"financement_amorcage.plafon": {"2015-09-17": 1}}), "Unknown parameter 'financement_amorcage.plafon'"),
        (avec({"financement_amorcage.plafond": {"2015-02-30": 1}}), "'2015-02-30' is not a date"),
        (avec({"financement_amorcage.plafond": {"2015-09-17": "x"}}), "expects a number, got 'x'"),
        (avec("plafond_infini"), "Unknown reform 'plafond_infini'"),
        (avec(42), "A parametric reform is a non-empty mapping {parameter path: {date: value}}"),
        (avec(["plafond_100k", "plafond_infini"]), "Unknown reform 'plafond_infini'"),
        (avec(), "'reform' is missing"),
        ({"reform": "plafond_100k"}, "'situation' is missing"),
        (avec("plafond_100k", variables=["financement"]), "unknown variable(s) financement"),
        (avec("plafond_100k", variables=["labelisee"]), "unknown variable(s) labelisee; did you mean labellisee?"),
        (avec("plafond_100k", period="2015"), "give a month"),
        (avec("plafond_100k", period="demain"), "is not a period"),
        (avec("plafond_100k", period="month:2015-10:2"), "give a month"),  # two months: a 500 before
        # a misspelt field was ignored: the default variables answered with a 200
        (
            avec("plafond_100k", variabels=["labellisee"]),
            "'variabels' is not a field of this request (it takes situation, reform, variables, period); did you "
            "mean variables?",
        ),
    ],
)
def test_compare_refuses_bad_requests_naming_the_field(serveur, corps, message, requete):
    statut, reponse = requete(serveur + "/compare", corps)
    assert statut == 400
    assert message in reponse["error"]


@pytest.mark.parametrize(
    ("situation", "message"),
    [
        (formation(budget_session=-1), "formation 'f', field 'budget_session' (2015-10): must be >= 0"),
        (
            formation(nombre_apprenants=10, nombre_femmes=11),
            "field 'nombre_femmes' (2015-10): 11 is more than nombre_apprenants",
        ),
        (formation(duree_formation_mois=0), "field 'duree_formation_mois' (2015-10): must be > 0"),
        (formation(budget_session=[1, 2]), "field 'budget_session' (2015-10): expects a number"),
        (formation(budget_session=1e300), "expects a finite number"),
        (formation(nombre_apprenants=2.5), "expects a whole number"),
        (formation(nombre_apprenants=True), "expects a number"),
        (formation(formation_gratuite="yes"), "expects true or false"),
        (formation(date_depot_dossier=12), "expects a date YYYY-MM-DD"),
        (formation(date_depot_dossier="2015-02-30"), "expects a date YYYY-MM-DD"),
        (formation(metier_vise=99), "expects one of developpeur_web"),
        ({"formations": {"f": {"budget_session": 5}}}, "expects an object {period: value}"),
        ({"formations": {"f": {"budget_session": {"2015-99": 1}}}}, "'2015-99' is not a period"),
        ({"formations": {"f": {"financement_amorcage": {"2015": None}}}}, "is defined by month"),
        ({"formations": {"f": {"financement_amorcage": {"ETERNITY": None}}}}, "is defined by month"),
        ({"formations": {"f": {"financement_amorcage": {"month:2015-10:2": None}}}}, "is defined by month"),
        # a month from the 20th was computed as the next one here, as the month it starts in by /explain
        ({"formations": {"f": {"financement_amorcage": {"month:2015-08-20": None}}}}, "first day of a month"),
        ({"formations": {"f": {"date_depot_dossier": {"month:2015-08-20": None}}}}, "first day of a month"),
        ({"formations": {"f": {"budget_session": {"month:2015-08-20": 1}}}}, "first day of a month"),
        ({"formations": {"f": {}}, "structures": {"s": {"formations": "f"}}}, "expects a list of formation ids"),
        ({"formations": {"f": {}}, "structures": {"s": {"formations": ["g"]}}}, "unknown formation 'g'"),
        (
            {"formations": {"f": {}}, "structures": {"s": {"formations": ["f"]}, "t": {"formations": ["f"]}}},
            "already in",
        ),
        ({"formations": [1]}, "'formations' must be an object"),
        ({"formations": {"f": [1]}}, "formation 'f' must be an object"),
        ({"personnes": {}}, "Unknown entity 'personnes'"),
        ([1, 2], "The situation must be a JSON object"),
    ],
)
@pytest.mark.parametrize("route", ["/calculate", "/trace"])
def test_bad_situations_get_a_400_naming_the_field(serveur, route, situation, message, requete):
    statut, reponse = requete(serveur + route, situation)
    assert statut == 400, reponse
    assert message in reponse["error"]


@pytest.mark.parametrize(
    "corps",
    [b"{", b"[" * 100_000 + b"]" * 100_000, b'{"a":' * 20_000 + b"1" + b"}" * 20_000,
     b'{"formations": {"f": {"budget_session": {"2015-10": NaN}}}}', b"\xff\xfe", b""],
)  # fmt: skip
def test_malformed_json_gets_a_400(serveur, corps, requete):
    statut, reponse = requete(serveur + "/calculate", corps)
    assert statut == 400 and reponse["error"]


def test_too_many_trainings_get_a_400(serveur, requete, limites):
    situation = {"formations": {f"f{i}": {} for i in range(limites.formations + 1)}}
    statut, reponse = requete(serveur + "/calculate", situation)
    assert statut == 400 and f"at most {limites.formations} per request" in reponse["error"]


def test_a_body_over_the_size_limit_gets_a_413(serveur, requete, limites):
    statut, reponse = requete(
        serveur + "/calculate", b'{"formations": {"f": {}}, "x": "' + b"a" * limites.octets + b'"}'
    )
    assert statut == 413 and str(limites.octets) in reponse["error"]
    assert [probleme["code"] for probleme in reponse["errors"]] == ["requete_trop_grosse"]


def test_a_body_not_sent_as_json_gets_a_415_with_its_problem(client):
    reponse = client.post("/calculate", data="{}", content_type="text/plain")
    assert reponse.status_code == 415
    [probleme] = reponse.get_json()["errors"]
    assert probleme["code"] == "corps_pas_du_json" and probleme["message"] == reponse.get_json()["error"]


def test_a_situation_with_no_training_is_named_with_every_other_problem(serveur, requete):
    """OpenFisca's builder said « No formation found » alone, the unknown variable beside it on the next request."""
    statut, reponse = requete(serveur + "/calculate", {})
    assert statut == 400 and reponse["errors"] == [
        {"code": "aucune_formation", "field": "formations", "message": reponse["error"]}]  # fmt: skip
    assert reponse["error"] == "'formations' holds no training: a situation gives at least one"
    statut, reponse = requete(serveur + "/calculate", {"structures": {"s": {"foo": {"2015-10": 1}}}})
    assert statut == 404 and [p["code"] for p in reponse["errors"]] == ["aucune_formation", "variable_inconnue"]


def test_openfiscas_own_errors_also_carry_an_error_key(client):
    """Where OpenFisca answers a situation itself (an input for a period it alone refuses), its nested keys gain
    `error` and `errors`, each problem with its field and path."""
    from flask import jsonify

    from openfisca_gen.web import _message_d_erreur

    with client.application.test_request_context():
        corps = {"formations": {"f": {"x": "OpenFisca's words"}}}
        brute = jsonify(corps)
        brute.status_code = 400
        reponse = _message_d_erreur(brute).get_json()
    assert reponse["formations"] == corps["formations"]  # OpenFisca's own keys, kept
    assert reponse["errors"] == [{"code": "openfisca", "field": "x", "path": "formations/f/x",
                                  "message": "formations/f/x: OpenFisca's words"}]  # fmt: skip
    assert reponse["error"] == "formations/f/x: OpenFisca's words"


@pytest.mark.parametrize(("nom", "suggestion"), [("foo", ""), ("budget_sesion", "; did you mean budget_session?")])
@pytest.mark.parametrize("route", ["/calculate", "/trace", "/explain"])
def test_an_unknown_variable_is_a_404_naming_it_with_every_other_problem(serveur, requete, route, nom, suggestion):
    """OpenFisca named it alone, in nested keys (`error` once wrote them as a Python dict); a bad value and a
    variable of another entity came out one per request, before or after it."""
    situation = {"formations": {"f": {nom: {"2015-10": 1}, "nombre_apprenants": {"ETERNITY": 2.5}},
                                "g": {"statut_structure": {"ETERNITY": "association"}}}}  # fmt: skip
    corps = {"situation": situation, "period": "2015-10"} if route == "/explain" else situation
    statut, reponse = requete(serveur + route, corps)
    assert statut == 404  # as OpenFisca answers an unknown variable
    inconnue, autre, entier = reponse["errors"]
    dans = {"in": "situation"} if route == "/explain" else {}
    assert inconnue == {"code": "variable_inconnue", "entity": "formation", "id": "f", "field": nom,
                        "message": reponse["error"], **dans}  # fmt: skip
    # in one sentence, with the name it may stand for: OpenFisca's paragraph ended on a changelog URL it made up
    prefixe = "'situation': " if dans else ""
    assert reponse["error"] == f"{prefixe}formation 'f', field '{nom}': unknown variable{suggestion}"
    assert (autre["code"], autre["id"], autre["field"]) == ("variable_d_une_autre_entite", "g", "statut_structure")
    assert autre["message"].endswith("is a variable of each structure: give it under 'structures'")
    assert (entier["code"], entier["field"]) == ("entier_attendu", "nombre_apprenants")


def test_unknown_routes_and_methods_answer_json(serveur, requete):
    """Every 4xx has `error` and `errors` (werkzeug's own 404 and 405 had no `errors`)."""
    for chemin, code in (("/nulle-part", 404), ("/explain", 405)):
        statut, reponse = requete(serveur + chemin)
        assert statut == code and reponse["errors"] == [{"code": "http", "field": None, "message": reponse["error"]}]


def valeurs_json():
    """Any JSON value, nested a little."""
    feuilles = (
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.text(max_size=12)
    )
    return st.recursive(
        feuilles,
        lambda enfants: st.lists(enfants, max_size=3) | st.dictionaries(st.text(max_size=8), enfants, max_size=3),
        max_leaves=12,
    )


def situations_abimees():
    """The campaign example with one value of the wrong shape or type, or under an odd period."""
    chemins = []
    for pluriel, instances in campagne_deux_structures.items():
        for identifiant, instance in instances.items():
            for variable, valeurs in instance.items():
                chemins.append((pluriel, identifiant, variable, None))
                if isinstance(valeurs, dict):
                    chemins += [(pluriel, identifiant, variable, periode) for periode in valeurs]

    def abimer(chemin, valeur):
        situation = copy.deepcopy(campagne_deux_structures)
        pluriel, identifiant, variable, periode = chemin
        if periode is None:
            situation[pluriel][identifiant][variable] = valeur
        else:
            situation[pluriel][identifiant][variable][periode] = valeur
        return situation

    mauvaises = (
        st.lists(st.integers(), min_size=1, max_size=3)
        | st.dictionaries(st.text(max_size=5), st.integers(), min_size=1, max_size=2)
        | st.text(min_size=1, max_size=10)
        | st.just(10**40)
        | st.just(-(10**40))
    )

    def deplacer(chemin, cle):
        """The value moved under another period key (an input, or a requested computation)."""
        situation = copy.deepcopy(campagne_deux_structures)
        pluriel, identifiant, variable, periode = chemin
        valeurs = situation[pluriel][identifiant][variable]
        valeurs[cle] = valeurs.pop(periode)
        return situation

    cles = st.sampled_from(
        ["2015", "ETERNITY", "month:2015-10:2", "day:2015-10-01", "week:2015-W40", "2015-13", "year:2015:2"]
    )
    avec_periode = [chemin for chemin in chemins if chemin[3] is not None]
    return st.builds(abimer, st.sampled_from(chemins), mauvaises) | st.builds(
        deplacer, st.sampled_from(avec_periode), cles | st.text(max_size=12)
    )


CORPS_ABIMES = situations_abimees() | valeurs_json() | st.binary(max_size=40).map(lambda b: {"__raw__": b})
ROUTES = st.sampled_from(["/calculate", "/trace", "/explain", "/compare"])


def envoi(corps, route, emballer):
    if isinstance(corps, dict) and "__raw__" in corps:
        return corps["__raw__"]
    if route in ("/explain", "/compare") and emballer:
        return {"situation": corps, "reform": "plafond_100k", "period": "2015-10"}
    return corps


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@example(corps={}, route="/explain", emballer=True)  # found by hypothesis: OpenFisca's own error escaped as a 500
@example(corps={}, route="/compare", emballer=True)
@given(corps=CORPS_ABIMES, route=ROUTES, emballer=st.booleans())
def test_malformed_bodies_never_get_a_5xx(client, corps, route, emballer):
    """Through the whole app (Flask's test client: the checks are the app's, not the server's)."""
    contenu = envoi(corps, route, emballer)
    donnees = contenu if isinstance(contenu, bytes) else json.dumps(contenu)
    reponse = client.post(route, data=donnees, content_type="application/json")
    assert reponse.status_code < 500, (reponse.status_code, reponse.data[:300])
    if reponse.status_code >= 400:
        assert isinstance(reponse.json, dict) and reponse.json.get("error"), reponse.data[:300]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(corps=CORPS_ABIMES, route=ROUTES, emballer=st.booleans())
def test_malformed_bodies_over_http_never_get_a_5xx(serveur, corps, route, emballer, requete):
    """The same over real HTTP, through gunicorn: what it adds (its own parsing, a worker's crash) is seen too."""
    statut, reponse = requete(serveur + route, envoi(corps, route, emballer))
    assert statut < 500, (statut, reponse)
    if statut >= 400:
        assert isinstance(reponse, dict) and reponse.get("error"), reponse


def test_the_server_still_answers_correctly_after_the_bad_requests(serveur, requete):
    statut, reponse = requete(serveur + "/calculate", formation_eligible)
    assert statut == 200
    assert reponse["formations"]["formation_web"]["financement_amorcage"] == {"2015-10": 45000.0}


def test_a_400_lists_every_problem_as_an_object_with_its_field(client):
    situation = {"formations": {"f": {"budget_session": {"2015-10": -1}, "nombre_apprenants": {"2015-10": 2.5}}}}
    reponse = client.post("/calculate", json=situation)
    corps = reponse.get_json()
    assert reponse.status_code == 400 and corps["error"] == corps["errors"][0]["message"]
    assert [{k: e[k] for k in ("field", "entity", "id", "period", "code")} for e in corps["errors"]] == [
        {"field": "nombre_apprenants", "entity": "formation", "id": "f", "period": "2015-10", "code": "entier_attendu"},
        {"field": "budget_session", "entity": "formation", "id": "f", "period": "2015-10", "code": "negatif"},
    ]
    reponse = client.post(
        "/compare", json={"situation": formation_eligible, "reform": {"financement_amorcage.taux": 2}}
    )
    [probleme] = reponse.get_json()["errors"]
    assert probleme["field"] == "financement_amorcage.taux" and probleme["in"] == "reform"


def test_the_registry_is_served(client):
    reformes = client.get("/reforms").get_json()
    assert "duree_maximale_selon_le_ministre" in reformes and "plafond_100k" in reformes
    assert reformes["plafond_100k"]["changes"] == {
        "financement_amorcage.plafond": {"2015-09-17": 100000, "2018-04-05": None}
    }


def test_compare_warns_of_a_value_that_leaks_into_later_calls(client):
    corps = {"situation": formation_eligible, "reform": {"financement_amorcage.plafond": {"2015-09-17": 100000}}}
    reponse = client.post("/compare", json=corps).get_json()
    assert [message.split(": ")[0] for message in reponse["warnings"]] == ["'financement_amorcage.plafond'"] * 2
    assert "warnings" not in client.post("/compare", json={**corps, "reform": "plafond_100k"}).get_json()


def test_calculate_refuses_a_campaign_that_mixes_calls_as_explain_does(serveur, requete):
    """A campaign is judged under one call: given with dossiers of the first and second calls, it is refused by
    /calculate, naming it and the calls, as /explain and the tables refuse it (it used to answer 200)."""
    situation = {
        "formations": {"f": {"date_depot_dossier": {"ETERNITY": "2015-10-12"}}, "g": {"date_depot_dossier": {}}},
        "campagnes": {"c": {"formations": ["f", "g"], "cout_financement_amorcage_campagne": {"2016-10": None}}},
    }
    for route in ("/calculate", "/trace", "/explain"):  # /trace as docs/validation.md says (it said it computed)
        situation["formations"]["g"]["date_depot_dossier"] = {"ETERNITY": "2016-09-15"}
        corps = {"situation": situation, "period": "2016-10"} if route == "/explain" else situation
        statut, reponse = requete(serveur + route, corps)
        assert statut == 400, (route, reponse)
        [probleme] = reponse["errors"]
        assert probleme["code"] == "campagne_melee" and probleme["id"] == "c", probleme
        assert probleme["field"] == "formations"  # what makes the campaign: it was null
        assert "campagne 'c', field 'formations': mixes dossiers of calls 1, 2" in probleme["message"]
    situation["formations"]["g"]["date_depot_dossier"] = {"ETERNITY": "2015-10-13"}  # one call: answered
    statut, reponse = requete(serveur + "/calculate", situation)
    assert statut == 200 and reponse["campagnes"]["c"]["cout_financement_amorcage_campagne"]["2016-10"] == 0


@pytest.mark.parametrize("route", ["/calculate", "/explain", "/compare", "/trace"])
def test_a_body_not_in_utf8_is_told_to_be_sent_in_utf8(client, route):
    """A Latin-1 body declared so (charset=iso-8859-1) got Python's codec message, « 'utf-8' codec can't decode
    byte 0xe9 in position 16 »."""
    corps = '{"formations": {"é": {"budget_session": {"2015-10": 1}}}}'.encode("latin-1")
    reponse = client.post(route, data=corps, content_type="application/json; charset=iso-8859-1")
    assert reponse.status_code == 400
    [erreur] = reponse.get_json()["errors"]
    assert erreur["code"] == "json_pas_en_utf8" and "codec" not in erreur["message"]
    assert (
        erreur["message"]
        == "The body is not UTF-8 (byte 0xe9 at position 17): send JSON in UTF-8, whatever the charset"
    )


@pytest.mark.parametrize("route", ["/calculate", "/trace", "/explain", "/compare"])
def test_every_status_a_route_answers_is_in_its_spec(client, limites, route):
    """/explain and /compare answered 404 and 415 and /calculate 413 and 415, which /spec did not list: a client
    generated from it did not expect them."""
    situation = {"formations": {"f": {"budget_sesion": {"2015-10": 1}}}}
    corps = situation if route in ("/calculate", "/trace") else {"situation": situation, "period": "2015-10"}
    reponses = [
        client.post(route, json=corps),
        client.post(route, data="{}", content_type="text/plain"),
        client.post(route, data=b" " * (limites.octets + 1), content_type="application/json"),
    ]
    codes = {str(reponse.status_code) for reponse in reponses}
    assert codes == {"404", "415", "413"}
    assert codes <= set(client.get("/spec").get_json()["paths"][route]["post"]["responses"])


@pytest.mark.parametrize("route", ["/calculate", "/explain"])
def test_a_route_posted_with_a_trailing_slash_is_told_where_to_send_it_again(serveur, requete, route):
    """`POST /calculate/` was redirected by a 302 and an HTML page: a client following it sent a GET without the
    body (a 405, or « Invalid JSON »). A 308 to the route, in JSON, keeps the method and the body; no route with
    or without the slash is a 404."""
    import http.client
    import urllib.parse

    adresse = urllib.parse.urlsplit(serveur)
    situation = {"formations": {"f": {"budget_session": {"ETERNITY": 1000}, "financement_amorcage": {"2015-10": None}}}}
    corps = json.dumps(situation if route == "/calculate" else {"situation": situation, "period": "2015-10"})
    connexion = http.client.HTTPConnection(adresse.hostname, adresse.port, timeout=30)
    connexion.request("POST", f"{route}/", corps, {"Content-Type": "application/json"})
    reponse = connexion.getresponse()
    reponse_json = json.loads(reponse.read())
    assert (reponse.status, reponse.getheader("Location")) == (308, route)
    assert reponse.getheader("Content-Type") == "application/json"
    assert reponse_json["errors"][0]["code"] == "barre_finale" and f"the route is {route}" in reponse_json["error"]
    assert requete(serveur + reponse.getheader("Location"), json.loads(corps))[0] == 200  # sent again, answered
    assert requete(serveur + "/inconnue/", {})[0] == 404


@pytest.mark.parametrize("route", ["/calculate", "/explain", "/compare", "/trace"])
def test_a_compressed_body_is_told_to_come_uncompressed(serveur, route):
    """A gzip body (Content-Encoding: gzip) was answered « The body is not UTF-8 (byte 0x8b at position 1) »."""
    import gzip
    import urllib.error
    import urllib.request

    corps = gzip.compress(json.dumps({"situation": {"formations": {"a": {}}}, "period": "2015-10"}).encode())
    entetes = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
    with pytest.raises(urllib.error.HTTPError) as refus:
        urllib.request.urlopen(urllib.request.Request(serveur + route, corps, entetes), timeout=30)
    assert refus.value.code == 415
    assert json.loads(refus.value.read())["errors"][0]["code"] == "corps_compresse"


def test_a_body_over_the_limit_gets_its_refusal_not_a_reset_connection(serveur):
    """An upload of 8 MB (the server's limit is smaller) ended on « connection reset » in the browser: the server
    answered before reading the body and closed the connection on it. The refusal is read whole: the page's, in
    French, and the API's 413."""
    import http.client
    import urllib.parse

    adresse = urllib.parse.urlsplit(serveur)
    limite = "----frontiere"
    fichier = f'--{limite}\r\nContent-Disposition: form-data; name="donnees"; filename="f.csv"\r\n\r\n'.encode()
    envois = {
        "/reformes": (fichier + b"a" * 8_000_000 + f"\r\n--{limite}--\r\n".encode(),
                      {"Content-Type": f"multipart/form-data; boundary={limite}", "Accept": "text/html"}),
        "/calculate": (b'{"formations": {"a": {"x": "' + b"a" * 8_000_000 + b'"}}}',
                       {"Content-Type": "application/json"}),
    }  # fmt: skip
    for route, (corps, entetes) in envois.items():
        connexion = http.client.HTTPConnection(adresse.hostname, adresse.port, timeout=60)
        connexion.request("POST", route, corps, entetes)
        reponse = connexion.getresponse()
        contenu = reponse.read().decode()
        if route == "/reformes":
            assert reponse.status == 200 and "dépasse la taille admise" in contenu.replace("\u00a0", " ")
        else:
            assert reponse.status == 413 and json.loads(contenu)["errors"][0]["code"] == "requete_trop_grosse"


def test_werkzeugs_own_server_answers_a_request_without_a_body(tax_benefit_system):
    """Reading the rest of a body after each request waited, on Werkzeug's own server (its raw socket), for a body a
    GET never sends: every request hung."""
    import threading
    import urllib.request

    from werkzeug.serving import make_server

    from openfisca_gen.web import creer_app

    serveur = make_server("127.0.0.1", 0, creer_app(tax_benefit_system), threaded=True)
    threading.Thread(target=serveur.serve_forever, daemon=True).start()
    try:
        adresse = f"http://127.0.0.1:{serveur.server_port}"
        with urllib.request.urlopen(adresse + "/entities", timeout=10) as reponse:
            assert reponse.status == 200
        corps = json.dumps({"situation": {"formations": {"a": {}}}, "period": "2015-10"}).encode()
        demande = urllib.request.Request(adresse + "/explain", corps, {"Content-Type": "application/json"})
        with urllib.request.urlopen(demande, timeout=10) as reponse:
            assert reponse.status == 200
    finally:
        serveur.shutdown()


def test_a_client_that_sends_less_than_it_announced_holds_no_worker(serveur, requete):
    """A body announced at 3 MB of which 6 bytes come: the refusal's wait for the rest held the only worker two
    minutes, then gunicorn sent its 500. The rest is waited for a few seconds only; the 413 is received."""
    import socket
    import time
    import urllib.parse

    adresse = urllib.parse.urlsplit(serveur)
    with socket.create_connection((adresse.hostname, adresse.port)) as prise:
        entetes = (
            "POST /explain HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 3000000\r\n\r\n"
        )
        prise.sendall(entetes.encode() + b"abcdef")
        prise.settimeout(30)
        debut = time.monotonic()
        assert prise.recv(64).startswith(b"HTTP/1.1 413") and time.monotonic() - debut < 15
    assert requete(serveur + "/reforms")[0] == 200
