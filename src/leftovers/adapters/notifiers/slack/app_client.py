"""slack_sdk's Web API client, made never to follow a redirect: urllib would resend the bot token to the new host."""

from __future__ import annotations

import urllib.request
from typing import Any
from urllib.request import HTTPRedirectHandler, HTTPSHandler, ProxyHandler, Request

from slack_sdk import WebClient
from slack_sdk.errors import SlackRequestError


class _NoRedirect(HTTPRedirectHandler):
    """urllib keeps the Authorization header when it follows a redirect; never follow one."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # urllib then raises HTTPError with the 3xx status: a refusal, token never resent


class NoRedirectWebClient(WebClient):
    """A WebClient whose requests never follow redirects (slack_sdk's own uses ``urlopen``, which does)."""

    def _perform_urllib_http_request_internal(self, url: str, req: Request) -> dict[str, Any]:
        # Mirrors slack_sdk 3.x's method (text bodies only: the notifier calls no file API).
        if not url.lower().startswith("http"):
            raise SlackRequestError("Invalid URL detected: only http(s) Slack API URLs are allowed")
        handlers: list[Any] = [HTTPSHandler(context=self.ssl), _NoRedirect()]
        if isinstance(self.proxy, str):
            handlers.append(ProxyHandler({"http": self.proxy, "https": self.proxy}))
        resp = urllib.request.build_opener(*handlers).open(req, timeout=self.timeout)
        charset = resp.headers.get_content_charset() or "utf-8"
        body: str = resp.read().decode(charset)
        return {"status": resp.code, "headers": resp.headers, "body": body}
