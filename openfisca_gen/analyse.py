"""Compare the rules with a reform on a population of trainings: the comparison core, tables, sweeps.

    from openfisca_gen.analyse import comparer
    comparaison = comparer(population, "plafond_par_structure", "2015-10")
    print(comparaison.texte()); comparaison.ecrire("report/")

`difference` and `a_change` are the one notion of "changed" of the package
(the CLI, the web API's /compare, the pages and the interpretations use
them): amounts compared to the cent, shares to six decimals, other values
as they are. Tables are keyed by variable names (plus `baseline`, `reform`,
`difference`); display labels are applied only when printing or drawing
(`openfisca_gen.rapports`). Amounts are summed in float64.
"""

import itertools
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy
import pandas
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from openfisca_gen.helpers import dernier_jour
from openfisca_gen.population import une_population
from openfisca_gen.rapports import graphiques
from openfisca_gen.rapports.libelles import TITRES, libelle
from openfisca_gen.rapports.tableaux import csv_propre, ecrire_tables, en_francais, lisible
from openfisca_gen.reforms import appliquer_reforme, nom_de, valider_changements
from openfisca_gen.reforms.parametriques import portee_du_mois
from openfisca_gen.systeme import la_loi
from openfisca_gen.validation import (
    EntreeInvalideError,
    Probleme,
    ReformeInvalideError,
    trouver_parametre,
    un_mois,
    valeurs_a_balayer,
)
from openfisca_gen.validation.parametres import balayable
from openfisca_gen.validation.sorties import (
    LANGUES,
    des_colonnes,
    dossier_de_sortie,
    sans_ecraser,
    un_entier_positif,
    un_systeme,
    une_langue,
)

VARIABLES_FORMATION = (
    "eligible_labellisation",
    "labellisee",
    "financement_amorcage",
    "financement_amorcage_plafonne",
)
VARIABLES_CAMPAGNE = (
    "appel_de_la_campagne",
    "nombre_formations_labellisees",
    "nombre_fabriques_labellisees",
    "nombre_structures_labellisees",
    "nombre_structures_financees",
    "part_femmes_campagne",
    "part_jeunes_neet_peu_qualifies_campagne",
    "objectif_part_femmes",
    "objectif_part_jeunes_neet_peu_qualifies",
    "objectif_fabriques_premiere_vague",
    "objectif_fabriques_trois_ans",
    "objectif_jeunes_formes_premiere_vague",
    "objectif_jeunes_formes_trois_ans",
    "objectif_demandeurs_emploi_peu_qualifies",
    "financement_amorcage_dans_l_enveloppe",
    "depassement_enveloppe_financement_amorcage",
)
VARIABLES_BALAYAGE = ("financement_amorcage", "labellisee", "financement_amorcage_plafonne")
# The baseline funding bands: 0 €, then each band holding its upper bound (a ceiling of 40 000 € is in 20–40 k€)
TRANCHES = [-numpy.inf, 0, 20_000, 40_000, 60_000, 80_000, numpy.inf]
NOMS_TRANCHES = ["0 €", "≤ 20 k€", "20–40 k€", "40–60 k€", "60–80 k€", "> 80 k€"]
LOI = "the law"  # how a comparison names its baseline when it is the model's own rules


# The one notion of "changed"


def difference(avant, apres) -> numpy.ndarray:
    """`apres - avant` without float noise: amounts to the cent, shares (below 1) to six decimals."""
    ecart = numpy.asarray(apres, dtype=float) - numpy.asarray(avant, dtype=float)
    return numpy.where(numpy.abs(ecart) < 1, numpy.round(ecart, 6), numpy.round(ecart, 2)) + 0.0


def a_change(avant, apres) -> numpy.ndarray:
    """Where a value changed: a number whose `difference` is not 0, any other value that differs."""
    avant, apres = numpy.asarray(avant), numpy.asarray(apres)
    if avant.dtype.kind in "iuf" and apres.dtype.kind in "iuf":
        return difference(avant, apres) != 0
    return avant != apres


def evolution(avant, apres) -> numpy.ndarray:
    """Each value's 'winners', 'losers' or 'unchanged' (a funding under the rules, then under a reform)."""
    ecart = difference(avant, apres)
    return numpy.select([ecart > 0, ecart < 0], ["winners", "losers"], "unchanged")


def _resultats(population, tax_benefit_system, period, par=()):
    """Per training (with its structure's status and the columns of `par`, to break down by) and per campaign,
    under one system. A structure's value is given to each of its trainings here only to group them."""
    simulation = population.simulation(tax_benefit_system, period)
    systeme = simulation.tax_benefit_system
    inconnues = [nom for nom in par if nom not in systeme.variables or systeme.variables[nom].entity.key == "campagne"]
    if inconnues:
        valides = sorted(n for n, v in systeme.variables.items() if v.entity.key != "campagne")
        raise ReformeInvalideError([Probleme("repartition_inconnue", {"noms": inconnues, "valides": valides})])
    demandees = [*VARIABLES_FORMATION, "statut_structure", *par, *VARIABLES_CAMPAGNE]
    tables = population.tables(simulation, list(dict.fromkeys(demandees)), period)
    formations = tables["formation"]
    formations["financement_amorcage"] = formations["financement_amorcage"].astype(float)
    for nom in ("statut_structure", *par):
        if nom in tables["structure"]:
            formations[nom] = tables["structure"][nom].reindex(formations["structure_id"]).to_numpy()
    return formations.drop(columns=["structure_id", "campagne_id"]), tables["campagne"].rename_axis(None)


@dataclass
class Comparaison:
    """Baseline and reform, per training (`formations`) and per campaign (`campagnes`).

    Columns are the variables suffixed `_baseline` and `_reform`, and `difference` (the funding's). `baseline`
    names what the reform is compared with: the law, unless told otherwise."""

    nom_reforme: str
    period: str
    formations: pandas.DataFrame
    campagnes: pandas.DataFrame
    population: str = ""  # what the population is ("synthetic population"), as titles name it
    libelles_statuts: dict = field(default_factory=dict)  # statut_structure's Enum names → labels
    baseline: str = LOI
    avertissements: list = field(default_factory=list)  # validation.Probleme: values that leak into later calls
    systeme: object = field(default=None, repr=False)  # the law's rules: their labels name rows in French
    nom_reforme_fr: str = ""  # how French reports name the reform (nom_reforme where empty)
    systeme_reforme: object = field(default=None, repr=False)  # the reform's rules, as compared

    def nom(self, langue: str = "en") -> str:
        """How reports name the reform, in `langue`."""
        return (self.nom_reforme_fr or self.nom_reforme) if langue == "fr" else self.nom_reforme

    @property
    def difference(self) -> pandas.Series:
        """Each training's funding under the reform minus under the rules."""
        return self.formations["difference"]

    def _b_r(self, variable):
        return self.formations[f"{variable}_baseline"], self.formations[f"{variable}_reform"]

    def resume(self) -> pandas.DataFrame:
        """The headline figures, one row per variable summed over trainings: baseline, reform, difference."""
        lignes = {}
        for nom in VARIABLES_BALAYAGE:
            type_ = float if nom == "financement_amorcage" else int  # counts stay integers
            avant, apres = (type_(serie.sum()) for serie in self._b_r(nom))
            lignes[nom] = {"baseline": avant, "reform": apres, "difference": apres - avant}
        index = pandas.Index(list(lignes), name="variable")
        return pandas.DataFrame(
            {colonne: pandas.Series([ligne[colonne] for ligne in lignes.values()], index, dtype=object)
             for colonne in ("baseline", "reform", "difference")}
        )  # fmt: skip

    def evolutions(self) -> pandas.Series:
        """Each training's 'winners', 'losers' or 'unchanged', by its funding."""
        return pandas.Series(evolution(*self._b_r("financement_amorcage")), self.formations.index, name="evolution")

    def changements(self) -> pandas.Series:
        """Who gains or loses eligibility, who wins or loses funding, and how much."""
        evolutions = self.evolutions()
        avant, apres = self._b_r("eligible_labellisation")
        gagnants, perdants = evolutions == "winners", evolutions == "losers"
        base, reforme = self._b_r("financement_amorcage")
        # Totals of the exact amounts, then to the cent: a sum of amounts each rounded to the cent drifts (structures
        # that each lose 20 000 € exactly, in shares of thirds, summed to 1 261 599,97 € instead of 1 261 600 €).
        gain, perte = (difference(base[qui].sum(), reforme[qui].sum()) for qui in (gagnants, perdants))
        return pandas.Series(
            {
                "trainings_gaining_eligibility": int((~avant & apres).sum()),
                "trainings_losing_eligibility": int((avant & ~apres).sum()),
                "winners": int(gagnants.sum()),
                "winners_total_gain": float(gain),
                "losers": int(perdants.sum()),
                "losers_total_loss": float(-perte) + 0.0,  # + 0.0: an empty loss is 0, not -0
            },
            name="value",
            dtype=object,
        ).rename_axis("indicator")

    def par(self, groupes: pandas.Series) -> pandas.DataFrame:
        """Trainings, labelled trainings and cost, baseline and reform, by group. A Series of groups is aligned on its
        index, which must hold every training's `formation_id`: a column of `Population.table`, indexed by row,
        matched none and gave an empty table."""
        if isinstance(groupes, pandas.Series) and not (dedans := self.formations.index.isin(groupes.index)).all():
            details = {"nombre": int((~dedans).sum()), "total": len(self.formations)}
            raise EntreeInvalideError([Probleme("groupes_sans_les_formations", details)])
        colonnes = ["labellisee_baseline", "labellisee_reform", "financement_amorcage_baseline"]
        groupees = self.formations.groupby(groupes, observed=False, dropna=False)  # a missing label: a group too
        table = groupees[[*colonnes, "financement_amorcage_reform"]].sum()
        table.insert(0, "trainings", groupees.size())
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

    def decrite(self, langue: str = "en") -> str:
        """How titles name the population: its size, and what it is (a bundled population is synthetic)."""
        return decrire_population(self.population, len(self.formations), langue)

    def contexte(self, langue: str = "en") -> str:
        """How chart titles name the comparison: the reform, the period, the population."""
        return f"{self.nom(langue)} — {self.period}, {self.decrite(langue)}"

    def extremes(self, nombre: int) -> tuple[pandas.DataFrame, pandas.DataFrame]:
        """The `nombre` trainings that gain most and the `nombre` that lose most (their structure, status, funding
        under the law and the reform, and the difference)."""
        nombre = un_entier_positif(nombre, "nombre")
        colonnes = ["structure_id", "statut_structure", "financement_amorcage_baseline", "financement_amorcage_reform"]
        table = self.formations[[*colonnes, "difference"]].rename_axis("formation_id")
        gains, pertes = table[table["difference"] > 0], table[table["difference"] < 0]
        return gains.nlargest(nombre, "difference"), pertes.nsmallest(nombre, "difference")

    def _tables(self, par=(), top: int = 0, langue: str = "en") -> dict[str, pandas.DataFrame]:
        """Every table of the report, by the name its file takes (a breakdown's bands named in `langue`)."""
        par = des_colonnes(par)
        if absentes := [colonne for colonne in par if colonne not in self.formations]:  # a KeyError before
            raise ReformeInvalideError([Probleme("repartition_non_calculee", {"noms": absentes})])
        tables = {"resume": self.resume(), "changements": self.changements(), "par_statut": self.par_statut()}
        tables["par_tranche"] = self.par_tranche()
        tables |= {f"par_{colonne}": self.par(_en_groupes(self.formations[colonne], langue)) for colonne in par}
        if top:
            tables["gagnants"], tables["perdants"] = self.extremes(un_entier_positif(top, "top"))
        return tables | {"objectifs": self.objectifs(), "formations": self.formations.rename_axis("formation_id")}

    def _choix(self, colonne: str) -> dict:
        """An Enum column's names → labels (the rows of a breakdown by it, as the status table writes them)."""
        variable = self.systeme.variables.get(colonne) if self.systeme is not None else None
        return {choix.name: choix.value for choix in getattr(variable, "possible_values", None) or ()}

    def _colonne(self, nom: str, langue: str) -> str:
        """A breakdown's column as its title names it: the variable (in French its label), not a summary row's
        label (`financement_amorcage` was « total cost (€) »), said computed under the law where it is."""
        variable = self.systeme.variables.get(nom)
        texte = (variable.label[:1].lower() + variable.label[1:] if langue == "fr" else nom) if variable else nom
        calculee = variable is not None and variable.formulas
        return texte + ((" (sans la réforme)" if langue == "fr" else " (under the law)") if calculee else "")

    def texte(self, langue: str = "en", par=(), top: int = 0) -> str:
        """The report as text, in English or French (labels, units and number format); `par`: the columns of
        `formations` to break down by; `top`: the number of largest gains and losses listed."""
        titres = TITRES[une_langue(langue)]

        def nommer(cle):
            return libelle(cle, langue, self.systeme)

        def montrer(table):
            # a yes or no as its language's; an empty text (a training at its structure's own site) said, not blank
            table = table.rename(index=lambda v: titres["vide"] if _vide(v) else nommer(_oui_non(v, langue)))
            table = table.rename_axis(None if table.index.nlevels == 1 else [nommer(n) for n in table.index.names])
            if isinstance(table, pandas.DataFrame):
                table = table.rename(columns=nommer)
            if table.empty:
                return TITRES[langue]["aucune"]
            # Values too: Enum names as labels, yes and no; counts with thousands separators, as amounts (5 000)
            table = table.map(lambda v: nommer(v) if isinstance(v, str) else _oui_non(v, langue))
            if isinstance(table, pandas.DataFrame):
                table = table.astype(dict.fromkeys(table.select_dtypes("integer").columns, float))
            elif pandas.api.types.is_integer_dtype(table):
                table = table.astype(float)
            return table.to_string(float_format=lambda v: lisible(v, langue), na_rep=titres["non_mesure"])

        tables = self._tables(par, top, langue)
        entete = titres["reforme"].format(nom=self.nom(langue), periode=self.period, population=self.decrite(langue))
        parties = [entete + ("" if self.baseline == LOI else titres["contre"].format(base=self.baseline))]
        for avertissement in self.avertissements:  # in French too, the parameter it is about (English names it)
            message = avertissement.en() if langue != "fr" else avertissement.fr()
            if langue == "fr" and avertissement.champ:
                message = f"{avertissement.champ} : {avertissement.message('fr')}"
            parties.append(titres["avertissement"].format(message=message))
        resume = tables["resume"].astype(float).rename(columns={"difference": "ecart"})  # counts and euros: no unit
        parties += [montrer(resume), "\n" + montrer(tables["changements"].astype(float))]
        parties.append(
            f"\n{titres['par_statut']}\n" + montrer(tables["par_statut"].rename(index=self.libelles_statuts))
        )
        parties.append(f"\n{titres['par_tranche']}\n" + montrer(tables["par_tranche"]))
        parties += [
            f"\n{titres['par'].format(colonne=self._colonne(c, langue))}\n"
            + montrer(tables[f"par_{c}"].rename(index=self._choix(c)))
            for c in par
        ]
        if top:
            parties += [
                f"\n{titres[cle].format(nombre=top)}\n" + montrer(tables[cle]) for cle in ("gagnants", "perdants")
            ]
        parties.append(f"\n{titres['objectifs']}\n" + montrer(tables["objectifs"]))
        return "\n".join(parties)

    def graphiques(self, dossier: Path, langue: str = "en") -> list[Path]:
        """The three comparison charts, in `dossier`."""
        par_statut = self.par_statut().rename(index=self.libelles_statuts)
        return graphiques.comparaison(
            self.formations, par_statut, self.evolutions(), self.contexte(langue), Path(dossier), langue
        )

    def ecrire(self, dossier, langue: str = "en", par=(), top: int = 0, donnees=None) -> list[Path]:
        """A CSV per table, the same tables as sheets of one Excel workbook (rapport.xlsx) and the PNG charts, in
        `dossier`; the paths written. Refused, before anything is written, where a table would write over the
        file `donnees` (the data read)."""
        langue = une_langue(langue)  # checked before the folder is made
        dossier = dossier_de_sortie(dossier)
        tables = self._tables(par, top, langue)
        sans_ecraser([dossier / nom for nom in fichiers_du_rapport(par, top)], donnees)
        ecrits = [csv_propre(table, dossier / f"{nom}.csv") for nom, table in tables.items()]
        return [*ecrits, *ecrire_tables(tables, dossier / "rapport.xlsx"), *self.graphiques(dossier, langue)]


def fichiers_du_rapport(par=(), top: int = 0) -> list[str]:
    """The files of `Comparaison.ecrire`'s tables (its charts aside), known before anything is computed: the CLI
    checks them against the data read before computing."""
    tables = ["resume", "changements", "par_statut", "par_tranche", *(f"par_{c}" for c in des_colonnes(par))]
    tables += ["gagnants", "perdants"] if top else []
    return [f"{nom}.csv" for nom in (*tables, "objectifs", "formations")] + ["rapport.xlsx"]


def _vide(valeur) -> bool:
    """An empty text or a missing label: a breakdown's row named « (empty) »."""
    return valeur == "" or (pandas.api.types.is_scalar(valeur) and bool(pandas.isna(valeur)))


def _oui_non(valeur, langue: str):
    """A boolean as a table writes it, yes or no in its language; any other value as it is."""
    if not isinstance(valeur, bool | numpy.bool_):
        return valeur
    return {"en": ("no", "yes"), "fr": ("non", "oui")}[langue][bool(valeur)]


def _systemes(reforme, tax_benefit_system):
    """(baseline, reformed system, how the reform is named in each language) of `comparer`'s arguments; a baseline
    that is itself a reform is refused (comparing B with A+B would silently change the baseline)."""
    if isinstance(reforme, TaxBenefitSystem):
        if getattr(reforme, "baseline", None) is None:  # the law's own rules: no reform to compare with
            raise ReformeInvalideError([Probleme("aucun_changement")])
        base = tax_benefit_system or reforme.baseline
        changements = getattr(reforme, "changements", None)
        if getattr(base, "baseline", None) is None:
            parametrique = changements and reforme.key == "reforme_parametrique"
            noms = {langue: nom_de(changements, base.parameters, langue) for langue in LANGUES} if parametrique else {}
            return base, reforme, noms or dict.fromkeys(LANGUES, reforme.key)
    else:
        base = tax_benefit_system or la_loi()
        if getattr(base, "baseline", None) is None:
            reformee = appliquer_reforme(base, reforme)  # checked first: a name reads its dates
            return base, reformee, {langue: nom_de(reforme, base.parameters, langue) for langue in LANGUES}
    raise ReformeInvalideError([Probleme("base_deja_reformee", {"nom": getattr(base, "name", None) or base.key})])


def _sans_doublons(problemes: list) -> list:
    """Each warning once: the population's are checked under both rules (a reform may read another column, or
    move a call's opening)."""
    vus = {}
    for probleme in problemes:
        vus.setdefault(probleme.en(), probleme)
    return list(vus.values())


def comparer(population, reforme, period: str, tax_benefit_system=None, par=()) -> Comparaison:
    """Compute `population` under the law and under `reforme`: a registered reform's name, a `{path: {date:
    value}}` mapping, a list of those (combined, each on top of the ones before it), or a reformed system (what
    `appliquer_reforme` returns). The baseline is always the law (`tax_benefit_system`, default the model's):
    a system that already carries a reform is refused as a baseline. `par`: variables of the trainings or their
    structures (inputs or computed under the law) to break the report down by, added to `formations`."""
    period = un_mois(period)
    base, reformee, noms = _systemes(reforme, None if tax_benefit_system is None else un_systeme(tax_benefit_system))
    par = des_colonnes(par)  # one column given alone, not its letters
    population = une_population(base, population)
    avant, campagnes_avant = _resultats(population, base, period, par)
    apres, campagnes_apres = _resultats(population, reformee, period)
    statuts = avant.pop("statut_structure")  # from the simulation: the default where the table gives none
    apres.pop("statut_structure")
    formations = pandas.concat([avant.add_suffix("_baseline"), apres.add_suffix("_reform")], axis=1)
    formations.insert(0, "statut_structure", statuts)
    formations.insert(0, "structure_id", population.table["structure_id"].to_numpy())
    for colonne in par:  # a breakdown's column, under the law; a variable the report shows keeps its own
        if colonne not in formations:
            source = f"{colonne}_baseline"
            formations[colonne] = formations[source] if colonne in VARIABLES_FORMATION else formations.pop(source)
    formations["difference"] = difference(
        formations["financement_amorcage_baseline"], formations["financement_amorcage_reform"]
    )
    campagnes = pandas.concat([campagnes_avant.add_suffix("_baseline"), campagnes_apres.add_suffix("_reform")], axis=1)
    avertissements = _sans_doublons(
        [
            *population.avertissements(base, period),
            *population.avertissements(reformee, period),
            *getattr(reformee, "avertissements", []),
        ]
    )
    statut = base.variables["statut_structure"].possible_values
    return Comparaison(
        noms["en"],
        period,
        formations,
        campagnes,
        population.description,
        {membre.name: membre.value for membre in statut},
        avertissements=avertissements
        + _reforme_sans_effet(avant, apres, campagnes_avant, campagnes_apres, period, avertissements),
        systeme=base,
        nom_reforme_fr=noms["fr"],
        systeme_reforme=reformee,
    )


# The warnings that already say why a reform changes nothing: a value that reaches no call, a call not open yet.
# A value that leaks into later calls does not: the population's own call may read none of the reform's values.
SANS_EFFET_EXPLIQUE = {"valeur_sans_appel", "valeurs_sans_appel", "appel_pas_encore_ouvert"}


def _reforme_sans_effet(avant, apres, campagnes_avant, campagnes_apres, period: str, avertissements) -> list:
    """A note where the reform gives every training and campaign the law's results: a report of zeros, else read
    without a word (a shipped reform that sets a reading as the law already reads it, another call's rule), unless
    a warning already says why."""
    if any(avertissement.cle in SANS_EFFET_EXPLIQUE for avertissement in avertissements):
        return []
    colonnes = list(VARIABLES_FORMATION)
    memes = avant[colonnes].equals(apres[colonnes]) and campagnes_avant.equals(campagnes_apres)
    return [Probleme("reforme_sans_effet", {"periode": period})] if memes else []


def decrire_population(description: str, nombre: int, langue: str = "en") -> str:
    """How titles name a population of `nombre` trainings: its size, and what it is (`description`)."""
    pluriel = nombre > 1 or (langue == "en" and nombre == 0)  # "0 trainings", « 0 formation »
    nom = ("training" if langue == "en" else "formation") + ("s" if pluriel else "")
    taille = f"{nombre:,} {nom}" if langue == "en" else f"{lisible(nombre, 'fr')} {nom}"
    return f"{taille} ({libelle(description, langue)})" if description else taille


def balayer(
    population, chemin: str, valeurs, period: str, tax_benefit_system=None, progression=None
) -> pandas.DataFrame:
    """The rules with parameter `chemin` set to each of `valeurs` (in place of the value in force in `period`, from
    its start to the law's next value: a later call keeps its own, and warns of nothing): one row per value,
    columns `chemin` and the totals of VARIABLES_BALAYAGE (the cost, trainings labelled, trainings at the
    ceiling). 2 to MAX_VALEURS_BALAYAGE values (checked by validation, as the CLI's range); each gets its own
    reform, built from the baseline."""
    period = un_mois(period)
    valeurs = valeurs_a_balayer(valeurs)
    base = la_loi() if tax_benefit_system is None else un_systeme(tax_benefit_system)
    population = une_population(base, population)
    debut, suite = valeur_en_vigueur(base, chemin, period)
    refusees = []  # (value, its problems), in the order given: a value may be any object, unhashable, unordered
    for valeur in valeurs:  # every value is checked before anything is computed
        try:
            valider_changements(base.parameters, {chemin: {debut: valeur, **suite}})
        except ReformeInvalideError as erreur:
            refusees.append((valeur, erreur.problemes))
    if refusees:  # the first's problems, then how many and which: five rates over 100 % were five lines
        details = {"nombre": len(refusees), "premiere": refusees[0][0], "derniere": refusees[-1][0]}
        plus = [Probleme("valeurs_balayees_refusees", details)] if len(refusees) > 1 else []
        raise ReformeInvalideError([*refusees[0][1], *plus])
    lignes = []
    for valeur in progression(valeurs) if progression else valeurs:
        simulation = population.simulation(appliquer_reforme(base, {chemin: {debut: valeur, **suite}}), period)
        totaux = {nom: simulation.calculate(nom, period).astype(float).sum() for nom in VARIABLES_BALAYAGE}
        lignes.append({chemin: valeur, **{nom: total if nom == "financement_amorcage" else int(total)
                                          for nom, total in totaux.items()}})  # fmt: skip
    table = pandas.DataFrame(lignes)
    for note in balayage_sans_effet(table, chemin, period):  # a flat table, else read without a word
        warnings.warn(note.en(), BalayageSansEffetWarning, stacklevel=2)
    return table


class BalayageSansEffetWarning(UserWarning):
    """Every value of a sweep gave the same totals (`balayage_sans_effet`)."""


def balayage_sans_effet(table: pandas.DataFrame, chemin: str, period: str) -> list[Probleme]:
    """A note where every value of a sweep's table (`balayer`'s) gives the same totals: the population's dossiers
    are judged by no rule that reads the parameter in `period`, or none reaches it in the range swept."""
    if len(table) < 2 or (table.drop(columns=chemin).nunique() > 1).any():
        return []
    debut, fin = table[chemin].iloc[0], table[chemin].iloc[-1]
    return [Probleme("balayage_sans_effet", {"chemin": chemin, "debut": debut, "fin": fin, "periode": period})]


BANDES = 5  # a breakdown by a number of many values (a budget, a share): bands of as many trainings each


def _en_groupes(colonne: pandas.Series, langue: str = "en") -> pandas.Series:
    """A column to break down by: a day as the day it is (2015-09-17, not 2015-09-17 00:00:00); a number as its
    language writes it, in order, and where it has more than a dozen values in BANDES bands of about as many
    trainings (a row per value was hundreds, with float noise such as 0.043478260869565216), each band holding
    its lower bound but not its upper one, as the rules' thresholds do (« at least six months »), the last both;
    any other as is."""
    if pandas.api.types.is_datetime64_any_dtype(colonne):
        return colonne.dt.strftime("%Y-%m-%d")
    if not pandas.api.types.is_numeric_dtype(colonne) or pandas.api.types.is_bool_dtype(colonne):
        return colonne
    if colonne.nunique() <= 12:  # values written alike (equal to a millionth) share their row
        noms = {valeur: _nombre(valeur, langue) for valeur in numpy.sort(colonne.dropna().unique())}
        ordre = list(dict.fromkeys(noms.values()))
        return pandas.Series(
            pandas.Categorical(colonne.map(noms), ordre, ordered=True), colonne.index, name=colonne.name
        )
    quantiles = numpy.nanquantile(colonne, numpy.linspace(0, 1, BANDES + 1))
    # Short bounds (4.49, not 4.495789), float noise set aside first (0.57 x 100 is 56.99999999999999): each
    # rounded down, the last (the largest value) up; the outer bands open-ended, so that no value falls out.
    courtes = numpy.where(numpy.abs(quantiles) >= 100, 1, 100)
    echelle = numpy.round(quantiles * courtes, 9)
    bornes = numpy.unique([*numpy.floor(echelle[:-1]) / courtes[:-1], numpy.ceil(echelle[-1]) / courtes[-1]])
    noms = [f"{_nombre(bas, langue)}–<{_nombre(haut, langue)}" for bas, haut in itertools.pairwise(bornes)]
    noms[-1] = noms[-1].replace("–<", "–")  # the last band holds its upper bound too
    return pandas.cut(colonne, [-numpy.inf, *bornes[1:-1], numpy.inf], labels=noms, right=False)  # ordered


def _nombre(valeur: float, langue: str) -> str:
    """A value of a breakdown as its language writes it, never rounded (5.9999999 months stays below the six it is
    not): 35,800 and 0.08 in English, 35 800 and 5,99 in French; ∞ for no ceiling."""
    valeur = float(valeur)
    if not numpy.isfinite(valeur):
        return "∞" if valeur > 0 else "−∞"
    signe, texte = ("-", -valeur) if valeur < 0 else ("", valeur)
    entier, _, decimales = numpy.format_float_positional(texte, trim="-").partition(".")
    texte = f"{signe}{int(entier):,}" + (f".{decimales}" if decimales else "")
    return en_francais(texte) if langue == "fr" else texte


def valeur_en_vigueur(tax_benefit_system, chemin: str, period: str) -> tuple[str, dict]:
    """Where a sweep's values go (`reforms.parametriques.portee_du_mois`): the date the value in force in `period`
    starts for the call in force, and the law's later values, given back after it; a parameter whose values are no
    numbers (a switch, a date) is refused once, not once per value swept, and one of no value by then too."""
    balayable(trouver_parametre(tax_benefit_system.parameters, chemin, feuille=True), chemin)
    debut, suite = portee_du_mois(tax_benefit_system, chemin, period)
    if debut is None:
        premier = trouver_parametre(tax_benefit_system.parameters, chemin).values_list[-1].instant_str[:7]
        raise ReformeInvalideError(
            [Probleme("rien_a_balayer", {"chemin": chemin, "periode": period, "premier": premier})]
        )  # its first value's month: a month to sweep it in
    return debut, suite


def debut_en_vigueur(tax_benefit_system, chemin: str, period: str) -> str:
    """Deprecated (until 0.9): `valeur_en_vigueur(…)[0]`, the date the value in force in `period` starts."""
    warnings.warn("analyse.debut_en_vigueur is valeur_en_vigueur(…)[0]; the name will stop working in 0.9",
                  DeprecationWarning, stacklevel=2)  # fmt: skip
    return valeur_en_vigueur(tax_benefit_system, chemin, period)[0]


def graphique_balayage(
    table, chemin: str, fichier: Path, period=None, population=None, tax_benefit_system=None, langue: str = "en"
):
    """The sweep's chart, in `langue`: the total cost and the trainings at the ceiling against the swept value,
    the value in force in `period` marked."""
    parametre = trouver_parametre((tax_benefit_system or la_loi()).parameters, chemin)
    en_vigueur = parametre(dernier_jour(period)) if period is not None else None
    langue = une_langue(langue)
    decrite = (
        decrire_population(population.description, len(population.table), langue) if population is not None else ""
    )
    titre = f"{period or ''}" + (f", {decrite}" if decrite else "")
    return graphiques.balayage(
        table,
        chemin,
        parametre.description,
        parametre.metadata.get("unit", ""),
        None if en_vigueur is None else (period, en_vigueur),
        titre,
        Path(fichier),
        langue,
    )


def graphiques_comparaison(comparaison: Comparaison, dossier: Path) -> list[Path]:
    """The three comparison charts (see `Comparaison.graphiques`)."""
    return comparaison.graphiques(dossier)
