"""Rebuild src/detente/data/ontology/{cameo,roles,plover_types}.tsv from the reference tables in ../shared.

Keeps the facts detente needs (code, name, Goldstein, quad class, PLOVER type and
mode) and drops the source's descriptions and notes. Run from the repository root:
    python scripts/build_ontology.py ../shared/reference
"""

import csv
import json
import sys
from pathlib import Path

COLUMNS = ["code", "name", "goldstein", "quad_class", "plover_type", "plover_mode"]


def read_reference(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def write_roles(reference: Path) -> None:
    with open("src/detente/data/ontology/roles.tsv", "w", encoding="utf-8", newline="") as out:
        out.write("# CAMEO actor role codes (CAMEO 1.1b3 manual, GDELT's type table, PLOVER sectors).\n")
        out.write("code\tname\n")
        for row in read_reference(reference / "cameo_actor_types.tsv"):
            out.write(f"{row['code']}\t{row['name']}\n")


def write_plover_types(reference: Path) -> None:
    types = json.loads((reference / "plover.json").read_text(encoding="utf-8"))["event_types"]
    with open("src/detente/data/ontology/plover_types.tsv", "w", encoding="utf-8", newline="") as out:
        out.write("# PLOVER event types and their quad classes (PLOVER manual, draft 2.0).\n")
        out.write("type\tquad_class\n")
        for event_type in types:
            out.write(f"{event_type['name']}\t{event_type['quad_class']}\n")


def main(reference: Path) -> None:
    write_roles(reference)
    write_plover_types(reference)
    target = Path("src/detente/data/ontology/cameo.tsv")
    rows = read_reference(reference / "cameo_event_codes.tsv")
    with open(target, "w", encoding="utf-8", newline="") as out:
        out.write("# CAMEO event codes with Goldstein scores, quad classes and the CAMEO->PLOVER-2021 mapping.\n")
        out.write("# Facts from the CAMEO 1.1b3 manual, GDELT's Goldstein table and PLOVER's mapping; "
                  "see docs/vocabulary.md.\n")
        out.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            plover = "" if row["plover_type"] == "dropped" else row["plover_type"]
            values = [row["code"], row["name"], row["goldstein"], row["quad_class"], plover, row["plover_mode"]]
            out.write("\t".join(values) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
