"""What sets one figure apart from others of the same words, read from its sentence when its claim is made: a peak
is not a value at landfall, one place's count is not another's, the second landfall is not the first. Grouping
(kzfr_check.topics) keeps two figures apart when their qualifiers say so (`set_apart`).

A claim's qualifiers are read with its sentence's figures, once per sentence a process reads, where the claim is
extracted (kzfr_check.claims): in worker processes on any engine, once a corpus is big enough to start them, so that
the process that groups every claim of a corpus only reads them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz

from kzfr_check.lang import concepts, data, measures
from kzfr_check.values import (
    CARDINALS,
    CURRENCY_CODES,
    DATE_KINDS,
    MEASURES,
    MONTHS,
    NO_NOUN_ITEM,
    OF_THEM,
    PART_OF_A_WHOLE,
)
from kzfr_check.words import STOP_WORDS, WORD, term, term_in

Qualifiers = frozenset[tuple[str, str]]  # (what, which): ('place', 'Ostvale'), ('peak', '')

MEASURE_KINDS = frozenset(kind for kind, _, _ in MEASURES.values())
READINGS = MEASURE_KINDS | {"scale"}  # what measures one event, read once: its year tells events apart
# what adds up or varies over places; a storm's speed or pressure is of the storm, wherever it is read
PLACED_KINDS = (MEASURE_KINDS - {"speed", "pressure"}) | {"count", "money", "percent"}
_DIGITS = re.compile(r"\d+")
FUZZY_STEM = 85  # rapidfuzz ratio above which two stems are one word ("employer"/"employ")

# English grammar, not topics:
_PEAK = frozenset({"peak", "peaked", "peaking", "top"})  # the extreme over time: 'peak winds', not those at landfall
# the least and the most of something are two facts ('the lowest toll ever charged', 'the highest toll to date')
_EXTREMES = {"minimum": "least", "lowest": "least", "smallest": "least", "fewest": "least",
             "maximum": "most", "highest": "most", "largest": "most", "biggest": "most"}
_BRACKET_AFTER = re.compile(r"\s*(?:[^\W\d_]+\s+){0,2}\(([^()]{1,80})\)")  # a bracket right after a figure
_OCCURRENCE_ORDINAL = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|initial"
_OCCURRENCE = re.compile(  # which occurrence: 'the second landfall', 'its first cycle'
    rf"\b(?P<ordinal>{_OCCURRENCE_ORDINAL})\s+(?P<noun>[a-z]{{3,}})\b", re.IGNORECASE)
_OCCURRENCE_WORD = re.compile(_OCCURRENCE_ORDINAL)  # its quick test, in lowercased text (see _CHANGE_WORD)
_SUPERLATIVE = re.compile(r"\w+est|most|least", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:]\s")
_DURATION = re.compile(  # the span an amount is spread over: '45 million dollars over five years'
    r"\b(?:over|during|within|across|for)\s+(?:the\s+(?:next|past|last|coming)\s+)?(?P<n>\d+|[a-z]+(?:-[a-z]+)?)\s+"
    r"(?P<unit>years?|months?|decades?)\b", re.IGNORECASE)
# 'Valdmark', 'United States', 'US' (of 'US-landfalling'), 'U.S.' (compared without its dots: _same_name)
_NAME = r"(?P<holder>(?:[A-Z](?:\.[A-Z])+\.?|[A-Z][\w]*)(?:\s+[A-Z][\w]*)*)"
_SPAN_BEFORE = re.compile(  # the span a figure is averaged or summed over: 'one-minute sustained winds', '24-hour'
    r"\b(?P<n>\d+|[a-z]+)-(?P<unit>minute|hour|day|week|month|year)\b(?!-old)[^,;.:()\d]{0,40}$", re.IGNORECASE)
_HOLDER_BEFORE = re.compile(rf"\b{_NAME}(?:'s|’s|s'|s’)\s+(?:[\w-]+\s+)?$")  # "Valdmark's second-largest"
_HOLDER_AFTER = re.compile(  # "fifth-largest trading partner of Carrasca"
    rf"[^,;.:()]{{0,60}}?\b(?:of|in|for|among)\s+(?:the\s+)?(?:[a-z]+\s+(?:of|in)\s+)?{_NAME}")
_WORLD_AFTER = re.compile(r"[^,;.:()]{0,60}?\b(?:in\s+the\s+world|worldwide|in\s+history)\b", re.IGNORECASE)
# the place a count or an amount is of: "In Ostvale, 3,400 homes were flooded", "3,400 homes in Ostvale", "a flood
# line 2 feet up at the Dunmore gauge"; or the whole of all places: "12,000 homes in all", "... across 31 states"
_PLACE_OPENING = re.compile(rf"^\W*(?:In|At)\s+(?:the\s+)?{_NAME}\s*,")
_PLACE_AFTER = re.compile(rf"[^,;.:()\d]{{0,50}}?\b(?:in|at|near)\s+(?:the\s+)?{_NAME}")
_PLACE_BRACKET = re.compile(rf"(?<![\w-]){_NAME}\s*\($")  # a list's item: "..., Brell County (14), ..."
# a part of the place named, which the figure is of: "in Ostvale's northern province of Brena", "in Ostvale's Brena
# region"
_PART_OF_PLACE = re.compile(r"'s\s+(?:[a-z]+\s+){0,2}?"
                            r"(?:(?:province|region|state|district|county|governorate|prefecture|city|town)\s+of\s+)?"
                            rf"{_NAME}")
_ALL_PLACES = (r"(?:in\s+all|in\s+total|altogether|overall|nationwide|countrywide|across\s+the\s+(?:country|nation)"
               r"|(?:in|across)\s+(?:\d+|all|several|many)\s+(?:states|countries|counties|provinces|regions|districts))")
_WHOLE_OPENING = re.compile(rf"^\W*{_ALL_PLACES}\s*,", re.IGNORECASE)
_WHOLE_AFTER = re.compile(rf"[^,;.:()\d]{{0,50}}?\b{_ALL_PLACES}\b", re.IGNORECASE)
_NOT_A_PLACE = frozenset([*(m.capitalize() for m in MONTHS), *(m[:3].capitalize() for m in MONTHS),
                          *"Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(), *CURRENCY_CODES])
WHOLE = "*"  # the place of a figure stated for all places
_ATTRIBUTIVE = re.compile(r"\s+(?P<noun>[A-Za-z][\w-]+)")  # 'the 2021 flood': a year naming an event
_CHANGE_VERB = r"rose|risen|rises|rising|rise|increased|increases|increase|grew|grown|grows|grow|jumped|jump|" \
               r"climbed|climb|fell|fallen|falls|fall|dropped|drop|declined|decline|decreased|decrease|slipped|" \
               r"soared|soar|surged|surge|plunged|plummeted|tumbled|dipped|sank|up|down"
_CHANGE = rf"(?:{_CHANGE_VERB})"
_CHANGE_NOUN = r"increase|decrease|rise|drop|fall|growth|decline|jump|gain|loss"
_CHANGING = r"reduc(?:e|es|ed|ing)|cut(?:s|ting)?|lower(?:s|ed|ing)?|rais(?:e|es|ed|ing)|boost(?:s|ed|ing)?"
# a value before a change ("rose from $4.8 billion to ...", "will increase from", "up from 812 a day earlier", "up
# 12% from", "up from an $8.7 billion estimate", "lowered the central pressure from the previous 947 mb") is of
# another time
_PREVIOUS = re.compile(rf"\b(?:{_CHANGE}|{_CHANGING}|revis(?:e|es|ed|ing))\s+(?:[\w.,]+%?\s+){{0,3}}from\s+"
                       r"(?:an?\s+|the\s+)?(?:(?:previous|earlier|original|initial|prior)\s+)?"
                       r"(?:about\s+|around\s+|some\s+)?[$€£¥]?\s?$",
                       re.IGNORECASE)
# what a toll is said may come to be, not what it is: "the toll could pass 300", "will exceed 60", "more than 140
# people may be found dead", "the number might reach 75" (the month is no modal: "rose to 2.5% in May"; and "may have
# killed 90,000" guesses at the past)
_MODAL = r"(?:will|would|could|(?-i:may)|might|(?:is|are)\s+(?:expected|likely|projected|forecast)\s+to)"
_FORECAST_BEFORE = re.compile(rf"\b{_MODAL}(?!\s+have\b)(?:\s+[^\W\d_]+){{0,3}}\s*$"
                              rf"|\b(?:forecasts?|estimates?|expectations?|projections?|predictions?)\s+(?:of|for)\s+"
                              rf"(?:an?\s+)?(?:[^\W\d_]+\s+){{0,2}}$",
                              re.IGNORECASE)
# ... and the rate or share an outlook gives ("prices will climb to 5.8%", "forecasts of a 2.8% rise") is not
# what was measured; a plan's amount is what the plan is ('the dam will cost $3.8 billion')
_FORECAST_KINDS = frozenset({"percent", "rate"})
_FORECAST_AFTER = re.compile(rf"\s*(?:[^\W\d_]+\s+){{0,2}}{_MODAL}\b", re.IGNORECASE)
# the size of a change is not a level ("an increase of $12.4 billion", "fell by 12%", "up 31%", "reduce imports of
# electricity by 70%")
_CHANGE_SIZE = re.compile(rf"\b(?:(?:an?\s+)?(?:{_CHANGE_NOUN})\s+of|"
                          rf"{_CHANGE}\s+(?:only\s+|just\s+|\w+ly\s+)?(?:by\s+)?|"
                          rf"(?:{_CHANGE}|{_CHANGING})(?:\s+[^\W\d_]+){{1,6}}\s+by\s+)"
                          r"\s*(?:about\s+|around\s+|nearly\s+|some\s+)?[$€£¥]?\s?$",
                          re.IGNORECASE)
# A quick test, in lowercased text, for a word the two patterns above need: most figures follow none, and a search
# without IGNORECASE takes a fifth of the time.
_CHANGE_WORD = re.compile(rf"{_CHANGE_VERB}|{_CHANGE_NOUN}|{_CHANGING}|revis")
# a rating named beside a band of speeds defines the rating ("a Category 3 storm has winds of 111 to 129 mph", "EF4
# winds of 166-200 mph"): the band is no reading of a storm, and one rating's band is not another's
_RATING = re.compile(r"\b(?:(?P<category>[Cc]ategory|Cat\.?)\s*(?P<n>[1-5])|(?P<scale>E?F)-?(?P<f>[0-5]))\b")
_BAND = re.compile(r"(?P<low>\d[\d,]*(?:\.\d+)?)\s*(?:-|–|—|to)\s*(?P<high>\d[\d,]*(?:\.\d+)?)")
_BAND_WIDTH = 1.1  # a band's upper end is at least this times its lower end: '120 to 125 mph' is a reading
# the named scale of an intensity: "IX on the Modified Mercalli scale"
_SCALE_NAME = re.compile(r".*?\bon\s+the\s+(?P<name>(?:[A-Z][\w-]*\s+){1,3})[Ss]cale\b")
_THE_BEFORE = re.compile(r"\bthe\s+(?:[A-Z][a-z]+\s+)?$")  # ... after 'the' or 'the July'
# the part of a population a share, rate or amount is stated for, named after its measure and before its figure: "the
# unemployment rate for Ostvalers fell to 3.9%", "poverty among children stood at 16%", "income for women was $41,200"
_GROUP_BEFORE = re.compile(r"\b(?:for|among)\s+(?:the\s+|all\s+)?(?P<group>[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){0,2})"
                           r"[^,;:()\d]*$", re.IGNORECASE)
_GROUPED_KINDS = frozenset({"percent", "rate", "money"})
_STATE_VERBS = frozenset("was were is are stood stands reached hit remained remains came comes held holds".split())
# ... where the words after "for" are a time, a measure of one, or a reason, not a part of the population
_NOT_A_GROUP = frozenset(["year", "years", "month", "months", "week", "weeks", "quarter", "period", "decade", "day",
                          "days", "season", "time", "first", "second", "third", "last", "next", "example", "instance",
                          "comparison", "now", "today", "each", "every", "which", "that", *MONTHS])
_PART_KINDS = frozenset({"count"})  # what a part of a whole is counted in
# how what is counted came of the event, the word nearest the figure in its clause: "41 deaths directly attributed",
# "56 other deaths indirectly tied", "97 attributed directly or indirectly", "indirect losses of $310 million"
_CAUSE = re.compile(r"\b(?:(?P<all>(?:either\s+)?direct(?:ly)?\s+(?:or|and)\s+indirect(?:ly)?)"
                    r"|(?P<indirect>indirect(?:ly)?)|(?P<direct>direct(?:ly)?))\b", re.IGNORECASE)
_CAUSE_REACH = 60  # characters either side of a figure where the word of its cause is read
_CAUSE_BREAK = re.compile(r"[,;:]\s|\s(?:and|but|while|although|though)\s")  # (... in its own clause)
_CAUSE_KINDS = frozenset({"count", "money"})
# the first span of time after an event a toll is counted over: "900 had died within two weeks", "600 died over
# the first few days" (a toll then, which the toll told later may outgrow)
_WINDOW = re.compile(r"[^.;:]{0,40}?\b(?:within|in\s+the\s+first|during\s+the\s+first|over\s+the\s+first)\s+"
                     r"(?P<span>(?:[\w-]+\s+){0,2}?(?:hours?|days?|weeks?|months?))\b", re.IGNORECASE)
# ... and the toll of the moment itself: "640 were killed outright", "killed 40 instantly", "the immediate toll of
# 90", "died in the immediate aftermath"
_AT_ONCE_AFTER = re.compile(r"[^.;:,\d]{0,40}?\b(?:outright|instantly|instantaneously|immediately|at\s+once"
                            r"|on\s+the\s+spot|in\s+the\s+immediate\s+aftermath)\b", re.IGNORECASE)
_AT_ONCE_BEFORE = re.compile(r"\b(?:immediate(?:ly)?|instant(?:ly)?)\b[^.;:,\d]{0,30}$", re.IGNORECASE)
# how badly people were hurt: "1,300 seriously wounded", "critically injuring 40", "700 serious injuries" are
# fewer than all the injured, and "minor injuries" are others
_HOW_BADLY = (r"(?:(?P<bad>seriously|severely|critically|gravely|badly|serious|severe|critical|grave)"
              r"|(?P<minor>minor|slightly))")
_HURT = r"(?:injur\w*|wound\w*|hurt|burn(?:s|ed)?)"
_HOW_BADLY_AFTER = re.compile(rf"\s+(?:(?:people|persons|others)\s+)?(?:(?:were|was|suffered|sustained|received)\s+)?"
                              rf"{_HOW_BADLY}\s+{_HURT}\b", re.IGNORECASE)
_HOW_BADLY_BEFORE = re.compile(rf"\b{_HOW_BADLY}\s+{_HURT}\s+(?:at\s+least\s+|about\s+|some\s+|nearly\s+)?$",
                               re.IGNORECASE)
# a count of a part of a whole the sentence states, which is not the count of all of that kind: "killing 17 of the
# 48 people on board" (values.PART_OF_A_WHOLE), "Of the 48 persons aboard, 17 were killed"
_OF_A_WHOLE_BEFORE = re.compile(r"\b(?:out\s+)?[Oo]f\s+(?:the|those|these|its|their)\s+[\d,]+\s+[^\d,;.]{1,40},\s*$")
# an amount in the money of another year is another amount than one in the money of its day: "$29 billion in 2032
# dollars", "about $3 billion in today's dollars", "$2.6 billion, adjusted for inflation"
_PRICES = re.compile(r"\s*[(,]?\s*(?:(?:in|at)\s+(?:constant\s+)?(?P<basis>(?:19|20)\d\d|today['’]s|current)"
                     r"(?:\s+U\.?S\.?)?\s+dollars"
                     r"|(?:when\s+|once\s+)?(?:adjusted\s+for\s+inflation|inflation[\s-]adjusted))", re.IGNORECASE)
_EARLIER_REACH = 120  # characters before a figure where a word saying it is an earlier report's is read
_ADJACENT = 12  # characters after a figure within which the word of a shock is the one it names
_DIMENSION_REACH = 50  # characters before a length where the noun of its dimension is read
_MOMENT_REACH = 90  # characters either side of a date where the word of the moment it names is read
# what ends the clause of a date before the word of its moment ("on Thursday, November 8" does not, nor the full
# stop of an abbreviation within its sentence: "landed at 4:10 p.m. (CST) May 3")
_MOMENT_BREAK = re.compile(r"[;!?]\s|,\s+(?:and|but|while|whereas|although|though|which|who)\b")
_CAPITAL = "A-ZÀ-ÖØ-ÞА-ЯЁ"  # the capitals a place's name opens with, in the scripts read
_PLACE_NAME = rf"(?P<place>[{_CAPITAL}][\w'’-]*(?:[\s-]+[{_CAPITAL}][\w'’-]*)*)"


class _Told(NamedTuple):
    """What a language says that sets a figure apart from others of its words (see _told_apart)."""

    earlier: re.Pattern[str] | None  # a word saying a figure is an earlier report's, in lowercased text
    earlier_needs: tuple[str, ...]  # its quick test: the first letters of each of its phrases
    earlier_spans: frozenset[str]  # spans of time that, right before such a word, count back from the figure before
    earlier_until: re.Pattern[str] | None  # a word that, after such a word, turns to what is now ('but')
    shocks: re.Pattern[str] | None  # a word naming a shock: group 'after' an aftershock, in lowercased text
    distance_from: re.Pattern[str] | None  # the place a distance is measured from, matched right after it
    dimension_after: re.Pattern[str] | None  # the dimension a length measures, matched right after it
    dimension_before: re.Pattern[str] | None  # ... or searched in the words before it, the last match nearest
    part: re.Pattern[str] | None  # the part of a whole a figure counts, matched in the words right after it
    moment: re.Pattern[str] | None  # the moment of an event a date names (its start, its end)


def _phrases(words: Iterable[str]) -> str:
    """A regex for any of the phrases, longest first, a '*' standing for the rest of a word, spaces for any run."""
    return "|".join(re.escape(w).replace(r"\*", r"[\w-]*").replace(r"\ ", r"\s+")
                    for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=8)
def _told_apart(language: str) -> _Told:
    """A language's words that tell an earlier report's figure, an aftershock's, the place a distance is measured
    from, the dimension a length measures and the part of a whole a figure counts (keys 'earlier', 'earlier_spans',
    'earlier_until', 'aftershocks', 'distance_from', 'distance_directions', 'name_of', 'dimension_after',
    'dimension_before', 'part_joined', 'date_moment' of its data file)."""
    said = data(language)
    earlier, until = said.get("earlier", []), said.get("earlier_until", [])
    aftershocks = said.get("aftershocks", [])
    shocks = None
    if aftershocks:
        quake = [w for w, concept in concepts(language).items() if concept == "quake"]
        shocks = re.compile(rf"(?<!\w)(?:(?P<after>{_phrases(aftershocks)})|{_phrases(quake)})(?!\w)")
    distance_from = None
    if said.get("distance_from"):
        directions = said.get("distance_directions", [])
        named = _phrases(said.get("name_of", []))
        distance_from = re.compile(
            r"\s*(?:\([^()]{0,40}\)\s*)?"  # a conversion: '32 km (20 miles) south-west of'
            + (rf"(?:(?:{_phrases(directions)})\s+)?" if directions else "")
            + rf"(?:{_phrases(said['distance_from'])})(?:\s+|(?<=['’]))"
            + (rf"(?:(?:[^\W\d_][\w'’-]*\s+){{1,4}}?(?:{named})(?:\s+|(?<=['’])))?" if named else "")
            + rf"(?:[^\W\d_{_CAPITAL}][\w'’-]*\s+){{0,2}}?{_PLACE_NAME}")
    after, before = said.get("dimension_after", {}), said.get("dimension_before", {})
    dimension_after = re.compile(  # past a conversion or a hyphen: '612 ft (187 m) high', 'a 38-km-wide basin'
        r"[\s.-]*(?:\([^()]{0,40}\)\s*)?(?:"
        + "|".join(f"(?P<{name}>{_phrases(words)})" for name, words in after.items()) + r")(?!\w)",
        re.IGNORECASE) if after else None
    dimension_before = re.compile(  # a few words before: 'a height of about 612 feet', 'высотой около 187 м'
        r"(?<!\w)(?:" + "|".join(f"(?P<{name}>{_phrases(words)})" for name, words in before.items())
        + r")(?=(?:\s+[^\W\d]+){0,4}\s*$)", re.IGNORECASE) if before else None
    joined = said.get("part_joined", [])
    part = re.compile(  # a few words on, in its clause: '4,100 ferry-related deaths', 'died of a fire-linked cause'
        rf"(?:\s+[^\W\d_][\w'’]*){{0,5}}?\s+(?P<part>[^\W\d_]+)-(?:{_phrases(joined)})(?!\w)") if joined else None
    moments = said.get("date_moment", {})
    moment = re.compile(r"(?<!\w)(?:" + "|".join(f"(?P<{name}>{_phrases(words)})" for name, words in moments.items())
                        + r")(?!\w)", re.IGNORECASE) if moments else None
    return _Told(re.compile(rf"(?<!\w)(?:{_phrases(earlier)})(?!\w)") if earlier else None,
                 tuple(sorted({w[:4] for w in earlier})), frozenset(said.get("earlier_spans", [])),
                 re.compile(rf"(?<!\w)(?:{_phrases(until)})(?!\w)") if until else None, shocks, distance_from,
                 dimension_after, dimension_before, part, moment)


def _told_qualifiers(said: str, start: int, end: int, kind: str, language: str) -> set[tuple[str, str]]:
    """What the words of any language read set a figure apart by: a figure an earlier report gave ('the ministry had
    earlier reported 820 deaths'), an aftershock's magnitude, the place a distance is measured from, the dimension a
    length measures, the part of a whole a figure counts ('4,100 ferry-related deaths')."""
    told = _told_apart(language)
    found: set[tuple[str, str]] = set()
    if told.earlier is not None and kind not in DATE_KINDS:
        lead = said[max(0, start - _EARLIER_REACH):start].lower()
        if any(n in lead for n in told.earlier_needs):
            nearest = list(told.earlier.finditer(lead))[-1:]  # the one nearest the figure
            # with no other figure between, nor a span right before it, which counts back from the figure before it
            # ('SEK 94 million a year earlier'), nor a word between that turns to what is now ('but')
            if nearest and not _DIGITS.search(lead, nearest[0].end()) and told.earlier_spans.isdisjoint(
                    WORD.findall(lead, 0, nearest[0].start())[-1:]) and not (
                    told.earlier_until and told.earlier_until.search(lead, nearest[0].end())):
                found.add(("previous", ""))
    if told.shocks is not None and kind in READINGS:
        shocks = [m for m in told.shocks.finditer(said.lower()) if m.end() <= start or m.start() >= end]
        # the shock the figure names right after it ('a magnitude 4.9 aftershock'), else the nearest one before it
        # ('the aftershocks, the strongest of magnitude 4.9'; 'the quake had a magnitude of 6.8 and was followed by
        # aftershocks'), else the first one after it
        following = [m for m in shocks if m.start() >= end]
        before = [m for m in shocks if m.end() <= start]
        shock = following[0] if following and following[0].start() - end <= _ADJACENT else (
            before[-1] if before else next(iter(following), None))
        if shock is not None and shock["after"] is not None:
            found.add(("aftershock", ""))
    if told.distance_from is not None and kind == "length":
        place = told.distance_from.match(said, end)
        if place and place["place"].split()[0] not in _NOT_A_PLACE:
            found.add(("from", place["place"]))
    if told.dimension_after is not None and kind == "length":
        dimension = told.dimension_after.match(said, end) or next(reversed(list(
            told.dimension_before.finditer(said, max(0, start - _DIMENSION_REACH), start))), None)
        if dimension:
            found.add(("dimension", dimension.lastgroup))
    if told.moment is not None and kind in ("date", "time"):
        low = max(0, start - _MOMENT_REACH)
        near = [(start - m.end() if m.end() <= start else m.start() - end, m.start(), m.lastgroup)
                for m in told.moment.finditer(said, low, end + _MOMENT_REACH) if m.end() <= start or m.start() >= end]
        if near:  # the word nearest the date, in its clause
            _, at, name = min(near)
            if not _MOMENT_BREAK.search(said, min(at, end), max(at, start)):
                found.add(("moment", str(name)))
    if told.part is not None and kind in _PART_KINDS and "-" in said[end:end + 80]:
        part = told.part.match(said, end)
        if part:
            found.add(("part", term_in(part["part"].lower(), language)))
    return found


def qualifiers_of(said: str, start: int, end: int, kind: str, language: str,
                  toll: bool = False) -> Qualifiers:
    """What sets a figure apart from others of its measure, read from its sentence: ('peak', ''),
    ('occurrence', 'landfall|second'), ('duration', '5 year'), ('holder', 'Carrasca'), ('names', 'flood'),
    ('scale', 'modified mercalli'), ('place', 'Ostvale'), ('band', 'ef4')."""
    found = _told_qualifiers(said, start, end, kind, language)
    if language != "en":
        return frozenset(found) if found else frozenset()
    before, after = said[:start], said[end:]
    lead = before[-60:]  # (the patterns read before a figure look this far back)
    if kind != "rank":  # a rank's own ordinal is its value
        # a sentence may tell of two ('reached Category 4 before its first landfall ..., and Category 2 at its
        # second landfall'): the figure is of the one in its own clause, else of the one nearest it
        clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(said, 0, start)), default=0)
        clause_end = next((m.start() for m in _CLAUSE_BREAK.finditer(said, end)), len(said))
        nearest: dict[str, tuple[bool, int, str]] = {}  # noun -> (out of the clause, distance, ordinal)
        occurrences = _OCCURRENCE.finditer(said) if _OCCURRENCE_WORD.search(said.lower()) else ()
        for m in occurrences:
            noun = m["noun"].lower()
            # 'the third lowest pressure' is a rank, not the third of something
            if (m.end() <= start or m.start() >= end) and noun not in STOP_WORDS and not _SUPERLATIVE.fullmatch(noun):
                ordinal = "first" if m["ordinal"].lower() == "initial" else m["ordinal"].lower()
                place = (not clause_start <= m.start() < clause_end, max(start - m.end(), m.start() - end), ordinal)
                nearest[term(noun)] = min(nearest.get(term(noun), place), place)
        found.update(("occurrence", f"{noun}|{ordinal}") for noun, (_, _, ordinal) in nearest.items())
    clauses = re.split(r"[;.,]\s", before)
    clause = clauses[-1]
    bracket = _BRACKET_AFTER.match(after)  # "Category 5 status (with peak sustained winds of 175 mph)"
    last_words = [w.lower() for w in WORD.findall(clause)[-6:]]
    # (a figure set after a comma is of the clause before: "paid the highest toll to date, $412,000")
    told_before = last_words or [w.lower() for w in WORD.findall(" ".join(clauses[-2:]))[-8:]]
    found.update(("extreme", _EXTREMES[w]) for w in told_before if w in _EXTREMES)
    if _PEAK.intersection(last_words) or (
            bracket and {"peak", "top"}.intersection(w.lower() for w in WORD.findall(bracket[1])[:3])):
        found.add(("peak", ""))
    # (a distance from a place is no change: 'the ferry went down 9 miles off Varn Head')
    if kind not in DATE_KINDS and _CHANGE_WORD.search(lead.lower()) and not any(k == "from" for k, _ in found):
        if _PREVIOUS.search(lead):
            found.add(("previous", ""))
        elif _CHANGE_SIZE.search(lead):
            found.add(("change", ""))
    spread = None
    if kind in ("money", "count") or kind in MEASURE_KINDS:
        spread = _DURATION.search(after[:40]) or (_SPAN_BEFORE.search(lead) if "-" in lead else None)
    if spread:
        n = CARDINALS.get(spread["n"].lower(), spread["n"])
        found.add(("duration", f"{n} {spread['unit'].lower().rstrip('s')}"))
    holder = (_HOLDER_BEFORE.search(before[-40:]) or _HOLDER_AFTER.match(after)) if kind == "rank" else None
    if holder:
        found.add(("holder", holder["holder"]))
    elif kind == "rank" and _WORLD_AFTER.match(after):
        found.add(("holder", "world"))  # "the second longest in the world" is not "the fourth-longest in Orvenia"
    scale = _SCALE_NAME.match(said, start, end + 60) if kind == "scale" else None
    if scale:
        found.add(("scale", " ".join(scale["name"].lower().split())))
    if kind in PLACED_KINDS:
        place = _place(before, after)
        if place:
            found.add(("place", place))
    named = _ATTRIBUTIVE.match(after) if kind in DATE_KINDS and _THE_BEFORE.search(before) else None
    if named and named["noun"].lower() not in STOP_WORDS:
        found.add(("names", term(named["noun"].lower())))
    band = _BAND.search(said, start, end) if kind == "speed" else None
    rating = _RATING.search(said) if band else None
    low, high = (float(band[side].replace(",", "")) for side in ("low", "high")) if band else (0.0, 0.0)
    if rating and high >= _BAND_WIDTH * low:
        rated = "category" if rating["category"] else rating["scale"].lower()
        found.add(("band", f"{rated} {rating['n'] or rating['f']}"))
    if (toll or kind in _FORECAST_KINDS) and _foretold(clause, said, end):
        found.add(("forecast", ""))
    window = _WINDOW.match(said, end) if toll else None
    if window:  # "900 had died within two weeks": the toll then, not the toll
        found.add(("window", " ".join(window["span"].lower().split()).rstrip("s")))
    elif toll and (_AT_ONCE_AFTER.match(said, end) or _AT_ONCE_BEFORE.search(lead)):
        found.add(("window", "immediate"))
    badly = (_HOW_BADLY_AFTER.match(said, end) or _HOW_BADLY_BEFORE.search(lead)) if toll else None
    if badly:
        found.add(("severity", "minor" if badly["minor"] else "serious"))
    prices = _PRICES.match(after) if kind == "money" else None
    if prices:
        basis = (prices["basis"] or "").lower()
        found.add(("prices", basis if basis[:1].isdigit() else "today"))  # (today's, current, adjusted)
    if kind in _PART_KINDS and (PART_OF_A_WHOLE.match(after) or _OF_A_WHOLE_BEFORE.search(lead)
                                or _part_of_them(after) or _breakdown_item(said, start, after)):
        found.add(("part", "of a whole"))
    cause = _cause(said, start, end) if kind in _CAUSE_KINDS and "direct" in said.lower() else ""
    if cause:
        found.add(("cause", cause))
    group = _group(clause) if kind in _GROUPED_KINDS and ("for " in clause or "mong " in clause) else ""
    if group:
        found.add(("group", group))
    return frozenset(found) if found else frozenset()  # (the empty one is one object: most figures have none)


def _cause(said: str, start: int, end: int) -> str:
    """How what a figure counts came of the event (see _CAUSE): 'direct', 'indirect', 'all' or ''."""
    near = [(start - m.end() if m.end() <= start else m.start() - end, m.lastgroup or "")
            for m in _CAUSE.finditer(said) if (m.end() <= start or m.start() >= end)
            and not _CAUSE_BREAK.search(said, min(m.end(), end), max(m.start(), start))]
    return min(near)[1] if near and min(near)[0] <= _CAUSE_REACH else ""


def _group(clause: str) -> str:
    """The part of a population a figure's clause states it for (see _GROUP_BEFORE), by the stems of its words up
    to its verb; '' when none."""
    m = _GROUP_BEFORE.search(clause[-80:])
    if m is None:
        return ""
    words = []
    for word in m["group"].lower().split():
        if word in STOP_WORDS or word in _STATE_VERBS or re.fullmatch(_CHANGE, word) or word.endswith("ed"):
            break
        words.append(word)
    if not words or _NOT_A_GROUP.intersection(words):
        return ""
    return " ".join(term(w) for w in words)


def _place(before: str, after: str) -> str:
    """The place a figure is stated for, read around it (see _PLACE_OPENING): a name, WHOLE, or ''."""
    if _WHOLE_AFTER.match(after) or _WHOLE_OPENING.match(before):
        return WHOLE
    for m in (_PLACE_OPENING.match(before), _PLACE_AFTER.match(after), _PLACE_BRACKET.search(before)):
        if m and m["holder"].split()[0] not in _NOT_A_PLACE:
            part = _PART_OF_PLACE.match(after, m.end()) if m.re is _PLACE_AFTER else None
            return part["holder"] if part and part["holder"].split()[0] not in _NOT_A_PLACE else m["holder"]
    return ""


def _same_name(a: str, b: str) -> bool:
    """One name, or a name and its initials ('United States', 'US'), or a name and a longer one it begins or
    ends ('Ostvale City', 'Upper Ostvale')."""
    a, b = a.replace(".", ""), b.replace(".", "")  # 'U.S.' is 'US'
    initials = ["".join(w[0] for w in name.split()) if " " in name else name for name in (a, b)]
    shorter, longer = sorted((a.split(), b.split()), key=len)
    return (a == b or initials[0] == b or initials[1] == a or longer[:len(shorter)] == shorter
            or longer[-len(shorter):] == shorter)


def _same_origin(a: str, b: str) -> bool:
    """May two places distances are measured from be one? One name (_same_name), or one spelled or declined
    otherwise ('Marrakech', 'Marrakesh'; 'Варска', 'Варск'), or names in two scripts, which this cannot compare."""
    return (_same_name(a, b) or fuzz.ratio(a.lower(), b.lower()) >= FUZZY_STEM
            or (a[0] < "\u0400") != (b[0] < "\u0400"))


def _foretold(clause: str, said: str, end: int) -> bool:
    """Is a figure said as what it may come to ('the toll could pass 300', 'prices will climb to 5.8%'), not what it
    is? `clause` is the figure's clause up to it (as qualifiers_of cuts it). Asked of tolls, rates and shares only: a
    plan's amount is said the same way, 'the dam will cost $3.8 billion', and is what the plan is."""
    return bool(_FORECAST_BEFORE.search(clause[-40:]) or _FORECAST_AFTER.match(said, end))


def _told_of(qualifiers: Qualifiers) -> bool:
    """Is a date the day something was announced, not the day it happened?"""
    return ("moment", "announcement") in qualifiers


def _breakdown_item(said: str, start: int, after: str) -> bool:
    """'88 people died: 9 as a result of the quake, 71 from the mudslide': a count without a noun of its own, in a
    list after a colon that follows another count, is a part of that count."""
    colon = said.rfind(":", 0, start)
    return colon > 0 and NO_NOUN_ITEM.match(after) is not None and any(c.isdigit() for c in said[:colon])


def _part_of_them(after: str) -> bool:
    """'9 of them carrying ...', '30 of whom waited ...': a part of the whole named before, counted as that whole
    is. (But '800 of whom drowned' counts the dead: what befell them says what the count is.)"""
    of_them = OF_THEM.match(after)
    return of_them is not None and not any(w.lower() in measures() for w in WORD.findall(after[of_them.end():])[:3])


@lru_cache(maxsize=65536)
def set_apart(a: Qualifiers, b: Qualifiers) -> bool:
    """Do two figures' qualifiers say they measure different things? A peak is not a value at another
    time; a toll it may come to is not the toll; the second of something is not the first; amounts over five years
    are not those over ten; one country's rank is not another's; intensities on two named scales are two measures;
    a count or an amount of one place is not that of another, nor that of all places, nor an amount in the money of
    another year the amount of its day; a year naming an event dates that event only; the band of speeds that defines
    a rating is no reading, nor another rating's band; an aftershock's magnitude is not the main shock's; distances
    from two places are two distances; a height is not a width; the least of something is not the most; a time of one
    day is not one of another; what came of an event directly is not what came of it either way; a toll counted over
    the first days after an event is not the toll, nor is the toll of its moment or a count of the badly hurt all
    the hurt; the day a thing was announced is not the day it happened.

    Asked of millions of pairs of shapes in a big corpus, whose qualifiers are a few sets, shared: each pair of
    sets is worked out once."""
    if ("peak", "") in a ^ b or ("previous", "") in a ^ b or ("change", "") in a ^ b or ("forecast", "") in a ^ b \
            or any(k == "window" for k, _ in a) != any(k == "window" for k, _ in b) \
            or any(k == "severity" for k, _ in a) != any(k == "severity" for k, _ in b) \
            or _told_of(a) != _told_of(b):
        return True
    occurrences = [dict(v.rsplit("|", 1) for k, v in side if k == "occurrence") for side in (a, b)]
    if any(occurrences[1].get(noun, ordinal) != ordinal for noun, ordinal in occurrences[0].items()):
        return True
    if any(k == "band" for k, _ in a) != any(k == "band" for k, _ in b):  # a rating's band is no reading
        return True
    for name in ("duration", "holder", "scale", "place", "band", "dimension", "extreme", "moment", "day", "cause",
                 "window", "severity"):
        mine, theirs = ({v for k, v in side if k == name} for side in (a, b))
        if mine and theirs and not any(_same_name(x, y) for x in mine for y in theirs):
            return True
    if ("aftershock", "") in a ^ b:
        return True
    origins = [{v for k, v in side if k == "from"} for side in (a, b)]
    if origins[0] and origins[1] and not any(_same_origin(x, y) for x in origins[0] for y in origins[1]):
        return True
    named = [{v for k, v in side if k == "names"} for side in (a, b)]
    # a group's share is not all people's, nor a part's count the whole's, nor an amount in later money the amount
    groups = [{(k, v) for k, v in side if k in ("group", "part", "prices")} for side in (a, b)]
    return (bool(named[0] or named[1]) and named[0] != named[1]) or groups[0] != groups[1]
