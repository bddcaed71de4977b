"""Measuring package linkage on labelled real reports: pairwise precision and recall against a gold grouping.

The gold is a JSONL file of the evaluation contract (``dev.jsonl``) and a clustering of its
commitments (``merge_dev.json``: clusters of ``"p001#0"`` keys, every other commitment a package of its
own). The reports are stored in a real ledger, one article at a time in the order given, and the
packages it makes are compared with the gold two ways:

- **gold mentions**: each article stored with its gold commitments, so linkage alone is measured. The
  labels hold no running totals (a total is no commitment) nor numbers in a donor's series, so each gold
  commitment carries the totals the extraction of its article found for its donor and the number of the
  found commitment it matches (:func:`gold_extraction`): what the ledger would have had from that
  article, never a hand-labelled value;
- **end to end**: each article stored with what ``aidledger.extract_documents`` finds in it; a found
  commitment stands for the gold one it matches (the scorer's rule: same donor, recipient and currency,
  amount within 1 %, one to one within an article), and only pairs of matched mentions are scored.

Precision is the share of same-package pairs the ledger makes that the gold makes too; recall the share
of gold pairs the ledger makes. Running several shuffled orders shows whether arrival order matters.
"""

from __future__ import annotations

import itertools
import json
import random
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from aidledger.ingest.readers import ReadError, read_paths
from aidledger.ledger.models import Article, Mention
from aidledger.ledger.store import Ledger
from aidledger.schema import Amount, Commitment, Document, Extraction, Span

Pair = frozenset[str]
Extractor = Callable[[Iterable[Document]], Iterable[Extraction]]
AMOUNT_TOLERANCE = 0.01


@dataclass(frozen=True)
class Labelled:
    """One gold passage: the document and its labelled commitments (dicts of the evaluation contract)."""

    document: Document
    commitments: list[dict]


@dataclass(frozen=True)
class Score:
    """Pairwise precision and recall of one run, with the counts behind them."""

    precision: float
    recall: float
    predicted_pairs: int
    gold_pairs: int
    correct_pairs: int
    mentions: int
    packages: int
    grouping: frozenset[frozenset[str]]

    @property
    def false_pairs(self) -> int:
        return self.predicted_pairs - self.correct_pairs


def load_gold(gold: Path) -> list[Labelled]:
    """The passages of a gold JSONL file with their labelled commitments, in file order."""
    labels = {}
    with gold.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                row = json.loads(line)
                labels[str(row["id"])] = row.get("commitments") or []
    documents = []
    for item in read_paths([gold]):
        if isinstance(item, ReadError):
            raise ValueError(str(item))
        documents.append(Labelled(item, labels[item.id]))
    return documents


def load_clusters(path: Path) -> list[list[str]]:
    """The gold clusters of ``merge_dev.json`` (lists of ``passage#index`` keys)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return [list(cluster["members"]) for cluster in data["clusters"]]


def pairs(groups: Iterable[Iterable[str]]) -> set[Pair]:
    """Every unordered pair of keys that share a group."""
    return {frozenset(pair) for group in groups for pair in itertools.combinations(sorted(group), 2)}


def _evidence_span(text: str, evidence: str | dict | None) -> Span:
    """The gold evidence as offsets into the text (the whole text when it cannot be found)."""
    quoted = evidence.get("text", "") if isinstance(evidence, dict) else (evidence or "")
    start = text.find(quoted) if quoted else -1
    if start < 0:
        return Span(start=0, end=len(text), text=text)
    return Span(start=start, end=start + len(quoted), text=quoted)


def _running_totals(found: Extraction, donor: str | None) -> list[Amount]:
    """The running totals the extraction's commitments of ``donor`` carry, each once."""
    return list(dict.fromkeys(t for c in found.commitments if c.donor == donor for t in c.running_totals))


def gold_extraction(passage: Labelled, found: Extraction) -> Extraction:
    """An extraction holding the passage's gold commitments, as if a perfect extractor had read it, each with
    the running totals that ``found`` (the extraction of the same passage) gives its donor, and the number in
    the donor's series and the start of a raise of the found commitment it matches."""
    document = passage.document
    matched = {g: found.commitments[f] for f, g in match(passage.commitments, found.commitments).items()}
    commitments = [
        Commitment.model_validate(
            {
                **{k: v for k, v in c.items() if k in Commitment.model_fields},
                "evidence": _evidence_span(document.text, c.get("evidence")),
                "running_totals": _running_totals(found, c.get("donor")),
                "series_number": matched[index].series_number if index in matched else None,
                "raised_from": matched[index].raised_from if index in matched else None,
            }
        )
        for index, c in enumerate(passage.commitments)
    ]
    return Extraction(
        id=document.id,
        url=document.url,
        lang=document.lang or "und",
        published=document.published,
        commitments=commitments,
    )


def _same_commitment(gold: dict, found: Commitment) -> bool:
    """The scorer's matching rule: same donor, recipient and currency, amount within 1 % (or both missing)."""
    if (gold.get("donor"), gold.get("recipient")) != (found.donor, found.recipient):
        return False
    g, f = gold.get("amount"), found.amount
    if g is None or f is None:
        return g is None and f is None
    return gold.get("currency") == found.currency and abs(g - f) <= AMOUNT_TOLERANCE * max(abs(g), 1.0)


def match(gold: Sequence[dict], found: Sequence[Commitment]) -> dict[int, int]:
    """Position of each found commitment → position of the gold one it matches (greedy, one to one, gold order)."""
    matched: dict[int, int] = {}
    for g_index, g in enumerate(gold):
        for f_index, f in enumerate(found):
            if f_index not in matched and _same_commitment(g, f):
                matched[f_index] = g_index
                break
    return matched


def _stored_grouping(ledger: Ledger) -> dict[str, int]:
    """``passage#position`` → package id, for every mention in the ledger."""
    with ledger.sessions() as session:
        rows = session.execute(select(Article.source_id, Mention.position, Mention.package_id).join(Mention.article))
        return {f"{source_id}#{position}": package for source_id, position, package in rows}


def run(
    runs: Sequence[tuple[Document, Extraction]],
    gold_clusters: Sequence[Sequence[str]],
    key_of: Callable[[str], str | None],
    db: Path,
) -> Score:
    """Store ``runs`` in order in a new ledger at ``db`` and score its packages.

    ``key_of`` maps a stored mention (``passage#position``) to the gold commitment it stands for, or
    None for a mention that matches none (left out of the scoring).
    """
    ledger = Ledger(str(db))
    for document, extraction in runs:
        ledger.add(document, extraction)
    packages: dict[int, list[str]] = {}
    stored = _stored_grouping(ledger)
    for mention, package in stored.items():
        key = key_of(mention)
        if key is not None:
            packages.setdefault(package, []).append(key)
    scored = {key for keys in packages.values() for key in keys}
    gold = {pair for pair in pairs(gold_clusters) if pair <= scored}
    predicted = pairs(packages.values())
    correct = len(predicted & gold)
    return Score(
        precision=correct / len(predicted) if predicted else 1.0,
        recall=correct / len(gold) if gold else 1.0,
        predicted_pairs=len(predicted),
        gold_pairs=len(gold),
        correct_pairs=correct,
        mentions=len(stored),
        packages=len(set(stored.values())),
        grouping=frozenset(frozenset(keys) for keys in packages.values()),
    )


def shuffled(items: Sequence, seed: int | None) -> list:
    """``items`` in file order (seed None) or shuffled by ``seed``."""
    items = list(items)
    if seed is not None:
        random.Random(seed).shuffle(items)
    return items


def measure_gold(
    passages: Sequence[Labelled],
    extractions: Sequence[Extraction],
    clusters: Sequence[Sequence[str]],
    seed: int | None = None,
) -> Score:
    """Linkage alone: every passage stored with its gold commitments (and the running totals its extraction found)."""
    found = {e.id: e for e in extractions}
    runs = [(p.document, gold_extraction(p, found[p.document.id])) for p in shuffled(passages, seed)]
    with tempfile.TemporaryDirectory() as folder:
        return run(runs, clusters, lambda key: key, Path(folder) / "ledger.db")


def measure_end_to_end(
    passages: Sequence[Labelled],
    extractions: Sequence[Extraction],
    clusters: Sequence[Sequence[str]],
    seed: int | None = None,
) -> Score:
    """What extraction found, stored and linked; mentions stand for the gold commitments they match."""
    by_id = {p.document.id: p for p in passages}
    keys: dict[str, str] = {}
    for extraction in extractions:
        for found, gold in match(by_id[extraction.id].commitments, extraction.commitments).items():
            keys[f"{extraction.id}#{found}"] = f"{extraction.id}#{gold}"
    runs = shuffled([(by_id[e.id].document, e) for e in extractions], seed)
    with tempfile.TemporaryDirectory() as folder:
        return run(runs, clusters, keys.get, Path(folder) / "ledger.db")
