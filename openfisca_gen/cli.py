"""The `openfisca-gen` command.

openfisca-gen exemples            compute the bundled example situations
"""

import argparse
import copy
import json
import sys

import pandas

from openfisca_gen import CountryTaxBenefitSystem
from openfisca_gen.situation_examples import EXAMPLES


def calculer_exemple(tax_benefit_system, situation: dict) -> dict:
    """The situation with its requested (null) values computed, as the web API's /calculate answers."""
    from openfisca_web_api import handlers

    return handlers.calculate(tax_benefit_system, copy.deepcopy(situation))


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


def exemples(arguments) -> int:
    tax_benefit_system = CountryTaxBenefitSystem()
    for nom, situation in EXAMPLES.items():
        resultat = calculer_exemple(tax_benefit_system, situation)
        if arguments.json:
            print(json.dumps({nom: resultat}, ensure_ascii=False, indent=2))
            continue
        print(f"=== {nom} ===")
        for pluriel, table in tables_demandees(situation, resultat).items():
            print(f"\n{pluriel}:\n{table.T.to_string()}\n")
    return 0


def parser() -> argparse.ArgumentParser:
    racine = argparse.ArgumentParser(prog="openfisca-gen", description=__doc__.split("\n")[0])
    commandes = racine.add_subparsers(dest="commande", required=True)
    commande = commandes.add_parser("exemples", help="compute and print the bundled example situations")
    commande.add_argument("--json", action="store_true", help="print the /calculate answers as JSON")
    commande.set_defaults(run=exemples)
    return racine


def main(argv=None) -> int:
    arguments = parser().parse_args(argv)
    return arguments.run(arguments)


if __name__ == "__main__":
    sys.exit(main())
