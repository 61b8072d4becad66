"""Where the law and its texts lie: `parameters/`, `variables/`, `docs/` (the coverage, the record, the sources).

An installed wheel carries them inside the package; a source checkout
(editable install) keeps them at the top of the repository.
"""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _dossier(nom: str) -> Path:
    dedans = _PACKAGE / nom
    return dedans if dedans.is_dir() else _PACKAGE.parent / nom


PARAMETERS_DIR = _dossier("parameters")
VARIABLES_DIR = _dossier("variables")
DOCS_DIR = _dossier("docs")
