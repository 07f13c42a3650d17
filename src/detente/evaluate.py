"""Scoring the coder against gold files (format: shared/gold/README.md).

Per record, a predicted event matches a gold event when its source and target entities
match and its CAMEO root is the root of the gold code or of one of its `alt_codes`.
An entity is a state's ISO alpha-3 code or an organisation; gold codes are reduced to
their entity (`USAGOV` -> USA; `IGO...` -> any intergovernmental organisation; `---`
-> any actor). Gold events without actor codes are matched on the event type alone.

Recall is the share of required gold events matched by some prediction; precision the
share of predictions that match some gold event (optional ones included); predictions
that are hypothetical, negated or future are left out, as a user counting events would.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .actors import ActorDictionary
from .coder import Coder
from .events.ontology import CameoCode
from .records import Actor, Document, Event

COUNTED_FACTUALITY = {"asserted", "alleged"}
# Old CAMEO country codes still used in some gold sets, and the ISO codes they mean.
LEGACY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "UAR": "EGY", "ZBW": "ZWE", "RHO": "ZWE",
                "ROM": "ROU", "ZAI": "COD", "BUL": "BGR", "DEN": "DNK", "GER": "DEU"}
CLASS_PREFIXES = ("IGO", "NGO", "IMG", "MNC", "NGM")


@dataclass(slots=True)
class Scores:
    required: int = 0
    matched_gold: int = 0
    predicted: int = 0
    matched_predicted: int = 0
    exact_code: int = 0
    same_quad: int = 0

    @property
    def precision(self) -> float:
        return self.matched_predicted / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.required if self.required else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = asdict(self)
        data.update(precision=round(self.precision, 3), recall=round(self.recall, 3), f1=round(self.f1, 3),
                    exact_code_agreement=round(self.exact_code / self.matched_gold, 3) if self.matched_gold else 0.0,
                    quad_class_agreement=round(self.same_quad / self.matched_gold, 3) if self.matched_gold else 0.0)
        return data


@dataclass(slots=True)
class Report:
    gold_file: str
    records: int = 0
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> records not scored
    scores: Scores = field(default_factory=Scores)
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"gold_file": self.gold_file, "records": self.records, "skipped": self.skipped,
                "scores": self.scores.to_dict(),
                "misses": self.misses, "false_positives": self.false_positives}


def gold_entity(code: str | None) -> str | None:
    """The entity a gold actor code names; '*' for an unknown actor, None for none."""
    if not code:
        return None
    if code.startswith("---"):
        return "*"
    for prefix in CLASS_PREFIXES:
        if code.startswith(prefix):
            return prefix
    if len(code) > 3 and code.isalpha() and code.isupper() and len(code) % 3 != 0:
        return code  # an organisation's own key, e.g. NATO
    head = code[:3].upper()
    return LEGACY_CODES.get(head, head) if len(code) % 3 == 0 else code


def actor_entities(actor: Actor, actors: ActorDictionary) -> set[str]:
    """Names under which a predicted actor can match a gold entity. Gold sets use the generic
    classes loosely (the PLOVER GSR codes Amnesty International as IGO), so any
    intergovernmental or non-governmental organisation matches either class."""
    names = {actor.key}
    kind = actors.organisation_kinds.get(actor.key)
    if kind in {"igo", "ngo"}:
        names |= {"IGO", "NGO"}
    elif kind == "nsa":
        names.add("IMG")
    return names


def _matches_actor(gold: str | None, actor: Actor | None, actors: ActorDictionary) -> bool:
    if gold is None or gold == "*":
        return True
    return actor is not None and gold in actor_entities(actor, actors)


def _event_matches(gold: dict[str, Any], event: Event, actors: ActorDictionary, cameo: dict[str, CameoCode]) -> bool:
    if gold.get("ontology") == "PLOVER":
        if event.plover_type != gold["code"]:
            return False
    else:
        roots = {c[:2] for c in [gold["code"], *gold.get("alt_codes", [])]}
        if event.cameo[:2] not in roots:
            return False
    return (_matches_actor(gold_entity(gold.get("source")), event.source, actors)
            and _matches_actor(gold_entity(gold.get("target")), event.target, actors))


def _gold_events(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The record's events in the ontology detente codes: CAMEO where given, else PLOVER."""
    events = record.get("events", [])
    cameo = [e for e in events if e.get("ontology", "CAMEO") == "CAMEO"]
    return cameo or [e for e in events if e.get("ontology") == "PLOVER"]


def evaluate_file(coder: Coder, path: Path, limit: int | None = None) -> Report:
    report = Report(str(path))
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if limit is not None:
        records = records[:limit]
    codable = []
    for record in records:
        ontologies = {e.get("ontology", "CAMEO") for e in record.get("events", [])}
        if record.get("fictional_actors"):
            reason = "fictional actors (they need the PETRARCH validation dictionaries)"
        elif ontologies - {"CAMEO", "PLOVER"}:
            reason = f"ontology {', '.join(sorted(ontologies - {'CAMEO', 'PLOVER'}))} (detente codes CAMEO and PLOVER)"
        else:
            codable.append(record)
            continue
        report.skipped[reason] = report.skipped.get(reason, 0) + 1
    documents = [coder_document(r) for r in codable]
    for record, coded in zip(codable, coder.code_documents(documents)):
        report.records += 1
        _score_record(report, record, coded.events, coder)
    return report


def coder_document(record: dict[str, Any]) -> Document:
    return Document(id=str(record["id"]), text=record["text"], date=record.get("date"))


def _score_record(report: Report, record: dict[str, Any], events: list[Event], coder: Coder) -> None:
    gold = _gold_events(record)
    counted = [e for e in events if e.factuality in COUNTED_FACTUALITY]
    scores = report.scores
    for item in gold:
        if item.get("optional"):
            continue
        scores.required += 1
        hits = [e for e in counted if _event_matches(item, e, coder.actors, coder.cameo)]
        if hits:
            scores.matched_gold += 1
            best = max(hits, key=lambda e: (e.cameo == item["code"], e.confidence))
            scores.exact_code += best.cameo == item["code"]
            gold_quad = coder.cameo.get(item["code"])
            scores.same_quad += gold_quad is not None and gold_quad.quad_class == best.quad_class
        else:
            report.misses.append({"id": record["id"], "text": record["text"], "gold": _describe_gold(item),
                                  "predicted": [_describe(e) for e in events]})
    for event in counted:
        scores.predicted += 1
        if any(_event_matches(item, event, coder.actors, coder.cameo) for item in gold):
            scores.matched_predicted += 1
        else:
            report.false_positives.append({"id": record["id"], "text": record["text"], "predicted": _describe(event),
                                           "gold": [_describe_gold(g) for g in gold]})


def _describe(event: Event) -> str:
    target = event.target.code if event.target else "-"
    return f"{event.source.code} {event.cameo} {target} [{event.factuality}; {event.rule}]"


def _describe_gold(item: dict[str, Any]) -> str:
    return f"{item.get('source') or '?'} {item['code']} {item.get('target') or '-'}"


def render_report(report: Report, show: int) -> str:
    s = report.scores
    lines = [f"gold file: {report.gold_file}  ({report.records} records scored)"]
    lines += [f"skipped {count} records: {reason}" for reason, count in report.skipped.items()]
    lines += [
        f"dyad+root  precision {s.precision:.3f}  recall {s.recall:.3f}  F1 {s.f1:.3f}",
        f"           gold events {s.required} (matched {s.matched_gold}), predicted {s.predicted} "
        f"(matched {s.matched_predicted})",
    ]
    if s.matched_gold:
        lines.append(f"exact-code agreement {s.exact_code / s.matched_gold:.3f}  "
                     f"quad-class agreement {s.same_quad / s.matched_gold:.3f}")
    for title, items in (("misses", report.misses), ("false positives", report.false_positives)):
        lines.append(f"\n{title} ({len(items)}; first {min(show, len(items))}):")
        for item in items[:show]:
            lines.append(f"  {item['id']}: {item['text'][:160]}")
            lines.append(f"    gold {item['gold']}  predicted {item['predicted']}")
    return "\n".join(lines)
