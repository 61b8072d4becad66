"""Each failed condition as what the training would need: "La formation doit durer au moins 3 mois : elle en dure 2."

The values are those `explication.expliquer` traced for this dossier: the
inputs the condition read and the parameters of its call, each threshold
written with its unit (the parameter's `unit`). A condition the model gains
later, with no sentence here, is said by its own label and the values it read.
"""

from openfisca_gen.pages.francais import (
    date_lisible,
    euros,
    nombre,
    periode_lisible,
    pourcent,
    pourcent_pres_du_seuil,
    pres_du_seuil,
)
from openfisca_gen.validation import trouver_parametre

UNITES = {"month": "mois", "person": "personnes"}


def avec_unite(valeur, unite: str | None) -> str:
    """A threshold with its unit: 3 mois, 30 %, 70 000 €, 10 personnes."""
    if unite == "/1":
        return pourcent(valeur)
    if unite == "currency-EUR":
        return euros(valeur)
    return f"{nombre(valeur)} {UNITES[unite]}" if unite in UNITES else nombre(valeur)


def _unite(systeme, chemin: str):
    return trouver_parametre(systeme.parameters, chemin).metadata.get("unit")


def _seuil(systeme, parametres: dict, chemin: str) -> str:
    return avec_unite(parametres[chemin], _unite(systeme, chemin))


def _delais(e, p, systeme):
    limites = p["calendrier.dates_limites_depot"]
    return (
        f"Le dossier doit être déposé {periode_lisible(p['calendrier.date_ouverture'], max(limites))} : il l'a "
        f"été le {date_lisible(e['date_depot_dossier'])}."
    )


def _duree(e, p, systeme):
    """Which bound failed is decided on the exact duration (`phrase`'s `exactes`), and the duration is written so
    that it does not read as the bound: "au moins 3 mois : elle en dure 2,9999999999"."""
    duree, cle = e["duree_formation_mois"], "labellisation.duree_formation."
    minimum = cle + "minimum_mois"
    if duree < p[minimum]:
        return (
            f"La formation doit durer au moins {_seuil(systeme, p, minimum)} : elle en dure "
            f"{pres_du_seuil(duree, p[minimum])}."
        )
    maximum = cle + (
        "maximum_mois_selon_le_ministre"
        if p.get("interpretations.duree_maximale_selon_le_ministre")
        else "maximum_mois"
    )
    return (
        f"La formation doit durer au plus {_seuil(systeme, p, maximum)} : elle en dure "
        f"{pres_du_seuil(duree, p[maximum])}."
    )


def _metier(e, p, systeme):
    membre = systeme.variables["metier_vise"].possible_values.__members__.get(e["metier_vise"])
    return (
        f"La formation doit préparer à un métier du numérique : « {membre.value if membre else e['metier_vise']} » "
        "n'en est pas un."
    )


def _statut(e, p, systeme):
    membre = systeme.variables["statut_structure"].possible_values.__members__.get(e["statut_structure"])
    return (
        f"Le statut de la structure (« {membre.value if membre else e['statut_structure']} ») n'est pas éligible "
        "à cet appel."
    )


def _effectif(e, p, systeme):
    cle = "labellisation.effectif_minimal_demandeurs_emploi_peu_qualifies"
    return (
        f"Chaque session doit accueillir au moins {_seuil(systeme, p, cle)} en recherche d'emploi, peu ou pas "
        f"qualifiées : la vôtre en accueille {nombre(e['nombre_demandeurs_emploi_peu_qualifies'])}."
    )


def _part(qui: str, compte: str):
    def phrase(e, p, systeme):
        chemin = next(c for c in p if c.startswith("publics_cibles."))
        apprenants = e.get("nombre_apprenants") or 0
        part = e.get(compte, 0) / apprenants if apprenants else 0
        return (
            f"La session doit compter au moins {_seuil(systeme, p, chemin)} de {qui} : elle en compte "
            f"{pourcent_pres_du_seuil(part, p[chemin])}."
        )

    return phrase


PHRASES = {
    "dossier_depose_dans_les_delais": _delais,
    "duree_formation_eligible": _duree,
    "formation_metier_numerique": _metier,
    "statut_structure_eligible": _statut,
    "effectif_demandeurs_emploi_peu_qualifies_suffisant": _effectif,
    "formation_gratuite": lambda e, p, s: "La formation doit être gratuite pour les apprenants : elle ne l'est pas.",
    "sans_prerequis_academique": lambda e, p, s: (
        "La formation ne doit exiger ni diplôme ni niveau d'études : elle en exige."
    ),
    "pedagogie_innovante": lambda e, p, s: (
        "La formation doit s'engager sur une pédagogie innovante : elle ne s'y engage pas."
    ),
    "non_labellisee_lors_des_appels_precedents": lambda e, p, s: (
        "La formation ne doit pas avoir été labellisée lors d'un appel précédent : elle l'a été."
    ),
    "part_femmes_suffisante": _part("femmes", "nombre_femmes"),
    "part_jeunes_neet_peu_qualifies_suffisante": _part("jeunes peu qualifiés", "nombre_jeunes_neet_peu_qualifies"),
}


def _valeur_lisible(systeme, nom: str, valeur) -> str:
    variable = systeme.variables.get(nom)
    membres = getattr(getattr(variable, "possible_values", None), "__members__", {})
    if valeur in membres:
        return membres[valeur].value
    return nombre(valeur) if not isinstance(valeur, str) else valeur


def phrase(systeme, echec: dict, exactes: dict | None = None) -> str:
    """What the training would need to meet a failed condition (`expliquer`'s `failed_conditions` item).
    `exactes`: the inputs' exact values where known (`expliquer` rounds a number to 6 decimals, as JSON answers
    do: 2.9999999999 months would read as 3, and fail neither bound)."""
    entrees, parametres = echec["inputs"], echec["parameters"]
    entrees = {nom: (exactes or {}).get(nom, valeur) for nom, valeur in entrees.items()}
    try:
        return PHRASES[echec["condition"]](entrees, parametres, systeme)
    except (KeyError, StopIteration, TypeError, ValueError):  # a condition (or values) this page does not know
        lues = "; ".join(f"{systeme.variables[n].label} : {_valeur_lisible(systeme, n, v)}" for n, v in entrees.items())
        return f"Condition non remplie : {echec['label'][:1].lower()}{echec['label'][1:]}" + (
            f" ({lues})." if lues else "."
        )
