"""spaCy component ``aidledger_quotes``: quotations with their speakers on ``doc._.quotes``.

A quotation is text in quotation marks (any style, see
:mod:`aidledger.nlp.quotemarks`) that someone identifiable says. So a quoted
stretch is kept only when a speech cue of its sentence names a speaker, or
when it stands alone right after an attributed statement (the next sentence
or paragraph of the same speech). Single words and names or terms in
quotation marks ("le « fonds spécial »", the “Ukraine Facility”, a procedure
"dénommée l“autorité présidentielle de retrait”"), and things named among
listed things or glossed ("des camions, « canots rapides » et des
ambulances", "«drones kamikaze» (aparatos no tripulados)") are not
quotations: they are filtered by shape, by place and by the term words of the
language data before any speaker is looked for; nor are figures quoted from a
document ("jusqu'à 500 millions d'euros"). A quotation the article repeats (a headline, then the
body) is given once, by the person who said it if one is named. Languages
without speech data (blank pipelines) keep every quoted sentence-like
stretch, with no speaker.
"""

from __future__ import annotations

import functools
import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from aidledger.lang import load
from aidledger.nlp import doc_quotes, doc_sentences, doc_text, folded, lang_of
from aidledger.nlp.entities import actor_matches
from aidledger.nlp.gazetteer import fold
from aidledger.nlp.quotemarks import QuoteMarks
from aidledger.nlp.spans import Spans
from aidledger.nlp.speakers import Attributor, Cue, Speaker, attributor, speech
from aidledger.schema import Quote, Span

_WORD = re.compile(r"\w+")
#: Words around a quote that still let it "stand alone" as the continuation of a speech ("Ainsi, « … »").
_STANDALONE_WORDS = 3
#: The end of a phrase a quote is part of, before the comma of an incise ("» ukrainiens, a annoncé").
_PHRASE_TAIL = re.compile(r"\s*(?:[\w'’-]+\s+){0,2}[\w'’-]+\s*,")
#: Words a quoted figure may hold besides its amount ("jusqu'à", "more than").
_FIGURE_WORDS = 2
#: Most words of a thing's name in quotation marks among listed things ("lanchas rápidas", "milhares de drones").
_LISTED_TERM_WORDS = 3
#: Before a listed item: a comma, then at most one short word (an article: "des « canots rapides »").
_AFTER_LIST_COMMA = re.compile(r",\s*(?:[a-zà-ÿ]{1,4}\s+)?$")
#: A gloss right after a quoted term, explaining it: a parenthesis opening on a lower-case word.
_GLOSS = re.compile(r"\s*\(\s*[a-zà-ÿ]")


@functools.cache
def _term_regex(lang: str) -> re.Pattern[str] | None:
    """Words that, right before a quotation mark, make the quoted text a name or a term."""
    terms = sorted((fold(t) for t in load(lang).section("speech").get("terms", [])), key=len, reverse=True)
    if not terms:
        return None
    words = "|".join(re.escape(t) for t in terms)
    return re.compile(rf"(?<!\w)(?:{words})\s*(?:[ld]'|de |du |la |le |les |the |a )?\s*$")


def is_figure(doc: Doc, q: QuoteMarks) -> bool:
    """True for an amount in quotation marks, a figure taken from a document ("« jusqu'à 500 millions d'euros »")."""
    amounts = [m for m in doc._.money or [] if q.start <= m.start and m.end <= q.end]
    if not amounts:
        return False
    text = doc_text(doc)
    rest = " ".join(text[a:b] for a, b in zip([q.start] + [m.end for m in amounts], [m.start for m in amounts] + [q.end]))
    return len(_WORD.findall(rest)) <= _FIGURE_WORDS


@functools.cache
def _coordinators(lang: str) -> re.Pattern[str]:
    """The coordinators of the language's grammar data ("e", "and"), as whole words."""
    words = "|".join(re.escape(str(w)) for w in load(lang).section("grammar").get("coordinators") or [])
    return re.compile(rf"\s+(?:{words or '(?!x)x'})\s")


def is_term(doc: Doc, q: QuoteMarks) -> bool:
    """True for a single word, a title-case name, a thing named among listed things (:func:`_listed`), or a
    stretch introduced as a name ("dubbed", "dénommée", "le fonds « … »"), unless the tagger reads the term
    word as a conjugated verb ("the money would fund “…”")."""
    text = doc_text(doc)[q.start : q.end]
    words = _WORD.findall(text)
    if len(words) < 2:
        return True
    if _listed(doc, q):
        return True
    if _title_case(doc, q) and not re.search(r"[.!?,;:]", text):
        return not _has_verb(doc, q)
    regex = _term_regex(lang_of(doc))
    start = max(0, q.open_at - 30)
    m = regex.search(folded(doc)[start : q.open_at]) if regex else None
    if m is None:
        return False
    word = doc.char_span(start + m.start(), start + m.start() + 1, alignment_mode="expand")
    return not (word is not None and _conjugated(word[0]))


def _title_case(doc: Doc, q: QuoteMarks) -> bool:
    """Whether the long words of a quotation are capitalised as in a name ("Ukraine Facility", "Fonds Ukraine
    II"), unless its lower-case words show a sentence whose only capitals after the first word are names of
    countries or organisations, which any sentence capitalises ("Merci à la France")."""
    words = list(_WORD.finditer(doc_text(doc), q.start, q.end))
    long_words = [w for w in words if len(w.group()) > 3]
    if not long_words or not all(w.group()[0].isupper() for w in long_words):
        return False
    names = Spans((m.start, m.end) for m in actor_matches(doc) if q.start <= m.start < q.end)
    has_lower = any(w.group()[0].islower() for w in words)
    return not has_lower or not all(names.contains(w.start(), w.end()) for w in long_words if w is not words[0])


def _short_phrase(doc: Doc, q: QuoteMarks) -> bool:
    """A few words and no clause: no sentence punctuation, and no conjugated verb where a tagger reads them."""
    text = doc_text(doc)[q.start : q.end]
    return (
        len(_WORD.findall(text)) <= _LISTED_TERM_WORDS
        and not re.search(r"[.!?;:]", text)
        and not (doc.has_annotation("POS") and _has_verb(doc, q))
    )


def _listed(doc: Doc, q: QuoteMarks) -> bool:
    """A short phrase in quotation marks between the commas or coordinators of a list ("trucks, “rapid
    boats” and ambulances", "geradores, «tendas de inverno» e cobertores"), or explained by a gloss in
    parentheses ("«drones kamikaze» (aparatos no tripulados)"), is the name of a thing, a term: no one is quoted
    for one item of a list the writer draws up, and a quotation is not glossed."""
    if not _short_phrase(doc, q):
        return False
    text = doc_text(doc)
    if _GLOSS.match(text, q.outer_end):
        return True
    before, after = text[max(0, q.open_at - 12) : q.open_at], text[q.outer_end : q.outer_end + 12]
    return bool(_AFTER_LIST_COMMA.search(before)) and (
        after.lstrip().startswith(",") or bool(_coordinators(lang_of(doc)).match(after))
    )


def _with_list_mates(doc: Doc, marks: list[QuoteMarks], terms: set[int]) -> set[int]:
    """The terms, and the short phrases a coordinator joins to one ("incluye «minas antipersona» y «drones
    kamikaze» (…)"): things listed together are named alike."""
    text, joins = doc_text(doc), _coordinators(lang_of(doc))
    found = set(terms)
    pairs = range(len(marks) - 1)
    for k in [*pairs, *reversed(pairs)]:  # both ways, so that a whole list follows its glossed last item
        a, b = marks[k], marks[k + 1]
        if (k in found) == (k + 1 in found) or not joins.fullmatch(text[a.outer_end : b.open_at]):
            continue
        other = k + 1 if k in found else k
        if _short_phrase(doc, marks[other]):
            found.add(other)
    return found


def _has_verb(doc: Doc, q: QuoteMarks) -> bool:
    """A short sentence of names ("L'Europe est là", "Ukraine is Europe") has a conjugated verb in lower case;
    a name in title case ("Ukraine Facility") has none."""
    span = doc.char_span(q.start, q.end, alignment_mode="contract")
    return any(t.text[:1].islower() and _conjugated(t) for t in span or ())


def _conjugated(tok: Token) -> bool:
    """A verb with a tense or an infinitive ("would fund", "what he called"), or a participle in a compound
    tense ("Macron a dit « … »", "elle s'est dite « … »"), not a participle naming a thing ("le fonds dit",
    "so-called")."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    return any(form in ("Fin", "Inf") for form in tok.morph.get("VerbForm")) or any(
        c.dep_ in ("aux", "aux:tense", "aux:pass", "auxpass") for c in tok.children
    )


class QuotesComponent:
    """Finds quotations and attributes them; see the module docstring for the rules."""

    def __init__(self, min_words: int, continuation_sentences: int):
        self.min_words = min_words
        self.continuation_sentences = continuation_sentences

    def __call__(self, doc: Doc) -> Doc:
        lang = lang_of(doc)
        every = doc_quotes(doc)
        terms = _with_list_mates(doc, every, {k for k, q in enumerate(every) if is_term(doc, q)})
        marks = [q for k, q in enumerate(every) if k not in terms and not is_figure(doc, q)]
        if not speech(lang).available:
            doc._.quotes = [
                _quote(doc, q, None)
                for q in marks
                if len(_WORD.findall(doc_text(doc)[q.start : q.end])) >= self.min_words
            ]
            return doc
        speakers = self._speakers(doc, marks)
        attributed = [(q, speaker) for q, speaker in zip(marks, speakers) if speaker is not None]
        doc._.quotes = [_quote(doc, q, speaker) for q, speaker in _once(doc, attributed)]
        return doc

    def _speakers(self, doc: Doc, marks: list[QuoteMarks]) -> list[Speaker | None]:
        """The speaker of each quote: that of an incise inside it, of a cue of its sentences, of the line it follows, or of a label
        before a colon; else that of the quote it reopens or of the quote or reported statement it stands
        after; a paragraph that is then reopened speaks for the one before it."""
        sentences = doc_sentences(doc)
        spoken = attributor(doc, [(q.open_at, q.outer_end) for q in marks])
        cues = spoken.cues()
        inner = spoken.inner_incises()
        speakers: list[Speaker | None] = []
        last: tuple[int, Speaker] | None = None
        for k, q in enumerate(marks):
            frame = _frame(sentences, q)
            speaker = (
                next((c.speaker for c in inner if q.start <= c.start < q.end and c.speaker is not None), None)
                or _cue_speaker(doc, q, frame, cues)
                or _introduced_speaker(doc, q, frame, sentences, spoken)
            )
            if speaker is None and not _incise_after(doc, q, cues):
                # an incise that names no one ("Soudan : « … », témoigne un responsable de MSF") has said who
                # speaks: the label before the colon is then the topic, not the speaker
                speaker = spoken.labelled_speaker(frame[0], q.open_at) or _headline_speaker(doc, q, frame, spoken, cues)
            if speaker is None and q.continues and k:
                speaker = speakers[-1]
            before = max((x for x in (last, _last_statement(cues, sentences, frame[0])) if x), default=None)
            if speaker is None and before is not None and self._continues(doc, q, frame, before[0], sentences, marks):
                speaker = before[1]
            speakers.append(speaker)
            if speaker is not None:
                last = (q.outer_end, speaker)
        for k in range(len(marks) - 2, -1, -1):  # "“We will help.\n\n“And we will stay,” she said."
            if speakers[k] is None and marks[k + 1].continues:
                speakers[k] = speakers[k + 1]
        for k, q in enumerate(marks):  # "« Nous tiendrons. »\n\nC'est ce qu'a déclaré X"
            if speakers[k] is None:
                speakers[k] = _told_after(doc, q, sentences, spoken)
        return speakers

    def _continues(
        self,
        doc: Doc,
        q: QuoteMarks,
        frame: tuple[int, int],
        last_end: int,
        sentences: list[tuple[int, int]],
        marks: list[QuoteMarks],
    ) -> bool:
        """A quote that stands alone in its sentence, within a few sentences of the last attributed one."""
        outside = doc_text(doc)[frame[0] : q.open_at] + " " + doc_text(doc)[q.outer_end : frame[1]]
        for other in marks:
            if other is not q and frame[0] <= other.open_at < frame[1]:
                outside = outside.replace(doc_text(doc)[other.open_at : other.outer_end], " ")
        if len(_WORD.findall(outside)) > _STANDALONE_WORDS:
            return False
        between = [s for s in sentences if last_end <= s[0] < frame[0]]
        return len(between) < self.continuation_sentences


def _told_after(doc: Doc, q: QuoteMarks, sentences: list[tuple[int, int]], spoken: Attributor) -> Speaker | None:
    """A quote that is its whole sentence speaks for the next sentence when that one only says who said it
    (it opens with a back reference of the language: "C'est ce qu'a déclaré X", "Those were the words of X")."""
    frame = _frame(sentences, q)
    text = doc_text(doc)
    if _WORD.search(text[frame[0] : q.open_at] + " " + text[q.outer_end : frame[1]]):
        return None
    following = next((s for s in sentences if s[0] >= frame[1]), None)
    return spoken.back_referenced_speaker(*following) if following is not None else None


def _last_statement(cues: list[Cue], sentences: list[tuple[int, int]], before: int) -> tuple[int, Speaker] | None:
    """The end of the last sentence before ``before`` whose speech cue names a person, and that person: a
    quote standing alone after it goes on with what was reported ("Netanyahu stressed that ties are strong.
    “Nothing will change that.”"). An institution's statement is not followed so: its words come with a cue
    of their own, and an unnamed role ("the president") may stand for someone else's."""
    said = [c for c in cues if c.speaker is not None and c.speaker.person is not None and c.start < before]
    if not said:
        return None
    end = next((e for s, e in sentences if s <= said[-1].start < e), said[-1].end)
    return min(end, before), said[-1].speaker


def _once(doc: Doc, attributed: list[tuple[QuoteMarks, Speaker]]) -> list[tuple[QuoteMarks, Speaker]]:
    """Each quotation once: of the copies of one text, the first a person says, else the first."""
    copies: dict[str, list[tuple[QuoteMarks, Speaker]]] = {}
    for pair in attributed:
        copies.setdefault(" ".join(_WORD.findall(folded(doc)[pair[0].start : pair[0].end])), []).append(pair)
    kept = {next((p for p in group if p[1].person is not None), group[0])[0] for group in copies.values()}
    return [pair for pair in attributed if pair[0] in kept]


def _frame(sentences: list[tuple[int, int]], q: QuoteMarks) -> tuple[int, int]:
    """The sentences a quote touches, from the one it opens in to the one it closes in."""
    start = next((s for s, e in sentences if s <= q.open_at < e), q.open_at)
    end = next((e for s, e in sentences if s < q.outer_end <= e), q.outer_end)
    return start, max(end, q.outer_end)


def _cue_speaker(doc: Doc, q: QuoteMarks, frame: tuple[int, int], cues: list[Cue]) -> Speaker | None:
    """The speaker of the cue that governs a quote: right after it, else the nearest before, else after.
    An institution that reports, right after the quote, what a person said before it ("La ministre a promis
    de « … », a ajouté le ministère") leaves the words to the person."""
    inside = [c for c in cues if frame[0] <= c.start < frame[1] and not (q.open_at <= c.start < q.outer_end)]
    after = [c for c in inside if c.start >= q.outer_end]
    before = [c for c in inside if c.start < q.open_at]
    adjacent = [c for c in after if _adjacent(doc, q, c)]
    reporter = adjacent[0].speaker if adjacent else None
    if reporter is not None and reporter.person is None:
        person = next((c.speaker for c in reversed(before) if c.speaker is not None and c.speaker.person), None)
        if person is not None:
            return person
    # after an incise that names no one, a later source relays it ("…, a indiqué un conseiller, selon l'agence
    # Tass"): it is no speaker
    for group in (adjacent[:1], list(reversed(before)), [] if adjacent else after):
        for cue in group:
            if cue.speaker is not None:
                return cue.speaker
    return None


def _introduced_speaker(
    doc: Doc, q: QuoteMarks, frame: tuple[int, int], sentences: list[tuple[int, int]], spoken: Attributor
) -> Speaker | None:
    """A quote opening the line after one that ends with a colon ("Minister X said:\n“…”") speaks for its cue,
    else for the label or the subject that line gives (:meth:`~aidledger.nlp.speakers.Attributor.labelled_speaker`)."""
    if doc_text(doc)[frame[0] : q.open_at].strip():
        return None
    previous = next((s for s in reversed(sentences) if s[1] <= frame[0]), None)
    if previous is None or not doc_text(doc)[previous[0] : previous[1]].rstrip().endswith(":"):
        return None
    inside = [c for c in spoken.cues() if previous[0] <= c.start < previous[1] and c.speaker is not None]
    return inside[-1].speaker if inside else spoken.labelled_speaker(*previous)


def _headline_speaker(
    doc: Doc, q: QuoteMarks, frame: tuple[int, int], spoken: Attributor, cues: list[Cue]
) -> Speaker | None:
    """A quote opening its sentence and followed by a colon, the way a headline gives the words before who said
    them: the speaker a verbless label after the colon names ("« … » : le message de X aux Ukrainiens", "‘…’:
    X's warning"), or that of a speech verb there ("“…”: X warns allies"). Any other verb tells news of its own
    ("« … » : l'UE débloque 90 milliards"), not who spoke."""
    text = doc_text(doc)
    colon = re.match(r"\s*:", text[q.outer_end : frame[1]])
    if colon is None or text[frame[0] : q.open_at].strip():
        return None
    start = q.outer_end + colon.end()
    back = spoken.back_referenced_speaker(start, frame[1])  # "« … » : c'est en ces mots que X a ouvert la séance"
    if back is not None:
        return back
    said = next((c.speaker for c in cues if start <= c.start < frame[1] and c.speaker is not None), None)
    span = doc.char_span(start, frame[1], alignment_mode="contract")
    verbless = span is not None and not any(t.pos_ in ("VERB", "AUX") for t in span)
    return said or (spoken.named_first(start, frame[1]) if verbless else None)


def _incise_after(doc: Doc, q: QuoteMarks, cues: list[Cue]) -> bool:
    """Whether a speech verb's incise follows the quote right after its comma ("« … », témoigne un
    responsable")."""
    return any(
        c.kind == "verb"
        and c.start >= q.outer_end
        and _adjacent(doc, q, c)
        and "," in doc_text(doc)[q.outer_end : c.start]
        for c in cues
    )


def _adjacent(doc: Doc, q: QuoteMarks, cue: Cue) -> bool:
    """True for an incise right after a quote: '…", a déclaré X', '…," X said', '…» ajoute-t-il', also
    after the last words of the phrase the quote is part of ('« chauffer les écoles » ukrainiennes, a annoncé X')."""
    gap = doc_text(doc)[q.outer_end : cue.start]
    if len(_WORD.findall(gap)) > 6 or re.search(r"[«»“”\"„.!?]", gap):
        return False
    return (
        not gap.strip()
        or gap.lstrip().startswith(",")
        or doc_text(doc)[q.start : q.end].rstrip().endswith(",")
        or bool(_PHRASE_TAIL.match(gap))
    )


def _quote(doc: Doc, q: QuoteMarks, speaker: Speaker | None) -> Quote:
    mention = speaker.mention if speaker else None
    return Quote(
        speaker=speaker.name if speaker else None,
        role=speaker.role if speaker else None,
        affiliation=speaker.affiliation if speaker else None,
        quote=doc_text(doc)[q.start : q.end],
        start=q.start,
        end=q.end,
        speaker_mention=Span(start=mention.start, end=mention.end, text=mention.text) if mention else None,
    )


@Language.factory(
    "aidledger_quotes",
    default_config={"min_words": 4, "continuation_sentences": 2},
)
def make_quotes_component(nlp: Language, name: str, min_words: int, continuation_sentences: int) -> QuotesComponent:
    """Factory of ``aidledger_quotes``.

    ``min_words``: shortest quote kept where the language has no speech data
    (no speaker can vouch for a short one); ``continuation_sentences``: how many
    sentences may separate a stand-alone quote from the attributed one it continues.
    """
    return QuotesComponent(min_words=min_words, continuation_sentences=continuation_sentences)
