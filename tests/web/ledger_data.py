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
US_SAID = "The United States will send Ukraine a $325 million package"
US_FR = (
    "Les Etats-Unis annoncent 325 millions de dollars d'aide militaire pour l'Ukraine\n\n"
    "Washington va livrer à Kiev des intercepteurs de défense aérienne et des obus d'artillerie pour "
    "325 millions de dollars, a indiqué mardi le Pentagone. Le paquet est prélevé sur les stocks américains."
)
FR_SAID = "Washington va livrer à Kiev des intercepteurs de défense aérienne"
DE_EN = (
    "Germany pledges half a billion euros for Ukraine's artillery\n\n"
    "Germany will provide Ukraine with 500 million euros of artillery ammunition and armoured vehicles, "
    "Chancellor Olaf Scholz said on Monday in Berlin. \u201cWe will stand by Kyiv for as long as it takes,\u201d "
    "Scholz told reporters."
)
DE_SAID = "Germany will provide Ukraine with 500 million euros of artillery ammunition"
EU_EN = (
    "EU agrees five-billion-euro top-up of its Ukraine fund\n\n"
    "European Union governments agreed on Monday to add 5 billion euros to the European Peace Facility for "
    "military aid to Ukraine, diplomats in Brussels said."
)
EU_SAID = "add 5 billion euros to the European Peace Facility"
JP_EN = (
    "Japan sends humanitarian aid to Sudan\n\n"
    "Japan will give $100 million in humanitarian aid to Sudan, where fighting has displaced millions, the "
    "foreign ministry in Tokyo said on Friday. The money goes to food, water and medical care."
)
JP_SAID = "Japan will give $100 million in humanitarian aid to Sudan"
HOSTILE_TEXT = (
    "Aid fund report <script>window.__pwned = 'script';</script>\n\n"
    'Norway will give 200 million kroner in humanitarian aid to Sudan <img src=x onerror="window.__pwned = '
    "'onerror'\">, officials said. Read more: <a href=\"javascript:window.__pwned = 'link'\">details</a>.\n\n"
    "\u201c<b onmouseover=\"window.__pwned = 'quote'\">We act now</b>,\u201d said the minister "
    "<iframe src=\"javascript:window.__pwned = 'iframe'\"></iframe>."
)
HOSTILE_TITLE = "<script>window.__pwned = 'title'</script>Aid fund report"
HOSTILE_URL = "javascript:window.__pwned = 'url'"
HOSTILE_SAID = "Norway will give 200 million kroner in humanitarian aid to Sudan <img src=x onerror=\"window.__pwned = 'onerror'\">"
HOSTILE_ANNOUNCER = "<i onclick=\"window.__pwned = 'announcer'\">x</i>"
HOSTILE_QUOTE = "<b onmouseover=\"window.__pwned = 'quote'\">We act now</b>"
HOSTILE_SPEAKER = "<script>window.__pwned='speaker'</script>"


# fmt: off
#: The articles, oldest first: id, text, publication date, URL, language. Titles are the texts' first lines, save TITLES.
ARTICLES = [
    ("de-artillery", DE_EN, "2024-02-19", "https://www.berlin-wire.example/de-artillery", "en"),
    ("us-air-defence", US_EN, "2024-03-12", "https://news.example.com/us-air-defence", "en"),
    ("us-air-defence-fr", US_FR, "2024-03-13", "https://journal.example.fr/defense-aerienne", "fr"),
    ("eu-epf", EU_EN, "2024-03-18", "https://brussels.example.eu/epf", "en"),
    ("jp-sudan", JP_EN, "2024-04-12", "https://asia.example.jp/sudan-aid", "en"),
    ("hostile", HOSTILE_TEXT, "2024-04-20", HOSTILE_URL, "en"),
]
TITLES = {"hostile": HOSTILE_TITLE}

#: The one commitment each article reports, announced: donor, recipient, amount, currency, aid type, the words of
#: its evidence, and what else the article states (the announcement date is the publication date unless stated).
COMMITMENTS = {
    "de-artillery": ("DEU", "UKR", 500e6, "EUR", "military", DE_SAID, {"items": ["artillery_ammunition", "armored_vehicles"], "announcer": "Olaf Scholz"}),
    "us-air-defence": ("USA", "UKR", 325e6, "USD", "military", US_SAID, {"mechanism": "PDA", "items": ["air_defense", "artillery_ammunition"], "announcer": "Lloyd Austin"}),
    "us-air-defence-fr": ("USA", "UKR", 325e6, "USD", "military", FR_SAID, {"items": ["air_defense"], "date": "2024-03-12"}),
    "eu-epf": ("EU", "UKR", 5e9, "EUR", "military", EU_SAID, {"mechanism": "EPF"}),
    "jp-sudan": ("JPN", "SDN", 100e6, "USD", "humanitarian", JP_SAID, {"items": ["medical"]}),
    "hostile": ("NOR", "SDN", 200e6, "NOK", "humanitarian", HOSTILE_SAID, {"announcer": HOSTILE_ANNOUNCER}),
}

#: Each article's quotations: the quoted words, the speaker and the speaker's role.
QUOTES = {
    "de-artillery": [("We will stand by Kyiv for as long as it takes", "Olaf Scholz", "Chancellor")],
    "us-air-defence": [("This package meets Ukraine\u2019s most urgent needs", "Lloyd Austin", "Defense Secretary")],
    "hostile": [(HOSTILE_QUOTE, HOSTILE_SPEAKER, None)],
}

#: Each article's entities: the name as written, the label and the code.
ENTITIES = {
    "de-artillery": [("Germany", "GPE", "DEU"), ("Olaf Scholz", "PERSON", None), ("Berlin", "GPE", "DEU")],
    "us-air-defence": [("Lloyd Austin", "PERSON", None), ("Pentagon", "ORG", "USA"), ("Brussels", "GPE", "BEL"), ("Ukraine", "GPE", "UKR")],
    "us-air-defence-fr": [("Pentagone", "ORG", "USA"), ("Kiev", "GPE", "UKR")],
    "eu-epf": [("European Union", "ORG", "EU"), ("Brussels", "GPE", "BEL")],
    "jp-sudan": [("Japan", "GPE", "JPN"), ("Sudan", "GPE", "SDN")],
    "hostile": [("Norway", "GPE", "NOR"), ("<script>", "ORG", None)],
}
# fmt: on


def _commitment(text: str, published: dt.date, row: tuple) -> Commitment:
    donor, recipient, amount, currency, aid_type, words, stated = row
    fields = {"stage": "announced", "date": published} | stated
    return Commitment(
        donor=donor,
        recipient=recipient,
        amount=amount,
        currency=currency,
        aid_type=aid_type,
        evidence=span(text, words),
        **fields,
    )


def _article(id: str, text: str, published: str, url: str, lang: str) -> tuple[Document, Extraction]:
    day = dt.date.fromisoformat(published)
    title = TITLES.get(id) or text.partition("\n")[0]
    document = Document(id=id, text=text, published=day, url=url, lang=lang, title=title, source=f"{id}.html")
    extraction = Extraction(
        id=id,
        url=url,
        lang=lang,
        published=day,
        commitments=[_commitment(text, day, COMMITMENTS[id])],
        quotes=[quote(text, words, speaker, role) for words, speaker, role in QUOTES.get(id, [])],
        entities=[entity(text, name, label, code) for name, label, code in ENTITIES[id]],
    )
    return document, extraction


def articles() -> list[tuple[Document, Extraction]]:
    """The articles, oldest first, as the ledger would ingest them."""
    return [_article(*row) for row in ARTICLES]


def fill(db: str) -> Ledger:
    """A ledger at ``db`` holding :func:`articles`."""
    ledger = Ledger(db)
    for document, extraction in articles():
        ledger.add(document, extraction)
    return ledger
