"""A wire story's dateline: where and when it was filed, which names no one who acts in the story."""

from __future__ import annotations

import re

#: A dateline at the start of a line: an agency's credit in brackets may come first, then the city, then the date,
#: the region or the agency if any, then a dash or a colon ("BRUSSELS, April 15 -", "WASHINGTON (AP) —", "KYIV —",
#: "(ANSAmed) - BRUXELLES, 18 SET -", "Washington, DC:", "Ottawa, Ontario –", "Brussels, 21 March 2024 -").
_DATELINE = re.compile(
    r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*[\u2013\u2014-]?[ \t]*)?"
    r"(?P<city>[^\W\d_][^\W\d_ .'-]*(?:[ .'-]+[^\W\d_]+)*)[ \t]*"
    r"(?:(?P<where>,[^\n\u2013\u2014:-]{0,30})|\([^()\n]{1,30}\))?[ \t]*[\u2013\u2014:-]"
)

#: A dateline ends within this many characters of its line's start (so a long paragraph is not scanned).
DATELINE_CHARS = 80


def in_dateline(text: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies in a dateline: "BRUSSELS, April 15 - Donors pledged…" has no speaker,
    announcer, giver or recipient in Brussels; the city only says where the story was written (an official
    release writes it in lower case: "Washington, DC: On June 28, the Board…")."""
    line_start = text.rfind("\n", 0, start) + 1
    found = _DATELINE.match(text, line_start, line_start + DATELINE_CHARS)
    return found is not None and _filed_from(found) and end <= found.end()


#: What a release's dateline in lower case adds after its city and a comma: a date ("21 March 2024") or one
#: capitalised word, a region or a country ("DC", "D.C.", "Ontario", "Ukraine").
_WHERE = re.compile(r",[ \t]*(?:\d[\w.]*(?:[ \t]+[\w.]+){0,3}|[^\W\d_][\w.]*)[ \t]*")
#: The city of such a dateline: one to three capitalised words ("Washington", "New York").
_CITY = re.compile(r"[^\W\d_][\w'.-]*(?:[ \t][^\W\d_][\w'.-]*){0,2}")


def _filed_from(found: re.Match[str]) -> bool:
    """A city in capitals before a dash or a colon is a dateline. One in lower case only where a comma adds a
    date or a region and a spaced dash or a colon ends it ("Washington, DC:", "Brussels, 21 March 2024 –",
    "Dnipro, Ukraine -"): "Berlin – Germany will…" may also open a sentence with a name, "Zelensky, President
    of Ukraine:" introduces a quote, and "les Etats-Unis" holds a hyphen."""
    city, where = found.group("city"), found.group("where")
    if city.isupper():
        return True
    if where is None:
        return False
    spaced = found.group(0)[-1] in ":\u2013\u2014" or found.group(0)[-2:-1].isspace()
    added = where.lstrip(", \t")[:1]
    return (
        spaced
        and (added.isupper() or added.isdigit())
        and _WHERE.fullmatch(where) is not None
        and _CITY.fullmatch(city) is not None
        and all(word[:1].isupper() for word in city.split())
    )
