"""Judge each topic: do its sources agree, fit together, or contradict each other? Then apply the
resolutions a person recorded in claims.toml."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from kzfr_check.claims import Claim
from kzfr_check.topics import Topic
from kzfr_check.values import relation

Status = Literal["agree", "compatible", "conflict", "resolved"]
STATUSES: tuple[Status, ...] = ("conflict", "resolved", "compatible", "agree")


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

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({c.source for c in self.claims}))


@dataclass(frozen=True)
class Verdict:
    topic: Topic
    status: Status
    values: tuple[ValueSupport, ...]
    notes: tuple[str, ...] = ()
    resolution: Resolution | None = None


def _values(topic: Topic) -> tuple[ValueSupport, ...]:
    by_text: dict[str, list[Claim]] = {}
    for claim in topic.claims:
        by_text.setdefault(claim.value.text, []).append(claim)
    supports = [ValueSupport(text, tuple(claims)) for text, claims in by_text.items()]
    return tuple(sorted(supports, key=lambda v: (-len(v.sources), v.claims[0].value.low, v.value)))


def _status(topic: Topic) -> Status:
    relations = {relation(a.value, b.value) for i, a in enumerate(topic.claims) for b in topic.claims[i + 1:]}
    if "conflict" in relations:
        return "conflict"
    return "compatible" if "compatible" in relations else "agree"


def dissenting(values: Sequence[ValueSupport], accepted: str) -> list[str]:
    """The values that contradict the accepted one (values that merely fit it are not dissent)."""
    chosen = next((v for v in values if v.value == accepted), None)
    if chosen is None:
        return [v.value for v in values if v.value != accepted]
    return [v.value for v in values
            if relation(v.claims[0].value, chosen.claims[0].value) == "conflict"]


def _notes(topic: Topic, values: Sequence[ValueSupport], dates: Mapping[str, str | None]) -> list[str]:
    notes = []
    conflicting = [(a, b) for i, a in enumerate(values) for b in values[i + 1:]
                   if relation(a.claims[0].value, b.claims[0].value) == "conflict"]
    for v in values:
        fits = [w.value for w in values if w is not v
                and relation(v.claims[0].value, w.claims[0].value) == "compatible"]
        if conflicting and len(fits) > 1 and all(
                relation(x.claims[0].value, y.claims[0].value) == "conflict"
                for i, x in enumerate([w for w in values if w.value in fits])
                for y in [w for w in values if w.value in fits][i + 1:]):
            notes.append(f"{v.value} ({', '.join(v.sources)}) is compatible with {_and(fits)}")
    known = sorted({d for a, b in conflicting
                    for da in _dates(a, dates) for db in _dates(b, dates) if da != db for d in (da, db)})
    if known:
        notes.append(f"sources dated {_and(known)}: may be a change over time")
    return notes


def _dates(value: ValueSupport, dates: Mapping[str, str | None]) -> set[str]:
    return {d for s in value.sources if (d := dates.get(s))}


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def judge(topic: Topic, dates: Mapping[str, str | None], resolutions: Mapping[str, Resolution]) -> Verdict:
    """The verdict on one topic. A conflict is resolved while every value that contradicts the
    accepted one is listed in the resolution's `overrules`; a new contradicting value reopens it."""
    values = _values(topic)
    status = _status(topic)
    notes = _notes(topic, values, dates) if status == "conflict" else []
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
    return Verdict(topic, status, values, tuple(notes), resolution)


def stale_resolutions(verdicts: Sequence[Verdict], resolutions: Sequence[Resolution]) -> list[str]:
    """Resolutions that no longer decide anything: their topic has no conflict left, their accepted
    value is gone, or none of the values they overrule is stated any more."""
    by_topic = {v.topic.id: v for v in verdicts}
    warnings = []
    for r in resolutions:
        verdict = by_topic.get(r.topic)
        values = [v.value for v in verdict.values] if verdict else []
        if verdict is None:
            problem = "its topic is no longer stated by two sources"
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
              resolutions: Sequence[Resolution]) -> list[Verdict]:
    """Verdicts on every topic stated by two or more sources, conflicts first."""
    by_topic = {r.topic: r for r in resolutions}
    verdicts = [judge(t, dates, by_topic) for t in topics if len(t.sources) >= 2]
    return sorted(verdicts, key=lambda v: (STATUSES.index(v.status), v.topic.id))
