"""The digest's words in each supported language; English is the default and the fallback."""

from __future__ import annotations

from datetime import timedelta
from typing import Final

STRINGS: Final[dict[str, dict[str, str]]] = {
    "en": {
        "title_one": "{n} leftover still exists ({when})",
        "title_many": "{n} leftovers still exist ({when})",
        "created": "created {when} ({age} ago)",
        "reminder": "reminder #{n}",
        "owner": "owner {owner}",
        "for_you": "created for you by {service}",
        "cost": "~${cost:,.2f}/mo",
        "no_price": "—",
        "total": "Estimated total: ${total:,.2f}/month",
        "total_unpriced": "Estimated total: ${total:,.2f}/month ({unpriced} without a price)",
        "no_owner": "(no owner)",
        "age_days": "{d}d {h}h",
        "age_hours": "{h}h {m}m",
        "age_minutes": "{m}m",
    },
    "ja": {
        "title_one": "消し忘れのリソースが {n} 件残っています（{when}）",
        "title_many": "消し忘れのリソースが {n} 件残っています（{when}）",
        "created": "作成 {when}（{age}前）",
        "reminder": "リマインド {n} 回目",
        "owner": "担当 {owner}",
        "for_you": "{service} が代理で作成",
        "cost": "月額 約${cost:,.2f}",
        "no_price": "—",
        "total": "推定合計: 月額 ${total:,.2f}",
        "total_unpriced": "推定合計: 月額 ${total:,.2f}（価格不明 {unpriced} 件）",
        "no_owner": "（担当者不明）",
        "age_days": "{d}日{h}時間",
        "age_hours": "{h}時間{m}分",
        "age_minutes": "{m}分",
    },
}


def text(language: str, key: str, **values: object) -> str:
    """The string ``key`` in ``language`` (English when the language or key is missing), formatted."""
    table = STRINGS.get(language, STRINGS["en"])
    return table.get(key, STRINGS["en"][key]).format(**values)


def age(language: str, span: timedelta) -> str:
    """A short human age: ``3d 4h`` / ``3日4時間``."""
    minutes = max(0, int(span.total_seconds() // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return text(language, "age_days", d=days, h=hours)
    if hours:
        return text(language, "age_hours", h=hours, m=mins)
    return text(language, "age_minutes", m=mins)
