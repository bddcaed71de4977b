"""``aidledger_sentences``: sentence starts for a language without a trained parser; ``aidledger_line_breaks``:
the line breaks a trained parser must cut at.

spaCy's ``sentencizer`` ends a sentence at every full stop, but news abbreviates
inside its sentences ("ok. 300 mln zł", "4 млрд. доларів", "ca. 20 Mio."), and a
cut there parts an amount from the verb that gives it. Sentences here end where
:func:`~aidledger.nlp.quotemarks.sentence_bounds` says (final punctuation before
a word that is not in lower case, and paragraph breaks), never after an
abbreviation the language's data file lists.

A trained parser cuts sentences itself, but it reads a headline without a final
stop and the paragraph under it as one sentence ("Le Japon débloque une aide pour
la Jordanie / Tokyo versera 30 millions…" parsed as "la Jordanie … versera"),
and the words above a headline (a banner) decide how. ``aidledger_line_breaks``
runs before the parser and starts a sentence at each line break
:func:`~aidledger.nlp.quotemarks.line_breaks` gives, which the parser respects;
the focused pipeline (:mod:`aidledger.nlp.focus`) sets the same starts on the
regions it analyses.
"""

from __future__ import annotations

import bisect

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from aidledger.lang import load
from aidledger.nlp import doc_text
from aidledger.nlp.dates import ordinal_nouns
from aidledger.nlp.gazetteer import fold
from aidledger.nlp.quotemarks import line_breaks, sentence_bounds


class SentenceStarts:
    """Sets ``is_sent_start`` on every token from :func:`sentence_bounds`, the language's abbreviations and the
    nouns an ordinal with a full stop comes before (its month names, the ``series`` nouns: "am 21. November",
    "das 3. Paket")."""

    def __init__(self, lang: str) -> None:
        self.abbreviations = frozenset(fold(a) for a in load(lang).abbreviations)
        self.ordinal_nouns = ordinal_nouns(lang)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        starts = [token.idx for token in doc]
        bounds = sentence_bounds(doc_text(doc), self.abbreviations, self.ordinal_nouns)
        first = {bisect.bisect_left(starts, start) for start, _ in bounds}
        for token in doc:
            token.is_sent_start = token.i == 0 or token.i in first
        return doc


@Language.factory("aidledger_sentences", default_config={"lang": ""})
def make_sentences_component(nlp: Language, name: str, lang: str) -> SentenceStarts:
    """Sentence starts for ``lang`` (default: the pipeline's language)."""
    return SentenceStarts(lang or nlp.lang)


def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence at every line break that ends the one before (other starts are left to the parser).

    The start is set on the line break's own whitespace token, which the parser then closes as a sentence of
    its own: set on the next line's first word, it makes the trained parsers cut that word off too ("Tokyo |
    versera 30 millions"), a state they were not trained on."""
    starts = doc.to_array(IDX)  # one array, not a Token object per word
    for offset in line_breaks(doc_text(doc)):
        index = int(starts.searchsorted(offset))
        if 0 < index < len(doc) and starts[index] == offset:
            doc[index - 1 if doc[index - 1].is_space else index].is_sent_start = True
    return doc


@Language.factory("aidledger_line_breaks")
def make_line_breaks_component(nlp: Language, name: str):
    """Sentence starts at line breaks, for a trained parser to respect (see the module)."""
    return mark_line_breaks
