"""The DynamoDB store: the table template.yaml defines (``schema``), items as rows (``items``), the store itself."""

from leftovers.adapters.stores.dynamodb.store import DynamoDBStore, make_client, open_dynamodb_store

__all__ = ["DynamoDBStore", "make_client", "open_dynamodb_store"]
