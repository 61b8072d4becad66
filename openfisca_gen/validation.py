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
- ids: non-empty, without '/'.

Every problem is one message naming the row or entity, the field and the
period; all of them travel together in one `EntreeInvalideError` (`.erreurs`).
The CLI catches it once in `main()`, the web app once (a 400 with `error` and
`errors`).

`analyser_situation` checks a situation in the web API's JSON shape and keeps
what it read (ids, groups, typed inputs, requested values), so that
`simuler` builds the simulation from it directly, in time linear in its size.
"""

import copy
import functools
import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime

import numpy
import pandas
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


def court(valeur, longueur: int = 40) -> str:
    """`repr(valeur)`, cut short: a 400-digit number is named, not printed whole."""
    if isinstance(valeur, numpy.generic):
        valeur = valeur.item()
    if isinstance(valeur, int) and abs(valeur) >= 10**longueur:
        return f"a {len(str(abs(valeur)))}-digit number"
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
    for texte, valeur in valeurs.items():
        periode, probleme = lire_periode(texte)
        if probleme:
            erreurs.append(f"{ici}: {probleme}")
        elif valeur is None:  # a computation is requested: exactly one period of the variable
            if (periode.unit, periode.size) != (variable.definition_period, 1):
                erreurs.append(
                    f"{ici}: is defined by {variable.definition_period}, request a period such as 2015-10, "
                    f"not '{texte}'"
                )
            else:
                analyse.demandes.append((entite.plural, identifiant, indice, cle, texte))
        elif periode.unit == DateUnit.ETERNITY or periods.unit_weight(periode.unit) < periods.unit_weight(
            variable.definition_period
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
