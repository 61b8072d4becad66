"""Population tables: CSV or DataFrame in, validated with errors naming row and column, simulation, tables out."""

import dataclasses
import datetime
import re
import warnings
import zipfile

import numpy
import pandas
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openfisca_core import periods

from openfisca_gen.population import DONNEES, POPULATIONS, DonneesInvalidesError, lire_population
from openfisca_gen.simulation import construire_simulation
from openfisca_gen.validation import EntreeInvalideError

PERIOD = "2015-10"


def table(**colonnes):
    base = {
        "formation_id": ["a", "b", "c"],
        "structure_id": ["s1", "s1", "s2"],
        "statut_structure": ["association", "association", "entreprise_privee"],
        "date_depot_dossier": ["2015-10-01", "2015-10-19", "2015-10-20"],
        "metier_vise": ["codeur", "webmaster", "codeur"],
        "formation_gratuite": ["true", "1", "true"],
        "pedagogie_innovante": [True, True, True],
        "duree_formation_mois": [6, 4, 7],
        "budget_session": [120000, 40000, 100000],
        "nombre_apprenants": [10, 12, 0],
        "nombre_femmes": [3, 4, 0],
    }
    return pandas.DataFrame({**base, **colonnes})


def test_a_table_is_simulated_and_written_back(tax_benefit_system, tmp_path):
    population = lire_population(tax_benefit_system, table())
    simulation = population.simulation(tax_benefit_system, PERIOD)
    resultats = population.resultats(simulation, ["eligible_labellisation", "financement_amorcage"], PERIOD)
    assert resultats.index.tolist() == ["a", "b", "c"]
    assert resultats["structure_id"].tolist() == ["s1", "s1", "s2"]  # the training table carries its groups' ids
    assert resultats["eligible_labellisation"].tolist() == [True, True, False]
    assert resultats["financement_amorcage"].tolist() == [42000, 28000, 0]  # s1 shares 70 000 € (0.7)
    resultats.to_csv(tmp_path / "resultats.csv")
    assert pandas.read_csv(tmp_path / "resultats.csv", index_col=0).loc["a", "financement_amorcage"] == 42000


def test_a_float32_column_is_read_as_the_numbers_it_stands_for(tax_benefit_system):
    """6.7 months in a float32 column was 6.6999998, a budget of 45 000,3 € 45 000,30078125 €."""
    colonnes = {"duree_formation_mois": numpy.array([6.7, 6, 5.9999], numpy.float32),
                "budget_session": numpy.array([45_000.3, 1, 2], numpy.float32)}  # fmt: skip
    population = lire_population(tax_benefit_system, table(**colonnes))
    assert population.table["duree_formation_mois"].tolist() == [6.7, 6.0, 5.9999]
    assert population.table["budget_session"].tolist() == [45_000.3, 1.0, 2.0]


def test_a_float32_cell_a_sparse_column_and_a_text_column_of_nan_are_read_as_they_stand(tax_benefit_system):
    """A float32 cell in an object column was its binary value (70 000,7 € read 70 000,703125 €), a sparse column
    raised AttributeError (no itemsize), and a place's column of NaN warned from pandas (fillna), which a later
    pandas refuses."""
    colonnes = {
        "budget_session": pandas.Series([numpy.float32(70_000.7), 2.5, "3"], dtype=object),
        "duree_formation_mois": pandas.Series([6.7, 6, 7], dtype=pandas.SparseDtype(float)),
        "lieu_formation": [numpy.nan] * 3,
    }
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        population = lire_population(tax_benefit_system, table(**colonnes))
    assert population.table["budget_session"].tolist() == [70_000.7, 2.5, 3.0]
    assert population.table["duree_formation_mois"].tolist() == [6.7, 6.0, 7.0]
    assert population.table["lieu_formation"].tolist() == ["", "", ""]


def test_a_campaign_of_a_table_that_mixes_calls_names_its_column(tax_benefit_system):
    """Its `field` was null: a table's campaign is made by its `campagne_id` column."""
    dates = {"date_depot_dossier": ["2015-10-01", "2016-09-01", "2016-09-02"], "campagne_id": ["x", "x", "y"]}
    population = lire_population(tax_benefit_system, table(**dates))
    with pytest.raises(EntreeInvalideError) as erreur:
        population.simulation(tax_benefit_system, "2016-10")
    [probleme] = erreur.value.problemes
    assert (probleme.cle, probleme.id, probleme.champ) == ("campagne_melee", "x", "campagne_id")


@pytest.mark.parametrize(
    ("mois", "message"),
    [
        ("2015-10-15", "give a month such as 2015-10, not '2015-10-15'"),
        ("2015-W40", "not '2015-W40'"),
        ("9999-01", "outside the months the model covers"),
        ("garbage", "'garbage' is not a period"),
        (periods.period("2016"), "give a month such as 2015-10, not '2016'"),  # named as it writes itself
        # a day from Python, named as a day: « Datetime.datetime(2016, 2, 1, 0, 0) is not a period » before
        (datetime.datetime(2016, 2, 1), "give a month such as 2015-10, not '2016-02-01'"),
        (numpy.datetime64("2016-02-01"), "give a month such as 2015-10, not '2016-02-01'"),
    ],
)
def test_a_simulation_is_built_for_a_month(tax_benefit_system, mois, message):
    """A day or a week used to be taken: the one monthly input (common-law funding) was then set for the day,
    and the month's funding paid as if it had not been obtained."""
    population = lire_population(tax_benefit_system, table(financements_droit_commun_obtenus=[True] * 3))
    with pytest.raises(EntreeInvalideError, match=re.escape(message)):
        population.simulation(tax_benefit_system, mois)


def test_a_month_from_python_is_read_as_the_month_it_is(tax_benefit_system):
    population = lire_population(tax_benefit_system, table())
    for mois in (numpy.datetime64("2015-10"), pandas.Period("2015-10", "M")):
        assert population.simulation(tax_benefit_system, mois).calculate("financement_amorcage", "2015-10").any()


def test_its_tables_are_those_of_its_own_month(tax_benefit_system):
    """Computed in another month than it was built for, a simulation would not read its monthly inputs: 42 000 €
    where common-law funding, obtained, ends the seed funding. One name is a list of one; a name unknown is
    named."""
    population = lire_population(tax_benefit_system, table(financements_droit_commun_obtenus=[True] * 3))
    simulation = population.simulation(tax_benefit_system, periods.period(PERIOD))  # a Period is its month
    assert population.resultats(simulation, "financement_amorcage", PERIOD)["financement_amorcage"].tolist() == [0] * 3
    with pytest.raises(EntreeInvalideError, match="built for 2015-10: build one for 2016-02"):
        population.tables(simulation, ["financement_amorcage"], "2016-02")
    with pytest.raises(EntreeInvalideError, match=r"Unknown variable\(s\) financement"):
        population.tables(simulation, ["financement"], PERIOD)
    with pytest.raises(EntreeInvalideError) as erreur:  # both problems at once, not one run after the other
        population.resultats(simulation, ["financement", "financement_amorcage_structure"], PERIOD)
    assert [p.cle for p in erreur.value.problemes] == ["variables_inconnues", "variable_de_groupe"]


def test_group_variables_have_one_row_per_group(tax_benefit_system):
    """A structure's total repeated on each of its trainings would be counted twice by a sum over trainings."""
    population = lire_population(tax_benefit_system, table())
    simulation = population.simulation(tax_benefit_system, PERIOD)
    variables = ["financement_amorcage", "financement_amorcage_structure", "statut_structure"]
    tables = population.tables(simulation, variables, PERIOD)
    assert tables["structure"].index.tolist() == ["s1", "s2"] and tables["structure"].index.name == "structure_id"
    assert tables["structure"]["financement_amorcage_structure"].tolist() == [70000, 0]  # the ceiling per structure
    assert tables["structure"]["statut_structure"].tolist() == ["association", "entreprise_privee"]
    assert (
        tables["structure"]["financement_amorcage_structure"].sum() == tables["formation"]["financement_amorcage"].sum()
    )
    with pytest.raises(
        EntreeInvalideError, match=r"Variable\(s\) of a structure or a campaign.*financement_amorcage_structure"
    ):
        population.resultats(simulation, variables, PERIOD)


def test_a_csv_and_a_dataframe_give_the_same_population(tax_benefit_system, tmp_path):
    table().to_csv(tmp_path / "f.csv", index=False)
    depuis_csv = lire_population(tax_benefit_system, tmp_path / "f.csv").table
    depuis_table = lire_population(tax_benefit_system, table()).table
    pandas.testing.assert_frame_equal(depuis_csv, depuis_table)


def test_left_out_columns_take_defaults(tax_benefit_system):
    population = lire_population(tax_benefit_system, pandas.DataFrame({"budget_session": [1000.0, 2000.0]}))
    simulation = population.simulation(tax_benefit_system, PERIOD)
    assert simulation.calculate("eligible_labellisation", PERIOD).tolist() == [False, False]
    assert population.table["structure_id"].tolist() == [0, 1]  # row positions: each its own structure
    assert simulation.calculate("nombre_formations_labellisees", PERIOD).tolist() == [0]


@pytest.mark.parametrize(
    ("colonnes", "message"),
    [
        (
            {"budjet_session": [1, 2, 3]},
            "column 'budjet_session' is not an input variable; did you mean budget_session?",
        ),
        ({"financement_amorcage": [1, 2, 3]}, "column 'financement_amorcage' is computed by the model"),
        (
            {"budget_session": [1, "12abc", 3]},
            "row 1 (formation 'b'), field 'budget_session': expects a number, got '12abc'",
        ),
        ({"budget_session": [1, -5, 3]}, "row 1 (formation 'b'), field 'budget_session': must be >= 0, got -5"),
        (
            {"nombre_femmes": [11, 4, 0]},
            "row 0 (formation 'a'), field 'nombre_femmes': 11 is more than nombre_apprenants (10)",
        ),
        (
            {"nombre_apprenants": [10, 12.5, 0]},
            "field 'nombre_apprenants': expects a whole number within ±2147483647, got 12.5",
        ),
        (
            {"duree_formation_mois": [6, 0, 7]},
            "row 1 (formation 'b'), field 'duree_formation_mois': must be > 0, got 0",
        ),
        ({"duree_formation_mois": [6, "", 7]}, "row 1 (formation 'b'), field 'duree_formation_mois': empty cell"),
        (
            {"metier_vise": ["codeur", "dev", "codeur"]},
            "field 'metier_vise': expects one of developpeur_web",
        ),
        (
            {"formation_gratuite": ["oui", "true", "true"]},
            "field 'formation_gratuite': expects true or false (or 1 or 0), got 'oui'",
        ),
        (
            {"date_depot_dossier": ["2015-02-30", "2015-10-01", "2015-10-01"]},
            "expects a date YYYY-MM-DD from 1970-01-01 to 2100-12-31, got '2015-02-30'",
        ),
        ({"formation_id": ["a", "a", "c"]}, "row 1 (formation 'a'), field 'formation_id': duplicate id"),
        ({"statut_structure": ["association", "autre", "autre"]}, "structure 's1', field 'statut_structure': differs"),
    ],
)
def test_bad_input_is_refused_naming_row_and_column(tax_benefit_system, colonnes, message):
    with pytest.raises(DonneesInvalidesError) as erreur:
        lire_population(tax_benefit_system, table(**colonnes))
    assert any(message in ligne for ligne in erreur.value.erreurs), erreur.value.erreurs


def test_every_problem_is_reported_once(tax_benefit_system):
    with pytest.raises(DonneesInvalidesError) as erreur:
        lire_population(tax_benefit_system, table(budget_session=[-1, "x", 3], duree_formation_mois=[6, "", 7]))
    assert len(erreur.value.erreurs) == 3  # an empty or non-numeric cell is not also reported as out of range


def test_csv_errors_name_the_line_of_the_file(tax_benefit_system, tmp_path):
    fichier = tmp_path / "formations.csv"
    fichier.write_text("# a description line\n" + table(budget_session=[1, -5, 3]).to_csv(index=False))
    with pytest.raises(DonneesInvalidesError, match=r"formations.csv line 4 \(formation 'b'\), field 'budget_session'"):
        lire_population(tax_benefit_system, fichier)


def test_an_unreadable_file_is_named(tax_benefit_system, tmp_path):
    with pytest.raises(DonneesInvalidesError, match=re.escape("absent.csv")):
        lire_population(tax_benefit_system, tmp_path / "absent.csv")
    (tmp_path / "vide.csv").write_text("")
    with pytest.raises(DonneesInvalidesError, match=re.escape("Cannot read")) as erreur:
        lire_population(tax_benefit_system, tmp_path / "vide.csv")
    assert "the file is empty" in str(erreur.value)
    (tmp_path / "entete.csv").write_text("budget_session,duree_formation_mois\n")
    with pytest.raises(DonneesInvalidesError, match=re.escape("The table has no trainings")):
        lire_population(tax_benefit_system, tmp_path / "entete.csv")


@pytest.mark.parametrize("nom", list(POPULATIONS))
def test_a_bundled_population_says_it_is_synthetic_and_follows_its_assumptions(tax_benefit_system, nom):
    """Its margins are checked in test_bilan; here what its hypotheses state about every row."""
    assert "SYNTHETIC" in (DONNEES / POPULATIONS[nom]["fichier"]).read_text(encoding="utf-8").splitlines()[0]
    t = lire_population(tax_benefit_system, nom).table
    assert t["duree_formation_mois"].between(3, 24).all()
    assert t["duree_formation_mois"].mean() == pytest.approx(7, abs=0.5)
    statuts = t.groupby("structure_id")["statut_structure"].first().value_counts(normalize=True)
    attendus = {"association": 0.44, "entreprise_privee": 0.34, "etablissement_public": 0.13, "autre": 0.09}
    noms = tax_benefit_system.variables["statut_structure"].possible_values._member_names_
    assert {noms[code]: part for code, part in statuts.items()} == pytest.approx(attendus, abs=0.01)


def test_a_population_is_read_by_name_and_an_unknown_name_lists_the_names(tax_benefit_system):
    assert len(lire_population(tax_benefit_system, "appel_2016").table) == 503
    with pytest.raises(DonneesInvalidesError) as erreur:
        lire_population(tax_benefit_system, "appel_2017")
    assert "'appel_2017': no such file, nor a bundled population (appel_2015, appel_2016, appel_2018)" in str(
        erreur.value
    )


def test_a_dataframes_missing_text_is_an_empty_cell(tax_benefit_system):
    vides = [None, numpy.nan, pandas.NA]
    population = lire_population(tax_benefit_system, table(lieu_formation=vides))
    assert population.table["lieu_formation"].tolist() == ["", "", ""]


def test_building_is_vectorial_for_many_rows(tax_benefit_system):
    nombre = 50_000
    grande = pandas.DataFrame(
        {
            "structure_id": numpy.arange(nombre) // 3,
            "date_depot_dossier": numpy.full(nombre, numpy.datetime64("2015-10-01")),
            "metier_vise": "codeur",
            "formation_gratuite": True,
            "pedagogie_innovante": True,
            "duree_formation_mois": 6.0,
            "budget_session": numpy.linspace(0, 200_000, nombre),
        }
    )
    simulation = lire_population(tax_benefit_system, grande).simulation(tax_benefit_system, PERIOD)
    demande = 0.5 * grande["budget_session"]  # three trainings a structure share its 70 000 € (0.7)
    attendu = (demande * (70_000 / demande.groupby(grande["structure_id"]).transform("sum")).clip(upper=1)).to_numpy()
    numpy.testing.assert_allclose(simulation.calculate("financement_amorcage", PERIOD), attendu, rtol=1e-6)


def test_a_french_spreadsheet_csv_is_read_as_it_is_saved(tax_benefit_system, tmp_path):
    """Semicolons, decimal commas, thousands separated by spaces, a byte-order mark: detected for the whole file
    from its header, not guessed cell by cell."""
    francais = tmp_path / "formations.csv"
    francais.write_bytes(
        "\ufeffformation_id;budget_session;duree_formation_mois\na;45 000,50;6,5\nb;1\u202f234;4\n".encode()
    )
    table = lire_population(tax_benefit_system, francais).table
    assert table["budget_session"].tolist() == [45000.5, 1234.0]
    assert table["duree_formation_mois"].tolist() == [6.5, 4.0]
    # Points grouping thousands, as much of Europe writes them: 90.000 is ninety thousand in a decimal-comma file
    francais.write_text(
        "formation_id;budget_session;nombre_apprenants;duree_formation_mois\n"
        "a;90.000;1.000;5.999\nb;1.234,5;12;6\nc;0,500;8;6\n"
    )
    table = lire_population(tax_benefit_system, francais).table
    assert table["budget_session"].tolist() == [90000.0, 1234.5, 0.5]
    assert table["nombre_apprenants"].tolist() == [1000, 12, 8]
    assert table["duree_formation_mois"].tolist() == [5.999, 6.0, 6.0]  # a duration's point is a decimal one
    francais.write_bytes("\ufeffformation_id;budget_session\na;12,5,0\nb;90 000 €x\nc;1,234.5\n".encode("utf-8"))
    with pytest.raises(DonneesInvalidesError) as erreur:
        lire_population(tax_benefit_system, francais)
    assert erreur.value.erreurs == [  # each cell quoted as typed: '90000€x' and '1.234.5' were not in the file
        f"formations.csv line {ligne} (formation '{nom}'), field 'budget_session': expects a number, got '{cellule}'"
        for ligne, nom, cellule in ((2, "a", "12,5,0"), (3, "b", "90 000 €x"), (4, "c", "1,234.5"))
    ]


# A training as French Excel saves it (« CSV (séparateur : point-virgule) »), and the same in UTF-8, ISO form
EXCEL = (
    "formation_id;structure_id;date_depot_dossier;formation_gratuite;pedagogie_innovante;budget_session;"
    "duree_formation_mois;lieu_formation\n"
    "f1;Créteil;12/10/2015;VRAI;Vrai;90\u00a0000,00 €;7;Créteil\n"
    "f2;Créteil;1er octobre 2015;oui;FAUX;45.000 €;5,5;Évry\n"
)
ISO = (
    "formation_id,structure_id,date_depot_dossier,formation_gratuite,pedagogie_innovante,budget_session,"
    "duree_formation_mois,lieu_formation\n"
    "f1,Créteil,2015-10-12,true,true,90000,7,Créteil\n"
    "f2,Créteil,2015-10-01,true,false,45000,5.5,Évry\n"
)


@pytest.mark.parametrize("encodage", ["cp1252", "utf-8", "utf-8-sig"])
def test_a_csv_as_french_excel_saves_it_is_read_as_its_iso_form(tax_benefit_system, tmp_path, encodage):
    """Windows-1252 (Excel's « CSV » on Windows), VRAI/FAUX, oui/non, 12/10/2015, « 90 000,00 € »: each was refused,
    while docs/colonnes.md promised a CSV « as a French spreadsheet saves it »."""
    excel, iso = tmp_path / "excel.csv", tmp_path / "iso.csv"
    excel.write_bytes(EXCEL.encode(encodage))
    iso.write_text(ISO, encoding="utf-8")
    lue, attendue = lire_population(tax_benefit_system, excel), lire_population(tax_benefit_system, iso)
    pandas.testing.assert_frame_equal(lue.table, attendue.table)
    assert lue.table["structure_id"].tolist() == ["Créteil", "Créteil"]  # one structure, its accent read
    avertissements = [p.cle for p in lue.avertissements(tax_benefit_system, PERIOD)]
    assert ("lu_en_windows_1252" in avertissements) is (encodage == "cp1252")
    if encodage == "cp1252":
        [windows] = [p for p in lue.avertissements(tax_benefit_system, PERIOD) if p.cle == "lu_en_windows_1252"]
        assert windows.en().startswith("The file is not UTF-8 (line 2): it was read as Windows-1252")
        assert windows.fr().startswith("Le fichier n'est pas en UTF-8 (ligne 2) : il a été lu en Windows-1252")


def test_french_forms_are_read_in_a_french_file_only(tax_benefit_system, tmp_path):
    """In a comma-separated file, VRAI and 12/10/2015 are refused as before, each naming its cell; in a French
    one, what is neither a boolean nor a day is named as typed."""
    fichier = tmp_path / "f.csv"
    fichier.write_text("formation_id,formation_gratuite,date_depot_dossier\na,VRAI,12/10/2015\n", encoding="utf-8")
    with pytest.raises(DonneesInvalidesError) as erreur:
        lire_population(tax_benefit_system, fichier)
    assert [(p.champ, p.cle) for p in erreur.value.problemes] == [
        ("formation_gratuite", "booleen_ou_chiffre_attendu"), ("date_depot_dossier", "date_attendue")]  # fmt: skip
    entete = "formation_id;formation_gratuite;date_depot_dossier;budget_session;duree_formation_mois\n"
    lignes = "a;peut-être;31/02/2015;45 000 $;6\nb;VRAI;2015-10-12 ;45 00 €;1 2\n"
    fichier.write_text(entete + lignes, encoding="utf-8")
    with pytest.raises(DonneesInvalidesError) as erreur:
        lire_population(tax_benefit_system, fichier)
    # spaces between digits that group no thousands (45 00 €, 1 2) were dropped: 4 500 €, 12 months, silently
    assert [(p.ligne, p.champ, p.valeurs["valeur"]) for p in erreur.value.problemes] == [
        (2, "formation_gratuite", "peut-être"),
        (2, "date_depot_dossier", "31/02/2015"),
        (2, "budget_session", "45 000 $"),
        (3, "budget_session", "45 00 €"),
        (3, "duree_formation_mois", "1 2"),
    ]
    # what such a file may hold is named: "true or false" alone sent a French spreadsheet's user the wrong way
    booleen, jour = erreur.value.problemes[:2]
    assert "VRAI or FAUX (or oui or non, true or false, 1 or 0), got 'peut-être'" in booleen.en()
    assert booleen.fr() == "Doit être VRAI ou FAUX (ou oui ou non, true ou false, 1 ou 0), reçu « peut-être »."
    assert "written 12/10/2015, 12 octobre 2015 or 2015-10-12, got '31/02/2015'" in jour.en()
    assert "écrite 12/10/2015, 12 octobre 2015 ou 2015-10-12 (reçu « 31/02/2015 »)" in jour.fr()


def test_a_point_that_groups_no_thousands_is_refused_in_a_french_file(tax_benefit_system, tmp_path):
    """In one column of a French file, 1.5 and 1.50 were read as 1,5 € and 1.500 as 1 500 €, cell by cell, without a
    word: the file's format is read from its header, never guessed per cell. A duration, which groups no thousands,
    takes its decimal point."""
    fichier = tmp_path / "f.csv"
    entete = "formation_id;budget_session;nombre_apprenants;duree_formation_mois\n"
    fichier.write_text(entete + "a;1.5;12;6.5\nb;1.500;1.000;6,5\nc;1.50;1.2;6\nd;45.000,50 €;12;6\n", encoding="utf-8")
    with pytest.raises(DonneesInvalidesError) as erreur:
        lire_population(tax_benefit_system, fichier)
    assert [(p.ligne, p.champ, p.cle, p.valeurs["valeur"]) for p in erreur.value.problemes] == [
        (2, "budget_session", "point_sans_milliers", "1.5"),
        (4, "budget_session", "point_sans_milliers", "1.50"),
        (4, "nombre_apprenants", "entier_attendu", "1.2"),  # not a whole number: said as such, once
    ]
    assert erreur.value.problemes[0].fr().startswith("Dans un fichier à virgule décimale, un point sépare")
    fichier.write_text("formation_id;budget_session\na;-1.5\nb;\nc;1.5\n", encoding="utf-8")
    with pytest.raises(DonneesInvalidesError) as erreur:  # refused once (-1.5 was also « must be >= 0 »), in order
        lire_population(tax_benefit_system, fichier)
    assert [(p.ligne, p.cle) for p in erreur.value.problemes] == [
        (2, "point_sans_milliers"), (3, "cellule_vide_defaut"), (4, "point_sans_milliers")]  # fmt: skip
    fichier.write_text(entete + "b;1.500;1.000;6.5\nd;45.000,50 €;12;6,5\n", encoding="utf-8")
    table = lire_population(tax_benefit_system, fichier).table
    assert table["budget_session"].tolist() == [1500, 45000.5] and table["nombre_apprenants"].tolist() == [1000, 12]
    assert table["duree_formation_mois"].tolist() == [6.5, 6.5]


@pytest.mark.parametrize(
    ("octets", "message"),
    [  # a control character or a byte Windows-1252 leaves undefined, each at its line
        (
            b"formation_id;lieu_formation\na;Cr\xe9teil\nb;x\x01\n",
            "neither UTF-8 text (line 2) nor Windows-1252 text (a control character or an undefined byte, line 3)",
        ),
        (b"formation_id;lieu_formation\na;\x81\xe9\n", "neither UTF-8 text (line 2) nor Windows-1252 text"),
        # UTF-8 beside Windows-1252: « s_été » twice, once in each, would be two structures (found by a hostile
        # pass: 140 000 € where one structure gets 70 000 €); a byte-order mark is UTF-8 too
        (
            "formation_id;structure_id\na;s_été\n".encode() + b"b;s_\xe9t\xe9\n",
            "mixes UTF-8 (line 2) and another encoding (line 3)",
        ),
        (
            b"\xef\xbb\xbfformation_id;lieu_formation\na;Cr\xe9teil\n",
            "mixes UTF-8 (line 1) and another encoding (line 2)",
        ),
    ],
)
def test_a_file_neither_utf8_nor_windows_text_is_not_read_as_text(tax_benefit_system, tmp_path, octets, message):
    fichier = tmp_path / "f.csv"
    fichier.write_bytes(octets)
    with pytest.raises(DonneesInvalidesError, match=re.escape(message)):
        lire_population(tax_benefit_system, fichier)


@pytest.mark.parametrize(
    ("contenu", "ligne"),
    [
        ("formation_id,structure_id,statut_structure\r\nx,s,association\r\n\r\ny,s2,zz\r\n", 4),  # a blank line
        ('formation_id,lieu_formation,statut_structure\nx,"a\nb",association\n# note\n\n\ny,l,zz\n', 7),  # a cell
        # on two lines, a comment, two blank lines
        ("# description\nformation_id,statut_structure\n\nx,zz\n", 4),
        # a line of spaces, or of a tab, which pandas skips as blank (the lines below it were named one too early)
        ("formation_id,statut_structure\nx,association\n   \n\t\ny,zz\n", 5),
        # rows of separators alone, which a spreadsheet saves for the rows it has cleared, skipped as blank lines
        ("formation_id;structure_id;statut_structure\nx;s;association\n;;\n;;\ny;s2;zz\n;;\n", 5),
    ],
)
def test_a_problem_is_named_at_the_line_it_is_on(tax_benefit_system, tmp_path, contenu, ligne):
    """pandas skips blank lines and reads a quoted line break inside one record: its rank was given as the line,
    two lines too early where two blank lines and a comment stood between rows."""
    fichier = tmp_path / "f.csv"
    fichier.write_bytes(contenu.encode())
    with pytest.raises(DonneesInvalidesError) as erreur:
        lire_population(tax_benefit_system, fichier)
    [statut] = [p for p in erreur.value.problemes if p.champ == "statut_structure"]  # a place's line break too
    assert statut.ligne == ligne


def test_rows_of_separators_alone_are_skipped_and_not_counted_as_trainings(tax_benefit_system, tmp_path):
    """« ;;;; », a row a spreadsheet cleared, was read as a training of empty cells and refused, one problem per
    column (13 for one row); the workshop counted it towards its limit on trainings."""
    from openfisca_gen.pages.reformes import compter_formations

    fichier = tmp_path / "f.csv"
    fichier.write_text("formation_id;budget_session;duree_formation_mois\na;45 000;6\n;;\n ; ;\t\nb;1;x\n;;\n")
    with pytest.raises(DonneesInvalidesError) as erreur:  # « ;; » and « ␣;␣;⇥ » are no trainings
        lire_population(tax_benefit_system, fichier)
    assert [(p.ligne, p.champ) for p in erreur.value.problemes] == [(5, "duree_formation_mois")]
    assert compter_formations(fichier) == 2  # a and b, as the reader reads them
    fichier.write_text("formation_id;budget_session;duree_formation_mois\na;45 000;6\n;;\nb;1;7\n;;\n;;\n")
    assert lire_population(tax_benefit_system, fichier).table["formation_id"].tolist() == ["a", "b"]
    assert compter_formations(fichier) == 2


def test_an_unnamed_column_is_named_by_its_place(tax_benefit_system, tmp_path):
    fichier = tmp_path / "f.csv"
    fichier.write_text("formation_id,,budget_session\na,x,1\n")
    with pytest.raises(DonneesInvalidesError) as erreur:
        lire_population(tax_benefit_system, fichier)
    assert erreur.value.erreurs[0].startswith("f.csv, column '(column 2, no name)' is not an input variable")
    assert "input columns: formation_id, structure_id, campagne_id" in erreur.value.erreurs[0]


@pytest.mark.parametrize(
    ("contenu", "rang"),
    [
        ("formation_id;budget_session;\na;1000;\nb;2000;\n", 3),
        ("formation_id,,budget_session\na, ,1000\nb,,2000\n", 2),
        (";formation_id;budget_session;\n;a;1000;\n;b;2000;\n", 4),  # its rank in the file, the empty first one kept
    ],
)
def test_a_column_of_no_name_and_no_value_is_read_as_nothing(tax_benefit_system, tmp_path, contenu, rang):
    """A trailing separator on every line (as some spreadsheets save) made a column of no name, refused as
    « (column 3, no name) », in English on the French page: it holds nothing, and is left out."""
    fichier = tmp_path / "f.csv"
    fichier.write_text(contenu, encoding="utf-8")
    assert lire_population(tax_benefit_system, fichier).table["budget_session"].tolist() == [1000.0, 2000.0]
    fichier.write_text(contenu.replace("2000;", "2000;x").replace(",,2000", ",x,2000"), encoding="utf-8")
    with pytest.raises(DonneesInvalidesError, match=rf"column '\(column {rang}, no name\)' is not an input"):
        lire_population(tax_benefit_system, fichier)


def test_missing_ids_in_a_dataframe_are_named(tax_benefit_system):
    for manquant in (numpy.nan, None, pandas.NA):
        with pytest.raises(DonneesInvalidesError, match=r"row 1.*field 'formation_id': an id must be a non-empty text"):
            lire_population(tax_benefit_system, table(formation_id=["a", manquant, "c"]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    lignes=st.lists(
        st.fixed_dictionaries(
            {
                "budget_session": st.sampled_from(["1e3", "007", "12.50", "100000", "0", "99999.99", "5.9999999"]),
                "duree_formation_mois": st.sampled_from(["6", "5.9999999999", "6.0", "24.0000001", "3"]),
                "formation_gratuite": st.sampled_from(["TRUE", "true", "1", "False", "0", "tRuE"]),
                "date_depot_dossier": st.sampled_from(["2015-10-05", "2016-11-30", "2018-04-05"]),
                "metier_vise": st.sampled_from(["codeur", "webmaster"]),
                "nombre_apprenants": st.sampled_from(["12", "0", "30"]),
            }
        ),
        min_size=1,
        max_size=8,
    ),
    separateur=st.sampled_from([",", ";"]),
)
def test_a_valid_csv_typed_by_pandas_equals_its_reading_as_text(tax_benefit_system, tmp_path, lignes, separateur):
    """The fast path (pandas' C parser types the numbers and booleans) gives exactly the text reading's table."""
    from openfisca_gen.population import _lire_csv
    from openfisca_gen.validation.tables import valider_table

    chemin = tmp_path / "formations.csv"
    table = pandas.DataFrame(lignes)
    if separateur == ";":  # a file of semicolons writes its decimals with a comma, as a French spreadsheet does
        table[["budget_session", "duree_formation_mois"]] = table[["budget_session", "duree_formation_mois"]].apply(
            lambda colonne: colonne.str.replace(".", ",", regex=False)
        )
    table.to_csv(chemin, index=False, sep=separateur)
    rapide = lire_population(tax_benefit_system, chemin).table
    texte, *_ = _lire_csv(chemin, None, str)
    lente, _ = valider_table(tax_benefit_system, texte, "formations.csv", "," if separateur == ";" else ".")
    pandas.testing.assert_frame_equal(rapide.reset_index(drop=True), lente.reset_index(drop=True))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    lignes=st.lists(
        st.fixed_dictionaries(
            {
                "budget_session": st.sampled_from(["90 000,00 €", "45.000 €", "12,5", "1\u202f234 €", "0"]),
                "formation_gratuite": st.sampled_from(["VRAI", "faux", "oui", "Non", "true", "0"]),
                "date_depot_dossier": st.sampled_from(["12/10/2015", "2015-10-05", "1er octobre 2015", "5/4/2018"]),
            }
        ),
        min_size=1,
        max_size=8,
    ),
)
def test_a_french_csv_typed_by_pandas_equals_its_reading_as_text(tax_benefit_system, tmp_path, lignes):
    """French forms (VRAI, 12/10/2015, « 45.000 € ») read through pandas' typed path (days as categories) and
    through the text path give one table."""
    from openfisca_gen.population import _lire_csv
    from openfisca_gen.validation.tables import valider_table

    chemin = tmp_path / "formations.csv"
    pandas.DataFrame(lignes).to_csv(chemin, index=False, sep=";")
    rapide = lire_population(tax_benefit_system, chemin).table
    texte, *_ = _lire_csv(chemin, None, str)
    lente, _ = valider_table(tax_benefit_system, texte, "formations.csv", ",")
    pandas.testing.assert_frame_equal(rapide.reset_index(drop=True), lente.reset_index(drop=True))
    vrais = [ligne["formation_gratuite"].lower() in ("vrai", "oui", "true") for ligne in lignes]
    assert rapide["formation_gratuite"].tolist() == vrais


def test_a_dataframes_categories_are_typed_as_their_values(tax_benefit_system):
    """A column of categories (as the CSV reader makes of names and days) is typed once per distinct value: the
    same table as its plain values, the same message naming the row for a bad one or a missing one."""
    categories = {nom: table()[nom].astype("category") for nom in ("metier_vise", "date_depot_dossier")}
    pandas.testing.assert_frame_equal(
        lire_population(tax_benefit_system, table(**categories)).table,
        lire_population(tax_benefit_system, table()).table,
    )
    for colonne, valeurs, message in (
        (
            "metier_vise",
            ["codeur", "plombier", "codeur"],
            r"row 1 \(formation 'b'\), field 'metier_vise': expects one of .*, got 'plombier'",
        ),
        (
            "date_depot_dossier",
            ["2015-10-01", "2015-10-01", "12/10/2015"],
            r"row 2 \(formation 'c'\), field 'date_depot_dossier': expects a date",
        ),
        ("metier_vise", ["codeur", None, "codeur"], r"row 1 \(formation 'b'\), field 'metier_vise': empty cell"),
    ):
        for variante in (valeurs, pandas.Series(valeurs, dtype="category")):
            with pytest.raises(DonneesInvalidesError, match=message):
                lire_population(tax_benefit_system, table(**{colonne: variante}))
    lieux = ["Lyon", None, "Lyon"]  # a text's missing value is an empty cell (the default), categories or not
    for variante in (lieux, pandas.Series(lieux, dtype="category")):
        lue = lire_population(tax_benefit_system, table(lieu_formation=variante)).table["lieu_formation"]
        assert lue.tolist() == ["Lyon", "", "Lyon"]


@pytest.mark.parametrize(
    ("colonne", "valeurs"),
    [
        ("formation_gratuite", pandas.array([True, None, True], dtype="boolean")),
        ("nombre_apprenants", pandas.array([10, None, 12], dtype="Int64")),
        ("duree_formation_mois", pandas.array([6.0, None, 7.0], dtype="Float64")),
        ("metier_vise", pandas.array(["codeur", None, "codeur"], dtype="string")),
    ],
)
def test_pandas_missing_value_in_a_nullable_column_is_an_empty_cell(tax_benefit_system, colonne, valeurs):
    """pd.NA in a column of pandas' nullable booleans used to raise pandas' own ValueError, naming no row."""
    message = rf"row 1 \(formation 'b'\), field '{colonne}': empty cell"
    with pytest.raises(DonneesInvalidesError, match=message):
        lire_population(tax_benefit_system, table(**{colonne: valeurs}))
    remplie = pandas.array([valeurs[0]] * 3, dtype=valeurs.dtype)  # the same column, full: read
    assert len(lire_population(tax_benefit_system, table(**{colonne: remplie})).table) == 3


def _ods(chemin):
    with zipfile.ZipFile(chemin, "w") as classeur:  # a LibreOffice workbook: a zip, its mimetype first
        classeur.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")


@pytest.mark.parametrize(
    ("suffixe", "ecrire"),
    [
        ("xlsx", lambda chemin: table().to_excel(chemin, index=False)),
        ("ods", _ods),
        ("xls", lambda chemin: chemin.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))),  # OLE
    ],
)
def test_a_workbook_is_named_as_one_not_as_text_that_is_not_utf8(tax_benefit_system, tmp_path, suffixe, ecrire):
    chemin = tmp_path / f"formations.{suffixe}"
    ecrire(chemin)
    with pytest.raises(DonneesInvalidesError, match="it is a workbook \\(Excel, LibreOffice\\), not CSV text"):
        lire_population(tax_benefit_system, chemin)


def test_a_zipped_csv_is_an_archive_to_unzip_not_a_workbook(tax_benefit_system, tmp_path):
    chemin = tmp_path / "formations.zip"
    with zipfile.ZipFile(chemin, "w") as archive:
        archive.writestr("formations.csv", "formation_id,budget_session\na,1\n")
    with pytest.raises(DonneesInvalidesError, match="it is a zip archive, not CSV text; unzip it"):
        lire_population(tax_benefit_system, chemin)


@pytest.mark.parametrize("index", ["formation_id", ["structure_id", "formation_id"], "metier_vise"])
def test_an_index_named_as_a_column_is_that_column(tax_benefit_system, index):
    """`set_index("formation_id")` used to drop the ids without a word: the results came back labelled 0, 1, 2."""
    attendue = lire_population(tax_benefit_system, table()).table
    lue = lire_population(tax_benefit_system, table().set_index(index)).table
    pandas.testing.assert_frame_equal(lue[attendue.columns], attendue)


def test_booleans_as_pandas_writes_them_beside_a_missing_value(tax_benefit_system):
    """1.0 and 0.0 (a boolean column with a NaN is float): refused with « expects true or false (or 1 or 0), got
    1.0 », which contradicts itself. 1.5 is still refused."""
    lue = lire_population(tax_benefit_system, table(formation_gratuite=[1.0, 0.0, 1.0])).table
    assert lue["formation_gratuite"].tolist() == [True, False, True]
    with pytest.raises(DonneesInvalidesError, match=r"got 1\.5"):
        lire_population(tax_benefit_system, table(formation_gratuite=[1.5, 0.0, 1.0]))


def test_an_index_that_is_a_column_too_must_give_the_same_values(tax_benefit_system):
    """An index named formation_id beside a formation_id column of other values: the column won without a word.
    `set_index(…, drop=False)`, the same values twice, is read as the one column."""
    attendue = lire_population(tax_benefit_system, table()).table
    lue = lire_population(tax_benefit_system, table().set_index("formation_id", drop=False)).table
    pandas.testing.assert_frame_equal(lue[attendue.columns], attendue)
    autres = table().set_index(pandas.Index([f"autre{i}" for i in range(len(table()))], name="formation_id"))
    with pytest.raises(DonneesInvalidesError, match="column 'formation_id' is given more than once"):
        lire_population(tax_benefit_system, autres)


@pytest.mark.parametrize("fuseau", ["Europe/Paris", "Pacific/Auckland", "America/Los_Angeles"])
def test_a_day_given_with_a_time_zone_is_that_day_on_its_calendar(tax_benefit_system, fuseau):
    """2015-09-17 in Paris is 2015-09-16 in UTC: read as the 16th, the call's opening day fell out of its window."""
    jours = pandas.to_datetime(["2015-09-17", "2015-10-19", "2015-10-20"]).tz_localize(fuseau)
    lue = lire_population(tax_benefit_system, table(date_depot_dossier=jours)).table
    assert lue["date_depot_dossier"].dt.strftime("%Y-%m-%d").tolist() == ["2015-09-17", "2015-10-19", "2015-10-20"]


def test_a_numpy_day_is_a_day_and_a_numpy_time_is_named(tax_benefit_system):
    jours = numpy.array(["2015-10-12", "2015-10-13", "2015-10-14"], dtype="datetime64[D]")
    lue = lire_population(tax_benefit_system, table(date_depot_dossier=pandas.Series(list(jours), dtype=object))).table
    assert lue["date_depot_dossier"].dt.strftime("%Y-%m-%d").tolist() == ["2015-10-12", "2015-10-13", "2015-10-14"]
    heures = pandas.Series([numpy.datetime64("2015-10-12T10:00"), *jours[1:]], dtype=object)
    with pytest.raises(DonneesInvalidesError, match=r"row 0 .*field 'date_depot_dossier': expects a date YYYY-MM-DD"):
        lire_population(tax_benefit_system, table(date_depot_dossier=heures))


@pytest.mark.parametrize("nom", POPULATIONS)
def test_the_bundled_populations_in_their_own_month_warn_of_nothing(tax_benefit_system, nom):
    population = lire_population(tax_benefit_system, nom)
    assert population.fournie and population.avertissements(tax_benefit_system, POPULATIONS[nom]["periode"]) == []
    # what makes them skip the columns' check (70 ms of tracing the calls): they leave out none their calls read
    tracee = dataclasses.replace(population, fournie=False)
    assert tracee.avertissements(tax_benefit_system, POPULATIONS[nom]["periode"]) == []


def test_a_column_left_out_that_the_calls_read_is_named(tax_benefit_system, tmp_path):
    """Without `budget_session`, a first-call training was eligible and funded 0 €, without a word: the columns
    whose default is no fact of a dossier, and that its call reads, are named; a call-3 column is not asked of
    first-call dossiers; without a filing date, no dossier answers a call, and the date is named."""
    fichier = tmp_path / "f.csv"
    fichier.write_text(
        "formation_id,structure_id,date_depot_dossier,metier_vise,formation_gratuite,pedagogie_innovante,"
        "duree_formation_mois\na,s,2015-10-05,codeur,true,true,7\n"
    )
    population = lire_population(tax_benefit_system, fichier)
    [probleme] = population.avertissements(tax_benefit_system, "2016-02")
    assert probleme.valeurs["noms"] == ["statut_structure", "budget_session"]
    assert probleme.fr().startswith("Aucune colonne statut_structure, budget_session : les appels des dossiers")
    # Each column's own default (a count's is 0, not « a filing in 1970, « hors numérique », 0 €, false »)
    assert "(statut_structure = autre, budget_session = 0)" in probleme.en()
    assert "(statut_structure = « autre », budget_session = 0)" in probleme.fr()
    sans_date = lire_population(tax_benefit_system, pandas.DataFrame({"formation_id": ["a"], "budget_session": [1]}))
    [probleme] = sans_date.avertissements(tax_benefit_system, "2016-02")
    assert probleme.valeurs["noms"] == ["date_depot_dossier"] and "(date_depot_dossier = 1970-01-01)" in probleme.en()
    sans_public = pandas.DataFrame({"formation_id": ["a"], "date_depot_dossier": ["2018-05-02"], "budget_session": [1],
                                    "formation_gratuite": [True], "pedagogie_innovante": [False]})  # fmt: skip
    avertissements = lire_population(tax_benefit_system, sans_public).avertissements(tax_benefit_system, "2018-06")
    assert "nombre_demandeurs_emploi_peu_qualifies = 0" in avertissements[0].en()
    assert "formation_gratuite" not in avertissements[0].en()  # given: not named


def test_an_id_with_a_space_at_an_end_is_refused_at_its_line(tax_benefit_system, tmp_path):
    """'s1 ' was a second structure beside 's1': two trainings of 100 000 € got 50 000 € each, where one structure
    shares the 70 000 € ceiling; 'a ' and 'a' were two trainings."""
    fichier = tmp_path / "f.csv"
    fichier.write_text(
        "formation_id,structure_id,budget_session\na,s1,100000\nb,s1 ,100000\n a,s2,1\n", encoding="utf-8"
    )
    with pytest.raises(DonneesInvalidesError) as erreur:
        lire_population(tax_benefit_system, fichier)
    messages = [p.en() for p in erreur.value.problemes]
    assert any("line 3" in m and "'structure_id'" in m and "got 's1 '" in m for m in messages), messages
    assert any("line 4" in m and "'formation_id'" in m and "got ' a'" in m for m in messages), messages


def test_tables_refuse_a_simulation_of_other_trainings(tax_benefit_system):
    """A simulation of the same rows in another order gave training a the values of b; one of other rows, a pandas
    ValueError."""
    table = pandas.DataFrame({"formation_id": ["a", "b"], "date_depot_dossier": "2015-10-05", "metier_vise": "codeur",
                              "formation_gratuite": True, "pedagogie_innovante": True, "duree_formation_mois": 4,
                              "budget_session": [10_000.0, 60_000.0]})  # fmt: skip
    population, inversee = (lire_population(tax_benefit_system, t) for t in (table, table.iloc[::-1]))
    for autre in (inversee, lire_population(tax_benefit_system, "appel_2015")):
        with pytest.raises(EntreeInvalideError, match="is of other trainings"):
            population.tables(autre.simulation(tax_benefit_system, "2016-02"), ["financement_amorcage"], "2016-02")
    # The same ids from another population, whose budgets differ: its values were given without a word.
    autres_budgets = lire_population(tax_benefit_system, table.assign(budget_session=[1_000.0, 2_000.0]))
    with pytest.raises(EntreeInvalideError, match="or of another population"):
        population.resultats(autres_budgets.simulation(tax_benefit_system, "2016-02"), "budget_session", "2016-02")
    # A simulation of the same trainings, in their order, built from their situation: the results are theirs.
    situation = {"formations": {"a": {"budget_session": {"ETERNITY": 10_000.0}}, "b": {}}}
    simulation = construire_simulation(tax_benefit_system, situation)
    assert population.resultats(simulation, "budget_session", "2016-02")["budget_session"].tolist() == [10_000.0, 0]


def test_lines_read_as_comments_below_the_header_are_named(tax_benefit_system, tmp_path):
    """A training whose id began with '#' was dropped as a comment without a word: three of four computed."""
    fichier = tmp_path / "f.csv"
    fichier.write_text(
        "# a description line above the header\nformation_id,budget_session\na,1000\n#2,2000\n\nc,3000\n# a note\n",
        encoding="utf-8",
    )
    population = lire_population(tax_benefit_system, fichier)
    assert list(population.table["formation_id"]) == ["a", "c"] and population.commentaires == (4, 7)
    [commentees] = [p for p in population.avertissements(tax_benefit_system, PERIOD) if p.cle == "lignes_commentees"]
    assert commentees.en().startswith("Line(s) 4, 7 below the header begin with '#'")
    assert "ligne(s) 4, 7 sous l'en-tête" in commentees.fr().lower()
    sans = tmp_path / "g.csv"
    sans.write_text("# only above\nformation_id,budget_session\na,1000\n", encoding="utf-8")
    assert lire_population(tax_benefit_system, sans).commentaires == ()
    tous = tmp_path / "h.csv"  # the first column a structure's: every row read as a comment said « no rows » only
    tous.write_text("structure_id,formation_id\n#s1,a\n#s1,b\n", encoding="utf-8")
    with pytest.raises(DonneesInvalidesError) as erreur:
        lire_population(tax_benefit_system, tous)
    assert [p.cle for p in erreur.value.problemes] == ["table_vide", "lignes_commentees"]
    assert "Line(s) 2, 3 below the header" in erreur.value.problemes[1].en()


def test_a_file_separated_by_tabs_is_named_so(tax_benefit_system, tmp_path):
    """It was read as one column named by its whole header, « not an input variable »."""
    fichier = tmp_path / "f.csv"
    fichier.write_text("formation_id\tbudget_session\na\t1000\n", encoding="utf-8")
    with pytest.raises(DonneesInvalidesError, match="its columns are separated by tabs; save it as CSV"):
        lire_population(tax_benefit_system, fichier)
    fichier.write_text("formation_id,lieu_formation\na,Paris\tcentre\n", encoding="utf-8")  # a tab in a cell:
    with pytest.raises(DonneesInvalidesError, match=r"field 'lieu_formation'.*got 'Paris\\tcentre'"):  # the cell's
        lire_population(tax_benefit_system, fichier)


def test_a_dataframe_column_without_a_name_is_named_by_its_rank(tax_benefit_system):
    """A column named None was called 'nan'; docs/validation.md says a column without a name is named by its rank."""
    for sans_nom in (None, float("nan"), " "):
        table = pandas.DataFrame([["a", 1]], columns=["formation_id", sans_nom])
        with pytest.raises(DonneesInvalidesError, match=re.escape("column '(column 2, no name)' is not an input")):
            lire_population(tax_benefit_system, table)


@pytest.mark.parametrize("separateur", [",", ";"])
def test_a_csv_number_with_more_digits_than_a_float_holds_is_refused_at_its_line(tax_benefit_system, tmp_path,
                                                                                    separateur):  # fmt: skip
    """2.99999999999999999 months were read as 3 by pandas' parser (eligible, 30 000 €) and 12.000…0001 learners as
    12: refused as written, as in JSON; a float as programs write it (0.30000000000000004) is read as it is."""
    decimale = "," if separateur == ";" else "."
    lignes = [["formation_id", "duree_formation_mois", "nombre_apprenants", "part"],
              ["a", "2.99999999999999999", "12", "0.30000000000000004"],
              ["b", "6", "12.0000000000000000001", "1"]]  # fmt: skip
    fichier = tmp_path / "f.csv"
    texte = "\n".join(separateur.join(cellule.replace(".", decimale) for cellule in ligne[:3]) for ligne in lignes)
    fichier.write_text(texte + "\n", encoding="utf-8")
    with pytest.raises(DonneesInvalidesError) as erreur:
        lire_population(tax_benefit_system, fichier)
    assert [(p.ligne, p.champ, p.cle) for p in erreur.value.problemes] == [
        (2, "duree_formation_mois", "trop_de_chiffres"), (3, "nombre_apprenants", "trop_de_chiffres")]  # fmt: skip
    fichier.write_text("formation_id,budget_session\na,0.30000000000000004\n", encoding="utf-8")
    assert lire_population(tax_benefit_system, fichier).table["budget_session"].tolist() == [0.30000000000000004]


def test_sixteen_digits_in_a_row_are_found_across_two_blocks(tmp_path):
    from openfisca_gen.population import _chiffres_de_trop

    fichier = tmp_path / "f.csv"
    fichier.write_bytes(b"formation_id,duree_formation_mois\na,2.99999999999999999\n")
    debut = fichier.read_bytes().index(b"2.999")
    for taille in (4, debut + 3, debut + 9, 1 << 24):  # the run split anywhere, or in one block
        assert _chiffres_de_trop(fichier, ",", taille)
    fichier.write_bytes(b"formation_id,duree_formation_mois\na,2.9999999999999\nb,12345678,1234567\n")
    assert not any(_chiffres_de_trop(fichier, ",", taille) for taille in (4, 20, 1 << 24))
    assert _chiffres_de_trop(fichier, ";", 1 << 24)  # in a French file, 12345678,1234567 is one number


def test_wrong_arguments_to_the_python_api_are_named(tax_benefit_system, tmp_path):
    """Each raised a TypeError or an AttributeError of pandas or OpenFisca."""
    from openfisca_gen.analyse import balayer, comparer

    population = lire_population(tax_benefit_system, "appel_2015")
    simulation = population.simulation(tax_benefit_system, "2016-02")
    comparaison = comparer(population, "plafond_100k", "2016-02", par=None)  # None: no breakdown (a TypeError)
    appels = [
        (lambda: balayer(population, "financement_amorcage.plafond", None, "2016-02"), "values of a sweep must"),
        (lambda: population.tables(simulation, None, "2016-02"), "'variables' must be a list of variable names"),
        (lambda: population.resultats(simulation, 5, "2016-02"), "'variables' must be a list of variable names"),
        (lambda: population.tables("appel_2015", ["labellisee"], "2016-02"), "Expects a simulation"),
        (lambda: population.simulation(None, "2016-02"), "an OpenFisca tax-benefit system"),
        (lambda: population.simulation("appel_2015", "2016-02"), "got 'appel_2015'"),
        (lambda: lire_population(None, "appel_2015"), "an OpenFisca tax-benefit system"),
        (lambda: comparer(population, "plafond_100k", "2016-02", "x"), "an OpenFisca tax-benefit system"),
        (lambda: balayer(population, "financement_amorcage.plafond", [6e4, 7e4], "2016-02", "x"), "tax-benefit"),
        (lambda: comparer(population, "plafond_100k", "2016-02", par=5), "'par' must be a list of variable names"),
        (lambda: comparaison.texte(par="budget_session"), "has no column budget_session to break the report"),
        (lambda: comparaison.texte(top="3"), "'top' expects a whole number of 1 or more"),  # « 'nombre' » before
        (lambda: comparaison.ecrire(tmp_path, donnees=3), "'donnees' must be the path of the data file read, got 3"),
    ]
    for appel, message in appels:
        with pytest.raises(EntreeInvalideError, match=re.escape(message)):
            appel()


def test_a_day_is_read_whatever_holds_it(tax_benefit_system):
    """A datetime64 column was read, the same Timestamps in a column of objects or of categories refused (« got
    Timestamp('2015-10-03 00:00:00') », a valid day); a time of day stays refused."""
    jours = pandas.to_datetime(["2015-10-03", "2015-10-04"])
    colonnes = [pandas.Series(jours), pandas.Series(jours).astype(object), pandas.Series(pandas.Categorical(jours)),
                pandas.Series([datetime.date(2015, 10, 3), numpy.datetime64("2015-10-04")], dtype=object)]  # fmt: skip
    for colonne in colonnes:
        table = pandas.DataFrame({"formation_id": ["a", "b"], "date_depot_dossier": colonne})
        lues = lire_population(tax_benefit_system, table).table["date_depot_dossier"]
        assert lues.dt.strftime("%Y-%m-%d").tolist() == ["2015-10-03", "2015-10-04"], colonne.dtype
    sans_jour = pandas.DataFrame({"formation_id": ["a"], "date_depot_dossier": [pandas.NaT]}).astype(object)
    with pytest.raises(DonneesInvalidesError, match="empty cell"):  # NaT is a datetime, of no day: it raised
        lire_population(tax_benefit_system, sans_jour)
    heure = pandas.DataFrame({"formation_id": ["a"], "date_depot_dossier": [pandas.Timestamp("2015-10-03 10:00")]})
    with pytest.raises(DonneesInvalidesError, match="expects a date YYYY-MM-DD"):
        lire_population(tax_benefit_system, heure.astype(object))
    situation = {"formations": {"f": {"date_depot_dossier": {"ETERNITY": pandas.Timestamp("2015-10-12")}}}}
    assert construire_simulation(tax_benefit_system, situation).calculate("appel_du_dossier", "2016-02")[0] == 1
    for mois_ou_annee in (numpy.datetime64("2015-10"), numpy.datetime64("2015")):  # read as 2015-10-01, 2015-01-01
        with pytest.raises(DonneesInvalidesError, match="expects a date YYYY-MM-DD"):
            table = pandas.DataFrame({"formation_id": ["a"], "date_depot_dossier": [mois_ou_annee]}, dtype=object)
            lire_population(tax_benefit_system, table)


def test_an_empty_cell_says_what_the_columns_default_would_say(tax_benefit_system, tmp_path):
    """An empty date_decision_comite was « empty cell », though the variable's documentation says « Left empty
    (1970-01-01) »: the message gives the value to write where there is none."""
    fichier = tmp_path / "f.csv"
    fichier.write_text("formation_id,date_decision_comite,formation_gratuite,metier_vise\na,,,\n", encoding="utf-8")
    with pytest.raises(DonneesInvalidesError) as erreur:
        lire_population(tax_benefit_system, fichier)
    messages = {p.champ: p.en() for p in erreur.value.problemes}
    assert "empty cell: write a value, or 1970-01-01 where there is none" in messages["date_decision_comite"]
    assert "or false where there is none" in messages["formation_gratuite"]
    assert "or hors_numerique where there is none" in messages["metier_vise"]
    assert "ou 1970-01-01 s'il n'y en a pas" in erreur.value.problemes[0].fr()


def test_an_empty_duration_is_not_told_to_write_a_default_that_is_refused(tax_benefit_system, tmp_path):
    """« empty cell: write a value, or 0 where there is none », and a 0 is refused: a duration must be > 0."""
    fichier = tmp_path / "f.csv"
    fichier.write_text("formation_id,duree_formation_mois\na,\n", encoding="utf-8")
    with pytest.raises(DonneesInvalidesError) as erreur:
        lire_population(tax_benefit_system, fichier)
    [probleme] = erreur.value.problemes
    assert probleme.en().endswith("field 'duree_formation_mois': empty cell: write a value")
    assert probleme.fr() == "Cellule vide : donnez une valeur."


# (the id, as the message writes it)
IDS_INVISIBLES = [
    ("s1\u200b", "'s1\\u200b'"),  # a zero-width space, a byte-order mark, a soft hyphen: Unicode's "format"
    ("\ufeffs1", "'\\ufeffs1'"),
    ("s\u00ad1", "'s\\xad1'"),
    ("cafe\u0301", "'cafe\\u0301'"),  # é written e and an accent
    ("s1\x00", "'s1\\x00'"),  # control characters (0.7.7): NUL, ^A, DEL, a tab inside
    ("\x01s1", "'\\x01s1'"),
    ("s1\x7f", "'s1\\x7f'"),
    ("s\t1", "'s\\t1'"),
    ("s1\u034f", "'s1\\u034f'"),  # what prints as nothing though Python counts it printable (0.7.7)
    ("s1\u3164", "'s1\\u3164'"),
    ("s1\u2800", "'s1\\u2800'"),
    ("s1\ufe0f", "'s1\\ufe0f'"),
    ("s1\U00016fe4", "'s1\\U00016fe4'"),  # the Khitan filler, the musical null notehead (0.7.8)
    ("s1\U0001d159", "'s1\\U0001d159'"),
    ("s\u00a01", "'s\\xa01'"),  # a no-break space inside: 's 1' twice
    ("s1\ud800", "'s1\\ud800'"),  # a lone surrogate, which no file can hold (0.7.7)
]


@pytest.mark.parametrize(("invisible", "ecrit"), IDS_INVISIBLES)
def test_an_id_that_prints_like_another_is_refused(tax_benefit_system, invisible, ecrit):
    """'s1' and 's1' with a zero-width space were two structures, each under its own 70 000 € ceiling; the
    message writes the character that makes the difference, as Python writes its code."""
    table = pandas.DataFrame({"formation_id": ["a", "b"], "structure_id": ["s1", invisible]})
    with pytest.raises(DonneesInvalidesError, match="nor hold an invisible character or a letter written as two") as e:
        lire_population(tax_benefit_system, table)
    assert f"got {ecrit}:" in str(e.value)
    assert len(lire_population(tax_benefit_system, table.assign(structure_id=["caf\u00e9", "s 1"])).table) == 2


@pytest.mark.parametrize(("invisible", "ecrit"), IDS_INVISIBLES)
def test_an_id_that_prints_like_another_is_refused_in_a_situation(tax_benefit_system, invisible, ecrit):
    situation = {"formations": {invisible: {}}, "structures": {"s": {"formations": [invisible]}}}
    with pytest.raises(EntreeInvalideError) as e:
        construire_simulation(tax_benefit_system, situation)
    [probleme] = e.value.problemes
    assert probleme.cle == "id_avec_espaces"
    assert probleme.en().startswith(f"formation {ecrit}: ") and f"got {ecrit}:" in probleme.en()
    assert f"(« {ecrit[1:-1]} »)" in probleme.fr()  # a no-break space shown too, as in English


def test_a_place_that_prints_like_another_is_refused_not_counted_as_another_fabrique(tax_benefit_system):
    """« Nantes », « Nantes » with a space, a no-break space or a zero-width space after it, « Nantés » with its
    accent written apart: six fabriques for one site, each of the objectives' count (found by a hostile pass)."""
    lieux = ["Nantes", "Nantes ", "Nantes\u00a0", "Nante\u0301s", "Nant\u00e9s", "Nantes\u200b", "", "Nantes\nsite"]
    table = pandas.DataFrame({"formation_id": [f"f{i}" for i in range(len(lieux))], "lieu_formation": lieux})
    with pytest.raises(DonneesInvalidesError) as erreur:
        lire_population(tax_benefit_system, table)
    assert [p.ligne for p in erreur.value.problemes] == [1, 2, 3, 5, 7]
    assert erreur.value.problemes[0].en().endswith("got 'Nantes ': two places that print alike would be two fabriques")
    assert "(« Nantes\\x20 »)" in erreur.value.problemes[0].fr()  # « Nantes » hid its space beside the guillemet
    situation = {"formations": {"f": {"lieu_formation": {"ETERNITY": "Paris "}}}}
    with pytest.raises(EntreeInvalideError, match="two places that print alike"):
        construire_simulation(tax_benefit_system, situation)
