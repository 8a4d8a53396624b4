"""Adapters: event sources, stores and notifiers around the pure core."""
