"""Wordings of one fact that real pages use and the test corpora did not: initials written with full stops, a noun
and its synonym, a group that already holds a value a newcomer states, tallies that reports date each on a day of
their own. Each corpus is written by the test, with invented places and figures, in the shapes news and reference
pages take."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from kzfr_check.claims import extract_claims
from kzfr_check.qualifiers import qualifiers_of
from kzfr_check.sources import read_source
from kzfr_check.topics import _context  # noqa: PLC2701
from kzfr_check.values import find_figures

from conftest import all_topics, write_corpus


def _topics(cli, tmp_path: Path, config: Path, files: dict[str, str]) -> list[dict]:  # type: ignore[no-untyped-def]
    return all_topics(cli, write_corpus(tmp_path / "corpus", files), config, tmp_path)["topics"]


def _sources(topic: dict) -> list[str]:
    return sorted({c["source"] for c in topic["claims"]})


def _verdicts(topics: list[dict], kind: str) -> list[tuple[str, list[str]]]:
    """Each topic of a kind, as its status and its values."""
    return [(t["status"], sorted(v["value"] for v in t["values"])) for t in topics if t["kind"] == kind]


def test_initials_with_full_stops_name_the_same_holder(cli, tmp_path, empty_config) -> None:
    """'the U.S.' is 'the US': two ranks among its partners are one fact, here in conflict."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Brena now sixth partner\n\nBrena is currently the 6th largest trading partner of the US.\n",
        "b.txt": "Trade ties deepen\n\nBrena has become the fifth largest trading partner of the U.S. in goods.\n",
    })
    ranks = [t for t in topics if t["kind"] == "rank"]
    assert [(t["status"], _sources(t)) for t in ranks] == [("conflict", ["a", "b"])]


def test_a_noun_and_its_synonym_count_one_thing(cli, tmp_path, empty_config) -> None:
    """'structures' and 'buildings', 'homes' and 'houses' (kzfr_check/lang/en.toml): one fact each."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Harlow fire: the toll of the damage\n\nBy Friday the Harlow fire had destroyed 6,453 homes and "
                 "more than 9,000 structures in all, the county said.\n",
        "b.txt": "Harlow counts its losses\n\nThe Harlow fire destroyed 6,453 houses and 9,400 buildings in all, "
                 "the county said on Saturday.\n",
    })
    counts = sorted((t["status"], [v["value"] for v in t["values"]]) for t in topics if t["kind"] == "count")
    assert counts == [("agree", ["6453"]), ("compatible", [">9000", "9400"])]


def test_a_synonym_beside_a_count_does_not_become_what_it_counts() -> None:
    """'2,450 employees in six factories': six counts factories, not employees."""
    found = find_figures("The group has 2,450 employees in six factories across four countries.")
    assert [(f.value.text, f.counted) for f in found] == [("2450", "employees"), ("6", "factories"),
                                                           ("4", "countries")]


def test_a_value_a_group_already_holds_joins_it_on_the_likeness_of_any_statement(cli, tmp_path,
                                                                                   empty_config) -> None:
    """A group that holds two values in conflict takes a third source that states one of them on the likeness that
    value needs, not the stronger likeness a new contradiction would: it brings none."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Harlow fire update\n\nThe Harlow fire has scorched 84,210 acres and destroyed more than 9,000 "
                 "structures, most of them homes.\n",
        "b.txt": "Harlow fire contained\n\nSince then, the Harlow fire has burned through 84,210 acres, and it is now "
                 "fully contained.\n",
        "c.txt": "Harlow fire by the numbers\n\nPublished 12 March 2021\n\nLand burned: 80,000 acres\n",
        "d.txt": "Harlow fire report\n\nThe latest report said that 5,000 homes had been destroyed, with 84,210 acres "
                 "burned.\n",
    })
    areas = [t for t in topics if t["kind"] == "area"]
    assert [(t["status"], _sources(t)) for t in areas] == [("conflict", ["a", "b", "c", "d"])]


def test_a_tally_each_report_states_as_of_a_day_of_its_own_is_running_years_apart(cli, tmp_path, empty_config) -> None:
    """Situation reports of an epidemic, 'As of 10 November 2019' and 'As of 1 March 2021': the later, larger toll
    is a change over time; tolls years apart that only their pages date stay a contradiction (a settled toll)."""
    running = _topics(cli, tmp_path / "running", empty_config, {
        "a.txt": "Marsh fever bulletin\nPublished 12 November 2019\n\nAs of 10 November 2019, the health ministry of "
                 "Velmora had reported 1,388 deaths from marsh fever.\n",
        "b.txt": "Marsh fever: the toll\nPublished 3 March 2021\n\nAs of 1 March 2021, the health ministry of Velmora "
                 "had reported 3,040 deaths from marsh fever.\n",
    })
    assert [t["status"] for t in running if t["kind"] == "count"] == ["changed"]
    settled = _topics(cli, tmp_path / "settled", empty_config, {
        "a.txt": "Marsh fever bulletin\nPublished 12 November 2019\n\nThe health ministry of Velmora reported 1,388 "
                 "deaths from marsh fever.\n",
        "b.txt": "Marsh fever: the toll\nPublished 3 March 2021\n\nThe health ministry of Velmora reported 3,040 "
                 "deaths from marsh fever.\n",
    })
    assert [t["status"] for t in settled if t["kind"] == "count"] == ["conflict"]


def _read(sentence: str) -> list[str]:
    return [f.value.text for f in find_figures(sentence)]


def test_how_long_a_span_lasted_is_read_after_during_and_before_an_offset_word_after_for() -> None:
    """'held underground during 41 days' (as translated news writes it) and 'for 41 days before they were brought
    up' say how long; 'during the past 5 days' spreads what is counted, and '41 days later' dates an event."""
    assert _read("The 21 diggers held underground during 41 days were brought up on Monday.") == ["21", "41 d"]
    assert _read("The diggers were held underground for 41 days before they were brought up.") == ["41 d"]
    assert _read("They stayed there for about two weeks after the rockslide.") == ["~2 wk"]
    assert _read("Forty cases were confirmed during the past 5 days.") == ["40"]
    assert _read("The diggers were brought up 41 days later.") == []


def test_a_file_s_name_states_no_figure() -> None:
    """An infobox's 'Image Name: Ostrel shaft headframe 2016.jpg' names a picture, not a year of the shaft."""
    assert _read("Image Name: Ostrel shaft headframe 2016.jpg") == []
    assert _read("See IMG_2041.png and the report ostrel-2019-03.pdf for the 21 diggers.") == ["21"]


def test_a_whole_number_and_a_half_and_nautical_miles() -> None:
    """'two and a half miles' is 2.5 miles, not half a mile; a nautical mile is a length."""
    assert _read("The floor of the trench lies two and a half miles below the surface.") == ["2.5 mi"]
    assert _read("The delay of about seven and a half years angered the board.") == ["~7.5 yr"]
    assert _read("The wreck lies 210 nautical miles off the coast of Varnholm.") == ["210 nmi"]
    assert _read("The 400-metre-long (430-yard) ship blocked the canal.") == ["400 m", "430 yd"]


def test_one_length_in_feet_and_in_metres_is_one_fact(cli, tmp_path, empty_config) -> None:
    """'512.5 feet long' and '156.2 metres in length' are one size in two units: the same value, linked as two
    sources of one written value are, though their words differ."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "The Marlowen\n\nLaunched in Orsk, the Marlowen was the largest vessel of its day, 512.5 feet long, "
                 "with a top speed of 21 knots.\n",
        "b.txt": "The Marlowen\n\nDesigned by Pell Arvane, the vessel measured 156.2 metres in length and weighed "
                 "30,100 tons.\n",
    })
    assert [(t["status"], _sources(t)) for t in topics if t["kind"] == "length"] == [("compatible", ["a", "b"])]


def test_people_and_persons_count_one_thing(cli, tmp_path, empty_config) -> None:
    """'612 people' and '611 persons' who lived through one loss: one fact, in conflict."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Ferry loss\n\nJust 612 people lived through the loss of the Marlowen.\n",
        "b.txt": "Ferry loss\n\nJust 611 persons lived through the loss of the Marlowen.\n",
    })
    assert [(t["status"], _sources(t)) for t in topics if t["kind"] == "count"] == [("conflict", ["a", "b"])]


def test_bounds_headlines_write_with_verbs() -> None:
    """'tops $1.4 billion' and 'climbed past 1,000' are lower bounds; 'not to exceed $8 billion' is an upper one."""
    assert _read("Cost to mend the Brellin weir tops $1.4 billion") == [">USD 1.4 billion"]
    assert _read("The toll climbed past 1,000 deaths on Monday.") == [">1000"]
    assert _read("Congress set a cap not to exceed $8 billion on the Orlan survey.") == ["≤USD 8 billion"]
    assert _read("The board said costs must not exceed $8 billion.") == ["≤USD 8 billion"]


def test_a_flow_of_water_a_history_s_span_and_a_range_from_a_word() -> None:
    """'42,000 cubic feet of water per second' is a flow; 'its 52-year history' says how long; 'five to 10 years'
    is a range, not 10 years."""
    assert _read("Gatekeepers let 42,000 cubic feet of water per second pour through the sluice.") == ["42000 ft³/s"]
    assert _read("It was the Tarnell weir's first overflow in its 52-year history.") == ["52 yr"]
    assert _read("The ship is designed to chart the Pellan trench for five to 10 years.") == ["5–10 yr"]
    assert _read("The survey will take between five and seven years.") == ["5–7 yr"]


def test_a_value_before_a_change_told_with_a_bare_verb_or_an_article_is_of_another_time(cli, tmp_path,
                                                                                        empty_config) -> None:
    """'will increase from $3.1 billion to ...' and 'up from an $3.1 billion estimate' give the value before a
    change, not the cost another source states now."""
    for number, change in enumerate(["will increase from $3.1 billion to $4.2 billion",
                                     "is $4.2 billion, up from an $3.1 billion estimate"]):
        topics = _topics(cli, tmp_path / str(number), empty_config, {
            "a.txt": f"Brannock tunnel estimate\nPublished 3 March 2031\n\nOfficials said on Monday that the total "
                     f"cost of the Brannock tunnel {change}.\n",
            "b.txt": "Brannock tunnel update\nPublished 3 March 2031\n\nOfficials said on Monday that the total cost "
                     "of the Brannock tunnel is $3.1 billion.\n",
        })
        assert not [t for t in topics if {"a", "b"} <= {c["source"] for c in t["claims"] if c["value"] ==
                                                        "USD 3.1 billion"}], change


def test_two_nouns_joined_by_and_are_one_subject_of_their_verb_but_a_whole_is_not_its_part() -> None:
    """'1,212 passengers and crew died' counts deaths, as '1,212 crew died' does; in '1,500 of the 2,224 people
    aboard died' the 2,224 did not all die."""
    counted = [(f.value.text, f.counted) for f in find_figures(
        "In all, 1,212 passengers and crew died when the Marlowen went down.")]
    assert counted == [("1212", "deaths")]
    assert [(f.value.text, f.counted) for f in find_figures("Of the ship's crew, 1,500 of the 2,224 people aboard "
                                                            "died.")][-1] == ("2224", "people")


def test_hundreds_counted_past_ten_and_volumes_in_cubic_kilometres_and_miles() -> None:
    """'Thirteen hundred feet' is 1,300 feet (it was 13 and 100 feet); a volcano's volumes come in km³ and mi³."""
    assert _read("Thirteen hundred feet of the summit were blown away.") == ["1300 ft"]
    assert _read("The peak lost twelve hundred and six feet.") == ["1206 ft"]
    assert _read("The blast threw out 0.67 cubic miles (2.79 km3) of rock.") == ["0.67 mi³", "2.79 km³"]


def test_floors_and_stories_ships_and_vessels_count_one_thing(cli, tmp_path, empty_config) -> None:
    """'a 64-story tower' and '66 floors' are one fact, as '40 ships' and '32 vessels' a day are."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Velmar Tower\n\nThe Velmar Tower is a 64-story office tower in Orsk. About 40 ships cross the Orlen "
                 "strait each day.\n",
        "b.txt": "Velmar Tower facts\n\nThe Velmar office tower in Orsk has 66 floors. About 32 vessels cross the "
                 "Orlen strait each day.\n",
    })
    assert sorted((t["status"], _sources(t)) for t in topics if t["kind"] == "count") == [
        ("conflict", ["a", "b"]), ("conflict", ["a", "b"])]


def test_a_range_whose_ends_both_carry_their_scale_is_one_figure() -> None:
    """'between 2 million and 4 million' and '$2 billion to $3 billion' are ranges, not their upper ends."""
    assert _read("Between 2 million and 4 million Dravians died of the fever.") == ["2000000–4000000"]
    assert _read("The fever killed 500 thousand to 1 million people.") == ["500000–1000000"]
    assert _read("The Orlan survey will cost $2 billion to $3 billion.") == ["USD 2 billion to USD 3 billion"]
    assert _read("The cost rose from $2 billion to $3 billion.") == ["USD 2 billion", "USD 3 billion"]


def test_a_guess_at_the_past_is_no_forecast_and_a_plunge_is_a_change(cli, tmp_path, empty_config) -> None:
    """'may have killed as many as 90,000' estimates a toll; 'plunged by 9 years' is the size of a change, as
    'fell by 9 years' is."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Korvel fever\n\nHistorians of the Ostra institute say the Korvel fever may have killed as many as "
                 "90,000 people across the continent. In Dravia, life expectancy at birth fell by 9 years in 1871.\n",
        "b.txt": "The continent and the fever\n\nHistorians of the Ostra institute say the Korvel fever killed some "
                 "140,000 people across the continent. In Dravia, life expectancy at birth plunged by 9 years in "
                 "1871.\n",
    })
    assert sorted((t["kind"], t["status"], _sources(t)) for t in topics) == [
        ("count", "conflict", ["a", "b"]), ("duration", "agree", ["a", "b"])]


def test_floors_in_french_and_in_english_are_one_count(cli, tmp_path, empty_config) -> None:
    """'64 floors' and '66 étages' count one thing ('64 floors and was finished' counts floors, not completion)."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Velmar Tower\n\nThe Velmar office tower in Orsk has 64 floors and was finished in 1931.\n",
        "b.txt": "La tour Velmar\n\nLa tour de bureaux Velmar, à Orsk, compte 66 étages et a été achevée en 1931.\n",
    })
    assert [(t["status"], _sources(t)) for t in topics if t["kind"] == "count"] == [("conflict", ["a", "b"])]


def test_a_page_of_figures_lists_each_before_its_description_or_after_its_label_and_a_dash() -> None:
    """'2,400: Workers hired to raise the tower' counts workers, and the line after it counts its own; 'Number of
    windows – 6,600.' counts windows."""
    found = find_figures("88: Harlow Building's height, in stories\n31: People who have fallen to their deaths from "
                         "the Harlow Building\n1,210: Stairs in the yearly stair race\n2,400: Workers hired to raise "
                         "the tower\n19: Lifts serving the tower")
    assert [(f.value.text, f.counted) for f in found] == [
        ("88", "stories"), ("31", "deaths"), ("1210", "stairs"), ("2400", "workers"), ("19", "lifts")]
    assert [(f.value.text, f.counted) for f in find_figures("Number of windows – 6,600.")] == [("6600", "windows")]


def test_a_long_line_that_ends_with_its_credits_and_a_sentence_with_the_word_copyright_are_read(cli, tmp_path,
                                                                                                empty_config) -> None:
    """A page flattened into one line ends with '© GRAPHIC NEWS'; 'the Velmora copyright case' is no notice. Only a
    short line with a notice is page furniture."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Velmora Games: the bill\n\nVelmora has spent about $140bn on stadiums, roads and a new metro line "
                 "for the Games, according to the finance ministry, which also says the studio must pay $12 million "
                 "in the Velmora copyright case. Pictures: Getty Images © GRAPHIC NEWS\n",
        "b.txt": "Velmora Games\n\nVelmora has spent about $120bn on stadiums, roads and a new metro line for the "
                 "Games, the finance ministry said. The studio must pay $15 million in the Velmora copyright case.\n"
                 "\n© 2031 Orsk Herald. All rights reserved.\n",
    })
    assert sorted((t["status"], _sources(t)) for t in topics if t["kind"] == "money") == [
        ("conflict", ["a", "b"]), ("conflict", ["a", "b"])]
    assert not [t for t in topics if t["kind"] == "date"]


def test_a_part_joined_by_a_word_sets_a_count_apart_not_an_amount(cli, tmp_path, empty_config) -> None:
    """'$310 billion into Games-related infrastructure' is the amount 'for the Games' another source states; a count
    of 'ferry-related deaths' stays a part of all deaths (tests/test_false_conflicts.py)."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Velmora report\n\nVelmora has poured $310 billion into Games-related infrastructure, officials "
                 "said.\n",
        "b.txt": "Velmora figures\n\nVelmora has poured $260 billion into infrastructure for the Games, officials "
                 "said.\n",
    })
    assert [(t["status"], _sources(t)) for t in topics] == [("conflict", ["a", "b"])]


def test_a_span_before_the_noun_of_what_lasts_it_is_read() -> None:
    """'the 20-month grounding' says how long the grounding lasted ('a five-year plan' names a plan)."""
    assert _read("Regulators ended the 20-month grounding of the Halvex 515 on Wednesday.") == ["20 mo"]
    assert _read("The board adopted a five-year plan.") == []


def test_a_count_of_people_may_count_spectators_or_passengers(cli, tmp_path, empty_config) -> None:
    """'88,966 people in Lusail arena' and '88,966 spectators' are one count, as '1,460 people on board' and '1,472
    passengers on board' are (kzfr_check/lang/en.toml, hypernyms); spectators are not workers."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Orvel final\n\nThe final drew 88,966 people in Orvel arena. The Marlowen left Tessport with 1,460 "
                 "people on board.\n",
        "b.txt": "Orvel final\n\nThe final was watched by 88,966 spectators in Orvel arena. The Marlowen left Tessport "
                 "with 1,472 passengers on board.\n",
    })
    assert sorted((t["status"], _sources(t)) for t in topics) == [("agree", ["a", "b"]), ("conflict", ["a", "b"])]


def test_a_span_told_in_two_units_or_more_is_one_figure() -> None:
    """'one year and 30 days' is 395 days, not a year and, apart, 30 days; it is good to its smallest unit."""
    assert _read("The Orlin Dam was finished in one year and 30 days.") == ["395 d"]
    assert _read("The Orlin Dam was finished in a year and 30 days.") == ["395 d"]
    assert _read("The works took five years and seven months.") == ["67 mo"]
    assert _read("The works took 2 years, 3 months and 5 days.") == ["827 d"]
    assert _read("The works took 5 days and then 3 years.") == ["5 d", "3 yr"]


@given(st.integers(1, 40), st.integers(1, 11), st.sampled_from([" and", ", and", ","]))
def test_years_and_months_add_up_to_months(years: int, months: int, joined: str) -> None:
    said = f"The works took {years} year{'s' * (years > 1)}{joined} {months} month{'s' * (months > 1)}."
    assert _read(said) == [f"{12 * years + months} mo"]


def test_a_share_said_as_a_fraction_of_a_whole() -> None:
    """'two-thirds of the roof' is about 66.7%, as 'one in three' is about 33.3%; a fraction of no whole ('a tenth of
    a second') and an ordinal's part ('the first third of the race') are no share."""
    assert _read("Two-thirds of the roof collapsed in the fire.") == ["~66.7%"]
    assert _read("About a third of the world population was infected.") == ["~33.3%"]
    assert _read("Three quarters of the town was flooded.") == ["~75%"]
    assert _read("The gate closed in a tenth of a second.") == []
    assert _read("He led for the first third of the race.") == []


def test_a_change_told_by_a_verb_its_object_and_by_is_no_level(cli, tmp_path, empty_config) -> None:
    """'expected to reduce imports of electricity by 70%' is the size of a change, not the share imported."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Talvia power\n\nTalvia currently imports about a fifth of its electricity from its neighbours.\n",
        "b.txt": "Talvia power\n\nThe dam is expected to reduce the imports of electricity of Talvia by 70%.\n",
    })
    assert topics == []


def test_the_least_and_the_most_of_something_are_two_facts(cli, tmp_path, empty_config) -> None:
    """'the lowest toll ever charged: US$ 0.52' and 'the highest toll to date, $412,000' are two records, not one toll
    that changed; a plain figure may still be either."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Orlen Strait facts\n\nIn 2011, the liner Marvel Star paid the highest toll to date, $412,000.\n",
        "b.txt": "Orlen Strait facts\nPublished 3 March 2016\n\nTomas Verlin, who rowed across the Orlen Strait in "
                 "1931, paid the lowest toll ever charged: US$ 0.52.\n",
    })
    assert topics == []


def test_units_as_infoboxes_write_them_and_a_figure_a_noun_will_be() -> None:
    """'28,537,000 acre·ft' is a volume (it was 28,537,000 acres), '27,300′' a length in feet; 'the toll will be
    93,000' counts deaths, as 'the toll was 4,000' does."""
    assert _read("Capacity 28,537,000 acre·ft, held by the Orlin Dam") == ["28537000 acre-ft"]
    assert _read("They reached 27,300′ on the ridge.") == ["27300 ft"]
    assert [(f.value.text, f.counted) for f in find_figures("The eventual death toll will be 93,000, the group "
                                                            "says.")] == [("93000", "deaths")]


def test_a_fact_box_label_may_state_its_year_and_planes_are_jets(cli, tmp_path, empty_config) -> None:
    """'Lung sickness deaths in 1994: 41' counts deaths of 1994, as 'In 1994, 37 workers died' does; '387 planes' and
    '371 jets' grounded count one thing."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Durnow leak: disputed figures\n\nLung sickness deaths in 1994: 41\n\nRegulators grounded 387 planes "
                 "of the Halvex fleet.\n",
        "b.txt": "Durnow leak remembered\n\nIn 1994, 37 workers died of the lung sickness after the Durnow leak. "
                 "Regulators grounded 371 jets of the Halvex fleet.\n",
    })
    assert sorted((t["status"], _sources(t)) for t in topics if t["kind"] == "count") == [
        ("conflict", ["a", "b"]), ("conflict", ["a", "b"])]


def test_a_span_of_time_said_with_a_after_a_word_of_how_long() -> None:
    """'for nearly a week', 'took a year', 'a year and a half' say how long; 'once a week' and 'a week later' do
    not."""
    assert _read("The canal was blocked for nearly a week.") == ["≲1 wk"]
    assert _read("The works took a year.") == ["1 yr"]
    assert _read("The strait stayed closed for a year and a half.") == ["1.5 yr"]
    assert _read("The ferry sails once a week, and the next one left a week later.") == []


def test_a_century_contradicts_no_year_or_day(cli, tmp_path, empty_config) -> None:
    """'By the late 19th century' and 'on August 15, 1914' tell of two times; two centuries may still disagree."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Orlen canal\n\nBy the late 19th century, commercial pressure on the Orlen canal works had grown. It "
                 "was first dug in the 17th century.\n",
        "b.txt": "Orlen canal\n\nThe Orlen canal works opened to commercial traffic on August 15, 1914. It was first "
                 "dug in the 16th century.\n",
    })
    assert [[v["value"] for v in t["values"]] for t in topics if t["status"] == "conflict"] == [
        ["16th century", "17th century"]]


def test_a_conversion_in_brackets_is_set_apart_as_the_figure_it_converts(cli, tmp_path, empty_config) -> None:
    """'Maximum water depth 590 ft (180 m)': the 180 m is a depth, as the 590 ft is, and no elevation 'above sea
    level'."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Lake Dorrow\n\nThe high-water line of Lake Dorrow is at 1,229 feet above sea level.\n",
        "b.txt": "Lake Dorrow\n\nMaximum water depth of Lake Dorrow 590 ft (180 m)\n",
    })
    assert topics == []


def test_what_had_been_due_on_a_weekday_is_past() -> None:
    """In a page of Saturday 1 April 2017, 'had been due to clear the harbour on Saturday' is that day; 'is due on
    Saturday' is the next one."""
    import datetime as dt

    from kzfr_check.values import weekday_figures

    day = dt.date(2017, 4, 1)
    assert [f.value.text for f in weekday_figures("Some 52 boats had been due to clear Tesk harbour on Saturday.",
                                                  day)] == ["2017-04-01"]
    assert [f.value.text for f in weekday_figures("The next sailing is due on Saturday.", day)] == ["2017-04-08"]


def test_a_time_before_a_capital_ends_no_sentence() -> None:
    """'At 9:32 a.m. EDT the Korrin probe lifted off' is one sentence: its date keeps the words that say what it
    dates."""
    from kzfr_check.claims import sentences

    text = "April 29, 2031 - At 9:32 a.m. EDT the Korrin probe lifts off from its pad. It reached orbit."
    assert [text[a:b] for a, b in sentences(text)] == [
        "April 29, 2031 - At 9:32 a.m. EDT the Korrin probe lifts off from its pad.", "It reached orbit."]


def _counted(sentence: str) -> list[tuple[str, str]]:
    return [(f.value.text, f.counted) for f in find_figures(sentence)]


def test_seconds_measure_how_long_and_statute_miles_are_miles() -> None:
    """'73 seconds into its flight' is how long it flew; a 'statute mile' is a mile, not a count."""
    assert _counted("The Tessel probe flew for 73 seconds before it came apart.") == [("73 s", "")]
    assert _counted("It was bound for a 177 statute mile circular orbit.") == [("177 mi", "")]
    # ... and seconds that end a span told in hours and minutes end that one span
    assert _counted("The flight lasted 142 hours, 54 minutes and 41 seconds.") == [("514481 s", "")]


def test_an_amount_whose_scale_follows_its_upper_end_is_one_range() -> None:
    """'$13–50 billion' is from 13 to 50 billion dollars, not 13 dollars; '$2.5-3 million' likewise."""
    assert _counted("Damage was put at $13–50 billion.") == [("USD 13–50 billion", "damage")]
    assert _counted("The refit cost $2.5-3 million.") == [("USD 2.5–3 million", "")]
    assert _counted("The refit cost $20-$30 million.") == [("USD 20–30 million", "")]


def test_from_and_to_make_a_range_unless_a_word_of_change_comes_before() -> None:
    """'estimated the damage from X to Y' is a range; 'rose from X to Y' and 'was cut from X to Y' are changes."""
    assert _counted("The agency put losses anywhere from $122 billion to $235 billion.") == [
        ("USD 122 billion to USD 235 billion", "")]
    assert _counted("Cases rose from 614 to 1,210 people.") == [("1210", "people")]
    assert [text for text, _ in _counted("The fine was cut from $10 million to $5 million.")] == [
        "USD 10 million", "USD 5 million"]


def test_a_span_before_an_event_that_lasts_it() -> None:
    """'the 107-day eruption' lasted 107 days."""
    assert _counted("The 107-day eruption ended in August.") == [("107 d", "")]
    assert _counted("The four-month outbreak ended.") == [("4 mo", "")]


def test_the_size_of_what_is_named_and_a_number_word_after_a_label_are_counts() -> None:
    """'the seven-member crew' is a count of members though 'the' comes first; 'Seven' after a label's colon or a
    dateline's dash opens a sentence and is no part of a name, unless a capitalised word follows it."""
    assert _counted("Varn led the seven-member crew.") == [("7", "member")]
    assert _counted("11 p.m., March 26: Seven painters were working on the deck.") == [("23:00", ""), ("7", "painters")]
    assert _counted("HALDEN (Wire Service) — Two power failures hit the ferry.") == [("2", "failures")]
    assert _counted("Season: Two Rivers won it.") == []


def test_a_tally_put_at_or_revised_to_a_figure_counts_what_the_tally_counts() -> None:
    """'put the death toll at 72', 'had the toll from the storm at 1,427', 'was later revised to 1,427', 'remains at
    169': the figure ends its clause and the tally before it says what it counts; 'lunch at 12' and 'died in his
    sleep at 98' are a time and an age."""
    assert _counted("Officials put the death toll at 72, counting those who died of shock.") == [("72", "deaths")]
    assert _counted("The draft put the toll from the Tessa floods at 1,427.") == [("1427", "deaths")]
    assert _counted("The county's count was later revised to 1,427.") == [("1427", "count")]
    assert _counted("The official count remains at 169.") == [("169", "count")]
    assert _counted("Lunch at 12.") == []
    assert _counted("Varn died in his bed at 98.") == []


def test_grammar_of_figures_real_pages_use() -> None:
    """Fractions written with hyphens, decades, a tornado's rating; and what is no figure: a milepost, the year of
    the dollars an amount is in, a name like 'Three Mile Island'."""
    assert _counted("It was three-quarters of a mile wide, and half-a-mile long.") == [("0.75 mi", ""), ("0.5 mi", "")]
    assert _counted("The lawsuit dragged on for nearly two decades.") == [("≲2 decade", "")]
    assert _counted("It was rated EF-5; an F4 tornado followed.") == [("EF 5", ""), ("F 4", "")]
    assert _counted("The alarm sounded at the 79.9 mile post, then at milepost 49.81.") == []
    assert _counted("It cost $2.8 billion (2011 USD).") == [("USD 2.8 billion", "")]
    assert _counted("Three Mile Island is a plant; the plant at Seven Mile Beach too.") == []


def test_a_span_of_months_or_years_written_with_words() -> None:
    """'from May to October 2015' writes its year once; 'in 2014 and 2015' is two years in a row; 'through the end
    of February 2018' ends a span. A count in such a span is not a count of one month or one year."""
    assert _counted("There were 46 cases from May to October 2035.")[-1] == ("2035-05/2035-10", "")
    assert _counted("There were 46 cases between May and October 2035.")[-1] == ("2035-05/2035-10", "")
    assert _counted("There were 46 cases in 2034 and 2035.")[-1] == ("2034/2035", "")
    assert _counted("It ranked first in 2034 and 2039.")[1:] == [("2034", ""), ("2039", "")]
    assert _counted("Deaths from September 2037 through the end of February 2038 rose.") == [
        ("2037-09/2038-02", "")]


def test_a_size_and_its_conversion_in_brackets_are_not_grouped_apart_in_conflict(cli, tmp_path,
                                                                               empty_config) -> None:
    """'about 155 mph (250 km/h)' states one wind: when one of the two is grouped with another wind of the same
    words (the peak's 175 mph) while the other fits the landfall's 155 mph, the one in conflict is left out."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Storm Varnel came ashore near Oskery, Tarsia, early on September 20, 2041, a strong Category 4 "
                 "storm with maximum sustained winds of about 155 mph (250 km/h).\n",
        "b.txt": "Varnel was at its strongest early on September 20, some 30 mi south of Kelby, with maximum "
                 "sustained winds of 175 mph and a central pressure of 908 mbar.\n\nVarnel came ashore in Tarsia, "
                 "south of Oskery, with maximum sustained winds of 155 mph and a central pressure of 917 mbar.\n",
    })
    assert _verdicts(topics, "speed") == [("compatible", ["155 mph", "~250 km/h"])]


def test_a_count_in_thousands_is_rounded_to_a_hundredth_of_itself() -> None:
    """'140,000 vehicles daily' and '141,000 vehicles each day' fit; 140,000 and 150,000, or 1,500 and 1,517, do
    not."""
    [rounded] = find_figures("The span carried 140,000 vehicles daily.")
    assert (rounded.value.low, rounded.value.high) == (138600, 141400)
    [exact] = find_figures("The span carried 1,500 vehicles daily.")
    assert (exact.value.low, exact.value.high) == (1500, 1500)


def test_a_number_after_an_article_names_a_model() -> None:
    """'a 737 Max', 'a 747 jumbo jet' name a model: a count takes no article ('a 48,000 crowd' is one all the same,
    and so is 'a 150-car train')."""
    assert _counted("Months later a 737 Max went down and 157 people died.") == [("157", "deaths")]
    assert _counted("It was a 747 jumbo jet.") == []
    assert _counted("It drew a 48,000 crowd to a 150-car train.") == [("48000", "crowd"), ("150", "car")]


def test_a_number_word_with_a_scale_after_the_is_a_figure() -> None:
    """'the two countries' are things already named, but 'the two million people in the area' is a count."""
    assert _counted("It routed the two million people in the area.") == [("2000000", "people")]
    assert _counted("Then the two countries signed.") == []


def test_a_figure_after_rather_than_is_the_one_superseded(cli, tmp_path, empty_config) -> None:
    """'will cost $5.2 billion, rather than $1.7 billion': the $1.7 billion is the estimate superseded, not what the
    page says the span costs, so it does not agree with a page that still gives the old estimate."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Varnel span rebuild costs more\n\nThe new Varnel span will cost $5.2 billion, rather than $1.7 "
                 "billion, the transport agency said.\n",
        "b.txt": "Varnel span plans\n\nThe new Varnel span will cost $1.7 billion, the transport agency said on "
                 "Friday.\n",
    })
    assert [t for t in topics if t["status"] == "agree"] == []


def test_the_day_a_voyage_began_is_not_the_day_it_ended(cli, tmp_path, empty_config) -> None:
    """A date is set apart by the moment of the event the word of its clause names (en.toml's [date_moment]): the day
    the voyage began ('began ... when she left') and the day it ended ('sank') are two facts, not one in dispute."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Varnel remembered\n\nThe liner Varnel left Oskery for Tarsia on 10 April 2031 on her first "
                 "crossing.\n",
        "b.txt": "The Varnel disaster\n\nOn her first crossing from Oskery to Tarsia, the liner Varnel sank on 15 "
                 "April 2031.\n",
    })
    assert [t for t in topics if t["kind"] == "date"] == []


def test_the_moment_a_date_names_is_read_in_its_clause() -> None:
    """The word of the moment nearest the date, in its clause: a comma before a weekday's date does not end it, one
    before 'and' does."""
    def moments(sentence: str) -> list[set[tuple[str, str]]]:
        return [{q for q in qualifiers_of(sentence, f.start, f.end, f.value.kind, "en") if q[0] == "moment"}
                for f in find_figures(sentence)]

    assert moments("Launch Date: July 16, 2031") == [{("moment", "start")}]
    assert moments("The fire started on Thursday, November 8, 2038, in the hills.") == [{("moment", "start")}]
    assert moments("Crews declared full containment of the fire on November 25, 2038.") == [{("moment", "end")}]
    assert moments("The bridge was painted in 2037, and the strike ended in 2039.") == [set(), {("moment", "end")}]


def test_within_bounds_a_figure_and_units_of_gas_and_of_hyphenated_areas_are_read() -> None:
    """'within five miles' is at most five miles (two radii of two counts do not conflict); a gas flow in 'Bcf/d' or
    in 'billion cubic feet a day', a '5-square-mile' zone and 'the 15-second quake' are figures."""
    assert _counted("It came down within five miles of the ship.") == [("≤5 mi", "")]
    assert _counted("Output fell to 20.8 Bcf/d on the 24th.") == [("20.8 Bcf/d", "")]
    [flow] = find_figures("Output was an estimated 20.9 billion cubic feet a day.")
    assert flow.value.kind == "flow" and round(flow.value.low / 327.74128, 1) == 20.8
    assert _counted("It left a 5-square-mile burn zone after the 15-second quake.") == [("5 sq mi", ""), ("15 s", "")]


def test_a_number_that_names_one_of_a_row_counts_nothing() -> None:
    """'utility pole 25', 'fissure 8', 'Unit 2' and 'Professional Paper 1550' name one thing of a row or a series: no
    count, no year."""
    assert _counted("Sparks from pole 25 lit the grass, and the line to pole 24 came down.") == []
    assert _counted("Unit 2 has not run since; lava poured from fissure 8.") == []
    assert _counted("See Professional Papers 1610-A through 1610-C and Professional Paper 1606.") == []
    assert _counted("The port has 3 runways and 40 gates.") == [("3", "runways"), ("40", "gates")]


def test_another_count_is_one_of_what_was_added() -> None:
    """'Another 35 people died' counts deaths besides those told of, not the toll."""
    assert _counted("Another 35 people died in crashes on flooded roads.") == [("35", "deaths another")]


def test_a_fraction_in_digits_of_a_unit() -> None:
    """'3/4 of a mile' is 0.75 mi, as 'three-quarters of a mile' is; a date in slashes stays no figure."""
    assert _counted("The path was 3/4 of a mile wide at its widest.") == [("0.75 mi", "")]
    assert _counted("See the 12/3/2040 report.") == []


def test_a_time_of_day_is_one_fact_across_zones_and_two_times_conflict(cli, tmp_path, empty_config) -> None:
    """The minute a ship struck a pier, stated on two clocks ('11:12 p.m. EDT', '03:12 UTC (11:12 p.m. local
    time)') is one value; a third page's '11:20 p.m.' is in conflict with both. The bylines' times stamp the pages,
    and are no claims."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Freighter hits Orland pier\n\nPORT ORLAND | 6 March 2024 | 08:15\n\nThe freighter Halvard struck "
                 "the Orland pier at 11:12 p.m. EDT on Tuesday, the coast guard said.\n",
        "b.txt": "Incident summary\n\nThe Halvard struck the pier at 03:12 UTC on 6 March (11:12 p.m. local time on 5 "
                 "March).\n",
        "c.txt": "Orland pier collapse: what we know\n\nUpdated 9:40 AM EST\n\nThe Halvard struck the pier at 11:20 "
                 "p.m., witnesses said.\n",
    })
    times = [t for t in topics if t["kind"] == "time"]
    assert [(t["status"], _sources(t)) for t in times] == [("conflict", ["a", "b", "c"])]
    assert sorted(c["value"] for c in times[0]["claims"]) == ["23:12", "23:12 EDT", "23:20"]


def test_one_instant_on_two_clocks_is_no_conflict(cli, tmp_path, empty_config) -> None:
    """'2:13 p.m. EST' and '13:13 CST' are one minute on two clocks: the topic holds no conflict."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Ferry log\n\nThe ferry Ostrava left the Tennel dock at 2:13 p.m. EST on its first crossing.\n",
        "b.txt": "Ostrava\n\nThe ferry Ostrava left the Tennel dock at 13:13 CST on its first crossing of the lake.\n",
    })
    times = [t for t in topics if t["kind"] == "time"]
    assert [(t["status"], _sources(t)) for t in times] == [("compatible", ["a", "b"])]


def test_two_times_of_one_event_told_years_apart_conflict(cli, tmp_path, empty_config) -> None:
    """The minute of an event does not change as years go by: a page of 2020 and one of 2023 that give it two
    minutes apart are in conflict, not a change over time."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Freighter hits pier\n\nPublished 6 March 2020\n\nThe freighter Halvard struck the Orland pier at "
                 "11:12 p.m., the coast guard said.\n",
        "b.txt": "Three years on\n\nPublished 6 March 2023\n\nThe freighter Halvard struck the Orland pier at 11:20 "
                 "p.m., the report found.\n",
    })
    assert [(t["status"], _sources(t)) for t in topics if t["kind"] == "time"] == [("conflict", ["a", "b"])]


def test_hours_and_minutes_measure_how_long_something_lasted() -> None:
    """A span in hours and minutes is one figure, good to its last unit; a window ('in the past 24 hours') or a
    rhythm ('every 6 hours') is none."""
    assert _counted("The blaze at the Orvel mill burned for nine hours.") == [("9 h", "")]
    assert _counted("The first walk outside lasted 2 hours and 31 minutes.") == [("151 min", "")]
    assert _counted("Total time aloft: 8 days, 3 hours, 18 minutes, 35 seconds") == [("703115 s", "")]
    assert _counted("In the past 24 hours, 12 homes burned.") == [("12", "homes")]
    assert _counted("Crews checked the levee every 6 hours.") == []


def test_two_pages_that_time_one_fire_differently_conflict(cli, tmp_path, empty_config) -> None:
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Orvel mill fire out\n\nThe fire at the Orvel mill burned for nine hours before crews put it out.\n",
        "b.txt": "Mill fire: a timeline\n\nThe Orvel mill fire burned for some 14 hours, the fire service said.\n",
    })
    spans = [t for t in topics if t["kind"] == "duration"]
    assert [(t["status"], sorted(c["value"] for c in t["claims"])) for t in spans] == [("conflict", ["9 h", "~14 h"])]


def test_a_zone_is_a_figure_word_only_in_its_capitals(tmp_path: Path) -> None:
    """'EDT' says on which clock, not what happened; 'west' and an estimate's 'est.' are words like any other."""
    path = tmp_path / "levee.txt"
    path.write_text("At 9:40 a.m. EDT the west levee failed, 3 km (est.) from Orvel.\n", encoding="utf-8")
    words = {surface for claim in extract_claims(read_source(path)) for _, surface, _ in _context(claim)}
    assert {"west", "est", "levee"} <= words and "edt" not in words


def test_times_of_two_days_are_two_facts(cli, tmp_path, empty_config) -> None:
    """A time of day is of the day its sentence states: 11:56 on 25 April and 12:50 on 12 May are two tremors, not
    one in dispute."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Orvel tremor\n\nThe tremor struck Orvel at 11:56 a.m. on 25 April 2031, the survey said.\n",
        "b.txt": "Orvel shaken again\n\nThe tremor struck Orvel at 12:50 p.m. on 12 May 2031, the survey said.\n",
    })
    assert [t for t in topics if t["kind"] == "time"] == []


def test_an_abbreviation_with_full_stops_between_a_count_and_its_noun() -> None:
    """'72 U.S. deaths' counts deaths, as '72 deaths' does: the letters of 'U.S.' are no noun, nor its full stops
    the end of a clause."""
    assert _counted("The floods caused 72 U.S. deaths, and at least 15 more U.S. deaths came later.") == [
        ("72", "deaths"), ("≥15", "deaths more")]


def test_a_plus_after_a_count_is_its_lower_bound() -> None:
    assert _counted("In Orvel, 3,500+ people were hurt and 200+ homes were lost.") == [
        ("≥3500", "injured"), ("≥200", "homes")]


def test_a_threshold_or_a_range_of_magnitudes() -> None:
    """'greater than magnitude 4.0' and 'magnitude 6.0 or greater' are bounds, no quake's magnitude; 'magnitude
    7.2–7.3' and 'M7.5-8.0' are ranges, not their first value."""
    assert _counted("Dozens of shocks greater than magnitude 4.0 followed.") == [(">magnitude 4", "")]
    assert _counted("One aftershock was of magnitude 6.0 or greater.") == [("≥magnitude 6", "")]
    assert _counted("The second shock had a magnitude of 7.2–7.3.") == [("magnitude 7.2–7.3", "")]
    assert _counted("An M7.5-8.0 event struck the Varn valley.") == [("magnitude 7.5–8", "")]


def test_a_whole_number_and_a_fraction_of_a_unit() -> None:
    """Tables of sizes write '36 1/2 inches', '1-1/5 miles', '2/10 inch' and '36½': each is one number, not the
    denominator after its slash; a fraction in figures is as good as the decimal it stands for."""
    assert _counted("Size of the ropes: 24 1/2 inches in diameter, 5,410 feet long.") == [
        ("24.5 in", ""), ("5410 ft", "")]
    assert _counted("Each of the 18,340 strands is 3/10 inch across; the span is 2-1/4 miles.") == [
        ("18340", "strands"), ("0.3 in", ""), ("2.25 mi", "")]
    assert _counted("A 14½-inch rope hangs over 4 and a half miles of road.") == [("14.5 in", ""), (">4.5 mi", "")]
    assert _counted("Open 24/7 since the 9/11 floods.") == []


@given(st.integers(1, 999), st.sampled_from([(1, 2), (1, 4), (3, 8), (2, 10), (1, 5)]), st.sampled_from([" ", "-"]))
def test_a_mixed_number_reads_as_its_whole_and_its_fraction(whole: int, fraction: tuple[int, int],
                                                             space: str) -> None:
    numerator, denominator = fraction
    found = find_figures(f"The cable is {whole}{space}{numerator}/{denominator} inches thick.")
    assert len(found) == 1
    assert found[0].value.text == f"{whole + numerator / denominator:g} in"


def test_a_span_of_a_minute_or_an_hour_and_just_over_a_span() -> None:
    """'less than a minute', 'nearly an hour', 'four and one half years' and 'took just over four years' say how
    long, as their figures in digits do."""
    assert _counted("The ground shook for less than a minute; the fire burned for nearly an hour.") == [
        ("<1 min", ""), ("≲1 h", "")]
    assert _counted("The Varnel dam took just over four years to build.") == [(">4 yr", "")]
    assert _counted("Its repair took four and one half years.") == [("4.5 yr", "")]


def test_a_toll_named_before_its_figure_in_more_wordings() -> None:
    """'the toll was estimated to be above 2,000', 'lies between 400 and 2,000', 'Deaths: 400 to 2,000' and
    'bringing the toll to 41' count deaths; 'flights to 36' count nothing."""
    assert _counted("The Orvel toll was estimated to be above 2,000.") == [(">2000", "deaths")]
    assert _counted("The true toll probably lies between 400 and 2,000.") == [("400–2000", "deaths")]
    assert _counted("Deaths: 400 to 2,000.") == [("400–2000", "deaths")]
    assert _counted("The fire spread, bringing the toll to 41.") == [("41", "deaths")]
    assert _counted("The carrier added flights to 36.") == []


def test_a_measure_glued_to_its_label_by_a_table_is_read() -> None:
    """A table taken out of its page glues a label to its value ('Height310 ft', 'Main span1,240.5 ft'); a code
    of one letter stays a code."""
    assert _counted("Height310 ft (94.5 m) (towers)") == [("310 ft", ""), ("94.5 m", "")]
    assert _counted("Main span1,240.5 ft; Depth9.42 mi") == [("1240.5 ft", "span"), ("9.42 mi", "depth")]
    assert _counted("Its A380 jets flew in.") == []


def test_words_glued_by_a_table_are_two_words(cli, tmp_path, empty_config) -> None:
    """'Other dimensionsSpan 241 metres' says 'span' as 'with a span of 236 meters' does: one fact, in conflict."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Varnel arch\n\nFinished in 2031, the Varnel arch crosses the Oskery gorge with a span of 236 "
                 "meters.\n",
        "b.txt": "Varnel arch - Wiki\n\nOther dimensionsSpan 241 metres, external length 150 metres\n",
    })
    spans = [t for t in topics if {"236 m", "241 m"} & {v["value"] for v in t["values"]}]
    assert [(t["status"], _sources(t)) for t in spans] == [("conflict", ["a", "b"])]


def test_an_amount_after_a_count_does_not_measure_what_the_count_counts() -> None:
    """'2,100 deaths and $310 million', '9 worker deaths during the 3 year dig': the deaths are the count's."""
    assert _counted("The flood caused an estimated 2,100 deaths and $310 million in property loss.") == [
        ("~2100", "deaths"), ("USD 310 million", "")]
    assert _counted("There were 9 worker deaths during the 3 year dig.") == [("9", "deaths"), ("3 yr", "")]
    assert _counted("The storm killed 12 people and caused damage of $40 million.") == [
        ("12", "deaths"), ("USD 40 million", "damage")]


def test_a_fact_sheet_row_named_by_number_of_counts_its_noun() -> None:
    assert _counted("Number of strands in each rope 12,480") == [("12480", "strands")]
    assert _counted("The number of wires rose in 1931.") == [("1931", "")]


def test_a_line_that_says_only_its_figure_is_of_what_the_line_before_says(cli, tmp_path, empty_config) -> None:
    """A heading 'Magnitude 7.8' under 'Varnel, Oskeria' is the magnitude of the quake another page gives as 7.9."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Past quakes\n\nVarnel, Oskeria\nMagnitude 7.8\n\nOskeria's worst quake in a century levelled "
                 "its port.\n",
        "b.txt": "A quake of magnitude 7.9 struck Varnel, Oskeria, at dawn; its port was levelled.\n",
    })
    scales = [t for t in topics if t["kind"] == "scale"]
    assert [(t["status"], _sources(t)) for t in scales] == [("conflict", ["a", "b"])]


def test_microns_tonnes_written_t_and_a_span_glued_to_its_label() -> None:
    assert _counted("The lens was ground too thin by 1.7 microns.") == [("1.7 µm", "")]
    assert _counted("Weight27000 t") == [("27000 t", "weight")]
    assert _counted("Voyage duration12 days, 5 hours, 10 minutes, 8 seconds") == [("1055408 s", "")]


def test_a_part_of_a_stated_whole_is_read_and_told_apart_from_the_total(cli, tmp_path, empty_config) -> None:
    """'killing 17 of the 48 people on board' and 'Of the 48 persons aboard, 17 were killed' count the deaths aboard:
    one fact, which a third page's '18 fatalities' in all does not contradict."""
    assert _counted("The ferry burned, killing 17 of the 48 people on board.") == [("17", "deaths"), ("48", "people")]
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Varnel ferry fire\n\nOn June 3, 1931, the Varnel ferry burned at Oskery, killing 17 of the 48 "
                 "people on board.\n",
        "b.txt": "Oskery remembers\n\nOn June 3, 1931, the Varnel ferry burned at Oskery. Of the 48 persons aboard, "
                 "17 were killed.\n",
        "c.txt": "The Varnel ferry fire at Oskery on June 3, 1931 caused 18 fatalities in all.\n",
    })
    deaths = [(t["status"], _sources(t)) for t in topics if {"17", "18"} & {v["value"] for v in t["values"]}]
    assert deaths == [("agree", ["a", "b"])]


def test_a_range_of_magnitudes_written_with_to() -> None:
    assert _counted("Collapses released energy equal to Mw 4.5 to 5.2 earthquakes.") == [("magnitude 4.5–5.2", "")]
    assert _counted("The quake was upgraded from magnitude 6.8 to 7.0 on Friday.")[0][0] == "magnitude 6.8"


def test_near_a_time_a_range_after_ranged_from_and_a_whole_and_a_third() -> None:
    assert _counted("The eye came ashore near 5:00 a.m. EDT.") == [("~05:00 EDT", "")]
    assert _counted("Deaths ranged from 150–250.") == [("150–250", "deaths")]
    assert _counted("Two and a third square miles burned; the trip took 4 and a quarter hours.") == [
        ("2.333 sq mi", ""), ("4.25 h", "")]


def test_an_amount_in_the_money_of_another_year_is_another_amount(cli, tmp_path, empty_config) -> None:
    """'$29 billion in 2032 dollars' restates the damage '$18.5 billion' of its day: no conflict between them."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Storm Varn at 10\n\nStorm Varn caused damage of $18.5 billion in Oskeria in August 2022.\n",
        "b.txt": "Storm Varn remembered\n\nStorm Varn caused damage of $29 billion in 2032 dollars in Oskeria in "
                 "August 2022.\n",
    })
    assert [t["status"] for t in topics if t["kind"] == "money"] == []


def test_a_date_in_brackets_after_a_title_dates_the_page(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("Varnel Dam Failure: Inquiry and Repairs [May 6, 2040]   [open pdf - 2MB]\n\n"
                    "The dam failed on April 2, 2040, and 1,200 homes were lost.\n")
    assert str(read_source(path).date) == "2040-05-06"


def test_a_date_after_a_dash_inside_a_sentence_is_no_dateline(tmp_path: Path) -> None:
    """A wire story's second paragraph may name the day of the event after a dash: the page is not of that day."""
    path = tmp_path / "story.txt"
    path.write_text("A year later, the dancers return\n\nMARROW -- The band played the old tunes again.\n\n"
                    "The band's return was a reminder of the night the whole town of Marrow still mourns - "
                    "May 3, 1931, when the Varn hall floor gave way and killed 41.\n", encoding="utf-8")
    assert read_source(path).date is None


def test_an_aside_in_brackets_between_a_count_and_its_noun() -> None:
    assert _counted("An estimated 1.2 million (about 18% of Torvia's people) left homeless.") == [
        ("~1200000", "displaced"), ("~18%", "")]


def test_a_toll_named_before_an_aside_that_states_it() -> None:
    """The noun may stand far before its figure, past the words of what it is of: the word the reach would cut
    ('...oll') is no noun."""
    assert _counted("The death toll from the Varn flood and the fires after it, estimated to be above 2,000, is the "
                    "worst on record.") == [(">2000", "deaths")]
    assert _counted("The crowd, estimated to be 5,000, cheered.") == []


def test_a_decade_is_a_date_as_precise_as_its_ten_years(cli, tmp_path, empty_config) -> None:
    """'in the 1870s' holds 1874; it tells of another time than 1881 (as a century does), and contradicts 'the
    1880s'; 'the 1800s' are a century's hundred years."""
    assert _read("The line reached Tarrow in the 1870s.") == ["1870s"]
    assert _read("Most mills closed in the 1800s.") == ["1800s"]
    for year, found in (("1874", [("compatible", ["1870s", "1874"])]), ("1881", []),
                        ("the 1880s", [("conflict", ["1870s", "1880s"])])):
        topics = _topics(cli, tmp_path / year, empty_config, {
            "a.txt": "Tarrow history\n\nThe Brask railway reached Tarrow in the 1870s, and the mills followed.\n",
            "b.txt": f"A short history of Tarrow\n\nThe Brask railway reached Tarrow in {year}.\n",
        })
        assert [verdict for verdict in _verdicts(topics, "date") if verdict[0] != "single"] == found


def test_a_time_of_day_said_with_its_half_of_the_day_or_after_a_bound() -> None:
    """'just after 3:10 in the afternoon' is past 15:10; "9 o'clock" alone is morning or evening, no time."""
    assert _read("The Varn dam gave way just after 3:10 in the afternoon.") == [">15:10"]
    assert _read("The alarm sounded at 6 o'clock in the evening.") == ["18:00"]
    assert _read("The alarm sounded at about 7:30 in the morning.") == ["~07:30"]
    assert _read("The alarm sounded at 9 o'clock.") == []


def test_an_approximate_range_of_amounts_a_scale_named_after_the_category_and_a_part_past_an_aside() -> None:
    """'approximately $300 million to $450 million' is one range; 'a category 3 on the Varn wind scale' is a
    rating; 'killed, at the very least, 4,000 of the island's 31,000 people' counts deaths."""
    assert _read("Losses were approximately $300 million to $450 million.") == ["~USD 300 million to USD 450 million"]
    assert _read("The storm was a category 3 on the Varn wind scale.") == ["category 3"]
    found = find_figures("The wave killed, at the very least, 4,000 of the island's 31,000 people.")
    assert [(f.value.text, f.counted) for f in found] == [("4000", "deaths"), ("31000", "people")]


def test_letters_glued_after_digits_are_no_word_of_the_sentence(tmp_path) -> None:
    """The 'nd' of '112nd' and the 'th' of '40th' say nothing a sentence is about."""
    path = tmp_path / "a.txt"
    path.write_text("It left Marrow on 3 May 1911, on its 112nd crossing, for the 40th year.\n", encoding="utf-8")
    words = {surface for claim in extract_claims(read_source(path)) for _, surface, _ in _context(claim)}
    assert "crossing" in words
    assert not words & {"nd", "th"}


def test_a_table_row_labelled_with_its_dimension_is_that_dimension_of_the_page_s_subject(cli, tmp_path,
                                                                                          empty_config) -> None:
    """'Length: 212 ft' in one page's table and 'Length212 ft (64.6 m)' in another's state one fact; the label
    says what the figure is, so the row before it does not."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Varnel (ferry)\n\nName: Varnel\nTonnage: 2,480 GRT\nLength: 212 ft (64.6 m)\nBeam: 31 ft\n",
        "b.txt": "The ferry Varnel\n\nSpecifications\nDisplacement: 3,900 tons\nLength212 ft (64.6 m)\n"
                 "Beam: 31 ft 6 in\n",
    })
    lengths = [sorted(c["source"] + " " + c["value"] for c in t["claims"]) for t in topics
               if any("212" in c["value"] for c in t["claims"])]
    assert lengths == [["a 212 ft", "b 212 ft"]]


def test_a_population_and_its_inhabitants_count_one_thing(cli, tmp_path, empty_config) -> None:
    """'a population of 12,400' and '12,900 inhabitants' (kzfr_check/lang/en.toml): one fact, here in conflict."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Marrow before the flood\n\nIn 1903 Marrow was a mill town with a population of 12,400.\n",
        "b.txt": "The Marrow flood\n\nIn 1903 the mill town of Marrow had 12,900 inhabitants.\n",
    })
    assert _verdicts(topics, "count") == [("conflict", ["12400", "12900"])]


def test_a_distance_off_a_place_is_told_by_the_place_and_no_change(cli, tmp_path, empty_config) -> None:
    """'went down 9 miles off Varn Head' is a distance from Varn Head, not a fall of 9 miles; pages that say what
    lies there in other words ('the ferry sank', 'its wreck rests') state one fact."""
    found = find_figures("The ferry went down 9 miles (14 km) off Varn Head, Orlesia.")
    assert qualifiers_of("The ferry went down 9 miles (14 km) off Varn Head, Orlesia.", found[0].start,
                         found[0].end, "length", "en") == {("from", "Varn Head"), ("dimension", "distance")}
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "The last ferry\n\nThe Marel sank in a winter storm, 9 miles off Varn Head.\n",
        "b.txt": "Marel (ferry)\n\nFate: sank in a storm, 1931. Its wreck rests on the seabed some 12 miles off "
                 "Varn Head.\n",
    })
    distances = [(t["status"], _sources(t)) for t in topics if any("mi" in v["value"] for v in t["values"])]
    assert distances == [("conflict", ["a", "b"])]


def test_passengers_and_crew_crew_members_and_a_town_of_people() -> None:
    """'1,412 passengers and crew' count all aboard; '312 crew members' count the crew; 'a town of 9,000 people'
    its population; '300 second class passengers' states no span of 300 seconds."""
    assert _counted("The ferry carried 1,412 passengers and crew.") == [("1412", "passengers and crew")]
    assert _counted("There were 1,100 passengers and 312 crew members on board.") == [("1100", "passengers"),
                                                                                      ("312", "crew")]
    assert _counted("Marrow was then a town of 9,000 people.") == [("9000", "population")]
    assert _counted("Tarrow was a city of about 12,500 inhabitants.") == [("~12500", "population")]
    assert _counted("About 4,000 inhabitants were evacuated.") == [("~4000", "displaced")]
    assert not [f for f in find_figures("It carried 300 second class passengers.") if f.value.kind == "duration"]


def test_passengers_and_crew_are_the_people_aboard(cli, tmp_path, empty_config) -> None:
    """Counted together, passengers and crew are all the people aboard (kzfr_check/lang/en.toml, [hypernyms])."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "The Marel disaster\n\nThe Marel left Varn on 2 May 1921 carrying 1,412 passengers and crew.\n",
        "b.txt": "Marel (ferry)\n\nThe Marel left Varn on 2 May 1921 with 1,409 people on board.\n",
    })
    assert _verdicts(topics, "count") == [("conflict", ["1409", "1412"])]


def test_a_range_written_as_one_hyphenated_adjective() -> None:
    """'a 12-to-20-foot-high wave' is a wave of 12 to 20 feet, not of 20."""
    assert _read("A 12-to-20-foot-high wave struck Marrow.") == ["12–20 ft"]


def test_the_year_a_heading_names_states_no_fact(tmp_path) -> None:
    """'Varn eruption 1991' over a page, 'July 2031' under a photo: the event or the month a page is of, no claim;
    a label's date ('Opened: 2 May 1931') and a sentence's are claims."""
    path = tmp_path / "varn.txt"
    path.write_text("Varn eruption 1991\n\nJuly 2031\n\nOpened: 2 May 1931\n\nThe Varn volcano erupted on 15 June "
                    "1991.\n", encoding="utf-8")
    assert [c.value.text for c in extract_claims(read_source(path))] == ["1931-05-02", "1991-06-15"]


def test_the_moment_a_date_names_is_read_across_a_long_clause() -> None:
    """'began its first voyage from Varn, in the Orlesian highlands, to Marrow on 2 May 1931' is the day it began,
    though the verb stands far from the date."""
    said = "The airship began its first voyage from Varn, in the Orlesian highlands, to Marrow on 2 May 1931."
    date = [f for f in find_figures(said) if f.value.kind == "date"][0]
    assert ("moment", "start") in qualifiers_of(said, date.start, date.end, "date", "en")


def test_deaths_caused_directly_are_not_those_caused_directly_or_indirectly(cli, tmp_path, empty_config) -> None:
    """'41 deaths directly attributed', '97 attributed directly or indirectly', '56 other deaths indirectly tied':
    three tolls, none in conflict with another; two sources of the direct toll still disagree."""
    said = "The report attributes 41 deaths directly to Varna and 56 other deaths indirectly."
    causes = [(f.value.text, sorted(qualifiers_of(said, f.start, f.end, "count", "en"))) for f in find_figures(said)]
    assert causes == [("41", [("cause", "direct")]), ("56", [("cause", "indirect")])]
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Varna's toll\n\nThe hurricane center attributed 41 deaths in Orlesia directly to Varna.\n",
        "b.txt": "Counting Varna's dead\n\nA survey of county officials found 97 deaths attributed directly or "
                 "indirectly to Varna in Orlesia.\n",
        "c.txt": "Varna report\n\nThe report attributes 44 deaths in Orlesia directly to Varna.\n",
    })
    conflicts = [sorted(v["value"] for v in t["values"]) for t in topics if t["status"] == "conflict"]
    assert conflicts == [["41", "44"]]


def test_old_and_american_ways_of_writing_days_times_weights_and_gallons() -> None:
    """'the 23d day of May, 1871'; 'at 11.40 on the morning of'; 'weighing 14 million pounds' (a weight, not
    money); '1.6 million U.S. gallons' (a volume, not a count of gallons)."""
    assert _read("On the 23d day of May, 1871, the Marel left Varn.") == ["1871-05-23"]
    assert _read("The tank burst at 11.40 on the morning of 3 March 1921.") == ["11:40", "1921-03-03"]
    assert _read("The tank held syrup weighing 14 million pounds.") == ["14000000 lb"]
    assert _read("The tank held 1.6 million U.S. gallons of syrup.") == ["1600000 gal"]
    assert _read("The club paid 18 million pounds for him.") == ["GBP 18 million"]


def test_a_distance_is_not_a_depth(cli, tmp_path, empty_config) -> None:
    """'31 kilometres south of the capital' is a distance, 'a depth of 6.4 miles' a depth: two facts, though both
    pages tell of where the quake struck."""
    said = "The quake occurred just 31 kilometres south of the capital."
    distance = find_figures(said)[0]
    assert ("dimension", "distance") in qualifiers_of(said, distance.start, distance.end, "length", "en")
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Varna quake\n\nThe Varna quake occurred at a depth of 6.4 miles, below the Orlesian capital.\n",
        "b.txt": "The Varna quake\n\nThe Varna quake occurred just 31 kilometres south of the Orlesian capital.\n",
    })
    assert [t for t in topics if t["status"] == "conflict"] == []


def test_a_toll_counted_over_the_first_days_is_not_the_toll(cli, tmp_path, empty_config) -> None:
    """'900 had died within two weeks', 'some 600 died over the first three days': tolls of then, which the toll
    told later outgrows; 'a city of 640,000' counts its population."""
    assert _counted("The gas spread over Varn, a city of 640,000 in the south.") == [("640000", "population")]
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "The Varn leak\n\nAbout 900 had died within two weeks of the Varn gas leak, a survey found.\n",
        "b.txt": "Varn, ten years on\n\nThe Varn gas leak killed 1,412 people, the state estimates.\n",
        "c.txt": "Varn leak\n\nSome 600 people died over the first three days after the Varn gas leak.\n",
    })
    assert [t for t in topics if t["status"] == "conflict"] == []


def test_an_amount_measures_no_toll_of_people() -> None:
    """A toll is counted, never measured: '17 tonnes of gas escaped' after 'killed' measures no deaths, nor does
    '$2,500 per victim' paid to the families of the dead."""
    assert _counted("The leak killed 1,500 people after some 17 tonnes of gas escaped from the Varn plant.") == [
        ("1500", "deaths"), ("~17 t", "")]
    assert _counted("The families of the dead were paid $2,500 per victim.") == [("USD 2500", "")]


def test_a_speed_in_miles_an_hour_written_as_one_adjective_and_revellers_are_people(cli, tmp_path,
                                                                                   empty_config) -> None:
    assert _read("A thirty-eight-mile an hour wind twisted the Varn span.") == ["38 mph"]
    assert _read("Winds of 35-mile-per-hour struck the span.") == ["35 mph"]
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Varn hall collapse\n\nThe tea dance at the Varn hall drew 3,200 revelers that evening.\n",
        "b.txt": "The Varn hall\n\nThe tea dance at the Varn hall drew about 2,700 people that evening.\n",
    })
    assert _verdicts(topics, "count") == [("conflict", ["3200", "~2700"])]


def test_a_rank_in_the_world_is_not_a_rank_in_one_country(cli, tmp_path, empty_config) -> None:
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Varn span\n\nWhen it opened, the Varn span was the second longest suspension bridge in the world.\n",
        "b.txt": "The new Varn span\n\nThe new Varn span is the fourth-longest suspension bridge in Orvenia.\n",
    })
    assert [t for t in topics if t["status"] == "conflict"] == []


def test_hundreds_joined_by_hyphens_and_the_drowned_are_counted() -> None:
    """'Two-hundred-sixty-two' is 262, not 62; the drowned are dead."""
    assert _counted("Two-hundred-sixty-two people died when the Varn ferry sank.") == [("262", "deaths")]
    assert _counted("The fire burned three-hundred-and-five homes in Osk.") == [("305", "homes")]
    assert _counted("The ferry went down off Varn Head; 800 drowned.") == [("800", "deaths")]


def test_a_dash_set_apart_by_spaces_opens_an_aside_not_a_range() -> None:
    """'$3 billion — $9.7 billion in today's dollars' is an amount and its restatement; '$2 billion–$3 billion'
    is one range."""
    assert _read("Repairs after the Varn flood cost $3 billion — $9.7 billion in today's dollars.") == [
        "USD 3 billion", "USD 9.7 billion"]
    assert _read("Repairs after the Varn flood cost $2 billion–$3 billion.") == [
        "USD 2 billion to USD 3 billion"]


def test_a_half_or_a_quarter_of_a_unit_written_in_words() -> None:
    assert _read("Few houses within one half mile of the Varn quay still stood.") == ["≤0.5 mi"]
    assert _read("Few houses within one-half mile of the Varn quay still stood.") == ["≤0.5 mi"]
    assert _read("The Osk barge burned a quarter mile from the quay.") == ["0.25 mi"]
    assert _read("A quarter of the homes of Osk burned.") == []


def test_a_bound_written_after_its_number() -> None:
    """'148 mph or greater' is at least 148 mph, as '40 or more people' is at least 40; 'or less' bounds from above,
    'or so' is about."""
    assert _read("Gusts of 148 mph or greater struck the Varn coast.") == ["≥148 mph"]
    assert _counted("The storm killed 40 or more people on Osk.") == [("≥40", "deaths")]
    assert _counted("The storm killed 40 or so people on Osk.") == [("~40", "deaths")]
    assert _read("Inland, rainfall of 5 inches or less was measured.") == ["≤5 in"]


def test_a_number_word_in_capitals_is_a_count_not_a_name() -> None:
    assert _counted("Varn was one of just FOUR storms of its strength to reach Osk.") == [("4", "storms")]
    assert _counted("The Varn Rovers won, and League Two was theirs.") == []


def test_the_bare_number_beside_a_measure_takes_its_unit() -> None:
    """'from 947 millibars to 941': the new value is 941 mb, and the old one is of another time; 'tides of 14 and
    19 feet' are two heights; 'between 14 and 19 feet' stays one range."""
    sentence = "A later survey lowered its pressure reading from 947 millibars to 941."
    assert _read(sentence) == ["947 mb", "941 mb"]
    figures = find_figures(sentence)
    assert [sorted(qualifiers_of(sentence, f.start, f.end, f.value.kind, "en")) for f in figures] == [
        [("previous", "")], []]
    assert _read("Tides of 14 and 19 feet swept the Osk shore.") == ["14 ft", "19 ft"]
    assert _read("Tides of between 14 and 19 feet swept the Osk shore.") == ["14–19 ft"]


def test_a_head_of_cattle_counts_the_cattle(cli, tmp_path, empty_config) -> None:
    """'8,400 head of cattle' counts cattle, whatever befell them, so the herds the two pages lost are one fact
    in dispute."""
    assert _counted("The Varn flood killed 7 people and 8,400 head of cattle.") == [
        ("7", "deaths"), ("8400", "cattle")]
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Varn dam\n\nThe Varn flood killed 7 people and 8,400 head of cattle along the Osk valley.\n",
        "b.txt": "The Varn dam flood\n\nSeven people died, and 9,100 head of cattle drowned along the Osk "
                 "valley.\n",
    })
    assert ("conflict", ["8400", "9100"]) in _verdicts(topics, "count")


def test_those_killed_outright_are_not_the_toll(cli, tmp_path, empty_config) -> None:
    """'killed outright', 'died instantly', 'in the immediate aftermath': the toll of the moment, which the toll
    outgrows."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "The Varn blast\n\nAbout 640 people were killed outright by the Varn blast.\n",
        "b.txt": "Varn, a century on\n\nAbout 910 people were killed by the Varn blast.\n",
    })
    assert [t for t in topics if t["status"] == "conflict"] == []


def test_figures_in_brackets_after_a_name_tell_of_that_name(cli, tmp_path, empty_config) -> None:
    """In 'Varn (912 mb) ranks behind Oskel (901 mb)', each pressure is of the storm named before its bracket: the
    other page's Oskel agrees with Oskel's, and Varn's is not in dispute with it."""
    assert _counted("Varn (912 mb and 160 mph) ranks behind the storm in the Oskel Keys (901 mb).") == [
        ("912 mb", "varn"), ("160 mph", "varn"), ("901 mb", "")]
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Storms of record\n\nAt landfall Varn (912 mb and 160 mph) ranks behind Oskel (901 mb and "
                 "168 mph) among the storms of record.\n",
        "b.txt": "Oskel at landfall\n\nAt landfall Oskel (901 mb) still ranks first among the storms of record.\n",
    })
    assert _verdicts(topics, "pressure") == [("agree", ["901 mb"])]


def test_what_an_amount_is_of_says_what_it_measures(cli, tmp_path, empty_config) -> None:
    """'1,700 tons of brimmet, 400 tons of osk salt': each mass is of the stuff named after its 'of', so a cargo's
    list and another page's are compared stuff by stuff."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "The Varnel barge\n\nThe Varnel barge was laden with a cargo of 1,700 tons of brimmet, 400 tons "
                 "of osk salt, and 9 tons of felgar when it burned.\n",
        "b.txt": "Varnel, the cargo\n\nThe Varnel barge carried 2,600 tons of brimmet, 150 tons of osk salt, 42 tons "
                 "of quorn and 9 tons of felgar.\n",
    })
    assert sorted(_verdicts(topics, "mass")) == [
        ("agree", ["9 t"]), ("conflict", ["150 t", "400 t"]), ("conflict", ["1700 t", "2600 t"])]


def test_the_badly_hurt_are_not_all_the_injured(cli, tmp_path, empty_config) -> None:
    """'1,300 seriously wounded' counts part of the injured; 'minor injuries' count others."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "The Varn blast\n\nThe Varn blast left 880 people dead and 1,300 seriously wounded; 7,000 more "
                 "needed care.\n",
        "b.txt": "Varn remembers\n\nThe Varn blast killed 880 people. Some 6,200 were injured by the Varn blast.\n",
        "c.txt": "Varn, the toll\n\nIn all, 2,400 people suffered minor injuries in the Varn blast.\n",
    })
    assert [t for t in topics if t["status"] == "conflict"] == []


def test_the_year_a_thing_was_built_is_the_year_it_was_finished(cli, tmp_path, empty_config) -> None:
    """'built the Varn dam in 2034' dates its end, as 'completed' does, not the start of its construction."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "The Varn dam\n\nConstruction of the Varn dam on the Osk river was begun in 2031 by the Osk "
                 "bureau.\n",
        "b.txt": "Varn dam history\n\nThe Varn dam on the Osk river was built by the Osk bureau in 2034.\n",
        "c.txt": "Varn dam, a history\n\nThe Varn dam on the Osk river was completed in 2035 by the Osk bureau.\n",
    })
    assert _verdicts(topics, "date") == [("conflict", ["2034", "2035"])]


def test_a_figure_in_a_relative_clause_after_a_name_tells_of_that_name(cli, tmp_path, empty_config) -> None:
    """'after only the Orvel storm, which caused $71 billion': the page compares; the amount is the Orvel's."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "The Varn storm\n\nThe Varn storm caused an estimated $40 billion in damage, the report said.\n",
        "b.txt": "Varn, a year on\n\nOnly the storm Orvel, which caused an estimated $71 billion in damage, did "
                 "more harm than the Varn storm.\n",
    })
    assert [t for t in topics if t["status"] == "conflict"] == []


def test_the_day_a_thing_was_announced_is_not_the_day_it_happened(cli, tmp_path, empty_config) -> None:
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Varn water: a timeline\n\nApril 25, 2040: Varn leaves the Osk water supply for the Tarn "
                 "river.\n\nOct. 8, 2041: Mayor Tolen announces Varn will switch back to the Osk water supply.\n",
        "b.txt": "Varn water\n\nThe town switched back to the Osk water supply on October 16, 2041.\n",
        "c.txt": "Varn water crisis\n\nVarn was joined again to the Osk water supply on October 16, 2041.\n",
    })
    assert _verdicts(topics, "date") == [("agree", ["2041-10-16"])]


def test_a_part_of_a_whole_named_before_it() -> None:
    """'800 of whom drowned' counts the dead; '9 of them carrying brimmet' is a part of the cars, and set apart from
    all of them; '37 of them under the sea' after a length is a length still."""
    assert _counted("The Varn ferry carried 1,200 passengers, 800 of whom drowned.") == [
        ("1200", "passengers"), ("800", "deaths")]
    sentence = "The Osk train had 41 cars, with 9 of them carrying brimmet."
    figures = find_figures(sentence)
    assert [(f.value.text, f.counted) for f in figures] == [("41", "cars"), ("9", "cars")]
    assert [sorted(qualifiers_of(sentence, f.start, f.end, f.value.kind, "en")) for f in figures] == [
        [], [("part", "of a whole")]]
    assert _read("The Varn tunnel is 50 kilometres long, 37 of them under the sea.") == ["50 km", "37 km"]


def test_a_slide_s_abbreviated_bounds_before_numbers_of_a_year_s_shape() -> None:
    """'Appx. 1300 Killed', '>1900 total dead' on a slide count people; neither is a year."""
    assert _counted("The Varn blast: • Appx. 1300 Killed outright. >1900 total dead. >5000 injured") == [
        ("~1300", "deaths"), (">1900", "deaths"), (">5000", "injured")]


def test_a_bulletin_s_hour_without_a_colon_and_a_verb_before_its_own_count() -> None:
    """'AT 317 PM CDT' is 3:17 in the afternoon; in '180 storms killed 212 people' the killing is the 212's, and
    the 180 count storms."""
    assert _read("AT 317 PM CDT, the Varn supercell began to rotate.") == ["15:17 CDT"]
    assert _counted("The Varn outbreak's 180 storms killed 212 people.") == [("180", "storms"), ("212", "deaths")]
    assert _counted("In Osk, 11 workers were killed 3 days later.") == [("11", "deaths")]


def test_a_range_of_amounts_after_between_and_the_rating_of_a_count() -> None:
    """'between $180 and $240 million' is one range, its scale written once; '7 rated EF4' counts seven storms
    of that rating and rates no one storm."""
    assert _read("Damage on the Osk was estimated to be between $180 and $240 million.") == ["USD 180–240 million"]
    assert _read("Varn outbreak: 7 Rated EF4.") == ["7"]
    assert _read("The Varn tornado was rated EF4.") == ["EF 4"]


def test_a_count_never_counts_a_beginning_or_an_end() -> None:
    """'as the fire began there were over 310 guests': what began or was completed is no thing counted."""
    assert _counted("As the Varn fire began there were over 310 guests in the hall.") == [(">310", "guests")]
    assert _counted("Construction of the Varn dam was completed by 5,000 workers in 2031.") == [
        ("5000", "workers"), ("2031", "")]


def test_a_headline_s_bare_count_is_the_bounded_count_of_its_story(tmp_path) -> None:
    """'61 dead in Varn hall fire' over 'At least 61 people died': the headline drops the bound."""
    page = write_corpus(tmp_path / "news", {"a.txt": "61 dead in Varn hall fire\n\nAt least 61 people died when "
                                                     "fire swept the Varn hall, police said.\n"})
    claims = extract_claims(read_source(page / "a.txt"))
    assert [(c.line, c.value.text) for c in claims] == [(1, "≥61"), (3, "≥61")]


def test_a_contrast_opens_a_clause_of_its_own() -> None:
    """'85 bodies were pulled out, though the toll ...': the toll is the other clause's; the bodies are counted."""
    assert _counted("Divers pulled 85 bodies from the Osk mill race all though the death toll is still unknown.") == [
        ("85", "bodies")]
    assert _counted("The Osk crews found 45 huts although the death toll was never known.") == [("45", "huts")]


def test_the_number_of_a_thing_put_at_a_figure() -> None:
    """'put the number of deaths ... at 64' counts deaths, with a year between them; so does 'placed the number of
    dead at 52'. A noun put at a figure without 'number of' still names no count ('lunch at 12')."""
    assert _counted("Officials put the number of deaths resulting from the 2031 Varn slide at 64.") == [
        ("64", "deaths")]
    assert _counted("The coroner placed the number of dead at 52.") == [("52", "deaths")]
    assert _counted("The lunch served in the Varn hall at 12") == []


def test_a_part_of_a_whole_named_right_after_it() -> None:
    """'Forty-two of the deaths were ...' counts deaths, a part of them; 'Seven of the wagons had ...' a part of the
    wagons; 'Twelve of the passengers drowned' counts the dead, as '800 of whom drowned' does."""
    for sentence, read, part in (("Forty-two of the deaths were blamed on the Varn mudslide.", ("42", "deaths"), True),
                                 ("Seven of the wagons had brimmet aboard.", ("7", "wagons"), True),
                                 ("Twelve of the passengers drowned.", ("12", "deaths"), False)):
        [figure] = find_figures(sentence)
        assert (figure.value.text, figure.counted) == read
        assert (("part", "of a whole") in qualifiers_of(sentence, figure.start, figure.end, "count", "en")) is part


def test_a_year_with_its_century_cut_and_a_temperature_count_nothing() -> None:
    """'the ’71 flood' and 'the class of '98' name years; '95-degree weather' is hot, not 95 of anything."""
    assert _read("Those who lived through the ’71 Osk flood met again, and the class of '98 came too.") == []
    assert _read("The Osk crews worked in 95-degree weather.") == []
    assert _counted("The Varn's 45 boats came in.") == [("45", "boats")]


def test_a_table_row_s_label_with_a_colon_in_its_own_cell() -> None:
    """'Total Huts: | 140 |': the label's colon does not keep the row's noun from its figure."""
    assert _counted("Total Huts: | 140 |") == [("140", "huts")]
    assert _counted("| Injuries: | 9 rangers |") == [("9", "rangers")]


def test_counts_of_spans_that_start_apart_are_each_their_span_s_total(cli, tmp_path, empty_config) -> None:
    """'512 cases in January-April 2031' and '871 cases in 2005' count two spans: fewer in the later one is no
    contradiction, as it would be of one running total."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "During January 1–April 26, 2031, a total of 512 cases of grollet were reported in Varn, the most "
                 "since 2005.\n",
        "b.txt": "The Varn count is the most since 2005, when 871 cases of grollet were reported for the whole "
                 "year.\n",
    })
    assert _verdicts(topics, "count") == [("changed", ["512", "871"])]


def test_a_footnote_mark_a_bracketed_toll_and_a_part_of_a_counted_whole() -> None:
    """'212* confirmed cases' (a mark pointing to a note), 'the most direct deaths (57)', a county's '(14)' in a list
    of deaths and 'with 61 of the 140 people who lost their lives' are counts; a number alone in brackets after any
    other word marks a note."""
    assert _counted("As of May 2, 2031, there were 212* confirmed cases of grollet in Osk.") == [
        ("2031-05-02", ""), ("212", "cases")]
    assert _counted("Varn County had the most direct deaths (57) from the storm.") == [("57", "deaths")]
    assert _counted("See the notes (12) below.") == []
    sentence = "Deaths by county: Brell County (14), Varn County (63) and Tasko County (2)."
    assert [(f.value.text, f.counted, sorted(qualifiers_of(sentence, f.start, f.end, "count", "en")))
            for f in find_figures(sentence)] == [("14", "deaths", [("place", "Brell County")]),
                                                 ("63", "deaths", [("place", "Varn County")]),
                                                 ("2", "deaths", [("place", "Tasko County")])]
    assert _counted("Teams: Varn (12), Osk (3).") == []
    sentence = "Mudslides were the worst killer, with 61 of the 140 people who lost their lives buried by them."
    figures = find_figures(sentence)
    assert [(f.value.text, f.counted) for f in figures] == [("61", "deaths"), ("140", "people")]
    assert ("part", "of a whole") in qualifiers_of(sentence, figures[0].start, figures[0].end, "count", "en")


def test_the_hospitalized_are_counted_and_those_of_whom_are_people() -> None:
    """'230 people with grollet, 37 of whom were hospitalized': the 37 are the hospitalized, of the people (not of
    'grollet', the last plural-looking word); '41 hospitalizations' count the same."""
    assert _counted("Doctors saw 230 people with grollet, 37 of whom were hospitalized.") == [
        ("230", "people"), ("37", "hospitalized")]
    assert _counted("There were 41 hospitalizations.") == [("41", "hospitalized")]


def test_a_count_across_many_states_is_of_all_places() -> None:
    """'confirmed across 31 states' is a count of all places, set apart from a county's count."""
    sentence = "Some 1,250 cases of grollet were confirmed across 31 states."
    whole = find_figures(sentence)[0]
    assert ("place", "*") in qualifiers_of(sentence, whole.start, whole.end, "count", "en")


def test_a_day_of_opening_is_no_day_of_starting(cli, tmp_path, empty_config) -> None:
    """'dedicated Sept. 30, 2035' ends the work that 'started in 2032': the start years are the fact in dispute."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Osk bridge history\n\nOsk bridge construction begins in 2031\n",
        "b.txt": "The Osk bridge\n\nIt was started in 2032 and dedicated Sept. 30, 2035.\n",
    })
    assert _verdicts(topics, "date") == [("conflict", ["2031", "2032"])]


def test_a_line_wrapped_short_after_a_leading_word_goes_on(tmp_path) -> None:
    """'... sold at $2.80 on' / 'Monday, before the ...': a line that ends in a word leading into the next is wrapped,
    even short and before a capital; 'Bay: 12-A' ends in a letter, not an article, and the line after it is its
    own."""
    text = ("Osk bakery notes\n\nThe last Osk loaves were\nsold at $2.80 on\nMonday, before the mill shut; they had "
            "been $2.60 in 2029.\nBay: 12-A\nThe Osk mill was sold on 16 July 2031.\n")
    page = write_corpus(tmp_path / "news", {"a.txt": text})
    claims = extract_claims(read_source(page / "a.txt"))
    assert [(c.value.text, c.quote.split()[0], c.quote.split()[-1]) for c in claims] == [
        ("USD 2.8", "The", "2029."), ("USD 2.6", "The", "2029."), ("2031-07-16", "The", "2031.")]


def test_a_time_in_eastern_time_names_its_zone() -> None:
    """'11:20 p.m. Eastern Time' is a time in ET (either season), its zone's words part of the figure; a season
    spelled out names the zone of that season."""
    assert _read("The Tolle storm came ashore near Osk a little after 11:20 p.m. Eastern Time.") == [">23:20 ET"]
    assert _read("It begins at 8 p.m. Central Time, or 9 p.m. Eastern Daylight Time.") == ["20:00 CT", "21:00 EDT"]


def test_a_span_between_two_days_written_with_one_year() -> None:
    """'between January 1 and October 4, 2031' starts on the 1 January before the 4 October, not after it, and '24
    February and 1 March 2031' is one span whichever way its days are written."""
    assert _read("The Varn board confirmed 1,249 cases of grollet between January 1 and October 4, 2031.") == [
        "1249", "2031-01-01/2031-10-04"]
    assert _read("It rained on Osk between 24 February and 1 March 2031.") == ["2031-02-24/2031-03-01"]


def test_the_items_of_a_breakdown_after_a_colon_count_what_its_verb_names() -> None:
    """'88 people died: 9 as a result of the quake itself, 71 from the mudslide in Varn': each item counts the dead,
    a part of the 88 (not 'result' nor 'subsequent', the first words after them)."""
    sentence = ("A total of 88 people are believed to have died: 9 as a result of the quake itself, 71 from the "
                "subsequent mudslide in Varn, and 8 from the mudslide in Osk.")
    figures = find_figures(sentence)
    assert [(f.value.text, f.counted, ("part", "of a whole") in qualifiers_of(sentence, f.start, f.end, "count", "en"))
            for f in figures] == [("88", "deaths", False), ("9", "deaths", True), ("71", "deaths", True),
                                  ("8", "deaths", True)]


def test_two_sentences_that_state_one_specific_value_beside_theirs_are_of_one_thing(cli, tmp_path,
                                                                                    empty_config) -> None:
    """'1,000 feet long and 110 feet wide' / '110 feet wide by 1,050 feet long': the width both state ties the two
    lengths to one lock, in words that share little else."""
    topics = _topics(cli, tmp_path, empty_config, {
        "a.txt": "Varn canal facts\n\nLock chambers in the old Varn canal are 1,000 feet long and 110 feet wide.\n",
        "b.txt": "The Varn locks\n\nEngineers built the first Varn chambers 110 feet wide by 1,050 feet long, with "
                 "gates of steel.\n",
    })
    assert sorted(_verdicts(topics, "length")) == [("agree", ["110 ft"]), ("conflict", ["1000 ft", "1050 ft"])]
