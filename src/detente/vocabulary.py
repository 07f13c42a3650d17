"""Reading and validating the TSV vocabulary files that ship in `detente/data/`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path

from .errors import VocabularyError

Row = dict[str, str]


def data_dir() -> Path:
    """The folder of the data files shipped with the package."""
    return Path(str(resources.files("detente") / "data"))


def read_tsv(path: Path, columns: list[str]) -> list[tuple[int, Row]]:
    """Rows of a TSV file with exactly `columns`, each with its line number.

    Lines starting with '#' and blank lines are skipped.
    """
    rows: list[tuple[int, Row]] = []
    header: list[str] | None = None
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise VocabularyError(str(path), 0, "-", f"cannot read: {err}") from err
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if header is None:
            header = fields
            if header != columns:
                raise VocabularyError(str(path), number, "header",
                                      f"expected columns {columns}, found {header}")
            continue
        if len(fields) < len(columns):
            fields += [""] * (len(columns) - len(fields))
        if len(fields) != len(columns):
            raise VocabularyError(str(path), number, columns[-1],
                                  f"expected {len(columns)} fields, found {len(fields)}")
        rows.append((number, {c: f.strip() for c, f in zip(columns, fields)}))
    if header is None:
        raise VocabularyError(str(path), 0, "header", "file is empty")
    return rows


def split_list(value: str) -> list[str]:
    return [item.strip() for item in value.split("|") if item.strip()]


def require(path: Path, line: int, row: Row, name: str,
            check: Callable[[str], object] = bool, problem: str = "is required") -> str:
    """The value of field `name`, or a VocabularyError when `check` fails."""
    value = row[name]
    if not check(value):
        raise VocabularyError(str(path), line, name, f"{problem} (found {value!r})")
    return value


def read_word_classes(path: Path, classes: frozenset[str]) -> dict[str, frozenset[str]]:
    """A word-class file (class, words, meaning): each class the rules read listed once, its
    words lower-case and separated by '|'."""
    words: dict[str, frozenset[str]] = {}
    for line, row in read_tsv(path, ["class", "words", "meaning"]):
        name = require(path, line, row, "class", classes.__contains__, "must be a class the rules read")
        if name in words:
            raise VocabularyError(str(path), line, "class", f"class {name!r} is listed twice")
        listed = require(path, line, row, "words", _lower_case_words, "must be lower-case words separated by '|'")
        words[name] = frozenset(split_list(listed))
        require(path, line, row, "meaning")
    missing = sorted(classes - words.keys())
    if missing:
        raise VocabularyError(str(path), 0, "class", f"no row for {', '.join(missing)}")
    return words


def _lower_case_words(value: str) -> bool:
    items = split_list(value)
    return bool(items) and all(item == item.lower() and " " not in item for item in items)


def parse_partial_date(value: str, end: bool = False) -> dt.date:
    """'2021', '2021-10' or '2021-10-22' as a date: the first day, or the last with `end`."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31) if end else dt.date(parts[0], 1, 1)
    if len(parts) == 2:
        if not end:
            return dt.date(parts[0], parts[1], 1)
        following = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date(parts[0], parts[1], parts[2])


def parses(convert: Callable[[str], object]) -> Callable[[str], bool]:
    """A check for `require`: does `convert` accept the value?"""
    def check(value: str) -> bool:
        try:
            convert(value)
        except ValueError:
            return False
        return True
    return check


is_partial_date = parses(parse_partial_date)


def actor_label(name: str | None, role: str | None) -> str | None:
    """The entity's name with its roles: USAGOV "United States government", USAMIL
    "United States military"; an entity or organisation keeps its own name."""
    if name is None or not role:
        return name
    roles = [role_names().get(role[i:i + 3], role[i:i + 3]) for i in range(0, len(role), 3)]
    return f"{name} {' '.join(r.lower() for r in roles)}"


@cache
def role_names() -> dict[str, str]:
    return {row["code"]: row["name"] for _, row in read_tsv(data_dir() / "ontology" / "roles.tsv", ["code", "name"])}
