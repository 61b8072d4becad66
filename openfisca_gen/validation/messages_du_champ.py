"""The pages' sentences next to a field, in French, the field as their subject: "Le budget doit être un montant en
euros, par exemple 45 000."
"""

# `{sujet}`, `{attendu}` and `{exemple}` describe the field (the page knows them); the other values
# are the problem's. Written without an adjective that would agree with the subject (le budget, la durée).
MESSAGES_DU_CHAMP = {
    "obligatoire": "{sujet} est à remplir : {attendu}, par exemple {exemple}.",
    "nombre_attendu": "{sujet} doit être {attendu}, par exemple {exemple}.",
    "entier_attendu": "{sujet} doit être un nombre entier, sans virgule, d'au plus {maximum:fr}, par exemple "
    "{exemple} (vous avez saisi {valeur:fr}).",
    "trop_de_chiffres": "{sujet} a une valeur qu'aucun nombre ne garde exactement ({valeur:fr}, qui serait "
    "arrondie) : écrivez au plus 15 chiffres significatifs, par exemple {exemple}.",
    "nombre_fini_attendu": "{sujet} doit être {attendu} d'au plus un milliard, par exemple {exemple} "
    "(vous avez saisi {valeur:fr}).",
    "negatif": "{sujet} ne peut pas être en dessous de zéro (vous avez saisi {valeur:fr}).",
    "parametre_negatif": "{sujet} ne peut pas être en dessous de zéro (vous avez saisi {valeur:fr}).",
    "non_positif": "{sujet} doit dépasser zéro (vous avez saisi {valeur:fr}).",
    "decision_avant_depot": "{sujet} ({valeur:jour}) précède la date de dépôt ({depot:jour}) : le comité statue "
    "sur un dossier déposé.",
    "plus_que_les_apprenants": "{sujet} ({valeur:fr}) dépasse le nombre d'apprenants de la session "
    "({apprenants:fr}) : ces personnes en font partie.",
    "sans_apprenants": "{sujet} ({valeur:fr}) se compte parmi les apprenants de la session : indiquez aussi "
    "leur nombre.",
    "date_attendue": "{sujet} doit être une date réelle, du {premier:jour} au {dernier:jour}, par exemple {exemple} "
    "(vous avez saisi {valeur:fr}).",
    "pas_une_date": "{sujet} doit être une date réelle, par exemple {exemple} (vous avez saisi {texte:fr}).",
    "choix_attendu": "{sujet} doit être l'un des choix proposés (reçu {valeur:fr}).",
    "champ_en_double": "{sujet} : plusieurs valeurs différentes sont données ({textes:fr}) ; gardez-en une.",
    "reforme_inconnue": "{sujet} doit être {attendu} (« {nom} » n'en est pas une){suggestion_fr}.",
    "booleen_attendu": "{sujet} : cochez la case, ou laissez-la vide pour « non » (reçu {valeur:fr}).",
    "booleen_de_parametre": "{sujet} : cochez la case, ou laissez-la vide pour « non » (reçu {valeur:fr}).",
    "taux_hors_bornes": "{sujet} doit être un taux de 0 % à 100 %, par exemple {exemple} (vous avez saisi "
    "{saisi:fr} ; un nombre sans « % » se lit comme une part : 0,5 pour 50 %).",
    "valeur_inconnue_refusee": "{sujet} ne peut pas rester vide (toutes les sources en donnent une) : indiquez-la, "
    "par exemple {exemple}.",
    "pas_une_periode": "{sujet} doit être un mois, par exemple {exemple} (vous avez saisi {texte:fr}).",
    "un_mois_attendu": "{sujet} doit être un mois, par exemple {exemple} (vous avez saisi {texte:fr}).",
    "periode_avant_les_regles": "{sujet} doit être un mois où des règles sont en vigueur : le premier appel "
    "ouvre le {ouverture:jour} (vous avez saisi {texte:mois}).",
    "periode_hors_modele": "{sujet} doit être un mois de {premier:mois} à {dernier:mois} (vous avez saisi {texte:fr}).",
    "texte_attendu": "{sujet} doit être un texte.",
    "texte_trop_long": "{sujet} doit tenir en {maximum:fr} caractères au plus.",
}
