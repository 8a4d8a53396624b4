"""Run the repo's state machine on moto's Step Functions interpreter with its Lambda tasks routed to real handlers."""

from __future__ import annotations

import json
import time
import traceback
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import boto3
import pytest
from moto.awslambda_simple.models import LambdaSimpleBackend

from leftovers.handlers import mark, notify, reconcile
from tests.support.moto_server import ROOT, MotoServer, unique

ASL = ROOT / "statemachine" / "notify.asl.json"
ACCOUNT = "123456789012"
Handler = Callable[[dict[str, Any], Any], Any]
HANDLERS: dict[str, Handler] = {"reconcile": reconcile.handler, "notify": notify.handler, "mark": mark.handler}


def function_arn(name: str, region: str) -> str:
    """The ARN moto's interpreter will call for a step."""
    return f"arn:aws:lambda:{region}:{ACCOUNT}:function:{name}"


def route(handlers: Mapping[str, Handler]) -> Callable[..., bytes]:
    """A LambdaSimpleBackend.invoke that calls the handler named by the function, as the Lambda runtime would."""

    def invoke(self: Any, function_name: str, qualifier: Any, body: Any, headers: Any, response_headers: Any) -> bytes:
        handler = handlers[function_name.rsplit(":", 1)[-1]]
        try:
            return json.dumps(handler(json.loads(body or "{}"), None)).encode()
        except Exception as exc:  # the runtime reports an unhandled error like this
            response_headers["x-amz-function-error"] = "Unhandled"
            trace = traceback.format_exception(exc)
            return json.dumps({"errorType": type(exc).__name__, "errorMessage": str(exc), "stackTrace": trace}).encode()

    return invoke


@contextmanager
def executing(server: MotoServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Switch moto to executing state machines and to docker-free Lambda, and back afterwards."""
    monkeypatch.setattr(LambdaSimpleBackend, "invoke", route(HANDLERS))
    server.configure({"stepfunctions": {"execute_state_machine": True}, "lambda": {"use_docker": False}})
    try:
        yield
    finally:
        server.configure({"stepfunctions": {"execute_state_machine": False}, "lambda": {"use_docker": True}})


def create_state_machine(region: str) -> str:
    """The repo's ASL with its substitutions filled in as CloudFormation would (moto's CloudFormation ignores them)."""
    definition = ASL.read_text()
    for name in HANDLERS:
        definition = definition.replace(f"${{{name.capitalize()}FunctionArn}}", function_arn(name, region))
    sfn = boto3.client("stepfunctions")
    role = f"arn:aws:iam::{ACCOUNT}:role/leftovers-state-machine"
    return sfn.create_state_machine(name=unique("leftovers-run"), definition=definition, roleArn=role)[
        "stateMachineArn"
    ]


def execution_arn(machine: str, name: str) -> str:
    """The ARN an execution of ``machine`` named ``name`` will have (anyone who starts it can know it)."""
    return machine.replace(":stateMachine:", ":execution:") + f":{name}"


def run(machine: str, payload: Mapping[str, Any], timeout: float = 60, name: str | None = None) -> dict[str, Any]:
    """Start an execution and wait for it to end; return describe_execution's answer."""
    arn = start(machine, payload, name)
    return wait(arn, timeout)


def start(machine: str, payload: Mapping[str, Any], name: str | None = None) -> str:
    """Start an execution; return its ARN."""
    sfn = boto3.client("stepfunctions")
    return str(
        sfn.start_execution(stateMachineArn=machine, name=name or unique("run"), input=json.dumps(payload))[
            "executionArn"
        ]
    )


def wait(arn: str, timeout: float = 60) -> dict[str, Any]:
    """Wait for an execution to end; return describe_execution's answer."""
    sfn = boto3.client("stepfunctions")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        described: dict[str, Any] = dict(sfn.describe_execution(executionArn=arn))
        if described["status"] != "RUNNING":
            return described
        time.sleep(0.2)
    raise AssertionError(f"execution {arn} still running after {timeout}s")


def states_entered(execution: str) -> dict[str, list[Any]]:
    """The input each state was entered with, by state name, in order (from the execution's history)."""
    sfn = boto3.client("stepfunctions")
    entered: dict[str, list[Any]] = {}
    for page in sfn.get_paginator("get_execution_history").paginate(executionArn=execution):
        for event in page["events"]:
            details = event.get("stateEnteredEventDetails")
            if details:
                entered.setdefault(details["name"], []).append(json.loads(details.get("input") or "null"))
    return entered
