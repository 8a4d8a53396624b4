"""``leftovers notify --to email``: one SES message per recipient (moto), the digest's content, escaped HTML."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto.ses.models import ses_backends

from tests.support.cli import Run, run  # noqa: F401 (the run fixture)
from tests.support.moto_server import REGION, MotoServer, unique
from tests.support.synthetic import config_event, jsonl

NIGHT = "2026-11-21T00:00:00+09:00"
ACCOUNT = "123456789012"  # moto's default account


def sent_to(*addresses: str) -> list[Any]:
    """Messages moto's SES accepted for these recipients (the server is shared: others' mail is left out)."""
    wanted = set(addresses)
    messages = ses_backends[ACCOUNT][REGION].sent_messages
    return [m for m in messages if wanted & set(m.destinations.get("ToAddresses", []))]


@pytest.fixture
def mail(aws: MotoServer, tmp_path: Path) -> dict[str, str]:
    """A verified sender, fresh recipient addresses, and a config mapping one owner to an address."""
    sender = f"{unique('leftovers')}@example.com"
    boto3.client("ses").verify_email_identity(EmailAddress=sender)
    taro, fallback = f"{unique('taro')}@example.com", f"{unique('ops')}@example.com"
    config = tmp_path / "leftovers.toml"
    config.write_text(f'[email_addresses]\ntaro = "{taro}"\n')
    return {"LEFTOVERS_CONFIG": str(config), "LEFTOVERS_EMAIL_SENDER": sender, "LEFTOVERS_EMAIL_FALLBACK": fallback,
            "taro": taro, "hanako": f"{unique('hanako')}@example.com", "fallback": fallback}  # fmt: skip


def counts(run: Run, env: dict[str, str]) -> dict[str, int]:  # noqa: F811
    rows = json.loads(run("report", "--format", "json", "--all", env=env).stdout)
    return {r["resource_name"]: r["notify_count"] for r in rows}


def ingest(run: Run, mail: dict[str, str]) -> None:  # noqa: F811
    events = [config_event(1, Owner=mail["hanako"]), config_event(2, Owner="taro"), config_event(3)]
    item = events[2]["detail"]["configurationItem"]
    item["resourceName"] = item["tags"]["Name"] = "<b>x</b> & <script>"
    assert run("ingest", "-", input=jsonl(events), env=mail).exit_code == 0


def test_one_message_per_recipient_naming_their_leftovers(run: Run, mail: dict[str, str]) -> None:  # noqa: F811
    ingest(run, mail)
    result = run("notify", "--to", "email", "--at", NIGHT, env=mail)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "Sent 3 message(s) naming 3 leftover(s)."
    [hanako], [taro], [ops] = sent_to(mail["hanako"]), sent_to(mail["taro"]), sent_to(mail["fallback"])
    assert "synthetic-1" in hanako.body
    assert "synthetic-2" not in hanako.body
    assert "synthetic-2" in taro.body
    assert hanako.subject == "1 leftover still exists (2026-11-20 15:00 UTC)"
    assert hanako.source == mail["LEFTOVERS_EMAIL_SENDER"]
    # The Name tag is user text: escaped in the HTML, never markup.
    assert "&lt;b&gt;x&lt;/b&gt; &amp; &lt;script&gt;" in ops.body
    assert "<script>" not in ops.body
    assert counts(run, mail) == {"synthetic-1": 1, "synthetic-2": 1, "<b>x</b> & <script>": 1}


def test_a_refused_send_leaves_those_rows_due(run: Run, mail: dict[str, str]) -> None:  # noqa: F811
    ingest(run, mail)
    env = {**mail, "LEFTOVERS_EMAIL_SENDER": f"{unique('unverified')}@example.com"}
    result = run("notify", "--to", "email", "--at", NIGHT, env=env)
    assert result.exit_code == 1
    assert "Error: 3 leftover(s) not sent, still due: SES refused the message to" in result.stderr
    assert "MessageRejected" in result.stderr
    assert set(counts(run, mail).values()) == {0}
    assert "Traceback" not in result.output


def test_without_a_fallback_the_unaddressed_stay_due(run: Run, mail: dict[str, str]) -> None:  # noqa: F811
    ingest(run, mail)
    env = {k: v for k, v in mail.items() if k != "LEFTOVERS_EMAIL_FALLBACK"}
    result = run("notify", "--to", "email", "--at", NIGHT, env=env)
    assert result.exit_code == 1
    assert "1 leftover(s) have no e-mail address: map their owners in [email_addresses]" in result.stderr
    assert counts(run, mail) == {"synthetic-1": 1, "synthetic-2": 1, "<b>x</b> & <script>": 0}


def test_email_without_a_sender_is_one_line(run: Run, mail: dict[str, str]) -> None:  # noqa: F811
    env = {k: v for k, v in mail.items() if k != "LEFTOVERS_EMAIL_SENDER"}
    result = run("notify", "--to", "email", "--at", NIGHT, env=env)
    assert result.exit_code != 0
    assert "--to email: no sender: set LEFTOVERS_EMAIL_SENDER" in result.output
