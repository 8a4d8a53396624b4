"""Amazon Neptune Analytics graphs (billed per provisioned m-NCU-hour while they exist, keyed by graph id g-...)
and their snapshots (by the GB-month, keyed by snapshot id gs-...)."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

NEPTUNE_GRAPH = "neptune-graph.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::NeptuneGraph::Graph", config=False, id_pattern=r"g-[a-z0-9]{10}",
        calls=(
            created(
                NEPTUNE_GRAPH, "CreateGraph", "AWS::NeptuneGraph::Graph", "responseElements.id",
                name="requestParameters.graphName", arn_path="responseElements.arn", tags="requestParameters.tags",
                details={"provisionedMemory": "requestParameters.provisionedMemory",
                         "replicaCount": "requestParameters.replicaCount"},
                fixture="cloudtrail_neptune_graph_create_graph",
            ),
            deleted(NEPTUNE_GRAPH, "DeleteGraph", "AWS::NeptuneGraph::Graph",
                    "responseElements.id|requestParameters.graphIdentifier",
                    fixture="cloudtrail_neptune_graph_delete_graph"),
        ),
        arn=Arn("neptune-graph", "graph/{id}"),
        check=one(
            "neptune-graph", "GetGraph", {"graphIdentifier": "{id}"}, "",
            gone_errors=gone_on("ResourceNotFoundException"), state="status", gone_states=states("DELETING"),
            created="createTime",
        ),
    ),
    ResourceType(
        "AWS::NeptuneGraph::GraphSnapshot", config=False, id_pattern=r"gs-[a-z0-9]{10}",
        calls=(
            created(
                NEPTUNE_GRAPH, "CreateGraphSnapshot", "AWS::NeptuneGraph::GraphSnapshot", "responseElements.id",
                name="requestParameters.snapshotName", arn_path="responseElements.arn", tags="requestParameters.tags",
            ),
            deleted(NEPTUNE_GRAPH, "DeleteGraphSnapshot", "AWS::NeptuneGraph::GraphSnapshot",
                    "responseElements.id|requestParameters.snapshotIdentifier"),
        ),
        arn=Arn("neptune-graph", "graph-snapshot/{id}"),
        check=one(
            "neptune-graph", "GetGraphSnapshot", {"snapshotIdentifier": "{id}"}, "",
            gone_errors=gone_on("ResourceNotFoundException"), state="status", gone_states=states("DELETING"),
            created="snapshotCreateTime",
        ),
    ),
)  # fmt: skip
