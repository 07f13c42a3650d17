"""Draw a blind-audit sample from `detente code --format jsonl` output (docs/audits/README.md).

    python scripts/audit_sample.py events.jsonl --n 150 --seed 11 -o docs/audits/DATE-corpus.jsonl

Each line holds what a judge sees (the sentence and the coded event, with names) and empty
`judgement` and `reason` fields for the judge to fill in.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path


def _actor(actor: dict | None) -> str:
    if actor is None:
        return "-"
    return f"{actor['code']} ({actor['name']}; text: {actor['text']!r})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("events", type=Path)
    parser.add_argument("--n", type=int, default=150)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    events = [json.loads(line) for line in args.events.read_text(encoding="utf-8").splitlines() if line.strip()]
    drawn = random.Random(args.seed).sample(events, min(args.n, len(events)))
    with args.output.open("w", encoding="utf-8") as out:
        for event in drawn:
            row = {"event_id": event["event_id"], "sentence": event["sentence"]["text"],
                   "source": _actor(event["source"]), "cameo": f"{event['cameo']} {event['cameo_name']}",
                   "target": _actor(event["target"]), "factuality": event["factuality"],
                   "date": event["date"], "trigger": event["trigger"]["text"], "judgement": "", "reason": ""}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
