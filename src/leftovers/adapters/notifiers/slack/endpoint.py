"""The interactivity endpoint, whatever serves it (a Lambda function URL, ``leftovers actions serve``): a signed
request in, one answer recorded, the message updated through ``response_url``, an HTTP status out.

Everything happens within the request: one consistent read, one conditional write and one post with a short
timeout fit well inside the 3 seconds Slack waits. The signing secret is only ever passed to the verifier.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from http.client import HTTPException
from typing import Any

from slack_sdk.errors import SlackClientError

from leftovers.adapters.notifiers.slack.answer_reply import reply
from leftovers.adapters.notifiers.slack.interactivity import Rejected, parse, verify
from leftovers.core.answers import Rules
from leftovers.core.errors import LeftoversError
from leftovers.core.policy import Policy
from leftovers.core.ports import Store
from leftovers.service.answers import answer

log = logging.getLogger("leftovers.actions")
SLACK_RESPONSE_URLS = "https://hooks.slack.com/"
"""Where Slack's response URLs point; a payload naming another host is not answered there."""
POST_TIMEOUT = 2.0


@dataclass(frozen=True, slots=True)
class Response:
    """The HTTP answer: Slack needs a 200 within 3 seconds; any other status shows the clicker an error."""

    status: int
    body: str = ""


def post_json(url: str, body: dict[str, Any]) -> None:
    """POST ``body`` to a response URL once (no redirects followed), raising on a failure."""
    from leftovers.adapters.notifiers.slack.client import NoRedirectWebhookClient
    from leftovers.adapters.notifiers.slack.retry import Redactor

    # The response URL answers as the app for 30 minutes: slack_sdk's own log lines get it redacted.
    logger = Redactor(url).logger(f"{__name__}.sdk")
    sent = NoRedirectWebhookClient(url, timeout=int(POST_TIMEOUT), logger=logger).send_dict(body)
    if sent.status_code != 200:
        raise LeftoversError(f"response URL answered {sent.status_code}")


class Endpoint:
    """Answers Slack's block_actions requests for one store and policy."""

    def __init__(
        self,
        secret: Callable[[], str],
        store: Store,
        policy: Policy,
        rules: Rules,
        *,
        clock: Callable[[], float] = time.time,
        post: Callable[[str, dict[str, Any]], None] = post_json,
        response_urls: str = SLACK_RESPONSE_URLS,
    ) -> None:
        self._secret, self.store, self.policy, self.rules = secret, store, policy, rules
        self._clock, self._post, self._response_urls = clock, post, response_urls

    def handle(self, headers: Mapping[str, str], body: bytes) -> Response:
        """Verify, parse, answer, update the message; never raises for a bad request."""
        now = self._clock()
        try:
            verify(self._secret(), headers, body, now)
            click = parse(body)
        except Rejected as exc:
            log.warning("refused request: %s", exc)
            return Response(exc.status, str(exc))
        request = click.request
        try:
            outcome = answer(self.store, self.policy, self.rules, request, datetime.fromtimestamp(now, UTC))
        except LeftoversError as exc:  # the store is unreachable or gave up: Slack shows the clicker a failure
            log.error("answer not recorded for %s: %s", request.key, exc)
            return Response(503, "the answer could not be recorded; try again")
        result = outcome.refused or ("already recorded" if outcome.repeated else "recorded")
        log.info("%s on %s by %s: %s", request.what, request.key, request.user, result)
        body_out = reply(outcome, click.message, self.policy.language)
        if body_out is not None and click.response_url:
            self._update(click.response_url, body_out)
        return Response(200)

    def _update(self, url: str, body: dict[str, Any]) -> None:
        if not url.startswith(self._response_urls):
            log.warning("response_url is not Slack's: the message is not updated")
            return
        try:
            self._post(url, body)
        except (
            LeftoversError,
            OSError,
            HTTPException,
            SlackClientError,
        ) as exc:  # the answer stands; only the message stays as it was (never log the URL)
            log.warning("message not updated: %s", type(exc).__name__)
