"""The local engine: worker processes of this machine (`--jobs`), or none for a small corpus."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kzfr_check.engine.sharing import Helpers

if TYPE_CHECKING:
    import multiprocessing

# A worker process is a new interpreter importing this package ("spawn", the same on every system, and safe
# in a process with threads): about 0.35 s before its first result, what extracting 40 or so documents of a few
# kilobytes takes. So a worker is started for every 50 documents at most, and fewer than 100 stay in process.
DOCUMENTS_PER_WORKER = 50
MANAGER_JOIN_TIMEOUT = 5.0  # seconds an interrupted run waits for the pool's thread to end


def worker_count(jobs: int, documents: int) -> int:
    """How many worker processes pay for starting them: up to `jobs`; fewer than 2 means none."""
    return min(jobs, documents // DOCUMENTS_PER_WORKER)


@contextmanager
def interrupts_held() -> Iterator[None]:
    """Ctrl-C held back in this thread for a moment: worker processes started meanwhile inherit that and never
    see it, so only this process answers it, once, when the moment is over. (No signal masks on Windows.)"""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


@contextmanager
def worker_pool(workers: int) -> Iterator[Executor | None]:
    """The worker processes (None for fewer than 2): they read and extract the documents, then one groups
    part of the claims."""
    if workers < 2:
        yield None
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    executor = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
    try:
        yield executor
    except BaseException:  # an error, Ctrl-C or SIGTERM: the tasks not started are dropped, and the workers stopped
        # at once (one busy with a big document held the exit for seconds); shutdown forgets the processes, so they
        # are taken first, and joined, so that none outlives the run
        processes, results = _processes(executor), getattr(executor, "_result_queue", None)
        manager = getattr(executor, "_executor_manager_thread", None)
        _quiet_thread(manager)
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
            process.join()
        # A worker stopped while it sent a result leaves half of it in the pipe, and the pool's thread waits for
        # the rest, which would hold this process's exit for ever: with this end closed too, it reads the end.
        if results is not None:
            results._writer.close()
        # The pool's thread then closes its wake-up pipe, which the interpreter's exit handler writes to: Python
        # 3.11 does not order the two, and "Bad file descriptor" was printed at exit now and then. It is waited for.
        if manager is not None:
            manager.join(MANAGER_JOIN_TIMEOUT)
        raise
    executor.shutdown()


def _quiet_thread(thread: threading.Thread | None) -> None:
    """The pool's thread, stopped with its workers, may fail on a future already cancelled (a broken pool's
    `set_exception`) and print a traceback: the run is stopping, and says so in one line, so that thread's failure
    is not printed."""
    if thread is None:
        return
    printed = threading.excepthook

    def unless_the_pool_s(args: threading.ExceptHookArgs) -> None:
        if args.thread is not thread:
            printed(args)

    threading.excepthook = unless_the_pool_s


def _processes(executor: Executor | None) -> list[multiprocessing.Process]:
    """The worker processes of a pool. No public way before 3.14 (nor to its result pipe, above); the pool is
    this engine's own."""
    return list((getattr(executor, "_processes", None) or {}).values())


def stop_workers(executor: Executor | None) -> None:
    """Stop the worker processes at once, when what they do is no longer wanted: a worker grouping claims
    would otherwise hold the exit for seconds. Only once reading is over, when no task waits to be
    cancelled (the pool's thread fails on a cancelled task of a stopped pool)."""
    for process in _processes(executor):
        process.terminate()


@dataclass
class LocalWorkers:
    """A check's worker processes on this machine (executor None: none, all in this process)."""

    executor: Executor | None
    workers: int

    @property
    def helpers(self) -> Helpers | None:
        """The pool takes grouping pieces beside this process, which is one of the machine's cores too."""
        return None if self.executor is None else Helpers(self.executor)

    def map(self, function: Callable[[Any], Any], tasks: list[Any]) -> Iterator[Any]:
        if self.executor is None:
            yield from map(function, tasks)
            return
        # Chunks of a few tasks: fewer round trips, and small enough that no worker idles long at the end. There
        # are at least 4 per worker, and map submits them all at once, which starts every worker there and then.
        chunksize = max(1, min(16, len(tasks) // (self.workers * 4)))
        with interrupts_held():
            results = self.executor.map(function, tasks, chunksize=chunksize)
        yield from results

    def everywhere(self, function: Callable[[], object]) -> None:
        """Nothing to do: the pool's processes end with the check."""

    def stop(self) -> None:
        # Done with them either way: told to exit, a worker would first free all it has read (a second on a
        # big corpus) while this process waits; a worker grouping claims, for longer.
        stop_workers(self.executor)


@dataclass(frozen=True)
class LocalEngine:
    """Up to `jobs` worker processes on this machine, as many as the documents pay for."""

    jobs: int = 1

    @contextmanager
    def start(self, documents: int) -> Iterator[LocalWorkers]:
        workers = worker_count(self.jobs, documents)
        with worker_pool(workers) as executor:
            yield LocalWorkers(executor, workers)


ENGINE = LocalEngine
