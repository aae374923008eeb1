"""GitHub Actions workflow commands: an annotation on each quote that dissents in a conflict.

Unresolved conflicts give `::error` lines, resolved ones `::notice` lines on the overruled quotes.
"""

from __future__ import annotations

from kzfr_check.claims import Claim
from kzfr_check.errors import printable
from kzfr_check.pipeline import Report
from kzfr_check.report import RenderOptions, as_written, fold, resolve_command, values_as_written
from kzfr_check.report.sarif import figure_span, value_text
from kzfr_check.sources import Document
from kzfr_check.values import relation
from kzfr_check.verdicts import ValueSupport, Verdict, dissenting


def escape_data(text: str) -> str:
    """A command's message: %, CR and LF would end or corrupt the command; any other control character (an
    escape sequence, a bell) is shown as its escape."""
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """A property value: also : and , which separate the properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, str | int], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name} {props}::{escape_data(message)}\n"


def dissent(verdict: Verdict) -> tuple[ValueSupport, ...]:
    """The values to annotate. Against a resolution: those contradicting the accepted value (for an
    open conflict, only those it does not overrule yet). Without one, against the suggested value:
    those that contradict it, never the lines that agree with it or fit it (1937-05-27 beside 1937).
    When nothing is suggested, every value that contradicts another; a value that fits them all ("top 5"
    beside "4" and "3") is not dissent."""
    values, r = verdict.values, verdict.resolution
    if r is not None and r.accept in [v.value for v in values]:
        against = set(dissenting(values, r.accept))
        if verdict.status == "conflict":
            against -= set(r.overrules)
        return tuple(v for v in values if v.value in against)
    if verdict.suggestion is not None and verdict.suggestion.value is not None:
        against = set(dissenting(values, verdict.suggestion.value))
        return tuple(v for v in values if v.value in against)
    return tuple(v for v in values if contradicted_by(verdict, v))


def contradicted_by(verdict: Verdict, value: ValueSupport) -> tuple[ValueSupport, ...]:
    """The other values of the topic that cannot be true with this one (values that merely fit it are left out)."""
    return tuple(w for w in verdict.values
                 if w is not value and relation(value.claims[0].value, w.claims[0].value) == "conflict")


def _location(claim: Claim, source: Document) -> dict[str, str | int]:
    span = figure_span(claim, source)
    where: dict[str, str | int] = {"file": source.path, "line": span.start_line}
    if span.end_line != span.start_line:
        where["endLine"] = span.end_line
    elif span.start_column is not None and span.end_column is not None:
        # GitHub's end column is the figure's last character, SARIF's the one after it.
        where |= {"col": span.start_column, "endColumn": span.end_column - 1}
    return where


def _annotation(verdict: Verdict, value: ValueSupport, claim: Claim, source: Document) -> str:
    topic = verdict.topic
    others = "; ".join(map(value_text, contradicted_by(verdict, value)))
    said = f"{claim.source} says {as_written(value.value, topic.kind)}: “{fold(claim.quote).strip()}”"
    if verdict.status == "resolved" and verdict.resolution is not None:
        r = verdict.resolution
        lines = [said, f"Overruled: {as_written(r.accept, topic.kind)} is accepted ({r.reason})", f"Topic: {topic.id}"]
        return command("notice", _location(claim, source) | {"title": f"Resolved: {topic.label}"}, "\n".join(lines))
    notes = [f"Note: {values_as_written(note, verdict)}" for note in verdict.notes]
    lines = [said, f"Contradicted by: {others}", *notes, f"Topic: {topic.id}",
             f"To settle it: {resolve_command(verdict)}"]
    return command("error", _location(claim, source) | {"title": f"Conflict: {topic.label}"}, "\n".join(lines))


def render(report: Report, options: RenderOptions) -> str:
    sources = {s.id: s for s in report.sources}
    return "".join(_annotation(verdict, value, claim, sources[claim.source])
                   for verdict in report.verdicts if verdict.status in ("conflict", "resolved")
                   for value in dissent(verdict) for claim in value.claims)
