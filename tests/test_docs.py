"""The numbers the docs quote from a run are the code's: every quoted command output and counted number is what
the code gives now (scripts/actualiser_docs.py rewrites them; benchmarks are rewritten by `make bench`)."""

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "actualiser_docs.py"
_spec = importlib.util.spec_from_file_location("actualiser_docs", SCRIPT)
actualiser_docs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(actualiser_docs)


def test_the_docs_quote_what_the_code_gives(capsys):
    assert actualiser_docs.main(["--check"]) == 0, capsys.readouterr().out


def test_a_refusal_is_quoted_from_stderr_and_must_be_one():
    """`refus:` quotes what a refused command writes on stderr (a quoted refusal had gone stale unchecked)."""
    texte = "<!-- refus: openfisca-gen parameters x.y -->\n```\nold\n```\n<!-- fin -->\n"
    nouveau = actualiser_docs.actualiser(texte, bancs=False)
    assert "openfisca-gen parameters: " in nouveau and "x.y" in nouveau and "old" not in nouveau
    with pytest.raises(AssertionError, match="exited with 0"):
        actualiser_docs.actualiser(texte.replace("x.y", "financement_amorcage.taux"), bancs=False)


def test_a_stale_quote_is_found():
    texte = (
        "<!-- chiffre: variables -->1<!-- /chiffre -->\n"
        "<!-- sortie: openfisca-gen reforms | head -1 -->\n```\nx\n```\n<!-- fin -->\n"
    )
    nouveau = actualiser_docs.actualiser(texte, bancs=False)
    assert nouveau != texte and "<!-- chiffre: variables -->1<" not in nouveau
    assert actualiser_docs.actualiser(nouveau, bancs=False) == nouveau  # stable once rewritten


def test_every_message_key_is_in_the_table_of_validation_md():
    """docs/validation.md lists the message keys by concern: ten had been left out of it."""
    from openfisca_gen.validation.messages import MESSAGES

    table = (Path(__file__).resolve().parents[1] / "docs" / "validation.md").read_text(encoding="utf-8")
    assert [cle for cle in MESSAGES if f"`{cle}`" not in table] == []
