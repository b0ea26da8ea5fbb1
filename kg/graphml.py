"""A streaming GraphML writer: nodes and edges go out as they come, in the form networkx and igraph read."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import IO
from xml.sax.saxutils import escape, quoteattr

NODE_KEYS = {"label": "string", "class": "string", "wikidata": "string", "aliases": "string", "mentions": "int",
             "articles": "int", "article": "string", "kind": "string", "status": "string", "currency": "string",
             "amount": "double", "amount_min": "double", "amount_max": "double"}
EDGE_KEYS = {"label": "string", "sentences": "int", "source": "string", "status": "string"}
# Characters XML 1.0 cannot carry at all, even escaped: article text may hold them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: object) -> str:
    if isinstance(value, int | float):
        return str(value)
    return escape(_NOT_XML.sub("\ufffd", str(value)))


def write_graphml(nodes: Iterable[tuple[str, dict]], edges: Iterable[tuple[str, str, str, dict]],
                  out: IO[bytes]) -> int:
    """Write a directed multigraph; an edge whose ends were not written is left out. Returns the edge count."""
    out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    for scope, keys in (("node", NODE_KEYS), ("edge", EDGE_KEYS)):
        for name, kind in keys.items():
            key = quoteattr(name)
            out.write(f'<key id={key} for="{scope}" attr.name={key} attr.type="{kind}"/>\n'.encode())
    out.write(b'<graph edgedefault="directed">\n')
    written: set[str] = set()
    lines: list[str] = []
    for node, attrs in nodes:
        written.add(node)
        lines.append(f"<node id={quoteattr(node)}>{_data(attrs, _NODE_DATA)}</node>\n")
        _drain(lines, out)
    count = 0
    for source, target, _key, attrs in edges:
        if source in written and target in written:
            lines.append(f'<edge id="e{count}" source={quoteattr(source)} target={quoteattr(target)}>'
                         f"{_data(attrs, _EDGE_DATA)}</edge>\n")
            count += 1
            _drain(lines, out)
    _drain(lines, out, 0)
    out.write(b"</graph>\n</graphml>\n")
    return count


# The opening tag of each attribute's <data>, made once.
_NODE_DATA = {k: f"<data key={quoteattr(k)}>" for k in NODE_KEYS}
_EDGE_DATA = {k: f"<data key={quoteattr(k)}>" for k in EDGE_KEYS}


def _drain(lines: list[str], out: IO[bytes], keep: int = 1000) -> None:
    """Write buffered lines once there are more than ``keep`` of them: fewer, larger writes."""
    if len(lines) > keep:
        out.write("".join(lines).encode("utf-8"))
        lines.clear()


def _data(attrs: dict, tags: dict[str, str]) -> str:
    return "".join(f"{tags[k]}{_text(v)}</data>" for k, v in attrs.items() if k in tags)
