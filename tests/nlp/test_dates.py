"""Date mentions and their resolution against the publication date.

Every sentence here is written for the test; none comes from the evaluation data.
"""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from aidledger.nlp.dates import DateMention, DateRecognizer, resolve_mentions

TODAY = dt.date(2026, 1, 15)
WEDNESDAY = dt.date(2024, 5, 8)
SUNDAY = dt.date(2024, 5, 12)


def mentions(text: str, lang: str, published: dt.date | None) -> list[DateMention]:
    return resolve_mentions(text, lang, published, today=TODAY)


def only(text: str, lang: str, published: dt.date | None) -> DateMention:
    found = mentions(text, lang, published)
    assert len(found) == 1, found
    return found[0]


def test_weekday_on_publication_day_is_that_day() -> None:
    m = only("Le ministre a promis mercredi une rallonge pour les hôpitaux.", "fr", WEDNESDAY)
    assert (m.kind, m.value, m.text) == ("weekday", WEDNESDAY, "mercredi")


def test_weekday_earlier_in_week_goes_back() -> None:
    m = only("The agency on Monday pledged new funds for the clinics.", "en", WEDNESDAY)
    assert (m.kind, m.value, m.text) == ("weekday", dt.date(2024, 5, 6), "on Monday")


def test_hier_with_weekday_is_day_before_publication() -> None:
    m = only("Berlin a dévoilé, hier samedi, un plan pour les réfugiés.", "fr", SUNDAY)
    assert (m.kind, m.value, m.text) == ("weekday", dt.date(2024, 5, 11), "hier samedi")


def test_plus_tot_before_weekday_keeps_the_weekday() -> None:
    m = only("Le fonds avait été approuvé plus tôt mardi par le conseil.", "fr", WEDNESDAY)
    assert (m.text, m.value) == ("plus tôt mardi", dt.date(2024, 5, 7))


def test_weekday_with_time_of_day() -> None:
    m = only("L'enveloppe a été confirmée jeudi soir à Bruxelles.", "fr", SUNDAY)
    assert (m.text, m.kind, m.value) == ("jeudi soir", "weekday", dt.date(2024, 5, 9))


def test_this_afternoon_is_publication_day() -> None:
    m = only("The minister will sign the agreement this afternoon in Oslo.", "en", WEDNESDAY)
    assert (m.kind, m.value) == ("relative", WEDNESDAY)


def test_ce_matin_and_hier_soir() -> None:
    found = mentions("Annoncé ce matin, confirmé hier soir par le ministère.", "fr", WEDNESDAY)
    assert [(m.text, m.value) for m in found] == [
        ("ce matin", WEDNESDAY),
        ("hier soir", dt.date(2024, 5, 7)),
    ]


def test_next_weekday_looks_forward() -> None:
    assert only("Elle se rendra à Varsovie mardi prochain.", "fr", WEDNESDAY).value == dt.date(2024, 5, 14)
    assert only("She will travel to Warsaw next Tuesday.", "en", WEDNESDAY).value == dt.date(2024, 5, 14)


def test_last_weekday_is_strictly_before() -> None:
    assert only("The vote took place last Wednesday.", "en", WEDNESDAY).value == dt.date(2024, 5, 1)


def test_year_inferred_from_weekday_without_publication() -> None:
    # 12 March fell on a Tuesday in 2024 (and not in 2025, the latest year stated).
    found = mentions(
        "Le gouvernement a débloqué mardi 12 mars une aide d'urgence. Le plan court jusqu'en 2025.", "fr", None
    )
    assert (found[0].kind, found[0].value) == ("explicit", dt.date(2024, 3, 12))


def test_year_inferred_from_weekday_uses_today_when_text_has_no_year() -> None:
    # TODAY is in 2026; 9 January was a Friday in 2026.
    assert only("Annonce faite vendredi 9 janvier à Genève.", "fr", None).value == dt.date(2026, 1, 9)


def test_year_without_weekday_comes_from_a_stated_year() -> None:
    found = mentions("Nouvelle aide en 2023. Le ministre était à Lviv le 3 avril pour la signer.", "fr", None)
    assert [(m.text, m.value, m.year) for m in found] == [
        ("en 2023", None, 2023),
        ("le 3 avril", dt.date(2023, 4, 3), None),
    ]


def test_explicit_french_dates_with_and_without_year() -> None:
    found = mentions("Signé le 17 novembre 2025, versé le 1er décembre.", "fr", dt.date(2025, 12, 3))
    assert [(m.text, m.kind, m.value) for m in found] == [
        ("le 17 novembre 2025", "explicit", dt.date(2025, 11, 17)),
        ("le 1er décembre", "explicit", dt.date(2025, 12, 1)),
    ]


def test_year_less_date_shortly_after_publication_stays_in_that_year() -> None:
    assert only("La conférence se tiendra le 5 mars.", "fr", dt.date(2024, 3, 1)).value == dt.date(2024, 3, 5)


def test_year_less_date_well_after_publication_is_last_year() -> None:
    assert only("The fund opened on October 2.", "en", dt.date(2024, 3, 1)).value == dt.date(2023, 10, 2)


def test_explicit_english_dates() -> None:
    text = "Approved on June 3, 2021 and again on 4 August 2022; signed Sept. 9; notice 2022-01-31, ref 31/01/2022."
    found = mentions(text, "en", dt.date(2022, 9, 20))
    assert [(m.text, m.value) for m in found] == [
        ("on June 3, 2021", dt.date(2021, 6, 3)),
        ("on 4 August 2022", dt.date(2022, 8, 4)),
        ("Sept. 9", dt.date(2022, 9, 9)),
        ("2022-01-31", dt.date(2022, 1, 31)),
        ("31/01/2022", dt.date(2022, 1, 31)),
    ]


def test_typo_year_is_kept_as_written() -> None:
    assert only("Budget adopted on 2 March 2002.", "en", dt.date(2022, 3, 25)).value == dt.date(2002, 3, 2)


def test_explicit_date_with_weekday_is_explicit() -> None:
    m = only("Le Conseil a adopté samedi 4 mai le nouveau train de mesures.", "fr", dt.date(2024, 5, 5))
    assert (m.text, m.kind, m.value) == ("samedi 4 mai", "explicit", dt.date(2024, 5, 4))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("La décision est tombée la semaine dernière.", "fr"),
        ("Le versement aura lieu le mois prochain.", "fr"),
        ("Les ministres se sont parlé au cours du week-end.", "fr"),
        ("Funds were released earlier this month.", "en"),
        ("The package was agreed last week.", "en"),
    ],
)
def test_vague_expressions_have_no_day(text: str, lang: str) -> None:
    m = only(text, lang, WEDNESDAY)
    assert (m.kind, m.value) == ("vague", None)


def test_month_with_year_is_vague_with_year() -> None:
    m = only("Le programme a commencé en février 2023.", "fr", WEDNESDAY)
    assert (m.kind, m.value, m.year) == ("vague", None, 2023)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Le ministre a annoncé hier une aide nouvelle.", "fr"),
        ("Il l'a confirmé aujourd'hui.", "fr"),
        ("The ministry said on Friday it would send tents.", "en"),
        ("The loan was signed yesterday afternoon.", "en"),
    ],
)
def test_relative_words_without_publication_are_unresolved(text: str, lang: str) -> None:
    assert only(text, lang, None).value is None


@pytest.mark.parametrize(
    "text",
    [
        "Il envoie 24 000 obus et 500 km de barbelés.",
        "Le train part à 19:13 et transporte 3 000 tentes.",
        "They delivered 21,000 rounds and 1.5 million doses.",
        "Il y a 2 maisons et 12 camions.",
    ],
)
def test_numbers_that_are_not_dates_are_ignored(text: str) -> None:
    assert mentions(text, "fr", WEDNESDAY) == []


def test_bare_month_needs_an_anchor() -> None:
    assert mentions("Ukraine may need more help; sept pays ont signé.", "en", WEDNESDAY) == []


def test_time_next_to_date_is_left_out() -> None:
    m = only("Mis à jour le 21 février 2024 à 09:42", "fr", None)
    assert (m.text, m.value) == ("le 21 février 2024", dt.date(2024, 2, 21))


def test_other_languages_get_weekdays_and_months() -> None:
    assert only("Die Regierung sagte am Dienstag weitere Hilfe zu.", "de", WEDNESDAY).value == dt.date(2024, 5, 7)
    assert only("Il 3 maggio il governo ha approvato il decreto.", "it", WEDNESDAY).value == dt.date(2024, 5, 3)
    assert only("O governo anunciou hoje um novo apoio.", "pt", WEDNESDAY).value == WEDNESDAY
    assert only("Spanje maakte vrijdag 3 mei extra geld vrij.", "nl", WEDNESDAY).value == dt.date(2024, 5, 3)
    assert only("El gobierno aprobó el lunes una ayuda.", "es", WEDNESDAY).value == dt.date(2024, 5, 6)


def test_component_sets_doc_dates() -> None:
    # A Doc built from a bare Vocab: creating a Language would load every aidledger
    # factory entry point, and this test is about the dates component alone.
    text = "Paris a annoncé jeudi une aide de 5 millions d'euros."
    doc = Doc(Vocab(), words=text.split(" "))
    doc.user_data["aidledger.lang"] = "fr"
    doc._.published = dt.date(2024, 5, 10)
    doc = DateRecognizer()(doc)
    assert [(m.text, m.value) for m in doc._.dates] == [("jeudi", dt.date(2024, 5, 9))]


def test_factory_is_registered_with_spacy() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("aidledger_dates")
    doc = nlp.make_doc("The bank approved the grant yesterday.")
    doc._.published = WEDNESDAY
    assert [(m.text, m.value) for m in nlp(doc)._.dates] == [("yesterday", dt.date(2024, 5, 7))]


def test_full_english_date_embedded_in_a_french_page() -> None:
    m = only("Le canon a été livré. — Agence (@agence) March 4, 2023", "fr", None)
    assert (m.text, m.value) == ("March 4, 2023", dt.date(2023, 3, 4))


def test_bare_english_month_in_french_text_is_not_a_date() -> None:
    assert mentions("Le groupe May a joué le 14 à Lyon.", "fr", WEDNESDAY) == []


def test_a_numeric_date_with_hyphens_in_a_page_header_is_read_in_the_languages_order() -> None:
    (mention,) = resolve_mentions("Communiqué | 21-09-2023\n\nLe ministre a annoncé", "fr", dt.date(2023, 9, 21))
    assert mention.value == dt.date(2023, 9, 21)


def test_a_dotted_date_puts_the_day_first_even_in_english() -> None:
    (dotted,) = resolve_mentions("Press release | Date: 05.11.2024\n\nThe minister announced", "en", None)
    (slashed,) = resolve_mentions("Press release | Date: 05/11/2024\n\nThe minister announced", "en", None)
    assert (dotted.value, slashed.value) == (dt.date(2024, 11, 5), dt.date(2024, 5, 11))
