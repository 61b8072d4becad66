"""What the pages' forms send, read as the model's values, and the problems shown next to their fields.

A number is read as a French user types it ("90 000", "0,5") and as the web
API reads JSON otherwise; whatever cannot be read is passed on unchanged, so
that the validation (the same as the web API's) names it. Problems are shown
in French, next to the field they name (`par_champ`).
"""

import re

from openfisca_gen.validation import Probleme

NOMBRE = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")
ENTIER = re.compile(r"[+-]?\d+")
ESPACES = str.maketrans("", "", " \u00a0\u202f")  # thousands separators, the narrow no-break space included


OBLIGATOIRE = Probleme("obligatoire")


def par_champ(problemes, champs) -> tuple[dict[str, list[str]], list[str]]:
    """The problems' French messages by the form field they name (one of `champs`), and the others apart."""
    messages, autres = {}, []
    for probleme in problemes:
        if probleme.champ in champs:
            messages.setdefault(probleme.champ, []).append(probleme.fr())
        else:
            autres.append(probleme.fr())
    return messages, autres


def nombre_saisi(texte: str):
    """A typed number: an int when written as a whole number (exactly, however many digits, so that a message
    quotes it as typed), else a float; the text itself when it is not a number."""
    compact = texte.strip().translate(ESPACES)
    if ENTIER.fullmatch(compact):
        return int(compact)
    if NOMBRE.fullmatch(compact):
        nombre = float(compact.replace(",", "."))
        return int(nombre) if nombre.is_integer() else nombre
    return texte


def dans_l_ordre(erreurs: dict, noms: list[str]) -> dict:
    """The errors by field in the order of the form's fields (the summary reads like the form)."""
    rang = {nom: i for i, nom in enumerate(noms)}
    return dict(sorted(erreurs.items(), key=lambda erreur: rang.get(erreur[0], len(rang))))


def booleen_saisi(texte: str):
    """A checkbox's value: 'true' or 'false'; anything else is passed on, to be refused."""
    return {"true": True, "false": False}.get(texte, texte)
