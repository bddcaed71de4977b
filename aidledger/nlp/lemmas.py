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
    found = simplemma.lemmatize(word, lang=lang).replace("_", "")  # Dutch "uit_geven": the verb is "uitgeven"
    verb = verb_of_participle(found, lang) if word[:1].islower() else None  # "Estado" is a noun
    return fold(verb or found)


@functools.cache
def _participles(lang: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The data file's participle endings and the verb endings they come from, longest first."""
    rules = load(lang).section("grammar").get("participles") or {}
    return tuple(sorted(((str(k), tuple(map(str, v))) for k, v in rules.items()), key=lambda r: -len(r[0])))


def verb_of_participle(word: str, lang: str) -> str | None:
    """The verb a participle comes from ("enviado" → "enviar"), when the dictionary knows it: simplemma
    keeps some participles as adjectives, and the data files list verbs."""
    for ending, verb_endings in _participles(lang):
        if word.endswith(ending) and len(word) >= len(ending) + 2:
            stem = word[: -len(ending)]
            return next((stem + e for e in verb_endings if simplemma.is_known(stem + e, lang=lang)), None)
    return None


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
