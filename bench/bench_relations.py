"""How fast the store answers relation queries over a large synthetic event table.

    .venv/bin/python bench/bench_relations.py [--events 1000000] [--db PATH] [--repeat 5]

Builds (once; reused if PATH exists with the right size) a store whose events table holds
N synthetic deduplicated events: 60 actors (states and organisations, with and without
roles), dates over ten years, CAMEO codes over all roots, mostly asserted. Then times
each query `--repeat` times on a fresh read-only connection and prints the median and
the worst, in milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from detente.relations import Dyad, actor_network, find_chains, find_escalations, relation_series
from detente.store import Store
from detente.store.query import EventFilter, find_events, top_actors

ENTITIES = ["USA", "RUS", "CHN", "UKR", "NATO", "EU", "UN", "IRN", "ISR", "PSE", "SYR", "TUR", "IND", "PAK", "GBR",
            "FRA", "DEU", "JPN", "PRK", "KOR", "SAU", "YEM", "IRQ", "AFG", "EGY", "ETH", "SDN", "VEN", "BRA", "MEX"]
ROLES = ["", "GOV", "MIL"]
ROOTS = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17", "18",
         "19", "20"]
QUADS = [1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4]  # by root
GOLDSTEIN = [0.0, 3.0, 4.0, 1.0, 3.5, 6.0, 7.0, 5.0, -2.0, -5.0, -4.0, -4.0, -6.0, -6.5, -7.2, -4.0, -7.0, -9.0,
             -10.0, -10.0]


def build(path: Path, events: int) -> None:
    """Synthetic events generated inside DuckDB: deterministic hashes of the row number."""
    with Store(path) as store:
        connection = store.connection
        connection.execute("DELETE FROM events")
        actors = [(key, role) for key in ENTITIES for role in ROLES]
        connection.execute("CREATE TEMP TABLE actor_list AS SELECT unnest(?) AS key, unnest(?) AS role",
                           [[a[0] for a in actors], [a[1] for a in actors]])
        connection.execute("CREATE TEMP TABLE codes AS SELECT unnest(?) AS root, unnest(?) AS quad, "
                           "unnest(?) AS goldstein, unnest(range(20)) AS n", [ROOTS, QUADS, GOLDSTEIN])
        connection.execute("""
            CREATE TEMP TABLE numbered AS SELECT row_number() OVER () - 1 AS n, * FROM actor_list""")
        connection.execute(f"""
            INSERT INTO events (event_id, cluster_key, anchor, source_key, source_role, source_code, target_key,
                                target_role, target_code, cameo, cameo_root, goldstein, quad_class, factuality,
                                date, date_precision, date_start, date_end, n_mentions, n_documents, n_sources)
            SELECT 'syn' || i, '', '', s.key, nullif(s.role, ''), s.key || s.role, t.key, nullif(t.role, ''),
                   t.key || t.role, c.root || '0', c.root, c.goldstein, c.quad,
                   CASE WHEN hash(i, 'f') % 10 = 0 THEN 'alleged' ELSE 'asserted' END,
                   CAST(DATE '2015-01-01' + CAST(hash(i, 'd') % 3650 AS INTEGER) AS VARCHAR), 'day',
                   DATE '2015-01-01' + CAST(hash(i, 'd') % 3650 AS INTEGER),
                   DATE '2015-01-01' + CAST(hash(i, 'd') % 3650 AS INTEGER), 1, 1, 1
            FROM range({events}) r(i)
            JOIN numbered s ON s.n = hash(i, 's') % {len(actors)}
            JOIN numbered t ON t.n = hash(i, 't') % {len(actors)}
            JOIN codes c ON c.n = hash(i, 'c') % 20""")
        connection.execute("INSERT OR IGNORE INTO actors SELECT key || role, key, nullif(role, ''), key "
                           "FROM actor_list")
        connection.execute("CHECKPOINT")


def timed(name: str, path: Path, query: Callable[[Store], object], repeat: int) -> None:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        with Store(path, read_only=True) as store:  # the cost of opening is part of answering
            result = query(store)
        times.append((time.perf_counter() - started) * 1000)
    size = len(result) if isinstance(result, list) else 1
    print(f"{name:48} {statistics.median(times):8.1f} {max(times):8.1f}   {size:>6} rows")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "detente-bench-relations.duckdb")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    have = 0
    if args.db.exists():
        with Store(args.db, read_only=True) as store:
            have = store.counts().events
    if have != args.events:
        started = time.perf_counter()
        build(args.db, args.events)
        print(f"built {args.events:,} synthetic events in {time.perf_counter() - started:.1f} s ({args.db})")
    print(f"{'query':48} {'median':>8} {'worst':>8}   (ms, {args.repeat} runs each, opening the store included)")
    timed("relations RUS NATO --by month", args.db, lambda s: relation_series(s, Dyad("RUS", "NATO"), "month"),
          args.repeat)
    timed("relations RUS NATO --both --by day", args.db,
          lambda s: relation_series(s, Dyad("RUS", "NATO", both=True), "day"), args.repeat)
    timed("relations RUSGOV UKRMIL --by week", args.db,
          lambda s: relation_series(s, Dyad("RUSGOV", "UKRMIL"), "week"), args.repeat)
    timed("relations USA CHN --factuality all --by year", args.db,
          lambda s: relation_series(s, Dyad("USA", "CHN", factuality=("asserted", "alleged")), "year"), args.repeat)
    timed("events --source RUS --target NATO --root 16", args.db,
          lambda s: find_events(s, EventFilter(source="RUS", target="NATO", root="16"), limit=100), args.repeat)
    timed("actors --top 20", args.db, lambda s: top_actors(s, 20), args.repeat)
    timed("escalations --window 30d", args.db, lambda s: find_escalations(s, 30), args.repeat)
    timed("network --top 40", args.db, lambda s: actor_network(s), args.repeat)
    timed("chains --window 7d --actor PRK --since 2024", args.db,
          lambda s: find_chains(s, 7, actor="PRK", since="2024"), args.repeat)
    command = [sys.executable, "-m", "detente", "relations", "RUS", "NATO", "--by", "month", "--db", str(args.db)]
    times = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append((time.perf_counter() - started) * 1000)
    print(f"{'`detente relations RUS NATO` (whole process)':48} {statistics.median(times):8.1f} {max(times):8.1f}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
