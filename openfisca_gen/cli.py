"""The `openfisca-gen` command: a thin shell that parses, calls the core, prints.

openfisca-gen compare --reform R     the law vs a reform (or several, combined) on a population
openfisca-gen compare --sweep PATH   the law with one parameter swept over a range of values
openfisca-gen calculate --data CSV   computed variables for a table of trainings, as a CSV
openfisca-gen interpretations        how far each disputed reading of the texts moves the results
openfisca-gen record                 the programme's published figures against the model (alias: bilan)
openfisca-gen reforms                every named reform: the shipped scenarios and the readings
openfisca-gen variables              every variable of the model, inputs first
openfisca-gen parameters PATH        a parameter's history, or every parameter below a node
openfisca-gen coverage               the rules of the texts modelled and not modelled, by confidence
openfisca-gen examples               the bundled example situations, as /calculate answers them
openfisca-gen serve                  the web API and the pages

Every refusal (bad data, reform, period, argument, output path) is caught
once, in `main()`: one line per problem on stderr, exit status 2, never a
traceback. Heavy modules (OpenFisca, pandas, the web stack) are imported by
the command that needs them, so that `--help` answers at once.
"""

import argparse
import contextlib
import sys
from pathlib import Path

from openfisca_gen.limites import MAX_LIGNE_DE_REQUETE, MAX_REQUEST_BYTES, MAX_TRAININGS
from openfisca_gen.terminal import Aide, Analyseur, Sortie, Version, adresse, adresse_publique, entier

DEBUT_BALAYAGE, FIN_BALAYAGE = 40_000, 150_000  # the range of ceilings the calls discussed (€)
PLAFONDS = ("financement_amorcage.plafond", "financement_amorcage.plafond_structure")  # swept there by default
PERIODE = "2015-10"
DONNEES_PAR_DEFAUT = "appel_2015"  # --data left out: the synthetic first call


def __getattr__(nom: str):
    """The output paths' checks, moved to openfisca_gen.validation.sorties in 0.7.3, kept importable from here
    until 0.9 (imported when asked for: `--help` imports no validation)."""
    if nom in ("fichier_de_sortie", "dossier_de_sortie"):
        import warnings

        from openfisca_gen.validation import sorties

        warnings.warn(
            f"openfisca_gen.cli.{nom} moved to openfisca_gen.validation.sorties.{nom}; the old name goes in 0.9",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(sorties, nom)
    raise AttributeError(f"module 'openfisca_gen.cli' has no attribute '{nom}'")


def _refus(cle: str, **valeurs):
    from openfisca_gen.validation import EntreeInvalideError, Probleme

    raise EntreeInvalideError([Probleme(cle, valeurs)])


def _mois(arguments):
    """`--period`, by default a bundled population's own month (when its labels were given), else PERIODE."""
    from openfisca_gen.population import POPULATIONS, population_fournie
    from openfisca_gen.validation import un_mois

    nom = population_fournie(arguments.data)
    defaut = POPULATIONS[nom]["periode"] if nom else PERIODE
    return un_mois(defaut if arguments.period is None else arguments.period)


def _reforme(arguments):
    """The reform of `--reform` (given once or more: combined, each on top of the ones before). Each file's values
    are checked first, their problems naming it: of two files wrong on one parameter, two lines said the same."""
    import dataclasses
    import warnings

    from openfisca_gen.reforms import ReformeInvalideError, lire_reforme, valider_changements
    from openfisca_gen.reforms.parametriques import verifier_changements
    from openfisca_gen.systeme import la_loi

    reformes, problemes = [lire_reforme(argument) for argument in arguments], []
    for argument, reforme in zip(arguments, reformes, strict=True):
        if isinstance(reforme, str):
            continue
        try:
            with warnings.catch_warnings():  # a moved path warns once, when the reform is applied
                warnings.simplefilter("ignore", DeprecationWarning)
                if len(reformes) == 1:  # alone, the clash of its other values said with its refused ones
                    verifier_changements(la_loi(), reforme)
                else:
                    valider_changements(la_loi().parameters, reforme)
        except ReformeInvalideError as erreur:
            problemes += [dataclasses.replace(probleme, fichier=argument) for probleme in erreur.problemes]
    if problemes:
        raise ReformeInvalideError(problemes)
    return reformes[0] if len(reformes) == 1 else reformes


# The commands


def exemples(arguments) -> int:
    import json

    from openfisca_gen.rapports.modele import tables_demandees
    from openfisca_gen.situation_examples import EXAMPLES, calculer_exemples
    from openfisca_gen.systeme import la_loi

    resultats = calculer_exemples(la_loi())
    if arguments.json:
        print(json.dumps(resultats, ensure_ascii=False, indent=2))
        return 0
    for nom, resultat in resultats.items():
        print(f"=== {nom} ===")
        for pluriel, table in tables_demandees(EXAMPLES[nom], resultat).items():
            print(f"\n{pluriel}:\n{table.T.to_string()}\n")
    return 0


def parametres(arguments) -> int:
    from openfisca_gen.rapports.modele import historique
    from openfisca_gen.systeme import la_loi
    from openfisca_gen.validation import trouver_parametre

    noeud = trouver_parametre(la_loi().parameters, arguments.chemin)
    feuilles = [noeud] if hasattr(noeud, "values_list") else noeud.get_descendants()
    for parametre in feuilles:
        if hasattr(parametre, "values_list"):
            print(historique(parametre))
    return 0


def compare(arguments) -> int:
    from openfisca_gen.validation import valeurs_du_balayage

    balayage = arguments.sweep is not None
    if (arguments.reform is not None) == balayage:  # both, or neither: one would be dropped without a word
        _refus("reforme_ou_balayage", les_deux=" (not both)" if arguments.reform is not None else "")
    if arguments.reform is not None and (arguments.start, arguments.stop, arguments.step) != (None, None, None):
        _refus("bornes_sans_balayage")
    if balayage and (arguments.by or arguments.top):  # a sweep's table has no breakdown
        _refus("options_sans_balayage")
    periode = _mois(arguments)
    from openfisca_gen.systeme import la_loi

    tax_benefit_system = la_loi()
    if balayage:
        if arguments.sweep not in PLAFONDS and None in (arguments.start, arguments.stop):
            from openfisca_gen.validation import trouver_parametre
            from openfisca_gen.validation.parametres import balayable

            # a parameter unknown, or of no numbers, is named as such first
            balayable(trouver_parametre(tax_benefit_system.parameters, arguments.sweep, feuille=True), arguments.sweep)
            _refus("bornes_requises", chemin=arguments.sweep, debut=DEBUT_BALAYAGE, fin=FIN_BALAYAGE)
        bornes = {"--from": (arguments.start, DEBUT_BALAYAGE), "--to": (arguments.stop, FIN_BALAYAGE)}
        debut, fin = (defaut if donnee is None else donnee for donnee, defaut in bornes.values())
        valeurs = valeurs_du_balayage(debut, fin, arguments.step, [o for o, (d, _) in bornes.items() if d is None])
    from openfisca_gen.analyse import comparer, fichiers_du_rapport
    from openfisca_gen.population import lire_population

    fichiers = ["balayage.csv"] if balayage else fichiers_du_rapport(arguments.by or (), arguments.top)
    sortie = _dossier(arguments.out, fichiers, arguments.data)
    reforme = _reforme(arguments.reform) if arguments.reform is not None else None
    population = lire_population(tax_benefit_system, arguments.data)
    if balayage:
        return _balayer(arguments, population, valeurs, periode, tax_benefit_system, sortie)
    comparaison = comparer(population, reforme, periode, tax_benefit_system, par=arguments.by or ())
    details = {"langue": arguments.lang, "par": arguments.by or (), "top": arguments.top}
    print(comparaison.texte(**details))
    if sortie:
        _ecrits(comparaison.ecrire(sortie, **details, donnees=arguments.data), sortie, arguments.lang, arguments.data)
    return 0


def _dossier(out: str | None, fichiers=(), donnees: str | None = None) -> Path | None:
    """The --out folder (None without it), refused before anything is computed where a file written is the data."""
    from openfisca_gen.validation.sorties import dossier_de_sortie, sans_ecraser

    if out is None:
        return None
    sortie = dossier_de_sortie(out)
    sans_ecraser([sortie / nom for nom in fichiers], donnees)
    return sortie


def _avertir(population, tax_benefit_system, periode, langue: str = "en", autres=()) -> None:
    """What would make the results silently wrong (`Population.avertissements`, and `autres`), in `langue`."""
    from openfisca_gen.rapports.libelles import TITRES

    for avertissement in [*population.avertissements(tax_benefit_system, periode), *autres]:
        texte = avertissement.fr() if langue == "fr" else avertissement.en()
        print(TITRES[langue]["avertissement"].format(message=texte))


def _ecrits(chemins, sortie, langue: str = "en", donnees=None) -> None:
    """The files written, and the folder's other files: a reused folder keeps an earlier run's (a breakdown's
    table, a chart), which a reader would take for this run's."""
    from openfisca_gen.rapports.libelles import TITRES

    print("\n" + TITRES[langue]["ecrit"].format(dossier=sortie, fichiers=", ".join(c.name for c in chemins)))
    ecrits = {Path(chemin).name for chemin in chemins}
    rapports = (".csv", ".xlsx", ".png")  # the files a report writes: a shared folder's others are none of its
    lue = Path(donnees).resolve() if donnees else None  # the data read is no earlier run's
    autres = [f.name for f in Path(sortie).iterdir() if f.suffix in rapports and f.name not in ecrits
              and f.resolve() != lue]  # fmt: skip
    if autres := sorted(autres):
        print(TITRES[langue]["pas_ecrits"].format(dossier=sortie, fichiers=", ".join(autres)))


def _progression(quoi: str, unite: str):
    """A progress bar on a terminal (tqdm, imported only then: 35 ms), nothing where stderr is not one."""
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return lambda valeurs: tqdm(valeurs, desc=quoi, unit=unite)


def _balayer(arguments, population, valeurs, periode, tax_benefit_system, sortie) -> int:
    import pandas

    from openfisca_gen.analyse import balayage_sans_effet, balayer, decrire_population, graphique_balayage
    from openfisca_gen.rapports.libelles import TITRES, libelle
    from openfisca_gen.rapports.tableaux import csv_propre, lisible
    from openfisca_gen.validation import trouver_parametre

    progression = _progression(f"sweep {arguments.sweep}", "value")
    table = balayer(population, arguments.sweep, valeurs, periode, tax_benefit_system, progression=progression)
    langue = arguments.lang
    _avertir(population, tax_benefit_system, periode, langue, balayage_sans_effet(table, arguments.sweep, periode))
    description = trouver_parametre(tax_benefit_system.parameters, arguments.sweep).description
    population_decrite = decrire_population(population.description, len(population.table), langue)
    print(
        TITRES[langue]["balayage"].format(
            chemin=arguments.sweep, description=description, periode=periode, population=population_decrite
        )
    )
    montree = table.rename(columns=lambda nom: libelle(nom, langue, tax_benefit_system))
    with pandas.option_context("display.float_format", lambda v: lisible(v, langue), "display.width", 160):
        print(montree.astype(float).to_string(index=False))  # counts with their thousands separated too: 13,872
    if sortie:
        ecrits = [
            csv_propre(table.set_index(arguments.sweep), sortie / "balayage.csv"),
            graphique_balayage(
                table, arguments.sweep, sortie / "balayage.png", periode, population, tax_benefit_system, langue
            ),
        ]
        _ecrits(ecrits, sortie, langue, arguments.data)
    return 0


def calculer(arguments) -> int:
    from openfisca_gen.population import lire_population
    from openfisca_gen.reforms import appliquer_reforme
    from openfisca_gen.systeme import la_loi
    from openfisca_gen.validation.erreurs import suggestions

    tax_benefit_system = la_loi()
    listes = arguments.variables or ["eligible_labellisation,financement_amorcage"]  # each --variables given
    variables = [nom.strip() for liste in listes for nom in liste.split(",") if nom.strip()]
    if not variables:
        _refus("aucune_variable")
    inconnues = [nom for nom in variables if nom not in tax_benefit_system.variables]
    if inconnues:
        _refus("variables_inconnues_cli", noms=inconnues, **suggestions(inconnues, tax_benefit_system.variables))
    periode = _mois(arguments)
    from openfisca_gen.validation.sorties import fichier_de_sortie, tables_anciennes

    sortie = fichier_de_sortie(arguments.out, arguments.data) if arguments.out is not None else None
    if arguments.reform:
        tax_benefit_system = appliquer_reforme(tax_benefit_system, _reforme(arguments.reform))
    population = lire_population(tax_benefit_system, arguments.data)
    reforme = getattr(tax_benefit_system, "avertissements", [])  # the reform's, then the population's
    for avertissement in [*reforme, *population.avertissements(tax_benefit_system, periode)]:
        print(f"openfisca-gen {arguments.commande}: Warning: {avertissement.en()}", file=sys.stderr)  # its alias too
    tables = population.tables(population.simulation(tax_benefit_system, periode), variables, periode)
    from openfisca_gen.rapports.tableaux import ecrire_tables, propre

    # the values that are no amounts (a duration): only float noise off, not rounded to the cent
    durees = [nom for nom in variables if getattr(tax_benefit_system.variables[nom], "unit", None) == "month"]
    if sortie:
        ecrits = ecrire_tables(tables, sortie, durees)
        nombre, fichiers = len(tables["formation"]), ", ".join(map(str, ecrits))
        print(f"{nombre:,} training(s), {len(variables)} variable(s) written to {fichiers}")
        groupes = [entite.key for entite in tax_benefit_system.entities if not entite.is_person]
        if anciennes := tables_anciennes(sortie, ecrits, groupes):
            print(f"Also beside it, not written by this run (an earlier run's?): {', '.join(map(str, anciennes))}")
    else:  # one CSV per entity, a blank line between them
        print("\n".join(propre(table, durees).to_csv() for table in tables.values()), end="")
        if len(tables) > 1:  # redirected to one file, three headers read as rows of trainings full of NaN
            autres = ", ".join(cle for cle in tables if cle != "formation")
            print(f"openfisca-gen {arguments.commande}: {len(tables)} tables above (trainings, {autres}), a blank "
                  "line between them: --out FILE.csv writes each in its own file", file=sys.stderr)  # fmt: skip
    return 0


def coverage(arguments) -> int:
    from openfisca_gen.couverture import COUVERTURE, lire_couverture, resume

    table = resume(lire_couverture()).rename_axis(index=None, columns="confidence")
    print(f"Rules of the texts in docs/{COUVERTURE.name}, modelled or not, by confidence:\n{table.to_string()}")
    return 0


def interpretations(arguments) -> int:
    from openfisca_gen.interpretations import FICHIERS, analyser_interpretations
    from openfisca_gen.population import lire_population
    from openfisca_gen.systeme import la_loi

    tax_benefit_system = la_loi()
    periode = _mois(arguments)
    sortie = _dossier(arguments.out, FICHIERS, arguments.data)
    population = lire_population(tax_benefit_system, arguments.data)
    _avertir(population, tax_benefit_system, periode, arguments.lang)
    analyse = analyser_interpretations(
        population,
        periode,
        tax_benefit_system,
        progression=_progression("combinations of readings", "combination"),
    )
    print(analyse.texte(arguments.lang))
    if sortie:
        _ecrits(analyse.ecrire(sortie, arguments.lang, donnees=arguments.data), sortie, arguments.lang, arguments.data)
    return 0


def record(arguments) -> int:
    import pandas

    from openfisca_gen.bilan import confronter, objectifs, resume
    from openfisca_gen.rapports import graphiques
    from openfisca_gen.rapports.tableaux import csv_propre
    from openfisca_gen.systeme import la_loi

    sortie = _dossier(arguments.out)
    tax_benefit_system = la_loi()
    table, atteints = confronter(tax_benefit_system), objectifs(tax_benefit_system)
    montree = table[table["verdict"].isin(arguments.verdict or table["verdict"])]
    if arguments.call is not None:
        montree = montree[montree["call"] == arguments.call]
    colonnes = ["published", "unit", "model", "gap", "verdict", "calibrated", "from_the_texts", "readings"]
    with pandas.option_context("display.width", 250, "display.max_rows", None, "display.max_colwidth", 70):
        print("The record: each published figure against the model, on its call's synthetic population")
        print(montree[colonnes].to_string(na_rep="-") if len(montree) else "(no published figure matches)")
        print(f"\nOf all the figures: {resume(table)}")
        if not (arguments.verdict or arguments.call):  # the objectives are the programme's years: not a part asked for
            print("\nThe national objectives against what was achieved:")
            colonnes = ["year", "indicator", "achieved", "unit", "target", "target_unit", "due", "met"]
            print(
                atteints[colonnes].astype({"met": object, "due": object}).fillna({"met": "-", "due": "-"}).to_string()
            )
            print("(met -: a count of trainings is no count of fabriques, the places that hold them; or a count")
            print(" below the objective published before its term, when it was not due yet)")
    if sortie:  # what was printed: the part asked for (every figure was written, under a screen of three)
        ecrits = [csv_propre(montree, sortie / "record.csv")]
        ecrits += [] if arguments.verdict or arguments.call else [csv_propre(atteints, sortie / "objectives.csv")]
        ecrits += [graphiques.bilan(montree, sortie / "record.png")] if len(montree) else []
        _ecrits(ecrits, sortie)
    return 0


def reforms(arguments) -> int:
    from openfisca_gen.reforms import REFORMES, description

    largeur = max(map(len, REFORMES))
    for nom in sorted(REFORMES):
        print(f"{nom:<{largeur}}  {description(nom)}")
    return 0


def variables(arguments) -> int:
    import pandas

    from openfisca_gen.rapports.modele import colonnes, liste_des_variables
    from openfisca_gen.systeme import la_loi

    if arguments.columns:
        print(colonnes(la_loi()))
        return 0
    with pandas.option_context("display.max_colwidth", 100, "display.width", 250):
        print(liste_des_variables(la_loi()).to_string(index=False))
    return 0


def serve(arguments) -> int:
    from openfisca_gen.web import Serveur, creer_app

    _port_libre(arguments.bind, arguments.port)
    application = creer_app(
        max_request_bytes=arguments.max_request_bytes,
        max_trainings=arguments.max_trainings,
        public_url=arguments.public_url,
    )
    options = {"bind": f"{arguments.bind}:{arguments.port}", "workers": arguments.workers, "timeout": 120}
    options["limit_request_line"] = MAX_LIGNE_DE_REQUETE  # gunicorn's most: a long link reaches the page
    Serveur(application, options).run()
    return 0


def _port_libre(hote: str, port: int) -> None:
    """Refuse an address the server cannot listen on, naming the option to change: gunicorn retried for five
    seconds, then logged « Can't connect » and exited 1. Bound as gunicorn binds (SO_REUSEADDR), then let go: a
    port in use or reserved is --port's, an address not on this machine (or of no IPv6 here) --bind's."""
    import errno
    import socket

    try:
        with socket.socket(socket.AF_INET6 if hote.startswith("[") else socket.AF_INET) as essai:
            essai.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            essai.bind((hote.strip("[]"), port))
    except OSError as erreur:
        option = "--port" if erreur.errno in (errno.EADDRINUSE, errno.EACCES) else "--bind"
        raison = "in use by another server" if erreur.errno == errno.EADDRINUSE else erreur.strerror
        _refus("adresse_indisponible", adresse=hote, port=port, raison=raison, option=option)


DONNEES = (
    "a bundled population's name (appel_2015, appel_2016, appel_2018) or a CSV of trainings (see "
    f"docs/colonnes.md) (default: {DONNEES_PAR_DEFAUT}, the synthetic first call)"
)
MOIS = f"the month computed, YYYY-MM (default: a bundled population's own month, {PERIODE} for a CSV)"
LANGUE = "the language of the printed tables and the charts: en (English) or fr (French)"


def _options_de_compare(sous) -> None:
    sous.add_argument(
        "--reform",
        action="append",
        metavar="NAME|FILE",
        help="a reform's name (openfisca-gen reforms) or a YAML or JSON file {parameter: {date: value}}; "
        "give it more than once to combine reforms, each on top of the ones before",
    )
    sous.add_argument("--data", default=DONNEES_PAR_DEFAUT, help=DONNEES)
    sous.add_argument("--period", help=MOIS)
    sous.add_argument(
        "--out", help="a folder for the CSV tables, an Excel workbook and the PNG charts (created if missing)"
    )
    sous.add_argument("--sweep", metavar="PARAMETER", help="sweep this parameter instead of applying a reform")
    sous.add_argument(
        "--from", dest="start", type=float, help=f"first value of the sweep (default for a ceiling: {DEBUT_BALAYAGE})"
    )
    sous.add_argument(
        "--to", dest="stop", type=float, help=f"last value of the sweep (default for a ceiling: {FIN_BALAYAGE})"
    )
    sous.add_argument("--step", type=float, help="step of the sweep (default: a tenth of the range, 11 values)")
    sous.add_argument(
        "--by",
        action="append",
        metavar="VARIABLE",
        help="also break the report down by a variable of the trainings or their structures, an input "
        "or computed under the law (metier_vise, statut_structure, appel_du_dossier...); repeatable",
    )
    sous.add_argument("--top", type=entier(1), default=0, metavar="N", help="also list the N largest gains and losses")
    sous.add_argument("--lang", choices=("en", "fr"), default="en", help=LANGUE)  # fmt: skip


def _options_de_calculate(sous) -> None:
    sous.add_argument("--data", required=True, help=DONNEES.split(" (default")[0])
    sous.add_argument(
        "--variables", action="append", help="comma-separated, repeatable (default: eligibility, funding)"
    )
    sous.add_argument("--period", help=MOIS)
    sous.add_argument(
        "--reform",
        action="append",
        metavar="NAME|FILE",
        help="compute under a reform (a name, or a YAML or JSON file); more than once to combine",
    )
    sous.add_argument("--out", help="the file to write, in an existing folder: .csv (a structure's or a campaign's "
                                    "variables in their own files beside it) or .xlsx (a sheet per entity); "
                                    "default: standard output")  # fmt: skip


def _options_de_serve(sous) -> None:
    sous.add_argument("--port", type=entier(0, 65535), default=5000, help="the port to listen on (0: any free port)")
    sous.add_argument("--bind", type=adresse, default="127.0.0.1", help="the IP address to listen on (loopback)")
    sous.add_argument("--workers", type=entier(1, 64), default=2, help="gunicorn worker processes")
    sous.add_argument(
        "--max-request-bytes", type=entier(1), default=MAX_REQUEST_BYTES, help="larger request bodies get a 413"
    )
    sous.add_argument(
        "--max-trainings",
        type=entier(1),
        default=MAX_TRAININGS,
        help="more instances of any entity in a request get a 400",
    )
    sous.add_argument(
        "--public-url", type=adresse_publique, help="this server's address as its clients see it, for its source links"
    )


def parser() -> argparse.ArgumentParser:
    formats = {"formatter_class": Aide}
    racine = Analyseur(prog="openfisca-gen", description=__doc__.split("\n")[0], **formats)
    racine.add_argument("--version", action=Version)
    commandes = racine.add_subparsers(dest="commande", metavar="COMMAND", required=True, parser_class=Analyseur)

    racine.commandes = {}  # each command's own parser, by its names: main() names it in a refusal

    def commande(nom, aide, run, alias=()):
        sous = commandes.add_parser(nom, aliases=list(alias), help=aide, description=aide, **formats)
        sous.set_defaults(run=run)
        racine.commandes |= dict.fromkeys([nom, *alias], sous)
        return sous

    _options_de_compare(commande("compare", "compare the law with a reform on a population of trainings", compare))
    aide = "compute variables for a table of trainings, write a CSV or an Excel workbook"
    _options_de_calculate(commande("calculate", aide, calculer, ["calculer"]))
    sous = commande("interpretations", "how far each reading of the texts moves the results", interpretations)
    sous.add_argument("--data", default=DONNEES_PAR_DEFAUT, help=DONNEES)
    sous.add_argument("--period", help=MOIS)
    sous.add_argument("--out", help="a folder for the CSV tables and the tornado chart (PNG)")
    sous.add_argument("--lang", choices=("en", "fr"), default="en", help=LANGUE)
    aide = "hold the model against the programme's published figures, call by call"
    sous = commande("record", aide, record, ["bilan"])
    sous.add_argument("--out", help="a folder for record.csv, objectives.csv, and the chart record.png")
    sous.add_argument(
        "--verdict",
        action="append",
        choices=("reproduced", "differs", "not_modelled"),
        help="print only the figures with this verdict (repeatable), not the objectives; the files keep them all",
    )
    sous.add_argument(
        "--call", type=entier(1, 3), help="print only the figures of this call (1, 2 or 3), not the objectives"
    )
    commande("reforms", "list every named reform: the shipped scenarios and the readings of the texts", reforms)
    sous = commande("variables", "list every variable of the model: inputs first, with entity, type, label", variables)
    aide = "print the reference of a population table's columns instead, in Markdown (docs/colonnes.md)"
    sous.add_argument("--columns", action="store_true", help=aide)
    sous = commande("parameters", "print how a parameter evolved, with its references", parametres, ["parametres"])
    sous.add_argument("chemin", metavar="PATH", help="a parameter or a node, e.g. financement_amorcage.taux")
    commande("coverage", "count the rules of the texts modelled and not, by confidence", coverage)
    sous = commande("examples", "compute and print the bundled example situations", exemples, ["exemples"])
    sous.add_argument("--json", action="store_true", help="print the /calculate answers as one JSON document")
    _options_de_serve(
        commande("serve", "serve the web API (OpenFisca's, /explain, /compare, /reforms, /spec) and the pages", serve)
    )
    return racine


def main(argv=None) -> int:
    import warnings

    analyseur = parser()
    arguments, inconnus = analyseur.parse_known_args(argv)  # a malformed argument: one line on stderr, exit 2
    if inconnus:  # named by the command they were given to, as every other refusal is (before it: by none)
        argv = sys.argv[1:] if argv is None else argv
        avant = set(argv[: argv.index(arguments.commande)]) if arguments.commande in argv else set()
        fautif = analyseur if avant & set(inconnus) else analyseur.commandes[arguments.commande]
        fautif.error(f"unrecognized arguments: {' '.join(inconnus)}")
    # A reform's and a sweep's warnings (not imported for --help's sake): the commands print them themselves
    warnings.filterwarnings(
        "ignore", message=".*(has no end date|runs to|reach(es)? no call|misses call|gives the same totals)"
    )

    sorties = Sortie(sys.stdout), Sortie(sys.stderr)
    with contextlib.redirect_stdout(sorties[0]), contextlib.redirect_stderr(sorties[1]):
        try:
            return _lancer(arguments, f"openfisca-gen {arguments.commande}")
        finally:  # what is left in the buffers, while a broken pipe is still Sortie's (not Python's at exit)
            for sortie in sorties:
                sortie.flush()


def _lancer(arguments, commande: str) -> int:
    """The command run, each refusal one line on the standard error (exit status 2)."""
    from openfisca_gen.validation import MAX_MESSAGES, EntreeInvalideError

    try:
        return arguments.run(arguments)
    except EntreeInvalideError as erreur:
        langue = getattr(arguments, "lang", "en")  # in French with --lang fr, where a message has its French
        problemes = [probleme.dans(langue) for probleme in erreur.problemes[:MAX_MESSAGES]]
        if len(erreur.problemes) > MAX_MESSAGES:
            reste = len(erreur.problemes) - MAX_MESSAGES
            problemes.append(f"… et {reste} autres" if langue == "fr" else f"… and {reste} more")
    except OSError as erreur:  # writing the output failed all the same (a full disk, a read-only file system)
        problemes = [f"Cannot write {erreur.filename or 'the output'}: {erreur.strerror or 'an error of the system'}"]
    except KeyboardInterrupt:
        problemes = ["Interrupted"]
    for probleme in problemes:
        print(f"{commande}: {probleme}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
