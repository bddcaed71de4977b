"""Extraction with Ray Data, on a local Ray or a cluster: an actor pool, one model set per actor.

:class:`RayEngine` has the interface of :func:`aidledger.extract_documents`, so
``aidledger ingest --engine ray`` stores what it returns with its one writer,
on the machine that runs the command, exactly as with ``--workers``. The
documents (read, and looked up in the ledger, by the command) become a Ray
dataset; ``map_batches`` sends batches of them to a pool of actors, each of
which loads the spaCy models once and runs :func:`aidledger.workers.extract_chunk`
on each batch; results come back in input order. The corpus goes to Ray in
datasets of at most :data:`DATASET_DOCUMENTS` documents, so a replay of any
size streams through bounded memory (each dataset starts its actor pool
afresh, which costs the loading of the models once per actor).

Without ``address`` a local Ray is started for the run (and stopped after);
with one (``auto``, ``ray://head:10001``), the command joins that cluster, whose
nodes must have aidledger and its models installed. Ray is an optional
dependency: ``pip install 'aidledger[ray]'`` (``make setup`` installs it).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from aidledger.schema import Document, Extraction
from aidledger.workers import CHUNK, Job, Options, Outcome, chunks, deliver, extract_chunk

#: Documents per Ray dataset: each starts its actor pool once, so big enough for the models' loading to
#: be a small share of its time, small enough to bound what is held in memory.
DATASET_DOCUMENTS = 5_000


class RayUnavailable(RuntimeError):
    """Ray is not installed."""


def _ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError:
        raise RayUnavailable("--engine ray needs Ray: pip install 'aidledger[ray]'") from None
    return ray


class ChunkExtractor:
    """A Ray Data actor: loads the models on its first batch, once, and runs ``job`` (by default
    :func:`~aidledger.workers.extract_chunk`) on each batch it is given."""

    def __init__(self, options: Options, job: Job = extract_chunk) -> None:
        self.options, self.job = options, job

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import numpy

        documents = [Document.model_validate_json(text) for text in batch["document"]]
        outcomes = self.job(documents, self.options)
        return {"outcome": numpy.array([_encoded(outcome) for outcome in outcomes], dtype=object)}


def _encoded(outcome: Outcome) -> str:
    if isinstance(outcome, Extraction):
        return json.dumps({"extraction": outcome.model_dump(mode="json")})
    return json.dumps({"failure": outcome})


def _decoded(text: str) -> Outcome:
    value = json.loads(text)
    return Extraction.model_validate(value["extraction"]) if "extraction" in value else value["failure"]


class RayEngine:
    """Extracts documents with Ray Data; call it as :func:`aidledger.extract_documents`.

    ``actors`` defaults to the CPUs of the cluster (of this machine, for a local Ray); ``job`` is what each
    actor runs on a batch, as for :class:`~aidledger.workers.WorkerPool`.
    """

    def __init__(
        self,
        address: str | None = None,
        actors: int | None = None,
        options: Options = Options(),
        batch: int = CHUNK,
        dataset_documents: int = DATASET_DOCUMENTS,
        job: Job = extract_chunk,
    ) -> None:
        self.address, self.actors, self.options = address, actors, options
        self.batch, self.dataset_documents, self.job = batch, dataset_documents, job

    def __call__(
        self, documents: Iterable[Document], on_error: Callable[[Document, Exception], None] | None = None
    ) -> Iterator[Extraction]:
        ray = _ray()
        started = not ray.is_initialized()
        if started:
            self._start(ray)
        try:
            context = ray.data.DataContext.get_current()
            context.execution_options.preserve_order = True  # outcomes pair with documents by position
            context.enable_progress_bars = False  # the command draws its own
            actors = self.actors or max(1, int(ray.cluster_resources().get("CPU", 1)))
            for window in chunks(documents, self.dataset_documents):
                yield from deliver(window, self._outcomes(ray, window, actors), on_error)
        finally:
            if started:
                ray.shutdown()

    def _start(self, ray: Any) -> None:
        """Join the cluster at ``address``, or start a local Ray with ``actors`` CPUs (default: all)."""
        quiet = {"include_dashboard": False, "log_to_driver": False, "logging_level": logging.ERROR}
        if self.address:
            ray.init(address=self.address, **quiet)
        else:
            ray.init(num_cpus=self.actors, **quiet)
        logging.getLogger("ray.data").setLevel(logging.ERROR)  # its progress lines would break through ours

    def _outcomes(self, ray: Any, documents: list[Document], actors: int) -> Iterator[Outcome]:
        """The outcome of each document of one dataset, in order, as they come; when the dataset fails (an
        actor died again after Ray restarted it: out of memory, a node lost), each document not done yet
        fails with it."""
        done = 0
        try:
            for outcome in self._extract(ray, documents, actors):
                done += 1
                yield outcome
        except Exception as exc:  # a Ray error; running the command again retries these documents
            reason = " ".join(str(exc).split())[:200]
            yield from [f"extraction failed: Ray: {type(exc).__name__}: {reason}"] * (len(documents) - done)

    def _extract(self, ray: Any, documents: list[Document], actors: int) -> Iterator[Outcome]:
        dataset = ray.data.from_items([{"document": document.model_dump_json()} for document in documents])
        extracted = dataset.map_batches(
            ChunkExtractor,
            fn_constructor_kwargs={"options": self.options, "job": self.job},
            compute=ray.data.ActorPoolStrategy(size=min(actors, len(documents))),
            batch_size=self.batch,
            batch_format="numpy",
            num_cpus=1,
        )
        return (_decoded(row["outcome"]) for row in extracted.iter_rows())
