"""``aidledger_commitments``: the aid commitments of a Doc, assembled from the other components.

Adding it to a pipeline adds the components it reads first (money, dates,
actors, cues), so ``nlp.add_pipe("aidledger_commitments")`` is all a spaCy
user needs. Results: ``doc._.commitments``, a list of
:class:`aidledger.schema.Commitment`.

The component is trainable in spaCy's way: its decisions are small fitted
models (:mod:`aidledger.assemble.model`), shipped with the package, written by
``to_disk`` and read by ``from_disk`` (``nlp.to_disk(path)`` saves them with
the pipeline); ``aidledger train`` fits them on a gold file.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from aidledger.assemble.commitments import assemble_commitments
from aidledger.assemble.model import Models, shipped_models

#: Components whose annotations the assembly reads, in pipeline order.
REQUIRES = ("aidledger_money", "aidledger_dates", "aidledger_actors", "aidledger_cues")
WEIGHTS_FILE = "weights.json"


class CommitmentsComponent:
    """Sets ``doc._.commitments`` from the money, date, actor and cue annotations."""

    def __init__(self, nlp: Language, name: str, models: Models | None = None):
        self.name = name
        self._models = models

    @property
    def models(self) -> Models:
        """The fitted models: those read from disk or set, else the ones shipped with the package."""
        if self._models is None:
            self._models = shipped_models()
        return self._models

    def __call__(self, doc: Doc) -> Doc:
        doc._.commitments = assemble_commitments(doc, url=doc.user_data.get("aidledger.url"), models=self.models)
        return doc

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        self.models.to_disk(path / WEIGHTS_FILE)

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> CommitmentsComponent:
        self._models = Models.from_disk(Path(path) / WEIGHTS_FILE)
        return self


@Language.factory("aidledger_commitments", requires=[], assigns=["doc._.commitments"])
def make_commitments_component(nlp: Language, name: str) -> CommitmentsComponent:
    for required in REQUIRES:
        if required not in nlp.pipe_names:
            nlp.add_pipe(required)
    return CommitmentsComponent(nlp, name)
