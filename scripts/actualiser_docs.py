"""Keep the numbers the docs quote from a run true: the outputs of commands, counts, shares, benchmark ratios.

In README.md and docs/*.md, a command's output is quoted between two markers:

    <!-- sortie: openfisca-gen coverage -->
    ```
    (what the command prints)
    ```
    <!-- fin -->

(`| head -N` after the command keeps its first N lines; `tableau:` instead of `sortie:` quotes a command that
prints Markdown, as it is; `refus:` one that is refused, what it writes on stderr, its exit status 2), and a
number in a sentence between `<!-- chiffre: NAME -->` and `<!-- /chiffre -->`, NAME one of CHIFFRES below.
Benchmarks are quoted the same way with `<!-- banc: benchmarks/bench_x.py [args] -->`; they are run only with
`--bench` (`make bench`), each command once however many times it is quoted, and what they print is printed
here too as they run.

    python scripts/actualiser_docs.py           rewrite the quoted outputs and numbers
    python scripts/actualiser_docs.py --check   list what is out of date (tests/test_docs.py runs this)
    python scripts/actualiser_docs.py --bench   also run the benchmarks and rewrite their figures
    python scripts/actualiser_docs.py --bench docs/performance.md   only the files given (`make bench`)
"""

import contextlib
import functools
import io
import re
import shlex
import subprocess
import sys
from pathlib import Path

RACINE = Path(__file__).resolve().parents[1]
FICHIERS = [RACINE / "README.md", *sorted((RACINE / "docs").glob("*.md"))]
BLOC = re.compile(r"<!-- (?P<genre>sortie|banc|tableau|refus): (?P<commande>.+?) -->\n(?P<corps>.*?)<!-- fin -->", re.S)
CHIFFRE = re.compile(r"(<!-- chiffre: (?P<nom>\w+) -->)(?P<valeur>.*?)(<!-- /chiffre -->)")


def _systeme():
    from openfisca_gen.systeme import CountryTaxBenefitSystem

    return CountryTaxBenefitSystem()


def _population():
    from openfisca_gen.population import POPULATION_EXEMPLE, lire_population

    return lire_population(_systeme(), POPULATION_EXEMPLE).table


def _part(colonne: str) -> str:
    table = _population()
    return f"{100 * table[colonne].sum() / table['nombre_apprenants'].sum():.1f} %"


def _statuts() -> str:
    table = _population()
    parts = table.groupby("structure_id")["statut_structure"].first().value_counts(normalize=True)
    return ", ".join(f"{100 * part:.1f} %" for part in parts)


CHIFFRES = {
    "variables": lambda: str(len(_systeme().variables)),
    "variables_calculees": lambda: str(sum(1 for v in _systeme().variables.values() if v.formulas)),
    "variables_d_entree": lambda: str(sum(1 for v in _systeme().variables.values() if not v.formulas)),
    "parametres": lambda: str(sum(1 for p in _systeme().parameters.get_descendants() if hasattr(p, "values_list"))),
    "lectures": lambda: str(len(__import__("openfisca_gen.reforms", fromlist=["x"]).lectures.LECTURES)),
    "reformes": lambda: str(len(__import__("openfisca_gen.reforms", fromlist=["x"]).REFORMES)),
    "formations_echantillon": lambda: str(len(_population())),
    "part_femmes_echantillon": lambda: _part("nombre_femmes"),
    "part_neet_echantillon": lambda: _part("nombre_jeunes_neet_peu_qualifies"),
    "part_qpv_echantillon": lambda: _part("nombre_residents_qpv"),
    "statuts_echantillon": _statuts,
    "chiffres_du_bilan": lambda: str(len(__import__("openfisca_gen.bilan", fromlist=["x"]).lire_bilan())),
    "dossiers_sous_30_pourcent_femmes": lambda: str(
        int((_population().eval("nombre_femmes < 0.3 * nombre_apprenants")).sum())
    ),
}


def _executer(commande: str, genre: str) -> str:
    """What a documented command prints: `openfisca-gen …` run in this process (a refusal: what it writes on
    stderr), a benchmark as a subprocess (once, its output shown as it runs)."""
    commande, _, filtre = commande.partition(" | ")
    arguments = shlex.split(commande)
    if genre == "banc":
        texte = _banc(commande)
    else:
        from openfisca_gen.cli import main

        assert arguments[0] == "openfisca-gen", commande
        sortie, erreurs = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(sortie), contextlib.redirect_stderr(erreurs):
            code = main(arguments[1:])
        assert code == (2 if genre == "refus" else 0), f"{commande} exited with {code}"
        texte = (erreurs if genre == "refus" else sortie).getvalue()
    if filtre:
        nombre = int(re.fullmatch(r"head -(\d+)", filtre.strip()).group(1))
        texte = "".join(texte.splitlines(keepends=True)[:nombre])
    return texte if texte.endswith("\n") else texte + "\n"


@functools.cache
def _banc(commande: str) -> str:
    """What a benchmark prints, printed too: `make bench` shows them as they come."""
    print(f"$ python {commande}", flush=True)
    fini = subprocess.run([sys.executable, *shlex.split(commande)], cwd=RACINE, capture_output=True, text=True)
    if fini.returncode:
        raise SystemExit(f"{commande} failed:\n{fini.stderr[-3000:]}")
    print(fini.stdout, flush=True)
    return fini.stdout


def actualiser(texte: str, bancs: bool) -> str:
    """The text with every quoted output and number made what the code gives now (benchmarks only if `bancs`)."""
    texte = BLOC.sub(lambda trouve: _remplacer_bloc(trouve, bancs), texte)
    return CHIFFRE.sub(lambda trouve: f"{trouve.group(1)}{CHIFFRES[trouve.group('nom')]()}{trouve.group(4)}", texte)


def _remplacer_bloc(trouve, bancs: bool) -> str:
    """A quoted output made what the command prints now: in a code block, or as Markdown (`tableau`)."""
    genre, commande = trouve.group("genre"), trouve.group("commande")
    if genre == "banc" and not bancs:
        return trouve.group(0)
    sortie = _executer(commande, genre)
    corps = sortie if genre == "tableau" else f"```\n{sortie}```\n"
    return f"<!-- {genre}: {commande} -->\n{corps}<!-- fin -->"


def main(argv: list[str]) -> int:
    perimes, demandes = [], [(RACINE / nom).resolve() for nom in argv if not nom.startswith("--")]
    if set(demandes) - set(FICHIERS):
        print(f"Not a file this script rewrites: {', '.join(map(str, set(demandes) - set(FICHIERS)))}")
        return 2
    for fichier in [f for f in FICHIERS if f in demandes] if demandes else FICHIERS:
        ancien = fichier.read_text(encoding="utf-8")
        nouveau = actualiser(ancien, "--bench" in argv)
        if nouveau != ancien:
            perimes.append(fichier.relative_to(RACINE))
            if "--check" not in argv:
                fichier.write_text(nouveau, encoding="utf-8")
    verbe = "out of date" if "--check" in argv else "rewritten"
    print("\n".join(f"{fichier}: {verbe}" for fichier in perimes) or "The docs quote what the code gives.")
    return 1 if perimes and "--check" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
