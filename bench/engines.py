"""The local engine against --engine dask (a LocalCluster of two worker processes) on generated corpora, in
one run: wall time and peak memory of each kind of process; then what a document costs to move between
processes. Checks that both engines wrote the same report, byte for byte. `apart` is Dask with its scheduler and
workers in processes of their own (`dask scheduler`, `dask worker`), as on a real cluster, reached with
--scheduler (its scheduler's peak is shown beside the workers'). Without `local` among --engines, the reports are
compared with the local engine's kept by an earlier run with --keep.

    python bench/engines.py [SIZE ...] [--work DIR] [--workers N] [--seed S] [--varied] [--engines local,dask,apart]
                             [--keep]

Needs `pip install -e '.[dask]'` in the environment of this Python; nothing else beyond the standard library.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from generate import generate
from run import commit, kzfr_check_command, machine


def _status_kb(pid: int, key: str) -> int:
    with open(f"/proc/{pid}/status") as status:
        return next((int(line.split()[1]) for line in status if line.startswith(key)), 0)


def _children(pid: int) -> list[int]:
    """Its child processes, whichever of its threads started them (Dask starts workers from its own thread)."""
    found = []
    try:
        for thread in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{thread}/children") as children:
                found += [int(child) for child in children.read().split()]
    except OSError:
        pass
    return found


@dataclass
class Sampler:
    """Samples a process and its descendants every 50 ms until stopped: each one's peak RSS (VmHWM, kept by
    the kernel, so a sample misses only what a process does in its last 50 ms)."""

    root: int
    peaks: dict[int, tuple[str, int]] = field(default_factory=dict)  # pid -> (command, peak KiB)
    done: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        while not self.done.wait(0.05):
            pids, at = [self.root], 0
            while at < len(pids):
                pids += _children(pids[at])
                at += 1
            for pid in pids:
                try:
                    with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
                        command = cmdline.read().replace(b"\0", b" ").decode(errors="replace")
                    self.peaks[pid] = (command, max(self.peaks.get(pid, ("", 0))[1], _status_kb(pid, "VmHWM:")))
                except (OSError, StopIteration):
                    pass


@dataclass(frozen=True)
class Measured:
    seconds: float
    check_mb: float  # peak RSS of the process that runs the check (the Dask client)
    worker_mb: float  # peak RSS of the largest worker process (0: none)
    processes: int
    scheduler_mb: float = 0  # peak RSS of a scheduler apart (0: none, or in the check's process)


def measure(command: list[str], cluster: Sequence[int] = ()) -> Measured:
    """The command's wall time and peaks, and those of the processes of a cluster apart (pids of their roots)."""
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    samplers = [Sampler(pid) for pid in (child.pid, *cluster)]
    threads = [threading.Thread(target=sampler.run) for sampler in samplers]
    for thread in threads:
        thread.start()
    _, stderr = child.communicate()
    seconds = time.perf_counter() - started
    for sampler, thread in zip(samplers, threads, strict=True):
        sampler.done.set()
        thread.join()
    if child.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} exited {child.returncode}:\n{stderr}")
    peaks = {pid: kb for sampler in samplers for pid, (_, kb) in sampler.peaks.items()}
    workers = [kb for pid, kb in peaks.items() if pid not in (child.pid, *cluster[:1])]
    return Measured(seconds, peaks[child.pid] / 1024, max(workers, default=0) / 1024, len(workers),
                    peaks.get(cluster[0], 0) / 1024 if cluster else 0)


@contextmanager
def cluster_apart(workers: int, work: Path) -> Iterator[tuple[str, list[int]]]:
    """A Dask scheduler and `workers` worker processes, each started apart from the check: its address, and the
    pids of the scheduler and of the worker processes' parent."""
    dask = str(Path(sys.executable).with_name("dask"))
    address_file = work / "scheduler.json"
    address_file.unlink(missing_ok=True)
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    scheduler = subprocess.Popen([dask, "scheduler", "--scheduler-file", str(address_file), "--port", "0",
                                  "--dashboard-address", ":0"], **quiet)
    while not address_file.exists():
        time.sleep(0.1)
    time.sleep(0.5)  # (written, then read: wait until it is whole)
    address = json.loads(address_file.read_text())["address"]
    pool = subprocess.Popen([dask, "worker", "--scheduler-file", str(address_file), "--nworkers", str(workers),
                             "--nthreads", "1", "--memory-limit", "0", "--dashboard-address", ":0"], **quiet)
    try:
        yield address, [scheduler.pid, pool.pid]
    finally:
        for process in (pool, scheduler):
            process.terminate()
            process.wait()


def shuffle_sizes(corpus: Path, sample: int = 200) -> str:
    """What a document costs to move, from an even sample of the corpus read here: its Document (name, date,
    line table; its text stays in the worker) and its claims, pickled as a worker sends them (a partition of 64
    pickles within 1% of the sum of its documents); the claims alone are what a shuffle by blocking key would
    move. Then what the word statistics' map sends its reducers (its buckets of sentences, pickled), when they
    run on the cluster."""
    import pickle

    from kzfr_check.pipeline import read_and_extract
    from kzfr_check.topics import _sentence_words, _source_sentences

    files = sorted(corpus.rglob("*.txt"))
    step = max(1, len(files) // sample)
    picked = files[::step][:sample]
    sources = claims = claim_count = 0
    every = []
    for file in picked:
        source, _, found = read_and_extract((str(file), file.name, 50_000_000, None))
        sources += len(pickle.dumps(source, pickle.HIGHEST_PROTOCOL))
        claims += len(pickle.dumps(found, pickle.HIGHEST_PROTOCOL))
        claim_count += len(found)
        every += found
    buckets = _sentence_words(_source_sentences(every), {}, frozenset()).buckets
    shuffled = sum(len(pickle.dumps(bucket, pickle.HIGHEST_PROTOCOL)) for bucket in buckets)
    n = len(picked)
    return (f"per document (a sample of {n}): {claim_count / n:.1f} claims; pickled, its Document "
            f"{sources / n / 1e3:.1f} kB and its claims {claims / n / 1e3:.1f} kB "
            f"({claims / max(1, claim_count):.0f} B a claim); the word statistics' map sends "
            f"{shuffled / n / 1e3:.1f} kB of it to the reducers")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000])
    parser.add_argument("--work", type=Path, help="keep corpora and reports here (default: a temporary folder)")
    parser.add_argument("--workers", type=int, default=2, help="--jobs: worker processes of either engine")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--varied", action="store_true", help="corpora worded apart (bench/generate.py --varied)")
    parser.add_argument("--engines", default="local,dask", help="of local, dask, apart (default: local,dask)")
    parser.add_argument("--keep", action="store_true", help="keep the local engine's reports in --work")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="kzfr-engines-"))
    work.mkdir(parents=True, exist_ok=True)
    config = work / "empty.toml"
    config.write_text("")
    print(machine())
    print(f"kzfr-check: {' '.join(kzfr_check_command())} at {commit()}; corpus seed {args.seed}"
          f"{', worded apart' if args.varied else ''}; {args.workers} workers")
    print(f"{'docs':>7} {'engine':>6} {'wall s':>7} {'ms/doc':>6} {'check MB':>8} {'worker MB':>9} "
          f"{'procs':>5} {'same':>4} {'sched MB':>8}")
    for size in args.sizes:
        corpus = work / f"{'varied' if args.varied else 'corpus'}-{size}"
        if not corpus.is_dir():
            generate(corpus, size, seed=args.seed, varied=args.varied)
        reports = {"local": work / f"report-{size}-local.json"}
        for engine in args.engines.split(","):
            reports[engine] = work / f"report-{size}-{engine}.json"
            command = [*kzfr_check_command(), "--quiet", "--jobs", str(args.workers), "conflicts", str(corpus),
                       "--config", str(config), "--format", "json", "--output", str(reports[engine]),
                       "--engine", "local" if engine == "local" else "dask"]
            if engine == "apart":
                with cluster_apart(args.workers, work) as (address, pids):
                    m = measure([*command, "--scheduler", address], pids)
            else:
                m = measure(command)
            same = reports["local"].exists() and reports[engine].read_bytes() == reports["local"].read_bytes()
            same_text = "-" if engine == "local" else "yes" if same else "NO"
            scheduler = f"{m.scheduler_mb:.0f}" if m.scheduler_mb else "-"
            print(f"{size:>7} {engine:>6} {m.seconds:>7.2f} {1000 * m.seconds / size:>6.2f} {m.check_mb:>8.0f} "
                  f"{m.worker_mb:>9.0f} {m.processes:>5} {same_text:>4} {scheduler:>8}",
                  flush=True)
        for engine, report in reports.items():
            if report.exists() and not (engine == "local" and args.keep):
                os.remove(report)
    print(shuffle_sizes(work / f"corpus-{args.sizes[-1]}"))


if __name__ == "__main__":
    main()
