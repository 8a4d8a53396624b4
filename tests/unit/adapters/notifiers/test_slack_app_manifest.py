"""The app manifest asks for exactly the scopes app mode uses, and turns interactivity on for the buttons."""

from __future__ import annotations

import inspect
from pathlib import Path

import yaml

from leftovers.adapters.notifiers.slack import app

MANIFEST = Path(__file__).resolve().parents[4] / "slack-app-manifest.yaml"
# Slack's documented scope for each Web API method the notifier calls (docs.slack.dev/reference/methods).
SCOPES = {"chat_postMessage": {"chat:write"}, "users_lookupByEmail": {"users:read", "users:read.email"}}


def test_the_manifest_asks_for_the_scopes_of_the_methods_called_and_no_more() -> None:
    manifest = yaml.safe_load(MANIFEST.read_text())
    source = inspect.getsource(app)
    called = {method for method in SCOPES if f".{method}(" in source}
    assert called == set(SCOPES)  # every method the notifier calls has its scope listed here
    assert set(manifest["oauth_config"]["scopes"]["bot"]) == set().union(*SCOPES.values())


def test_buttons_need_interactivity_and_dms_the_messages_tab() -> None:
    manifest = yaml.safe_load(MANIFEST.read_text())
    assert manifest["settings"]["interactivity"]["is_enabled"] is True
    assert manifest["settings"]["interactivity"]["request_url"].startswith("https://")
    assert manifest["features"]["app_home"]["messages_tab_enabled"] is True
