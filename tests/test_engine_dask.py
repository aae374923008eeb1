"""--engine dask: the same report, byte for byte, as the local engine, on a LocalCluster of two workers."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import distributed  # the test extra brings the dask extra: these tests run wherever the others do
import pytest

from kzfr_check import topics
from kzfr_check.config import Config
from kzfr_check.engine import engine
from kzfr_check.engine.dask import DaskTasks
from kzfr_check.engine.sharing import HERE
from kzfr_check.pipeline import check
from kzfr_check.report import RenderOptions, chunk_renderer

from conftest import SEEDS, TUNNEL, generate_corpus

KZFR = str(Path(sys.executable).with_name("kzfr-check"))


def _two_workers() -> distributed.LocalCluster:
    return distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0",
                                    silence_logs=logging.ERROR)


@pytest.fixture(scope="module")
def cluster():
    with _two_workers() as running:
        yield running


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dask")
    generate_corpus(root / "corpus", 2000)
    (root / "empty.toml").write_text("")
    return root


def _tasks_run(cluster: distributed.LocalCluster) -> set[str]:
    """The names of the functions the cluster's scheduler has run tasks of."""
    with distributed.Client(cluster) as client:
        return set(client.run_on_scheduler(lambda dask_scheduler: list(dask_scheduler.task_prefixes)))


def test_the_seeds_give_the_same_json(cli, cluster, empty_config):
    args = ("conflicts", SEEDS, "--config", empty_config, "--format", "json")
    local = cli(*args)
    dask = cli(*args, "--engine", "dask", "--scheduler", cluster.scheduler_address)
    assert dask.exit_code == local.exit_code == 1
    assert dask.stdout == local.stdout
    assert f"dask: 2 workers at {cluster.scheduler_address}, dashboard http" in dask.stderr
    # extraction and the word statistics' map and reduce ran on the cluster
    assert {"run_partition", "sentence_words_pickled", "sentence_counts"} <= _tasks_run(cluster)


def test_the_channel_tunnel_gives_the_same_json(cli, cluster, empty_config):
    args = ("conflicts", TUNNEL, "--config", empty_config, "--format", "json")
    local = cli(*args)
    dask = cli("--quiet", *args, "--engine", "dask", "--scheduler", cluster.scheduler_address)
    assert dask.exit_code == local.exit_code == 1
    assert dask.stdout == local.stdout and dask.json["topics"]
    assert dask.stderr == ""  # --quiet: no note of where the cluster is


def test_workers_read_sources_at_urls(cli, cluster, empty_config):
    """A URL reaches the workers as it is (fsspec opens it there): the same JSON as the local engine's."""
    args = ("conflicts", TUNNEL.as_uri(), "--config", empty_config, "--format", "json")
    local = cli(*args)
    dask = cli("--quiet", *args, "--engine", "dask", "--scheduler", cluster.scheduler_address)
    assert dask.exit_code == local.exit_code == 1
    assert dask.stdout == local.stdout and local.json["sources"][0]["path"].startswith("file:///")


def test_a_generated_corpus_gives_the_same_json_with_grouping_on_the_cluster(cli, cluster, generated, monkeypatch):
    """2,000 documents: extraction in partitions on the workers, and every piece of the grouping, and the checking of
    the candidate pairs of shapes, sent to them (the bars are lowered: this corpus is below the sizes at which they
    are shared)."""
    args = ("conflicts", "corpus", "--config", "empty.toml", "--format", "json")
    local = cli("--jobs", "2", *args, cwd=generated)
    assert "work_pickled" not in _tasks_run(cluster)
    monkeypatch.setattr(topics, "STATEMENTS_IN_PIECES", 100)
    monkeypatch.setattr(topics, "PAIRS_SHARED", 100)  # the candidate pairs are checked on the cluster too
    grouped_here: list[int] = []  # the blocks this process groups: none, the cluster groups every one

    class Counted(topics._Groups):
        def __init__(self, statements, vectors):  # type: ignore[no-untyped-def]
            grouped_here.append(len(statements))
            super().__init__(statements, vectors)

    monkeypatch.setattr(topics, "_Groups", Counted)
    dask = cli(*args, "--engine", "dask", "--scheduler", cluster.scheduler_address, cwd=generated)
    assert "work_pickled" in _tasks_run(cluster)  # (Dask names a task after its function)
    assert grouped_here == []
    assert dask.exit_code == local.exit_code == 1
    assert dask.stdout == local.stdout
    assert local.json["summary"]["sources"] == 2000 and local.json["summary"]["conflicts"] > 0


def test_an_error_on_a_worker_is_the_same_one_line(cli, cluster, empty_config):
    args = ("--max-bytes", "3000", "conflicts", SEEDS, "--config", empty_config)
    local = cli(*args)
    dask = cli("--quiet", *args, "--engine", "dask", "--scheduler", cluster.scheduler_address)
    assert dask.exit_code == local.exit_code == 2
    assert dask.stderr == local.stderr and "is over the limit of 3,000" in local.stderr


def test_a_worker_killed_mid_run_changes_nothing(tmp_path):
    """A worker dies while the documents are read: Dask runs its tasks again on the other and on the one
    that replaces it, and the report is the same."""
    generate_corpus(tmp_path / "corpus", 600)
    config = Config()

    def as_json(report) -> str:  # type: ignore[no-untyped-def]
        return "".join(chunk_renderer("json")(report, RenderOptions()))

    local = as_json(check([tmp_path / "corpus"], config))
    with _two_workers() as cluster, distributed.Client(cluster) as client:
        before = client.run(os.getpid)
        killed: list[int] = []

        def kill_one(stage: str, done: int, total: int) -> None:
            if stage == "reading documents" and not killed:
                killed.append(next(iter(before.values())))
                os.kill(killed[0], signal.SIGKILL)

        dask = as_json(check([tmp_path / "corpus"], config, progress=kill_one,
                             engine=engine("dask", scheduler=cluster.scheduler_address)))
        client.wait_for_workers(2, timeout=60)
        after = client.run(os.getpid)
    assert killed and killed[0] not in after.values() and len(after) == 2
    assert dask == local


def test_the_cli_starts_a_local_cluster_without_a_scheduler(cli, empty_config):
    args = ("conflicts", str(SEEDS), "--config", str(empty_config), "--format", "json")
    local = cli(*args)
    run = subprocess.run([KZFR, "--jobs", "2", *args, "--engine", "dask"],
                         capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 1 and run.stdout == local.stdout
    assert run.stderr.startswith("dask: 2 workers at tcp://127.0.0.1:") and len(run.stderr.splitlines()) == 1


def test_dasks_warning_of_a_large_task_is_not_the_users(empty_config):
    """Dask warns of every task above a threshold (10 MB: a big corpus's grouping pieces are): here lowered so that
    every task is 'large', stderr still holds only the line that says where the cluster is."""
    args = ("conflicts", str(SEEDS), "--config", str(empty_config), "--format", "json")
    every_task_large = {**os.environ, "DASK_DISTRIBUTED__ADMIN__LARGE_GRAPH_WARNING_THRESHOLD": "1B"}
    run = subprocess.run([KZFR, "--jobs", "2", *args, "--engine", "dask"], capture_output=True, text=True, timeout=300,
                         check=False, env=every_task_large)
    assert run.returncode == 1
    assert run.stderr.startswith("dask: 2 workers at tcp://127.0.0.1:") and len(run.stderr.splitlines()) == 1


def test_ctrl_c_cancels_the_cluster_work_and_exits_130(generated):
    """Ctrl-C reaches the whole process group, as from a terminal: one line, no worker's traceback, status 130,
    and no process left behind."""
    args = [KZFR, "--jobs", "2", "conflicts", "corpus", "--config", "empty.toml", "--engine", "dask"]
    interrupted = 0
    for delay in (0.5, 2.0, 6.0):
        process = subprocess.Popen(args, cwd=generated, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                   text=True, start_new_session=True)
        assert process.stderr is not None
        assert process.stderr.readline().startswith("dask: 2 workers")
        time.sleep(delay)
        os.killpg(process.pid, signal.SIGINT)
        _, stderr = process.communicate(timeout=120)
        if process.returncode == 130:
            interrupted += 1
            assert stderr == "kzfr-check: interrupted\n", stderr
        else:
            assert process.returncode == 1 and stderr == "", stderr
        for _ in range(100):  # a worker may take a moment to end after the scheduler that it served
            left = subprocess.run(["pgrep", "-g", str(process.pid)], capture_output=True, text=True, check=False)
            if not left.stdout:
                break
            time.sleep(0.1)
        assert left.stdout == "", "processes of the interrupted run are still alive after 10 s"
    assert interrupted, "no run was interrupted: make the corpus bigger"


def test_without_dask_installed_the_error_is_one_line(tmp_path):
    """Run where neither dask nor distributed can be imported, as when the extra is not installed."""
    code = ("import sys; sys.modules['dask'] = sys.modules['distributed'] = None; "
            "from kzfr_check import main; main()")
    run = subprocess.run([sys.executable, "-c", code, "--quiet", "conflicts", str(SEEDS), "--engine", "dask"],
                         capture_output=True, text=True, timeout=120, check=False, cwd=tmp_path)
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr == "kzfr-check: error: --engine dask needs distributed: pip install 'kzfr-check[dask]'\n"


def test_a_scheduler_needs_the_dask_engine(cli, empty_config):
    run = cli("conflicts", SEEDS, "--config", empty_config, "--scheduler", "tcp://127.0.0.1:8786")
    assert run.exit_code == 2 and run.stdout == ""
    assert run.stderr == "kzfr-check: error: --scheduler needs --engine dask\n"


def test_an_unreachable_scheduler_is_one_line(cli, empty_config):
    run = cli("--quiet", "conflicts", SEEDS, "--config", empty_config, "--engine", "dask",
              "--scheduler", "tcp://127.0.0.1:9")
    assert run.exit_code == 2 and run.stdout == ""
    assert run.stderr.startswith("kzfr-check: error: tcp://127.0.0.1:9: cannot reach the Dask scheduler (")
    assert len(run.stderr.splitlines()) == 1


def test_the_local_engine_never_imports_dask(tmp_path):
    code = ("import sys\nfrom typer.testing import CliRunner\nfrom kzfr_check.cli import app\n"
            f"result = CliRunner().invoke(app, ['conflicts', {str(SEEDS)!r}])\n"
            "assert result.exit_code == 1, result.output\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True,
                         cwd=tmp_path)
    assert run.stdout == "[]\n"


def test_the_word_statistics_run_on_the_cluster_unless_its_scheduler_runs_here(cluster):
    """A LocalCluster's scheduler runs in this process and would keep every sentence sent to the map: then the
    word statistics are counted here. Every grouping piece goes to the workers either way."""
    elsewhere = engine("dask", scheduler=cluster.scheduler_address)
    with engine("dask", jobs=1).start(10) as here, elsewhere.start(10) as there:
        assert here.helpers.tasks is HERE and not here.helpers.here_too
        assert isinstance(there.helpers.tasks, DaskTasks) and not there.helpers.here_too
        assert there.helpers.tasks.width == 2 and there.helpers.ahead == 4


def test_a_worker_killed_while_the_word_statistics_run_changes_nothing(tmp_path, monkeypatch):
    """A worker dies once the word statistics' maps have run and hold their buckets: Dask makes again what it
    held, from the tasks that made it, for the reduces that need it, and the report is the same."""
    generate_corpus(tmp_path / "corpus", 300)
    config = Config()
    local = "".join(chunk_renderer("json")(check([tmp_path / "corpus"], config), RenderOptions()))
    with _two_workers() as cluster, distributed.Client(cluster) as client:
        before = client.run(os.getpid)
        killed: list[int] = []
        taken = DaskTasks.result

        def result_after_a_kill(self: DaskTasks, handle: distributed.Future) -> object:
            if not killed:  # the first result asked for: the subjects, merged from every map
                distributed.wait(handle)
                killed.append(next(iter(before.values())))
                os.kill(killed[0], signal.SIGKILL)
            return taken(self, handle)

        monkeypatch.setattr(DaskTasks, "result", result_after_a_kill)
        report = check([tmp_path / "corpus"], config, engine=engine("dask", scheduler=cluster.scheduler_address))
        dask = "".join(chunk_renderer("json")(report, RenderOptions()))
        client.wait_for_workers(2, timeout=60)
        after = client.run(os.getpid)
    assert killed and killed[0] not in after.values()
    assert dask == local
