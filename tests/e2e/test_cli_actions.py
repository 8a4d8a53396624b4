"""``leftovers actions serve`` as a real process answering real HTTP on 127.0.0.1: a signed click is recorded in the
SQLite store and the message updated at the response URL (the local sink); a forged one is refused."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from leftovers.adapters.stores.sqlite import SQLiteStore
from leftovers.cli import cli
from leftovers.core.model import Resource, ResourceKey
from leftovers.core.report import report_row
from tests.support.slack_interactions import SECRET, click, signed
from tests.support.slack_sink import SlackSink, slack_sink

__all__ = ["slack_sink"]
KEY = ResourceKey("123456789012", "ap-northeast-1", "AWS::S3::Bucket", "forgotten-bucket")


@pytest.fixture
def server(tmp_path: Path, slack_sink: SlackSink) -> Iterator[tuple[str, Path]]:
    """``leftovers actions serve --port 0`` on a store holding one resource; yields its URL and the store path."""
    db = tmp_path / "store.db"
    store = SQLiteStore(db)
    store.save([Resource(KEY, name="forgotten-bucket", created_at=datetime.now(UTC) - timedelta(days=3))])
    store.close()
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEFTOVERS_")}
    env.update(
        LEFTOVERS_DB=str(db), LEFTOVERS_SLACK_SIGNING_SECRET=SECRET, LEFTOVERS_SLACK_RESPONSE_URLS="http://127.0.0.1:"
    )
    command = [sys.executable, "-c", "from leftovers.cli import main; main()", "actions", "serve", "--port", "0"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("Answering Slack's buttons at http://127.0.0.1:"), line + process.stderr.read()
        yield line.split(" at ", 1)[1].split()[0], db
    finally:
        process.terminate()
        process.wait(timeout=10)
        assert process.stderr is not None
        assert SECRET not in process.stderr.read()


def post(url: str, headers: dict[str, str], body: bytes) -> int:
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as exc:
        return exc.code


def test_a_signed_click_over_http_is_recorded_and_the_message_updated(
    server: tuple[str, Path], slack_sink: SlackSink
) -> None:
    url, db = server
    payload = click(str(KEY), user="U0HANAKO", channel="D0HANAKO", response_url=slack_sink.url)
    payload["actions"][0]["action_ts"] = f"{time.time():.6f}"
    assert post(url, *signed(payload, at=int(time.time()))) == 200
    (update,) = slack_sink.requests
    assert update.json["replace_original"] is True
    assert "*forgotten-bucket* kept until" in update.json["blocks"][1]["text"]["text"]
    store = SQLiteStore(db)
    (action,) = report_row(store.load([KEY])[KEY])["actions"]
    store.close()
    assert (action["by"], action["action"]) == ("U0HANAKO", "keep")

    report = CliRunner().invoke(cli, ["--store", str(db), "report", "--format", "json"], catch_exceptions=False)
    (row,) = json.loads(report.stdout)
    assert [(a["by"], a["action"]) for a in row["actions"]] == [("U0HANAKO", "keep")]
    assert row["kept_until"] == row["actions"][0]["until"]
    assert row["deadline"] == row["actions"][0]["until"] + "T00:00:00Z"  # not sent before the day starts (UTC here)

    forged = signed(
        click(str(KEY), channel="D0HANAKO", response_url=slack_sink.url), secret="x" * 32, at=int(time.time())
    )
    assert post(url, *forged) == 401
    assert len(slack_sink.requests) == 1


def test_serve_without_the_signing_secret_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LEFTOVERS_SLACK_SIGNING_SECRET", raising=False)
    result = CliRunner().invoke(cli, ["actions", "serve", "--port", "0"])
    assert result.exit_code == 1
    assert result.output.strip() == (
        "Error: LEFTOVERS_SLACK_SIGNING_SECRET: not set: copy the signing secret from the app's settings"
    )
