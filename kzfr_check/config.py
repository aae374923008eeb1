"""Read and check claims.toml: the sources to read, the topics a person declared, and the
resolutions of conflicts. Every mistake in it is reported as `claims.toml:LINE: message`."""

from __future__ import annotations

import codecs
import os
import re
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kzfr_check.errors import InputError
from kzfr_check.lang import languages
from kzfr_check.sources import is_inside
from kzfr_check.topics import TopicSpec
from kzfr_check.values import KINDS
from kzfr_check.verdicts import Resolution

CONFIG_NAME = "claims.toml"
SCHEMA: dict[str, dict[str, type | tuple[type, ...]]] = {
    "sources": {"paths": list, "exclude": list, "languages": dict},
    "topic": {"id": str, "label": str, "aliases": list, "kind": str},
    "resolution": {"topic": str, "accept": str, "overrules": list, "reason": str},
}
REQUIRED = {"topic": ("id", "label", "aliases"), "resolution": ("topic", "accept", "reason")}


@dataclass(frozen=True)
class Config:
    """What claims.toml says; an absent file is an empty config."""

    path: Path | None = None
    source_paths: tuple[Path, ...] = ()
    exclude: tuple[str, ...] = ()  # globs of files not to read, relative to the file's folder
    topics: tuple[TopicSpec, ...] = ()
    resolutions: tuple[Resolution, ...] = field(default_factory=tuple)
    languages: tuple[tuple[str, str], ...] = ()  # (glob, language code): the language of the files it matches


class _Lines:
    """Finds the line of a table or key in the raw text, to point a message at it."""

    def __init__(self, raw: str) -> None:
        self.lines = raw.splitlines()

    def of(self, table: str, index: int | None = None, key: str | None = None) -> int:
        header = re.compile(rf"^\s*\[\[\s*{table}\s*\]\]" if index is not None else rf"^\s*\[\s*{table}\s*\]")
        starts = [n for n, line in enumerate(self.lines) if header.match(line)]
        if not starts:
            return 1
        start = starts[min(index or 0, len(starts) - 1)]
        if key is not None:
            for n in range(start + 1, len(self.lines)):
                if self.lines[n].lstrip().startswith("["):
                    break
                if re.match(rf"^\s*{re.escape(key)}\s*=", self.lines[n]):
                    return n + 1
        return start + 1


def load_config(path: str | Path) -> Config:
    """Read and check a claims.toml; any problem is an InputError naming the file and line."""
    path = Path(path)
    name = str(path)
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise InputError(f"{name}: not UTF-8 text") from None
    try:
        data = tomllib.loads(raw)
    except RecursionError:
        raise InputError(f"{name}:{_nesting_line(raw)}: arrays or tables nested too deeply") from None
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        line = int(m.group(1)) if m else max(1, len(raw.splitlines()))  # "(at end of document)"
        message = re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", str(exc)) or "invalid TOML"
        raise InputError(f"{name}:{line}: {message}") from None
    return _parse(data, _Lines(raw), name, path)


def _nesting_line(raw: str) -> int:
    """The line where brackets and braces first open 100 deep: where a file too deeply nested for the parser
    goes wrong. (Brackets inside strings are counted too; that is close enough to point at the place.)"""
    depth = 0
    for number, line in enumerate(raw.splitlines(), 1):
        for char in line:
            depth += (char in "[{") - (char in "]}")
            if depth >= 100:
                return number
    return 1


def _check_table(table: dict[str, Any], kind: str, where: _Lines, name: str, index: int | None) -> None:
    schema = SCHEMA[kind]
    for key, value in table.items():
        if key not in schema:
            known = ", ".join(schema)
            raise InputError(f"{name}:{where.of(kind, index, key)}: unknown key '{key}' in [{kind}] "
                             f"(known: {known})")
        expected = schema[key]
        if not isinstance(value, expected):
            shape = {list: "a list", dict: "a table"}.get(expected, "a string")  # type: ignore[call-overload]
            raise InputError(f"{name}:{where.of(kind, index, key)}: '{key}' must be {shape}")
        if expected is list and not all(isinstance(item, str) for item in value):
            raise InputError(f"{name}:{where.of(kind, index, key)}: '{key}' must be a list of strings")
    for key in REQUIRED.get(kind, ()):
        if key not in table:
            raise InputError(f"{name}:{where.of(kind, index)}: [[{kind}]] needs '{key}'")


def _parse(data: dict[str, Any], where: _Lines, name: str, path: Path) -> Config:
    for key in data:
        if key not in SCHEMA:
            raise InputError(f"{name}:{where.of(key)}: unknown table '{key}' (known: sources, topic, resolution)")
    sources = data.get("sources", {})
    if not isinstance(sources, dict):
        raise InputError(f"{name}:{where.of('sources')}: [sources] must be a table")
    _check_table(sources, "sources", where, name, None)
    topics: list[TopicSpec] = []
    topic_ids: set[str] = set()
    for i, table in enumerate(_array(data, "topic", where, name)):
        _check_table(table, "topic", where, name, i)
        if not table["id"].strip() or not re.fullmatch(r"[\w.:-]+", table["id"]):
            raise InputError(f"{name}:{where.of('topic', i, 'id')}: topic id '{table['id']}' must be one word "
                             "of letters, digits, '-', '_', '.' or ':'")
        if table["id"] in topic_ids:
            raise InputError(f"{name}:{where.of('topic', i, 'id')}: duplicate topic id '{table['id']}'")
        aliases = tuple(a.strip() for a in table["aliases"] if a.strip())
        if not aliases:
            raise InputError(f"{name}:{where.of('topic', i, 'aliases')}: topic '{table['id']}' needs at least "
                             "one alias")
        kind = table.get("kind")
        if kind is not None and kind not in KINDS:
            raise InputError(f"{name}:{where.of('topic', i, 'kind')}: unknown kind '{kind}' "
                             f"(known: {', '.join(KINDS)})")
        topics.append(TopicSpec(table["id"], table["label"], aliases, kind))
        topic_ids.add(table["id"])
    resolutions: list[Resolution] = []
    resolved: set[str] = set()
    for i, table in enumerate(_array(data, "resolution", where, name)):
        _check_table(table, "resolution", where, name, i)
        if table["topic"] in resolved:
            raise InputError(f"{name}:{where.of('resolution', i, 'topic')}: topic '{table['topic']}' "
                             "is resolved twice")
        resolutions.append(Resolution(table["topic"], table["accept"], tuple(table.get("overrules", ())),
                                      table["reason"], f"{name}:{where.of('resolution', i, 'topic')}"))
        resolved.add(table["topic"])
    paths = tuple((path.parent / p) for p in sources.get("paths", ()))
    return Config(path, paths, tuple(sources.get("exclude", ())), tuple(topics), tuple(resolutions),
                  _languages(sources.get("languages", {}), where, name))


def _languages(table: dict[str, Any], where: _Lines, name: str) -> tuple[tuple[str, str], ...]:
    """`[sources] languages`: globs of files -> the code of the language they are written in, one with a data
    file; a file no glob matches has its language told from its text."""
    known = languages()
    for glob, code in table.items():
        if not isinstance(code, str) or code not in known:
            raise InputError(f"{name}:{where.of('sources', None, 'languages')}: unknown language '{code}' for "
                             f"'{glob}' (known: {', '.join(known)})")
    return tuple(table.items())


def _array(data: dict[str, Any], key: str, where: _Lines, name: str) -> list[dict[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(t, dict) for t in value):
        raise InputError(f"{name}:{where.of(key)}: '{key}' must be written as [[{key}]] tables")
    return value


def project_sources(config: Config, allow_outside: bool = False) -> list[Path]:
    """[sources] paths, each inside the project (the folder of claims.toml, links resolved) unless allowed: a
    pull request that edits claims.toml must not make a CI job read ../secrets or /etc."""
    if config.path is not None and not allow_outside:
        project = os.path.realpath(config.path.parent)
        for path in config.source_paths:
            if not is_inside(os.path.realpath(path), project):
                raise InputError(f"{config.path}: [sources] path '{path}' is outside the project folder "
                                 "(name it on the command line, or allow it with --allow-outside)")
    return list(config.source_paths)


def find_config(explicit: Path | None, cwd: Path) -> Config:
    """The config to use: the file given, else ./claims.toml when there is one, else an empty one."""
    path = explicit if explicit is not None else cwd / CONFIG_NAME
    if explicit is None and not path.is_file():
        return Config()
    if not path.is_file():
        raise InputError(f"{path}: no such file" if not path.exists() else f"{path}: not a file")
    return load_config(path)


def _resolution_toml(resolution: Resolution) -> str:
    import tomlkit

    table = tomlkit.table()
    table["topic"] = resolution.topic
    table["accept"] = resolution.accept
    table["overrules"] = list(resolution.overrules)
    table["reason"] = resolution.reason
    doc = tomlkit.document()
    doc.append("resolution", tomlkit.aot())
    doc["resolution"].append(table)
    return tomlkit.dumps(doc)


def record_resolution(path: Path, resolution: Resolution, allow_outside: bool = False) -> None:
    """Add (or update) a resolution in claims.toml, keeping every comment and the rest of the file
    byte for byte (its line endings and byte order mark too); the file is written atomically and checked
    before it replaces the old one. A link is written through to its target. Runs at the same time take
    turns (see _locked): each reads the file as the one before left it, so no decision is lost. A link that
    leads out of its folder is refused unless allow_outside (see write_atomic)."""
    from kzfr_check.atomic import write_atomic, write_target

    target = write_target(path, allow_outside)
    with _locked(target, path):
        try:
            data = target.read_bytes()
            raw = data.decode("utf-8-sig")
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
        except UnicodeDecodeError:
            raise InputError(f"{path}: not UTF-8 text") from None
        text = _with_resolution(raw, resolution)
        if "\r\n" in raw and raw.count("\n") == raw.count("\r\n"):  # a file with CRLF line endings keeps them
            text = re.sub(r"(?<!\r)\n", "\r\n", text)
        _parse(tomllib.loads(text), _Lines(text), str(path), path)  # never write a file we could not read back
        write_atomic(target, ("\ufeff" if data.startswith(codecs.BOM_UTF8) else "") + text)


def _with_resolution(raw: str, resolution: Resolution) -> str:
    """The text of claims.toml with the resolution added at its end, or updated in place. tomlkit, which
    keeps comments and layout, is slow on a big file (a minute for 10 MB): it is used only to update."""
    listed = tomllib.loads(raw).get("resolution", [])
    if not any(isinstance(table, dict) and table.get("topic") == resolution.topic for table in listed):
        text = raw if not raw or raw.endswith("\n") else raw + "\n"
        return text + ("\n" if raw.strip() else "") + _resolution_toml(resolution)
    import tomlkit

    doc = tomlkit.parse(raw)
    existing = next(t for t in doc["resolution"] if t.get("topic") == resolution.topic)
    existing["accept"] = resolution.accept
    existing["overrules"] = list(resolution.overrules)
    existing["reason"] = resolution.reason
    return tomlkit.dumps(doc)


@contextmanager
def _locked(target: Path, shown: Path) -> Iterator[None]:
    """An exclusive lock on claims.toml while it is read, changed and replaced. The lock is on the file, which
    the write replaces: a run that waited checks that the file it locked is still the one the path names, and
    otherwise locks the new one. (No lock where the system has no flock: Windows.)"""
    try:
        import fcntl
    except ImportError:
        yield
        return
    while True:
        try:
            fd = os.open(target, os.O_RDONLY)
        except OSError as exc:
            raise InputError(f"{shown}: cannot read ({exc.strerror or exc})") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            locked, current = os.fstat(fd), os.stat(target)
        except OSError as exc:
            os.close(fd)
            raise InputError(f"{shown}: cannot lock ({exc.strerror or exc})") from None
        except BaseException:
            os.close(fd)
            raise
        if (locked.st_dev, locked.st_ino) == (current.st_dev, current.st_ino):
            break
        os.close(fd)
    try:
        yield
    finally:
        os.close(fd)


INIT_HEADER = (
    "kzfr-check configuration, written by `kzfr-check init`. Curate it: rename topic ids and labels,",
    "refine the aliases (a claim joins the topic whose alias words its sentence holds), and delete",
    "the topics you do not need. Record decisions with `kzfr-check resolve`.",
)


def initial_config(source_paths: Sequence[str], topics: Iterable[TopicSpec]) -> str:
    """A claims.toml that names the sources and declares the topics found in them, for a person to
    curate: rename, refine the aliases, delete what does not matter."""
    import tomlkit

    doc = tomlkit.document()
    for line in INIT_HEADER:
        doc.add(tomlkit.comment(line))
    doc.add(tomlkit.nl())
    sources = tomlkit.table()
    if not source_paths:
        sources.add(tomlkit.comment("No sources were found where init ran: while `paths` names none, every "
                                    "command checks the"))
        sources.add(tomlkit.comment("bundled seed articles. Name the folders of your sources here."))
    sources["paths"] = list(source_paths)
    doc["sources"] = sources
    aot = tomlkit.aot()
    for spec in topics:
        table = tomlkit.table()
        table["id"] = spec.id
        table["label"] = spec.label
        table["aliases"] = list(spec.aliases)
        if spec.kind:
            table["kind"] = spec.kind
        aot.append(table)
    if aot:
        doc.append("topic", aot)
    return tomlkit.dumps(doc)
