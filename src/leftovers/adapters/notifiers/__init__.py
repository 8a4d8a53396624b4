"""notifiers adapters."""
