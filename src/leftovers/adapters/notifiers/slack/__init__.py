"""Slack: incoming-webhook notifier, Block Kit rendering, retries and redaction."""
