"""The deployed daily run with ``[routing]``, on the moto server: three accounts of an organization (two in a sandbox
OU), the policy in its SSM parameter, route webhooks kept in SSM under the template's prefix, the repo's state
machine on moto's interpreter driving the real handlers. One digest per route, each naming its accounts; a failing
destination leaves exactly its resources due while the other routes go out and are marked."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import boto3
import pytest

from leftovers.adapters.accounts import names
from leftovers.adapters.sources import parse_event
from leftovers.adapters.stores.dynamodb import DynamoDBStore
from leftovers.core.deadlines import Schedule
from leftovers.core.routing import MAIN
from leftovers.handlers import _wiring
from leftovers.service.ingest import ingest as ingest_changes
from tests.e2e.test_aws_daily_run import AT, EverythingExists, everything_exists, fresh_reconcile_options, webhook
from tests.integration.aws.lambdas import create_state_machine, executing, run, states_entered
from tests.support.moto_server import REGION, MotoServer, aws, lambda_env, moto_server, unique
from tests.support.routing import CHEAP, DEAR, Organization, event, routing_toml
from tests.support.slack_sink import SlackSink, slack_sink

__all__ = ["aws", "everything_exists", "fresh_reconcile_options", "lambda_env", "moto_server", "slack_sink", "webhook"]


@dataclass
class Routes:
    """The organization, each route's webhook sink (and the run's own, ``main``), and how to run the state machine."""

    org: Organization
    sinks: dict[str, SlackSink]
    aws: MotoServer
    monkeypatch: pytest.MonkeyPatch

    def run_daily(self, times: int, between: Callable[[], object] = lambda: None) -> list[dict[str, Any]]:
        """Run the daily state machine at AT ``times`` times, calling ``between`` after each run but the last; each
        run as described_execution answers, plus ``entered``: the input of each state entered, by name."""
        done = []
        with executing(self.aws, self.monkeypatch):
            for n in range(times):
                described = run(create_state_machine(REGION), {"at": AT.isoformat()})
                done.append({**described, "entered": states_entered(described["executionArn"])})
                if n < times - 1:
                    between()
        return done


@pytest.fixture
def routes(
    lambda_env: str,
    webhook: SlackSink,
    aws: MotoServer,
    monkeypatch: pytest.MonkeyPatch,
    everything_exists: EverythingExists,
) -> Iterator[Routes]:
    """The organization, a webhook per route stored under the prefix, and the policy in its config parameter."""
    org = Organization()
    prefix = f"/leftovers/routes/{unique('stack')}/"
    ssm = boto3.client("ssm")
    with SlackSink() as sandboxes, SlackSink() as platform:
        for name, sink in (("sandboxes", sandboxes), ("platform", platform)):
            ssm.put_parameter(Name=f"{prefix}{name}", Type="SecureString", Value=sink.url)
        policy = routing_toml(
            MAIN,
            {"name": "sandboxes", "to": f"webhook:{prefix}sandboxes", "ous": [org.sandboxes]},
            {"name": "platform", "to": f"webhook:{prefix}platform", "min_monthly_cost": 100},
        )
        parameter = f"/leftovers/{unique('config')}"
        ssm.put_parameter(Name=parameter, Type="String", Value=policy)
        monkeypatch.setenv(_wiring.CONFIG_PARAMETER, parameter)
        monkeypatch.setenv(_wiring.ROUTE_PREFIX, prefix)  # what the template passes from RouteWebhookParameterPrefix
        monkeypatch.setenv(names.SWITCH, "organizations")  # organization mode names the accounts
        names._deployed.cache_clear()
        yield Routes(org, {"sandboxes": sandboxes, "platform": platform, "main": webhook}, aws, monkeypatch)
        names._deployed.cache_clear()


def tracked(table: str, org: Organization) -> None:
    ids = org.ids
    events = [
        event(1, ids["sandbox-a"], CHEAP),  # sandboxes
        event(2, ids["sandbox-b"], DEAR),  # sandboxes and platform
        event(3, ids["prod"], CHEAP),  # no route: the run's own webhook
        event(4, ids["prod"], DEAR),  # platform only (a route matched, so not the default)
    ]
    ingest_changes(DynamoDBStore(table), [c for e in events for c in parse_event(e).changes], Schedule())


def posted(sink: SlackSink) -> list[dict[str, Any]]:
    return [r.json for r in sink.accepted]


def named(payloads: list[dict[str, Any]]) -> list[str]:
    text = json.dumps(payloads)
    return [f"synthetic-{n}" for n in range(1, 5) if f"|synthetic-{n}>" in text]


def counts(table: str) -> dict[str, int]:
    return {r.name or "": r.notify_count for r in DynamoDBStore(table).scan()}


def test_the_daily_run_posts_one_digest_per_route_naming_the_accounts(lambda_env: str, routes: Routes) -> None:
    org, sinks = routes.org, routes.sinks
    tracked(lambda_env, org)
    (done,) = routes.run_daily(1)
    assert done["status"] == "SUCCEEDED", done

    (sandboxes,), (platform,), (main,) = (posted(sinks[n]) for n in ("sandboxes", "platform", "main"))
    assert named([sandboxes]) == ["synthetic-1", "synthetic-2"]
    assert named([platform]) == ["synthetic-2", "synthetic-4"]
    assert named([main]) == ["synthetic-3"]
    assert sandboxes["blocks"][0]["text"]["text"].endswith("· route sandboxes")
    assert platform["blocks"][0]["text"]["text"].endswith("· route platform")
    assert "route" not in main["blocks"][0]["text"]["text"]
    ids = org.ids
    assert f"sandbox-a ({ids['sandbox-a']})" in json.dumps(sandboxes)  # account names from Organizations
    assert f"sandbox-b ({ids['sandbox-b']})" in json.dumps(sandboxes)
    assert f"prod ({ids['prod']})" in json.dumps(main)
    assert counts(lambda_env) == {f"synthetic-{n}": 1 for n in range(1, 5)}


def test_a_failing_route_leaves_its_resources_due_and_the_other_routes_are_marked(
    lambda_env: str, routes: Routes, caplog: pytest.LogCaptureFixture
) -> None:
    org, sinks = routes.org, routes.sinks
    sinks["platform"].script(500, times=4)  # the first try and every retry
    tracked(lambda_env, org)
    after: dict[str, int] = {}
    failed, again = routes.run_daily(2, between=lambda: after.update(counts(lambda_env)))  # then the webhook is back

    assert failed["status"] == "FAILED"
    assert "route platform (webhook:/leftovers/routes/" in failed.get("cause", "")
    assert named(posted(sinks["sandboxes"])[:1]) == ["synthetic-1", "synthetic-2"]
    assert named(posted(sinks["main"])[:1]) == ["synthetic-3"]  # the route after the failed one went too
    # synthetic-2 reached the sandboxes channel but not the platform's: it stays due, as does synthetic-4.
    assert after == {"synthetic-1": 1, "synthetic-2": 0, "synthetic-3": 1, "synthetic-4": 0}
    logged = [(r.route, r.accepted, r.error is None) for r in caplog.records if r.getMessage() == "route"]  # type: ignore[attr-defined]
    assert logged[:3] == [("sandboxes", 1, True), ("platform", 0, False), ("default", 1, True)]  # the failed run
    assert again["status"] == "SUCCEEDED", again
    assert named([posted(sinks["platform"])[-1]]) == ["synthetic-2", "synthetic-4"]
    assert counts(lambda_env) == {f"synthetic-{n}": 1 for n in range(1, 5)}


def test_a_digest_in_parts_is_routed_part_by_part_and_every_part_marked(
    lambda_env: str, routes: Routes, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leftovers.handlers import notify

    monkeypatch.setattr(notify, "MAX_STATE_BYTES", 200)  # two keys a part: the state budget still splits the run
    tracked(lambda_env, routes.org)
    (done,) = routes.run_daily(1)
    assert done["status"] == "SUCCEEDED", done
    assert len(done["entered"]["Notify"]) >= 2
    sinks = routes.sinks
    assert named(posted(sinks["sandboxes"])) == ["synthetic-1", "synthetic-2"]
    assert named(posted(sinks["platform"])) == ["synthetic-2", "synthetic-4"]
    assert named(posted(sinks["main"])) == ["synthetic-3"]
    assert all(p["blocks"][0]["text"]["text"].endswith("· route sandboxes") for p in posted(sinks["sandboxes"]))
    assert counts(lambda_env) == {f"synthetic-{n}": 1 for n in range(1, 5)}
