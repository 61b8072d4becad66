"""The model described as tables: a parameter's history, the variables, the values a situation requested."""

import pandas

from openfisca_gen.population import appels_des_colonnes
from openfisca_gen.sources import textes_des_references
from openfisca_gen.validation.domaine import NON_NEGATIFS, PARTIES_DES_APPRENANTS, STRICTEMENT_POSITIFS


def valeur_lisible(valeur) -> str:
    if valeur is None:
        return "unknown (null: no source gives it)"
    if isinstance(valeur, list):
        return ", ".join(map(str, valeur))
    return str(valeur)


def historique(parametre) -> str:
    """A parameter's name, description and unit, its values over time (oldest first, each with the reference it
    carries), and its documentation."""
    table = pandas.DataFrame(
        [
            {
                "from": valeur.instant_str,
                "value": valeur_lisible(valeur.value),
                "reference": " ; ".join(textes_des_references(valeur.metadata.get("reference"))),
            }
            for valeur in reversed(parametre.values_list)
        ]
    )
    a_gauche = {  # left-aligned, as text is read (pandas right-aligns a column of text)
        colonne: f"{{:<{table[colonne].astype(str).str.len().max()}}}".format for colonne in ("value", "reference")
    }
    with pandas.option_context("display.max_colwidth", None, "display.width", 250):
        valeurs = table.to_string(index=False, justify="left", formatters=a_gauche)
    valeurs = "\n".join(ligne.rstrip() for ligne in valeurs.splitlines())
    documentation = f"\n\n{parametre.documentation.strip()}" if parametre.documentation else ""
    return (
        f"{parametre.name} — {parametre.description} [{parametre.metadata.get('unit', '')}]\n{valeurs}{documentation}\n"
    )


def liste_des_variables(tax_benefit_system) -> pandas.DataFrame:
    """Every variable: its name, whether it is an input (no formula), its entity, type, period and label; the
    inputs first, then the computed variables, each by name."""
    lignes = [
        {
            "variable": nom,
            "kind": "computed" if variable.formulas else "input",
            "entity": variable.entity.key,
            "type": getattr(variable.value_type, "__name__", str(variable.value_type)),
            "period": str(variable.definition_period),
            "label": variable.label,
        }
        for nom, variable in tax_benefit_system.variables.items()
    ]
    return pandas.DataFrame(lignes).sort_values(["kind", "variable"], ascending=[False, True], kind="stable")


def tables_demandees(situation: dict, resultat: dict) -> dict[str, pandas.DataFrame]:
    """One table per entity: a row per instance, a column per requested variable and period."""
    tables = {}
    for pluriel, instances in situation.items():
        lignes = {
            identifiant: {
                f"{variable} ({periode})": resultat[pluriel][identifiant][variable][periode]
                for variable, valeurs in description.items()
                if isinstance(valeurs, dict)
                for periode, valeur in valeurs.items()
                if valeur is None
            }
            for identifiant, description in instances.items()
        }
        if any(lignes.values()):
            tables[pluriel] = pandas.DataFrame.from_dict(lignes, orient="index")
    return tables


def colonnes(tax_benefit_system) -> str:
    """The reference of a population table's columns, as a Markdown table: each input column, its type and unit,
    the values it takes, the calls whose rules read it, and an example."""
    from openfisca_core.indexed_enums import Enum

    from openfisca_gen.situation_examples import campagne_deux_structures
    from openfisca_gen.validation.tables import IDENTIFIANTS, variables_d_entree

    appels = appels_des_colonnes(tax_benefit_system)
    exemples = {
        nom: next(iter(valeurs.values()))
        for instances in campagne_deux_structures.values()
        for instance in instances.values()
        for nom, valeurs in instance.items()
        if isinstance(valeurs, dict) and next(iter(valeurs.values()), None) is not None
    }
    lignes = [
        "| column | entity | type | unit | accepted values | calls that use it | example |",
        "|---|---|---|---|---|---|---|",
        *(
            f"| `{cle}_id` | {cle} | text | | any text without '/' (default: {defaut}) | all | `{exemple}` |"
            for cle, defaut, exemple in (
                ("formation", "the row's position", "dev_web_nantes"),
                ("structure", "each training its own", "asso_code"),
                ("campagne", "one campaign per call", "appel_2015"),
            )
        ),
    ]
    types = {int: "whole number", float: "number", bool: "boolean", Enum: "one of a list", str: "text"}
    for nom, variable in sorted(variables_d_entree(tax_benefit_system).items()):
        if nom in IDENTIFIANTS:
            continue
        type_ = types.get(variable.value_type, "date")
        if variable.value_type is Enum:
            valeurs = ", ".join(f"`{m.name}`" for m in variable.possible_values)
        else:
            valeurs = {
                "whole number": _domaine(nom),
                "number": _domaine(nom) + " (a point or, in a French CSV, a comma)",
                "boolean": "true/false or 1/0",
                "date": "YYYY-MM-DD, 1970-01-01 to 2100-12-31",
                "text": "any text",
            }[type_]
        numeros = appels.get(nom)
        utilise = ", ".join(map(str, numeros)) if numeros else "no rule (indicators only)"
        exemple = exemples.get(nom, variable.default_value.name if variable.value_type is Enum else "")
        exemple = str(exemple).lower() if isinstance(exemple, bool) else exemple
        unite = getattr(variable, "unit", None) or ""
        exemple = f"`{exemple}`" if exemple != "" else ""
        lignes.append(f"| `{nom}` | {variable.entity.key} | {type_} | {unite} | {valeurs} | {utilise} | {exemple} |")
    return "\n".join(lignes)


def _domaine(nom: str) -> str:
    """The values a number column accepts, as the validation layer checks them (validation.domaine)."""
    borne = "> 0" if nom in STRICTEMENT_POSITIFS else ">= 0" if nom in NON_NEGATIFS else "any number"
    return borne + (", at most nombre_apprenants" if nom in PARTIES_DES_APPRENANTS else "")
