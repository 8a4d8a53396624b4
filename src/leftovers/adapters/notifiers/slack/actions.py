"""The Slack app's interactive elements: the action ids the digest's buttons carry and the interactivity endpoint
answers. One table, so the renderer and the endpoint cannot drift apart.

Every resource line of an app-mode message carries these elements; each element's ``value`` is the resource key
(``str(ResourceKey)``, at most 2,000 characters as Slack allows; keys are bounded far below that), and the date
picker's chosen day arrives as ``selected_date`` (``YYYY-MM-DD``).
"""

from __future__ import annotations

from typing import Final

PREFIX: Final = "leftovers."
KEEP_7_DAYS: Final = PREFIX + "keep_7d"
KEEP_UNTIL: Final = PREFIX + "keep_until"  # a datepicker element
KEEP_FOREVER: Final = PREFIX + "keep_forever"  # may be disabled by configuration
NOT_MINE: Final = PREFIX + "not_mine"

ACTION_IDS: Final = (KEEP_7_DAYS, KEEP_UNTIL, KEEP_FOREVER, NOT_MINE)
