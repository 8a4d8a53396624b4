"""The SSM SecureString reader: decrypted once, reused while warm, refreshed after max_age, never shown."""

from __future__ import annotations

import json
import logging

import boto3
import pytest

from leftovers.adapters.secrets import SsmSecret
from leftovers.core.errors import SettingsError
from tests.support.moto_server import unique

URL = "https://hooks.slack.com/services/T000/B000/very-secret-token"


@pytest.fixture
def parameter(aws: object) -> str:
    name = f"/leftovers/{unique('webhook')}"
    boto3.client("ssm").put_parameter(Name=name, Type="SecureString", Value=URL)
    return name


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_value_is_decrypted_and_cached_until_max_age(parameter: str) -> None:
    ssm = boto3.client("ssm")
    clock = Clock()
    calls: list[str] = []
    ssm.meta.events.register("before-call.ssm.GetParameter", lambda **kw: calls.append("get"))
    secret = SsmSecret(parameter, client=ssm, max_age=300, clock=clock)
    assert secret.value() == URL
    ssm.put_parameter(Name=parameter, Type="SecureString", Value=URL + "-rotated", Overwrite=True)
    clock.now = 299
    assert secret.value() == URL  # warm: no second call
    assert calls == ["get"]
    clock.now = 300
    assert secret.value() == URL + "-rotated"
    assert calls == ["get", "get"]


def test_the_value_never_appears_in_repr_errors_or_logs(parameter: str, caplog: pytest.LogCaptureFixture) -> None:
    # Our own loggers at DEBUG; libraries at INFO, as the functions run. botocore's DEBUG log prints response
    # bodies, secrets included: that is why the template sets POWERTOOLS_LOG_LEVEL=INFO and nothing enables it.
    caplog.set_level(logging.INFO)
    caplog.set_level(logging.DEBUG, logger="leftovers")
    secret = SsmSecret(parameter)
    assert secret.value() == URL
    assert "very-secret-token" not in repr(secret)
    assert "very-secret-token" not in caplog.text


@pytest.mark.usefixtures("aws")
def test_a_missing_parameter_is_a_settings_error_naming_it() -> None:
    with pytest.raises(SettingsError, match="/leftovers/absent"):
        SsmSecret("/leftovers/absent").value()


@pytest.mark.parametrize("bad", ["\n", "\t", "\x01", "\x7f", "é"])
def test_a_webhook_pasted_with_control_characters_is_refused_when_loaded(aws: object, bad: str) -> None:
    from leftovers.adapters.notifiers.slack.url import url_problem

    name = f"/leftovers/{unique('webhook')}"
    value = f"https://hooks.slack.com/services/T0/B0/SEC{bad}RET"
    boto3.client("ssm").put_parameter(Name=name, Type="SecureString", Value=value)
    with pytest.raises(SettingsError) as caught:
        SsmSecret(name, client=boto3.client("ssm"), check=url_problem).value()
    message = str(caught.value)
    assert name in message
    assert "\n" not in message
    for shown in (message, repr(caught.value), json.dumps(message)):
        assert "SEC" not in shown
        assert "RET" not in shown
        assert "B0" not in shown
