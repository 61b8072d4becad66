"""Values of the right type that would still give a silently wrong number, and ids that cannot name an entity.

- a negative budget or count, a duration of zero or less;
- a count of women (or of any group of learners) above the learners given,
  or given without them;
- a committee's decision dated before its dossier was filed;
- an id empty or with '/', or that prints like another (a space at an end, an invisible character, a letter
  written as two), a training id given twice in a table.
"""

import unicodedata

import numpy
import pandas

from openfisca_gen.limites import MAX_TEXTE
from openfisca_gen.validation.erreurs import BLANCS, Probleme

PARTIES_DES_APPRENANTS = (
    "nombre_femmes",
    "nombre_jeunes_neet_peu_qualifies",
    "nombre_residents_qpv",
    "nombre_residents_zrr",
    "nombre_demandeurs_emploi_peu_qualifies",
    "nombre_apprenants_niveau_bac_ou_infra",
)
NON_NEGATIFS = ("budget_session", "montant_projet_innovation", "nombre_apprenants", *PARTIES_DES_APPRENANTS)
STRICTEMENT_POSITIFS = ("duree_formation_mois",)


def problemes_de_dates(depots, decisions, placer) -> list[Probleme]:
    """A committee's decision dated before its dossier was filed: the label's years would run from a day the
    dossier did not exist. Days as datetime64[D], NaT where not given; a decision left empty (1970-01-01) is
    none. `placer(i)`: where training i's decision date is."""
    avant = (decisions > numpy.datetime64("1970-01-01")) & (decisions < depots)  # NaT compares False
    return [
        Probleme("decision_avant_depot", {"valeur": str(decisions[i]), "depot": str(depots[i])}, **placer(i))
        for i in numpy.flatnonzero(avant)
    ]


def problemes_de_domaine(colonnes: dict, placer, apprenants_donnes=None) -> list[Probleme]:
    """One Probleme per value of the right type that would give a wrong number. `colonnes` maps a variable to a
    numeric array (NaN where not given or invalid); `placer(i, champ)` says where row i's field is (a dict of
    Probleme fields), for bad rows only; `apprenants_donnes` says where nombre_apprenants was given (default:
    where its column is)."""
    problemes = []

    def signaler(masque, champ, cle, valeurs, **autres):
        if not masque.any():  # the usual: nothing to name (a request of one training asks a dozen times)
            return
        problemes.extend(
            Probleme(cle, {"valeur": valeurs[i], **{k: v[i] for k, v in autres.items()}}, **placer(i, champ))
            for i in numpy.flatnonzero(masque)
        )

    for champ in NON_NEGATIFS:
        if champ in colonnes:
            signaler(colonnes[champ] < 0, champ, "negatif", colonnes[champ])
    for champ in STRICTEMENT_POSITIFS:
        if champ in colonnes:
            signaler(colonnes[champ] <= 0, champ, "non_positif", colonnes[champ])
    taille = len(next(iter(colonnes.values()), ()))
    apprenants = colonnes.get("nombre_apprenants", numpy.full(taille, numpy.nan))
    donnes = numpy.full(taille, "nombre_apprenants" in colonnes) if apprenants_donnes is None else apprenants_donnes
    comparables = donnes & ~(apprenants < 0)  # a negative count of learners is one mistake, named once, on itself
    for champ in PARTIES_DES_APPRENANTS:
        if champ in colonnes:
            valeurs = colonnes[champ]
            signaler(
                comparables & (valeurs > apprenants), champ, "plus_que_les_apprenants", valeurs, apprenants=apprenants
            )
            signaler(~donnes & (valeurs > 0), champ, "sans_apprenants", valeurs)
    return problemes


def bornes(variable, nombre_d_appels: int) -> tuple[float, float] | None:
    """The domain of a computed variable given as an input (OpenFisca lets an input stand for its formula):
    a share in [0, 1]; a call's number from 0 (none) to the number of calls opened (by the value's period); an
    amount or a count >= 0."""
    unite = getattr(variable, "unit", None) or ""
    if variable.value_type not in (int, float):
        return None
    if unite == "/1":
        return 0, 1
    if variable.name.startswith("appel_"):
        return 0, nombre_d_appels
    if variable.name.startswith("nombre_") or unite.startswith("currency"):
        return 0, numpy.inf
    return None


def problemes_de_bornes(variable, valeurs, placer, nombre_d_appels: int) -> list[Probleme]:
    """One Probleme per value of a computed variable outside its domain (`bornes`); `placer(i)` says where."""
    domaine = bornes(variable, nombre_d_appels)
    if domaine is None:
        return []
    bas, haut = domaine
    with numpy.errstate(invalid="ignore"):
        dehors = (valeurs < bas) | (valeurs > haut)
    cle = "negatif" if haut == numpy.inf else "hors_bornes"
    return [
        Probleme(cle, {"valeur": valeurs[i], "bas": bas, "haut": haut}, **placer(i)) for i in numpy.flatnonzero(dehors)
    ]


def probleme_d_identifiant(identifiant) -> tuple[str, dict] | None:
    """(key, values) of why `identifiant` cannot name a training, structure or campaign, or None."""
    if not isinstance(identifiant, str) or not identifiant.strip():
        return "id_vide", {}
    if "/" in identifiant:
        return "id_avec_barre", {"valeur": identifiant}
    if identifiant != identifiant.strip() or not _sans_invisible(identifiant):  # 's1 ' beside 's1': two structures
        return "id_avec_espaces", {"valeur": identifiant}
    if len(identifiant) > MAX_TEXTE:  # 100 000 characters were sent back in every answer
        return "id_trop_long", {"longueur": len(identifiant), "maximum": MAX_TEXTE}
    return None


def _sans_invisible(texte: str) -> bool:
    """Whether a text prints as it is: every character printable (no control character, no zero-width space,
    soft hyphen or byte-order mark, no space but the plain one, no lone surrogate: `str.isprintable`), none of
    the BLANCS, no letter written as two (e and a combining accent beside é)."""
    return texte.isprintable() and (
        texte.isascii() or (unicodedata.is_normalized("NFC", texte) and BLANCS.isdisjoint(texte))
    )


def imprimables(textes) -> numpy.ndarray:
    """`_sans_invisible` of each text: all of them at once where they are, the common case (one pass in C)."""
    textes = list(textes)
    tout = "".join(textes)
    if tout.isascii() and tout.isprintable():
        return numpy.ones(len(textes), dtype=bool)
    return numpy.array([_sans_invisible(texte) for texte in textes], dtype=bool)


def affiches_comme_d_autres(distincts, textes=None) -> numpy.ndarray:
    """Where a distinct text prints like another (an id, a place's name): a space at an end, an invisible
    character, a letter written as two. `textes`: the same as numpy's strings, where the caller has them."""
    textes = numpy.asarray(distincts, dtype=str) if textes is None else textes  # numpy's string ufuncs: no loop
    return (numpy.strings.strip(textes) != textes) | ~imprimables(distincts)  # numpy's text drops a trailing NUL


def ids_en_texte(valeurs: pandas.Series) -> pandas.Series:
    """A DataFrame's ids as the text a CSV would give them, so that 5, 5.0 and '5' are one id (and two trainings
    given them, a duplicate), never two ids that print alike; a missing id stays missing."""
    if pandas.api.types.infer_dtype(valeurs, skipna=True) in ("string", "empty"):
        return valeurs
    if valeurs.dtype.kind in "iu":  # no loop over a column of whole numbers
        return valeurs.astype(str).astype(object)
    return pandas.Series([_id_en_texte(valeur) for valeur in valeurs], valeurs.index, dtype=object)


def _id_en_texte(valeur):
    if valeur is None or valeur is pandas.NA or valeur is pandas.NaT or isinstance(valeur, str):
        return valeur
    if isinstance(valeur, float | numpy.floating):
        return None if numpy.isnan(valeur) else str(int(valeur)) if float(valeur).is_integer() else str(valeur)
    return str(valeur)


def problemes_d_identifiants(table: pandas.DataFrame, colonnes, placer) -> tuple[list[Probleme], dict]:
    """The ids of a table's `colonnes` that are empty, contain '/' or begin or end with a space, and training ids
    given twice; `placer(i, champ)` says where row i's field is. Also each id column factorized, (codes, distinct
    ids): the checks run on the distinct ids, and the groups are those codes."""
    problemes, facteurs = [], {}
    for colonne in colonnes:
        if colonne not in table:
            continue
        codes, distincts = facteurs[colonne] = pandas.factorize(table[colonne].to_numpy())  # NaN, None, NA: -1
        mauvais = codes < 0
        if len(distincts) and not pandas.api.types.is_numeric_dtype(table[colonne]):  # all missing: none to read
            textes = numpy.asarray(distincts, dtype=str)  # numpy's string ufuncs: no Python loop over ids
            vides = (numpy.strings.str_len(textes) == 0) | numpy.strings.isspace(textes)
            espaces = affiches_comme_d_autres(distincts, textes)
            longs = numpy.strings.str_len(textes) > MAX_TEXTE
            mauvais |= (vides | espaces | longs | (numpy.strings.find(textes, "/") >= 0))[codes] & (codes >= 0)
        problemes += [
            Probleme(*probleme_d_identifiant(None if codes[i] < 0 else distincts[codes[i]]), **placer(i, colonne))
            for i in numpy.flatnonzero(mauvais)
        ]
    codes, distincts = facteurs.get("formation_id", ((), ()))
    if len(distincts) < len(codes):
        doublons = pandas.Series(codes).duplicated().to_numpy() & (codes >= 0)
        problemes += [Probleme("id_en_double", {}, **placer(i, "formation_id")) for i in numpy.flatnonzero(doublons)]
    return problemes, facteurs
