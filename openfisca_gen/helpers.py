"""Helpers shared by the formulas: how a period selects a call's rules, shares.

The period of every variable is a month: the month in which the dossier is
filed or decided. The rules that apply are those of the latest call launched
in or before that month, so formulas read the parameters in force on the
month's last day. Each rule is dated at its call's exact launch day (the
first call: 17 September 2015), and period `2015-09` still sees it.

Before the first call no rule exists: the formulas that read the rules are
dated (`formula_2015_09`), and before that month OpenFisca returns each
variable's default (not eligible, nothing paid) instead of an error.
"""

import numpy
from openfisca_core import periods


def regles_appel_en_vigueur(parameters, period):
    """The parameters of the latest call launched in or before `period`."""
    return parameters(period.stop)


def part(nombre, total):
    """`nombre / total`, and 0 where `total` is 0: a share is never NaN."""
    return numpy.divide(nombre, total, out=numpy.zeros(numpy.shape(total)), where=total > 0)


def parametre_facultatif(noeud, nom):
    """A parameter a call may leave unknown (`value: null`, no source gives it): its value, or None."""
    return getattr(noeud, nom, None)  # a missing parameter raises an AttributeError


class PeriodeInvalideError(ValueError):
    """A period that is not one month, where one month is computed."""


def un_mois(texte) -> str:
    """`texte` as one month, such as '2015-10'; a PeriodeInvalideError naming it otherwise (variables are monthly)."""
    try:
        periode = periods.period(texte)
    except (ValueError, TypeError, AttributeError):
        raise PeriodeInvalideError(f"'{texte}' is not a period; give a month such as 2015-10") from None
    if (periode.unit, periode.size) != (periods.DateUnit.MONTH, 1):
        raise PeriodeInvalideError(f"variables are monthly: give a month such as 2015-10, not '{texte}'")
    return str(periode)
