"""The package's own files, served read-only, and the links that point to them.

OpenFisca's web API builds a variable's or a parameter's `source` as
`{repository_url}/blob/{version}{path}` from the package metadata; this
package has no public repository, so the link reads `None/blob/0.5.0/…`.
References that are not URLs (the founding press release, kept in
docs/sources/) are dead links in the Legislation Explorer, which makes every
reference a link. Here each file of the law, of the Python package and of
docs/sources/ has a public path, the path it has in the repository
(`variables/labellisation.py`, `parameters/financement_amorcage/taux.yaml`,
`docs/sources/communique-2015-09-17.txt`), whether the package runs from a
checkout or from an installed wheel.
"""

import re
from pathlib import Path
from urllib.parse import quote

from openfisca_gen.chemins import DOCS_DIR, PARAMETERS_DIR, VARIABLES_DIR

PACKAGE = Path(__file__).resolve().parent.parent
TEXTES_SOURCES = DOCS_DIR / "sources"
# Most specific first: in a wheel, parameters/ and variables/ lie inside openfisca_gen/.
RACINES = {
    "parameters": PARAMETERS_DIR.resolve(),
    "variables": VARIABLES_DIR.resolve(),
    "docs/sources": TEXTES_SOURCES.resolve(),
    "openfisca_gen": PACKAGE,
}
EXTENSIONS = frozenset({".py", ".yaml", ".txt", ".md", ".json", ".csv"})
URL = re.compile(r"^https?://", re.IGNORECASE)
TEXTE_CITE = re.compile(r"docs/sources/[\w.\-]+")


def chemin_public(absolu) -> str | None:
    """The repository path of a file of the package, such as 'variables/labellisation.py'; None otherwise."""
    absolu = Path(absolu).resolve()
    for prefixe, racine in RACINES.items():
        if absolu.is_relative_to(racine):
            return "/".join([prefixe, *absolu.relative_to(racine).parts])
    return None


def _sert(chemin: Path, racine: Path) -> bool:
    """Only regular files of the allowed kinds, and folders, inside `racine` after resolving links."""
    if not chemin.is_relative_to(racine) or "__pycache__" in chemin.parts:
        return False
    return chemin.is_dir() or (chemin.is_file() and chemin.suffix in EXTENSIONS)


def trouver(public: str) -> Path | None:
    """The file or folder at a public path, or None: nothing outside the roots, no other kind of file."""
    if "\\" in public or "\0" in public:
        return None
    for prefixe, racine in RACINES.items():
        if public == prefixe or public.startswith(prefixe + "/"):
            chemin = (racine / public[len(prefixe) :].lstrip("/")).resolve()
            return chemin if _sert(chemin, racine) else None
    return None


def contenu_du_dossier(dossier: Path, public: str) -> list[tuple[str, bool]]:
    """(public path, is a folder) of what a folder holds that can be served, folders first."""
    entrees = [(f"{public}/{enfant.name}", enfant.is_dir()) for enfant in dossier.iterdir()]
    return sorted((e for e in entrees if trouver(e[0]) is not None), key=lambda e: (not e[1], e[0]))


def url_du_fichier(base: str, public: str, ancre: str = "") -> str:
    return f"{base}/{quote(public)}" + (f"#{ancre}" if ancre else "")


def url_de_reference(reference: str, base: str) -> str:
    """A reference as a URL: itself if it is one, else the stored text it cites, else the stored texts' list."""
    if URL.match(reference):
        return reference
    cite = TEXTE_CITE.search(reference)
    if cite and trouver(cite.group()) is not None:
        return url_du_fichier(base, cite.group())
    return url_du_fichier(base, "docs/sources")


def base_des_fichiers(metadonnees: dict, racine_publique: str) -> str:
    """Where the files are read: the repository the package metadata names, or this server's own route."""
    if metadonnees.get("repository_url"):
        return f"{metadonnees['repository_url']}/blob/{metadonnees['version']}"
    return f"{racine_publique.rstrip('/')}/sources"


def relier(source: str, metadonnees: dict, base: str) -> str:
    """OpenFisca's `source` link (`{repository_url}/blob/{version}{path}#L1-L9`) rebuilt on `base`."""
    prefixe = f"{metadonnees['repository_url']}/blob/{metadonnees['version']}"
    if not source.startswith(prefixe):
        return source
    chemin, _, ancre = source[len(prefixe) :].partition("#")
    public = chemin_public(metadonnees["location"] + chemin)
    return source if public is None else url_du_fichier(base, public, ancre)


def relier_variable(variable: dict, metadonnees: dict, base: str) -> dict:
    """A /variable answer whose source links and references resolve."""
    if "source" in variable:
        variable["source"] = relier(variable["source"], metadonnees, base)
    for formule in (variable.get("formulas") or {}).values():
        if formule:
            formule["source"] = relier(formule["source"], metadonnees, base)
    references = variable.get("references")
    if references:
        references = references if isinstance(references, list) else [references]
        variable["references"] = [url_de_reference(r, base) if isinstance(r, str) else r for r in references]
    return variable
