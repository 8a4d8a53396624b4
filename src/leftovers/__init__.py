"""Leftovers: follow cloud resources from creation to deletion and report the forgotten ones."""

__version__ = "0.1.0"
