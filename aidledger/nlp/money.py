"""``aidledger_money``: money amounts in each language's number format.

Finds "325 millions de dollars", "1,85 milliard d'euros", "$2.2bn", "€500m",
"half a billion", "USD 25 million", "50 millions $", "deux milliards d'euros",
and marks an amount that only restates another in a second currency
("¥300bn ($2bn)", "8 milliards de couronnes, soit 700 millions d'euros")
as a conversion, so it is never taken for a second commitment.

Currencies are ISO 4217 codes, or a placeholder the assembly resolves from the
donor: ``$`` (a dollar: USD, CAD, AUD... by country), ``CROWN`` and ``FRANC``.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc
from text_to_num import text2num

from aidledger.lang import LangData, load
from aidledger.limits import DEFAULT_AMOUNT_RANGE
from aidledger.nlp import doc_text, lang_of, per_doc

#: Placeholders for currencies that depend on the donor.
DONOR_DEPENDENT = {"$", "CROWN", "FRANC"}

_GROUP_SEPARATORS = " \u00a0\u202f\u2009’'"


@dataclass(frozen=True)
class Money:
    """An amount of money in the text, by character offsets."""

    start: int
    end: int
    text: str
    amount: float
    currency: str | None  # None for a bare amount ("26 millions"), whose currency the context gives
    conversion_of: int | None = None  # index in doc._.money of the amount this one converts

    @property
    def is_conversion(self) -> bool:
        return self.conversion_of is not None


def parse_number(raw: str, has_scale: bool, decimal: str, grouping: str = "") -> float | None:
    """The value of a written number: "1,85", "1.800.000", "500 000", "2.625" (with a scale: decimal).

    ``grouping`` holds the language's thousands separators: "1.500 millones" is 1 500 millions in
    Spanish, where a dot before three digits groups them even before a scale word; so do three digits
    ending in zero ("2,000 millones"), which no decimal before a scale word is written with."""
    digits = raw.strip()
    for sep in _GROUP_SEPARATORS:
        digits = digits.replace(sep, "")
    dots, commas = digits.count("."), digits.count(",")
    if dots and commas:
        dec = "." if digits.rfind(".") > digits.rfind(",") else ","
        digits = digits.replace("," if dec == "." else ".", "").replace(dec, ".")
    elif dots + commas == 1:
        sep = "." if dots else ","
        tail = digits.split(sep)[1]
        # a decimal before a scale word drops its trailing zeros: "2,000 millones" (as written in the
        # Americas) is two thousand millions, not two
        groups = len(tail) == 3 and ((sep in grouping and sep != decimal) or (has_scale and tail.endswith("0")))
        is_decimal = not groups and (has_scale or len(tail) != 3)
        digits = digits.replace(sep, "." if is_decimal else "")
    elif dots + commas > 1:
        digits = digits.replace(".", "").replace(",", "")
    try:
        return float(digits)  # "1" and 400 zeros is inf: find_money leaves it out as implausible
    except ValueError:
        return None


def _alternation(phrases: list[str]) -> str:
    escaped = sorted({re.escape(p).replace(r"\ ", r"[\s\u00a0\u202f-]+") for p in phrases}, key=len, reverse=True)
    return "|".join(escaped)


@dataclass(frozen=True)
class _Patterns:
    money: re.Pattern[str]
    scales: dict[str, float]
    currency_names: dict[str, str]
    symbols: dict[str, str]
    word_values: dict[str, float]
    decimal: str
    grouping: str
    conversion: re.Pattern[str]
    elliptical: re.Pattern[str]
    range_opening: re.Pattern[str]
    and_a_half: tuple[str, ...]  # words ending a number in words that add a half ("two and a half")


@functools.cache
def patterns(lang: str) -> _Patterns:
    """The compiled money regex and lookup tables for one language."""
    data: LangData = load(lang)
    numbers = data.section("numbers")
    currencies = data.section("currencies")
    scales = {str(k): float(v) for k, v in (numbers.get("scales") or {}).items()}
    if not scales:
        scales = {"million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9}
    names = {str(k).lower(): str(v) for k, v in (currencies.get("names") or {}).items()}
    symbols = {str(k): str(v) for k, v in (currencies.get("symbols") or {}).items()}
    after = [str(s) for s in currencies.get("after_symbols") or []]
    word_values = {re.sub(r"\s+", " ", str(k).lower()): float(v) for k, v in (numbers.get("word_values") or {}).items()}
    words = [str(w) for w in numbers.get("words") or []] + list(word_values)
    # ISO codes follow the number in every language ("2 mln USD", "500 millions EUR")
    codes = [s for s in symbols if re.fullmatch(r"[A-Z]{3}", s)]

    # at most twelve groups of three (10^36, beyond any amount range): unbounded, every start inside a long
    # run of digits and spaces would scan to its end (quadratic)
    num = r"\d{1,3}(?:[ \u00a0\u202f\u2009’'.,]\d{3}){1,12}(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
    # a number in words is a run of them ("one hundred and fifty", "deux cent cinquante", "treinta y cinco"),
    # joined by spaces, hyphens or one of the language's coordinators
    coordinator_words = [str(w) for w in data.section("grammar").get("coordinators") or []]
    joiners = _alternation([w for w in coordinator_words if w.isalpha()])
    joint = rf"(?:[\s\u00a0]+(?:{joiners})[\s\u00a0]+|[\s\u00a0-]+)" if joiners else r"[\s\u00a0-]+"
    one_word = _alternation(words) if words else r"(?!x)x"
    word_num = rf"(?:{one_word})(?:{joint}(?:{one_word})(?![\w]))*"
    scale = _alternation(list(scales))
    sym = _alternation(list(symbols))
    cur_name = _alternation(list(names) + after + codes)
    gap = r"[\s\u00a0\u202f]*"
    of_list = [str(w) for w in numbers.get("of") or []]
    of_words = _alternation(of_list).replace("'", "['’]") or r"(?!x)x"
    of = rf"(?:(?:{of_words})(?<=['’])\s*|(?:{of_words})\s+)?"
    number = rf"(?:(?P<num>{num})|(?P<word>{word_num}))"
    # one scale word, or two that multiply ("mil milhões", "miles de millones")
    scales_words = rf"(?:{scale})(?:\s+{of}(?:{scale}))?"
    # a scale word glued to an elided "of" where a page lost a space at a tag ("4,6 millionsd'euros")
    elided = _alternation([w for w in of_list if w.endswith("'")]).replace("'", "['’]") or r"(?!x)x"
    # a half after the scale ("un milliard et demi", "un miliardo e mezzo"): the number and a half
    half_after = _alternation([str(w) for w in numbers.get("half_after_scale") or []]) or r"(?!x)x"
    scale_part = (
        rf"(?:{gap}-?(?P<scale>{scales_words})(?:(?![\w])|(?=(?:{elided})))(?:{gap}(?P<half>{half_after})(?![\w]))?)"
    )
    # symbol before: "$2.2bn", "US$ 5 million", "€500m", "USD 25 million", "US$10 mil millones"
    before = rf"(?P<sym>{sym}){gap}(?P<num2>{num})(?:{gap}-?(?P<scale2>{scales_words})(?![\w]))?"
    # number, scale, currency after: "325 millions de dollars", "2 milliards d'euros", "50 millions $", "500 M€"
    after_re = rf"{number}{scale_part}?{gap}{of}(?P<cur>{cur_name})(?![\w])"
    # a bare amount with a scale word ("et 15 millions pour la Géorgie"), not one of people or things:
    # punctuation or one of the language's `numbers.bare_followers` words must follow it
    followers = _alternation([str(w) for w in numbers.get("bare_followers") or []]) or r"(?!x)x"
    bare_follow = rf"(?:[,.;:()\]]|$|(?:{followers})(?![\w]))"
    bare = rf"(?:(?P<bnum>{num})|(?P<bword>{word_num})){gap}(?P<bscale>{scale})(?![\w])(?={gap}{bare_follow})"
    regex = re.compile(rf"(?<![\w.,])(?:{before}|{after_re}|{bare})", re.IGNORECASE)
    conversion_words = [str(w) for w in data.section("cues").get("conversion") or []]
    conv = _alternation(conversion_words) if conversion_words else r"(?!x)x"
    # "(about $1.4bn)", "(≈ …)", ", soit …", " or about …": a bracket or a conversion word, nothing else.
    conversion = re.compile(rf"^\s*(?:[(\[/=≈~]\s*(?:(?:{conv})[\s,:]*)*|,?\s*(?:(?:{conv})[\s,:]+)+)$", re.IGNORECASE)
    decimal, grouping = str(numbers.get("decimal", ".")), "".join(str(g) for g in numbers.get("grouping") or [])
    coordinators = _alternation(coordinator_words) or r"(?!x)x"
    # "45 millions d'euros pour le Mali, 30 pour le Niger et 12 pour le Tchad": a bare number in the list
    # that follows an amount, then a word that follows amounts (a recipient marker) or punctuation
    elliptical = re.compile(
        rf"(?:[,;]|\s(?:{coordinators})\s)\s*(?:[^\d,;.!?\n]{{0,40}}?\s)?(?P<num>\d{{1,3}}(?:[.,]\d{{1,2}})?)"
        rf"(?![.,]?\d)(?=\s+(?:{followers})(?![\w])|\s*[,;.)]|\s*$)",  # "20.000 Schuss" is no "20"
        re.IGNORECASE,
    )
    # "de 15 à", "from £10 million to" right before an amount: the last opening word of the window starts it
    opening, closing = (
        _alternation([str(w) for w in numbers.get(key) or []]) or r"(?!x)x" for key in ("range_from", "range_to")
    )
    range_opening = re.compile(
        rf"(?s:.*)(?<![\w])(?:{opening})\s+(?P<start>[^\n;:!?]{{1,40}}?)\s+(?:{closing})\s+$", re.IGNORECASE
    )
    and_a_half = tuple(str(w).lower() for w in numbers.get("and_a_half") or [])
    return _Patterns(
        regex, scales, names, symbols, word_values, decimal, grouping, conversion, elliptical, range_opening, and_a_half
    )


def _scale_value(p: _Patterns, phrase: str | None) -> float:
    """The multiplier of one scale word or of two in a row ("mil milhões" = 10⁹)."""
    if not phrase:
        return 1.0
    lowered = {k.lower(): v for k, v in p.scales.items() if len(k) > 1}
    value = 1.0
    for word in phrase.split():
        if word in p.scales:
            value *= p.scales[word]
        elif word.lower() in lowered:
            value *= lowered[word.lower()]
    return value


def _word_value(p: _Patterns, words: str, lang: str) -> float | None:
    """The value of a number written in words: the language's ``word_values`` ("half a", "dwa"), else text2num;
    for a run that does not read as one number ("two and three"), its longest tail that does."""
    lowered = re.sub(r"\s+", " ", words.lower())
    half = next((h for h in p.and_a_half if lowered.endswith(" " + h)), None)
    if half is not None:  # "two and a half": the number before, and a half
        whole = _word_value(p, lowered[: -len(half) - 1], lang)
        return whole + 0.5 if whole is not None else None
    tokens = lowered.split(" ")
    for start in range(len(tokens)):
        value = _one_value(p, " ".join(tokens[start:]), lang)
        if value is not None:
            return value
    return None


def _one_value(p: _Patterns, lowered: str, lang: str) -> float | None:
    if lowered in p.word_values:
        return p.word_values[lowered]
    try:
        return float(text2num(lowered, lang))
    except Exception:  # text2num knows neither the words nor, for some languages, the language
        return None


def _currency(p: _Patterns, m: re.Match[str]) -> str | None:
    """The currency a match names: symbol before, or name or symbol after."""
    sym = m.group("sym")
    if sym:
        if _lowercase_code(sym):
            return None  # "sur 14 mois": a word, not the code SUR
        return p.symbols.get(sym) or p.symbols.get(sym.upper())
    cur = re.sub(r"[\s\u00a0\u202f-]+", " ", m.group("cur") or "")
    if cur.lower() in p.currency_names:
        return p.currency_names[cur.lower()]
    compact = cur.replace(" ", "")
    if compact in ("M$", "G$"):
        return "$"
    if compact == "M€":
        return "EUR"
    if compact in ("$CA",):
        return "CAD"
    if compact in ("$US",):
        return "USD"
    if _lowercase_code(compact):
        return None
    return p.symbols.get(compact) or p.symbols.get(cur)


def _lowercase_code(written: str) -> bool:
    """Three letters not all in capitals: an ISO 4217 code is written "EUR", "XOF"; "sur", "Top" are words."""
    return len(written) == 3 and written.isalpha() and not written.isupper()


def find_money(
    text: str,
    lang: str,
    amount_range: tuple[float, float] = DEFAULT_AMOUNT_RANGE,
    rejected: list[Money] | None = None,
) -> list[Money]:
    """Every amount of money in ``text`` within ``amount_range``, conversions marked.

    An amount outside the range (a typo, a hoax, "$1" and 400 zeros) is no
    commitment of any state: it is left out, and appended to ``rejected``
    when the caller wants to report it.
    """
    p = patterns(lang)
    low, high = amount_range
    found: list[Money] = []
    amounts = [money for m in p.money.finditer(text) if (money := _money(p, m, lang)) is not None]
    for money in _without_rates(text, amounts):
        if low <= money.amount <= high:
            found.append(money)
        elif rejected is not None:
            rejected.append(money)
    found = sorted(found + _elliptical(text, found, p), key=lambda m: m.start)
    return _mark_conversions(text, found, p)


#: An exchange rate: one unit of a currency equal to an amount of another ("($1 = 0.9131 euros)", "1 € = 1,08 $").
_RATE_GAP = re.compile(r"\s*=\s*")


def _without_rates(text: str, amounts: list[Money]) -> list[Money]:
    """The amounts of a text but those of an exchange rate, which states no sum (the wires' footnote "($1 =
    0.9131 euros)"): one unit of a currency, an equals sign, an amount of another."""
    rates: set[int] = set()
    for i, (one, other) in enumerate(itertools.pairwise(amounts)):
        if one.amount == 1 and one.currency != other.currency and _RATE_GAP.fullmatch(text, one.end, other.start):
            rates.update((i, i + 1))
    return [m for i, m in enumerate(amounts) if i not in rates]


#: How far (characters) an enumeration of amounts may run after its first, stated amount.
ELLIPSIS_REACH = 200


def _elliptical(text: str, found: list[Money], p: _Patterns) -> list[Money]:
    """Amounts an enumeration writes as bare numbers after a stated one ("45 millions d'euros pour le Mali,
    30 pour le Niger"): each takes the scale of the amount it follows; its currency is inherited later, as
    for any bare amount. The list stops at the end of the sentence or at the next stated amount."""
    out: list[Money] = []
    starts = [m.start for m in found]
    for i, money in enumerate(found):
        scale = _scale_of(money, p)
        if scale is None:
            continue
        end = min(starts[i + 1] if i + 1 < len(found) else len(text), money.end + ELLIPSIS_REACH)
        stop = re.search(r"[.!?]\s|\n", text[money.end : end])
        end = money.end + stop.start() if stop else end
        for m in p.elliptical.finditer(text, money.end, end):
            number = parse_number(m.group("num"), True, p.decimal, p.grouping)
            if number:
                out.append(Money(m.start("num"), m.end("num"), m.group("num"), round(number * scale, 2), None))
    return out


def _scale_of(money: Money, p: _Patterns) -> float | None:
    """The multiplier a scale word gives an amount ("45 millions d'euros": 10⁶), which a bare number near it
    shares; None when the amount has no scale word."""
    lead = re.match(r"\D*(\d[\d\s.,]*)", money.text)
    value = parse_number(lead.group(1).strip(), True, p.decimal, p.grouping) if lead else None
    return money.amount / value if value and money.amount / value >= 1000 else None


#: How far before an amount (characters) the start of its range may be written ("from £10 million to").
RANGE_REACH = 60


def range_start(text: str, money: Money, lang: str) -> Money | None:
    """The amount a range ending at ``money`` starts from, when it is smaller: "de 15 à 40 millions d'euros"
    (15 million: a bare number takes the scale of the amount it runs to), "from £10 million to £25 million",
    "von 100 Millionen auf 300 Millionen Dollar" (the language's ``numbers.range_from`` and ``range_to`` words).
    A raise states where it starts this way; None when no range opens right before the amount."""
    p = patterns(lang)
    window_start = max(0, money.start - RANGE_REACH)
    opened = p.range_opening.match(text[window_start : money.start])
    if opened is None:
        return None
    start, written = window_start + opened.start("start"), opened.group("start")
    stated = p.money.fullmatch(written)
    if stated is not None:
        found = _money(p, stated, lang)
        if found is None or found.currency not in (None, money.currency):
            return None
        value = found.amount
    elif re.fullmatch(r"\d+(?:[.,]\d+)?", written) and (scale := _scale_of(money, p)) is not None:
        value = round((parse_number(written, True, p.decimal, p.grouping) or 0) * scale, 2)
    else:
        return None
    return Money(start, start + len(written), written, value, money.currency) if 0 < value < money.amount else None


def _money(p: _Patterns, m: re.Match[str], lang: str) -> Money | None:
    """The amount a match of the money regex states, None when it states none."""
    if m.group("bscale"):
        if m.group("bnum"):
            value = parse_number(m.group("bnum"), True, p.decimal, p.grouping)
        else:  # "cinco millones", but not "a million" or "half a million", which count things as often as money
            value = _word_value(p, m.group("bword"), lang)
            value = value if value is not None and value > 1 else None
        if value is None:
            return None
        return Money(m.start(), m.end(), m.group(0), round(value * _scale_value(p, m.group("bscale")), 2), None)
    currency = _currency(p, m)
    if currency is None:
        return None
    if m.group("sym"):
        scale = m.group("scale2")
        value = parse_number(m.group("num2"), bool(scale), p.decimal, p.grouping)
    elif m.group("num"):
        scale = m.group("scale")
        value = parse_number(m.group("num"), bool(scale), p.decimal, p.grouping)
    else:
        scale = m.group("scale")
        if not scale:  # "un euro", "a dollar": not an amount worth a record
            return None
        value = _word_value(p, m.group("word"), lang)
    if value is None:
        return None
    if m.group("half"):  # "un milliard et demi": only a number before its scale word has one
        value += 0.5
    cur_text = (m.group("cur") or "").replace(" ", "")
    multiplier = _scale_value(p, scale)
    if cur_text in ("M$", "M€"):
        multiplier = 1e6
    elif cur_text == "G$":
        multiplier = 1e9
    return Money(m.start(), m.end(), m.group(0), round(value * multiplier, 2), currency)


def _mark_conversions(text: str, found: list[Money], p: _Patterns) -> list[Money]:
    """An amount right after another, in brackets or after "soit"/"or about", restates it."""
    out: list[Money] = []
    for i, money in enumerate(found):
        if out:
            prev_index = len(out) - 1
            prev = out[prev_index]
            root = prev.conversion_of if prev.conversion_of is not None else prev_index
            gap = text[prev.end : money.start]
            if len(gap) <= 30 and p.conversion.match(gap) and money.currency != prev.currency:
                money = replace(money, conversion_of=root)
        out.append(money)
    return out


def money_in(doc: Doc, amount_range: tuple[float, float]) -> tuple[list[Money], list[Money]]:
    """The amounts of a Doc within ``amount_range`` and those left out, found once per Doc and range
    (:mod:`aidledger.nlp.focus` reads them before the pipeline's money component)."""

    def find() -> tuple[list[Money], list[Money]]:
        rejected: list[Money] = []
        return find_money(doc_text(doc), lang_of(doc), amount_range, rejected), rejected

    return per_doc(doc, f"money{tuple(amount_range)}", find)


def implausible(money: Money, amount_range: tuple[float, float]) -> str:
    """The one-line warning for an amount left out as implausible."""
    shown = money.text if len(money.text) <= 40 else money.text[:37] + "..."
    return (
        f"amount {shown!r} ({money.amount:.3g}) is outside the plausible range "
        f"{amount_range[0]:g} to {amount_range[1]:g}; left out"
    )


class MoneyRecognizer:
    """Sets ``doc._.money``; amounts outside the plausible range go to ``doc.user_data["aidledger.warnings"]``.

    The range is the component's ``amount_range`` unless the caller set ``doc.user_data["aidledger.amount_range"]``
    (as :func:`aidledger.extract_documents` does with its ``limits``).
    """

    def __init__(self, name: str, amount_range: tuple[float, float]):
        self.name = name
        self.amount_range = (float(amount_range[0]), float(amount_range[1]))

    def __call__(self, doc: Doc) -> Doc:
        amount_range = doc.user_data.get("aidledger.amount_range") or self.amount_range
        doc._.money, rejected = money_in(doc, amount_range)
        if rejected:
            warnings = doc.user_data.setdefault("aidledger.warnings", [])
            warnings += [implausible(money, amount_range) for money in rejected]
        return doc


@Language.factory("aidledger_money", default_config={"amount_range": list(DEFAULT_AMOUNT_RANGE)})
def make_money_component(nlp: Language, name: str, amount_range: list[float]) -> MoneyRecognizer:
    """Sets ``doc._.money``; ``amount_range`` is the [lowest, highest] amount taken as plausible."""
    return MoneyRecognizer(name, (amount_range[0], amount_range[1]))
