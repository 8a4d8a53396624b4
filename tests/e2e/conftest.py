"""End-to-end tests use the moto server fixtures too."""

from tests.support.moto_server import aws, lambda_env, moto_server

__all__ = ["aws", "lambda_env", "moto_server"]
