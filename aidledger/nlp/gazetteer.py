"""Phrase lists matched on folded text, with character offsets into the original.

News copy writes one name many ways: "États-Unis", "Etats Unis", "Etats-Unis";
"l'Ukraine" with a straight or a curly apostrophe. Matching on a folded copy of
the text (lower case, accents removed, one apostrophe and one hyphen) that has
exactly the length of the original keeps every offset valid, so a match maps
back to the original characters and to spaCy tokens without alignment work.
Entries written in capitals ("US", "EU", "UE") are matched case-sensitively so
that "us" the pronoun is never the United States.

For a language matched by lemma (see :mod:`aidledger.nlp.lemmas`) the phrases
are also matched word by word against the text's lemmas: a word of a phrase
matches a word of the text with that form or that lemma ("liefern" matches
"geliefert"; "geliefert" only itself, so a data file keeps tense where it
matters). Two notations serve languages that join or split words: a word
written ``*minister`` matches any word ending so ("Verteidigungsminister",
"defensieminister"), ``gesamt*`` any word starting so, and `` … `` between two parts lets up to
:data:`GAP_WORDS` words of the same clause stand between them ("stellt 2
Milliarden Euro bereit" for "stellen … bereit"); the match is then the first part. A full
stop ends the clause unless it closes an abbreviation of the language ("sagt 500 Mio. Euro zu").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

_APOSTROPHES = "'’ʼ‘`´"
#: How the text and the phrases are cut into words for matching by lemma.
WORD = re.compile(r"\w+")
#: Marks a gap between the parts of a split phrase ("stellen … bereit").
GAP = "…"
#: Words that may stand in a gap, within one clause: a German or Dutch main clause holds its whole middle field
#: (recipient, object, amount, time) between the verb and its particle ("stellt der Ukraine … 500 Millionen Euro bereit").
GAP_WORDS = 20
#: Punctuation that ends a clause (a split phrase or a governing phrase does not reach past it).
CLAUSE_END = re.compile(r"[.!?;:\n]")
_PHRASE_WORD = re.compile(r"\*?\w+\*?")
_HYPHENS = "-‐‑‒–—"


def _fold_char(ch: str) -> str:
    if ch in _APOSTROPHES:
        return "'"
    if ch in _HYPHENS:
        return "-"
    if ch in "\u00a0\u202f\u2009":
        return " "
    base = unicodedata.normalize("NFD", ch)[0]
    low = base.lower()
    return low if len(low) == 1 else base


def _case_kept(ch: str) -> str:
    return _fold_char(ch).upper() if ch.isupper() else _fold_char(ch)


class _Table(dict):
    """Code point → one character, computed the first time ``str.translate`` meets the code point, so that
    folding runs at the speed of ``str.translate`` (each article's text is folded, and triage folds every one)."""

    def __init__(self, char: Callable[[str], str]) -> None:
        super().__init__()
        self.char = char

    def __missing__(self, code: int) -> str:
        self[code] = mapped = self.char(chr(code))
        return mapped


_FOLD_TABLE = _Table(_fold_char)
_CASE_KEPT_TABLE = _Table(_case_kept)


def fold(text: str) -> str:
    """Lower-case, accent-free copy of ``text`` with exactly the same length."""
    return text.translate(_FOLD_TABLE)


def keep_case_fold(text: str) -> str:
    """Like :func:`fold` but keeps letter case (for acronyms)."""
    return text.translate(_CASE_KEPT_TABLE)


#: What stands between the words of a phrase in the text: any run of spaces and hyphens.
_SEPARATOR = r"[\s\-]+"


def _phrase_pieces(phrase: str) -> list[str]:
    """The regex pieces that match a phrase one after the other: each character of its words, escaped, and
    :data:`_SEPARATOR` between the words (which hold no space or hyphen, so no piece overlaps another)."""
    pieces: list[str] = []
    for k, word in enumerate(w for w in re.split(_SEPARATOR, phrase.strip()) if w):
        if k:
            pieces.append(_SEPARATOR)
        pieces.extend(re.escape(ch) for ch in word)
    return pieces


def _trie_regex(phrases: Iterable[str]) -> str:
    """One regex for many phrases, nested as a trie of their pieces: at each position of the text the regex
    follows the phrases that share the characters read so far instead of trying every phrase in turn (a third
    of the time on the language data). A phrase is tried before any shorter one it begins with, so the
    longest phrase that matches at a position wins."""
    trie: dict[str, dict] = {}
    for phrase in phrases:
        node = trie
        for piece in _phrase_pieces(phrase):
            node = node.setdefault(piece, {})
        node[""] = {}  # a phrase ends here
    return _alternation(trie)


def _alternation(node: dict[str, dict]) -> str:
    """The regex of a trie node: its branches, the end of a phrase (the empty branch) last."""
    branches = [piece + _alternation(child) for piece, child in node.items() if piece]
    if "" in node:
        branches.append("")
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    key: str
    text: str


@dataclass(frozen=True, slots=True)
class Word:
    """A word of a text by character offsets, with its folded form and folded lemma."""

    start: int
    end: int
    form: str
    lemma: str


#: One word of a phrase matched by lemma: the folded strings it accepts, or ("suffix"|"prefix", text)
#: for "*minister" and "gesamt*".
_WordPattern = frozenset[str] | tuple[str, str]


@dataclass(frozen=True)
class _LemmaPhrase:
    parts: tuple[tuple[_WordPattern, ...], ...]  # consecutive words; a gap between parts
    key: str


def _accepts(pattern: _WordPattern, word: Word) -> bool:
    if isinstance(pattern, tuple):
        kind, part = pattern
        if kind == "suffix":
            return word.form.endswith(part) or word.lemma.endswith(part)
        return word.form.startswith(part)
    return word.form in pattern or word.lemma in pattern


@dataclass(frozen=True)
class _Stops:
    """The full stops a split phrase reaches over: after these folded abbreviations ("mio"), and after an
    ordinal in digits before one of these folded nouns ("3. märz", "3. paket")."""

    abbreviations: frozenset[str] = frozenset()
    ordinal_nouns: frozenset[str] = frozenset()


class _LemmaIndex:
    """Phrases matched word by word on forms and lemmas, with suffixes and gaps (see the module docstring)."""

    def __init__(
        self, phrases: Iterable[tuple[str, str]], lemmatizer: Callable[[str], str], inflect: bool, stops: _Stops
    ):
        self._stops = stops
        self._by_first: dict[str, list[_LemmaPhrase]] = {}
        self._wild_first: list[_LemmaPhrase] = []
        for phrase, key in phrases:
            parts = tuple(
                tuple(self._pattern(w, lemmatizer, inflect) for w in _PHRASE_WORD.findall(part))
                for part in re.split(rf"\s*(?:{GAP}|\.\.\.)\s*", phrase)
            )
            if not all(parts):
                continue
            entry = _LemmaPhrase(parts, key)
            first = parts[0][0]
            if isinstance(first, tuple):
                self._wild_first.append(entry)
            else:
                for accepted in first:
                    self._by_first.setdefault(accepted, []).append(entry)

    @staticmethod
    def _pattern(word: str, lemmatizer: Callable[[str], str], inflect: bool) -> _WordPattern:
        if word.startswith("*"):
            return ("suffix", fold(word[1:]))
        if word.endswith("*"):
            return ("prefix", fold(word[:-1]))
        accepted = {fold(word)}
        if inflect:  # a name written in any form ("Stany Zjednoczone") matches every form of its words
            accepted.add(lemmatizer(word))
        return frozenset(accepted)

    def finditer(self, words: Sequence[Word], text: str) -> Iterator[Match]:
        """Matches in text order; at one position, whole words before suffixes and prefixes."""
        for i, word in enumerate(words):
            seen: set[int] = set()
            for entry in [*self._by_first.get(word.form, ()), *self._by_first.get(word.lemma, ()), *self._wild_first]:
                if id(entry) in seen:
                    continue
                seen.add(id(entry))
                end = self._match(entry, words, i, text, self._stops)
                if end is not None:
                    yield Match(word.start, end, entry.key, text[word.start : end])

    @staticmethod
    def _match(
        entry: _LemmaPhrase, words: Sequence[Word], i: int, text: str, stops: _Stops
    ) -> int | None:
        """End offset of the first part when every part matches in order, else None."""
        first_end = None
        at = i
        for n, part in enumerate(entry.parts):
            if n == 0:
                if not _part_at(part, words, at):
                    return None
                first_end = words[at + len(part) - 1].end
                at += len(part)
                continue
            limit = min(len(words), at + GAP_WORDS + 1)
            found = None
            for j in range(at, limit):
                if _ends_clause(text, words[j - 1], words[j], stops):
                    break
                if _part_at(part, words, j):
                    found = j
                    break
            if found is None:
                return None
            at = found + len(part)
        return first_end


def _ends_clause(text: str, word: Word, following: Word, stops: _Stops) -> bool:
    """Whether a clause ends between ``word`` and the ``following`` one: a full stop after an abbreviation
    ("Mio.", "wys.") or after an ordinal before one of its nouns ("am 3. März") does not end it."""
    found = CLAUSE_END.search(text, word.end, following.start)
    if found is None:
        return False
    if found.group() != "." or found.start() != word.end:
        return True
    ordinal = ordinal_stop(text, found.start(), following.start, stops.ordinal_nouns)
    return not (word.form in stops.abbreviations or ordinal)


#: A number of at most three digits, read right before a full stop.
_ORDINAL_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}$")


def ordinal_stop(text: str, stop: int, after: int, nouns: frozenset[str]) -> bool:
    """True when the full stop at ``stop`` makes the number before it an ordinal, as German, Czech or Norwegian
    write one: before a month ("am 21. November 2023") or a noun that numbers a series ("das 3. Paket"), the
    word at ``after`` folded into ``nouns``, where a capital letter does not start a sentence."""
    if not nouns or text[stop : stop + 1] != "." or not _ORDINAL_NUMBER.search(text, max(0, stop - 4), stop):
        return False
    word = WORD.match(text, after)
    return bool(word) and fold(word.group(0)) in nouns


def _part_at(part: tuple[_WordPattern, ...], words: Sequence[Word], at: int) -> bool:
    return at + len(part) <= len(words) and all(_accepts(p, words[at + k]) for k, p in enumerate(part))


class Gazetteer:
    """Finds the longest phrases of a ``{key: [phrases]}`` mapping in a text.

    Phrases are matched on word boundaries. A phrase in capitals is matched with
    its case; any other phrase case- and accent-insensitively.
    """

    def __init__(
        self,
        entries: Mapping[str, Iterable[str]],
        lemmatizer: Callable[[str], str] | None = None,
        inflect: bool = False,
        abbreviations: Iterable[str] = (),
        ordinal_nouns: Iterable[str] = (),
    ):
        """``lemmatizer`` (a word's folded lemma) turns on matching by lemma; with ``inflect``
        the phrases' own words are lemmatised too (names: "Stany Zjednoczone" matches
        "Stanów Zjednoczonych"), else a phrase word matches as written (cue words keep their tense).
        ``abbreviations`` are words whose full stop does not end a clause in a split phrase ("Mio"), nor does
        an ordinal's before one of the folded ``ordinal_nouns`` ("stellt am 3. März … bereit")."""
        folded: dict[str, str] = {}
        cased: dict[str, str] = {}
        by_lemma: list[tuple[str, str]] = []
        for key, phrases in entries.items():
            for phrase in phrases or ():
                phrase = str(phrase).strip()
                if not phrase:
                    continue
                if phrase.upper() == phrase and any(c.isalpha() for c in phrase):
                    cased.setdefault(keep_case_fold(phrase), key)
                    continue
                if "*" in phrase or GAP in phrase or "..." in phrase:
                    by_lemma.append((phrase, key))
                    continue
                folded.setdefault(fold(phrase), key)
                by_lemma.append((phrase, key))
        if lemmatizer is None:  # forms only: the index serves the suffix and gap notations alone
            by_lemma = [(p, k) for p, k in by_lemma if "*" in p or GAP in p or "..." in p]
        self._lemmatizer = lemmatizer or fold
        self._lemma_index = (
            _LemmaIndex(
                by_lemma,
                self._lemmatizer,
                inflect,
                _Stops(frozenset(fold(a).rstrip(".") for a in abbreviations), frozenset(ordinal_nouns)),
            )
            if by_lemma
            else None
        )
        self._folded_lookup = {self._normalise(k): v for k, v in folded.items()}
        self._cased_lookup = {self._normalise(k): v for k, v in cased.items()}
        self._folded_re = self._compile(folded)
        self._cased_re = self._compile(cased)

    @staticmethod
    def _compile(table: Mapping[str, str]) -> re.Pattern[str] | None:
        if not table:
            return None
        return re.compile(rf"(?<![\w]){_trie_regex(table)}(?![\w])")

    @staticmethod
    def _normalise(phrase: str) -> str:
        return re.sub(r"[\s\-]+", " ", phrase)

    def finditer(
        self,
        text: str,
        folded: str | None = None,
        cased: str | None = None,
        words: Sequence[Word] | None = None,
    ) -> Iterator[Match]:
        """Yield non-overlapping matches, longest first at each position, in text order.

        ``folded`` and ``cased`` are :func:`fold` and :func:`keep_case_fold` of
        ``text``, and ``words`` its :class:`Word` list, passed in when the caller already has them.
        """
        found: list[Match] = []
        if self._folded_re is not None:
            self._collect(self._folded_re, self._folded_lookup, fold(text) if folded is None else folded, text, found)
        if self._cased_re is not None:
            self._collect(
                self._cased_re, self._cased_lookup, keep_case_fold(text) if cased is None else cased, text, found
            )
        if self._lemma_index is not None:  # after the phrases matched as written, which win a tie
            found.extend(self._lemma_index.finditer(self.words(text) if words is None else words, text))
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        last_end = -1
        for match in found:
            if match.start >= last_end:
                last_end = match.end
                yield match

    def words(self, text: str) -> list[Word]:
        """The words of ``text`` with their folded forms and lemmas."""
        folded = fold(text)
        return [
            Word(m.start(), m.end(), folded[m.start() : m.end()], self._lemmatizer(m.group(0)))
            for m in WORD.finditer(text)
        ]

    def _collect(
        self, regex: re.Pattern[str], lookup: dict[str, str], haystack: str, text: str, found: list[Match]
    ) -> None:
        for m in regex.finditer(haystack):
            key = lookup.get(self._normalise(m.group(0)))
            if key is not None:
                found.append(Match(m.start(), m.end(), key, text[m.start() : m.end()]))
