"""Throughput of aidledger's extraction against the bare spaCy model it is built on, on one core.

Articles are assembled at run time from the French and English texts of
``../shared/eval/dev.jsonl`` (nothing from there is stored in the repository):
each article joins three passages of one language, with sentences shuffled,
digits redrawn and some capitalised names swapped, so that no two articles are
alike and spaCy's caches do not flatter either side.

Prints articles/s and words/s for aidledger (``aidledger.extract_documents``)
and for ``nlp.pipe`` of the bare model on the same texts, the share of
aidledger's time spent in the fitted decisions (the assembly: its features,
the models' arithmetic and the fields read beside them, the announcer's
speaker search included), the peak resident memory, and as last line
``ratio=X.XX`` (aidledger throughput / bare).

With ``--per-language`` (the default), it first times the whole extraction on
articles of each language with a data file (built the same way from that
language's dev passages) and prints words/s per language, and for each
language that runs on a blank pipeline (no trained spaCy model) its speed per
word against French's: the target is a ratio of at least 1.
"""

from __future__ import annotations

import os

# One core: set before numpy/spaCy are imported, or their thread pools are already sized.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse
import json
import random
import re
import resource
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "eval" / "dev.jsonl"
LANGS = ("fr", "en")
PASSAGES_PER_ARTICLE = 3

_SENTENCE_END = re.compile(r"(?<=[.!?»\"])\s+|\n+")
_NAME = re.compile(r"(?<=[a-zà-ÿ,;] )[A-ZÀ-Ý][a-zà-ÿ]{2,}")
_DIGIT = re.compile(r"\d")


def pin_to_one_core() -> None:
    """Run on CPU 0 only, where the OS allows it, so results compare across machines of any size."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {0})


def load_passages(path: Path, langs: Iterable[str] = LANGS) -> dict[str, list[str]]:
    """The dev texts per language (default fr, en)."""
    passages: dict[str, list[str]] = {lang: [] for lang in langs}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("lang") in passages and row.get("text"):
                passages[row["lang"]].append(row["text"])
    return passages


def vary(text: str, names: list[str], rng: random.Random) -> str:
    """``text`` with its sentences shuffled, its digits redrawn and about a third of its names swapped."""
    sentences = [s for s in _SENTENCE_END.split(text) if s.strip()]
    rng.shuffle(sentences)
    text = " ".join(sentences)
    text = _DIGIT.sub(lambda _m: str(rng.randint(0, 9)), text)
    return _NAME.sub(lambda m: rng.choice(names) if rng.random() < 0.33 else m.group(), text)


def build_articles(passages: dict[str, list[str]], n_docs: int, seed: int) -> list[tuple[str, str]]:
    """``n_docs`` (lang, text) articles, the languages of ``passages`` in turn, each from several varied passages."""
    rng = random.Random(seed)
    names = {lang: sorted({m.group() for t in texts for m in _NAME.finditer(t)}) for lang, texts in passages.items()}
    langs = list(passages)
    articles = []
    for i in range(n_docs):
        lang = langs[i % len(langs)]
        parts = rng.sample(passages[lang], PASSAGES_PER_ARTICLE)
        articles.append((lang, "\n\n".join(vary(p, names[lang], rng) for p in parts)))
    return articles


def timed(run: Callable[[], None]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def run_ours(articles: list[tuple[str, str]]) -> None:
    """The whole of ``aidledger.extract_documents``: pipeline, assembly into records."""
    import aidledger
    from aidledger.schema import Document

    documents = (Document(id=str(i), text=text, lang=lang) for i, (lang, text) in enumerate(articles))
    for _ in aidledger.extract_documents(documents):
        pass


def run_bare(models: dict, articles: list[tuple[str, str]]) -> None:
    for lang in LANGS:
        for _ in models[lang].pipe(text for text_lang, text in articles if text_lang == lang):
            pass


class DecisionClock:
    """Time spent in the assembly (features and fitted decisions) and in the models' arithmetic alone."""

    def __init__(self) -> None:
        self.assembly = 0.0
        self.models = 0.0

    def __enter__(self) -> DecisionClock:
        from aidledger.assemble import commitments, model

        self._patched = [(commitments, "assemble"), (model.LinearModel, "_scores")]
        self._originals = [getattr(owner, name) for owner, name in self._patched]
        commitments.assemble = self._timing(self._originals[0], "assembly")
        model.LinearModel._scores = self._timing(self._originals[1], "models")
        return self

    def _timing(self, function: Callable, slot: str) -> Callable:
        def timed_call(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                setattr(self, slot, getattr(self, slot) + time.perf_counter() - start)

        return timed_call

    def __exit__(self, *exc) -> None:
        for (owner, name), original in zip(self._patched, self._originals):
            setattr(owner, name, original)


def best_of(repeats: int, run: Callable[[], None]) -> float:
    """The fastest of several runs: the least disturbed by whatever else the machine does."""
    return min(timed(run) for _ in range(repeats))


def report(label: str, seconds: float, articles: list[tuple[str, str]]) -> float:
    """Print one throughput line; returns articles per second."""
    words = sum(len(text.split()) for _, text in articles)
    per_second = len(articles) / seconds
    print(f"{label:<28} {per_second:8.1f} articles/s {words / seconds:10.0f} words/s  ({seconds:.1f} s)")
    return per_second


def data_file_languages(path: Path) -> list[str]:
    """The languages of the dev file that have a data file and enough passages to build articles from."""
    from aidledger.lang import load

    counts: dict[str, int] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            lang = json.loads(line).get("lang")
            counts[lang] = counts.get(lang, 0) + 1
    return sorted(lang for lang, n in counts.items() if n >= PASSAGES_PER_ARTICLE and load(lang).available)


def per_language(path: Path, n_docs: int, seed: int, repeats: int) -> None:
    """Words/s of the whole extraction per language, and each blank-pipeline language against French."""
    from aidledger.nlp.pipeline import MODELS

    langs = data_file_languages(path)
    passages = load_passages(path, langs)
    speed: dict[str, float] = {}
    print(f"per language: {n_docs} articles each, whole extraction, best of {repeats} runs")
    for lang in langs:
        articles = build_articles({lang: passages[lang]}, n_docs, seed)
        run_ours(articles[:2])  # load the pipeline outside the timing
        seconds = best_of(repeats, lambda: run_ours(articles))
        speed[lang] = sum(len(text.split()) for _, text in articles) / seconds
        kind = "trained" if lang in MODELS else "blank"
        print(f"  {lang} ({kind:<7}) {speed[lang]:10.0f} words/s")
    if "fr" in speed:
        for lang in langs:
            if lang not in MODELS:
                print(f"  {lang} per word against fr: {speed[lang] / speed['fr']:.2f}")


def use_components(components: tuple[str, ...]) -> None:
    """Make ``get_nlp`` build pipelines with exactly these aidledger components."""
    from aidledger.nlp import pipeline

    pipeline.get_nlp.cache_clear()
    pipeline.trained_model.cache_clear()
    pipeline.COMPONENTS = components
    for lang in LANGS:
        pipeline.get_nlp(lang)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n-docs", type=int, default=300, help="Number of articles (default 300).")
    parser.add_argument(
        "--components",
        nargs="*",
        default=["aidledger_quotes", "aidledger_entities"],
        help="Components timed separately, on top of the extraction (default: quotes and entities).",
    )
    parser.add_argument("--dev", type=Path, default=DEV, help="Source of texts (default ../shared/eval/dev.jsonl).")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--repeats", type=int, default=2, help="Runs of each measurement; the fastest counts.")
    parser.add_argument(
        "--per-language",
        type=int,
        default=40,
        metavar="N",
        help="Articles per language for the words/s of every language with a data file (0: skip; default 40).",
    )
    args = parser.parse_args(argv)

    pin_to_one_core()
    if not args.dev.exists():
        print(f"error: {args.dev}: not found", file=sys.stderr)
        return 2
    import spacy

    from aidledger.nlp.pipeline import COMPONENTS, MODELS

    if args.per_language:
        per_language(args.dev, args.per_language, args.seed, args.repeats)
    extraction = tuple(c for c in COMPONENTS if c not in args.components)
    articles = build_articles(load_passages(args.dev), args.n_docs, args.seed)
    warmup = build_articles(load_passages(args.dev), 4, args.seed + 1)
    models = {lang: spacy.load(MODELS[lang]) for lang in LANGS}
    run_bare(models, warmup)

    print(f"{len(articles)} articles (fr, en), one core, spaCy {spacy.__version__}, best of {args.repeats} runs")
    bare = report("bare spaCy nlp.pipe", best_of(args.repeats, lambda: run_bare(models, articles)), articles)
    use_components(extraction)
    run_ours(warmup)
    ours = report("aidledger extraction", best_of(args.repeats, lambda: run_ours(articles)), articles)
    with DecisionClock() as clock:
        total = timed(lambda: run_ours(articles))
    print(
        f"fitted decisions: {clock.assembly / total * 100:.1f} % of extraction time "
        f"(the assembly: features, models and the fields read beside them; the models' arithmetic alone "
        f"{clock.models / total * 100:.2f} %)"
    )
    if args.components:
        use_components(extraction + tuple(args.components))
        run_ours(warmup)
        full = report(f"+ {', '.join(args.components)}", best_of(args.repeats, lambda: run_ours(articles)), articles)
        print(f"cost of {', '.join(args.components)}: {(ours / full - 1) * 100:.1f} % on top of extraction")
        print(f"full ratio={full / bare:.2f}")
    print(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    print(f"ratio={ours / bare:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
