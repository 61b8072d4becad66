"""A situation in the web API's JSON shape, checked and read once: ids, groups, typed inputs, requested values.

Checks what OpenFisca lets through or answers with a 500: shapes (an object
of entities, of ids, of {period: value}), entity counts (at most `maximum` of
each, checked first), ids and the groups' members (an id OpenFisca would give
a training's own group must not be a declared group's), periods, value types
and ranges, the domain checks, unknown variables and variables of another
entity (the first `MAX_CHAMPS_INCONNUS` named, the others counted), and a
situation with no training.

Periods of an input: a month, a year, or several of them, starting on the
first of a month (a week, a day, a size of 0 or less, a month starting on the
12th never reach a calendar month: they are refused). A dossier's facts
(variables defined for ETERNITY) are given once, for any of those periods or
for ETERNITY; given for several periods, they must agree.
"""

from dataclasses import dataclass, field

import numpy
import pandas
from openfisca_core import periods
from openfisca_core.periods import DateUnit

from openfisca_gen.limites import MAX_CHAMPS_INCONNUS, MAX_MOIS_DEMANDES, MAX_MOIS_DONNES, MAX_PERIODES
from openfisca_gen.validation.domaine import (
    probleme_d_identifiant,
    problemes_de_bornes,
    problemes_de_dates,
    problemes_de_domaine,
)
from openfisca_gen.validation.erreurs import PeriodeInvalideError, Probleme, SituationInvalideError, suggestions
from openfisca_gen.validation.periodes import est_un_mois, lire_periode, un_mois
from openfisca_gen.validation.sorties import un_systeme
from openfisca_gen.validation.types import typer

UNITES_D_ENTREE = (DateUnit.MONTH, DateUnit.YEAR)
ETERNITE = "ETERNITY"


@dataclass
class SituationAnalysee:
    """What `analyser_situation` read: ids per entity, each training's group, the typed inputs, the requested
    values.

    `entrees` maps (variable, period) to (indices, typed values): a period as OpenFisca writes it, ETERNITY for
    a dossier's facts; `periodes_donnees` keeps the periods as given, for the month a request computes."""

    ids: dict = field(default_factory=dict)  # entity key -> list of ids
    groupes: dict = field(default_factory=dict)  # group key -> each training's group index
    entrees: dict = field(default_factory=dict)  # (variable, period) -> (indices, typed values)
    demandes: list = field(default_factory=list)  # (plural, id, index, variable, period text)
    periodes_donnees: list = field(default_factory=list)  # (variable, period text, is a fact, entity key, id)
    mois_demandes: set = field(default_factory=set)  # the distinct months values are asked for


def _entites(tax_benefit_system, situation, maximum, problemes) -> dict:
    """The entities of the situation, {plural: entity}, checked in shape and count before anything is read."""
    connues = {entite.plural: entite for entite in tax_benefit_system.entities}
    retenues = {}
    for pluriel, instances in situation.items():
        if pluriel not in connues:
            problemes.append(Probleme("entite_inconnue", {"nom": pluriel, "connues": list(connues)}, champ=pluriel))
        elif not isinstance(instances, dict):
            problemes.append(Probleme("entite_pas_un_objet", {"nom": pluriel}, champ=pluriel))
        elif maximum is not None and len(instances) > maximum:
            details = {"nom": pluriel, "nombre": len(instances), "maximum": maximum}
            problemes.append(Probleme("trop_d_instances", details, champ=pluriel))
        else:
            retenues[pluriel] = connues[pluriel]
    return retenues


@dataclass
class _Lecture:
    """What reading a situation accumulates: the analysis, the raw inputs by (variable, period), the problems."""

    tax_benefit_system: object
    formations: list
    analyse: SituationAnalysee = field(default_factory=SituationAnalysee)
    lues: dict = field(default_factory=dict)  # (variable, period) -> (indices, [(value, period text, id)])
    problemes: list = field(default_factory=list)
    mois_donnes: int = 0  # months covered by the distinct periods of the inputs (MAX_MOIS_DONNES)
    inconnus: int = 0  # fields named as no variable of their entity (MAX_CHAMPS_INCONNUS)

    def __post_init__(self):
        self.index_personnes = {identifiant: i for i, identifiant in enumerate(self.formations)}


def _membres(lecture, entite, identifiant, cle, membres, groupe) -> None:
    """Place the trainings listed under a group's role in `groupe` (each training's group index)."""
    ici = {"lieu": "champ", "entite": entite.key, "id": identifiant, "champ": cle}
    if not isinstance(membres, list) or not all(isinstance(m, str) for m in membres):
        lecture.problemes.append(Probleme("ids_de_formations_attendus", {"valeur": membres}, **ici))
        return
    position = groupe["index"][identifiant]
    for membre in membres:
        indice = lecture.index_personnes.get(membre)
        if indice is None:
            lecture.problemes.append(Probleme("formation_inconnue", {"membre": membre}, **ici))
        elif groupe["codes"][indice] >= 0:
            deja = groupe["ids"][groupe["codes"][indice]]
            lecture.problemes.append(
                Probleme("formation_deja_membre", {"membre": membre, "groupe": entite.key, "autre": deja}, **ici)
            )
        else:
            groupe["codes"][indice] = position


def probleme_de_periode(periode, texte: str, variable) -> tuple[str, dict] | None:
    """(key, values) of why an input cannot be given for `periode` (read from `texte`), or None."""
    eternelle = variable.definition_period == DateUnit.ETERNITY
    if periode.unit == DateUnit.ETERNITY:
        return None if eternelle else ("periode_trop_courte", {"unite": variable.definition_period, "texte": texte})
    if periode.unit not in UNITES_D_ENTREE:
        cle = "periode_d_un_fait" if eternelle else "periode_trop_courte"  # a day: "ETERNITY" left unsaid
        return cle, {"unite": variable.definition_period, "texte": texte}
    if periode.size < 1:
        return "periode_vide", {"texte": texte}
    if decalee(periode):
        return "periode_decalee", {"texte": texte}
    if not (eternelle or variable.set_input or (periode.unit, periode.size) == (variable.definition_period, 1)):
        # OpenFisca spreads over months only the inputs that say how (set_input): not a computed variable's
        return "periode_d_une_variable_calculee", {"unite": variable.definition_period, "texte": texte}
    return None


def decalee(periode) -> bool:
    """A month or a year from another day than the 1st (month:2015-08-20): OpenFisca writes it 2015-08, and
    computed it by its days where a value was asked for it, as that month elsewhere."""
    return periode.unit != DateUnit.ETERNITY and periode.start.day != 1


def _mois(periode) -> tuple[int, int]:
    """The first and last months a period covers, as month numbers."""
    debut = periode.start.year * 12 + periode.start.month - 1
    return debut, debut + periode.size_in_months - 1


def _chevauchements(periodes: list) -> list[list[str]]:
    """The pairs of overlapping periods among `periodes` (period, text), each pair once."""
    bornes = sorted((*_mois(periode), texte) for periode, texte in periodes)
    paires, fin, texte_fin = [], None, None
    for debut, dernier, texte in bornes:
        if fin is not None and debut <= fin:
            paires.append([texte_fin, texte])
        if fin is None or dernier > fin:
            fin, texte_fin = dernier, texte
    return paires


def _valeurs(lecture, entite, identifiant, indice, cle, valeurs) -> None:
    """Read one variable's {period: value} of an instance: requested values into `analyse.demandes`, inputs
    into `lues[(variable, period)]`."""
    analyse, variables = lecture.analyse, lecture.tax_benefit_system.variables
    variable = variables.get(cle)
    ici = {"lieu": "champ", "entite": entite.key, "id": identifiant, "champ": cle}
    if variable is None or variable.entity.key != entite.key:  # with every other problem (OpenFisca: the first)
        lecture.inconnus += 1
        if lecture.inconnus <= MAX_CHAMPS_INCONNUS:
            lecture.problemes.append(_champ_refuse(lecture, entite, cle, variable, ici))
        return
    if not isinstance(valeurs, dict):
        lecture.problemes.append(Probleme("objet_periodes_attendu", {"valeur": valeurs}, **ici))
        return
    if len(valeurs) > MAX_PERIODES:  # bounded work: thousands of periods would take seconds
        lecture.problemes.append(Probleme("trop_de_periodes", {"nombre": len(valeurs), "maximum": MAX_PERIODES}, **ici))
        return
    eternelle = variable.definition_period == DateUnit.ETERNITY
    donnees = []  # (period, text) of the values given: they may not overlap
    for texte, valeur in valeurs.items():
        periode, probleme = lire_periode(texte)
        if probleme:
            lecture.problemes.append(Probleme(*probleme, **ici))
        elif valeur is None:  # a computation is requested: one period of the variable (any, for a fact)
            if decalee(periode):
                lecture.problemes.append(Probleme("periode_decalee", {"texte": texte}, **ici))
            elif eternelle or (periode.unit, periode.size) == (variable.definition_period, 1):
                analyse.demandes.append((entite.plural, identifiant, indice, cle, texte))
            else:
                details = {"unite": variable.definition_period, "texte": texte}
                lecture.problemes.append(Probleme("periode_de_la_variable", details, **ici))
        elif probleme := probleme_de_periode(periode, texte, variable):
            lecture.problemes.append(Probleme(*probleme, **ici))
        else:
            donnees += [] if eternelle else [(periode, texte)]
            analyse.periodes_donnees.append((cle, texte, eternelle, entite.key, identifiant))
            lue = (cle, ETERNITE if eternelle else str(periode))
            lecture.mois_donnes += 0 if eternelle or lue in lecture.lues else periode.size_in_months
            indices, brutes = lecture.lues.setdefault(lue, ([], []))
            indices.append(indice)
            brutes.append((valeur, texte, identifiant))
    for paire in _chevauchements(donnees):  # which value holds would depend on the order of the keys
        lecture.problemes.append(Probleme("periodes_chevauchantes", {"textes": paire}, **ici))


def _champ_refuse(lecture, entite, cle, variable, ici: dict) -> Probleme:
    """A field that is no variable (with the name it may stand for, a role's among them: `formationss` under a
    structure), or a variable of another entity (with where it goes)."""
    if variable is not None:
        return Probleme(
            "variable_d_une_autre_entite", {"entite": variable.entity.key, "pluriel": variable.entity.plural}, **ici
        )
    roles = [cle_ for role in getattr(entite, "roles", ()) for cle_ in (role.key, role.plural)]
    return Probleme("variable_inconnue", suggestions([cle], [*lecture.tax_benefit_system.variables, *roles]), **ici)


def analyser_situation(tax_benefit_system, situation, maximum: int | None = None) -> SituationAnalysee:
    """Check a situation (the web API's JSON shape) and keep what was read; raise SituationInvalideError listing
    every problem, each naming the entity, the id, the field and the period."""
    un_systeme(tax_benefit_system)  # a reform's name or a population where the rules are expected: said, not crashed
    if not isinstance(situation, dict):
        raise SituationInvalideError([Probleme("situation_pas_un_objet")])
    problemes = []
    entites = _entites(tax_benefit_system, situation, maximum, problemes)
    if problemes:
        raise SituationInvalideError(problemes)
    personnes = tax_benefit_system.person_entity
    lecture = _Lecture(tax_benefit_system, list(situation.get(personnes.plural) or {}))
    analyse = lecture.analyse
    if not lecture.formations:  # with every other problem (OpenFisca's builder said it alone, then the rest)
        lecture.problemes.append(Probleme("aucune_formation", {}, "requete", champ=personnes.plural))
    analyse.ids[personnes.key] = lecture.formations
    for pluriel, entite in entites.items():
        _lire_entite(lecture, entite, situation[pluriel])
    for entite in tax_benefit_system.group_entities:
        if entite.plural not in entites:  # each training its own group, as OpenFisca does
            analyse.ids[entite.key] = lecture.formations
            analyse.groupes[entite.key] = numpy.arange(len(lecture.formations))
    if lecture.inconnus > MAX_CHAMPS_INCONNUS:
        details = {"nombre": lecture.inconnus - MAX_CHAMPS_INCONNUS, "maximum": MAX_CHAMPS_INCONNUS}
        lecture.problemes.append(Probleme("champs_inconnus_en_trop", details))
    if lecture.mois_donnes > MAX_MOIS_DONNES:
        details = {"nombre": lecture.mois_donnes, "maximum": MAX_MOIS_DONNES}
        lecture.problemes.append(Probleme("trop_de_mois_donnes", details))
    analyse.mois_demandes = mois_demandes(tax_benefit_system, analyse)
    if len(analyse.mois_demandes) > MAX_MOIS_DEMANDES:
        details = {"nombre": len(analyse.mois_demandes), "maximum": MAX_MOIS_DEMANDES}
        lecture.problemes.append(Probleme("trop_de_mois_demandes", details))
    _typer_entrees(tax_benefit_system, lecture.lues, analyse, lecture.problemes)
    if lecture.problemes:
        raise SituationInvalideError(lecture.problemes)
    return analyse


def mois_demandes(tax_benefit_system, analyse) -> set:
    """The distinct months a situation asks values for (a fact asked names none)."""
    variables = tax_benefit_system.variables
    return {texte for *_, nom, texte in analyse.demandes if variables[nom].definition_period != DateUnit.ETERNITY}


def _lire_entite(lecture, entite, instances: dict) -> None:
    """Read every instance of one entity: its id, its members (a group), its variables."""
    groupe = {
        "ids": list(instances),
        "index": {identifiant: i for i, identifiant in enumerate(instances)},
        "codes": numpy.full(len(lecture.formations), -1),
    }
    roles = {cle for role in getattr(entite, "roles", ()) for cle in (role.key, role.plural)}
    for indice, (identifiant, instance) in enumerate(instances.items()):
        probleme = probleme_d_identifiant(identifiant)
        if probleme:
            ici = {"lieu": "entite", "entite": entite.key, "id": identifiant, "champ": entite.plural}  # its key
            lecture.problemes.append(Probleme(*probleme, **ici))
        elif not isinstance(instance, dict):
            lecture.problemes.append(Probleme("objet_attendu", {}, "entite", entite.key, identifiant, entite.plural))
        else:
            for cle, valeurs in instance.items():
                if cle in roles:
                    _membres(lecture, entite, identifiant, cle, valeurs, groupe)
                else:
                    _valeurs(lecture, entite, identifiant, indice, cle, valeurs)
    if not entite.is_person:
        _completer_groupe(lecture, entite, groupe)


def _completer_groupe(lecture, entite, groupe) -> None:
    """Trainings listed in no group of this entity get their own, named after them, as OpenFisca does; such a
    name must not be a declared group's (the answer would give two groups one id)."""
    codes, formations = groupe["codes"], lecture.formations
    # A declared group no training is listed in: what it gives (a status) held for nobody, without a word. Not
    # said where no training is given at all, nor of a group already named (a role misspelt: `formationss`).
    vides = numpy.flatnonzero(numpy.bincount(codes[codes >= 0], minlength=len(groupe["ids"])) == 0)
    nommes = {p.id for p in lecture.problemes if p.entite == entite.key}
    for i in vides if len(formations) else ():
        if groupe["ids"][i] in nommes:
            continue
        details = {"groupe": entite.key, "role": entite.roles[0].plural}
        ici = {"lieu": "entite", "entite": entite.key, "id": groupe["ids"][i], "champ": entite.plural}
        lecture.problemes.append(Probleme("groupe_sans_formation", details, **ici))
    seules = numpy.flatnonzero(codes < 0)
    for i in seules:
        if formations[i] in groupe["index"]:
            details = {"groupe": entite.key, "nom": formations[i]}
            ici = {"lieu": "entite", "entite": entite.key, "id": formations[i], "champ": entite.plural}
            lecture.problemes.append(Probleme("id_automatique_pris", details, **ici))
    codes[seules] = len(groupe["ids"]) + numpy.arange(len(seules))
    lecture.analyse.ids[entite.key] = groupe["ids"] + [formations[i] for i in seules]
    lecture.analyse.groupes[entite.key] = codes


def _typer_entrees(tax_benefit_system, lues, analyse, problemes) -> None:
    """Type every input, variable by variable and period by period (a fact's periods together, which must
    agree), then run the domain checks on the trainings' numbers, row by (training, period)."""
    lignes = {}  # (period, variable) -> (indices, typed values, raw values) of the trainings' numeric inputs
    for (nom, periode), (indices, brutes) in lues.items():
        variable = tax_benefit_system.variables[nom]

        def placer(i, b=brutes, n=nom, v=variable):
            return {"lieu": "champ", "entite": v.entity.key, "id": b[i][2], "champ": n, "periode": b[i][1]}

        typees = typer([valeur for valeur, _, _ in brutes], variable, False, placer, problemes)
        if variable.formulas:  # an input standing for a formula: within the formula's domain, for every instance
            appels = nombre_d_appels(tax_benefit_system, periode)
            problemes += problemes_de_bornes(variable, typees, placer, appels)
            autres = numpy.setdiff1d(numpy.arange(len(analyse.ids[variable.entity.key])), indices)
            if len(autres):  # OpenFisca would give them the default, not their formula's value
                ids = [repr(str(analyse.ids[variable.entity.key][i])) for i in autres[:5]] + ["…"] * (len(autres) > 5)
                details = {"ids": ids, "nombre": len(autres), "defaut": variable.default_value}
                problemes.append(Probleme("calcul_partiel", details, **placer(0)))
        indices = numpy.array(indices, dtype=int)
        if periode == ETERNITE:
            indices, typees, brutes = _un_fait_par_instance(indices, typees, brutes, placer, problemes)
        analyse.entrees[(nom, periode)] = (indices, typees)
        if variable.entity.is_person and variable.value_type in (int, float):
            lignes[(periode, nom)] = (indices, typees, brutes)
    par_periode = {}
    for (periode, nom), contenu in lignes.items():
        par_periode.setdefault(periode, {})[nom] = contenu
    faits = par_periode.pop(ETERNITE, {})
    ids = analyse.ids[tax_benefit_system.person_entity.key]
    for contenus in par_periode.values() or [{}]:
        _verifier_le_domaine({**faits, **contenus}, ids, problemes)
    jours = [analyse.entrees.get((nom, ETERNITE)) for nom in ("date_depot_dossier", "date_decision_comite")]
    if None not in jours:  # both facts given: a decision cannot precede its dossier
        depots, decisions = (numpy.full(len(ids), numpy.datetime64("NaT"), "datetime64[D]") for _ in jours)
        for tableau, (indices, typees) in zip((depots, decisions), jours, strict=True):
            tableau[indices] = typees

        def placer(i):
            return {"lieu": "champ", "entite": "formation", "id": ids[i], "champ": "date_decision_comite"}

        problemes += problemes_de_dates(depots, decisions, placer)


def nombre_d_appels(tax_benefit_system, periode: str) -> int:
    """How many calls have opened by the end of `periode` (ETERNITY: all; three under the law)."""
    fin = "9999-12-31" if periode == ETERNITE else str(periods.period(periode).stop)
    ouvertures = tax_benefit_system.parameters.calendrier.date_ouverture.values_list
    return sum(valeur.value is not None and valeur.value <= fin for valeur in ouvertures)


def _un_fait_par_instance(indices, typees, brutes, placer, problemes):
    """A fact given for several periods: one value per instance, where they agree; a problem where not."""
    if (indices[1:] > indices[:-1]).all():  # given once for each instance, in order (the usual): nothing to do
        return indices, typees, brutes
    ordre = numpy.argsort(indices, kind="stable")
    indices, typees, brutes = indices[ordre], typees[ordre], [brutes[i] for i in ordre]
    premiers = numpy.concatenate([[True], indices[1:] != indices[:-1]])
    if not premiers.all():
        du_premier = typees[numpy.maximum.accumulate(numpy.where(premiers, numpy.arange(len(indices)), 0))]
        deja_nommes = numpy.asarray(pandas.isna(typees)) | numpy.asarray(pandas.isna(du_premier))  # bad: already named
        differe = ~premiers & ~deja_nommes & (typees != du_premier)
        for i in numpy.flatnonzero(differe):
            autres = [texte for j, (_, texte, _) in enumerate(brutes) if indices[j] == indices[i]]
            problemes.append(Probleme("faits_differents", {"periodes": autres}, **{**placer(i), "periode": None}))
    return indices[premiers], typees[premiers], [b for b, premier in zip(brutes, premiers, strict=True) if premier]


def _verifier_le_domaine(contenus: dict, ids, problemes) -> None:
    """The domain checks of one period's numbers (the facts included), one row per training."""
    if not contenus:
        return
    taille = len(ids)
    colonnes, textes = {}, {}
    for nom, (indices, typees, brutes) in contenus.items():
        colonnes[nom] = numpy.full(taille, numpy.nan)
        colonnes[nom][indices] = typees
        for indice, (_, texte, _) in zip(indices, brutes, strict=True):
            textes.setdefault((indice, nom), texte)
    donnes = numpy.zeros(taille, bool)
    donnes[contenus["nombre_apprenants"][0] if "nombre_apprenants" in contenus else []] = True

    def placer(i, champ):
        return {"lieu": "champ", "entite": "formation", "id": ids[i], "champ": champ, "periode": textes[(i, champ)]}

    problemes += problemes_de_domaine(colonnes, placer, donnes)


def valider_situation(tax_benefit_system, situation, formations_max: int | None = None) -> list[str]:
    """Everything wrong with a web-API situation, each message naming the entity, the id, the field and the
    period; [] when it is valid. `formations_max` bounds the count of every entity."""
    try:
        analyser_situation(tax_benefit_system, situation, formations_max)
    except SituationInvalideError as erreur:
        return erreur.erreurs
    return []


def mois_donne(corps: dict) -> str:
    """The month a request's `period` gives, checked, its problems placed under 'period'."""
    try:
        return un_mois(corps["period"])
    except PeriodeInvalideError as erreur:
        raise erreur.dans("period") from None


def mois_calcule(corps: dict, analyse: SituationAnalysee) -> str:
    """The month a request `{"situation": …, "period": …}` computes: `period` if given, else the one month the
    situation names: by its requests, its monthly inputs and the facts it gives for a month (a fact given for a
    year or for ever names none: it holds in every month). Two months, or a request or monthly input for a year,
    leave `period` to say which. Refused when a monthly input is given for a period that does not contain that
    month (it would be ignored without a word); a dossier's facts hold in every month."""
    if "period" in corps:
        mois = mois_donne(corps)
    else:
        ecrites = [(texte, fait) for _, texte, fait, *_ in analyse.periodes_donnees]
        ecrites += [(demande[4], False) for demande in analyse.demandes]
        lues = {(str(p), fait) for texte, fait in ecrites if (p := lire_periode(texte)[0]) is not None}
        lues = {(texte, fait) for texte, fait in lues if texte != ETERNITE}  # (a fact's key may be 'eternity')
        nommes = {texte for texte, fait in lues if not fait or est_un_mois(texte)}
        if len(nommes) != 1 or not est_un_mois(next(iter(nommes))):
            textes = sorted(nommes or {texte for texte, _ in lues})
            cle = "periode_a_preciser" if textes else "periode_manquante"
            raise PeriodeInvalideError([Probleme(cle, {"textes": textes}, "requete", champ="period")])
        mois = nommes.pop()
    periode = periods.period(mois)
    hors = [
        Probleme("entree_hors_periode", {"mois": mois}, "champ", entite, id_, variable, texte, contexte="situation")
        for variable, texte, fait, entite, id_ in analyse.periodes_donnees
        if not fait and not periods.period(texte).contains(periode)
    ]
    if hors:
        raise PeriodeInvalideError(hors)
    return mois
