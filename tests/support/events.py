"""Real-format AWS events kept as JSON files under tests/events/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

EVENTS = Path(__file__).resolve().parent.parent / "events"


def load_event(name: str) -> Any:
    """The parsed JSON of ``tests/events/<name>.json``."""
    return json.loads((EVENTS / f"{name}.json").read_text())


def event_names(prefix: str) -> list[str]:
    """Names of every fixture whose file name starts with ``prefix``."""
    return sorted(p.stem for p in EVENTS.glob(f"{prefix}*.json"))
