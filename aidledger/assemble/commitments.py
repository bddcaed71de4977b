"""Assembly of commitments from the annotations of a Doc, step by step.

1. :mod:`~aidledger.assemble.candidates`: the amounts whose sentence states giving and nothing that rules them out;
2. :mod:`~aidledger.assemble.donors`: who gives and who receives each one;
3. :mod:`~aidledger.assemble.packages`: one candidate per package (restatements merged; parts, envelopes,
   multi-recipient sums left out);
4. :mod:`~aidledger.assemble.in_kind`: commitments with no amount;
5. :mod:`~aidledger.assemble.fields`: each package's record (stage, date, aid type, mechanism, items, announcer).
"""

from __future__ import annotations

from spacy.tokens import Doc

from aidledger.assemble.article import Article
from aidledger.assemble.candidates import find_candidates
from aidledger.assemble.donors import fill_parties
from aidledger.assemble.fields import record
from aidledger.assemble.in_kind import in_kind
from aidledger.assemble.packages import has_several_recipients, is_envelope, is_part, merge_restated, plainly_given
from aidledger.schema import Commitment


def assemble_commitments(doc: Doc, url: str | None = None) -> list[Commitment]:
    """The commitments of an annotated Doc, in text order."""
    article = Article(doc, url)
    candidates = find_candidates(article)
    fill_parties(article, candidates)
    candidates = [c for c in candidates if plainly_given(article, c)]
    kept = merge_restated(article, candidates)
    kept = [c for c in kept if not is_envelope(article, c, kept) and not has_several_recipients(article, c)]
    kept = [c for c in kept if not is_part(article, c, kept)]
    kept = sorted(kept + in_kind(article, kept), key=lambda c: c.anchor)
    return [record(article, c, kept) for c in kept if c.donor is not None and c.recipient is not None]
