"""A local stand-in for Slack's Web API: records chat.postMessage, chat.update, users.lookupByEmail and
conversations.open calls and answers as Slack does (``{"ok": true, ...}``, ``ok: false`` errors, 429 Retry-After).

slack_sdk's ``WebClient(base_url=api.url)`` points at it. PYTEST_DONT_REWRITE.
"""

from __future__ import annotations

import itertools
import json
import threading
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

from tests.support.slack_sink import PROXY_VARIABLES, LocalServer

TOKEN = "xoxb-1111111111-2222222222-FAKEapiTOKENvalue0123"


@dataclass(frozen=True)
class Call:
    """One API call: the method, its arguments (JSON body, form body or query string), headers, HTTP status."""

    method: str
    args: dict[str, Any]
    headers: dict[str, str]
    status: int
    ok: bool


@dataclass(frozen=True)
class Scripted:
    """A forced answer to the next call of one method."""

    status: int = 200
    body: Mapping[str, Any] = field(default_factory=dict)
    headers: Mapping[str, str] = field(default_factory=dict)


class SlackApi(LocalServer):
    """An HTTP server on 127.0.0.1 answering like slack.com/api for the methods Leftovers calls."""

    def __init__(self, token: str = TOKEN) -> None:
        self.token = token
        self.channels = {"C0LEFTOVERS"}
        self.users: dict[str, dict[str, Any]] = {}  # e-mail -> Slack user object
        self._lock = threading.Lock()
        self._calls: list[Call] = []
        self._script: dict[str, deque[Scripted | None]] = {}  # None: answer as usual
        self._ts = itertools.count(1)
        super().__init__(_handler(self), "slack-api")

    @property
    def url(self) -> str:
        """The base URL a WebClient takes (``.../api/``)."""
        return f"http://127.0.0.1:{self.port}/api/"

    def add_user(self, email: str, user_id: str, **extra: Any) -> None:
        """A workspace member whose profile e-mail is ``email``."""
        self.users[email.lower()] = {"id": user_id, "profile": {"email": email}, "deleted": False, **extra}

    def script(self, method: str, status: int = 200, body: Mapping[str, Any] | None = None, *,
               headers: Mapping[str, str] | None = None, times: int = 1, after: int = 0) -> None:  # fmt: skip
        """Answer ``times`` calls of ``method`` like this instead of the usual answer, once ``after`` more calls
        were answered as usual."""
        with self._lock:
            queue = self._script.setdefault(method, deque())
            queue.extend([None] * after + [Scripted(status, body or {}, headers or {})] * times)

    def calls(self, method: str | None = None) -> list[Call]:
        """Every call received (of ``method``), in arrival order."""
        with self._lock:
            return [c for c in self._calls if method is None or c.method == method]

    def posts(self) -> list[dict[str, Any]]:
        """The chat.postMessage arguments Slack accepted: what people see."""
        return [c.args for c in self.calls("chat.postMessage") if c.ok]

    def answer(self, method: str, args: dict[str, Any], headers: dict[str, str]) -> Scripted:
        """The reply to one call; records it."""
        with self._lock:
            queue = self._script.get(method)
            reply = (queue.popleft() if queue else None) or self._usual(method, args, headers)
            ok = reply.status == 200 and bool(reply.body.get("ok"))
            self._calls.append(Call(method, args, headers, reply.status, ok))
        return reply

    def _usual(self, method: str, args: dict[str, Any], headers: dict[str, str]) -> Scripted:
        if headers.get("Authorization") != f"Bearer {self.token}":
            return Scripted(body={"ok": False, "error": "invalid_auth"})
        if method in ("chat.postMessage", "chat.update"):
            channel = str(args.get("channel", ""))
            ids = {u["id"] for u in self.users.values() if not u.get("deleted")}
            if channel not in self.channels and channel not in ids:
                return Scripted(body={"ok": False, "error": "channel_not_found"})
            ts = args.get("ts") or f"1700000000.{next(self._ts):06d}"
            return Scripted(body={"ok": True, "channel": channel, "ts": ts, "message": {"text": args.get("text")}})
        if method == "users.lookupByEmail":
            user = self.users.get(str(args.get("email", "")).lower())
            return Scripted(body={"ok": True, "user": user} if user else {"ok": False, "error": "users_not_found"})
        if method == "conversations.open":
            return Scripted(body={"ok": True, "channel": {"id": "D" + str(args.get("users", "X"))[1:]}})
        return Scripted(body={"ok": False, "error": "unknown_method"})


def _handler(api: SlackApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self._reply(b"")

        def do_POST(self) -> None:
            self._reply(self.rfile.read(int(self.headers.get("Content-Length") or 0)))

        def _reply(self, body: bytes) -> None:
            parts = urlsplit(self.path)
            args: dict[str, Any] = dict(parse_qsl(parts.query))
            if body and "json" in (self.headers.get("Content-Type") or ""):
                args.update(json.loads(body))
            elif body:
                args.update(parse_qsl(body.decode()))
            reply = api.answer(parts.path.removeprefix("/api/"), args, dict(self.headers.items()))
            data = json.dumps(reply.body or {"ok": False, "error": "ratelimited"}).encode()
            self.send_response(reply.status)
            for name, value in {"Content-Type": "application/json; charset=utf-8", **reply.headers}.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


@pytest.fixture
def slack_api(monkeypatch: pytest.MonkeyPatch) -> Iterator[SlackApi]:
    """A running SlackApi; proxy variables cleared (slack_sdk would send even 127.0.0.1 through them)."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    with SlackApi() as api:
        yield api
