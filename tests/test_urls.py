"""Sources at fsspec URLs (file:// here; s3://, gs://… the same once their package is installed). fsspec comes
with the dask extra, which the test extra brings."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import SEEDS, TUNNEL


def _without_paths(stdout: str) -> dict:
    data = json.loads(stdout)
    for source in data["sources"]:
        del source["path"]
    return data


def test_a_folder_url_gives_the_report_of_its_path(cli, empty_config):
    by_path = cli("conflicts", TUNNEL, "--config", empty_config, "--format", "json")
    by_url = cli("conflicts", TUNNEL.as_uri(), "--config", empty_config, "--format", "json")
    assert by_url.exit_code == by_path.exit_code == 1
    assert _without_paths(by_url.stdout) == _without_paths(by_path.stdout)
    assert [s["path"] for s in by_url.json["sources"]] == sorted(p.as_uri() for p in TUNNEL.iterdir())


def test_urls_and_paths_mix_and_a_file_url_is_read(cli, empty_config):
    seed = sorted(SEEDS.iterdir())[0]
    run = cli("conflicts", TUNNEL, seed.as_uri(), "--config", empty_config, "--format", "json", "--exit-zero")
    assert run.exit_code == 0
    assert run.json["sources"][-1]["path"] == seed.as_uri() and run.json["sources"][-1]["id"] == seed.stem


@pytest.mark.parametrize(("url", "problem"), [
    ("file:///no/such/folder", "file:///no/such/folder: no such file or directory"),
    ("nosuch://bucket/key", "nosuch://bucket/key: Protocol not known: nosuch"),
])
def test_a_bad_url_is_one_line(cli, empty_config, url, problem):
    run = cli("conflicts", url, "--config", empty_config)
    assert run.exit_code == 2
    assert run.stderr == f"kzfr-check: error: {problem}\n"


def test_without_fsspec_a_url_is_one_line(tmp_path):
    code = "import sys; sys.modules['fsspec'] = None; from kzfr_check import main; main()"
    run = subprocess.run([sys.executable, "-c", code, "conflicts", TUNNEL.as_uri()], capture_output=True, text=True,
                         timeout=120, check=False, cwd=tmp_path)
    assert run.returncode == 2
    assert run.stderr == f"kzfr-check: error: {TUNNEL.as_uri()}: cannot read URLs (pip install fsspec)\n"
