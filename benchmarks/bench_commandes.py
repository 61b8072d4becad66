"""The commands people wait for, timed from outside as a shell runs them: start-up, and the readings' analysis.

    python benchmarks/bench_commandes.py [--repetitions 5]

Each command runs in a fresh process, its output thrown away, the commands taking turns; the median wall time
is printed. `openfisca-gen --help` against `python -c pass` (the interpreter's own start, which no command can
go below; target: 0.35 s, for which the CLI imports pandas, Flask, gunicorn and the law only in the commands
that use them); `openfisca-gen interpretations` (every combination of the readings that concern the bundled
first call, on its population) against `openfisca-gen calculate` of one variable on the same population (one
simulation, the law loaded: the fixed cost of a command; target: 2 s).
"""

import argparse
import subprocess
import sys
from pathlib import Path

from mesures import Ligne, imprimer, medianes

COMMANDE = str(Path(sys.executable).parent / "openfisca-gen")
COMMANDES = {
    "pass": [sys.executable, "-c", "pass"],
    "help": [COMMANDE, "--help"],
    "calculate": [COMMANDE, "calculate", "--data", "appel_2015", "--variables", "financement_amorcage"],
    "interpretations": [COMMANDE, "interpretations"],
}


def lancer(commande: list[str]):
    return lambda: subprocess.run(commande, check=True, stdout=subprocess.DEVNULL)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--repetitions", type=int, default=5)
    arguments = options.parse_args()
    # one round first, to warm the disk cache
    t = medianes({nom: lancer(commande) for nom, commande in COMMANDES.items()}, arguments.repetitions, 1)
    print(f"Wall time of a fresh process, median of {arguments.repetitions}\n")
    imprimer(
        [
            Ligne("openfisca-gen --help (vs python -c pass)", t["help"], t["pass"], max_absolu=0.35),
            Ligne("openfisca-gen interpretations (vs calculate)", t["interpretations"], t["calculate"], max_absolu=2),
        ]
    )


if __name__ == "__main__":
    main()
