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


def regles_appel_en_vigueur(parameters, period):
    """The parameters of the latest call launched in or before `period`."""
    return parameters(period.stop)


def part(nombre, total):
    """`nombre / total`, and 0 where `total` is 0: a share is never NaN."""
    return numpy.divide(nombre, total, out=numpy.zeros(numpy.shape(total)), where=total > 0)


def parametre_facultatif(noeud, nom):
    """A parameter a call may leave unknown (`value: null`, no source gives it): its value, or None."""
    return getattr(noeud, nom, None)  # a missing parameter raises an AttributeError


# The period parser lives with the other checks of inputs; these names stay importable from here.
from openfisca_gen.validation import PeriodeInvalideError, un_mois  # noqa: E402, F401
