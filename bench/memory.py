"""Memory of the check's process, stage by stage: its RSS and its peak so far (VmHWM) when each stage of
kzfr_check.pipeline.check ends, then while the JSON report is written out, a topic at a time, as the CLI
writes it. Linux only (it reads /proc/self/status).

    python bench/memory.py FOLDER [--config CLAIMS_TOML] [--jobs N] [--engine local|dask]

The peak of the check's process is what bench/engines.py measures from outside, for both engines at once; this
says which stage reaches it.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from kzfr_check.config import Config, load_config
from kzfr_check.engine import engine
from kzfr_check.pipeline import check
from kzfr_check.report import RenderOptions
from kzfr_check.report.json import render_chunks


def _status_mb() -> tuple[int, int]:
    """(RSS, peak RSS) of this process, in MB."""
    found = {}
    with open("/proc/self/status") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                found[key] = int(value.split()[0]) // 1024
    return found["VmRSS"], found["VmHWM"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--config", type=Path, help="a claims.toml (default: none, every topic discovered)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--engine", choices=["local", "dask"], default="local")
    args = parser.parse_args()
    started = time.perf_counter()

    def line(what: str) -> None:
        rss, peak = _status_mb()
        print(f"{time.perf_counter() - started:8.1f} s  {what:<28} rss {rss:6d} MB  peak {peak:6d} MB", flush=True)

    def progress(stage: str, done: int, total: int) -> None:
        if done == total:
            line(f"end of {stage}")

    line("start")
    report = check([args.folder], load_config(args.config) if args.config else Config(), jobs=args.jobs,
                   progress=progress, engine=engine(args.engine, jobs=args.jobs))
    written = sum(len(piece) for piece in render_chunks(report, RenderOptions()))
    line(f"JSON written ({written // 2**20} MB)")
    print(f"{len(report.sources)} documents, {len(report.claims)} claims, {len(report.topics)} topics")


if __name__ == "__main__":
    main()
