"""Every view of a conflict says what to type next: its topic id whole, on a line of its own, and the
`kzfr-check resolve` command that settles it, with the suggested value when there is one."""

from __future__ import annotations

import html
import os
import pty
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEEDS

PARTNERSHIP = '--accept 2008 --reason "…"'  # 2008 is suggested
RANK = '--accept VALUE --reason "…"'  # 4 and 3 tie: the person chooses


def _ids(cli, config: Path, cwd: Path) -> dict[str, str]:
    """The seeds' two conflicts: the value each command should accept, by topic id."""
    data = cli("conflicts", SEEDS, "--config", config, "--format", "json", cwd=cwd).json
    ids = {}
    for topic in data["topics"]:
        if topic["status"] == "conflict":
            ids[topic["id"]] = PARTNERSHIP if topic["suggestion"]["value"] else RANK
    assert len(ids) == 2
    return ids


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "sarif", "github"])
def test_every_conflict_view_shows_the_id_and_the_command(cli, tmp_path, empty_config, fmt):
    run = cli("conflicts", SEEDS, "--config", empty_config, "--format", fmt, cwd=tmp_path)
    assert run.exit_code == 1
    shown = html.unescape(re.sub(r"<[^>]+>", "", run.stdout)) if fmt == "html" else run.stdout
    if fmt == "github":
        shown = shown.replace("%0A", "\n")
    if fmt == "sarif":
        shown = "\n".join(result["message"]["text"] for result in run.json["runs"][0]["results"])
    for topic, accept in _ids(cli, empty_config, tmp_path).items():
        assert f"kzfr-check resolve {topic} {accept}" in shown
        if fmt != "sarif":  # a SARIF message is one paragraph; its locations and properties hold the id too
            assert re.search(rf"^\W*(?:topic:?\s+)?`?{re.escape(topic)}`?\W*$", shown, re.M | re.I), topic


def _on_a_terminal(args: list[str], cwd: Path, columns: int) -> str:
    """What `kzfr-check ARGS` shows on a terminal `columns` wide (a pseudo-terminal), colour off."""
    exe = Path(sys.executable).with_name("kzfr-check")
    main, tty = pty.openpty()
    env = os.environ | {"COLUMNS": str(columns), "LINES": "50", "NO_COLOR": "1"}
    process = subprocess.Popen([str(exe), *args], cwd=cwd, stdout=tty, stderr=subprocess.DEVNULL, env=env)
    os.close(tty)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal closed: the process is done writing
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    assert process.wait() == 1
    return b"".join(chunks).decode().replace("\r\n", "\n")


def test_an_80_column_terminal_shows_each_id_whole_and_the_command_on_one_line(cli, tmp_path, empty_config):
    screen = _on_a_terminal(["conflicts", str(SEEDS), "--config", str(empty_config)], tmp_path, 80)
    assert max(len(line) for line in screen.splitlines() if line.startswith(("│", "╭", "╰"))) == 80
    for topic, accept in _ids(cli, empty_config, tmp_path).items():
        assert f"│ topic {topic} " in screen  # in the panel, on its own line, whole
        assert f"\nto settle it: kzfr-check resolve {topic} {accept}\n" in screen  # the terminal wraps it, we don't


def test_the_commands_shown_settle_the_conflicts(cli, tmp_path):
    shutil.copytree(SEEDS, tmp_path / "sources")
    assert cli("init", cwd=tmp_path).exit_code == 0
    report = cli("conflicts", "--format", "markdown", cwd=tmp_path)
    commands = re.findall(r"```sh\n(kzfr-check resolve .*)\n```", report.stdout)
    assert len(commands) == 2
    for command in commands:
        args = shlex.split(command.replace("VALUE", "4").replace("…", "checked"))[1:]
        assert cli(*args, cwd=tmp_path).exit_code == 0
    assert cli("conflicts", cwd=tmp_path).exit_code == 0
