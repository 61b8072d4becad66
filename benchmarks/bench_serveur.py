"""Load benchmark of the web API: the extended server against plain `openfisca serve`, same requests.

    python benchmarks/bench_serveur.py [--clients 8] [--requests 400] [--large-requests 60] [--workers 2]

Both servers run on loopback with the same gunicorn worker count. N client
threads send a bounded number of POST /calculate: one training, 500
trainings (in 100 structures), 1 000 trainings (in 200 structures). Before
measuring, each load's answers from both servers must be the same JSON. The
servers take turns over `--rounds` rounds, so that neither always runs first;
each keeps its best round. For each: requests per second, p50 and p99
latency, errors (any answer but 200, over all rounds). The last column is
the extended server's throughput over the plain one's, measured in the same
run (targets: zero errors; at least 0.9 for one training, at least 2 for
1 000 trainings: the extended server builds the simulation from the arrays
it validated and writes the answer directly, where OpenFisca parses every
period string again and merges the answer with dpath).
"""

import argparse
import statistics
import sys
import threading
import time
from pathlib import Path

import pandas

from openfisca_gen.situation_examples import formation_eligible

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from serveurs import arreter, demarrer, requete  # the tests' helper, not part of the package


def situation_de(nombre: int) -> dict:
    """`nombre` trainings in structures of 5, one campaign, each asking for its funding."""
    modele = formation_eligible["formations"]["formation_web"]
    formations = {f"f{i}": {**modele, "budget_session": {"2015-10": 1000 * (i % 150)}} for i in range(nombre)}
    ids = list(formations)
    return {
        "formations": formations,
        "structures": {f"s{i}": {"formations": ids[i : i + 5]} for i in range(0, nombre, 5)},
        "campagnes": {"c": {"formations": ids, "cout_financement_amorcage_campagne": {"2015-10": None}}},
    }


def charger(url: str, corps: dict, clients: int, total: int) -> dict:
    """`total` requests from `clients` threads; throughput, latency percentiles, errors."""
    latences, erreurs, verrou = [], [0], threading.Lock()
    restantes = iter(range(total))

    def client():
        while True:
            with verrou:
                if next(restantes, None) is None:
                    return
            debut = time.perf_counter()
            try:
                statut, _ = requete(url, corps, timeout=120)
            except OSError:
                statut = None
            duree = time.perf_counter() - debut
            with verrou:
                latences.append(duree)
                erreurs[0] += statut != 200

    fils = [threading.Thread(target=client) for _ in range(clients)]
    debut = time.perf_counter()
    for f in fils:
        f.start()
    for f in fils:
        f.join()
    ecoule = time.perf_counter() - debut
    quantiles = statistics.quantiles(latences, n=100)
    return {
        "req/s": total / ecoule,
        "p50 (ms)": quantiles[49] * 1000,
        "p99 (ms)": quantiles[98] * 1000,
        "errors": erreurs[0],
    }


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--clients", type=int, default=8)
    options.add_argument("--requests", type=int, default=400, help="requests with one training")
    options.add_argument("--large-requests", type=int, default=60, help="requests with 500 trainings")
    options.add_argument("--workers", type=int, default=2)
    options.add_argument("--rounds", type=int, default=5, help="the servers take turns; each keeps its best round")
    arguments = options.parse_args()
    dossier = Path(sys.executable).parent
    serveurs = {
        "openfisca serve": [str(dossier / "openfisca"), "serve", "--country-package", "openfisca_gen",
                            "--bind", "127.0.0.1:0", "--workers", str(arguments.workers)],
        "openfisca-gen serve": [str(dossier / "openfisca-gen"), "serve", "--port", "0",
                                "--workers", str(arguments.workers)],
    }  # fmt: skip
    charges = {
        "1 training": (formation_eligible, arguments.requests),
        "500 trainings": (situation_de(500), arguments.large_requests),
        "1000 trainings": (situation_de(1000), max(arguments.large_requests // 2, 2)),
    }
    processus, adresses = {}, {}
    try:
        for serveur, commande in serveurs.items():
            processus[serveur], adresses[serveur] = demarrer(commande)
        for charge, (corps, _) in charges.items():  # the same answers, or the speed means nothing
            reponses = [requete(f"{adresse}/calculate", corps, timeout=120) for adresse in adresses.values()]
            if reponses[0] != reponses[1] or reponses[0][0] != 200:
                raise SystemExit(f"{charge}: the servers answer differently")
        print("Same JSON from both servers for every load.")
        meilleurs = {}
        for _ in range(arguments.rounds):
            for charge, (corps, total) in charges.items():
                for serveur, adresse in adresses.items():
                    url = f"{adresse}/calculate"
                    charger(url, corps, arguments.clients, max(total // 10, 2))  # warm-up
                    mesure = charger(url, corps, arguments.clients, total)
                    precedent = meilleurs.get((charge, serveur))
                    erreurs = mesure["errors"] + (precedent["errors"] if precedent else 0)
                    if precedent is None or mesure["req/s"] > precedent["req/s"]:
                        meilleurs[(charge, serveur)] = mesure
                    meilleurs[(charge, serveur)]["errors"] = erreurs
    finally:
        for p in processus.values():
            arreter(p)
    lignes = [{"load": charge, "server": serveur, **mesure} for (charge, serveur), mesure in meilleurs.items()]
    table = pandas.DataFrame(lignes).set_index(["load", "server"])  # in the order of the loads
    for charge in charges:
        table.loc[(charge, "openfisca-gen serve"), "throughput vs plain"] = (
            table.loc[(charge, "openfisca-gen serve"), "req/s"] / table.loc[(charge, "openfisca serve"), "req/s"]
        )
    with pandas.option_context("display.width", 160, "display.float_format", "{:,.2f}".format):
        contexte = f"{arguments.clients} clients, {arguments.workers} gunicorn workers each, loopback"
        print(f"{contexte}, best of {arguments.rounds} rounds\n")
        print(table.to_string())


if __name__ == "__main__":
    main()
