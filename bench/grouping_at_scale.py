"""How well grouping holds up as a corpus grows, on a generated corpus whose origins are known: two claims of
different documents that come from the same place of the same recombined paragraph state one fact; any other two
do not. Not a test, and no answer key of conflicts: a measure to compare one version of grouping with another at
sizes no hand-made corpus reaches.

    python bench/generate.py /tmp/bench/o-3000 3000 --varied --origins /tmp/bench/o-3000.json
    python bench/grouping_at_scale.py /tmp/bench/o-3000 /tmp/bench/o-3000.json [--jobs 2] [--where]

A claim's origin is its paragraph's number, its line within the paragraph, its kind, and its place among the
claims of that kind on that line (a word made up may change what a figure is read as, rarely where it is). Claims
of made-up subjects (-1) are left out: their documents name one of a few subjects and towns, at random values.
- **pair recall**: of the pairs of claims of one origin, from two documents, the share one topic holds;
- **pair precision**: of the pairs of claims one topic holds (both of a known origin), the share of one origin.
  The recombined paragraphs state some facts more than once, in other words: such pairs count as errors here,
  so precision is a floor, good for comparing versions, not for quoting alone.

`--where` also sorts the pairs of one origin by where grouping left their claims' shapes: in one topic, linked but
in different topics, in one block (linked through others) with no link of their own, in different blocks (never a
candidate pair), or of one shape. It reads grouping's internals in this process (`--jobs 1`), so it is slower.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

from kzfr_check import topics
from kzfr_check.pipeline import Report, check

Origin = tuple[int, int, str, int]


def pairs(counts: Counter[object]) -> int:
    return sum(n * (n - 1) // 2 for n in counts.values())


class Internals:
    """What grouping found on its way, read by wrapping two of its steps: each shape's example claim, and the
    links between shapes (their places among those examples)."""

    def __init__(self) -> None:
        self.examples: list[Any] = []
        self.links: list[tuple[int, int]] = []
        similar_shapes, connected = topics._similar_shapes, topics.connected

        def similar(examples: Sequence[Any], *args: Any) -> dict[int, list[int]]:
            self.examples = list(examples)
            return similar_shapes(examples, *args)

        def linked(items: Sequence[Any], pairs: Iterable[Any]) -> list[list[Any]]:
            pairs = list(pairs)
            if isinstance(items, range) and not self.links:  # (sources are linked too: witnesses)
                self.links = pairs
            return connected(items, pairs)

        topics._similar_shapes, topics.connected = similar, linked  # type: ignore[assignment]
        topics.STATEMENTS_IN_PIECES = 0  # the shapes are linked into pieces whatever their number (same topics)


def where(report: Report, origin_of: dict[int, Origin], internals: Internals) -> dict[str, float]:
    """The share of the pairs of one origin, from two documents, by where grouping left them."""
    place = {topics._shape(example): x for x, example in enumerate(internals.examples)}
    links = set(internals.links)
    block = {x: n for n, shapes in enumerate(topics.connected(range(len(internals.examples)), links)) for x in shapes}
    topic_of = {id(claim): t for t, topic in enumerate(report.topics) for claim in topic.claims}
    by_origin: dict[Origin, list[int]] = defaultdict(list)
    for n, origin in origin_of.items():
        by_origin[origin].append(n)
    found: Counter[str] = Counter()
    for numbers in by_origin.values():
        for a, b in combinations(numbers, 2):
            first, second = report.claims[a], report.claims[b]
            if first.source == second.source:
                continue
            x, y = place.get(topics._shape(first)), place.get(topics._shape(second))
            if id(first) in topic_of and topic_of[id(first)] == topic_of.get(id(second)):
                found["one topic"] += 1
            elif x is None or y is None:
                found["a declared topic's"] += 1
            elif x == y:
                found["one shape, different topics"] += 1
            elif (min(x, y), max(x, y)) in links:
                found["linked, different topics"] += 1
            elif block[x] == block[y]:
                found["one block, no link of their own"] += 1
            else:
                found["different blocks"] += 1
    total = sum(found.values()) or 1
    return {name: round(count / total, 3) for name, count in found.most_common()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("origins", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--where", action="store_true", help="where the pairs of one origin are (see above)")
    args = parser.parse_args()
    origins: dict[str, list[list[int]]] = json.loads(args.origins.read_text(encoding="utf-8"))  # [first, last, origin]
    internals = Internals() if args.where else None
    started = time.perf_counter()
    report = check([args.folder], jobs=1 if args.where else args.jobs, warn=lambda message: None)
    seconds = time.perf_counter() - started

    on_line: dict[tuple[str, int, str], list[int]] = defaultdict(list)
    for n, claim in enumerate(report.claims):
        on_line[(claim.source, claim.line, claim.kind)].append(n)
    origin_of: dict[int, Origin] = {}
    for (source, line, kind), numbers in on_line.items():
        paragraph = next((p for p in origins[f"{source}.txt"] if p[0] <= line <= p[1]), None)
        if paragraph is None or paragraph[2] < 0:
            continue
        numbers.sort(key=lambda n: report.claims[n].start)
        for order, n in enumerate(numbers):
            origin_of[n] = (paragraph[2], line - paragraph[0], kind, order)

    topic_of = {id(claim): t for t, topic in enumerate(report.topics) for claim in topic.claims}
    known = list(origin_of.items())
    by_origin = Counter(origin for _, origin in known)
    by_origin_source = Counter((origin, report.claims[n].source) for n, origin in known)
    grouped = [(topic_of[id(report.claims[n])], origin) for n, origin in known if id(report.claims[n]) in topic_of]
    by_topic = Counter(t for t, _ in grouped)
    both = Counter(grouped)
    same_origin = pairs(by_origin) - pairs(by_origin_source)  # from two documents
    recall = pairs(both) / same_origin if same_origin else 0.0
    precision = pairs(both) / pairs(by_topic) if pairs(by_topic) else 0.0
    conflicts = sum(v.status == "conflict" for v in report.verdicts)
    print(json.dumps({"documents": len(report.sources), "claims": len(report.claims), "of known origin": len(known),
                      "topics": len(report.topics), "conflicts": conflicts, "pair recall": round(recall, 4),
                      "pair precision": round(precision, 4), "seconds": round(seconds, 1)}))
    if internals is not None:
        print(json.dumps(where(report, origin_of, internals)))


if __name__ == "__main__":
    main()
