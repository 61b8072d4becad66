"""The sources cited by the variables, written once, and how a documentation states its confidence.

Parameters cite the same texts in their YAML `metadata.reference`. The founding
press release is kept verbatim in docs/sources/communique-2015-09-17.txt.
"""

import re

COMMUNIQUE_2015 = (
    "Communiqué de presse du 17 septembre 2015 « Grande Ecole du numérique : "
    "la campagne de labellisation est lancée » (docs/sources/communique-2015-09-17.txt)"
)
ALTERWAY_2016 = "https://www.alterway.fr/la-grande-ecole-du-numerique-est-lancee"
USINE_DIGITALE_2016 = (
    "https://www.usine-digitale.fr/article/la-grande-ecole-du-numerique-distribue-ses-171-premiers-labels.N377468"
)
IREV_2015 = "https://irev.fr/actualites-0/la-grande-ecole-du-numerique-lance-son-premier-appel-projets"
REUSSIRMAVIE_2015 = "https://reussirmavie.net/La-Grande-ecole-du-numerique-lance-son-appel-a-projets_a2314.amp.html"
AUDITION_MINISTRE = "https://2012-2017.nosdeputes.fr/14/intervention/877017"
CENTRE_INFFO_2021 = (
    "https://centre-inffo.fr/site-centre-inffo/actualites-centre-inffo/"
    "le-quotidien-de-la-formation-actualite-formation-professionnelle-apprentissage/articles-2021/"
    "la-grande-ecole-du-numerique-se-recentre-sur-son-activite-de-labellisation"
)
DEUXIEME_APPEL_2016 = (
    "https://lemondeinformatique.fr/actualites/"
    "lireamp-le-gouvernement-lance-son-2e-appel-a-la-labellisation-grande-ecole-du-numerique-65706.html"
)
TROISIEME_APPEL_2018 = "https://www.grandeecolenumerique.fr/appel-a-labellisation/"
TROISIEME_APPEL_2018_PRESSE = (
    "https://lemondeinformatique.fr/actualites/"
    "lireamp-l-etat-va-financer-5-000-formations-numeriques-d-ici-2019-71811.html"
)
LETUDIANT_2016 = (
    "http://www.letudiant.fr/educpros/actualite/grande-ecole-du-numerique-un-label-pour-171-formations.html"
)
DEFI_METIERS_2016 = (
    "https://www.defi-metiers.fr/breves/grande-ecole-du-numerique-le-deuxieme-appel-labellisation-est-ouvert"
)
KOOPERATION_2015 = (
    "https://kooperation-international.de/aktuelles/nachrichten/detail/info/"
    "frankreich-start-der-hochschule-fuer-digitalisierung"
)
KOOPERATION_2016 = (
    "https://kooperation-international.de/aktuelles/nachrichten/detail/info/"
    "frankreich-vergroesserung-der-hochschule-fuer-digitalisierung"
)
NOSDEPUTES_2015 = "http://www.nosdeputes.fr/14/intervention/726692"
NEXTINPACT_2016 = (
    "https://www.nextinpact.com/article/24579/"
    "102280-grande-ecole-numerique-54-nouvelles-formations-et-creation-d-un-groupement-d-interet-public"
)
EDUCAVOX_2015 = "https://educavox.fr/accueil/des-breves/axelle-lemaire-veut-former-10-000-eleves-au-numerique"
SILICON_2016 = "https://silicon.fr/171-formations-labellisees-grande-ecole-numerique-137946.html/amp"
MEDIUM_STEPANOFF_2016 = (
    "https://medium.com/@anna_stepanoff/"
    "les-labellisés-par-la-grande-ecole-du-numérique-ont-été-annoncés-aujourd-hui-et-ils-sont-nombreux-c96ee0384065"
)
LEMONDEINFORMATIQUE_73735 = (
    "https://www.lemondeinformatique.fr/actualites/"
    "lire-grande-ecole-du-numerique-347-formations-au-code-labellisees-en-france-73735.html"
)
CENTRE_INFFO_2025 = (
    "https://centre-inffo.fr/site-centre-inffo/actualites-centre-inffo/"
    "le-quotidien-de-la-formation-actualite-formation-professionnelle-apprentissage/articles-2025/"
    "le-gouvernement-dissout-la-grande-ecole-du-numerique"
)
GEN_PRESSE_2019 = (
    "https://medium.com/@grandeecole.numerique/presse-le-label-de-la-grande-%C3%A9cole-du-num%C3%A9rique-simpose-"
    "dans-l-%C3%A9cosyst%C3%A8me-de-la-formation-d561767dabac"
)
LEMONDEINFORMATIQUE_83836 = "https://lemondeinformatique.fr/actualites/lire-la-grande-ecole-du-numerique-lance-un-appel-a-projets-innovation-83836.html"
BANQUEDESTERRITOIRES_2021 = "https://banquedesterritoires.fr/la-grande-ecole-du-numerique-recentre-son-action-sur-les-zones-rurales-et-les-quartiers"


def textes_des_references(reference) -> list[str]:
    """The texts of a reference in any shape OpenFisca allows: a string, a {title, href} or a list of them."""
    if reference is None:
        return []
    if isinstance(reference, str):
        return [reference]
    if isinstance(reference, dict):
        return [" ".join(filter(None, (reference.get("title"), reference.get("href"))))]
    return [texte for element in reference for texte in textes_des_references(element)]


def confiance(documentation: str | None) -> str:
    """The confidence level a documentation states on its `Confidence:` line (its first word), or ''."""
    trouve = re.search(r"Confidence:\s*(\w+)", documentation or "")
    return trouve.group(1) if trouve else ""
