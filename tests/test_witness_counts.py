"""Every format counts independent witnesses, not files: 000 and 001 of the seeds are one text reprinted,
so a topic that only they state agrees with itself, and each view says it is not corroborated."""

from __future__ import annotations

import re

import pytest

from conftest import SEEDS, topic_by_values

REPRINT = "000_39be2bd05a4b7ff6, 001_d7438efd0355018a"


@pytest.fixture
def seeds(cli, tmp_path, empty_config):
    def run(fmt: str, *more: str) -> str:
        result = cli("conflicts", SEEDS, "--config", empty_config, "--format", fmt, *more, cwd=tmp_path)
        assert result.exit_code == 1, result.stderr
        return result.stdout

    return run


def test_json_counts_witnesses_per_topic_and_the_uncorroborated_topics(seeds):
    import json

    data = json.loads(seeds("json"))
    rank = topic_by_values(data, "6")
    assert (rank["status"], rank["witnesses"], [v["witnesses"] for v in rank["values"]]) == ("agree", 1, [1])
    assert topic_by_values(data, ">170")["witnesses"] == 2  # 000 and 003: two texts
    assert topic_by_values(data, "1992")["witnesses"] == 3  # four files, one of them a reprint
    alone = [t for t in data["topics"] if t["status"] in ("agree", "compatible") and t["witnesses"] == 1]
    assert data["summary"]["uncorroborated"] == len(alone) == 6


def test_text_says_a_topic_on_one_witness_is_not_corroborated(seeds):
    text = seeds("text", "--all")
    panel = next(p for p in text.split("╭─") if "rank: world" in p or "“My country ranks sixth" in p)
    assert f"6  {REPRINT} (1 independent)" in panel
    assert f"not corroborated: one witness ({REPRINT} are one text" in re.sub(r"\s*│\s*", " ", panel)
    assert "8 agree (6 of them on one witness, not corroborated)" in re.sub(r"\s+", " ", text)
    claim_panel = next(p for p in text.split("╭─") if ">170" in p)
    assert "not corroborated" not in claim_panel


def test_markdown_counts_independent_sources(seeds):
    text = seeds("markdown")
    row = next(line for line in text.splitlines() if line.startswith("| rank") and "`6`" in line)
    assert "agree, **not corroborated** (one witness)" in row and "`6` (2 sources, 1 independent)" in row
    assert "3 values from 5 sources, 4 independent." in text  # the partnership: 000 and 001 count once


def test_html_flags_the_uncorroborated_cards(seeds):
    page = seeds("html")
    cards = re.findall(r'<article class="card agree".*?</article>', page, re.S)
    flagged = [card for card in cards if "not corroborated" in card]
    assert len(cards) == 8 and len(flagged) == 6
    assert all("from 2 sources, 1 independent" in card for card in flagged)
