"""Language of a document: the one it declares, else identified from its text."""

from __future__ import annotations

import functools

from py3langid.langid import MODEL_FILE, LanguageIdentifier

#: Below this many letters a guess is noise: fall back to the default.
MIN_LETTERS = 20
DEFAULT_LANG = "en"
#: Identification looks at the start only: a news article says which language it is in
#: within a few sentences, and scoring cost grows with length.
SAMPLE_CHARS = 2000
#: py3langid answers "no" for Norwegian; written Norwegian news is Bokmål, and spaCy (like the
#: evaluation data) calls it "nb".
IDENTIFIED_AS = {"no": "nb"}


@functools.cache
def _identifier() -> LanguageIdentifier:
    """The py3langid model, loaded once per process (loading takes a few hundred ms)."""
    return LanguageIdentifier.from_model_file(MODEL_FILE)


def detect_language(text: str, default: str = DEFAULT_LANG) -> str:
    """ISO 639-1 code of the language of ``text`` (py3langid), ``default`` when too short to tell.

    The model also has non-language labels ("zxx" for no linguistic content);
    those give ``default`` too, since no pipeline exists for them.
    """
    sample = (text or "")[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return default
    lang, _score = _identifier().classify(sample)
    return IDENTIFIED_AS.get(lang, lang) if len(lang) == 2 else default


def detectable_languages() -> frozenset[str]:
    """The ISO 639 codes py3langid can identify (a pipeline exists for each: a model or a blank one)."""
    return frozenset(code for code in _identifier().nb_classes if code.isalpha())
