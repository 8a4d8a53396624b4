"""Amazon VPC Lattice service networks and services (a service bills by the hour while it exists)."""

from __future__ import annotations

from leftovers.core import pricing
from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

VPC_LATTICE = "vpc-lattice.amazonaws.com"
_NETWORK = "AWS::VpcLattice::ServiceNetwork"
_SERVICE = "AWS::VpcLattice::Service"
_GONE = gone_on("ResourceNotFoundException")

TYPES = (
    ResourceType(
        _NETWORK, config=False, id_pattern=r"sn-[0-9a-f]+",
        calls=(
            created(VPC_LATTICE, "CreateServiceNetwork", _NETWORK, "responseElements.id",
                    name="responseElements.name", arn_path="responseElements.arn", tags="requestParameters.tags",
                    fixture="cloudtrail_vpc_lattice_create_service_network"),
            # The identifier may be the id or the ARN; the response is empty.
            deleted(VPC_LATTICE, "DeleteServiceNetwork", _NETWORK, "requestParameters.serviceNetworkIdentifier",
                    id_regex=r"(sn-[0-9a-f]+)$", fixture="cloudtrail_vpc_lattice_delete_service_network"),
        ),
        arn=Arn("vpc-lattice", "servicenetwork/{id}"),
        check=one("vpc-lattice", "GetServiceNetwork", {"serviceNetworkIdentifier": "{id}"}, "", gone_errors=_GONE,
                  created="createdAt"),
    ),
    ResourceType(
        _SERVICE, config=False, id_pattern=r"svc-[0-9a-f]+",
        calls=(
            created(VPC_LATTICE, "CreateService", _SERVICE, "responseElements.id", name="responseElements.name",
                    arn_path="responseElements.arn", tags="requestParameters.tags",
                    fixture="cloudtrail_vpc_lattice_create_service"),
            deleted(VPC_LATTICE, "DeleteService", _SERVICE, "responseElements.id",
                    fixture="cloudtrail_vpc_lattice_delete_service"),
        ),
        arn=Arn("vpc-lattice", "service/{id}"),
        check=one("vpc-lattice", "GetService", {"serviceIdentifier": "{id}"}, "", gone_errors=_GONE,
                  state="status", gone_states=states("DELETE_IN_PROGRESS"), created="createdAt"),
        cost=pricing.flat("vpc_lattice_service"),
    ),
)  # fmt: skip
