"""The handlers' JSON logger: one JSON object per line with Powertools' fields, and no heavy import behind it."""

from __future__ import annotations

import io
import json
import logging
import subprocess
import sys

import pytest

from leftovers.handlers._log import JsonFormatter, level_from, service_logger


def line(record: logging.LogRecord) -> dict[str, object]:
    return json.loads(JsonFormatter("leftovers").format(record))  # type: ignore[no-any-return]


def record(msg: str, level: int = logging.INFO, **extra: object) -> logging.LogRecord:
    return logging.getLogger("leftovers.test").makeRecord("leftovers", level, __file__, 7, msg, (), None, "f", extra)


def test_a_line_holds_level_message_service_timestamp_location_and_the_extra_keys() -> None:
    out = line(record("ingested event", message_id="m-1", outcomes=["tracked"]))
    assert out["level"] == "INFO"
    assert out["message"] == "ingested event"
    assert out["service"] == "leftovers"
    assert out["location"] == "f:7"
    assert out["message_id"] == "m-1"
    assert out["outcomes"] == ["tracked"]
    assert isinstance(out["timestamp"], str)
    assert out["timestamp"].endswith("+0000")
    assert not {"args", "msg", "exc_info", "levelno", "created"} & out.keys()  # the record's own attributes


def test_a_value_json_cannot_encode_is_written_as_its_text_and_an_exception_with_its_traceback() -> None:
    try:
        raise KeyError("table")
    except KeyError:
        failed = logging.getLogger("x").makeRecord("leftovers", logging.ERROR, "p", 1, "boom", (), sys.exc_info())
    failed.when = set  # a type: not JSON
    out = line(failed)
    assert out["exception_name"] == "KeyError"
    assert "Traceback" in str(out["exception"])
    assert "KeyError: 'table'" in str(out["exception"])
    assert out["when"] == "<class 'set'>"


@pytest.mark.parametrize(
    ("env", "level"),
    [({}, logging.INFO), ({"POWERTOOLS_LOG_LEVEL": "DEBUG"}, logging.DEBUG),
     ({"LOG_LEVEL": "warning"}, logging.WARNING), ({"AWS_LAMBDA_LOG_LEVEL": "ERROR"}, logging.ERROR),
     ({"POWERTOOLS_LOG_LEVEL": "LOUD"}, logging.INFO)],
)  # fmt: skip
def test_the_level_comes_from_the_environment_as_with_powertools(env: dict[str, str], level: int) -> None:
    assert level_from(env) == level


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.seen.append(record.getMessage())


def test_a_line_is_written_once_not_again_by_the_root_handler_lambda_installed_first() -> None:
    lambdas, later, stream = Collect(), Collect(), io.StringIO()
    logging.root.addHandler(lambdas)  # Lambda's runtime puts its handler on the root logger before the import
    try:
        logger, handler = service_logger("leftovers-test", stream=stream, env={})
        logging.root.addHandler(later)  # a test's caplog comes later: it still sees the records
        logger.warning("rejected event", extra={"reason": "no resourceType"})
        logger.debug("not at INFO")
    finally:
        logging.root.removeHandler(lambdas)
        logging.root.removeHandler(later)
    (written,) = stream.getvalue().splitlines()
    assert json.loads(written)["reason"] == "no resourceType"
    assert (lambdas.seen, later.seen) == ([], ["rejected event"])
    assert handler.stream is stream


def test_the_handlers_import_neither_powertools_nor_platformdirs() -> None:
    code = (
        "import sys, leftovers.handlers.ingest, leftovers.handlers.notify, leftovers.handlers.mark;"
        "print(sorted(m for m in ('aws_lambda_powertools', 'platformdirs') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
