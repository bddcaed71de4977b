"""The fields of a package that the text names outright: mechanism, equipment, announcer, evidence.

These are read, not weighed: a mechanism is set when the text names one
(the labelling rules say so), equipment when it is listed, the announcer
when the text names who announced it. Stage, aid type and date, which need
evidence weighed, come from the models (:mod:`aidledger.assemble.decide`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, get_args

from aidledger.assemble.article import MECHANISM_DONORS, Article
from aidledger.assemble.features import as_raise, kinds, same_amount
from aidledger.nlp.cues import Cue
from aidledger.nlp.ordinals import SeriesPlace
from aidledger.nlp.entities import people
from aidledger.nlp.speakers import speaker_of_clause, speech
from aidledger.schema import Amount, Item

if TYPE_CHECKING:
    from aidledger.assemble.decide import Package

#: Sentences after a package's own that may still describe it ("Ce nouveau paquet comprend…").
CONTINUATION = 4
#: How far after an ordinal's noun (characters) a sum it numbers stands ("the fifth tranche, of €4.2 billion").
SERIES_SUM_REACH = 40
#: Mechanisms that describe the form of the money rather than the instrument.
GENERIC_MECHANISMS = {"loan", "grant"}


def context_units(article: Article, package: Package, taken: set[int]) -> list[int]:
    """The package's sentences and the following ones that continue it, up to another package's sentence."""
    out = sorted({m.unit for m in package.reports})
    for i in range(out[-1] + 1, min(len(article.units), out[-1] + 1 + CONTINUATION)):
        if i in taken:
            break
        out.append(i)
    return out


def mechanism(
    article: Article, package: Package, context: list[int], packages: list[Package], aid_type: str
) -> str | None:
    """The mechanism named with the amount, else in its sentences and the one after; a donor's own (PDA, EPF)
    anywhere in the article when the article reports no other amount of that donor; else the only instrument
    the donor has for the package's aid type or for any (``mechanisms_by_donor``: the EU's military aid goes
    through the European Peace Facility; the IMF lends)."""
    donor = package.donor

    def ours(cues: list[Cue]) -> set[str]:
        return {
            c.key for c in cues if MECHANISM_DONORS.get(c.key, donor) == donor and not article.in_organisation_name(c)
        }

    main = package.main
    single = one_mechanism(ours(article.cues_between(*article.stretch(main), "mechanisms")))
    if single:
        return single
    units = sorted({m.unit for m in package.reports} | {m.unit + 1 for m in package.reports if m.unit + 1 in context})
    named = ours(article.cues_in(units, "mechanisms"))
    if named:
        return one_mechanism(named)
    specific = {
        c.key
        for c in article.cues
        if c.group == "mechanisms" and MECHANISM_DONORS.get(c.key) == donor and not article.in_organisation_name(c)
    }
    alone = not any(p is not package and p.donor == donor and p.money is not None for p in packages)
    if len(specific) == 1 and alone:
        return specific.pop()
    by_type = (article.data.section("mechanisms_by_donor") or {}).get(donor) or {}
    return by_type.get(aid_type) or by_type.get("any")


def series_number(article: Article, package: Package, packages: list[Package], context: list[int]) -> int | None:
    """The package's number in its donor's series ("the 45th drawdown", "la cinquième tranche"): an ordinal in
    its own sentences, or, for the article's only package, in those that go on about it (``context``), the
    headline or the lead, where a release numbers what it announces."""
    units = {m.unit for m in package.reports}
    if len(packages) == 1:
        lead = next((u for u in range(len(article.units)) if not article.is_headline(u)), 0)
        units |= set(context) | set(range(lead + 1))
    return next(
        (
            place.number
            for place in article.series_places()
            if article.unit_of(place.start) in units and not _numbers_another_sum(article, place, package)
        ),
        None,
    )


def raised_from(article: Article, package: Package, currency: str | None) -> Amount | None:
    """Where a raise starts ("relever son aide de 15 à 40 millions d'euros": from 15 million), in the package's
    currency: the package is the new level, and what it adds is what another report may state alone. Read only
    in a sentence that raises (a ``top_up`` cue, or a verb of totals that a range makes one: :func:`as_raise`),
    since "from 15 to 40 million" also writes an estimate's range."""
    stated = package.stated
    if stated is None or stated.money is None or currency is None:
        return None
    start = article.range_start(stated.money)
    if start is None:
        return None
    cues = article.cues_between(*article.units[stated.unit])
    if "top_up" not in kinds(as_raise(article, c) for c in cues):
        return None
    return Amount(amount=start.amount, currency=currency)


def _numbers_another_sum(article: Article, place: SeriesPlace, package: Package) -> bool:
    """Whether the ordinal numbers a sum other than the package's, stated right after it: a part ("a first
    tranche of $900 million" of a $2.8 billion loan), not the package."""
    money = package.money
    _, end = article.units[article.unit_of(place.start)]
    after = [
        m for m in article.amounts_between(place.end, min(end, place.end + SERIES_SUM_REACH)) if not m.is_conversion
    ]
    return bool(after) and (money is None or not same_amount(after[0].amount, money.amount))


def one_mechanism(named: set[str]) -> str | None:
    """The mechanism from those the sentences name: a named instrument (PDA, EPF, a facility) over the loans
    and grants it is made of; None when it mixes two ("PDA … as well as USAI funds", "grants … loans")."""
    specific = named - GENERIC_MECHANISMS
    if specific:
        return next(iter(specific)) if len(specific) == 1 else None
    return next(iter(named)) if len(named) == 1 else None


def items(article: Article, context: list[int]) -> list[str]:
    """Equipment categories of the package; a weapon after an ammunition word in the same list item
    is its ammunition ("munitions pour les systèmes HIMARS")."""
    cues = article.cues_in(context, "items")
    ammo_words = [c for c in cues if c.key == "ammunition_words"]
    with_ammo = {k.removesuffix("_ammunition") for k in get_args(Item) if k.endswith("_ammunition")}
    found: list[str] = []
    for cue in cues:
        if cue.key == "ammunition_words":
            continue
        key = cue.key
        if key in with_ammo and any(same_list_item(article, a, cue) for a in ammo_words):
            key = f"{key}_ammunition"
        if key not in found:
            found.append(key)
    return found


def same_list_item(article: Article, ammo: Cue, weapon: Cue) -> bool:
    """ "munitions pour les systèmes HIMARS", "HIMARS rockets": no list separator between the two words."""
    if 0 <= weapon.start - ammo.end <= 150:
        return not article.grammar.list_separator.search(article.text, ammo.end, weapon.start)
    return 0 <= ammo.start - weapon.end <= 3


def announcer(article: Article, package: Package) -> str | None:
    """Who a report's sentence says announced the package: a person it names beside an announcing or speech
    word, by the fullest name the article uses (a one-word "name" it never completes is more often a
    weapon or a place); else the subject of the announcing word or the speaker of the speech verb
    (:func:`~aidledger.nlp.speakers.speaker_of_clause`: "the Department of Defense announced", "a annoncé
    le ministre" → the minister's name), unless that is a bare common noun ("the ministry said"); else the one
    the next sentence says told it ("Das teilte Ministerin X mit")."""
    for mention in package.reports:
        start, end = article.units[mention.unit]
        if article.cues_between(start, end, "announcing") or article.speech_between(start, end):
            named = [(s, p) for p in people(article.doc) for s, _ in p.mentions if start <= s < end]
            for _, person in sorted(named, key=lambda sp: sp[0]):
                if len(person.name.split()) > 1 and not _names_a_mechanism(article, person.mentions):
                    return person.name
    told_by_next = [u for m in package.reports if (u := _told_by_next(article, m.unit)) is not None]
    for unit in [m.unit for m in package.reports] + told_by_next:
        speaker = speaker_of_clause(article.doc, *article.units[unit])
        if speaker is not None and (speaker.person is not None or not _common_noun(speaker.name)):
            return speaker.name
    return None


def _names_a_mechanism(article: Article, mentions: list[tuple[int, int]]) -> bool:
    """Whether a run of capitalised words read as a person is the name of a programme the language file lists
    as a mechanism ("Foreign Military Financing", "European Peace Facility"): no one announced by it."""
    return any(article.cues_between(start, end, "mechanisms") for start, end in mentions)


def _told_by_next(article: Article, unit: int) -> int | None:
    """The next sentence when it only says who told the one before ("Das teilte Minister X mit", "Dat heeft
    minister X bekendgemaakt", "Про це повідомив X"): it opens with a back reference of the language and
    states no amount of its own."""
    following = unit + 1
    if following >= len(article.units):
        return None
    start, end = article.units[following]
    if any(not m.is_conversion for m in article.amounts_between(start, end)):
        return None
    return following if speech(article.lang).opens_with_back_reference(article.folded, start, end) else None


def _common_noun(name: str) -> bool:
    """One word in lower case ("ministry", "gouvernement"): a noun the text qualifies elsewhere, not a name."""
    return " " not in name and name[:1].islower()


def evidence(article: Article, package: Package) -> tuple[int, int]:
    """The evidence of a package: its main report's sentence up to the end of the clause that holds the amount
    and the parties named in it ("La Belgique va fournir à l'Ukraine une aide de 200 millions d'euros",
    without ", a annoncé mardi le secrétaire d'État…")."""
    main = package.main
    start, end = article.evidence(article.units[main.unit])
    reach = main.end
    for money in article.amounts_between(main.end, end):
        if money.is_conversion:
            reach = max(reach, money.end)
    for actor in article.unit_actors(main.unit):
        if actor.code in (package.donor, package.recipient):
            reach = max(reach, actor.end)
    clause_end = article.grammar.clause_end.search(article.text, reach, end)
    return start, (clause_end.start() if clause_end else end)
