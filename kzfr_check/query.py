"""Find what a person means by a few words: `kzfr-check claim "opening year"`, or by a value typed on the
command line: `kzfr-check resolve TOPIC --accept fourth`.

A query is read for the words that matter: the words that say what kind of figure is meant ("number of" is a
count, "rank" a rank, "when" or "year" a date) choose the kind, and the other content words must all be
found. Topics stated by two or more sources come first; a figure that one source alone states is reachable
too, shown as such."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from kzfr_check.claims import Claim
from kzfr_check.pipeline import Report
from kzfr_check.report import as_written
from kzfr_check.sources import normalise
from kzfr_check.values import DATE_KINDS, find_figures
from kzfr_check.verdicts import Verdict
from kzfr_check.words import content_stems

WORD_MATCH = 85  # rapidfuzz ratio at which two stems of five letters or more are the same word
MAX_MATCHES = 5
MAX_CLOSEST = 3

# Words that ask for a kind of figure rather than name the fact: they choose the kind, and need not be found.
KIND_WORDS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("number", "numbers", "many", "count", "counts"), frozenset({"count"})),
    **dict.fromkeys(("rank", "ranks", "ranked", "ranking", "position"), frozenset({"rank"})),
    **dict.fromkeys(("when", "year", "years", "date", "dates", "day"), DATE_KINDS),
    **dict.fromkeys(("cost", "costs", "price", "amount", "much", "worth", "value"), frozenset({"money"})),
    **dict.fromkeys(("percent", "percentage", "share", "proportion"), frozenset({"percent"})),
}
_WORDS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Query:
    """What a query asks: the stems a fact must hold, and the kinds of figure it may be (None: any)."""

    text: str
    stems: tuple[str, ...]
    kinds: frozenset[str] | None

    @classmethod
    def read(cls, text: str) -> Query:
        words = _WORDS.findall(normalise(text).lower())
        asked = [KIND_WORDS[w] for w in words if w in KIND_WORDS]
        kinds = frozenset().union(*asked) if asked else None
        content = " ".join(w for w in words if w not in KIND_WORDS)
        return cls(text, tuple(dict.fromkeys(content_stems(content))), kinds)

    def found(self, words: set[str]) -> int:
        """How many of the query's stems a text's stems hold, a near spelling of a long word counting."""
        return sum(1 for s in self.stems if s in words or any(_same_word(s, w) for w in words))

    def fits(self, kind: str) -> bool:
        return self.kinds is None or kind in self.kinds

    def matches(self, kind: str, words: set[str]) -> bool:
        """Every word that matters is there, and the kind is one asked for; a query of kind words alone
        ("when") matches every fact of that kind."""
        return (bool(self.stems) or self.kinds is not None) and self.fits(kind) and self.found(words) == len(self.stems)


def _same_word(a: str, b: str) -> bool:
    return len(a) >= 5 and len(b) >= 5 and a[:3] == b[:3] and fuzz.ratio(a, b) >= WORD_MATCH


def _topic_words(verdict: Verdict) -> set[str]:
    topic = verdict.topic
    texts = [topic.label, topic.id.replace("-", " "), *topic.aliases, *(c.said for c in topic.claims)]
    return {s for text in texts for s in content_stems(text)}


def _closeness(query: Query, texts: Sequence[str]) -> float:
    """How closely the texts read like the query, 0-100: to order the matches."""
    wanted = normalise(query.text).lower()
    return sum(fuzz.partial_ratio(wanted, t.lower()) for t in texts) / len(texts)


@dataclass(frozen=True)
class Found:
    """What a query found: topics stated by two or more sources, figures one source alone states, and, when
    neither, the topics that hold at least half of its words."""

    topics: list[Verdict]
    single: list[Claim]
    closest: list[Verdict]


def find(query_text: str, report: Report) -> Found:
    """The topics and single-source figures a query matches, closest reading first, a few of each; the
    closest topics only when nothing matches."""
    query = Query.read(query_text)
    words = {id(v): _topic_words(v) for v in report.verdicts}
    topics = [v for v in report.verdicts if query.matches(v.topic.kind, words[id(v)])]
    topics.sort(key=lambda v: (-_closeness(query, [v.topic.label, *(c.said for c in v.topic.claims)]), v.topic.id))
    single = [c for c in report.claims if report.reported_topic_id(c) is None
              and query.matches(c.kind, set(content_stems(c.said)))]
    single.sort(key=lambda c: (-_closeness(query, [c.said]), c.source, c.start))
    closest: list[Verdict] = []
    if not topics and not single and query.stems:
        near = [(query.found(words[id(v)]), v) for v in report.verdicts if query.fits(v.topic.kind)]
        near = [(n, v) for n, v in near if n and 2 * n >= len(query.stems)]
        closest = [v for _, v in sorted(near, key=lambda pair: (-pair[0], pair[1].topic.id))][:MAX_CLOSEST]
    return Found(topics[:MAX_MATCHES], single[:MAX_MATCHES], closest)


# A value typed alone is read by the grammar as a figure in a sentence: alone ("$9.6bn", "May 27, 1937"), or
# where its kind needs words around it, as an ordinal after a ranking verb or a count before what it counts.
_TYPED_IN = ("{}", "It ranks {}.", "{} items")


def value_meant(typed: str, verdict: Verdict) -> str | None:
    """The value of a topic that a person typed, however written: as a report shows it ("56,080", "4") or
    in any words the grammar reads as that value ("fourth", "$9.6 billion"); None when it is none of them."""
    values = {v.value for v in verdict.values}
    typed = " ".join(normalise(typed).split())  # as sources are read: one dash, one space, one quote
    as_shown = {as_written(value, verdict.topic.kind): value for value in values}
    if typed in values or typed in as_shown:
        return typed if typed in values else as_shown[typed]
    for frame in _TYPED_IN:
        sentence = frame.format(typed)
        start = frame.index("{}")
        for figure in find_figures(sentence):
            if (figure.start, figure.end) == (start, start + len(typed)) and figure.value.text in values:
                return figure.value.text
    return None
