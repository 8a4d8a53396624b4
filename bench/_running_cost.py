"""The monthly AWS bill of running Leftovers itself: pure arithmetic over a workload and dated on-demand prices.

One line per billing dimension, as AWS bills it, so a free tier applies once to its whole dimension. The request
counts follow what the code does: the ingest handler loads (one consistent read) and conditionally puts (one
write) each event's record, and the record's entry in the sparse due index costs ``index_writes_per_event`` more
writes of ``index_entry_bytes`` (a whole copy of the item under the older projection ALL, at every write; keys only
now, written only when an item enters, leaves or moves in the index); the daily run queries the index once
(eventually consistent; the reconcile step reads it and hands the rows on), then, when the index holds keys only,
reads the due rows by key (eventually consistent too), and marks each due record, without reading it again, in
transactions (twice the write units) that move it in the index (a delete and a put there). The reconcile step's
describe calls are free; its Lambda time is not.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from math import ceil
from typing import Any

GB = 1024**3
ITEM_OVERHEAD_BYTES = 100  # DynamoDB adds 100 bytes per item (and per index entry) to the billed storage
LONG_POLL_SECONDS = 20  # Lambda's SQS pollers wait 20 s per empty ReceiveMessage
SOURCES = ("config", "cloudtrail")


@dataclass(frozen=True, slots=True)
class Price:
    """``usd`` per ``per`` units, the first ``free`` units of each month free."""

    usd: float
    per: float
    unit: str
    free: float = 0.0


@dataclass(frozen=True, slots=True)
class Workload:
    """What the deployment does in a day, and the few measured or configured figures the bill depends on."""

    events_per_day: float = 2000.0
    tracked: int = 5000
    due_fraction: float = 0.01
    source: str = "config"
    item_bytes: int = 1024
    sqs_batch: float = 1.0  # mean messages per ingest invocation; 1 (every event alone) is the dearest case
    index_entry_bytes: int | None = None  # the due index's entry; None: the whole item (projection ALL)
    index_writes_per_event: float = 1.0  # index entries written per event (ALL: at every write, as assumed here)
    due_rows_by_key: bool = False  # the index gives keys only: the daily run reads the due rows by key
    memory_mb: tuple[int, int, int] = (256, 256, 256)  # ingest, notify, mark
    duration_ms: tuple[float, float, float] = (100.0, 3000.0, 500.0)  # per invocation: ingest, notify, mark
    reconcile_memory_mb: int = 256
    reconcile_ms: float = 2000.0  # the daily check of what is due: a few batched describe calls
    init_ms: float = 800.0
    cold_starts_per_day: float = 30.0
    transitions_per_run: int = 5
    idle_pollers: int = 5
    log_bytes_per_invocation: int = 1500
    alarms: int = 3
    days_per_month: float = 730 / 24

    def __post_init__(self) -> None:
        if self.source not in SOURCES:
            raise ValueError(f"source must be one of {SOURCES}")
        if min(self.events_per_day, self.tracked, self.due_fraction, self.item_bytes - 1, self.sqs_batch - 1) < 0:
            raise ValueError("counts must be >= 0, item_bytes and sqs_batch >= 1")
        if self.due_fraction > 1:
            raise ValueError("due_fraction must be <= 1 (a share of the tracked resources)")


@dataclass(frozen=True, slots=True)
class LineItem:
    """One billing dimension: how much of it a month, what it costs, and what makes up the quantity."""

    key: str
    service: str
    quantity: float
    price: Price
    detail: str
    source_cost: bool = False  # the event source's own bill (Config recording), not Leftovers'

    def cost(self, free_tier: bool = False) -> float:
        """USD a month, after the always-free allowance when ``free_tier``."""
        billed = max(0.0, self.quantity - self.price.free) if free_tier else self.quantity
        return billed / self.price.per * self.price.usd


@dataclass(frozen=True, slots=True)
class Bill:
    """The line items and their totals."""

    lines: tuple[LineItem, ...]

    def total(self, free_tier: bool = False, include_source: bool = True) -> float:
        """USD a month; ``include_source=False`` leaves out what the event source itself costs."""
        return sum(li.cost(free_tier) for li in self.lines if include_source or not li.source_cost)


def prices_from(data: Mapping[str, Any]) -> dict[str, Price]:
    """The ``prices`` table of ``aws_prices.json`` (already parsed) as Price values."""
    return {
        key: Price(float(p["usd"]), float(p["per"]), str(p["unit"]), float(p.get("free_per_month", 0)))
        for key, p in data["prices"].items()
    }


def monthly_bill(w: Workload, prices: Mapping[str, Price], hours_per_month: float = 730.0) -> Bill:
    """Every line of the month's bill for workload ``w``."""
    days = w.days_per_month
    events = w.events_per_day * days
    invocations = events / w.sqs_batch
    runs = days
    due = w.tracked * w.due_fraction
    mark_runs = runs if due > 0 else 0.0
    wru, rru = ceil(w.item_bytes / 1024), ceil(w.item_bytes / 4096)
    entry = w.item_bytes if w.index_entry_bytes is None else w.index_entry_bytes
    index_wru = ceil(entry / 1024)
    idle = w.idle_pollers * hours_per_month * 3600 / LONG_POLL_SECONDS
    (m_in, m_no, m_ma), (d_in, d_no, d_ma) = w.memory_mb, w.duration_ms
    gb_s = {
        "ingest": invocations * d_in * m_in,
        "notify": runs * d_no * m_no,
        "mark": mark_runs * d_ma * m_ma,
        "reconcile": runs * w.reconcile_ms * w.reconcile_memory_mb,
        "init": w.cold_starts_per_day * days * w.init_ms * m_in,
    }
    gb_s = {k: v / 1000 / 1024 for k, v in gb_s.items()}
    mark_wru = due * (2 * wru if due > 1 else wru) + due * 2 * index_wru
    query_rru = max(1, ceil(due * entry / 4096)) * 0.5 + (due * rru * 0.5 if w.due_rows_by_key else 0.0)
    table_bytes = w.tracked * (w.item_bytes + ITEM_OVERHEAD_BYTES)
    index_bytes = w.tracked * (entry + ITEM_OVERHEAD_BYTES)
    ingest_wru = events * (wru + w.index_writes_per_event * index_wru)
    logs_gb = (invocations + 2 * runs + mark_runs) * w.log_bytes_per_invocation / GB

    def line(key: str, service: str, quantity: float, detail: str, source_cost: bool = False) -> LineItem:
        return LineItem(key, service, quantity, prices[key], detail, source_cost)

    source = (
        line("config_items_recorded", "AWS Config", events, "one item recorded per change event", True)
        if w.source == "config"
        else line("cloudtrail_management_events", "CloudTrail", events, "first trail's copy of API calls", True)
    )
    return Bill((
        source,
        line("eventbridge_aws_service_events", "EventBridge", events, "AWS service events matched on the default bus"),
        line("sqs_requests", "SQS", events + 2 * invocations + idle,
             f"{events:,.0f} sends + {invocations:,.0f} receives and as many deletes + {idle:,.0f} idle polls"),
        line("lambda_requests", "Lambda", invocations + 2 * runs + mark_runs,
             f"{invocations:,.0f} ingest + {runs:,.0f} reconcile + {runs:,.0f} notify + {mark_runs:,.0f} mark"),
        line("lambda_arm_gb_seconds", "Lambda", sum(gb_s.values()),
             " + ".join(f"{v:,.0f} {k}" for k, v in gb_s.items())),
        line("dynamodb_write_request_units", "DynamoDB", ingest_wru + mark_runs * mark_wru,
             f"{ingest_wru:,.0f} ingest (table + index) + {mark_runs * mark_wru:,.0f} marking"),
        line("dynamodb_read_request_units", "DynamoDB", events * rru + runs * query_rru,
             f"{events * rru:,.0f} ingest loads + {runs * query_rru:,.1f} due-index queries"
             f"{' and due rows' if w.due_rows_by_key else ''} (marking reads nothing)"),
        line("dynamodb_storage_gb_month", "DynamoDB", (table_bytes + index_bytes) / GB, "table + sparse due index"),
        line("dynamodb_pitr_gb_month", "DynamoDB", table_bytes / GB, "point-in-time recovery of the table"),
        line("stepfunctions_state_transitions", "Step Functions", runs * w.transitions_per_run,
             f"{runs:,.1f} daily runs x {w.transitions_per_run} states"),
        line("scheduler_invocations", "EventBridge Scheduler", runs, "one schedule, daily"),
        line("cloudwatch_logs_ingestion_gb", "CloudWatch Logs", logs_gb,
             f"{w.log_bytes_per_invocation} bytes per invocation"),
        line("cloudwatch_alarms", "CloudWatch", float(w.alarms), "failed-run, reconcile and dead-letter alarms"),
    ))  # fmt: skip


def forgotten_elastic_ip(prices: Mapping[str, Price], hours_per_month: float = 730.0) -> float:
    """USD a month of one idle public IPv4 address: the yardstick a user compares the bill to."""
    ipv4 = prices["public_ipv4_hours"]
    return hours_per_month / ipv4.per * ipv4.usd
