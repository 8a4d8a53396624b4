"""The running-cost model (bench/_running_cost.py, bench-only) against figures worked out by hand for a small
deployment."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tests.unit.test_bench_smoke import BENCH, load

_model = load("_running_cost")
LineItem, Price, Workload = _model.LineItem, _model.Price, _model.Workload
forgotten_elastic_ip, monthly_bill, prices_from = _model.forgotten_elastic_ip, _model.monthly_bill, _model.prices_from

# The shipped us-east-1 prices, written out so a price refresh cannot silently change the hand-worked figures.
PRICES = {
    "dynamodb_write_request_units": Price(0.625, 1_000_000, "WRU"),
    "dynamodb_read_request_units": Price(0.125, 1_000_000, "RRU"),
    "dynamodb_storage_gb_month": Price(0.25, 1, "GB-month", 25),
    "dynamodb_pitr_gb_month": Price(0.20, 1, "GB-month"),
    "lambda_requests": Price(0.20, 1_000_000, "requests", 1_000_000),
    "lambda_arm_gb_seconds": Price(0.0000133334, 1, "GB-seconds", 400_000),
    "sqs_requests": Price(0.40, 1_000_000, "requests", 1_000_000),
    "stepfunctions_state_transitions": Price(0.025, 1000, "transitions", 4000),
    "scheduler_invocations": Price(1.00, 1_000_000, "invocations", 14_000_000),
    "eventbridge_aws_service_events": Price(0.0, 1_000_000, "events"),
    "config_items_recorded": Price(0.003, 1, "items"),
    "cloudtrail_management_events": Price(0.0, 100_000, "events"),
    "cloudwatch_logs_ingestion_gb": Price(0.50, 1, "GB", 5),
    "cloudwatch_alarms": Price(0.10, 1, "alarm-months", 10),
    "public_ipv4_hours": Price(0.005, 1, "hours"),
}

# 100 events a day for 30 days = 3,000 events in 1,500 batches of 2; 1,000 tracked, 10 due a day; 1,500-byte items
# (2 write units, 1 read unit); one idle poller over 720 hours.
SMALL = Workload(
    events_per_day=100, tracked=1000, due_fraction=0.01, source="config", item_bytes=1500, sqs_batch=2,
    memory_mb=(512, 256, 128), duration_ms=(200, 1000, 400), reconcile_memory_mb=128, reconcile_ms=1000,
    init_ms=500, cold_starts_per_day=2,
    transitions_per_run=5, idle_pollers=1, log_bytes_per_invocation=1024, alarms=2, days_per_month=30,
)  # fmt: skip

# Quantity per line, worked out by hand.
SMALL_QUANTITIES = {
    "config_items_recorded": 3000,
    "eventbridge_aws_service_events": 3000,
    "sqs_requests": 3000 + 1500 + 1500 + 720 * 3600 / 20,  # sends, receives, deletes, one 20 s poll at a time
    "lambda_requests": 1500 + 30 + 30 + 30,  # ingest, reconcile, notify, mark
    # GB-s: 1500 x 0.2 s x 0.5 GB + 30 x 1 s x 0.25 GB + 30 x 0.4 s x 0.125 GB + 60 cold starts x 0.5 s x 0.5 GB
    # + reconcile 30 x 1 s x 0.125 GB
    "lambda_arm_gb_seconds": 150 + 7.5 + 1.5 + 15 + 3.75,
    # ingest: 3000 x (2 table + 2 index); marking 30 runs x 10 due x (2 x 2 transactional + 2 x 2 index move)
    "dynamodb_write_request_units": 12_000 + 2_400,
    # ingest loads 3000, 30 queries of ceil(15,000 / 4,096) = 4 blocks x 0.5; marking writes the rows notify read
    "dynamodb_read_request_units": 3000 + 60,
    "dynamodb_storage_gb_month": 2 * 1000 * 1600 / 1024**3,
    "dynamodb_pitr_gb_month": 1000 * 1600 / 1024**3,
    "stepfunctions_state_transitions": 150,
    "scheduler_invocations": 30,
    "cloudwatch_logs_ingestion_gb": 1590 * 1024 / 1024**3,
    "cloudwatch_alarms": 2,
}

# USD per line without free tier, worked out by hand from the quantities above.
SMALL_COSTS = {
    "config_items_recorded": 9.0,
    "eventbridge_aws_service_events": 0.0,
    "sqs_requests": 0.05424,
    "lambda_requests": 0.000318,
    "lambda_arm_gb_seconds": 177.75 * 0.0000133334,
    "dynamodb_write_request_units": 0.009,
    "dynamodb_read_request_units": 0.0003825,
    "dynamodb_storage_gb_month": 0.000745058,
    "dynamodb_pitr_gb_month": 0.000298023,
    "stepfunctions_state_transitions": 0.00375,
    "scheduler_invocations": 0.00003,
    "cloudwatch_logs_ingestion_gb": 0.000758171,
    "cloudwatch_alarms": 0.20,
}


def small_bill() -> dict[str, LineItem]:
    return {li.key: li for li in monthly_bill(SMALL, PRICES, hours_per_month=720).lines}


def test_every_line_quantity_matches_the_hand_count() -> None:
    lines = small_bill()
    assert set(lines) == set(SMALL_QUANTITIES)
    for key, expected in SMALL_QUANTITIES.items():
        assert lines[key].quantity == pytest.approx(expected, rel=1e-12), key


def test_every_line_cost_matches_the_hand_figure() -> None:
    lines = small_bill()
    for key, expected in SMALL_COSTS.items():
        assert lines[key].cost() == pytest.approx(expected, rel=1e-6, abs=1e-12), key


def test_totals_with_and_without_free_tier() -> None:
    bill = monthly_bill(SMALL, PRICES, hours_per_month=720)
    assert bill.total() == pytest.approx(9.271891762, rel=1e-8)
    assert bill.total(include_source=False) == pytest.approx(0.271891762, rel=1e-8)
    # Free tiers cover everything but DynamoDB requests and point-in-time recovery (no free allowance).
    assert bill.total(free_tier=True, include_source=False) == pytest.approx(0.009 + 0.0003825 + 0.000298023, rel=1e-6)
    assert bill.total(free_tier=True) == pytest.approx(9.009680523, rel=1e-8)


def test_free_tier_takes_off_only_the_allowance() -> None:
    line = LineItem("sqs_requests", "SQS", 1_500_000, PRICES["sqs_requests"], "")
    assert (line.cost(), line.cost(free_tier=True)) == (pytest.approx(0.60), pytest.approx(0.20))


def test_nothing_due_means_no_mark_step_and_one_empty_query_a_day() -> None:
    lines = {li.key: li for li in monthly_bill(Workload(due_fraction=0, days_per_month=30), PRICES).lines}
    assert lines["lambda_requests"].quantity == pytest.approx(2000 * 30 + 30 + 30)  # reconcile and notify run daily
    assert lines["dynamodb_read_request_units"].quantity == pytest.approx(2000 * 30 + 30 * 0.5)
    assert lines["dynamodb_write_request_units"].quantity == pytest.approx(2000 * 30 * 2)


def test_one_due_record_is_marked_without_a_transaction() -> None:
    one = Workload(tracked=100, due_fraction=0.01, events_per_day=0, item_bytes=100, days_per_month=1)
    lines = {li.key: li for li in monthly_bill(one, PRICES).lines}
    assert lines["dynamodb_write_request_units"].quantity == 1 + 2  # a plain put, then out of and back into the index


def test_cloudtrail_source_costs_nothing_itself() -> None:
    bill = monthly_bill(Workload(source="cloudtrail"), PRICES)
    source = [li for li in bill.lines if li.source_cost]
    assert [li.key for li in source] == ["cloudtrail_management_events"]
    assert bill.total() == bill.total(include_source=False)


def test_a_forgotten_elastic_ip_costs_3_65_a_month() -> None:
    assert forgotten_elastic_ip(PRICES) == pytest.approx(3.65)


BAD_WORKLOADS = [
    {"source": "s3"},
    {"events_per_day": -1},
    {"sqs_batch": 0.5},
    {"item_bytes": 0},
    {"due_fraction": -0.1},
    {"due_fraction": 2},
]


@pytest.mark.parametrize("bad", BAD_WORKLOADS)
def test_impossible_workloads_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError, match=r"source|>=|<="):
        Workload(**bad)  # type: ignore[arg-type]


def test_the_shipped_price_file_is_dated_sourced_and_complete() -> None:
    data = json.loads(Path(BENCH / "aws_prices.json").read_text())
    assert data["region"] == "us-east-1"
    assert date.fromisoformat(data["checked"]) <= date.today()
    assert data["hours_per_month"] == 730
    assert all(p["source"].startswith("https://") for p in data["prices"].values())
    shipped = prices_from(data)
    assert set(shipped) == set(PRICES)
    assert {k: (p.usd, p.per, p.free) for k, p in shipped.items()} == {
        k: (p.usd, p.per, p.free) for k, p in PRICES.items()
    }


def test_a_keys_only_due_index_writes_less_and_reads_the_due_rows_by_key() -> None:
    """Issue 16: the index entry is the keys (200 bytes here, 1 write unit), written by half the events (an item
    entering, leaving or moving in the index); the daily run then reads each due row by key, eventually consistent."""
    keys_only = replace(SMALL, index_entry_bytes=200, index_writes_per_event=0.5, due_rows_by_key=True)
    lines = {li.key: li for li in monthly_bill(keys_only, PRICES, hours_per_month=720).lines}
    # ingest 3000 x (2 table + 0.5 x 1 index); marking 30 runs x 10 due x (2 x 2 transactional + 2 x 1 index move)
    assert lines["dynamodb_write_request_units"].quantity == pytest.approx(7_500 + 1_800)
    # ingest loads 3000; each run: one query block of keys (0.5) + 10 rows of 1,500 bytes at 0.5
    assert lines["dynamodb_read_request_units"].quantity == pytest.approx(3000 + 30 * (0.5 + 5))
    assert lines["dynamodb_storage_gb_month"].quantity == pytest.approx((1000 * 1600 + 1000 * 300) / 1024**3)
    assert lines["dynamodb_pitr_gb_month"].quantity == pytest.approx(1000 * 1600 / 1024**3)  # the table's only
