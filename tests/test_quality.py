"""Quality never silently goes back: every corpus with an answer key is scored as bench/quality.py scores it,
and held at or above the score it had when its floor was written here. Raise a floor when the tool gets better;
lowering one is a decision to write down in the commit that does it.

The real pages of ../shared/corpora-real are scored too where that folder exists beside the repository."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from kzfr_check.claims import forget_sentences
from kzfr_check.config import Config
from kzfr_check.pipeline import check
from kzfr_check.report.json import document

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("quality", ROOT / "bench" / "quality.py")
assert _spec is not None and _spec.loader is not None
quality = importlib.util.module_from_spec(_spec)
sys.modules["quality"] = quality  # its dataclasses look their module up
_spec.loader.exec_module(quality)

# corpus: (conflicts of the key found at least, false conflicts at most, agreements recognised at least)
FLOORS = {
    "ashcombe": (3, 0, 6),
    "brennmark-results": (3, 0, 7),
    "channel-tunnel": (4, 0, 6),
    "cyclone-orla": (4, 2, 17),
    "dramont-cholera": (4, 0, 8),
    "dravel-earthquake": (5, 2, 14),
    "golden-gate": (4, 0, 8),
    "kestrel-dam": (3, 4, 12),
    "tri-lingual": (4, 0, 2),
    "valdmark-carrasca": (3, 3, 16),
    "wind-and-trade": (4, 0, 6),
    "webb": (2, 0, 7),
    "deepwater": (1, 1, 7),
    "katrina": (1, 1, 11),
    "kazakhstan": (3, 0, 33),
    "multilingual": (1, 0, 6),
}
KEYS = quality.answer_keys([])


def test_every_answer_key_has_a_floor() -> None:
    assert {key.stem for key in KEYS} <= set(FLOORS)
    assert {key.stem for key in KEYS if key.parent.name == "corpora"} == {
        name for name in FLOORS if (ROOT / "tests" / "corpora" / f"{name}.toml").exists()}


@pytest.mark.parametrize("key", KEYS, ids=lambda key: key.stem)
def test_quality_holds_its_floor(key: Path) -> None:
    forget_sentences()
    config = Config(path=key.parent / "claims.toml", exclude=quality.NOT_PAGES)
    report = json.loads(json.dumps(document(check([key.with_suffix("")], config, warn=lambda message: None))))
    score = quality.score(key, report)
    found, false, recognised = FLOORS[key.stem]
    assert score.found >= found, f"conflicts missed: {score.missed}"
    assert score.false <= false, f"false conflicts: {score.false_topics}"
    assert score.recognised >= recognised, f"agreements not recognised: {score.unrecognised}"


def test_the_score_reads_a_report_as_its_docstring_says(tmp_path: Path) -> None:
    """Two files that disagree, one that agrees: one conflict found, nothing false, the agreement recognised."""
    corpus = tmp_path / "bridge"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The Arlow bridge opened in 1931. Its main span is 320 metres long.\n")
    (corpus / "b.txt").write_text("The Arlow bridge opened in 1932. Its main span is 320 metres long.\n")
    key = tmp_path / "bridge.toml"
    key.write_text(
        '[[topic]]\nid = "opened"\nverdict = "conflict"\nvalues = ["1931", "1932"]\nclaims = [\n'
        '  { file = "bridge/a", quote = "opened in 1931", value = "1931" },\n'
        '  { file = "bridge/b", quote = "opened in 1932", value = "1932" },\n]\n'
        '[[topic]]\nid = "span"\nverdict = "agree"\nclaims = [\n'
        '  { file = "bridge/a", quote = "320 metres", value = "320 m" },\n'
        '  { file = "bridge/b", quote = "320 metres", value = "320 m" },\n]\n')
    report = json.loads(json.dumps(document(check([corpus], warn=lambda message: None))))
    score = quality.score(key, report)
    assert (score.conflicts, score.found, score.false, score.facts, score.recognised) == (1, 1, 0, 1, 1)
    assert quality.contradict("140 mph", "125 mph") and not quality.contradict(">115 mph", "120 mph")
    assert not quality.contradict("2005-08-28/29", "2005-08-29") and quality.contradict("<1400", "1833")
