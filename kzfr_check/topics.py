"""Group claims from different sources that state the same fact.

Declared topics (claims.toml) come first: a claim joins the topic whose aliases best match its
sentence. The rest are discovered: what each claim says (its sentence without figures and stop
words, stemmed, weighted by rarity and by nearness to the figure) is compared with rapidfuzz-matched
stems, and claims of the same kind that say the same thing are merged, at most one per source.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import math
import pickle
import re
import zlib
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import combinations
from sys import intern
from typing import NamedTuple, TypeVar

from rapidfuzz import fuzz

from kzfr_check.claims import Claim, spans_apart
from kzfr_check.engine.sharing import HERE, Helpers, Tasks, bundled, nothing, shared
from kzfr_check.lang import narrower, of_any_subject
from kzfr_check.qualifiers import FUZZY_STEM, MEASURE_KINDS, READINGS, Qualifiers, set_apart
from kzfr_check.values import (
    CURRENCY_WORDS,
    DATE_KINDS,
    SCALES,
    TIME_ZONES,
    Value,
    _span,
    gap,
    in_brackets_after,
    on_the_calendar,
    relation,
)
from kzfr_check.words import (
    FIGURE_WORDS,
    LABELLED_DIMENSION,
    MIN_STEM,
    WORD,
    content_stems,
    foreign,
    stem,
    stops_and_figure_words,
    term,
    term_in,
    words_in,
)

RANK_CRITERION = re.compile(
    r"(?:[\s-]+[\w'-]+){0,3}?\s+(?:to\s+(?!(?:the|an?|its|their|his|her|our|this|that|these|those|be)\b)(?P<verb>[a-z]\w+)|in\s+terms\s+of\s+(?:the\s+)?"
    r"(?:(?:volume|number|amount|value|size|share)\s+of\s+)?(?P<what>\w+))")
_DIGITS = re.compile(r"\d+")
LINK_THRESHOLD = 0.25      # cosine of what two groups say above which they state the same fact
CONFLICT_THRESHOLD = 0.35  # the same, for groups whose values contradict each other
SAME_VALUE_THRESHOLD = 0.05  # the same, for groups that state one specific value ('948 mb' and '948 millibars')
BESIDE_BONUS = 0.15  # added to the likeness of two groups whose sentences state one specific value beside theirs
YEAR_PENALTY = 0.05        # per year beyond the first between two conflicting dates
DOUBLING_PENALTY = 0.15    # per doubling between two conflicting amounts
PUNCTUATION_DISTANCE = 1.5
ANAPHORA_DISTANCE = 6      # how far the words of the sentence a pronoun points back to count
DISTANCE_SCALE = 4         # a word this many words from the figure weighs half as much as its neighbour
SINGLE_SOURCE_WEIGHT = 0.25
HEAD_BOOST = 2.0           # the noun right after the figure says what it measures
PLACE_BOOST = HEAD_BOOST ** 0.5  # the place a distance is from: '9 miles off Varn Head'
LABEL_BOOST = 3.0          # the label of a figure in a list: 'Orvenian 22.1%,'
MAX_ALIAS_WORDS = 4
SUBSTANCE_KINDS = frozenset({"mass", "volume"})  # amounts of a stuff, named after "of"
MAX_BUCKET = 400
VAGUE_DATE = 5 * 365.25  # days: a date this vague (a decade, a century) contradicts no year or day
SAME_VALUE_BUCKET = 8      # a specific value stated in more shapes than this singles out no fact (the day of a
                           # page's main event is stated in several shapes by each of its sources)
NEIGHBOURS = 8             # most similar shapes kept per shape
PAIRS_SHARED = 500_000     # candidate pairs of shapes from which helpers check them too (about 5 s of checking):
                           # below, sending them costs more than it saves
SHAPE_CHAIN = 3            # open groups a statement may join among those of its shape
STRONGEST = 4              # stems of each claim indexed to find candidate pairs
ALIAS_MATCH = 0.999        # share of an alias's stems a sentence must hold to match it


@dataclass(frozen=True)
class TopicSpec:
    """A topic declared in claims.toml."""

    id: str
    label: str
    aliases: tuple[str, ...]
    kind: str | None = None


@dataclass(frozen=True)
class Topic:
    """Claims from several sources that state the same fact."""

    id: str
    label: str
    kind: str
    claims: tuple[Claim, ...]
    declared: bool = False
    aliases: tuple[str, ...] = ()

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({c.source for c in self.claims}))


# ------------------------------------------------------------------ declared topics


def _alias_score(alias_stems: Sequence[str], said_stems: Sequence[str]) -> float:
    """Share of the alias's stems found (fuzzily) among the sentence's stems."""
    if not alias_stems:
        return 0.0
    have = set(said_stems)
    hits = sum(1 for a in alias_stems if a in have or any(_same_word(a, s) for s in have))
    return hits / len(alias_stems)


def _same_word(a: str, b: str) -> bool:
    return len(a) >= 5 and len(b) >= 5 and a[:3] == b[:3] and fuzz.ratio(a, b) >= FUZZY_STEM


def assign_declared(claims: Sequence[Claim], specs: Sequence[TopicSpec]) -> dict[int, str]:
    """Index of claim -> declared topic id, for claims whose sentence holds a whole alias. Decided
    once per sentence and kind: the claims of one sentence, or of a reprinted one, share it."""
    if not specs:
        return {}
    alias_stems = [(spec, [content_stems(a) for a in spec.aliases]) for spec in specs]
    decided: dict[tuple[str, str], str | None] = {}
    chosen: dict[int, str] = {}
    for i, claim in enumerate(claims):
        key = (claim.said, claim.kind)
        if key not in decided:
            decided[key] = _best_declared(content_stems(claim.said), claim.kind, alias_stems)
        if decided[key] is not None:
            chosen[i] = decided[key]  # type: ignore[assignment]
    return chosen


def _best_declared(said: list[str], kind: str, alias_stems: list[tuple[TopicSpec, list[list[str]]]]) -> str | None:
    """The declared topic whose alias a sentence holds best (the longest alias; on a tie the first topic)."""
    best: tuple[float, int, str] | None = None
    for order, (spec, aliases) in enumerate(alias_stems):
        if spec.kind and spec.kind != kind:
            continue
        score = max((_alias_score(a, said) + len(a) / 100 for a in aliases
                     if _alias_score(a, said) >= ALIAS_MATCH), default=0.0)
        if score and (best is None or (score, -order) > (best[0], -best[1])):
            best = (score, order, spec.id)
    return best[2] if best else None


def declared_topics(claims: Sequence[Claim], specs: Sequence[TopicSpec]) -> tuple[list[Topic], set[int]]:
    """Topics of claims.toml with the claims they hold; a topic without a kind keeps the kind most
    of its sources state, since different kinds never group."""
    chosen = assign_declared(claims, specs)
    topics = []
    for spec in specs:
        members = [i for i, tid in chosen.items() if tid == spec.id]
        kind = spec.kind
        if kind is None and members:
            sources_by_kind = Counter()
            for k, group in _group_by(members, lambda i: claims[i].kind).items():
                sources_by_kind[k] = len({claims[i].source for i in group})
            kind = min(sources_by_kind, key=lambda k: (-sources_by_kind[k], k))
        members = _nearest_per_source([i for i in members if claims[i].kind == kind], claims, spec)
        for i in set(chosen) - set(members):
            if chosen[i] == spec.id:
                del chosen[i]
        topics.append(Topic(spec.id, spec.label, kind or "", tuple(claims[i] for i in sorted(members)),
                            declared=True, aliases=spec.aliases))
    return topics, set(chosen)


def _nearest_per_source(members: list[int], claims: Sequence[Claim], spec: TopicSpec) -> list[int]:
    """One claim per source: the one whose figure sits nearest the words of the topic's aliases
    (a sentence may hold the alias and several figures, of which one states the fact)."""
    alias_stems = {s for alias in spec.aliases for s in content_stems(alias)}

    def closeness(i: int) -> float:
        return sum(weight for s, _, weight in _context(claims[i])
                   if s in alias_stems or any(_same_word(s, a) for a in alias_stems))

    best: dict[str, int] = {}
    for i in members:
        source = claims[i].source
        if source not in best or closeness(i) > closeness(best[source]):
            best[source] = i
    return sorted(best.values())


def _group_by(items: Iterable[int], key) -> dict[str, list[int]]:  # type: ignore[no-untyped-def]
    groups: dict[str, list[int]] = defaultdict(list)
    for item in items:
        groups[key(item)].append(item)
    return groups


# ------------------------------------------------------------------ discovered topics


@dataclass(frozen=True)
class _Said:
    """What a claim says, as weighted stems, for comparing claims."""

    weights: dict[str, float]
    norm: float
    words: dict[str, str]  # stem -> a surface word, for readable labels (_NO_LABELS unless asked for)
    example: Claim | None = None  # the shape's first claim, whose words (_context) name a topic that holds it


_NO_LABELS: dict[str, str] = {}  # the words of every vector made without labels (never written to)


_TOKEN = re.compile(rf"{WORD.pattern}|[,;:()]")  # a word, or punctuation that sets words apart


def _context(claim: Claim) -> tuple[tuple[str, str, float], ...]:
    """(stem, surface word, weight) for the content words of a claim's sentence: words near the
    figure weigh more, and most of all the noun the figure directly qualifies ('five largest
    *suppliers*', 'two public *schools*'). Claims of one shape have one context (read from its _Said's example)."""
    fig_start, fig_end = claim.figure_in_quote
    language = claim.language
    stops, figure_words = stops_and_figure_words(language)
    tokens = words_in(claim.said, _TOKEN)
    labels = {m.start() for m in LABELLED_DIMENSION.finditer(claim.said)} if language == "en" else set()
    before = [(w, s in labels) for s, w in tokens if s < fig_start]
    after = [(w, s in labels) for s, w in tokens if s >= fig_end]
    words: list[tuple[str, str, float]] = []
    label: int | None = None  # where the figure's label is among the words: 'Orvenian 22.1%,'
    dimension_first = False  # the word nearest before the figure is the dimension that labels it: 'Height: 310 ft'
    # a distance from a place is told by the place too: 'the still waters 9 miles off *Varn* Head'
    placed = {w.lower() for k, v in claim.qualifiers if k == "from" for w in v.split()}
    # distance counts content words and punctuation only: function words do not separate meaning
    for side, seq in (("before", before[::-1]), ("after", after)):
        distance = 0.0
        head_run = side == "after"
        run: list[int] = []
        of_what = side == "after" and claim.kind in SUBSTANCE_KINDS
        for at, (w, labelling) in enumerate(seq):
            low = w.lower()
            if of_what and at == 0 and low == "of":  # what an amount is of heads it: '500 tons of *TNT*'
                continue
            if w in ",;:()" or (low in stops and not labelling) or low in figure_words or w in TIME_ZONES:
                head_run = False
                distance += PUNCTUATION_DISTANCE if w in ",;:()" else 0
                continue
            distance += 1
            if side == "before" and label is None and claim.counted and claim.kind != "count" \
                    and term_in(low, language) == term_in(claim.counted, language):
                label = len(words)
            if head_run and claim.kind == "count" and low == claim.counted:
                # what a count counts must match anyway (_may_group): it gets no extra weight
                head_run = False
                run.clear()
            if head_run:
                run.append(len(words))
            if not words:
                dimension_first = labelling
            words.append((intern(term_in(low, language)), intern(low), 1 / (1 + distance / DISTANCE_SCALE)))
        if run:
            head = run[-1]
            criterion = RANK_CRITERION.match(claim.said[fig_end:]) if claim.kind == "rank" else None
            if criterion:  # 'the first country to *recognise*', 'fourth in terms of *investments*'
                word = (criterion["verb"] or criterion["what"]).lower()
                head = next((i for i in range(len(words)) if words[i][1] == word), head)
            s_, surface, weight = words[head]
            words[head] = (s_, surface, weight * HEAD_BOOST)
        elif side == "before" and words and claim.kind in MEASURE_KINDS:
            # a measure's subject comes before it: 'the main *span*, 4,200 feet long', 'Rope *wire* length: 12 mi'
            at = 1 if dimension_first and len(words) > 1 else 0
            s_, surface, weight = words[at]
            words[at] = (s_, surface, weight * HEAD_BOOST)
        elif side == "after" and label is not None:
            # the label of a figure in a list ('Tavish 61.5%, Orvenian 22.1%'): the only word that tells its
            # figures apart
            s_, surface, weight = words[label]
            words[label] = (s_, surface, weight * LABEL_BOOST)
    if placed:  # (as much as the subject before it: 'a million miles from Earth' is said 'from home' too)
        words = [(s_, surface, weight * PLACE_BOOST if surface in placed else weight) for s_, surface, weight in words]
    # a pronoun's referent, from the sentence before, weighs as a word some way off
    for w in WORD.findall(claim.said_before):
        low = w.lower()
        if low not in stops and low not in figure_words:
            words.append((intern(term_in(low, language)), intern(low), 1 / (1 + ANAPHORA_DISTANCE / DISTANCE_SCALE)))
    return tuple(words)


COGNATE_PREFIX = 6  # letters a stem of another language shares with one word's stem to be that word
SHORT_COGNATE = 2  # letters an English stem may have beyond a shorter stem of another language it begins with


def _cognates(canon: dict[str, str], foreign: frozenset[str]) -> dict[str, str]:
    """Stems found only in other languages that begin as a word does ('ekonomichesk', 'econom'; 'investitsi',
    'invest') are that word: words borrowed across languages keep their first letters, and a name keeps
    them once spelled in Latin letters. English stems are never merged with each other this way."""
    by_prefix: dict[str, list[str]] = defaultdict(list)
    for s in sorted({rep for rep in canon.values() if len(rep) >= COGNATE_PREFIX}):
        by_prefix[s[:COGNATE_PREFIX]].append(s)
    merged = {}
    for group in by_prefix.values():
        native = [s for s in group if s not in foreign]
        if native and len(group) > 1:
            merged.update({s: native[0] for s in group if s in foreign})
    # a name whose stem lost its ending in another language ('Острия' -> 'ostr', 'Тавера' -> 'taver') is the one
    # English word that begins with it and is little longer ('ostria', 'tavera')
    english = {canon[s] for s in canon if s not in foreign}
    natives = sorted(english)
    for rep in sorted({rep for rep in canon.values() if rep not in english and MIN_STEM <= len(rep) < COGNATE_PREFIX}):
        longer = []
        for at in range(bisect_left(natives, rep), len(natives)):
            if not natives[at].startswith(rep):
                break
            if len(natives[at]) - len(rep) <= SHORT_COGNATE:
                longer.append(natives[at])
        if len(longer) == 1:
            merged[rep] = longer[0]
    return {s: merged.get(rep, rep) for s, rep in canon.items()}


def _canonical_stems(vocabulary: Iterable[str]) -> dict[str, str]:
    """Map each stem to one representative of the stems rapidfuzz finds to be the same word."""
    by_prefix: dict[str, list[str]] = defaultdict(list)
    for s in sorted(set(vocabulary)):
        by_prefix[s[:3]].append(s)
    canon: dict[str, str] = {}
    for group in by_prefix.values():
        for s in group:
            if s in canon:
                continue
            canon[s] = s
            for t in group:
                if t not in canon and _same_word(s, t):
                    canon[t] = s
    return canon


@lru_cache(maxsize=65536)
def _masked(text: str) -> str:
    """A text with its digits masked, worked out once for the texts a corpus says again and again (a bounded
    cache: remembering every sentence of a large corpus would cost more memory than masking it costs time)."""
    return _DIGITS.sub("#", text)


class _Shape(NamedTuple):
    """What a claim says with its digits masked. Claims of one shape have the same words around their
    figure (a sentence reprinted with other figures, a template filled in), so they say the same
    thing and one vector serves them all."""

    key: str  # the value's group_key
    counted: str
    before: str
    after: str
    said_before: str
    qualifiers: Qualifiers  # (Claim.qualifiers, kept with its shape)


def _shape(claim: Claim) -> _Shape:
    start, end = claim.figure_in_quote
    return _Shape(claim.value.group_key, claim.counted, _masked(claim.said[:start]), _masked(claim.said[end:]),
                  _masked(claim.said_before), claim.qualifiers)


class _Counts:
    """How rare words are among some sentences: how many sentences there are, how many of them hold each
    word, and which words more than one source uses (kept as each word's first source: a big corpus has
    millions of pairs of a source and a word)."""

    def __init__(self) -> None:
        self.sentences = 0
        self.holding: Counter[str] = Counter()
        self._first_source: dict[str, str] = {}
        self.several: set[str] = set()  # the words more than one source uses

    def add(self, stems: frozenset[str], source: str) -> None:
        self.sentences += 1
        self.holding.update(stems)
        for s in stems:
            self._used(s, source)

    def merge(self, other: _Counts) -> None:
        """Another's sentences counted here too (sentences of their own: each sentence is counted in one bucket)."""
        self.sentences += other.sentences
        self.holding.update(other.holding)
        self.several |= other.several
        for s, source in other._first_source.items():
            self._used(s, source)

    def _used(self, s: str, source: str) -> None:
        if self._first_source.setdefault(s, source) != source:
            self.several.add(s)


_CAPITALISED = re.compile("(?<![^\\W\\d_])[{}][{}][^\\W\\d_]*".format(  # 'Orvel', 'Тавер', in the scripts read
    *("".join(c for c in map(chr, range(0x530)) if test(c)) for test in (str.isupper, str.islower))))
_OPENING = " \t\n\"'«“‘(["  # what may stand between the end of a sentence and the word that opens the next


def _names(said: str, language: str) -> frozenset[str]:
    """The terms of the names a sentence says: its capitalised words but one that opens it or a sentence inside
    it ('The', «Тавер» when it opens), and codes such as 'EUR'."""
    names = []
    for m in _CAPITALISED.finditer(said):
        before = said[:m.start()].rstrip(_OPENING)
        if before and not before.endswith((".", "!", "?")):
            names.append(term_in(m.group(0).lower(), language))
    return frozenset(names)


@lru_cache(maxsize=8)
def _figure_terms(language: str) -> frozenset[str]:
    """The terms of the words that write figures ('million', 'March', 'euros', 'млн') and of the concepts of any
    subject ('=began'): any document repeats them, whatever its subject."""
    words = foreign(language)[1] if language != "en" else FIGURE_WORDS | {*SCALES, *CURRENCY_WORDS}
    return frozenset([*(term_in(w.lower(), language) for phrase in words for w in WORD.findall(phrase)),
                      *(f"={concept}" for concept in of_any_subject(language))])


class _Subjects:
    """The sources, grouped by subject: two share one when both name one thing ('Orvel'), both repeat one word
    (say it in two sentences or more: 'bridge') other than a word of figures, or both measure one concept of
    the language ('=trade': a page of one sentence may name nothing and repeat nothing). How rare a word is, is
    counted within a subject, so that documents on another subject (a recipe beside reports on a cyclone)
    change no verdict of these. Told one source at a time, it keeps only each word's first source and the
    pairs of sources it links."""

    def __init__(self, figure_terms: frozenset[str]) -> None:
        self.figure_terms = figure_terms
        self.sources: list[str] = []
        self._first_with: dict[tuple[str, bool], str] = {}
        self._links: set[tuple[str, str]] = set()

    def add(self, source: str, sentences: Iterable[tuple[frozenset[str], frozenset[str]]]) -> None:
        """A source and the stems and names of each of its distinct sentences."""
        said: Counter[str] = Counter()
        named: set[str] = set()
        for stems, names in sentences:
            said.update(stems)
            named.update(names)
        self.sources.append(source)
        shared = [(s, False) for s, times in said.items() if (times > 1 or s.startswith("=")) and s not in
                  self.figure_terms]
        for key in [*shared, *((name, True) for name in named)]:
            self._link(key, source)

    def groups(self) -> list[list[str]]:
        return connected(sorted(self.sources), self._links)

    def merge(self, other: _Subjects) -> None:
        """The sources another was told, linked as if this one had been told them too."""
        self.sources += other.sources
        self._links |= other._links
        for key, source in other._first_with.items():
            self._link(key, source)

    def _link(self, key: tuple[str, bool], source: str) -> None:
        """A source that names or repeats key, linked to the first that does."""
        first = self._first_with.setdefault(key, source)
        if first != source:
            self._links.add((first, source))


# A sentence is counted in one of this many buckets, by a hash of its text that every process computes alike:
# each bucket is a reduce of its own, on a cluster a task.
SENTENCE_BUCKETS = 16

_Bucket = dict[str, tuple[frozenset[str], list[str]]]  # sentence -> its stems, and its sources in order


class _SentenceWords(NamedTuple):
    """What a map over some sources gives: their subjects' links, and their sentences' stems by bucket."""

    subjects: _Subjects
    buckets: list[_Bucket]


def _source_sentences(claims: Sequence[Claim]) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each source, in order, with its distinct sentences, each in the language of its first claim."""
    said_by: dict[str, dict[str, str]] = defaultdict(dict)
    for c in claims:
        said_by[c.source].setdefault(c.said, c.language)
    return [(source, list(said_by[source].items())) for source in sorted(said_by)]


def _sentence_words(sources: Sequence[tuple[str, Sequence[tuple[str, str]]]], canon: dict[str, str],
                    figure_terms: frozenset[str]) -> _SentenceWords:
    """The map of word statistics over some sources, in order: each sentence's stems and names (digits do not
    change them), each source linked to a subject by them, and the sentences put in their buckets."""
    subjects = _Subjects(figure_terms)
    buckets: list[_Bucket] = [{} for _ in range(SENTENCE_BUCKETS)]
    words_of: dict[tuple[str, str], tuple[frozenset[str], frozenset[str]]] = {}
    for source, sentences in sources:
        words = []
        for said, language in sentences:
            masked = _masked(said)
            if (masked, language) not in words_of:
                words_of[(masked, language)] = (frozenset(canon.get(s, s) for s in content_stems(said, language)),
                                                frozenset(canon.get(s, s) for s in _names(masked, language)))
            stems, names = words_of[(masked, language)]
            words.append((stems, names))
            bucket = buckets[zlib.crc32(said.encode()) % SENTENCE_BUCKETS]
            if said in bucket:
                bucket[said][1].append(source)
            else:
                bucket[said] = (stems, [source])
        subjects.add(source, words)
    _masked.cache_clear()  # (this corpus's texts)
    return _SentenceWords(subjects, buckets)


class _Rarity(NamedTuple):
    """How rare words are within each subject, across all subjects, and for each source on no subject (which
    counts its words among those of all the others and its own)."""

    within: list[_Counts]
    any_subject: _Counts
    own: dict[str, _Counts]

    @staticmethod
    def of(subjects: int, parts: Iterable[_Rarity]) -> _Rarity:
        """The counts of the buckets, together. With one subject, it is any subject's."""
        within = [_Counts() for _ in range(subjects)]
        merged = _Rarity(within, within[0] if subjects == 1 else _Counts(), defaultdict(_Counts))
        for part in parts:
            for counts, more in zip(merged.within, part.within, strict=True):
                counts.merge(more)
            if subjects > 1:
                merged.any_subject.merge(part.any_subject)
            for source, more in part.own.items():
                merged.own[source].merge(more)
        return merged


def _word_statistics(claims: Sequence[Claim], canon: dict[str, str], figure_terms: frozenset[str],
                     tasks: Tasks) -> tuple[list[list[str]], _Rarity]:
    """The sources grouped by subject, and how rare words are within each: a map over parts of the sources, then a
    reduce of each bucket of sentences, as tasks (on a cluster, this process holds no map of every sentence).
    The subjects' links are merged two parts at a time."""
    sources = _source_sentences(claims)
    if not sources:
        return [[]], _Rarity.of(1, [])
    size = -(-len(sources) // (4 * tasks.width))
    given = tasks.submit(_given, canon)
    maps = [tasks.submit(_sentence_words_pickled, pickle.dumps(sources[at:at + size], pickle.HIGHEST_PROTOCOL),
                         given, figure_terms) for at in range(0, len(sources), size)]
    del sources
    linked = [tasks.submit(_subjects_of, words) for words in maps]
    while len(linked) > 1:
        linked = [tasks.submit(_merged_subjects, *linked[at:at + 2]) for at in range(0, len(linked), 2)]
    subjects = [group for group in tasks.result(linked[0]).groups() if len(group) > 1] \
        or [sorted({c.source for c in claims})]
    subject_of = tasks.submit(_given, {source: n for n, group in enumerate(subjects) for source in group})
    counts = [tasks.submit(_sentence_counts, subject_of, len(subjects),
                           *(tasks.submit(_bucket_of, words, bucket) for words in maps))
              for bucket in range(SENTENCE_BUCKETS)]
    del maps
    return subjects, _Rarity.of(len(subjects), map(tasks.result, counts))


def _given(value: T) -> T:
    return value


def _sentence_words_pickled(sources: bytes, canon: dict[str, str], figure_terms: frozenset[str]) -> _SentenceWords:
    """_sentence_words of sources sent pickled: a cluster's scheduler keeps a task's arguments, as one string of
    bytes rather than a million strings (kzfr_check.engine.sharing.work_pickled)."""
    return _sentence_words(pickle.loads(sources), canon, figure_terms)


def _subjects_of(words: _SentenceWords) -> _Subjects:
    return words.subjects


def _merged_subjects(first: _Subjects, second: _Subjects | None = None) -> _Subjects:
    """Two maps' subjects as one (a copy: a task's results must stay as they were made)."""
    merged = _Subjects(first.figure_terms)
    merged.merge(first)
    if second is not None:
        merged.merge(second)
    return merged


def _bucket_of(words: _SentenceWords, bucket: int) -> _Bucket:
    return words.buckets[bucket]


def _sentence_counts(subject_of: dict[str, int], subjects: int, *parts: _Bucket) -> _Rarity:
    """The reduce of one bucket of sentences, from the maps' parts of it: each sentence counts once, for the first
    source that says it within each subject (and within all of them); a sentence no source on a subject says
    counts for each of its sources alone."""
    said: _Bucket = {}  # (the parts come in the order of their sources: the stems kept are the first source's)
    for part in parts:
        for sentence, (stems, sources) in part.items():
            if sentence not in said:
                said[sentence] = (stems, list(sources))
            else:
                said[sentence][1].extend(sources)
    rarity = _Rarity([_Counts() for _ in range(subjects)], _Counts(), defaultdict(_Counts))
    for stems, sources in said.values():
        first_on: dict[int, str] = {}  # subject -> the first of its sources that says the sentence
        for source in sources:
            if source in subject_of:
                first_on.setdefault(subject_of[source], source)
        for subject, source in first_on.items():
            rarity.within[subject].add(stems, source)
        if first_on and subjects > 1:
            rarity.any_subject.add(stems, min(first_on.values()))
        if not first_on:
            for source in sources:
                rarity.own[source].add(stems, source)
    return rarity


def _shape_vectors(claims: Sequence[Claim], tasks: Tasks = HERE, labels: bool = False) \
        -> tuple[list[_Shape], dict[_Shape, _Said]]:
    """The shape of each claim, and what each shape says: its weighted stems, computed once per shape. `tasks`:
    where the word statistics run; `labels`: each vector's surface words too (suggested aliases read them, grouping
    does not: a corpus worded apart has hundreds of thousands of shapes)."""
    canonical: dict[_Shape, _Shape] = {}
    shapes = [canonical.setdefault(shape, shape) for shape in map(_shape, claims)]  # each kept once
    example: dict[_Shape, Claim] = {}
    for shape, claim in zip(shapes, claims, strict=True):
        example.setdefault(shape, claim)
    contexts = {shape: _context(claim) for shape, claim in example.items()}
    canon = _canonical_stems(s for ctx in contexts.values() for s, _, _ in ctx)
    english = {s for shape, ctx in contexts.items() if example[shape].language == "en" for s, _, _ in ctx}
    foreign = frozenset(s for shape, ctx in contexts.items() if example[shape].language != "en"
                        for s, _, _ in ctx if s not in english)
    if foreign:
        canon = _cognates(canon, foreign)
    figure_terms = frozenset(canon.get(t, t) for language in sorted({c.language for c in claims})
                             for t in _figure_terms(language))
    # Rarity is counted over distinct sentences, so that a word repeated by several claims of one
    # sentence, or by a verbatim copy of a source, counts once: a map over the sources, then a reduce for each
    # bucket of sentences.
    subjects, rarity = _word_statistics(claims, canon, figure_terms, tasks)
    subject_of = {source: n for n, group in enumerate(subjects) for source in group}
    within, any_subject, own = rarity.within, rarity.any_subject, rarity.own
    # for each shape, the first subject of its sources, or its first source when none has a subject
    subject_of_shape: dict[_Shape, int] = {}
    source_of_shape: dict[_Shape, str] = {}
    for shape, c in zip(shapes, claims, strict=True):
        if c.source in subject_of:
            subject_of_shape[shape] = min(subject_of[c.source], subject_of_shape.get(shape, len(subjects)))
        elif shape not in source_of_shape or c.source < source_of_shape[shape]:
            source_of_shape[shape] = c.source
    vectors = {}
    for shape, ctx in contexts.items():
        weights: dict[str, float] = {}
        words: dict[str, str] = {} if labels else _NO_LABELS
        on = subject_of_shape.get(shape)
        alone = None if on is not None else own[source_of_shape[shape]]
        shared = any_subject if on is None else within[on]
        n = shared.sentences + (alone.sentences if alone else 0)
        for s, surface, nearness in ctx:
            key = canon[s]
            idf = math.log((n + 1) / (shared.holding[key] + (alone.holding[key] if alone else 0) + 0.5))
            # a word only one source uses cannot show that two sources say the same thing; but the words of a
            # source on a subject of its own say what sets it apart
            w = idf * nearness * (1.0 if alone or key in shared.several else SINGLE_SOURCE_WEIGHT)
            if w > weights.get(key, 0.0):
                weights[key] = w
                if labels:
                    words.setdefault(key, surface)
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors[shape] = _Said(weights, norm, words, example[shape])
    _masked.cache_clear()  # (this corpus's texts)
    return shapes, vectors


def _said_vectors(claims: Sequence[Claim]) -> list[_Said]:
    shapes, vectors = _shape_vectors(claims, labels=True)
    return [vectors[shape] for shape in shapes]


def _rank_predicate(claim: Claim) -> str:
    """What a 'first ... to VERB' ranking is about: the verb ('the first country to *recognise*')."""
    fig_end = claim.figure_in_quote[1]
    m = RANK_CRITERION.match(claim.said[fig_end:])
    return stem(m["verb"]) if m and m["verb"] else ""


@lru_cache(maxsize=65536)
def _same_thing(a: str, b: str) -> bool:
    """Do two nouns (or verbs) name one thing counted or measured: one word, one stem, or one concept of the
    language's data ('structures', 'buildings')?"""
    concept = term(a)
    if concept[0] == "=" and concept == term(b):
        return True
    other = term(b)
    if (concept[0] == "=" and b in narrower(concept[1:])) or (other[0] == "=" and a in narrower(other[1:])):
        return True  # '88,966 people', '88,966 spectators'
    a, b = stem(a), stem(b)
    return a == b or _same_word(a, b)


# what a count that names no noun counts, by the verb it is the subject of ("31 have been identified", "relatives
# of 35 have been notified"): people of one role are not those of another
_ROLE_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+){0,3}?(?:have|has|had|were|was|are|is|remain|remained|remains)\s+(?:been\s+|now\s+|still\s+)*"
    r"(?P<role>identified|notified|rescued|recovered|found|hospitali[sz]ed|evacuated|displaced|missing|unaccounted|"
    r"accounted|injured|wounded|hurt|dead|killed|arrested|detained|released|safe|alive)\b")


@lru_cache(maxsize=65536)
def _frame_span(as_of: str) -> tuple[int, int] | None:
    """The first and last day of the period a figure is stated for ('2022', '2022-01/2022-09', '2023-02-10/16')."""
    first, _, last = as_of.partition("/")
    last = last or first
    if len(last) < len(first):  # '2023-02-10/16': the last day in the first's month
        last = first[:len(first) - len(last)] + last
    try:
        ends = [_span(*(parts + [None] * (3 - len(parts))))  # type: ignore[arg-type]
                for parts in ([int(x) for x in text.split("-")] for text in (first, last))]
    except (ValueError, TypeError):
        return None
    return int(ends[0][0]), int(ends[1][1])


class _Frames(NamedTuple):
    """The periods a group's figures are stated for, as much as tells groups apart (see `apart`): the spans
    longer than a day, and whether a running total (of what only grows) or what was added over a span is among
    them, or any figure stated as of a day or over a span at all."""

    years: frozenset[int] = frozenset()  # whole years
    parts: frozenset[tuple[int, int]] = frozenset()  # other spans longer than a day, as first and last day
    added_cumulative: bool = False
    added: bool = False
    total_cumulative: bool = False
    total: bool = False

    @staticmethod
    @lru_cache(maxsize=65536)
    def of(as_of: str | None, cumulative: bool) -> _Frames:
        span = _frame_span(as_of) if as_of and not as_of.endswith("..") else None
        if span is None:
            return _NO_FRAMES
        # a running total is stated as of a day or a month (its report's); what was added, for a range or a year
        added = "/" in as_of or len(as_of) == 4  # type: ignore[operator]
        year = frozenset({int(as_of)}) if len(as_of) == 4 else frozenset()  # type: ignore[arg-type]
        part = frozenset({span}) if span[1] > span[0] and not year else frozenset()
        return _Frames(year, part, added and cumulative, added, not added and cumulative, not added)

    def join(self, other: _Frames) -> _Frames:
        if other is _NO_FRAMES or other == self:
            return self
        return _Frames(self.years | other.years, self.parts | other.parts,
                       *(x or y for x, y in zip(self[2:], other[2:], strict=True)))

    def apart(self, other: _Frames) -> bool:
        """Do the periods of two groups' figures make them different measures? A part of a period is not the
        whole ('January-September 2022' / '2022'), and a running total as of a day is not what was added over
        a span ('11,482 cases' as of 16 February / '3,940 cases between 24 February and 1 March')."""
        if self is _NO_FRAMES or other is _NO_FRAMES:
            return False
        if (self.added_cumulative and other.total) or (self.added and other.total_cumulative) or (
                self.total_cumulative and other.added) or (self.total and other.added_cumulative):
            return True
        # (two whole years never nest: only a part of a year can, and parts are few)
        return _nested(self.parts, other.parts, other.years) or _nested(other.parts, self.parts, self.years)


_NO_FRAMES = _Frames()


def _nested(parts: frozenset[tuple[int, int]], others: frozenset[tuple[int, int]], years: frozenset[int]) -> bool:
    """Does one of `parts` lie within another span, or within one of `years`, or hold another span?"""
    for p in parts:
        year = dt.date.fromordinal(p[0]).year
        if year in years and dt.date.fromordinal(p[1]).year == year:
            return True
        if any(p != q and (p[0] <= q[0] and q[1] <= p[1] or q[0] <= p[0] and p[1] <= q[1]) for q in others):
            return True
    return False


def _may_share_subject(a: Claim, b: Claim) -> bool:
    """Claims of one kind that count the same thing (counts: the noun counted, else the role their verb gives
    them; 'first ... to VERB' ranks: the verb) may state the same fact; this depends on their words only, not their
    values."""
    if a.value.group_key != b.value.group_key:
        return False
    if set_apart(a.qualifiers, b.qualifiers):
        return False
    if a.kind == "count" and (a.counted and b.counted):
        return _same_thing(a.counted, b.counted)
    if a.kind == "count":
        # a count that names no noun is named by the role its verb gives it ('31 have been identified'): people
        # identified are neither those whose families were notified nor the dead of a toll
        what = [c.counted or _role(c.said, c.figure_in_quote[1], c.language) for c in (a, b)]
        if what[0] and what[1]:
            return term(what[0]) == term(what[1]) or _same_thing(what[0], what[1])
    if a.counted and b.counted:  # figures named by a word before them: 'Orvenian 22.1%' is not 'Tavish 9.4%'
        return _same_thing(a.counted, b.counted)
    if a.kind == "rank" and a.language == b.language == "en":  # the predicate is read in English only
        pa, pb = _rank_predicate(a), _rank_predicate(b)
        return (not pa and not pb) or (bool(pa and pb) and _same_thing(pa, pb))
    return True


@lru_cache(maxsize=65536)
def _role(said: str, end: int, language: str) -> str:
    """The role a count of people is given by the verb it is the subject of ('31 have been identified'), or ''
    (read in English only)."""
    role = _ROLE_AFTER.match(said, end) if language == "en" else None
    return role["role"] if role else ""


def _labelled_apart(a: Claim, b: Claim) -> bool:
    """Are two figures of one list told apart by their labels ('Tavish 61.5%, Orvenian 22.1%')? Then neither is the
    other's counterpart. (What a count counts is read less surely: 'Missing: 38 (of whom 33 fishermen)' holds the
    '33 fishermen' another source says are missing.)"""
    return a.kind != "count" and bool(a.counted and b.counted) and not _same_thing(a.counted, b.counted)


def _may_group(a: Claim, b: Claim) -> bool:
    """Only claims from different sources that share a subject and, for periods, span overlapping
    time may state the same fact."""
    return a.source != b.source and _may_share_subject(a, b) and _same_time(a.value, b.value)


def _same_time(a: Value, b: Value) -> bool:
    """Spans of time that do not even overlap are two periods, not one in dispute: periods, and spans of days
    ('Reporting period: 10-16 February 2023')."""
    if a.kind == "period":
        return a.low <= b.end_high and b.low <= a.end_high
    if a.kind == "date" and "/" in a.text and "/" in b.text:
        return a.low <= b.high and b.low <= a.high
    return True


def _centroid(vectors: Iterable[_Said]) -> dict[str, float]:
    """What a group of claims says together: the sum of its members' unit vectors."""
    total: dict[str, float] = defaultdict(float)
    for v in vectors:
        for s, w in v.weights.items():
            total[s] += w / v.norm
    return total


def _norm(v: dict[str, float]) -> float:
    return math.sqrt(sum(w * w for w in v.values()))


def _cosine(a: dict[str, float], b: dict[str, float], na: float | None = None, nb: float | None = None) -> float:
    """Cosine of two weighted word vectors (norms may be given when they are known)."""
    na = _norm(a) if na is None else na
    nb = _norm(b) if nb is None else nb
    if len(a) > len(b):
        a, b = b, a
    dot = sum([w * b[s] for s, w in a.items() if s in b])  # (a stem b lacks adds 0.0: the same sum, a third faster)
    return dot / (na * nb) if na and nb else 0.0


def _similar_shapes(examples: Sequence[Claim], vectors: Sequence[_Said], single: Sequence[bool],
                    sources: Sequence[frozenset[str]], helpers: Helpers | None = None) -> dict[int, list[int]]:
    """For each shape, the few shapes most similar to it (cosine of what they say), found through an
    index of their strongest stems: the cost grows with the shapes and their neighbours, never with
    all pairs. Shapes of one statement each are checked as the claims they are.

    The index is a set of buckets, one for each blocking key (a kind and a stem, or a kind and a size), and each
    bucket's pairs are checked apart from the others' (`_bucket_links`): a shuffle by blocking key. With helpers,
    bundles of buckets go to the workers with what they need of their shapes. In a corpus whose claims are worded
    apart this is the costliest step of grouping (tens of millions of pairs at 10,000 documents); the links are the
    same wherever they are found."""
    buckets = _Buckets(examples, vectors)
    # a shape's sources may be thousands: what a pair needs of them is whether their union can be a single one
    few = [shape_sources if len(shape_sources) < 2 else None for shape_sources in sources]
    pairs = [len(bucket) * (len(bucket) - 1) // 2 for bucket in buckets.kept]
    pieces = [list(range(len(buckets.kept)))]
    if helpers is not None and sum(pairs) >= PAIRS_SHARED:
        pieces = bundled([[n] for n in range(len(buckets.kept))], pairs)

    def piece(numbers: list[int]) -> _LinkPiece:
        chosen = [(n, buckets.kept[n]) for n in numbers]
        if len(pieces) == 1:  # checked here, on the shapes as they are
            return _LinkPiece(chosen, examples, vectors, single, few, buckets.of)
        shapes = sorted({x for n in numbers for x in buckets.kept[n]})
        return _LinkPiece(chosen, {x: examples[x] for x in shapes},  # (of a vector, a link reads its weights only)
                          {x: _Said(vectors[x].weights, vectors[x].norm, _NO_LABELS) for x in shapes},
                          {x: single[x] for x in shapes}, {x: few[x] for x in shapes},
                          {x: buckets.of[x] for x in shapes})

    nearest = _Nearest()
    for found in shared(pieces, piece, _bucket_links, helpers):
        nearest.merge(found)
    return nearest.neighbours()


class _Buckets:
    """The blocking keys of the shapes: each shape's STRONGEST stems and its size (_rounded), each within the
    values it may be compared with. A bucket of more than MAX_BUCKET shapes is dropped (a word that many statements
    share cannot single out a fact), one of sizes above SAME_VALUE_BUCKET too, and one of a single shape holds no
    pair; `kept` are the others, in the order they were first filled, each a list of shapes in increasing order."""

    def __init__(self, examples: Sequence[Claim], vectors: Sequence[_Said]) -> None:
        by_stem: dict[str, list[int]] = defaultdict(list)  # (keys are strings: a corpus has millions)
        by_size: dict[str, list[int]] = defaultdict(list)
        for x, (claim, vector) in enumerate(zip(examples, vectors, strict=True)):
            for s in sorted(vector.weights, key=lambda s: (-vector.weights[s], s))[:STRONGEST]:
                by_stem[f"{claim.value.group_key}\0{s}"].append(x)
            size = _rounded(claim.value)
            if size:
                by_size[f"{claim.value.group_key}\0{size}"].append(x)
        self.kept = [bucket for bucket in by_stem.values() if 1 < len(bucket) <= MAX_BUCKET] + \
                    [bucket for bucket in by_size.values() if 1 < len(bucket) <= SAME_VALUE_BUCKET]
        self.of: list[list[int]] = [[] for _ in examples]  # each shape's kept buckets, in increasing order
        for number, bucket in enumerate(self.kept):
            for x in bucket:
                self.of[x].append(number)


class _LinkPiece(NamedTuple):
    """Buckets whose pairs one process checks, and what it needs of their shapes, by shape number: its example
    claim, its vector, whether it is a single statement, its sources when it has fewer than two (None: more), and
    the numbers of its buckets."""

    buckets: list[tuple[int, list[int]]]  # (number, shapes)
    examples: Mapping[int, Claim] | Sequence[Claim]
    vectors: Mapping[int, _Said] | Sequence[_Said]
    single: Mapping[int, bool] | Sequence[bool]
    few_sources: Mapping[int, frozenset[str] | None] | Sequence[frozenset[str] | None]
    buckets_of: Mapping[int, list[int]] | Sequence[list[int]]


def _bucket_links(piece: _LinkPiece) -> _Nearest:
    """The shapes of the piece's buckets alike enough to link, with their likeness. A pair that shares several
    buckets is checked in the first of them only, so that no set of every candidate pair is ever held."""
    examples, vectors, single, few, buckets_of = piece.examples, piece.vectors, piece.single, piece.few_sources, \
        piece.buckets_of
    nearest = _Nearest()
    for number, bucket in piece.buckets:
        for x, y in combinations(bucket, 2):  # (x, y) with x < y: a bucket fills in the order of x
            theirs = buckets_of[y]
            if next(n for n in buckets_of[x] if n in theirs) != number:
                continue
            if single[x] and single[y]:
                if not _may_group(examples[x], examples[y]):
                    continue
            elif not _may_share_subject(examples[x], examples[y]):
                continue
            else:
                sx, sy = few[x], few[y]
                if sx is not None and sy is not None and len(sx | sy) < 2:
                    continue
            score = _cosine(vectors[x].weights, vectors[y].weights, vectors[x].norm, vectors[y].norm)
            if score >= LINK_THRESHOLD:
                nearest.offer(x, y, score)
                nearest.offer(y, x, score)
    return nearest


class _Nearest:
    """The NEIGHBOURS most alike shapes of each shape offered any, most alike first (then by number). A shape's
    candidates are cut back to those whenever they reach twice as many: what could never be among them is
    let go, so that no list of every link is held."""

    def __init__(self) -> None:
        self.candidates: dict[int, list[tuple[float, int]]] = defaultdict(list)

    def offer(self, x: int, y: int, score: float) -> None:
        mine = self.candidates[x]
        mine.append((-score, y))
        if len(mine) >= 2 * NEIGHBOURS:
            mine.sort()
            del mine[NEIGHBOURS:]

    def merge(self, other: _Nearest) -> None:
        for x, theirs in other.candidates.items():
            for negative, y in theirs:
                self.offer(x, y, -negative)

    def neighbours(self) -> dict[int, list[int]]:
        return {x: [y for _, y in sorted(mine)[:NEIGHBOURS]] for x, mine in self.candidates.items()}


def _rounded(value: Value) -> str:
    """A figure's size to two significant digits ('$2.19 billion' and '$2.2 billion': 2.2e+09), so that two
    statements of one fact written to other precisions meet as candidates even when their strongest words differ;
    '' for dates and open bounds."""
    if value.kind in DATE_KINDS or not math.isfinite(value.high - value.low):
        return ""
    return f"{(value.low + value.high) / 2:.1e}"


def _specific(value: Value) -> bool:
    """A figure few facts share by chance: three significant digits or more, or two with a unit, or a date to the
    day ('948 mb', '2,417', '$14.6 billion', '63 days', '2024-03-05', not '11', '1991' or '2024-03'). Two sources
    stating it in few common words likely state one fact."""
    if value.kind in DATE_KINDS:
        return value.kind == "date" and value.low == value.high
    return len("".join(_DIGITS.findall(value.text)).strip("0")) >= (2 if value.kind in MEASURE_KINDS else 3)


def _same_value_links(examples: Sequence[Claim], values: Sequence[Sequence[Value]]) -> set[tuple[int, int]]:
    """Pairs of shapes that state one specific value (see _specific), which are alike enough to group at a
    lower likeness (SAME_VALUE_THRESHOLD): links the words alone would not make."""
    by_value: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_size: dict[tuple[str, str], list[tuple[int, Value]]] = defaultdict(list)  # measures, whatever their unit
    for x, stated in enumerate(values):
        specific = {v.text: v for v in stated if _specific(v)}
        for text, key in sorted({(v.text, v.group_key) for v in specific.values()}):
            by_value[(key, text)].append(x)
            value = specific[text]
            if value.kind in MEASURE_KINDS and math.isfinite(value.low + value.high):
                by_size[(key, f"{(value.low + value.high) / 2:.2g}")].append((x, value))
    pairs = {pair for shapes in by_value.values() if len(shapes) <= SAME_VALUE_BUCKET
             for pair in combinations(shapes, 2)}
    # one length written in feet by one source and in metres by another ('512.5 feet', '156.2 metres')
    pairs |= {(x, y) for stated in by_size.values() if len(stated) <= SAME_VALUE_BUCKET
              for (x, a), (y, b) in combinations(stated, 2) if x != y and _one_size(a, b)}
    return {(x, y) for x, y in pairs if _may_share_subject(examples[x], examples[y])}


def _one_size(a: Value, b: Value) -> bool:
    """Are two measures one size written in two units ('512.5 ft', '156.2 m'), each within the other's precision?"""
    return (a.kind == b.kind and a.kind in MEASURE_KINDS and a.text.rpartition(" ")[2] != b.text.rpartition(" ")[2]
            and a.low <= b.high and b.low <= a.high)


T = TypeVar("T")
_UNKNOWN = object()  # a penalty not computed yet (None: the values fit)


def _gap_penalty(a: Value, b: Value) -> float:
    """Extra evidence a conflict needs as its values lie further apart: sources that state the same
    fact rarely differ by decades or by orders of magnitude, different facts often do."""
    if (a.kind == "period") != (b.kind == "period"):
        # what holds since a day ('ambassador since 2021') and an event of another day are two facts
        return math.inf
    g = gap(a, b)
    if a.kind in DATE_KINDS:
        narrow, wide = sorted((a.high - a.low, b.high - b.low))
        if wide > VAGUE_DATE and narrow < 366:
            # 'the late 19th century' and a day of 1914, 'in the 1960s' and 'in 1974', tell of two times, not one
            # in dispute
            return math.inf
        # years apart in steps of the coarser value's precision: two centuries a hundred years apart are one step
        width = max(a.high - a.low, b.high - b.low) / 365.25
        penalty = YEAR_PENALTY * max(0.0, g / max(1.0, width) - 1)
        if max(a.high - a.low, b.high - b.low) < 31:  # two exact days months apart are two events
            penalty += DOUBLING_PENALTY * math.log2(1 + g * 365.25 / 31)
        return penalty
    return DOUBLING_PENALTY * g


def _fell(a: Value, a_periods: frozenset[str], b: Value, b_periods: frozenset[str]) -> bool:
    """Is the value stated for the later periods the smaller? Of what only grows (a toll), that is no change over
    time but a contradiction, and grouping it needs the evidence of one. (Not between what was counted over spans
    that start apart, '512 cases in January-April 2031' / '871 cases in 2005': each is a total of its own span.)"""
    if spans_apart(a_periods | b_periods):
        return False
    if max(a_periods) < min(b_periods):
        return b.high < a.low
    if max(b_periods) < min(a_periods):
        return a.high < b.low
    return False


def _other_years(stated: frozenset[int], years: frozenset[int | None]) -> bool:
    """Is any of these documents of a year neither stated nor the one after a stated year?"""
    return any(d is not None and d not in (year, year + 1) for year in stated for d in years)


class _Groups:
    """Groups of statements being merged, with what judging a merge needs, kept per group as a few
    distinct facts: what they say (a centroid), their sources, their values with the periods they are
    stated for, the other values their sentences state, and the years of their documents. Judging a
    merge then costs the distinct values of two groups, never all pairs of their members."""

    def __init__(self, statements: dict[int, _Statement], vectors: dict[int, dict[str, float]]) -> None:
        self.members = {u: [u] for u in statements}
        self.version = dict.fromkeys(self.members, 0)
        # What a group says: scale x centroid. The statements of a shape share one vector, and a group
        # of them only counts how many it holds, until it merges with another shape.
        self.centroid = dict(vectors)
        self.scale = dict.fromkeys(self.members, 1.0)
        shape_norm = {id(v): _norm(v) for v in vectors.values()}
        self.norm = {u: shape_norm[id(v)] for u, v in self.centroid.items()}
        self.value_list: list[Value] = []  # each distinct value once, named by its place here
        value_id: dict[tuple[str, str], int] = {}

        def intern(value: Value) -> int:
            # by kind as well as text: a count of 1990 and the year 1990 are two values, and which of them a
            # block met first must not decide how the other is judged
            key = (value.group_key, value.text)
            if key not in value_id:
                value_id[key] = len(self.value_list)
                self.value_list.append(value)
            return value_id[key]

        # A statement's facts are shared with the statements that state the same (one object each), and made the
        # group's own when it first grows: a block may hold a million statements, most of them never grown.
        alike: dict[tuple[object, ...], object] = {}

        def one(key: tuple[object, ...], made: T) -> T:
            return alike.setdefault(key, made)  # type: ignore[return-value]

        self._grown: set[int] = set()
        self.sources: dict[int, set[str] | frozenset[str]] = {}
        self.as_of: dict[int, dict[int, frozenset[str | None]]] = {}  # value -> periods it is stated for
        self.also_stated: dict[int, dict[int, frozenset[int]]] = {}  # value -> other values of its sentences
        self.stated_for: dict[int, dict[int, frozenset[int]]] = {}  # value -> years it is stated for
        self.documents_of: dict[int, dict[int, frozenset[int | None]]] = {}  # value -> years of documents
        self.happened: dict[int, dict[int, frozenset[int]]] = {}  # value -> years its event is dated in
        self.of_the_past: dict[int, dict[int, frozenset[int]]] = {}  # value -> years before its documents' (tolls)
        self.qualified: dict[int, set[Qualifiers]] = {}  # the qualifiers of its statements, if any
        self.subjects: dict[int, frozenset[str]] = {}  # what its statements name as counted or measured, if any
        self.frames: dict[int, _Frames] = {}  # the periods its statements are stated for, if any
        self.dating: dict[int, bool] = {}  # whether every one of its statements is a year dating another figure
        self.growing: dict[int, bool] = {}  # whether any of its statements counts what only grows (a toll)
        for u, statement in statements.items():
            self.dating[u] = statement.dates_another
            self.growing[u] = statement.cumulative
            self.qualified[u] = one(("qualified", statement.qualifiers),
                                    {statement.qualifiers} if statement.qualifiers else set())
            self.subjects[u] = one(("subjects", statement.subject),
                                   frozenset({statement.subject}) if statement.subject else frozenset())
            self.frames[u] = _Frames.of(statement.as_of, statement.cumulative)
            v = intern(statement.value)
            self.sources[u] = statement.sources
            self.as_of[u] = one(("as_of", v, statement.as_of), {v: frozenset({statement.as_of})})
            others = frozenset(intern(value) for value in statement.others)
            self.also_stated[u] = one(("also", v, others), {v: others} if others else {})
            # a period open to the present ('since 2005') holds for any year from its start: no year to veto by
            closed = statement.as_of is not None and not statement.as_of.endswith("/..")
            year = _as_of_year(statement.as_of) if closed else None  # type: ignore[arg-type]
            self.stated_for[u] = one(("stated", v, year), {} if year is None else {v: frozenset({year})})
            self.happened[u] = one(("happened", v, statement.happened),
                                   {v: frozenset({statement.happened})} if statement.happened else {})
            if statement.happened and not statement.as_of:
                self.stated_for[u] = self.happened[u]
            self.documents_of[u] = one(("documents", v, bool(statement.as_of), statement.years),
                                       {} if statement.as_of else {v: statement.years})
            past = _of_the_past(statement)
            self.of_the_past[u] = one(("past", v, past), {v: frozenset({past})} if past is not None else {})
        self._penalty: dict[int, float | None] = {}
        self.specific = [_specific(value) for value in self.value_list]

    def penalty(self, x: int, y: int) -> float | None:
        """The extra evidence two values need to be grouped, None when they fit."""
        key = x * len(self.value_list) + y
        if key not in self._penalty:
            a, b = self.value_list[x], self.value_list[y]
            self._penalty[key] = _gap_penalty(a, b) if relation(a, b) == "conflict" else None
        return self._penalty[key]

    def score(self, a: int, b: int) -> float | None:
        """How alike two groups are, when they may merge: no shared source, and alike enough for
        what their values need."""
        score = self.likeness(a, b)
        return score if score is not None and self.enough(a, b, score) else None

    def likeness(self, a: int, b: int) -> float | None:
        """How alike two groups are, when they share no source and are alike enough to be linked; their
        values are not yet weighed."""
        if (not self.sources[a].isdisjoint(self.sources[b]) or self.set_apart(a, b) or self.other_subjects(a, b)
                or self.other_frames(a, b)):
            return None
        if self.centroid[a] is self.centroid[b]:
            return 1.0  # one shape: the same words
        score = _cosine(self.centroid[a], self.centroid[b], self.norm[a], self.norm[b])
        if self.also_stated[a] and self.also_stated[b] and self.share_beside(a, b):
            score += BESIDE_BONUS
        if score >= LINK_THRESHOLD:
            return score
        return score if score >= SAME_VALUE_THRESHOLD and self.share_specific(a, b) else None

    def share_beside(self, a: int, b: int) -> bool:
        """Do two groups' sentences state one specific value beside their own ('1,000 feet long and 110 feet wide' /
        '110 feet wide by 1,050 feet long')? That figure ties them to one thing, more than most words could."""
        mine = {v for others in self.also_stated[a].values() for v in others if self.specific[v]}
        return bool(mine) and any(v in mine for others in self.also_stated[b].values() for v in others)

    def set_apart(self, a: int, b: int) -> bool:
        """Do the qualifiers of two groups' statements say they measure different things (qualifiers.set_apart)?"""
        mine, theirs = self.qualified[a], self.qualified[b]
        if not mine and not theirs:
            return False  # (most groups: nothing sets their statements apart)
        return any(set_apart(x, y) for x in mine or (frozenset(),) for y in theirs or (frozenset(),))

    def other_subjects(self, a: int, b: int) -> bool:
        """Do two groups' statements name different things counted or measured ('gusts' / 'winds')? Each pair
        of shapes linked is checked (_may_share_subject), but a group that holds a statement naming neither could
        otherwise join one group to the other."""
        mine, theirs = self.subjects[a], self.subjects[b]
        if not mine or not theirs or mine == theirs:
            return False
        return any(not _same_thing(x, y) for x in mine for y in theirs)

    def other_frames(self, a: int, b: int) -> bool:
        """Are two groups' figures stated for periods that make them different measures (_Frames.apart)?"""
        return self.frames[a].apart(self.frames[b])

    def earlier(self, a: int, b: int) -> bool:
        """Are both groups' figures those of earlier reports, or values before a change ('previous': set_apart keeps
        them from the others)? Two tolls that differ, not stated for one period, are of two times neither page
        states, not one fact in dispute."""
        return (any(("previous", "") in q for q in self.qualified[a])
                and any(("previous", "") in q for q in self.qualified[b]))

    def share_specific(self, a: int, b: int) -> bool:
        """Do two groups state one specific value (see _specific), in one unit or in two?"""
        theirs = self.as_of[b]
        return any(self.specific[v] and (v in theirs or any(_one_size(self.value_list[v], self.value_list[w])
                                                             for w in theirs if self.specific[w]))
                   for v in self.as_of[a])

    def enough(self, a: int, b: int, score: float) -> bool:
        """Is the likeness of two groups enough for their values? Values that fit need nothing more;
        values that contradict need more, the more the further apart, unless each is stated for its
        own period (a change over time); none suffices when a veto applies, nor between two years that each
        only date another figure of their sentences ('In 2021, 23 countries ...' / '31 countries in 2023'): those
        figures are the facts, the years their periods. A value that both groups state is weighed against neither
        group's others: a group that holds 84,210 acres against 80,000 takes another source of 84,210 acres on the
        likeness that value needs, since it adds no contradiction the group does not hold. (The inner loop of grouping:
        the penalty cache is read in place; contradicting pairs are kept only when a veto could apply.)"""
        may_veto = bool(self.also_stated[a] or self.also_stated[b] or (self.stated_for[a] and self.documents_of[b])
                        or (self.stated_for[b] and self.documents_of[a]) or (self.happened[a] and self.happened[b])
                        or self.of_the_past[a] or self.of_the_past[b])
        conflicts = []
        dating = self.dating[a] and self.dating[b]
        growing = self.growing[a] or self.growing[b]
        known, n, penalty = self._penalty, len(self.value_list), self.penalty
        held_a, held_b = self.as_of[a], self.as_of[b]
        stated_a = held_a.items()
        for y, ys in held_b.items():  # b outside: most often the smaller (a lone statement, by value)
            if y in held_a:
                continue  # a value the other group states too: no new contradiction
            for x, xs in stated_a:
                if x in held_b:
                    continue
                extra = known.get(x * n + y, _UNKNOWN)
                if extra is _UNKNOWN:
                    extra = penalty(x, y)
                if extra is None:
                    continue
                if dating or (growing and not (xs & ys) - {None} and self.earlier(a, b)):
                    return False
                if score < CONFLICT_THRESHOLD + extra:  # (extra >= 0) enough only for a change over time
                    changed = None not in xs and None not in ys and xs.isdisjoint(ys) and not (
                        growing and _fell(self.value_list[x], xs, self.value_list[y], ys))  # type: ignore[arg-type]
                    if not changed or score < CONFLICT_THRESHOLD:
                        return False
                if may_veto:
                    conflicts.append((x, y))
        return not conflicts or not self.vetoed(a, b, conflicts)

    def vetoed(self, a: int, b: int, conflicts: list[tuple[int, int]]) -> bool:
        """Do contradicting values x of a and y of b not merge? Not when the sentence stating one also
        states a value that fits the other (that figure is its counterpart), or when one is stated for a
        year that the other's documents are not of, or when they read events their sentences date apart. (Both
        ways for all pairs in one loop, the groups' facts looked up once: grouping a corpus asks this millions of
        times.)"""
        penalty = self.penalty
        also_a, also_b = self.also_stated[a], self.also_stated[b]
        stated_a, stated_b = self.stated_for[a], self.stated_for[b]
        documents_a, documents_b = self.documents_of[a], self.documents_of[b]
        happened_a, happened_b = self.happened[a], self.happened[b]
        past_a, past_b = self.of_the_past[a], self.of_the_past[b]
        for x, y in conflicts:
            if x in happened_a and y in happened_b and happened_a[x].isdisjoint(happened_b[y]):
                return True  # readings of events of different years
            if (x in past_a and past_a[x].isdisjoint(stated_b.get(y, ()))) or (
                    y in past_b and past_b[y].isdisjoint(stated_a.get(x, ()))):
                return True  # the toll of an earlier event, which the other is not stated for
            # the sentence stating y also states z: does z fit x? (and the other way round)
            if (any(penalty(z, x) is None for z in also_b.get(y, ()))
                    or any(penalty(z, y) is None for z in also_a.get(x, ()))):
                return True
            if y in documents_b and x in stated_a and _other_years(stated_a[x], documents_b[y]):
                return True
            if x in documents_a and y in stated_b and _other_years(stated_b[y], documents_a[x]):
                return True
        return False

    def merge(self, a: int, b: int) -> None:
        """b joins a."""
        if a not in self._grown:  # its facts, shared until now, become its own
            self._grown.add(a)
            self.sources[a] = set(self.sources[a])
            self.qualified[a] = set(self.qualified[a])
            dated_by_event = self.stated_for[a] is self.happened[a]  # (one dict, grown as one: see __init__)
            for facts in (self.as_of, self.also_stated, self.stated_for, self.documents_of, self.happened,
                          self.of_the_past):
                facts[a] = dict(facts[a])
            if dated_by_event:
                self.stated_for[a] = self.happened[a]
        self._grown.discard(b)
        self.members[a].extend(self.members.pop(b))  # each group's own list, set and dicts: grown in place
        self.sources[a] |= self.sources.pop(b)
        self.qualified[a] |= self.qualified.pop(b)
        self.subjects[a] |= self.subjects.pop(b)
        self.frames[a] = self.frames[a].join(self.frames.pop(b))
        self.dating[a] = self.dating[a] and self.dating.pop(b)
        self.growing[a] = self.growing[a] or self.growing.pop(b)
        for facts in (self.as_of, self.also_stated, self.stated_for, self.documents_of, self.happened,
                      self.of_the_past):
            joined = facts[a]
            for value, items in facts.pop(b).items():
                joined[value] = joined[value] | items if value in joined else items
        if self.centroid[a] is self.centroid[b]:
            self.scale[a] += self.scale.pop(b)
            del self.centroid[b], self.norm[b]
        else:
            grown = {s: w * self.scale[a] for s, w in self.centroid[a].items()}
            for s, w in self.centroid.pop(b).items():
                grown[s] = grown.get(s, 0.0) + w * self.scale[b]
            del self.scale[b], self.norm[b]
            self.centroid[a], self.scale[a], self.norm[a] = grown, 1.0, _norm(grown)
        self.version[a] += 1
        del self.version[b]

    def merge_by_value(self, ordered: Sequence[int], may_group: Callable[[int, int], bool]) -> None:
        """Statements of one shape, in the order of their values: each joins the latest group that
        takes it. They say the same words, so only their values and sources decide."""
        open_groups: list[int] = []
        for u in ordered:
            for g in reversed(open_groups[-SHAPE_CHAIN:]):
                if may_group(g, u) and self.score(g, u) is not None:
                    self.merge(g, u)
                    break
            else:
                open_groups.append(u)

    def merge_nearest(self, neighbours: dict[int, set[int]]) -> None:
        """Merge the most similar pair of neighbouring groups while any pair may merge. Whether their values
        allow it is asked only of a pair's turn: most pairs offered are outdated by a merge before then, and
        a pair still current is the same two groups as when it was offered."""
        heap: list[tuple[float, int, int, int, int]] = []

        def offer(a: int, b: int) -> None:
            a, b = min(a, b), max(a, b)
            score = self.likeness(a, b)
            if score is not None:
                heapq.heappush(heap, (-score, a, b, self.version[a], self.version[b]))

        for a in sorted(neighbours):
            for b in sorted(neighbours[a]):
                if a < b:
                    offer(a, b)
        while heap:
            score, a, b, va, vb = heapq.heappop(heap)
            if a not in self.members or b not in self.members or self.version[a] != va or self.version[b] != vb:
                continue  # one of them has grown since: its fresh pairs are in the heap
            if not self.enough(a, b, -score):
                continue
            self.merge(a, b)
            for n in neighbours.pop(b):
                neighbours[n].discard(b)
                if n != a:
                    neighbours[n].add(a)
                    neighbours[a].add(n)
            neighbours[a].discard(b)
            for n in sorted(neighbours[a]):
                offer(a, n)


class _Statement(NamedTuple):
    """One statement: a figure said in the same words, by one source or several (a sentence reprinted), grouped
    as one; what judging a merge needs of it and of the figures beside it (little: a worker process is sent
    thousands)."""

    source: str  # of the first
    value: Value
    as_of: str | None
    sources: frozenset[str]
    years: frozenset[int | None]  # of the documents that state it
    others: tuple[Value, ...]  # the other figures of its sentence that could state the same fact (_labelled_apart)
    qualifiers: Qualifiers  # what sets its figure apart from others of its words (Claim.qualifiers)
    cumulative: bool  # a count of what only grows (deaths, cases): stated as of a day, it is a running total
    dates_another: bool  # a year in a sentence that states a figure of another kind: it may only date that figure
    happened: int | None  # the year its sentence dates a reading of one event in (READINGS), when it states one
    subject: str  # what its figure counts or measures, when its sentence names it (Claim.counted)


@dataclass(frozen=True)
class _Block:
    """Statements that can only ever group among themselves: shapes linked by their likeness, and what
    grouping them needs. Blocks are grouped apart from each other, the same in a worker process."""

    statements: dict[int, _Statement]
    vectors: dict[int, dict[str, float]]  # what each statement says: the centroid of its shape
    shapes: list[list[int]]  # the statements of each shape, in the order of their values
    links: list[tuple[int, int]]  # pairs of alike shapes, by their places in `shapes`


def _group_block(block: _Block) -> list[list[int]]:
    """The groups of a block's statements. Statements of one shape merge first, in the order of their
    values; then the groups merge across shapes, best pair first from a heap, each linked to the
    value-nearest groups of the alike shapes."""
    statements = block.statements
    groups = _Groups(statements, block.vectors)

    def may_group(u: int, v: int) -> bool:
        """Two statements of one shape may group when they come from different sources and, for
        periods, overlap in time."""
        a, b = statements[u], statements[v]
        return a.source != b.source and _same_time(a.value, b.value)

    for ordered in block.shapes:
        groups.merge_by_value(ordered, may_group)
    group_of = {u: g for g, members in groups.members.items() for u in members}
    neighbours: dict[int, set[int]] = defaultdict(set)  # (only groups that are linked: most are not)
    lows = [[statements[u].value.low for u in ordered] for ordered in block.shapes]
    # one statement per group and value speaks for the others: they would link to the same groups
    speakers = [list({(group_of[u], statements[u].value.text): u for u in reversed(ordered)}.values())
                for ordered in block.shapes]
    for x, y in block.links:
        for one, other in ((x, y), (y, x)):
            for u in speakers[one]:  # each links to the value-nearest statements of the other shape
                at = bisect_left(lows[other], statements[u].value.low)
                for v in block.shapes[other][max(0, at - 1):at + 1]:
                    gu, gv = group_of[u], group_of[v]
                    if gu != gv and gv not in neighbours[gu] and _same_time(statements[u].value, statements[v].value):
                        neighbours[gu].add(gv)
                        neighbours[gv].add(gu)
    groups.merge_nearest(neighbours)
    return list(groups.members.values())


def connected(items: Sequence[T], pairs: Iterable[tuple[T, T]]) -> list[list[T]]:
    """The items that pairs link, directly or through others, as groups: each group, and the items in it, in
    the order of `items`. (Linked shapes here; sources that reprint one text in kzfr_check.witnesses.)"""
    parent = {x: x for x in items}

    def root(x: T) -> T:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[rb] = ra
    linked: dict[T, list[T]] = defaultdict(list)
    for x in items:
        linked[root(x)].append(x)
    return list(linked.values())


# From this many statements on, grouping goes in pieces (below, in one piece and one process: starting a worker
# costs about half a second).
STATEMENTS_IN_PIECES = 20_000
# What grouping a block costs, per statement: a part of its own (its shape, links, heap entries) worth this
# many of the other part, one check against each distinct value of the block (fitted to timings of the
# benchmark's blocks, from a few hundred statements with a few values to thousands with hundreds).
STATEMENT_COST = 46


def _by_source(claims: Sequence[Claim]) -> list[Sequence[int]]:
    """The places of each source's claims. A check's claims come a document at a time, so each source's are
    one run; claims in another order are gathered first."""
    runs: list[Sequence[int]] = []
    start = 0
    for i in range(1, len(claims) + 1):
        if i == len(claims) or claims[i].source != claims[start].source:
            runs.append(range(start, i))
            start = i
    if len({claims[run[0]].source for run in runs}) == len(runs):
        return runs
    gathered: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        gathered[c.source].append(i)
    return list(gathered.values())


_Joined = dict[int, list[int]]  # statement -> its claims after the first, for the few that more than one claim states


def _statement_key(c: Claim) -> tuple[str, int, int, str, str]:
    """What makes two claims one statement: the same figure, value and thing counted in the same sentence."""
    return c.said, c.start - c.quote_start, c.end - c.quote_start, c.value.text, c.counted


def _numbered_statements(claims: Sequence[Claim]) -> tuple[array[int], array[int], _Joined]:
    """Claims that state one figure in the same words (a sentence reprinted) are one statement, numbered in the
    order of their first claims: each claim's statement, each statement's first claim, and the other claims of
    the statements that more than one claim states. A big corpus has millions of claims: the numbers are
    arrays, and statements are found by the hash of their key, checked against their first claim's."""
    numbered: dict[int, int] = {}
    clashing: dict[tuple[str, int, int, str, str], int] = {}  # keys whose hash another key has (hardly ever any)
    statement_of, first = array("l"), array("l")
    joined: _Joined = {}
    for at, c in enumerate(claims):
        key = _statement_key(c)
        u = numbered.setdefault(hash(key), len(first))
        if u < len(first) and _statement_key(claims[first[u]]) != key:
            u = clashing.setdefault(key, len(first))
        if u == len(first):
            first.append(at)
        else:
            joined.setdefault(u, []).append(at)
        statement_of.append(u)
    return statement_of, first, joined


class _Statements:
    """Every statement, kept as little as it can be: its first claim, its reprints, and in arrays what the other
    figures of its sentence tell of it. A big corpus has millions of statements and grouping needs them a piece at
    a time: `of` makes a piece's statements whole, and they are gone with the piece."""

    def __init__(self, claims: Sequence[Claim], at_of: array[int] | None, pool: Sequence[Claim],
                 statement_of: array[int], first: array[int], joined: _Joined, claim_shapes: Sequence[_Shape]) -> None:
        """`at_of`: each claim's place in the pool (_untaken)."""
        self.pool, self.first, self.joined, self.claim_shapes = pool, first, joined, claim_shapes
        self.others: dict[int, tuple[Value, ...]] = {}  # for the statements whose sentence states such figures
        self.dates_another = bytearray(len(first))
        self.happened: dict[int, int] = {}  # for the statements whose sentence dates a reading
        # Read a document at a time (a sentence is one document's), so that no map of every sentence of the
        # corpus is ever held.
        for places in _by_source(claims):
            measured: set[int] = set()
            years_stated: dict[int, set[int]] = defaultdict(set)
            siblings: dict[tuple[int, str], list[Claim]] = defaultdict(list)
            free: list[int] = []
            for i in places:
                c = claims[i]
                if c.kind not in DATE_KINDS:
                    measured.add(c.quote_start)
                if on_the_calendar(c.value):
                    years_stated[c.quote_start].add(int(c.value.text[:4]))
                at = i if at_of is None else at_of[i]
                if at >= 0:
                    siblings[(c.quote_start, c.value.group_key)].append(c)
                    free.append(at)
            for at in free:
                u = statement_of[at]
                if first[u] != at:
                    continue
                c = pool[at]
                others = tuple(other.value for other in siblings[(c.quote_start, c.value.group_key)]
                               if other is not c and not _labelled_apart(c, other))
                if others:
                    self.others[u] = others
                self.dates_another[u] = c.kind == "date" and len(c.value.text) == 4 and c.quote_start in measured
                happened = _year_of_reading(c, years_stated.get(c.quote_start, set()))
                if happened is not None:
                    self.happened[u] = happened

    def __len__(self) -> int:
        return len(self.first)

    def value(self, u: int) -> Value:
        return self.pool[self.first[u]].value

    def _claims(self, u: int) -> list[Claim]:
        return [self.pool[self.first[u]], *(self.pool[again] for again in self.joined.get(u, ()))]

    def sources(self, u: int) -> frozenset[str]:
        return frozenset(c.source for c in self._claims(u))

    def of(self, ids: Iterable[int]) -> dict[int, _Statement]:
        """The statements ids, whole. Most have one source and one year: a set of each, shared among them."""
        one_of: dict[object, frozenset[object]] = {}
        made = {}
        for u in ids:
            stating = self._claims(u)
            c = stating[0]
            sources = frozenset(claim.source for claim in stating)
            years = frozenset(claim.document_year for claim in stating)
            made[u] = _Statement(
                c.source, c.value, c.as_of, one_of.setdefault(sources, sources), one_of.setdefault(years, years),
                self.others.get(u, ()), self.claim_shapes[self.first[u]].qualifiers, c.only_grows,
                bool(self.dates_another[u]), self.happened.get(u), c.counted)
        return made  # type: ignore[return-value]  (one_of gives back what it is given)


def _untaken(claims: Sequence[Claim], taken: set[int] | None) -> tuple[list[Claim], array[int] | None]:
    """The claims no declared topic took (the pool), and when some were taken, each claim's place in the pool
    (-1: taken)."""
    if not taken:
        return list(claims), None
    pool: list[Claim] = []
    at_of = array("l", [-1]) * len(claims)
    for i, c in enumerate(claims):
        if i not in taken:
            at_of[i] = len(pool)
            pool.append(c)
    return pool, at_of


def discover_topics(claims: Sequence[Claim], taken: set[int] | None = None,
                    helpers: Helpers | None = None, meanwhile: Callable[[], None] = nothing) -> list[Topic]:
    """Group the claims no declared topic took, by what they say; singletons are dropped.

    Groups grow by merging the two most similar groups (by what their claims say together) while
    they share no source. Joining values that contradict each other takes stronger evidence than
    joining values that fit, so a reported conflict rests on claims that clearly say the same thing.
    Identical statements (a sentence reprinted word for word) start as one group; statements of one
    shape (the same words around other figures) merge next, in the order of their values; then the
    groups merge across shapes, best pair first from a heap, each linked to the value-nearest groups
    of the few most similar shapes. The cost grows with the statements and their neighbours, never
    with all pairs.

    Shapes that no likeness links can never group together: in a large corpus they are cut into pieces,
    grouped one after the other, so that what grouping needs is only ever held for one piece (and the statements
    of a piece are made whole for it alone); with helpers, worker processes group pieces beside this one, or
    instead of it on a cluster. The topics are the same. `meanwhile` is other work of this process, done while
    the workers group their first pieces (or at the end).
    """
    pool, at_of = _untaken(claims, taken)
    claim_shapes, shape_vectors = _shape_vectors(pool, helpers.tasks if helpers else HERE)
    statement_of, first, joined = _numbered_statements(pool)
    statements = _Statements(claims, at_of, pool, statement_of, first, joined, claim_shapes)

    of_shape: dict[_Shape, list[int]] = defaultdict(list)
    for u, i in enumerate(first):
        of_shape[claim_shapes[i]].append(u)
    shapes = list(of_shape)
    for ordered in of_shape.values():
        ordered.sort(key=lambda u: (statements.value(u).low, statements.value(u).high, statements.value(u).text, u))
    examples = [pool[first[of_shape[s][0]]] for s in shapes]  # each shape's first statement's claim
    similar = _similar_shapes(examples, [shape_vectors[s] for s in shapes], [len(of_shape[s]) == 1 for s in shapes],
                              [frozenset().union(*(statements.sources(u) for u in of_shape[s])) for s in shapes],
                              helpers)
    links = sorted({(min(x, y), max(x, y)) for x, ys in similar.items() for y in ys}
                   | _same_value_links(examples, [[statements.value(u) for u in of_shape[s]] for s in shapes]))
    del examples

    def block(places: list[int]) -> _Block:
        at = {x: n for n, x in enumerate(places)}
        ids = [u for x in places for u in of_shape[shapes[x]]]
        # each shape is in one piece: its centroid is made for that piece alone, never for every shape at once
        centroids = {x: _centroid([shape_vectors[shapes[x]]]) for x in places}
        return _Block(statements.of(ids), {u: centroids[x] for x in places for u in of_shape[shapes[x]]},
                      [of_shape[shapes[x]] for x in places],
                      [(at[x], at[y]) for x, y in links if x in at])

    pieces = [list(range(len(shapes)))]
    if len(statements) >= STATEMENTS_IN_PIECES:  # in pieces, in one process too: what a piece needs is freed after it
        linked = connected(range(len(shapes)), links)
        costs = [len(ids) * (STATEMENT_COST + len({statements.value(u).text for u in ids}))
                 for ids in ([u for x in places for u in of_shape[shapes[x]]] for places in linked)]
        pieces = bundled(linked, costs)
    groups = [group for groups in shared(pieces, block, _group_block, helpers, meanwhile) for group in groups]

    # Each group's claims, in the order of the claims (one pass, with no list of claim numbers per statement).
    # Only groups that may have two sources are gathered: a statement alone, from one source, is no topic.
    group_of = array("l", [-1]) * len(first)
    kept = 0
    for group in groups:
        if len(group) > 1 or len(statements.sources(group[0])) > 1:
            for u in group:
                group_of[u] = kept
            kept += 1
    del groups
    apart = _twins_apart(pool, statement_of, group_of, statements)
    gathered: list[tuple[list[Claim], list[_Said]]] = [([], []) for _ in range(kept)]
    for at, u in enumerate(statement_of):
        if group_of[u] >= 0 and at not in apart:
            grouped, vectors = gathered[group_of[u]]
            grouped.append(pool[at])
            vectors.append(shape_vectors[claim_shapes[at]])
    nearest_words: dict[int, dict[str, tuple[float, str]]] = {}  # by id of a vector: shapes shared among topics
    return _unique_ids([_name_topic(grouped, vectors, nearest_words) for grouped, vectors in gathered
                        if len({c.source for c in grouped}) >= 2])


def _converts(first: Claim, second: Claim) -> bool:
    """Is `second` the size `first` states, converted in brackets right after it ('a 222-foot (68-metre) mast')?"""
    return (first.source == second.source and first.quote_start == second.quote_start and first.kind == second.kind
            and in_brackets_after(first.quote, first.figure_in_quote[1], second.figure_in_quote[0]))


def _twins_apart(pool: Sequence[Claim], statement_of: array[int], group_of: array[int],
                 statements: _Statements) -> set[int]:
    """The claims (by place in the pool) to leave out of their groups: of a size and its conversion in brackets
    ('150 mph (240 km/h)'), grouped apart, the one that contradicts a value of its group (the conversion, when both
    do). The two say one thing: grouped apart, each may state the same size beside sources that write only its unit;
    but one that contradicts its group has joined what another size of its words states (another mast's height,
    another storm's wind), while the other fits where it is."""
    pairs = [(at - 1, at) for at in range(1, len(statement_of))
             if -1 != group_of[statement_of[at - 1]] != group_of[statement_of[at]] != -1
             and _converts(pool[at - 1], pool[at])]
    if not pairs:
        return set()
    wanted = {group_of[statement_of[at]] for pair in pairs for at in pair}
    members: dict[int, list[int]] = defaultdict(list)
    for u in range(len(statements)):
        if group_of[u] in wanted:
            members[group_of[u]].append(u)

    def contradicts(at: int) -> bool:
        u = statement_of[at]
        return any(relation(statements.value(u), statements.value(v)) == "conflict"
                   for v in members[group_of[u]] if v != u)

    apart = set()
    for first, twin in pairs:
        if contradicts(twin):
            apart.add(twin)
        elif contradicts(first):
            apart.add(first)
    return apart


def _year_of_reading(claim: Claim, years: set[int]) -> int | None:
    """The year a reading of one event is of (a magnitude, a wind speed, a depth), when its sentence dates it: 'On
    June 2, 1961, a magnitude 6.1 earthquake struck' reads a quake of 1961."""
    return next(iter(years)) if len(years) == 1 and claim.kind in READINGS else None


def _of_the_past(statement: _Statement) -> int | None:
    """The year of an earlier event a toll is stated for, on pages of later years ('in 1884, when 71 people were
    killed', on a page about this year's storm): that toll is not the page's own event's."""
    if not statement.cumulative or statement.as_of is None or statement.as_of.endswith(".."):
        return None
    year = _as_of_year(statement.as_of)
    return year if all(d is not None and d > year + 1 for d in statement.years) else None


def _as_of_year(as_of: str) -> int:
    """The year a claim is stated for: the last year of a stated period ('2021', '2020/2022')."""
    return int(as_of.split("/")[-1][:4]) if as_of[-1].isdigit() else int(as_of[:4])


def _name_topic(group: Sequence[Claim], vectors: Sequence[_Said], known: dict[int, dict[str, tuple[float, str]]]) \
        -> Topic:
    """A readable name that is a function of the group's own claims alone: the kind and the three words that
    stand nearest the figure across its claims. A resolution is written against the id, so it must not move
    when other documents or declared topics come and go; the claims' `vectors` are weighed by the rarity of
    words in the whole corpus, which does move, so only their contexts (the claims' own words, read again from
    each shape's first claim: no shape's context is kept through grouping) are used here. `known`: each vector's
    nearest words, worked out once for the topics of one check."""
    nearness: dict[str, float] = defaultdict(float)
    surface: dict[str, str] = {}
    for vector in vectors:
        nearest = known.get(id(vector))
        if nearest is None:
            nearest = known[id(vector)] = _nearest_words(vector)
        for s, (weight, word) in nearest.items():
            nearness[s] += weight
            surface.setdefault(s, word)  # as the first claim writes it
    top = [surface[s] for s in heapq.nsmallest(3, nearness, key=lambda s: (-nearness[s], s))]
    kind = group[0].kind
    if kind == "count" and group[0].counted:  # (what is counted may be several words: 'deaths new', 'cars and vans')
        counted = group[0].counted.split()
        top = counted + [word for word in top if word not in counted][:2]
    slug = "-".join([kind, *top])
    return Topic(slug, f"{kind}: {' '.join(top)}", kind, tuple(group))


def _nearest_words(vector: _Said) -> dict[str, tuple[float, str]]:
    """For each stem of a shape's context, its greatest weight there and the word that has it."""
    nearest: dict[str, tuple[float, str]] = {}
    for s, word, weight in _context(vector.example) if vector.example is not None else ():
        if weight > nearest.get(s, (0.0, ""))[0]:
            nearest[s] = (weight, word)
    return nearest


def _unique_ids(topics: list[Topic]) -> list[Topic]:
    """Topics that would share an id each take a short hash of their own claims, so that no id depends on
    which other topics there are or in what order they were found."""
    named = Counter(t.id for t in topics)
    unique = [t if named[t.id] == 1 else replace(t, id=f"{t.id}-{_claims_hash(t.claims)}") for t in topics]
    return sorted(unique, key=lambda t: (t.id, t.claims[0].source, t.claims[0].start))


def _claims_hash(claims: Sequence[Claim]) -> str:
    """Six hex digits of what the claims say: their sentences and values, not where they are."""
    said = "\n".join(sorted(f"{c.said}\0{c.value.text}" for c in claims))
    return hashlib.sha256(said.encode()).hexdigest()[:6]


def suggest_aliases(topic: Topic, claims: Sequence[Claim]) -> tuple[str, ...]:
    """Aliases that would declare this topic: for each of its claims, the words that weigh most in
    its sentence, as few as single it out among the other claims of the same kind."""
    vectors = dict(zip(claims, _said_vectors(claims), strict=True))
    others = [set(content_stems(c.said)) for c in claims if c.kind == topic.kind and c not in topic.claims]
    aliases: dict[str, None] = {}
    for claim in topic.claims:
        said = vectors[claim]
        ranked = sorted(said.weights, key=lambda s: (-said.weights[s], s))
        chosen: list[str] = []
        for s in ranked[:MAX_ALIAS_WORDS]:
            chosen.append(s)
            stems = set(content_stems(" ".join(said.words[c] for c in chosen)))
            if len(chosen) >= 2 and not any(stems <= other for other in others):
                break
        aliases[" ".join(said.words[c] for c in chosen)] = None
    return tuple(a for a in aliases if a)


def group_claims(claims: Sequence[Claim], specs: Sequence[TopicSpec] = (),
                 helpers: Helpers | None = None, meanwhile: Callable[[], None] = nothing) -> list[Topic]:
    """All topics: declared ones (even when empty), then discovered ones, in a stable order. Helpers (worker
    processes) may take part of the grouping, or all of it; the topics are the same. `meanwhile` is other
    work of this process, done while the workers group (see kzfr_check.engine.sharing), or at the end without them."""
    declared, taken = declared_topics(claims, specs)
    return declared + discover_topics(claims, taken, helpers, meanwhile)
