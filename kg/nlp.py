"""The only module that imports spaCy: the French pipeline, loaded once and lazily."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import TYPE_CHECKING

from kg.errors import InputError
from kg.gazetteer import Gazetteer
from kg.records import Document
from kg.vocab import base_class

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

log = logging.getLogger(__name__)

DEFAULT_MODEL = "fr_core_news_md"
# The NER weights kg ships, fine-tuned on WiNER-fr news (tools/train_ner.py), loaded over DEFAULT_MODEL's own.
NER_WEIGHTS = "ner-winer"
# the dependency labels of a clause's subject in the model's parse ("il" is often "expl:subj")
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "expl:subj"})

# One character for one character, so offsets into the normalised text are offsets into the
# original: the French model splits "C’est" badly but "C'est" well.
_SAME_LENGTH = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "\u00a0": " ", "\u202f": " ", "\u2009": " "})

# The gazetteer's classes, as the French NER's labels.
_RULER_LABELS = {"Person": "PER", "Place": "LOC", "Organization": "ORG", "Product": "MISC", "Fund": "ORG"}


# Words whose full stop ends an abbreviation, not a sentence ("Warner Bros. Discovery").
ABBREVIATIONS = frozenset({"Bros", "Inc", "Corp", "Co", "Jr", "St", "Ltd", "M", "Dr", "Mme", "Mgr", "av", "env"})


@cache
def _lemma_ids(lemmas: frozenset[str]) -> frozenset[int]:
    from spacy.strings import get_string_id

    return frozenset(get_string_id(form) for lemma in lemmas for form in {lemma, lemma.capitalize()})


def with_lemmas(doc: Doc, lemmas: frozenset[str]) -> Iterator[Token]:
    """The tokens whose lemma is one of ``lemmas`` (or it capitalised), in text order, found without making
    a Token of every word: the rules that look for a few words stay cheap on long articles."""
    from spacy.attrs import LEMMA

    wanted = _lemma_ids(lemmas)
    for i, lemma in enumerate(doc.to_array(LEMMA).tolist()):
        if lemma in wanted:
            yield doc[i]


_SENTENCE_END = frozenset(".!?…")
_CLOSING = frozenset({'"', "»", "”", ")", "'"})


def text_of(doc: Doc) -> str:
    """The text of ``doc``, joined once and kept: spaCy's ``Doc.text`` joins every token on each
    read, which made every name's lookup cost the whole article (quadratic on long articles)."""
    if "kg_text" not in doc.user_data:
        doc.user_data["kg_text"] = doc.text
    return doc.user_data["kg_text"]


def normalise(text: str) -> str:
    """Return ``text`` with typographic apostrophes and odd spaces made plain, same length."""
    return text.translate(_SAME_LENGTH)


def ner_weights(model: str) -> Traversable | None:
    """The folder of the NER weights kg loads over ``model``'s own: kg's WiNER-trained ones for the default
    model, none for another model (a user's model is used as it is)."""
    folder = resources.files("kg.models") / NER_WEIGHTS
    return folder if model == DEFAULT_MODEL and folder.is_dir() else None


@cache
def load(model: str = DEFAULT_MODEL, gazetteer: Gazetteer | None = None) -> Language:
    """Load the spaCy pipeline with kg's NER weights, newline sentence breaks and the gazetteer as entity ruler.

    The ruler runs after the NER and adds only names the NER left out: set before it, a known name cut the
    longer name holding it ("Orange" in "Orange France", "Paris" in "Tribunal de commerce de Paris").

    Raises:
        InputError: when the model package is not installed.
    """
    import spacy
    from spacy.language import Language

    if not Language.has_factory("kg_line_breaks"):
        Language.component("kg_line_breaks")(_line_breaks)
    try:
        nlp = spacy.load(model)
    except OSError as e:
        raise InputError(f"spaCy model {model!r} is not installed (pip install it from PyPI)") from e
    weights = ner_weights(model)
    if weights is not None:
        with resources.as_file(weights) as folder:
            nlp.get_pipe("ner").from_disk(folder, exclude=["vocab"])
    nlp.add_pipe("kg_line_breaks", before="parser")
    if gazetteer is not None:
        ruler = nlp.add_pipe("entity_ruler", after="ner", config={"phrase_matcher_attr": "ORTH"})
        ruler.add_patterns(  # type: ignore[attr-defined]
            [{"label": _RULER_LABELS[base_class(e.cls)], "pattern": name}
             for e in gazetteer.entries for name in e.names]
        )
    log.info("loaded %s with pipes %s", model, nlp.pipe_names)
    return nlp


def _line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, and only after a line break or a full stop (not after an
    exclamation or question mark that a comma or a lower-case word follows)."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if "\n" in before.text:
            token.is_sent_start = True
        elif before.text == "." and token.i > 1 and doc[token.i - 2].text in ABBREVIATIONS \
                or before.text in {"!", "?"} and (token.text in {",", ";", ":"} or token.is_lower):
            token.is_sent_start = False  # "Warner Bros. Discovery", "Yahoo!, Carol Bartz", "Stop ! a-t-il dit"
        elif not (_SENTENCE_END.intersection(before.text) or before.text in _CLOSING):
            token.is_sent_start = False  # the parser cuts lists of names at a bracket or a comma
    return doc


def parse(nlp: Language, documents: Iterable[Document], batch_size: int = 16) -> Iterator[tuple[Doc, Document]]:
    """Parse the normalised text of each document in batches, streaming, in input order."""
    yield from nlp.pipe(((normalise(d.text), d) for d in documents), batch_size=batch_size, as_tuples=True)
