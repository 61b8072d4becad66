"""Benchmark of the pages: the empty simulator, a simulator result, and a workshop result on the default bundled
population (its link, and the form's POST followed by the link it answers with), each against its target.

    python benchmarks/bench_pages.py [--repetitions 15]

Requests go through Flask's test client, in one process: what is measured is the pages' own work, not the
network. Each request runs twice to warm up, then `--repetitions` times; the median is printed with its target
(the empty simulator within 0.1 s, a workshop result within 0.25 s), and its ratio to two references measured
in the same run: a bare Flask route returning a fixed page, and `/calculate` of the simulator's example training
(the ratios hold from one machine to another, the seconds do not).
"""

import argparse
import statistics
import time
import warnings
from urllib.parse import urlencode

from openfisca_gen.pages.simulateur import valeurs_exemple
from openfisca_gen.population import POPULATIONS
from openfisca_gen.situation_examples import formation_eligible
from openfisca_gen.web import creer_app

PAGE_FIXE = "<!doctype html><html lang='fr'><title>repère</title><p>Une page fixe.</p></html>"


def mesurer(envoyer, repetitions: int) -> float:
    """The median time of `envoyer()`, after two runs to warm up (its caches, the parameters' lookups)."""
    for _ in range(2):
        envoyer()
    temps = []
    for _ in range(repetitions):
        debut = time.perf_counter()
        reponse = envoyer()
        temps.append(time.perf_counter() - debut)
        assert reponse.status_code in (200, 303), reponse.status_code
    return statistics.median(temps)


def main(arguments=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repetitions", type=int, default=15)
    options = parser.parse_args(arguments)
    warnings.simplefilter("ignore")  # a reform's value that also applies to later calls warns once per request
    app = creer_app()
    app.add_url_rule("/repere", "repere", lambda: PAGE_FIXE)
    client = app.test_client()
    systeme = app.extensions["openfisca_gen.pages"]["tax_benefit_system"]
    exemple = valeurs_exemple(systeme)
    lien = urlencode({"financement_amorcage.plafond": "50000"})
    formulaire = {"affiche": POPULATIONS["appel_2015"]["periode"], "financement_amorcage.plafond": "50000"}
    mesures = {
        "route Flask, page fixe (référence)": (lambda: client.get("/repere"), None),
        "POST /calculate, la formation exemple (référence)": (
            lambda: client.post("/calculate", json=formation_eligible),
            None,
        ),
        "GET /simulateur (formulaire)": (lambda: client.get("/simulateur"), 0.1),
        "GET /simulateur?… (un résultat)": (lambda: client.get("/simulateur?" + urlencode(exemple)), None),
        "GET /reformes?… (un résultat, population par défaut)": (lambda: client.get("/reformes?" + lien), 0.25),
        "POST /reformes, suivi de son lien": (
            lambda: client.post("/reformes", data=formulaire, follow_redirects=True),
            0.25,
        ),
    }
    temps = {nom: mesurer(envoyer, options.repetitions) for nom, (envoyer, _) in mesures.items()}
    fixe, calcul = (
        temps["route Flask, page fixe (référence)"],
        temps["POST /calculate, la formation exemple (référence)"],
    )
    print(f"{'requête':<56} {'médiane':>9} {'cible':>8} {'/ page fixe':>12} {'/ calculate':>12}")
    for nom, (_, cible) in mesures.items():
        texte_cible = f"{cible:.2f} s" if cible else "—"
        tenue = "" if cible is None else ("  tenue" if temps[nom] <= cible else "  DÉPASSÉE")
        print(f"{nom:<56} {temps[nom]:>7.3f} s {texte_cible:>8} {temps[nom] / fixe:>11.0f}× "
              f"{temps[nom] / calcul:>11.1f}×{tenue}")  # fmt: skip


if __name__ == "__main__":
    main()
