"""Log files in a trail's S3 bucket: ``s3://bucket/prefix/`` walked folder by folder (ListObjectsV2 with a
delimiter), so ``--since``/``--until``, ``--accounts`` and ``--regions`` prune whole folders unlisted, and keys
come in S3's order, which the layout makes delivery-time order within a region."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from leftovers.adapters.sources.trail_files.layout import Selection, account_of, is_log_file
from leftovers.adapters.sources.trail_files.local import LogFile
from leftovers.core.errors import LeftoversError

SCHEME = "s3://"


def split_url(url: str) -> tuple[str, str]:
    """``s3://bucket/prefix`` -> (bucket, prefix); a prefix that does not name a log file is a folder, so it ends
    with ``/`` unless empty."""
    bucket, _, prefix = url.removeprefix(SCHEME).partition("/")
    if not bucket:
        raise LeftoversError(f"{url}: no bucket (use s3://BUCKET/PREFIX/)")
    if not prefix or prefix.endswith("/") or is_log_file(prefix.rsplit("/", 1)[-1]):
        return bucket, prefix
    return bucket, prefix + "/"


def s3_files(client: Any, url: str, selection: Selection) -> Iterator[LogFile]:
    """The log file ``url`` names, or every wanted log file under it."""
    bucket, prefix = split_url(url)
    if prefix and not prefix.endswith("/"):
        yield s3_object(client, bucket, prefix)
        return
    yield from _walk(client, bucket, prefix, selection)


def _walk(client: Any, bucket: str, prefix: str, selection: Selection) -> Iterator[LogFile]:
    folders: list[str] = []  # one folder's sub-folders (days of a month, regions of an account): never many
    try:
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix, Delimiter="/"):
            folders.extend(p["Prefix"] for p in page.get("CommonPrefixes", []))
            for item in page.get("Contents", []):
                parts = item["Key"].split("/")
                if is_log_file(parts[-1]):
                    yield s3_object(client, bucket, item["Key"])
    except ClientError as exc:
        raise LeftoversError(f"s3://{bucket}/{prefix}: cannot list ({_code(exc)})") from None
    except BotoCoreError as exc:
        raise LeftoversError(f"s3://{bucket}/{prefix}: cannot list ({exc})") from None
    for folder in folders:
        if selection.wants_folder(folder.rstrip("/").split("/")):
            yield from _walk(client, bucket, folder, selection)


def s3_object(client: Any, bucket: str, key: str) -> LogFile:
    """The log file at ``s3://bucket/key`` (read when asked)."""
    return LogFile(f"s3://{bucket}/{key}", account_of(key.split("/")), lambda: _get(client, bucket, key))


def _get(client: Any, bucket: str, key: str) -> bytes:
    try:
        body: bytes = client.get_object(Bucket=bucket, Key=key)["Body"].read()
    except ClientError as exc:
        raise LeftoversError(f"s3://{bucket}/{key}: cannot read ({_code(exc)})") from None
    except BotoCoreError as exc:
        raise LeftoversError(f"s3://{bucket}/{key}: cannot read ({exc})") from None
    return body


def _code(error: ClientError) -> str:
    # Not inventory.clients.error_code: importing the inventory package would cost the replay function ~90 ms of
    # cold start for one dictionary look-up.
    return str(error.response.get("Error", {}).get("Code", "Unknown"))
