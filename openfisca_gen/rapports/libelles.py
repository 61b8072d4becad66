"""How reports name their rows and columns, in English (the CLI's default) and French (the pages, `--lang fr`).

Tables are keyed by variable names and a few fixed keys (`baseline`,
`reform`, `difference`, the comparison's indicators); these labels are
applied only when a table is printed or drawn. In French, a variable is named
by its own label (the model's, French) where no shorter label is given here.
"""

from openfisca_gen.population import POPULATIONS

LIBELLES = {
    "en": {
        "financement_amorcage": "total cost (€)",
        "labellisee": "trainings labelled",
        "financement_amorcage_plafonne": "trainings at the ceiling",
        "trainings_gaining_eligibility": "trainings gaining eligibility",
        "trainings_losing_eligibility": "trainings losing eligibility",
        "winners": "winners (trainings)",
        "winners_total_gain": "winners, total gain (€)",
        "losers": "losers (trainings)",
        "losers_total_loss": "losers, total loss (€)",
        "trainings": "trainings",
        "labellisee_baseline": "labelled, baseline",
        "labellisee_reform": "labelled, reform",
        "financement_amorcage_baseline": "cost, baseline (€)",
        "financement_amorcage_reform": "cost, reform (€)",
        "difference": "difference (€)",
        "ecart": "difference",  # the summary's, of counts and euros alike (each row says its unit)
        "cout_financement_amorcage_campagne": "total cost (€)",
        "nombre_formations_labellisees": "trainings labelled",
        "part_femmes_campagne": "women share",
        "part_jeunes_neet_peu_qualifies_campagne": "NEET share",
        "eligibility_changes": "eligibility changes",
        "funding_changes": "funding changes",
        # The campaign's rows (analyse.VARIABLES_CAMPAGNE) and the objectives' statuses (StatutObjectif)
        "appel_de_la_campagne": "call of the campaign",
        "nombre_fabriques_labellisees": "fabriques labelled",
        "nombre_structures_labellisees": "structures labelled",
        "nombre_structures_financees": "structures funded",
        "objectif_part_femmes": "objective: women share",
        "objectif_part_jeunes_neet_peu_qualifies": "objective: NEET share",
        "objectif_fabriques_premiere_vague": "objective: fabriques, first wave",
        "objectif_fabriques_trois_ans": "objective: fabriques within three years",
        "objectif_jeunes_formes_premiere_vague": "objective: young people trained, first wave",
        "objectif_jeunes_formes_trois_ans": "objective: young people trained within three years",
        "objectif_demandeurs_emploi_peu_qualifies": "objective: low-qualified jobseekers",
        "financement_amorcage_dans_l_enveloppe": "within the envelope",
        "depassement_enveloppe_financement_amorcage": "over the envelope (€)",
        "atteint": "met",
        "non_atteint": "not met",
        "non_applicable": "not set by its call",
    },
    "fr": {
        "financement_amorcage": "coût total (€)",
        "labellisee": "formations labellisées",
        "financement_amorcage_plafonne": "formations au plafond",
        "trainings_gaining_eligibility": "formations qui deviennent éligibles",
        "trainings_losing_eligibility": "formations qui cessent d'être éligibles",
        "winners": "gagnantes (formations)",
        "winners_total_gain": "gain total des gagnantes (€)",
        "losers": "perdantes (formations)",
        "losers_total_loss": "perte totale des perdantes (€)",
        "trainings": "formations",
        "labellisee_baseline": "labellisées sans la réforme",
        "labellisee_reform": "labellisées avec la réforme",
        "financement_amorcage_baseline": "coût sans la réforme (€)",
        "financement_amorcage_reform": "coût avec la réforme (€)",
        "difference": "différence (€)",
        "ecart": "différence",
        "baseline": "sans la réforme",
        "reform": "avec la réforme",
        "value": "valeur",
        "variable": "indicateur",
        "indicator": "indicateur",
        "funding_band_baseline": "financement sans la réforme",
        "campagne_id": "campagne",
        "structure_id": "structure",
        "cout_financement_amorcage_campagne": "coût total (€)",
        "nombre_formations_labellisees": "formations labellisées",
        "part_femmes_campagne": "part de femmes",
        "part_jeunes_neet_peu_qualifies_campagne": "part de jeunes NEET peu qualifiés",
        "eligibility_changes": "éligibilités changées",
        "funding_changes": "financements changés",
        # The campaign's rows, short as in English (an objective's status keeps its own label)
        "appel_de_la_campagne": "appel de la campagne",
        "nombre_fabriques_labellisees": "fabriques labellisées",
        "nombre_structures_labellisees": "structures labellisées",
        "nombre_structures_financees": "structures financées",
        "objectif_part_femmes": "objectif : part de femmes",
        "objectif_part_jeunes_neet_peu_qualifies": "objectif : part de jeunes NEET",
        "objectif_fabriques_premiere_vague": "objectif : fabriques, première vague",
        "objectif_fabriques_trois_ans": "objectif : fabriques sous trois ans",
        "objectif_jeunes_formes_premiere_vague": "objectif : jeunes formés, première vague",
        "objectif_jeunes_formes_trois_ans": "objectif : jeunes formés sous trois ans",
        "objectif_demandeurs_emploi_peu_qualifies": "objectif : demandeurs d'emploi peu qualifiés",
        "financement_amorcage_dans_l_enveloppe": "dans l'enveloppe",
        "depassement_enveloppe_financement_amorcage": "dépassement de l'enveloppe (€)",
        "synthetic population": "population synthétique",
    },
}
# The bundled populations, as titles describe them (donnees/populations.yaml).
LIBELLES["fr"].update({p["description"]: p["description_fr"] for p in POPULATIONS.values()})

TITRES = {
    "en": {
        "reforme": "Reform {nom}, period {periode}, {population}",
        "contre": ", against {base}",
        "avertissement": "Warning: {message}",
        "par_statut": "By structure status:",
        "par_tranche": "By baseline funding band:",
        "par": "By {colonne}:",
        "objectifs": "National objectives and envelope, per campaign:",
        "gagnants": "The {nombre} largest gains:",
        "perdants": "The {nombre} largest losses:",
        "aucune": "(none)",
        "vide": "(empty)",
        "non_mesure": "not measured",
        "balayage": "Sweep of {chemin} ({description}), period {periode}, {population}",
        "ecrit": "Written to {dossier}/: {fichiers}",
        "pas_ecrits": "Also in {dossier}/, not written by this run (an earlier run's?): {fichiers}",
    },
    "fr": {
        "reforme": "Réforme {nom}, période {periode}, {population}",
        "contre": ", comparée à {base}",
        "avertissement": "Attention : {message}",
        "par_statut": "Par statut de structure :",
        "par_tranche": "Par tranche de financement sans la réforme :",
        "par": "Par {colonne} :",
        "objectifs": "Objectifs nationaux et enveloppe, par campagne :",
        "gagnants": "Les {nombre} plus forts gains :",
        "perdants": "Les {nombre} plus fortes pertes :",
        "aucune": "(aucune)",
        "vide": "(vide)",
        "non_mesure": "non renseigné",
        "balayage": "Balayage de {chemin} ({description}), période {periode}, {population}",
        "ecrit": "Écrit dans {dossier}/ : {fichiers}",
        "pas_ecrits": "Aussi dans {dossier}/, non écrits cette fois (d'une exécution précédente ?) : {fichiers}",
    },
}


# The readings' analysis (openfisca-gen interpretations), in both languages.
LECTURES = {
    "en": {
        "titre": "{n} interpretations, period {periode}, {population}",
        "effets": "Effect of switching each reading alone (difference from the defaults):",
        "aucun": "(no switch under 'interpretations')",
        "hors": "Not combined, no effect here (they concern none of this population's calls): {noms}",
        "tout": "all {n} combinations",
        "echantillon": "a seeded sample of {n} combinations",
        "plage": "Range over {etendue}:",
        "robustesse": "Trainings eligible under every reading (always), under none (never), or depending on which:",
        "dependances": "Trainings whose eligibility depends on the readings, by the readings it depends on:",
        "depend": "depends on",
        "formations": "trainings",
        "objectifs": "objectives",
        "objectif": "campaigns meeting {nom}",
        "always": "always",
        "never": "never",
        "depends": "depends",
        "colonnes": {},  # the tables' own names
    },
    "fr": {
        "titre": "{n} lectures des textes, période {periode}, {population}",
        "effets": "Effet de chaque lecture, appliquée seule (écart aux lectures retenues) :",
        "aucun": "(aucun interrupteur sous « interpretations »)",
        "hors": "Non combinées, sans effet ici (elles ne concernent aucun appel de cette population) : {noms}",
        "tout": "les {n} combinaisons",
        "echantillon": "un échantillon tiré (graine fixe) de {n} combinaisons",
        "plage": "Étendue sur {etendue} :",
        "robustesse": "Formations éligibles sous toutes les lectures (toujours), sous aucune (jamais) ou selon elles :",
        "dependances": "Formations dont l'éligibilité dépend des lectures, par lectures dont elle dépend :",
        "depend": "dépend de",
        "formations": "formations",
        "objectifs": "objectifs",
        "objectif": "campagnes qui atteignent {nom}",
        "always": "toujours",
        "never": "jamais",
        "depends": "selon les lectures",
        "colonnes": {
            "default": "lecture retenue",
            "interpretation": "lecture",
            "indicator": "indicateur",
            "baseline": "lectures retenues",
            "min_readings": "lectures du min",
            "max_readings": "lectures du max",
            "(defaults)": "(lectures retenues)",
        },
    },
}


# An objective as a table's cell names it, short: "women share +1", « part de femmes +1 » (its key was printed)
OBJECTIFS_COURTS = {
    "en": {
        cle: texte.removeprefix("objective: ") for cle, texte in LIBELLES["en"].items() if cle.startswith("objectif_")
    },
    "fr": {
        "objectif_part_femmes": "part de femmes",
        "objectif_part_jeunes_neet_peu_qualifies": "part de jeunes NEET peu qualifiés",
        "objectif_fabriques_premiere_vague": "fabriques de la première vague",
        "objectif_fabriques_trois_ans": "fabriques sous trois ans",
        "objectif_jeunes_formes_premiere_vague": "jeunes formés de la première vague",
        "objectif_jeunes_formes_trois_ans": "jeunes formés sous trois ans",
        "objectif_demandeurs_emploi_peu_qualifies": "demandeurs d'emploi peu qualifiés formés",
    },
}


def libelle(cle, langue: str = "en", systeme=None) -> str:
    """The label of a table's key: a fixed key's, else (with `systeme`) a variable's own label in French, or an
    Enum value's in either language (the model's only words for it: « Entreprise privée », not entreprise_privee,
    as the status table writes it), else the key itself."""
    cle = str(cle)
    if cle in LIBELLES[langue]:
        return LIBELLES[langue][cle]
    if systeme is not None:
        if cle in systeme.variables:
            return systeme.variables[cle].label if langue == "fr" else cle
        for variable in systeme.variables.values():  # an Enum value (a structure status in a breakdown)
            membre = getattr(getattr(variable, "possible_values", None), "__members__", {}).get(cle)
            if membre is not None:
                return membre.value
    return cle
