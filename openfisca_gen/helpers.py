"""Helpers shared by the formulas: which call's rules judge a dossier or a campaign, money amounts, shares.

A dossier is judged under the rules of **its** call: the call whose window
(opening day to deadline or last cut-off, both included) contains its filing
date. Those rules are the parameters in force on the call's opening day, and
they apply in every month computed from that opening on: the month computed
never changes a dossier's eligibility or funding. The calls are read from the
simulated rules (`calendrier.date_ouverture`), so a reform that moves a call
moves its window. A dossier's facts (the inputs it states) are defined for
all time (ETERNITY): given once, they hold in every month computed.

A campaign is judged under its own call too (`appel_de_la_campagne`, the call
its dossiers answer): its objectives, envelope and way of counting fabriques
are that call's, whatever the month computed (`selon_appel_de_la_campagne`).
A campaign whose dossiers answer no call, or several, has none: its
objectives are then non_applicable.
"""

import functools

import numpy
from openfisca_core import periods
from openfisca_core.model_api import Variable


def ouvertures_des_appels(parametres) -> list:
    """The calls, in order, as the values of `calendrier.date_ouverture` that start them: a call's rules are
    those in force on the date its value starts (where every rule of the call is dated), its window opens on
    the day the value names (a reform may move it). The same day restated from a later date is the same call."""
    appels, precedente = [], None
    for valeur in sorted(parametres.calendrier.date_ouverture.values_list, key=lambda valeur: valeur.instant_str):
        if valeur.value is not None and valeur.value != precedente:
            appels.append(valeur)
        precedente = valeur.value
    return appels


def regles_des_appels(population, period, parameters) -> list:
    """The rules of each call opened by the end of `period`, in order: call n is element n - 1."""
    return regles_ouvertes(population.simulation.tax_benefit_system.parameters, parameters, period)


def regles_ouvertes(arbre, parameters, period) -> list:
    """The rules of each call of the parameter tree `arbre` opened by the end of `period` (`parameters`: the
    rules at an instant), in order."""
    fin = dernier_jour(period)
    return [parameters(_instant(appel.instant_str)) for appel in ouvertures_des_appels(arbre) if appel.value <= fin]


# Every formula asks for the calls' rules: OpenFisca's period arithmetic and date parsing, 12 µs each, were most of
# it (a request of one training asks 14 times, the readings' analysis thousands). Both are pure, on a few values.
@functools.lru_cache(maxsize=1024)
def dernier_jour(period) -> str:
    """The last day of a period (an OpenFisca Period or its text), whose rules the period applies, as 'YYYY-MM-DD'."""
    return str(periods.period(period).stop)


_instant = functools.lru_cache(maxsize=1024)(periods.instant)


def seconde_vague(calendrier) -> tuple | None:
    """(opening day, deadline) of a call's second wave where both are known, else None (the 2018 call's second
    wave was announced, never shown to open: null)."""
    vague = getattr(calendrier, "seconde_vague", None)
    jours = [getattr(vague, nom, None) for nom in ("date_ouverture", "date_limite_depot")]
    return None if None in jours else tuple(map(numpy.datetime64, jours))


def fenetres(calendrier) -> list[tuple]:
    """The windows of a call, each (opening day, last deadline or cut-off), both days included: its own, and its
    second wave's where known."""
    premiere = numpy.datetime64(calendrier.date_ouverture), max(map(numpy.datetime64, calendrier.dates_limites_depot))
    return [premiere, *filter(None, [seconde_vague(calendrier)])]


def releves(calendrier) -> numpy.ndarray:
    """A call's cut-off days, sorted: its deadlines, and its second wave's where known."""
    vague = seconde_vague(calendrier)
    jours = [*calendrier.dates_limites_depot, *([vague[1]] if vague else [])]
    return numpy.sort(numpy.array(jours, dtype="datetime64[D]"))


def numeros_d_appel(depots, regles: list) -> numpy.ndarray:
    """For each filing date, the number of the call one of whose windows contains it (`regles`: each call's
    rules, in order), 0 for none. A loop over the calls."""
    jours = numpy.asarray(depots, dtype="datetime64[D]").view(numpy.int64)  # days: compared 5x faster than dates
    appel = None
    for numero, regles_appel in enumerate(regles, 1):
        for ouverture, cloture in fenetres(regles_appel.calendrier):
            dans = jours >= ouverture.astype("datetime64[D]").astype(numpy.int64)
            dans &= jours <= cloture.astype("datetime64[D]").astype(numpy.int64)
            numeros = dans * numpy.int32(numero)
            # A maximum, 2.5x faster than `appel[dans] = numero` (two calls' windows never meet: reforms.coherence).
            # The first window's numbers are the array itself: no array of zeros to fill first.
            appel = numeros if appel is None else numpy.maximum(appel, numeros, out=appel)
    return numpy.zeros(jours.shape, dtype=numpy.int32) if appel is None else appel


def appels_pas_encore_ouverts(tax_benefit_system, depots, period) -> numpy.ndarray:
    """Where a dossier filed on `depots` answers a call that had not opened by the end of `period`: computed in
    that month, it answers no call (not labelled, 0 €); from its call's opening on, that call judges it."""
    arbre, lire = tax_benefit_system.parameters, tax_benefit_system.get_parameters_at_instant
    derniere = max(str(appel.value) for appel in ouvertures_des_appels(arbre))[:7]  # the day named: a reform moves it
    ouverts = numeros_d_appel(depots, regles_ouvertes(arbre, lire, periods.period(period)))
    return (ouverts == 0) & (numeros_d_appel(depots, regles_ouvertes(arbre, lire, periods.period(derniere))) > 0)


def appels_concernes(parametres, chemin: str) -> list[int]:
    """The calls (numbers, in order) a reading concerns: those under whose rules the switch at `chemin` has a
    value. A switch is null from the opening of a call it does not concern, and has no value before the first
    call it concerns."""
    parametre = functools.reduce(getattr, chemin.split("."), parametres)
    return [
        numero
        for numero, appel in enumerate(ouvertures_des_appels(parametres), 1)
        if parametre(appel.instant_str) is not None
    ]


def selon_appel(formation, period, parameters, lire, defaut=0):
    """For each training, `lire(rules)` under its dossier's call; `defaut` before the first call."""
    return par_appel(
        formation, period, [lire(regles) for regles in regles_des_appels(formation, period, parameters)], defaut
    )


def par_appel(formation, period, valeurs: list, defaut=0):
    """For each training, `valeurs[n - 1]` where its dossier answers call n; `defaut` before the first call.

    A dossier of no call (filed outside every window) takes the value of the
    call in force in the month, so that its conditions can still be explained;
    it is never eligible. A loop over the calls (three), not over the trainings.
    Where every training reads one value (before the first call, or one call
    open), that value is returned as a numpy scalar, not a million copies of it:
    numpy broadcasts it, OpenFisca fills the array of a formula that returns it."""
    if len(valeurs) <= 1:  # before the first call, or every dossier reads the first call's rules
        valeur = valeurs[0] if valeurs else defaut
        return valeur if numpy.ndim(valeur) else numpy.asarray(valeur)[()]
    appel = formation("appel_du_dossier", period)
    return selon_numero(numpy.where(appel == 0, len(valeurs), appel), valeurs, defaut)


def selon_appel_de_la_campagne(campagne, period, parameters, lire, defaut=0):
    """For each campaign, `lire(rules)` under its own call (appel_de_la_campagne); `defaut` where it has none
    (no dossier answers a call, or its dossiers answer several)."""
    valeurs = [lire(regles) for regles in regles_des_appels(campagne, period, parameters)]
    return par_appel_de_la_campagne(campagne, period, valeurs, defaut)


def par_appel_de_la_campagne(campagne, period, valeurs: list, defaut=0):
    """For each campaign, `valeurs[n - 1]` where its call is n; `defaut` where it has none."""
    return selon_numero(campagne("appel_de_la_campagne", period), valeurs, defaut)


def selon_numero(appel, valeurs: list, defaut):
    """`valeurs[n - 1]` where `appel` is n, `defaut` elsewhere (0: no call). A loop over the calls."""
    if not valeurs:
        return numpy.full(numpy.shape(appel), defaut)
    return numpy.select([appel == numero for numero in range(1, len(valeurs) + 1)], valeurs, defaut)


# The switch that carries the 2015 national objectives (30 % women, 50 % NEET) into the 2018 call, which sets none
OBJECTIFS_MAINTENUS = "interpretations.objectifs_nationaux_2015_maintenus_en_2018"


def valeurs_des_appels(population, period, parameters, chemin: str, reconduction: str | None = None) -> list:
    """Per call opened by the end of `period`, in order: the value at `chemin` under that call's rules, None
    where the call sets none. Where it sets none and the switch at `reconduction` is true under it, the
    latest value an earlier call set carries over."""
    valeurs, derniere = [], None
    for regles in regles_des_appels(population, period, parameters):
        valeur = facultatif(population, regles, chemin)
        reconduite = valeur is None and reconduction and facultatif(population, regles, reconduction)
        valeurs.append(derniere if reconduite else valeur)
        derniere = derniere if valeur is None else valeur
    return valeurs


def conditions_applicables(regles, regles_premier_appel) -> dict[str, str]:
    """The eligibility conditions that apply under a call's rules: {condition variable: the parameter
    that makes it apply}. A condition applies when its switch under labellisation.conditions (the
    texts) or interpretations.conditions (a disputed reading) is true."""
    applicables = {
        nom: f"{chemin}.{nom}"
        for chemin in ("labellisation.conditions", "interpretations.conditions")
        for noeud in [functools.reduce(getattr, chemin.split("."), regles)]
        for nom in noeud
        if noeud[nom]
    }
    if getattr(regles.interpretations, "conditions_2015_maintenues_en_2018", None):  # None: not a call it concerns
        premieres = regles_premier_appel.labellisation.conditions
        for nom in premieres:
            if premieres[nom]:
                applicables.setdefault(nom, "interpretations.conditions_2015_maintenues_en_2018")
    return applicables


def facultatif(population, regles, chemin: str):
    """The value at `chemin` in a call's rules, or None where the call sets none (`value: null`, or no value
    yet: OpenFisca then leaves the parameter out of the rules at that instant). A path that names no
    parameter of the model raises an AttributeError instead of passing for "unknown"."""
    functools.reduce(getattr, chemin.split("."), population.simulation.tax_benefit_system.parameters)
    *noeuds, nom = chemin.split(".")
    noeud = functools.reduce(getattr, noeuds, regles)
    return getattr(noeud, nom, None)  # the path exists: absent here means not set by this call


def lecture(population, regles, nom: str) -> bool:
    """The reading `interpretations.<nom>` under a call's rules; false where it does not concern that call (null
    there, or no value yet): that call's own rule then applies, which the caller names. A reform's true there
    changes it (reforms.parametriques warns where one reaches such a call)."""
    valeur = facultatif(population, regles, f"interpretations.{nom}")
    return False if valeur is None else valeur


def seuil_selon_appel(formation, period, parameters, chemin: str):
    """For each training, the threshold at `chemin` under its dossier's call; infinite where that call sets
    none (or before the first call), so that no value reaches a threshold that does not exist."""

    def seuil(regles):
        valeur = facultatif(formation, regles, chemin)
        return numpy.inf if valeur is None else valeur

    return selon_appel(formation, period, parameters, seuil, numpy.inf)


class ReelExact(Variable):
    """A `float` variable stored in float64 rather than OpenFisca's float32 (subclasses still declare
    `value_type = float`: OpenFisca reads a variable's attributes from its own class only). For money, float32
    is exact to the euro only up to 2^24 € (16.8 M€); in float64 totals and envelope comparisons stay exact to
    the cent up to 10^9 €. For shares, 7 / 20 stored in float32 falls below an objective of 0.35."""

    def __init__(self, baseline_variable=None) -> None:
        super().__init__(baseline_variable)
        self.dtype = numpy.float64  # OpenFisca sets the dtype from value_type, as it does for sized strings


def au_millionieme(total: numpy.ndarray, nombres) -> numpy.ndarray:
    """Sums of amounts, in place, each snapped to the millionth of a euro where it is that millionth but for what
    float64 may have added to its last digits: each of its `nombres` amounts rounded once or twice (a share of a
    ceiling: a division, a product), then each addition (up to 2^-53 of the total each), together within
    nombres x 2^-52 of the total. 70 000,00000000001 € and 69 999,99999999999 €, the same trainings' 70 000 €
    summed in two orders, are 70 000 €: a total of amounts in cents (or in any millionths) is the same in any
    order of the rows, and one exactly at a ceiling or an envelope is at it. A total further from a millionth is
    left as it is; beyond 4.5·10^9 €, where that allowance passes half a millionth, every total is rounded to the
    millionth, by an ulp at most beyond 9·10^9 €, where every float is a whole number of millionths."""
    millioniemes = total * 1e6
    arrondis = numpy.rint(millioniemes)
    millioniemes -= arrondis
    ecarts = numpy.abs(millioniemes, out=millioniemes)
    ecarts *= 2.0**52  # compared with arrondis x nombres, not x (nombres x 2^-52): the same, in one pass fewer
    return numpy.divide(arrondis, 1e6, out=total, where=ecarts <= numpy.multiply(arrondis, nombres))


def nombres_de_membres(groupe) -> numpy.ndarray:
    """How many members each group has: counted once per population where it is the model's
    (`simulation.Groupes`, which keeps the count while its members stay the same array), else counted here."""
    compter = getattr(groupe, "nombres_de_membres", None)
    return compter() if compter else numpy.bincount(groupe.members_entity_id, minlength=groupe.count)


def somme_de_montants(groupe, montants) -> numpy.ndarray:
    """Each group's sum of its members' `montants`, snapped to the millionth of a euro (`au_millionieme`): the same
    in any order of the rows."""
    if groupe.count == 1:  # one campaign of every training: numpy's pairwise sum, ten times faster than in order
        return au_millionieme(numpy.array([0.0 + numpy.sum(montants, dtype=numpy.float64)]), montants.size)
    return au_millionieme(groupe.sum(montants), nombres_de_membres(groupe))


def total_par_appel(groupe, montants, appels) -> numpy.ndarray:
    """For each member, the sum of `montants` over its group's members of the same call (`appels`, 0 for none),
    snapped to the millionth (`au_millionieme`, allowing for every member of the group: the members of other calls
    add nothing, and the count is the group's, made once). Keyed by group alone where that sums the same, twice as
    fast as a (group, call) key: every member answers one call, or those of a call answer the same one and those
    of none have nothing (0.0 adds nothing to a sum; their own total, 0, is set after)."""
    membres, nombres, sans_appel = groupe.members_entity_id, nombres_de_membres(groupe), None
    if appels.size and appels.min() < appels.max():
        sans_appel = appels == 0
        # the first call answered: appel - 1 read unsigned, no call (0) is the largest; of any integer type, in one pass
        premier = numpy.subtract(appels, 1, dtype=numpy.uint32, casting="unsafe").min() + 1
        if premier < appels.max() or numpy.logical_and(montants != 0, sans_appel).any():
            appel_max = int(appels.max()) + 1
            cles = membres * appel_max
            cles += appels  # in place: one key of a million values, not two
            totaux = numpy.bincount(cles, montants, minlength=groupe.count * appel_max)
            return au_millionieme(totaux, nombres.repeat(appel_max)).take(cles)
    # summed in the members' order, as a group's sum is; `take` gathers twice as fast as `[membres]`
    totaux = au_millionieme(numpy.bincount(membres, montants, minlength=groupe.count), nombres)
    par_membre = totaux.take(membres)
    if sans_appel is None:
        return par_membre
    if totaux.min(initial=0.0) >= 0 and totaux.max(initial=0.0) < numpy.inf:  # x 0 is +0: five times `where`'s speed
        return numpy.multiply(par_membre, ~sans_appel, out=par_membre)
    return numpy.where(sans_appel, 0.0, par_membre)  # an amount set by hand, below 0 or not finite: its sign kept


def reduire_par_groupe(groupe, valeurs, vide, operation=numpy.maximum) -> numpy.ndarray:
    """`operation` (numpy.maximum, numpy.minimum) over each group's members' `valeurs`, `vide` for a group without
    members: one pass over the members, where OpenFisca's `max` and `min` loop over member ranks (the largest
    group's size times the population: quadratic for one campaign of every training)."""
    resultat = numpy.full(groupe.count, vide, dtype=valeurs.dtype)
    if groupe.count == 1:  # one campaign of every training: a reduction, 40x faster than `at`
        resultat[0] = operation.reduce(valeurs, initial=vide)
    else:
        operation.at(resultat, groupe.members_entity_id, valeurs)
    return resultat


def selon(condition, si_vrai, si_faux):
    """`numpy.where(condition, si_vrai, si_faux)`, but `si_vrai` or `si_faux` itself where `condition` is the same
    for every value, as a reading or a convention is under one call: `numpy.where` costs three arithmetic passes
    on a million values."""
    if condition.all():
        return si_vrai
    return si_faux if not condition.any() else numpy.where(condition, si_vrai, si_faux)


def et(tableau, condition):
    """`tableau & condition`, where `condition` may be one value for every training (a reading or a convention
    under one call, as `par_appel` returns it): then `tableau` itself or all false. numpy has no vectorised loop
    for a boolean array and a scalar: 30x slower than for two arrays on a million values. The result may be
    `tableau` itself: never write into it."""
    if numpy.ndim(condition):
        return tableau & condition
    return tableau if condition else numpy.zeros_like(tableau)


def part(nombre, total):
    """`nombre / total`, and 0 where `total` is 0: a share is never NaN."""
    return numpy.divide(nombre, total, out=numpy.zeros(numpy.shape(total)), where=total > 0)
