"""Invariants of the whole pipeline: any text is read without an exception, the same sources give the
same bytes whatever their order, folder name or repetition, unrelated documents change no verdict,
and every value the grammar reads it reads again from the claim's own sentence."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kzfr_check.claims import extract_claims, figures_in
from kzfr_check.config import Config
from kzfr_check.pipeline import check
from kzfr_check.report.json import render
from kzfr_check.sources import load_sources, normalise
from kzfr_check.values import WEEKDAYS, weekday_figures

from conftest import SEEDS

CORPORA = Path(__file__).parent / "corpora"
CORPUS_DIRS = [SEEDS, *sorted(p for p in CORPORA.iterdir() if p.is_dir())]

# Text that stresses the reader: controls, bidi marks, combining marks, digits of many scripts,
# look-alike punctuation, and the words and shapes of figures.
FIGURE_WORDS = ["fourth", "third-largest", "over 170", "2008", "June 11, 2008", "USD 2.5 billion", "30th",
                "anniversary", "90%", "50.45 km", "between 2005 and 2021", "top 5", "No. 3", "in 2017",
                "celebrating 25 years", "37.9 of them", "Q3 2022", "first nine months of 2022", "since 1992"]
ODD_CHARS = ("\x00\x07\x0b\x0c\x1b\x7f\x85\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
             "\u2066\u2067\u2069\u0301\u0327\u20dd\u0663\u06f4\u0967\u0e53\u1814\uff13\u2167\u00bd\u00b2"
             "\u2082\u2013\u2014\u2212\u00a0\u2028\u2029\ufeff\ufffd\U0001d7d8\u3007\u96f6\r\n\t<>&;#*_`")
SOURCE_TEXT = st.lists(
    st.one_of(st.sampled_from(FIGURE_WORDS), st.text(alphabet=ODD_CHARS, max_size=4),
              st.text(max_size=12), st.sampled_from([" ", ". ", "\n", "\r\n", "\r", "\n\n", ", "])),
    max_size=50,
).map("".join)


def _write(folder: Path, texts: list[str], suffixes: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n, (text, suffix) in enumerate(zip(texts, suffixes, strict=False)):
        (folder / f"doc{n}{suffix}").write_bytes(text.encode("utf-8", "surrogatepass"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(texts=st.lists(SOURCE_TEXT, min_size=1, max_size=3),
       suffixes=st.lists(st.sampled_from([".txt", ".md", ".html"]), min_size=3, max_size=3),
       encoding=st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1"]))
def test_any_text_never_raises_through_the_pipeline(tmp_path_factory, texts, suffixes, encoding) -> None:
    folder = tmp_path_factory.mktemp("any")
    for n, (text, suffix) in enumerate(zip(texts, suffixes, strict=False)):
        (folder / f"doc{n}{suffix}").write_bytes(text.encode(encoding, "replace"))
    warnings: list[str] = []
    try:
        report = check([folder], Config(), warn=warnings.append)
    except Exception as error:  # only "nothing readable" (every file looked binary) is allowed
        assert "no readable" in str(error), error
        return
    read = {s.id: s for s in load_sources([folder], warn=lambda message: None)}  # (a report keeps no text)
    assert sorted(read) == sorted(s.id for s in report.sources)
    for claim in report.claims:
        source = read[claim.source]
        assert source.text[claim.start:claim.end] == claim.text
        assert 1 <= claim.line <= source.text.count("\n") + source.text.count("\r") + 1 or source.path.endswith(
            (".html",))
    json.loads(render(report))


def _json(paths: list[Path], config: Config | None = None) -> str:
    return render(check(paths, config or Config(), warn=lambda message: None))


@pytest.mark.parametrize("corpus", CORPUS_DIRS, ids=lambda p: p.name)
def test_order_of_sources_and_a_second_run_give_the_same_bytes(corpus: Path) -> None:
    files = sorted(p for p in corpus.iterdir() if p.is_file())
    first = _json(files)
    assert _json(list(reversed(files))) == first
    assert _json(files[1::2] + files[::2]) == first
    assert _json([corpus]) == first


def test_a_second_cli_run_gives_the_same_bytes(cli, tmp_path, empty_config) -> None:
    runs = [cli("conflicts", SEEDS, "--all", "--format", fmt, "--config", empty_config).stdout
            for fmt in ("json", "json", "sarif", "sarif", "markdown", "markdown")]
    assert runs[0] == runs[1] and runs[2] == runs[3] and runs[4] == runs[5]


@pytest.mark.parametrize("corpus", CORPUS_DIRS, ids=lambda p: p.name)
def test_renaming_the_folder_changes_only_the_paths(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    """The `path` fields name the folder on purpose (a user opens them); nothing else may change."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(corpus, tmp_path / "before")
    shutil.copytree(corpus, tmp_path / "after-rename")
    before, after = json.loads(_json([Path("before")])), json.loads(_json([Path("after-rename")]))
    assert [s["path"].replace("before/", "after-rename/", 1) for s in before["sources"]] == \
        [s["path"] for s in after["sources"]]
    for data in (before, after):
        for source in data["sources"]:
            del source["path"]
    assert before == after


@pytest.mark.parametrize("corpus", CORPUS_DIRS, ids=lambda p: p.name)
def test_a_verbatim_copy_of_a_source_creates_no_conflict(corpus: Path, tmp_path: Path) -> None:
    shutil.copytree(corpus, tmp_path / "docs")
    base = json.loads(_json([tmp_path / "docs"]))
    for original in sorted((tmp_path / "docs").iterdir())[:2]:
        copy = tmp_path / "docs" / f"copy-of-{original.name}"
        shutil.copy(original, copy)
        data = json.loads(_json([tmp_path / "docs"]))
        assert data["summary"]["conflict"] <= base["summary"]["conflict"]
        conflicts = {tuple(sorted(v["value"] for v in t["values"])) for t in data["topics"]
                     if t["status"] == "conflict"}
        assert conflicts <= {tuple(sorted(v["value"] for v in t["values"])) for t in base["topics"]
                             if t["status"] == "conflict"}
        copy.unlink()


UNRELATED = {
    "recipe.md": "# Bread\n\nMix 500 g of flour with 350 ml of water. Bake for 40 minutes at 230 degrees. "
                 "The loaf was first baked in 1998 by my grandmother, who won third prize at the 2004 fair.\n",
    "football.txt": "The club was founded in 1899. It has won the league 27 times and finished second in "
                    "2019. Its stadium holds over 81,000 spectators and cost EUR 90 million to rebuild.\n",
    # two documents on one subject of their own: they name one club
    "rovers.txt": "The Rovers were founded in 1899. Their stadium cost $90 million to rebuild.\n",
    "rovers-history.md": "Founded in 1897, the Rovers have won the league 11 times.\n",
    # in dollars, as most corpora state their costs
    "shop.md": "# Our shop\n\nThe shop opened in 2009. It cost $2.5 million to build and employs 14 people. "
               "Sales rose 12% in 2022 to $3.1 million.\n",
}
ON_THE_SUBJECT = {"ashcombe": ("football.txt", "rovers.txt", "rovers-history.md")}  # a football club: not unrelated


@pytest.mark.parametrize("corpus", CORPUS_DIRS, ids=lambda p: p.name)
def test_an_unrelated_document_changes_no_verdict(corpus: Path, tmp_path: Path) -> None:
    """Every topic keeps its status and values, in a topic that holds at least its claims, and no unrelated
    claim joins one: how rare a word is, is counted among the documents of its subject, which documents on
    other subjects (a recipe; two on a football club, which share a subject of their own) do not join."""
    shutil.copytree(corpus, tmp_path / "docs")

    def verdicts() -> list[tuple[set[tuple[str, int]], str, list[str]]]:
        data = json.loads(_json([tmp_path / "docs"]))
        return [({(c["source"], c["start"]) for c in t["claims"]}, t["status"], sorted(v["value"] for v in t["values"]))
                for t in data["topics"]]

    before = verdicts()
    added = {name: text for name, text in UNRELATED.items() if name not in ON_THE_SUBJECT.get(corpus.name, ())}
    for name, text in added.items():
        (tmp_path / "docs" / name).write_text(text)
    after = verdicts()
    unrelated = {Path(name).stem for name in added}
    assert not [claims for claims, _, _ in after if {source for source, _ in claims} & unrelated
                and {source for source, _ in claims} - unrelated]
    for claims, status, values in before:
        assert [(s, v) for c, s, v in after if claims <= c] == [(status, values)], (sorted(claims), status, values)


@pytest.mark.parametrize("corpus", CORPUS_DIRS, ids=lambda p: p.name)
def test_every_value_reads_again_from_its_own_sentence(corpus: Path) -> None:
    """A claim's value, re-read by the grammar of its language from the claim's sentence (and its document's
    date; in a document without one, for a day without its year, a day of its year; for a weekday, the weekdays of
    its document's day), is the same value at the same place."""
    claims = 0
    for source in load_sources([corpus], warn=lambda message: None):
        date = source.date
        base = dt.date(date.year, date.month or 1, date.day or 1) if date else None
        for claim in extract_claims(source):
            span = (claim.start - claim.quote_start, claim.end - claim.quote_start)
            again = {(f.start, f.end): f.value for f in figures_in(claim.said, base, claim.language)}
            if base is None and claim.kind in ("date", "period") and span not in again:
                # a day without its year in a page without a date: read in the year of a day stated before it
                day = dt.date.fromordinal(int(claim.value.low))
                again = {(f.start, f.end): f.value for f in figures_in(claim.said, day, claim.language)}
            if claim.text in WEEKDAYS:  # a day named by its weekday, in a page of a known day
                again = {(f.start, f.end): f.value for f in weekday_figures(claim.said, base)}
            assert again.get(span) == claim.value, (claim.source, claim.line, claim.text)
            assert claim.said[span[0]:span[1]] == normalise(claim.text)  # the sentence is normalised
            claims += 1
    assert claims > 20
