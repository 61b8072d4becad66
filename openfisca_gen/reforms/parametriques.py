"""Parametric reforms: new values for existing parameters, `{path: {date: value}}`.

Everything is validated before anything changes, and each error names the
parameter path (and date) it is about. A value applies from its date until
the day before the next date given for the same parameter; the last one
applies from its date on. The baseline is never modified: OpenFisca's
`Reform.modify_parameters` works on a deep copy.
"""

import datetime
import difflib
from pathlib import Path

import yaml
from openfisca_core import periods
from openfisca_core.reforms import Reform

from openfisca_gen.validation import (
    ReformeInvalideError,
    court,
    erreur_de_date,
    erreur_de_nombre,
)

# The kind of value a parameter holds, from its unit: the same types and ranges as the model's inputs.
GENRES = {"/1": "taux", "currency-EUR": "montant", "bool": "booleen", "date": "date"}
NOMBRES_ENTIERS = ("session", "person", "fabrique", "month")  # counts and whole months


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


def erreur_de_valeur(parametre, valeur) -> str | None:
    """Why `valeur` cannot be a value of `parametre`, or None."""
    if valeur is None:  # "unknown": only where the texts already leave this parameter unknown somewhere
        inconnu = any(v.value is None for v in parametre.values_list)
        return None if inconnu else "expects a value; null (unknown) is only for parameters the texts leave unknown"
    sorte = genre(parametre)
    if sorte == "booleen":
        return None if isinstance(valeur, bool) else f"expects true or false, got {court(valeur)}"
    if sorte == "date":
        return erreur_de_date(valeur)
    if sorte == "dates":
        if not isinstance(valeur, list) or not valeur:
            return f"expects a non-empty list of dates YYYY-MM-DD, got {court(valeur)}"
        for date in valeur:
            if erreur_de_date(date):
                return f"expects dates as YYYY-MM-DD from 1970-01-01 to 2100-12-31, got {court(date)}"
        if sorted(set(valeur)) != valeur:
            return f"expects dates in increasing order, each once, got {court(valeur)}"
        return None
    probleme = erreur_de_nombre(valeur, entier=sorte == "entier")
    if probleme:
        return probleme
    if valeur < 0:
        return f"expects a number >= 0, got {court(valeur)}"
    if sorte == "taux" and valeur > 1:
        return f"is a rate: expects a number between 0 and 1, got {court(valeur)}"
    return None


def _date(cle) -> datetime.date | None:
    """A date key of a reform as a date; None if it is not a date YYYY-MM-DD within the model's days."""
    if erreur_de_date(cle):
        return None
    return cle if isinstance(cle, datetime.date) else datetime.date.fromisoformat(cle)


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
            date = _date(cle)
            if date is None:
                erreurs.append(
                    f"'{chemin}': {court(str(cle))} is not a date (YYYY-MM-DD, from 1970-01-01 to 2100-12-31)"
                )
                continue
            probleme = erreur_de_valeur(parametre, valeur)
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


def reforme_parametrique(baseline, changements: dict, nom: str = "reforme_parametrique") -> Reform:
    """A reform of `baseline` from `{path: {date: value}}`; raises ReformeInvalideError before changing anything."""
    valider_changements(baseline.parameters, changements)
    classe = type(nom, (ReformeParametrique,), {"changements": changements, "name": nom})
    return classe(baseline)


class _ChargeurStrict(yaml.SafeLoader):
    """YAML for reform files: dates stay text (checked as YYYY-MM-DD like every date, so an impossible date or
    a time is named, not a crash); a duplicate key or an alias is refused rather than silently resolved."""

    yaml_implicit_resolvers = {
        debut: [(tag, motif) for tag, motif in resolveurs if tag != "tag:yaml.org,2002:timestamp"]
        for debut, resolveurs in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            marque = self.peek_event().start_mark
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed in a reform file", marque)
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):
        vues = set()
        for cle, _ in node.value:
            valeur = self.construct_object(cle, deep=True)
            if not isinstance(valeur, str | int | float | bool | None):
                raise yaml.constructor.ConstructorError(None, None, "a key must be a plain value", cle.start_mark)
            if valeur in vues:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {valeur!r}", cle.start_mark)
            vues.add(valeur)
        return super().construct_mapping(node, deep)


def charger_changements(chemin: str | Path) -> dict:
    """`{path: {date: value}}` read from a YAML file (UTF-8; no duplicate key, no alias)."""
    try:
        texte = Path(chemin).read_bytes().decode("utf-8")
        return yaml.load(texte, Loader=_ChargeurStrict)  # a SafeLoader, stricter
    except UnicodeDecodeError as erreur:
        probleme = f"it is not UTF-8 text (byte {erreur.start})"
    except yaml.MarkedYAMLError as erreur:
        marque = erreur.problem_mark
        probleme = erreur.problem + (f" (line {marque.line + 1}, column {marque.column + 1})" if marque else "")
    except (OSError, yaml.YAMLError, ValueError) as erreur:  # ValueError: an integer of thousands of digits
        probleme = str(erreur).splitlines()[0]
    raise ReformeInvalideError([f"Cannot read the reform file '{chemin}': {probleme}"])


def lire_reforme(argument: str):
    """A command-line reform: a YAML file of parameter values (read here), or a shipped reform's name."""
    return charger_changements(argument) if argument.endswith((".yaml", ".yml")) else argument
