"""Split sources into sentences and sentences into atomic claims: one figure, one value, one span."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields, replace
from operator import attrgetter
from sys import intern
from typing import NamedTuple

from kzfr_check.lang import cumulative, increments, stop_words
from kzfr_check.qualifiers import Qualifiers, qualifiers_of
from kzfr_check.sources import Source
from kzfr_check.values import (
    DATE_KINDS,
    MEASURES,
    MONTH_CASED,
    MONTHS,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
    Figure,
    Value,
    base_matters,
    converts,
    find_figures,
    nearest_period,
    parse_date,
    unpickled_value,
    weekday_figures,
)
from kzfr_check.words import MEASURE_GRAMMAR, WORD, stops_and_figure_words


@dataclass(frozen=True, slots=True)
class Claim:
    """One figure stated by one source, with the sentence that states it.

    `start`/`end` locate the figure and `quote_start` the sentence in the source's text, so that a
    report can quote the source exactly and highlight the figure in it.
    """

    source: str
    line: int
    start: int
    end: int
    quote_start: int
    quote: str
    said: str
    text: str
    value: Value
    counted: str = ""
    document_year: int | None = None
    as_of: str | None = None  # the period the sentence says its figure refers to: "2021", "2022-01/2022-09"
    said_before: str = ""  # the sentence before, when this one opens with a pronoun that points back to it
    language: str = "en"  # the language of its source: what its words mean is read in it
    # what sets its figure apart from others of its words (kzfr_check.qualifiers), read where it is extracted
    qualifiers: Qualifiers = field(kw_only=True)

    @property
    def kind(self) -> str:
        return self.value.kind

    @property
    def only_grows(self) -> bool:
        """A count of what only grows (deaths, cases): stated as of a day it is a running total, and a later
        figure smaller than an earlier one contradicts it."""
        return _only_grows(self.kind, self.counted)

    @property
    def figure_in_quote(self) -> tuple[int, int]:
        return self.start - self.quote_start, self.end - self.quote_start

    def __reduce__(self) -> tuple[Callable[..., Claim], tuple[object, ...]]:
        """Pickled as its fields (see Value.__reduce__)."""
        return _unpickled_claim, _claim_fields(self)


def _only_grows(kind: str, counted: str) -> bool:
    """Does a figure of this kind count what only grows (what `cumulative` names: deaths, cases)? Asked of a
    claim, and of a figure before its claim is made (to read its qualifiers)."""
    return kind == "count" and counted in cumulative()


def spans_apart(periods: Iterable[str]) -> bool:
    """Are these periods spans ('2031-01/2031-04', '2005') that do not all start together? Then a count stated for
    each is the total of its own span, not one running total at several times: '512 cases in January-April 2031' may
    well be fewer than '871 cases in 2005'."""
    periods = list(periods)
    return (all("/" in period or len(period) == 4 for period in periods)
            and len({period.partition("/")[0] for period in periods}) > 1)


_claim_fields = attrgetter(*(f.name for f in fields(Claim)))


def _unpickled_claim(source: str, line: int, start: int, end: int, quote_start: int, quote: str, said: str,
                     text: str, value: Value, counted: str, document_year: int | None, as_of: str | None,
                     said_before: str, language: str, qualifiers: Qualifiers) -> Claim:
    """A claim sent by a worker process. Its strings are interned and its numbers shared: the figures, periods
    and words counted that a corpus repeats, the sentences its documents reprint, its documents' years and the
    offsets any document of some length has are then one object each in the process that gathers the claims,
    which holds every claim of the corpus."""
    shared_quote = intern(quote)
    return Claim(source, _shared(line), _shared(start), _shared(end), _shared(quote_start), shared_quote,
                 shared_quote if said is quote else intern(said), intern(text), value, intern(counted),
                 None if document_year is None else _shared(document_year),
                 None if as_of is None else intern(as_of), intern(said_before), intern(language),
                 qualifiers=_QUALIFIERS.setdefault(qualifiers, qualifiers))


_NUMBERS: dict[int, int] = {}
_QUALIFIERS: dict[Qualifiers, Qualifiers] = {}  # one object for each set of qualifiers: a corpus has few
SHARED_BELOW = 1 << 17  # numbers shared: any offset in the first 128 kB of a document (at most 131,072 objects)


def _shared(number: int) -> int:
    """One object for each number below SHARED_BELOW (Python shares only those below 257)."""
    return _NUMBERS.setdefault(number, number) if number < SHARED_BELOW else number


def _of_conversions(said: str, figures: Sequence[Figure], found: list[Qualifiers]) -> tuple[Qualifiers, ...]:
    """A figure converted in brackets right after another is the same size: it is set apart as that one is ('Maximum
    water depth 590 ft (180 m)': a depth, though no word names it so beside the 180 m)."""
    for i in range(1, len(figures)):
        if converts(said, figures[i - 1], figures[i]):
            found[i] = found[i - 1]
    return tuple(found)


def _days_of_times(figures: Sequence[Figure], found: list[Qualifiers]) -> list[Qualifiers]:
    """A time of day is of the one day its sentence states, if it states one: '12:50 on 12 May 2015' is no time of
    an event of 25 April (qualifiers.set_apart)."""
    days = {f.value.text for f in figures if f.value.kind == "date" and f.value.low == f.value.high}  # (to the day)
    if len(days) == 1 and any(f.value.kind == "time" for f in figures):
        day = ("day", days.pop())
        found = [_QUALIFIERS.setdefault(q | {day}, q | {day}) if f.value.kind == "time" else q
                 for f, q in zip(figures, found, strict=True)]
    return found


def _qualifiers(said: str, figure: Figure, language: str) -> Qualifiers:
    """What sets a figure apart, read from its sentence (one object for each set: most figures have none)."""
    found = qualifiers_of(said, figure.start, figure.end, figure.value.kind, language,
                          _only_grows(figure.value.kind, figure.counted))
    return _QUALIFIERS.setdefault(found, found)


# Lines that are page furniture, not statements: copyright lines and footnote references.
# A sentence that opens with one of these says its subject in the sentence before ("It cost £4 million").
ANAPHORA = re.compile(r"\W*(?:It|Its|This|These|That|Those|They|Their|He|His|She|Her)\b")
# (a copyright notice, not the word: "in the Velmora copyright case"); a line is furniture only when it is short: a
# page flattened into one line ends with its credits, "... Pictures: Getty Images © GRAPHIC NEWS"
FURNITURE_LINE = re.compile(r"©|^\W*copyright\b|\bcopyright\s*(?:\(c\)|\d{4})|\ball rights reserved\b|^\s*\[\d+\]"
                            r"|\bnext\s+(?:\w+\s+)?(?:report|update|bulletin|edition|issue)\b", re.IGNORECASE)
FURNITURE_WORDS = 30
LIST_OR_HEADING = re.compile(r"\s*(?:[-*+•>#|]|\d+[.)]\s)")
ABBREVIATIONS = frozenset(
    "mr mrs ms dr st no nos vs etc e.g i.e prof gen sr jr inc ltd co corp jan feb mar apr jun jul aug "
    "sep sept oct nov dec fig vol pp approx est dept univ u.s u.k a.m p.m".split())  # ("At 9:32 a.m. EDT Apollo ...")
# A sentence ends at a full stop before a capital or a digit; in text taken from web pages also where the space
# after it was lost ("Mobile Bay.The maximum", "in 1941.Work began") or a footnote number follows it ("130
# mph.2 The storm").
SENTENCE_END = re.compile(r"[.!?]+[\"'\)\]»]*(?:\[\d+\]|(?<=[a-z]\.)\d{1,2})*"
                          r"(?:(?=\s+[\"'(\[«]?\s?[A-Z0-9À-ÖØ-ÞА-ЯЁ])"
                          r"|(?<=[a-z]{2}\.|\d\d\.)(?=[A-Z][a-z]{2}))")  # one branch
WORD_AT_END = re.compile(r"([\w.]+)[.!?]*$")
# A unit's abbreviation before the same figure in other units ("2,310 ft. (704 m) long") ends no sentence
UNIT_WORDS = frozenset(name.split()[-1].rstrip(".") for name in MEASURES)
CONVERSION_AFTER = re.compile(r"\s+\(\s?\d")
LINE = re.compile(r"([^\r\n]*)(?:\r\n|\r|\n|$)")
WRAPPED_LINE = 60  # a line at least this long without end punctuation continues on the next one
LOWER_START = re.compile(r"\s*[a-z]")  # ... or goes on in lower case
DIGIT_START = re.compile(r"\s*\d")  # ... or with a digit after a word that ends no sentence ("on May" / "24, 1883")
LAST_WORD = re.compile(r"([^\W\d_]+)\W*$")
# A short line of words that ends with a colon labels the line below it, as fact sheets write a figure
# ("Shoreline:" above "311 km (on the lake)"): the two are one statement
LABEL_LINE = re.compile(r"[^\W\d_][^\d:]{0,40}:")
DATELINE_LINES = 12
DATELINE_WORDS = 6  # words that may stand before a dateline's date on its line ("Posted on Monday by the Press Office")
_LINE_WORD = re.compile(r"[^\W\d_]+")


# A fact sheet may set a label and its figure on lines of their own, a blank line between ("Length of main span",
# then "412 metres"): a short line of words with no end, then a line that is only a figure, are one statement
LABEL_ALONE = re.compile(r"[^\W\d_][^\d.!?;:\n]{0,40}")
FIGURE_ALONE = re.compile(r"(?:[$€£¥]|[A-Z]{1,2}\$)?\d[\d,. ]*(?:\s*[^\W\d_%$€£¥]+\.?|%){0,3}"
                          r"(?:\s*\([^()\n]{1,20}\))?")  # ... and the year it is of: "219,000 (2023)"


def _blocks(norm: str) -> Iterator[tuple[int, int]]:
    """Paragraph-like spans of text (_paragraphs), a label joined to the figure below it."""
    pending: tuple[int, int] | None = None
    for start, end in _paragraphs(norm):
        if pending is not None:
            if (LABEL_ALONE.fullmatch(norm, *pending) and FIGURE_ALONE.fullmatch(norm, start, end)
                    and not norm[pending[1]:start].strip()):
                yield pending[0], end
                pending = None
                continue
            yield pending
        pending = start, end
    if pending is not None:
        yield pending


def _paragraphs(norm: str) -> Iterator[tuple[int, int]]:
    """Paragraph-like spans of text: lines joined where a line wraps into the next."""
    lines = [(m.start(), m.start() + len(m.group(1))) for m in LINE.finditer(norm) if m.group(0)]
    block_start: int | None = None
    prev_start = prev_end = 0
    for start, end in lines:
        line = norm[start:end]
        if not line.strip() or (FURNITURE_LINE.search(line) and len(line.split()) <= FURNITURE_WORDS):
            if block_start is not None:
                yield block_start, prev_end
            block_start = None
            continue
        if block_start is not None:
            prev_line = norm[prev_start:prev_end].rstrip()  # never blank: a blank line ends the block
            open_end = not prev_line.endswith((".", "!", "?", ":", ";"))
            continues = ((open_end and (len(prev_line) >= WRAPPED_LINE or LOWER_START.match(line)
                                        or DIGIT_START.match(line) and _ends_no_sentence(prev_line)
                                        or _ends_in_a_function_word(prev_line))
                          or LABEL_LINE.fullmatch(prev_line) is not None)
                         and not LIST_OR_HEADING.match(line))
            if not continues:
                yield block_start, prev_end
                block_start = None
        if block_start is None:
            block_start = start
        prev_start, prev_end = start, end
    if block_start is not None:
        yield block_start, prev_end


def _ends_in_a_function_word(line: str) -> bool:
    """Does a line end in a word that leads into the next ("... sold at $2.80 on" / "Monday, before the ...")? A line
    wrapped short goes on whatever the next one starts with."""
    last = LAST_WORD.search(line)
    return last is not None and last[1] in _LEADING_WORDS  # (as written: "Bay 12-A" ends in a letter)


# words that lead into what follows them, which no sentence or heading ends with
_LEADING_WORDS = frozenset("a an the of on in at to for from by with and or but than as into onto upon".split())


def _ends_no_sentence(line: str) -> bool:
    """Does a line end in a word no sentence ends with: a function word or a month ("the cost of", "on May")?"""
    last = LAST_WORD.search(line)
    return last is not None and (last[1].lower() in stop_words() or last[1].lower() in MONTHS)


def _abbreviations(language: str) -> frozenset[str]:
    if language == "en":
        return ABBREVIATIONS
    from kzfr_check.grammar import grammar

    return grammar(language).abbreviations


def sentences(norm: str, language: str = "en") -> Iterator[tuple[int, int]]:
    """Sentence spans in a normalised text, trimmed of surrounding whitespace; a sentence longer than
    LONGEST_SENTENCE is cut into windows (see windows)."""
    abbreviations = _abbreviations(language)
    for block_start, block_end in _blocks(norm):
        block = norm[block_start:block_end]
        start = 0
        for m in SENTENCE_END.finditer(block):
            # the word ending here; a window, since a word longer than it is no abbreviation anyway
            word = WORD_AT_END.search(block[max(start, m.start() - 40):m.start() + 1])
            token = word.group(1).lower().rstrip(".") if word else ""
            if token in abbreviations or (len(token) == 1 and token.isalpha()) or (
                    token in UNIT_WORDS and CONVERSION_AFTER.match(block, m.end())):
                continue
            yield from _trimmed(block, block_start, start, m.end())
            start = m.end()
        yield from _trimmed(block, block_start, start, len(block))


def _trimmed(block: str, offset: int, start: int, end: int) -> Iterator[tuple[int, int]]:
    text = block[start:end]
    if text.strip():
        lead = len(text) - len(text.lstrip())
        yield from windows(block, offset, start + lead, start + len(text.rstrip()))


# Each figure's claim is read against its whole sentence, so a sentence with no end (a file of figures on
# one line, a table run together) would cost its length once per figure in it: quadratic. Longer sentences
# are cut into windows; real sentences are shorter (5 of the 1,381 in the real corpora pass 1,000 characters).
LONGEST_SENTENCE = 1_000
WINDOW_BREAK = re.compile(r"[;,]\s|\s")
SPACES = re.compile(r"\s*")


def windows(block: str, offset: int, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The span, or windows of at most LONGEST_SENTENCE characters that cover it, each cut after the last
    '; ' or ', ' of its second half, else at its last space, else where the limit falls."""
    while end - start > LONGEST_SENTENCE:
        half, limit = start + LONGEST_SENTENCE // 2, start + LONGEST_SENTENCE
        cuts = list(WINDOW_BREAK.finditer(block, half, limit))
        clauses = [m for m in cuts if m.group()[0] in ";,"]
        cut = clauses[-1].start() + 1 if clauses else cuts[-1].start() if cuts else limit
        yield offset + start, offset + cut
        start = SPACES.match(block, cut).end()
    yield offset + start, offset + end


def reference_date(source: Source) -> dt.date | None:
    """The day a source's figures are read from ('last year', 'the 30th anniversary', 'on 20 February'): its
    date, or the middle of its month or year, so that a day without its year falls in the source's year."""
    d = source.date
    if d is None:
        return None
    return dt.date(d.year, d.month or 7, d.day or (15 if d.month else 2))


def _is_dateline(source: Source, figure: Figure, offset: int) -> bool:
    """The document's own date at its top is furniture, not a claim about the topic (but for a day it names by its
    weekday: 'launched Saturday' in a release of that day says when the launch was)."""
    d = source.date
    return (d is not None and figure.value.kind == "date" and figure.value.text == str(d)
            and source.norm[offset:offset + figure.end - figure.start] not in WEEKDAYS
            and source.line_of(offset) <= source.line_of(0) + DATELINE_LINES
            # a dateline's date heads its line ("WASHINGTON, Aug. 2, 2010 - ..."); deep in a sentence that day is told
            # of ("made landfall ... on the evening of May 6th" in a page of that day)
            and len(_LINE_WORD.findall(source.norm, source.line_start(offset), offset)) <= DATELINE_WORDS)


def _only_figures(said: str, figures: list[Figure], language: str) -> bool:
    """Does a sentence say nothing but its figures, as a heading or a table's row may ('Magnitude 7.8')? Then the
    sentence before says what they are of. A label that names a dimension ('Length: 240 m') says it itself."""
    if not figures:
        return False
    stops, words_of_figures = stops_and_figure_words(language)
    ends = [0, *(f.end for f in figures)]
    rest = " ".join(said[end:start] for end, start in zip(ends, [*(f.start for f in figures), len(said)], strict=True))
    return all((w in stops and w not in MEASURE_GRAMMAR) or w in words_of_figures for w in WORD.findall(rest.lower()))


def extract_claims(source: Source, limit: int | None = None) -> list[Claim]:
    """Every figure of a source as an atomic claim, in the order of the text; only the first `limit` when
    given, and the sentences after them are not read."""
    base = reference_date(source)
    claims = []
    before = ""
    spans = list(sentences(source.norm, source.language))
    said_all = [source.norm[s:e] for s, e in spans]
    heading: str | None = None  # the date of the last "As of 16 February 2023:" heading, for the lines below it
    spoken = [source.language_at(s) for s, _ in spans]  # each sentence's language: its line's, or its document's
    d = source.date
    day = dt.date(d.year, d.month, d.day) if d is not None and d.month and d.day else None
    # read as far as the claims go, no further: a document that reaches `limit` is not read to its end
    readings = _ReadAhead(_readings(said_all, base, spoken, day))
    for i, ((s, e), said, language) in enumerate(zip(spans, said_all, spoken, strict=True)):
        figures, periods, qualifiers = readings[i]
        leading = before if ANAPHORA.match(said) or _only_figures(said, figures, language) else ""
        before = said
        if not figures:
            continue
        if len(figures) == 1 and figures[0].value.kind == "date" and AS_OF_HEADING.fullmatch(said, 0, figures[0].start):
            heading = figures[0].value.text
            continue
        quote = source.text[s:e]
        quote = said if quote == said else quote  # one string for the figures of a sentence, and for both
        # a year or period that dates another figure ("In 2021, trade reached $2 billion") is its
        # time frame, not a fact of its own
        # ... but a month or a day is the date of an event ("completed the sealing of 181 tunnels in May 2000"),
        # unless it is the day figures are counted up to ("As of 1 March 2023, ...", "By 8 March ...")
        frames = {frame for _, frame in periods if frame is not None
                  and (frame.value.kind != "date" or re.fullmatch(YEAR, frame.value.text)
                       or AS_OF_DATE.search(said, 0, frame.start))}
        for figure, (period, _), apart in zip(figures, periods, qualifiers, strict=True):
            start, end = s + figure.start, s + figure.end
            if figure in frames or _is_dateline(source, figure, start) or (
                    len(figures) == 1 and _restated_heading(source.norm, spans, readings, i)) or (
                    len(figures) == 1 and _dates_a_heading(said, figure)) or (
                    language == "en" and _in_a_superlative(said, figure)):
                continue
            if period is None and figure.value.kind not in DATE_KINDS:
                period = heading
            if period is None and source.date is not None and figure.value.kind not in DATE_KINDS and (
                    source.date.snapshot or figure.counted in cumulative()
                    or _is_increment(said, figure, language)):
                # a situation report's figures, a toll, or a new instalment, are stated as of the day of their
                # report
                period = str(source.date)
            claims.append(Claim(
                source=source.id, line=source.line_of(start), start=start, end=end, quote_start=s,
                quote=quote, said=said, text=source.text[start:end], value=figure.value,
                counted=figure.counted, document_year=source.date.year if source.date else None,
                as_of=period, said_before=leading, language=language,
                qualifiers=apart))
            if len(claims) == limit:
                return _restated_periods(_headline_bounds(claims))
    return _restated_periods(_headline_bounds(claims))


HEADING_WORDS = 4  # words a line may have beside its date and still be a heading: "Varn eruption 1991"


def _dates_a_heading(said: str, figure: Figure) -> bool:
    """Is a date the year or day a heading, a caption or a title names ('Varn eruption 1991', 'July 2031')? It
    tells which event or edition the page is of, no fact of it; a label that states one has its colon ('Date: 2 May
    1931'), a table's row its bar or tab."""
    if figure.value.kind != "date" or any(mark in said for mark in ":|=\t"):
        return False
    rest = said[:figure.start] + said[figure.end:]
    return len(WORD.findall(rest)) <= HEADING_WORDS and not rest.rstrip().endswith(".")


def _headline_bounds(claims: list[Claim]) -> list[Claim]:
    """A count a headline states bare ("61 dead in Varn hall fire") that the text below bounds ("At least 61 people
    died") is that bounded count: headlines drop the "at least" their story keeps."""
    if not claims:
        return claims
    first = claims[0].quote_start  # the headline: the document's first sentence with a figure
    bounded = {(c.counted, c.value.low): c.value for c in claims if c.kind == "count" and c.quote_start != first
               and c.value.text[:1] in "≥>"}
    return [replace(c, value=bounded[(c.counted, c.value.low)]) if c.quote_start == first and c.kind == "count"
            and c.value.text[:1].isdigit() and (c.counted, c.value.low) in bounded else c for c in claims]


def _restated_periods(claims: list[Claim]) -> list[Claim]:
    """A figure a source states twice, once with its period ("In 2022 the farm covered 12% of demand") and once
    without (a headline: "Farm covers 12% of demand"), is one statement: both are stated for that period. Not
    when the source states the figure for two periods."""
    periods: dict[tuple[str, str], set[str]] = {}  # (what a figure measures may be read in one place only)
    for c in claims:
        if c.as_of is not None:
            periods.setdefault((c.kind, c.value.text), set()).add(c.as_of)
    return [replace(c, as_of=next(iter(stated))) if c.as_of is None and len(
        stated := periods.get((c.kind, c.value.text), set())) == 1 else c for c in claims]


def _is_increment(said: str, figure: Figure, language: str) -> bool:
    """Is the figure announced as an instalment ("an additional $1.5 million"), within its clause?"""
    before, after = increments(language)
    return bool(before.search(re.split(r"[,;:]", said[:figure.start])[-1])
                or after.match(re.split(r"[,;:.]", said[figure.end:], maxsplit=1)[0]))


HEADING_LENGTH = 120  # characters of the longest line read as a heading


def _restated_heading(norm: str, spans: Sequence[tuple[int, int]], readings: _ReadAhead, i: int) -> bool:
    """Is sentence i a heading line whose one figure is a date ("Establishment of the embassy, 1992.") that the
    sentence below states within it more precisely ("... was established on 3 February 1992")? The heading names
    the paragraph's subject, and its date is the paragraph's own, said again in less detail."""
    (s, e), figures = spans[i], readings[i].figures
    if (i + 1 == len(spans) or len(figures) != 1 or figures[0].value.kind != "date" or e - s > HEADING_LENGTH
            or norm[s - 1:s] not in ("", "\n") or norm[e:e + 1] not in ("", "\n")):
        return False
    heading = figures[0].value
    return any(f.value.kind == "date" and f.value.text != heading.text and heading.low <= f.value.low
               and f.value.high <= heading.high for f in readings[i + 1].figures)


class _ReadAhead:
    """The readings of a document's sentences, each read when first asked for (and the next one, for a heading)."""

    def __init__(self, readings: Iterator[_Reading]) -> None:
        self._readings, self._read = readings, []

    def __getitem__(self, i: int) -> _Reading:
        while len(self._read) <= i:
            self._read.append(next(self._readings))
        return self._read[i]


class _Reading(NamedTuple):
    """What one sentence states: its figures, the period each is stated for (see as_of), and what sets each apart
    from others of its words (kzfr_check.qualifiers)."""

    figures: tuple[Figure, ...]
    periods: tuple[tuple[str | None, Figure | None], ...]
    qualifiers: tuple[Qualifiers, ...]


# One document dense with figures would otherwise cost as much as thousands of documents, in memory (about
# 8 KB a claim) and in grouping: its first figures are checked, with a warning (kzfr_check.pipeline), and a
# page's latest day is read from no more (kzfr_check.sources). The largest document of the test and real
# corpora states 67; a 1 MB line of figures, 44,000 (bench/hostile.py).
CLAIMS_PER_DOCUMENT = 20_000

# What the sentences this process has read state, by sentence (and reference date, where it matters): an
# archive says many sentences again (wire copy reprinted, boilerplate, templates filled in), and reading
# figures is most of what a run costs. Bounded (about 1 KB a sentence: a worker reading 5,000 documents of
# the benchmark keeps 67,000), and forgotten once a check has read its documents.
_READ: dict[tuple[str, dt.date | None, str, dt.date | None], _Reading] = {}
READ_LIMIT = 100_000


def forget_sentences() -> None:
    """Drop what this process remembers of the sentences it has read (see _READ), and of the values and qualifiers
    sent to it."""
    _READ.clear()
    _QUALIFIERS.clear()
    unpickled_value.cache_clear()


def figures_in(said: str, base: dt.date | None, language: str = "en") -> list[Figure]:
    """Every figure of a sentence, read with the grammar of its language: English's own (values), or one
    written as data (grammar)."""
    if language == "en":
        return find_figures(said, base)
    from kzfr_check.grammar import find_figures as find_figures_in

    return find_figures_in(said, base, language)


def _readings(said_all: list[str], base: dt.date | None, languages: Sequence[str],
              day: dt.date | None = None) -> Iterator[_Reading]:
    """What each sentence states, read in its language, as it is asked for; a sentence read before is not read
    again. In a document of a known `day`, a day named by its weekday alone is read too ('arrived on Monday'). In a
    document without a date, a day written without its year ('on Tuesday, March 5') is of the year of the last day
    or month the document stated with its year before it ('2 March 2024'): the year its account is in. (Not what
    is counted from the document's own day: 'last year', 'the 12th anniversary'.)"""
    told: dt.date | None = None  # in a document without a date, the last day or month stated with its year
    for said, language in zip(said_all, languages, strict=True):
        english = language == "en"
        read_from = told if base is None and english and not COUNTED_FROM_TODAY.search(said) else base
        dated = not english or base_matters(said) or RELATIVE_YEAR.search(said) or AS_OF_DAY.search(said)
        weekdays = day is not None and english and WEEKDAY.search(said) is not None
        key = (said, read_from if dated else None, language, day if weekdays else None)
        reading = _READ.get(key)
        if reading is None:
            figures = figures_in(said, read_from, language)
            if weekdays:
                figures = sorted([*figures, *(f for f in weekday_figures(said, day)  # type: ignore[arg-type]
                                              if not any(f.start < g.end and g.start < f.end for g in figures))],
                                 key=lambda f: f.start)
            reading = _Reading(tuple(figures), tuple(_as_of(said, figure, figures, read_from, language)
                                                     for figure in figures),
                               _of_conversions(said, figures, _days_of_times(figures, [
                                   _qualifiers(said, figure, language) for figure in figures])))
            if len(_READ) < READ_LIMIT:
                _READ[key] = reading
        if base is None:
            told = next((_day_of(f.value.text) for f in reversed(reading.figures) if f.value.kind == "date"
                         and DAY_OR_MONTH.fullmatch(f.value.text)), told)
        yield reading


DAY_OR_MONTH = re.compile(r"\d{4}-\d\d(?:-\d\d)?")  # a date's text, to the month or the day
# what is counted back from the day a document is written, which another day it states is not
COUNTED_FROM_TODAY = re.compile(r"\b(?:anniversary|years?|ago|today|yesterday|tomorrow|last|next|this)\b",
                                re.IGNORECASE)


def _day_of(text: str) -> dt.date:
    """The day a date's text names, or the middle of the month it names."""
    year, month, *day = (int(part) for part in text.split("-"))
    return dt.date(year, month, day[0] if day else 15)


AS_OF_YEAR = re.compile(rf"\b(?:as of|at the end of|by the end of|by)\s+(?:the\s+year\s+|year\s+)?({YEAR})\b"
                        rf"|^\W*In\s+(?:the\s+year\s+)?({YEAR})\b(?![.,]\d)",
                        re.IGNORECASE)
AS_OF_HEADING = re.compile(r"\W*(?:[^\W\d_]+\s+){0,3}as\s+(?:of|at|on)\s+", re.IGNORECASE)  # "Situation as of "
AS_OF_DATE = re.compile(r"\b(?:as of|as at|as on|up to|through|by|(?:by|at|as at|as of|until) the end of)\s+$"
                        # "By the time it was declared over on"
                        r"|\bby\s+the\s+time\b[^.;]{0,80}?\b(?:on|in)\s+$", re.IGNORECASE)
# "As of 16 February" in a report of 2023: the figures of the sentence are stated for that day of its year
AS_OF_DAY = re.compile(rf"\b(?:as of|as at|as on)\s+(?P<day>\d{{1,2}}\s+{MONTH_CASED}|{MONTH_CASED}\s+\d{{1,2}})"
                       r"(?!\d|,?\s*\d{4})", re.IGNORECASE)
# "As of October" in a report of December 2021: the figures of the sentence are stated for the last October by then
AS_OF_MONTH = re.compile(rf"\b(?:as of|as at|(?:by|at) the end of)\s+(?P<month>{MONTH_CASED})(?![\w.]|,?\s*\d)",
                         re.IGNORECASE)
# A fiscal year frames the figures of its sentence: it is a budget's or a programme's period, never an event's date
# ("fiscal 2023", "FY2021", "the 2017 financial year")
FISCAL_YEAR = re.compile(rf"\b(?:(?:fiscal|financial)\s+(?:year\s+)?|FY\s?)({YEAR})\b"
                         rf"|\b({YEAR})(?:/\d\d)?\s+(?:fiscal|financial)\s+year\b", re.IGNORECASE)
# A year in brackets that dates the figures of its line, as fact sheets write it: "(2002)", "(2023 est.)", "(July
# 1994 est.)"
YEAR_IN_BRACKETS = re.compile(rf"\((?:[A-Z][a-z]+\.?\s+)?({YEAR})(?:\s+est\.?)?\)")
# a year whose figure follows it in brackets: "the rate in 2021 (14.2 per 100,000)"
YEAR_BEFORE_BRACKETS = re.compile(rf"\bin\s+({YEAR})\s*\(\s*$")
YEAR_LABEL = re.compile(rf"\b({YEAR})\s*:\s*$")  # a year that heads its figure as a label
# a count or a reckoning of a year, which the figures of its clause are of: "A 1958 estimate put the cost at $7.6
# billion", "the 2010 census counted 3.2 million people"
YEAR_OF_A_RECKONING = re.compile(rf"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s+({YEAR})\s+(?:official\s+)?"
                                 r"(?:estimates?|census|survey|count|tally|assessment|study|report)\b[^,;:]*$")
RELATIVE_CLAUSE = re.compile(r"\b(?:that|which|who|whose|when|where)\b", re.IGNORECASE)
# ("over the last year" is the twelve months up to now, and "last year's level" is what another figure is compared
# with: neither is a calendar year the sentence's figures are stated for)
RELATIVE_YEAR = re.compile(r"\b(last|this|previous|past)\s+(?:year|season)\b(?!['’]s)", re.IGNORECASE)
# An event of a year that a clause of time or a relative clause tells with its figure: "in 1884, when 71 people were
# killed", "its deadliest since 1939, when a quake killed 8,000", "the 1961 cyclone that killed 400", "1,800 people
# died when the storm struck Orvel ... in 2005"
EVENT_YEAR_BEFORE = re.compile(rf"\b(?:({YEAR}),?\s+when|\b[Tt]he\s+({YEAR})(?:\s+[^\W\d_][\w'-]*){{1,3}}"
                               r",?\s+(?:that|which|when))\b[^,;:()]*$")
EVENT_YEAR_AFTER = re.compile(rf"[^,;:()]*?\bwhen\b[^,;:()]*?\bin\s+({YEAR})\b(?![.,]\d)")
# what joins a figure to the year it is stated for: "3,460 cases in 2020", "1,840 infections for all of 2016"
YEAR_OF_A_FIGURE = re.compile(r"\b(?:in|for|(?:in|for|during)\s+(?:all|the\s+whole)\s+of)\s+$", re.IGNORECASE)
_YEAR_OF_A_FIGURE_REACH = 24  # characters before the year where those words are read: searched from the sentence's
# start, the pattern would be tried at every position of it
# "the strongest storm to hit the coast since 1998", "its deadliest disaster since 1939": the day a superlative is
# measured back to is the date of an earlier event, which the sentence states, not the period of its other figures
SINCE_A_SUPERLATIVE = re.compile(r"\b(?:the|its|their|\w+['’]s)\s+(?:\w+\s+)?(?:\w+est|most|least|first|worst|best)\b"
                                 r"[^,;:.()]*$", re.IGNORECASE)


# a year a superlative of its clause holds in: "Ostvale had the highest rates of flu deaths in 2016" ranks places
# in that year; it is no date of an event, and another year's ranking is no conflict with it
# (but not a year that a clause of its own tells an event in: "the most since the stands were removed in 1993")
SUPERLATIVE_IN_A_YEAR = re.compile(r"\b(?:the|its|their)\s+(?:\w+est|most|least|worst|best)\b"
                                   r"(?:(?!\b(?:since|when|that|which|who|where|was|were|after|before)\b)[^,;:.()\d])"
                                   r"{0,60}?\bin\s+$", re.IGNORECASE)


def _in_a_superlative(said: str, figure: Figure) -> bool:
    """Is the figure a bare year that a superlative of its clause holds in (see SUPERLATIVE_IN_A_YEAR)?"""
    return (figure.value.kind == "date" and len(figure.value.text) == 4 and said[figure.start - 3:figure.start] == "in "
            and bool(SUPERLATIVE_IN_A_YEAR.search(said, max(0, figure.start - 90), figure.start)))


def _as_of(said: str, figure: Figure, figures: Sequence[Figure], base: dt.date | None,
           language: str) -> tuple[str | None, Figure | None]:
    if language == "en":
        return as_of(said, figure, figures, base)
    from kzfr_check.grammar import year_frame

    return year_frame(said, figure, figures, language, base)


def _since_a_superlative(said: str, figure: Figure) -> bool:
    """Is the figure the day a superlative of its clause is measured back to ('the strongest ... since 1998')?"""
    return said[figure.start:figure.start + 6].lower() == "since " and bool(
        SINCE_A_SUPERLATIVE.search(said, 0, figure.start))


def _date_at(figures: Sequence[Figure], start: int) -> Figure | None:
    """The date figure that starts where a year that frames other figures was read, if it is one."""
    return next((f for f in figures if f.start == start and f.value.kind == "date"), None)


def _bracketed_year(said: str, figure: Figure, figures: Sequence[Figure]) -> tuple[str, Figure | None] | None:
    """The year a bracket states a figure for, in it ('8.4 (2019) deaths per 100,000'), right after it ('from 4.0
    (2003) to ...') or right before it ('the rate in 2021 (14.2 per 100,000)'), with the figure that states it."""
    m = YEAR_IN_BRACKETS.search(said, figure.start, figure.end)
    if m:
        return m[1], None
    m = YEAR_IN_BRACKETS.match(said, figure.end + 1) if said.startswith(" (", figure.end) else None
    if m is None:
        m = YEAR_BEFORE_BRACKETS.search(said, max(0, figure.start - 12), figure.start)
        if m and RELATIVE_CLAUSE.search(re.split(r"[,;:]", said[:m.start()])[-1]):
            return None  # "the cyclone that struck Dunmere in 1961 (928 mb)": the year of the clause's event
    if m is None:
        return None
    return m[1], _date_at(figures, m.start(1))


def _years_after(said: str, figure: Figure, figures: Sequence[Figure]) -> list[Figure]:
    """The years in a figure's own clause after it that may state its period ('... reached $5 billion in 2019'); a
    dash opens an aside, whose year is not the figure's ('$3 billion -- the most until the floods of 2011')."""
    clause = re.split(r"[,;:—]|\s(?:--|[–-])\s", said[figure.end:], maxsplit=1)[0]
    return [f for f in figures if f.value.kind == "date" and re.fullmatch(rf"{YEAR}(?:-\d\d)?", f.value.text)
            and figure.end <= f.start < figure.end + len(clause)
            and YEAR_OF_A_FIGURE.search(said, max(0, f.start - _YEAR_OF_A_FIGURE_REACH), f.start)]


def as_of(said: str, figure: Figure, figures: Sequence[Figure],
          base: dt.date | None) -> tuple[str | None, Figure | None]:
    """The period a sentence says its figure refers to ('in the first nine months of 2022', 'as of
    2023', 'In 2021, ...', 'last year'), for figures that can change over time (dates are events),
    with the figure that states the period when there is one."""
    if figure.value.kind in DATE_KINDS:
        return None, None
    nearest = nearest_period(figure, [f for f in figures if not _since_a_superlative(said, f)])
    # a period open to the present before the figure ('Since 2004, ...') frames the sentence, unless the figure's own
    # clause names its year: 'Since 2004, ... trade passing $38 billion in 2014' is 2014's
    if nearest is not None and not (nearest.value.text.endswith("/..") and nearest.end <= figure.start
                                    and _years_after(said, figure, figures)):
        return nearest.value.text, nearest
    bracketed = _bracketed_year(said, figure, figures) if "(" in said else None
    if bracketed is not None:
        return bracketed
    years = _years_after(said, figure, figures)
    # a year after another figure frames that one: "3.2 million--down from 3.6 million in 1995"; a year in a relative
    # clause dates what that clause tells: "behind Orla (941 mb) and the cyclone that struck Dunmere in 1961"
    if years and not any(figure.end <= f.start < years[0].start and f.value.kind not in DATE_KINDS for f in figures) \
            and not RELATIVE_CLAUSE.search(said, figure.end, years[0].start):
        return years[0].value.text, years[0]
    told = "when" in said or "that" in said or "which" in said  # (what the event patterns need: most lack it)
    event = EVENT_YEAR_BEFORE.search(said, 0, figure.start) if told else None
    after_when = EVENT_YEAR_AFTER.match(said, figure.end) if event is None and "when" in said else None
    if after_when is not None and any(figure.end <= f.start < after_when.start(0) + after_when.group(0).find("when")
                                      and f.value.kind not in DATE_KINDS for f in figures):
        after_when = None  # the clause of time tells of the figure between
    if event is not None or after_when is not None:
        group = (1 if event.group(1) else 2) if event else 1
        year = (event or after_when).group(group)  # type: ignore[union-attr]
        at = (event or after_when).start(group)  # type: ignore[union-attr]
        # (a year the sentence measures a superlative back to stays a claim: 'since 1939'; a year that heads a name is
        # none: 'the 1961 Tarnel cyclone')
        frame = next((f for f in figures if f.start == at and f.value.text == year), None)
        return year, frame
    dated = next((f for f in figures if f.value.kind == "date" and AS_OF_DATE.search(said, 0, f.start)), None)
    if dated is not None:
        return dated.value.text, dated
    m = AS_OF_DAY.search(said)
    if m and base is not None:
        day = parse_date(f"{m['day']} {base.year}", base)
        if day is not None and day[2] is not None:
            return f"{day[0]:04d}-{day[1]:02d}-{day[2]:02d}", None
    m = AS_OF_MONTH.search(said) if base is not None else None
    if m:
        month = parse_date(f"{m['month']} {base.year}", base)  # type: ignore[union-attr]
        if month is not None and month[1] is not None:
            year = base.year if month[1] <= base.month else base.year - 1  # type: ignore[union-attr]
            return f"{year:04d}-{month[1]:02d}", None
    stated = YEAR_IN_BRACKETS.findall(said)
    if len(stated) == 1:  # "Ethnic groups (2002): Tavish 55.8%, ...", "..., other 4.9% (2023 est.)"
        m = YEAR_IN_BRACKETS.search(said)
        frame = next((f for f in figures if f.start <= m.start(1) < f.end and f.value.kind == "date"), None)  # type: ignore[union-attr]
        return stated[0], frame
    lower = said.lower()
    fiscal = list(FISCAL_YEAR.finditer(said)) if "fiscal" in lower or "financial" in lower or "FY" in said else []
    if len(fiscal) == 1:  # "In fiscal 2023, the scheme enrolled ...", "FY2021 spending was ..."
        group = 1 if fiscal[0][1] else 2
        return fiscal[0][group], _date_at(figures, fiscal[0].start(group))
    m = AS_OF_YEAR.search(said)
    if m:
        year_start = m.start(1) if m.group(1) else m.start(2)
        frame = next((f for f in figures if f.start <= year_start < f.end and f.value.kind == "date"), None)
        return m.group(1) or m.group(2), frame
    m = YEAR_LABEL.search(said, 0, figure.start) or YEAR_OF_A_RECKONING.search(said, 0, figure.start)
    if m:  # "Bilateral trade 2022: $2.87 billion", "A 1958 estimate put the total cost at $7.6 billion"
        return m.group(1), _date_at(figures, m.start(1))
    m = RELATIVE_YEAR.search(said) if base is not None else None
    while m and said[max(0, m.start() - 4):m.start()].lower() == "the ":
        m = RELATIVE_YEAR.search(said, m.end())
    if m:
        return str(base.year if m.group(1).lower() == "this" else base.year - 1), None
    return None, None
