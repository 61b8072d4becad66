"""Compare the rules with a reform on a population of trainings: tables, charts, sweeps.

    from openfisca_gen.analyse import comparer
    comparaison = comparer(population, "plafond_par_structure", "2015-10")
    print(comparaison.texte()); comparaison.ecrire("report/")

Amounts are summed in float64 (OpenFisca stores float32 per training).
"""

from dataclasses import dataclass
from pathlib import Path

import numpy
import pandas
from openfisca_core import periods

from openfisca_gen import CountryTaxBenefitSystem
from openfisca_gen.helpers import un_mois
from openfisca_gen.reforms import ReformeInvalideError, appliquer_reforme, trouver_parametre, valider_changements

VARIABLES_FORMATION = (
    "statut_structure",
    "eligible_labellisation",
    "labellisee",
    "financement_amorcage",
    "financement_amorcage_plafonne",
)
VARIABLES_CAMPAGNE = (
    "part_femmes_campagne",
    "part_jeunes_neet_peu_qualifies_campagne",
    "objectif_femmes_atteint",
    "objectif_jeunes_neet_peu_qualifies_atteint",
    "objectif_nombre_fabriques_atteint",
    "objectif_nombre_apprenants_atteint",
    "financement_amorcage_dans_l_enveloppe",
    "depassement_enveloppe_financement_amorcage",
)
TRANCHES = [-numpy.inf, 0, 20_000, 40_000, 60_000, 80_000, numpy.inf]
NOMS_TRANCHES = ["0 €", "≤ 20 k€", "20–40 k€", "40–60 k€", "60–80 k€", "> 80 k€"]
TOLERANCE = 0.01  # € : float32 noise is not a gain


def _resultats(population, tax_benefit_system, period):
    simulation = population.simulation(tax_benefit_system, period)
    formations = population.resultats(simulation, VARIABLES_FORMATION, period)
    formations["financement_amorcage"] = formations["financement_amorcage"].astype(float)
    campagnes = pandas.DataFrame(
        {nom: simulation.calculate(nom, period) for nom in VARIABLES_CAMPAGNE},
        index=population.groupes["campagne"][1],
    )
    return formations, campagnes


@dataclass
class Comparaison:
    """Baseline and reform, per training (`formations`) and per campaign (`campagnes`)."""

    nom_reforme: str
    period: str
    formations: pandas.DataFrame
    campagnes: pandas.DataFrame

    @property
    def difference(self) -> pandas.Series:
        """Each training's funding under the reform minus under the rules."""
        return self.formations["difference"]

    def resume(self) -> pandas.DataFrame:
        """The headline figures: baseline, reform, difference."""
        f = self.formations
        lignes = {
            "total cost (€)": ("financement_amorcage_base", "financement_amorcage_reforme"),
            "trainings labelled": ("labellisee_base", "labellisee_reforme"),
            "trainings at the ceiling": ("financement_amorcage_plafonne_base", "financement_amorcage_plafonne_reforme"),
        }
        table = pandas.DataFrame(
            {nom: (f[base].sum(), f[reforme].sum()) for nom, (base, reforme) in lignes.items()},
            index=["baseline", "reform"],
        ).T
        table["difference"] = table["reform"] - table["baseline"]
        return table

    def changements(self) -> pandas.Series:
        """Who gains or loses eligibility, who wins or loses funding, and how much."""
        f, diff = self.formations, self.difference
        gagnants, perdants = diff > TOLERANCE, diff < -TOLERANCE
        return pandas.Series(
            {
                "trainings gaining eligibility": (
                    ~f["eligible_labellisation_base"] & f["eligible_labellisation_reforme"]
                ).sum(),
                "trainings losing eligibility": (
                    f["eligible_labellisation_base"] & ~f["eligible_labellisation_reforme"]
                ).sum(),
                "winners (trainings)": gagnants.sum(),
                "winners, total gain (€)": diff[gagnants].sum(),
                "losers (trainings)": perdants.sum(),
                "losers, total loss (€)": (-diff[perdants]).sum(),  # not -sum(): an empty sum would show -0
            },
            name="value",
        )

    def par(self, groupes: pandas.Series) -> pandas.DataFrame:
        """Trainings, labelled trainings and cost, baseline and reform, by group."""
        f = self.formations
        table = f.groupby(groupes, observed=False).agg(
            trainings=("labellisee_base", "size"),
            labelled_baseline=("labellisee_base", "sum"),
            labelled_reform=("labellisee_reforme", "sum"),
            cost_baseline=("financement_amorcage_base", "sum"),
            cost_reform=("financement_amorcage_reforme", "sum"),
        )
        table["cost_difference"] = table["cost_reform"] - table["cost_baseline"]
        return table

    def par_statut(self) -> pandas.DataFrame:
        return self.par(self.formations["statut_structure"].rename("statut_structure"))

    def par_tranche(self) -> pandas.DataFrame:
        tranches = pandas.cut(self.formations["financement_amorcage_base"], TRANCHES, labels=NOMS_TRANCHES)
        return self.par(tranches.rename("baseline funding band"))

    def objectifs(self) -> pandas.DataFrame:
        """National objectives and envelope fit, baseline and reform, per campaign."""
        table = self.campagnes.stack().rename_axis(["campagne", "indicateur"]).to_frame("valeur").reset_index()
        table["scenario"] = numpy.where(table["indicateur"].str.endswith("_base"), "baseline", "reform")
        table["indicateur"] = table["indicateur"].str.replace(r"_(base|reforme)$", "", regex=True)
        return table.pivot(index=["campagne", "indicateur"], columns="scenario", values="valeur")

    def texte(self) -> str:
        with pandas.option_context("display.float_format", _lisible, "display.width", 160):
            parties = [
                f"Reform {self.nom_reforme}, period {self.period}, {len(self.formations)} trainings",
                self.resume().to_string(),
                "\n" + self.changements().to_string(),
                "\nBy structure status:\n" + self.par_statut().to_string(),
                "\nBy baseline funding band:\n" + self.par_tranche().to_string(),
                "\nNational objectives and envelope, per campaign:\n" + self.objectifs().to_string(),
            ]
        return "\n".join(parties)

    def ecrire(self, dossier) -> list[Path]:
        """A CSV per table and the PNG charts, in `dossier`; the paths written."""
        dossier = Path(dossier)
        dossier.mkdir(parents=True, exist_ok=True)
        tables = {
            "resume": self.resume(),
            "changements": self.changements(),
            "par_statut": self.par_statut(),
            "par_tranche": self.par_tranche(),
            "objectifs": self.objectifs(),
            "formations": self.formations,
        }
        ecrits = []
        for nom, table in tables.items():
            ecrits.append(dossier / f"{nom}.csv")
            table.to_csv(ecrits[-1])
        return ecrits + graphiques_comparaison(self, dossier)


def _lisible(valeur: float) -> str:
    """Counts and euros without decimals, shares with three."""
    return f"{valeur:.3f}" if 0 < abs(valeur) < 1 else f"{valeur:,.0f}"


def comparer(population, reforme, period: str, tax_benefit_system=None) -> Comparaison:
    """Compute `population` under the rules and under `reforme` (a shipped name or {path: {date: value}})."""
    period = un_mois(period)
    base = tax_benefit_system or CountryTaxBenefitSystem()
    reformee = appliquer_reforme(base, reforme)
    avant, campagnes_avant = _resultats(population, base, period)
    apres, campagnes_apres = _resultats(population, reformee, period)
    statuts = avant.pop("statut_structure")  # from the simulation: the default where the table gives none
    apres.pop("statut_structure")
    formations = pandas.concat([avant.add_suffix("_base"), apres.add_suffix("_reforme")], axis=1)
    formations.insert(0, "statut_structure", statuts)
    formations.insert(0, "structure_id", population.table["structure_id"].to_numpy())
    formations["difference"] = formations["financement_amorcage_reforme"] - formations["financement_amorcage_base"]
    campagnes = pandas.concat([campagnes_avant.add_suffix("_base"), campagnes_apres.add_suffix("_reforme")], axis=1)
    nom = reforme if isinstance(reforme, str) else ", ".join(reforme)
    return Comparaison(nom, period, formations, campagnes)


def balayer(
    population, chemin: str, valeurs, period: str, tax_benefit_system=None, progression=None
) -> pandas.DataFrame:
    """The rules with parameter `chemin` set to each of `valeurs` (from the start of the value in force in
    `period`): total cost, trainings labelled and trainings at the ceiling, one row per value. At most
    MAX_VALEURS_BALAYAGE values; each gets its own reform, built from the baseline."""
    from openfisca_gen.validation import MAX_VALEURS_BALAYAGE

    period = un_mois(period)
    valeurs = list(valeurs)
    if not valeurs:
        raise ReformeInvalideError([f"no value to sweep '{chemin}' over"])
    if len(valeurs) > MAX_VALEURS_BALAYAGE:
        raise ReformeInvalideError(
            [f"a sweep computes at most {MAX_VALEURS_BALAYAGE} values; {len(valeurs)} asked: take a larger step"]
        )
    base = tax_benefit_system or CountryTaxBenefitSystem()
    parametre = trouver_parametre(base.parameters, chemin)
    jour = str(periods.period(period).stop)  # the day whose rules the period applies
    debut = next((v.instant_str for v in getattr(parametre, "values_list", []) if v.instant_str <= jour), None)
    if debut is None:
        raise ReformeInvalideError([f"'{chemin}' has no value in force in {period}: nothing to sweep"])
    erreurs = []
    for valeur in valeurs:  # every value is checked before anything is computed
        try:
            valider_changements(base.parameters, {chemin: {debut: valeur}})
        except ReformeInvalideError as erreur:
            erreurs += erreur.erreurs
    if erreurs:
        raise ReformeInvalideError(erreurs)
    lignes = []
    for valeur in progression(valeurs) if progression else valeurs:
        simulation = population.simulation(appliquer_reforme(base, {chemin: {debut: valeur}}), period)
        lignes.append(
            {
                chemin: valeur,
                "total cost (€)": simulation.calculate("financement_amorcage", period).astype(float).sum(),
                "trainings labelled": int(simulation.calculate("labellisee", period).sum()),
                "trainings at the ceiling": int(simulation.calculate("financement_amorcage_plafonne", period).sum()),
            }
        )
    return pandas.DataFrame(lignes)


def graphiques_comparaison(comparaison: Comparaison, dossier: Path) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    f = comparaison.formations
    chemins = []

    figure, axe = plt.subplots(figsize=(8, 4.5))
    bornes = numpy.linspace(
        0, max(f["financement_amorcage_base"].max(), f["financement_amorcage_reforme"].max(), 1), 30
    )
    axe.hist(f.loc[f["labellisee_base"], "financement_amorcage_base"], bins=bornes, alpha=0.6, label="baseline")
    axe.hist(f.loc[f["labellisee_reforme"], "financement_amorcage_reforme"], bins=bornes, alpha=0.6, label="reform")
    axe.set(title=f"Seed funding per labelled training — {comparaison.nom_reforme}", xlabel="€", ylabel="trainings")
    axe.legend()
    chemins.append(_sauver(figure, dossier / "distribution_financement.png"))

    par_statut = comparaison.par_statut()
    figure, axe = plt.subplots(figsize=(8, 4.5))
    positions = numpy.arange(len(par_statut))
    axe.bar(positions - 0.2, par_statut["cost_baseline"] / 1e6, 0.4, label="baseline")
    axe.bar(positions + 0.2, par_statut["cost_reform"] / 1e6, 0.4, label="reform")
    axe.set_xticks(positions, par_statut.index, rotation=15)
    axe.set(title="Seed funding by structure status", ylabel="M€")
    axe.legend()
    chemins.append(_sauver(figure, dossier / "cout_par_statut.png"))

    diff = comparaison.difference
    figure, axe = plt.subplots(figsize=(6, 6))
    couleurs = numpy.where(diff > TOLERANCE, "tab:green", numpy.where(diff < -TOLERANCE, "tab:red", "tab:gray"))
    axe.scatter(f["financement_amorcage_base"], f["financement_amorcage_reforme"], c=couleurs, s=14)
    limite = max(f["financement_amorcage_base"].max(), f["financement_amorcage_reforme"].max(), 1)
    axe.plot([0, limite], [0, limite], color="black", linewidth=0.8)
    axe.set(
        title=f"Winners ({(diff > TOLERANCE).sum()}, green) and losers ({(diff < -TOLERANCE).sum()}, red)",
        xlabel="baseline (€)",
        ylabel="reform (€)",
    )
    chemins.append(_sauver(figure, dossier / "gagnants_perdants.png"))
    return chemins


def graphique_balayage(table: pandas.DataFrame, chemin: str, fichier: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axe = plt.subplots(figsize=(8, 4.5))
    axe.plot(table[chemin], table["total cost (€)"] / 1e6, marker="o", color="tab:blue")
    axe.set(xlabel=chemin, ylabel="total cost (M€)", title=f"Sweep of {chemin}")
    second = axe.twinx()
    second.plot(table[chemin], table["trainings at the ceiling"], marker="s", color="tab:orange")
    second.set_ylabel("trainings at the ceiling", color="tab:orange")
    return _sauver(figure, fichier)


def _sauver(figure, chemin: Path) -> Path:
    import matplotlib.pyplot as plt

    figure.tight_layout()
    figure.savefig(chemin, dpi=110)
    plt.close(figure)
    return chemin
