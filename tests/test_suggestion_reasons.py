"""When the suggestion cannot decide, it says why: a tie of a fact that changes would go to the most recent
dated source, so an undated source (or sources dated alike) is named; a dated event never changes."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import SEEDS, topic_by_values

RANK = "004_862e09fcd6f07450"  # the seeds' only source saying third, and undated


def _json(cli, folder: Path, config: Path) -> dict:
    run = cli("conflicts", folder, "--config", config, "--format", "json", cwd=folder)
    assert run.exit_code == 1, run.stderr
    return run.json


def test_the_seeds_rank_says_the_undated_source_stops_it(cli, tmp_path, empty_config):
    rank = topic_by_values(_json(cli, SEEDS, empty_config), "4", "3")["suggestion"]
    assert rank["value"] is None
    assert rank["reason"].startswith("cannot decide: 3: 1 independent source; 4: 1 independent source (a tie")
    assert f"most recent dated source, but 3 is stated only by {RANK}, which is undated" in rank["reason"]
    text = cli("conflicts", SEEDS, "--config", empty_config, cwd=tmp_path).stdout
    assert f"{RANK}, which is undated" in " ".join(text.replace("│", " ").split())
    markdown = cli("conflicts", SEEDS, "--config", empty_config, "--format", "markdown", cwd=tmp_path).stdout
    assert "004\\_862e09fcd6f07450, which is undated" in markdown


def test_given_a_date_the_same_source_decides_the_tie(cli, tmp_path, empty_config):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    undated = tmp_path / "seeds" / f"{RANK}.txt"
    undated.write_text("Astana, 2 March 2023\n\n" + undated.read_text())
    rank = topic_by_values(_json(cli, tmp_path / "seeds", empty_config), "4", "3")["suggestion"]
    assert rank["value"] == "3" and "the most recent source (2023-03-02) says 3" in rank["reason"]


def test_sources_dated_alike_are_named_as_the_reason(cli, tmp_path, empty_config):
    for name, rank in (("a", "third"), ("b", "fourth")):
        (tmp_path / f"{name}.txt").write_text(
            f"Paris, 3 May 2021\n\nThe harbour of Velm ranks {rank} in Europe by the tonnage it handles.\n")
    topic = topic_by_values(_json(cli, tmp_path, empty_config), "3", "4")
    assert topic["suggestion"]["reason"].endswith("but the latest sources of the values are dated alike)")


def test_a_dated_event_stays_a_tie_and_says_so(cli, tmp_path, empty_config):
    for name, year in (("a", 1889), ("b", 1890)):
        (tmp_path / f"{name}.txt").write_text(f"Notes.\n\nThe Velm harbour tower was completed in {year}.\n")
    topic = topic_by_values(_json(cli, tmp_path, empty_config), "1889", "1890")
    assert "a dated event does not change over time" in topic["suggestion"]["reason"]
