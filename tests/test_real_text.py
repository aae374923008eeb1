"""How real pages state figures, read end to end: figures after their nouns, lists of labelled figures, bounds that
carry over to a conversion, approximate figures, datelines, "As of" headings, running tolls and changes over time.
Each corpus here is written by the test, in the shape real reports take."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kzfr_check.claims import extract_claims, sentences
from kzfr_check.sources import read_source
from kzfr_check.values import find_figures, relation

from conftest import all_topics, topic_by_values, write_corpus


def _values(sentence: str) -> list[str]:
    return [f.value.text for f in find_figures(sentence)]


def test_a_bound_carries_over_to_the_conversion_in_brackets() -> None:
    assert _values("They signed deals worth more than 4 billion euros ($5.43 billion) on Tuesday.") == [
        ">EUR 4 billion", ">USD 5.43 billion"]
    assert _values("Winds of 140 mph (225 km/h) were recorded.") == ["140 mph", "225 km/h"]


def test_the_conversion_in_brackets_measures_what_its_figure_measures() -> None:
    figures = find_figures("At Orvel the wind gusted above 70 mph (113 km/h), at Dunmere it blew at 60 mph (97 km/h).")
    assert [(f.value.text, f.counted) for f in figures] == [
        (">70 mph", "gusts"), (">113 km/h", "gusts"), ("60 mph", ""), ("97 km/h", "")]


def test_a_tag_left_in_a_pages_text_is_no_bound() -> None:
    assert _values("<item><hi format=ital>land area:</hi> 41,285 sq km") == ["41285 km²"]
    assert _values("<p class=\"note\">1,200 people were evacuated.") == ["1200"]
    assert _values("Deaths: >1,000 (provisional)") == [">1000"]


def test_the_words_between_two_amounts_name_the_second() -> None:
    figures = find_figures("It crossed the coast with a maximum sustained wind speed of 185 km/h gusting to 210 km/h.")
    assert [(f.value.text, f.counted) for f in figures] == [("185 km/h", ""), ("210 km/h", "gusts")]


def test_an_approximate_figure_is_good_to_its_last_digit() -> None:
    about, exact = (find_figures(s)[0].value for s in ("About $9.2 billion was spent.", "$9.6 billion was spent."))
    assert relation(about, exact) == "conflict"
    about, exact = (find_figures(s)[0].value for s in ("It cost around £9 billion.", "It cost £9.4 billion."))
    assert relation(about, exact) == "compatible"


@given(st.integers(1, 10**6))
def test_an_approximate_figure_holds_its_own_value_and_no_more_than_a_tenth_around_it(n: int) -> None:
    value = find_figures(f"It employs about {n:,} people.")[0].value
    assert value.low <= n <= value.high
    assert value.high - n <= n / 10 + 0.5 and n - value.low <= n / 10 + 0.5


def test_labelled_figures_in_a_list_group_by_their_label(cli, tmp_path, empty_config) -> None:
    corpus = write_corpus(tmp_path / "census", {
        "a.txt": "Published 2 March 2021\n\nEthnic groups: Kestrian 61.5%, Orvenian 22.1%, Tavish 9.4%, other 7%.\n",
        "b.txt": "Published 9 April 2021\n\nEthnic groups: Kestrian 63%, Orvenian 22.1%, Tavish 8.2%, other 6.7%.\n",
    })
    data = all_topics(cli, corpus, empty_config, tmp_path)
    assert topic_by_values(data, "61.5%", "63%")["status"] == "conflict"
    assert topic_by_values(data, "9.4%", "8.2%")["status"] == "conflict"
    assert topic_by_values(data, "22.1%")["status"] == "agree"
    for topic in data["topics"]:  # a label never meets another label: Tavish is not Orvenian
        assert len({c["counted"] for c in topic["claims"]}) == 1, topic["id"]


def test_a_figure_after_its_noun_and_a_running_toll_that_grows(cli, tmp_path, empty_config) -> None:
    corpus = write_corpus(tmp_path / "quake", {
        "a.txt": "KESTRIA QUAKE: TOLL RISES\nPublished 4 March 2024\n\nThe death toll stands at 812, officials said.\n",
        "b.txt": "Situation report no. 5\nPublished 7 March 2024\n\n- Deaths: 2,317\n- Injured: 7,980\n",
        "c.txt": "Published 7 March 2024\n\nThe number of injured rose to 6,400, the agency said.\n",
    })
    data = all_topics(cli, corpus, empty_config, tmp_path)
    deaths = topic_by_values(data, "812", "2317")
    assert deaths["status"] == "changed"  # a toll only grows: the later, larger figure is a change
    assert [c["as_of"] for c in deaths["timeline"]] == ["2024-03-04", "2024-03-07"]
    injured = topic_by_values(data, "7980", "6400")
    assert injured["status"] == "conflict"  # the same day, two figures


def test_a_toll_that_falls_between_reports_is_a_conflict(cli, tmp_path, empty_config) -> None:
    corpus = write_corpus(tmp_path / "quake", {
        "a.txt": "Published 4 March 2024\n\nThe death toll has risen to 2,900 in the province.\n",
        "b.txt": "Published 7 March 2024\n\nThe death toll in the province has risen to 2,317.\n",
    })
    assert topic_by_values(all_topics(cli, corpus, empty_config, tmp_path), "2900", "2317")["status"] == "conflict"


def test_an_as_of_heading_dates_the_figures_under_it(cli, tmp_path, empty_config) -> None:
    corpus = write_corpus(tmp_path / "outbreak", {
        "01.md": "# Situation report 9\n\nPublished 17 February 2023\n\nAs of 16 February 2023:\n\n"
                 "- Treatment centres: 21\n",
        "02.md": "# Situation report 12\n\nPublished 24 February 2023\n\nAs of 23 February 2023:\n\n"
                 "- Treatment centres: 29\n",
    })
    data = all_topics(cli, corpus, empty_config, tmp_path)
    centres = topic_by_values(data, "21", "29")
    assert centres["status"] == "changed"
    assert [c["as_of"] for c in centres["timeline"]] == ["2023-02-16", "2023-02-23"]
    assert not [t for t in data["topics"] if t["kind"] == "date"]  # the headings are no claims


@pytest.mark.parametrize(("text", "date"), [
    ("Weekly highlights, February 2023\nPublished 17 February 2023\n\nBody.\n", "2023-02-17"),
    ("The World Factbook 1994\nPublished 1994\n\nBody.\n", "1994"),
    ("Cholera in Lower Dramont\n\n| First case | 26 January 2023 |\n|---|---|\n\nBody.\n", None),
    ("SITUATION REPORT 4\nAs of 16 March 2025, 18:00\n\nBody.\n", "2025-03-16"),
])


def test_datelines_of_real_pages(tmp_path: Path, text: str, date: str | None) -> None:
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    found = read_source(path).date
    assert (str(found) if found else None) == date


def test_a_quantity_stated_years_apart_is_a_change_but_a_settled_total_is_not(cli, tmp_path, empty_config) -> None:
    corpus = write_corpus(tmp_path / "tunnel", {
        "a.txt": "Published 3 May 2012\n\nTen workers lost their lives during construction.\n"
                 "It is the second-longest rail tunnel in the world.\n",
        "b.txt": "Published 2 November 2020\n\nEleven workers died during the construction.\n"
                 "It is the third-longest rail tunnel in the world.\n",
    })
    data = all_topics(cli, corpus, empty_config, tmp_path)
    assert topic_by_values(data, "10", "11")["status"] == "conflict"  # a total told years later is settled
    assert topic_by_values(data, "2", "3")["status"] == "changed"  # a rank eight years on may have changed


def test_since_a_year_is_no_year_to_tell_sources_apart(cli, tmp_path, empty_config) -> None:
    corpus = write_corpus(tmp_path / "invest", {
        "a.txt": "Published 16 March 2023\n\nCompanies from Valdmark have invested $9.6 billion in Carrasca "
                 "since 2005.\n",
        "b.txt": "Published 27 April 2023\n\nValdmark companies have invested about $9.2 billion in Carrasca over the "
                 "past 18 years.\n",
    })
    topic = topic_by_values(all_topics(cli, corpus, empty_config, tmp_path), "USD 9.6 billion", "~USD 9.2 billion")
    assert topic["status"] == "conflict"


def test_centuries_are_dates_a_step_apart(cli, tmp_path, empty_config) -> None:
    assert [(f.value.kind, f.value.text) for f in find_figures("A 15th-century church stands there.")] == [
        ("date", "15th century")]
    corpus = write_corpus(tmp_path / "history", {
        "a.txt": "Nomadic tribes migrated into the valley in the 13th century and were rarely united.\n",
        "b.txt": "The nomadic tribes of the valley migrated there in the 15th century.\n",
    })
    topic = topic_by_values(all_topics(cli, corpus, empty_config, tmp_path), "13th century", "15th century")
    assert topic["status"] == "conflict"  # a hundred years apart is one step of a century's precision


def _grouped(data: dict, *values: str) -> bool:
    """Does one topic hold all of `values`?"""
    return any(set(values) <= {v["value"] for v in t["values"]} for t in data["topics"])


def test_a_peak_is_not_the_value_at_another_time(cli, tmp_path, empty_config) -> None:
    corpus = write_corpus(tmp_path / "storm", {
        "a.txt": "Published 30 August 2021\n\nHurricane Orla reached peak sustained winds of 175 mph near the coast.\n",
        "b.txt": "Published 2 September 2021\n\nHurricane Orla reached top sustained winds of 175 mph near the "
                 "coast.\n",
        "c.txt": "Published 3 September 2021\n\nHurricane Orla reached the coast with sustained winds of 140 mph.\n",
        "d.txt": "Published 4 September 2021\n\nHurricane Orla reached the coast with sustained winds of 125 mph.\n",
    })
    data = all_topics(cli, corpus, empty_config, tmp_path)
    assert topic_by_values(data, "175 mph")["status"] == "agree"
    assert topic_by_values(data, "125 mph", "140 mph")["status"] == "conflict"
    assert not _grouped(data, "175 mph", "125 mph") and not _grouped(data, "175 mph", "140 mph")


def test_the_second_of_something_is_not_the_first(cli, tmp_path, empty_config) -> None:
    corpus = write_corpus(tmp_path / "telescope", {
        "a.txt": "Published 4 May 2023\n\nIn the first cycle of observations, 1,173 proposals were submitted.\n",
        "b.txt": "Published 9 May 2023\n\nIn the second cycle of observations, about 1,600 proposals were submitted.\n",
        "c.txt": "Published 1 June 2023\n\nIn the first cycle of observations, 1,180 proposals were submitted.\n",
    })
    data = all_topics(cli, corpus, empty_config, tmp_path)
    assert topic_by_values(data, "1173", "1180")["status"] == "conflict"
    assert not _grouped(data, "~1600", "1173") and not _grouped(data, "~1600", "1180")


def test_amounts_over_different_spans_are_different_amounts(cli, tmp_path, empty_config) -> None:
    corpus = write_corpus(tmp_path / "water", {
        "a.txt": "Published 4 May 2023\n\nThe water utility has asked the government for 45 million dollars over "
                 "five years to replace its pipes.\n",
        "b.txt": "Published 9 May 2023\n\nThe government has promised to spend 120 million dollars over ten years "
                 "on water pipes.\n",
        "c.txt": "Published 3 May 2023\n\nThe storm reached one-minute sustained winds of 120 knots.\n",
        "d.txt": "Published 5 May 2023\n\nThe storm reached 10-minute sustained winds of 185 km/h.\n",
    })
    data = all_topics(cli, corpus, empty_config, tmp_path)
    assert not _grouped(data, "USD 45 million", "USD 120 million")
    assert not _grouped(data, "120 kt", "185 km/h")  # winds averaged over one minute and over ten


def test_a_rank_held_by_one_country_is_not_anothers(cli, tmp_path, empty_config) -> None:
    corpus = write_corpus(tmp_path / "trade", {
        "a.txt": "Published 4 May 2023\n\nOrvenia is Kestria's second-largest trading partner in the region.\n",
        "b.txt": "Published 9 May 2023\n\nKestria is the fifth-largest trading partner of Orvenia.\n",
        "c.txt": "Published 1 June 2023\n\nKestria is Orvenia's fourth-largest trading partner.\n",
    })
    data = all_topics(cli, corpus, empty_config, tmp_path)
    assert topic_by_values(data, "4", "5")["status"] == "conflict"
    assert not _grouped(data, "2", "4") and not _grouped(data, "2", "5")


def test_a_year_that_names_an_event_dates_that_event_only(cli, tmp_path, empty_config) -> None:
    corpus = write_corpus(tmp_path / "dam", {
        "a.txt": "Published 4 May 2023\n\nThe resettlement plan was updated after the 2021 flood.\n",
        "b.txt": "Published 9 May 2023\n\nThe resettlement plan was revised after the 2021 flood.\n",
        "c.txt": "Published 1 June 2023\n\nThe resettlement plan was to be updated in 2024, after the flood.\n",
    })
    data = all_topics(cli, corpus, empty_config, tmp_path)
    assert topic_by_values(data, "2021")["status"] == "agree"
    assert not _grouped(data, "2021", "2024")


def test_the_rest_of_a_count_is_not_the_whole(cli, tmp_path, empty_config) -> None:
    corpus = write_corpus(tmp_path / "visit", {
        "a.txt": "Published 14 March 2023\n\nThe two governments signed 11 agreements on Tuesday.\n",
        "b.txt": "Published 15 March 2023\n\nThe two governments signed a memorandum on ports and ten other "
                 "agreements.\n",
        "c.txt": "Published 16 March 2023\n\nThe two governments signed twelve agreements during the visit.\n",
    })
    data = all_topics(cli, corpus, empty_config, tmp_path)
    assert topic_by_values(data, "11", "12")["status"] == "conflict"
    assert not _grouped(data, "10", "11")


def test_a_part_of_a_period_is_not_the_whole(cli, tmp_path, empty_config) -> None:
    corpus = write_corpus(tmp_path / "trade", {
        "a.txt": "Published 16 March 2023\n\nIn January–September 2022, bilateral trade amounted to $2.14 billion.\n",
        "b.txt": "Published 20 March 2023\n\nKey figures\n\nBilateral trade 2022: $2.87 billion\n",
        "c.txt": "Published 2 May 2023\n\nIn 2022, bilateral trade amounted to $2.9 billion.\n",
    })
    data = all_topics(cli, corpus, empty_config, tmp_path)
    assert topic_by_values(data, "USD 2.87 billion", "USD 2.9 billion")["status"] == "compatible"
    assert not _grouped(data, "USD 2.14 billion")  # nine months of trade are no figure of the year's


def test_what_was_added_over_a_week_is_not_the_running_total(cli, tmp_path, empty_config) -> None:
    corpus = write_corpus(tmp_path / "outbreak", {
        "a.txt": "Situation report no. 3\nPublished 24 February 2023\n\n- Cumulative suspected cases: 15,930\n",
        "b.txt": "Situation update\nPublished 2 March 2023\n\n- Suspected cases: 3,940 (24 February to 1 March)\n",
        "c.txt": "Situation report no. 4\nPublished 3 March 2023\n\n- Cumulative suspected cases: 19,870\n",
    })
    data = all_topics(cli, corpus, empty_config, tmp_path)
    assert topic_by_values(data, "15930", "19870")["status"] == "changed"
    assert not _grouped(data, "3940", "15930") and not _grouped(data, "3940", "19870")


def test_a_day_without_its_year_is_of_its_documents_year(cli, tmp_path, empty_config) -> None:
    corpus = write_corpus(tmp_path / "vaccines", {
        "a.txt": "Published 23 February 2023\n\nThe first vaccine doses arrived in the port on 20 February.\n",
        "b.txt": "Published 1 March 2023\n\nThe first vaccine doses arrived in the port on Monday, 20 February.\n",
        "c.txt": "The first vaccine doses arrived in the port on 22 February.\n",  # undated: no year to read
    })
    data = all_topics(cli, corpus, empty_config, tmp_path)
    assert topic_by_values(data, "2023-02-20")["status"] == "agree"
    assert not any(c["source"] == "c" for t in data["topics"] for c in t["claims"])


def test_a_storms_category_at_landfall_does_not_change_with_the_years(cli, tmp_path, empty_config) -> None:
    corpus = write_corpus(tmp_path / "storm", {
        "a.txt": "Published 30 August 2005\n\nThe hurricane made landfall near the town of Aldra as a Category 4 "
                 "storm.\n",
        "b.txt": "Published 29 August 2025\n\nTwenty years ago the hurricane made landfall near Aldra as a "
                 "Category 3 storm.\n",
    })
    data = all_topics(cli, corpus, empty_config, tmp_path)
    assert topic_by_values(data, "category 4", "category 3")["status"] == "conflict"


def test_intensities_on_two_named_scales_are_two_measures(cli, tmp_path, empty_config) -> None:
    said = "Published {} March 2024\n\nSeismologists assigned an intensity of {} on the {} scale to the town.\n"
    corpus = write_corpus(tmp_path / "quake", {
        "a.txt": said.format(4, "IX", "Modified Mercalli"),
        "b.txt": said.format(8, "X", "European Macroseismic"),
    })
    assert not _grouped(all_topics(cli, corpus, empty_config, tmp_path), "intensity 10", "intensity 9")
    (corpus / "c.txt").write_text(said.format(9, "VIII", "Modified Mercalli"))
    assert topic_by_values(all_topics(cli, corpus, empty_config, tmp_path), "intensity 9", "intensity 8")["status"] == (
        "conflict")  # on one scale, the two readings are compared


def test_a_total_by_the_time_an_outbreak_ended_is_stated_as_of_that_day(cli, tmp_path, empty_config) -> None:
    corpus = write_corpus(tmp_path / "outbreak", {
        "a.txt": "Weekly bulletin\nPublished 17 February 2023\n\nThe Institute has recorded 16,412 suspected cholera "
                 "cases so far.\n",
        "b.txt": "By the time the ministry declared the outbreak over on 30 June 2023, 31,806 suspected cholera cases "
                 "had been recorded.\n",
    })
    data = all_topics(cli, corpus, empty_config, tmp_path)
    topic = topic_by_values(data, "16412", "31806")
    assert topic["status"] == "changed"
    assert [t["as_of"] for t in topic["timeline"]] == ["2023-02-17", "2023-06-30"]


def test_a_year_frames_the_figures_of_its_clause_and_a_month_is_an_events_date(cli, tmp_path, empty_config) -> None:
    said = ("Published 10 February 2014\n\nIn 1995 the country removed its last warheads and completed the sealing "
            "of {} test tunnels in May 2000.\n")
    corpus = write_corpus(tmp_path / "treaty", {"a.txt": said.format(181), "b.txt": said.format(181)})
    data = all_topics(cli, corpus, empty_config, tmp_path)
    assert topic_by_values(data, "1995")["status"] == "agree"
    assert topic_by_values(data, "2000-05")["status"] == "agree"
    assert {c["as_of"] for c in topic_by_values(data, "181")["claims"]} == {"2000-05"}


def test_reporting_periods_of_two_reports_are_not_in_dispute(cli, tmp_path, empty_config) -> None:
    said = "Situation report no. {}\nPublished {} February 2023\n\nReporting period: {} February 2023\n\n" \
           "During the reporting week, 3,197 new suspected cases and {} deaths were notified.\n\n- Deaths: {}\n"
    corpus = write_corpus(tmp_path / "sitreps", {
        "a.txt": said.format(3, 17, "10-16", 61, 214),
        "b.txt": said.format(4, 24, "17-23", 73, 287),
    })
    data = all_topics(cli, corpus, empty_config, tmp_path)
    assert not _grouped(data, "2023-02-10/16", "2023-02-17/23")  # two weeks, one after the other
    assert topic_by_values(data, "214", "287")["status"] == "changed"  # running totals
    assert not _grouped(data, "61", "214") and not _grouped(data, "73", "287")  # a week's deaths are no total


def test_a_peak_named_in_a_bracket_after_the_figure(cli, tmp_path, empty_config) -> None:
    said = "Published {} September 2021\n\nThe storm attained Category {} status ({} sustained winds of {} mph).\n"
    corpus = write_corpus(tmp_path / "storm", {
        "a.txt": said.format(2, 5, "with peak", 175),
        "b.txt": said.format(3, 3, "with", 125),
    })
    assert not _grouped(all_topics(cli, corpus, empty_config, tmp_path), "category 5", "category 3")


def test_a_value_before_a_change_and_the_size_of_a_change_are_not_the_level(cli, tmp_path, empty_config) -> None:
    said = "Published {} May 2023\n\nThe cost estimate of the bridge {}.\n"
    corpus = write_corpus(tmp_path / "audit", {
        "a.txt": said.format(4, "rose from $4.8 billion to $17.2 billion"),
        "b.txt": said.format(9, "is $4.9 billion"),
    })
    assert not _grouped(all_topics(cli, corpus, empty_config, tmp_path), "USD 4.8 billion", "USD 4.9 billion")
    corpus = write_corpus(tmp_path / "audit-2", {
        "c.txt": said.format(4, "rose by $12.4 billion"),
        "d.txt": said.format(9, "is $12.5 billion"),
    })
    assert not _grouped(all_topics(cli, corpus, empty_config, tmp_path), "USD 12.4 billion", "USD 12.5 billion")


def test_what_holds_since_a_year_is_dated_by_the_event_that_began_it(cli, tmp_path, empty_config) -> None:
    corpus = write_corpus(tmp_path / "embassy", {
        "a.txt": "Published 2 May 2023\n\nOrvenia has had a resident embassy in Tarsk since 1974.\n",
        "b.txt": "Published 9 June 2023\n\nOrvenia opened its embassy in Tarsk in 1974.\n",
    })
    assert topic_by_values(all_topics(cli, corpus, empty_config, tmp_path), "1974/..", "1974")["status"] == "compatible"
    corpus = write_corpus(tmp_path / "ambassador", {
        "a.txt": "Published 2 May 2023\n\nIlse Varn has been the ambassador of Orvenia in Tarsk since 2021.\n",
        "b.txt": "Published 9 June 2023\n\nThe ambassador of Orvenia in Tarsk met the mayor in 2023.\n",
    })
    assert not _grouped(all_topics(cli, corpus, empty_config, tmp_path), "2021/..", "2023")  # a state, and an event


def test_a_figure_of_a_list_is_no_counterpart_of_a_figure_with_another_label(cli, tmp_path, empty_config) -> None:
    corpus = write_corpus(tmp_path / "census", {
        "a.txt": "Country profile\n\nEthnic groups (2002): Kestrian 55.8%, Orvenian 28.3%, Tavish 3.3%, Brannic 2.6%, "
                 "other 10%.\n",
        "b.txt": "Country profile\n\nEthnic groups (2023): Kestrian 71%, Orvenian 14.9%, Brannic 3.3%, Tavish 1.9%, "
                 "other 8.9%.\n",
    })
    data = all_topics(cli, corpus, empty_config, tmp_path)
    # 'Brannic 3.3%' beside 'Tavish 1.9%' does not make the Tavish figures two facts: each label is its own measure
    assert topic_by_values(data, "3.3%", "1.9%")["status"] == "changed"
    assert topic_by_values(data, "2.6%", "3.3%")["status"] == "changed"


def test_a_count_without_its_noun_counts_what_the_count_before_it_counts(cli, tmp_path, empty_config) -> None:
    assert [f.counted for f in find_figures("In all, the storm killed 118 people in Kestria and nine in Tavel.")] == [
        "deaths", "deaths"]
    assert [f.counted for f in find_figures("Arlow scored 24 league goals and 29 in all competitions.")] == [
        "goals", "competitions"]  # another measure, not the league's
    corpus = write_corpus(tmp_path / "storm", {
        "a.txt": "Published 20 March 2025\n\nIn all, the storm killed 118 people in Kestria and nine in Tavel.\n",
        "b.txt": "Published 18 March 2025\n\nIn neighbouring Tavel, 9 people lost their lives, officials said.\n",
    })
    assert topic_by_values(all_topics(cli, corpus, empty_config, tmp_path), "9")["status"] == "agree"


def test_a_year_after_another_figure_frames_that_figure(tmp_path: Path) -> None:
    (tmp_path / "profile.txt").write_text("Population (2011): 3.2 million--down from 3.6 million in 1995.\n")
    claims = extract_claims(read_source(tmp_path / "profile.txt"))
    assert [(c.value.text, c.as_of) for c in claims if c.kind == "count"] == [("3200000", "2011"),
                                                                              ("3600000", "1995")]


def test_units_say_how_much_not_what_of(cli, tmp_path, empty_config) -> None:
    corpus = write_corpus(tmp_path / "routes", {
        "a.txt": "Published 17 March 2025\n\nThe ferry crossing to the island is 40 miles (64 km) long.\n",
        "b.txt": "Published 20 March 2025\n\nThe new gas pipeline is 52 miles (84 km) long.\n",
    })
    assert all_topics(cli, corpus, empty_config, tmp_path)["topics"] == []  # they share only the words of units


def test_a_span_of_time_is_a_figure(cli, tmp_path, empty_config) -> None:
    corpus = write_corpus(tmp_path / "spill", {
        "a.txt": "Published 4 May 2015\n\nThe broken main released sewage into the estuary over a 63-day period.\n",
        "b.txt": "Published 9 June 2016\n\nFor 63 days sewage flowed unchecked into the estuary from the main.\n",
    })
    assert topic_by_values(all_topics(cli, corpus, empty_config, tmp_path), "63 d")["status"] == "agree"


def test_a_measure_of_two_digits_and_its_unit_singles_out_a_fact(cli, tmp_path, empty_config) -> None:
    corpus = write_corpus(tmp_path / "leak", {
        "a.txt": "Published 4 May 2015\n\nAbout 3.1 million barrels of crude leaked from the broken Tarsk pipeline "
                 "over a 64-day period, before engineers sealed it on 2 March.\n",
        "b.txt": "Published 9 June 2016\n\nEarly attempts to seal the pipeline failed, and for 64 days crude poured "
                 "into the bay, harming fisheries and beaches.\n",
    })
    assert topic_by_values(all_topics(cli, corpus, empty_config, tmp_path), "64 d")["status"] == "agree"


def test_the_year_a_superlative_is_measured_back_to_is_a_claim_not_the_period_of_the_other_figures(
        cli, tmp_path, empty_config) -> None:
    corpus = write_corpus(tmp_path / "floods", {
        "a.txt": "It is the worst flood on the Tarnel since 1962, when the river killed about 400 people.\n",
        "b.txt": "The Tarnel flood was the worst on the river since 1962, when it killed some 400 people.\n",
    })
    claims = extract_claims(read_source(corpus / "a.txt"))
    # (the toll is of 1962 all the same: the clause of time after the year tells that year's event)
    assert [(c.value.text, c.as_of) for c in claims] == [("1962/..", None), ("~400", "1962")]
    data = all_topics(cli, corpus, empty_config, tmp_path)
    assert topic_by_values(data, "1962/..")["status"] == "agree"
    assert topic_by_values(data, "~400")["status"] == "agree"


def test_a_figure_is_of_the_occurrence_its_own_clause_names(cli, tmp_path, empty_config) -> None:
    """A sentence that tells of a first and a second landfall: each figure is of the one in its clause, whatever
    order the set of a figure's qualifiers is read in."""
    corpus = write_corpus(tmp_path / "cyclone", {
        "a.txt": "Cyclone Brena weakened to Category 4 before making its first landfall at Orvel, and came ashore "
                 "again as a Category 2 storm in a second landfall at Dunmere.\n",
        "b.txt": "Brena made its first landfall at Orvel as a Category 4 cyclone, its second landfall at Dunmere as a "
                 "Category 3 storm.\n",
        "c.txt": "Its second landfall, at Dunmere, was as a Category 3 storm, the weather office said.\n",
    })
    data = all_topics(cli, corpus, empty_config, tmp_path)
    assert topic_by_values(data, "category 4")["status"] == "agree"
    second = topic_by_values(data, "category 2", "category 3")
    assert second["status"] == "conflict"
    assert {c["source"] for c in second["claims"]} == {"a", "b", "c"}


def test_an_ordinal_before_a_superlative_ranks_and_tells_no_occurrence(cli, tmp_path, empty_config) -> None:
    corpus = write_corpus(tmp_path / "pressure", {
        "a.txt": "Brena's central pressure fell to 921 mb, the second lowest ever measured over the Sarn Sea.\n",
        "b.txt": "Its central pressure of 921 mb made Brena the third lowest storm ever measured over the Sarn Sea.\n",
    })
    data = all_topics(cli, corpus, empty_config, tmp_path)
    assert topic_by_values(data, "921 mb")["status"] == "agree"


def test_a_figure_whose_sentence_goes_on_past_its_bracket_is_no_list_item(cli, tmp_path, empty_config) -> None:
    """'Wind readings above 135 km/h (84 mph) were measured': the words before the figure are its sentence's subject,
    not a label that would keep it from the 'winds: 110 km/h' of another source; a list item keeps its label."""
    assert [(f.value.text, f.counted) for f in find_figures("Border lengths: Kestria 612 km (380 mi), Orvenia 240 km.")
            ] == [("612 km", "kestria"), ("380 mi", "kestria"), ("240 km", "orvenia")]
    corpus = write_corpus(tmp_path / "landfall", {
        "a.txt": "Wind readings above 135 km/h (84 mph) were measured at Orvel when Brena came ashore on Tuesday.\n",
        "b.txt": "Brena came ashore at Orvel on Tuesday (sustained winds: 110 km/h) and weakened.\n",
    })
    data = all_topics(cli, corpus, empty_config, tmp_path)
    assert topic_by_values(data, ">135 km/h", "110 km/h")["status"] == "conflict"


def test_a_label_on_a_line_of_its_own_names_the_figure_on_the_line_below(cli, tmp_path, empty_config) -> None:
    """Fact sheets write a label above its figure ('Shoreline:' / '311 km'); the two are one statement."""
    corpus = write_corpus(tmp_path / "factbook", {
        "a.txt": "Geography of Varnia\n\nLand boundaries:\n1,204 km\nShoreline:\n311 km (on the Sarn Sea); note - "
                 "the lakes are not counted\n",
        "b.txt": "Varnia in brief\n\nShoreline: 311 km\nLand boundaries: 1,240 km\n",
    })
    claims = extract_claims(read_source(corpus / "a.txt"))
    assert [c.said for c in claims] == ["Land boundaries:\n1,204 km",
                                        "Shoreline:\n311 km (on the Sarn Sea); note - the lakes are not counted"]
    data = all_topics(cli, corpus, empty_config, tmp_path)
    assert topic_by_values(data, "311 km")["status"] == "agree"
    assert topic_by_values(data, "1204 km", "1240 km")["status"] == "conflict"


def test_a_day_without_its_year_in_an_undated_page_is_of_the_year_its_account_is_in(
        cli, tmp_path, empty_config) -> None:
    corpus = write_corpus(tmp_path / "storm", {
        "a.txt": "Remembering Brena\n\nBrena formed over the Sarn Sea on 2 March 2024. On Tuesday, March 5, it came "
                 "ashore at Orvel.\nThe 12th anniversary of the Dunmere flood falls on 7 March.\n",
        "b.txt": "Storm Brena came ashore at Orvel on 5 March 2024, the weather office said.\n",
    })
    claims = extract_claims(read_source(corpus / "a.txt"))
    # what is counted from the day the page was written is not read from another day it states
    assert [c.value.text for c in claims] == ["2024-03-02", "2024-03-05"]
    assert topic_by_values(all_topics(cli, corpus, empty_config, tmp_path), "2024-03-05")["status"] == "agree"


def test_the_full_stop_after_a_months_whole_name_ends_the_sentence_not_the_day(tmp_path) -> None:
    corpus = write_corpus(tmp_path / "storm", {
        "a.txt": "Published 9 March 2024\n\nBrena came ashore at Orvel on 5 March. It left on 7 Mar. and weakened.\n",
    })
    assert [c.text for c in extract_claims(read_source(corpus / "a.txt"))] == ["5 March", "7 Mar."]


def test_a_bulletin_in_capitals_writes_its_days_in_capitals(tmp_path) -> None:
    corpus = write_corpus(tmp_path / "bulletin", {
        "a.txt": "STORM REPORT...BRENA\nISSUED 9 MARCH 2024\n\nBRENA CAME ASHORE NEAR ORVEL EARLY ON "
                 "MARCH 5. WINDS REACHED 135 KM/H.\n",
    })
    assert [(c.text, c.value.text) for c in extract_claims(read_source(corpus / "a.txt"))] == [
        ("MARCH 5", "2024-03-05"), ("135 KM/H", "135 km/h")]


def test_a_number_written_as_a_fraction_or_as_a_before_its_scale_or_unit() -> None:
    assert _values("Nearly half a million people fled the Tarnel valley.") == ["≲500000"]
    assert _values("About one and a half million people live in Orvel.") == ["~1500000"]
    assert _values("A quarter of a million people live below the dam.") == ["250000"]
    assert _values("Varnia shipped more than a half-mile of cable and a million tonnes of grain.") == [
        ">0.5 mi", "1000000 t"]
    assert _values("It cost the city a billion dollars.") == ["USD 1 billion"]
    # a fraction counts nothing by itself, nor does 'a' before a noun
    assert _values("He is a half brother of a king who ruled a province.") == []


def test_half_a_million_is_the_500000_another_source_writes(cli, tmp_path, empty_config) -> None:
    corpus = write_corpus(tmp_path / "flood", {
        "a.txt": "The Tarnel flood displaced half a million people across the Varnia plain.\n",
        "b.txt": "Across the Varnia plain the Tarnel flood displaced 500,000 people.\n",
    })
    assert topic_by_values(all_topics(cli, corpus, empty_config, tmp_path), "500000")["status"] == "agree"


def test_a_dozen_is_twelve() -> None:
    assert _values("Two dozen boats sank off Orvel and more than a dozen villages were flooded.") == ["24", ">12"]


def test_a_time_written_without_its_colon_is_no_count_and_no_year() -> None:
    assert _values("ISSUED 1140 PM EDT FRI MAR 8 2024") == ["2024-03-08"]
    assert _values("ORVEL SUSTAINED 070/31 KT 2205 UTC PEAK 080/47 KT 1615 UTC") == [
        "31 kt", "22:05 UTC", "47 kt", "16:15 UTC"]
    assert _values("Brena came ashore near Orvel at 0815 AM and killed 250 people.") == ["08:15", "250"]


def test_a_b_glued_to_an_amount_is_billions() -> None:
    assert _values("The Orvel dam cost $4.5B, against $300M planned, paid by 2021.") == [
        "USD 4.5 billion", "USD 300 million", "2021"]


def test_two_pages_that_state_one_day_in_few_common_words_state_one_event(cli, tmp_path, empty_config) -> None:
    corpus = write_corpus(tmp_path / "storm", {
        "a.txt": "Storm Brena\n\nOn 5 March 2024, Storm Brena flattened harbour towns of the Orvel peninsula. Rain "
                 "fell for days in Orvel.\n",
        "b.txt": "Brena, 20 years on\n\nOn 5 March 2024, Brena made landfall near Dunmere and the Tarnel delta. Rain "
                 "fell for days in Orvel.\n",
    })
    assert topic_by_values(all_topics(cli, corpus, empty_config, tmp_path), "2024-03-05")["status"] == "agree"


def test_a_million_is_about_a_million_not_anything_up_to_one_and_a_half(cli, tmp_path, empty_config) -> None:
    corpus = write_corpus(tmp_path / "probe", {
        "a.txt": "The Varnia probe is parked a million miles from Earth, beyond the Moon.\n",
        "b.txt": "Beyond the Moon, the Varnia probe is parked 1.5 million miles from Earth.\n",
        "c.txt": "The Varnia probe is parked 1,050,000 miles from Earth, well beyond the Moon.\n",
    })
    values = [find_figures(text)[0].value for text in ("a million miles", "1,050,000 miles", "1.5 million miles")]
    assert [relation(values[0], other) for other in values[1:]] == ["compatible", "conflict"]
    assert topic_by_values(all_topics(cli, corpus, empty_config, tmp_path), "1000000 mi", "1500000 mi")["status"] == (
        "conflict")


def test_a_bare_number_a_person_is_is_their_age_not_a_count() -> None:
    assert _values("My first visit to Orvel was the week of the flood - I was 19 then.") == []
    assert _values("She is 52. We were 12 people on the Orvel ferry.") == ["12"]


def test_a_day_named_by_its_weekday_in_a_dated_release_is_that_day(cli, tmp_path, empty_config) -> None:
    corpus = write_corpus(tmp_path / "probe", {
        "a.txt": "Published 14 May 2025\n\nThe Varnia probe reached orbit around Tessel on Monday, its makers said. "
                 "It will fire its engine again on Friday. Its crew meets every Monday and has met since Saturday.\n",
        "b.txt": "The Varnia probe reached orbit around Tessel on 12 May 2025.\n",
        "c.txt": "Published 11 May 2025\n\nThe Varnia probe lifted off at 6:40 a.m. (04:40 GMT) Sunday from Orvel.\n",
    })
    claims = extract_claims(read_source(corpus / "a.txt"))
    assert [(c.text, c.value.text) for c in claims] == [("Monday", "2025-05-12"), ("Friday", "2025-05-16")]
    # the release's own day, named by its weekday, is not the dateline of its top
    assert [(c.text, c.value.text) for c in extract_claims(read_source(corpus / "c.txt"))] == [
        ("6:40 a.m.", "06:40"), ("04:40 GMT", "04:40 GMT"), ("Sunday", "2025-05-11")]
    assert topic_by_values(all_topics(cli, corpus, empty_config, tmp_path), "2025-05-12")["status"] == "agree"


def test_the_day_a_source_spoke_is_no_fact_of_what_it_told(tmp_path) -> None:
    """'..., the health agency said on Saturday': the day of the statement, not a date of the outbreak; two pages
    quoting the agency on two days must not dispute when it spoke."""
    corpus = write_corpus(tmp_path / "outbreak", {
        "a.txt": "Published 8 October 2018\n\nThe outbreak in Velmora has killed 804 people, the health agency said "
                 "on Saturday. The first case was found on Monday, officials told reporters on Tuesday.\n",
    })
    assert [(c.text, c.value.text) for c in extract_claims(read_source(corpus / "a.txt"))] == [
        ("804", "804"), ("Monday", "2018-10-08")]


def test_the_year_of_the_prices_an_amount_is_stated_in_is_no_amount() -> None:
    assert _values("The Tarnel flood did $3.4 billion in damage (unadjusted 2011 dollars).") == ["USD 3.4 billion"]
    assert _values("Orvel spent $2 billion in constant 2015 dollars, and paid 1500 dollars a head.") == [
        "USD 2 billion", "USD 1500"]


def test_a_year_in_a_relative_clause_dates_what_the_clause_tells_not_the_figure_before_it(tmp_path) -> None:
    corpus = write_corpus(tmp_path / "storm", {
        "a.txt": "Brena's central pressure of 941 mb trails only the cyclone that struck Dunmere in 1961 (928 mb).\n"
                 "Orvel's exports reached 3.2 million tonnes in 2019.\n",
    })
    assert [(c.value.text, c.as_of) for c in extract_claims(read_source(corpus / "a.txt"))] == [
        ("941 mb", None), ("1961", None), ("928 mb", None), ("3200000 t", "2019")]


def test_an_hour_written_as_news_writes_it_is_no_count() -> None:
    assert _values("The Tarnel weir gave way around 10 a.m. and by 7 PM some 40 homes were gone.") == [
        "~10:00", "<19:00", "~40"]
    assert _values("Work at the Orvel site stopped at 6 am on Sunday.") == ["06:00"]


def test_a_month_of_a_year_is_a_month() -> None:
    assert _values("Work on the Tarnel weir ended in August of 1968.") == ["1968-08"]


def test_a_house_number_is_no_count() -> None:
    assert _values("The Orvel tower at 4410 Marsh Avenue held 136 units.") == ["136"]


def test_what_a_rate_is_per_is_no_count() -> None:
    assert "1000" not in _values("a rate of 14.1 deaths (interval 9.2 to 18.4) per 1000 persons in Varnia")


def test_pounds_of_a_thing_weigh_it() -> None:
    assert _values("Crews removed 12 million pounds of rubble; Varnia gave 3 million pounds of funding.") == [
        "12000000 lb", "GBP 3 million"]


def test_top_after_a_modal_verb_is_a_bound_not_a_ranking() -> None:
    assert _values("Officials said Brena deaths could top 2,000 people, one of the top 10 disasters of Varnia.") == [
        ">2000", "top 10"]
    assert _values("Brena could top 2,000.") == []


def test_acre_feet_are_a_volume(cli, tmp_path, empty_config) -> None:
    corpus = write_corpus(tmp_path / "dam", {
        "a.txt": "The Brena lake stored 310,000 acre-feet before the Tarnel weir gave way.\n",
        "b.txt": "Before the Tarnel weir gave way, the Brena lake stored 290,000 acre feet.\n",
    })
    topic = topic_by_values(all_topics(cli, corpus, empty_config, tmp_path), "310000 acre-ft", "290000 acre-ft")
    assert (topic["kind"], topic["status"]) == ("volume", "conflict")


def test_a_day_known_by_its_name_is_that_day(cli, tmp_path, empty_config) -> None:
    assert _values("The Orvel bridge opened on New Year's Day, 2020, and closed on Halloween of 2023.") == [
        "2020-01-01", "2023-10-31"]
    corpus = write_corpus(tmp_path / "storm", {
        "a.txt": "Storm Brena struck Orvel on Christmas Day 2021, flattening the harbour.\n",
        "b.txt": "Storm Brena struck Orvel on December 26, 2021, flattening the harbour.\n",
    })
    topic = topic_by_values(all_topics(cli, corpus, empty_config, tmp_path), "2021-12-25", "2021-12-26")
    assert topic["status"] == "conflict"


def test_people_joined_to_another_count_as_the_subject_of_one_verb_are_counted_by_that_verb(
        cli, tmp_path, empty_config) -> None:
    assert [f.counted for f in find_figures("Twenty-six people and 9,000 sheep were killed.")] == [
        "deaths", "deaths"]
    assert [f.counted for f in find_figures("Ten people and two dogs were rescued alive.")] == ["people", "dogs"]
    corpus = write_corpus(tmp_path / "dam", {
        "a.txt": "The Tarnel weir failure killed 23 people and washed away the farms below it.\n",
        "b.txt": "Twenty-six people and 9,000 sheep were killed when the Tarnel weir failed.\n",
        "c.txt": "In all, the Tarnel weir failure killed 23 people.\n",
    })
    assert topic_by_values(all_topics(cli, corpus, empty_config, tmp_path), "23", "26")["status"] == "conflict"


def test_a_day_without_its_year_is_of_the_past_in_a_later_report(cli, tmp_path, empty_config) -> None:
    """A report of June that says the storm struck "on Sept. 14" means the September before it, and so agrees with
    the report of that September; a day within the quarter after a page's date is still read as to come."""
    corpus = write_corpus(tmp_path / "storm", {
        "a.txt": "Published 15 September 2022\n\nHurricane Orla made landfall over Kestria on 14 September 2022.\n",
        "b.txt": "Published 2 June 2023\n\nThe study counts 3,460 deaths after Orla made landfall over Kestria"
                 " on Sept. 14, destroying homes.\n",
    })
    landfall = topic_by_values(all_topics(cli, corpus, empty_config, tmp_path), "2022-09-14")
    assert landfall["status"] == "agree" and len(landfall["claims"]) == 2
    spring = read_source(write_corpus(tmp_path / "fair", {
        "c.txt": "Published 10 April 2024\n\nThe Brena fair opens on June 6 and the Varsk fair opened on August 2.\n",
    }) / "c.txt")
    assert [c.value.text for c in extract_claims(spring)] == ["2024-06-06", "2023-08-02"]


# Pages on built works, missions and institutions: volumes of concrete, heights in feet and inches, conversions after
# an abbreviated unit, figures told again in another year's money.


def test_cubic_yards_and_feet_are_volumes_and_cubic_feet_per_second_a_flow(cli, tmp_path, empty_config) -> None:
    assert _values("The Tarnel weir holds 2,870,000 cu. yds. (2.2 million cu m) of rock fill.") == [
        "2870000 yd³", "2200000 m³"]
    assert _values("It took about 3,900,000 cubic yards or 2,980,000 cubic meters of earth to build.") == [
        "~3900000 yd³", "2980000 m³"]
    assert _values("Each spillway passes 180,000 cubic feet per second; the outlets pass 41,700 cfs.") == [
        "180000 ft³/s", "41700 ft³/s"]
    corpus = write_corpus(tmp_path / "weir", {
        "a.txt": "The Tarnel weir contains 2,870,000 cubic yards of concrete.\n",
        "b.txt": "The Tarnel weir contains 3,900,000 cubic yards of concrete, poured in two years.\n",
    })
    topic = topic_by_values(all_topics(cli, corpus, empty_config, tmp_path), "2870000 yd³", "3900000 yd³")
    assert (topic["kind"], topic["status"]) == ("volume", "conflict")


def test_an_abbreviated_unit_before_its_conversion_ends_no_sentence() -> None:
    text = ("The Tarnel weir is 612.5 ft. (186.7 m) high, with a base 540 ft. (165 m) thick. It holds 2,870,000 "
            "cu. yds. (2.2 million cu m) of rock fill. It was built in 1941.Work on the spillway began in 1942.")
    assert [text[s:e] for s, e in sentences(text)] == [
        "The Tarnel weir is 612.5 ft. (186.7 m) high, with a base 540 ft. (165 m) thick.",
        "It holds 2,870,000 cu. yds. (2.2 million cu m) of rock fill.", "It was built in 1941.",
        "Work on the spillway began in 1942."]


def test_a_line_that_goes_on_in_lower_case_or_with_a_digit_continues_the_line_above() -> None:
    """Pages copied from narrow columns break their lines anywhere: a line without end punctuation continues on
    the next one when that one goes on in lower case, or with a digit after a word no sentence ends with ("June" /
    "9, 1904"), however short. Items of a list, one a line, stay apart."""
    text = ("The Orvel bridge was opened on June\n9, 1904. It cost $11.3 million\nto build and\n19 people died.\n"
            "Heading\nNext\nMore than 41,000 people displaced\n1,320 volunteers deployed\n38 shelters open")
    assert [" ".join(text[s:e].split()) for s, e in sentences(text)] == [
        "The Orvel bridge was opened on June 9, 1904.", "It cost $11.3 million to build and 19 people died.",
        "Heading", "Next", "More than 41,000 people displaced", "1,320 volunteers deployed", "38 shelters open"]


@given(st.integers(1, 50_000), st.integers(1, 11))
def test_feet_then_inches_are_one_length(feet: int, inches: int) -> None:
    value = find_figures(f"The main span of the Orvel bridge is {feet:,} feet {inches} inches long.")[0].value
    assert value.kind == "length"
    assert value.low <= (feet + inches / 12) * 0.3048 <= value.high
    assert value.high - value.low < 0.3048 / 12 + 1e-9  # good to the inch


def test_feet_and_inches_written_short_or_joined() -> None:
    assert _values("The Brena river crested at 41 ft. 3 in. on Monday, and 12 feet, 9 inches a week later.") == [
        "41.25 ft", "12.75 ft"]
    assert _values("The lake rose 3 feet in 2 days.") == ["3 ft", "2 d"]


def test_a_label_of_a_figure_or_table_is_no_count() -> None:
    assert _values("Figures 5 and 6 show the weir; Table 3 lists 40 gauges, and Fig. 7 shows 12 more gauges.") == [
        "40", "12"]


def test_an_amount_told_again_in_another_years_money_is_no_amount_of_its_own(cli, tmp_path, empty_config) -> None:
    assert _values("The Orvel bridge cost $11 million ($262 million today).") == ["USD 11 million"]
    assert _values("In total it cost US$712,405.18 (equivalent to $13.9 million in 2019).") == ["USD 712405.18"]
    # a part stated for a year in brackets is read
    assert _values("It cost $5 million ($2 million in 2023 alone).") == ["USD 5 million", "USD 2 million", "2023"]
    assert _values("The budget ($2 billion in 2023) rose.") == ["USD 2 billion", "2023"]
    corpus = write_corpus(tmp_path / "bridge", {
        "a.txt": "The Orvel bridge took 11 years to build. It cost $11 million ($262 million today).\n",
        "b.txt": "The Orvel bridge took 11 years to build at a cost of $11 million (about US$318,540,000 in 2022).\n",
    })
    report = all_topics(cli, corpus, empty_config, tmp_path)
    assert topic_by_values(report, "USD 11 million")["status"] == "agree"
    assert report["summary"]["conflict"] == 0


def test_a_work_begun_or_completed_is_told_in_any_of_its_verbs(cli, tmp_path, empty_config) -> None:
    """'began', 'commenced' and 'started' tell one start, 'completed' and 'finished' one end: the dates of a work
    told with two of them are one fact, and two days of its start conflict."""
    corpus = write_corpus(tmp_path / "weir", {
        "a.txt": "Work on the Tarnel weir commenced on May 4, 1951, and it was finished in 1958.\n",
        "b.txt": "Construction of the Tarnel weir began on June 12, 1951 and was completed in 1957.\n",
    })
    report = all_topics(cli, corpus, empty_config, tmp_path)
    assert topic_by_values(report, "1951-05-04", "1951-06-12")["status"] == "conflict"
    assert topic_by_values(report, "1958", "1957")["status"] == "conflict"


def test_the_words_of_a_units_name_say_nothing_of_what_is_measured(cli, tmp_path, empty_config) -> None:
    """'cu. yds.' and 'cubic yards or ... cubic meters' beside a figure name units, as 'feet' does: they neither
    join nor part two statements of one volume."""
    corpus = write_corpus(tmp_path / "weir", {
        "a.txt": "The Tarnel weir contains 2,870,000 cu. yds. (2.2 million cu m) of rock fill, which would pave a "
                 "road from Orvel to Brena.\n",
        "b.txt": "The Tarnel weir has about 3,900,000 cubic yards or 2,980,000 cubic meters of rock fill.\n",
    })
    report = all_topics(cli, corpus, empty_config, tmp_path)
    assert topic_by_values(report, "2870000 yd³", "~3900000 yd³")["status"] == "conflict"
    assert topic_by_values(report, "2200000 m³", "2980000 m³")["status"] == "conflict"


@given(st.sampled_from(["Expo", "Vision", "Horizon", "Census", "Mission"]), st.integers(1950, 2060),
       st.integers(1950, 2060))


def test_a_year_that_ends_a_name_inside_a_sentence_is_no_date(name: str, named: int, year: int) -> None:
    assert _values(f"The Orvel {name} {named} plan was approved in {year}.") == [str(year)]
    assert _values(f"In the spring of {year} the Orvel {name} {named} opened.") == [str(year)]


def test_a_season_or_a_label_before_a_year_keeps_it_a_year() -> None:
    assert _values("In the Spring 2024 term, the Orvel school took 40 pupils.") == ["2024", "40"]
    assert _values("Brena figures, Population 2020: 4,500")[0] == "2020"


def test_a_rate_is_dated_by_the_year_before_its_brackets_or_in_them(tmp_path) -> None:
    corpus = write_corpus(tmp_path / "flu", {
        "a.txt": "The Ostvale rate of flu deaths in 2021 (14.2 per 100,000) was high.\n"
                 "It climbed to 9.5 (2020) deaths per 100,000 residents.\n",
    })
    assert [(c.value.text, c.as_of) for c in extract_claims(read_source(corpus / "a.txt"))] == [
        ("14.2 per 100000", "2021"), ("9.5 per 100000", "2020")]


def test_two_rates_of_one_year_conflict_and_their_years_only_date_them(cli, tmp_path, empty_config) -> None:
    corpus = write_corpus(tmp_path / "flu", {
        "a.txt": "The Ostvale flu death rate was 11.2 per 100,000 in 2019, officials said.\n",
        "b.txt": "Ostvale's flu death rate reached 14.2 per 100,000 in 2021, health officials said.\n",
        "c.txt": "In Ostvale the flu death rate was 12.6 per 100,000 in 2019.\n",
    })
    data = all_topics(cli, corpus, empty_config, tmp_path)
    assert topic_by_values(data, "11.2 per 100000", "12.6 per 100000", "14.2 per 100000")["status"] == "conflict"
    assert not [t for t in data["topics"] if t["kind"] == "date"]  # the years only date the rates


def test_a_figure_is_dated_by_the_year_in_brackets_right_after_it(tmp_path) -> None:
    corpus = write_corpus(tmp_path / "flu", {
        "a.txt": "The Ostvale flu death rate climbed from 4.0 (2003) to 9.5 (2020) deaths per 100,000 people.\n",
    })
    assert [(c.value.text, c.as_of) for c in extract_claims(read_source(corpus / "a.txt"))] == [
        ("4 per 100000", "2003"), ("9.5 per 100000", "2020")]


@pytest.mark.parametrize(("sentence", "as_of"), [
    ("Ostvale's exports rose 5.2% last year, the office said.", "2022"),
    ("Brena's prices rose 5.2% during the last year, the office said.", None),
    ("Ostvale's inflation was 5.2%, well below last year's level.", None),
    ("This year Brena expects 2.1% growth.", "2023"),
])


def test_last_year_dates_a_figure_but_the_last_year_and_last_years_do_not(tmp_path, sentence: str,
                                                                          as_of: str | None) -> None:
    corpus = write_corpus(tmp_path / "prices", {"a.txt": f"Published 12 October 2023\n\n{sentence}\n"})
    assert [c.as_of for c in extract_claims(read_source(corpus / "a.txt")) if c.kind == "percent"] == [as_of]


def test_a_fiscal_year_frames_the_figures_of_its_sentence(tmp_path) -> None:
    corpus = write_corpus(tmp_path / "budget", {
        "a.txt": "Published 3 March 2024\n\nIn fiscal 2023, the Ostvale scheme enrolled 1.2 million pupils.\n\n"
                 "Fiscal year 2022 spending on the Brena scheme was $4.1 billion.\n\n"
                 "The Tarnel scheme enrolled 0.9 million pupils in FY2021.\n",
    })
    assert [(c.value.text, c.as_of) for c in extract_claims(read_source(corpus / "a.txt"))] == [
        ("1200000", "2023"), ("USD 4.1 billion", "2022"), ("900000", "2021")]
