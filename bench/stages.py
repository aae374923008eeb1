"""Time each stage of kzfr-check on one folder and print the seconds as JSON, for bench/run.py: the
CLI does not report its stages. The steps are those of kzfr_check.pipeline.check, in one process.

    python bench/stages.py FOLDER CLAIMS_TOML
"""

from __future__ import annotations

import gc
import json
import sys
from time import perf_counter

from kzfr_check.claims import extract_claims, forget_sentences
from kzfr_check.config import load_config
from kzfr_check.pipeline import Report
from kzfr_check.report import RenderOptions, renderer
from kzfr_check.sources import load_sources
from kzfr_check.topics import group_claims
from kzfr_check.verdicts import judge_all, stale_resolutions
from kzfr_check.witnesses import name_variants, witness_groups, witness_of


def timed_check(folder: str, config_path: str) -> dict[str, float]:
    """Seconds per stage of a check and its JSON report. Keep in step with pipeline.check()."""
    config = load_config(config_path)
    gc.disable()  # as check() does
    seconds: dict[str, float] = {}
    started = perf_counter()

    def lap(stage: str) -> None:
        nonlocal started
        now = perf_counter()
        seconds[stage] = now - started
        started = now

    sources = load_sources([folder])
    lap("sources")
    claims = [claim for source in sources for claim in extract_claims(source)]
    forget_sentences()  # as check() does once it has read the documents
    lap("claims")
    topics = group_claims(claims, config.topics)
    lap("topics")
    dates = {s.id: str(s.date) if s.date else None for s in sources}
    witnesses = witness_groups(claims)
    verdicts = judge_all(topics, dates, config.resolutions, witness_of(claims, witnesses))
    warnings = stale_resolutions(verdicts, config.resolutions)
    report = Report(tuple(source.document() for source in sources), tuple(claims), tuple(topics), tuple(verdicts),
                    tuple(warnings), tuple(witnesses), tuple(name_variants(claims)))
    lap("verdicts")
    renderer("json")(report, RenderOptions())
    lap("report")
    return seconds


if __name__ == "__main__":
    print(json.dumps(timed_check(sys.argv[1], sys.argv[2])))
