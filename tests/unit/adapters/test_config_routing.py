"""``[routing]`` in leftovers.toml: read into the core's Routing, each mistake one line naming file, line and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from leftovers.adapters.config_file import parse_policy
from leftovers.adapters.config_file.positions import ConfigFileError
from leftovers.core.routing import MAIN, Route, Routing

FULL = """\
grace = "1d"

[routing]
default = "main"

[[routing.route]]
name = "sandbox-a"
to = "slack:C0TEAMA1"
accounts = ["111111111111"]
ous = ["ou-ab12-aaaa1111"]
owners = "alice"
tags = { team = "a", env = ["dev", "test"] }

[[routing.route]]
name = "platform"
to = "webhook:/leftovers/routes/platform"
min_monthly_cost = 100
"""


def test_every_routing_key_is_read() -> None:
    routing = parse_policy(FULL).routing
    assert routing == Routing(
        MAIN,
        (
            Route("sandbox-a", "slack:C0TEAMA1", accounts=("111111111111",), ous=("ou-ab12-aaaa1111",),
                  owners=("alice",), tags={"team": ("a",), "env": ("dev", "test")}),
            Route("platform", "webhook:/leftovers/routes/platform", min_monthly_cost=100.0),
        ),
    )  # fmt: skip
    assert routing.needs_units


def test_no_routing_table_means_no_routing_and_a_default_alone_is_allowed() -> None:
    assert parse_policy("").routing is None
    assert parse_policy('[routing]\ndefault = "slack:C0ALL1"\n').routing == Routing("slack:C0ALL1")


def error(text: str) -> str:
    with pytest.raises(ConfigFileError) as caught:
        parse_policy(text, "team.toml")
    message = str(caught.value)
    assert "\n" not in message
    return message


def route(body: str, default: str = 'default = "main"\n') -> str:
    return f"[routing]\n{default}\n[[routing.route]]\n{body}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '[[routing.route]]\nname = "a"\nto = "main"\naccounts = "111111111111"\n',
            'team.toml:1: routing.route[0]: needs default = "main"',
        ),
        (
            route('name = "a"\nto = "main"\nowners = ["x"]\n', default=""),
            "team.toml:3: routing.route[0]: needs default",
        ),
        (
            '[routing]\ndefault = "#general"\n',
            "team.toml:2: routing.default: unknown destination '#general' (use main,",
        ),
        (
            route('name = "a"\nto = "https://hooks.slack.com/services/T/B/x"\nowners = "x"\n'),
            "team.toml:6: routing.route[0].to: unknown destination",
        ),
        (route('name = "a"\nto = "slack:general"\nowners = "x"\n'), "team.toml:6: routing.route[0].to: unknown"),
        (route('name = "a"\nto = "main"\n'), "team.toml:4: routing.route[0]: route 'a' needs a condition"),
        (route('to = "main"\nowners = "x"\n'), "team.toml:4: routing.route[0]: every route needs a name"),
        (route('name = "a"\nowners = "x"\n'), "team.toml:4: routing.route[0]: route 'a' needs a destination"),
        (
            route('name = "a"\nto = "main"\nowners = "x"\n[[routing.route]]\nname = "a"\nto = "main"\nowners = "y"\n'),
            "team.toml:9: routing.route[1].name: another route is already named 'a'",
        ),
        (route('name = "default"\nto = "main"\nowners = "x"\n'), "team.toml:5: routing.route[0].name: must be"),
        (route('name = "a\\nb"\nto = "main"\nowners = "x"\n'), "team.toml:5: routing.route[0].name: must be"),
        (
            route('name = "a"\nto = "main"\naccounts = ["1234"]\n'),
            "team.toml:7: routing.route[0].accounts: '1234' is not a 12-digit account id",
        ),
        (route('name = "a"\nto = "main"\nous = ["sandboxes"]\n'), "team.toml:7: routing.route[0].ous: 'sandboxes' is"),
        (
            route('name = "a"\nto = "main"\nmin_monthly_cost = "100"\n'),
            "team.toml:7: routing.route[0].min_monthly_cost: must be a number of USD per month",
        ),
        (
            route('name = "a"\nto = "main"\nmin_monthly_cost = -1\n'),
            "team.toml:7: routing.route[0].min_monthly_cost: must",
        ),
        (
            route('name = "a"\nto = "main"\nowner = "x"\n'),
            "team.toml:7: routing.route[0].owner: unknown key (did you mean 'owners'?)",
        ),
        (route('name = "a"\nto = "main"\ntags = { team = 1 }\n'), "team.toml:7: routing.route[0].tags.team: must be"),
        ('[routing]\ndefault = "main"\nroutes = []\n', "team.toml:3: routing.routes: unknown key (did you mean"),
        ('[routing]\ndefault = "main"\nroute = 3\n', "team.toml:3: routing.route: must be a list"),
    ],
)
def test_each_mistake_is_one_line_naming_file_line_and_key(text: str, expected: str) -> None:
    assert error(text).startswith(expected)


def test_the_commented_example_in_leftovers_example_toml_loads_once_uncommented() -> None:
    example = (Path(__file__).resolve().parents[3] / "leftovers.example.toml").read_text()
    block = example[example.index("# [routing]") :]
    routing = parse_policy("\n".join(line.removeprefix("#").removeprefix(" ") for line in block.splitlines())).routing
    assert routing is not None
    assert routing.default == MAIN
    assert [r.name for r in routing.routes] == ["sandbox-a", "platform"]
    assert routing.routes[1].min_monthly_cost == 100
