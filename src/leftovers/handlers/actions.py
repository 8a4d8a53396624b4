"""The interactivity endpoint behind a Lambda function URL: Slack's signed POST in (payload format 2.0, the body
base64-encoded), one answer recorded in the table, the HTTP answer out within Slack's 3 seconds."""

from __future__ import annotations

import base64
import binascii
import os
from functools import cache
from typing import Any

from leftovers.adapters.notifiers.slack import answer_rules
from leftovers.adapters.notifiers.slack.endpoint import Endpoint, Response
from leftovers.adapters.secrets import SsmSecret
from leftovers.core.errors import SettingsError
from leftovers.handlers._wiring import current, logger


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """A function URL event in, a function URL response out."""
    method = ((event.get("requestContext") or {}).get("http") or {}).get("method", "POST")
    if method != "POST":
        return _http(Response(405, "Slack posts interactions: use POST"))
    try:
        text = event.get("body") or ""
        body = base64.b64decode(text, validate=True) if event.get("isBase64Encoded") else text.encode()
    except (binascii.Error, ValueError):
        return _http(Response(400, "body is not valid base64"))
    return _http(endpoint().handle(event.get("headers") or {}, body))


@cache
def endpoint() -> Endpoint:
    """The endpoint of this execution environment: store and policy from the shared wiring, the signing secret
    from its SSM SecureString (read on first use, cached, never logged)."""
    env = dict(os.environ)
    name = env.get(answer_rules.SIGNING_SECRET_PARAMETER)
    if not name:
        raise SettingsError(answer_rules.SIGNING_SECRET_PARAMETER, "not set: the actions function needs the secret")
    wiring, secret = current(), SsmSecret(name, check=answer_rules.secret_problem)
    logger.info("actions endpoint ready", extra={"signing_secret_parameter": name})
    return Endpoint(
        secret.value,
        wiring.store,
        wiring.settings.policy,
        answer_rules.rules(env),
        response_urls=answer_rules.response_urls(env),
    )


def _http(answer: Response) -> dict[str, Any]:
    return {"statusCode": answer.status, "headers": {"Content-Type": "text/plain; charset=utf-8"}, "body": answer.body}
