"""Reforms: one registry of every named reform, parametric reforms from a mapping or a YAML file, and combinations.

    from openfisca_gen.reforms import appliquer_reforme, combiner
    appliquer_reforme(baseline, "plafond_par_structure")
    appliquer_reforme(baseline, {"financement_amorcage.plafond": {"2015-09-17": 100000}})
    appliquer_reforme(baseline, combiner("plafond_100k", "taux_2018_premier_appel"))

`REFORMES` holds every named reform: the shipped scenarios (each answers a
policy question) and one reform per reading of the texts (`lectures`), by
name. Every reform is a mapping `{parameter path: {date: value}}`; two
reforms combine by applying the second on top of the first (`combiner`). The
CLI, the web API, the pages and Python all take their reforms from here.
"""

import contextlib
import warnings
from pathlib import Path

import numpy
from openfisca_core.reforms import Reform

from openfisca_gen.reforms import lectures
from openfisca_gen.reforms.parametriques import (
    ReformeDebordeWarning,
    ReformeParametrique,
    charger_changements,
    reforme_parametrique,
    valider_changements,
)
from openfisca_gen.reforms.scenarios import (
    SCENARIOS,
    objectif_femmes_par_formation,
    plafond_100k,
    plafond_par_formation,
    plafond_par_structure,
    taux_2018_premier_appel,
)
from openfisca_gen.validation import Probleme, ReformeInvalideError, trouver_parametre
from openfisca_gen.validation.erreurs import Part, date_lisible, en_francais, euros_en_francais, suggestions
from openfisca_gen.validation.types import jour, un_nombre_python

REFORMES = {**lectures.LECTURES, **{scenario.__name__: scenario for scenario in SCENARIOS}}


def obtenir(nom: str) -> type:
    """The registered reform named `nom`; a ReformeInvalideError listing the names otherwise."""
    if nom not in REFORMES:
        details = {"nom": nom, "noms": sorted(REFORMES), **suggestions([str(nom).strip().lower()], REFORMES)}
        raise ReformeInvalideError([Probleme("reforme_inconnue", details)])
    return REFORMES[nom]


def description(nom: str) -> str:
    """A registered reform's question, on one line."""
    return " ".join((obtenir(nom).__doc__ or "").strip().split("\n\n")[0].split())


def changements_de(reforme) -> dict:
    """The mapping `{path: {date: value}}` of a reform given by its name or as a mapping."""
    return obtenir(reforme).changements if isinstance(reforme, str) else reforme


def combiner(*reformes) -> dict:
    """One mapping for several reforms (names or mappings), each applied on top of those before it: where two
    change the same parameter, the earlier one's values hold until the later one's first date, then the later
    one's values apply, as if its reform were applied to the system the earlier one made."""
    combinee: dict = {}
    for reforme in reformes:
        changements = changements_de(reforme)
        if not isinstance(changements, dict):
            raise ReformeInvalideError([Probleme("reforme_pas_un_dictionnaire")])
        for chemin, valeurs in changements.items():
            avant = combinee.get(chemin)
            if isinstance(avant, dict) and isinstance(valeurs, dict) and valeurs:
                # each date as its day (a Timestamp's "2015-09-17 00:00:00" kept the earlier "2015-09-17": twice)
                debut = min(map(_le_jour, valeurs))
                avant = {date: valeur for date, valeur in avant.items() if _le_jour(date) < debut}
                combinee[chemin] = {**avant, **valeurs}
            else:
                combinee[chemin] = valeurs
    return combinee


def _le_jour(date) -> str:
    """A reform's date key as its day, YYYY-MM-DD (a Timestamp, a date), or as written where it is none."""
    return jour(date) or str(date)


def nom_de(reforme, parametres=None, langue: str = "en") -> str:
    """How reports name a reform: its name, the names of a combination, or the values a mapping gives
    ("financement_amorcage.taux = 70 % from 2015-09-17"; in French « = 70 % à partir du 17 septembre 2015 »),
    written by each parameter's unit when `parametres` (the parameter tree) is given."""
    if isinstance(reforme, str):
        return reforme
    if isinstance(reforme, type):  # a reform's class: named as its registered name is
        return reforme.__name__
    if isinstance(reforme, list | tuple):
        return " + ".join(nom_de(element, parametres, langue) for element in reforme)
    francais = langue == "fr"

    def lisible(chemin, valeur) -> str:
        valeur = un_nombre_python(valeur) if isinstance(valeur, numpy.generic) else valeur  # the number it stands for
        if isinstance(valeur, float):
            valeur += 0.0  # -0.0, a value a file may hold, titled "-0 €"
        unite = None
        if parametres is not None:
            with contextlib.suppress(ReformeInvalideError):
                unite = trouver_parametre(parametres, chemin).metadata.get("unit")
        if valeur is None:
            return "aucune valeur" if francais else "unknown"
        if isinstance(valeur, bool):
            return ("oui" if valeur else "non") if francais else str(valeur).lower()
        if unite == "/1" and isinstance(valeur, int | float):
            return en_francais(Part(valeur)) if francais else f"{valeur * 100:g} %"
        if unite == "currency-EUR" and isinstance(valeur, int | float) and abs(valeur) < 1e15:
            return euros_en_francais(valeur) if francais else f"{valeur:,.0f} €"
        return ", ".join(map(str, valeur)) if isinstance(valeur, list) else str(valeur)

    def depuis(date) -> str:
        date = _le_jour(date)  # a Timestamp key as its day: « from 2015-09-17 00:00:00 » before
        return f"à partir du {date_lisible(date)}" if francais else f"from {date}"

    return (" ; " if francais else "; ").join(
        f"{chemin} = " + ", ".join(f"{lisible(chemin, valeur)} {depuis(date)}" for date, valeur in valeurs.items())
        if isinstance(valeurs, dict)
        else str(chemin)
        for chemin, valeurs in reforme.items()
    )


def lire_reforme(argument: str):
    """A command-line reform: a reform's name, or a file of parameter values (YAML, or JSON by its own grammar:
    `charger_changements`), read here: a name ending in .yaml, .yml or .json, whatever its case, or any file that
    exists and is no reform's name (`r.YAML` or `r.json` used to be looked up as a reform's name, never read)."""
    fichier = argument.lower().endswith((".yaml", ".yml", ".json"))
    fichier = fichier or (argument not in REFORMES and Path(argument).exists())  # a file, or a pipe: <(cat r.yaml)
    return charger_changements(argument) if fichier else argument


def appliquer_reforme(baseline, reforme):
    """A reformed system from a reform's name, its class (`reforms.plafond_100k`, as OpenFisca applies one), a
    `{path: {date: value}}` mapping, or a list of those (combined, each on top of those before it). Validated
    once; the baseline is never modified."""
    if isinstance(reforme, str):
        return obtenir(reforme)(baseline)
    if isinstance(reforme, type) and issubclass(reforme, Reform):  # was « a non-empty mapping » expected
        return reforme(baseline)
    if isinstance(reforme, list | tuple):
        # Each checked whole first: a later reform's value for the same day hid a wrong one (a rate of
        # « beaucoup » named the report), and an unknown name hid every other problem.
        problemes = []
        for element in reforme:
            try:
                with warnings.catch_warnings():  # a moved path warns once, when the combination is applied
                    warnings.simplefilter("ignore", DeprecationWarning)
                    obtenir(element) if isinstance(element, str) else valider_changements(baseline.parameters, element)
            except ReformeInvalideError as erreur:
                problemes += erreur.problemes
        if problemes:
            raise ReformeInvalideError(problemes)
        return reforme_parametrique(baseline, combiner(*reforme), nom_de(reforme))
    return reforme_parametrique(baseline, reforme)


__all__ = [
    "REFORMES",
    "ReformeDebordeWarning",
    "ReformeInvalideError",
    "ReformeParametrique",
    "appliquer_reforme",
    "changements_de",
    "charger_changements",
    "combiner",
    "description",
    "lectures",
    "lire_reforme",
    "nom_de",
    "objectif_femmes_par_formation",
    "obtenir",
    "plafond_100k",
    "plafond_par_formation",
    "plafond_par_structure",
    "reforme_parametrique",
    "taux_2018_premier_appel",
    "trouver_parametre",
    "valider_changements",
]
