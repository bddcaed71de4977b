"""Punctuation and symbol runs kept whole, so spaCy's tokenizer never works on them.

spaCy's tokenizer peels prefixes and suffixes off a whitespace-free chunk one
character at a time, re-scanning what is left each time: a run of 8,000
quotes, brackets, commas or ``&`` takes seconds, and time grows with the
square of its length (so does a run of underscores). No article needs such a run split, so
:class:`RunSafeTokenizer` hands each run of :data:`MIN_RUN` or more
punctuation or symbol characters to the Doc as one token and tokenizes the
text between runs as usual. The Doc's text is the input text, character for
character, so every offset holds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from spacy.tokens import Doc
from spacy.vocab import Vocab

from aidledger.nlp import keep_text

#: Shorter runs ("...", "?!", "--", "»,") are ordinary punctuation and left to the tokenizer.
MIN_RUN = 16
#: Punctuation and symbols (characters neither alphanumeric nor whitespace, and "_"), MIN_RUN or more in a row.
RUN = re.compile(rf"(?:[^\w\s]|_){{{MIN_RUN},}}")


def pieces(text: str) -> Iterator[tuple[str, bool]]:
    """``text`` cut into consecutive pieces, each with whether it is a run (True) or text between runs."""
    at = 0
    for match in RUN.finditer(text):
        if match.start() > at:
            yield text[at : match.start()], False
        yield match.group(), True
        at = match.end()
    if at < len(text):
        yield text[at:], False


class RunSafeTokenizer:
    """Wraps a pipeline's tokenizer: each punctuation run becomes one token, the rest is tokenized as before."""

    def __init__(self, tokenizer: Callable[[str], Doc], vocab: Vocab) -> None:
        self.tokenizer = tokenizer
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        doc = self._tokenize(text)
        keep_text(doc, text)
        return doc

    def _tokenize(self, text: str) -> Doc:
        if RUN.search(text) is None:
            return self.tokenizer(text)
        words: list[str] = []
        spaces: list[bool] = []
        for piece, is_run in pieces(text):
            if is_run:
                words.append(piece)
                spaces.append(False)
                continue
            for token in self.tokenizer(piece):
                words.append(token.text)
                spaces.append(bool(token.whitespace_))
        return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts, batch_size: int = 1000) -> Iterator[Doc]:
        """spaCy's tokenizer interface: one Doc per text."""
        for text in texts:
            yield self(text)
