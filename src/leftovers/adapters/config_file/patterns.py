"""User patterns (ignore rules' ``*_regex``) compiled with RE2: matching takes time linear in the name, so no
pattern a config author writes can hang a run (Python's ``re`` backtracks exponentially on ``^([a-z0-9]+-?)+$``).
RE2 lacks lookarounds and backreferences; such a pattern is refused when the config is loaded."""

from __future__ import annotations

import re2

from leftovers.core.policy_rules import Pattern

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False  # RE2 would also print each error to stderr; the config error says it in one line


class PatternError(ValueError):
    """A pattern RE2 cannot compile; the message is one line."""


def compile_pattern(text: str) -> Pattern:
    """The compiled pattern, searched like ``re.search``; PatternError for syntax RE2 does not support."""
    try:
        compiled: Pattern = re2.compile(text, _OPTIONS)
    except re2.error as exc:
        reason = exc.args[0].decode(errors="replace") if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise PatternError(
            f"bad regex {text!r}: {reason} (patterns use RE2 syntax: no lookarounds or backreferences)"
        ) from None
    return compiled
