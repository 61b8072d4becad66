"""Numbers, months and days as people type them in a form, read before the one validation checks them.

- thousands separated by spaces (ordinary, no-break, narrow or thin), a
  decimal comma or point: "75 000", "0,5", "1 234,50"; in an amount or a
  count, thousands grouped by points, as much of Europe writes them
  ("90.000", "1.234,50"), or by commas where nothing else can be meant
  ("1,234,567", "1,234.50"), and "90,000", which could be ninety thousand or
  ninety, not read: the field says how to write it (in a duration or a rate,
  "5,999" and "5.999" are decimals);
- a unit that fits the field: "€", "euros" or "EUR" for an amount (with "k"
  for thousands and "M" for millions: "75k", "1,2 M€"), "%" for a rate (50 %
  is 0.5; a rate without "%" is a share: 0,5), "mois" for a duration;
- a month as "2015-10", "10/2015" or "octobre 2015"; a day as "2015-10-12",
  "12/10/2015" or "12 octobre 2015".

What cannot be read is returned as it was typed: the validation then names
it, with its field, like any other wrong input. A number of thousands of
digits is read as `NombreDemesure` (named, never written out).
"""

import re
import unicodedata
from decimal import Decimal

from openfisca_gen.validation.erreurs import MOIS_FR
from openfisca_gen.validation.types import NombreDemesure, NombreTropPrecis, exact, lire_entier, lire_flottant

SEPARATEURS = " \u00a0\u202f\u2009"  # the spaces that separate thousands: ordinary, no-break, narrow, thin
ESPACES = str.maketrans("", "", SEPARATEURS)
# Digits on both sides of spaces, and the groups of thousands spaces may separate (45 000, 1 234 567): a space
# anywhere else between digits (45 00, 1 2) is no thousands separator, and the number is left unread.
ENTRE_CHIFFRES = re.compile(rf"\d[{SEPARATEURS}]+\d")
PAR_ESPACES = re.compile(rf"(?<![\d.,])\d{{1,3}}(?:[{SEPARATEURS}]\d{{3}})+(?!\d)")
MOINS = str.maketrans({"\u2212": "-", "\u2013": "-"})  # the minus sign the pages write, and a dash
NOMBRE = re.compile(
    r"(?P<nombre>[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+))(?P<exposant>[eE][+-]?\d+)?"
    r"(?P<multiple>[kKM])?(?P<unite>€|euros?|eur|%|mois)?",
    re.IGNORECASE,
)
# Thousands grouped by points (90.000, 1.234,50) or by commas (1,234,567, 1,234.50): the separators dropped.
# A single comma before three digits (90,000) is either: left unread. Not in DECIMALES: a duration, a rate.
# A group of thousands starts with 1 to 999: 0.500 is a half.
PAR_POINTS = re.compile(r"[+-]?[1-9]\d{0,2}(?:\.\d{3})+(?:,\d*)?")
PAR_VIRGULES = re.compile(r"[+-]?[1-9]\d{0,2}(?:,\d{3}){2,}(?:\.\d*)?|[+-]?[1-9]\d{0,2}(?:,\d{3})+\.\d*")
AMBIGU = re.compile(r"[+-]?[1-9]\d{0,2},\d{3}")
TETE = re.compile(r"(?P<tete>[+-]?[\d.,]++)(?P<reste>(?![eE][+-]?\d).*)")  # the digits, unless an exponent follows
DECIMALES = ("month", "/1")
MULTIPLES = {"k": 3, "m": 6}
UNITES = {
    "€": "currency-EUR",
    "euro": "currency-EUR",
    "euros": "currency-EUR",
    "eur": "currency-EUR",
    "%": "/1",
    "mois": "month",
}


def espaces_mal_placees(texte: str) -> bool:
    """Whether spaces stand between digits elsewhere than between groups of thousands: 45 00 € was read as
    4 500 €, 1 2 months as 12 (each group taken out, as a digit, before looking again)."""
    return bool(ENTRE_CHIFFRES.search(PAR_ESPACES.sub("0", texte)))


def lire_nombre(texte: str, unite: str | None = None):
    """A typed number as the model's value: an int when it is whole, else a float; `unite` is the field's
    (`currency-EUR`, `/1`, `month`), which says what unit may follow the number. The text as typed when it
    cannot be read (spaces between digits that do not group thousands: `espaces_mal_placees`)."""
    if espaces_mal_placees(str(texte)):
        return texte
    compact = str(texte).strip().translate(ESPACES).translate(MOINS)
    if unite not in DECIMALES and (tete := TETE.fullmatch(compact)):
        chiffres, reste = tete.group("tete", "reste")
        if AMBIGU.fullmatch(chiffres):
            return texte
        if PAR_POINTS.fullmatch(chiffres):
            compact = chiffres.replace(".", "") + reste
        elif PAR_VIRGULES.fullmatch(chiffres):
            compact = chiffres.replace(",", "") + reste
    trouve = NOMBRE.fullmatch(compact)
    if not trouve:
        return texte
    nombre, exposant, multiple, suffixe = trouve.group("nombre", "exposant", "multiple", "unite")
    if suffixe and UNITES[suffixe.lower()] != unite:
        return texte
    if multiple and (unite != "currency-EUR" or exposant or multiple == "m"):  # "m" alone could mean months
        return texte
    nombre = nombre.replace(",", ".")
    if exposant:
        return lire_flottant(nombre + exposant)
    if re.fullmatch(r"[+-]?\d+", nombre) and not multiple and suffixe != "%":
        return lire_entier(nombre)  # exactly, however many digits: a message quotes it as typed
    decalage = MULTIPLES.get((multiple or "").lower(), 0) - (2 if suffixe == "%" else 0)
    valeur = Decimal(nombre).scaleb(decalage)  # exact: 1,2 M is 1 200 000, 7 % is 0.07
    if valeur.adjusted() > 300:  # beyond what a float holds: named as such, never written out
        return NombreDemesure(compact)
    if valeur == valeur.to_integral_value():
        return int(valeur)
    # More digits than a float holds: 2,99999999999999999 would be read as 3, on the threshold; refused as typed
    return float(valeur) if exact(str(valeur), float(valeur)) else NombreTropPrecis(float(valeur), texte)


def _sans_accents(texte: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", texte.lower()) if unicodedata.category(c) != "Mn")


MOIS = tuple(map(_sans_accents, MOIS_FR))  # as typed without accents: fevrier, aout, decembre


def _numero_du_mois(nom: str) -> int | None:
    nom = _sans_accents(nom).rstrip(".")
    trouves = [rang for rang, mois in enumerate(MOIS, 1) if mois == nom or (len(nom) >= 3 and mois.startswith(nom))]
    return trouves[0] if len(trouves) == 1 else None


def lire_mois(texte: str) -> str:
    """A typed month as YYYY-MM ("10/2015", "octobre 2015", "oct. 2015"); the text as typed otherwise (OpenFisca's
    own forms, 2015-10 and the others, are left to the period reader)."""
    compact = " ".join(str(texte).split())
    if trouve := re.fullmatch(r"(\d{1,2})\s*[/.-]\s*(\d{4})", compact):
        mois, annee = int(trouve.group(1)), trouve.group(2)
    elif trouve := re.fullmatch(r"([^\W\d]+\.?)\s+(\d{4})", compact):
        mois, annee = _numero_du_mois(trouve.group(1)) or 0, trouve.group(2)
    else:
        return texte
    return f"{annee}-{mois:02d}" if 1 <= mois <= 12 else texte


def lire_date(texte: str) -> str:
    """A typed day as YYYY-MM-DD ("12/10/2015", "12 octobre 2015", "1er octobre 2015"); the text as typed
    otherwise, to be checked as a date (an impossible day, 31/02/2015, is refused there)."""
    compact = " ".join(str(texte).split())
    if trouve := re.fullmatch(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})", compact):
        jour, mois, annee = int(trouve.group(1)), int(trouve.group(2)), trouve.group(3)
    elif trouve := re.fullmatch(r"(\d{1,2})(?:er)?\s+([^\W\d]+\.?)\s+(\d{4})", compact):
        jour, mois, annee = int(trouve.group(1)), _numero_du_mois(trouve.group(2)) or 0, trouve.group(3)
    else:
        return texte
    return f"{annee}-{mois:02d}-{jour:02d}" if 1 <= mois <= 12 and 1 <= jour <= 31 else texte


def lire_booleen(texte: str):
    """A checkbox's value, true or false (a box left unchecked sends nothing: false); anything else as typed."""
    return {"true": True, "false": False}.get(texte, texte)
