"""Values a reform gives to the model's parameters, and the values of a sweep: read by the parameter's unit.

A parameter takes the same types and ranges as the model's inputs: a rate
between 0 and 1, an amount or a whole count >= 0, a boolean, a date or a list
of increasing dates; `null` (unknown) only where the texts already leave the
parameter unknown.
"""

import difflib
import itertools
import math
from collections.abc import Iterable, Sized
from datetime import date

import numpy

from openfisca_gen.validation.erreurs import EntreeInvalideError, Probleme, ReformeInvalideError, vouliez_vous_dire
from openfisca_gen.validation.types import JOURS, jour, probleme_de_date, probleme_de_nombre, un_nombre_python

MAX_VALEURS_BALAYAGE = 1000  # a sweep is a chart, not a search: beyond this, a larger step
# The kind of value a parameter holds, from its unit.
GENRES = {"/1": "taux", "currency-EUR": "montant", "bool": "booleen", "date": "date"}
NOMBRES_ENTIERS = ("session", "person", "fabrique", "month", "project")  # counts and whole months


def trouver_parametre(parametres, chemin: str, feuille: bool = False):
    """The parameter or node at a dotted path (a parameter only, if `feuille`); a ReformeInvalideError naming the
    path, with close names or a node's parameters, otherwise."""
    noeud = parametres
    for nom in str(chemin).split("."):
        enfants = getattr(noeud, "children", {})
        if nom not in enfants:
            tous = [p.name for p in parametres.get_descendants() if not feuille or hasattr(p, "values_list")]
            # `plafond` names financement_amorcage.plafond; a node is no suggestion where a parameter is asked for
            fins = [nom for nom in tous if nom.endswith(f".{chemin}")]
            proches = fins[:3] or difflib.get_close_matches(str(chemin), tous, n=3, cutoff=0.5)
            details = {
                "chemin": chemin,
                "suggestion": f" Did you mean: {', '.join(proches)}?" if proches else "",
                "suggestion_fr": vouliez_vous_dire(proches),
            }
            raise ReformeInvalideError([Probleme("parametre_inconnu", details)])
        noeud = enfants[nom]
    if feuille and not hasattr(noeud, "values_list"):
        noms = [p.name for p in noeud.get_descendants() if hasattr(p, "values_list")]
        raise ReformeInvalideError([Probleme("noeud_pas_parametre", {"chemin": chemin, "parametres": noms})])
    return noeud


def genre(parametre) -> str:
    """'taux', 'montant', 'entier', 'nombre', 'booleen', 'date' or 'dates': what values the parameter takes."""
    unite = parametre.metadata.get("unit")
    valeurs = [v.value for v in parametre.values_list if v.value is not None]
    if unite == "date":
        return "dates" if any(isinstance(v, list) for v in valeurs) else "date"
    if unite in GENRES:
        return GENRES[unite]
    if unite in NOMBRES_ENTIERS or all(isinstance(v, int) and not isinstance(v, bool) for v in valeurs):
        return "entier"
    return "booleen" if any(isinstance(v, bool) for v in valeurs) else "nombre"


def lire_jour(cle) -> date | None:
    """A date key of a reform as a date; None if it is not a date YYYY-MM-DD within the model's days."""
    texte = jour(cle)
    return date.fromisoformat(texte) if texte else None


def _en_python(valeur):
    """A numpy scalar as the Python number it stands for (a reform from Python may hold numpy.int64(5))."""
    if isinstance(valeur, numpy.bool_):
        return bool(valeur)
    if isinstance(valeur, numpy.integer | numpy.floating):
        return un_nombre_python(valeur)
    return valeur


def probleme_de_valeur(parametre, valeur) -> tuple[str, dict] | None:
    """(key, values) of why `valeur` cannot be a value of `parametre` (by its unit, see `genre`), or None."""
    valeur = _en_python(valeur)
    if valeur is None:  # "unknown": only where the texts already leave this parameter unknown somewhere
        inconnu = any(v.value is None for v in parametre.values_list)
        return None if inconnu else ("valeur_inconnue_refusee", {})
    sorte = genre(parametre)
    if sorte == "booleen":
        return None if isinstance(valeur, bool) else ("booleen_de_parametre", {"valeur": valeur})
    # A parameter's dates are texts, as its file writes them (OpenFisca stores no date object)
    if sorte == "date":
        return probleme_de_date(valeur) or (
            None if isinstance(valeur, str) else ("date_attendue", {**JOURS, "valeur": valeur})
        )
    if sorte == "dates":
        if not isinstance(valeur, list) or not valeur:
            return "liste_de_dates_attendue", {"valeur": valeur}
        for element in valeur:
            if probleme_de_date(element) or not isinstance(element, str):
                return "dates_de_liste_attendues", {**JOURS, "valeur": element}
        if sorted(set(valeur)) != valeur:
            return "dates_croissantes_attendues", {"valeur": valeur}
        return None
    probleme = probleme_de_nombre(valeur, entier=sorte == "entier")
    if probleme:
        return probleme
    if sorte == "taux" and not 0 <= valeur <= 1:  # a rate below zero too: said as a rate (-10 %, not -0,1)
        return "taux_hors_bornes", {"valeur": valeur}
    if valeur < 0:
        return "parametre_negatif", {"valeur": valeur}
    return None


# Sweeps


def taille_du_balayage(nombre, donne: str) -> None:
    """The one check of a sweep's size, for a range of the CLI (counted before any value is allocated) and for
    `analyse.balayer`'s values: 2 to MAX_VALEURS_BALAYAGE values; `donne` says what gave `nombre`."""
    if nombre > MAX_VALEURS_BALAYAGE:
        raise ReformeInvalideError([Probleme("balayage_trop_grand", {"maximum": MAX_VALEURS_BALAYAGE, "donne": donne})])
    if nombre < 2:
        raise ReformeInvalideError([Probleme("balayage_trop_petit", {"donne": donne})])


def valeurs_du_balayage(debut: float, fin: float, pas: float | None = None, defauts=()) -> list[float]:
    """The values from `debut` to `fin` (included if a step lands on it) by `pas` (default: a tenth of the
    range, 11 values), checked (finite, --from <= --to, --step > 0, 2 to MAX_VALEURS_BALAYAGE values) before
    any is allocated. The count is the one the values are made from, so the check and the sweep agree.
    `defauts`: the bounds ("--from", "--to") left to their default, said as such where a refusal quotes them."""
    bornes = " ".join(
        f"{nom} {v:g}" + " (its default)" * (nom in defauts) for nom, v in (("--from", debut), ("--to", fin))
    )

    def refus(cle, **valeurs):
        raise EntreeInvalideError([Probleme(cle, valeurs)])

    if not all(map(math.isfinite, (debut, fin, 0 if pas is None else pas))):
        refus("bornes_non_finies", debut=f"{debut:g}", fin=f"{fin:g}", pas="none" if pas is None else f"{pas:g}")
    if debut > fin:
        refus("bornes_inversees", bornes=bornes)
    if pas is not None and pas <= 0:
        refus("pas_non_positif", pas=pas)
    etendue = fin - debut
    if not math.isfinite(etendue):
        refus("etendue_infinie", bornes=bornes)
    if etendue == 0:
        taille_du_balayage(1, f"{bornes} gives 1: give --to above --from")
    pas = etendue / 10 if pas is None else pas
    intervalles = etendue / pas  # +1e-9: a step that lands on --to up to rounding (0 to 0.3 by 0.1) reaches it
    nombre = math.floor(intervalles + 1e-9) + 1 if math.isfinite(intervalles) else math.inf
    combien = "more than a float counts" if nombre == math.inf else str(nombre)
    taille_du_balayage(nombre, f"{bornes} --step {pas:g} gives {combien}" + ": take a smaller step" * (nombre < 2))
    valeurs = numpy.minimum(debut + pas * numpy.arange(nombre), fin)
    if grandeur := max(abs(debut), abs(fin)):  # float's noise off, to 15 digits of the largest bound: 1.2, not
        with numpy.errstate(all="ignore"):  # 1.2000000000000002; 0, not 5.6e-17; the bounds as given
            nettes = numpy.round(valeurs, 14 - math.floor(math.log10(grandeur)))
        nettes[0], nettes[valeurs == fin] = debut, fin
        if numpy.isfinite(nettes).all() and (numpy.diff(nettes) > 0).all():  # unless steps finer than that
            valeurs = nettes
    return valeurs.tolist()


def balayable(parametre, chemin: str) -> None:
    """Refuse, once, the sweep of a parameter whose values are no numbers (a switch, a date, a list of dates)."""
    valeurs = {"booleen": "true or false", "date": "a date", "dates": "a list of dates"}.get(genre(parametre))
    if valeurs:
        raise ReformeInvalideError([Probleme("balayage_pas_un_nombre", {"chemin": chemin, "valeurs": valeurs})])


def valeurs_a_balayer(valeurs) -> list:
    """The values of a sweep given one by one (`analyse.balayer`), checked by the same rule as a range; an
    iterable without a length is read no further than one value past the limit."""
    if isinstance(valeurs, str | bytes | dict) or not isinstance(valeurs, Iterable):  # None raised a TypeError
        raise ReformeInvalideError([Probleme("balayage_pas_une_liste", {"valeur": valeurs})])
    if not isinstance(valeurs, Sized):
        valeurs = list(itertools.islice(valeurs, MAX_VALEURS_BALAYAGE + 1))
    taille_du_balayage(len(valeurs), f"{len(valeurs)} given")
    return list(valeurs)
