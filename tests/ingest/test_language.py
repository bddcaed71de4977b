"""Language identification of undeclared documents."""

from __future__ import annotations

import time

import pytest

from aidledger.ingest.language import detect_language
from aidledger.schema import language_code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le Canada versera 50 millions de dollars à Haïti, a annoncé vendredi la ministre.", "fr"),
        ("The Pentagon announced a new package of security assistance for Ukraine on Thursday.", "en"),
        ("Die Bundesregierung hat am Mittwoch ein weiteres Hilfspaket für die Ukraine beschlossen.", "de"),
    ],
)
def test_language_of_a_sentence_is_identified(text, expected):
    assert detect_language(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "OK", "123 456 789 — 12,5 %", "https://x.example/1/2"])
def test_too_little_text_gives_the_default(text):
    assert detect_language(text, default="fr") == "fr"


def test_detection_of_a_long_article_is_fast():
    article = "Le gouvernement a annoncé une aide de 500 millions d'euros à l'Ukraine. " * 2000
    detect_language(article)  # loads the model
    start = time.perf_counter()
    for _ in range(20):
        detect_language(article)
    assert (time.perf_counter() - start) / 20 < 0.02


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("fr-FR", "fr"), ("EN_us", "en"), ("de", "de"), ("", None), (None, None), ("x", None), ("12", None)],
)
def test_declared_language_tag_is_reduced_to_its_primary_code(tag, expected):
    assert language_code(tag) == expected
