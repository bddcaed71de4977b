"""Who announced what a sentence reports (``speaker_of_clause``), on sentences written for these tests."""

from __future__ import annotations

import pytest

from aidledger.nlp.pipeline import get_nlp
from aidledger.nlp.speakers import speaker_of_clause


def announcer(lang: str, context: str, sentence: str) -> str | None:
    """The announcer of ``sentence``, read after ``context``."""
    text = f"{context} {sentence}".strip()
    start = text.rindex(sentence)
    speaker = speaker_of_clause(get_nlp(lang)(text), start, start + len(sentence))
    return speaker.name if speaker else None


@pytest.mark.parametrize(
    "lang, context, sentence, expected",
    [
        (
            "fr",
            "",
            "Le Canada versera 80 millions de dollars canadiens à la Moldavie, "
            "a annoncé jeudi le ministre des Finances Paul Grant.",
            "Paul Grant",
        ),
        ("fr", "Le ministre Paul Grant était à Kiev lundi.", "L'Ukraine recevra 50 millions d'euros, a-t-il annoncé.", "Paul Grant"),
        ("en", "", "The Pentagon announced a $300 million package for Ukraine on Friday.", "Pentagon"),
        ("en", "", "Defence Minister Ann Lee has unveiled another $100 million for Ukraine, as Kyiv pleads for more.", "Ann Lee"),
    ],
)
def test_the_announcer_of_a_sentence(lang: str, context: str, sentence: str, expected: str) -> None:
    assert announcer(lang, context, sentence) == expected


def test_a_state_is_the_donor_not_the_announcer() -> None:
    assert announcer("fr", "", "Les États-Unis ont annoncé mardi une aide de 300 millions de dollars à l'Ukraine.") is None


def test_a_one_word_name_met_only_after_a_role_is_not_who_holds_it() -> None:
    """"des canons Caesar" after "Le ministre des Armées a annoncé": a weapon the recogniser may take for a
    person, not the minister."""
    sentence = "Le ministre des Armées a annoncé jeudi une aide de 200 millions d'euros pour l'Ukraine."
    text = f"{sentence} Elle servira à acheter des canons Caesar auprès de l'industrie française."
    speaker = speaker_of_clause(get_nlp("fr")(text), 0, len(sentence))
    assert speaker is None or speaker.name != "Caesar"



def test_quotes_are_attributed_among_the_quotations_kept_even_after_an_announcer_was_read() -> None:
    """The commitments component, which reads announcers, runs before the quote component; the quotes must
    still be attributed among the quotations that component keeps, not a term in quotation marks."""
    text = (
        "The Pentagon announced on Friday that the United States will give Ukraine $100 million against what "
        'Moscow calls its so-called "special military operation". "We will stand by Ukraine," Defence '
        "Secretary Ann Lee said."
    )
    doc = get_nlp("en")(text)
    assert [(c.donor, c.announcer) for c in doc._.commitments] == [("USA", "Pentagon")]
    assert [q.speaker for q in doc._.quotes] == ["Ann Lee"]
    assert doc.user_data["aidledger.attributor"].quotes == [(q.start - 1, q.end + 1) for q in doc._.quotes]
