"""Hand-built spaCy docs, so rule tests need no model and run in milliseconds."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab


@cache
def _vocab() -> Vocab:
    return spacy.blank("fr").vocab  # French lexical attributes (lower case, like_num) without a model


def make_doc(rows: list[tuple], ents: list[str] | None = None, starts: tuple[int, ...] = (0,)) -> Doc:
    """Build a parsed doc from rows of (word, lemma, pos, dep, head index[, morph[, no space after]]), its
    sentences starting at the rows ``starts``."""
    words = [r[0] for r in rows]
    spaces = [not (len(r) > 6 and r[6]) for r in rows]
    spaces[-1] = False
    return Doc(_vocab(), words=words, spaces=spaces, lemmas=[r[1] for r in rows], pos=[r[2] for r in rows],
               deps=[r[3] for r in rows], heads=[r[4] for r in rows], morphs=[r[5] if len(r) > 5 else "" for r in rows],
               ents=ents or ["O"] * len(rows), sent_starts=[i in starts for i in range(len(rows))])
