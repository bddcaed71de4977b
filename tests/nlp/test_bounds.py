"""Time, size and amount bounds of the pipeline: hostile text neither hangs it nor puts a false number out."""

from __future__ import annotations

import datetime as dt
import time

import pytest
import spacy

import aidledger
from aidledger.limits import Limits, TooSlow, deadline
from aidledger.nlp import kept
from aidledger.nlp.dates import resolve_mentions
from aidledger.nlp.money import find_money
from aidledger.nlp.quotemarks import sentence_bounds
from aidledger.nlp.runs import MIN_RUN, RunSafeTokenizer
from aidledger.sections import SECTION_CHARS, cut


@pytest.mark.parametrize("run", ['"', "(", ",", "&", ".", "_", "«»"])
def test_a_punctuation_run_is_one_token_and_the_text_is_unchanged(run):
    nlp = spacy.blank("fr")
    tokenizer = RunSafeTokenizer(nlp.tokenizer, nlp.vocab)
    text = "Le Canada  versera" + run * 20_000 + "des fonds. Fin"
    doc = tokenizer(text)
    assert doc.text == text
    assert max(len(token) for token in doc) == len(run * 20_000)


@pytest.mark.parametrize("text", ["Le Canada  versera des fonds.\n\nFin", "Fin" + "!" * 40 + " là"])
def test_the_tokenizer_keeps_the_input_as_the_docs_text(text):
    """The text every component reads is the input itself, kept when the Doc is made: spaCy would rebuild it
    from the tokens on each ``doc.text``."""
    nlp = spacy.blank("fr")
    doc = RunSafeTokenizer(nlp.tokenizer, nlp.vocab)(text)
    assert kept(doc, "text") == text == doc.text


def test_short_punctuation_is_tokenized_as_spacy_does():
    nlp = spacy.blank("en")
    tokenizer = RunSafeTokenizer(nlp.tokenizer, nlp.vocab)
    text = 'He said: "Wait..." (twice) -- ' + "!" * (MIN_RUN - 1)
    assert [t.text for t in tokenizer(text)] == [t.text for t in nlp.tokenizer(text)]


def test_sentence_bounds_of_32000_dots_take_no_time():
    start = time.perf_counter()
    bounds = sentence_bounds("Début" + "." * 32_000 + "fin. Autre phrase.")
    assert time.perf_counter() - start < 1.0  # 10 s before the regex was made possessive
    assert bounds[0][0] == 0


def test_an_amount_of_400_zeros_is_left_out_and_reported_never_inf():
    text = "Le pays versera $1" + "0" * 400 + " à l'Ukraine et 5 millions d'euros à la Moldavie."
    rejected = []
    found = find_money(text, "fr", rejected=rejected)
    assert [m.amount for m in found] == [5e6]
    assert len(rejected) == 1


def test_1e30_is_outside_the_default_range_and_the_range_is_configurable():
    text = "The fund will receive $1,000,000,000,000,000,000,000,000,000,000 from the donors."
    assert find_money(text, "en") == []
    assert find_money(text, "en", amount_range=(1, 1e31))[0].amount == 1e30


def test_extract_warns_about_an_implausible_amount_and_stores_no_inf():
    result = aidledger.extract("Le Canada versera $1" + "0" * 400 + " à Haïti.", published="2024-03-15", lang="fr")
    assert all(c.amount is None or c.amount < 1e13 for c in result.commitments)
    assert any("outside the plausible range" in w for w in result.warnings)
    assert "Infinity" not in result.model_dump_json()


@pytest.mark.parametrize("published", [dt.date(9999, 12, 31), dt.date(1, 1, 1)])
def test_relative_dates_at_the_ends_of_the_calendar_resolve_to_nothing(published):
    mentions = resolve_mentions("Hier et demain, mardi prochain et lundi dernier.", "fr", published)
    assert mentions and all(m.value is None or m.value.year in (1, 9999) for m in mentions)


def test_a_text_longer_than_a_section_is_cut_at_paragraphs_and_joins_back():
    text = ("Un paragraphe de l'article sur l'aide. " * 40 + "\n\n") * 200
    sections = cut(text)
    assert "".join(part for _, part in sections) == text
    assert all(len(part) <= SECTION_CHARS for _, part in sections)
    assert all(text[offset : offset + len(part)] == part for offset, part in sections)
    assert all(part.endswith("\n\n") for _, part in sections[:-1])


def test_a_long_text_is_extracted_in_sections_with_offsets_into_the_whole():
    filler = " Das ist gut." * 400 + "\n\n"
    count = 1_050_000 // (len(filler) + 60)  # beyond spaCy's default max_length of 1,000,000
    # each quotation its own (the same words twice in one article are one quotation)
    text = "".join(f"Olaf Scholz sagte: „Wir helfen der Ukraine zum {n}. Mal.“{filler}" for n in range(count))
    assert len(text) > 1_000_000
    result = aidledger.extract(text, lang="de")
    assert len(result.quotes) == text.count("„")
    assert all(text[q.start : q.end] == q.quote for q in result.quotes)


def test_the_deadline_interrupts_a_slow_step():
    with pytest.raises(TooSlow):
        with deadline(0.2):
            while True:
                time.sleep(0.01)


def test_a_document_over_its_time_budget_is_reported_and_the_next_one_extracted():
    failed = []
    documents = [
        aidledger.Document(id="slow", text="Le Canada versera 5 millions de dollars à Haïti. " * 2000, lang="fr"),
        aidledger.Document(id="quick", text="Le Canada versera 5 millions de dollars à Haïti.", lang="fr"),
    ]
    results = list(
        aidledger.extract_documents(
            documents, on_error=lambda d, e: failed.append((d.id, type(e))), limits=Limits(seconds=0.05)
        )
    )
    assert failed[0] == ("slow", TooSlow)
    assert [r.id for r in results] == ["quick"] or ("quick", TooSlow) in failed
