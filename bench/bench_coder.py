"""Speed and memory of `detente code` against the bare spaCy pipeline over the same texts.

    .venv/bin/python bench/bench_coder.py [CORPUS.jsonl ...] [--workers 1 2] [--repeat 3]

Every run is a whole process, timed from start to exit (imports and model loading
included), with the others back to back in each round: `spacy` runs the full default
pipeline (every component, as a user would without detente) over the documents' texts in
one process; `detente N` runs `detente code CORPUS --format jsonl --workers N`. Rates are
per document and per sentence of detente's splitter (the same sentences for every run),
the median of the rounds; "peak MB" is the largest resident size of any one process of the
run (with workers, a worker's). The machine's load average is printed, as other work
sharing the cores makes the absolute rates noisy: compare the ratios. Default corpus:
../shared/corpus/*.jsonl.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = sorted((ROOT.parent / "shared" / "corpus").glob("*.jsonl"))

# A go-between process runs the command, so the peak memory it reports is that run's alone.
_MEASURE = """
import resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], check=True, capture_output=True, text=True)
print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
print(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "")
"""

# The bare spaCy side: the default pipeline, every component, over the same texts.
_SPACY = """
import sys
import spacy
from detente.parse import DEFAULT_PIPELINE
from detente.read import read_inputs
from detente.records import Document

texts = [d.text for d in read_inputs(sys.argv[1:]) if isinstance(d, Document)]
nlp = spacy.load(DEFAULT_PIPELINE)
for doc in nlp.pipe(texts, batch_size=64):
    pass
"""

_SUMMARY = re.compile(r"(\d+) documents, (\d+) sentences \((\d+) parsed\), (\d+) events")


def measure(command: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak MB of the largest process, last stderr line of one whole run."""
    output = subprocess.run([sys.executable, "-c", _MEASURE, *command], check=True, capture_output=True,
                            text=True).stdout.splitlines()
    seconds, peak = output[0].split()
    return float(seconds), float(peak), output[1] if len(output) > 1 else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="*", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--workers", nargs="+", type=int, default=[1, 2])
    parser.add_argument("--repeat", type=int, default=1, help="Rounds; the median is reported.")
    args = parser.parse_args()
    if not args.corpus:
        sys.exit("no corpus: pass JSONL files or put them in ../shared/corpus")
    corpus = [str(p) for p in args.corpus]
    commands = {"spacy": [sys.executable, "-c", _SPACY, *corpus]}
    for workers in args.workers:
        commands[f"detente {workers}"] = [sys.executable, "-m", "detente", "code", *corpus, "--format", "jsonl",
                                          "--workers", str(workers)]
    load_before = os.getloadavg()
    runs: dict[str, list[tuple[float, float, str]]] = {name: [] for name in commands}
    for _ in range(args.repeat):
        for name, command in commands.items():
            runs[name].append(measure(command))
    load_after = os.getloadavg()
    summary = next(run[2] for name, results in runs.items() if name != "spacy" for run in results)
    match = _SUMMARY.search(summary)
    if match is None:
        sys.exit(f"unexpected summary from detente: {summary!r}")
    documents, sentences, parsed, events = map(int, match.groups())
    print(f"corpus: {', '.join(p.name for p in args.corpus)}: {documents} documents, {sentences} sentences "
          f"({parsed} parsed, {parsed / sentences:.0%}), {events} events")
    print(f"{'':12}{'docs/s':>9}{'sents/s':>9}{'seconds':>9}{'peak MB':>9}{'x spaCy':>9}")
    spacy_seconds = statistics.median(r[0] for r in runs["spacy"])
    for name, results in runs.items():
        seconds = statistics.median(r[0] for r in results)
        peak = max(r[1] for r in results)
        print(f"{name:12}{documents / seconds:9.1f}{sentences / seconds:9.1f}{seconds:9.2f}{peak:9.0f}"
              f"{seconds / spacy_seconds:9.2f}")
    print(f"{args.repeat} round(s), whole processes, median seconds; load average (1 min) "
          f"{load_before[0]:.1f} before, {load_after[0]:.1f} after, on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
