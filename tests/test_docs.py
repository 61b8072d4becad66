"""The numbers the docs quote from a run are the code's: every quoted command output and counted number is what
the code gives now (scripts/actualiser_docs.py rewrites them; benchmarks are rewritten by `make bench`)."""

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "actualiser_docs.py"
_spec = importlib.util.spec_from_file_location("actualiser_docs", SCRIPT)
actualiser_docs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(actualiser_docs)


def test_the_docs_quote_what_the_code_gives(capsys):
    assert actualiser_docs.main(["--check"]) == 0, capsys.readouterr().out


def test_a_stale_quote_is_found():
    texte = (
        "<!-- chiffre: variables -->1<!-- /chiffre -->\n"
        "<!-- sortie: openfisca-gen reforms | head -1 -->\n```\nx\n```\n<!-- fin -->\n"
    )
    nouveau = actualiser_docs.actualiser(texte, bancs=False)
    assert nouveau != texte and "<!-- chiffre: variables -->1<" not in nouveau
    assert actualiser_docs.actualiser(nouveau, bancs=False) == nouveau  # stable once rewritten
