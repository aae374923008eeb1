"""Shared fixtures: the bundled seeds, the second corpus, and a way to run the real CLI."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kzfr_check.cli import app

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
TUNNEL = Path(__file__).resolve().parent / "corpora" / "channel-tunnel"


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def json(self) -> dict:
        return json.loads(self.stdout)


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch):
    """Run `kzfr-check ARGS` in-process from a directory (default: an empty temporary one)."""

    def run(*args: str, cwd: Path | None = None) -> Run:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        result = CliRunner().invoke(app, [str(a) for a in args])
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Run(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def empty_config(tmp_path: Path) -> Path:
    path = tmp_path / "empty.toml"
    path.write_text("")
    return path


def topic_by_values(data: dict, *values: str) -> dict:
    """The one topic of a JSON report whose values include all of `values`."""
    found = [t for t in data["topics"] if set(values) <= {v["value"] for v in t["values"]}]
    assert len(found) == 1, [(t["id"], [v["value"] for v in t["values"]]) for t in found]
    return found[0]
