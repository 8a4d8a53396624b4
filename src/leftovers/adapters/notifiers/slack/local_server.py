"""The interactivity endpoint over plain HTTP on this machine (``leftovers actions serve``), for trying the Slack
app through a tunnel (ngrok, cloudflared) before deploying: the same ``Endpoint`` the Lambda function runs."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

from leftovers.adapters.notifiers.slack.endpoint import Endpoint, Response
from leftovers.adapters.notifiers.slack.interactivity import MAX_BODY

LOOPBACK = "127.0.0.1"


def make_server(endpoint: Endpoint, port: int = 3000) -> HTTPServer:
    """A server on 127.0.0.1 (``port`` 0: any free one) answering POSTs with ``endpoint``, one at a time (a SQLite
    store is used from one thread)."""

    class Handler(BaseHTTPRequestHandler):
        server_version = "leftovers-actions"

        def do_POST(self) -> None:
            try:
                length = int(self.headers.get("Content-Length") or 0)
            except ValueError:
                length = -1
            if not 0 <= length <= MAX_BODY:
                self._send(Response(413 if length > MAX_BODY else 400, "Content-Length missing or too large"))
                return
            self._send(endpoint.handle(dict(self.headers.items()), self.rfile.read(length)))

        def do_GET(self) -> None:
            self._send(Response(405, "Slack posts interactions: use POST"))

        def _send(self, answer: Response) -> None:
            data = answer.body.encode()
            self.send_response(answer.status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # the endpoint logs each answer itself, without the request line

    return HTTPServer((LOOPBACK, port), Handler)
