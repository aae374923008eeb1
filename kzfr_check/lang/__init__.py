"""What the language says, as data: kzfr_check/lang/<code>.toml. The engine reads keys, never words.

A language's file is read the first time a document in it is met: an English corpus reads en.toml alone."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from functools import cache
from importlib import resources

ENGLISH = "en"
_WORDS = re.compile(r"[^\W\d_]+")
_SAMPLE = 4000  # characters of a document read to tell its language: enough for a few hundred words
_ENGLISH_ENOUGH = 0.2  # share of English stop words above which a text is English without further ado
_PARAGRAPH_WORDS = 8  # words a paragraph needs to be told a language of its own: fewer are a name, a heading
_STAYS = 0.15  # share of its document's stop words at which a paragraph is in its document's language
_SWITCHES = 0.3  # share of another language's stop words (of the same script) at which a paragraph is in that one


@cache
def _language(language: str) -> dict:
    return tomllib.loads(resources.files("kzfr_check.lang").joinpath(f"{language}.toml").read_text(encoding="utf-8"))


@cache
def languages() -> tuple[str, ...]:
    """The codes of the languages there is a data file for, English first."""
    codes = sorted(entry.name.removesuffix(".toml") for entry in resources.files("kzfr_check.lang").iterdir()
                   if entry.name.endswith(".toml"))
    return (ENGLISH, *(code for code in codes if code != ENGLISH))


def data(language: str) -> dict:
    """A language's whole data file, for the engine that reads its grammar."""
    return _language(language)


@cache
def concepts(language: str = ENGLISH) -> dict[str, str]:
    """Each word that names a measure -> the id of its concept ('fatalities' -> 'deaths')."""
    return {word: concept for concept, words in sorted(_language(language)["concepts"].items()) for word in words}


def _by_start(table: dict[str, list[str]]) -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """A table of meanings -> words as lookups: words written whole, and words written as their start
    ('независим*'), longest first."""
    whole = {word: meaning for meaning, words in sorted(table.items()) for word in words if not word.endswith("*")}
    starts = sorted(((word[:-1], meaning) for meaning, words in sorted(table.items()) for word in words
                     if word.endswith("*")), key=lambda item: (-len(item[0]), item[0]))
    return whole, tuple(starts)


@cache
def _concept_lookup(language: str) -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    return _by_start(_language(language)["concepts"])


@cache
def _glossary_lookup(language: str) -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    return _by_start(_language(language).get("glossary", {}))


def _look_up(word: str, lookup: tuple[dict[str, str], tuple[tuple[str, str], ...]]) -> str | None:
    whole, starts = lookup
    return whole.get(word) or next((meaning for start, meaning in starts if word.startswith(start)), None)


@cache
def concept_of(word: str, language: str = ENGLISH) -> str | None:
    """The concept a lower-case word names in a language: a word listed whole, or one that starts as a word
    written with '*' does ('компаниями': 'компани*'), or None."""
    return _look_up(word, _concept_lookup(language))


@cache
def gloss(word: str, language: str) -> str | None:
    """The English word a word of another language means, from its glossary (general words that facts are
    stated with: 'независимости' -> 'independence'), so that sentences in two languages can be compared; None
    when the glossary does not have it. Never shown: quotes stay in their own language."""
    return _look_up(word, _glossary_lookup(language))


@cache
def measures(language: str = ENGLISH) -> dict[str, str]:
    """The words that name what a figure measures -> their concept: every concept but those naming an event."""
    events = set(_language(language)["events"])
    return {word: concept for word, concept in concepts(language).items() if concept not in events}


@cache
def narrower(concept: str) -> frozenset[str]:
    """The English nouns that name what a concept names, more narrowly ('people': 'spectators', 'workers'): a count
    of the concept may be a count of them."""
    return frozenset(_language(ENGLISH)["hypernyms"].get(concept, ()))


@cache
def of_any_subject(language: str = ENGLISH) -> frozenset[str]:
    """The concepts any document may tell of, whatever its subject: sharing one ties no documents together."""
    return frozenset(_language(language)["any_subject"])


@cache
def cumulative(language: str = ENGLISH) -> frozenset[str]:
    """The concepts whose count only grows over time (a death toll): the later figure is not a contradiction."""
    return frozenset(_language(language)["cumulative"])


@cache
def increments(language: str = ENGLISH) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What makes a figure a new instalment announced on its document's day ("an additional $1.5 million",
    "1,5 million de dollars supplémentaires"): a pattern for the text before a figure (the word, then at most three
    words of the figure's own), and one for the text after it."""
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in
                     sorted(_language(language)["increments"], key=len, reverse=True))
    return (re.compile(rf"(?<!\w)(?:{words})\s+(?:[^\s,;:]+\s+){{0,3}}\(?$", re.IGNORECASE),
            re.compile(rf"^\s*(?:{words})(?!\w)", re.IGNORECASE))


@cache
def stop_words(language: str = ENGLISH) -> frozenset[str]:
    """Words that say nothing about what a figure measures ('the', 'which', 'today')."""
    return frozenset(_language(language)["stop_words"].split())


def _script(word: str) -> str:
    return "cyrillic" if "\u0400" <= word[0] <= "\u04ff" else "latin"


def detect(text: str) -> str:
    """The language a text is written in, among those with a data file: the script of most of its words, then
    the language whose stop words it uses most. Cheap and deterministic; English text is told apart with the
    English data alone, so an English corpus never reads another language's file."""
    words = [w.lower() for w in _WORDS.findall(text[:_SAMPLE])]
    if not words:
        return ENGLISH
    english = stop_words(ENGLISH)
    if sum(w in english for w in words) >= _ENGLISH_ENOUGH * len(words):
        return ENGLISH
    script = Counter(_script(w) for w in words).most_common(1)[0][0]
    candidates = [code for code in languages() if _language(code)["script"] == script]
    if not candidates:
        return ENGLISH
    # (a letter alone is no evidence: the unit of "940 m" is no elided "m'")
    return max(candidates, key=lambda code: (sum(w in stop_words(code) and (len(w) > 1 or not w.isascii())
                                                 for w in words), code == ENGLISH))


def _share(words: list[str], language: str) -> float:
    """The share of the words that are the language's stop words."""
    stops = stop_words(language)
    return sum(w in stops for w in words) / len(words)


def paragraph_language(text: str, around: str) -> str:
    """The language of a paragraph of a document in `around`: that one, unless the paragraph is long enough to
    tell and is plainly in another (written in another script, or using another language's stop words where it
    hardly uses its document's): a Russian interview quoted in an English page."""
    words = [w.lower() for w in _WORDS.findall(text)]
    if len(words) < _PARAGRAPH_WORDS or _share(words, around) >= _STAYS:
        return around
    told = detect(text)
    if told == around:
        return around
    other_script = _language(told)["script"] != _language(around)["script"]
    return told if other_script or _share(words, told) >= _SWITCHES else around
