"""Fixtures shared by the ingest tests: an article text, page building, and reading into documents and errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from aidledger.ingest.readers import ReadError, read_paths
from aidledger.schema import Document

#: Long enough for trafilatura to treat it as an article body, with accents for the encodings tests.
ARTICLE_FR = (
    "Le gouvernement suédois a annoncé jeudi une aide militaire de 1,5 milliard de couronnes à l'Ukraine. "
    "Le paquet comprend des véhicules blindés, des munitions d'artillerie et des équipements de communication. "
    "La ministre a indiqué que les premières livraisons arriveraient avant la fin du mois."
)

Reader = Callable[..., tuple[list[Document], list[ReadError]]]


@pytest.fixture
def article_fr() -> str:
    return ARTICLE_FR


@pytest.fixture
def read_all() -> Reader:
    """``read_paths`` over some paths, its output split into documents and errors."""

    def read(*paths: Path, **options) -> tuple[list[Document], list[ReadError]]:
        items = list(read_paths(list(paths), **options))
        return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, ReadError)]

    return read


@pytest.fixture
def html_page() -> Callable[..., str]:
    """A page with navigation and footer boilerplate around an article body."""

    def page(body: str, head: str = "", lang: str = "fr") -> str:
        return (
            f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>'
            '<nav><a href="/">Accueil</a> <a href="/monde">Monde</a> <a href="/sport">Sport</a></nav>'
            f"<article>{body}</article>"
            "<footer>© 2025 Le Journal du Nord — Mentions légales — Nous contacter</footer></body></html>"
        )

    return page
