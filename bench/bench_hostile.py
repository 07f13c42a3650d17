"""Coding time per character for hostile texts from 1 kB to 1 MB: it should be flat.

    .venv/bin/python bench/bench_hostile.py [--sizes 1000,10000,100000,1000000] [--budget SECONDS]

Each family is one document, built by repeating a unit up to the size:
  punctuation runs  a short clause, then runs of "?", "!" and "?!" of 2,000 marks each
  long words        a short clause, then words of 5,000 letters
  long sentence     clauses joined by commas and "and", no full stop: one sentence
  prose             ordinary short sentences, for comparison
Before the text bounds (detente.parse.bounds), "?" × 8,000 alone took 15 s. The coder's
time budget is off here (`--budget` sets one), so every figure is a full coding.
"""

from __future__ import annotations

import argparse
import time

FAMILIES = {
    "punctuation runs": "Russia condemned NATO" + "?" * 2000 + " Iran warned Israel" + "!" * 2000 + " "
                        + "?!" * 1000 + " ",
    "long words": "Russia condemned NATO " + ("abcdefghij" * 500) + " " + ("Xy" * 2500) + " ",
    "long sentence": "Russia condemned NATO on Monday, and Iran warned Israel about the talks, ",
    "prose": "Russia condemned NATO on Monday. Iran warned Israel about the talks. Poland expelled two diplomats. ",
}


def build(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000,1000000")
    parser.add_argument("--budget", type=float, default=None, help="Coder time budget per document (s).")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    from detente import Coder

    coder = Coder(time_budget=args.budget)
    coder.code("Russia condemned NATO.")  # first call warms the pipeline
    print(f"{'text':18} {'chars':>9} {'seconds':>9} {'ms per kB':>10} {'events':>7}")
    worst = 0.0
    for family, unit in FAMILIES.items():
        for size in sizes:
            text = build(unit, size)
            started = time.perf_counter()
            events = coder.code(text, date="2024-05-08")
            seconds = time.perf_counter() - started
            per_kb = seconds * 1000 / (size / 1000)
            worst = max(worst, per_kb) if family != "prose" else worst
            print(f"{family:18} {size:>9,} {seconds:>9.3f} {per_kb:>10.2f} {len(events):>7}")
    print(f"largest coding time of a hostile text: {worst:.2f} ms per kB")


if __name__ == "__main__":
    main()
