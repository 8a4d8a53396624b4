"""``values_or_empty`` walks paths without building locations: it must reach exactly what ``locate`` reaches."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from leftovers.adapters.sources.cloudtrail.paths import PathMissing, locate, values_or_empty
from tests.support.examples import examples

KEYS = st.sampled_from(["a", "b", "items", "id"])
LEAVES = st.one_of(st.none(), st.just(""), st.text(max_size=3), st.integers(), st.just([]), st.just({}))
TREES = st.recursive(LEAVES, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=3))
STEPS = st.tuples(KEYS, st.booleans()).map(lambda s: s[0] + ("[]" if s[1] else ""))
PATHS = st.lists(st.lists(STEPS, min_size=1, max_size=4).map(".".join), min_size=1, max_size=3).map("|".join)


def located(record: dict[str, Any], path: str) -> list[Any]:
    try:
        return [value for value, _ in locate(record, path)]
    except PathMissing:
        return []


@settings(max_examples=examples(200), deadline=None)
@given(record=st.dictionaries(KEYS, TREES, max_size=4), path=PATHS)
def test_the_fast_walk_reaches_what_locate_reaches(record: dict[str, Any], path: str) -> None:
    assert values_or_empty(record, path) == located(record, path)


def test_an_alternative_is_tried_when_the_first_reaches_nothing() -> None:
    record = {"a": {"items": [{"id": "x"}, {"id": "y"}]}, "b": ""}
    assert values_or_empty(record, "b | a.items[].id") == ["x", "y"] == located(record, "b | a.items[].id")
    assert values_or_empty(record, "b") == [] == located(record, "b")
