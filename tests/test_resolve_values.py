"""`resolve --accept` takes a value however a person writes it: as a report shows it, or in words the grammar
reads as one of the topic's values ('fourth', '$1.4bn', 'June 11, 2008'); claims.toml gets the normalised value."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from conftest import SEEDS, TUNNEL


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(SEEDS, tmp_path / "sources")
    (tmp_path / "claims.toml").write_text('[sources]\npaths = ["sources"]\n')
    return tmp_path


def _conflict(cli, project: Path, value: str) -> str:
    data = cli("conflicts", "--format", "json", cwd=project).json
    return next(t["id"] for t in data["topics"] if value in {v["value"] for v in t["values"]})


def _resolution(project: Path) -> dict:
    (resolution,) = tomllib.loads((project / "claims.toml").read_text())["resolution"]
    return resolution


@pytest.mark.parametrize("typed", ["fourth", "Fourth", "4th", "4", " 4 ", "four"])
def test_a_rank_is_accepted_in_words_or_digits(cli, project, typed):
    rank = _conflict(cli, project, "3")
    run = cli("resolve", rank, "--accept", typed, "--reason", "the ambassador", cwd=project)
    assert run.exit_code == 0, run.stderr
    assert run.stdout.strip().endswith(f"resolved '{rank}': 4 over 3")
    assert _resolution(project) | {"reason": ""} == {"topic": rank, "accept": "4", "overrules": ["3"], "reason": ""}
    assert cli("conflicts", "--format", "json", cwd=project).json["summary"]["conflicts"] == 1


def test_a_date_is_accepted_as_it_is_written(cli, project):
    year = _conflict(cli, project, "2009")
    run = cli("resolve", year, "--accept", "June 11, 2008", "--reason", "003 gives the day", cwd=project)
    assert run.exit_code == 0, run.stderr
    assert _resolution(project)["accept"] == "2008-06-11" and _resolution(project)["overrules"] == ["2009"]


def test_a_value_no_source_states_is_refused_with_the_topic_values(cli, project):
    rank = _conflict(cli, project, "3")
    before = (project / "claims.toml").read_bytes()
    for typed in ("fifth", "2008", "4 or 5"):
        run = cli("resolve", rank, "--accept", typed, "--reason", "r", cwd=project)
        assert run.exit_code == 2
        message, listed = run.stderr.strip().split(" (its values: ")
        assert message == f"kzfr-check: error: '{typed}' is not a value of '{rank}'"
        assert sorted(listed.rstrip(")").split(", ")) == ["3", "4", "top 5"]
    assert (project / "claims.toml").read_bytes() == before


@pytest.fixture
def stadium(tmp_path: Path) -> Path:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text("Brookfield, 3 March 2023\n\nThe new stadium in Brookfield holds 56,080 "
                                   "spectators, the city council said. Building it cost $1,250 million.\n")
    (sources / "b.txt").write_text("Brookfield, 9 April 2023\n\nThe new Brookfield stadium holds 52,000 "
                                   "spectators, according to the council. Building it cost $1.4 billion.\n")
    (tmp_path / "claims.toml").write_text('[sources]\npaths = ["sources"]\n')
    return tmp_path


@pytest.mark.parametrize("typed, accepted", [("56,080", "56080"), ("56080", "56080"), ("52,000", "52000"),
                                             ("fifty-two thousand", "52000")])
def test_a_count_is_accepted_with_or_without_its_commas(cli, stadium, typed, accepted):
    topic = _conflict(cli, stadium, "56080")
    run = cli("resolve", topic, "--accept", typed, "--reason", "the council's own count", cwd=stadium)
    assert run.exit_code == 0, run.stderr
    assert _resolution(stadium)["accept"] == accepted
    assert "56,080" in run.stdout and "52,000" in run.stdout  # said back as the reports show it


@pytest.mark.parametrize("typed", ["$1.4bn", "USD 1.4 billion", "1.4 billion dollars", "US$1,400 million"])
def test_an_amount_is_accepted_in_any_currency_notation(cli, stadium, typed):
    topic = _conflict(cli, stadium, "USD 1.4 billion")
    assert cli("resolve", topic, "--accept", typed, "--reason", "the later report", cwd=stadium).exit_code == 0
    assert _resolution(stadium) == {"topic": topic, "accept": "USD 1.4 billion", "overrules": ["USD 1.25 billion"],
                                    "reason": "the later report"}


def test_the_command_a_report_prints_to_settle_a_conflict_works_as_printed(cli, stadium):
    """The text view writes values as people do ('--accept 52,000'); the command it prints is accepted."""
    import shlex

    text = cli("conflicts", cwd=stadium).stdout
    commands = [line.removeprefix("to settle it: ") for line in text.splitlines() if line.startswith("to settle it:")]
    assert any("52,000" in command for command in commands)
    for command in commands:
        args = shlex.split(command.replace("…", "checked"))[1:]
        assert cli(*args, cwd=stadium).exit_code == 0
    assert cli("conflicts", cwd=stadium).exit_code == 0


def test_every_value_a_report_shows_is_accepted_back(cli, tmp_path, empty_config):
    """Over a real corpus: each value of each conflict, as the text view writes it, names that value."""
    from kzfr_check.config import load_config
    from kzfr_check.pipeline import check
    from kzfr_check.query import value_meant
    from kzfr_check.report import as_written

    report = check([TUNNEL], load_config(empty_config))
    values = [(verdict, value.value) for verdict in report.verdicts for value in verdict.values]
    assert len(values) > 10
    for verdict, value in values:
        assert value_meant(as_written(value, verdict.topic.kind), verdict) == value
        assert value_meant(value, verdict) == value
