"""How the cost of one hostile document grows with its size: a line of figures with no sentence end, and
hidden HTML elements nested many thousands deep. Each should cost in proportion to its size (x prev near
2 for twice the size), and a document's claims stop at kzfr_check.claims.CLAIMS_PER_DOCUMENT. Not a test:
run it by hand and read the figures.

    python bench/hostile.py [--work DIR]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections.abc import Callable
from pathlib import Path

from run import commit, kzfr_check_command, machine, run_child


def figures_line(size: int, every: int) -> str:
    """One line of `size` characters with a figure about every `every` characters and no full stop."""
    filler = "x" * max(0, every - 22)
    line = " ".join(f"rose to {n} in {1900 + n % 100} {filler}," for n in range(size // every + 1))
    return line[:size]


def nested_hidden(tags: int) -> str:
    """`tags` hidden elements inside each other, closed, then as many left open among blocks."""
    half = tags // 2
    return ("<p>The tower opened in 1889.</p>" + "<nav>" * half + "1900" + "</nav>" * half
            + "<p>The bridge opened in 1937." + "<aside><div>" * (half // 2) + "1950")


INPUTS: list[tuple[str, str, list[int], Callable[[int], str]]] = [
    ("figures every 20 chars, one line", "txt", [1_000_000, 2_000_000, 4_000_000], lambda n: figures_line(n, 20)),
    ("figures every 200 chars, one line", "txt", [1_000_000, 2_000_000, 4_000_000], lambda n: figures_line(n, 200)),
    ("nested hidden HTML tags", "html", [100_000, 200_000, 400_000], nested_hidden),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, help="keep the inputs and reports here (default: a temporary folder)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="kzfr-hostile-"))
    work.mkdir(parents=True, exist_ok=True)
    config = work / "empty.toml"
    config.write_text("")
    print(f"# {machine()}\n# commit {commit()}: kzfr-check --jobs 1 conflicts FILE -c EMPTY --format json\n")
    print(f"{'input':<36} {'size':>10} {'MB':>6} {'claims':>7} {'wall s':>7} {'RSS MB':>7} {'x prev':>6}")
    for name, suffix, sizes, make in INPUTS:
        previous = None
        for size in sizes:
            path = work / f"{name.replace(' ', '-').replace(',', '')}-{size}.{suffix}"
            path.write_text(make(size), encoding="utf-8")
            report = work / f"{path.stem}.json"
            child = run_child([*kzfr_check_command(), "--jobs", "1", "conflicts", str(path), "-c", str(config),
                               "--format", "json", "--output", str(report)], work / path.stem, ok=(0, 1))
            claims = json.loads(report.read_text(encoding="utf-8"))["summary"]["claims"]
            ratio = f"{child.seconds / previous:6.2f}" if previous else f"{'':>6}"
            print(f"{name:<36} {size:>10,} {path.stat().st_size / 1e6:6.2f} {claims:>7} {child.seconds:7.2f} "
                  f"{child.peak_rss_mb:7.0f} {ratio}", flush=True)
            previous = child.seconds


if __name__ == "__main__":
    main()
