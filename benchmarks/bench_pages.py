"""Benchmark of the pages where people wait: the simulator (its form, a result) and the workshop (a result on the
default bundled population, by its link and by the form's POST followed by the link it answers with).

    python benchmarks/bench_pages.py [--repetitions 15]

Requests go through Flask's test client, in one process: what is measured is the pages' own work, not the
network. Each request runs twice to warm up, then `--repetitions` times, the pages and their references taking
turns; the median is printed. References, measured in the same run: for the form, a bare Flask route returning
a fixed page; for a simulator result, POST /explain of the same training (what the page explains, as JSON); for
a workshop result, the comparison itself in Python (`analyse.comparer` on the population already read, and the
tables the page shows), so that the ratio is what the page adds. Targets: the simulator within 0.1 s, a
workshop result within 0.25 s.
"""

import argparse
import warnings
from urllib.parse import urlencode

from mesures import Ligne, imprimer, medianes

from openfisca_gen.analyse import comparer
from openfisca_gen.pages.simulateur import valeurs_exemple
from openfisca_gen.population import POPULATIONS, lire_population
from openfisca_gen.situation_examples import formation_eligible
from openfisca_gen.web import creer_app

PAGE_FIXE = "<!doctype html><html lang='fr'><title>repère</title><p>Une page fixe.</p></html>"
MOIS = POPULATIONS["appel_2015"]["periode"]  # the workshop's default month: the default population's own


def reussi(nom: str, envoi):
    """`envoi`, its answer checked: a page that failed is not timed as one that answered."""

    def verifie():
        reponse = envoi()
        assert getattr(reponse, "status_code", 200) == 200, (nom, reponse.status_code)

    return verifie


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
    formulaire = {"affiche": MOIS, "financement_amorcage.plafond": "50000"}
    population = lire_population(systeme, "appel_2015")
    reforme = {"financement_amorcage.plafond": {"2015-09-17": 50_000}}  # what the form's 50000 gives, in force

    def comparaison():
        resultat = comparer(population, reforme, MOIS, systeme)
        for table in ("resume", "changements", "par_statut", "par_tranche", "objectifs", "evolutions"):
            getattr(resultat, table)()

    envois = {
        "fixe": lambda: client.get("/repere"),
        "formulaire": lambda: client.get("/simulateur"),
        "explain": lambda: client.post("/explain", json={"situation": formation_eligible, "period": MOIS}),
        "simulateur": lambda: client.get("/simulateur?" + urlencode(exemple)),
        "comparaison": comparaison,
        "lien": lambda: client.get("/reformes?" + lien),
        "post": lambda: client.post("/reformes", data=formulaire, follow_redirects=True),
    }
    # two rounds first, to warm the caches and the parameters' lookups
    t = medianes({nom: reussi(nom, envoi) for nom, envoi in envois.items()}, options.repetitions, 2)
    lignes = [
        Ligne("GET /simulateur, the form (vs a fixed page)", t["formulaire"], t["fixe"], max_absolu=0.1),
        Ligne("GET /simulateur?…, a result (vs POST /explain)", t["simulateur"], t["explain"], max_absolu=0.1),
        Ligne("GET /reformes?…, a result (vs the comparison)", t["lien"], t["comparaison"], max_absolu=0.25),
        Ligne("POST /reformes, then its link (vs the comparison)", t["post"], t["comparaison"], max_absolu=0.25),
    ]
    print(f"Flask's test client, one process; median of {options.repetitions}\n")
    imprimer(lignes)


if __name__ == "__main__":
    main()
