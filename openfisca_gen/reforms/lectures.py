"""One reform per reading of the texts: `lectures.<switch>` flips `interpretations.<switch>`, each dated value.

Each boolean switch under parameters/interpretations/ becomes a parametric
reform of the same name that applies the other reading for the calls the
switch concerns (its null values, from the opening of a call it does not
concern, stay null), so that OpenFisca's test runner can name it (`reforms:
openfisca_gen.reforms.lectures.plafond_par_structure`) and the CLI and web
API, the pages can pick it from the registry like any shipped reform. The
switches are read from the parameter files, never listed by hand.

Deprecated (until 0.8): `lectures.sans_decision_formation_eligible_labellisee`
flips the convention it named before it moved,
`conventions.sans_decision_formation_eligible_labellisee`.
"""

import warnings
from pathlib import Path

from openfisca_gen.chemins import PARAMETERS_DIR, yaml_du_paquet
from openfisca_gen.reforms.coherence import OUVERTURES
from openfisca_gen.reforms.parametriques import CHEMINS_RENOMMES, ReformeParametrique

DOSSIER = Path(PARAMETERS_DIR) / "interpretations"


def _contraire(chemin: str, nom: str, base: type = ReformeParametrique) -> type | None:
    """The reform that flips every non-null dated value of the boolean parameter at `chemin`; None for a node. Its
    last value is given again at each later call's opening: the other reading holds for every call the switch
    concerns, by intent, not as a value leaking past its call (reforms.parametriques.avertissements_de_portee)."""
    contenu = yaml_du_paquet(Path(PARAMETERS_DIR) / f"{chemin.replace('.', '/')}.yaml")
    if "values" not in contenu:
        return None
    valeurs = {str(debut): None if v["value"] is None else not v["value"] for debut, v in contenu["values"].items()}
    dernier = max(valeurs)
    if valeurs[dernier] is not None:
        valeurs |= {ouverture: valeurs[dernier] for ouverture in OUVERTURES if ouverture > dernier}
    autre = next(valeur for valeur in valeurs.values() if valeur is not None)
    description = contenu["description"].rstrip(".")
    doc = f"What if {chemin} were {str(autre).lower()}, the other reading of the texts? ({description})"
    # Named in French by the reading it applies, as the pages show it: a switch's description says its reading
    # `true`, and one true by default says its other reading in `description_contraire`.
    lue = contenu["description"] if autre else contenu["metadata"]["description_contraire"]
    return type(nom, (base,), {"changements": {chemin: valeurs}, "name": f"Autre lecture : {lue}", "__doc__": doc})


class _Depreciee(ReformeParametrique):
    """A reform kept under the name of a parameter that moved: it warns, then flips the new path."""

    def apply(self) -> None:
        warnings.warn(
            f"openfisca_gen.reforms.lectures.{type(self).__name__} flips '{next(iter(self.changements))}' now; "
            "the name will stop working in 0.8",
            DeprecationWarning,
            stacklevel=3,  # where the reform is built
        )
        super().apply()


def _chemin(fichier: Path) -> str:
    return ".".join(("interpretations", *fichier.relative_to(DOSSIER).with_suffix("").parts))


LECTURES = {
    fichier.stem: classe
    for fichier in sorted(DOSSIER.rglob("*.yaml"))
    if (classe := _contraire(_chemin(fichier), fichier.stem))
}
# Deprecated names of readings whose parameter moved (see parametriques.CHEMINS_RENOMMES): not readings any more.
DEPRECIEES = {
    nom: _contraire(nouveau, nom, _Depreciee)
    for ancien, nouveau in CHEMINS_RENOMMES.items()
    if ancien.startswith("interpretations.") and (nom := ancien.rsplit(".", 1)[1])
}
globals().update(LECTURES | DEPRECIEES)
