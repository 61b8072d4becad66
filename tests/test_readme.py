"""The Python examples of the README and of docs/ run, in order, as a reader would, and print what they say."""

import contextlib
import io
import re
from pathlib import Path

import pytest

RACINE = Path(__file__).resolve().parents[1]
PAGES = [RACINE / "README.md", *sorted((RACINE / "docs").glob("*.md"))]


def blocs(page: Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.DOTALL)


def test_the_readme_shows_python_examples():
    assert len(blocs(RACINE / "README.md")) >= 4


@pytest.mark.parametrize("page", [p for p in PAGES if blocs(p)], ids=lambda p: p.name)
def test_the_python_examples_run_and_print_what_they_say(page, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # an example writes a file
    espace = {}  # one namespace per page: a later example may use what an earlier one defined
    for bloc in blocs(page):
        sortie = io.StringIO()
        with contextlib.redirect_stdout(sortie):
            exec(compile(bloc, str(page), "exec"), espace)
        attendus = re.findall(r"print\(.*\)\s+# (.+)", bloc)
        assert sortie.getvalue().splitlines()[: len(attendus)] == attendus
