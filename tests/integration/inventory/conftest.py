"""In-process moto for the inventory tests (faster than the server: no HTTP), with IAM enforcement on demand."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

import boto3
import pytest
from moto import mock_aws, settings
from moto.core.responses import ActionAuthenticatorMixin

REGION = "ap-northeast-1"


@pytest.fixture
def moto(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every AWS call of the test answered by moto in this process, with dummy credentials."""
    for name in ("AWS_ENDPOINT_URL", "AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_CONFIG_FILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", REGION)
    monkeypatch.setenv("AWS_REGION", REGION)
    with mock_aws():
        yield


@contextmanager
def credentials_denied(monkeypatch: pytest.MonkeyPatch, *actions: str) -> Iterator[None]:
    """Inside the block, the environment's credentials are a user allowed everything but ``actions``, and moto
    enforces IAM (as it does once its initial no-auth request count is spent)."""
    iam = boto3.client("iam")
    iam.create_user(UserName="reconciler")
    statements = [{"Effect": "Allow", "Action": "*", "Resource": "*"}]
    statements.append({"Effect": "Deny", "Action": list(actions), "Resource": "*"})
    policy = json.dumps({"Version": "2012-10-17", "Statement": statements})
    iam.put_user_policy(UserName="reconciler", PolicyName="all-but", PolicyDocument=policy)
    key = iam.create_access_key(UserName="reconciler")["AccessKey"]
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", key["AccessKeyId"])
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", key["SecretAccessKey"])
    monkeypatch.setattr(boto3, "DEFAULT_SESSION", None)  # it caches the credentials it first read
    before = settings.INITIAL_NO_AUTH_ACTION_COUNT, ActionAuthenticatorMixin.request_count
    settings.INITIAL_NO_AUTH_ACTION_COUNT = 0
    ActionAuthenticatorMixin.request_count = 0
    try:
        yield
    finally:
        settings.INITIAL_NO_AUTH_ACTION_COUNT, ActionAuthenticatorMixin.request_count = before
