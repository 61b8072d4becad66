"""Generate the bundled SYNTHETIC populations of the three calls, calibrated to the published margins.

    python scripts/generer_populations.py      # rewrites openfisca_gen/donnees/appel_{2015,2016,2018}.csv

No per-training open dataset exists. Each population is drawn with a fixed
seed to match the margins `openfisca_gen/donnees/populations.yaml` lists for
it (figures of docs/bilan.yaml, or stated assumptions), and checked against
them with the model before it is written. The funding totals are not
calibrated: budgets come from the GEN's own example of a training's budget,
so that the record (`openfisca-gen record`) can test the rules on them.
"""

from dataclasses import dataclass
from pathlib import Path

import numpy
import pandas

from openfisca_gen.bilan import marges_manquees
from openfisca_gen.population import POPULATIONS
from openfisca_gen.systeme import CountryTaxBenefitSystem

DONNEES = Path(__file__).resolve().parents[1] / "openfisca_gen" / "donnees"
STATUTS = {"association": 0.44, "entreprise_privee": 0.34, "etablissement_public": 0.13, "autre": 0.09}
METIERS = {  # assumption: no published mix of trades
    "developpeur_web": 0.45,
    "codeur": 0.15,
    "integrateur_logiciel": 0.10,
    "graphiste_web": 0.08,
    "webmaster": 0.07,
    "community_manager": 0.07,
    "autre_metier_numerique": 0.08,
}
BUDGET_MEDIAN = 100_000  # € « pour une formation dont le budget total prévu est de 100 000 euros » (GEN, 2018)


PARTS = {  # a share of learners (populations.yaml) -> the count of each training that makes it
    "part_femmes_campagne": "nombre_femmes",
    "part_residents_qpv_campagne": "nombre_residents_qpv",
    "part_jeunes_neet_peu_qualifies_campagne": "nombre_jeunes_neet_peu_qualifies",
    "part_apprenants_niveau_bac_ou_infra_campagne": "nombre_apprenants_niveau_bac_ou_infra",
}
COMPTES = ("nombre_dossiers_deposes", "nombre_formations_labellisees", "nombre_structures_labellisees",
           "nombre_fabriques_labellisees", "nombre_structures_financees", "nombre_apprenants_campagne")  # fmt: skip


@dataclass(frozen=True)
class Marges:
    """What a call's population is drawn to match (populations.yaml), and the call's window (the law's)."""

    nom: str
    appel: int
    debut: str
    fin: str
    decision: str
    cibles: dict  # {indicator: value}, published or supposed

    def __getitem__(self, indicateur):
        return self.cibles[indicateur]


def marges(nom: str, tax_benefit_system) -> Marges:
    description = POPULATIONS[nom]
    ouverture = [v for v in tax_benefit_system.parameters.calendrier.date_ouverture.values_list if v.value]
    calendrier = tax_benefit_system.parameters(sorted(v.instant_str for v in ouverture)[description["appel"] - 1])
    fin = max(calendrier.calendrier.dates_limites_depot)
    cibles = {**description["calibree_sur"], **description["supposees"]}
    return Marges(nom, description["appel"], calendrier.calendrier.date_ouverture, fin, description["decision"], cibles)


def repartir(total: int, parts: dict) -> list:
    """`total` items split by shares, exactly, by largest remainder."""
    brut = numpy.array(list(parts.values())) * total
    nombres = numpy.floor(brut).astype(int)
    nombres[numpy.argsort(nombres - brut)[: total - nombres.sum()]] += 1
    return [nom for nom, n in zip(parts, nombres, strict=True) for _ in range(n)]


def partager(total: int, nombre: int, generateur, minimum: int = 1) -> numpy.ndarray:
    """`total` split into `nombre` whole parts of at least `minimum`, at random."""
    parts = numpy.full(nombre, minimum)
    parts += numpy.bincount(generateur.choice(nombre, total - minimum * nombre), minlength=nombre)
    return parts


def ajuster(valeurs, plafonds, cible, generateur):
    """Add or remove one unit at random entries (within 0..plafond) until the sum is `cible`."""
    valeurs = valeurs.copy()
    while (ecart := cible - valeurs.sum()) != 0:
        possibles = numpy.flatnonzero(valeurs < plafonds) if ecart > 0 else numpy.flatnonzero(valeurs > 0)
        valeurs[generateur.choice(possibles)] += numpy.sign(ecart)
    return valeurs


def lieux(formations_par_structure: numpy.ndarray, total: int, generateur) -> list[str]:
    """A place for each labelled training, `total` distinct (structure, place) pairs in all, each place used."""
    places = numpy.ones(len(formations_par_structure), dtype=int)
    while places.sum() < total:
        possibles = numpy.flatnonzero(places < formations_par_structure)
        places[generateur.choice(possibles)] += 1
    noms = []
    for formations, nombre in zip(formations_par_structure, places, strict=True):
        affectation = numpy.concatenate([numpy.arange(nombre), generateur.integers(0, nombre, formations - nombre)])
        noms += [f"site_{i + 1}" for i in generateur.permutation(affectation)]
    return noms


def tirer(marges: Marges, generateur) -> pandas.DataFrame:
    """The rows of one call: its labelled trainings in their structures and places, then the other dossiers."""
    structures, labellisees, nombre = (marges[n] for n in COMPTES[2::-1])
    autres_structures = round(structures * 96 / 84)  # the first call's applicants: 84 labelled of 180
    par_structure = partager(labellisees, structures, generateur)
    refusees = nombre - labellisees
    refusees_par_structure = partager(refusees, autres_structures, generateur)  # each applicant files one at least
    candidates = numpy.repeat(numpy.arange(autres_structures), refusees_par_structure)
    structure = numpy.concatenate([numpy.repeat(numpy.arange(structures), par_structure),
                                   structures + generateur.permutation(candidates)])  # fmt: skip
    statuts = numpy.array(repartir(structures + autres_structures, STATUTS))[generateur.permutation(
        structures + autres_structures)]  # fmt: skip
    jours = (numpy.datetime64(marges.fin) - numpy.datetime64(marges.debut)).astype(int) + 1
    labellisee = numpy.arange(nombre) < labellisees
    cible = marges["nombre_apprenants_campagne"]  # the labelled trainings' learners, exactly
    apprenants = numpy.maximum(generateur.poisson(cible / labellisees, nombre), 12)
    apprenants[labellisee] = ajuster(apprenants[labellisee], 60, cible, generateur)
    table = pandas.DataFrame(
        {
            "formation_id": [f"f{marges.nom[-4:]}_{i + 1:03d}" for i in range(nombre)],
            "structure_id": [f"s{marges.nom[-4:]}_{s + 1:03d}" for s in structure],
            "campagne_id": marges.nom,
            "statut_structure": statuts[structure],
            "date_depot_dossier": (
                numpy.datetime64(marges.debut) + generateur.integers(0, jours, nombre).astype("timedelta64[D]")
            ).astype(str),
            "lieu_formation": lieux(par_structure, marges["nombre_fabriques_labellisees"], generateur)
            + [""] * refusees,
            "metier_vise": generateur.permutation(repartir(nombre, METIERS)),
            "formation_gratuite": True,
            "prerequis_academiques_exiges": False,
            "pedagogie_innovante": True,
            "duree_formation_mois": numpy.clip(numpy.round(2 * (3 + generateur.gamma(2.0, 2.0, nombre))) / 2, 3, 24),
            "budget_session": numpy.round(BUDGET_MEDIAN * generateur.lognormal(0, 0.35, nombre), -2),
            "nombre_apprenants": apprenants,
            "decision_comite_labellisation": numpy.where(labellisee, "labellisee", "refusee"),
            "date_decision_comite": marges.decision,
        }
    )
    for indicateur, colonne in PARTS.items():  # a share per training around the national one, exact over the labels
        if indicateur not in marges.cibles:
            continue
        part = marges[indicateur]
        comptes = generateur.binomial(apprenants, generateur.beta(8 * part, 8 * (1 - part), nombre))
        comptes[labellisee] = ajuster(comptes[labellisee], apprenants[labellisee], round(part * cible), generateur)
        table[colonne] = comptes
    if marges.appel == 3:  # the call's condition: at least 10 low-qualified job seekers a session
        table["nombre_demandeurs_emploi_peu_qualifies"] = numpy.minimum(
            apprenants, 10 + generateur.binomial(apprenants - 10, 0.3)
        )
    sans_financement = structures - marges["nombre_structures_financees"]
    sans_financement = (
        numpy.isin(structure, generateur.choice(structures, sans_financement, replace=False)) & labellisee
    )
    table["financements_droit_commun_obtenus"] = sans_financement
    return table


def main() -> None:
    tax_benefit_system = CountryTaxBenefitSystem()
    for rang, nom in enumerate(POPULATIONS):
        cibles = marges(nom, tax_benefit_system)
        table = tirer(cibles, numpy.random.default_rng(2015 + rang))
        manquees = marges_manquees(nom, tax_benefit_system, table)
        if manquees:
            raise SystemExit("\n".join(manquees))
        description = POPULATIONS[nom]
        entete = [
            f"SYNTHETIC: {description['description']}, drawn by scripts/generer_populations.py.",
            "Its margins and assumptions: openfisca_gen/donnees/populations.yaml. No row is a real training.",
        ]
        chemin = DONNEES / description["fichier"]
        chemin.write_text("".join(f"# {ligne}\n" for ligne in entete) + table.to_csv(index=False), encoding="utf-8")
        print(f"{nom}: {len(table)} dossiers written to {chemin}")


if __name__ == "__main__":
    main()
