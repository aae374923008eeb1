"""How well grouping holds up as a corpus grows, on a generated corpus whose origins are known: two claims of
different documents that come from the same place of the same recombined paragraph state one fact; any other two
do not. Not a test, and no answer key of conflicts: a measure to compare one version of grouping with another at
sizes no hand-made corpus reaches.

    python bench/generate.py /tmp/bench/o-3000 3000 --varied --origins /tmp/bench/o-3000.json
    python bench/grouping_at_scale.py /tmp/bench/o-3000 /tmp/bench/o-3000.json [--jobs 2]

A claim's origin is its paragraph's number, its line within the paragraph, its kind, and its place among the
claims of that kind on that line (a word made up may change what a figure is read as, rarely where it is). Claims
of made-up subjects (-1) are left out: their documents name one of a few subjects and towns, at random values.
- **pair recall**: of the pairs of claims of one origin, from two documents, the share one topic holds;
- **pair precision**: of the pairs of claims one topic holds (both of a known origin), the share of one origin.
  The recombined paragraphs state some facts more than once, in other words: such pairs count as errors here,
  so precision is a floor, good for comparing versions, not for quoting alone.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict
from pathlib import Path

from kzfr_check.pipeline import check

Origin = tuple[int, int, str, int]


def paragraph_lines(text: str) -> list[tuple[int, int]]:
    """The first and last line of each paragraph of a generated document (a heading, then paragraphs that
    blank lines part)."""
    spans = []
    line = 1
    for n, block in enumerate(text.split("\n\n")):
        lines = block.count("\n") + 1
        if n and block:
            spans.append((line, line + lines - 1))
        line += lines + 1
    return spans


def pairs(counts: Counter[object]) -> int:
    return sum(n * (n - 1) // 2 for n in counts.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("origins", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    origins: dict[str, list[int]] = json.loads(args.origins.read_text(encoding="utf-8"))
    started = time.perf_counter()
    report = check([args.folder], jobs=args.jobs, warn=lambda message: None)
    seconds = time.perf_counter() - started

    spans = {name: paragraph_lines((args.folder / name).read_text(encoding="utf-8")) for name in origins}
    on_line: dict[tuple[str, int, str], list[int]] = defaultdict(list)
    for n, claim in enumerate(report.claims):
        on_line[(claim.source, claim.line, claim.kind)].append(n)
    origin_of: dict[int, Origin] = {}
    for (source, line, kind), numbers in on_line.items():
        name = f"{source}.txt"
        place = next((p for p, (first, last) in enumerate(spans[name]) if first <= line <= last), None)
        if place is None or origins[name][place] < 0:
            continue
        numbers.sort(key=lambda n: report.claims[n].start)
        for order, n in enumerate(numbers):
            origin_of[n] = (origins[name][place], line - spans[name][place][0], kind, order)

    topic_of = {id(claim): t for t, topic in enumerate(report.topics) for claim in topic.claims}
    known = [(n, origin) for n, origin in origin_of.items()]
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


if __name__ == "__main__":
    main()
