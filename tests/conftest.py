"""Shared fixtures: the bundled seeds, the second corpus, and a way to run the real CLI."""

from __future__ import annotations

import importlib.util
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


def all_topics(cli, corpus: Path, config: Path, cwd: Path) -> dict:  # type: ignore[no-untyped-def]
    """The JSON report of every topic of a corpus (`conflicts --all`), whatever the gate says."""
    return cli("conflicts", corpus, "--config", config, "--format", "json", "--all", "--exit-zero", cwd=cwd).json


def write_corpus(folder: Path, files: dict[str, str]) -> Path:
    """A corpus a test writes: each file name with its text, in UTF-8."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def generate_corpus(out: Path, count: int) -> None:
    """`count` documents from bench/generate.py (the benchmark's generator, loaded from its file)."""
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(out, count)
