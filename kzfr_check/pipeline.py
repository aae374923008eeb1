"""The library API: sources -> claims -> topics -> verdicts, in one call."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from importlib.resources import files
from pathlib import Path

from kzfr_check.claims import Claim, extract_claims
from kzfr_check.config import Config
from kzfr_check.errors import InputError
from kzfr_check.sources import DEFAULT_MAX_BYTES, Source, load_sources
from kzfr_check.topics import Topic, group_claims
from kzfr_check.values import KINDS
from kzfr_check.verdicts import STATUSES, Verdict, judge_all, stale_resolutions
from kzfr_check.witnesses import NameVariant, name_variants, witness_groups, witness_of


@dataclass(frozen=True)
class Report:
    """Everything one check found: what was read, what it claims, and the verdicts."""

    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    topics: tuple[Topic, ...]
    verdicts: tuple[Verdict, ...]
    warnings: tuple[str, ...] = ()  # stale resolutions: shown, and failing the gate under --strict
    witnesses: tuple[tuple[str, ...], ...] = ()  # sources that are one text reprinted or translated
    variants: tuple[NameVariant, ...] = ()  # names spelled differently across sources

    @property
    def summary(self) -> dict[str, int]:
        counts = {status: sum(v.status == status for v in self.verdicts) for status in STATUSES}
        return {"sources": len(self.sources), "claims": len(self.claims), "topics": len(self.verdicts),
                "agree": counts["agree"], "compatible": counts["compatible"], "conflict": counts["conflict"],
                "resolved": counts["resolved"], "changed": counts["changed"], "conflicts": counts["conflict"]}

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
    print(f"warning: {message}", file=sys.stderr)


def check(paths: Sequence[str | Path], config: Config | None = None,
          warn: Callable[[str], None] = warn_stderr, max_bytes: int = DEFAULT_MAX_BYTES) -> Report:
    """Read the sources, extract their claims, group them into topics and judge each topic."""
    config = config or Config()
    sources = load_sources(paths, warn=warn, max_bytes=max_bytes)
    claims = [claim for source in sources for claim in extract_claims(source)]
    topics = group_claims(claims, config.topics)
    # A resolution must name a declared topic or a discovered one. A discovered id (it starts with
    # its kind) that is gone now is stale, a warning; any other unknown name is a mistake in the file.
    known = {t.id for t in topics}
    for resolution in config.resolutions:
        if resolution.topic not in known and not resolution.topic.startswith(tuple(f"{k}-" for k in KINDS)):
            raise InputError(f"{resolution.origin}: resolution of unknown topic '{resolution.topic}'")
    dates = {s.id: str(s.date) if s.date else None for s in sources}
    witnesses = witness_groups(claims)
    verdicts = judge_all(topics, dates, config.resolutions, witness_of(claims, witnesses))
    warnings = stale_resolutions(verdicts, config.resolutions)
    return Report(tuple(sources), tuple(claims), tuple(topics), tuple(verdicts), tuple(warnings),
                  tuple(witnesses), tuple(name_variants(claims)))
