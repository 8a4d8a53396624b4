"""Fixtures shared by every tier: the local Slack sink."""

pytest_plugins = ["tests.support.slack_sink", "tests.support.slack_api"]
