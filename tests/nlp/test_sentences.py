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


def test_a_language_without_a_data_file_keeps_spacys_sentencizer() -> None:
    assert "sentencizer" in get_nlp("ka").pipe_names and "aidledger_sentences" in get_nlp("pl").pipe_names
