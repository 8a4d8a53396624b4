"""The capacity pricing the DynamoDB benchmarks rely on (bench/_capacity.py), against DynamoDB's rules worked by
hand: a whole index entry at each write under ALL, a keys-only entry only when an item enters, leaves or moves."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_bench_smoke import load

_capacity = load("_capacity")
Capacity, index_write_units, item_size = _capacity.Capacity, _capacity.index_write_units, _capacity.item_size
ALL, KEYS_ONLY = None, frozenset()


def item(due: str | None, pad: int = 0, version: int = 1) -> dict[str, Any]:
    out: dict[str, Any] = {"pk": {"S": "k"}, "version": {"N": str(version)}, "name": {"S": "x" * pad}}
    if due:
        out |= {"due_shard": {"S": "due"}, "next_due_at": {"S": due}}
    return out


def test_item_size_counts_names_strings_and_numbers() -> None:
    assert item_size({"pk": {"S": "abc"}, "n": {"N": "12345"}}) == 2 + 3 + 1 + 3


@pytest.mark.parametrize(
    ("old", "new", "all_units", "keys_units"),
    [
        (None, item("2026-12-01"), 1, 1),  # enters the index
        (item("2026-12-01"), item("2026-12-01", version=2), 1, 0),  # a projected attribute changes, not a key
        (item("2026-12-01"), item("2026-12-08", version=2), 2, 2),  # moves: a delete and a put
        (item("2026-12-01"), item(None, version=2), 1, 1),  # leaves
        (item(None), item(None, version=2), 0, 0),  # never in it
        (item("2026-12-01"), item("2026-12-01", pad=2000, version=2), 2, 0),  # a 2 KB entry, keys unchanged
    ],
)
def test_index_write_units(old: Any, new: Any, all_units: int, keys_units: int) -> None:
    assert index_write_units(old, new, ALL) == all_units
    assert index_write_units(old, new, KEYS_ONLY) == keys_units


class Response:
    status_code = 200


class Model:
    def __init__(self, name: str) -> None:
        self.name = name


def test_a_transaction_costs_twice_on_the_table_and_reads_are_halved_when_eventually_consistent() -> None:
    capacity = Capacity()
    capacity.params(params={"Item": item("2026-12-01", pad=1500)})
    capacity(http_response=Response(), parsed={}, model=Model("PutItem"))
    assert (capacity.table_writes, capacity.index_writes["ALL"], capacity.index_writes["KEYS_ONLY"]) == (2, 2, 1)
    capacity.params(params={"TransactItems": [{"Put": {"Item": item("2026-12-08", pad=1500, version=2)}}]})
    capacity(http_response=Response(), parsed={}, model=Model("TransactWriteItems"))
    assert (capacity.table_writes, capacity.index_writes["ALL"], capacity.index_writes["KEYS_ONLY"]) == (6, 6, 3)
    rows = [item(None, pad=5000)] * 2
    capacity.params(params={"RequestItems": {"t": {"Keys": [], "ConsistentRead": False}}})
    capacity(http_response=Response(), parsed={"Responses": {"t": rows}}, model=Model("BatchGetItem"))
    assert capacity.read_units == 2 * 0.5 * 2  # two items of 2 blocks of 4 KB, at half
    capacity.params(params={"IndexName": "due_keys"})
    capacity(http_response=Response(), parsed={"Items": rows}, model=Model("Query"))
    assert capacity.read_units == 2 + 0.5 * 3  # 10 KB summed over the page: 3 blocks, at half
