"""Group claims from different sources that state the same fact.

Declared topics (claims.toml) come first: a claim joins the topic whose aliases best match its
sentence. The rest are discovered: what each claim says (its sentence without figures and stop
words, stemmed, weighted by rarity and by nearness to the figure) is compared with rapidfuzz-matched
stems, and claims of the same kind that say the same thing are merged, at most one per source.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz

from kzfr_check.claims import Claim
from kzfr_check.values import CARDINALS, DATE_KINDS, MEASURES, MONTHS, ORDINALS, Value, gap, relation

STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each even ever every few for from further
had has have having he her here hers herself him himself his how however i if in into is it its itself
just least less let like made make many may me might more most much must my myself near nearly no nor not
now of off often on once one only or other others our ours ourselves out over own per quite rather same
says said she should since so some such than that the their theirs them themselves then there these they
this those through thus to too under until up upon us very via was we well were what when where whether
which while who whom whose why will with within without would yet you your yours yourself today currently
new also already still such thus therefore furthermore moreover addition
""".split()) | frozenset(  # the grammar of ranks and measures
    "rank ranks ranked ranking place placed position long high tall wide deep thick length height width depth "
    "measures measuring".split())
FIGURE_WORDS = frozenset(w for phrase in [*CARDINALS, *ORDINALS, *MONTHS] for w in phrase.split())
RANK_CRITERION = re.compile(
    r"(?:[\s-]+[\w'-]+){0,3}?\s+(?:to\s+(?!(?:the|an?|its|their|his|her|our|this|that|these|those|be)\b)(?P<verb>[a-z]\w+)|in\s+terms\s+of\s+(?:the\s+)?"
    r"(?:(?:volume|number|amount|value|size|share)\s+of\s+)?(?P<what>\w+))")
MEASURE_KINDS = frozenset(kind for kind, _, _ in MEASURES.values())
WORD = re.compile(r"[^\W\d_]{2,}")
LINK_THRESHOLD = 0.25      # cosine of what two groups say above which they state the same fact
CONFLICT_THRESHOLD = 0.35  # the same, for groups whose values contradict each other
YEAR_PENALTY = 0.05        # per year beyond the first between two conflicting dates
DOUBLING_PENALTY = 0.15    # per doubling between two conflicting amounts
PUNCTUATION_DISTANCE = 1.5
ANAPHORA_DISTANCE = 6      # how far the words of the sentence a pronoun points back to count
DISTANCE_SCALE = 4         # a word this many words from the figure weighs half as much as its neighbour
SINGLE_SOURCE_WEIGHT = 0.25
HEAD_BOOST = 2.0           # the noun right after the figure says what it measures
MAX_ALIAS_WORDS = 4
MAX_BUCKET = 400
NEIGHBOURS = 8             # candidates kept per distinct statement
STRONGEST = 4              # stems of each claim indexed to find candidate pairs
FUZZY_STEM = 85            # rapidfuzz ratio above which two stems are one word ("employer"/"employ")
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


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer().stemWord(word.lower())


def content_stems(text: str) -> list[str]:
    """The stems of a text's content words, in order (no stop words, no numbers)."""
    return [stem(w) for w in WORD.findall(text.lower()) if w not in STOP_WORDS]


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
    """Index of claim -> declared topic id, for claims whose sentence holds a whole alias."""
    alias_stems = [(spec, [content_stems(a) for a in spec.aliases]) for spec in specs]
    chosen: dict[int, str] = {}
    for i, claim in enumerate(claims):
        said = content_stems(claim.said)
        best: tuple[float, int, str] | None = None
        for order, (spec, aliases) in enumerate(alias_stems):
            if spec.kind and spec.kind != claim.kind:
                continue
            score = max((_alias_score(a, said) + len(a) / 100 for a in aliases
                         if _alias_score(a, said) >= ALIAS_MATCH), default=0.0)
            if score and (best is None or (score, -order) > (best[0], -best[1])):
                best = (score, order, spec.id)
        if best:
            chosen[i] = best[2]
    return chosen


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
    words: dict[str, str]  # stem -> a surface word, for readable labels


def _context(claim: Claim) -> list[tuple[str, str, float]]:
    """(stem, surface word, weight) for the content words of a claim's sentence: words near the
    figure weigh more, and most of all the noun the figure directly qualifies ('five largest
    *suppliers*', 'two public *schools*')."""
    fig_start, fig_end = claim.figure_in_quote
    tokens = [(m.start(), m.group(0)) for m in re.finditer(r"[^\W\d_]{2,}|[,;:()]", claim.said)]
    before = [w for s, w in tokens if s < fig_start]
    after = [w for s, w in tokens if s >= fig_end]
    words: list[tuple[str, str, float]] = []
    # distance counts content words and punctuation only: function words do not separate meaning
    for side, seq in (("before", before[::-1]), ("after", after)):
        distance = 0.0
        head_run = side == "after"
        run: list[int] = []
        for w in seq:
            low = w.lower()
            if w in ",;:()" or low in STOP_WORDS or low in FIGURE_WORDS:
                head_run = False
                distance += PUNCTUATION_DISTANCE if w in ",;:()" else 0
                continue
            distance += 1
            if head_run and claim.kind == "count" and low == claim.counted:
                # what a count counts must match anyway (_may_group): it gets no extra weight
                head_run = False
                run.clear()
            if head_run:
                run.append(len(words))
            words.append((stem(low), low, 1 / (1 + distance / DISTANCE_SCALE)))
        if run:
            head = run[-1]
            criterion = RANK_CRITERION.match(claim.said[fig_end:]) if claim.kind == "rank" else None
            if criterion:  # 'the first country to *recognise*', 'fourth in terms of *investments*'
                word = (criterion["verb"] or criterion["what"]).lower()
                head = next((i for i in range(len(words)) if words[i][1] == word), head)
            s_, surface, weight = words[head]
            words[head] = (s_, surface, weight * HEAD_BOOST)
        elif side == "before" and words and claim.kind in MEASURE_KINDS:
            # a measure's subject comes before it: 'the main *span*, 4,200 feet long'
            s_, surface, weight = words[0]
            words[0] = (s_, surface, weight * HEAD_BOOST)
    # a pronoun's referent, from the sentence before, weighs as a word some way off
    for w in WORD.findall(claim.said_before):
        low = w.lower()
        if low not in STOP_WORDS and low not in FIGURE_WORDS:
            words.append((stem(low), low, 1 / (1 + ANAPHORA_DISTANCE / DISTANCE_SCALE)))
    return words


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


def _said_vectors(claims: Sequence[Claim]) -> list[_Said]:
    contexts = [_context(c) for c in claims]
    canon = _canonical_stems(s for ctx in contexts for s, _, _ in ctx)
    # Rarity is counted over distinct sentences, so that a word repeated by several claims of one
    # sentence, or by a verbatim copy of a source, counts once.
    sentence_stems: dict[str, set[str]] = {}
    first_source: dict[str, str] = {}
    for c in sorted(claims, key=lambda claim: claim.source):
        sentence_stems.setdefault(c.said, set()).update(canon.get(s, s) for s in content_stems(c.said))
        first_source.setdefault(c.said, c.source)
    df = Counter(s for stems in sentence_stems.values() for s in stems)
    n = len(sentence_stems)
    # a word only one source uses cannot show that two sources say the same thing
    in_sources = Counter(s for _, s in {(first_source[said], s) for said, stems in sentence_stems.items()
                                        for s in stems})
    vectors = []
    for ctx in contexts:
        weights: dict[str, float] = {}
        words: dict[str, str] = {}
        for s, surface, nearness in ctx:
            key = canon[s]
            idf = math.log((n + 1) / (df[key] + 0.5))
            w = idf * nearness * (1.0 if in_sources[key] > 1 else SINGLE_SOURCE_WEIGHT)
            if w > weights.get(key, 0.0):
                weights[key] = w
                words.setdefault(key, surface)
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors.append(_Said(weights, norm, words))
    return vectors


def _rank_predicate(claim: Claim) -> str:
    """What a 'first ... to VERB' ranking is about: the verb ('the first country to *recognise*')."""
    fig_end = claim.figure_in_quote[1]
    m = RANK_CRITERION.match(claim.said[fig_end:])
    return stem(m["verb"]) if m and m["verb"] else ""


def _same_thing(a: str, b: str) -> bool:
    a, b = stem(a), stem(b)
    return a == b or _same_word(a, b)


def _may_group(a: Claim, b: Claim) -> bool:
    """Only claims of the same kind from different sources, counting the same thing (counts: the
    noun counted; 'first ... to VERB' ranks: the verb) or spanning overlapping time (periods), may
    state the same fact."""
    if a.source == b.source or a.value.group_key != b.value.group_key:
        return False
    if a.kind == "count":
        return _same_thing(a.counted, b.counted)
    if a.kind == "rank":
        pa, pb = _rank_predicate(a), _rank_predicate(b)
        return (not pa and not pb) or (bool(pa and pb) and _same_thing(pa, pb))
    if a.kind == "period":  # spans of time that do not even overlap are two periods, not one in dispute
        return a.value.low <= b.value.end_high and b.value.low <= a.value.end_high
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
    dot = sum(w * b.get(s, 0.0) for s, w in a.items())
    return dot / (na * nb) if na and nb else 0.0


def _candidate_pairs(claims: Sequence[Claim], free: Sequence[int], vectors: dict[int, _Said]) -> set[tuple[int, int]]:
    """Pairs of claims that share one of their strongest stems: an index, never all pairs."""
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in free:
        strongest = sorted(vectors[i].weights.items(), key=lambda kv: (-kv[1], kv[0]))[:STRONGEST]
        for s, _ in strongest:
            index[(claims[i].value.group_key, s)].append(i)
    pairs = set()
    for bucket in index.values():
        if len(bucket) > MAX_BUCKET:  # a word this many statements share cannot single out a fact
            continue
        for x, i in enumerate(bucket):
            for j in bucket[x + 1:]:
                if _may_group(claims[i], claims[j]):
                    pairs.add((min(i, j), max(i, j)))
    return pairs


def _gap_penalty(a: Value, b: Value) -> float:
    """Extra evidence a conflict needs as its values lie further apart: sources that state the same
    fact rarely differ by decades or by orders of magnitude, different facts often do."""
    g = gap(a, b)
    if a.kind in DATE_KINDS:
        penalty = YEAR_PENALTY * max(0.0, g - 1)
        if max(a.high - a.low, b.high - b.low) < 31:  # two exact days months apart are two events
            penalty += DOUBLING_PENALTY * math.log2(1 + g * 365.25 / 31)
        return penalty
    return DOUBLING_PENALTY * g


def discover_topics(claims: Sequence[Claim], taken: set[int] | None = None) -> list[Topic]:
    """Group the claims no declared topic took, by what they say; singletons are dropped.

    Groups grow by merging the two most similar groups (by what their claims say together) while
    they share no source. Joining values that contradict each other takes stronger evidence than
    joining values that fit, so a reported conflict rests on claims that clearly say the same thing.
    Identical statements (a sentence reprinted word for word) start as one group, and candidate
    merges come from an index of strong words and wait in a heap: the cost grows with the number of
    distinct statements and their neighbours, never with all pairs.
    """
    free = [i for i in range(len(claims)) if i not in (taken or set())]
    vectors = dict(zip(free, _said_vectors([claims[i] for i in free]), strict=True))
    statements: dict[tuple[str, tuple[int, int], str, str], list[int]] = {}
    for i in free:
        c = claims[i]
        statements.setdefault((c.said, c.figure_in_quote, c.value.text, c.counted), []).append(i)
    units = list(statements.values())
    unit_of = {i: u for u, members in enumerate(units) for i in members}
    first = [members[0] for members in units]

    siblings: dict[tuple[str, int, str], list[int]] = defaultdict(list)
    for i in free:
        siblings[(claims[i].source, claims[i].quote_start, claims[i].value.group_key)].append(i)

    def sibling_agrees(x: int, y: int) -> bool:
        """Does y's sentence also state x's value? Then that figure, not y, is x's counterpart."""
        key = (claims[y].source, claims[y].quote_start, claims[y].value.group_key)
        return any(relation(claims[z].value, claims[x].value) != "conflict" for z in siblings[key] if z != y)

    members = {u: [u] for u in range(len(units))}
    sources = {u: {claims[i].source for i in units[u]} for u in members}
    centroid = {u: _centroid([vectors[units[u][0]]]) for u in members}
    norm = {u: _norm(centroid[u]) for u in members}
    version = dict.fromkeys(members, 0)
    # each statement keeps its few most similar candidates: enough to find its fact, and bounded
    scored: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for i, j in _candidate_pairs(claims, first, vectors):
        a, b = unit_of[i], unit_of[j]
        score = _cosine(centroid[a], centroid[b], norm[a], norm[b])
        if a != b and score >= LINK_THRESHOLD:
            scored[a].append((score, b))
            scored[b].append((score, a))
    neighbours: dict[int, set[int]] = {u: set() for u in members}
    for a, candidates in scored.items():
        for _, b in sorted(candidates, key=lambda sb: (-sb[0], sb[1]))[:NEIGHBOURS]:
            neighbours[a].add(b)
            neighbours[b].add(a)

    values = {u: {claims[first[u]].value.text: claims[first[u]].value} for u in members}
    years = [{claims[i].document_year for i in units[u]} for u in range(len(units))]
    penalty: dict[tuple[str, str], float | None] = {}  # value texts -> extra evidence, None if they fit
    needs: dict[tuple[int, int], float | None] = {}

    def conflict_penalty(x: Value, y: Value) -> float | None:
        key = (x.text, y.text)
        if key not in penalty:
            penalty[key] = _gap_penalty(x, y) if relation(x, y) == "conflict" else None
        return penalty[key]

    def need(ua: int, ub: int) -> float | None:
        """The evidence two statements need to be grouped: the link threshold when their values fit;
        more when they contradict, the more the further apart; none suffices (inf) when the sentence
        of one also states the other's value, or one is stated for a year the other's document is not
        of. Values stated for two different periods may group as a change over time."""
        if (ua, ub) not in needs:
            x, y = first[ua], first[ub]
            gap_penalty = conflict_penalty(claims[x].value, claims[y].value)
            if gap_penalty is None:
                needs[(ua, ub)] = LINK_THRESHOLD
            elif sibling_agrees(x, y) or sibling_agrees(y, x) or _stated_for_another_year(ua, ub):
                needs[(ua, ub)] = math.inf
            elif claims[x].as_of and claims[y].as_of and claims[x].as_of != claims[y].as_of:
                needs[(ua, ub)] = CONFLICT_THRESHOLD
            else:
                needs[(ua, ub)] = CONFLICT_THRESHOLD + gap_penalty
        return needs[(ua, ub)]

    def _stated_for_another_year(ua: int, ub: int) -> bool:
        for one, other in ((ua, ub), (ub, ua)):
            stated, unstated = claims[first[one]].as_of, claims[first[other]].as_of
            if stated and not unstated:
                year = int(stated.split("/")[-1][:4]) if stated[-1].isdigit() else int(stated[:4])
                if any(d is not None and d not in (year, year + 1) for d in years[other]):
                    return True
        return False

    def merge_score(a: int, b: int) -> float | None:
        if sources[a] & sources[b]:
            return None
        score = _cosine(centroid[a], centroid[b], norm[a], norm[b])
        if score < LINK_THRESHOLD:
            return None
        if all(conflict_penalty(x, y) is None for x in values[a].values() for y in values[b].values()):
            return score
        needed = max(need(ua, ub) for ua in members[a] for ub in members[b])
        return score if score >= needed else None

    heap: list[tuple[float, int, int, int, int]] = []

    def offer(a: int, b: int) -> None:
        a, b = min(a, b), max(a, b)
        score = merge_score(a, b)
        if score is not None:
            heapq.heappush(heap, (-score, a, b, version[a], version[b]))

    for a in sorted(members):
        for b in sorted(neighbours[a]):
            if a < b:
                offer(a, b)
    while heap:
        _, a, b, va, vb = heapq.heappop(heap)
        if a not in members or b not in members or version[a] != va or version[b] != vb:
            continue  # one of them has grown since: its fresh pairs are in the heap
        members[a] = sorted(members[a] + members.pop(b))
        sources[a] |= sources.pop(b)
        values[a].update(values.pop(b))
        for s, w in centroid.pop(b).items():
            centroid[a][s] = centroid[a].get(s, 0.0) + w
        norm[a] = _norm(centroid[a])
        del norm[b]
        version[a] += 1
        del version[b]
        for n in neighbours.pop(b):
            neighbours[n].discard(b)
            if n != a:
                neighbours[n].add(a)
                neighbours[a].add(n)
        neighbours[a].discard(b)
        for n in sorted(neighbours[a]):
            offer(a, n)
    topics = []
    for group in members.values():
        claim_ids = sorted(i for u in group for i in units[u])
        if len({claims[i].source for i in claim_ids}) >= 2:
            topics.append(_name_topic([claims[i] for i in claim_ids], [vectors[i] for i in claim_ids]))
    return _unique_ids(topics)


def _name_topic(group: Sequence[Claim], vectors: Sequence[_Said]) -> Topic:
    """A readable, stable name: the kind and the words that weigh most across the group's claims."""
    total: Counter[str] = Counter()
    shared = Counter(s for v in vectors for s in v.weights)
    for v in vectors:
        for s, w in v.weights.items():
            total[s] += w * shared[s]
    words: dict[str, str] = {}
    for v in vectors:
        for s, surface in v.words.items():
            words.setdefault(s, surface)
    top = sorted(total, key=lambda s: (-total[s], s))[:3]
    kind = group[0].kind
    if kind == "count" and group[0].counted:
        top = [group[0].counted] + [words[s] for s in top if words[s] != group[0].counted][:2]
    else:
        top = [words[s] for s in top]
    slug = "-".join([kind, *top])
    return Topic(slug, f"{kind}: {' '.join(top)}", kind, tuple(group))


def _unique_ids(topics: list[Topic]) -> list[Topic]:
    seen: Counter[str] = Counter()
    out = []
    for t in sorted(topics, key=lambda t: (t.id, t.claims[0].source, t.claims[0].start)):
        seen[t.id] += 1
        out.append(t if seen[t.id] == 1 else replace(t, id=f"{t.id}-{seen[t.id]}"))
    return out


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


def group_claims(claims: Sequence[Claim], specs: Sequence[TopicSpec] = ()) -> list[Topic]:
    """All topics: declared ones (even when empty), then discovered ones, in a stable order."""
    declared, taken = declared_topics(claims, specs)
    return declared + discover_topics(claims, taken)
