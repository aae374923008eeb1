"""Work shared between this process and workers, in two forms:

- pieces that never depend on each other (the grouping of claims that can never group together,
  `kzfr_check.topics`), bundled to like cost and taken in turn, so that no process waits long for another;
- tasks that take each other's results (the word statistics' map and reduce): on a cluster their results
  stay where they are made, and this process takes back only what it asks for (`Tasks`); without one, they
  run here (`HERE`).
"""

from __future__ import annotations

import pickle
from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

# Shared work is cut into about this many pieces of like cost: small enough that neither process waits long
# for the other at the end, few enough that sending them costs little.
PIECES = 32

P = TypeVar("P")
R = TypeVar("R")


def nothing() -> None:
    pass


class Tasks(Protocol):
    """Where tasks run that take each other's results. A task's result stays where it is made, as a handle, until
    `result` takes it; a handle given to `submit` stands for its result there."""

    width: int  # how many tasks run at once: what to cut work into about four times as many parts for

    def submit(self, function: Callable[..., object], *args: object) -> object: ...

    def result(self, handle: object) -> Any: ...


@dataclass(frozen=True)
class _Made:
    value: object  # a task's result, made here


class InProcess:
    """Tasks run here, each when it is submitted."""

    width = 1

    def submit(self, function: Callable[..., object], *args: object) -> _Made:
        return _Made(function(*(arg.value if isinstance(arg, _Made) else arg for arg in args)))

    def result(self, handle: object) -> Any:
        return handle.value  # type: ignore[attr-defined]


HERE = InProcess()


@dataclass(frozen=True)
class Helpers:
    """The workers that take shared pieces: their executor, how many pieces it is sent ahead (not done yet), and
    whether this process works pieces too. Beside the local engine's worker processes it does (it is one of the
    machine's cores); beside a cluster it only prepares them, so that what grouping a piece needs is never held
    here. `tasks`: where the word statistics run (here beside local workers: this process holds the claims)."""

    executor: Executor
    ahead: int = 2
    here_too: bool = True
    tasks: Tasks = HERE


def bundled(parts: list[list[int]], costs: list[int]) -> list[list[int]]:
    """The parts bundled into about PIECES pieces of like cost, costliest first; a part that costs more than
    a piece is a piece of its own."""
    share = sum(costs) / PIECES
    pieces: list[list[int]] = []
    piece: list[int] = []
    cost = 0
    for n in sorted(range(len(parts)), key=lambda n: (-costs[n], n)):
        piece += parts[n]
        cost += costs[n]
        if cost >= share:
            pieces.append(sorted(piece))
            piece, cost = [], 0
    return pieces + [sorted(piece)] if piece else pieces


def work_pickled(work: Callable[[P], R], piece: bytes) -> R:
    """work on a piece sent pickled. A piece is sent as one string of bytes, not as the objects it is made of: a
    cluster's scheduler keeps what a task was sent until its result is taken (to run it again if its worker
    dies), and a million objects cost it far more than their pickle (this process holds the scheduler of a
    LocalCluster); a result is taken back as soon as it is done, so that it lets the piece go."""
    return work(pickle.loads(piece))


def shared(pieces: list[list[int]], prepare: Callable[[list[int]], P], work: Callable[[P], R],
           helpers: Helpers | None, meanwhile: Callable[[], None] = nothing) -> list[R]:
    """work(prepare(piece)) for every piece: prepared here, worked here or, with helpers, by a worker, the
    costliest first. Helpers are kept `ahead` pieces ahead, so they never wait on this process. When this process
    works pieces too, it takes the next one whenever it is free, and the helpers are never given the last piece
    waiting: this process always has one to work, and whichever finishes first waits for the other about a piece
    or two at most. `meanwhile` is other work of this process, done once the helpers have pieces (or at the end
    without them). The results come in no set order: the pieces must not depend on each other."""
    if helpers is None or len(pieces) < 2:
        results = [work(prepare(piece)) for piece in pieces]
        meanwhile()
        return results
    waiting = deque(pieces)
    sent: list[Future[R]] = []  # not done, or not yet taken back
    results = []
    kept = 1 if helpers.here_too else 0  # pieces never sent while they are the last

    def feed() -> None:
        for future in [future for future in sent if future.done()]:
            results.append(future.result())
            sent.remove(future)
        while len(waiting) > kept and len(sent) < helpers.ahead:
            piece = pickle.dumps(prepare(waiting.popleft()), pickle.HIGHEST_PROTOCOL)
            sent.append(helpers.executor.submit(work_pickled, work, piece))

    feed()
    meanwhile()
    feed()
    while waiting:
        if helpers.here_too:
            results.append(work(prepare(waiting.popleft())))
        else:
            wait([future for future in sent if not future.done()], return_when=FIRST_COMPLETED)
        feed()
    return results + [future.result() for future in sent]
