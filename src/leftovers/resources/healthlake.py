"""AWS HealthLake FHIR data stores: billed by the hour (plus storage) while they exist, keyed by data store id as
Config and the API name them."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

HEALTHLAKE = "healthlake.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::HealthLake::FHIRDatastore", config=True, id_pattern=r"[0-9a-f]{32}",
        calls=(
            created(
                HEALTHLAKE, "CreateFHIRDatastore", "AWS::HealthLake::FHIRDatastore", "responseElements.datastoreId",
                name="requestParameters.datastoreName", arn_path="responseElements.datastoreArn",
                tags="requestParameters.tags",
            ),
            deleted(HEALTHLAKE, "DeleteFHIRDatastore", "AWS::HealthLake::FHIRDatastore",
                    "responseElements.datastoreId|requestParameters.datastoreId"),
        ),
        arn=Arn("healthlake", "datastore/fhir/{id}"),
        check=one(
            "healthlake", "DescribeFHIRDatastore", {"DatastoreId": "{id}"}, "DatastoreProperties",
            gone_errors=gone_on("ResourceNotFoundException"), state="DatastoreStatus",
            gone_states=states("DELETING", "DELETED"), created="CreatedAt",
        ),
    ),
)  # fmt: skip
