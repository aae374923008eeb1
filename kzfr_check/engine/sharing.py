"""Work shared between this process and a worker: pieces that never depend on each other (the grouping of
claims that can never group together, `kzfr_check.topics`), bundled to like cost and taken in turn, so that
neither process waits long for the other."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import TypeVar

# Shared work is cut into about this many pieces of like cost: small enough that neither process waits long
# for the other at the end, few enough that sending them costs little.
PIECES = 32

P = TypeVar("P")
R = TypeVar("R")


def nothing() -> None:
    pass


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


def shared(pieces: list[list[int]], prepare: Callable[[list[int]], P], work: Callable[[P], R],
           executor: Executor | None, meanwhile: Callable[[], None] = nothing) -> list[R]:
    """work(prepare(piece)) for every piece: prepared here, worked here or, with an executor, by a worker, each
    process taking the next piece, the costliest first, when it is free. The worker is kept two pieces ahead,
    so it never waits on this process, but never given the last piece waiting: this process always has one to
    work. Whichever finishes first waits for the other about a piece or two at most. `meanwhile` is other work
    of this process, done once the workers have pieces (or at the end without them). The results come in no
    set order: the pieces must not depend on each other."""
    if executor is None or len(pieces) < 2:
        results = [work(prepare(piece)) for piece in pieces]
        meanwhile()
        return results
    waiting = deque(pieces)
    sent: list[Future[R]] = []
    results = []

    def feed() -> None:
        while len(waiting) > 1 and sum(not future.done() for future in sent) < 2:
            sent.append(executor.submit(work, prepare(waiting.popleft())))

    feed()
    meanwhile()
    feed()
    while waiting:
        results.append(work(prepare(waiting.popleft())))
        feed()
    return results + [future.result() for future in sent]
