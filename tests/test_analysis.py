"""Judging like an analyst: time, independent witnesses, a suggested answer, name variants."""

from __future__ import annotations

import shutil
import tomllib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kzfr_check.pipeline import check
from kzfr_check.report.json import render

from conftest import SEEDS, TUNNEL, topic_by_values, write_corpus

SEED_IDS = sorted(p.stem for p in SEEDS.glob("*.txt"))


def test_seed_suggestions_count_independent_witnesses(cli, tmp_path, empty_config):
    data = cli("conflicts", SEEDS, "--config", empty_config, "--format", "json", cwd=tmp_path).json
    assert data["witnesses"] == [["000_39be2bd05a4b7ff6", "001_d7438efd0355018a"]]
    year = topic_by_values(data, "2008", "2009")
    assert year["suggestion"]["value"] == "2008"
    assert (year["suggestion"]["support"], year["suggestion"]["against"]) == (3, 1)  # 000 and 001 count once
    assert "more precise 2008-06-11" in year["suggestion"]["reason"]
    assert {v["value"]: v["witnesses"] for v in year["values"]}["2008"] == 2  # 000+001, 002
    rank = topic_by_values(data, "3", "4")
    assert rank["suggestion"]["value"] is None and rank["suggestion"]["reason"].startswith("cannot decide")
    assert rank["suggestion"]["support"] == 1 and rank["suggestion"]["against"] == 1


def test_name_spelled_two_ways_is_one_notice(cli, tmp_path, empty_config):
    run = cli("conflicts", SEEDS, "--config", empty_config, "--format", "json", cwd=tmp_path)
    variants = run.json["variants"]
    assert [sorted(v["names"]) for v in variants] == [["Didier Caness", "Didier Canesse"]]
    assert {q["source"] for q in variants[0]["quotes"]} == {"000_39be2bd05a4b7ff6", "001_d7438efd0355018a"}
    text = cli("conflicts", SEEDS, "--config", empty_config, cwd=tmp_path).stdout
    assert "name spelled two ways: Didier Caness" in text


def test_no_witnesses_or_variants_in_independent_sources(cli, tmp_path, empty_config):
    data = cli("conflicts", TUNNEL, "--config", empty_config, "--format", "json", cwd=tmp_path).json
    assert data["witnesses"] == [] and data["variants"] == []
    deaths = topic_by_values(data, "10", "11")
    assert deaths["suggestion"]["value"] == "10"


def test_figures_of_different_stated_periods_are_a_change_not_a_conflict(cli, tmp_path, empty_config):
    corpus = write_corpus(tmp_path / "trade", {
        "a.txt": "Rome, 3 March 2022\n\nIn 2021, trade between the two countries reached $2.1 billion.\n",
        "b.txt": "Rome, 9 March 2023\n\nIn 2022, trade between the two countries reached $2.6 billion.\n",
        "c.txt": "Milan, 1 May 2023\n\nTrade between the two countries reached $2.6 billion in 2022.\n",
    })
    run = cli("conflicts", corpus, "--config", empty_config, "--format", "json", cwd=tmp_path)
    assert run.exit_code == 0
    topic = topic_by_values(run.json, "USD 2.1 billion", "USD 2.6 billion")
    assert topic["status"] == "changed"
    assert topic["timeline"] == [{"as_of": "2021", "value": "USD 2.1 billion", "sources": ["a"]},
                                 {"as_of": "2022", "value": "USD 2.6 billion", "sources": ["b", "c"]}]
    assert run.json["summary"]["changed"] == 1 and run.json["summary"]["conflicts"] == 0
    text = cli("conflicts", corpus, "--config", empty_config, "--all", cwd=tmp_path).stdout
    assert "changed · " in text and "over time" in text


def test_periods_stated_in_many_ways(tmp_path):
    corpus = write_corpus(tmp_path / "periods", {
        "a.txt": "Oslo, 5 May 2023\n\nThe bilateral trade volume reached 2.5 billion dollars in the first nine months "
                 "of 2022.\nLast year the company hired 400 engineers.\nAs of 2023, it runs 12 plants.\n",
    })
    claims = {c.text: c.as_of for c in check([corpus]).claims}
    assert claims["2.5 billion dollars"] == "2022-01/2022-09"
    assert claims["400"] == "2022"
    assert claims["12"] == "2023"


def test_values_of_documents_years_apart_are_a_change_over_time(cli, tmp_path, empty_config):
    corpus = write_corpus(tmp_path / "museum", {
        "a.txt": "London, 6 May 2012\n\nThe museum is the second-largest art museum in the world.\n",
        "b.txt": "date 2020-11-02\n\nThe museum is the third-largest art museum in the world.\n",
    })
    data = cli("conflicts", corpus, "--config", empty_config, "--format", "json", cwd=tmp_path).json
    topic = topic_by_values(data, "2", "3")
    assert topic["status"] == "changed"  # a rank can change in eight years: time tells the values apart
    assert [(c["as_of"], c["value"]) for c in topic["timeline"]] == [("2012-05-06", "2"), ("2020-11-02", "3")]


def test_values_of_documents_of_one_year_stay_a_conflict(cli, tmp_path, empty_config):
    corpus = write_corpus(tmp_path / "museum", {
        "a.txt": "London, 6 May 2020\n\nThe museum is the second-largest art museum in the world.\n",
        "b.txt": "date 2020-11-02\n\nThe museum is the third-largest art museum in the world.\n",
        "c.txt": "The museum is the third-largest art museum in the world, its guide says.\n",
    })
    data = cli("conflicts", corpus, "--config", empty_config, "--format", "json", cwd=tmp_path).json
    topic = topic_by_values(data, "2", "3")
    assert topic["status"] == "conflict"
    assert topic["suggestion"]["value"] == "3"


def test_a_tie_on_a_changing_fact_goes_to_the_most_recent_source(cli, tmp_path, empty_config):
    corpus = write_corpus(tmp_path / "museum", {
        "a.txt": "London, 6 May 2020\n\nThe museum is the second-largest art museum in the world.\n",
        "b.txt": "date 2020-11-02\n\nThe museum is the third-largest art museum in the world.\n",
    })
    data = cli("conflicts", corpus, "--config", empty_config, "--format", "json", cwd=tmp_path).json
    topic = topic_by_values(data, "2", "3")
    assert topic["status"] == "conflict"
    assert topic["suggestion"]["value"] == "3"  # a rank changes: the more recent source decides the tie
    assert "most recent source (2020-11-02)" in topic["suggestion"]["reason"]


def test_resolve_accepts_the_suggestion(cli, tmp_path):
    shutil.copytree(SEEDS, tmp_path / "sources")
    cli("init", "sources", cwd=tmp_path)
    data = cli("conflicts", "--format", "json", cwd=tmp_path).json
    year = topic_by_values(data, "2008", "2009")["id"]
    rank = topic_by_values(data, "3", "4")["id"]
    assert cli("resolve", year, "--accept-suggested", "--reason", "as suggested", cwd=tmp_path).exit_code == 0
    recorded = tomllib.loads((tmp_path / "claims.toml").read_text())["resolution"]
    assert recorded == [{"topic": year, "accept": "2008", "overrules": ["2009"], "reason": "as suggested"}]
    undecided = cli("resolve", rank, "--accept-suggested", "--reason", "r", cwd=tmp_path)
    assert undecided.exit_code == 2 and "no suggested value" in undecided.stderr
    both = cli("resolve", year, "--accept", "2008", "--accept-suggested", "--reason", "r", cwd=tmp_path)
    assert both.exit_code == 2


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(SEED_IDS))
def test_a_verbatim_copy_changes_no_verdict_or_suggestion(tmp_path_factory, name):
    corpus = tmp_path_factory.mktemp("copy")
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, corpus / path.name)
    shutil.copy(SEEDS / f"{name}.txt", corpus / f"zz-copy-{name}.txt")

    def verdicts(paths):
        return {frozenset(v.value for v in verdict.values): (verdict.status, verdict.suggestion and
                                                             verdict.suggestion.value)
                for verdict in check(paths).verdicts if verdict.status == "conflict"}

    assert verdicts([corpus]) == verdicts([SEEDS])


def test_reordering_changes_nothing_with_witnesses():
    files = sorted(SEEDS.glob("*.txt"))
    assert render(check(files[::-1])) == render(check(files))
