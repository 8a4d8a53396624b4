"""How many examples the property tests try: a quick local profile, four times as many in CI.

The profile is chosen once, from ``HYPOTHESIS_PROFILE`` or else ``CI`` (set by CI runners), so ``make test`` stays
fast on a laptop while every CI run explores four times as far. Tests that set their own count use ``examples(n)``
(``n`` locally, ``4 * n`` in CI) rather than a fixed number, which would override the profile.
"""

from __future__ import annotations

import os

from hypothesis import settings

LOCAL_EXAMPLES = 50
SCALES = {"dev": 1, "ci": 4}

for _name, _scale in SCALES.items():
    settings.register_profile(_name, max_examples=LOCAL_EXAMPLES * _scale, deadline=None)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
settings.load_profile(PROFILE)


def examples(local: int) -> int:
    """``local`` examples on a laptop, scaled by the profile's factor in CI."""
    return local * SCALES.get(PROFILE, 1)
