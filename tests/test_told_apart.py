"""Figures that their own words tell apart from others of the same measure, in English, French and Russian: a toll an
earlier report gave, a distance from another place, an aftershock's magnitude. Real pages set these beside the
current toll, the distance from another town and the main shock's magnitude; none is a conflict. Each corpus is
written by the test, with invented places and figures, in the shapes news pages take."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import all_topics, topic_by_values, write_corpus


def _conflicts(cli, tmp_path: Path, config: Path, files: dict[str, str]) -> tuple[dict, list[list[str]]]:  # type: ignore[no-untyped-def]
    data = all_topics(cli, write_corpus(tmp_path / "corpus", files), config, tmp_path)
    return data, [sorted(v["value"] for v in t["values"]) for t in data["topics"] if t["status"] == "conflict"]


EARLIER_TOLLS = {
    "en": {
        "wire.txt": "Varsk earthquake toll climbs\n\nThe interior ministry said on Sunday that 2,130 people died in "
                    "the earthquake that struck the Varsk region on Friday.\n",
        "radio.txt": "Varsk mourns\n\nThe interior ministry said 2,130 people died in the earthquake in the Varsk "
                     "region.\n",
        "paper.txt": "Rescuers search Varsk villages\n\nThe interior ministry had earlier reported that 820 people "
                     "died in the earthquake that struck the Varsk region on Friday.\n",
        "agency.txt": "Varsk quake: aid flown in\n\nAid reached the Varsk region on Saturday. The interior ministry "
                      "previously reported that 1,040 people died in the earthquake.\n",
    },
    "fr": {
        "a.txt": "Varsk : le bilan s'alourdit\n\nLe bilan le plus récent des autorités compte 2130 morts dans la "
                 "région de Varsk.\n",
        "c.txt": "Deuil national à Varsk\n\nLes autorités comptent 2130 morts dans la région de Varsk.\n",
        "b.txt": "Varsk : les secours s'organisent\n\nPlus tôt dans la journée, un précédent bilan des autorités "
                 "comptait 1040 morts dans la région de Varsk.\n",
    },
    "ru": {
        "a.txt": "Землетрясение в Варске\n\nЧисло погибших в результате землетрясения в Варске достигло 2130 человек, "
                 "сообщило министерство.\n",
        "b.txt": "Спасатели работают в Варске\n\nРанее министерство сообщало о 820 погибших в результате "
                 "землетрясения в Варске.\n",
        # a dated page: its running total is stated for its day, the earlier report's toll is not
        "c.txt": "Помощь прибыла в Варск\n\nВАРСК, 13 ноября 2026 г. Ранее сообщалось о 1040 погибших в результате "
                 "землетрясения в Варске.\n",
    },
}


@pytest.mark.parametrize("language", sorted(EARLIER_TOLLS))
def test_a_toll_an_earlier_report_gave_is_no_conflict_with_the_current_toll_nor_another_earlier_one(
        cli, tmp_path, empty_config, language) -> None:
    data, conflicts = _conflicts(cli, tmp_path, empty_config, EARLIER_TOLLS[language])
    assert not conflicts, conflicts
    if language != "ru":  # two pages state the current toll: they still agree
        assert topic_by_values(data, "2130")["status"] == "agree"


DISTANCES = {
    "en": {
        "a.txt": "Strong earthquake hits Varsk\n\nThe magnitude 6.8 earthquake hit the region shortly before "
                 "midnight. Its epicentre was 72 km south-west of Varsk, at a depth of 18 km.\n",
        "b.txt": "Quake shakes Varsk region\n\nThe quake's epicentre was 40 kilometres from the town of Brena, at a "
                 "depth of 18 km. It had a magnitude of 6.8.\n",
    },
    "fr": {
        "a.txt": "La terre tremble près de Varsk\n\nL'épicentre du séisme se trouvait à 72 km au sud-ouest de "
                 "Varsk, à une profondeur de 18 km.\n",
        "b.txt": "La terre a tremblé à Varsk\n\nL'épicentre du séisme se trouvait à 40 kilomètres de la ville de "
                 "Brena.\n",
    },
    "ru": {
        "a.txt": "Землетрясение в Варске\n\nЭпицентр землетрясения находился в 72 километрах к юго-западу от "
                 "Варска.\n",
        "b.txt": "В Варске произошло землетрясение\n\nЭпицентр землетрясения находился в 40 километрах от "
                 "небольшого города Брена.\n",
    },
}


@pytest.mark.parametrize("language", sorted(DISTANCES))
def test_distances_from_two_places_are_two_facts(cli, tmp_path, empty_config, language) -> None:
    data, conflicts = _conflicts(cli, tmp_path, empty_config, DISTANCES[language])
    assert not conflicts, conflicts
    # a Russian distance in the locative ("в 72 километрах") is a length, not a count of 72
    assert {c["kind"] for t in data["topics"] for c in t["claims"] if c["value"].startswith(("72", "40"))} <= {
        "length"}


def test_distances_from_one_place_that_differ_are_still_a_conflict(cli, tmp_path, empty_config) -> None:
    data, conflicts = _conflicts(cli, tmp_path, empty_config, {
        "a.txt": "Strong earthquake hits Varsk\n\nIts epicentre was 72 km south-west of Varsk, at a depth of 18 km.\n",
        "b.txt": "Quake shakes Varsk\n\nThe quake's epicentre was 65 km south-west of the city of Varsk.\n",
    })
    assert conflicts == [["65 km", "72 km"]]


AFTERSHOCKS = {
    "en": {
        "a.txt": "Quake in Varsk\n\nThe earthquake that struck the Varsk region on Friday night had a magnitude of "
                 "6.8, the seismological service said.\n",
        "b.txt": "Varsk shaken again\n\nThe strongest of the aftershocks that struck the Varsk region on Friday night "
                 "had a magnitude of 4.9, the seismological service said.\n",
    },
    "fr": {
        "a.txt": "Séisme à Varsk\n\nLe séisme qui a frappé la région de Varsk vendredi soir avait une magnitude de "
                 "6,8, selon le service sismologique.\n",
        "b.txt": "Varsk : nouvelles secousses\n\nLa plus forte des répliques qui ont frappé la région de Varsk "
                 "vendredi soir avait une magnitude de 4,9, selon le service sismologique.\n",
    },
    "ru": {
        "a.txt": "Землетрясение в Варске\n\nВ пятницу вечером в Варске произошло землетрясение магнитудой 6,8, "
                 "сообщила сейсмологическая служба.\n",
        "b.txt": "В Варске новые толчки\n\nВ пятницу вечером в Варске произошёл сильный афтершок магнитудой 4,9, "
                 "сообщила сейсмологическая служба.\n",
    },
}


@pytest.mark.parametrize("language", sorted(AFTERSHOCKS))
def test_an_aftershocks_magnitude_is_not_the_main_shocks(cli, tmp_path, empty_config, language) -> None:
    files = dict(AFTERSHOCKS[language])
    # a third page states the main shock's magnitude, with the aftershocks in the same sentence: it still agrees
    files["c.txt"] = {
        "en": "Varsk quake\n\nThe earthquake that struck the Varsk region on Friday night had a magnitude of 6.8 and "
              "was followed by dozens of aftershocks.\n",
        "fr": "Séisme à Varsk\n\nLe séisme qui a frappé la région de Varsk vendredi soir, de magnitude 6,8, a été "
              "suivi de dizaines de répliques.\n",
        "ru": "Землетрясение в Варске\n\nВ пятницу вечером в Варске произошло землетрясение магнитудой 6,8, за ним "
              "последовали десятки афтершоков.\n",
    }[language]
    data, conflicts = _conflicts(cli, tmp_path, empty_config, files)
    assert not conflicts, conflicts
    assert topic_by_values(data, "magnitude 6.8")["status"] == "agree"


def test_a_toll_of_a_province_named_as_a_part_of_its_country_is_not_the_countrys(cli, tmp_path, empty_config) -> None:
    data, conflicts = _conflicts(cli, tmp_path, empty_config, {
        "a.txt": "Ostvale quake\n\nThe earthquake killed 2,130 people in Ostvale, the interior ministry said on "
                 "Sunday.\n",
        "b.txt": "Brena in ruins\n\nThe earthquake killed 1,290 people in Ostvale's southern province of Brena, the "
                 "interior ministry said on Sunday.\n",
        "c.txt": "Ostvale counts its dead\n\nThe earthquake killed 2,130 people in Ostvale, according to the interior "
                 "ministry. Of them, 640 people were killed in Ostvale's Tarn region, the ministry said.\n",
    })
    assert not conflicts, conflicts
    assert topic_by_values(data, "2130")["status"] == "agree"


def test_a_span_before_earlier_dates_the_figure_before_it_not_the_one_after(cli, tmp_path, empty_config) -> None:
    data, conflicts = _conflicts(cli, tmp_path, empty_config, {
        "a.txt": "Brenmark results\n\nFourth-quarter operating profit rose to SEK 118 million from SEK 94 million a "
                 "year earlier, beating the SEK 105 million expected by analysts.\n",
        "b.txt": "Brenmark beats forecasts\n\nFourth-quarter operating profit rose to SEK 118 million, beating the SEK "
                 "103 million expected by analysts.\n",
    })
    # the forecast follows "a year earlier" but is no earlier figure: the two pages' forecasts still disagree
    assert conflicts == [["SEK 103 million", "SEK 105 million"]]
    assert topic_by_values(data, "SEK 118 million")["status"] == "agree"


def test_a_toll_after_a_turn_to_what_is_now_is_the_current_toll(cli, tmp_path, empty_config) -> None:
    data, conflicts = _conflicts(cli, tmp_path, empty_config, {
        "a.txt": "Varsk mourns\n\nEarly reports said dozens of people died, but the ministry now says 2,130 people "
                 "died in the earthquake.\n",
        "b.txt": "Varsk toll\n\nThe ministry says 2,130 people died in the earthquake.\n",
        "c.txt": "Varsk quake\n\nThe ministry says 2,310 people died in the earthquake.\n",
    })
    topic = topic_by_values(data, "2130", "2310")
    assert topic["status"] == "conflict" and {c["source"] for c in topic["claims"]} == {"a", "b", "c"}
