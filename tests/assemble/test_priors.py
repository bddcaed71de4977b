"""The priors of the fitted models: what each feature's weight is shrunk towards, by what its cue means."""

from __future__ import annotations

import pytest

from aidledger.assemble.features import Prior, prior


@pytest.mark.parametrize("name", ["giver_as_subject", "recipient_marked", "in_kind@verb", "items_in_sentence"])
def test_a_gift_in_kind_expects_a_named_giver_a_marked_recipient_and_equipment(name: str) -> None:
    # the in-kind decision's own rules win over the rules it shares with the amount decision
    assert prior("in_kind")(name) == Prior("+", 0.5)


def test_an_amount_in_the_sentence_counts_against_a_separate_gift_in_kind() -> None:
    assert prior("in_kind")("amount_in_sentence") == Prior("-", -0.5)


def test_the_shared_rules_still_apply_to_a_gift_in_kind() -> None:
    assert prior("in_kind")("request@before") == prior("commitment")("request@before") == Prior("-", -1.0)
