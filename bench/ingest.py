"""Throughput of ingestion at scale: triage, focused analysis, worker processes and Ray, against the whole
pipeline on every document.

Two corpora, built at run time:

- **aid-relevant articles**: each is one French or English passage of
  ``../shared/eval/dev.jsonl`` (the report of a commitment, read at run time,
  never stored) followed by generated context paragraphs (:mod:`newsmix`: the
  war, politics, the economy) up to about :data:`ARTICLE_WORDS` words, the
  length of a wire story, as the body of an article puts context around its news;
- **a general news mix**: generated articles on ten topics (:mod:`newsmix`),
  with aid-relevant articles making up :data:`RELEVANT_SHARE` of it.

Measured, in documents per second:

1. the whole pipeline (``aidledger.extract_documents``, no triage, no focus:
   the engine before this benchmark's features) and ``--triage --focus`` on
   the relevant articles, in this process, on one core, in CPU seconds (best
   of three runs), which another program's load on the machine cannot bend,
   each after an untimed pass over the same articles, so that no run pays for
   the caches another fills;
2. the same on the mix: the whole pipeline's time on the mix is the sum of its
   per-document times measured on samples of each kind (running it over
   thousands of documents would take too long), ``--triage --focus`` is run on
   the whole mix;
3. ``--workers 1`` and ``--workers 2`` (:class:`aidledger.workers.WorkerPool`)
   and Ray Data on a local Ray with 2 CPUs (:class:`aidledger.raydata.RayEngine`)
   on the relevant articles, in wall-clock time while every worker is busy:
   each worker notes when it extracts which chunk, and the span runs from the
   moment the last worker is done with its first chunk (its models loaded) to
   the moment the first is done with its last; starting the processes and
   loading the models, once per run, do not grow with the corpus;
4. the peak resident memory of a worker process (the largest of them);
5. the one writer's pace, which bounds what more workers or nodes can add:
   look-ups of documents in a SQLite ledger (is it stored already?) and
   articles stored with their commitments, per second.

The last five lines are ``mix_speedup``, ``relevant_speedup``,
``workers_speedup``, ``ray_vs_workers`` and ``peak_rss_mb_per_worker``; the
targets are at least 20, 1.5, 1.7 and 0.75, and below 1500.
"""

from __future__ import annotations

import os

# One thread per process: set before numpy/spaCy are imported, or their thread pools are already sized.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse
import json
import random
import resource
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import newsmix

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "eval" / "dev.jsonl"
ARTICLE_WORDS = 450
RELEVANT_SHARE = 0.05


def relevant_articles(path: Path, n: int, rng: random.Random) -> list[tuple[str, str]]:
    """``n`` (lang, text) aid-relevant articles: a dev passage (French, English in turn) and context after it."""
    passages: dict[str, list[str]] = {"fr": [], "en": []}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("lang") in passages and row.get("commitments"):
                passages[row["lang"]].append(row["text"])
    articles = []
    for i in range(n):
        lang = ("fr", "en")[i % 2]
        text = passages[lang][(i // 2) % len(passages[lang])]
        while len(text.split()) < ARTICLE_WORDS:
            text += "\n\n" + newsmix.background(lang, rng, 1)[0]
        articles.append((lang, text))
    return articles


def news_mix(relevant: list[tuple[str, str]], n: int, rng: random.Random) -> list[tuple[str, str]]:
    """``n`` articles, :data:`RELEVANT_SHARE` of them aid-relevant, the rest general news, shuffled."""
    n_relevant = max(1, round(n * RELEVANT_SHARE))
    mix = [relevant[i % len(relevant)] for i in range(n_relevant)] + newsmix.general_articles(n - n_relevant, rng)
    rng.shuffle(mix)
    return mix


def documents(articles: Iterable[tuple[str, str]]):
    from aidledger.schema import Document

    return [Document(id=str(i), text=text, lang=lang) for i, (lang, text) in enumerate(articles)]


def cpu_seconds(run: Callable[[], object], repeats: int) -> float:
    """The least CPU time of this process over ``repeats`` runs."""
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def in_process(docs, triage: bool, focused: bool) -> Callable[[], list]:
    import aidledger

    return lambda: list(aidledger.extract_documents(docs, triage=triage, focused=focused))


#: Where each worker's job writes when it extracted which chunk (the environment reaches every worker).
TIMES = "AIDLEDGER_BENCH_TIMES"


def timed_chunk(documents: list, options) -> list:
    """:func:`aidledger.workers.extract_chunk`, and a line of its process, start and end (wall clock), size
    and CPU seconds."""
    from aidledger.workers import extract_chunk

    start, cpu = time.time(), time.process_time()
    outcomes = extract_chunk(documents, options)
    with open(os.environ[TIMES], "a", encoding="utf-8") as fh:
        fh.write(f"{os.getpid()}\t{start}\t{time.time()}\t{len(documents)}\t{time.process_time() - cpu}\n")
    return outcomes


def steady_rate(engine: Callable, docs: list) -> tuple[float, float]:
    """Documents per wall-clock second while every worker is busy: from the moment the last of them has
    finished its first chunk (the models loaded) to the moment the first of them finishes its last one,
    counting each chunk in proportion to the part of it that falls in that span; and the share of a CPU
    the workers had meanwhile (the rest went to other programs)."""
    import tempfile

    with tempfile.NamedTemporaryFile("r", suffix=".tsv") as times:
        os.environ[TIMES] = times.name
        for _ in engine(docs):
            pass
        rows = [row.split("\t") for row in times]
    chunks = [(int(pid), float(a), float(b), int(n), float(cpu)) for pid, a, b, n, cpu in rows]
    workers = {pid for pid, *_ in chunks}
    begin = max(min(end for pid, _, end, *_ in chunks if pid == worker) for worker in workers)
    stop = min(max(end for pid, _, end, *_ in chunks if pid == worker) for worker in workers)
    inside = [(n, cpu, end - start, max(0.0, min(end, stop) - max(start, begin))) for _, start, end, n, cpu in chunks]
    done = sum(n * part / wall for n, _, wall, part in inside)
    cpu_share = sum(cpu * part / wall for _, cpu, wall, part in inside) / (len(workers) * (stop - begin))
    return done / (stop - begin), cpu_share


def writer_pace(extractions: list, stored: list, looked_up: list) -> tuple[float, float]:
    """Look-ups and stores per wall-clock second of the one writer, in a fresh SQLite ledger."""
    import tempfile

    from aidledger.ledger.store import Ledger

    with tempfile.TemporaryDirectory() as folder:
        ledger = Ledger(str(Path(folder) / "bench.db"))
        start = time.perf_counter()
        for document, extraction in zip(stored, extractions):
            ledger.add(document, extraction)
        stores = len(stored) / (time.perf_counter() - start)
        start = time.perf_counter()
        for document in looked_up:
            ledger.knows(document)
        lookups = len(looked_up) / (time.perf_counter() - start)
    return lookups, stores


def line(label: str, per_second: float, unit: str = "documents/s") -> None:
    print(f"  {label:<62} {per_second:9.2f} {unit}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="Small corpora: under 3 minutes.")
    parser.add_argument("--dev", type=Path, default=DEV, help="Source of aid reports (default ../shared/eval/dev.jsonl).")
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args(argv)
    if not args.dev.exists():
        print(f"error: {args.dev}: not found", file=sys.stderr)
        return 2
    n_relevant, n_mix, n_sample, n_parallel, repeats = (16, 400, 16, 96, 3) if args.quick else (60, 2000, 40, 240, 3)

    import spacy

    from aidledger.raydata import RayEngine
    from aidledger.workers import Options, WorkerPool

    rng = random.Random(args.seed)
    relevant = documents(relevant_articles(args.dev, n_relevant, rng))
    mix = documents(news_mix(relevant_articles(args.dev, n_relevant, rng), n_mix, rng))
    general = documents(newsmix.general_articles(n_sample, rng))
    words = sum(len(d.text.split()) for d in relevant) / len(relevant)
    print(f"spaCy {spacy.__version__}; {len(relevant)} aid-relevant articles of {words:.0f} words on average; "
          f"a mix of {len(mix)} ({RELEVANT_SHARE:.0%} relevant); CPU seconds on one core unless said")
    # Load the models and fill the process's caches (lexemes, lemmas, memoised look-ups) outside the timings,
    # for every timed run alike: a first pass over a corpus fills them, and whichever run came first on it
    # (the whole pipeline) would pay for the runs after it.
    for focused in (False, True):
        in_process(relevant, focused, focused)()
    in_process(general, False, False)()

    whole_relevant = len(relevant) / cpu_seconds(in_process(relevant, False, False), repeats)
    ours_relevant = len(relevant) / cpu_seconds(in_process(relevant, True, True), repeats)
    line("relevant articles, whole pipeline", whole_relevant)
    line("relevant articles, --triage --focus", ours_relevant)

    per_general = cpu_seconds(in_process(general, False, False), repeats) / len(general)
    n_mix_relevant = max(1, round(len(mix) * RELEVANT_SHARE))
    whole_mix = len(mix) / ((len(mix) - n_mix_relevant) * per_general + n_mix_relevant / whole_relevant)
    ours_mix = len(mix) / cpu_seconds(in_process(mix, True, True), repeats)
    passed = sum(1 for r in in_process(mix, True, False)() if not r.triaged_out)
    line("news mix, whole pipeline (from per-document times)", whole_mix)
    line("news mix, --triage --focus", ours_mix)
    print(f"  triage let through {passed} of {len(mix)} ({n_mix_relevant} relevant)")

    options = Options(triage=True, focused=True)
    parallel = (relevant * (n_parallel // len(relevant) + 1))[:n_parallel]
    rates, per_cpu = {}, {}
    for workers in (1, 2):
        rates[workers], share = steady_rate(WorkerPool(workers, options, job=timed_chunk), parallel)
        per_cpu[f"--workers {workers}"] = rates[workers] / (workers * share)
        line(f"--workers {workers} (wall clock; each had {share:.0%} of a CPU)", rates[workers])
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    ray_rate, share = steady_rate(RayEngine(actors=2, options=options, job=timed_chunk), parallel)
    per_cpu["Ray"] = ray_rate / (2 * share)
    line(f"Ray Data, local Ray with 2 CPUs (wall clock; {share:.0%} of a CPU each)", ray_rate)
    print("  per CPU-second the workers had (the machine's other programs took the rest): "
          + ", ".join(f"{name} {rate:.1f}" for name, rate in per_cpu.items()))
    print(f"  peak resident memory of a worker: {peak_mb:.0f} MB; this machine: {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}")

    lookups, stores = writer_pace(in_process(relevant, True, True)(), relevant, mix)
    line("the writer: look-ups in the ledger (SQLite)", lookups)
    line("the writer: articles stored", stores)

    print(f"mix_speedup={ours_mix / whole_mix:.1f}")
    print(f"relevant_speedup={ours_relevant / whole_relevant:.2f}")
    print(f"workers_speedup={rates[2] / rates[1]:.2f}")
    print(f"ray_vs_workers={ray_rate / rates[2]:.2f}")
    print(f"peak_rss_mb_per_worker={peak_mb:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
