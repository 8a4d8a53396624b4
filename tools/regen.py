"""Regenerate the fragments derived from the resource registry, or (``--check``) fail when one is stale.

The fragments sit between ``BEGIN generated`` / ``END generated`` marker lines: the README's coverage table
(``leftovers sources --format markdown``), the reconcile role's IAM actions (template.yaml, and member.yaml's read
role, which must allow exactly the same, plus the creators lookup's own actions), the CloudTrail rules (one per
event pattern) and the queue policy's list of them in template.yaml, and member.yaml's forwarding rules (regional
and global). ``make regen`` rewrites them; ``make lint`` runs ``--check``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path

import yaml

from leftovers.adapters.accounts.patterns import member_cloudtrail_patterns
from leftovers.adapters.inventory import iam_actions
from leftovers.adapters.sources.cloudtrail.lookup import ACTIONS as LOOKUP_ACTIONS
from leftovers.adapters.sources.cloudtrail.pattern import cloudtrail_patterns
from leftovers.cli.sources import markdown

ROOT = Path(__file__).resolve().parent.parent
BEGIN = re.compile(r"^(?P<indent>[ \t]*)(?P<lead>#|<!--) BEGIN generated: (?P<name>[\w-]+).*$", re.MULTILINE)


def _coverage(indent: str) -> str:
    return markdown() + "\n"


def _reconcile_actions(indent: str) -> str:
    return "".join(f"{indent}- {action}\n" for action in iam_actions())


def _creator_lookup_actions(indent: str) -> str:
    return "".join(f"{indent}- {action}\n" for action in LOOKUP_ACTIONS)


class _Dumper(yaml.SafeDumper):
    """Indents a list under its key, as the rest of template.yaml does."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _yaml(value: object, indent: str, outer: str = "") -> str:
    """``value`` as block YAML, each line under ``indent``, kept within 118 columns under ``outer`` as well."""
    width = 118 - len(indent) - len(outer)
    text = yaml.dump(value, Dumper=_Dumper, default_flow_style=None, sort_keys=False, width=width)
    return "".join(f"{indent}{line}\n" for line in text.splitlines())


def rule_names() -> list[str]:
    """The CloudTrail rules' logical ids, one per pattern: CloudTrailRule, CloudTrailRule2, ..."""
    return ["CloudTrailRule" + (str(n) if n > 1 else "") for n in range(1, len(cloudtrail_patterns()) + 1)]


# Every CloudTrail rule sends to the queue as the Config rule does: retried for a day, then to the DLQ.
_RULE = """\
{name}:
  Type: AWS::Events::Rule
  Condition: FollowsCloudTrail
  Properties:
    Description: Successful CloudTrail API calls that create or delete resources Leftovers tracks ({n} of {total}).
    EventBusName: default
    State: ENABLED
    EventPattern:
{pattern}    Targets:
      - Id: IngestQueue
        Arn: !GetAtt IngestQueue.Arn
        RetryPolicy:
          MaximumEventAgeInSeconds: 86400
          MaximumRetryAttempts: 185
        DeadLetterConfig:
          Arn: !GetAtt IngestDeadLetterQueue.Arn
"""


def _cloudtrail_rules(indent: str) -> str:
    patterns, names = cloudtrail_patterns(), rule_names()
    rules = [
        _RULE.format(name=name, n=n, total=len(names), pattern=_yaml(pattern, "      ", indent))
        for n, (name, pattern) in enumerate(zip(names, patterns, strict=True), start=1)
    ]
    return "\n".join("".join(f"{indent}{line}\n" for line in rule.splitlines()) for rule in rules)


def _cloudtrail_rule_arns(indent: str) -> str:
    return "".join(
        f"{indent}- !If [FollowsCloudTrail, !GetAtt {name}.Arn, !Ref AWS::NoValue]\n" for name in rule_names()
    )


# A member account's CloudTrail calls go to the central bus: regional services from every region, global ones
# (Route 53, CloudFront...) from us-east-1 only, so each is recorded once.
_MEMBER_RULE = """\
{name}:
  Type: AWS::Events::Rule
  Condition: {condition}
  Properties:
    Description: {description} ({n} of {total}).
    EventBusName: default
    State: ENABLED
    EventPattern:
{pattern}    Targets:
      - Id: CentralBus
        Arn: !Ref CentralBusArn
        RoleArn: !GetAtt ForwardRole.Arn
        RetryPolicy:
          MaximumEventAgeInSeconds: 86400
          MaximumRetryAttempts: 185
"""
_MEMBER_KINDS = (
    ("CloudTrailForwardRule", "FollowsCloudTrail", "Successful CloudTrail calls of regional services"),
    ("CloudTrailGlobalForwardRule", "ForwardsGlobalCloudTrail", "Successful CloudTrail calls of global services"),
)


def _member_cloudtrail_rules(indent: str) -> str:
    rules = []
    for (base, condition, description), patterns in zip(_MEMBER_KINDS, member_cloudtrail_patterns(), strict=True):
        for n, pattern in enumerate(patterns, start=1):
            name = base + (str(n) if n > 1 else "")
            text = _yaml(pattern, "      ", indent)
            rules.append(_MEMBER_RULE.format(
                name=name, condition=condition, description=description, n=n, total=len(patterns), pattern=text
            ))  # fmt: skip
    return "\n".join("".join(f"{indent}{line}\n" for line in rule.splitlines()) for rule in rules)

FRAGMENTS: dict[str, Callable[[str], str]] = {
    "coverage-table": _coverage,
    "reconcile-actions": _reconcile_actions,
    "creator-lookup-actions": _creator_lookup_actions,
    "cloudtrail-rules": _cloudtrail_rules,
    "cloudtrail-rule-arns": _cloudtrail_rule_arns,
    "member-cloudtrail-rules": _member_cloudtrail_rules,
}
FILES = ("README.md", "template.yaml", "member.yaml")


def regenerate(text: str, where: str) -> str:
    """``text`` with every marked fragment rebuilt; an unknown or unclosed marker is an error naming ``where``."""
    out, at = [], 0
    for begin in BEGIN.finditer(text):
        name = begin["name"]
        if name not in FRAGMENTS:
            raise SystemExit(f"{where}: unknown generated fragment {name!r}")
        end_marker = f"{begin['lead']} END generated: {name}"
        end = text.find(end_marker, begin.end())
        if end < 0:
            raise SystemExit(f"{where}: no {end_marker!r} after line {text.count(chr(10), 0, begin.start()) + 1}")
        line_start = text.rfind("\n", 0, end) + 1
        out.append(text[at : begin.end() + 1])
        out.append(FRAGMENTS[name](begin["indent"]))
        at = line_start
    out.append(text[at:])
    return "".join(out)


def main(argv: list[str] | None = None) -> int:
    """Rewrite the fragments, or with ``--check`` list the stale ones and exit 1."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail instead of rewriting when a fragment is stale")
    args = parser.parse_args(argv)
    stale = []
    for name in FILES:
        path = ROOT / name
        text = path.read_text()
        fresh = regenerate(text, name)
        if fresh != text:
            stale.append(name)
            if not args.check:
                path.write_text(fresh)
    if args.check and stale:
        print(f"stale generated fragments in {', '.join(stale)}: run make regen", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
