"""Builders for ResourceChange values in tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from leftovers.core.model import ChangeKind, ResourceChange, ResourceKey

T0 = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)
KEY = ResourceKey("123456789012", "ap-northeast-1", "AWS::EC2::Instance", "i-0abc")


def change(kind: ChangeKind | str, minutes: float = 0, key: ResourceKey = KEY, **attrs: Any) -> ResourceChange:
    """A change of ``kind`` captured ``minutes`` after T0."""
    kind = ChangeKind(kind) if isinstance(kind, str) else kind
    attrs.setdefault("source", "config")
    return ResourceChange(key=key, kind=kind, captured_at=T0 + timedelta(minutes=minutes), **attrs)
