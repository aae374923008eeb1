"""One rule for the sources of every command: the PATHS given, else the [sources] paths of claims.toml, else the
bundled seed articles, said on stderr. An empty claims.toml is the same as none; `init`, which writes the file,
looks in the folder it runs in first."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from conftest import SEEDS

SEED_CONFLICTS = 2


@pytest.mark.parametrize("config", ["none", "empty", "no paths"])
def test_conflicts_with_no_sources_named_checks_the_bundled_seeds(cli, tmp_path, config):
    args = []
    if config != "none":
        path = tmp_path / "elsewhere" / "team.toml"
        path.parent.mkdir()
        path.write_text("" if config == "empty" else "# our topics\n[sources]\npaths = []\n")
        args = ["--config", path]
    run = cli("conflicts", *args, "--format", "json", cwd=tmp_path)
    assert run.exit_code == 1, run.stderr
    assert run.json["summary"]["sources"] == 5 and run.json["summary"]["conflicts"] == SEED_CONFLICTS
    named = "no ./claims.toml" if config == "none" else f"no [sources] paths in {args[1]}"
    assert run.stderr == f"no PATHS and {named}: checking the bundled seed articles\n"
    assert cli("--quiet", "conflicts", *args, cwd=tmp_path).stderr == ""


def test_every_command_follows_the_same_rule_with_an_empty_claims_toml(cli, tmp_path):
    (tmp_path / "claims.toml").write_text("")
    note = f"no PATHS and no [sources] paths in {tmp_path / 'claims.toml'}: checking the bundled seed articles\n"
    assert cli("conflicts", cwd=tmp_path).exit_code == 1
    for args in (["claim", "strategic partnership"], ["claims", "--source", "004_862e09fcd6f07450"]):
        run = cli(*args, cwd=tmp_path)
        assert run.exit_code == 0 and run.stderr == note
    resolved = cli("resolve", "date-strategic-signed-partnership", "--accept", "2008", "--reason", "three sources",
                   cwd=tmp_path)
    assert resolved.exit_code == 0, resolved.stderr
    assert tomllib.loads((tmp_path / "claims.toml").read_text())["resolution"][0]["overrules"] == ["2009"]
    assert cli("conflicts", "--format", "json", cwd=tmp_path).json["summary"]["conflicts"] == SEED_CONFLICTS - 1


def test_init_in_an_empty_folder_declares_the_seed_topics_and_names_no_paths(cli, tmp_path):
    run = cli("init", cwd=tmp_path)
    assert run.exit_code == 0, run.stderr
    assert run.stdout == "claims.toml: 10 topics from 5 sources\n"
    assert run.stderr == "no PATHS and no source in this folder: checking the bundled seed articles\n"
    written = tomllib.loads((tmp_path / "claims.toml").read_text())
    assert written["sources"]["paths"] == [] and len(written["topic"]) == 10
    assert "bundled seed articles" in (tmp_path / "claims.toml").read_text()  # the file says why it names none
    # then every command checks the seeds with those declared topics, as it said
    data = cli("conflicts", "--format", "json", cwd=tmp_path).json
    assert data["summary"]["sources"] == 5 and data["summary"]["conflicts"] == SEED_CONFLICTS
    assert all(t["declared"] for t in data["topics"])


def test_init_beside_its_own_report_still_finds_no_source(cli, tmp_path):
    """A newcomer's first two commands in a new folder: the report is not a source."""
    assert cli("conflicts", "--format", "html", "--output", "report.html", cwd=tmp_path).exit_code == 1
    run = cli("init", cwd=tmp_path)
    assert run.exit_code == 0, run.stderr
    assert "report.html: skipped, a report kzfr-check wrote" in run.stderr
    assert tomllib.loads((tmp_path / "claims.toml").read_text())["sources"]["paths"] == []


def test_init_in_a_folder_of_sources_still_names_it(cli, tmp_path):
    shutil.copytree(SEEDS, tmp_path / "sources")
    run = cli("init", cwd=tmp_path)
    assert run.exit_code == 0 and run.stderr == ""
    assert tomllib.loads((tmp_path / "claims.toml").read_text())["sources"]["paths"] == ["sources"]


def test_a_path_that_holds_no_source_is_still_an_error(cli, tmp_path, empty_config):
    (tmp_path / "empty").mkdir()
    for args in (["conflicts", "empty", "--config", empty_config], ["init", "empty"]):
        run = cli(*args, cwd=tmp_path)
        assert run.exit_code == 2
        assert run.stderr == "kzfr-check: error: empty: no readable .txt, .md or .html documents\n"
    assert not (tmp_path / "claims.toml").exists()


def test_the_readme_states_the_rule(tmp_path: Path):
    readme = " ".join((Path(__file__).resolve().parents[1] / "README.md").read_text().split())
    assert "With no PATHS, every command reads the `[sources] paths` of `claims.toml`" in readme
    assert ("When there is no `claims.toml`, or it names no paths (an empty file is valid), the bundled seed articles "
            "are checked") in readme
