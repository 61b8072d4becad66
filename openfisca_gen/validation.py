"""Domain checks on input values, shared by population tables and the web API.

OpenFisca checks types; these checks catch values of the right type that
would give a silently wrong number: a negative budget or count, a count of
women (or of any group) above the number of learners, a duration of zero or
less. Every message names the training (row) and the field.

`valider_situation` checks a situation in the web API's JSON shape; the web
server runs it before OpenFisca sees a request, and `construire_simulation`
runs it for Python users before building the simulation.
"""

import copy
import functools
from datetime import date

import numpy
from openfisca_core import periods
from openfisca_core.indexed_enums import Enum
from openfisca_core.simulation_builder import SimulationBuilder

NON_NEGATIFS = (
    "budget_session",
    "nombre_apprenants",
    "nombre_femmes",
    "nombre_jeunes_neet_peu_qualifies",
    "nombre_residents_qpv",
    "nombre_residents_zrr",
    "nombre_demandeurs_emploi_peu_qualifies",
    "nombre_apprenants_niveau_bac_ou_infra",
)
PARTIES_DES_APPRENANTS = NON_NEGATIFS[2:]
STRICTEMENT_POSITIFS = ("duree_formation_mois",)


def erreurs_de_domaine(colonnes: dict, libelle) -> list[str]:
    """One message per bad value. `colonnes` maps a variable to a numeric array (NaN where not given);
    `libelle(i)` names row i (a training, a line of a file), called for bad rows only."""
    erreurs = []

    def signaler(masque, champ, raison):
        for i in numpy.flatnonzero(masque):
            erreurs.append(f"{libelle(i)}, field '{champ}': {raison(i)}")

    for champ in NON_NEGATIFS:
        if champ in colonnes:
            valeurs = colonnes[champ]
            signaler(valeurs < 0, champ, lambda i, v=valeurs: f"must be >= 0, got {v[i]:g}")
    for champ in STRICTEMENT_POSITIFS:
        if champ in colonnes:
            valeurs = colonnes[champ]
            signaler(valeurs <= 0, champ, lambda i, v=valeurs: f"must be > 0, got {v[i]:g}")
    if "nombre_apprenants" in colonnes:
        apprenants = colonnes["nombre_apprenants"]
        for champ in PARTIES_DES_APPRENANTS:
            if champ in colonnes:
                valeurs = colonnes[champ]
                signaler(
                    valeurs > apprenants,
                    champ,
                    lambda i, v=valeurs: f"{v[i]:g} is more than nombre_apprenants ({apprenants[i]:g})",
                )
    return erreurs


FLOAT32_MAX = float(numpy.finfo(numpy.float32).max)
INT32 = numpy.iinfo(numpy.int32)


def erreur_de_type(variable, valeur) -> str | None:
    """Why `valeur` cannot be an input of `variable` (JSON types), or None."""
    type_ = variable.value_type
    if type_ is bool:
        return None if isinstance(valeur, bool) else f"expects true or false, got {valeur!r}"
    if type_ in (int, float):
        if isinstance(valeur, bool) or not isinstance(valeur, int | float):
            return f"expects a number, got {valeur!r}"
        if type_ is int and not (float(valeur).is_integer() and INT32.min <= valeur <= INT32.max):
            return f"expects a whole number within ±{INT32.max}, got {valeur!r}"
        if type_ is float and not abs(valeur) <= FLOAT32_MAX:
            return f"expects a finite number within ±{FLOAT32_MAX:.3g}, got {valeur!r}"
        return None
    if type_ is date:
        try:
            date.fromisoformat(valeur)
        except (TypeError, ValueError):
            return f"expects a date YYYY-MM-DD, got {valeur!r}"
        return None
    if type_ is Enum:
        noms = [membre.name for membre in variable.possible_values]
        return None if valeur in noms else f"expects one of {', '.join(noms)}, got {valeur!r}"
    return None if isinstance(valeur, str) else f"expects a string, got {valeur!r}"


@functools.lru_cache(maxsize=4096)
def unite_de_periode(texte):
    """(unit, size) of a period string, such as ('month', 1); None if it is not a period. Memoised: a
    request repeats the same few periods for every value, and OpenFisca's parser takes tens of microseconds."""
    try:
        periode = periods.period(texte)
    except (ValueError, TypeError, AttributeError):
        return None
    return periode.unit, periode.size


def valider_situation(tax_benefit_system, situation, formations_max: int | None = None) -> list[str]:
    """Everything wrong with a web-API situation, each message naming the entity, the id and the field.

    Checks what OpenFisca lets through or answers with a 500: shapes (an
    object of entities, of ids, of {period: value}), group members, periods,
    requested periods that do not match the variable's, value types and
    ranges, and the domain checks above. Unknown variables and variables on
    the wrong entity are left to OpenFisca, which names them (404, 400).
    """
    if not isinstance(situation, dict):
        return ["the situation must be a JSON object {entity plural: {id: {variable: {period: value}}}}"]
    entites = {entite.plural: entite for entite in tax_benefit_system.entities}
    erreurs = [
        f"unknown entity '{cle}'; expected one of {', '.join(entites)}" for cle in situation if cle not in entites
    ]
    formations = situation.get("formations", {})
    if not isinstance(formations, dict):
        return [*erreurs, "'formations' must be an object {id: {variable: {period: value}}}"]
    if formations_max is not None and len(formations) > formations_max:
        return [*erreurs, f"too many trainings: {len(formations)}, at most {formations_max} per request"]
    lignes = {}  # (training, period) -> {field: value}, for the domain checks
    for pluriel, instances in situation.items():
        entite = entites.get(pluriel)
        if entite is None:
            continue
        if not isinstance(instances, dict):
            erreurs.append(f"'{pluriel}' must be an object {{id: {{...}}}}")
            continue
        roles = {cle for role in getattr(entite, "roles", ()) for cle in (role.key, role.plural)}
        membres = {}
        for identifiant, instance in instances.items():
            ici = f"{entite.key} '{identifiant}'"
            if not isinstance(instance, dict):
                erreurs.append(f"{ici} must be an object {{variable: {{period: value}}}}")
                continue
            for cle, valeur in instance.items():
                if cle in roles:
                    if not isinstance(valeur, list) or not all(isinstance(m, str) for m in valeur):
                        erreurs.append(f"{ici}, field '{cle}': expects a list of formation ids, got {valeur!r}")
                        continue
                    for membre in valeur:
                        if membre not in formations:
                            erreurs.append(f"{ici}, field '{cle}': unknown formation '{membre}'")
                        elif membre in membres:
                            erreurs.append(
                                f"{ici}, field '{cle}': formation '{membre}' is already in {membres[membre]}"
                            )
                        membres[membre] = ici
                    continue
                variable = tax_benefit_system.variables.get(cle)
                if variable is None or variable.entity.key != entite.key:
                    continue
                if not isinstance(valeur, dict):
                    erreurs.append(f"{ici}, field '{cle}': expects an object {{period: value}}, got {valeur!r}")
                    continue
                for periode, valeur_periode in valeur.items():
                    unite = unite_de_periode(periode)
                    if unite is None:
                        erreurs.append(f"{ici}, field '{cle}': '{periode}' is not a period (e.g. 2015-10, 2015)")
                        continue
                    if valeur_periode is None:  # a computation is requested: exactly one period of the variable
                        if unite != (variable.definition_period, 1):
                            erreurs.append(
                                f"{ici}, field '{cle}': is defined by {variable.definition_period}, "
                                f"request a period such as 2015-10, not '{periode}'"
                            )
                        continue
                    probleme = erreur_de_type(variable, valeur_periode)
                    if probleme:
                        erreurs.append(f"{ici}, field '{cle}' ({periode}): {probleme}")
                    elif entite.is_person and variable.value_type in (int, float):
                        lignes.setdefault((identifiant, periode), {})[cle] = float(valeur_periode)
    if lignes:
        cles = list(lignes)
        colonnes = {
            champ: numpy.array([lignes[c].get(champ, numpy.nan) for c in cles])
            for champ in {champ for valeurs in lignes.values() for champ in valeurs}
        }
        erreurs += erreurs_de_domaine(colonnes, lambda i: f"formation '{cles[i][0]}' ({cles[i][1]})")
    return erreurs


class SituationInvalideError(ValueError):
    """A situation that fails `valider_situation`; `erreurs` lists every problem, each naming its field."""

    def __init__(self, erreurs: list[str]) -> None:
        self.erreurs = erreurs
        super().__init__("\n".join(erreurs))


def construire_simulation(tax_benefit_system, situation: dict):
    """An OpenFisca simulation of a situation (the web API's JSON shape), checked as the web server checks it.

    Raises SituationInvalideError where OpenFisca's SimulationBuilder would
    accept a wrong value silently or fail obscurely."""
    erreurs = valider_situation(tax_benefit_system, situation)
    if erreurs:
        raise SituationInvalideError(erreurs)
    return SimulationBuilder().build_from_entities(tax_benefit_system, copy.deepcopy(situation))
