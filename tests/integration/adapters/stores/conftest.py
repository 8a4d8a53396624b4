"""The stores' tests share the parametrised ``store`` fixture."""

from tests.support.stores import store

__all__ = ["store"]
