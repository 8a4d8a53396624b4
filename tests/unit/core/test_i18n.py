"""Every user-facing string exists in every language, and renders with the values its callers give."""

from __future__ import annotations

from string import Formatter

import pytest

from leftovers.core import i18n
from leftovers.core.i18n_strings import STRINGS
from leftovers.core.rich_text import Owner

SAMPLE = {"n": 2, "i": 1, "d": 1, "h": 2, "m": 3, "cost": 1.5, "total": 3.25, "unpriced": 1, "owner": Owner("taro")}
KEYS = sorted({key for table in STRINGS.values() for key in table})


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name}


@pytest.mark.parametrize("language", sorted(STRINGS))
@pytest.mark.parametrize("key", KEYS)
def test_every_key_renders_in_every_language(language: str, key: str) -> None:
    assert key in STRINGS[language], f"{key!r} is missing from {language!r}"
    values = {name: SAMPLE.get(name, f"<{name}>") for name in placeholders(STRINGS[language][key])}
    assert i18n.segments(language, key, **values)
    assert placeholders(STRINGS[language][key]) == placeholders(STRINGS["en"][key])


def test_japanese_says_no_price_in_japanese() -> None:
    assert i18n.text("ja", "no_price") == "価格不明"
