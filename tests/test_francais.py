"""The French of every refusal and warning says what its English says: the value, the bound, the fix, and what to
write in a form the readers take (true or false, AAAA-MM-JJ, --period). Each problem here is produced by a real entry
point (a table, a situation, a reform, the command line)."""

import warnings

import pandas
import pytest

from openfisca_gen.cli import main
from openfisca_gen.population import lire_population
from openfisca_gen.reforms import appliquer_reforme, obtenir
from openfisca_gen.simulation import construire_simulation
from openfisca_gen.validation import EntreeInvalideError

FORMATION = {"date_depot_dossier": "2015-10-01", "budget_session": 40000, "duree_formation_mois": 6}


def refus(faire) -> list:
    with pytest.raises(EntreeInvalideError) as erreur:
        faire()
    return erreur.value.problemes


def situation(**champs):
    faits = {nom: {"ETERNITY" if nom == "date_depot_dossier" else "2015-10": v} for nom, v in champs.items()}
    return {"formations": {"f": faits}, "structures": {"s": {"formations": ["f"]}}}


def reforme(tax_benefit_system, chemin, valeurs):
    return lambda: appliquer_reforme(tax_benefit_system, {chemin: valeurs})


@pytest.mark.parametrize(
    ("produire", "francais"),
    [
        (  # the path and the names close to it, as in English
            lambda t: reforme(t, "financement_amorcage.plafon", {"2015-09-17": 1}),
            "Paramètre inconnu : « financement_amorcage.plafon » (vouliez-vous dire financement_amorcage.plafond",
        ),
        (  # « doit être coché ou décoché », in a file
            lambda t: reforme(t, "labellisation.conditions.formation_gratuite", {"2015-09-17": "oui"}),
            "Doit être true ou false (reçu « oui »)",
        ),
        (  # « n'est pas une date AAAA-MM-JJ », of a date written AAAA-MM-JJ
            lambda t: reforme(t, "financement_amorcage.plafond", {"1960-01-01": 80_000}),
            "« 1960-01-01 » n'est pas une date réelle écrite AAAA-MM-JJ, du 1er janvier 1970 au 31 décembre 2100",
        ),
        (
            lambda t: reforme(t, "financement_amorcage", {"2015-09-17": 1}),
            "« financement_amorcage » est un groupe de paramètres, pas un paramètre ; ses paramètres : ",
        ),
        (  # « l'un des choix proposés », of a file that proposes none
            lambda t: lambda: lire_population(t, pandas.DataFrame({"formation_id": ["a"], "metier_vise": ["dev"]})),
            "Doit être l'un de : developpeur_web, ",
        ),
        (  # « d'au plus 2 147 483 647 », of −3 000 000 000
            lambda t: lambda: construire_simulation(t, situation(nombre_apprenants=-3_000_000_000)),
            "Doit être un nombre entier, sans virgule, compris entre −2\u202f147\u202f483\u202f647 et "
            "2\u202f147\u202f483\u202f647 (vous avez saisi −3\u202f000\u202f000\u202f000)",
        ),
        (  # « (vous avez saisi « inf ») »
            lambda t: lambda: lire_population(t, pandas.DataFrame({"formation_id": ["a"], "budget_session": [1e400]})),
            "compris entre moins un milliard et un milliard (vous avez saisi un nombre infini)",
        ),
        (  # « oui n'en est pas un », of a JSON true (the command line's words: « true »; a form's: « oui »)
            lambda t: lambda: construire_simulation(t, situation(budget_session=True)),
            "Doit être un nombre : « oui » n'en est pas un",
        ),
        (  # « donné deux fois », of three months, which were not named
            lambda t: (
                lambda: construire_simulation(
                    t, {"formations": {"f": {"budget_session": {"2015-10": 1, "2015-11": 2, "2015-12": 3}}}}
                )
            ),
            "Est donné avec des valeurs différentes pour 2015-10, 2015-11, 2015-12 : c'est un fait du dossier",
        ),
        (
            lambda t: lambda: obtenir("plafond_inexistant"),
            "Réforme inconnue : « plafond_inexistant » ; réformes : ",
        ),
    ],
)
def test_a_french_refusal_says_what_the_english_says(tax_benefit_system, produire, francais):
    problemes = refus(produire(tax_benefit_system))
    assert any(francais in probleme.fr() for probleme in problemes), [p.fr() for p in problemes]


def test_a_period_is_quoted_as_it_was_given():
    """201510 was quoted « 201 510 », as a number of thousands."""
    from openfisca_gen.validation import un_mois

    [probleme] = refus(lambda: un_mois(201510))
    assert probleme.fr().startswith("« 201510 » n'est pas un mois")


def test_a_french_warning_quotes_a_boolean_as_a_file_writes_it_or_a_form_says_it(tax_benefit_system):
    """« la valeur non donnée… dont la valeur est oui »: a value no file takes, and « non donnée » read as « not
    given ». The command line quotes it as a file writes it, a page as its box says it."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        systeme = appliquer_reforme(
            tax_benefit_system, {"labellisation.conditions.formation_gratuite": {"2015-09-17": False}}
        )
    fichier = " ".join(avertissement.dans("fr") for avertissement in systeme.avertissements)
    assert "la valeur « false » donnée à partir du 17 septembre 2015" in fichier
    assert "dont la valeur est « true »" in fichier
    formulaire = " ".join(avertissement.fr() for avertissement in systeme.avertissements)
    assert "La valeur « non » donnée à partir du 17 septembre 2015" in formulaire and "« oui »" in formulaire


def test_a_french_warning_names_the_month_to_give_as_it_is_typed(tax_benefit_system):
    """« calculez un mois plus tardif, par exemple mai 2018 », which --period refuses."""
    table = pandas.DataFrame(
        {"formation_id": ["a"], "structure_id": ["s"], "date_depot_dossier": ["2018-05-02"], "budget_session": [1]}
    )
    avertissements = lire_population(tax_benefit_system, table).avertissements(tax_benefit_system, "2015-10")
    francais = " ".join(avertissement.fr() for avertissement in avertissements)
    assert "calculez un mois plus tardif, par exemple mai 2018 (2018-05)" in francais  # what --period takes


def test_the_command_line_says_a_columns_problem_in_french_with_its_place(tmp_path, capsys):
    """--lang fr printed « long.csv line 5: 21 fields, the header has 19 », in English, where the message had French."""
    fichier = tmp_path / "f.csv"
    fichier.write_text("formation_id,budget\na,1\n")
    assert main(["compare", "--reform", "plafond_100k", "--data", str(fichier), "--lang", "fr"]) == 2
    erreur = capsys.readouterr().err
    assert "colonne 'budget' : colonne inconnue (vouliez-vous dire budget_session ?) ; colonnes d'entrée : " in erreur
    fichier.write_text("formation_id,budget_session\na,1,2\n")
    assert main(["compare", "--reform", "plafond_100k", "--data", str(fichier), "--lang", "fr"]) == 2
    assert "ligne trop longue : 3 champs, l'en-tête en a 2" in capsys.readouterr().err


def test_a_pages_sentence_ends_with_a_full_stop():
    """« …ou laissez vide », « …aucune formation ne serait éligible »: a page's sentences from the messages ended
    without a full stop, where those written for a field had one."""
    from openfisca_gen.validation import Probleme

    assert Probleme("reforme_inconnue", {"nom": "x", "noms": ["a"], "suggestion_fr": ""}).fr().endswith("réformes : a.")
    assert Probleme("champ_du_lien_inconnu", {"nom": "x", "suggestion_fr": ""}).fr().endswith("sans lui.")
    assert not Probleme("champ_du_lien_inconnu", {"nom": "x", "suggestion_fr": ""}).fr().endswith("..")
