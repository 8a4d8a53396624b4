"""member.yaml's read role may look up creators (``reconcile --org ROLE --creators N`` asks each account's own
CloudTrail event history through it): exactly the lookup's actions, in their own statement, read-only."""

from __future__ import annotations

from leftovers.adapters.sources.cloudtrail.lookup import ACTIONS
from tests.integration.aws.org_templates import load_member, resource


def test_the_member_read_role_may_look_up_creators_and_nothing_more() -> None:
    (policy,) = resource(load_member(), "ReadRole")["Properties"]["Policies"]
    statements = {s["Sid"]: s for s in policy["PolicyDocument"]["Statement"] if "Sid" in s}
    lookup = statements["LookUpCreators"]
    assert (lookup["Effect"], lookup["Action"], lookup["Resource"]) == ("Allow", list(ACTIONS), "*")
    assert ACTIONS == ("cloudtrail:LookupEvents",)  # read-only: its event history, nothing it can change
