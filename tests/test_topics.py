"""Grouping: the same fact across sources, worded differently, and the traps that look alike."""

from __future__ import annotations

import dataclasses
import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzfr_check import topics
from kzfr_check.claims import Claim
from kzfr_check.config import load_config
from kzfr_check.engine.sharing import InProcess
from kzfr_check.pipeline import Report, check
from kzfr_check.report.json import render
from kzfr_check.topics import TopicSpec, group_claims
from kzfr_check.words import content_stems

from conftest import ROOT, SEEDS

SEED_REPORT = check([SEEDS])  # no declared topics: everything is discovered


def _topic_of(report: Report, source: str, text: str):
    claim = next(c for c in report.claims if c.source.startswith(source) and text in c.quote and c.text)
    return report.topic_of(claim), claim


def _find(report: Report, source: str, figure: str, sentence: str) -> Claim:
    return next(c for c in report.claims if c.source.startswith(source) and c.text == figure and sentence in c.quote)


def _same_topic(report: Report, a: Claim, b: Claim) -> bool:
    topic = report.topic_of(a)
    return topic is not None and b in topic.claims


def test_differently_worded_partnership_claims_group():
    signed = _find(SEED_REPORT, "000", "2008", "signed a strategic partnership")
    cooperation = _find(SEED_REPORT, "004", "2009", "agreement on strategic cooperation")
    exact_day = _find(SEED_REPORT, "003", "June 11, 2008", "Strategic Partnership Agreement")
    assert _same_topic(SEED_REPORT, signed, cooperation) and _same_topic(SEED_REPORT, signed, exact_day)


def test_investor_rank_groups_ordinals_and_bounded_ranks():
    fourth = _find(SEED_REPORT, "000", "fourth", "volume of investments")
    third = _find(SEED_REPORT, "004", "third", "volume of investments")
    top_five = _find(SEED_REPORT, "003", "one of the five major", "major investors")
    assert _same_topic(SEED_REPORT, fourth, third) and _same_topic(SEED_REPORT, fourth, top_five)


def test_foreign_students_rank_is_not_the_investor_rank():
    sixth = _find(SEED_REPORT, "000", "sixth", "foreign students")
    fourth = _find(SEED_REPORT, "000", "fourth", "volume of investments")
    third = _find(SEED_REPORT, "004", "third", "volume of investments")
    assert not _same_topic(SEED_REPORT, sixth, fourth) and not _same_topic(SEED_REPORT, sixth, third)


def test_first_to_recognise_independence_is_not_first_strategic_partner():
    recognise = _find(SEED_REPORT, "004", "first", "recognize Kazakhstan's independence")
    partner = _find(SEED_REPORT, "002", "first", "strategic partnership level")
    assert not _same_topic(SEED_REPORT, recognise, partner)


def test_two_schools_are_not_two_universities():
    schools = _find(SEED_REPORT, "003", "two", "two French schools")
    universities = _find(SEED_REPORT, "000", "two", "universities")
    assert schools.counted == "schools" and universities.counted == "universities"
    assert not _same_topic(SEED_REPORT, schools, universities)


def test_anniversaries_of_2022_and_2017_agree_on_the_base_year():
    thirtieth = _find(SEED_REPORT, "002", "30th anniversary", "diplomatic relations")
    twenty_fifth = _find(SEED_REPORT, "004", "celebrated 25 years", "25 years since")
    assert thirtieth.value.text == twenty_fifth.value.text == "1992"
    topic = SEED_REPORT.topic_of(thirtieth)
    assert topic is not None and twenty_fifth in topic.claims


def test_different_kinds_never_group():
    for topic in SEED_REPORT.topics:
        assert len({c.value.group_key for c in topic.claims}) == 1, topic.id


def test_a_topic_holds_at_most_one_claim_per_source_when_discovered():
    for topic in SEED_REPORT.topics:
        if not topic.declared:
            assert len(topic.sources) == len(topic.claims), topic.id


@pytest.mark.parametrize("corpus", ["seeds", "dramont-cholera", "cyclone-orla"])
def test_discovered_ids_are_readable_slugs(corpus):
    """An id is typed on the command line (`resolve ID`) and written in claims.toml: lowercase words joined by
    hyphens, even when what a count counts is several words ('61 deaths' in a reporting week: 'deaths new')."""
    report = SEED_REPORT if corpus == "seeds" else check([ROOT / "tests" / "corpora" / corpus])
    assert report.verdicts
    for verdict in report.verdicts:
        assert verdict.topic.id.startswith(verdict.topic.kind + "-")
        assert verdict.topic.id == verdict.topic.id.lower()
        assert re.fullmatch(r"[a-z]+(?:-[\w']+)+", verdict.topic.id), verdict.topic.id


def test_declared_topics_take_claims_by_alias_and_kind():
    config = load_config(ROOT / "claims.toml")
    report = check([SEEDS], config)
    rank = next(t for t in report.topics if t.id == "investor-rank")
    assert {c.value.text for c in rank.claims} == {"3", "4", "top 5"}
    assert len(rank.sources) == 5
    assert all(c.kind == "rank" for c in rank.claims)


def test_a_declared_topic_without_kind_keeps_one_kind():
    report = check([SEEDS])
    spec = TopicSpec("partnership", "Partnership", ("strategic partnership",), None)
    topics = group_claims(list(report.claims), [spec])
    declared = next(t for t in topics if t.id == "partnership")
    assert declared.kind == "date" and {c.kind for c in declared.claims} == {"date"}


def test_content_stems_drop_stop_words_and_numbers():
    assert content_stems("The investors of 2008 and the investments") == ["investor", "invest"]


@settings(max_examples=8, deadline=None)
@given(st.randoms())
def test_reordering_sources_changes_nothing(rnd: random.Random):
    files = sorted(SEEDS.glob("*.txt"))
    shuffled = list(files)
    rnd.shuffle(shuffled)
    assert render(check(shuffled)) == render(check(files))


@settings(max_examples=5, deadline=None)
@given(st.sampled_from(sorted(p.name for p in SEEDS.glob("*.txt"))))
def test_a_duplicated_source_creates_no_new_conflict(tmp_path_factory, name: str):
    corpus: Path = tmp_path_factory.mktemp("corpus")
    for p in SEEDS.glob("*.txt"):
        (corpus / p.name).write_bytes(p.read_bytes())
    (corpus / f"copy-of-{name}").write_bytes((SEEDS / name).read_bytes())
    before = {frozenset(v.value for v in verdict.values) for verdict in SEED_REPORT.verdicts
              if verdict.status == "conflict"}
    after = {frozenset(v.value for v in verdict.values) for verdict in check([corpus]).verdicts
             if verdict.status == "conflict"}
    assert after == before


def test_the_compiled_stemmer_stems_every_corpus_word_as_snowballs_python_one() -> None:
    """PyStemmer stands in for snowballstemmer's pure Python stemmer: the stems, and so the groups, are the same."""
    from snowballstemmer.english_stemmer import EnglishStemmer

    from kzfr_check.words import stem

    folders = [ROOT / "seeds", *sorted(p for p in (ROOT / "tests" / "corpora").iterdir() if p.is_dir())]
    words = sorted({w for folder in folders for path in folder.iterdir()
                    for w in re.findall(r"[^\W\d_]+", path.read_text(encoding="utf-8").lower())})
    assert len(words) > 1500
    python = EnglishStemmer()
    assert [stem(w) for w in words] == [python.stemWord(w) for w in words]


def test_statements_whose_keys_share_a_hash_stay_apart(monkeypatch) -> None:
    """Statements are found by the hash of their key: keys that share one (here all of them do) are still told
    apart by the key itself, and the report is the same."""
    corpus = ROOT / "tests" / "corpora" / "channel-tunnel"
    expected = render(check([corpus]))
    monkeypatch.setattr("kzfr_check.topics.hash", lambda key: 0, raising=False)
    assert render(check([corpus])) == expected


class _Cut(InProcess):
    """Tasks run here, as on a cluster of `width` workers: the sources cut into that many times four parts."""

    def __init__(self, width: int) -> None:
        self.width = width


def _counted(subjects: list[list[str]], rarity) -> tuple:  # type: ignore[no-untyped-def]
    counts = [rarity.any_subject, *rarity.within, *(rarity.own[source] for source in sorted(rarity.own))]
    return subjects, [(c.sentences, sorted(c.holding.items()), sorted(c.several)) for c in counts]


# the words any document repeats, as a check leaves them out: '=built' would tie every corpus here into one subject
FIGURE_TERMS = topics._figure_terms("en")


def _uncut(claims: list[Claim]) -> tuple:  # type: ignore[type-arg]
    """The statistics of one map over all the sources and one bucket: nothing to merge."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(topics, "SENTENCE_BUCKETS", 1)
        words = topics._sentence_words(topics._source_sentences(claims), {}, FIGURE_TERMS)
    subjects = [group for group in words.subjects.groups() if len(group) > 1]
    subject_of = {source: n for n, group in enumerate(subjects) for source in group}
    return _counted(subjects, topics._sentence_counts(subject_of, len(subjects), *words.buckets))


# Several subjects and languages, and sentences reprinted by sources that a cut may put in different parts
MIXED = [claim for folder in ("channel-tunnel", "dramont-cholera", "ashcombe", "tri-lingual")
         for claim in check([ROOT / "tests" / "corpora" / folder]).claims]
MIXED += [dataclasses.replace(c, source=f"zz-{c.source}") for c in MIXED[: len(MIXED) // 3]]
UNCUT = _uncut(MIXED)


@settings(max_examples=12, deadline=None)
@given(st.integers(1, 12), st.randoms(use_true_random=False))
def test_word_statistics_do_not_depend_on_how_the_sources_are_cut(width, shuffler):
    """The map over parts of the sources and the reduce over buckets of sentences count each sentence once, for
    its first source, however many parts and buckets there are and in whatever order the claims come."""
    claims = list(MIXED)
    shuffler.shuffle(claims)
    assert _counted(*topics._word_statistics(claims, {}, FIGURE_TERMS, _Cut(width))) == UNCUT
    subjects, counts = UNCUT
    assert len(subjects) > 1 and counts[0][0] > 0 and counts[0][2]


def _restated(folder: Path, documents: int, other: int) -> None:
    """Reports that each restate one fact (a bridge's main span), attributed in words of their own, beside news of
    their own; the report numbered `other` states another value."""
    rnd = random.Random(5)
    said = ["the city engineer said", "the chief engineer told reporters", "officials said on Monday",
            "according to the ministry", "the council's survey shows", "the contractor confirmed",
            "a spokeswoman for the port said", "the design team wrote", "inspectors reported",
            "the harbour authority announced", "the transport minister told parliament", "the builders said"]
    news = ["The {} museum reopened after a refit costing {} thousand euros.",
            "Ferry crossings fell to {} a day during the {} storm.", "The school in {} now teaches {} pupils.",
            "Rainfall at the {} gauge reached {} millimetres.", "The {} market drew {} traders on Saturday."]
    places = ["Arlen", "Brisk", "Corvo", "Dunmere", "Halden", "Istra"]
    for n in range(documents):
        span = "1,380" if n == other else "1,280"
        told = " ".join(rnd.choice(news).format(rnd.choice(places), rnd.randint(12, 900)) for _ in range(3))
        (folder / f"report{n:02d}.txt").write_text(
            f"PORT ESSBY, {n % 28 + 1} March 2024\n\nThe new suspension bridge over the estuary has a main span "
            f"of {span} metres, {said[n % len(said)]}. {told}\n", encoding="utf-8")


def test_a_fact_restated_by_many_sources_in_words_of_their_own_is_one_topic(tmp_path):
    """Forty reports restate one figure, each attributed in its own words and beside news of its own: their claims
    are one topic, and the one report that states another value is its conflict, shown with its quote."""
    _restated(tmp_path, 40, other=7)
    report = check([tmp_path], warn=lambda message: None)
    [span] = [v for v in report.verdicts if any(c.value.text == "1380 m" for c in v.topic.claims)]
    assert span.status == "conflict"
    assert len(span.topic.sources) == 40
    assert {v.value: v.sources for v in span.values}["1380 m"] == ("report07",)
    [other] = [c for c in span.topic.claims if c.value.text == "1380 m"]
    assert other.line == 3 and "1,380 metres" in other.quote
