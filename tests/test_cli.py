"""The commands as a user runs them, on the bundled seeds and on files the tests write."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SEEDS, topic_by_values


def test_repo_config_resolves_both_seed_conflicts(cli):
    run = cli("conflicts", "--format", "json", cwd=ROOT)
    assert run.exit_code == 0, run.stdout + run.stderr
    data = run.json
    assert data["schema"] == "kzfr-check/1"
    rank = topic_by_values(data, "3", "4")
    assert rank["id"] == "investor-rank" and rank["status"] == "resolved"
    assert "top 5" in {v["value"] for v in rank["values"]}
    year = topic_by_values(data, "2008", "2009")
    assert year["id"] == "strategic-partnership" and year["status"] == "resolved"
    assert year["resolution"]["accept"] == "2008" and year["resolution"]["overrules"] == ["2009"]
    assert [t["id"] for t in data["topics"] if t["status"] in ("conflict", "resolved")] == [
        "investor-rank", "strategic-partnership"]
    assert data["summary"]["conflicts"] == 0 and data["summary"]["resolved"] == 2


def test_empty_config_reports_the_two_seed_conflicts_and_nothing_false(cli, empty_config, tmp_path):
    run = cli("conflicts", SEEDS, "--config", empty_config, "--format", "json", cwd=tmp_path)
    assert run.exit_code == 1
    data = run.json
    conflicts = [t for t in data["topics"] if t["status"] == "conflict"]
    assert len(conflicts) == 2, [t["id"] for t in conflicts]
    rank = topic_by_values(data, "3", "4")
    assert rank["status"] == "conflict" and rank["kind"] == "rank"
    assert {v["value"]: v["sources"] for v in rank["values"]}["4"] == ["000_39be2bd05a4b7ff6", "001_d7438efd0355018a"]
    assert any("top 5" in note and "compatible" in note for note in rank["notes"])
    year = topic_by_values(data, "2008", "2009")
    assert year["status"] == "conflict" and year["kind"] == "date"
    assert {c["source"] for c in year["claims"]} == {p.stem for p in SEEDS.glob("*.txt")}
    assert data["summary"]["conflicts"] == 2


def test_json_claims_point_at_the_exact_text(cli, tmp_path, empty_config):
    data = cli("conflicts", SEEDS, "--config", empty_config, "--format", "json", "--all", cwd=tmp_path).json
    paths = {s["id"]: Path(s["path"]) for s in data["sources"]}
    for topic in data["topics"]:
        for claim in topic["claims"]:
            text = (tmp_path / paths[claim["source"]]).read_text(encoding="utf-8-sig")
            assert text[claim["start"]:claim["end"]] == claim["text"]
            assert claim["text"] in claim["quote"]
            line = text.count("\n", 0, claim["start"]) + 1
            assert claim["line"] == line


def test_text_report_shows_quotes_with_file_and_line(cli, tmp_path, empty_config):
    run = cli("conflicts", SEEDS, "--config", empty_config, cwd=tmp_path)
    assert run.exit_code == 1
    assert "France is the fourth country in terms of the volume of investments" in run.stdout
    assert "000_39be2bd05a4b7ff6.txt:46" in run.stdout
    assert "004_862e09fcd6f07450.txt:15" in run.stdout
    assert "2 conflicts, 0 resolved" in run.stdout
    assert "\x1b[" not in run.stdout  # not a terminal: no colour codes


def test_resolved_topics_are_one_line_each(cli):
    out = cli("conflicts", cwd=ROOT).stdout
    resolved = [line for line in out.splitlines() if line.startswith("resolved ")]
    assert len(resolved) == 2 and "╭" not in out


def test_claim_shows_every_source_of_the_strategic_partnership(cli):
    run = cli("claim", "strategic partnership", cwd=ROOT)
    assert run.exit_code == 0
    for stem in (p.stem for p in SEEDS.glob("*.txt")):
        assert stem in run.stdout
    assert "2008-06-11" in run.stdout and "2009" in run.stdout


def test_claim_json_and_no_match(cli):
    data = cli("claim", "strategic partnership", "--format", "json", cwd=ROOT).json
    assert data["topics"][0]["id"] == "strategic-partnership"
    miss = cli("claim", "zeppelin altitude record", cwd=ROOT)
    assert miss.exit_code == 1
    assert miss.stderr.strip() == "nothing matches 'zeppelin altitude record'"  # no topic is close


def test_claims_lists_what_the_parser_understood(cli):
    run = cli("claims", "--source", "002_2781df7d8f51caa8", "--format", "json", cwd=ROOT)
    assert run.exit_code == 0
    claims = run.json["claims"]
    assert {c["source"] for c in claims} == {"002_2781df7d8f51caa8"}
    by_text = {c["text"]: c for c in claims}
    assert by_text["over 170"]["value"] == ">170" and by_text["over 170"]["topic"] == "french-companies"
    assert by_text["17 billion USD"]["kind"] == "money"
    assert by_text["part of the top five"]["value"] == "top 5"
    text = cli("claims", "--source", "002_2781df7d8f51caa8", cwd=ROOT).stdout
    assert "17 billion USD" in text and "investor-rank" in text
    assert cli("claims", "--source", "nope", cwd=ROOT).exit_code == 2


def test_claims_shows_the_period_each_figure_is_stated_for(cli):
    text = cli("claims", "--source", "002_2781df7d8f51caa8", cwd=ROOT).stdout
    header = next(line for line in text.splitlines() if line.startswith("line"))
    assert header.split() == ["line", "kind", "value", "as", "of", "text", "topic"]
    row = next(line for line in text.splitlines() if "USD 17 billion" in line)
    assert "2005/2021" in row  # "between 2005 and 2021": the figure's period, not a date of its own
    digest = cli("claims", "--source", "003_a63a872f8d55b19b", cwd=ROOT).stdout
    assert re.search(r"USD 2\.5 billion\s+2022-01/2022-09\s", digest)  # the first nine months of 2022


def test_no_paths_and_no_config_checks_the_bundled_seeds(cli, tmp_path):
    run = cli("conflicts", "--format", "json", cwd=tmp_path)
    assert run.exit_code == 1
    assert "bundled seed" in run.stderr
    assert run.json["summary"]["sources"] == 5 and run.json["summary"]["conflicts"] == 2


def test_bundled_seeds_are_the_shipped_seeds_byte_for_byte():
    from kzfr_check.pipeline import bundled_seeds

    shipped = sorted(p.name for p in SEEDS.iterdir())
    assert sorted(p.name for p in bundled_seeds().iterdir() if p.suffix == ".txt") == shipped
    for name in shipped:
        assert (bundled_seeds() / name).read_bytes() == (SEEDS / name).read_bytes()


def test_output_is_deterministic_and_independent_of_argument_order(cli, tmp_path, empty_config):
    files = sorted(SEEDS.glob("*.txt"))
    first = cli("conflicts", *files, "--config", empty_config, "--format", "json", cwd=tmp_path).stdout
    again = cli("conflicts", *reversed(files), "--config", empty_config, "--format", "json", cwd=tmp_path).stdout
    assert first == again
    text1 = cli("conflicts", SEEDS, "--config", empty_config, "--all", cwd=tmp_path).stdout
    text2 = cli("conflicts", SEEDS, "--config", empty_config, "--all", cwd=tmp_path).stdout
    assert text1 == text2


def test_a_duplicated_source_creates_no_conflict(cli, tmp_path, empty_config):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    shutil.copy(corpus / "002_2781df7d8f51caa8.txt", corpus / "002_copy.txt")
    data = cli("conflicts", corpus, "--config", empty_config, "--format", "json", cwd=tmp_path).json
    assert data["summary"]["conflicts"] == 2
    for topic in data["topics"]:
        for value in topic["values"]:
            assert ("002_2781df7d8f51caa8" in value["sources"]) == ("002_copy" in value["sources"]) or \
                topic["status"] != "conflict"


def test_bad_input_is_one_line_and_exit_2(cli, tmp_path):
    missing = cli("conflicts", tmp_path / "nowhere", cwd=tmp_path)
    assert missing.exit_code == 2
    assert missing.stderr.count("\n") == 1 and "nowhere" in missing.stderr
    bad = tmp_path / "bad.toml"
    bad.write_text('[[topic]]\nid = "x"\nlabel = 3\naliases = ["a"]\n')
    run = cli("conflicts", SEEDS, "--config", bad, cwd=tmp_path)
    assert run.exit_code == 2
    assert run.stderr.strip() == f"kzfr-check: error: {bad}:3: 'label' must be a string"
    unknown = tmp_path / "unknown.toml"
    unknown.write_text('[[resolution]]\ntopic = "no-such-topic"\naccept = "1"\nreason = "r"\n')
    run = cli("conflicts", SEEDS, "--config", unknown, cwd=tmp_path)
    assert run.exit_code == 2 and "unknown topic 'no-such-topic'" in run.stderr and "Traceback" not in run.stderr


def test_binary_and_non_utf8_sources(cli, tmp_path, empty_config):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The bridge opened in 1932. It is 503 metres long.\n", encoding="utf-8")
    (corpus / "b.txt").write_bytes("The bridge opened in 1931 – café. It is 503 metres long.\n".encode("cp1252"))
    (corpus / "c.txt").write_bytes(b"\x00\x01\x02binary\x00" * 20)
    run = cli("conflicts", corpus, "--config", empty_config, "--format", "json", cwd=tmp_path)
    assert "c.txt: skipped, looks binary" in run.stderr
    assert "b.txt: not UTF-8, read as cp1252" in run.stderr
    assert run.exit_code == 1
    assert topic_by_values(run.json, "1931", "1932")["status"] == "conflict"


def test_console_script_runs_from_any_directory(tmp_path):
    exe = Path(sys.executable).with_name("kzfr-check")
    result = subprocess.run([str(exe), "conflicts"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "bundled seed" in result.stderr
    assert "Traceback" not in result.stderr
    help_run = subprocess.run([str(exe), "--help"], capture_output=True, text=True, check=False)
    assert help_run.returncode == 0 and "conflicts" in help_run.stdout


def test_claim_shows_the_topic_id_on_its_own_line(cli, tmp_path):
    out = cli("claim", "number of companies", cwd=tmp_path).stdout
    assert "\\ntopic" not in out  # the line break is a break, not an escape of one
    assert any(line.strip().startswith("topic count-") for line in out.splitlines())
