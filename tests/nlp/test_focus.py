"""Focused analysis: the sentences that can matter get the annotations of the whole analysis, the others
none (the dev scores, the same either way, are checked in tests/test_eval_targets.py)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

import aidledger
from aidledger.nlp.pipeline import get_nlp

ARTICLE = {
    "en": (
        "Canada will provide 40 million Canadian dollars in humanitarian aid to Sudan, the development minister, "
        "Ahmed Hussen, announced on Tuesday.\n\n"
        "Heavy rain flooded several roads overnight in the capital. Schools stayed closed and trains ran late. "
        "The regional council promised to repair the bridge before the winter.\n\n"
        "\"Families who fled the fighting need food and clean water now,\" Hussen told reporters in Ottawa. "
        "He added that part of the money would go through the World Food Programme."
    ),
    "fr": (
        "La Norvège fournira à l'Ukraine une aide militaire de 3,2 milliards de couronnes, a annoncé mercredi le "
        "ministre de la Défense, Tore Sandvik.\n\n"
        "Il a neigé toute la nuit sur les routes du nord. Les écoles sont restées fermées et les trains ont pris "
        "du retard. Les chasse-neige ont dégagé les grands axes au petit matin.\n\n"
        "« Chaque semaine compte pour les défenseurs ukrainiens », a déclaré M. Sandvik. Le paquet comprend des "
        "missiles pour la défense aérienne."
    ),
}
#: A sentence of each article that nothing of a commitment or a quote needs.
UNRELATED = {"en": "Schools stayed closed and trains ran late.", "fr": "Les écoles sont restées fermées"}


def analysed(lang: str, focused: bool) -> Doc:
    nlp = get_nlp(lang, focused)
    doc = nlp.make_doc(ARTICLE[lang])
    doc.user_data["aidledger.lang"] = lang
    return nlp(doc)


def annotations(token) -> tuple:
    return (token.tag_, token.pos_, str(token.morph), token.lemma_, token.dep_, token.head.i, token.ent_iob_, token.ent_type_)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_sentence_that_can_matter_gets_the_annotations_of_the_whole_analysis(lang: str) -> None:
    """Every analysed word, that is; a quotation mark that opens a line (a region) opens its sentence for
    the focus, where the parser of the whole text may have hung it on the sentence before (the line break
    makes it a unit of its own either way)."""
    whole, focused = analysed(lang, False), analysed(lang, True)
    kept = [i for i, token in enumerate(focused) if token.dep_ and not (token.is_punct and token.is_sent_start)]
    assert kept, "nothing was analysed"
    assert [annotations(whole[i]) for i in kept] == [annotations(focused[i]) for i in kept]
    assert [s.start for s in whole.sents if s.start in kept] == [s.start for s in focused.sents if s.start in kept]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_sentence_that_cannot_matter_is_left_unanalysed(lang: str) -> None:
    focused = analysed(lang, True)
    start = focused.text.index(UNRELATED[lang])
    span = focused.char_span(start, start + len(UNRELATED[lang]), alignment_mode="expand")
    assert all(not token.dep_ and not token.pos_ and not token.lemma_ for token in span)
    assert span[0].is_sent_start


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_focused_article_gives_the_same_commitments_and_quotes(lang: str) -> None:
    document = aidledger.Document(id="a", text=ARTICLE[lang], lang=lang, published="2025-02-12")
    (whole,) = aidledger.extract_documents([document])
    (focused,) = aidledger.extract_documents([document], focused=True)
    assert focused.commitments == whole.commitments and focused.quotes == whole.quotes
    assert whole.commitments and whole.quotes


def test_the_sentence_after_a_quote_that_says_who_said_it_is_analysed() -> None:
    text = (
        "La ministre des Armées s'est rendue mardi à Kiev pour rencontrer son homologue.\n\n"
        "Le temps était froid et la neige tombait sur la capitale depuis la veille au soir.\n\n"
        "« Notre soutien ne faiblira pas, ni cet hiver ni le suivant. »\n\n"
        "C'est ce qu'a déclaré mardi soir Paul Durand, président de la commission de la Défense du Sénat."
    )
    document = aidledger.Document(id="a", text=text, lang="fr")
    (whole,) = aidledger.extract_documents([document])
    (focused,) = aidledger.extract_documents([document], focused=True)
    assert [q.speaker for q in focused.quotes] == [q.speaker for q in whole.quotes] == ["Paul Durand"]
