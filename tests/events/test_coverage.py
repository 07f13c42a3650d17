"""The coverage of the CAMEO codebook by the shipped vocabulary, and its table in docs/vocabulary.md."""

from pathlib import Path

import pytest

from detente.events.coverage import TABLE_END, TABLE_START, code_coverage, coverage_markdown, replace_table
from detente.events.ontology import load_cameo
from detente.events.patterns import load_event_vocabulary
from detente.vocabulary import data_dir

DOCS = Path(__file__).resolve().parents[2] / "docs" / "vocabulary.md"


@pytest.fixture(scope="module")
def rows() -> list:
    cameo = load_cameo(data_dir() / "ontology" / "cameo.tsv")
    return code_coverage(load_event_vocabulary(data_dir() / "events", cameo), cameo)


def test_every_code_below_the_roots_is_reachable(rows: list) -> None:
    assert len(rows) > 250 and all(len(r.code) >= 3 for r in rows)
    assert [r.code for r in rows if not r.reachable] == []


def test_routes_are_counted(rows: list) -> None:
    by_code = {r.code: r for r in rows}
    assert "provide" in by_code["070"].lemmas and by_code["070"].patterns > 1
    assert by_code["036"].derivations == ("intent",)  # "hopes to meet": derived, no pattern of its own
    assert by_code["1123"].blame_topics > 0


def test_the_table_in_the_docs_is_up_to_date(rows: list) -> None:
    document = DOCS.read_text(encoding="utf-8")
    assert replace_table(document, coverage_markdown(rows)) == document, \
        "run: detente lexicon coverage --write docs/vocabulary.md"


def test_replace_table_needs_its_markers() -> None:
    assert replace_table(f"a\n{TABLE_START}\nold\n{TABLE_END}\nb", "new") == f"a\n{TABLE_START}\nnew\n{TABLE_END}\nb"
    with pytest.raises(ValueError, match="no coverage table markers"):
        replace_table("no markers here", "new")
