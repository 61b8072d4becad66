"""Problems with an input, structured: where, which field, which period, a message key and its values.

A `Probleme` never carries a finished sentence: it says where it is (`lieu`,
with the entity and id, the table row, the parameter or the request field),
`champ`, `periode`, and what is wrong (`cle`, a key of `MESSAGES`, with its
`valeurs`). `EntreeInvalideError` carries all the problems of one input; its
text is their English rendering (what the CLI prints and the API answers),
and the pages render the same problems in French (`Probleme.fr()`). Nobody
parses a message back into its parts.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import ROUND_HALF_UP, Context, Decimal

import numpy

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


class _Cite:
    """A value in a message, written per language: `{valeur:r}` as Python writes it, cut short (English);
    `{valeur:fr}` as French writes it (« texte », 1 234,5); any other spec as `format` does."""

    def __init__(self, valeur) -> None:
        self.valeur = valeur

    def __format__(self, spec: str) -> str:
        if spec == "r":
            return court(self.valeur)
        if spec == "fr":
            return en_francais(self.valeur)
        if spec == "liste":
            return ", ".join(map(str, self.valeur))
        if spec == "mois":
            return mois_lisible(self.valeur)
        if spec == "jour":
            return date_lisible(self.valeur)
        return format(self.valeur, spec)

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
    fichier: str | None = None  # the file a table was read from
    contexte: str | None = None  # the request field the problem is in ('situation', 'reform', 'period')

    def _lieu(self) -> str:
        if self.lieu is None:
            return ""
        if self.lieu == "ligne":  # "f.csv line 3 (formation 'a'), field 'x'", "row 0, field 'x'"
            texte = f"{self.fichier} line {self.ligne}" if self.fichier else f"row {self.ligne}"
            texte += "" if self.id is None else f" (formation {str(self.id)!r})"
            return texte + ("" if self.champ is None else f", field '{self.champ}'")
        nom = f"'{self.id}'" if isinstance(self.id, str) and self.id.strip() and "'" not in self.id else court(self.id)
        texte = LIEUX_EN[self.lieu].format(entite=self.entite, nom=nom, id=self.id, champ=self.champ)
        return texte + (f" ({self.periode})" if self.periode is not None else "")

    def message(self, langue: str = "en") -> str:
        """The sentence alone, without the place (a page shows it next to its field)."""
        modeles = MESSAGES[self.cle]
        modele = modeles[1] if langue == "fr" and len(modeles) > 1 else modeles[0]
        texte = modele.format(lieu="", **{cle: _Cite(valeur) for cle, valeur in self.valeurs.items()})
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
        """The sentence in French, for the pages (which show it next to its field)."""
        return majuscule(self.message("fr"))

    def fr_du_champ(self, sujet: str, attendu: str, exemple: str) -> str:
        """The sentence next to a form's field, in the words of the person who filled it: the field is the
        sentence's subject (`sujet`: "Le budget d'une session"), with what to write (`attendu`: "un montant en
        euros") and an example ("45 000"); `fr()` where MESSAGES_DU_CHAMP has no sentence for this problem."""
        modele = MESSAGES_DU_CHAMP.get(self.cle)
        if modele is None:
            return self.fr()
        valeurs = {cle: _Cite(valeur) for cle, valeur in self.valeurs.items()}
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
    texte = repr(valeur)
    return texte if len(texte) <= longueur else texte[: longueur - 1] + "…"


def nombre_en_francais(valeur, decimales: int = 2) -> str:
    """1 234, 0,5, −3: thousands separated by a narrow no-break space, a decimal comma."""
    if isinstance(valeur, int | numpy.integer):
        texte = f"{int(valeur):,}"  # exactly, however many digits
    elif float(valeur).is_integer():
        texte = f"{valeur:,.0f}"
    else:
        texte = f"{valeur:,.{decimales}f}".rstrip("0").rstrip(".")
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


def en_francais(valeur) -> str:
    """A value as a French sentence quotes it: « texte », 1 234,5, vrai/faux, « aucune » for nothing."""
    if isinstance(valeur, numpy.generic):
        valeur = valeur.item()
    if valeur is None:
        return "aucune (inconnue)"
    if isinstance(valeur, bool):
        return "vrai" if valeur else "faux"
    if isinstance(valeur, int) and abs(valeur) >= 10**40:
        return f"un nombre de {chiffres(valeur)} chiffres"
    if isinstance(valeur, int | float) and math.isfinite(valeur):
        return nombre_en_francais(valeur)
    texte = str(getattr(valeur, "texte", valeur) if valeur is not None else "")
    return f"« {texte if len(texte) <= 40 else texte[:39] + '…'} »"


# The messages: (English, French). A message without French is one the pages never show (the CLI's own).
# English is written as the CLI and the web API have always written it; French as a training provider reads.
MESSAGES = {
    # Values of the model's types
    "nombre_attendu": ("expects a number, got {valeur:r}", "doit être un nombre : {valeur:fr} n'en est pas un"),
    "entier_attendu": (
        "expects a whole number within ±{maximum}, got {valeur:r}",
        "doit être un nombre entier, sans virgule, d'au plus {maximum:fr} (vous avez saisi {valeur:fr})",
    ),
    "nombre_fini_attendu": (
        "expects a finite number within ±1e9, got {valeur:r}",
        "doit être un nombre d'au plus un milliard (vous avez saisi {valeur:fr})",
    ),
    "booleen_attendu": ("expects true or false, got {valeur:r}", "doit être « oui » ou « non » (reçu {valeur:fr})"),
    "booleen_ou_chiffre_attendu": (
        "expects true or false (or 1 or 0), got {valeur:r}",
        "doit être true ou false (ou 1 ou 0), reçu {valeur:fr}",
    ),
    "date_attendue": (
        "expects a date YYYY-MM-DD from {premier} to {dernier}, got {valeur:r}",
        "doit être une date réelle, entre le {premier:fr} et le {dernier:fr} (reçu {valeur:fr})",
    ),
    "choix_attendu": (
        "expects one of {noms:liste}, got {valeur:r}",
        "doit être l'un des choix proposés (reçu {valeur:fr})",
    ),
    "texte_attendu": ("expects a string, got {valeur:r}", "doit être un texte"),
    "texte_trop_long": ("is longer than {maximum} characters", "dépasse {maximum:fr} caractères"),
    "cellule_vide": ("empty cell", "cellule vide : donnez une valeur ou retirez la colonne"),
    "obligatoire": ("a value is required", "Valeur obligatoire : ce champ doit être rempli."),
    # The domain of the model's values
    "negatif": ("must be >= 0, got {valeur:g}", "ne peut pas être négatif (vous avez saisi {valeur:fr})"),
    "hors_bornes": (
        "must be from {bas:g} to {haut:g}, got {valeur:g}",
        "doit être compris entre {bas:fr} et {haut:fr} (vous avez saisi {valeur:fr})",
    ),
    "non_positif": ("must be > 0, got {valeur:g}", "doit être supérieur à zéro (vous avez saisi {valeur:fr})"),
    "plus_que_les_apprenants": (
        "{valeur:g} is more than nombre_apprenants ({apprenants:g})",
        "{valeur:fr} : c'est plus que le nombre d'apprenants de la session ({apprenants:fr})",
    ),
    "sans_apprenants": (
        "{valeur:g} given without nombre_apprenants",
        "{valeur:fr} : indiquez aussi le nombre d'apprenants de la session",
    ),
    # Ids and groups
    "id_vide": ("an id must be a non-empty text", "un identifiant ne peut pas être vide"),
    "id_avec_barre": ("an id must not contain '/', got {valeur:r}", "un identifiant ne peut pas contenir « / »"),
    "id_en_double": ("duplicate id", "cet identifiant est déjà celui d'une autre formation"),
    "ids_de_formations_attendus": ("expects a list of formation ids, got {valeur:r}",),
    "formation_inconnue": ("unknown formation '{membre}'",),
    "formation_deja_membre": ("formation '{membre}' is already in {groupe} '{autre}'",),
    "id_automatique_pris": (
        "a {groupe} is named '{nom}', the id OpenFisca would give to the {groupe} of formation '{nom}', which is "
        "in no {groupe}: put that formation in a {groupe}, or give the {groupe} another id",
    ),
    "objet_attendu": ("{lieu} must be an object {{variable: {{period: value}}}}",),
    "objet_periodes_attendu": ("expects an object {{period: value}}, got {valeur:r}",),
    "situation_pas_un_objet": (
        "the situation must be a JSON object {{entity plural: {{id: {{variable: {{period: value}}}}}}}}",
    ),
    "entite_inconnue": ("unknown entity '{nom}'; expected one of {connues:liste}",),
    "entite_pas_un_objet": ("'{nom}' must be an object {{id: {{variable: {{period: value}}}}}}",),
    "trop_d_instances": ("too many {nom}: {nombre}, at most {maximum} per request",),
    "trop_de_periodes": (
        "is given for {nombre} periods, at most {maximum}",
        "est donné pour {nombre} périodes, au plus {maximum}",
    ),
    "trop_de_valeurs_datees": (
        "the reform gives {nombre} dated values, at most {maximum}",
        "la réforme donne {nombre} valeurs datées, au plus {maximum}",
    ),
    "campagne_melee": (
        "mixes dossiers of calls {appels:liste}: a campaign is judged under one call; "
        "give each call's dossiers their own campaign",
        "la campagne mêle des dossiers de plusieurs appels ({appels:liste})",
    ),
    "faits_differents": (
        "is given with different values for {periodes:liste}: it is a fact of the dossier, given once",
        "ce fait du dossier est donné deux fois, avec des valeurs différentes",
    ),
    # Periods
    "pas_une_periode": (
        "{texte:r} is not a period; give a month such as 2015-10",
        "{texte:fr} n'est pas un mois : écrivez-le AAAA-MM, par exemple 2015-10",
    ),
    "periode_hors_modele": (
        "{texte:r} is outside the months the model covers, {premier} to {dernier}",
        "{texte:fr} est hors des mois que le modèle couvre ({premier:fr} à {dernier:fr})",
    ),
    "periode_avant_les_regles": (
        "no rule is in force in {texte}: the first call opens on {ouverture}",
        "aucune règle n'est en vigueur en {texte:mois} : le premier appel ouvre le {ouverture:jour}",
    ),
    "un_mois_attendu": (
        "variables are monthly: give a month such as 2015-10, not {texte:r}",
        "donnez un mois, par exemple 2015-10, et non {texte:fr}",
    ),
    "periode_de_la_variable": (
        "is defined by {unite}, request a period such as 2015-10, not {texte:r}",
        "se calcule par mois : demandez un mois tel que 2015-10",
    ),
    "periode_trop_courte": (
        "is defined by {unite}, give it for months or years, not {texte:r}",
        "se donne par mois ou par année, pas pour {texte:fr}",
    ),
    "periodes_chevauchantes": (
        "is given for {textes:liste}, which overlap: give each month one value",
        "est donné pour des périodes qui se chevauchent ({textes:liste})",
    ),
    "periode_d_une_variable_calculee": (
        "is computed by the model by {unite}: give it for one {unite} at a time, not {texte:r}",
        "se donne pour un mois à la fois, pas pour {texte:fr}",
    ),
    "trop_de_mois_donnes": (
        "the inputs' periods cover {nombre} months, at most {maximum} per request: give each value for the months "
        "that matter",
        "les périodes données couvrent {nombre} mois, au plus {maximum}",
    ),
    "periode_vide": ("{texte:r} covers no month: give a size of 1 or more", "{texte:fr} ne couvre aucun mois"),
    "periode_decalee": (
        "{texte:r} does not start on the first day of a month: give a calendar month such as 2015-10",
        "{texte:fr} ne commence pas le premier jour d'un mois",
    ),
    "periode_manquante": ("{lieu} is missing: give the month to compute, such as 2015-10",),
    "simulation_d_un_autre_mois": ("this simulation was built for {construite}: build one for {mois}",),
    "periode_a_preciser": ("{lieu} is missing, and the situation writes {textes:liste}: give the month to compute",),
    "entree_hors_periode": ("{lieu} does not hold in {mois}, the month computed: give it for {mois} (or its year)",),
    # Reforms and parameters
    "reforme_pas_un_dictionnaire": ("A parametric reform is a non-empty mapping {{parameter path: {{date: value}}}}",),
    "dates_attendues": ("expects a mapping {{date: value}}, got {valeur:r}",),
    "pas_une_date": (
        "{texte:r} is not a date (YYYY-MM-DD, from {premier} to {dernier})",
        "{texte:fr} n'est pas une date AAAA-MM-JJ",
    ),
    "parametre_inconnu": ("Unknown parameter '{chemin}'.{suggestion}", "paramètre inconnu"),
    "noeud_pas_parametre": ("'{chemin}' is a node, not a parameter; its parameters are: {parametres:liste}",),
    "valeur_inconnue_refusee": (
        "expects a value; null (unknown) is only for parameters the texts leave unknown",
        "une valeur est nécessaire",
    ),
    "booleen_de_parametre": ("expects true or false, got {valeur:r}", "doit être coché ou décoché"),
    "liste_de_dates_attendue": ("expects a non-empty list of dates YYYY-MM-DD, got {valeur:r}",),
    "dates_de_liste_attendues": ("expects dates as YYYY-MM-DD from {premier} to {dernier}, got {valeur:r}",),
    "dates_croissantes_attendues": ("expects dates in increasing order, each once, got {valeur:r}",),
    "parametre_negatif": (
        "expects a number >= 0, got {valeur:r}",
        "ne peut pas être négatif (vous avez saisi {valeur:fr})",
    ),
    "taux_hors_bornes": (
        "is a rate: expects a number between 0 and 1, got {valeur:r}",
        "doit être un taux entre 0 et 1, soit de 0 % à 100 % (vous avez saisi {valeur:fr})",
    ),
    "reforme_inconnue": ("Unknown reform '{nom}'; reforms: {noms:liste}", "réforme inconnue : {nom:fr}"),
    "appel_sans_fenetre": (
        "the call opening on {ouverture} has a deadline before it ({limite}): no dossier could answer it",
        "l'appel ouvert le {ouverture:fr} aurait une date limite antérieure ({limite:fr}) : aucun dossier n'y "
        "répondrait",
    ),
    "appel_avant_les_regles": (
        "a call's rules would be read on {jour}, before {nombre} of its parameters have a value (such as "
        "'{exemple}'): give them from {jour} too, or open the call from {debut} on, when the rules start",
        "un appel serait jugé selon les règles du {jour:fr}, avant que {nombre} de ses paramètres n'aient une "
        "valeur (dont {exemple:fr}) : ouvrez l'appel à partir du {debut:fr}",
    ),
    "appel_sans_date_limite": (
        "a call would open on {ouverture} with no filing deadline in force on {jour} (the rules start on "
        "{debut}): give calendrier.dates_limites_depot from {jour} too",
        "un appel ouvrirait le {ouverture:fr} sans date limite de dépôt en vigueur le {jour:fr} (les règles "
        "commencent le {debut:fr}) : donnez aussi calendrier.dates_limites_depot à partir du {jour:fr}",
    ),
    "durees_incoherentes": (
        "minimum_mois ({minimum:g}) is above {maximum_nom} ({maximum:g}): no training could be eligible",
        "la durée minimale ({minimum:fr} mois) dépasse la durée maximale ({maximum:fr} mois) : aucune formation "
        "ne serait éligible",
    ),
    "valeur_debordante": (
        "the value {valeur:r} from {debut} has no end date: it also applies to call {appel} (opening {ouverture}), "
        "whose own value is {loi:r}; to change only the earlier calls, give the value back from {ouverture}",
        "la valeur {valeur:fr} donnée à partir du {debut:jour} s'applique aussi à l'appel n° {appel} (ouvert le "
        "{ouverture:jour}), dont la valeur est {loi:fr} ; pour ne changer que les appels précédents, redonnez "
        "cette valeur à partir du {ouverture:jour}",
    ),
    "valeur_debordante_inconnue": (
        "the value {valeur:r} from {debut} has no end date: it also applies to call {appel} (opening {ouverture}), "
        "for which no source gives one (null); to change only the earlier calls, give null back from {ouverture}",
        "la valeur {valeur:fr} donnée à partir du {debut:jour} s'applique aussi à l'appel n° {appel} (ouvert le "
        "{ouverture:jour}), pour lequel aucune source n'en donne ; pour ne changer que les appels précédents, "
        "redonnez-lui une valeur inconnue à partir du {ouverture:jour}",
    ),
    "repartition_inconnue": (
        "cannot break the report down by {noms:liste}: give a variable of the trainings or their structures, one "
        "of {valides:liste}",
    ),
    "rien_a_balayer": ("'{chemin}' has no value in force in {periode}: nothing to sweep",),
    "aucun_changement": (
        "the reform changes nothing",
        "Aucun changement : modifiez un paramètre ou choisissez une réforme livrée.",
    ),
    "base_deja_reformee": (
        "the baseline given is itself a reform ({nom}): pass the law's rules as the baseline, and combine "
        "reforms with reforms.combiner",
    ),
    # Sweeps
    "balayage_trop_grand": ("a sweep computes at most {maximum} values; {donne}: take a larger step",),
    "balayage_trop_petit": ("a sweep compares at least 2 values; {donne}",),
    "bornes_non_finies": ("--from, --to and --step must be finite numbers, got {debut}, {fin}, {pas}",),
    "bornes_inversees": ("a sweep needs --from <= --to, got {bornes}",),
    "pas_non_positif": ("a sweep needs --step > 0, got --step {pas:g}",),
    "etendue_infinie": ("{bornes}: the range is wider than a number holds",),
    # Tables and files
    "colonne_en_double": ("{lieu} is given more than once; keep one", "colonne en double : gardez-en une"),
    "colonne_calculee": (
        "{lieu} is computed by the model, not an input",
        "cette colonne est calculée par le modèle : retirez-la",
    ),
    "colonne_inconnue": (
        "{lieu} is not an input variable{suggestion} (input columns: {colonnes:liste})",
        "colonne inconnue{suggestion_fr} ; voyez la liste des colonnes dans la documentation",
    ),
    "table_vide": ("the table has no trainings (no rows)", "le fichier ne contient aucune formation"),
    "structure_incoherente": (
        "differs between the rows of this structure",
        "diffère d'une ligne à l'autre de la même structure",
    ),
    "ligne_trop_longue": ("{lieu}: {champs} fields, the header has {entete}", "ligne trop longue"),
    "pas_de_l_utf8": (
        "cannot read '{fichier}': it is not UTF-8 text{ligne}; save it as UTF-8",
        "le fichier {fichier:fr} n'est pas du texte UTF-8 : enregistrez-le en UTF-8 (CSV UTF-8)",
    ),
    "pas_du_texte": (
        "cannot read '{fichier}': it holds binary data (a NUL byte on line {ligne}), not CSV text",
        "le fichier {fichier:fr} n'est pas du texte : enregistrez-le en CSV",
    ),
    "trop_de_colonnes": (
        "cannot read '{fichier}': its header has {nombre} columns, at most {maximum} (the input variables are fewer)",
        "le fichier {fichier:fr} a {nombre} colonnes, au plus {maximum}",
    ),
    "illisible": ("cannot read '{fichier}': {raison}", "le fichier {fichier:fr} ne peut pas être lu"),
    "guillemet_non_ferme": (
        "cannot read '{fichier}': the quote (\") that opens a cell on line {ligne} is never closed",
        'le fichier {fichier:fr} ne peut pas être lu : le guillemet (") qui ouvre une cellule ligne {ligne} '
        "n'est jamais fermé",
    ),
    "source_de_population": (
        "a population is a bundled population's name ({populations}), a CSV file's path or a pandas DataFrame, "
        "got {valeur:r}",
    ),
    "fichier_vide": ("cannot read '{fichier}': the file is empty", "le fichier {fichier:fr} est vide"),
    "fichier_absent": ("cannot read '{fichier}': no such file", "le fichier {fichier:fr} n'existe pas"),
    "population_inconnue": (
        "cannot read '{fichier}': no such file, nor a bundled population ({populations})",
        "{fichier:fr} n'est ni un fichier ni une population fournie ({populations})",
    ),
    "fichier_dossier": ("cannot read '{fichier}': it is a folder, not a file", "{fichier:fr} est un dossier"),
    "fichier_illisible": ("Cannot read {quoi} '{fichier}': {raison}",),
    "fichier_trop_gros": (
        "the file is larger than {maximum} bytes",
        "le fichier dépasse la taille admise ({maximum:fr} octets)",
    ),
    "trop_de_formations": (
        "the file has {nombre} trainings; at most {maximum} per request (--max-trainings)",
        "le fichier contient {nombre:fr} formations : l'atelier en compare au plus {maximum:fr} à la fois ; "
        "pour plus, utilisez openfisca-gen compare",
    ),
    # The web API's requests
    "nombre_json_invalide": ("{nom} is not a valid JSON number",),
    "cle_en_double": ("The key {lieu} is given twice in an object",),
    "json_trop_profond": ("the JSON is nested too deeply",),
    "json_invalide": ("Invalid JSON: {raison}",),
    "corps_pas_un_objet": ("the request body must be a JSON object",),
    "corps_pas_du_json": ("the request body must be JSON, sent with the header Content-Type: application/json",),
    "requete_trop_grosse": ("the request is larger than {maximum} bytes (--max-request-bytes)",),
    "champ_manquant": ("{lieu} is missing: {aide}",),
    "variables_pas_une_liste": ("{lieu} must be a list of variable names",),
    "variables_inconnues": ("unknown variable(s) {noms:liste}",),
    "variable_de_groupe": (
        "variable(s) of a structure or a campaign, one value per group: {noms:liste}; ask Population.tables for them "
        "(a training table would repeat each value on every training of the group)",
    ),
    # The command line
    "reforme_ou_balayage": ("give --reform NAME|FILE.yaml or --sweep PARAMETER{les_deux}",),
    "bornes_sans_balayage": ("--from, --to and --step are for --sweep, not --reform",),
    "aucune_variable": ("--variables names no variable: give names separated by commas",),
    "variables_inconnues_cli": ("unknown variable(s): {noms:liste}",),
    "sortie_vide": ("--out is empty: give {quoi}",),
    "sortie_dossier": ("--out '{chemin}' is a folder; give a file name",),
    "sortie_extension": ("--out '{chemin}': give a file ending in .csv or .xlsx",),
    "sortie_fichier": ("--out '{chemin}' is a file; give a folder (it is created if missing)",),
    "sortie_sans_dossier": ("--out '{chemin}': the folder '{dossier}' does not exist",),
    "sortie_non_inscriptible": ("--out '{chemin}': not writable",),
    "sortie_impossible": ("--out '{chemin}': cannot create the folder ({raison})",),
}

# The pages' sentences next to a field, the field as their subject: "Le budget doit être un montant en euros, par
# exemple 45 000." `{sujet}`, `{attendu}` and `{exemple}` describe the field (the page knows them); the other values
# are the problem's. Written without an adjective that would agree with the subject (le budget, la durée).
MESSAGES_DU_CHAMP = {
    "obligatoire": "{sujet} est à remplir : {attendu}, par exemple {exemple}.",
    "nombre_attendu": "{sujet} doit être {attendu}, par exemple {exemple}.",
    "entier_attendu": "{sujet} doit être un nombre entier, sans virgule, d'au plus {maximum:fr}, par exemple "
    "{exemple} (vous avez saisi {valeur:fr}).",
    "nombre_fini_attendu": "{sujet} doit être {attendu} d'au plus un milliard, par exemple {exemple} "
    "(vous avez saisi {valeur:fr}).",
    "negatif": "{sujet} ne peut pas être en dessous de zéro (vous avez saisi {valeur:fr}).",
    "parametre_negatif": "{sujet} ne peut pas être en dessous de zéro (vous avez saisi {valeur:fr}).",
    "non_positif": "{sujet} doit dépasser zéro (vous avez saisi {valeur:fr}).",
    "plus_que_les_apprenants": "{sujet} ({valeur:fr}) dépasse le nombre d'apprenants de la session "
    "({apprenants:fr}) : ces personnes en font partie.",
    "sans_apprenants": "{sujet} ({valeur:fr}) se compte parmi les apprenants de la session : indiquez aussi "
    "leur nombre.",
    "date_attendue": "{sujet} doit être une date réelle, par exemple {exemple} (vous avez saisi {valeur:fr}).",
    "pas_une_date": "{sujet} doit être une date réelle, par exemple {exemple} (vous avez saisi {texte:fr}).",
    "choix_attendu": "{sujet} doit être l'un des choix proposés (reçu {valeur:fr}).",
    "booleen_attendu": "{sujet} : cochez la case, ou laissez-la vide pour « non » (reçu {valeur:fr}).",
    "booleen_de_parametre": "{sujet} : cochez la case, ou laissez-la vide pour « non » (reçu {valeur:fr}).",
    "taux_hors_bornes": "{sujet} doit être un taux de 0 % à 100 %, par exemple {exemple} "
    "(vous avez saisi {valeur:fr} : pour un pourcentage, ajoutez « % »).",
    "valeur_inconnue_refusee": "{sujet} doit avoir une valeur, par exemple {exemple}.",
    "pas_une_periode": "{sujet} doit être un mois, par exemple {exemple} (vous avez saisi {texte:fr}).",
    "un_mois_attendu": "{sujet} doit être un mois, par exemple {exemple} (vous avez saisi {texte:fr}).",
    "periode_avant_les_regles": "{sujet} doit être un mois où des règles sont en vigueur : le premier appel "
    "ouvre le {ouverture:jour} (vous avez saisi {texte:mois}).",
    "periode_hors_modele": "{sujet} doit être un mois de {premier:mois} à {dernier:mois} (vous avez saisi {texte:fr}).",
    "texte_attendu": "{sujet} doit être un texte.",
    "texte_trop_long": "{sujet} doit tenir en {maximum:fr} caractères au plus.",
}
