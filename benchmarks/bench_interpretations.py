"""Speed of `openfisca-gen interpretations`: every combination of the readings over the bundled population.

    python benchmarks/bench_interpretations.py [--repeat 3]

Measured in the same run, best of `--repeat`:
- reference: one simulation of the bundled population (171 trainings) under the rules, building it from
  the table and computing what each combination computes;
- the analysis: every combination of the switches under `interpretations` (2^k), on one copy of the rules
  and one simulation whose computed arrays are deleted between combinations;
- for comparison, a parametric reform per combination (a deep copy of the parameters and a new
  simulation each time), over a sample of combinations.
Target: all combinations of up to 2^10 switches in under 10 s on a 2-core machine.
"""

import argparse
import time

import numpy

from openfisca_gen import CountryTaxBenefitSystem
from openfisca_gen.interpretations import _calculer, analyser_interpretations, interrupteurs
from openfisca_gen.population import POPULATION_EXEMPLE, lire_population
from openfisca_gen.reforms import appliquer_reforme

PERIOD = "2015-10"


def meilleur(fonction, repetitions: int) -> float:
    temps = []
    for _ in range(repetitions):
        debut = time.perf_counter()
        fonction()
        temps.append(time.perf_counter() - debut)
    return min(temps)


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    arguments.add_argument("--repeat", type=int, default=3)
    arguments.add_argument("--sample", type=int, default=64, help="combinations for the reform-per-combination run")
    arguments = arguments.parse_args()
    systeme = CountryTaxBenefitSystem()
    population = lire_population(systeme, POPULATION_EXEMPLE)
    analyser_interpretations(population, PERIOD, systeme, max_combinaisons=1)  # warm-up (imports, caches)
    interrupteurs_ = interrupteurs(systeme)
    k = len(interrupteurs_)

    reference = meilleur(lambda: _calculer(population.simulation(systeme, PERIOD), PERIOD), 10 * arguments.repeat)
    analyse = meilleur(lambda: analyser_interpretations(population, PERIOD, systeme), arguments.repeat)

    generateur = numpy.random.default_rng(0)
    masques = generateur.integers(0, 2**k, arguments.sample)

    def reforme_par_combinaison():
        for masque in masques:
            changements = {
                p.name: {v.instant_str: v.value != bool(masque >> i & 1) for v in p.values_list}
                for i, p in enumerate(interrupteurs_)
            }
            _calculer(population.simulation(appliquer_reforme(systeme, changements), PERIOD), PERIOD)

    par_reforme = meilleur(reforme_par_combinaison, 1) / arguments.sample
    par_combinaison = analyse / 2**k
    lignes = [
        ("reference: one simulation of the rules", reference * 1e3, "ms", 1),
        (f"analysis: all {2**k:,} combinations", analyse, "s", analyse / reference),
        ("  per combination", par_combinaison * 1e3, "ms", par_combinaison / reference),
        ("  2^10 combinations at that rate (target < 10 s)", par_combinaison * 2**10, "s", None),
        (f"a reform per combination ({arguments.sample} drawn)", par_reforme * 1e3, "ms", par_reforme / reference),
    ]
    print(f"{k} switches, {len(population.table)} trainings, best of {arguments.repeat}\n")
    print(f"{'':50} {'time':>10}  {'x reference':>12}")
    for nom, valeur, unite, rapport in lignes:
        print(f"{nom:50} {valeur:7.2f} {unite:2}  {'' if rapport is None else f'{rapport:,.2f}':>12}")


if __name__ == "__main__":
    main()
