"""The Lambda functions' JSON logs: one object per line with Powertools' fields, on the standard library alone.

Powertools' Logger (with the ``typing_extensions`` and ``jmespath`` it imports) was about 38% of a handler's import
time; Lambda compiles it on every cold start, since the artifact ships no bytecode. This writes the same fields:
level, location, message, timestamp, service, the ``extra`` keys, and exception and exception_name with a traceback.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from collections.abc import Mapping
from typing import IO, Any

_OWN = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}
"""A record's own attributes: every other one came from ``extra``."""
LEVEL_VARIABLES = ("POWERTOOLS_LOG_LEVEL", "LOG_LEVEL", "AWS_LAMBDA_LOG_LEVEL")
"""Read in this order, so a template that set Powertools' variable keeps its level."""


class JsonFormatter(logging.Formatter):
    """A record as one JSON line; a value JSON cannot encode is written as its ``str``."""

    def __init__(self, service: str) -> None:
        super().__init__()
        self.service = service

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        """Powertools' timestamp, in UTC: ``2026-11-30 15:25:25,670+0000``."""
        return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(record.created)) + f",{int(record.msecs):03d}+0000"

    def format(self, record: logging.LogRecord) -> str:
        """The line: Powertools' keys first, then the extra keys, then the exception if any."""
        line: dict[str, Any] = {
            "level": record.levelname,
            "location": f"{record.funcName}:{record.lineno}",
            "message": record.getMessage(),
            "timestamp": self.formatTime(record),
            "service": self.service,
        }
        line.update((k, v) for k, v in vars(record).items() if k not in _OWN)
        if record.exc_info and record.exc_info[0]:
            line["exception"] = self.formatException(record.exc_info)
            line["exception_name"] = record.exc_info[0].__name__
        trace = os.environ.get("_X_AMZN_TRACE_ID", "").partition(";")[0].removeprefix("Root=")
        if trace:
            line["xray_trace_id"] = trace
        return json.dumps(line, default=str, separators=(",", ":"))


def level_from(env: Mapping[str, str]) -> int:
    """The first level named in ``LEVEL_VARIABLES``; INFO when none is, or the name is not a level."""
    name = next((env[v] for v in LEVEL_VARIABLES if env.get(v)), "INFO").upper()
    level = logging.getLevelName(name)
    return level if isinstance(level, int) else logging.INFO


class _NotOurs(logging.Filter):
    """Keeps our records off a handler that was already on the root logger (Lambda's runtime prints them as text)."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.ours = name

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.name == self.ours or record.name.startswith(self.ours + "."))


def service_logger(
    service: str, stream: IO[str] | None = None, env: Mapping[str, str] | None = None
) -> tuple[logging.Logger, logging.StreamHandler[IO[str]]]:
    """The logger named ``service`` writing JSON lines to ``stream`` (stdout), and its handler.

    It still propagates, so a test's caplog sees its records, but the handlers already on the root logger (Lambda's
    own, which would print each record a second time as text) are told to skip them, as Powertools did.
    """
    logger = logging.getLogger(service)
    handler: logging.StreamHandler[IO[str]] = logging.StreamHandler(stream or sys.stdout)
    handler.setFormatter(JsonFormatter(service))
    logger.addHandler(handler)
    logger.setLevel(level_from(os.environ if env is None else env))
    for existing in logging.root.handlers:
        existing.addFilter(_NotOurs(service))
    return logger, handler
