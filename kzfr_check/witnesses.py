"""Independent witnesses and name variants.

Two files that are one text reprinted or translated are one witness, not two: they state the same
figures in sentences that read alike, or, in two languages, in the same order. Names spelled differently
across sources (a transliteration, a typo) are worth a notice, never a conflict.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from kzfr_check.claims import Claim
from kzfr_check.topics import connected
from kzfr_check.words import stem

SHARED_VALUES = 0.5      # share of their figures two sources must state alike (Jaccard of kind+value)
MIN_SHARED = 4           # ...and at least this many
SENTENCE_LIKENESS = 60   # rapidfuzz token_sort_ratio of the sentences stating them, on average
PARALLEL_ORDER = 0.8     # across languages: share of the shared figures stated in the same order
COMMON_VALUE = 50        # a value stated by more sources than this cannot tell reprints apart
NAME_LIKENESS = 80       # rapidfuzz ratio of two spellings of one name
NAME_SUFFIXES = ("s", "es", "'s", "n", "an", "ian", "ese", "ish", "i", "ic", "ern", "stan", "ia", "ans")


def witness_groups(claims: Sequence[Claim]) -> list[tuple[str, ...]]:
    """Groups of two or more sources that are one witness, sorted; other sources stand alone."""
    stated: dict[str, dict[tuple[str, str], str]] = defaultdict(dict)  # in the order of the text
    spoken: dict[str, Counter[str]] = defaultdict(Counter)  # the languages of its claims' sentences
    for c in claims:
        stated[c.source].setdefault((c.kind, c.value.text), c.said)
        spoken[c.source][c.language] += 1
    language = {source: counts.most_common(1)[0][0] for source, counts in spoken.items()}  # most of its claims
    holders: Counter[tuple[str, str]] = Counter(value for values in stated.values() for value in values)
    # Two witnesses share most of their values, so each shares one of its rarest few with the other
    # (prefix filtering): only pairs that do are counted, never every pair that shares some value.
    telling = {source: sorted((v for v in values if holders[v] <= COMMON_VALUE), key=lambda v: (holders[v], v))
               for source, values in stated.items()}
    by_prefix: dict[tuple[str, str], list[str]] = defaultdict(list)
    for source, values in telling.items():
        needed = max(MIN_SHARED, math.ceil(SHARED_VALUES * len(stated[source])))
        for value in values[:max(0, len(values) - needed + 1)]:
            by_prefix[value].append(source)
    candidates = {(min(a, b), max(a, b)) for sources in by_prefix.values()
                  for i, a in enumerate(sources) for b in sources[i + 1:]}
    shared = {(a, b): len(set(telling[a]) & set(telling[b])) for a, b in candidates}
    links = []
    for (a, b), count in sorted(shared.items()):
        union = len(stated[a].keys() | stated[b].keys())
        if count < MIN_SHARED or count / union < SHARED_VALUES:
            continue
        common = stated[a].keys() & stated[b].keys()
        if language[a] != language[b]:
            if _parallel([v for v in stated[a] if v in common], [v for v in stated[b] if v in common]):
                links.append((a, b))  # a translation: its sentences cannot read alike, its figures run alike
            continue
        likeness = sum(fuzz.token_sort_ratio(stated[a][v], stated[b][v]) for v in common) / len(common)
        if likeness >= SENTENCE_LIKENESS:
            links.append((a, b))
    return sorted(tuple(group) for group in connected(sorted(stated), links) if len(group) > 1)


def _parallel(a: list[tuple[str, str]], b: list[tuple[str, str]]) -> bool:
    """Do two texts in two languages state their shared figures in the same order, as a translation does
    sentence by sentence? Most of them, in order (the longest run they share in order, by difflib)."""
    in_order = sum(block.size for block in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    return in_order >= PARALLEL_ORDER * len(a)


def witness_of(claims: Sequence[Claim], groups: Sequence[tuple[str, ...]]) -> dict[str, str]:
    """Each source's witness: the first source of its group, or itself."""
    of = {c.source: c.source for c in claims}
    for group in groups:
        for source in group:
            of[source] = group[0]
    return of


@dataclass(frozen=True)
class NameVariant:
    """One name spelled two ways, with a sentence of each spelling."""

    names: tuple[str, str]
    claims: tuple[Claim, Claim]


NAME = re.compile(r"\b([A-Z][a-z]{1,})\s+([A-Z][a-z]{3,})\b")
LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")


def name_variants(sentences: Sequence[Claim]) -> list[NameVariant]:
    """Names that follow the same first word ("Anna Kowalska" / "Anna Kowalskaa") in different
    sources but are spelled differently, and not as a plural or adjective of each other."""
    seen: dict[tuple[str, str], dict[str, Claim]] = defaultdict(dict)  # (first word, name) -> source -> claim
    read: set[tuple[str, str]] = set()  # each sentence of a source once, however many figures it states
    names_in: dict[str, list[tuple[str, str]]] = {}  # each sentence read once, however many sources print it
    for c in sentences:
        if (c.source, c.said) not in read:
            read.add((c.source, c.said))
            names = names_in.get(c.said)
            if names is None:
                names = names_in[c.said] = NAME.findall(c.said)  # its two groups: (first word, name)
            for name in names:
                seen[name].setdefault(c.source, c)
    # a capitalised common word ("President", "Presidency") is not a name: it also appears in lower case.
    # Each distinct word is stemmed once: a corpus says the same few thousand words over and over.
    common = {stem(w) for w in {w for said in names_in for w in LOWER_WORD.findall(said)}}
    by_first: dict[str, list[str]] = defaultdict(list)
    for first, name in sorted(seen):
        if stem(name.lower()) not in common:
            by_first[first].append(name)
    variants = []
    for first, names in sorted(by_first.items()):
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                short, long = sorted((a, b), key=len)
                if long.startswith(short) and long[len(short):].lower() in NAME_SUFFIXES:
                    continue
                if fuzz.ratio(a, b) < NAME_LIKENESS:
                    continue
                in_a, in_b = seen[(first, a)], seen[(first, b)]
                if set(in_a) == set(in_b):
                    continue
                ca = in_a[min(in_a)]
                cb = in_b[min(set(in_b) - {ca.source} or in_b)]
                variants.append(NameVariant((f"{first} {a}", f"{first} {b}"), (ca, cb)))
    return variants
