"""``aidledger_commitments``: the aid commitments of a Doc, assembled from the other components.

Adding it to a pipeline adds the components it reads first (money, dates,
actors, cues), so ``nlp.add_pipe("aidledger_commitments")`` is all a spaCy
user needs. Results: ``doc._.commitments``, a list of
:class:`aidledger.schema.Commitment`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from aidledger.assemble.commitments import assemble_commitments

#: Components whose annotations the assembly reads, in pipeline order.
REQUIRES = ("aidledger_money", "aidledger_dates", "aidledger_actors", "aidledger_cues")


class CommitmentsComponent:
    """Sets ``doc._.commitments`` from the money, date, actor and cue annotations."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.commitments = assemble_commitments(doc, url=doc.user_data.get("aidledger.url"))
        return doc


@Language.factory("aidledger_commitments", requires=[], assigns=["doc._.commitments"])
def make_commitments_component(nlp: Language, name: str) -> CommitmentsComponent:
    for required in REQUIRES:
        if required not in nlp.pipe_names:
            nlp.add_pipe(required)
    return CommitmentsComponent(nlp, name)
