"""The article view the assembly reads: its sentence units."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from aidledger.assemble.article import Article, units
from tests.assemble.test_commitments import annotated


def _doc(text: str, starts: set[str]) -> Doc:
    """``text`` with sentences starting at the words of ``starts``, as a parser might have cut it."""
    tokens = spacy.blank("fr").make_doc(text)
    return Doc(
        tokens.vocab,
        words=[t.text for t in tokens],
        spaces=[bool(t.whitespace_) for t in tokens],
        sent_starts=[t.i == 0 or t.text in starts for t in tokens],
    )


def test_a_sentence_the_parser_cut_mid_clause_is_one_unit() -> None:
    sentence = "La Pologne a livré 14 chars Leopard 2 à l'Ukraine."
    doc = _doc(sentence + " Kiev salue.", {"Leopard", "Kiev"})
    assert [doc.text[s:e] for s, e in units(doc)] == [sentence, "Kiev salue."]


def test_a_line_break_or_a_stop_still_ends_a_unit() -> None:
    doc = _doc("Aide à Kiev\n\nBerlin donne 10 millions : Paris suit.", {"\n\n", "Paris"})
    assert [doc.text[s:e] for s, e in units(doc)] == ["Aide à Kiev", "Berlin donne 10 millions :", "Paris suit."]


def _article(text: str, lang: str) -> Article:
    return annotated(text, lang)[0]


def test_a_label_line_above_the_headline_does_not_move_where_the_article_opens() -> None:
    """An aggregator's banner, a section name or a dateline above the headline: the headline still opens it."""
    body = "Canada sends drones to Kyiv\n\nOttawa will provide 800 drones worth CAD 95 million, the minister said."
    assert _article(body, "en").opening == 0
    for label in ("Breaking news", "World", "Ukraine war"):
        labelled = _article(f"{label}\n\n{body}", "en")
        assert labelled.opening == 1
        assert labelled.in_lead(3) and not labelled.in_lead(4)


def test_a_short_headline_with_a_word_of_aid_is_no_label() -> None:
    assert _article("Scholz pledges tanks\n\nGermany will send 14 Leopard tanks to Ukraine.", "en").opening == 0


def test_a_menu_breadcrumb_or_byline_above_the_headline_does_not_move_where_the_article_opens() -> None:
    """A page's navigation, its breadcrumb or a byline names no state and no aid however long it is."""
    body = "Canada sends drones to Kyiv\n\nOttawa will provide 800 drones worth CAD 95 million, the minister said."
    for chrome in (
        "Home | News | Press releases | Contact us | Subscribe",
        "Home › Newsroom › Statements and speeches › 2024",
        "Published 14 March 2024 by the press office",
    ):
        assert _article(f"{chrome}\n\n{body}", "en").opening == 1


def test_a_headline_naming_a_state_without_a_word_of_aid_opens_the_article() -> None:
    text = "Zelensky meets Scholz in Berlin\n\nGermany will send 14 Leopard tanks to Ukraine, the chancellor said."
    assert _article(text, "en").opening == 0
