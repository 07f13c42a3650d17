"""Scoring the coder against gold files (format: shared/gold/README.md).

Two kinds of gold file, told apart by whether any event names an actor code:

Dyad files (actor codes given). Per record, predictions are reduced to distinct
(source entity, target entity, CAMEO root) triples and matched one to one with the gold
events (a maximum matching): a prediction can satisfy one gold event and a gold event one
prediction. A prediction fits a gold event when its source and target entities match and
its root is the root of the gold code or of one of its `alt_codes` (for PLOVER gold, its
PLOVER type is the gold type or one of its 2021 equivalents). An entity is a state's ISO
alpha-3 code or an organisation; gold codes are reduced to their entity (`USAGOV` -> USA;
`IGO...` -> any intergovernmental organisation; `---` -> any actor); a gold actor left
null matches any actor. Recall is the share of required gold events matched, precision
the share of predicted triples matched (an optional gold event may absorb one).
Predictions that are negated or hypothetical are left out, as a user counting events
would; events with no target are left out as `detente code` leaves them out.

Type files (spans, no actor codes: ZSP-PLV, ConfliBERT PentaClass). The coder runs with
monadic events; per gold event the prediction whose source and target spans overlap the
gold spans most is taken (else the most confident), and its type (PLOVER type, or the
PentaClass of its CAMEO code) is compared: accuracy, macro-F1 over the gold types, and
the share of gold events for which the sentence yields no event at all.

Splits: records carrying `meta.split` keep it; others are split by id (test when the
SHA-1 of the id is 0 mod 5, about a fifth), so the same record is always on the same side.

Reviewed events (a store's judged reports, detente.store.review) add to the events the
calibration is fitted on: each document with a judged report is coded again, and an event
the coder still writes as it was judged (same trigger, source and target codes, CAMEO code,
factuality) is right if the reviewer judged it correct or acceptable, wrong otherwise. A
report the coder now writes differently is left out: its judgement was of another event.
Blind audits of real news (docs/audits/) add events the same way: the documents they were drawn
from are coded again, and an event the coder still writes as the audit line shows it (same
sentence, trigger, source, target, CAMEO code and factuality) is right if judged correct or acceptable.
Audited events are split by their document's id, as gold records without a split of their own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .actors import ActorDictionary
from .calibration import (FOLDS, Calibration, Outcome, document_features, expected_calibration_error, fit_calibration,
                          reliability_table, write_calibration)
from .coder import Coder
from .events.ontology import CameoCode
from .records import Actor, Document, Event

if TYPE_CHECKING:
    from .audit import AuditItem
    from .store.review import JudgedReport  # only the store modules import DuckDB; `eval` needs no store

IGNORED_FACTUALITY = {"negated", "hypothetical"}
SPLITS = ("all", "train", "test")
# Old CAMEO country codes still used in some gold sets, and the ISO codes they mean.
LEGACY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "UAR": "EGY", "ZBW": "ZWE", "RHO": "ZWE",
                "ROM": "ROU", "ZAI": "COD", "BUL": "BGR", "DEN": "DNK", "GER": "DEU"}
CLASS_PREFIXES = ("IGO", "NGO", "IMG", "MNC", "NGM")
NO_EVENT = "(none)"


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
class TypeScores:
    """Event-type classification: one (gold type, predicted type) pair per gold event."""

    pairs: list[tuple[str, str]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return sum(g == p for g, p in self.pairs) / len(self.pairs) if self.pairs else 0.0

    @property
    def no_event(self) -> float:
        return sum(p == NO_EVENT for _, p in self.pairs) / len(self.pairs) if self.pairs else 0.0

    def per_type(self) -> dict[str, tuple[float, float, float, int]]:
        """Gold type -> (precision, recall, F1, gold count)."""
        table = {}
        for kind in sorted({g for g, _ in self.pairs}):
            hits = sum(g == p == kind for g, p in self.pairs)
            predicted = sum(p == kind for _, p in self.pairs)
            gold = sum(g == kind for g, _ in self.pairs)
            precision = hits / predicted if predicted else 0.0
            recall = hits / gold
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            table[kind] = (precision, recall, f1, gold)
        return table

    @property
    def macro_f1(self) -> float:
        table = self.per_type()
        return sum(f1 for _, _, f1, _ in table.values()) / len(table) if table else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"events": len(self.pairs), "accuracy": round(self.accuracy, 3),
                "macro_f1": round(self.macro_f1, 3), "no_event": round(self.no_event, 3),
                "per_type": {k: {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "gold": n}
                             for k, (p, r, f, n) in self.per_type().items()}}


@dataclass(slots=True)
class Report:
    gold_file: str
    split: str = "all"
    kind: str = "dyad"  # dyad or type
    records: int = 0
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> records not scored
    scores: Scores = field(default_factory=Scores)
    types: TypeScores = field(default_factory=TypeScores)
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    # each counted prediction of a dyad file (raw score) and whether its triple was matched
    outcomes: list[Outcome] = field(default_factory=list)

    def calibrated(self, calibration: Calibration) -> list[tuple[float, bool]]:
        """Each counted prediction's calibrated confidence, and whether it was right."""
        return calibrated_pairs(self.outcomes, calibration)

    def to_dict(self) -> dict[str, Any]:
        data = {"gold_file": self.gold_file, "split": self.split, "kind": self.kind, "records": self.records,
                "skipped": self.skipped}
        if self.kind == "dyad":
            data["scores"] = self.scores.to_dict()
        else:
            data["types"] = self.types.to_dict()
        data.update(misses=self.misses, false_positives=self.false_positives)
        return data


def calibrated_pairs(outcomes: Sequence[Outcome], calibration: Calibration) -> list[tuple[float, bool]]:
    return [(calibration.probability(o.features, o.score), o.right) for o in outcomes]


def record_split(record: dict[str, Any]) -> str:
    """`train` or `test`: the record's own split, else one fixed by its id."""
    split = record.get("meta", {}).get("split")
    if isinstance(split, list):
        split = split[0] if split else None
    if split in {"train", "test"}:
        return str(split)
    return "test" if int(hashlib.sha1(str(record["id"]).encode()).hexdigest(), 16) % 5 == 0 else "train"


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


def gold_types(gold: dict[str, Any]) -> set[str]:
    """The codes a gold event accepts: its own, its `alt_codes`, and for PLOVER its 2021 names
    (YIELD is CONCEDE or RETREAT)."""
    codes = {gold["code"], *gold.get("alt_codes", [])}
    codes.update((gold.get("code_plover2021") or "").split("|"))
    return codes - {""}


def event_matches(gold: dict[str, Any], event: Event, actors: ActorDictionary) -> bool:
    """Whether a predicted event fits a gold event: its type, then its source and target."""
    if gold.get("ontology") == "PLOVER":
        if event.plover_type not in gold_types(gold):
            return False
    elif event.cameo[:2] not in {c[:2] for c in gold_types(gold)}:
        return False
    return (_matches_actor(_gold_side(gold.get("source"), actors), event.source, actors)
            and _matches_actor(_gold_side(gold.get("target"), actors), event.target, actors))


def _gold_side(code: str | None, actors: ActorDictionary) -> str | None:
    """A gold actor's entity; an organisation detente knows is itself, whatever its length
    (UNICEF is no state UNI with a role ICEF)."""
    return code if code in actors.organisation_kinds else gold_entity(code)


def _gold_events(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The record's events in the ontology detente codes: CAMEO where given, else PLOVER."""
    events = record.get("events", [])
    cameo = [e for e in events if e.get("ontology", "CAMEO") == "CAMEO"]
    return cameo or [e for e in events if e.get("ontology") == "PLOVER"]


def _names_actors(records: Iterable[dict[str, Any]]) -> bool:
    return any(e.get("source") or e.get("target") for r in records for e in r.get("events", []))


def read_gold(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def evaluate_file(coder: Coder, path: Path, limit: int | None = None, split: str = "all") -> Report:
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}, not {split!r}")
    records = [r for r in read_gold(path) if split == "all" or record_split(r) == split]
    if limit is not None:
        records = records[:limit]
    report = Report(str(path), split, "dyad" if _names_actors(records) else "type")
    codable = []
    for record in records:
        ontologies = {e.get("ontology", "CAMEO") for e in record.get("events", [])}
        unknown = ontologies - {"CAMEO", "PLOVER", "CAMEO-PentaClass"}
        if record.get("fictional_actors"):
            reason = "fictional actors (they need the PETRARCH validation dictionaries)"
        elif unknown:
            reason = f"ontology {', '.join(sorted(unknown))} (detente codes CAMEO and PLOVER)"
        else:
            codable.append(record)
            continue
        report.skipped[reason] = report.skipped.get(reason, 0) + 1
    documents = [coder_document(r) for r in codable]
    monadic = report.kind == "type"
    # scored on the rules' raw scores, which order the predictions; calibration is fitted on them
    for record, coded in zip(codable, coder.code_documents(documents, monadic=monadic, calibrated=False)):
        report.records += 1
        if monadic:
            _score_types(report, record, coded.events, coder)
        else:
            _score_record(report, record, coded.events, coder)
    return report


def coder_document(record: dict[str, Any]) -> Document:
    return Document(id=str(record["id"]), text=record["text"], date=record.get("date"))


def _maximum_matching(edges: list[list[int]], right: int) -> list[int | None]:
    """For each left node, the right node it is matched to in a maximum matching (Kuhn's
    augmenting paths; each list of `edges` in order of preference)."""
    owner: list[int | None] = [None] * right

    def augment(left: int, seen: set[int]) -> bool:
        for node in edges[left]:
            if node in seen:
                continue
            seen.add(node)
            holder = owner[node]
            if holder is None or augment(holder, seen):
                owner[node] = left
                return True
        return False

    for left in range(len(edges)):
        augment(left, set())
    matched: list[int | None] = [None] * len(edges)
    for node, left in enumerate(owner):
        if left is not None:
            matched[left] = node
    return matched


def _triple(event: Event) -> tuple[str, str, str, str | None]:
    return event.source.key, event.target.key if event.target else "", event.cameo[:2], event.plover_type


def counted(event: Event) -> bool:
    """Whether a prediction is scored: it has a target and is neither negated nor hypothetical."""
    return event.factuality not in IGNORED_FACTUALITY and event.target is not None


def _score_record(report: Report, record: dict[str, Any], events: list[Event], coder: Coder) -> None:
    gold = _gold_events(record)
    scored = [e for e in events if counted(e)]
    predictions: dict[tuple[str, str, str, str | None], list[Event]] = {}
    for event in sorted(scored, key=lambda e: -e.confidence):
        predictions.setdefault(_triple(event), []).append(event)
    triples = list(predictions.values())  # each a list of events, most confident first
    # gold events are the left side; required ones first so that an optional one never takes
    # the prediction a required one needs
    order = sorted(range(len(gold)), key=lambda i: bool(gold[i].get("optional")))
    edges = []
    for i in order:
        fitting = [n for n, group in enumerate(triples) if event_matches(gold[i], group[0], coder.actors)]
        fitting.sort(key=lambda n: not any(e.cameo == gold[i]["code"] for e in triples[n]))  # exact code first
        edges.append(fitting)
    matched = _maximum_matching(edges, len(triples))
    scores = report.scores
    used = {n for n in matched if n is not None}
    for i, node in zip(order, matched):
        item = gold[i]
        if item.get("optional"):
            continue
        scores.required += 1
        if node is None:
            report.misses.append({"id": record["id"], "text": record["text"], "gold": _describe_gold(item),
                                  "predicted": [_describe(e) for e in events]})
            continue
        scores.matched_gold += 1
        best = next((e for e in triples[node] if e.cameo == item["code"]), triples[node][0])
        scores.exact_code += best.cameo == item["code"]
        gold_quad = coder.cameo.get(item["code"])
        scores.same_quad += gold_quad is not None and gold_quad.quad_class == best.quad_class
    features = {id(e): f for e, f in zip(events, document_features(events, record["text"]))}
    for n, group in enumerate(triples):
        report.outcomes.extend(Outcome(features[id(e)], e.confidence, n in used, str(record["id"])) for e in group)
        scores.predicted += 1
        if n in used:
            scores.matched_predicted += 1
        else:
            report.false_positives.append({"id": record["id"], "text": record["text"], "predicted": _describe(group[0]),
                                           "gold": [_describe_gold(g) for g in gold]})


# --- type files ------------------------------------------------------------------------

# ConfliBERT's PentaClass by CAMEO root. It is not the quad class: appeals count as
# statements, reducing relations as verbal conflict, protest and force posture as material
# conflict (read off the train split's labels against detente's roots).
PENTA_CLASSES = {"0": ("01", "02"), "1": ("03", "04", "05"), "2": ("06", "07", "08"),
                 "3": ("09", "10", "11", "12", "13", "16"), "4": ("14", "15", "17", "18", "19", "20")}
_PENTA_BY_ROOT = {root: penta for penta, roots in PENTA_CLASSES.items() for root in roots}


def penta_class(event: Event) -> str:
    """ConfliBERT's PentaClass of an event's CAMEO code."""
    return _PENTA_BY_ROOT[event.cameo[:2]]


def _gold_span(text: str, phrase: str | None) -> tuple[int, int] | None:
    if not phrase:
        return None
    start = text.find(phrase)
    return (start, start + len(phrase)) if start >= 0 else None


def _overlap(actor: Actor | None, span: tuple[int, int] | None) -> int:
    if actor is None or span is None:
        return 0
    return max(0, min(actor.end, span[1]) - max(actor.start, span[0]))


def _closest(events: list[Event], gold: dict[str, Any], text: str) -> Event | None:
    """The prediction whose actors overlap the gold spans most, else the most confident."""
    if not events:
        return None
    source, target = _gold_span(text, gold.get("source_text")), _gold_span(text, gold.get("target_text"))
    return max(events, key=lambda e: (_overlap(e.source, source) + _overlap(e.target, target), e.confidence))


def _score_types(report: Report, record: dict[str, Any], events: list[Event], coder: Coder) -> None:
    for gold in record.get("events", []):
        penta = gold.get("ontology") == "CAMEO-PentaClass"
        chosen = _closest(events, gold, record["text"])
        accepted = {gold["code"]} if penta else gold_types(gold)
        predicted = NO_EVENT if chosen is None else (penta_class(chosen) if penta else chosen.plover_type or "-")
        # a PLOVER gold type with several 2021 names (YIELD) is right for any of them
        outcome = gold["code"] if predicted in accepted else predicted
        report.types.pairs.append((gold["code"], outcome))
        if outcome != gold["code"]:
            report.misses.append({"id": record["id"], "text": record["text"], "gold": gold["code"],
                                  "predicted": [_describe(e) for e in events],
                                  "chosen": _describe(chosen) if chosen is not None else NO_EVENT})


def _describe(event: Event) -> str:
    target = event.target.code if event.target else "-"
    return f"{event.source.code} {event.cameo} {target} [{event.factuality}; {event.rule}]"


def _describe_gold(item: dict[str, Any]) -> str:
    return f"{item.get('source') or '?'} {item['code']} {item.get('target') or '-'}"


def render_report(report: Report, show: int) -> str:
    lines = [f"gold file: {report.gold_file}  split {report.split}  ({report.records} records scored)"]
    lines += [f"skipped {count} records: {reason}" for reason, count in report.skipped.items()]
    if report.kind == "type":
        t = report.types
        lines += [f"event type  accuracy {t.accuracy:.3f}  macro-F1 {t.macro_f1:.3f}  "
                  f"no event {t.no_event:.3f}  ({len(t.pairs)} gold events; monadic, closest to the marked spans)"]
        lines += [f"  {kind:<12} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  n {n}" for kind, (p, r, f, n) in t.per_type().items()]
        sections = [("misses", report.misses)]
    else:
        s = report.scores
        lines += [
            f"dyad+root (one to one)  precision {s.precision:.3f}  recall {s.recall:.3f}  F1 {s.f1:.3f}",
            f"           gold events {s.required} (matched {s.matched_gold}), predicted {s.predicted} "
            f"(matched {s.matched_predicted})",
        ]
        if s.matched_gold:
            lines.append(f"exact-code agreement {s.exact_code / s.matched_gold:.3f}  "
                         f"quad-class agreement {s.same_quad / s.matched_gold:.3f}")
        sections = [("misses", report.misses), ("false positives", report.false_positives)]
    for title, items in sections:
        lines.append(f"\n{title} ({len(items)}; first {min(show, len(items))}):")
        for item in items[:show]:
            lines.append(f"  {item['id']}: {item['text'][:160]}")
            chosen = f"  chosen {item['chosen']}" if "chosen" in item else ""
            lines.append(f"    gold {item['gold']}  predicted {item['predicted']}{chosen}")
    return "\n".join(lines)


# --- calibration -------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ReviewedOutcomes:
    """A store's judged reports as calibration examples (see the module docstring)."""

    store: str
    judged: int  # reports judged
    latest: dt.datetime | None  # when the latest of them was judged
    outcomes: list[Outcome]  # the judged reports the coder still writes as they were judged


def reviewed_outcomes(coder: Coder, reports: Sequence[JudgedReport], store: str) -> ReviewedOutcomes:
    """Code the documents of `reports` again (raw scores) and label each event the coder still
    writes as it was judged by its judgement."""
    by_document: dict[Document, list[JudgedReport]] = {}
    for judged in reports:
        by_document.setdefault(judged.document, []).append(judged)
    documents = list(by_document)
    outcomes: list[Outcome] = []
    for document, coded in zip(documents, coder.code_documents(documents, calibrated=False)):
        features = document_features(coded.events, document.text)
        written = {_as_judged(e): (e, f) for e, f in zip(coded.events, features) if counted(e)}
        for judged in by_document[document]:
            found = written.get((*judged.trigger, *judged.coded))
            if found is not None:
                event, names = found
                outcomes.append(Outcome(names, event.confidence, judged.right, f"review:{document.id}"))
    return ReviewedOutcomes(store, len(reports), max((r.judged_at for r in reports), default=None), outcomes)


@dataclass(frozen=True, slots=True)
class AuditedOutcomes:
    """Blind-audit judgements as calibration examples (see the module docstring)."""

    audits: list[str]  # audit files or folders, as given
    files: list[str]  # the audit files; every judgement of an event counts
    corpus: list[str]  # the documents they were drawn from
    split: str
    judged: int  # judgements, in all the audit files
    outcomes: list[Outcome]  # the judgements of events of the split the coder still writes as they were judged


def audited_outcomes(coder: Coder, audits: Sequence[str], corpus: Sequence[str], split: str) -> AuditedOutcomes:
    """Code the documents of `corpus` on one side of the split again (raw scores) and label each
    counted event that an audit line judged, as the coder still writes it, by its judgement."""
    from .audit import coded_item, read_items  # the audit modules read stores too: only `eval --audits` needs them
    from .read import read_inputs
    from .store.judgements import RIGHT

    files = [str(f) for name in audits for f in (sorted(Path(name).glob("*.jsonl")) if Path(name).is_dir()
                                                  else [Path(name)])]
    # an audit line is matched on what its judge saw, not on an id: ids have changed with the coder
    # every judgement of an event counts once: two judges of one event are two examples
    judged: dict[tuple[str, ...], list[AuditItem]] = {}
    for path in files:
        for item in read_items(Path(path)):
            if item.judgement:
                judged.setdefault(_as_seen(item), []).append(item)
    judgements = sum(len(items) for items in judged.values())
    documents = [d for d in read_inputs(corpus)
                 if isinstance(d, Document) and split in ("all", record_split({"id": d.id}))]
    outcomes = []
    for coded in coder.code_documents(documents, calibrated=False):
        for event, names in zip(coded.events, document_features(coded.events, coded.document.text)):
            # one example per judgement, though the story was filed twice
            items = judged.pop(_as_seen(coded_item(event.to_dict())), [])
            if counted(event):
                outcomes += [Outcome(names, event.confidence, item.judgement in RIGHT, f"audit:{coded.document.id}")
                             for item in items]
    return AuditedOutcomes(list(audits), files, list(corpus), split, judgements, outcomes)


def _as_seen(item: AuditItem) -> tuple[str, ...]:
    """What an audit line showed its judge of an event: the sentence, trigger, actors, code and factuality."""
    return item.sentence, item.trigger, item.source, item.target, item.cameo, item.factuality


def _as_judged(event: Event) -> tuple[int, int, str, str | None, str, str]:
    """What a judged report is matched on: its trigger, what the coder wrote (JudgedReport.coded)."""
    target = event.target.code if event.target else None
    return event.trigger.start, event.trigger.end, event.source.code, target, event.cameo, event.factuality


def refit_calibration(reports: list[Report], path: Path, day: str, reviewed: ReviewedOutcomes | None = None,
                      audited: AuditedOutcomes | None = None) -> Calibration:
    """Fit the calibration on the counted predictions of `reports` (and the reviewed and audited
    events, if given) and write it to `path`, with a header that says what it was fitted on and
    the command that fits it again."""
    outcomes = [o for report in reports for o in report.outcomes]
    outcomes += (reviewed.outcomes if reviewed else []) + (audited.outcomes if audited else [])
    calibration, penalty = fit_calibration(outcomes)
    table = reliability_table(calibrated_pairs(outcomes, calibration))
    sources = [f"  {Path(r.gold_file).name} (sha1 {hashlib.sha1(Path(r.gold_file).read_bytes()).hexdigest()[:12]}): "
               f"{len(r.outcomes)} events, split {r.split}" for r in reports]
    command = ["detente eval", *(r.gold_file for r in reports), *(f"--split {r.split}" for r in reports[:1]),
               f"--fit-calibration {path}"]
    right = ["that a coded event is right (matched one to one with a gold event by `detente eval`)."]
    if reviewed is not None or audited is not None:
        right = ["that a coded event is right: matched one to one with a gold event by `detente eval`, or, for",
                 "an event of the reviews or audits below, judged correct or acceptable."]
    if reviewed is not None:
        latest = f", the latest judged {reviewed.latest:%Y-%m-%d %H:%M:%S}" if reviewed.latest else ""
        left_out = reviewed.judged - len(reviewed.outcomes)
        sources.append(f"  reviews in {reviewed.store}: {len(reviewed.outcomes)} events of {reviewed.judged} judged "
                       f"reports{latest}" + (f"; {left_out} left out (now coded otherwise, or negated, "
                                             "hypothetical or with no target)" if left_out else ""))
        command.append(f"--db {reviewed.store}")
    if audited is not None:
        digest = hashlib.sha1(b"".join(Path(f).read_bytes() for f in audited.files)).hexdigest()[:12]
        sources.append(f"  {len(audited.files)} audit files (sha1 of all {digest}): {len(audited.outcomes)} judgements "
                       f"of events of split {audited.split} coded as judged, of {audited.judged} judgements in all")
        command += [*(f"--audits {a}" for a in audited.audits), *(f"--audit-corpus {c}" for c in audited.corpus)]
    write_calibration(calibration, path, [
        "Calibrated confidence (src/detente/calibration.py): weights of a logistic model of the probability",
        *right,
        f"Fitted on {day} on {len(outcomes)} events ({sum(o.right for o in outcomes)} right) of:", *sources,
        f"L2 penalty {penalty:g}, chosen by {FOLDS}-fold cross-validation by record on these events; "
        f"calibration error on them {expected_calibration_error(table):.3f}.",
        "After any change to the rules or the vocabulary, refit it with the command that made it, from where it ran:",
        f"  {' '.join(command)}",
    ])
    return calibration
