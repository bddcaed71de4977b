"""The article inside an HTML page: main text without boilerplate, title, date and language from the markup."""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.utils import decode_file, repair_faulty_html

from aidledger.ingest.errors import Unreadable
from aidledger.schema import language_code

# trafilatura and htmldate log parse trouble; the reader reports it as a ReadError instead,
# and without a handler Python would print those records on stderr beside the one-line error.
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

#: Only the page's own markup (meta tags, <time>, JSON-LD) dates it: the extensive search
#: would take any date found in the body, such as the date of an earlier pledge.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}

#: trafilatura's parser settings, with ``huge_tree``: libxml2 otherwise stops at 256 nested elements and
#: drops everything deeper, so a page of 254 nested <div> had "no article text". The limit becomes 2048.
_PARSER = lxml.html.HTMLParser(
    huge_tree=True, collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True
)

#: Tags after which a line break belongs when a fragment is flattened to text.
_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote pre table tr section article header footer".split()
)


@dataclass(frozen=True)
class Article:
    """What a page yields: its main text and, when the markup states them, title, date, language and URL."""

    text: str
    title: str | None
    url: str | None
    published: dt.date | None
    lang: str | None


def extract_article(page: bytes | str, url: str | None = None) -> Article:
    """The main text of ``page`` with its metadata; raises Unreadable when the page has no article text.

    trafilatura tolerates broken markup; any failure it still raises is
    turned into Unreadable so one bad page never stops a batch.
    """
    try:
        tree = _load_html(page)
        if tree is None or len(tree) == 0:
            raise Unreadable("not an HTML page")
        lang = _page_lang(tree)
        result = trafilatura.bare_extraction(
            tree, url=url, with_metadata=True, include_comments=False, date_extraction_params=_DATE_PARAMS
        )
    except Unreadable:
        raise
    except Exception as exc:  # a parser failure in a third-party library: report, never crash
        raise Unreadable(f"could not parse HTML ({type(exc).__name__})") from None
    if result is None or not (result.text or "").strip():
        raise Unreadable("no article text found in HTML")
    return Article(
        text=result.text, title=result.title or None, url=result.url or url, published=_as_date(result.date), lang=lang
    )


def _load_html(page: bytes | str) -> lxml.html.HtmlElement | None:
    """The page's tree as trafilatura's ``load_html`` builds it (encoding guessed, known faults repaired),
    parsed with :data:`_PARSER`."""
    text = decode_file(page)
    text = repair_faulty_html(text, text[:50].lower())
    return lxml.html.fromstring(text.encode("utf-8", "surrogatepass"), parser=_PARSER)


#: Characters XML cannot hold, which lxml refuses anywhere in a tree (found by fuzzing: a NUL in a feed summary).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed summary), one line per block element."""
    fragment = _NOT_XML.sub(" ", fragment)
    if not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return fragment.strip()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _page_lang(tree: lxml.html.HtmlElement) -> str | None:
    """Primary subtag of ``<html lang>`` ("fr" for "fr-FR"), None when absent."""
    root = tree.getroottree().getroot()
    return language_code(root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang"))


def _as_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
