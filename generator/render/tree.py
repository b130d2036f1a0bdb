"""tree: the virtual tree every render step returns and every publish step writes."""

from __future__ import annotations

#: Relative path (POSIX, from the output's root) -> text or bytes.
Tree = dict[str, str | bytes]
