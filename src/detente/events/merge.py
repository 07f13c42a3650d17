"""Merging the mentions of one event within a document into one event record.

Candidates with the same source and target entities, the same factuality, codes that
are equal or one the parent of the other (112 and 1123, not 1123 and 1125), and dates
that are compatible (equal, one inside the other's period, or one
only defaulted to the publication date), are one event. The record keeps the most
specific code, the most precise explicit date and every mention.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ..records import Event, EventDate, Span
from .sentence import Candidate
from .ontology import CameoCode


def _compatible(a: EventDate, b: EventDate) -> bool:
    if not a.explicit and not b.explicit:
        return True
    if not a.explicit or not b.explicit:  # a publication date fits an explicit date of the same year
        defaulted, explicit = (a, b) if not a.explicit else (b, a)
        return explicit.date is not None and defaulted.date is not None and explicit.date[:4] == defaulted.date[:4]
    if a.date is None or b.date is None:
        return a.date is None and b.date is None
    shorter, longer = sorted((a.date, b.date), key=len)
    if a.precision == "week" or b.precision == "week":
        return shorter[:7] == longer[:7]
    return longer.startswith(shorter)


def _best_date(dates: list[EventDate]) -> EventDate:
    explicit = [d for d in dates if d.explicit]
    if not explicit:
        return dates[0]
    order = {"day": 0, "week": 1, "month": 2, "year": 3, None: 4}
    return min(explicit, key=lambda d: order[d.precision])


def merge_candidates(doc_id: str, text: str, sentences: dict[int, tuple[int, int]],
                     candidates: list[tuple[int, Candidate]], cameo: dict[str, CameoCode]) -> list[Event]:
    """Events from (sentence index, candidate) pairs; `sentences` maps index to offsets."""
    groups: list[_Group] = []
    by_dyad: dict[tuple[str, str | None, str, str], list[_Group]] = {}
    for item in candidates:
        candidate = item[1]
        source, target = candidate.source, candidate.target
        # one entity on both sides is told apart by roles: "the army and the RSF clashed" is two acts
        domestic = target is not None and target.key == source.key
        dyad = (source.code if domestic else source.key, (target.code if domestic else target.key) if target else None,
                candidate.factuality, candidate.code[:2])
        fitting = by_dyad.setdefault(dyad, [])
        group = next((g for g in fitting if g.admits(candidate)), None)
        if group is None:
            group = _Group()
            fitting.append(group)
            groups.append(group)
        group.add(item)
    return [_event(doc_id, text, sentences, group.items, cameo) for group in groups]


@dataclass(slots=True)
class _Group:
    """Mentions of one event; a candidate joins if its code and date fit every member's.
    Members are compared by their distinct codes and dates, so long documents stay linear."""

    items: list[tuple[int, Candidate]] = field(default_factory=list)
    codes: set[str] = field(default_factory=set)
    dates: set[EventDate] = field(default_factory=set)

    def admits(self, candidate: Candidate) -> bool:
        return (all(candidate.code.startswith(c) or c.startswith(candidate.code) for c in self.codes)
                and all(_compatible(d, candidate.date) for d in self.dates))

    def add(self, item: tuple[int, Candidate]) -> None:
        self.items.append(item)
        self.codes.add(item[1].code)
        self.dates.add(item[1].date)


def _event(doc_id: str, text: str, sentences: dict[int, tuple[int, int]],
           group: list[tuple[int, Candidate]], cameo: dict[str, CameoCode]) -> Event:
    # the record shows the most specific mention, one with its own date before a bare headline
    sentence_index, best = max(group, key=lambda item: (len(item[1].code), item[1].date.explicit,
                                                        item[1].confidence, -item[1].trigger.start))
    code = cameo[best.code]
    start, end = sentences[sentence_index]
    mentions = sorted({(c.trigger.start, c.trigger.end) for _, c in group})
    location = next((c.location for _, c in group if c.location is not None), None)
    # the actors' codes, roles included: "RUSGOV 041 RUSCVL" and "RUSCVL 041 RUSGOV" are two records
    identity = f"{doc_id}|{best.source.code}|{best.target.code if best.target else ''}|{best.code}|{mentions[0][0]}"
    return Event(
        doc_id=doc_id,
        event_id=hashlib.sha1(identity.encode()).hexdigest()[:16],
        source=best.source,
        target=best.target,
        cameo=code.code,
        cameo_name=code.name,
        goldstein=code.goldstein,
        quad_class=code.quad_class,
        plover_type=code.plover_type,
        plover_mode=code.plover_mode,
        factuality=best.factuality,
        date=_best_date([c.date for _, c in group]),
        location=location,
        sentence=Span(start, end, text[start:end]),
        trigger=Span(best.trigger.start, best.trigger.end, best.trigger.text),
        mentions=tuple(Span(s, e, text[s:e]) for s, e in mentions),
        confidence=min(0.99, round(max(c.confidence for _, c in group) + 0.03 * (len(mentions) - 1), 2)),
        rule=best.rule,
    )
