"""`claim QUERY` reads the words that matter: "number of" asks for a count, "rank" for a rank, "when" or
"year" for a date; the other words must all be found. A figure one source alone states is reachable, shown
as such, and the closest topics are offered only when they hold at least half of the words."""

from __future__ import annotations

import pytest

from conftest import SEEDS


@pytest.fixture
def claim(cli, tmp_path, empty_config):
    def run(query: str, fmt: str = "json"):
        return cli("claim", query, SEEDS, "--config", empty_config, "--format", fmt, cwd=tmp_path)

    return run


@pytest.mark.parametrize("query", ["number of French companies", "number of companies", "how many companies"])
def test_number_of_asks_for_a_count(claim, query):
    run = claim(query)
    assert run.exit_code == 0, run.stderr
    assert {t["kind"] for t in run.json["topics"]} == {"count"}
    assert any(v["value"] == ">170" for t in run.json["topics"] for v in t["values"])


def test_kind_words_choose_the_kind(claim):
    ranks = claim("rank").json["topics"]
    assert {t["kind"] for t in ranks} == {"rank"} and len(ranks) == 2
    when = claim("when did the ambassador assume his post").json["topics"]
    assert [v["value"] for t in when for v in t["values"]] == ["2020-10-14"]
    assert claim("year of the strategic partnership").json["topics"][0]["kind"] == "date"


def test_a_figure_one_source_states_is_reachable_and_shown_as_such(claim):
    run = claim("trade")
    assert run.exit_code == 0
    assert run.json["topics"] == []
    single = {c["value"] for c in run.json["single_source"]}
    assert {"90%", "USD 2.5 billion"} <= single
    text = claim("trade", "text").stdout
    assert "stated by one source only: not corroborated" in text and "USD 2.5 billion" in text
    assert claim("bilateral trade volume").json["single_source"][0]["value"] == "USD 2.5 billion"


def test_no_closest_topics_unless_they_are_close(claim):
    miss = claim("xyzzy nothing", "text")
    assert miss.exit_code == 1 and miss.stdout == ""
    assert miss.stderr.strip() == "nothing matches 'xyzzy nothing'"
    near = claim("strategic partnership zeppelin", "text")
    assert near.exit_code == 1
    assert "closest topics:" in near.stderr and "date-strategic" in near.stderr


def test_the_query_words_must_all_be_found(claim):
    assert claim("number of zeppelins").exit_code == 1  # a count, but of nothing the sources count
    assert claim("rank of French companies").exit_code == 1  # the companies are counted, never ranked
