"""The package's own files, served read-only, and the links that point to them.

OpenFisca's web API builds a variable's or a parameter's `source` as
`{repository_url}/blob/{version}{path}` from the package metadata; this
package has no public repository, so the link reads `None/blob/<version>/…`.
References that are not URLs (the founding press release, kept in
docs/sources/) are dead links in the Legislation Explorer, which makes every
reference a link. Here each file of the law, of the Python package and of
docs/sources/ has a public path, the path it has in the repository
(`variables/labellisation.py`, `parameters/financement_amorcage/taux.yaml`,
`docs/sources/communique-2015-09-17.txt`), whether the package runs from a
checkout or from an installed wheel.
"""

import functools
import re
from pathlib import Path
from urllib.parse import quote, urlsplit

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
# The dates of the stored texts' headers are written in English ("February 2016", "winter 2015-2016").
MOTS_DES_DATES = {
    "January": "janvier", "February": "février", "March": "mars", "April": "avril", "May": "mai", "June": "juin",
    "July": "juillet", "August": "août", "September": "septembre", "October": "octobre", "November": "novembre",
    "December": "décembre", "winter": "hiver", "spring": "printemps", "summer": "été", "autumn": "automne",
    "early": "début", "late": "fin", "or": "ou",
}  # fmt: skip
DATE = re.compile(
    r"(?:(?:early|late) )?(?:\d{1,2} )?(?:(?:%s)(?: or (?:%s))? )?\b(?:19|20)\d\d(?:-(?:19|20)\d\d)?\b"
    % (("|".join(MOTS_DES_DATES),) * 2)
)


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
    """A reference as a URL: itself if it is one, else the stored text it cites by its path or by its title (the
    founding press release, which the parameters cite by its title alone), else the stored texts' list."""
    if URL.match(reference):
        return reference
    cite = TEXTE_CITE.search(reference)
    if cite and trouver(cite.group()) is not None:
        return url_du_fichier(base, cite.group())
    mots = " ".join(reference.split())
    par_titre = next((chemin for titre, chemin in _titres_des_textes().items() if titre in mots), None)
    return url_du_fichier(base, par_titre or "docs/sources")


@functools.cache
def _titres_des_textes() -> dict[str, str]:
    """{title: public path} of the stored texts that open on their title, without a header (docs/sources/README.md:
    the founding press release), the title's spaces as one plain space."""
    titres = {}
    for chemin in sorted(TEXTES_SOURCES.glob("*.txt")):
        premiere = " ".join(chemin.read_text(encoding="utf-8").split("\n", 1)[0].split())
        if premiere and not premiere.startswith("URL:"):
            titres[premiere] = f"docs/sources/{chemin.name}"
    return titres


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


def relier_parametre(parametre: dict, metadonnees: dict, base: str) -> dict:
    """A /parameter answer whose source link and references resolve: a reference that is not a URL, or a title
    without `href`, is given the `href` of the stored text it cites (its title kept)."""
    if "source" in parametre:
        parametre["source"] = relier(parametre["source"], metadonnees, base)
    references = (parametre.get("metadata") or {}).get("reference")
    if references:
        liste = [_reference_reliee(r, base) for r in (references if isinstance(references, list) else [references])]
        parametre["metadata"]["reference"] = liste if isinstance(references, list) else liste[0]
    return parametre


def _reference_reliee(reference, base: str):
    """A parameter's reference with an `href` that resolves: a text becomes its title."""
    if isinstance(reference, str) and not URL.match(reference):
        return {"title": reference, "href": url_de_reference(reference, base)}
    if isinstance(reference, dict) and not reference.get("href"):
        return {**reference, "href": url_de_reference(str(reference.get("title", "")), base)}
    return reference


@functools.cache
def textes_conserves() -> dict[str, dict]:
    """The stored texts by the URL their header names: {url: {titre, editeur, date, fichier}} (docs/sources)."""
    textes = {}
    for chemin in sorted(TEXTES_SOURCES.glob("*.txt")):
        entete = dict(re.findall(r"^(URL|Title): (.+)$", chemin.read_text(encoding="utf-8").split("\n---", 1)[0], re.M))
        if "URL" not in entete:
            continue
        titre, _, parenthese = entete.get("Title", "").rpartition(" (")
        titre, parenthese = (titre, parenthese.rstrip(")")) if titre else (entete.get("Title", ""), "")
        date = DATE.search(parenthese)
        textes[entete["URL"].strip()] = {
            "titre": titre.strip(),
            "editeur": parenthese.split(",")[0].strip() if "," in parenthese else "",
            "date": " ".join(MOTS_DES_DATES.get(mot, mot) for mot in date.group().split()) if date else "",
            "fichier": chemin_public(chemin),
        }
    return textes


def source_lisible(reference, titres: dict, base: str) -> dict:
    """A reference as a reader names it: {texte: title, publisher and date, href: the page, copie: the stored
    text this server serves, if any}. `titres`: the French titles the parameters give their references by URL."""
    if isinstance(reference, dict):
        titres = {**titres, reference.get("href", ""): reference.get("title")}
        reference = reference.get("href") or reference.get("title", "")
    reference = str(reference)
    if not URL.match(reference):  # a text, such as the founding press release: its own words, and its copy
        cite = TEXTE_CITE.search(reference)
        texte = re.sub(r"\s*\(docs/sources/[^)]*\)", "", reference).strip()
        return {"texte": texte, "href": url_de_reference(reference, base), "copie": None if cite is None else ""}
    conserve = textes_conserves().get(reference)
    if conserve is None:
        return {"texte": titres.get(reference) or urlsplit(reference).netloc, "href": reference, "copie": None}
    titre = titres.get(reference)  # the model's own French title, unless it dates itself: the text's is finer
    if not titre or DATE.search(titre):
        titre = ", ".join(filter(None, [conserve["editeur"], f"« {conserve['titre']} »"]))
    texte = ", ".join(filter(None, [titre, conserve["date"]]))
    return {"texte": texte, "href": reference, "copie": url_du_fichier(base, conserve["fichier"])}


def titres_des_parametres(parametres) -> dict[str, str]:
    """{url: title} of every reference a parameter gives with a title (French, chosen by the model's authors)."""
    titres = {}
    for parametre in parametres.get_descendants():
        references = [parametre.metadata.get("reference")]
        references += [v.metadata.get("reference") for v in getattr(parametre, "values_list", [])]
        for reference in references:
            for element in reference if isinstance(reference, list) else [reference]:
                if isinstance(element, dict) and element.get("href") and element.get("title"):
                    titres.setdefault(element["href"], element["title"])
    return titres
