"""Coverage of the texts: each rule of the sources, traced to the code that encodes it and the tests that check it.

`docs/couverture.yaml` lists the rules, one entry each: the source and its verbatim words, what they mean, the
variables and parameters that encode them, the test files that exercise them, a confidence level and whether
the rule is modelled. `docs/sources/` keeps verbatim excerpts of every source quoted, so the quotes are checked
offline. Each check below returns the list of problems it finds (empty when the coverage is sound):
tests/test_couverture.py runs them, and `openfisca-gen coverage` prints `resume()`.
"""

import re
from pathlib import Path

import pandas
from openfisca_core.parameters import Parameter

from openfisca_gen.chemins import DOCS_DIR, yaml_du_paquet

COUVERTURE = DOCS_DIR / "couverture.yaml"
RACINE = DOCS_DIR.parent  # `source` and `tests` paths are relative to it
TEXTE_FONDATEUR = "docs/sources/communique-2015-09-17.txt"

CLES = ("id", "source", "quote", "rule", "encoded_by", "tests", "confidence", "status")
CONFIANCES = ("seed", "confirmed", "disputed", "inferred", "convention")
MODELISEE = "modelled"
NON_MODELISEE = "not modelled: "
SOURCES_ADMISES = ("docs/sources/", "http://", "https://")
SEPARATEUR = "---"  # in an excerpt file, the header ends at this line
NON_RELU = "[not re-read"  # an excerpt opening with this marker was taken from elsewhere, not re-read in its source

# A passage of the founding text states a rule, a number or an objective when it holds a number or one of these
# words; every such token must lie inside the quote of some entry.
MOTS_DE_REGLE = re.compile(
    r"\d+(?:[.,]\d+)*|\b(?:doi(?:t|vent)|fixée?s?|au plus tard|plafonds?|objectifs?|octroie|permettra|destinée|"
    r"comité|cahier des charges|financements?|six|deux|trois|pédagogies)\b",
    re.IGNORECASE,
)


def lire_couverture(chemin: Path | str = COUVERTURE) -> list[dict]:
    return yaml_du_paquet(chemin)


def normaliser(texte: str) -> str:
    """The text with every run of whitespace (non-breaking spaces and line breaks included) as one space."""
    return " ".join(texte.split())


def extraits(chemin: Path, non_relus: bool = False) -> str:
    """The excerpts of a stored source: the text after its header's `---` line, or the whole file if it has none.
    An excerpt (a block between blank lines) whose first line is a `[not re-read…]` marker is left out unless
    `non_relus`: no rule may rest on words that were not re-read in the source."""
    lignes = chemin.read_text(encoding="utf-8").splitlines()
    texte = "\n".join(lignes[lignes.index(SEPARATEUR) + 1 :] if SEPARATEUR in lignes else lignes)
    blocs = re.split(r"\n\s*\n", texte)
    return "\n\n".join(bloc for bloc in blocs if non_relus or not bloc.lstrip().startswith(NON_RELU))


def fichiers_par_url(racine: Path = RACINE) -> dict[str, Path]:
    """The stored excerpt file of each source URL, read from the files' `URL:` header line."""
    return {
        ligne.removeprefix("URL:").strip(): chemin
        for chemin in sorted((racine / "docs" / "sources").glob("*.txt"))
        for ligne in chemin.read_text(encoding="utf-8").splitlines()[:1]
        if ligne.startswith("URL:")
    }


def _nom(entree, rang: int) -> str:
    return f"entry {entree.get('id', f'#{rang + 1}')!r}" if isinstance(entree, dict) else f"entry #{rang + 1}"


def erreurs_de_forme(entrees) -> list[str]:
    """Keys exactly CLES; texts non-empty; lists of names; a known confidence; a status with its reason; unique ids."""
    if not isinstance(entrees, list) or not entrees:
        return ["the coverage file must be a non-empty list of entries"]
    erreurs, vus = [], set()
    for rang, entree in enumerate(entrees):
        nom = _nom(entree, rang)
        if not isinstance(entree, dict):
            erreurs.append(f"{nom}: not a mapping")
            continue
        if manquantes := [cle for cle in CLES if cle not in entree]:
            erreurs.append(f"{nom}: missing key(s) {', '.join(manquantes)}")
        if inconnues := sorted(set(entree) - set(CLES)):
            erreurs.append(f"{nom}: unknown key(s) {', '.join(map(str, inconnues))}")
        for cle in ("id", "source", "quote", "rule"):
            if cle in entree and not (isinstance(entree[cle], str) and entree[cle].strip()):
                erreurs.append(f"{nom}: {cle} must be a non-empty text")
        for cle in ("encoded_by", "tests"):
            if cle in entree and not (
                isinstance(entree[cle], list) and all(isinstance(v, str) and v for v in entree[cle])
            ):
                erreurs.append(f"{nom}: {cle} must be a list of names")
        if isinstance(entree.get("source"), str) and not entree["source"].startswith(SOURCES_ADMISES):
            erreurs.append(f"{nom}: the source must be a file under docs/sources/ or a URL, not {entree['source']!r}")
        if "confidence" in entree and entree["confidence"] not in CONFIANCES:
            erreurs.append(f"{nom}: confidence {entree['confidence']!r} is not one of {', '.join(CONFIANCES)}")
        statut = entree.get("status")
        if "status" in entree and not (
            statut == MODELISEE
            or (
                isinstance(statut, str)
                and statut.startswith(NON_MODELISEE)
                and statut.removeprefix(NON_MODELISEE).strip()
            )
        ):
            erreurs.append(f"{nom}: status must be {MODELISEE!r} or '{NON_MODELISEE}<reason>', not {statut!r}")
        if entree.get("id") in vus:
            erreurs.append(f"{nom}: the id is used twice")
        vus.add(entree.get("id"))
    return erreurs


def erreurs_de_citation(entrees, racine: Path = RACINE) -> list[str]:
    """Every quote is verbatim (whitespace aside) in the re-read excerpts of its source, a file or a URL: one found
    only in an excerpt marked `[not re-read…]` is an error."""
    par_url, erreurs = fichiers_par_url(racine), []
    for rang, entree in enumerate(entrees):
        source, citation = entree["source"], entree["quote"]
        chemin = par_url.get(source) if source.startswith(("http://", "https://")) else racine / source
        if chemin is None or not chemin.is_file():
            erreurs.append(f"{_nom(entree, rang)}: no stored excerpt for the source {source!r} in docs/sources/")
        elif normaliser(citation) not in normaliser(extraits(chemin)):
            erreurs.append(f"{_nom(entree, rang)}: the quote is not verbatim in {chemin.name}: {citation!r}")
    return erreurs


def noms_du_modele(tax_benefit_system) -> tuple[set[str], set[str], set[str]]:
    """The variables, the parameter paths (nodes and leaves) and the parameter leaves of a tax-benefit system."""
    descendants = list(tax_benefit_system.parameters.get_descendants())
    return (
        set(tax_benefit_system.variables),
        {parametre.name for parametre in descendants},
        {parametre.name for parametre in descendants if isinstance(parametre, Parameter)},
    )


def erreurs_de_noms(entrees, tax_benefit_system) -> list[str]:
    """Every name in `encoded_by` is a variable or a parameter path of the tax-benefit system."""
    variables, chemins, _ = noms_du_modele(tax_benefit_system)
    return [
        f"{_nom(entree, rang)}: {nom!r} is neither a variable nor a parameter"
        for rang, entree in enumerate(entrees)
        for nom in entree["encoded_by"]
        if nom not in variables and nom not in chemins
    ]


def sorties_des_cas(chemin: Path) -> set[str]:
    """The names a YAML test file asserts: every key under the `output` of its cases (a variable, or an entity,
    an id or a period above one), YAML anchors and merge keys resolved."""
    sorties, a_voir = set(), [cas.get("output") for cas in yaml_du_paquet(chemin) or []]
    while a_voir:
        sortie = a_voir.pop()
        if isinstance(sortie, dict):
            sorties |= set(map(str, sortie))
            a_voir += list(sortie.values())
    return sorties


def erreurs_de_tests(entrees, racine: Path = RACINE, variables: set[str] | None = None) -> list[str]:
    """A modelled rule names existing test files, one of which holds a case that asserts one of its names: a YAML
    file asserts it under some case's `output` (a parameter is checked through the variables the entry also names);
    a pytest file mentions it. With `variables` (the model's), an entry must name one variable, not only parameters."""
    erreurs = []
    for rang, entree in enumerate(entrees):
        if entree["status"] != MODELISEE:
            continue
        nom = _nom(entree, rang)
        if not entree["encoded_by"]:
            erreurs.append(f"{nom}: a modelled rule must name the variables or parameters that encode it")
        elif variables is not None and not set(entree["encoded_by"]) & variables:
            erreurs.append(f"{nom}: names parameters only; name a variable they feed too, so a test can assert it")
        if not entree["tests"]:
            erreurs.append(f"{nom}: a modelled rule has no test")
            continue
        absents = [test for test in entree["tests"] if not (racine / test).is_file()]
        erreurs += [f"{nom}: the test file {test!r} does not exist" for test in absents]
        presents = [racine / test for test in entree["tests"] if test not in absents]
        motif = re.compile(r"\b(?:" + "|".join(map(re.escape, entree["encoded_by"])) + r")\b")
        verifie = any(
            motif.search(chemin.read_text(encoding="utf-8"))
            if chemin.suffix == ".py"
            else set(entree["encoded_by"]) & sorties_des_cas(chemin)
            for chemin in presents
        )
        if presents and entree["encoded_by"] and not verifie:
            erreurs.append(
                f"{nom}: none of its test files asserts {', '.join(entree['encoded_by'])} "
                "(a YAML case under `output:`, or a pytest module that names it)"
            )
    return erreurs


def noms_sans_entree(entrees, tax_benefit_system) -> list[str]:
    """The variables and parameter leaves that no entry names (a node's path names every leaf below it)."""
    variables, _, feuilles = noms_du_modele(tax_benefit_system)
    nommes = {nom for entree in entrees for nom in entree["encoded_by"]}
    return sorted(
        nom
        for nom in variables | feuilles
        if nom not in nommes and not any(nom.startswith(noeud + ".") for noeud in nommes)
    )


def passages_non_cites(entrees, texte_fondateur: str) -> list[str]:
    """The numbers and rule words of the founding text that lie outside every quote of it, in context."""
    texte = normaliser(texte_fondateur)
    portees = [
        (debut, debut + len(citation))
        for entree in entrees
        if entree["source"] == TEXTE_FONDATEUR and (citation := normaliser(entree["quote"]))
        for debut in (m.start() for m in re.finditer(re.escape(citation), texte))
    ]
    return [
        f"{jeton.group()!r} in «…{texte[max(jeton.start() - 50, 0) : jeton.end() + 50]}…»"
        for jeton in MOTS_DE_REGLE.finditer(texte)
        if not any(debut <= jeton.start() and jeton.end() <= fin for debut, fin in portees)
    ]


def resume(entrees) -> pandas.DataFrame:
    """Rules modelled and not modelled, by confidence, with totals."""
    table = pandas.crosstab(
        pandas.Categorical([entree["confidence"] for entree in entrees], categories=CONFIANCES),
        pandas.Categorical(
            [MODELISEE if entree["status"] == MODELISEE else "not modelled" for entree in entrees],
            categories=[MODELISEE, "not modelled"],
        ),
        margins=True,
        margins_name="total",
        dropna=False,
    )
    table.index.name, table.columns.name = "confidence", None
    return table
