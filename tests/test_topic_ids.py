"""A discovered topic's id is a function of its own claims: a resolution is written against it, so adding an
unrelated document or declaring another topic must rename nothing else. When a topic's own claims change and
its id with them, the stale-resolution warning names the id it likely has now."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kzfr_check.config import Config
from kzfr_check.pipeline import Report, check
from kzfr_check.topics import TopicSpec

from conftest import ROOT, SEEDS, topic_by_values

CORPORA = Path(__file__).resolve().parent / "corpora"
BASES = [SEEDS, CORPORA / "golden-gate"]

NAMES = st.sampled_from(["Velmora", "Drastin", "Quellby", "Orrinvale", "Marskeld", "Tollund", "Brisk"])
# words of the base corpora among others: a document on another subject still shares common words, and
# changes how rare they are in the corpus
WORDS = st.sampled_from(["lighthouse", "observatory", "aqueduct", "orchard", "country", "world", "number",
                         "bridge", "construction", "relations", "students", "volume", "terms"])
SENTENCES = st.one_of(
    st.builds("The {} {} of the {} was first lit in {}.".format, NAMES, WORDS, WORDS, st.integers(1700, 1990)),
    st.builds("About {} visitors reach the {} {} each summer.".format, st.integers(20, 90_000), NAMES, WORDS),
    st.builds("The {} {} stands {} metres above the {}.".format, NAMES, WORDS, st.integers(3, 900), WORDS),
    st.builds("Its keeper counted {} gulls on the {} {} cliffs.".format, st.integers(2, 5000), NAMES, WORDS),
)
DOCUMENTS = st.lists(SENTENCES, min_size=1, max_size=5).map(lambda lines: "Notes.\n\n" + "\n".join(lines) + "\n")


def _ids_by_claims(report: Report) -> dict[frozenset, str]:
    """Each discovered topic's id, keyed by its claims (source, offsets)."""
    return {frozenset((c.source, c.start, c.end) for c in t.claims): t.id for t in report.topics if not t.declared}


def _unchanged_keep_their_ids(before: Report, after: Report) -> int:
    old, new = _ids_by_claims(before), _ids_by_claims(after)
    kept = old.keys() & new.keys()
    assert {claims: old[claims] for claims in kept} == {claims: new[claims] for claims in kept}
    return len(kept)


@pytest.mark.parametrize("base", BASES, ids=lambda p: p.name)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=DOCUMENTS)
def test_an_unrelated_document_renames_no_topic(base, document, tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copytree(base, folder, dirs_exist_ok=True)
    before = check([folder], warn=lambda message: None)
    (folder / "zz-unrelated.txt").write_text(document)
    after = check([folder], warn=lambda message: None)
    assert _unchanged_keep_their_ids(before, after) >= len(_ids_by_claims(before)) // 2  # not a vacuous check


@pytest.mark.parametrize("base", BASES, ids=lambda p: p.name)
@settings(max_examples=10, deadline=None)
@given(data=st.data())
def test_declaring_a_topic_renames_no_other(base, data):
    before = check([base])
    discovered = [t for t in before.topics if len(t.sources) > 1]
    taken = data.draw(st.sampled_from(discovered))
    alias = " ".join(taken.label.split(": ", 1)[1].split()[:2])
    spec = data.draw(st.sampled_from([TopicSpec("declared", "a declared topic", (alias,), taken.kind),
                                      TopicSpec("unrelated", "the lighthouse", ("lighthouse first lit",), "date")]))
    after = check([base], Config(topics=(spec,)))
    # the declared topic takes claims from the topics its alias names; the others keep theirs, and their ids
    assert _unchanged_keep_their_ids(before, after) >= len(discovered) // 2


def test_the_repo_config_and_an_empty_one_give_the_seeds_the_same_ids(cli, empty_config):
    empty = cli("conflicts", "seeds", "--config", empty_config, "--format", "json", "--all", cwd=ROOT).json
    declared = cli("conflicts", "--format", "json", "--all", cwd=ROOT).json
    assert topic_by_values(empty, "6")["id"] == topic_by_values(declared, "6")["id"]  # the foreign students' rank
    ids = {t["id"] for t in declared["topics"] if not t["declared"]}
    assert ids <= {t["id"] for t in empty["topics"]}


def test_a_stale_resolution_names_the_id_the_topic_likely_has_now(cli, tmp_path, empty_config):
    shutil.copytree(SEEDS, tmp_path / "sources")
    config = tmp_path / "claims.toml"
    config.write_text('[sources]\npaths = ["sources"]\n')
    data = cli("conflicts", "--format", "json", cwd=tmp_path).json
    rank = topic_by_values(data, "4", "3")["id"]
    assert cli("resolve", rank, "--accept", "4", "--reason", "the embassy", cwd=tmp_path).exit_code == 0
    # a new source states the rank in words of its own: the topic's claims change, and its id may with them
    (tmp_path / "sources" / "005_new.txt").write_text(
        "Lyon, 2 May 2023\n\nFrance remains the fourth country in terms of the volume of investments in Kazakhstan, "
        "by the measure of capital inflows recorded by the national bank.\n")
    after = cli("conflicts", "--format", "json", cwd=tmp_path).json
    now = topic_by_values(after, "4", "3")["id"]
    assert now != rank
    [warning] = after["warnings"]
    assert f"stale resolution of '{rank}': its topic no longer exists" in warning
    assert warning.endswith(f"; it is likely '{now}' now")
