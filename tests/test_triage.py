"""Triage: no document that can hold a commitment is ruled out; stories with money but no aid are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import aidledger
from aidledger.triage import triage


def test_no_dev_passage_with_a_gold_commitment_is_triaged_out(shared_eval: Path) -> None:
    with (shared_eval / "dev.jsonl").open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    missed = [row["id"] for row in rows if row["commitments"] and not triage().can_hold_commitment(row["text"], row["lang"])]
    assert missed == []
    assert sum(1 for row in rows if row["commitments"]) > 150


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Norway will give Sudan 400 million crowns in humanitarian aid, the foreign minister said."),
        ("en", "Germany has delivered two more IRIS-T air defence systems to Ukraine, the ministry said."),
        ("fr", "Le Japon a promis 1,5 milliard de dollars à l'Ukraine pour reconstruire son réseau électrique."),
        ("de", "Deutschland hat der Ukraine weitere 500 Millionen Euro Militärhilfe zugesagt."),
        ("fr", "Ottawa versera 40 millions de dollars canadiens d'aide humanitaire au Soudan, a annoncé la ministre."),
    ],
)
def test_a_commitment_in_money_or_in_kind_passes(lang: str, text: str) -> None:
    assert triage().can_hold_commitment(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Shares in Kestrel Systems rose 4 percent after it reported a profit of $52 million."),
        ("en", "The club confirmed the signing of a young striker for a fee reported at €45 million."),
        ("fr", "Les forces russes ont bombardé la périphérie de Kharkiv pendant la nuit, selon les autorités."),
        ("fr", "Le groupe a publié un bénéfice de 120 millions d'euros, supérieur aux attentes des analystes."),
        ("en", "Heavy rain flooded several roads overnight and delayed trains across the region."),
    ],
)
def test_a_story_that_states_no_giving_is_triaged_out(lang: str, text: str) -> None:
    assert not triage().can_hold_commitment(text, lang)


def test_the_party_and_the_aid_word_must_stand_by_the_amount_not_in_a_neighbouring_story() -> None:
    page = (
        "Regulators in Norway opened an inquiry into the app. The government unveiled a support package for farmers.\n"
        "Heavy rain flooded several roads overnight.\n"
        "The start-up raised $40 million from investors and unveiled a new chip."
    )
    assert not triage().can_hold_commitment(page, "en")
    assert triage().can_hold_commitment(page.replace("from investors", "from Norway to help Kenya"), "en")


def test_an_aid_word_in_the_lead_sets_the_topic_of_an_amount_further_down() -> None:
    article = (
        "Sweden announces its tenth aid package for Ukraine\n"
        "The government took the decision on Thursday.\n"
        "Officials said the contents would not be disclosed.\n"
        "The equipment for Ukraine is estimated to cost Sweden about €300 million."
    )
    assert triage().can_hold_commitment(article, "en")
    assert not triage().can_hold_commitment(article.replace("aid package", "budget"), "en")


def test_currency_codes_count_only_in_capitals() -> None:
    assert triage().can_hold_commitment("Turkey pledged 300 million TRY in aid to Syria.", "en")
    assert not triage().can_hold_commitment("Turkey pledged to try 300 million ways to aid Syria.", "en")


def test_a_word_counts_only_in_its_own_language() -> None:
    # folded, Portuguese "ceder" (to give) is French "céder", which sells off a business
    text = "Le groupe a annoncé un plan de 90 millions d'euros au Canada et promet de céder des activités."
    assert "ceder" in {text[h.start : h.end].replace("é", "e") for h in triage().hits(text, "pt")}
    assert not triage().can_hold_commitment(text, "fr")


def test_a_language_triage_cannot_read_is_never_ruled_out() -> None:
    assert triage().can_hold_commitment("日本はウクライナに支援を表明した。", "ja")


def test_a_triaged_out_document_is_reported_and_not_analysed() -> None:
    document = aidledger.Document(id="quiet", text="Heavy rain flooded several roads overnight in Leeds.", lang="en")
    (result,) = aidledger.extract_documents([document], triage=True)
    assert result.triaged_out and result.id == "quiet" and result.lang == "en"
    assert result.commitments == [] and result.quotes == [] and result.entities == []


def test_results_keep_the_input_order_around_triaged_out_documents() -> None:
    texts = [
        "Heavy rain flooded several roads overnight in Leeds.",
        "Norway will give Sudan 400 million crowns in humanitarian aid, the foreign minister said on Monday.",
        "The orchestra announced a tour of Japan next year.",
        "Canada pledged $40 million in aid to Haiti on Tuesday.",
    ]
    documents = [aidledger.Document(id=str(i), text=t, lang="en") for i, t in enumerate(texts)]
    results = list(aidledger.extract_documents(documents, triage=True))
    assert [r.id for r in results] == ["0", "1", "2", "3"]
    assert [r.triaged_out for r in results] == [True, False, True, False]
    assert [c.donor for c in results[3].commitments] == ["CAN"]
