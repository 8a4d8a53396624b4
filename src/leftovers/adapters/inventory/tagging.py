"""The Resource Groups Tagging API: a cheap batched "it exists" and the listing backfill adopts from.

GetResources answers for "tagged or previously tagged" resources and keeps ghosts of deleted ones for a while
(aws/aws-sdk#676), so an ARN it returns proves nothing about deletion: the checker only ever says EXISTS, and
leaves every other record undecided.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from botocore.exceptions import ClientError

from leftovers.adapters.inventory.clients import Clients, unknown_reason
from leftovers.core.errors import InventoryError
from leftovers.core.inventory import Found, Presence, Verdict
from leftovers.core.model import Resource, ResourceKey
from leftovers.resources import key_of

SERVICE = "resourcegroupstaggingapi"
ARNS_PER_CALL = 100  # GetResources' ResourceARNList limit
CALL = "tag:GetResources"


class TaggingChecker:
    """EXISTS, with the tags, for the records whose ARN the tagging API returns; UNKNOWN (with the reason) when a
    call fails."""

    def __init__(self, clients: Clients) -> None:
        self.clients = clients

    def check(self, records: Sequence[Resource]) -> dict[ResourceKey, Verdict]:
        """Verdicts for records with an ARN; a record the API does not return is left out (undecided)."""
        by_region: dict[str, dict[str, ResourceKey]] = defaultdict(dict)
        for record in records:
            if record.arn:
                by_region[record.key.region][record.arn] = record.key
        verdicts: dict[ResourceKey, Verdict] = {}
        for region, keys in by_region.items():
            arns = list(keys)
            for start in range(0, len(arns), ARNS_PER_CALL):
                part = arns[start : start + ARNS_PER_CALL]
                try:
                    found = self._found(region, part)
                except ClientError as exc:
                    unknown = Verdict(Presence.UNKNOWN, unknown_reason(exc, CALL))
                    verdicts.update(dict.fromkeys((keys[a] for a in part), unknown))
                    continue
                verdicts.update((keys[a], Verdict(Presence.EXISTS, CALL, tags=found[a])) for a in part if a in found)
        return verdicts

    def _found(self, region: str, arns: list[str]) -> dict[str, dict[str, str]]:
        pages = self.clients.pages(SERVICE, region, "get_resources", ResourceARNList=arns)
        return {m["ResourceARN"]: _tags(m) for page in pages for m in page.get("ResourceTagMappingList", [])}


class TaggingListing:
    """Every resource the tagging API lists in one region, as keys the sources use; unmapped ARNs are counted."""

    def __init__(self, clients: Clients, region: str, types: Sequence[str] = ()) -> None:
        self.clients = clients
        self.region = region
        self.types = frozenset(types)
        self.unmapped = 0

    def list(self) -> Iterator[Found]:
        """The listed resources, page by page, with their tags (no creation time: the API does not say)."""
        account = self.clients.account()
        try:
            for page in self.clients.pages(SERVICE, self.region, "get_resources", ResourcesPerPage=100):
                for mapping in page.get("ResourceTagMappingList", []):
                    arn = mapping["ResourceARN"]
                    key = key_of(arn, account, self.region)
                    if key is None:
                        self.unmapped += 1
                        continue
                    if self.types and key.resource_type not in self.types:
                        continue
                    tags = _tags(mapping)
                    yield Found(key, name=tags.get("Name"), arn=arn, tags=tags)
        except ClientError as exc:
            raise InventoryError(f"cannot list resources: {unknown_reason(exc, CALL)}") from None


def _tags(mapping: dict[str, Any]) -> dict[str, str]:
    return {t["Key"]: t.get("Value", "") for t in mapping.get("Tags", [])}
