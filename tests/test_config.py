"""claims.toml is checked like code: every mistake is one line naming the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzfr_check.config import find_config, load_config
from kzfr_check.errors import InputError

from conftest import ROOT

MALFORMED = [
    ('[[topic]]\nid = "a"\nlabel = "A"\naliases = ["x"\n', 4, "Unclosed array"),
    ('[sources]\npaths = "seeds"\n', 2, "'paths' must be a list"),
    ('[[topic]]\nid = "a"\nlabel = "A"\naliases = ["x"]\ncolour = "red"\n', 5, "unknown key 'colour'"),
    ('[[topic]]\nid = "a"\nlabel = "A"\naliases = ["x"]\n\n[[topic]]\nid = "a"\nlabel = "B"\naliases = ["y"]\n', 7,
     "duplicate topic id 'a'"),
    ('[[topic]]\nid = "a"\nlabel = "A"\naliases = []\n', 4, "needs at least one alias"),
    ('[[topic]]\nid = "a"\nlabel = "A"\naliases = ["x"]\nkind = "weight"\n', 5, "unknown kind 'weight'"),
    ('[[topic]]\nid = "a"\naliases = ["x"]\n', 1, "[[topic]] needs 'label'"),
    ('[[resolution]]\ntopic = "a"\naccept = 2008\nreason = "r"\n', 3, "'accept' must be a string"),
    ('[[topic]]\nid = "a b"\nlabel = "A"\naliases = ["x"]\n', 2, "must be one word"),
    ('[extras]\nx = 1\n', 1, "unknown table 'extras'"),
    ('[[topic]]\nid = "a"\nlabel = "A"\naliases = ["x", 3]\n', 4, "must be a list of strings"),
    ('[[resolution]]\ntopic = "a"\naccept = "1"\nreason = "r"\n[[resolution]]\ntopic = "a"\naccept = "2"\n'
     'reason = "r"\n', 6, "resolved twice"),
]


@pytest.mark.parametrize(("text", "line", "message"), MALFORMED)
def test_malformed_config_is_one_line_with_its_line_number(tmp_path: Path, text: str, line: int, message: str):
    path = tmp_path / "claims.toml"
    path.write_text(text)
    with pytest.raises(InputError) as caught:
        load_config(path)
    error = str(caught.value)
    assert error.startswith(f"{path}:{line}: "), error
    assert message in error and "\n" not in error


def test_the_project_config_declares_and_resolves_the_seed_topics():
    config = load_config(ROOT / "claims.toml")
    assert [t.id for t in config.topics][:2] == ["investor-rank", "strategic-partnership"]
    assert {r.topic: r.accept for r in config.resolutions} == {"investor-rank": "4", "strategic-partnership": "2008"}
    assert config.source_paths == (ROOT / "seeds",)


def test_empty_config_is_valid_and_no_config_is_empty(tmp_path: Path):
    (tmp_path / "empty.toml").write_text("")
    assert load_config(tmp_path / "empty.toml").topics == ()
    assert find_config(None, tmp_path).path is None


def test_missing_or_undecodable_config(tmp_path: Path):
    with pytest.raises(InputError, match="no such file"):
        find_config(tmp_path / "missing.toml", tmp_path)
    bad = tmp_path / "latin.toml"
    bad.write_bytes('label = "café"'.encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        load_config(bad)
