import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from detente.store import Store
from detente.store.query import entity_kinds

Row = tuple[str, str, str, str, int, float, str]  # source code, target code, cameo, date, quad, goldstein, factuality


def _split(code: str) -> tuple[str, str | None]:
    """RUSGOV → (RUS, GOV); NATO → (NATO, None)."""
    return (code, None) if code in entity_kinds() else (code[:3], code[3:])


@pytest.fixture
def synthetic_store(tmp_path: Path) -> Callable[[list[Row]], Store]:
    """A store whose events table holds exactly these events (no documents behind them)."""
    def build(rows: list[Row]) -> Store:
        store = Store(tmp_path / "synthetic.duckdb")
        for number, (source, target, cameo, day, quad, goldstein, factuality) in enumerate(rows):
            (source_key, source_role), (target_key, target_role) = _split(source), _split(target)
            date = dt.date.fromisoformat(day)
            store.connection.execute(
                "INSERT INTO events (event_id, cluster_key, anchor, source_key, source_role, source_code, target_key, "
                "target_role, target_code, cameo, cameo_root, goldstein, quad_class, factuality, date, "
                "date_precision, date_start, date_end, n_mentions, n_documents, n_sources) "
                "VALUES (?, '', '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'day', ?, ?, 1, 1, 1)",
                [f"e{number:03d}", source_key, source_role, source, target_key, target_role, target, cameo, cameo[:2],
                 goldstein, quad, factuality, day, date, date])
            store.connection.execute("INSERT OR IGNORE INTO actors VALUES (?, ?, ?, NULL), (?, ?, ?, NULL)",
                                     [source, source_key, source_role, target, target_key, target_role])
        return store
    return build
