"""Stage 1: read source documents into text, a same-length normalised copy, line numbers and a date.

Extraction searches `Source.norm` and quotes `Source.text`, so the promise this module keeps is that an offset in
`norm` is the same offset in `text`; reports place a figure in its file with the line table a source's `Document`
keeps (`line_of`), which is all a check keeps of a source after extraction.
"""

from __future__ import annotations

import codecs
import datetime as dt
import os
import re
import stat
import sys
import unicodedata
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from fnmatch import fnmatchcase
from html.parser import HTMLParser
from itertools import islice
from pathlib import Path, PurePath, PurePosixPath
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import urlsplit

from kzfr_check.errors import InputError, NoSourcesError, printable
from kzfr_check.lang import detect, paragraph_language

if TYPE_CHECKING:
    from kzfr_check.values import Figure

SOURCE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_HTML_SUFFIXES = frozenset({".html", ".htm"})
_UNICODE_ENCODINGS = frozenset({"utf-8", "utf-8-sig", "utf-16", "utf-32"})


@dataclass(frozen=True)
class DocDate:
    """A document's own date, at the precision the document states it."""

    year: int
    month: int | None = None
    day: int | None = None
    # "As of 15 March 2025" heading a situation report: every figure in it is stated as of that date
    snapshot: bool = field(default=False, compare=False)

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
            if self.day is not None:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)


class LineTable(Sequence[tuple[int, int]]):
    """(offset, line) pairs in one array of numbers: what a check keeps of a document's lines. As a tuple of
    pairs, a document of 27 lines cost 2.7 kB in the process that holds every document of the corpus."""

    __slots__ = ("_numbers",)

    def __init__(self, pairs: Sequence[tuple[int, int]]) -> None:
        self._numbers = array("q", [number for pair in pairs for number in pair])

    def __len__(self) -> int:
        return len(self._numbers) // 2

    def __getitem__(self, index: int) -> tuple[int, int]:  # type: ignore[override]  (no slices: bisect needs none)
        if not -len(self) <= index < len(self):
            raise IndexError(index)
        at = 2 * (index % len(self))
        return self._numbers[at], self._numbers[at + 1]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LineTable) and self._numbers == other._numbers

    def __hash__(self) -> int:
        return hash(self._numbers.tobytes())

    def __reduce__(self) -> tuple[type[LineTable], tuple[list[tuple[int, int]]]]:
        return LineTable, (list(self),)


class _Lines:
    """Lines of a file: `line_offsets` holds (offset in the text, 1-based line in the file) where each begins."""

    line_offsets: Sequence[tuple[int, int]]

    def _line_entry(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self.line_offsets, offset, key=lambda entry: entry[0])
        return self.line_offsets[max(index - 1, 0)]

    def line_of(self, offset: int) -> int:
        """1-based line in the original file that holds text[offset]."""
        return self._line_entry(offset)[1]

    def line_start(self, offset: int) -> int:
        """The offset in `text` where the line holding text[offset] begins, to count columns."""
        return self._line_entry(offset)[0]


@dataclass(frozen=True)
class Source(_Lines):
    """One document: its content text, a matching copy with the same offsets, and where lines begin."""

    id: str
    path: str
    text: str
    norm: str
    line_offsets: tuple[tuple[int, int], ...]
    date: DocDate | None
    encoding: str
    language: str = "en"  # the code of its language's data file (kzfr_check/lang), told from its text
    # lines in another language than the document's: (start, end) offsets of each in `norm`, and its language
    other_languages: tuple[tuple[int, int, str], ...] = ()

    def language_at(self, offset: int) -> str:
        """The language of the text at an offset: that of its line when the line is in another language than
        the document's (see paragraph_language), else the document's."""
        index = bisect_right(self.other_languages, offset, key=lambda entry: entry[0])
        if index and offset < self.other_languages[index - 1][1]:
            return self.other_languages[index - 1][2]
        return self.language

    def document(self) -> Document:
        """What a check keeps of this source once its claims are extracted."""
        return Document(self.id, self.path, self.date, self.encoding, self.language, LineTable(self.line_offsets))


@dataclass(frozen=True)
class Document(_Lines):
    """What a check keeps of a source once its claims are extracted: its name, where it is, its date, encoding and
    language, and where its lines begin, to place a figure in its file. Not its text: no later stage reads it (a
    claim holds its quote), and a large corpus's text would not fit in the one process that gathers its claims."""

    id: str
    path: str
    date: DocDate | None
    encoding: str
    language: str
    line_offsets: LineTable


_PUNCTUATION = {
    **dict.fromkeys("‘’‚‛", "'"),
    **dict.fromkeys("“”„‟", '"'),
    **dict.fromkeys("‐‑‒–—―−", "-"),
}


def _normalise_char(char: str) -> str:
    """One character for matching; always exactly one, so offsets survive."""
    if char in "\n\r\t":
        return char
    if char in _PUNCTUATION:
        return _PUNCTUATION[char]
    category = unicodedata.category(char)
    if category in ("Cc", "Cf", "Zs", "Zl", "Zp"):
        return " "
    if category.startswith("M"):
        return char
    # Superscripts and subscripts are footnote marks, never part of a figure.
    if unicodedata.decomposition(char).startswith(("<super>", "<sub>")):
        return " "
    folded = unicodedata.normalize("NFKC", char)
    return _PUNCTUATION.get(folded, folded) if len(folded) == 1 else char


class _CharTable(dict[int, str]):
    """A str.translate table that fills itself in, so each distinct character is classified once."""

    def __missing__(self, codepoint: int) -> str:
        self[codepoint] = mapped = _normalise_char(chr(codepoint))
        return mapped


_CHAR_TABLE = _CharTable()

# Markdown markup that would split a phrase: leading #, > and list bullets, backticks, and * or _
# at the edge of a word ("**three bridges**"), but not the _ inside snake_case.
_MARKDOWN_MARKUP = re.compile(
    r"(?:^|(?<=[\r\n]))[ \t]*(?:#{1,6}(?=[ \t])|(?:>[ \t]?)+|[-*+](?=[ \t]))"
    r"|`+|(?<![^\W_])[*_]+|[*_]+(?![^\W_])"
)


def normalise(text: str) -> str:
    """Text for matching, exactly as long as `text`: Unicode look-alikes folded to plain ASCII forms."""
    return text.translate(_CHAR_TABLE)


def _blank_markdown(norm: str) -> str:
    return _MARKDOWN_MARKUP.sub(lambda match: " " * len(match.group()), norm)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _line_starts(text: str) -> tuple[tuple[int, int], ...]:
    """Where each line begins; CRLF, lone CR and LF each end one line."""
    starts = [0] + [match.end() for match in _LINE_BREAK.finditer(text) if match.end() < len(text)]
    return tuple((start, number) for number, start in enumerate(starts, 1))


_HIDDEN_TAGS = frozenset(
    {"head", "title", "script", "style", "noscript", "template", "nav", "footer", "aside", "svg"}
)
_BLOCK_TAGS = frozenset(
    {"address", "article", "blockquote", "body", "br", "caption", "dd", "details", "div", "dl", "dt",
     "figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "li",
     "main", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul"}
)  # fmt: skip
_HTML_SPACE = re.compile(r"[ \t\n\f]+")


class _VisibleText(HTMLParser):
    """Collects what a reader sees, one line per block, remembering the file line of each piece."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.size = 0
        self.lines: list[tuple[int, int]] = [(0, 1)]
        self.hidden: list[str] = []  # the hidden elements open, outermost first
        self.hidden_at: dict[str, list[int]] = {}  # where each tag is open in `hidden`: a page may nest thousands
        self.pre_depth = 0
        self.space = False
        self.cells = 0  # cells of the table row being read: a row is one line, its cells joined by " | "
        self.term = False  # a <dt> just ended: its <dd> follows on its line ("Total cost: US$2.6 billion")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body" or (tag in _BLOCK_TAGS and self.hidden_at.get("head")):
            self.hidden.clear()  # an unclosed <head> must not hide the page
            self.hidden_at.clear()
        if tag in _HIDDEN_TAGS:
            self.hidden_at.setdefault(tag, []).append(len(self.hidden))
            self.hidden.append(tag)
        elif tag in ("td", "th") and not self.hidden:
            if self.cells and self.parts and not self.parts[-1].endswith("\n"):
                self._append(" | ")
                self.space = False
            self.cells += 1
        elif tag == "dd" and self.term and not self.hidden:
            self._append(": ")
            self.space = False
        elif tag in _BLOCK_TAGS:
            self._end_line()
        self.term = False
        if tag == "pre":
            self.pre_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self.hidden_at.get(tag):  # closes the innermost open one, and whatever is open inside it
            closed = self.hidden_at[tag][-1]
            for inner in self.hidden[closed:]:
                self.hidden_at[inner].pop()
            del self.hidden[closed:]
        elif tag == "dt" and not self.hidden and self.parts and not self.parts[-1].endswith("\n"):
            self.term = True
        elif tag in _BLOCK_TAGS and tag not in ("td", "th"):
            self._end_line()
        if tag in ("tr", "table"):
            self.cells = 0
        if tag == "pre" and self.pre_depth:
            self.pre_depth -= 1

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """The stdlib asserts on an unknown <![name[ section; skip it to its '>' instead."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i)
            return -1 if end < 0 else end + 1

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        first_line = self.getpos()[0]
        for number, piece in enumerate(data.split("\n")):
            if number and self.pre_depth:
                self._end_line()
            self.space = self.space or number > 0
            self._emit(piece, first_line + number)

    def _emit(self, piece: str, line: int) -> None:
        collapsed = _HTML_SPACE.sub(" ", piece)
        self.space = self.space or collapsed.startswith(" ")
        words = collapsed.strip(" ")
        if not words:
            return
        if self.space and self.parts and not self.parts[-1].endswith("\n"):
            self._append(" ")
        if self.lines[-1][1] != line:
            if self.lines[-1][0] == self.size:
                self.lines[-1] = (self.size, line)
            else:
                self.lines.append((self.size, line))
        self._append(words)
        self.space = collapsed.endswith(" ")

    def _end_line(self) -> None:
        if self.parts and not self.parts[-1].endswith("\n"):
            self._append("\n")
        self.space = False
        self.term = False

    def _append(self, chunk: str) -> None:
        self.parts.append(chunk)
        self.size += len(chunk)


def _html_text(markup: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Visible text of a page and, for each piece, the line of the .html file it came from."""
    parser = _VisibleText()
    # One \n per original line ending, so the parser's line count matches the file's.
    parser.feed(_LINE_BREAK.sub("\n", markup))
    parser.close()
    return "".join(parser.parts).rstrip("\n"), tuple(parser.lines)


_DATELINE_SEARCH_LINES = 12
_DATELINE_MAX_WORDS = 12  # a dateline is short: "Paris, 18 June 2022", "Published March 2012"
_DATELINE_HEAD = 1000  # characters of a line searched for its date
_KEYWORD_HEAD = 60  # characters of a line a keyword dateline's word stands in ("Published", "Updated on")
_LETTERS = re.compile(r"[^\W\d_]+")
_DATELINE_KEYWORD = re.compile(r"\b(?:date|dated|published|updated|posted|issued|released|(?P<as_of>as\s+(?:of|at)))\b",
                               re.IGNORECASE)
# what parts a title from its date: "Press release · Geneva, 3 March 2021", "Flood Bulletin - Monday, March 8", "Dam
# Failure: Inquiry and Repairs [May 6, 2040]"
_TITLE_BREAK = re.compile(r"[·•|—–\[]|\s-\s")
_DATELINE_BREAK = re.compile(r"\s*(?:[(\[:|•—–-]|$)")
_DATE_FIELD = re.compile(r"(?P<what>[^\W\d_]+)\s+date\s*[:|-]?\s*$", re.IGNORECASE)
_PAGE_DATE_WORDS = frozenset({"publication", "release", "issue", "posting", "print", "revision", "report", "page",
                              "document", "effective", "last", "modified", "update", "updated", "news"})
_LIST_ITEM = re.compile(r"\s*[-*+•]\s")
_PREPOSITIONS = frozenset("in on since by from until till of at before after to between during".split())
# what a date is of, right before it: a participle, no comma between ("Founded 12 May 1931"), or a fact box's label
# ("Launch: 3 March 2003"); the words of a dateline ("Published", "Date:", "Posted:") are read before these
_EVENT_LABEL = re.compile(r"\b(?i:[a-z]+ed|born|died|begun|built)\s+$|^\W*[A-Z][a-z]+(?:\s+[a-z]+)?\s*:\s*$")


def _event_date_field(segment: str) -> bool:
    """Does a line's text before its date end with a fact sheet's field of an event's date ("Launch Date:",
    "Return date")? A page's own ("Publication date:", "Release Date") is no event's."""
    field = _DATE_FIELD.search(segment)
    return field is not None and field["what"].lower() not in _PAGE_DATE_WORDS


def _dateline_keyword(language: str) -> re.Pattern[str]:
    """What heads a document's own date in its language ("Published", "Опубликовано", "Publié le"), or in English."""
    if language == "en":
        return _DATELINE_KEYWORD
    from kzfr_check.lang import data

    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in
                     sorted(data(language)["grammar"]["dateline_keywords"], key=len, reverse=True))
    return re.compile(rf"{_DATELINE_KEYWORD.pattern}|\b(?:{words})(?!\w)", re.IGNORECASE)


def _dateline_word(segment: str, keyword: re.Pattern[str]) -> re.Match[str] | None:
    """The word of a dateline ("Published", "Updated on", "as of") a few words at most before the date that ends
    `segment`. It makes the date the page's own only near the start of its line: deep in a sentence ("... an alert
    was issued on 9 May") it dates what is told."""
    last = next(reversed(list(keyword.finditer(segment))), None)
    if last is None or len(_LETTERS.findall(segment, last.end())) > 3:
        return None
    return None if _event_date_field(segment) else last


def _is_dateline(line: str, start: int, end: int, keyword: re.Pattern[str] = _DATELINE_KEYWORD) -> bool:
    """A date that heads a line ("Paris, 18 June 2022 (TDI): ...", "Posted on 14 June 2023 · 5 min
    read", "Press release · Geneva, 3 March 2021"), not one inside a sentence ("It opened on May 27,
    1937.")."""
    if line.lstrip().startswith("|"):
        return False  # a table's row: "| First case | 26 January 2023 |" is a fact, not the page's date
    segment = _TITLE_BREAK.split(line[:start])[-1]
    if (word := _dateline_word(segment, keyword)) and word.start() <= _KEYWORD_HEAD:
        return True
    if _LIST_ITEM.match(line) or _event_date_field(segment):
        return False  # an item of a list, as a blog's archive lists its months ("- May 2025"): no page's own date
    words_before = _LETTERS.findall(segment)
    if words_before and words_before[-1].lower() in _PREPOSITIONS:
        return False
    label = line[:start - len(segment)].rstrip(" -–—|·•\t")
    if not words_before and label and (label.split()[-1].lower() in _PREPOSITIONS
                                       or _EVENT_LABEL.search(label + " ")):
        return False  # a fact sheet's "Work started on – March 4, 1911", "Opened – 12 May 1931"
    if words_before and _EVENT_LABEL.search(segment):
        return False  # an infobox's "Founded 12 May 1931", "Born 20 March 1926": its subject's dates
    if len(words_before) > 3:
        return False
    if words_before and all(w.isupper() and len(w) > 1 for w in words_before):
        return True  # a place in capitals heads a wire's dateline: "РАБАТ, 9 сентября. /Агентство/. ..."
    short = sum(1 for _ in islice(_LETTERS.finditer(line), _DATELINE_MAX_WORDS + 1)) <= _DATELINE_MAX_WORDS
    # after a break, the date heads the line's own part only when a title or a place stands before it, not a
    # sentence ("... the night the town still mourns - May 3, 1931, when ...")
    headed = segment != line[:start] and sum(
        1 for _ in islice(_LETTERS.finditer(line, 0, start - len(segment)), _DATELINE_MAX_WORDS + 1)
    ) <= _DATELINE_MAX_WORDS
    return short or headed or bool(_DATELINE_BREAK.match(line, end))


def _document_date(norm: str, language: str = "en") -> DocDate | None:
    """The date a dateline near the top states, at its precision (year, month or day). A dateline that says
    what it is ("Published 17 February 2023", "Published 1994") wins over a date heading a line above it ("...
    February 2023, Weekly Highlights"); a bare year is a document's date only after such a word. A dateline of a
    day without its year ("PARIS, 4 mars (AFP) -", "МОСКВА, 4 марта —") is of the year the page's latest day
    or month with its year is in (the nearest such day to it); without one, the page has no date."""
    found = _dateline(norm, language, None)
    if found is None and (stated := _latest_day_stated(norm, language)) is not None:
        found = _dateline(norm, language, stated)
        if found is not None and found.day is None:
            found = None  # (a day without its year is all a second reading can add)
    return found


def _dateline(norm: str, language: str, base: dt.date | None) -> DocDate | None:
    """The date of the dateline near the top, its days without their year read as the nearest such days to `base`."""
    from kzfr_check.claims import figures_in
    from kzfr_check.values import on_the_calendar

    dateline_keyword = _dateline_keyword(language)
    found: DocDate | None = None
    year: DocDate | None = None
    as_of: DocDate | None = None  # "..., and as of 16 May 2021 the toll stood at": the page is of that time at least
    lines = (match.group() for match in re.finditer(r"[^\r\n]+", norm))
    for line in islice((line for line in lines if line.strip()), _DATELINE_SEARCH_LINES):
        if found is not None and not dateline_keyword.search(line, 0, _KEYWORD_HEAD):
            continue  # only a keyword dateline can win over one found: other lines are not read for dates
        figures = figures_in(_head(line), base, language)
        for figure in figures:
            if not on_the_calendar(figure.value):
                continue  # (a century or a decade is no document's date)
            parts = figure.value.text.split("/")[0].split("-")
            date = DocDate(*(int(p) for p in parts))  # type: ignore[arg-type]
            if _in_a_span(line, figure, figures):
                continue  # an infobox's "Date | 9 April 2014 (41 days) | – 20 May 2014": an event's span
            keyword = _dateline_word(_TITLE_BREAK.split(line[:figure.start])[-1], dateline_keyword)
            if keyword and keyword.start() <= _KEYWORD_HEAD and len(parts) > 1:
                return replace(date, snapshot=keyword["as_of"] is not None)
            if keyword and keyword.start() <= _KEYWORD_HEAD:
                year = year or date
            elif keyword and keyword["as_of"] is not None:
                as_of = as_of or date
            elif found is None and len(parts) > 1 and _is_dateline(line, figure.start, figure.end, dateline_keyword):
                found = date
    return found or year or as_of


# what leads from a date to the end of its span: a dash, after a count of its days and a table's bar at most
_TO_THE_END = re.compile(r"[\s|]*(?:\([^()]{1,30}\)[\s|]*)?[–—-]\s*")


def _in_a_span(line: str, figure: Figure, figures: Sequence[Figure]) -> bool:
    """Is a date of a line the first or the last day of a span the line states ('9 April 2014 – 20 May 2014')?"""
    def to_the_end(first: Figure, last: Figure) -> bool:
        dash = _TO_THE_END.match(line, first.end)
        return dash is not None and dash.end() == last.start and first.value.kind == last.value.kind == "date"
    return any(to_the_end(figure, other) or to_the_end(other, figure) for other in figures)


_A_YEAR = re.compile(r"(?<!\d)(?:1[89]|2[01])\d\d(?!\d)")


def _latest_day_stated(norm: str, language: str) -> dt.date | None:
    """The latest day or month (its middle) a page states with its year, anywhere in it: what it reports goes up to
    about its own day, and the days it names from its past are earlier. Only lines with a year are read, a long one
    in windows as claims are (a line of figures with no end would cost its length once per figure in it), and only
    until as many figures are read as a document's claims may be (a hostile document is not read to its end)."""
    from kzfr_check.claims import CLAIMS_PER_DOCUMENT, figures_in, windows

    latest: dt.date | None = None
    read = 0
    for line in re.finditer(r"[^\r\n]+", norm):
        text = line.group()
        for start, end in windows(text, 0, 0, len(text)):
            if not _A_YEAR.search(text, start, end):
                continue
            if read > CLAIMS_PER_DOCUMENT:
                return latest
            figures = figures_in(text[start:end], None, language)
            read += len(figures)
            for figure in figures:
                parts = figure.value.text.split("/")[0].split("-")
                if figure.value.kind == "date" and len(parts) > 1 and parts[0].isdigit():
                    day = dt.date(int(parts[0]), int(parts[1]), int(parts[2]) if len(parts) > 2 else 15)
                    latest = day if latest is None else max(latest, day)
    return latest


def _head(line: str) -> str:
    """The start of a line, cut at a space, where a dateline's date is: a long first line (a whole
    document on one line) is not searched for dates twice."""
    if len(line) <= _DATELINE_HEAD:
        return line
    cut = line.rfind(" ", 0, _DATELINE_HEAD)
    return line[: cut if cut > 0 else _DATELINE_HEAD]


def _looks_cyrillic(data: bytes) -> bool:
    """cp1251 Russian spells whole words in bytes 0xC0-0xFF; Latin text has a lone accent here and there."""
    runs = re.findall(rb"[\xc0-\xff]+", data)
    letters = sum(len(run) for run in runs)
    return letters > 0 and (letters - len(runs)) * 10 >= letters * 6


def _decode(data: bytes) -> tuple[str, str]:
    """Unicode when the bytes say so; otherwise the legacy code page the bytes look like."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", "replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE begins both
        return data.decode("utf-32", "replace"), "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding in ("cp1251", "cp1252") if _looks_cyrillic(data) else ("cp1252",):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


# Every report kzfr-check writes names its writer near its start, each in its format's own way (see
# kzfr_check/report), and the text view ends with its summary line: a report saved among the sources is
# recognised and never read as a source.
REPORT_SIGNS = re.compile(
    r'<meta name="generator" content="kzfr-check'  # html
    r"|<!-- generator: kzfr-check"  # markdown
    r'|"schema": "kzfr-check/'  # json
    r'|"name": "kzfr-check"'  # sarif: its tool
    r"|^::(?:error|notice) file=.*::"  # github annotations
)
TEXT_SUMMARY = re.compile(r"^\d+ sources?, \d+ claims?, \d+ topics?: \d+ conflicts?, \d+ resolved, ", re.MULTILINE)
_REPORT_EDGE = 2000  # characters of a file searched for a sign, at its start, and at its end for the summary


def is_own_report(text: str) -> bool:
    """Whether a decoded file is a report kzfr-check wrote: then reading it would count its quotes twice."""
    return (REPORT_SIGNS.search(text, 0, _REPORT_EDGE) is not None
            or TEXT_SUMMARY.search(text, max(0, len(text) - _REPORT_EDGE)) is not None)


def _looks_binary(data: bytes) -> bool:
    """NUL bytes early on mean a binary file, unless a UTF-16 or UTF-32 byte order mark explains them."""
    unicode = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)  # UTF-32 LE begins as UTF-16 LE
    return not data.startswith(unicode) and b"\0" in data[:8192]


def display_path(path: Path) -> str:
    """The path as the user would type it: relative to the working directory when under it."""
    try:
        return name_text(Path(os.path.abspath(path)).relative_to(os.getcwd()).as_posix())
    except (ValueError, OSError):
        return name_text(path.as_posix())


def name_text(name: str) -> str:
    """A file name as text: bytes of a name that are not UTF-8 (Python keeps them as lone surrogates, which no
    output can encode) are shown as escapes, "caf\\xe9.txt"."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


DEFAULT_MAX_BYTES = 50_000_000  # a source larger than this is refused, not read into memory


def _read_bytes(path: Path, shown: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a regular file, never more than max_bytes: a device, a FIFO or a socket (/dev/zero
    named, or linked to) is refused before it is opened, as it could be endless or block for ever."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise InputError(f"{shown}: cannot read (not a regular file)")
        # Non-blocking: a file swapped for a FIFO after the check above must not hang the open.
        with os.fdopen(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as file:
            info = os.fstat(file.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise InputError(f"{shown}: cannot read (not a regular file)")
            if info.st_size > max_bytes:
                raise _over_limit(shown, max_bytes, info.st_size)
            data = file.read(max_bytes + 1)  # the size said is not trusted: a file may grow
    except OSError as error:
        raise _cannot_read(shown, error) from None
    if len(data) > max_bytes:
        raise _over_limit(shown, max_bytes)
    return data


def _over_limit(shown: str, max_bytes: int, size: int | None = None) -> InputError:
    """A source over --max-bytes, by the size its file system says (`size`) or by what was read past it."""
    if size is not None:
        return InputError(f"{shown}: {size:,} bytes is over the limit of {max_bytes:,} (raise it with --max-bytes)")
    return InputError(f"{shown}: over the limit of {max_bytes:,} bytes (raise it with --max-bytes)")


def _cannot_read(shown: str, error: OSError) -> InputError:
    return InputError(f"{shown}: cannot read ({(error.strerror or type(error).__name__).lower()})")


def _source_from_text(decoded: str, encoding: str, path: PurePath, shown: str, language: str | None = None) -> Source:
    suffix = path.suffix.lower()
    if suffix in _HTML_SUFFIXES:
        text, line_offsets = _html_text(decoded)
    else:
        text, line_offsets = decoded, _line_starts(decoded)
    norm = normalise(text)
    if suffix in _MARKDOWN_SUFFIXES:
        norm = _blank_markdown(norm)
    if norm == text:
        norm = text  # one string, not two equal ones: most text has nothing to fold
    declared = language is not None
    language = language or detect(norm)
    others = () if declared else _other_languages(norm, language)
    return Source(name_text(path.stem), shown, text, norm, line_offsets, _document_date(norm, language), encoding,
                  language, others)


def _other_languages(norm: str, language: str) -> tuple[tuple[int, int, str], ...]:
    """The lines of a text written in another language than the whole text's (a declared language has none)."""
    others = []
    for line in re.finditer(r"[^\n]+", norm):
        told = paragraph_language(line.group(), language)
        if told != language:
            others.append((line.start(), line.end(), told))
    return tuple(others)


def _print_warning(message: str) -> None:
    print(f"warning: {printable(message)}", file=sys.stderr)


def is_inside(real: str, folder: str) -> bool:
    """Whether a real path (links resolved) is the real folder given or under it."""
    return real == folder or real.startswith(folder.rstrip(os.sep) + os.sep)


def _walk(root: Path, warn: Callable[[str], None], allow_outside: bool) -> list[Path]:
    """Source files under root, hidden folders skipped; each real folder once, so links cannot loop. A link to
    a file or folder outside root is not followed (unless allow_outside), with a warning: a document in a pull
    request can be a link to a secret elsewhere on the machine."""
    seen: set[str] = set()
    files: list[Path] = []
    top = os.path.realpath(root)
    for folder, subfolders, names in os.walk(root, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            subfolders.clear()
            continue
        seen.add(real)
        if not allow_outside and not is_inside(real, top):
            warn(f"{display_path(Path(folder))}: skipped, a link out of {display_path(root)}")
            subfolders.clear()
            continue
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in sorted(names):
            path = os.path.join(folder, name)
            if name.startswith(".") or Path(name).suffix.lower() not in SOURCE_SUFFIXES or not os.path.isfile(path):
                continue
            if not allow_outside and os.path.islink(path) and not is_inside(os.path.realpath(path), top):
                warn(f"{display_path(Path(path))}: skipped, a link out of {display_path(root)}")
                continue
            files.append(Path(path))
    return files


def excluded(file: Path, exclude: Sequence[str], base: Path) -> bool:
    """Whether a glob of `[sources] exclude` matches the file's path relative to `base` (the folder of
    claims.toml), or one of its folders: "drafts" and "drafts/*" leave out all under drafts/."""
    relative = Path(os.path.relpath(os.path.abspath(file), os.path.abspath(base)))
    names = [relative.as_posix(), *(parent.as_posix() for parent in relative.parents if parent.name)]
    return any(fnmatchcase(name, glob) for glob in exclude for name in names)


def _refuse_whole_disks(path: Path) -> None:
    """The root of the file system or the home folder is never a folder of documents: walking it would read
    whatever the machine holds."""
    real = os.path.realpath(path)
    if real == os.path.realpath(os.sep):
        raise InputError(f"{path}: refusing to check the whole file system; name a folder of documents")
    if real == os.path.realpath(Path.home()):
        raise InputError(f"{path}: refusing to check the home folder; name a folder of documents")


def find_source_files(paths: Sequence[str | Path], exclude: Sequence[str] = (), base: Path | None = None,
                      warn: Callable[[str], None] = _print_warning, allow_outside: bool = False) -> list[Path]:
    """Files named, plus source files under folders named, less those `exclude` matches (globs relative to
    `base`); each real file once, in path order. A file named is read even when a glob matches it. Links inside
    a folder that lead out of it are skipped with a warning, unless allow_outside (see _walk)."""
    found: dict[str, Path] = {}
    for given in paths:
        path = Path(given)
        if not path.exists():
            problem = "broken or looping symbolic link" if path.is_symlink() else "no such file or directory"
            raise InputError(f"{given}: {problem}")
        if path.is_dir():
            _refuse_whole_disks(path)
            files = [file for file in _walk(path, warn, allow_outside)
                     if not (exclude and excluded(file, exclude, base or Path.cwd()))]
        else:
            files = [path]
        for file in files:
            found.setdefault(os.path.realpath(file), file)
    return sorted(found.values(), key=lambda file: file.parts)


def folders_holding(paths: Sequence[str | Path], files: Sequence[str | Path]) -> list[Path]:
    """The paths to name for the files found under `paths`: a file named stays; a folder gives way to its
    first-level folders that hold the files, unless it holds one of them itself. So `init` in a project
    names `sources`, not `.`."""
    held = [Path(os.path.abspath(file)) for file in files]
    named: list[Path] = []
    for given in map(Path, paths):
        if not given.is_dir():
            named.append(given)
            continue
        root = Path(os.path.abspath(given))
        under = [file.relative_to(root).parts for file in held if file.is_relative_to(root)]
        if not under or any(len(parts) == 1 for parts in under):
            named.append(given)
        else:
            named += [given / folder for folder in sorted({parts[0] for parts in under})]
    return list(dict.fromkeys(named))


def read_source(path: Path, display: str | None = None) -> Source:
    """Read one document; binary content is refused rather than read as noise."""
    shown = display or display_path(path)
    data = _read_bytes(path, shown)
    if _looks_binary(data):
        raise InputError(f"{shown}: cannot read (looks binary)")
    return _source_from_text(*_decode(data), path, shown)


Named = TypeVar("Named", Source, Document)


def _unique_ids(sources: list[Named], paths: list[Path]) -> list[Named]:
    """Stems name sources in reports; when two files share one, their folder tells them apart."""
    stems = Counter(source.id for source in sources)
    taken: Counter[str] = Counter()
    unique: list[Named] = []
    for source, path in zip(sources, paths, strict=True):
        ident = source.id
        if stems[ident] > 1:
            ident = f"{name_text(Path(os.path.abspath(path)).parent.name)}/{ident}"
            taken[ident] += 1
            ident = ident if taken[ident] == 1 else f"{ident}-{taken[ident]}"
        unique.append(replace(source, id=ident))
    return unique


_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+://")


def is_url(location: str | Path) -> bool:
    """A location fsspec reads (s3://bucket/key, gs://…, file:///…), not a path of this machine."""
    return isinstance(location, str) and _URL.match(location) is not None


def _filesystem(url: str):  # type: ignore[no-untyped-def]
    """fsspec's file system for the URL and the path in it; a missing package is the user's to install."""
    try:
        from fsspec.core import url_to_fs

        return url_to_fs(url)
    except ImportError as exc:  # fsspec itself, or the package of the URL's protocol (s3fs, gcsfs, …)
        hint = "pip install fsspec" if (exc.name or "").split(".")[0] == "fsspec" else exc.msg
        raise InputError(f"{url}: cannot read URLs ({hint})") from None
    except ValueError as exc:
        raise InputError(f"{url}: {exc}") from None


def find_source_urls(urls: Sequence[str]) -> list[str]:
    """Source files at the URLs given: a URL of a file, or every source file under a URL of a folder (hidden
    ones aside), in order. `[sources] exclude` applies to local paths only."""
    found: dict[str, None] = {}
    for url in urls:
        fs, root = _filesystem(url)
        try:
            if fs.isdir(root):
                under = [path for path in fs.find(root) if PurePosixPath(path).suffix.lower() in SOURCE_SUFFIXES
                         and not any(part.startswith(".") for part in PurePosixPath(path).relative_to(root).parts)]
            elif fs.exists(root):
                under = [root]
            else:
                raise InputError(f"{url}: no such file or directory")
        except OSError as error:
            raise InputError(f"{url}: cannot list ({error.strerror or error})") from None
        found.update(dict.fromkeys(fs.unstrip_protocol(path) for path in sorted(under)))
    return list(found)


def _read_url_bytes(url: str, max_bytes: int) -> bytes:
    fs, path = _filesystem(url)
    try:
        size = fs.size(path)
        if size is not None and size > max_bytes:
            raise _over_limit(url, max_bytes, size)
        data = bytes(fs.cat_file(path, start=0, end=max_bytes + 1))  # the size said is not trusted: a file may grow
    except OSError as error:
        raise _cannot_read(url, error) from None
    if len(data) > max_bytes:
        raise _over_limit(url, max_bytes)
    return data


def read_document(location: Path | str, shown: str, max_bytes: int = DEFAULT_MAX_BYTES,
                  language: str | None = None) -> tuple[Source | None, str | None]:
    """One file found under the paths checked (or at a URL fsspec reads), and the warning to give about it:
    binary content is skipped (no Source), a legacy encoding read but noted. Its language is told from its text
    unless given. Depends on its arguments only, for worker processes."""
    if is_url(location):
        data, name = _read_url_bytes(str(location), max_bytes), PurePosixPath(urlsplit(str(location)).path)
    else:
        data, name = _read_bytes(Path(location), shown, max_bytes), PurePath(location)
    if _looks_binary(data):
        return None, f"{shown}: skipped, looks binary"
    decoded, encoding = _decode(data)
    if is_own_report(decoded):
        return None, f"{shown}: skipped, a report kzfr-check wrote"
    source = _source_from_text(decoded, encoding, name, shown, language)
    if source.encoding not in _UNICODE_ENCODINGS:
        return source, f"{shown}: not UTF-8, read as {source.encoding}"
    return source, None


def name_sources(sources: list[Named], files: list[Path], paths: Sequence[str | Path]) -> list[Named]:
    """The sources read from `files`, found under `paths`, each with an id of its own; none is an error."""
    if not sources:
        named = ", ".join(str(path) for path in paths) or "no path given"
        raise NoSourcesError(f"{named}: no readable .txt, .md or .html documents")
    return _unique_ids(sources, files)


def load_sources(paths: Sequence[str | Path], warn: Callable[[str], None] = _print_warning,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> list[Source]:
    """Every readable document under paths; binary files are skipped and legacy encodings noted via warn."""
    sources: list[Source] = []
    kept: list[Path] = []
    for path in find_source_files(paths, warn=warn):
        source, warning = read_document(path, display_path(path), max_bytes)
        if warning is not None:
            warn(warning)
        if source is not None:
            sources.append(source)
            kept.append(path)
    return name_sources(sources, kept, paths)
