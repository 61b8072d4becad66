"""The command line's own parts: argparse's help and refusals, the arguments' types, `--version`, and a standard
output that outlives the command reading it. Nothing here imports the law, pandas or the web stack (`--help`)."""

import argparse
import os


class Aide(argparse.HelpFormatter):
    """Help that states each option's default, where it has one."""

    def _get_help_string(self, action):
        aide = action.help or ""
        sans_defaut = action.default in (None, False, argparse.SUPPRESS)
        return aide if sans_defaut or "default:" in aide else aide + " (default: %(default)s)"


class Analyseur(argparse.ArgumentParser):
    """argparse, refusing a malformed argument in one line (exit status 2), as every other refusal is."""

    def error(self, message):
        self.exit(2, f"{self.prog}: {message[:1].upper()}{message[1:]}\n")


def adresse(texte: str) -> str:
    """An argument type: an IP address to listen on (a host name would be resolved, or not, by gunicorn later)."""
    import ipaddress

    try:
        adresse = ipaddress.ip_address(texte)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expects an IP address such as 127.0.0.1, got {texte!r}") from None
    return f"[{adresse}]" if adresse.version == 6 else str(adresse)  # as gunicorn binds 'host:port'


def adresse_publique(texte: str) -> str:
    """An argument type: an http(s) address, the base of the server's source links."""
    from urllib.parse import urlsplit

    parties = urlsplit(texte)
    if parties.scheme not in ("http", "https") or not parties.hostname or parties.query or parties.fragment:
        raise argparse.ArgumentTypeError(f"expects an http(s) address such as https://gen.example.org, got {texte!r}")
    return texte  # its trailing slash is the pages' to normalise (pages.enregistrer), as for a caller of creer_app


def entier(minimum: int, maximum: int | None = None):
    """An argument type: a whole number from `minimum` (to `maximum`)."""

    def lire(texte: str) -> int:
        valeur = int(texte) if texte.isascii() and texte.isdigit() else None  # not ' 80', '+80' nor other digits
        if valeur is None or valeur < minimum or (maximum is not None and valeur > maximum):
            bornes = f"from {minimum} to {maximum}" if maximum is not None else f"of {minimum} or more"
            raise argparse.ArgumentTypeError(f"expects a whole number {bornes}, got {texte!r}")
        return valeur

    return lire


class Version(argparse.Action):
    """`--version`: the installed distribution's version, looked up only when asked (importlib.metadata costs
    every command 40 ms)."""

    def __init__(self, option_strings, dest, **kwargs) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            numero = version("openfisca-gen")
        except PackageNotFoundError:  # run from a source tree that is not installed
            numero = "unknown (not installed)"
        print(f"openfisca-gen {numero}")
        parser.exit()


class Sortie:
    """The standard output, or error, that goes on to nothing once the command reading it stops (`| head`,
    `2>&1 | true`): the files of `--out` are still written after it (they were not, the exit code 0, an older
    report left in the folder), and a refusal still exits 2 (120 when Python's exit found the pipe broken)."""

    def __init__(self, flux) -> None:
        self.flux = flux

    def _essayer(self, action, *arguments):
        try:
            return action(*arguments)
        except BrokenPipeError:
            os.dup2(os.open(os.devnull, os.O_WRONLY), self.flux.fileno())  # as the Python docs advise
            return None

    def write(self, texte: str):
        return self._essayer(self.flux.write, texte)

    def flush(self) -> None:
        self._essayer(self.flux.flush)

    def __getattr__(self, nom: str):
        return getattr(self.flux, nom)
