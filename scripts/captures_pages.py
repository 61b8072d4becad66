"""Screenshots of every state of the pages at 390 px (a phone) and 1280 px (a desk), for docs/pages.md.

    .venv/bin/python scripts/captures_pages.py [--dossier docs/images]

Serves the pages in this process (a werkzeug server on a free loopback port), opens each state's link in
Debian's Chromium (Playwright), and writes `pages-<state>-<width>.png`: the top of the page, where a result or
the errors show, quantised to a palette so that each image stays small. Run it again after changing the pages.
"""

import argparse
import io
import logging
import threading
import warnings
from pathlib import Path
from urllib.parse import urlencode

from PIL import Image
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from openfisca_gen.pages.simulateur import valeurs_exemple
from openfisca_gen.web import creer_app

RACINE = Path(__file__).resolve().parents[1]
HAUTEURS = {390: 1500, 1280: 1100}  # the part of the page shown: enough for the answer and the form's start


def etats(exemple: dict) -> dict[str, str]:
    """Every state of both pages, as the link that shows it (the same as the browser tests)."""
    resultat = exemple | {"duree_formation_mois": "2", "metier_vise": "hors_numerique", "nombre_femmes": "1"}
    fautes = exemple | {"budget_session": "abc", "date_depot_dossier": "", "nombre_apprenants": "-5"}
    return {
        "simulateur-vide": "/simulateur",
        "simulateur-eligible": "/simulateur?" + urlencode(exemple | {"duree_formation_mois": "5"}),
        "simulateur-resultat": "/simulateur?" + urlencode(resultat),
        "simulateur-erreurs": "/simulateur?" + urlencode(fautes),
        "atelier-vide": "/reformes",
        "atelier-resultat": "/reformes?financement_amorcage.plafond=50000",
        "atelier-erreurs": "/reformes?financement_amorcage.taux=abc&period=01%2F1990",
    }


def enregistrer(png: bytes, chemin: Path) -> None:
    """A screenshot with at most 64 colours: text and charts stay sharp, the file small."""
    image = Image.open(io.BytesIO(png)).convert("RGB").quantize(colors=64)
    image.save(chemin, optimize=True)


def main(arguments=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dossier", default=str(RACINE / "docs" / "images"))
    dossier = Path(parser.parse_args(arguments).dossier)
    dossier.mkdir(parents=True, exist_ok=True)
    warnings.simplefilter("ignore")
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    app = creer_app()
    serveur = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=serveur.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{serveur.server_port}"
    liens = etats(valeurs_exemple(app.extensions["openfisca_gen.pages"]["tax_benefit_system"]))
    with sync_playwright() as playwright:
        # --lang: the browser's own words (a file field's button) in French too
        navigateur = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--lang=fr-FR"])
        for largeur, hauteur in HAUTEURS.items():
            page = navigateur.new_page(viewport={"width": largeur, "height": hauteur}, locale="fr-FR")
            for nom, lien in liens.items():
                page.goto(base + lien)
                chemin = dossier / f"pages-{nom}-{largeur}.png"
                enregistrer(page.screenshot(), chemin)
                print(f"{chemin}  {chemin.stat().st_size // 1024} Kio")
            page.close()
        navigateur.close()
    serveur.shutdown()


if __name__ == "__main__":
    main()
