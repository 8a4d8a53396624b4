"""``leftovers backfill``: adopt resources that exist now but were never seen created."""

from __future__ import annotations

from datetime import UTC, datetime

import click

from leftovers.cli import common
from leftovers.core.errors import SettingsError
from leftovers.core.ports import Listing
from leftovers.service import backfill as service


@click.command()
@click.option(
    "--from", "origin", type=click.Choice(["tagging", "config", "cloudcontrol"]), default="tagging",
    show_default=True,
    help="List with the tagging API (GetResources), AWS Config's inventory (ListDiscoveredResources) or Cloud "
    "Control (ListResources, for the types reconcile checks through it).",
)  # fmt: skip
@click.option("--region", metavar="REGION", help="Region to list (default: the AWS environment's region).")
@click.option("--type", "types", multiple=True, metavar="TYPE", help="Only this resource type (repeatable).")
@click.option("--no-verify", is_flag=True, help="Adopt without asking each type's describe call first.")
@click.option("--rate", type=click.FloatRange(min=0.1), default=10.0, show_default=True, help="AWS calls per second.")
@click.option("--dry-run", is_flag=True, help="List what would be adopted; change nothing.")
@click.pass_context
def backfill(
    ctx: click.Context, origin: str, region: str | None, types: tuple[str, ...], no_verify: bool, rate: float,
    dry_run: bool,
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
    """
    from leftovers.adapters.inventory import (
        AwsInventory,
        Clients,
        CloudControlListing,
        ConfigListing,
        RateLimiter,
        TaggingListing,
    )  # fmt: skip
    from leftovers.adapters.sources.cloudtrail import covered_types

    settings = common.settings(ctx)
    listable = _listable(types) if origin == "cloudcontrol" else ()
    region = region or _default_region()
    clients = Clients(limiter=RateLimiter(rate, burst=max(1, int(rate))))
    if origin == "config":
        listing: Listing = ConfigListing(clients, region, types or covered_types())
    elif origin == "cloudcontrol":
        listing = CloudControlListing(clients, region, listable)
    else:
        listing = TaggingListing(clients, region, types)
    inventory = None if no_verify else AwsInventory(clients, use_tagging=False)
    store = common.store(ctx)
    at = datetime.now(UTC)
    result = service.backfill(store, listing, settings.policy, at, inventory=inventory, dry_run=dry_run)
    verb = "Would adopt" if dry_run else "Adopted"
    click.echo(
        f"{verb} {len(result.adopted)} of {result.listed} listed in {region} ({result.tracked} already tracked, "
        f"{result.ghosts} gone, {result.stale} deleted since, {result.verified} verified)."
    )
    for change in result.adopted if dry_run else ():
        created = change.captured_at.isoformat(timespec="seconds")
        click.echo(f"  {change.key.resource_type}  {change.key.resource_id}  {change.name or ''}  created {created}")


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


def _default_region() -> str:
    import boto3

    region = boto3.session.Session().region_name
    if not region:
        raise SettingsError("--region", "no region: pass --region or set AWS_REGION")
    return str(region)
