"""Phrase matching by lemma: split phrases and the full stops that do or do not end their clause."""

from __future__ import annotations

from aidledger.nlp.gazetteer import Gazetteer
from aidledger.nlp.lemmas import lemmatizer


def _keys(gazetteer: Gazetteer, text: str) -> list[str]:
    return [m.text for m in gazetteer.finditer(text)]


def test_a_split_phrase_reaches_over_an_abbreviation_but_not_over_a_sentence_end() -> None:
    gazetteer = Gazetteer({"aid_verb": ["sagen … zu"]}, lemmatizer("de"), abbreviations=["Mio."])
    assert _keys(gazetteer, "Finnland sagt Estland 20 Mio. Euro Hilfe zu.") == ["sagt"]
    assert _keys(gazetteer, "Finnland sagt nichts. Estland geht zu.") == []


def test_without_the_abbreviation_its_full_stop_ends_the_clause() -> None:
    gazetteer = Gazetteer({"aid_verb": ["sagen … zu"]}, lemmatizer("de"))
    assert _keys(gazetteer, "Finnland sagt Estland 20 Mio. Euro Hilfe zu.") == []


def test_a_participle_the_dictionary_keeps_as_an_adjective_matches_its_verb() -> None:
    spanish = Gazetteer({"in_kind": ["enviar"]}, lemmatizer("es"))
    portuguese = Gazetteer({"in_kind": ["doar"]}, lemmatizer("pt"))
    assert _keys(spanish, "La agencia ha enviado un avión con alimentos.") == ["enviado"]
    assert _keys(portuguese, "Foram doados dois helicópteros.") == ["doados"]


def test_a_dutch_separable_verb_matches_its_lemma() -> None:
    gazetteer = Gazetteer({"announce": ["aankondigen"]}, lemmatizer("nl"))
    assert _keys(gazetteer, "Het kabinet heeft nieuwe steun aangekondigd.") == ["aangekondigd"]


def test_a_split_verb_reaches_over_a_long_middle_field() -> None:
    """A German main clause puts the whole object between the verb and its particle."""
    gazetteer = Gazetteer({"aid_verb": ["stellen … bereit"]}, lemmatizer("de"))
    text = "Die Regierung stellt der Republik Moldau ein weiteres Paket humanitärer Hilfe im Wert von 40 Millionen Euro bereit."
    assert _keys(gazetteer, text) == ["stellt"]
