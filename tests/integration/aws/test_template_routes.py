"""The template's part in routing: the notify function reads route webhooks under one prefix, and only there."""

from __future__ import annotations

import re

from leftovers.handlers._wiring import ROUTE_PREFIX
from tests.support.moto_server import load_template

TEMPLATE = load_template()


def test_the_notify_function_may_read_route_webhooks_under_the_prefix_only() -> None:
    policy = TEMPLATE["Resources"]["NotifyRole"]["Properties"]["Policies"][0]["PolicyDocument"]
    (statement,) = [s for s in policy["Statement"] if s.get("Sid") == "ReadTheRouteWebhookParameters"]
    assert statement["Action"] == "ssm:GetParameter"
    assert statement["Resource"]["Fn::Sub"].endswith(":parameter${RouteWebhookParameterPrefix}*")
    variables = TEMPLATE["Resources"]["NotifyFunction"]["Properties"]["Environment"]["Variables"]
    assert variables[ROUTE_PREFIX] == {"Ref": "RouteWebhookParameterPrefix"}


def test_the_prefix_ends_with_a_slash_so_its_wildcard_stays_inside_one_folder() -> None:
    parameter = TEMPLATE["Parameters"]["RouteWebhookParameterPrefix"]
    pattern = re.compile(parameter["AllowedPattern"])
    assert parameter["Default"] == "/leftovers/routes/"
    assert pattern.fullmatch(parameter["Default"])
    # Without the final slash, "/leftovers/routes*" would also grant "/leftovers/routes-of-someone-else".
    assert not pattern.fullmatch("/leftovers/routes")
    assert not pattern.fullmatch("/")
    assert not pattern.fullmatch("leftovers/routes/")
