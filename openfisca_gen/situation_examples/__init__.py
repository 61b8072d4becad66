"""Example situations, in the JSON shape of the web API's `/calculate`.

They appear in the web API's `/spec` and are the inputs of the main job
(`openfisca-gen examples`).
"""

import json
from pathlib import Path

_HERE = Path(__file__).parent


def _load(name: str) -> dict:
    return json.loads((_HERE / f"{name}.json").read_text(encoding="utf-8"))


formation_eligible = _load("formation_eligible")
campagne_deux_structures = _load("campagne_deux_structures")

EXAMPLES = {
    "formation_eligible": formation_eligible,
    "campagne_deux_structures": campagne_deux_structures,
}


def calculer_exemples(tax_benefit_system) -> dict:
    """Each example with its requested (null) values computed, as OpenFisca's /calculate answers it."""
    import copy

    from openfisca_web_api import handlers

    return {
        nom: handlers.calculate(tax_benefit_system, copy.deepcopy(situation)) for nom, situation in EXAMPLES.items()
    }
