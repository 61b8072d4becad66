"""Problems with an input, structured: where, which field, which period, a message key and its values.

A `Probleme` never carries a finished sentence: it says where it is (`lieu`,
with the entity and id, the table row, the parameter or the request field),
`champ`, `periode`, and what is wrong (`cle`, a key of `MESSAGES`, with its
`valeurs`). `EntreeInvalideError` carries all the problems of one input; its
text is their English rendering (what the CLI prints and the API answers),
and the pages render the same problems in French (`Probleme.fr()`). Nobody
parses a message back into its parts.
"""

import difflib
import itertools
import json
import math
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import ROUND_HALF_UP, Context, Decimal
from functools import partial

import numpy

from openfisca_gen.validation.messages import MESSAGES, MESSAGES_DU_CHAMP

MAX_MESSAGES = 20  # in the text of an error; `.problemes` keeps them all
MOIS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre")  # fmt: skip

# Where a problem is, and how each language names the place. `{lieu}` in a message puts the place inside it;
# otherwise the place comes first, then ': '.
LIEUX_EN = {
    "entite": "{entite} {nom}",  # an entity of a situation, its id
    "champ": "{entite} {nom}, field '{champ}'",  # a field of an entity, with its period when it has one
    "colonne": "column '{champ}'",  # a table's column
    "structure": "structure '{id}', field '{champ}'",  # the rows of one structure in a table
    "parametre": "'{champ}'",  # a reform's parameter, with its date when it has one
    "requete": "'{champ}'",  # a field of a request body: 'period', 'situation', 'reform', 'variables'
    "argument": "{champ}",  # a command-line option
}
LIEUX_FR = LIEUX_EN | {"champ": "{entite} {nom}, champ '{champ}'", "colonne": "colonne '{champ}'",
                       "structure": "structure '{id}', champ '{champ}'"}  # fmt: skip


# The longest text a message quotes whole: an unknown name of 100 000 characters was sent back whole, twice.
CITATION_MAX = 200


class _Cite:
    """A value in a message, written per language: `{valeur:r}` as Python writes it, cut short (English);
    `{valeur:fr}` as French writes it (« texte », 1 234,5; a boolean as the inputs write it, « true »);
    `{valeur:id}` an id in French, a no-break space shown as its code; `{valeur:cite}` as it was given, quoted
    (« 201510 », a period); any other spec as `format` does."""

    def __init__(self, valeur, fichier: bool = False) -> None:
        self.valeur = valeur
        self.fichier = fichier  # quoted for one who writes a file (the command line), not fills a form

    def __format__(self, spec: str) -> str:
        if spec == "r":
            return court(self.valeur)
        if spec == "fr":
            liste = isinstance(self.valeur, list | tuple)
            if liste and not self.valeur:
                return "« [] »"
            citer = partial(citee_en_francais, fichier=self.fichier)
            return coupe(", ".join(map(citer, self.valeur)) if liste else citer(self.valeur), CITATION_MAX)
        if spec == "id":  # an id quoted in French, what prints as a space shown as its code, as in English
            texte = coupe(en_clair(str(self.valeur), espaces=True), CITATION_MAX)
            # a space at an end, hidden beside the guillemets' own (« Nantes » for 'Nantes '), as its code too
            coeur, debut = texte.strip(" "), len(texte) - len(texte.lstrip(" "))
            return "« " + r"\x20" * debut + coeur + r"\x20" * (len(texte) - debut - len(coeur)) + " »"
        if spec == "cite":
            return _ecrit(str(self.valeur))
        if spec == "pourcent":  # a rate as a percentage: 1.01 is 101 %
            return (
                f"{en_francais(self.valeur * 100)} %"
                if isinstance(self.valeur, int | float)
                else en_francais(self.valeur)
            )
        if spec == "liste":
            return ", ".join(coupe(str(valeur), CITATION_MAX) for valeur in self.valeur)
        if spec == "mois":
            return mois_lisible(self.valeur)
        if spec == "jour":
            return date_lisible(self.valeur)
        if spec == "la_valeur":  # a value given, or none given (an emptied field): « l'absence de valeur »
            absente = self.valeur is None
            return "l'absence de valeur" if absente else f"la valeur {citee_en_francais(self.valeur, self.fichier)}"
        if spec == "jours":
            return ", ".join(map(date_lisible, self.valeur))
        texte = format(self.valeur, spec)
        return coupe(texte, CITATION_MAX) if isinstance(self.valeur, str) else texte

    def __str__(self) -> str:
        return str(self.valeur)


@dataclass(frozen=True)
class Probleme:
    """One problem: where it is, and what (a key of MESSAGES and the values its sentences use)."""

    cle: str
    valeurs: dict = field(default_factory=dict)
    lieu: str | None = None  # a key of LIEUX_EN, or None for a problem of the input as a whole
    entite: str | None = None  # formation, structure, campagne
    id: object = None
    champ: str | None = None  # the variable, column, parameter path, request field or option
    periode: str | None = None  # as given: a period of a situation, a date of a reform
    ligne: object = None  # a table's row: its line in the file, or its index label in a DataFrame
    fichier: str | None = None  # the file a table or a reform was read from
    contexte: str | None = None  # the request field the problem is in ('situation', 'reform', 'period')

    def _lieu(self, langue: str = "en") -> str:
        if self.lieu is None:
            return self.fichier or ""  # a reform file that is no mapping
        francais = langue == "fr"
        if self.lieu == "ligne":  # "f.csv line 3 (formation 'a'), field 'x'", "row 0, field 'x'"
            ligne = "ligne" if francais else ("line" if self.fichier else "row")
            texte = f"{self.fichier} {ligne} {self.ligne}" if self.fichier else f"{ligne} {self.ligne}"
            texte += "" if self.id is None else f" (formation {en_clair(repr(str(self.id)))})"
            return texte + ("" if self.champ is None else f", {'champ' if francais else 'field'} '{self._champ()}'")
        nom = (
            f"'{coupe(en_clair(self.id, espaces=True), 100)}'"  # an id refused as too long is not written whole
            if isinstance(self.id, str) and self.id.strip() and "'" not in self.id
            else court(self.id)
        )
        lieux = LIEUX_FR if francais else LIEUX_EN
        texte = lieux[self.lieu].format(entite=self.entite, nom=nom, id=self.id, champ=self._champ())
        texte = f"{self.fichier}, {texte}" if self.fichier else texte  # of two reform files, which one
        return texte + (f" ({self.periode})" if self.periode is not None else "")

    def _champ(self) -> str | None:
        """The field as the place names it: what prints as nothing by its code, cut short (a field may be any key
        of a JSON body, a megabyte long); `champ` itself keeps it as given, for a client to match."""
        if self.champ is None:
            return None
        return coupe(en_clair(str(self.champ)), 100)

    def message(self, langue: str = "en", fichier: bool = False) -> str:
        """The sentence alone, without the place (a page shows it next to its field); `fichier`: its values quoted
        for one who writes a file (a boolean « true », not « oui »)."""
        modeles = MESSAGES[self.cle]
        modele = modeles[1] if langue == "fr" and len(modeles) > 1 else modeles[0]
        texte = modele.format(lieu="", **{cle: _Cite(valeur, fichier) for cle, valeur in self.valeurs.items()})
        return texte.strip()

    def en(self) -> str:
        """The whole message in English: the request field, the place, the sentence."""
        modele = MESSAGES[self.cle][0]
        valeurs = {cle: _Cite(valeur) for cle, valeur in self.valeurs.items()}
        lieu = self._lieu()
        if "{lieu}" in modele:
            texte = modele.format(lieu=lieu, **valeurs)
        elif lieu:
            texte = f"{lieu}: {modele.format(**valeurs)}"
        else:  # a sentence of its own starts with a capital; after a request field, it goes on a clause
            texte = modele.format(**valeurs) if self.contexte else majuscule(modele.format(**valeurs))
        return f"'{self.contexte}': {texte}" if self.contexte else texte

    def fr(self) -> str:
        """The sentence in French, for the pages (which show it next to its field), ended as a sentence is."""
        texte = majuscule(self.message("fr"))
        return texte if texte.endswith((".", "?", "!", "…")) else texte + "."

    def dans(self, langue: str) -> str:
        """The whole message in `langue`, its place first (the command line's, `--lang fr`); in English where the
        message has no French yet (the command line's own options)."""
        if langue != "fr" or len(MESSAGES[self.cle]) < 2:
            return self.en()
        lieu, message = self._lieu("fr"), self.message("fr", fichier=True)
        texte = f"{lieu} : {message}" if lieu else majuscule(message)
        return f"'{self.contexte}' : {texte}" if self.contexte else texte

    def fr_du_champ(self, sujet: str, attendu: str, exemple: str) -> str:
        """The sentence next to a form's field, in the words of the person who filled it: the field is the
        sentence's subject (`sujet`: "Le budget d'une session"), with what to write (`attendu`: "un montant en
        euros") and an example ("45 000"); `fr()` where MESSAGES_DU_CHAMP has no sentence for this problem."""
        modele = MESSAGES_DU_CHAMP.get(self.cle)
        if modele is None:
            return self.fr()
        # `saisi`: the text as typed, where the page gives it (60 read as a share is 6 000 %: « 60 » is quoted)
        valeurs = {"saisi": self.valeurs.get("valeur"), **self.valeurs}
        valeurs = {cle: _Cite(valeur) for cle, valeur in valeurs.items()}
        return majuscule(modele.format(sujet=sujet, attendu=attendu, exemple=exemple, **valeurs))

    def en_json(self) -> dict:
        """The problem as the web API lists it under `errors`: what the front end needs to show it by its field."""
        champ = self.champ if self.champ is not None else self.contexte  # an entity's key names its own field
        place = {"entity": self.entite, "id": self.id, "period": self.periode, "row": self.ligne, "in": self.contexte}
        return {
            "field": champ,
            "message": self.en(),
            "code": self.cle,
            **{cle: valeur for cle, valeur in place.items() if valeur is not None},
        }


def majuscule(texte: str) -> str:
    """A sentence starts with a capital; a message that starts with a name (a path, '…') keeps it as it is."""
    return texte[:1].upper() + texte[1:] if texte[:1].isalpha() and texte[:1].islower() else texte


class EntreeInvalideError(ValueError):
    """Input the model refuses; `problemes` lists every problem, `erreurs` their English messages."""

    def __init__(self, problemes) -> None:
        self.problemes = [problemes] if isinstance(problemes, Probleme) else list(problemes)
        reste = len(self.problemes) - MAX_MESSAGES
        texte = "\n".join(self.erreurs[:MAX_MESSAGES]) + (f"\n… and {reste} more" if reste > 0 else "")
        super().__init__(texte)

    @property
    def erreurs(self) -> list[str]:
        return [probleme.en() for probleme in self.problemes]

    def dans(self, contexte: str) -> "EntreeInvalideError":
        """The same error, each problem placed in a field of a request ('situation', 'reform', 'period')."""
        return type(self)([replace(probleme, contexte=contexte) for probleme in self.problemes])


class SituationInvalideError(EntreeInvalideError):
    """A JSON situation (web API shape) the model refuses."""


class DonneesInvalidesError(EntreeInvalideError):
    """A population table the model refuses."""


class ReformeInvalideError(EntreeInvalideError):
    """A reform that cannot be applied."""


class PeriodeInvalideError(EntreeInvalideError):
    """A period outside the model's months, or not one month where one month is computed."""


class SortieInvalideError(EntreeInvalideError):
    """An output path that cannot be written."""


class RefusOpenFiscaError(SituationInvalideError):
    """What OpenFisca's SimulationBuilder alone judges in a situation (an unknown variable, a variable of another
    entity, no training), each of its messages a problem at its place. `corps` and `code`: OpenFisca's own
    answer, which the web API gives as OpenFisca does (404 for an unknown variable)."""

    def __init__(self, problemes, corps: dict | None = None, code: int = 400) -> None:
        super().__init__(problemes)
        self.corps, self.code = corps, code


def feuilles(corps: dict, chemin: str = ""):
    """(path of keys joined by /, message) of each message of OpenFisca's nested error body."""
    for cle, valeur in corps.items():
        ici = f"{chemin}/{cle}" if chemin else str(cle)
        if isinstance(valeur, dict) and valeur:
            yield from feuilles(valeur, ici)
        else:
            yield ici, valeur


def probleme(cle: str, lieu: str | None = None, **details) -> Probleme:
    """A Probleme from keyword arguments: the place's fields by their names, the rest as the message's values."""
    places = {
        nom: details.pop(nom) for nom in ("entite", "id", "champ", "periode", "ligne", "fichier") if nom in details
    }
    return Probleme(cle, details, lieu, **places)


def refuser(classe, cle: str, lieu: str | None = None, **details):
    """Raise `classe` (an EntreeInvalideError) with one problem."""
    raise classe([probleme(cle, lieu, **details)])


def ensemble(problemes: Iterable[Probleme], classe=EntreeInvalideError) -> None:
    """Raise `classe` with every problem, if there is any."""
    problemes = list(problemes)
    if problemes:
        raise classe(problemes)


# Values in messages


def chiffres(entier: int) -> int:
    """How many digits `entier` has, without writing it out (Python refuses to beyond 4300 digits)."""
    nombre = int(math.log10(abs(entier))) + 1 if entier else 1
    return nombre - 1 if nombre > 1 and abs(entier) < 10 ** (nombre - 1) else nombre  # log10's rounding


def coupe(texte: str, longueur: int = 40) -> str:
    """`texte` whole up to `longueur` characters, else cut with "…" to that many."""
    return texte if len(texte) <= longueur else texte[: longueur - 1] + "…"


def court(valeur, longueur: int = 40) -> str:
    """A value as a message quotes it: text in quotes, JSON's null, true and false (not Python's None, True),
    an infinite number named, a 400-digit number named rather than printed whole; cut short."""
    if isinstance(valeur, numpy.generic):
        valeur = valeur.item()
    if valeur is None or isinstance(valeur, bool):
        return {None: "null", True: "true", False: "false"}[valeur]
    if isinstance(valeur, float) and not math.isfinite(valeur) and not hasattr(valeur, "texte"):
        return "not a number (NaN)" if math.isnan(valeur) else "an infinite number"
    if isinstance(valeur, int) and abs(valeur) >= 10**longueur:
        return f"a {chiffres(valeur)}-digit number"
    if isinstance(valeur, list | tuple | dict):  # as the JSON (or YAML) given writes it: [true, {"a": null}]
        return coupe(en_clair(_en_json(valeur, longueur)), longueur)
    return coupe(en_clair(repr(valeur)) if isinstance(valeur, str) else repr(valeur), longueur)


def _en_json(valeur, longueur: int) -> str:
    """A list or a mapping as JSON writes it, `longueur` elements of each at most, at any depth (the rest is cut
    anyway: a list of a million, alone or inside another, was written whole first); as Python writes it where
    JSON cannot (NaN)."""

    def debut(v, profondeur: int = 0):
        if not isinstance(v, list | tuple | dict):
            return v
        if profondeur > 3:
            return "…"
        elements = itertools.islice(v.items() if isinstance(v, dict) else v, longueur + 1)
        if isinstance(v, dict):
            return {cle: debut(x, profondeur + 1) for cle, x in elements}
        return [debut(x, profondeur + 1) for x in elements]

    court_ = debut(valeur)
    try:  # past the depth shown, « … » unquoted: not read as a text « … » given
        return json.dumps(court_, ensure_ascii=False, allow_nan=False, default=str).replace('"…"', "…")
    except (ValueError, TypeError):
        return repr(court_)


# Characters that print as nothing, or as a space, though Python counts them printable: a combining grapheme
# joiner, the Hangul, Khmer and Khitan fillers, the blank Braille pattern, the null notehead, the variation selectors.
BLANCS = frozenset(
    "\u034f\u115f\u1160\u17b4\u17b5\u2800\u3164\uffa0\U00016fe4\U0001d159"
    + "".join(map(chr, [*range(0x180B, 0x1810), *range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0)]))
)


def en_clair(texte: str, espaces: bool = False) -> str:
    """`texte` as a message quotes it, each character that prints as nothing (a control character, a zero-width
    space, the BLANCS) written as Python writes its code (\\x01, \\u2800), and so are the combining marks of a
    text not in NFC (a letter written as two): 'x\\u2800' is not 'x'. A space of any width stays a space (the
    French 45 000 € is quoted as typed), but with `espaces`, where an id's no-break space must show."""
    deux = not unicodedata.is_normalized("NFC", texte)
    return "".join(
        ascii(c)[1:-1]
        if (not c.isprintable() and (espaces or unicodedata.category(c) != "Zs"))
        or c in BLANCS
        or (deux and unicodedata.combining(c))
        else c
        for c in texte
    )


def nombre_en_francais(valeur, decimales: int = 2) -> str:
    """1 234, 0,5, −3: thousands separated by a narrow no-break space, a decimal comma."""
    if isinstance(valeur, int | numpy.integer):
        texte = f"{int(valeur):,}"  # exactly, however many digits
    elif float(valeur).is_integer():
        texte = f"{valeur:,.0f}"
    else:  # trailing zeros of the decimals only: 70 000,004 to no decimals was « 70 »
        texte = f"{valeur:,.{decimales}f}"
        texte = texte.rstrip("0").rstrip(".") if "." in texte else texte
    return texte.replace(",", "\u202f").replace(".", ",").replace("-", "−")


CHIFFRES = Context(prec=400)


def euros_en_francais(valeur) -> str:
    """45 000 €, or 22 500,50 € to the cent where it is not a whole number of euros: a sum or a step of a
    computation then adds up as written (a finite amount)."""
    # In cents, half a cent up as one counts, with digits enough for any float (1e308 has 309)
    cents = int(Decimal(repr(float(valeur))).scaleb(2, CHIFFRES).quantize(Decimal(1), ROUND_HALF_UP, CHIFFRES))
    entiers, centimes = divmod(abs(cents), 100)
    signe = "−" if cents < 0 else ""
    return signe + nombre_en_francais(entiers) + (f",{centimes:02d}" if centimes else "") + "\u00a0€"


def mois_lisible(texte) -> str:
    """A month YYYY-MM as French names it: octobre 2015."""
    annee, mois = str(texte).split("-")[:2]
    return f"{MOIS_FR[int(mois) - 1]} {annee}"


def date_lisible(valeur) -> str:
    """A day (a date, or its text YYYY-MM-DD) as French names it: 12 octobre 2015, 1er mars 2016."""
    jour = valeur if isinstance(valeur, date) else date.fromisoformat(str(valeur))
    return f"{jour.day}{'er' if jour.day == 1 else ''} {MOIS_FR[jour.month - 1]} {jour.year}"


class Part(float):
    """A share, the value of a parameter whose unit is /1: French writes it as a percentage, as the pages' fields
    do (0.6 is 60 %); English as given."""

    __repr__ = float.__repr__


def suggestions(noms, connus, nombre: int = 1) -> dict:
    """The names among `connus` close to the unknown `noms` (`nombre` each), as the messages suggest them: their
    values `suggestion` ("; did you mean a or b?") and `suggestion_fr`."""
    proches = list(dict.fromkeys(p for nom in noms for p in difflib.get_close_matches(str(nom), connus, n=nombre)))
    return {
        "suggestion": f"; did you mean {' or '.join(proches)}?" if proches else "",
        "suggestion_fr": vouliez_vous_dire(proches),
    }


def vouliez_vous_dire(proches) -> str:
    """The names close to an unknown one, as a French message suggests them (nothing where there are none)."""
    return f" (vouliez-vous dire {' ou '.join(proches)} ?)" if proches else ""


def citee_en_francais(valeur, fichier: bool = True) -> str:
    """A value a French message quotes: as `en_francais`, but a boolean quoted, as a file writes it (« true »: the
    reports' oui/non no reader takes), or as a form's box says it (« oui »)."""
    if isinstance(valeur, bool | numpy.bool_):
        return f"« {court(valeur) if fichier else en_francais(valeur)} »"
    return en_francais(valeur)


def en_francais(valeur) -> str:
    """A value as a French sentence quotes it: « texte », 1 234,5, oui/non, « aucune » for nothing, 60 % for
    a share."""
    if isinstance(valeur, numpy.generic):
        valeur = valeur.item()
    if isinstance(valeur, float) and hasattr(valeur, "texte"):  # a number as written, not as a float rounds it
        return _ecrit(valeur.texte)
    if isinstance(valeur, Part) and math.isfinite(valeur):  # to a tenth, as the pages write a rate
        return f"{nombre_en_francais(valeur * 100, 1)} %"
    if valeur is None:
        return "aucune (inconnue)"
    if isinstance(valeur, bool):  # as the pages and the reports write a yes or no
        return "oui" if valeur else "non"
    if isinstance(valeur, int) and abs(valeur) >= 10**40:
        return f"un nombre de {chiffres(valeur)} chiffres"
    # A float past 10^16 as typed (1e23), not as its binary expansion (99 999 999 999 999 991 611 392)
    if isinstance(valeur, float) and 1e16 <= abs(valeur) < math.inf:
        return repr(valeur).replace("e+", "e").replace(".", ",").replace("-", "−")
    if isinstance(valeur, int | float) and math.isfinite(valeur):
        return nombre_en_francais(valeur)
    if isinstance(valeur, list | tuple | dict):  # as the JSON (or YAML) given writes it, as `court` quotes it
        return _ecrit(_en_json(valeur, 40), 40)
    if isinstance(valeur, float):  # as `court` names them in English
        return "pas un nombre (NaN)" if math.isnan(valeur) else "un nombre infini"
    return _ecrit(str(getattr(valeur, "texte", valeur) if valeur is not None else ""), 40)


def _ecrit(texte: str, longueur: int = CITATION_MAX) -> str:
    """What was typed, quoted: « 150 % »; a number of over 40 digits named by its count, « un nombre de 5 000
    chiffres » (a field given 5 000 nines quoted them all, then 199 of them), any text cut to `longueur`."""
    nombre = texte.lstrip("+-−").replace(" ", "")
    if len(nombre) > 40 and nombre.isdigit():
        return f"un nombre de {nombre_en_francais(len(nombre))} chiffres"
    return f"« {coupe(en_clair(texte), longueur)} »"
