"""Console links: a resource's page in the AWS console, from the URL template its type declares in the registry."""

from __future__ import annotations

from urllib.parse import quote

from leftovers.core.model import Resource
from leftovers.resources import by_type


def console_url(resource: Resource) -> str | None:
    """The resource's console page, when its type declares one (the digest links it); ids and names are quoted."""
    declared = by_type().get(resource.key.resource_type)
    if declared is None or declared.console is None:
        return None
    key = resource.key
    values = {"id": key.resource_id, "name": resource.name or key.resource_id, "region": key.region}
    return declared.console.format(**{k: quote(v, safe="") for k, v in values.items()})
