"""Pipelines with the quote and entity components only, shared by their tests."""

from __future__ import annotations

import pytest
import spacy

import aidledger.nlp.pipeline  # noqa: F401  (registers the factories)
from aidledger.nlp.pipeline import MODELS


@pytest.fixture(scope="session")
def nlps() -> dict[str, spacy.Language]:
    loaded = {}
    for lang, model in MODELS.items():
        nlp = spacy.load(model)
        nlp.add_pipe("aidledger_quotes")
        nlp.add_pipe("aidledger_entities")
        loaded[lang] = nlp
    return loaded
