"""Language-independent features of mentions, parties, stages, aid types and dates.

Every feature is named for what a reader would check in the text: which kind
of cue the language file found and where (``cumulative@before``: a running-total
word in the clause before the amount), how the parse relates the amount to
its verb (``verb:conditional``), where the sentence stands (``headline``), what
else the article says (``bigger_amount_before``). No feature is a word of any
language: the words live in the data files, and the features only count the
kinds of cue they map to, so a model fitted on French and English applies to
any language with a data file.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Token

from aidledger.assemble.article import Article
from aidledger.assemble.grammar import Grammar
from aidledger.assemble.mentions import Mention
from aidledger.assemble.parties import (
    AGENT,
    BEFORE,
    LOCATED,
    MARKED,
    QUALIFIER,
    SUBJECT_AFTER,
    SUBJECT_BEFORE,
    markers,
    owns_subject,
)
from aidledger.lang import usd_magnitude
from aidledger.nlp.cues import Cue
from aidledger.nlp.gazetteer import fold
from aidledger.nlp.money import DONOR_DEPENDENT
from aidledger.schema import WEAPONS

Features = dict[str, float]

#: Cue kinds of the ``cues`` section that qualify an amount.
CUE_KINDS = (
    "aid",
    "aid_verb",
    "cumulative",
    "request",
    "refusal",
    "sale",
    "unit_price",
    "background",
    "part",
    "past",
    "aggregate",
    "multi_recipient",
    "new",
    "report",
    "neutral",
    "additional",
    "top_up",
    "opposition",
    "distributive",
    "receive",
    "commercial",
)
#: Other sections, each counted as one kind.
GROUP_KINDS = {"announcing": "announce", "in_kind": "in_kind", "mechanisms": "mechanism", "items": "items"}
AID_TYPES = ("military", "financial", "humanitarian", "mixed")
MECHANISMS = ("PDA", "USAI", "FMF", "EPF", "loan", "grant", "other")
#: How far (characters) a cue may stand before / after an amount to qualify it.
LEFT_WINDOW = 90
RIGHT_WINDOW = 60
#: Sentences before an amount within which a larger one may be the package it is a part of.
PART_REACH = 4
#: Donor codes of development banks and funds, whose money is financial unless the text says otherwise.
LENDERS = {"WORLD_BANK", "IMF", "EIB", "EBRD", "ADB", "AFDB"}


def kind_of(cue: Cue) -> str | None:
    """The feature name of a cue's kind: its key for the ``cues`` and ``stages`` sections, else its section."""
    if cue.group == "cues":
        return cue.key if cue.key in CUE_KINDS else None
    if cue.group == "stages":
        return cue.key
    return GROUP_KINDS.get(cue.group)


def kinds(cues: Iterable[Cue]) -> set[str]:
    return {k for k in (kind_of(c) for c in cues) if k}


#: A colon right after an amount: the amount is the topic the clause after the colon is about.
TOPIC_COLON = re.compile(r"[ \t\u00a0]*:")


def windows(article: Article, mention: Mention) -> tuple[tuple[int, int], tuple[int, int]]:
    """The clause before a mention (back to the amount before it, at most LEFT_WINDOW characters) and
    the clause after it (to a clause break or the next amount, at most RIGHT_WINDOW). A bare amount that
    goes on an enumeration ("45 millions d'euros pour le Mali, 30 pour le Niger") shares the clause before
    the list's first amount: one verb gives them all."""
    start, end = article.units[mention.unit]
    anchor = enumeration_head(article, mention)
    left = max(start, anchor - LEFT_WINDOW)
    after_amount = False
    for money in article.amounts_between(left, anchor):
        if money.end <= mention.anchor:
            left, after_amount = max(left, money.end), True
    if after_amount:  # what follows the amount before, up to its clause's end, is that amount's clause
        boundary = article.grammar.clause_end.search(article.text, left, anchor)
        left = boundary.end() if boundary else left
    reach = mention.end
    for money in article.amounts_between(mention.end, min(end, mention.end + RIGHT_WINDOW)):
        if money.is_conversion and money.start - reach < 40:
            reach = money.end
    if article.text[reach : reach + 1] == ")":
        reach += 1
    limit = min(end, reach + RIGHT_WINDOW)
    following = next((m.start for m in article.amounts_between(reach, limit) if not m.is_conversion), limit)
    topic = TOPIC_COLON.match(article.text, reach, following)
    if topic:  # "Eine Milliarde Euro: EU verdoppelt …": the clause after the colon tells of the amount before it
        reach = topic.end()
    clause_end = article.grammar.clause_end.search(article.text, reach, following)
    return (left, mention.anchor), (mention.end, clause_end.start() if clause_end else following)


def enumeration_head(article: Article, mention: Mention) -> int:
    """The start of the stated amount a bare amount's enumeration opens with, in its sentence (the mention's
    own start when it is no bare item of a list)."""
    if mention.money is None or mention.money.currency is not None:
        return mention.anchor
    start = article.units[mention.unit][0]
    before = [m for m in article.amounts_between(start, mention.anchor) if not m.is_conversion]
    head = mention.anchor
    for money in reversed(before):
        if not article.grammar.list_separator.search(article.text, money.end, head):
            break  # no separator between them: not one list
        head = money.start
        if money.currency is not None:
            return head
    return mention.anchor


# --- is this mention a new commitment? -------------------------------------------------------------------------


def mention_features(article: Article, mention: Mention, mentions: list[Mention]) -> Features:
    """What says that one mention reports a new commitment, or something else."""
    f: Features = {}
    (l_start, l_end), (r_start, r_end) = windows(article, mention)
    start, end = article.units[mention.unit]
    def qualifying(first: int, last: int) -> list[Cue]:
        return [c for c in article.cues_between(first, last) if not article.distributes(c)]

    givers = [r.actor.start for r in article.readings(mention.unit, mention.anchor) if r.donor >= SUBJECT_BEFORE]
    raising = mention.money is not None and article.range_start(mention.money) is not None
    def as_read_here(cues: list[Cue]) -> list[Cue]:
        """The cues before the amount as this sentence reads them: the words that set the scene for the giver
        (many givers, a need, an appeal: setting_the_scene) dropped, a verb of totals before a range read as the
        raise."""
        kept = [c for c in cues if not setting_the_scene(c, givers, mention.anchor)]
        return [as_raise(article, c) for c in kept] if raising else kept

    before, after = as_read_here(qualifying(l_start, l_end)), qualifying(r_start, r_end)
    for kind in kinds(before):
        f[f"{kind}@before"] = 1.0
    for kind in kinds(after):
        f[f"{kind}@after"] = 1.0
    for kind in kinds(as_read_here(qualifying(start, l_start))):
        f[f"{kind}@earlier_in_sentence"] = 1.0
    for kind in kinds(qualifying(r_end, end)):
        f[f"{kind}@later_in_sentence"] = 1.0
    nearest_before = [k for k in map(kind_of, before) if k]
    if nearest_before:
        f[f"{nearest_before[-1]}@just_before"] = 1.0
    nearest_after = [k for k in map(kind_of, after) if k]
    if nearest_after:
        f[f"{nearest_after[0]}@just_after"] = 1.0
    f.update(sentence_features(article, mention.unit))
    f.update(parse_features(article, mention.anchor, mention.end))
    if raising and f.pop("cumulative@verb", 0.0):  # the verb's cues, as as_raise reads those of the windows
        f["top_up@verb"] = 1.0
    pool(f)
    f.update(actor_features(article, mention))
    if mention.money is None:
        f["items_in_sentence"] = min(3, len(article.cues_between(start, end, "items"))) / 3
        f["amount_in_sentence"] = float(any(not m.is_conversion for m in article.amounts_between(start, end)))
        f["amounts_in_article"] = float(any(not m.is_conversion for m in article.money))
    else:
        f.update(amount_features(article, mention, mentions))
    f["earlier_month@before"] = float(article.earlier_month(l_start, l_end))
    f["past_year@sentence"] = float(article.past_year(start, end))
    f["in_quote"] = float(article.in_quote(mention.anchor))
    f["position"] = mention.anchor / max(1, len(article.text))
    return f


def setting_the_scene(cue: Cue, givers: list[int], anchor: int) -> bool:
    """Whether a word of what others do or need stands before a giver the sentence names as the amount's subject:
    the many givers ("lors d'une réunion des donateurs", "at a donors' conference", "among the allies") or the
    need and the call for help ("face aux dégâts du séisme", "in response to the UN's appeal", "ante los
    daños"). It places the pledge, and the named giver makes it ("…, Rome a débloqué 10 millions"); without
    one, the many give together and the appeal is the amount's own ("the UN appealed for $2 billion")."""
    return kind_of(cue) in SCENE_KINDS and any(cue.end <= start < anchor for start in givers)


def as_raise(article: Article, cue: Cue) -> Cue:
    """A verb of running totals before an amount that closes a from-to range, read as raising it: "a porté son
    aide à la Moldavie de 15 à 40 millions", "brought its pledge from $500 million to $1 billion" state a raise,
    whose level is the commitment, where "portant le total à 40 millions" states a total. Nouns ("au total")
    stay what they are."""
    if cue.group != "cues" or cue.key != "cumulative":
        return cue
    span = article.doc.char_span(cue.start, cue.end, alignment_mode="expand")
    verb = span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)
    return replace(cue, key="top_up") if verb else cue


def pool(f: Features) -> None:
    """Add the pooled kinds: each blocking kind is rare (a refusal, an arms sale), but together they are
    frequent enough to weigh what any of them says of the amount next to them."""
    for name in list(f):
        kind, _, where = name.partition("@")
        if where and kind in BLOCKING_KINDS:
            f[f"blocking@{where}"] = 1.0


def sentence_features(article: Article, unit: int) -> Features:
    """Where a sentence stands and whether the one before gives (for "It is worth $375 million.")."""
    f: Features = {}
    f["headline"] = float(article.is_headline(unit))
    f["lead"] = float(article.in_lead(unit))
    f["continues"] = float(article.continues(unit))
    if unit > 0:
        f["previous_gives"] = float("aid_verb" in kinds(article.cues_between(*article.units[unit - 1])))
    if not gives(article, unit, unit):  # "It is valued at $275 million."
        f["giving_just_before_only"] = float(gives(article, unit - 2, unit - 1))
    return f


#: Cue kinds that state a giving (as against naming aid), seen from the giver or from the recipient ("Mali will
#: receive €45 million from the EU").
GIVING_STATEMENT = frozenset({"aid_verb", "announce", "in_kind", "receive"})


def gives(article: Article, first: int, last: int) -> bool:
    """Whether the sentences ``first`` to ``last`` (clipped to the article) state a giving."""
    units = range(max(0, first), last + 1)
    return any(kinds(article.cues_between(*article.units[u])) & GIVING_STATEMENT for u in units)


#: Decades of US dollars an amount's size falls in (see :func:`magnitude_features`), largest first; below the
#: last, "amount:under_100k" (prices, fees, amounts per person).
MAGNITUDES = (
    ("amount:over_10bn", 1e10),
    ("amount:1bn_10bn", 1e9),
    ("amount:100m_1bn", 1e8),
    ("amount:10m_100m", 1e7),
    ("amount:100k_10m", 1e5),
)


def magnitude_features(amount: float, currency: str | None) -> Features:
    """The decade of US dollars the amount falls in: a state's package is seldom over ten billion, and
    running totals, budgets and bills of many recipients often are ("$134.7 billion to date", "le budget des
    Armées de 43,9 milliards"). Nothing for a currency the ECB does not quote."""
    usd = usd_magnitude(amount, currency) if currency else None
    if usd is None:
        return {}
    name = next((name for name, low in MAGNITUDES if usd >= low), "amount:under_100k")
    return {name: 1.0}


def amount_features(article: Article, mention: Mention, mentions: list[Mention]) -> Features:
    """The amount among the others: a restatement, smaller than one just before, a share, an envelope."""
    f: Features = {}
    amount = mention.amount or 0.0
    same_currency = [m for m in mentions if m.money and m.currency == mention.currency]
    restated = [m for m in same_currency if m.unit != mention.unit and same_amount(m.amount, amount)]
    f["restated"] = min(3, len(restated)) / 3
    f["restated_in_headline"] = float(any(article.is_headline(m.unit) for m in restated))
    bigger = [m for m in same_currency if m.amount > amount * 1.02 and m.anchor < mention.anchor]
    f["bigger_amount_before@sentence"] = float(any(m.unit == mention.unit for m in bigger))
    f["bigger_amount_before@nearby"] = float(any(0 < mention.unit - m.unit <= PART_REACH for m in bigger))
    readings = article.readings(mention.unit, mention.anchor)
    start, end = article.stretch(mention)
    own = [r for r in readings if start <= r.actor.start < end]
    f["giver_in_stretch"] = float(any(r.donor >= QUALIFIER or article.preceded_by(r.actor.start, markers(article.lang).source) for r in own))
    f["recipient_in_stretch"] = float(any(r.recipient >= LOCATED for r in own))
    own_parties = article.parties_in_stretch(mention)
    if bigger:
        f["part_of_bigger"] = float(not own_parties)
        f["share_with_own_party"] = float(bool(own_parties))
        envelope = max(bigger, key=lambda m: m.amount)
        f["share_with_other_party"] = float(bool(own_parties - {a.code for a in article.unit_actors(envelope.unit)}))
    shares = summing_shares(amount, [m for m in same_currency if m.anchor > mention.anchor][:6])
    own_actors = {a.code for a in article.unit_actors(mention.unit)}
    with_parties = [m for m in shares if article.parties_in_stretch(m) - own_actors]
    f["split_between_parties"] = float(len(with_parties) >= 2)
    f["split_into_kinds"] = float(bool(shares) and len(with_parties) < 2)
    f["inherited_currency"] = float(mention.inherited)
    f.update(magnitude_features(amount, article.resolved_currency(mention.currency, None)))
    f["currency_by_donor"] = float(mention.currency in DONOR_DEPENDENT)
    in_sentence = article.amounts_between(*article.units[mention.unit])
    in_sentence = [m for m in in_sentence if not m.is_conversion]
    f["amounts_in_sentence"] = min(4, len(in_sentence)) / 4
    news = first_of_body(article, mention) and gives(article, mention.unit - 2, mention.unit)
    f["first_amount_of_body"] = float(news)
    f["first_amount_in_sentence"] = float(bool(in_sentence) and in_sentence[0].start == mention.anchor)
    own = [m for m in mentions if m.unit == mention.unit and m.money and article.state_in_stretch(m)]
    f["state_in_stretch"] = float(any(m is mention for m in own))
    f["shares_with_own_parties"] = float(len(own) >= 2 and f["state_in_stretch"] == 1.0)
    f["restates_conversion"] = float(
        any(c.currency == mention.currency and same_amount(c.amount, amount) for c in article.conversions)
    )
    # "porte son aide de 15 à 40 millions", "from $15m to $40m": the level a raise reaches is what is committed
    f["level_of_raise"] = float(mention.money is not None and article.range_start(mention.money) is not None)
    return f


def first_of_body(article: Article, mention: Mention) -> bool:
    """Whether no amount of the body comes before this one (a headline's does not count): news puts what
    is new first, and an official release states its package before the totals and the background."""
    if article.is_headline(mention.unit):
        return False
    return not any(
        not m.is_conversion and m.start < mention.anchor and not article.is_headline(article.unit_of(m.start))
        for m in article.money
    )


def same_amount(a: float | None, b: float | None, tolerance: float = 0.02) -> bool:
    """The same sum give or take the rounding of a headline ("$400 million", "$398 million")."""
    return a is not None and b is not None and abs(a - b) <= tolerance * max(a, b)


def summing_shares(total: float, following: list[Mention]) -> tuple[Mention, ...]:
    """The two to four smaller amounts that follow ``total`` and add up to it (an envelope split into shares,
    listed after it): the first ones, not any few of them, which add up to a smaller amount by chance."""
    values = [m for m in following if m.amount and m.amount < total]
    for size in range(2, min(4, len(values)) + 1):
        if same_amount(sum(m.amount for m in values[:size]), total):
            return tuple(values[:size])
    return ()


def actor_features(article: Article, mention: Mention) -> Features:
    """How the sentence names its parties: a giver before the amount, a list of recipients, an organisation paid."""
    f: Features = {}
    actors = article.unit_actors(mention.unit)
    states = [a for a in actors if a.is_state]
    f["states_in_sentence"] = min(3, len({a.code for a in states})) / 3
    f["no_actor_in_sentence"] = float(not actors)
    readings = article.readings(mention.unit, mention.anchor)
    f["giver_named"] = float(any(r.donor >= QUALIFIER for r in readings))
    f["giver_as_subject"] = float(any(r.donor >= SUBJECT_BEFORE for r in readings))
    f["recipient_marked"] = float(any(r.recipient >= MARKED for r in readings))
    source = markers(article.lang).source
    givers = article.with_coordinated(
        [r.actor for r in readings if r.donor >= QUALIFIER or article.preceded_by(r.actor.start, source)], states
    )
    after = [a for a in states if a.start > mention.anchor and a.kind != "demonyms" and a.start not in givers]
    f["recipient_list_after"] = float(article.coordinated_run(after) >= 2)
    f["recipients_coordinated"] = float(  # the list before counts for an amount with no recipient of its own
        article.coordinated_recipients(mention.unit)
        or (
            mention.unit > 0
            and article.coordinated_recipients(mention.unit - 1)
            and not article.recipients_in_stretch(mention)
        )
    )
    m = markers(article.lang)
    f["organisation_paid"] = float(
        any(not a.is_state and a.start > mention.anchor and article.preceded_by(a.start, m.recipient) for a in actors)
    )
    return f


# --- the parse ------------------------------------------------------------------------------------------------

#: Universal Dependencies relations, grouped into the few roles an amount can have.
_SUBJECT = {"nsubj", "nsubj:pass", "nsubjpass", "csubj"}
_OBJECT = {"obj", "dobj", "iobj", "attr", "oprd"}
_OBLIQUE = {"obl", "obl:arg", "obl:mod", "pobj", "nmod", "prep"}


def parse_features(article: Article, start: int, end: int) -> Features:
    """How the parse relates a mention to its verb: its role, the verb's tense and mood, the cue kinds on
    the path to it ("requested $X" and "provided $X" differ only there). Empty without a parser."""
    doc = article.doc
    if not doc.has_annotation("DEP"):
        return {}
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return {}
    f: Features = {}
    token = span.root
    dep = token.dep_
    f["amount:subject"] = float(dep in _SUBJECT)
    f["amount:object"] = float(dep in _OBJECT)
    f["amount:oblique"] = float(dep in _OBLIQUE)
    verb = governing_verb(token)
    if verb is None:
        return f
    chain = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    if verb.dep_ in ("xcomp", "ccomp") and verb.head.pos_ in ("VERB", "AUX"):
        chain.append(verb.head)  # "va fournir", "plans to provide": the governing verb's tense counts
    for name, value in verb_morphology(chain, article.grammar).items():
        f[f"verb:{name}"] = value
    path_cues = article.token_kinds(verb)
    for head in (verb.head,) if verb.dep_ in ("xcomp", "ccomp", "advcl") else ():
        path_cues |= article.token_kinds(head)
    for kind in path_cues:
        f[f"{kind}@verb"] = 1.0
    return f


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above a token (at most five steps up)."""
    for _ in range(5):
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("amod", "acl") or token.head is token:
            return token if token.pos_ in ("VERB", "AUX") else None
        token = token.head
    return None


def verb_morphology(chain: list[Token], grammar: Grammar) -> Features:
    """Tense, mood and form of a verb and its auxiliaries, from Universal Dependencies features; a future
    or a conditional made by an auxiliary the language data names ("will", "would", which the English
    model tags as modals like "could") is that tense, not a modal, as a French future in "-ra" is."""
    tenses = {t for tok in chain for t in tok.morph.get("Tense")}
    moods = {m for tok in chain for m in tok.morph.get("Mood")}
    forms = {v for tok in chain for v in tok.morph.get("VerbForm")}
    lemmas = [fold(tok.lemma_) for tok in chain]
    auxiliaries = grammar.future_auxiliaries | grammar.conditional_auxiliaries
    modal = any(
        (tok.tag_ == "MD" or "Mod" in tok.morph.get("VerbType")) and lemma not in auxiliaries
        for tok, lemma in zip(chain, lemmas)
    )
    return {
        "future": float("Fut" in tenses or not grammar.future_auxiliaries.isdisjoint(lemmas)),
        "conditional": float("Cnd" in moods or not grammar.conditional_auxiliaries.isdisjoint(lemmas)),
        "past": float(bool(tenses & {"Past", "Pqp", "Imp"})),
        "pluperfect": float("Pqp" in tenses or ("Imp" in tenses and "Part" in forms)),
        "present": float(tenses == {"Pres"}),
        "infinitive": float(forms == {"Inf"}),
        "modal": float(modal),
        "progressive": float("Ger" in forms or any("Prog" in tok.morph.get("Aspect") for tok in chain)),
    }


# --- who gives, who receives ----------------------------------------------------------------------------------

_ROLE_NAMES = {
    SUBJECT_BEFORE: "subject_before",
    AGENT: "agent",
    QUALIFIER: "qualifier",
    BEFORE: "named_before",
    SUBJECT_AFTER: "subject_after",
}


#: The roles a verb whose subject receives turns around: its subject, named before it ("Mali will receive €45
#: million"). The agent ("from the EU"), a possessive and a subject after the verb (the speaker of "…, the
#: Commission said") still give.
RECEIVING_SUBJECT = frozenset({SUBJECT_BEFORE, BEFORE})


def party_features(article: Article, mention: Mention, code: str) -> Features:
    """What the text says of one actor (by code) for one mention: its role in the mention's sentence and
    how it compares with the other actors there, where else the article names it and how, what kind of
    actor it is. Where the sentence names no giver, the article's context speaks for it."""
    f: Features = {}
    readings = article.readings(mention.unit, mention.anchor)
    sentence = [r for r in readings if r.actor.code == code]
    start, end = article.stretch(mention)
    receiving = article.receiving(mention.unit)
    for r in sentence:
        if r.excluded:
            f["role:opposed"] = 1.0
        if r.donor in _ROLE_NAMES:
            f[f"role:{_ROLE_NAMES[r.donor]}"] = 1.0
            if receiving and r.donor in RECEIVING_SUBJECT:
                f["role:giver_of_receiving_verb"] = 1.0
        if r.recipient >= MARKED:
            f["role:marked_recipient"] = 1.0
        elif r.recipient >= LOCATED:
            f["role:located"] = 1.0
        if not r.actor.is_state and article.preceded_by(r.actor.start, markers(article.lang).recipient):
            f["role:channel"] = 1.0
        if article.preceded_by(r.actor.start, markers(article.lang).source):
            f["role:source"] = 1.0
        if owns_subject(article.doc, r.actor):
            f["role:owner_of_subject"] = 1.0
        if r.actor.start in article.officials_of():
            f["role:served_by_official"] = 1.0
        if article.next_to_opposition(r.actor):
            f["role:with_opposition_word"] = 1.0  # "l'agression russe", "Russia's invasion", "Russian attacks"
        if start <= r.actor.start < end:
            f["in_stretch"] = 1.0
        if article.right_before(r.actor, mention) and any(o.actor.end <= r.actor.start and o.actor.code != code for o in readings):
            f["role:double_object"] = 1.0  # "Japan gives Ukraine $400m": named right before the amount, after a giver
    givers = {r.actor.code: r.donor for r in readings if r.donor >= QUALIFIER}
    takers = {r.actor.code: r.recipient for r in readings if r.recipient >= LOCATED}
    if sentence:
        f["in_sentence"] = 1.0
        nearest = min(sentence, key=lambda r: abs(r.actor.start - mention.anchor))
        f["before_amount"] = float(nearest.actor.start < mention.anchor)
        f["distance"] = min(1.0, abs(nearest.actor.start - mention.anchor) / 200)
        f["nearest_actor"] = float(min(readings, key=lambda r: abs(r.actor.start - mention.anchor)).actor.code == code)
        f["first_actor"] = float(readings[0].actor.code == code)
        f["possessive"] = float(any(article.possessive(r.actor.end) for r in sentence))
        f["people_demonym"] = float(any(article.qualifies_people(r.actor) for r in sentence))
        f["strongest_giver"] = float(code in givers and givers[code] == max(givers.values()))
        f["only_giver"] = float(set(givers) == {code})
        f["strongest_recipient"] = float(code in takers and takers[code] == max(takers.values()))
        f["only_recipient"] = float(set(takers) == {code})
    f["own_currency"] = float(article.own_currency(mention.currency, code))
    context: Features = {}
    for offset, name in ((-1, "previous"), (-2, "two_before"), (1, "next")):
        unit = mention.unit + offset
        if 0 <= unit < len(article.units):
            near = [r for r in article.readings(unit, article.units[unit][1]) if r.actor.code == code]
            if near:
                context[f"in_{name}_sentence"] = 1.0
                if any(r.recipient >= MARKED for r in near):
                    context[f"marked_recipient_{name}"] = 1.0
                if any(r.donor >= QUALIFIER for r in near):
                    context[f"giver_{name}"] = 1.0
    context["in_headline"] = float(any(a.code == code for a in article.unit_actors(article.opening)))
    context.update(article_party_features(article, code))
    f.update(context)
    if not givers:  # the sentence names no giver: the context decides who gives
        f.update({f"{name}|no_giver_here": value for name, value in context.items() if value})
    if not takers:
        f.update({f"{name}|no_recipient_here": value for name, value in context.items() if value})
    return f


def article_party_features(article: Article, code: str) -> Features:
    """How the whole article names an actor: how often, as a giver or a recipient, what kind it is."""
    stats = article.actor_stats()
    f: Features = {}
    total = max(1, stats.mentions.total())
    f["article_share"] = stats.mentions[code] / total
    f["article_most_named"] = float(stats.mentions.most_common(1)[0][0] == code) if stats.mentions else 0.0
    f["article_giver_share"] = stats.givers[code] / max(1, stats.givers.total())
    f["article_recipient_share"] = stats.recipients[code] / max(1, stats.recipients.total())
    kind = stats.kinds.get(code, "countries")
    f["is_state"] = float(stats.is_state.get(code, False))
    f["is_organisation"] = float(not stats.is_state.get(code, False))
    f["kind:metonym"] = float(kind == "metonyms")
    f["kind:demonym"] = float(kind == "demonyms")
    f["implied_by_mechanism"] = float(code in article.mechanism_donors())
    f["outlet_country"] = float(code == article.outlet_country())
    f["country_of_speaker"] = float(code in article.speaker_countries())
    f["lender"] = float(code in LENDERS)
    f["article_opposed_share"] = stats.opposed[code] / max(1, stats.mentions[code])
    return f


def party_codes(article: Article, mention: Mention) -> list[str]:
    """The actors a mention's donor or recipient may be: every code the article names, the donor a named
    mechanism implies (a drawdown is the United States'), and the outlet's country, whose government a
    national paper need not name ("the federal government will provide $20 million" on a Canadian site)."""
    codes = [a.code for a in article.actors if a.code]
    codes.extend(article.mechanism_donors())
    outlet = article.outlet_country()
    if outlet is not None:
        codes.append(outlet)
    return list(dict.fromkeys(codes))


# --- stage, aid type, date of a package -----------------------------------------------------------------------


def stage_features(article: Article, reports: list[Mention]) -> Features:
    """What says a package is still to come, decided now, or handed over: stage cues near each report and
    in its sentence, the verb's tense and mood, a following sentence that continues it."""
    f: Features = Counter()
    for mention in reports:
        (l_start, _), (_, r_end) = windows(article, mention)
        sentence = without_anticipated_announcements(article, article.cues_between(*article.units[mention.unit]))
        clause = [c for c in sentence if l_start <= c.start and c.end <= r_end]
        for kind in kinds(clause) & STAGE_KINDS:
            f[f"{kind}@clause"] = 1.0
        for kind in kinds(sentence) & STAGE_KINDS:
            f[f"{kind}@sentence"] = 1.0
        for name, value in parse_features(article, mention.anchor, mention.end).items():
            if value and (name.startswith("verb:") or name.partition("@")[::2] in _STAGE_ON_VERB):
                f[name] = 1.0  # the verb that governs the amount beats the reporting verb around it
        if article.future_before(mention.anchor, mention.unit):
            f["future_words@sentence"] = 1.0
        follow = mention.unit + 1
        if follow < len(article.units) and article.continues(follow):
            for kind in kinds(article.cues_between(*article.units[follow])) & STAGE_KINDS:
                f[f"{kind}@continuation"] = 1.0
        if mention.unit > 0 and article.continues(mention.unit):  # "X will announce a package. It would be worth…"
            before = without_anticipated_announcements(article, article.cues_between(*article.units[mention.unit - 1]))
            for kind in kinds(before) & STAGE_KINDS:
                f[f"{kind}@continuation"] = 1.0
    f["no_amount"] = float(all(m.money is None for m in reports))
    f["headline_only"] = float(all(article.is_headline(m.unit) for m in reports))
    return dict(f)


#: How far (characters) an anticipation word may stand before the announcing verb it governs ("intende annunciare",
#: "dovrebbe approvare", "zal volgende week een nieuw steunpakket … aankondigen").
GOVERNED_REACH = 120
#: What ends the clause an anticipation word governs: final punctuation, or a comma before the next words.
CLAUSE_BREAK = re.compile(r"[.;:!?]|,\s")


def without_anticipated_announcements(article: Article, cues: list[Cue]) -> list[Cue]:
    """The cues without the announcing words an anticipation word governs in their clause: the announcement is
    what is expected ("is set to announce"), not what was done. A language whose lists hold lemmas finds the
    infinitive "annunciare" or "aankondigen" as it finds "ha annunciato"."""
    anticipations = [c for c in cues if kind_of(c) == "anticipated"]

    def governed(cue: Cue) -> bool:
        return any(
            0 < cue.start - a.start <= GOVERNED_REACH and not CLAUSE_BREAK.search(article.text, a.end, cue.start)
            for a in anticipations
        )

    return [c for c in cues if not (kind_of(c) == "announce" and governed(c))]


STAGE_KINDS = {"anticipated", "delivered", "announce", "request", "past", "new", "top_up", "additional", "in_kind"}
#: (kind, "verb") pairs of the stage cues read on the governing verb ("has disbursed", "will send").
_STAGE_ON_VERB = {(kind, "verb") for kind in STAGE_KINDS}


def aid_type_features(article: Article, reports: list[Mention], donor: str | None) -> Features:
    """Which aid types are named nearest the package, in its sentences, around it and in the article;
    the equipment and mechanisms named with it; whether the donor is a lender. A weapon ("tanks", "HIMARS")
    names military aid as the word "military" does."""
    f: Features = {}
    units = sorted({m.unit for m in reports})
    own = _type_cues(article, units)
    for mention in reports:
        nearest = article.nearest([c for c in own if article.unit_of(c.start) == mention.unit], mention.anchor)
        if nearest is not None:
            f[f"type:{nearest.key}@nearest"] = 1.0
    for c in own:
        f[f"type:{c.key}@sentence"] = 1.0
    named = {c.key for c in own if c.key != "mixed"}
    f["several_types@sentence"] = float(len(named) >= 2)  # "humanitarian and financial aid": mixed
    around = [u for u in range(units[0] - 2, units[-1] + 3) if 0 <= u < len(article.units) and u not in units]
    counts = Counter(c.key for c in _type_cues(article, around))
    for key, n in counts.items():
        f[f"type:{key}@around"] = n / max(1, counts.total())
    f["several_types@around"] = float(len(set(counts) - {"mixed"}) >= 2)
    overall = Counter(c.key for c in _type_cues(article, range(len(article.units))))
    for key, n in overall.items():
        f[f"type:{key}@article"] = n / max(1, overall.total())
    f["items@sentence"] = float(bool(article.cues_in(units, "items")))
    f["items@around"] = float(bool(article.cues_in(around, "items")))
    for c in article.cues_in(units, "mechanisms"):
        f[f"mechanism:{c.key}"] = 1.0
    by_donor = (article.data.section("aid_types_by_donor") or {}).get(donor)
    if by_donor:
        f[f"type:{by_donor}@donor"] = 1.0
    f["lender"] = float(donor in LENDERS)
    f["no_amount"] = float(all(m.money is None for m in reports))
    return f


def _type_cues(article: Article, units: Iterable[int]) -> list[Cue]:
    """The aid-type cues of some sentences, with each weapon named there as a cue of military aid."""
    units = list(units)
    named = article.cues_in(units, "aid_types")
    weapons = [
        Cue(c.start, c.end, c.text, "aid_types", "military")
        for c in article.cues_in(units, "items")
        if c.key in WEAPONS and not any(t.start < c.end and c.start < t.end for t in named)  # "chars" is both
    ]
    return sorted([*named, *weapons], key=lambda c: c.start)


def date_features(article: Article, reports: list[Mention], value, mentions_of_value: list) -> Features:
    """Where a date stands relative to the package's reports and how it relates to publication."""
    f: Features = {}
    units = {m.unit for m in reports}
    date_units = {article.unit_of(d.start) for d in mentions_of_value}
    f["same_sentence"] = float(bool(units & date_units))
    f["adjacent_sentence"] = float(any(abs(u - d) == 1 for u in units for d in date_units))
    gap = min(abs(u - d) for u in units for d in date_units)
    f["sentence_gap"] = min(10, gap) / 10
    f["in_lead"] = float(article.in_lead(min(date_units)))
    f["in_headline"] = float(any(article.is_headline(u) for u in date_units))
    f["first_date"] = float(article.first_dated_unit() in date_units)
    f["giving_sentence"] = float(any("aid_verb" in kinds(article.cues_between(*article.units[u])) for u in date_units))
    f["announce_sentence"] = float(any("announce" in kinds(article.cues_between(*article.units[u])) for u in date_units))
    f["times_named"] = min(3, len(mentions_of_value)) / 3
    for mention in mentions_of_value:
        f[f"kind:{mention.kind}"] = 1.0
    published = article.doc._.published
    if published is not None:
        days = (published - value).days
        f["is_published"] = float(days == 0)
        f["week_before"] = float(0 < days <= 7)
        f["month_before"] = float(7 < days <= 60)
        f["long_before"] = float(days > 60)
        f["after_published"] = float(days < 0)
    else:
        f["no_published"] = 1.0
    same = [d for d in mentions_of_value if article.unit_of(d.start) in units]
    if same:
        nearest = min(abs(d.start - m.anchor) for d in same for m in reports if m.unit == article.unit_of(d.start))
        f["distance"] = min(1.0, nearest / 200)
    f["other_dates"] = min(5, len(article.dated_values())) / 5
    return f


# --- what the meaning of a feature says of its weight ---------------------------------------------------------

#: Cue kinds that say an amount is something other than a new commitment, and those that say it is given.
BLOCKING_KINDS = (
    "cumulative",
    "request",
    "refusal",
    "sale",
    "unit_price",
    "background",
    "past",
    "aggregate",
    "report",
    "commercial",
)
#: Blocking kinds that tell of others' acts (many givers, someone asking, a need) rather than of the amount:
#: before the giver that is the amount's subject, they set the scene (see setting_the_scene).
SCENE_KINDS = frozenset({"aggregate", "request"})
GIVING_KINDS = ("aid", "aid_verb", "new", "top_up", "announce", "in_kind", "mechanism")
_NEAR = ("before", "after", "just_before", "just_after", "verb")
#: For each decision, what the meaning of a feature says of its weight: a sign it must keep ("+", "-" or None)
#: and the weight expected before any data (the prior mean the fit shrinks towards).
_PRIORS: dict[str, list[tuple[re.Pattern[str], str | None, float]]] = {
    "commitment": [
        (re.compile(rf"^(?:{'|'.join(BLOCKING_KINDS)}|blocking)@(?:{'|'.join(_NEAR)})$"), "-", -1.0),
        (re.compile(r"^(?:earlier_month@before|past_year@sentence|restates_conversion)$"), "-", -1.0),
        (re.compile(r"^(?:part_of_bigger|split_between_parties|recipient_list_after|recipients_coordinated)$"), "-", -1.0),
        (re.compile(rf"^(?:{'|'.join(GIVING_KINDS)})@(?:{'|'.join(_NEAR)})$"), "+", 0.0),
        (re.compile(r"^(?:giver_in_stretch|recipient_in_stretch|restated|restated_in_headline)$"), "+", 0.0),
        (re.compile(r"^(?:giver_named|giver_as_subject|recipient_marked|state_in_stretch)$"), "+", 0.0),
        (re.compile(r"^(?:continues|giving_just_before_only)$"), "+", 0.5),
        # the labelling rules take the level a raise reaches ("from 15 to 40 million") as the commitment
        (re.compile(r"^level_of_raise$"), "+", 0.5),
        # a part named after the amount ("$325 million, which includes…", "dont 40 millions") makes it a whole,
        # which says nothing against its being new: running totals have cues of their own
        (re.compile(r"^part@(?:just_after|after|later_in_sentence)$"), "+", 0.0),
        # the labelling rules count a part with its own donor or recipient ("Taiwan's share of a US bill")
        (re.compile(r"^(?:share_with_own_party|share_with_other_party|shares_with_own_parties)$"), "+", 0.0),
    ],
    "donor": [
        (re.compile(r"^role:(?:subject_before|agent|qualifier|source|owner_of_subject|served_by_official)$"), "+", 0.0),
        (re.compile(r"^role:(?:opposed|marked_recipient|channel|with_opposition_word)$"), "-", 0.0),
        (re.compile(r"^article_opposed_share$"), "-", 0.0),
    ],
    "recipient": [
        (re.compile(r"^role:(?:marked_recipient|located|double_object)$"), "+", 0.0),
        (re.compile(r"^role:(?:opposed|subject_before|agent|channel|source|with_opposition_word)$"), "-", 0.0),
        (re.compile(r"^article_opposed_share$"), "-", 0.0),
    ],
}
_PRIORS["in_kind"] = [  # its own rules first: the first rule a name matches gives its prior
    (re.compile(r"^(?:in_kind@(?:verb|before|just_before)|giver_as_subject|recipient_marked|items_in_sentence)$"), "+", 0.5),
    (re.compile(r"^amount_in_sentence$"), "-", -0.5),
    *_PRIORS["commitment"],
]


def expected_names(decision: str) -> set[str]:
    """The features a decision's prior expects to weigh even when the training data never shows them (an
    arms sale right after an amount may never occur in the labelled passages, yet it counts against it)."""
    if decision not in ("commitment", "in_kind"):
        return set()
    return {f"{kind}@{where}" for kind in (*BLOCKING_KINDS, "blocking") for where in _NEAR}


@dataclass(frozen=True)
class Prior:
    """The sign a weight must keep and the value it is shrunk towards."""

    sign: str | None = None
    mean: float = 0.0


def prior(decision: str) -> Callable[[str], Prior]:
    """For one decision, the prior of each feature's weight, by name.

    These come from what the cue classes mean, not from what any passage needs:
    a running total, a request or an arms sale next to an amount can only count
    against it being a new commitment (and is expected to count clearly), a
    verb of giving only for it; an actor after an opposition marker ("contre la
    Russie") neither gives nor receives. The data set how much each weighs.
    """
    rules = _PRIORS.get(decision, [])

    def of(name: str) -> Prior:
        return next((Prior(sign, mean) for pattern, sign, mean in rules if pattern.match(name)), Prior())

    return of
