"""The Hypothesis profile: CI explores four times as many examples as a local run, for every property test."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = "import tests.support.examples as e, hypothesis as h; print(h.settings.default.max_examples, e.examples(10))"


def probe(**env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in ("CI", "HYPOTHESIS_PROFILE")}
    return subprocess.run(
        [sys.executable, "-c", PROBE], env={**clean, **env}, capture_output=True, text=True, check=True
    ).stdout.split()


def test_ci_tries_four_times_the_local_examples() -> None:
    assert probe() == ["50", "10"]
    assert probe(CI="true") == ["200", "40"]
    assert probe(HYPOTHESIS_PROFILE="ci") == ["200", "40"]
