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
