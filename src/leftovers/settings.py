"""Settings: read once (flags > environment > config file > defaults) into a frozen object.

A bad value fails loudly, in one line that names the flag, the variable or the config file position.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from leftovers.adapters.config_file import load_policy
from leftovers.core.durations import DurationError, parse_duration, parse_interval
from leftovers.core.errors import SettingsError
from leftovers.core.policy import LANGUAGES, Policy
from leftovers.core.policy_scopes import shadowed
from leftovers.core.times import TimeError, check_zone

ENV_PREFIX = "LEFTOVERS_"
PLAIN = (
    "store", "slack_webhook_url", "slack_webhook_parameter", "region",
    "slack_bot_token", "slack_bot_token_parameter", "slack_channel", "slack_api_url", "email_sender", "email_fallback",
    "notify_to",
)  # fmt: skip
# Variables read for a setting, first found wins; the rest read ``LEFTOVERS_<NAME>``. botocore itself ignores
# AWS_REGION, so the region is resolved here, once, for every AWS client the CLI makes.
ENV_NAMES: dict[str, tuple[str, ...]] = {
    "store": ("LEFTOVERS_STORE", "LEFTOVERS_DB"),
    "region": ("AWS_REGION", "AWS_DEFAULT_REGION"),
}
LONG = timedelta(days=365)


def default_db() -> Path:
    """The embedded store's default file, in the user's data directory."""
    import platformdirs  # here, not at the top: only the CLI needs it, and a Lambda cold start would pay for it

    return Path(platformdirs.user_data_dir("leftovers")) / "leftovers.db"


def check_timezone(value: str, setting: str = "timezone") -> str:
    """An IANA time zone name, or SettingsError naming the setting."""
    try:
        return check_zone(value)
    except TimeError as exc:
        raise SettingsError(setting, str(exc)) from None


def check_language(value: str, setting: str = "language") -> str:
    """One of the digest languages."""
    if value not in LANGUAGES:
        raise SettingsError(setting, f"unknown language {value!r} (one of {', '.join(LANGUAGES)})")
    return value


# Settings that override the config file's policy, and how to read each from text.
POLICY_OVERRIDES: dict[str, Callable[[str], Any]] = {
    "timezone": lambda text: text,
    "grace": parse_duration,
    "reminder": parse_interval,
    "language": lambda text: text,
}
_CHECKS: dict[str, Callable[[str, str], str]] = {"timezone": check_timezone, "language": check_language}


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a run needs; ``store`` is a path or URL (``sqlite:///path``, ``dynamodb://TABLE``, ``memory:``)."""

    store: str = field(default_factory=lambda: str(default_db()))
    slack_webhook_url: str | None = field(default=None, repr=False)
    slack_webhook_parameter: str | None = None
    slack_bot_token: str | None = field(default=None, repr=False)
    """A Slack app's bot token (``xoxb-…``): app mode, with DMs and buttons, instead of the webhook."""
    slack_bot_token_parameter: str | None = None
    slack_channel: str | None = None
    """Where app mode posts what it cannot send to an owner directly (a channel id such as ``C0123ABCD``)."""
    slack_api_url: str | None = None
    email_sender: str | None = None
    """An SES-verified identity e-mail notices are sent from."""
    email_fallback: str | None = None
    """Who gets the leftovers whose owner has no known address."""
    notify_to: str | None = None
    """The deployed notify step's channel: ``email``, else Slack (``LEFTOVERS_NOTIFY_TO``)."""
    config: Path | None = None
    policy: Policy = field(default_factory=lambda: load_policy(None))
    region: str | None = None
    origins: Mapping[str, str] = field(default_factory=dict, compare=False)
    """Setting name -> the flag or variable it came from (absent: the default)."""
    warnings: tuple[str, ...] = ()
    """Values that are valid but look like mistakes (``--grace 30m`` is 900 days), one line each."""

    @property
    def timezone(self) -> str:
        """The display time zone (from the policy)."""
        return self.policy.timezone

    @classmethod
    def load(
        cls, flags: Mapping[str, Any] | None = None, env: Mapping[str, str] | None = None, policy: Policy | None = None
    ) -> Settings:
        """Flags (``None`` = not given) win over ``LEFTOVERS_*`` variables, which win over the config file.

        ``policy`` stands in for the config file when the caller read it from elsewhere (an SSM parameter).
        """
        given = _given(flags or {}, env or {})
        plain = {name: value for name, (_, value) in given.items() if name in PLAIN}
        config = Path(given["config"][1]) if "config" in given else None
        policy = policy or load_policy(config)
        overrides = {name: _convert(name, *given[name]) for name in POLICY_OVERRIDES if name in given}
        return cls(
            **plain,
            config=config,
            policy=replace(policy, **overrides) if overrides else policy,
            origins={name: where for name, (where, _) in given.items()},
            warnings=(
                *(_long(given[name][0], given[name][1], overrides[name]) for name in _too_long(overrides)),
                *shadowed(policy.overrides),
            ),
        )


def _given(flags: Mapping[str, Any], env: Mapping[str, str]) -> dict[str, tuple[str, Any]]:
    """name -> (where it came from, value) for every setting given as a flag or a variable."""
    given: dict[str, tuple[str, Any]] = {}
    for name in (*PLAIN, "config", *POLICY_OVERRIDES):
        if flags.get(name) is not None:
            given[name] = ("--" + name.replace("_", "-"), flags[name])
            continue
        var = next((v for v in ENV_NAMES.get(name, (ENV_PREFIX + name.upper(),)) if env.get(v)), None)
        if var is not None:
            given[name] = (var, env[var])
    return given


def _too_long(overrides: Mapping[str, Any]) -> list[str]:
    return [n for n, value in overrides.items() if isinstance(value, timedelta) and value > LONG]


def _long(where: str, text: Any, value: timedelta) -> str:
    # "30m" reads as minutes to many people; it is 30 months here.
    return f"{where}: {text} is {value.days} days; durations count h, d, w, m (months of 30 days) and y"


def _convert(name: str, where: str, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if name in _CHECKS:
        return _CHECKS[name](value, where)
    try:
        return POLICY_OVERRIDES[name](value)
    except DurationError as exc:
        raise SettingsError(where, str(exc)) from None
