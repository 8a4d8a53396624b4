"""The organization pieces of template.yaml and member.yaml, read as dicts, and their conditions evaluated."""

from __future__ import annotations

from typing import Any

from samtranslator.yaml_helper import yaml_parse

from tests.support.moto_server import ROOT, load_template

MEMBER = ROOT / "member.yaml"


def load_member() -> dict[str, Any]:
    """member.yaml as a dict, intrinsic short forms included."""
    parsed: dict[str, Any] = yaml_parse(MEMBER.read_text())
    return parsed


def resource(template: dict[str, Any], name: str) -> dict[str, Any]:
    """One resource's definition."""
    found: dict[str, Any] = template["Resources"][name]
    return found


def conditions(template: dict[str, Any], region: str, parameters: dict[str, str]) -> dict[str, bool]:
    """Every condition of ``template`` as CloudFormation evaluates it in ``region`` with these parameters."""
    values = {"AWS::Region": region, **parameters}
    resolved: dict[str, bool] = {}

    def value(node: Any) -> Any:
        if isinstance(node, dict) and "Ref" in node:
            return values.get(node["Ref"], template["Parameters"].get(node["Ref"], {}).get("Default"))
        return node

    def truth(node: Any) -> bool:
        [(function, args)] = node.items()
        table = {
            "Fn::Equals": lambda: value(args[0]) == value(args[1]),
            "Fn::Not": lambda: not truth(args[0]),
            "Fn::And": lambda: all(map(truth, args)),
            "Fn::Or": lambda: any(map(truth, args)),
            "Condition": lambda: named(args),
        }
        return bool(table[function]())

    def named(name: str) -> bool:
        if name not in resolved:
            resolved[name] = truth(template["Conditions"][name])
        return resolved[name]

    return {name: named(name) for name in template["Conditions"]}


def deployed(template: dict[str, Any], region: str, parameters: dict[str, str]) -> dict[str, dict[str, Any]]:
    """The resources CloudFormation would create in ``region`` (those whose Condition holds)."""
    holds = conditions(template, region, parameters)
    return {n: r for n, r in template["Resources"].items() if holds.get(r.get("Condition", ""), True)}


__all__ = ["MEMBER", "conditions", "deployed", "load_member", "load_template", "resource"]
