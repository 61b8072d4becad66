"""What the model accepts as a value of each type, read the same way from every entry point.

- whole numbers within int32, finite numbers within ±1e9 (the model's stated
  maximum for amounts);
- ISO dates `YYYY-MM-DD` from 1970-01-01 to 2100-12-31 (never a compact
  `20151012`, which OpenFisca would read as a year);
- Enum names, booleans, texts;
- numbers written in JSON and YAML texts beyond what a float holds are named
  ("a 5000-digit number"), not turned into `inf` or a Python error.

Each reader takes the raw values and `texte`: True for CSV cells and DataFrame
columns (a pandas Series, read vectorially), False for JSON values (a list: a
request holds few values per variable). It returns the typed array and its
problems, each a (mask of the bad values, message key, message values).
"""

import math
import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import numpy
import pandas
from openfisca_core.indexed_enums import Enum

from openfisca_gen.limites import MAX_TEXTE
from openfisca_gen.validation.domaine import STRICTEMENT_POSITIFS, affiches_comme_d_autres
from openfisca_gen.validation.erreurs import Probleme, coupe

PREMIER_MOIS, DERNIER_MOIS = "1970-01", "2100-12"
PREMIER_JOUR, DERNIER_JOUR = date(1970, 1, 1), date(2100, 12, 31)
MONTANT_MAX = 1e9  # € ; the model's stated maximum for any amount or duration
ENTIER_MAX = int(numpy.iinfo(numpy.int32).max)
DATE_ISO = r"\d{4}-\d{2}-\d{2}"
VRAI, FAUX = frozenset({"true", "1", "1.0"}), frozenset({"false", "0", "0.0"})  # 1.0: pandas' booleans beside a NaN
JOURS = {"premier": PREMIER_JOUR, "dernier": DERNIER_JOUR}


class NombreDemesure(float):
    """A number written in a JSON or YAML text beyond what a float holds (`1e400`, an integer of 5000 digits):
    ±inf, keeping its text so that a message names it ("a 5000-digit number", "1e400 (too large)") instead of
    saying `inf` or passing on Python's advice about its limit on digits."""

    def __new__(cls, texte: str):
        nombre = super().__new__(cls, "-inf" if texte.startswith("-") else "inf")
        nombre.texte = texte
        return nombre

    def __getnewargs__(self):  # copy.deepcopy rebuilds it from its text
        return (self.texte,)

    def __repr__(self) -> str:
        if self.texte.lstrip("+-").isdigit():
            return f"a {len(self.texte.lstrip('+-'))}-digit number"
        return f"{coupe(self.texte)} (too large)"


class NombreTropPrecis(float):
    """A number written with more significant digits than a float holds, which reading rounds (2.99999999999999999
    is 3.0, a threshold): the rounded float, keeping its text, so that a check refuses it naming it as written."""

    def __new__(cls, valeur: float, texte: str):
        nombre = super().__new__(cls, valeur)
        nombre.texte = texte
        return nombre

    def __getnewargs__(self):  # copy.deepcopy rebuilds it with its text
        return (float(self), self.texte)

    def __repr__(self) -> str:
        return self.texte


def lire_entier(texte: str) -> int | NombreDemesure:
    """An integer of a JSON or YAML text (`parse_int`): a NombreDemesure beyond Python's limit on digits."""
    try:
        return int(texte)
    except ValueError:
        return NombreDemesure(texte)


def lire_flottant(texte: str) -> float:
    """A number with a fraction or an exponent of a JSON or YAML text (`parse_float`): a NombreDemesure where
    a float would be infinite, a NombreTropPrecis where it would round what is written (a float's own shortest
    text, as any program writes it, is read as it is)."""
    nombre = float(texte)
    if math.isinf(nombre):
        return NombreDemesure(texte)
    return nombre if repr(nombre) == texte or exact(texte, nombre) else NombreTropPrecis(nombre, texte)


def exact(texte: str, nombre: float) -> bool:
    """Whether `texte` is what `nombre` is, written to as many significant digits as it has: 0.7's shortest text,
    or its 17-digit one (0.69999999999999996, printf's %.17g), not 2.99999999999999999 (read as 3.0) nor 1e-400
    (read as 0)."""
    ecrit = Decimal(texte)
    chiffres = max(len(ecrit.as_tuple().digits), 1)
    return ecrit == Decimal(repr(nombre)) or ecrit == Decimal(f"{nombre:.{chiffres}g}")


def _nombre_texte(valeur) -> float:
    """A cell's text as a float: infinite for a number beyond floats, however many digits (as a JSON number is
    read), NaN for what is no number."""
    if not isinstance(valeur, str) or not re.fullmatch(r"\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*", valeur):
        return math.nan
    return float(valeur)  # Python's float takes any number of digits (int() would refuse 4300)


def un_nombre_python(valeur):
    """A numpy number as the Python number it stands for: numpy.float32(0.7) is 0.7 (its shortest digits), not
    the 0.699999988 its binary value is."""
    if isinstance(valeur, numpy.floating) and valeur.itemsize < 8:
        return float(str(valeur))
    return valeur.item()


def _nombre_json(valeur) -> float:
    """A JSON number (or a numpy scalar) as a float (inf beyond floats, however many digits); NaN for anything
    else."""
    if isinstance(valeur, numpy.generic) and not isinstance(valeur, numpy.bool_ | numpy.complexfloating):
        valeur = un_nombre_python(valeur)
    if isinstance(valeur, bool) or not isinstance(valeur, int | float):
        return math.nan
    return float(valeur) if abs(valeur) < 1e308 else math.inf


def lire_nombres(valeurs, texte: bool, entier: bool):
    """Numbers as float64 (NaN where invalid) and their problems: not a number; not whole within int32 (`entier`),
    or not finite within ±1e9."""
    if texte:
        if isinstance(valeurs.dtype, pandas.SparseDtype):  # a DataFrame's sparse column, as the numbers it holds
            valeurs = valeurs.sparse.to_dense()
        if pandas.api.types.is_float_dtype(valeurs) and valeurs.dtype.itemsize < 8:  # float32: 6.7 was 6.6999998
            valeurs = valeurs.astype(str).where(valeurs.notna())  # the number it stands for, its shortest digits
        elif valeurs.dtype == object and pandas.api.types.infer_dtype(valeurs, skipna=True) != "string":
            # a float32 cell among others (not a file's texts): the number it stands for too
            nombres = [un_nombre_python(v) if isinstance(v, numpy.floating) else v for v in valeurs]  # not `map`,
            valeurs = pandas.Series(nombres, valeurs.index, dtype=object)  # which reads a 0-d array as its number
        refuses = _pas_des_nombres(valeurs)
        if refuses.any():
            valeurs = pandas.Series(numpy.where(refuses, None, valeurs.to_numpy(dtype=object)), dtype=object)
        try:
            nombres = pandas.to_numeric(valeurs, errors="coerce").to_numpy(dtype=float, na_value=numpy.nan)
        except OverflowError:  # an integer of 309 to 4300 digits, which pandas cannot hold as a float
            nombres = numpy.fromiter(map(_nombre_texte, valeurs), float, len(valeurs))
        if (manquants := numpy.isnan(nombres)).any():  # beyond 4300 digits pandas gives NaN: read as JSON is
            nombres = nombres.copy()
            nombres[manquants] = [_nombre_texte(v) for v in numpy.asarray(valeurs, object)[manquants]]
        # Written with more digits than a float holds (a cell, JSON, YAML, a form): refused as written, never
        # rounded onto a threshold; looked for only where one may be.
        trop_precis = _trop_precis_ecrits(valeurs, nombres)
    else:
        nombres = numpy.fromiter(map(_nombre_json, valeurs), float, len(valeurs))
        trop_precis = None
        if any(isinstance(v, NombreTropPrecis) for v in valeurs):
            trop_precis = numpy.fromiter((isinstance(v, NombreTropPrecis) for v in valeurs), bool, len(valeurs))
    if trop_precis is not None:
        nombres = numpy.where(trop_precis, numpy.nan, nombres)
    pas_un_nombre = numpy.isnan(nombres) if trop_precis is None else numpy.isnan(nombres) & ~trop_precis
    if entier:
        dans_le_type = (nombres == numpy.round(nombres)) & (numpy.abs(nombres) <= ENTIER_MAX)
        hors = ("entier_attendu", {"maximum": ENTIER_MAX})
    else:
        dans_le_type = numpy.abs(nombres) <= MONTANT_MAX
        hors = ("nombre_fini_attendu", {})
    masque_hors = ~pas_un_nombre & ~dans_le_type
    masque_hors &= True if trop_precis is None else ~trop_precis
    problemes = [(pas_un_nombre, "nombre_attendu", {}), (masque_hors, *hors)]
    problemes += [] if trop_precis is None else [(trop_precis, "trop_de_chiffres", {})]
    # NaN where already reported, so that the domain checks skip it (a new array: never write into the caller's)
    return numpy.where(masque_hors, numpy.nan, nombres), problemes


# What to_numeric would read as a number though it is none here: a boolean (1 and 0), a complex number (its real
# part), a date or a duration (nanoseconds), an array.
PAS_DES_NOMBRES = bool | complex | numpy.bool_ | numpy.complexfloating | date | timedelta | numpy.datetime64
PAS_DES_NOMBRES |= numpy.timedelta64 | numpy.ndarray


def _trop_precis_ecrits(valeurs: pandas.Series, nombres: numpy.ndarray) -> numpy.ndarray | None:
    """Where a cell's text has more significant digits than its float holds (2.99999999999999999 read as 3.0),
    or None: only texts of 16 characters or more are looked at (15 significant digits always round-trip)."""
    if valeurs.dtype.kind in "biufcmM":  # numbers already: no text to read
        return None
    textes = valeurs.to_numpy(dtype=object)
    trop = numpy.zeros(len(textes), dtype=bool)
    for i, texte in enumerate(textes):
        if isinstance(texte, str) and len(texte) >= 16 and math.isfinite(nombre := float(nombres[i])):
            trop[i] = not exact(texte.strip().lstrip("+"), nombre)
    return trop if trop.any() else None


def _pas_des_nombres(valeurs: pandas.Series) -> numpy.ndarray:
    """Where a DataFrame's column holds values that are not numbers (PAS_DES_NOMBRES): a column of such a dtype,
    or the cells of such a type in a column of objects."""
    if valeurs.dtype != object:
        return numpy.full(len(valeurs), valeurs.dtype.kind in "bcmM")  # booleans, complex, durations, dates
    return numpy.fromiter((isinstance(valeur, PAS_DES_NOMBRES) for valeur in valeurs), bool, len(valeurs))


def _nombres(valeurs, variable, texte: bool):
    return lire_nombres(valeurs, texte, entier=variable.value_type is int)


def _booleens(valeurs, variable, texte: bool):
    if texte and pandas.api.types.is_bool_dtype(valeurs):  # pandas' nullable booleans may hold pd.NA: an empty cell
        return valeurs.to_numpy(dtype=bool, na_value=False), [(valeurs.isna().to_numpy(), "booleen_attendu", {})]
    if texte:
        mots = valeurs.astype(str).str.strip().str.lower()
        vrais, valides = mots.isin(VRAI).to_numpy(), mots.isin(VRAI | FAUX).to_numpy()
        return vrais, [(~valides, "booleen_ou_chiffre_attendu", {})]
    vrais = numpy.fromiter((v is True or v is numpy.True_ for v in valeurs), bool, len(valeurs))
    valides = numpy.fromiter((isinstance(v, bool | numpy.bool_) for v in valeurs), bool, len(valeurs))
    return vrais, [(~valides, "booleen_attendu", {})]


def jour(valeur) -> str | None:
    """`valeur` if it is a date YYYY-MM-DD within the model's days (not 20151012, not with a time but midnight),
    else None."""
    precis = isinstance(valeur, numpy.datetime64) and numpy.datetime_data(valeur.dtype)[0] not in ("Y", "M", "W")
    if precis and valeur == valeur.astype("datetime64[D]"):  # a day, no time (a month or a year is no day)
        valeur = str(valeur.astype("datetime64[D]"))
    if valeur is pandas.NaT:  # a datetime, but of no day (its time() raises)
        return None
    if isinstance(valeur, datetime) and valeur.time() == time() and getattr(valeur, "nanosecond", 0) == 0:
        valeur = valeur.date()  # a day at midnight (a Timestamp in a column of objects), as a datetime64's is read
    if isinstance(valeur, date) and not isinstance(valeur, datetime):
        valeur = valeur.isoformat()
    if not isinstance(valeur, str) or not re.fullmatch(DATE_ISO, valeur):
        return None
    try:
        return valeur if PREMIER_JOUR <= date.fromisoformat(valeur) <= DERNIER_JOUR else None
    except ValueError:
        return None


def _dates(valeurs, variable, texte: bool):
    if not texte:
        jours = [jour(valeur) for valeur in valeurs]
        valides = numpy.array([j is not None for j in jours], dtype=bool)
        typees = numpy.array([j or PREMIER_JOUR for j in jours], dtype="datetime64[D]")
        return typees, [(~valides, "date_attendue", JOURS)]
    if pandas.api.types.is_datetime64_any_dtype(valeurs):
        if valeurs.dt.tz is not None:  # the day on the calendar where it was given, not in UTC (a day earlier)
            valeurs = valeurs.dt.tz_localize(None)
        jours = valeurs.dt.normalize()
        valides = (jours == valeurs) & (jours >= str(PREMIER_JOUR)) & (jours <= str(DERNIER_JOUR))
        return jours.to_numpy(dtype="datetime64[D]"), [(~valides.to_numpy(), "date_attendue", JOURS)]
    if valeurs.dtype == object and pandas.api.types.infer_dtype(valeurs, skipna=True) != "string":
        # days among the texts as dates or Timestamps at midnight: read as the days they are (they were refused)
        valeurs = valeurs.map(lambda v: (jour(v) or str(v)) if isinstance(v, date | numpy.datetime64) else v)
    textes = valeurs.astype(str)
    # Ten characters read strictly as %Y-%m-%d: refuses 20151012, 2015-1-2, a time (as DATE_ISO, vectorially)
    jours = pandas.to_datetime(textes.where(textes.str.len() == 10), format="%Y-%m-%d", errors="coerce")
    valides = (jours >= str(PREMIER_JOUR)) & (jours <= str(DERNIER_JOUR))  # False where NaT
    return jours.to_numpy(dtype="datetime64[D]"), [(~valides.to_numpy(), "date_attendue", JOURS)]


def _enums(valeurs, variable, texte: bool):
    noms = [membre.name for membre in variable.possible_values]
    if len(valeurs) > 64:  # a hash lookup per value, in pandas; a value that is not a name (a number, None): -1
        try:
            codes = pandas.Index(noms).get_indexer(pandas.Index(valeurs, dtype=object))
        except TypeError:  # an unhashable value (a list) cannot be a name either
            codes = _codes(noms, valeurs)
    else:  # a few values, a situation's: a dict costs less than building two pandas Index
        codes = _codes(noms, valeurs)
    return numpy.maximum(codes, 0).astype(numpy.int16), [(codes < 0, "choix_attendu", {"noms": noms})]


def _codes(noms: list, valeurs) -> numpy.ndarray:
    index = {nom: i for i, nom in enumerate(noms)}
    return numpy.fromiter((index.get(v, -1) if isinstance(v, str) else -1 for v in valeurs), int, len(valeurs))


def _textes(valeurs, variable, texte: bool):
    """Texts, a place's name (lieu_formation, the only one): a key, so that one that prints like another, with a
    space at an end or an invisible character, would be another fabrique, is refused as an id is."""
    if texte:  # a DataFrame's missing text (NaN, None) is an empty cell, as in a CSV
        textes = valeurs.astype(object).where(valeurs.notna(), "").astype(str)  # fillna("") warns on floats
        longs = textes.str.len().to_numpy() > MAX_TEXTE
        return textes.to_numpy(dtype=object), [(longs, *TROP_LONG), (_mal_ecrits(textes) & ~longs, *MAL_ECRIT)]
    valides = numpy.fromiter((isinstance(v, str) for v in valeurs), bool, len(valeurs))
    longs = numpy.fromiter((isinstance(v, str) and len(v) > MAX_TEXTE for v in valeurs), bool, len(valeurs))
    mal_ecrits = _mal_ecrits([v if ok else "" for v, ok in zip(valeurs, valides & ~longs, strict=True)])
    return numpy.asarray(valeurs, dtype=object), [
        (~valides, "texte_attendu", {}), (longs, *TROP_LONG), (mal_ecrits, *MAL_ECRIT)
    ]  # fmt: skip


def _mal_ecrits(textes) -> numpy.ndarray:
    """Where a text prints like another: a space at an end, an invisible character, a letter written as two. Each
    distinct text checked once (a million places are a few hundred sites)."""
    codes, distincts = pandas.factorize(numpy.asarray(textes, dtype=object))
    return affiches_comme_d_autres(distincts)[codes] if len(codes) else numpy.zeros(0, dtype=bool)


TROP_LONG = ("texte_trop_long", {"maximum": MAX_TEXTE})
MAL_ECRIT = ("texte_qui_s_affiche_comme_un_autre", {})


TYPES = {int: _nombres, float: _nombres, bool: _booleens, date: _dates, Enum: _enums, str: _textes}


def vide(valeur) -> bool:
    """An empty CSV cell: NaN, or only spaces."""
    return pandas.isna(valeur) or (isinstance(valeur, str) and not valeur.strip())


def valeur_par_defaut(variable):
    """A variable's default as a cell gives it: a day as text (1970-01-01), a choice by its name (hors_numerique), a
    boolean or a number as it is."""
    valeur = variable.default_value
    if isinstance(valeur, bool | int | float):
        return valeur
    return getattr(valeur, "name", None) or (valeur.isoformat() if isinstance(valeur, date) else str(valeur))


def ecrite(valeur) -> str:
    """A cell's value as a file writes it: false, not False."""
    return str(valeur).lower() if isinstance(valeur, bool) else str(valeur)


def typer(valeurs, variable, texte: bool, placer, problemes: list, ecrites=None) -> numpy.ndarray:
    """The values as an array of the variable's type (numbers as float64, NaN where invalid); one Probleme per
    bad value appended to `problemes`, `placer(i)` giving where value i is (a dict of Probleme fields), quoting
    it as `ecrites` holds it where given (a French file's cells as typed, before their thousands are read)."""
    categories = texte and isinstance(valeurs.dtype, pandas.CategoricalDtype)
    if categories and valeurs.hasnans:  # a missing value is no category: the column read as values
        valeurs, categories = valeurs.astype(object), False
    if categories:  # a CSV's names and days: each distinct value typed once
        typees, invalides = _par_categorie(valeurs, variable)
    else:
        typees, invalides = TYPES[variable.value_type](valeurs, variable, texte)
    for masque, cle, details in invalides:
        if not masque.any():  # the usual: nothing to name, no positions to search
            continue
        for i in numpy.flatnonzero(masque):
            valeur = (valeurs if ecrites is None else ecrites).iloc[i] if texte else valeurs[i]
            if texte and vide(valeur) and variable.name in STRICTEMENT_POSITIFS:  # its default, 0, is refused
                problemes.append(Probleme("cellule_vide", {}, **placer(i)))
            elif texte and vide(valeur):  # with what the column's default, written, would say
                defaut = ecrite(valeur_par_defaut(variable))
                problemes.append(Probleme("cellule_vide_defaut", {"defaut": defaut}, **placer(i)))
            else:
                problemes.append(Probleme(cle, {**details, "valeur": valeur}, **placer(i)))
    return typees


def _par_categorie(valeurs: pandas.Series, variable):
    """A column of categories typed once per distinct value, then spread by its codes, its problems with it."""
    codes = valeurs.cat.codes.to_numpy()
    typees, invalides = TYPES[variable.value_type](pandas.Series(valeurs.cat.categories, dtype=object), variable, True)
    return typees[codes], [(masque[codes], cle, details) for masque, cle, details in invalides]


def probleme_de_date(valeur) -> tuple[str, dict] | None:
    """(key, values) of why `valeur` is not a date YYYY-MM-DD within the model's days, or None."""
    return None if jour(valeur) else ("date_attendue", {**JOURS, "valeur": valeur})


def probleme_de_nombre(valeur, entier: bool) -> tuple[str, dict] | None:
    """(key, values) of why `valeur` is not a number of the model (whole within int32, or finite within ±1e9)."""
    _, invalides = lire_nombres([valeur], False, entier)
    for masque, cle, details in invalides:
        if masque[0]:
            return cle, {**details, "valeur": valeur}
    return None
