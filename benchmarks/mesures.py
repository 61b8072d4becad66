"""What the benchmarks share: timings, a measurement run in its own process, and one line per target.

Every line a benchmark prints says what was measured, the reference measured in the same run, their ratio,
the target, and whether it is met: the seconds change from one machine to another, the ratios much less.
A benchmark is not a test: a missed target is printed "missed", and the script still ends normally.
"""

import json
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass


def chronometrer(fonction, repetitions: int, avant=None) -> tuple[float, object]:
    """(the best time of `repetitions` runs of `fonction()`, in seconds, and its last result). `avant()`, when
    given, runs before each run, outside the time (to make a simulation forget what it computed)."""
    return alterner({None: fonction}, repetitions, avant)[None]


def alterner(fonctions: dict, repetitions: int, avant=None, echauffement: int = 0, statistique=min) -> dict:
    """{name: (statistic of its times, last result)} of each function, run in turns (one run of each per round),
    so that a busy moment of the machine does not fall on one of them only; the first `echauffement` rounds are
    not counted (caches warmed). `statistique`: `min`, the best run, or `statistics.median` for what shares a
    machine with other processes, where the best run flatters. `avant()` as for `chronometrer`."""
    temps = {nom: [] for nom in fonctions}
    resultats = {}
    for rang in range(echauffement + repetitions):
        for nom, fonction in fonctions.items():
            if avant:
                avant()
            debut = time.perf_counter()
            resultats[nom] = fonction()
            if rang >= echauffement:
                temps[nom].append(time.perf_counter() - debut)
    return {nom: (statistique(temps[nom]), resultats[nom]) for nom in fonctions}


def medianes(fonctions: dict, repetitions: int, echauffement: int) -> dict:
    """{name: the median time of its function}, in turns after `echauffement` rounds (see `alterner`)."""
    mesures = alterner(fonctions, repetitions, echauffement=echauffement, statistique=statistics.median)
    return {nom: temps for nom, (temps, _) in mesures.items()}


def en_sous_processus(script: str, *arguments: str) -> dict:
    """The JSON object the last line of `python script arguments…` prints: a measurement in a fresh process, so
    that its peak memory and its caches are its own."""
    commande = [sys.executable, script, *arguments]
    fini = subprocess.run(commande, capture_output=True, text=True)
    if fini.returncode:
        raise SystemExit(f"{' '.join(commande[1:])} failed:\n{fini.stderr[-3000:]}")
    return json.loads(fini.stdout.splitlines()[-1])


@dataclass
class Ligne:
    """One target: `mesure` against `reference` (same unit), the ratio's target (`ratio_max`, or `ratio_min` for
    a speed-up), or an absolute one on `mesure` (`max_absolu`). A line without a target is a detail."""

    quoi: str
    mesure: float
    reference: float | None
    unite: str = "s"
    ratio_max: float | None = None
    ratio_min: float | None = None
    max_absolu: float | None = None

    @property
    def ratio(self) -> float | None:
        """None where there is nothing to divide: no reference, or a difference of times below zero (what a
        cost computed as a difference gives when the machine's noise is larger than the cost)."""
        valides = self.reference is not None and self.reference > 0 and self.mesure >= 0
        return self.mesure / self.reference if valides else None

    def tenue(self) -> bool | None:
        """Met (True), missed (False), or no target (None). A ratio's target without a ratio is missed: nothing
        shows it met."""
        sans_ratio = self.ratio is None
        verdicts = [
            not sans_ratio and self.ratio <= self.ratio_max if self.ratio_max is not None else None,
            not sans_ratio and self.ratio >= self.ratio_min if self.ratio_min is not None else None,
            self.mesure <= self.max_absolu if self.max_absolu is not None else None,
        ]
        verdicts = [v for v in verdicts if v is not None]
        return all(verdicts) if verdicts else None

    def cible(self) -> str:
        textes = [f"≤ {self.ratio_max:g}×" if self.ratio_max is not None else "",
                  f"≥ {self.ratio_min:g}×" if self.ratio_min is not None else "",
                  f"≤ {_valeur(self.max_absolu, self.unite)}" if self.max_absolu is not None else ""]  # fmt: skip
        return ", ".join(t for t in textes if t) or "-"


def _valeur(valeur: float | None, unite: str) -> str:
    """A value in its unit, to a useful precision (seconds under one as milliseconds)."""
    if valeur is None:
        return "-"
    if unite == "s":
        return f"{valeur * 1000:.3g} ms" if valeur < 1 else f"{valeur:.2f} s"
    if unite == "MB":
        return f"{valeur:,.0f} MB"
    return f"{valeur:,.3g} {unite}".rstrip()


def imprimer(lignes: list[Ligne], largeur: int = 56) -> int:
    """Print the lines as a table; return how many targets are missed."""
    print(f"{'':{largeur}} {'measured':>11} {'reference':>11} {'ratio':>8}  {'target':<12} verdict")
    for ligne in lignes:
        ratio = "-" if ligne.ratio is None else f"{ligne.ratio:.2f}×"
        verdict = {True: "met", False: "missed", None: ""}[ligne.tenue()]
        mesure, reference = _valeur(ligne.mesure, ligne.unite), _valeur(ligne.reference, ligne.unite)
        print(f"{ligne.quoi:{largeur}} {mesure:>11} {reference:>11} {ratio:>8}  {ligne.cible():<12} {verdict}".rstrip())
    return sum(ligne.tenue() is False for ligne in lignes)
