"""The grammar of figures: find ranks, counts, dates, periods, money, percentages, measures and
anniversaries in a sentence, and normalise each to a value that can be compared.

Everything here is English grammar, never topic knowledge. A value is an interval (its bounds or its
written precision), so comparing two values is comparing two intervals.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
import tomllib
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, fields, replace
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from operator import attrgetter
from typing import Literal, NamedTuple

from kzfr_check.lang import concepts, cumulative, measures, stop_words

INF = math.inf
KINDS = ("rank", "count", "date", "time", "period", "anniversary", "money", "percent", "rate", "scale",
         "length", "mass", "power", "energy", "area", "speed", "pressure", "volume", "flow", "duration", "dose",
         "temperature")
Relation = Literal["agree", "compatible", "conflict"]

# ------------------------------------------------------------------ vocabulary of English numbers

_BELOW_TWENTY = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_ORD_BELOW_TWENTY = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
_ORD_TENS = "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()


def _number_words() -> tuple[dict[str, int], dict[str, int]]:
    cardinals = {w: i for i, w in enumerate(_BELOW_TWENTY)}
    ordinals = {w: i for i, w in enumerate(_ORD_BELOW_TWENTY)}
    for t, (tens, ord_tens) in enumerate(zip(_TENS, _ORD_TENS, strict=True), start=2):
        cardinals[tens], ordinals[ord_tens] = t * 10, t * 10
        for u in range(1, 10):
            for sep in ("-", " "):
                cardinals[f"{tens}{sep}{_BELOW_TWENTY[u]}"] = t * 10 + u
                ordinals[f"{tens}{sep}{_ORD_BELOW_TWENTY[u]}"] = t * 10 + u
    below_hundred = list(cardinals.items())
    cardinals["a hundred"] = cardinals["hundred"] = 100
    # "two hundred", "three hundred and twenty-five", "thirteen hundred"; or joined by hyphens, "two-hundred-sixty-two"
    for h, sep in itertools.product(range(1, 20), (" ", "-")):
        hundreds = f"{_BELOW_TWENTY[h]}{sep}hundred"
        cardinals[hundreds] = h * 100
        for words, n in below_hundred:
            if n:
                cardinals[f"{hundreds}{sep}{words}"] = cardinals[f"{hundreds}{sep}and{sep}{words}"] = h * 100 + n
    ordinals["hundredth"] = 100
    return cardinals, ordinals


CARDINALS, ORDINALS = _number_words()
SCALES = {"dozen": 12, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
          "k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "b": 10**9, "bn": 10**9, "tn": 10**12}
MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
# ISO 4217 codes of the currencies most often quoted, then symbols and words that name one currency.
CURRENCY_CODES = ("USD EUR GBP JPY CNY RUB KZT CHF INR TRY SEK NOK DKK PLN CZK HUF AUD CAD NZD HKD SGD KRW "
                  "BRL MXN ZAR AED SAR ILS UAH XOF XAF").split()
CURRENCY_SYMBOLS = {"$": "USD", "US$": "USD", "$US": "USD", "$A": "AUD", "€": "EUR", "£": "GBP", "¥": "JPY",
                    "₽": "RUB", "₸": "KZT", "₹": "INR", "₺": "TRY", "A$": "AUD", "C$": "CAD", "HK$": "HKD",
                    "R$": "BRL", "₩": "KRW", "zł": "PLN", "₴": "UAH", "₪": "ILS"}
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "us dollars": "USD", "u.s. dollars": "USD", "euro": "EUR", "euros": "EUR",
    "pound": "GBP", "pounds": "GBP", "pounds sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "tenge": "KZT", "swiss francs": "CHF",
    "rupees": "INR", "lira": "TRY", "krona": "SEK", "kronor": "SEK", "swedish crowns": "SEK", "norwegian kroner": "NOK",
    "danish kroner": "DKK", "zloty": "PLN", "zlotys": "PLN", "rand": "ZAR", "won": "KRW", "hryvnias": "UAH",
    "shekels": "ILS", "cfa francs": "XOF", "cfa franc": "XOF",  # the two CFA francs are worth the same: one code
    # the other dollars, named by their country: "1.5 billion Australian dollars" is no count of dollars
    "australian dollars": "AUD", "canadian dollars": "CAD", "new zealand dollars": "NZD",
    "hong kong dollars": "HKD", "singapore dollars": "SGD",
}
CURRENCIES = {**{c.lower(): c for c in CURRENCY_CODES}, **{k.lower(): v for k, v in CURRENCY_SYMBOLS.items()},
              **CURRENCY_WORDS}


_UNITS = tomllib.loads(resources.files("kzfr_check").joinpath("units.toml").read_text(encoding="utf-8"))
# each written name of a unit -> (kind, factor to the kind's base unit, symbol)
MEASURES = {name.lower(): (unit["kind"], unit["factor"], symbol)
            for symbol, unit in _UNITS.items() for name in unit["names"]}
UNIT_SYMBOLS = {symbol: (kind, factor) for kind, factor, symbol in MEASURES.values()}
# where a unit's zero is in its kind's base unit, for the few whose zero is not the base unit's: 0 °C is 273.15 K
_OFFSETS: dict[str, float] = {symbol: unit["offset"] for symbol, unit in _UNITS.items() if "offset" in unit}
MEASURE_KINDS = frozenset(kind for kind, _, _ in MEASURES.values())
# After an ordinal these nouns number a sequence or a time, not a place in a ranking.
SEQUENCE_NOUNS = frozenset(
    "anniversary time times day days week weeks month months year years quarter half part century "
    "decade round rounds edition session stage phase step term meeting visit of".split())
POSSESSIVES = frozenset("my our your his her its their".split())
RANK_VERBS = frozenset("ranks ranked ranking rank placed came finished finishing finish finishes ended stands stood"
                       .split())
COPULAS = frozenset("is was are were remains remained".split())
SUPERLATIVE_AFTER = re.compile(r"[\s-]*(?:\w+est\b|most\b|place\b|position\b|spot\b)", re.IGNORECASE)
RANKING_AFTER = re.compile(
    r"(?:[\s-]+[\w'-]+){0,3}?\s+(?:(?-i:to\s+[a-z]+)|in\s+terms\s+of|in\s+the\s+world|worldwide|globally"
    r"|among|of\s+all|by\s+(?:volume|number|size|value)|in\s+(?:the\s+)?(?-i:[A-Z])\w+)\b", re.IGNORECASE)
RANKING_ADJECTIVES = r"(?:\w+est|major|leading|main|principal|key|top|biggest|most\s+\w+)"
TIME_UNITS = frozenset(
    "second seconds minute minutes min mins hour hours day days week weeks month months year years "
    "decade decades century centuries".split())

# ------------------------------------------------------------------ regular expressions


def _alternation(words: object) -> str:
    """A regex for any of the words, longest first, written as a trie ("t(?:en|hirty|...)"): Python's
    re tries a flat alternation word by word at every position, which made long texts slow."""
    tree: dict[str, dict] = {}
    for word in words:  # type: ignore[attr-defined]
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie(tree)


def _trie(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _trie(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body  # greedy: the longer word is tried first


def _spelled_numbers(cardinal: bool = False, ordinal: bool = False) -> str:
    """A regex for the number words up to a hundred: cardinal, ordinal or both. Written as tens with an
    optional ones digit ("twenty[- ]one") and a trie of the rest, it matches what a trie of every word would,
    longest first, at a quarter of the size: compiling the patterns is most of a short run."""
    tails = [*(_BELOW_TWENTY[1:10] if cardinal else ()), *(_ORD_BELOW_TWENTY[1:10] if ordinal else ())]
    rest = [*((*_BELOW_TWENTY, "hundred", "a hundred") if cardinal else ()),
            *((*_ORD_BELOW_TWENTY, *_ORD_TENS, "hundredth") if ordinal else ())]
    tens = rf"{_alternation(_TENS)}(?:[- ]{_alternation(tails)}){'?' if cardinal else ''}"
    if not cardinal:
        return f"(?:{tens}|{_alternation(rest)})"
    # hundreds, and what follows them: "two hundred", "three hundred and twenty-five", "thirteen hundred"
    below = rf"(?:{tens}|{_alternation(_BELOW_TWENTY[1:])})"
    hundreds = (rf"{_alternation(_BELOW_TWENTY[1:])}"
                rf"(?:\s+hundred(?:\s+(?:and\s+)?{below}\b)?|-hundred(?:-(?:and-)?{below}\b)?)")
    return f"(?:{hundreds}|{tens}|{_alternation(rest)})"


# thousands set apart by commas, or by single spaces as many pages write them ("667 000", "1 250 300"): a head of one
# to three digits, then groups of exactly three, so a year before never joins ("in 2019 45 000 people" is 45,000);
# and a whole number with a fraction, as tables of sizes write it: "24 1/2", "2-1/4", "14½"
VULGAR_FRACTIONS = {"½": (1, 2), "¼": (1, 4), "¾": (3, 4), "⅓": (1, 3), "⅔": (2, 3), "⅕": (1, 5), "⅛": (1, 8),
                    "⅜": (3, 8), "⅝": (5, 8), "⅞": (7, 8)}
_MIXED = rf"\d{{1,3}}(?:\s|-)\d{{1,2}}/\d{{1,2}}(?![\d/])|\d{{0,3}}[{''.join(VULGAR_FRACTIONS)}]"
DIGITS = (rf"{_MIXED}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d{{1,3}}(?: \d{{3}})+(?![\d,]\d)(?:\.\d+)?|\d+(?:\.\d+)?")
NUMW = _spelled_numbers(cardinal=True)
SCALE = r"(?:thousand|million|billion|trillion)"
# Numbers written as a fraction, or as 'a', before a scale ('half a million', 'a quarter of a billion', 'a million')
# or, for a fraction, a unit ('a half-mile', 'half a tonne', 'two and a half miles', up to 'nineteen and a half'); a
# fraction counts nothing by itself ('a half brother').
FRACTIONS = {"a": Decimal(1), "an": Decimal(1), "a half": Decimal("0.5"), "one half": Decimal("0.5"),
             "a quarter": Decimal("0.25"), "one quarter": Decimal("0.25"), "half a": Decimal("0.5"),
             "half an": Decimal("0.5"), "a quarter of a": Decimal("0.25"), "a quarter of an": Decimal("0.25"),
             "three quarters of a": Decimal("0.75"), "1/2 of a": Decimal("0.5"), "1/4 of a": Decimal("0.25"),
             "3/4 of a": Decimal("0.75"),
             **{f"{word} and a half": Decimal(n) + Decimal("0.5") for n, word in enumerate(_BELOW_TWENTY) if n}}
FRACTION = (rf"\b(?:(?:{_alternation(_BELOW_TWENTY[1:])}|\d{{1,3}})\s+and\s+(?:a|one)\s+(?:half|third|quarter)"
            r"|(?:a|one)[\s-]+(?:half|quarter)(?![\s-]+of\b)"
            r"|half[\s-]an?"
            r"|(?:a|three)[\s-]+quarters?[\s-]+of[\s-]+an?|(?<![\w/.])[13]/[24]\s+of\s+a)(?=[\s-]+[^\W\d_])"
            rf"|\ban?(?=\s+(?:{SCALE}|dozen)\b)"
            # ... and 'a' span of time after a word of how long: "for a week", "nearly a month", "took a year" (the
            # look-behinds run only where "a week" is: run at every position, they made reading a tenth slower)
            r"|\ban?(?=\s+(?:minute|hour|day|week|month|year|decade)\b)(?:"
            + "|".join(rf"(?<=\b{word} {article})" for word in ("for", "nearly", "almost", "about", "lasted", "took",
                                                                "spent", "more than", "less than", "under", "over")
                       for article in ("a", "an")) + ")")
# (the denominator of a fraction is no number of its own: "1/2", "24/7"; a bulletin's wind, "070/31 KT", is)
# (a decimal may drop its leading zero: "Peak acceleration .48g")
NUMBER = rf"(?:(?<![\w.,])(?<!\b\d/)(?<!\b\d\d/)(?:{DIGITS}|\.\d+)(?![\d])|{FRACTION}|\b(?:{NUMW})\b)"
ORDW = rf"(?:\b\d+(?:st|nd|rd|th)\b|\b(?:{_spelled_numbers(ordinal=True)})\b)"
MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
         r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
YEAR = r"(?:1[5-9]\d\d|20\d\d)"
# (a full stop after a month's whole name ends its sentence: "on 25 December." is the day, not the stop; and a text
# in capitals, as weather bulletins are written, writes its months in capitals: "ON MARCH 5")
_MONTH_NAMES = "January February March April May June July August September October November December".split()
_MONTH_ABBREVIATIONS = "Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec".split()
MONTH_CASED = (rf"(?:(?:{'|'.join(_MONTH_NAMES + [m.upper() for m in _MONTH_NAMES])})\b"
               rf"|(?:{'|'.join(_MONTH_ABBREVIATIONS + [m.upper() for m in _MONTH_ABBREVIATIONS])})\b\.?)")
# Nouns a number of a year's shape counts when it stands right before one, and the words that make such a
# number a time instead
_PEOPLE_OR_TOLL = (r"(?:people|persons|children|men|women|households|families|residents|deaths|fatalities|"
                   r"casualties|victims|cases|infections|injuries|lives|homes|houses|buildings|workers)")
_DATING_WORDS = ("in on by of since from until till through during after before to as year fy "
                 + " ".join(MONTHS)).split()
# After these verbs "over", "under", "above" and "below" are prepositions ("spread over four countries").
_PLACE_VERBS = ("spread stretched stretches stretch scattered distributed span spans spanning extends extend "
                "extending run runs ran flew flies hovered lies lie located").split()
# one look-behind per length of verb, as a look-behind must have one width
_NOT_AFTER_PLACE_VERB = "".join(
    f"(?<!{'|'.join(verb + ' ' for verb in _PLACE_VERBS if len(verb) == n)})"
    for n in sorted({len(verb) for verb in _PLACE_VERBS}))
# "top" after a modal verb or "to" is a verb, a bound ("the toll could top 1,000"), not a place in a ranking; the
# look-behinds run only where "top" is
_TOP_AFTER = ("could", "would", "will", "may", "might", "can", "to", "should", "expected to")
_TOP_AS_A_VERB = "|".join(f"(?<=\\b{word} top)" for word in _TOP_AFTER)
_NOT_A_VERB_TOP = "".join(f"(?<!\\b{word} top)" for word in _TOP_AFTER)
# Whole words only ("moreover 250" and "handsome 12" are no bounds); the look-behinds run only where
# the word is, since running them at every position of a text made it slow. A '>' that closes a tag left in a
# page's text ('area:</hi> 41,285') is no bound.
BOUND = (rf"(?:[~≈≥≤<]|>(?<![\w\"'/]>)|\b(?:more than|greater than|(?=over|above|under|below){_NOT_AFTER_PLACE_VERB}"
         rf"(?:over|above|under|below)|in excess of|not (?:to )?exceed|not exceeding|exceed(?:ing|ed|s)?"
         rf"|surpass(?:ing|ed|es)?|topp(?:ing|ed)|tops|upwards of|(?:surged|climbed|rose|risen|soared|jumped) past"
         rf"|top(?:{_TOP_AS_A_VERB})"
         r"|at least|no fewer than|no less than"
         r"|not less than|a minimum of|less than|fewer than|up to|at most|as (?:many|much) as"
         r"|no more than|not more than|a maximum of|within|nearly|almost|close to|just under|about|around"
         r"|approximately|roughly|some|circa|an estimated|estimated|approx\.?|appx\.?|near))")
BOUND_GAP = r"(?:(?<=[~≈≥>≤<])\s?|\s+)"  # a sign may stand right before its number: '≥30,000', '> US$163.6 billion'
_BOUNDS = {
    "gt": (">", "≥", "more than", "greater than", "over", "above", "in excess of", "exceeding", "exceeded", "exceeds",
           "exceed", "surpassing", "surpassed", "surpasses", "surpass", "topping", "topped", "tops", "top",
           "upwards of", "surged past", "climbed past", "rose past", "risen past", "soared past", "jumped past",
           "at least", "no fewer than", "no less than", "not less than", "a minimum of", "larger than"),
    "lt": ("<", "≤", "less than", "fewer than", "smaller than", "under", "below", "up to", "at most", "no more than",
           "within", "not more than", "a maximum of", "as many as", "as much as", "not to exceed", "not exceed",
           "not exceeding"),
    "near": ("nearly", "almost", "close to", "just under"),
}
_CODES = "|".join(CURRENCY_CODES)
CURRENCY_BEFORE = rf"(?:{_alternation(CURRENCY_SYMBOLS)}|(?-i:(?:{_CODES})\b)\s?)"
CURRENCY_AFTER = rf"(?:(?-i:(?:{_CODES}))|{_alternation(CURRENCY_WORDS)})\b"
DAY = r"\d{1,2}(?:st|nd|rd|th|(?<=[23])d)?"  # (an old style writes "the 2d", "the 23d")
DATE_DMY = rf"\b{DAY}(?:\s*[-–]\s*{DAY})?\s+(?:day\s+)?(?:of\s+)?{MONTH},?\s+{YEAR}\b"  # "the 23d day of May, 1871"
DATE_MDY = rf"\b{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}})?,?\s+{YEAR}\b"
DATE_MY = rf"\b{MONTH},?\s+(?:of\s+)?{YEAR}\b"  # "November 1975", "November of 1975"
DATE_ISO = r"\b\d{4}-\d{2}-\d{2}\b"
DAY_NO_YEAR = rf"{DAY}\s+(?:of\s+)?{MONTH_CASED}|{MONTH_CASED}\s+{DAY}"  # "24 February", "March 1st"
ANY_DATE = rf"(?:{DATE_DMY}|{DATE_MDY}|{DATE_MY}|{DATE_ISO}|\b{YEAR}\b)"
# Days of the year known by their name: "on Christmas Day 2021" is a day, not the year 2021
NAMED_DAYS = {"christmas day": "25 December", "christmas eve": "24 December", "new year's day": "1 January",
              "new year's eve": "31 December", "boxing day": "26 December", "valentine's day": "14 February",
              "halloween": "31 October", "st patrick's day": "17 March", "st. patrick's day": "17 March"}
NAMED_DAY = (r"\b(?P<name>Christmas\s+(?:Day|Eve)|New\s+Year's\s+(?:Day|Eve)|Boxing\s+Day|Valentine's\s+Day|Halloween"
             r"|St\.?\s+Patrick's\s+Day)")

_I = re.IGNORECASE
# Scales whose values are written after their name, capitalised: "Category 3", "Level 4", "Force 10"
NAMED_SCALES = r"(?:Category|Cat\.|Level|Force)"
ROMAN = r"(?-i:(?=[IVX])(?:XII|XI|X|IX|IV|V?I{1,3}|V)(?![\w']))"
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


Needs = Callable[[str, str], bool]


def _needs(lowercase: str | None, cased: str | None = None) -> Needs:
    """A quick search for what a pattern needs: lowercase words in the lowercased sentence (searched
    much faster than in any case), or case-sensitive ones (currency codes, capitalised words) in the sentence
    itself."""
    in_lower, in_sentence = re.compile(lowercase) if lowercase else None, re.compile(cased) if cased else None

    def found(sentence: str, lower: str) -> bool:
        return (in_lower is not None and in_lower.search(lower) is not None) or (
            in_sentence is not None and in_sentence.search(sentence) is not None)
    return found


_SYMBOLS = "|".join(re.escape(s.lower()) for s in CURRENCY_SYMBOLS)
_CODES_TRIE = _alternation(CURRENCY_CODES)
_MONTH_NEEDS = r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
_NAMED_DAY_NEEDS = r"christmas|new year's|boxing day|valentine's|halloween|patrick's"
_DATE_NEEDS = rf"{_MONTH_NEEDS}|{DATE_ISO}"
# Units of time apart from the others: their words are in most sentences ('this year'), and reading them with a
# pattern of their own keeps the long one of all other units off those sentences
_TIME_SPANS = [name for name, (kind, _, _) in MEASURES.items() if kind == "duration"]
# a name made of a number word and a unit, both capitalised: "Three Mile Island", "Seven Mile Beach"
_TITLED_UNITS = _alternation([name.capitalize() for name in MEASURES if name.isalpha()])
_NUMBER_AND_UNIT_NAME = re.compile(rf"\b(?:{_alternation([w.capitalize() for w in CARDINALS if w.isalpha()])})"
                                   rf"[\s-]+(?:{_TITLED_UNITS})\b")
_MEASURE_UNITS = _alternation([name for name in MEASURES if name not in _TIME_SPANS])
_MEASURE_NEEDS = (rf"(?<![^\W\d_])(?:{_MEASURE_UNITS})(?![\w²])"
                  rf"|(?:thousand|million|billion|trillion)(?:{_MEASURE_UNITS})")


# feet, then inches of the same figure: "2,310 feet 4 inches", "41 ft. 3 in."
_INCHES_AFTER = (r"(?:(?:(?<=feet)|(?<=foot)|(?<=ft))\.?[\s,]+(?:and\s+)?(?P<inches>\d{1,2}(?:\.\d+)?)"
                 r"[\s-]*(?:inches|inch|in\b\.?))?")

# a bracket that opens right after an amount: "$11 million (", "11 million dollars ("
_AFTER_AN_AMOUNT = r"\((?:(?<=\d \()|(?<=illion \()|(?<=bn \()|(?<=dollars \()|(?<=euros \()|(?<=pounds \())"


class Pattern(NamedTuple):
    """One pattern of the figure grammar: the kind of figure it reads, its regex, a quick test of what a sentence
    must hold for it to match (None: none), and whether every match is a number led by at most a bound ("more than
    40 stations"): such a pattern is searched from near each number of a sentence, not at every position."""

    kind: str
    regex: re.Pattern[str]
    needs: Needs | None = None
    number_led: bool = False


NUMBER_LEAD = rf"(?:(?P<bound>{BOUND}){BOUND_GAP})?(?P<num>{NUMBER})"  # a number, perhaps after a bound


# a measure may be a fraction alone: "3/10 inch", "3/4 mile"; or glued to its label, as a table's cells are when a
# page's text is taken out of it: "Height310 ft", "Main span1,240.5 ft", "Depth9.42 mi" (a word of four letters or
# more: "G20" is a code)
_GLUED_TO_A_LABEL = "|".join(rf"(?<=\b[^\W\d_]{{{n}}})" for n in range(4, 17))
_FRACTION_OR_GLUED = rf"(?<![\w.,/])\d{{1,2}}/\d{{1,3}}(?![\d/])|(?:{_GLUED_TO_A_LABEL})(?:{DIGITS})(?!\d)"
# (a digit first: the look-behinds run only where a number starts, not at every position a search tries)
_MEASURE_LEAD = NUMBER_LEAD.replace("(?P<num>", rf"(?P<num>(?=\d)(?:{_FRACTION_OR_GLUED})|", 1)


def _number_led(kind: str, rest: str, needs: Needs | None = None, lead: str = NUMBER_LEAD) -> Pattern:
    """A pattern whose every match is `lead` (NUMBER_LEAD), then `rest`."""
    return Pattern(kind, re.compile(lead + rest, _I), needs, number_led=True)


# ------------------------------------------------------------------ times of day

# The zones news and bulletins state times in, by their offset from UTC in hours; a zone that may be either of two
# ("ET": EST or EDT) has none, and its times are compared as stated.
TIME_ZONES = {"UTC": 0, "GMT": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6,
              "PST": -8, "PDT": -7, "AKST": -9, "AKDT": -8, "HST": -10, "AST": -4, "ADT": -3, "WET": 0, "WEST": 1,
              "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "MSK": 3, "MSD": 4, "JST": 9, "KST": 9, "AEST": 10,
              "AEDT": 11, "NZST": 12, "NZDT": 13, "ET": None, "CT": None, "MT": None, "PT": None}
_SPELLED_ZONES = {("eastern", ""): "ET", ("central", ""): "CT", ("mountain", ""): "MT", ("pacific", ""): "PT",
                  ("eastern", "daylight"): "EDT", ("eastern", "standard"): "EST", ("central", "daylight"): "CDT",
                  ("central", "standard"): "CST", ("mountain", "daylight"): "MDT", ("mountain", "standard"): "MST",
                  ("pacific", "daylight"): "PDT", ("pacific", "standard"): "PST", ("alaska", "daylight"): "AKDT",
                  ("alaska", "standard"): "AKST", ("hawaii", "standard"): "HST", ("hawaii", "daylight"): "HST",
                  ("atlantic", "daylight"): "ADT", ("atlantic", "standard"): "AST"}
_ZONE = rf"(?-i:(?P<zone>{_alternation(TIME_ZONES)}))(?![\w-])"  # in capitals: "(2021 est.)" is an estimate
_ZONE_REGIONS = "eastern|central|mountain|pacific|alaska|hawaii|atlantic"
_SPELLED_ZONE = (rf"(?P<spelled>(?P<region>{_ZONE_REGIONS})(?:\s+(?P<season>daylight|standard))?"
                 r"|(?P<greenwich>greenwich\s+mean)|(?P<universal>(?:coordinated\s+)?universal)|local)\s+time\b")
_AM_PM = r"(?P<ampm>[ap])\.?\s?m\b\.?"
_HALF_OF_DAY_WORDS = r"(?:in|on)\s+the\s+(?:morning|afternoon|evening)\b"  # "3:10 in the afternoon": 15:10
_HALF_OF_DAY = rf"(?:\s+(?P<half>{_HALF_OF_DAY_WORDS}))"
_O_CLOCK = r"\s+o['’]clock\b"
_ZONE_AHEAD = (rf"(?-i:{_alternation(TIME_ZONES)})(?![\w-])"
               rf"|(?:{_ZONE_REGIONS}|greenwich|universal|coordinated)\s+")
# A time of day, as clocks, news and bulletins write it: "9:32 a.m. EDT", "14:46 JST", "11:39:13 am EST",
# "2.46pm", "7 p.m.", "0610 AM CDT", "2205 UTC", "0546Z", "0200 hours", "0145 eastern daylight time", "9:30 A.M.
# (EDT)", "6:30 pm local time", an investigation's "At 0129:10" and "About 0125,"; a fact box's "Time01:23"; after a
# word that makes it approximate or a bound ("about", "just before", "by").
_TIME = re.compile(
    r"(?:\b(?:(?P<about>about|around|approximately|roughly|circa|some|near)|(?P<before>(?:just\s+|shortly\s+)?before|by|"
    r"until|no\s+later\s+than)|(?P<after>(?:just\s+|shortly\s+)?after|past))\s+)?"
    r"(?:(?<=time)|(?<![\w.,:$€£]))(?:(?P<h>\d{1,2}):(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?(?![\d:])"
    rf"|(?P<hd>\d{{1,2}})\.(?P<md>[0-5]\d)(?=\s?[ap]\.?\s?m\b|\s+{_HALF_OF_DAY_WORDS})"
    # (a bulletin's hour and minutes without a colon: "AT 317 PM CDT")
    r"|(?P<h3>[1-9])(?P<m3>[0-5]\d)(?=\s?[ap]\.?\s?m\b)"
    # (one that reads as a year, "September 11, 2003 GMT", only before a half of the day or "hours")
    r"|(?!(?:19|20)\d\d(?!\s?[ap]\.?\s?m\b|\s+hours?\b))(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)(?::(?P<ss>[0-5]\d)(?![\d:])"
    rf"|(?=\s*(?:[ap]\.?\s?m\b|\(?{_ZONE_AHEAD}|local\s+time\b)|\s+hours?\b)"
    r"|(?:(?<=\bat\s0\d{3})|(?<=\babout\s0\d{3})|(?<=\baround\s0\d{3}))(?=[\s,;.]))"
    rf"|(?P<ho>1[0-2]|0?[1-9])(?=\s?[ap]\.?\s?m\b|{_O_CLOCK}))"
    rf"(?:\s?{_AM_PM}|{_O_CLOCK})?(?:\s+hours?\b)?{_HALF_OF_DAY}?"
    rf"(?:\s*(?P<paren>\(\s*)?{_ZONE}(?(paren)\s*\))|\s+{_SPELLED_ZONE})?", _I)
# what stamps a page, not an event: "Updated 4:05 PM EDT", "Posted at 10:12 a.m.", a bulletin's "ISSUED 1140 PM
# EDT", a byline's "20 May 2022 | 16:43"
_STAMPED_BEFORE = re.compile(r"\b(?:updated|posted|published|modified|edited|last\s+reviewed|printed|issued)\b"
                             r"[^.;]{0,40}$"
                             r"|[|•·]\s*$", re.IGNORECASE)
# a time with no half of the day or zone is read after a word that places an event at it ("struck at 14:46", "from
# 09:00"), or on a clock of 24 hours; "John 3:16" or "a 2:30 finish" is no time of day
_PLACED_AT = re.compile(r"\b(?:at|around|about|approximately|before|after|by|until|from|to|till|between|and|since|"
                        r"time|times?:)\s*$", re.IGNORECASE)
_TIME_NEEDS = (rf"\d:[0-5]\d|\d\s*(?:[ap]\.?\s?m|\(?\s*(?:{_alternation(zone.lower() for zone in TIME_ZONES)}))\b"
               rf"|0\d\d\d\s+hour|\d{_O_CLOCK}|\d\.[0-5]\d\s+{_HALF_OF_DAY_WORDS}"
               r"|\d\s+\w+\s+(?:\w+\s+)?time\b|(?:at|about|around)\s0\d\d\d")
TIME_PRECISION = {"s": 1 / 60, "m": 1.0, "h": 30.0}  # minutes either way a time is good to, by its last part written
TIME_ABOUT = {"m": 10.0, "h": 60.0}  # and when it is approximate ("about 6:30 pm", "around 7 p.m.")
TIME_BOUND = 60.0  # minutes a bound reaches ("just before 18:20": from 17:20)


def _time(m: re.Match[str], sentence: str) -> Value | None:
    """A time of day as minutes after midnight on the clock it is stated in (`unit`: its zone, '' when it names
    none), good to its precision: "9:32" to the minute, "7 p.m." to the half hour either way."""
    if _STAMPED_BEFORE.search(sentence, max(0, m.start() - 60), m.start()):
        return None
    if m["h"] is not None:
        hour, minute, second = int(m["h"]), int(m["m"]), int(m["s"] or 0)
        last = "s" if m["s"] else "m"
    elif m["hd"] is not None:
        hour, minute, second, last = int(m["hd"]), int(m["md"]), 0, "m"
    elif m["h3"] is not None:
        hour, minute, second, last = int(m["h3"]), int(m["m3"]), 0, "m"
    elif m["hh"] is not None:
        hour, minute, second, last = int(m["hh"]), int(m["mm"]), int(m["ss"] or 0), "s" if m["ss"] else "m"
    elif m["ampm"] or m["half"]:  # ("9 o'clock" alone is morning or evening)
        hour, minute, second, last = int(m["ho"]), 0, 0, "h"
    else:
        return None
    zone = (m["zone"] or "").upper()
    if m["spelled"] and m["region"]:
        # "Eastern Time" names no season: ET, either of the two ("Alaska time" no zone of the table)
        zone = _SPELLED_ZONES.get((m["region"].lower(), (m["season"] or "").lower()), "")
    elif m["spelled"] and (m["greenwich"] or m["universal"]):
        zone = "GMT" if m["greenwich"] else "UTC"
    half = m["ampm"]
    if m["half"] and hour <= 12:
        half = "a" if "morning" in m["half"].lower() else "p"
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half.lower() == "p" else 0)
    elif hour > 23 or (m["h"] is not None and not zone and not m["spelled"] and hour < 13 and not m["s"]
                       and not (m["about"] or m["before"] or m["after"])
                       and not _PLACED_AT.search(sentence, max(0, m.start() - 12), m.start())):
        return None
    at = hour * 60 + minute + second / 60
    clock = f"{hour:02d}:{minute:02d}" + (f":{second:02d}" if last == "s" else "")
    reach = TIME_PRECISION[last]
    low, high = (at - reach, at + reach) if last == "h" else (at, at + reach)
    prefix = ""
    if m["about"]:
        prefix, low, high = "~", min(low, at - TIME_ABOUT[last]), max(high, at + TIME_ABOUT[last])
    elif m["before"]:
        prefix, low = "<", at - TIME_BOUND
    elif m["after"]:
        prefix, high = ">", at + TIME_BOUND
    return Value("time", f"{prefix}{clock}" + (f" {zone}" if zone else ""), low, high, unit=zone)


def beside(b: Value, a: Value) -> tuple[float, float]:
    """b's interval, to be compared with a's: as it is, but for a time of day, which is put on a's clock (moved by
    the difference of their zones when both name one with a known offset, and by a day when that brings it nearer:
    '23:50' and '00:10' are minutes apart)."""
    if a.kind != "time":
        return b.low, b.high
    shift = 0.0
    if a.unit and b.unit and a.unit != b.unit:
        offset_a, offset_b = TIME_ZONES.get(a.unit), TIME_ZONES.get(b.unit)
        if offset_a is not None and offset_b is not None:
            shift = (offset_a - offset_b) * 60
    low, high = b.low + shift, b.high + shift
    middle_a, middle_b = (a.low + a.high) / 2, (low + high) / 2
    day = 24 * 60 * round((middle_a - middle_b) / (24 * 60))
    return low + day, high + day


# Each pattern in the order it claims spans, with what a sentence must hold for it to match (a part of
# the pattern itself): most patterns are skipped at the cost of one quick search, which halves the time
# reading takes. A need that starts with a letter or a symbol, not \b or \s, is searched several times
# faster; so a need may match more than its pattern ("bread" for "read"), never less. Tests check that
# the figures found are the same without them.
PATTERNS: list[Pattern] = [
    # a time of day (see _time); one that stamps a page is consumed, and no figure
    Pattern("time", _TIME, _needs(_TIME_NEEDS)),
    # page furniture and labels: consumed so that no figure is read inside them
    Pattern("skip", _NUMBER_AND_UNIT_NAME, _needs(None, rf"[\s-](?:{_TITLED_UNITS})\b")),
    # a milepost names a place on a line, no length: "at the 12.5 mile post", "milepost 40.2", "mile marker 12"
    Pattern("skip", re.compile(r"\b(?:mile\s*posts?|mile\s+markers?)\s+\d+(?:\.\d+)?"
                               r"|\d+(?:\.\d+)?[\s-]+mile\s*(?:posts?|markers?)\b", _I),
            _needs(r"mile\s*(?:post|marker)")),
    # "the No. 3 in Europe" is a place in a ranking; "school No. 25" and "#3" only label things
    Pattern("rank_no",
            re.compile(r"(?<=\bthe )(?:No|Nr|number)\s*\.?\s*(?P<n>\d{1,3})\b(?=\s+(?:in|on|among|of)\b)", _I),
            _needs(r"the (?:no|nr|number)")),
    Pattern("skip", re.compile(r"(?:\bNos?\b|\bNr\b|#)\s*\.?\s*\d+", _I),
            _needs(r"(?:nos?|nr)\s*\.?\s*\d|#\s*\.?\s*\d")),
    Pattern("skip", re.compile(r"\b\d+\s*(?:min|mins|minutes?)\s+read\b", _I), _needs(r"read\b")),
    # a label of a part of the document: "Figures 5 and 6 show", "see Table 3", "Chapter 4"
    Pattern("skip", re.compile(r"\b(?:Figures?|Figs?\.|Tables?|Chapters?|Sections?|Appendix|Exhibits?|Plates?)"
                               r"\s+\d+(?:\s*(?:,|and|&|[-–])\s*\d+)*\b(?![.,]\d)"),
            _needs(None, r"(?:Fig|Table|Chapter|Section|Appendix|Exhibit|Plate)\w*\.?\s+\d")),
    # ... and the number of a report in a series: "Professional Paper 1606", "Circular 1200", "Bulletins 1610-A"
    Pattern("skip", re.compile(r"\b(?:Papers?|Bulletins?|Circulars?|Fact\s+Sheets?)\s+\d+(?:-[A-Z]\b)?"
                               r"(?:\s*(?:,|and|&|through|to|[-–])\s*\d+(?:-[A-Z]\b)?)*\b(?![.,]\d)"),
            _needs(None, r"(?:Paper|Bulletin|Circular|Sheet)s?\s+\d")),
    # a house number: "8777 Collins Avenue", "12 Harrow Road"
    Pattern("skip", re.compile(r"(?<![\w.,])\d{1,5}\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|Avenue|Road|Boulevard|Drive|Lane"
                               r"|Parkway)\b"), _needs(r"street|avenue|road|boulevard|drive|lane|parkway")),
    # a count in brackets right after the word of a toll names it: "the most direct deaths (57)"; any other number
    # alone in brackets marks a note or an item: "(1)", "[12]"
    Pattern("bracket_count", re.compile(r"(?<=[^\W\d_]{3}\s)\((?P<num>\d{1,3}(?:,\d{3})*)\)"
                                        r"(?=\s*(?:[,.;:]|$|(?:and|due|from|in|on|with)\b))"), _needs(r"\(\d")),
    Pattern("skip", re.compile(r"\[\s*\d+\s*\]|\(\s*\d{1,2}\s*\)"), _needs(r"[\[(]")),
    # a citation: "(Weather Center, 2015)", "(Holt et al., 2016)": the year of a work cited, no fact of the text
    Pattern("skip", re.compile(rf"\((?:[A-Z][\w.&'’-]*\s?|et\s+al\.?\s?|and\s|&\s?){{1,8}},\s*{YEAR}[a-z]?"
                               r"(?:;[^()]{1,80})?\)"),
            _needs(r",\s*[12]\d{3}[a-z]?[);]")),
    Pattern("skip", re.compile(r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b"), _needs(r"[./]\d")),
    # a copyright notice's years: "© 2019-2023 Orsk Herald"
    Pattern("skip", re.compile(rf"(?:©|\(c\)|\bcopyright\b)\s*(?:{YEAR}\s*[-–]\s*)?{YEAR}\b", _I),
            _needs(r"©|\(c\)|copyright")),
    # a file's name: "headframe 2016.jpg", "IMG_2041.png", "report-2019-03.pdf" name an image or a document, no fact
    Pattern("skip", re.compile(r"[\w-]*\d[\w-]*\.(?:jpe?g|png|gif|svg|webp|tiff?|pdf|docx?|xlsx?|mp[34])\b", _I),
            _needs(r"\.(?:jpe?g|png|gif|svg|webp|tiff?|pdf|docx?|xlsx?|mp[34])\b")),
    # the rating of a count of things is no rating of one thing: "7 rated EF4", "3 storms were rated Category 4"
    Pattern("skip", re.compile(r"(?<=\d\s)(?:[^\W\d_]+\s+){0,2}?rated\s+(?:E?F-?[0-5]|category\s+[1-5])\b", _I),
            _needs(r"rated\s")),
    # a value on a named scale: "a Category 4 hurricane", "a magnitude 7.8 quake", "7.5 on the Richter scale",
    # "an Mw 7.7 earthquake", "a maximum intensity of XII"
    Pattern("scale", re.compile(rf"\b(?P<name>{NAMED_SCALES})\s+(?P<num>\d{{1,2}}|{ROMAN})\b(?![.,]\d)"),
            _needs(r"(?:category|cat\.|level|force)\s")),
    # ... and a tornado's rating on the (Enhanced) Fujita scale, its letters glued to its step: "rated EF-5", "an EF4"
    Pattern("scale", re.compile(r"\b(?P<name>EF|F(?=\d\s+tornado))-?(?P<num>[0-5])\b(?![.,]\d)"),
            _needs(None, r"\bE?F-?[0-5]\b")),
    # ... and in lower case or in words before what it rates: "a category 3 hurricane", "category two strength", "a
    # category 4 on the Varn wind scale"
    Pattern("scale", re.compile(r"\b(?P<name>category)\s+(?P<num>[1-5]|one|two|three|four|five)\b"
                                r"(?=\s+(?:hurricane|storm|cyclone|typhoon|strength|status|intensity)\b"
                                r"|\s+on\s+the\s+(?:[\w-]+\s+){0,4}scale\b)", _I),
            _needs(r"category\s")),
    # (a threshold of magnitudes is a bound, "greater than magnitude 4.0", "magnitude 5 or greater"; and a range, one:
    # "magnitude 7.2–7.3", "M7.5-8.0")
    Pattern("scale", re.compile(r"(?:\b(?P<above>greater\s+than|more\s+than|larger\s+than|above|over|at\s+least)\s+"
                                r"|\b(?P<below>less\s+than|smaller\s+than|below|under|up\s+to)\s+)?"
                                r"\b(?:(?P<mag>magnitude|(?-i:M[wsL]?))(?:\s*:\s*|[\s-]*(?:(?:of|at|was|is)\s+)?)"
                                r"(?P<num>\d(?:\.\d{1,2})?)(?:(?:\s?[–-]\s?|\s+to\s+)(?P<upto>\d(?:\.\d{1,2})?))?\b(?![.,]\d)"
                                r"(?:\s*(?-i:M[wsL]|Richter)\b)?"
                                r"(?:\s+(?:or|and)\s+(?:(?P<or_above>greater|higher|larger|above|more|up)"
                                r"|(?P<or_below>less|lower|smaller|below))\b)?"
                                r"|(?<![\d.,])(?P<num2>\d(?:\.\d{1,2})?)[\s-]*(?:-?magnitude|on\s+the\s+Richter(?:\s+scale)?)\b)"
                                r"(?!\s*(?:%|per\s?cent))", _I),
            _needs(r"magnitude|richter|\bm[wsl]?[\s-]*\d")),
    Pattern("scale", re.compile(rf"\b(?:intensity\s+(?:of\s+)?|MMI\s+)(?P<roman>{ROMAN})\b"
                                rf"|\b(?P<roman2>{ROMAN})\s+on\s+the\s+(?:Modified\s+)?Mercalli\b", _I),
            _needs(r"intensity|mercalli|mmi\s")),
    # the year of the prices an amount is stated in is no amount: "(in constant 2015 dollars)", "unadjusted 2019 euros"
    Pattern("skip", re.compile(rf"(?:\(|\b(?:in|constant|unadjusted|adjusted|inflation-adjusted|real|current|"
                               rf"nominal)\s+){YEAR}\s+(?:US\s+)?{CURRENCY_AFTER}", _I),
            _needs(_alternation(CURRENCY_WORDS), _CODES_TRIE)),
    # an amount told again in the money of another year is no amount of its own: "cost $11 million ($262 million
    # today)", "(about US$318,540,000 in 2022)", "equivalent to $13.9 million in 2019"; two pages that convert to
    # two years differ without disagreeing
    Pattern("skip", re.compile(rf"(?:(?P<paren>{_AFTER_AN_AMOUNT})|\bequivalent\s+to\s+)"
                               rf"(?:(?:about|approximately|roughly|around|nearly|some|equivalent\s+to|or)\s+)?"
                               rf"(?:{CURRENCY_BEFORE}\s?(?:{DIGITS})(?:\s*(?:{SCALE}|bn|mn|m|b)\b)?"
                               rf"(?:\s+{CURRENCY_AFTER})?|(?:{DIGITS})(?:\s*(?:{SCALE}|bn|mn)\b)?\s*{CURRENCY_AFTER})"
                               rf"\s+(?:in\s+(?:{YEAR}|today'?s)|today)\b(?:\s+(?:dollars|money|terms|prices))?"
                               rf"(?(paren)\s*\))", _I),
            _needs(r"(?:\(|equivalent\s)[^()]*?(?:today|in\s+\d{4})")),
    Pattern("money", re.compile(rf"(?:(?P<bound>{BOUND}){BOUND_GAP})?(?P<cur>{CURRENCY_BEFORE})\s?"
                                # a range whose scale follows its upper end only: '$13–50 billion', '$2.5-3 million'
                                # (and after "between": '$180 and $240 million')
                                rf"(?P<btw>(?<=between [$€£¥]))?"
                                rf"(?:(?P<low>{DIGITS})\s*(?:[–—-]|\s+to\s+|(?(btw)\s+and\s+|(?!)))\s*"
                                rf"(?:{CURRENCY_BEFORE}\s?)?"
                                rf"(?=(?:{DIGITS})(?:\s*|-)(?:{SCALE}|bn|mn|mln|tn)\b))?(?P<num>{DIGITS})"
                                # '$4.5B', '$300M', '$12-billion'
                                rf"(?:(?:\s*|-)(?P<scale>{SCALE}|bn|mn|mln|tn|b|m|k)\b)?", _I),
            _needs(_SYMBOLS, _CODES_TRIE)),
    _number_led("money", rf"(?:\s*(?P<scale>{SCALE}|bn|mn|mln|tn)\b)?\s*(?P<cur>{CURRENCY_AFTER})",
                _needs(_alternation(CURRENCY_WORDS), _CODES_TRIE)),
    # an estimate with its margin of error: "3,460 ± 210 cases", "12.3% ± 1.3%" (the margin is no figure of its own)
    _number_led("margin", rf"(?P<scale>)(?P<pct>\s*(?:%|per\s?cent\b))?\s*(?:±|\+/-)\s*(?P<margin>{DIGITS})"
                r"(?P<pct2>\s*(?:%|per\s?cent\b))?", _needs(r"±|\+/-")),
    _number_led("percent", r"\s*(?:%|per\s?cent\b)", _needs(r"%|per\s?cent\b")),
    # a share written as a ratio: "one in five adults", "nearly 1 in 4 households", "three out of every 10"
    _number_led("ratio", rf"\s+(?:in|out\s+of)\s+(?:every\s+)?(?!{YEAR}\b)(?P<per>\d{{1,3}}(?:,\d{{3}})?(?![\d.,]\d)|"
                rf"{NUMW})\b(?!\s*(?:%|per\s?cent\b|[.,]\d|{_alternation(TIME_UNITS)}))(?=\s+[^\W\d_]|\s*[.,;:)]|\s*$)",
                _needs(rf"\s(?:in|of)\s+(?:every\s+)?(?:\d{{1,3}}(?:,\d{{3}})?\b|{NUMW}\b)")),  # ('one in a hundred')
    Pattern("period", re.compile(rf"\b(?:from|between)\s+(?P<a>{ANY_DATE})\s+(?:to|until|till|through|and)\s+"
                                 rf"(?:the\s+(?:end|start|beginning|middle)\s+of\s+)?(?P<b>{ANY_DATE})", _I),
            _needs(r"(?:from|between)\s")),
    # two years in a row joined by "and" are one span: "46 cases in 2014 and 2015"
    Pattern("period", re.compile(rf"\b(?<=in )(?P<ya>{YEAR})\s+and\s+(?P<yb>{YEAR})\b(?!\s*[-–/]\d)"),
            _needs(r"in [12]\d{3} and [12]\d{3}")),
    Pattern("period", re.compile(rf"(?:\b(?P<btw>between)\s+|\bfrom\s+)?(?P<da>{DAY_NO_YEAR})\s*"
                                 rf"(?(btw)and|(?:to|until|till|through|[–—-]))\s*(?P<db>(?:{DAY_NO_YEAR})(?:,?\s+{YEAR})?)\b",
                                 _I),
            _needs(_MONTH_NEEDS)),
    Pattern("period", re.compile(rf"(?:\b(?P<mbtw>between)\s+|\bfrom\s+)?\b(?P<ma>{MONTH_CASED})"
                                 rf"(?:\s*[–—-]\s*|\s+(?(mbtw)and|(?:to|until|till|through))\s+)"
                                 rf"(?P<mb>{MONTH_CASED}),?\s+(?P<my>{YEAR})\b"),
            _needs(r"[a-z]\s*[–—-]\s*[a-z]|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+"
                   r"(?:to|until|till|through|and)\s+[a-z]")),
    Pattern("period", re.compile(rf"\b(?P<a>{YEAR})\s*(?:--|[-–])\s*(?P<b>{YEAR}|\d\d)\b(?!\s*{MONTH}|[-/]\d)"),
            _needs(r"[-–]\s*\d")),
    Pattern("period", re.compile(rf"\b(?:the\s+)?(?P<edge>first|last)\s+(?P<n>{NUMBER})\s+months\s+of\s+"
                                 rf"(?P<a>{YEAR})\b", _I), _needs(r"months\s+of\s")),
    Pattern("period", re.compile(rf"\b(?:the\s+)?(?P<half>first|second)\s+half\s+of\s+(?P<a>{YEAR})\b", _I),
            _needs(r"half\s+of\s")),
    Pattern("period", re.compile(rf"\b(?:the\s+)?(?P<q>first|second|third|fourth)\s+quarter\s+of\s+(?P<a>{YEAR})\b"
                                 rf"|\bQ(?P<qn>[1-4])\s+(?P<qa>{YEAR})\b", _I), _needs(r"quarter\s+of\s|q[1-4]\s")),
    Pattern("period", re.compile(rf"\bsince\s+(?P<a>{DATE_DMY}|{DATE_MDY}|{DATE_MY}|{YEAR})\b", _I),
            _needs(r"since\s")),
    Pattern("date", re.compile(rf"{DATE_DMY}|{DATE_MDY}|{DATE_MY}|{DATE_ISO}", _I), _needs(_DATE_NEEDS)),
    Pattern("named_day", re.compile(rf"{NAMED_DAY},?\s+(?:of\s+)?(?P<year>{YEAR})\b"), _needs(_NAMED_DAY_NEEDS)),
    Pattern("anniversary", re.compile(rf"(?P<n>{ORDW})\s+anniversary\b", _I), _needs(r"anniversary\b")),
    Pattern("anniversary", re.compile(rf"(?:\b(?:celebrat\w*|mark\w*)\s+(?:its\s+|their\s+)?)(?P<n>{NUMBER})\s+years\b"
                                      rf"|(?P<n2>{NUMBER})\s+years\s+(?:since|after)\b", _I), _needs(r"years\b")),
    # once full dates and periods had their turn: a range of counts ("59,488–62,013 deaths"); a score ("3–0") and
    # degrees of no named scale are no facts that can be grouped as read; a day without its year ("2 January",
    # "Saturday 10 August", "December 25") is one of the year of its document, when it has one
    Pattern("count_range", re.compile(rf"(?<![\w.,])(?P<a>{DIGITS})\s*(?:[–—]|-(?!\d\d?\b)|\s+to\s+)\s*(?P<bound>)"
                                      rf"(?P<num>{DIGITS})(?![\d%]|[.,]\d)(?:\s+(?P<scale>{SCALE}))?"
                                      r"(?=\s+[^\W\d_]|\s*(?:[.;,)]|$))", _I),
            _needs(r"\d\s*[–—-]\s*\d|\d\s+to\s+\d")),
    # a score or a pair of numbers ("won 3-1"), but not a range of a measure ("a surge of 6–9 ft", "40-60 mph")
    Pattern("skip", re.compile(rf"(?<![\d.,])\d{{1,2}}\s*[–—-]\s*\d{{1,2}}(?![\d.,%/])"
                               rf"(?![\s-]*(?:{_MEASURE_UNITS})(?![\w²]))", _I), _needs(r"[–—-]\s*\d")),
    Pattern("day", re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_CASED}(?![\w.]*,?\s*\d{{4}}\b)"
                               rf"|\b{MONTH_CASED}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!,?\s*\d{{4}}\b)"),
            _needs(_MONTH_NEEDS)),
    # degrees of no named scale: an angle, a latitude, or a temperature whose scale the page does not say
    Pattern("skip", re.compile(r"\d+(?:\.\d+)?\s*(?:°|º|degrees?\b)(?!\s*(?:[CF]\b|Celsius|Fahrenheit|centigrade))",
                               _I), _needs("°|º|degree")),
    _number_led("measure", rf"(?:\s+(?P<scale>{SCALE}))?[\s-]*(?P<unit>{_MEASURE_UNITS})(?![\w²]){_INCHES_AFTER}",
                _needs(_MEASURE_NEEDS), _MEASURE_LEAD),
    _number_led("measure", rf"(?P<scale>)(?P<inches>)[\s-]*(?P<unit>{_alternation(_TIME_SPANS)})(?![\w²])"
                r"(?!(?<=second)\s+class\b)",  # ("300 second class passengers")
                _needs(r"(?:second|minute|min|hour|hr|day|week|month|year|decade)s?\b"), _MEASURE_LEAD),
    Pattern("rank_top", re.compile(rf"(?:\b(?:one|part)\s+of\s+the\s+|\bamong\s+the\s+)?\btop{_NOT_A_VERB_TOP}"
                                   rf"[\s-]+(?P<n>{NUMBER})\b"
                                   rf"|\b(?:one|part|among)\s+of\s+the\s+(?P<n2>{NUMBER})\s+{RANKING_ADJECTIVES}\b"
                                   rf"|\bamong\s+the\s+(?P<n3>{NUMBER})\s+{RANKING_ADJECTIVES}\b", _I),
            _needs(r"\btop[\s-]|\b(?:one|part|among)\s+of\s+the\s|\bamong\s+the\s")),
    # a year that heads a proper name names an edition of it, as part of the name: "the 2015 Westfair Trade Summit"
    Pattern("skip", re.compile(rf"(?<=\b[Tt]he ){YEAR}(?=\s+(?!{MONTH_CASED}\b)[A-Z])"), _needs(r"the [12]\d{3}\s")),
    # a decade ("the 1850s", "the mid-1990s"), or a century named by its first year ("the 1800s")
    Pattern("decade", re.compile(r"(?<![\d$€£¥.,])(?P<y>1[5-9]\d0|20\d0)['’]?s\b"), _needs(r"\d0['’]?s\b")),
    # codes and words glued to digits ("COVID-19", "G20", "2022yılında"), once units had their turn
    Pattern("skip", re.compile(r"\b[^\W\d_]+-?\d+[\w-]*|\b\d+(?!(?:st|nd|rd|th)\b)[^\W\d_]\w*"),
            _needs(r"\d(?:(?<=[^\W\d_]\d)|(?<=[^\W\d_]-\d)|[^\W\d_])")),
    # a rate is a figure of its own, no count of either: "62 cases per 10,000 inhabitants", "3 doctors for every
    # 1,000 people", "(14.2 per 100,000)", "8.4 (2019) cases per 10,000 people"
    _number_led("rate", r"(?P<what>(?:\s+(?:[^\W\d_][\w'-]*|\(\d{4}\))){0,3}?)\s+(?:per|for\s+every)\s+"
                r"(?P<per>\d{1,3}(?:,\d{3})+|\d+)(?![\d.,]\d)(?:\s+[^\W\d_][\w'-]*)?",
                _needs(r"per\s+\d|for\s+every\s+\d")),
    # ... and what a rate is per is none, wherever its number stands: "(range 4.1 to 7.3) per 1,000 residents"
    Pattern("skip", re.compile(r"\b(?:per|for\s+every)\s+\d[\d,]*(?:\.\d+)?", _I),
            _needs(r"per\s+\d|for\s+every\s+\d")),
    # a share said as a fraction: "a third of the population", "two-thirds of the roof"; a fraction of anything else
    # ("a tenth of a second") is consumed, no figure. ("Half of the homes" is left out: read, it moved grouping more
    # than it found; bench/README.md)
    Pattern("fraction", re.compile(rf"\b(?P<n>a|an|one|two|three|four|\d+)[\s-]+"
                                   rf"(?:(?P<d>third|fourth|fifth|sixth|eighth|tenth|quarter(?!s?\s+of\s+an?\b))s?|{ORDW}s?)"
                                   r"\s+of\b", _I),
            _needs(r"of\b")),
    Pattern("century", re.compile(rf"(?P<n>{ORDW})[\s-]+century\b", _I), _needs(r"century\b")),
    Pattern("rank", re.compile(ORDW, _I), None),
    # a year a figure is compared with is no date of the text's ("6% fewer than in the same period of 2022")
    Pattern("skip", re.compile(rf"\b(?:than\s+in|compared\s+(?:with|to)|same\s+(?:period|time|week|month|quarter)\s+"
                               rf"(?:of|in))\s+(?:the\s+same\s+\w+\s+(?:of|in)\s+)?{YEAR}\b", _I),
            _needs(r"than\s+in|compared\s|same\s")),
    # a bound before a number of a year's shape makes it a count: "more than 2000 people"
    Pattern("count", re.compile(rf"(?P<bound>{BOUND}){BOUND_GAP}(?P<num>{YEAR})(?P<scale>)(?=\s+[^\W\d_])", _I),
            _needs(rf"{YEAR}\s+[^\W\d_]")),
    # so does a plural noun of people or of a toll right after it: "52,310 cases and 1874 deaths", unless a word
    # before it makes it a time ("in 2005 people fled", "by March 2020 cases had doubled")
    Pattern("count", re.compile("".join(rf"(?<!\b{word}\s)" for word in _DATING_WORDS)
                                + rf"(?<![$€£¥₽₸.,\d])\b(?P<bound>)(?P<num>{YEAR})(?P<scale>)"
                                + rf"(?=\s+{_PEOPLE_OR_TOLL}\b)", _I),
            _needs(rf"{YEAR}\s+{_PEOPLE_OR_TOLL}\b")),
    # a year that ends a name inside a sentence is none of its dates: "the Orvel 2030 plan", "Expo 2020 opened in 2021"
    Pattern("skip", re.compile(rf"\b[A-Z](?<=[a-z,;)] [A-Z])(?!(?:pring|ummer|utumn|all|inter)\b)[a-z]+\s+{YEAR}\b"
                               rf"(?![.,]\d|\s*[:\d–-])"), _needs(None, rf"[A-Z][a-z]+\s+{YEAR}\b")),
    Pattern("date", re.compile(rf"(?<![$€£¥₽₸.,\d])\b{YEAR}\b(?![.,]\d)"), None),
    # any other number is a count, times its scale: "four million people", "two dozen boats"
    _number_led("count", rf"(?:\s+(?P<scale>{SCALE}|dozen\b))?"),
]

# ------------------------------------------------------------------ values


@dataclass(frozen=True, slots=True)
class Value:
    """A normalised figure: `text` is its canonical form (equal texts are equal values); `low`..`high`
    is what it asserts, widened by its bounds and written precision; periods also carry an end."""

    kind: str
    text: str
    low: float
    high: float
    end_low: float = -INF
    end_high: float = INF
    unit: str = ""

    @property
    def group_key(self) -> str:
        """Values that may be compared: same kind and, for money and measures, same dimension. A period open to
        the present ('since 1974') is dated by its start, the day or year of the event that began it ('opened in
        1974'): it is compared with dates."""
        if self.kind == "period" and self.text.endswith("/.."):
            return "date"
        return f"{self.kind}:{self.unit}" if self.kind in ("money", "scale", "rate") else self.kind

    def __reduce__(self) -> tuple[Callable[..., Value], tuple[object, ...]]:
        """Pickled as its fields, in order: rebuilt by __init__, twice as fast as the state a slotted
        dataclass pickles by default, which counts when worker processes send back a corpus's claims."""
        return unpickled_value, _value_fields(self)


_value_fields = attrgetter(*(f.name for f in fields(Value)))


@lru_cache(maxsize=65536)
def unpickled_value(*fields: object) -> Value:
    """A value sent by a worker process, one object for equal ones: a corpus states the same years and counts
    thousands of times, and the process that gathers its claims would otherwise hold a copy of each."""
    return Value(*fields)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure found in a sentence: where it is, what it says, and for counts what it counts."""

    start: int
    end: int
    value: Value
    counted: str = ""


def relation(a: Value, b: Value) -> Relation:
    """Equal texts agree; overlapping intervals (bounds, precision) are compatible; others conflict."""
    if a.text == b.text:
        return "agree"
    overlap = _overlap((a.low, a.high), beside(b, a))
    if a.kind == "period":
        overlap = overlap and _overlap((a.end_low, a.end_high), (b.end_low, b.end_high))
    return "compatible" if overlap else "conflict"


TOUCHING = 1e-9  # the gap between intervals that only touch: apart, by as little as can be


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Do two intervals share a point? Two of written precision that only touch do not: 7.0 is [6.95, 7.05] and
    7.1 is [7.05, 7.15], and no source writing 7.0 meant 7.1."""
    touch = (a[1] == b[0] or b[1] == a[0]) and a[0] < a[1] and b[0] < b[1]
    return a[0] <= b[1] and b[0] <= a[1] and not touch


DATE_KINDS = frozenset({"date", "period", "anniversary"})


def nearest_period(figure: Figure, figures: Sequence[Figure]) -> Figure | None:
    """The period stated nearest a figure in its sentence ('in the first nine months of 2022'), if any: the time
    frame of what can change, in every language."""
    periods = [f for f in figures if f.value.kind == "period"]
    return min(periods, key=lambda f: abs(f.start - figure.start)) if periods else None


def gap(a: Value, b: Value) -> float:
    """How far apart two values are: years between dates, doublings between amounts; 0 when they
    overlap. The further apart, the less likely two sources meant the same fact."""
    dated = a.kind in DATE_KINDS
    if a.kind == "time":  # hours apart, each as bad as a doubling between amounts
        low, high = beside(b, a)
        return 0.0 if _overlap((a.low, a.high), (low, high)) else max(low - a.high, a.low - high) / 60
    apart = _interval_gap((a.low, a.high), (b.low, b.high), dated)
    if a.kind == "period" and b.kind == "period":
        # periods that start together but end apart are apart by their ends
        return max(apart, _interval_gap((a.end_low, a.end_high), (b.end_low, b.end_high), dated))
    return apart


def _interval_gap(a: tuple[float, float], b: tuple[float, float], dated: bool) -> float:
    if _overlap(a, b):
        return 0.0
    lo, hi = sorted((a, b))
    if hi[0] <= lo[1]:
        return TOUCHING
    if dated:
        return (hi[0] - lo[1]) / 365.25
    near, far = abs(lo[1]), abs(hi[0])
    if lo[1] <= 0 or near == 0 or math.isinf(near) or math.isinf(far):
        return INF
    return math.log2(far / near)


# ------------------------------------------------------------------ number helpers


def parse_number(text: str) -> Decimal | None:
    """'13,000' -> 13000, 'twenty-five' -> 25, 'a hundred' -> 100; None when it is not a number."""
    t = text.strip().lower()
    spaced = " ".join(t.split())  # "three  hundred and five", as a line wraps it
    if "-" in spaced and spaced.replace("-", " ") in FRACTIONS:  # "three-quarters of a", "half-a"
        spaced = spaced.replace("-", " ")
    if spaced in CARDINALS:
        return Decimal(CARDINALS[spaced])
    if spaced in FRACTIONS:
        return FRACTIONS[spaced]
    if fraction := _written_fraction(spaced):
        return fraction[0]
    t = t.replace(",", "").replace(" ", "") if t[:1].isdigit() else t
    try:
        return Decimal(t)
    except ArithmeticError:
        return None


_WRITTEN_FRACTION = re.compile(rf"(?:(?P<whole>\d+|{NUMW})(?:\s+and\s+|[\s-]))?"
                               rf"(?:(?P<num>\d+)/(?P<den>\d+)|(?:a|one)\s+(?P<part>half|third|quarter))"
                               rf"|(?P<digits>\d*)(?P<vulgar>[{''.join(VULGAR_FRACTIONS)}])")


def _written_fraction(spaced: str) -> tuple[Decimal, int] | None:
    """'24 1/2' -> (24.5, 2), '3/10' -> (0.3, 10), '14½' -> (14.5, 2), '4 and one half' -> (4.5, 2): a number
    written with a fraction, and the fraction's denominator."""
    m = _WRITTEN_FRACTION.fullmatch(spaced)
    if m is None or m["den"] == "0":
        return None
    whole_text = m["whole"] or m["digits"]
    whole = Decimal(whole_text if whole_text.isdigit() else CARDINALS[whole_text]) if whole_text else Decimal(0)
    if m["vulgar"]:
        numerator, denominator = VULGAR_FRACTIONS[m["vulgar"]]
    elif m["part"]:
        numerator, denominator = 1, {"half": 2, "third": 3, "quarter": 4}[m["part"]]
    else:
        numerator, denominator = int(m["num"]), int(m["den"])
    return whole + (Decimal(numerator) / denominator).quantize(Decimal("0.001")), denominator  # (a third: 0.333)


def parse_ordinal(text: str) -> int | None:
    t = text.strip().lower()
    if t in ORDINALS:
        return ORDINALS[t]
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", t)
    return int(m.group(1)) if m else None


def _half_ulp(num_text: str) -> Decimal:
    """Half a unit of the last written digit: '50.45' -> 0.005, '50' and 'fifty' -> 0.5; a number written as a
    fraction or as 'a' is about that much, good to a tenth of itself ('a million' is 0.9 to 1.1 million, as 'about
    1 million' is; 'half a' -> 0.05)."""
    digits = num_text.replace(",", "")
    if "." in digits and digits.replace(".", "").isdigit():
        return Decimal(1).scaleb(-len(digits.split(".")[1])) / 2
    spaced = " ".join(digits.lower().split())
    if spaced in FRACTIONS:
        return FRACTIONS[spaced] / 10
    written = _written_fraction(spaced)
    if written is None:
        return Decimal("0.5")
    # (a fraction in figures is as good as a decimal of its own: '24 1/2' as '24.5'; 'four and one half' as
    # 'four and a half', a tenth of itself, as 'three and a third')
    return written[0] / 10 if " and " in spaced else Decimal(1) / (10 * written[1])


def _fmt(d: Decimal) -> str:
    """A Decimal in plain notation without trailing zeros: 2.50 -> '2.5', 1.7E+10 -> '17000000000'."""
    s = format(d.normalize(), "f")
    return s.rstrip("0").rstrip(".") if "." in s else s


def _bounded(n: Decimal, half: Decimal, bound: str | None) -> tuple[float, float, str]:
    """The interval and text prefix a bound gives a number: 'over 250' -> [250, inf], '>'."""
    lo, hi = float(n - half), float(n + half)
    b = (bound or "").lower().strip()
    if not b:
        return lo, hi, ""
    if b in _BOUNDS["gt"]:
        return float(n), INF, "≥" if b.startswith(("at least", "no ", "not ", "a min", "≥")) else ">"
    if b in _BOUNDS["lt"]:
        inclusive = b.startswith(("up to", "at most", "no ", "not ", "a max", "as ", "within", "≤"))
        return -INF, float(n), "≤" if inclusive else "<"
    if b in _BOUNDS["near"]:
        return float(n) * 0.9, float(n), "≲"
    margin = float(min(_last_digit(n), abs(n) / 10))
    return min(lo, float(n) - margin), max(hi, float(n) + margin), "~"


def _last_digit(n: Decimal) -> Decimal:
    """The place of a number's last significant digit: 9.2 billion -> 100 million, 9,000 -> 1,000, 27 -> 1. An
    approximate figure ('about $9.2 billion') is good to one such step, and to a tenth of itself at most:
    about 9.2 billion fits 9.1 and 9.3 billion, not 9.6; about 100 fits 90 to 110."""
    return Decimal(1).scaleb(n.normalize().as_tuple().exponent) if n else Decimal(0)


# ------------------------------------------------------------------ dates


# The written forms most dates take, read by the standard library at their precision, chosen by the
# shape of the cleaned text (a year, an ISO date, day first, month first); dateparser reads the rest. It
# costs milliseconds a call, which an archive of thousands of dated texts would feel.
_WRITTEN_DATE_FORMATS = {
    "year": (("%Y", "year"),),
    "iso": (("%Y-%m-%d", "day"),),
    "day": (("%d %B %Y", "day"), ("%d %b %Y", "day")),
    "month": (("%B %d %Y", "day"), ("%b %d %Y", "day"), ("%B %Y", "month"), ("%b %Y", "month")),
}
_WRITTEN_DATE_SHAPES = {"year": re.compile(r"\d{4}"), "iso": re.compile(r"\d{4}-\d\d-\d\d"),
                        "day": re.compile(rf"\d{{1,2}} {MONTH} \d{{4}}", _I),
                        "month": re.compile(rf"{MONTH}(?: \d{{1,2}})? \d{{4}}", _I)}
_DATE_NOISE = re.compile(r"(?<=\d)(?:st|nd|rd|th|d)\b|,|\.(?=[\s,]|$)|\b(?:day\s+)?of\b", _I)


class _NoSuchDay(ValueError):
    """A date in a common written form whose day or month does not exist ('31 November 2022')."""


@lru_cache(maxsize=4096)  # keyed by the expression alone: documents of many dates write the same dates
def _written_date(expr: str) -> tuple[int, int | None, int | None] | None:
    """A date in one of its common written forms ('3 March 1999', 'March 3rd, 1999', 'Sept. 1999')."""
    text = " ".join(_DATE_NOISE.sub(" ", expr).split()).replace("Sept ", "Sep ")
    shape = next((name for name, pattern in _WRITTEN_DATE_SHAPES.items() if pattern.fullmatch(text)), None)
    if shape is None:
        return None
    for fmt, precision in _WRITTEN_DATE_FORMATS[shape]:
        try:
            d = dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
        return d.year, d.month if precision != "year" else None, d.day if precision == "day" else None
    raise _NoSuchDay(expr)  # the form of a date, but no such day: what dateparser finds too


def parse_date(expr: str, base: dt.date | None = None) -> tuple[int, int | None, int | None] | None:
    """Normalise a date expression already found in a text, keeping only the parts really written."""
    try:
        written = _written_date(expr)
    except _NoSuchDay:
        return None  # as dateparser would say, without the second it takes to load
    return written if written is not None else _dateparser_date(expr, base)


@lru_cache(maxsize=4096)
def _dateparser_date(expr: str, base: dt.date | None) -> tuple[int, int | None, int | None] | None:
    """dateparser fills a missing day or month from its relative base; its `period` says which parts
    were really written, and only those are kept."""
    from dateparser.date import DateDataParser  # slow to import: only when a date needs it

    settings = {"RELATIVE_BASE": dt.datetime.combine(base or dt.date(2000, 1, 1), dt.time()),
                "PREFER_DAY_OF_MONTH": "first"}
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(expr.replace("–", "-"))
    if data.date_obj is None:
        return None
    d = data.date_obj
    if data.period == "year":
        return d.year, None, None
    if data.period == "month":
        return d.year, d.month, None
    return d.year, d.month, d.day


def _span(y: int, m: int | None, d: int | None) -> tuple[float, float]:
    if d is not None and m is not None:
        o = dt.date(y, m, d).toordinal()
        return o, o
    if m is not None:
        last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).day
        return dt.date(y, m, 1).toordinal(), dt.date(y, m, last).toordinal()
    return dt.date(y, 1, 1).toordinal(), dt.date(y, 12, 31).toordinal()


def _date_text(y: int, m: int | None, d: int | None) -> str:
    return f"{y}" if m is None else f"{y}-{m:02d}" if d is None else f"{y}-{m:02d}-{d:02d}"


def _date_value(expr: str, base: dt.date | None) -> Value | None:
    """A point date, or a day range such as 'November 29-30, 2022' (its first to its last day)."""
    rng = re.search(r"(\d{1,2})(?:st|nd|rd|th)?\s*[-–]\s*(\d{1,2})(?:st|nd|rd|th)?", expr)
    if rng and not re.fullmatch(DATE_ISO, expr.strip()):
        first = parse_date(expr.replace(rng.group(0), rng.group(1)), base)
        last = parse_date(expr.replace(rng.group(0), rng.group(2)), base)
        if not first or not last or first[2] is None or last[2] is None or last < first:
            return None
        lo, hi = _span(*first)[0], _span(*last)[1]
        return Value("date", f"{_date_text(*first)}/{last[2]:02d}", lo, hi)
    parts = parse_date(expr.strip().rstrip("."), base)
    if parts is None or not 1000 <= parts[0] <= 2200:
        return None
    return Value("date", _date_text(*parts), *_span(*parts))


FUTURE_HORIZON = 92  # days: a day without its year after its document's date is read so only within a quarter


def nearest_day(when: dt.date, base: dt.date) -> dt.date | None:
    """A day written without its year, read in its document's year (`when`): the latest such day on or before the
    document's date, as pages mostly tell what has happened ('on Sept. 14' in a report of 2 June is of the year
    before, 'on 28 December' in one of 3 January too), unless it falls within the quarter after that date ('the
    bridge opens on 20 January' in a text of 20 December). None: no such day that year, a 29 February."""
    latest = base + dt.timedelta(days=FUTURE_HORIZON)
    year = latest.year if (when.month, when.day) <= (latest.month, latest.day) else latest.year - 1
    try:
        return when.replace(year=year)
    except ValueError:
        return None


_BARE_YEAR = re.compile(rf"(?<![\d.,-]){YEAR}(?![\d%]|[.,-]\d)")


def _day_value(expr: str, base: dt.date | None, sentence: str = "") -> Value | None:
    """A day without its year ('on 20 February', 'August 29th'), in the one year its sentence states ('relations
    resumed in 2001, when the agreement took effect on December 10'), else in the year of its document
    (nearest_day)."""
    years = set(_BARE_YEAR.findall(sentence)) if sentence else set()
    if base is None and len(years) != 1:
        return None
    day = " ".join(re.sub(r"\b(?:of|the)\b|(?<=\d)(?:st|nd|rd|th)\b", " ", expr).split())
    if len(years) == 1:
        year = int(years.pop())
        parts = parse_date(f"{day} {year}", dt.date(year, 12, 31))
        if parts is None or parts[1] is None or parts[2] is None:
            return None
        return Value("date", _date_text(*parts), *_span(*parts))  # type: ignore[arg-type]
    parts = parse_date(f"{day} {base.year}", base)  # type: ignore[union-attr]
    if parts is None or parts[1] is None or parts[2] is None:
        return None
    when = nearest_day(dt.date(*parts), base)  # type: ignore[arg-type]
    if when is None:
        return None
    return Value("date", _date_text(when.year, when.month, when.day), *_span(when.year, when.month, when.day))


# ------------------------------------------------------------------ per-kind readers


_WEIGHING_BEFORE = re.compile(r"\b(?:weigh(?:s|ed|ing)?|weight\s+of)\s+(?:\w+\s+){0,2}$", _I)
_WEIGHED = re.compile(r"\s+of\s+(?!(?:money|funding|funds|investment|aid|spending|cash|debt|revenue|public"
                      r"|taxpayers)\b)[^\W\d_]", _I)


def _money(m: re.Match[str]) -> Value | None:
    n = parse_number(m["num"])
    if n is None:
        return None
    cur = CURRENCIES.get(m["cur"].strip().lower())
    if cur is None:
        return None
    if m["cur"].strip().lower() in ("pound", "pounds") and (
            not m["scale"] or _WEIGHED.match(m.string, m.end())
            or _WEIGHING_BEFORE.search(m.string, max(0, m.start() - 30), m.start())):
        # "13,600 pounds" is a weight, and so are "12 million pounds of rubble" and "weighing 14 million pounds";
        # money in pounds comes with £ or a scale word, and what it buys is no thing weighed ("5 million pounds of
        # funding")
        return None
    scale = Decimal(SCALES.get((m["scale"] or "").lower(), 1))
    lo, hi, prefix = _bounded(n * scale, _half_ulp(m["num"]) * scale, m["bound"])
    amount = n * scale
    for word in ("trillion", "billion", "million"):
        if amount >= SCALES[word]:
            shown = f"{_fmt(amount / SCALES[word])} {word}"
            break
    else:
        word, shown = "", _fmt(amount)
    low = parse_number(m["low"]) if m.groupdict().get("low") else None
    if low is not None and low < n and lo > -INF and hi < INF:  # '$13–50 billion': from its lower end, in its scale
        lo = float(low * scale - _half_ulp(m["low"]) * scale)
        shown = f"{_fmt(low * scale / SCALES.get(word, 1))}–{shown}"
    return Value("money", f"{prefix}{cur} {shown}", lo, hi, unit=cur)


def _century(m: re.Match[str]) -> Value | None:
    """'the 13th century': a date as precise as its hundred years (1201 to 1300)."""
    n = parse_ordinal(m["n"])
    if n is None or not 1 <= n <= 22:
        return None
    first, last = dt.date(100 * (n - 1) + 1, 1, 1), dt.date(100 * n, 12, 31)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return Value("date", f"{n}{suffix} century", first.toordinal(), last.toordinal())


def _decade(m: re.Match[str]) -> Value:
    """'the 1850s': a date as precise as its ten years; 'the 1800s' are a century's hundred (1800 to 1899)."""
    first = int(m["y"])
    last = first + (99 if first % 100 == 0 else 9)
    return Value("date", f"{first}s", dt.date(first, 1, 1).toordinal(), dt.date(last, 12, 31).toordinal())


def on_the_calendar(value: Value) -> bool:
    """Is a date one the calendar names by its year, month or day ('2021', '2021-03', '2021-03-04'), whose text
    starts with its year, and not a century or a decade ('19th century', '1850s')?"""
    return value.kind == "date" and value.text[:4].isdigit() and not value.text.endswith("s")


def parse_roman(text: str) -> int | None:
    """'XII' -> 12: the numerals of intensity scales, which stop at twelve."""
    total = 0
    for char, following in zip(text, [*text[1:], ""], strict=True):
        value = _ROMAN_VALUES[char]
        total += -value if following and _ROMAN_VALUES[following] > value else value
    return total or None


def _scale(m: re.Match[str]) -> Value | None:
    """A value on a named scale, compared only with values of the same scale ('magnitude', 'Category')."""
    groups = m.groupdict()
    if groups.get("roman") or groups.get("roman2"):
        name, raw = "intensity", groups.get("roman") or groups["roman2"]
    elif groups.get("name") in ("EF", "F"):
        name, raw = groups["name"], groups["num"]
    elif groups.get("name"):
        name, raw = groups["name"].rstrip(".").lower().replace("cat", "category", 1) if groups["name"] == "Cat." \
            else groups["name"].lower(), groups["num"]
    else:
        name, raw = "magnitude", groups.get("num") or groups["num2"]
    # Roman numerals as written ("intensity IX", "Category IV"); digits and number words ("category two")
    n = Decimal(parse_roman(raw) or 0) if raw.isalpha() and raw.lower() not in CARDINALS else parse_number(raw)
    if n is None or (not n and name not in ("EF", "F")):  # (a Fujita scale starts at 0)
        return None
    # a step of a scale ("Category 4", "intensity IX") is exact; a magnitude is as precise as it is written
    half = _half_ulp(raw) if name == "magnitude" else Decimal(0)
    upto = parse_number(groups["upto"]) if groups.get("upto") else None
    if upto is not None and upto > n and not _NOT_A_RANGE_BEFORE.search(m.string, 0, m.start()):
        return Value("scale", f"{name} {_fmt(n)}–{_fmt(upto)}", float(n - half),
                     float(upto + _half_ulp(groups["upto"])), unit=name)
    # a threshold, before ("greater than magnitude 4.0") or after ("magnitude 6.0 or greater"), bounds it as a count's
    bound = " ".join((groups.get("above") or groups.get("below") or "").split()) or (
        "at least" if groups.get("or_above") else "at most" if groups.get("or_below") else None)
    low, high, prefix = _bounded(n, half, bound)
    return Value("scale", f"{prefix}{name} {_fmt(n)}", low, high, unit=name)


def _margin(m: re.Match[str], sentence: str) -> tuple[Value | None, str]:
    """'3,460 ± 210 cases' -> a count from 3,250 to 3,670: an estimate holds every value within its margin."""
    n, margin = parse_number(m["num"]), parse_number(m["margin"])
    if n is None or margin is None or not 0 < margin < n:
        return None, ""
    low, high = n - margin, n + margin
    if m["pct"] or m["pct2"]:
        return Value("percent", f"{_fmt(low)}–{_fmt(high)}%", float(low), float(high)), ""
    read = _count(m, sentence)
    if read is None:
        return None, ""
    return Value("count", f"{_fmt(low)}–{_fmt(high)}", float(low), float(high)), read[1]


def _ratio(m: re.Match[str]) -> Value | None:
    """'one in five' -> about 20%: a share said as a ratio is a round one, good to a tenth of itself."""
    n, per = parse_number(m["num"]), parse_number(m["per"])
    return None if n is None or not per else _share(n, per, m["bound"])


def _share(n: Decimal, per: Decimal, bound: str | None) -> Value | None:
    """n in per as a percentage, a round one: about that much unless a bound says otherwise."""
    if not 0 < n < per:
        return None
    share = (n * 100 / per).quantize(Decimal("0.1"))
    lo, hi, prefix = _bounded(share, Decimal(0), bound or "about")
    return Value("percent", f"{prefix}{_fmt(share)}%", lo, hi)


_OF_A_WHOLE = re.compile(r"\s+(?:the|its|their|all|his|her|this|that|these|those)\b", re.IGNORECASE)
_BOUND_BEFORE = re.compile(rf"{BOUND}\s+$", re.IGNORECASE)


def _fraction(m: re.Match[str], sentence: str) -> Value | None:
    """'two-thirds of the roof' -> about 66.7%: a share said as a fraction is a round one, as one said as a ratio."""
    if not m["d"] or not _OF_A_WHOLE.match(sentence, m.end()):
        return None
    n, denominator = parse_number(m["n"]) if m["n"].lower() not in ("a", "an") else Decimal(1), m["d"].lower()
    per = Decimal(4) if denominator == "quarter" else Decimal(parse_ordinal(denominator) or 0)
    bound = _BOUND_BEFORE.search(sentence, max(0, m.start() - 24), m.start())
    return None if n is None else _share(n, per, bound.group().strip() if bound else None)


def _rate(m: re.Match[str]) -> Value | None:
    """'14.2 deaths per 100,000 people' -> 14.2 per 100000: compared only with rates per as many."""
    n, per = parse_number(m["num"]), parse_number(m["per"])
    if n is None or not per:
        return None
    lo, hi, prefix = _bounded(n, _half_ulp(m["num"]), m["bound"])
    return Value("rate", f"{prefix}{_fmt(n)} per {_fmt(per)}", lo, hi, unit=_fmt(per))


_YEAR_AND_DASH = re.compile(rf"\b{YEAR}\s*[-–]\s*$")


def _percent(m: re.Match[str]) -> Value | None:
    n = parse_number(m["num"])
    if n is None:
        return None
    if not m["bound"] and re.fullmatch(YEAR, m["num"]) and _YEAR_AND_DASH.search(m.string, max(0, m.start() - 8),
                                                                                  m.start()):
        return None  # the end of a range of years: "the 2020-2021 percent gap"
    lo, hi, prefix = _bounded(n, _half_ulp(m["num"]), m["bound"])
    return Value("percent", f"{prefix}{_fmt(n)}%", lo, hi)


# An age ('a 34-year-old', 'aged one year', 'under five years of age') is no span of time, nor is a time that dates
# an event from another ('three years ago', 'six weeks after the first case was confirmed', '25 years since
# independence'): it changes with what it dates; nor the span an amount is spread over ('$45 million over five
# years', 'over the past 18 years'), which tells that amount apart; nor one that names a thing ('a five-year plan'),
# but for a period ('a 63-day period').
# (but "over" after a verb of taking time bounds the span: "took over 8 years to build", "lasted just over a
# minute"; and "during" before a bare number says how long, as translated news writes it: "trapped during 70 days")
# ... and a window or a rhythm is no span either: "in the past 24 hours", "every 6 hours"
_AGE_OR_SPREAD_BEFORE = re.compile(r"(?:\baged|\b(?:(?<!\btook\s)(?<!\btake\s)(?<!\btakes\s)(?<!\btaking\s)"
                                   r"(?<!\blasted\s)(?<!\blasts\s)(?<!\blasting\s)(?<!\bjust\s)(?<!\bslightly\s)"
                                   r"(?<!\blittle\s)over|within|across)"
                                   r"(?:\s+the\s+(?:next|past|last|coming))?"
                                   r"|\b(?:during|in)\s+the\s+(?:next|past|last|coming|first)|\bevery|\beach)\s+$",
                                   re.IGNORECASE)
_AGE_OR_OFFSET_AFTER = re.compile(r"[\s-]+old\b|\s+of\s+age\b|\s+(?:ago|after|before|later|earlier|since)\b",
                                  re.IGNORECASE)
# "for" says how long, whatever follows: "held for 41 days before they were freed", "closed for two weeks after"
_FOR_SPAN = re.compile(r"\bfor\s+(?:(?:about|around|nearly|almost|some|roughly|approximately|more\s+than|less\s+than|"
                       r"over|under|at\s+least|up\s+to)\s+)?$", re.IGNORECASE)
# ... but a span before the noun of what lasts it is one: "a 63-day period", "a seven-year flight", "a 15-year hiatus",
# "its 52-year history", "the 20-month grounding", "the 90-day eruption"
_NAMED_SPAN = re.compile(r"\s+(?:period|span|stretch|journey|trip|flight|voyage|cruise|mission|descent|delay|wait|"
                         r"war|drought|siege|construction|closure|shutdown|hiatus|absence|stay|search|history|career|"
                         r"tenure|reign|term|lifespan|lifetime|existence|battle|fight|grounding|ban|strike|lockout|"
                         r"outage|blackout|suspension|moratorium|standoff|ordeal|rescue|operation|blaze|eruption|"
                         r"outbreak|epidemic|pandemic|lockdown|quarantine|evacuation|occupation|trial|campaign|"
                         r"expedition|famine|recession|spill|walkout|quake|earthquake|tremor|shaking)\b",
                         re.IGNORECASE)
_OF = re.compile(r"\s+of\b", re.IGNORECASE)


def _not_a_span(m: re.Match[str]) -> bool:
    """Is a figure in units of time an age, a time that dates an event, the span of an amount or part of a name?"""
    sentence, end = m.string, m.end()
    if _AGE_OR_OFFSET_AFTER.match(sentence, end) and not _FOR_SPAN.search(sentence, max(0, m.start() - 30), m.start()):
        return True
    if sentence[m.start("unit") - 1] == "-" and not _NAMED_SPAN.match(sentence, end):
        return True
    return bool(_AGE_OR_SPREAD_BEFORE.search(sentence, max(0, m.start("num") - 40), m.start("num"))
                and not _OF.match(sentence, end))


_BELOW_ZERO = re.compile(r"(?:(?<![\w.,–-])[-−]|\bminus\s+)$", re.IGNORECASE)


def _in_base(symbol: str, n: Decimal, lo: float, hi: float, prefix: str = "") -> Value:
    """A measure of n `symbol` units, its interval [lo, hi] in those units taken to its kind's base unit."""
    kind, factor = UNIT_SYMBOLS[symbol]
    offset = _OFFSETS.get(symbol, 0.0)
    return Value(kind, f"{prefix}{_fmt(n)} {symbol}", lo * factor + offset, hi * factor + offset)


def _measure(m: re.Match[str]) -> Value | None:
    n = parse_number(m["num"])
    unit = MEASURES.get(m["unit"].lower())
    if n is None or unit is None or (m["unit"] == "m" and not m["num"][0].isdigit()):
        return None
    kind, _, symbol = unit
    if kind == "duration" and _not_a_span(m):
        return None
    scale = Decimal(SCALES[m["scale"].lower()]) if m["scale"] else Decimal(1)
    n, half = n * scale, _half_ulp(m["num"]) * scale
    if m["inches"]:  # feet and inches: good to the inch, or to its written decimal
        n, half = (n + Decimal(m["inches"]) / 12).quantize(Decimal("0.01")), _half_ulp(m["inches"]) / 12
    if kind == "temperature" and _BELOW_ZERO.search(m.string, 0, m.start("num")):
        n = -n  # "-12 °C", "minus 5 degrees F" (but "10-12 °C" is a range)
    lo, hi, prefix = _bounded(n, half, m["bound"])
    return _in_base(symbol, n, lo, hi, prefix)


def _period(m: re.Match[str], base: dt.date | None) -> Value | None:
    groups = m.groupdict()
    if groups.get("ma"):  # "January–September 2022"
        start, end = parse_date(f"{groups['ma']} {groups['my']}"), parse_date(f"{groups['mb']} {groups['my']}")
        if start is None or end is None or end < start:
            return None
    elif groups.get("da"):  # "between 24 February and 1 March": days of the year of the document, or of the last day
        last = parse_date(groups["db"], base) if re.search(r"\d{4}", groups["db"]) else None
        last_day = _day_value(groups["db"], base) if last is None else None
        if last is None and last_day is None:
            return None
        end_date = dt.date(*last) if last is not None and last[2] is not None else (
            dt.date.fromordinal(int(last_day.low)) if last_day is not None else None)
        if end_date is None:
            return None
        first = _day_value(groups["da"], end_date)
        if first is None:
            return None
        begin = dt.date.fromordinal(int(first.low))
        if begin > end_date:  # the nearest 1 January to 4 October is the next one; a span's first day is before it
            try:
                begin = begin.replace(year=begin.year - 1)
            except ValueError:  # (29 February)
                return None
        if begin > end_date:
            return None
        start, end = (begin.year, begin.month, begin.day), (end_date.year, end_date.month, end_date.day)
    elif groups.get("qa") or groups.get("q"):
        year = int(groups.get("qa") or groups["a"])
        q = int(groups["qn"]) if groups.get("qn") else ORDINALS[groups["q"].lower()]
        start, end = (year, 3 * q - 2, None), (year, 3 * q, None)
    elif groups.get("ya"):
        if int(groups["yb"]) != int(groups["ya"]) + 1:
            return None  # (two years apart are two years)
        start, end = (int(groups["ya"]), None, None), (int(groups["yb"]), None, None)
    elif groups.get("half"):
        year = int(groups["a"])
        first = groups["half"].lower() == "first"
        start, end = (year, 1 if first else 7, None), (year, 6 if first else 12, None)
    elif groups.get("edge"):
        year, n = int(groups["a"]), parse_number(groups["n"])
        if n is None or not 1 <= n <= 12:
            return None
        first = groups["edge"].lower() == "first"
        start, end = (year, 1 if first else 13 - int(n), None), (year, int(n) if first else 12, None)
    else:
        start = parse_date(groups["a"].strip(), base)
        if start is None:
            return None
        if groups.get("b") is None:
            lo, hi = _span(*start)
            return Value("period", f"{_date_text(*start)}/..", lo, hi, lo, INF)
        b = groups["b"]
        if re.fullmatch(r"\d\d", b):
            b = str(start[0])[:2] + b
        end = parse_date(b.strip(), base)
        if end is None or end < start:
            return None
    (lo, hi), (elo, ehi) = _span(*start), _span(*end)
    return Value("period", f"{_date_text(*start)}/{_date_text(*end)}", lo, hi, elo, ehi)


def _anniversary(m: re.Match[str], sentence: str, base: dt.date | None) -> Value | None:
    """'the 30th anniversary' in a text of 2022, or '25 years since' beside 'In 2017': base 1992."""
    raw = m["n"] or m["n2"]
    n = parse_ordinal(raw) if "anniversary" in m.group(0).lower() else parse_number(raw)
    if n is None or not 1 <= n <= 1000:
        return None
    # a year the sentence sets itself in ("In 2017, ... 25 years since"), not the date of another event
    years = _years_set_in(sentence).outside(m.start(), m.end())
    if len(years) == 1:
        reference = years.pop()
    elif not years and base is not None and not re.search(r"\bafter\b", m.group(0), re.IGNORECASE):
        reference = base.year
    else:
        return None
    year = reference - int(n)
    return Value("anniversary", str(year), *_span(year, None, None))


_IN_YEAR = re.compile(rf"\b[Ii]n\s+({YEAR})\b(?![.,]\d)")


@dataclass(frozen=True)
class _YearsSetIn:
    """Every "in YEAR" of a sentence, found once, so that each anniversary of a long text does not
    search the whole text again."""

    ends: tuple[int, ...]  # non-overlapping matches, so their ends are in order too
    spans: tuple[tuple[int, int, int], ...]
    counts: Counter[int]

    def outside(self, start: int, end: int) -> set[int]:
        """The years named outside start..end."""
        inside: Counter[int] = Counter()
        for s, _, year in self.spans[bisect_right(self.ends, start):]:
            if s >= end:
                break
            inside[year] += 1
        return {year for year, count in (self.counts - inside).items() if count > 0}


@lru_cache(maxsize=4)
def _years_set_in(sentence: str) -> _YearsSetIn:
    spans = tuple((m.start(), m.end(), int(m.group(1))) for m in _IN_YEAR.finditer(sentence))
    return _YearsSetIn(tuple(e for _, e, _ in spans), spans, Counter(year for _, _, year in spans))


def _word_before(text: str, pos: int) -> str:
    """The last word ([\\w']+) before pos, lower-cased, or ''; found walking back from pos rather
    than searching text[:pos], which would make every figure of a long text cost the whole text."""
    end = pos
    while end > 0 and not _is_word_char(text[end - 1]):
        end -= 1
    start = end
    while start > 0 and _is_word_char(text[start - 1]):
        start -= 1
    return text[start:end].lower()


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char in "_'"


_NEXT_WORD = re.compile(r"[\s-]*([\w']+)")
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)]|$)")


def _rank(m: re.Match[str], sentence: str) -> Value | None:
    """An ordinal that places something in a ranking: 'ranks third', 'the third-largest', 'the fourth
    country in terms of', 'the first country to'. 'My first trip' or 'the second argument' number a
    sequence instead, and are not claims."""
    n = parse_ordinal(m.group(0))
    if n is None or not 1 <= n <= 1000:
        return None
    before = _word_before(sentence, m.start())
    after = m.end()  # patterns match from here on, never on a copy of the rest of the text
    next_word = _NEXT_WORD.match(sentence, after)
    nxt = next_word.group(1).lower() if next_word else ""
    if nxt in SEQUENCE_NOUNS or (nxt and parse_number(nxt) is not None):
        return None
    # a bare ordinal after a copula that ends its clause places the subject: "The city is fourth."
    predicative = before in COPULAS and _CLAUSE_END.match(sentence, after)
    superlative = SUPERLATIVE_AFTER.match(sentence, after)
    if before in POSSESSIVES and not superlative:
        return None  # "our first season back", "his second goal": a sequence, not a ranking
    ranked = before in RANK_VERBS or predicative or superlative or RANKING_AFTER.match(sentence, after)
    return Value("rank", str(n), n, n) if ranked else None


def _rank_top(m: re.Match[str]) -> Value | None:
    n = parse_number(m["n"] or m["n2"] or m["n3"])
    if n is None or not 1 <= n <= 1000 or n != n.to_integral_value():
        return None
    return Value("rank", f"top {int(n)}", 1, float(n))


DETERMINERS = frozenset("the these those its their our his her my your both all each every".split())
# nouns whose things are numbered in a row: a number right after one names that one, it counts nothing
_LABELS = frozenset("pole poles pier piers gate gates runway runways track tracks platform platforms unit units "
                    "reactor reactors fissure fissures pad pads berth berths hangar hangars exit exits".split())
_WORD = re.compile(r"[^\W\d_][\w'-]*")
_NOT_COUNTING = re.compile(r"\s*(?:of|or|to|and|-|–|/|\.\d)\b")
_ASIDE_BEFORE = re.compile(r",(?:\s+[^\W\d_]+){1,4}\s*,\s*$")  # a few words between commas: ", at a minimum, "
# a whole a count is part of, right after it: "17 of the 48 people on board" (qualifiers sets such a part apart)
PART_OF_A_WHOLE = re.compile(r"\s+(?:out\s+)?of\s+(?:the|those|these|its|their)\s+(?:[^\W\d_][\w'’]*\s+){0,2}?\d")
_WORD_AFTER = re.compile(r"\s+[^\W\d_]")
_WHOLE_COUNTED = re.compile(rf"{PART_OF_A_WHOLE.pattern[:-2]}(?:{DIGITS})(?=\s+[^\W\d_])", re.IGNORECASE)
# a part of a whole named before it: "9 of them carrying ...", "800 of whom drowned" (qualifiers sets the first
# apart)
# ... or named right after it, with no number of its own: "Forty-two of the deaths were ...", "Seven of the wagons
# had ..." (not in a story's aside: "we asked two of the engineers who built it")
OF_THEM = re.compile(r"\s+of\s+(?:them|whom|those|these|(?:the|its|their)\s+(?:[^\W\d_][\w'’-]*\s+){0,2}?"
                     r"(?P<whole>[^\W\d_]{3,}s|people|persons|children|men|women|crew|staff)(?!['’])"
                     r"(?!\s+(?:who|whom|whose|that|which)\b))\b(?=\s+[^\W\d_])", re.IGNORECASE)
_PLURAL = re.compile(r"\b([^\W\d_]{3,}s|people|persons|children|men|women|cattle|crew|staff)\b", re.IGNORECASE)


def _of_them(sentence: str, start: int, after: int, whole: str | None) -> str:
    """What a part of a whole counts ('800 of whom drowned', '9 of them carrying ...', 'Forty-two of the deaths
    were ...'): what the words after it say befell them, else that whole, named after it or the last plural noun
    before it ('41 cars, with')."""
    words = [w.lower() for w in _WORD.findall(sentence[after:after + 40])[:3]]
    concept = next((measures()[w] for w in words if w in measures()), "")
    wholes = [w.lower() for w in _PLURAL.findall(sentence, max(0, start - 60), start) if w.lower() not in stop_words()]
    if "whom" in sentence[start:after].lower():  # people: "230 people with grollet, 37 of whom ..."
        wholes = [w for w in wholes if w in _PEOPLE] or wholes
    return concept or (whole.lower() if whole else wholes[-1] if wholes else "")
_HEAD_OF = re.compile(r"\s+head\s+of\s", re.IGNORECASE)
_FOOTNOTE_MARK = re.compile(r"[*†‡]+(?=\s+[^\W\d_])")
# a bound written after its number: "40 or more people", "148 mph or greater", "5% or less", "40 or so people"
_BOUND_AFTER = re.compile(r"\s+or\s+(?:(?P<gt>more|greater|higher|above|over)|(?P<lt>less|fewer|lower|below|under)"
                          r"|(?P<near>so))\b(?!\s+than\b)", re.IGNORECASE)


def _bound_after(written: re.Match[str]) -> str:
    """The bound before a number that a bound written after it stands for."""
    return "at least" if written["gt"] else "at most" if written["lt"] else "about"
# a count's noun joined to another plural noun that has no number of its own: the count is of both together
_UNION = re.compile(r"\s+[^\W\d_]+\s+(?:and|or|&)\s+(?P<other>[^\W\d_]+s|crew|staff|personnel)\b"
                    r"(?!\s+(?:and|or|&)\b)", _I)
_COMPOUND = re.compile(r"-([^\W\d_]{3,})\b(?!-)")  # a count glued to its noun: "five-layer", "19-match"
_NOT_A_COMPOUND = frozenset("thirds third fourths quarters halves fold odd something plus".split())  # "two-thirds"
# "two-way trade", "a three-way race": between so many sides, no count; nor is "95-degree weather" (a temperature)
_SIDES = frozenset({"way", "sided", "degree"})
_YEAR_CUT = re.compile(r"(?<![\w'’])['’]$")  # "the ’71 flood", "the class of '98": a year, its century left out
# a verb right after a count: it names no noun ('were at the ground', 'watched', 'came in 1951')
_VERB_AFTER = re.compile(r"[a-z]+ed$|(?:was|were|is|are|has|have|had|went|came|saw|did|will|would|could|can|may|"
                         r"might|must|should|took|made|left|fell|rose|got|gave|attended|voted)$")
_MULTIPLIER = re.compile(r"\s+times\s+(?:\w+er\b|more|less|as|that|the|larger|smaller|bigger|higher|greater|over)",
                         re.IGNORECASE)
# a bare number a person is: their age
_AGE_OF_A_PERSON = re.compile(r"\b(?:I|[Hh]e|[Ss]he|[Ww]e|[Tt]hey|[Yy]ou)\s+(?:was|is|am|are|were|'m|'s)\s+$")
_NO_NOUN = re.compile(r"\s*(?:[,;.!?)]|$|\s(?:then|now|at|when|in|and|but|years?\b))")
# a capitalised word, not a sentence's first, nor the first after a dateline's dash ("HALDEN - Another 15 ...", its
# place in capitals)
# ... and a capitalised number word opens a sentence after a label's colon, a dateline's dash, a bullet or a bracket
# ("May 3: Seven painters", "HALDEN (Wire) — Two power cuts"), where it is no part of a name
_OPENS = re.compile(r"(?:[:–—•*(\"“]|\s-)\s*$")
_LOWER_WORD_AFTER = re.compile(r"\s+[a-z]")  # ("Season: Two Rivers won" is a name again)
_NAME_REACH = 80  # characters before a figure searched for the name it ends (a word, and the one before it)
_NAME_BEFORE = re.compile(r"(?:^|[^.!?:\s–—-]|(?<![A-Z]{2}\s)[–—-])\s+([A-Z][a-z]+)\s+$")


# A figure after the noun it counts, where no noun follows it: "Deaths: 4,374", "the toll stands at 812", "the
# number of injured rose to 1,240", "the toll was later revised to 1,400", "put the toll at 60", "a population of
# 20 million", "Population (2011): 3.2 million", "Deaths in 1994: 41", "Number of windows – 6,600", "the toll is
# estimated to be 2,000", "the toll probably lies between 400 and 2,000", "estimates range from 400 to 2,000",
# "bringing the toll to 41".
_NAMED_BEFORE = re.compile(
    rf"\b(?P<number>number\s+of\s+)?(?P<noun>[^\W\d_]{{3,}})(?:\s*\([^()]{{1,24}}\)|\s+in\s+{YEAR}(?=\s*:))?"
    r"(?:\s*(?::\s*\||[:|])|\s+[-–—]|\s+(?:(?:now\s+|has\s+|had\s+|(?:may|might|could|would)\s+have\s+)?"
    r"(?:(?:probably|likely)\s+)?"
    r"(?:stands?|stood|remains?|remained|rose|risen|climbed|jumped|increased|grew|grown|reached|hit|totall?ed|totals"
    rf"|lies|lay|range[sd]?(?=\s+between)|range[sd]?\s+from(?:\s+(?:{DIGITS})\s+to)?)"
    r"(?:\s+(?:at|to))?|(?:is|are|was|were|(?:will|would|could|may|might)\s+be)"
    r"(?:\s+(?:now|probably|likely|(?:estimated|believed|thought|said|reported)\s+to\s+(?:be|have\s+been)))?"
    r"(?:\s+(?:later\s+|since\s+|then\s+)?(?:estimated|put|placed|set|pegged|revised|raised|lowered|updated)"
    r"(?:\s+(?:up|down|upward|downward))?\s+(?:at|to))?|of)"
    # "put the death toll at 60", "had the toll from the floods at 1,400", "put its own estimate at about 900"
    # ... and in an aside: "The death toll from the flood, estimated to be above 2,000, is ..."
    rf"|(?:(?:\s+[^\W\d_]+(?:ing|ed))?\s+(?:from|of|in|for)\s+(?:[^\d.;:,]|{YEAR}\b){{1,40}}?)?(?:\s+(?P<at>at|to)"
    r"|,\s+(?P<aside>(?:estimated|believed|thought|put|placed)\s+(?:to\s+be|at))))"
    # ... the upper end of a range: "between 400 and 2,000"
    rf"(?:\s*between\s+(?:{DIGITS})\s+and)?\s*$", re.IGNORECASE)
_NAMED_REACH = 90  # characters before a figure where the noun it counts may be named
# ... and a fact sheet's row, "Number of strands in each rope 12,480"
_NUMBER_OF_ROW = re.compile(r"^\s*number\s+of\s+(?P<noun>[^\W\d_]{3,})(?:\s+[^\W\d_]+){0,5}\s*$", re.IGNORECASE)
# ... where "at" and "to" follow only a noun of a tally ("lunch at 12" is a time, "died in his bed at 98" an age,
# "flights to 36" go somewhere)
_TALLIES = frozenset("toll tolls estimate estimates count tally figure number cost costs damage losses population "
                     "capacity".split())
# what may follow a figure at the end of its clause; a table cell ends one when no other figure's cell follows
_CLAUSE_AFTER = re.compile(r"\s*(?:$|[.,;:)(\[]|[—–](?!\s*\d)|\|\s*(?![\d\s])|--|and\b|as\s+of\b|on\b|in\b|by\b|"
                           r"according\b|people\b|persons\b)", re.IGNORECASE)
_REST = frozenset({"other", "others"})  # the last item of a breakdown: "other 7%" is a label of its own
_NOT_A_LABEL = frozenset("about around some nearly almost over under above below more less than was were "
                         "are is reached totalled totaled stood stands rose fell worth cost costs".split())
# a sentence about what happened within a short span: its tolls are what was added then, not running totals
_IN_A_SPAN = re.compile(r"\b(?:during|in|over|within)\s+the\s+(?:reporting|past|last|previous|same)\s+"
                        r"(?:week|day|fortnight|24\s+hours|seven\s+days)\b|\b(?:this|each|per|every)\s+week\b",
                        re.IGNORECASE)
# a count of what was added, or of the rest ("ten other agreements"), not of all
_INCREMENT = frozenset("new more additional further fresh other another".split())
# a participle that qualifies the plural noun after it, not a verb: "61 confirmed casualties", "45 registered voters"
_ADJECTIVE_BEFORE_NOUN = re.compile(r"\s+[a-z]+ed\s+(?:people\b|[a-z]{3,}(?<!ss)s\b)")
# words right after a count that name nothing it counts: "a town of 12,000 almost entirely", "4,000-plus"
_NOT_COUNTED = frozenset("almost entirely literally alone apiece each altogether overall respectively plus".split())
_NEAR = 4  # content words either side of a count, in its clause, where the word naming its measure is looked for
# where a clause ends: a full stop (not those of "U.S."), punctuation, a number, a conjunction
_CLAUSE_BREAK = re.compile(r"(?<!\b[A-Z])\.(?![A-Z]\.)|[,;:()\[\]]|\d|\b(?:and|but|while|whereas|(?:al)?though)\b")


def _named_before(sentence: str, start: int, after: int) -> str | None:
    """The noun a figure at the end of its clause counts, named before it, or None."""
    if not _CLAUSE_AFTER.match(sentence, after):
        return None
    reach = max(0, start - _NAMED_REACH)
    # (searched in the sentence, so that a word the reach cuts is no noun: "...oll from the flood, estimated to be")
    named = _NAMED_BEFORE.search(sentence, reach, start) or _NUMBER_OF_ROW.match(sentence, 0, start)
    if named is None or named["noun"].lower() in stop_words() or named["noun"].lower() == "total":
        word = _word_before(sentence, start)
        if not word or re.search(r"[,;:]", sentence[sentence.lower().rfind(word, 0, start):start]):
            return None  # a list's word before the comma names its own figure: "40 Dead, 512 People Missing"
        return concepts().get(word)  # "killing at least 1,330 and injuring thousands"
    noun = named["noun"].lower()
    if named.re is _NAMED_BEFORE and (named["at"] or named["aside"]) and noun not in _TALLIES \
            and not named["number"]:
        return None  # (but "placed the number of dead at 52" counts the dead)
    if sentence[named.end("noun"):start].lstrip().startswith((":", "|", "-", "–", "—")):
        return _label_head(sentence[reach:named.end("noun")]) or noun
    return noun


_PREPOSITIONS = frozenset("from in of at by to on with for since during after before among".split())
NO_NOUN_ITEM = re.compile(r"\s+(?:as|from|in|by|due|after|during|on|at|through|when)\b", re.IGNORECASE)
_PEOPLE = frozenset("people persons children men women households families residents crew staff personnel".split())
# a place's people, counted: "a town of 9,000 people", "a city of about 12,500 inhabitants", "a city of 640,000"
_SETTLED_BEFORE = re.compile(r"\b(?:place|town|city|village|community|island|country|nation)\s+of\s+$", _I)
_PEOPLE_AFTER = re.compile(r"\s+(?:people|persons|residents|inhabitants|citizens|souls)\b", _I)
_NOT_A_HEAD = re.compile(r"[a-z]+(?:ed|ly)$|alive|dead|total|so|far|overall")


# a figure that heads its line and a description after a colon, as pages of figures list them: "2,400: Workers
# hired to raise the tower"
_DESCRIBED_AFTER = re.compile(r":\s+(?P<label>[^\W\d_][^.;:\n]{2,80})")
_IN_UNITS = re.compile(r",\s+in\s+(?P<noun>[^\W\d_]+s)\s*$", _I)


def _described(sentence: str, start: int, after: int) -> str:
    """What a figure that heads its line counts, named by the description after its colon, or ''."""
    if sentence[sentence.rfind("\n", 0, start) + 1:start].strip(" \t*•-") or not (
            described := _DESCRIBED_AFTER.match(sentence, after)):
        return ""
    words = [w.lower() for w in _WORD.findall(described["label"])]
    if (unit := _IN_UNITS.search(described["label"])) is not None:
        return unit["noun"].lower()  # "88: Harlow Tower's height, in stories"
    head = words[:next((i for i, w in enumerate(words) if w in _PREPOSITIONS), len(words))]
    return (next((measures()[w] for w in words if w in measures()), None)
            or next((w for w in head if w.endswith("s") and not w.endswith(("ss", "'s"))), None)
            or _label_head(described["label"]))


def _label_head(label: str) -> str:
    """The noun a label names ('Aftershocks recorded' -> aftershocks, 'People rescued alive from the rubble' ->
    people): its words before any preposition, less the participles and adverbs that end it."""
    words = [w.lower() for w in _WORD.findall(re.split(r"[-•|:(\n]", label)[-1])]
    of = next((i for i in range(len(words) - 2) if words[i] in ("number", "total", "count") and words[i + 1] == "of"),
              None)
    if of is not None:
        words = words[of + 2:]  # "Number of deaths", "Total number of deaths"
    cut = next((i for i, w in enumerate(words) if w in _PREPOSITIONS), len(words))
    named = words[:cut]
    while named and _NOT_A_HEAD.fullmatch(named[-1]) and named[-1] not in measures():
        named.pop()
    if not named:  # "Rescued alive": what happened is all it names
        named = words[:1]
    return named[-1] if named and named[-1] not in stop_words() else ""


# the whole a part is taken from: "1,500 *of the* 2,224 people aboard"
_WHOLE_OF_A_PART = re.compile(r"\d\s+(?:[^\W\d_]+\s+)?(?:out\s+)?of\s+"
                              r"(?:(?:the|its|their|an?|some|about|estimated)\s+)*$", _I)
# two nouns a count counts, joined: "1,212 *passengers and crew* died"
_AND_NOUN = re.compile(r"\s+[^\W\d_]+\s+(?:and|&)\s+(?P<other>[^\W\d_]+)(?=\s+[^\W\d_])", _I)
# a count joined to another as the subject of one verb: "... people and 400 sheep were killed"
_JOINED_SUBJECT = re.compile(rf"\s+[^\W\d_]+\s+and\s+(?:{DIGITS}|{NUMW})\s+[^\W\d_]+(?P<rest>[^.;:]{{1,60}})", _I)


# the people of a place, counted by what befell them when a word of the sentence says it: "4,000 inhabitants were
# evacuated" counts the displaced
_PEOPLE_OF_A_PLACE = ("population",)
_TOLLS_OF_PEOPLE = frozenset({"deaths", "injured", "missing", "displaced", "cases", "people", "population"})


def _concept_near(sentence: str, start: int, after: int, counted: str, before_first: bool = False) -> str:
    """What a count measures: the concept of its noun ('fatalities' -> 'deaths'), else of the nearest word that
    names one within its clause ('killed over 1,800 people', '11 workers were killed', '38,044 people lost their
    lives and ...'), else the noun itself."""
    known = measures()
    if counted in known and known[counted] not in _PEOPLE_OF_A_PLACE:
        return known[counted]
    stop = stop_words()
    coordinated = _AND_NOUN.match(sentence, after)
    if coordinated and coordinated["other"].lower() not in stop and not coordinated["other"].endswith("ed"):
        after = coordinated.end()  # "1,212 passengers and crew died": both did (not "64 floors and was finished")
    clause = _CLAUSE_BREAK.split(sentence[after:after + 60], 1)
    # words between an amount and the next figure name that one ('185 km/h gusting to 210 km/h'); and what the
    # part of a whole did, its whole did not ('1,500 of the 2,224 people aboard died')
    named_next = (before_first and len(clause) > 1 and sentence[after + len(clause[0])].isdigit()
                  or bool(_WHOLE_OF_A_PART.search(sentence, max(0, start - 40), start)))
    following = [] if named_next else [w for w in _WORD.findall(clause[0]) if w.lower() not in stop][:_NEAR]
    if following and not before_first and len(clause) > 1 and _OBJECT_COUNT.match(sentence, after + len(clause[0])):
        following.pop()  # the verb right before another count is that one's: "180 storms killed 212 people"
    head = sentence[max(0, start - 60):start]
    piece = _CLAUSE_BREAK.split(head)[-1]
    if before_first and head[:len(head) - len(piece)][-1:].isdigit():
        piece = _past_its_noun(piece)  # "9 worker deaths during the 3 year dig": the deaths are the 9
    before = [w for w in _WORD.findall(piece)[::-1] if w.lower() not in stop][:_NEAR]
    for i in range(_NEAR):
        for words in ((before, following) if before_first else (following, before)):
            concept = known.get(words[i].lower()) if i < len(words) else None
            if concept is not None and concept not in _PEOPLE_OF_A_PLACE:
                return concept
    joined = _JOINED_SUBJECT.match(sentence, after)
    if joined and counted in _PEOPLE:  # "31 people and 400 sheep were killed": both were
        return next((known[w.lower()] for w in _WORD.findall(_CLAUSE_BREAK.split(joined["rest"], 1)[0])[:_NEAR]
                     if w.lower() in known), counted)
    return known.get(counted, counted)


# a count right after a verb, its object: the verb names what that count measures
_OBJECT_COUNT = re.compile(rf"\d[\d,]*\s+(?!(?:{_alternation(TIME_UNITS)})\b)[^\W\d_]", re.IGNORECASE)
_UNIT_AFTER = re.compile(rf"\s*(?:{_alternation(MEASURES)}|{CURRENCY_AFTER})(?![\w²])", re.IGNORECASE)


def _count_range(m: re.Match[str], sentence: str) -> tuple[Value | None, str]:
    """'59,488–62,013 deaths': a count somewhere from the first number to the second (read as the second is)."""
    if _UNIT_AFTER.match(sentence, m.end()):
        return None, ""  # a range of amounts or measures: read as its own kind ("35,000 to 60,000 barrels per day")
    if _NOT_A_RANGE_BEFORE.search(sentence, 0, m.start()):
        return None, ""  # a change: "rose from 614 to 1,210 people"
    if re.fullmatch(YEAR, m["a"]) and _word_before(sentence, m.start()) in _DATING_WORDS:
        return None, ""  # a year, then the next count of a change: "from 1,210 cases in 2012 to 3,460 cases"
    read = _count(m, sentence)
    low, high = parse_number(m["a"]), parse_number(m["num"])
    if read is None or low is None or high is None or not 0 < low < high or "." in m["a"] + m["num"]:
        return None, ""
    counted = read[1]
    scale = Decimal(SCALES[m["scale"].lower()]) if m["scale"] else Decimal(1)
    return Value("count", f"{_fmt(low * scale)}–{_fmt(high * scale)}", float(low * scale), float(high * scale)), counted


# an abbreviation written with full stops between a count and its noun qualifies the noun: "72 U.S. deaths"
_DOTTED_AFTER = re.compile(r"\s+(?:[A-Z]\.){2,}(?=\s+[^\W\d_])")
# ... and so does an aside in brackets between them
_ASIDE_AFTER = re.compile(r"\s*\([^()]{1,80}\)")


def _count(m: re.Match[str], sentence: str) -> tuple[Value, str] | None:
    """A number that counts something named right after it: 'over 250 shops' -> (>250, shops)."""
    num = m["num"]
    n = parse_number(num)
    if n is None or (("." in num or n != n.to_integral_value()) and not m["scale"]):  # "2.5 children", "a half brother"
        return None
    determiner = _word_before(sentence, m.start()) if not m["bound"] else ""
    after = m.end()  # patterns match from here on, never on a copy of the rest of the text
    plus = not m["bound"] and sentence.startswith("+", after) and _WORD_AFTER.match(sentence, after + 1) is not None
    after += plus  # "3,500+ injured": at least 3,500
    if marked := _FOOTNOTE_MARK.match(sentence, after):
        after = marked.end()  # "there were 212* confirmed cases": the mark points to a note below
    written_after = _BOUND_AFTER.match(sentence, after) if not (m["bound"] or plus) else None
    after = written_after.end() if written_after else after  # "40 or more people"
    of_them = OF_THEM.match(sentence, after)
    after = of_them.end() if of_them else after
    if dotted := _DOTTED_AFTER.match(sentence, after):
        after = dotted.end()  # "72 U.S. deaths" counts deaths
    elif (aside := _ASIDE_AFTER.match(sentence, after)) and _WORD_AFTER.match(sentence, aside.end()):
        after = aside.end()  # "1.2 million (about 18% of its people) left homeless": what follows the aside
    glued = _COMPOUND.match(sentence, after)
    if glued and glued[1].lower() in _SIDES or len(num) == 2 and _YEAR_CUT.search(sentence, 0, m.start()):
        return None
    # the noun a count is glued to, when it counts one ("a five-layer sunshield"; not "two-thirds", "a 20-day")
    compound = glued if glued and glued[1].lower() not in TIME_UNITS | _NOT_A_COMPOUND else None
    if determiner in ("a", "an") and num.isdigit() and not m["scale"] and not glued:
        return None  # a model or a name: "a 737 Max", "a 747 jumbo jet" (but "a 48,000 crowd" is a count)
    if determiner in DETERMINERS and ((num[:1].isalpha() and not m["scale"]) or determiner == "both") and not compound:
        # "the two countries", "both 3 sides": things already named; but "its 403 stores" is a figure, and so is
        # the size of what is named, "the seven-member crew"
        return None
    if num.lower() == "one" and not m["bound"]:
        return None
    if determiner in _LABELS:
        return None  # the number of one thing of a row: "near pole 12", "fissure 3", "Unit 2 shut down"
    start = m.start("bound") if m["bound"] else m.start()
    named_before = _named_before(sentence, start, after)
    if named_before is None and PART_OF_A_WHOLE.match(sentence, after):
        # a part of a whole, after a verb that names what it counts: "killing 17 of the 48 people on board"
        aside = _ASIDE_BEFORE.search(sentence, max(0, start - 30), start)  # "killed, at a minimum, 600 of the"
        named_before = measures().get(_word_before(sentence, aside.start() if aside else start))
        if named_before is None and (whole := _WHOLE_COUNTED.match(sentence, after)):
            after = whole.end()  # ... else what the whole counts: "with 61 of the 140 people who lost their lives"
    described = _described(sentence, start, after)
    head_of = False  # the count is of the herd named after "head of"
    if named_before is None and _NOT_COUNTING.match(sentence, after) and not compound:
        return None
    if (not m["scale"] and _AGE_OF_A_PERSON.search(sentence, max(0, start - 20), start)
            and _NO_NOUN.match(sentence, after)):
        return None  # "I was 23 then", "she is 46."
    # (a letter alone names nothing: the "U" and "S" of "87 more U.S. deaths")
    words = [w for w in (w.lower() for w in _WORD.findall(sentence[after:after + 60])[:4])
             if w not in _NOT_COUNTED and len(w) > 1][:3]
    if words and (words[0] in TIME_UNITS or _MULTIPLIER.match(sentence, after)):
        return None
    if (m.start() > 0 and ((num[0].isupper() and not num.isupper() and not (_OPENS.search(sentence, 0, m.start())
                                                      and _LOWER_WORD_AFTER.match(sentence, m.end())))
                           or _NAME_BEFORE.search(sentence, max(0, m.start() - _NAME_REACH), m.start()))
                          and "," not in num):
        return None  # part of a name: "League Two", "Ariane 5", "Apollo 11" (no name holds "2,000")
    if described:
        counted = described
    elif named_before is not None:
        counted = named_before
    elif compound and not m["bound"] and not m["scale"]:
        counted = compound[1].lower()  # "a five-layer sunshield", "a 19-match unbeaten run"
    elif words and _WORD_AFTER.match(sentence, after):
        if _VERB_AFTER.match(words[0]) and words[0] not in measures() and not _ADJECTIVE_BEFORE_NOUN.match(
                sentence, after):
            # the count is the subject of a verb ('a crowd of 48,512 watched', '23,118 came'): what it counts is
            # named before it, if at all
            named = _NAMED_BEFORE.search(sentence[max(0, start - 60):start])
            counted = named["noun"].lower() if named and named["noun"].lower() not in stop_words() else ""
        else:
            stop = stop_words()
            nouns = [w.lower() for w in _WORD.findall(_CLAUSE_BREAK.split(sentence[after:after + 60], 1)[0])[:6]
                     if w.lower() not in _INCREMENT and w.lower() not in stop and w.lower() not in _NOT_COUNTED
                     and len(w) > 1][:3]
            if nouns[:1] == ["head"] and _HEAD_OF.match(sentence, after):
                del nouns[0]  # "8,400 head of cattle" counts cattle, whatever befell them
                head_of = True
            counted = nouns[0] if nouns and nouns[0] in _PEOPLE else next(
                (w for w in nouns if w.endswith("s") and not w.endswith("ss")), nouns[0] if nouns else "")
    else:
        return None
    if of_them:
        counted = _of_them(sentence, start, after, of_them["whole"])
    if _SETTLED_BEFORE.search(sentence, max(0, start - 30), start) and (
            _PEOPLE_AFTER.match(sentence, after) or _NO_NOUN.match(sentence, after)):
        counted = "population"  # "a town of about 9,000 people", "a city of 640,000 in the south"
    if NO_NOUN_ITEM.match(sentence, after) and (head := sentence.rfind(":", 0, start)) > 0:
        # an item of a list that a verb heads names no noun of its own: "88 people died: 9 as a result of the
        # quake, 71 from the mudslide" counts the dead
        counted = measures().get(_word_before(sentence, head), counted)
    counted = counted if described or head_of else _concept_near(sentence, start, after, counted)
    union = _UNION.match(sentence, after) if words and words[0] == counted else None
    if union and union["other"].lower() not in stop_words():
        counted = f"{counted} and {union['other'].lower()}"  # "131,000 vehicles and pedestrians" counts both
    added = _word_before(sentence, sentence.lower().rfind(named_before, 0, start)) if named_before else ""
    if words and words[0] in _INCREMENT:
        counted = f"{counted} {words[0]}"  # "3,197 new cases" in a week is not the count of all cases
    elif added in _INCREMENT:
        counted = f"{counted} {added}"  # "New deaths | 64"
    elif determiner in _INCREMENT and counted:
        counted = f"{counted} {determiner}"  # "Another 20 people died": more than those told of
    elif counted in cumulative() and _IN_A_SPAN.search(sentence):
        counted = f"{counted} new"  # "During the reporting week, ... 61 deaths were notified"
    scale = Decimal(SCALES[m["scale"].lower()]) if m["scale"] else Decimal(1)
    half = _half_ulp(num) * scale if m["scale"] else _rounded_count(n)
    bound = "at least" if plus else _bound_after(written_after) if written_after else m["bound"]
    lo, hi, prefix = _bounded(n * scale, half, bound)
    return Value("count", f"{prefix}{_fmt(n * scale)}", lo, hi), counted


def _rounded_count(n: Decimal) -> Decimal:
    """How far a count may be from what it states: a count that ends in three zeros or more is a rounded one, good
    to a hundredth of itself ('120,000 vehicles a day' fits 121,000, not 130,000); any other, exactly."""
    return n / 100 if n >= 1000 and n % 1000 == 0 else Decimal(0)


# ------------------------------------------------------------------ the finder


# Where numbers start: a run of digits (no figure starts inside one) or a number word
_ANY_NUMBER = re.compile(rf"\d+|\b{_spelled_numbers(cardinal=True, ordinal=True)}\b|{FRACTION}", _I)


class _Taken:
    """Spans already claimed in a sentence. They never overlap, so one binary search finds the only
    span that could overlap a new one, however many figures a long text holds."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end) - 1  # the last span that starts before `end`
        return i >= 0 and self.ends[i] > start

    def add(self, start: int, end: int) -> None:
        i = bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


# A decimal comma in English text, as a writer used to it puts it: "61,4 billion", "3,5%" (one or two digits after a
# comma never set thousands apart). Read before a scale or a percent only, where no list of numbers stands.
_DECIMAL_COMMA = re.compile(r"(?<![\d,.])(\d{1,3}),(\d{1,2})(?=\s?(?:%|(?:per\s?cent|percent|thousand|million|billion|"
                            r"trillion|bn|mn)\b))", re.IGNORECASE)


def find_figures(sentence: str, base: dt.date | None = None) -> list[Figure]:
    """Every figure in a sentence (normalised text), left to right, each read by the first pattern
    that claims its span: furniture first, then money, percent, periods, dates, anniversaries,
    measures, ranks, bare years and counts."""
    if "," in sentence:
        sentence = _DECIMAL_COMMA.sub(r"\1.\2", sentence)  # (as long as it was: the figures' places hold)
    numbers = [m.start() for m in _ANY_NUMBER.finditer(sentence)]
    lower = sentence.lower()
    if not numbers and "intensity" not in lower and "mercalli" not in lower:
        return []  # every figure has a digit or a number word, but for an intensity in Roman numerals
    taken = _Taken()
    found: list[Figure] = []
    for kind, regex, needs, number_led in PATTERNS:
        if needs is not None and not needs(sentence, lower):
            continue
        for m in _led_by_numbers(regex, sentence, numbers) if number_led else regex.finditer(sentence):
            start, end = m.span()
            if start == end or taken.overlaps(start, end):
                continue
            figure = _read(kind, m, sentence, base)
            if kind in ("skip", "fraction", "day", "time") or figure is not None:
                taken.add(start, end)
            if figure is not None:
                found.append(figure)
    found.extend(_elliptic_measures(sentence, found, taken))
    if "per" in lower and "to" in lower:
        found = _elliptic_rates(sentence, found)
    figures = _ranges(sentence, _compound_spans(sentence, sorted(found, key=lambda f: f.start)))
    figures = _bounds_after(sentence, _elliptic_ends(sentence, figures))
    return _elliptic_counts(sentence, _conversions(sentence, figures))


def _bounds_after(sentence: str, figures: list[Figure]) -> list[Figure]:
    """Figures widened by a bound written after them: '148 mph or greater' is at least 148 mph (a count reads its
    own, before the noun it counts: '40 or more people')."""
    if " or " not in sentence:
        return figures
    out = []
    for figure in figures:
        value = figure.value
        written = (_BOUND_AFTER.match(sentence, figure.end)
                   if value.kind in _RANGED and not value.text.startswith(_PREFIXES) else None)
        if written is None or "–" in value.text or " to " in value.text:
            out.append(figure)
            continue
        prefix = "≥" if written["gt"] else "≤" if written["lt"] else "~"
        low = -INF if written["lt"] else value.low
        high = INF if written["gt"] else value.high
        if written["near"]:
            middle = (value.low + value.high) / 2
            low, high = min(low, middle * 0.9), max(high, middle * 1.1)
        out.append(Figure(figure.start, written.end(), replace(value, text=f"{prefix}{value.text}", low=low,
                                                               high=high), figure.counted))
    return out


# A span told in two units or more, as one: "one year and 45 days", "2 years, 3 months and 5 days", "a year and 30
# days" (whose first part alone is no figure); good to its smallest unit. And "a year and a half".
_SPAN_FACTORS = {symbol: factor for kind, factor, symbol in MEASURES.values() if kind == "duration"}
_SPAN_AND = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)?")  # ("2 hours, 31 minutes", "55 hours 46 minutes")
_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b", re.IGNORECASE)
_A_SPAN_AND = re.compile(r"\b(?:an?|one)\s+(?P<unit>year|month|week)\s+and\s+$", re.IGNORECASE)


def _compound_spans(sentence: str, figures: list[Figure]) -> list[Figure]:
    """Spans of time told in two units or more, each joined into one figure (see above)."""
    out: list[Figure] = []
    for figure in figures:
        unit = figure.value.text.rpartition(" ")[2] if figure.value.kind == "duration" else ""
        if unit not in _SPAN_FACTORS or figure.value.text.startswith(_PREFIXES):
            out.append(figure)
            continue
        middle, factor = _middle(figure.value), _SPAN_FACTORS[unit]
        if half := _AND_A_HALF.match(sentence, figure.end):  # "a year and a half": good to a quarter of its unit
            middle += factor / 2
            text = f"{_fmt(Decimal(repr(middle / factor)))} {unit}"
            out.append(Figure(figure.start, half.end(), replace(figure.value, text=text, low=middle - factor / 4,
                                                                high=middle + factor / 4), figure.counted))
            continue
        previous = out[-1] if out else None
        whole = (previous.value.text.rpartition(" ")[2] if previous and previous.value.kind == "duration"
                 and not previous.value.text.startswith(_PREFIXES)
                 and _SPAN_AND.fullmatch(sentence, previous.end, figure.start) else "")
        if whole in _SPAN_FACTORS and _SPAN_FACTORS[whole] > factor and previous is not None:
            start, middle = previous.start, middle + _middle(previous.value)
            out.pop()
        elif a_span := _A_SPAN_AND.search(sentence, max(0, figure.start - 20), figure.start):
            start, middle = a_span.start(), middle + MEASURES[a_span["unit"].lower()][1]
        else:
            out.append(figure)
            continue
        half = (figure.value.high - figure.value.low) / 2
        text = f"{round(middle / factor)} {unit}"
        out.append(Figure(start, figure.end, replace(figure.value, text=text, low=middle - half, high=middle + half),
                          figure.counted))
    return out


# A range of amounts or measures: "5 to 7 percent", "between 18 and 31 inches", "$41 billion to $63 billion", "five
# to 10 years". Its lower end is a bare number (digits or words) right before the figure, or a figure of its own;
# "from" opens a range only after a word of ranging ("range from"), else it opens a change ("rose from $3.1 billion
# to ..."), and "by" a change's size.
# The dash between a range's ends: not one set apart by spaces on both sides, which opens an aside ("$3 billion — $9.7
# billion in today's dollars").
_RANGE_DASH = r"(?:\s*[–-]\s*|(?<!\s)—\s*|\s+—(?!\s))"
_RANGED = frozenset({"count", "money", "percent", "rate"} | {kind for kind, _, _ in MEASURES.values()})
_LOW_END = re.compile(r"(?:\b(?P<between>between)\s+)?(?<![\w.,$€£¥₽₸-])"
                      rf"(?P<low>\d{{1,3}}(?: \d{{3}})+(?!\d)|\d[\d,]*(?:\.\d+)?|\b(?:{NUMW})\b)"
                      rf"(?:\s+(?P<scale>{SCALE}))?(?:-to-|{_RANGE_DASH}|\s+to\s+|\s+(?P<and>and)\s+)$", re.IGNORECASE)
_SCALE_AFTER = re.compile(rf"\s*(?P<scale>{SCALE})\b", re.IGNORECASE)
_BETWEEN_ENDS = re.compile(rf"{_RANGE_DASH}|\s*(?:\bto\b|\b(?P<and>and)\b)\s*", re.IGNORECASE)
# "from ... to ..." after a word of change is a change ("rose from 614 to 1,210", "an increase from 5 to 7"), and
# "by" before a number is the size of one; any other "from ... to ..." is a range ("put losses anywhere from $1
# billion to $2 billion")
_NOT_A_RANGE_BEFORE = re.compile(
    r"(?:\b(?:rose|rise[ns]?|rising|fell|fall(?:s|en|ing)?|increas\w*|decreas\w*|grew|grow\w*|drop\w*|declin\w*"
    r"|climb\w*|jump\w*|surg\w*|soar\w*|rais\w*|cut|cuts|cutting|reduc\w*|lower\w*|revis\w*|doubl\w*|tripl\w*"
    r"|went|gone|go(?:es|ing)?|chang\w*|mov\w*|expand\w*|shr[aiu]nk\w*|swell\w*|swollen|boost\w*|slash\w*"
    r"|trimm?\w*|narrow\w*|widen\w*|extend\w*|push\w*|upgrad\w*|downgrad\w*|up|down)\b(?:\s+[\w,'’$-]+){0,6}?\s+from|\bby)\s+$",
    re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_FIRST_NUMBER = re.compile(r"\d{1,3}(?: \d{3})+(?!\d)|\d[\d,]*(?:\.\d+)?")
_FIRST_STATED = re.compile(rf"\d{{1,3}}(?: \d{{3}})+(?!\d)|\d[\d,]*(?:\.\d+)?|\b(?:{NUMW})\b", re.IGNORECASE)


def from_low_end(figure: Figure, start: int, low: Decimal, high: Decimal, shown: Decimal, at: int) -> Figure:
    """A figure widened down to the lower end of its range, which starts at `start`: `low` and `high` are the two ends
    as the sentence writes them, `shown` the upper end as the figure's text writes it, at `at` of that text (a
    scale may stand between: "5 to 7 million" is "5 million–7 million")."""
    value = figure.value
    text = f"{value.text[:at]}{_fmt(low * shown / high)}–{value.text[at:]}"
    lowest = float(low) * (value.low + value.high) / 2 / float(high)
    return Figure(start, figure.end, replace(value, text=text, low=lowest), figure.counted)


def _middle(value: Value) -> float:
    return (value.low + value.high) / 2


def _ranges(sentence: str, figures: list[Figure]) -> list[Figure]:
    """Amounts and measures stated as a range, read as one figure from its lower end to its upper one: read as its
    upper end alone, "5 to 7 percent" would contradict a "6%" it holds."""
    out: list[Figure] = []
    for figure in figures:
        value = figure.value
        if value.kind not in _RANGED:
            out.append(figure)
            continue
        previous = out[-1] if out else None
        joined = _BETWEEN_ENDS.fullmatch(sentence, previous.end, figure.start) if previous else None
        if (previous is not None and joined and previous.value.group_key == value.group_key
                and previous.value.unit == value.unit and not previous.value.text.startswith(_BOUND_PREFIXES)
                and (not joined["and"] or _BETWEEN_BEFORE.search(sentence, 0, previous.start))
                and not _NOT_A_RANGE_BEFORE.search(sentence, 0, previous.start)
                and _middle(previous.value) < _middle(value) < previous.value.high * 1000):
            out[-1] = Figure(previous.start, figure.end, replace(
                value, text=f"{previous.value.text} to {value.text}", low=previous.value.low), figure.counted)
            continue
        low_end = _LOW_END.search(sentence, max(0, figure.start - 40), figure.start)
        stated = _FIRST_STATED.search(sentence, figure.start, figure.end)
        written = _FIRST_NUMBER.search(value.text)
        if (low_end and stated and written and (not low_end["and"] or low_end["between"])
                and not value.text.startswith(_PREFIXES)
                and not (previous and previous.end > low_end.start("low"))
                and not _NOT_A_RANGE_BEFORE.search(sentence, 0, low_end.start())):
            low, high = parse_number(low_end["low"]), parse_number(stated[0])
            shown = parse_number(written[0])
            if low is not None and low_end["scale"]:  # "between 2 million and 4 million", "500 thousand to 1 million"
                scale = _SCALE_AFTER.match(sentence, stated.end())
                low = low * SCALES[low_end["scale"].lower()] / SCALES[scale["scale"].lower()] if scale else None
            if low is not None and high and shown is not None and 0 < low < high:
                out.append(from_low_end(figure, low_end.start(), low, high, shown, written.start()))
                continue
        out.append(figure)
    return out


# a count with its noun left out, coordinated with the count before it and followed by its place: "killed 118
# people in Sandhara *and nine in Parvat*" ("24 league goals and 29 in all competitions" is another measure)
_COORDINATED = re.compile(r"(?:,|\band)\s*$")
_PLACE_AFTER = re.compile(r"\s+(?:in|at|on|from|across)\s+(?:the\s+)?(?-i:[A-Z])")


def _elliptic_counts(sentence: str, figures: list[Figure]) -> list[Figure]:
    """A count followed by the place it is of, not by its noun, and coordinated with the count before it counts
    what that count counts ('nine in Parvat' counts deaths, not Parvat)."""
    out = list(figures)
    for i in range(1, len(out)):
        first, second = out[i - 1], out[i]
        if (first.value.kind == second.value.kind == "count" and first.counted
                and _PLACE_AFTER.match(sentence, second.end)
                and _COORDINATED.search(sentence, first.end, second.start)):
            out[i] = replace(second, counted=first.counted)
    return out


_CONVERTED = re.compile(r"\s*[(\[]\s*$")  # what stands between a figure and its conversion: "4 billion euros ($"
_PREFIXES = ("≥", "≤", "≲", ">", "<", "~")
_BOUND_PREFIXES = tuple(prefix for prefix in _PREFIXES if prefix != "~")  # "about $5 million to $8 million": a range


def converts(sentence: str, first: Figure, second: Figure) -> bool:
    """Is `second` the conversion in brackets of `first`, right after it ("590 ft (180 m)")?"""
    return first.value.kind == second.value.kind and in_brackets_after(sentence, first.end, second.start)


def in_brackets_after(sentence: str, end: int, start: int) -> bool:
    """Does a bracket open right after one figure (ending at `end`) and before another (starting at `start`)?"""
    return _CONVERTED.fullmatch(sentence, end, start) is not None


def _conversions(sentence: str, figures: list[Figure]) -> list[Figure]:
    """A figure converted in brackets right after another takes its bound, and what it measures: in "more than 4
    billion euros ($5.43 billion)" both amounts are more than stated, so either fits "$6bn"; in "gusts of over 90
    km/h (56 mph)" both are gusts."""
    out = list(figures)
    for i in range(1, len(out)):
        first, second = out[i - 1], out[i]
        if not converts(sentence, first, second):
            continue
        bound = next((p for p in _PREFIXES if first.value.text.startswith(p)), "")
        if bound and not second.value.text.startswith(_PREFIXES):
            second = replace(second, value=_bound_value(second.value, bound))
        out[i] = replace(second, counted=second.counted or first.counted)
    return out


_BOUND_OF_PREFIX = {">": "more than", "≥": "at least", "<": "less than", "≤": "up to", "≲": "nearly", "~": "about"}


def _bound_value(value: Value, prefix: str) -> Value:
    """The value with the bound another figure's prefix states, read as the words of that bound would be."""
    low, high, _ = _bounded(Decimal(repr((value.low + value.high) / 2)), Decimal(repr((value.high - value.low) / 2)),
                            _BOUND_OF_PREFIX[prefix])
    return replace(value, text=f"{prefix}{value.text}", low=low, high=high)


# A day named by its weekday alone ("arrived on Monday", "lifted off at 7:20 a.m. EST Saturday"), as news and press
# releases write the days around their own; not one a written date follows ("Monday, 5 March", "Monday the 5th"),
# nor a weekday of every week ("on Mondays"), nor the start or end of a span ("since Saturday", "by Friday")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY = re.compile(rf"(?=[MTWFS][a-z]+day\b)"  # (first: the look-behinds are tried only where a weekday begins)
                     rf"(?:(?<=\b[Oo]n )|(?<=\) )|(?<=\b[ap]\.m\. )|(?<=\b[AP]M )|(?<=\b[A-Z][SD]T )|(?<=\bGMT )"
                     rf"|(?<=\bUTC ))(?P<day>{'|'.join(WEEKDAYS)})\b(?!s\b|,?\s+(?:the\s+)?\d|,?\s+{MONTH_CASED})")
# (what "was due", "had been planned" on a weekday is past: "52 boats had been due to clear the harbour on Saturday")
_COMING = re.compile(r"\b(?:next|coming|will|shall|to\s+be|is\s+to|are\s+to"
                     r"|(?<!had been )(?<!was )(?<!were )(?:scheduled|planned|due))\b[^,;.]*$", re.IGNORECASE)


_SAID_ON = re.compile(r"\b(?:said|says|told|announced|reported|stated|added|confirmed)(?:\s+(?:in\s+a\s+(?:statement|"
                      r"press\s+release|release|briefing|news\s+conference)|(?:to\s+)?(?:reporters|journalists)))?"
                      r"\s+(?:on\s+|late\s+|early\s+)?$", re.IGNORECASE)


def weekday_figures(sentence: str, day: dt.date) -> list[Figure]:
    """The days a sentence names by their weekday alone, in a document of `day`: the latest such day on or before it,
    or the next one after it when the clause looks ahead ('will launch on Saturday', 'next Monday')."""
    figures = []
    for m in WEEKDAY.finditer(sentence):
        if _SAID_ON.search(sentence, max(0, m.start() - 60), m.start()):
            continue  # the day a source spoke ('the agency said on Saturday'), not a fact of what it told
        back = (day.weekday() - WEEKDAYS.index(m["day"])) % 7
        ahead = _COMING.search(sentence, max(0, m.start() - 60), m.start()) is not None
        when = day + dt.timedelta(days=(7 - back) % 7 or 7) if ahead else day - dt.timedelta(days=back)
        figures.append(Figure(m.start(), m.end(), Value("date", _date_text(when.year, when.month, when.day),
                                                        *_span(when.year, when.month, when.day))))
    return figures


# what the reference date may change: an anniversary counted back from it, a day without its year
_COUNTED_BACK = [pattern.needs for pattern in PATTERNS if pattern.kind == "anniversary"] + [
    lambda sentence, lower, day=pattern.regex: day.search(sentence) is not None  # a day itself, not a month's name
    for pattern in PATTERNS if pattern.kind == "day"]


def base_matters(sentence: str) -> bool:
    """Could the reference date change what find_figures reads in a sentence? Only for an anniversary
    counted back from it ("the 30th anniversary") or a day written without its year ("on 20 February"), so
    only where such a pattern may match: other dates and periods are read as written."""
    lower = sentence.lower()
    return any(needs is None or needs(sentence, lower) for needs in _COUNTED_BACK)


_BOUND_REACH = 16  # no bound is longer ("approximately", "no fewer than")


def _led_by_numbers(pattern: re.Pattern[str], sentence: str, numbers: list[int]) -> Iterator[re.Match[str]]:
    """What pattern.finditer(sentence) finds, for a number-led pattern, but each search starts near
    the next number, where a match can begin, rather than trying every position in between."""
    pos = 0
    while (i := bisect_left(numbers, pos)) < len(numbers):
        start = numbers[i]
        while start > pos and sentence[start - 1].isspace():
            start -= 1
        m = pattern.search(sentence, max(pos, start - _BOUND_REACH))
        if m is None:
            return
        yield m
        pos = max(m.end(), m.start() + 1)


ELLIPTIC = re.compile(r"(?<![\w.,])(\d+(?:\.\d+)?)\s+of\s+(?:them|which|these|those|it)\b", _I)

def _elliptic_measures(sentence: str, found: list[Figure], taken: _Taken) -> list[Figure]:
    """'50.45 kilometres, 37.9 of them under the sea': the bare number takes the unit named before it."""
    measures = sorted((f for f in found if f.value.kind in MEASURE_KINDS), key=lambda f: f.end)
    ends = [f.end for f in measures]
    out = []
    for m in ELLIPTIC.finditer(sentence):
        counted_part = next((f for f in found if f.value.kind == "count" and f.start == m.start(1)), None)
        if counted_part is not None and any(f.end <= m.start() for f in measures):
            found.remove(counted_part)  # "50 kilometres, 37 of them under the sea" are kilometres, not a count
        elif taken.overlaps(m.start(), m.end()):
            continue
        before = bisect_right(ends, m.start())
        if not before:
            continue
        symbol = measures[before - 1].value.text.rsplit(" ", 1)[-1]
        n = Decimal(m.group(1))
        lo, hi, _ = _bounded(n, _half_ulp(m.group(1)), None)
        out.append(Figure(m.start(1), m.end(1), _in_base(symbol, n, lo, hi)))
    return out


# A change of a rate names what the rate is per once, at one of its ends: "from 5.2 per 100,000 in 2001 to 11.9 in
# 2021", "from 4.0 (2003) to 9.5 (2020) cases per 1,000"; the other end is a rate per as many.
_YEAR_OF_AN_END = r"(?:\s+in\s+\d{4}|\s*\(\d{4}\))?"
_RATE_CHANGE_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_RATE_CHANGE_TO = re.compile(rf"(?:\s+[^\W\d_][\w'-]*){{0,3}}?{_YEAR_OF_AN_END}\s+to\s+(?P<n>\d[\d,]*(?:\.\d+)?)"
                             r"(?=\s+in\b|\s*[,.;:()]|\s*$)", re.IGNORECASE)
_RATE_CHANGE_BEFORE = re.compile(rf"\bfrom\s+(?P<n>\d[\d,]*(?:\.\d+)?){_YEAR_OF_AN_END}\s+to\s+$", re.IGNORECASE)


def _bare_other_ends(sentence: str, figure: Figure, by_start: dict[int, Figure],
                     joined_before: re.Pattern[str] | None = None) -> Iterator[tuple[int, int, Decimal, float, float]]:
    """The bare numbers at the other end of a figure's change ("from 5.2 per 100,000 to 11.9", "from 947 millibars
    to 941"), or joined to it before it by `joined_before`, each as (start, end, number, low, high) at its own
    precision; not one that is a figure of its own, nor a year."""
    spans = []
    if _RATE_CHANGE_FROM.search(sentence, max(0, figure.start - 6), figure.start):
        after = _RATE_CHANGE_TO.match(sentence, figure.end)
        spans.append(after.span("n") if after else None)
    before = _RATE_CHANGE_BEFORE.search(sentence, max(0, figure.start - 40), figure.start) or (
        joined_before.search(sentence, max(0, figure.start - 20), figure.start) if joined_before else None)
    spans.append(before.span("n") if before else None)
    for span in spans:
        other = by_start.get(span[0]) if span else None
        if span is None or (other is not None and (other.value.kind != "count" or other.end != span[1])):
            continue  # none, or a figure of its own: "from 5.2 per 100,000 to 31% of ..."
        text = sentence[span[0]:span[1]]
        n = parse_number(text)
        if n is None or re.fullmatch(YEAR, text):
            continue
        lo, hi, _ = _bounded(n, _half_ulp(text), None)
        yield span[0], span[1], n, lo, hi


def _elliptic_rates(sentence: str, figures: list[Figure]) -> list[Figure]:
    """The bare number at the other end of a change of a rate, read as a rate per as many (see above)."""
    by_start = {f.start: f for f in figures}
    out = dict(by_start)
    for f in figures:
        if f.value.kind != "rate" or f.value.text.startswith(_PREFIXES) or "–" in f.value.text:
            continue
        unit = f.value.unit
        for start, end, n, lo, hi in _bare_other_ends(sentence, f, by_start):
            out[start] = Figure(start, end, Value("rate", f"{_fmt(n)} per {unit}", lo, hi, unit=unit), f.counted)
    return [out[start] for start in sorted(out)]


# the bare number joined by "and" to a measure after it: "tides of 14 and 19 feet" (with "between", a range)
_AND_BEFORE = re.compile(r"(?<![\w.,$€£¥-])(?P<n>\d[\d,]*(?:\.\d+)?)\s+and\s+$")
_UNIT_SHARED = frozenset(kind for kind, _, _ in MEASURES.values()) - {"duration", "temperature"}


def _elliptic_ends(sentence: str, figures: list[Figure]) -> list[Figure]:
    """The bare number at the other end of a change of a measure, or joined to one by "and", read in the measure's
    unit: "dropped from 947 millibars to 941", "from 14 to 19 feet", "tides of 14 and 19 feet"."""
    if " to " not in sentence and " and " not in sentence:
        return figures
    by_start = {f.start: f for f in figures}
    out = dict(by_start)
    for f in figures:
        symbol = f.value.text.rpartition(" ")[2]
        if (f.value.kind not in _UNIT_SHARED or symbol not in UNIT_SYMBOLS or f.value.text.startswith(_PREFIXES)
                or "–" in f.value.text):
            continue
        for start, end, n, lo, hi in _bare_other_ends(sentence, f, by_start, _AND_BEFORE):
            out[start] = Figure(start, end, _in_base(symbol, n, lo, hi), f.counted)
    return [out[start] for start in sorted(out)]


def _read(kind: str, m: re.Match[str], sentence: str, base: dt.date | None) -> Figure | None:
    value: Value | None
    counted = ""
    if kind == "skip":
        return None
    if kind == "fraction":
        value = _fraction(m, sentence)
        return None if value is None else Figure(m.start(), m.end(), value, "")
    if kind == "bracket_count":
        return _bracket_count(m, sentence)
    if kind == "money":
        value = _money(m)
    elif kind == "percent":
        value = _percent(m)
    elif kind == "rate":
        value = _rate(m)
    elif kind == "ratio":
        value = _ratio(m)
    elif kind == "margin":
        value, counted = _margin(m, sentence)
    elif kind == "period":
        value = _period(m, base)
    elif kind == "date":
        value = _date_value(m.group(0), base)
    elif kind == "time":
        value = _time(m, sentence)
    elif kind == "day":
        value = _day_value(m.group(0), base, sentence)
    elif kind == "named_day":
        value = _date_value(f"{NAMED_DAYS[' '.join(m['name'].lower().split())]} {m['year']}", base)
    elif kind == "anniversary":
        value = _anniversary(m, sentence, base)
    elif kind == "measure":
        value = _measure(m)
    elif kind == "scale":
        value = _scale(m)
    elif kind == "century":
        value = _century(m)
    elif kind == "decade":
        value = _decade(m)
    elif kind == "rank_no":
        value = Value("rank", str(int(m["n"])), int(m["n"]), int(m["n"])) if int(m["n"]) >= 1 else None
    elif kind == "rank_top":
        value = _rank_top(m)
    elif kind == "rank":
        value = _rank(m, sentence)
    elif kind == "count_range":
        value, counted = _count_range(m, sentence)
    else:
        read = _count(m, sentence)
        value, counted = read if read else (None, "")
    if value is None:
        return None
    start, end = m.span()
    if kind in ("money", "percent", "rate", "ratio", "margin", "measure", "count") and m["bound"]:
        start = m.start("bound")
    if kind == "rate":  # what a rate counts is named in it: "62 cases per 10,000"
        end = m.end("per")
        counted = _concept_near(sentence, start, m.end(), next(iter(_WORD.findall(m["what"])), "").lower())
    elif kind in ("money", "percent", "ratio", "measure"):
        # what an amount measures: its label in a list, else a word that names a measure, said before it
        # ('gusting to 210 km/h', 'sustained winds of 185 km/h') rather than after, as a count's noun is
        counted = (_label(sentence, start) if _ITEM_END.match(sentence, end) else "") or _bracket_label(sentence, start)
        counted = counted or _concept_near(sentence, start, end, "", before_first=True) or _subject(sentence, start)
        if counted in _TOLLS_OF_PEOPLE and kind in ("money", "measure"):
            counted = ""  # what befell people is counted, never measured: '17 tonnes of gas escaped' after 'killed'
            # measures no deaths (a share of them may be of deaths: 'a case fatality rate of 1.8%')
    return Figure(start, end, value, counted)


_NAME_BRACKET_ITEM = re.compile(r"(?:[:,]|\band)\s+(?:[A-Z][\w'’-]*\s+){1,3}\($")  # ": Brell County (", ", Varn ("


def _bracket_count(m: re.Match[str], sentence: str) -> Figure | None:
    """A count in brackets after the word of what it counts, when that word names a toll or a tally of the data
    ('deaths (57)', 'injuries (12)'), or after a name in a list that such a word heads ('Deaths by county: Brell
    County (14), Varn County (63)'); None after any other word."""
    counted = measures().get(_word_before(sentence, m.start()))
    if counted is None and _NAME_BRACKET_ITEM.search(sentence, 0, m.start() + 1):
        head = sentence.rfind(":", 0, m.start())
        counted = next((measures()[w.lower()] for w in _WORD.findall(sentence, 0, max(head, 0))[::-1]
                        if w.lower() in measures()), None) if head > 0 else None
    n = parse_number(m["num"])
    if counted is None or counted in _PEOPLE_OF_A_PLACE or n is None:
        return None
    lo, hi, prefix = _bounded(n, _rounded_count(n), None)
    return Figure(m.start("num"), m.end("num"), Value("count", f"{prefix}{_fmt(n)}", lo, hi), counted)


def _subject(sentence: str, start: int) -> str:
    """The measure an amount's sentence names before it, past commas but not past another figure and the noun
    it counts: "Exports to the Nordic country, mainly copper and lithium, were worth $1.63bn" measures exports;
    "2,100 deaths and $310 million in property loss" measures no deaths."""
    known = measures()
    head = sentence[:start].rstrip("$€£¥ US")
    before = re.split(r"\d", head)[-1]
    if len(before) < len(head) and not re.search(rf"{YEAR}$", head[:len(head) - len(before)]):
        before = _past_its_noun(before)
    return next((known[w.lower()] for w in reversed(_WORD.findall(before)) if w.lower() in known), "")


def _past_its_noun(text: str) -> str:
    """What follows a figure, past the words of the noun it counts: ' worker deaths during the' -> ' during the'
    (an amount counts none: ' km/h gusting to')."""
    if _UNIT_AFTER.match(text):
        return text
    words = list(_WORD.finditer(text))
    stop = stop_words()
    first_stop = next((w for w in words if w.group(0).lower() in stop), None)
    return text[first_stop.start():] if first_stop else ""


# A short item led by a separator, named by its last word: "Religion: Sunni Muslim 47%, Russian Orthodox 44%",
# "Border lengths: Russia 6,846 km", "water: 47,500 sq km", "(Orthodox 17%,"
_LABEL = re.compile(r"(?:^|[,;:(•–—]|\sand\s)\s*((?:[^\W\d_][\w'.-]*\s+){0,2}([^\W\d_][\w'-]{2,}))\s*:?\s*$")
_CLAUSE_END = re.compile(r"\s*(?:[,;.)(\[]|$)")
# ... and a figure ends its item when its clause ends after it, or after the bracket that follows it ('Kestria 612 km
# (380 mi),'): a sentence that goes on past the bracket ('Wind readings above 135 km/h (84 mph) were measured') says
# what it measures in its words, not by a label
_ITEM_END = re.compile(r"\s*(?:\([^()]*\)\s*(?:[,;.)\[]|$)|(?!\([^()]*\))(?:[,;.)(\[]|$))")


# a figure in brackets right after a name, first in them or after another figure: "Varn (944 mb and 150 mph)", "the
# Orvel ($2.1 billion)" tell of Varn and the Orvel, whatever the sentence is about
_NAME_BRACKET = re.compile(r"\b(?P<name>[A-Z][\w'’-]+)[ \t]*\(\s*"
                           r"(?:[^()]{0,30}?\d[^()]{0,20}?(?:,|;|\band\b)\s*)?$")
# ... and so is one in a relative clause right after a name: "second only to the Orvel, which cost $4 billion"
_NAME_WHICH = re.compile(r"\b(?P<name>[A-Z][\w'’-]+),\s+(?:which|who)\s+[^,.;:()\d]{0,60}$")
# ... but not a place where the thing was: "the storm in the Oskel Keys (931 mb)"
_PLACE_NAMED_BEFORE = re.compile(r"\b(?:in|on|at|near|off|of|from|to|into|across)\s+(?:the\s+)?"
                                 r"(?:[A-Z][\w'’-]*\s+){0,2}$")


def _bracket_label(sentence: str, start: int) -> str:
    """The name a figure in brackets or a relative clause right after it tells of (see above); '' when none."""
    m = _NAME_BRACKET.search(sentence, max(0, start - 60), start) if "(" in sentence else None
    if m is None and ", wh" in sentence:
        m = _NAME_WHICH.search(sentence, max(0, start - 80), start)
    if (m is None or m["name"].lower() in stop_words()
            or _PLACE_NAMED_BEFORE.search(sentence, max(0, m.start() - 40), m.start())):
        return ""
    return concepts().get(m["name"].lower()) or m["name"].lower()


def _label(sentence: str, start: int) -> str:
    """The word that names a figure written right after it, at the end of a clause: in a list ('Tavish 61.5%,
    Orvenian 22.1%', 'Kestria 612 km, Orvenia 240 km') or a label ('water: 47,500 sq km'); '' when none."""
    m = _LABEL.search(sentence, max(0, start - 40), start)
    if m is None or any((w.lower() in stop_words() and w.lower() not in _REST) or w.lower() in _NOT_A_LABEL
                        for w in m[1].split()):
        return ""
    if m[2].endswith(("ing", "ed")):
        return ""  # a verb: "costing £9 billion", "reported 5%"
    known = concepts()
    named = [known[w.lower()] for w in m[1].split() if w.lower() in known]
    word = m[2].lower()
    return known.get(word) or (named[-1] if named else word)  # "Damage estimates exceeded $100 billion": damage
