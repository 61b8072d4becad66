"""The charts of the reports, drawn from tables, in English (the CLI's default) or French (the pages, `--lang fr`).

Each function takes the data it draws (DataFrames, Series), the words that
name it, and a file; it knows nothing of the analyses that made the data.
The CLI's charts are matplotlib images; the pages' (`*_svg`, French only) are
light SVG drawn with `rapports.svg`, each returned with a summary that gives
its figures (for a screen reader) and its data as CSV.
"""

import textwrap
from pathlib import Path

import numpy
import pandas

from openfisca_gen.rapports import svg
from openfisca_gen.rapports.tableaux import en_francais, propre
from openfisca_gen.validation.erreurs import euros_en_francais

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


def valeur_courte(valeur: float, langue: str) -> str:
    """A value as it is, shortest (0.8, 1.5), as the language writes it: a rate or a duration swept."""
    return en_francais(f"{valeur:g}") if langue == "fr" else f"{valeur:g}"


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


def _titre(figure, titre: str, contexte: str) -> str:
    """A chart's title over its context, the context wrapped to the figure's width: cut off otherwise."""
    return f"{titre}\n{textwrap.fill(contexte, round(figure.get_figwidth() * 9))}"


def _sauver(figure, chemin: Path, format_: str = "png", bas: float = 0) -> Path:
    """`bas`: the share of the figure's height kept below the axes (for a legend of the figure)."""
    import matplotlib.pyplot as plt

    figure.tight_layout(rect=(0, bas, 1, 1))
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
    axe.set(title=_titre(figure, mots["distribution"], contexte), xlabel=mots["funding_eur"], ylabel=mots["labelled"])
    _euros(axe, langue, x=True)
    axe.legend()
    chemins.append(_sauver(figure, dossier / f"distribution_financement.{format_}", format_))

    figure, axe = plt.subplots(figsize=(8, 4.8))
    positions = numpy.arange(len(par_statut))
    axe.bar(positions - 0.2, par_statut["financement_amorcage_baseline"], 0.4, label=mots["baseline"])
    axe.bar(positions + 0.2, par_statut["financement_amorcage_reform"], 0.4, label=mots["reform"])
    axe.set_xticks(positions, [textwrap.fill(str(statut), 18) for statut in par_statut.index])
    axe.set(title=_titre(figure, mots["by_status"], contexte), ylabel=mots["funding_eur"])
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
        title=_titre(figure, mots["winners_losers"], contexte),
        xlabel=mots["baseline_eur"],
        ylabel=mots["reform_eur"],
        xlim=(0, limite),
        ylim=(0, limite),
    )
    _euros(axe, langue, x=True, y=True)
    axe.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2)  # below the axes: over no training
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
    elif langue == "fr":  # a rate or a duration swept, with a decimal comma: 0,5, not 0.5
        from matplotlib.ticker import FuncFormatter

        axe.xaxis.set_major_formatter(FuncFormatter(lambda valeur, _: valeur_courte(valeur, langue)))
    poignees = axe.get_lines() + second.get_lines()
    if en_vigueur is not None:
        periode, valeur = en_vigueur
        lisible = nombre(valeur, langue) if unite == "€" else valeur_courte(valeur, langue)  # 0.8 was written 1
        texte = mots["in_force"].format(periode=periode, valeur=lisible, unite=unite)
        poignees.append(axe.axvline(valeur, color="black", linestyle="--", linewidth=1, label=texte))
    axe.set_title(_titre(figure, mots["sweep"].format(chemin=chemin), titre))
    # below the axes, over no curve of either axis ("lower right" covered a falling count of trainings)
    figure.legend(handles=poignees, loc="lower center", ncol=2, frameon=False)
    return _sauver(figure, fichier, bas=0.12)


def tornade(effets: pandas.DataFrame, contexte: str, defauts: float, fichier: Path, langue: str = "en") -> Path:
    """Each reading's effect, switched alone, on the total cost (bars, largest on top), with the range of its
    effect as the other readings vary (whiskers). `effets`, one row per reading: `libelle`, `effet`, `min`,
    `max`; `defauts`: the total cost under the readings the model adopts."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.ticker import MaxNLocator

    plt, mots = _pyplot(), TEXTES[langue]
    effets = effets.reindex(effets["effet"].abs().sort_values(kind="stable").index)
    figure, axe = plt.subplots(figsize=(10, 1.8 + 0.75 * max(len(effets), 1)))  # a row: a label of up to 4 lines
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
    for position, valeur, bas, haut in zip(positions, effets["effet"], effets["min"], effets["max"], strict=True):
        texte = ("+" if valeur > 0 else "") + nombre(valeur, langue) + " €" if valeur else mots["no_effect"]
        axe.annotate(
            texte,
            (min(valeur, bas) if valeur < 0 else max(valeur, haut), position),  # beyond the whisker, not on it
            xytext=(-6 if valeur < 0 else 6, 0),
            textcoords="offset points",
            ha="right" if valeur < 0 else "left",
            va="center",
            fontsize=8,
        )
    axe.set_yticks(positions, effets["libelle"], fontsize=8)
    axe.axvline(0, color="black", linewidth=0.8)
    sous_titre = textwrap.fill(f"{contexte}; {mots['defaults']}: {nombre(defauts, langue)} €", 70)
    axe.set(title=f"{mots['tornado']}\n{sous_titre}", xlabel=mots["change_cost"])
    _euros(axe, langue, x=True)
    axe.xaxis.set_major_locator(MaxNLocator(nbins=5))  # amounts of up to 11 characters side by side
    bas, haut = min(effets["min"].min(), 0), max(effets["max"].max(), 0)
    ecart = max(haut - bas, 1)
    axe.set_xlim(bas - 0.3 * ecart, haut + 0.35 * ecart)  # room for the labels on both sides
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
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

    axe.set_xscale("log")  # ticks at 0.5, 1, 2, 5…, written as ratios (not 2×10⁰)
    axe.xaxis.set_major_locator(LogLocator(subs=(1, 2, 5)))
    axe.xaxis.set_major_formatter(FuncFormatter(lambda valeur, _: f"{valeur:g}"))
    axe.xaxis.set_minor_formatter(NullFormatter())
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


# The pages' charts: light SVG in French (rapports.svg), each with a summary that gives its figures and its data.


# Each training's mark, drawn as a piece of path at (x, y): a triangle up (gains), down (losses), a diamond (same).
FORMES = {
    "haut": "M{x} {y}m-3.5 2.5l3.5-6 3.5 6z",
    "bas": "M{x} {y}m-3.5-2.5l3.5 6 3.5-6z",
    "rond": "M{x} {y}m-2.5 0l2.5-2.5 2.5 2.5-2.5 2.5z",
}


def _accord(nombre_: int, singulier: str, pluriel: str) -> str:
    return f"{svg.nombre_fr(nombre_)} {singulier if nombre_ < 2 else pluriel}"


def _axe_horizontal(dessin, gauche: float, droite: float, y: float, graduations: list, format_) -> None:
    """An x axis at `y`: its line, a tick and a label at each graduation."""
    dessin.ajouter("line", x1=gauche, x2=droite, y1=y, y2=y, stroke="#1b1b1b")
    for i, valeur in enumerate(graduations):
        x = gauche + (droite - gauche) * i / (len(graduations) - 1)
        dessin.ajouter("line", x1=round(x, 1), x2=round(x, 1), y1=y, y2=y + 4, stroke="#1b1b1b")
        dessin.texte(x, y + 15, format_(valeur), text_anchor="middle", font_size=10)


def _serie(valeurs: pandas.Series) -> str:
    if valeurs.empty:
        return "aucune formation labellisée"
    return (
        f"{_accord(len(valeurs), 'formation labellisée', 'formations labellisées')}, de "
        f"{svg.euros_court(valeurs.min())} à {svg.euros_court(valeurs.max())}, "
        f"{svg.euros_court(valeurs.median())} en médiane"
    )


def distribution_svg(formations: pandas.DataFrame) -> dict:
    """How many labelled trainings get how much, under the rules and the reform: bars side by side per band of
    funding (never one series hiding the other)."""
    base = formations["financement_amorcage_baseline"][formations["labellisee_baseline"]]
    reforme = formations["financement_amorcage_reform"][formations["labellisee_reform"]]
    bornes = svg.graduations(max(base.max() if len(base) else 0, reforme.max() if len(reforme) else 0, 1), 7)
    comptes = [numpy.histogram(serie, bins=bornes)[0] for serie in (base, reforme)]
    resume = f"Sans la réforme : {_serie(base)}. Avec la réforme : {_serie(reforme)}."
    dessin = svg.Dessin("distribution", 260, "Financement d'amorçage par formation labellisée", resume)
    gauche, droite, bas, haut = 40, svg.LARGEUR - 22, 210, 52
    lignes = svg.graduations(max(max(c.max() for c in comptes), 1), 4)
    for valeur in lignes:
        y = bas - (bas - haut) * valeur / lignes[-1]
        dessin.ajouter("line", x1=gauche, x2=droite, y1=round(y, 1), y2=round(y, 1), stroke="#d6d9de")
        dessin.texte(gauche - 5, y + 4, svg.nombre_fr(valeur), text_anchor="end", font_size=10)
    pas = (droite - gauche) / (len(bornes) - 1)
    for rang, (compte, remplissage) in enumerate(zip(comptes, (svg.COULEURS["base"], dessin.hachures), strict=True)):
        for i, n in enumerate(compte):
            hauteur = (bas - haut) * n / lignes[-1]
            x = gauche + i * pas + pas * (0.1 + 0.4 * rang)
            dessin.ajouter(
                "rect",
                x=round(x, 1),
                y=round(bas - hauteur, 1),
                width=round(pas * 0.4, 1),
                height=round(hauteur, 1),
                fill=remplissage,
            )
    _axe_horizontal(dessin, gauche, droite, bas, bornes, svg.euros_court)
    dessin.texte(svg.LARGEUR / 2, bas + 32, "financement d'une formation (tranches)", text_anchor="middle")
    dessin.texte(8, haut - 12, "formations labellisées", font_size=10)
    dessin.legende(16, [(svg.COULEURS["base"], "sans la réforme"), (dessin.hachures, "avec la réforme")])
    table = pandas.DataFrame(
        {"borne_inferieure": bornes[:-1], "borne_superieure": bornes[1:], "baseline": comptes[0], "reform": comptes[1]}
    )
    return dessin.graphique("distribution_financement", table.to_csv(index=False))


def par_statut_svg(par_statut: pandas.DataFrame) -> dict:
    """The cost by structure status, under the rules and the reform: one pair of bars per status, its label above
    it (long labels stay whole on a phone), each bar with its amount."""
    lignes = [
        (str(statut), float(ligne["financement_amorcage_baseline"]), float(ligne["financement_amorcage_reform"]))
        for statut, ligne in par_statut.iterrows()
    ]
    resume = (
        "Sans puis avec la réforme : "
        + " ; ".join(f"{statut}, {euros_en_francais(b)} puis {euros_en_francais(r)}" for statut, b, r in lignes)
        + "."
    )
    dessin = svg.Dessin(
        "par-statut", 44 + 50 * len(lignes), "Coût du financement d'amorçage par statut de structure", resume
    )
    maximum = max([max(b, r) for _, b, r in lignes] + [1])
    gauche, droite = 8, svg.LARGEUR - 70
    for rang, (statut, *montants) in enumerate(lignes):
        y = 48 + 50 * rang
        dessin.texte(gauche, y, statut, font_weight="600")
        for decalage, montant, remplissage in zip(
            (5, 20), montants, (svg.COULEURS["base"], dessin.hachures), strict=True
        ):
            largeur = (droite - gauche) * montant / maximum
            dessin.ajouter(
                "rect", x=gauche, y=y + decalage, width=round(max(largeur, 0.5), 1), height=12, fill=remplissage
            )
            dessin.texte(gauche + largeur + 4, y + decalage + 10, svg.euros_court(montant), font_size=10)
    dessin.legende(16, [(svg.COULEURS["base"], "sans la réforme"), (dessin.hachures, "avec la réforme")])
    table = pandas.DataFrame(lignes, columns=["statut_structure", "baseline", "reform"])
    return dessin.graphique("cout_par_statut", table.to_csv(index=False))


def gagnants_perdants_svg(formations: pandas.DataFrame, evolution: pandas.Series) -> dict:
    """Each training's funding with the reform against without it: above the diagonal it gains, below it loses;
    gains, losses and unchanged differ by colour and by shape."""
    base, reforme = formations["financement_amorcage_baseline"], formations["financement_amorcage_reform"]
    ecart = reforme - base
    formes = {"winners": ("gagne", "haut"), "losers": ("perd", "bas"), "unchanged": ("egal", "rond")}
    parties = []
    for nom, verbe, verbe_pluriel in (("winners", "gagne", "gagnent"), ("losers", "perd", "perdent")):
        masque = evolution == nom
        n, total = int(masque.sum()), abs(float(ecart[masque].sum()))
        total_texte = euros_en_francais(total) + (" au total" if n > 1 else "")
        parties.append(
            f"{_accord(n, 'formation', 'formations')} {verbe if n < 2 else verbe_pluriel} {total_texte}"
            if n
            else f"aucune formation ne {verbe}"
        )
    inchangees = int((evolution == "unchanged").sum())
    resume = " ; ".join(parties) + f" ; {_accord(inchangees, 'formation inchangée', 'formations inchangées')}."
    resume = resume[0].upper() + resume[1:]
    titre = "Financement de chaque formation, avec la réforme et sans elle"
    dessin = svg.Dessin("gagnants-perdants", 350, titre, resume)
    gauche, droite, bas, haut = 44, svg.LARGEUR - 22, 300, 52
    axe = svg.graduations(max(base.max(), reforme.max(), 1), 4)

    for valeur in axe:
        y = round(bas - (bas - haut) * valeur / axe[-1], 1)
        dessin.ajouter("line", x1=gauche, x2=droite, y1=y, y2=y, stroke="#e3e5e8")
        dessin.texte(gauche - 4, y + 4, svg.euros_court(valeur), text_anchor="end", font_size=9)
    dessin.ajouter("line", x1=gauche, y1=bas, x2=droite, y2=haut, stroke="#1b1b1b", stroke_dasharray="4 3")
    for nom, (couleur, forme) in formes.items():  # one path per kind: a few kilobytes for a thousand trainings
        masque = (evolution == nom).to_numpy()
        xs = numpy.round(gauche + (droite - gauche) * base.to_numpy()[masque] / axe[-1], 1)
        ys = numpy.round(bas - (bas - haut) * reforme.to_numpy()[masque] / axe[-1], 1)
        trace = "".join(FORMES[forme].format(x=x, y=y) for x, y in dict.fromkeys(zip(xs, ys, strict=True)))
        if trace:
            dessin.ajouter("path", d=trace, fill=svg.COULEURS[couleur])
    _axe_horizontal(dessin, gauche, droite, bas, axe, svg.euros_court)
    dessin.texte((gauche + droite) / 2, bas + 32, "sans la réforme", text_anchor="middle")
    dessin.texte(8, haut - 10, "avec la réforme", font_size=10)
    comptes = {nom: int((evolution == nom).sum()) for nom in formes}
    dessin.legende(
        16,
        [
            (svg.COULEURS["gagne"], f"gagnent ({comptes['winners']})", FORMES["haut"]),
            (svg.COULEURS["perd"], f"perdent ({comptes['losers']})", FORMES["bas"]),
            (svg.COULEURS["egal"], f"inchangées ({comptes['unchanged']})", FORMES["rond"]),
        ],
    )
    table = pandas.DataFrame({"baseline": base, "reform": reforme, "evolution": evolution})
    return dessin.graphique("gagnants_perdants", propre(table.rename_axis("formation_id")).to_csv())


def comparaison_svg(formations: pandas.DataFrame, par_statut: pandas.DataFrame, evolution: pandas.Series) -> list:
    """The three comparison charts as light SVG in French, each {nom, titre, svg, resume (its figures), csv}."""
    return [distribution_svg(formations), par_statut_svg(par_statut), gagnants_perdants_svg(formations, evolution)]
