"""Reading one package as a whole: the query behind ``aidledger show``, the API's package and the package page.

It returns :class:`~aidledger.ledger.views.PackageDetail`, detached from the database session, so
a caller renders it as a terminal table, JSON or HTML without touching SQLAlchemy; the three
readers share this one function and this one model, so they never disagree on what a package is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from aidledger.ledger import review
from aidledger.ledger.models import Article, Mention, PackageStage
from aidledger.ledger.review_models import ReviewEvent
from aidledger.ledger.views import (
    ArticleSummary,
    Conversion,
    Evidence,
    MentionView,
    PackageDetail,
    ReviewEventView,
    StageStep,
    Values,
)
from aidledger.schema import Stage

#: A package's history reads in this order, whatever the dates its reports give.
STAGE_ORDER: tuple[Stage, ...] = ("anticipated", "announced", "delivered")


def article_summary(article: Article) -> ArticleSummary:
    return ArticleSummary.model_validate(article)


def mention_view(mention: Mention) -> MentionView:
    """One article's report of a commitment, with its reviewed and extracted values and its evidence."""
    reviewed = mention.review
    return MentionView(
        id=mention.id,
        package_id=mention.package_id,
        article=article_summary(mention.article),
        state=review.mention_state(mention),
        values=Values(**review.mention_values(mention)),
        extracted=Values(**review.extracted_mention_values(mention)),
        corrected=list(reviewed.corrected) if reviewed else [],
        evidence=Evidence(start=mention.evidence_start, end=mention.evidence_end, text=mention.evidence),
    )


def _split(values: dict[str, Any]) -> tuple[Values, Conversion]:
    return Values(**{k: v for k, v in values.items() if k in review.PACKAGE_FIELDS}), Conversion(
        **{k: v for k, v in values.items() if k in review.CONVERSION_FIELDS}
    )


def _report_order(mention: Mention) -> tuple[dt.date, int, int]:
    """Oldest report first: by publication date, else by the date the report states, undated ones last."""
    return mention.article.published or mention.date or dt.date.max, mention.article_id, mention.id


def _stage_step(step: PackageStage) -> StageStep:
    return StageStep(
        stage=step.stage,
        date=step.date,
        mention_id=step.mention_id,
        article=article_summary(step.mention.article),
        evidence=step.evidence,
    )


def get_package(session: Session, package_id: int) -> PackageDetail | None:
    """A package with its values (reviewed and extracted), conversion, stage history, mentions, sources and reviews.

    Mentions and sources come oldest report first, the history in stage order. None when there is no such package.
    """
    package = review.package_with_mentions(session, package_id)
    if package is None:
        return None
    reviewed = package.review
    mentions = sorted(package.mentions, key=_report_order)
    values, conversion = _split(review.package_values(package))
    extracted, extracted_conversion = _split(review.extracted_package_values(package))
    return PackageDetail(
        id=package.id,
        state=review.package_state(package),
        values=values,
        conversion=conversion,
        extracted=extracted,
        extracted_conversion=extracted_conversion,
        corrected=list(reviewed.corrected) if reviewed else [],
        reviewed_by=reviewed.reviewer if reviewed else None,
        reviewed_at=reviewed.reviewed_at if reviewed else None,
        stages=[_stage_step(s) for s in sorted(package.stages, key=lambda s: STAGE_ORDER.index(s.stage))],
        mentions=[mention_view(m) for m in mentions],
        sources=list({m.article.id: article_summary(m.article) for m in mentions}.values()),
        reviews=review_events(session, package_ids=[package.id], mention_ids=[m.id for m in mentions]),
    )


def review_events(
    session: Session, package_ids: Iterable[int] = (), mention_ids: Iterable[int] = (), limit: int = 200
) -> list[ReviewEventView]:
    """The review events of these packages and mentions (all events when both are empty), newest first."""
    query = select(ReviewEvent).order_by(ReviewEvent.at.desc(), ReviewEvent.id.desc()).limit(limit)
    package_ids, mention_ids = list(package_ids), list(mention_ids)
    if package_ids or mention_ids:
        query = query.where(
            or_(
                and_(ReviewEvent.target == "package", ReviewEvent.target_id.in_(package_ids)),
                and_(ReviewEvent.target == "mention", ReviewEvent.target_id.in_(mention_ids)),
            )
        )
    return [ReviewEventView.model_validate(event) for event in session.scalars(query)]
