"""Reading documents: text, Markdown-ish text, HTML, JSONL, CSV, folders and stdin.

Every reader yields `Document`s and `Problem`s: a bad file or line is reported with
its location and skipped, and the rest of the batch goes on. Markup in plain text is
blanked out rather than removed, so offsets into the document stay offsets into the
file as written.

Every source is read through one bounded path: no more than the size limit is ever read
into memory, whatever a file's reported size (devices, /proc files, standard input), and
only regular files are opened (a named pipe would block, a device never end).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..records import Document, Problem, parse_day
from .bounded_json import MAX_DEPTH, JSONDepthError, load_json, replace_lone_surrogates

DEFAULT_MAX_BYTES = 10_000_000  # per document
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
RECORD_SUFFIXES = {".jsonl", ".ndjson", ".csv"}
FIELDS = ("id", "title", "text", "date", "url", "source")

Item = Document | Problem

_MARKUP = [
    re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.MULTILINE),  # heading marks
    re.compile(r"\[(?=[^\]\n]*\]\()"),  # the opening bracket of a link
    re.compile(r"\]\([^)\s]*\)"),  # the link target of [text](target)
    re.compile(r"\*\*|__|`+"),  # emphasis and code marks
    re.compile(r"^[ \t]*(?:[-*+]|>)[ \t]+", re.MULTILINE),  # list and quote marks
]


def clean_markup(text: str) -> str:
    """Blank out Markdown marks (headings, links, emphasis) keeping every offset."""
    for pattern in _MARKUP:
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return text


def read_inputs(paths: Iterable[str], date: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Documents from files, folders (recursively) and '-' for standard input.

    `date` is the publication date for documents that do not carry their own.
    """
    for name in paths:
        if name == "-":
            yield from _read_stdin(stdin, date, max_bytes)
            continue
        path = Path(name)
        if path.is_dir():
            entries = sorted(p for p in path.rglob("*") if not p.name.startswith(".") and not p.is_dir())
            if not entries:
                yield Problem(_printable(path), "folder holds no files")
            for entry in entries:
                yield from _read_file(entry, date, max_bytes)
        elif path.exists():
            yield from _read_file(path, date, max_bytes)
        else:
            yield Problem(_printable(path), "no such file or folder")


def _read_stdin(stdin: BinaryIO | None, date: str | None, max_bytes: int) -> Iterator[Item]:
    # sys.stdin is None when the process was started with its standard input closed
    stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
    if stream is None:
        yield Problem("<stdin>", "standard input is closed; pipe a text in (cat article.txt | detente code -) "
                                 "or name a file")
        return
    try:
        data = read_limited(stream, max_bytes)
    except (OSError, ValueError) as err:  # ValueError: the stream was closed
        yield Problem("<stdin>", f"cannot read standard input: {getattr(err, 'strerror', None) or err}")
        return
    yield from _read_bytes("<stdin>", data, "", date, max_bytes)


def read_limited(stream: BinaryIO, limit: int) -> bytes:
    """At most `limit` + 1 bytes of `stream`: one byte more than the limit tells the caller
    the input is too large without ever holding more of it."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(min(1 << 20, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"))


def _printable(path: Path | str) -> str:
    """A path as text that encodes: bytes of a file name that are not UTF-8 become U+FFFD."""
    return os.fsencode(path).decode("utf-8", "replace")


def _not_regular(origin: str, mode: int) -> Problem:
    kind = next((name for test, name in _KINDS if test(mode)), "an unknown kind of file")
    return Problem(origin, f"not a regular file ({kind}): detente reads files, folders and standard input; "
                           f"to read a stream, pipe it in (detente code - < {origin})")


def count_inputs(paths: Iterable[str]) -> int | None:
    """How many documents `read_inputs` will yield at most (a record file counts its
    non-blank lines), for progress; None when standard input is among them."""
    total = 0
    for name in paths:
        if name == "-":
            return None
        path = Path(name)
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")) \
            if path.is_dir() else [path] if path.exists() else []
        for file in files:
            total += _count_records(file) if file.suffix.lower() in RECORD_SUFFIXES else 1
    return total


def _count_records(path: Path) -> int:
    try:
        with open(path, "rb") as handle:
            lines = sum(1 for line in handle if line.strip())
    except OSError:
        return 1
    return lines - 1 if path.suffix.lower() == ".csv" else lines  # a CSV's header holds no document


def _read_file(path: Path, date: str | None, max_bytes: int) -> Iterator[Item]:
    suffix = path.suffix.lower()
    origin = _printable(path)
    try:
        info = path.stat()  # of the target, for a symbolic link
        if not stat.S_ISREG(info.st_mode):
            yield _not_regular(origin, info.st_mode)
            return
        if suffix in RECORD_SUFFIXES:
            with path.open("rb") as handle:
                yield from (_read_jsonl if suffix != ".csv" else _read_csv)(origin, handle, date, max_bytes)
            return
        if info.st_size > max_bytes:
            yield Problem(origin, f"file is {info.st_size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB "
                                  "limit for one document (raise it with --max-bytes)")
            return
        with path.open("rb") as handle:
            data = read_limited(handle, max_bytes)
    except OSError as err:
        yield Problem(origin, f"cannot read: {err.strerror or err}")
        return
    yield from _read_bytes(origin, data, suffix, date, max_bytes, doc_id=_printable(path.stem))


def _read_bytes(origin: str, data: bytes, suffix: str, date: str | None, max_bytes: int,
                doc_id: str | None = None) -> Iterator[Item]:
    if len(data) > max_bytes:
        yield Problem(origin, f"input is over the {max_bytes / 1e6:.1f} MB limit for one document "
                              "(raise it with --max-bytes)")
        return
    text = _decode(origin, data)
    if isinstance(text, Problem):
        yield text
        return
    stripped = text.lstrip()
    if suffix in HTML_SUFFIXES or (not suffix and stripped[:15].lower().startswith(("<!doctype html", "<html"))):
        yield _from_html(origin, text, doc_id or "stdin", date)
    elif suffix in {".jsonl", ".ndjson"}:
        yield from _read_jsonl(origin, io.BytesIO(data), date, max_bytes)
    elif suffix == ".csv":
        yield from _read_csv(origin, io.BytesIO(data), date, max_bytes)
    else:
        yield from text_document(origin, text, doc_id or "stdin", date)


# Formats people often try that hold no plain text: what each is, and how to get its text.
_NOT_TEXT = [
    (b"%PDF", "a PDF file; detente reads text, HTML, JSONL and CSV: extract its text first, "
              "e.g. pdftotext FILE.pdf FILE.txt"),
    (b"PK\x03\x04", "a zipped document (.docx, .odt, .xlsx, ...); save it as plain text first, "
                     "e.g. pandoc FILE.docx -t plain -o FILE.txt"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc, .xls); save it as plain text first"),
    (b"{\\rtf", "an RTF document; save it as plain text first, e.g. pandoc FILE.rtf -t plain -o FILE.txt"),
]


def _decode(origin: str, data: bytes) -> str | Problem:
    for magic, what in _NOT_TEXT:
        if data.startswith(magic):
            return Problem(origin, what)
    if b"\x00" in data[:8192]:
        return Problem(origin, "binary file, not text (detente reads text, HTML, JSONL and CSV)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[:err.start].count(b"\n") + 1
        return Problem(f"{origin}:{line}", f"not valid UTF-8 (byte {err.start}); convert it first, "
                                           "e.g. iconv -f LATIN1 -t UTF-8")


def text_document(origin: str, text: str, doc_id: str, date: str | None) -> Iterator[Item]:
    """A document from plain or Markdown-ish text (a file, standard input, a pasted text):
    markup blanked in place, the first line as title if it reads as one."""
    if not text.strip():
        yield Problem(origin, "empty document")
        return
    text, surrogates = replace_lone_surrogates(text)
    doc_id, in_id = replace_lone_surrogates(doc_id)
    if surrogates + in_id:
        yield _surrogates_replaced(origin, surrogates + in_id)
    cleaned = clean_markup(text)
    first_line = cleaned.strip().split("\n", 1)[0].strip()
    title = first_line if first_line and len(first_line) < 200 and first_line[-1:] not in ".!?" else None
    yield Document(id=doc_id, text=cleaned, title=title, date=date, origin=origin)


def _surrogates_replaced(origin: str, count: int) -> Problem:
    return Problem(origin, f"lone surrogate escape (such as \\ud800, half of a UTF-16 pair) replaced with U+FFFD "
                           f"{count} time(s); the document is coded", skipped=False)


def _from_html(origin: str, html: str, doc_id: str, date: str | None) -> Item:
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    # the date from the page's metadata, <time> elements or dateline only: the extensive search
    # would read "Copyright 2024" as 2024-01-01
    extracted = trafilatura.bare_extraction(html, with_metadata=True, date_extraction_params={
        "extensive_search": False, "original_date": True})
    page: dict[str, Any] = {}
    if extracted is not None:
        page = extracted if isinstance(extracted, dict) else extracted.as_dict()
    body = page.get("text") or ""
    title = page.get("title") or None
    if not body.strip():
        return Problem(origin, "no article text found in the HTML page")
    text = body if title is None or body.startswith(title) else f"{title}\n\n{body}"
    return Document(id=doc_id, text=text, title=title, date=date or _valid_date(page.get("date")),
                    url=page.get("url"), source=page.get("sitename"), origin=origin)


def _valid_date(value: Any) -> str | None:
    """A publication day (YYYY-MM-DD, a time after it allowed), by the rule of `--date`."""
    if not value:
        return None
    day = parse_day(str(value)[:10])
    return day.isoformat() if day else None


def record_document(origin: str, record: dict[str, Any], fallback_id: str, date: str | None,
                    max_bytes: int) -> Iterator[Item]:
    """A document from a record with `id, title, text, date, url, source` (a JSONL line,
    a CSV row, a document posted to the API)."""
    record, surrogates = _without_lone_surrogates(record)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        yield Problem(origin, "record has no 'text'")
        return
    if len(text.encode("utf-8")) > max_bytes:
        yield Problem(origin, f"text is over the {max_bytes / 1e6:.1f} MB limit for one document")
        return
    if surrogates:
        yield _surrogates_replaced(origin, surrogates)
    title = record.get("title")
    title = title.strip() if isinstance(title, str) and title.strip() else None
    raw_date = record.get("date")
    publication = _valid_date(raw_date)
    if raw_date and publication is None:
        yield Problem(origin, f"date {raw_date!r} is not YYYY-MM-DD; the document is coded "
                              f"{'with --date ' + date if date else 'without a publication date'}", skipped=False)
    full = text if title is None or text.startswith(title) else f"{title}\n\n{text}"
    doc_id = str(record.get("id") or fallback_id)
    cited = _first_source(record.get("sources"))
    yield Document(id=doc_id, text=full, title=title, date=publication or date,
                   url=_string(record.get("url")) or _string(cited.get("url")),
                   source=_string(record.get("source")) or _string(cited.get("name")), origin=origin)


def _without_lone_surrogates(record: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """The record's strings (values of its fields and of its first cited source) with
    lone surrogates replaced, and how many there were."""
    total = 0

    def clean(value: Any) -> Any:
        nonlocal total
        if isinstance(value, str):
            value, count = replace_lone_surrogates(value)
            total += count
        elif isinstance(value, dict):
            value = {clean(k): clean(v) for k, v in value.items()}
        elif isinstance(value, list):
            value = [clean(v) for v in value]
        return value  # recursion is bounded: records come from load_json (depth <= MAX_DEPTH)

    cleaned = {key: clean(value) for key, value in record.items()}
    return cleaned, total


def _first_source(value: Any) -> dict[str, Any]:
    """News datasets often cite their sources as a list of {name, url}: the first is the source."""
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return value[0]
    return {}


def _string(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def _lines(handle: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """The lines of `handle`, each read with at most `limit` bytes held; None for a longer
    line, which is read past without being kept."""
    while line := handle.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _read_jsonl(origin: str, handle: BinaryIO, date: str | None, max_bytes: int) -> Iterator[Item]:
    stem = Path(origin).stem
    for number, raw in enumerate(_lines(handle, max_bytes), start=1):
        where = f"{origin}:{number}"
        if raw is None:
            yield Problem(where, f"line is over the {max_bytes / 1e6:.1f} MB limit for one document")
            continue
        if not raw.strip():
            continue
        line = _decode(where, raw)
        if isinstance(line, Problem):
            yield Problem(where, line.reason)
            continue
        try:
            record = load_json(line)
        except JSONDepthError:
            yield Problem(where, f"JSON nested too deep (over {MAX_DEPTH} levels); a record is one flat object")
            continue
        except json.JSONDecodeError as err:
            yield Problem(where, f"malformed JSON: {err.msg} at column {err.colno}")
            continue
        if not isinstance(record, dict):
            yield Problem(where, "line is not a JSON object")
            continue
        yield from record_document(where, record, f"{stem}:{number}", date, max_bytes)


def _read_csv(origin: str, handle: BinaryIO, date: str | None, max_bytes: int) -> Iterator[Item]:
    if b"\x00" in handle.read(8192):
        yield Problem(origin, "binary file, not text")
        return
    handle.seek(0)  # files and in-memory buffers both seek
    csv.field_size_limit(max(max_bytes, 1_000_000))
    # streamed, not read whole: memory holds one row, and each field is bounded above
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
    reader = csv.DictReader(text)
    stem = Path(origin).stem
    try:
        if reader.fieldnames is None or "text" not in reader.fieldnames:
            yield Problem(origin, f"CSV needs a 'text' column (columns: {', '.join(FIELDS)})")
            return
        for row in reader:
            where = f"{origin}:{reader.line_num}"
            yield from record_document(where, dict(row), f"{stem}:{reader.line_num}", date, max_bytes)
    except csv.Error as err:
        yield Problem(f"{origin}:{reader.line_num}", f"malformed CSV: {err}")
    except UnicodeDecodeError:  # decoded a block at a time: the line is not known
        yield Problem(origin, f"not valid UTF-8 after line {reader.line_num}; convert it first, "
                              "e.g. iconv -f LATIN1 -t UTF-8")
    finally:
        text.detach()  # the caller closes the file it opened
