"""Atomic claims: one figure, one value, one exact span, and no claims from page furniture."""

from __future__ import annotations

import dataclasses
import pickle
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kzfr_check.claims as claims_module
from kzfr_check.claims import Claim, extract_claims, forget_sentences, sentences
from kzfr_check.pipeline import check, read_and_extract
from kzfr_check.qualifiers import qualifiers_of
from kzfr_check.sources import load_sources, read_source
from kzfr_check.values import Figure, converts

from conftest import ROOT, SEEDS, TUNNEL

SEED_SOURCES = load_sources([SEEDS])
SEED_CLAIMS = {s.id: extract_claims(s) for s in SEED_SOURCES}


def _claims(source_prefix: str):
    return next(claims for sid, claims in SEED_CLAIMS.items() if sid.startswith(source_prefix))


def test_every_claim_points_at_its_figure_and_its_sentence():
    for source in SEED_SOURCES:
        raw_lines = (SEEDS / Path(source.path).name).read_text(encoding="utf-8").splitlines()
        for claim in SEED_CLAIMS[source.id]:
            assert source.text[claim.start:claim.end] == claim.text
            assert source.text[claim.quote_start:claim.quote_start + len(claim.quote)] == claim.quote
            assert claim.text in raw_lines[claim.line - 1]


def test_page_furniture_makes_no_claims():
    texts = {c.text for claims in SEED_CLAIMS.values() for c in claims}
    quotes = " ".join(c.quote for claims in SEED_CLAIMS.values() for c in claims)
    for furniture in ("16:43", "3 min read", "No.25", "No.17", "[2]", "01.12.2022"):
        assert not any(furniture in t for t in texts), furniture
    assert "Only 30% of an article" in quotes  # a real sentence, kept
    assert "Date of Accession" not in quotes  # footnote reference lines are not statements
    assert "20 May, 2022" not in texts  # the dateline is the document's date, not a claim


def test_a_third_of_is_a_fraction_not_a_rank(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("A third of the budget went to roads. The city ranks third in Europe by size.\n")
    claims = extract_claims(read_source(path))
    assert [(c.text, c.value.text) for c in claims] == [("A third of", "~33.3%"), ("third", "3")]
    assert claims[1].quote == "The city ranks third in Europe by size."


def test_anniversary_uses_the_document_date():
    thirtieth = next(c for c in _claims("000") if c.kind == "anniversary")
    assert thirtieth.text == "30th anniversary" and thirtieth.value.text == "1992"
    undated = [c for c in _claims("003") if c.kind == "anniversary"]
    assert undated == []  # 003 states no date of its own: no base year to count back from


def test_a_sentence_read_before_is_read_the_same_in_a_document_of_another_date(tmp_path):
    """A process reads a repeated sentence once; an anniversary still counts back from each document's date,
    and "last year" is the year before each."""
    said = "They marked the 30th anniversary of relations. Over 170 companies work here. Trade grew 5% last year."
    for year in (2022, 2023):
        (tmp_path / f"{year}.txt").write_text(f"Paris, 3 March {year}\n\n{said}\n")
    forget_sentences()
    first, second = (extract_claims(read_source(tmp_path / f"{year}.txt")) for year in (2022, 2023))
    assert [(c.value.text, c.as_of) for c in first] == [("1992", None), (">170", None), ("5%", "2021")]
    assert [(c.value.text, c.as_of) for c in second] == [("1993", None), (">170", None), ("5%", "2022")]
    forget_sentences()  # read afresh, as a new process would
    assert extract_claims(read_source(tmp_path / "2023.txt")) == second


def test_a_claim_carries_what_sets_its_own_figure_apart_however_often_its_sentence_was_read():
    """Qualifiers are read once per sentence a process reads, with its figures, and go with each claim: every claim
    of the test corpora, read afresh and then again from what the process remembers, holds those of its own
    sentence and figure (a conversion in brackets, those of the figure it converts)."""
    folders = sorted(path for path in (ROOT / "tests" / "corpora").iterdir() if path.is_dir())
    sources = load_sources(folders)
    forget_sentences()
    fresh = [c for s in sources for c in extract_claims(s)]
    again = [c for s in sources for c in extract_claims(s)]
    forget_sentences()
    assert again == fresh
    before: Claim | None = None
    for c in fresh:
        converted = (before is not None and (before.source, before.quote_start) == (c.source, c.quote_start)
                     and converts(c.said, Figure(*before.figure_in_quote, before.value),
                                  Figure(*c.figure_in_quote, c.value)))
        read = before if converted else c
        own = frozenset(q for q in c.qualifiers if q[0] != "day")  # (and a time, the day its sentence states)
        assert own == qualifiers_of(read.said, *read.figure_in_quote, read.kind, read.language, read.only_grows), c
        assert c.kind == "time" or own == c.qualifiers, c
        before = read if converted else c
    kinds = {k for c in fresh for k, _ in c.qualifiers}
    assert {"peak", "place", "occurrence"} <= kinds, kinds


def test_a_check_forgets_the_sentences_it_read():
    """What a process remembers of the sentences it read is dropped once a check has read them all, so that
    the memory it takes is never added to the peak of grouping and judging."""
    report = check([SEEDS], jobs=1)
    assert report.claims and claims_module._READ == {}


def test_sentences_split_at_full_stops_not_abbreviations():
    text = "Dr. Smith met Mr. Jones in the U.S. on Monday. They signed it.[1] Then they left!\nA heading\n\nNext."
    spans = [text[s:e] for s, e in sentences(text)]
    assert spans == ["Dr. Smith met Mr. Jones in the U.S. on Monday.", "They signed it.[1]", "Then they left!",
                     "A heading", "Next."]


def test_wrapped_lines_join_into_one_sentence():
    text = ("The committee, which met in the capital for three days of talks, finally agreed\n"
            "on a budget of 40 million euros.\n")
    assert [text[s:e] for s, e in sentences(text)] == [text.strip()]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["word", "1889", "12,", "x;", "a" * 700, "Two.", "End!"]), max_size=300),
       st.sampled_from([" ", "  ", "\t", ", "]))
def test_a_sentence_too_long_is_read_in_windows_that_cover_it(words, space):
    """Windows of at most LONGEST_SENTENCE characters that cover the text, each at its own place: nothing
    but white space lost between them."""
    text = space.join(words)
    spans = list(sentences(text))
    assert all(0 < end - start <= claims_module.LONGEST_SENTENCE for start, end in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert re.sub(r"\s", "", "".join(text[start:end] for start, end in spans)) == re.sub(r"\s", "", text)


def test_a_line_dense_with_figures_keeps_them_all_in_short_quotes(tmp_path):
    """A file of figures with no full stop: each claim is quoted with a window of its line, not the whole line,
    and no figure is lost at a window's edge."""
    one_line = " ".join(f"rose to {n} in {1900 + n % 100}," for n in range(1000, 3000))
    path = tmp_path / "dense.txt"
    path.write_text(one_line, encoding="utf-8")
    found = extract_claims(read_source(path))
    assert len(one_line) > 40 * claims_module.LONGEST_SENTENCE
    assert {c.text for c in found} >= {str(n) for n in range(1000, 3000)}
    assert max(len(c.quote) for c in found) <= claims_module.LONGEST_SENTENCE


def test_claims_beyond_the_cap_are_left_out_with_a_warning_naming_the_file(cli, tmp_path, monkeypatch):
    monkeypatch.setattr("kzfr_check.pipeline.CLAIMS_PER_DOCUMENT", 30)
    (tmp_path / "claims.toml").write_text("")
    (tmp_path / "dense.txt").write_text("".join(f"It rose to {n} in {1900 + n % 100}.\n" for n in range(1000, 1040)))
    (tmp_path / "short.txt").write_text("It rose to 1001 in 1901.\n")
    run = cli("claims", "--format", "json", ".", cwd=tmp_path)
    assert run.exit_code == 0, run.stderr
    assert run.stderr == "warning: dense.txt: more than 30 figures; only the first 30 (to line 30) are checked\n"
    assert [c["source"] for c in run.json["claims"]] == ["dense"] * 30 + ["short"]


def test_a_document_is_read_only_as_far_as_its_claims_go(tmp_path, monkeypatch):
    """Past its limit of claims a document is not read on: the figures of 2,000 sentences are not looked for to
    keep the first 30."""
    path = tmp_path / "dense.txt"
    path.write_text("".join(f"It rose to {n} in {1900 + n % 100}.\n" for n in range(1000, 3000)), encoding="utf-8")
    source = read_source(path)
    read: list[str] = []
    claims_module.forget_sentences()  # (none read before, by another test)
    figures_in = claims_module.figures_in
    monkeypatch.setattr(claims_module, "figures_in", lambda said, *rest: read.append(said) or figures_in(said, *rest))
    assert [c.text for c in extract_claims(source, 30)][-1] == "1029"  # (each year dates its figure)
    assert 30 <= len(read) <= 31  # the sentences up to the 30th claim, and the one after it at most


def test_html_claims_quote_the_visible_text_with_html_lines():
    source = next(s for s in load_sources([TUNNEL]) if s.id == "03-anniversary")
    claims = extract_claims(source)
    html_lines = (TUNNEL / "03-anniversary.html").read_text(encoding="utf-8").splitlines()
    for claim in claims:
        assert re.sub(r"\s+", " ", claim.text) in html_lines[claim.line - 1]
    assert "1921" not in {c.text for c in claims}


def test_markdown_emphasis_does_not_hide_figures():
    source = next(s for s in load_sources([TUNNEL]) if s.id == "02-engineering-notes")
    assert any(c.text == "about 50 km" for c in extract_claims(source))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=400))
def test_arbitrary_text_never_raises(tmp_path, text):
    path = tmp_path / "any.txt"
    path.write_text(text, encoding="utf-8")
    source = read_source(path)
    for claim in extract_claims(source):
        assert 0 <= claim.start < claim.end <= len(source.text)
        assert claim.line >= 1


def test_readme_test_command_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(python3 -m venv .*?)\n```", readme)
    assert len(commands) == 2
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8").replace("--quiet ", "")


def test_claims_survive_the_trip_from_a_worker_process_whole():
    """Workers send claims back pickled, as their fields: every field, the value's included, comes back."""
    claims = [c for s in load_sources([SEEDS, TUNNEL]) for c in extract_claims(s)]
    back = pickle.loads(pickle.dumps(claims))
    assert back == claims
    assert [dataclasses.astuple(c) for c in back] == [dataclasses.astuple(c) for c in claims]
    assert any(c.as_of for c in back) and any(c.counted for c in back) and any(c.value.unit for c in back)


def test_a_worker_sends_back_claims_and_where_they_are_not_the_text(tmp_path):
    """What a worker returns crosses to the one process that gathers a corpus: a document's claims, with their
    quotes, and the Document that places them in its file. Its text stays where it was read, and the values
    that documents share arrive as one object."""
    for name in ("north.txt", "south.txt"):
        (tmp_path / name).write_text(
            "Harbour works at Selvik\n\nThe quay walls were rebuilt in granite, stone by stone, as of old.\n"
            "The new quay opened in 2019 after the rebuilding.\n", encoding="utf-8")
    sent = [pickle.dumps(read_and_extract((str(tmp_path / name), name, 1_000_000, None)))
            for name in ("north.txt", "south.txt")]
    assert all(b"The new quay opened in 2019" in trip and b"granite" not in trip for trip in sent)
    (north, _, north_claims), (south, _, south_claims) = (pickle.loads(trip) for trip in sent)
    assert [c.value.text for c in north_claims] == [c.value.text for c in south_claims] == ["2019"]
    assert north.line_of(north_claims[0].start) == 4 and north.path == "north.txt"
    assert north_claims[0].value is south_claims[0].value


def test_a_heading_restated_more_precisely_below_it_is_no_claim_of_its_own(tmp_path):
    """A heading line's year is the date of the paragraph below it, said again with less detail: the
    paragraph's date is the claim, so a source that dates the event differently disputes that one."""
    (tmp_path / "history.txt").write_text(
        "Opening of the Consulate in Varnholm, 1994.\n"
        "The Consulate in Varnholm was opened on March 14, 1994, with a small staff.\n"
        "Closing of the old mission, 2001.\n"
        "The museum reopened in 2003 after a long repair.\n")
    (tmp_path / "factsheet.txt").write_text(
        "The Consulate in Varnholm was opened in May 1994 and later moved to the capital.\n")
    history = extract_claims(read_source(tmp_path / "history.txt"))
    assert [c.value.text for c in history] == ["1994-03-14", "2001", "2003"]  # 2001: not restated below
    report = check([tmp_path], jobs=1)
    assert [(v.status, sorted(s.value for s in v.values)) for v in report.verdicts] == [
        ("conflict", ["1994-03-14", "1994-05"])]


def test_an_instalment_is_stated_as_of_its_document_s_day(tmp_path):
    """'An additional $2 million' announced on two days are two instalments: a change over time, not one
    amount that two sources dispute."""
    (tmp_path / "march.txt").write_text(
        "March 3, 2021\n\nThe foundation has granted an additional $2 million to the Orsel river clean-up.\n")
    (tmp_path / "june.txt").write_text(
        "June 9, 2021\n\nThe foundation has granted an additional 310 million korun ($3.5 million) to the "
        "Orsel river clean-up.\n")
    (tmp_path / "juin.txt").write_text(
        "Le 10 juin 2021\n\nLa fondation a accordé 3,5 millions de dollars supplémentaires pour le nettoyage "
        "de la rivière Orsel.\n")
    march = extract_claims(read_source(tmp_path / "march.txt"))
    assert [(c.value.text, c.as_of) for c in march] == [("USD 2 million", "2021-03-03")]
    juin = extract_claims(read_source(tmp_path / "juin.txt"))
    assert [(c.value.text, c.as_of) for c in juin] == [("USD 3.5 million", "2021-06-10")]
    statuses = {v.status for v in check([tmp_path], jobs=1).verdicts if v.topic.kind == "money"}
    assert "conflict" not in statuses


def test_a_label_and_the_figure_on_the_line_below_it_are_one_statement():
    """A fact sheet's 'Length of main span', a blank line, '412 metres': one sentence, so that the figure is said of
    its label; a headline above a paragraph, or above a line of words, stays apart."""
    text = ("Orvel Viaduct facts\n\nLength of main span\n\n412 metres\n\nWeight of arch\n\n21,000 tonnes\n\n"
            "Opening day\n\nThe viaduct opened in 1932.\n\n- Piers\n\n12\n\nNumber of employees\n219,000 (2023)\n")
    assert [text[s:e] for s, e in sentences(text)] == [
        "Orvel Viaduct facts", "Length of main span\n\n412 metres", "Weight of arch\n\n21,000 tonnes", "Opening day",
        "The viaduct opened in 1932.", "- Piers", "12", "Number of employees\n219,000 (2023)"]


def test_the_period_a_sentence_states_its_figure_for(tmp_path):
    """'By the end of August 2023', 'as of October' in a page of December 2021, a year in the figure's own clause
    after a 'Since 2004' that opens its sentence, 'the 2009 financial year', 'In the year 2017', 'a 1958 estimate'."""
    (tmp_path / "a.txt").write_text(
        "Published 8 December 2021\n\nAs of October, Ostrava had 940 projects in Moravia. By the end of August 2023, "
        "trade approximated 31.7 billion USD. Since 2004, ties have grown, with trade passing US$38 billion in 2014.\n")
    read = [(c.value.text, c.as_of) for c in extract_claims(read_source(tmp_path / "a.txt"))
            if c.kind not in ("date", "period")]
    assert read == [("940", "2021-10"), ("USD 31.7 billion", "2023-08"), ("USD 38 billion", "2014")]
    (tmp_path / "b.txt").write_text("Sales for the 2009 financial year increased by 1.4 per cent. In the year 2017, "
                                    "revenue was 36,295 million euros. By the end of year 2010, it had 280 stores.\n")
    read = [(c.value.text, c.as_of) for c in extract_claims(read_source(tmp_path / "b.txt"))]
    assert read == [("1.4%", "2009"), ("EUR 36.295 billion", "2017"), ("280", "2010")]
    (tmp_path / "c.txt").write_text("A 1958 estimate put the total cost of the canal at $7.6 billion. The 2010 census "
                                    "counted 3,200 residents in Brena.\n")
    read = [(c.value.text, c.as_of) for c in extract_claims(read_source(tmp_path / "c.txt"))]
    assert read == [("USD 7.6 billion", "1958"), ("3200", "2010")]  # the years of a reckoning: no dates of their own
    (tmp_path / "d.txt").write_text("The quake cost $3 billion in damage -- the most in the region until the Orla "
                                    "floods struck in 2011.\n")
    read = [(c.value.text, c.as_of) for c in extract_claims(read_source(tmp_path / "d.txt")) if c.kind == "money"]
    assert read == [("USD 3 billion", None)]  # a dash opens an aside: its year is not the figure's


def test_a_day_without_its_year_is_of_the_one_year_its_sentence_states(tmp_path):
    """'in 2001, when the agreement took effect on December 10' is 10 December 2001, in a page of any date or of
    none; with no year in its sentence, a day is of its page's year, or in an undated page of the year its account
    is in (the last day it stated with its year)."""
    (tmp_path / "dated.txt").write_text("Published 8 December 2021\n\nTrade resumed in 2001, when the agreement "
                                        "took effect on December 10. The forum met on 3 May.\n")
    (tmp_path / "undated.txt").write_text("Trade resumed in 2001, when the agreement took effect on December 10. "
                                          "The forum met on 3 May.\n")
    dates = {name: [c.value.text for c in extract_claims(read_source(tmp_path / f"{name}.txt"))]
             for name in ("dated", "undated")}
    assert dates == {"dated": ["2001", "2001-12-10", "2021-05-03"], "undated": ["2001", "2001-12-10", "2001-05-03"]}


def test_the_page_s_own_day_told_deep_in_a_sentence_is_a_claim(tmp_path):
    """The dateline's date is furniture; the same day told in a sentence below it ('made landfall ... on the evening
    of May 6th, 2015') is a fact of what the page reports."""
    (tmp_path / "a.txt").write_text("Radar Imagery, May 6, 2015\n\nHurricane Orla made landfall near Brena on the "
                                    "evening of May 6th, 2015, the weather service said.\n")
    source = read_source(tmp_path / "a.txt")
    assert str(source.date) == "2015-05-06"
    assert [(c.line, c.value.text) for c in extract_claims(source)] == [(3, "2015-05-06")]
