"""Lemmas, so that a language file lists lemmas rather than every inflected form.

German, Polish or Ukrainian inflect what a data file names: "Ukrainy", "Ukrainie" and
"Ukrainę" are one country, "przekaże", "przekazała" one verb of giving. The lemmas
come from simplemma, which ships its tables for some fifty languages (nothing is
downloaded), so any language whose data file sets ``lemmatize: true`` matches its
lists by lemma (:class:`~aidledger.nlp.gazetteer.Gazetteer`). The French and English
files list forms, because tense matters to them ("annoncera" is anticipated,
"annonce" is not), so they keep ``lemmatize: false``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import simplemma

from aidledger.lang import load
from aidledger.nlp.gazetteer import WORD, Word, fold


@functools.cache
def lemmatizes(lang: str) -> bool:
    """True when the language's data file asks for matching by lemma and simplemma knows the language."""
    if not load(lang).raw.get("lemmatize"):
        return False
    try:
        simplemma.lemmatize("a", lang=lang)
    except ValueError:  # a language simplemma has no table for: forms only
        return False
    return True


@functools.lru_cache(maxsize=1 << 18)
def lemma(word: str, lang: str) -> str:
    """The folded lemma of one word (the folded word itself where the language is not lemmatised)."""
    if not lemmatizes(lang):
        return fold(word)
    return fold(simplemma.lemmatize(word, lang=lang))


@functools.lru_cache(maxsize=1 << 16)
def is_known(word: str, lang: str) -> bool:
    """True when the lemmatiser's dictionary holds the word as written (False where the language has none)."""
    return lemmatizes(lang) and simplemma.is_known(word, lang=lang)


def lemmatizer(lang: str) -> Callable[[str], str] | None:
    """The folded-lemma function of a language for a :class:`~aidledger.nlp.gazetteer.Gazetteer`, None without one."""
    return functools.partial(lemma, lang=lang) if lemmatizes(lang) else None


def words(text: str, lang: str) -> list[Word]:
    """The words of ``text`` with their folded forms and lemmas, in order."""
    folded = fold(text)
    return [Word(m.start(), m.end(), folded[m.start() : m.end()], lemma(m.group(0), lang)) for m in WORD.finditer(text)]
