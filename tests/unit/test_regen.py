"""tools/regen.py: generated fragments are rebuilt from the registry, and a stale one fails the check."""

from __future__ import annotations

import pytest
from tools import regen

from leftovers.adapters.inventory import iam_actions
from leftovers.adapters.sources.cloudtrail.pattern import cloudtrail_patterns


def test_a_stale_fragment_is_rebuilt_and_everything_around_it_kept() -> None:
    text = (
        "before\n  # BEGIN generated: reconcile-actions\n  - old:Action\n  # END generated: reconcile-actions\nafter\n"
    )
    fresh = regen.regenerate(text, "t.yaml")

    actions = iam_actions()
    assert fresh.startswith(f"before\n  # BEGIN generated: reconcile-actions\n  - {actions[0]}\n")
    assert fresh.endswith(f"  - {actions[-1]}\n  # END generated: reconcile-actions\nafter\n")
    assert fresh.count("\n  - ") == len(actions)
    assert "old:Action" not in fresh
    assert regen.regenerate(fresh, "t.yaml") == fresh


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("# BEGIN generated: nonsense\n# END generated: nonsense\n", "t.yaml: unknown generated fragment 'nonsense'"),
        ("x\n# BEGIN generated: reconcile-actions\n", "t.yaml: no '# END generated: reconcile-actions' after line 2"),
    ],
)
def test_a_broken_marker_is_named(text: str, message: str) -> None:
    with pytest.raises(SystemExit, match=message):
        regen.regenerate(text, "t.yaml")


def test_the_committed_fragments_are_fresh() -> None:
    assert regen.main(["--check"]) == 0


def test_the_queue_policy_lists_one_arn_per_cloudtrail_rule() -> None:
    text = "    # BEGIN generated: cloudtrail-rule-arns\n    # END generated: cloudtrail-rule-arns\n"
    lines = regen.regenerate(text, "t.yaml").splitlines()[1:-1]
    assert len(lines) == len(cloudtrail_patterns()) >= 2
    assert lines[1] == "    - !If [FollowsCloudTrail, !GetAtt CloudTrailRule2.Arn, !Ref AWS::NoValue]"
