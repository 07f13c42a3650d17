"""Where one process spends its time coding a corpus: cProfile over Coder.code_documents.

    .venv/bin/python bench/profile_coder.py [CORPUS.jsonl ...] [--top 15]

Prints the cumulative time of each stage (detente's own and each spaCy component's) and
the functions with the most time of their own. Model loading is not profiled. cProfile
slows code with many small calls more than the rest (spaCy's matcher, the tokenizer), so
shares are approximate. Default corpus: ../shared/corpus/*.jsonl.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = sorted((ROOT.parent / "shared" / "corpus").glob("*.jsonl"))

# (label, file suffix, function name) of the stages, as cProfile names them
STAGES = [
    ("split sentences (tokenizer)", "parse/sentences.py", "split_sentences"),
    ("pre-parse filter", "parse/prefilter.py", "keep"),
    ("actor names (all calls)", "actors/mentions.py", "find_names"),
    ("spaCy pipe, all components", "spacy/language.py", "pipe"),
    ("  tok2vec", "spacy/pipeline/tok2vec.py", "predict"),
    ("  attribute rules", "parse/attributes.py", "__call__"),
    ("  lemmatizer", "parse/lemmas.py", "__call__"),
    ("parse records (to_parsed)", "parse/tokens.py", "to_parsed"),
    ("actors and events (_events)", "detente/coder.py", "_events"),
    ("  event extraction", "events/extract.py", "extract"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="*", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    if not args.corpus:
        sys.exit("no corpus: pass JSONL files or put them in ../shared/corpus")
    from detente import Coder, Document, read_inputs

    documents = [d for d in read_inputs([str(p) for p in args.corpus]) if isinstance(d, Document)]
    coder = Coder()
    profile = cProfile.Profile()
    profile.enable()
    for _ in coder.code_documents(documents):
        pass
    profile.disable()
    stats = pstats.Stats(profile)
    table = stats.stats  # type: ignore[attr-defined]
    total = max(cumulative for _, _, _, cumulative, _ in table.values())
    print(f"{len(documents)} documents, {total:.1f} s profiled")
    print(f"{'stage':32}{'seconds':>9}{'share':>7}")
    pipe = pipe_parts = 0.0
    for label, suffix, name in STAGES:
        seconds = max((entry[3] for (path, _, function), entry in table.items()
                       if path.endswith(suffix) and function == name), default=0.0)
        print(f"{label:32}{seconds:9.2f}{seconds / total:7.0%}")
        if label.startswith("  ") and suffix != "events/extract.py":
            pipe_parts += seconds
        elif suffix == "spacy/language.py":
            pipe = seconds
        if label == "  lemmatizer":  # Cython's tagger and parser are not profiled one by one
            print(f"{'  tagger, parser, batching':32}{pipe - pipe_parts:9.2f}{(pipe - pipe_parts) / total:7.0%}")
    print(f"\n{'own seconds':>11}  function (top {args.top} by time spent in the function itself)")
    ranked = sorted(table.items(), key=lambda item: item[1][2], reverse=True)[:args.top]
    for (path, line, function), entry in ranked:
        where = "/".join(Path(path).parts[-2:]) if path != "~" else "built-in"
        print(f"{entry[2]:11.2f}  {function} ({where}:{line})")


if __name__ == "__main__":
    main()
