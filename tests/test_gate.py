"""The CI gate as a team uses it: init, resolve, a new source that reopens a conflict, stale
resolutions, --strict, --exit-zero and --output."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from conftest import SEEDS, topic_by_values


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh directory with a copy of the seeds, as a new user would start."""
    shutil.copytree(SEEDS, tmp_path / "sources")
    return tmp_path


def _conflict_ids(cli, project: Path) -> dict[str, list[str]]:
    data = cli("conflicts", "--format", "json", cwd=project).json
    return {t["id"]: [v["value"] for v in t["values"]] for t in data["topics"] if t["status"] == "conflict"}


def test_init_resolve_reopen_and_stale(cli, project):
    init = cli("init", "sources", cwd=project)
    assert init.exit_code == 0, init.stderr
    config = project / "claims.toml"
    written = tomllib.loads(config.read_text())
    assert written["sources"]["paths"] == ["sources"]
    assert all(t["aliases"] and t["kind"] for t in written["topic"])
    assert cli("init", "sources", cwd=project).exit_code == 2  # never overwrites

    # the declared topics written by init find the same two conflicts
    assert cli("conflicts", cwd=project).exit_code == 1
    conflicts = _conflict_ids(cli, project)
    year = next(t for t, values in conflicts.items() if "2009" in values)
    rank = next(t for t, values in conflicts.items() if "3" in values)
    assert len(conflicts) == 2

    config.write_text("# our team's decisions\n" + config.read_text())
    before = config.read_text()
    assert cli("resolve", year, "--accept", "2008", "--reason", "three sources", cwd=project).exit_code == 0
    assert cli("resolve", rank, "--accept", "4", "--reason", "the ambassador", cwd=project).exit_code == 0
    after = config.read_text()
    assert after.startswith(before)  # every comment and line kept; only the new tables added
    assert tomllib.loads(after)["resolution"] == [
        {"topic": year, "accept": "2008", "overrules": ["2009"], "reason": "three sources"},
        {"topic": rank, "accept": "4", "overrules": ["3"], "reason": "the ambassador"}]
    assert cli("conflicts", cwd=project).exit_code == 0

    # a new source with a third year reopens the resolved conflict, naming the resolution
    (project / "sources" / "005_new.txt").write_text(
        "Berlin, 1 March 2024\n\nIn 2010, France and Kazakhstan signed a strategic partnership.\n")
    run = cli("conflicts", "--format", "json", cwd=project)
    assert run.exit_code == 1
    reopened = topic_by_values(run.json, "2010")
    assert reopened["status"] == "conflict"
    assert any(f"claims.toml:{_line_of(after, year)}" in note for note in reopened["notes"])
    (project / "sources" / "005_new.txt").unlink()

    # the only source saying third goes away: the rank resolution overrules nothing, a warning
    (project / "sources" / "004_862e09fcd6f07450.txt").unlink()
    run = cli("conflicts", cwd=project)
    assert run.exit_code == 0
    assert f"stale resolution of '{rank}'" in run.stderr
    assert cli("conflicts", "--strict", cwd=project).exit_code == 1


def _line_of(text: str, topic: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line == f'topic = "{topic}"')


def test_resolve_refuses_unknown_topics_and_values(cli, project):
    cli("init", "sources", cwd=project)
    conflicts = _conflict_ids(cli, project)
    year = next(t for t, values in conflicts.items() if "2009" in values)
    unknown = cli("resolve", "no-such-topic", "--accept", "1", "--reason", "r", cwd=project)
    assert unknown.exit_code == 2 and "unknown topic 'no-such-topic'" in unknown.stderr
    wrong = cli("resolve", year, "--accept", "2011", "--reason", "r", cwd=project)
    assert wrong.exit_code == 2 and "its values: 2008" in wrong.stderr
    compatible = cli("resolve", year, "--accept", "2008-06-11", "--reason", "r", cwd=project)
    assert compatible.exit_code == 0  # the exact day; 2009 contradicts it, 2008 does not
    resolution = tomllib.loads((project / "claims.toml").read_text())["resolution"][0]
    assert resolution["overrules"] == ["2009"]
    assert cli("resolve", year, "--accept", "2008", "--reason", "r", cwd=project).exit_code == 0
    resolutions = tomllib.loads((project / "claims.toml").read_text())["resolution"]
    assert len(resolutions) == 1 and resolutions[0]["accept"] == "2008"  # updated in place


def test_resolve_needs_a_config(cli, project):
    run = cli("resolve", "x", "--accept", "1", "--reason", "r", cwd=project)
    assert run.exit_code == 2 and "kzfr-check init" in run.stderr


def test_exit_zero_and_output_file(cli, project, empty_config):
    out = project / "report.json"
    run = cli("conflicts", "sources", "--config", empty_config, "--format", "json", "--output", out, cwd=project)
    assert run.exit_code == 1 and run.stdout == ""
    assert out.read_text().startswith('{\n  "schema": "kzfr-check/1"')
    assert not list(project.glob(".report.json.*"))  # no temporary file left behind
    assert cli("conflicts", "sources", "--config", empty_config, "--exit-zero", cwd=project).exit_code == 0
    bad = cli("conflicts", "sources", "--config", empty_config, "--output", project / "no" / "dir.txt",
              cwd=project)
    assert bad.exit_code == 2 and "cannot write" in bad.stderr


def test_resolution_of_a_discovered_topic_that_is_gone_is_stale(cli, project, empty_config):
    config = project / "claims.toml"
    config.write_text('[sources]\npaths = ["sources"]\n\n[[resolution]]\ntopic = "date-no-longer-here"\n'
                      'accept = "2008"\noverrules = ["2009"]\nreason = "r"\n')
    run = cli("conflicts", cwd=project)
    assert "claims.toml:5: stale resolution of 'date-no-longer-here': its topic no longer exists" in run.stderr
    assert run.exit_code == 1  # the seeds' own conflicts are still open
    typo = project / "typo.toml"
    typo.write_text('[[resolution]]\ntopic = "investor-rnak"\naccept = "4"\nreason = "r"\n')
    bad = cli("conflicts", "sources", "--config", typo, cwd=project)
    assert bad.exit_code == 2 and "typo.toml:2: resolution of unknown topic 'investor-rnak'" in bad.stderr


def test_a_report_written_into_the_sources_folder_changes_nothing(cli, tmp_path):
    """The README's own steps in a folder of sources: init there, write the HTML report there, gate again."""
    shutil.copytree(SEEDS, tmp_path / "work")
    work = tmp_path / "work"
    assert cli("init", cwd=work).exit_code == 0
    first = cli("conflicts", cwd=work)
    assert first.exit_code == 1
    assert cli("conflicts", "--format", "html", "--output", "report.html", cwd=work).exit_code == 1
    again = cli("conflicts", cwd=work)
    assert (again.exit_code, again.stdout) == (first.exit_code, first.stdout)
    assert "report.html: skipped, a report kzfr-check wrote" in again.stderr
