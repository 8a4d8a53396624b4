"""``leftovers reconcile``: ask AWS which tracked resources still exist, and resolve the ones that are gone."""

from __future__ import annotations

from datetime import UTC, datetime

import click

from leftovers.bootstrap import make_inventory
from leftovers.cli import common
from leftovers.core.model import Resource
from leftovers.service import reconcile as service


@click.command()
@click.option("--type", "types", multiple=True, metavar="TYPE", help="Only this resource type (repeatable).")
@click.option("--only-region", "regions", multiple=True, metavar="REGION", help="Only this region (repeatable).")
@click.option("--limit", type=click.IntRange(min=1), metavar="N", help="Check at most N resources, oldest first.")
@click.option(
    "--ask-config", "use_config", is_flag=True, help="Also ask AWS Config about types without a describe call."
)
@click.option("--no-tagging", is_flag=True, help="Do not ask the tagging API (it can only confirm existence).")
@click.option("--rate", type=click.FloatRange(min=0.1), default=10.0, show_default=True, help="AWS calls per second.")
@click.option(
    "--creators",
    type=click.IntRange(min=0),
    default=0,
    metavar="N",
    help="Also look up who created up to N resources no CloudTrail event named (CloudTrail LookupEvents; with "
    "--org, in each resource's own account through ROLE).",
)
@click.option(
    "--org", metavar="ROLE",
    help="Check each resource in its own account through the member role ROLE (a whole organization; see the "
    "README, Whole organization). An account whose role cannot be assumed is reported; its resources stay.",
)  # fmt: skip
@click.option("--due", "only_due", is_flag=True, help="Only what is due now (what the next notify would report).")
@click.option("--dry-run", is_flag=True, help="Say what is gone; change nothing.")
@click.pass_context
def reconcile(
    ctx: click.Context,
    types: tuple[str, ...],
    regions: tuple[str, ...],
    limit: int | None,
    use_config: bool,
    no_tagging: bool,
    rate: float,
    creators: int,
    org: str | None,
    only_due: bool,
    dry_run: bool,
) -> None:
    """Ask AWS which tracked resources still exist; resolve the gone ones.

    Heals deletions whose events were lost. Each type is asked through its
    own describe call (see 'leftovers sources'), batched and rate-limited.
    A resource that cannot be checked (access denied, unsupported type,
    throttled) stays tracked and is counted as unknown, with the reason.
    AWS credentials and region come from the usual AWS environment.

    \b
    Examples:
      leftovers reconcile --dry-run
      leftovers reconcile --type AWS::EC2::Volume --type AWS::EC2::Snapshot
      leftovers reconcile --ask-config --creators 20
      leftovers reconcile --due   # what the daily run checks before its digest
      leftovers reconcile --org OrganizationAccountAccessRole   # every account
    """
    settings = common.settings(ctx)
    store = common.store(ctx)
    inventory = make_inventory(rate, use_config=use_config, use_tagging=not no_tagging, member_role=org)
    at = datetime.now(UTC)
    candidates = list(store.due(at)) if only_due else None

    def chosen(record: Resource) -> bool:
        return (not types or record.key.resource_type in types) and (not regions or record.key.region in regions)

    result = service.reconcile(
        store, inventory, settings.policy, at, select=chosen, limit=limit, dry_run=dry_run, candidates=candidates
    )
    gone = len(result.gone)
    healed = f"{gone} gone (dry run: nothing changed)" if dry_run else f"{result.healed} healed (gone)"
    retagged = f" ({len(result.retagged)} with new tags)" if result.retagged else ""
    click.echo(
        f"Checked {result.checked}: {result.present} still there{retagged}, {healed}, {result.unknown_total} unknown."
    )
    if dry_run:
        for key in result.gone:
            click.echo(f"  gone  {key.resource_type}  {key.resource_id}  ({key.region})")
    for (resource_type, reason), count in sorted(result.unknown.items()):
        click.echo(f"  unknown  {resource_type}: {count} ({reason})")
    for account, why in sorted(getattr(inventory, "unreachable", {}).items()):  # --org only
        click.echo(f"  unreachable  account {account}: {why}")
    if creators and not dry_run:
        from leftovers.adapters.accounts.creators import creator_lookup

        lookup = creator_lookup(inventory, max_calls=2 * creators)  # an id, then a name, per resource at most
        looked, found = service.fill_creators(store, lookup, settings.policy, at, creators)
        click.echo(f"Creators: {found} found of {looked} looked up ({lookup.calls} LookupEvents calls).")
        for account, why in sorted(getattr(lookup, "unreachable", {}).items()):  # --org: each account's own history
            click.echo(f"  creators unknown  account {account}: {why}")
