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

import copy
import re
from dataclasses import dataclass
from pathlib import Path

import numpy
import pandas
from openfisca_core import periods
from openfisca_core.reforms import Reform
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_gen import CountryTaxBenefitSystem
from openfisca_gen.analyse import (
    VARIABLES_CAMPAGNE,
    csv_propre,
    decrire_population,
    graphique_tornade,
    lisible,
)
from openfisca_gen.validation import un_mois

NOEUD = "interpretations"
MAX_COMBINAISONS = 2**12
TOLERANCE = 0.005  # €: below half a cent, a funding has not changed
# Per campaign, summed over campaigns: the total cost, the trainings labelled, and the number of campaigns
# meeting each national objective (the analyst report's); the shares are pooled over campaigns.
COUT, LABELLISEES = "cout_financement_amorcage_campagne", "nombre_formations_labellisees"
PARTS = ("part_femmes_campagne", "part_jeunes_neet_peu_qualifies_campagne")
OBJECTIFS = tuple(nom for nom in VARIABLES_CAMPAGNE if nom.startswith("objectif_"))
INDICATEURS = (COUT, LABELLISEES, *PARTS, *OBJECTIFS)
LIBELLES = {  # display only
    COUT: "total cost (€)",
    LABELLISEES: "trainings labelled",
    "part_femmes_campagne": "women share",
    "part_jeunes_neet_peu_qualifies_campagne": "NEET share",
    **{nom: f"campaigns meeting {nom.removeprefix('objectif_').removesuffix('_atteint')}" for nom in OBJECTIFS},
    "eligibility_changes": "eligibility changes",
    "funding_changes": "funding changes",
}


def interrupteurs(tax_benefit_system) -> list:
    """The boolean parameters under the `interpretations` node, by name; [] without the node. A switch is null
    from the opening of a call it does not concern."""
    noeud = tax_benefit_system.parameters.children.get(NOEUD)
    if noeud is None:
        return []
    feuilles = [noeud] if hasattr(noeud, "values_list") else noeud.get_descendants()
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


def confiance(parametre) -> str:
    """The confidence level a parameter's documentation states ("Confidence: disputed…")."""
    trouve = re.search(r"Confidence:\s*([^.(\n]+)", parametre.documentation or "")
    return trouve.group(1).strip(" ,;") if trouve else ""


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

    def __init__(self, tax_benefit_system) -> None:
        self.systeme = _Copie(tax_benefit_system)
        self.parametres = interrupteurs(self.systeme)
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

    def defauts(self, period) -> list:
        """Each switch's default value in force on the period's last day (None before its first value)."""
        jour = str(periods.period(period).stop)
        return [next((v for debut, _, v in segments if str(debut) <= jour), None) for segments in self.segments]

    def regler(self, bascules) -> None:
        """Switch i to its other reading where `bascules[i]` is true, to its default otherwise; only for the calls
        it concerns (a null value, where it concerns none, stays null)."""
        for parametre, segments, bascule in zip(self.parametres, self.segments, bascules, strict=True):
            for debut, fin, valeur in segments:
                if valeur is not None:
                    parametre.update(start=debut, stop=fin, value=valeur != bool(bascule))
        self.systeme.memoire.clear()

    def sous(self, simulation, bascules):
        """`simulation` (of `systeme`) ready to compute again, under the readings `bascules`."""
        self.regler(bascules)
        for nom in self.formules:
            simulation.delete_arrays(nom)
        return simulation


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


def _par_formation(simulation, period) -> dict:
    """Each training's eligibility and funding (float64: sums stay exact to the cent)."""
    return {
        "eligible_labellisation": simulation.calculate("eligible_labellisation", period),
        "financement_amorcage": simulation.calculate("financement_amorcage", period).astype(numpy.float64),
    }


def _calculer(simulation, period) -> tuple[dict, dict]:
    """Per training: eligibility and funding; for the population: the indicators."""
    formations = _par_formation(simulation, period)
    campagnes = {nom: simulation.calculate(nom, period) for nom in (*INDICATEURS, "nombre_apprenants_campagne")}
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
    - `effets`: per switch, the change each indicator undergoes when it alone is switched, the trainings
      whose eligibility or funding change, and the range of its effect on the cost as the others vary;
    - `plages`: per indicator, the defaults' value and its range over every combination computed;
    - `formations`: per training, eligible under every reading, none, or depending on which;
    - `combinaisons`: every combination computed, its switches and indicators."""

    period: str
    population: str  # how titles describe the population
    echantillon: bool  # a sample of the combinations, not all of them
    interpretations: pandas.DataFrame
    effets: pandas.DataFrame
    plages: pandas.DataFrame
    formations: pandas.DataFrame
    combinaisons: pandas.DataFrame

    def texte(self) -> str:
        n = len(self.combinaisons)
        etendue = f"a seeded sample of {n:,} combinations" if self.echantillon else f"all {n:,} combinations"
        objectifs = self.effets[list(OBJECTIFS)]
        effets = self.effets[["default", COUT, LABELLISEES, "eligibility_changes", "funding_changes", *PARTS]].assign(
            objectives=[
                ", ".join(
                    f"{nom.removeprefix('objectif_').removesuffix('_atteint')} {int(v):+d}"
                    for nom, v in ligne.items()
                    if v
                )
                or "-"
                for _, ligne in objectifs.iterrows()
            ]
        )
        robustesse = self.formations["robustness"].value_counts().reindex(["always", "never", "depends"], fill_value=0)
        dependances = self.formations.loc[self.formations["robustness"] == "depends", "depends_on"].value_counts()
        options = ("display.float_format", _signe, "display.width", 250, "display.max_colwidth", 90)
        with pandas.option_context(*options):
            parties = [
                f"{len(self.effets)} interpretations, period {self.period}, {self.population}",
                "\nEffect of switching each reading alone (difference from the defaults):",
                effets.rename(columns=LIBELLES).to_string() if len(effets) else "(no switch under 'interpretations')",
            ]
        with pandas.option_context(*options[:1], lisible, *options[2:]):
            parties += [
                f"\nRange over {etendue}:",
                self.plages.rename(index=LIBELLES).to_string(),
                "\nTrainings eligible under every reading (always), under none (never), or depending on which:",
                robustesse.rename_axis(None).to_string(),
            ]
            if len(dependances):
                parties.append("\nTrainings whose eligibility depends on the readings, by the readings it depends on:")
                parties.append(dependances.rename_axis("depends on").rename("trainings").to_string())
        return "\n".join(parties)

    def ecrire(self, dossier) -> list[Path]:
        """A CSV per table and the tornado chart, in `dossier`; the paths written."""
        dossier = Path(dossier)
        dossier.mkdir(parents=True, exist_ok=True)
        ecrits = [
            csv_propre(table, dossier / f"{nom}.csv")
            for nom, table in {
                "interpretations": self.interpretations,
                "effets": self.effets,
                "plages": self.plages,
                "formations": self.formations,
                "combinaisons": self.combinaisons,
            }.items()
        ]
        return [*ecrits, graphique_tornade(self, dossier / "tornade_cout.png")]


def _signe(valeur: float) -> str:
    """A difference: signed, shares with three decimals, counts and euros with thousands separators."""
    return f"{valeur:+.3f}" if 0 < abs(valeur) < 1 else f"{valeur:+,.0f}" if valeur else "0"


def analyser_interpretations(
    population,
    period: str,
    tax_benefit_system=None,
    max_combinaisons: int | None = None,
    graine: int = 0,
    progression=None,
) -> AnalyseInterpretations:
    """Compute `population` under every combination of readings (or a seeded sample beyond
    `max_combinaisons`, default MAX_COMBINAISONS): the effect of each reading alone, the ranges, each
    training's robustness."""
    period = un_mois(period)
    max_combinaisons = max_combinaisons or MAX_COMBINAISONS
    base = tax_benefit_system or CountryTaxBenefitSystem()
    lectures = Lectures(base)
    k = len(lectures.noms)
    masques = _combinaisons(k, max_combinaisons, graine)
    bascules = (masques[:, None] >> numpy.arange(k)) & 1 == 1
    defauts = lectures.defauts(period)
    simulation = population.simulation(lectures.systeme, period)
    eligibles, financements, lignes = [], [], []
    for ligne in progression(bascules) if progression else bascules:
        formations, indicateurs = _calculer(lectures.sous(simulation, ligne), period)
        eligibles.append(formations["eligible_labellisation"])
        financements.append(formations["financement_amorcage"])
        lignes.append(indicateurs)
    eligibles, financements = numpy.array(eligibles), numpy.array(financements)
    combinaisons = pandas.concat(
        [pandas.DataFrame(bascules, columns=lectures.noms), pandas.DataFrame(lignes)[list(INDICATEURS)]], axis=1
    )
    valeurs = combinaisons[list(INDICATEURS)]
    seuls = numpy.searchsorted(masques, numpy.int64(1) << numpy.arange(k))  # each switch alone; 0 is row 0
    paires = [_paires(masques, bit) for bit in range(k)]

    effet_cout = [valeurs[COUT].to_numpy()[j] - valeurs[COUT].to_numpy()[i] for i, j in paires]
    effets = pandas.DataFrame(
        {
            "default": defauts,
            **{nom: valeurs[nom].to_numpy()[seuls] - valeurs[nom].iloc[0] for nom in INDICATEURS},
            "eligibility_changes": (eligibles[seuls] != eligibles[0]).sum(axis=1),
            "funding_changes": (numpy.abs(financements[seuls] - financements[0]) > TOLERANCE).sum(axis=1),
            f"{COUT}_min": [e.min() for e in effet_cout],
            f"{COUT}_max": [e.max() for e in effet_cout],
        },
        index=pandas.Index(lectures.noms, name="interpretation"),
    )

    # The combination reaching each bound with the fewest switches flipped.
    nombre_bascules = bascules.sum(axis=1)

    def lecture(valeur_cible, colonne):
        candidats = numpy.flatnonzero(colonne == valeur_cible)
        meilleur = candidats[numpy.argmin(nombre_bascules[candidats])]
        return ", ".join(numpy.array(lectures.noms, dtype=object)[bascules[meilleur]]) or "(defaults)"

    plages = pandas.DataFrame(
        {
            "baseline": valeurs.iloc[0],
            "min": valeurs.min(),
            "max": valeurs.max(),
            "min_readings": [lecture(valeurs[n].min(), valeurs[n].to_numpy()) for n in INDICATEURS],
            "max_readings": [lecture(valeurs[n].max(), valeurs[n].to_numpy()) for n in INDICATEURS],
        }
    ).rename_axis("indicator")

    depend = numpy.array([(eligibles[i] != eligibles[j]).any(axis=0) for i, j in paires], dtype=bool)
    depend = depend.reshape(k, eligibles.shape[1])
    toujours, jamais = eligibles.all(axis=0), ~eligibles.any(axis=0)
    noms = numpy.array(lectures.noms, dtype=object)
    formations = pandas.DataFrame(
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
    interpretations = pandas.DataFrame(
        {
            "description": [p.description for p in lectures.parametres],
            "confidence": [confiance(p) for p in lectures.parametres],
            "default": effets["default"],
            "reference": [_references(p) for p in lectures.parametres],
        },
        index=effets.index,
    )
    return AnalyseInterpretations(
        period,
        decrire_population(population),
        bool(2**k > max_combinaisons),
        interpretations,
        effets,
        plages,
        formations,
        combinaisons,
    )


def _references(parametre) -> str:
    from openfisca_gen.sources import textes_des_references

    return " ; ".join(textes_des_references(parametre.metadata.get("reference")))


def dependances(tax_benefit_system, construire, period) -> list[list[str]]:
    """Per person of the simulations `construire(system)` builds: the switches that, switched alone, change
    its eligibility or its funding in `period`."""
    lectures = Lectures(tax_benefit_system)  # one copy of the rules per call: a server shares no mutable state
    simulation = construire(lectures.systeme)
    base, *resultats = [
        _par_formation(lectures.sous(simulation, bascules), period)
        for bascules in numpy.eye(len(lectures.noms) + 1, len(lectures.noms), k=-1, dtype=bool)
    ]
    change = [
        (r["eligible_labellisation"] != base["eligible_labellisation"])
        | (numpy.abs(r["financement_amorcage"] - base["financement_amorcage"]) > TOLERANCE)
        for r in resultats
    ]
    noms = numpy.array(lectures.noms, dtype=object)
    return [
        list(noms[colonne])
        for colonne in numpy.array(change, dtype=bool).reshape(len(noms), len(base["eligible_labellisation"])).T
    ]


def depends_on_interpretations(tax_benefit_system, situation: dict, period) -> list[list[str]]:
    """Per training of a JSON situation, in order: the switches that alone change its eligibility or funding."""
    return dependances(
        tax_benefit_system,
        lambda systeme: SimulationBuilder().build_from_entities(systeme, copy.deepcopy(situation)),
        periods.period(period),
    )
