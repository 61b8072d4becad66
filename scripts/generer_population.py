"""Generate the bundled SYNTHETIC sample population of the first call (2015).

    python scripts/generer_population.py      # rewrites openfisca_gen/donnees/population_premier_appel.csv

No per-training open dataset exists; this one is drawn with a fixed seed and
calibrated to published aggregates:

- 171 labelled trainings run by 84 structures (L'Usine digitale, Feb 2016);
- structures: 44 % associations, 34 % private companies, 13 % public bodies
  (2017 key figures, Le Monde Informatique); the remaining 9 % are unspecified
  and recorded as `autre`;
- 2 760 learners (2016 activity, Défi métiers), 24 % women and 17 % QPV
  residents (2017 key figures; Cour des comptes), 31 % young NEET with little
  or no qualification (2016 activity, Défi métiers);
- average duration of 7 months (2017 key figures), within 3 to 24 months.

Assumptions, not published figures: the mix of trades; filing dates spread
over the call; no ZRR residents (no figure published: left at 0 rather than
invented); session budgets = learners x months x a cost per learner-month x a
log-normal spread (sigma 0.3), the cost being chosen so that the baseline
seed funding totals the 5 M€ the first call spent (Le Monde Informatique).
"""

from pathlib import Path

import numpy
import pandas

from openfisca_gen import CountryTaxBenefitSystem
from openfisca_gen.population import lire_population

GRAINE = 2015
SORTIE = Path(__file__).resolve().parents[1] / "openfisca_gen" / "donnees" / "population_premier_appel.csv"
FORMATIONS, STRUCTURES, APPRENANTS = 171, 84, 2760
PARTS = {"nombre_femmes": 0.24, "nombre_residents_qpv": 0.17, "nombre_jeunes_neet_peu_qualifies": 0.31}
STATUTS = {"association": 0.44, "entreprise_privee": 0.34, "etablissement_public": 0.13, "autre": 0.09}
METIERS = {  # assumption
    "developpeur_web": 0.45,
    "codeur": 0.15,
    "integrateur_logiciel": 0.10,
    "graphiste_web": 0.08,
    "webmaster": 0.07,
    "community_manager": 0.07,
    "autre_metier_numerique": 0.08,
}
ENVELOPPE = 5_000_000
PERIODE = "2015-10"


def repartir(total: int, parts: dict) -> list:
    """`total` items split by shares, exactly, by largest remainder."""
    brut = numpy.array(list(parts.values())) * total
    nombres = numpy.floor(brut).astype(int)
    nombres[numpy.argsort(nombres - brut)[: total - nombres.sum()]] += 1
    return [nom for nom, n in zip(parts, nombres, strict=True) for _ in range(n)]


def ajuster(valeurs, plafonds, cible, generateur):
    """Add or remove one unit at random entries (within 0..plafond) until the sum is `cible`."""
    valeurs = valeurs.copy()
    while (ecart := cible - valeurs.sum()) != 0:
        possibles = numpy.flatnonzero(valeurs < plafonds) if ecart > 0 else numpy.flatnonzero(valeurs > 0)
        valeurs[generateur.choice(possibles)] += numpy.sign(ecart)
    return valeurs


def generer() -> pandas.DataFrame:
    generateur = numpy.random.default_rng(GRAINE)
    structure = numpy.concatenate(
        [
            numpy.arange(STRUCTURES),
            generateur.choice(STRUCTURES, FORMATIONS - STRUCTURES, p=generateur.dirichlet(numpy.ones(STRUCTURES))),
        ]
    )
    statut_par_structure = generateur.permutation(repartir(STRUCTURES, STATUTS))
    apprenants = ajuster(
        numpy.maximum(generateur.poisson(APPRENANTS / FORMATIONS, FORMATIONS), 6),
        numpy.full(FORMATIONS, 40),
        APPRENANTS,
        generateur,
    )
    table = pandas.DataFrame(
        {
            "formation_id": [f"formation_{i + 1:03d}" for i in range(FORMATIONS)],
            "structure_id": [f"structure_{s + 1:02d}" for s in structure],
            "campagne_id": "appel_2015",
            "statut_structure": statut_par_structure[structure],
            "date_depot_dossier": (
                numpy.datetime64("2015-09-17") + generateur.integers(0, 33, FORMATIONS).astype("timedelta64[D]")
            ).astype(str),
            "metier_vise": generateur.permutation(repartir(FORMATIONS, METIERS)),
            "formation_gratuite": True,
            "prerequis_academiques_exiges": False,
            "pedagogie_innovante": True,
            "duree_formation_mois": numpy.clip(
                numpy.round(2 * (3 + generateur.gamma(2.0, 2.0, FORMATIONS))) / 2, 3, 24
            ),
            "nombre_apprenants": apprenants,
        }
    )
    for colonne, part in PARTS.items():  # a share per training around the national one, then the exact total
        probabilites = generateur.beta(8 * part, 8 * (1 - part), FORMATIONS)
        tirage = generateur.binomial(apprenants, probabilites)
        table[colonne] = ajuster(tirage, apprenants, round(part * APPRENANTS), generateur)
    table["nombre_residents_zrr"] = 0
    dispersion = generateur.lognormal(0, 0.3, FORMATIONS)
    table["budget_session"] = 0.0
    tax_benefit_system = CountryTaxBenefitSystem()

    def cout_total(cout_mois_apprenant: float) -> float:
        table["budget_session"] = numpy.round(
            apprenants * table["duree_formation_mois"] * cout_mois_apprenant * dispersion, -2
        )
        population = lire_population(tax_benefit_system, table)
        simulation = population.simulation(tax_benefit_system, PERIODE)
        return float(simulation.calculate("financement_amorcage", PERIODE).astype(float).sum())

    bas, haut = 100.0, 5000.0
    for _ in range(40):  # bisection on the cost per learner-month
        milieu = (bas + haut) / 2
        bas, haut = (milieu, haut) if cout_total(milieu) < ENVELOPPE else (bas, milieu)
    cout_total(round(bas))
    return table


def main() -> None:
    table = generer()
    entete = "".join(f"# {ligne}\n" if ligne else "#\n" for ligne in __doc__.strip().splitlines())
    SORTIE.write_text(entete + table.to_csv(index=False), encoding="utf-8")
    print(f"{len(table)} trainings written to {SORTIE}")


if __name__ == "__main__":
    main()
