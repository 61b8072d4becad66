"""Run by `make check-wheel` with the wheel's Python: `openfisca serve` works with the installed package,
and `openfisca-gen serve` serves its pages and the stored texts the references cite (package data)."""

import sys
import urllib.request
from pathlib import Path

from openfisca_gen.situation_examples import formation_eligible

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from serveurs import arreter, demarrer, requete  # the tests' helper: not in the wheel

openfisca = str(Path(sys.executable).with_name("openfisca"))
serveur, adresse = demarrer([openfisca, "serve", "--country-package", "openfisca_gen", "--bind", "127.0.0.1:0"])
try:
    statut, reponse = requete(f"{adresse}/calculate", formation_eligible)
finally:
    arreter(serveur)
assert statut == 200, (statut, reponse)
assert reponse["formations"]["formation_web"]["financement_amorcage"] == {"2015-10": 45000.0}, reponse
print("openfisca serve from the installed wheel: /calculate answers 45000.0")

serveur, adresse = demarrer([str(Path(sys.executable).with_name("openfisca-gen")), "serve", "--port", "0"])
try:
    statut, variable = requete(f"{adresse}/variable/budget_session")
    with urllib.request.urlopen(variable["references"][0]) as texte, urllib.request.urlopen(variable["source"]) as code:
        assert "la campagne de labellisation est lancée" in texte.read().decode()
        assert "class budget_session(" in code.read().decode()
    with urllib.request.urlopen(f"{adresse}/simulateur") as page:
        assert 'name="budget_session"' in page.read().decode()  # the templates ship
    with urllib.request.urlopen(f"{adresse}/pages/pages.css") as feuille:
        assert feuille.status == 200  # and the static files
finally:
    arreter(serveur)
print("openfisca-gen serve from the installed wheel: pages, sources and stored texts served")
