"""Start and stop a web server on a free loopback port: for the tests over real HTTP and the load benchmark."""

import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request


def port_libre() -> int:
    with socket.socket() as sonde:
        sonde.bind(("127.0.0.1", 0))
        return sonde.getsockname()[1]


def demarrer(commande: list[str], port: int, delai: float = 60):
    """Run `commande` (a server on `port`); return its process once it answers, or raise with its stderr."""
    processus = subprocess.Popen(
        commande, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "PYTHONUNBUFFERED": "1"}
    )
    fin = time.monotonic() + delai
    while time.monotonic() < fin:
        if processus.poll() is not None:
            raise RuntimeError(f"server exited: {processus.stderr.read().decode()[-2000:]}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/entities", timeout=2)
            return processus
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    processus.kill()
    raise RuntimeError(f"server did not answer within {delai} s")


def arreter(processus) -> None:
    processus.terminate()
    try:
        processus.wait(timeout=15)
    except subprocess.TimeoutExpired:
        processus.kill()


def requete(url: str, corps=None, timeout: float = 30):
    """(status, decoded JSON answer) of a GET, or of a POST when `corps` is given (an object, or raw bytes)."""
    donnees = None if corps is None else (corps if isinstance(corps, bytes) else json.dumps(corps).encode())
    demande = urllib.request.Request(url, data=donnees, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(demande, timeout=timeout) as reponse:
            return reponse.status, json.loads(reponse.read())
    except urllib.error.HTTPError as erreur:
        contenu = erreur.read()
        return erreur.code, json.loads(contenu) if contenu else None
