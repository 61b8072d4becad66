"""Populations of trainings as tables: CSV or pandas in, simulation, tables out.

One row per training: the input variables of `formation` as columns, plus
optional `formation_id`, `structure_id`, `campagne_id` and `statut_structure`
(see `openfisca_gen.validation.tables`, which checks and types them). A CSV
is UTF-8 text, comma-separated with a decimal point, or as a French
spreadsheet saves it: semicolon-separated with a decimal comma, often with a
byte-order mark, in Windows-1252 where it is not UTF-8, with French booleans,
days and amounts (VRAI, 12/10/2015, 45 000 €); the separator is read from
the header line, for the whole file. Lines starting with '#' at the top of
the file are a description.

Everything is vectorial: the table is typed column by column, and the
simulation is built from its arrays by the one seam (`openfisca_gen.simulation`).
"""

import csv
import functools
import os
import re
import warnings
import weakref
import zipfile
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import numpy
import pandas
from openfisca_core import periods
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import DateUnit
from openfisca_core.simulations import Simulation

from openfisca_gen.chemins import yaml_du_paquet
from openfisca_gen.helpers import appels_pas_encore_ouverts, conditions_applicables, numeros_d_appel, regles_ouvertes
from openfisca_gen.limites import MAX_COLONNES
from openfisca_gen.simulation import batir, construire_simulation, verifier_campagnes
from openfisca_gen.validation import (
    DonneesInvalidesError,
    EntreeInvalideError,
    PeriodeInvalideError,
    Probleme,
    trouver_parametre,
    un_mois,
)
from openfisca_gen.validation.erreurs import citee_en_francais, suggestions
from openfisca_gen.validation.fichiers import ligne_pas_en_utf8, lignes_bornees, pas_de_l_utf8
from openfisca_gen.validation.parametres import genre
from openfisca_gen.validation.sorties import des_noms, un_systeme
from openfisca_gen.validation.tables import IDENTIFIANTS, par_groupe, valider_table, variables_d_entree
from openfisca_gen.validation.types import ecrite, valeur_par_defaut

DONNEES = Path(__file__).parent / "donnees"
# The bundled synthetic populations by name, with their margins and assumptions (donnees/populations.yaml).
POPULATIONS = yaml_du_paquet(DONNEES / "populations.yaml")
POPULATION_EXEMPLE = DONNEES / POPULATIONS["appel_2015"]["fichier"]  # the default population: the first call's
UTF8, WINDOWS = "utf-8-sig", "cp1252"  # a CSV's encodings: UTF-8 (a byte-order mark skipped), else Windows'
# Each simulation `Population.simulation` built: (its month, its population), so that `tables` refuses another.
_CONSTRUITES = weakref.WeakKeyDictionary()


# Inputs whose default is no fact of a dossier (a day, a status, a trade, a duration, a budget, a condition a
# training must meet): a column left out gives every training a filing in 1970, « hors numérique », 0 €…
SANS_DEFAUT_NEUTRE = (
    "date_depot_dossier", "statut_structure", "metier_vise", "duree_formation_mois", "budget_session",
    "formation_gratuite", "pedagogie_innovante", "nombre_demandeurs_emploi_peu_qualifies",
)  # fmt: skip


# The counts behind the national objectives' shares: the share of the campaign's learners each makes, and its
# objective
PARTS_MESUREES = {
    "nombre_femmes": ("part_femmes_campagne", "objectif_part_femmes"),
    "nombre_jeunes_neet_peu_qualifies": (
        "part_jeunes_neet_peu_qualifies_campagne",
        "objectif_part_jeunes_neet_peu_qualifies",
    ),
}


@dataclass(frozen=True)
class Population:
    """A validated table of trainings, ready to be simulated under any rules.

    `table` holds the typed inputs, one row per training, with its ids;
    `groupes` maps "structure" (and "campagne" where the table gives it) to
    each row's group code and the group ids (pandas.factorize)."""

    table: pandas.DataFrame
    groupes: dict
    description: str = ""  # how reports describe it: "synthetic population" for a bundled one
    fournie: bool = False  # a bundled one, which gives every column its calls read (tests/test_population.py)
    commentaires: tuple = ()  # the lines of a CSV below its header read as comments (they begin with '#')
    pas_en_utf8: int | None = None  # the first line of a CSV read as Windows-1252, not being UTF-8
    fichier: str | None = None  # the CSV's name, by which a problem of a whole campaign names it

    def avertissements(self, tax_benefit_system, period) -> list[Probleme]:
        """What would make the results of `period` silently wrong though every cell is valid: a file read as
        Windows-1252 (its texts and ids mangled if it was in another encoding), lines read as comments, columns
        left out that the dossiers' calls read, dossiers whose call had not opened yet. The commands print them;
        `comparer` keeps them with the reform's (`Comparaison.avertissements`); the workshop shows them."""
        commentees = [Probleme("lignes_commentees", {"lignes": list(self.commentaires)})] if self.commentaires else []
        windows = [Probleme("lu_en_windows_1252", {"ligne": self.pas_en_utf8})] if self.pas_en_utf8 else []
        return [
            *windows,
            *commentees,
            *self._colonnes_absentes(tax_benefit_system, period),
            *self._appels_pas_encore_ouverts(tax_benefit_system, period),
        ]

    def _colonnes_absentes(self, tax_benefit_system, period) -> list[Probleme]:
        """A warning naming the columns left out that the dossiers' calls read and whose default is no fact of a
        dossier (SANS_DEFAUT_NEUTRE): every training takes the default, a budget of 0 € or a training not free,
        without a word otherwise."""
        tax_benefit_system = _qui_lit_les_colonnes(tax_benefit_system)
        sous_la_loi = getattr(tax_benefit_system, "baseline", None) is None
        if (self.fournie and sous_la_loi) or all(nom in self.table for nom in SANS_DEFAUT_NEUTRE):
            return []  # nothing to trace the calls for
        numeros = set(numpy.unique(self._appels(tax_benefit_system, period)).tolist()) - {0}
        lues = {nom for nom, appels in appels_des_colonnes(tax_benefit_system).items() if numeros & set(appels)}
        lues |= set() if numeros else {"date_depot_dossier"}  # no dossier answers a call: its date first, if left out
        absentes = [nom for nom in SANS_DEFAUT_NEUTRE if nom not in self.table and nom in lues]
        if not absentes:
            return []
        defauts = {nom: valeur_par_defaut(tax_benefit_system.variables[nom]) for nom in absentes}
        anglais = ", ".join(f"{nom} = {ecrite(valeur)}" for nom, valeur in defauts.items())
        francais = ", ".join(f"{nom} = {citee_en_francais(v)}" for nom, v in defauts.items())
        return [Probleme("colonnes_absentes", {"noms": absentes, "defauts": anglais, "defauts_fr": francais})]

    def non_mesurees(self) -> list[str]:
        """The campaigns' shares the national objectives read, and those objectives, that this table cannot measure:
        it gives no count of learners, or none of the share's part. Computed from 0, they read « 0 % » and « not
        met » as if measured (the third call's data give no NEET young people)."""
        if "nombre_apprenants" not in self.table:
            return [nom for parts in PARTS_MESUREES.values() for nom in parts]
        return [nom for compte, parts in PARTS_MESUREES.items() if compte not in self.table for nom in parts]

    def _appels_pas_encore_ouverts(self, tax_benefit_system, period) -> list[Probleme]:
        """A warning where dossiers answer a call that had not opened by the end of `period`: computed then, they
        answer no call yet and get nothing (a later call's file computed in the CLI's default month came out all
        zeros). A dossier filed after the month in a call already open is judged by it: no warning."""
        if "date_depot_dossier" not in self.table:
            return []
        mois = un_mois(period)
        depots = self.table["date_depot_dossier"]
        apres = appels_pas_encore_ouverts(tax_benefit_system, depots.to_numpy(dtype="datetime64[D]"), mois)
        if not apres.any():
            return []
        details = {"nombre": int(apres.sum()), "total": len(depots), "mois": mois, "dernier": str(depots.max())[:7]}
        return [Probleme("appel_pas_encore_ouvert", details)]

    def simulation(self, tax_benefit_system, period):
        """An OpenFisca simulation of these trainings for the month `period`, under `tax_benefit_system` (a reform or
        not). Without a campagne_id column, each call's dossiers make one campaign (`appel_1`…, `hors_appel` for
        those of no call); a campaign given that mixes dossiers of several calls is refused."""
        period = un_mois(period)
        variables = variables_d_entree(un_systeme(tax_benefit_system))
        groupes = dict(self.groupes)
        if "campagne" not in groupes:
            groupes["campagne"] = self._campagnes_par_appel(tax_benefit_system, period)
        ids = {"formation": self.table["formation_id"].to_numpy(), **{cle: ids for cle, (_, ids) in groupes.items()}}
        entrees = {}
        for colonne in self.table.columns.difference(IDENTIFIANTS):
            variable = variables[colonne]
            valeurs = self.table[colonne].to_numpy()
            if variable.entity.key == "structure":  # one value per structure, checked consistent
                codes, structures = groupes["structure"]
                valeurs = par_groupe(valeurs, codes, len(structures))
            periode = "ETERNITY" if variable.definition_period == DateUnit.ETERNITY else str(period)
            entrees[(colonne, periode)] = (None, valeurs)
        simulation = batir(tax_benefit_system, ids, {cle: codes for cle, (codes, _) in groupes.items()}, entrees)
        if "campagne" in self.groupes:
            verifier_campagnes(simulation, period, "campagne_id", self.fichier)
        _CONSTRUITES[simulation] = (period, weakref.ref(self))
        return simulation

    def _appels(self, tax_benefit_system, period) -> numpy.ndarray:
        """Each row's call in `period` (0: none), by its filing date among the calls opened by then."""
        parametres = tax_benefit_system.parameters
        regles = regles_ouvertes(parametres, tax_benefit_system.get_parameters_at_instant, periods.period(period))
        depots = self.table.get("date_depot_dossier", pandas.Series(numpy.datetime64("1970-01-01"), self.table.index))
        return numeros_d_appel(depots.to_numpy(dtype="datetime64[D]"), regles)

    def _campagnes_par_appel(self, tax_benefit_system, period):
        """(each row's campaign code, the campaigns' ids): one campaign per call the dossiers answer."""
        codes, numeros = pandas.factorize(self._appels(tax_benefit_system, period))
        return codes, numpy.array([f"appel_{numero}" if numero else "hors_appel" for numero in numeros])

    def tables(self, simulation, variables, period) -> dict[str, pandas.DataFrame]:
        """Computed variables, one table per entity: "formation" (one row per training, indexed by formation_id,
        with the ids of its structure and campaign), and, for the group variables asked for, "structure" and
        "campagne" (one row per group, indexed by its id). A group's value is never repeated on its trainings,
        so that no sum over trainings counts it more than once. `period` is the month the simulation was built
        for (`simulation`): in another, its monthly inputs would not be read. A share the table cannot measure,
        and its objective, are missing (`non_mesurees`), not the 0 they are computed from."""
        variables = _des_variables(simulation, variables)
        systeme, period = simulation.tax_benefit_system, un_mois(period)
        mois, construite_par = _CONSTRUITES.get(simulation, (period, None))
        if mois != period:
            raise PeriodeInvalideError([Probleme("simulation_d_un_autre_mois", {"construite": mois, "mois": period})])
        ids = simulation.populations["formation"].ids
        autre = construite_par is not None and construite_par() is not self  # its values may differ, its ids alike
        if autre or not numpy.array_equal(ids, self.table["formation_id"].to_numpy()):
            details = {"nombre": len(ids), "premiere": str(ids[0]) if len(ids) else "", "attendus": len(self.table)}
            raise EntreeInvalideError([Probleme("simulation_d_autres_formations", details)])
        if inconnues := [nom for nom in variables if nom not in systeme.variables]:
            raise EntreeInvalideError(
                [Probleme("variables_inconnues", {"noms": inconnues, **suggestions(inconnues, systeme.variables)})]
            )
        tables = {
            "formation": pandas.DataFrame(
                index=pandas.Index(self.table["formation_id"].to_numpy(), name="formation_id")
            )
        }
        for cle in ("structure", "campagne"):
            population = simulation.populations[cle]
            tables["formation"][f"{cle}_id"] = population.ids[population.members_entity_id]
        for nom in variables:
            entite = systeme.variables[nom].entity.key
            if entite not in tables:
                ids = simulation.populations[entite].ids
                tables[entite] = pandas.DataFrame(index=pandas.Index(ids, name=f"{entite}_id"))
            valeurs = simulation.calculate(nom, period)
            tables[entite][nom] = valeurs.decode_to_str() if hasattr(valeurs, "decode_to_str") else valeurs
        for nom in set(self.non_mesurees()) & set(tables.get("campagne", ())):  # « 0 », « non_atteint » as measured
            tables["campagne"][nom] = tables["campagne"][nom].where(tables["campagne"][nom].eq("non_applicable"))
        return tables

    def resultats(self, simulation, variables, period) -> pandas.DataFrame:
        """Training variables, one row per training, with the ids of its structure and campaign. A group's variable
        is refused here (a sum over trainings would count it once per training): `tables` gives it, one row per
        group."""
        variables = _des_variables(simulation, variables)
        connues = simulation.tax_benefit_system.variables
        inconnues = [nom for nom in variables if nom not in connues]
        groupes = [nom for nom in variables if nom in connues and not connues[nom].entity.is_person]
        details = {"noms": inconnues, **suggestions(inconnues, connues)}
        problemes = [Probleme("variables_inconnues", details)] if inconnues else []
        problemes += [Probleme("variable_de_groupe", {"noms": groupes})] if groupes else []
        if problemes:  # both at once, not one run after the other
            raise EntreeInvalideError(problemes)
        return self.tables(simulation, variables, period)["formation"]


def _des_variables(simulation, variables) -> list:
    """The variables asked of a simulation, as a list (one name may be given alone); a simulation that is none, or
    variables that are no names, refused naming them (an AttributeError or a TypeError before)."""
    if not isinstance(simulation, Simulation):
        raise EntreeInvalideError([Probleme("simulation_attendue", {"valeur": simulation})])
    noms = des_noms(variables, "variables")
    if not noms:  # the ids alone came back, where the command line and /compare refuse an empty list
        raise EntreeInvalideError([Probleme("aucune_variable_demandee", {}, "requete", champ="variables")])
    return noms


def population_fournie(source) -> str | None:
    """The bundled population's name that `source` (a name or a path) is, or None."""
    if isinstance(source, str) and source in POPULATIONS:
        return source
    fichiers = {(DONNEES / p["fichier"]).resolve(): nom for nom, p in POPULATIONS.items()}
    return fichiers.get(Path(source).resolve()) if isinstance(source, str | Path) else None


@functools.lru_cache(maxsize=16)  # traced once per system (70 ms): the pages' form and every comparison read it
def appels_des_colonnes(tax_benefit_system) -> dict[str, list[int]]:
    """For each input variable, the calls whose rules read it: traced on one dossier filed on each call's opening
    day, computed in its opening month (its eligibility conditions, funding, label and campaign objectives), not
    counting the conditions that only other calls apply."""
    parametres = tax_benefit_system.parameters
    ouvertures = sorted({v.value for v in parametres.calendrier.date_ouverture.values_list if v.value})
    regles = [tax_benefit_system.get_parameters_at_instant(ouverture) for ouverture in ouvertures]
    conditions = [set(conditions_applicables(r, regles[0])) for r in regles]
    entrees = set(variables_d_entree(tax_benefit_system))
    sorties = (
        "eligible_labellisation",
        "financement_amorcage",
        "label_en_vigueur",
        "cout_financement_amorcage_campagne",
    )
    objectifs = [n for n, v in tax_benefit_system.variables.items() if v.entity.key == "campagne" and "objectif" in n]
    par_colonne: dict[str, list[int]] = {}
    for numero, (ouverture, applicables) in enumerate(zip(ouvertures, conditions, strict=True), 1):
        situation = {"formations": {"f": {"date_depot_dossier": {ouverture[:7]: ouverture}}}}
        simulation = construire_simulation(tax_benefit_system, situation)
        simulation.trace = True
        for nom in (*sorties, *objectifs, *applicables):
            simulation.calculate(nom, ouverture[:7])
        vues = set()
        sauf = set().union(*conditions) - applicables
        for noeud in simulation.tracer.browse_trace():
            if noeud.name in (*sorties, *objectifs, *applicables):
                _lues(simulation, noeud, sauf, entrees, vues)
        for nom in sorted(n for lue, n in (v for v in vues if v[0] == "lue") if lue == "lue"):
            par_colonne.setdefault(nom, []).append(numero)
    return par_colonne


def _lues(simulation, noeud, sauf: set, entrees: set, vues: set) -> None:
    """The inputs read below a trace node, not descending into the variables of `sauf`."""
    for enfant in noeud.children:
        if enfant.name in sauf or (enfant.name, str(enfant.period)) in vues:
            continue
        vues.add((enfant.name, str(enfant.period)))
        if enfant.name in entrees:
            vues.add(("lue", enfant.name))
        _lues(simulation, enfant, sauf, entrees, vues)


def _qui_lit_les_colonnes(tax_benefit_system):
    """The rules whose calls' columns to trace: a reform's where it switches a condition or a reading, or moves
    the calendar (the columns read may change), its baseline's otherwise (an amount, a rate or a threshold reads
    no other column), which a bundled population is known to give; 70 ms of tracing spared per comparison."""
    base, changements = getattr(tax_benefit_system, "baseline", None), getattr(tax_benefit_system, "changements", None)
    if base is None or not isinstance(changements, dict):
        return tax_benefit_system
    for chemin in changements:
        if chemin.startswith("calendrier.") or genre(trouver_parametre(base.parameters, chemin)) == "booleen":
            return tax_benefit_system
    return base


def une_population(tax_benefit_system, source) -> Population:
    """`source` as it is if it is a Population, else read by `lire_population` (a bundled name, a CSV path, a
    DataFrame): what the analyses take, so that a name or a table gets a refusal naming it, not an AttributeError."""
    return source if isinstance(source, Population) else lire_population(tax_benefit_system, source)


def lire_population(tax_benefit_system, source, nom: str | None = None) -> Population:
    """A validated population from a bundled population's name (POPULATIONS: appel_2015, appel_2016,
    appel_2018), a CSV path or a pandas DataFrame.

    CSV cells are read as text and typed by the model's variables, so '12abc'
    is an error, not a NaN; errors name the line of the file, and the file by
    `nom` where given (an upload's own name), else by its path."""
    un_systeme(tax_benefit_system)
    if isinstance(source, pandas.DataFrame):
        return Population(*valider_table(tax_benefit_system, source))
    if not isinstance(source, str | os.PathLike) or not str(source).strip():
        details = {"valeur": source, "populations": ", ".join(POPULATIONS)}
        raise DonneesInvalidesError([Probleme("source_de_population", details)])
    if isinstance(source, str) and source in POPULATIONS:
        population = lire_population(tax_benefit_system, DONNEES / POPULATIONS[source]["fichier"])
        return Population(population.table, population.groupes, POPULATIONS[source]["description"], fournie=True)
    fichier = nom or Path(source).name
    description = POPULATIONS[fournie]["description"] if (fournie := population_fournie(source)) else ""
    # pandas' C parser types the numbers and booleans of a valid file; a file with any problem is read again
    # as text, cell by cell, so that every problem is named as the text reading names it.
    encodage = UTF8  # the text pass reads the file in the encoding the typed pass found
    for types in (_types_du_csv(tax_benefit_system), str):
        table, entete, separateur, commentaires, encodage = _lire_csv(Path(source), nom, types, encodage)
        table.index = table.index + entete + 2
        if len(commentaires):  # named by their lines, blank lines and quoted line breaks counted
            lignes = _lignes_des_enregistrements(Path(source), entete, separateur, encodage, fichier)
            commentaires = tuple(lignes.get(rang + entete + 2, rang + entete + 2) for rang in commentaires)
        if table.empty and len(commentaires):  # every row read as a comment: « no rows » would not say why
            raise DonneesInvalidesError(
                [Probleme("table_vide"), Probleme("lignes_commentees", {"lignes": commentaires})]
            )
        try:
            valide = valider_table(tax_benefit_system, table, fichier, "," if separateur == ";" else ".")
        except DonneesInvalidesError as erreur:
            if types is str:  # each problem at the line it is on, blank lines and quoted line breaks counted
                lignes = _lignes_des_enregistrements(Path(source), entete, separateur, encodage, fichier)
                raise DonneesInvalidesError([
                    replace(p, ligne=lignes.get(p.ligne, p.ligne)) if p.lieu == "ligne" else p for p in erreur.problemes
                ]) from None  # fmt: skip
            continue
        pas_en_utf8 = None if encodage == UTF8 else ligne_pas_en_utf8(source)
        return Population(*valide, description, bool(fournie), tuple(commentaires), pas_en_utf8, fichier)


def _types_du_csv(tax_benefit_system) -> dict:
    """The columns pandas must leave as text: the ids and the texts as text; the names (enums) and the dates as
    categories, each distinct value held (and typed) once, not a million times."""
    variables = variables_d_entree(tax_benefit_system).items()
    textes = {nom: str for nom in IDENTIFIANTS} | {nom: str for nom, v in variables if v.value_type is str}
    return textes | {nom: "category" for nom, v in variables if v.value_type is date or v.value_type is Enum}


def _guillemet_ouvert(source: Path, description: int, encodage: str) -> int:
    """The line (from 1) of a CSV where a quote opens a cell that no later quote closes: the last line from which
    the count of quotes stays odd (a quote written twice, "", leaves it even)."""
    ouverte = 0
    with open(source, encoding=encodage) as fichier:
        for numero, ligne in enumerate(fichier, 1):
            if numero > description and ligne.count('"') % 2:
                ouverte = 0 if ouverte else numero
    return ouverte


def pas_un_csv(source: Path, nom: str) -> None:
    """Refuse, by its first bytes, a workbook (xlsx and ods are zip files, xls an OLE file) or another zip archive
    given as a CSV: read as text it is "not UTF-8", and its lines, counted, mean nothing."""
    with open(source, "rb") as fichier:
        debut = fichier.read(8)
    zip_ = debut.startswith(b"PK\x03\x04")
    if (zip_ and _classeur_zip(source)) or debut == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise DonneesInvalidesError([Probleme("classeur", {"fichier": nom})])
    if zip_:
        raise DonneesInvalidesError([Probleme("archive", {"fichier": nom})])


def _classeur_zip(source: Path) -> bool:
    """Whether a zip file is a workbook: an xlsx declares its content types, an ods its mimetype, first."""
    try:
        with zipfile.ZipFile(source) as archive:
            return bool({"[Content_Types].xml", "mimetype"} & set(archive.namelist()))
    except zipfile.BadZipFile:
        return False


def _lire_csv(source: Path, nom: str | None, types=str, encodage: str = UTF8) -> tuple:
    """The table of a CSV file (`types`: str, every cell as text; or a dict of the columns to keep as text, the
    others typed by pandas), the number of description lines above its header, its separator, the ranks of
    the records below the header read as comments (their first cell begins with '#'), and its encoding: UTF-8
    (with or without a byte-order mark), or Windows-1252, as a spreadsheet of Windows saves a CSV, where it is
    not UTF-8 (read again as such)."""
    nom = nom or str(source)
    # /dev/zero, /dev/urandom are read for ever; a pipe (<(cat f.csv), /dev/stdin) is read several times here
    if source.is_char_device() or source.is_block_device() or source.is_fifo():
        raise DonneesInvalidesError([Probleme("peripherique", {"fichier": nom})])
    try:
        pas_un_csv(source, nom)
        with open(source, encoding=encodage) as fichier:
            description, entete = _entete(fichier, nom)
        separateur = separateur_de(entete)
        if types is not str and _chiffres_de_trop(source, separateur):  # pandas' parser would round them
            types = str
        if entete.count("\t") > entete.count(separateur):  # read as one column named by the whole header
            raise DonneesInvalidesError([Probleme("tabulations", {"fichier": nom})])
        _lisible(entete, description, separateur, nom)
        with warnings.catch_warnings():
            warnings.simplefilter("error", pandas.errors.ParserWarning)  # a row longer than the header
            table = pandas.read_csv(
                source, sep=separateur, dtype=types, na_filter=False, skiprows=description, index_col=False,
                encoding=encodage, decimal="," if separateur == ";" and types is not str else ".",
            )  # fmt: skip
    except pandas.errors.ParserWarning:
        raise DonneesInvalidesError(_lignes_trop_longues(source, description, separateur, nom, encodage)) from None
    except UnicodeDecodeError:
        refus = _pas_windows(source, nom) if encodage == UTF8 else pas_de_l_utf8(source, nom)
        if refus is None:
            return _lire_csv(source, nom, types, WINDOWS)
        raise DonneesInvalidesError([refus]) from None
    except (StopIteration, pandas.errors.EmptyDataError):
        raise DonneesInvalidesError([Probleme("fichier_vide", {"fichier": nom})]) from None
    except FileNotFoundError:
        if source.suffix:
            raise DonneesInvalidesError([Probleme("fichier_absent", {"fichier": nom})]) from None
        populations = ", ".join(POPULATIONS)  # a name without a suffix was meant as a bundled population
        raise DonneesInvalidesError(
            [Probleme("population_inconnue", {"fichier": nom, "populations": populations})]
        ) from None
    except IsADirectoryError:
        raise DonneesInvalidesError([Probleme("fichier_dossier", {"fichier": nom})]) from None
    except (OSError, pandas.errors.ParserError) as erreur:
        raison = getattr(erreur, "strerror", None) or str(erreur).strip() or "unreadable"
        if "fields in line" in raison:  # a row longer than the header below the first: the C parser's error
            raise DonneesInvalidesError(_lignes_trop_longues(source, description, separateur, nom, encodage)) from None
        if "EOF inside string" in raison:  # pandas counts records, not lines: a quoted cell may hold a line break
            details = {"fichier": nom, "ligne": _guillemet_ouvert(source, description, encodage)}
            raise DonneesInvalidesError([Probleme("guillemet_non_ferme", details)]) from None
        raise DonneesInvalidesError([Probleme("illisible", {"fichier": nom, "raison": raison})]) from None
    table, commentaires = _sans_commentaires_ni_blancs(table)
    colonnes = next(csv.reader([entete.strip("\r\n")], delimiter=separateur))
    if len(colonnes) == len(table.columns):  # as written: pandas renames 'x' given twice 'x.1', a blank 'Unnamed: 0'
        table.columns = colonnes  # a blank name is named by its rank, as a DataFrame's is (valider_table)
    return table, description, separateur, numpy.flatnonzero(commentaires), encodage


def separateur_de(entete: str) -> str:
    """A CSV's separator, read from its header line, for the whole file: a French spreadsheet's semicolon, or a
    comma."""
    return ";" if entete.count(";") > entete.count(",") else ","


def _sans_commentaires_ni_blancs(table: pandas.DataFrame) -> tuple[pandas.DataFrame, numpy.ndarray]:
    """The table without its comment records (a first cell starting with "#": which, as a boolean array) and its
    blank ones: separators alone (;;;;, a row a spreadsheet cleared), spaces among them. Read from each record's
    first character, as one numpy array (`str.startswith` took a tenth of a million trainings' build)."""
    premiers = table.iloc[:, 0].to_numpy().astype("U1")
    commentaires = premiers == "#"
    if commentaires.any():  # no copy of the table when there is none
        table, premiers = table[~commentaires], premiers[~commentaires]
    vides = numpy.isin(premiers, ["", " ", "\t"])
    if vides.any():  # the other cells of those rows only
        blanches = table[vides].astype(str).apply(lambda colonne: colonne.str.strip() == "").all(axis=1)
        table = table.drop(index=blanches.index[blanches.to_numpy()])
    return table, commentaires


def _pas_windows(source: Path, nom: str) -> Probleme | None:
    """Why a file that is not UTF-8 cannot be read as Windows-1252 text, naming the lines, or None where it can:
    a control character but the tab and line breaks, or a byte that encoding leaves undefined (a binary file,
    UTF-16); or UTF-8 text beside it (a byte-order mark, an accent written in UTF-8), whose ids would be read
    otherwise than the same ids written in Windows-1252: two structures where there is one."""
    autre = utf8 = None
    with open(source, "rb") as fichier:
        for numero, ligne in lignes_bornees(fichier):
            autre = autre or (numero if _PAS_WINDOWS.search(ligne) else None)
            utf8 = utf8 or (numero if _UTF8.search(ligne) else None)
    if autre:
        return Probleme("ni_utf8_ni_windows", {"fichier": nom, "ligne": ligne_pas_en_utf8(source), "autre": autre})
    if utf8:
        return Probleme("encodages_melanges", {"fichier": nom, "ligne": ligne_pas_en_utf8(source), "utf8": utf8})
    return None


_PAS_WINDOWS = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x81\x8d\x8f\x90\x9d]")
_UTF8 = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _chiffres_de_trop(source: Path, separateur: str, taille: int = 1 << 20) -> bool:
    """Whether a CSV holds 16 digits in a row (points, or commas in a French file, among them): a number pandas'
    parser would round without a word (2.99999999999999999 months read as 3), or an id of as many digits. Read
    in blocks, each character mapped to whether it may be part of a number."""
    table = _CHIFFRES_VIRGULE if separateur == ";" else _CHIFFRES
    motif, fin = b"1" * 16, b""
    with open(source, "rb") as fichier:
        while bloc := fichier.read(taille):
            traduit = bloc.translate(table)
            if traduit.find(motif) >= 0 or (fin + traduit[:15]).find(motif) >= 0:  # within a block, or across two
                return True
            fin = (fin + traduit)[-15:] if len(traduit) < 15 else traduit[-15:]  # the last 15 characters read
    return False


_CHIFFRES = bytes(0x31 if chr(octet) in "0123456789." else 0x30 for octet in range(256))
_CHIFFRES_VIRGULE = bytes(0x31 if chr(octet) in "0123456789.," else 0x30 for octet in range(256))


def _entete(fichier, nom: str) -> tuple[int, str]:
    """The number of description lines ('#') above the header, and the header, each line read to a bound: a line
    longer than any columns' names is refused once the bound is read (`--data /dev/zero` filled the memory, and a
    file of 300 MB without a line break took 670 MB before its refusal)."""
    limite, description = csv.field_size_limit(), 0
    while ligne := fichier.readline(limite + 1):
        if len(ligne.rstrip("\n")) > limite:  # its line break is not counted
            cle = "description_trop_longue" if ligne.startswith("#") else "entete_trop_longue"
            details = {"fichier": nom, "longueur": limite, "ligne": description + 1}
            raise DonneesInvalidesError([Probleme(cle, details)])
        if not ligne.startswith("#"):
            return description, ligne
        description += 1
    if description:  # only description lines: « the file is empty » said nothing of them
        raise DonneesInvalidesError([Probleme("que_des_commentaires", {"fichier": nom, "lignes": description})])
    raise DonneesInvalidesError([Probleme("fichier_vide", {"fichier": nom})])  # no header


def _lisible(entete: str, description: int, separateur: str, nom: str) -> None:
    """Refuse, before pandas reads it, a file that is not text or whose header has more columns than a table of
    trainings can (reading 100 000 unknown columns would take half a minute)."""
    if "\x00" in entete:
        raise DonneesInvalidesError([Probleme("pas_du_texte", {"fichier": nom, "ligne": description + 1})])
    nombre = entete.count(separateur) + 1
    if nombre > MAX_COLONNES:
        details = {"fichier": nom, "nombre": nombre, "maximum": MAX_COLONNES}
        raise DonneesInvalidesError([Probleme("trop_de_colonnes", details)])


def _enregistrements(source: Path, description: int, separateur: str, encodage: str, nom: str):
    """The records of a CSV below its description, read again by the csv module (only once a problem is to be
    named): the header first, then each data record, as (the line it starts on, the line it ends on, its fields).
    A blank line (spaces and tabs alone too) is no record, as pandas skips it; a quoted cell's line break stays
    inside its record."""
    with open(source, encoding=encodage, newline="") as fichier:
        lignes, debut = csv.reader(fichier, delimiter=separateur), description + 1
        try:
            for _ in range(description):
                next(lignes)
            debut = lignes.line_num + 1
            for champs in lignes:
                if champs and (len(champs) > 1 or champs[0].strip(" \t")):
                    yield debut, lignes.line_num, champs
                debut = lignes.line_num + 1
        except csv.Error:  # a cell longer than the csv module reads (a traceback, a 500): no column holds one
            details = {"fichier": nom, "ligne": debut, "longueur": csv.field_size_limit()}
            raise DonneesInvalidesError([Probleme("cellule_trop_longue", details)]) from None


def _lignes_des_enregistrements(source: Path, description: int, separateur: str, encodage: str, nom: str) -> dict:
    """Each data record's label as the reader numbers it (its rank + the lines above the data + 1) → the line of
    the file it starts on: the two part where pandas skips a blank line, or reads a quoted cell's line break
    inside one record."""
    enregistrements = _enregistrements(source, description, separateur, encodage, nom)
    next(enregistrements)  # the header
    return {rang + description + 2: debut for rang, (debut, _, _) in enumerate(enregistrements)}


def _lignes_trop_longues(source, description: int, separateur: str, nom: str, encodage: str) -> list[Probleme]:
    """The lines with more fields than the header (read again, only once pandas has found one)."""
    enregistrements = _enregistrements(source, description, separateur, encodage, nom)
    entete = len(next(enregistrements)[2])
    return [
        Probleme("ligne_trop_longue", {"champs": len(champs), "entete": entete}, "ligne", ligne=fin,
                 fichier=Path(nom).name)
        for _, fin, champs in enregistrements
        if len(champs) > entete
    ]  # fmt: skip
