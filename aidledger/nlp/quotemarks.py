"""Quotation marks and sentence bounds on raw text, for any language and any pipeline.

News copy mixes every quotation style, often in one article: « » with or
without the narrow spaces French puts inside them, “ ”, „ “, German » «, Swedish
” ” and » », ‘ ’, straight double and single quotes, backticks, and unbalanced
mixes such as “…" or « …”. Quotes run over several sentences and over
paragraphs: in English style each paragraph reopens the quote without closing
the previous one (each paragraph is then a quote of its own that continues the
one before, see :attr:`QuoteMarks.continues`), and some copy opens a quote,
breaks the paragraph and closes it further on. Pairing works on characters, not
tokens, so it needs no parser and also runs on blank pipelines; sentence bounds
are computed here too because a hard line break inside a sentence ("« dès que
possible »\\nles négociations") must not cut a quote from its attribution.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from aidledger.nlp.gazetteer import fold, ordinal_stop

#: Each opening mark and the marks that close it. German sets »…«; Swedish and Finnish open with the mark
#: that closes elsewhere (”…”, »…»).
_OPENERS = {"«": "»", "“": "”", "„": "“", "‘": "’", '"': '"', "‹": "›", "'": "'", "`": "`", "»": "«»", "”": "”"}
_CLOSERS = set("".join(_OPENERS.values()))
#: Closers that end any quote left open, whatever opened it ("“…\"", "« …”").
_LOOSE_CLOSERS = {"»", "”", '"'}
#: Final punctuation, the closing marks after it (a French « … » closes after a space: "… oublierons pas. »";
#: a German »…« with «), and the space before the next sentence. Possessive, and only from the start of a run,
#: so a run of 32,000 dots is scanned once, not 32,000 times.
_SENTENCE_END = re.compile(r"(?<![.!?…])[.!?…]++(?:[»«”\"’)\]]|[ \u00a0\u202f]+»)*+\s+")


@dataclass(frozen=True)
class QuoteMarks:
    """A quoted stretch: ``start``/``end`` delimit the words inside the marks."""

    start: int
    end: int
    open_at: int
    close_at: int | None
    continues: bool = False  # reopened after a paragraph break left it open: the same speech goes on

    @property
    def outer_end(self) -> int:
        """End of the quote including its closing mark (or of its words when it is never closed)."""
        return self.close_at + 1 if self.close_at is not None else self.end


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _role(text: str, i: int, stack: list[tuple[str, int]]) -> str | None:
    """'open', 'close', 'restart' or None (an apostrophe or a stray mark) for the mark at ``i``. A straight double
    mark between a word and a space before it and a word after it opens a quote; when another straight one is
    still open, that one lost its closing mark in the copy and ends there ('restart'): straight marks cannot
    nest, as no one could tell which of them closes. After a punctuation mark and a space it closes the open one,
    misplaced ('euros, "Tajani told MPs')."""
    ch = text[i]
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if ch == "'":  # an apostrophe unless it opens after a space ("said: 'The…") or closes an open "'"
        if stack and stack[-1][0] == "'" and not _is_word(nxt) and not prev.isspace():
            return "close"
        return "open" if (prev.isspace() or prev in "([") and _is_word(nxt) else None
    if ch == "`":  # a backtick pair some copy quotes a word with ("milhares de `drones`"), as "‘…’"
        if stack and stack[-1][0] == "`" and not _is_word(nxt):
            return "close"
        return "open" if not _is_word(prev) and _is_word(nxt) else None
    if ch in "‘’":
        if ch == "‘" and not _is_word(prev) and _is_word(nxt):
            return "open"
        if ch == "’" and stack and stack[-1][0] == "‘" and not _is_word(nxt):
            return "close"
        return None
    if ch == '"':
        if not stack:
            return "open" if not nxt.isspace() else None
        if prev.isspace() and _is_word(nxt) and stack[-1][0] == "«":
            return "open"
        if prev.isspace() and _is_word(nxt) and [c for c, _ in stack] == ['"'] and i > 1 and _is_word(text[i - 2]):
            return "restart"  # 'że Polska "pomaga od 2014 r., a "wsparcie wzrosło"': the first lost its closer
        return "close"
    if ch == "“":
        return "close" if stack and stack[-1][0] in '„“"' and not prev.isspace() and stack[-1][0] != "“" else "open"
    if ch == "«" and stack and stack[-1][0] == "»":  # German »…«
        return "close"
    if ch in "»”":  # a closing mark elsewhere; it opens where no quote is open and a word follows it
        if stack and stack[-1][0] == ch:
            return "close"
        return "open" if not stack and not _is_word(prev) and _is_word(nxt) else "close"
    return "open" if ch in _OPENERS else "close"


def _closes(opener: str, closer: str) -> bool:
    return closer in _OPENERS[opener] or (closer in _LOOSE_CLOSERS and opener in '«“„"')


def _line_break_action(text: str, i: int, opener: str) -> tuple[str, int]:
    """What an open quote does at the line break at ``i``: 'go on', 'reopen' (skip a mark) or 'stop'."""
    j = i
    while j < len(text) and text[j].isspace():
        j += 1
    if j >= len(text):
        return "stop", j
    ch = text[j]
    if ch == opener or (ch in _OPENERS and opener in '“"' and ch in '“"'):
        return "reopen", j
    if ch.islower() or ch in ',;:»”"' or _closed_further(text, j, opener):
        return "go on", j
    return "stop", j


def _closed_further(text: str, at: int, opener: str) -> bool:
    """Whether the paragraph starting at ``at`` closes the open quote before it opens another one
    ("“As the floods spread, we send tents.\n\nMore will follow,” the agency said")."""
    end = text.find("\n", at)
    for k in range(at, len(text) if end < 0 else end):
        ch = text[k]
        if ch not in _OPENERS and ch not in _CLOSERS:
            continue
        role = _role(text, k, [(opener, at)])
        if role == "close" and ch in '"\'' and text[k - 1].isspace():
            return False  # a straight mark after a space opens a quote
        if role is not None:
            return role == "close" and _closes(opener, ch)
    return False


def find_quotes(text: str) -> list[QuoteMarks]:
    """The outermost quoted stretches of ``text``, in order."""
    quotes: list[QuoteMarks] = []
    stack: list[tuple[str, int]] = []
    reopened = False
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\n" and stack:
            action, j = _line_break_action(text, i, stack[0][0])
            if action in ("stop", "reopen"):
                quotes.append(_make(text, stack[0][1], i, None, reopened))
                stack.clear()
                reopened = False
            if action == "reopen":
                stack.append((text[j], j))
                reopened = True
                i = j + 1
                continue
        elif ch in _OPENERS or ch in _CLOSERS:
            role = _role(text, i, stack)
            if role == "restart":  # a straight mark that can only open: the quote left open ends before it
                quotes.append(_make(text, stack[0][1], i, None, reopened))
                stack.clear()
                reopened = False
                role = "open"
            if role == "open":
                stack.append((ch, i))
            elif role == "close" and stack:
                depth = _closing_depth(stack, ch)
                if depth == 0:
                    quotes.append(_make(text, stack[0][1], i, i, reopened))
                    reopened = False
                del stack[depth:]
        i += 1
    if stack:
        quotes.append(_make(text, stack[0][1], len(text), None, reopened))
    return [q for q in quotes if q.end > q.start]


#: How many open quotes a closing mark looks back through for its opener: quotations nest two or three deep,
#: and a run of stray openers ("›«“›«“…") must not make every closing mark scan all of them.
NESTING = 8


def _closing_depth(stack: list[tuple[str, int]], closer: str) -> int:
    """The depth of the innermost open quote ``closer`` closes, among the :data:`NESTING` innermost; else the
    innermost."""
    inner = range(len(stack) - 1, max(-1, len(stack) - 1 - NESTING), -1)
    return next((d for d in inner if _closes(stack[d][0], closer)), len(stack) - 1)


def _make(text: str, open_at: int, end: int, close_at: int | None, continues: bool = False) -> QuoteMarks:
    """A quote with the spaces (and thin spaces) inside its marks trimmed off."""
    start = open_at + 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuoteMarks(start, end, open_at, close_at, continues)


def _no_break_before(text: str, at: int, abbreviations: frozenset[str] = frozenset()) -> bool:
    """True when the full stop before ``at`` ends an initial or an honorific ("M. Sajjan", "J. Smith", "Dr.
    Berg"), or one of ``abbreviations`` (folded, with their full stop: "ok.", "m.in."). A short word all in
    capitals is an acronym, which news ends sentences with ("…to the UN.", "…de l'UE.", "…від США.")."""
    m = re.search(r"(\S+)[.]\S*\s*$", text[max(0, at - 12) : at])
    word = m.group(1) if m else ""
    if abbreviations and fold(word.lstrip("(\"'«„“")) + "." in abbreviations:
        return True
    return len(word) <= 3 and word.isalpha() and word[:1].isupper() and (len(word) == 1 or word[1:].islower())


def line_breaks(text: str) -> list[int]:
    """Offsets where a line break ends a sentence: a blank line, or a line break before a line that does not
    continue the sentence (lower case or punctuation). A headline has no final stop, and its line break is
    all that ends it."""
    cuts = []
    for m in re.finditer(r"\n\s*", text):
        nxt = text[m.end() : m.end() + 1]
        if "\n\n" in m.group(0) or not (nxt.islower() or nxt in ",;:»”)"):
            cuts.append(m.end())
    return cuts


def sentence_bounds(
    text: str, abbreviations: frozenset[str] = frozenset(), ordinal_nouns: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """Sentence spans of ``text``: after final punctuation before a non-lower-case letter (not after one of
    the folded ``abbreviations``, nor after an ordinal before one of the folded ``ordinal_nouns``), and at line
    breaks unless the next line continues the sentence (lower case or punctuation)."""
    cuts = {0, len(text)}
    for m in _SENTENCE_END.finditer(text):
        nxt = text[m.end() : m.end() + 1]
        if (
            nxt
            and not nxt.islower()
            and not _no_break_before(text, m.end(), abbreviations)
            and not ordinal_stop(text, m.start(), m.end(), ordinal_nouns)
        ):
            cuts.add(m.end())
    cuts.update(line_breaks(text))
    ordered = sorted(cuts)
    return [(a, b) for a, b in zip(ordered, ordered[1:]) if text[a:b].strip()]
