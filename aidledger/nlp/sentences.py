"""``aidledger_sentences``: sentence starts for a language without a trained parser.

spaCy's ``sentencizer`` ends a sentence at every full stop, but news abbreviates
inside its sentences ("ok. 300 mln zł", "4 млрд. доларів", "ca. 20 Mio."), and a
cut there parts an amount from the verb that gives it. Sentences here end where
:func:`~aidledger.nlp.quotemarks.sentence_bounds` says (final punctuation before
a word that is not in lower case, and paragraph breaks), never after an
abbreviation the language's data file lists.
"""

from __future__ import annotations

import bisect

from spacy.language import Language
from spacy.tokens import Doc

from aidledger.lang import load
from aidledger.nlp import doc_text
from aidledger.nlp.gazetteer import fold
from aidledger.nlp.quotemarks import sentence_bounds


class SentenceStarts:
    """Sets ``is_sent_start`` on every token from :func:`sentence_bounds` and the language's abbreviations."""

    def __init__(self, lang: str) -> None:
        self.abbreviations = frozenset(fold(a) for a in load(lang).abbreviations)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        starts = [token.idx for token in doc]
        first = {bisect.bisect_left(starts, start) for start, _ in sentence_bounds(doc_text(doc), self.abbreviations)}
        for token in doc:
            token.is_sent_start = token.i == 0 or token.i in first
        return doc


@Language.factory("aidledger_sentences", default_config={"lang": ""})
def make_sentences_component(nlp: Language, name: str, lang: str) -> SentenceStarts:
    """Sentence starts for ``lang`` (default: the pipeline's language)."""
    return SentenceStarts(lang or nlp.lang)
