"""Judge each topic: do its sources agree, fit together, or contradict each other? Then apply the
resolutions a person recorded in claims.toml."""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import combinations
from typing import Literal

from kzfr_check.claims import Claim, spans_apart
from kzfr_check.topics import Topic
from kzfr_check.values import DATE_KINDS, KINDS, Relation, Value, beside, relation

Status = Literal["agree", "compatible", "conflict", "resolved", "changed"]
STATUSES: tuple[Status, ...] = ("conflict", "resolved", "changed", "compatible", "agree")
# What a later edition may state otherwise because it changed or was measured again: all but dates, times of day
# and readings on a named scale (a storm's category at landfall, a quake's magnitude), which are of one past event.
CHANGING_KINDS = frozenset(KINDS) - DATE_KINDS - {"scale", "time"}


@dataclass(frozen=True)
class Resolution:
    """A person's decision on a conflict: which value is right, which values it overrules, and why."""

    topic: str
    accept: str
    overrules: tuple[str, ...]
    reason: str
    origin: str = "claims.toml"  # where it is written ("claims.toml:37"), for messages


@dataclass(frozen=True)
class ValueSupport:
    """One value of a topic and the claims (and so the sources) that state it."""

    value: str
    claims: tuple[Claim, ...]
    witnesses: int = 0  # independent witnesses among its sources (a reprint counts once)

    @cached_property  # read by sorting, judging and every report: the claims never change
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({c.source for c in self.claims}))


@dataclass(frozen=True)
class Suggestion:
    """The value a careful analyst would lean to, with why; `value` is None when it cannot decide."""

    value: str | None
    support: int
    against: int
    reason: str


@dataclass(frozen=True)
class Change:
    """One value at one stated period, for a topic whose values changed over time."""

    as_of: str
    value: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Verdict:
    topic: Topic
    status: Status
    values: tuple[ValueSupport, ...]
    notes: tuple[str, ...] = ()
    resolution: Resolution | None = None
    suggestion: Suggestion | None = None
    timeline: tuple[Change, ...] = ()


def _values(topic: Topic, witness: Mapping[str, str]) -> tuple[ValueSupport, ...]:
    by_text: dict[str, list[Claim]] = {}
    for claim in topic.claims:
        by_text.setdefault(claim.value.text, []).append(claim)
    supports = [ValueSupport(text, tuple(claims), len({witness.get(c.source, c.source) for c in claims}))
                for text, claims in by_text.items()]
    return tuple(sorted(supports, key=lambda v: (-len(v.sources), v.claims[0].value.low, v.value)))


Relations = list[list[Relation]]  # between the distinct values of a topic, by their places


def _relations(values: Sequence[ValueSupport]) -> Relations:
    """How each distinct value of a topic relates to each other (symmetric), computed once for the verdict:
    a topic that many sources state with many values asks for them all several times. Only the pairs
    that may not conflict are asked: of a big topic's 20,000 pairs, most are plainly apart."""
    firsts = [v.claims[0].value for v in values]
    related: Relations = [["conflict"] * len(firsts) for _ in firsts]
    for i, row in enumerate(related):
        row[i] = "agree"
    for i, j in _may_fit(firsts):
        related[i][j] = related[j][i] = relation(firsts[i], firsts[j])
    return related


def _may_fit(firsts: Sequence[Value]) -> Iterator[tuple[int, int]]:
    """The pairs (i < j) that relation() may not call a conflict: equal texts, or overlapping intervals.
    Of two overlapping intervals, the one that starts later starts inside the other, so with the
    values sorted by start each pair is found from its first one. A NaN bound overlaps nothing."""
    if firsts and firsts[0].kind == "time":  # (on clocks of other zones: any pair may fit)
        yield from combinations(range(len(firsts)), 2)
        return
    starts = sorted((a.low, i) for i, a in enumerate(firsts) if not math.isnan(a.low))
    lows = [low for low, _ in starts]
    for p, (_, i) in enumerate(starts):
        for _, j in starts[p + 1:bisect_right(lows, firsts[i].high, p + 1)]:
            yield min(i, j), max(i, j)
    same: dict[str, list[int]] = defaultdict(list)
    for i, a in enumerate(firsts):
        same[a.text].append(i)
    for places in same.values():
        yield from combinations(places, 2)


def _status(values: Sequence[ValueSupport], related: Relations, kind: str = "",
            dates: Mapping[str, str | None] | None = None) -> Status:
    """Conflict when two claims contradict each other; changed when every contradiction is between
    figures stated for different periods ('in 2021' / 'in 2022'), or, for what can change (a rank, an
    amount), between sources dated years apart. Judged per distinct value, with the periods it is
    stated for: a big topic repeats a few values."""
    if not any("conflict" in row for row in related):
        return "compatible" if any("compatible" in row for row in related) else "agree"
    periods = [{c.as_of or None for c in v.claims} for v in values]
    years = [_years(v, dates or {}) if kind in CHANGING_KINDS else None for v in values]
    # a value's years are those of every value that fits it: £9 billion in 2012 and about £9 billion in 2024
    # around £12 billion in 2020 is no change over time
    years = [None if any(years[k] is None for k in _kin(row, i)) else set().union(*(years[k] for k in _kin(row, i)))
             for i, row in enumerate(related)]
    conflicting = ((i, j) for i, row in enumerate(related) for j in range(i + 1, len(row)) if row[j] == "conflict")
    if all(((None not in periods[i] and None not in periods[j] and not periods[i] & periods[j])
            or _years_apart(years[i], years[j])) and _may_have_grown(values[i], values[j], dates or {})
           for i, j in conflicting):
        return "changed"
    return "conflict"


def _kin(row: Sequence[Relation], i: int) -> list[int]:
    """The value at place i and the values that fit it (its row of relations)."""
    return [i, *_fits(row)]


def _years(value: ValueSupport, dates: Mapping[str, str | None]) -> set[int] | None:
    """The years of the documents that state a value, or None when one of them is undated."""
    stated = [dates.get(source) for source in value.sources]
    return {int(d[:4]) for d in stated if d} if all(stated) else None


def _years_apart(a: set[int] | None, b: set[int] | None) -> bool:
    """Are two values stated by documents of years that do not meet, a full year or more apart? Then time
    may be what tells them apart (an edition of 2005 and one of 2024), not a contradiction."""
    return bool(a and b) and (max(a) + 1 < min(b) or max(b) + 1 < min(a))  # type: ignore[arg-type]


def _may_have_grown(a: ValueSupport, b: ValueSupport, dates: Mapping[str, str | None]) -> bool:
    """Two values stated for different periods are a change over time, unless they count what only grows
    (a death toll) and the later figure is the smaller: a toll never falls, so that is a contradiction."""
    if not any(c.only_grows for c in (*a.claims, *b.claims)):
        return True  # (a rate or share of deaths may fall: only a count of them only grows)
    if not all(c.as_of for c in (*a.claims, *b.claims)):
        return False  # a toll told at no date cannot be ordered in time
    earlier, later = sorted((a, b), key=lambda v: max(c.as_of or "" for c in v.claims))
    first, last = max(c.as_of or "" for c in earlier.claims), min(c.as_of or "" for c in later.claims)
    if first >= last:
        return False  # the periods interleave: no order to grow in
    if spans_apart(c.as_of for c in (*a.claims, *b.claims)):  # type: ignore[misc]
        return True  # the count of a span each, "1,840 cases in 2016" and "905 in 2012": no running total
    stated = [c.as_of for c in (*a.claims, *b.claims) if c.as_of]
    if int(max(stated)[:4]) - int(min(stated)[:4]) > 1 and not all(
            len(c.as_of) >= 7 and c.as_of != dates.get(c.source) for c in (*a.claims, *b.claims)):  # type: ignore[arg-type]
        # a total told years apart is settled, not running: ten or eleven died, not both; but a tally each source
        # states as of a day of its own ("As of 10 November 2019, ... 1,388 deaths") is running, as in an epidemic
        return False
    return later.claims[0].value.high >= earlier.claims[0].value.low


def _timeline(topic: Topic, dates: Mapping[str, str | None]) -> tuple[Change, ...]:
    """Each value at the period it is stated for, or else at the date of its document."""
    by_period: dict[tuple[str, str], set[str]] = {}
    for c in topic.claims:
        if when := c.as_of or dates.get(c.source):
            by_period.setdefault((when, c.value.text), set()).add(c.source)
    return tuple(Change(p, v, tuple(sorted(s))) for (p, v), s in sorted(by_period.items()))


def suggest(topic: Topic, values: Sequence[ValueSupport], witness: Mapping[str, str],
            dates: Mapping[str, str | None], related: Relations | None = None) -> Suggestion:
    """The value with the most independent support. A more precise claim supports the coarser value
    that contains it ('March 14, 1999' supports 1999); values that contradict nothing (a bound such
    as 'top 5') are not candidates. On a tie, for facts that change (ranks, counts, amounts), the
    value of the most recent dated document wins; for dated events a tie stays a tie."""
    related = _relations(values) if related is None else related
    firsts = [v.claims[0].value for v in values]
    # the values each one contains: the more precise ones that fit it
    holds = [[j for j in _fits(row) if _inside(firsts[j], firsts[i], "compatible")] for i, row in enumerate(related)]
    candidates = [i for i, row in enumerate(related) if "conflict" in row]
    # a value inside another disputed one ("1999-03-14" inside "1999") supports it, not itself; two that hold each
    # other (one interval, written two ways) are both candidates
    held = {j for i in candidates for j in holds[i] if i not in holds[j]}
    chosen = [i for i in candidates if i not in held]
    disputed = [values[i] for i in chosen]

    def inside(i: int) -> list[Claim]:
        return [c for j in sorted({i, *holds[i]}) for c in values[j].claims]

    def against(v: ValueSupport) -> set[str]:
        row = related[values.index(v)]
        return {witness.get(c.source, c.source) for j, w in enumerate(values) if row[j] == "conflict"
                for c in w.claims}

    backing = {values[i].value: inside(i) for i in chosen}
    support = {v.value: {witness.get(c.source, c.source) for c in backing[v.value]} for v in disputed}
    ranked = sorted(disputed, key=lambda v: (-len(support[v.value]), v.value))
    best = ranked[0]
    tied = [v for v in ranked if len(support[v.value]) == len(support[best.value])]
    why = "; ".join(_support_text(v.value, support[v.value], backing[v.value]) for v in ranked)
    if len(tied) > 1 and topic.kind in CHANGING_KINDS:
        latest = {v.value: max((d for c in v.claims if (d := dates.get(c.source))), default=None) for v in tied}
        if all(latest.values()) and len(set(latest.values())) == len(tied):
            best = max(tied, key=lambda v: latest[v.value] or "")
            return Suggestion(best.value, len(support[best.value]), len(against(best)),
                              f"{why}; the most recent source ({latest[best.value]}) says {best.value}")
    if len(tied) > 1:
        return Suggestion(None, len(support[best.value]), len(against(best)), f"cannot decide: {why}")
    return Suggestion(best.value, len(support[best.value]), len(against(best)), why)


def _fits(row: Sequence[Relation]) -> list[int]:
    """The places of the values that one value (its row of relations) is compatible with. Most
    values fit none, which `in` tells without a loop in Python."""
    return [j for j, r in enumerate(row) if r == "compatible"] if "compatible" in row else []


def _inside(inner: Value, outer: Value, related: Relation) -> bool:
    """A more precise value that the coarser one contains: 1999-03-14 in 1999, 9 in ~9."""
    low, high = beside(inner, outer)
    return related == "compatible" and inner.text != outer.text and outer.low <= low and high <= outer.high


def _support_text(value: str, witnesses: set[str], backing: Sequence[Claim]) -> str:
    """'1999: 3 independent sources, one with the more precise 1999-03-14'."""
    n = len(witnesses)
    text = f"{value}: {n} independent source{'s' if n != 1 else ''}"
    finer = sorted({c.value.text for c in backing if c.value.text != value})
    if finer:
        text += f", {'one' if len(finer) == 1 else len(finer)} with the more precise {_and(finer)}"
    return text


def dissenting(values: Sequence[ValueSupport], accepted: str) -> list[str]:
    """The values that contradict the accepted one (values that merely fit it are not dissent)."""
    chosen = next((v for v in values if v.value == accepted), None)
    if chosen is None:
        return [v.value for v in values if v.value != accepted]
    return [v.value for v in values
            if relation(v.claims[0].value, chosen.claims[0].value) == "conflict"]


def _notes(topic: Topic, values: Sequence[ValueSupport], dates: Mapping[str, str | None],
           related: Relations) -> list[str]:
    notes = []
    disputed = any("conflict" in row for row in related)
    for v, row in zip(values, related, strict=True):
        fits = _fits(row)
        if disputed and len(fits) > 1 and all(related[x][y] == "conflict"
                                              for n, x in enumerate(fits) for y in fits[n + 1:]):
            fitting = _and([values[j].value for j in fits])
            notes.append(f"{v.value} ({', '.join(v.sources)}) is compatible with {fitting}")
    # the dates of two contradicting values, when the sources of each are dated differently
    dated = [_dates(v, dates) for v in values]
    holders: dict[str, list[int]] = defaultdict(list)  # the values each date's sources state
    for j, days in enumerate(dated):
        for day in days:
            holders[day].append(j)
    known: set[str] = set()
    for i, row in enumerate(related):  # a date of one counts when the other side has a date unlike it
        if dated[i] <= known:
            continue  # nothing to add, whatever the other side's dates
        theirs = _dates_against(row, holders)
        if theirs:
            known |= dated[i] if len(theirs) > 1 else dated[i] - theirs
    if known:
        notes.append(f"sources dated {_and(sorted(known))}: may be a change over time")
    return notes


def _dates_against(row: Sequence[Relation], holders: Mapping[str, Sequence[int]]) -> set[str]:
    """The dates of the values that one value contradicts (its row), but at most two: past one, how
    many does not matter. Asked per date, not per value: a big topic has far fewer dates than pairs."""
    theirs: set[str] = set()
    for day, places in holders.items():
        if any(row[j] == "conflict" for j in places):
            theirs.add(day)
            if len(theirs) > 1:
                break
    return theirs


def _dates(value: ValueSupport, dates: Mapping[str, str | None]) -> set[str]:
    return {d for s in value.sources if (d := dates.get(s))}


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def judge(topic: Topic, dates: Mapping[str, str | None], resolutions: Mapping[str, Resolution],
          witness: Mapping[str, str] | None = None) -> Verdict:
    """The verdict on one topic. A conflict is resolved while every value that contradicts the
    accepted one is listed in the resolution's `overrules`; a new contradicting value reopens it."""
    witness = witness or {}
    values = _values(topic, witness)
    related = _relations(values)
    status = _status(values, related, topic.kind, dates)
    notes = _notes(topic, values, dates, related) if status == "conflict" else []
    suggestion = suggest(topic, values, witness, dates, related) if status == "conflict" else None
    timeline = _timeline(topic, dates) if status == "changed" else ()
    resolution = resolutions.get(topic.id)
    if status == "conflict" and resolution is not None:
        against = dissenting(values, resolution.accept)
        unresolved = [v for v in against if v not in resolution.overrules]
        if resolution.accept not in [v.value for v in values]:
            notes.append(f"the resolution accepts {resolution.accept}, which no source states")
        elif unresolved:
            notes.append(f"reopened: {_and(unresolved)} contradicts the accepted {resolution.accept} "
                         f"and is not overruled by the resolution at {resolution.origin}")
        else:
            status = "resolved"
    return Verdict(topic, status, values, tuple(notes), resolution, suggestion, timeline)


def stale_resolutions(verdicts: Sequence[Verdict], resolutions: Sequence[Resolution]) -> list[str]:
    """Resolutions that no longer decide anything: their topic has no conflict left, their accepted
    value is gone, or none of the values they overrule is stated any more."""
    by_topic = {v.topic.id: v for v in verdicts}
    warnings = []
    for r in resolutions:
        verdict = by_topic.get(r.topic)
        values = [v.value for v in verdict.values] if verdict else []
        if verdict is None:
            problem = "its topic no longer exists (no two sources state it)"
        elif r.accept not in values:
            problem = f"the accepted value {r.accept} is no longer stated (values: {_and(values)})"
        elif not set(r.overrules) & set(values):
            problem = f"it overrules {_and(list(r.overrules)) if r.overrules else 'nothing'}, which no source states"
        elif verdict.status not in ("conflict", "resolved"):
            problem = f"the topic is no longer in conflict ({verdict.status})"
        else:
            continue
        warnings.append(f"{r.origin}: stale resolution of '{r.topic}': {problem}")
    return warnings


def judge_all(topics: Sequence[Topic], dates: Mapping[str, str | None],
              resolutions: Sequence[Resolution], witness: Mapping[str, str] | None = None) -> list[Verdict]:
    """Verdicts on every topic stated by two or more sources, conflicts first."""
    by_topic = {r.topic: r for r in resolutions}
    verdicts = [judge(t, dates, by_topic, witness) for t in topics if _stated_by_two(t)]
    return sorted(verdicts, key=lambda v: (STATUSES.index(v.status), v.topic.id))


def _stated_by_two(topic: Topic) -> bool:
    """len(topic.sources) >= 2, without collecting and sorting the sources of every topic."""
    return any(c.source != topic.claims[0].source for c in topic.claims)
