"""The grammar of figures for a language written as data (kzfr_check/lang/<code>.toml): the same kinds of value as
the English grammar of values.py, read with the words of another language. The engine reads keys, never words, so
a new language needs only its data file.

English keeps its own, richer grammar (values.py); this one reads numbers with decimal commas and spaces between
thousands ("4,2", "1 500"), number words and ordinals in their inflections, scales, currencies, bounds, dates,
periods, anniversaries, ranks and counts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from kzfr_check.lang import concept_of, concepts, data, gloss, stop_words
from kzfr_check.values import (
    _PREFIXES,
    _RANGED,
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    DATE_ISO,
    DATE_KINDS,
    INF,
    UNIT_SYMBOLS,
    YEAR,
    Figure,
    Value,
    _alternation,
    _bounded,
    _date_text,
    _fmt,
    _half_ulp,
    _span,
    _Taken,
    from_low_end,
    nearest_day,
    nearest_period,
    parse_date,
)

# the English bound each class of bound of a data file reads as (values._bounded gives its interval)
_BOUND_CLASSES = {"at_least": "at least", "at_most": "at most", "more_than": "more than", "less_than": "less than",
                  "nearly": "nearly", "about": "about"}
_SCALE_NAMES = (("trillion", 10**12), ("billion", 10**9), ("million", 10**6))
_CLAUSE_BREAK = re.compile(r"[.;:()]|,(?!\d)|\d")
_THOUSANDS_BY_STOPS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_MULTIPLYING = (20, 100)  # the number words a unit before multiplies: "quatre-vingts", "deux cents"
_NEAR = 5  # words either side of a count where the word naming its measure is looked for
_WORD = re.compile(r"[^\W\d_][\w'-]*")
_I = re.IGNORECASE


def _templates(templates: Iterable[str], number: str, group: str) -> str:
    """A regex for any of the phrases, '{n}' in each a number in a group of its own (group0, group1, ...)."""
    return "|".join(re.escape(t).replace(r"\ ", r"\s+").replace(r"\{n\}", f"(?P<{group}{i}>{number})")
                    for i, t in enumerate(templates)) or "(?!)"


def _words(words: Iterable[str]) -> str:
    """A regex for any of the phrases, longest first, spaces matching any run of spaces."""
    return _alternation(words).replace(r"\ ", r"\s+") if words else "(?!)"


@dataclass(frozen=True)
class Grammar:
    """One language's patterns and tables, compiled once, the first time a document in it is read."""

    language: str
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    cardinals: dict[str, int]
    ordinals: dict[str, int]
    scales: dict[str, int]
    currencies: dict[str, str]
    bounds: dict[str, str]
    months: dict[str, int]
    time_units: frozenset[str]
    determiners: frozenset[str]
    sequence_nouns: frozenset[str]
    rank_words: re.Pattern[str]
    rank_verbs: frozenset[str]
    rank_in: frozenset[str]
    articles: frozenset[str]
    in_year: re.Pattern[str]
    last_year: re.Pattern[str]
    this_year: re.Pattern[str]
    months_of_relative: re.Pattern[str]
    month_range: re.Pattern[str]
    anniversary_words: dict[str, int]
    of: re.Pattern[str]
    abbreviations: frozenset[str]
    units: dict[str, str]
    months_named: dict[str, int]
    top_words: dict[str, int]
    collectives: dict[str, int]  # words that say a number of their own, roughly: "une centaine" (about 100)
    year_spans: dict[str, int]
    year_span_words: frozenset[str]  # the words of year_spans: a sentence holding none of them states no span
    digits: re.Pattern[str]  # a number in digits, as this language writes one
    spelled: re.Pattern[str]  # a number in words: "двадцать пять", "quatre-vingts"
    low_end: re.Pattern[str]  # the lower end of a range, right before its upper one: "de 50.000 à ", "от 5 до "
    change_words: tuple[str, ...]  # the stems of words after which "from a to b" is a change, not a range


@cache
def grammar(language: str) -> Grammar:
    g = data(language)["grammar"]
    cardinals = {w.lower(): n for w, n in g["cardinals"].items()}
    ordinals = {stem + end: n for stem, n in g["ordinals"].items() for end in g["ordinal_endings"]}
    scales = {w.lower(): n for w, n in g["scales"].items()}
    currencies = {**{c.lower(): c for c in CURRENCY_CODES}, **{w.lower(): c for w, c in g["currencies"].items()}}
    bounds = {phrase: english for key, english in _BOUND_CLASSES.items() for phrase in g[key]}
    months = {w.lower(): n for w, n in g["months"].items()}
    # with a decimal comma, thousands are set apart by spaces or by full stops: "1 500", "50.000"
    digits = r"\d{1,3}(?: \d{3})+(?:,\d+)?|\d{1,3}(?:\.\d{3})+(?![\d,])|\d+(?:,\d+)?|\d+\.\d+" \
        if g["decimal_comma"] else r"\d+(?:\.\d+)?"
    # number words follow one another: "двадцать пять", "quatre-vingt-dix", "deux cent vingt" (see _number_words)
    number = rf"(?:(?<![\w.,])(?:{digits})(?!\d)|\b{_words(cardinals)}(?:(?:\s+|-){_words(cardinals)})*\b)"
    scale = rf"(?:{_words(scales)})(?!\w)"
    bound = rf"(?:\b{_words(bounds)})"
    # an article may follow a bound ("dépasse les 3 460 victimes") or a range's middle word ("entre 30 et les 40")
    article = rf"(?:\s+{_words(g['articles'])}(?=\s))?" if g["articles"] else ""
    bounded = rf"(?P<bound>{bound}){article}"
    month = rf"(?:{_words(months)})(?!\w)"
    year_words = rf"(?:\s+{_words(g['year_words'])}(?!\w))?"
    day_month_year = rf"\b(?P<d>\d{{1,2}})(?:er|-?е)?(?:\s*(?:[-–]|\s{_words(g['and'])}\s)\s*(?P<d2>\d{{1,2}}))?\s+" \
                     rf"(?P<m>{month})\s*,?\s+(?P<y>{YEAR})\b{year_words}"
    month_year = rf"\b(?P<m>{month})\s+(?P<y>{YEAR})\b{year_words}"
    day_range = "|".join(
        rf"\b{_words([a])}\s+(?P<d{i}>\d{{1,2}})(?:er)?\s+{_words([b])}\s+(?P<e{i}>\d{{1,2}})\s+(?P<m{i}>{month})\s*,?\s+"
        rf"(?P<y{i}>{YEAR})\b{year_words}" for i, (a, b) in enumerate(g["day_range"])) or "(?!)"
    # a day, or days, of a month without its year ("le 4 décembre", "с 3 по 8 октября"); those with one are read first
    days_no_year = "|".join([
        *(rf"\b{_words([a])}\s+(?P<d{i}>\d{{1,2}})(?:er)?\s+{_words([b])}\s+(?P<e{i}>\d{{1,2}})\s+(?P<m{i}>{month})"
          for i, (a, b) in enumerate(g["day_range"])),
        rf"\b(?P<d>\d{{1,2}})(?:er|-?е)?(?:\s*(?:[-–]|\s{_words(g['and'])}\s)\s*(?P<d2>\d{{1,2}}))?\s+(?P<m>{month})"])
    one_date = rf"(?:\d{{1,2}}\s+{month}\s+{YEAR}|{month}\s+{YEAR}|{YEAR})"
    of = rf"(?:\s*(?:{_words(g['of'])})\s*)?" if g.get("of") else ""
    currency_words = _alternation(w.lower() for w in g["currencies"])
    symbols = _alternation(CURRENCY_SYMBOLS)
    codes = "|".join(CURRENCY_CODES)
    ordinal_words = _words(ordinals)
    ordinal_suffix = rf"(?:{_words(g['ordinal_suffixes'])})"
    ordinal_digits = rf"\d{{1,3}}{ordinal_suffix}"
    # from one month to another, of a year named after them or of the document's: "entre janvier et septembre 2022",
    # "с января по сентябрь"
    month_range = "|".join([*(rf"\b{_words([a])}\s+(?P<ma{i}>{month})\s+{_words([b])}\s+(?P<mb{i}>{month})"
                              for i, (a, b) in enumerate(g["ranges"])),
                            rf"\b(?P<ma>{month})\s*[-–—]\s*(?P<mb>{month})"])  # "январь-март", "janvier–mars"
    between = "|".join(rf"\b{_words([a])}\s+(?P<a{i}>{one_date}){year_words}\s+{_words([b])}\s+(?P<b{i}>{one_date})"
                       for i, (a, b) in enumerate(g["between"]))
    months_of = "|".join(
        re.escape(t).replace(r"\ ", r"\s+").replace(r"\{n\}", f"(?P<n{i}>{number})") + rf"[^\W\d_]*\s*(?P<y{i}>{YEAR})"
        for i, t in enumerate(g["months_of"]))
    # the first N months of the year the document is written in, or of the year before: "за восемь месяцев
    # текущего года", "les huit premiers mois de l'année"
    months_of_relative = "|".join(
        re.escape(t).replace(r"\ ", r"\s+").replace(r"\{n\}", f"(?P<n{i}>{number})") + r"[^\W\d_]*\s*"
        for i, t in enumerate(g["months_of"]))
    this_year = _words([*g["this_year"], *g["months_of_this_year"]])
    months_of_relative = rf"(?:{months_of_relative})(?:(?P<this>{this_year})|(?P<last>{_words(g['last_year'])}))(?!\w)"
    anniversary = [rf"(?<![\d.,])(?P<n>\d{{1,3}})(?:{_words(g['anniversary_suffixes'])})\w*"] \
        if g["anniversary_suffixes"] else []
    if g["anniversary_words"]:
        anniversary.append(rf"\b(?P<w>{_words(g['anniversary_words'])})\w*")
    anniversary.append(rf"\b(?P<o>{ordinal_words}|{ordinal_digits})\s+(?:{_words(g['anniversary_after'])})\b")
    anniversary.append(rf"\b(?:{_templates(g['anniversary_phrases'], number, 'q')})(?!\w)")
    months_named = (rf"\b(?P<part>{_words(g['months_named'])})\s+(?:(?:{_words(g['of'])})\s*)?(?P<py>{YEAR})\b"
                    rf"{year_words}")
    lasted = (rf"\b{_words(g['since_years'])}\s+(?:(?P<bound>{bound})\s+)?(?:(?P<num>{number})\s+"
              rf"{_words(g['years_after'])}|(?P<span>{_words(g['year_spans'])}))(?!\w)")
    top = [rf"\b(?:{_templates(g['top'], number, 't')})(?!\w)"]
    if g["top_words"]:
        top.append(rf"\b(?P<tw>{_words(g['top_words'])})(?!\w)")
    patterns: list[tuple[str, str]] = [
        ("skip", r"\b\d{1,2}(?::|\s?h\s?)\d{2}\b|\[\s*\d+\s*\]"),  # a time ("12:25", "09h15"), a note
        ("numeric_date", rf"\b(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>{YEAR})\b"),
        ("money", rf"(?:(?P<bound>{bound})\s+)?(?P<cur>{symbols}|(?-i:(?:{codes}))\b)\s?(?P<num>{number})"
                  rf"(?:\s*(?P<scale>{scale}))?"),
        ("money", rf"(?:{bounded}\s*)?(?P<num>{number})(?:\s*(?P<scale>{scale})(?:\s+(?P<scale2>{scale}))?"
                  rf"(?:\s+(?P<num2>{number})\s*(?P<scale3>{scale}))?)?"
                  rf"{of}\s*(?P<cur>{currency_words}|{symbols}|(?-i:(?:{codes}))\b)(?!\w)"),
        ("percent", rf"(?:{bounded}\s*)?(?P<num>{number})\s*(?:%|{_words(g['percent_words'])}\b)"),
        # a magnitude, compared only with magnitudes: "une magnitude de 7,8", "магнитудой 7,8"
        ("magnitude", rf"\b(?:{_words(g['magnitude_words'])}){of}\s*(?P<num>\d(?:[.,]\d{{1,2}})?)(?![.,]?\d)"),
        # ... and after the verb that states it, a few words on: "магнитуда толчка в Варске составила 6,1"
        ("magnitude", rf"\b(?:{_words(g['magnitude_words'])})(?:\s+[^\W\d_]+){{0,4}}?\s+{_words(g['magnitude_verbs'])}"
                      rf"\s+(?P<num>\d(?:[.,]\d{{1,2}})?)(?![.,]?\d)"),
        ("period", between),
        ("period", rf"\b(?P<a>{YEAR})\s*[-–]\s*(?P<b>{YEAR})\b{year_words}"),
        ("period", months_of),
        ("period", months_named),
        ("period", rf"(?:{month_range})\s+(?P<ry>{YEAR})\b{year_words}"),
        ("since", rf"\b{_words(g['since'])}\s+(?P<a>{one_date})\b"),
        ("date", day_range),
        ("date", day_month_year),
        ("date", month_year),
        ("date", DATE_ISO),
        ("anniversary", "|".join(anniversary)),
        ("lasted", lasted),
        ("measure", rf"(?:{bounded}\s+)?(?P<num>{number})(?:\s*(?P<scale>{scale})(?:\s+(?P<scale2>{scale}))?)?"
                    rf"{of}\s*(?P<unit>{_words(g['units'])})(?![\w²³])"),
        ("day", days_no_year),
        ("skip", rf"\b\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s+{month}"),
        ("skip", rf"\d+(?:[.,]\d+)?\s*°\s*[CF]?|\b[^\W\d_]+-?\d+[\w+-]*"
                 rf"|\b\d+(?!{ordinal_suffix}(?!\w))[^\W\d_]{{3,}}\w*|\d+\+\d+"),
        ("rank_top", "|".join(top)),
        ("rank", rf"\b(?:{ordinal_words}|{ordinal_digits})(?!\w)"),
        ("year", rf"(?<![$€£¥₽₸.,\d])\b{YEAR}\b(?![.,]\d)"),
        # a number said as a word of its own ("une centaine de morts", "plus d'un millier", "более тысячи"): after a
        # bound or a word of one only ("des centaines", "тысячи человек" are no number)
        ("collective", rf"(?:{bounded}\s*)?(?:(?P<one>{_words(w for w, n in cardinals.items() if n == 1)})\s+)?"
                       rf"(?P<coll>{_words([*g['collective_numbers'], *scales])})(?!\w)"),
        ("count", rf"(?:{bounded}\s+)?(?P<num>{number})(?:\s+(?P<scale>{scale})(?:\s+(?P<scale2>{scale}))?)?"),
    ]
    rank_words = re.compile(rf"\b{_words(g['rank_words'])}", _I)
    spelled = rf"\b{_words(cardinals)}(?:(?:\s+|-){_words(cardinals)})*\b"  # "двух", "vingt-cinq"
    low_end = "|".join([*(rf"\b{_words([a])}\s+(?P<low{i}>{digits}|{spelled})\s+{_words([b])}{article}\s+$"
                          for i, (a, b) in enumerate(g["ranges"])),
                        rf"(?<![\w.,])(?P<low>{digits})\s*[-–]\s*$"])
    return Grammar(
        language=language,
        patterns=tuple((kind, re.compile(regex, _I)) for kind, regex in patterns if regex),
        cardinals=cardinals, ordinals=ordinals, scales=scales, currencies=currencies, bounds=bounds, months=months,
        time_units=frozenset(g["time_units"]), determiners=frozenset(g["determiners"]),
        sequence_nouns=frozenset(g["sequence_nouns"]),
        rank_words=rank_words, rank_verbs=frozenset(g["rank_verbs"]), rank_in=frozenset(g["rank_in"]),
        articles=frozenset(g["articles"]),
        in_year=re.compile(rf"\b{_words(g['in_year'])}\s+$", _I),
        last_year=re.compile(rf"(?<!\w){_words(g['last_year'])}(?!\w)", _I),
        this_year=re.compile(rf"(?<!\w){_words(g['this_year'])}(?!\w)", _I),
        months_of_relative=re.compile(months_of_relative, _I),
        month_range=re.compile(rf"(?:{month_range})(?:\s*(?:(?P<this>{this_year})|(?P<last>{_words(g['last_year'])})))?"
                               rf"(?![\w\s]*?\b{YEAR})", _I),
        anniversary_words={w.lower(): n for w, n in g["anniversary_words"].items()},
        # a whole word: "de" before a space, "d'" before anything ("dernières" starts with no "de")
        of=re.compile(rf"(?:{_words(g['of'])})(?:(?<=')|\s+)" if g.get("of") else "(?!)", _I),
        abbreviations=frozenset(a.lower() for a in g["abbreviations"]),
        units={w.lower(): symbol for w, symbol in g["units"].items()},
        months_named={" ".join(w.lower().split()): n for w, n in g["months_named"].items()},
        top_words={w.lower(): n for w, n in g["top_words"].items()},
        collectives={w.lower(): n for w, n in g["collective_numbers"].items()},
        year_spans={" ".join(w.lower().split()): n for w, n in g["year_spans"].items()},
        year_span_words=frozenset(w.lower() for phrase in g["year_spans"] for w in phrase.split()),
        digits=re.compile(digits), spelled=re.compile(spelled, _I), low_end=re.compile(low_end, _I),
        change_words=tuple(w.lower() for w in g["change_words"]),
    )


def figure_words(language: str) -> frozenset[str]:
    """Words that are part of a figure (number words, ordinals, months, scales, currencies, units), not of what it
    measures: 'долларов' and 'dollars' say what a figure is written in, as '$' does."""
    g = grammar(language)
    # of a currency, the word that names it: 'сша' in 'долларов сша', 'américains' in 'dollars américains' name
    # a country, which a sentence may be about
    currencies = (phrase.split()[0] for phrase in g.currencies)
    return frozenset(w.strip(".") for table in (g.cardinals, g.ordinals, g.months, g.scales, currencies, g.units)
                     for phrase in table for w in phrase.split())


# ------------------------------------------------------------------ numbers


def _number(g: Grammar, text: str) -> tuple[Decimal, Decimal] | None:
    """A number as written, and half a unit of its last written digit: '4,2' -> (4.2, 0.05), '1 500' -> 1500."""
    t = text.strip().lower()
    if t[:1].isalpha():
        n = _number_words(g, re.split(r"\s+|-", t))
        return (Decimal(n), Decimal("0.5")) if n is not None else None
    if _THOUSANDS_BY_STOPS.fullmatch(t):
        t = t.replace(".", "")
    canonical = t.replace(" ", "").replace(",", ".")
    try:
        return Decimal(canonical), _half_ulp(canonical)
    except ArithmeticError:
        return None


def _number_words(g: Grammar, words: list[str]) -> int | None:
    """The number that number words say together: each smaller than the one before is added ('сто двадцать пять'
    -> 125, 'soixante-dix' -> 70), and a unit before a twenty or a hundred multiplies it ('quatre-vingts' -> 80,
    'deux cents' -> 200); None for words that make no one number ('два-три', two or three)."""
    if any(w not in g.cardinals for w in words):
        return None
    total = last = g.cardinals[words[0]]
    for word in words[1:]:
        n = g.cardinals[word]
        if n < last:
            total, last = total + n, n
        elif n in _MULTIPLYING and total == last < 10:
            total = last = total * n
        else:
            return None
    return total


def _scaled(g: Grammar, m: re.Match[str]) -> tuple[Decimal, Decimal, bool] | None:
    """The number of a match times its scales ('quatre mille milliards'), its half unit, and whether it had one."""
    read = _number(g, m["num"])
    if read is None:
        return None
    n, half = read
    scale = Decimal(1)
    for name in ("scale", "scale2"):
        if m.groupdict().get(name):
            scale *= g.scales[" ".join(m[name].lower().split())]
    scaled = scale != 1
    amount, half = n * scale, (half * scale if scaled else Decimal(0))
    if m.groupdict().get("num2"):  # "5 млрд 200 млн": the second part, as precise as it is written
        rest = _number(g, m["num2"])
        rest_scale = Decimal(g.scales[" ".join(m["scale3"].lower().split())])
        if rest is None or rest_scale >= scale:
            return None
        amount, half = amount + rest[0] * rest_scale, rest[1] * rest_scale
    return amount, half, scaled


def _bound(g: Grammar, m: re.Match[str]) -> str | None:
    b = m.groupdict().get("bound")
    return g.bounds[" ".join(b.lower().split())] if b else None


def _word_before(text: str, pos: int) -> str:
    words = _WORD.findall(text[max(0, pos - 40):pos])
    return words[-1].lower() if words and text[max(0, pos - 40):pos].rstrip().endswith(words[-1]) else ""


# ------------------------------------------------------------------ readers


def _money(g: Grammar, m: re.Match[str]) -> Value | None:
    read = _scaled(g, m)
    cur = g.currencies.get(" ".join(m["cur"].lower().split())) or CURRENCY_SYMBOLS.get(m["cur"].strip())
    if read is None or cur is None:
        return None
    amount, half, _ = read
    lo, hi, prefix = _bounded(amount, half, _bound(g, m))
    shown = next((f"{_fmt(amount / size)} {word}" for word, size in _SCALE_NAMES if amount >= size), _fmt(amount))
    return Value("money", f"{prefix}{cur} {shown}", lo, hi, unit=cur)


def _measure(g: Grammar, m: re.Match[str]) -> Value | None:
    """A length, a mass, an area ...: '2,4 млн тонн', '50 km', converted as units.toml says."""
    read = _scaled(g, m)
    symbol = g.units.get(" ".join(m["unit"].lower().split()))
    if read is None or symbol is None or symbol not in UNIT_SYMBOLS:
        return None
    kind, factor = UNIT_SYMBOLS[symbol]
    amount, half, scaled = read
    half = half if scaled else _number(g, m["num"])[1]  # type: ignore[index]
    lo, hi, prefix = _bounded(amount, half, _bound(g, m))
    return Value(kind, f"{prefix}{_fmt(amount)} {symbol}", lo * factor, hi * factor)


def _magnitude(g: Grammar, m: re.Match[str]) -> Value | None:
    """A magnitude as values._scale reads one, as precise as it is written: '7,8' is 7.75 to 7.85."""
    read = _number(g, m["num"])
    if read is None or not read[0]:
        return None
    n, half = read
    return Value("scale", f"magnitude {_fmt(n)}", float(n - half), float(n + half), unit="magnitude")


def _percent(g: Grammar, m: re.Match[str]) -> Value | None:
    read = _number(g, m["num"])
    if read is None:
        return None
    lo, hi, prefix = _bounded(read[0], read[1], _bound(g, m))
    return Value("percent", f"{prefix}{_fmt(read[0])}%", lo, hi)


def _date(g: Grammar, m: re.Match[str], base: dt.date | None) -> Value | None:
    groups = {k: v for k, v in m.groupdict().items() if v is not None}
    if "y" not in groups and any(k[0] == "y" for k in groups):  # a day range: "du 3 au 5 novembre 2023"
        i = next(k[1:] for k in groups if k[0] == "y")
        groups = {"d": groups[f"d{i}"], "d2": groups[f"e{i}"], "m": groups[f"m{i}"], "y": groups[f"y{i}"]}
        return _day_month_year(g, groups)
    if m.groupdict().get("y") is None:  # an ISO date
        parts = parse_date(m.group(0), base)
        return Value("date", _date_text(*parts), *_span(*parts)) if parts else None
    return _day_month_year(g, groups)


def _day_month_year(g: Grammar, groups: dict[str, str]) -> Value | None:
    month = g.months.get(" ".join(groups["m"].lower().split())) if not groups["m"].isdigit() else int(groups["m"])
    year = int(groups["y"])
    day = int(groups["d"]) if groups.get("d") else None
    try:
        first = _span(year, month, day)
        if groups.get("d2"):
            last_day = int(groups["d2"])
            last = _span(year, month, last_day)
            if last_day < (day or 0):
                return None
            return Value("date", f"{_date_text(year, month, day)}/{last_day:02d}", first[0], last[1])
    except (ValueError, TypeError):
        return None  # no such day: "31 ноября"
    return Value("date", _date_text(year, month, day), *first)


def _day(g: Grammar, m: re.Match[str], base: dt.date | None) -> Value | None:
    """A day, or days, of a month written without its year ('le 4 décembre', 'с 3 по 8 октября'): of the year
    nearest_day gives it, as English does, so that 'le 28 décembre' in a text of 3 January is of the year before."""
    groups = {k: v for k, v in m.groupdict().items() if v is not None}
    if "m" not in groups:  # a range of days: "du 3 au 5 novembre"
        i = next(k[1:] for k in groups if k[0] == "m")
        groups = {"d": groups[f"d{i}"], "d2": groups[f"e{i}"], "m": groups[f"m{i}"]}
    if base is None:
        return None
    month, day = g.months[" ".join(groups["m"].lower().split())], int(groups["d"])
    try:
        when = nearest_day(dt.date(base.year, month, day), base)
    except ValueError:
        return None  # no such day: "31 ноября"
    return None if when is None else _day_month_year(g, {**groups, "y": str(when.year)})


def _month_range(g: Grammar, groups: dict[str, str], year: int) -> Value | None:
    """From one month to another of a year: 'entre janvier et septembre' -> 2022-01/2022-09."""
    first = g.months[" ".join(next(v for k, v in groups.items() if k.startswith("ma")).lower().split())]
    last = g.months[" ".join(next(v for k, v in groups.items() if k.startswith("mb")).lower().split())]
    if last < first:
        return None
    (lo, hi), (elo, ehi) = _span(year, first, None), _span(year, last, None)
    return Value("period", f"{year}-{first:02d}/{year}-{last:02d}", lo, hi, elo, ehi)


def _one_date(g: Grammar, text: str) -> tuple[int, int | None, int | None] | None:
    words = text.lower().split()
    if len(words) == 1:
        return int(words[0]), None, None
    if len(words) == 2:
        return int(words[1]), g.months.get(words[0]), None
    return int(words[2]), g.months.get(words[1]), int(words[0])


def _period(g: Grammar, kind: str, m: re.Match[str]) -> Value | None:
    groups = {k: v for k, v in m.groupdict().items() if v is not None}
    if "ry" in groups:  # "entre janvier et septembre 2022"
        return _month_range(g, groups, int(groups["ry"]))
    if "part" in groups:  # "au premier semestre 2022": its first months
        year, last = int(groups["py"]), g.months_named[" ".join(groups["part"].lower().split())]
        (lo, hi), (elo, ehi) = _span(year, 1, None), _span(year, last, None)
        return Value("period", f"{year}-01/{year}-{last:02d}", lo, hi, elo, ehi)
    months = next((groups[k] for k in groups if k.startswith("n")), None)
    if months is not None:
        n = _number(g, months)
        year = int(next(groups[k] for k in groups if k.startswith("y")))
        if n is None or not 1 <= n[0] <= 12:
            return None
        (lo, hi), (elo, ehi) = _span(year, 1, None), _span(year, int(n[0]), None)
        return Value("period", f"{year}-01/{year}-{int(n[0]):02d}", lo, hi, elo, ehi)
    a = next((groups[k] for k in sorted(groups) if k.startswith("a")), None)
    b = next((groups[k] for k in sorted(groups) if k.startswith("b")), None)
    start = _one_date(g, a) if a else None
    if start is None or (start[1] is None and len(a.split()) > 1):
        return None
    lo, hi = _span(*start)
    if kind == "since":
        return Value("period", f"{_date_text(*start)}/..", lo, hi, lo, dt.date.max.toordinal())
    end = _one_date(g, b) if b else None
    if end is None or end < start or (end[1] is None and len(b.split()) > 1):
        return None
    elo, ehi = _span(*end)
    return Value("period", f"{_date_text(*start)}/{_date_text(*end)}", lo, hi, elo, ehi)


def _anniversary(g: Grammar, m: re.Match[str], sentence: str, base: dt.date | None) -> Value | None:
    """'30-летие', 'le 30e anniversaire' in a text of 2022: based 1992; a year the sentence names wins."""
    said = next((v for k, v in m.groupdict().items() if k[0] == "q" and v), None)  # "les 30 ans de"
    if said is not None:
        number = _number(g, said)
        n = int(number[0]) if number is not None and number[0] == number[0].to_integral_value() else 0
    elif m.groupdict().get("n"):  # a language without anniversary suffixes has no such group
        n = int(m["n"])
    elif m.groupdict().get("w"):
        n = next(v for w, v in g.anniversary_words.items() if m["w"].lower().startswith(w))
    else:
        n = _ordinal(g, m["o"]) or 0
    years = {int(y) for y in re.findall(rf"\b{YEAR}\b", sentence[:m.start()] + sentence[m.end():])}
    reference = years.pop() if len(years) == 1 else base.year if base is not None and not years else None
    if reference is None or not 1 <= n <= 1000:
        return None
    return Value("anniversary", str(reference - n), *_span(reference - n, None, None))


def _lasted(g: Grammar, m: re.Match[str], base: dt.date | None) -> Value | None:
    """What has lasted so many years up to the document's date began that many years before it, as an
    anniversary does: 'depuis plus de 30 ans' in a text of 2022 began in 1992 or before."""
    if base is None:
        return None
    read = _number(g, m["num"]) if m["num"] else (Decimal(g.year_spans[" ".join(m["span"].lower().split())]), None)
    if read is None or read[0] != read[0].to_integral_value() or not 1 <= read[0] <= 1000:
        return None
    year = base.year - int(read[0])
    low, high = _span(year, None, None)
    bound = _bound(g, m)
    if bound in ("more than", "at least"):
        return Value("anniversary", f"≤{year}", -INF, high)
    if bound in ("less than", "at most"):
        return Value("anniversary", f"≥{year}", low, INF)
    return Value("anniversary", str(year), low, high)


def _ordinal(g: Grammar, text: str) -> int | None:
    t = text.lower()
    if t in g.ordinals:
        return g.ordinals[t]
    digits = re.match(r"\d+", t)
    return int(digits.group(0)) if digits else None


def _rank(g: Grammar, m: re.Match[str], sentence: str) -> Value | None:
    """An ordinal that places something in a ranking: a verb of ranking before it, a word of ranking near it
    ('четвёртое место', 'au troisième rang', 'la plus grande'), or a place named after it ('troisième
    fournisseur étranger du pays'). 'Le deuxième jour', 'первый визит' number a sequence instead."""
    n = _ordinal(g, m.group(0))
    if n is None or not 1 <= n <= 1000:
        return None
    following = _WORD.findall(sentence[m.end():m.end() + 80])[:4]
    if following and (following[0].lower() in g.sequence_nouns or following[0].lower() in g.cardinals):
        return None
    if re.match(r"\s*\d", sentence[m.end():]):
        return None
    before = _word_before(sentence, m.start())
    if before in g.articles:  # "est le deuxième": the verb before the article
        before = _word_before(sentence, sentence.lower().rfind(before, 0, m.start()))
    near = sentence[max(0, m.start() - 30):m.end() + 60]
    placed = any(word.lower() in g.rank_in and following[i + 1][:1].isupper()
                 for i, word in enumerate(following[:-1]))
    ranked = before in g.rank_verbs or g.rank_words.search(near) is not None or placed
    return Value("rank", str(n), n, n) if ranked else None


def _rank_top(g: Grammar, m: re.Match[str], sentence: str) -> Value | None:
    """A place among the first N: 'des cinq premiers fournisseurs', 'в пятёрку крупнейших' (a word of ranking near
    a word that is such a place alone)."""
    following = _WORD.findall(sentence[m.end():m.end() + 40])[:1]
    if following and (following[0].lower() in g.sequence_nouns or following[0].lower() in g.time_units):
        return None  # "les trois premiers jours" number a sequence
    said = next((v for k, v in m.groupdict().items() if k[0] == "t" and k != "tw" and v), None)
    if said is not None:
        number = _number(g, said)
        n = int(number[0]) if number is not None and number[0] == number[0].to_integral_value() else 0
    elif g.rank_words.search(sentence[max(0, m.start() - 30):m.end() + 60]):
        n = g.top_words[m["tw"].lower()]
    else:
        return None
    return Value("rank", f"top {n}", 1, n) if 1 <= n <= 1000 else None


def _concept_near(language: str, sentence: str, start: int, end: int, counted: str) -> str:
    known = concepts(language)
    if counted and concept_of(counted, language):
        return concept_of(counted, language)  # type: ignore[return-value]
    # the content words of the figure's clause: a comma (not a decimal one) or another figure ends it
    stops = stop_words(language)
    following = [w for w in (w.lower().split("'")[-1] for w in _WORD.findall(
        _CLAUSE_BREAK.split(sentence[end:end + 80], maxsplit=1)[0])) if w not in stops]
    before = [w for w in (w.lower().split("'")[-1] for w in _WORD.findall(
        _CLAUSE_BREAK.split(sentence[max(0, start - 80):start])[-1])) if w not in stops][::-1]
    # the nearest first, on either side, and after the figure first at one distance: the noun phrase a figure
    # leads ('более 300 местных компаний'), the verb it is the object of ('a tué 41 personnes et en a blessé')
    for i in range(_NEAR):
        for words in (following, before):
            if i >= len(words):
                continue
            word = words[i]
            if i + 1 < len(words) and f"{word} {words[i + 1]}" in known:
                return known[f"{word} {words[i + 1]}"]
            if concept_of(word, language):
                return concept_of(word, language)  # type: ignore[return-value]
    return (gloss(counted, language) or counted) if counted else counted  # 'жителей', 'habitants': population


def _count(g: Grammar, m: re.Match[str], sentence: str) -> tuple[Value, str] | None:
    """A number that counts something named right after it: 'более 300 компаний' -> (>300, companies)."""
    read = _scaled(g, m)
    if read is None:
        return None
    n, half, scaled = read
    if ("," in m["num"] or "." in m["num"]) and " " not in m["num"] and not scaled \
            and not _THOUSANDS_BY_STOPS.fullmatch(m["num"]):
        return None  # a decimal without a scale measures, it does not count
    if not m["bound"] and (g.cardinals.get(m["num"].lower()) == 1 or (
            m["num"][:1].isalpha() and _word_before(sentence, m.start()) in g.determiners)):
        # "один из", "un des"; "les deux pays": things already named. A number in digits after an article is a
        # figure: "le bilan dépasse les 11.200 morts"
        return None
    rest = sentence[m.end():m.end() + 60]
    after = g.of.match(rest.lstrip())
    words = _WORD.findall(rest.lstrip()[after.end() if after else 0:])[:3]
    if not words or not re.match(r"\s*[\w']", rest):
        return None
    noun = words[0].lower().split("'")[-1]
    stops = stop_words(g.language)
    if noun in g.time_units or noun in stops or noun in g.months or noun in g.scales:
        return None
    before = sentence[:m.start()].rstrip()
    if before and before[-1].isalpha() and _WORD.findall(before[-40:]) and \
            _WORD.findall(before[-40:])[-1][:1].isupper() and re.search(r"[^\W\d_]\s+\S+$", before):
        return None  # part of a name: "Ариан 5", "C5+1"
    counted = _concept_near(g.language, sentence, m.start(), m.end(), noun)
    lo, hi, prefix = _bounded(n, half, _bound(g, m))
    return Value("count", f"{prefix}{_fmt(n)}", lo, hi), counted


def _collective(g: Grammar, m: re.Match[str], sentence: str) -> tuple[Value, str] | None:
    """A number said as one word: 'une centaine de morts' (about 100), 'plus d'un millier' (over 1,000), 'более
    тысячи человек' (over 1,000); a scale word is one of it only after a bound ('тысячи человек' is thousands)."""
    word = " ".join(m["coll"].lower().split())
    bound = _bound(g, m)
    if word in g.collectives and (bound or m["one"]):
        n, bound = Decimal(g.collectives[word]), bound or "about"
    elif word in g.scales and bound and not m["one"]:  # ("около одной тысячи" is a count of its number words)
        n = Decimal(g.scales[word])
    else:
        return None
    rest = sentence[m.end():m.end() + 60]
    after = g.of.match(rest.lstrip())
    words = _WORD.findall(rest.lstrip()[after.end() if after else 0:])[:1]
    noun = words[0].lower().split("'")[-1] if words else ""
    if noun in g.currencies or noun in g.units:
        return None  # an amount of money or a measure: 'превысил миллиард долларов' is no count
    counted = _concept_near(g.language, sentence, m.start(), m.end(), "" if noun in stop_words(g.language) else noun)
    lo, hi, prefix = _bounded(n, Decimal("0.5"), bound)
    return Value("count", f"{prefix}{_fmt(n)}", lo, hi), counted


def _amount_concept(language: str, sentence: str, start: int, end: int) -> str:
    """What an amount or a share measures: a word naming a measure near it ('товарооборот ... 4,2 млрд')."""
    return _concept_near(language, sentence, start, end, "")


# ------------------------------------------------------------------ the finder


def find_figures(sentence: str, base: dt.date | None, language: str) -> list[Figure]:
    """Every figure in a sentence in a language of a data file, left to right, each read by the first pattern
    that claims its span (furniture, money, percent, periods, dates, anniversaries, ranks, years, counts)."""
    if not any(c.isdigit() for c in sentence) and not _has_number_word(sentence, language):
        return []
    g = grammar(language)
    taken = _Taken()
    found: list[Figure] = []
    for kind, pattern in g.patterns:
        for m in pattern.finditer(sentence):
            start, end = m.span()
            if start == end or taken.overlaps(start, end):
                continue
            figure = _read(g, kind, m, sentence, base)
            # an anniversary without a date to count back from is no count either: its span is taken
            if kind in ("skip", "anniversary", "lasted") or figure is not None:
                taken.add(start, end)
            if figure is not None:
                found.append(figure)
    return _ranges(g, sentence, sorted(found, key=lambda f: f.start))


def _ranges(g: Grammar, sentence: str, figures: list[Figure]) -> list[Figure]:
    """An amount stated as a range ("de 50.000 à 60.000 habitants", "от 5 до 7 процентов") read whole, from its
    lower end, a bare number, to its upper one, as values._ranges reads English ranges: read as its upper end
    alone, it would contradict a figure the range holds."""
    out: list[Figure] = []
    for figure in figures:
        value = figure.value
        low_end = g.low_end.search(sentence, max(0, figure.start - 40), figure.start) \
            if value.kind in _RANGED and not value.text.startswith(_PREFIXES) else None
        # the upper end as the sentence writes it, in digits or in words ("от трёх до шести тысяч")
        stated = g.digits.search(sentence, figure.start, figure.end) or g.spelled.match(sentence, figure.start)
        written = re.search(r"\d[\d.]*", value.text)
        if (low_end is None or stated is None or written is None or (out and out[-1].end > low_end.start())
                or _word_before(sentence, low_end.start()).lower().startswith(g.change_words)):
            out.append(figure)
            continue
        lowest_text = next(t for t in low_end.groups() if t)
        low, high, shown = (_number(g, text) for text in (lowest_text, stated[0], written[0]))
        # (a lower end a hundredth of the upper one is no end of it: "50-60 000" is not from 50 to 60,000)
        if low is None or high is None or shown is None or not high[0] / 100 < low[0] < high[0]:
            out.append(figure)
            continue
        out.append(from_low_end(figure, low_end.start(), low[0], high[0], shown[0], written.start()))
    return out


def _has_number_word(sentence: str, language: str) -> bool:
    g = grammar(language)
    return any(w.lower() in g.cardinals or w.lower() in g.ordinals or w.lower() in g.top_words
               or w.lower() in g.collectives or w.lower() in g.scales
               or w.lower() in g.year_span_words
               or any(w.lower().startswith(a) for a in g.anniversary_words)
               for w in _WORD.findall(sentence.replace("-", " ")))  # "quatre-vingts": two number words


def _read(g: Grammar, kind: str, m: re.Match[str], sentence: str, base: dt.date | None) -> Figure | None:
    readers: dict[str, Callable[[], Value | tuple[Value, str] | None]] = {
        "numeric_date": lambda: _date(g, m, base),
        "money": lambda: _money(g, m),
        "percent": lambda: _percent(g, m),
        "measure": lambda: _measure(g, m),
        "magnitude": lambda: _magnitude(g, m),
        "period": lambda: _period(g, kind, m),
        "since": lambda: _period(g, kind, m),
        "date": lambda: _date(g, m, base),
        "day": lambda: _day(g, m, base),
        "anniversary": lambda: _anniversary(g, m, sentence, base),
        "lasted": lambda: _lasted(g, m, base),
        "rank": lambda: _rank(g, m, sentence),
        "rank_top": lambda: _rank_top(g, m, sentence),
        "year": lambda: Value("date", m.group(0), *_span(int(m.group(0)), None, None)),
        "count": lambda: _count(g, m, sentence),
        "collective": lambda: _collective(g, m, sentence),
    }
    if kind not in readers:
        return None
    read = readers[kind]()
    if read is None:
        return None
    value, counted = read if isinstance(read, tuple) else (read, "")
    start, end = m.span()
    if kind in ("money", "percent", "measure"):
        counted = _amount_concept(g.language, sentence, start, end)
    return Figure(start, end, value, counted)


def _one_clause(said: str, a: Figure, b: Figure) -> bool:
    """Do two figures of a sentence stand in one clause (no comma, semicolon or colon between them, but for the
    decimal comma of a number: '4,2')?"""
    return re.search(r"[,;:](?!\d)", said[min(a.end, b.end):max(a.start, b.start)]) is None


def _opens(g: Grammar, said: str, year: Figure) -> bool:
    """Does the year open its sentence ('В 2022 году, по данным ...', 'En 2022, ...'): the period of all of it?"""
    frame = g.in_year.search(said, 0, year.start)
    return frame is not None and not re.search(r"\w", said[:frame.start()])


def year_frame(said: str, figure: Figure, figures: Sequence[Figure], language: str,
               base: dt.date | None = None) -> tuple[str | None, Figure | None]:
    """A year the sentence sets its figure in: 'в 2022 году товарооборот составил ...', '... en 2022', or names
    by its distance from the document's date: 'в прошлом году', 'l'an dernier'."""
    if figure.value.kind in DATE_KINDS:
        return None, None
    nearest = nearest_period(figure, figures)
    if nearest is not None:
        return nearest.value.text, nearest
    g = grammar(language)
    years = [f for f in figures if f.value.kind == "date" and re.fullmatch(YEAR, f.value.text)
             and g.in_year.search(said, 0, f.start) and (_one_clause(said, f, figure) or _opens(g, said, f))]
    if years:
        nearest = min(years, key=lambda f: abs(f.start - figure.start))
        return nearest.value.text, nearest
    if base is not None:
        # the nearest before the figure, else after it: "за восемь месяцев текущего года ... X, а за девять месяцев
        # прошлого года — Y"
        months = min(g.months_of_relative.finditer(said), default=None,
                     key=lambda m: (m.start() > figure.start, abs(m.start() - figure.start)))
        n = _number(g, next(v for k, v in months.groupdict().items() if k[0] == "n" and v)) if months else None
        if n is not None and 1 <= n[0] <= 12:
            year = base.year - (months["last"] is not None)  # type: ignore[index]
            return f"{year}-01/{year}-{int(n[0]):02d}", None
        months = min(g.month_range.finditer(said), default=None,
                     key=lambda m: (m.start() > figure.start, abs(m.start() - figure.start)))
        if months is not None:
            groups = {k: v for k, v in months.groupdict().items() if v is not None}
            ranged = _month_range(g, groups, base.year - ("last" in groups))
            if ranged is not None:
                return ranged.text, None
        if g.last_year.search(said):
            return str(base.year - 1), None
        if g.this_year.search(said):
            return str(base.year), None
    return None, None
