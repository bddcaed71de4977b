"""People, organisations and places on sentences written for these tests."""

from __future__ import annotations

import pytest

import aidledger.nlp.entities  # registers the factories
import aidledger.nlp.quotes  # noqa: F401
from aidledger.nlp.entities import actor_matches, people, person_at, place
from aidledger.nlp.pipeline import get_nlp


def entities(nlps, lang: str, text: str):
    return nlps[lang](text)._.entities


def by_mention(ents, text: str):
    """The entity one of whose mentions reads ``text``."""
    found = [e for e in ents if any(m.text == text for m in e.mentions)]
    assert len(found) == 1, (text, [(e.name, [m.text for m in e.mentions]) for e in ents])
    return found[0]


# -- countries and metonyms ------------------------------------------------------


@pytest.mark.parametrize(
    "lang, text, mention, code",
    [
        ("en", "Washington pledged more trucks for the winter.", "Washington", "USA"),
        ("en", "Officials in Kyiv welcomed the decision on Tuesday.", "Kyiv", "UKR"),
        ("en", "The convoy left Kiev before dawn.", "Kiev", "UKR"),
        ("en", "Moscow rejected the proposal within hours.", "Moscow", "RUS"),
        ("fr", "Washington a promis de nouveaux camions pour l'hiver.", "Washington", "USA"),
        ("fr", "Le convoi a quitté Kiev avant l'aube.", "Kiev", "UKR"),
        ("fr", "Les autorités de Kyiv ont salué la décision mardi.", "Kyiv", "UKR"),
        ("fr", "Moscou a rejeté la proposition en quelques heures.", "Moscou", "RUS"),
        ("fr", "L'Allemagne enverra des générateurs la semaine prochaine.", "Allemagne", "DEU"),
    ],
)
def test_countries_and_metonyms_to_iso(nlps, lang: str, text: str, mention: str, code: str) -> None:
    entity = by_mention(entities(nlps, lang, text), mention)
    assert entity.code == code and entity.label == "GPE"


def test_two_spellings_one_country(nlps) -> None:
    ents = entities(nlps, "en", "Talks in Kyiv went on late. Reporters in Kiev waited outside.")
    assert by_mention(ents, "Kyiv") is by_mention(ents, "Kiev")


def test_capital_metonyms_get_the_capitals_coordinates(nlps) -> None:
    moscow = by_mention(entities(nlps, "fr", "Moscou a rejeté la proposition en quelques heures."), "Moscou")
    assert moscow.lat == pytest.approx(55.75, abs=0.1) and moscow.lon == pytest.approx(37.62, abs=0.1)


# -- organisations ------------------------------------------------------------------


def test_organisation_is_canonical_across_languages(nlps) -> None:
    fr = by_mention(entities(nlps, "fr", "L'OTAN a tenu une réunion extraordinaire jeudi."), "OTAN")
    en = by_mention(entities(nlps, "en", "NATO held an extraordinary meeting on Thursday."), "NATO")
    assert (fr.name, fr.code, fr.label) == (en.name, en.code, en.label) == ("NATO", "NATO", "ORG")


def test_article_before_an_organisation_makes_no_second_entity(nlps) -> None:
    ents = entities(nlps, "fr", "L'OTAN a tenu une réunion extraordinaire jeudi à Bruxelles.")
    assert [e.name for e in ents].count("NATO") == 1
    assert not any("OTAN" in e.name for e in ents)


# -- places -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, text, mention, country, lat, lon",
    [
        ("en", "Shelling hit Kharkiv overnight, the governor said.", "Kharkiv", "UKR", 49.98, 36.25),
        ("fr", "Les camions sont arrivés à Lviv dans la soirée.", "Lviv", "UKR", 49.84, 24.02),
        ("fr", "Le stock a été préparé à Lyon avant le départ.", "Lyon", "FRA", 45.75, 4.85),
    ],
)
def test_places_have_coordinates_and_country(
    nlps, lang: str, text: str, mention: str, country: str, lat: float, lon: float
) -> None:
    entity = by_mention(entities(nlps, lang, text), mention)
    assert entity.label == "GPE" and entity.country == country
    assert entity.lat == pytest.approx(lat, abs=0.2) and entity.lon == pytest.approx(lon, abs=0.2)


def test_place_lookup_by_other_name_and_country() -> None:
    assert place("Moscou")["countrycode"] == "RU"
    assert place("Moscow", "USA")["countrycode"] == "US"  # the small Idaho town, asked for by country
    assert place("Nowhereville") is None


# -- persons ----------------------------------------------------------------------------------


def test_person_mentions_link_to_the_fullest_name(nlps) -> None:
    text = (
        "La ministre des Affaires étrangères Claire Martin est arrivée lundi. "
        "Martin a rencontré les ONG, puis Martin est repartie."
    )
    persons = [e for e in entities(nlps, "fr", text) if e.label == "PERSON"]
    assert [(p.name, [m.text for m in p.mentions]) for p in persons] == [
        ("Claire Martin", ["Claire Martin", "Martin", "Martin"])
    ]


def test_english_person_with_title(nlps) -> None:
    text = "Defence Secretary John Carter visited the base. Carter said the trucks would leave soon."
    doc = nlps["en"](text)
    carter = [p for p in people(doc) if p.last == "carter"]
    assert len(carter) == 1 and carter[0].name == "John Carter" and carter[0].title_key == "defence_minister"
    assert not any(p.name in ("Defence", "Secretary", "Defence Secretary") for p in people(doc))


def test_a_name_the_ner_swallowed_with_its_title_is_a_person(nlps) -> None:
    # the French model reads "Premier ministre Jean Morel" as one MISC entity: the name after the title is a person
    text = "Le Premier ministre Jean Morel a reçu les ONG. Le Premier ministre libanais a salué l'accord."
    names = [e.name for e in entities(nlps, "fr", text) if e.label == "PERSON"]
    assert names == ["Jean Morel"]


def test_transliteration_variants_are_one_person(nlps) -> None:
    text = "Oleksandr Kovalenko met the donors on Monday. Later, Kowalenko said the talks went well."
    persons = [e for e in entities(nlps, "en", text) if e.label == "PERSON"]
    assert len(persons) == 1 and persons[0].name == "Oleksandr Kovalenko" and len(persons[0].mentions) == 2


def test_things_and_titles_are_not_persons(nlps) -> None:
    text = (
        "Commission President Maria Rossi said systems like the Patriot were needed. "
        "The President of the Commission repeated it."
    )
    names = [e.name for e in entities(nlps, "en", text) if e.label == "PERSON"]
    assert names == ["Maria Rossi"]


def test_a_mention_of_a_person_by_last_name_is_the_fullest_name(nlps) -> None:
    text = "Le chancelier Paul Schneider a reçu son homologue à Kiev. Schneider a promis des générateurs."
    doc = nlps["fr"](text)
    start = text.rindex("Schneider")
    assert person_at(doc, start, start + len("Schneider")).name == "Paul Schneider"
    kiev = text.index("Kiev")
    assert person_at(doc, kiev, kiev + 4) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Today, the Minister of National Defence, the Honourable Bill Blair, announced new aid.", "Bill Blair"),
        ("From: Ministry of Defence and The Rt Hon John Healey MP", "John Healey"),
    ],
)
def test_a_form_of_address_is_no_part_of_the_name(nlps, text: str, name: str) -> None:
    assert [p.name for p in people(nlps["en"](text))] == [name]


def test_a_run_of_dictionary_nouns_is_no_name_where_nouns_take_capitals() -> None:
    doc = get_nlp("de")("Verteidigungsminister Boris Pistorius hat 400 Millionen Euro Militärhilfe angekündigt.")
    assert [p.name for p in people(doc)] == ["Boris Pistorius"]


def test_a_title_names_the_person_right_after_it_not_a_word_after_that_name() -> None:
    doc = get_nlp("de")("Das teilte Verteidigungsminister Boris Pistorius am Montag in Berlin mit.")
    assert [p.name for p in people(doc)] == ["Boris Pistorius"]


@pytest.mark.parametrize(
    "lang, text, name, office",
    [
        ("es", "La ministra de Cultura, Juventud y Deportes, Marta Ruiz Olmedo, visitó el campo.", "Marta Ruiz Olmedo", "Juventud"),
        ("pt", "O ministro dos Negócios Estrangeiros, Cooperação e Comunidades, Rui Teixeira Lopes, visitou Beira.", "Rui Teixeira Lopes", "Cooperação"),
        ("nl", "Minister Karin de Boer (Buitenlandse Handel en Ontwikkelingssamenwerking) bezocht het kamp.", "Karin de Boer", "Buitenlandse Handel"),
        ("nl", "De minister voor Buitenlandse Handel en Ontwikkelingssamenwerking, Pieter Smit, bezocht het kamp.", "Pieter Smit", "Ontwikkelingssamenwerking"),
    ],
)
def test_the_offices_a_title_lists_are_no_person(lang: str, text: str, name: str, office: str) -> None:
    found = people(get_nlp(lang)(text))
    assert [p.name for p in found] == [name]
    assert all(office not in p.name for p in found)


@pytest.mark.parametrize(
    "text, name, key, affiliation",
    [
        ("Le ministre ukrainien des Affaires étrangères Petro Spécimenko a parlé.", "Petro Spécimenko", "foreign_minister", "UKR"),
        ("Le ministre allemand de la Défense Lukas Beispiel a parlé.", "Lukas Beispiel", "defence_minister", "DEU"),
        ("La ministre française des Armées, Claire Exemple, a parlé.", "Claire Exemple", "defence_minister", "FRA"),
        ("Le ministre russe Ivan Primerov a parlé.", "Ivan Primerov", "minister", "RUS"),
        ("Le chef de la diplomatie européenne Marc Modèle a parlé.", "Marc Modèle", "foreign_minister", "EU"),
    ],
)
def test_a_nationality_adjective_inside_or_after_a_french_title_is_part_of_it(nlps, text: str, name: str, key: str, affiliation: str) -> None:
    """French puts the nationality after the head of a title ("ministre ukrainien des Affaires étrangères"): the
    title read across it keeps its office, and the adjective gives the person's country."""
    found = {p.name: p for p in people(nlps["fr"]("Titre\n\n" + text))}
    assert (found[name].title_key, found[name].affiliation) == (key, affiliation)


@pytest.mark.parametrize(
    "lang, text, name, affiliation",
    [
        ("en", "Ukraine's Foreign Minister Petro Specimenko said the talks went well.", "Petro Specimenko", "UKR"),
        ("en", "The Ukrainian foreign minister, Petro Specimenko, said the talks went well.", "Petro Specimenko", "UKR"),
        ("en", "German Defence Minister Hans Modell said the talks went well.", "Hans Modell", "DEU"),
        ("de", "Der polnische Regierungschef Jan Przykład sagte, die Gespräche seien gut verlaufen.", "Jan Przykład", "POL"),
        ("nl", "De Oekraïense minister van Buitenlandse Zaken Petro Spécimenko zei dat de gesprekken goed gingen.", "Petro Spécimenko", "UKR"),
    ],
)
def test_a_demonym_or_possessive_before_a_title_gives_the_persons_country(nlps, lang: str, text: str, name: str, affiliation: str) -> None:
    """Where adjectives go before their noun, the country stands before the title ("the Ukrainian foreign minister",
    "Ukraine's Foreign Minister"), and it outranks a ministry named in the complement ("Buitenlandse Zaken")."""
    nlp = nlps[lang] if lang in nlps else get_nlp(lang)
    found = {p.name: p for p in people(nlp("Title\n\n" + text))}
    assert found[name].affiliation == affiliation


@pytest.mark.parametrize(
    "lang, text, name, role",
    [
        ("fr", "Le secrétaire général de l'Otan Jens Modèle a salué la décision.", "Jens Modèle", "secrétaire général de l'Otan"),
        ("fr", "Le directeur général de l'OMS Tadesse Exemple Bekele a appelé à l'aide.", "Tadesse Exemple Bekele", "directeur général de l'OMS"),
        ("en", "The chief of the WHO Tadesse Example Bekele said aid was needed.", "Tadesse Example Bekele", "chief of the WHO"),
    ],
)
def test_a_name_read_as_one_organisation_with_the_institution_of_its_title_is_a_person(
    nlps, lang: str, text: str, name: str, role: str
) -> None:
    found = {p.name: p for p in people(nlps[lang]("Title\n\n" + text))}
    assert found[name].role == role


def test_the_french_press_writes_an_acronym_read_as_a_word_with_one_capital(nlps) -> None:
    assert [m.key for m in actor_matches(nlps["fr"]("L'Otan et l'Onu ont salué l'Unicef."))] == ["NATO", "UN", "UN"]


@pytest.mark.parametrize(
    "lang, text, name",
    [
        ("de", "„Wir stehen an der Seite der Ukraine“, sagte Klaus Beispiel der Deutschen Presse-Agentur.", "Klaus Beispiel"),
        ("de", "Kommissionspräsidentin Ursula von der Beispiel sagte, die Hilfe komme.", "Ursula von der Beispiel"),
        ("nl", "Minister Karel van den Voorbeeld zei dat de steun doorgaat.", "Karel van den Voorbeeld"),
        ("es", "La ministra Ana María de la Muestra dijo que la ayuda llegará.", "Ana María de la Muestra"),
    ],
)
def test_an_article_joins_a_name_only_after_another_particle(lang: str, text: str, name: str) -> None:
    """"der", "den" and "la" are particles of a name after another ("von der", "van den", "de la"); alone after a
    name they are articles of what follows ("sagte X der Deutschen Presse-Agentur")."""
    assert name in [p.name for p in people(get_nlp(lang)("Titel\n\n" + text))]
