"""Pictures, drawn offline with matplotlib's Agg backend: PNG or SVG by the file's suffix."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display, no downloads: fonts and all ship with matplotlib
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

from ..errors import QueryError  # noqa: E402
from ..store.query import StoredEvent  # noqa: E402
from .network import Edge  # noqa: E402
from .series import RelationPeriod  # noqa: E402

FORMATS = (".png", ".svg")
COOPERATION, CONFLICT, NET = "#2b6cb0", "#c53030", "#1a202c"


def _check(path: Path) -> None:
    if path.suffix.lower() not in FORMATS:
        raise QueryError(f"cannot draw {path.name}: the file must end in .png or .svg")


def plot_relations(series: list[RelationPeriod], events: list[StoredEvent], path: Path, title: str,
                   by: str, annotate: int = 5) -> None:
    """Cooperation above the axis, conflict below (hatched, so colour is not needed), the
    net score as a line; the largest events (by |Goldstein|) labelled at their period."""
    _check(path)
    unplaced = sum(p.events for p in series if p.period is None)
    series = [p for p in series if p.period is not None]
    if unplaced:
        title += f" ({unplaced} coarser or undated events not drawn)"
    figure, axis = plt.subplots(figsize=(10, 4.8), dpi=110)
    if not series:
        axis.text(0.5, 0.5, "no events for this dyad", ha="center", va="center", transform=axis.transAxes)
    else:
        days = [float(mdates.date2num(p.period)) for p in series]  # type: ignore[no-untyped-call]
        width = {"day": 0.8, "week": 5, "month": 24, "year": 300}[by]
        cooperation = [p.verbal_cooperation + p.material_cooperation for p in series]
        conflict = [-(p.verbal_conflict + p.material_conflict) for p in series]
        axis.bar(days, cooperation, width=width, color=COOPERATION, label="cooperative events")
        axis.bar(days, conflict, width=width, color=CONFLICT, hatch="//", edgecolor="white",
                 label="conflictual events (below axis)")
        axis.plot(days, [p.net for p in series], color=NET, marker="o", linewidth=1.6,
                  label="net (cooperative - conflictual)")
        axis.axhline(0, color="#718096", linewidth=0.8)
        top = max([1, *cooperation])
        bottom = min([-1, *conflict])
        axis.set_ylim(bottom * 1.5, top * 1.5)
        largest = sorted(events, key=lambda e: (-abs(e.goldstein or 0), e.event_id))[:annotate]
        for rank, event in enumerate(sorted(largest, key=lambda e: (e.date_start or dt.date.min, e.event_id))):
            period = next((p for p in reversed(series) if event.date_start and p.period <= event.date_start), None)
            if period is None:
                continue
            cooperative = (event.quad_class or 0) <= 2
            at = series.index(period)
            height = cooperation[at] if cooperative else conflict[at]
            lift = (14 + 12 * (rank % 3)) * (1 if cooperative else -1)
            axis.annotate(f"{event.source_code} {event.cameo} {event.target_code or ''}", (period.period, height),
                          textcoords="offset points", xytext=(0, lift), ha="center", fontsize=7,
                          arrowprops={"arrowstyle": "-", "color": "#4a5568", "linewidth": 0.6})
        locator = mdates.AutoDateLocator()  # type: ignore[no-untyped-call]
        axis.xaxis.set_major_locator(locator)
        axis.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
        axis.legend(loc="upper left", fontsize=8, frameon=False)
    axis.set_title(title)
    axis.set_ylabel(f"events per {by}")
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)


def plot_network(edges: list[Edge], path: Path, title: str) -> None:
    """Actors on a circle, most active at the top; an arrow per dyad, its width the event
    count, blue for mostly cooperative and red dashed for mostly conflictual."""
    _check(path)
    figure, axis = plt.subplots(figsize=(8, 8), dpi=110)
    activity: dict[str, int] = {}
    for edge in edges:
        activity[edge.source] = activity.get(edge.source, 0) + edge.events
        activity[edge.target] = activity.get(edge.target, 0) + edge.events
    nodes = sorted(activity, key=lambda n: (-activity[n], n))
    place = {node: (math.sin(2 * math.pi * i / max(len(nodes), 1)), math.cos(2 * math.pi * i / max(len(nodes), 1)))
             for i, node in enumerate(nodes)}
    heaviest = max((e.events for e in edges), default=1)
    for edge in edges:
        conflict = edge.conflict_share > 0.5
        axis.annotate("", xy=place[edge.target], xytext=place[edge.source],
                      arrowprops={"arrowstyle": "-|>", "color": CONFLICT if conflict else COOPERATION,
                                  "linestyle": "--" if conflict else "-", "alpha": 0.7, "shrinkA": 12, "shrinkB": 12,
                                  "linewidth": 0.6 + 4 * edge.events / heaviest, "connectionstyle": "arc3,rad=0.12"})
    for node in nodes:
        x, y = place[node]
        axis.scatter([x], [y], s=120 + 900 * activity[node] / max(activity.values()), color="#edf2f7",
                     edgecolors=NET, zorder=3)
        axis.text(x, y, node, ha="center", va="center", fontsize=8, zorder=4)
    if not edges:
        axis.text(0.5, 0.5, "no dyads", ha="center", va="center", transform=axis.transAxes)
    else:
        axis.legend(handles=[
            Line2D([], [], color=COOPERATION, linewidth=2.5, label="mostly cooperative (conflict share ≤ 50%)"),
            Line2D([], [], color=CONFLICT, linewidth=2.5, linestyle="--", label="mostly conflictual (> 50%)"),
            Line2D([], [], color=NET, linewidth=0, label=f"arrow width: events, {heaviest} at the widest"),
            Line2D([], [], color=NET, linewidth=0, marker="o", markerfacecolor="#edf2f7",
                   label="circle size: the actor's events")],
            loc="lower center", bbox_to_anchor=(0.5, -0.08), ncol=2, fontsize=8, frameon=False)
    axis.set_title(title)
    axis.set_axis_off()
    axis.set_xlim(-1.3, 1.3)
    axis.set_ylim(-1.3, 1.3)
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)
