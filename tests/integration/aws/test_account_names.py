"""Account names from Organizations on the moto server: an account created after the names were last asked is
named in the next run all the same (ListAccounts asked again when a run meets an account it does not know), and
Organizations is asked again at most once per run, however many unknown accounts the run meets."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import boto3
from botocore.stub import Stubber

from leftovers.adapters.accounts.names import AccountNames
from tests.support.moto_server import MotoServer, aws, moto_server
from tests.support.organization import ListAccountsRounds, create_account, organization_id

__all__ = ["aws", "moto_server"]
STRANGER = "999999999999"  # an id no account of the organization has (an account that left it, say)


def named(clock: list[datetime]) -> tuple[AccountNames, ListAccountsRounds]:
    names = AccountNames(boto3.client("organizations", region_name="us-east-1"), now=lambda: clock[0])
    return names, ListAccountsRounds(names._client)


def test_an_account_created_since_the_last_ask_is_named_in_the_next_run(aws: MotoServer) -> None:
    organization_id()
    clock = [datetime(2026, 12, 1, tzinfo=UTC)]
    names, asks = named(clock)
    before = create_account("team-old")
    assert names.lookup("run-1").get(before) == "team-old"
    assert asks.rounds == 1  # a fresh answer is not asked again for an unknown account
    new = create_account("team-new")  # after the names were asked, well within their hour
    clock[0] += timedelta(minutes=5)

    assert names.lookup("run-2").get(new) == "team-new"
    assert asks.rounds == 2


def test_organizations_is_asked_again_at_most_once_per_run(aws: MotoServer) -> None:
    organization_id()
    clock = [datetime(2026, 12, 1, tzinfo=UTC)]
    names, asks = named(clock)
    names.names()
    clock[0] += timedelta(minutes=5)
    first_part = names.lookup("run-1")
    assert first_part.get(STRANGER) is None
    assert first_part.get("888888888888") is None
    assert names.lookup("run-1").get(STRANGER) is None  # the same run's next part (another invocation)
    assert asks.rounds == 2
    clock[0] += timedelta(minutes=5)
    assert names.lookup("run-2").get(STRANGER) is None
    assert asks.rounds == 3
    clock[0] += timedelta(minutes=5)
    assert names.lookup(None).get(STRANGER) is None  # an invocation by hand: once for that invocation
    assert asks.rounds == 4


def test_a_refused_ask_again_keeps_the_names_and_says_why(aws: MotoServer) -> None:
    organization_id()
    known = create_account("team-kept")
    clock = [datetime(2026, 12, 1, tzinfo=UTC)]
    names = AccountNames(boto3.client("organizations", region_name="us-east-1"), now=lambda: clock[0])
    names.names()
    clock[0] += timedelta(minutes=5)
    with Stubber(names._client) as stub:
        stub.add_client_error("list_accounts", "TooManyRequestsException", "Rate exceeded", 400)
        lookup = names.lookup("run-1")
        assert lookup.get(STRANGER) is None
        assert lookup.get(known) == "team-kept"  # the last answer stands
        stub.assert_no_pending_responses()
    assert names.problem == (
        "cannot list the organization's accounts (TooManyRequestsException): accounts are shown by id"
    )
