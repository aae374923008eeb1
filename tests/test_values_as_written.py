"""Values are shown to people as people write them ('56,080'), and counted in good grammar ('1 conflict',
'2 conflicts'), in every format a person reads; the JSON keeps the normalised value."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT, SEEDS


@pytest.fixture
def stadium(tmp_path: Path) -> Path:
    """Two reports that disagree on a large count, and one on the day it opened."""
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text("Brookfield, 3 March 2023\n\n"
                                   "The new stadium in Brookfield holds 56,080 spectators, the city council said.\n")
    (sources / "b.txt").write_text("Brookfield, 9 April 2023\n\n"
                                   "The new Brookfield stadium holds 52,000 spectators, according to the council.\n")
    return tmp_path


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "github", "sarif"])
def test_every_view_for_people_writes_large_numbers_with_their_commas(cli, stadium, empty_config, fmt):
    run = cli("conflicts", "sources", "--config", empty_config, "--format", fmt, cwd=stadium)
    assert run.exit_code == 1, run.stderr
    shown_text = run.stdout
    if fmt == "sarif":  # what people read of it: the messages (its properties are for machines)
        result = json.loads(run.stdout)["runs"][0]["results"][0]
        shown_text = " ".join([result["message"]["text"], *(loc["message"]["text"] for loc in result["locations"])])
    assert "56080" not in shown_text and "52000" not in shown_text
    assert "--accept 52,000" in shown_text  # the command to settle it takes the value as shown
    stated = {"text": "56,080  a", "markdown": "**`56,080`**", "html": "<h4><code>56,080</code></h4>",
              "github": "a says 56,080:", "sarif": "a says 56,080:"}[fmt]
    assert stated in shown_text


def test_json_keeps_the_normalised_value(cli, stadium, empty_config):
    data = cli("conflicts", "sources", "--config", empty_config, "--format", "json", cwd=stadium).json
    (topic,) = data["topics"]
    assert sorted(v["value"] for v in topic["values"]) == ["52000", "56080"]
    assert topic["suggestion"]["value"] == "52000" and "56080" in topic["suggestion"]["reason"]
    sarif = json.loads(cli("conflicts", "sources", "--config", empty_config, "--format", "sarif", cwd=stadium).stdout)
    assert sarif["runs"][0]["results"][0]["properties"]["values"] == ["52000", "56080"]  # for machines


def test_the_suggestion_and_the_claims_list_write_values_as_people_do(cli, stadium, empty_config):
    text = cli("conflicts", "sources", "--config", empty_config, cwd=stadium).stdout
    assert "suggestion: 52,000 (1 for, 1 against). 52,000: 1 independent source; 56,080: 1" in text
    claims = cli("claims", "sources", "--config", empty_config, cwd=stadium).stdout
    assert re.search(r"count\s+56,080\s", claims)


def test_dates_and_years_keep_their_form(cli, tmp_path, empty_config):
    text = cli("conflicts", SEEDS, "--config", empty_config, cwd=tmp_path).stdout
    assert "2008  " in text and "2,008" not in text and "2,009" not in text


@pytest.mark.parametrize("config, summary", [
    (None, "5 sources, 47 claims, 10 topics: 2 conflicts, 0 resolved"),
    (ROOT / "claims.toml", ": 0 conflicts, 2 resolved"),
])
def test_the_summary_line_counts_in_good_grammar(cli, tmp_path, empty_config, config, summary):
    run = cli("conflicts", SEEDS, "--config", config or empty_config, cwd=tmp_path)
    assert summary in run.stdout
    markdown = cli("conflicts", SEEDS, "--config", config or empty_config, "--format", "markdown", cwd=tmp_path)
    assert summary.split(": ")[-1].split(",")[0] in markdown.stdout.replace("**", "")


def test_one_conflict_is_singular(cli, stadium, empty_config):
    run = cli("conflicts", "sources", "--config", empty_config, cwd=stadium)
    assert "2 sources, 2 claims, 1 topic: 1 conflict, 0 resolved" in run.stdout
    html = cli("conflicts", "sources", "--config", empty_config, "--format", "html", cwd=stadium).stdout
    assert ">1 conflict</span>" in html
    one = stadium / "one"
    one.mkdir()
    (one / "a.txt").write_text("The bridge opened in 1932.\n")
    alone = cli("conflicts", one, "--config", empty_config, cwd=stadium)
    assert alone.stdout.startswith("1 source, 1 claim, 0 topics: 0 conflicts, 0 resolved")


@given(st.integers(min_value=0, max_value=10**15), st.sampled_from(["", ">", "~", "≥", "USD "]),
       st.sampled_from(["", " km", " billion", ".5"]))
def test_grouping_digits_changes_only_how_a_number_is_written(number, prefix, suffix):
    from kzfr_check.report import as_written

    value = f"{prefix}{number}{suffix}"
    written = as_written(value, "count")
    assert written.replace(",", "") == value
    assert written == f"{prefix}{number:,}{suffix}" if number >= 1000 else written == value
    assert as_written(value, "date") == value
