"""Parametric reforms: new values for existing parameters, `{path: {date: value}}`.

Everything is validated before anything changes, and each error names the
parameter path (and date) it is about. A value applies from its date until
the day before the next date given for the same parameter; the last one
applies from its date on. The baseline is never modified: OpenFisca's
`Reform.modify_parameters` works on a deep copy.
"""

import datetime
import difflib
import math
from pathlib import Path

import yaml
from openfisca_core import periods
from openfisca_core.reforms import Reform
from openfisca_core.taxbenefitsystems import TaxBenefitSystem


class ReformeInvalideError(ValueError):
    """A reform that cannot be applied; `erreurs` lists one message per problem, each naming its field."""

    def __init__(self, erreurs: list[str]) -> None:
        self.erreurs = erreurs
        super().__init__("; ".join(erreurs))


def trouver_parametre(parametres, chemin: str):
    """The parameter or node at a dotted path; a ReformeInvalideError naming the path, with close names, otherwise."""
    noeud = parametres
    for nom in str(chemin).split("."):
        enfants = getattr(noeud, "children", {})
        if nom not in enfants:
            tous = [p.name for p in parametres.get_descendants()]
            proches = difflib.get_close_matches(str(chemin), tous, n=3, cutoff=0.5)
            suggestion = f" Did you mean: {', '.join(proches)}?" if proches else ""
            raise ReformeInvalideError([f"Unknown parameter '{chemin}'.{suggestion}"])
        noeud = enfants[nom]
    return noeud


def _nature(parametre) -> type:
    """bool, float, str or list: the kind of value the parameter holds."""
    valeurs = [v.value for v in parametre.values_list if v.value is not None]
    premiere = valeurs[0]
    return bool if isinstance(premiere, bool) else float if isinstance(premiere, int | float) else type(premiere)


def _erreur_de_valeur(parametre, valeur) -> str | None:
    if valeur is None:  # "unknown": only where the texts already leave this parameter unknown somewhere
        inconnu = any(v.value is None for v in parametre.values_list)
        return None if inconnu else "expects a value; null (unknown) is only for parameters the texts leave unknown"
    nature = _nature(parametre)
    unite = parametre.metadata.get("unit")
    if nature is bool:
        return None if isinstance(valeur, bool) else f"expects true or false, got {valeur!r}"
    if nature is float:
        if isinstance(valeur, bool) or not isinstance(valeur, int | float) or not math.isfinite(valeur):
            return f"expects a finite number, got {valeur!r}"
        if valeur < 0:
            return f"expects a number >= 0, got {valeur!r}"
        if unite == "/1" and valeur > 1:
            return f"is a rate: expects a number between 0 and 1, got {valeur!r}"
        return None
    dates = valeur if nature is list else [valeur]
    if not isinstance(valeur, nature) or not all(isinstance(d, str) for d in dates):
        return f"expects {'a list of dates' if nature is list else 'a date'} (YYYY-MM-DD), got {valeur!r}"
    try:
        for d in dates:
            datetime.date.fromisoformat(d)
    except ValueError:
        return f"expects dates as YYYY-MM-DD, got {valeur!r}"
    return None


def _date(cle) -> datetime.date:
    if isinstance(cle, datetime.date):
        return cle
    return datetime.date.fromisoformat(str(cle))


def valider_changements(
    parametres, changements
) -> dict[str, list[tuple[periods.Instant, periods.Instant | None, object]]]:
    """Check every path, date and value; return, per parameter, the (start, stop, value) segments to apply."""
    if not isinstance(changements, dict) or not changements:
        raise ReformeInvalideError(["A parametric reform is a non-empty mapping {parameter path: {date: value}}"])
    erreurs, segments = [], {}
    for chemin, valeurs in changements.items():
        try:
            parametre = trouver_parametre(parametres, chemin)
        except ReformeInvalideError as erreur:
            erreurs += erreur.erreurs
            continue
        if not hasattr(parametre, "values_list"):
            enfants = ", ".join(sorted(parametre.children))
            erreurs.append(f"'{chemin}' is a node, not a parameter; its parameters are: {enfants}")
            continue
        if not isinstance(valeurs, dict) or not valeurs:
            erreurs.append(f"'{chemin}' expects a mapping {{date: value}}, got {valeurs!r}")
            continue
        dates = []
        for cle, valeur in valeurs.items():
            try:
                date = _date(cle)
            except ValueError:
                erreurs.append(f"'{chemin}': '{cle}' is not a date (YYYY-MM-DD)")
                continue
            probleme = _erreur_de_valeur(parametre, valeur)
            if probleme:
                erreurs.append(f"'{chemin}' at {date} {probleme}")
                continue
            dates.append((date, valeur))
        if len(dates) < len(valeurs):
            continue
        dates.sort()
        segments[chemin] = [
            (
                periods.instant(str(date)),
                periods.instant(str(suivante[0] - datetime.timedelta(days=1))) if suivante else None,
                valeur,
            )
            for (date, valeur), suivante in zip(dates, [*dates[1:], None], strict=True)
        ]
    if erreurs:
        raise ReformeInvalideError(erreurs)
    return segments


def _appliquer(parametres, segments) -> None:
    for chemin, morceaux in segments.items():
        parametre = trouver_parametre(parametres, chemin)
        for debut, fin, valeur in morceaux:
            parametre.update(start=debut, stop=fin, value=valeur)


class ReformeParametrique(Reform):
    """A reform that only changes parameter values: subclasses set `changements`."""

    name = "Réforme paramétrique"
    changements: dict = {}

    def apply(self) -> None:
        segments = valider_changements(self.baseline.parameters, self.changements)

        def modifier(parametres):
            _appliquer(parametres, segments)
            return parametres

        self.modify_parameters(modifier_function=modifier)

    def remplacer(self, changements: dict) -> None:
        """Set other values in this reform's own copy of the rules, without copying them again (for sweeps)."""
        _appliquer(self.parameters, valider_changements(self.baseline.parameters, changements))
        # OpenFisca memoises the parameters at each instant (an lru_cache on the method): forget them.
        TaxBenefitSystem.get_parameters_at_instant.cache_clear()


def reforme_parametrique(baseline, changements: dict, nom: str = "reforme_parametrique") -> Reform:
    """A reform of `baseline` from `{path: {date: value}}`; raises ReformeInvalideError before changing anything."""
    valider_changements(baseline.parameters, changements)
    classe = type(nom, (ReformeParametrique,), {"changements": changements, "name": nom})
    return classe(baseline)


def charger_changements(chemin: str | Path) -> dict:
    """`{path: {date: value}}` read from a YAML file."""
    try:
        contenu = yaml.safe_load(Path(chemin).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as erreur:
        raise ReformeInvalideError([f"Cannot read the reform file '{chemin}': {erreur}"]) from erreur
    return contenu


def lire_reforme(argument: str):
    """A command-line reform: a YAML file of parameter values (read here), or a shipped reform's name."""
    return charger_changements(argument) if argument.endswith((".yaml", ".yml")) else argument
