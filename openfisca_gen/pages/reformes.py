"""The reform workshop: parameters by their labels, a population to compare on, and a result that is a link.

The fields are the main amounts of the seed funding, each condition of
`labellisation.conditions` and each reading of `interpretations`, read from
the parameter tree with their values in force in the month shown. What the
analyst changed is what differs from those values (the month shown travels
with the form, so that changing the month keeps what was typed). A request
is a `Demande`: the population (a bundled one, by name, or an upload), the
month (by default the population's own), a shipped reform and the changed
values as typed; the same `Demande` is a query string, so that a result is a
GET that gives it again. The answer is `analyse.comparer`, the function
behind `openfisca-gen compare`.
"""

import functools
import re
import tempfile
import warnings
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlencode

from werkzeug.utils import secure_filename

from openfisca_gen.helpers import conditions_applicables, dernier_jour, ouvertures_des_appels
from openfisca_gen.pages.champs import Fiche, appels
from openfisca_gen.pages.francais import (
    date_lisible,
    euros,
    nombre,
    ordinal,
    pourcent,
    pourcent_pres_du_seuil,
    pres_du_seuil,
)
from openfisca_gen.pages.saisie import lire_champs, par_champ
from openfisca_gen.population import POPULATIONS, lire_population, pas_un_csv, separateur_de
from openfisca_gen.reforms import REFORMES, combiner, obtenir
from openfisca_gen.reforms.parametriques import portee_du_mois
from openfisca_gen.validation import (
    DonneesInvalidesError,
    PeriodeInvalideError,
    Probleme,
    ReformeInvalideError,
    trouver_parametre,
    un_mois,
)
from openfisca_gen.validation.erreurs import CITATION_MAX, coupe
from openfisca_gen.validation.parametres import genre, probleme_de_valeur
from openfisca_gen.validation.saisie import lire_booleen, lire_mois, lire_nombre

MONTANTS = (
    "financement_amorcage.taux",
    "financement_amorcage.plafond",
    "financement_amorcage.plafond_structure",
    "financement_amorcage.seuil_duree_mois",
    "financement_amorcage.enveloppe",
    "labellisation.duree_formation.minimum_mois",
    "labellisation.duree_formation.maximum_mois",
    "labellisation.effectif_minimal_demandeurs_emploi_peu_qualifies",
    "publics_cibles.objectifs_nationaux.part_femmes",
    "publics_cibles.objectifs_nationaux.part_jeunes_neet_peu_qualifies",
)
# The condition a field's rule is read by where a call may leave it out (the third call sets no duration): in a
# month whose call does not apply it, the field says that changing it changes nothing there.
CONDITIONS_DES_MONTANTS = {  # under labellisation: the field's path, its condition's
    "duree_formation.minimum_mois": "duree_formation_eligible",
    "duree_formation.maximum_mois": "duree_formation_eligible",
    "effectif_minimal_demandeurs_emploi_peu_qualifies": "effectif_demandeurs_emploi_peu_qualifies_suffisant",
}
SEUIL = "financement_amorcage.seuil_duree_mois"  # a call applies it only between two counts of sessions
BASCULES = (("labellisation.conditions", "Conditions du label"), ("interpretations", "Lectures des textes"))
POPULATION_PAR_DEFAUT = "appel_2015"
FICHIER = "fichier"  # the population choice that means "the uploaded file"
# The form's own fields, beside the parameters: what to compare on and when, the month shown, the shipped reform;
# the file, and the button that shows another month's rules.
CHAMPS_DU_FORMULAIRE = ("population", "period", "affiche", "reforme_livree", "donnees", "changer")
ATTENDUS = {"taux": "un taux en %", "montant": "un montant en euros", "entier": "un nombre entier",
            "booleen": "coché ou décoché"}  # fmt: skip

AUCUNE = "aucune valeur"  # a parameter no source gives (null), whatever its gender: un plafond, une durée


@dataclass
class Demande:
    """What the analyst asks: a population, a month, a shipped reform, the changed values as typed."""

    population: str = POPULATION_PAR_DEFAUT
    periode: str = ""  # as typed; empty: the population's own month
    mois: str = ""  # the month computed
    livree: str = ""
    modifies: dict = field(default_factory=dict)  # {parameter path: text as typed}

    def permalien(self) -> str:
        """The query string that gives this request again (a GET)."""
        valeurs = {"population": self.population, "period": self.periode, "reforme_livree": self.livree}
        return urlencode({cle: v for cle, v in {**valeurs, **self.modifies}.items() if v})

    def sans(self, chemin: str | None) -> str:
        """The link of this request without one change (its reset), or without any (`None`)."""
        modifies = {c: t for c, t in self.modifies.items() if chemin is not None and c != chemin}
        livree = "" if chemin in (None, "reforme_livree") else self.livree
        return Demande(self.population, self.periode, self.mois, livree, modifies).permalien()


@functools.cache
def population(tax_benefit_system, nom: str):
    """A bundled population, read and checked once per server: it does not change between requests."""
    return lire_population(tax_benefit_system, nom)


def populations(tax_benefit_system) -> list[dict]:
    """The bundled populations to choose from, named in French: their call, year, size and own month."""
    liste = []
    for nom, description in POPULATIONS.items():
        appel = appels(tax_benefit_system)[description["appel"] - 1]
        taille = len(population(tax_benefit_system, nom).table)
        nom_appel = f"{ordinal(description['appel'])} appel ({appel['ouverture'][:4]})"
        liste.append(
            {
                "nom": nom,
                "periode": description["periode"],
                "appel": nom_appel,
                "libelle": f"{nom_appel}, {taille} formations",
            }
        )
    return liste


def _en_vigueur(parametre, jour: str):
    """(value, start date) of the value in force on `jour`; None if the parameter has none then."""
    return next(((v.value, v.instant_str) for v in parametre.values_list if v.instant_str <= jour), None)


def affichage(valeur, sorte: str) -> str:
    """A parameter's value as the form shows it and reads it back: 50 %, 70 000, 6; empty for none."""
    if valeur is None or sorte == "booleen":
        return ""
    return {"taux": pourcent, "montant": nombre}.get(sorte, nombre)(valeur)


@functools.lru_cache(maxsize=64)
def champs(tax_benefit_system, mois: str) -> list[tuple[str, str, list[dict]]]:
    """The fieldsets (id, legend, fields); each field: its path, label, kind, the value in force and its start.
    A switch with no value in force (a reading of another call) is left out. Built once per month: the law's
    values do not change between requests (nothing may change what this returns)."""
    jour = dernier_jour(mois)
    parametres = tax_benefit_system.parameters
    appel = f"{ordinal(sum(a['ouverture'] <= jour for a in appels(tax_benefit_system)))} appel"  # the one in force

    def champ(parametre):
        en_vigueur = _en_vigueur(parametre, jour)
        sorte = genre(parametre)
        if en_vigueur is None or (sorte == "booleen" and en_vigueur[0] is None):
            return None
        valeur, debut = en_vigueur
        texte_loi = affichage_loi(valeur, {"genre": sorte, "nom": parametre.name})  # « 70 000 € », with its unit
        unite = {"montant": "€", "taux": "%"}.get(sorte, {"month": "mois"}.get(parametre.metadata.get("unit")))
        return {
            "nom": parametre.name,
            "label": parametre.description or parametre.name,
            "valeur": valeur,
            "debut": debut,
            "genre": sorte,
            "type": "booleen" if sorte == "booleen" else "nombre",
            "loi": texte_loi,
            "affiche": affichage(valeur, sorte),
            "unite": unite,
            "vide_possible": sorte != "booleen" and probleme_de_valeur(parametre, None) is None,
            "non_appliquee": "" if appliquee(parametres, parametre.name, jour) else appel,  # « 3e appel »
            # no reading makes a call apply its own threshold: the one that keeps the rule of sessions keeps the
            # first call's threshold with it
            "lecture_l_applique": parametre.name != SEUIL,
        }

    groupes = [
        (
            "montants",
            "Montants et seuils",
            [champ(trouver_parametre(parametres, c)) for c in MONTANTS if _existe(parametres, c)],
        )
    ]
    for chemin, legende in BASCULES:
        if _existe(parametres, chemin):
            feuilles = [p for p in trouver_parametre(parametres, chemin).get_descendants() if hasattr(p, "values_list")]
            groupes.append((chemin.replace(".", "_"), legende, [champ(p) for p in feuilles]))
    return [(ident, legende, [c for c in liste if c]) for ident, legende, liste in groupes]


def par_nom(tax_benefit_system, mois: str) -> dict[str, dict]:
    """The fields of the month, by their parameter's path."""
    return {champ["nom"]: champ for _, _, liste in champs(tax_benefit_system, mois) for champ in liste}


def appliquee(parametres, chemin: str, jour: str) -> bool:
    """Whether the call in force on `jour` reads the rule `chemin`, under the readings of `parametres`: not a
    condition it leaves out (CONDITIONS_DES_MONTANTS, unless a reading keeps the first call's conditions), a
    six-month threshold between two counts of sessions that are equal (unless a reading keeps the first call's
    rule of sessions), or a ceiling per structure where a reading caps a structure by the call's own ceiling (the
    first call's 70 000 €). False only where the call surely does not read it."""
    regles = parametres(jour)
    lectures = regles.interpretations
    if chemin == "financement_amorcage.plafond_structure":
        lues = (getattr(lectures, nom, None) for nom in ("plafond_par_structure", "dotation_forfaitaire_par_structure"))
        return not any(lues)  # a reading left out of the call's rules (null) is false, as helpers.lecture reads it
    if chemin == SEUIL:
        sessions = regles.financement_amorcage.sessions_financees
        maintenue = getattr(lectures, "regle_des_sessions_maintenue_en_2018", None)  # the first call's, then
        return not maintenue and sessions.duree_inferieure_au_seuil != sessions.duree_au_moins_egale_au_seuil
    condition = CONDITIONS_DES_MONTANTS.get(chemin.removeprefix("labellisation."))
    premier = parametres(ouvertures_des_appels(parametres)[0].instant_str)
    return condition is None or condition in conditions_applicables(regles, premier)


def _existe(parametres, chemin: str) -> bool:
    try:
        trouver_parametre(parametres, chemin)
    except ReformeInvalideError:  # a parameter the model does not have (any more)
        return False
    return True


def _vide(champ: dict):
    return False if champ["genre"] == "booleen" else None


def lire_valeur(champ: dict, texte: str):
    """A typed value as the parameter's: a checkbox's true/false, a number as people write it (50 %, 70 000 €)."""
    if champ["genre"] == "booleen":
        return lire_booleen(texte)
    return lire_nombre(texte, {"taux": "/1", "montant": "currency-EUR"}.get(champ["genre"]))


def change(champ: dict, texte: str) -> bool:
    """Whether a typed value differs from the value in force (a text that is not a value does: it is refused)."""
    if champ["type"] != "booleen" and not texte:
        return champ["valeur"] is not None  # emptied: a value is needed (a None in force stays none)
    valeur = lire_valeur(champ, texte)
    return isinstance(valeur, str) or valeur != champ["valeur"]


def fiche(champ: dict) -> Fiche:
    """How messages name a parameter's field: "Cette valeur", what to write and an example (the value in force)."""
    exemple = "cochée" if champ["genre"] == "booleen" else champ["affiche"] or "0"
    return Fiche(champ["label"], (), "Cette valeur", ATTENDUS.get(champ["genre"], "un nombre"), exemple)


def lire_mois_de(tax_benefit_system, texte: str, defaut: str) -> tuple[str, list[Probleme]]:
    """(the month computed, why the month typed is refused): the month typed, else `defaut`."""
    if not texte:
        return defaut, []
    try:
        mois = un_mois(lire_mois(texte))
    except PeriodeInvalideError as erreur:
        return defaut, [Probleme(p.cle, p.valeurs, "champ", champ="period") for p in erreur.problemes]
    premier = appels(tax_benefit_system)[0]["ouverture"]
    if dernier_jour(mois) < premier:  # no rule exists yet: nothing to change or compare
        details = {"texte": mois, "ouverture": premier}
        return defaut, [Probleme("periode_avant_les_regles", details, "champ", champ="period")]
    return mois, []


def lire_demande(tax_benefit_system, formulaire) -> tuple[Demande, dict, list]:
    """The request a form or a link makes, and its problems by field: a month or a population that cannot be,
    a changed value that cannot be read comes back with its field."""
    textes, problemes = lire_champs(formulaire, CHAMPS_DU_FORMULAIRE[:4], ("affiche",))
    nom = textes.get("population") or POPULATION_PAR_DEFAUT
    if nom not in POPULATIONS and nom != FICHIER:
        problemes.append(Probleme("choix_attendu", {"valeur": nom}, "champ", champ="population"))
        nom = POPULATION_PAR_DEFAUT
    defaut = POPULATIONS.get(nom, POPULATIONS[POPULATION_PAR_DEFAUT])["periode"]
    texte = textes.get("period", "")
    mois, refus = lire_mois_de(tax_benefit_system, texte, defaut)
    affiche, _ = lire_mois_de(tax_benefit_system, textes.get("affiche", ""), mois)
    champs_affiches = par_nom(tax_benefit_system, affiche)
    saisies, doubles = lire_champs(formulaire, champs_affiches)
    modifies = {chemin: texte_ for chemin, texte_ in saisies.items() if change(champs_affiches[chemin], texte_)}
    # A field of another month, kept by the link after the month moved to one where its rule has no value: kept,
    # and said next to the month, which nothing is compared past (it was dropped without a word).
    noms, partout = par_nom(tax_benefit_system, mois), champs_des_appels(tax_benefit_system)
    modifies |= {cle: formulaire.get(cle, "").strip() for cle in partout if cle in formulaire and cle not in modifies
                 and cle not in champs_affiches}  # fmt: skip
    problemes += [
        Probleme("changement_hors_du_mois", {"libelle": partout[c]["label"], "mois": mois}, "champ", champ="period")
        for c in modifies
        if c not in noms
    ]
    # typed over the value shown, in force in another month than the one computed (the population or the month
    # changed in the same submit, without the page's script): not compared against another value than the one it
    # replaced (60 % typed over 2016's 50 % became a cut of 2018's 80 %, without a word)
    for c in modifies:
        if c in noms and c in champs_affiches and _en_vigueur_de(noms[c]) != _en_vigueur_de(champs_affiches[c]):
            valeurs = _valeurs_de(champs_affiches[c], noms[c], affiche, mois)
            problemes.append(Probleme("changement_d_un_autre_mois", valeurs, "champ", champ=c))
    demande = Demande(nom, texte, mois, textes.get("reforme_livree", ""), modifies)
    return demande, *erreurs(tax_benefit_system, demande, problemes + refus + doubles)


def _en_vigueur_de(champ: dict) -> tuple:
    return champ["valeur"], champ["debut"]


def _valeurs_de(affiche: dict, calcule: dict, mois_affiche: str, mois: str) -> dict:
    avant, loi = affichage_loi(affiche["valeur"], affiche), affichage_loi(calcule["valeur"], calcule)
    return {"libelle": calcule["label"], "affiche": mois_affiche, "mois": mois, "avant": avant, "loi": loi}


def champs_du_formulaire(tax_benefit_system, mois: str) -> set[str]:
    """Every field a form or a link of the workshop may give: its own, and the parameters of any call's month."""
    return {*CHAMPS_DU_FORMULAIRE, *champs_des_appels(tax_benefit_system), *par_nom(tax_benefit_system, mois)}


@functools.lru_cache(maxsize=8)
def champs_des_appels(tax_benefit_system) -> dict[str, dict]:
    """The fields of every call's month, by their parameter's path (the latest call's where two show one)."""
    champs = {}
    for appel in appels(tax_benefit_system):
        champs |= par_nom(tax_benefit_system, appel["ouverture"][:7])
    return champs


def erreurs(tax_benefit_system, demande: Demande, problemes: list) -> tuple[dict, list]:
    """The problems by field (a path, period, population, reforme_livree, donnees) and the others."""
    noms = par_nom(tax_benefit_system, demande.mois)
    autres = {
        "period": Fiche("", (), "Le mois", "un mois", "02/2016"),
        "population": Fiche("", (), "La population", "l'une des populations de la liste", "1er appel"),
        "reforme_livree": Fiche("", (), "La réforme livrée", "l'une des réformes de la liste", "aucune"),
        "donnees": Fiche("", (), "Le fichier de formations", "un fichier CSV", "formations.csv"),
    }

    def decrire(nom):
        return fiche(noms[nom]) if nom in noms else autres.get(nom)

    saisis = demande.modifies  # each message quotes what was typed, not the value it was read as
    problemes = [
        replace(p, valeurs={"saisi": saisis[p.champ], **p.valeurs}) if p.champ in saisis else p for p in problemes
    ]
    return par_champ(problemes, decrire)


def reforme_de(tax_benefit_system, demande: Demande) -> dict:
    """The changed values as a reform of the rules of the call in force in the month, no other call's: {path:
    {start of the value in force: value, and the later values given back}} (`portee_du_mois`: a ceiling changed in
    2016-02 reached the second and third calls too, with a warning per call to date the value back, which the
    page cannot). The later values are the shipped reform's where one is chosen, so that it keeps them; an empty
    text is "no value"."""
    noms = par_nom(tax_benefit_system, demande.mois)
    base = tax_benefit_system
    if demande.livree in REFORMES and demande.modifies:  # an unknown one is named at its field, by reforme_demandee
        with warnings.catch_warnings():  # its own warnings are said when it is applied
            warnings.simplefilter("ignore")
            base = obtenir(demande.livree)(tax_benefit_system)
    reforme = {}
    for chemin, texte in demande.modifies.items():
        if chemin in noms:
            # an empty text is no value, but an unticked box (its `false` left out of a link by hand) is false
            valeur = lire_valeur(noms[chemin], texte) if texte else _vide(noms[chemin])
            debut, suite = portee_du_mois(base, chemin, demande.mois)
            reforme[chemin] = {debut or noms[chemin]["debut"]: valeur, **suite}
    return reforme


def reforme_demandee(nom_livre: str, modifies: dict):
    """The reform to compare: a registered one, the changed values, or both combined (the changed values on top
    of the registered reform: `reforms.combiner`)."""
    if not nom_livre and not modifies:
        raise ReformeInvalideError([Probleme("aucun_changement")])
    if not nom_livre:
        return modifies
    try:
        obtenir(nom_livre)
    except ReformeInvalideError as erreur:  # the registry's refusal, placed at the form's field
        raise ReformeInvalideError(
            [replace(p, lieu="champ", champ="reforme_livree") for p in erreur.problemes]
        ) from None
    return combiner(nom_livre, modifies) if modifies else nom_livre


def nom_televerse(fichier) -> str:
    """The uploaded file's own name, as the analyst knows it (a browser may send a full Windows path)."""
    return re.split(r"[\\/]", fichier.filename or "")[-1] or "population.csv"


def lire_televersement(tax_benefit_system, fichier, maximum: int):
    """The uploaded CSV as a population, read as `openfisca-gen calculate --data` reads a file, within the
    server's limit on trainings (counted before anything is checked); its problems name the file by its own
    name, never by the server's temporary copy."""
    nom = nom_televerse(fichier)
    with tempfile.TemporaryDirectory() as dossier:
        chemin = Path(dossier) / (secure_filename(nom) or "population.csv")
        fichier.save(chemin)
        pas_un_csv(chemin, nom)  # a workbook's bytes counted as lines would be "56 trainings"
        lignes = compter_formations(chemin)
        if lignes > maximum:
            raise DonneesInvalidesError([Probleme("trop_de_formations", {"nombre": lignes, "maximum": maximum})])
        return lire_population(tax_benefit_system, chemin, nom)


def compter_formations(chemin: Path) -> int:
    """The rows of a CSV file as `population.lire_population` reads them, counted before anything is read or
    checked: the lines below the header, whatever ends them (LF, CRLF or CR alone: universal newlines, as the
    reader splits them), but the blank ones (spaces, tabs and the header's separator alone: ;;;;, a row a
    spreadsheet cleared) and the comments (starting with "#"), as above the header. Latin-1 reads any byte, so
    that a file that is not UTF-8 is counted too (the reader names its problem), and a line of any length is read
    without the `csv` module's limit on a field. A quoted value over several lines counts once per line: a few
    more, never fewer."""
    with open(chemin, encoding="latin-1", newline=None) as contenu:
        lignes = (ligne.removeprefix("\xef\xbb\xbf") if rang == 0 else ligne for rang, ligne in enumerate(contenu))
        lues = (ligne.rstrip("\n") for ligne in lignes if not ligne.startswith("#"))
        entete = next(lues, "")
        separateur = separateur_de(entete)  # as the reader finds it
        return sum(1 for ligne in lues if ligne.strip(" \t" + separateur))


def decrire_changements(tax_benefit_system, demande: Demande) -> list[dict]:
    """What the analyst changed, in words: the value in force and the new one, each with its reset link."""
    noms = par_nom(tax_benefit_system, demande.mois)
    liste = []
    if demande.livree in REFORMES:
        titre = getattr(REFORMES[demande.livree], "name", demande.livree)
        liste.append(
            {
                "nom": "reforme_livree",
                "label": "Réforme livrée",
                "loi": "aucune",
                "nouveau": titre,
                "retablir": demande.sans("reforme_livree"),
            }
        )
    for chemin, texte in demande.modifies.items():
        # a rule the month computed has no value for: its field of another month, listed, carried, to be taken back
        champ = noms.get(chemin) or champs_des_appels(tax_benefit_system)[chemin]
        valeur = lire_valeur(champ, texte) if texte else None
        nouveau = (
            f"« {coupe(texte, CITATION_MAX)} »"
            if isinstance(valeur, str)
            else affichage_loi(valeur, champ, champ["valeur"])
        )
        change = {"nom": chemin, "label": champ["label"], "nouveau": nouveau, "retablir": demande.sans(chemin)}
        if chemin in noms:
            change |= {"loi": affichage_loi(champ["valeur"], champ), "depuis": date_lisible(champ["debut"])}
        else:
            change |= {"loi": "sans objet", "texte": texte}
        liste.append(change)
    return liste


def affichage_loi(valeur, champ: dict, loi=None) -> str:
    """A parameter's value as the list of changes says it; against the law's value `loi`, with as many more
    decimals as it takes not to read as it where it differs (50,0001 % was « 50 % → 50 % »)."""
    if champ["genre"] == "booleen":  # a condition of the label: required or not, no fact of the trainings
        condition = champ["nom"].startswith("labellisation.conditions.")
        return ("exigée" if valeur else "non exigée") if condition else ("oui" if valeur else "non")
    if valeur is None:
        return AUCUNE
    texte = euros(valeur) if champ["genre"] == "montant" else affichage(valeur, champ["genre"])
    if loi is None or valeur == loi or texte != affichage_loi(loi, champ):
        return texte
    # written as the law's value though it differs: with the decimals it takes (not through a float's digits)
    return (
        pourcent_pres_du_seuil(valeur, loi) if champ["genre"] == "taux" else pres_du_seuil(valeur, loi, 0) + "\u00a0€"
    )
