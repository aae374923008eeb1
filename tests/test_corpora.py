"""End to end on a corpus the tool was not built around: the Channel Tunnel (txt, md and html),
with an empty config. Expected verdicts come from the answer key beside it (channel-tunnel.md)."""

from __future__ import annotations

import pytest

from conftest import TUNNEL, topic_by_values


def _report(cli, tmp_path, empty_config):
    run = cli("conflicts", TUNNEL, "--config", empty_config, "--format", "json", cwd=tmp_path)
    assert run.exit_code == 1
    return run.json


def _sources(topic: dict, value: str) -> set[str]:
    return {s[:2] for v in topic["values"] if v["value"] == value for s in v["sources"]}


def test_finds_the_four_conflicts_of_the_answer_key(cli, tmp_path, empty_config):
    data = _report(cli, tmp_path, empty_config)
    opened = topic_by_values(data, "1993")
    assert opened["status"] == "conflict" and _sources(opened, "1993") == {"04"}
    assert {v["value"] for v in opened["values"]} <= {"1993", "1994", "1994-05-06"}
    began = topic_by_values(data, "1987", "1988")
    assert began["status"] == "conflict" and _sources(began, "1987") == {"04"}
    deaths = topic_by_values(data, "10", "11")
    assert deaths["status"] == "conflict"
    assert _sources(deaths, "10") == {"02", "03"} and _sources(deaths, "11") == {"04"}
    cost = topic_by_values(data, "GBP 12 billion")
    assert cost["status"] == "conflict" and "GBP 4.65 billion" not in {v["value"] for v in cost["values"]}
    assert _sources(cost, "GBP 9 billion") | _sources(cost, "~GBP 9 billion") >= {"01", "02", "05"}


def test_no_false_conflict(cli, tmp_path, empty_config):
    data = _report(cli, tmp_path, empty_config)
    conflicts = {frozenset(v["value"] for v in t["values"]) for t in data["topics"] if t["status"] == "conflict"}
    allowed = [{"1993", "1994", "1994-05-06"}, {"1987", "1988"}, {"10", "11"},
               {"GBP 9 billion", "~GBP 9 billion", "GBP 12 billion"}]
    for values in conflicts:
        assert any(values <= a for a in allowed), sorted(values)
    rank = topic_by_values(data, "2", "3")  # the rail-tunnel rank, 2 in 2012 and 3 in 2019/2020
    assert rank["status"] == "changed" and {c["as_of"][:4] for c in rank["timeline"]} == {"2012", "2019", "2020"}


def test_the_estimate_and_the_final_cost_are_different_facts(cli, tmp_path, empty_config):
    data = _report(cli, tmp_path, empty_config)
    estimate = topic_by_values(data, "GBP 4.65 billion")
    assert estimate["status"] == "agree" and {c["source"][:2] for c in estimate["claims"]} == {"01", "05"}


def test_lengths_in_km_and_miles_are_compatible(cli, tmp_path, empty_config):
    data = _report(cli, tmp_path, empty_config)
    lengths = [t for t in data["topics"] if t["kind"] == "length"]
    assert lengths and all(t["status"] in ("agree", "compatible") for t in lengths)
    for t in lengths:  # the undersea stretch never sits with the total length
        values = {v["value"] for v in t["values"]}
        assert not ({"37.9 km", "~38 km"} & values and {"50.45 km", "50 km", "~50 km"} & values), values


def test_script_and_footer_of_the_html_are_not_claims(cli, tmp_path, empty_config):
    run = cli("claims", TUNNEL, "--config", empty_config, "--source", "03-anniversary", "--format", "json",
              cwd=tmp_path)
    values = {c["value"] for c in run.json["claims"]}
    assert "1921" not in values and "GBP 1 billion" not in values and "2019" not in values
    assert {"1994", "31 mi", "1988", "10"} <= values  # the anniversary's base year, length, start, deaths


def test_eurostar_first_trains_are_not_the_opening(cli, tmp_path, empty_config):
    data = _report(cli, tmp_path, empty_config)
    for topic in data["topics"]:
        values = {v["value"] for v in topic["values"]}
        assert not ("1994-11-14" in values and "1993" in values)


# Two more corpora on unrelated topics, written from their answer keys (golden-gate.md, brennmark-results.md):
# every conflict of the key that must be found, and every set of values allowed in a reported conflict.
CORPORA = TUNNEL.parent
KEYS = {
    "golden-gate": {
        "found": [{"1936", "1937-05-27"}, {"10", "11"}, {"USD 27 million"}, {"2", "3"}],
        "allowed": [{"1936", "1937", "1937-05-27"}, {"10", "11"},
                    {"USD 27 million", "USD 35 million", "~USD 35 million", ">USD 35 million"}, {"2", "3"}],
    },
    "webb": {
        # the distance of L2: "a million miles" (02) is not the "1.5 million miles" of the blog (04)
        "found": [{"USD 8.8 billion", "~USD 10 billion"}, {"1000000 mi", "~1500000 mi"}],
        "allowed": [{"USD 8.8 billion", "~USD 10 billion", "≲USD 10 billion"}, {"2021-12-24", "2021-12-25", "2021"},
                    {"1000000 mi", "~1000000 mi", "~1500000 mi", "~930000 mi", "~1500000 km", "1500000 km"}],
    },
    "ashcombe": {
        "found": [{"1887", "1889"}, {"24", "27"}],
        # 91 points with two matches to play, 96 at the end: flagged with the sources' dates (a known limit)
        "allowed": [{"1887", "1889"}, {"24", "27"}, {"91", "96"}, {"3", "4"}],
    },
    "brennmark-results": {
        "found": [{"1952", "1956"}, {"6", "8"}, {"SEK 287 million", "SEK 327 million"}],
        "allowed": [{"1952", "1956"}, {"6", "8"}, {"SEK 287 million", "SEK 327 million"}, {"8.4%", "~8%", "12%"}],
    },
}


def _conflicts(cli, tmp_path, empty_config, name: str) -> list[set[str]]:
    data = cli("conflicts", CORPORA / name, "--config", empty_config, "--format", "json", cwd=tmp_path).json
    return [{v["value"] for v in t["values"]} for t in data["topics"] if t["status"] == "conflict"]


@pytest.mark.parametrize("name", sorted(KEYS))
def test_other_corpora_conflicts_of_the_key_are_found(cli, tmp_path, empty_config, name):
    conflicts = _conflicts(cli, tmp_path, empty_config, name)
    for values in KEYS[name]["found"]:
        assert any(values <= c for c in conflicts), (values, conflicts)


@pytest.mark.parametrize("name", sorted(KEYS))
def test_other_corpora_have_no_false_conflict(cli, tmp_path, empty_config, name):
    for values in _conflicts(cli, tmp_path, empty_config, name):
        assert any(values <= allowed for allowed in KEYS[name]["allowed"]), values


@pytest.mark.xfail(strict=True, reason="known limit: 'Sales grew 12%' shares too few words with 'net sales rose 8.4 "
                   "percent' to be grouped without a thesaurus")
def test_brennmark_sales_growth_conflict(cli, tmp_path, empty_config):
    conflicts = _conflicts(cli, tmp_path, empty_config, "brennmark-results")
    assert any({"8.4%", "12%"} <= c for c in conflicts)
