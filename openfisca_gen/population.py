"""Populations of trainings as tables: CSV or pandas in, simulation, tables out.

One row per training: the input variables of `formation` as columns, plus
optional `formation_id` (default: the row's position), `structure_id`
(default: each training its own structure), `campagne_id` (default: one
campaign) and `statut_structure`
(a structure's status, repeated on each of its rows). A column left out takes
the variable's default for every row; an empty cell is an error. Nothing is
coerced silently: every error names the row and the field (see openfisca_gen.validation).

Everything is vectorial: validation works on whole columns, and the
simulation is built with OpenFisca's SimulationBuilder from arrays.
"""

import csv
import difflib
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy
import pandas
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_gen.validation import (
    DonneesInvalidesError,
    erreurs_d_identifiants,
    erreurs_de_domaine,
    pas_de_l_utf8,
    typer,
)

IDENTIFIANTS = ("formation_id", "structure_id", "campagne_id")
POPULATION_EXEMPLE = Path(__file__).parent / "donnees" / "population_premier_appel.csv"  # synthetic, see its header


def variables_d_entree(tax_benefit_system) -> dict:
    """The variables a table may give: those without a formula, on formation or structure."""
    return {
        nom: variable
        for nom, variable in tax_benefit_system.variables.items()
        if not variable.formulas and variable.entity.key in ("formation", "structure")
    }


@dataclass(frozen=True)
class Population:
    """A validated table of trainings, ready to be simulated under any rules.

    `table` holds the typed inputs, one row per training, with its ids;
    `groupes` maps "structure" and "campagne" to each row's group code and
    the group ids (pandas.factorize), computed once at validation."""

    table: pandas.DataFrame
    groupes: dict

    def simulation(self, tax_benefit_system, period):
        """An OpenFisca simulation of these trainings for `period`, under `tax_benefit_system` (a reform or not)."""
        variables = variables_d_entree(tax_benefit_system)
        builder = SimulationBuilder()
        builder.create_entities(tax_benefit_system)
        # What declare_person_entity does, without turning the ids into a Python list and back.
        formations = builder.populations["formation"]
        formations.ids, formations.count = numpy.arange(len(self.table)), len(self.table)
        for cle, (codes, ids) in self.groupes.items():
            groupe = builder.declare_entity(cle, range(len(ids)))
            # What join_with_persons computes; each group has one role, OpenFisca's default, so no per-row
            # role array is built (its setter makes a Python list of the rows).
            groupe.members_entity_id = codes
        simulation = builder.build(tax_benefit_system)
        for colonne in self.table.columns.difference(IDENTIFIANTS):
            valeurs = self.table[colonne].to_numpy()
            if variables[colonne].entity.key == "structure":  # one value per structure, checked consistent
                valeurs = _par_groupe(valeurs, *self.groupes["structure"])
            simulation.set_input(colonne, period, valeurs)
        return simulation

    def resultats(self, simulation, variables, period) -> pandas.DataFrame:
        """Computed variables, one row per training (group variables repeated on their members)."""
        colonnes = {}
        for nom in variables:
            valeurs = simulation.calculate(nom, period)
            entite = simulation.tax_benefit_system.variables[nom].entity
            if not entite.is_person:
                valeurs = simulation.populations[entite.key].project(valeurs)
            colonnes[nom] = valeurs.decode_to_str() if hasattr(valeurs, "decode_to_str") else valeurs
        return pandas.DataFrame(colonnes, index=self.table["formation_id"].to_numpy())


def _par_groupe(valeurs, codes, ids):
    """One value per group, from rows that agree within each group (the last row's value)."""
    par_groupe = numpy.empty(len(ids), dtype=valeurs.dtype)
    par_groupe[codes] = valeurs
    return par_groupe


def _libelle(table: pandas.DataFrame, lignes: str):
    """A function naming row i, for error messages (built for bad rows only)."""
    positions = table.index
    noms = table.get("formation_id")
    if noms is None:
        return lambda i: f"{lignes} {positions[i]}"
    return lambda i: f"{lignes} {positions[i]} (formation {str(noms.iloc[i])!r})"


def valider(tax_benefit_system, table: pandas.DataFrame, lignes: str = "row") -> Population:
    """Check a table and type its columns; raise DonneesInvalidesError listing every problem."""
    variables = variables_d_entree(tax_benefit_system)
    doublons = table.columns[table.columns.duplicated()].unique()
    erreurs = [f"column '{colonne}' is given more than once; keep one" for colonne in doublons]
    for colonne in table.columns.drop_duplicates():
        if colonne not in variables and colonne not in IDENTIFIANTS:
            calculee = colonne in tax_benefit_system.variables
            proches = difflib.get_close_matches(str(colonne), [*variables, *IDENTIFIANTS], n=2)
            raison = (
                "is computed by the model, not an input"
                if calculee
                else "is not an input variable" + (f"; did you mean {' or '.join(proches)}?" if proches else "")
            )
            erreurs.append(f"column '{colonne}' {raison}")
    if table.empty:
        erreurs.append("the table has no trainings (no rows)")
    if erreurs:
        raise DonneesInvalidesError(erreurs)
    nombre = len(table)
    libelle = _libelle(table, lignes)
    typee = {colonne: table[colonne].array for colonne in IDENTIFIANTS if colonne in table}  # no copy
    typee.setdefault("formation_id", numpy.arange(nombre))
    typee.setdefault("structure_id", typee["formation_id"])  # each training its own structure
    typee.setdefault("campagne_id", numpy.full(nombre, "campagne"))
    erreurs += erreurs_d_identifiants(table, IDENTIFIANTS, libelle)
    groupes = {
        "structure": pandas.factorize(typee["structure_id"]),
        "campagne": pandas.factorize(typee["campagne_id"]),
    }
    for colonne in table.columns.difference(IDENTIFIANTS, sort=False):
        typee[colonne] = typer(
            table[colonne], variables[colonne], True, lambda i, c=colonne: f"{libelle(i)}, field '{c}'", erreurs
        )
    numeriques = [c for c in typee if c in variables and variables[c].value_type in (int, float)]
    erreurs += erreurs_de_domaine({c: typee[c] for c in numeriques}, lambda i, champ: f"{libelle(i)}, field '{champ}'")
    for colonne in table.columns:
        if colonne in variables and variables[colonne].entity.key == "structure":
            codes, ids = groupes["structure"]
            differe = _par_groupe(typee[colonne], codes, ids)[codes] != typee[colonne]
            for structure in pandas.unique(ids[codes[differe]]):
                erreurs.append(
                    f"structure '{structure}', field '{colonne}': differs between the rows of this structure"
                )
    if erreurs:
        raise DonneesInvalidesError(erreurs)
    for colonne in numeriques:
        typee[colonne] = typee[colonne].astype(variables[colonne].dtype)
    return Population(pandas.DataFrame(typee), groupes)


def lire_population(tax_benefit_system, source) -> Population:
    """A validated population from a CSV path or a pandas DataFrame.

    CSV cells are read as text and typed by the model's variables, so '12abc'
    is an error, not a NaN. Lines starting with '#' at the top of the file
    are a description and are skipped; errors name the line of the file.
    """
    if isinstance(source, pandas.DataFrame):
        return valider(tax_benefit_system, source)
    try:
        with open(source, encoding="utf-8") as fichier:
            description, entete = next((i, ligne) for i, ligne in enumerate(fichier) if not ligne.startswith("#"))
        with warnings.catch_warnings():
            warnings.simplefilter("error", pandas.errors.ParserWarning)  # a row longer than the header
            table = pandas.read_csv(source, dtype=str, keep_default_na=False, skiprows=description, index_col=False)
    except pandas.errors.ParserWarning:
        raise DonneesInvalidesError(_lignes_trop_longues(source, description)) from None
    except UnicodeDecodeError:
        raise DonneesInvalidesError([f"cannot read '{source}': {pas_de_l_utf8(source)}"]) from None
    except (OSError, StopIteration, pandas.errors.ParserError, pandas.errors.EmptyDataError) as erreur:
        raise DonneesInvalidesError([f"cannot read '{source}': {str(erreur) or 'the file is empty'}"]) from erreur
    colonnes = next(csv.reader([entete.lstrip("\ufeff")]))
    if len(set(colonnes)) < len(colonnes) == len(table.columns):
        table.columns = colonnes  # pandas renamed a column given twice 'x.1': valider names it as given
    table.index = table.index + description + 2
    return valider(tax_benefit_system, table, lignes=f"{Path(source).name} line")


def _lignes_trop_longues(source, description: int) -> list[str]:
    """The lines with more fields than the header (read again, only once pandas has found one)."""
    with open(source, encoding="utf-8", newline="") as fichier:
        lignes = csv.reader(fichier)
        for _ in range(description):
            next(lignes)
        entete = len(next(lignes))
        return [
            f"{Path(source).name} line {lignes.line_num}: {len(champs)} fields, the header has {entete}"
            for champs in lignes
            if len(champs) > entete
        ]
