"""``create_table`` (behind ``leftovers store init --store dynamodb://TABLE``) makes the template's table."""

from __future__ import annotations

import boto3
import pytest

from leftovers.adapters.stores.dynamodb import open_dynamodb_store
from leftovers.adapters.stores.dynamodb.schema import create_table
from leftovers.core.errors import SettingsError, StoreError
from tests.support.moto_server import load_template, template_table, unique


def shape(description: dict) -> dict:
    gsi = description["GlobalSecondaryIndexes"]
    return {
        "AttributeDefinitions": sorted(description["AttributeDefinitions"], key=lambda a: a["AttributeName"]),
        "KeySchema": description["KeySchema"],
        "GlobalSecondaryIndexes": [{k: g[k] for k in ("IndexName", "KeySchema", "Projection")} for g in gsi],
        "BillingMode": description["BillingModeSummary"]["BillingMode"],
    }


@pytest.mark.usefixtures("aws")
def test_create_table_makes_the_templates_table() -> None:
    client = boto3.client("dynamodb")
    name = unique("leftovers-init")
    create_table(client, name)
    try:
        described = client.describe_table(TableName=name)["Table"]
        expected = template_table()
        expected["AttributeDefinitions"] = sorted(expected["AttributeDefinitions"], key=lambda a: a["AttributeName"])
        assert shape(described) == expected
        ttl = client.describe_time_to_live(TableName=name)["TimeToLiveDescription"]
        assert (
            ttl["AttributeName"]
            == load_template()["Resources"]["Table"]["Properties"]["TimeToLiveSpecification"]["AttributeName"]
        )
        with pytest.raises(StoreError, match=name):
            create_table(client, name)  # it exists already
    finally:
        client.delete_table(TableName=name)


@pytest.mark.parametrize("url", ["dynamodb://", "dynamodb://a", "sqlite:///x.db", "dynamodb://bad name"])
def test_a_bad_store_url_names_the_setting(url: str) -> None:
    with pytest.raises(SettingsError, match="store"):
        open_dynamodb_store(url)


def test_opening_a_store_creates_no_client() -> None:
    store = open_dynamodb_store("dynamodb://leftovers")
    assert store.table == "leftovers"
    assert store._client is None
