"""Domain checks on input values, shared by population tables and the web API.

OpenFisca checks types; these checks catch values of the right type that
would give a silently wrong number: a negative budget or count, a count of
women (or of any group) above the number of learners, a duration of zero or
less. Every message names the training (row) and the field.
"""

import numpy

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
