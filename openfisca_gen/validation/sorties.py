"""What a command or a report writes, checked before anything is computed: its paths (`--out`, `ecrire`: a file of
results, never the data read; a folder, created if missing), its language, how many rows it lists. Refused with an
EntreeInvalideError (SortieInvalideError for a path) naming what is wrong."""

import os
from collections.abc import Iterable
from pathlib import Path

import numpy
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from openfisca_gen.validation.erreurs import EntreeInvalideError, Probleme, SortieInvalideError

LANGUES = ("en", "fr")  # the reports' (rapports.libelles writes each)


def _sortie_refusee(cle: str, **valeurs):
    raise SortieInvalideError([Probleme(cle, valeurs)])


def fichier_de_sortie(chemin: str | Path, donnees: str | None = None) -> Path:
    """A file the command may write (`--out`): a CSV or an Excel workbook, and never the file read (`--data`),
    nor, for a CSV, one of the tables written beside it (`<name>_structure.csv`…)."""
    chemin = str(chemin)
    if not chemin.strip():
        _sortie_refusee("sortie_vide", quoi="a file name (or leave --out out for standard output)")
    sortie = Path(chemin)
    if sortie.is_dir():
        _sortie_refusee("sortie_dossier", chemin=chemin)
    if sortie.name.lower() in (".csv", ".xlsx"):  # pathlib reads it as a hidden file without a suffix
        _sortie_refusee("sortie_sans_nom", chemin=chemin, exemple=str(sortie.with_name(f"results{sortie.name}")))
    if sortie.suffix.lower() not in (".csv", ".xlsx"):  # a CSV written under any other name was misleading
        _sortie_refusee("sortie_extension", chemin=chemin)
    if not sortie.parent.is_dir():
        _sortie_refusee("sortie_sans_dossier", chemin=chemin, dossier=str(sortie.parent))
    if not os.access(sortie.parent, os.W_OK) or (sortie.exists() and not os.access(sortie, os.W_OK)):
        _sortie_refusee("sortie_non_inscriptible", chemin=chemin)
    ecrits = chemins_des_tables(sortie, ("formation", "structure", "campagne"))  # every table it may write
    if _le_fichier_lu(ecrits, donnees):
        _sortie_refusee("sortie_ecrase_donnees", chemin=chemin, donnees=str(donnees))
    for voisin in ecrits:  # refused now, not after the first table is written
        if voisin.is_dir():
            _sortie_refusee("sortie_dossier", chemin=str(voisin))
        if voisin.exists() and not voisin.is_file():  # a named pipe waited for a reader without a word
            _sortie_refusee("sortie_speciale", chemin=str(voisin))
    return sortie


def sans_ecraser(chemins, donnees: str | None) -> None:
    """Refuse, before anything is written, to write over the data file read (`--data`): a report's table bearing
    its name in its folder (formations.csv), or a link to it there."""
    if donnees is not None and not isinstance(donnees, str | os.PathLike):  # a TypeError of pathlib before
        raise EntreeInvalideError([Probleme("donnees_pas_un_chemin", {"valeur": donnees})])
    if chemin := _le_fichier_lu(chemins, donnees):
        _sortie_refusee("table_ecrase_donnees", chemin=str(chemin), donnees=str(donnees))


def _le_fichier_lu(chemins, donnees) -> Path | None:
    """The first of `chemins` that is the data file read (itself, or a link to it), or None."""
    if donnees and Path(donnees).is_file():
        return next((Path(c) for c in chemins if Path(c).exists() and Path(c).samefile(donnees)), None)
    return None


def chemins_des_tables(chemin: Path, noms) -> list[Path]:
    """Where the tables `noms` are written for `chemin` (`rapports.tableaux.ecrire_tables`): one Excel workbook,
    or one CSV each, the first at `chemin`, the others beside it, suffixed by their name."""
    if chemin.suffix.lower() == ".xlsx":
        return [chemin]
    return [chemin if rang == 0 else chemin.with_name(f"{chemin.stem}_{nom}{chemin.suffix or '.csv'}")
            for rang, nom in enumerate(noms)]  # fmt: skip


def tables_anciennes(chemin: Path, ecrits, noms) -> list[Path]:
    """The tables of `noms` beside `chemin` that this run did not write (`ecrits`): an earlier run's
    `res_structure.csv`, left as it was, read as this run's."""
    return [autre for autre in chemins_des_tables(chemin, ["", *noms])[1:] if autre.exists() and autre not in ecrits]


def dossier_de_sortie(chemin: str | Path) -> Path:
    """A folder a command or a report may write into (`--out`, `ecrire`), created if missing."""
    chemin = str(chemin)
    if not chemin.strip():
        _sortie_refusee("sortie_vide", quoi="a folder (it is created if missing)")
    sortie = Path(chemin)
    if sortie.exists() and not sortie.is_dir():
        _sortie_refusee("sortie_fichier", chemin=chemin)
    try:
        sortie.mkdir(parents=True, exist_ok=True)
    except OSError as erreur:
        _sortie_refusee("sortie_impossible", chemin=chemin, raison=erreur.strerror or "unknown reason")
    if not os.access(sortie, os.W_OK):
        _sortie_refusee("sortie_non_inscriptible", chemin=chemin)
    return sortie


def une_langue(langue) -> str:
    """`langue` if the reports are written in it; refused naming it otherwise."""
    if langue not in LANGUES:
        raise EntreeInvalideError([Probleme("langue_inconnue", {"valeur": langue, "langues": list(LANGUES)})])
    return langue


def un_systeme(tax_benefit_system):
    """The rules to compute under: an OpenFisca tax-benefit system (the law, or a reform of it), else refused."""
    if not isinstance(tax_benefit_system, TaxBenefitSystem):
        raise EntreeInvalideError([Probleme("systeme_attendu", {"valeur": tax_benefit_system})])
    return tax_benefit_system


def des_noms(noms, champ: str) -> list:
    """Names given to a function: one name alone (not its letters), or a list of them; refused naming the argument
    `champ` otherwise (a TypeError or an AttributeError before)."""
    if isinstance(noms, str):
        return [noms]
    if isinstance(noms, bytes | dict) or not isinstance(noms, Iterable):
        raise EntreeInvalideError([Probleme("variables_pas_une_liste", {}, "requete", champ=champ)])
    return list(noms)


def des_colonnes(par) -> tuple:
    """The columns a report is broken down by: one name alone, a list of names (each once), or none (None)."""
    return () if par is None else tuple(dict.fromkeys(des_noms(par, "par")))


def un_entier_positif(valeur, quoi: str, minimum: int = 1) -> int:
    """`valeur` if it is a whole number of `minimum` or more (not a boolean, not 1.5); refused naming `quoi`
    otherwise."""
    if isinstance(valeur, bool) or not isinstance(valeur, int | numpy.integer) or valeur < minimum:
        details = {"quoi": quoi, "valeur": valeur, "minimum": minimum}
        raise EntreeInvalideError([Probleme("entier_positif_attendu", details)])
    return int(valeur)
