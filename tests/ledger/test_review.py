"""Review decisions on SQLite and PostgreSQL: they win over extracted values, keep them, are events, and outlive ingest."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from aidledger.cli import _register, app
from aidledger.ledger import Ledger, review
from aidledger.ledger.export import kiel_rows, mention_rows, package_rows
from aidledger.ledger.models import Mention, Package, PackageStage
from aidledger.ledger.queries import get_package
from aidledger.ledger.review_models import ReviewEvent
from aidledger.web import queries
from tests.ledger.records import article, commitment, one_commitment_article, package_story

_register()

US = "The United States will provide $325 million in military aid to Ukraine, the Pentagon said."
US_AGAIN = "Washington is sending Ukraine a $325 million military aid package, officials said."
DE = "Germany will provide 2.7 billion euros in military aid to Ukraine."


@pytest.fixture
def ledger(db_url) -> Ledger:
    """Two packages: a US one reported by two articles (mentions 1, 2), a German one (mention 3)."""
    ledger = Ledger(db_url)
    ledger.add(*one_commitment_article("us", US, "2023-06-13", "https://a.example/us", amount=325e6, currency="USD"))
    ledger.add(
        *one_commitment_article(
            "us2", US_AGAIN, "2023-06-14", "https://b.example/us", amount=325e6, currency="USD", date="2023-06-13"
        )
    )
    ledger.add(*one_commitment_article("de", DE, "2023-05-15", donor="DEU", amount=2.7e9, currency="EUR"))
    return ledger


def _ids(ledger: Ledger) -> tuple[int, int]:
    with ledger.sessions() as session:
        us = session.scalar(select(Package.id).where(Package.donor == "USA"))
        de = session.scalar(select(Package.id).where(Package.donor == "DEU"))
    return us, de


def _only_package(ledger: Ledger) -> int:
    with ledger.sessions() as session:
        return session.scalars(select(Package.id)).one()


def _detail(ledger: Ledger, package_id: int):
    with ledger.sessions() as session:
        return get_package(session, package_id)


def _do(ledger: Ledger, action, *args):
    with ledger.sessions.begin() as session:
        return action(session, *args)


def test_a_correction_wins_over_the_extracted_value_without_erasing_it(ledger):
    us, _ = _ids(ledger)
    _do(ledger, review.correct_package, us, {"amount": "300,000,000", "items": ["air_defense"]}, "ann")
    detail = _detail(ledger, us)
    assert (detail.state, detail.values.amount, detail.values.items) == ("corrected", 300_000_000, ["air_defense"])
    assert detail.extracted.amount == 325e6
    assert detail.conversion.amount_usd == pytest.approx(300_000_000)
    assert detail.conversion.amount_eur == pytest.approx(300_000_000 * detail.conversion.fx_rate_eur)
    assert detail.corrected == ["amount", "items"]
    with ledger.sessions() as session:
        assert session.get(Package, us).amount == 325e6  # the extracted row is untouched
        row = next(r for r in queries.list_packages(session).items if r.id == us)
    assert (row.amount, row.state) == (300_000_000, "corrected")


def test_show_prints_the_reviewed_values_and_who_set_them(ledger, db_url):
    us, _ = _ids(ledger)
    _do(ledger, review.reject_mention, _detail(ledger, us).mentions[1].id, "bob")
    _do(ledger, review.correct_package, us, {"amount": "300,000,000"}, "ann")
    result = CliRunner().invoke(app, ["show", str(us), "--db", db_url], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "USA → UKR, 300,000,000 USD" in result.stdout
    assert "review: corrected by ann on" in result.stdout and "set by the reviewer: amount" in result.stdout
    assert "announced (rejected)" in result.stdout


def test_every_action_is_an_event_with_who_when_before_and_after(ledger):
    us, _ = _ids(ledger)
    _do(ledger, review.accept_package, us, "ann", "checked against the press release")
    _do(ledger, review.correct_package, us, {"mechanism": "PDA"}, "bob")
    with ledger.sessions() as session:
        events = session.scalars(select(ReviewEvent).order_by(ReviewEvent.id)).all()
    assert [(e.reviewer, e.action, e.target, e.target_id) for e in events] == [
        ("ann", "accept", "package", us),
        ("bob", "correct", "package", us),
    ]
    assert events[0].note == "checked against the press release"
    assert (events[1].before, events[1].after) == (
        {"mechanism": None, "state": "accepted"},
        {"mechanism": "PDA", "state": "corrected"},
    )
    assert all(abs(e.at - dt.datetime.now(dt.UTC).replace(tzinfo=None)) < dt.timedelta(minutes=1) for e in events)


def test_a_correction_that_changes_nothing_is_refused(ledger):
    us, _ = _ids(ledger)
    with pytest.raises(review.ReviewError, match="no value differs"):
        _do(ledger, review.correct_package, us, {"amount": "325000000", "donor": "usa"}, "ann")


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"currency": "XYZ"}, "currency: XYZ is not an ISO 4217 currency code"),
        ({"donor": "<script>"}, "donor: a country code"),
        ({"amount": "-1"}, "amount: Input should be greater than or equal to 0"),
        ({"date": "1066-10-14"}, "date: a commitment date is between 1900 and 2100"),
        ({"items": ["tanks", "spaceships"]}, "items"),
        ({"announcer": "Someone"}, "announcer is not a field a reviewer can set here"),
    ],
)
def test_a_bad_value_is_refused_naming_its_field_and_nothing_is_stored(ledger, changes, message):
    us, _ = _ids(ledger)
    with pytest.raises(review.ReviewError, match=message.replace("(", r"\(")):
        _do(ledger, review.correct_package, us, changes, "ann")
    assert _detail(ledger, us).state == "unreviewed"


def test_reingesting_never_overwrites_a_human_decision(ledger):
    us, de = _ids(ledger)
    _do(ledger, review.correct_package, us, {"amount": 300_000_000}, "ann")
    _do(ledger, review.reject_package, de, "ann")
    document, extraction = one_commitment_article(
        "us", US, "2023-06-13", "https://a.example/us", amount=325e6, currency="USD"
    )
    assert not ledger.add(document, extraction).new  # the same article again: nothing happens
    later = "US officials confirmed the $325 million package for Ukraine on Thursday."
    ledger.add(*one_commitment_article("us3", later, "2023-06-15", amount=325e6, currency="USD", date="2023-06-13"))
    german = "Berlin confirmed its 2.7 billion euro military package for Ukraine."
    ledger.add(*one_commitment_article("de2", german, "2023-05-16", donor="DEU", amount=2.7e9, currency="EUR"))
    detail = _detail(ledger, us)
    assert (detail.state, detail.values.amount, len(detail.mentions)) == ("corrected", 300_000_000, 2)
    assert (_detail(ledger, de).state, len(_detail(ledger, de).mentions)) == ("rejected", 1)
    with ledger.sessions() as session:  # the later reports wait, each in a package of its own, for a reviewer
        later_packages = [row for row in queries.list_packages(session).items if row.id not in (us, de)]
    assert sorted((row.donor, row.state) for row in later_packages) == [("DEU", "unreviewed"), ("USA", "unreviewed")]


def test_rejected_packages_leave_the_lists_and_totals_but_not_the_ledger(ledger):
    us, de = _ids(ledger)
    _do(ledger, review.reject_package, de, "ann")
    with ledger.sessions() as session:
        assert [row.id for row in queries.list_packages(session).items] == [us]
        assert [t.key for t in queries.totals(session, "donor")] == ["USA"]
        everything = queries.list_packages(session, queries.PackageFilters(state="all"))
        rejected = queries.list_packages(session, queries.PackageFilters(state="rejected"))
    assert {row.id for row in everything.items} == {us, de}
    assert [row.id for row in rejected.items] == [de]


def test_accepting_a_rejected_package_brings_it_back(ledger):
    _, de = _ids(ledger)
    _do(ledger, review.reject_package, de, "ann")
    _do(ledger, review.accept_package, de, "bob")
    assert _detail(ledger, de).state == "accepted"


def test_correcting_a_mention_rederives_its_package_but_keeps_the_packages_own_corrections(ledger):
    us, _ = _ids(ledger)
    _do(ledger, review.correct_package, us, {"mechanism": "USAI"}, "ann")
    for mention in _detail(ledger, us).mentions:
        _do(ledger, review.correct_mention, mention.id, {"recipient": "MDA", "mechanism": "PDA"}, "bob")
    detail = _detail(ledger, us)
    assert [(m.values.recipient, m.extracted.recipient) for m in detail.mentions] == [("MDA", "UKR"), ("MDA", "UKR")]
    assert (detail.values.recipient, detail.values.mechanism) == ("MDA", "USAI")  # the mentions', the package's own
    with ledger.sessions() as session:
        actions = session.scalars(select(ReviewEvent.action).order_by(ReviewEvent.id)).all()
    assert actions[:2] == ["correct", "correct"] and actions[-1] == "rederive"


def test_rejecting_every_mention_rejects_the_package(ledger):
    us, _ = _ids(ledger)
    mentions = [m.id for m in _detail(ledger, us).mentions]
    _do(ledger, review.reject_mention, mentions[0], "ann")
    assert _detail(ledger, us).state == "unreviewed"
    _do(ledger, review.reject_mention, mentions[1], "ann")
    detail = _detail(ledger, us)
    assert detail.state == "rejected"
    assert [m.state for m in detail.mentions] == ["rejected", "rejected"]


def test_merging_moves_every_mention_and_deletes_the_emptied_package(ledger):
    us, de = _ids(ledger)
    _do(ledger, review.merge_packages, us, de, "ann")
    kept = _detail(ledger, us)
    assert len(kept.mentions) == 3 and kept.state == "corrected"
    assert _detail(ledger, de) is None
    with ledger.sessions() as session:
        assert review.merged_into(session, de) == us
    with pytest.raises(review.ReviewError, match=f"package {de} was merged into package {us}"):
        _do(ledger, review.accept_package, de, "ann")
    with pytest.raises(review.ReviewError, match="cannot be merged with itself"):
        _do(ledger, review.merge_packages, us, us, "ann")


def test_splitting_makes_a_new_package_and_rebuilds_both_stage_histories(db_url):
    ledger = Ledger(db_url)
    for document, extraction in package_story():
        ledger.add(document, extraction)
    package_id = _only_package(ledger)
    delivery = next(m.id for m in _detail(ledger, package_id).mentions if m.values.stage == "delivered")
    new = _do(ledger, lambda s: review.split_package(s, package_id, [delivery], "ann").id)
    with ledger.sessions() as session:
        stages = {
            pid: [s.stage for s in session.scalars(select(PackageStage).where(PackageStage.package_id == pid))]
            for pid in (package_id, new)
        }
        assert session.get(Mention, delivery).package_id == new
    assert {pid: sorted(found) for pid, found in stages.items()} == {
        package_id: ["announced", "anticipated"],
        new: ["delivered"],
    }
    assert (_detail(ledger, package_id).values.stage, _detail(ledger, new).values.stage) == ("announced", "delivered")
    with pytest.raises(review.ReviewError, match="at least one mention in each package"):
        _do(ledger, review.split_package, package_id, [], "ann")


def test_exports_carry_reviewed_values_and_review_state(ledger):
    us, de = _ids(ledger)
    _do(ledger, review.correct_package, us, {"amount": 300_000_000}, "ann")
    first = _detail(ledger, us).mentions[0].id
    _do(ledger, review.correct_mention, first, {"announcer": "Lloyd Austin"}, "bob")
    with ledger.sessions() as session:
        packages = {row["package_id"]: row for row in package_rows(session)}
        mentions = {row["mention_id"]: row for row in mention_rows(session)}
    assert (packages[us]["amount"], packages[us]["amount_usd"]) == (300_000_000, pytest.approx(300_000_000))
    assert (packages[us]["review_state"], packages[us]["corrected_fields"], packages[us]["reviewed_by"]) == (
        "corrected",
        ["amount"],
        "ann",
    )
    assert (packages[de]["review_state"], packages[de]["amount"]) == ("unreviewed", 2.7e9)
    assert (mentions[first]["announcer"], mentions[first]["review_state"]) == ("Lloyd Austin", "corrected")


def test_a_mention_correction_of_the_money_converts_at_the_mentions_rate(db_url):
    ledger = Ledger(db_url)
    text = "Norway pledged 1 billion kroner to Ukraine."
    ledger.add(*article("no", text, "2023-06-13", None, [commitment(text, donor="NOR", amount=1e9, currency="USD")]))
    package_id = _only_package(ledger)
    mention_id = _detail(ledger, package_id).mentions[0].id
    _do(ledger, review.correct_mention, mention_id, {"currency": "NOK"}, "ann")
    detail = _detail(ledger, package_id)
    assert detail.values.currency == "NOK"
    assert detail.conversion.amount_usd == pytest.approx(1e9 * detail.conversion.fx_rate)
    assert detail.conversion.amount_usd < 0.2e9  # a krone is worth about a tenth of a dollar


def test_a_split_is_not_undone_by_later_reports_of_the_same_commitment(ledger):
    us, _ = _ids(ledger)
    english, other = (m.id for m in _detail(ledger, us).mentions)
    new = _do(ledger, lambda s: review.split_package(s, us, [other], "ann").id)
    again = "Washington confirmed its $325 million package of military aid for Ukraine on Wednesday."
    ledger.add(*one_commitment_article("us4", again, "2023-06-14", amount=325e6, currency="USD", date="2023-06-13"))
    assert [m.id for m in _detail(ledger, us).mentions] == [english]
    assert [m.id for m in _detail(ledger, new).mentions] == [other]


def test_the_kiel_layout_takes_reviewed_values_and_leaves_rejected_packages_out(ledger):
    us, de = _ids(ledger)
    _do(ledger, review.correct_package, us, {"amount": "300000000"}, "ann")
    _do(ledger, review.reject_package, de, "ann")
    with ledger.sessions() as session:
        rows = kiel_rows(session)
    assert [(row["donor"], row["tot_activity_value"]) for row in rows] == [("United States", 300_000_000)]
