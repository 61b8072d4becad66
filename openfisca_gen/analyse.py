"""Compare the rules with a reform on a population of trainings: tables, charts, sweeps.

    from openfisca_gen.analyse import comparer
    comparaison = comparer(population, "plafond_par_structure", "2015-10")
    print(comparaison.texte()); comparaison.ecrire("report/")

Tables are keyed by variable names (plus `baseline`, `reform`, `difference`);
display labels are applied only when printing or drawing. CSV files carry no
float noise: amounts to the cent, counts as integers. Chart titles name the
reform, the period and the population (synthetic when it is the bundled one).
Amounts are summed in float64.
"""

import textwrap
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy
import pandas
from openfisca_core import periods
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from openfisca_gen import CountryTaxBenefitSystem
from openfisca_gen.reforms import ReformeInvalideError, appliquer_reforme, trouver_parametre, valider_changements
from openfisca_gen.validation import un_mois, valeurs_a_balayer

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
    "objectif_fabriques_premiere_vague",
    "objectif_fabriques_trois_ans",
    "objectif_jeunes_formes_premiere_vague",
    "objectif_jeunes_formes_trois_ans",
    "objectif_demandeurs_emploi_peu_qualifies",
    "financement_amorcage_dans_l_enveloppe",
    "depassement_enveloppe_financement_amorcage",
)
TRANCHES = [-numpy.inf, 0, 20_000, 40_000, 60_000, 80_000, numpy.inf]
NOMS_TRANCHES = ["0 €", "≤ 20 k€", "20–40 k€", "40–60 k€", "60–80 k€", "> 80 k€"]
TOLERANCE = 0.01  # € : float32 noise is not a gain
LIBELLES = {  # display only: tables are keyed by variable names
    "financement_amorcage": "total cost (€)",
    "labellisee": "trainings labelled",
    "financement_amorcage_plafonne": "trainings at the ceiling",
    "trainings_gaining_eligibility": "trainings gaining eligibility",
    "trainings_losing_eligibility": "trainings losing eligibility",
    "winners": "winners (trainings)",
    "winners_total_gain": "winners, total gain (€)",
    "losers": "losers (trainings)",
    "losers_total_loss": "losers, total loss (€)",
    "trainings": "trainings",
    "labellisee_baseline": "labelled, baseline",
    "labellisee_reform": "labelled, reform",
    "financement_amorcage_baseline": "cost, baseline (€)",
    "financement_amorcage_reform": "cost, reform (€)",
    "difference": "difference (€)",
}
COULEURS = {"winners": "tab:green", "losers": "tab:red", "unchanged": "tab:gray"}


@cache
def _population_exemple():
    from openfisca_gen.population import POPULATION_EXEMPLE, lire_population

    return lire_population(CountryTaxBenefitSystem(), POPULATION_EXEMPLE)


def est_synthetique(population) -> bool:
    """Whether `population` is the bundled sample (synthetic: drawn to match published aggregates)."""
    exemple = _population_exemple().table
    return len(population.table) == len(exemple) and population.table.equals(exemple)


def decrire_population(population) -> str:
    """How titles name a population: its size, and 'synthetic' when it is the bundled sample."""
    taille = f"{len(population.table):,} trainings"
    return f"{taille} (synthetic population)" if est_synthetique(population) else taille


def _resultats(population, tax_benefit_system, period):
    simulation = population.simulation(tax_benefit_system, period)
    formations = population.resultats(simulation, VARIABLES_FORMATION, period)
    formations["financement_amorcage"] = formations["financement_amorcage"].astype(float)
    valeurs = {nom: simulation.calculate(nom, period) for nom in VARIABLES_CAMPAGNE}
    campagnes = pandas.DataFrame(
        {nom: v.decode_to_str() if hasattr(v, "decode_to_str") else v for nom, v in valeurs.items()},  # Enum names
        index=population.groupes["campagne"][1],
    )
    return formations, campagnes


@dataclass
class Comparaison:
    """Baseline and reform, per training (`formations`) and per campaign (`campagnes`).

    Columns are the variables suffixed `_baseline` and `_reform`, and `difference` (the funding's)."""

    nom_reforme: str
    period: str
    formations: pandas.DataFrame
    campagnes: pandas.DataFrame
    population: str = ""  # as titles name it
    libelles_statuts: dict = field(default_factory=dict)  # statut_structure's Enum names → labels

    @property
    def difference(self) -> pandas.Series:
        """Each training's funding under the reform minus under the rules."""
        return self.formations["difference"]

    def _b_r(self, variable):
        return self.formations[f"{variable}_baseline"], self.formations[f"{variable}_reform"]

    def resume(self) -> pandas.DataFrame:
        """The headline figures, one row per variable summed over trainings: baseline, reform, difference."""
        lignes = {}
        for nom in ("financement_amorcage", "labellisee", "financement_amorcage_plafonne"):
            type_ = float if nom == "financement_amorcage" else int  # counts stay integers
            avant, apres = (type_(serie.sum()) for serie in self._b_r(nom))
            lignes[nom] = {"baseline": avant, "reform": apres, "difference": apres - avant}
        index = pandas.Index(list(lignes), name="variable")
        return pandas.DataFrame(
            {colonne: pandas.Series([ligne[colonne] for ligne in lignes.values()], index, dtype=object)
             for colonne in ("baseline", "reform", "difference")}
        )  # fmt: skip

    def changements(self) -> pandas.Series:
        """Who gains or loses eligibility, who wins or loses funding, and how much."""
        diff = self.difference
        avant, apres = self._b_r("eligible_labellisation")
        gagnants, perdants = diff > TOLERANCE, diff < -TOLERANCE
        return pandas.Series(
            {
                "trainings_gaining_eligibility": int((~avant & apres).sum()),
                "trainings_losing_eligibility": int((avant & ~apres).sum()),
                "winners": int(gagnants.sum()),
                "winners_total_gain": float(diff[gagnants].sum()),
                "losers": int(perdants.sum()),
                "losers_total_loss": float((-diff[perdants]).sum()),  # not -sum(): an empty sum would show -0
            },
            name="value",
            dtype=object,
        ).rename_axis("indicator")

    def par(self, groupes: pandas.Series) -> pandas.DataFrame:
        """Trainings, labelled trainings and cost, baseline and reform, by group."""
        colonnes = ["labellisee_baseline", "labellisee_reform", "financement_amorcage_baseline"]
        table = self.formations.groupby(groupes, observed=False)[[*colonnes, "financement_amorcage_reform"]].sum()
        table.insert(0, "trainings", self.formations.groupby(groupes, observed=False).size())
        table["difference"] = table["financement_amorcage_reform"] - table["financement_amorcage_baseline"]
        return table

    def par_statut(self) -> pandas.DataFrame:
        return self.par(self.formations["statut_structure"].rename("statut_structure"))

    def par_tranche(self) -> pandas.DataFrame:
        tranches = pandas.cut(self.formations["financement_amorcage_baseline"], TRANCHES, labels=NOMS_TRANCHES)
        return self.par(tranches.rename("funding_band_baseline"))

    def objectifs(self) -> pandas.DataFrame:
        """National objectives and envelope fit, baseline and reform, per campaign."""
        table = self.campagnes.stack().rename_axis(["campagne_id", "variable"]).to_frame("valeur").reset_index()
        table["scenario"] = numpy.where(table["variable"].str.endswith("_baseline"), "baseline", "reform")
        table["variable"] = table["variable"].str.replace(r"_(baseline|reform)$", "", regex=True)
        table = table.pivot(index=["campagne_id", "variable"], columns="scenario", values="valeur")
        return table.rename_axis(columns=None)

    def titre(self, sujet: str) -> str:
        """A chart title: what it shows, the reform, the period, the population."""
        return f"{sujet}\n{self.nom_reforme} — {self.period}, {self.decrite}"

    @property
    def decrite(self) -> str:
        return self.population or f"{len(self.formations):,} trainings"

    def texte(self) -> str:
        statuts = self.par_statut().rename(index=self.libelles_statuts)
        with pandas.option_context("display.float_format", lisible, "display.width", 160):
            parties = [
                f"Reform {self.nom_reforme}, period {self.period}, {self.decrite}",
                self.resume().astype(float).rename(index=LIBELLES).rename_axis(None).to_string(),
                "\n" + self.changements().astype(float).rename(index=LIBELLES).rename_axis(None).to_string(),
                "\nBy structure status:\n" + statuts.rename(columns=LIBELLES).rename_axis(None).to_string(),
                "\nBy baseline funding band:\n"
                + self.par_tranche().rename(columns=LIBELLES).rename_axis(None).to_string(),
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
            "formations": self.formations.rename_axis("formation_id"),
        }
        ecrits = [csv_propre(table, dossier / f"{nom}.csv") for nom, table in tables.items()]
        return ecrits + graphiques_comparaison(self, dossier)


def lisible(valeur: float) -> str:
    """Counts and euros with thousands separators and no decimals, shares with three."""
    return f"{valeur:.3f}" if 0 < abs(valeur) < 1 else f"{valeur:,.0f}"


def _arrondi(valeur: float) -> float:
    return round(valeur, 6 if abs(valeur) < 1 else 2) + 0.0  # + 0.0: no negative zero


def _sans_bruit(valeurs: pandas.Series) -> pandas.Series:
    """Floats rounded: amounts to the cent, values below 1 (shares) to 6 decimals."""
    if valeurs.dtype == object:  # a column mixing counts and amounts (a small table): value by value
        arrondies = [_arrondi(v) if isinstance(v, float) else v for v in valeurs]
        return pandas.Series(arrondies, valeurs.index, dtype=object, name=valeurs.name)
    if not pandas.api.types.is_float_dtype(valeurs):
        return valeurs
    return valeurs.round(6).where(valeurs.abs() < 1, valeurs.round(2)) + 0.0


def csv_propre(table, chemin: Path) -> Path:
    """Write `table` as CSV without float noise, with a name over every column (its index's too)."""
    table = table.to_frame() if isinstance(table, pandas.Series) else table.copy()
    if table.index.nlevels == 1 and table.index.name is None:
        table.index.name = "index"
    table = pandas.DataFrame({colonne: _sans_bruit(table[colonne]) for colonne in table}, index=table.index)
    table.to_csv(chemin)
    return chemin


def _nom(reforme) -> str:
    """How reports name a reform: a shipped reform's name, or the parameters a parametric one changes."""
    if isinstance(reforme, str):
        return reforme
    if isinstance(reforme, TaxBenefitSystem):
        changements = getattr(reforme, "changements", None)
        return ", ".join(changements) if changements and reforme.key == "reforme_parametrique" else reforme.key
    return ", ".join(reforme)


def comparer(population, reforme, period: str, tax_benefit_system=None) -> Comparaison:
    """Compute `population` under the rules and under `reforme`: a shipped reform's name, a
    `{path: {date: value}}` mapping, or a reformed system (what `appliquer_reforme` returns)."""
    period = un_mois(period)
    if isinstance(reforme, TaxBenefitSystem):
        base = tax_benefit_system or getattr(reforme, "baseline", None) or CountryTaxBenefitSystem()
        reformee = reforme
    else:
        base = tax_benefit_system or CountryTaxBenefitSystem()
        reformee = appliquer_reforme(base, reforme)
    avant, campagnes_avant = _resultats(population, base, period)
    apres, campagnes_apres = _resultats(population, reformee, period)
    statuts = avant.pop("statut_structure")  # from the simulation: the default where the table gives none
    apres.pop("statut_structure")
    formations = pandas.concat([avant.add_suffix("_baseline"), apres.add_suffix("_reform")], axis=1)
    formations.insert(0, "statut_structure", statuts)
    formations.insert(0, "structure_id", population.table["structure_id"].to_numpy())
    formations["difference"] = formations["financement_amorcage_reform"] - formations["financement_amorcage_baseline"]
    campagnes = pandas.concat([campagnes_avant.add_suffix("_baseline"), campagnes_apres.add_suffix("_reform")], axis=1)
    statut = base.variables["statut_structure"].possible_values
    return Comparaison(
        _nom(reforme),
        period,
        formations,
        campagnes,
        decrire_population(population),
        {membre.name: membre.value for membre in statut},
    )


def balayer(
    population, chemin: str, valeurs, period: str, tax_benefit_system=None, progression=None
) -> pandas.DataFrame:
    """The rules with parameter `chemin` set to each of `valeurs` (from the start of the value in force in
    `period`): total cost, trainings labelled and trainings at the ceiling, one row per value. 2 to
    MAX_VALEURS_BALAYAGE values (checked by validation, as the CLI's range); each gets its own reform, built
    from the baseline."""
    period = un_mois(period)
    valeurs = valeurs_a_balayer(valeurs)
    base = tax_benefit_system or CountryTaxBenefitSystem()
    parametre = trouver_parametre(base.parameters, chemin, feuille=True)
    jour = str(periods.period(period).stop)  # the day whose rules the period applies
    debut = next((v.instant_str for v in parametre.values_list if v.instant_str <= jour), None)
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


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _euros(axe, *, x=False, y=False) -> None:
    """Thousands separators on an axis of euros."""
    from matplotlib.ticker import FuncFormatter

    formateur = FuncFormatter(lambda valeur, _: f"{valeur:,.0f}")
    for oui, axis in ((x, axe.xaxis), (y, axe.yaxis)):
        if oui:
            axis.set_major_formatter(formateur)


def graphiques_comparaison(comparaison: Comparaison, dossier: Path) -> list[Path]:
    plt = _pyplot()
    f = comparaison.formations
    base, reforme = f["financement_amorcage_baseline"], f["financement_amorcage_reform"]
    chemins = []

    figure, axe = plt.subplots(figsize=(8, 4.8))
    bornes = numpy.linspace(0, max(base.max(), reforme.max(), 1), 30)
    # Outlines, not overlapping fills: an overlap would draw a third colour the legend does not explain.
    axe.hist(base[f["labellisee_baseline"]], bins=bornes, histtype="step", linewidth=2, label="baseline")
    axe.hist(reforme[f["labellisee_reform"]], bins=bornes, histtype="step", linewidth=2, label="reform")
    axe.set(
        title=comparaison.titre("Seed funding per labelled training"),
        xlabel="seed funding (€)",
        ylabel="labelled trainings",
    )
    _euros(axe, x=True)
    axe.legend()
    chemins.append(_sauver(figure, dossier / "distribution_financement.png"))

    par_statut = comparaison.par_statut()
    figure, axe = plt.subplots(figsize=(8, 4.8))
    positions = numpy.arange(len(par_statut))
    axe.bar(positions - 0.2, par_statut["financement_amorcage_baseline"], 0.4, label="baseline")
    axe.bar(positions + 0.2, par_statut["financement_amorcage_reform"], 0.4, label="reform")
    libelles = [textwrap.fill(comparaison.libelles_statuts.get(s, s), 18) for s in par_statut.index]
    axe.set_xticks(positions, libelles)
    axe.set(title=comparaison.titre("Seed funding by structure status"), ylabel="seed funding (€)")
    _euros(axe, y=True)
    axe.legend()
    chemins.append(_sauver(figure, dossier / "cout_par_statut.png"))

    diff = comparaison.difference
    groupes = {
        "winners": diff > TOLERANCE,
        "losers": diff < -TOLERANCE,
        "unchanged": diff.abs() <= TOLERANCE,
    }
    figure, axe = plt.subplots(figsize=(7, 6.5))
    limite = max(base.max(), reforme.max(), 1) * 1.05
    axe.plot([0, limite], [0, limite], color="black", linewidth=0.8, label="same funding (y = x)")
    for nom, masque in groupes.items():
        axe.scatter(base[masque], reforme[masque], c=COULEURS[nom], s=14, label=f"{nom} ({masque.sum():,})")
    axe.set(
        title=comparaison.titre("Winners and losers: seed funding per training"),
        xlabel="baseline (€)",
        ylabel="reform (€)",
        xlim=(0, limite),
        ylim=(0, limite),
    )
    _euros(axe, x=True, y=True)
    axe.legend(loc="upper left")
    chemins.append(_sauver(figure, dossier / "gagnants_perdants.png"))
    return chemins


def graphique_balayage(
    table: pandas.DataFrame, chemin: str, fichier: Path, period=None, population=None, tax_benefit_system=None
) -> Path:
    """The total cost and the trainings at the ceiling against the swept value; the value in force in
    `period` marked. Axes from zero, the x axis named by the parameter's description and unit."""
    plt = _pyplot()
    parametre = trouver_parametre((tax_benefit_system or CountryTaxBenefitSystem()).parameters, chemin)
    unite = parametre.metadata.get("unit", "")
    unite = {"currency-EUR": "€", "/1": "rate", "month": "months"}.get(unite, unite)
    figure, axe = plt.subplots(figsize=(8.5, 5))
    axe.plot(table[chemin], table["total cost (€)"], marker="o", color="tab:blue", label="total cost (€, left axis)")
    second = axe.twinx()
    second.plot(
        table[chemin],
        table["trainings at the ceiling"],
        marker="s",
        color="tab:orange",
        label="trainings at the ceiling (right axis)",
    )
    axe.set_ylim(bottom=0, top=table["total cost (€)"].max() * 1.1 or 1)
    second.set_ylim(bottom=0, top=max(table["trainings at the ceiling"].max() * 1.1, 1))
    axe.set_ylabel("total cost (€)", color="tab:blue")
    second.set_ylabel("trainings at the ceiling", color="tab:orange")
    axe.set_xlabel(textwrap.fill(f"{parametre.description} ({unite}) — {chemin}", 90))
    _euros(axe, y=True)
    if unite == "€":
        _euros(axe, x=True)
    poignees = axe.get_lines() + second.get_lines()
    if period is not None:
        en_vigueur = parametre(str(periods.period(period).stop))
        if en_vigueur is not None:
            poignees.append(
                axe.axvline(
                    en_vigueur,
                    color="black",
                    linestyle="--",
                    linewidth=1,
                    label=f"in force in {period}: {en_vigueur:,} {unite}",
                )
            )
    decrite = f", {decrire_population(population)}" if population is not None else ""
    axe.set_title(f"Sweep of {chemin}\n{period or ''}{decrite}")
    axe.legend(handles=poignees, loc="lower right")
    return _sauver(figure, fichier)


def graphique_tornade(analyse, fichier: Path) -> Path:
    """Each reading's effect, switched alone, on the total cost (bars, largest on top), with the range of
    its effect as the other readings vary (whiskers)."""
    from openfisca_gen.interpretations import COUT

    plt = _pyplot()
    effets = analyse.effets.assign(description=analyse.interpretations["description"])
    effets = effets.reindex(effets[COUT].abs().sort_values(kind="stable").index)
    figure, axe = plt.subplots(figsize=(10, 1.6 + 0.55 * max(len(effets), 1)))
    positions = numpy.arange(len(effets))
    couleurs = numpy.where(effets[COUT] < 0, "tab:red", "tab:green")
    axe.barh(positions, effets[COUT], color=couleurs, height=0.6)
    axe.errorbar(
        effets[COUT],
        positions,
        xerr=[effets[COUT] - effets[f"{COUT}_min"], effets[f"{COUT}_max"] - effets[COUT]],
        fmt="none",
        ecolor="black",
        capsize=3,
        linewidth=1,
    )
    for position, valeur in zip(positions, effets[COUT], strict=True):
        axe.annotate(
            f"{valeur:+,.0f} €" if valeur else "no effect",
            (valeur, position),
            xytext=(-6 if valeur < 0 else 6, 0),
            textcoords="offset points",
            ha="right" if valeur < 0 else "left",
            va="center",
            fontsize=8,
        )
    libelles = [
        textwrap.fill(description or nom, 55) + f"\n[{nom}]"
        for nom, description in zip(effets.index, effets["description"], strict=True)
    ]
    axe.set_yticks(positions, libelles, fontsize=8)
    axe.axvline(0, color="black", linewidth=0.8)
    base = analyse.plages.loc[COUT, "baseline"]
    axe.set(
        title=f"Effect of each reading, switched alone, on the total seed funding\n"
        f"{analyse.period}, {analyse.population}; defaults: {base:,.0f} €",
        xlabel="change in the total cost (€)",
    )
    _euros(axe, x=True)
    bas, haut = min(effets[f"{COUT}_min"].min(), 0), max(effets[f"{COUT}_max"].max(), 0)
    ecart = max(haut - bas, 1)
    axe.set_xlim(bas - 0.3 * ecart, haut + 0.2 * ecart)  # room for the labels on both sides
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    axe.legend(
        handles=[
            Patch(color="tab:green", label="raises the cost"),
            Patch(color="tab:red", label="lowers the cost"),
            Line2D([], [], color="black", marker="|", linestyle="-", label="its effect as the other readings vary"),
        ],
        loc="upper center",
        bbox_to_anchor=(0.5, -0.09),
        ncol=3,
        fontsize=8,
    )
    return _sauver(figure, fichier)


def _sauver(figure, chemin: Path) -> Path:
    import matplotlib.pyplot as plt

    figure.tight_layout()
    figure.savefig(chemin, dpi=110)
    plt.close(figure)
    return chemin
