"""What the language says, as data: kzfr_check/lang/<code>.toml. The engine reads keys, never words."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources


@cache
def concepts(language: str = "en") -> dict[str, str]:
    """Each word that names a measure -> the id of its concept ('fatalities' -> 'deaths')."""
    text = resources.files("kzfr_check.lang").joinpath(f"{language}.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text)["concepts"]
    return {word: concept for concept, words in sorted(table.items()) for word in words}
