"""Speed and memory of end-to-end coding against the bare spaCy pipeline on the same text.

    .venv/bin/python bench/bench_coder.py [CORPUS.jsonl ...] [--limit N]

Each side runs in its own process (so peak memory is its own) over the same documents:
`spacy` runs the full default pipeline (every component, as a user would without
detente); `detente` runs Coder.code_documents, which parses only the sentences that
can hold an event. Default corpus: ../shared/corpus/*.jsonl.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = sorted((ROOT.parent / "shared" / "corpus").glob("*.jsonl"))


def load_documents(paths: list[Path], limit: int | None) -> list:
    from detente.read import read_inputs
    from detente.records import Document

    documents = [d for d in read_inputs([str(p) for p in paths]) if isinstance(d, Document)]
    return documents[:limit] if limit else documents


def run_spacy(paths: list[Path], limit: int | None) -> dict:
    import spacy

    from detente.parse import DEFAULT_PIPELINE

    documents = load_documents(paths, limit)
    nlp = spacy.load(DEFAULT_PIPELINE)
    started = time.perf_counter()
    sentences = tokens = 0
    for doc in nlp.pipe((d.text for d in documents), batch_size=64):
        sentences += sum(1 for _ in doc.sents)
        tokens += len(doc)
    return {"documents": len(documents), "sentences": sentences, "tokens": tokens,
            "seconds": time.perf_counter() - started}


def run_detente(paths: list[Path], limit: int | None) -> dict:
    from detente import Coder

    documents = load_documents(paths, limit)
    coder = Coder()
    started = time.perf_counter()
    sentences = parsed = events = 0
    for coded in coder.code_documents(documents):
        sentences += coded.sentences
        parsed += coded.parsed_sentences
        events += len(coded.events)
    seconds = time.perf_counter() - started
    tokens = sum(len(coder.nlp.tokenizer(d.text)) for d in documents)
    return {"documents": len(documents), "sentences": sentences, "parsed_sentences": parsed,
            "events": events, "tokens": tokens, "seconds": seconds}


def child(mode: str, paths: list[Path], limit: int | None) -> None:
    result = (run_spacy if mode == "spacy" else run_detente)(paths, limit)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="*", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, help="Use only the first N documents.")
    parser.add_argument("--mode", choices=["spacy", "detente"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.corpus:
        sys.exit("no corpus: pass JSONL files or put them in ../shared/corpus")
    if args.mode:
        child(args.mode, args.corpus, args.limit)
        return
    results = {}
    for mode in ("spacy", "detente"):
        command = [sys.executable, __file__, "--mode", mode, *map(str, args.corpus)]
        if args.limit:
            command += ["--limit", str(args.limit)]
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        results[mode] = json.loads(output.strip().splitlines()[-1])
    print(f"corpus: {', '.join(p.name for p in args.corpus)}")
    print(f"{'':10}{'docs/s':>10}{'sents/s':>10}{'tokens/s':>11}{'seconds':>9}{'peak MB':>9}")
    for mode, r in results.items():
        s = r["seconds"]
        print(f"{mode:10}{r['documents'] / s:10.1f}{r['sentences'] / s:10.1f}{r['tokens'] / s:11.0f}"
              f"{s:9.2f}{r['peak_rss_mb']:9.0f}")
    d = results["detente"]
    print(f"detente parsed {d['parsed_sentences']} of {d['sentences']} sentences and found {d['events']} events")
    print(f"detente time / bare spaCy time: {d['seconds'] / results['spacy']['seconds']:.2f}")


if __name__ == "__main__":
    main()
