"""The files bundled in ``leftovers/data``, read by path.

Not through ``importlib.resources``, whose import (``tempfile`` among others) added 1 to 3 ms to each handler's
cold start (bench/cold_start.py against the previous artifact), for files that always sit on disk next to this
module.
"""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def data_text(name: str) -> str:
    """The text of the bundled file ``name`` (e.g. ``prices.json``)."""
    return (DATA / name).read_text(encoding="utf-8")
