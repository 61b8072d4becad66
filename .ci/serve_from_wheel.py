"""Run by `make check-wheel` with the wheel's Python: `openfisca serve` works with the installed package,
and `openfisca-gen serve` serves its pages and the stored texts the references cite (package data)."""

import sys
import urllib.request
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

port = port_libre()
serveur = demarrer([str(Path(sys.executable).with_name("openfisca-gen")), "serve", "--port", str(port)], port)
try:
    statut, variable = requete(f"http://127.0.0.1:{port}/variable/budget_session")
    with urllib.request.urlopen(variable["references"][0]) as texte, urllib.request.urlopen(variable["source"]) as code:
        assert "la campagne de labellisation est lancée" in texte.read().decode()
        assert "class budget_session(" in code.read().decode()
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/simulateur") as page:
        assert 'name="budget_session"' in page.read().decode()  # the templates ship
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/pages/pages.css") as feuille:
        assert feuille.status == 200  # and the static files
finally:
    arreter(serveur)
print("openfisca-gen serve from the installed wheel: pages, sources and stored texts served")
