"""``--account-names``: name each account from AWS Organizations in what a command shows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

account_names_option: Callable[[F], F] = click.option(
    "--account-names",
    is_flag=True,
    help="Name each account from AWS Organizations (ListAccounts; needs organizations:ListAccounts).",
)


def account_names(asked: bool) -> dict[str, str]:
    """The organization's account names when ``asked`` (else none); a failure is one warning line, never a stop:
    accounts are then shown by id."""
    if not asked:
        return {}
    from leftovers.adapters.accounts.names import AccountNames  # botocore only when asked for

    names = AccountNames()
    found = names.names()
    if names.problem:
        click.echo(f"Warning: {names.problem}", err=True)
    return found
