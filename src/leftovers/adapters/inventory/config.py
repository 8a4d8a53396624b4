"""AWS Config as an inventory: BatchGetResourceConfig for "it exists", its history for "it was deleted".

BatchGetResourceConfig leaves deleted resources out, but also resources Config does not record: absence alone
proves nothing. For an absent resource the latest history item decides (ResourceDeleted*: gone); a resource
Config never discovered stays undecided.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from botocore.exceptions import ClientError

from leftovers.adapters.inventory.clients import Clients, error_code, unknown_reason
from leftovers.adapters.inventory.describe import as_time
from leftovers.core.errors import InventoryError
from leftovers.core.inventory import Found, Presence, Verdict
from leftovers.core.model import Resource, ResourceKey

SERVICE = "config"
KEYS_PER_CALL = 100  # BatchGetResourceConfig's limit
MAX_UNPROCESSED_ROUNDS = 5
LIST_CALL = "config:ListDiscoveredResources"
DELETED = frozenset({"ResourceDeleted", "ResourceDeletedNotRecorded"})
BATCH_CALL = "config:BatchGetResourceConfig"
HISTORY_CALL = "config:GetResourceConfigHistory"


class ConfigChecker:
    """EXISTS from current items, GONE from a deletion in the history, else UNKNOWN with the reason."""

    def __init__(self, clients: Clients) -> None:
        self.clients = clients

    def check(self, records: Sequence[Resource]) -> dict[ResourceKey, Verdict]:
        """Verdicts for the records Config can speak for (per region, 100 keys a call)."""
        by_region: dict[str, list[ResourceKey]] = defaultdict(list)
        for record in records:
            if record.key.region != "global":
                by_region[record.key.region].append(record.key)
        verdicts: dict[ResourceKey, Verdict] = {}
        for region, keys in by_region.items():
            for start in range(0, len(keys), KEYS_PER_CALL):
                verdicts.update(self._batch(region, keys[start : start + KEYS_PER_CALL]))
        return verdicts

    def _batch(self, region: str, keys: list[ResourceKey]) -> dict[ResourceKey, Verdict]:
        by_pair = {(k.resource_type, k.resource_id): k for k in keys}
        pending = [{"resourceType": t, "resourceId": i} for t, i in by_pair]
        verdicts: dict[ResourceKey, Verdict] = {}
        try:
            for _ in range(MAX_UNPROCESSED_ROUNDS):
                answer = self.clients.call(SERVICE, region, "batch_get_resource_config", resourceKeys=pending)
                for item in answer.get("baseConfigurationItems", []):
                    key = by_pair.get((item.get("resourceType"), item.get("resourceId")))
                    if key is not None and item.get("configurationItemStatus") not in DELETED:
                        verdicts[key] = Verdict(Presence.EXISTS, BATCH_CALL, as_time(item.get("resourceCreationTime")))
                pending = answer.get("unprocessedResourceKeys") or []
                if not pending:
                    break
        except ClientError as exc:
            return {**dict.fromkeys(keys, Verdict(Presence.UNKNOWN, unknown_reason(exc, BATCH_CALL))), **verdicts}
        for key in keys:
            if key not in verdicts:
                self._from_history(region, key, verdicts)
        return verdicts

    def _from_history(self, region: str, key: ResourceKey, verdicts: dict[ResourceKey, Verdict]) -> None:
        try:
            answer = self.clients.call(
                SERVICE, region, "get_resource_config_history",
                resourceType=key.resource_type, resourceId=key.resource_id, limit=1,
            )  # fmt: skip
        except ClientError as exc:
            never = error_code(exc) == "ResourceNotDiscoveredException"
            reason = "Config never recorded it" if never else unknown_reason(exc, HISTORY_CALL)
            verdicts[key] = Verdict(Presence.UNKNOWN, reason)
            return
        items = answer.get("configurationItems") or [{}]
        status = items[0].get("configurationItemStatus")
        if status in DELETED:
            verdicts[key] = Verdict(Presence.GONE, f"{status} ({HISTORY_CALL})")
        else:
            verdicts[key] = Verdict(Presence.UNKNOWN, f"Config has no current item (latest status {status})")


class ConfigListing:
    """The resources Config's inventory lists in one region, for the given types (ListDiscoveredResources)."""

    def __init__(self, clients: Clients, region: str, types: Iterable[str]) -> None:
        self.clients = clients
        self.region = region
        self.types = tuple(types)

    def list(self) -> Iterator[Found]:
        """Discovered, not deleted, resources of each type (names only: the creation time comes from a check)."""
        account = self.clients.account()
        for resource_type in self.types:
            try:
                for page in self.clients.pages(
                    SERVICE, self.region, "list_discovered_resources", resourceType=resource_type
                ):
                    for item in page.get("resourceIdentifiers", []):
                        key = ResourceKey(account, self.region, resource_type, item["resourceId"])
                        yield Found(key, name=item.get("resourceName") or None)
            except ClientError as exc:
                if error_code(exc) in ("ValidationException", "InvalidParameterValueException"):
                    continue  # a type this region's Config does not know
                raise InventoryError(f"cannot list resources: {unknown_reason(exc, LIST_CALL)}") from None
