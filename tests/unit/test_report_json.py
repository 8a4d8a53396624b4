"""``report --format json`` through msgspec gives exactly the bytes the standard library's encoder gave."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leftovers.cli.report_formats import as_json

SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text()
ROWS = st.lists(
    st.dictionaries(st.text(), SCALARS | st.lists(st.text(), max_size=3) | st.just({}), max_size=6), max_size=5
)


def stdlib(rows: list[dict[str, Any]]) -> str:
    return json.dumps(rows, indent=2, ensure_ascii=False, allow_nan=False)


@given(ROWS)
def test_the_same_text_as_json_dumps_for_any_rows(rows: list[dict[str, Any]]) -> None:
    assert as_json(rows) == stdlib(rows)


@pytest.mark.parametrize(
    "value", [1e16, 1e-07, 0.1 + 0.2, 12.0, -0.0, 2**70, '日本\u2028\x1b"\\', "\ud800", [], {}, 5e-324]
)
def test_the_same_text_for_values_two_encoders_spell_differently(value: object) -> None:
    rows = [{"monthly_cost_usd": value, "sources": ["config"]}]
    assert as_json(rows) == stdlib(rows)


@pytest.mark.parametrize("value", [float("inf"), float("nan")])
def test_a_non_finite_number_is_still_refused(value: float) -> None:
    with pytest.raises(ValueError, match="JSON compliant"):
        as_json([{"monthly_cost_usd": value}])
