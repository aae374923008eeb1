"""Write files so that a reader, or a crash, never sees half of one."""

from __future__ import annotations

import os
import signal
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from kzfr_check.errors import InputError
from kzfr_check.sources import is_inside

# The files this process has written in full: an interrupt that lands after the last rename is reported as what
# it is, a run stopped once its work was done.
WRITTEN: list[Path] = []


def write_atomic(path: Path, text: str | Iterable[str], allow_outside: bool = False) -> None:
    """Write `text` (or its pieces, one after the other) to a temporary file beside `path`, then
    rename it over `path`: the file is either as it was or complete, even if the process is
    interrupted. A symbolic link is written through (its target is replaced, the link stays), if its target
    is in the link's folder or allow_outside: a link in a pull request must not make a CI job overwrite a
    file elsewhere. A stream (a FIFO, a terminal, /dev/null) is written to directly; any other special file
    is refused."""
    target = write_target(path, allow_outside)
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise _cannot_write(path, error) from None
    pieces = [text] if isinstance(text, str) else text
    if mode is not None and (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):
        try:
            with open(target, "w", encoding="utf-8", newline="") as out:
                out.writelines(pieces)
        except OSError as error:
            raise _cannot_write(path, error) from None
        return
    if mode is not None and not stat.S_ISREG(mode):
        raise InputError(f"{path}: cannot write (not a regular file, a FIFO or a character device)")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise _cannot_write(path, error) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.writelines(pieces)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask())
        _replace(tmp, target, Path(path))
    except BaseException as error:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise _cannot_write(path, error) from None
        raise


def write_target(path: Path, allow_outside: bool = False) -> Path:
    """The file that writing to `path` replaces: itself, or the target of a link, if the target is in the link's
    folder or allow_outside (see write_atomic)."""
    target = Path(os.path.realpath(path))
    if not allow_outside and os.path.islink(path) and not is_inside(str(target), os.path.realpath(Path(path).parent)):
        raise InputError(f"{path}: not written: a link out of its folder (allow it with --allow-outside)")
    return target


def _replace(tmp: str, target: Path, given: Path) -> None:
    """The rename and its record in WRITTEN, with Ctrl-C and SIGTERM held back meanwhile: an interrupt lands
    before both or after both. (No signal masks on Windows.)"""
    if not hasattr(signal, "pthread_sigmask"):
        os.replace(tmp, target)
        WRITTEN.append(given)
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        os.replace(tmp, target)
        WRITTEN.append(given)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _cannot_write(path: Path, error: OSError) -> InputError:
    return InputError(f"{path}: cannot write ({(error.strerror or type(error).__name__).lower()})")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
