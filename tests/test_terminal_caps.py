"""The text report on a big corpus: a topic shows a few quotes and sources and counts the rest;
JSON keeps every claim."""

from __future__ import annotations

from pathlib import Path

from kzfr_check.report.terminal import QUOTES_PER_TOPIC, SOURCES_PER_VALUE, VALUES_PER_TOPIC

from conftest import SEEDS

SENTENCE = "The Arlen lighthouse was first lit in {} by the harbour board."
# A declared topic, so that the test does not depend on how discovery groups so many values.
CONFIG = """
[[topic]]
id = "lighthouse-lit"
label = "Year the Arlen lighthouse was first lit"
aliases = ["lighthouse was first lit"]
kind = "date"
"""


def _sources(folder: Path, years: list[int]) -> Path:
    """One source per year given, each stating the same fact with that year, and the claims.toml
    that declares the fact as a topic."""
    folder.mkdir()
    for n, year in enumerate(years):
        (folder / f"src{n:02d}.txt").write_text(f"Notes on the harbour.\n\n{SENTENCE.format(year)}\n")
    (folder / "claims.toml").write_text(CONFIG)
    return folder


def _quotes(text: str) -> list[str]:
    return [line for line in text.splitlines() if "“The Arlen lighthouse" in line]


def test_a_big_topic_shows_one_quote_per_value_first_and_counts_the_rest(cli, tmp_path):
    folder = _sources(tmp_path / "twenty", [1901] * 10 + [1902] * 6 + [1903] * 4)
    run = cli("conflicts", folder, "--config", folder / "claims.toml")
    assert run.exit_code == 1
    quotes = _quotes(run.stdout)
    assert len(quotes) == QUOTES_PER_TOPIC
    assert all(any(str(year) in quote for quote in quotes) for year in (1901, 1902, 1903))
    assert f"… and {20 - QUOTES_PER_TOPIC} more quotes (see --format json)" in run.stdout
    assert run.stdout == cli("conflicts", folder, "--config", folder / "claims.toml").stdout

    [topic] = cli("conflicts", folder, "--config", folder / "claims.toml", "--format", "json").json["topics"]
    assert len(topic["claims"]) == 20


def test_a_value_lists_its_first_sources_and_counts_the_rest(cli, tmp_path):
    folder = _sources(tmp_path / "twenty", [1901] * 10 + [1902] * 6 + [1903] * 4)
    run = cli("conflicts", folder, "--config", folder / "claims.toml")
    first = ", ".join(f"src{n:02d}" for n in range(SOURCES_PER_VALUE))
    assert f"1901  {first} … and {10 - SOURCES_PER_VALUE} more" in run.stdout


def test_a_topic_with_many_values_lists_the_best_supported_and_counts_the_rest(cli, tmp_path):
    years = [1901] * 3 + list(range(1880, 1880 + VALUES_PER_TOPIC + 2))
    folder = _sources(tmp_path / "many", years)
    run = cli("conflicts", folder, "--config", folder / "claims.toml")
    assert run.exit_code == 1
    assert run.stdout.splitlines()[2].startswith("│ 1901  src00, src01, src02 ")  # the best supported first
    assert f"… and {len(set(years)) - VALUES_PER_TOPIC} more values (see --format json)" in run.stdout
    assert len(_quotes(run.stdout)) == QUOTES_PER_TOPIC

    [topic] = cli("conflicts", folder, "--config", folder / "claims.toml", "--format", "json").json["topics"]
    assert len(topic["values"]) == len(set(years))
    assert len(topic["claims"]) == len(years)


def test_small_topics_are_shown_whole(cli, tmp_path, empty_config):
    run = cli("conflicts", SEEDS, "--config", empty_config, "--all", cwd=tmp_path)
    assert "… and" not in run.stdout
