"""Each linkage rule, pinned on hand-written mention records (no database, no NLP)."""

from __future__ import annotations

import itertools
import random

from aidledger.ledger.merge import THRESHOLD, compare, group, summarise
from tests.ledger.records import mention


def _groups(*mentions):
    return sorted(sorted(g) for g in group(mentions))


def test_the_same_package_reported_twice_in_one_currency_merges():
    assert _groups(mention("a", "2023-06-13"), mention("b", "2023-06-14")) == [["a", "b"]]


def test_an_amount_equal_after_conversion_at_the_days_rate_merges():
    stated = mention("usd", "2023-06-13")
    converted = mention("eur", "2023-06-13", amount=300_000_000, currency="EUR")  # $323.6m at that day's rate
    assert _groups(stated, converted) == [["eur", "usd"]]
    assert "same amount after conversion" in compare(stated, converted).reasons


def test_a_conversion_more_than_three_percent_off_stays_apart():
    stated = mention("usd", "2023-06-13")
    converted = mention("eur", "2023-06-13", amount=280_000_000, currency="EUR")
    assert _groups(stated, converted) == [["eur"], ["usd"]]


def test_the_same_figure_in_another_currency_merges_when_nothing_speaks_against():
    usd = mention("wire", "2022-02-28", amount=25_000_000, currency="USD", donor="CAN")
    cad = mention("release", None, amount=25_000_000, currency="CAD", donor="CAN")
    assert _groups(usd, cad) == [["release", "wire"]]


def test_an_amount_without_exchange_rate_does_not_merge_with_another_currency():
    stated = mention("usd", "2023-06-13")
    hryvnias = mention("uah", "2023-06-13", amount=12_000_000_000, currency="UAH")
    assert _groups(stated, hryvnias) == [["uah"], ["usd"]]


def test_a_mention_without_amount_joins_the_package_it_fits_by_its_items():
    package = mention("a", "2023-06-13", items=frozenset({"tanks", "air_defense"}))
    tanks = mention("b", "2023-06-13", amount=None, currency=None, items=frozenset({"tanks"}))
    assert _groups(package, tanks) == [["a", "b"]]
    assert _groups(package, mention("c", "2023-06-13", amount=None, currency=None)) == [["a"], ["c"]]


def test_reports_without_amounts_need_more_than_parties_and_a_date():
    bare = dict(amount=None, currency=None, donor="DEU")
    assert _groups(mention("a", "2022-06-01", **bare), mention("b", "2022-06-01", **bare)) == [["a"], ["b"]]
    tanks = dict(bare, items=frozenset({"tanks"}))
    assert _groups(mention("a", "2022-06-01", **tanks), mention("b", "2022-06-01", **tanks)) == [["a", "b"]]


def test_a_part_is_never_merged_into_its_whole():
    package = mention("package", "2024-01-12", amount=2_500_000_000, currency="GBP", donor="GBR")
    part = mention("drones", "2024-01-12", amount=200_000_000, currency="GBP", donor="GBR")
    assert _groups(package, part) == [["drones"], ["package"]]
    assert compare(package, part).veto == "a part, a total or another sum"


def test_a_cumulative_total_is_never_merged_into_the_package():
    package, total = mention("package", "2023-06-13"), mention("total", "2023-06-13", amount=40_000_000_000)
    assert _groups(package, total) == [["package"], ["total"]]


def test_a_part_is_not_merged_even_through_an_undated_report_of_the_whole():
    whole = mention("whole", "2024-01-12", amount=2_500_000_000, currency="GBP", donor="GBR")
    echo = mention("echo", None, amount=2_500_000_000, currency="GBP", donor="GBR")
    part = mention("part", None, amount=200_000_000, currency="GBP", donor="GBR")
    assert _groups(whole, echo, part) == [["echo", "whole"], ["part"]]


def test_a_missing_date_is_no_evidence_against():
    dated, undated = mention("dated", "2023-06-13"), mention("undated", None)
    assert _groups(dated, undated) == [["dated", "undated"]]


def test_dates_far_apart_are_evidence_against():
    assert _groups(
        mention("august", "2023-08-29", amount=250_000_000), mention("december", "2023-12-27", amount=250_000_000)
    ) == [
        ["august"],
        ["december"],
    ]


def test_reports_two_weeks_apart_still_merge_but_not_once_they_are_a_month_apart():
    assert _groups(mention("summit", "2022-03-11"), mention("council", "2022-03-23")) == [["council", "summit"]]
    assert _groups(mention("a", "2023-06-13"), mention("b", "2023-07-20")) == [["a"], ["b"]]


def test_an_undated_report_does_not_bridge_two_packages_dated_far_apart():
    june, december = (
        mention("june", "2022-06-15", amount=1_000_000_000),
        mention("december", "2022-12-21", amount=1_000_000_000),
    )
    undated = mention("undated", None, amount=1_000_000_000)
    assert len(_groups(june, december, undated)) == 2


def test_different_donors_or_recipients_never_merge():
    assert _groups(mention("us", "2023-06-13"), mention("ca", "2023-06-13", donor="CAN")) == [["ca"], ["us"]]
    assert _groups(mention("ukr", "2023-06-13"), mention("isr", "2023-06-13", recipient="ISR")) == [["isr"], ["ukr"]]


def test_a_mention_missing_a_party_merges_only_on_the_same_amount_or_the_same_sentence():
    known = mention("known", "2023-06-13")
    assert _groups(known, mention("same", "2023-06-13", donor=None)) == [["known", "same"]]
    assert _groups(known, mention("other", "2023-06-13", donor=None, amount=300_000_000)) == [["known"], ["other"]]
    copy = dict(amount=None, currency=None, donor=None, evidence_key="k")
    assert _groups(mention("a", None, **copy), mention("b", None, **copy)) == [["a", "b"]]


def test_syndicated_copies_of_a_sentence_are_one_package_whatever_their_fields():
    original = mention("original", "2023-06-13", evidence_key="k")
    copy = mention("copy", "2023-06-25", aid_type="financial", mechanism="PDA", evidence_key="k")
    read_otherwise = mention("read otherwise", "2023-06-25", mechanism="USAI", evidence_key="k", recipient="POL")
    assert _groups(original, copy, read_otherwise) == [["copy", "original", "read otherwise"]]
    assert "recipient read otherwise in the same sentence" in compare(original, read_otherwise).reasons
    another_sum = mention("another sum", "2023-06-13", amount=300_000_000, evidence_key="k", donor="CAN")
    assert compare(original, another_sum).veto == "different donors"


def test_two_commitments_of_one_sentence_stay_two_packages_across_its_copies():
    """"The US and Canada each give $325 million": every copy holds both, and each joins its own."""
    us_a, canada_a, us_b, canada_b = (
        mention(key, "2023-06-13", evidence_key="k", donor=donor, article=article)
        for key, donor, article in (("us-a", "USA", "a"), ("ca-a", "CAN", "a"), ("us-b", "USA", "b"), ("ca-b", "CAN", "b"))
    )
    assert _groups(us_a, canada_a, us_b, canada_b) == [["ca-a", "ca-b"], ["us-a", "us-b"]]


def test_differing_aid_types_weigh_but_do_not_veto():
    military, financial = mention("m", "2022-03-17"), mention("f", None, aid_type="financial")
    assert _groups(military, financial) == [["f", "m"]]
    assert "aid types differ" in compare(military, financial).reasons
    bare = dict(amount=None, currency=None, items=frozenset({"tanks"}))
    assert _groups(mention("m", "2023-06-13", **bare), mention("h", "2023-06-13", aid_type="humanitarian", **bare)) == [
        ["h"],
        ["m"],
    ]


def test_relief_money_called_financial_by_one_report_and_humanitarian_by_another_weighs_little():
    """A government proposes CHF 114 million for Ukraine ("financial" to one outlet); a later report says the
    CHF 114 million are earmarked as relief ("humanitarian"): the types weigh against far less than military
    against humanitarian, so the equal uncommon figure carries the pair across a change of stage."""
    relief = dict(amount=114_000_000, currency="CHF", donor="CHE")
    proposed = mention("proposed", None, aid_type="financial", stage="anticipated", **relief)
    decided = mention("decided", "2023-02-22", aid_type="humanitarian", **relief)
    assert "one says financial, the other humanitarian" in compare(proposed, decided).reasons
    assert _groups(proposed, decided) == [["decided", "proposed"]]
    military = mention("military", "2023-02-22", aid_type="military", **relief)
    assert _groups(proposed, military) == [["military"], ["proposed"]]


def test_differing_mechanisms_weigh_but_do_not_veto():
    pda = mention("pda", "2023-06-09", mechanism="PDA")
    usai = mention("usai", "2023-06-09", mechanism="USAI")
    assert _groups(pda, usai) == [["pda", "usai"]]
    bare = dict(amount=None, currency=None, items=frozenset({"tanks"}))
    assert _groups(
        mention("pda", "2023-06-09", mechanism="PDA", **bare), mention("usai", "2023-06-09", mechanism="USAI", **bare)
    ) == [
        ["pda"],
        ["usai"],
    ]


def test_an_anticipated_package_links_to_the_announcement_that_fulfils_it():
    leak = mention("leak", "2023-05-30", stage="anticipated")
    announcement = mention("announcement", "2023-05-31")
    assert _groups(leak, announcement) == [["announcement", "leak"]]


def test_an_anticipation_is_not_fulfilled_by_an_announcement_months_later():
    assert _groups(mention("leak", "2023-01-10", stage="anticipated"), mention("late", "2023-04-01")) == [
        ["late"],
        ["leak"],
    ]


def test_a_delivery_links_to_the_package_it_delivers_within_a_year():
    announced = mention("may", "2023-05-13")
    delivered = mention("delivery", "2023-09-04", stage="delivered")
    too_late = mention("late", "2024-09-04", stage="delivered")
    assert _groups(announced, delivered, too_late) == [["delivery", "may"], ["late"]]


def test_a_delivery_report_without_amount_links_by_its_items():
    announced = mention("may", "2023-05-13", donor="DEU", items=frozenset({"tanks"}))
    tanks = mention(
        "tanks", "2023-09-04", donor="DEU", amount=None, currency=None, stage="delivered", items=frozenset({"tanks"})
    )
    drones = mention(
        "drones", "2023-09-04", donor="DEU", amount=None, currency=None, stage="delivered", items=frozenset({"drones"})
    )
    assert _groups(announced, tanks, drones) == [["drones"], ["may", "tanks"]]


def test_two_commitments_of_one_article_are_never_one_package():
    assert _groups(mention("a", "2023-06-13"), mention("b", "2023-06-13", article="a")) == [["a"], ["b"]]


def test_arrival_order_changes_nothing():
    reports = [
        mention("leak", "2023-05-30", stage="anticipated"),
        mention("announcement", "2023-05-31"),
        mention("undated", None),
        mention("conversion", "2023-05-31", amount=300_000_000, currency="EUR"),
        mention("part", "2023-05-31", amount=100_000_000),
        mention("delivery", "2023-09-01", stage="delivered"),
        mention("later tranche", "2023-08-01"),
        mention("no amount", "2023-05-31", amount=None, currency=None),
    ]
    expected = _groups(*reports)
    for seed in range(20):
        shuffled = list(reports)
        random.Random(seed).shuffle(shuffled)
        assert _groups(*shuffled) == expected


def test_the_threshold_is_reached_by_an_equal_amount_and_parties_alone():
    score = compare(mention("a", None), mention("b", None)).score
    assert score >= THRESHOLD


def test_a_round_figure_agreed_on_weighs_less_than_a_precise_one():
    round_ = compare(mention("a", None, amount=500_000_000), mention("b", None, amount=500_000_000))
    precise = compare(mention("a", None, amount=525_000_000), mention("b", None, amount=525_000_000))
    assert "a round figure" in round_.reasons and "a round figure" not in precise.reasons
    assert THRESHOLD <= round_.score < precise.score


def test_a_round_figure_on_one_side_of_a_conversion_weighs_less():
    euros = mention("eur", "2023-06-13", amount=1_850_000_000, currency="EUR")
    dollars = mention("usd", "2023-06-13", amount=2_000_000_000)
    assert {"same amount after conversion", "a round figure"} <= set(compare(euros, dollars).reasons)


def _with_totals(key: str, *totals: int, amount: int = 300_000_000, currency: str = "USD"):
    """An undated report of a round-figure package stating the donor's running totals (in its currency)."""
    return mention(key, None, amount=amount, currency=currency, running_totals=frozenset((t, currency) for t in totals))


def test_reports_whose_running_totals_are_a_package_apart_are_two_packages():
    earlier, later = _with_totals("earlier", 4_000_000_000), _with_totals("later", 4_300_000_000)
    assert "running totals a package apart" in compare(earlier, later).reasons
    assert _groups(earlier, later) == [["earlier"], ["later"]]
    assert _groups(_with_totals("earlier"), _with_totals("later")) == [["earlier", "later"]]


def test_reports_stating_the_same_running_total_weigh_for_one_package():
    wire = _with_totals("wire", 4_310_000_000, 4_900_000_000)
    release = _with_totals("release", 4_300_000_000)
    assert "same running total" in compare(wire, release).reasons
    assert _groups(wire, release) == [["release", "wire"]]


def test_totals_a_package_apart_outweigh_an_agreeing_mechanism_and_items_but_do_not_veto():
    """Two EUR 500 million tranches of the Peace Facility, both funding equipment, stating totals of 1 and 1.5
    billion: the fields agree, the donor's history does not."""
    tranches = [
        mention(key, None, amount=500_000_000, currency="EUR", donor="EU", mechanism="EPF", **fields)
        for key, total in (("first", 1_000_000_000), ("second", 1_500_000_000))
        for fields in [{"items": frozenset({"medical"}), "running_totals": frozenset({(total, "EUR")})}]
    ]
    verdict = compare(*tranches)
    assert {"same mechanism", "items in common", "running totals a package apart"} <= set(verdict.reasons)
    assert verdict.veto is None
    assert _groups(*tranches) == [["first"], ["second"]]


def test_the_level_a_raise_reaches_is_the_donors_running_total():
    """A loan raised "from 100 to 300 million dollars" and "an additional 300 million" bringing aid to 600 million
    are two packages; a raise "from 20 to 100 million euros" and "an extra USD 85 million", bringing aid to
    USD 106 million (EUR 100 million that day), state one total."""
    raised = mention("raised", None, amount=300_000_000, raised_from=(100_000_000, "USD"))
    additional = _with_totals("additional", 600_000_000)
    assert "running totals a package apart" in compare(raised, additional).reasons
    assert _groups(raised, additional) == [["additional"], ["raised"]]
    level = mention("level", None, amount=100_000_000, currency="EUR", raised_from=(20_000_000, "EUR"))
    extra = mention("extra", "2023-11-09", amount=85_000_000, running_totals=frozenset({(106_000_000, "USD")}))
    assert "same running total" in compare(level, extra).reasons


def test_running_totals_closer_than_a_package_say_nothing():
    since_invasion = _with_totals("a", 4_000_000_000, amount=1_000_000_000)
    since_2021 = _with_totals("b", 4_700_000_000, amount=1_000_000_000)
    reasons = set(compare(since_invasion, since_2021).reasons)
    assert not {"same running total", "running totals a package apart"} & reasons


def test_a_total_that_cannot_include_the_package_is_not_weighed():
    restated = _with_totals("restated", 300_000_000)
    assert "same running total" not in compare(restated, _with_totals("other", 300_000_000)).reasons


def test_running_totals_in_two_currencies_are_compared_at_one_days_rate():
    euros = _with_totals("eur", 4_000_000_000, amount=1_000_000_000, currency="EUR")
    dollars = mention(
        "usd", "2023-06-13", amount=1_080_000_000, running_totals=frozenset({(4_300_000_000, "USD")})
    )  # €4bn was $4.31bn that day
    assert "same running total" in compare(euros, dollars).reasons


def test_reports_numbering_the_package_differently_are_two_packages():
    """Two undated $250 million drawdowns: "the 44th" and "the 45th" are two packages, "the 45th" twice one."""
    forty_fourth, forty_fifth = (
        mention(k, None, amount=250_000_000, series_number=n) for k, n in (("a", 44), ("b", 45))
    )
    assert "numbers in the donor's series differ" in compare(forty_fourth, forty_fifth).reasons
    assert _groups(forty_fourth, forty_fifth) == [["a"], ["b"]]
    again = mention("c", None, amount=250_000_000, series_number=45)
    assert "same number in the donor's series" in compare(forty_fifth, again).reasons
    assert _groups(forty_fifth, again) == [["b", "c"]]


def test_a_series_number_says_nothing_without_a_known_donor_on_both_sides():
    numbered = mention("a", None, amount=250_000_000, series_number=44)
    assert (
        compare(numbered, mention("b", None, amount=250_000_000, donor=None, series_number=45)).reasons
        == compare(numbered, mention("b", None, amount=250_000_000, donor=None)).reasons
    )


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
        mention("eur", "2023-06-13", amount=300_000_000, currency="EUR"),
        mention("usd1", "2023-06-13"),
        mention("usd2", "2023-06-14"),
    ]
    profile = summarise("p", members)
    assert (profile.amount, profile.currency) == (325_000_000, "USD")


def test_a_package_takes_the_aid_type_most_reports_give():
    members = [
        mention("a", "2022-03-17", aid_type="military"),
        mention("b", None, aid_type="financial"),
        mention("c", None, aid_type="financial"),
    ]
    assert summarise("p", members).aid_type == "financial"


def test_what_a_raise_adds_merges_with_a_report_of_that_sum_alone():
    """"Raises its aid from 15 to 40 million euros" and "an extra $27 million": the raise adds 25 million euros,
    $27.3 million at that day's rate."""
    level = mention(
        "level", None, amount=40_000_000, currency="EUR", donor="NLD", recipient="SDN", raised_from=(15_000_000, "EUR")
    )
    extra = mention("extra", "2024-03-12", amount=27_000_000, currency="USD", donor="NLD", recipient="SDN")
    assert "what one raise adds is the other's amount" in compare(level, extra).reasons
    assert compare(level, extra) == compare(extra, level)
    assert _groups(level, extra) == [["extra", "level"]]


def test_a_raise_is_compared_by_its_level_with_a_report_of_the_level_or_of_the_same_raise():
    level = mention("a", "2023-06-13", amount=300_000_000, raised_from=(100_000_000, "USD"))
    assert "same amount" in compare(level, mention("b", "2023-06-13", amount=300_000_000)).reasons
    same_raise = mention("c", "2023-06-13", amount=300_000_000, raised_from=(100_000_000, "USD"))
    assert "same amount" in compare(level, same_raise).reasons
    other_sum = mention("d", "2023-06-13", amount=150_000_000)
    assert compare(level, other_sum).veto == "a part, a total or another sum"


def test_every_pair_is_weighed_the_same_either_way_round():
    reports = [mention("a", "2023-06-13"), mention("b", None, amount=300_000_000, currency="EUR", stage="anticipated")]
    for x, y in itertools.permutations(reports, 2):
        assert compare(x, y) == compare(y, x)
