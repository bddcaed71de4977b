"""Extraction on every core: N worker processes, each loading the models once, results in input order.

:class:`WorkerPool` has the interface of :func:`aidledger.extract_documents`
(documents in, one extraction per document out, in input order, failures to
``on_error``), so ``aidledger ingest --workers N`` stores what it returns with
its one writer, as it does in one process. Documents go to the workers in
chunks (one ``nlp.pipe`` batch each); at most :data:`CHUNKS_PER_WORKER` chunks
per worker are in flight, so a corpus of any size streams through in bounded
memory. Workers are started with ``spawn``: they share nothing with the
parent (its database connections least of all) and load the spaCy models
they need on first use, once; as with any such pool, a script that uses it
runs it under ``if __name__ == "__main__":``. A worker that dies (killed, out of memory)
takes its chunk with it: each document of that chunk is retried alone in a
fresh pool, and one that kills its worker again is reported as failed.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

import aidledger
from aidledger.limits import FailedElsewhere, Limits, extraction_failure
from aidledger.schema import Document, Extraction

#: Documents per chunk: one batch through the pipeline, one round trip to a worker.
CHUNK = 8
#: Chunks in flight per worker: enough that no worker waits for the parent, few enough to bound memory.
CHUNKS_PER_WORKER = 3
#: Libraries that start a thread pool per process: one thread each, as each worker is one core's worth.
_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")

Outcome = Extraction | str  # an extraction, or the one-line reason the document failed


@dataclass(frozen=True)
class Options:
    """What every worker extracts with: the keyword arguments of :func:`aidledger.extract_documents`."""

    limits: Limits = Limits()
    triage: bool = False
    focused: bool = False


def _start_worker() -> None:
    for variable in _THREAD_VARIABLES:
        os.environ[variable] = "1"


def extract_chunk(documents: list[Document], options: Options) -> list[Outcome]:
    """The outcome of each document of a chunk, in order (runs in a worker; also the Ray actors' work)."""
    failures: dict[int, str] = {}

    def failed(document: Document, exc: Exception) -> None:
        failures[id(document)] = extraction_failure(exc)

    results = iter(
        aidledger.extract_documents(
            documents, on_error=failed, limits=options.limits, triage=options.triage, focused=options.focused
        )
    )
    outcomes: list[Outcome] = []
    for document in documents:  # extract_documents yields or fails each document in order
        outcome = next(results) if id(document) not in failures else None
        outcomes.append(failures.get(id(document)) if outcome is None else outcome)
    return outcomes


def deliver(
    documents: list[Document], outcomes: list[Outcome], on_error: Callable[[Document, Exception], None] | None
) -> Iterator[Extraction]:
    """Yield each extraction and pass each failure to ``on_error`` (raise it without one), in order."""
    for document, outcome in zip(documents, outcomes):
        if isinstance(outcome, Extraction):
            yield outcome
        elif on_error is None:
            raise FailedElsewhere(outcome)
        else:
            on_error(document, FailedElsewhere(outcome))


#: What a worker runs on a chunk: :func:`extract_chunk`, or a function of the same signature.
Job = Callable[[list[Document], Options], list[Outcome]]
DIED = "extraction failed: the worker process died (out of memory, or killed)"


class WorkerPool:
    """Extracts documents in ``workers`` processes; call it as :func:`aidledger.extract_documents`."""

    def __init__(self, workers: int, options: Options = Options(), chunk: int = CHUNK, job: Job = extract_chunk):
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        self.workers, self.options, self.chunk, self.job = workers, options, chunk, job

    def __call__(
        self, documents: Iterable[Document], on_error: Callable[[Document, Exception], None] | None = None
    ) -> Iterator[Extraction]:
        run = _Run(self)
        try:
            for chunk in chunks(documents, self.chunk):
                run.submit(chunk)
                while len(run.in_flight) >= self.workers * CHUNKS_PER_WORKER:
                    yield from deliver(*run.next(), on_error)
            while run.in_flight:
                yield from deliver(*run.next(), on_error)
        finally:
            run.pool.shutdown(wait=True, cancel_futures=True)

    def pool(self, workers: int | None = None) -> ProcessPoolExecutor:
        """A fresh pool of ``workers`` (default: all) processes."""
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(workers or self.workers, mp_context=context, initializer=_start_worker)


class _Run:
    """One pass of a pool over documents: the chunks in flight, and recovery when a worker dies."""

    def __init__(self, workers: WorkerPool) -> None:
        self.workers = workers
        self.pool = workers.pool()
        self.in_flight: deque[tuple[list[Document], Future[list[Outcome]]]] = deque()

    def submit(self, chunk: list[Document]) -> None:
        self.in_flight.append((chunk, self.pool.submit(self.workers.job, chunk, self.workers.options)))

    def next(self) -> tuple[list[Document], list[Outcome]]:
        """The oldest chunk and its outcomes. When a worker died, every future of the pool is lost: the
        oldest chunk's documents are retried one by one, each in a process of its own (one that kills it
        again failed), and the other chunks in flight go to a fresh pool."""
        chunk, future = self.in_flight.popleft()
        try:
            return chunk, future.result()
        except BrokenProcessPool:
            self.pool.shutdown(wait=True, cancel_futures=True)
            outcomes = [outcome for document in chunk for outcome in self._alone(document)]
            waiting = [chunk for chunk, _ in self.in_flight]
            self.pool, self.in_flight = self.workers.pool(), deque()
            for chunk_waiting in waiting:
                self.submit(chunk_waiting)
            return chunk, outcomes

    def _alone(self, document: Document) -> list[Outcome]:
        pool = self.workers.pool(1)
        try:
            return pool.submit(self.workers.job, [document], self.workers.options).result()
        except BrokenProcessPool:
            return [DIED]
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Consecutive lists of ``size`` documents (the last one shorter), read lazily."""
    iterator = iter(documents)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk
