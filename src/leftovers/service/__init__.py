"""The service layer: use cases that drive the core through the ports (no adapter is imported here)."""
