"""slack_sdk's webhook client, made to treat a redirect as the failure it is for a webhook."""

from __future__ import annotations

import urllib.request
from typing import Any
from urllib.request import HTTPRedirectHandler, HTTPSHandler, ProxyHandler, Request

from slack_sdk.webhook import WebhookClient, WebhookResponse


class _NoRedirect(HTTPRedirectHandler):
    """urllib follows a 302 as a body-less GET whose 200 would count as delivered; never follow one."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # urllib then raises HTTPError with the 3xx status, which the notifier reports as a refusal


class NoRedirectWebhookClient(WebhookClient):
    """A WebhookClient whose requests never follow redirects (slack_sdk's own uses ``urlopen``, which does)."""

    def _perform_http_request_internal(self, url: str, req: Request) -> WebhookResponse:
        # Mirrors slack_sdk 3.x's method, with an opener that refuses redirects instead of urlopen's default one.
        handlers: list[Any] = [HTTPSHandler(context=self.ssl), _NoRedirect()]
        if isinstance(self.proxy, str):
            handlers.append(ProxyHandler({"http": self.proxy, "https": self.proxy}))
        http_resp = urllib.request.build_opener(*handlers).open(req, timeout=self.timeout)
        charset: str = http_resp.headers.get_content_charset() or "utf-8"
        body: str = http_resp.read().decode(charset)
        return WebhookResponse(url=url, status_code=http_resp.status, body=body, headers=http_resp.headers)
