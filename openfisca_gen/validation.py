"""One validation layer for every entry point: CSV tables, JSON situations, reform files, CLI arguments.

What the model accepts, stated once:

- types, read from each variable's `value_type` (the table `TYPES`): whole
  numbers within int32, finite numbers within ±1e9 (the model's stated
  maximum for amounts), ISO dates `YYYY-MM-DD` from 1970-01-01 to
  2100-12-31 (never a compact `20151012`, which OpenFisca would read as a
  year), Enum names, booleans;
- domain checks on values of the right type that would give a silently wrong
  number: a negative budget or count, a count of women (or of any group of
  learners) above the learners given for the same period, a duration of
  zero or less;
- periods: one parser, for the months the model covers, 1970-01 to 2100-12;
- ids: non-empty, without '/';
- texts: files are UTF-8; numbers in JSON and YAML are read as in a CSV
  (decimal or exponent notation, never hex, octal or sexagesimal), and one
  beyond what a float holds is named, not turned into `inf` or a Python error;
- reforms: the values each parameter takes, by its unit; sweeps: 2 to
  `MAX_VALEURS_BALAYAGE` values; the CLI's output paths; the month a request
  computes.

Every problem is one message naming the row or entity, the field and the
period; all of them travel together in one `EntreeInvalideError` (`.erreurs`).
The CLI catches it once in `main()`, the web app once (a 400 with `error` and
`errors`).

`analyser_situation` checks a situation in the web API's JSON shape and keeps
what it read (ids, groups, typed inputs, requested values), so that
`simuler` builds the simulation from it directly, in time linear in its size.
"""

import copy
import difflib
import functools
import itertools
import math
import os
import re
from collections.abc import Sized
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import numpy
import pandas
import yaml
from openfisca_core import periods
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import DateUnit
from openfisca_core.simulation_builder import SimulationBuilder

PREMIER_MOIS, DERNIER_MOIS = "1970-01", "2100-12"
PREMIER_JOUR, DERNIER_JOUR = date(1970, 1, 1), date(2100, 12, 31)
MONTANT_MAX = 1e9  # € ; the model's stated maximum for any amount or duration
ENTIER_MAX = int(numpy.iinfo(numpy.int32).max)
MAX_MESSAGES = 20  # in the text of an error; `.erreurs` keeps them all
MAX_VALEURS_BALAYAGE = 1000  # a sweep is a chart, not a search: beyond this, a larger step
DATE_ISO = r"\d{4}-\d{2}-\d{2}"
VRAI, FAUX = frozenset({"true", "1"}), frozenset({"false", "0"})

NON_NEGATIFS = (
    "budget_session",
    "nombre_apprenants",
    "nombre_femmes",
    "nombre_jeunes_neet_peu_qualifies",
    "nombre_residents_qpv",
    "nombre_residents_zrr",
    "nombre_demandeurs_emploi_peu_qualifies",
    "nombre_apprenants_niveau_bac_ou_infra",
)
PARTIES_DES_APPRENANTS = NON_NEGATIFS[2:]
STRICTEMENT_POSITIFS = ("duree_formation_mois",)


class EntreeInvalideError(ValueError):
    """Input the model refuses; `erreurs` lists every problem, each naming the row or entity, field and period."""

    def __init__(self, erreurs) -> None:
        self.erreurs = [erreurs] if isinstance(erreurs, str) else list(erreurs)
        reste = len(self.erreurs) - MAX_MESSAGES
        super().__init__("\n".join(self.erreurs[:MAX_MESSAGES]) + (f"\n… and {reste} more" if reste > 0 else ""))


class SituationInvalideError(EntreeInvalideError):
    """A JSON situation (web API shape) the model refuses."""


class DonneesInvalidesError(EntreeInvalideError):
    """A population table the model refuses."""


class ReformeInvalideError(EntreeInvalideError):
    """A reform that cannot be applied."""


class PeriodeInvalideError(EntreeInvalideError):
    """A period outside the model's months, or not one month where one month is computed."""


def chiffres(entier: int) -> int:
    """How many digits `entier` has, without writing it out (Python refuses to beyond 4300 digits)."""
    nombre = int(math.log10(abs(entier))) + 1 if entier else 1
    return nombre - 1 if nombre > 1 and abs(entier) < 10 ** (nombre - 1) else nombre  # log10's rounding


def court(valeur, longueur: int = 40) -> str:
    """`repr(valeur)`, cut short: a 400-digit number is named, not printed whole."""
    if isinstance(valeur, numpy.generic):
        valeur = valeur.item()
    if isinstance(valeur, int) and abs(valeur) >= 10**longueur:
        return f"a {chiffres(valeur)}-digit number"
    texte = repr(valeur)
    return texte if len(texte) <= longueur else texte[: longueur - 1] + "…"


# Periods


@functools.lru_cache(maxsize=4096)
def _lire_periode(texte: str):
    try:
        periode = periods.period(texte)
    except (ValueError, TypeError, AttributeError):
        return None, f"'{texte}' is not a period; give a month such as 2015-10"
    if periode.unit == DateUnit.ETERNITY:
        return periode, None  # not a month nor a year: refused where a period of the variable is needed
    try:
        dedans = periode.start.date >= PREMIER_JOUR and periode.stop.date <= DERNIER_JOUR
    except (ValueError, OverflowError):  # its end is past year 9999
        dedans = False
    if not dedans:
        return None, f"'{texte}' is outside the months the model covers, {PREMIER_MOIS} to {DERNIER_MOIS}"
    return periode, None


def lire_periode(texte):
    """(period, None), or (None, why not): a period within the model's months. Memoised: a request repeats the
    same few periods for every value, and OpenFisca's parser takes tens of microseconds."""
    if not isinstance(texte, str):
        return None, f"{court(texte)} is not a period; give a month such as 2015-10"
    return _lire_periode(texte)


def un_mois(texte) -> str:
    """`texte` as one month, such as '2015-10'; a PeriodeInvalideError naming it otherwise (variables are monthly)."""
    periode, probleme = lire_periode(texte)
    if probleme:
        raise PeriodeInvalideError(probleme)
    if (periode.unit, periode.size) != (DateUnit.MONTH, 1):
        raise PeriodeInvalideError(f"variables are monthly: give a month such as 2015-10, not '{texte}'")
    return str(periode)


# Types, one entry per value_type. Each reader takes the raw values and `texte`: True for CSV cells and
# DataFrame columns (a pandas Series, read vectorially), False for JSON values (a list: a request holds few
# values per variable, and pandas costs more than it saves there). It returns the typed array and its
# problems, each a (mask of the bad values, what was expected).


def _nombre_json(valeur) -> float:
    """A JSON number as a float (inf beyond floats, however many digits); NaN for anything else."""
    if isinstance(valeur, bool) or not isinstance(valeur, int | float):
        return math.nan
    return float(valeur) if abs(valeur) < 1e308 else math.inf


def _nombres(valeurs, variable, texte: bool):
    return lire_nombres(valeurs, texte, entier=variable.value_type is int)


def lire_nombres(valeurs, texte: bool, entier: bool):
    """Numbers as float64 (NaN where invalid) and their problems: not a number; not whole within int32 (`entier`),
    or not finite within ±1e9."""
    if texte:
        nombres = pandas.to_numeric(valeurs, errors="coerce").to_numpy(dtype=float, na_value=numpy.nan)
    else:
        nombres = numpy.fromiter(map(_nombre_json, valeurs), float, len(valeurs))
    pas_un_nombre = numpy.isnan(nombres)
    if entier:
        dans_le_type = (nombres == numpy.round(nombres)) & (numpy.abs(nombres) <= ENTIER_MAX)
        attendu = f"a whole number within ±{ENTIER_MAX}"
    else:
        dans_le_type = numpy.abs(nombres) <= MONTANT_MAX
        attendu = "a finite number within ±1e9"
    hors = ~pas_un_nombre & ~dans_le_type
    # NaN where already reported, so that the domain checks skip it (a new array: never write into the caller's)
    return numpy.where(hors, numpy.nan, nombres), [(pas_un_nombre, "a number"), (hors, attendu)]


def _booleens(valeurs, variable, texte: bool):
    if texte and pandas.api.types.is_bool_dtype(valeurs):
        return valeurs.to_numpy(dtype=bool), []
    if texte:
        mots = valeurs.astype(str).str.strip().str.lower()
        vrais, valides = mots.isin(VRAI).to_numpy(), mots.isin(VRAI | FAUX).to_numpy()
    else:
        vrais = numpy.fromiter((v is True for v in valeurs), bool, len(valeurs))
        valides = numpy.fromiter((isinstance(v, bool) for v in valeurs), bool, len(valeurs))
    return vrais, [(~valides, "true or false" + (" (or 1 or 0)" if texte else ""))]


def _jour(valeur) -> str | None:
    """`valeur` if it is a date YYYY-MM-DD within the model's days (not 20151012, not with a time), else None."""
    if isinstance(valeur, date) and not isinstance(valeur, datetime):
        valeur = valeur.isoformat()
    if not isinstance(valeur, str) or not re.fullmatch(DATE_ISO, valeur):
        return None
    try:
        return valeur if PREMIER_JOUR <= date.fromisoformat(valeur) <= DERNIER_JOUR else None
    except ValueError:
        return None


def _dates(valeurs, variable, texte: bool):
    attendu = f"a date YYYY-MM-DD from {PREMIER_JOUR} to {DERNIER_JOUR}"
    if not texte:
        jours = [_jour(valeur) for valeur in valeurs]
        valides = numpy.array([jour is not None for jour in jours], dtype=bool)
        return numpy.array([jour or PREMIER_JOUR for jour in jours], dtype="datetime64[D]"), [(~valides, attendu)]
    if pandas.api.types.is_datetime64_any_dtype(valeurs):
        jours = valeurs.dt.normalize()
        valides = (jours == valeurs) & (jours >= str(PREMIER_JOUR)) & (jours <= str(DERNIER_JOUR))
        return jours.to_numpy(dtype="datetime64[D]"), [(~valides.to_numpy(), attendu)]
    textes = valeurs.astype(str)
    iso = textes.str.fullmatch(DATE_ISO).to_numpy(dtype=bool)  # refuses 20151012, 2015-1-2, a time
    jours = pandas.to_datetime(textes.where(iso), format="%Y-%m-%d", errors="coerce")
    valides = (jours >= str(PREMIER_JOUR)) & (jours <= str(DERNIER_JOUR))  # False where NaT
    return jours.to_numpy(dtype="datetime64[D]"), [(~valides.to_numpy(), attendu)]


def _enums(valeurs, variable, texte: bool):
    noms = [membre.name for membre in variable.possible_values]
    try:  # a hash lookup per value, in pandas; a value that is not a name (a number, None) gets -1
        codes = pandas.Index(noms).get_indexer(pandas.Index(valeurs, dtype=object))
    except TypeError:  # an unhashable value (a list) cannot be a name either
        index = {nom: i for i, nom in enumerate(noms)}
        codes = numpy.fromiter((index.get(v, -1) if isinstance(v, str) else -1 for v in valeurs), int, len(valeurs))
    return numpy.maximum(codes, 0).astype(numpy.int16), [(codes < 0, f"one of {', '.join(noms)}")]


def _textes(valeurs, variable, texte: bool):
    valides = numpy.fromiter((isinstance(v, str) for v in valeurs), bool, len(valeurs))
    return numpy.asarray(valeurs, dtype=object), [(~valides, "a string")]


TYPES = {int: _nombres, float: _nombres, bool: _booleens, date: _dates, Enum: _enums, str: _textes}


def typer(valeurs, variable, texte: bool, nommer, erreurs: list) -> numpy.ndarray:
    """The values as an array of the variable's type (numbers as float64, NaN where invalid); one message per bad
    value appended to `erreurs`, `nommer(i)` giving the start of value i's message (row or entity, field, period)."""
    typees, problemes = TYPES[variable.value_type](valeurs, variable, texte)
    for masque, attendu in problemes:
        for i in numpy.flatnonzero(masque):
            valeur = valeurs.iloc[i] if texte else valeurs[i]
            vide = texte and (pandas.isna(valeur) or (isinstance(valeur, str) and not valeur.strip()))
            erreurs.append(f"{nommer(i)}: " + ("empty cell" if vide else f"expects {attendu}, got {court(valeur)}"))
    return typees


def erreurs_de_domaine(colonnes: dict, nommer, apprenants_donnes=None) -> list[str]:
    """One message per value of the right type that would give a wrong number. `colonnes` maps a variable to a
    numeric array (NaN where not given or invalid); `nommer(i, champ)` names row i's field, for bad rows only;
    `apprenants_donnes` says where nombre_apprenants was given (default: where its column is)."""
    erreurs = []

    def signaler(masque, champ, raison):
        erreurs.extend(f"{nommer(i, champ)}: {raison(i)}" for i in numpy.flatnonzero(masque))

    for champ in NON_NEGATIFS:
        if champ in colonnes:
            valeurs = colonnes[champ]
            signaler(valeurs < 0, champ, lambda i, v=valeurs: f"must be >= 0, got {v[i]:g}")
    for champ in STRICTEMENT_POSITIFS:
        if champ in colonnes:
            valeurs = colonnes[champ]
            signaler(valeurs <= 0, champ, lambda i, v=valeurs: f"must be > 0, got {v[i]:g}")
    taille = len(next(iter(colonnes.values()), ()))
    apprenants = colonnes.get("nombre_apprenants", numpy.full(taille, numpy.nan))
    donnes = numpy.full(taille, "nombre_apprenants" in colonnes) if apprenants_donnes is None else apprenants_donnes
    for champ in PARTIES_DES_APPRENANTS:
        if champ in colonnes:
            valeurs = colonnes[champ]
            signaler(
                donnes & (valeurs > apprenants),
                champ,
                lambda i, v=valeurs: f"{v[i]:g} is more than nombre_apprenants ({apprenants[i]:g})",
            )
            signaler(
                ~donnes & (valeurs > 0),
                champ,
                lambda i, v=valeurs: f"{v[i]:g} given without nombre_apprenants for the same period",
            )
    return erreurs


def erreur_d_identifiant(identifiant) -> str | None:
    """Why `identifiant` cannot name a training, structure or campaign, or None."""
    if not isinstance(identifiant, str) or not identifiant.strip():
        return "an id must be a non-empty text"
    if "/" in identifiant:
        return f"an id must not contain '/', got {court(identifiant)}"
    return None


def erreurs_d_identifiants(table: pandas.DataFrame, colonnes, libelle) -> list[str]:
    """The ids of a table's `colonnes` that are empty or contain '/', and training ids given twice; `libelle(i)`
    names row i."""
    erreurs = []
    for colonne in colonnes:
        if colonne in table and not pandas.api.types.is_numeric_dtype(table[colonne]):
            textes = table[colonne].to_numpy(dtype=str)  # numpy's string ufuncs: no Python loop over rows
            mauvais = (numpy.strings.str_len(numpy.strings.strip(textes)) == 0) | (numpy.strings.find(textes, "/") >= 0)
            erreurs += [
                f"{libelle(i)}, field '{colonne}': {erreur_d_identifiant(textes[i])}"
                for i in numpy.flatnonzero(mauvais)
            ]
    if "formation_id" in table and not table["formation_id"].is_unique:
        doublons = table["formation_id"].duplicated().to_numpy()
        erreurs += [f"{libelle(i)}, field 'formation_id': duplicate id" for i in numpy.flatnonzero(doublons)]
    return erreurs


# JSON situations


@dataclass
class SituationAnalysee:
    """What `analyser_situation` read: ids per entity, each training's group, the typed inputs, the requested
    values. `complete` is False when OpenFisca must judge something itself (no trainings, an unknown variable,
    a variable of another entity): its own builder then runs, and names the problem."""

    ids: dict = field(default_factory=dict)  # entity key -> list of ids
    groupes: dict = field(default_factory=dict)  # group key -> each training's group index
    entrees: dict = field(default_factory=dict)  # (variable, period) -> (indices, typed values)
    demandes: list = field(default_factory=list)  # (plural, id, index, variable, period text)
    complete: bool = True


def _entites(tax_benefit_system, situation, maximum, erreurs) -> dict:
    """The entities of the situation, {plural: entity}, checked in shape and count before anything is read."""
    connues = {entite.plural: entite for entite in tax_benefit_system.entities}
    retenues = {}
    for pluriel, instances in situation.items():
        if pluriel not in connues:
            erreurs.append(f"unknown entity '{pluriel}'; expected one of {', '.join(connues)}")
        elif not isinstance(instances, dict):
            erreurs.append(f"'{pluriel}' must be an object {{id: {{variable: {{period: value}}}}}}")
        elif maximum is not None and len(instances) > maximum:
            erreurs.append(f"too many {pluriel}: {len(instances)}, at most {maximum} per request")
        else:
            retenues[pluriel] = connues[pluriel]
    return retenues


@dataclass
class _Lecture:
    """What reading a situation accumulates: the analysis, the raw inputs by (variable, period), the errors."""

    tax_benefit_system: object
    formations: list
    analyse: SituationAnalysee = field(default_factory=SituationAnalysee)
    lues: dict = field(default_factory=dict)  # (variable, period) -> (indices, [(value, period text, id)])
    erreurs: list = field(default_factory=list)

    def __post_init__(self):
        self.index_personnes = {identifiant: i for i, identifiant in enumerate(self.formations)}


def _membres(lecture, entite, identifiant, cle, membres, groupe) -> None:
    """Place the trainings listed under a group's role in `groupe` (each training's group index)."""
    erreurs, index_personnes = lecture.erreurs, lecture.index_personnes
    ici = f"{entite.key} '{identifiant}', field '{cle}'"
    if not isinstance(membres, list) or not all(isinstance(m, str) for m in membres):
        erreurs.append(f"{ici}: expects a list of formation ids, got {court(membres)}")
        return
    position = groupe["index"][identifiant]
    for membre in membres:
        indice = index_personnes.get(membre)
        if indice is None:
            erreurs.append(f"{ici}: unknown formation '{membre}'")
        elif groupe["codes"][indice] >= 0:
            deja = groupe["ids"][groupe["codes"][indice]]
            erreurs.append(f"{ici}: formation '{membre}' is already in {entite.key} '{deja}'")
        else:
            groupe["codes"][indice] = position


def _valeurs(lecture, entite, identifiant, indice, cle, valeurs) -> None:
    """Read one variable's {period: value} of an instance: requested values into `analyse.demandes`, inputs
    into `lues[(variable, period)]`."""
    tax_benefit_system, analyse, erreurs = lecture.tax_benefit_system, lecture.analyse, lecture.erreurs
    variable = tax_benefit_system.variables.get(cle)
    if variable is None or variable.entity.key != entite.key:
        analyse.complete = False  # OpenFisca names it (404, or 400 for another entity)
        return
    ici = f"{entite.key} '{identifiant}', field '{cle}'"
    if not isinstance(valeurs, dict):
        erreurs.append(f"{ici}: expects an object {{period: value}}, got {court(valeurs)}")
        return
    eternelle = variable.definition_period == DateUnit.ETERNITY  # a dossier's fact: given for any period
    for texte, valeur in valeurs.items():
        periode, probleme = lire_periode(texte)
        if probleme:
            erreurs.append(f"{ici}: {probleme}")
        elif valeur is None:  # a computation is requested: exactly one period of the variable
            if not eternelle and (periode.unit, periode.size) != (variable.definition_period, 1):
                erreurs.append(
                    f"{ici}: is defined by {variable.definition_period}, request a period such as 2015-10, "
                    f"not '{texte}'"
                )
            else:
                analyse.demandes.append((entite.plural, identifiant, indice, cle, texte))
        elif not eternelle and (
            periode.unit == DateUnit.ETERNITY
            or periods.unit_weight(periode.unit) < periods.unit_weight(variable.definition_period)
        ):
            erreurs.append(
                f"{ici}: is defined by {variable.definition_period}, give it for months or years, not '{texte}'"
            )
        else:
            indices, brutes = lecture.lues.setdefault((cle, str(periode)), ([], []))
            indices.append(indice)
            brutes.append((valeur, texte, identifiant))


def analyser_situation(tax_benefit_system, situation, maximum: int | None = None) -> SituationAnalysee:
    """Check a situation (the web API's JSON shape) and keep what was read; raise SituationInvalideError listing
    every problem, each naming the entity, the id, the field and the period.

    Checks what OpenFisca lets through or answers with a 500: shapes (an object of entities, of ids, of
    {period: value}), entity counts (at most `maximum` of each, checked first), ids, group members, periods
    (within the model's months; a requested period must be one period of the variable), value types and
    ranges, and the domain checks. Unknown variables and variables on the wrong entity are left to OpenFisca,
    which names them (404, 400)."""
    if not isinstance(situation, dict):
        raise SituationInvalideError(
            ["the situation must be a JSON object {entity plural: {id: {variable: {period: value}}}}"]
        )
    erreurs = []
    entites = _entites(tax_benefit_system, situation, maximum, erreurs)
    if erreurs:
        raise SituationInvalideError(erreurs)
    personnes = tax_benefit_system.person_entity
    lecture = _Lecture(tax_benefit_system, list(situation.get(personnes.plural) or {}))
    analyse = lecture.analyse
    analyse.complete = bool(lecture.formations)  # else OpenFisca says that a training is needed
    analyse.ids[personnes.key] = lecture.formations
    for pluriel, entite in entites.items():
        _lire_entite(lecture, entite, situation[pluriel])
    for entite in tax_benefit_system.group_entities:
        if entite.plural not in entites:  # each training its own group, as OpenFisca does
            analyse.ids[entite.key] = lecture.formations
            analyse.groupes[entite.key] = numpy.arange(len(lecture.formations))
    _typer_entrees(tax_benefit_system, lecture.lues, analyse, lecture.erreurs)
    if lecture.erreurs:
        raise SituationInvalideError(lecture.erreurs)
    return analyse


def _lire_entite(lecture, entite, instances: dict) -> None:
    """Read every instance of one entity: its id, its members (a group), its variables."""
    groupe = {
        "ids": list(instances),
        "index": {identifiant: i for i, identifiant in enumerate(instances)},
        "codes": numpy.full(len(lecture.formations), -1),
    }
    roles = {cle for role in getattr(entite, "roles", ()) for cle in (role.key, role.plural)}
    for indice, (identifiant, instance) in enumerate(instances.items()):
        probleme = erreur_d_identifiant(identifiant)
        if probleme:
            lecture.erreurs.append(f"{entite.key} {court(identifiant)}: {probleme}")
        elif not isinstance(instance, dict):
            lecture.erreurs.append(f"{entite.key} '{identifiant}' must be an object {{variable: {{period: value}}}}")
        else:
            for cle, valeurs in instance.items():
                if cle in roles:
                    _membres(lecture, entite, identifiant, cle, valeurs, groupe)
                else:
                    _valeurs(lecture, entite, identifiant, indice, cle, valeurs)
    if not entite.is_person:
        _completer_groupe(lecture.analyse, entite, groupe, lecture.formations)


def _completer_groupe(analyse, entite, groupe, formations) -> None:
    """Trainings listed in no group of this entity get their own, named after them, as OpenFisca does."""
    codes = groupe["codes"]
    seules = numpy.flatnonzero(codes < 0)
    codes[seules] = len(groupe["ids"]) + numpy.arange(len(seules))
    analyse.ids[entite.key] = groupe["ids"] + [formations[i] for i in seules]
    analyse.groupes[entite.key] = codes


def _typer_entrees(tax_benefit_system, lues, analyse, erreurs) -> None:
    """Type every input, variable by variable and period by period, then run the domain checks on the
    trainings' numbers, row by (training, period)."""
    lignes = {}  # (period, variable) -> (indices, numbers) of the trainings' numeric inputs
    for (nom, periode), (indices, brutes) in lues.items():
        variable = tax_benefit_system.variables[nom]
        valeurs = [valeur for valeur, _, _ in brutes]

        def nommer(i, b=brutes, n=nom, v=variable):
            return f"{v.entity.key} '{b[i][2]}', field '{n}' ({b[i][1]})"

        typees = typer(valeurs, variable, False, nommer, erreurs)
        analyse.entrees[(nom, periode)] = (numpy.array(indices), typees)
        if variable.entity.is_person and variable.value_type in (int, float):
            lignes[(periode, nom)] = (indices, typees, brutes)
    par_periode = {}
    for (periode, nom), contenu in lignes.items():
        par_periode.setdefault(periode, {})[nom] = contenu
    ids = analyse.ids[tax_benefit_system.person_entity.key]
    taille = len(ids)
    for contenus in par_periode.values():
        colonnes, textes = {}, {}
        for nom, (indices, typees, brutes) in contenus.items():
            colonnes[nom] = numpy.full(taille, numpy.nan)
            colonnes[nom][indices] = typees
            for indice, (_, texte, _) in zip(indices, brutes, strict=True):
                textes[indice] = texte
        donnes = numpy.zeros(taille, bool)
        donnes[contenus["nombre_apprenants"][0] if "nombre_apprenants" in contenus else []] = True
        erreurs += erreurs_de_domaine(
            colonnes, lambda i, champ, t=textes: f"formation '{ids[i]}', field '{champ}' ({t[i]})", donnes
        )


def valider_situation(tax_benefit_system, situation, formations_max: int | None = None) -> list[str]:
    """Everything wrong with a web-API situation, each message naming the entity, the id, the field and the
    period; [] when it is valid. `formations_max` bounds the count of every entity."""
    try:
        analyser_situation(tax_benefit_system, situation, formations_max)
    except SituationInvalideError as erreur:
        return erreur.erreurs
    return []


def simuler(tax_benefit_system, analyse: SituationAnalysee):
    """The simulation of an analysed situation, built from its typed arrays: what SimulationBuilder's
    build_from_entities does, without parsing each period string again nor looking ids up in lists."""
    builder = SimulationBuilder()
    builder.create_entities(tax_benefit_system)
    personnes = tax_benefit_system.person_entity.key
    builder.declare_person_entity(personnes, analyse.ids[personnes])
    for cle, codes in analyse.groupes.items():
        groupe = builder.declare_entity(cle, analyse.ids[cle])
        groupe.members_entity_id = codes  # each group has one role, OpenFisca's default
    simulation = builder.build(tax_benefit_system)
    # Months before years, as OpenFisca does, so that a year's value does not hide a month given too.
    for (nom, periode), (indices, valeurs) in sorted(
        analyse.entrees.items(), key=lambda e: periods.key_period_size(periods.period(e[0][1]))
    ):
        variable = tax_benefit_system.variables[nom]
        tableau = variable.default_array(simulation.populations[variable.entity.key].count)
        tableau[indices] = valeurs
        simulation.set_input(nom, periode, tableau)
    return simulation


def construire_simulation(tax_benefit_system, situation: dict):
    """An OpenFisca simulation of a situation (the web API's JSON shape), checked as the web server checks it.

    Raises SituationInvalideError where OpenFisca's SimulationBuilder would
    accept a wrong value silently or fail obscurely."""
    analyse = analyser_situation(tax_benefit_system, situation)
    if not analyse.complete:  # OpenFisca's builder names what it alone can judge
        return SimulationBuilder().build_from_entities(tax_benefit_system, copy.deepcopy(situation))
    return simuler(tax_benefit_system, analyse)


# Single values (reform files, CLI arguments)


def erreur_de_date(valeur) -> str | None:
    """Why `valeur` is not a date YYYY-MM-DD within the model's days, or None."""
    if _jour(valeur):
        return None
    return f"expects a date YYYY-MM-DD from {PREMIER_JOUR} to {DERNIER_JOUR}, got {court(valeur)}"


def erreur_de_nombre(valeur, entier: bool) -> str | None:
    """Why `valeur` is not a number of the model (whole within int32, or finite within ±1e9), or None."""
    _, problemes = lire_nombres([valeur], False, entier)
    for masque, attendu in problemes:
        if masque[0]:
            return f"expects {attendu}, got {court(valeur)}"
    return None


# Numbers in JSON and YAML texts


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
        return f"{self.texte if len(self.texte) <= 40 else self.texte[:39] + '…'} (too large)"


def lire_entier(texte: str) -> int | NombreDemesure:
    """An integer of a JSON or YAML text (`parse_int`): a NombreDemesure beyond Python's limit on digits."""
    try:
        return int(texte)
    except ValueError:
        return NombreDemesure(texte)


def lire_flottant(texte: str) -> float:
    """A number with a fraction or an exponent of a JSON or YAML text (`parse_float`): a NombreDemesure where
    a float would be infinite."""
    nombre = float(texte)
    return NombreDemesure(texte) if math.isinf(nombre) else nombre


# Files


def pas_de_l_utf8(chemin) -> str:
    """What to say of a file that is not UTF-8 text: the first line that is not."""
    with open(chemin, "rb") as fichier:
        for numero, ligne in enumerate(fichier, 1):
            try:
                ligne.decode("utf-8")
            except UnicodeDecodeError:
                return f"it is not UTF-8 text (line {numero}); save it as UTF-8"
    return "it is not UTF-8 text; save it as UTF-8"


ENTIER_DECIMAL = r"[-+]?[0-9]+"
NOMBRE_DECIMAL = r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?"


class LecteurYaml(yaml.SafeLoader):
    """YAML read by the rules of the other entry points (JSON, CSV), not YAML 1.1's: numbers in decimal or
    exponent notation (`1e9`, `1.5e3`; never `0x10`, `0o20` or the sexagesimal `1:30`), booleans `true` and
    `false` only (never `yes`, `on`, `TRUE`), dates left as text (checked as YYYY-MM-DD like every date, so an
    impossible date or a time is named, not a crash). A duplicate key or an alias is refused, with its line and
    column, rather than silently resolved."""

    yaml_implicit_resolvers = {}  # only those added below

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            marque = self.peek_event().start_mark
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed", marque)
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):
        vues = set()
        for cle, _ in node.value:
            valeur = self.construct_object(cle, deep=True)
            if not isinstance(valeur, str | int | float | bool | None):
                raise yaml.constructor.ConstructorError(None, None, "a key must be a plain value", cle.start_mark)
            if valeur in vues:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {valeur!r}", cle.start_mark)
            vues.add(valeur)
        return super().construct_mapping(node, deep)

    def construire_nombre(self, node):  # also for an explicit !!int or !!float
        texte = self.construct_scalar(node)
        if re.fullmatch(ENTIER_DECIMAL, texte):
            return lire_entier(texte)
        if re.fullmatch(NOMBRE_DECIMAL, texte):
            return lire_flottant(texte)
        probleme = f"{court(texte)} is not a number in decimal or exponent notation"
        raise yaml.constructor.ConstructorError(None, None, probleme, node.start_mark)

    def construire_booleen(self, node):
        texte = self.construct_scalar(node)
        if texte not in ("true", "false"):
            probleme = f"{court(texte)} is not a boolean: write true or false"
            raise yaml.constructor.ConstructorError(None, None, probleme, node.start_mark)
        return texte == "true"


for _etiquette, _motif, _debuts in (
    ("null", r"~|null|Null|NULL|", ["~", "n", "N", ""]),
    ("bool", r"true|false", ["t", "f"]),
    ("int", ENTIER_DECIMAL, list("-+0123456789")),  # before float: a whole number stays an int
    ("float", NOMBRE_DECIMAL, list("-+.0123456789")),
):
    LecteurYaml.add_implicit_resolver(f"tag:yaml.org,2002:{_etiquette}", re.compile(f"^(?:{_motif})$"), _debuts)
LecteurYaml.add_constructor("tag:yaml.org,2002:int", LecteurYaml.construire_nombre)
LecteurYaml.add_constructor("tag:yaml.org,2002:float", LecteurYaml.construire_nombre)
LecteurYaml.add_constructor("tag:yaml.org,2002:bool", LecteurYaml.construire_booleen)


def lire_yaml(chemin, quoi: str = "the file", erreur=None):
    """The YAML file at `chemin`, read with LecteurYaml; `erreur` (an EntreeInvalideError class) naming the file
    and, for a syntax problem, its line and column, otherwise."""
    try:
        return yaml.load(Path(chemin).read_bytes().decode("utf-8"), Loader=LecteurYaml)
    except UnicodeDecodeError:
        probleme = pas_de_l_utf8(chemin)
    except yaml.MarkedYAMLError as exception:
        marque = exception.problem_mark
        probleme = exception.problem + (f" (line {marque.line + 1}, column {marque.column + 1})" if marque else "")
    except RecursionError:
        probleme = "it is nested too deeply"
    except (OSError, yaml.YAMLError) as exception:
        probleme = str(exception).splitlines()[0]
    raise (erreur or EntreeInvalideError)([f"Cannot read {quoi} '{chemin}': {probleme}"])


# Parameters and reforms

# The kind of value a parameter holds, from its unit: the same types and ranges as the model's inputs.
GENRES = {"/1": "taux", "currency-EUR": "montant", "bool": "booleen", "date": "date"}
NOMBRES_ENTIERS = ("session", "person", "fabrique", "month")  # counts and whole months


def trouver_parametre(parametres, chemin: str, feuille: bool = False):
    """The parameter or node at a dotted path (a parameter only, if `feuille`); a ReformeInvalideError naming the
    path, with close names or a node's parameters, otherwise."""
    noeud = parametres
    for nom in str(chemin).split("."):
        enfants = getattr(noeud, "children", {})
        if nom not in enfants:
            tous = [p.name for p in parametres.get_descendants()]
            proches = difflib.get_close_matches(str(chemin), tous, n=3, cutoff=0.5)
            suggestion = f" Did you mean: {', '.join(proches)}?" if proches else ""
            raise ReformeInvalideError([f"Unknown parameter '{chemin}'.{suggestion}"])
        noeud = enfants[nom]
    if feuille and not hasattr(noeud, "values_list"):
        noms = ", ".join(p.name for p in noeud.get_descendants() if hasattr(p, "values_list"))
        raise ReformeInvalideError([f"'{chemin}' is a node, not a parameter; its parameters are: {noms}"])
    return noeud


def genre(parametre) -> str:
    """'taux', 'montant', 'entier', 'nombre', 'booleen', 'date' or 'dates': what values the parameter takes."""
    unite = parametre.metadata.get("unit")
    valeurs = [v.value for v in parametre.values_list if v.value is not None]
    if unite == "date":
        return "dates" if any(isinstance(v, list) for v in valeurs) else "date"
    if unite in GENRES:
        return GENRES[unite]
    if unite in NOMBRES_ENTIERS or all(isinstance(v, int) and not isinstance(v, bool) for v in valeurs):
        return "entier"
    return "booleen" if any(isinstance(v, bool) for v in valeurs) else "nombre"


def lire_jour(cle) -> date | None:
    """A date key of a reform as a date; None if it is not a date YYYY-MM-DD within the model's days."""
    jour = _jour(cle)
    return date.fromisoformat(jour) if jour else None


def erreur_de_valeur(parametre, valeur) -> str | None:
    """Why `valeur` cannot be a value of `parametre` (by its unit, see `genre`), or None."""
    if valeur is None:  # "unknown": only where the texts already leave this parameter unknown somewhere
        inconnu = any(v.value is None for v in parametre.values_list)
        return None if inconnu else "expects a value; null (unknown) is only for parameters the texts leave unknown"
    sorte = genre(parametre)
    if sorte == "booleen":
        return None if isinstance(valeur, bool) else f"expects true or false, got {court(valeur)}"
    if sorte == "date":
        return erreur_de_date(valeur)
    if sorte == "dates":
        if not isinstance(valeur, list) or not valeur:
            return f"expects a non-empty list of dates YYYY-MM-DD, got {court(valeur)}"
        for jour in valeur:
            if erreur_de_date(jour):
                return f"expects dates as YYYY-MM-DD from {PREMIER_JOUR} to {DERNIER_JOUR}, got {court(jour)}"
        if sorted(set(valeur)) != valeur:
            return f"expects dates in increasing order, each once, got {court(valeur)}"
        return None
    probleme = erreur_de_nombre(valeur, entier=sorte == "entier")
    if probleme:
        return probleme
    if valeur < 0:
        return f"expects a number >= 0, got {court(valeur)}"
    if sorte == "taux" and valeur > 1:
        return f"is a rate: expects a number between 0 and 1, got {court(valeur)}"
    return None


# Sweeps


def taille_du_balayage(nombre, donne: str) -> None:
    """The one check of a sweep's size, for a range of the CLI (counted before any value is allocated) and for
    `analyse.balayer`'s values: 2 to MAX_VALEURS_BALAYAGE values; `donne` says what gave `nombre`."""
    if nombre > MAX_VALEURS_BALAYAGE:
        raise ReformeInvalideError(
            f"a sweep computes at most {MAX_VALEURS_BALAYAGE} values; {donne}: take a larger step"
        )
    if nombre < 2:
        raise ReformeInvalideError(f"a sweep compares at least 2 values; {donne}")


def valeurs_du_balayage(debut: float, fin: float, pas: float | None = None) -> list[float]:
    """The values from `debut` to `fin` (included if a step lands on it) by `pas` (default: a tenth of the
    range, 11 values), checked (finite, --from <= --to, --step > 0, 2 to MAX_VALEURS_BALAYAGE values) before
    any is allocated. The count is the one the values are made from, so the check and the sweep agree."""
    bornes = f"--from {debut:g} --to {fin:g}"
    if not all(map(math.isfinite, (debut, fin, 0 if pas is None else pas))):
        raise EntreeInvalideError(f"--from, --to and --step must be finite numbers, got {debut}, {fin}, {pas}")
    if debut > fin:
        raise EntreeInvalideError(f"a sweep needs --from <= --to, got {bornes}")
    if pas is not None and pas <= 0:
        raise EntreeInvalideError(f"a sweep needs --step > 0, got --step {pas:g}")
    etendue = fin - debut
    if not math.isfinite(etendue):
        raise EntreeInvalideError(f"{bornes}: the range is wider than a number holds")
    if etendue == 0:
        taille_du_balayage(1, f"{bornes} gives 1: give --to above --from")
    pas = etendue / 10 if pas is None else pas
    intervalles = etendue / pas  # +1e-9: a step that lands on --to up to rounding (0 to 0.3 by 0.1) reaches it
    nombre = math.floor(intervalles + 1e-9) + 1 if math.isfinite(intervalles) else math.inf
    combien = "more than a float counts" if nombre == math.inf else str(nombre)
    taille_du_balayage(nombre, f"{bornes} --step {pas:g} gives {combien}" + ": take a smaller step" * (nombre < 2))
    return numpy.minimum(debut + pas * numpy.arange(nombre), fin).tolist()


def valeurs_a_balayer(valeurs) -> list:
    """The values of a sweep given one by one (`analyse.balayer`), checked by the same rule as a range; an
    iterable without a length is read no further than one value past the limit."""
    if not isinstance(valeurs, Sized):
        valeurs = list(itertools.islice(valeurs, MAX_VALEURS_BALAYAGE + 1))
    taille_du_balayage(len(valeurs), f"{len(valeurs)} given")
    return list(valeurs)


# The command line's output paths


class SortieInvalideError(EntreeInvalideError):
    """An output path that cannot be written."""


def fichier_de_sortie(chemin: str) -> Path:
    """A file the command may write (`--out`), checked before anything is computed."""
    if not chemin.strip():
        raise SortieInvalideError("--out is empty: give a file name (or leave --out out for standard output)")
    sortie = Path(chemin)
    if sortie.is_dir():
        raise SortieInvalideError(f"--out '{chemin}' is a folder; give a file name")
    if not sortie.parent.is_dir():
        raise SortieInvalideError(f"--out '{chemin}': the folder '{sortie.parent}' does not exist")
    if not os.access(sortie.parent, os.W_OK) or (sortie.exists() and not os.access(sortie, os.W_OK)):
        raise SortieInvalideError(f"--out '{chemin}': not writable")
    return sortie


def dossier_de_sortie(chemin: str) -> Path:
    """A folder the command may write into (`--out`, created if missing), checked before anything is computed."""
    if not chemin.strip():
        raise SortieInvalideError("--out is empty: give a folder (it is created if missing)")
    sortie = Path(chemin)
    if sortie.exists() and not sortie.is_dir():
        raise SortieInvalideError(f"--out '{chemin}' is a file; give a folder (it is created if missing)")
    try:
        sortie.mkdir(parents=True, exist_ok=True)
    except OSError as erreur:
        raise SortieInvalideError(f"--out '{chemin}': cannot create the folder ({erreur.strerror})") from None
    if not os.access(sortie, os.W_OK):
        raise SortieInvalideError(f"--out '{chemin}': not writable")
    return sortie


# The month a request computes


def mois_calcule(corps: dict, analyse: SituationAnalysee) -> str:
    """The month a request `{"situation": …, "period": …}` computes: `period` if given, else the single period
    its situation's inputs and requests use. Refused when an input is given for a period that does not contain
    that month (it would be ignored without a word)."""
    if "period" in corps:
        texte = corps["period"]
    else:
        textes = {texte for _, texte in analyse.entrees} | {demande[4] for demande in analyse.demandes}
        if len(textes) != 1:
            raise PeriodeInvalideError("'period' is missing: give the month to compute, such as 2015-10")
        texte = textes.pop()
    try:
        periode = un_mois(texte)
    except PeriodeInvalideError as erreur:
        raise PeriodeInvalideError([f"'period': {probleme}" for probleme in erreur.erreurs]) from None
    mois = periods.period(periode)
    hors = [
        f"'situation': field '{variable}' is given for {texte}, which does not contain the period computed, "
        f"{periode}: give it for {periode} (or its year)"
        for variable, texte in analyse.entrees
        if not periods.period(texte).contains(mois)
    ]
    if hors:
        raise PeriodeInvalideError(hors)
    return periode


def incoherences_des_regles(parametres, changes=()) -> list[str]:
    """What a set of rules (a reform's) says that cannot hold together, where every dossier would silently
    come out ineligible: a call whose window is empty (it opens after one of its deadlines), a training
    duration range that is empty (a minimum above a maximum). Each message names the parameter at fault:
    the first of those involved that the reform `changes`."""

    def en_cause(*chemins):
        return next((chemin for chemin in chemins if chemin in changes), chemins[0])

    erreurs = []
    for ouverture in reversed(parametres.calendrier.date_ouverture.values_list):  # oldest first
        if ouverture.value is None:
            continue
        limites = parametres.get_at_instant(periods.instant(ouverture.instant_str)).calendrier.dates_limites_depot
        if limites and min(limites) < ouverture.value:
            erreurs.append(
                f"'{en_cause('calendrier.date_ouverture', 'calendrier.dates_limites_depot')}' "
                f"({ouverture.instant_str}): the call opening on {ouverture.value} has a deadline "
                f"before it ({min(limites)}): no dossier could answer it"
            )
    lectures = parametres.interpretations.duree_maximale_selon_le_ministre
    duree = parametres.labellisation.duree_formation
    jours = {valeur.instant_str for bornes in [*duree.children.values(), lectures] for valeur in bornes.values_list}
    for jour in sorted(jours):
        regles = parametres.get_at_instant(periods.instant(jour))
        bornes = regles.labellisation.duree_formation
        maximum = (
            "maximum_mois_selon_le_ministre"
            if getattr(regles.interpretations, "duree_maximale_selon_le_ministre", None)  # null: not this call's
            else "maximum_mois"
        )
        if bornes.minimum_mois > bornes[maximum]:
            chemin = en_cause(
                f"labellisation.duree_formation.{maximum}",
                "labellisation.duree_formation.minimum_mois",
                "interpretations.duree_maximale_selon_le_ministre",
            )
            erreurs.append(
                f"'{chemin}' ({jour}): minimum_mois ({bornes.minimum_mois:g}) is above {maximum} "
                f"({bornes[maximum]:g}): no training could be eligible"
            )
    return erreurs
