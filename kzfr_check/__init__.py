"""kzfr-check: find where a folder of sources disagrees on facts and figures."""

import sys

__version__ = "0.1.0"
INTERRUPTED = 130  # the exit status of a run stopped by Ctrl-C, as shells report SIGINT


def main() -> None:
    """The console script. The command line is imported here, inside the guard, so that Ctrl-C at
    any moment, even while modules load or arguments are read, ends in one line and status 130."""
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
        _ignore_ctrl_c()
    except KeyboardInterrupt:
        code = INTERRUPTED
    _ignore_ctrl_c()
    if code == INTERRUPTED:  # typer turns Ctrl-C inside a command into this exit code, silently
        print("kzfr-check: interrupted", file=sys.stderr)
    code = code if isinstance(code, int) else 0
    if code in (0, 1):
        _end_now(code)
    sys.exit(code)


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


def _ignore_ctrl_c() -> None:
    """The work is done (or stopped): a Ctrl-C now would only kill the exit itself, while the worker
    pool's exit handler runs, leaving no message and a signal for a status. It is ignored."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
