"""A deterministic corpus of N documents for the benchmark: paragraphs of the seeds and of the test
corpora recombined, with figures perturbed (so that grouping has real disagreements to find), and
documents on made-up subjects (so that most claims have nothing to group with).

    python bench/generate.py OUT_DIR N [--seed S] [--varied] [--origins FILE]

Recombined paragraphs repeat their sentences: the claims of 10,000 documents fall into a few thousand shapes (the
same words around their figures), far fewer than a real archive's, where nearly every claim says something in words
of its own. `--varied` rewrites about one word in WORDS_CHANGED of every paragraph as a made-up word, drawn afresh in
each document, so that most claims have a shape of their own, while the words left still say what a figure is.
`--origins FILE` writes, as JSON, where each document's paragraphs come from (bench/grouping_at_scale.py reads it):
for each document, one [first line, last line, origin] per paragraph, the origin being the number of the paragraph
recombined, or -1 for a made-up subject.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "seeds", *sorted(p for p in (ROOT / "tests" / "corpora").iterdir() if p.is_dir())]
SUBJECTS = ("harbour", "museum", "railway", "observatory", "library", "reservoir", "stadium", "canal", "airport",
            "university", "hospital", "brewery", "lighthouse", "cathedral", "festival", "orchestra")
CITIES = ("Arlen", "Brisk", "Corvo", "Dunmere", "Essby", "Falkor", "Grimsby", "Halden", "Istra", "Jorvik")
WORDS_CHANGED = 6
WORD = re.compile(r"\b[a-z]{4,}\b")
SYLLABLES = ("ba", "ke", "lor", "mi", "nu", "pa", "qui", "ros", "ta", "ven", "wel", "zo", "dri", "fan", "gol", "hur")
NUMBER = re.compile(r"\b(1[89]\d\d|20[0-2]\d|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\b")


def _paragraphs() -> list[str]:
    paragraphs = []
    for folder in SOURCES:
        for path in sorted(folder.iterdir()):
            text = re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))
            paragraphs += [p.strip() for p in re.split(r"\n\s*\n", text) if len(p.strip()) > 80]
    return paragraphs


def _perturb(paragraph: str, rnd: random.Random) -> str:
    """Change about one figure in five, a little: the kind of error sources make."""
    def change(m: re.Match[str]) -> str:
        if rnd.random() > 0.2:
            return m.group(0)
        raw = m.group(0).replace(",", "")
        if "." in raw:
            return f"{float(raw) * rnd.choice((0.9, 1.1)):.1f}"
        value = int(raw)
        return str(value + rnd.choice((-1, 1))) if value > 1800 else f"{max(1, value + rnd.choice((-2, -1, 1, 2))):,}"
    return NUMBER.sub(change, paragraph)


def _reworded(paragraph: str, rnd: random.Random) -> str:
    """About one word in WORDS_CHANGED, lowercase and of four letters or more, made up: a paragraph worded apart."""
    def change(m: re.Match[str]) -> str:
        if rnd.randrange(WORDS_CHANGED):
            return m.group(0)
        return "".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(2, 4)))
    return WORD.sub(change, paragraph)


def _unrelated(rnd: random.Random) -> str:
    subject, city = rnd.choice(SUBJECTS), rnd.choice(CITIES)
    year = rnd.randint(1850, 2020)
    return (f"The {subject} of {city} opened in {year}. It employs {rnd.randint(20, 900)} people and welcomed "
            f"more than {rnd.randint(2, 90)},000 visitors last season. Its budget reached ${rnd.randint(2, 40)} "
            f"million in {year + rnd.randint(5, 30)}, and it ranks {rnd.choice(('second', 'third', 'fifth'))} "
            f"among the {subject}s of the region. Local residents say the {subject} has changed the town.")


def generate(out: Path, count: int, seed: int = 7, varied: bool = False,
             origins: dict[str, list[tuple[int, int, int]]] | None = None) -> list[Path]:
    """Write `count` documents into `out` (emptied first) and return their paths; `varied`: worded apart. `origins`
    is told, by file name, each paragraph's first and last line and the number of the paragraph recombined (-1: a
    made-up subject)."""
    rnd = random.Random(seed)
    paragraphs = _paragraphs()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    written = []
    for n in range(count):
        date = f"{rnd.randint(1, 28)} {rnd.choice(('March', 'June', 'October'))} {rnd.randint(2010, 2024)}"
        body = [f"{rnd.choice(CITIES)}, {date}", ""]
        came_from = []
        for _ in range(rnd.randint(8, 14)):
            if rnd.random() < 0.35:
                paragraph, origin = _unrelated(rnd), -1
            else:
                origin = rnd.randrange(len(paragraphs))
                paragraph = _perturb(paragraphs[origin], rnd)
            first = sum(part.count("\n") + 1 for part in body) + 1
            body.append(_reworded(paragraph, rnd) if varied else paragraph)
            came_from.append((first, first + body[-1].count("\n"), origin))
            body.append("")
        path = out / f"doc{n:06d}.txt"
        if origins is not None:
            origins[path.name] = came_from
        path.write_text("\n".join(body), encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--varied", action="store_true", help="most claims worded apart (see above)")
    parser.add_argument("--origins", type=Path, help="where to write each paragraph's origin (see above)")
    args = parser.parse_args()
    origins: dict[str, list[tuple[int, int, int]]] = {}
    paths = generate(args.out, args.count, args.seed, args.varied, origins)
    if args.origins:
        args.origins.write_text(json.dumps(origins), encoding="utf-8")
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} documents, {size / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
