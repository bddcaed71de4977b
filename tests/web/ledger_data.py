"""A small ledger for the web tests: articles written for them, with commitments, quotes and entities by hand.

Offsets are found in each text, never typed, so every evidence span, quote and entity mention points
at its words. One article is hostile: markup, an event handler and ``javascript:`` links in its
text, title, URL, quote and entity, none of which may ever run.
"""

from __future__ import annotations

import datetime as dt

from aidledger.ledger import Ledger
from aidledger.schema import Commitment, Document, Entity, Extraction, Quote, Span


def span(text: str, words: str, after: int = 0) -> Span:
    start = text.index(words, after)
    return Span(start=start, end=start + len(words), text=words)


def quote(text: str, words: str, speaker: str, role: str | None = None) -> Quote:
    where = span(text, words)
    return Quote(speaker=speaker, role=role, quote=words, start=where.start, end=where.end)


def entity(text: str, name: str, label: str, code: str | None = None) -> Entity:
    mentions, at = [], 0
    while (at := text.find(name, at)) >= 0:
        mentions.append(Span(start=at, end=at + len(name), text=name))
        at += len(name)
    return Entity(name=name, label=label, code=code, mentions=mentions)


US_EN = (
    "Washington unveils new air defence package for Ukraine\n\n"
    "The United States will send Ukraine a $325 million package of air defence interceptors and artillery "
    "shells, the Pentagon said on Tuesday, drawing on existing stocks under presidential drawdown authority.\n\n"
    "\u201cThis package meets Ukraine\u2019s most urgent needs,\u201d said Defense Secretary Lloyd Austin in "
    "Brussels. Deliveries are expected within weeks."
)
US_FR = (
    "Les Etats-Unis annoncent 325 millions de dollars d'aide militaire pour l'Ukraine\n\n"
    "Washington va livrer à Kiev des intercepteurs de défense aérienne et des obus d'artillerie pour "
    "325 millions de dollars, a indiqué mardi le Pentagone. Le paquet est prélevé sur les stocks américains."
)
DE_EN = (
    "Germany pledges half a billion euros for Ukraine's artillery\n\n"
    "Germany will provide Ukraine with 500 million euros of artillery ammunition and armoured vehicles, "
    "Chancellor Olaf Scholz said on Monday in Berlin. \u201cWe will stand by Kyiv for as long as it takes,\u201d "
    "Scholz told reporters."
)
EU_EN = (
    "EU agrees five-billion-euro top-up of its Ukraine fund\n\n"
    "European Union governments agreed on Monday to add 5 billion euros to the European Peace Facility for "
    "military aid to Ukraine, diplomats in Brussels said."
)
JP_EN = (
    "Japan sends humanitarian aid to Sudan\n\n"
    "Japan will give $100 million in humanitarian aid to Sudan, where fighting has displaced millions, the "
    "foreign ministry in Tokyo said on Friday. The money goes to food, water and medical care."
)
HOSTILE_TEXT = (
    "Aid fund report <script>window.__pwned = 'script';</script>\n\n"
    'Norway will give 200 million kroner in humanitarian aid to Sudan <img src=x onerror="window.__pwned = '
    "'onerror'\">, officials said. Read more: <a href=\"javascript:window.__pwned = 'link'\">details</a>.\n\n"
    "\u201c<b onmouseover=\"window.__pwned = 'quote'\">We act now</b>,\u201d said the minister "
    "<iframe src=\"javascript:window.__pwned = 'iframe'\"></iframe>."
)
HOSTILE_TITLE = "<script>window.__pwned = 'title'</script>Aid fund report"
HOSTILE_URL = "javascript:window.__pwned = 'url'"


def _article(id, text, published, url, title, lang="en", commitments=(), quotes=(), entities=()):
    day = dt.date.fromisoformat(published)
    document = Document(id=id, text=text, published=day, url=url, lang=lang, title=title, source=f"{id}.html")
    extraction = Extraction(
        id=id,
        url=url,
        lang=lang,
        published=day,
        commitments=list(commitments),
        quotes=list(quotes),
        entities=list(entities),
    )
    return document, extraction


def articles() -> list[tuple[Document, Extraction]]:
    """The articles, oldest first, as the ledger would ingest them."""
    return [
        _article(
            "de-artillery",
            DE_EN,
            "2024-02-19",
            "https://www.berlin-wire.example/de-artillery",
            "Germany pledges half a billion euros for Ukraine's artillery",
            commitments=[
                Commitment(
                    donor="DEU",
                    recipient="UKR",
                    amount=500e6,
                    currency="EUR",
                    aid_type="military",
                    stage="announced",
                    date="2024-02-19",
                    items=["artillery_ammunition", "armored_vehicles"],
                    announcer="Olaf Scholz",
                    evidence=span(DE_EN, "Germany will provide Ukraine with 500 million euros of artillery ammunition"),
                )
            ],
            quotes=[quote(DE_EN, "We will stand by Kyiv for as long as it takes", "Olaf Scholz", "Chancellor")],
            entities=[
                entity(DE_EN, "Germany", "GPE", "DEU"),
                entity(DE_EN, "Olaf Scholz", "PERSON"),
                entity(DE_EN, "Berlin", "GPE", "DEU"),
            ],
        ),
        _article(
            "us-air-defence",
            US_EN,
            "2024-03-12",
            "https://news.example.com/us-air-defence",
            "Washington unveils new air defence package for Ukraine",
            commitments=[
                Commitment(
                    donor="USA",
                    recipient="UKR",
                    amount=325e6,
                    currency="USD",
                    aid_type="military",
                    mechanism="PDA",
                    stage="announced",
                    date="2024-03-12",
                    items=["air_defense", "artillery_ammunition"],
                    announcer="Lloyd Austin",
                    evidence=span(US_EN, "The United States will send Ukraine a $325 million package"),
                )
            ],
            quotes=[
                quote(US_EN, "This package meets Ukraine\u2019s most urgent needs", "Lloyd Austin", "Defense Secretary")
            ],
            entities=[
                entity(US_EN, "Lloyd Austin", "PERSON"),
                entity(US_EN, "Pentagon", "ORG", "USA"),
                entity(US_EN, "Brussels", "GPE", "BEL"),
                entity(US_EN, "Ukraine", "GPE", "UKR"),
            ],
        ),
        _article(
            "us-air-defence-fr",
            US_FR,
            "2024-03-13",
            "https://journal.example.fr/defense-aerienne",
            "Les Etats-Unis annoncent 325 millions de dollars d'aide militaire pour l'Ukraine",
            lang="fr",
            commitments=[
                Commitment(
                    donor="USA",
                    recipient="UKR",
                    amount=325e6,
                    currency="USD",
                    aid_type="military",
                    stage="announced",
                    date="2024-03-12",
                    items=["air_defense"],
                    evidence=span(US_FR, "Washington va livrer à Kiev des intercepteurs de défense aérienne"),
                )
            ],
            entities=[entity(US_FR, "Pentagone", "ORG", "USA"), entity(US_FR, "Kiev", "GPE", "UKR")],
        ),
        _article(
            "eu-epf",
            EU_EN,
            "2024-03-18",
            "https://brussels.example.eu/epf",
            "EU agrees five-billion-euro top-up of its Ukraine fund",
            commitments=[
                Commitment(
                    donor="EU",
                    recipient="UKR",
                    amount=5e9,
                    currency="EUR",
                    aid_type="military",
                    mechanism="EPF",
                    stage="announced",
                    date="2024-03-18",
                    evidence=span(EU_EN, "add 5 billion euros to the European Peace Facility"),
                )
            ],
            entities=[entity(EU_EN, "European Union", "ORG", "EU"), entity(EU_EN, "Brussels", "GPE", "BEL")],
        ),
        _article(
            "jp-sudan",
            JP_EN,
            "2024-04-12",
            "https://asia.example.jp/sudan-aid",
            "Japan sends humanitarian aid to Sudan",
            commitments=[
                Commitment(
                    donor="JPN",
                    recipient="SDN",
                    amount=100e6,
                    currency="USD",
                    aid_type="humanitarian",
                    stage="announced",
                    date="2024-04-12",
                    items=["medical"],
                    evidence=span(JP_EN, "Japan will give $100 million in humanitarian aid to Sudan"),
                )
            ],
            entities=[entity(JP_EN, "Japan", "GPE", "JPN"), entity(JP_EN, "Sudan", "GPE", "SDN")],
        ),
        _article(
            "hostile",
            HOSTILE_TEXT,
            "2024-04-20",
            HOSTILE_URL,
            HOSTILE_TITLE,
            commitments=[
                Commitment(
                    donor="NOR",
                    recipient="SDN",
                    amount=200e6,
                    currency="NOK",
                    aid_type="humanitarian",
                    stage="announced",
                    date="2024-04-20",
                    announcer="<i onclick=\"window.__pwned = 'announcer'\">x</i>",
                    evidence=span(
                        HOSTILE_TEXT,
                        "Norway will give 200 million kroner in humanitarian aid to Sudan <img src=x onerror=\"window.__pwned = 'onerror'\">",
                    ),
                )
            ],
            quotes=[
                quote(
                    HOSTILE_TEXT,
                    "<b onmouseover=\"window.__pwned = 'quote'\">We act now</b>",
                    "<script>window.__pwned='speaker'</script>",
                )
            ],
            entities=[entity(HOSTILE_TEXT, "Norway", "GPE", "NOR"), entity(HOSTILE_TEXT, "<script>", "ORG")],
        ),
    ]


def fill(db: str) -> Ledger:
    """A ledger at ``db`` holding :func:`articles`."""
    ledger = Ledger(db)
    for document, extraction in articles():
        ledger.add(document, extraction)
    return ledger
