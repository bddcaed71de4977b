"""Countries, organisations, capitals and demonyms mapped to the contract's codes."""

from __future__ import annotations

import pytest

from aidledger.lang import load
from aidledger.nlp.pipeline import get_nlp


def codes(lang: str, text: str) -> list[tuple[str, str]]:
    doc = get_nlp(lang)(text)
    return [(a.text, a.code) for a in doc._.actors]


def test_country_names_in_both_spellings_and_without_accents() -> None:
    found = codes("fr", "Les États-Unis et les Etats Unis ont rejoint l'Allemagne et la Moldavie.")
    assert [c for _, c in found] == ["USA", "USA", "DEU", "MDA"]


@pytest.mark.parametrize(
    ("lang", "text", "code"),
    [
        ("fr", "Washington a réagi.", "USA"),
        ("fr", "Kiev a salué la décision.", "UKR"),
        ("en", "Kyiv welcomed the decision.", "UKR"),
        ("fr", "Moscou a protesté.", "RUS"),
        ("fr", "Bruxelles a proposé un prêt.", "EU"),
        ("fr", "L'OTAN se réunit.", "NATO"),
        ("en", "The IMF board met.", "IMF"),
        ("fr", "Le gouvernement japonais a décidé.", "JPN"),
        ("en", "The Pentagon said so.", "USA"),
        ("fr", "La Confédération versera des fonds.", "CHE"),
        ("fr", "L'UNRWA a reçu les fonds.", "UN"),
        ("pl", "OCHA apeluje o pomoc.", "UN"),
        ("fr", "La BAD a approuvé un prêt.", "AFDB"),
        ("en", "The Asian Development Bank approved a loan.", "ADB"),
    ],
)
def test_metonyms_demonyms_and_organisations_have_codes(lang: str, text: str, code: str) -> None:
    assert [c for _, c in codes(lang, text)] == [code]


@pytest.mark.parametrize(
    ("lang", "text", "code"),
    [
        ("fr", "La République démocratique du Congo a demandé de l'aide.", "COD"),
        ("it", "La Repubblica democratica del Congo ha chiesto aiuto.", "COD"),
        ("de", "Die Schweizerische Eidgenossenschaft hilft.", "CHE"),
        ("nl", "Wit-Rusland protesteerde.", "BLR"),
        ("en", "The Republic of the Congo asked for help.", "COG"),
        ("fr", "La République de Corée enverra des vivres.", "KOR"),
        ("de", "Die Republik Korea hat Hilfe zugesagt.", "KOR"),
        ("es", "La República de Corea envía ayuda.", "KOR"),
        ("pt", "A República da Coreia anunciou um donativo.", "KOR"),
        ("nl", "De Republiek Korea stuurt hulpgoederen.", "KOR"),
    ],
)
def test_the_long_and_older_names_of_a_country_have_its_code(lang: str, text: str, code: str) -> None:
    """CLDR gives one display name per country ("Congo-Kinshasa"); news also writes the official form and
    older exonyms, which pycountry's ISO 3166 catalogues give in each language, some inverted ("Corée,
    République de"), read in text order."""
    assert [c for _, c in codes(lang, text)] == [code]


def test_a_name_two_countries_share_is_given_to_neither_by_the_iso_names() -> None:
    """ "Congo" is the ISO name of the Republic of the Congo, but news writes it for both Congos: the ISO
    names leave it out, as they leave out any name found whole inside another country's."""
    from aidledger.lang import iso_countries

    assert not any("Congo" in names for names in iso_countries("en").values())
    assert not any("Конго" in names for names in iso_countries("uk").values())


def test_us_the_pronoun_is_not_the_united_states() -> None:
    assert codes("en", "Let us help them, the minister told us.") == []


def test_outlets_and_hyphenated_pairs_are_not_actors() -> None:
    assert codes("en", "The Washington Post reported on US-Japan talks.") == []


def test_the_city_of_a_wire_dateline_is_no_actor() -> None:
    """The dateline says where the story was filed: Washington neither gives nor receives the Bank's loan."""
    assert codes("en", "WASHINGTON, May 3, 2025 — The World Bank's board approved $300 million for Moldova.") == [
        ("World Bank", "WORLD_BANK"),
        ("Moldova", "MDA"),
    ]
    assert codes("fr", "BRUXELLES (AFP) - Le Japon versera 40 millions d'euros à Bruxelles.") == [
        ("Japon", "JPN"),
        ("Bruxelles", "EU"),
    ]


def test_the_city_of_an_official_release_dateline_in_lower_case_is_no_actor() -> None:
    """Government and IMF releases write the dateline in lower case, with a region or a date after a comma."""
    assert codes("en", "Washington, DC: On June 28, the IMF board approved $2.2 billion for Ukraine.") == [
        ("IMF", "IMF"),
        ("Ukraine", "UKR"),
    ]
    assert codes("fr", "Bruxelles, 21 mars 2024 – Le Japon versera 40 millions d'euros au Niger.") == [
        ("Japon", "JPN"),
        ("Niger", "NER"),
    ]


def test_a_name_opening_a_sentence_or_a_quote_is_no_dateline() -> None:
    assert codes("en", "Berlin – Germany will send tanks to Ukraine.")[0] == ("Berlin", "DEU")
    assert ("Ukraine", "UKR") in codes("en", "Zelensky, President of Ukraine: we need more air defence.")
    assert ("Etats-Unis", "USA") in codes("fr", "Les Etats-Unis, premier soutien de l'Ukraine, livrent des obus.")


def test_pacific_island_states_are_actors() -> None:
    assert [c for _, c in codes("en", "New Zealand gave NZ$5 million to Tonga, Samoa, Nauru and Niue.")] == [
        "NZL",
        "TON",
        "WSM",
        "NRU",
        "NIU",
    ]


def test_the_bloc_is_the_organisation_named_last() -> None:
    found = codes("en", "NATO ministers met. The bloc agreed to send more weapons.")
    assert found[-1] == ("The bloc", "NATO")


def test_capitals_of_packaged_country_data_stand_for_their_state() -> None:
    assert codes("en", "Seoul and Ankara both welcomed the plan.") == [("Seoul", "KOR"), ("Ankara", "TUR")]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Lisbonne et Bucarest ont salué le plan.", [("Lisbonne", "PRT"), ("Bucarest", "ROU")]),
        ("de", "Lissabon und Athen begrüßten den Plan.", [("Lissabon", "PRT"), ("Athen", "GRC")]),
        ("pl", "Lizbona i Wiedeń poparły plan.", [("Lizbona", "PRT"), ("Wiedeń", "AUT")]),
        ("es", "Atenas y Varsovia apoyaron el plan.", [("Atenas", "GRC"), ("Varsovia", "POL")]),
    ],
)
def test_capitals_are_read_as_each_language_writes_them(lang: str, text: str, expected: list) -> None:
    """CLDR names the city of each capital's time zone in the language ("Lisbonne", "Lissabon", "Lizbona")."""
    assert codes(lang, text) == expected


@pytest.mark.parametrize(
    ("lang", "name", "text"),
    [
        ("fr", "Bruxelles", "Bruxelles a débloqué une aide."),
        ("de", "Brüssel", "Brüssel hat Hilfe freigegeben."),
        ("es", "Bruselas", "Bruselas ha liberado una ayuda."),
    ],
)
def test_a_capital_the_language_file_gives_another_actor_keeps_it(lang: str, name: str, text: str) -> None:
    """The Belgian capital is the EU in news (the files say so): CLDR's name for it is not also Belgium's."""
    metonyms = load(lang).section("actors")["metonyms"]
    assert name not in metonyms.get("BEL", [])
    assert codes(lang, text)[0] == (name, "EU")
