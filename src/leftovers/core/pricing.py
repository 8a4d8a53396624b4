"""Estimated monthly cost of a leftover, from a dated price table and what its configuration item says.

The core only does arithmetic: an adapter loads the table (``data/prices.json``). Anything the table or the
item does not tell gives ``None`` -- the digest then shows "—" -- never a guessed figure.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

HOURS_PER_MONTH = 730.0
Estimator = Callable[["PriceTable", Mapping[str, Any]], float | None]


@dataclass(frozen=True, slots=True)
class PriceTable:
    """USD prices for one region: ``hourly[table][kind]`` per hour, ``gb_month[table][kind]`` per GB-month."""

    as_of: str
    source: str
    region: str = "us-east-1"
    hours_per_month: float = HOURS_PER_MONTH
    hourly: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    gb_month: Mapping[str, Mapping[str, float]] = field(default_factory=dict)

    def rate(self, table: str, kind: object) -> float | None:
        """The hourly price of ``kind`` in ``table``, or ``None`` when unlisted."""
        return self.hourly.get(table, {}).get(kind) if isinstance(kind, str) else None

    def storage(self, table: str, kind: object) -> float | None:
        """The GB-month price of ``kind`` in ``table``, or ``None`` when unlisted."""
        return self.gb_month.get(table, {}).get(kind) if isinstance(kind, str) else None

    def monthly_cost_usd(self, resource_type: str, details: Mapping[str, Any]) -> float | None:
        """The estimated monthly cost in USD, rounded to cents, or ``None`` when it cannot be known."""
        estimate = estimators().get(resource_type)
        value = None if estimate is None else estimate(self, details)
        return None if value is None else round(value, 2)


def _number(details: Mapping[str, Any], key: str, default: float | None = None) -> float | None:
    value = details.get(key, default)
    if isinstance(value, bool) or value is None:
        return default if value is None else None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number >= 0 else None


def flat(kind: str) -> Estimator:
    """A resource billed by the hour whatever its configuration (NAT gateway, public IPv4, EKS control plane)."""
    return lambda t, d: _hours(t, t.rate("flat", kind))


def nodes(table: str, type_key: str, count_key: str | None = None, suffix: tuple[str, str] = ("", "")) -> Estimator:
    """``count`` nodes of a listed type; a missing count means one (the services' own default)."""

    def estimate(t: PriceTable, d: Mapping[str, Any]) -> float | None:
        kind = d.get(type_key)
        if isinstance(kind, str) and suffix[0] and kind.endswith(suffix[0]):
            kind = kind[: -len(suffix[0])] + suffix[1]
        count = _number(d, count_key, 1.0) if count_key else 1.0
        hourly = t.rate(table, kind)
        return None if hourly is None or count is None else _hours(t, hourly * count)

    return estimate


def load_balancer(t: PriceTable, d: Mapping[str, Any]) -> float | None:
    """An application, network or gateway load balancer, by its ``type``."""
    return _hours(t, t.rate("load_balancer", d.get("type")))


def vpc_endpoint(t: PriceTable, d: Mapping[str, Any]) -> float | None:
    """An interface (or Gateway Load Balancer) endpoint, for one Availability Zone (a floor: each AZ bills);
    gateway endpoints are free."""
    kind = d.get("vpcEndpointType")
    if kind == "Gateway":
        return 0.0
    return _hours(t, t.rate("flat", "vpc_endpoint_az")) if kind in ("Interface", "GatewayLoadBalancer") else None


def opensearch_serverless(t: PriceTable, d: Mapping[str, Any]) -> float | None:
    """A collection's smallest capacity: half an OCU each for indexing and search, twice with standby replicas
    (a floor: the capacity is shared by an account's collections and grows with use)."""
    hourly = t.rate("flat", "opensearch_serverless_ocu")
    replicas = 2 if str(d.get("standbyReplicas", "ENABLED")).upper() == "ENABLED" else 1
    return _hours(t, None if hourly is None else hourly * replicas)


def ebs_volume(t: PriceTable, d: Mapping[str, Any]) -> float | None:
    """An EBS volume: its size times its volume type's GB-month price."""
    size, price = _number(d, "size"), t.storage("ebs", d.get("volumeType"))
    return None if size is None or price is None else size * price


def ebs_snapshot(t: PriceTable, d: Mapping[str, Any]) -> float | None:
    """An EBS snapshot, at most its reported size in standard snapshot storage."""
    # Snapshots bill the blocks they store; only a reported full size is a fair upper bound, never the volume's.
    size = _number(d, "size")
    if size is None and (raw := _number(d, "fullSnapshotSizeInBytes")) is not None:
        size = raw / 2**30
    price = t.storage("ebs_snapshot", "standard")
    return None if size is None or price is None else size * price


def rds(t: PriceTable, d: Mapping[str, Any]) -> float | None:
    """An RDS instance of an open-source engine: instance hours and storage, twice when Multi-AZ."""
    # Open-source engines only: licence-included and Aurora prices differ too much to share a table.
    table = RDS_ENGINE_TABLE.get(str(d.get("engine") or "mysql").lower())
    hourly = None if table is None else t.rate(table, d.get("dBInstanceClass"))
    if hourly is None:
        return None
    copies = 2 if str(d.get("multiAZ", "")).lower() == "true" else 1  # a standby is billed like the primary
    storage = _number(d, "allocatedStorage", 0.0) or 0.0
    gb_price = t.storage("rds", d.get("storageType") or "gp2") or 0.0
    return copies * (hourly * t.hours_per_month + storage * gb_price)


def _hours(t: PriceTable, hourly: float | None) -> float | None:
    return None if hourly is None else hourly * t.hours_per_month


# An item that does not name its engine is priced as MySQL, the cheapest open-source figure (a floor, not a guess).
RDS_ENGINE_TABLE = {"mysql": "rds_mysql", "mariadb": "rds_mysql", "postgres": "rds_postgres"}


@cache
def estimators() -> Mapping[str, Estimator]:
    """Resource type -> its estimator, as the resource registry declares them (``ResourceType.cost``)."""
    from leftovers.resources import all_types  # late: the registry's declarations refer to this module's estimators

    return {t.type: t.cost for t in all_types() if t.cost is not None}
