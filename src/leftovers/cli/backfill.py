"""``leftovers backfill``: adopt resources that exist now but were never seen created."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import click

from leftovers.cli import common
from leftovers.core.errors import SettingsError
from leftovers.core.ports import Listing
from leftovers.service import backfill as service

if TYPE_CHECKING:
    from leftovers.adapters.inventory import Clients


@click.command()
@click.option(
    "--from", "origin", type=click.Choice(["tagging", "config", "cloudcontrol"]), default="tagging",
    show_default=True,
    help="List with the tagging API (GetResources), AWS Config's inventory (ListDiscoveredResources) or Cloud "
    "Control (ListResources, for the types reconcile checks through it).",
)  # fmt: skip
@click.option("--type", "types", multiple=True, metavar="TYPE", help="Only this resource type (repeatable).")
@click.option("--no-verify", is_flag=True, help="Adopt without asking each type's describe call first.")
@click.option("--rate", type=click.FloatRange(min=0.1), default=10.0, show_default=True, help="AWS calls per second.")
@click.option(
    "--org", metavar="ROLE",
    help="Every account of the organization (AWS Organizations lists them), each through its member role ROLE; an "
    "account whose role cannot be assumed is reported and skipped.",
)  # fmt: skip
@click.option("--dry-run", is_flag=True, help="List what would be adopted; change nothing.")
@click.pass_context
def backfill(
    ctx: click.Context, origin: str, types: tuple[str, ...], no_verify: bool, rate: float,
    org: str | None, dry_run: bool,
) -> None:  # fmt: skip
    """Adopt resources that exist now but were never seen created.

    For resources made before Leftovers was deployed, or whose creation
    event was lost. Each is tracked from its creation time when the API
    gives one (else from now). Listed resources are first checked with
    their own describe call, so ghosts the tagging API still lists are
    not adopted. Resources already tracked are left alone.

    \b
    Examples:
      leftovers backfill --dry-run
      leftovers backfill --region ap-northeast-1 --type AWS::EC2::Volume
      leftovers backfill --from config --dry-run
      leftovers backfill --from cloudcontrol --type AWS::EC2::RouteTable
      leftovers backfill --org OrganizationAccountAccessRole --region eu-west-1
    """
    from leftovers.adapters.inventory import Clients, RateLimiter

    settings = common.settings(ctx)
    listable = _listable(types) if origin == "cloudcontrol" else ()
    region = common.region(ctx)  # --region (global), AWS_REGION, AWS_DEFAULT_REGION, the profile
    store = common.store(ctx)
    at = datetime.now(UTC)

    def adopt(clients: Clients, label: str = "") -> None:
        listing = _listing(origin, clients, region, types, listable)
        inventory = None if no_verify else AwsInventory(clients, use_tagging=False)
        result = service.backfill(store, listing, settings.policy, at, inventory=inventory, dry_run=dry_run)
        verb = "Would adopt" if dry_run else "Adopted"
        click.echo(
            f"{label}{verb} {len(result.adopted)} of {result.listed} listed in {region} ({result.tracked} already "
            f"tracked, {result.ghosts} gone, {result.stale} deleted since, {result.verified} verified)."
        )
        for change in result.adopted if dry_run else ():
            created = change.captured_at.isoformat(timespec="seconds")
            key = change.key
            click.echo(f"  {key.resource_type}  {key.resource_id}  {change.name or ''}  created {created}")

    from leftovers.adapters.inventory import AwsInventory

    if org is None:
        adopt(Clients(limiter=RateLimiter(rate, burst=max(1, int(rate)))))
        return
    from leftovers.adapters.accounts.members import each_account

    unreachable: dict[str, str] = {}
    for account, clients in each_account(org, rate):
        if isinstance(clients, Clients):
            adopt(clients, f"account {account}: ")
        else:  # reported after the others: that account's resources stay unadopted, never guessed
            unreachable[account] = clients.reason
    for account, why in sorted(unreachable.items()):
        click.echo(f"  unreachable  account {account}: {why}")


def _listing(origin: str, clients: Clients, region: str, types: tuple[str, ...], listable: tuple[str, ...]) -> Listing:
    """What lists the resources: the tagging API, Config's inventory or Cloud Control, over ``clients``."""
    from leftovers.adapters.inventory import CloudControlListing, ConfigListing, TaggingListing
    from leftovers.adapters.sources.cloudtrail import covered_types

    if origin == "config":
        return ConfigListing(clients, region, types or covered_types())
    if origin == "cloudcontrol":
        return CloudControlListing(clients, region, listable)
    return TaggingListing(clients, region, types)


def _listable(types: tuple[str, ...]) -> tuple[str, ...]:
    """The types Cloud Control lists by their records' ids: the ones asked for, or all of them."""
    from leftovers.resources import by_type

    declared = by_type()
    listable = tuple(t for t, d in declared.items() if d.listable)
    for wanted in types:
        if wanted not in listable:
            raise SettingsError("--type", f"{wanted}: Cloud Control does not name it by the ids Leftovers keeps "
                                f"(listable: {', '.join(listable)}); use --from tagging or --from config")  # fmt: skip
    return types or listable
