"""The Dask engine (`--engine dask`, from the `kzfr-check[dask]` extra): a check's reading, extraction, grouping
pieces and word statistics on a Dask cluster, its judging and report in this process.

Extraction is a map over partitions of documents, each read where its task runs, so the workers must see the
documents at the paths this process gives (shared storage, or URLs); grouping gives the cluster the buckets of
candidate pairs of shapes to check (a shuffle by blocking key) and every piece of claims that can never group
together with another (`kzfr_check.topics`), through Dask's concurrent.futures executor: this process prepares
them and gathers their links and groups. The word statistics' map and reduce run as Dask tasks when the scheduler
runs elsewhere (`DaskTasks`). A worker that dies is replaced and its tasks run again; the report is the same as
the local engine's, byte for byte.
"""

from __future__ import annotations

import logging
import signal
import warnings
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import Any

from distributed import Client, Future, LocalCluster, WorkerPlugin

from kzfr_check.engine.sharing import HERE, Helpers
from kzfr_check.errors import InputError

# Tasks per partition: a task costs the scheduler about a millisecond, extracting 64 documents of a few
# kilobytes a quarter of a second; smaller partitions for a small corpus, so that every worker gets several.
TASKS_PER_PARTITION = 64
PARTITIONS_PER_WORKER = 4
CONNECT_TIMEOUT = "10s"


def run_partition(tasks: list[Any], function: Callable[[Any], Any]) -> list[Any]:
    """One partition of tasks, on a worker."""
    return [function(task) for task in tasks]


class _DeafToCtrlC(WorkerPlugin):
    """A local cluster's workers share the terminal of this process, and Ctrl-C reaches them too: they ignore
    it (each would print a traceback), and this process answers it by cancelling their work and closing them.
    A worker started to replace one that died is told the same."""

    def setup(self, worker: object) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _silent(message: str) -> None:
    pass


@dataclass(frozen=True)
class DaskTasks:
    """Tasks on the cluster: a handle is a Dask future, and a task given one runs on its result where it is."""

    client: Client
    width: int

    def submit(self, function: Callable[..., Any], *args: object) -> Future:
        return self.client.submit(function, *args, pure=False)

    def result(self, handle: object) -> Any:
        return handle.result()  # type: ignore[attr-defined]


@dataclass
class DaskWorkers:
    """A check's work on a Dask cluster, through one client."""

    client: Client
    executor: Executor
    scheduler_here: bool  # a LocalCluster's scheduler runs in this process
    pending: deque[Future] = field(default_factory=deque)  # partitions not yet taken back

    @property
    def helpers(self) -> Helpers:
        """The cluster's workers take every grouping piece, two each ahead: this process only prepares them, and
        never holds what grouping a piece needs. They run the word statistics too, so that this process holds no
        map of every sentence, but not beside a scheduler in this process: it would keep every sentence sent to
        the map until the reduce is done, which costs this process more than counting them itself (at 100,000
        documents, a peak 77 MB higher)."""
        workers = self._workers()
        tasks = HERE if self.scheduler_here else DaskTasks(self.client, workers)
        return Helpers(self.executor, ahead=2 * workers, here_too=False, tasks=tasks)

    def _workers(self) -> int:
        return max(1, len(self.client.scheduler_info(n_workers=-1)["workers"]))

    def map(self, function: Callable[[Any], Any], tasks: list[Any]) -> Iterator[Any]:
        """A partition's results are taken back and released in turn, so the cluster holds only what this
        process has not reached yet."""
        size = max(1, min(TASKS_PER_PARTITION, -(-len(tasks) // (self._workers() * PARTITIONS_PER_WORKER))))
        partitions = [tasks[at:at + size] for at in range(0, len(tasks), size)]
        self.pending.extend(self.client.map(run_partition, partitions, function=function, pure=False))
        while self.pending:
            yield from self.pending[0].result()
            self.pending.popleft()

    def everywhere(self, function: Callable[[], object]) -> None:
        self.client.run(function)

    def stop(self) -> None:
        self.client.cancel(list(self.pending))
        self.pending.clear()
        self.executor.shutdown(wait=False)


@dataclass(frozen=True)
class DaskEngine:
    """The cluster whose scheduler is at `scheduler`, or (None) a LocalCluster of `jobs` worker processes on
    this machine. `note` is told where the cluster and its dashboard are."""

    jobs: int = 2
    scheduler: str | None = None
    note: Callable[[str], None] = _silent

    @contextmanager
    def start(self, documents: int) -> Iterator[DaskWorkers]:
        with ExitStack() as stack:
            # Dask warns, in five lines of advice to its own users, of every task it is sent above 10 MB: a big
            # corpus's grouping pieces are that big by design, and the user can do nothing about it
            stack.enter_context(warnings.catch_warnings())
            warnings.filterwarnings("ignore", message="Sending large graph", category=UserWarning)
            if self.scheduler is None:
                # Its log is Dask's business, not the user's: a task cancelled by Ctrl-C, a worker that lost the
                # scheduler while both close. A failure that matters reaches this process as an exception.
                cluster = stack.enter_context(LocalCluster(n_workers=self.jobs, threads_per_worker=1,
                                                           dashboard_address=":0", silence_logs=logging.CRITICAL))
                client = stack.enter_context(Client(cluster))
                client.register_plugin(_DeafToCtrlC())
            else:
                try:
                    client = stack.enter_context(Client(self.scheduler, timeout=CONNECT_TIMEOUT))
                except OSError as exc:
                    raise InputError(f"{self.scheduler}: cannot reach the Dask scheduler ({exc})") from None
            workers = len(client.scheduler_info(n_workers=-1)["workers"])
            dashboard = f", dashboard {client.dashboard_link}" if client.dashboard_link else ""
            self.note(f"dask: {workers} workers at {client.scheduler.address}{dashboard}")
            running = DaskWorkers(client, client.get_executor(pure=False), scheduler_here=self.scheduler is None)
            try:
                yield running
            except BaseException:  # an error, Ctrl-C or SIGTERM: the cluster's work for this check is cancelled
                running.stop()
                raise


ENGINE = DaskEngine
