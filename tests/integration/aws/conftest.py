"""The AWS tests share the moto server fixtures."""

from tests.support.moto_server import aws, lambda_env, moto_server
from tests.support.slack_sink import slack_sink

__all__ = ["aws", "lambda_env", "moto_server", "slack_sink"]
