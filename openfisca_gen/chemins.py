"""Where the law and its texts lie: `parameters/`, `variables/`, `docs/` (the coverage, the record, the sources).

An installed wheel carries them inside the package; a source checkout
(editable install) keeps them at the top of the repository.
"""

from pathlib import Path

import yaml

_PACKAGE = Path(__file__).resolve().parent


def _dossier(nom: str) -> Path:
    dedans = _PACKAGE / nom
    return dedans if dedans.is_dir() else _PACKAGE.parent / nom


PARAMETERS_DIR = _dossier("parameters")
VARIABLES_DIR = _dossier("variables")
DOCS_DIR = _dossier("docs")


def yaml_du_paquet(chemin) -> object:
    """One of the package's own YAML files (parameters, data, docs), read by libyaml where PyYAML has it: ten
    times faster than its Python reader, and read at import by most commands."""
    return yaml.load(Path(chemin).read_bytes(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
