"""What the words of a sentence say, for comparing sentences: stems, and the concepts a language's data names
('fatalities', 'killed' -> '=deaths'), in English and in the other languages read."""

from __future__ import annotations

import re
from functools import lru_cache

from kzfr_check.lang import concept_of, concepts, gloss, stop_words
from kzfr_check.values import CARDINALS, MEASURES, MONTHS, ORDINALS, TIME_UNITS

# the grammar of ranks and measures: the words that say which of its dimensions a figure measures (qualifiers
# read them), not what it is of
MEASURE_GRAMMAR = frozenset(
    "rank ranks ranked ranking place placed position long high tall wide deep thick length height width depth "
    "measures measuring".split())
STOP_WORDS = stop_words() | MEASURE_GRAMMAR
# ... but a dimension that labels a figure is what the figure is: a table's "Width: 64 ft", "Height310 ft"
LABELLED_DIMENSION = re.compile(r"(?<![^\W\d_])(?:length|height|width|depth|thickness)(?=\s*:?\s*\d)", re.IGNORECASE)
# (letters glued after digits belong to the figure: "112nd", "10km", "5G")
WORD = re.compile(r"(?<!\d)[^\W\d_]{2,}")
# two words glued where a page's table lost the border between its cells: "Other dimensionsHeight"
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
MIN_STEM = 4  # letters of the shortest stem kept for a word of another language

# the words figures are written with, units too ('1.7 miles (2.7 km)', '3 cu. yds.', 'cubic yards'): they say how
# much, not what of; but for those of time, which also say when ('this year'), and a substance a unit names
# ('barrels of oil'). The zone of a time of day is one too, read in its capitals (TIME_ZONES: 'EST', not 'est.')
FIGURE_WORDS = frozenset([*(w for phrase in [*CARDINALS, *ORDINALS, *MONTHS] for w in phrase.split()),
                          *(word for name in MEASURES if " of " not in name
                            for word in re.findall(r"[^\W\d_]{2,}", name) if word not in TIME_UNITS)])


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    """Snowball's English stemmer: compiled (PyStemmer) when installed, as it is with this package, since
    the pure Python one takes longer to load and to run than the rest of a check of a few articles."""
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer().stemWord(word.lower())


@lru_cache(maxsize=65536)
def term(word: str) -> str:
    """What a lower-case word says, for comparing sentences: the concept it names ('fatalities', 'killed' ->
    '=deaths'), from the language's data, else its stem."""
    concept = concepts().get(word)
    return f"={concept}" if concept else stem(word)


@lru_cache(maxsize=8)
def foreign(language: str) -> tuple[frozenset[str], frozenset[str], object, dict[int, str]]:
    """A language's stop words, figure words, stemmer and the Latin spelling of its letters, read once."""
    import snowballstemmer

    from kzfr_check.grammar import figure_words
    from kzfr_check.lang import data

    spelling = str.maketrans(data(language)["grammar"]["transliteration"])
    return stop_words(language), figure_words(language), snowballstemmer.stemmer(data(language)["stemmer"]), spelling


def stops_and_figure_words(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """A language's stop words, and the words its figures are written with."""
    return (STOP_WORDS, FIGURE_WORDS) if language == "en" else foreign(language)[:2]


@lru_cache(maxsize=1)
def concepts_of_english() -> frozenset[str]:
    return frozenset(concepts().values())


@lru_cache(maxsize=65536)
def term_in(word: str, language: str) -> str:
    """What a lower-case word of a language says: the concept it names, shared by every language ('компаний',
    'entreprises', 'companies' -> '=companies'), else its stem in Latin letters, so that a name spelled in
    another script ('Тавере') meets its Latin spelling."""
    if language == "en":
        return term(word)
    concept = concept_of(word, language)
    if concept:
        # a concept English has is its id; any other is named by the English word it means ('обошёлся' ->
        # 'cost'), which meets that word in English sentences
        return f"={concept}" if concept in concepts_of_english() else term(concept)
    english = gloss(word, language)
    if english:
        return term(english)
    _, _, stemmer, spelling = foreign(language)
    stemmed = stemmer.stemWord(word)  # type: ignore[attr-defined]
    # a stem this short has lost what made the word (a name: 'Taver' -> 'tav'); the word says more
    return (stemmed if len(stemmed) >= MIN_STEM else word).translate(spelling)


def words_in(text: str, pattern: re.Pattern[str] = WORD) -> list[tuple[int, str]]:
    """(start, word) of each word of a text, in order, as `pattern` finds them, with words glued by a page's table
    taken apart: 'dimensionsHeight' is 'dimensions' and 'Height'."""
    if _GLUED.search(text) is None:  # (most texts: no word to look into)
        return [(m.start(), m.group(0)) for m in pattern.finditer(text)]
    found = []
    for m in pattern.finditer(text):
        word = m.group(0)
        if _GLUED.search(word) is None:
            found.append((m.start(), word))
            continue
        starts = [0, *(g.start() for g in _GLUED.finditer(word))]
        found.extend((m.start() + a, word[a:b]) for a, b in zip(starts, [*starts[1:], len(word)], strict=True)
                     if b - a > 1)
    return found


def content_stems(text: str, language: str = "en") -> list[str]:
    """The terms of a text's content words, in order (no stop words, no numbers)."""
    words = [w.lower() for _, w in words_in(text)] if _GLUED.search(text) else WORD.findall(text.lower())
    if language != "en":
        stops = foreign(language)[0]
        return [term_in(w, language) for w in words if w not in stops]
    labels = [term(m.group(0).lower()) for m in LABELLED_DIMENSION.finditer(text)]
    return [term(w) for w in words if w not in STOP_WORDS] + labels
