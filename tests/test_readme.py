"""What the README tells a newcomer is so: what the first command prints, and what the browser test needs."""

from __future__ import annotations

import re

from test_html import CHROMIUM

from conftest import ROOT

README = (ROOT / "README.md").read_text()


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_first_command_prints_what_the_readme_says(cli):
    setup = README.split("## Set up and run", 1)[1].split("\n## ", 1)[0]
    first = re.search(r"```sh\n(.*?)\n```", setup, re.DOTALL)
    assert first and first[1].endswith("kzfr-check conflicts")
    printed = re.search(r"```text\n(.*?)\n```", setup, re.DOTALL)
    assert printed and setup.index(first[0]) < setup.index(printed[0])
    run = cli("conflicts", cwd=ROOT)  # from a clone: this repository's claims.toml and seeds
    assert run.exit_code == 0 and "exits 0" in _flat(setup)
    lines = printed[1].splitlines()
    out = _flat(run.stdout)
    assert out.endswith(_flat(lines[-1]))  # the summary line comes last
    position = 0
    for line in lines:  # each line, in order; "(…)" stands for a reason the README leaves out
        shown = _flat(line.removesuffix(" (…)"))
        assert shown in out[position:], line
        position = out.index(shown, position) + len(shown)


def test_the_readme_says_the_browser_test_needs_chromium():
    setup = _flat(README.split("## Set up and run", 1)[1].split("\n## ", 1)[0])
    assert f"`{CHROMIUM}`" in setup and "apt-get install chromium" in setup and "skipped" in setup
