"""The grammar of figures: what `find_figures` reads in a sentence, and how values compare."""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import kzfr_check.values as grammar
from kzfr_check.values import (  # noqa: PLC2701
    Figure,
    Value,
    _dateparser_date,
    _written_date,
    base_matters,
    find_figures,
    gap,
    parse_date,
    parse_number,
    parse_ordinal,
    relation,
)

BASE = dt.date(2022, 5, 20)
ROOT = Path(__file__).resolve().parents[1]
PROPERTY = settings(max_examples=200, deadline=None)


def figures(sentence: str, kind: str | None = None, base: dt.date | None = None) -> list[Figure]:
    found = find_figures(sentence, base)
    return [f for f in found if kind is None or f.value.kind == kind]


def only(sentence: str, kind: str, base: dt.date | None = None) -> Figure:
    """The single figure of a kind in a sentence; fails when there is none or more than one."""
    found = figures(sentence, kind, base)
    assert len(found) == 1, (sentence, find_figures(sentence, base))
    return found[0]


def value(sentence: str, kind: str, base: dt.date | None = None) -> Value:
    return only(sentence, kind, base).value


def texts(sentence: str, kind: str, base: dt.date | None = None) -> list[str]:
    return [f.value.text for f in figures(sentence, kind, base)]


# ------------------------------------------------------------------ ranks


@pytest.mark.parametrize(("sentence", "rank"), [
    ("France is the fourth largest investor.", "4"),
    ("Kazakhstan ranks 4th in the region.", "4"),
    ("France is fourth.", "4"),
    ("It is 4th.", "4"),
    ("He was second, after the champion.", "2"),
    ("Kazakhstan ranks third in the world.", "3"),
    ("It was ranked 3rd.", "3"),
    ("It is the third largest economy.", "3"),
    ("the world's third largest producer", "3"),
    ("the third most important partner", "3"),
    ("It is the third-longest river.", "3"),
    ("Kazakhstan is the ninth-largest country.", "9"),
    ("It is the fourth country in terms of investment.", "4"),
    ("It was the first country to recognise its independence.", "1"),
    ("She became the first woman to lead the bank.", "1"),
    ("It ranks first among its neighbours.", "1"),
])
def test_ordinal_that_places_something_in_a_ranking_is_a_rank(sentence: str, rank: str) -> None:
    v = value(sentence, "rank")
    assert v.text == rank
    assert v.low == v.high == int(rank)


@pytest.mark.parametrize(("sentence", "text", "n"), [
    ("France is one of the five major investors.", "top 5", 5),
    ("They are among its top five partners.", "top 5", 5),
    ("It is part of the top five investors.", "top 5", 5),
    ("It is among the top 10 exporters.", "top 10", 10),
    ("It is in the top-3 of the list.", "top 3", 3),
])
def test_bounded_rank_is_an_interval_from_first_to_n(sentence: str, text: str, n: int) -> None:
    v = value(sentence, "rank")
    assert (v.text, v.low, v.high) == (text, 1, n)


def test_rank_and_top_n_relate_as_intervals() -> None:
    third, top5, top10 = value("It ranks third.", "rank"), value("top five", "rank"), value("top 10", "rank")
    assert relation(third, top5) == "compatible"
    assert relation(value("It ranks 7th.", "rank"), top5) == "conflict"
    assert relation(top5, top10) == "compatible"


@pytest.mark.parametrize("sentence", [
    "They spent a third of the budget.",
    "Two thirds of the staff left.",
    "in the first nine months of 2022",
    "the 9th round of consultations",
    "My first business trip was to Moscow.",
    "The second weighty argument in favor of it is cost.",
    "for the first time in history",
    "in the 21st century",
    "on the 3rd of May",
    "the fifth anniversary",  # an anniversary without a base date, not a rank
    "The first step is to listen.",
    "This is the first.",
    "The first is here.",
    "Top 1.5 is not a ranking.",
])
def test_ordinal_that_numbers_a_sequence_or_part_is_not_a_rank(sentence: str) -> None:
    assert figures(sentence, "rank") == []


def test_fraction_is_neither_rank_nor_count() -> None:
    """A fraction of a whole is a share ('a third of the budget'); of anything else, nothing ('a third of a mile')."""
    assert [f.value.text for f in find_figures("They spent a third of the budget.")] == ["~33.3%"]
    assert find_figures("They walked a third of a mile.") == []


# ------------------------------------------------------------------ counts


@pytest.mark.parametrize(("sentence", "text", "counted"), [
    ("There are over 170 companies.", ">170", "companies"),
    ("There are more than 170 French companies.", ">170", "companies"),
    ("At least 12 people were hurt.", "≥12", "injured"),  # the word naming its measure, in its clause
    ("It has nearly 50 staff.", "≲50", "staff"),
    ("It sent about 40 ships.", "~40", "ships"),
    ("It hired ten workers.", "10", "workers"),
    ("It hired eleven workers.", "11", "workers"),
    ("It has twenty-five members.", "25", "members"),
    ("It has twenty five members.", "25", "members"),
    ("It has a hundred companies.", "100", "companies"),
    ("It has 2,500 companies.", "2500", "companies"),
    ("Some 1,000 staff work there.", "~1000", "staff"),
    ("Over 2 million people live there.", ">2000000", "people"),
    ("1.5 million people live there.", "1500000", "people"),
    ("Up to 30 vessels can dock.", "≤30", "vessels"),
    ("Fewer than 9 firms applied.", "<9", "companies"),  # synonyms name one concept (kzfr_check/lang/en.toml)
    ("Deaths: 4,374", "4374", "deaths"),  # a figure after its noun
    ("The toll stands at 812.", "812", "deaths"),
    ("The number of injured rose to 1,240 on Monday.", "1240", "injured"),
    ("The storm killed over 1,800 people.", ">1800", "deaths"),
    ("Eleven workers were killed.", "11", "deaths"),
    ("A crowd of 48,512 watched the final.", "48512", "crowd"),  # a verb after the count: its noun is before it
    ("Nearly 50,000 were at the stadium.", "≲50000", ""),  # ... or nowhere
    ("The ground averaged 11,400 this season.", "11400", "season"),  # 'this' names nothing
    ("Population (2011): 3.2 million--down from earlier.", "3200000", "population"),  # a dash ends its clause
    ("- Aftershocks recorded: 340", "340", "aftershocks"),  # a label names its head noun, not its participle
    ("- People rescued alive from the rubble: 1,390", "1390", "people"),
    ("Total number of deaths: 12", "12", "deaths"),
    ("Some 150,000 people remain in tents.", "~150000", "people"),  # people, not the tents they are in
    ("A five-layer sunshield protects it.", "5", "layer"),  # a count glued to its noun
    ("It ended a 19-match unbeaten run.", "19", "match"),
    ("This town of 12,000 literally went up in smoke.", "12000", "town"),  # an adverb names nothing counted
    ("The Orvel works were built by 3,000 labourers.", "3000", "labourers"),
    ("The number of labourers was 3,100.", "3100", "labourers"),  # named before it, then 'was'
    ("On the Orvel Viaduct 2,000 people were employed.", "2000", "people"),  # no name holds '2,000'
    ("A total of 61 confirmed casualties resulted from the fire.", "61", "casualties"),  # a participle, no verb
    ("Tallvik now has its 403 stores in Brena.", "403", "stores"),  # digits after a determiner: a figure
])
def test_count_keeps_its_bound_and_what_it_counts(sentence: str, text: str, counted: str) -> None:
    f = only(sentence, "count")
    assert (f.value.text, f.counted) == (text, counted)


def test_a_list_item_s_word_before_the_comma_names_its_own_figure_only() -> None:
    found = find_figures("40 Dead, 512 People Unaccounted For in Harlow Fire")
    assert [(f.value.text, f.counted) for f in found] == [("40", "deaths"), ("512", "missing")]


def test_count_span_includes_its_bound() -> None:
    sentence = "There are more than 170 French companies."
    f = only(sentence, "count")
    assert sentence[f.start:f.end] == "more than 170"


@given(st.integers(1000, 999_999_999), st.sampled_from(["people", "homes", "tonnes", "km"]))
@PROPERTY
def test_thousands_set_apart_by_spaces_read_as_one_number(n: int, noun: str) -> None:
    grouped = f"{n:,}".replace(",", " ")
    found = find_figures(f"Officials in Ostvale counted more than {grouped} {noun} by then.")
    assert len(found) == 1, found
    assert found[0].value.low in (n, n * 1000)  # a count, or a length in metres


@given(st.integers(1, 999), st.integers(1, 99), st.sampled_from([" billion dollars", "%", " per cent"]))
@PROPERTY
def test_a_decimal_comma_before_a_scale_or_a_percent_is_a_decimal_point(whole: int, part: int, after: str) -> None:
    """'61,4 billion', '3,5%': one or two digits after a comma never set thousands apart, whoever wrote them."""
    found = find_figures(f"Brena's exports reached {whole},{part}{after} last year.")
    assert len(found) == 1, found
    number = format(Decimal(f"{whole}.{part}").normalize(), "f")  # '1,10' is 1.1
    assert found[0].value.text in (f"USD {number} billion", f"{number}%"), (found[0].value.text, number)


@pytest.mark.parametrize(("sentence", "texts"), [
    ("Brena sent 1,25 ships and 1,500 people.", ["1500"]),  # no scale or percent: a decimal comma is not read
    ("It cost 1.5 billion Australian dollars.", ["AUD 1.5 billion"]),  # the other dollars, by their country
    ("The Orvel works took over 8 years to build.", [">8 yr"]),  # 'took over': a bound, not a span spread over
    ("The canal runs two hundred miles.", ["200 mi"]),  # hundreds in words
    ("It cost more than one hundred billion dollars.", [">USD 100 billion"]),
    ("Some three hundred and twenty-five people attended.", ["~325"]),
    ("Congress passed a $12-billion appropriation.", ["USD 12 billion"]),  # a scale joined by a hyphen
    ("The mission cost $US1.84 billion.", ["USD 1.84 billion"]),
    ("Losses were between 2 and 3 billion U.S. dollars.", ["USD 2–3 billion"]),
    ("The quake struck on 2003-06-02 at dawn.", ["2003-06-02"]),  # an ISO day, not the years 2003 to 2006
    ("After a seven-year flight, the Brask probe arrived.", ["7 yr"]),  # a span before the noun of what lasts it
    ("It was a five-year plan.", []),  # ... but not before a thing it names
    ("The peak storm surge of 6–9 ft coincided with high tide.", ["6–9 ft"]),  # a range of a measure, not a score
    ("Winds of 40-60 mph brought 6–9 inches of rain.", ["40–60 mph", "6–9 in"]),
    ("Orvel won 3-1 at home.", []),
    ("It was a 100-kt category 3 hurricane near category two strength.", ["100 kt", "category 3", "category 2"]),
    ("Orla made landfall on May 7, 2015 (Weather Center, 2015), as Holt et al. noted (Holt et al., 2016).",
     ["2015-05-07"]),  # a citation's year is no fact of the text
    ("In 2019 45 000 people left Brena.", ["2019", "45000"]),  # a year is never the head of a grouped number
    ("Brena counted between 50 000 and 60 000 voters.", ["50000–60000"]),
    ("By then 3 460 homes and 1 250 300 trees were lost.", ["3460", "1250300"]),
    ("Brena sent 4 2500 people.", ["2500"]),  # a group of other than three digits stays apart
    ("Brena sent 12 45 people.", ["45"]),
])
def test_thousands_by_spaces_and_numbers_that_only_stand_side_by_side(sentence: str, texts: list[str]) -> None:
    assert [f.value.text for f in find_figures(sentence)] == texts


def test_count_bounds_make_intervals() -> None:
    over = value("over 170 companies", "count")
    assert (over.low, over.high) == (170, math.inf)
    at_least = value("at least 12 people", "count")
    assert (at_least.low, at_least.high) == (12, math.inf)
    under = value("fewer than 9 firms", "count")
    assert (under.low, under.high) == (-math.inf, 9)
    exact = value("ten workers", "count")
    assert exact.low == exact.high == 10


def test_same_count_phrased_differently_agrees() -> None:
    assert relation(value("over 170 companies", "count"), value("more than 170 French companies", "count")) == "agree"
    assert relation(value("ten workers", "count"), value("10 workers", "count")) == "agree"


def test_counts_relate_by_their_bounds() -> None:
    assert relation(value("ten workers", "count"), value("eleven workers", "count")) == "conflict"
    assert relation(value("over 170 companies", "count"), value("200 companies", "count")) == "compatible"
    assert relation(value("over 170 companies", "count"), value("150 companies", "count")) == "conflict"
    assert relation(value("about 40 ships", "count"), value("42 ships", "count")) == "compatible"
    assert relation(value("nearly 50 staff", "count"), value("47 staff", "count")) == "compatible"
    assert relation(value("nearly 50 staff", "count"), value("51 staff", "count")) == "conflict"


@pytest.mark.parametrize("sentence", [
    "The two countries signed it.",
    "One of them left.",
    "3 min read",
    "Order No.25 was signed.",
    "Decree No. 17 was signed.",
    "He went to school #3 there.",
    "It ended at 16:43 local time.",
    "As reported [2] earlier.",
    "The COVID-19 pandemic hit trade.",
    "The G20 summit met.",
    "In 2008 trade grew.",
    "Both 3 sides agreed.",
    "It took 5 years to build.",
    "Version 2.5 shipped.",
    "Two-way trade between Ostvale and Brena grew.",  # between so many sides: no count of ways
    "It was a three-way race for the seat.",
])
def test_numbers_that_count_nothing_are_not_counts(sentence: str) -> None:
    assert figures(sentence, "count") == []


@pytest.mark.parametrize(("sentence", "kind", "counted"), [
    ("Damage estimates exceeded 100 billion dollars.", "money", "damage"),  # the concept among a label's words
    ("Ethnic groups: Kestrian 61.5%, Orvenian 22.1%.", "percent", "orvenian"),  # else the label's last word
    ("The storm had a maximum sustained wind speed of 185 km/h gusting to 210 km/h.", "speed", "gusts"),
    ("Exports to the Nordic country, mainly copper and lithium, were worth $1.63bn.", "money", "exports"),
    ("Ostvale's trade surplus with Brena passed 61 billion dollars.", "money", "surplus"),  # the head, not 'trade'
])
def test_an_amount_is_named_by_the_word_before_it(sentence: str, kind: str, counted: str) -> None:
    assert figures(sentence, kind)[-1].counted == counted


@pytest.mark.parametrize(("sentence", "figures_read"), [
    ("Malaria cases were 6% fewer than in the same period of 2022.", [("percent", "6%")]),  # a year compared with
    ("Exports rose 5% compared with 2021.", [("percent", "5%")]),
    ("More than 2000 people fled.", [("count", ">2000")]),  # a bound makes a count of a year's shape
    ("It opened in 2021.", [("date", "2021")]),
])
def test_a_year_compared_with_is_no_date_and_a_bounded_number_is_no_year(sentence: str, figures_read: list) -> None:
    assert [(f.value.kind, f.value.text) for f in find_figures(sentence)] == figures_read


@pytest.mark.parametrize(("sentence", "figures_read"), [
    ("Aftershocks | ≥30,000", [("count", "≥30000")]),  # a sign is a bound, with or without a space
    ("Total damage | > US$163.6 billion (estimated)", [("money", ">USD 163.6 billion")]),
    ("Casualties | 59,488–62,013 deaths, 140 missing", [("count", "59488–62013"), ("count", "140")]),  # a range
    ("Some 200-300 people left.", [("count", "200–300")]),
    ("The estimate was 21,000 to 44,000 barrels of oil per day.", [("flow", "21000–44000 bbl/day")]),  # a range
    ("Rovers won 3–0 at home.", []),  # a score
    ("It is a five-year plan for a 30-year-old road and a two-thirds majority.", []),  # spans, ages, fractions
    ("Max. intensity | MMI XII (Extreme)", [("scale", "intensity 12")]),
    ("As of 18 February, 40,642 people were killed.", [("count", "40642")]),  # a day of no known year, then a count
])
def test_signs_ranges_and_infobox_rows(sentence: str, figures_read: list) -> None:
    assert [(f.value.kind, f.value.text) for f in find_figures(sentence)] == figures_read


def test_labels_and_furniture_yield_no_figure_at_all() -> None:
    for sentence in ("3 min read", "No.25", "No. 17", "school #3", "[2]", "COVID-19", "G20"):
        assert find_figures(sentence) == [], sentence


def test_two_counts_in_one_sentence_are_both_found_in_order() -> None:
    assert texts("10 workers and 11 workers", "count") == ["10", "11"]


# ------------------------------------------------------------------ dates and periods


@pytest.mark.parametrize(("sentence", "text"), [
    ("in 2008 there", "2008"),
    ("in June 2008", "2008-06"),
    ("on 11 June 2008", "2008-06-11"),
    ("on June 11, 2008", "2008-06-11"),
    ("on June 11th, 2008", "2008-06-11"),
    ("on 11th June 2008", "2008-06-11"),
    ("on the 11th of June 2008", "2008-06-11"),
    ("on Nov. 29, 2022", "2022-11-29"),
    ("on 2022-06-05", "2022-06-05"),
])
def test_date_keeps_its_written_precision(sentence: str, text: str) -> None:
    assert value(sentence, "date").text == text


def test_dates_relate_by_precision() -> None:
    year, day = value("in 2008", "date"), value("on June 11, 2008", "date")
    assert relation(year, day) == "compatible"
    assert relation(year, value("in 2009", "date")) == "conflict"
    assert relation(value("11 June 2008", "date"), day) == "agree"
    assert relation(value("June 2008", "date"), day) == "compatible"
    assert relation(value("July 2008", "date"), day) == "conflict"
    assert relation(value("June 12, 2008", "date"), day) == "conflict"


def test_year_spans_its_whole_year() -> None:
    v = value("in 2008", "date")
    assert (v.low, v.high) == (dt.date(2008, 1, 1).toordinal(), dt.date(2008, 12, 31).toordinal())


@pytest.mark.parametrize("sentence", ["November 29-30, 2022", "29-30 November 2022", "29th-30th November 2022"])
def test_day_range_is_one_date_covering_its_days(sentence: str) -> None:
    f = only(sentence, "date")
    assert (f.start, f.end) == (0, len(sentence))
    assert f.value.text == "2022-11-29/30"
    assert (f.value.low, f.value.high) == (dt.date(2022, 11, 29).toordinal(), dt.date(2022, 11, 30).toordinal())
    assert relation(f.value, value("on 30 November 2022", "date")) == "compatible"
    assert relation(f.value, value("on 1 December 2022", "date")) == "conflict"


@pytest.mark.parametrize(("sentence", "text"), [
    ("from 2016 to 2020", "2016/2020"),
    ("in 2016–2020", "2016/2020"),
    ("in 2016-2020", "2016/2020"),
    ("in 2019–20", "2019/2020"),
    ("between 2005 and 2021", "2005/2021"),
    ("since 2005", "2005/.."),
    ("since June 2005", "2005-06/.."),
    ("in the first nine months of 2022", "2022-01/2022-09"),
    ("in the last three months of 2022", "2022-10/2022-12"),
    ("in the first half of 2022", "2022-01/2022-06"),
    ("in the third quarter of 2021", "2021-07/2021-09"),
    ("in Q2 2021", "2021-04/2021-06"),
])
def test_period_has_a_start_and_an_end(sentence: str, text: str) -> None:
    assert value(sentence, "period").text == text
    assert figures(sentence, "date") == []


@pytest.mark.parametrize("sentence", ["from 2020 to 2016", "in 2016-15", "in the first 13 months of 2020"])
def test_period_that_ends_before_it_starts_or_overflows_is_not_a_period(sentence: str) -> None:
    assert figures(sentence, "period") == []


def test_periods_relate_by_both_ends() -> None:
    a = value("from 2016 to 2020", "period")
    assert relation(a, value("2016–2020", "period")) == "agree"
    assert relation(a, value("from 2016 to 2021", "period")) == "conflict"
    assert relation(a, value("from 2015 to 2020", "period")) == "conflict"
    assert relation(value("since 2005", "period"), value("between 2005 and 2021", "period")) == "compatible"
    assert relation(value("since 2005", "period"), value("between 2006 and 2021", "period")) == "conflict"
    nine_months = value("the first nine months of 2022", "period")
    assert relation(nine_months, value("the first half of 2022", "period")) == "conflict"
    assert relation(value("from June 2016 to 2020", "period"), a) == "compatible"


def test_periods_with_the_same_start_but_different_ends_are_apart() -> None:
    a, b = value("from 2016 to 2020", "period"), value("from 2016 to 2025", "period")
    assert gap(a, b) == pytest.approx(4, abs=0.01)
    assert gap(b, a) == gap(a, b)


# ------------------------------------------------------------------ money


@pytest.mark.parametrize(("sentence", "text"), [
    ("It invested 17 billion USD.", "USD 17 billion"),
    ("It invested USD 17 billion.", "USD 17 billion"),
    ("It invested $2.5 billion.", "USD 2.5 billion"),
    ("It invested 2.5 billion dollars.", "USD 2.5 billion"),
    ("It invested $2.5bn.", "USD 2.5 billion"),
    ("It cost £9 billion.", "GBP 9 billion"),
    ("It cost about £9 billion.", "~GBP 9 billion"),
    ("It cost €300m.", "EUR 300 million"),
    ("It cost over €300m.", ">EUR 300 million"),
    ("It cost $1000 billion.", "USD 1 trillion"),
    ("It cost $0.05 billion.", "USD 50 million"),
    ("It cost 5,000 tenge.", "KZT 5000"),
])
def test_money_has_currency_and_amount(sentence: str, text: str) -> None:
    assert value(sentence, "money").text == text


def test_money_phrased_differently_agrees() -> None:
    assert relation(value("$2.5 billion", "money"), value("2.5 billion dollars", "money")) == "agree"
    assert relation(value("$2,500 million", "money"), value("$2.5 billion", "money")) == "agree"


def test_money_relates_by_bounds_and_precision() -> None:
    nine, about_nine = value("£9 billion", "money"), value("about £9 billion", "money")
    twelve = value("£12 billion", "money")
    assert relation(nine, about_nine) == "compatible"
    assert relation(nine, twelve) == "conflict"
    assert relation(about_nine, twelve) == "conflict"


def test_currencies_are_not_comparable() -> None:
    usd, eur, gbp = value("$9 billion", "money"), value("€9 billion", "money"), value("£9 billion", "money")
    assert len({usd.group_key, eur.group_key, gbp.group_key}) == 3
    assert usd.group_key == value("9 billion dollars", "money").group_key


# ------------------------------------------------------------------ percent


@pytest.mark.parametrize(("sentence", "text"), [
    ("It grew 90%.", "90%"),
    ("It grew 80 per cent.", "80%"),
    ("It grew 80 percent.", "80%"),
    ("It grew some 80%.", "~80%"),
    ("It grew 12.5%.", "12.5%"),
    ("It grew by more than 10%.", ">10%"),
])
def test_percent(sentence: str, text: str) -> None:
    assert value(sentence, "percent").text == text
    assert figures(sentence, "count") == []


def test_percents_relate_by_bounds() -> None:
    assert relation(value("80 per cent", "percent"), value("80%", "percent")) == "agree"
    assert relation(value("80 per cent", "percent"), value("some 80%", "percent")) == "compatible"
    assert relation(value("90%", "percent"), value("80%", "percent")) == "conflict"


# ------------------------------------------------------------------ measures


@pytest.mark.parametrize(("sentence", "kind", "text"), [
    ("It is 50.45 km long.", "length", "50.45 km"),
    ("It is 31 miles long.", "length", "31 mi"),
    ("It is 50 kilometres long.", "length", "50 km"),
    ("It is a 50-kilometre road.", "length", "50 km"),
    ("It produces 1.2 GW.", "power", "1.2 GW"),
    ("It shipped 12 tonnes.", "mass", "12 t"),
    ("It shipped 3.5 million tonnes of grain.", "mass", "3500000 t"),
    ("It covers 200 square kilometres.", "area", "200 km²"),
])
def test_measure_has_kind_and_unit(sentence: str, kind: str, text: str) -> None:
    assert value(sentence, kind).text == text
    assert figures(sentence, "count") == []


def test_measures_compare_across_units() -> None:
    km = value("50.45 km", "length")
    assert relation(km, value("31 miles", "length")) == "compatible"  # 31 mi is about 49.9 km
    assert relation(km, value("50 kilometres", "length")) == "compatible"
    assert relation(km, value("37.9 km", "length")) == "conflict"
    assert relation(km, value("40 miles", "length")) == "conflict"
    assert relation(value("1.2 GW", "power"), value("1200 MW", "power")) == "compatible"


def test_elliptic_number_takes_the_unit_named_before_it() -> None:
    sentence = "The tunnel is 50.45 kilometres, 37.9 of them under the sea."
    found = figures(sentence, "length")
    assert [f.value.text for f in found] == ["50.45 km", "37.9 km"]
    assert sentence[found[1].start:found[1].end] == "37.9"
    assert relation(found[1].value, value("37.9 km", "length")) == "agree"
    assert figures(sentence, "count") == []


def test_elliptic_number_after_tonnes_does_not_crash() -> None:
    assert texts("They shipped 12 tonnes, 5 of them by rail.", "mass") == ["12 t", "5 t"]


def test_elliptic_number_without_a_measure_before_it_is_nothing() -> None:
    assert find_figures("There were 37 of them.") == []


# ------------------------------------------------------------------ anniversaries


def test_ordinal_anniversary_counts_back_from_the_base_date() -> None:
    v = value("They marked the 30th anniversary of relations.", "anniversary", BASE)
    assert v.text == "1992"
    assert figures("They marked the 30th anniversary of relations.", "rank", BASE) == []


def test_years_since_counts_back_from_the_year_the_sentence_names() -> None:
    sentence = "In 2017, the countries celebrated 25 years since the establishment of relations."
    assert value(sentence, "anniversary").text == "1992"
    assert value(sentence, "anniversary", BASE).text == "1992"
    assert texts(sentence, "date") == ["2017"]


def test_anniversary_agrees_with_its_year() -> None:
    a = value("the 30th anniversary", "anniversary", BASE)
    b = value("In 2017, they celebrated 25 years since independence.", "anniversary")
    assert relation(a, b) == "agree"
    c = value("the 25th anniversary", "anniversary", BASE)
    assert relation(a, c) == "conflict"
    assert gap(a, c) == pytest.approx(4, abs=0.01)


def test_anniversary_needs_a_year_to_count_from() -> None:
    assert find_figures("They marked the 30th anniversary of relations.") == []
    assert find_figures("They celebrated 25 years since independence.") == []


def test_years_after_another_event_do_not_count_from_the_base_date() -> None:
    # "six years after the treaty" dates the opening from the treaty, not from the day of writing
    assert figures("The port opened six years after the treaty.", "anniversary", BASE) == []
    assert value("In 2017 the port opened six years after the treaty.", "anniversary", BASE).text == "2011"


@pytest.mark.parametrize("sentence", ["after six years of construction", "six years of construction took place"])
def test_duration_is_not_an_anniversary(sentence: str) -> None:
    assert [f.value.text for f in find_figures(sentence, BASE)] == ["6 yr"]  # a span of time, not a year


# ------------------------------------------------------------------ number helpers


@pytest.mark.parametrize(("text", "n"), [
    ("13,000", 13000), ("twenty-five", 25), ("twenty five", 25), ("a hundred", 100), ("2.5", Decimal("2.5")),
    ("ninety-nine", 99), ("zero", 0),
])
def test_parse_number(text: str, n: Decimal | int) -> None:
    assert parse_number(text) == n


def test_parse_number_rejects_words() -> None:
    assert parse_number("companies") is None


@pytest.mark.parametrize(("text", "n"), [
    ("first", 1), ("4th", 4), ("twenty-first", 21), ("11th", 11), ("hundredth", 100), ("Third", 3),
])
def test_parse_ordinal(text: str, n: int) -> None:
    assert parse_ordinal(text) == n


def test_parse_ordinal_rejects_cardinals() -> None:
    assert parse_ordinal("four") is None
    assert parse_ordinal("4") is None


def test_parse_date_keeps_only_what_was_written() -> None:
    assert parse_date("2008") == (2008, None, None)
    assert parse_date("June 2008") == (2008, 6, None)
    assert parse_date("11 June 2008") == (2008, 6, 11)
    assert parse_date("31 November 2022") is None is _dateparser_date("31 November 2022", None)


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")


@settings(max_examples=150, deadline=None)
@given(st.dates(min_value=dt.date(1500, 1, 1), max_value=dt.date(2199, 12, 31)), st.integers(0, 7),
       st.booleans(), st.booleans())
def test_written_dates_read_as_dateparser_reads_them(day: dt.date, form: int, short: bool, ordinal: bool) -> None:
    """The standard-library path for common written dates gives what dateparser gives, precision included."""
    month = _MONTH_NAMES[day.month - 1]
    month = month[:3] + ("." if len(month) > 3 else "") if short else month
    d = f"{day.day}{'th' if ordinal and day.day in (4, 5, 11, 12, 13, 20) else ''}"
    expr = (f"{d} {month} {day.year}", f"{month} {d}, {day.year}", f"{month} {d} {day.year}", f"{month} {day.year}",
            f"{month}, {day.year}", day.isoformat(), f"{d} of {month} {day.year}", str(day.year))[form]
    assert _written_date(expr) == _dateparser_date(expr, None), expr


# ------------------------------------------------------------------ relation and gap


def test_gap_is_years_for_dates_and_doublings_for_amounts() -> None:
    assert gap(value("in 2008", "date"), value("in 2012", "date")) == pytest.approx(3, abs=0.01)
    assert gap(value("100 ships", "count"), value("400 ships", "count")) == pytest.approx(2)
    assert gap(value("in 2008", "date"), value("June 2008", "date")) == 0


def test_gap_to_an_open_bound_below_zero_is_infinite() -> None:
    assert gap(value("fewer than 9 firms", "count"), value("0 firms", "count")) == 0
    assert gap(Value("count", "0", 0, 0), Value("count", "5", 5, 5)) == math.inf


# ------------------------------------------------------------------ properties


@PROPERTY
@given(st.text())
def test_find_figures_never_raises_and_spans_lie_inside(sentence: str) -> None:
    for base in (None, BASE):
        for f in find_figures(sentence, base):
            assert 0 <= f.start < f.end <= len(sentence)


WORDS = st.sampled_from([
    "over", "more than", "about", "at least", "nearly", "the", "first", "third", "4th", "top", "five", "of",
    "them", "2008", "June", "11", "2022-06-05", "$", "£", "€", "2.5", "billion", "m", "per cent", "%", "km",
    "miles", "anniversary", "30th", "years", "since", "In", "from", "to", "between", "and", "-", "–", ",", ".",
    "No.", "#", "[2]", "16:43", "companies", "COVID-19", "celebrated", "25", "one", "twenty-five", "ranks",
])


def _without_shortcuts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every pattern run over every position of the sentence, as plainly as re can."""
    monkeypatch.setattr(grammar, "PATTERNS", [p._replace(needs=None, number_led=False) for p in grammar.PATTERNS])


@settings(max_examples=500, deadline=None)
@given(st.lists(WORDS | st.sampled_from([
    "celebrating", "million", "tonnes", "millionkm", "quarter", "half", "months", "Q3", "USD", "dollars", "one of the",
    "among the", "largest", "approximately", "no fewer than", "\n\n   ", "A380", "3,5", "twenty-one", "a hundred",
    "twenty-first", "hundredth", "5km", "1.5", "spread over", "some", "~", "feet", "inches", "ft.", "in.", "Figure",
    "Table", "today", "equivalent to", "(", ")", "Expo", "Spring", "cubic yards", "cfs"]), max_size=14))
@example(["1.5", "In", "a hundred"])  # a share as a ratio, 'in a hundred' (its shortcut once missed it)
@example(["one", "in", "eleven", "adults"])
def test_the_shortcuts_of_the_finder_miss_no_figure(words: list[str]) -> None:
    """Skipping a pattern whose needed words a sentence lacks, and searching number-led patterns from
    near each number, find the same figures as running every pattern over every position."""
    sentence = " ".join(words)
    fast = find_figures(sentence, BASE)
    with pytest.MonkeyPatch.context() as monkeypatch:
        _without_shortcuts(monkeypatch)
        assert find_figures(sentence, BASE) == fast


def test_the_shortcuts_of_the_finder_miss_no_figure_in_any_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    folders = [ROOT / "seeds", *sorted(p for p in (ROOT / "tests" / "corpora").iterdir() if p.is_dir())]
    lines = [line for folder in folders for path in sorted(folder.iterdir())
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    fast = [find_figures(line, BASE) for line in lines]
    _without_shortcuts(monkeypatch)
    assert [find_figures(line, BASE) for line in lines] == fast
    assert sum(map(len, fast)) > 300  # the corpora are full of figures: the comparison means something


def _corpus_texts() -> list[str]:
    folders = [ROOT / "seeds", *sorted(p for p in (ROOT / "tests" / "corpora").iterdir() if p.is_dir())]
    return [path.read_text(encoding="utf-8") for folder in folders for path in sorted(folder.iterdir())]


def test_only_an_anniversary_or_a_day_without_its_year_reads_the_reference_date() -> None:
    """A sentence base_matters says nothing of reads the same with any reference date: this is what
    lets a process reuse what it read in a sentence for the same sentence in a document of another date."""
    lines = [line for text in _corpus_texts() for line in text.splitlines() if line.strip()]
    independent = [line for line in lines if not base_matters(line)]
    assert len(independent) > 300
    for line in independent:
        assert find_figures(line, BASE) == find_figures(line, None) == find_figures(line, dt.date(1999, 1, 1))
    assert base_matters("They marked the 30th anniversary.") and base_matters("It was 25 years since then.")
    assert find_figures("They marked the 30th anniversary.", BASE) != find_figures("They marked the 30th anniversary.")
    assert base_matters("The vaccines arrived on 20 February.")
    assert [f.value.text for f in find_figures("The vaccines arrived on 20 February.", dt.date(2023, 3, 2))] == [
        "2023-02-20"]
    assert [f.value.text for f in find_figures("It struck on 28 December.", dt.date(2024, 1, 3))] == ["2023-12-28"]
    assert find_figures("The vaccines arrived on 20 February.") == []  # a day of no known year is no claim


NUMBER_WORDS = sorted({*grammar.CARDINALS, *grammar.ORDINALS})


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*NUMBER_WORDS, "teen", "ty", "th", "a", "x"]) | st.sampled_from(["", " ", "-"]),
                max_size=12), st.booleans(), st.booleans())
@example(parts=["eight hundred", " ", " ", "eight"], cardinal=True, ordinal=True)
@example(parts=["eight hundred and sixty", " ", " ", "eight"], cardinal=False, ordinal=False)
def test_spelled_numbers_match_what_a_trie_of_every_word_matches(parts: list[str], cardinal: bool,
                                                                 ordinal: bool) -> None:
    """The compact regex of number words finds the same words, longest first, as listing them all (in a text of single
    spaces: the compact one also reads the words of a hundred set apart by several, as a line wraps them)."""
    if not (cardinal or ordinal):
        cardinal = ordinal = True
    words = [*(grammar.CARDINALS if cardinal else ()), *(grammar.ORDINALS if ordinal else ())]
    listed = re.compile(rf"\b{grammar._alternation(words)}\b", re.IGNORECASE)
    compact = re.compile(rf"\b{grammar._spelled_numbers(cardinal, ordinal)}\b", re.IGNORECASE)
    text = re.sub(" +", " ", "".join(parts))
    assert [m.span() for m in compact.finditer(text)] == [m.span() for m in listed.finditer(text)]


@PROPERTY
@given(st.lists(WORDS, max_size=14))
def test_find_figures_never_raises_on_figure_like_text(words: list[str]) -> None:
    sentence = " ".join(words)
    found = find_figures(sentence, BASE)
    assert [f.start for f in found] == sorted(f.start for f in found)
    for f in found:
        assert 0 <= f.start < f.end <= len(sentence)
        assert f.value.low <= f.value.high


@PROPERTY
@given(st.integers(1, 100_000))
def test_bounded_count_round_trips(n: int) -> None:
    f = only(f"over {n:,} companies", "count")
    assert (f.value.text, f.counted) == (f">{n}", "companies")
    assert len(find_figures(f"over {n:,} companies")) == 1


@PROPERTY
@given(st.integers(1600, 2099))
def test_year_round_trips(y: int) -> None:
    found = find_figures(f"in {y}")
    assert [(f.value.kind, f.value.text) for f in found] == [("date", str(y))]


def ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def test_ordinal_helper() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 99)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "99th"]


@PROPERTY
@given(st.integers(1, 99))
def test_rank_round_trips(n: int) -> None:
    found = find_figures(f"ranks {ordinal(n)}")
    assert [(f.value.kind, f.value.text) for f in found] == [("rank", str(n))]


@PROPERTY
@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999.99"), places=2))
def test_money_symbol_and_word_agree(d: Decimal) -> None:
    a, b = value(f"${d} billion", "money"), value(f"{d} billion dollars", "money")
    assert a.text == b.text
    assert a.text.startswith("USD ")
    assert relation(a, b) == "agree"


PHRASES = st.sampled_from([
    "in 2008", "in 2009", "June 2008", "June 11, 2008", "11 June 2008", "July 2008", "November 29-30, 2022",
    "ten workers", "eleven workers", "over 170 companies", "about 40 ships", "nearly 50 staff", "200 companies",
    "at least 12 people", "fewer than 9 firms", "0 firms",
    "$2.5 billion", "about $2.5 billion", "$3 billion", "over $2 billion", "£9 billion", "about £9 billion",
    "90%", "80 per cent", "some 80%", "more than 85%",
    "50.45 km", "31 miles", "50 kilometres", "37.9 km",
    "ranks third", "ranks 4th", "top five", "among the top 10 exporters",
    "from 2016 to 2020", "2016–2020", "from 2016 to 2021", "since 2005", "between 2005 and 2021",
    "the first nine months of 2022", "the first half of 2022",
])


def phrase_value(phrase: str) -> Value:
    found = find_figures(phrase)
    assert len(found) == 1, (phrase, found)
    return found[0].value


@PROPERTY
@given(PHRASES, PHRASES)
def test_relation_is_symmetric_and_matches_gap(p: str, q: str) -> None:
    a, b = phrase_value(p), phrase_value(q)
    assert relation(a, a) == "agree"
    if a.group_key != b.group_key:
        return
    r = relation(a, b)
    assert r == relation(b, a)
    assert gap(a, b) == gap(b, a)
    if r == "conflict":
        assert gap(a, b) > 0
    else:
        assert gap(a, b) == 0


bounds = st.floats(-1e6, 1e6, allow_nan=False)


@st.composite
def values(draw: st.DrawFn) -> Value:
    kind = draw(st.sampled_from(["count", "date", "period"]))
    lo = draw(bounds)
    hi = lo + draw(st.floats(0, 1e4))
    end_lo = draw(bounds)
    end_hi = end_lo + draw(st.floats(0, 1e4))
    text = draw(st.sampled_from(["a", "b", "c"]))
    return Value(kind, f"{kind}:{text}:{lo}:{hi}:{end_lo}:{end_hi}", lo, hi, end_lo, end_hi)


@PROPERTY
@given(values(), values())
def test_relation_and_gap_properties_on_any_intervals(a: Value, b: Value) -> None:
    assert relation(a, a) == "agree"
    assert gap(a, a) == 0
    if a.kind != b.kind:
        return
    r = relation(a, b)
    assert r == relation(b, a)
    assert gap(a, b) == gap(b, a)
    assert (gap(a, b) > 0) == (r == "conflict")


def test_a_year_that_heads_a_proper_name_is_part_of_the_name() -> None:
    """'the 2015 Westfair Trade Summit' names an edition; 'the 2015 summit' and 'the May 2015 summit' date one."""
    def read(sentence: str) -> list[str]:
        return [f.value.text for f in find_figures(sentence, None)]

    assert read("Buyers met at the 2015 Westfair Trade Summit near the harbour.") == []
    assert read("The 1998 Harvest Fair drew crowds.") == []
    assert read("Buyers met at the 2015 summit near the harbour.") == ["2015"]
    assert read("Buyers met at the May 2015 summit, the largest since the 2009 one.") == ["2015-05", "2009"]


@given(st.integers(min_value=100, max_value=10**7), st.integers(min_value=1, max_value=10**7))
def test_a_range_of_counts_holds_both_ends(low: int, span: int) -> None:
    f = only(f"Between them, {low:,}–{low + span:,} people were displaced.", "count")
    assert (f.value.low, f.value.high) == (low, low + span)
    assert relation(f.value, only(f"{low + span // 2:,} people were displaced.", "count").value) != "conflict"


def test_a_rate_is_a_figure_of_its_own_compared_with_rates_per_as_many() -> None:
    rate = only("The Ostvale rate of flu deaths in 2021 (14.2 per 100,000) rose again.", "rate")
    assert (rate.value.text, rate.value.unit) == ("14.2 per 100000", "100000")
    assert only("Brena counted 3 doctors for every 1,000 people.", "rate").value.text == "3 per 1000"
    assert only("Brena counted 3 doctors for every 1,000 people.", "rate").counted == "doctors"
    bracketed = only("It climbed to 9.5 (2020) deaths per 100,000 residents.", "rate")
    assert (bracketed.value.text, bracketed.counted) == ("9.5 per 100000", "deaths")
    assert only("The rate was 5.1 to 6.3 cases per 100,000 residents.", "rate").value.text == "5.1–6.3 per 100000"
    assert figures("Brena counted 3 doctors for every 1,000 people.", "count") == []
    per_thousand = only("Ostvale had 14.2 births per 1,000 residents.", "rate").value
    assert rate.value.group_key != per_thousand.group_key


@given(st.decimals(min_value=Decimal("0.1"), max_value=Decimal("999.9"), places=1),
       st.sampled_from([1000, 10_000, 100_000, 1_000_000]), st.sampled_from(["cases", "deaths", ""]))
def test_a_rate_reads_its_number_and_what_it_is_per(n: Decimal, per: int, noun: str) -> None:
    f = only(f"The Varnia rate stood at {n} {noun} per {per:,} people last year.".replace("  ", " "), "rate")
    assert f.value.text == f"{grammar._fmt(n)} per {per}"
    assert f.value.low <= float(n) <= f.value.high
    assert relation(f.value, only(f"Ostvale reported {n} per {per:,} residents.", "rate").value) == "agree"


def test_a_year_then_the_next_count_of_a_change_is_no_range() -> None:
    assert [f.value.text for f in figures("Cases fell from 1,210 cases in 2012 to 3,460 cases in 2020.")] == [
        "1210", "2012", "3460", "2020"]
    assert [f.value.text for f in figures("The Tarnel survey, 2013--2017, is out.")] == ["2013/2017"]


@given(st.decimals(min_value=Decimal("0.1"), max_value=Decimal("999.9"), places=1),
       st.decimals(min_value=Decimal("0.1"), max_value=Decimal("999.9"), places=1),
       st.sampled_from([1000, 10_000, 100_000]), st.booleans())
def test_the_other_end_of_a_change_of_a_rate_is_a_rate_per_as_many(a: Decimal, b: Decimal, per: int,
                                                                    named_first: bool) -> None:
    sentence = (f"The Varnia rate rose from {a} per {per:,} residents in 2001 to {b} in 2021." if named_first
                else f"The Varnia rate rose from {a} (2001) to {b} (2021) deaths per {per:,} residents.")
    assert [f.value.text for f in figures(sentence, "rate")] == [f"{grammar._fmt(a)} per {per}",
                                                                 f"{grammar._fmt(b)} per {per}"]


def test_a_figure_of_its_own_at_the_end_of_a_change_of_a_rate_keeps_its_kind() -> None:
    assert [f.value.text for f in figures("The Varnia rate rose from 5.2 per 1,000 residents to 31% of all.")] == [
        "5.2 per 1000", "31%"]
    assert [f.value.text for f in figures("Cases rose from 5.2 per 1,000 residents in 2001 to 2019.")] == [
        "5.2 per 1000", "2001", "2019"]


@given(st.integers(1950, 2090), st.sampled_from(["-", "–"]))
def test_a_range_of_years_before_percent_is_no_percentage(year: int, dash: str) -> None:
    sentence = f"The gap between the {year}{dash}{year + 1} percent changes in Ostvale pay was small."
    assert figures(sentence, "percent") == []
    assert [f.value.text for f in figures(sentence)] == [f"{year}/{year + 1}"]
    assert [f.value.text for f in figures(f"Brena prices rose {year} percent.", "percent")] == [f"{year}%"]


@given(st.integers(1, 9), st.sampled_from([10, 20, 100]), st.sampled_from(["in", "out of every"]),
       st.sampled_from(["", "About ", "More than "]))
def test_a_share_said_as_a_ratio_is_a_percentage(n: int, per: int, joined: str, bound: str) -> None:
    share = only(f"{bound}{n} {joined} {per} Ostvale adults smoked in 2019.", "percent").value
    percent = Decimal(n * 100) / per
    assert share.low <= float(percent) <= share.high
    assert share.text.endswith(f"{grammar._fmt(percent.quantize(Decimal('0.1')))}%")
    assert figures(f"{bound}{n} {joined} {per} Ostvale adults smoked in 2019.", "count") == []


def test_what_is_no_ratio_stays_as_it_was() -> None:
    assert only("About one in five Brena voters stayed home.", "percent").value.text == "~20%"
    assert [f.value.text for f in figures("The Tarnel team won 12 in 2019.")] == ["12", "2019"]
    assert figures("Brena's crew came 1 in 5 minutes.", "percent") == []
    assert figures("Floods killed 12 in 3 villages of Brena.", "percent") == []


@given(st.integers(1_000, 900_000), st.integers(1, 999))
def test_an_estimate_holds_every_value_within_its_margin(n: int, margin: int) -> None:
    f = only(f"The Ostvale estimate was {n:,} ± {margin:,} cases.", "count")
    assert (f.value.low, f.value.high, f.counted) == (n - margin, n + margin, "cases")
    assert relation(f.value, only(f"Brena counted {n:,} cases.", "count").value) != "conflict"
    assert [g.value.text for g in figures(f"Ostvale's rate was 12.3% ± 1.3% in {2000 + margin % 20}.", "percent")] == [
        "11–13.6%"]


def test_a_named_scale_reads_roman_numerals_digits_and_number_words() -> None:
    """The step of a named scale written as a Roman numeral keeps its case to be read ('Category IV' is 4)."""
    scale = next(p for p in grammar.PATTERNS if p.kind == "scale")
    lowercase = next(p for p in grammar.PATTERNS if p.kind == "scale" and "hurricane" in p.regex.pattern)
    assert [grammar._scale(scale.regex.search(s)).text for s in ("a Category IV storm", "a Category 4 storm")] == [
        "category 4", "category 4"]
    assert grammar._scale(lowercase.regex.search("near category two strength")).text == "category 2"


def test_times_of_day_as_clocks_news_and_bulletins_write_them() -> None:
    """A time of day is read on the clock it is stated in, with its zone and its precision; one that stamps a page
    (a byline, 'Updated ...') is no figure, nor a verse or a lap time with no word placing an event at it."""
    def times(sentence: str) -> list[str]:
        return [f.value.text for f in find_figures(sentence) if f.value.kind == "time"]

    assert times("The barge left the quay at 7:05 a.m. CDT.") == ["07:05 CDT"]
    assert times("Doors shut at 9:30 P.M. (EST) sharp.") == ["21:30 EST"]
    assert times("Logged: 14:02:11 UTC, then 1602Z and 0340 AM PDT.") == ["14:02:11 UTC", "16:02 Z", "03:40 PDT"]
    assert times("Power returned about 0415 central standard time.") == ["~04:15 CST"]
    assert times("The horn sounded at 3.15pm; the pier shut by 6 PM.") == ["15:15", "<18:00"]
    assert times("It began just before 22:40 local time.") == ["<22:40"]
    assert times("Around 1:05 a.m. the roof fell in, with 12 people inside.") == ["~01:05"]
    assert times("Updated 4:05 PM EDT, March 3, 2020") == []
    assert times("Tarnby, Norway • 2 May, 2021 | 11:20") == []
    assert times("See Luke 2:14 and the 4:50 lap.") == []
    assert times("Other faiths 11% (2021 est.)") == []  # an estimate, not Eastern Standard Time
    assert times("TARNBY, May 11, 2031 GMT -- The board met.") == []  # a dateline's year, not 20:31
    assert times("It struck about 06:11 am Greenwich Mean Time.") == ["~06:11 GMT"]
    assert times("At 0129:10 the bow struck; about 0125, the pilot called.") == ["01:29:10", "~01:25"]
    assert [f.value.text for f in find_figures("Updated 4:05 PM, 12 crews worked.")] == ["12"]


@given(st.integers(1, 12), st.integers(0, 59), st.sampled_from(["a.m.", "am", "AM", "p.m.", "PM"]))
def test_a_time_of_day_is_minutes_after_midnight_to_the_minute(hour: int, minute: int, half: str) -> None:
    figure = only(f"The ferry docked at {hour}:{minute:02d} {half}.", "time")
    at = hour % 12 * 60 + (720 if half[0].lower() == "p" else 0) + minute
    assert (figure.value.low, figure.value.high) == (at, at + 1)
    assert figure.value.text == f"{at // 60:02d}:{minute:02d}"


@given(st.integers(0, 23), st.integers(0, 59), st.sampled_from([("UTC", 0), ("EDT", -4), ("PST", -8), ("JST", 9)]))
def test_one_instant_in_two_zones_agrees_and_a_minute_apart_does_not(hour: int, minute: int, zone: tuple[str, int]) \
        -> None:
    name, offset = zone
    utc = value(f"It struck at {hour:02d}:{minute:02d} UTC.", "time")
    local = (hour * 60 + minute + offset * 60) % 1440
    same = value(f"It struck at {local // 60:02d}:{local % 60:02d} {name}.", "time")
    later = value(f"It struck at {(local + 1) % 1440 // 60:02d}:{(local + 1) % 60:02d} {name}.", "time")
    assert relation(utc, same) in ("agree", "compatible") and relation(same, utc) in ("agree", "compatible")
    assert relation(utc, later) == relation(later, utc) == "conflict"
    assert gap(utc, later) < 0.05  # a minute: next to no extra evidence needed to group them


def test_times_of_day_compare_by_precision_and_across_midnight() -> None:
    """'7 p.m.' holds 19:12, 'about 6:30 pm' does not hold 6:50 pm, '11:39:13' is within '11:39', and 23:50 and
    00:10 are minutes apart, not a day."""
    assert relation(value("at 7 p.m.", "time"), value("at 7:12 p.m.", "time")) == "compatible"
    assert relation(value("at about 6:30 pm", "time"), value("at 6:50 pm", "time")) == "conflict"
    assert relation(value("at 11:39:13 am", "time"), value("at 11:39 am", "time")) == "compatible"
    assert gap(value("at 23:50", "time"), value("at 00:10", "time")) == pytest.approx(19 / 60)  # 23:50:59 to 00:10
    assert relation(value("at 14:46 JST", "time"), value("at 2:46 PM", "time")) == "compatible"  # (one names no zone)
