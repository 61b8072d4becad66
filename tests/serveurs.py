"""Start and stop a web server on a free loopback port, and send it requests: for the tests over real HTTP, the
load benchmark and the wheel check (not part of the package).

The server binds port 0 itself and the port it got is read from gunicorn's own log line ("Listening at:"), so
no other process can take the port between a probe and the server's bind.
"""

import json
import os
import re
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request
from email.utils import parsedate_to_datetime

ECOUTE = re.compile(r"Listening at: (http://[\d.]+:\d+)")
DATE_HTTP = re.compile(r"[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} 00:00:00 GMT")


def dates_iso(valeur):
    """A JSON answer of plain OpenFisca with each date it writes as Flask's HTTP date (Sat, 02 Feb 2019 00:00:00
    GMT) written as the extended server writes it, 2019-02-02: the one way their answers to a valid request differ."""
    if isinstance(valeur, dict):
        return {cle: dates_iso(v) for cle, v in valeur.items()}
    if isinstance(valeur, list):
        return [dates_iso(v) for v in valeur]
    if isinstance(valeur, str) and DATE_HTTP.fullmatch(valeur):
        return parsedate_to_datetime(valeur).date().isoformat()
    return valeur


def demarrer(commande: list[str], delai: float = 60):
    """Run `commande` (a gunicorn server bound to port 0); return (its process, its base URL) once it answers,
    or raise with what it printed."""
    processus = subprocess.Popen(
        commande,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    lu, fin, url = [], time.monotonic() + delai, None
    while url is None:
        ligne = processus.stderr.readline()
        if (not ligne and processus.poll() is not None) or time.monotonic() > fin:
            processus.kill()
            raise RuntimeError(f"server did not start: {''.join(lu)[-2000:]}")
        lu.append(ligne)
        trouve = ECOUTE.search(ligne)
        url = trouve and trouve.group(1)
    threading.Thread(target=lambda: [None for _ in processus.stderr], daemon=True).start()  # keep the pipe drained
    while time.monotonic() < fin:
        try:
            urllib.request.urlopen(f"{url}/entities", timeout=2)
            return processus, url
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    processus.kill()
    raise RuntimeError(f"server did not answer within {delai} s")


def arreter(processus) -> None:
    processus.send_signal(signal.SIGINT)  # gunicorn's quick shutdown: the tests' requests are all answered
    try:
        processus.wait(timeout=15)
    except subprocess.TimeoutExpired:
        processus.kill()


def requete(url: str, corps=None, timeout: float = 30, methode: str | None = None):
    """(status, decoded JSON answer) of a GET, or of a POST when `corps` is given (an object, or raw bytes)."""
    donnees = None if corps is None else (corps if isinstance(corps, bytes) else json.dumps(corps).encode())
    demande = urllib.request.Request(url, data=donnees, headers={"Content-Type": "application/json"}, method=methode)
    try:
        with urllib.request.urlopen(demande, timeout=timeout) as reponse:
            contenu = reponse.read()
            return reponse.status, json.loads(contenu) if contenu else None
    except urllib.error.HTTPError as erreur:
        contenu = erreur.read()
        return erreur.code, json.loads(contenu) if contenu else None
