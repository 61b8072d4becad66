"""The model on large populations, against references measured in the same run.

    python benchmarks/bench_population.py [--sizes 10000 100000 1000000] [--repeat 5] [--csv-repeat 3]

On a population built outside the project (premier_appel_numpy.population: trainings of the first call, 1 to 4
per structure, one campaign), for each size:
- the headline outputs (the first call's eligibility, label, seed funding with the per-structure ceiling shared,
  structure totals, the campaign's count, learners, shares, objectives, cost and envelope) through OpenFisca,
  from a built simulation that has computed nothing, against the same rules hand-written in numpy on the same
  typed arrays (premier_appel_numpy.calculer); the results are asserted equal. Target at the largest size:
  at most 1.5x numpy (the issue aims at 1.2x). Below it, "of which": the variables that cost most, each one's
  own time (its formula's, without what it asked for) in traced runs.
- the cost per training, largest size against the smallest and the middle one: linear cost keeps it from
  growing (target: at most 1.2x; fixed costs make it fall).
At the largest size, from a CSV file of the same population:
- building the simulation (reading, validating, typing, declaring the entities) against `pandas.read_csv` of the
  same file, untyped (target: at most 2x);
- the peak memory of a process that goes from the file to the headline outputs through the model, against one
  that reads it with pandas (typed) and computes them in numpy, each in a fresh process (target: at most 1.5x).
Times are the best of `--repeat` runs, the model and its reference taking turns.
"""

import argparse
import json
import sys
import tempfile
from pathlib import Path

import pandas
from mesures import Ligne, alterner, en_sous_processus, imprimer
from premier_appel_numpy import (
    PERIODE,
    VARIABLES,
    calculer,
    comparer,
    depuis_csv,
    population,
    regles_du_premier_appel,
    tableaux,
)

from openfisca_gen.population import lire_population
from openfisca_gen.systeme import CountryTaxBenefitSystem


def calcul(systeme, nombre: int, repetitions: int) -> tuple[float, float]:
    """(the model's best time, numpy's, each variable's own time in a traced run) for the headline outputs of
    `nombre` trainings; results asserted equal."""
    validee = lire_population(systeme, population(nombre))
    simulation = validee.simulation(systeme, PERIODE)
    codes, ids = validee.groupes["structure"]
    a, r = tableaux(validee.table, codes, len(ids)), regles_du_premier_appel(systeme)
    calculees = [nom for nom, v in systeme.variables.items() if v.formulas and nom not in validee.table]

    def oublier():  # everything computed, what the campaigns' check computed while building included
        for nom in calculees:
            simulation.delete_arrays(nom)

    temps = alterner(
        {
            "modele": lambda: {nom: simulation.calculate(nom, PERIODE) for nom in VARIABLES},
            "numpy": lambda: calculer(a, r),
        },
        repetitions,
        oublier,
    )
    comparer(temps["modele"][1], temps["numpy"][1])
    return temps["modele"][0], temps["numpy"][0], temps_propres(simulation, oublier, repetitions)


def temps_propres(simulation, oublier, repetitions: int) -> dict:
    """Each variable's own time (its formula's, without what it asked for), the best of `repetitions` traced runs:
    where the time goes, for the lines "of which"."""
    propres = {}
    for _ in range(repetitions):
        oublier()
        simulation.trace = True  # a new tracer: this run's trace only
        for nom in VARIABLES:
            simulation.calculate(nom, PERIODE)
        ce_tour = {}
        for noeud in simulation.tracer.browse_trace():
            ce_tour[noeud.name] = ce_tour.get(noeud.name, 0) + noeud.formula_time()
        propres = {nom: min(t, propres.get(nom, t)) for nom, t in ce_tour.items()}
    return propres


def memoire(chemin: str, voie: str) -> dict:
    """Run in its own process: the peak memory (MB) of going from the CSV to the headline outputs, by the model or
    by pandas and numpy, and what the process held before reading the file (the law loaded, in both)."""
    systeme = CountryTaxBenefitSystem()  # the numpy path reads the rules' values from it too
    avant = pic_memoire()
    if voie == "modele":
        simulation = lire_population(systeme, chemin).simulation(systeme, PERIODE)
        resultats = {nom: simulation.calculate(nom, PERIODE) for nom in VARIABLES}
    else:
        resultats = calculer(depuis_csv(chemin, systeme), regles_du_premier_appel(systeme))
    assert len(resultats) == len(VARIABLES)
    return {"pic": pic_memoire(), "avant": avant}


def pic_memoire() -> float:
    """This process's peak resident memory so far, in MB: Linux's VmHWM, which starts again at an exec (ru_maxrss
    carries the parent's peak over to its children, the 1 GB of the sizes measured before)."""
    with open("/proc/self/status") as etat:
        return next(int(ligne.split()[1]) for ligne in etat if ligne.startswith("VmHWM:")) / 1024


def depuis_un_csv(systeme, nombre: int, repetitions: int) -> list[Ligne]:
    """The lines of the CSV file: building against pandas.read_csv, peak memory against the numpy path."""
    with tempfile.TemporaryDirectory() as dossier:
        chemin = Path(dossier) / "formations.csv"
        population(nombre).to_csv(chemin, index=False)
        temps = alterner(
            {
                "modele": lambda: lire_population(systeme, chemin).simulation(systeme, PERIODE),
                "pandas": lambda: pandas.read_csv(chemin),
            },
            repetitions,
        )
        modele, numpy_ = (en_sous_processus(__file__, "--memoire", voie, str(chemin)) for voie in ("modele", "numpy"))
    return [
        Ligne(f"build from a CSV, {nombre:,} trainings (vs read_csv)", temps["modele"][0], temps["pandas"][0],
              ratio_max=2),
        Ligne(f"peak memory, CSV to outputs, {nombre:,} (vs numpy path)", modele["pic"], numpy_["pic"], "MB",
              ratio_max=1.5),
        Ligne("  of which before reading: the law loaded", modele["avant"], numpy_["avant"], "MB"),
    ]  # fmt: skip


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    options.add_argument("--repeat", type=int, default=5, help="runs of each computation, the best kept")
    options.add_argument("--csv-repeat", type=int, default=3, help="runs of each CSV reading, the best kept")
    options.add_argument("--memoire", nargs=2, metavar=("VOIE", "CSV"), help=argparse.SUPPRESS)
    arguments = options.parse_args()
    if arguments.memoire:
        voie, chemin = arguments.memoire
        print(json.dumps(memoire(chemin, voie)))
        return
    systeme = CountryTaxBenefitSystem()
    tailles = sorted(arguments.sizes)
    temps = {nombre: calcul(systeme, nombre, arguments.repeat) for nombre in tailles}
    plus_grande = tailles[-1]
    lignes = [
        Ligne(f"headline outputs, {nombre:,} trainings (vs numpy)", *temps[nombre][:2],
              ratio_max=1.5 if nombre == plus_grande else None)
        for nombre in tailles
    ]  # fmt: skip
    propres = temps[plus_grande][2]  # where the time goes: the costliest variables, their own time (traced)
    lignes += [Ligne(f"  of which {nom}", propres[nom], None) for nom in sorted(propres, key=propres.get)[:-6:-1]]
    par_formation = {nombre: temps[nombre][0] / nombre * 1e6 for nombre in tailles}  # µs
    lignes += [
        Ligne(f"  cost per training, {plus_grande:,} vs {nombre:,}", par_formation[plus_grande],
              par_formation[nombre], "µs", ratio_max=1.2)
        for nombre in tailles[:-1]
    ]  # fmt: skip
    lignes += depuis_un_csv(systeme, plus_grande, arguments.csv_repeat)
    print(f"First call ({PERIODE}), {len(VARIABLES)} headline outputs, results equal; best of {arguments.repeat}\n")
    imprimer(lignes)


if __name__ == "__main__":
    sys.exit(main())
