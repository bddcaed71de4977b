"""Merging on a corpus with a known grouping: pairwise precision and recall, in news order and shuffled."""

from __future__ import annotations

import random

import pytest

from aidledger.ledger.merge import group
from tests.ledger import corpus

TARGET = 0.95


def _chronological(rows):
    return sorted(rows, key=lambda row: (row[1].published, row[1].id))


def _shuffled(seed: int):
    def order(rows):
        rows = list(rows)
        random.Random(seed).shuffle(rows)
        return rows

    return order


@pytest.mark.parametrize(
    "order",
    [_chronological, _shuffled(1), _shuffled(2), _shuffled(3)],
    ids=["chronological", "shuffled-1", "shuffled-2", "shuffled-3"],
)
def test_merging_the_corpus_reaches_095_pairwise_precision_and_recall(order):
    rows = order(corpus.load())
    predicted = group(corpus.mention_records(rows))
    precision, recall = corpus.precision_recall(predicted, corpus.gold_groups(rows))
    print(
        f"\nmerge corpus ({len(rows)} mentions, {len(corpus.gold_groups(rows))} packages): "
        f"pairwise precision {precision:.3f}, recall {recall:.3f}"
    )
    assert precision >= TARGET and recall >= TARGET, sorted(map(sorted, predicted))
