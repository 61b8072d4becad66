"""The problems of a submitted form, each in French next to the field it names: one mistake, one message.

Values are read as people type them (`validation.saisie`); whatever cannot be
read goes on unchanged to the validation (the same as the web API's), which
names it. A problem is written in the form's own words, the field as the
sentence's subject (`Probleme.fr_du_champ`): "Le budget d'une session doit
être un montant en euros, par exemple 45 000."
"""

from openfisca_gen.validation import Probleme
from openfisca_gen.validation.erreurs import suggestions


def lire_champs(formulaire, noms, reglages=()) -> tuple[dict[str, str], list[Probleme]]:
    """The text of each field of `noms` the form or link gives (stripped), and a problem for each given twice with
    different texts: which one was meant cannot be guessed (a link edited by hand). A checkbox's hidden 'false'
    followed by its 'true' is one ticked box. `reglages`: fields that only choose what the page shows (the call
    whose questions are asked, the month whose values are shown), the last taken: they change no result."""
    textes, problemes = {}, []
    for nom in noms:
        saisies = [texte.strip() for texte in formulaire.getlist(nom)]
        if saisies == ["false", "true"]:
            saisies = ["true"]
        elif set(saisies) == {"false", ""}:  # a box unticked, written twice (a link edited by hand)
            saisies = ["false"]
        if len(set(saisies)) > 1 and nom not in reglages:
            differentes = list(dict.fromkeys(saisies))
            problemes.append(Probleme("champ_en_double", {"textes": differentes}, "champ", champ=nom))
        if saisies:
            textes[nom] = saisies[-1]
    return textes, problemes


def champs_inconnus(formulaire, connus) -> list[str]:
    """What a link gives that the page does not take (edited by hand, or an old one), each said in French: «
    nombre_femme=7 » was dropped without a word, and the result computed without the women's count. Said, not
    refused: a link shared on the web gains fields of its own (utm_source…), and the rest of it still holds."""
    return [
        Probleme("champ_du_lien_inconnu", {"nom": nom, **suggestions([nom], sorted(connus))}).fr()
        for nom in formulaire
        if nom not in connus
    ]


def message(probleme: Probleme, description) -> str:
    """The problem's sentence for its field (`description`: a Fiche, with sujet, attendu, exemple), or its own."""
    if description is None:
        return probleme.fr()
    return probleme.fr_du_champ(description.sujet, description.attendu, description.exemple)


def par_champ(problemes, decrire) -> tuple[dict[str, list[str]], list[str]]:
    """The messages by the field they name (`decrire(field)`: its description, None if the form has no such
    field), and the others apart. Counts given without the learners' count are one mistake: the learners' field
    is asked for once, not once per count."""
    problemes = list(problemes)
    sans_apprenants = [p for p in problemes if p.cle == "sans_apprenants"]
    if sans_apprenants:
        problemes = [p for p in problemes if p.cle != "sans_apprenants"]
        problemes.append(Probleme("obligatoire", champ="nombre_apprenants", lieu="champ"))
    messages, autres = {}, []
    for probleme in problemes:
        description = decrire(probleme.champ) if probleme.champ else None
        if description is not None:
            texte = message(probleme, description)
            if texte not in messages.setdefault(probleme.champ, []):
                messages[probleme.champ].append(texte)
        else:
            autres.append(probleme.fr())
    return messages, autres


def dans_l_ordre(erreurs: dict, noms: list[str]) -> dict:
    """The errors by field in the order of the form's fields (the summary reads like the form)."""
    rang = {nom: i for i, nom in enumerate(noms)}
    return dict(sorted(erreurs.items(), key=lambda erreur: rang.get(erreur[0], len(rang))))
