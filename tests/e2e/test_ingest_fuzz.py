"""Fuzz: any mix of good events, the issue's bad-event classes and random bytes, through the real ingest path."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leftovers.cli import cli
from tests.support.bad_events import BAD, WARNED
from tests.support.examples import examples
from tests.support.synthetic import config_event

GOOD = [json.dumps(config_event(n)).encode() for n in range(1, 6)]
JUNK = st.binary(max_size=40).filter(lambda b: b"\n" not in b and b"\r" not in b and b.strip() != b"")
LINE = st.one_of(
    st.sampled_from([("good", n) for n in range(len(GOOD))]),
    st.sampled_from([("bad", name) for name in BAD]),
    st.sampled_from([("warned", name) for name in WARNED]),
    JUNK.map(lambda b: ("junk", b)),
)


@pytest.fixture(autouse=True)
def _no_machine_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in [v for v in os.environ if v.startswith("LEFTOVERS_")]:
        monkeypatch.delenv(var)


@settings(max_examples=examples(10), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(LINE, min_size=1, max_size=12))
def test_every_good_event_is_stored_and_every_bad_one_named(lines: list[tuple[str, object]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path, db = Path(tmp) / "events.jsonl", Path(tmp) / "store.db"
        raw = [_line(kind, what) for kind, what in lines]
        path.write_bytes(b"\n".join(raw) + b"\n")
        result = CliRunner().invoke(cli, ["--store", str(db), "ingest", str(path)], catch_exceptions=True)
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        assert "Traceback" not in result.output
        named = {line.split(": ", 1)[0] for line in result.stderr.splitlines()}
        for number, (kind, what) in enumerate(lines, start=1):
            if kind in ("bad", "warned"):
                assert f"{path}:{number}" in named, (kind, what, result.stderr)
        wanted = {f"i-{n + 1:017x}" for kind, n in lines if kind == "good"} | {
            f"i-{900:017x}" for kind, _ in lines if kind == "warned"
        }
        report = CliRunner().invoke(cli, ["--store", str(db), "report", "--format", "json", "--all"])
        if wanted:
            assert report.exit_code == 0, report.output
            assert wanted <= {row["resource_id"] for row in json.loads(report.stdout)}
        assert result.exit_code == (1 if any(kind in ("bad",) for kind, _ in lines) else result.exit_code)


def _line(kind: str, what: object) -> bytes:
    if kind == "good":
        return GOOD[what]  # type: ignore[index]
    if kind == "junk":
        return what  # type: ignore[return-value]
    return (BAD if kind == "bad" else WARNED)[what][0]  # type: ignore[index]
