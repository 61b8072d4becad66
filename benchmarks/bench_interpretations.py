"""Speed of the readings' analysis (`openfisca-gen interpretations`): every combination of the switches that
concern the bundled first call, over its population, in one process.

    python benchmarks/bench_interpretations.py [--repeat 3] [--sample 64]

Measured in the same run, best of `--repeat`:
- reference: one simulation of the bundled population (360 trainings) under the rules, building it from
  the table and computing what each combination computes;
- the analysis: every combination of the switches under `interpretations` that concern the population's calls
  (2^k), on one copy of the rules and one simulation, only what a switch changes computed again between
  consecutive combinations (Gray-code order);
- for comparison, a parametric reform per combination (a deep copy of the parameters and a new simulation
  each time), over a sample of combinations.
Target: 2^10 combinations within 10 s at the analysis' rate per combination. The command itself, the law loaded
and the tables printed, is timed by bench_commandes.py (target: 2 s).
"""

import argparse
import warnings

import numpy
from mesures import Ligne, chronometrer, imprimer

from openfisca_gen import CountryTaxBenefitSystem
from openfisca_gen.interpretations import _calculer, analyser_interpretations, interrupteurs
from openfisca_gen.population import POPULATION_EXEMPLE, POPULATIONS, lire_population
from openfisca_gen.reforms import appliquer_reforme

PERIOD = POPULATIONS["appel_2015"]["periode"]  # the month the command computes for this population


def meilleur(fonction, repetitions: int) -> float:
    return chronometrer(fonction, repetitions)[0]


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    arguments.add_argument("--repeat", type=int, default=3)
    arguments.add_argument("--sample", type=int, default=64, help="combinations for the reform-per-combination run")
    arguments = arguments.parse_args()
    systeme = CountryTaxBenefitSystem()
    population = lire_population(systeme, POPULATION_EXEMPLE)
    warnings.simplefilter("ignore")  # a reading's value without an end date also applies to later calls: said once
    analyser_interpretations(population, PERIOD, systeme, max_combinaisons=1)  # warm-up (imports, caches)
    interrupteurs_ = interrupteurs(systeme)
    k = len(interrupteurs_)

    reference = meilleur(lambda: _calculer(population.simulation(systeme, PERIOD), PERIOD), 10 * arguments.repeat)
    analyse, resultat = chronometrer(lambda: analyser_interpretations(population, PERIOD, systeme), arguments.repeat)
    combinaisons = len(resultat.combinaisons)  # those of the switches that concern the population's calls
    concernes = int(resultat.effets["concerned"].sum())

    generateur = numpy.random.default_rng(0)
    masques = generateur.integers(0, 2**k, arguments.sample)

    def reforme_par_combinaison():
        for masque in masques:
            changements = {
                p.name: {
                    v.instant_str: None if v.value is None else v.value != bool(masque >> i & 1) for v in p.values_list
                }
                for i, p in enumerate(interrupteurs_)
            }
            _calculer(population.simulation(appliquer_reforme(systeme, changements), PERIOD), PERIOD)

    par_reforme = meilleur(reforme_par_combinaison, 1) / arguments.sample
    par_combinaison = analyse / combinaisons
    entete = f"{k} switches ({concernes} concern the population's call), {len(population.table)} trainings"
    print(f"{entete}, best of {arguments.repeat}\n")
    imprimer(
        [
            Ligne(f"all {combinaisons:,} combinations (vs one simulation)", analyse, reference),
            Ligne("  per combination (vs one simulation)", par_combinaison, reference),
            Ligne("  2^10 combinations at that rate", par_combinaison * 2**10, None, max_absolu=10),
            Ligne(f"a reform per combination, {arguments.sample} drawn (vs one simulation)", par_reforme, reference),
        ]
    )


if __name__ == "__main__":
    main()
