"""The `openfisca-gen` command.

openfisca-gen examples               compute the bundled example situations (alias: exemples)
openfisca-gen parameters PATH        a parameter's history, or every parameter below a node (alias: parametres)
openfisca-gen calculate --data CSV   computed variables for a CSV of trainings, as a CSV (alias: calculer)
openfisca-gen compare --reform R     the rules vs a reform on a population: summary, tables, charts
openfisca-gen compare --sweep PATH   the rules with one parameter swept over a range of values
openfisca-gen coverage               the rules of the texts modelled and not modelled, by confidence
openfisca-gen interpretations        how far each disputed reading of the texts moves the results
openfisca-gen serve                  the web API and the pages

Every refusal (bad data, reform, period, argument, output path) is caught
once, in `main()`: one line per problem on stderr, exit status 2, never a
traceback.
"""

import argparse
import copy
import json
import os
import sys

import pandas

from openfisca_gen import CountryTaxBenefitSystem
from openfisca_gen.reforms import trouver_parametre
from openfisca_gen.situation_examples import EXAMPLES
from openfisca_gen.sources import textes_des_references
from openfisca_gen.validation import (  # the output and sweep checks live there; their names stay importable here
    MAX_MESSAGES,
    EntreeInvalideError,
    dossier_de_sortie,
    fichier_de_sortie,
    un_mois,
    valeurs_du_balayage,
)
from openfisca_gen.validation import SortieInvalideError as SortieInvalideError

DEBUT_BALAYAGE, FIN_BALAYAGE = 40_000, 150_000  # the range of ceilings the calls discussed (€)


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


def valeur_lisible(valeur) -> str:
    if valeur is None:
        return "inconnu (null: no source gives it)"
    if isinstance(valeur, list):
        return ", ".join(map(str, valeur))
    return str(valeur)


def historique(parametre) -> pandas.DataFrame:
    """The values of a parameter over time, oldest first, each with the reference it carries."""
    return pandas.DataFrame(
        [
            {
                "depuis le": valeur.instant_str,
                "valeur": valeur_lisible(valeur.value),
                "référence": " ; ".join(textes_des_references(valeur.metadata.get("reference"))),
            }
            for valeur in reversed(parametre.values_list)
        ]
    )


def parametres(arguments) -> int:
    tax_benefit_system = CountryTaxBenefitSystem()
    noeud = trouver_parametre(tax_benefit_system.parameters, arguments.chemin)
    feuilles = [noeud] if hasattr(noeud, "values_list") else noeud.get_descendants()
    for parametre in feuilles:
        if not hasattr(parametre, "values_list"):
            continue
        unite = parametre.metadata.get("unit", "")
        print(f"{parametre.name} — {parametre.description} [{unite}]")
        with pandas.option_context("display.max_colwidth", None, "display.width", 250):
            print(historique(parametre).to_string(index=False))
        if parametre.documentation:
            print("\n" + parametre.documentation.strip())
        print()
    return 0


def compare(arguments) -> int:
    from tqdm import tqdm

    from openfisca_gen.analyse import balayer, comparer, graphique_balayage
    from openfisca_gen.population import POPULATION_EXEMPLE, lire_population
    from openfisca_gen.reforms import lire_reforme

    if (arguments.reform is None) == (arguments.sweep is None):  # one would be dropped without a word
        both = " (not both)" if arguments.reform is not None else ""
        raise EntreeInvalideError(f"give --reform NAME|FILE.yaml or --sweep PARAMETER{both}")
    if arguments.reform is not None and (arguments.start, arguments.stop, arguments.step) != (None, None, None):
        raise EntreeInvalideError("--from, --to and --step are for --sweep, not --reform")
    periode = un_mois(arguments.period)
    if arguments.sweep is not None:
        debut = DEBUT_BALAYAGE if arguments.start is None else arguments.start
        fin = FIN_BALAYAGE if arguments.stop is None else arguments.stop
        valeurs = valeurs_du_balayage(debut, fin, arguments.step)
    sortie = dossier_de_sortie(arguments.out) if arguments.out is not None else None
    tax_benefit_system = CountryTaxBenefitSystem()
    population = lire_population(tax_benefit_system, arguments.data or POPULATION_EXEMPLE)
    if arguments.sweep is not None:
        table = balayer(
            population,
            arguments.sweep,
            valeurs,
            periode,
            tax_benefit_system,
            progression=lambda v: tqdm(v, desc=f"sweep {arguments.sweep}", unit="value", disable=None),
        )
        print(table.to_string(index=False))
        if sortie:
            table.to_csv(sortie / "balayage.csv", index=False)
            graphique = graphique_balayage(
                table, arguments.sweep, sortie / "balayage.png", periode, population, tax_benefit_system
            )
            print(f"\nwritten: {sortie / 'balayage.csv'}, {graphique}")
        return 0
    comparaison = comparer(population, lire_reforme(arguments.reform), periode, tax_benefit_system)
    print(comparaison.texte())
    if sortie:
        ecrits = comparaison.ecrire(sortie)
        print(f"\nwritten to {sortie}/: {', '.join(chemin.name for chemin in ecrits)}")
    return 0


def calculer(arguments) -> int:
    from openfisca_gen.population import lire_population
    from openfisca_gen.reforms import appliquer_reforme, lire_reforme

    tax_benefit_system = CountryTaxBenefitSystem()
    variables = [nom.strip() for nom in arguments.variables.split(",") if nom.strip()]
    if not variables:
        raise EntreeInvalideError("--variables names no variable: give names separated by commas")
    inconnues = [nom for nom in variables if nom not in tax_benefit_system.variables]
    if inconnues:
        raise EntreeInvalideError(f"unknown variable(s): {', '.join(inconnues)}")
    periode = un_mois(arguments.period)
    sortie = fichier_de_sortie(arguments.out) if arguments.out is not None else None
    if arguments.reform:
        tax_benefit_system = appliquer_reforme(tax_benefit_system, lire_reforme(arguments.reform))
    population = lire_population(tax_benefit_system, arguments.data)
    table = population.resultats(population.simulation(tax_benefit_system, periode), variables, periode)
    table.index.name = "formation_id"
    if sortie:
        table.to_csv(sortie)
        print(f"{len(table)} trainings, {len(variables)} variable(s) written to {sortie}")
    else:
        print(table.to_csv(), end="")
    return 0


def coverage(arguments) -> int:
    from openfisca_gen.couverture import COUVERTURE, lire_couverture, resume

    table = resume(lire_couverture()).rename_axis(index=None, columns="confidence")
    print(f"Rules of the texts in docs/{COUVERTURE.name}, modelled or not, by confidence:\n{table.to_string()}")
    return 0


def interpretations(arguments) -> int:
    from tqdm import tqdm

    from openfisca_gen.interpretations import analyser_interpretations
    from openfisca_gen.population import POPULATION_EXEMPLE, lire_population

    tax_benefit_system = CountryTaxBenefitSystem()
    periode = un_mois(arguments.period)
    sortie = dossier_de_sortie(arguments.out) if arguments.out is not None else None
    analyse = analyser_interpretations(
        lire_population(tax_benefit_system, arguments.data or POPULATION_EXEMPLE),
        periode,
        tax_benefit_system,
        progression=lambda v: tqdm(v, desc="combinations of readings", unit="combination", disable=None),
    )
    print(analyse.texte())
    if sortie:
        ecrits = analyse.ecrire(sortie)
        print(f"\nwritten to {sortie}/: {', '.join(chemin.name for chemin in ecrits)}")
    return 0


def serve(arguments) -> int:
    from openfisca_gen.web import Serveur, creer_app

    application = creer_app(
        max_request_bytes=arguments.max_request_bytes,
        max_trainings=arguments.max_trainings,
        public_url=arguments.public_url,
    )
    options = {"bind": f"{arguments.bind}:{arguments.port}", "workers": arguments.workers, "timeout": 120}
    Serveur(application, options).run()
    return 0


def parser() -> argparse.ArgumentParser:
    racine = argparse.ArgumentParser(prog="openfisca-gen", description=__doc__.split("\n")[0])
    commandes = racine.add_subparsers(dest="commande", required=True)
    commande = commandes.add_parser(
        "examples", aliases=["exemples"], help="compute and print the bundled example situations"
    )
    commande.add_argument("--json", action="store_true", help="print the /calculate answers as JSON")
    commande.set_defaults(run=exemples)
    commande = commandes.add_parser(
        "parameters", aliases=["parametres"], help="print how a parameter evolved, with its references"
    )
    commande.add_argument("chemin", help="a parameter or a node, e.g. financement_amorcage.taux or calendrier")
    commande.set_defaults(run=parametres)
    commande = commandes.add_parser("compare", help="compare the rules with a reform on a population of trainings")
    commande.add_argument("--reform", help="a shipped reform's name, or a YAML file {parameter: {date: value}}")
    commande.add_argument("--data", help="a CSV of trainings (default: the bundled synthetic 2015 population)")
    commande.add_argument("--period", default="2015-10", help="the month computed (default: 2015-10)")
    commande.add_argument("--out", help="a folder for the CSV tables and PNG charts (created if missing)")
    commande.add_argument("--sweep", metavar="PARAMETER", help="sweep this parameter instead of applying a reform")
    commande.add_argument("--from", dest="start", type=float, help=f"first value of the sweep ({DEBUT_BALAYAGE})")
    commande.add_argument("--to", dest="stop", type=float, help=f"last value of the sweep ({FIN_BALAYAGE})")
    commande.add_argument("--step", type=float, help="step of the sweep (default: a tenth of the range, 11 values)")
    commande.set_defaults(run=compare)
    commande = commandes.add_parser(
        "calculate", aliases=["calculer"], help="compute variables for a CSV of trainings, write a CSV"
    )
    commande.add_argument("--data", required=True, help="a CSV of trainings (see the README's population tables)")
    commande.add_argument("--variables", default="eligible_labellisation,financement_amorcage", help="comma-separated")
    commande.add_argument("--period", default="2015-10", help="the month computed (default: 2015-10)")
    commande.add_argument("--reform", help="compute under a shipped reform or a YAML file {parameter: {date: value}}")
    commande.add_argument("--out", help="the CSV file to write, in an existing folder (default: standard output)")
    commande.set_defaults(run=calculer)
    commande = commandes.add_parser("coverage", help="count the rules of the texts modelled and not, by confidence")
    commande.set_defaults(run=coverage)
    commande = commandes.add_parser("interpretations", help="how far each reading of the texts moves the results")
    commande.add_argument("--data", help="a CSV of trainings (default: the bundled synthetic 2015 population)")
    commande.add_argument("--period", default="2015-10", help="the month computed (default: 2015-10)")
    commande.add_argument("--out", help="a folder for the CSV tables and the tornado chart (PNG)")
    commande.set_defaults(run=interpretations)
    from openfisca_gen.web import MAX_REQUEST_BYTES, MAX_TRAININGS

    commande = commandes.add_parser("serve", help="serve the web API (OpenFisca's routes plus /explain and /compare)")
    commande.add_argument("--port", type=int, default=5000)
    commande.add_argument("--bind", default="127.0.0.1", help="address to listen on (default: loopback)")
    commande.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    commande.add_argument("--max-request-bytes", type=int, default=MAX_REQUEST_BYTES, help="larger bodies get a 413")
    commande.add_argument("--max-trainings", type=int, default=MAX_TRAININGS, help="more trainings get a 400")
    commande.add_argument("--public-url", help="this server's address seen by clients, for its source links")
    commande.set_defaults(run=serve)
    return racine


def main(argv=None) -> int:
    arguments = parser().parse_args(argv)  # a malformed argument: argparse's usage message, exit status 2
    commande = f"openfisca-gen {arguments.commande}"
    try:
        return arguments.run(arguments)
    except EntreeInvalideError as erreur:
        problemes = erreur.erreurs[:MAX_MESSAGES]
        if len(erreur.erreurs) > MAX_MESSAGES:
            problemes.append(f"… and {len(erreur.erreurs) - MAX_MESSAGES} more")
    except BrokenPipeError:  # piped into a command that stopped reading (head): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # as the Python docs advise
        return 0
    except OSError as erreur:  # writing the output failed all the same (a full disk, a read-only file system)
        problemes = [f"cannot write {erreur.filename or 'the output'}: {erreur.strerror or erreur}"]
    except KeyboardInterrupt:
        problemes = ["interrupted"]
    for probleme in problemes:
        print(f"{commande}: {probleme}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
