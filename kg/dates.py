"""Dates and periods in French text, kept at the precision the text gives."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from text_to_num import text2num

from kg.data import load_yaml
from kg.records import TimeValue


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _table() -> dict[str, dict]:
    return load_yaml("time.yml")


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    t = _table()
    month = _alternatives(list(t["months"]))
    bound = _alternatives(list(t["bounds"]))
    unit = _alternatives(list(t["durations"]))
    when = re.compile(  # every part is optional: starting at words only keeps it from trying every character
        rf"(?<![^\W_])(?=\w)(?:(?P<bound>{bound})\s+)?(?:(?:en|le|la|l'année)\s+)?"
        rf"(?:(?P<day>\d{{1,2}}|1er)\s+(?=(?:{month})\b)|(?P<part>début|fin|mi-|courant)\s*(?=(?:{month})\b))?"
        rf"(?:(?P<month>{month})\b\.?\s*)?"
        rf"(?P<year>(?:19|20)\d\d)?(?!\d)",
        re.IGNORECASE,
    )
    duration = re.compile(
        rf"\b(?:pour|pendant|sur|durant)\s+(?:une\s+durée\s+de\s+)?"
        rf"(?P<count>\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|trente)\s+"
        rf"(?P<unit>{unit})\b",
        re.IGNORECASE,
    )
    return when, duration


def parse_times(text: str, year: int | None = None) -> Iterator[tuple[int, int, TimeValue]]:
    """Yield (start, end, TimeValue) for dates and durations written in ``text``.

    ``year`` is the article's own year, used when the text names a day or month without one;
    without it such a date is not returned (nothing is filled in from the day kg runs).
    """
    t = _table()
    when, duration = _patterns()
    for m in when.finditer(text):
        if not (m["month"] or m["year"]) or (m.start() > 0 and text[m.start() - 1].isalnum()):
            continue
        if m["month"] and not (m["year"] or m["day"] or m["part"] or m["bound"]) \
                and not m[0].lower().startswith("en "):
            continue  # "mars" alone is too often something else; "en mars" is a month
        the_year = int(m["year"]) if m["year"] else year
        if the_year is None:
            continue
        bound = t["bounds"].get((m["bound"] or "").lower(), "exact")
        if m["month"]:
            month = t["months"][m["month"].lower().rstrip(".")]
            if m["day"]:
                day = 1 if m["day"] == "1er" else int(m["day"])
                value = TimeValue(f"{the_year:04d}-{month:02d}-{day:02d}", "date", bound)
            else:
                value = TimeValue(f"{the_year:04d}-{month:02d}", "gYearMonth", bound)
        else:
            value = TimeValue(f"{the_year:04d}", "gYear", bound)
        yield m.start(), m.end(), value
    for m in duration.finditer(text):
        count = m["count"]
        n = int(count) if count.isdigit() else text2num(count.lower().replace("une", "un"), "fr")
        yield m.start(), m.end(), TimeValue(f"P{n}{t['durations'][m['unit'].lower()]}", "duration")
