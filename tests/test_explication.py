"""`expliquer`: each training's call, the committee decision set aside, and the conditions of its own call."""

from openfisca_gen.explication import expliquer
from openfisca_gen.reforms import appliquer_reforme

ENGAGEMENTS = {
    "metier_vise": "codeur",
    "formation_gratuite": True,
    "pedagogie_innovante": True,
    "duree_formation_mois": 6,
    "budget_session": 100000,
}


def situation(mois, **formations):
    return {
        "formations": {nom: {k: {mois: v} for k, v in {**ENGAGEMENTS, **f}.items()} for nom, f in formations.items()}
    }


def test_each_training_names_the_call_that_judged_it(tax_benefit_system):
    reponse = expliquer(
        tax_benefit_system,
        situation(
            "2018-05",
            premier={"date_depot_dossier": "2015-10-12"},
            troisieme={
                "date_depot_dossier": "2018-05-02",
                "nombre_apprenants": 12,
                "nombre_demandeurs_emploi_peu_qualifies": 10,
            },
            entre_deux={
                "date_depot_dossier": "2017-06-10",
                "nombre_apprenants": 12,
                "nombre_demandeurs_emploi_peu_qualifies": 10,
            },
        ),
        "2018-05",
    )
    formations = reponse["formations"]
    assert formations["premier"]["call"] == {
        "numero": 1,
        "date_ouverture": "2015-09-17",
        "dates_limites_depot": ["2015-10-19"],
    }
    assert formations["premier"]["financement_amorcage"] == 50000  # the 1st call's 50 %, not 2018's 80 %
    assert formations["troisieme"]["call"]["numero"] == 3
    assert formations["troisieme"]["financement_amorcage"] == 80000
    assert formations["entre_deux"]["call"] is None
    [echec] = formations["entre_deux"]["failed_conditions"]
    assert echec["condition"] == "dossier_depose_dans_les_delais"
    assert echec["parameters"]["calendrier.dates_limites_depot"] == ["2018-06-28"]  # explained under the call in force
    assert reponse["call"]["date_ouverture"] == "2018-04-05"


def test_a_decision_to_label_an_ineligible_dossier_is_set_aside_and_said_so(tax_benefit_system):
    reponse = expliquer(
        tax_benefit_system,
        situation(
            "2015-10",
            tardive={"date_depot_dossier": "2015-10-20", "decision_comite_labellisation": "labellisee"},
            retenue={"date_depot_dossier": "2015-10-12", "decision_comite_labellisation": "labellisee"},
        ),
        "2015-10",
    )
    tardive, retenue = reponse["formations"]["tardive"], reponse["formations"]["retenue"]
    assert tardive["labellisee"] is False and tardive["financement_amorcage"] == 0
    assert tardive["decision_set_aside"]["decision"] == "labellisee"
    assert tardive["decision_set_aside"]["cause"] == "not_eligible"
    assert "eligib" in tardive["decision_set_aside"]["reason"]
    assert [e["condition"] for e in tardive["failed_conditions"]] == ["dossier_depose_dans_les_delais"]
    assert retenue["decision_set_aside"] is None and retenue["labellisee"] is True


def test_a_label_decided_from_the_dissolution_is_set_aside_and_said_so(tax_benefit_system):
    """« aucune nouvelle formation ne pourra obtenir le label » (the arrêté of 8 January 2025): a decision dated
    from that day was a label, and funded, in 0.7.7; only its being in force was refused."""
    dossier = {
        "date_depot_dossier": "2018-05-02",
        "nombre_apprenants": 12,
        "nombre_demandeurs_emploi_peu_qualifies": 10,
    }
    decisions = {"decision_comite_labellisation": "labellisee", "budget_session": 10_000}
    reponse = expliquer(
        tax_benefit_system,
        situation(
            "2025-02",
            le_jour={**dossier, **decisions, "date_decision_comite": "2025-01-08"},
            la_veille={**dossier, **decisions, "date_decision_comite": "2025-01-07"},
        ),
        "2025-02",
    )
    le_jour, la_veille = reponse["formations"]["le_jour"], reponse["formations"]["la_veille"]
    assert le_jour["eligible_labellisation"] is True and le_jour["labellisee"] is False
    assert le_jour["financement_amorcage"] == 0
    assert le_jour["decision_set_aside"]["cause"] == "after_dissolution"
    assert "arrêté dissolving the GIP" in le_jour["decision_set_aside"]["reason"]
    assert la_veille["decision_set_aside"] is None and la_veille["financement_amorcage"] == 8000
    # with no decision, what sets aside a date from the arrêté is the convention that would have labelled it
    sans = situation("2025-02", f={**dossier, "budget_session": 10_000, "date_decision_comite": "2025-01-08"})
    [explication] = expliquer(tax_benefit_system, sans, "2025-02")["formations"].values()
    assert explication["decision_set_aside"] == {
        "decision": "non_rendue",
        "cause": "after_dissolution",
        "reason": explication["decision_set_aside"]["reason"],
    }
    convention = {"conventions.sans_decision_formation_eligible_labellisee": {"2015-09-17": False}}
    [explication] = expliquer(appliquer_reforme(tax_benefit_system, convention), sans, "2025-02")["formations"].values()
    assert explication["labellisee"] is False and explication["decision_set_aside"] is None  # nothing to set aside
    donnee = situation("2025-02", f={**dossier, **decisions, "date_decision_comite": "2025-01-08", "labellisee": True})
    [explication] = expliquer(tax_benefit_system, donnee, "2025-02")["formations"].values()
    assert explication["labellisee"] is True and explication["decision_set_aside"] is None  # an input keeps it


def test_a_switched_reading_says_which_parameter_makes_a_condition_apply(tax_benefit_system):
    from openfisca_gen.reforms.lectures import part_femmes_suffisante

    reforme = part_femmes_suffisante(tax_benefit_system)
    reponse = expliquer(
        reforme,
        situation("2015-10", f={"date_depot_dossier": "2015-10-12", "nombre_apprenants": 10, "nombre_femmes": 1}),
        "2015-10",
    )
    [echec] = reponse["formations"]["f"]["failed_conditions"]
    assert echec["condition"] == "part_femmes_suffisante"
    assert echec["applicable_because"] == "interpretations.conditions.part_femmes_suffisante"
    assert echec["parameters"] == {"publics_cibles.objectifs_nationaux.part_femmes": 0.3}


def test_an_answer_that_rests_on_a_convention_names_it(tax_benefit_system):
    """A training with no committee decision is labelled by the convention `sans_decision_…`: `conventions` was
    always empty (the tracer looked for switches under `interpretations` only), while the convention's other
    value takes its 10 000 € away. With the decision given, the answer rests on no convention."""
    nom, dossier = (
        "sans_decision_formation_eligible_labellisee",
        {"date_depot_dossier": "2016-09-01", "budget_session": 20_000},
    )
    [sans] = expliquer(tax_benefit_system, situation("2016-10", f=dossier), "2016-10")["formations"].values()
    assert sans["labellisee"] is True and sans["financement_amorcage"] == 10_000
    assert sans["conventions"] == [nom]
    autre = appliquer_reforme(tax_benefit_system, {f"conventions.{nom}": {"2015-09-17": False}})
    [sous_l_autre] = expliquer(autre, situation("2016-10", f=dossier), "2016-10")["formations"].values()
    assert sous_l_autre["financement_amorcage"] == 0  # what `conventions` says the answer rests on
    decidee = situation("2016-10", f={**dossier, "decision_comite_labellisation": "labellisee"})
    [avec] = expliquer(tax_benefit_system, decidee, "2016-10")["formations"].values()
    assert avec["financement_amorcage"] == 10_000 and avec["conventions"] == []


def test_the_facts_a_call_reads_that_a_situation_leaves_out_are_named(tax_benefit_system):
    """No budget: « eligible, labelled, 0 € » without a word, and `conventions` empty though the label rested on
    one. The facts left out whose default is no fact are named; a structure's status given on the structure is
    given; a dossier of no call names its filing date."""
    dossier = {"date_depot_dossier": "2015-10-12", "metier_vise": "developpeur_web", "duree_formation_mois": 4}
    sans = situation("2015-10", f=dossier, g={})
    sans["formations"]["f"].pop("budget_session")
    sans["formations"]["g"] = {}
    reponse = expliquer(tax_benefit_system, sans, "2015-10")["formations"]
    assert reponse["f"]["not_given"] == ["statut_structure", "budget_session"]
    assert reponse["f"]["labellisee"] is True and reponse["f"]["financement_amorcage"] == 0
    assert reponse["f"]["conventions"] == ["sans_decision_formation_eligible_labellisee"]  # its label rests on it
    assert reponse["g"]["not_given"] == ["date_depot_dossier"]
    for demande in ({}, {"2015-10": None}):  # a value asked for, not given: computed at its default, 0 €
        sans["formations"]["f"]["budget_session"] = demande
        assert "budget_session" in expliquer(tax_benefit_system, sans, "2015-10")["formations"]["f"]["not_given"]
    sans["formations"]["f"].pop("budget_session")
    for role in ("formations", "formation"):  # the role by its plural or its singular, as validation reads it
        sans["structures"] = {"s": {role: ["f"], "statut_structure": {"2015-10": "association"}}}
        assert expliquer(tax_benefit_system, sans, "2015-10")["formations"]["f"]["not_given"] == ["budget_session"]


def test_a_failed_condition_cites_the_text_of_its_calls_values_first(tax_benefit_system):
    """A dossier of the second call filed after its last cut-off was told « Source : Communiqué de presse du 17
    septembre 2015 », which holds none of the 2016–2017 dates: the text of a value a later call reads comes first,
    the rule's own after it; a first-call dossier cites the press release alone."""
    from openfisca_gen.sources import COMMUNIQUE_2015, DEUXIEME_APPEL_2016

    sources = {}
    for depot, mois in (("2015-10-20", "2015-10"), ("2017-02-25", "2017-03"), ("2018-06-29", "2018-07")):
        formation = expliquer(tax_benefit_system, situation(mois, f={"date_depot_dossier": depot}), mois)
        [echec] = [
            e
            for e in formation["formations"]["f"]["failed_conditions"]
            if e["condition"] == "dossier_depose_dans_les_delais"
        ]
        sources[mois] = echec["reference"]
    assert sources["2015-10"] == [COMMUNIQUE_2015]
    assert sources["2017-03"] == [DEUXIEME_APPEL_2016, COMMUNIQUE_2015]
    assert "https://www.grandeecolenumerique.fr/appel-a-labellisation/" in sources["2018-07"][:2]
    assert sources["2018-07"][-1] == COMMUNIQUE_2015 and len(set(sources["2018-07"])) == len(sources["2018-07"])


def test_an_eligible_training_paid_nothing_is_told_why(tax_benefit_system):
    """A dossier the committee refused, one labelled at an earlier call (its grant not renewed) and one with
    common-law funding were answered « eligible, 0 € », nothing failed and nothing set aside: a front end could not
    say why. `funding_withheld` names the cause, as a failed condition is named."""
    deuxieme = {
        "date_depot_dossier": "2016-09-10",
        "nombre_apprenants": 12,
        "nombre_demandeurs_emploi_peu_qualifies": 10,
    }
    formations = expliquer(
        tax_benefit_system,
        situation(
            "2016-11",
            refusee={**deuxieme, "decision_comite_labellisation": "refusee", "date_decision_comite": "2016-10-03"},
            deja_labellisee={**deuxieme, "labellisee_lors_d_un_appel_precedent": True},
            droit_commun={**deuxieme, "financements_droit_commun_obtenus": True},
            financee=deuxieme,
        ),
        "2016-11",
    )["formations"]
    donnee = expliquer(
        tax_benefit_system, situation("2016-11", f={**deuxieme, "eligible_financement_amorcage": False}), "2016-11"
    )
    assert (
        donnee["formations"]["f"]["funding_withheld"] == []
    )  # an input, no rule's cause: common-law funding was named
    causes = {nom: [r["condition"] for r in f["funding_withheld"]] for nom, f in formations.items()}
    assert causes == {
        "refusee": ["decision_comite_retenue"],
        "deja_labellisee": ["subvention_amorcage_non_reconduite"],
        "droit_commun": ["financements_droit_commun_obtenus"],
        "financee": [],
    }
    assert all(f["eligible_labellisation"] and not f["failed_conditions"] for f in formations.values())
    payee = {**deuxieme, "decision_comite_labellisation": "refusee", "financement_amorcage": 30_000}
    donnee = expliquer(tax_benefit_system, situation("2016-11", f=payee), "2016-11")["formations"]["f"]
    assert donnee["financement_amorcage"] == 30_000 and donnee["funding_withheld"] == []  # paid: nothing withheld
    assert [f["financement_amorcage"] for f in formations.values()] == [0, 0, 0, 50_000]
    [refus] = formations["refusee"]["funding_withheld"]
    assert refus["inputs"] == {"decision_comite_labellisation": "refusee"} and refus["reference"]
    [fin] = formations["droit_commun"]["funding_withheld"]
    assert fin["inputs"] == {"financements_droit_commun_obtenus": True}
    assert fin["parameters"] == {"interpretations.financements_droit_commun_mettent_fin_a_l_amorcage": True}
    [non_reconduite] = formations["deja_labellisee"]["funding_withheld"]
    assert non_reconduite["inputs"]["labellisee_lors_d_un_appel_precedent"] is True
    assert non_reconduite["parameters"]["financement_amorcage.non_reconductible"] is True
