"""SARIF 2.1.0 for code-scanning tools: one result per conflict, a location per quote of it.

Resolved conflicts stay in the log as suppressed results, so a code-scanning service closes them
instead of forgetting them; fingerprints hash what the conflict is about, never where it is, so a
result keeps its identity when lines move.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from kzfr_check import __version__
from kzfr_check.claims import Claim
from kzfr_check.pipeline import Report
from kzfr_check.report import RenderOptions, as_written, fold, resolve_command, values_as_written
from kzfr_check.report.json import dumps
from kzfr_check.sources import Document
from kzfr_check.values import KINDS
from kzfr_check.verdicts import ValueSupport, Verdict

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://example.org/kzfr-check"  # where kzfr-check is hosted, as in the README
FINGERPRINT = "kzfrConflict/v1"
# The text of an HTML source is extracted from its markup, so offsets in it give lines of the file
# (kept by the parser) but not columns.
MARKUP_SUFFIXES = frozenset({".html", ".htm"})


@dataclass(frozen=True)
class Span:
    """Where a claim's figure is in its file: 1-based lines and, when known, 1-based columns with
    the end column just past the figure's last character (SARIF's convention)."""

    start_line: int
    end_line: int
    start_column: int | None = None
    end_column: int | None = None


def figure_span(claim: Claim, source: Document) -> Span:
    """The figure's lines and columns in the source file, counted in Unicode code points."""
    last = max(claim.end - 1, claim.start)
    start_line, end_line = source.line_of(claim.start), source.line_of(last)
    if PurePosixPath(source.path).suffix.lower() in MARKUP_SUFFIXES:
        return Span(start_line, end_line)
    return Span(start_line, end_line, claim.start - source.line_start(claim.start) + 1,
                claim.end - source.line_start(last) + 1)


def rule_id(kind: str) -> str:
    return f"kzfr/conflict/{kind}"


def fingerprint(verdict: Verdict) -> str:
    """The identity of a conflict: its topic and the values stated, not the lines stating them."""
    key = "\0".join([verdict.topic.id, *sorted(v.value for v in verdict.values)])
    return hashlib.sha256(key.encode()).hexdigest()


def value_text(value: ValueSupport) -> str:
    """'1937 (000, 001, 002; 2 independent)': a value as people write it, its sources, and the witnesses they
    are when fewer."""
    independent = f"; {value.witnesses} independent" if value.witnesses < len(value.sources) else ""
    return f"{as_written(value.value, value.claims[0].kind)} ({', '.join(value.sources)}{independent})"


def values_text(verdict: Verdict) -> str:
    return "; ".join(map(value_text, verdict.values))


def _uri(path: str) -> str:
    posix = PurePosixPath(path)
    return posix.as_uri() if posix.is_absolute() else quote(path)


def _rule(kind: str) -> dict[str, Any]:
    return {
        "id": rule_id(kind),
        "name": f"{kind.capitalize()}Conflict",
        "shortDescription": {"text": f"Sources state contradicting {kind} values for the same fact."},
        "fullDescription": {"text": f"Two or more sources state values of kind {kind} for the same fact, and "
                                    "the values cannot all be true."},
        "help": {"text": "Decide which value is right, then record it with `kzfr-check resolve TOPIC --accept "
                         "VALUE --reason TEXT`; the values it contradicts are then overruled in claims.toml. Each "
                         "result's message ends with that command for its topic, with the suggested value if any."},
        "defaultConfiguration": {"level": "error"},
        "properties": {"tags": ["kzfr-check", kind]},
    }


def _location(claim: Claim, source: Document) -> dict[str, Any]:
    span = figure_span(claim, source)
    region: dict[str, Any] = {"startLine": span.start_line, "endLine": span.end_line}
    if span.start_column is not None:
        # the snippet is the region's text: the figure, when the columns are known
        region |= {"startColumn": span.start_column, "endColumn": span.end_column, "snippet": {"text": claim.text}}
    language = f" (in {claim.language})" if claim.language != "en" else ""  # the quote is never translated
    said = f"{claim.source} says {as_written(claim.value.text, claim.kind)}{language}: “{fold(claim.quote).strip()}”"
    return {
        "physicalLocation": {"artifactLocation": {"uri": _uri(source.path)}, "region": region},
        "message": {"text": said},
        "properties": {"language": claim.language},
    }


def _message(verdict: Verdict) -> str:
    text = f"{verdict.topic.label} [{verdict.topic.id}]: sources disagree: {values_text(verdict)}."
    if verdict.status == "resolved" and verdict.resolution is not None:
        r = verdict.resolution
        overruled = ", ".join(as_written(v, verdict.topic.kind) for v in r.overrules) or "nothing"
        text += f" Resolved: {as_written(r.accept, verdict.topic.kind)} accepted over {overruled} ({r.reason})."
    settle = [f"To settle it: {resolve_command(verdict)}"] if verdict.status == "conflict" else []
    return " ".join([text, *(f"Note: {values_as_written(note, verdict)}." for note in verdict.notes), *settle])


def _result(verdict: Verdict, rule_index: int, sources: dict[str, Document]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": rule_id(verdict.topic.kind),
        "ruleIndex": rule_index,
        "level": "error" if verdict.status == "conflict" else "note",
        "message": {"text": _message(verdict)},
        "locations": [_location(claim, sources[claim.source]) for value in verdict.values for claim in value.claims],
        "partialFingerprints": {FINGERPRINT: fingerprint(verdict)},
        "properties": {"topic": verdict.topic.id, "status": verdict.status,
                       "values": [v.value for v in verdict.values]},
    }
    if verdict.status == "resolved" and verdict.resolution is not None:
        result["suppressions"] = [
            {"kind": "external", "status": "accepted", "justification": verdict.resolution.reason}]
    return result


def document(report: Report) -> dict[str, Any]:
    judged = [v for v in report.verdicts if v.status in ("conflict", "resolved")]
    used = {v.topic.kind for v in judged}
    kinds = [kind for kind in KINDS if kind in used] + sorted(used - set(KINDS))
    sources = {s.id: s for s in report.sources}
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "kzfr-check", "informationUri": INFORMATION_URI, "version": __version__,
                                "rules": [_rule(kind) for kind in kinds]}},
            "columnKind": "unicodeCodePoints",
            "results": [_result(v, kinds.index(v.topic.kind), sources) for v in judged],
        }],
    }


def render(report: Report, options: RenderOptions) -> str:
    return dumps(document(report))
