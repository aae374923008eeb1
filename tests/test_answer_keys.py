"""The answer keys of tests/corpora (one <corpus>.toml beside each folder) are what the quality benchmark
measures against, so each must hold: every file it names exists, every quote is text the tool reads from that
file, every conflict lists the values its claims state. A new corpus with its key is checked here unchanged."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from kzfr_check.sources import SOURCE_SUFFIXES, read_source

CORPORA = Path(__file__).resolve().parent / "corpora"
KEYS = sorted(CORPORA.glob("*.toml"))
VERDICTS = {"conflict", "conflict-but-different-dates", "agree", "compatible-precision"}
WITH_VALUES = {"conflict", "conflict-but-different-dates"}


def _collapsed(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _topics(key: Path) -> list[dict]:
    return tomllib.loads(key.read_text(encoding="utf-8"))["topic"]


def _file(name: str) -> Path | None:
    """The corpus file a key names as FOLDER/STEM, whatever its suffix."""
    folder, _, stem = name.partition("/")
    found = [p for p in (CORPORA / folder).glob(f"{stem}.*") if p.suffix in SOURCE_SUFFIXES]
    return found[0] if len(found) == 1 else None


def test_every_corpus_folder_has_a_key():
    folders = {p.name for p in CORPORA.iterdir() if p.is_dir()}
    assert folders and folders == {key.stem for key in KEYS}


@pytest.mark.parametrize("key", KEYS, ids=lambda key: key.stem)
def test_topics_are_well_formed(key: Path):
    topics = _topics(key)
    ids = [topic["id"] for topic in topics]
    assert len(ids) == len(set(ids)), "topic ids repeat"
    for topic in topics:
        assert topic["verdict"] in VERDICTS, topic["id"]
        claims = topic["claims"]
        assert len({claim["file"] for claim in claims}) >= 2, f"{topic['id']}: a topic is a fact of two files"
        assert all(claim["file"].partition("/")[0] == key.stem for claim in claims), topic["id"]
        stated = {claim["value"] for claim in claims}
        if topic["verdict"] in WITH_VALUES:
            assert len(set(topic["values"])) >= 2, topic["id"]
            assert stated <= set(topic["values"]), f"{topic['id']}: {sorted(stated - set(topic['values']))}"
        else:
            assert "values" not in topic, f"{topic['id']}: values are listed for conflicts only"


@pytest.mark.parametrize("key", KEYS, ids=lambda key: key.stem)
def test_every_quote_is_text_the_tool_reads(key: Path):
    texts: dict[str, str] = {}
    missing = []
    for topic in _topics(key):
        for claim in topic["claims"]:
            name = claim["file"]
            if name not in texts:
                path = _file(name)
                assert path is not None, f"{topic['id']}: no single file {name} in tests/corpora"
                texts[name] = _collapsed(read_source(path).text)
            if _collapsed(claim["quote"]) not in texts[name]:
                missing.append(f"{topic['id']}: {name}: {claim['quote']!r}")
    assert not missing, "\n".join(missing)
