"""Read and check claims.toml: the sources to read, the topics a person declared, and the
resolutions of conflicts. Every mistake in it is reported as `claims.toml:LINE: message`."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kzfr_check.errors import InputError
from kzfr_check.lang import languages
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
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        line = int(m.group(1)) if m else max(1, len(raw.splitlines()))  # "(at end of document)"
        message = re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", str(exc)) or "invalid TOML"
        raise InputError(f"{name}:{line}: {message}") from None
    return _parse(data, _Lines(raw), name, path)


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


def record_resolution(path: Path, resolution: Resolution) -> None:
    """Add (or update) a resolution in claims.toml, keeping every comment and the rest of the file
    byte for byte; the file is written atomically and checked before it replaces the old one."""
    import tomlkit

    from kzfr_check.atomic import write_atomic

    raw = path.read_text(encoding="utf-8-sig") if path.exists() else ""
    doc = tomlkit.parse(raw)
    existing = next((t for t in doc.get("resolution", []) if t.get("topic") == resolution.topic), None)
    if existing is not None:
        existing["accept"] = resolution.accept
        existing["overrules"] = list(resolution.overrules)
        existing["reason"] = resolution.reason
        text = tomlkit.dumps(doc)
    else:
        text = (raw if not raw or raw.endswith("\n") else raw + "\n") + ("\n" if raw.strip() else "")
        text += _resolution_toml(resolution)
    _parse(tomllib.loads(text), _Lines(text), str(path), path)  # never write a file we could not read back
    write_atomic(path, text)


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
