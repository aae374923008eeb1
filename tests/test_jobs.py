"""--jobs, --quiet and the progress bar, on a generated corpus big enough for worker processes."""

from __future__ import annotations

import concurrent.futures
import os
import pickle
import pty
import select
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from kzfr_check import topics
from kzfr_check.engine.sharing import Helpers, shared, work_pickled

from conftest import ROOT, SEEDS, generate_corpus

KZFR = str(Path(sys.executable).with_name("kzfr-check"))
WARNINGS = ["warning: corpus/generated/doc000010.txt: not UTF-8, read as cp1252",
            "warning: corpus/generated/doc000020.txt: skipped, looks binary"]


def _copied() -> list[Path]:
    """Every seed and test-corpus file: the corpus holds two copies of each, so it grows with tests/corpora."""
    return [*SEEDS.iterdir(), *(ROOT / "tests" / "corpora").glob("*/*")]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Over a hundred documents, enough for two workers: generated ones, and two copies of every seed and test corpus
    file (html, markdown, text). Also what makes the order of results matter: a file named like another in
    a different folder (ids are told apart after extraction), a legacy encoding and a binary file (warnings
    in file order)."""
    root = tmp_path_factory.mktemp("jobs")
    generated = root / "corpus" / "generated"
    generate_corpus(generated, 60)
    for copy in ("a", "b"):
        for path in _copied():
            shutil.copy(path, root / "corpus" / f"{copy}-{path.parent.name}-{path.name}")
    shutil.copy(generated / "doc000003.txt", root / "corpus" / "doc000003.txt")
    (generated / "doc000010.txt").write_bytes("The bridge opened in 1931 – café.\n".encode("cp1252"))
    (generated / "doc000020.txt").write_bytes(b"\x00\x01binary\x00" * 20)
    (root / "empty.toml").write_text("")
    return root


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of workers of every process pool started."""
    started: list[int] = []
    real = concurrent.futures.ProcessPoolExecutor

    class Recorded(real):  # type: ignore[misc, valid-type]
        def __init__(self, max_workers: int, **kwargs) -> None:
            started.append(max_workers)
            super().__init__(max_workers, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Recorded)
    return started


def test_two_jobs_give_the_same_report_byte_for_byte(cli, corpus, pools):
    args = ("conflicts", "corpus", "--config", "empty.toml", "--format", "json")
    one = cli("--jobs", "1", *args, cwd=corpus)
    assert pools == []
    two = cli("--jobs", "2", *args, cwd=corpus)
    assert pools == [2]
    assert one.exit_code == two.exit_code == 1, one.stderr
    assert two.stdout == one.stdout
    assert two.stderr.splitlines() == one.stderr.splitlines() == WARNINGS
    # 60 generated, less the binary one, plus the copy of doc000003 beside them.
    assert one.json["summary"]["sources"] == 60 + 2 * len(_copied())
    assert '"corpus/doc000003"' in one.stdout and '"generated/doc000003"' in one.stdout
    # Workers are spawned: each one imports the entry point, which must not run the command again.
    for command in ([KZFR], [sys.executable, "-m", "kzfr_check"]):
        run = subprocess.run([*command, "-j", "2", *args], cwd=corpus, capture_output=True, text=True,
                             timeout=300, check=False)
        assert run.returncode == 1 and run.stdout == one.stdout
        assert run.stderr.splitlines() == WARNINGS  # and no progress bar: stderr is not a terminal


def _sent_to_a_worker(monkeypatch: pytest.MonkeyPatch, work: object) -> list[Any]:
    """The pieces this process sends a worker process to do `work` on, as they were sent (unpickled)."""
    sent: list[Any] = []
    real = concurrent.futures.ProcessPoolExecutor

    class Recorded(real):  # type: ignore[misc, valid-type]
        def submit(self, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
            if fn is work_pickled and args[0] is work:
                sent.append(pickle.loads(args[1]))
            return super().submit(fn, *args, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Recorded)
    return sent


def test_a_worker_groups_part_of_the_claims_and_the_report_is_the_same(cli, corpus, monkeypatch):
    """On a big corpus a worker groups some pieces of shapes no likeness links to the rest, this process the
    others; the JSON does not change."""
    args = ("conflicts", "corpus", "--config", "empty.toml", "--format", "json")
    one = cli("--jobs", "1", *args, cwd=corpus)
    sent = _sent_to_a_worker(monkeypatch, topics._group_block)
    monkeypatch.setattr(topics, "STATEMENTS_IN_PIECES", 100)  # this corpus is small: lower the bar
    two = cli("--jobs", "2", *args, cwd=corpus)
    grouped_apart = [len(block.statements) for block in sent]
    assert grouped_apart and grouped_apart[0] > 100 and sum(grouped_apart) < one.json["summary"]["claims"] * 0.8
    assert two.exit_code == one.exit_code == 1
    assert two.stdout == one.stdout
    # found by this process while the worker groups: sources reprinting one text, names spelled two ways
    assert one.json["witnesses"] and one.json["variants"]


def test_a_worker_checks_part_of_the_candidate_pairs_and_the_report_is_the_same(cli, corpus, monkeypatch):
    """On a corpus worded apart, which has millions of pairs of shapes to check, a worker checks the pairs of some
    buckets of shapes (those that share a blocking key), this process the others; the JSON does not change."""
    args = ("conflicts", "corpus", "--config", "empty.toml", "--format", "json")
    one = cli("--jobs", "1", *args, cwd=corpus)
    sent = _sent_to_a_worker(monkeypatch, topics._bucket_links)
    monkeypatch.setattr(topics, "PAIRS_SHARED", 100)  # this corpus is small: lower the bar
    two = cli("--jobs", "2", *args, cwd=corpus)
    assert len(sent) > 1 and all(piece.buckets for piece in sent)
    assert two.exit_code == one.exit_code == 1
    assert two.stdout == one.stdout


def test_an_error_in_a_worker_is_the_same_one_line(cli, corpus):
    args = ("conflicts", "corpus", "--config", "empty.toml")
    one = cli("--max-bytes", "3000", "--jobs", "1", *args, cwd=corpus)
    two = cli("--max-bytes", "3000", "--jobs", "2", *args, cwd=corpus)
    assert one.exit_code == two.exit_code == 2
    assert two.stderr == one.stderr and "is over the limit of 3,000" in one.stderr.splitlines()[-1]


def test_quiet_says_nothing_on_stderr_for_a_clean_corpus(cli, tmp_path):
    assert "bundled seed" in cli("conflicts", cwd=tmp_path).stderr
    run = cli("--quiet", "conflicts", cwd=tmp_path)
    assert run.exit_code == 1 and run.stderr == "" and "conflict" in run.stdout


def test_quiet_still_warns_about_bad_files(cli, tmp_path, empty_config):
    shutil.copytree(SEEDS, tmp_path / "docs")
    (tmp_path / "docs" / "image.txt").write_bytes(b"\x00\x01binary\x00" * 20)
    run = cli("-q", "conflicts", "docs", "--config", empty_config, cwd=tmp_path)
    assert run.stderr == "warning: docs/image.txt: skipped, looks binary\n"


def _stderr_on_a_terminal(*args: str, cwd: Path) -> str:
    """Run the console script with stderr on a pseudo-terminal (stdout piped) and return what it wrote there."""
    leader, follower = pty.openpty()
    process = subprocess.Popen([KZFR, *args], cwd=cwd, stdout=subprocess.DEVNULL, stderr=follower,
                               env={**os.environ, "TERM": "xterm", "COLUMNS": "100"})
    os.close(follower)
    written = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 1)
        try:
            chunk = os.read(leader, 65536) if ready else b""
        except OSError:  # the terminal is closed once the process and its workers are gone
            break
        written += chunk
        if not ready and process.poll() is not None:
            break
    process.wait(timeout=300)
    os.close(leader)
    return written.decode(errors="replace")


def test_progress_bar_only_on_a_terminal_for_many_documents(corpus):
    args = ("claims", "corpus", "--config", "empty.toml", "--format", "json")
    assert "reading documents" in _stderr_on_a_terminal(*args, cwd=corpus)
    quiet = _stderr_on_a_terminal("--quiet", *args, cwd=corpus)
    assert quiet.splitlines() == WARNINGS
    assert _stderr_on_a_terminal("conflicts", str(SEEDS), "--config", "empty.toml", cwd=corpus) == ""


@pytest.mark.parametrize("jobs", ["0", "-1", "many"])
def test_jobs_must_be_a_positive_number(cli, tmp_path, jobs):
    run = cli("--jobs", jobs, "conflicts", cwd=tmp_path)
    assert run.exit_code == 2 and "--jobs" in run.stderr


def test_jobs_from_the_environment(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("KZFR_CHECK_JOBS", "0")
    assert cli("conflicts", cwd=tmp_path).exit_code == 2
    monkeypatch.setenv("KZFR_CHECK_JOBS", "1")
    assert cli("conflicts", cwd=tmp_path).exit_code == 1


def test_ctrl_c_while_workers_run_is_one_line(corpus):
    """Ctrl-C in a terminal reaches the whole process group, workers too: still one line and 130."""
    args = [KZFR, "-j", "2", "claims", "corpus", "--config", "empty.toml", "--format", "json"]
    interrupted = 0
    for delay in (0.4, 0.7, 1.0, 1.5):
        process = subprocess.Popen(args, cwd=corpus, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                   start_new_session=True)
        time.sleep(delay)
        os.killpg(process.pid, signal.SIGINT)
        _, stderr = process.communicate(timeout=120)
        if process.returncode == 130:
            interrupted += 1
            assert stderr.endswith("kzfr-check: interrupted\n") and "Traceback" not in stderr, stderr
            assert set(stderr.splitlines()[:-1]) <= set(WARNINGS), stderr
        else:
            assert process.returncode == 0 and stderr.splitlines() == WARNINGS, stderr
    assert interrupted, "no run was interrupted: make the corpus bigger"


def test_stopping_the_workers_ends_a_long_task_at_once():
    """What a Ctrl-C while a worker groups claims does (the local engine): the workers are stopped, not waited for."""
    from kzfr_check.engine.local import stop_workers, worker_pool

    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt), worker_pool(2) as executor:
        assert executor is not None
        task = executor.submit(time.sleep, 60)
        while not task.running():
            time.sleep(0.05)
        stop_workers(executor)
        raise KeyboardInterrupt
    with pytest.raises(concurrent.futures.process.BrokenProcessPool):
        task.result(timeout=30)
    assert time.monotonic() - started < 30


def test_workers_stopped_while_sending_results_leave_the_exit_free(tmp_path):
    """Ctrl-C while workers send big results: a worker stopped half-way through its result must not leave the
    pool's thread waiting for the rest, which held the exit for ever (2 runs in 3 before the fix)."""
    code = ("from kzfr_check.engine.local import worker_pool\n"
            "try:\n"
            "    with worker_pool(2) as executor:\n"
            "        sent = [executor.submit(bytes, 50_000_000) for _ in range(20)]\n"
            "        sent[0].result()\n"  # results are on their way: the others are being sent now
            "        raise KeyboardInterrupt\n"
            "except KeyboardInterrupt:\n"
            "    print('stopped')\n")
    for _ in range(3):
        run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False,
                             cwd=tmp_path)
        assert run.returncode == 0 and run.stdout == "stopped\n" and run.stderr == "", run.stderr


@pytest.mark.parametrize("here_too", [True, False])
def test_shared_pieces_give_the_same_results_wherever_they_are_worked(here_too):
    """Beside local workers this process works pieces too; beside a cluster it works none, and the results are the
    same pieces' results either way."""
    pieces = [[n, n + 1] for n in range(0, 40, 2)]
    worked_by: list[str] = []

    def work(piece: list[int]) -> int:
        worked_by.append(threading.current_thread().name)
        time.sleep(0.001)
        return sum(piece)

    alone = sorted(shared(pieces, list, work, None))
    worked_by.clear()
    with concurrent.futures.ThreadPoolExecutor(3, thread_name_prefix="helper") as pool:
        results = shared(pieces, list, work, Helpers(pool, ahead=3, here_too=here_too))
    assert sorted(results) == alone == sorted(sum(piece) for piece in pieces)
    here = worked_by.count(threading.current_thread().name)
    assert here > 0 if here_too else here == 0
    assert len(worked_by) == len(pieces)
