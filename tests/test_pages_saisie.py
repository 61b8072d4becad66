"""Numbers, months and days as people type them (`validation.saisie`), and the pages' messages in their words."""

import pytest

from openfisca_gen.pages import conditions
from openfisca_gen.pages.francais import euros, nombre, nombre_brut, pourcent, pourcent_pres_du_seuil, pres_du_seuil
from openfisca_gen.validation import Probleme, valider_situation
from openfisca_gen.validation.messages import MESSAGES, MESSAGES_DU_CHAMP
from openfisca_gen.validation.saisie import lire_date, lire_mois, lire_nombre
from openfisca_gen.validation.types import JOURS, NombreDemesure

EUROS, TAUX, MOIS = "currency-EUR", "/1", "month"


@pytest.mark.parametrize(
    ("texte", "unite", "attendu"),
    [
        ("75 000 €", EUROS, 75000),
        ("75\u202f000\u00a0€", EUROS, 75000),  # the narrow no-break space the pages write themselves
        ("90 000,00", EUROS, 90000),
        ("75k", EUROS, 75000),
        ("75 k€", EUROS, 75000),
        ("1,2 M€", EUROS, 1200000),
        ("45000 euros", EUROS, 45000),
        ("50 %", TAUX, 0.5),
        ("12,5%", TAUX, 0.125),
        ("0,5", TAUX, 0.5),
        ("7 mois", MOIS, 7),
        ("4,5", MOIS, 4.5),
        ("−5", None, -5),  # the minus sign the pages write
        ("20", None, 20),
        ("90.000", EUROS, 90000),  # thousands grouped by points, as much of Europe writes them
        ("90.000 €", EUROS, 90000),
        ("90.000 euros", EUROS, 90000),  # a unit that starts with an e is no exponent
        ("90.000 EUR", EUROS, 90000),
        ("0.500", None, 0.5),  # a group of thousands starts with 1 to 999
        ("0.500 €", EUROS, 0.5),
        ("1.000", None, 1000),
        ("1.234.567,50", EUROS, 1234567.5),
        ("1,234,567", EUROS, 1234567),  # by commas, where nothing else can be meant
        ("1,234.50", EUROS, 1234.5),
        ("0,500", None, 0.5),  # a leading 0 groups no thousands
        ("7.5", MOIS, 7.5),
        ("5,999", MOIS, 5.999),  # in a duration or a rate, decimals
        ("5.999", MOIS, 5.999),
        ("1,250", TAUX, 1.25),
        ("1.5e3", None, 1500.0),
    ],
)
def test_numbers_are_read_as_people_write_them(texte, unite, attendu):
    valeur = lire_nombre(texte, unite)
    assert valeur == attendu and type(valeur) is type(attendu)


@pytest.mark.parametrize(
    ("texte", "unite"),
    [("abc", EUROS), ("50 %", EUROS), ("75 €", TAUX), ("75k", None), ("2m", EUROS), ("7 mois", EUROS), ("", None),
     ("90,000", EUROS), ("1,000 €", EUROS), ("90,000 euros", EUROS), ("1.2.3", None),  # 90,000: 90 000, or 90?
     ("45 00 €", EUROS), ("85 2000,5", EUROS), ("1 2", MOIS), ("12 345 6", None), ("1 234,5 6", EUROS)],  # was 4 500…
)  # fmt: skip
def test_what_is_not_a_number_of_the_field_comes_back_as_typed(texte, unite):
    assert lire_nombre(texte, unite) == texte


def test_thousands_of_digits_are_named_not_written_out():
    assert isinstance(lire_nombre("9" * 5000), NombreDemesure)
    assert isinstance(lire_nombre("1," + "9" * 500 + "e400"), NombreDemesure)


@pytest.mark.parametrize(
    ("texte", "attendu"),
    [("2015-10", "2015-10"), ("10/2015", "2015-10"), ("octobre 2015", "2015-10"), ("Févr. 2016", "2016-02"),
     ("13/2015", "13/2015"), ("ju 2015", "ju 2015")],
)  # fmt: skip
def test_months_as_people_write_them(texte, attendu):
    assert lire_mois(texte) == attendu


@pytest.mark.parametrize(
    ("texte", "attendu"),
    [("12/10/2015", "2015-10-12"), ("1er octobre 2015", "2015-10-01"), ("12 août 2015", "2015-08-12"),
     ("2015-10-12", "2015-10-12"), ("32/10/2015", "32/10/2015")],
)  # fmt: skip
def test_days_as_people_write_them(texte, attendu):
    assert lire_date(texte) == attendu


def test_a_message_names_its_field_as_its_subject_with_what_to_write():
    probleme = Probleme("nombre_attendu", {"valeur": "abc"}, "champ", champ="budget_session")
    texte = probleme.fr_du_champ("Le budget d'une session", "un montant en euros", "45 000")
    assert texte == "Le budget d'une session doit être un montant en euros, par exemple 45 000."
    sans_phrase = Probleme("table_vide")  # no sentence for a field: the problem's own French
    assert sans_phrase.fr_du_champ("x", "y", "z") == sans_phrase.fr()


def test_every_field_sentence_is_for_a_problem_the_core_raises_and_formats():
    assert set(MESSAGES_DU_CHAMP) <= set(MESSAGES)
    valeurs = {"valeur": -3, "apprenants": 2, "texte": "1990-01", "premier": "1970-01", "dernier": "2100-12",
               "ouverture": "2015-09-17", "maximum": 2147483647, "textes": ["5", "7"], "nom": "x",
               "suggestion_fr": ""}  # fmt: skip
    for cle in MESSAGES_DU_CHAMP:
        jours = JOURS if cle == "date_attendue" else {}  # a day's bounds are days, a month's months
        jours |= {"valeur": "2010-02-03", "depot": "2015-10-12"} if cle == "decision_avant_depot" else {}
        texte = Probleme(cle, valeurs | jours).fr_du_champ("Le champ", "un nombre", "12")
        assert texte.startswith("Le champ") and "{" not in texte


def test_a_negative_count_of_learners_is_one_mistake(tax_benefit_system):
    """Not also "7 is more than nombre_apprenants (-5)" on every count of the session."""
    parts = {nom: {"ETERNITY": 7} for nom in ("nombre_femmes", "nombre_jeunes_neet_peu_qualifies")}
    situation = {"formations": {"f": {"nombre_apprenants": {"ETERNITY": -5}, **parts}}}
    [erreur] = valider_situation(tax_benefit_system, situation)
    assert "nombre_apprenants" in erreur
    situation["formations"]["f"]["nombre_apprenants"] = {"ETERNITY": 5}  # a real count: the parts are checked
    assert len(valider_situation(tax_benefit_system, situation)) == 2


@pytest.mark.parametrize(
    ("valeur", "seuil", "attendu"),
    [(2.9999999999, 3, "2,9999999999"), (2.9999, 3, "2,9999"), (24.0000001, 24, "24,0000001"), (5.9999999, 6,
     "5,9999999"), (2.5, 3, "2,5"), (3, 3, "3"), (3.0, 3, "3"), (2.99935, 3, "2,999")],
)  # fmt: skip
def test_a_number_near_its_threshold_does_not_read_as_the_threshold(valeur, seuil, attendu):
    assert pres_du_seuil(valeur, seuil) == attendu


def test_a_share_near_its_objective_does_not_read_as_the_objective():
    assert pourcent_pres_du_seuil(2999 / 10000, 0.3) == "29,99\u00a0%"
    assert pourcent_pres_du_seuil(0.3, 0.3) == pourcent(0.3) == "30\u00a0%"


@pytest.mark.parametrize("chiffres", [308, 309, 400, 4300])
def test_an_integer_of_hundreds_of_digits_is_named_never_converted(chiffres):
    """Python cannot turn a 309-digit integer into a float: a page names it by its digits instead."""
    valeur = lire_nombre("9" * chiffres)
    for texte in (nombre(valeur), euros(valeur), pourcent(valeur), conditions.avec_unite(valeur, "month")):
        assert texte.startswith(f"un nombre de {chiffres} chiffres")
    assert nombre_brut(valeur) == ""  # a data-* attribute: a finite number or nothing
    assert nombre(lire_nombre("9" * 5000)) == "un nombre de 5000 chiffres"


@pytest.mark.parametrize(
    ("montant", "ecrit"),
    [(22500.5, "22 500,50 €"), (22500, "22 500 €"), (0.125, "0,13 €"), (22500.125, "22 500,13 €"),
     (0.015, "0,02 €"), (1000.5, "1 000,50 €"), (1001.5, "1 001,50 €"), (-22500.5, "−22 500,50 €"), (-0.004, "0 €"),
     (1e20, "100 000 000 000 000 000 000 €"), (1e300, "1" + " 000" * 100 + " €")],  # beyond Decimal's 28 digits
)  # fmt: skip
def test_an_amount_is_written_to_the_cent_half_a_cent_up(montant, ecrit):
    """To the euro where whole, else to the cent, half a cent up (round() rounds half to even: 0,12 € for 0.125)."""
    assert " ".join(euros(montant).split()) == ecrit


def test_a_files_date_refused_says_how_to_write_it():
    """In a file a day is written YYYY-MM-DD: 12/10/2015 was said "not a real date", which it is."""
    probleme = Probleme("date_attendue", {**JOURS, "valeur": "12/10/2015"}, "ligne", champ="date_depot_dossier")
    assert probleme.fr() == (
        "Doit être une date réelle écrite AAAA-MM-JJ, du 1er janvier 1970 au 31 décembre 2100 (reçu « 12/10/2015 »)."
    )
