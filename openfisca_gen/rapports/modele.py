"""The model described as tables: a parameter's history, the variables, the values a situation requested."""

import pandas

from openfisca_gen.sources import textes_des_references


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
    with pandas.option_context("display.max_colwidth", None, "display.width", 250):
        valeurs = table.to_string(index=False)
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
