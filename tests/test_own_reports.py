"""kzfr-check never reads its own reports as sources: each format it writes is recognised and skipped
with a warning, `init` names the folders that hold the sources, and `[sources] exclude` leaves files out."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from kzfr_check.report import FORMATS

from conftest import SEEDS


@pytest.fixture
def flat(tmp_path: Path) -> Path:
    """The seeds copied into the folder a team works in, with nothing else: `paths = ["."]`."""
    shutil.copytree(SEEDS, tmp_path / "work")
    return tmp_path / "work"


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("name", ["report.txt", "report.md", "report.html"])
def test_a_report_saved_among_the_sources_is_skipped(cli, flat, empty_config, fmt, name):
    before = cli("conflicts", ".", "--config", empty_config, "--format", "json", cwd=flat)
    assert cli("conflicts", ".", "--config", empty_config, "--format", fmt, "--output", name,
               cwd=flat).exit_code == 1
    after = cli("conflicts", ".", "--config", empty_config, "--format", "json", cwd=flat)
    assert after.stdout == before.stdout
    assert f"warning: {name}: skipped, a report kzfr-check wrote" in after.stderr


def test_the_text_view_redirected_into_the_sources_is_skipped(cli, flat, empty_config):
    before = cli("conflicts", ".", "--config", empty_config, "--all", cwd=flat)
    (flat / "today.txt").write_text(before.stdout)  # as `kzfr-check conflicts --all > today.txt` would
    after = cli("conflicts", ".", "--config", empty_config, "--all", cwd=flat)
    assert after.stdout == before.stdout and "today.txt: skipped" in after.stderr


def test_a_source_quoting_the_marks_in_its_body_is_still_read(cli, flat, empty_config):
    (flat / "notes.md").write_text("# Notes\n\n" + "Padding sentence here.\n" * 200
                                   + 'It writes <meta name="generator" content="kzfr-check"> in 2011.\n'
                                   + "5 sources, 47 claims, 10 topics: 2 conflict, 0 resolved, as it said.\n"
                                   + "Padding sentence here.\n" * 200)
    run = cli("claims", ".", "--config", empty_config, "--source", "notes", "--format", "json", cwd=flat)
    assert run.exit_code == 0 and "skipped" not in run.stderr
    assert "2011" in [c["value"] for c in run.json["claims"]]


def test_init_names_the_folder_that_holds_the_sources(cli, tmp_path):
    shutil.copytree(SEEDS, tmp_path / "articles" / "2022")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.csv").write_text("not a source\n")
    assert cli("init", cwd=tmp_path).exit_code == 0
    assert tomllib.loads((tmp_path / "claims.toml").read_text())["sources"]["paths"] == ["articles"]
    first = cli("conflicts", "--format", "json", cwd=tmp_path)
    assert cli("conflicts", "--format", "html", "--output", tmp_path / "articles" / "report.html",
               cwd=tmp_path).exit_code == 1
    again = cli("conflicts", "--format", "json", cwd=tmp_path)
    assert (again.exit_code, again.stdout) == (first.exit_code, first.stdout)


def test_init_keeps_the_paths_it_is_given(cli, tmp_path):
    shutil.copytree(SEEDS, tmp_path / "articles" / "2022")
    assert cli("init", "articles", cwd=tmp_path).exit_code == 0
    assert tomllib.loads((tmp_path / "claims.toml").read_text())["sources"]["paths"] == ["articles"]


def test_init_in_the_folder_of_the_sources_names_it(cli, flat):
    assert cli("init", cwd=flat).exit_code == 0
    assert tomllib.loads((flat / "claims.toml").read_text())["sources"]["paths"] == ["."]


def test_exclude_globs_leave_files_and_folders_out(cli, tmp_path):
    shutil.copytree(SEEDS, tmp_path / "sources")
    shutil.copytree(SEEDS, tmp_path / "sources" / "drafts")  # a verbatim copy of every source
    (tmp_path / "sources" / "summary.txt").write_text("In 2011, France and Kazakhstan signed a strategic "
                                                       "partnership.\n")
    config = tmp_path / "claims.toml"
    config.write_text('[sources]\npaths = ["sources"]\nexclude = ["sources/drafts", "*/summary.txt"]\n')
    run = cli("conflicts", "--format", "json", cwd=tmp_path)
    assert [s["path"] for s in run.json["sources"]] == [f"sources/{p.name}" for p in sorted(SEEDS.iterdir())]
    config.write_text('[sources]\npaths = ["sources"]\nexclude = ["sources/drafts/*"]\n')
    run = cli("conflicts", "--format", "json", cwd=tmp_path)
    assert "sources/summary.txt" in [s["path"] for s in run.json["sources"]]
    assert not any("drafts" in s["path"] for s in run.json["sources"])


def test_exclude_must_be_a_list_of_strings(cli, tmp_path):
    (tmp_path / "claims.toml").write_text('[sources]\npaths = ["."]\nexclude = "drafts"\n')
    run = cli("conflicts", cwd=tmp_path)
    assert run.exit_code == 2 and "claims.toml:3: 'exclude' must be a list" in run.stderr
