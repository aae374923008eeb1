"""Benchmark kzfr-check end to end on generated corpora of growing size, against a floor measured in
the same run. One row per size; bench/README.md says what each column means.

    python bench/run.py [SIZE ...] [--work DIR] [--jobs N] [--seed S]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from generate import generate

HERE = Path(__file__).resolve().parent
STAGES = ("sources", "claims", "topics", "verdicts", "report")

# The floor: a Python process that reads the same files and runs one regex over them. No tool written
# in Python can do less, so the ratio to it says what the checking itself costs, start-up aside.
FLOOR = r"""
import re, sys
from pathlib import Path
figure = re.compile(r"\d+")
print(sum(len(figure.findall(p.read_text(encoding="utf-8"))) for p in sorted(Path(sys.argv[1]).rglob("*.txt"))))
"""

# header, width, format of the value
COLUMNS = [("docs", 6, "{:d}"), ("MB", 6, "{:.2f}"), ("wall s", 7, "{:.2f}"), ("docs/s", 7, "{:.0f}"),
           ("MB/s", 6, "{:.2f}"), ("RSS MB", 7, "{:.0f}"), ("floor s", 7, "{:.2f}"), ("x floor", 7, "{:.1f}"),
           ("x prev", 6, "{:.2f}"), ("per 2x", 6, "{:.2f}"), *((stage, 8, "{:.2f}") for stage in STAGES)]


@dataclass(frozen=True)
class ChildRun:
    seconds: float
    peak_rss_mb: float
    stdout: str


def run_child(command: list[str], log: Path, ok: tuple[int, ...] = (0,)) -> ChildRun:
    """Run a command to its end: wall time and the child's own peak RSS. os.wait4 gives the rusage of
    this one child; RUSAGE_CHILDREN would be the largest of every child so far."""
    with log.with_suffix(".out").open("w+") as out, log.with_suffix(".err").open("w+") as err:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if child.returncode not in ok:
            sys.exit(f"{' '.join(command)} exited {child.returncode}:\n{err.read()}")
        return ChildRun(seconds, usage.ru_maxrss / 1024, out.read())  # ru_maxrss is in KiB on Linux


def kzfr_check_command() -> list[str]:
    """The console script installed next to this Python, else the package run as a module."""
    script = Path(sys.executable).with_name("kzfr-check")
    return [str(script)] if script.exists() else [sys.executable, "-m", "kzfr_check"]


def machine() -> str:
    cpu, ram_gb = platform.processor() or "unknown CPU", 0.0
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), cpu)
        with open("/proc/meminfo") as meminfo:
            ram_gb = next(int(line.split()[1]) / 1024**2 for line in meminfo if line.startswith("MemTotal"))
    except OSError:  # not Linux: what platform knows
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (f"{cpu}, {os.cpu_count()} cores ({usable} usable), {ram_gb:.1f} GB RAM, "
            f"Python {platform.python_version()} on {platform.system()} {platform.release()}")


def commit() -> str:
    """The commit measured, so that a table can be tied to the code that made it."""
    try:
        return subprocess.run(["git", "-C", str(HERE), "describe", "--always", "--dirty"], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def start_up(work: Path, config: Path) -> str:
    """The two small runs a person waits on, best of three: --help, and the seeds end to end."""
    seeds = HERE.parent / "seeds"
    runs = {"--help": [*kzfr_check_command(), "--help"],
            "seeds end to end": [*kzfr_check_command(), "conflicts", str(seeds), "-c", str(config)]}
    best = {name: min(run_child(command, work / "start-up", ok=(0, 1)).seconds for _ in range(3))
            for name, command in runs.items()}
    return ", ".join(f"{name} {seconds:.2f} s" for name, seconds in best.items())


def measure(size: int, work: Path, config: Path, seed: int, jobs: int | None) -> dict[str, float]:
    """One size: generate the corpus, time the floor, the CLI and its stages."""
    corpus = work / f"corpus-{size}"
    megabytes = sum(path.stat().st_size for path in generate(corpus, size, seed)) / 1e6
    floor = run_child([sys.executable, "-c", FLOOR, str(corpus)], work / f"floor-{size}")
    report = work / f"report-{size}.json"
    jobs_option = ["--jobs", str(jobs)] if jobs else []
    cli = run_child([*kzfr_check_command(), *jobs_option, "conflicts", str(corpus), "-c", str(config), "--format",
                     "json", "--output", str(report)], work / f"cli-{size}", ok=(0, 1))  # 1: conflicts found
    documents = json.loads(report.read_text(encoding="utf-8"))["summary"]["sources"]
    stages = json.loads(run_child([sys.executable, str(HERE / "stages.py"), str(corpus), str(config)],
                                  work / f"stages-{size}").stdout)
    return {"docs": documents, "MB": megabytes, "wall s": cli.seconds, "docs/s": documents / cli.seconds,
            "MB/s": megabytes / cli.seconds, "RSS MB": cli.peak_rss_mb, "floor s": floor.seconds,
            "x floor": cli.seconds / floor.seconds, **stages}


def row(values: dict[str, float]) -> str:
    return "  ".join(fmt.format(values[name]).rjust(width) if name in values else "-".rjust(width)
                     for name, width, fmt in COLUMNS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", type=int, nargs="*", default=[1000, 2000, 5000, 10000],
                        help="documents per corpus (default: 1000 2000 5000 10000)")
    parser.add_argument("--work", type=Path, help="keep corpora and reports here (default: a temporary folder)")
    parser.add_argument("--jobs", type=int, help="passed to kzfr-check --jobs (default: its own, the cores)")
    parser.add_argument("--seed", type=int, default=7, help="corpus generator seed")
    args = parser.parse_args()

    print(f"machine: {machine()}")
    print(f"kzfr-check: {' '.join(kzfr_check_command())} at {commit()}"
          f"{f', --jobs {args.jobs}' if args.jobs else ''}; corpus seed {args.seed}")
    with tempfile.TemporaryDirectory(prefix="kzfr-bench-") as temporary:
        work = args.work or Path(temporary)
        work.mkdir(parents=True, exist_ok=True)
        config = work / "claims.toml"  # empty: every topic is discovered
        config.write_text("")
        print(f"start-up: {start_up(work, config)}")
        print(f"stage seconds ({', '.join(STAGES)}) from a separate one-process run of bench/stages.py")
        print("  ".join(name.rjust(width) for name, width, _ in COLUMNS), flush=True)
        previous: dict[str, float] | None = None
        for size in args.sizes:
            values = measure(size, work, config, args.seed, args.jobs)
            if previous is not None:
                values["x prev"] = values["wall s"] / previous["wall s"]
                growth = values["docs"] / previous["docs"]
                if growth > 1:  # the time ratio as if the corpus had doubled
                    values["per 2x"] = values["x prev"] ** (math.log(2) / math.log(growth))
            print(row(values), flush=True)
            previous = values


if __name__ == "__main__":
    main()
