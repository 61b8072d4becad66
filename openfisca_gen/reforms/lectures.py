"""One reform per reading of the texts: `lectures.<switch>` flips `interpretations.<switch>`, each dated value.

Each boolean switch under parameters/interpretations/ becomes a parametric
reform of the same name that applies the other reading from the first call
on, so that OpenFisca's test runner can name it (`reforms:
openfisca_gen.reforms.lectures.plafond_par_structure`) and the CLI and web
API can pick it like any shipped reform. The switches are read from the
parameter files, never listed by hand.
"""

from pathlib import Path

import yaml

from openfisca_gen import PARAMETERS_DIR
from openfisca_gen.reforms.parametriques import ReformeParametrique

DOSSIER = Path(PARAMETERS_DIR) / "interpretations"


def _lecture(fichier: Path) -> type | None:
    """The reform that flips the switch of a parameter file; None for a node's index.yaml."""
    contenu = yaml.safe_load(fichier.read_text(encoding="utf-8"))
    if "values" not in contenu:
        return None
    chemin = ".".join(("interpretations", *fichier.relative_to(DOSSIER).with_suffix("").parts))
    changements = {chemin: {str(debut): not valeur["value"] for debut, valeur in contenu["values"].items()}}
    doc = f"The other reading of {chemin}: {contenu['description']}."
    return type(fichier.stem, (ReformeParametrique,), {"changements": changements, "name": chemin, "__doc__": doc})


LECTURES = {classe.__name__: classe for classe in map(_lecture, sorted(DOSSIER.rglob("*.yaml"))) if classe}
globals().update(LECTURES)
