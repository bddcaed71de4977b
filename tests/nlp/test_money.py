"""Money amounts in each language's number format, and conversions that restate them."""

from __future__ import annotations

import pytest

from aidledger.nlp.money import find_money, parse_number, range_start


@pytest.mark.parametrize(
    ("lang", "text", "amount", "currency"),
    [
        ("fr", "une aide de 325 millions de dollars", 325e6, "$"),
        ("fr", "un prêt de 1,85 milliard d'euros", 1.85e9, "EUR"),
        ("fr", "une enveloppe de deux milliards d’euros", 2e9, "EUR"),
        ("fr", "verser 50 millions $ supplémentaires", 50e6, "$"),
        ("fr", "un plan de 500 000 euros", 5e5, "EUR"),
        ("fr", "une contribution de 750’000 francs", 7.5e5, "FRANC"),
        ("fr", "12 milliards de couronnes norvégiennes", 12e9, "NOK"),
        ("fr", "3,2 milliards de FCFA", 3.2e9, "XOF"),
        ("en", "a $2.2bn package", 2.2e9, "$"),
        ("en", "a further €500m for", 5e8, "EUR"),
        ("en", "half a billion dollars in aid", 5e8, "$"),
        ("en", "an additional USD 40 million", 40e6, "USD"),
        ("en", "another $15-million in equipment", 15e6, "$"),
        ("en", "worth 7 billion Swedish kronor", 7e9, "SEK"),
        ("en", "£1.25 billion of support", 1.25e9, "GBP"),
        ("en", "A$80 million of vehicles", 80e6, "AUD"),
        # a number in several words is read whole, not from its last words ("fifty billion")
        ("en", "Tokyo will lend one hundred and fifty billion yen to Kyiv", 150e9, "JPY"),
        ("en", "a further three hundred million dollars in loans", 300e6, "$"),
        ("en", "twenty-five million euros for demining", 25e6, "EUR"),
        ("fr", "un fonds de deux cents millions d'euros", 200e6, "EUR"),
        ("fr", "deux cent cinquante millions d'euros pour Kiev", 250e6, "EUR"),
        ("es", "una ayuda de treinta y cinco millones de euros", 35e6, "EUR"),
        # and a half, before the scale or after it
        ("en", "one and a half billion dollars in budget support", 1.5e9, "$"),
        ("fr", "un milliard et demi d'euros pour Kiev", 1.5e9, "EUR"),
        ("fr", "une aide de 2 milliards et demi de dollars", 2.5e9, "$"),
        ("it", "un miliardo e mezzo di euro", 1.5e9, "EUR"),
        ("pt", "um bilhão e meio de euros", 1.5e9, "EUR"),
    ],
)
def test_amounts_are_read_in_each_language_format(lang: str, text: str, amount: float, currency: str) -> None:
    (money,) = find_money(text, lang)
    assert money.amount == pytest.approx(amount)
    assert money.currency == currency
    assert text[money.start : money.end] == money.text


@pytest.mark.parametrize(
    ("raw", "has_scale", "decimal", "value"),
    [
        ("1,85", True, ",", 1.85),
        ("1.800.000", False, ",", 1_800_000),
        ("500 000", False, ",", 500_000),
        ("2.625", True, ",", 2.625),
        ("21,000", False, ".", 21_000),
        ("1.086", True, ".", 1.086),
        ("1,234.5", False, ".", 1234.5),
        ("2,000", True, ",", 2_000),
        ("1,500", True, ".", 1_500),
        ("1,125", True, ",", 1.125),
    ],
)
def test_separators_are_decimal_or_grouping_by_context(raw: str, has_scale: bool, decimal: str, value: float) -> None:
    assert parse_number(raw, has_scale, decimal) == pytest.approx(value)


def test_bracketed_second_currency_is_a_conversion_of_the_first() -> None:
    first, second = find_money("une aide de 8 milliards de couronnes (700 millions d'euros) à l'Ukraine", "fr")
    assert first.conversion_of is None
    assert second.conversion_of == 0


def test_soit_introduces_a_conversion() -> None:
    amounts = find_money("4 milliards de yens, soit environ 25 millions d'euros", "fr")
    assert [m.conversion_of for m in amounts] == [None, 0]


def test_two_amounts_in_a_list_are_not_conversions() -> None:
    amounts = find_money("€20 million for food, €5 million for shelter", "en")
    assert [m.conversion_of for m in amounts] == [None, None]


def test_bare_amount_is_kept_without_currency_but_counts_of_people_are_not() -> None:
    amounts = find_money("90 millions pour l'Ukraine et 10 millions pour la Moldavie ; 3 millions de personnes", "fr")
    assert [(m.amount, m.currency) for m in amounts] == [(90e6, None), (10e6, None)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Bruxelles a promis 30 millions d'euros, en plus de 10 millions destinés à la Syrie.", "fr"),
        ("The EU pledged €30 million, on top of 10 million earmarked for Syria.", "en"),
        ("La UE prometió 30 millones de euros, además de 10 millones destinados a Siria.", "es"),
    ],
)
def test_a_bare_amount_the_next_word_destines_is_money(text: str, lang: str) -> None:
    """"10 millions destinés à…", "10 million earmarked for…": what is destined or earmarked is money, not people."""
    assert [(m.amount, m.currency) for m in find_money(text, lang)][1] == (10e6, None)


def test_a_scale_word_glued_to_an_elided_of_is_read_where_a_page_lost_a_space() -> None:
    found = find_money("Ottawa a promis 4,6 millionsd'euros, Rome 2 milliardsd’euros et 3 millionsde tentes.", "fr")
    assert [(m.amount, m.currency) for m in found] == [(4.6e6, "EUR"), (2e9, "EUR")]
    assert find_money("Roma ha stanziato 3 milionid'euro.", "it")[0].currency == "EUR"


def test_people_counts_and_ranges_are_not_money() -> None:
    assert find_money("2.3 million people were displaced, 500 km from the front", "en") == []


def test_an_enumeration_writes_later_amounts_as_bare_numbers_that_share_the_scale() -> None:
    found = find_money("Rome a promis 40 millions d'euros au Soudan, 25 pour le Tchad et 8 pour le Niger.", "fr")
    assert [(m.amount, m.currency) for m in found] == [(40e6, "EUR"), (25e6, None), (8e6, None)]


def test_a_number_after_an_amount_that_is_no_list_item_is_no_amount() -> None:
    found = find_money("Il a promis 10 millions d'euros, a-t-il dit le 12 mars 2024 devant 30 journalistes.", "fr")
    assert [m.amount for m in found] == [10e6]


@pytest.mark.parametrize(
    ("lang", "text", "amount"),
    [("es", "EEUU da US$10 mil millones a Israel.", 1e10), ("pt", "Os EUA dão US$ 1,5 mil milhões.", 1.5e9)],
)
def test_two_scale_words_after_a_symbol_multiply(lang: str, text: str, amount: float) -> None:
    assert [m.amount for m in find_money(text, lang)] == [amount]


def test_a_number_with_thousands_in_an_enumeration_takes_no_scale() -> None:
    text = "Deutschland gibt 1,3 Milliarden Euro, darunter 20.000 Schuss Munition."
    assert [m.amount for m in find_money(text, "de")] == [1.3e9]


@pytest.mark.parametrize(
    ("lang", "text", "currency"),
    [
        ("pt", "O Brasil dá R$ 10 milhões.", "BRL"),
        ("de", "Bern gibt Fr. 140 Mio. für die Ukraine.", "FRANC"),
        ("en", "New Zealand gives NZ$5 million.", "NZD"),
        ("uk", "Уряд виділив ₴5 млрд.", "UAH"),
    ],
)
def test_a_currency_symbol_before_the_number(lang: str, text: str, currency: str) -> None:
    assert [m.currency for m in find_money(text, lang)] == [currency]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Il Ministero ha erogato un contributo di euro 2.000.000 al Libano.", 2e6),
        ("Un contributo pari a euro 3,5 milioni per la Siria.", 3.5e6),
        ("Euro 750.000 andranno alla Croce Rossa.", 7.5e5),
    ],
)
def test_italian_official_style_names_the_euro_before_the_number(text: str, amount: float) -> None:
    assert [(m.amount, m.currency) for m in find_money(text, "it")] == [(amount, "EUR")]


@pytest.mark.parametrize(
    ("lang", "text", "start", "currency"),
    [
        # a bare start takes the scale of the amount it runs to
        ("fr", "La Belgique porte son aide de 15 à 40 millions d'euros.", 15e6, "EUR"),
        ("en", "Oslo raises its grant from NOK 200 million to NOK 350 million.", 200e6, "NOK"),
        ("de", "Wien stockt die Hilfe von 10 Millionen auf 25 Millionen Euro auf.", 10e6, "EUR"),
        ("uk", "Литва збільшила внесок з 5 до 12 млн євро.", 5e6, "EUR"),
    ],
)
def test_a_range_before_an_amount_gives_where_it_starts(lang: str, text: str, start: float, currency: str) -> None:
    *_, last = find_money(text, lang)
    opened = range_start(text, last, lang)
    assert opened is not None and (opened.amount, opened.currency) == (start, last.currency)
    assert last.currency == currency or last.currency is None


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Funding was cut from 90 to 40 million dollars."),  # a cut: the start is bigger
        ("en", "Britain moved its pledge from $10 million to £25 million."),  # another currency
        ("fr", "L'aide de la France de plusieurs pays à 40 millions d'euros."),  # no number after the opening word
    ],
)
def test_no_range_start_where_none_is_smaller_in_the_same_currency(lang: str, text: str) -> None:
    *_, last = find_money(text, lang)
    assert range_start(text, last, lang) is None


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("Copenhagen unveiled a 1.3 billion Danish crown package for Kyiv.", 1.3e9, "DKK"),
        ("Oslo approved a 600 million Norwegian krone grant.", 6e8, "NOK"),
        ("London announced a 40 million pound package.", 4e7, "GBP"),
    ],
)
def test_a_currency_named_in_the_singular_before_a_noun(text: str, amount: float, currency: str) -> None:
    """An amount used as an adjective names its currency in the singular ("a 40 million pound package")."""
    (found,) = find_money(text, "en")
    assert (found.amount, found.currency) == (amount, currency)


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Sweden pledged 300 million crowns to Kenya on Monday.\n\n($1 = 10.52 Swedish crowns)"),
        ("fr", "La France versera 20 millions d'euros au Tchad. (1 euro = 1,08 dollar)"),
        ("de", "Berlin gibt 5 Millionen Euro. (1 Dollar = 0,92 Euro)"),
    ],
)
def test_an_exchange_rate_is_no_amount_and_no_warning(lang: str, text: str) -> None:
    rejected: list = []
    amounts = [m.amount for m in find_money(text, lang, rejected=rejected)]
    assert len(amounts) == 1 and amounts[0] >= 5_000_000 and rejected == []


def test_number_words_that_make_no_one_number_keep_the_last_that_does() -> None:
    (money,) = find_money("between two and three billion dollars", "en")
    assert money.amount == 3e9
