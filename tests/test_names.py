from kg.names import fold, slug


def test_fold_ignores_case_accents_and_punctuation() -> None:
    assert fold("États-Unis") == fold("etats unis") == "etats unis"


def test_slug_is_iri_safe() -> None:
    assert slug('Ton <"nom"> 😀 é') == "ton-nom-e"
    assert slug("!!!") == "x"
