from kg.dates import parse_times
from kg.records import TimeValue


def values(text: str, year: int | None = None) -> list[TimeValue]:
    return [t for _, _, t in parse_times(text, year)]


def test_precision_is_kept() -> None:
    assert values("en avril 2021") == [TimeValue("2021-04", "gYearMonth")]
    assert values("le 9 sept. 2025") == [TimeValue("2025-09-09", "date")]
    assert values("d'ici 2023") == [TimeValue("2023", "gYear", "end")]
    assert values("pour trois ans") == [TimeValue("P3Y", "duration")]


def test_nothing_filled_in_from_today() -> None:
    assert values("Début juillet, il a parlé") == []
    assert values("Début juillet, il a parlé", 2020) == [TimeValue("2020-07", "gYearMonth")]


def test_a_date_after_a_word_ending_like_a_cue_is_found() -> None:
    # "finale" ends in "le" and "exemple" too: a match begun inside them used to hide the date after
    assert values("en finale\n\n15 janvier 2016 . –") == [TimeValue("2016-01-15", "date")]
    assert values("Par exemple début avril un séisme", 2020) == [TimeValue("2020-04", "gYearMonth")]
    assert values("le modèle A2016") == []
