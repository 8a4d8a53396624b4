"""A local stand-in for a Slack incoming webhook: records every request and answers from a script.

Loaded as a pytest plugin for its ``slack_sink`` fixture, and imported by tests for its types (hence no assertion
rewriting: PYTEST_DONT_REWRITE).
"""

from __future__ import annotations

import json
import secrets
import socket
import threading
import time
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self

import pytest

# What Slack puts in the body for each status (api.slack.com changelog 2016-05-17, incoming webhook errors).
SLACK_BODIES = {
    200: "ok",
    400: "invalid_payload",
    403: "action_prohibited",
    404: "channel_not_found",
    410: "channel_is_archived",
    429: "rate_limited",
    500: "rollup_error",
}
PROXY_VARIABLES = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy")


@dataclass(frozen=True)
class Reply:
    """One scripted answer: status, body, headers, and how long to wait before answering."""

    status: int = 200
    body: str | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    delay: float = 0.0

    @property
    def text(self) -> str:
        """The body sent: the one given, else what Slack sends for this status."""
        return self.body if self.body is not None else SLACK_BODIES.get(self.status, "error")


@dataclass(frozen=True)
class Recorded:
    """One request the sink received, and the status it answered."""

    path: str
    headers: dict[str, str]
    body: bytes
    json: Any
    status: int
    at: float
    method: str = "POST"


class LocalServer:
    """An HTTP server on 127.0.0.1 (random port), served from a daemon thread for the length of a ``with``."""

    def __init__(self, handler: type[BaseHTTPRequestHandler], name: str) -> None:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        # A short poll interval so shutdown() at the end of each test returns at once.
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), name=name, daemon=True)

    @property
    def port(self) -> int:
        """The port the OS picked."""
        return int(self._server.server_address[1])

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


class SlackSink(LocalServer):
    """An HTTP server on 127.0.0.1 (random port) that behaves like a Slack incoming webhook."""

    def __init__(self) -> None:
        self.path = f"/services/T0SINK0000/B0SINK0000/{secrets.token_hex(12)}"
        self._lock = threading.Lock()
        self._script: deque[Reply] = deque()
        self._requests: list[Recorded] = []
        super().__init__(_handler(self), "slack-sink")

    @property
    def url(self) -> str:
        """The webhook URL (its path is the secret part, as in Slack's)."""
        return f"http://127.0.0.1:{self.port}{self.path}"

    def script(
        self,
        status: int,
        *,
        body: str | None = None,
        headers: Mapping[str, str] | None = None,
        delay: float = 0.0,
        times: int = 1,
    ) -> None:
        """Answer the next ``times`` requests like this; once the script runs out, answer 200 ``ok``."""
        with self._lock:
            self._script.extend([Reply(status, body, dict(headers or {}), delay)] * times)

    @property
    def requests(self) -> list[Recorded]:
        """Every request received so far, in arrival order."""
        with self._lock:
            return list(self._requests)

    @property
    def accepted(self) -> list[Recorded]:
        """The requests answered with 2xx: what a channel would show."""
        return [r for r in self.requests if 200 <= r.status < 300]

    def _answer(self, path: str, headers: dict[str, str], body: bytes, method: str = "POST") -> Reply:
        with self._lock:
            if path != self.path:  # Slack's answer to a URL that names no webhook
                reply = Reply(404, "no_service")
            else:
                reply = self._script.popleft() if self._script else Reply()
            try:
                parsed = json.loads(body)
            except ValueError:
                parsed = None
            self._requests.append(Recorded(path, headers, body, parsed, reply.status, time.monotonic(), method))
        return reply


def _handler(sink: SlackSink) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self._reply("POST")

        def do_GET(self) -> None:
            # Slack's webhooks take only POST; a client that follows a redirect comes back with a body-less GET,
            # and the sink answers it like any request so a test can see that it was (wrongly) counted.
            self._reply("GET")

        def _reply(self, method: str) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            reply = sink._answer(self.path, dict(self.headers.items()), body, method)
            time.sleep(reply.delay)
            data = reply.text.encode()
            try:
                self.send_response(reply.status)
                for name, value in {"Content-Type": "text/plain", **reply.headers}.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting (a timeout test): nobody is left to answer

        def log_message(self, format: str, *args: Any) -> None:
            pass  # the default writes every request (with its secret path) to stderr

    return Handler


def closed_port_url() -> str:
    """A webhook URL on 127.0.0.1 where nothing listens: connections are refused."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/services/T0CLOSED00/B0CLOSED00/{secrets.token_hex(12)}"


@pytest.fixture
def slack_sink(monkeypatch: pytest.MonkeyPatch) -> Iterator[SlackSink]:
    """A running SlackSink; proxy variables are cleared because slack_sdk would send even 127.0.0.1 through them."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    with SlackSink() as sink:
        yield sink
