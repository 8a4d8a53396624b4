"""``leftovers ingest`` on bare CloudTrail records and ``leftovers replay`` on trail log files, through click's
runner on a real SQLite file."""

from __future__ import annotations

import gzip
import io
from datetime import date
from pathlib import Path

import pytest

from tests.e2e.test_cli import fixture, report
from tests.support.events import EVENTS
from tests.support.trail_logs import digest_key, log_bytes, log_key, record, write


def test_ingest_takes_bare_cloudtrail_records(run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "ingest",
        fixture("trail_record_create_volume"),
        fixture("trail_record_empty_error_code"),
        fixture("trail_record_no_recipient_account"),
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "3 tracked, 0 resolved, 0 updated, 0 unchanged, 0 ignored, 0 rejected"
    rows = {r["resource_id"]: r for r in report(run)}
    assert set(rows) == {"vol-0123456789abcdef0", "acme-ml-empty-error-code", "vol-0a0000000000000a4"}
    assert rows["vol-0123456789abcdef0"]["created_by"] == "arn:aws:iam::123456789012:user/alice"


DAY = date(2026, 9, 14)


def trail_tree(root: Path) -> Path:
    """Two accounts' trails (one an organization trail's), gzip and plain, a digest file and a day out of range."""
    write(root, log_key("111122223333", "us-east-1", DAY), (EVENTS / "trail_log_file.json").read_bytes())
    other = record("trail_record_create_volume", recipientAccountId="444455556666", awsRegion="eu-west-1")
    other["responseElements"]["volumeId"] = "vol-0eu0000000000000b"
    write(root, log_key("444455556666", "eu-west-1", DAY, org="o-a1b2c3d4e5"), log_bytes([other]))
    later = record("trail_record_create_volume", recipientAccountId="111122223333")
    later["responseElements"]["volumeId"] = "vol-0later00000000000"
    write(root, log_key("111122223333", "us-east-1", date(2026, 10, 2)), log_bytes([later]))
    write(root, digest_key("111122223333", "us-east-1", DAY), b"\x1f\x8b not a log file")
    return root


def test_replay_a_folder_of_several_accounts_and_regions(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = trail_tree(tmp_path / "trail")
    result = run("replay", str(root))
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines() == [
        "5 tracked, 0 resolved, 0 updated, 3 unchanged, 2 ignored, 2 rejected",  # deletions of unknowns, a CreateTags
        "11 record(s) in 3 log file(s).",
    ]
    first = root / log_key("111122223333", "us-east-1", DAY)
    assert result.stderr.splitlines() == [
        f"{first}[5]: rejected: responseElements.instancesSet: missing: RunInstances needs it to name the resource",
        f"{first}[6]: rejected: not a JSON object",
    ]
    rows = {r["resource_id"]: r for r in report(run)}
    assert set(rows) == {
        "vol-0123456789abcdef0",
        "acme-ml-empty-error-code",
        "vol-0a0000000000000a4",
        "vol-0eu0000000000000b",
        "vol-0later00000000000",
    }
    assert rows["vol-0a0000000000000a4"]["account"] == "111122223333"  # the folder's account, not the caller's
    assert (rows["vol-0eu0000000000000b"]["account"], rows["vol-0eu0000000000000b"]["region"]) == (
        "444455556666",
        "eu-west-1",
    )


def test_replay_chooses_days_accounts_and_regions(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = trail_tree(tmp_path / "trail")
    result = run("replay", str(root), "--until", "2026-09-30", "--accounts", "444455556666,555566667777")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1] == "1 record(s) in 1 log file(s)."
    result = run("replay", str(root), "--since", "2026-10-01", "--regions", "us-east-1")
    assert result.stdout.splitlines()[1] == "1 record(s) in 1 log file(s)."
    assert {r["resource_id"] for r in report(run)} == {"vol-0eu0000000000000b", "vol-0later00000000000"}


def test_replaying_the_same_files_twice_changes_nothing(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = trail_tree(tmp_path / "trail")
    run("replay", str(root))
    before = report(run)
    again = run("replay", str(root))
    assert again.stdout.splitlines()[0].startswith("0 tracked, 0 resolved, 0 updated")
    assert report(run) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["/nonexistent/trail"], "/nonexistent/trail: no such file or folder"),
        (["--accounts", "1234", "."], "--accounts: '1234' is not a 12-digit account id"),
        (["--regions", "mars", "."], "--regions: 'mars' is not a region name such as us-east-1"),
        (["--since", "2026-10-02", "--until", "2026-10-01", "."], "--since: 2026-10-02 is after --until 2026-10-01"),
    ],
)
def test_bad_arguments_are_one_line(run, args: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    result = run("replay", *args)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: {message}"


def test_replay_takes_config_history_files_and_get_resource_config_history_output(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    config = "AWSLogs/123456789012/Config/ap-northeast-1/2025/3/15/ConfigHistory"
    name = "123456789012_Config_ap-northeast-1_ConfigHistory_AWS::EC2::Volume_20250315T093011Z_20250315T093011Z_1"
    write(tmp_path, f"{config}/{name}.json.gz", gzip.compress((EVENTS / "history_config_file.json").read_bytes()))
    snapshot = "AWSLogs/123456789012/Config/ap-northeast-1/2025/3/15/ConfigSnapshot/snapshot.json.gz"
    write(tmp_path, snapshot, gzip.compress(b'{"fileVersion": "1.0", "configurationItems": "not read"}'))
    result = run("replay", str(tmp_path / "AWSLogs"), fixture("history_get_resource_config_history"))
    assert result.stdout.splitlines() == [
        "2 tracked, 1 resolved, 1 updated, 2 unchanged, 0 ignored, 1 rejected",  # the API repeats the file
        "7 record(s) in 2 log file(s).",
    ]
    assert result.stderr.strip().endswith(f"{name}.json.gz[4]: rejected: configurationItem.resourceType: missing")
    assert result.exit_code == 1


def test_ingest_points_a_whole_log_file_to_replay(run) -> None:  # type: ignore[no-untyped-def]
    result = run("ingest", fixture("trail_log_file"), fixture("history_config_file"))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{fixture('trail_log_file')}: rejected: Records: a CloudTrail log file: take it in with 'leftovers replay'",
        f"{fixture('history_config_file')}: rejected: configurationItems: AWS Config history: "
        "take it in with 'leftovers replay'",
    ]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_sees_how_far_the_replay_got(tmp_path: Path) -> None:
    from leftovers.adapters.sources.trail_files.layout import Selection
    from leftovers.adapters.sources.trail_files.local import local_files
    from leftovers.adapters.sources.trail_files.reader import Tally
    from leftovers.cli.replay import progress

    root = trail_tree(tmp_path / "trail")
    screen, tally = Terminal(), Tally()
    assert len(list(progress(local_files(str(root), Selection()), tally, screen, every=0))) == 3
    assert screen.getvalue().count("\rreplay: 0 file(s), 0 record(s), at ") == 3
    quiet = io.StringIO()
    assert len(list(progress(local_files(str(root), Selection()), tally, quiet, every=0))) == 3
    assert quiet.getvalue() == ""
