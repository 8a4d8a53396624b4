"""Shared by every tier: the local Slack fakes, the CLI runner (``run``), and the Hypothesis profile (quick locally,
4x the examples in CI)."""

import tests.support.examples  # noqa: F401  (loads the profile before any test module is collected)

pytest_plugins = ["tests.support.slack_sink", "tests.support.slack_api", "tests.support.cli"]
