"""The CAMEO code table: names, Goldstein scores, quad classes and PLOVER mapping."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..vocabulary import parses, read_tsv, require

_CODE = re.compile(r"^\d{2,4}$")


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_type: str | None
    plover_mode: str | None

    @property
    def root(self) -> str:
        return self.code[:2]


def load_cameo(path: Path) -> dict[str, CameoCode]:
    columns = ["code", "name", "goldstein", "quad_class", "plover_type", "plover_mode"]
    codes = {}
    for line, row in read_tsv(path, columns):
        code = require(path, line, row, "code", _CODE.match, "must be 2 to 4 digits")
        goldstein = float(require(path, line, row, "goldstein", parses(float), "must be a number"))
        quad = int(require(path, line, row, "quad_class", lambda v: v in {"1", "2", "3", "4"}, "must be 1-4"))
        codes[code] = CameoCode(code, row["name"], goldstein, quad, row["plover_type"] or None,
                                row["plover_mode"] or None)
    return codes


def load_role_codes(path: Path) -> set[str]:
    return {require(path, line, row, "code") for line, row in read_tsv(path, ["code", "name"])}


def load_plover_quads(path: Path) -> dict[str, int]:
    """PLOVER event type → its quad class (1-4)."""
    return {require(path, line, row, "type"): int(require(path, line, row, "quad_class",
                                                          lambda v: v in {"1", "2", "3", "4"}, "must be 1-4"))
            for line, row in read_tsv(path, ["type", "quad_class"])}
