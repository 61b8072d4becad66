"""A population table checked and typed: one row per training, its columns the model's input variables.

Optional `formation_id` (default: the row's position), `structure_id`
(default: each training its own structure), `campagne_id` (default: one
campaign per call) and `statut_structure` (a structure's status, repeated on
each of its rows, which must agree). A column left out takes the variable's
default for every row; an empty cell is an error. Nothing is coerced
silently: every problem names the row and the field. Everything is
vectorial: whole columns are typed at once.
"""

import functools
from dataclasses import replace
from datetime import date

import numpy
import pandas

from openfisca_gen.validation.domaine import (
    ids_en_texte,
    problemes_d_identifiants,
    problemes_de_dates,
    problemes_de_domaine,
)
from openfisca_gen.validation.erreurs import DonneesInvalidesError, Probleme, suggestions
from openfisca_gen.validation.saisie import (
    DECIMALES,
    ENTRE_CHIFFRES,
    ESPACES,
    PAR_POINTS,
    espaces_mal_placees,
    lire_date,
)
from openfisca_gen.validation.types import typer, vide

IDENTIFIANTS = ("formation_id", "structure_id", "campagne_id")


def variables_d_entree(tax_benefit_system) -> dict:
    """The variables a table (or a form) may give: those without a formula, on formation or structure."""
    return {
        nom: variable
        for nom, variable in tax_benefit_system.variables.items()
        if not variable.formulas and variable.entity.key in ("formation", "structure")
    }


def _placer(table: pandas.DataFrame, fichier: str | None):
    """A function saying where row i's field is, for problems (built for bad rows only)."""
    positions = table.index
    noms = table.get("formation_id")

    def placer(i, champ):
        identifiant = None if noms is None or pandas.isna(noms.iloc[i]) else noms.iloc[i]  # a missing id names none
        return {"lieu": "ligne", "fichier": fichier, "ligne": positions[i], "champ": champ, "id": identifiant}

    return placer


def _colonnes_inconnues(tax_benefit_system, table, variables, fichier: str | None) -> list[Probleme]:
    """Columns given twice, computed by the model, or not input variables (the first with the list of the valid
    ones: 26 names repeated on every line), each named with the file's name."""
    place = {"lieu": "colonne", "fichier": fichier}
    problemes = [
        Probleme("colonne_en_double", {}, champ=c, **place) for c in table.columns[table.columns.duplicated()].unique()
    ]
    valides = [*IDENTIFIANTS, *variables]
    for colonne in table.columns.drop_duplicates():
        if colonne in variables or colonne in IDENTIFIANTS:
            continue
        if colonne in tax_benefit_system.variables:
            problemes.append(Probleme("colonne_calculee", {}, champ=str(colonne), **place))
            continue
        premiere = not any(probleme.cle == "colonne_inconnue" for probleme in problemes)
        cle, details = ("colonne_inconnue", {"colonnes": valides}) if premiere else ("colonne_inconnue_aussi", {})
        problemes.append(Probleme(cle, {**suggestions([colonne], valides, 2), **details}, champ=str(colonne), **place))
    return problemes


def _a_la_francaise(colonne: pandas.Series, variable) -> tuple[pandas.Series, pandas.Series | None]:
    """A French spreadsheet's cells as the readers read them: a number without its thousands separators (spaces
    between groups of three digits, not 45 00; in an amount or a count, points that group digits by three:
    90.000, 1.234,5) or the euro sign of an amount, with a decimal point; a boolean as VRAI or FAUX (as Excel
    writes them), oui or non, as true or false; a day as 12/10/2015 or 12 octobre 2015 (`saisie.lire_date`, as
    the simulator reads it), as 2015-10-12. What is neither is left as it is, for the typing to name it. With
    them, where a point in an amount or a count groups no thousands (1.5 beside 1.500): the cells to refuse."""
    if variable.value_type in (int, float) and not pandas.api.types.is_numeric_dtype(colonne):
        ecrit = colonne.astype(str)
        mal = ecrit.str.contains(ENTRE_CHIFFRES)  # the rare cells with spaces between digits, then one by one
        if mal.any():
            mal[mal] = ecrit[mal].map(espaces_mal_placees)
        texte = ecrit.str.translate(ESPACES).where(~mal, ecrit)  # badly spaced: as typed, to be refused
        if getattr(variable, "unit", None) == "currency-EUR":
            texte = texte.str.removesuffix("€")
        points = None
        if getattr(variable, "unit", None) not in DECIMALES:
            milliers = texte.str.fullmatch(PAR_POINTS)
            points = texte.str.contains(".", regex=False) & ~milliers
            texte = texte.where(~milliers, texte.str.replace(".", "", regex=False))
        return texte.str.replace(",", ".", regex=False), points
    if variable.value_type is bool and not pandas.api.types.is_bool_dtype(colonne):
        return colonne.astype(str).str.strip().str.lower().replace(BOOLEENS_FR), None
    if variable.value_type is date:
        if isinstance(colonne.dtype, pandas.CategoricalDtype):  # each distinct day read once
            jours = colonne.cat.categories.map(_jour_francais)
            if jours.is_unique:
                return colonne.cat.rename_categories(jours), None
            colonne = colonne.astype(object)
        return colonne.map({texte: _jour_francais(texte) for texte in pandas.unique(colonne)}), None
    return colonne, None


def _jour_francais(texte) -> str:
    """A day of a French file as YYYY-MM-DD where `saisie.lire_date` reads it, spaces around it aside."""
    return lire_date(str(texte).strip())


BOOLEENS_FR = {"vrai": "true", "oui": "true", "faux": "false", "non": "false"}
FORMES_FR = {"booleen_ou_chiffre_attendu": "booleen_attendu_fr", "date_attendue": "date_attendue_fr"}


def valider_table(tax_benefit_system, table: pandas.DataFrame, fichier: str | None = None, decimale: str = "."):
    """The table's columns typed by the model's variables, with its ids, and each group's (codes, ids); raise
    DonneesInvalidesError listing every problem. `fichier`: the file the table was read from, its index the
    lines (None for a DataFrame: its index labels the rows); `decimale`: the file's decimal separator (',' in a
    French spreadsheet's CSV, for the whole file). Index levels named as columns of the model (`set_index(
    "formation_id")`, or the tables `Population.tables` writes) are read as those columns: they used to be dropped
    without a word."""
    variables = variables_d_entree(tax_benefit_system)
    colonnes = {*IDENTIFIANTS, *variables}
    table = _niveaux_lus(table, colonnes)
    if any(sans_nom := [_sans_nom(nom) for nom in table.columns]):  # None was named 'nan': by its rank, as a CSV's
        noms = [f"(column {rang}, no name)" if sans_nom[rang - 1] else nom for rang, nom in enumerate(table.columns, 1)]
        gardees = [not (s and all(map(vide, table.iloc[:, rang]))) for rang, s in enumerate(sans_nom)]
        table = table.set_axis(noms, axis=1).iloc[:, gardees]  # one of no name and no value holds nothing
    problemes = _colonnes_inconnues(tax_benefit_system, table, variables, fichier)
    if table.empty:
        problemes.append(Probleme("table_vide"))
    if problemes:
        raise DonneesInvalidesError(problemes)
    table = table.assign(**{colonne: ids_en_texte(table[colonne]) for colonne in IDENTIFIANTS if colonne in table})
    placer = _placer(table, fichier)
    nombre = len(table)
    # A DataFrame's ids copied (pointers, or an immutable Arrow array): the caller's may change after this. A
    # file's table is the reader's own.
    typee = {c: table[c].array.copy() if fichier is None else table[c].array for c in IDENTIFIANTS if c in table}
    typee.setdefault("formation_id", numpy.arange(nombre))
    typee.setdefault("structure_id", typee["formation_id"])  # each training its own structure
    problemes_d_ids, facteurs = problemes_d_identifiants(table, IDENTIFIANTS, placer)
    problemes += problemes_d_ids
    for colonne in table.columns.difference(IDENTIFIANTS, sort=False):
        placer_ici = functools.partial(placer, champ=colonne)
        typee[colonne] = _typer(table[colonne], variables[colonne], placer_ici, problemes, decimale)
    numeriques = [c for c in typee if c in variables and variables[c].value_type in (int, float)]
    problemes += problemes_de_domaine({c: typee[c] for c in numeriques}, placer)
    if {"date_depot_dossier", "date_decision_comite"} <= set(typee):
        dates = typee["date_depot_dossier"], typee["date_decision_comite"]
        problemes += problemes_de_dates(*dates, lambda i: placer(i, "date_decision_comite"))
    # A missing id is -1, already named; without structure_id, each training is its own structure.
    formations = facteurs.get("formation_id") or pandas.factorize(typee["formation_id"])
    groupes = {"structure": facteurs.get("structure_id", formations)}
    if "campagne_id" in facteurs:
        groupes["campagne"] = facteurs["campagne_id"]
    for colonne in table.columns:
        if colonne in variables and variables[colonne].entity.key == "structure":
            codes, ids = groupes["structure"]
            valides = codes >= 0
            differe = par_groupe(typee[colonne][valides], codes[valides], len(ids))[codes[valides]]
            differe = differe != typee[colonne][valides]
            for structure in pandas.unique(ids[codes[valides][differe]]):
                details = {"id": structure, "champ": colonne, "fichier": fichier}
                problemes.append(Probleme("structure_incoherente", {}, "structure", **details))
    if problemes:
        raise DonneesInvalidesError(problemes)
    for colonne in numeriques:
        typee[colonne] = typee[colonne].astype(variables[colonne].dtype)
    return pandas.DataFrame(typee, copy=False), groupes  # arrays made here: not copied once more


def _typer(colonne: pandas.Series, variable, placer, problemes: list, decimale: str) -> numpy.ndarray:
    """A column typed by its variable (`types.typer`); in a French file, its forms read, and named in its problems."""
    if decimale != ",":
        return typer(colonne, variable, True, placer, problemes)
    avant = len(problemes)
    lues, points = _a_la_francaise(colonne, variable)
    typees = typer(lues, variable, True, placer, problemes, colonne)
    problemes[avant:] = [replace(p, cle=FORMES_FR.get(p.cle, p.cle)) for p in problemes[avant:]]
    if points is not None and points.any():  # read, but as a decimal point a French file does not write
        lus = numpy.flatnonzero(points.to_numpy(dtype=bool) & ~numpy.isnan(typees))
        problemes += [Probleme("point_sans_milliers", {"valeur": colonne.iloc[i]}, **placer(i)) for i in lus]
        problemes[avant:] = sorted(problemes[avant:], key=lambda p: p.ligne)  # the column's, in the file's order
        typees[lus] = numpy.nan  # refused once: not checked again as a value (-1.5 was also « must be >= 0 »)
    return typees


def _niveaux_lus(table: pandas.DataFrame, colonnes) -> pandas.DataFrame:
    """The table with its index levels named as columns of the model read as those columns; one that is also a
    column with other values is refused (the column won without a word). set_index(…, drop=False) is welcome."""
    deux_fois = [
        nom for nom in table.index.names if nom in colonnes and nom in table.columns
        and not numpy.array_equal(table.index.get_level_values(nom), table[nom].to_numpy())
    ]  # fmt: skip
    if deux_fois:
        raise DonneesInvalidesError([Probleme("colonne_en_double", {}, "colonne", champ=nom) for nom in deux_fois])
    if niveaux := [nom for nom in table.index.names if nom in colonnes and nom not in table.columns]:
        table = table.reset_index(level=niveaux)
    return table


def _sans_nom(nom) -> bool:
    return nom is None or (isinstance(nom, float) and nom != nom) or (isinstance(nom, str) and not nom.strip())


def par_groupe(valeurs, codes, nombre: int):
    """One value per group, from rows that agree within each group (the last row's value)."""
    valeurs_du_groupe = numpy.empty(nombre, dtype=valeurs.dtype)
    valeurs_du_groupe[codes] = valeurs
    return valeurs_du_groupe
