"""Why a training is or is not eligible: its call, the failed conditions, their sources, the values that failed them.

    from openfisca_gen.explication import expliquer
    expliquer(tax_benefit_system, situation, "2015-10")

The situation is checked as the web API checks it, and simulated once, from
its validated arrays (`openfisca_gen.simulation`). The inputs and parameters
behind each condition come from OpenFisca's tracer: the explanation shows
what the formulas actually read, not a list kept by hand.
"""

import dataclasses
import math
from datetime import date

import numpy
from openfisca_core import periods
from openfisca_core.indexed_enums import EnumArray

from openfisca_gen.helpers import conditions_applicables, regles_des_appels
from openfisca_gen.interpretations import depends_on_interpretations
from openfisca_gen.population import SANS_DEFAUT_NEUTRE, appels_des_colonnes
from openfisca_gen.simulation import construire_simulation, verifier_campagnes
from openfisca_gen.sources import textes_des_references
from openfisca_gen.validation import analyser_situation, mois_calcule, trouver_parametre, un_mois

RESULTATS = ("eligible_labellisation", "labellisee", "financement_amorcage")
LECTURES = (
    "appel_du_dossier",
    "decision_comite_labellisation",
    "decision_comite_retenue",
    "decision_comite_ecartee",
    "label_decide_apres_dissolution",
    "eligible_financement_amorcage",
    "subvention_amorcage_non_reconduite",
    "financements_droit_commun_obtenus",
)


def _en_json(valeur):
    """A numpy scalar, date or Enum as a JSON value."""
    if isinstance(valeur, numpy.generic):
        valeur = valeur.item()
    if isinstance(valeur, float):  # strict JSON: an unbounded value (no ceiling known) is null
        return round(valeur, 6) if math.isfinite(valeur) else None
    if isinstance(valeur, date):
        return valeur.isoformat()
    return getattr(valeur, "name", valeur)


def valeur_json(tableau, indice):
    """Element `indice` of a computed array as a JSON value (an Enum by its name, a date as text)."""
    if isinstance(tableau, EnumArray):
        return tableau.decode()[indice].name
    if numpy.issubdtype(tableau.dtype, numpy.datetime64):
        return str(tableau[indice])
    return _en_json(tableau[indice])


def _noeud(simulation, variable, periode):
    return next(n for n in simulation.tracer.browse_trace() if n.name == variable and n.period == periode)


def _lectures(simulation, noeud, indice, instant: str) -> tuple[dict, dict]:
    """The input variables and the parameters a computation read below its trace node, the parameters
    those of the rules in force on `instant` (the opening day of the dossier's call)."""
    entrees, parametres, a_voir = {}, {}, [noeud]
    if [enfant.name for enfant in noeud.children] != ["appel_du_dossier"]:
        # The dossier's call selects the rules every condition reads; it is explained once, under "call",
        # and detailed only for the condition that reads nothing else (dossier_depose_dans_les_delais).
        noeud = dataclasses.replace(noeud, children=[e for e in noeud.children if e.name != "appel_du_dossier"])
        a_voir = [noeud]
    while a_voir:
        courant = a_voir.pop()
        for parametre in courant.parameters:
            if str(parametre.period) != instant:  # another call's rules, read for other dossiers
                continue
            valeur = parametre.value
            if isinstance(valeur, list) or numpy.ndim(valeur) == 0:  # not a vectorial lookup
                parametres[parametre.name] = valeur if isinstance(valeur, list) else _en_json(valeur)
        for enfant in courant.children:
            if simulation.tax_benefit_system.variables[enfant.name].formulas:
                a_voir.append(_noeud(simulation, enfant.name, enfant.period))  # where it was computed, not cached
            else:
                population = simulation.get_variable_population(enfant.name)
                # a group input (a structure's status) is shown for the training's group
                position = indice if population.entity.is_person else population.members_entity_id[indice]
                entrees[enfant.name] = valeur_json(enfant.value, position)
    return entrees, parametres


def _appel(calendrier) -> dict:
    return {"date_ouverture": calendrier.date_ouverture, "dates_limites_depot": list(calendrier.dates_limites_depot)}


def appel_en_vigueur(tax_benefit_system, period) -> dict | None:
    """The latest call launched by the end of a month: its opening day and deadlines; None before the first call."""
    regles = tax_benefit_system.get_parameters_at_instant(periods.period(period).stop)  # the latest call launched
    calendrier = getattr(regles, "calendrier", None)
    if calendrier is None or "date_ouverture" not in calendrier:
        return None
    return _appel(calendrier)


def _source_de_la_valeur(simulation, nom: str, instant: str) -> list[str]:
    """The text of a parameter's value in force on `instant` where the value has its own (a later call's, from
    another text than the rule's first): the second call's deadlines are not in the 2015 press release."""
    parametre = trouver_parametre(simulation.tax_benefit_system.parameters, nom)
    valeur = next((v for v in parametre.values_list if v.instant_str <= instant), None)
    propre = (getattr(valeur, "metadata", None) or {}).get("reference")
    return [] if propre == parametre.metadata.get("reference") else textes_des_references(propre)  # else inherited


def _echec(simulation, nom, raison, valeurs, indice, periode, instant) -> dict:
    """A failed condition: its label, source, why it applies, and the values that failed it."""
    variable = simulation.tax_benefit_system.variables[nom]
    if variable.formulas:
        entrees, parametres = _lectures(simulation, _noeud(simulation, nom, periode), indice, instant)
    else:  # the condition is itself an input (a commitment such as formation_gratuite)
        entrees, parametres = {nom: valeur_json(valeurs, indice)}, {}
    reference = variable.reference if isinstance(variable.reference, list) else [variable.reference]
    propres = [texte for nom_ in parametres for texte in _source_de_la_valeur(simulation, nom_, instant)]
    return {
        "condition": nom,
        "label": variable.label,
        "reference": list(dict.fromkeys([*propres, *reference])),
        "applicable_because": raison,
        "inputs": entrees,
        "parameters": parametres,
    }


def decision_ecartee(resultats: dict, indice: int) -> dict | None:
    """The committee's decision set aside, and why (`cause`): a label needs eligibility; and no label can be
    decided from the day of the arrêté dissolving the GIP. None where it is not."""
    if resultats["decision_comite_ecartee"][indice]:
        raison = "the committee's decision is set aside: a label needs eligibility"
        return {"decision": "labellisee", "cause": "not_eligible", "reason": raison}
    decision = valeur_json(resultats["decision_comite_labellisation"], indice)
    retenue = resultats["eligible_labellisation"][indice] and resultats["decision_comite_retenue"][indice]
    retenue = retenue and not resultats["labellisee"][indice]  # labellisee given as an input keeps it
    if retenue and resultats["label_decide_apres_dissolution"][indice]:
        raison = "the committee's decision is dated from the arrêté dissolving the GIP, after which no label is granted"
        return {"decision": decision, "cause": "after_dissolution", "reason": raison}
    return None


FIN_PAR_LE_DROIT_COMMUN = "interpretations.financements_droit_commun_mettent_fin_a_l_amorcage"


def financement_retenu(simulation, resultats: dict, indice: int, periode, instant) -> list[dict]:
    """Why an eligible training gets no seed funding, each cause as a failed condition is given (its variable,
    label, reference, inputs and parameters): the committee did not label it; labelled at an earlier call, its
    grant is not renewed; it has obtained common-law funding, which ends the seed funding under its call's
    reading. None where the cause is no rule's (eligible_financement_amorcage given as an input); a label decided
    after the GIP's dissolution is `decision_set_aside`'s; a budget of 0 € is no cause."""
    eligible, finance = resultats["eligible_labellisation"][indice], resultats["financement_amorcage"][indice] > 0
    if not eligible or finance or resultats["eligible_financement_amorcage"][indice]:  # paid (an amount given too)
        return []
    fin = trouver_parametre(simulation.tax_benefit_system.parameters, FIN_PAR_LE_DROIT_COMMUN)(instant)
    causes = [
        nom
        for nom, cause in (
            ("decision_comite_retenue", not resultats["decision_comite_retenue"][indice]),
            ("subvention_amorcage_non_reconduite", resultats["subvention_amorcage_non_reconduite"][indice]),
            ("financements_droit_commun_obtenus", resultats["financements_droit_commun_obtenus"][indice] and fin),
        )
        if cause
    ]
    retenues = [_echec(simulation, nom, None, resultats[nom], indice, periode, instant) for nom in causes]
    for retenue in retenues:
        del retenue["applicable_because"]
        if retenue["condition"] == "financements_droit_commun_obtenus":  # an input, ending the funding by a reading
            retenue["parameters"] = {FIN_PAR_LE_DROIT_COMMUN: fin}
    return retenues


def _faits_donnes(analyse) -> dict[str, set]:
    """Per training's id, the variables the situation gives it a value (a request, `{}` or `null`, gives none: it
    is computed at its default), its structure's included (a structure status), as the validation read them."""
    donnees = {}
    for variable, _, _, entite, ident in analyse.periodes_donnees:
        donnees.setdefault((entite, str(ident)), set()).add(variable)
    structures, codes = analyse.ids.get("structure", []), analyse.groupes.get("structure")
    return {
        str(ident): donnees.get(("formation", str(ident)), set())
        | (donnees.get(("structure", str(structures[codes[i]])), set()) if codes is not None else set())
        for i, ident in enumerate(analyse.ids.get("formation", []))
    }


def _non_donnes(donnes: set, appel: int, lues: dict) -> list[str]:
    """The facts of a dossier its call reads whose default is no fact (0 €, a filing in 1970) that the situation
    leaves out: taken at that default, an undecided training of no budget was « labelled, 0 € » without a word. A
    dossier of no call: its filing date. `lues`: the calls that read each input (`appels_des_colonnes`)."""
    lus = {nom for nom, appels in lues.items() if appel in appels} if appel else {"date_depot_dossier"}
    return [nom for nom in SANS_DEFAUT_NEUTRE if nom in lus and nom not in donnes]


def expliquer(tax_benefit_system, situation: dict, period: str, analyse=None, avec_simulation: bool = False):
    """For each training: the call whose rules judged it, eligibility, label, funding, a committee decision
    set aside, and each applicable condition that failed, with its label, legal reference, the parameter
    that makes it apply, and the inputs and parameters it read. The situation and the month are checked first
    (a SituationInvalideError lists every problem); `analyse`: the situation already checked. With
    `avec_simulation`, (the explanation, the simulation it was read from)."""
    if analyse is None:  # the situation and its month checked here, as /explain checks them before calling
        analyse = analyser_situation(tax_benefit_system, situation)
        period = mois_calcule({"period": period}, analyse)
    periode = periods.period(un_mois(period))
    simulation = construire_simulation(tax_benefit_system, situation, analyse)
    simulation.trace = True  # before anything is computed: the explanation reads what the formulas read
    verifier_campagnes(simulation, str(periode))
    resultats = {nom: simulation.calculate(nom, periode) for nom in RESULTATS + LECTURES}
    regles = regles_des_appels(simulation.persons, periode, tax_benefit_system.get_parameters_at_instant)
    # Each call's applicable conditions; a dossier of no call is explained under the call in force.
    conditions = [conditions_applicables(regles_appel, regles[0]) for regles_appel in regles]
    valeurs = {nom: simulation.calculate(nom, periode) for applicables in conditions for nom in applicables}
    formations, donnes, lues = {}, _faits_donnes(analyse), appels_des_colonnes(tax_benefit_system)
    for indice, identifiant in enumerate(simulation.persons.ids):
        appel = int(resultats["appel_du_dossier"][indice])
        explication = {nom: valeur_json(resultats[nom], indice) for nom in RESULTATS}
        explication["not_given"] = _non_donnes(donnes.get(str(identifiant), set()), appel, lues)
        explication["call"] = {"numero": appel, **_appel(regles[appel - 1].calendrier)} if appel else None
        explication["decision_set_aside"] = decision_ecartee(resultats, indice)
        explication["failed_conditions"], explication["funding_withheld"] = [], []
        if regles:
            numero = appel or len(regles)
            instant = regles[numero - 1].calendrier.date_ouverture
            explication["failed_conditions"] = [
                _echec(simulation, nom, raison, valeurs[nom], indice, periode, instant)
                for nom, raison in conditions[numero - 1].items()
                if not valeurs[nom][indice]
            ]
            explication["funding_withheld"] = financement_retenu(simulation, resultats, indice, periode, instant)
        formations[str(identifiant)] = explication
    # The readings of the texts which, switched alone, change a training's eligibility or funding; the modelling
    # conventions (not readings, not doubts) its answer rests on, apart.
    noeuds = ("interpretations", "conventions")
    dependances = depends_on_interpretations(tax_benefit_system, situation, periode, analyse, noeuds)
    for explication, noms in zip(formations.values(), dependances, strict=True):
        explication["depends_on_interpretations"] = [nom for nom in noms if not nom.startswith("conventions.")]
        explication["conventions"] = [
            nom.removeprefix("conventions.") for nom in noms if nom.startswith("conventions.")
        ]
    appel = appel_en_vigueur(tax_benefit_system, periode)
    explication = {
        "period": str(periode),
        "call": appel,
        "note": None if appel else f"No call had been launched by the end of {periode}: no rule applies.",
        "formations": formations,
    }
    return (explication, simulation) if avec_simulation else explication
