"""The describe table: resource type -> how to ask its service whether a resource still exists.

One row per type, the ``check`` of each declaration in the resource registry (``leftovers.resources``). The ids
are AWS Config's, the same the sources store. A status listed in ``gone_states`` counts as gone because the
resource no longer bills (an EMR cluster TERMINATED, a KMS key PendingDeletion, a stack DELETE_COMPLETE).
"""

from __future__ import annotations

from leftovers.resources import Describe, all_types

ROWS: dict[str, Describe] = {t.type: t.check for t in all_types() if t.check is not None}
