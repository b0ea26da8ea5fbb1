"""Write the first names of people that WiNER-fr's training articles give, one per line, for kg/data/first_names.txt.

    python tools/first_names.py [--corpus ../shared/corpus/winer-train.jsonl] [--out kg/data/first_names.txt]

A first name is the first word of a person's name of two words or more, seen so at least twice and more
often so than as a word of any other name ("Nancy", "Francisco" are places as often). WiNER's dev file is
never read. kg splits a name the NER ran on over a person's ("Groupama Jean Azéma") at one of these words.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

MIN_SEEN = 2


def first_names(corpus: Path) -> list[str]:
    first: Counter[str] = Counter()
    elsewhere: Counter[str] = Counter()
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            for entity in record["entities"]:
                words = record["text"][entity["start"] : entity["end"]].split()
                if entity["label"] == "Person" and len(words) >= 2:
                    first[words[0]] += 1
                    elsewhere.update(words[1:])
                else:
                    elsewhere.update(words)
    return sorted(w for w, n in first.items()
                  if n >= MIN_SEEN and n > elsewhere[w] and w.isalpha() and w[0].isupper() and not w.isupper())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus/winer-train.jsonl"))
    parser.add_argument("--out", type=Path, default=Path("kg/data/first_names.txt"))
    args = parser.parse_args()
    if not args.corpus.is_file():
        parser.error(f"no such corpus file: {args.corpus}")
    names = first_names(args.corpus)
    args.out.write_text("".join(f"{n}\n" for n in names), encoding="utf-8")
    print(f"{len(names)} first names -> {args.out}")


if __name__ == "__main__":
    main()
