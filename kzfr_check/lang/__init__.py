"""What the language says, as data: kzfr_check/lang/<code>.toml. The engine reads keys, never words."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources


@cache
def _language(language: str) -> dict:
    return tomllib.loads(resources.files("kzfr_check.lang").joinpath(f"{language}.toml").read_text(encoding="utf-8"))


@cache
def concepts(language: str = "en") -> dict[str, str]:
    """Each word that names a measure -> the id of its concept ('fatalities' -> 'deaths')."""
    return {word: concept for concept, words in sorted(_language(language)["concepts"].items()) for word in words}


@cache
def measures(language: str = "en") -> dict[str, str]:
    """The words that name what a figure measures -> their concept: every concept but those naming an event."""
    events = set(_language(language)["events"])
    return {word: concept for word, concept in concepts(language).items() if concept not in events}


@cache
def cumulative(language: str = "en") -> frozenset[str]:
    """The concepts whose count only grows over time (a death toll): the later figure is not a contradiction."""
    return frozenset(_language(language)["cumulative"])


@cache
def running(language: str = "en") -> re.Pattern[str]:
    """What says a count is a running tally, stated as of its report's day: 'the toll stands at 812'."""
    phrases = sorted(_language(language)["running"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) + r")\b", re.I)


@cache
def stop_words(language: str = "en") -> frozenset[str]:
    """Words that say nothing about what a figure measures ('the', 'which', 'today')."""
    return frozenset(_language(language)["stop_words"].split())
