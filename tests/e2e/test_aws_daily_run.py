"""End to end on a moto server over HTTP: Config events -> EventBridge -> SQS -> ingest handler -> DynamoDB, then
the repo's state machine on moto's interpreter, its Lambda steps routed to the real handlers (reconcile asking
moto's EC2), posting to a local Slack sink."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest

from leftovers.adapters.sources import parse_event
from leftovers.adapters.stores.dynamodb import DynamoDBStore
from leftovers.adapters.stores.memory import MemoryStore
from leftovers.bootstrap import notify_options
from leftovers.core.deadlines import Schedule
from leftovers.core.inventory import Presence, Verdict
from leftovers.core.lifecycle import is_due
from leftovers.core.model import Resource, ResourceKey
from leftovers.handlers import ingest, reconcile
from leftovers.handlers._state import packed_rows_in, row_out
from leftovers.service.ingest import ingest as ingest_changes
from leftovers.service.notify import build_digest
from leftovers.settings import Settings
from tests.integration.aws.ingest_path import IngestPath, put_events
from tests.integration.aws.lambdas import create_state_machine, executing, execution_arn, run, states_entered
from tests.integration.aws.test_event_rule import ENVELOPES
from tests.support.changes import change
from tests.support.events import load_event
from tests.support.moto_server import REGION, MotoServer, aws, lambda_env, load_template, moto_server, unique
from tests.support.slack_sink import SlackSink, slack_sink

__all__ = ["aws", "lambda_env", "moto_server", "slack_sink"]  # fixtures used by this module

AT = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)  # 00:00 in Tokyo, the default schedule


@pytest.fixture
def webhook(lambda_env: str, slack_sink: SlackSink, monkeypatch: pytest.MonkeyPatch) -> SlackSink:
    """The sink's URL stored as an SSM SecureString, named to the functions as the template does."""
    name = f"/leftovers/{unique('webhook')}"
    boto3.client("ssm").put_parameter(Name=name, Type="SecureString", Value=slack_sink.url)
    monkeypatch.setenv("LEFTOVERS_SLACK_WEBHOOK_PARAMETER", name)
    return slack_sink


class EverythingExists:
    """An inventory for an account that still holds every tracked resource: the fixture events' resources are not
    in moto, and these tests are about the digest, not about healing (the tests below ask moto's EC2)."""

    def __init__(self) -> None:
        self.checked: list[ResourceKey] = []

    def check(self, records: Sequence[Resource]) -> dict[ResourceKey, Verdict]:
        self.checked.extend(r.key for r in records)
        return {r.key: Verdict(Presence.EXISTS, "still there") for r in records}


@pytest.fixture
def everything_exists(monkeypatch: pytest.MonkeyPatch) -> EverythingExists:
    """The reconcile step runs, on an account where nothing was deleted behind Leftovers' back."""
    inventory = EverythingExists()
    monkeypatch.setattr(reconcile, "make_inventory", lambda **_: inventory)
    return inventory


@pytest.fixture(autouse=True)
def fresh_reconcile_options() -> Any:
    reconcile.options.cache_clear()
    yield
    reconcile.options.cache_clear()


def records(table: str) -> dict[ResourceKey, Any]:
    return {r.key: r for r in DynamoDBStore(table).scan()}


def expected_due(envelopes: list[dict[str, Any]], at: datetime) -> set[ResourceKey]:
    """The reference: the same events folded into the in-memory store, the digest built under the same settings."""
    settings = Settings.load(env=dict(os.environ))
    store = MemoryStore()
    ingest_changes(store, [c for e in envelopes for c in parse_event(e).changes], settings.policy)
    options = notify_options(settings, at)
    return {e.resource.key for e in build_digest(store, at, settings.timezone, **options).entries}


def ingest_through_the_queue(path: IngestPath) -> list[dict[str, Any]]:
    """What Lambda's SQS poller does: batches of 10 to the handler, then delete what did not fail."""
    messages = path.receive()
    replies = []
    for start in range(0, len(messages), 10):
        batch = messages[start : start + 10]
        replies.append(ingest.handler(path.batch_event(batch), None))
        path.delete_messages(batch)
    return replies


def test_config_events_reach_slack_and_the_right_resources_are_marked(
    lambda_env: str,
    webhook: SlackSink,
    aws: MotoServer,
    monkeypatch: pytest.MonkeyPatch,
    everything_exists: EverythingExists,
) -> None:
    envelopes = [load_event(n) for n in ENVELOPES]
    path = IngestPath.create()
    try:
        put_events(envelopes)
        replies = ingest_through_the_queue(path)
    finally:
        path.delete()
    assert replies
    assert all(r == {"batchItemFailures": []} for r in replies)
    due = expected_due(envelopes, AT)
    assert len(due) >= 5
    before = records(lambda_env)

    with executing(aws, monkeypatch):
        machine = create_state_machine(REGION)
        first = run(machine, {"at": AT.isoformat()})
        assert first["status"] == "SUCCEEDED", first
        posted = webhook.accepted
        second = run(machine, {"at": (AT + timedelta(hours=9)).isoformat()})  # later the same day
        assert second["status"] == "SUCCEEDED", second

    assert posted
    text = json.dumps([r.json for r in posted], ensure_ascii=False)
    stored = records(lambda_env)
    marked = {k for k, r in stored.items() if r.notify_count == 1 and r.last_notified_at == AT}
    assert marked == due
    assert all(r.notify_count == 0 for k, r in stored.items() if k not in due)
    assert len(stored) > len(due)  # the policy left some out (default VPC, service-linked role, ...): not marked
    assert all((stored[k].name or k.resource_id) in text for k in due)
    assert json.loads(second["output"])["due"] == 0
    assert len(webhook.requests) == len(posted)  # the second run posted nothing
    # Each run's reconcile step asked about what was due (the policy's filter comes after): the first run about
    # everything the due index held, the second, with nothing due, about nothing.
    due_in_index = {k for k, r in before.items() if is_due(r, AT)}
    assert due <= due_in_index
    assert set(everything_exists.checked) == due_in_index
    assert len(everything_exists.checked) == len(due_in_index)


def test_slack_failing_on_the_second_message_marks_only_the_first(
    lambda_env: str,
    webhook: SlackSink,
    aws: MotoServer,
    monkeypatch: pytest.MonkeyPatch,
    everything_exists: EverythingExists,
) -> None:
    store = DynamoDBStore(lambda_env)
    keys = [ResourceKey("123456789012", REGION, "AWS::EC2::Instance", f"i-{n:04d}") for n in range(220)]
    ingest_changes(store, [change("created", key=k, name=f"leftover-{k.resource_id}") for k in keys], Schedule())
    webhook.script(200)
    webhook.script(500, times=4)  # the first try and every retry of the second message

    with executing(aws, monkeypatch):
        machine = create_state_machine(REGION)
        failed = run(machine, {"at": AT.isoformat()})
        after_failure = records(lambda_env)
        recovered = run(machine, {"at": AT.isoformat()})  # Slack is back: the next run sends the rest

    assert failed["status"] == "FAILED"
    first = webhook.requests[0]
    assert first.status == 200
    in_first = {k for k in keys if f"leftover-{k.resource_id}" in json.dumps(first.json)}
    marked = {k for k, r in after_failure.items() if r.notify_count == 1}
    assert in_first
    assert marked == in_first
    still_due = {k for k, r in after_failure.items() if is_due(r, AT)}
    assert still_due == set(keys) - in_first
    attempts = [r for r in webhook.requests if r.status == 500]
    assert len(attempts) == 4
    assert len({json.dumps(a.json) for a in attempts}) == 1  # only the second message; the third never went out
    assert len(webhook.requests) - 5 >= 2  # the recovery run sent what was left in at least two messages

    assert recovered["status"] == "SUCCEEDED", recovered
    assert all(r.notify_count == 1 for r in records(lambda_env).values())


def volumes_in_moto(table: str) -> dict[str, ResourceKey]:
    """A live and a lost EBS volume in moto's EC2 (the lost one deleted while no event reached Leftovers) and a
    type nothing can check, tracked in the table under the names ``keep``, ``lost`` and ``unknown``."""
    ec2 = boto3.client("ec2")
    live, lost = (ec2.create_volume(Size=8, AvailabilityZone=f"{REGION}a")["VolumeId"] for _ in range(2))
    ec2.delete_volume(VolumeId=lost)
    keys = {
        f"keep-{live}": ResourceKey("123456789012", REGION, "AWS::EC2::Volume", live),
        f"lost-{lost}": ResourceKey("123456789012", REGION, "AWS::EC2::Volume", lost),
        "unknown-lt": ResourceKey("123456789012", REGION, "AWS::EC2::LaunchTemplate", unique("lt")),
    }
    changes = [change("created", n, key=k, name=name) for n, (name, k) in enumerate(keys.items())]
    ingest_changes(DynamoDBStore(table), changes, Schedule())
    return keys


def test_a_deletion_missed_by_events_is_healed_before_the_digest(
    lambda_env: str, webhook: SlackSink, aws: MotoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = volumes_in_moto(lambda_env)
    queries: list[datetime] = []
    query = DynamoDBStore.due
    monkeypatch.setattr(DynamoDBStore, "due", lambda store, at: queries.append(at) or query(store, at))
    loaded: list[set[ResourceKey]] = []
    load = DynamoDBStore.load
    monkeypatch.setattr(DynamoDBStore, "load", lambda store, wanted: loaded.append(set(wanted)) or load(store, wanted))
    with executing(aws, monkeypatch):
        done = run(create_state_machine(REGION), {"at": AT.isoformat()})
        entered = states_entered(done["executionArn"])
    assert done["status"] == "SUCCEEDED", done
    assert queries == [AT]  # the due index was read once, by Reconcile; Notify used the rows it handed over
    lost_key = next(k for n, k in keys.items() if n.startswith("lost-"))
    assert loaded == [{lost_key}]  # read again: only the healed record; Mark wrote the rows Notify read

    text = json.dumps([r.json for r in webhook.accepted])
    lost, kept = [n for n in keys if n.startswith("lost-")], [n for n in keys if not n.startswith("lost-")]
    assert all(n in text for n in kept)
    assert not any(n in text for n in lost)  # healed by the Reconcile step, so not in this run's digest
    stored = {r.key: r for r in DynamoDBStore(lambda_env).scan(include_inactive=True)}
    assert {n for n, k in keys.items() if stored[k].active} == set(kept)
    assert stored[keys[lost[0]]].deleted_at == AT
    assert all(stored[k].notify_count == 1 for n, k in keys.items() if n in kept)
    (notify_input,) = entered["Notify"]
    handed = notify_input["reconcile"].pop("due_rows")  # what reconcile read, so Notify need not query again
    assert notify_input == {
        "at": AT.isoformat(),
        "run": done["executionArn"],  # the execution, which holds the lease
        "reconcile": {
            "counts": {"checked": 3, "present": 1, "healed": 1, "unknown": 1},
            "waited": 0,
            "wait_seconds": 0,
        },
    }
    assert {r.key for r in packed_rows_in(handed) or ()} == {keys[n] for n in kept}  # rows by column name


def test_a_failing_reconcile_still_lets_the_digest_go_out(
    lambda_env: str, webhook: SlackSink, aws: MotoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = volumes_in_moto(lambda_env)
    monkeypatch.setenv(reconcile.LIMIT, "none")  # a bad setting: the reconcile function fails at every invocation
    with executing(aws, monkeypatch):
        done = run(create_state_machine(REGION), {"at": AT.isoformat()})
        entered = states_entered(done["executionArn"])
    assert done["status"] == "SUCCEEDED", done

    text = json.dumps([r.json for r in webhook.accepted])
    assert all(n in text for n in keys)  # nothing healed: the lost volume is still reported, as before reconcile
    assert {k for k, r in records(lambda_env).items() if r.notify_count == 1} == set(keys.values())
    (notify_input,) = entered["Notify"]
    assert notify_input["at"] == AT.isoformat()
    assert "reconcile" not in notify_input
    assert notify_input["reconcile_error"]["Error"] == "SettingsError"
    assert reconcile.LIMIT in notify_input["reconcile_error"]["Cause"]


def test_the_policy_in_the_config_parameter_changes_what_the_run_reports(
    lambda_env: str,
    webhook: SlackSink,
    aws: MotoServer,
    monkeypatch: pytest.MonkeyPatch,
    everything_exists: EverythingExists,
) -> None:
    store = DynamoDBStore(lambda_env)
    names = {"scratch-build-1": "i-0001", "llm-finetune": "i-0002"}
    keys = {n: ResourceKey("123456789012", REGION, "AWS::EC2::Instance", i) for n, i in names.items()}
    ingest_changes(store, [change("created", key=k, name=n) for n, k in keys.items()], Schedule())
    parameter = f"/leftovers/{unique('config')}"
    policy = '[[ignore]]\nname = "CI scratch"\nname_regex = "^scratch-"\n'
    boto3.client("ssm").put_parameter(Name=parameter, Type="String", Value=policy)
    variables = load_template()["Globals"]["Function"]["Environment"]["Variables"]
    (variable,) = [v for v, ref in variables.items() if ref == {"Ref": "ConfigParameterName"}]
    monkeypatch.setenv(variable, parameter)  # as the stack does with ConfigParameterName set

    with executing(aws, monkeypatch):
        done = run(create_state_machine(REGION), {"at": AT.isoformat()})

    assert done["status"] == "SUCCEEDED", done
    text = json.dumps([r.json for r in webhook.accepted])
    assert "llm-finetune" in text
    assert "scratch-build-1" not in text  # the parameter's ignore rule, read by the deployed functions
    stored = records(lambda_env)
    assert stored[keys["llm-finetune"]].notify_count == 1
    assert stored[keys["scratch-build-1"]].notify_count == 0


def test_one_oversized_row_never_stops_the_deployed_digest(
    lambda_env: str,
    webhook: SlackSink,
    aws: MotoServer,
    monkeypatch: pytest.MonkeyPatch,
    everything_exists: EverythingExists,
) -> None:
    # Stored before ingest bounded fields: 50 tags of 128/256 four-byte characters (a 77 KB event), oldest first.
    tags = {f"{n:02d}" + "𝄞" * 126: "𝄞" * 256 for n in range(50)}
    store = DynamoDBStore(lambda_env)
    keys = [ResourceKey("123456789012", REGION, "AWS::EC2::Instance", f"i-big{n}") for n in range(4)]
    changes = [change("created", 0, key=keys[0], name="oversized")]
    changes += [change("created", n, key=k, name=f"after-{n}") for n, k in enumerate(keys[1:], start=1)]
    ingest_changes(store, changes, Schedule())
    stored_before_bounds = store.load([keys[0]])[keys[0]]  # ingest now bounds tags: write the old row directly
    store.save([stored_before_bounds.evolve(tags=tags)])

    with executing(aws, monkeypatch):
        done = run(create_state_machine(REGION), {"at": AT.isoformat()})
        entered = states_entered(done["executionArn"])

    assert done["status"] == "SUCCEEDED", done
    text = json.dumps([r.json for r in webhook.accepted], ensure_ascii=False)
    assert all(name in text for name in ("oversized", "after-1", "after-2", "after-3"))
    assert all(r.notify_count == 1 for r in records(lambda_env).values())
    assert "NothingDue" not in entered
    (mark_input,) = entered["Mark"]
    assert len(mark_input["sent"]) == 4
    assert {r.key for r in packed_rows_in(mark_input["seen"]) or ()} == set(keys[1:])  # the large one went as its key


def test_rows_forged_in_the_execution_input_are_never_posted_or_written(
    lambda_env: str, webhook: SlackSink, aws: MotoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = DynamoDBStore(lambda_env)
    real = ResourceKey("123456789012", REGION, "AWS::EC2::Instance", "i-real")
    ingest_changes(store, [change("created", key=real, name="real-one")], Schedule())
    (stored,) = store.load([real]).values()
    forged_key = ResourceKey("123456789012", REGION, "AWS::EC2::Instance", "i-forged")
    forged = [row_out(Resource(forged_key, name="FORGED-new", created_at=AT - timedelta(days=1))),
              row_out(stored.evolve(name="FORGED-rename", tags={"leftovers:keep": "true"}))]  # fmt: skip
    failing = EverythingExists()
    failing.check = lambda records: (_ for _ in ()).throw(RuntimeError("describe failed"))  # type: ignore[method-assign]
    monkeypatch.setattr(reconcile, "make_inventory", lambda **_: failing)  # fails after the lease is taken

    with executing(aws, monkeypatch):
        machine, name = create_state_machine(REGION), unique("forged")
        payload = {
            "at": AT.isoformat(),
            "run": execution_arn(machine, name),  # the caller names the execution: its ARN is no secret
            "reconcile": {"counts": {}, "due_rows": forged},  # kept by the Catch of a failed reconcile step
            "sent": [str(forged_key)],
            "seen": forged,
            "more": True,
        }
        done = run(machine, payload, name=name)
        entered = states_entered(done["executionArn"])

    assert done["status"] == "SUCCEEDED", done
    text = json.dumps([r.json for r in webhook.accepted])
    assert "real-one" in text
    assert "FORGED" not in text
    after = {r.key: r for r in store.scan(include_inactive=True)}
    assert set(after) == {real}
    assert after[real].name == "real-one"
    assert after[real].tags == stored.tags
    assert after[real].notify_count == 1
    (notify_input,) = entered["Notify"]
    assert "reconcile" not in notify_input
    assert notify_input["reconcile_error"]["Error"] == "RuntimeError"


def history_errors(execution: str) -> list[str]:
    """The error names of every failed step attempt in an execution's history."""
    sfn = boto3.client("stepfunctions")
    errors = []
    for page in sfn.get_paginator("get_execution_history").paginate(executionArn=execution):
        for event in page["events"]:
            for details in (v for k, v in event.items() if k.endswith("FailedEventDetails")):
                errors.append(details.get("error", ""))
    return errors


def test_two_overlapping_runs_for_the_same_time_post_the_digest_once(
    lambda_env: str,
    webhook: SlackSink,
    aws: MotoServer,
    monkeypatch: pytest.MonkeyPatch,
    everything_exists: EverythingExists,
) -> None:
    from leftovers.adapters.notifiers.slack.webhook import SlackWebhookNotifier
    from leftovers.handlers import _wiring
    from tests.integration.aws.lambdas import start, wait
    from tests.integration.aws.test_run_lease import create_lease_table

    variables = load_template()["Resources"]["MarkFunction"]["Properties"]["Environment"]["Variables"]
    (variable,) = [v for v, ref in variables.items() if ref == {"Ref": "RunLeaseTable"}]
    monkeypatch.setenv(variable, create_lease_table())  # as the stack names it to the three steps
    _wiring.current.cache_clear()
    store = DynamoDBStore(lambda_env)
    keys = [ResourceKey("123456789012", REGION, "AWS::EC2::Instance", f"i-twice{n}") for n in range(3)]
    ingest_changes(store, [change("created", n, key=k, name=f"once-{n}") for n, k in enumerate(keys)], Schedule())
    second: list[str] = []
    deliver = SlackWebhookNotifier.deliver

    def overlapped(notifier: SlackWebhookNotifier, message: Any) -> None:
        """While the first run posts, the same run is started again (the README's manual start-execution)."""
        if not second:
            second.append(start(machine, {"at": AT.isoformat()}))
            waited = time.monotonic() + 20
            while "WaitForTheOtherRun" not in states_entered(second[0]) and time.monotonic() < waited:
                time.sleep(0.2)  # until the second run has found the lease taken
        deliver(notifier, message)

    monkeypatch.setattr(SlackWebhookNotifier, "deliver", overlapped)
    with executing(aws, monkeypatch):
        machine = create_state_machine(REGION)
        first = run(machine, {"at": AT.isoformat()})
        later = wait(second[0], timeout=90)
        later_history = history_errors(second[0])
        entered = states_entered(second[0])

    text = json.dumps([r.json for r in webhook.accepted])
    assert [text.count(f"once-{n}") for n in range(3)] == [1, 1, 1]
    assert all(r.notify_count == 1 for r in records(lambda_env).values())
    assert first["status"] == "SUCCEEDED", first
    assert later["status"] == "SUCCEEDED", later
    assert "WaitForTheOtherRun" in entered  # it waited for the first run's lease...
    assert "NothingDue" in entered  # ...then found everything the first run sent already marked
    assert later_history == []  # waiting is no error: ReconcileFailedAlarm stays quiet


def test_a_resource_that_cannot_travel_is_named_skipped_and_the_run_shows_it(
    lambda_env: str,
    webhook: SlackSink,
    aws: MotoServer,
    monkeypatch: pytest.MonkeyPatch,
    everything_exists: EverythingExists,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from leftovers.handlers import notify

    monkeypatch.setattr(notify, "MAX_STATE_BYTES", 400)  # a state this small: an 800-character id cannot travel
    store = DynamoDBStore(lambda_env)
    long = ResourceKey("123456789012", REGION, "AWS::EC2::Instance", "i-" + "9" * 800)
    keys = [ResourceKey("123456789012", REGION, "AWS::EC2::Instance", f"i-fits{n}") for n in range(3)]
    changes = [change("created", 0, key=long, name="too-long")]
    changes += [change("created", n, key=k, name=f"fits-{n}") for n, k in enumerate(keys, start=1)]
    ingest_changes(store, changes, Schedule())

    with executing(aws, monkeypatch):
        done = run(create_state_machine(REGION), {"at": AT.isoformat()})
        entered = states_entered(done["executionArn"])

    assert done["status"] == "FAILED"
    assert "SomeTooLarge" in entered  # visible: a failed execution, FailedRunAlarm
    assert "NothingDue" not in entered
    text = json.dumps([r.json for r in webhook.accepted])
    assert all(f"fits-{n}" in text for n in range(1, 4))
    assert "too-long" not in text
    stored = records(lambda_env)
    assert all(stored[k].notify_count == 1 for k in keys)
    assert stored[long].notify_count == 0  # still due: told about once it can travel
    warned = [r for r in caplog.records if r.levelname == "WARNING" and "too large" in r.getMessage()]
    assert warned
    assert all(r.key.startswith("123456789012|") for r in warned)  # type: ignore[attr-defined]


def test_a_run_started_by_hand_runs_every_step_at_its_start_time(
    lambda_env: str,
    webhook: SlackSink,
    aws: MotoServer,
    monkeypatch: pytest.MonkeyPatch,
    everything_exists: EverythingExists,
) -> None:
    with executing(aws, monkeypatch):
        done = run(create_state_machine(REGION), {})  # the README's aws stepfunctions start-execution, no input
        entered = states_entered(done["executionArn"])

    assert done["status"] == "SUCCEEDED", done
    (reconciled,) = entered["Reconcile"]
    (notified,) = entered["Notify"]
    started = done["startDate"].astimezone(UTC)
    assert notified["at"] == reconciled["at"]  # one time for every step, not each step's own "now"
    assert abs(datetime.fromisoformat(notified["at"].replace("Z", "+00:00")) - started) < timedelta(seconds=1)
