"""The price table file: the bundled one loads, a refreshed one can replace it, a broken one is refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leftovers.adapters.price_file import bundled_prices, load_prices, price_table
from leftovers.core.errors import SettingsError


def test_every_bundled_price_is_a_positive_number() -> None:
    prices = bundled_prices()
    assert all(p > 0 for table in (*prices.hourly.values(), *prices.gb_month.values()) for p in table.values())


def test_a_refreshed_table_replaces_the_bundled_one(tmp_path: Path) -> None:
    path = tmp_path / "prices.json"
    path.write_text(json.dumps({"as_of": "2027-01", "source": "me", "hourly": {"flat": {"nat_gateway": 0.05}}}))
    assert load_prices(path).monthly_cost_usd("AWS::EC2::NatGateway", {}) == 36.5


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ({"source": "x"}, "as_of"),
        ({"as_of": "x", "source": "x", "hourly": {"ec2": {"t3.micro": "cheap"}}}, "hourly.ec2.t3.micro: not a price"),
        ({"as_of": "x", "source": "x", "hourly": {"ec2": {"t3.micro": -1}}}, "not a price"),
        ({"as_of": "x", "source": "x", "gb_month": []}, "gb_month: must be an object"),
    ],
)
def test_a_broken_table_is_refused(doc: object, message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        price_table(doc, "prices.json")


def test_an_unreadable_table_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="cannot read the price table"):
        load_prices(tmp_path / "nope.json")
