"""Cue words: a need or a damage is a request unless a phrase of purpose governs it."""

from __future__ import annotations

import pytest
import spacy

from aidledger.nlp.cues import find_cues


def _cues(text: str, lang: str, key: str) -> list[str]:
    """The words of one kind of the ``cues`` section found in ``text``."""
    doc = spacy.blank("xx").make_doc(text)
    doc.user_data["aidledger.lang"] = lang
    return [c.text for c in find_cues(doc) if c.group == "cues" and c.key == key]


def _requests(text: str, lang: str) -> list[str]:
    return _cues(text, lang, "request")


def _totals(text: str, lang: str) -> list[str]:
    return _cues(text, lang, "cumulative")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Canada will send $60 million in equipment to meet the urgent battlefield needs of Kyiv."),
        ("en", "The grant addresses the food and shelter needs of families displaced by the floods."),
        ("fr", "Rome débloque 12 millions d'euros pour répondre aux besoins médicaux des hôpitaux de Gaza."),
        ("de", "Berlin stellt 30 Millionen Euro bereit, um den dringenden Bedarf der Krankenhäuser zu decken."),
        ("es", "Madrid destina 5 millones de euros para atender las necesidades de los desplazados."),
        ("en", "Seoul extends $3 million in emergency relief in response to the damage left by the cyclone."),
        ("fr", "Ottawa verse 4 millions de dollars en réponse aux dégâts causés par les pluies torrentielles."),
        ("de", "Wien gibt 2 Millionen Euro als Reaktion auf die Schäden durch das Hochwasser."),
        ("es", "Lisboa envía 1 millón de euros para reparar los daños del temporal."),
        ("nl", "Brussel trekt 6 miljoen euro uit als reactie op de schade door de aardbeving."),
    ],
)
def test_a_need_or_damage_the_aid_answers_is_no_request(lang: str, text: str) -> None:
    """Needs and damage are what an appeal or an estimate prices, and what a donor's release says its aid
    answers ("to meet… needs", "in response to the damage caused by…")."""
    assert _requests(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text", "need"),
    [
        ("en", "The UN says humanitarian needs in the region now exceed $3 billion.", "needs"),
        ("fr", "Les besoins de reconstruction sont estimés à 400 milliards de dollars.", "besoins"),
        ("de", "Der Bedarf liegt nach Angaben der UNO bei 2 Milliarden Euro.", "Bedarf"),
        ("en", "The World Bank puts the damage from the quake at $5 billion.", "damage"),
        ("fr", "Les dégâts sont évalués à 2 milliards d'euros par les assureurs.", "dégâts"),
        ("de", "Die Schäden werden auf 800 Millionen Euro geschätzt.", "Schäden"),
    ],
)
def test_a_need_or_damage_stated_alone_is_a_request(lang: str, text: str, need: str) -> None:
    assert need in _requests(text, lang)


def test_a_purpose_phrase_does_not_reach_past_its_clause() -> None:
    text = "The agency will meet donors in Geneva. Needs have doubled since March."
    assert _requests(text, "en") == ["Needs"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Oslo unveiled its largest military aid package to date, worth 7 billion crowns."),
        ("fr", "Ottawa a dévoilé son plus important paquet d'aide à ce jour, soit 500 millions de dollars."),
        ("de", "Dänemark hat sein bisher größtes Hilfspaket im Wert von 4 Milliarden Kronen geschnürt."),
        ("es", "Lisboa aprobó su mayor paquete de ayuda hasta la fecha, de 250 millones de euros."),
        ("nl", "Den Haag presenteerde het grootste steunpakket tot nu toe, van 2 miljard euro."),
    ],
)
def test_so_far_after_a_superlative_of_a_package_dates_a_record_not_a_total(lang: str, text: str) -> None:
    """ "Its largest aid package to date" says the package is the biggest yet: the amount is the package's,
    not the sum of the earlier ones."""
    assert _totals(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text", "total"),
    [
        ("en", "Washington, the largest donor so far, has given $75 billion.", "so far"),
        ("fr", "Le plus gros donateur, Washington, a versé à ce jour 75 milliards de dollars.", "à ce jour"),
        ("en", "The package is the largest. So far Oslo has given 7 billion crowns in all.", "So far"),
    ],
)
def test_so_far_stays_a_running_total_without_a_package_the_superlative_qualifies(
    lang: str, text: str, total: str
) -> None:
    """A superlative of the donor, or one in another sentence, leaves the running total as it is."""
    assert total in _totals(text, lang)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Österreich stellt am 3. März der Ukraine 10 Millionen Euro bereit.", ["stellt"]),
        ("Berlin stellt das 3. Paket für Kiew bereit.", ["stellt"]),
        ("Berlin stellt die Zahl der Zelte auf 30. Die Lager sind bereit.", []),
    ],
)
def test_a_split_verb_of_giving_reaches_over_an_ordinal_before_its_noun(text: str, found: list[str]) -> None:
    # "stellen … bereit" spans "am 3. März", but not the stop after "30", which ends a sentence
    assert _cues(text, "de", "aid_verb") == found


@pytest.mark.parametrize(
    "text",
    [
        "The IMF reached a staff-level agreement with Ukraine on a $2.2 billion disbursement.",
        "The lenders reached a deal on a $500 million loan for the grid.",
        "The two governments reached an agreement to provide $40 million for reconstruction.",
    ],
)
def test_reaching_an_agreement_on_an_amount_is_no_level_reached(text: str) -> None:
    """"Reached" says an amount grew to a level ("aid has reached $40bn"); reaching an agreement or a deal on one
    commits it."""
    assert _totals(text, "en") == [] and _cues(text, "en", "aid_verb")


def test_an_amount_reached_is_still_a_level() -> None:
    assert "has reached" in _totals("US aid has reached $40 billion.", "en")
