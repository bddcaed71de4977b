"""``aidledger_focus``: the trained spaCy components, run only on the sentences that can matter.

Tagging, parsing and entity recognition take most of the time of an
extraction, and most sentences of an article about aid say nothing the
assembly or the quote attribution reads: the front line, the weather of the
talks, the history of the war. The focus component runs the trained
components of a model (tok2vec, tagger or morphologizer, parser, attribute
ruler, lemmatizer, NER) on *regions* of the Doc only, and leaves every other
token without annotation, as a blank pipeline would.

A sentence (cut by :func:`~aidledger.nlp.quotemarks.sentence_bounds`) is
analysed when it holds:

- a word naming aid, a mechanism, an in-kind phrase, equipment with a verb
  of giving, announcing or a stage next to it, or an amount of money with an
  actor or one of those within :data:`ACTOR_REACH` sentences: what the
  assembly proposes commitments from (an amount no donor, recipient or aid
  word comes near, a company's profit, has no parse the assembly reads);
- a donor or recipient (an actor) within :data:`ACTOR_REACH` sentences of
  those: the assembly reads the parse of the sentences around an amount to
  tell who gives;
- quoted words, the line that introduces them with a colon, or the sentence
  after them that says who said them ("C'est ce qu'a déclaré X": it opens
  with one of the language's back references);
- among the sentences with a speech verb or a source marker ("according
  to"), the :data:`SPEAKERS_BACK` last up to each quote: quote attribution
  resolves "he added" to the speaker just named, by the parse and the
  entity recogniser;
- before the last quote of the text, a title ("Defence Minister"): quote
  attribution resolves "the minister" to the person named with that title,
  however far before.

Each run of such sentences (two runs a few words apart are one) is analysed
as a Doc of its own, with :data:`CONTEXT_BEFORE` words of context before it
and :data:`CONTEXT_AFTER` after it, and the run's first and last sentence
starts set, as are those at line breaks (:mod:`aidledger.nlp.sentences`):
every word sees the neighbours the models' convolutions see in the whole
text, the parser and the entity recogniser read the words around as they do
there, and the parser cuts where it cuts in the whole text and
starts each sentence from an empty stack, so the analysed sentences get the
annotations the whole analysis gives them (the dev passages' commitments and
quotes come out the same: ``tests/nlp/test_focus.py``).
Tags, morphology, lemmas, dependencies, sentence starts and entities are
copied back into the Doc; other tokens keep none, as on a blank pipeline, and
their sentences start where ``sentence_bounds`` cuts them.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Iterable, Iterator

import numpy
import simplemma
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, MORPH, ORTH, POS, SENT_START, SPACY, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from aidledger.limits import DEFAULT_AMOUNT_RANGE
from aidledger.nlp import cased, doc_quotes, doc_sentences, doc_text, doc_words, folded, lang_of
from aidledger.nlp.cues import find_cues
from aidledger.nlp.entities import actor_matches, title_matches
from aidledger.nlp.gazetteer import fold
from aidledger.nlp.money import money_in
from aidledger.nlp.sentences import mark_line_breaks
from aidledger.nlp.speakers import speech

#: How many sentences before and after one with money or aid an actor's sentence is analysed.
ACTOR_REACH = 2
#: How many sentences with a speech verb or a source, up to a quote, its attribution reads: the speaker that
#: "he added" continues was named in the last one or, after an aside, the one before.
SPEAKERS_BACK = 2
#: Tokens of context analysed before a region: each word of the models' convolutional encoders sees 4 words
#: on each side (depth 4, window 1); the entity recogniser reads the word before and whether an entity is
#: open, which 2 words seen whole settle as in the whole text (more change no annotation of the dev passages).
CONTEXT_BEFORE = 6
#: Tokens of context analysed after a region: the parser reads one word ahead (its buffer's second word),
#: whose vector the encoders make from the 4 words after it. Nothing reads further ahead.
CONTEXT_AFTER = 5
#: Runs of relevant sentences at most this many tokens apart are analysed as one region: the gap costs little
#: more than the context of a second region would, and the parser of the whole text often reads across it (a
#: headline or a byline, with no full stop, joined to what follows), which a cut there would not.
JOIN_GAP = 16
#: Cue groups (and keys of the ``cues`` group) that make a sentence one the assembly proposes from.
AID_GROUPS = frozenset({"in_kind", "mechanisms"})
AID_KEYS = frozenset({"aid"})
#: Cues that make equipment a gift in kind (see :func:`aidledger.assemble.mentions.giving_without_amount`).
GIVING_GROUPS = frozenset({"stages", "announcing"})
GIVING_KEYS = frozenset({"aid_verb"})
#: The token attributes the trained components set, copied back from each region.
ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]


def sentence_tokens(doc: Doc) -> list[tuple[int, int]]:
    """The token spans of the sentences of ``sentence_bounds``, covering the whole Doc."""
    starts = doc.to_array([IDX]).astype("int64").tolist()
    cuts = sorted({0, *(bisect.bisect_left(starts, start) for start, _ in doc_sentences(doc))})
    cuts = [c for c in cuts if c < len(doc)] + [len(doc)]
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


@functools.cache
def _lemmatizes(lang: str) -> bool:
    """Whether simplemma has a table for ``lang``, English and French included (their data files list forms,
    not lemmas, so :mod:`aidledger.nlp.lemmas` does not lemmatise them)."""
    try:
        simplemma.lemmatize("a", lang=lang)
    except ValueError:
        return False
    return True


def _speech_words(doc: Doc) -> list[int]:
    """Offsets of the words whose form or dictionary lemma is a speech verb of the language: the speakers
    read spaCy's lemma ("said" is "say"), which is not there before the analysis; simplemma's stands in."""
    lang = lang_of(doc)
    verbs = speech(lang).verbs
    lemmatizes = _lemmatizes(lang)
    text = doc_text(doc)
    return [
        word.start
        for word in doc_words(doc)
        if word.form in verbs or word.lemma in verbs or (lemmatizes and _lemma(text[word.start : word.end], lang) in verbs)
    ]


@functools.lru_cache(maxsize=1 << 16)
def _lemma(word: str, lang: str) -> str:
    """simplemma's lemma of a word, folded."""
    return fold(simplemma.lemmatize(word, lang=lang))


def relevant_sentences(doc: Doc, sentences: list[tuple[int, int]]) -> list[bool]:
    """Which sentences (token spans) can matter to the assembly or to quote attribution (see the module)."""
    text = doc_text(doc)
    char_starts = [doc[start].idx for start, _ in sentences]

    def sentence_of(offset: int) -> int:
        return max(0, bisect.bisect_right(char_starts, offset) - 1)

    aid = _aid_sentences(doc, sentence_of)
    flags = [i in aid for i in range(len(sentences))]
    for match in actor_matches(doc):
        i = sentence_of(match.start)
        flags[i] = flags[i] or any(j in aid for j in range(i - ACTOR_REACH, i + ACTOR_REACH + 1))
    quotes = doc_quotes(doc)
    quoted: set[int] = set()
    sp = speech(lang_of(doc))
    for quote in quotes:
        first, last = sentence_of(quote.open_at), sentence_of(max(quote.open_at, quote.outer_end - 1))
        if first and text[: char_starts[first]].rstrip().endswith(":"):
            first -= 1  # "Minister X said:" introduces the quote on the next line
        quoted.update(range(first, last + 1))
        after = char_starts[last + 1 : last + 3] + [len(text)]
        if last + 1 < len(sentences) and sp.opens_with_back_reference(folded(doc), after[0], after[1]):
            quoted.add(last + 1)  # "« … »\n\nC'est ce qu'a déclaré X"
    speaking = sorted({sentence_of(offset) for offset in _speech_offsets(doc)})
    for i in quoted:
        flags[i] = True
        reached = bisect.bisect_right(speaking, i)
        for j in speaking[max(0, reached - SPEAKERS_BACK) : reached]:
            flags[j] = True
    last_quote = max((q.outer_end for q in quotes), default=0)
    for title in title_matches(doc):
        if title.start < last_quote:
            flags[sentence_of(title.start)] = True
    return flags


def _aid_sentences(doc: Doc, sentence_of) -> set[int]:
    """The sentences the assembly proposes commitments from: aid words, mechanisms, in-kind phrases,
    equipment with a verb of giving, announcing or a stage in its sentence or the next, and amounts with
    an actor or one of those near."""
    found: set[int] = set()
    items: set[int] = set()
    giving: set[int] = set()
    for cue in find_cues(doc):
        i = sentence_of(cue.start)
        if cue.group in AID_GROUPS or (cue.group == "cues" and cue.key in AID_KEYS):
            found.add(i)
        elif cue.group == "items":
            items.add(i)
        elif cue.group in GIVING_GROUPS or (cue.group == "cues" and cue.key in GIVING_KEYS):
            giving.add(i)
    found |= {i for i in items if giving & {i - 1, i, i + 1}}
    amounts, implausible = money_in(doc, doc.user_data.get("aidledger.amount_range") or DEFAULT_AMOUNT_RANGE)
    near = found | {sentence_of(m.start) for m in actor_matches(doc)}
    return found | {
        i
        for i in {sentence_of(m.start) for m in amounts + implausible}
        if any(j in near for j in range(i - ACTOR_REACH, i + ACTOR_REACH + 1))
    }


def _speech_offsets(doc: Doc) -> list[int]:
    """Where the speakers of quotes are named: speech verbs and source markers ("according to")."""
    sp = speech(lang_of(doc))
    folds = (folded(doc), cased(doc), doc_words(doc))
    return _speech_words(doc) + [m.start for g in (sp.sources, sp.clause_sources) for m in g.finditer(doc_text(doc), *folds)]


def regions(flags: list[bool], sentences: list[tuple[int, int]], gap: int = JOIN_GAP) -> list[tuple[int, int]]:
    """Token spans of the runs of relevant sentences; runs at most ``gap`` tokens apart are one."""
    spans: list[tuple[int, int]] = []
    for (start, end), relevant in zip(sentences, flags):
        if not relevant:
            continue
        if spans and start - spans[-1][1] <= gap:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


class Focus:
    """Runs a model's trained components on the regions of each Doc that can matter (see the module)."""

    def __init__(self, model: Language, before: int = CONTEXT_BEFORE, after: int = CONTEXT_AFTER) -> None:
        self.model = model
        self.before, self.after = before, after

    @property
    def components(self) -> list[tuple[str, object]]:
        """The model's own components (aidledger's, when the full pipeline was built on it, excluded)."""
        return [(name, proc) for name, proc in self.model.pipeline if not name.startswith("aidledger_")]

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """The Docs, analysed where they can matter; the regions of a batch of Docs are analysed together."""
        for batch in minibatch(docs, batch_size):
            plans = [(doc, *self.plan(doc)) for doc in batch]
            parts = [part for doc, _, spans in plans for part in self._parts(doc, spans)]
            docs_of_parts = [part for part, _ in parts]
            for _, proc in self.components:
                docs_of_parts = list(proc.pipe(docs_of_parts, batch_size=batch_size))
            analysed = iter(zip(docs_of_parts, (lead for _, lead in parts)))
            for doc, sentences, spans in plans:
                _copy_back(doc, sentences, [(span, *next(analysed)) for span in spans])
                yield doc

    def plan(self, doc: Doc) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """The sentences of ``doc`` and the token spans to analyse."""
        sentences = sentence_tokens(doc)
        return sentences, regions(relevant_sentences(doc, sentences), sentences)

    def _parts(self, doc: Doc, spans: list[tuple[int, int]]) -> Iterator[tuple[Doc, int]]:
        """Each region as a Doc of its own, with its context before and after, and how many tokens lead it:
        the region's first and last sentences start and end where they do, so the parser cuts there."""
        if not spans:
            return
        columns = doc.to_array([ORTH, SPACY])
        strings = doc.vocab.strings
        for start, end in spans:
            first, last = max(0, start - self.before), min(len(doc), end + self.after)
            words = [strings[orth] for orth in columns[first:last, 0].tolist()]
            starts = [None] * len(words)
            starts[0] = True
            if start > first:
                starts[start - first] = True
            if last > end:
                starts[end - first] = True
            part = Doc(doc.vocab, words=words, spaces=columns[first:last, 1].astype(bool).tolist(), sent_starts=starts)
            yield mark_line_breaks(part), start - first


def _copy_back(doc: Doc, sentences: list[tuple[int, int]], analysed: list[tuple[tuple[int, int], Doc, int]]) -> None:
    """Write each region's annotations into ``doc``; elsewhere, sentence starts from ``sentences``."""
    values = numpy.zeros((len(doc), len(ATTRS)), dtype="uint64")
    inside = numpy.zeros(len(doc), dtype=bool)
    for (start, end), part, lead in analysed:
        values[start:end] = part.to_array(ATTRS)[lead : lead + end - start]
        inside[start:end] = True
    doc.from_array(ATTRS, values)
    starts = doc.to_array([SENT_START]).astype("int64")
    for start, end in sentences:
        if not inside[start]:
            starts[start:end] = -1
            starts[start] = 1
    doc.from_array([SENT_START], starts.astype("uint64"))


@Language.factory("aidledger_focus", default_config={"model": ""})
def make_focus_component(nlp: Language, name: str, model: str) -> Focus:
    """The trained model of ``model`` (a language code; default the pipeline's) focused on what can matter."""
    from aidledger.nlp.pipeline import trained_model

    return Focus(trained_model(model or nlp.lang))
