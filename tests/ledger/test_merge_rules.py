"""Each merging rule, pinned on hand-written mention records (no database, no NLP)."""

from __future__ import annotations

from aidledger.ledger.merge import choose_package, group, summarise
from tests.ledger.records import mention


def _groups(*mentions):
    return sorted(sorted(g) for g in group(mentions))


def test_the_same_package_reported_twice_in_one_currency_merges():
    assert _groups(mention("a", "2023-06-13"), mention("b", "2023-06-14")) == [["a", "b"]]


def test_a_conversion_within_three_percent_merges_with_the_stated_amount():
    stated = mention("usd", "2023-06-13")
    converted = mention("eur", "2023-06-13", amount=300e6, currency="EUR", amount_usd=323e6)
    assert _groups(stated, converted) == [["eur", "usd"]]


def test_a_conversion_more_than_three_percent_off_stays_apart():
    stated = mention("usd", "2023-06-13")
    converted = mention("eur", "2023-06-13", amount=280e6, currency="EUR", amount_usd=305e6)
    assert _groups(stated, converted) == [["eur"], ["usd"]]


def test_an_amount_without_exchange_rate_does_not_merge_with_another_currency():
    stated = mention("usd", "2023-06-13")
    hryvnias = mention("uah", "2023-06-13", amount=12e9, currency="UAH", amount_usd=None)
    assert _groups(stated, hryvnias) == [["uah"], ["usd"]]


def test_a_mention_without_amount_joins_the_package_it_fits():
    assert _groups(mention("a", "2023-06-13"), mention("b", "2023-06-13", amount=None, currency=None)) == [["a", "b"]]


def test_a_part_of_a_package_is_never_merged_into_it():
    package = mention("package", "2024-01-12", amount=2.5e9, currency="GBP", donor="GBR")
    part = mention("drones", "2024-01-12", amount=200e6, currency="GBP", donor="GBR")
    assert _groups(package, part) == [["drones"], ["package"]]


def test_a_cumulative_total_is_never_merged_into_the_package():
    assert _groups(mention("package", "2023-06-13"), mention("total", "2023-06-13", amount=40e9)) == [
        ["package"],
        ["total"],
    ]


def test_a_tranche_of_the_same_size_weeks_later_is_another_package():
    assert _groups(mention("august", "2023-08-29", amount=250e6), mention("december", "2023-12-27", amount=250e6)) == [
        ["august"],
        ["december"],
    ]


def test_reports_a_week_apart_merge_and_eight_days_apart_do_not():
    assert _groups(mention("a", "2023-06-13"), mention("b", "2023-06-20")) == [["a", "b"]]
    assert _groups(mention("a", "2023-06-13"), mention("b", "2023-06-21")) == [["a"], ["b"]]


def test_different_donors_or_recipients_never_merge():
    assert _groups(mention("us", "2023-06-13"), mention("ca", "2023-06-13", donor="CAN")) == [["ca"], ["us"]]
    assert _groups(mention("ukr", "2023-06-13"), mention("isr", "2023-06-13", recipient="ISR")) == [["isr"], ["ukr"]]


def test_a_mention_with_an_unknown_party_or_date_merges_with_nothing():
    assert _groups(mention("a", "2023-06-13", donor=None), mention("b", "2023-06-13", donor=None)) == [["a"], ["b"]]
    assert _groups(mention("a", None), mention("b", None)) == [["a"], ["b"]]


def test_a_drawdown_and_a_usai_contract_of_the_same_week_are_two_packages():
    pda = mention("pda", "2023-06-09", amount=None, currency=None, mechanism="PDA")
    usai = mention("usai", "2023-06-09", amount=None, currency=None, mechanism="USAI")
    assert _groups(pda, usai) == [["pda"], ["usai"]]


def test_military_and_humanitarian_aid_are_two_packages_but_mixed_fits_both():
    assert _groups(mention("m", "2023-06-13"), mention("h", "2023-06-13", aid_type="humanitarian")) == [["h"], ["m"]]
    assert _groups(mention("m", "2023-06-13"), mention("x", "2023-06-13", aid_type="mixed")) == [["m", "x"]]


def test_an_anticipated_package_links_to_the_announcement_that_fulfils_it():
    leak = mention("leak", "2023-05-30", stage="anticipated")
    announcement = mention("announcement", "2023-05-31")
    assert _groups(leak, announcement) == [["announcement", "leak"]]
    assert _groups(announcement, leak) == [["announcement", "leak"]]


def test_an_anticipation_is_not_fulfilled_by_an_announcement_months_later():
    assert _groups(mention("leak", "2023-01-10", stage="anticipated"), mention("late", "2023-04-01")) == [
        ["late"],
        ["leak"],
    ]


def test_a_delivery_report_links_to_the_package_it_delivers_and_not_to_a_later_one():
    announced = mention("may", "2023-05-13", donor="DEU", amount=None, currency=None, items=frozenset({"tanks"}))
    later = mention("december", "2023-12-01", donor="DEU", amount=None, currency=None, items=frozenset({"tanks"}))
    delivered = mention(
        "delivery", "2023-09-04", donor="DEU", amount=None, currency=None, stage="delivered", items=frozenset({"tanks"})
    )
    assert _groups(announced, later, delivered) == [["december"], ["delivery", "may"]]


def test_a_delivery_report_without_amount_or_common_item_stays_apart():
    announced = mention("may", "2023-05-13", items=frozenset({"tanks"}))
    delivered = mention(
        "delivery", "2023-09-04", amount=None, currency=None, stage="delivered", items=frozenset({"drones"})
    )
    assert _groups(announced, delivered) == [["delivery"], ["may"]]


def test_a_package_keeps_the_first_mention_of_each_stage_as_its_history():
    members = [
        mention("leak", "2023-05-30", stage="anticipated"),
        mention("announcement", "2023-05-31"),
        mention("echo", "2023-06-01"),
        mention("delivery", "2023-09-01", stage="delivered"),
    ]
    profile = summarise("p", members)
    assert {stage: m.key for stage, m in profile.steps.items()} == {
        "anticipated": "leak",
        "announced": "announcement",
        "delivered": "delivery",
    }
    assert profile.stage == "delivered"
    assert str(profile.date) == "2023-05-31"


def test_a_package_states_its_amount_in_the_currency_most_of_its_mentions_use():
    members = [
        mention("eur", "2023-06-13", amount=300e6, currency="EUR", amount_usd=323e6),
        mention("usd1", "2023-06-13"),
        mention("usd2", "2023-06-14"),
    ]
    profile = summarise("p", members)
    assert (profile.amount, profile.currency) == (325e6, "USD")


def test_a_mention_joins_the_package_with_most_agreeing_evidence():
    pda = summarise("pda", [mention("p", "2023-06-13", amount=None, currency=None, mechanism="PDA")])
    with_amount = summarise("amount", [mention("a", "2023-06-12", mechanism=None)])
    assert choose_package(mention("new", "2023-06-13"), [pda, with_amount]) == "amount"
