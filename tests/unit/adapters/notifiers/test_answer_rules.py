"""The endpoint's settings: admins and Keep forever from variables; a bad value names its variable in one line."""

from __future__ import annotations

import pytest

from leftovers.adapters.notifiers.slack.answer_rules import SLACK_RESPONSE_URLS, response_urls, rules
from leftovers.core.answers import Rules
from leftovers.core.errors import SettingsError


def test_defaults_allow_keep_forever_and_no_admins() -> None:
    assert rules({}) == Rules(keep_forever=True, admins=frozenset())
    assert response_urls({}) == SLACK_RESPONSE_URLS == "https://hooks.slack.com/"


def test_admins_and_keep_forever_are_read() -> None:
    got = rules({"LEFTOVERS_SLACK_ADMINS": "U0AAA, W0BBB  U0CCC", "LEFTOVERS_KEEP_FOREVER": "False"})
    assert got == Rules(keep_forever=False, admins=frozenset({"U0AAA", "W0BBB", "U0CCC"}))


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"LEFTOVERS_SLACK_ADMINS": "alice"}, "^LEFTOVERS_SLACK_ADMINS: 'alice' is not a Slack user id"),
        ({"LEFTOVERS_KEEP_FOREVER": "maybe"}, "^LEFTOVERS_KEEP_FOREVER: 'maybe' is not true or false$"),
    ],
)
def test_a_bad_value_names_its_variable(env: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        rules(env)


def test_the_endpoint_answers_exactly_the_action_ids_the_buttons_carry() -> None:
    from leftovers.adapters.notifiers.slack import actions
    from leftovers.adapters.notifiers.slack.interactivity import WHAT
    from leftovers.service.answers import BUILDERS

    assert set(WHAT) == set(actions.ACTION_IDS)
    assert set(WHAT.values()) == set(BUILDERS)
