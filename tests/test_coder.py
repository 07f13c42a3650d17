"""The Coder on hostile texts: bounded work per token, spans into the original text, and a
time budget per document."""

import pytest

from detente.records import Document

RUNS = [
    pytest.param("?" * 20_000, id="question-marks"),
    pytest.param("?!" * 10_000, id="mixed-marks"),
    pytest.param("X" * 20_000, id="one-letter-word"),
    pytest.param("Abcdefghij" * 2_000, id="long-word"),
    pytest.param("\t" * 20_000, id="tabs"),
    pytest.param("\u00a0" * 20_000, id="no-break-spaces"),
    pytest.param("\n" * 20_000, id="newlines"),
]


@pytest.mark.parametrize("run", RUNS)
def test_events_around_a_long_run_keep_spans_into_the_original_text(coder, run: str) -> None:
    text = f"Russia condemned NATO on Monday. {run} Poland expelled two Belarusian diplomats.{run}"
    events = coder.code(text, date="2024-05-08")
    assert {(e.source.key, e.target.key) for e in events} >= {("RUS", "NATO"), ("POL", "BLR")}
    for event in events:
        for span in (event.sentence, event.trigger, event.source, event.target):
            start, end = (span.start, span.end)
            assert text[start:end] == span.text


def test_a_document_over_the_time_budget_is_reported_and_the_batch_goes_on(coder) -> None:
    prose = "Russia condemned NATO on Monday. Iran warned Israel about the talks. " * 2_000
    documents = [Document("a", "Poland expelled two Belarusian diplomats."),
                 Document("long", prose, origin="long.txt"),
                 Document("b", "Japan and South Korea held talks in Tokyo.")]
    coded = list(coder.code_documents(documents, time_budget=1.0))
    assert [c.document.id for c in coded] == ["a", "long", "b"]
    assert coded[0].events and coded[2].events and coded[0].problem is None and coded[2].problem is None
    assert coded[1].events == [] and coded[1].problem is not None
    assert coded[1].problem.location == "long.txt" and "1 s budget" in coded[1].problem.reason


def test_a_city_in_capitals_opening_a_story_is_where_it_was_filed_not_an_actor(coder) -> None:
    events = coder.code("KABUL American jets bombed a Taliban camp on Monday.", date="2024-05-08")
    assert [(e.source.code, e.cameo[:2]) for e in events] == [("USAMIL", "19")]
