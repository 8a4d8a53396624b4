"""Amazon Bedrock knowledge bases (their vector store, often an OpenSearch Serverless collection, bills while they
exist), keyed by knowledge base id as Config and the Bedrock Agents API name them."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

BEDROCK = "bedrock.amazonaws.com"  # the Bedrock Agents API signs and logs as Bedrock

TYPES = (
    ResourceType(
        "AWS::Bedrock::KnowledgeBase", config=True, id_pattern=r"[0-9A-Z]{10}",
        calls=(
            created(
                BEDROCK, "CreateKnowledgeBase", "AWS::Bedrock::KnowledgeBase",
                "responseElements.knowledgeBase.knowledgeBaseId", name="requestParameters.name",
                arn_path="responseElements.knowledgeBase.knowledgeBaseArn", tags="requestParameters.tags",
                details={"storageType": "requestParameters.storageConfiguration.type"},
                fixture="cloudtrail_bedrock_create_knowledge_base",
            ),
            deleted(BEDROCK, "DeleteKnowledgeBase", "AWS::Bedrock::KnowledgeBase",
                    "responseElements.knowledgeBaseId|requestParameters.knowledgeBaseId",
                    fixture="cloudtrail_bedrock_delete_knowledge_base"),
        ),
        arn=Arn("bedrock", "knowledge-base/{id}"),
        check=one(
            "bedrock-agent", "GetKnowledgeBase", {"knowledgeBaseId": "{id}"}, "knowledgeBase",
            gone_errors=gone_on("ResourceNotFoundException"), state="status", gone_states=states("DELETING"),
            created="createdAt", permission="bedrock:GetKnowledgeBase",
        ),
        details=("StorageConfiguration.Type",),
    ),
)  # fmt: skip
