"""Markdown for a pull-request comment or a briefing: each open conflict with the quotes it rests on,
then the decisions taken, then the topics that agree, folded away.

Everything taken from sources or claims.toml is escaped, so a quote holding `|`, backticks or HTML
can neither break a table nor inject markup.
"""

from __future__ import annotations

import re

from kzfr_check.claims import Claim
from kzfr_check.errors import printable
from kzfr_check.pipeline import Report
from kzfr_check.report import (
    RenderOptions,
    as_written,
    counted,
    plural,
    quote_parts,
    resolve_command,
    suggestion_as_written,
    summary_counts,
    values_as_written,
)
from kzfr_check.sources import Document
from kzfr_check.verdicts import Verdict

# Characters that start Markdown or GitHub markup anywhere in a line ($ is GitHub's math).
_SPECIAL = re.compile(r"([\\`*_\[\]|~$])")


def escape(text: str) -> str:
    """Text shown as written: on one line, control characters as escapes, HTML neutralised, Markdown markup
    backslash-escaped."""
    text = printable(re.sub(r"\s+", " ", text))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", text)


def code(text: str) -> str:
    """A code span that holds any text: its fence is longer than any run of backticks inside, and a
    `|` is escaped, which GitHub's tables require even in code."""
    text = printable(re.sub(r"\s+", " ", text)).replace("|", "\\|")
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def quote(claim: Claim) -> str:
    """The sentence as the source wrote it, on one line, its figure in bold."""
    before, figure, after = quote_parts(claim)
    return f"“{escape(before)}**{escape(figure)}**{escape(after)}”"


def _row(*cells: str) -> str:
    return f"| {' | '.join(cells)} |"


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    return [_row(*header), _row(*("---" for _ in header)), *(_row(*row) for row in rows)]


def _topic(verdict: Verdict) -> str:
    return f"{escape(verdict.topic.label)} ({code(verdict.topic.id)})"


def _source(source: Document, claim: Claim) -> str:
    """The source of a quote, its date, and the quote's language when it is not English (never translated)."""
    dated = f", dated {source.date}" if source.date else ""
    language = f", in {claim.language}" if claim.language != "en" else ""
    return f"{code(source.id)}{dated}{language}"


def _counted(report: Report, verdict: Verdict) -> str:
    return counted(len(verdict.topic.sources), report.witness_count(verdict.topic.sources))


def _conflict(verdict: Verdict, report: Report, sources: dict[str, Document]) -> list[str]:
    rows = []
    for value in verdict.values:
        for index, claim in enumerate(value.claims):
            source = sources[claim.source]
            first = f"**{code(as_written(value.value, verdict.topic.kind))}**" if index == 0 else ""
            rows.append((first, _source(source, claim), quote(claim),
                         code(f"{source.path}:{claim.line}")))
    lines = [f"## Conflict: {escape(verdict.topic.label)}", "", f"Topic: {code(verdict.topic.id)}", "",
             f"Kind {escape(verdict.topic.kind)}: "
             f"{plural(len(verdict.values), 'value')} from {_counted(report, verdict)}.", "",
             *_table(("value", "source", "quote", "file:line"), rows)]
    if verdict.notes:
        lines += ["", *(f"- Note: {escape(values_as_written(note, verdict))}" for note in verdict.notes)]
    if verdict.suggestion:
        lines += [] if verdict.notes else [""]
        lines.append(f"- Suggestion: {suggestion_text(verdict, report)}")
    return [*lines, "", "To settle it:", "", "```sh", resolve_command(verdict), "```", ""]


def suggestion_text(verdict: Verdict, report: Report) -> str:
    s = verdict.suggestion
    assert s is not None
    value = as_written(s.value, verdict.topic.kind) if s.value else ""
    lead = f"**{code(value)}** ({s.support} for, {s.against} against). " if s.value else ""
    return f"{lead}{escape(suggestion_as_written(report, verdict))}"


def _changed(verdicts: list[Verdict]) -> list[str]:
    lines = ["## Changed over time", ""]
    for verdict in verdicts:
        rows = [(code(c.as_of), code(as_written(c.value, verdict.topic.kind)), ", ".join(code(s) for s in c.sources))
                for c in verdict.timeline]
        lines += [f"### {_topic(verdict)}", "", *_table(("as of", "value", "sources"), rows), ""]
    return lines


def _notices(report: Report) -> list[str]:
    lines = ["## Notices", ""]
    for group in report.witnesses:
        lines.append(f"- One witness: {', '.join(code(s) for s in group)} are one text, reprinted or translated; "
                     "their support counts once.")
    for variant in report.variants:
        a, b = variant.claims
        lines.append(f"- Name spelled two ways: {escape(variant.names[0])} ({code(f'{a.source}:{a.line}')}) and "
                     f"{escape(variant.names[1])} ({code(f'{b.source}:{b.line}')}).")
    return [*lines, ""]


def _resolved(verdicts: list[Verdict]) -> list[str]:
    rows = []
    for verdict in verdicts:
        r = verdict.resolution
        assert r is not None
        kind = verdict.topic.kind
        overruled = ", ".join(code(as_written(v, kind)) for v in r.overrules) or "-"
        rows.append((_topic(verdict), code(as_written(r.accept, kind)), overruled, escape(r.reason)))
    return ["## Resolved", "", *_table(("topic", "accepted", "overruled", "reason"), rows), ""]


def _settled(verdicts: list[Verdict], report: Report) -> list[str]:
    rows = [(_topic(v), v.status if report.corroborated(v) else f"{v.status}, **not corroborated** (one witness)",
             "; ".join(f"{code(as_written(value.value, v.topic.kind))} ({counted(len(value.sources), value.witnesses)})"
                       for value in v.values))
            for v in verdicts]
    summary = f"{plural(len(verdicts), 'topic')} where the sources agree or are compatible"
    return ["<details>", f"<summary>{summary}</summary>", "",
            *_table(("topic", "status", "values"), rows), "", "</details>", ""]


def render(report: Report, options: RenderOptions) -> str:
    sources = {s.id: s for s in report.sources}
    open_ = [v for v in report.verdicts if v.status == "conflict"]
    resolved = [v for v in report.verdicts if v.status == "resolved"]
    settled = [v for v in report.verdicts if v.status in ("agree", "compatible")]
    title = f"{plural(len(open_), 'unresolved conflict')}" if open_ else "no unresolved conflict"
    head, conflicts, rest = summary_counts(report.summary)
    # hidden when rendered; it tells a later check that this file is a report, not a source
    lines = ["<!-- generator: kzfr-check -->", f"# kzfr-check: {title}", "",
             head + (f"**{conflicts}**" if open_ else conflicts) + rest, ""]
    if report.warnings:
        lines += ["## Warnings", "", *(f"- {escape(w)}" for w in report.warnings), ""]
    for verdict in open_:
        lines += _conflict(verdict, report, sources)
    if resolved:
        lines += _resolved(resolved)
    changed = [v for v in report.verdicts if v.status == "changed"]
    if changed:
        lines += _changed(changed)
    if report.witnesses or report.variants:
        lines += _notices(report)
    if settled:
        lines += _settled(settled, report)
    return "\n".join(lines).rstrip("\n") + "\n"
