"""The function words the assembly reads around names and amounts, per language.

Articles between a marker and a name ("à l'Ukraine", "to the UK"), words that
coordinate names ("la Suède, la Norvège et le Danemark"), words that open
a new clause after an amount ("…, qui fait face à…", "… as the front line shifts…"):
they come from the ``grammar`` section of the language files and are compiled
once per language.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from aidledger.lang import load
from aidledger.nlp.gazetteer import fold


@dataclass(frozen=True)
class Grammar:
    """Compiled patterns; ``articles`` and ``coordination`` apply to folded text, the others to the text."""

    articles: re.Pattern[str]  # trailing articles of the words before a name
    coordination: re.Pattern[str]  # the whole gap between two coordinated names
    clause_end: re.Pattern[str]  # where the clause of an amount ends on its right
    list_separator: re.Pattern[str]  # what separates the items of an enumeration
    future_auxiliaries: frozenset[str]  # folded lemmas of the words that make a future ("will send")
    conditional_auxiliaries: frozenset[str]  # folded lemmas of the words that make a conditional ("would send")


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) or r"(?!x)x"


@functools.cache
def grammar(lang: str) -> Grammar:
    """The compiled function-word patterns of a language."""
    section = load(lang).section("grammar")

    def words(key: str, folded: bool = False) -> str:
        values = [str(w) for w in section.get(key) or []]
        return _alternation([fold(w) for w in values] if folded else values)

    articles, coordinators = words("articles", folded=True), words("coordinators", folded=True)
    prepositions = words("prepositions", folded=True)
    return Grammar(
        articles=re.compile(rf"(?:(?<![\w'])(?:{articles})\s*)+$"),
        coordination=re.compile(
            rf"^\s*(?:,|{coordinators})?\s*(?:,|{coordinators})?\s*(?:{prepositions})?\s*(?:{articles})?\s*$"
        ),
        clause_end=re.compile(rf"[,;:()\[\]]|\s(?:{words('clause_openers')})\s", re.IGNORECASE),
        list_separator=re.compile(rf"[,;•\n]|\s(?:{words('coordinators')})\s"),
        future_auxiliaries=frozenset(fold(str(w)) for w in section.get("future_auxiliaries") or []),
        conditional_auxiliaries=frozenset(fold(str(w)) for w in section.get("conditional_auxiliaries") or []),
    )
