"""Issue 11.16: the README's first screen says how long ``make test`` takes and offers the fast subset."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIRST_SCREEN = "\n".join((ROOT / "README.md").read_text().splitlines()[:24])


def test_the_first_screen_times_make_test_and_offers_make_unit() -> None:
    test_line = next(line for line in FIRST_SCREEN.splitlines() if line.startswith("make test"))
    assert re.search(r"~\s*\d+\s*min", test_line), test_line
    assert re.search(r"`make unit`[^.]*\d+\s*s\b", FIRST_SCREEN)


def test_make_unit_is_a_target_that_runs_the_unit_tests() -> None:
    makefile = (ROOT / "Makefile").read_text()
    recipe = makefile.split("\nunit:", 1)[1].split("\n\n", 1)[0]
    assert "pytest" in recipe
    assert "tests/unit" in recipe
