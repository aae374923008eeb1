"""The evidence board: one self-contained HTML page with a card per topic, its values side by side and
the quotes they rest on, for a person reviewing conflicts in a browser.

The page needs nothing but itself: inline CSS, an inline SVG per time line and a few lines of plain
JavaScript for the status filter and the search box. With JavaScript off every card is shown and the
page reads top to bottom. Every piece of text taken from a source or from claims.toml goes through
`esc`, so a source holding markup shows it as text. The output depends on the report alone: the same
report gives the same bytes.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from html import escape

from kzfr_check.claims import Claim
from kzfr_check.pipeline import Report
from kzfr_check.report import (
    RenderOptions,
    as_written,
    counted,
    fold,
    plural,
    quote_parts,
    resolve_command,
    suggestion_as_written,
    uncorroborated_text,
    values_as_written,
)
from kzfr_check.sources import Document
from kzfr_check.values import DATE_KINDS, INF, Value
from kzfr_check.verdicts import STATUSES, Verdict
from kzfr_check.witnesses import NameVariant

STATUS_LABEL = {"conflict": "conflict", "resolved": "resolved", "changed": "changed over time",
                "compatible": "compatible", "agree": "agree"}
DATE_IN_TEXT = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")

CSS = """
:root{color-scheme:light;--ink:#1b1f24;--dim:#4a525c;--line:#d0d5db;--bg:#f6f7f9;--card:#fff;
--conflict:#b3261e;--resolved:#0b6e4f;--changed:#1a5fb4;--compatible:#7a5200;--agree:#3b6340;--mark:#ffe066}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);
background:var(--bg);overflow-wrap:anywhere}
header,main{max-width:76rem;margin:0 auto;padding:1rem}
header{border-bottom:1px solid var(--line)}
h1{font-size:1.6rem;margin:.2rem 0 .6rem}
h2{font-size:1.25rem;margin:1.2rem 0 .5rem}
h3{font-size:1.1rem;margin:0 0 .3rem}
h4{font-size:1rem;margin:0}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em}
ul{padding-left:1.2rem}
.sources li{margin:.15rem 0}
.counts{display:flex;flex-wrap:wrap;gap:.4rem;list-style:none;padding:0;margin:.5rem 0}
.badge{display:inline-block;padding:.05rem .55rem;border-radius:1rem;font-size:.85rem;font-weight:600;
color:#fff;background:var(--dim);white-space:nowrap}
.badge.conflict{background:var(--conflict)}.badge.resolved{background:var(--resolved)}
.badge.changed{background:var(--changed)}.badge.compatible{background:var(--compatible)}
.badge.agree{background:var(--agree)}
.badge.none{background:none;color:var(--dim);border:1px solid var(--line)}
.warnings{border-left:4px solid var(--conflict);background:#fff4f2;padding:.5rem 1rem .5rem 2rem}
.controls{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.5rem 0 1rem}
.controls[hidden]{display:none}
.controls button{font:inherit;font-size:.9rem;padding:.3rem .7rem;border:1px solid var(--dim);border-radius:.4rem;
background:#fff;color:var(--ink);cursor:pointer}
.controls button[aria-pressed=true]{background:var(--ink);color:#fff}
.controls label{font-weight:600}
.controls input{font:inherit;padding:.3rem .5rem;border:1px solid var(--dim);border-radius:.4rem;width:14rem;
max-width:100%}
.card{background:var(--card);border:1px solid var(--line);border-left:6px solid var(--dim);border-radius:.5rem;
padding:1rem;margin:0 0 1rem}
.card.conflict{border-left-color:var(--conflict)}.card.resolved{border-left-color:var(--resolved)}
.card.changed{border-left-color:var(--changed)}.card.compatible{border-left-color:var(--compatible)}
.card.agree{border-left-color:var(--agree)}
.card[hidden]{display:none}
.meta{margin:0 0 .8rem;color:var(--dim);font-size:.9rem}
.values{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(17rem,100%),1fr));gap:.8rem}
.value{border:1px solid var(--line);border-radius:.4rem;padding:.6rem .8rem;background:#fbfcfd;min-width:0}
.value h4 code{font-size:1.05rem}
.value .who{margin:.2rem 0 .4rem;color:var(--dim);font-size:.9rem}
.quotes{list-style:none;padding:0;margin:0}
.quotes li{margin:.6rem 0 0}
blockquote{margin:0;padding:.1rem 0 .1rem .7rem;border-left:3px solid var(--line)}
blockquote p{margin:0}
mark{background:var(--mark);color:#000;padding:0 .1rem;border-radius:.15rem;font-weight:600}
.where{margin:.15rem 0 0 .7rem;font-size:.85rem;color:var(--dim)}
.notes{margin:.8rem 0 0;padding-left:1.2rem}
.notes li{margin:.2rem 0}
.timeline{margin:.8rem 0 0}
.timeline svg{display:block;width:100%;max-width:34rem;height:auto}
.timeline table{border-collapse:collapse;font-size:.9rem;margin-top:.3rem}
.timeline caption{text-align:left;font-weight:600}
.timeline th,.timeline td{text-align:left;padding:.15rem .8rem .15rem 0;border-bottom:1px solid var(--line)}
.empty{color:var(--dim)}
svg text{font:12px system-ui,sans-serif;fill:var(--ink)}
svg .axis{stroke:var(--dim);stroke-width:1}
svg .bar{fill:var(--changed)}
svg .dot{fill:var(--changed);stroke:#fff;stroke-width:1.5}
svg .link{fill:none;stroke:var(--changed);stroke-width:2}
"""

# Reads `#status=conflict&q=words` on load, so a filtered view can be linked and tested.
JS = """
(function () {
  var cards = Array.prototype.slice.call(document.querySelectorAll("article.card"));
  var buttons = Array.prototype.slice.call(document.querySelectorAll("[data-filter]"));
  var search = document.getElementById("search");
  var shown = document.getElementById("shown");
  var state = {status: "all", q: ""};
  function apply() {
    var words = state.q.toLowerCase().split(/\\s+/).filter(Boolean), n = 0;
    cards.forEach(function (card) {
      var text = card.textContent.toLowerCase();
      var show = (state.status === "all" || card.dataset.status === state.status) &&
        words.every(function (w) { return text.indexOf(w) >= 0; });
      card.hidden = !show;
      n += show ? 1 : 0;
    });
    buttons.forEach(function (b) { b.setAttribute("aria-pressed", String(b.dataset.filter === state.status)); });
    search.value = state.q;
    shown.textContent = n + " of " + cards.length + " topics shown";
  }
  function save() {
    var parts = [];
    if (state.status !== "all") { parts.push("status=" + encodeURIComponent(state.status)); }
    if (state.q) { parts.push("q=" + encodeURIComponent(state.q)); }
    history.replaceState(null, "", parts.length ? "#" + parts.join("&") : location.pathname + location.search);
  }
  var params = new URLSearchParams(location.hash.slice(1) || location.search.slice(1));
  state.status = params.get("status") || "all";
  state.q = params.get("q") || "";
  buttons.forEach(function (b) {
    b.addEventListener("click", function () { state.status = b.dataset.filter; apply(); save(); });
  });
  search.addEventListener("input", function () { state.q = search.value; apply(); save(); });
  document.getElementById("controls").hidden = false;
  apply();
})();
"""


SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(JS.encode()).digest()).decode()


def esc(text: str) -> str:
    """Text from a source or claims.toml as HTML text: markup neutralised, whitespace folded."""
    return escape(fold(text), quote=True)


def _quote(claim: Claim) -> str:
    """The sentence as the source wrote it, its figure marked."""
    before, figure, after = quote_parts(claim)
    return f"{esc(before)}<mark>{esc(figure)}</mark>{esc(after)}"


def _where(claim: Claim, sources: dict[str, Document]) -> str:
    source = sources[claim.source]
    dated = f", dated {source.date}" if source.date else ", undated"
    as_of = f"; figure as of {esc(claim.as_of)}" if claim.as_of else ""
    language = f", in {esc(claim.language)}" if claim.language != "en" else ""
    return f'<p class="where"><code>{esc(source.path)}:{claim.line}</code>{dated}{language}{as_of}</p>'


def _value_column(verdict: Verdict, index: int, sources: dict[str, Document]) -> list[str]:
    value = verdict.values[index]
    # a reprint counts once: say so when the sources are fewer witnesses than files
    witnesses = (f", {value.witnesses} independent" if value.witnesses and value.witnesses != len(value.sources)
                 else "")
    who = ", ".join(f"<code>{esc(s)}</code>" for s in value.sources)
    lines = ['<section class="value">', f"<h4><code>{esc(as_written(value.value, verdict.topic.kind))}</code></h4>",
             f'<p class="who">{plural(len(value.sources), "source")}{witnesses}: {who}</p>', '<ul class="quotes">']
    for claim in value.claims:
        lines.append(f'<li><blockquote lang="{esc(claim.language)}"><p>“{_quote(claim)}”</p></blockquote>'
                     f"{_where(claim, sources)}</li>")
    return [*lines, "</ul>", "</section>"]


def _notes(verdict: Verdict, report: Report) -> list[str]:
    kind = verdict.topic.kind
    items = [f"<li><strong>Note:</strong> {esc(values_as_written(note, verdict))}</li>" for note in verdict.notes]
    if verdict.resolution:
        r = verdict.resolution
        overruled = ", ".join(f"<code>{esc(as_written(v, kind))}</code>" for v in r.overrules)
        over = f" over {overruled}" if r.overrules else ""
        items.append(f"<li><strong>Resolution:</strong> accepted <code>{esc(as_written(r.accept, kind))}</code>{over}. "
                     f"Reason: {esc(r.reason)}</li>")
    if verdict.suggestion:
        s = verdict.suggestion
        lead = (f"<code>{esc(as_written(s.value, kind))}</code> ({s.support} for, {s.against} against). Reason: "
                if s.value else "")
        items.append(f"<li><strong>Suggestion:</strong> {lead}{esc(suggestion_as_written(report, verdict))}</li>")
    return ['<ul class="notes">', *items, "</ul>"] if items else []


def _magnitude(value: Value) -> float:
    """One number to plot a value at: the middle of its interval, or its finite end when bounded."""
    if value.high == INF:
        return value.low
    if value.low == -INF:
        return value.high
    return (value.low + value.high) / 2


def _ordinal_of(text: str) -> float | None:
    """Where a stated period lies on a day axis: the middle of the dates it names ('2022-01/2022-09'), each
    taken at its own middle (a year at July 1st, a month at the 15th)."""
    days = [dt.date(int(y), int(m or 7), int(d or (15 if m else 1))).toordinal()
            for y, m, d in DATE_IN_TEXT.findall(text)]
    return sum(days) / len(days) if days else None


def _year_ticks(low: float, high: float) -> list[tuple[float, int]]:
    """Year marks from the start of `low`'s year to the end of `high`'s, at most seven of them."""
    end = dt.date.fromordinal(int(high))
    first, last = dt.date.fromordinal(int(low)).year, end.year + (end != dt.date(end.year, 1, 1))
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500) if (last - first) / s <= 6)
    first -= first % step
    return [(dt.date(y, 1, 1).toordinal(), y) for y in range(first, last + step, step)
            if y <= last or y - step < last]


class _Axis:
    """Day ordinals to x in an SVG of width `width`, with margins, and the year marks below a plot."""

    def __init__(self, low: float, high: float, width: int = 400, margin: int = 20) -> None:
        self.ticks = _year_ticks(low, high)
        self.low, self.high = self.ticks[0][0], self.ticks[-1][0]
        self.width, self.margin = width, margin

    def x(self, day: float) -> float:
        return self.margin + (day - self.low) / (self.high - self.low) * (self.width - 2 * self.margin)

    def svg(self, y: float) -> list[str]:
        parts = [f'<line class="axis" x1="{self.margin}" y1="{y}" x2="{self.width - self.margin}" y2="{y}"/>']
        for day, year in self.ticks:
            x = self.x(day)
            parts += [f'<line class="axis" x1="{x:.1f}" y1="{y}" x2="{x:.1f}" y2="{y + 4}"/>',
                      f'<text x="{x:.1f}" y="{y + 17}" text-anchor="middle">{year}</text>']
        return parts


def _label(x: float, y: float, text: str, width: int = 400) -> str:
    anchor = "start" if x < width * 0.6 else "end"
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}">{esc(text)}</text>'


def _svg(height: float, title: str, parts: Sequence[str]) -> str:
    return (f'<svg viewBox="0 0 400 {height:.0f}" role="img" aria-label="{esc(title)}">'
            f"<title>{esc(title)}</title>{''.join(parts)}</svg>")


def _dates_chart(verdict: Verdict) -> str:
    """Each date value as a bar over the span it names: a year is a year wide, a day a tick."""
    rows = []
    for value in verdict.values:
        v = value.claims[0].value
        end = v.end_high if verdict.topic.kind == "period" else v.high
        open_end = end == INF
        rows.append((value.value, v.low, v.high if open_end else end + 1, open_end))
    axis = _Axis(min(r[1] for r in rows), max(r[2] for r in rows))
    parts = []
    for i, (text, start, end, open_end) in enumerate(rows):
        y = 8 + i * 30
        x1, x2 = axis.x(start), max(axis.x(end), axis.x(start) + 3)
        parts.append(f'<rect class="bar" x="{x1:.1f}" y="{y + 16}" width="{x2 - x1:.1f}" height="8" rx="2"/>')
        parts.append(_label(x1 if x1 < 240 else x2, y + 12, text + (" …" if open_end else "")))
    height = 8 + len(rows) * 30 + 4
    parts += axis.svg(height)
    title = f"Time line of the values: {', '.join(r[0] for r in rows)}"
    return _svg(height + 24, title, parts)


def _change_chart(verdict: Verdict) -> str:
    """The value stated for each period, plotted by period: a line from the earliest to the latest."""
    plotted = {v.value: _magnitude(v.claims[0].value) for v in verdict.values}
    points = [(day, plotted.get(c.value, 0.0), c) for c in verdict.timeline
              if (day := _ordinal_of(c.as_of)) is not None]
    axis = _Axis(min(p[0] for p in points), max(p[0] for p in points))
    low, high = min(p[1] for p in points), max(p[1] for p in points)
    top, bottom = 26, 110

    def y(m: float) -> float:
        return (top + bottom) / 2 if high == low else bottom - (m - low) / (high - low) * (bottom - top)

    xy = [(axis.x(day), y(m)) for day, m, _ in points]
    parts = [f'<polyline class="link" points="{" ".join(f"{a:.1f},{b:.1f}" for a, b in xy)}"/>']
    for (x, yy), (_, _, change) in zip(xy, points, strict=True):
        parts += [f'<circle class="dot" cx="{x:.1f}" cy="{yy:.1f}" r="5"/>',
                  _label(x, yy - 10, as_written(change.value, verdict.topic.kind))]
    parts += axis.svg(bottom + 14)
    kind = verdict.topic.kind
    title = "Value by period: " + "; ".join(f"{c.as_of}: {as_written(c.value, kind)}" for _, _, c in points)
    return _svg(bottom + 38, title, parts)


def _timeline(verdict: Verdict) -> list[str]:
    if verdict.timeline and any(_ordinal_of(c.as_of) is not None for c in verdict.timeline):
        kind = verdict.topic.kind
        rows = "".join(f"<tr><td>{esc(c.as_of)}</td><td><code>{esc(as_written(c.value, kind))}</code></td>"
                       f"<td>{', '.join(f'<code>{esc(s)}</code>' for s in c.sources)}</td></tr>"
                       for c in verdict.timeline)
        return ['<figure class="timeline">', _change_chart(verdict),
                f"<table><caption>Over time</caption><thead><tr><th scope=\"col\">as of</th>"
                f"<th scope=\"col\">value</th><th scope=\"col\">sources</th></tr></thead><tbody>{rows}</tbody></table>",
                "</figure>"]
    if verdict.topic.kind in DATE_KINDS and len(verdict.values) > 1:
        return ['<figure class="timeline">', _dates_chart(verdict), "</figure>"]
    return []


def _card(verdict: Verdict, report: Report, sources: dict[str, Document]) -> list[str]:
    topic = verdict.topic
    alone = uncorroborated_text(report, verdict)
    flag = f' <span class="badge none">{esc(alone.split(":")[0])}</span>' if alone else ""
    anchor = esc(re.sub(r"\s", "-", topic.id))
    lines = [f'<article class="card {verdict.status}" id="topic-{anchor}" data-status="{verdict.status}" '
             f'aria-labelledby="h-{anchor}">',
             f'<h3 id="h-{anchor}">{esc(topic.label)}</h3>',
             f'<p class="meta"><span class="badge {verdict.status}">{STATUS_LABEL[verdict.status]}</span>{flag} '
             f"kind {esc(topic.kind)} · {plural(len(verdict.values), 'value')} "
             f"from {counted(len(topic.sources), report.witness_count(topic.sources))}</p>",
             f'<p class="topic-id">Topic <code>{esc(topic.id)}</code></p>',
             *([f'<p class="alone">{esc(alone)}</p>'] if alone else []),
             '<div class="values">']
    for index in range(len(verdict.values)):
        lines += _value_column(verdict, index, sources)
    settle = ([f'<p class="settle">To settle it: <code>{esc(resolve_command(verdict))}</code></p>']
              if verdict.status == "conflict" else [])
    return [*lines, "</div>", *_notes(verdict, report), *settle, *_timeline(verdict), "</article>"]


def _marked_name(claim: Claim, name: str) -> str:
    at = claim.quote.find(name)
    if at < 0:
        return esc(claim.quote.strip())
    return (f"{esc(claim.quote[:at].lstrip())}<mark>{esc(name)}</mark>"
            f"{esc(claim.quote[at + len(name):].rstrip())}")


def _variants(variants: Sequence[NameVariant], sources: dict[str, Document]) -> list[str]:
    lines = ['<section aria-labelledby="notices">', '<h2 id="notices">Name variants</h2>',
             "<p>Names spelled differently across sources. Worth a look; never a conflict.</p>", "<ul>"]
    for variant in variants:
        quotes = "".join(f'<li><blockquote lang="{esc(c.language)}"><p>“{_marked_name(c, name)}”</p></blockquote>'
                         f"{_where(c, sources)}</li>"
                         for name, c in zip(variant.names, variant.claims, strict=True))
        lines.append(f"<li>{esc(variant.names[0])} / {esc(variant.names[1])}"
                     f'<ul class="quotes">{quotes}</ul></li>')
    return [*lines, "</ul>", "</section>"]


def _header(report: Report) -> list[str]:
    s = report.summary
    title = plural(s["conflict"], "unresolved conflict") if s["conflict"] else "no unresolved conflict"
    lines = ["<header>", f"<h1>kzfr-check evidence board: {title}</h1>",
             f"<p>{plural(s['sources'], 'source')}, {plural(s['claims'], 'claim')}, "
             f"{plural(s['topics'], 'topic')} stated by two or more sources"
             + (f"; {s['uncorroborated']} of those that agree rest on one witness, not corroborated"
                if s["uncorroborated"] else "") + ".</p>",
             '<ul class="counts" aria-label="Topics by status">',
             *(f'<li><span class="badge {status if s[status] else "none"}">'
               f"{plural(s[status], 'conflict') if status == 'conflict' else f'{s[status]} {STATUS_LABEL[status]}'}"
               "</span></li>" for status in STATUSES),
             "</ul>", '<section aria-labelledby="corpus">', '<h2 id="corpus">Corpus</h2>', '<ul class="sources">']
    for source in report.sources:
        lines.append(f"<li><code>{esc(source.id)}</code>: {esc(source.path)}, "
                     f"{f'dated {source.date}' if source.date else 'undated'}, in {esc(source.language)}</li>")
    lines.append("</ul>")
    for group in report.witnesses:
        lines.append(f"<p>One witness: {', '.join(f'<code>{esc(s)}</code>' for s in group)} are one text, "
                     "reprinted or translated; their support counts once.</p>")
    lines.append("</section>")
    if report.warnings:
        lines += ['<section aria-labelledby="warnings">', '<h2 id="warnings">Warnings</h2>', '<ul class="warnings">',
                  *(f"<li>{esc(w)}</li>" for w in report.warnings), "</ul>", "</section>"]
    return [*lines, "</header>"]


def _controls(report: Report) -> list[str]:
    """Filter buttons and a search box, hidden until the script shows them: without it they would do nothing."""
    counts = report.summary
    buttons = [f'<button type="button" data-filter="all" aria-pressed="true">all {len(report.verdicts)}</button>',
               *(f'<button type="button" data-filter="{status}" aria-pressed="false">{status} {counts[status]}</button>'
                 for status in STATUSES if counts[status])]
    return ['<div class="controls" id="controls" hidden>', '<div role="group" aria-label="Show topics by status">',
            *buttons, "</div>", '<label for="search">Search</label>',
            '<input id="search" type="search" placeholder="word, value, source…">',
            '<p id="shown" class="empty" aria-live="polite"></p>', "</div>"]


def render(report: Report, options: RenderOptions) -> str:
    sources = {s.id: s for s in report.sources}
    verdicts = sorted(report.verdicts, key=lambda v: STATUSES.index(v.status))
    s = report.summary
    title = plural(s["conflict"], "unresolved conflict") if s["conflict"] else "no unresolved conflict"
    lines = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             '<meta name="generator" content="kzfr-check">',  # so a check never reads this page as a source
             # nothing is fetched and only this page's own script runs, whatever a source holds
             f"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
             f"style-src 'unsafe-inline'; script-src '{SCRIPT_HASH}'\">",
             f"<title>kzfr-check: {title}</title>", f"<style>{CSS}</style>", "</head>", "<body>",
             *_header(report), "<main>", '<section aria-labelledby="topics">', '<h2 id="topics">Topics</h2>',
             *_controls(report)]
    if not verdicts:
        lines.append('<p class="empty">No fact is stated by two or more sources.</p>')
    for verdict in verdicts:
        lines += _card(verdict, report, sources)
    lines.append("</section>")
    if report.variants:
        lines += _variants(report.variants, sources)
    lines += ["</main>", f"<script>{JS}</script>", "</body>", "</html>"]
    return "\n".join(lines) + "\n"
