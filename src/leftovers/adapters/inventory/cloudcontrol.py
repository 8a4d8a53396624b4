"""Cloud Control: the generic check (GetResource) and listing (ListResources) for types without a describe row.

Cloud Control names a resource by its CloudFormation primary identifier. A declared type says how to build it from
the record (``ResourceType.cloudcontrol_id``, AWS Config's id by default), so "not found" is then a deletion. For
a type the registry does not declare, Config's id may not be that identifier: found means there, not found proves
nothing. A type Cloud Control cannot read (UnsupportedActionException, TypeNotFoundException) is unknown.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from botocore.exceptions import ClientError

from leftovers.adapters.inventory.clients import Clients, error_code, unknown_reason
from leftovers.core.errors import InventoryError
from leftovers.core.inventory import Found, Presence, Verdict
from leftovers.core.model import Resource, ResourceKey
from leftovers.resources import by_type

SERVICE = "cloudcontrol"
GET_CALL = "cloudcontrol:GetResource"
LIST_CALL = "cloudcontrol:ListResources"
NOT_FOUND = "ResourceNotFoundException"
CANNOT_READ = frozenset({"UnsupportedActionException", "TypeNotFoundException", "PrivateTypeException"})


class CloudControlChecker:
    """Decides the records of types without a describe row; others are left out of the answer (undecided)."""

    def __init__(self, clients: Clients) -> None:
        self.clients = clients

    def check(self, records: Sequence[Resource]) -> dict[ResourceKey, Verdict]:
        """One GetResource per record whose type has no describe row."""
        declared = by_type()
        verdicts = {}
        for record in records:
            known = declared.get(record.key.resource_type)
            if known is not None and known.check is not None:
                continue  # the describe checker speaks for it
            template = "{id}" if known is None else known.cloudcontrol_id
            if template is None:
                continue
            identifier = template.format(id=record.key.resource_id, name=record.name or "")
            verdicts[record.key] = self._one(record.key, identifier, trusted=known is not None)
        return verdicts

    def _one(self, key: ResourceKey, identifier: str, *, trusted: bool) -> Verdict:
        try:
            self.clients.call(SERVICE, key.region, "get_resource", TypeName=key.resource_type, Identifier=identifier)
        except ClientError as exc:
            code = error_code(exc)
            if code == NOT_FOUND:
                if trusted:
                    return Verdict(Presence.GONE, f"not found by {GET_CALL}")
                return Verdict(Presence.UNKNOWN, f"Cloud Control knows no {key.resource_type} under this id")
            if code in CANNOT_READ:
                return Verdict(Presence.UNKNOWN, f"Cloud Control cannot read {key.resource_type} ({code})")
            return Verdict(Presence.UNKNOWN, unknown_reason(exc, GET_CALL))
        return Verdict(Presence.EXISTS, GET_CALL)


class CloudControlListing:
    """Every resource of the given types in one region (ListResources); types it cannot list are named."""

    def __init__(self, clients: Clients, region: str, types: Iterable[str]) -> None:
        self.clients = clients
        self.region = region
        self.types = tuple(types)
        self.unsupported: list[str] = []

    def list(self) -> Iterator[Found]:
        """The listed resources, keyed by their Cloud Control identifier (no names or times: the API gives JSON)."""
        account = self.clients.account()
        for resource_type in self.types:
            try:
                for page in self.clients.pages(SERVICE, self.region, "list_resources", TypeName=resource_type):
                    for item in page.get("ResourceDescriptions", []):
                        yield Found(ResourceKey(account, self.region, resource_type, item["Identifier"]))
            except ClientError as exc:
                if error_code(exc) in CANNOT_READ:
                    self.unsupported.append(resource_type)
                    continue
                raise InventoryError(f"cannot list resources: {unknown_reason(exc, LIST_CALL)}") from None
