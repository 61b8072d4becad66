"""How far the disputed and inferred readings of the texts move the results.

A reading is a switch: any boolean parameter under the node `interpretations`
(found in the parameter tree, never listed here). Its default is the reading
the model applies; switching it negates each of its dated values.

    from openfisca_gen.interpretations import analyser_interpretations
    analyse = analyser_interpretations(population, "2015-10")
    analyse.effets, analyse.plages, analyse.formations   # DataFrames
    print(analyse.texte()); analyse.ecrire("interpretations/")

Every combination of switches is computed when there are at most
`MAX_COMBINAISONS`; beyond, a seeded sample of combinations, each with its
single switches flipped (so that a training's dependence on a switch is still
seen on pairs of combinations that differ by that switch alone).
"""

import textwrap
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy
import pandas
from openfisca_core import periods
from openfisca_core.reforms import Reform

from openfisca_gen.analyse import VARIABLES_CAMPAGNE, a_change, decrire_population
from openfisca_gen.helpers import dernier_jour, ouvertures_des_appels
from openfisca_gen.population import une_population
from openfisca_gen.rapports import graphiques
from openfisca_gen.rapports.libelles import LECTURES, OBJECTIFS_COURTS, libelle
from openfisca_gen.rapports.tableaux import csv_propre, lisible, signe
from openfisca_gen.simulation import construire_simulation
from openfisca_gen.sources import confiance, textes_des_references
from openfisca_gen.systeme import la_loi
from openfisca_gen.validation import un_mois
from openfisca_gen.validation.erreurs import en_francais
from openfisca_gen.validation.sorties import dossier_de_sortie, sans_ecraser, un_entier_positif, un_systeme, une_langue

NOEUD = "interpretations"
BASCULE = "switched: "  # `combinaisons`' column of a switch: whether it is switched, not the reading's value
MAX_COMBINAISONS = 2**12
# Per campaign, summed over campaigns: the total cost, the trainings labelled, and the number of campaigns
# meeting each national objective (the analyst report's); the shares are pooled over campaigns.
COUT, LABELLISEES = "cout_financement_amorcage_campagne", "nombre_formations_labellisees"
PARTS = ("part_femmes_campagne", "part_jeunes_neet_peu_qualifies_campagne")
OBJECTIFS = tuple(nom for nom in VARIABLES_CAMPAGNE if nom.startswith("objectif_"))
INDICATEURS = (COUT, LABELLISEES, *PARTS, *OBJECTIFS)
# The tables `AnalyseInterpretations.ecrire` writes, one CSV each: known before anything is computed
FICHIERS = tuple(f"{nom}.csv" for nom in ("interpretations", "effets", "plages", "formations", "combinaisons"))


def _libelles(langue: str) -> dict:
    """Display labels of the analysis's keys (tables are keyed by names)."""
    courts = OBJECTIFS_COURTS[une_langue(langue)]
    objectifs = {nom: LECTURES[langue]["objectif"].format(nom=court) for nom, court in courts.items()}
    return {cle: libelle(cle, langue) for cle in (*INDICATEURS, "eligibility_changes", "funding_changes")} | objectifs


def interrupteurs(tax_benefit_system, noeuds=(NOEUD,)) -> list:
    """The boolean parameters under the nodes `noeuds` (default: `interpretations`), by name; [] without them. A
    switch is null from the opening of a call it does not concern."""
    presents = [tax_benefit_system.parameters.children.get(nom) for nom in noeuds]
    feuilles = [
        f for n in presents if n is not None for f in ([n] if hasattr(n, "values_list") else n.get_descendants())
    ]
    booleens = [p for p in feuilles if getattr(p, "values_list", None)]
    return sorted(
        (
            p
            for p in booleens
            if all(isinstance(v.value, bool) or v.value is None for v in p.values_list)
            and any(isinstance(v.value, bool) for v in p.values_list)
        ),
        key=lambda p: p.name,
    )


def nom_court(parametre) -> str:
    return parametre.name.removeprefix(f"{NOEUD}.")


class _Copie(Reform):
    """One deep copy of the rules, whose switches are then set in place for each combination.

    OpenFisca memoises the parameters at each instant class-wide (an lru_cache keyed by system); this
    system memoises them itself, so that setting a switch forgets its own values and no other system's."""

    name = "Lectures des textes"

    def apply(self) -> None:
        self.modify_parameters(modifier_function=lambda parametres: parametres)
        self.memoire = {}

    def get_parameters_at_instant(self, instant):
        instant = instant.start if isinstance(instant, periods.Period) else periods.instant(instant)
        if instant not in self.memoire:
            self.memoire[instant] = self.parameters.get_at_instant(instant)  # ParameterNode's public lookup
        return self.memoire[instant]


class Lectures:
    """The rules under any combination of readings, from one copy of the parameters (`systeme`).

    `sous(simulation, bascules)` sets the switches (`regler`) and makes a simulation of `systeme` forget
    what it computed before: one simulation serves every combination. `noms`: the switches, relative to the node."""

    def __init__(self, tax_benefit_system, noeuds=(NOEUD,)) -> None:
        self.systeme = _Copie(tax_benefit_system)
        self.parametres = interrupteurs(self.systeme, noeuds)
        self.noms = [nom_court(p) for p in self.parametres]
        if len(self.noms) > 62:
            raise ValueError(f"{len(self.noms)} switches under '{NOEUD}': at most 62 are supported")
        # Each dated value as (start, stop, value), so that every segment can be negated.
        self.segments = [
            [
                (
                    periods.instant(v.instant_str),
                    periods.instant(suivant.instant_str).offset(-1, periods.DAY) if suivant else None,
                    v.value,
                )
                for v, suivant in zip(p.values_list, [None, *p.values_list[:-1]], strict=True)
            ]
            for p in self.parametres
        ]
        self.formules = [nom for nom, variable in self.systeme.variables.items() if variable.formulas]
        self.a_oublier = self.formules  # what `sous` forgets: every formula until `suivre` knows better
        self.dependantes_de = None  # per switch, the variables that depend on it (`suivre`), where known
        self.couts = {}  # per variable, the time its formula took under the defaults (`suivre`)

    def defauts(self, period) -> list:
        """Each switch's default: its value in force on the period's last day, or, where it is null then (it does
        not concern the call in force), its latest value where it concerns a call."""
        jour = dernier_jour(period)
        en_vigueur = [next((v for debut, _, v in segments if str(debut) <= jour), None) for segments in self.segments]
        return [
            valeur if valeur is not None else next((v for _, _, v in segments if v is not None), None)
            for valeur, segments in zip(en_vigueur, self.segments, strict=True)
        ]

    def regler(self, bascules, seulement=None) -> None:
        """Switch i to its other reading where `bascules[i]` is true, to its default otherwise; only for the calls
        it concerns (a null value, where it concerns none, stays null). `seulement`: the switches to set (all)."""
        for i in range(len(self.noms)) if seulement is None else seulement:
            parametre, bascule = self.parametres[i], bascules[i]
            for debut, fin, valeur in self.segments[i]:
                if valeur is not None:
                    parametre.update(start=debut, stop=fin, value=valeur != bool(bascule))
        self.systeme.memoire.clear()

    def sous(self, simulation, bascules, avant=None):
        """`simulation` (of `systeme`) ready to compute again, under the readings `bascules`. With `avant`, the
        readings it last computed under: only what depends on a switch that changed is forgotten (`suivre`)."""
        oublier, changes = self.a_oublier, None
        if avant is not None and self.dependantes_de is not None:
            changes = numpy.flatnonzero(numpy.asarray(avant) != numpy.asarray(bascules))
            oublier = set().union(*(self.dependantes_de[i] for i in changes))
        self.regler(bascules, changes)
        for nom in oublier:
            simulation.delete_arrays(nom)
        return simulation

    def suivre(self, simulation, calculer, interrupteurs=()):
        """Run `calculer(simulation)` under the defaults with OpenFisca's tracer, and from then on make `sous`
        forget only the variables whose value depends on a switch: those that read one, or a variable that
        does. Sound: a formula that reads no switch and only such variables takes the same path and gives the
        same value under every reading. With `interrupteurs` (indices), each is also switched alone, traced:
        where every run found the same variables depending on the same switches, `sous(…, avant=…)` forgets
        only what depends on the switches that changed. Returns what `calculer` returned under the defaults."""
        defauts = numpy.zeros(len(self.noms), dtype=bool)
        seuls = [defauts ^ (numpy.arange(len(self.noms)) == i) for i in interrupteurs]
        dependances, resultats = [], []
        for bascules in [defauts, *seuls]:
            simulation.trace = True
            resultats.append(calculer(self.sous(simulation, bascules)))
            dependances.append(_interrupteurs_lus(simulation, {p.name for p in self.parametres}))
            if len(dependances) == 1:  # what each variable costs to compute, its own formula alone
                self.couts = {
                    n.name: n.calculation_time() - sum(e.calculation_time() for e in n.children)
                    for n in simulation.tracer.browse_trace()
                    if n.children or n.parameters
                }
        simulation.trace = False
        if seuls:  # back to the defaults (the last run was under them where no switch was run alone)
            self.sous(simulation, defauts)
        self.a_oublier = sorted(dependances[0])
        # The same switches behind the same variables in every run (a condition that applies only under a reading
        # may add a variable that depends on no switch): then a change of one switch moves only what depends on it.
        stable = bool(seuls) and all(autre == dependances[0] for autre in dependances[1:])
        self.dependantes_de = None
        if stable:
            self.dependantes_de = [{v for v, lus in dependances[0].items() if nom in lus} for nom in self.noms]
        return resultats[0]

    def pertinentes(self, simulation, period) -> numpy.ndarray:
        """Which switches can change anything here: those with a value on a day the formulas read switches at,
        the openings of the calls the dossiers answer (and of the call in force, for a dossier of none).
        Elsewhere a switch is null, and null stays null whichever reading."""
        appels = ouvertures_des_appels(self.systeme.parameters)
        ouverts = [appel for appel in appels if appel.value <= dernier_jour(period)]
        numeros = set(numpy.unique(simulation.calculate("appel_du_dossier", period)).tolist())
        numeros |= {len(ouverts)} if 0 in numeros else set()
        jours = [ouverts[n - 1].instant_str for n in numeros if n > 0]
        return numpy.array([any(p(jour) is not None for jour in jours) for p in self.parametres], dtype=bool)


def _interrupteurs_lus(simulation, interrupteurs: set) -> dict[str, set]:
    """From OpenFisca's tracer: each variable computed that depends on a switch (a parameter named in
    `interrupteurs`, a convention as a reading), and the switches it depends on, read by itself or by a variable it
    reads."""
    lus, enfants = {}, {}
    for noeud in simulation.tracer.browse_trace():
        noms = {nom_court(p) for p in noeud.parameters if p.name in interrupteurs}
        lus[noeud.name] = lus.get(noeud.name, set()) | noms
        enfants[noeud.name] = enfants.get(noeud.name, set()) | {enfant.name for enfant in noeud.children}
    while ajout := {
        nom: manquants
        for nom, lus_par_lui in lus.items()
        if (manquants := set().union(*(lus[enfant] for enfant in enfants[nom])) - lus_par_lui)
    }:
        for nom, manquants in ajout.items():
            lus[nom] |= manquants
    return {nom: noms for nom, noms in lus.items() if noms}


def _rang_gray(masques: numpy.ndarray) -> numpy.ndarray:
    """Each mask's rank in the reflected Gray code, where consecutive masks differ by one switch."""
    rangs, decalage = masques.copy(), 1
    while decalage < 64:
        rangs ^= rangs >> decalage
        decalage *= 2
    return rangs


def _combinaisons(nombre: int, maximum: int, graine: int) -> numpy.ndarray:
    """The combinations computed, as sorted bit masks (bit i: switch i flipped); 0 and each single switch
    always among them. Beyond `maximum`: random masks, each with its single flips."""
    if 2**nombre <= maximum:
        return numpy.arange(2**nombre, dtype=numpy.int64)
    bits = numpy.int64(1) << numpy.arange(nombre, dtype=numpy.int64)
    bases = numpy.random.default_rng(graine).integers(0, 2**nombre, size=max(maximum // (nombre + 1), 1))
    bases[0] = 0
    return numpy.unique(numpy.concatenate([bases, (bases[:, None] ^ bits).ravel()]))


def _paires(masques: numpy.ndarray, bit: int) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Positions (i, j) of the combinations that differ by switch `bit` alone, the switch off in i."""
    partenaires = masques ^ (numpy.int64(1) << bit)
    j = numpy.minimum(numpy.searchsorted(masques, partenaires), len(masques) - 1)
    i = numpy.flatnonzero((masques[j] == partenaires) & ((masques >> bit) & 1 == 0))
    return i, j[i]


def _valeur(simulation, nom: str, period):
    """`simulation.calculate`, but a value the switches last flipped left in OpenFisca's cache is read from it
    without calculate's checks: most of a combination's values, twice as fast."""
    deja = simulation.get_array(nom, period)
    return simulation.calculate(nom, period) if deja is None else deja


def _par_formation(simulation, period) -> dict:
    """Each training's eligibility and funding (float64: sums stay exact to the cent)."""
    return {
        "eligible_labellisation": _valeur(simulation, "eligible_labellisation", period),
        "financement_amorcage": _valeur(simulation, "financement_amorcage", period).astype(numpy.float64),
    }


def _calculer(simulation, period) -> tuple[dict, dict]:
    """Per training: eligibility and funding; for the population: the indicators."""
    formations = _par_formation(simulation, period)
    campagnes = {nom: _valeur(simulation, nom, period) for nom in (*INDICATEURS, "nombre_apprenants_campagne")}
    apprenants = campagnes["nombre_apprenants_campagne"].astype(numpy.float64)
    indicateurs = {
        COUT: formations["financement_amorcage"].sum(),
        LABELLISEES: int(campagnes[LABELLISEES].sum()),
        **{nom: float((campagnes[nom] * apprenants).sum() / max(apprenants.sum(), 1)) for nom in PARTS},
        **{nom: int(_atteint(campagnes[nom]).sum()) for nom in OBJECTIFS},
    }
    return formations, indicateurs


def _atteint(valeurs) -> numpy.ndarray:
    """Met, for a boolean objective or a StatutObjectif (`atteint`, `non_atteint`, `non_applicable`)."""
    return valeurs.decode_to_str() == "atteint" if hasattr(valeurs, "decode_to_str") else valeurs


@dataclass
class AnalyseInterpretations:
    """The effect of each reading and the robustness of the results, on one population and period.

    - `interpretations`: the switches (description, confidence, default reading);
    - `effets`: per switch, whether it concerns the population's calls (`concerned`), the change each
      indicator undergoes when it alone is switched, the trainings whose eligibility or funding change, and
      the range of its effect on the cost as the others vary;
    - `plages`: per indicator, the defaults' value and its range over every combination computed;
    - `formations`: per training, eligible under every reading, none, or depending on which;
    - `combinaisons`: every combination computed: whether each switch is switched to its other reading
      (`switched: plafond_par_structure`, True for the ceiling per training), and the indicators."""

    period: str
    population: str  # how titles describe the population
    echantillon: bool  # a sample of the combinations, not all of them
    interpretations: pandas.DataFrame
    effets: pandas.DataFrame
    plages: pandas.DataFrame
    formations: pandas.DataFrame
    combinaisons: pandas.DataFrame
    description: str = ""  # what the population is (its `description`), for titles in either language
    nombre: int = 0  # its trainings

    def decrire(self, langue: str = "en") -> str:
        """The population analysed, in `langue`."""
        return decrire_population(self.description, self.nombre, langue) if self.nombre else self.population

    def texte(self, langue: str = "en") -> str:
        """The analysis as text, in English or French (labels and number format)."""
        mots, libelles, n = LECTURES[une_langue(langue)], _libelles(langue), lisible(len(self.combinaisons), langue)
        etendue = mots["echantillon" if self.echantillon else "tout"].format(n=n)
        effets = self.effets[["default", COUT, LABELLISEES, "eligibility_changes", "funding_changes", *PARTS]].assign(
            objectives=[
                ", ".join(
                    f"{OBJECTIFS_COURTS[une_langue(langue)][nom]} {signe(int(v), langue)}"
                    for nom, v in ligne.items()
                    if v
                )
                or "-"
                for _, ligne in self.effets[list(OBJECTIFS)].iterrows()
            ]
        )
        robustesse = self.formations["robustness"].value_counts().reindex(["always", "never", "depends"], fill_value=0)
        dependances = self.formations.loc[self.formations["robustness"] == "depends", "depends_on"].value_counts()
        options = ("display.width", 250, "display.max_colwidth", 90)
        titre = mots["titre"].format(n=len(self.effets), periode=self.period, population=self.decrire(langue))
        noms = mots["colonnes"]  # French: the tables' names in words
        # differences signed as the amounts are (+5, −115); the counts of trainings whose eligibility or funding
        # changes are no differences: « +246 » beside « −115 » read as gains
        entiers = effets.select_dtypes("integer").columns.difference(["eligibility_changes", "funding_changes"])
        effets = effets.astype({c: object for c in entiers}).assign(**{c: effets[c].map(lambda v: signe(v, langue))
                                                                       for c in entiers})  # fmt: skip
        # A switch's value as its parameter file writes it (true, false); in French as the reports write a yes
        effets["default"] = effets["default"].map(
            lambda v: en_francais(bool(v)) if langue == "fr" else str(bool(v)).lower()
        )
        with pandas.option_context("display.float_format", lambda v: signe(v, langue), *options):
            parties = [titre, "\n" + mots["effets"]]
            colonnes = {**libelles, "objectives": mots["objectifs"], **noms}
            table = effets.rename(columns=colonnes).rename_axis(noms.get("interpretation", "interpretation"))
            parties.append(table.to_string() if len(effets) else mots["aucun"])
            hors = list(self.effets.index[~self.effets["concerned"]])
            if hors:
                parties.append(mots["hors"].format(noms=", ".join(hors)))
        with pandas.option_context("display.float_format", lambda v: lisible(v, langue), *options):
            plages = self.plages.replace({c: {"(defaults)": noms.get("(defaults)", "(defaults)")}
                                          for c in ("min_readings", "max_readings")})  # fmt: skip
            plages = plages.rename(index=libelles, columns=noms).rename_axis(noms.get("indicator", "indicator"))
            parties += [f"\n{mots['plage'].format(etendue=etendue)}", plages.to_string()]
            parties += ["\n" + mots["robustesse"], robustesse.rename(index=mots).rename_axis(None).to_string()]
            if len(dependances):
                parties.append("\n" + mots["dependances"])
                parties.append(dependances.rename_axis(mots["depend"]).rename(mots["formations"]).to_string())
        return "\n".join(parties)

    def ecrire(self, dossier, langue: str = "en", donnees=None) -> list[Path]:
        """A CSV per table and the tornado chart, in `dossier`; the paths written. Refused, before anything is
        written, where a table would write over the file `donnees` (the data read)."""
        langue = une_langue(langue)  # checked before the folder is made
        dossier = dossier_de_sortie(dossier)
        sans_ecraser([dossier / nom for nom in FICHIERS], donnees)
        ecrits = [csv_propre(getattr(self, Path(nom).stem), dossier / nom) for nom in FICHIERS]
        return [*ecrits, graphique_tornade(self, dossier / "tornade_cout.png", langue)]


def graphique_tornade(analyse: AnalyseInterpretations, fichier: Path, langue: str = "en") -> Path:
    """Each reading's effect, switched alone, on the total cost, with its range as the other readings vary (the
    readings that concern the population's calls). A bar is labelled by the reading whose effect it draws: what
    that reading says and the value the switch takes."""
    lectures = zip(
        analyse.effets.index, analyse.interpretations["other_reading"], analyse.effets["default"], strict=True
    )
    libelles = [
        f"{textwrap.fill(lecture or nom, 55)}\n[{nom} = {str(not defaut).lower()}]" for nom, lecture, defaut in lectures
    ]
    effets = pandas.DataFrame(
        {"libelle": libelles, "effet": analyse.effets[COUT], "min": analyse.effets[f"{COUT}_min"],
         "max": analyse.effets[f"{COUT}_max"]},
        index=analyse.effets.index,
    )[analyse.effets["concerned"]]  # fmt: skip
    contexte = f"{analyse.period}, {analyse.decrire(langue)}"  # in the chart's language, as the tables say it
    return graphiques.tornade(effets, contexte, analyse.plages.loc[COUT, "baseline"], Path(fichier), langue)


def analyser_interpretations(
    population,
    period: str,
    tax_benefit_system=None,
    max_combinaisons: int | None = None,
    graine: int = 0,
    progression=None,
) -> AnalyseInterpretations:
    """Compute `population` under every combination of the readings that concern it (or a seeded sample beyond
    `max_combinaisons`, default MAX_COMBINAISONS): the effect of each reading alone, the ranges, each
    training's robustness. A reading that concerns none of its calls (null wherever the formulas read it) has
    no effect: it is reported as such, not combined."""
    period = un_mois(period)
    maximum = MAX_COMBINAISONS if max_combinaisons is None else max_combinaisons  # 0 took them all, -1 ten
    maximum = un_entier_positif(maximum, "max_combinaisons")
    graine = None if graine is None else un_entier_positif(graine, "graine", 0)  # None: a sample drawn at random
    lectures = Lectures(la_loi() if tax_benefit_system is None else un_systeme(tax_benefit_system))
    population = une_population(lectures.systeme, population)
    simulation = population.simulation(lectures.systeme, period)
    concernees = numpy.flatnonzero(lectures.pertinentes(simulation, period))
    mois = periods.period(period)  # parsed once, not at each of the thousands of calculations
    lectures.suivre(simulation, lambda s: _calculer(s, mois), concernees)
    masques = _combinaisons(len(concernees), maximum, graine)
    bascules, resultats = _parcourir(lectures, simulation, concernees, masques, mois, progression)
    eligibles = numpy.array([formations["eligible_labellisation"] for formations, _ in resultats])
    financements = numpy.array([formations["financement_amorcage"] for formations, _ in resultats])
    lignes = [indicateurs for _, indicateurs in resultats]
    # Whether each switch is switched, so named: a column `plafond_par_structure` read False, its default (true)
    # kept, was taken for the ceiling per training.
    basculees = pandas.DataFrame(bascules, columns=[f"{BASCULE}{nom}" for nom in lectures.noms])
    combinaisons = pandas.concat([basculees, pandas.DataFrame(lignes)[list(INDICATEURS)]], axis=1)
    paires = [_paires(masques, bit) for bit in range(len(concernees))]
    seuls = numpy.searchsorted(masques, numpy.int64(1) << numpy.arange(len(concernees)))  # 0 is row 0
    effets = _effets(lectures, concernees, combinaisons, eligibles, financements, seuls, paires, period)
    interpretations = pandas.DataFrame(
        {
            "description": [p.description for p in lectures.parametres],
            "other_reading": [
                autre_lecture(p, defaut) for p, defaut in zip(lectures.parametres, effets["default"], strict=True)
            ],
            "confidence": [confiance(p.documentation) for p in lectures.parametres],
            "default": effets["default"],
            "reference": [_references(p) for p in lectures.parametres],
        },
        index=effets.index,
    )
    return AnalyseInterpretations(
        period,
        decrire_population(population.description, len(population.table)),
        bool(2 ** len(concernees) > maximum),
        interpretations,
        effets,
        _plages(lectures.noms, combinaisons[list(INDICATEURS)], bascules),
        _robustesse([lectures.noms[i] for i in concernees], eligibles, financements, paires, population),
        combinaisons,
        population.description,
        len(population.table),
    )


def _parcourir(lectures, simulation, concernees, masques, mois, progression) -> tuple[numpy.ndarray, list]:
    """Each combination's switches (all of them: those not `concernees` at their default) and results, in the
    order of `masques`. Visited in Gray-code order, consecutive combinations differ by one switch: only what it
    moves is computed again. The switches that cost least (as the tracer timed them) are the lowest bits,
    flipped most often."""
    bits = (masques[:, None] >> numpy.arange(len(concernees))) & 1 == 1
    bascules = numpy.zeros((len(masques), len(lectures.noms)), dtype=bool)
    bascules[:, concernees] = bits
    poids = numpy.arange(len(concernees))
    if lectures.dependantes_de is not None:
        couts = [sum(lectures.couts.get(v, 0) for v in lectures.dependantes_de[i]) for i in concernees]
        poids = numpy.argsort(numpy.argsort(couts, kind="stable"))
    resultats, avant = [None] * len(masques), None
    ordre = numpy.argsort(_rang_gray((bits.astype(numpy.int64) << poids).sum(axis=1)), kind="stable")
    for position in progression(ordre) if progression else ordre:
        resultats[position] = _calculer(lectures.sous(simulation, bascules[position], avant), mois)
        avant = bascules[position]
    return bascules, resultats


def _effets(lectures, concernees, combinaisons, eligibles, financements, seuls, paires, period) -> pandas.DataFrame:
    """Per switch: its default, whether it concerns the population's calls, the change of each indicator when it
    alone is switched, the trainings whose eligibility or funding change, the range of its effect on the cost as
    the other switches vary (all 0 for a switch that concerns none of its calls)."""
    valeurs = combinaisons[list(INDICATEURS)]
    cout = valeurs[COUT].to_numpy()
    effet_cout = [cout[j] - cout[i] for i, j in paires]
    base = numpy.broadcast_to(financements[0], financements[seuls].shape)
    effets = pandas.DataFrame(
        {
            **{nom: valeurs[nom].to_numpy()[seuls] - valeurs[nom].iloc[0] for nom in INDICATEURS},
            "eligibility_changes": (eligibles[seuls] != eligibles[0]).sum(axis=1),
            "funding_changes": a_change(base, financements[seuls]).sum(axis=1),
            f"{COUT}_min": [e.min() for e in effet_cout],
            f"{COUT}_max": [e.max() for e in effet_cout],
        },
        index=pandas.Index([lectures.noms[i] for i in concernees], name="interpretation"),
    )
    concernes = effets.index
    effets = effets.reindex(pandas.Index(lectures.noms, name="interpretation"), fill_value=0)
    effets.insert(0, "concerned", effets.index.isin(concernes))
    effets.insert(0, "default", lectures.defauts(period))
    return effets


def _plages(noms, valeurs: pandas.DataFrame, bascules) -> pandas.DataFrame:
    """Per indicator: its value under the defaults, its range, and the combination reaching each bound with
    the fewest switches flipped."""
    nombre_bascules = bascules.sum(axis=1)

    def lecture(valeur_cible, colonne):
        candidats = numpy.flatnonzero(colonne == valeur_cible)
        meilleur = candidats[numpy.argmin(nombre_bascules[candidats])]
        return ", ".join(numpy.array(noms, dtype=object)[bascules[meilleur]]) or "(defaults)"

    return pandas.DataFrame(
        {
            "baseline": valeurs.iloc[0],
            "min": valeurs.min(),
            "max": valeurs.max(),
            "min_readings": [lecture(valeurs[n].min(), valeurs[n].to_numpy()) for n in INDICATEURS],
            "max_readings": [lecture(valeurs[n].max(), valeurs[n].to_numpy()) for n in INDICATEURS],
        }
    ).rename_axis("indicator")


def _robustesse(noms, eligibles, financements, paires, population) -> pandas.DataFrame:
    """Per training: eligible under every reading (always), none (never) or depending on which, and on which."""
    depend = numpy.array([(eligibles[i] != eligibles[j]).any(axis=0) for i, j in paires], dtype=bool)
    depend = depend.reshape(len(noms), eligibles.shape[1])
    toujours, jamais = eligibles.all(axis=0), ~eligibles.any(axis=0)
    noms = numpy.array(noms, dtype=object)
    return pandas.DataFrame(
        {
            "eligible_labellisation": eligibles[0],
            "robustness": numpy.select([toujours, jamais], ["always", "never"], "depends"),
            "depends_on": [", ".join(noms[colonne]) for colonne in depend.T],
            "eligible_share": eligibles.mean(axis=0),
            "financement_amorcage": financements[0],
            "financement_amorcage_min": financements.min(axis=0),
            "financement_amorcage_max": financements.max(axis=0),
        },
        index=pandas.Index(population.table["formation_id"].to_numpy(), name="formation_id"),
    )


def autre_lecture(parametre, defaut) -> str:
    """What the reading other than the default says: a switch's description says the reading `true`; one true by
    default says its other reading in its metadata (`description_contraire`)."""
    return parametre.metadata.get("description_contraire", parametre.description) if defaut else parametre.description


def _references(parametre) -> str:
    return " ; ".join(textes_des_references(parametre.metadata.get("reference")))


def dependances(tax_benefit_system, construire, period, noeuds=(NOEUD,)) -> list[list[str]]:
    """Per person of the simulations `construire(system)` builds: the switches under `noeuds` that, switched
    alone, change its eligibility, its label or its funding in `period` (a switch outside `interpretations` by its
    path): an undecided training of no budget, labelled by a convention, rests on it for its label alone."""

    def lire(simulation):
        return {**_par_formation(simulation, period), "labellisee": _valeur(simulation, "labellisee", period)}

    lectures = Lectures(tax_benefit_system, noeuds)  # one copy of the rules per call: no mutable state is shared
    simulation = construire(lectures.systeme)
    base = lectures.suivre(simulation, lire)
    resultats = [lire(lectures.sous(simulation, bascules)) for bascules in numpy.eye(len(lectures.noms), dtype=bool)]
    change = [
        (r["eligible_labellisation"] != base["eligible_labellisation"])
        | (r["labellisee"] != base["labellisee"])
        | a_change(base["financement_amorcage"], r["financement_amorcage"])
        for r in resultats
    ]
    noms = numpy.array(lectures.noms, dtype=object)
    return [
        list(noms[colonne])
        for colonne in numpy.array(change, dtype=bool).reshape(len(noms), len(base["eligible_labellisation"])).T
    ]


def depends_on_interpretations(
    tax_benefit_system, situation: dict, period, analyse=None, noeuds=(NOEUD,)
) -> list[list[str]]:
    """Per training of a JSON situation, in order: the switches (readings; with `noeuds`, conventions too) that
    alone change its eligibility or funding. `analyse`: the situation already checked."""
    return dependances(
        tax_benefit_system,
        lambda systeme: construire_simulation(systeme, situation, analyse),
        periods.period(period),
        noeuds,
    )


def __getattr__(nom: str):
    """The analysis's words, moved to rapports.libelles.LECTURES in 0.7.3, kept as TEXTES here until 0.9."""
    if nom == "TEXTES":
        warnings.warn(
            "openfisca_gen.interpretations.TEXTES moved to openfisca_gen.rapports.libelles.LECTURES; the old name "
            "goes in 0.9",
            DeprecationWarning,
            stacklevel=2,
        )
        return LECTURES
    raise AttributeError(f"module 'openfisca_gen.interpretations' has no attribute '{nom}'")
