"""The merging corpus: real packages as several outlets in several languages report them, with the right grouping.

``data/merge_corpus.json`` holds one record per article: ``package`` (the gold grouping label), the
article ``text`` and the ``extraction`` (schema :class:`aidledger.schema.Extraction`).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Hashable, Iterable
from pathlib import Path

from aidledger.ledger import fx
from aidledger.ledger.merge import MentionRecord, evidence_key
from aidledger.schema import Document, Extraction

CORPUS = Path(__file__).with_name("data") / "merge_corpus.json"


def load() -> list[tuple[str, Document, Extraction]]:
    """(gold package label, document, extraction) for every article of the corpus, in file order."""
    records = json.loads(CORPUS.read_text(encoding="utf-8"))
    rows = []
    for record in records:
        extraction = Extraction.model_validate(record["extraction"])
        document = Document(
            id=extraction.id,
            text=record["text"],
            url=extraction.url,
            lang=extraction.lang,
            published=extraction.published,
        )
        rows.append((record["package"], document, extraction))
    return rows


def mention_records(rows: Iterable[tuple[str, Document, Extraction]]) -> list[MentionRecord]:
    """The linkage view of every commitment (one per article), keyed by article id, as the ledger stores them."""
    records = []
    for _label, document, extraction in rows:
        for c in extraction.commitments:
            records.append(
                MentionRecord(
                    key=extraction.id,
                    article=extraction.id,
                    donor=c.donor,
                    recipient=c.recipient,
                    amount=fx.whole(c.amount) if c.amount is not None else None,
                    currency=c.currency,
                    aid_type=c.aid_type,
                    mechanism=c.mechanism,
                    stage=c.stage,
                    date=c.date,
                    published=document.published,
                    items=frozenset(c.items),
                    evidence_key=evidence_key(c.evidence.text),
                )
            )
    return records


def pairs(groups: Iterable[Iterable[Hashable]]) -> set[frozenset]:
    """Every unordered pair of keys that share a group."""
    return {frozenset(pair) for group in groups for pair in itertools.combinations(sorted(map(str, group)), 2)}


def precision_recall(
    predicted: Iterable[Iterable[Hashable]], gold: Iterable[Iterable[Hashable]]
) -> tuple[float, float]:
    """Pairwise precision and recall of a grouping against the gold one."""
    predicted_pairs, gold_pairs = pairs(predicted), pairs(gold)
    correct = len(predicted_pairs & gold_pairs)
    return correct / (len(predicted_pairs) or 1), correct / (len(gold_pairs) or 1)


def gold_groups(rows: Iterable[tuple[str, Document, Extraction]]) -> list[list[str]]:
    """The right grouping of article ids."""
    groups: dict[str, list[str]] = {}
    for label, _document, extraction in rows:
        groups.setdefault(label, []).append(extraction.id)
    return list(groups.values())
