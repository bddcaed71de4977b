"""Assembly of commitments from the annotations of a Doc.

Every amount of money is a candidate. A candidate becomes a commitment when
its sentence is about aid and nothing near the amount says it is something
else: a cumulative total ("portant à", "bringing the total to"), a request or
a needs estimate, a refusal or a blocked package, an arms sale, a unit price,
an earlier package mentioned as background, or a part of a package already
found ("dont", "of which", a smaller amount of the same donor). Amounts that
restate one another (a headline and its article, a conversion in brackets)
become one commitment. The package then gets its donor and recipient
(:mod:`aidledger.assemble.parties`), currency, stage, date, aid type,
mechanism and equipment from the cues of its sentence and of the sentences
that continue it ("Cette dernière tranche d'aide comprend…").
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import get_args

from spacy.tokens import Doc

from aidledger.assemble.parties import (
    AGENT,
    BEFORE,
    QUALIFIER,
    SUBJECT_AFTER,
    Roles,
    ends_with,
    preceding,
    markers,
    pick_parties,
    roles,
)
from aidledger.lang import load
from aidledger.nlp import doc_text, folded, lang_of
from aidledger.nlp.actors import Actor
from aidledger.nlp.cues import Cue, within
from aidledger.nlp.entities import full_name
from aidledger.nlp.gazetteer import fold
from aidledger.nlp.money import DONOR_DEPENDENT, Money
from aidledger.schema import Commitment, Item, Span

#: Cue kinds that make a sentence about aid.
AID_KEYS = {"aid", "aid_verb", "top_up"}
#: A sentence shorter than this with no final stop is a headline or a list item.
HEADLINE = 140
#: Cue kinds that disqualify an amount when they stand before it in its sentence...
BLOCKING = {"cumulative", "request", "refusal", "sale", "unit_price", "background", "past", "aggregate"}
#: Cue kinds that rule out a commitment in kind in their sentence.
IN_KIND_BLOCKING = {"request", "refusal", "sale", "past", "aggregate", "cumulative"}
#: ... and those that do when they follow it in its clause ("$6bn so far", "5 millions chacun").
BLOCKING_AFTER = {"cumulative", "unit_price", "sale", "past", "aggregate"}
#: How far (characters) a cue may stand before / after an amount to qualify it.
LEFT_WINDOW = 90
RIGHT_WINDOW = 60
#: What ends the clause of an amount on its right: punctuation or a relative/temporal conjunction.
#: What separates the items of an enumeration.
_LIST_SEPARATOR = re.compile(r"[,;•\n]|\s(?:et|and)\s")
#: Between two names coordinated as recipients: ", ", " et ", " and ", ", à la ".
_COORDINATION = re.compile(r"^\s*(?:,|et|and|&)?\s*(?:,|et|and)?\s*(?:a|au|aux|to|pour|for|en|in)?\s*(?:la|le|les|l'|the)?\s*$")
_CLAUSE_END = re.compile(r"[,;:()\[\]]|\s(?:qui|que|alors|tandis|lorsque|which|who|as|while|when|after|après)\s", re.IGNORECASE)
#: Amounts this close (relative) are the same amount restated ("$400 million" / "$404 million").
SAME_AMOUNT = 0.02
#: Sentences after a package's own that may still describe it.
CONTINUATION = 4
#: Sentences after a package within which a smaller amount of the same donor is one of its parts.
PART_DISTANCE = 12
#: Sentences at the head of an article whose date is the article's event date.
LEAD = 3
#: In an enumeration, how much of the text before an amount still belongs to it ("a $20 million grant").
STRETCH_BEFORE = 15
#: Mechanisms that describe the form of the money rather than the instrument.
GENERIC_MECHANISMS = {"loan", "grant"}
#: Donor-specific mechanisms that may be stated anywhere in the article.
DOCUMENT_MECHANISMS = {"PDA": "USA", "USAI": "USA", "FMF": "USA", "EPF": "EU"}


@dataclass
class Candidate:
    """An amount (or none) with everything known about it so far."""

    unit: int
    anchor: int
    money: Money | None
    currency: str | None = None  # the stated one, or for a bare "26 millions" the one just before
    donor: Actor | None = None
    recipient: Actor | None = None
    is_part: bool = False
    additional: bool = False
    weak: bool = False  # stated without a verb of giving: needs a giver named plainly in its sentence
    donor_strength: int = 0  # how plainly its own sentence names the donor (0: taken from context)
    to_organisation: bool = False  # its sentence pays the money to an organisation, not to a country
    unknown_agent: bool = False  # given "by" someone whose country the article does not tell
    several_recipients: bool = False  # the sentence before names several ("Séisme en Turquie et en Syrie :")
    evidence: tuple[int, int] = (0, 0)
    twins: list[Candidate] = field(default_factory=list)  # other reports of the same amount in the article
    parts: list[Candidate] = field(default_factory=list)  # smaller amounts found to be parts of it

    @property
    def reports(self) -> list[Candidate]:
        """This candidate and its twins, in text order."""
        return sorted([self, *self.twins], key=lambda c: c.anchor)


def units(doc: Doc) -> list[tuple[int, int]]:
    """Sentence spans by characters, also split at line breaks (headlines, bullets, paragraphs)."""
    out: list[tuple[int, int]] = []
    content = doc_text(doc)
    sents = doc.sents if (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")) else [doc[:]]
    for sent in sents:
        start = sent.start_char
        for piece in re.split(r"(\n+)", content[sent.start_char : sent.end_char]):
            if piece and not piece.startswith("\n") and piece.strip():
                out.append((start, start + len(piece)))
            start += len(piece)
    return out


def _unit_of(spans: list[tuple[int, int]], offset: int) -> int:
    for i, (start, end) in enumerate(spans):
        if start <= offset < end:
            return i
    return max(0, len(spans) - 1)


def _keys(cues: Iterable[Cue]) -> set[str]:
    return {c.key for c in cues}


class Assembler:
    """Builds the commitments of one Doc; one instance per Doc."""

    def __init__(self, doc: Doc, url: str | None = None):
        self.doc = doc
        self.lang = lang_of(doc)
        self.data = load(self.lang)
        self.text = doc_text(doc)
        self.folded = folded(doc)
        self.units = units(doc)
        self.money: list[Money] = list(doc._.money or [])
        self.actors: list[Actor] = list(doc._.actors or [])
        self.cues: list[Cue] = list(doc._.cues or [])
        self.dates = list(doc._.dates or [])
        self.url = url

    # ----------------------------------------------------------------- candidates
    def commitments(self) -> list[Commitment]:
        candidates = [c for c in (self._candidate(i, m) for i, m in enumerate(self.money)) if c is not None]
        candidates = [c for c in candidates if not self._restates_conversion(c)]
        self._fill_parties(candidates)
        candidates = [c for c in candidates if self._plainly_given(c)]
        kept = self._merge_restated(candidates)
        kept = [c for c in kept if not self._is_envelope(c, kept) and not self._has_several_recipients(c)]
        kept = [c for c in kept if not self._is_part(c, kept)]
        kept = sorted(kept + self._in_kind(kept), key=lambda c: c.anchor)
        return [self._record(c, kept) for c in kept if c.donor is not None and c.recipient is not None]

    def _plainly_given(self, cand: Candidate) -> bool:
        """Drop what its sentence does not plainly give: paid to an organisation, or stated without
        a verb of giving and without a giver named as subject, agent or qualifier."""
        if cand.to_organisation or cand.unknown_agent or cand.several_recipients:
            return False
        return not cand.weak or cand.donor_strength >= QUALIFIER

    def _windows(self, index: int, money: Money, unit: tuple[int, int]) -> tuple[int, int]:
        """Left and right limits of the context that qualifies one amount."""
        left = max(unit[0], money.start - LEFT_WINDOW)
        for other in self.money[:index]:
            if other.end <= money.start and other.end > left and not self._is_conversion_of(other, index):
                left = other.end
        end = money.end
        following = len(self.text)
        for other in self.money[index + 1 :]:
            if other.conversion_of == index:
                end = other.end
            elif other.start >= end:
                following = other.start
                break
        if self.text[end : end + 1] == ")":
            end += 1
        clause_end = _CLAUSE_END.search(self.text, end, min(unit[1], end + RIGHT_WINDOW))
        right = clause_end.start() if clause_end else min(unit[1], end + RIGHT_WINDOW)
        return left, min(right, following)

    def _is_conversion_of(self, other: Money, index: int) -> bool:
        return other.conversion_of is not None and other.conversion_of == index

    def _states_giving(self, unit: tuple[int, int], unit_cues: list[Cue]) -> str | None:
        """How a sentence reports giving: ``"verb"`` (a verb of giving, a stage: "disbursed", "will
        announce"), ``"weak"`` (only new money, a mechanism, or a headline with no verb), or None
        ("A main reason is the …" names an amount and gives nothing)."""
        if any(c.key in ("aid_verb", "top_up") or c.group in ("stages", "in_kind") for c in unit_cues):
            return "verb"
        if any(c.key == "new" or c.group == "mechanisms" for c in unit_cues):
            return "weak"
        text = self.text[unit[0] : unit[1]].strip()
        return "weak" if len(text) <= HEADLINE and not text.endswith((".", "!", "?")) else None

    def _continues_giving(self, unit_index: int) -> bool:
        """A sentence that refers back ("It", "Ce paquet") to a sentence just before that states giving."""
        if unit_index == 0 or not self._continues(unit_index):
            return False
        previous = within(self.cues, *self.units[unit_index - 1])
        return self._states_giving(self.units[unit_index - 1], previous) == "verb"

    def _inherited_currency(self, index: int) -> str | None:
        """The currency of a bare amount: that of the last amount stated shortly before it."""
        money = self.money[index]
        for other in reversed(self.money[:index]):
            if money.start - other.end > 300:
                break
            if other.currency is not None and not other.is_conversion:
                return other.currency
        return None

    def _candidate(self, index: int, money: Money) -> Candidate | None:
        currency = money.currency or self._inherited_currency(index)
        if money.is_conversion or currency is None:
            return None
        unit_index = _unit_of(self.units, money.start)
        unit = self.units[unit_index]
        unit_cues = within(self.cues, *unit)
        giving = self._states_giving(unit, unit_cues)
        if giving != "verb" and self._continues_giving(unit_index):
            giving = "verb"  # "It is valued at $375 million." after "The Department of Defense announces…"
        elif not any((c.group == "cues" and c.key in AID_KEYS) or c.group == "aid_types" for c in unit_cues):
            return None
        if giving is None or "report" in _keys(unit_cues):
            return None
        left, right = self._windows(index, money, unit)
        near = _keys(within(unit_cues, left, money.start, "cues")) & BLOCKING
        near |= _keys(within(unit_cues, money.end, right, "cues")) & BLOCKING_AFTER
        if self._earlier_month(left, money.start):
            near.add("past")
        if near:
            delivered = within(unit_cues, *unit, "stages", "delivered")
            if not (delivered and near <= {"background"}):
                return None
        before = _keys(within(unit_cues, max(unit[0], money.start - 40), min(unit[1], money.end + 15), "cues"))
        return Candidate(
            unit=unit_index,
            anchor=money.start,
            money=money,
            currency=currency,
            is_part="part" in before,
            weak=giving == "weak",
            additional=bool(_keys(within(unit_cues, *unit, "cues")) & {"additional"}),
            evidence=self._evidence(unit, money),
        )

    def _earlier_month(self, start: int, end: int) -> bool:
        """A month named just before the amount ("In March, the EU released…") that is not the month of publication."""
        published = self.doc._.published
        months = self.data.section("dates").get("months") or {}
        for mention in self.dates:
            if start <= mention.start < end and mention.kind == "vague":
                words = fold(mention.text).split()
                month = next((months.get(w) for w in words if w in months), None)
                if month and (published is None or month != published.month):
                    return True
        return False

    def _evidence(self, unit: tuple[int, int], money: Money | None) -> tuple[int, int]:
        start, end = unit
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end

    # -------------------------------------------------------------- in kind
    def _in_kind(self, kept: list[Candidate]) -> list[Candidate]:
        """Commitments with no amount: a sentence announcing equipment or aid sent by a named donor.

        Only sentences with no amount of their own, an in-kind cue ("annoncé la
        livraison", "agreed to give"), no blocking cue, a donor named in the
        sentence and a recipient; coordinated donors ("de l'Allemagne, la
        Roumanie et la Finlande") each make one.
        """
        with_amount = {k.donor.code for k in kept if k.donor}
        found: list[Candidate] = []
        for index, unit in enumerate(self.units):
            cues = within(self.cues, *unit, "cues")
            trigger = next(iter(within(self.cues, *unit, "in_kind")), None)
            if trigger is None or not self._equipment_before_amount(index, trigger):
                continue
            if _keys(within(cues, unit[0], trigger.end + RIGHT_WINDOW)) & IN_KIND_BLOCKING:
                continue
            donors, recipient = self._in_kind_parties(index, trigger.start)
            for donor in donors:
                if recipient is None or donor.code == recipient.code:
                    continue
                separate = "additional" in _keys(cues)
                if (donor.code in with_amount and not separate) or any(k.donor and k.donor.code == donor.code for k in found):
                    continue
                found.append(Candidate(unit=index, anchor=trigger.start, money=None, donor=donor,
                                       recipient=recipient, evidence=self._evidence(unit, None)))
        return found

    def _equipment_before_amount(self, unit_index: int, trigger: Cue) -> bool:
        """A sentence with an amount may still announce things in kind before it ("fourniraient 22 patrouilleurs…, et 250 millions")."""
        start, end = self.units[unit_index]
        amounts = [m for m in self.money if start <= m.start < end]
        if not amounts:
            return True
        first = amounts[0].start
        return trigger.start < first and bool(within(self.cues, trigger.end, first, "items"))

    def _in_kind_parties(self, unit_index: int, anchor: int) -> tuple[list[Actor], Actor | None]:
        actors = self._unit_actors(unit_index)
        donor_reading, recipient_reading = pick_parties(self.doc, self.folded, actors, anchor, self.lang)
        recipient = recipient_reading.actor if recipient_reading and recipient_reading.recipient else None
        recipient = recipient or self._document_recipient()
        sources = [a for a in actors if ends_with(preceding(self.folded, a.start), markers(self.lang).source)]
        if sources:
            donor_reading = Roles(sources[0], 0, AGENT, False)
        if donor_reading is None:
            candidates = [a for a in actors if recipient is None or a.code != recipient.code]
            if not candidates:
                return [], recipient
            donor = candidates[0]
        else:
            donor = donor_reading.actor
        donors = [donor]
        following = [a for a in actors if a.start > donor.end]
        for actor in following:
            if _COORDINATION.match(self.folded[donors[-1].end : actor.start]) and actor.code != donor.code:
                donors.append(actor)
            else:
                break
        return donors, recipient

    # -------------------------------------------------------------------- parties
    def _unit_actors(self, unit_index: int) -> list[Actor]:
        """Actors of a sentence, without those that only name a currency ("dollars canadiens")."""
        start, end = self.units[unit_index]
        return [
            a for a in self.actors
            if start <= a.start < end and not any(m.start <= a.start < m.end for m in self.money)
        ]

    def _fill_parties(self, candidates: list[Candidate]) -> None:
        """Donor and recipient of each candidate; a sentence that names neither continues the article's."""
        aid_words = frozenset(c.start for c in self.cues if c.group in ("cues", "mechanisms") and c.key in AID_KEYS | {"loan", "grant"})
        readings = [self._parties_of(c, aid_words) for c in candidates]
        main_donor = _most_common(d.actor for d, _ in readings if d and d.donor >= BEFORE) or self._document_donor()
        main_recipient = _most_common(r.actor for _, r in readings if r and r.recipient) or self._document_recipient()
        previous: Candidate | None = None
        for cand, (donor_reading, recipient_reading) in zip(candidates, readings):
            donor = donor_reading.actor if donor_reading else None
            recipient = recipient_reading.actor if recipient_reading else None
            cand.donor_strength = donor_reading.donor if donor_reading else 0
            if cand.donor_strength < SUBJECT_AFTER:
                named = self._person_agent(cand)
                if named is not None:  # "annoncée par Emmanuel Macron": the person's country, or no guess
                    donor, cand.donor_strength = self._country_of_person(named), AGENT
                    cand.unknown_agent = donor is None
            cand.to_organisation = recipient is None and self._paid_to_organisation(cand)
            if donor and cand.donor_strength < SUBJECT_AFTER and main_recipient and donor.code == main_recipient.code:
                donor, recipient = None, recipient or donor  # a bare mention of the article's recipient
            if donor is None:
                donor = previous.donor if previous and previous.donor else main_donor
            if recipient is None or (donor is not None and recipient.code == donor.code):
                named_before = self._recipients_before(cand.unit, donor)
                cand.several_recipients = len({a.code for a in named_before}) > 1
                recipient = named_before[-1] if named_before else None
            if recipient is None:
                fallback = previous.recipient if previous and previous.recipient else main_recipient
                recipient = fallback if fallback is None or donor is None or fallback.code != donor.code else None
            cand.donor, cand.recipient = donor, recipient
            previous = cand

    def _parties_of(self, cand: Candidate, aid_words: frozenset[int]) -> tuple[Roles | None, Roles | None]:
        """Donor and recipient readings for one amount: from its own stretch of an enumeration
        ("a $20 million grant from the Swiss government and a $50 million grant from the US")
        when that stretch names a giver plainly, else from the whole sentence."""
        actors = self._unit_actors(cand.unit)
        start, end = self._stretch(cand)
        if (start, end) != self.units[cand.unit]:
            own = [a for a in actors if start <= a.start < end]
            donor, recipient = pick_parties(self.doc, self.folded, own, cand.anchor, self.lang, aid_words)
            if donor and donor.donor >= QUALIFIER:
                if recipient and recipient.recipient:
                    return donor, recipient
                whole = [a for a in actors if a.code != donor.actor.code]
                return donor, pick_parties(self.doc, self.folded, whole, cand.anchor, self.lang, aid_words)[1]
        return pick_parties(self.doc, self.folded, actors, cand.anchor, self.lang, aid_words)

    def _person_agent(self, cand: Candidate) -> str | None:
        """The surname of a person (or handle) the amount is given or announced by ("… annoncée par Emmanuel Macron")."""
        start, end = self._stretch(cand)
        agents = "|".join(re.escape(w) for w in markers(self.lang).agent)
        if not agents:
            return None
        found = re.compile(rf"(?:^|\s)(?:{agents})\s+(@\w+|(?:[A-ZÀ-Ý][\w'’-]+\s+)*[A-ZÀ-Ý][\w'’-]+)").search(
            self.text[start:end]
        )
        if found is None or any(a.start >= start + found.start(1) and a.start < start + found.end(1) for a in self.actors):
            return None
        return found.group(1).split()[-1]

    def _country_of_person(self, surname: str) -> Actor | None:
        """The country an article gives a person: a country or demonym just before one of their mentions
        ("le président français Emmanuel Macron", "German Chancellor Olaf Scholz")."""
        if surname.startswith("@"):
            return None
        for m in re.finditer(rf"\b{re.escape(surname)}\b", self.text):
            near = [a for a in self.actors if m.start() - 45 <= a.end <= m.start() and a.is_state]
            if near:
                return near[-1]
        return None

    def _paid_to_organisation(self, cand: Candidate) -> bool:
        """"la France a versé 26 milliards à l'Union européenne": money to an organisation's budget."""
        m = markers(self.lang)
        return any(
            not a.is_state and ends_with(preceding(self.folded, a.start), m.recipient)
            for a in self._unit_actors(cand.unit) if a.start > cand.anchor
        )

    def _stretch(self, cand: Candidate) -> tuple[int, int]:
        """The part of the sentence that belongs to one amount: from the amount before it to the one after."""
        unit = self.units[cand.unit]
        amounts = [m for m in self.money if unit[0] <= m.start < unit[1] and not m.is_conversion]
        before = [m.end for m in amounts if m.end <= cand.anchor]
        after = [m.start for m in amounts if m.start > cand.anchor]
        start = max(before[-1], cand.anchor - STRETCH_BEFORE) if before else unit[0]
        return start, (after[0] if after else unit[1])

    def _recipients_before(self, unit_index: int, donor: Actor | None) -> list[Actor]:
        """Recipients named in the two sentences before ("…le plan pour Gaza. La Confédération débloquera…")."""
        for index in range(unit_index - 1, max(-1, unit_index - 3), -1):
            end = self.units[index][1]
            readings = [roles(self.doc, self.folded, a, self.lang, end) for a in self._unit_actors(index)]
            marked = [r.actor for r in readings if r.recipient and (donor is None or r.actor.code != donor.code)]
            if marked:
                return marked
        return []

    def _document_donor(self) -> Actor | None:
        """The state or organisation the article most often names as acting, for sentences that name none."""
        end = len(self.text)
        readings = [roles(self.doc, self.folded, a, self.lang, end) for a in self.actors]
        recipient = self._document_recipient()
        return _most_common(
            r.actor for r in readings if r.donor >= BEFORE and (recipient is None or r.actor.code != recipient.code)
        )

    def _document_recipient(self) -> Actor | None:
        """The actor the article most often names as a recipient, for packages whose sentences name none."""
        end = len(self.text)
        readings = [roles(self.doc, self.folded, a, self.lang, end) for a in self.actors]
        return _most_common(r.actor for r in readings if r.recipient)

    # ------------------------------------------------------------------ filtering
    def _resolved_currency(self, cand: Candidate) -> str | None:
        currency = cand.currency
        if currency not in DONOR_DEPENDENT:
            return currency
        table = self.data.section("currencies")
        donor = cand.donor.code if cand.donor else None
        if currency == "$":
            by_country = table.get("dollar_countries") or {}
            outlet = self._outlet_country()
            return by_country.get(donor) or by_country.get(outlet) or "USD"
        if currency == "CROWN":
            return (table.get("crown_countries") or {}).get(donor)
        return (table.get("franc_countries") or {}).get(donor, "CHF")

    def _outlet_country(self) -> str | None:
        """The country of the outlet from its URL's top-level domain (".ca" → CAN)."""
        if not self.url:
            return None
        host = re.sub(r"^[a-z]+://", "", self.url).split("/")[0].lower()
        tld = host.rsplit(".", 1)[-1]
        return (self.data.section("currencies").get("outlet_tlds") or {}).get(tld)

    def _restates_conversion(self, cand: Candidate) -> bool:
        """A headline giving only the converted figure ("over 6 bln euros") of a bracketed conversion."""
        return any(
            m.is_conversion and m.currency == cand.currency
            and abs(m.amount - cand.money.amount) <= SAME_AMOUNT * max(m.amount, cand.money.amount)
            for m in self.money
        )

    def _same_amount(self, a: Candidate, b: Candidate) -> bool:
        if not (a.money and b.money) or self._resolved_currency(a) != self._resolved_currency(b):
            return False
        x, y = a.money.amount, b.money.amount
        return abs(x - y) <= SAME_AMOUNT * max(x, y)

    def _same_parties(self, a: Candidate, b: Candidate) -> bool:
        return (a.donor and b.donor and a.donor.code == b.donor.code) and (
            not a.recipient or not b.recipient or a.recipient.code == b.recipient.code
        )

    def _bigger_amount_before(self, cand: Candidate) -> bool:
        """Whether a larger amount in the same currency was stated shortly before (kept or not)."""
        for money in self.money:
            if money.start >= cand.anchor:
                break
            unit = _unit_of(self.units, money.start)
            if (
                not money.is_conversion and money.currency == cand.money.currency
                and money.amount > cand.money.amount and cand.unit - unit <= PART_DISTANCE
            ):
                return True
        return False

    def _merge_restated(self, candidates: list[Candidate]) -> list[Candidate]:
        """One candidate per amount: a headline and its article, or a repeated sentence, are one."""
        kept: list[Candidate] = []
        for cand in candidates:
            twin = next((k for k in kept if self._same_amount(k, cand)), None)
            if twin is None:
                kept.append(cand)
                continue
            twin.twins.append(cand)
            if _precision(cand.money.amount) > _precision(twin.money.amount):
                twin.money = cand.money
        return kept

    def _is_envelope(self, cand: Candidate, kept: list[Candidate]) -> bool:
        """An amount that the next sentences split between parties: "114 millions pour l'Ukraine et 26
        pour la Moldavie", or a World Bank loan, a Swiss grant and a US grant making up one financing."""
        shares = [
            k for k in kept
            if k is not cand and k.money and k.unit >= cand.unit and k.unit - cand.unit <= PART_DISTANCE
            and self._resolved_currency(k) == self._resolved_currency(cand)
        ]
        for size in range(2, min(4, len(shares)) + 1):
            for combo in itertools.combinations(shares, size):
                parties = {(k.donor.code if k.donor else None, k.recipient.code if k.recipient else None) for k in combo}
                total = sum(k.money.amount for k in combo)
                if len(parties) == size and abs(total - cand.money.amount) <= SAME_AMOUNT * cand.money.amount:
                    return True
        return False

    def _has_several_recipients(self, cand: Candidate) -> bool:
        """"for Ukraine, Israel and Taiwan": an envelope for several recipients is not one commitment."""
        start, end = cand.anchor, min(self.units[cand.unit][1], cand.anchor + 160)
        donor = cand.donor.code if cand.donor else None
        unit_actors = [a for a in self._unit_actors(cand.unit) if a.code != donor and a.kind != "demonyms" and a.is_state]
        for first, second in zip(unit_actors, unit_actors[1:]):
            after = first.start >= start and second.start < end
            # before the amount only places named as such count ("Séisme en Turquie et en Syrie : …")
            placed = roles(self.doc, self.folded, first, self.lang, cand.anchor).recipient > 0
            if (after or placed) and first.code != second.code and _COORDINATION.match(self.folded[first.end : second.start]):
                return True
        return bool(within(self.cues, cand.anchor, end, "cues", "multi_recipient"))

    def _is_part(self, cand: Candidate, kept: list[Candidate]) -> bool:
        """A smaller amount of a donor's package is a part of it, unless announced as additional."""
        if not cand.money:
            return False
        bigger = [
            k for k in kept
            if k is not cand and k.money and self._same_parties(k, cand)
            and (cand.is_part or 0 <= cand.unit - k.unit <= PART_DISTANCE)
            and self._resolved_currency(k) == self._resolved_currency(cand)
            and k.money.amount > cand.money.amount * (1 + SAME_AMOUNT)
        ]
        stage = self._stage_of_unit(cand.unit, cand.anchor)
        bigger = [k for k in bigger if self._stage_of_unit(k.unit, k.anchor) == stage]  # a delivery is no part of a pledge
        if not bigger:
            return cand.is_part and self._bigger_amount_before(cand)
        if cand.additional and not cand.is_part:
            return False
        bigger[0].parts.append(cand)
        return True

    # ---------------------------------------------------------------- the record
    def _context_units(self, cand: Candidate, kept: list[Candidate]) -> list[int]:
        """The candidate's sentence and the following ones that continue its package."""
        taken = {k.unit for k in kept if k is not cand}
        out = [cand.unit]
        for i in range(cand.unit + 1, min(len(self.units), cand.unit + 1 + CONTINUATION)):
            if i in taken:
                break
            out.append(i)
        return out

    def _cues_in(self, unit_indexes: list[int], group: str) -> list[Cue]:
        found = []
        for i in unit_indexes:
            found.extend(within(self.cues, *self.units[i], group))
        return [c for c in found if not any(a.start < c.end and c.start < a.end for a in self.actors if a.kind == "organisations")]

    def _nearest(self, cues: list[Cue], anchor: int) -> Cue | None:
        return min(cues, key=lambda c: abs(c.start - anchor)) if cues else None

    def _stage(self, cand: Candidate) -> str:
        """Anticipated if any report or a sentence continuing it says so; delivered if the reports say so."""
        stages = [self._stage_of_unit(r.unit, r.anchor) for r in cand.reports]
        follow = cand.unit + 1
        if follow < len(self.units) and self._continues(follow):
            stages.append(self._stage_of_unit(follow, self.units[follow][0]))
        if "anticipated" in stages:
            return "anticipated"
        return "delivered" if "delivered" in stages else "announced"

    def _continues(self, unit_index: int) -> bool:
        """A sentence that opens by referring back to the package ("Cette nouvelle tranche…", "The package…")."""
        opening = self.folded[self.units[unit_index][0] : self.units[unit_index][0] + 40].lstrip()
        return any(opening.startswith(fold(str(w)) + " ") for w in self.data.section("context").get("continuation") or [])

    def _stage_of_unit(self, unit_index: int, anchor: int) -> str:
        unit_cues = self._cues_in([unit_index], "stages")
        now = {fold(str(w)) for w in self.data.section("context").get("now") or []}
        anticipated = [c for c in unit_cues if c.key == "anticipated" and not self._followed_by(c, now)]
        future = tuple(fold(str(w)) for w in self.data.section("context").get("future") or [])
        delivered = [c for c in unit_cues if c.key == "delivered" and not ends_with(preceding(self.folded, c.start), future)]
        if delivered and (not anticipated or self._nearest(delivered + anticipated, anchor).key == "delivered"):
            return "delivered"
        return "anticipated" if anticipated else "announced"

    def _followed_by(self, cue: Cue, words: set[str]) -> bool:
        after = self.folded[cue.end : cue.end + 20].strip()
        return any(after.startswith(w) for w in words)

    def _date(self, cand: Candidate) -> dt.date | None:
        """The announcement date: in a sentence reporting the amount, next to it, else the article's lead."""
        for report in cand.reports:
            found = self._date_in_units([report.unit], report.anchor)
            if found:
                return found
        around = [i for i in (cand.unit - 1, cand.unit + 1) if 0 <= i < len(self.units)]
        return self._date_in_units(around, cand.anchor) or self._date_in_units(range(min(LEAD, len(self.units))), 0)

    def _date_in_units(self, unit_indexes: Iterable[int], anchor: int) -> dt.date | None:
        dated = []
        for i in unit_indexes:
            start, end = self.units[i]
            dated.extend(d for d in self.dates if start <= d.start < end and d.value is not None)
        return min(dated, key=lambda d: abs(d.start - anchor)).value if dated else None

    def _aid_type(self, cand: Candidate, context: list[int]) -> str:
        """The aid type named nearest the amount (in its reports, else the sentences just before, else
        those after); mixed when its sentences say so or its parts differ."""
        own = [r.unit for r in cand.reports]
        if any(c.key == "mixed" for c in self._cues_in(own, "aid_types")):
            return "mixed"
        part_types = {self._aid_type_near(p) for p in cand.parts} - {None}
        if len(part_types) > 1:
            return "mixed"
        for report in cand.reports:
            nearest = self._aid_type_near(report)
            if nearest:
                return nearest
        before = [u for u in range(cand.unit - 1, max(-1, cand.unit - 3), -1)]
        for units in (before, context):
            around = Counter(c.key for c in self._cues_in(units, "aid_types") if c.key != "mixed")
            if around:
                return around.most_common(1)[0][0]
        by_donor = (self.data.section("aid_types_by_donor") or {}).get(cand.donor.code if cand.donor else None)
        if by_donor:
            return by_donor
        overall = Counter(c.key for c in self.cues if c.group == "aid_types" and c.key != "mixed")
        return overall.most_common(1)[0][0] if overall else "military"

    def _aid_type_near(self, cand: Candidate) -> str | None:
        cues = [c for c in self._cues_in([cand.unit], "aid_types") if c.key != "mixed"]
        nearest = self._nearest(cues, cand.anchor)
        return nearest.key if nearest else None

    def _mechanism(self, cand: Candidate, context: list[int]) -> str | None:
        """The mechanism named with the amount or just after; a donor's own (PDA, EPF) anywhere in the article."""
        donor = cand.donor.code if cand.donor else None
        start, end = self._stretch(cand)
        own = {c.key for c in within(self.cues, start, end, "mechanisms") if DOCUMENT_MECHANISMS.get(c.key, donor) == donor}
        single = _one_mechanism(own)
        if single:
            return single
        units = [r.unit for r in cand.reports] + [u + 1 for u in (r.unit for r in cand.reports) if u + 1 in context]
        named = {c.key for c in self._cues_in(units, "mechanisms") if DOCUMENT_MECHANISMS.get(c.key, donor) == donor}
        if named:
            return _one_mechanism(named)
        specific = {c.key for c in self.cues if c.group == "mechanisms" and DOCUMENT_MECHANISMS.get(c.key) == donor}
        if len(specific) == 1:
            return specific.pop()
        return (self.data.section("mechanisms_by_donor") or {}).get(donor)

    def _items(self, context: list[int]) -> list[str]:
        """Equipment categories of the package; a weapon after an ammunition word in the same list item is its ammunition."""
        cues = self._cues_in(context, "items")
        ammo_words = [c for c in cues if c.key == "ammunition_words"]
        with_ammo = {k.removesuffix("_ammunition") for k in get_args(Item) if k.endswith("_ammunition")}
        items: list[str] = []
        for cue in cues:
            if cue.key == "ammunition_words":
                continue
            key = cue.key
            if key in with_ammo and any(self._same_list_item(a, cue) for a in ammo_words):
                key = f"{key}_ammunition"
            if key not in items:
                items.append(key)
        return items

    def _same_list_item(self, ammo: Cue, weapon: Cue) -> bool:
        """"munitions pour les systèmes HIMARS", "HIMARS rockets": no list separator between the two words."""
        if 0 <= weapon.start - ammo.end <= 150:
            return not _LIST_SEPARATOR.search(self.text, ammo.end, weapon.start)
        return 0 <= ammo.start - weapon.end <= 3

    def _announcer(self, cand: Candidate) -> str | None:
        """The first person named in the package's sentence, by the fullest name the article uses
        (a one-word "name" the article never completes is more often a weapon or a place)."""
        start, end = self.units[cand.unit]
        for ent in self.doc.ents:
            if start <= ent.start_char < end and ent.label_ in ("PER", "PERSON"):
                name = full_name(self.doc, (ent.start_char, ent.end_char))
                if name and len(name.split()) > 1:
                    return name
        return None

    def _record(self, cand: Candidate, kept: list[Candidate]) -> Commitment:
        context = self._context_units(cand, kept)
        start, end = cand.evidence
        return Commitment(
            donor=cand.donor.code if cand.donor else None,
            recipient=cand.recipient.code if cand.recipient else None,
            amount=cand.money.amount if cand.money else None,
            currency=self._resolved_currency(cand),
            aid_type=self._aid_type(cand, context),
            mechanism=self._mechanism(cand, context),
            stage=self._stage(cand),
            date=self._date(cand),
            items=self._items(context),
            announcer=self._announcer(cand),
            evidence=Span(start=start, end=end, text=self.text[start:end]),
        )


def _one_mechanism(named: set[str]) -> str | None:
    """The mechanism of a package from those its sentences name: a named instrument (PDA, EPF, a
    facility) over the loans and grants it is made of; None when it mixes two ("PDA … as well as
    USAI funds", "grants … loans")."""
    specific = named - GENERIC_MECHANISMS
    if specific:
        return next(iter(specific)) if len(specific) == 1 else None
    return next(iter(named)) if len(named) == 1 else None


def _most_common(actors: Iterable[Actor]) -> Actor | None:
    """The actor whose code is named most often (the first mention of it)."""
    first: dict[str, Actor] = {}
    counts: Counter[str] = Counter()
    for actor in actors:
        first.setdefault(actor.code, actor)
        counts[actor.code] += 1
    return first[counts.most_common(1)[0][0]] if counts else None


def _precision(amount: float) -> int:
    """Significant digits of an amount: 404 000 000 is more precise than 400 000 000."""
    return len(str(int(amount)).rstrip("0"))

