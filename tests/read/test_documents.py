import io
import json
import os
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from detente.read import clean_markup, count_inputs, read_inputs
from detente.records import Document, Problem


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Problem)]


def test_markdown_headline_is_cleaned_in_place(tmp_path: Path) -> None:
    raw = "## [Russia Suspends Its Mission](#)\n\nThis week, Russia acted.\n"
    path = tmp_path / "a.md"
    path.write_text(raw, encoding="utf-8")
    docs, problems = split(read_inputs([str(path)], date="2021-10-22"))
    assert not problems
    (doc,) = docs
    assert len(doc.text) == len(raw)
    assert doc.title == "Russia Suspends Its Mission"
    assert doc.text.index("Russia Suspends") == raw.index("Russia Suspends")
    assert doc.date == "2021-10-22" and doc.id == "a"


@given(st.text())
def test_clean_markup_keeps_every_offset(text: str) -> None:
    cleaned = clean_markup(text)
    assert len(cleaned) == len(text)
    assert all(c == o or c == " " for c, o in zip(cleaned, text))


def test_jsonl_records_keep_their_fields_and_bad_lines_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    lines = [
        json.dumps({"id": "a1", "title": "Talks resume", "text": "Body one.", "date": "2024-01-02",
                    "url": "https://example.org/a1", "source": "Example Wire"}),
        '{"id": "broken", "text": ',
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps({"id": "a2", "text": "Body two.", "date": "yesterday"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, problems = split(read_inputs([str(path)]))
    assert [d.id for d in docs] == ["a1", "a2"]
    first = docs[0]
    assert first.text == "Talks resume\n\nBody one."  # the title is coded too
    assert (first.date, first.url, first.source) == ("2024-01-02", "https://example.org/a1", "Example Wire")
    assert docs[1].date is None
    locations = [p.location for p in problems]
    assert f"{path}:2" in locations and f"{path}:3" in locations and f"{path}:4" in locations
    assert any("malformed JSON" in p.reason for p in problems)
    assert any("yesterday" in p.reason for p in problems)


@given(st.binary(max_size=300))
def test_jsonl_reader_never_raises_on_arbitrary_bytes(data: bytes) -> None:
    from detente.read.documents import _read_jsonl

    for item in _read_jsonl("x.jsonl", io.BytesIO(data), None, 1000):
        assert isinstance(item, (Document, Problem))


def test_csv_with_the_documented_columns(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text('id,title,text,date,url,source\nc1,,"Russia, again.",2021-10-22,,\nc2,,,,,\n', encoding="utf-8")
    docs, problems = split(read_inputs([str(path)]))
    assert [d.id for d in docs] == ["c1"] and docs[0].text == "Russia, again."
    assert problems[0].location == f"{path}:3"


def test_bad_files_are_skipped_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text("NATO met Russia.", encoding="utf-8")
    (folder / "sub" / "nested.txt").write_text("Ukraine thanked Poland.", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PK")
    (folder / "latin1.txt").write_bytes("Caf\xe9 talks\nsecond line \xe9".encode("latin-1"))
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    big = folder / "huge.txt"
    with open(big, "wb") as handle:  # 50 MB, sparse
        handle.truncate(50_000_000)
    docs, problems = split(read_inputs([str(folder), str(tmp_path / "missing.txt")]))
    assert sorted(d.id for d in docs) == ["good", "nested"]
    reasons = {Path(p.location.split(":")[0]).name: p.reason for p in problems}
    assert "binary" in reasons["binary.txt"]
    assert "UTF-8" in reasons["latin1.txt"]
    assert "empty" in reasons["empty.txt"]
    assert "MB" in reasons["huge.txt"]
    assert "no such file" in reasons["missing.txt"]
    latin = next(p for p in problems if "latin1" in p.location)
    assert latin.location.endswith(":1")


def test_unreadable_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("NATO met Russia.", encoding="utf-8")
    (tmp_path / "open.txt").write_text("Iran warned Israel.", encoding="utf-8")
    real_open = Path.open

    def open_file(path: Path, *args, **kwargs):  # root reads anything, so the denial is simulated
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_file)
    docs, problems = split(read_inputs([str(tmp_path)]))
    assert [d.id for d in docs] == ["open"]
    assert problems[0].location == str(locked) and "Permission denied" in problems[0].reason


def test_unreadable_path_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "folder.txt"
    path.mkdir()
    (path / "x.md").write_text("NATO met Russia.", encoding="utf-8")
    fifo = tmp_path / "dangling.txt"
    fifo.symlink_to(tmp_path / "nowhere")
    docs, problems = split(read_inputs([str(path), str(fifo)]))
    assert [d.id for d in docs] == ["x"]
    assert problems and "no such file" in problems[0].reason


def test_standard_input() -> None:
    docs, _ = split(read_inputs(["-"], date="2020-05-01", stdin=io.BytesIO(b"Iran warned Israel.")))
    assert docs[0].text == "Iran warned Israel." and docs[0].date == "2020-05-01"


def test_html_page_gives_title_and_main_text(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    body = " ".join(["Turkey and Greece agreed on Monday to resume talks on maritime borders."] * 3)
    page.write_text(f"<html><head><title>Talks resume</title></head><body><nav>Home | World</nav>"
                    f"<article><h1>Talks resume</h1><p>{body}</p><p>{body}</p></article></body></html>",
                    encoding="utf-8")
    docs, problems = split(read_inputs([str(page)]))
    assert not problems
    assert docs[0].title == "Talks resume"
    assert "maritime borders" in docs[0].text and "Home | World" not in docs[0].text


def test_a_list_of_cited_sources_gives_the_source_and_url(tmp_path: Path) -> None:
    path = tmp_path / "cited.jsonl"
    record = {"id": "w1", "text": "Body.", "sources": [{"name": "Wire A", "url": "https://example.org/w1"},
                                                        {"name": "Wire B", "url": "https://example.org/w1b"}]}
    path.write_text(json.dumps(record) + "\n" + json.dumps({"id": "w2", "text": "Body.", "sources": "Wire C"}) + "\n",
                    encoding="utf-8")
    docs, problems = split(read_inputs([str(path)]))
    assert [(d.source, d.url) for d in docs] == [("Wire A", "https://example.org/w1"), (None, None)]
    assert problems == []


def test_a_copyright_line_is_no_publication_date_but_metadata_is(tmp_path: Path) -> None:
    body = " ".join(["Turkey and Greece agreed on Monday to resume talks on maritime borders."] * 3)
    footer = "<footer>Copyright 2024 Example News</footer>"
    bare = tmp_path / "bare.html"
    bare.write_text(f"<html><body><article><p>{body}</p><p>{body}</p></article>{footer}</body></html>",
                    encoding="utf-8")
    dated = tmp_path / "dated.html"
    dated.write_text(f'<html><head><meta property="article:published_time" content="2021-10-22T08:00:00Z"></head>'
                     f"<body><article><p>{body}</p><p>{body}</p></article>{footer}</body></html>", encoding="utf-8")
    docs, problems = split(read_inputs([str(bare), str(dated)]))
    assert not problems
    assert [d.date for d in docs] == [None, "2021-10-22"]


@pytest.mark.parametrize("data, named", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF file"),
    (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", ".docx"),
])
def test_a_pdf_or_word_file_is_named_with_how_to_get_its_text(tmp_path: Path, data: bytes, named: str) -> None:
    path = tmp_path / "article.bin"
    path.write_bytes(data)
    _, (problem,) = split(read_inputs([str(path)]))
    assert named in problem.reason and "UTF-8" not in problem.reason and "first" in problem.reason


def test_a_bad_jsonl_date_is_a_note_and_the_document_is_coded(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Body.", "date": "22/10/2021"}) + "\n", encoding="utf-8")
    (doc,), (problem,) = split(read_inputs([str(path)], date="2021-10-23"))
    assert doc.date == "2021-10-23" and not problem.skipped
    assert problem.report().startswith("note:") and "coded with --date 2021-10-23" in problem.reason


def test_inputs_are_counted_for_progress(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n', encoding="utf-8")
    assert count_inputs([str(tmp_path)]) == 3 and count_inputs(["-"]) is None
# --- hostile input: every case reported, none crashes the batch or hangs ---------------

GOOD = json.dumps({"id": "good", "text": "NATO met Russia."})
HOSTILE_LINES = [
    pytest.param('{"id": "deep", "text": ' + "[" * 1000 + "]" * 1000 + "}", "nested too deep", id="1000-deep"),
    pytest.param("[" * 3_000, "nested too deep", id="3000-open-brackets"),
    pytest.param('{"id": "x", "text": "' + "a" * 5000 + '"}', "over the", id="over-the-limit"),
    pytest.param('{"id": "x", "text": "\\u0000"}', None, id="nul-escape"),
    pytest.param('"just a string"', "not a JSON object", id="not-an-object"),
    pytest.param('{"id": "x", "text": 12}', "no 'text'", id="text-not-a-string"),
    pytest.param(b'{"text": "Caf\xe9"}', "UTF-8", id="not-utf-8"),
]


@pytest.mark.parametrize(("line", "reason"), HOSTILE_LINES)
def test_a_hostile_jsonl_line_is_reported_and_the_batch_goes_on(tmp_path: Path, line: str | bytes,
                                                                 reason: str | None) -> None:
    path = tmp_path / "batch.jsonl"
    raw = line if isinstance(line, bytes) else line.encode("utf-8")
    path.write_bytes(b"\n".join([GOOD.encode(), raw, GOOD.encode()]) + b"\n")
    docs, problems = split(read_inputs([str(path)], max_bytes=4000))
    assert [d.id for d in docs if d.id == "good"] == ["good", "good"]
    if reason is not None:
        assert [p.location for p in problems] == [f"{path}:2"] and reason in problems[0].reason


def test_a_lone_surrogate_is_replaced_keeping_offsets_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "surrogate.jsonl"
    path.write_text('{"id": "s", "title": "T\\udc00", "text": "Russia \\ud800 condemned NATO."}\n' + GOOD + "\n",
                    encoding="utf-8")
    docs, problems = split(read_inputs([str(path)]))
    assert docs[0].text == "T\ufffd\n\nRussia \ufffd condemned NATO." and docs[0].title == "T\ufffd"
    assert [d.id for d in docs] == ["s", "good"]
    (note,) = problems
    assert "lone surrogate" in note.reason and "2 time" in note.reason and not note.skipped


def run_bounded(function, seconds: float = 20):
    """`function()` in a thread that must finish within `seconds`: a hang fails the test."""
    result: list = []
    worker = threading.Thread(target=lambda: result.append(function()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"still running after {seconds} s"
    return result[0]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_devices_named_pipes_and_links_to_them_are_refused(tmp_path: Path) -> None:
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "good.txt").write_text("NATO met Russia.", encoding="utf-8")
    docs, problems = run_bounded(lambda: split(read_inputs(["/dev/zero", str(tmp_path)], max_bytes=1000)))
    assert [d.id for d in docs] == ["good"]
    reasons = {Path(p.location).name: p.reason for p in problems}
    assert "not a regular file (a character device)" in reasons["zero"]
    assert "not a regular file (a character device)" in reasons["zero.txt"]
    assert "not a regular file (a named pipe)" in reasons["pipe.txt"]
    assert "detente code - <" in reasons["pipe.txt"]


class EndlessZeros(io.RawIOBase):
    """A stream that never ends, like /dev/zero on standard input."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        buffer[:] = b"\0" * len(buffer)
        return len(buffer)


def test_an_endless_standard_input_is_read_no_further_than_the_limit() -> None:
    _, problems = run_bounded(lambda: split(read_inputs(["-"], max_bytes=5_000_000, stdin=EndlessZeros())))
    assert "over the 5.0 MB limit" in problems[0].reason


def test_a_closed_standard_input_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)  # what Python sets when started with stdin closed
    docs, problems = split(read_inputs(["-"]))
    assert docs == [] and "standard input is closed" in problems[0].reason


def test_a_jsonl_line_over_the_limit_is_read_past_not_kept(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    with open(path, "wb") as handle:  # a 30 MB line of zeros, then a good one
        handle.truncate(30_000_000)
    with open(path, "ab") as handle:
        handle.write(b"\n" + GOOD.encode() + b"\n")
    docs, problems = split(read_inputs([str(path)], max_bytes=1000))
    assert [d.id for d in docs] == ["good"] and problems[0].location == f"{path}:1"
    assert "over the" in problems[0].reason


def test_csv_with_bad_bytes_is_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "bad.csv").write_bytes(b"id,text\nc1,NATO met Russia.\nc2,Caf\xe9\n")
    (tmp_path / "good.csv").write_bytes(b"id,text\nc3,NATO met Russia.\n")
    docs, problems = split(read_inputs([str(tmp_path)]))
    assert [d.id for d in docs] == ["c3"] and "UTF-8" in problems[0].reason


@given(st.binary(max_size=400), st.sampled_from(["", ".jsonl", ".csv", ".html", ".md"]))
def test_any_bytes_in_any_kind_of_file_give_documents_or_problems(data: bytes, suffix: str) -> None:
    from detente.read.documents import _read_bytes

    for item in _read_bytes("x" + suffix, data, suffix, None, 300):
        assert isinstance(item, (Document, Problem))
        if isinstance(item, Document):
            item.text.encode("utf-8")  # nothing the store or the API cannot encode
            assert item.text.strip()


json_lines = st.lists(st.one_of(
    st.text(alphabet='[]{}":,\\ud80tex', max_size=60),
    st.builds(lambda t: json.dumps({"id": "h", "text": t}, ensure_ascii=True),
              st.text(alphabet=st.characters(), min_size=1, max_size=30)),
), max_size=8)


@given(json_lines)
def test_any_jsonl_lines_give_documents_or_problems_line_by_line(lines: list[str]) -> None:
    from detente.read.documents import _read_jsonl

    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    for item in _read_jsonl("x.jsonl", io.BytesIO(data), None, 10_000):
        assert isinstance(item, (Document, Problem))
        if isinstance(item, Document):
            item.text.encode("utf-8")
