"""Numbers, amounts, shares and dates as a French page writes them: 45 000 €, 30 %, 12 octobre 2015.

A value that is not finite (an unknown ceiling is infinite in the model) is
never written as `inf` or `NaN`: `euros` and `nombre` say "aucun" instead. A
number typed beyond what a float holds (an integer of 400 digits, or a
`NombreDemesure`) is named, "un nombre de 400 chiffres", never written out
nor converted (Python refuses to turn such an integer into a float).
"""

import math
from datetime import date

import numpy

from openfisca_gen.validation.erreurs import date_lisible, en_francais, euros_en_francais, nombre_en_francais
from openfisca_gen.validation.erreurs import mois_lisible as mois_lisible  # the pages' French dates, from one place
from openfisca_gen.validation.types import NombreDemesure

ESPACE_INSECABLE = "\u00a0"  # before a unit or a colon
DEMESURE = 10**40  # from here on, an integer is named by its number of digits (as the validation's messages do)


def _fini(valeur) -> bool:
    if valeur is None or isinstance(valeur, bool):
        return False
    try:
        return math.isfinite(float(valeur))
    except OverflowError:  # an integer beyond floats: not a number a page can compute with
        return False


def demesure(valeur) -> str | None:
    """How a page names a number typed beyond reason ("un nombre de 400 chiffres", « 1e400 »); None for others."""
    if isinstance(valeur, NombreDemesure):
        chiffres = valeur.texte.lstrip("+-")
        entier = chiffres.isascii() and chiffres.isdigit()
        return f"un nombre de {len(chiffres)} chiffres" if entier else en_francais(valeur)
    if isinstance(valeur, int) and abs(valeur) >= DEMESURE:
        return en_francais(valeur)
    return None


def nombre(valeur, decimales: int = 2) -> str:
    """A number as French reads it: 1 234, 0,5, −3; booleans as oui/non; nothing as "aucun"."""
    if isinstance(valeur, bool | numpy.bool_):
        return "oui" if valeur else "non"
    if not isinstance(valeur, int | float | numpy.number):
        return str(valeur)
    if (nom := demesure(valeur)) is not None:
        return nom
    return nombre_en_francais(valeur, decimales) if _fini(valeur) else "aucun"


def pres_du_seuil(valeur, seuil, decimales: int = 2) -> str:
    """`valeur` as `nombre` writes it, with as many more decimals as it takes not to read as `seuil` when it
    differs from it: a duration of 2.9999999999 months against a minimum of 3 is "2,9999999999", never "3"."""
    if not (_fini(valeur) and _fini(seuil)) or float(valeur) == float(seuil):
        return nombre(valeur, decimales)
    valeur, seuil = float(valeur), float(seuil)
    for precision in range(decimales, 18):  # enough for the durations and shares a page compares
        texte = nombre_en_francais(valeur, precision)
        if texte != nombre_en_francais(seuil, precision):
            return texte
    return nombre_en_francais(valeur, 17)


def euros(valeur) -> str:
    """45 000 €, or 22 500,50 € to the cent (`euros_en_francais`); "aucun" for nothing or an unbounded amount."""
    if (nom := demesure(valeur)) is not None:
        return nom
    if not _fini(valeur):
        return "aucun"
    return euros_en_francais(valeur)


def pourcent(part) -> str:
    """A share (0 to 1) as a percentage: 0.3 is 30 %, 0.125 is 12,5 %."""
    if (nom := demesure(part)) is not None:
        return nom
    if not _fini(part):
        return "aucun"
    return nombre(round(float(part) * 100, 1), 1) + ESPACE_INSECABLE + "%"


def pourcent_pres_du_seuil(part, seuil) -> str:
    """A share as a percentage that does not read as the threshold's when it differs from it: 29,99 %, not 30 %."""
    if not (_fini(part) and _fini(seuil)):
        return pourcent(part)
    return pres_du_seuil(round(float(part) * 100, 12), round(float(seuil) * 100, 12), 1) + ESPACE_INSECABLE + "%"


def nombre_brut(valeur) -> str:
    """A plain number for a data-* attribute or a form: 4025400, 1234.5; empty for nothing (never inf or NaN) and
    for a number typed beyond reason."""
    if not _fini(valeur) or demesure(valeur) is not None:
        return ""
    return f"{float(valeur):.6f}".rstrip("0").rstrip(".")


def jour(valeur) -> date:
    return valeur if isinstance(valeur, date) else date.fromisoformat(str(valeur))


def periode_lisible(debut, fin) -> str:
    """From one day to another, without repeating the year: du 17 septembre au 19 octobre 2015."""
    debut, fin = jour(debut), jour(fin)
    premier = date_lisible(debut).removesuffix(f" {debut.year}") if debut.year == fin.year else date_lisible(debut)
    return f"du {premier} au {date_lisible(fin)}"


def ordinal(numero: int) -> str:
    """1er, 2e, 3e."""
    return f"{numero}{'er' if numero == 1 else 'e'}"


def pluriel(nombre_: int, singulier: str, pluriel_: str | None = None) -> str:
    """'1 formation', '3 formations', with the count written in French."""
    mot = singulier if abs(nombre_) < 2 else (pluriel_ or singulier + "s")
    return f"{nombre(nombre_)} {mot}"
