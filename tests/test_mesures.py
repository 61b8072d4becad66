"""The benchmarks' verdicts (benchmarks/mesures.py): a target is met only where a ratio shows it. Benchmarks are
not tests and are never run by `make test`; what decides "met" or "missed" is."""

import importlib.util
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location(
    "mesures", Path(__file__).resolve().parents[1] / "benchmarks" / "mesures.py"
)
mesures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(mesures)
Ligne = mesures.Ligne


@pytest.mark.parametrize(
    ("mesure", "reference", "cibles", "tenue"),
    [
        (1.4, 1.0, {"ratio_max": 1.5}, True),
        (1.6, 1.0, {"ratio_max": 1.5}, False),
        (6.0, 1.0, {"ratio_min": 5}, True),
        (4.0, 1.0, {"ratio_min": 5}, False),
        (18.9, -3.41, {"ratio_max": 1.5}, False),  # a cost per value below zero: the noise, not a reading
        (-1.0, 2.0, {"ratio_max": 1.5}, False),
        (1.0, 0.0, {"ratio_max": 1.5}, False),
        (1.0, None, {"ratio_max": 1.5}, False),
        (0.3, None, {"max_absolu": 0.35}, True),
        (0.4, None, {"max_absolu": 0.35}, False),
        (1.0, 2.0, {}, None),
    ],
)
def test_a_target_is_met_only_where_a_ratio_shows_it(mesure, reference, cibles, tenue):
    assert Ligne("x", mesure, reference, **cibles).tenue() is tenue


def test_a_line_without_a_reading_prints_no_ratio_and_counts_as_missed(capsys):
    manques = mesures.imprimer([Ligne("bruit", 18.9, -3.41, "µs", ratio_max=1.5), Ligne("ok", 1.0, 1.0, ratio_max=2)])
    sortie = capsys.readouterr().out.splitlines()
    assert manques == 1
    assert sortie[1].split()[-4:] == ["-", "≤", "1.5×", "missed"]
    assert sortie[2].split()[-4:] == ["1.00×", "≤", "2×", "met"]
