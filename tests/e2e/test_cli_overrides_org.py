"""Per-account policy by OU, through the CLI's real path: accounts moved into nested OUs of the organization on the
moto server, AccountUnits reading them; and a refused Organizations stops the command with one line, storing
nothing (botocore's Stubber makes the refusal: moto answers any caller)."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import boto3
import pytest
from botocore.stub import Stubber

from leftovers.adapters.accounts import names as names_module
from leftovers.adapters.accounts.units import UnitsUnavailable
from leftovers.handlers import ingest  # here: its log setup mutes the root handlers present, caplog's too
from leftovers.handlers._wiring import current
from tests.e2e.test_cli_overrides import in_account, rows
from tests.support.cli import Run
from tests.support.moto_server import MotoServer, aws, lambda_env, moto_server
from tests.support.organization import create_account, organization_id, organizational_unit
from tests.support.synthetic import config_event, jsonl

__all__ = ["aws", "lambda_env", "moto_server"]

OU_CONFIG = """\
grace = "7d"

[[override]]
name = "sandboxes"
ous = ["{unit}"]
grace = "1d"
"""


def test_an_ou_override_applies_to_the_accounts_under_it_nested_ones_too(
    run: Run, aws: MotoServer, tmp_path: Path
) -> None:
    organization_id()
    sandboxes = organizational_unit("sandboxes")
    team = organizational_unit("team-a", parent=sandboxes)
    nested, direct, outside = (
        create_account("nested", team),
        create_account("direct", sandboxes),
        create_account("outside"),
    )
    config = tmp_path / "leftovers.toml"
    config.write_text(OU_CONFIG.format(unit=sandboxes), encoding="utf-8")
    events = [in_account(config_event(n), a, f"app-{a}") for n, a in enumerate((nested, direct, outside))]

    result = run("--config", str(config), "ingest", "-", input=jsonl(events))

    assert result.exit_code == 0, result.output
    assert set(rows(run, config, "--due")) == {f"app-{nested}", f"app-{direct}"}
    every = rows(run, config)
    assert every[f"app-{outside}"]["deadline"] == "2026-11-27T01:02:00Z"  # the base's 7 days


def test_a_refused_organizations_stops_the_command_with_one_line(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refusing = boto3.client("organizations", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="y")
    stub = Stubber(refusing)
    for _ in range(6):
        stub.add_client_error("list_roots", "AccessDeniedException", "not the management account", 400)
    stub.activate()
    monkeypatch.setattr(names_module, "boto3_organizations", lambda: refusing)
    config = tmp_path / "leftovers.toml"
    config.write_text(OU_CONFIG.format(unit="ou-ab12-aaaa1111"), encoding="utf-8")
    first = in_account(config_event(1), "111111111111", "app-before")
    assert run("ingest", "-", input=jsonl([first])).exit_code == 0  # no config: no OU to place, nothing asked
    later = in_account(config_event(2), "111111111111", "app-later")

    for args, given in ((("ingest", "-"), jsonl([later])), (("report",), None), (("notify", "--dry-run"), None)):
        result = run("--config", str(config), *args, input=given)
        assert result.exit_code == 1, result.output
        (line,) = result.output.splitlines()
        assert line.startswith("Error: organizational units: cannot read the organization's OUs (AccessDenied")
        assert "organizations:ListRoots, ListOrganizationalUnitsForParent, ListAccountsForParent" in line

    stored = json.loads(run("report", "--format", "json").stdout)
    assert [r["resource_name"] for r in stored] == ["app-before"]  # the refused ingest stored nothing


def test_the_ingest_function_places_accounts_in_ous_through_its_cold_start_wiring(
    lambda_env: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The deployed ingest function with a config naming an OU: its wiring gives the policy AccountUnits."""
    organization_id()
    sandboxes = organizational_unit("sandboxes")
    inside, outside = create_account("inside", sandboxes), create_account("outside")
    config = tmp_path / "leftovers.toml"
    config.write_text(OU_CONFIG.format(unit=sandboxes), encoding="utf-8")
    monkeypatch.setenv("LEFTOVERS_CONFIG", str(config))
    monkeypatch.delenv("LEFTOVERS_GRACE", raising=False)

    for n, account in enumerate((inside, outside)):
        ingest.record_handler(json.dumps(in_account(config_event(n), account, f"app-{n}")), f"m{n}")

    due = {r.key.account: r.next_due_at for r in current().store.scan()}
    created = datetime(2026, 11, 20, 1, tzinfo=UTC)
    assert due == {inside: created + timedelta(days=1), outside: created + timedelta(days=7, minutes=1)}


def test_a_refused_organizations_fails_the_ingest_function_and_sqs_keeps_the_event(
    lambda_env: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The function fails for real (SQS redelivers, then dead-letters): the event is never stored under the base
    policy, and its log names why in UnitsUnavailable's words."""
    refusing = boto3.client("organizations", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="y")
    stub = Stubber(refusing)
    stub.add_client_error("list_roots", "AccessDeniedException", "not the management account", 400)
    stub.activate()
    monkeypatch.setattr(names_module, "boto3_organizations", lambda: refusing)
    config = tmp_path / "leftovers.toml"
    config.write_text(OU_CONFIG.format(unit="ou-ab12-aaaa1111"), encoding="utf-8")
    monkeypatch.setenv("LEFTOVERS_CONFIG", str(config))
    body = json.dumps(in_account(config_event(1), "111111111111", "app"))
    caplog.set_level(logging.DEBUG, logger="leftovers")

    with pytest.raises(RuntimeError, match="All records failed processing"):
        ingest.handler({"Records": [{"messageId": "m1", "body": body}]}, None)

    assert list(current().store.scan()) == []
    (error,) = [r for r in caplog.records if r.name == "leftovers" and r.levelno == logging.ERROR]
    assert error.exc_info is not None
    assert isinstance(error.exc_info[1], UnitsUnavailable)
    assert "cannot read the organization's OUs (AccessDenied" in str(error.exc_info[1])
