"""The record: what the programme published, held against what the model computes on each call's population.

`docs/bilan.yaml` keeps every published figure (per call, or per year): its
id, the call or the years it covers, the model's indicator it corresponds to
(a variable or a parameter, where one exists), its value and unit exactly as
published, its source and the verbatim sentence, stored in `docs/sources/`
and checked like the coverage's quotes. Conflicting figures are all kept.

`confronter` computes, for each figure of a call, the model's value on that
call's bundled population (`population.POPULATIONS`) under the readings the
model adopts, the gap, a verdict (`reproduced`, `differs`, `not_modelled`),
whether the population was calibrated to the figure (then it proves the
calibration, not the rules), and the readings under which the figure is
reproduced (the defaults, or one reading switched alone). `objectifs`
holds the national objectives against what was achieved.
"""

from pathlib import Path

import numpy
import pandas

from openfisca_gen import couverture
from openfisca_gen.chemins import DOCS_DIR, yaml_du_paquet
from openfisca_gen.helpers import dernier_jour
from openfisca_gen.interpretations import Lectures
from openfisca_gen.population import POPULATIONS, lire_population
from openfisca_gen.systeme import la_loi
from openfisca_gen.validation import trouver_parametre

BILAN = DOCS_DIR / "bilan.yaml"
CLES = ("id", "call", "year", "indicator", "what", "value", "unit", "period", "source", "read", "quote", "note")
UNITES = ("trainings", "structures", "fabriques", "sites", "dossiers", "learners", "people", "applications",
          "agreements", "EUR", "percent", "projects")  # fmt: skip
VERDICTS = ("reproduced", "differs", "not_modelled")
# An indicator of the record that no variable has under its name: the variable that counts it.
ALIAS = {"nombre_dossiers_deposes": "dossier_depose_dans_les_delais"}
# What was achieved, against the objective it answers.
OBJECTIFS = {
    "part_femmes_campagne": "publics_cibles.objectifs_nationaux.part_femmes",
    "part_jeunes_neet_peu_qualifies_campagne": "publics_cibles.objectifs_nationaux.part_jeunes_neet_peu_qualifies",
    "nombre_apprenants_campagne": "objectifs.sous_trois_ans.nombre_jeunes_formes",
    "nombre_formations_labellisees": "objectifs.sous_trois_ans.nombre_fabriques",
    "nombre_demandeurs_emploi_peu_qualifies_campagne": "objectifs.nombre_demandeurs_emploi_peu_qualifies",
}
# What an indicator counts (its parameter's or variable's unit) and the units of the record that count the same
# thing: a count of trainings is no count of fabriques (places, each holding one training or more: 130 for 171
# labels in 2016), nor one of structures; a site is a place, a fabrique.
MEMES_UNITES = {
    "training": ("trainings",), "fabrique": ("fabriques", "sites"), "structure": ("structures",),
    "person": ("learners", "people"), "dossier": ("dossiers",), "/1": ("percent",), "currency-EUR": ("EUR",),
}  # fmt: skip


def lire_bilan(chemin: Path | str = BILAN) -> list[dict]:
    return yaml_du_paquet(chemin)


def erreurs_de_forme(entrees, tax_benefit_system) -> list[str]:
    """Keys exactly CLES; a known call, unit and indicator (a variable or a parameter); a number or a range of
    two; unique ids."""
    erreurs, vus = [], set()
    for entree in entrees:
        nom = f"figure {entree.get('id')!r}"
        if set(entree) != set(CLES):
            erreurs.append(f"{nom}: keys {sorted(set(entree) ^ set(CLES))} differ from {', '.join(CLES)}")
            continue
        valeur = entree["value"]
        nombres = valeur if isinstance(valeur, list) else [valeur]
        if not (
            len(nombres) in (1, 2) and all(isinstance(v, int | float) and not isinstance(v, bool) for v in nombres)
        ):
            erreurs.append(f"{nom}: the value must be a number or a range [low, high], not {valeur!r}")
        if entree["call"] not in (1, 2, 3, None):
            erreurs.append(f"{nom}: call {entree['call']!r} is not 1, 2, 3 or null")
        if entree["unit"] not in UNITES:
            erreurs.append(f"{nom}: unit {entree['unit']!r} is not one of {', '.join(UNITES)}")
        if entree["indicator"] is not None:
            erreurs += _erreurs_d_indicateur(nom, entree, tax_benefit_system)
        if entree["id"] in vus:
            erreurs.append(f"{nom}: the id is used twice")
        vus.add(entree["id"])
    return erreurs


def _compte(tax_benefit_system, indicateur: str):
    """What an indicator counts: its variable's or parameter's unit (a count of dossiers filed: dossiers)."""
    if indicateur in ALIAS:
        return "dossier"
    if indicateur in tax_benefit_system.variables:
        return tax_benefit_system.variables[indicateur].unit
    return trouver_parametre(tax_benefit_system.parameters, indicateur, feuille=True).metadata.get("unit")


def _erreurs_d_indicateur(nom: str, entree: dict, tax_benefit_system) -> list[str]:
    """A variable or a parameter, that counts what the figure counts: a figure of « 200 formations » held against
    an objective of 200 fabriques read as reproduced what the model does not hold."""
    try:
        compte = _compte(tax_benefit_system, entree["indicator"])
    except ValueError:
        return [f"{nom}: indicator {entree['indicator']!r} is neither a variable nor a parameter"]
    if entree["unit"] in MEMES_UNITES.get(compte, ()) or entree["unit"] not in UNITES:  # an unknown one: said
        return []
    if compte is None:
        return [f"{nom}: its indicator {entree['indicator']!r} has no unit to say what it counts"]
    return [
        f"{nom}: counts {entree['unit']} where its indicator {entree['indicator']!r} counts {compte!r}: not the same "
        "thing; give no indicator and say so in the note"
    ]


def erreurs_de_citation(entrees) -> list[str]:
    """Every figure's sentence is verbatim in the stored excerpts of its source (as the coverage's quotes)."""
    return couverture.erreurs_de_citation(entrees)


def tolerance(entree) -> float:
    """How far a model value may be from a published one and still reproduce it: half a point for a share;
    half the last significant unit for a rounded amount or count (« 5 millions »: 500 000); none otherwise."""
    if entree["unit"] == "percent":
        return 0.5
    valeur = entree["value"] if not isinstance(entree["value"], list) else 1
    zeros = len(str(int(valeur))) - len(str(int(valeur)).rstrip("0"))
    return 10**zeros / 2 if zeros >= 3 else 0


def _reproduit(entree, modele: float) -> bool:
    publie = entree["value"]
    if entree["unit"] == "percent":
        modele *= 100
    if isinstance(publie, list):
        return publie[0] <= modele <= publie[1]
    return abs(modele - publie) <= tolerance(entree)


def _population_de(appel: int) -> str | None:
    return next((nom for nom, population in POPULATIONS.items() if population["appel"] == appel), None)


def _valeurs(simulation, periode, indicateurs) -> dict:
    """Each indicator's value on a whole population: a variable summed over its entity (a share: the campaign's)."""
    valeurs = {}
    for indicateur in indicateurs:
        valeurs[indicateur] = float(numpy.sum(simulation.calculate(ALIAS.get(indicateur, indicateur), periode)))
    return valeurs


def _parametre(tax_benefit_system, chemin: str, jour: str):
    return trouver_parametre(tax_benefit_system.parameters, chemin, feuille=True)(jour)


def confronter(tax_benefit_system=None, lectures: bool = True) -> pandas.DataFrame:
    """One row per published figure: published value, the model's, the gap, the verdict, whether the population
    was calibrated to it, and (with `lectures`) the readings under which the model reproduces it."""
    tax_benefit_system = tax_benefit_system or la_loi()
    entrees = lire_bilan()
    calcule = {}  # (call, indicator) -> {reading: value}, "defaults" for the law's readings
    for appel in (1, 2, 3):
        nom = _population_de(appel)
        variables = tax_benefit_system.variables
        indicateurs = {
            e["indicator"] for e in entrees
            if e["call"] == appel and e["indicator"] and ALIAS.get(e["indicator"], e["indicator"]) in variables
        }  # fmt: skip
        if nom is None or not indicateurs:
            continue
        population, periode = lire_population(tax_benefit_system, nom), POPULATIONS[nom]["periode"]
        systemes = Lectures(tax_benefit_system)
        simulation = population.simulation(systemes.systeme, periode)
        bascules = numpy.eye(len(systemes.noms) + 1, len(systemes.noms), k=-1, dtype=bool) if lectures else [
            numpy.zeros(len(systemes.noms), dtype=bool)]  # fmt: skip
        for rang, ligne in enumerate(bascules):
            valeurs = _valeurs(systemes.sous(simulation, ligne), periode, indicateurs)
            lecture = "defaults" if rang == 0 else systemes.noms[rang - 1]
            for indicateur, valeur in valeurs.items():
                calcule.setdefault((appel, indicateur), {})[lecture] = valeur
    table = pandas.DataFrame([_ligne(entree, calcule, tax_benefit_system) for entree in entrees]).set_index("id")
    return table.astype({"call": "Int64"})


def _ligne(entree, calcule, tax_benefit_system) -> dict:
    """A figure of the record against the model."""
    appel, indicateur = entree["call"], entree["indicator"]
    nom = _population_de(appel) if appel else None
    ligne = {
        "id": entree["id"],
        "call": appel,
        "year": entree["year"],
        "indicator": indicateur,
        "published": entree["value"],
        "unit": entree["unit"],
        "model": None,
        "gap": None,
        "verdict": "not_modelled",
        "calibrated": bool(nom) and POPULATIONS[nom]["calibree_sur"].get(indicateur) == entree["value"],
        # a parameter: a value the texts give the model (this figure's source, often), not one its rules compute
        "from_the_texts": bool(indicateur) and ALIAS.get(indicateur, indicateur) not in tax_benefit_system.variables,
        "readings": "",
        "source": entree["source"],
        "quote": " ".join(entree["quote"].split()),
    }
    valeurs = calcule.get((appel, indicateur))
    if valeurs is None and indicateur and ALIAS.get(indicateur, indicateur) not in tax_benefit_system.variables:
        jour = POPULATIONS[nom]["periode"] + "-01" if nom else f"{str(entree['year'])[:4]}-12-31"
        valeur = _parametre(tax_benefit_system, indicateur, jour)
        valeurs = None if valeur is None else {"defaults": float(valeur)}
    if not valeurs:
        return ligne
    modele = valeurs["defaults"]
    echelle = 100 if entree["unit"] == "percent" else 1
    publie = entree["value"] if not isinstance(entree["value"], list) else sum(entree["value"]) / 2
    ligne |= {"model": round(modele * echelle, 6), "gap": round(modele * echelle - publie, 6)}
    ligne["verdict"] = "reproduced" if _reproduit(entree, modele) else "differs"
    # The defaults if they reproduce it, and each reading that, switched alone, changes the value and reproduces it.
    lectures = [nom for nom, v in valeurs.items() if _reproduit(entree, v) and (nom == "defaults" or v != modele)]
    ligne["readings"] = ", ".join(lectures) or "none"
    return ligne


def marges_manquees(nom: str, tax_benefit_system, table: pandas.DataFrame | None = None) -> list[str]:
    """The margins a bundled population claims (populations.yaml: calibrated and supposed) that the model,
    under the law's default readings, does not find on its rows (or on `table`, the rows about to be written):
    counts exactly, shares to the rounding of one count."""
    description = POPULATIONS[nom]
    population = lire_population(tax_benefit_system, nom if table is None else table)
    periode = description["periode"]
    simulation = population.simulation(tax_benefit_system, periode)
    manquees = []
    for indicateur, cible in {**description["calibree_sur"], **description["supposees"]}.items():
        calcule = float(numpy.sum(simulation.calculate(ALIAS.get(indicateur, indicateur), periode)))
        if abs(calcule - cible) > (0.001 if indicateur.startswith("part_") else 0):
            manquees.append(f"{nom}: {indicateur} is {calcule:g}, not {cible:g}")
    return manquees


def resume(table: pandas.DataFrame) -> str:
    """How many figures each verdict has, and what the reproduced ones prove: the rules (computed on a population
    not calibrated to them), a population's calibration, or a value the texts give the model."""
    compte = table["verdict"].value_counts().reindex(list(VERDICTS), fill_value=0)
    reproduits = table[table["verdict"] == "reproduced"]
    calibres = int(reproduits["calibrated"].sum())
    textes = int((reproduits["from_the_texts"] & ~reproduits["calibrated"]).sum())
    regles = len(reproduits) - calibres - textes
    detail = f" ({regles} computed by the rules, {calibres} a population's calibration, {textes} values the texts give)"
    return ", ".join(
        f"{nombre} {verdict}" + (detail if verdict == "reproduced" else "") for verdict, nombre in compte.items()
    )


def _echeance(tax_benefit_system, objectif: str, jour: str) -> str | None:
    """The last day of an objective's term where its node has one (`fin`: « Sous trois ans », to the end of 2017
    from the second call), in force on `jour`, else the last one set; None for an objective with no term."""
    noeud = trouver_parametre(tax_benefit_system.parameters, objectif.rsplit(".", 1)[0])
    if "fin" not in noeud.children:
        return None
    fin = noeud.children["fin"]
    return fin(jour) or next((v.value for v in fin.values_list if v.value is not None), None)


def objectifs(tax_benefit_system=None) -> pandas.DataFrame:
    """The national objectives against what was achieved: each published achievement (a share of learners, a
    count of learners or of trainings) with the objective it answers, its value and unit, its term (`due`, where
    it has one), and whether it was met: unknown (NA) where the two count different things (trainings against an
    objective of fabriques), or where a count below it was published before its term (not yet due)."""
    tax_benefit_system = tax_benefit_system or la_loi()
    lignes = []
    for entree in lire_bilan():
        objectif = OBJECTIFS.get(entree["indicator"])
        if objectif is None or entree["call"] is not None or isinstance(entree["value"], list):
            continue
        jour = f"{str(entree['year'])[:4]}-12-31"
        cible = _parametre(tax_benefit_system, objectif, jour)
        if cible is None:  # the objective in force that year: the last one set
            valeurs = [v.value for v in trouver_parametre(tax_benefit_system.parameters, objectif).values_list]
            cible = next((v for v in valeurs if v is not None), None)
        if cible is None:
            continue
        realise = entree["value"] / 100 if entree["unit"] == "percent" else entree["value"]
        echelle = 100 if entree["unit"] == "percent" else 1
        unite = trouver_parametre(tax_benefit_system.parameters, objectif).metadata.get("unit")
        comparable = entree["unit"] in MEMES_UNITES.get(unite, ())
        publiee = dernier_jour(str(entree["period"]))  # when the figure was published: 2017-03 is 2017-03-31
        echeance = _echeance(tax_benefit_system, objectif, publiee)
        avant = echeance is not None and publiee < echeance and realise < cible
        lignes.append({
            "id": entree["id"], "year": entree["year"], "indicator": entree["indicator"], "achieved": entree["value"],
            "unit": entree["unit"], "objective": objectif, "target": cible * echelle,
            "target_unit": entree["unit"] if comparable else MEMES_UNITES.get(unite, (unite,))[0],
            "due": echeance, "met": bool(realise >= cible) if comparable and not avant else pandas.NA,
            "source": entree["source"],
        })  # fmt: skip
    table = pandas.DataFrame(lignes).set_index("id")
    table["met"] = table["met"].astype("boolean")  # unknown where the units differ: trainings are not fabriques
    return table
