"""A generated corpus of small news-like articles in English and French, as JSONL, for end-to-end ingest tests.

Each package is reported once in each language on its announcement day; a few articles report no
commitment, and one line is not JSON at all, so a run always meets bad input.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

DONORS = {  # code: (English name, French name, currency)
    "USA": ("The United States", "Les Etats-Unis", "USD"),
    "DEU": ("Germany", "L'Allemagne", "EUR"),
    "FRA": ("France", "La France", "EUR"),
    "NLD": ("The Netherlands", "Les Pays-Bas", "EUR"),
    "ITA": ("Italy", "L'Italie", "EUR"),
}
WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WEEKDAYS_FR = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
QUIET = [
    ("en", "Ministers met in Brussels to discuss the security situation on the continent."),
    ("fr", "Les ministres se sont réunis à Bruxelles pour évoquer la situation sécuritaire."),
]


def _amounts(millions: int, currency: str) -> tuple[str, str]:
    if currency == "USD":
        return f"${millions} million", f"{millions} millions de dollars"
    return f"{millions} million euros", f"{millions} millions d'euros"


def articles(n_packages: int = 20) -> list[dict]:
    """Two articles (en, fr) per package, plus articles without commitments."""
    lines = []
    codes = list(DONORS)
    start = dt.date(2023, 3, 6)
    for number in range(n_packages):
        code = codes[number % len(codes)]
        english, french, currency = DONORS[code]
        day = start + dt.timedelta(days=11 * number)
        millions = 50 + 25 * number
        amount_en, amount_fr = _amounts(millions, currency)
        weekday = day.weekday()
        lines.append(
            {
                "id": f"en-{number}",
                "lang": "en",
                "published": day.isoformat(),
                "url": f"https://news.example.com/en/{number}",
                "text": f"{english} will provide {amount_en} in military aid to Ukraine, the government announced on "
                f"{WEEKDAYS_EN[weekday]}. The package includes ammunition and air defence equipment.",
            }
        )
        lines.append(
            {
                "id": f"fr-{number}",
                "lang": "fr",
                "published": (day + dt.timedelta(days=1)).isoformat(),
                "url": f"https://journal.example.fr/fr/{number}",
                "text": f"{french} va fournir {amount_fr} d'aide militaire à l'Ukraine, a annoncé "
                f"{WEEKDAYS_FR[weekday]} le gouvernement. Le paquet comprend des munitions.",
            }
        )
    for number, (lang, text) in enumerate(QUIET):
        lines.append({"id": f"quiet-{number}", "lang": lang, "published": start.isoformat(), "text": text})
    return lines


def write_jsonl(path: Path, n_packages: int = 20) -> int:
    """Write the corpus with one malformed line in the middle; returns the number of good articles."""
    good = articles(n_packages)
    rendered = [json.dumps(line, ensure_ascii=False) for line in good]
    rendered.insert(len(rendered) // 2, '{"id": "broken", "text": ')
    path.write_text("\n".join(rendered) + "\n", encoding="utf-8")
    return len(good)
