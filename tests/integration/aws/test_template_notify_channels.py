"""The template's app-mode and e-mail settings: least privilege for the notify function, wired to its variables."""

from __future__ import annotations

from typing import Any

from tests.support.moto_server import load_template

TEMPLATE = load_template()


def notify_statements() -> dict[str, tuple[str, dict[str, Any]]]:
    """Sid -> (the condition it depends on, the statement), for the notify role's conditional statements."""
    policy = TEMPLATE["Resources"]["NotifyRole"]["Properties"]["Policies"][0]["PolicyDocument"]
    found = [s["Fn::If"] for s in policy["Statement"] if "Fn::If" in s]
    return {s[1]["Sid"]: (s[0], s[1]) for s in found}


def test_the_bot_token_parameter_alone_is_readable_and_only_when_set() -> None:
    condition, statement = notify_statements()["ReadTheBotTokenParameter"]
    assert condition == "HasBotToken"
    assert TEMPLATE["Conditions"]["HasBotToken"] == {
        "Fn::Not": [{"Fn::Equals": [{"Ref": "SlackBotTokenParameterName"}, ""]}]
    }
    assert statement["Action"] == "ssm:GetParameter"
    assert statement["Resource"]["Fn::Sub"].endswith(":parameter${SlackBotTokenParameterName}")


def test_ses_sends_only_from_the_configured_sender() -> None:
    condition, statement = notify_statements()["SendFromTheSenderOnly"]
    assert condition == "SendsEmail"
    assert statement["Action"] == "ses:SendEmail"
    assert statement["Condition"] == {"StringEquals": {"ses:FromAddress": {"Ref": "EmailSender"}}}


def test_the_notify_function_gets_every_setting_it_reads() -> None:
    variables = TEMPLATE["Resources"]["NotifyFunction"]["Properties"]["Environment"]["Variables"]
    assert {name: variables[name] for name in variables if name != "LEFTOVERS_SLACK_WEBHOOK_PARAMETER"} == {
        "LEFTOVERS_SLACK_BOT_TOKEN_PARAMETER": {"Ref": "SlackBotTokenParameterName"},
        "LEFTOVERS_SLACK_CHANNEL": {"Ref": "SlackChannel"},
        "LEFTOVERS_NOTIFY_TO": {"Ref": "NotifyVia"},
        "LEFTOVERS_EMAIL_SENDER": {"Ref": "EmailSender"},
        "LEFTOVERS_EMAIL_FALLBACK": {"Ref": "EmailFallback"},
        "LEFTOVERS_RUN_LEASE_TABLE": {"Ref": "RunLeaseTable"},
        "LEFTOVERS_ROUTE_WEBHOOK_PREFIX": {"Ref": "RouteWebhookParameterPrefix"},
    }
