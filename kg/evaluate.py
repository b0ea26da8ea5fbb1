"""Scores extraction against the gold formats of the corpus: news facts, WiNER-fr NER, POPCORN."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations
from pathlib import Path

from kg.data import load_yaml
from kg.errors import InputError
from kg.framescore import score_frames
from kg.names import fold
from kg.records import Amount, Document, Entity, Extraction, Fact, Value
from kg.vocab import base_class

_WINER_LABELS = {"Person": "Person", "Place": "Location", "Organization": "Organization", "Product": "Product"}
_JUNK = {"il", "elle", "ils", "elles", "c", "qu", "l", "d", "la", "le", "les", "un", "une", "ce", "cette"}


@dataclass
class Score:
    """Counts of one measure, with the errors kept for --show-errors."""

    name: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)
    hits: int | None = None  # what recall counts, where it is not tp (roles: gold roles found, not right fillers)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        hits = self.tp if self.hits is None else self.hits
        return hits / (hits + self.fn) if hits + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def gold_kind(path: Path) -> str:
    """Say which of the four gold formats a file is in: news, frames (ASFALDA), popcorn or winer."""
    if path.suffix == ".json":
        return "news"
    with path.open(encoding="utf-8") as f:
        first = json.loads(f.readline())
    if "frames" in first:
        return "frames"
    return "popcorn" if any("entity_id" in e for e in first.get("entities", [])) or "POPCORN" in first.get(
        "source", "") else "winer"


def documents_for(path: Path) -> list[Document]:
    """Return the documents a gold file is about.

    Raises:
        InputError: when a text named by the gold file is missing.
    """
    if path.suffix == ".json":
        gold = json.loads(path.read_text(encoding="utf-8"))
        docs = []
        for doc in gold["docs"]:
            text_file = path.parent / f"{doc['id']}.txt"
            if not text_file.exists():
                raise InputError(f"{text_file}: the text of gold document {doc['id']} is missing")
            docs.append(Document(doc["id"], text_file.read_text(encoding="utf-8"), str(text_file)))
        return docs
    return [Document(r["id"], r["text"], str(path)) for r in map(json.loads, path.open(encoding="utf-8"))]


def score(path: Path, extractions: Sequence[Extraction]) -> list[Score]:
    """Score ``extractions`` against the gold file at ``path``."""
    kind = gold_kind(path)
    if kind == "news":
        return _news(json.loads(path.read_text(encoding="utf-8")), extractions)
    records = {r["id"]: r for r in map(json.loads, path.open(encoding="utf-8"))}
    if kind == "frames":
        return score_frames(records, extractions, Score)
    return _winer(records, extractions) if kind == "winer" else _popcorn(records, extractions)


# ---- news gold facts -------------------------------------------------------------------------

def _names(entity: Entity) -> set[str]:
    return {fold(entity.label), *map(fold, entity.aliases),
            *(fold(m.text) for m in entity.mentions if m.form == "name")}


def _news(gold: dict, extractions: Sequence[Extraction]) -> list[Score]:
    found, classed, qids, facts, extra, junk = (Score(n) for n in (
        "entities found", "entities found with an accepted class", "Wikidata ids", "facts",
        "events matching no gold fact", "junk entities"))
    by_kind: dict[str, Score] = {}
    by_id = {x.document.id: x for x in extractions}
    for doc in gold["docs"]:
        x = by_id.get(doc["id"])
        entities = list(x.entities) if x else []
        for g in doc["entities"]:
            names = {fold(g["name"]), *map(fold, g.get("aliases", []))}
            match = [e for e in entities if _names(e) & names]
            ok_class = [e for e in match if base_class(e.kind) in g["types"]]
            for s, ok in ((found, match), (classed, ok_class)):
                s.tp += bool(ok)
                s.fn += not ok
                if not ok:
                    s.errors.append(f"{doc['id']}: missed entity {g['name']} {g['types']}")
            if g.get("qid"):
                hit = any(e.qid == g["qid"] for e in match)
                qids.tp += hit
                qids.fn += not hit
                if not hit:
                    qids.errors.append(f"{doc['id']}: no {g['qid']} for {g['name']}")
            wrong = sorted({e.qid for e in match if e.qid and e.qid != g.get("qid", e.qid)})
            qids.fp += bool(wrong)  # an id where the gold has another: a wrong link
            if wrong:
                qids.errors.append(f"{doc['id']}: wrong id {', '.join(wrong)} for {g['name']} ({g.get('qid')})")
        for g in doc["facts"]:
            hit = any(_fact_matches(g, f, entities, doc) for f in (x.facts if x else ()))
            kind = by_kind.setdefault(g["kind"], Score(f"  {g['kind']}"))
            for sc in (facts, kind):
                sc.tp += hit
                sc.fn += not hit
            if not hit:
                facts.errors.append(f"{doc['id']}: missed {json.dumps(g, ensure_ascii=False)}")
        kinds = set(doc.get("kinds", gold.get("kinds", ()))) if doc.get("exhaustive") else set()
        for f in x.facts if x else ():
            if not f.is_event or f.kind not in kinds:
                continue
            right = any(_fact_matches(g, f, entities, doc, named_only=True) for g in doc["facts"])
            extra.tp += right
            extra.fp += not right
            if not right:
                extra.errors.append(f"{doc['id']}: {f.kind} {_describe(f, entities)} | {f.sentences[0].text.strip()[:100]}")
        for e in entities:
            bad = fold(e.label) in _JUNK or len(e.label) < 2
            junk.fp += bad
            if bad:
                junk.errors.append(f"{doc['id']}: junk entity {e.label!r}")
    kinds = sorted(by_kind.values(), key=lambda sc: -(sc.tp + sc.fn))
    return [found, classed, qids, facts, *kinds, extra, junk]


def _describe(fact: object, entities: Sequence[Entity]) -> str:
    labels = {e.key: e.label for e in entities}
    return ", ".join(f"{r}={labels.get(v, v) if isinstance(v, str) else _amount_text(v)}"
                     for r, v in fact.roles if r != "content")  # type: ignore[attr-defined]


def _amount_text(v: object) -> str:
    if isinstance(v, Value):
        return str(v.value)
    if isinstance(v, Amount):
        return f"{v.value or ''}[{v.min_value or ''},{v.max_value or ''}]{v.currency}"
    return str(getattr(v, "lexical", v))


_LITERAL_ROLES = {"title", "measure", "count", "date", "amount", "contains"}


def _fact_matches(g: dict, fact: Fact, entities: Sequence[Entity], doc: dict, named_only: bool = False) -> bool:
    """A gold fact is found by ``fact`` when every role it lists is filled as CONTRACT.md says.

    ``named_only`` compares the roles that name things only, as the precision of exhaustive documents does.
    """
    by_key = {e.key: e for e in entities}
    if fact.kind != g["kind"]:
        return False
    for role, want in g.items():
        if role in {"kind", "status"} or named_only and role in _LITERAL_ROLES:
            continue
        values = fact.values("object" if role == "contains" else role)
        wanted = want if isinstance(want, list) and role != "amount" else [want]  # a list: each one a filler
        if not all(any(_value_matches(role, w, v, by_key, doc) for v in values) for w in wanted):
            return False
    return True


def _value_matches(role: str, want: object, got: object, by_key: dict[str, Entity], doc: dict) -> bool:
    if role == "amount":
        return isinstance(got, Amount) and _amount_matches(want, got)  # type: ignore[arg-type]
    if role in {"title", "contains"}:
        a, b = fold(str(want)), fold(str(getattr(got, "value", got)))
        return bool(a and b) and (a in b or b in a)
    if role in {"measure", "count"}:
        return isinstance(got, Value) and got.value == want
    if role == "date":
        return str(getattr(got, "lexical", got)).startswith(str(want))
    if isinstance(want, dict):
        return isinstance(got, str) and got in by_key and base_class(by_key[got].kind) == want["class"]
    names = {fold(str(want))} | {fold(a) for e in doc["entities"] if fold(e["name"]) == fold(str(want))
                                 for a in e.get("aliases", [])}
    return isinstance(got, str) and got in by_key and bool(_names(by_key[got]) & names)


def _amount_matches(want: list, got: Amount) -> bool:
    if want[-1] != got.currency:
        return False
    numbers = [Decimal(str(v)) for v in want[:-1]]
    if len(numbers) == 1:
        return numbers[0] in {got.value, got.min_value, got.max_value}
    low, high = numbers
    if got.value is not None:
        return low <= got.value <= high
    return got.min_value == low and got.max_value == high


# ---- WiNER-fr NER ----------------------------------------------------------------------------

def _winer(records: dict, extractions: Sequence[Extraction]) -> list[Score]:
    per_class: dict[str, Score] = {label: Score(f"NER {label}") for label in _WINER_LABELS.values()}
    total = Score("NER micro (strict)")
    for x in extractions:
        gold = {(e["start"], e["end"], e["label"]) for e in records[x.document.id]["entities"]
                if e["label"] in per_class}
        spans = {(m.start, m.end, _WINER_LABELS[base_class(e.kind)]) for e in x.entities for m in e.mentions
                 if m.form == "name" and base_class(e.kind) in _WINER_LABELS}
        # the gold lists outermost names: "Paris" inside "tribunal de Paris" is not scored
        pred = {p for p in spans if not any(o != p and o[0] <= p[0] and p[1] <= o[1] for o in spans)}
        for span in gold | pred:
            s = per_class[span[2]]
            hit = span in gold and span in pred
            for sc in (s, total):
                sc.tp += hit
                sc.fp += span in pred and not hit
                sc.fn += span in gold and not hit
            if not hit:
                text = x.document.text[span[0]:span[1]]
                total.errors.append(f"{x.document.id}: {'missed' if span in gold else 'false'} {span[2]} {text!r}")
    return [total, *per_class.values()]


# ---- POPCORN relations and coreference -------------------------------------------------------

def _popcorn(records: dict, extractions: Sequence[Extraction]) -> list[Score]:
    # each POPCORN label -> the list of kg properties that answer it
    mapping = {label: rules if isinstance(rules, list) else [rules] for label, rules in load_yaml("popcorn.yml").items()}
    symmetric = {label for label, rules in mapping.items() if any(rule.get("symmetric") for rule in rules)}
    located, others, coref = Score("POPCORN IS_LOCATED_IN"), Score("POPCORN other relations"), \
        Score("POPCORN coreference (pairwise)")
    for x in extractions:
        rec = records[x.document.id]
        cluster_of = {(m["start"], m["end"]): m["entity_id"] for m in rec["entities"]}
        named = {m["entity_id"]: x.document.text[m["start"] : m["end"]]  # each cluster by its first mention
                 for m in reversed(rec["entities"])}
        gold_relations = {_ordered(r["head"], r["label"], r["tail"], symmetric) for r in rec["relations"]}
        classes_of = {e.key: {e.kind, base_class(e.kind)} for e in x.entities}
        ours: dict[str, set[int]] = defaultdict(set)
        mention_entity = {}
        for e in x.entities:
            for m in e.mentions:
                if (m.start, m.end) in cluster_of:
                    ours[e.key].add(cluster_of[(m.start, m.end)])
                    mention_entity[(m.start, m.end)] = e.key
        _coref_pairs(coref, cluster_of, mention_entity, x.document)
        predicted = set()
        for fact in x.facts:
            if fact.is_event:
                continue
            for label, rules in mapping.items():
                for rule in rules:
                    s, o = fact.values("subject")[0], fact.values("object")[0]
                    classes = classes_of.get(str(s), set())
                    if rule["property"] != fact.kind or "subject" in rule and not classes & set(rule["subject"]) \
                            or classes & set(rule.get("unless", ())):
                        continue
                    if rule.get("reverse"):
                        s, o = o, s
                    heads, tails = ours.get(str(s), set()), ours.get(str(o), set())
                    predicted |= {_ordered(h, label, t, symmetric) for h in heads for t in tails} \
                        or {(f"?{s}", label, f"?{o}")}
        for sc, keep in ((located, lambda r: r[1] == "IS_LOCATED_IN"), (others, lambda r: r[1] != "IS_LOCATED_IN")):
            g, p = {r for r in gold_relations if keep(r)}, {r for r in predicted if keep(r)}
            sc.tp += len(g & p)
            sc.fp += len(p - g)
            sc.fn += len(g - p)
            for kind, wrong in (("missed", g - p), ("false", p - g)):
                sc.errors += [f"{x.document.id}: {kind} {named.get(h, h)!r} {label} {named.get(t, t)!r}"
                              for h, label, t in sorted(wrong, key=str)]
    return [located, others, coref]


def _ordered(head: object, label: str, tail: object, symmetric: set[str]) -> tuple[object, str, object]:
    """A relation as scored: a symmetric label's two ends in one order."""
    if label in symmetric and str(tail) < str(head):
        head, tail = tail, head
    return head, label, tail


def _coref_pairs(score: Score, cluster_of: dict, mention_entity: dict, document: Document) -> None:
    spans = sorted(cluster_of)
    for a, b in combinations(spans, 2):
        same_gold = cluster_of[a] == cluster_of[b]
        same_ours = a in mention_entity and mention_entity.get(a) == mention_entity.get(b)
        score.tp += same_gold and same_ours
        score.fp += same_ours and not same_gold
        score.fn += same_gold and not same_ours
        if same_gold != same_ours:
            pair = f"{document.text[a[0]:a[1]]!r} at {a[0]} and {document.text[b[0]:b[1]]!r} at {b[0]}"
            score.errors.append(f"{document.id}: {'missed' if same_gold else 'false'} {pair}")


def table(scores: Iterable[Score]) -> str:
    """Render scores as one aligned table."""
    lines = [f"{'measure':44} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for s in scores:
        lines.append(f"{s.name:44} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} {s.fp:5d} {s.fn:5d}")
    return "\n".join(lines)
