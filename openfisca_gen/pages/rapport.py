"""The workshop's answer: every problem at once, or the comparison report in French, its charts and its files.

The report is `analyse.comparer`'s: its tables in French (labels and
numbers), its three charts as light SVG with a summary that gives their
figures and their data as CSV, its tables in one zip, the reform as the YAML
file `openfisca-gen compare --reform FILE` reads. Nothing is written to disk
and no chart is drawn by matplotlib: an answer takes a fraction of a second.
"""

import base64
import io
import shlex
import zipfile

import numpy
import yaml

from openfisca_gen.analyse import comparer
from openfisca_gen.helpers import ouvertures_des_appels
from openfisca_gen.limites import MAX_TRAININGS
from openfisca_gen.pages import reformes
from openfisca_gen.pages.francais import euros, mois_lisible, nombre, ordinal, pourcent
from openfisca_gen.rapports import graphiques
from openfisca_gen.rapports.libelles import LIBELLES
from openfisca_gen.rapports.libelles import libelle as libelle_commun
from openfisca_gen.rapports.tableaux import part_tronquee, propre
from openfisca_gen.reforms import changements_de
from openfisca_gen.reforms.parametriques import verifier_changements
from openfisca_gen.validation import DonneesInvalidesError, EntreeInvalideError, ReformeInvalideError, trouver_parametre
from openfisca_gen.validation.erreurs import coupe, euros_en_francais

MAX_ERREURS_AFFICHEES = 50  # the data's problems a page lists; the others are counted
TABLES = (
    ("resume", "Vue d'ensemble"),
    ("changements", "Gagnants et perdants"),
    ("par_statut", "Par statut de structure"),
    ("par_tranche", "Par tranche de financement sans la réforme"),
    ("objectifs", "Objectifs nationaux et enveloppe, par campagne"),
)


def erreurs_de_donnees(erreur: DonneesInvalidesError, maximum: int = MAX_ERREURS_AFFICHEES) -> tuple[list, int]:
    """(the first `maximum` problems, how many more): each problem with where it points in the file, in the
    file's order: the header (a column), a line and its column, the rows of a structure (a value that differs
    between them), or the whole file. A file of 100 000 unknown columns is a page of `maximum` lines, not of
    100 000; a column's name is cut short (a header may be one field of a megabyte)."""

    def rang(probleme):
        if probleme.lieu == "ligne":
            return (1, int(probleme.ligne))
        return ({"structure": 2, "colonne": 0}.get(probleme.lieu, 3), 0)

    premiers = sorted(erreur.problemes, key=rang)[:maximum]  # a stable sort: the reader's order within a place
    lignes = [
        {"ligne": _ou(probleme), "colonne": court(probleme.champ or ""), "message": probleme.fr()}
        for probleme in premiers
    ]
    return lignes, len(erreur.problemes) - len(premiers)


def _ou(probleme) -> str:
    """Where a problem points in the file: a line, the header, the rows of a structure or of a campaign (a campaign
    that mixes calls was said for the whole file, without its name), or the whole file."""
    if probleme.lieu in ("ligne", "colonne"):
        return str(probleme.ligne) if probleme.lieu == "ligne" else "en-tête"
    groupe = "structure" if probleme.lieu == "structure" else probleme.entite
    if groupe in ("structure", "campagne") and probleme.id is not None:
        return f"lignes de la {groupe} « {court(str(probleme.id))} »"
    return "tout le fichier"


def court(texte: str, longueur: int = 60) -> str:
    """A name from the file as a page quotes it: whole up to `longueur` characters, else cut with "…"."""
    return coupe(texte, longueur)


def _uri(octets: bytes, type_mime: str) -> str:
    return f"data:{type_mime};base64,{base64.b64encode(octets).decode()}"


def libelle(systeme, cle) -> str:
    """A table's key in French: a fixed key's label, a variable's own label, or an Enum value's (a status, an
    objective met or not); anything else, an id, as it is (« appel_2015 », not « Appel_2015 »)."""
    texte = libelle_commun(cle, "fr", systeme)
    return texte if texte == str(cle) and cle not in LIBELLES["fr"] else texte[:1].upper() + texte[1:]


MONTANTS = ("difference", "winners_total_gain", "losers_total_loss")  # the report's amounts that are no variable


def tableau(systeme, table) -> dict:
    """A pandas table (or series) for the template: headings in French, cells as French text, each saying
    whether it is a number (aligned right) or words (aligned left, wrapped)."""
    table = table.to_frame() if table.ndim == 1 else table
    index = [n or "" for n in table.index.names]

    def unite_de(nom: str):
        if nom in MONTANTS:  # the funding's difference, the winners' gain, the losers' loss
            return "currency-EUR"
        return getattr(systeme.variables.get(nom.removesuffix("_baseline").removesuffix("_reform")), "unit", None)

    def cellule(cle, colonne, valeur):
        """A cell's text by the unit of its row where the row is a variable (the summary), else of its column."""
        nom = str(cle[-1] if isinstance(cle, tuple) else cle)
        unite = unite_de(nom) if nom in systeme.variables else unite_de(str(colonne))
        if isinstance(valeur, str):
            return {"texte": libelle(systeme, valeur), "nombre": False}
        if valeur is None or (isinstance(valeur, float) and numpy.isnan(valeur)):  # a share not measured too
            return {"texte": "non renseigné" if unite == "/1" else "—", "nombre": False}
        if unite == "/1" and isinstance(valeur, float | numpy.floating):  # cut, never shown at a missed objective
            return {"texte": pourcent(part_tronquee(valeur)), "nombre": True}
        est_un_nombre = isinstance(valeur, int | float | numpy.number) and not isinstance(valeur, bool)
        if est_un_nombre and unite == "currency-EUR" and numpy.isfinite(valeur):  # to the cent: 1 050 815,50
            return {"texte": euros_en_francais(valeur).removesuffix("\u00a0€"), "nombre": True}
        return {"texte": nombre(valeur), "nombre": est_un_nombre}

    lignes = [
        {
            "entetes": [libelle(systeme, c) for c in (cle if isinstance(cle, tuple) else (cle,))],
            "cellules": [cellule(cle, colonne, v) for colonne, v in zip(table.columns, ligne, strict=True)],
        }
        for cle, ligne in zip(table.index, table.to_numpy(), strict=True)
    ]
    colonnes = [libelle(systeme, c) if c else "" for c in [*index, *table.columns]]
    return {"colonnes": colonnes, "lignes": lignes}


def fichiers(comparaison, tables: dict) -> dict:
    """The tables as CSV in one zip (as `openfisca-gen compare --out` writes them), the charts as SVG with their
    data as CSV."""
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zip_:
        for nom, table in tables.items():
            if nom != "evolutions":
                zip_.writestr(f"{nom}.csv", propre(table).to_csv())
    par_statut = tables["par_statut"].rename(index=comparaison.libelles_statuts)
    dessins = graphiques.comparaison_svg(comparaison.formations, par_statut, tables["evolutions"])
    for dessin in dessins:
        dessin["csv_uri"] = _uri(dessin["csv"].encode(), "text/csv")
    return {"zip": _uri(archive.getvalue(), "application/zip"), "graphiques": dessins}


def chiffres(changements) -> list[tuple[str, str]]:
    """The comparison's key figures in words, each with its hook: "12 formations gagnent 45 000 € au total"."""

    def qui(nombre_: int, singulier: str, pluriel: str, montant: float) -> str:
        if not nombre_:
            return f"Aucune formation ne {singulier}"
        total = " au total" if nombre_ > 1 else ""
        return (
            f"{nombre(nombre_)} formation{'s' if nombre_ > 1 else ''} {pluriel if nombre_ > 1 else singulier} "
            f"{euros(montant)}{total}"
        )

    devenues, perdues = changements["trainings_gaining_eligibility"], changements["trainings_losing_eligibility"]
    gagnent = (
        "aucune formation ne devient éligible"
        if not devenues
        else f"{nombre(devenues)} {'deviennent éligibles' if devenues > 1 else 'devient éligible'}"
    )
    perdent = (
        "aucune ne cesse de l'être"
        if not perdues
        else f"{nombre(perdues)} {'cessent' if perdues > 1 else 'cesse'} de l'être"
    )
    eligibilite = (
        "Aucune formation ne devient éligible ni ne cesse de l'être"
        if not devenues and not perdues
        else f"{gagnent[:1].upper()}{gagnent[1:]}, {perdent}"
    )
    return [
        ("gagnantes", qui(changements["winners"], "gagne", "gagnent", changements["winners_total_gain"])),
        ("perdantes", qui(changements["losers"], "perd", "perdent", changements["losers_total_loss"])),
        ("eligibilite", eligibilite),
    ]


def sans_effet(comparaison, changements, reforme) -> str | None:
    """Why a reform moves no training, where it moves none: it changes the rules of the dossiers' calls without
    changing any eligibility or amount (an envelope, a condition every training meets); or it changes only other
    calls' rules, each dossier keeping its own call's whatever the month computed; or it gives the values the
    rules already have."""
    if changements[["winners", "losers", "trainings_gaining_eligibility", "trainings_losing_eligibility"]].any():
        return None
    appels = sorted({int(n) for n in comparaison.campagnes["appel_de_la_campagne_baseline"] if n})
    if not appels:  # the month (a call not open yet) or the filing dates: under either rules, nothing to pay
        return (
            f"Ce changement ne touche aucune de ces formations : en {mois_lisible(comparaison.period)}, leurs "
            "dossiers ne relèvent d'aucun appel, sous les règles comme sous la réforme."
        )
    leurs = f"du {' et du '.join(f'{ordinal(n)} appel' for n in appels)}"
    reformees = (comparaison.systeme, comparaison.systeme_reforme.parameters, changements_de(reforme))
    changes = appels_changes(*reformees)
    if changes & set(appels) and not appels_changes(*reformees, lues=True) & set(appels):  # a third call's duration
        lesquels = " et ".join(f"le {ordinal(n)} appel" for n in appels)
        verbe = "n'applique" if len(appels) == 1 else "n'appliquent"
        return (
            f"Ce changement porte sur une règle que {lesquels}, dont relèvent ces dossiers, {verbe} pas : rien ne "
            "change pour ces formations."
        )
    if changes & set(appels):
        return (
            f"Ce changement modifie les règles {leurs}, dont relèvent ces dossiers, sans changer l'éligibilité "
            "ni le financement d'aucune de ces formations ; ce qu'il change d'autre (l'enveloppe, les objectifs) "
            "se lit dans le tableau des objectifs nationaux et de l'enveloppe."
        )
    if not changes:
        return "Ce changement redonne aux règles les valeurs qu'elles ont déjà : rien ne change."
    return (
        f"Ce changement ne touche aucune de ces formations. Leurs dossiers relèvent {leurs} : chaque dossier "
        "garde les règles de son appel quel que soit le mois du calcul, et une valeur des règles d'un autre appel "
        "n'a pas d'effet sur lui."
    )


def appels_changes(systeme, parametres, changements: dict, lues: bool = False) -> set[int]:
    """The calls (numbers) whose rules `changements` change: a changed parameter's value, read on the day each
    call reads its rules, differs between the law (`systeme`) and the reformed parameters (`parametres`); `lues`:
    only where the call applies that rule under the reform (`reformes.appliquee`)."""
    jours = [valeur.instant_str for valeur in ouvertures_des_appels(systeme.parameters)]
    return {
        numero
        for numero, jour in enumerate(jours, 1)
        for chemin in changements
        if trouver_parametre(parametres, chemin)(jour) != trouver_parametre(systeme.parameters, chemin)(jour)
        and (not lues or reformes.appliquee(parametres, chemin, jour))
    }


def en_yaml(reforme) -> str | None:
    """The reform as the YAML file `openfisca-gen compare --reform FILE` reads; None for a shipped name."""
    if isinstance(reforme, str):
        return None
    return yaml.safe_dump(reforme, allow_unicode=True, sort_keys=False, default_flow_style=False)


def _population(tax_benefit_system, demande, fichier, maximum, reponse):
    """The population to compare on, or None with the data's problems in `reponse`."""
    if fichier is not None and fichier.filename:
        reponse["donnees_nom"] = reformes.nom_televerse(fichier)
        try:
            return reformes.lire_televersement(tax_benefit_system, fichier, maximum)
        except DonneesInvalidesError as erreur:
            reponse["donnees"], reponse["donnees_autres"] = erreurs_de_donnees(erreur)
            return None
    if demande.population == reformes.FICHIER:
        reponse["erreurs"].setdefault("donnees", []).append(
            "Choisissez un fichier CSV de formations, ou l'une des populations fournies."
        )
        return None
    return reformes.population(tax_benefit_system, demande.population)


def _refus(tax_benefit_system, demande, erreur: EntreeInvalideError, reponse) -> None:
    """A refusal of the reform or the data, each problem next to its field, or apart."""
    par_chemin, generales = reformes.erreurs(tax_benefit_system, demande, erreur.problemes)
    for chemin, messages in par_chemin.items():
        reponse["erreurs"].setdefault(chemin, []).extend(m for m in messages if m not in reponse["erreurs"][chemin])
    reponse["generales"] += generales


def comparer_demande(tax_benefit_system, demande, erreurs: dict, fichier=None, maximum: int = MAX_TRAININGS) -> dict:
    """The workshop's answer: every problem at once (by field, general, the data's by line), or the report."""
    reponse = {"erreurs": {cle: list(v) for cle, v in erreurs.items()}, "generales": [], "donnees": []}
    population = _population(tax_benefit_system, demande, fichier, maximum, reponse)
    reforme = None
    try:
        reforme = reformes.reforme_demandee(demande.livree, reformes.reforme_de(tax_benefit_system, demande))
        if isinstance(reforme, dict):  # checked now, so that its problems show with the data's
            verifier_changements(tax_benefit_system, reforme)  # and the clash of the other values, at once
    except ReformeInvalideError as erreur:
        aucun = [p.cle for p in erreur.problemes] == ["aucun_changement"]
        if not (aucun and reponse["erreurs"]):  # no change because a value was refused: its message says why
            _refus(tax_benefit_system, demande, erreur, reponse)
    if reponse["erreurs"] or reponse["generales"] or reponse["donnees"] or population is None:
        return reponse
    try:
        comparaison = comparer(population, reforme, demande.mois, tax_benefit_system)
    except EntreeInvalideError as erreur:  # rules that cannot hold together, data that mix calls
        des_donnees = [p for p in erreur.problemes if p.entite == "campagne"]  # a campaign's rows, in the file's table
        if des_donnees:
            reponse["donnees"], reponse["donnees_autres"] = erreurs_de_donnees(DonneesInvalidesError(des_donnees))
        autres = [p for p in erreur.problemes if p.entite != "campagne"]
        if autres:
            _refus(tax_benefit_system, demande, EntreeInvalideError(autres), reponse)
        return reponse
    return {**reponse, **_rapport(tax_benefit_system, demande, comparaison, reforme, reponse)}


def _rapport(tax_benefit_system, demande, comparaison, reforme, reponse) -> dict:
    f = comparaison.formations
    tables = {
        "resume": comparaison.resume(),
        "changements": comparaison.changements(),
        "par_statut": comparaison.par_statut(),
        "par_tranche": comparaison.par_tranche(),
        "objectifs": comparaison.objectifs(),
        "formations": f.rename_axis("formation_id"),
        "evolutions": comparaison.evolutions(),
    }
    televerse = "donnees_nom" in reponse
    nom = reponse.get("donnees_nom") or demande.population
    commande = (
        f"openfisca-gen compare --reform {'reforme.yaml' if isinstance(reforme, dict) else reforme} "
        f"--period {demande.mois} --data {shlex.quote(nom)}"
    )
    return {
        "periode": demande.mois,
        "nombre_formations": len(f),
        "cout": {
            "base": float(f["financement_amorcage_baseline"].sum()),
            "reforme": float(f["financement_amorcage_reform"].sum()),
        },
        "comparaison": comparaison,
        "chiffres": chiffres(tables["changements"]),
        "sans_effet": sans_effet(comparaison, tables["changements"], reforme),
        "tables": [(titre, tableau(tax_benefit_system, tables[cle])) for cle, titre in TABLES],
        "yaml": en_yaml(reforme),
        "commande": commande,
        "permalien": None if televerse else demande.permalien(),
        **fichiers(comparaison, tables),
    }
