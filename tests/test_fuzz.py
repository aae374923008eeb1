"""A short, bounded run of the atheris fuzzer over reading and extraction (fuzz/fuzz_extract.py);
fuzz/README.md documents the longer run."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEEDS

ROOT = Path(__file__).resolve().parents[1]
RUNS = int(os.environ.get("KZFR_FUZZ_RUNS", 300))


def test_a_short_fuzz_run_finds_nothing(tmp_path: Path) -> None:
    pytest.importorskip("atheris")
    corpus = tmp_path / "corpus"  # libFuzzer adds the inputs it finds to this folder: never the seeds
    corpus.mkdir()
    for path in [*SEEDS.glob("*.txt"), *(ROOT / "tests" / "corpora").glob("*/*")]:
        shutil.copy(path, corpus / f"{path.parent.name}-{path.name}")
    result = subprocess.run(
        [sys.executable, str(ROOT / "fuzz" / "fuzz_extract.py"), str(corpus), f"-runs={RUNS}", "-seed=1",
         "-max_len=1024", f"-artifact_prefix={tmp_path}/"],
        capture_output=True, text=True, timeout=600,
        env={**os.environ, "TMPDIR": str(tmp_path)})  # the folder the harness writes its inputs to goes with tmp_path
    assert result.returncode == 0, result.stderr[-3000:]
    done = re.search(r"Done (\d+) runs", result.stderr)  # at least RUNS: each file of the corpus is one run too
    assert done is not None and int(done[1]) >= RUNS, result.stderr[-3000:]
