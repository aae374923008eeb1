"""The kzfr-check/1 JSON contract: stable field names, every claim with its quote and span."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from json.encoder import encode_basestring
from typing import Any

from kzfr_check.claims import Claim
from kzfr_check.pipeline import Report
from kzfr_check.report import RenderOptions, suggestion_reason
from kzfr_check.verdicts import Verdict

SCHEMA = "kzfr-check/1"


def claim_json(claim: Claim, topic: str | None = None) -> dict[str, Any]:
    """The fields of a claim; `_claim_line` writes the same ones faster, and a test holds it to them."""
    data: dict[str, Any] = {
        "source": claim.source, "line": claim.line, "start": claim.start, "end": claim.end,
        "quote": claim.quote, "text": claim.text, "value": claim.value.text, "kind": claim.kind,
        "language": claim.language,
    }
    if claim.counted:
        data["counted"] = claim.counted
    if claim.as_of:
        data["as_of"] = claim.as_of
    if topic is not None:
        data["topic"] = topic
    return data


def verdict_json(verdict: Verdict, report: Report, claim: Callable[[Claim], Any] = claim_json) -> dict[str, Any]:
    """The topic of a verdict, with what the report knows of it (its independent witnesses, why a suggestion
    cannot decide). `claim` writes each claim of the topic: `render_chunks` has each written as its line of
    JSON at once."""
    topic = verdict.topic
    resolution = verdict.resolution
    return {
        "id": topic.id, "label": topic.label, "kind": topic.kind, "status": verdict.status,
        "declared": topic.declared, "witnesses": report.witness_count(topic.sources),
        "values": [{"value": v.value, "sources": list(v.sources), "witnesses": v.witnesses} for v in verdict.values],
        "claims": [claim(c) for c in topic.claims],
        "notes": list(verdict.notes),
        "suggestion": None if verdict.suggestion is None else {
            "value": verdict.suggestion.value, "support": verdict.suggestion.support,
            "against": verdict.suggestion.against, "reason": suggestion_reason(report, verdict)},
        "timeline": [{"as_of": c.as_of, "value": c.value, "sources": list(c.sources)} for c in verdict.timeline],
        "resolution": None if resolution is None else {
            "accept": resolution.accept, "overrules": list(resolution.overrules), "reason": resolution.reason},
    }


def document(report: Report, verdicts: list[Verdict] | None = None) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "sources": [{"id": s.id, "path": s.path, "date": str(s.date) if s.date else None,
                     "encoding": s.encoding, "language": s.language} for s in report.sources],
        "topics": [verdict_json(v, report) for v in (report.verdicts if verdicts is None else verdicts)],
        "summary": report.summary,
        "warnings": list(report.warnings),
        "witnesses": [list(group) for group in report.witnesses],
        "variants": [{"names": list(v.names),
                      "quotes": [{"source": c.source, "line": c.line, "quote": c.quote} for c in v.claims]}
                     for v in report.variants],
    }


_ONE_LINE = json.JSONEncoder(ensure_ascii=False)  # no indent: the C encoder


def dumps(data: Any) -> str:
    """Indented JSON, with each record on one line: an object or array of plain values (or arrays of them),
    such as a claim. Easier to read and grep, and several times faster to write, than indenting every field
    (json's C encoder only writes without indent)."""
    return _indented(data, "") + "\n"


def _indented(data: Any, indent: str) -> str:
    if isinstance(data, dict) and data and not _is_record(data.values()):
        inner = indent + "  "
        fields = [f"{inner}{_ONE_LINE.encode(key)}: {_indented(value, inner)}" for key, value in data.items()]
        return "{\n" + ",\n".join(fields) + f"\n{indent}}}"
    if isinstance(data, list) and data and not _is_record(data):
        inner = indent + "  "
        return "[\n" + ",\n".join(inner + _indented(item, inner) for item in data) + f"\n{indent}]"
    return _ONE_LINE.encode(data)


def _is_record(values: Iterable[Any]) -> bool:
    """Plain values, or arrays of them: written on one line."""
    for value in values:
        kind = type(value)
        if kind is dict or (kind is list and any(type(item) in _NESTED for item in value)):
            return False
    return True


_NESTED = (dict, list)


def _verdict(verdict: Verdict, report: Report, indent: str) -> str:
    """`_indented(verdict_json(verdict, report), indent)`, byte for byte, in half the time. A verdict with claims is
    written over several lines, its claims one a line: so each claim, most of a report, is written at once
    by `_claim_line`, with no dict built or asked whether it is a record."""
    if not verdict.topic.claims:  # then perhaps a record, on one line
        return _indented(verdict_json(verdict, report), indent)
    inner = indent + "  "
    fields = []
    for key, value in verdict_json(verdict, report, claim=_claim_line).items():
        if key == "claims":
            lines = f",\n{inner}  ".join(value)
            fields.append(f'{inner}"claims": [\n{inner}  {lines}\n{inner}]')
        else:
            fields.append(f"{inner}{encode_basestring(key)}: {_indented(value, inner)}")
    return "{\n" + ",\n".join(fields) + f"\n{indent}}}"


def _claim_line(claim: Claim) -> str:
    """`_ONE_LINE.encode(claim_json(claim))`, byte for byte (tests/test_formats.py holds them to it), in half
    the time: the fields of `claim_json` in its order, strings escaped by json's own function, ints as str()
    writes them, as json does."""
    line = (f'{{"source": {encode_basestring(claim.source)}, "line": {claim.line}, "start": {claim.start}, '
            f'"end": {claim.end}, "quote": {encode_basestring(claim.quote)}, "text": {encode_basestring(claim.text)}, '
            f'"value": {encode_basestring(claim.value.text)}, "kind": {encode_basestring(claim.kind)}, '
            f'"language": {encode_basestring(claim.language)}')
    if claim.counted:
        line += f', "counted": {encode_basestring(claim.counted)}'
    if claim.as_of:
        line += f', "as_of": {encode_basestring(claim.as_of)}'
    return line + "}"


def render(report: Report, options: RenderOptions | None = None) -> str:
    return "".join(render_chunks(report, options))


def render_chunks(report: Report, options: RenderOptions | None = None) -> Iterator[str]:
    """The document of `render`, byte for byte, one topic at a time: the report of a big corpus is
    written out without ever being whole in memory."""
    empty = '\n  "topics": [],\n'
    head, tail = dumps(document(report, verdicts=[])).split(empty, 1)
    if not report.verdicts:
        yield head + empty + tail
        return
    yield head + '\n  "topics": ['
    for n, verdict in enumerate(report.verdicts):
        yield ("," if n else "") + "\n    " + _verdict(verdict, report, "    ")
    yield "\n  ],\n" + tail
