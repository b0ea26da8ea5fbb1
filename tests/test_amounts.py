from decimal import Decimal

import pytest

from kg.amounts import parse_amounts
from kg.records import Amount


@pytest.mark.parametrize("text, expected", [
    ("300 millions de euros", Amount("EUR", value=Decimal(300_000_000))),
    ("plus d'un milliard de euros", Amount("EUR", min_value=Decimal(1_000_000_000))),
    ("2 milliards d'euros", Amount("EUR", value=Decimal(2_000_000_000))),
    ("1,7 Md€", Amount("EUR", value=Decimal(1_700_000_000))),
    ("7 M€", Amount("EUR", value=Decimal(7_000_000))),
    ("2,4 milliards US", Amount("USD", value=Decimal(2_400_000_000))),
    ("22 milliards de dollars", Amount("USD", value=Decimal(22_000_000_000))),
    ("des centaines de milliers d'euros", Amount("EUR", min_value=Decimal(100_000), max_value=Decimal(1_000_000))),
    ("trois millions de livres", Amount("GBP", value=Decimal(3_000_000))),
    ("12 000 euros", Amount("EUR", value=Decimal(12_000))),
    ("75.000 euros", Amount("EUR", value=Decimal(75_000))),  # thousands grouped by full stops
    ("1.750.000 euros", Amount("EUR", value=Decimal(1_750_000))),
    ("3.5 millions d'euros", Amount("EUR", value=Decimal(3_500_000))),  # a decimal point is no group
])
def test_french_amounts(text: str, expected: Amount) -> None:
    [(start, end, amount)] = parse_amounts(f"Il a reçu {text} hier.")
    assert amount == expected
    assert f"Il a reçu {text} hier."[start:end] == text


def test_no_money_without_currency_or_in_words() -> None:
    assert list(parse_amounts("Les 300 employés des États-Unis et un US marshal")) == []


def test_a_sum_without_its_currency_takes_the_one_just_before() -> None:
    text = "Vivendi cède Canal pour 2,5 milliards d'euros. Orange paiera 5 milliards, et 3 millions d'habitants le savent."
    found = {text[s:e]: a for s, e, a in parse_amounts(text)}
    assert found["5 milliards"] == Amount("EUR", value=Decimal(5_000_000_000))
    assert "3 millions" not in found  # people, not money
    assert list(parse_amounts("Le groupe vaut 5 milliards.")) == []  # no sum before to take a currency from
