"""The charts of the reports, drawn from tables, in English (the CLI's default) or French (the pages, `--lang fr`).

Each function takes the data it draws (DataFrames, Series), the words that
name it, and a file; it knows nothing of the analyses that made the data.
"""

import textwrap
from pathlib import Path

import numpy
import pandas

from openfisca_gen.rapports.tableaux import en_francais

COULEURS = {"winners": "tab:green", "losers": "tab:red", "unchanged": "tab:gray"}
TEXTES = {
    "en": {
        "baseline": "baseline",
        "reform": "reform",
        "winners": "winners",
        "losers": "losers",
        "unchanged": "unchanged",
        "distribution": "Seed funding per labelled training",
        "funding_eur": "seed funding (€)",
        "labelled": "labelled trainings",
        "by_status": "Seed funding by structure status",
        "winners_losers": "Winners and losers: seed funding per training",
        "same": "same funding (y = x)",
        "baseline_eur": "baseline (€)",
        "reform_eur": "reform (€)",
        "sweep": "Sweep of {chemin}",
        "total_cost": "total cost (€)",
        "total_cost_left": "total cost (€, left axis)",
        "at_ceiling": "trainings at the ceiling",
        "at_ceiling_right": "trainings at the ceiling (right axis)",
        "in_force": "in force in {periode}: {valeur} {unite}",
        "tornado": "Effect of each reading, switched alone, on the total seed funding",
        "defaults": "defaults",
        "no_effect": "no effect",
        "change_cost": "change in the total cost (€)",
        "raises": "raises the cost",
        "lowers": "lowers the cost",
        "range": "its effect as the other readings vary",
        "units": {"currency-EUR": "€", "/1": "rate", "month": "months"},
        "record": "The record: each published figure against the model (model / published)",
        "ratio": "model / published (1: the same)",
        "reproduced": "reproduced",
        "differs": "differs",
        "calibrated": "calibrated on it (proves the calibration, not the rules)",
    },
    "fr": {
        "baseline": "sans la réforme",
        "reform": "avec la réforme",
        "winners": "gagnantes",
        "losers": "perdantes",
        "unchanged": "inchangées",
        "distribution": "Financement d'amorçage par formation labellisée",
        "funding_eur": "financement d'amorçage (€)",
        "labelled": "formations labellisées",
        "by_status": "Financement d'amorçage par statut de structure",
        "winners_losers": "Gagnantes et perdantes : financement de chaque formation",
        "same": "même financement (y = x)",
        "baseline_eur": "sans la réforme (€)",
        "reform_eur": "avec la réforme (€)",
        "sweep": "Balayage de {chemin}",
        "total_cost": "coût total (€)",
        "total_cost_left": "coût total (€, axe de gauche)",
        "at_ceiling": "formations au plafond",
        "at_ceiling_right": "formations au plafond (axe de droite)",
        "in_force": "en vigueur en {periode} : {valeur} {unite}",
        "tornado": "Effet de chaque lecture, seule, sur le coût total du financement d'amorçage",
        "defaults": "lectures retenues",
        "no_effect": "sans effet",
        "change_cost": "variation du coût total (€)",
        "raises": "augmente le coût",
        "lowers": "baisse le coût",
        "range": "son effet selon les autres lectures",
        "units": {"currency-EUR": "€", "/1": "taux", "month": "mois"},
        "record": "Le bilan : chaque chiffre publié face au modèle (modèle / publié)",
        "ratio": "modèle / publié (1 : identiques)",
        "reproduced": "reproduit",
        "differs": "diffère",
        "calibrated": "population calée sur ce chiffre (prouve le calage, pas les règles)",
    },
}


def nombre(valeur: float, langue: str) -> str:
    """A whole number with thousands separators, as the language writes it."""
    texte = f"{valeur:,.0f}"
    return en_francais(texte) if langue == "fr" else texte


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _euros(axe, langue: str, *, x=False, y=False) -> None:
    """Thousands separators on an axis of euros."""
    from matplotlib.ticker import FuncFormatter

    formateur = FuncFormatter(lambda valeur, _: nombre(valeur, langue))
    for oui, axis in ((x, axe.xaxis), (y, axe.yaxis)):
        if oui:
            axis.set_major_formatter(formateur)


def _sauver(figure, chemin: Path, format_: str = "png") -> Path:
    import matplotlib.pyplot as plt

    figure.tight_layout()
    figure.savefig(chemin, dpi=110, format=format_)
    plt.close(figure)
    return chemin


def comparaison(
    formations: pandas.DataFrame,
    par_statut: pandas.DataFrame,
    evolution: pandas.Series,
    contexte: str,
    dossier: Path,
    langue: str = "en",
    format_: str = "png",
) -> list[Path]:
    """Three charts of a comparison: the distribution of funding per labelled training, the cost by structure
    status, each training's funding with the reform against without it (winners, losers, unchanged).
    `formations`: financement_amorcage_{baseline,reform}, labellisee_{baseline,reform}; `par_statut`: the cost
    by status label; `evolution`: each training's 'winners', 'losers' or 'unchanged'."""
    plt, mots = _pyplot(), TEXTES[langue]
    base, reforme = formations["financement_amorcage_baseline"], formations["financement_amorcage_reform"]
    chemins = []

    figure, axe = plt.subplots(figsize=(8, 4.8))
    bornes = numpy.linspace(0, max(base.max(), reforme.max(), 1), 30)
    # Outlines, not overlapping fills: an overlap would draw a third colour the legend does not explain.
    axe.hist(base[formations["labellisee_baseline"]], bins=bornes, histtype="step", linewidth=2, label=mots["baseline"])
    axe.hist(
        reforme[formations["labellisee_reform"]], bins=bornes, histtype="step", linewidth=2, linestyle="--",
        label=mots["reform"],
    )  # fmt: skip
    axe.set(title=f"{mots['distribution']}\n{contexte}", xlabel=mots["funding_eur"], ylabel=mots["labelled"])
    _euros(axe, langue, x=True)
    axe.legend()
    chemins.append(_sauver(figure, dossier / f"distribution_financement.{format_}", format_))

    figure, axe = plt.subplots(figsize=(8, 4.8))
    positions = numpy.arange(len(par_statut))
    axe.bar(positions - 0.2, par_statut["financement_amorcage_baseline"], 0.4, label=mots["baseline"])
    axe.bar(positions + 0.2, par_statut["financement_amorcage_reform"], 0.4, label=mots["reform"])
    axe.set_xticks(positions, [textwrap.fill(str(statut), 18) for statut in par_statut.index])
    axe.set(title=f"{mots['by_status']}\n{contexte}", ylabel=mots["funding_eur"])
    _euros(axe, langue, y=True)
    axe.legend()
    chemins.append(_sauver(figure, dossier / f"cout_par_statut.{format_}", format_))

    figure, axe = plt.subplots(figsize=(7, 6.5))
    limite = max(base.max(), reforme.max(), 1) * 1.05
    axe.plot([0, limite], [0, limite], color="black", linewidth=0.8, label=mots["same"])
    for nom in ("winners", "losers", "unchanged"):
        masque = evolution == nom
        axe.scatter(
            base[masque], reforme[masque], c=COULEURS[nom], s=14, label=f"{mots[nom]} ({nombre(masque.sum(), langue)})"
        )
    axe.set(
        title=f"{mots['winners_losers']}\n{contexte}",
        xlabel=mots["baseline_eur"],
        ylabel=mots["reform_eur"],
        xlim=(0, limite),
        ylim=(0, limite),
    )
    _euros(axe, langue, x=True, y=True)
    axe.legend(loc="upper left")
    chemins.append(_sauver(figure, dossier / f"gagnants_perdants.{format_}", format_))
    return chemins


def balayage(
    table: pandas.DataFrame,
    chemin: str,
    description: str,
    unite: str,
    en_vigueur,
    titre: str,
    fichier: Path,
    langue: str = "en",
) -> Path:
    """The total cost and the trainings at the ceiling against the swept value (`table`: the parameter's column,
    financement_amorcage, financement_amorcage_plafonne); `en_vigueur`: (period, value) marked, or None. Axes
    from zero, the x axis named by the parameter's description and unit."""
    plt, mots = _pyplot(), TEXTES[langue]
    unite = mots["units"].get(unite, unite)
    figure, axe = plt.subplots(figsize=(8.5, 5))
    cout, plafonnees = table["financement_amorcage"], table["financement_amorcage_plafonne"]
    axe.plot(table[chemin], cout, marker="o", color="tab:blue", label=mots["total_cost_left"])
    second = axe.twinx()
    second.plot(table[chemin], plafonnees, marker="s", color="tab:orange", label=mots["at_ceiling_right"])
    axe.set_ylim(bottom=0, top=cout.max() * 1.1 or 1)
    second.set_ylim(bottom=0, top=max(plafonnees.max() * 1.1, 1))
    axe.set_ylabel(mots["total_cost"], color="tab:blue")
    second.set_ylabel(mots["at_ceiling"], color="tab:orange")
    axe.set_xlabel(textwrap.fill(f"{description} ({unite}) — {chemin}", 90))
    _euros(axe, langue, y=True)
    if unite == "€":
        _euros(axe, langue, x=True)
    poignees = axe.get_lines() + second.get_lines()
    if en_vigueur is not None:
        periode, valeur = en_vigueur
        texte = mots["in_force"].format(periode=periode, valeur=nombre(valeur, langue), unite=unite)
        poignees.append(axe.axvline(valeur, color="black", linestyle="--", linewidth=1, label=texte))
    axe.set_title(f"{mots['sweep'].format(chemin=chemin)}\n{titre}")
    axe.legend(handles=poignees, loc="lower right")
    return _sauver(figure, fichier)


def tornade(effets: pandas.DataFrame, contexte: str, defauts: float, fichier: Path, langue: str = "en") -> Path:
    """Each reading's effect, switched alone, on the total cost (bars, largest on top), with the range of its
    effect as the other readings vary (whiskers). `effets`, one row per reading: `libelle`, `effet`, `min`,
    `max`; `defauts`: the total cost under the readings the model adopts."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    plt, mots = _pyplot(), TEXTES[langue]
    effets = effets.reindex(effets["effet"].abs().sort_values(kind="stable").index)
    figure, axe = plt.subplots(figsize=(10, 1.6 + 0.55 * max(len(effets), 1)))
    positions = numpy.arange(len(effets))
    axe.barh(positions, effets["effet"], color=numpy.where(effets["effet"] < 0, "tab:red", "tab:green"), height=0.6)
    axe.errorbar(
        effets["effet"],
        positions,
        xerr=[effets["effet"] - effets["min"], effets["max"] - effets["effet"]],
        fmt="none",
        ecolor="black",
        capsize=3,
        linewidth=1,
    )
    for position, valeur in zip(positions, effets["effet"], strict=True):
        texte = ("+" if valeur > 0 else "") + nombre(valeur, langue) + " €" if valeur else mots["no_effect"]
        axe.annotate(
            texte,
            (valeur, position),
            xytext=(-6 if valeur < 0 else 6, 0),
            textcoords="offset points",
            ha="right" if valeur < 0 else "left",
            va="center",
            fontsize=8,
        )
    axe.set_yticks(positions, effets["libelle"], fontsize=8)
    axe.axvline(0, color="black", linewidth=0.8)
    axe.set(
        title=f"{mots['tornado']}\n{contexte}; {mots['defaults']}: {nombre(defauts, langue)} €",
        xlabel=mots["change_cost"],
    )
    _euros(axe, langue, x=True)
    bas, haut = min(effets["min"].min(), 0), max(effets["max"].max(), 0)
    ecart = max(haut - bas, 1)
    axe.set_xlim(bas - 0.3 * ecart, haut + 0.2 * ecart)  # room for the labels on both sides
    axe.legend(
        handles=[
            Patch(color="tab:green", label=mots["raises"]),
            Patch(color="tab:red", label=mots["lowers"]),
            Line2D([], [], color="black", marker="|", linestyle="-", label=mots["range"]),
        ],
        loc="upper center",
        bbox_to_anchor=(0.5, -0.09),
        ncol=3,
        fontsize=8,
    )
    return _sauver(figure, fichier)


def bilan(table: pandas.DataFrame, fichier: Path, langue: str = "en") -> Path:
    """Each published figure the model computes, as the ratio model / published (log scale, 1 marked): green
    where reproduced, red where it differs, hatched where the population was calibrated on it."""
    from matplotlib.patches import Patch

    plt, mots = _pyplot(), TEXTES[langue]
    table = table[table["model"].notna()]
    publie = table["published"].map(lambda v: sum(v) / 2 if isinstance(v, list) else v).astype(float)
    rapport = (table["model"].astype(float) / publie.where(publie != 0)).fillna(1).clip(lower=1e-3)
    figure, axe = plt.subplots(figsize=(10, 1.5 + 0.28 * max(len(table), 1)))
    positions = numpy.arange(len(table))
    couleurs = numpy.where(table["verdict"] == "reproduced", "tab:green", "tab:red")
    barres = axe.barh(positions, rapport, color=couleurs, height=0.7)
    for barre, calee in zip(barres, table["calibrated"], strict=True):
        if calee:
            barre.set_hatch("///")
    axe.set_xscale("log")
    axe.axvline(1, color="black", linewidth=0.8)
    axe.set_yticks(positions, table.index, fontsize=7)
    axe.invert_yaxis()
    axe.set(title=mots["record"], xlabel=mots["ratio"])
    axe.legend(
        handles=[Patch(color="tab:green", label=mots["reproduced"]), Patch(color="tab:red", label=mots["differs"]),
                 Patch(facecolor="white", edgecolor="black", hatch="///", label=mots["calibrated"])],
        loc="lower right", fontsize=8,
    )  # fmt: skip
    return _sauver(figure, fichier)
