"""Find the topics a person means by a few words: `kzfr-check claim "opening year"`."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, process

from kzfr_check.sources import normalise
from kzfr_check.topics import content_stems
from kzfr_check.verdicts import Verdict

WORD_MATCH = 85  # rapidfuzz ratio at which a query word and a topic word are the same word
MAX_MATCHES = 5


def _topic_words(verdict: Verdict) -> list[str]:
    topic = verdict.topic
    texts = [topic.label, topic.id.replace("-", " "), *topic.aliases, *(c.said for c in topic.claims)]
    return sorted({s for text in texts for s in content_stems(text)})


def score(query: str, verdict: Verdict) -> float:
    """Share of the query's words the topic holds (fuzzily), with how closely its label and its
    sentences read like the query as a tie-break; 0-100."""
    wanted = content_stems(normalise(query))
    if not wanted:
        return 0.0
    words = _topic_words(verdict)
    found = sum(1 for w in wanted if process.extractOne(w, words, scorer=fuzz.ratio, score_cutoff=WORD_MATCH))
    q = normalise(query).lower()
    texts = [verdict.topic.label, *verdict.topic.aliases, *(c.said for c in verdict.topic.claims)]
    closeness = sum(fuzz.partial_ratio(q, t.lower()) for t in texts) / len(texts)
    return 90 * found / len(wanted) + closeness / 10


def find_topics(query: str, verdicts: Sequence[Verdict]) -> tuple[list[Verdict], list[Verdict]]:
    """(matches, closest): topics holding every word of the query, best first; when there are
    none, the few that come closest, to suggest."""
    ranked = sorted(verdicts, key=lambda v: (-score(query, v), v.topic.id))
    full = [v for v in ranked if score(query, v) >= 90]
    return full[:MAX_MATCHES], ranked[:3]
