"""The global options, accepted before the command and after it (``leftovers report --store x.db``).

Every command gets the same options, added once by ``add_global_options``; each one only records its value in the
context's ``meta`` (shared by the whole command line), and the settings are read from there on first use. Given
twice, the later one wins.
"""

from __future__ import annotations

from typing import Any

import click

FLAGS = "leftovers.flags"
_BARE = "\0bare"  # what --config gives without a value: reconcile's old flag spelling

OPTIONS: tuple[tuple[tuple[str, ...], dict[str, Any]], ...] = (
    (
        ("--store", "--db", "store"),
        {
            "metavar": "PATH|URL",
            "help": "SQLite file (default in your data directory), sqlite:///PATH or dynamodb://TABLE. "
            "Env: LEFTOVERS_STORE or LEFTOVERS_DB.",
        },
    ),
    (
        ("--region",),
        {
            "metavar": "REGION",
            "help": "AWS region of the DynamoDB table and AWS calls. "
            "Env: AWS_REGION, then AWS_DEFAULT_REGION; else the AWS profile's.",
        },
    ),
    (
        ("--timezone",),
        {"metavar": "ZONE", "help": "IANA time zone for times shown (default UTC). Env: LEFTOVERS_TIMEZONE."},
    ),
    (
        ("--grace",),
        {
            "metavar": "DURATION",
            "help": "Wait this long after creation before the first notice (default 0; e.g. 12h, 2d; m = months). "
            "Env: LEFTOVERS_GRACE.",
        },
    ),
    (
        ("--reminder",),
        {
            "metavar": "DURATION",
            "help": "Remind again after this long (default 7d; 'never' = once). Env: LEFTOVERS_REMINDER.",
        },
    ),
    (
        ("--language",),
        {"type": click.Choice(["en", "ja"]), "help": "Digest language (default en). Env: LEFTOVERS_LANGUAGE."},
    ),
    (
        ("--config",),
        {
            "metavar": "FILE",
            "is_flag": False,
            "flag_value": _BARE,
            "help": "A leftovers.toml with deadlines, ignore rules and owners (see leftovers.example.toml). "
            "Env: LEFTOVERS_CONFIG.",
        },
    ),
)


def _remember(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    if value is None:
        return
    if value == _BARE:
        raise click.UsageError("--config needs a FILE (to ask AWS Config during reconcile, use --ask-config)", ctx)
    ctx.meta.setdefault(FLAGS, {})[param.name] = value


def global_options() -> list[click.Option]:
    """A fresh set of the global options (each command needs its own objects)."""
    return [click.Option(list(decls), expose_value=False, callback=_remember, **attrs) for decls, attrs in OPTIONS]


def add_global_options(command: click.Command) -> None:
    """Give ``command`` and every command under it the global options; a clash is a programming error."""
    added = global_options()
    names = {opt for option in added for opt in option.opts}
    taken = {opt for param in command.params for opt in param.opts} & names
    if taken:
        raise RuntimeError(f"{command.name}: {', '.join(sorted(taken))} clash with the global options")
    command.params.extend(added)
    for sub in getattr(command, "commands", {}).values():
        add_global_options(sub)


def given(ctx: click.Context) -> dict[str, Any]:
    """The global options given on this command line, by setting name."""
    return dict(ctx.meta.get(FLAGS, {}))
