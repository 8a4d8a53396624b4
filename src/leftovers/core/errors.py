"""The one error hierarchy: adapters translate library errors into these at their boundary."""

from __future__ import annotations


class LeftoversError(Exception):
    """Base of every error Leftovers reports to a user as one line."""


class SettingsError(LeftoversError):
    """A setting (flag, environment variable or config key) has a bad value."""

    def __init__(self, setting: str, problem: str) -> None:
        super().__init__(f"{setting}: {problem}")
        self.setting = setting
        self.problem = problem


class EventRejected(LeftoversError):
    """An event looks like a resource change but a field is missing or wrong."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


class StoreError(LeftoversError):
    """The store could not be read or written."""


class ConflictError(StoreError):
    """A record changed between load and save (optimistic concurrency); reload and retry."""

    def __init__(self, keys: list[object]) -> None:
        super().__init__(f"{len(keys)} record(s) changed concurrently")
        self.keys = keys


class NotifyError(LeftoversError):
    """A message could not be delivered (after retries)."""


class InventoryError(LeftoversError):
    """AWS cannot be asked at all (no credentials, endpoint unreachable): the run stops with one line."""
