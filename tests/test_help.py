"""`kzfr-check --help`: -h, --version, the commands in the order of the workflow with their summaries whole, the
README's placeholders, and an example for every command, run here as a newcomer would run it."""

from __future__ import annotations

import re
import shlex
from importlib.metadata import version
from pathlib import Path

import pytest

from kzfr_check.cli import app

from conftest import ROOT

WORKFLOW = ["conflicts", "claim", "claims", "init", "resolve"]
BOX = re.compile(r"[│╭╮╰╯─]+")


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """An 80-column terminal, the narrowest a help should read well in."""
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("TERMINAL_WIDTH", raising=False)


def _flat(text: str) -> str:
    """Help text without its panels' borders, on one line: what a person reads, however it wraps."""
    return " ".join(BOX.sub(" ", text).split())


def test_h_is_help_for_the_program_and_every_command(cli, terminal, tmp_path):
    for command in ([], *([name] for name in WORKFLOW)):
        short, long = cli(*command, "-h", cwd=tmp_path), cli(*command, "--help", cwd=tmp_path)
        assert short.exit_code == long.exit_code == 0
        assert short.stdout == long.stdout and "Usage: " in short.stdout


def test_version(cli, tmp_path):
    run = cli("--version", cwd=tmp_path)
    assert run.exit_code == 0 and run.stdout == f"kzfr-check {version('kzfr-check')}\n"


def test_commands_are_listed_in_the_order_of_the_workflow_with_their_summaries_whole(cli, terminal, tmp_path):
    text = cli("--help", cwd=tmp_path).stdout
    listed = [m[1] for m in re.finditer(r"^│ (\w+)\s{2,}", text, re.MULTILINE) if m[1] in WORKFLOW]
    assert listed == WORKFLOW
    flat = _flat(text)
    for command in app.registered_commands:
        summary = command.callback.__doc__.split("\n\n")[0]
        assert summary.endswith(".") and _flat(summary) in flat  # not cut, at any width
    assert "..." not in flat.replace("[ARGS]...", "") and "…" not in flat


def _readme_usage() -> dict[str, str]:
    block = re.search(r"## Commands\n.*?```sh\n(.*?)```", (ROOT / "README.md").read_text(), re.DOTALL)
    assert block
    return {line.split()[1]: line for line in block[1].splitlines()}


def test_placeholders_are_the_readme_s(cli, terminal, tmp_path):
    usage = _readme_usage()
    assert list(usage) == WORKFLOW  # the README lists them in the same order
    for command, line in usage.items():
        flat = _flat(cli(command, "--help", cwd=tmp_path).stdout)
        for placeholder in re.findall(r"\b[A-Z]{2,}\b|text\|json", line):
            assert re.search(rf"(?<![\w-]){re.escape(placeholder)}\b", flat), (command, placeholder)
        for option in re.findall(r"--[a-z-]+", line):
            assert option in flat, (command, option)


def _example(help_text: str) -> list[str]:
    """The example a command's help ends with, as a shell would read it (a backslash joins two lines)."""
    lines = help_text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("kzfr-check "))
    command = ""
    for line in lines[start:]:
        assert len(line.rstrip()) <= 80
        command += " " + line.strip()
        if not command.endswith("\\"):
            break
        command = command[:-1]
    return shlex.split(command)[1:]


def test_every_command_s_example_runs_as_its_help_says(cli, terminal, tmp_path: Path):
    """In an empty folder, one after the other, in the order of the workflow: the bundled seed articles."""
    expected = {"conflicts": 1, "claim": 0, "claims": 0, "init": 0, "resolve": 0}
    for command in WORKFLOW:
        help_text = cli(command, "--help", cwd=tmp_path).stdout
        assert "Example" in help_text
        args = _example(help_text)
        assert args[0] == command
        run = cli(*args, cwd=tmp_path)
        assert run.exit_code == expected[command], (args, run.stdout, run.stderr)
    assert (tmp_path / "report.html").read_text().startswith("<!DOCTYPE html>")  # the conflicts example wrote it
    assert "2008" in cli("claim", "strategic partnership", cwd=tmp_path).stdout
    data = cli("conflicts", "--format", "json", cwd=tmp_path).json  # the gate now reads what init and resolve wrote
    assert data["summary"]["sources"] == 5
    assert data["summary"]["resolved"] == 1 and data["summary"]["conflicts"] == 1
