"""Scores events against FrameNet frame records (ASFALDA), with the definitions of ../shared/score_frames.py.

Trigger recall is over the gold frames of a kind kg knows with at least one named entity role; a frame is
found by an event of its kind whose trigger equals, contains or is contained in the frame's target. Trigger
precision is over the events whose trigger matches any target of their sentence (negative ones included): an
event is right when a matched target has its kind. Roles are scored on found frames, against the event of
the frame's kind that fills most of its named roles: a named gold role is found when the event's role of
that name has an entity with a mention overlapping it; a filler is right when one of its entity's mentions
overlaps a gold span of its role.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kg.records import Extraction, Fact

ENTITY_ROLES = ("acquirer", "acquired", "seller", "payer", "payee", "speaker", "person", "organization", "appointer")


@dataclass(frozen=True)
class _Event:
    kind: str
    trigger: str
    roles: dict[str, list[list[tuple[int, int]]]]  # role -> each filler's mention spans


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").casefold().split())


def _trigger_match(a: str, b: str) -> bool:
    a, b = _norm(a), _norm(b)
    return bool(a) and bool(b) and (a == b or a in b or b in a)


def _overlaps(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _events(extraction: Extraction) -> list[_Event]:
    spans = {e.key: [(m.start, m.end) for m in e.mentions] for e in extraction.entities}

    def event(fact: Fact) -> _Event:
        roles: dict[str, list[list[tuple[int, int]]]] = {}
        for role, value in fact.roles:
            if role in ENTITY_ROLES and isinstance(value, str):
                roles.setdefault(role, []).append(spans.get(value, []))
        return _Event(fact.kind, fact.trigger, roles)
    return [event(f) for f in extraction.facts if f.is_event]


def _entity_roles(frame: dict) -> list[dict]:
    return [r for r in frame["roles"] if r["role"] in ENTITY_ROLES]


def _roles(frame: dict, event: _Event) -> tuple[int, int, int, int]:
    """(named gold roles found, named gold roles, right fillers, fillers) of one frame against one event."""
    gold = _entity_roles(frame)
    named = [r for r in gold if r["named"]]
    found = sum(any(_overlaps(f, r["start"], r["end"]) for f in event.roles.get(r["role"], [])) for r in named)
    right = fillers = 0
    for role, values in event.roles.items():
        spans = [r for r in gold if r["role"] == role]
        pool = [r for r in spans if r["named"]] or spans
        for filler in values:
            fillers += 1
            right += any(_overlaps(filler, r["start"], r["end"]) for r in pool)
    return found, len(named), right, fillers


def score_frames(records: dict[str, dict], extractions: Sequence[Extraction], score: type) -> list:
    """Return trigger recall (by kind too), trigger precision and role scores as ``score`` rows."""
    recall, precision, roles = score("frames: trigger recall"), score("frames: trigger precision"), \
        score("frames: roles")
    by_kind: dict[str, object] = {}
    gold_kinds = {f["kind"] for r in records.values() for f in r["frames"] if f["kind"]}
    found_roles = gold_roles = 0
    for x in extractions:
        record = records[x.document.id]
        events = _events(x)
        for frame in record["frames"]:
            if frame["kind"] is None or not any(r["named"] for r in _entity_roles(frame)):
                continue
            same = [e for e in events if e.kind == frame["kind"] and _trigger_match(e.trigger, frame["target_text"])]
            kind = by_kind.setdefault(frame["kind"], score(f"  {frame['kind']}"))
            for s in (recall, kind):
                s.tp += bool(same)
                s.fn += not same
            if not same:
                recall.errors.append(f"{x.document.id}: missed {frame['kind']} {frame['target_text']!r} ({frame['lu']})")
                continue
            best = max((_roles(frame, e) for e in same), key=lambda r: (r[0], r[2], -r[3]))
            found_roles, gold_roles = found_roles + best[0], gold_roles + best[1]
            roles.tp += best[2]
            roles.fp += best[3] - best[2]
        for e in events:
            hits = [f for f in record["frames"] if _trigger_match(e.trigger, f["target_text"])]
            if not hits or e.kind not in gold_kinds:
                continue
            right = any(f["kind"] == e.kind for f in hits)
            precision.tp += right
            precision.fp += not right
            if not right:
                precision.errors.append(f"{x.document.id}: {e.kind} on {e.trigger!r}, annotated "
                                        f"{sorted({f['frame'] for f in hits})}")
    roles.hits, roles.fn = found_roles, gold_roles - found_roles
    return [recall, *sorted(by_kind.values(), key=lambda s: s.name), precision, roles]
