"""User linking tables: read on top of the bundled one, refused with the reason when malformed."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.gazetteer import load_gazetteer

HEADER = "qid\tclass\tlabel_fr\tlabel_en\taliases\n"
ROW = "Q999999\tCompany\tBeatsy\tBeatsy\tBeatsy Inc\n"


def test_a_user_table_adds_its_entries(tmp_path: Path) -> None:
    table = tmp_path / "extra.tsv"
    table.write_text(HEADER + ROW, encoding="utf-8")
    entry = load_gazetteer((table,)).lookup("beatsy inc")
    assert entry is not None and entry.qid == "Q999999"
    assert load_gazetteer((table,)).digest != load_gazetteer().digest


@pytest.mark.parametrize("text, found", [
    (ROW, "'Q999999 Company Beatsy Beatsy Beatsy Inc' looks like a row, not the header"),
    ("id\tname\n" + ROW, "it is 'id name'")])
def test_a_table_without_its_header_row_is_told_which_header_it_needs(tmp_path: Path, text: str, found: str) -> None:
    table = tmp_path / "extra.tsv"
    table.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_gazetteer((table,))
    assert str(error.value) == (f"{table}: the first line must be the header row qid class label_fr label_en aliases "
                                f"(tab-separated); {found}")
