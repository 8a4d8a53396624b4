"""The README stays true to the code: its coverage table, its commands and its JSON fields."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from leftovers.cli import cli
from leftovers.cli.report import ALL_COLUMNS
from tests.support.moto_server import load_template

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()


def test_readme_starts_with_the_two_set_up_commands() -> None:
    block = README.split("```sh\n", 1)[1].split("```", 1)[0]
    assert [line.split()[0:2] for line in block.strip().splitlines()] == [["make", "demo"], ["make", "test"]]


def test_the_coverage_table_is_what_leftovers_sources_prints() -> None:
    table = CliRunner().invoke(cli, ["sources", "--format", "markdown"]).stdout
    for line in table.strip().splitlines()[:-1]:
        assert line in README, f"README's coverage table is out of date at: {line}"


def test_every_report_field_is_documented() -> None:
    for field in ALL_COLUMNS:
        assert f"| `{field}` |" in README, field


def test_the_json_report_has_every_documented_field(tmp_path: Path) -> None:
    documented = {
        line.split("`")[1]
        for line in README.split("### The `report --format json` interface")[1].split("\n## ")[0].splitlines()
        if line.startswith("| `")
    }
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    runner.invoke(
        cli, ["--store", db, "ingest", str(Path(__file__).parents[1] / "events" / "config_discovered_s3_bucket.json")]
    )
    (row,) = json.loads(runner.invoke(cli, ["--store", db, "report", "--format", "json"]).stdout)
    assert documented == set(row)


def _deploy_section() -> str:
    return README.split("## Deploy to AWS", 1)[1].split("\n## ", 1)[0]


def test_every_template_parameter_is_documented_and_in_both_deploy_commands() -> None:
    section = _deploy_section()
    blocks = [block.split("```", 1)[0] for block in section.split("```sh\n")[1:]]
    commands = [block for block in blocks if "--parameter-overrides" in block]
    assert len(commands) == 2, "the sam deploy and the aws cloudformation deploy commands"
    for name in load_template()["Parameters"]:
        assert f"| `{name}` |" in section, f"template parameter {name} has no row in the README's parameter table"
        for command in commands:
            assert f"{name}=" in command, f"template parameter {name} missing from a deploy command"


def test_every_template_resource_is_in_what_it_creates() -> None:
    table = _deploy_section().split("### What it creates", 1)[1]
    rows = [line.split("|")[1] for line in table.splitlines() if line.startswith("| `")]
    named = {name for row in rows for name in re.findall(r"`(\w+)`", row)}
    # The CloudTrail rules are numbered by make regen (CloudTrailRule2, ...): the row names the first two and "…".
    missing = {re.sub(r"(CloudTrailRule)\d+$", r"\1", name) for name in load_template()["Resources"]} - named
    assert not missing, f"README's 'What it creates' table lacks {sorted(missing)}"
