"""One validation layer for every entry point: CSV tables, JSON situations, reform files, CLI arguments.

What the model accepts is stated once, by concern:

- `erreurs`: the structured problems and the one error that carries them;
- `types`: values of each type (numbers, booleans, dates, Enum names, texts);
- `periodes`: the one period reader (the months 1970-01 to 2100-12);
- `domaine`: values of the right type that would give a wrong number, ids;
- `situation`: a JSON situation of the web API, read once (and the month a
  request computes);
- `tables`: a population table (CSV or DataFrame), typed column by column;
- `fichiers`: UTF-8 text, and YAML read by the rules of JSON and CSV;
- `parametres`: the values a reform gives to parameters, and sweeps.

Every problem names its row or entity, its field and its period; all of them
travel together in one `EntreeInvalideError` (`.problemes`, `.erreurs`). The
CLI catches it once in `main()`, the web API once (a 400 with `error` and
`errors`), the pages render it in French next to each field.
"""

import warnings

from openfisca_gen.validation.erreurs import (
    MAX_MESSAGES,
    DonneesInvalidesError,
    EntreeInvalideError,
    PeriodeInvalideError,
    Probleme,
    ReformeInvalideError,
    SituationInvalideError,
    SortieInvalideError,
    court,
)
from openfisca_gen.validation.parametres import (
    MAX_VALEURS_BALAYAGE,
    trouver_parametre,
    valeurs_a_balayer,
    valeurs_du_balayage,
)
from openfisca_gen.validation.periodes import est_un_mois, lire_periode, un_mois
from openfisca_gen.validation.situation import (
    SituationAnalysee,
    analyser_situation,
    mois_calcule,
    mois_donne,
    valider_situation,
)
from openfisca_gen.validation.types import lire_entier, lire_flottant

__all__ = [
    "MAX_MESSAGES",
    "MAX_VALEURS_BALAYAGE",
    "DonneesInvalidesError",
    "EntreeInvalideError",
    "PeriodeInvalideError",
    "Probleme",
    "ReformeInvalideError",
    "SituationAnalysee",
    "SituationInvalideError",
    "SortieInvalideError",
    "analyser_situation",
    "court",
    "est_un_mois",
    "lire_entier",
    "lire_flottant",
    "lire_periode",
    "mois_calcule",
    "mois_donne",
    "trouver_parametre",
    "un_mois",
    "valeurs_a_balayer",
    "valeurs_du_balayage",
    "valider_situation",
]

_DEPLACES = {"construire_simulation": "openfisca_gen.simulation", "simuler": "openfisca_gen.simulation"}


def __getattr__(nom: str):
    """Names moved out of the validation layer in 0.7, kept importable from here until 0.8."""
    if nom in _DEPLACES:
        import importlib

        warnings.warn(
            f"openfisca_gen.validation.{nom} moved to {_DEPLACES[nom]}.{nom}; the old name goes in 0.8",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(importlib.import_module(_DEPLACES[nom]), nom)
    raise AttributeError(f"module 'openfisca_gen.validation' has no attribute '{nom}'")
