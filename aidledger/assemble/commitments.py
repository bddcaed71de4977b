"""Assembly of commitments from the annotations of a Doc.

:mod:`~aidledger.assemble.mentions` proposes candidates with high recall;
:mod:`~aidledger.assemble.decide` weighs them with the fitted models of
:mod:`~aidledger.assemble.model` (features: :mod:`~aidledger.assemble.features`)
and reads the fields the text names outright (:mod:`~aidledger.assemble.fields`).
"""

from __future__ import annotations

from spacy.tokens import Doc

from aidledger.assemble.article import Article
from aidledger.assemble.decide import assemble
from aidledger.assemble.model import Models, shipped_models
from aidledger.schema import Commitment


def assemble_commitments(doc: Doc, url: str | None = None, models: Models | None = None) -> list[Commitment]:
    """The commitments of an annotated Doc, in text order (with the shipped models unless others are given)."""
    return assemble(Article(doc, url), models or shipped_models())
