"""The library API: sources -> claims -> topics -> verdicts, in one call."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, partial
from importlib.resources import files
from pathlib import Path

from kzfr_check.claims import CLAIMS_PER_DOCUMENT, Claim, extract_claims, forget_sentences
from kzfr_check.config import Config
from kzfr_check.engine import Engine, Workers
from kzfr_check.engine.local import LocalEngine
from kzfr_check.errors import InputError, printable
from kzfr_check.sources import (
    DEFAULT_MAX_BYTES,
    Document,
    display_path,
    excluded,
    find_source_files,
    find_source_urls,
    is_url,
    name_sources,
    read_document,
)
from kzfr_check.topics import Topic, group_claims
from kzfr_check.values import KINDS
from kzfr_check.verdicts import STATUSES, Resolution, Verdict, judge_all, stale_resolutions
from kzfr_check.witnesses import NameVariant, name_variants, witness_groups, witness_of


@dataclass(frozen=True)
class Report:
    """Everything one check found: what was read, what it claims, and the verdicts."""

    sources: tuple[Document, ...]  # what was read (not its text, see Document)
    claims: tuple[Claim, ...]
    topics: tuple[Topic, ...]
    verdicts: tuple[Verdict, ...]
    warnings: tuple[str, ...] = ()  # stale resolutions: shown, and failing the gate under --strict
    witnesses: tuple[tuple[str, ...], ...] = ()  # sources that are one text reprinted or translated
    variants: tuple[NameVariant, ...] = ()  # names spelled differently across sources

    @cached_property
    def summary(self) -> dict[str, int]:
        counts = {status: sum(v.status == status for v in self.verdicts) for status in STATUSES}
        return {"sources": len(self.sources), "claims": len(self.claims), "topics": len(self.verdicts),
                "agree": counts["agree"], "compatible": counts["compatible"], "conflict": counts["conflict"],
                "resolved": counts["resolved"], "changed": counts["changed"], "conflicts": counts["conflict"],
                "uncorroborated": sum(not self.corroborated(v) for v in self.verdicts)}

    @cached_property
    def _witness(self) -> dict[str, str]:
        return {source: group[0] for group in self.witnesses for source in group}

    def witness_count(self, sources: Iterable[str]) -> int:
        """How many independent witnesses the sources are: a text reprinted or translated counts once."""
        return len({self._witness.get(source, source) for source in sources})

    def corroborated(self, verdict: Verdict) -> bool:
        """False for a topic whose sources agree (or fit) but are all one witness: nothing confirms it."""
        return verdict.status not in ("agree", "compatible") or self.witness_count(verdict.topic.sources) > 1

    @cached_property
    def _topic_by_claim(self) -> dict[int, Topic]:
        return {id(claim): topic for topic in self.topics for claim in topic.claims}

    def topic_of(self, claim: Claim) -> Topic | None:
        """The topic that holds a claim, if any."""
        return self._topic_by_claim.get(id(claim))

    def reported_topic_id(self, claim: Claim) -> str | None:
        """The id of the topic that holds a claim, when the report shows it (two or more sources)."""
        topic = self.topic_of(claim)
        return topic.id if topic is not None and len(topic.sources) > 1 else None


def bundled_seeds() -> Path:
    """The seed articles installed with the package, for a first run with nothing given."""
    return Path(str(files("kzfr_check") / "seeds"))


def warn_stderr(message: str) -> None:
    """A warning on one line of stderr: the names in it come from files, and are made printable."""
    print(f"warning: {printable(message)}", file=sys.stderr)


# Told how far a run has got: (stage, done, total), as ("reading documents", 120, 1000). A stage that cannot
# count its steps says (stage, 0, total) when it starts and (stage, total, total) when it ends.
Progress = Callable[[str, int, int], None]


def _no_progress(stage: str, done: int, total: int) -> None:
    pass


# A document to read: where it is (an absolute path or a URL, which every worker reads the same), its path as
# shown to the user, the --max-bytes limit, its language when claims.toml declares it. Plain values, so that
# any engine can send it to any process.
Task = tuple[str, str, int, str | None]
Extraction = tuple[Document | None, tuple[str, ...], list[Claim]]  # the document (None: skipped), warnings, claims


def read_and_extract(task: Task) -> Extraction:
    """One document read and its claims extracted: what a worker does, from and to picklable values. Its text
    stays here."""
    location, shown, max_bytes, language = task
    source, warning = read_document(location, shown, max_bytes, language)
    warnings = () if warning is None else (warning,)
    if source is None:
        return source, warnings, []
    claims = extract_claims(source, CLAIMS_PER_DOCUMENT + 1)
    if len(claims) > CLAIMS_PER_DOCUMENT:
        del claims[CLAIMS_PER_DOCUMENT:]
        warnings += (f"{shown}: more than {CLAIMS_PER_DOCUMENT:,} figures; only the first {CLAIMS_PER_DOCUMENT:,} "
                     f"(to line {claims[-1].line}) are checked",)
    return source.document(), warnings, claims


def _task(file: Path | str, max_bytes: int, declared: Callable[[Path], str | None]) -> Task:
    """The task of a file found (a URL is shown as it is, and no language glob matches it)."""
    if is_url(file):
        return str(file), str(file), max_bytes, None
    path = Path(file)
    return os.path.abspath(path), display_path(path), max_bytes, declared(path)


def _read_all(files: list[Path | str], paths: Sequence[str | Path], warn: Callable[[str], None], max_bytes: int,
              workers: Workers, progress: Progress,
              declared: Callable[[Path], str | None] = lambda file: None) -> tuple[list[Document], list[Claim]]:
    """Every readable document of the files (and URLs) found under paths and its claims, in path order, the
    same on every engine."""
    tasks = [_task(file, max_bytes, declared) for file in files]
    read: list[tuple[Document, list[Claim]]] = []
    kept: list[Path] = []  # (a URL's path names a source apart from a namesake as well)
    extractions = workers.map(read_and_extract, tasks)
    for done, (file, (source, warnings, claims)) in enumerate(zip(files, extractions, strict=True), 1):
        for warning in warnings:
            warn(warning)
        if source is not None:
            read.append((source, claims))
            kept.append(Path(file))
        progress("reading documents", done, len(files))
    forget_sentences()  # (read in this process, without workers)
    workers.everywhere(forget_sentences)
    sources = name_sources([source for source, _ in read], kept, paths)
    # A worker names claims after their file's stem; a source renamed apart from a namesake passes its id on.
    claims = [claim if named.id == source.id else replace(claim, source=named.id)
              for named, (source, found) in zip(sources, read, strict=True) for claim in found]
    return sources, claims


def declared_language(config: Config, file: Path) -> str | None:
    """The language `[sources] languages` gives a file: that of the first glob that matches it, or None."""
    base = config.path.parent if config.path else Path.cwd()
    return next((code for glob, code in config.languages if excluded(file, [glob], base)), None)


def check(paths: Sequence[str | Path], config: Config | None = None,
          warn: Callable[[str], None] = warn_stderr, max_bytes: int = DEFAULT_MAX_BYTES,
          jobs: int = 1, progress: Progress | None = None, allow_outside: bool = False,
          engine: Engine | None = None) -> Report:
    """Read the sources, extract their claims, group them into topics and judge each topic.

    `jobs` > 1 reads and extracts in that many processes when there are enough documents, and one of them
    groups part of the claims; the report is the same. `engine` runs that work elsewhere (a Dask cluster:
    `kzfr_check.engine.engine("dask")`), with the same report again; it overrides `jobs`. `progress` is told
    how far each long stage has got. Links in a folder that lead out of it are skipped, with a warning, unless
    `allow_outside`.
    """
    # A check makes hundreds of thousands of objects and no reference cycles: the cycle collector would
    # only walk them over and over (a tenth of a big run). It is off during the check, then as it was.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _check(paths, config or Config(), warn, max_bytes, engine or LocalEngine(jobs), progress or _no_progress,
                      allow_outside)
    finally:
        if collecting:
            gc.enable()


def _name_likely_ids(warnings: list[str], verdicts: Sequence[Verdict], resolutions: Sequence[Resolution]) -> list[str]:
    """A discovered id follows its topic's claims: when they change, so may the id, and the resolution
    written against the old one is stale. Its warning then names the topic that now states the accepted
    value and the most of what it overrules, in the kind of the old id."""
    ids = {v.topic.id for v in verdicts}
    named = list(warnings)
    for resolution in resolutions:
        if resolution.topic in ids:
            continue
        kind = resolution.topic.split("-", 1)[0]
        candidates = [(len(set(resolution.overrules) & {v.value for v in verdict.values}), verdict.topic.id)
                      for verdict in verdicts if verdict.topic.kind == kind and not verdict.topic.declared
                      and resolution.accept in {v.value for v in verdict.values}]
        if not candidates:
            continue
        likely = max(candidates, key=lambda candidate: (candidate[0], _shared_words(resolution.topic, candidate[1])))
        prefix = f"{resolution.origin}: stale resolution of '{resolution.topic}': "
        named = [f"{w}; it is likely '{likely[1]}' now" if w.startswith(prefix) else w for w in named]
    return named


def _shared_words(a: str, b: str) -> tuple[int, str]:
    """How many words two ids share (then the id, to break ties the same way every time)."""
    return len(set(a.split("-")) & set(b.split("-"))), b


def _check(paths: Sequence[str | Path], config: Config, warn: Callable[[str], None], max_bytes: int,
           engine: Engine, progress: Progress, allow_outside: bool) -> Report:
    local = [path for path in paths if not is_url(path)]
    files: list[Path | str] = [*find_source_files(local, config.exclude, config.path.parent if config.path else None,
                                                  warn, allow_outside),
                               *find_source_urls([str(path) for path in paths if is_url(path)])]
    with engine.start(len(files)) as workers:
        sources, claims = _read_all(files, paths, warn, max_bytes, workers, progress,
                                    partial(declared_language, config))
        progress("grouping claims", 0, len(claims))
        # What the claims alone show, found while the workers group (at 10,000 documents judging takes a
        # second less, grouping half a second more)
        witnesses: list[tuple[str, ...]] = []
        variants: list[NameVariant] = []

        def meanwhile() -> None:
            witnesses.extend(witness_groups(claims))
            variants.extend(name_variants(claims))

        try:
            topics = group_claims(claims, config.topics, workers.helpers, meanwhile)
        finally:
            workers.stop()
        progress("grouping claims", len(claims), len(claims))
    # A resolution must name a declared topic or a discovered one. A discovered id (it starts with
    # its kind) that is gone now is stale, a warning; any other unknown name is a mistake in the file.
    known = {t.id for t in topics}
    for resolution in config.resolutions:
        if resolution.topic not in known and not resolution.topic.startswith(tuple(f"{k}-" for k in KINDS)):
            raise InputError(f"{resolution.origin}: resolution of unknown topic '{resolution.topic}'")
    progress("judging topics", 0, len(topics))
    dates = {s.id: str(s.date) if s.date else None for s in sources}
    verdicts = judge_all(topics, dates, config.resolutions, witness_of(claims, witnesses))
    warnings = _name_likely_ids(stale_resolutions(verdicts, config.resolutions), verdicts, config.resolutions)
    progress("judging topics", len(topics), len(topics))
    return Report(tuple(sources), tuple(claims), tuple(topics), tuple(verdicts), tuple(warnings),
                  tuple(witnesses), tuple(variants))
