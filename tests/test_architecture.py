"""The application layer's shape, checked: no import circle, nothing imports a layer above it, short functions
and modules. Imports inside functions count too (a lazy import is still a dependency)."""

import ast
import functools
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "openfisca_gen"
MAX_LIGNES_FONCTION, MAX_LIGNES_MODULE = 60, 600
# Each layer may import only the layers below it (and itself): reports below the analyses, the shells on top.
COUCHES = [
    ("chemins", "limites", "sources", "entities", "situation_examples", "validation"),
    ("helpers", "systeme", "simulation", "reforms", "couverture", "population"),
    ("rapports",),
    ("analyse",),
    ("interpretations",),
    ("explication", "bilan"),
    ("api", "pages"),
    ("web",),
    ("cli", "terminal"),
]


def _nom(chemin: Path) -> str:
    parties = chemin.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parties[:-1] if parties[-1] == "__init__" else parties)


MODULES = {_nom(chemin): chemin for chemin in PACKAGE.rglob("*.py")}


def _imports(module: str) -> set[str]:
    """The modules of the package that `module` imports, anywhere in its code."""
    trouves = set()
    for noeud in ast.walk(ast.parse(MODULES[module].read_text(encoding="utf-8"))):
        if isinstance(noeud, ast.Import):
            noms = [alias.name for alias in noeud.names]
        elif isinstance(noeud, ast.ImportFrom) and noeud.level == 0 and noeud.module:
            # `from package import submodule` depends on the submodule; `from module import name`, on the module
            noms = [
                f"{noeud.module}.{alias.name}" if f"{noeud.module}.{alias.name}" in MODULES else noeud.module
                for alias in noeud.names
            ]
        else:
            continue
        for nom in noms:
            while nom and nom not in MODULES:
                nom = nom.rpartition(".")[0]
            if nom and nom != "openfisca_gen" and nom != module:
                trouves.add(nom)
    return trouves


@functools.cache
def graphe() -> dict[str, set[str]]:
    """Each module's imports of the package, read once when a test asks (not at collection, on every worker)."""
    return {module: _imports(module) for module in MODULES}


def _couche(module: str) -> int | None:
    sous = module.removeprefix("openfisca_gen.").split(".")[0]
    return next((rang for rang, noms in enumerate(COUCHES) if sous in noms), None)


def test_every_module_has_a_layer():
    assert [m for m in MODULES if m != "openfisca_gen" and _couche(m) is None] == []


def test_no_import_circle():
    etat, circuits = {}, []

    def visiter(module, pile):
        etat[module] = "en cours"
        for suivant in sorted(graphe()[module]):
            if etat.get(suivant) == "en cours":
                circuits.append([*pile[pile.index(suivant) :], suivant])
            elif suivant not in etat:
                visiter(suivant, [*pile, suivant])
        etat[module] = "fait"

    for module in sorted(graphe()):
        if module not in etat:
            visiter(module, [module])
    assert circuits == []


def test_nothing_imports_a_layer_above_it():
    montantes = [
        f"{module} -> {importe}"
        for module, importes in graphe().items()
        for importe in importes
        if module != "openfisca_gen" and _couche(importe) > _couche(module)
    ]
    assert montantes == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_functions_and_modules_are_short(module):
    texte = MODULES[module].read_text(encoding="utf-8")
    assert texte.count("\n") <= MAX_LIGNES_MODULE
    longues = [
        f"{noeud.name}: {noeud.end_lineno - noeud.lineno + 1} lines"
        for noeud in ast.walk(ast.parse(texte))
        if isinstance(noeud, ast.FunctionDef | ast.AsyncFunctionDef)
        and noeud.end_lineno - noeud.lineno + 1 > MAX_LIGNES_FONCTION
    ]
    assert longues == []


def test_the_check_finds_a_circle_and_an_upward_import(monkeypatch):
    """The checks can fail: a circle and an upward import are found when they exist."""
    monkeypatch.setitem(graphe(), "openfisca_gen.validation.types", {"openfisca_gen.analyse"})
    with pytest.raises(AssertionError):
        test_nothing_imports_a_layer_above_it()
    monkeypatch.setitem(graphe(), "openfisca_gen.rapports", {"openfisca_gen.rapports.tableaux"})
    monkeypatch.setitem(graphe(), "openfisca_gen.rapports.tableaux", {"openfisca_gen.rapports"})
    with pytest.raises(AssertionError):
        test_no_import_circle()
