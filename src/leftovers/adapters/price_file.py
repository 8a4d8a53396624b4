"""The bundled price table (``data/prices.json``), read once, lazily, into the core's PriceTable."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from leftovers.core.errors import SettingsError
from leftovers.core.pricing import HOURS_PER_MONTH, PriceTable
from leftovers.data_files import data_text


@cache
def bundled_prices() -> PriceTable:
    """The price table shipped with the package."""
    text = data_text("prices.json")
    return price_table(json.loads(text), "data/prices.json")


def load_prices(path: Path | str) -> PriceTable:
    """A price table in the bundled file's shape (to refresh figures without a release)."""
    try:
        return price_table(json.loads(Path(path).read_text(encoding="utf-8")), str(path))
    except (OSError, ValueError) as exc:
        raise SettingsError(str(path), f"cannot read the price table ({exc})") from None


def price_table(doc: Any, source: str) -> PriceTable:
    """Check the JSON's shape (every price a non-negative number) and build the table."""
    if not isinstance(doc, dict) or not isinstance(doc.get("as_of"), str) or not isinstance(doc.get("source"), str):
        raise SettingsError(source, "a price table needs 'as_of' and 'source' texts")
    return PriceTable(
        as_of=doc["as_of"],
        source=doc["source"],
        region=str(doc.get("region", "us-east-1")),
        hours_per_month=float(doc.get("hours_per_month", HOURS_PER_MONTH)),
        hourly=_tables(doc.get("hourly", {}), f"{source}: hourly"),
        gb_month=_tables(doc.get("gb_month", {}), f"{source}: gb_month"),
    )


def _tables(raw: Any, where: str) -> dict[str, dict[str, float]]:
    if not isinstance(raw, dict):
        raise SettingsError(where, "must be an object of tables")
    out: dict[str, dict[str, float]] = {}
    for name, table in raw.items():
        if not isinstance(table, dict):
            raise SettingsError(f"{where}.{name}", "must be an object of prices")
        for kind, price in table.items():
            if isinstance(price, bool) or not isinstance(price, int | float) or price < 0:
                raise SettingsError(f"{where}.{name}.{kind}", f"not a price: {price!r}")
        out[name] = {kind: float(price) for kind, price in table.items()}
    return out
