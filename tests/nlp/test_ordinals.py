"""The number a text gives a package in its donor's series, in every language with a data file."""

from __future__ import annotations

import pytest

from aidledger.nlp.ordinals import series_places


@pytest.mark.parametrize(
    ("lang", "text", "number"),
    [
        ("en", "The Pentagon unveiled the 52nd drawdown of weapons for Kyiv.", 52),
        ("en", "Oslo confirmed its twenty-first aid package for Ukraine.", 21),
        ("en", "Brussels paid out the third tranche of the loan on Friday.", 3),
        ("fr", "Ottawa a annoncé son 12e paquet d'aide militaire.", 12),
        ("fr", "Bruxelles a versé la cinquième tranche du prêt.", 5),
        ("de", "Berlin schnürt das 7. Hilfspaket für die Ukraine.", 7),
        ("de", "Die dritte Tranche wurde am Montag ausgezahlt.", 3),
        ("es", "Madrid aprueba el vigésimo cuarto paquete de ayuda.", 24),
        ("es", "El Gobierno aprueba el 3er paquete de material.", 3),
        ("it", "Il governo ha approvato il nono decreto armi.", 9),
        ("pt", "Lisboa transfere a 3ª parcela do apoio.", 3),
        ("nl", "Den Haag kondigt het vijfde steunpakket aan.", 5),
        ("pl", "Warszawa przygotowuje 47. pakiet pomocy.", 47),
        ("pl", "Rząd zatwierdził piątą transzę wsparcia.", 5),
        ("uk", "Уряд отримав третій транш допомоги.", 3),
        ("uk", "Оголошено 45-й пакет допомоги.", 45),
        ("cs", "Vláda schválila pátý balíček pomoci.", 5),
        ("sv", "Regeringen beslutade om det 16:e stödpaketet.", 16),
        ("sv", "Regeringen presenterar det femte stödpaketet.", 5),
        ("nb", "Regjeringen la fram den 3. støttepakken.", 3),
        ("nb", "Regjeringen vedtok den femte pakken.", 5),
    ],
)
def test_an_ordinal_before_a_series_noun_is_the_packages_number(lang: str, text: str, number: int) -> None:
    assert [place.number for place in series_places(text, lang)] == [number]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Das am 24. Februar geschnürte Paket umfasst Munition."),  # the day of a date
        ("en", "It is the second-largest package so far."),  # a rank, not a place in the series
        ("en", "In 2024, the package was approved."),  # a year, and a clause break
        ("en", "Three packages were approved."),  # a cardinal
        ("fr", "Depuis le 3, le paquet est bloqué."),  # a day, then a clause break
    ],
)
def test_what_is_no_ordinal_of_the_series_gives_no_number(lang: str, text: str) -> None:
    assert series_places(text, lang) == []


def test_a_language_without_a_data_file_has_no_series() -> None:
    assert series_places("第5弾の支援パッケージ", "ja") == []
