"""Parametric reforms: new values for existing parameters, `{path: {date: value}}`.

Everything is validated before anything changes, and each problem names the
parameter path (and date) it is about. A value applies from its date until
the day before the next date given for the same parameter; the last one
applies from its date on. The baseline is never modified: OpenFisca's
`Reform.modify_parameters` works on a deep copy.
"""

import dataclasses
import datetime
import warnings
from pathlib import Path

import numpy
from openfisca_core import periods
from openfisca_core.parameters import ParameterAtInstant
from openfisca_core.reforms import Reform

from openfisca_gen.helpers import dernier_jour, ouvertures_des_appels
from openfisca_gen.limites import MAX_VALEURS_DATEES
from openfisca_gen.reforms.coherence import fin_de_fenetre, incoherences_des_regles
from openfisca_gen.validation import Probleme, ReformeInvalideError, trouver_parametre
from openfisca_gen.validation.erreurs import Part, date_lisible
from openfisca_gen.validation.fichiers import lire_json, lire_yaml
from openfisca_gen.validation.parametres import lire_jour, probleme_de_valeur
from openfisca_gen.validation.types import JOURS, un_nombre_python

# Parameters that moved: {old path: new path}. The old path keeps working in reforms for one minor version,
# with a DeprecationWarning (see CHANGELOG.md). The one place that lists them.
CHEMINS_RENOMMES = {
    "interpretations.sans_decision_formation_eligible_labellisee": (
        "conventions.sans_decision_formation_eligible_labellisee"
    ),
}


def chemins_a_jour(changements: dict) -> dict:
    """The changes with each moved parameter's old path (CHEMINS_RENOMMES) replaced by its new one, warning; both
    paths given are refused (the later key won: the result hung on the order of the keys)."""
    if doubles := [
        ancien for ancien in changements.keys() & CHEMINS_RENOMMES.keys() if CHEMINS_RENOMMES[ancien] in changements
    ]:
        details = [({"ancien": ancien}, CHEMINS_RENOMMES[ancien]) for ancien in sorted(doubles)]
        raise ReformeInvalideError(
            [Probleme("ancien_et_nouveau_chemin", d, "parametre", champ=chemin) for d, chemin in details]
        )
    for ancien in changements.keys() & CHEMINS_RENOMMES.keys():
        warnings.warn(
            f"'{ancien}' is now '{CHEMINS_RENOMMES[ancien]}'; the old path will stop working in 0.8",
            DeprecationWarning,
            stacklevel=4,
        )
    return {CHEMINS_RENOMMES.get(chemin, chemin): valeurs for chemin, valeurs in changements.items()}


def _segments(dates: list) -> list[tuple[periods.Instant, periods.Instant | None, object]]:
    """(start, stop, value) of sorted (date, value) pairs: each value until the day before the next date."""

    def instant(jour: datetime.date) -> periods.Instant:
        return periods.Instant((jour.year, jour.month, jour.day))

    return [
        (instant(date), instant(suivante[0] - datetime.timedelta(days=1)) if suivante else None, valeur)
        for (date, valeur), suivante in zip(dates, [*dates[1:], None], strict=True)
    ]


def valider_changements(parametres, changements) -> dict[str, list]:
    """Check every path, date and value; return, per parameter, the (start, stop, value) segments to apply."""
    if not isinstance(changements, dict) or not changements:
        raise ReformeInvalideError([Probleme("reforme_pas_un_dictionnaire")])
    nombre = sum(len(valeurs) if isinstance(valeurs, dict) else 1 for valeurs in changements.values())
    if nombre > MAX_VALEURS_DATEES:  # bounded work
        raise ReformeInvalideError(
            [Probleme("trop_de_valeurs_datees", {"nombre": nombre, "maximum": MAX_VALEURS_DATEES})]
        )
    changements = chemins_a_jour(changements)  # a moved parameter's old path is read as its new one
    problemes, segments = [], {}
    for chemin, valeurs in changements.items():
        try:
            parametre = trouver_parametre(parametres, chemin, feuille=True)
        except ReformeInvalideError as erreur:  # placed on the path given: the API's `field`, the others' clash
            problemes += [dataclasses.replace(p, champ=p.champ or str(chemin)) for p in erreur.problemes]
            continue
        ici = {"lieu": "parametre", "champ": chemin}
        if not isinstance(valeurs, dict) or not valeurs:
            problemes.append(Probleme("dates_attendues", {"valeur": valeurs}, **ici))
            continue
        dates, vues = [], set()
        for cle, valeur in valeurs.items():
            date = lire_jour(cle)
            if date is None:
                problemes.append(Probleme("pas_une_date", {"texte": str(cle), **JOURS}, **ici))
            elif date in vues:  # '2015-09-17' and date(2015, 9, 17): one of them was lost
                problemes.append(Probleme("date_en_double", {"date": str(date)}, **ici, periode=str(date)))
            elif probleme := probleme_de_valeur(parametre, valeur):
                problemes.append(Probleme(*probleme, **ici, periode=str(date)))
            else:
                dates.append((date, un_nombre_python(valeur) if isinstance(valeur, numpy.generic) else valeur))
                vues.add(date)
        if len(dates) == len(valeurs):
            segments[chemin] = _segments(sorted(dates, key=lambda paire: paire[0]))
    if problemes:
        raise ReformeInvalideError(problemes)
    return segments


def remplacer(parametre, morceaux) -> None:
    """The parameter's values from the first segment's start on replaced by the segments, which follow each other
    to the end of time: one pass (OpenFisca's `update` per segment copies the list each time, quadratic in the
    number of dates)."""
    debut = str(morceaux[0][0])
    nouvelles = [
        ParameterAtInstant(f"{parametre.name}[{depuis}]", str(depuis), data={"value": valeur})
        for depuis, _, valeur in reversed(morceaux)
    ]
    parametre.values_list = nouvelles + [valeur for valeur in parametre.values_list if valeur.instant_str < debut]


class ReformeDebordeWarning(UserWarning):
    """A reform's value also changes the rules of a later call than the one it is for, or misses its call, or
    reaches no call's rules."""


# Rules read in the month computed, not on a call's opening day: any date of their values counts.
LUES_AU_MOIS = ("programme.", "appel_innovation.", "calendrier.date_ouverture")
# Switches (readings, conventions): null from a call they do not concern, which its formulas read as false.
INTERRUPTEURS = ("interpretations.", "conventions.")
# What `avertissements_de_portee` finds that is refused, not warned: a switch's null that a call would read.
REFUS_DE_PORTEE = ("interrupteur_inconnu_lu",)


def _lu(chemin: str, valeur):
    """What a call's formulas read of a value: a switch's null as false (helpers.lecture), a true there changes it."""
    return bool(valeur) if chemin.startswith(INTERRUPTEURS) else valeur


def _portee(lue: list, chemin: str, debut, fin, ouvertures: list, fins: list) -> tuple[list, int | None]:
    """Which calls a reform's value from `debut` to `fin` (None: no end) reaches, as indices of `ouvertures` (the
    days each call reads its rules on), and the call whose window it starts in (after its opening, by its last
    filing day in `fins`): it misses it; a value dated between two windows is the next call's. `lue`: whether
    each call reads the parameter (a switch that carries a rule over is read only by a call that sets none)."""
    debut, fin = str(debut), None if fin is None else str(fin)
    atteints = [i for i, jour in enumerate(ouvertures) if debut <= jour and (fin is None or jour <= fin) and lue[i]]
    avant = [i for i, jour in enumerate(ouvertures) if jour < debut]
    if chemin.startswith(LUES_AU_MOIS) or debut in ouvertures or not avant or not atteints or not lue[avant[-1]]:
        return atteints, None
    if fins[avant[-1]] is not None and debut > fins[avant[-1]]:  # after its window: for the next call
        return atteints, None
    return atteints, avant[-1]


def _sous_la_reforme(morceaux, jour: str, loi):
    """The value a call opening on `jour` reads under the reform: the reform's segment over that day, else the
    law's (`loi`)."""
    return next((v for debut, fin, v in morceaux if str(debut) <= jour and (fin is None or jour <= str(fin))), loi)


def _loi_le(loi, jour: str):
    """The law's value on `jour`; None before its first value (no call read it then)."""
    return loi(jour) if jour >= str(loi.values_list[-1].instant_str) else None


def avertissements_de_portee(loi, ouvertures: list, fins: list, segments: dict) -> list[Probleme]:
    """What a reform's values reach that a reader would not expect, each call reading its rules on its opening day
    (`ouvertures`, the reformed calendar; `fins`, each call's last filing day): a value (the last one, without
    an end date, or another) that also changes a later call whose value under the law differs
    (`valeur_debordante`); a value dated inside a call's window that misses it, or changes the next call
    (`valeur_apres_l_ouverture`, a rate of 60 % from 2015-10-01 left the first call at 50 %); values that reach
    no call (`valeur(s)_sans_appel`, once per parameter: a ceiling from 2015-10-01 to 2016-08-22 changes
    nothing). `loi`: the law's parameters."""
    problemes = []
    for chemin, morceaux in segments.items():
        parametre, perdues = trouver_parametre(loi, chemin), []
        lois = [_loi_le(parametre, jour) for jour in ouvertures]  # each call's own value, read once (not per value)
        # A switch that carries an earlier call's rule over (`reconduction` in its metadata) changes nothing in a
        # call that sets its own rule, where the law gives the switch no value.
        lue = [not (parametre.metadata.get("reconduction") and loi_ is None) for loi_ in lois]
        for debut, fin, valeur in morceaux:
            atteints, manque = _portee(lue, chemin, debut, fin, ouvertures, fins)
            lu = _lu(chemin, valeur)
            # dated inside a window: said where the call it misses, or the next one it reaches, reads it otherwise
            change = manque is not None and lu != _lu(chemin, lois[atteints[0]])  # the first call's 50 % restated
            if manque is not None and (
                change or _lu(chemin, _sous_la_reforme(morceaux, ouvertures[manque], lois[manque])) != lu
            ):
                details = {"debut": str(debut), "valeur": valeur, "appel": manque + 1, "ouverture": ouvertures[manque]}
                details |= {"suivant": atteints[0] + 1, "ouverture_suivante": ouvertures[atteints[0]]}
                problemes.append(
                    Probleme("valeur_apres_l_ouverture", _en_parts(parametre, details), "parametre", champ=chemin)
                )
            interrupteur_nul = valeur is None and chemin.startswith(INTERRUPTEURS)  # the law's null, restated
            if lisent := [i for i in atteints if lois[i]] if interrupteur_nul else []:
                # a call whose reading is true would read the null as false, a reading chosen unsaid (one whose
                # reading is false reads the same)
                details = {"debut": str(debut), "appel": lisent[0] + 1, "ouverture": ouvertures[lisent[0]]}
                problemes.append(
                    Probleme("interrupteur_inconnu_lu", details | {"loi": lois[lisent[0]]}, "parametre", champ=chemin)
                )
            if not atteints and not chemin.startswith(LUES_AU_MOIS) and not interrupteur_nul:
                perdues.append((debut, valeur))
            # The later calls it also reaches, beyond the first, the one it is for (dated on, before or after its
            # opening), whose own value differs: the last value, which has no end date; another, which runs to the
            # next one's day, only where the law gives that call no value (a reading that does not concern it): a
            # later call's own value it covers up to a day the reform gives is meant (plafond_100k's second call).
            jusqua = {"jusqua": " has no end date", "jusqua_fr": ""}
            if fin is not None:
                jusqua = {"jusqua": f" runs to {fin}", "jusqua_fr": f" jusqu'au {date_lisible(str(fin))}"}
            for i in atteints[1:]:
                if _lu(chemin, lois[i]) != lu and (fin is None or lois[i] is None):
                    details = {"debut": str(debut), "valeur": valeur, "appel": i + 1, "ouverture": ouvertures[i]}
                    inconnue = "hors_champ" if chemin.startswith(INTERRUPTEURS) else "inconnue"
                    cle = f"valeur_debordante_{inconnue}" if lois[i] is None else "valeur_debordante"
                    details = _en_parts(parametre, details | jusqua | {"loi": lois[i]})
                    problemes.append(Probleme(cle, details, "parametre", champ=chemin))
        if perdues:  # one warning per parameter, however many of its values no call reads
            (debut, valeur), nombre = perdues[0], len(perdues)
            details = _en_parts(parametre, {"debut": str(debut), "valeur": valeur})
            details |= {"ouvertures": ouvertures, "nombre": nombre, "fin": str(perdues[-1][0])}
            cle = "valeur_sans_appel" if nombre == 1 else "valeurs_sans_appel"
            problemes.append(Probleme(cle, details, "parametre", champ=chemin))
    return problemes


def _en_parts(parametre, details: dict) -> dict:
    """A rate's values (a parameter of unit /1) as shares, which French writes as the fields do: 60 %, not 0,6."""
    if parametre.metadata.get("unit") != "/1":
        return details
    return {cle: Part(v) if cle in ("valeur", "loi") and type(v) in (int, float) else v for cle, v in details.items()}


def incoherences_des_autres(baseline, changements: dict, problemes: list) -> list[Probleme]:
    """Where values of `changements` are refused (`problemes`), whether the others would not hold together either
    (a minimum duration above the maximum, beside a rate of 150 %): said at once, not once the refused values
    are fixed."""
    if not isinstance(changements, dict):  # no mapping at all (42): nothing else to check
        return []
    refuses = {probleme.champ for probleme in problemes}
    autres = {chemin: valeurs for chemin, valeurs in changements.items() if str(chemin) not in refuses}
    if not autres or len(autres) == len(changements):
        return []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ReformeDebordeWarning)
            reforme_parametrique(baseline, autres)
    except ReformeInvalideError as erreur:
        return [probleme for probleme in erreur.problemes if probleme not in problemes]
    return []


def verifier_changements(baseline, changements) -> dict[str, list]:
    """`valider_changements` on `baseline`'s parameters; where values are refused, the clash of the others is said
    with them (`incoherences_des_autres`)."""
    try:
        return valider_changements(baseline.parameters, changements)
    except ReformeInvalideError as erreur:
        autres = incoherences_des_autres(baseline, changements, erreur.problemes)
        raise ReformeInvalideError(erreur.problemes + autres) from None


class ReformeParametrique(Reform):
    """A reform that only changes parameter values: subclasses set `changements`. `avertissements`: where its
    values reach what a reader would not expect (see `avertissements_de_portee`)."""

    name = "Réforme paramétrique"
    changements: dict = {}

    def apply(self) -> None:
        segments = verifier_changements(self.baseline, self.changements)

        def modifier(parametres):
            for chemin, morceaux in segments.items():
                remplacer(trouver_parametre(parametres, chemin), morceaux)
            incoherences = incoherences_des_regles(parametres, self.changements)
            if incoherences:
                raise ReformeInvalideError(incoherences)
            ouvertures = [appel.instant_str for appel in ouvertures_des_appels(parametres)]  # the reform's calendar
            fins = [fin_de_fenetre(parametres.get_at_instant(periods.instant(jour)).calendrier) for jour in ouvertures]
            portee = avertissements_de_portee(self.baseline.parameters, ouvertures, fins, segments)
            if refus := [probleme for probleme in portee if probleme.cle in REFUS_DE_PORTEE]:
                raise ReformeInvalideError(refus)
            self.avertissements = portee
            return parametres

        self.modify_parameters(modifier_function=modifier)
        for avertissement in self.avertissements:
            warnings.warn(avertissement.en(), ReformeDebordeWarning, stacklevel=4)


def portee_du_mois(tax_benefit_system, chemin: str, period: str) -> tuple[str | None, dict]:
    """Where a value changed for `period` goes: the date it applies from (the start of the value in force, or the
    opening of the call in force where that is later, so that the earlier calls keep theirs), and the system's
    later values ({date: value}) given back after it, each later call's included (a value dated once, the six
    months' threshold, reached every later call). The rules of the call in force change, no other: a sweep's and
    the workshop's scope. (None, {}) where the parameter has no value by then."""
    parametre = trouver_parametre(tax_benefit_system.parameters, chemin, feuille=True)
    jour = dernier_jour(period)  # the day whose rules the period applies
    debut = next((v.instant_str for v in parametre.values_list if v.instant_str <= jour), None)
    if debut is None:
        return None, {}
    ouvertures = tax_benefit_system.parameters.calendrier.date_ouverture.values_list  # each call reads its rules
    debut = max([debut, *(o.instant_str for o in ouvertures if o.value is not None and o.instant_str <= jour)])
    plus_tard = {o.instant_str: parametre(o.instant_str) for o in ouvertures if o.value and o.instant_str > debut}
    plus_tard |= {v.instant_str: v.value for v in parametre.values_list if v.instant_str > debut}
    return str(debut), {str(jour): valeur for jour, valeur in sorted(plus_tard.items())}  # a reform's: InstantStr


def reforme_parametrique(baseline, changements: dict, nom: str = "reforme_parametrique") -> Reform:
    """A reform of `baseline` from `{path: {date: value}}`; raises ReformeInvalideError before changing anything
    (its `apply` checks every value first, on a copy of the parameters). A moved parameter's old path warns once,
    here, and is read as its new one."""
    if isinstance(changements, dict):
        changements = chemins_a_jour(changements)
    # The class (its name is the reform's `key`) named as a Python class may be: a combination's name, written from
    # its values before they are checked, may hold a NUL or a lone surrogate (a 500).
    cle = nom.encode("utf-8", "replace").decode("utf-8").replace("\x00", "?")
    classe = type(cle, (ReformeParametrique,), {"changements": changements, "name": nom})
    return classe(baseline)


def charger_changements(chemin: str | Path) -> dict:
    """`{path: {date: value}}` read from a YAML file, or a JSON file (`.json`, by JSON's grammar), by the rules of
    every entry point (see validation.fichiers: UTF-8, numbers and booleans as in JSON, no duplicate key, no
    alias)."""
    lire = lire_json if str(chemin).lower().endswith(".json") else lire_yaml
    changements = lire(chemin, "the reform file", ReformeInvalideError)
    if not isinstance(changements, dict):  # a CSV, or text, is one string: it was then taken for a reform's name
        raison = "it holds no mapping {parameter path: {date: value}}"
        details = {"quoi": "the reform file", "fichier": str(chemin), "raison": raison}
        raise ReformeInvalideError([Probleme("fichier_illisible", details)])
    return changements


def __getattr__(nom: str):
    """lire_reforme, moved beside the registry it reads (openfisca_gen.reforms) in 0.7.3, kept here until 0.9."""
    if nom == "lire_reforme":
        import importlib
        import warnings

        warnings.warn(
            "openfisca_gen.reforms.parametriques.lire_reforme moved to openfisca_gen.reforms.lire_reforme; the old "
            "name goes in 0.9",
            DeprecationWarning,
            stacklevel=2,
        )
        return importlib.import_module("openfisca_gen.reforms").lire_reforme  # by name: the registry imports this
    raise AttributeError(f"module 'openfisca_gen.reforms.parametriques' has no attribute '{nom}'")
