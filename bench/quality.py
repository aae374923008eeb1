"""How right kzfr-check is on corpora with an answer key: conflicts found and missed, false conflicts,
precision, and agreements recognised, per corpus and overall. Not a test: tests/test_quality.py holds each
corpus at its floor; this prints the figures for bench/README.md.

    python bench/quality.py [KEY.toml ...] [--json]

With no KEY, every answer key in tests/corpora/ and ../shared/corpora-real/ (when that folder exists). A key
`X.toml` describes the folder `X/` beside it, in the format of ../shared/corpora-real/README.md.

A gold claim is matched by every claim of the report whose figure lies inside the gold quote in the same file.
- A gold conflict is **found** when one reported conflict holds claims matching two of its gold claims from two
  files whose gold values contradict each other ("140 mph" / "125 mph", not ">115 mph" / "120 mph"), with
  different reported values.
- A reported conflict is **true** when it finds a gold conflict in that way, **over time** when it does so for a
  gold `conflict-but-different-dates` topic, and **false** otherwise. Precision counts true against false;
  strict precision also counts the over-time ones as false.
- A gold topic that is not a conflict is **recognised** when one reported topic that agrees, is compatible or
  has changed holds claims matching gold claims of two of its files.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KEY_FOLDERS = (ROOT / "tests" / "corpora", ROOT.parent / "shared" / "corpora-real")
NOT_CONFLICTS = ("agree", "compatible-precision", "conflict-but-different-dates")
SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class GoldClaim:
    topic: str
    file: str  # "FOLDER/STEM"
    quote: str
    value: str


@dataclass
class Score:
    corpus: str
    conflicts: int = 0
    found: int = 0
    reported: int = 0
    true: int = 0
    over_time: int = 0
    false: int = 0
    facts: int = 0
    recognised: int = 0
    missed: list[str] = field(default_factory=list)
    false_topics: list[str] = field(default_factory=list)
    unrecognised: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.conflicts if self.conflicts else 1.0

    @property
    def precision(self) -> float:
        return self.true / (self.true + self.false) if self.true + self.false else 1.0

    @property
    def strict_precision(self) -> float:
        counted = self.true + self.false + self.over_time
        return self.true / counted if counted else 1.0

    def add(self, other: Score) -> None:
        for name in ("conflicts", "found", "reported", "true", "over_time", "false", "facts", "recognised"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def answer_keys(paths: list[Path]) -> list[Path]:
    if paths:
        return paths
    return [key for folder in KEY_FOLDERS if folder.is_dir() for key in sorted(folder.glob("*.toml"))
            if (folder / key.stem).is_dir()]


# Files beside the pages that are not pages: the list of where each page came from (../shared/corpora-real). A
# user leaves such a file out the same way, with `[sources] exclude` in claims.toml.
NOT_PAGES = ("*/SOURCES.md",)


def run_cli(corpus: Path) -> dict:
    """The JSON report of `kzfr-check conflicts --all` on the corpus, with a claims.toml that declares nothing
    and only leaves out what is not a page (NOT_PAGES)."""
    with tempfile.TemporaryDirectory() as work:
        empty = Path(work) / "claims.toml"
        empty.write_text(f"[sources]\nexclude = {json.dumps(list(NOT_PAGES))}\n")
        command = [sys.executable, "-m", "kzfr_check", "-q", "--jobs", "1", "conflicts", str(corpus),
                   "--config", str(empty), "--all", "--format", "json", "--exit-zero"]
        run = subprocess.run(command, capture_output=True, text=True, cwd=work, check=False)
    if run.returncode != 0:
        raise SystemExit(f"{corpus}: kzfr-check exited {run.returncode}: {run.stderr.strip()}")
    return json.loads(run.stdout)


def _collapsed(text: str) -> tuple[str, list[int]]:
    """The text with each run of white space as one space, and the offset in `text` of each character kept."""
    kept: list[str] = []
    where: list[int] = []
    for match in re.finditer(r"\s+|\S+", text):
        if match.group().isspace():
            kept.append(" ")
            where.append(match.start())
        else:
            kept.append(match.group())
            where.extend(range(match.start(), match.end()))
    return "".join(kept), where


def quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """Every place the quote stands in the text, white space collapsed on both sides."""
    flat, where = _collapsed(text)
    wanted = SPACE.sub(" ", quote).strip()
    spans = []
    at = flat.find(wanted)
    while at >= 0 and wanted:
        spans.append((where[at], where[at + len(wanted) - 1] + 1))
        at = flat.find(wanted, at + 1)
    return spans


GOLD_VALUE = re.compile(r"(?P<bound>>=|<=|[~><≥≤])?(?P<low>-?[\d.]+(?:e\d+)?)(?:-(?P<high>[\d.]+(?:e\d+)?))?"
                        r"\s*(?P<unit>.*)")
GOLD_DATE = re.compile(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?(?:/(\d\d))?")


def gold_interval(value: str) -> tuple[str, float, float]:
    """A gold value as (unit, low, high): '~4.9e6 bbl', '>1330', '12000-19000 bbl/day', '2005-08-29', '1992-01'."""
    import datetime as dt

    date = GOLD_DATE.fullmatch(value)
    if date and (date[2] or 1000 <= int(date[1]) <= 2200):
        year, month, day, last = (int(part) if part else None for part in date.groups())
        first = dt.date(year, month or 1, day or 1).toordinal()
        end = (dt.date(year, month, last or day).toordinal() if day else
               dt.date(year + (month == 12), month % 12 + 1, 1).toordinal() - 1 if month else
               dt.date(year, 12, 31).toordinal())
        return "date", first, end
    m = GOLD_VALUE.fullmatch(value)
    if m is None:
        return value, 0.0, 0.0  # (a time, a century): equal only to itself
    low = float(m["low"])
    high = float(m["high"]) if m["high"] else low
    bound = m["bound"] or ""
    if bound == "~":  # good to one step of its last significant digit, a tenth of itself at most (as the tool reads it)
        step = Decimal(1).scaleb(Decimal(m["low"]).normalize().as_tuple().exponent)
        margin = min(float(step), abs(low) / 10)
        low, high = low - margin, high + margin
    elif bound in (">", ">=", "≥"):
        high = math.inf
    elif bound in ("<", "<=", "≤"):
        low = -math.inf
    return m["unit"].strip(), low, high


def contradict(a: str, b: str) -> bool:
    """Can two gold values not both be true? Values in different units are taken to contradict."""
    unit_a, low_a, high_a = gold_interval(a)
    unit_b, low_b, high_b = gold_interval(b)
    if unit_a != unit_b:
        return a != b
    return high_a < low_b or high_b < low_a


def _gold_claims(key: dict) -> list[GoldClaim]:
    return [GoldClaim(topic["id"], claim["file"], claim["quote"], str(claim["value"]))
            for topic in key.get("topic", []) for claim in topic.get("claims", [])]


def score(key_path: Path, report: dict | None = None) -> Score:
    """Score the report of the corpus beside `key_path` against that answer key."""
    from kzfr_check.sources import read_source

    corpus = key_path.with_suffix("")
    key = tomllib.loads(key_path.read_text(encoding="utf-8"))
    report = report if report is not None else run_cli(corpus)
    gold = _gold_claims(key)
    files = {Path(s["path"]).resolve(): s["id"] for s in report["sources"]}
    source_of: dict[str, str] = {}
    for path, ident in files.items():
        if path.is_relative_to(corpus.parent.resolve()):
            stem = path.relative_to(corpus.parent.resolve()).with_suffix("")
            source_of[stem.as_posix()] = ident
    spans: dict[GoldClaim, list[tuple[int, int]]] = {}
    texts: dict[str, str] = {}
    for claim in gold:
        ident = source_of.get(claim.file)
        if ident is None:
            raise SystemExit(f"{key_path}: {claim.file} is not a source of the report")
        if claim.file not in texts:
            texts[claim.file] = read_source(corpus.parent / next(
                p for p in files if files[p] == ident)).text
        spans[claim] = quote_spans(texts[claim.file], claim.quote)
        if not spans[claim]:
            raise SystemExit(f"{key_path}: quote not found in {claim.file}: {claim.quote!r}")

    def matches(topic: dict, claim: GoldClaim) -> set[str]:
        """The reported values of the topic's claims whose figure lies in the gold quote."""
        ident = source_of[claim.file]
        return {c["value"] for c in topic["claims"] if c["source"] == ident
                and any(start <= c["start"] and c["end"] <= end for start, end in spans[claim])}

    def disagrees(topic: dict, claims: list[GoldClaim], values: set[str]) -> bool:
        held = [(claim, matches(topic, claim)) for claim in claims if not values or claim.value in values]
        return any(a.file != b.file and contradict(a.value, b.value) and any(x != y for x in va for y in vb)
                   for i, (a, va) in enumerate(held) if va for b, vb in held[i + 1:] if vb)

    def holds_two_files(topic: dict, claims: list[GoldClaim]) -> bool:
        return len({claim.file for claim in claims if matches(topic, claim)}) >= 2

    result = Score(corpus.name)
    topics = report["topics"]
    conflicts = [t for t in topics if t["status"] == "conflict"]
    result.reported = len(conflicts)
    judged: dict[str, str] = {}
    for gold_topic in key.get("topic", []):
        claims = [c for c in gold if c.topic == gold_topic["id"]]
        verdict = gold_topic["verdict"]
        if verdict == "conflict":
            result.conflicts += 1
            values = {str(v) for v in gold_topic.get("values", [])}
            hits = [t["id"] for t in conflicts if disagrees(t, claims, values)]
            for hit in hits:
                judged[hit] = "true"
            if hits:
                result.found += 1
            else:
                result.missed.append(gold_topic["id"])
        elif verdict in NOT_CONFLICTS:
            result.facts += 1
            if verdict == "conflict-but-different-dates":
                for t in conflicts:
                    if disagrees(t, claims, set()):
                        judged.setdefault(t["id"], "over time")
            if any(t["status"] in ("agree", "compatible", "changed") and holds_two_files(t, claims) for t in topics):
                result.recognised += 1
            else:
                result.unrecognised.append(gold_topic["id"])
        else:
            raise SystemExit(f"{key_path}: topic {gold_topic['id']}: unknown verdict {verdict!r}")
    for t in conflicts:
        kind = judged.get(t["id"], "false")
        if kind == "true":
            result.true += 1
        elif kind == "over time":
            result.over_time += 1
        else:
            result.false += 1
            result.false_topics.append(t["id"])
    return result


HEADER = (f"{'corpus':<20} {'found':>7} {'recall':>6} {'false':>5} {'over t':>6} {'prec':>5} {'strict':>6} "
          f"{'agreements':>11} {'share':>5}")


def row(s: Score) -> str:
    return (f"{s.corpus:<20} {f'{s.found}/{s.conflicts}':>7} {s.recall:>6.2f} {s.false:>5} {s.over_time:>6} "
            f"{s.precision:>5.2f} {s.strict_precision:>6.2f} {f'{s.recognised}/{s.facts}':>11} "
            f"{(s.recognised / s.facts if s.facts else 1.0):>5.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("keys", nargs="*", type=Path, help="answer keys (default: every one found)")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--details", action="store_true", help="name the missed, false and unrecognised topics")
    args = parser.parse_args()
    scores = [score(key) for key in answer_keys(args.keys)]
    if args.json:
        print(json.dumps([vars(s) for s in scores], indent=2))
        return
    print(HEADER)
    groups: dict[str, Score] = {}
    for key, s in zip(answer_keys(args.keys), scores, strict=True):
        print(row(s))
        if args.details:
            for name, items in (("missed", s.missed), ("false", s.false_topics), ("unrecognised", s.unrecognised)):
                if items:
                    print(f"    {name}: {', '.join(items)}")
        groups.setdefault(key.parent.name, Score(f"all {key.parent.name}")).add(s)
    total = Score("all")
    for s in groups.values():
        print(row(s))
        total.add(s)
    if len(groups) > 1:
        print(row(total))


if __name__ == "__main__":
    main()
