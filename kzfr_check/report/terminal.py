"""The terminal view: a panel per conflict with the quotes it rests on, figures highlighted."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from kzfr_check.claims import Claim
from kzfr_check.errors import printable
from kzfr_check.pipeline import Report
from kzfr_check.report import (
    RenderOptions,
    as_written,
    plural,
    quote_parts,
    resolve_command,
    suggestion_as_written,
    summary_counts,
    uncorroborated_text,
    values_as_written,
)
from kzfr_check.sources import Document
from kzfr_check.verdicts import Verdict

STYLE = {"conflict": "bold red", "resolved": "green", "changed": "blue", "compatible": "yellow", "agree": "green"}

# On a big corpus one topic can rest on hundreds of quotes and sources. A panel shows enough to judge;
# every claim stays in the other formats (--format json).
QUOTES_PER_TOPIC = 8
VALUES_PER_TOPIC = 12
SOURCES_PER_VALUE = 6


def _console(color: bool, width: int) -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=color, no_color=not color, color_system="standard"
                      if color else None, highlight=False, emoji=False, soft_wrap=False)
    return console, out


def _rendered(draw: Callable[[Console], None], color: bool, width: int) -> str:
    console, out = _console(color, width)
    draw(console)
    return out.getvalue()


def shown(text: str, style: str = "") -> Text:
    """Text from a source, a file name or claims.toml as rich should show it: never read as markup
    ("[link=…]" in a file name), and with no control character for the terminal to act on."""
    return Text(printable(text), style=style)


def quote_text(claim: Claim) -> Text:
    """The sentence as the source wrote it (whitespace folded), its figure highlighted."""
    before, figure, after = quote_parts(claim)
    return Text.assemble("“", before, (figure, "bold reverse"), after, "”")


def where(claim: Claim, sources: dict[str, Document]) -> Text:
    source = sources[claim.source]
    text = shown(f"{source.path}:{claim.line}", style="cyan")
    if source.date:
        text.append(f"  dated {source.date}", style="dim")
    if claim.language != "en":  # the quote is in its own language, never translated
        text.append(f"  in {claim.language}", style="dim")
    return text


def listed(names: Sequence[str], limit: int = SOURCES_PER_VALUE) -> str:
    """Names joined by commas, no more than `limit` of them, then how many were left out."""
    shown = ", ".join(names[:limit])
    return shown if len(names) <= limit else f"{shown} … and {len(names) - limit} more"


def quotes_shown(verdict: Verdict, limit: int = QUOTES_PER_TOPIC) -> list[Claim]:
    """The quotes a panel shows: the first quote of each value (most supported values first), then
    the others in order, up to `limit`; listed value by value, as the table lists the values."""
    ordered = [claim for value in verdict.values for claim in value.claims]
    chosen = {id(value.claims[0]) for value in verdict.values[:limit]}
    for claim in ordered:
        if len(chosen) >= limit:
            break
        chosen.add(id(claim))
    return [claim for claim in ordered if id(claim) in chosen]


def _values_table(verdict: Verdict) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    for value in verdict.values[:VALUES_PER_TOPIC]:
        independent = f" ({value.witnesses} independent)" if value.witnesses < len(value.sources) else ""
        table.add_row(shown(as_written(value.value, verdict.topic.kind)), shown(listed(value.sources) + independent))
    return table


def _more(count: int, what: str) -> Text:
    return Text(f"… and {plural(count, f'more {what}')} (see --format json)", style="dim")


def verdict_panel(verdict: Verdict, report: Report, sources: dict[str, Document]) -> Panel:
    # the id on a line of its own, whole: a panel's title is cut to the width of the terminal
    parts: list[RenderableType] = [Text(f"topic {verdict.topic.id}", style="dim"), _values_table(verdict)]
    if len(verdict.values) > VALUES_PER_TOPIC:
        parts.append(_more(len(verdict.values) - VALUES_PER_TOPIC, "value"))
    alone = uncorroborated_text(report, verdict)
    if alone:
        parts.append(Text(alone, style="yellow"))
    parts.append(Text(""))
    quotes = quotes_shown(verdict)
    for claim in quotes:
        parts.append(Padding(quote_text(claim), (0, 0, 0, 2)))
        parts.append(Padding(where(claim, sources), (0, 0, 0, 4)))
    hidden = sum(len(value.claims) for value in verdict.values) - len(quotes)
    if hidden:
        parts.append(Padding(_more(hidden, "quote"), (0, 0, 0, 2)))
    for note in verdict.notes:
        parts.append(shown(f"note: {values_as_written(note, verdict)}", style="italic"))
    if verdict.suggestion:
        s = verdict.suggestion
        lead = f"{as_written(s.value, verdict.topic.kind)} ({s.support} for, {s.against} against). " if s.value else ""
        parts.append(shown(f"suggestion: {lead}{suggestion_as_written(report, verdict)}", style="cyan"))
    if verdict.timeline:
        timeline = Table(title="over time", title_justify="left", box=None, padding=(0, 2))
        for name in ("as of", "value", "sources"):
            timeline.add_column(name)
        for change in verdict.timeline:
            timeline.add_row(shown(change.as_of), shown(as_written(change.value, verdict.topic.kind)),
                             shown(listed(change.sources)))
        parts.append(timeline)
    if verdict.resolution:
        r = verdict.resolution
        accepted = as_written(r.accept, verdict.topic.kind)
        parts.append(shown(f"resolution: accept {accepted} ({r.reason})", style="green"))
    title = Text.assemble((verdict.status, STYLE[verdict.status]), " · ", shown(verdict.topic.label, "bold"))
    return Panel(Group(*parts), title=title, title_align="left", border_style=STYLE[verdict.status])


def settle_line(verdict: Verdict) -> Text:
    """The command that settles a conflict, below its panel and never wrapped by us: a terminal that wraps
    it still copies it as one line, where a panel's border would cut it."""
    return Text.assemble(("to settle it: ", "bold"), resolve_command(verdict))


def summary_line(report: Report) -> Text:
    head, conflicts, rest = summary_counts(report.summary)
    return Text.assemble(head, (conflicts, "bold red" if report.summary["conflict"] else "green"), rest)


def render_conflicts(report: Report, show_all: bool = False, color: bool = False, width: int = 100) -> str:
    sources = {s.id: s for s in report.sources}

    def draw(console: Console) -> None:
        for verdict in report.verdicts:
            if verdict.status == "conflict" or (show_all and verdict.status != "resolved"):
                console.print(verdict_panel(verdict, report, sources))
            if verdict.status == "conflict":
                console.print(settle_line(verdict), soft_wrap=True)
        for verdict in report.verdicts:
            if verdict.status == "resolved":
                r = verdict.resolution
                assert r is not None
                kind = verdict.topic.kind
                overruled = ", ".join(as_written(v, kind) for v in r.overrules) or "-"
                console.print(Text.assemble(
                    ("resolved ", "green"), shown(verdict.topic.label, "bold"), shown(f"  [{verdict.topic.id}]: "),
                    shown(f"{as_written(r.accept, kind)} over {overruled} ({r.reason})")))
        for line in notices(report):
            console.print(shown(line, style="dim"))
        console.print(summary_line(report))

    return _rendered(draw, color, width)


def notices(report: Report) -> list[str]:
    """Witness groups and name variants: worth knowing, never a conflict."""
    lines = [f"one witness: {', '.join(group)} are one text, reprinted or translated; counted once"
             for group in report.witnesses]
    for variant in report.variants:
        a, b = variant.claims
        lines.append(f"name spelled two ways: {variant.names[0]} ({a.source}:{a.line}) / "
                     f"{variant.names[1]} ({b.source}:{b.line})")
    return lines


def render(report: Report, options: RenderOptions) -> str:
    return render_conflicts(report, options.show_all, options.color, options.width)


def render_matches(report: Report, verdicts: Sequence[Verdict], single: Sequence[Claim] = (), color: bool = False,
                   width: int = 100) -> str:
    """What `claim` found: each topic with every source's statement side by side, then the figures that one
    source alone states."""

    def draw(console: Console) -> None:
        for verdict in verdicts:
            table = Table(title=Text.assemble(shown(verdict.topic.label, "bold"), "  ",
                                              (verdict.status, STYLE[verdict.status]),
                                              "\n", shown(f"topic {verdict.topic.id}", "dim")),
                          title_justify="left", expand=True, show_lines=True)
            table.add_column("source", style="cyan", no_wrap=True)
            table.add_column("value", style="bold", no_wrap=True)
            table.add_column("statement")
            for claim in sorted(verdict.topic.claims, key=lambda c: c.source):
                table.add_row(Text.assemble(shown(claim.source), "\n", (f"line {claim.line}", "dim")),
                              shown(as_written(claim.value.text, claim.kind)), quote_text(claim))
            console.print(table)
            alone = uncorroborated_text(report, verdict)
            if alone:
                console.print(Text(alone, style="yellow"))
            for note in verdict.notes:
                console.print(shown(f"note: {values_as_written(note, verdict)}", style="italic"))
            if verdict.resolution:
                console.print(shown(f"resolution: accept {as_written(verdict.resolution.accept, verdict.topic.kind)} "
                                    f"({verdict.resolution.reason})", style="green"))
            if verdict.status == "conflict":
                console.print(settle_line(verdict), soft_wrap=True)
        if single:
            table = Table(title=Text("stated by one source only: not corroborated", style="bold"),
                          title_justify="left", expand=True, show_lines=True)
            table.add_column("source", style="cyan", no_wrap=True)
            table.add_column("value", style="bold", no_wrap=True)
            table.add_column("statement")
            for claim in single:
                table.add_row(Text.assemble(shown(claim.source), "\n", (f"line {claim.line}", "dim")),
                              Text.assemble(shown(as_written(claim.value.text, claim.kind)), "\n", (claim.kind, "dim")),
                              quote_text(claim))
            console.print(table)

    return _rendered(draw, color, width)


def render_claims(report: Report, source_id: str | None = None, color: bool = False, width: int = 100) -> str:
    """Every claim, source by source: what the parser understood."""

    def draw(console: Console) -> None:
        for source in report.sources:
            if source_id and source.id != source_id:
                continue
            claims = [c for c in report.claims if c.source == source.id]
            language = f"  in {source.language}" if source.language != "en" else ""
            table = Table(title=Text.assemble(shown(source.path, "bold"), "  ",
                                              (f"dated {source.date}" if source.date else "undated", "dim"),
                                              (language, "dim")),
                          title_justify="left", box=box.SIMPLE_HEAD, show_edge=False, padding=(0, 1, 0, 0))
            # only the figure as written wraps: a topic id stays whole, to copy
            for name in ("line", "kind", "value", "as of", "text", "topic"):
                table.add_column(name, no_wrap=name != "text", overflow="fold")
            for claim in claims:
                text = shown(claim.text)
                if claim.language != source.language:  # a line in another language than its document's
                    text.append(f"  in {claim.language}", style="dim")
                table.add_row(str(claim.line), claim.kind, shown(as_written(claim.value.text, claim.kind)),
                              shown(claim.as_of or ""), text, shown(report.reported_topic_id(claim) or ""))
            console.print(table)
            console.print()

    return _rendered(draw, color, width)
