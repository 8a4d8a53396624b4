"""leftovers.toml: read into a Policy (``policy``), values checked (``checks``), errors positioned (``positions``),
user patterns compiled with RE2 (``patterns``)."""

from leftovers.adapters.config_file.policy import DEFAULT_NAME, default_ignore_rules, load_policy, parse_policy
from leftovers.adapters.config_file.positions import ConfigFileError

__all__ = ["DEFAULT_NAME", "ConfigFileError", "default_ignore_rules", "load_policy", "parse_policy"]
