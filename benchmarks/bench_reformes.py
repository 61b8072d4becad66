"""A reform's cost against the number of its dated values: linear, or a long reform would be refused by time.

    python benchmarks/bench_reformes.py [--values 10 300 1000] [--repeat 40]

A reform gives the first call's ceiling (financement_amorcage.plafond) one value per day from the call's
opening on, N values in all (1 000, the most a reform may give, MAX_VALEURS_DATEES). Measured: building the
reformed system (validating every value, copying the parameters, replacing the ceiling's values) and computing
the headline outputs of the bundled first-call population under it. Reference: the same with one value. Target:
the cost of a dated value does not grow with their number: what each value adds to the one-value reform at the
largest count, against what it adds at the middle one, at most 1.5x (1x is linear). The middle count is 300, not
100: 100 values add about 3 ms to a reform of some 10 ms, as much as the machine's noise, and their cost per value
came out below zero. Times are the best of `--repeat` runs, the counts taking turns.
"""

import argparse
import datetime
import warnings

from mesures import Ligne, alterner, imprimer

from openfisca_gen.population import POPULATIONS, lire_population
from openfisca_gen.reforms import appliquer_reforme
from openfisca_gen.systeme import CountryTaxBenefitSystem

PERIODE = POPULATIONS["appel_2015"]["periode"]
SORTIES = ("eligible_labellisation", "labellisee", "financement_amorcage", "financement_amorcage_structure",
           "nombre_formations_labellisees", "cout_financement_amorcage_campagne")  # fmt: skip


def reforme(nombre: int) -> dict:
    """The ceiling given `nombre` values, one a day from the first call's opening (17 September 2015) on."""
    ouverture = datetime.date(2015, 9, 17)
    jours = (ouverture + datetime.timedelta(days=i) for i in range(nombre))
    return {"financement_amorcage.plafond": {str(jour): 60_000 + i for i, jour in enumerate(jours)}}


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--values", type=int, nargs="+", default=[10, 300, 1000], help="at least two counts")
    options.add_argument("--repeat", type=int, default=40)
    arguments = options.parse_args()
    warnings.simplefilter("ignore")  # the last value, without an end date, changes the later calls' rules too
    systeme = CountryTaxBenefitSystem()
    population = lire_population(systeme, "appel_2015")

    def mesure(nombre):
        changements = reforme(nombre)

        def une_fois():
            simulation = population.simulation(appliquer_reforme(systeme, changements), PERIODE)
            return {nom: simulation.calculate(nom, PERIODE) for nom in SORTIES}

        return une_fois

    comptes = sorted({1, *arguments.values})
    temps = {n: t for n, (t, _) in alterner({n: mesure(n) for n in comptes}, arguments.repeat).items()}
    moyen, grand = sorted(arguments.values)[-2:]
    lignes = [Ligne(f"reform with {n:,} dated values (vs 1 value)", temps[n], temps[1]) for n in comptes[1:]]
    par_valeur = {n: (temps[n] - temps[1]) / (n - 1) * 1e6 for n in (moyen, grand)}  # what each value adds, µs
    lignes.append(
        Ligne(f"  cost per dated value, {grand:,} vs {moyen:,}", par_valeur[grand], par_valeur[moyen], "µs",
              ratio_max=1.5)
    )  # fmt: skip
    print(f"{len(population.table)} trainings of the bundled first call ({PERIODE}), best of {arguments.repeat}\n")
    imprimer(lignes)


if __name__ == "__main__":
    main()
