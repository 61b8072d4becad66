"""One reader of periods for every entry point: the months the model covers, 1970-01 to 2100-12."""

import functools
from datetime import date

import numpy
import pandas
from openfisca_core import periods
from openfisca_core.periods import DateUnit

from openfisca_gen.validation.erreurs import PeriodeInvalideError, Probleme
from openfisca_gen.validation.types import DERNIER_JOUR, DERNIER_MOIS, PREMIER_JOUR, PREMIER_MOIS

MOIS_DU_MODELE = {"premier": PREMIER_MOIS, "dernier": DERNIER_MOIS}


@functools.lru_cache(maxsize=4096)
def _lire_periode(texte: str):
    try:
        periode = periods.period(texte)
    except (ValueError, TypeError, AttributeError):
        return None, ("pas_une_periode", {"texte": texte})
    if periode.unit == DateUnit.ETERNITY:
        return periode, None  # not a month nor a year: each caller says whether it takes it
    try:
        dedans = periode.start.date >= PREMIER_JOUR and periode.stop.date <= DERNIER_JOUR
    except (ValueError, OverflowError):  # its end is past year 9999
        dedans = False
    if not dedans:
        return None, ("periode_hors_modele", {"texte": texte, **MOIS_DU_MODELE})
    return periode, None


def lire_periode(texte):
    """(period, None), or (None, (key, values) of why not): a period within the model's months. Memoised: a
    request repeats the same few periods for every value, and OpenFisca's parser takes tens of microseconds."""
    if not isinstance(texte, str):
        return None, ("pas_une_periode", {"texte": texte})
    return _lire_periode(texte)


def est_un_mois(texte: str) -> bool:
    """Whether a period the model reads (`lire_periode`'s), as OpenFisca writes it, is one month."""
    periode = periods.period(texte)
    return (periode.unit, periode.size) == (DateUnit.MONTH, 1)


def un_mois(texte) -> str:
    """`texte` as one month, such as '2015-10' (or an OpenFisca Period of one month); a PeriodeInvalideError naming
    it otherwise (variables are monthly)."""
    if isinstance(texte, periods.Period | pandas.Period | numpy.datetime64):  # named as it writes itself (2016-02)
        texte = str(texte)
    elif isinstance(texte, date):  # a day (a datetime, a Timestamp): « not '2016-02-01' », never its repr
        texte = texte.isoformat() if type(texte) is date else str(pandas.Timestamp(texte).date())
    periode, probleme = lire_periode(texte)
    if probleme:
        raise PeriodeInvalideError([Probleme(*probleme)])
    if (periode.unit, periode.size) != (DateUnit.MONTH, 1):
        raise PeriodeInvalideError([Probleme("un_mois_attendu", {"texte": texte})])
    if periode.start.day != 1:  # month:2015-08-20 writes itself 2015-08 (validation.situation.decalee)
        raise PeriodeInvalideError([Probleme("periode_decalee", {"texte": texte})])
    return str(periode)
