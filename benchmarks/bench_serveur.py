"""Load benchmark of the web API: the extended server against plain `openfisca serve`, same requests.

    python benchmarks/bench_serveur.py [--clients 8] [--requests 400] [--large-requests 16] [--workers 2]
                                       [--rounds 5] [--explain 10]

Both servers run on loopback with the same gunicorn worker count. N client threads send a bounded number of
POST /calculate: one training, then 1 000 trainings (in 200 structures, the most a request may give). Before
measuring, each load's answers from both servers must be the same JSON. The servers take turns over `--rounds`
rounds, so that neither always runs first; each keeps its best round. Printed: the extended server's
throughput against the plain one's (targets: never slower for one training, at least 5x for 1 000: it builds
the simulation from the arrays it validated and writes the answer directly, where OpenFisca parses every period
string again, looks each id up in a list and merges the answer with dpath); the median time of `/explain` of
the 1 000 trainings against `/calculate` of the same, one request at a time on the extended server, the two
taking turns (target: at most 2.5x); errors, any answer but 200 (target: none).
"""

import argparse
import statistics
import sys
import threading
import time
from pathlib import Path

from mesures import Ligne, imprimer, medianes

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


def en_alternance(demandes: dict, repetitions: int) -> tuple[dict, int]:
    """({name: median time of its request}, errors): each (url, body) sent `repetitions` times, one request at a
    time, the requests taking turns, after one round to warm up."""
    statuts = []

    def envoyer(url, corps):
        return lambda: statuts.append(requete(url, corps, timeout=120)[0])

    temps = medianes({nom: envoyer(url, corps) for nom, (url, corps) in demandes.items()}, repetitions, 1)
    return temps, sum(statut != 200 for statut in statuts)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--clients", type=int, default=8)
    options.add_argument("--requests", type=int, default=400, help="requests with one training")
    options.add_argument("--large-requests", type=int, default=16, help="requests with 1000 trainings")
    options.add_argument("--workers", type=int, default=2)
    options.add_argument("--rounds", type=int, default=5, help="the servers take turns; each keeps its best round")
    options.add_argument("--explain", type=int, default=10, help="requests of /explain and /calculate, one at a time")
    arguments = options.parse_args()
    dossier = Path(sys.executable).parent
    serveurs = {
        "plain": [str(dossier / "openfisca"), "serve", "--country-package", "openfisca_gen",
                  "--bind", "127.0.0.1:0", "--workers", str(arguments.workers)],
        "extended": [str(dossier / "openfisca-gen"), "serve", "--port", "0", "--workers", str(arguments.workers)],
    }  # fmt: skip
    charges = {
        1: (formation_eligible, arguments.requests),
        1000: (situation_de(1000), arguments.large_requests),
    }
    processus, adresses, erreurs = {}, {}, 0
    try:
        for serveur, commande in serveurs.items():
            processus[serveur], adresses[serveur] = demarrer(commande)
        for nombre, (corps, _) in charges.items():  # the same answers, or the speed means nothing
            reponses = [requete(f"{adresse}/calculate", corps, timeout=120) for adresse in adresses.values()]
            if reponses[0] != reponses[1] or reponses[0][0] != 200:
                raise SystemExit(f"{nombre} trainings: the servers answer differently")
        debit = {}
        for _ in range(arguments.rounds):
            for nombre, (corps, total) in charges.items():
                for serveur, adresse in adresses.items():
                    url = f"{adresse}/calculate"
                    charger(url, corps, arguments.clients, max(total // 10, 2))  # warm-up
                    mesure = charger(url, corps, arguments.clients, total)
                    erreurs += mesure["errors"]
                    debit[(nombre, serveur)] = max(debit.get((nombre, serveur), 0), mesure["req/s"])
        etendu = adresses["extended"]
        explication = {"situation": charges[1000][0], "period": "2015-10"}
        sequentiel, erreurs_sequentielles = en_alternance(
            {"explain": (f"{etendu}/explain", explication), "calculate": (f"{etendu}/calculate", charges[1000][0])},
            arguments.explain,
        )
        erreurs += erreurs_sequentielles
    finally:
        for p in processus.values():
            arreter(p)
    cibles = {1: 1, 1000: 5}
    lignes = [
        Ligne(f"POST /calculate, {nombre:,} training{'s' * (nombre > 1)}: throughput vs plain",
              debit[(nombre, "extended")], debit[(nombre, "plain")], "req/s", ratio_min=cibles[nombre])
        for nombre in charges
    ]  # fmt: skip
    lignes += [
        Ligne("POST /explain vs /calculate, 1,000 trainings", *sequentiel.values(), ratio_max=2.5),
        Ligne("errors (answers but 200), every request", erreurs, None, "", max_absolu=0),
    ]
    contexte = f"{arguments.clients} clients, {arguments.workers} gunicorn workers each, loopback"
    print(f"Same JSON from both servers for every load. {contexte}, best of {arguments.rounds} rounds\n")
    imprimer(lignes)


if __name__ == "__main__":
    main()
