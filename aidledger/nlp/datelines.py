"""A wire story's dateline: where and when it was filed, which names no one who acts in the story."""

from __future__ import annotations

import re

#: A dateline at the start of a line: an agency's credit in brackets may come first, then the city in capitals,
#: then the date or the agency if any, then a dash ("BRUSSELS, April 15 -", "WASHINGTON (AP) —", "KYIV —",
#: "(ANSAmed) - BRUXELLES, 18 SET -").
_DATELINE = re.compile(
    r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*[\u2013\u2014-]?[ \t]*)?"
    r"(?P<city>[^\W\d_][^\W\d_ .'-]*(?:[ .'-]+[^\W\d_]+)*)[ \t]*(?:,[^\n\u2013\u2014-]{0,30}|\([^()\n]{1,30}\))?[ \t]*[\u2013\u2014-]"
)

#: A dateline ends within this many characters of its line's start (so a long paragraph is not scanned).
DATELINE_CHARS = 80


def in_dateline(text: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies in a dateline: "BRUSSELS, April 15 - Donors pledged…" has no speaker,
    announcer, giver or recipient in Brussels; the city only says where the story was written."""
    line_start = text.rfind("\n", 0, start) + 1
    found = _DATELINE.match(text, line_start, line_start + DATELINE_CHARS)
    return found is not None and found.group("city").isupper() and end <= found.end()
