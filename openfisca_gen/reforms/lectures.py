"""One reform per reading of the texts: `lectures.<switch>` flips `interpretations.<switch>`, each dated value.

Each boolean switch under parameters/interpretations/ becomes a parametric
reform named after it that applies the other reading wherever the switch has
a value (a switch is null for the calls whose texts it does not read), so
that OpenFisca's test runner can name it (`reforms:
openfisca_gen.reforms.lectures.plafond_par_structure`) and the CLI, the web
API and the pages can pick it from the registry like any shipped reform. The
switches are read from the parameter files, never listed by hand.
"""

from pathlib import Path

import yaml

from openfisca_gen.chemins import PARAMETERS_DIR
from openfisca_gen.reforms.parametriques import ReformeParametrique

DOSSIER = Path(PARAMETERS_DIR) / "interpretations"


def _lecture(fichier: Path) -> type | None:
    """The reform that flips the switch of a parameter file; None for a node's index.yaml."""
    contenu = yaml.safe_load(fichier.read_text(encoding="utf-8"))
    if "values" not in contenu:
        return None
    chemin = ".".join(("interpretations", *fichier.relative_to(DOSSIER).with_suffix("").parts))
    changements = {
        chemin: {
            str(debut): None if valeur["value"] is None else not valeur["value"]
            for debut, valeur in contenu["values"].items()
        }
    }
    autre = next(str(not v["value"]).lower() for v in contenu["values"].values() if v["value"] is not None)
    doc = f"What if {chemin} were {autre}, the other reading of the texts? ({contenu['description'].rstrip('.')})"
    return type(fichier.stem, (ReformeParametrique,), {"changements": changements, "name": chemin, "__doc__": doc})


LECTURES = {classe.__name__: classe for classe in map(_lecture, sorted(DOSSIER.rglob("*.yaml"))) if classe}
globals().update(LECTURES)  # openfisca_gen.reforms.lectures.<switch>, as OpenFisca's test runner names a reform
