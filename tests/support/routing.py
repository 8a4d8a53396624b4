"""For routing tests: synthetic Config events of an instance in a chosen account, of a chosen (priced) type, and an
organization of three accounts on the moto server, two of them in an OU."""

from __future__ import annotations

import json
from typing import Any

from tests.support.organization import create_account, organization_id, organizational_unit
from tests.support.synthetic import config_event

CHEAP, DEAR = "t3.large", "m5.4xlarge"
"""~$61 and ~$561 a month in Tokyo (the bundled prices): either side of a $100 route."""


def event(n: int, account: str = "123456789012", instance_type: str = CHEAP, **tags: str) -> dict[str, Any]:
    """Synthetic instance ``n`` (named ``synthetic-n``) in ``account``, of ``instance_type``, with ``tags``."""
    found = config_event(n, **tags)
    item = found["detail"]["configurationItem"]
    item["configuration"]["instanceType"] = instance_type
    item["awsAccountId"] = found["account"] = account
    item["ARN"] = item["ARN"].replace("123456789012", account)
    found["resources"] = [item["ARN"]]
    return found


class Organization:
    """Three member accounts: sandbox-a and sandbox-b in a sandboxes OU, prod at the root."""

    def __init__(self) -> None:
        organization_id()
        self.sandboxes = organizational_unit("sandboxes")
        self.ids = {name: create_account(name, self.sandboxes) for name in ("sandbox-a", "sandbox-b")}
        self.ids["prod"] = create_account("prod")


def routing_toml(default: str, *routes: dict[str, Any]) -> str:
    """A ``[routing]`` table in TOML: ``default``, then each route's keys as given (strings, numbers, lists of
    strings, and ``tags`` as a table of strings)."""

    def value(v: Any) -> str:
        if isinstance(v, dict):
            return "{ " + ", ".join(f"{k} = {value(x)}" for k, x in v.items()) + " }"
        return json.dumps(v)  # a JSON string, number or list of strings is the same in TOML

    tables = ["[[routing.route]]\n" + "".join(f"{k} = {value(v)}\n" for k, v in r.items()) for r in routes]
    return "\n".join([f"[routing]\ndefault = {value(default)}\n", *tables])
