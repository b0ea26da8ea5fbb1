from pathlib import Path

import pytest

from kg.errors import InputError
from kg.gazetteer import load_gazetteer
from kg.names import fold, slug


def test_fold_ignores_case_accents_and_punctuation() -> None:
    assert fold("États-Unis") == fold("etats unis") == "etats unis"


def test_slug_is_iri_safe() -> None:
    assert slug('Ton <"nom"> 😀 é') == "ton-nom-e"
    assert slug("!!!") == "x"


def test_a_gazetteer_row_names_a_thing_a_name_names(tmp_path: Path) -> None:
    # a group or an incident is what a common noun names in one article: no row links it
    table = tmp_path / "extra.tsv"
    table.write_text("qid\tclass\tlabel_fr\tlabel_en\taliases\nQ1\tIncident\tX\tX\t\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown class 'Incident'"):
        load_gazetteer((table,))
