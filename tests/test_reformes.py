"""Reforms: shipped scenarios, parametric reforms, their validation, and properties that must hold."""

import datetime
import html
import re
import subprocess
import sys
import warnings
from pathlib import Path

import numpy
import pandas
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_gen.reforms import (
    REFORMES,
    ReformeInvalideError,
    appliquer_reforme,
    charger_changements,
    nom_de,
    plafond_par_formation,
    plafond_par_structure,
)
from openfisca_gen.simulation import construire_simulation
from openfisca_gen.situation_examples import campagne_deux_structures

PERIOD = "2015-10"


def financement(tax_benefit_system, situation=campagne_deux_structures):
    simulation = SimulationBuilder().build_from_entities(tax_benefit_system, situation)
    return simulation.calculate("financement_amorcage", PERIOD).tolist()


def population(tax_benefit_system, count, structures, seed=0):
    """`count` eligible trainings spread over `structures` structures, with random durations and budgets."""
    generator = numpy.random.default_rng(seed)
    builder = SimulationBuilder()
    builder.create_entities(tax_benefit_system)
    builder.declare_person_entity("formation", [f"f{i}" for i in range(count)])
    membership = generator.integers(0, structures, count)
    group = builder.declare_entity("structure", [f"s{i}" for i in range(structures)])
    builder.join_with_persons(group, numpy.array([f"s{i}" for i in membership]), ["formation"] * count)
    simulation = builder.build(tax_benefit_system)
    for name, values in {
        "date_depot_dossier": numpy.full(count, numpy.datetime64("2015-10-01")),
        "metier_vise": numpy.full(count, "codeur"),
        "formation_gratuite": numpy.ones(count, bool),
        "pedagogie_innovante": numpy.ones(count, bool),
        "duree_formation_mois": generator.uniform(3, 24, count),
        "budget_session": generator.uniform(0, 200_000, count),
    }.items():
        simulation.set_input(name, PERIOD, values)
    return simulation


@pytest.mark.parametrize("nom", sorted(REFORMES))
def test_a_reform_never_modifies_the_baseline(tax_benefit_system, nom):
    avant = financement(tax_benefit_system)
    plafond = tax_benefit_system.parameters.financement_amorcage.plafond.values_list[-1].value
    reforme = appliquer_reforme(tax_benefit_system, nom)
    financement(reforme)
    assert financement(tax_benefit_system) == avant
    assert tax_benefit_system.parameters.financement_amorcage.plafond.values_list[-1].value == plafond


@pytest.mark.parametrize("nom", sorted(REFORMES))
def test_every_shipped_reform_documents_its_question(nom):
    assert REFORMES[nom].__doc__ and "?" in REFORMES[nom].__doc__


def test_a_parametric_reform_from_a_dict(tax_benefit_system):
    reforme = appliquer_reforme(tax_benefit_system, {"financement_amorcage.plafond": {"2015-09-17": 40000}})
    assert financement(reforme) == [20000, 20000, 0]  # the first call's ceiling caps the structure's total (0.7)
    assert financement(tax_benefit_system) == [35000, 35000, 0]


def test_a_parametric_reform_from_a_yaml_file(tax_benefit_system, tmp_path):
    fichier = tmp_path / "reforme.yaml"
    fichier.write_text("financement_amorcage.taux:\n  2015-09-17: 0.3\n")
    changements = charger_changements(fichier)
    assert financement(appliquer_reforme(tax_benefit_system, changements)) == pytest.approx([30000, 30000, 0])


def test_values_apply_until_the_next_date_given(tax_benefit_system):
    reforme = appliquer_reforme(
        tax_benefit_system, {"financement_amorcage.plafond": {"2015-09-17": 40000, "2016-08-23": 90000}}
    )
    plafond = reforme.parameters.financement_amorcage.plafond
    assert plafond("2016-08-22") == 40000
    assert plafond("2016-08-23") == 90000
    assert plafond("2018-05-01") == 90000


@pytest.mark.parametrize(
    ("changements", "message"),
    [
        ({"financement_amorcage.plafon": {"2015-09-17": 1}}, "Unknown parameter 'financement_amorcage.plafon'"),
        ({"financement_amorcage": {"2015-09-17": 1}}, "'financement_amorcage' is a node"),
        ({"financement_amorcage.plafond": {"2015-13-40": 1}}, "'2015-13-40' is not a date"),
        ({"financement_amorcage.plafond": {"2015-09-17": "beaucoup"}}, "expects a number, got 'beaucoup'"),
        ({"financement_amorcage.plafond": {"2015-09-17": -1}}, "expects a number >= 0"),
        ({"financement_amorcage.plafond": {"2015-09-17": float("inf")}}, "expects a finite number"),
        ({"financement_amorcage.taux": {"2015-09-17": 1.5}}, "between 0 and 1"),
        ({"labellisation.conditions.formation_gratuite": {"2015-09-17": 1}}, "expects true or false"),
        ({"calendrier.dates_limites_depot": {"2015-09-17": ["2015-10-40"]}}, "expects dates as YYYY-MM-DD"),
        ({"financement_amorcage.plafond": 100000}, "expects a mapping {date: value}"),
        (  # a second wave closing before it opens, or given one day alone, was accepted without a word
            {
                "calendrier.seconde_vague.date_ouverture": {"2018-04-05": "2018-08-01"},
                "calendrier.seconde_vague.date_limite_depot": {"2018-04-05": "2018-07-01"},
            },
            "closes on 2018-07-01, before it opens on 2018-08-01",
        ),
        (
            {"calendrier.seconde_vague.date_ouverture": {"2018-04-05": "2018-08-01"}},
            "'calendrier.seconde_vague.date_limite_depot' (2018-04-05): the second wave of the call opening on",
        ),
        (  # the value given last for a date written two ways was applied, the other lost
            {"financement_amorcage.plafond": {"2015-09-17": 100_000, datetime.date(2015, 9, 17): 50_000}},
            "(2015-09-17): the date 2015-09-17 is given twice",
        ),
        ({}, "non-empty mapping"),
        ("plafond_infini", "Unknown reform 'plafond_infini'"),
    ],
)
def test_an_invalid_reform_is_refused_naming_the_field(tax_benefit_system, changements, message):
    with pytest.raises(ReformeInvalideError) as erreur:
        appliquer_reforme(tax_benefit_system, changements)
    assert message in str(erreur.value)


def test_every_error_is_reported_at_once(tax_benefit_system):
    with pytest.raises(ReformeInvalideError) as erreur:
        appliquer_reforme(tax_benefit_system, {"a.b": {"2015-09-17": 1}, "financement_amorcage.taux": {"x": 0.1}})
    assert len(erreur.value.erreurs) == 2


def test_an_unreadable_reform_file_is_named(tmp_path):
    fichier = tmp_path / "casse.yaml"
    fichier.write_text("financement_amorcage.taux: [\n")
    with pytest.raises(ReformeInvalideError, match=re.escape("casse.yaml")):
        charger_changements(fichier)


SANS_REFORME = {
    "formations": {
        "f": {
            "date_depot_dossier": {"ETERNITY": "2015-10-01"},
            "metier_vise": {"ETERNITY": "codeur"},
            "formation_gratuite": {"ETERNITY": True},
            "pedagogie_innovante": {"ETERNITY": True},
            "duree_formation_mois": {"ETERNITY": 4},
            "budget_session": {"ETERNITY": 90_000},
        }
    }
}


def test_openfisca_test_accepts_a_shipped_reform(tax_benefit_system, tmp_path):
    cas = tmp_path / "cas.yaml"
    cas.write_text(
        "- name: plafond_100k\n  period: 2015-10\n  input:\n    date_depot_dossier: 2015-10-01\n"
        "    metier_vise: codeur\n    formation_gratuite: true\n    pedagogie_innovante: true\n"
        "    duree_formation_mois: 4\n    budget_session: 90000\n  output:\n    financement_amorcage: 90000\n"
    )
    openfisca = str(Path(sys.executable).with_name("openfisca"))
    commande = [openfisca, "test", "--country-package", "openfisca_gen", str(cas)]
    avec = subprocess.run(
        [*commande, "--reforms", "openfisca_gen.reforms.plafond_100k"], capture_output=True, text=True, cwd=tmp_path
    )
    assert avec.returncode == 0, avec.stdout[-2000:]
    sans = SimulationBuilder().build_from_entities(tax_benefit_system, SANS_REFORME)
    assert sans.calculate("financement_amorcage", "2015-10").tolist() == [70_000]  # the same case without the reform


def test_plafond_par_structure_caps_each_structure_and_never_raises_a_training(tax_benefit_system):
    # The ceiling per structure is the law since 0.7: compared with the ceiling per training, its other reading.
    baseline = population(plafond_par_formation(tax_benefit_system), 3000, 400)
    reforme = population(plafond_par_structure(tax_benefit_system), 3000, 400)
    avant = baseline.calculate("financement_amorcage", PERIOD)
    apres = reforme.calculate("financement_amorcage", PERIOD)
    assert numpy.all(apres <= avant * (1 + 1e-6) + 1e-3)
    assert numpy.all(reforme.calculate("financement_amorcage_structure", PERIOD) <= 70_000 * (1 + 1e-6))


@settings(max_examples=25, deadline=None)
@given(bas=st.integers(0, 200_000), haut=st.integers(0, 200_000))
def test_a_higher_ceiling_never_lowers_anyone(tax_benefit_system, bas, haut):
    bas, haut = sorted((bas, haut))
    montants = [
        population(
            appliquer_reforme(tax_benefit_system, {"financement_amorcage.plafond": {"2015-09-17": p}}), 200, 30
        ).calculate("financement_amorcage", PERIOD)
        for p in (bas, haut)
    ]
    assert numpy.all(montants[1] >= montants[0])
    assert montants[1].max() <= haut


def test_a_share_exactly_at_an_objective_meets_it(tax_benefit_system):
    """7 women out of 20 is 35 %: stored in float32 it fell just below an objective of 0.35."""
    reforme = appliquer_reforme(
        tax_benefit_system,
        {
            "publics_cibles.objectifs_nationaux.part_femmes": {"2015-09-17": 0.35},
            "interpretations.conditions.part_femmes_suffisante": {"2015-09-17": True},
        },
    )
    mois = "2015-10"
    formation = {"date_depot_dossier": "2015-10-12", "metier_vise": "codeur", "formation_gratuite": True,
                 "pedagogie_innovante": True, "duree_formation_mois": 6, "nombre_apprenants": 20}  # fmt: skip
    situation = {"formations": {nom: {k: {mois: v} for k, v in {**formation, "nombre_femmes": femmes}.items()}
                                for nom, femmes in (("sept", 7), ("six", 6))}}  # fmt: skip
    simulation = construire_simulation(reforme, situation)
    assert simulation.calculate("eligible_labellisation", mois).tolist() == [True, False]


def test_moving_a_call_moves_its_window_and_keeps_its_rules(tax_benefit_system):
    reforme = appliquer_reforme(
        tax_benefit_system, {"calendrier.date_ouverture": {"2016-08-23": "2016-08-01", "2018-04-05": "2018-04-05"}}
    )
    mois, depots = "2018-05", ["2015-10-12", "2016-08-10", "2016-07-31", "2018-05-02"]
    formation = {"metier_vise": "codeur", "formation_gratuite": True, "pedagogie_innovante": True,
                 "duree_formation_mois": 6, "budget_session": 100000, "nombre_apprenants": 12,
                 "nombre_demandeurs_emploi_peu_qualifies": 10}  # fmt: skip
    situation = {"formations": {f"f{i}": {k: {mois: v} for k, v in {**formation, "date_depot_dossier": d}.items()}
                                for i, d in enumerate(depots)}}  # fmt: skip
    simulation = construire_simulation(reforme, situation)
    assert simulation.calculate("appel_du_dossier", mois).tolist() == [1, 2, 0, 3]
    assert simulation.calculate("financement_amorcage", mois).tolist() == [50000, 50000, 0, 80000]


@pytest.mark.parametrize(
    ("changements", "message"),
    [
        (
            {"labellisation.duree_formation.minimum_mois": {"2015-09-17": 30}},
            "minimum_mois (30) is above maximum_mois (24)",
        ),
        (
            {"labellisation.duree_formation.minimum_mois": {"2015-09-17": 20},
             "interpretations.duree_maximale_selon_le_ministre": {"2015-09-17": True}},
            "minimum_mois (20) is above maximum_mois_selon_le_ministre (18)",
        ),
        ({"calendrier.date_ouverture": {"2015-09-17": "2015-11-01"}}, "opening on 2015-11-01 has a deadline before it"),
        ({"calendrier.dates_limites_depot": {"2015-09-17": ["2015-09-01"]}}, "has a deadline before it (2015-09-01)"),
        # a dossier in both windows went to the later call without a word, its funding judged again
        (
            {"calendrier.date_ouverture": {"2016-08-23": "2015-10-01", "2018-04-05": "2018-04-05"}},
            "'calendrier.date_ouverture' (2016-08-23): the call opening on 2015-10-01 opens on or before the last "
            "deadline (2015-10-19) of the call opened on 2015-09-17",
        ),
        (
            {"calendrier.dates_limites_depot": {"2015-09-17": ["2016-08-23"],
                                                "2016-08-23": ["2016-09-23", "2016-11-25", "2017-02-24"]}},
            "'calendrier.dates_limites_depot' (2015-09-17): the call opening on 2016-08-23 opens on or before the "
            "last deadline (2016-08-23)",  # at the date the reform moved the deadline
        ),
    ],
)  # fmt: skip
def test_a_reform_that_would_make_every_dossier_ineligible_is_refused(tax_benefit_system, changements, message):
    with pytest.raises(ReformeInvalideError, match=re.escape(message)):
        appliquer_reforme(tax_benefit_system, changements)


def test_a_reform_within_the_readings_in_use_is_accepted(tax_benefit_system):
    """20 months is above the minister's 18, but that reading is not the one applied."""
    reforme = appliquer_reforme(tax_benefit_system, {"labellisation.duree_formation.minimum_mois": {"2015-09-17": 20}})
    assert reforme.parameters.labellisation.duree_formation.minimum_mois("2015-10-01") == 20


def test_an_incoherent_reform_names_the_parameter_it_changed(tax_benefit_system):
    """Found by the /compare fuzz test: the message must name the field the reform gave, not its node."""
    with pytest.raises(ReformeInvalideError) as erreur:
        appliquer_reforme(tax_benefit_system, {"calendrier.dates_limites_depot": {"2015-09-17": ["2015-10-19"]}})
    assert erreur.value.erreurs[0].startswith("'calendrier.dates_limites_depot' (2016-08-23)")


# One registry, and reforms that combine


def test_every_reading_is_a_registered_reform():
    from openfisca_gen.reforms import lectures

    assert set(lectures.LECTURES) <= set(REFORMES)
    assert issubclass(REFORMES["plafond_par_formation"], lectures.plafond_par_structure)  # a scenario on its reading


def test_combining_is_date_aware(tax_benefit_system):
    from openfisca_gen.reforms import combiner

    a = {"financement_amorcage.plafond": {"2015-09-17": 100_000, "2018-04-05": None}}
    b = {"financement_amorcage.plafond": {"2016-08-23": 90_000}, "financement_amorcage.taux": {"2015-09-17": 0.6}}
    combinee = combiner(a, b)
    assert combinee == {
        "financement_amorcage.plafond": {"2015-09-17": 100_000, "2016-08-23": 90_000},  # b on top of a from its date
        "financement_amorcage.taux": {"2015-09-17": 0.6},
    }
    en_deux = appliquer_reforme(appliquer_reforme(tax_benefit_system, a), b).parameters.financement_amorcage
    en_un = appliquer_reforme(tax_benefit_system, [a, b]).parameters.financement_amorcage
    for jour in ("2015-10-01", "2016-09-01", "2018-05-01"):
        assert en_un.plafond(jour) == en_deux.plafond(jour) and en_un.taux(jour) == en_deux.taux(jour)


def test_comparer_refuses_a_baseline_that_is_already_a_reform(tax_benefit_system):
    from openfisca_gen.analyse import comparer
    from openfisca_gen.population import POPULATION_EXEMPLE, lire_population

    population = lire_population(tax_benefit_system, POPULATION_EXEMPLE)
    deja = appliquer_reforme(tax_benefit_system, "plafond_100k")
    with pytest.raises(ReformeInvalideError, match="The baseline given is itself a reform"):
        comparer(population, "taux_2018_premier_appel", "2015-10", deja)
    with pytest.raises(ReformeInvalideError, match="itself a reform"):
        comparer(population, appliquer_reforme(deja, "taux_2018_premier_appel"), "2015-10")
    combinees = comparer(population, ["plafond_100k", "taux_2018_premier_appel"], "2015-10", tax_benefit_system)
    assert combinees.baseline == "the law" and combinees.nom_reforme == "plafond_100k + taux_2018_premier_appel"


def test_the_old_path_of_construire_simulation_still_works_for_one_minor_version(tax_benefit_system):
    from openfisca_gen import validation
    from openfisca_gen.situation_examples import formation_eligible

    with pytest.warns(DeprecationWarning, match="openfisca_gen.simulation.construire_simulation"):
        ancienne = validation.construire_simulation
    assert ancienne(tax_benefit_system, formation_eligible).calculate("financement_amorcage", PERIOD).tolist() == [
        45000
    ]


def test_a_value_without_an_end_date_is_said_to_leak_into_later_calls(tax_benefit_system, capsys, tmp_path):
    """The analyst's trap: a 2015 ceiling of 100 000 € also puts one on 2018 dossiers, which have none."""
    from openfisca_gen.cli import main
    from openfisca_gen.reforms.parametriques import ReformeDebordeWarning

    fuite = {"financement_amorcage.plafond": {"2015-09-17": 100_000}}
    with pytest.warns(ReformeDebordeWarning, match="also applies to call 3 \\(opening 2018-04-05\\)"):
        reformee = appliquer_reforme(tax_benefit_system, fuite)
    assert [(a.champ, a.valeurs["appel"]) for a in reformee.avertissements] == [
        ("financement_amorcage.plafond", 2),
        ("financement_amorcage.plafond", 3),
    ]
    assert appliquer_reforme(tax_benefit_system, "plafond_100k").avertissements == []  # limited by its own dates
    fichier = tmp_path / "fuite.yaml"
    fichier.write_text("financement_amorcage.plafond:\n  2015-09-17: 100000\n")
    assert main(["compare", "--reform", str(fichier)]) == 0
    sortie = capsys.readouterr()
    assert "Warning: 'financement_amorcage.plafond': the value 100000 from 2015-09-17 has no end date" in sortie.out
    assert "give null back from 2018-04-05" in sortie.out and "ReformeDebordeWarning" not in sortie.err


def test_a_rate_that_leaks_is_written_in_french_as_its_field_writes_it(tax_benefit_system, client):
    """The workshop's field shows 60 %; its warning wrote « la valeur 0,6 », the law's « 0,5 ». English keeps the
    values as given, as a reform file writes them."""
    from openfisca_gen.reforms.parametriques import ReformeDebordeWarning

    with pytest.warns(ReformeDebordeWarning, match="the value 0.6 from 2015-09-17 .* whose own value is 0.5;"):
        reformee = appliquer_reforme(tax_benefit_system, {"financement_amorcage.taux": {"2015-09-17": 0.6}})
    assert (
        reformee.avertissements[0]
        .fr()
        .startswith(
            "La valeur 60 % donnée à partir du 17 septembre 2015 s'applique aussi à l'appel n° 2 (ouvert le 23 août "
            "2016), dont la valeur est 50 % ;"
        )
    )
    with pytest.warns(ReformeDebordeWarning):  # an emptied value: « la valeur aucune (inconnue) donnée… » before
        vide = appliquer_reforme(tax_benefit_system, {"financement_amorcage.plafond": {"2015-09-17": None}})
    assert vide.avertissements[0].fr().startswith("L'absence de valeur donnée à partir du 17 septembre 2015 s'applique")
    page = html.unescape(client.get("/reformes?financement_amorcage.taux=1").get_data(as_text=True))
    assert "s'applique aussi" not in page  # the workshop changes its month's call's rules only: nothing leaks


def test_a_value_dated_inside_a_call_is_said_to_reach_no_call(tax_benefit_system, capsys, tmp_path):
    """Each call reads its rules on its opening day: a ceiling from 2015-10-01 to 2016-08-22 changes nothing, and
    `compare` showed a difference of 0 without a word. The same values dated from the openings say nothing."""
    from openfisca_gen.cli import main
    from openfisca_gen.reforms.parametriques import ReformeDebordeWarning

    milieu = {"financement_amorcage.plafond": {"2015-10-01": 100_000, "2016-08-23": 70_000, "2018-04-05": None}}
    with pytest.warns(ReformeDebordeWarning, match="the value 100000 from 2015-10-01 reaches no call's rules"):
        reformee = appliquer_reforme(tax_benefit_system, milieu)
    [avertissement] = reformee.avertissements
    assert avertissement.fr().startswith("La valeur 100\u202f000 donnée à partir du 1er octobre 2015 ne s'applique à")
    fichier = tmp_path / "milieu.yaml"
    fichier.write_text("financement_amorcage.plafond:\n  2015-10-01: 100000\n  2016-08-23: 70000\n  2018-04-05: null\n")
    assert main(["compare", "--reform", str(fichier)]) == 0
    sortie = capsys.readouterr()
    assert "Warning: 'financement_amorcage.plafond': the value 100000 from 2015-10-01 reaches no call" in sortie.out
    assert "ReformeDebordeWarning" not in sortie.err
    a_l_ouverture = {"financement_amorcage.plafond": {"2015-09-17": 100_000, "2016-08-23": 70_000, "2018-04-05": None}}
    assert appliquer_reforme(tax_benefit_system, a_l_ouverture).avertissements == []
    moved = {
        "calendrier.date_ouverture": {"2016-08-23": "2016-09-01", "2018-04-05": "2018-04-05"},
        "financement_amorcage.taux": {"2016-08-23": 0.6},
    }
    with pytest.warns(ReformeDebordeWarning):  # both values also reach the 3rd call; the rate reaches the 2nd
        cles = [a.cle for a in appliquer_reforme(tax_benefit_system, moved).avertissements]
    assert "valeur_sans_appel" not in cles and "valeur_debordante" in cles  # an opening moved: read as moved


def test_the_warnings_write_a_rate_and_the_openings_in_french_and_name_their_parameter(tax_benefit_system, capsys):
    """« La valeur 0,6 … ne s'applique à aucun appel » left out the openings the English gives, and the French
    report's warnings named no parameter."""
    from openfisca_gen.cli import main
    from openfisca_gen.reforms.parametriques import ReformeDebordeWarning

    with pytest.warns(ReformeDebordeWarning):
        taux = {"financement_amorcage.taux": {"2015-10-01": 0.6, "2016-08-23": 0.5, "2018-04-05": 0.8}}
        reformee = appliquer_reforme(tax_benefit_system, taux)
    sans_appel = next(a for a in reformee.avertissements if a.cle == "valeur_sans_appel")
    assert sans_appel.fr() == (
        "La valeur 60 % donnée à partir du 1er octobre 2015 ne s'applique à aucun appel : chaque appel lit ses "
        "règles le jour de son ouverture (17 septembre 2015, 23 août 2016, 5 avril 2018) ; datez-la de l'ouverture "
        "de l'appel qu'elle concerne."
    )
    exemple = Path(__file__).resolve().parents[1] / "docs" / "exemples" / "plafond_100000_dans_l_appel.yaml"
    assert main(["compare", "--reform", str(exemple), "--lang", "fr"]) == 0
    assert "Attention : financement_amorcage.plafond : la valeur 100\u202f000 donnée à partir du 1er octobre 2015" in (
        capsys.readouterr().out
    )


def test_a_value_dated_inside_a_calls_window_says_it_misses_that_call(tax_benefit_system, client, tmp_path):
    """A rate of 60 % from 2015-10-01 left the first call at 50 % (it reads its rules on 2015-09-17), while the
    only warnings said it « also » applied to the later calls, « to change only the earlier calls »."""
    from openfisca_gen.reforms.parametriques import ReformeDebordeWarning

    with pytest.warns(ReformeDebordeWarning):
        reformee = appliquer_reforme(tax_benefit_system, {"financement_amorcage.taux": {"2015-10-01": 0.6}})
    par_cle = {a.cle: a for a in reformee.avertissements}
    assert par_cle["valeur_apres_l_ouverture"].en() == (
        "'financement_amorcage.taux': the value 0.6 from 2015-10-01 misses call 1, which reads its rules on its "
        "opening day (2015-09-17): it applies from call 2 (opening 2016-08-23); date the value from the opening "
        "of the call it is for"
    )
    assert par_cle["valeur_apres_l_ouverture"].fr() == (
        "La valeur 60 % donnée à partir du 1er octobre 2015 ne s'applique pas à l'appel n° 1, qui lit ses règles le "
        "jour de son ouverture (17 septembre 2015) : elle s'applique à partir de l'appel n° 2 (ouvert le 23 août "
        "2016) ; datez-la de l'ouverture de l'appel qu'elle concerne."
    )
    assert [a.valeurs["appel"] for a in reformee.avertissements if a.cle == "valeur_debordante"] == [3]  # not 2
    dossier = {"date_depot_dossier": {"ETERNITY": "2015-10-05"}, "metier_vise": {"ETERNITY": "codeur"},
               "duree_formation_mois": {"ETERNITY": 6}, "budget_session": {"ETERNITY": 100_000}}  # fmt: skip
    corps = {"situation": {"formations": {"f": dossier}}, "period": "2016-02",
             "reform": {"financement_amorcage.taux": {"2015-10-01": 0.6}}}  # fmt: skip
    reponse = client.post("/compare", json=corps).get_json()
    assert reponse["formations"]["f"]["financement_amorcage"]["difference"] == 0  # what the warning says
    fichier = tmp_path / "taux.yaml"
    fichier.write_text("financement_amorcage.taux:\n  2015-10-01: 0.6\n  2018-04-05: 0.8\n")
    commande = [sys.executable, "-m", "openfisca_gen.cli", "compare", "--reform", str(fichier), "--lang", "fr"]
    sortie = subprocess.run(commande, capture_output=True, text=True, check=True)  # warnings as a terminal shows them
    # said once, in French, by the command: not as Python's warning too (its filter missed « misses call »)
    assert "ReformeDebordeWarning" not in sortie.stderr and "ne s'applique pas à l'appel n° 1" in sortie.stdout
    assert any("misses call 1" in avertissement for avertissement in reponse["warnings"])
    a_l_ouverture = {"financement_amorcage.taux": {"2015-09-17": 0.6, "2016-08-23": 0.5, "2018-04-05": 0.8}}
    assert appliquer_reforme(tax_benefit_system, a_l_ouverture).avertissements == []


@pytest.mark.parametrize(
    ("changements", "attendus"),
    [
        # each value dated inside a window misses its call: 0.7 from 2017 left the second call at 50 % too
        ({"financement_amorcage.taux": {"2015-10-01": 0.6, "2017-01-01": 0.7}},
         [("valeur_apres_l_ouverture", 1, 2), ("valeur_apres_l_ouverture", 2, 3)]),
        # the first call's own value: missing it changes nothing; the third call's 80 % is changed
        ({"financement_amorcage.taux": {"2015-10-01": 0.5}}, [("valeur_debordante", 3, None)]),
        # dated before the first call: it is for the first call, and « also » applies to the second and third
        ({"financement_amorcage.taux": {"2015-01-01": 0.6}},
         [("valeur_debordante", 2, None), ("valeur_debordante", 3, None)]),
        # the first call reads the reform's 70 %, not the law's 50 %: the 50 % from 2015-10-01 misses a call of its own
        ({"financement_amorcage.taux": {"2015-09-17": 0.7, "2015-10-01": 0.5}},
         [("valeur_apres_l_ouverture", 1, 2), ("valeur_debordante", 3, None)]),
        # dated between two windows (after the first call's last filing day): the next call's, nothing missed
        ({"financement_amorcage.plafond": {"2016-08-01": 90_000, "2018-04-05": None}}, []),
        ({"financement_amorcage.taux": {"2017-06-01": 0.7}}, []),
        # a reading of the first call only, dated inside its window: it misses it; the later calls read its false
        # as they read their null (no change, nothing « also » applies)
        ({"interpretations.plafond_par_structure": {"2015-10-01": False}}, [("valeur_apres_l_ouverture", 1, 2)]),
        # a reading's true reaches the calls it does not concern (their null reads as false): said for each
        ({"interpretations.plafond_par_structure": {"2015-09-17": True}},
         [("valeur_debordante_hors_champ", 2, None), ("valeur_debordante_hors_champ", 3, None)]),
        ({"interpretations.plafond_par_structure": {"2016-08-23": True}}, [("valeur_debordante_hors_champ", 3, None)]),
        ({"interpretations.plafond_par_structure": {"2016-08-23": True, "2018-04-05": None}}, []),
        ({"interpretations.plafond_par_structure": {"2018-04-05": False}}, []),
        # dated inside the first call's window, the first call's own value: it changes the second call's, said
        ({"interpretations.plafond_par_structure": {"2015-10-01": True}},
         [("valeur_apres_l_ouverture", 1, 2), ("valeur_debordante_hors_champ", 3, None)]),
        ({"financement_amorcage.enveloppe": {"2015-10-01": 5_000_000}},
         [("valeur_apres_l_ouverture", 1, 2), ("valeur_debordante", 3, None)]),
        # a value with an end date: said where it reaches a later call the reading does not concern (its null), not
        # where it covers a later call's own value up to a day the reform gives (plafond_100k: meant)
        ({"interpretations.plafond_par_structure": {"2015-09-17": True, "2018-04-05": None}},
         [("valeur_debordante_hors_champ", 2, None)]),
        ({"financement_amorcage.plafond": {"2015-09-17": 100_000, "2018-04-05": None}}, []),
        ({"financement_amorcage.taux": {"2015-09-17": 0.6, "2018-04-05": 0.7}}, []),
        # a switch that carries a rule over to the third call is read by no call that sets its own
        ({"interpretations.objectifs_nationaux_2015_maintenus_en_2018": {"2015-09-17": True}}, []),
        ({"interpretations.regle_des_sessions_maintenue_en_2018": {"2015-09-17": True}}, []),
        ({"interpretations.conditions_2015_maintenues_en_2018": {"2015-10-01": True}}, []),
    ],
)  # fmt: skip
def test_what_each_value_of_a_reform_reaches_is_said(tax_benefit_system, changements, attendus):
    """Only the first value missing its call was said; a reading's true from 2015-09-17 (the law's own for the first
    call) changed the second call's cost by 40 % without a word, and one from 2016-08-23 was said to « reach no
    call's rules », which the second call reads (a switch's null reads as false, a true changes it)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        avertissements = appliquer_reforme(tax_benefit_system, changements).avertissements
    assert [(a.cle, a.valeurs.get("appel"), a.valeurs.get("suivant")) for a in avertissements] == attendus


@pytest.mark.parametrize(
    ("changements", "appel"),
    [({"interpretations.plafond_par_structure": {"2015-09-17": None}}, 1),
     ({"interpretations.label_premier_appel_trois_ans": {"2015-09-17": True, "2015-10-01": None}}, 2),
     ({"interpretations.label_premier_appel_trois_ans": {"2016-08-23": None}}, 2)],
)  # fmt: skip
def test_a_switchs_null_a_call_would_read_is_refused_naming_it(tax_benefit_system, client, changements, appel):
    """A reading's null from 2015-09-17 was read as false by the first call, which it concerns: the ceiling per
    training, +30 000 € to a structure of two trainings on /compare, without a word. The law's null, restated
    where the reading concerns no call, is still accepted (the cases above)."""
    from openfisca_gen.validation import ReformeInvalideError

    with pytest.raises(ReformeInvalideError) as erreur:
        appliquer_reforme(tax_benefit_system, changements)
    [probleme] = erreur.value.problemes
    assert (probleme.cle, probleme.valeurs["appel"], probleme.champ) == ("interrupteur_inconnu_lu", appel, *changements)
    assert f"would be read as false by call {appel}" in str(erreur.value)
    corps = {"period": "2015-10", "reform": changements,
             "situation": {"formations": {"f": {"date_depot_dossier": {"ETERNITY": "2015-10-12"}}}}}  # fmt: skip
    reponse = client.post("/compare", json=corps)
    assert reponse.status_code == 400 and reponse.json["errors"][0]["field"] == next(iter(changements))
    # where the law's reading is false, its null reads the same: accepted, as it was
    assert appliquer_reforme(
        tax_benefit_system, {"interpretations.duree_maximale_selon_le_ministre": {"2015-09-17": None}}
    )


@pytest.mark.parametrize(
    "reforme",
    [[{"financement_amorcage.plafond": {"2015-09-17": "a\x00"}}], [{"\x00": {"2015-09-17": 1}}],
     [{"financement_amorcage.plafond": {"2015-09-17": "\ud800"}}]],
)  # fmt: skip
def test_a_combination_of_any_characters_is_refused_naming_them_never_a_500(tax_benefit_system, client, reforme):
    """A combination's name, written from its values before they are checked, named its class: a NUL or a lone
    surrogate was a ValueError in Python, a 500 on /compare."""
    from openfisca_gen.validation import ReformeInvalideError

    with pytest.raises(ReformeInvalideError):
        appliquer_reforme(tax_benefit_system, reforme)
    corps = {"period": "2015-10", "reform": reforme,
             "situation": {"formations": {"f": {"date_depot_dossier": {"ETERNITY": "2015-10-12"}}}}}  # fmt: skip
    assert client.post("/compare", json=corps).status_code == 400


def test_a_parameter_given_by_its_old_and_its_new_path_is_refused(tax_benefit_system):
    """The later key won: an undecided training's 70 000 € hung on the order of the keys, and in a combination
    the first reform's value was lost without a word."""
    from openfisca_gen.validation import ReformeInvalideError

    ancien, nouveau = (
        f"{noeud}.sans_decision_formation_eligible_labellisee" for noeud in ("interpretations", "conventions")
    )
    for reforme in ({ancien: {"2015-09-17": False}, nouveau: {"2015-09-17": True}},
                    [{ancien: {"2015-09-17": False}}, {nouveau: {"2016-08-23": True}}]):  # fmt: skip
        with pytest.raises(ReformeInvalideError, match=f"is also given by its old path '{ancien}'"):
            appliquer_reforme(tax_benefit_system, reforme)


def test_rules_that_would_not_hold_together_are_said_with_the_values_refused(tax_benefit_system, client):
    """A rate of 150 % beside a minimum duration of 30 months: the rate alone was said, the durations' clash only
    once the rate was fixed (the workshop showed one stage at a time)."""
    from openfisca_gen.validation import ReformeInvalideError

    changements = {"financement_amorcage.taux": {"2015-09-17": 1.5},
                   "labellisation.duree_formation.minimum_mois": {"2015-09-17": 30}}  # fmt: skip
    with pytest.raises(ReformeInvalideError) as refus:
        appliquer_reforme(tax_benefit_system, changements)
    assert [p.cle for p in refus.value.problemes][:2] == ["taux_hors_bornes", "durees_incoherentes"]
    for faute in ("financement_amorcage.plafondd", "labellisation", 1):  # an unknown path, a node, no path at all
        autre = {faute: {"2015-09-17": 1}, "labellisation.duree_formation.minimum_mois": {"2015-09-17": 30}}
        with pytest.raises(ReformeInvalideError) as refus:
            appliquer_reforme(tax_benefit_system, autre)
        assert refus.value.problemes[0].champ == str(faute)  # the API's `field`: the path given, not 'reform'
        assert refus.value.problemes[1].cle == "durees_incoherentes"
    page = client.get("/reformes?financement_amorcage.taux=150+%25&labellisation.duree_formation.minimum_mois=30")
    texte = html.unescape(page.get_data(as_text=True))
    assert "taux de 0 % à 100 %" in texte.replace("\xa0", " ")
    assert "durée minimale (30 mois) dépasse la durée maximale" in texte


def test_a_reform_that_would_drop_a_call_of_the_law_is_refused(tax_benefit_system):
    """`{"2016-08-23": "2016-08-01"}` alone (the docs' own example) replaced the third call's key: a 2018 dossier
    answered no call, 0 € where 80 000 €; keyed on 2016-07-01, the second call read the first call's rules (its
    180 000 € per structure became 70 000 €). Both are refused, naming the calls dropped and how to keep them."""
    from openfisca_gen.validation import ReformeInvalideError

    deadlines = {"2016-07-01": ["2016-09-23", "2016-11-25", "2017-02-24"], "2018-04-05": ["2018-06-28"]}
    for changements, perdus in (
        ({"calendrier.date_ouverture": {"2016-08-23": "2016-08-01"}}, ["2018-04-05"]),
        ({"calendrier.date_ouverture": {"2016-07-01": "2016-07-01", "2018-04-05": "2018-04-05"},
          "calendrier.dates_limites_depot": deadlines}, ["2016-08-23"]),
        ({"calendrier.date_ouverture": {"2015-09-17": "2015-09-10"}}, ["2016-08-23", "2018-04-05"]),
    ):  # fmt: skip
        with pytest.raises(ReformeInvalideError) as refus:
            appliquer_reforme(tax_benefit_system, changements)
        [probleme] = [p for p in refus.value.problemes if p.cle == "appel_perdu"]
        assert probleme.valeurs["jours"] == perdus and probleme.champ == "calendrier.date_ouverture"
        assert (
            f'give each call its day under its own key, to keep it ({{"{perdus[0]}": "{perdus[0]}"}})' in probleme.en()
        )
    deplace = {"calendrier.date_ouverture": {"2016-08-23": "2016-08-01", "2018-04-05": "2018-04-05"}}
    dossier = {"date_depot_dossier": {"ETERNITY": "2018-05-02"}, "metier_vise": {"ETERNITY": "codeur"},
               "formation_gratuite": {"ETERNITY": True}, "duree_formation_mois": {"ETERNITY": 6},
               "budget_session": {"ETERNITY": 100_000}, "nombre_apprenants": {"ETERNITY": 12},
               "nombre_demandeurs_emploi_peu_qualifies": {"ETERNITY": 10}}  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        simulation = construire_simulation(
            appliquer_reforme(tax_benefit_system, deplace), {"formations": {"f": dossier}}
        )
    assert simulation.calculate("financement_amorcage", "2018-12").tolist() == [80_000]  # the third call's, kept


def test_values_that_reach_no_call_are_one_warning_per_parameter(tax_benefit_system):
    """A value a day from the first call's opening: all but the first and the last reach no call. One warning
    says how many, from when to when, not 298."""
    import datetime

    from openfisca_gen.reforms.parametriques import ReformeDebordeWarning

    jours = [datetime.date(2015, 9, 17) + datetime.timedelta(days=i) for i in range(300)]
    valeurs = {str(jour): 70_000 + i for i, jour in enumerate(jours)}
    with pytest.warns(ReformeDebordeWarning):
        reformee = appliquer_reforme(tax_benefit_system, {"financement_amorcage.plafond": valeurs})
    [perdues] = [a for a in reformee.avertissements if a.cle.endswith("sans_appel")]
    assert perdues.cle == "valeurs_sans_appel" and perdues.en().startswith(
        "'financement_amorcage.plafond': 298 values, from 2015-09-18 (70001) to 2016-07-11, reach no call's rules"
    )


def test_a_reform_of_numpy_numbers_is_named_as_of_the_numbers_they_stand_for(tax_benefit_system):
    """np.int64(100000) was written 100000, not 100,000 €."""
    parametres = tax_benefit_system.parameters
    changements = {"financement_amorcage.plafond": {"2015-09-17": numpy.int64(100_000)},
                   "financement_amorcage.taux": {"2015-09-17": numpy.float64(0.6)}}  # fmt: skip
    attendu = "financement_amorcage.plafond = 100,000 € from 2015-09-17; financement_amorcage.taux = 60 % from"
    assert nom_de(changements, parametres).startswith(attendu)
    assert nom_de(changements, parametres, "fr").startswith("financement_amorcage.plafond = 100\u202f000\u00a0€")
    zero = {"financement_amorcage.plafond": {"2015-09-17": -0.0}, "financement_amorcage.taux": {"2015-09-17": -0.0}}
    attendu = "financement_amorcage.plafond = 0 € from 2015-09-17; financement_amorcage.taux = 0 % from"
    assert nom_de(zero, parametres).startswith(attendu)  # « -0 € » before
    # numpy.float32(0.7) is 0.7, its shortest digits: the rule read 0.699999988 and the cost 5 018 859,99 €
    taux = [
        appliquer_reforme(tax_benefit_system, {"financement_amorcage.taux": {"2015-09-17": valeur}})
        .parameters("2015-10")
        .financement_amorcage.taux
        for valeur in (0.7, numpy.float32(0.7))
    ]
    assert taux == [0.7, 0.7]
    # a Timestamp key, as pandas gives one, titled by its day: « from 2015-09-17 00:00:00 » before
    horodate = {"financement_amorcage.plafond": {pandas.Timestamp("2015-09-17"): 100_000}}
    assert nom_de(horodate, parametres) == "financement_amorcage.plafond = 100,000 € from 2015-09-17"
    # on top of a reform giving that day: the later one's value, where it was refused as the same date twice
    apres = {"financement_amorcage.plafond": {pandas.Timestamp("2015-09-17"): 90_000}}
    combinee = appliquer_reforme(tax_benefit_system, ["plafond_100k", apres])
    assert combinee.parameters("2015-10").financement_amorcage.plafond == 90_000


def test_a_call_opened_earlier_judges_its_campaign_in_its_first_month_too(tax_benefit_system):
    """With the first call opened on 2015-08-20 (its rules still read on 2015-09-17), its campaign had no fabrique
    and objectives « non applicable » computed in 2015-08, and its values from 2015-09: the formulas were dated."""
    ouvertures = {"2015-09-17": "2015-08-20", "2016-08-23": "2016-08-23", "2018-04-05": "2018-04-05"}
    reformee = appliquer_reforme(tax_benefit_system, {"calendrier.date_ouverture": ouvertures})
    dossier = {"date_depot_dossier": {"ETERNITY": "2015-08-25"}, "nombre_apprenants": {"ETERNITY": 10},
               "nombre_femmes": {"ETERNITY": 5}, "metier_vise": {"ETERNITY": "codeur"},
               "formation_gratuite": {"ETERNITY": True}, "pedagogie_innovante": {"ETERNITY": True},
               "duree_formation_mois": {"ETERNITY": 6}}  # fmt: skip
    situation = {"formations": {"f": dossier}, "campagnes": {"c": {"formations": ["f"]}}}
    for mois in ("2015-08", "2015-09"):
        simulation = construire_simulation(reformee, situation)
        assert simulation.calculate("nombre_fabriques_labellisees", mois).tolist() == [1], mois
        assert simulation.calculate("objectif_part_femmes", mois).decode()[0].name == "atteint", mois


def test_a_dissolution_moved_earlier_sets_aside_the_labels_decided_from_it(tax_benefit_system):
    """A reform keeping the arrêté's own date (2025-01-08) but moving its day to 2024-06-01: a decision of
    2024-07-01 comes before the value's date and is judged under it, as the workshop dates a change."""
    reformee = appliquer_reforme(tax_benefit_system, {"programme.date_fin_labellisation": {"2025-01-08": "2024-06-01"}})
    jours = {"avant": "2024-05-31", "apres": "2024-07-01"}
    situation = {"formations": {nom: {"date_decision_comite": {"ETERNITY": jour}} for nom, jour in jours.items()}}
    simulation = construire_simulation(reformee, situation)
    assert simulation.calculate("label_decide_apres_dissolution", "2025-02").tolist() == [False, True]


@pytest.mark.parametrize(("femmes", "maintenus", "eligible"), [(12, False, True), (1, False, True), (1, True, False),
                                                                 (12, True, True)])  # fmt: skip
def test_a_share_condition_switched_on_for_a_call_without_objective_excludes_no_one(
    tax_benefit_system, femmes, maintenus, eligible
):
    """Switched on from 2015-09-17 (the third call included), the 30 % women condition read 2018's missing objective
    as infinite: a session of only women failed it, and the whole 2018 campaign lost its labels (347 to 0). Where
    the call sets no objective the condition is met; where the 2015 objectives are carried into 2018, it holds
    against them, as the campaign's objective does."""
    faits = {"date_depot_dossier": "2018-05-01", "metier_vise": "codeur", "formation_gratuite": True,
             "duree_formation_mois": 6, "budget_session": 100000, "nombre_apprenants": 12, "nombre_femmes": femmes,
             "nombre_demandeurs_emploi_peu_qualifies": 12, "nombre_jeunes_neet_peu_qualifies": 12}  # fmt: skip
    situation = {
        "formations": {"f": {nom: {"ETERNITY": valeur} for nom, valeur in faits.items()}},
        "structures": {"s": {"formations": ["f"], "statut_structure": {"ETERNITY": "association"}}},
    }
    changements = {"interpretations.conditions.part_femmes_suffisante": {"2015-09-17": True}}
    if maintenus:
        changements["interpretations.objectifs_nationaux_2015_maintenus_en_2018"] = {"2018-04-05": True}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reforme = appliquer_reforme(tax_benefit_system, changements)
    simulation = construire_simulation(reforme, situation)
    assert simulation.calculate("eligible_labellisation", "2018-12")[0] == eligible
    assert simulation.calculate("financement_amorcage", "2018-12")[0] == (80000 if eligible else 0)
    sous_la_loi = construire_simulation(tax_benefit_system, situation)  # which reads no such condition in 2018
    assert sous_la_loi.calculate("financement_amorcage", "2018-12")[0] == 80000


@pytest.mark.parametrize("rendue", [False, True])
@pytest.mark.parametrize("valeur", [True, False])
def test_a_switch_given_for_the_first_call_changes_no_later_call_it_is_silent_about(tax_benefit_system, valeur, rendue):
    """Each reading set from the first call's opening, as an analyst writes it by hand: a later call's results
    change only where the reform warns that the value reaches that call (true for plafond_par_structure cut the
    second call's cost by 40 % without a word); a switch that carries a rule over to the third call is for it.
    With the law's value given back from the third call's opening (`rendue`), the value runs to the day before:
    it is meant for the second call where that call has a value of its own, and said where the reading does not
    concern it (null)."""
    from openfisca_gen.interpretations import interrupteurs
    from openfisca_gen.population import POPULATIONS, lire_population

    populations = {2: "appel_2016", 3: "appel_2018"}
    lues = {appel: lire_population(tax_benefit_system, nom) for appel, nom in populations.items()}
    variables = ["eligible_labellisation", "labellisee", "financement_amorcage"]

    def resultats(systeme, appel):
        population, mois = lues[appel], POPULATIONS[populations[appel]]["periode"]
        simulation = population.simulation(systeme, mois)
        return [simulation.calculate(nom, mois) for nom in variables]

    loi = {appel: resultats(tax_benefit_system, appel) for appel in populations}
    for parametre in interrupteurs(tax_benefit_system):
        changements = {"2015-09-17": valeur} | ({"2018-04-05": parametre("2018-04-05")} if rendue else {})
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reforme = appliquer_reforme(tax_benefit_system, {parametre.name: changements})
        dits = {a.valeurs["appel"] for a in reforme.avertissements if a.cle.startswith("valeur_debordante")}
        # the call the value is for: the first, or the first that reads a switch carrying a rule over (the third)
        pour = {3 if parametre.metadata.get("reconduction") else 1}
        voulus = {2} if rendue and parametre("2016-08-23") is not None else set()  # its own value, covered
        for appel in set(populations) - dits - pour - voulus:
            sous_la_reforme = resultats(reforme, appel)
            assert all(map(numpy.array_equal, sous_la_reforme, loi[appel])), (parametre.name, appel)


def test_a_reforms_class_is_applied_as_its_name_is(tax_benefit_system):
    """`reforms.plafond_100k`, the class OpenFisca applies (as `openfisca test`'s `reforms:` names it), was refused
    as « a non-empty mapping » expected."""
    from openfisca_gen import reforms
    from openfisca_gen.analyse import comparer

    par_classe, par_nom = (
        comparer("appel_2015", r, "2016-02", tax_benefit_system) for r in (reforms.plafond_100k, "plafond_100k")
    )
    assert par_classe.resume().equals(par_nom.resume()) and par_classe.nom("en") == "plafond_100k"
    assert type(appliquer_reforme(tax_benefit_system, reforms.plafond_100k)) is reforms.plafond_100k


def test_a_warning_of_a_value_with_an_end_date_is_printed_once_by_the_command(tmp_path):
    """« … runs to 2018-04-04: it also applies to call 2 » came twice: the command's line, and Python's raw warning
    with a file path (its filter knew « has no end date » only). As a terminal shows it: a process of its own."""
    fichier = tmp_path / "r.yaml"
    fichier.write_text("interpretations.plafond_par_structure:\n  2015-09-17: true\n  2018-04-05: null\n")
    commande = [sys.executable, "-m", "openfisca_gen.cli", "compare", "--reform", str(fichier), "--data", "appel_2016"]
    sortie = subprocess.run(commande, capture_output=True, text=True, check=True)
    assert "ReformeDebordeWarning" not in sortie.stderr
    assert (sortie.stdout + sortie.stderr).count("runs to 2018-04-04: it also applies to call 2") == 1


def test_each_reform_of_a_combination_is_checked_whole_and_every_problem_named(
    tax_benefit_system, client, capsys, tmp_path
):
    """A later reform's value for the same day hid a wrong one: `--reform bad.yaml --reform good.yaml` computed,
    its report titled « taux = beaucoup »; an unknown name hid every other problem; a name in the wrong case got
    the list of names and no suggestion."""
    from openfisca_gen.cli import main
    from openfisca_gen.validation import ReformeInvalideError

    mauvaise = {"financement_amorcage.taux": {"2015-09-17": "beaucoup"}}
    bonne = {"financement_amorcage.taux": {"2015-09-17": 0.6, "2016-08-23": 0.5, "2018-04-05": 0.8}}
    with pytest.raises(ReformeInvalideError) as erreur:
        appliquer_reforme(tax_benefit_system, [mauvaise, bonne])
    assert [p.cle for p in erreur.value.problemes] == ["nombre_attendu"]
    with pytest.raises(ReformeInvalideError) as erreur:
        appliquer_reforme(tax_benefit_system, [{"x.y": {"2015-09-17": 1}}, "Plafond_100k"])
    assert [p.cle for p in erreur.value.problemes] == ["parametre_inconnu", "reforme_inconnue"]
    assert "Unknown reform 'Plafond_100k'; did you mean plafond_100k?" in str(erreur.value)
    (tmp_path / "bad.yaml").write_text('financement_amorcage.taux:\n  2015-09-17: "beaucoup"\n', encoding="utf-8")
    (tmp_path / "good.yaml").write_text("financement_amorcage.taux:\n  2015-09-17: 0.6\n", encoding="utf-8")
    assert main(["compare", "--reform", str(tmp_path / "bad.yaml"), "--reform", str(tmp_path / "good.yaml")]) == 2
    assert "expects a number, got 'beaucoup'" in capsys.readouterr().err
    corps = {"period": "2015-10", "reform": [mauvaise, bonne],
             "situation": {"formations": {"f": {"date_depot_dossier": {"ETERNITY": "2015-10-12"}}}}}  # fmt: skip
    assert client.post("/compare", json=corps).status_code == 400


def test_the_deprecated_scenario_plafond_par_structure_warns_and_still_works(tax_benefit_system):
    """CHANGELOG 0.7.0 lists it as deprecated until 0.8; it gave no DeprecationWarning, by name or by class."""
    from openfisca_gen.reforms import plafond_par_structure

    for reforme in ("plafond_par_structure", plafond_par_structure):
        with pytest.warns(DeprecationWarning, match="goes in 0.8: use plafond_par_formation"):
            systeme = appliquer_reforme(tax_benefit_system, reforme)
        assert systeme.parameters("2015-10-01").interpretations.plafond_par_structure  # the law's reading, unchanged


def test_a_reform_file_given_through_a_pipe_is_read(tmp_path):
    """`--reform <(cat r.yaml)` was looked up as a reform's name: « Unknown reform '/dev/fd/63' »."""
    import os
    import threading

    from openfisca_gen.reforms import lire_reforme

    tube = tmp_path / "r"
    os.mkfifo(tube)
    ecrivain = threading.Thread(target=tube.write_text, args=("financement_amorcage.plafond: {2015-09-17: 100000}\n",))
    ecrivain.start()
    assert lire_reforme(str(tube)) == {"financement_amorcage.plafond": {"2015-09-17": 100000}}
    ecrivain.join(timeout=10)
