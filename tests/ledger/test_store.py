"""Storing articles on SQLite and PostgreSQL: idempotence, atomicity, package fields, conversions, history."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import func, select
from sqlalchemy import text as sql

from aidledger.ledger import Ledger, Stored
from aidledger.ledger.db import MIGRATIONS, create_ledger_engine
from aidledger.ledger.linking import record_of
from aidledger.ledger.models import Article, Entity, Mention, Package, PackageStage, Quote
from aidledger.schema import Amount
from aidledger.schema import Entity as EntityRecord
from aidledger.schema import Quote as QuoteRecord
from aidledger.schema import Span
from tests.ledger import corpus
from tests.ledger.records import PACKAGE_STORY, article, commitment, one_commitment_article, package_story

TEXT = "The United States will provide $325 million in military aid to Ukraine, Antony Blinken said on Tuesday."


def _count(ledger: Ledger, model) -> int:
    with ledger.sessions() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_storing_the_corpus_groups_it_as_the_pure_merge_does(db_url):
    ledger = Ledger(db_url)
    rows = sorted(corpus.load(), key=lambda row: (row[1].published, row[1].id))
    for _label, document, extraction in rows:
        ledger.add(document, extraction)
    with ledger.sessions() as session:
        stored = session.execute(select(Mention.package_id, Article.source_id).join(Mention.article)).all()
    groups: dict[int, list[str]] = {}
    for package_id, source_id in stored:
        groups.setdefault(package_id, []).append(source_id)
    precision, recall = corpus.precision_recall(groups.values(), corpus.gold_groups(rows))
    assert (precision, recall) == (1.0, 1.0)


def test_an_article_is_stored_with_its_mentions_quotes_and_entities(db_url):
    ledger = Ledger(db_url)
    document, extraction = article(
        "blinken",
        TEXT,
        "2023-06-13",
        "https://www.state.gov/x",
        [commitment(TEXT, amount=325e6, currency="USD", date="2023-06-13", items=["air_defense", "anti_tank"])],
        quotes=[QuoteRecord(speaker="Antony Blinken", quote="We stand with Ukraine", start=5, end=26)],
        entities=[
            EntityRecord(name="Ukraine", label="GPE", code="UKR", mentions=[Span(start=60, end=67, text="Ukraine")])
        ],
    )
    assert ledger.add(document, extraction).new
    with ledger.sessions() as session:
        stored = session.scalars(select(Article)).one()
        assert (stored.outlet, stored.n_commitments, stored.published) == ("state.gov", 1, dt.date(2023, 6, 13))
        mention = stored.mentions[0]
        assert (mention.evidence_start, mention.evidence_end, mention.evidence) == (0, len(TEXT), TEXT)
        assert sorted(i.item for i in mention.items) == ["air_defense", "anti_tank"]
        assert session.scalars(select(Quote)).one().speaker == "Antony Blinken"
        assert session.scalars(select(Entity)).one().spans == [[60, 67]]


def test_running_totals_are_stored_with_their_mention_and_keep_two_packages_of_one_figure_apart(db_url):
    ledger = Ledger(db_url)
    for id_, total in (("earlier", 4_000_000_000), ("later", 4_300_000_000)):
        text = f"The United States adds $300 million in aid for Ukraine, bringing its aid to ${total:,}."
        found = commitment(text, amount=3e8, currency="USD", running_totals=[Amount(amount=total, currency="USD")])
        ledger.add(*article(id_, text, "2023-06-13", commitments=[found]))
    with ledger.sessions() as session:
        columns = (Article.source_id, Mention.running_totals, Mention.package_id)
        stored = session.execute(select(*columns).join(Mention.article)).all()
    assert sorted(row[:2] for row in stored) == [("earlier", [[4e9, "USD"]]), ("later", [[4.3e9, "USD"]])]
    assert len({row.package_id for row in stored}) == 2


def test_a_series_number_is_stored_with_its_mention_and_keeps_two_packages_of_one_figure_apart(db_url):
    ledger = Ledger(db_url)
    for id_, number in (("earlier", 44), ("later", 45)):
        text = f"The Pentagon announced a $250 million drawdown for Ukraine, its {number}th since 2021."
        ledger.add(
            *article(id_, text, "2023-06-13", commitments=[commitment(text, amount=2.5e8, series_number=number)])
        )
    with ledger.sessions() as session:
        stored = session.execute(
            select(Article.source_id, Mention.series_number, Mention.package_id).join(Mention.article)
        )
        rows = stored.all()
    assert sorted(row[:2] for row in rows) == [("earlier", 44), ("later", 45)]
    assert len({row.package_id for row in rows}) == 2


def test_where_a_raise_starts_is_stored_with_its_mention_for_linkage(db_url):
    text = "The Netherlands will raise its aid to Sudan from 15 to 40 million euros."
    start = Amount(amount=1.5e7, currency="EUR")
    found = commitment(text, donor="NLD", recipient="SDN", amount=4e7, currency="EUR", raised_from=start)
    ledger = Ledger(db_url)
    ledger.add(*article("raise", text, "2024-03-12", commitments=[found]))
    with ledger.sessions() as session:
        assert session.execute(select(Mention.raised_from)).scalar_one() == [1.5e7, "EUR"]
        assert [record_of(m).raised_from for m in session.scalars(select(Mention))] == [(15_000_000, "EUR")]


def test_storing_the_same_input_again_adds_nothing(db_url):
    ledger = Ledger(db_url)
    document, extraction = one_commitment_article(
        "a", TEXT, "2023-06-13", "https://example.org/a", amount=325e6, currency="USD"
    )
    assert ledger.add(document, extraction) == Stored(new=True, mentions=1, packages=1)
    assert ledger.add(document, extraction) == Stored(new=False)
    same_url = document.model_copy(update={"id": "other", "text": TEXT + " Updated."})
    same_id = document.model_copy(update={"url": None, "text": TEXT + " Corrected."})
    assert not ledger.add(same_url, extraction).new
    assert not ledger.add(same_id, extraction).new
    assert (_count(ledger, Article), _count(ledger, Mention), _count(ledger, Package)) == (1, 1, 1)


def test_a_package_carries_usd_and_eur_at_the_announcement_dates_ecb_rate(db_url):
    ledger = Ledger(db_url)
    text = "Germany will provide 2.7 billion euros in military aid to Ukraine."
    ledger.add(*one_commitment_article("de", text, "2023-05-13", donor="DEU", amount=2.7e9, currency="EUR"))
    with ledger.sessions() as session:
        package = session.scalars(select(Package)).one()
    assert package.fx_date == dt.date(2023, 5, 12)  # 13 May 2023 was a Saturday
    assert package.amount_eur == pytest.approx(2.7e9)
    assert package.amount_usd == pytest.approx(2.7e9 * package.fx_rate)
    assert package.fx_note is None


def test_a_package_in_a_currency_without_ecb_rate_is_stored_unconverted_with_a_note(db_url):
    ledger = Ledger(db_url)
    text = "Lithuania handed Ukraine equipment worth 1.5 billion hryvnias."
    ledger.add(*one_commitment_article("lt", text, "2024-03-15", donor="LTU", amount=1.5e9, currency="UAH"))
    with ledger.sessions() as session:
        package = session.scalars(select(Package)).one()
    assert (package.amount, package.currency, package.amount_usd, package.fx_rate) == (1.5e9, "UAH", None, None)
    assert "UAH" in package.fx_note


def test_a_package_keeps_its_stage_history_with_the_evidence_of_each_step(db_url):
    ledger = Ledger(db_url)
    for document, extraction in package_story():
        ledger.add(document, extraction)
    with ledger.sessions() as session:
        package = session.scalars(select(Package)).one()
        history = [
            (s.stage, str(s.date), s.evidence)
            for s in session.scalars(select(PackageStage).order_by(PackageStage.date))
        ]
    assert (package.stage, str(package.date)) == ("delivered", "2023-05-31")
    assert history == [(stage, day, text) for _id, text, day, stage in PACKAGE_STORY]


def test_a_document_the_database_refuses_leaves_nothing_behind(db_url):
    ledger = Ledger(db_url)
    text = "Canada will provide $500 million to Ukraine."
    document, extraction = article(
        "nul",
        text,
        "2023-06-10",
        None,
        [commitment(text, donor="CAN", amount=500e6, currency="CAD", date="2023-06-10")],
        entities=[EntityRecord(name="Kyiv\x00", label="GPE")],  # PostgreSQL refuses NUL characters in text
    )
    try:
        ledger.add(document, extraction)
    except Exception:
        assert (_count(ledger, Article), _count(ledger, Mention), _count(ledger, Package)) == (0, 0, 0)
    else:
        assert (_count(ledger, Article), _count(ledger, Mention), _count(ledger, Entity)) == (1, 1, 1)


def test_an_undated_package_is_placed_and_converted_at_its_earliest_publication_date(db_url):
    ledger = Ledger(db_url)
    text = "Sweden will send Ukraine air defence worth 1.2 billion crowns."
    for id_, published in (("later", "2024-05-10"), ("earlier", "2024-05-08")):
        ledger.add(
            *one_commitment_article(
                id_, f"{text} ({id_})", published, date=None, donor="SWE", amount=1.2e9, currency="SEK"
            )
        )
    with ledger.sessions() as session:
        package = session.scalars(select(Package)).one()
    assert (package.date, package.reference_date, package.reference_basis) == (None, dt.date(2024, 5, 8), "published")
    assert package.fx_date == dt.date(2024, 5, 8) and package.amount_eur is not None


def test_a_syndicated_copy_lands_in_the_package_even_without_donor_or_date(db_url):
    ledger = Ledger(db_url)
    text = "The grant of 40 million dollars will rebuild the power grid of the Kharkiv region."
    ledger.add(*one_commitment_article("wire", text, "2024-05-08", donor="USA", amount=40e6, currency="USD"))
    copy_document, copy_extraction = article(
        "copy",
        "Reposted. " + text,
        "2024-06-30",
        None,
        [commitment(text, donor=None, recipient="UKR", amount=None, date=None)],
    )
    ledger.add(copy_document, copy_extraction)
    assert _count(ledger, Package) == 1


def test_concurrent_ingests_never_create_two_packages_for_one(db_url):
    ledger = Ledger(db_url)
    text = "Denmark will give Ukraine 1.1 billion kroner for F-16 ammunition, the defence minister said."
    reports = [
        one_commitment_article(
            f"outlet-{n}", f"{text} (report {n})", "2024-05-08", donor="DNK", amount=1.1e9, currency="DKK"
        )
        for n in range(6)
    ]
    barrier = threading.Barrier(len(reports))
    writers = [Ledger(db_url) for _ in reports]  # one engine each (Alembic, which runs on open, is not thread-safe)

    def store(writer: Ledger, report) -> None:
        barrier.wait()
        writer.add(*report)

    threads = [threading.Thread(target=store, args=pair) for pair in zip(writers, reports)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert (_count(ledger, Article), _count(ledger, Package)) == (len(reports), 1)


def test_a_ledger_of_the_first_schema_upgrades_to_exact_amounts_and_conversions(sqlite_path):
    engine = create_ledger_engine(f"sqlite:///{sqlite_path}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.execute(
            sql(
                "INSERT INTO articles (id, source_id, language, content_hash, text, n_commitments, published) "
                "VALUES (1, 'old', 'en', 'abc', 'Britain pledged 3.1 billion pounds.', 1, NULL)"
            )
        )
        connection.execute(
            sql(
                "INSERT INTO packages (id, donor, recipient, amount, currency, aid_type, stage, date) "
                "VALUES (1, 'GBR', 'UKR', 3099999999.9999995, 'GBP', 'military', 'announced', NULL)"
            )
        )
        connection.execute(
            sql(
                "INSERT INTO mentions (id, article_id, package_id, position, donor, recipient, amount, currency, "
                "aid_type, stage, evidence_start, evidence_end, evidence) VALUES (1, 1, 1, 0, 'GBR', 'UKR', "
                "3099999999.9999995, 'GBP', 'military', 'announced', 0, 34, 'Britain pledged 3.1 billion pounds.')"
            )
        )
    engine.dispose()
    ledger = Ledger(str(sqlite_path))
    with ledger.sessions() as session:
        package = session.scalars(select(Package)).one()
        mention = session.scalars(select(Mention)).one()
    assert (package.amount, mention.amount, package.reference_basis) == (3_100_000_000, 3_100_000_000, "ingested")
    assert isinstance(package.amount_usd, int) and isinstance(package.amount_eur, int)
    assert mention.evidence_key
