"""Tables as files and as text: amounts to the cent, shares to six decimals, numbers in English or French."""

from pathlib import Path

import numpy
import pandas

from openfisca_gen.validation.sorties import chemins_des_tables


def part_tronquee(valeur, chiffres: int = 3):
    """A share (a number or an array of them) cut, not rounded, to `chiffres` decimals, toward zero: 0.49994
    beside « NEET share: not met » read 0.500. A share computed a hair under its value (0.3 as
    0.29999999999999993) is still 0.300; NaN and an infinite value stay as they are."""
    echelle = 10**chiffres
    return numpy.trunc(valeur * echelle + numpy.copysign(1e-6, valeur)) / echelle


def lisible(valeur: float, langue: str = "en") -> str:
    """Counts and euros with thousands separators and no decimals, shares with three, cut toward zero (never shown
    at an objective they miss): 1,234 / 0.250 in English, 1 234 / 0,250 in French."""
    texte = f"{part_tronquee(valeur):.3f}" if 0 < abs(valeur) < 1 else f"{valeur:,.0f}"
    return en_francais(texte) if langue == "fr" else texte


def signe(valeur: float, langue: str = "en") -> str:
    """A difference: signed, shares with three decimals (one under a thousandth said so: « +<0.001 », never
    « +0.000 »), counts and euros with thousands separators."""
    if 0 < abs(valeur) < 0.001:
        texte = f"{'+' if valeur > 0 else '-'}<0.001"
    else:
        texte = f"{valeur:+.3f}" if 0 < abs(valeur) < 1 else f"{valeur:+,.0f}" if valeur else "0"
    return en_francais(texte) if langue == "fr" else texte


def en_francais(texte: str) -> str:
    """An English-formatted number as French writes it: narrow no-break spaces for thousands, a decimal comma."""
    return texte.replace(",", "\u202f").replace(".", ",").replace("-", "−")


def _arrondi(valeur: float) -> float:
    return round(valeur, 6 if abs(valeur) < 1 else 2) + 0.0  # + 0.0: no negative zero


def sans_bruit(valeurs: pandas.Series, monnaie: bool = True) -> pandas.Series:
    """Floats rounded: amounts to the cent, values below 1 (shares) to 6 decimals; where the values are no amounts
    (`monnaie` false: a duration, an input never computed), as given: 2.99999999 months is no 3 (not eligible),
    and 5.99999999999999 no 6 (two sessions), which a rounding of float noise printed."""
    if not monnaie:
        return valeurs
    if valeurs.dtype == object:  # a column mixing counts and amounts (a small table): value by value
        arrondies = [_arrondi(v) if isinstance(v, float) else v for v in valeurs]
        return pandas.Series(arrondies, valeurs.index, dtype=object, name=valeurs.name)
    if not pandas.api.types.is_float_dtype(valeurs):
        return valeurs
    # below 1, a share (or a few cents) cut to six decimals toward zero: 0.4999996 was written 0.5 beside
    # « objective not met »
    return part_tronquee(valeurs, 6).where(valeurs.abs() < 1, valeurs.round(2)) + 0.0


def sans_valeur_factice(valeurs: pandas.Series) -> pandas.Series:
    """The model's stand-ins for « none » left empty: a date's default, 1970-01-01 (a training not labelled has no
    label's end, a dossier of no call no cut-off), which a table wrote as a day of 1970; an infinite amount (no
    ceiling, which the web API gives as null), which a workbook wrote as the text « inf »."""
    if pandas.api.types.is_datetime64_dtype(valeurs):
        return valeurs.where(valeurs != pandas.Timestamp("1970-01-01"))
    if pandas.api.types.is_float_dtype(valeurs):
        return valeurs.where(~numpy.isinf(valeurs))
    return valeurs


# What a spreadsheet runs as a formula when a CSV cell begins with it (=1+2, +33…, -2+3, @SOMME, a tab, a return):
# such a text is written after an apostrophe, as OWASP advises against CSV injection; so is one that begins with
# an apostrophe, so that two texts never print alike ('=1 and =1). Numbers are not text.
DEBUTS_DE_FORMULE = ("=", "+", "-", "@", "\t", "\r", "'")


def sans_formule(valeurs):
    """A column or an index (each level of a MultiIndex) whose texts a spreadsheet would run as formulas kept as
    text: a training's id `=1+2` from an uploaded file is written `'=1+2`, one of `'=1+2` `''=1+2`."""
    if isinstance(valeurs, pandas.MultiIndex):
        niveaux = [sans_formule(valeurs.get_level_values(i)) for i in range(valeurs.nlevels)]
        return pandas.MultiIndex.from_arrays(niveaux, names=valeurs.names)
    if not (pandas.api.types.is_object_dtype(valeurs) or pandas.api.types.is_string_dtype(valeurs)):
        return valeurs  # numbers, booleans, dates
    try:
        a_garder = numpy.asarray(valeurs.str.startswith(DEBUTS_DE_FORMULE, na=False), dtype=bool)  # in C, not a loop
    except AttributeError:  # a column of objects none of which is a text (counts and amounts of a small table)
        return valeurs
    if not a_garder.any():
        return valeurs  # as it was: a column mixing counts and amounts keeps its integers
    textes = numpy.asarray(valeurs, dtype=object).copy()
    textes[a_garder] = ["'" + texte for texte in textes[a_garder]]
    if isinstance(valeurs, pandas.Index):
        return pandas.Index(textes, name=valeurs.name)
    return pandas.Series(textes, valeurs.index, name=valeurs.name)


def propre(table, durees=(), echapper: bool = True) -> pandas.DataFrame:
    """`table` (a DataFrame or a Series) without float noise, with a name over every column, its index's too, and
    (`echapper`, for a CSV) no text a spreadsheet would run as a formula (`sans_formule`); the columns `durees`
    hold no amounts (`sans_bruit`)."""
    table = table.to_frame() if isinstance(table, pandas.Series) else table.copy()
    if table.index.nlevels == 1 and table.index.name is None:
        table.index.name = "index"
    garder = sans_formule if echapper else lambda valeurs: valeurs
    table = pandas.DataFrame(
        {colonne: garder(sans_bruit(sans_valeur_factice(table[colonne]), colonne not in durees)) for colonne in table},
        index=table.index,
    )
    table.index = garder(table.index)  # after: the columns are aligned on the index they came with
    return table


def _en_texte(feuille) -> None:
    """A workbook's cells that openpyxl took for formulas (a text beginning with =) stored as the texts they are:
    a workbook types its cells, and needs no apostrophe."""
    for ligne in feuille.iter_rows():
        for cellule in ligne:
            if cellule.data_type == "f":
                cellule.data_type = "s"


def csv_propre(table, chemin: Path, durees=()) -> Path:
    """Write `table` as CSV without float noise, with a name over every column (its index's too)."""
    propre(table, durees).to_csv(chemin)
    return chemin


def ecrire_tables(tables: dict[str, pandas.DataFrame], chemin: Path, durees=()) -> list[Path]:
    """Write named tables without float noise: sheets of one Excel workbook for a `.xlsx` path, else one CSV each
    (the first at `chemin`, the others beside it, suffixed by their name: `validation.sorties.chemins_des_tables`,
    which `--out` is checked by). The paths written."""
    chemin = Path(chemin)
    if chemin.suffix.lower() == ".xlsx":
        with pandas.ExcelWriter(chemin) as classeur:
            for nom, table in tables.items():
                propre(table, durees, echapper=False).to_excel(classeur, sheet_name=nom[:31])
                _en_texte(classeur.sheets[nom[:31]])
        return [chemin]
    chemins = chemins_des_tables(chemin, tables)
    return [csv_propre(table, destination, durees) for table, destination in zip(tables.values(), chemins, strict=True)]
