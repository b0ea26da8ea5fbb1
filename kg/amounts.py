"""Money in French text: "1,7 Md€", "plus d'un milliard d'euros" -> Amount."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from functools import cache

from text_to_num import text2num

from kg.data import load_yaml
from kg.records import Amount

# digits grouped by thousands with spaces (plain, no-break or narrow) or with full stops ("2 500", "75.000"), one
# kind of separator per number, or plain ("1,5")
_DIGITS = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_NUMBER_WORDS = (
    "un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|"
    "seize|vingt|trente|quarante|cinquante|soixante|cent|cents"
)


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _table() -> dict[str, dict]:
    return load_yaml("money.yml")


def is_currency(word: str) -> bool:
    """Whether ``word`` names a currency: "euros", "$"."""
    return word.lower() in _table()["currencies"]


@cache
def _pattern() -> re.Pattern[str]:
    t = _table()
    words = rf"(?:{_NUMBER_WORDS})(?:[- ](?:{_NUMBER_WORDS}))*"
    scale = _alternatives(list(t["scales"]))
    currency = _alternatives(list(t["currencies"]))
    bound = _alternatives(list(t["bounds"]))
    vague = _alternatives(list(t["vague"]))
    return re.compile(  # from the start of a word or number only ("A380 millions" is not money)
        rf"(?<![^\W_]|[,.])(?:(?P<bound>{bound})\s*)?"
        rf"(?:(?P<vague>{vague})\s+|(?P<number>{_DIGITS}|{words})\s*)"
        rf"(?:(?P<scale>{scale})(?![a-zà-ÿ])\s*)?"
        rf"(?:(?:de |d'|d’)\s*)?"
        rf"(?P<currency>{currency})(?![a-zà-ÿ])",
        re.IGNORECASE,
    )


def parse_number(text: str) -> Decimal | None:
    """A number written in digits ("2 500", "1,5") or in French words ("neuf cents"), or None."""
    text = text.strip().lower()
    if text[0].isdigit():
        if _GROUPED.fullmatch(text):
            text = text.replace(".", "")  # "75.000 euros": seventy-five thousand
        try:
            return Decimal(re.sub(r"[  ]", "", text).replace(",", "."))
        except InvalidOperation:
            return None
    try:
        return Decimal(text2num(text.replace("une", "un"), "fr"))
    except ValueError:
        return None


def parse_amounts(text: str) -> Iterator[tuple[int, int, Amount]]:
    """Yield (start, end, Amount) for every sum of money written in ``text``, in text order.

    Offsets are character offsets into ``text``; the span includes a bound word ("plus de").
    A number without a scale word or currency is not money.  A currency that is only "US"
    counts after a scale word ("2,4 milliards US"), never alone.  A number with a scale word
    and no currency ("pour 5 milliards") takes the currency of the sum written just before it
    (money.yml carried_within characters at most), where there is one.
    """
    found = sorted(_written_amounts(text))
    carried = []
    for start, end, amount in _scaled_numbers(text):
        before = [a for s, e, a in found if e <= start and start - e <= _table()["carried_within"]]
        if before and not any(s < end and start < e for s, e, _ in found):
            carried.append((start, end, _with_currency(amount, before[-1].currency)))
    yield from sorted(found + carried, key=lambda f: f[0])


def _with_currency(amount: Amount, currency: str) -> Amount:
    return Amount(currency, amount.value, amount.min_value, amount.max_value)


@cache
def _scaled_pattern() -> re.Pattern[str]:
    t = _table()
    # only the scale words, not "M" or "k"; not before "de": "5 millions d'habitants" counts people
    return re.compile(rf"(?<![^\W_]|[,.])(?:(?P<bound>{_alternatives(list(t['bounds']))})\s*)?(?P<number>{_DIGITS})\s*"
                      r"(?P<scale>milliards?|millions?)(?![a-zà-ÿ])(?!\s*(?:de |d'|d’))", re.IGNORECASE)


def _scaled_numbers(text: str) -> Iterator[tuple[int, int, Amount]]:
    """Numbers with a scale word and no currency, as amounts in no currency yet."""
    t = _table()
    for m in _scaled_pattern().finditer(text):
        number = parse_number(m["number"])
        if number is not None:
            yield m.start(), m.end(), _bounded("", number * Decimal(t["scales"][m["scale"].lower()]), m["bound"])


def _written_amounts(text: str) -> Iterator[tuple[int, int, Amount]]:
    t = _table()
    for m in _pattern().finditer(text):
        scale_word = (m["scale"] or "").lower()
        currency_word = m["currency"].lower()
        if currency_word == "us" and not scale_word:
            continue
        if m["number"] and m["number"].lower() in {"un", "une"} and not scale_word:
            continue  # "un euro" is rarely news; "une" alone is an article
        if m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in ",."):
            continue
        multiplier = Decimal(t["scales"][scale_word]) if scale_word else Decimal(1)
        code = t["currencies"][currency_word]
        if m["vague"]:
            low, high = t["vague"][m["vague"].lower()]
            amount = Amount(code, min_value=low * multiplier, max_value=high * multiplier)
        else:
            number = parse_number(m["number"])
            if number is None:
                continue
            amount = _bounded(code, number * multiplier, m["bound"])
        yield m.start(), m.end(), amount


def _bounded(currency: str, value: Decimal, bound_word: str | None) -> Amount:
    """An exact amount, or a bound of one after "plus de", "moins de" (money.yml bounds)."""
    value = value.normalize()
    value = value.quantize(Decimal(1)) if value == value.to_integral() else value
    bound = _table()["bounds"].get((bound_word or "").lower().replace("’", "'"))
    if bound == "min":
        return Amount(currency, min_value=value)
    if bound == "max":
        return Amount(currency, max_value=value)
    return Amount(currency, value=value)
