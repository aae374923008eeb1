"""Output formats: one module each behind one interface, `render(report, options) -> str`.

Adding a format is one new module with a `render` function and one line in FORMATS. Modules are
imported only when their format is asked for, to keep start-up fast.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Protocol

from kzfr_check.errors import printable

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from kzfr_check.claims import Claim
    from kzfr_check.pipeline import Report
    from kzfr_check.verdicts import Verdict

# format name -> module under kzfr_check.report
FORMATS = {
    "text": "terminal",
    "json": "json",
    "markdown": "markdown",
    "sarif": "sarif",
    "github": "github",
    "html": "html",
}


@dataclass(frozen=True)
class RenderOptions:
    """What a person asked of the output; each format uses what applies to it."""

    show_all: bool = False  # also topics that agree or are compatible (text)
    color: bool = False
    width: int = 100


class Renderer(Protocol):
    def __call__(self, report: Report, options: RenderOptions) -> str: ...


def renderer(name: str) -> Renderer:
    """The render function of a format."""
    return import_module(f"kzfr_check.report.{FORMATS[name]}").render  # type: ignore[no-any-return]


def chunk_renderer(name: str) -> Callable[[Report, RenderOptions], Iterable[str]]:
    """A format's output in pieces to write one after the other: a format that can stream its output
    (json) says so with `render_chunks`; any other gives its whole text as one piece."""
    module = import_module(f"kzfr_check.report.{FORMATS[name]}")
    if hasattr(module, "render_chunks"):
        return module.render_chunks  # type: ignore[no-any-return]
    return lambda report, options: [module.render(report, options)]


def fold(text: str) -> str:
    """Text on one line: every run of whitespace, line breaks included, becomes one space."""
    return re.sub(r"\s+", " ", text)


def quote_parts(claim: Claim) -> tuple[str, str, str]:
    """A claim's sentence as the source wrote it, folded onto one line (control characters shown as escapes) and
    cut around its figure, for a format to highlight the middle part."""
    start, end = claim.figure_in_quote
    return (printable(fold(claim.quote[:start]).lstrip()), printable(fold(claim.quote[start:end])),
            printable(fold(claim.quote[end:]).rstrip()))


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


# A number of four digits or more, not a part of a decimal fraction: its digits are grouped for people to read.
_LONG_NUMBER = re.compile(r"(?<![\d.,])\d{4,}")


def as_written(value: str, kind: str) -> str:
    """A normalised value as people write it: '56,080', 'USD 9,600', '≥12,000 km'. Dates, periods and
    anniversaries keep their form (1937, not 1,937). Only for people: the JSON keeps the normalised value,
    and `resolve --accept` takes either."""
    from kzfr_check.values import DATE_KINDS  # here: the grammar is not loaded for --help

    if kind in DATE_KINDS:
        return value
    return _LONG_NUMBER.sub(lambda m: f"{int(m[0]):,}", value)


def values_as_written(text: str, verdict: Verdict) -> str:
    """A note or a reason about a topic with the topic's values in it as people write them ('~8,000: 1
    independent source'), for the formats people read; the JSON keeps the text as the verdict wrote it."""
    kind = verdict.topic.kind
    written = {v.value: as_written(v.value, kind) for v in verdict.values}
    written = {value: people for value, people in written.items() if people != value}
    if not written:
        return text
    alternatives = "|".join(map(re.escape, sorted(written, key=len, reverse=True)))
    return re.sub(rf"(?<![\w.,])(?:{alternatives})(?![\w]|[.,]\d)", lambda m: written[m[0]], text)


def summary_counts(summary: dict[str, int]) -> tuple[str, str, str]:
    """The summary line in three parts, for a format to mark the middle one (the conflicts):
    '5 sources, 47 claims, 10 topics: ', '2 conflicts', ', 0 resolved, … 8 agree (…)'."""
    s = summary
    uncorroborated = (f" ({s['uncorroborated']} of them on one witness, not corroborated)"
                      if s["uncorroborated"] else "")
    return (f"{plural(s['sources'], 'source')}, {plural(s['claims'], 'claim')}, {plural(s['topics'], 'topic')}: ",
            plural(s["conflict"], "conflict"),
            f", {s['resolved']} resolved, {s['changed']} changed, {s['compatible']} compatible, {s['agree']} agree"
            + uncorroborated)


def counted(sources: int, witnesses: int) -> str:
    """'2 sources, 1 independent': files, and the independent witnesses they are when fewer."""
    text = plural(sources, "source")
    return text if witnesses >= sources else f"{text}, {witnesses} independent"


def uncorroborated_text(report: Report, verdict: Verdict) -> str | None:
    """What to say of a topic that agrees on one witness alone, or None when it is corroborated."""
    if report.corroborated(verdict):
        return None
    sources = verdict.topic.sources
    if len(sources) == 1:
        return f"not corroborated: stated by {sources[0]} alone"
    return f"not corroborated: one witness ({', '.join(sources)} are one text, reprinted or translated)"


def resolve_command(verdict: Verdict) -> str:
    """The command that settles a conflict, to copy: the value accepted already (a reopened conflict),
    else the suggested one, else VALUE for a person to choose."""
    values = [v.value for v in verdict.values]
    accepted = verdict.resolution.accept if verdict.resolution else None
    chosen = accepted if accepted in values else verdict.suggestion.value if verdict.suggestion else None
    value = shlex.quote(as_written(chosen, verdict.topic.kind)) if chosen else "VALUE"
    return f'kzfr-check resolve {shlex.quote(verdict.topic.id)} --accept {value} --reason "…"'


def suggestion_reason(report: Report, verdict: Verdict) -> str:
    """The suggestion's reason, and when it cannot decide, what stops it: a fact that changes goes to the
    most recent dated source, which needs every disputed value stated by a dated source, at different dates."""
    from kzfr_check.values import relation
    from kzfr_check.verdicts import CHANGING_KINDS

    suggestion = verdict.suggestion
    assert suggestion is not None
    if suggestion.value is not None:
        return suggestion.reason
    if verdict.topic.kind not in CHANGING_KINDS:
        return (f"{suggestion.reason} (a tie; a dated event does not change over time, so the most recent "
                "source cannot settle it)")
    dates = {s.id: s.date for s in report.sources}
    disputed = [v for v in verdict.values if any(
        relation(v.claims[0].value, w.claims[0].value) == "conflict" for w in verdict.values if w is not v)]
    undated = [v for v in disputed if not any(dates.get(source) for source in v.sources)]
    if undated:
        named = "; ".join(f"{v.value} is stated only by {_undated(v.sources)}" for v in undated)
        return f"{suggestion.reason} (a tie of a fact that changes goes to the most recent dated source, but {named})"
    return (f"{suggestion.reason} (a tie of a fact that changes goes to the most recent dated source, but the "
            "latest sources of the values are dated alike)")


def suggestion_as_written(report: Report, verdict: Verdict) -> str:
    """The suggestion's reason for people to read: its values as people write them."""
    return values_as_written(suggestion_reason(report, verdict), verdict)


def _undated(sources: tuple[str, ...]) -> str:
    return f"{sources[0]}, which is undated" if len(sources) == 1 else f"undated sources ({', '.join(sources)})"
