"""The one typed schema for what aidledger extracts.

The CLI writes it, the ledger stores it and the web API serves it, so every
field and value set is defined here once. The field names and value sets are
those of the evaluation contract (``shared/eval/README.md``) so that a JSONL
line written by ``aidledger extract`` can be scored as it is.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator

AidType = Literal["military", "financial", "humanitarian", "mixed"]
Mechanism = Literal["PDA", "USAI", "FMF", "EPF", "loan", "grant", "other"]
Stage = Literal["anticipated", "announced", "delivered"]
Item = Literal[
    "air_defense",
    "artillery",
    "artillery_ammunition",
    "rocket_artillery",
    "rocket_artillery_ammunition",
    "anti_tank",
    "armored_vehicles",
    "tanks",
    "aircraft",
    "helicopters",
    "drones",
    "missiles",
    "small_arms",
    "small_arms_ammunition",
    "naval",
    "demining",
    "medical",
    "vehicles",
    "communications",
    "training",
    "equipment_other",
]
EntityLabel = Literal["PERSON", "ORG", "GPE", "LOC"]
#: The equipment that is a weapon or its ammunition: military aid whatever else the text says of it. Every
#: category but the platforms that also carry relief (aircraft, helicopters, ships: "a plane carrying water
#: purifiers") and the equipment that comes as humanitarian aid too (mine clearance, medical kits, trucks...).
_NOT_WEAPONS = "aircraft helicopters naval demining medical vehicles communications training equipment_other"
WEAPONS: frozenset[Item] = frozenset(get_args(Item)) - set(_NOT_WEAPONS.split())

#: The longest input id and URL the ledger stores, on SQLite and PostgreSQL alike (both are indexed columns).
MAX_ID_CHARS = 500
MAX_URL_CHARS = 2000

#: Characters no store or encoder accepts: lone surrogates (not encodable as UTF-8) and NUL (refused by
#: PostgreSQL). Each is replaced by U+FFFD, one character for one, so every offset into the text still holds.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable(value: str) -> str:
    """``value`` with lone surrogates and NUL replaced by U+FFFD, its length and offsets unchanged."""
    return _UNSTORABLE.sub("\ufffd", value)


def language_code(tag: str | None) -> str | None:
    """The primary subtag of a declared language tag ("fr" for "fr-FR" or "FR_fr"), None when there is none.

    Pages, feeds and callers declare languages in several spellings; the pipeline is chosen by the bare code.
    """
    primary = (tag or "").strip().replace("_", "-").split("-")[0].lower()
    return primary if primary.isascii() and primary.isalpha() and 2 <= len(primary) <= 3 else None


class Record(BaseModel):
    """Base of every record: text fields are made storable (:func:`storable`) on the way in, so what
    one part accepts every store and every output accepts too."""

    @field_validator("*", mode="before")
    @classmethod
    def _storable(cls, value: object) -> object:
        return storable(value) if isinstance(value, str) else value


class Span(Record):
    """A stretch of the document text, by character offsets (end exclusive)."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Amount(Record):
    """A sum of money in a stated currency."""

    model_config = ConfigDict(frozen=True)

    amount: float = Field(ge=0, allow_inf_nan=False)
    currency: str = Field(description="ISO 4217")


class Commitment(Record):
    """One new aid commitment stated in a document."""

    donor: str | None = Field(description="ISO 3166-1 alpha-3 or an organisation code (EU, NATO, UN, ...)")
    recipient: str | None
    amount: float | None = Field(
        default=None, ge=0, allow_inf_nan=False, description="In the stated currency; null when none is stated"
    )
    currency: str | None = Field(default=None, description="ISO 4217")
    aid_type: AidType = "military"
    mechanism: Mechanism | None = None
    stage: Stage = "announced"
    date: dt.date | None = Field(default=None, description="Announcement date, resolved against `published`")
    items: list[Item] = Field(default_factory=list)
    announcer: str | None = None
    evidence: Span
    running_totals: list[Amount] = Field(
        default_factory=list,
        description="The donor's running totals the article states (what its aid comes to so far); never commitments",
    )
    """Totals of the donor's aid the same article states ("bringing its aid so far to $4.2 billion", "portant
    son soutien à 870 millions d'euros"). They are not commitments, but they place the report in the
    donor's history: two reports of one package state the same total, two of different packages totals a
    package apart. The ledger weighs them when it links reports into packages."""
    series_number: int | None = Field(
        default=None,
        ge=1,
        description="The package's number in the donor's series the text states ('the 45th drawdown', 'fifth tranche')",
    )
    """Donors number their packages and the tranches of their loans, and outlets repeat the number: two
    reports of one package state the same, two of different packages of the same round sum different ones.
    The ledger weighs it when it links reports into packages."""
    raised_from: Amount | None = Field(
        default=None,
        description="Where a raise starts when the text gives it ('raises its aid from 15 to 40 million': 15 million)",
    )
    """The amount is the new level of a raise; what the raise adds (25 million) is what another report may state
    alone ("an extra 25 million"). The ledger compares that too when it links reports into packages."""


class Quote(Record):
    """A quotation with the person or institution it is attributed to."""

    speaker: str | None
    role: str | None = None
    affiliation: str | None = None
    quote: str
    start: int
    end: int
    speaker_mention: Span | None = None


class Entity(Record):
    """A person, organisation or place named in a document, with its mentions."""

    name: str
    label: EntityLabel
    code: str | None = Field(default=None, description="ISO 3166 alpha-3 or organisation code, when known")
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    mentions: list[Span] = Field(default_factory=list)


class Document(Record):
    """One input article, as read from a file, a feed or a JSONL line; the language tag is reduced to its
    primary subtag."""

    id: str = Field(max_length=MAX_ID_CHARS)
    text: str
    published: dt.date | None = None
    url: str | None = Field(default=None, max_length=MAX_URL_CHARS)
    lang: str | None = None
    title: str | None = None
    source: str | None = Field(default=None, description="Where it was read from: a path, path:line, or feed URL")

    @field_validator("lang")
    @classmethod
    def _primary_subtag(cls, value: str | None) -> str | None:
        return language_code(value)


class Extraction(Record):
    """Everything aidledger extracts from one document: one line of `aidledger extract`."""

    id: str
    url: str | None = None
    lang: str
    published: dt.date | None = None
    commitments: list[Commitment] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    warnings: list[str] = Field(
        default_factory=list, description="What was read but left out, e.g. an amount outside the plausible range"
    )
    triaged_out: bool = Field(
        False, description="Not analysed: triage found no aid commitment the text could state (aidledger.triage)"
    )


#: Where the JSON Schema of :class:`Extraction` is shipped, for users outside Python.
JSON_SCHEMA_PATH = Path(__file__).with_name("extraction.schema.json")


def json_schema() -> str:
    """The JSON Schema of one output line of ``aidledger extract``, as shipped in the package."""
    return json.dumps(Extraction.model_json_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":  # python -m aidledger.schema: regenerate the shipped file
    JSON_SCHEMA_PATH.write_text(json_schema(), encoding="utf-8")
