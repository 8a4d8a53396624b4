"""``leftovers ingest`` on bare CloudTrail records and ``leftovers replay`` on trail log files, through click's
runner on a real SQLite file."""

from __future__ import annotations

from tests.e2e.test_cli import fixture, report, run

__all__ = ["run"]  # the CLI runner fixture of test_cli, with its store in tmp_path


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
