"""kzfr-check: find where a folder of sources disagrees on facts and figures."""

import signal
import sys

__version__ = "0.1.0"
INTERRUPTED = 130  # the exit status of a run stopped by Ctrl-C, as shells report SIGINT
TERMINATED = 143  # the same for SIGTERM: a CI job cancelled, a `timeout` run out


class _Stopped:
    """Which signal stopped the run, if any: both end the same way, each says its own name."""

    by_sigterm = False


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM stops a run as Ctrl-C does (temporary files removed, workers stopped), instead of killing it
    on the spot."""
    _Stopped.by_sigterm = True
    raise KeyboardInterrupt


def main() -> None:
    """The console script. The command line is imported here, inside the guard, so that Ctrl-C or SIGTERM at
    any moment, even while modules load or arguments are read, ends in one line and status 130 (143)."""
    signal.signal(signal.SIGTERM, _terminate)
    try:
        import typer

        from kzfr_check.cli import app

        try:
            code = app(standalone_mode=False)
        except typer.Abort:
            raise KeyboardInterrupt from None
        except typer.exceptions.TyperException as error:  # usage errors: typer shows them as usual
            if hasattr(error, "show"):
                error.show()
            else:
                from kzfr_check.errors import printable

                print(f"kzfr-check: error: {printable(str(error))}", file=sys.stderr)
            code = getattr(error, "exit_code", 2)
        _ignore_interrupts()
    except KeyboardInterrupt:
        code = INTERRUPTED
    _ignore_interrupts()
    if code == INTERRUPTED:  # typer turns Ctrl-C inside a command into this exit code, silently
        print(f"kzfr-check: {'terminated' if _Stopped.by_sigterm else 'interrupted'}{_after_writing()}",
              file=sys.stderr)
        code = TERMINATED if _Stopped.by_sigterm else INTERRUPTED
    code = code if isinstance(code, int) else 0
    if code in (0, 1):
        _end_now(code)
    sys.exit(code)


def _after_writing() -> str:
    """What a stopped run had written in full already (an interrupt after the last rename), if anything. A run
    that writes nothing never imports kzfr_check.atomic."""
    atomic = sys.modules.get("kzfr_check.atomic")
    if atomic is None or not atomic.WRITTEN:
        return ""
    from kzfr_check.errors import printable

    return printable(f", after {', '.join(map(str, atomic.WRITTEN))} was written in full")


def _end_now(code: int) -> None:
    """End a finished run at once: what it wrote is flushed, and what it holds is left to the system. A check
    of a big corpus holds millions of objects, which the interpreter's exit would free one by one (a second
    or more for 10,000 documents). Only after a run that finished (status 0 or 1): the worker pool is shut
    down and gone, so no exit handler is left with anything to do."""
    import os
    from contextlib import suppress

    for stream in (sys.stdout, sys.stderr):
        with suppress(OSError, ValueError):  # a reader gone away, a stream closed: nothing left to say to it
            stream.flush()
    os._exit(code)


def _ignore_interrupts() -> None:
    """The work is done (or stopped): a Ctrl-C or SIGTERM now would only kill the exit itself, while the worker
    pool's exit handler runs, leaving no message and a signal for a status. It is ignored."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
