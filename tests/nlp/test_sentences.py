"""Sentences of the languages without a trained parser: an abbreviation's full stop ends none."""

from __future__ import annotations

import pytest

from aidledger.nlp.pipeline import get_nlp


@pytest.mark.parametrize(
    ("lang", "text", "sentences"),
    [
        ("pl", "W 2023 r. Polska przekazała Ukrainie ok. 300 mln zł. Minister to ogłosił.", 2),
        ("uk", "Уряд виділив 4 млрд. гривень на оборону. Про це повідомив міністр.", 2),
        ("de", "Berlin sagt rd. 20 Mio. Euro zu, u.a. für Generatoren. Das teilte das Ministerium mit.", 2),
        ("it", "Roma stanzia ca. 15 mln. di euro per Kiev. Lo ha detto il ministro.", 2),
    ],
)
def test_an_abbreviation_inside_a_sentence_does_not_end_it(lang: str, text: str, sentences: int) -> None:
    assert len(list(get_nlp(lang)(text).sents)) == sentences


@pytest.mark.parametrize(
    ("lang", "text", "sentences"),
    [
        ("de", "Die Bundesregierung hat am 21. November 2023 angekündigt, der Ukraine 1,3 Milliarden Euro zu geben.", 1),
        ("de", "Berlin, 10. Oktober 2024 – Deutschland stellt der Ukraine 30 Millionen Euro zur Verfügung.", 1),
        ("de", "Berlin schnürt das 3. Paket für Kiew. Es umfasst Panzer.", 2),
        ("de", "Die Zahl der Verletzten stieg auf 30. Die Regierung schickt Zelte.", 2),
    ],
)
def test_an_ordinal_before_a_month_or_a_series_noun_does_not_end_a_sentence(lang: str, text: str, sentences: int) -> None:
    # a capital letter after "21." starts a sentence only when no month or series noun follows it
    assert len(list(get_nlp(lang)(text).sents)) == sentences


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("uk", "Гроші розподілить агенція ООН. Потім Канада надішле намети."),
        ("uk", "Пакет оплатять США. Про це повідомив міністр."),
        ("es", "El dinero llegará a través de la UE. Después, Madrid enviará tiendas."),
        ("de", "Das Geld fließt über die EU. Danach schickt Berlin Zelte."),
    ],
)
def test_an_acronym_ends_a_sentence(lang: str, text: str) -> None:
    # an initial or an honorific ("J. Smith", "Dr. Berg") keeps its sentence going; a short word in capitals
    # is an acronym, and the sentence after it is another, with its own parties
    assert len(list(get_nlp(lang)(text).sents)) == 2


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Lo anunció el Dr. Pérez en Madrid."),
        ("de", "Das sagte J. Berg in Berlin."),
        ("pl", "Mówił o tym Ks. Nowak."),
    ],
)
def test_an_initial_or_an_honorific_does_not_end_a_sentence(lang: str, text: str) -> None:
    assert len(list(get_nlp(lang)(text).sents)) == 1


def test_a_language_without_a_data_file_keeps_spacys_sentencizer() -> None:
    assert "sentencizer" in get_nlp("ka").pipe_names and "aidledger_sentences" in get_nlp("pl").pipe_names


@pytest.mark.parametrize("focused", [False, True])
@pytest.mark.parametrize(
    "lang, headline, subject",
    [("fr", "Le Japon débloque une aide pour la Jordanie", "Tokyo"), ("en", "Japan unlocks aid for Jordan", "Tokyo")],
)
def test_a_trained_parser_ends_the_headline_at_its_line_break(
    lang: str, headline: str, subject: str, focused: bool
) -> None:
    """A headline has no final stop: without the start its line break gives, the parser ran it into the
    paragraph below and read the headline's last name as the body's subject. A banner above changes nothing."""
    body = {
        "fr": "Tokyo versera 30 millions de dollars pour aider les réfugiés, a annoncé mardi le ministère.",
        "en": "Tokyo will pay 30 million dollars to help the refugees, the ministry said on Tuesday.",
    }[lang]
    for banner in ("", "World\n\n"):
        doc = get_nlp(lang, focused)(f"{banner}{headline}\n\n{body}")
        first = next(t for t in doc if t.text == subject)
        assert first.dep_.startswith("nsubj")
        assert not any(t.head.i >= first.i for t in doc if t.i < first.i and not t.is_space)
