"""Review decisions on packages and mentions, and the reviewed values that win over extracted ones.

A reviewer accepts, corrects or rejects a package or a mention, merges two packages or splits one.
Each action is stored as a :class:`ReviewEvent` (who, when, the values before and after) and its
outcome as a :class:`PackageReview` or :class:`MentionReview` row beside the extracted row, which
is never written over. Readers take the reviewed values where a review row exists.

States of a package (``package_reviews.state``; no row means ``unreviewed``):

============ ==================================================================================
accepted     a reviewer accepted its values as they were shown
corrected    a reviewer changed a field, merged another package into it, split it, or corrected
             or rejected one of its mentions in a way that changed it
rejected     a reviewer rejected it (or every one of its mentions): it is not a commitment
============ ==================================================================================

Correcting or rejecting a mention re-derives its package from its reviewed, non-rejected mentions
(the merge rules' :func:`~aidledger.ledger.merge.summarise`); the fields a reviewer set on the
package itself (``corrected``) keep their values. A merge moves every mention of one package into
the other and deletes the emptied one (its events remain). Ingesting more articles never undoes a
decision: linking leaves the mentions of reviewed packages out (:func:`~aidledger.ledger.linking._candidates`),
so they are never regrouped, and a later report of a reviewed package becomes a package of its own
for a reviewer to merge.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

import babel.numbers
from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints, TypeAdapter, ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session, backref, relationship, selectinload

from aidledger.ledger import fx, linking, merge
from aidledger.ledger.models import Mention, Package
from aidledger.ledger.review_models import MentionReview, PackageReview, ReviewEvent, utcnow
from aidledger.schema import AidType, Item, Mechanism, Stage

# The reviewed row of a package or mention, reachable from it without touching the ledger's own models.
PackageReview.package = relationship(
    Package, backref=backref("review", uselist=False, cascade="all, delete-orphan", passive_deletes=True)
)
MentionReview.mention = relationship(
    Mention, backref=backref("review", uselist=False, cascade="all, delete-orphan", passive_deletes=True)
)

PACKAGE_FIELDS = ("donor", "recipient", "amount", "currency", "aid_type", "mechanism", "stage", "date", "items")
MENTION_FIELDS = (*PACKAGE_FIELDS, "announcer")
#: What the reviewed amount, currency and date give: where the package is placed in time, and its conversion.
CONVERSION_FIELDS = (
    "reference_date",
    "reference_basis",
    "amount_usd",
    "amount_eur",
    "fx_rate",
    "fx_rate_eur",
    "fx_date",
    "fx_note",
)
#: Changing one of these changes the conversion to USD and EUR.
MONEY_FIELDS = frozenset({"amount", "currency", "date"})
STATES = ("unreviewed", "accepted", "corrected", "rejected")
#: Packages in these states are no commitment of the ledger: lists, totals, charts and the Kiel export leave them out.
CLOSED_STATES = ("rejected",)
UNREVIEWED = "unreviewed"


class ReviewError(ValueError):
    """A review that cannot be done, with a one-line reason a reviewer can act on."""


def _blank_to_none(value: Any) -> Any:
    """Form fields arrive as strings: an empty one means no value."""
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _whole_units(value: Any) -> Any:
    """An amount in whole units of its currency, as the ledger keeps them: '1,500,000', '1 500 000', '1.5e9'."""
    if isinstance(value, str):
        for separator in (",", "_", " ", "\u00a0", "\u202f"):
            value = value.replace(separator, "")
        try:
            value = Decimal(value)
        except InvalidOperation:
            raise ValueError("a number, e.g. 1500000 or 1,500,000") from None
    if isinstance(value, float | Decimal):
        if not math.isfinite(value):
            raise ValueError("a finite number")
        if value != int(value):
            raise ValueError("whole units of the currency, without decimals")
        value = int(value)
    return value


def _known_currency(code: str) -> str:
    code = code.upper()
    if code not in babel.numbers.list_currencies():
        raise ValueError(f"{code} is not an ISO 4217 currency code")
    return code


def _plausible_date(day: dt.date) -> dt.date:
    if not dt.date(1900, 1, 1) <= day <= dt.date(2100, 12, 31):
        raise ValueError("a commitment date is between 1900 and 2100")
    return day


Blank = BeforeValidator(_blank_to_none)
Code = Annotated[str, StringConstraints(to_upper=True, pattern=r"^[A-Za-z][A-Za-z0-9]{1,9}$")]
CurrencyCode = Annotated[
    str, StringConstraints(to_upper=True, pattern=r"^[A-Za-z]{3}$"), AfterValidator(_known_currency)
]
Amount = Annotated[int, Field(ge=0, le=10**15)]
#: How each field a reviewer may set is checked; one adapter per field, so a form may send any subset.
#: An optional field takes an empty string (an emptied form field) as no value.
FIELD_TYPES: dict[str, TypeAdapter] = {
    "donor": TypeAdapter(Annotated[Code | None, Blank]),
    "recipient": TypeAdapter(Annotated[Code | None, Blank]),
    "amount": TypeAdapter(Annotated[Amount | None, BeforeValidator(_whole_units), Blank]),
    "currency": TypeAdapter(Annotated[CurrencyCode | None, Blank]),
    "aid_type": TypeAdapter(AidType),
    "mechanism": TypeAdapter(Annotated[Mechanism | None, Blank]),
    "stage": TypeAdapter(Stage),
    "date": TypeAdapter(Annotated[Annotated[dt.date, AfterValidator(_plausible_date)] | None, Blank]),
    "items": TypeAdapter(Annotated[list[Item], AfterValidator(lambda items: sorted(set(items)))]),
    "announcer": TypeAdapter(Annotated[Annotated[str, StringConstraints(max_length=300)] | None, Blank]),
}


#: What a value must look like, for fields whose check is a pattern the reviewer should not have to read.
HINTS = {
    "donor": "a country code (ISO 3166 alpha-3, e.g. USA) or an organisation code (e.g. EU)",
    "recipient": "a country code (ISO 3166 alpha-3, e.g. UKR) or an organisation code (e.g. UNRWA)",
    "currency": "a three-letter ISO 4217 code, e.g. EUR",
}


def validate_changes(changes: dict[str, Any], fields: Sequence[str]) -> dict[str, Any]:
    """The checked values of ``changes``; a field outside ``fields`` or a bad value is a ReviewError naming it."""
    checked = {}
    for name, value in changes.items():
        if name not in fields:
            raise ReviewError(f"{name} is not a field a reviewer can set here")
        try:
            checked[name] = FIELD_TYPES[name].validate_python(value)
        except ValidationError as exc:
            error = exc.errors()[0]
            message = HINTS[name] if error["type"] == "string_pattern_mismatch" else error["msg"]
            raise ReviewError(f"{name}: {message.removeprefix('Value error, ')}") from None
    return checked


# --- values: extracted, reviewed, derived ----------------------------------------------------------------------


def _mention_items(mention: Mention) -> list[str]:
    return sorted({item.item for item in mention.items})


def extracted_mention_values(mention: Mention) -> dict[str, Any]:
    """What the machine read in the article, as stored in ``mentions``."""
    values = {name: getattr(mention, name) for name in MENTION_FIELDS if name != "items"}
    return values | {"items": _mention_items(mention)}


def mention_values(mention: Mention) -> dict[str, Any]:
    """The mention's values as reviewed, else as extracted."""
    review = mention.review
    if review is None:
        return extracted_mention_values(mention)
    return {name: getattr(review, name) for name in MENTION_FIELDS}


def mention_state(mention: Mention) -> str:
    return mention.review.state if mention.review is not None else UNREVIEWED


def extracted_package_values(package: Package) -> dict[str, Any]:
    """The package as linking derived it from its extracted mentions, with its reference date and conversion."""
    values = {name: getattr(package, name) for name in (*PACKAGE_FIELDS, *CONVERSION_FIELDS) if name != "items"}
    return values | {"items": sorted({item for mention in package.mentions for item in _mention_items(mention)})}


def package_values(package: Package) -> dict[str, Any]:
    """The package's values (fields and conversion) as reviewed, else as extracted."""
    review = package.review
    if review is None:
        return extracted_package_values(package)
    return {name: getattr(review, name) for name in (*PACKAGE_FIELDS, *CONVERSION_FIELDS)}


def package_state(package: Package) -> str:
    return package.review.state if package.review is not None else UNREVIEWED


def conversion(package: Package, values: dict[str, Any]) -> dict[str, Any]:
    """Where ``values`` place the package in time and their USD and EUR amounts, as linking derives them.

    The reference date is the (reviewed) announcement date, else the package's earliest publication
    date, else its ingest date (:func:`aidledger.ledger.linking.reference`); the rate is the ECB's of that day.
    """
    day, basis = linking.reference(package, values["date"])
    result = fx.convert(values["amount"], values["currency"], day)
    return {
        "reference_date": day,
        "reference_basis": basis,
        "amount_usd": result.amount_usd,
        "amount_eur": result.amount_eur,
        "fx_rate": float(result.rate_usd) if result.rate_usd is not None else None,
        "fx_rate_eur": float(result.rate_eur) if result.rate_eur is not None else None,
        "fx_date": result.rate_date,
        "fx_note": result.note,
    }


def _reviewed_record(mention: Mention) -> merge.MentionRecord:
    """The linkage view of a mention with its reviewed values."""
    record = linking.record_of(mention)
    if mention.review is None:
        return record
    values = mention_values(mention)
    return dataclasses.replace(
        record,
        **{name: values[name] for name in ("donor", "recipient", "amount", "currency", "aid_type", "mechanism")},
        stage=values["stage"],
        date=values["date"],
        items=frozenset(values["items"]),
    )


def derived_values(package: Package) -> dict[str, Any] | None:
    """The package's fields summarised from its reviewed, non-rejected mentions; None when all are rejected."""
    members = [_reviewed_record(m) for m in package.mentions if mention_state(m) != "rejected"]
    if not members:
        return None
    profile = merge.summarise(package.id, members)
    values = {name: getattr(profile, name) for name in PACKAGE_FIELDS if name != "items"}
    return values | {"items": sorted(set().union(*(member.items for member in members)))}


# --- storing decisions -------------------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """A value as JSON keeps it in an event."""
    return value.isoformat() if isinstance(value, dt.date) else value


def _event(
    session: Session,
    reviewer: str,
    target: str,
    target_id: int,
    action: str,
    before: dict,
    after: dict,
    note: str | None,
) -> ReviewEvent:
    event = ReviewEvent(
        at=utcnow(),
        reviewer=reviewer,
        target=target,
        target_id=target_id,
        action=action,
        before={k: _plain(v) for k, v in before.items()},
        after={k: _plain(v) for k, v in after.items()},
        note=(note or "").strip()[:2000] or None,
    )
    session.add(event)
    return event


def package_with_mentions(session: Session, package_id: int) -> Package | None:
    """A package with its review, stages and mentions (with their articles, items and reviews) loaded."""
    return session.scalars(
        select(Package)
        .where(Package.id == package_id)
        .options(
            selectinload(Package.review),
            selectinload(Package.stages),
            selectinload(Package.mentions).selectinload(Mention.items),
            selectinload(Package.mentions).selectinload(Mention.review),
            selectinload(Package.mentions).selectinload(Mention.article),
        )
    ).one_or_none()


def _load_package(session: Session, package_id: int) -> Package:
    """The package with all that reviewing it reads, or a ReviewError naming what became of it."""
    package = package_with_mentions(session, package_id)
    if package is None:
        into = merged_into(session, package_id)
        raise ReviewError(
            f"package {package_id} was merged into package {into}" if into else f"there is no package {package_id}"
        )
    return package


def merged_into(session: Session, package_id: int) -> int | None:
    """The package a merge moved this (deleted) package's mentions into, from the review events."""
    events = session.scalars(
        select(ReviewEvent)
        .where(ReviewEvent.target == "package", ReviewEvent.target_id == package_id, ReviewEvent.action == "merge")
        .order_by(ReviewEvent.id.desc())
    )
    return next((event.after["merged_into"] for event in events if "merged_into" in event.after), None)


def _load_mention(session: Session, mention_id: int) -> Mention:
    mention = session.get(Mention, mention_id)
    if mention is None:
        raise ReviewError(f"there is no mention {mention_id}")
    _load_package(session, mention.package_id)
    return mention


def _stamp(review: PackageReview | MentionReview, reviewer: str, state: str) -> None:
    review.state, review.reviewer, review.reviewed_at = state, reviewer, utcnow()


def _package_review(package: Package, reviewer: str) -> PackageReview:
    """The package's review row, created from its current values on its first review."""
    if package.review is None:
        package.review = PackageReview(**package_values(package), state=UNREVIEWED, corrected=[], reviewer=reviewer)
    return package.review


def _mention_review(mention: Mention, reviewer: str) -> MentionReview:
    if mention.review is None:
        mention.review = MentionReview(**mention_values(mention), state=UNREVIEWED, corrected=[], reviewer=reviewer)
    return mention.review


def _reconvert(review: PackageReview, package: Package) -> None:
    for name, value in conversion(package, {name: getattr(review, name) for name in MONEY_FIELDS}).items():
        setattr(review, name, value)


def _set_package_values(review: PackageReview, values: dict[str, Any], package: Package) -> None:
    """Write reviewed values, placing and converting the package again when its money or date changed."""
    for name, value in values.items():
        setattr(review, name, value)
    if MONEY_FIELDS & values.keys():
        _reconvert(review, package)


def _changed(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in after.items() if before.get(name) != value}


def accept_package(session: Session, package_id: int, reviewer: str, note: str | None = None) -> ReviewEvent:
    """Accept the package's values as they are now (reviewed or extracted); un-rejects a rejected one."""
    package = _load_package(session, package_id)
    before = package_state(package)
    _stamp(_package_review(package, reviewer), reviewer, "accepted")
    return _event(session, reviewer, "package", package.id, "accept", {"state": before}, {"state": "accepted"}, note)


def reject_package(session: Session, package_id: int, reviewer: str, note: str | None = None) -> ReviewEvent:
    """Mark the package as no commitment: it stays in the ledger, out of lists, totals and charts."""
    package = _load_package(session, package_id)
    before = package_state(package)
    _stamp(_package_review(package, reviewer), reviewer, "rejected")
    return _event(session, reviewer, "package", package.id, "reject", {"state": before}, {"state": "rejected"}, note)


def correct_package(
    session: Session, package_id: int, changes: dict[str, Any], reviewer: str, note: str | None = None
) -> ReviewEvent:
    """Set fields of the package by hand; they win over extracted and re-derived values from now on."""
    package = _load_package(session, package_id)
    current = package_values(package)
    diff = _changed(current, validate_changes(changes, PACKAGE_FIELDS))
    if not diff:
        raise ReviewError("no value differs from the package's current values")
    review = _package_review(package, reviewer)
    _set_package_values(review, diff, package)
    review.corrected = sorted(set(review.corrected) | diff.keys())
    state_before = package_state(package)
    _stamp(review, reviewer, "corrected")
    before = {name: current[name] for name in diff} | {"state": state_before}
    return _event(session, reviewer, "package", package.id, "correct", before, diff | {"state": "corrected"}, note)


def _rederive(session: Session, package: Package, reviewer: str, note: str) -> ReviewEvent | None:
    """After its mentions changed, bring the package's reviewed values in line with them; None if nothing changed.

    Fields the reviewer set on the package itself keep their values; a package whose every mention
    is rejected is rejected. Either way the package now has a review row, so linking will not regroup
    the mention a reviewer looked at.
    """
    derived = derived_values(package)
    current = package_values(package)
    state_before = package_state(package)
    if derived is None:
        after_state, diff = "rejected", {}
    else:
        kept = set(package.review.corrected) if package.review is not None else set()
        diff = _changed(current, {name: value for name, value in derived.items() if name not in kept})
        after_state = "corrected" if diff and state_before != "rejected" else state_before
    review = _package_review(package, reviewer)  # from now on linking leaves the package's mentions where they are
    if not diff and after_state == state_before:
        return None
    _set_package_values(review, diff, package)
    _stamp(review, reviewer, after_state)
    before = {name: current[name] for name in diff} | {"state": state_before}
    return _event(session, reviewer, "package", package.id, "rederive", before, diff | {"state": after_state}, note)


def _mention_action(
    session: Session, mention_id: int, reviewer: str, state: str, changes: dict[str, Any], note: str | None
) -> ReviewEvent:
    mention = _load_mention(session, mention_id)
    current = mention_values(mention)
    diff = _changed(current, validate_changes(changes, MENTION_FIELDS))
    if state == "corrected" and not diff:
        raise ReviewError("no value differs from the mention's current values")
    state_before = mention_state(mention)
    review = _mention_review(mention, reviewer)
    for name, value in diff.items():
        setattr(review, name, value)
    review.corrected = sorted(set(review.corrected) | diff.keys())
    _stamp(review, reviewer, state)
    action = {"accepted": "accept", "corrected": "correct", "rejected": "reject"}[state]
    before = {name: current[name] for name in diff} | {"state": state_before}
    event = _event(session, reviewer, "mention", mention.id, action, before, diff | {"state": state}, note)
    session.flush()
    _rederive(session, mention.package, reviewer, f"mention {mention.id} {state}")
    return event


def accept_mention(session: Session, mention_id: int, reviewer: str, note: str | None = None) -> ReviewEvent:
    """Accept what the machine read in this article (or the mention's earlier correction)."""
    return _mention_action(session, mention_id, reviewer, "accepted", {}, note)


def correct_mention(
    session: Session, mention_id: int, changes: dict[str, Any], reviewer: str, note: str | None = None
) -> ReviewEvent:
    """Set what this article really says; its package is re-derived from its reviewed mentions."""
    return _mention_action(session, mention_id, reviewer, "corrected", changes, note)


def reject_mention(session: Session, mention_id: int, reviewer: str, note: str | None = None) -> ReviewEvent:
    """This article reports no such commitment: the mention no longer counts towards its package."""
    return _mention_action(session, mention_id, reviewer, "rejected", {}, note)


def _open_package(session: Session, package_id: int) -> Package:
    package = _load_package(session, package_id)
    if package_state(package) == "rejected":
        raise ReviewError(f"package {package_id} is rejected: accept it before merging or splitting it")
    return package


def _restructured(session: Session, packages: Iterable[Package], reviewer: str) -> None:
    """After mentions moved between packages: re-derive their extracted fields, stage history and reviewed values."""
    for package in packages:
        linking.refresh_package(session, package)
        review = _package_review(package, reviewer)
        derived = derived_values(package)
        kept = {} if derived is None else {k: v for k, v in derived.items() if k not in review.corrected}
        _set_package_values(review, kept, package)
        _reconvert(review, package)
        _stamp(review, reviewer, "rejected" if derived is None else "corrected")


def merge_packages(
    session: Session, keep_id: int, absorb_id: int, reviewer: str, note: str | None = None
) -> list[ReviewEvent]:
    """Move every mention of package ``absorb_id`` into package ``keep_id``; the emptied package is deleted."""
    if keep_id == absorb_id:
        raise ReviewError("a package cannot be merged with itself")
    keep, absorbed = _open_package(session, keep_id), _open_package(session, absorb_id)
    keep_before = package_values(keep)
    keep_ids, moved_ids = sorted(m.id for m in keep.mentions), sorted(m.id for m in absorbed.mentions)
    states = package_state(keep), package_state(absorbed)
    for mention in list(absorbed.mentions):
        mention.package = keep
    session.flush()
    session.delete(absorbed)
    _restructured(session, [keep], reviewer)
    kept_after = _changed(keep_before, package_values(keep))
    return [
        _event(
            session,
            reviewer,
            "package",
            keep.id,
            "merge",
            {name: keep_before[name] for name in kept_after} | {"state": states[0], "mention_ids": keep_ids},
            kept_after | {"state": "corrected", "mention_ids": keep_ids + moved_ids, "absorbed": absorbed.id},
            note,
        ),
        _event(
            session,
            reviewer,
            "package",
            absorbed.id,
            "merge",
            {"state": states[1], "mention_ids": moved_ids},
            {"state": "merged", "merged_into": keep.id, "mention_ids": []},
            note,
        ),
    ]


def split_package(
    session: Session, package_id: int, mention_ids: Iterable[int], reviewer: str, note: str | None = None
) -> Package:
    """Move the given mentions of a package into a new package; both are re-derived from their mentions."""
    package = _open_package(session, package_id)
    wanted = set(mention_ids)
    by_id = {m.id: m for m in package.mentions}
    if stray := sorted(wanted - by_id.keys()):
        raise ReviewError(f"mention {stray[0]} is not in package {package_id}")
    if not wanted or wanted == by_id.keys():
        raise ReviewError("a split leaves at least one mention in each package")
    before, state_before = package_values(package), package_state(package)
    first = by_id[min(wanted)]
    new = Package(aid_type=first.aid_type, stage=first.stage)
    session.add(new)
    for mention_id in sorted(wanted):
        by_id[mention_id].package = new
    _restructured(session, [package, new], reviewer)
    session.flush()
    after = _changed(before, package_values(package))
    _event(
        session,
        reviewer,
        "package",
        package.id,
        "split",
        {name: before[name] for name in after} | {"state": state_before, "mention_ids": sorted(by_id)},
        after | {"state": "corrected", "mention_ids": sorted(by_id.keys() - wanted), "split_into": new.id},
        note,
    )
    _event(
        session,
        reviewer,
        "package",
        new.id,
        "split",
        {"state": UNREVIEWED, "split_from": package.id},
        package_values(new) | {"state": "corrected", "mention_ids": sorted(wanted)},
        note,
    )
    return new


# --- exports -------------------------------------------------------------------------------------------------------

#: The package attributes a review row holds (``items`` aside: see :attr:`ReviewedPackage.items`).
REVIEWED_ATTRIBUTES = frozenset(PACKAGE_FIELDS + CONVERSION_FIELDS) - {"items"}


class ReviewedPackage:
    """A package read with its reviewed values: what a review row holds comes from it, the rest from the package.

    Exports build their rows from these, so every layout carries the reviewed values without knowing
    about reviews.
    """

    def __init__(self, package: Package) -> None:
        self.package = package

    def __getattr__(self, name: str) -> Any:
        review = self.package.review
        if review is not None and name in REVIEWED_ATTRIBUTES:
            return getattr(review, name)
        return getattr(self.package, name)

    @property
    def items(self) -> list[str]:
        return package_values(self.package)["items"]

    @property
    def state(self) -> str:
        return package_state(self.package)


def review_columns(review: PackageReview | MentionReview | None) -> dict[str, Any]:
    """The review state of an export row: state, the fields a reviewer set, by whom and when (UTC)."""
    if review is None:
        return {"review_state": UNREVIEWED, "corrected_fields": [], "reviewed_by": None, "reviewed_at": None}
    return {
        "review_state": review.state,
        "corrected_fields": list(review.corrected),
        "reviewed_by": review.reviewer,
        "reviewed_at": review.reviewed_at.isoformat(timespec="seconds"),
    }


def reviewed_mention_rows(session: Session, rows: list[dict]) -> list[dict]:
    """Export rows of mentions with reviewed values in place of extracted ones, and their review state."""
    reviews = {r.mention_id: r for r in session.scalars(select(MentionReview))}
    for row in rows:
        review = reviews.get(row["mention_id"])
        if review is not None:
            row.update({name: getattr(review, name) for name in MENTION_FIELDS})
        row.update(review_columns(review))
    return rows
