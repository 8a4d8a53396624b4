"""A trailing newline must not slip through a pattern anchored with ``$`` (which matches before a final newline)."""

from __future__ import annotations

from leftovers.adapters.notifiers.addresses import is_email
from leftovers.adapters.notifiers.email.render import html_line
from leftovers.adapters.notifiers.slack.text import segment
from leftovers.core.rich_text import Link, Owner


def test_a_url_ending_in_a_newline_is_no_slack_link() -> None:
    assert segment(Link("https://example.com/\n", "x")) == "x"


def test_a_user_id_ending_in_a_newline_is_no_mention() -> None:
    assert segment(Owner("taro", (("slack", "U0TARO1234\n"),))) == "taro"


def test_an_address_ending_in_a_newline_is_no_address() -> None:
    assert is_email("taro@example.com")
    assert not is_email("taro@example.com\n")


def test_a_url_ending_in_a_newline_is_no_email_link() -> None:
    assert "<a " not in html_line(((Link("https://example.com/\n", "x"),),))


def test_a_webhook_url_pasted_with_a_final_newline_is_refused() -> None:
    from leftovers.adapters.notifiers.slack.url import url_problem

    assert url_problem("https://hooks.slack.com/services/T0/B0/x\n") is not None
