"""Language identification for documents that do not declare their language."""

from __future__ import annotations

import functools

#: Below this many letters a guess is noise: fall back to the default.
MIN_LETTERS = 20
DEFAULT_LANG = "en"


@functools.cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)


def detect_language(text: str, default: str = DEFAULT_LANG) -> str:
    """ISO 639-1 code of the language of ``text`` (py3langid), ``default`` when too short to tell."""
    sample = text[:5000]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return default
    lang, _prob = _identifier().classify(sample)
    return lang
