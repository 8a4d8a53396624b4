"""The one message for a store that is not there: reading commands never create one."""

from __future__ import annotations

from leftovers.core.errors import StoreError

HOW = "(create one with `leftovers ingest …` or `leftovers store init`)"
HOW_TABLE = "(create it with `leftovers store init`, or check --region)"  # ingest never creates a table


def missing_store(where: str) -> StoreError:
    """StoreError saying there is no store at ``where`` and how to make one."""
    return StoreError(f"no store at {where} {HOW_TABLE if where.startswith('dynamodb://') else HOW}")
