"""Golden-file test: the bundled example codes to the events recorded in tests/golden/.

After an intended change of output, refresh the file and review its diff:
    DETENTE_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""

import json
import os
from pathlib import Path

from detente.read import read_inputs
from detente.records import Document

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "embassy-closures.jsonl"


def test_example_article_matches_the_golden_file(coder) -> None:
    (document,) = [d for d in read_inputs([str(ROOT / "examples" / "embassy-closures.md")], date="2025-03-14")
                   if isinstance(d, Document)]
    coded = [e.to_dict() for e in coder.code_document(document).events]
    if os.environ.get("DETENTE_UPDATE_GOLDEN"):
        GOLDEN.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in coded), encoding="utf-8")
    expected = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]
    assert coded == expected
