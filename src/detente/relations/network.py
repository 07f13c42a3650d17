"""The actor network: who acts on whom, how often and how cooperatively."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from ..store import Store
from ..store.query import DEFAULT_FACTUALITY, EventFilter, across, actor_names, event_condition


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    events: int
    goldstein_mean: float
    conflict_share: float  # share of the dyad's events in quad classes 3 and 4
    source_name: str | None = None
    target_name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def actor_network(store: Store, where: EventFilter | None = None, top: int = 40,
                  by_entity: bool = True) -> list[Edge]:
    """The `top` directed dyads by event count, dated or not (an actor acting on itself left
    out, see `across`), heaviest first; asserted events only unless `where` says otherwise."""
    side = "key" if by_entity else "code"
    condition, params = event_condition(store, where or EventFilter(factuality=DEFAULT_FACTUALITY))
    rows = store.connection.execute(f"""
        SELECT source_{side}, target_{side}, count(*), avg(goldstein),
               avg(CASE WHEN quad_class >= 3 THEN 1.0 ELSE 0.0 END)
        FROM events WHERE {condition} AND {across(side)}
        GROUP BY ALL ORDER BY count(*) DESC, 1, 2 LIMIT ?""", [*params, top]).fetchall()
    names = actor_names(store, sorted({code for row in rows for code in row[:2]}))
    return [Edge(s, t, int(n), round(g or 0.0, 2), round(c, 2), names.get(s), names.get(t))
            for s, t, n, g, c in rows]
