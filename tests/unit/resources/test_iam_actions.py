"""Every IAM action the registry derives is a real action of a real IAM service prefix (cfn-lint's policy data).

botocore's client names are not IAM's prefixes (cloudcontrol is cloudformation:, kinesisanalyticsv2 is
kinesisanalytics:, opensearchserverless is aoss:): a wrong prefix would deploy and then be denied at every check.
"""

from __future__ import annotations

import json
from pathlib import Path

import cfnlint
import pytest

from leftovers.adapters.inventory import iam_actions

POLICIES = json.loads((Path(cfnlint.__file__).parent / "data/AdditionalSpecs/Policies.json").read_text())


@pytest.mark.parametrize("action", iam_actions())
def test_each_action_is_one_iam_knows(action: str) -> None:
    prefix, name = action.split(":", 1)
    assert prefix in POLICIES, f"{action}: no IAM service prefix {prefix!r}"
    assert name.lower() in POLICIES[prefix]["Actions"], f"{action}: {prefix} has no such action"
