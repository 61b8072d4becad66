"""Speed and memory of the package on large populations, against references measured in the same run.

    python benchmarks/bench_population.py                    # 10^3, 10^5 and 10^6 trainings, then the sweep
    python benchmarks/bench_population.py --sizes 1000 100000

For each size, in a fresh process (so that its peak memory is its own):
- build: validating an in-memory table and building the simulation, against
  the time pandas takes to read the same table from CSV (target: ratio <= 1);
- compute: every variable of the model for a 2015 period through OpenFisca,
  against the same rules hand-written in numpy (target at 10^6: ratio <= 2);
- peak memory of the process (target at 10^6: < 1 GB).
Then a sweep of 1 000 parametric reforms over the bundled population (target < 10 s).
Timings are the best of `--repeat` runs.
"""

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy
import pandas

PERIOD = "2015-10"


def table_aleatoire(nombre: int, graine: int = 0) -> pandas.DataFrame:
    """A typed in-memory table of `nombre` trainings (about 2 per structure, one campaign)."""
    generateur = numpy.random.default_rng(graine)
    apprenants = generateur.integers(1, 40, nombre)
    metiers = numpy.array(["developpeur_web", "codeur", "webmaster", "community_manager", "hors_numerique"])
    statuts_structures = numpy.array(["association", "entreprise_privee", "etablissement_public", "autre"])
    structure = numpy.sort(generateur.integers(0, max(nombre // 2, 1), nombre))
    return pandas.DataFrame(
        {
            "formation_id": numpy.char.add("f", numpy.arange(nombre).astype(str)),
            "structure_id": structure,
            "campagne_id": "c",
            "statut_structure": statuts_structures[structure % 4],
            "date_depot_dossier": numpy.datetime64("2015-09-10")
            + generateur.integers(0, 45, nombre).astype("timedelta64[D]"),
            "metier_vise": metiers[generateur.integers(0, 5, nombre)],
            "formation_gratuite": generateur.random(nombre) < 0.95,
            "prerequis_academiques_exiges": generateur.random(nombre) < 0.05,
            "pedagogie_innovante": generateur.random(nombre) < 0.95,
            "duree_formation_mois": numpy.round(generateur.uniform(1, 30, nombre), 1),
            "budget_session": numpy.round(generateur.uniform(0, 250_000, nombre), -2),
            "nombre_apprenants": apprenants,
            "nombre_femmes": generateur.binomial(apprenants, 0.25),
            "nombre_jeunes_neet_peu_qualifies": generateur.binomial(apprenants, 0.4),
            "nombre_residents_qpv": generateur.binomial(apprenants, 0.17),
            "nombre_residents_zrr": generateur.binomial(apprenants, 0.05),
        }
    )


def reference_numpy(t: pandas.DataFrame, p) -> dict:
    """The rules of the first call written directly in numpy: the reference for 'compute'.

    It reads the same typed arrays the simulation holds (the validated table: enum codes, dates), so
    the ratio measures what OpenFisca's machinery costs, not the parsing of text."""
    depot = t["date_depot_dossier"].to_numpy().astype("datetime64[D]")
    duree = t["duree_formation_mois"].to_numpy()
    budget = t["budget_session"].to_numpy()
    apprenants = t["nombre_apprenants"].to_numpy()
    structure = pandas.factorize(t["structure_id"])[0]
    campagne = pandas.factorize(t["campagne_id"])[0]
    r = {}
    r["dans_les_delais"] = (depot >= numpy.datetime64("2015-09-17")) & (depot <= numpy.datetime64("2015-10-19"))
    r["releve"] = numpy.where(r["dans_les_delais"], numpy.datetime64("2015-10-19"), numpy.datetime64("1970-01-01"))
    r["metier"] = t["metier_vise"].to_numpy() != p["code_hors_numerique"]
    r["sans_prerequis"] = ~t["prerequis_academiques_exiges"].to_numpy()
    r["duree"] = (duree >= p["min"]) & (duree <= p["max"])
    r["statut"] = numpy.ones(len(t), bool)
    r["eligible"] = (
        r["dans_les_delais"]
        & r["metier"]
        & t["formation_gratuite"].to_numpy()
        & r["sans_prerequis"]
        & t["pedagogie_innovante"].to_numpy()
        & r["duree"]
        & r["statut"]
    )
    r["labellisee"] = r["eligible"]
    r["eligible_financement"] = r["labellisee"]
    r["sessions"] = numpy.where(duree >= p["seuil"], 1, 2)
    r["avant_plafond"] = p["taux"] * budget * r["sessions"]
    r["plafonne"] = r["avant_plafond"] > p["plafond"]
    r["financement"] = numpy.where(r["eligible_financement"], numpy.clip(r["avant_plafond"], 0, p["plafond"]), 0)
    r["fin_validite"] = numpy.where(r["labellisee"], numpy.datetime64("2016-10-31"), numpy.datetime64("1970-01-01"))
    r["par_structure"] = numpy.bincount(structure, r["financement"])
    parts = {}
    for nom in ("nombre_femmes", "nombre_jeunes_neet_peu_qualifies", "nombre_residents_qpv", "nombre_residents_zrr"):
        nombre = t[nom].to_numpy()
        parts[nom] = numpy.divide(nombre, apprenants, out=numpy.zeros(len(t)), where=apprenants > 0)
        r[f"somme_{nom}"] = numpy.bincount(campagne, nombre * r["labellisee"])
    r["femmes_suffisante"] = parts["nombre_femmes"] >= 0.3
    r["neet_suffisante"] = parts["nombre_jeunes_neet_peu_qualifies"] >= 0.5
    r["apprenants_campagne"] = numpy.bincount(campagne, apprenants * r["labellisee"])
    r["labellisees"] = numpy.bincount(campagne, r["labellisee"])
    r["cout"] = numpy.bincount(campagne, r["financement"])
    total = r["apprenants_campagne"]
    for nom in ("nombre_femmes", "nombre_jeunes_neet_peu_qualifies", "nombre_residents_qpv", "nombre_residents_zrr"):
        r[f"part_campagne_{nom}"] = numpy.divide(r[f"somme_{nom}"], total, out=numpy.zeros(len(total)), where=total > 0)
    r["objectif_femmes"] = r["part_campagne_nombre_femmes"] >= 0.3
    r["objectif_neet"] = r["part_campagne_nombre_jeunes_neet_peu_qualifies"] >= 0.5
    r["objectif_fabriques"] = r["labellisees"] >= 50
    r["objectif_apprenants"] = total >= 2500
    r["enveloppe"] = r["cout"] <= 5e6
    r["depassement"] = numpy.maximum(r["cout"] - 5e6, 0)
    return r


def meilleur(fonction, repetitions: int):
    """(best time in seconds, last result)."""
    temps, resultat = [], None
    for _ in range(repetitions):
        debut = time.perf_counter()
        resultat = fonction()
        temps.append(time.perf_counter() - debut)
    return min(temps), resultat


def mesurer_taille(nombre: int, repetitions: int) -> dict:
    """Run in its own process: the figures for one size."""
    from openfisca_gen import CountryTaxBenefitSystem
    from openfisca_gen.population import lire_population

    tax_benefit_system = CountryTaxBenefitSystem()
    table = table_aleatoire(nombre)
    with tempfile.TemporaryDirectory() as dossier:
        chemin = Path(dossier) / "formations.csv"
        table.to_csv(chemin, index=False)
        lecture_csv = meilleur(lambda: len(pandas.read_csv(chemin)), repetitions)[0]
    construction, simulation = meilleur(
        lambda: lire_population(tax_benefit_system, table).simulation(tax_benefit_system, PERIOD), repetitions
    )
    variables = [nom for nom, variable in tax_benefit_system.variables.items() if variable.formulas]

    def tout_calculer():
        s = lire_population(tax_benefit_system, table).simulation(tax_benefit_system, PERIOD)
        debut = time.perf_counter()
        for nom in variables:
            s.calculate(nom, PERIOD)
        return time.perf_counter() - debut, s

    calcul = min(tout_calculer()[0] for _ in range(repetitions))
    _, simulation = tout_calculer()
    p = tax_benefit_system.parameters
    valeurs = {
        "min": p.labellisation.duree_formation.minimum_mois("2015-10-31"),
        "max": p.labellisation.duree_formation.maximum_mois("2015-10-31"),
        "seuil": p.financement_amorcage.seuil_duree_mois("2015-10-31"),
        "taux": p.financement_amorcage.taux("2015-10-31"),
        "plafond": p.financement_amorcage.plafond("2015-10-31"),
        "code_hors_numerique": tax_benefit_system.variables["metier_vise"].possible_values.hors_numerique.index,
    }
    typee = lire_population(tax_benefit_system, table).table
    numpy_seul, reference = meilleur(lambda: reference_numpy(typee, valeurs), repetitions)
    numpy.testing.assert_allclose(
        simulation.calculate("financement_amorcage", PERIOD), reference["financement"], rtol=1e-5
    )
    return {
        "trainings": nombre,
        "variables computed": len(variables),
        "read CSV (s)": lecture_csv,
        "build (s)": construction,
        "build / read CSV": construction / lecture_csv,
        "numpy reference (s)": numpy_seul,
        "compute (s)": calcul,
        "compute / numpy": calcul / numpy_seul,
    }


def mesurer_memoire(nombre: int) -> dict:
    """Run in its own process: peak memory of what a user does, an in-memory table to every output."""
    from openfisca_gen import CountryTaxBenefitSystem
    from openfisca_gen.population import lire_population

    tax_benefit_system = CountryTaxBenefitSystem()
    simulation = lire_population(tax_benefit_system, table_aleatoire(nombre)).simulation(tax_benefit_system, PERIOD)
    for nom, variable in tax_benefit_system.variables.items():
        if variable.formulas:
            simulation.calculate(nom, PERIOD)
    return {"peak memory (MB)": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def mesurer_balayage() -> dict:
    from openfisca_gen import CountryTaxBenefitSystem
    from openfisca_gen.analyse import balayer
    from openfisca_gen.population import POPULATION_EXEMPLE, lire_population

    tax_benefit_system = CountryTaxBenefitSystem()
    population = lire_population(tax_benefit_system, POPULATION_EXEMPLE)
    valeurs = numpy.linspace(40_000, 150_000, 1000).round().tolist()
    debut = time.perf_counter()
    balayer(population, "financement_amorcage.plafond", valeurs, PERIOD, tax_benefit_system)
    duree = time.perf_counter() - debut
    return {
        "reforms": len(valeurs),
        "trainings": len(population.table),
        "sweep (s)": duree,
        "sweep / 10 s target": duree / 10,
    }


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--sizes", type=int, nargs="+", default=[1_000, 100_000, 1_000_000])
    arguments.add_argument("--repeat", type=int, default=3)
    arguments.add_argument("--une-taille", type=int, help=argparse.SUPPRESS)
    arguments.add_argument("--memoire", action="store_true", help=argparse.SUPPRESS)
    options = arguments.parse_args()
    if options.une_taille:
        mesure = mesurer_memoire if options.memoire else lambda n: mesurer_taille(n, options.repeat)
        print(json.dumps(mesure(options.une_taille)))
        return

    def dans_un_processus(*options_en_plus):
        commande = [sys.executable, __file__, "--repeat", str(options.repeat), *options_en_plus]
        return json.loads(subprocess.run(commande, check=True, capture_output=True, text=True).stdout.splitlines()[-1])

    lignes = [
        dans_un_processus("--une-taille", str(n)) | dans_un_processus("--une-taille", str(n), "--memoire")
        for n in options.sizes
    ]
    with pandas.option_context("display.width", 200, "display.float_format", "{:,.3f}".format):
        print(pandas.DataFrame(lignes).set_index("trainings").to_string())
        print("\ntargets at 10^6: build / read CSV <= 1, compute / numpy <= 2, peak memory < 1024 MB\n")
        print(pandas.Series(mesurer_balayage()).to_string())


if __name__ == "__main__":
    main()
