"""The annotated article the assembly works on: its sentences, amounts, names and cues.

One :class:`Article` per Doc gathers what the components found, with the small
look-ups every step of the assembly needs (the names of a sentence, the cues of
some sentences, the part of a sentence that belongs to one amount).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from aidledger.assemble.grammar import Grammar, grammar
from aidledger.assemble.parties import BEFORE as BEFORE_STRENGTH
from aidledger.assemble.parties import (
    LOCATED,
    QUALIFIER,
    Roles,
    ends_with,
    markers,
    possessive,
    preceding,
    qualifies_people,
    roles,
)
from aidledger.lang import cldr_countries, load, national_currencies
from aidledger.nlp import doc_quotes, doc_text, folded, lang_of, per_doc
from aidledger.nlp.actors import Actor
from aidledger.nlp.cues import Cue
from aidledger.nlp.entities import title_matches
from aidledger.nlp.gazetteer import fold
from aidledger.nlp.lemmas import lemma, lemmatizes
from aidledger.nlp.money import DONOR_DEPENDENT, Money, range_start
from aidledger.nlp.ordinals import SeriesPlace, series_places
from aidledger.nlp.spans import Spans

if TYPE_CHECKING:
    from aidledger.assemble.mentions import Mention

#: In an enumeration, how much of the text before an amount still belongs to it ("a $20 million grant").
STRETCH_BEFORE = 15


def units(doc: Doc) -> list[tuple[int, int]]:
    """Sentence spans by characters, also split at line breaks (headlines, bullets, paragraphs). A sentence the
    parser starts where no sentence ended ("La Pologne a livré 14 chars | Leopard 2 à l'Ukraine") goes on
    the one before: the statistical parsers cut some clauses in two, which no sentence does."""
    out: list[tuple[int, int]] = []
    content = doc_text(doc)
    sents = doc.sents if (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")) else [doc[:]]
    for sent in sents:
        start = sent.start_char
        for piece in re.split(r"(\n+)", content[sent.start_char : sent.end_char]):
            if piece and not piece.startswith("\n") and piece.strip():
                if out and not _ends_sentence(content[out[-1][0] : start]):
                    out[-1] = (out[-1][0], start + len(piece))
                else:
                    out.append((start, start + len(piece)))
            start += len(piece)
    return out


#: What ends a sentence: a stop, a colon or semicolon, possibly closed by quotation marks or brackets.
_SENTENCE_END = re.compile(r"[.!?…:;][\s\"'»”’)\]]*$")


def _ends_sentence(before: str) -> bool:
    """Whether the text up to a sentence start closes a sentence: a final stop, or a line break."""
    return "\n" in before[len(before.rstrip()) :] or bool(_SENTENCE_END.search(before.rstrip()))


def keys(cues: Iterable[Cue]) -> set[str]:
    """The kinds of a set of cues."""
    return {c.key for c in cues}


#: The table of the language data that says which country's currency a bare currency word stands for.
_PLACEHOLDER_TABLES = {"$": "dollar_countries", "CROWN": "crown_countries", "FRANC": "franc_countries"}
#: A line at most this long with no final stop is a headline, a title or a list item.
TITLE_LENGTH = 140
#: A title line of at most this many words above the headline is a label ("Live", "Breaking news", "World"):
#: an aggregator's banner or a section name, which does not move where the article opens.
LABEL_WORDS = 3
#: The opening line and this many units after it are the lead.
LEAD_UNITS = 3
#: What joins the links of a page's menu or breadcrumb ("Home | News", "Home › Newsroom › 2024").
LINK_SEPARATOR = re.compile(r"\s[|›»>•·/]\s")
#: Donors that a named mechanism implies wherever the article names it.
MECHANISM_DONORS = {"PDA": "USA", "USAI": "USA", "FMF": "USA", "EPF": "EU"}
#: How far (characters) a word of hostility may stand from a name to qualify it.
OPPOSITION_REACH = 16
#: How far before an official's name (characters) their title and a country or demonym stand.
TITLE_COUNTRY_REACH = 45


#: One short word between two amounts that is no list separator: the first, written without a currency, only
#: opens a range the second closes ("da 100 milioni a 150 milioni di euro", "van 4 miljard naar 8 miljard euro",
#: "from 1 billion to 2 billion dollars"): the level a top-up starts from, not an amount of its own.
RANGE_GAP = re.compile(r"\s+\w{1,5}\s+")


def range_starts(money: list[Money], text: str, lang: str) -> dict[int, Money]:
    """Where the range each amount closes starts, by the amount's start offset ("from C$20 million to C$45
    million": C$20 million, read by :func:`aidledger.nlp.money.range_start`); read once, as both the amounts
    kept and the raise a package states depend on it."""
    opened = {m.start: range_start(text, m, lang) for m in money if not m.is_conversion}
    return {start: first for start, first in opened.items() if first is not None}


def without_range_starts(money: list[Money], text: str, rules: Grammar, opened: dict[int, Money]) -> list[Money]:
    """The amounts of a text without those that open a range, conversions re-indexed: a bare one before a short
    word ("da 100 milioni a 150 milioni di euro"), or one that opens a range of ``opened`` ("from C$20 million
    to C$45 million": where a raise starts)."""
    drop = {
        i
        for i, (first, second) in enumerate(zip(money, money[1:]))
        if not first.is_conversion
        and not second.is_conversion
        and (
            (
                first.currency is None
                and RANGE_GAP.fullmatch(text[first.end : second.start])
                and not rules.list_separator.search(text[first.end : second.start])
            )
            or (second.start in opened and opened[second.start].start == first.start)
        )
    }
    if not drop or any(m.conversion_of in drop for m in money):
        return money
    index = {old: new for new, old in enumerate(i for i in range(len(money)) if i not in drop)}
    return [
        replace(m, conversion_of=index[m.conversion_of]) if m.is_conversion else m
        for i, m in enumerate(money)
        if i not in drop
    ]


@dataclass
class ActorStats:
    """How an article names each actor (by code): how often, as a giver, as a recipient."""

    mentions: Counter[str]
    givers: Counter[str]
    recipients: Counter[str]
    kinds: dict[str, str]
    is_state: dict[str, bool]
    opposed: Counter[str]


#: How far after a name (characters) the words for several states coordinated with it may start.
REGION_REACH = 40


class Article:
    """A Doc's text and annotations, read once for the assembly, with the look-ups its features need.

    Every look-up by position goes through sorted offsets (bisect), so that long
    articles stay linear; results that several features share are cached.
    """

    def __init__(self, doc: Doc, url: str | None = None):
        self.doc = doc
        self.lang = lang_of(doc)
        self.data = load(self.lang)
        self.text = doc_text(doc)
        self.folded = folded(doc)
        self.units = units(doc)
        self.grammar = grammar(self.lang)
        found = list(doc._.money or [])
        self._range_starts = range_starts(found, self.text, self.lang)
        self.money: list[Money] = without_range_starts(found, self.text, self.grammar, self._range_starts)
        self.actors: list[Actor] = [a for a in doc._.actors or [] if a.code]
        self.cues: list[Cue] = list(doc._.cues or [])
        self.dates = list(doc._.dates or [])
        self.url = url
        self._unit_starts = [start for start, _ in self.units]
        self._cue_starts = [c.start for c in self.cues]
        self._money_starts = [m.start for m in self.money]
        self._dates = sorted(self.dates, key=lambda d: d.start)
        self._date_starts = [d.start for d in self._dates]
        self.conversions = [m for m in self.money if m.is_conversion]
        self._actors_by_unit: dict[int, list[Actor]] = {}
        self._readings: dict[tuple[int, int], list[Roles]] = {}
        self._aid_words = frozenset(
            c.start for c in self.cues if (c.group == "cues" and c.key in ("aid", "aid_verb", "top_up"))
            or c.group == "mechanisms"
        )
        self._aid_verbs = frozenset(c.start for c in self.cues if c.group == "cues" and c.key in ("aid_verb", "top_up"))

    # --- positions --------------------------------------------------------------------------------------------

    def unit_of(self, offset: int) -> int:
        """The index of the sentence that holds a character offset."""
        return max(0, bisect.bisect_right(self._unit_starts, offset) - 1)

    def cues_between(self, start: int, end: int, group: str | None = None, key: str | None = None) -> list[Cue]:
        """The cues inside ``[start, end)``, optionally of one group and key."""
        found = []
        for cue in self.cues[bisect.bisect_left(self._cue_starts, start) :]:
            if cue.start >= end:
                break
            if cue.end <= end and (group is None or cue.group == group) and (key is None or cue.key == key):
                found.append(cue)
        return found

    def amounts_between(self, start: int, end: int) -> list[Money]:
        """The amounts starting inside ``[start, end)``, conversions included."""
        return self.money[bisect.bisect_left(self._money_starts, start) : bisect.bisect_left(self._money_starts, end)]

    def dates_between(self, start: int, end: int) -> list:
        """The date mentions starting inside ``[start, end)``."""
        return self._dates[bisect.bisect_left(self._date_starts, start) : bisect.bisect_left(self._date_starts, end)]

    def preceded_by(self, offset: int, phrases: tuple[str, ...]) -> bool:
        """Whether the words just before an offset end with one of the (folded) phrases."""
        return ends_with(preceding(self.folded, offset, self.lang), phrases)

    def possessive(self, end: int) -> bool:
        """ "Germany's commitment": a name that qualifies the noun after it."""
        return possessive(self.folded, end)

    def qualifies_people(self, actor: Actor) -> bool:
        """ "l'armée ukrainienne", "Ukrainian civilians": a demonym naming the people aid goes to."""
        return actor.kind == "demonyms" and qualifies_people(self.folded, actor, self.lang)

    # --- sentences --------------------------------------------------------------------------------------------

    def is_headline(self, unit_index: int) -> bool:
        """A short line with no final stop: the headline, a title, a list item."""
        start, end = self.units[unit_index]
        text = self.text[start:end].strip()
        return len(text) <= TITLE_LENGTH and not text.endswith((".", "!", "?", ":", ";"))

    @functools.cached_property
    def opening(self) -> int:
        """The unit the article opens with, its headline or first sentence: the first that is no label line
        (:meth:`_label`), so that a banner an aggregator puts above a copy, or a page's menu, changes nothing."""
        return next((i for i in range(len(self.units)) if not (self.is_headline(i) and self._label(i))), 0)

    def _label(self, index: int) -> bool:
        """Whether a title-shaped line only labels the page: a few words without a cue word ("Breaking news"),
        a line naming neither a state nor aid (a byline, a date), or a page's links ("Home | News | Press
        releases", "Home › Newsroom")."""
        start, end = self.units[index]
        if len(LINK_SEPARATOR.findall(self.text, start, end)) >= 2:
            return True
        if self.cues_between(start, end, "cues"):
            return False
        return len(self.text[start:end].split()) <= LABEL_WORDS or not self.unit_actors(index)

    def in_lead(self, unit_index: int) -> bool:
        """Whether a unit is the opening line, a label above it, or one of the units right after it."""
        return unit_index < self.opening + LEAD_UNITS

    def evidence(self, unit: tuple[int, int]) -> tuple[int, int]:
        """A sentence without surrounding blanks or a leading bullet."""
        start, end = unit
        while start < end and (self.text[start].isspace() or self.text[start] in "-–—•*"):
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end

    def continues(self, unit_index: int) -> bool:
        """A sentence that opens by referring back to the package ("Cette nouvelle tranche…", "The package…")."""
        opening = self.folded[self.units[unit_index][0] : self.units[unit_index][0] + 40].lstrip() + " "
        return any(
            opening.startswith(phrase) and not opening[len(phrase)].isalnum()
            for phrase in (fold(str(w)) for w in self.data.section("context").get("continuation") or [])
        )

    def future_before(self, offset: int, unit_index: int) -> bool:
        """A word that puts what follows in the future ("sera", "will be") before an offset in its sentence."""
        words = tuple(fold(str(w)) for w in self.data.section("context").get("future") or [])
        start = self.units[unit_index][0]
        before = " " + self.folded[start:offset]
        return any(f" {w} " in before for w in words)

    def stretch(self, mention: Mention, reach_back: bool = True) -> tuple[int, int]:
        """The part of the sentence that belongs to one amount: from the amount before it (or, with
        ``reach_back``, only the few words before the amount, as in "…, and a $20 million grant") to the
        one after; between two amounts, the last list separator (a comma, a semicolon, "and") ends one's part
        and starts the next's."""
        unit = self.units[mention.unit]
        amounts = [m for m in self.amounts_between(*unit) if not m.is_conversion]
        before = [m.end for m in amounts if m.end <= mention.anchor]
        after = [m.start for m in amounts if m.start > mention.anchor]
        if before:
            start = max(before[-1], mention.anchor - STRETCH_BEFORE) if reach_back else before[-1]
            start = max(start, self._last_separator(before[-1], mention.anchor))
        else:
            start = unit[0]
        if not after:
            return start, unit[1]
        return start, self._last_separator(mention.end, after[0]) or after[0]

    def _last_separator(self, start: int, end: int) -> int:
        """The offset just past the last list separator in ``[start, end)``, 0 if none: what stands after
        it in a list goes with the next amount ("Niger received €25 million, Chad €20 million and Mali
        €9 million")."""
        cuts = [m.end() for m in self.grammar.list_separator.finditer(self.text, start, end)]
        return cuts[-1] if cuts else 0

    def parties_in_stretch(self, mention: Mention) -> set[str]:
        """The codes of the states and givers an amount's own stretch names ("a $15 million loan from the
        Dutch government", "Senegal (€9.5 million)")."""
        start, end = self.stretch(mention, reach_back=False)
        return {
            r.actor.code
            for r in self.readings(mention.unit, mention.anchor)
            if start <= r.actor.start < end and (r.actor.is_state or r.donor >= BEFORE_STRENGTH)
        }

    def givers_in_stretch(self, mention: Mention) -> set[str]:
        """The codes of the actors an amount's own stretch reads as giving it ("a $20 million grant from
        the Austrian government")."""
        start, end = self.stretch(mention, reach_back=False)
        source = markers(self.lang).source
        return {
            r.actor.code
            for r in self.readings(mention.unit, mention.anchor)
            if start <= r.actor.start < end and (r.donor >= QUALIFIER or self.preceded_by(r.actor.start, source))
        }

    def recipient_actors_in_stretch(self, mention: Mention) -> list[Actor]:
        """The state mentions an amount's own stretch gives it to (see :meth:`recipients_in_stretch`)."""
        start, end = self.stretch(mention, reach_back=False)
        return [
            r.actor
            for r in self.readings(mention.unit, mention.anchor)
            if start <= r.actor.start < end
            and r.actor.is_state
            and r.actor.kind != "demonyms"
            and (r.recipient >= LOCATED or r.actor.start > mention.anchor)
        ]

    def recipients_in_stretch(self, mention: Mention) -> set[str]:
        """The codes of the states an amount's own stretch gives it to: read as recipients ("to Moldova", "in
        support of the Mauritanian armed forces") or named after the amount, where a sentence names its
        recipient ("a €20 million measure for the armed forces of Bosnia")."""
        start, end = self.stretch(mention, reach_back=False)
        return {
            r.actor.code
            for r in self.readings(mention.unit, mention.anchor)
            if start <= r.actor.start < end
            and r.actor.is_state
            and (r.recipient >= LOCATED or r.actor.start > mention.anchor)
        }

    def state_in_stretch(self, mention: Mention) -> bool:
        """Whether the stretch of an enumeration that belongs to an amount names a state of its own
        ("Senegal received €9.5 million, Guinea (€7.2 million)…")."""
        start, end = self.stretch(mention)
        return any(start <= a.start < end and a.is_state for a in self.unit_actors(mention.unit))

    def range_start(self, money: Money) -> Money | None:
        """The smaller amount a range closing at ``money`` opens with ("de 15 à 40 millions": 15 million), read
        once per article: the level a raise reaches is the package, and where it starts is what tells it from
        the increment another report may state alone."""
        return self._range_starts.get(money.start)

    # --- cues -------------------------------------------------------------------------------------------------

    def cues_in(self, unit_indexes: Iterable[int], group: str) -> list[Cue]:
        """The cues of a group in some sentences, without those inside an organisation's name ("Fonds monétaire")."""
        found = []
        for i in unit_indexes:
            found.extend(self.cues_between(*self.units[i], group))
        return [c for c in found if not self.in_organisation_name(c)]

    def in_organisation_name(self, cue: Cue) -> bool:
        """Whether a cue is a word of an organisation's name (the "Fondo" of "Fondo Monetario Internacional"):
        it names the organisation, not a fund or a type of aid."""
        unit = self.unit_actors(self.unit_of(cue.start))
        return any(a.start < cue.end and cue.start < a.end for a in unit if a.kind == "organisations")

    def nearest(self, cues: list[Cue], anchor: int) -> Cue | None:
        """The cue closest to an offset."""
        return min(cues, key=lambda c: abs(c.start - anchor)) if cues else None

    def token_kinds(self, token: Token) -> set[str]:
        """The cue kinds found on one token (a verb of giving, a request, a stage word…)."""
        from aidledger.assemble.features import kinds

        by_token = per_doc(self.doc, "cue_tokens", self._cue_tokens)
        return kinds(by_token.get(token.i, ()))

    def _cue_tokens(self) -> dict[int, list[Cue]]:
        out: dict[int, list[Cue]] = {}
        for cue in self.cues:
            span = self.doc.char_span(cue.start, cue.end, alignment_mode="expand")
            for token in span or ():
                out.setdefault(token.i, []).append(cue)
        return out

    def mechanism_donors(self) -> list[str]:
        """Donors implied by a mechanism the article names (a drawdown is the United States', the EPF the EU's)."""
        return list(dict.fromkeys(MECHANISM_DONORS[c.key] for c in self.cues if c.group == "mechanisms"
                                  and c.key in MECHANISM_DONORS))

    # --- dates ------------------------------------------------------------------------------------------------

    def earlier_month(self, start: int, end: int) -> bool:
        """A month named in ``[start, end)`` ("En mars, Berlin avait versé…") that is not the month of publication."""
        published = self.doc._.published
        months = {fold(name): number for name, number in (self.data.section("dates").get("months") or {}).items()}
        for mention in self.dates_between(start, end):
            if mention.kind == "vague":
                month = next((months.get(w) for w in fold(mention.text).split() if w in months), None)
                if month and (published is None or month != published.month):
                    return True
        return False

    def past_year(self, start: int, end: int) -> bool:
        """A year before the year of publication stated in ``[start, end)`` ("in 2022", "depuis 2014")."""
        published = self.doc._.published
        return published is not None and any(
            d.year is not None and d.year < published.year for d in self.dates_between(start, end)
        )

    def dated_values(self) -> list:
        """The distinct days the article's date mentions resolve to, in text order."""
        return list(dict.fromkeys(d.value for d in self._dates if d.value is not None))

    def first_dated_unit(self) -> int | None:
        """The sentence of the first resolved date (a dateline, often)."""
        first = next((d for d in self._dates if d.value is not None), None)
        return self.unit_of(first.start) if first else None

    # --- actors -----------------------------------------------------------------------------------------------

    def unit_actors(self, unit_index: int) -> list[Actor]:
        """Actors of a sentence, without those that only name a currency ("dollars canadiens")."""
        if unit_index not in self._actors_by_unit:
            start, end = self.units[unit_index]
            amounts = self.amounts_between(start, end)
            self._actors_by_unit[unit_index] = [
                a
                for a in self.actors
                if start <= a.start < end and not any(m.start <= a.start < m.end for m in amounts)
            ]
        return self._actors_by_unit[unit_index]

    def readings(self, unit_index: int, anchor: int) -> list[Roles]:
        """What the context says of each actor of a sentence, for an amount at ``anchor``."""
        key = (unit_index, anchor)
        if key not in self._readings:
            self._readings[key] = [
                roles(self.doc, self.folded, a, self.lang, anchor, self._aid_words, self._aid_verbs)
                for a in self.unit_actors(unit_index)
            ]
        return self._readings[key]

    def with_coordinated(self, first: list[Actor], actors: list[Actor]) -> set[int]:
        """Start offsets of some actors and of those coordinated after each ("de la Suède, l'Autriche et
        la Grèce"): the names a role marked on the first of a list reaches."""
        reached = {a.start for a in first}
        for actor in sorted(actors, key=lambda a: a.start):
            previous = max((a for a in actors if a.end <= actor.start), key=lambda a: a.end, default=None)
            if (
                previous is not None
                and previous.start in reached
                and self.grammar.coordination.match(self.folded[previous.end : actor.start])
            ):
                reached.add(actor.start)
        return reached

    def right_before(self, actor: Actor, mention: Mention) -> bool:
        """A name with nothing but articles and a currency sign between it and the amount ("gives Ukraine $400m",
        "der Ukraine 3 Milliarden")."""
        if not actor.end <= mention.anchor or not actor.is_state or actor.kind == "demonyms":
            return False
        gap = " " + self.folded[actor.end : mention.anchor].rstrip(" $€£¥")
        return not self.grammar.articles.sub("", gap).strip()

    def bare_item(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` holds nothing but actors' names, brackets and the function words that may
        join two names (a coordinator, a preposition, an article): the rest of a list item whose verb was left
        out ("le Canada 4,6 millions", "et pour le Niger 15 millions"), not a clause of its own ("deutlich
        weniger als Deutschland mit 80 Millionen")."""
        cursor = start
        for actor in self.unit_actors(self.unit_of(start)):
            if actor.start < start or actor.end > end:
                continue
            if not self._joining(cursor, actor.start):
                return False
            cursor = actor.end
        return self._joining(cursor, end)

    def in_citation_form(self, actor: Actor) -> bool | None:
        """Whether a country's name stands in its citation form, the nominative ("Dania", "Іспанія", not
        "Молдові", "Ukrainie"); None in a language whose names do not decline. Where names decline, the case
        says the role the verb gave: the subject gives, a dative or a genitive receives."""
        if not self.data.section("names").get("inflected") or not lemmatizes(self.lang):
            return None
        if fold(actor.text) in _citation_names(self.lang).get(actor.code, ()):
            return True
        word = actor.text.split()[-1]
        return lemma(word, self.lang) == fold(word)

    def _joining(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` holds only brackets, a dash standing for an elided verb ("Іспанія – 50 млн
        євро", "Dania – 15 mln euro") and the words that may stand between two names."""
        gap = re.sub(r"[()\[\]:]|(?<!\S)-(?!\S)", " ", self.folded[start:end])
        return bool(self.grammar.coordination.match(gap))

    def receiving(self, unit_index: int) -> bool:
        """Whether a sentence has a verb whose subject receives ("Senegal received €9 million", "Moçambique
        receberá 7 milhões"). A verb the language file lists as giving too ("recibir", "erhalten": the news of a
        transfer) is found as an aid verb, the first kind that lists it, and is read here by its lemma."""
        verbs = _receiving_verbs(self.lang)
        return any(
            c.group == "cues" and (c.key == "receive" or _lemmas(c.text, self.lang) in verbs)
            for c in self.cues_between(*self.units[unit_index])
        )

    def distributive_word(self, cue: Cue) -> bool:
        """A distributive word ("chacune", "each", "jeweils"). The words a unit price shares ("$2 million each")
        are found as unit prices too; split between coordinated givers, they are distributive."""
        if cue.group != "cues":
            return False
        return cue.key == "distributive" or fold(cue.text) in _distributive_words(self.lang)

    def distributes(self, cue: Cue) -> bool:
        """Whether a distributive word stands after givers its sentence coordinates, before the amount or after
        it ("Norway and Denmark will each provide…", "…pledged $30 million each", "la Belgique et les Pays-Bas
        verseront chacun…"): it shares the amount out between them, and prices no unit, unless equipment is
        named between the givers and the word ("20 trucks worth $2 million each")."""
        if not self.distributive_word(cue):
            return False
        before = [a for a in self.unit_actors(self.unit_of(cue.start)) if a.is_state and a.end <= cue.start]
        if self.coordinated_run(before) < 2:
            return False
        return not self.cues_between(before[-1].end, cue.start, "items")

    def coordinated_run(self, actors: list[Actor]) -> int:
        """The longest run of names joined by commas and coordinators ("Ukraine, Israël et Taïwan")."""
        best = run = 1 if actors else 0
        for first, second in itertools.pairwise(actors):
            joined = (
                first.code != second.code
                and self.grammar.coordination.match(self.folded[first.end : second.start])
                and not self.amounts_between(second.end, second.end + 4)  # "Paris 20 million": a giver's own
            )
            run = run + 1 if joined else 1
            best = max(best, run)
        return best

    def joined_to_region(self, actor: Actor) -> bool:
        """Whether a name is coordinated with words that stand for several states: "Sudan and neighbouring
        countries", "la Syrie et la région", "Sudán y los países vecinos" (the language's ``multi_recipient``
        cues, which may carry the coordinator themselves)."""
        return any(
            self.grammar.coordination.match(self.folded[actor.end : cue.start])
            for cue in self.cues_between(actor.end, actor.end + REGION_REACH, "cues", "multi_recipient")
        )

    def officials_of(self) -> set[int]:
        """Start offsets of actors named as what a titled person serves: "les dirigeants de l'OTAN", "le
        ministre allemand", "German Chancellor", "NATO chief". The person acts for the actor."""
        return per_doc(self.doc, "officials_of", self._officials_of)

    def _officials_of(self) -> set[int]:
        links = tuple(fold(str(w)) for w in self.data.section("roles").get("complement_links") or [])
        found = set()
        for title in title_matches(self.doc):
            for actor in self.actors:
                after = self.folded[title.end : actor.start]
                before = self.folded[actor.end : title.start]
                linked = 0 <= actor.start - title.end <= 12 and self.grammar.articles.sub(
                    "", " " + after.strip()
                ).strip() in ("", *links)
                if linked or (0 <= title.start - actor.end <= 2 and not before.strip()):
                    found.add(actor.start)
        return found

    def coordinated_recipients(self, unit_index: int) -> bool:
        """Several states named together as where aid goes ("en Turquie et en Syrie", "for Ukraine, Israel and
        Taiwan"): an envelope for several recipients, not one commitment."""
        end = self.units[unit_index][1]
        readings = [r for r in self.readings(unit_index, end) if r.actor.is_state and r.actor.kind != "demonyms"]
        for first, second in itertools.pairwise(readings):
            if (
                first.recipient
                and first.actor.code != second.actor.code
                and self.grammar.coordination.match(self.folded[first.actor.end : second.actor.start])
                and not self.amounts_between(second.actor.end, second.actor.end + 4)
            ):
                return True  # (not "for Sudan, Paris 20 million": Paris gives its own amount)
        return False

    def series_places(self) -> list[SeriesPlace]:
        """The ordinals that number a package ("the 45th drawdown"), read once per article."""
        return per_doc(self.doc, "series_places", lambda: series_places(self.text, self.lang))

    def actor_stats(self) -> ActorStats:
        """How the article names each actor, computed once."""
        return per_doc(self.doc, "actor_stats", self._actor_stats)

    def _actor_stats(self) -> ActorStats:
        stats = ActorStats(Counter(), Counter(), Counter(), {}, {}, Counter())
        for index, (_, end) in enumerate(self.units):
            for reading in self.readings(index, end):
                code = reading.actor.code
                stats.mentions[code] += 1
                stats.kinds.setdefault(code, reading.actor.kind)
                stats.is_state[code] = reading.actor.is_state
                if reading.donor >= BEFORE_STRENGTH:
                    stats.givers[code] += 1
                if reading.recipient:
                    stats.recipients[code] += 1
                if reading.excluded or self.next_to_opposition(reading.actor):
                    stats.opposed[code] += 1
        return stats

    def next_to_opposition(self, actor: Actor) -> bool:
        """A name next to a word of hostility ("l'agression russe", "Russia's invasion", "Russian attacks"):
        the actor is the aggressor, not a party to aid."""
        return bool(self.cues_between(max(0, actor.start - OPPOSITION_REACH), actor.end + OPPOSITION_REACH, "cues", "opposition"))

    def speaker_countries(self) -> set[str]:
        """Countries the article gives the officials it names by title and name ("le président français
        Emmanuel Macron", "German Chancellor Olaf Scholz"). A name with no title before it (a byline, a
        translator) gives none: that also keeps a focused analysis, which recognises names only in the
        sentences that matter, reading what the whole analysis reads."""
        return per_doc(self.doc, "speaker_countries", self._speaker_countries)

    def _speaker_countries(self) -> set[str]:
        countries = set()
        titles = title_matches(self.doc)
        for ent in self.doc.ents:
            if ent.label_ not in ("PER", "PERSON"):
                continue
            reach = ent.start_char - TITLE_COUNTRY_REACH
            if not any(reach <= t.start and t.end <= ent.start_char for t in titles):
                continue
            near = [a for a in self.actors if reach <= a.end <= ent.start_char and a.is_state]
            if near:
                countries.add(near[-1].code)
        return countries

    def in_quote(self, offset: int) -> bool:
        """Whether an offset stands inside quotation marks."""
        spans = per_doc(self.doc, "quote_spans", lambda: Spans((q.start, q.end) for q in doc_quotes(self.doc)))
        return spans.contains(offset, offset)

    # --- currencies -------------------------------------------------------------------------------------------

    def resolved_currency(self, currency: str | None, donor: str | None, recipient: str | None = None) -> str | None:
        """The ISO code of a currency: "$", crowns and francs by the donor's country (for "$", else by the
        outlet's); a currency written like another by the country it is spent in (:meth:`_spent_in`)."""
        if currency not in DONOR_DEPENDENT:
            return self._spent_in(currency, recipient, donor) if currency else currency
        by_country = self._countries_using(currency)
        if currency == "$":
            return by_country.get(donor) or by_country.get(self.outlet_country()) or "USD"
        if currency == "CROWN":
            return by_country.get(donor)
        return by_country.get(donor, "CHF")

    def own_currency(self, currency: str | None, code: str) -> bool:
        """Whether an actor would state an amount in this currency as its own money: a currency the state has
        used since 2000 (CLDR, :func:`~aidledger.lang.national_currencies`), or the dollar, crown or franc it
        uses for a bare "$", "crowns" or "francs"; the euro for the European Union. Donors announce aid in their
        own currency ("¥5 billion", "NOK 1.7 billion"), their recipients rarely."""
        if currency is None:
            return False
        if currency in DONOR_DEPENDENT:
            return code in self._countries_using(currency)
        return currency in national_currencies(code)

    def _spent_in(self, currency: str, *countries: str | None) -> str:
        """Of the currencies written alike (``currencies.written_alike`` in common.yaml: "francs CFA" and
        "FCFA" for the West African XOF and the Central African XAF), the one the first country that uses one
        uses: the recipient's, where the money is spent, else the donor's; else ``currency`` as read."""
        alike = [currency, *((self.data.section("currencies").get("written_alike") or {}).get(currency) or [])]
        if len(alike) == 1:
            return currency
        for code in countries:
            used = next((c for c in alike if c in national_currencies(code)), None) if code else None
            if used is not None:
                return used
        return currency

    def _countries_using(self, placeholder: str) -> dict[str, str]:
        """The countries a bare "$", "crowns" or "francs" stands for, with the ISO code of their currency."""
        return self.data.section("currencies").get(_PLACEHOLDER_TABLES[placeholder]) or {}

    def outlet_country(self) -> str | None:
        """The country of the outlet from its URL's top-level domain (".ca" → CAN)."""
        if not self.url:
            return None
        host = re.sub(r"^[a-z]+://", "", self.url).split("/")[0].lower()
        tld = host.rsplit(".", 1)[-1]
        return (self.data.section("currencies").get("outlet_tlds") or {}).get(tld)

    def speech_between(self, start: int, end: int) -> bool:
        """Whether a speech verb ("said", "a déclaré") stands in ``[start, end)``."""
        from aidledger.nlp.speakers import speech

        verbs = speech(self.lang).verbs
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and any(fold(t.lower_) in verbs for t in span)


@functools.cache
def _receiving_verbs(lang: str) -> frozenset[str]:
    """The lemmas of a language's verbs whose subject receives (``cues.receive``), word by word."""
    return frozenset(_lemmas(str(w), lang) for w in load(lang).section("cues").get("receive") or [])


def _lemmas(phrase: str, lang: str) -> str:
    """A phrase's lemmas word by word, so that a listed phrase ("rekenen op") meets its inflected forms."""
    return " ".join(lemma(word, lang) for word in phrase.split())


@functools.cache
def _distributive_words(lang: str) -> frozenset[str]:
    """The folded distributive words of a language ("chacune", "each", "jeweils")."""
    return frozenset(fold(str(w)) for w in load(lang).section("cues").get("distributive") or [])


@functools.cache
def _citation_names(lang: str) -> dict[str, frozenset[str]]:
    """The folded CLDR names of each country in a language: its citation forms."""
    return {code: frozenset(fold(n) for n in names) for code, names in cldr_countries(lang).items()}
