"""Run by `make check-wheel` with the wheel's Python: `openfisca serve` works with the installed package."""

import sys
from pathlib import Path

from openfisca_gen.serveur_local import arreter, demarrer, port_libre, requete
from openfisca_gen.situation_examples import formation_eligible

port = port_libre()
openfisca = str(Path(sys.executable).with_name("openfisca"))
serveur = demarrer([openfisca, "serve", "--country-package", "openfisca_gen", "--bind", f"127.0.0.1:{port}"], port)
try:
    statut, reponse = requete(f"http://127.0.0.1:{port}/calculate", formation_eligible)
finally:
    arreter(serveur)
assert statut == 200, (statut, reponse)
assert reponse["formations"]["formation_web"]["financement_amorcage"] == {"2015-10": 45000.0}, reponse
print("openfisca serve from the installed wheel: /calculate answers 45000.0")
