"""The README's Python examples run, in order, as a reader would, and print what the README says."""

import contextlib
import io
import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCS = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.DOTALL)


def test_the_readme_python_examples_run_and_print_what_they_say(tmp_path, monkeypatch):
    assert len(BLOCS) >= 3
    monkeypatch.chdir(tmp_path)  # an example writes a file
    espace = {}  # one namespace: a later example may use what an earlier one defined
    for bloc in BLOCS:
        sortie = io.StringIO()
        with contextlib.redirect_stdout(sortie):
            exec(compile(bloc, str(README), "exec"), espace)
        attendus = re.findall(r"print\(.*\)\s+# (.+)", bloc)
        assert sortie.getvalue().splitlines()[: len(attendus)] == attendus
    assert (tmp_path / "resultats.csv").exists()
