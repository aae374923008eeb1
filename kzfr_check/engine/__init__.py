"""Where a check's reading and extraction, and part of its grouping, run: one module per engine, behind one
interface.

An engine starts the workers of one check (`Engine.start`); they map a function over tasks, giving the
results in the order of the tasks, and lend helpers to the grouping (`kzfr_check.topics.group_claims`).
What the function does is the pipeline's business: an engine only moves plain values to and from it. Judging
and the report stay in the calling process, and the report is the same, byte for byte, on every engine. An
engine's module is imported only when it is asked for, so the local engine's start-up never loads Dask.
How the grouping's pieces are shared between this process and the helpers is `sharing`, the same for every
engine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from importlib import import_module
from typing import Any, Protocol

from kzfr_check.engine.sharing import Helpers
from kzfr_check.errors import InputError


class Workers(Protocol):
    """The workers of one check, while it runs."""

    helpers: Helpers | None  # take part of the grouping, or all of it (None: it all stays in this process)

    def map(self, function: Callable[[Any], Any], tasks: list[Any]) -> Iterator[Any]:
        """function(task) for every task, wherever it runs, in the order of the tasks. The function is one a
        worker can import by name, and the tasks and results are plain values."""
        ...

    def everywhere(self, function: Callable[[], object]) -> None:
        """Call function once in every worker process that outlives the check: what a worker remembers of
        this check must not weigh on the next."""
        ...

    def stop(self) -> None:
        """Stop what the workers still do: the check no longer needs it (done, failed or interrupted)."""
        ...


class Engine(Protocol):
    """Where the work runs: `start` gives the workers for a check of so many documents."""

    def start(self, documents: int) -> AbstractContextManager[Workers]: ...


ENGINES = {"local": "kzfr_check.engine.local", "dask": "kzfr_check.engine.dask"}  # name -> module


def engine(name: str, **options: object) -> Engine:
    """The engine of that name, made with its options (`jobs` for every engine; `scheduler`, `note` for
    Dask). An engine whose library is not installed is a user error naming the extra that brings it."""
    try:
        module = import_module(ENGINES[name])
    except ImportError as exc:
        raise InputError(f"--engine {name} needs {exc.name or 'a library that is not installed'}: "
                         f"pip install 'kzfr-check[{name}]'") from None
    return module.ENGINE(**options)  # type: ignore[no-any-return]
