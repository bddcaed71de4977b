"""spaCy components that annotate a Doc with what aid news states.

Each extractor is a registered spaCy factory (``aidledger_money``,
``aidledger_dates``, ``aidledger_actors``, ``aidledger_cues``,
``aidledger_commitments``, ...) that writes its results to a ``Doc``
extension, so any spaCy pipeline can use them::

    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("aidledger_commitments")   # adds the components it needs first

Extensions set on every Doc:

- ``doc._.published``: the publication date, set by the caller before the pipeline runs;
- ``doc._.money``: :class:`~aidledger.nlp.money.Money` mentions;
- ``doc._.dates``: :class:`~aidledger.nlp.dates.DateMention` mentions, resolved;
- ``doc._.actors``: :class:`~aidledger.nlp.actors.Actor` mentions (countries, organisations, metonyms);
- ``doc._.cues``: :class:`~aidledger.nlp.cues.Cue` mentions (aid words, stage, mechanism, items...);
- ``doc._.commitments``: :class:`~aidledger.schema.Commitment` records.

Language knowledge comes from the data files (:mod:`aidledger.lang`), matched by
lemma where the language asks for it (:mod:`aidledger.nlp.lemmas`), so a blank
pipeline with a sentencizer is enough for a language with a data file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from spacy.tokens import Doc

from aidledger.nlp.gazetteer import Word, fold, keep_case_fold
from aidledger.nlp.lemmas import words
from aidledger.nlp.quotemarks import QuoteMarks, find_quotes, sentence_bounds

T = TypeVar("T")

for _name in ("published", "money", "dates", "actors", "cues", "commitments", "quotes", "entities"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def per_doc(doc: Doc, key: str, compute: Callable[[], T]) -> T:
    """A value computed once per Doc and kept in ``doc.user_data`` under ``aidledger.<key>``."""
    slot = f"aidledger.{key}"
    if slot not in doc.user_data:
        doc.user_data[slot] = compute()
    return doc.user_data[slot]


def kept(doc: Doc, key: str) -> object | None:
    """The value :func:`per_doc` keeps under ``key``, None when nothing computed it yet."""
    return doc.user_data.get(f"aidledger.{key}")


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc: spaCy rebuilds the string from the tokens on every access."""
    return per_doc(doc, "text", lambda: doc.text)


def keep_text(doc: Doc, text: str) -> None:
    """Give :func:`doc_text` the text a Doc was made from (its text, character for character), so that it is
    never rebuilt from the tokens."""
    per_doc(doc, "text", lambda: text)


def folded(doc: Doc) -> str:
    """The :func:`~aidledger.nlp.gazetteer.fold` of the doc text, computed once per Doc."""
    return per_doc(doc, "folded", lambda: fold(doc_text(doc)))


def cased(doc: Doc) -> str:
    """The :func:`~aidledger.nlp.gazetteer.keep_case_fold` of the doc text, computed once per Doc."""
    return per_doc(doc, "cased", lambda: keep_case_fold(doc_text(doc)))


class Annotator:
    """A spaCy component that sets one Doc extension to a function of the Doc (money, actors, cues)."""

    def __init__(self, name: str, attribute: str, annotate: Callable[[Doc], object]):
        self.name = name
        self.attribute = attribute
        self.annotate = annotate

    def __call__(self, doc: Doc) -> Doc:
        setattr(doc._, self.attribute, self.annotate(doc))
        return doc


def doc_quotes(doc: Doc) -> list[QuoteMarks]:
    """The quoted stretches of the doc text (:func:`~aidledger.nlp.quotemarks.find_quotes`), found once per
    Doc: the focus, the entities, the speakers, the quotes and the assembly all read them."""
    return per_doc(doc, "quote_marks", lambda: find_quotes(doc_text(doc)))


def doc_sentences(doc: Doc) -> list[tuple[int, int]]:
    """The sentence spans of the doc text (:func:`~aidledger.nlp.quotemarks.sentence_bounds`), cut once per
    Doc for the focus, the speakers and the quotes."""
    return per_doc(doc, "sentence_bounds", lambda: sentence_bounds(doc_text(doc)))


def doc_words(doc: Doc) -> list[Word]:
    """The words of the doc text with their lemmas (:func:`~aidledger.nlp.lemmas.words`), computed once per Doc."""
    return per_doc(doc, "words", lambda: words(doc_text(doc), lang_of(doc)))


def lang_of(doc: Doc) -> str:
    """The language whose data applies to a Doc: the pipeline's, or one set by the caller."""
    return doc.user_data.get("aidledger.lang") or doc.lang_
