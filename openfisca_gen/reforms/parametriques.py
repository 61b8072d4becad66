"""Parametric reforms: new values for existing parameters, `{path: {date: value}}`.

Everything is validated before anything changes, and each error names the
parameter path (and date) it is about. A value applies from its date until
the day before the next date given for the same parameter; the last one
applies from its date on. The baseline is never modified: OpenFisca's
`Reform.modify_parameters` works on a deep copy.
"""

import datetime
import warnings
from pathlib import Path

from openfisca_core import periods
from openfisca_core.reforms import Reform

from openfisca_gen.validation import (  # the checks live there; their names stay importable from here
    ReformeInvalideError,
    court,
    erreur_de_valeur,
    incoherences_des_regles,
    lire_jour,
    lire_yaml,
    trouver_parametre,
)
from openfisca_gen.validation import genre as genre

# Parameters that moved: {old path: new path}. The old path keeps working in reforms for one minor version,
# with a DeprecationWarning (see CHANGELOG.md). The one place that lists them.
CHEMINS_RENOMMES = {
    "interpretations.sans_decision_formation_eligible_labellisee": (
        "conventions.sans_decision_formation_eligible_labellisee"
    ),
}


def chemins_a_jour(changements: dict) -> dict:
    """The changes with each moved parameter's old path (CHEMINS_RENOMMES) replaced by its new one, warning."""
    for ancien in changements.keys() & CHEMINS_RENOMMES.keys():
        warnings.warn(
            f"'{ancien}' is now '{CHEMINS_RENOMMES[ancien]}'; the old path will stop working in 0.8",
            DeprecationWarning,
            stacklevel=4,
        )
    return {CHEMINS_RENOMMES.get(chemin, chemin): valeurs for chemin, valeurs in changements.items()}


def valider_changements(
    parametres, changements
) -> dict[str, list[tuple[periods.Instant, periods.Instant | None, object]]]:
    """Check every path, date and value; return, per parameter, the (start, stop, value) segments to apply. A
    moved parameter's old path is read as its new one (CHEMINS_RENOMMES)."""
    if not isinstance(changements, dict) or not changements:
        raise ReformeInvalideError(["A parametric reform is a non-empty mapping {parameter path: {date: value}}"])
    changements = chemins_a_jour(changements)
    erreurs, segments = [], {}
    for chemin, valeurs in changements.items():
        try:
            parametre = trouver_parametre(parametres, chemin, feuille=True)
        except ReformeInvalideError as erreur:
            erreurs += erreur.erreurs
            continue
        if not isinstance(valeurs, dict) or not valeurs:
            erreurs.append(f"'{chemin}': expects a mapping {{date: value}}, got {court(valeurs)}")
            continue
        dates = []
        for cle, valeur in valeurs.items():
            date = lire_jour(cle)
            if date is None:
                erreurs.append(
                    f"'{chemin}': {court(str(cle))} is not a date (YYYY-MM-DD, from 1970-01-01 to 2100-12-31)"
                )
                continue
            probleme = erreur_de_valeur(parametre, valeur)
            if probleme:
                erreurs.append(f"'{chemin}' ({date}): {probleme}")
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
            incoherences = incoherences_des_regles(parametres, self.changements)
            if incoherences:
                raise ReformeInvalideError(incoherences)
            return parametres

        self.modify_parameters(modifier_function=modifier)


def reforme_parametrique(baseline, changements: dict, nom: str = "reforme_parametrique") -> Reform:
    """A reform of `baseline` from `{path: {date: value}}`; raises ReformeInvalideError before changing anything."""
    if isinstance(changements, dict):
        changements = chemins_a_jour(changements)  # warns once, here, for a moved parameter's old path
    valider_changements(baseline.parameters, changements)
    classe = type(nom, (ReformeParametrique,), {"changements": changements, "name": nom})
    return classe(baseline)


def charger_changements(chemin: str | Path) -> dict:
    """`{path: {date: value}}` read from a YAML file, by the rules of every entry point (see
    validation.LecteurYaml: UTF-8, numbers and booleans as in JSON, no duplicate key, no alias)."""
    return lire_yaml(chemin, "the reform file", ReformeInvalideError)


def lire_reforme(argument: str):
    """A command-line reform: a YAML file of parameter values (read here), or a shipped reform's name."""
    return charger_changements(argument) if argument.endswith((".yaml", ".yml")) else argument
