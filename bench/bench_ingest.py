"""Ingest speed and memory, and that memory does not grow with the corpus.

    .venv/bin/python bench/bench_ingest.py [CORPUS.jsonl ...] [--copies 1 3] [--workers 1 2]

For each number of copies K, writes a JSONL of the corpus K times over (each copy's
documents get their own ids and a marker in the title, so they are new documents to the
store), ingests it into a fresh store in its own process with each number of coding
workers, and prints documents/s, seconds and peak memory (of the main process; each
worker holds its own pipeline). Then reruns the largest ingest to show that a rerun
adds nothing and how long the check takes. Default corpus: ../shared/corpus/*.jsonl.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = sorted((ROOT.parent / "shared" / "corpus").glob("*.jsonl"))


def write_copies(paths: list[Path], copies: int, target: Path) -> int:
    count = 0
    with target.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for path in paths:
                for line in path.read_text(encoding="utf-8").splitlines():
                    record = json.loads(line)
                    record["id"] = f"{record.get('id', count)}#{copy}"
                    record["title"] = f"{record.get('title') or ''} [copy {copy}]"
                    out.write(json.dumps(record) + "\n")
                    count += 1
    return count


# A go-between process runs the ingest, so the peak memory it reports is this ingest's alone.
_MEASURE = """
import resource, subprocess, sys, time
started = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, capture_output=True)
print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""


def run(corpus: Path, db: Path, workers: int = 1) -> dict[str, float]:
    """One ingest in its own process; its wall time and peak memory (MB)."""
    command = [sys.executable, "-m", "detente", "ingest", str(corpus), "--db", str(db), "--quiet",
               "--workers", str(workers)]
    output = subprocess.run([sys.executable, "-c", _MEASURE, *command], check=True, capture_output=True, text=True)
    seconds, peak = output.stdout.split()
    return {"seconds": float(seconds), "peak_mb": float(peak)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="*", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--copies", nargs="+", type=int, default=[1, 3])
    parser.add_argument("--workers", nargs="+", type=int, default=[1, 2])
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="detente-bench-ingest-"))
    print(f"{'copies':>6} {'workers':>7} {'documents':>9} {'docs/s':>8} {'seconds':>8} {'peak MB':>8}")
    for copies in sorted(args.copies):
        corpus = folder / f"corpus-{copies}.jsonl"
        documents = write_copies(args.corpus, copies, corpus)
        for workers in args.workers:
            result = run(corpus, folder / f"store-{copies}-{workers}.duckdb", workers)
            print(f"{copies:>6} {workers:>7} {documents:>9} {documents / result['seconds']:>8.1f} "
                  f"{result['seconds']:>8.1f} {result['peak_mb']:>8.0f}")
    largest = max(args.copies)
    again = run(folder / f"corpus-{largest}.jsonl", folder / f"store-{largest}-{args.workers[0]}.duckdb")
    print(f"rerun of {largest} copies (nothing new): {again['seconds']:.1f} s, peak {again['peak_mb']:.0f} MB")


if __name__ == "__main__":
    main()
