"""Verdicts and resolutions: agree, compatible, conflict, resolved, and a conflict reopened."""

from __future__ import annotations

import math
import shutil
from collections import defaultdict
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kzfr_check.claims import Claim
from kzfr_check.values import Value, relation
from kzfr_check.verdicts import ValueSupport, _and, _notes, _relations  # noqa: PLC2701

from conftest import ROOT, SEEDS, topic_by_values

RESOLVED = ROOT / "claims.toml"


def _corpus(tmp_path: Path, extra: str | None = None) -> Path:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    if extra is not None:
        (corpus / "005_new.txt").write_text(extra, encoding="utf-8")
    return corpus


def test_a_new_dissenting_value_reopens_a_resolved_conflict(cli, tmp_path):
    corpus = _corpus(tmp_path, "Paris, 2 March 2023\n\nIn 2007, the two countries signed a strategic partnership.\n")
    run = cli("conflicts", corpus, "--config", RESOLVED, "--format", "json", cwd=tmp_path)
    assert run.exit_code == 1
    topic = topic_by_values(run.json, "2007", "2008", "2009")
    assert topic["id"] == "strategic-partnership" and topic["status"] == "conflict"
    assert any("reopened: 2007" in note for note in topic["notes"])
    assert topic_by_values(run.json, "3", "4")["status"] == "resolved"


def test_a_compatible_new_value_keeps_the_resolution(cli, tmp_path):
    corpus = _corpus(tmp_path, "In June 2008, France and Kazakhstan signed a strategic partnership.\n")
    run = cli("conflicts", corpus, "--config", RESOLVED, "--format", "json", cwd=tmp_path)
    assert run.exit_code == 0
    topic = topic_by_values(run.json, "2008-06", "2009")
    assert topic["status"] == "resolved"


def test_resolution_accepting_a_value_nobody_states_does_not_resolve(cli, tmp_path):
    config = tmp_path / "claims.toml"
    config.write_text(RESOLVED.read_text().replace('accept = "2008"', 'accept = "2010"'))
    run = cli("conflicts", SEEDS, "--config", config, "--format", "json", cwd=tmp_path)
    assert run.exit_code == 1
    topic = topic_by_values(run.json, "2008", "2009")
    assert topic["status"] == "conflict"
    assert any("accepts 2010, which no source states" in note for note in topic["notes"])


def test_a_discovered_topic_can_be_resolved_by_its_id(cli, tmp_path, empty_config):
    first = cli("conflicts", SEEDS, "--config", empty_config, "--format", "json", cwd=tmp_path).json
    year = topic_by_values(first, "2008", "2009")
    config = tmp_path / "claims.toml"
    config.write_text(f'[[resolution]]\ntopic = "{year["id"]}"\naccept = "2008"\noverrules = ["2009"]\n'
                      'reason = "three sources"\n')
    second = cli("conflicts", SEEDS, "--config", config, "--format", "json", cwd=tmp_path)
    assert topic_by_values(second.json, "2008", "2009")["status"] == "resolved"
    assert second.json["summary"]["conflicts"] == 1 and second.exit_code == 1


def test_conflicting_sources_with_different_dates_get_a_note(cli, tmp_path, empty_config):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("London, 6 May 2020\n\nThe museum is the second-largest art museum in the world.\n")
    (corpus / "b.txt").write_text("date 2020-11-02\n\nToday the museum is the third-largest art museum in the world.\n")
    data = cli("conflicts", corpus, "--config", empty_config, "--format", "json", cwd=tmp_path).json
    topic = topic_by_values(data, "2", "3")
    assert topic["status"] == "conflict"  # months apart: a note, not a change (years apart are one: test_analysis)
    assert "sources dated 2020-05-06 and 2020-11-02: may be a change over time" in topic["notes"]


def test_agree_and_compatible(cli, tmp_path, empty_config):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The bridge is 2.7 km long. It opened to traffic on May 27, 1937.\n")
    (corpus / "b.txt").write_text("The bridge is 1.7 miles long. It opened to traffic in 1937.\n")
    (corpus / "c.txt").write_text("The bridge, 2.7 kilometres long, opened to traffic in 1937.\n")
    data = cli("conflicts", corpus, "--config", empty_config, "--format", "json", "--all", cwd=tmp_path).json
    assert data["summary"]["conflicts"] == 0
    assert topic_by_values(data, "2.7 km", "1.7 mi")["status"] == "compatible"
    assert topic_by_values(data, "1937-05-27", "1937")["status"] == "compatible"


# ------------------------------------------------------------------ fast paths against their definitions

EDGES = st.sampled_from([-math.inf, -1.0, 0.0, 1.0, 2.0, 3.0, math.inf, math.nan])


@st.composite
def supports(draw: st.DrawFn) -> ValueSupport:
    """A value with edge-case bounds (ties, infinities, NaN, low above high) and a text that may repeat."""
    kind = draw(st.sampled_from(["count", "date", "period"]))
    value = Value(kind, draw(st.sampled_from("abcdef")), draw(EDGES), draw(EDGES), draw(EDGES), draw(EDGES))
    claims = tuple(Claim(source, 1, 0, 1, 0, "", "", "", value, qualifiers=frozenset())
                   for source in draw(st.lists(st.sampled_from("pqrst"), min_size=1, max_size=3, unique=True)))
    return ValueSupport(value.text, claims)


def every_pair(values: list[ValueSupport]) -> list[list[str]]:
    """The definition of _relations: relation() asked of every pair."""
    firsts = [v.claims[0].value for v in values]
    related = [["agree"] * len(firsts) for _ in firsts]
    for i, a in enumerate(firsts):
        for j in range(i + 1, len(firsts)):
            related[i][j] = related[j][i] = relation(a, firsts[j])
    return related


@settings(max_examples=500, deadline=None)
@given(st.lists(supports(), max_size=12))
def test_relations_asks_every_pair_that_may_not_conflict(values: list[ValueSupport]) -> None:
    assert _relations(values) == every_pair(values)


def dated_note(values: list[ValueSupport], dates: dict[str, str | None], related: list[list[str]]) -> set[str]:
    """The definition of the dates in the 'may be a change over time' note: each pair that conflicts."""
    dated = [{d for s in v.sources if (d := dates.get(s))} for v in values]
    partners: dict[int, set[str]] = defaultdict(set)
    for i, row in enumerate(related):
        for j in range(i + 1, len(row)):
            if row[j] == "conflict":
                partners[i] |= dated[j]
                partners[j] |= dated[i]
    known: set[str] = set()
    for i, theirs in partners.items():
        if theirs:
            known |= dated[i] if len(theirs) > 1 else dated[i] - theirs
    return known


@settings(max_examples=500, deadline=None)
@given(st.lists(supports(), max_size=10),
       st.fixed_dictionaries({s: st.sampled_from([None, "2020-01-01", "2021-01-01", "2022-01-01"]) for s in "pqrst"}))
def test_the_dates_note_names_the_dates_of_every_conflicting_pair(values: list[ValueSupport],
                                                                  dates: dict[str, str | None]) -> None:
    related = every_pair(values)
    known = dated_note(values, dates, related)
    noted = [n for n in _notes(None, values, dates, related) if n.startswith("sources dated")]  # type: ignore[arg-type]
    assert noted == ([f"sources dated {_and(sorted(known))}: may be a change over time"] if known else [])


def test_values_written_two_ways_for_one_interval_still_get_a_suggestion() -> None:
    """Two values that hold each other (one interval, two texts) are both candidates: a suggestion never fails
    for want of one (a generated corpus once crashed here)."""
    from kzfr_check.claims import Claim
    from kzfr_check.topics import Topic
    from kzfr_check.values import Value
    from kzfr_check.verdicts import ValueSupport, suggest

    def support(text: str, low: float, high: float, source: str) -> ValueSupport:
        claim = Claim(source=source, line=1, start=0, end=1, quote_start=0, quote=text, said=text, text=text,
                      value=Value("count", text, low, high), counted="ships",
                      qualifiers=frozenset())
        return ValueSupport(text, (claim,))

    values = [support("~100", 95, 105, "a"), support("≈100", 95, 105, "b"), support("~300", 285, 315, "c"),
              support("≈300", 285, 315, "d")]
    topic = Topic("count-ships", "count: ships", "count", tuple(c for v in values for c in v.claims))
    chosen = suggest(topic, values, {}, {})
    assert chosen.value is None and chosen.reason.startswith("cannot decide")  # two against two, undated
    assert all(v in chosen.reason for v in ("~100", "≈100", "~300", "≈300"))
