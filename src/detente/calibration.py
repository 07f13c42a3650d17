"""Calibrated confidence: the probability that a coded event is right.

The rules give each event a raw score (0.7 for a general pattern, 0.85 for one with a listed
object, less for an actor found through a pronoun, more for an event reported several
times). A logistic model maps that score and the event's features to the probability that
the event matches a gold event (`detente eval`'s one-to-one matching) or, for an audited
event of real news, that its judge found it right:

    P(right) = 1 / (1 + exp(-(intercept + score * logit(raw) + sum of the weights of its features
                               + sum of the score slopes of its SLOPED features * logit(raw))))

Features: the pattern's part of speech (`pos=v`, `pos=n`), its factuality, how its source and
target were found (`source=name`, `target=pronoun`, ...), its quad class, whether several
sentences report it, how many events with a target its sentence yields (`crowd=1`, `2`,
`3` for three or more: a sentence read as many events is often misread), the length of its
sentence (`length=short` up to 20 words, `mid` up to 35, `long`) and whether that sentence is
the whole document (`context=sentence`) or part of an article (`context=article`: datelines,
pronouns across sentences and background make articles of real news harder than lone
sentences, and the gold sets are lone sentences while the audits are articles). On the 1,258
train events of 2026-12-06, cross-validated log loss was 743.4 with all features, 770.3
without the context, 744.6 without the length. A feature the fit never saw weighs nothing.
In an article the raw score says less than in a lone sentence, so `context=article` also has
a slope of its own (`score|context=article`): cross-validated log loss 780.9 against 783.1
without it, on 1,329 train events of 2026-12-07. The effects that derived a code ("agreed to
lift", an accusation's topic) are no feature: with them the model predicted held-out train events worse
(cross-validated log loss 323.2 against 322.4 without, on 642 events, 2026-12-06).

The weights are data (`data/calibration/confidence.tsv`), fitted on the train splits of the
dyad gold sets and on the train side of the blind audits of real news (docs/audits/: an event
the coder still writes as it was judged is right if judged correct or acceptable); the file's
header says how it was made and the command that refits it. The L2 penalty is chosen by
cross-validation on the training events alone.
"""

from __future__ import annotations

import hashlib
import math
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from .errors import VocabularyError
from .records import Event
from .vocabulary import read_tsv

COLUMNS = ["feature", "weight"]
INTERCEPT, SCORE = "intercept", "score"
BINS = 10
LENGTHS = ((20, "short"), (35, "mid"))  # most words of a sentence of each length feature, else "long"
PENALTIES = (1.0, 3.0, 10.0)  # L2 penalties tried by cross-validation
SLOPED = {"context=article"}  # features that also change how much the raw score says
FOLDS = 5


@dataclass(frozen=True, slots=True)
class Outcome:
    """A coded event as calibration sees it: its features, its raw score, whether it was right."""

    features: tuple[str, ...]
    score: float
    right: bool
    doc_id: str  # folds of the cross-validation keep a document's events together


@dataclass(frozen=True, slots=True)
class Calibration:
    """Weights of the logistic model: the intercept, the raw score's logit, and features."""

    weights: dict[str, float]

    def probability(self, features: Sequence[str], score: float) -> float:
        total = self.weights.get(INTERCEPT, 0.0) + self.weights.get(SCORE, 1.0) * _logit(score)
        total += sum(self.weights.get(name, 0.0) + self.weights.get(f"{SCORE}|{name}", 0.0) * _logit(score)
                     for name in features)
        return 1.0 / (1.0 + math.exp(-total))

    def apply(self, events: list[Event], text: str) -> list[Event]:
        """A document's events (its `text`) with their raw score replaced by the calibrated probability."""
        return [replace(e, confidence=round(self.probability(features, e.confidence), 3))
                for e, features in zip(events, document_features(events, text))]


def _logit(score: float) -> float:
    score = min(max(score, 0.01), 0.99)
    return math.log(score / (1 - score))


def document_features(events: list[Event], text: str) -> list[tuple[str, ...]]:
    """The features of each of a document's events (all of them: the crowding of a sentence
    counts every event with a target it yields, whatever its factuality); `text` is the
    document's, which tells a lone sentence from an article."""
    crowd = Counter(e.sentence.start for e in events if e.target is not None)
    alone = " ".join(text.split())
    return [event_features(e, crowd[e.sentence.start], " ".join(e.sentence.text.split()) == alone)
            for e in events]


def event_features(event: Event, crowd: int, alone: bool) -> tuple[str, ...]:
    """The names of the features an event has (see the module docstring); `crowd` is the
    number of events with a target in its sentence, `alone` whether that sentence is the
    whole document."""
    base = event.rule.split("+")[0]
    pos = base.rsplit("-", 1)[-1]
    names = [f"pos={pos if pos in {'v', 'n'} else 'other'}", f"factuality={event.factuality}", f"source={event.source.via}",
             f"target={event.target.via if event.target else 'none'}", f"quad={event.quad_class}"]
    if len(event.mentions) > 1:
        names.append("repeated")
    names.append(f"crowd={min(crowd, 3)}")
    words = len(event.sentence.text.split())
    names.append(f"length={next((name for most, name in LENGTHS if words <= most), 'long')}")
    names.append("context=sentence" if alone else "context=article")
    return tuple(names)


def fit_calibration(outcomes: Sequence[Outcome]) -> tuple[Calibration, float]:
    """The calibration fitted on all `outcomes`, with the L2 penalty of `PENALTIES` whose
    cross-validated log loss (folds by document) is least; and that penalty."""
    if not outcomes:
        raise ValueError("no events to fit a calibration on")
    folds = [int(hashlib.sha1(o.doc_id.encode()).hexdigest(), 16) % FOLDS for o in outcomes]

    def held_out_loss(penalty: float) -> float:
        loss = 0.0
        for fold in range(FOLDS):
            fitted = fit_weights([o for o, f in zip(outcomes, folds) if f != fold], penalty)
            for outcome in (o for o, f in zip(outcomes, folds) if f == fold):
                p = fitted.probability(outcome.features, outcome.score)
                loss -= math.log(max(p if outcome.right else 1 - p, 1e-12))
        return loss

    penalty = min(PENALTIES, key=held_out_loss)
    return fit_weights(outcomes, penalty), penalty


def fit_weights(outcomes: Sequence[Outcome], penalty: float) -> Calibration:
    """Weights that best predict whether each event was right: logistic regression by Newton's
    method, with an L2 `penalty` on every weight but the intercept and the score's, so that
    rare features stay near nothing."""
    names = sorted({name for o in outcomes for name in o.features})
    names += [f"{SCORE}|{name}" for name in names if name in SLOPED]
    column = {name: 2 + n for n, name in enumerate(names)}
    x = np.zeros((len(outcomes), 2 + len(names)))
    for row, outcome in enumerate(outcomes):
        x[row, 0], x[row, 1] = 1.0, _logit(outcome.score)
        for name in outcome.features:
            x[row, column[name]] = 1.0
            if name in SLOPED:
                x[row, column[f"{SCORE}|{name}"]] = _logit(outcome.score)
    y = np.array([float(o.right) for o in outcomes])
    ridge = np.full(x.shape[1], penalty)
    ridge[:2] = 1e-6
    w = np.zeros(x.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = x.T @ (p - y) + ridge * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(ridge)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    weights = {INTERCEPT: float(w[0]), SCORE: float(w[1])}
    weights.update({name: float(w[column[name]]) for name in names})
    return Calibration(weights)


def load_calibration(path: Path) -> Calibration:
    """The weights of a calibration file; a bad weight is a VocabularyError naming its line."""
    weights = {}
    for number, row in read_tsv(path, COLUMNS):
        try:
            weights[row["feature"]] = float(row["weight"])
        except ValueError as err:
            raise VocabularyError(str(path), number, "weight", f"not a number: {row['weight']!r}") from err
    return Calibration(weights)


def write_calibration(calibration: Calibration, path: Path, provenance: list[str]) -> None:
    """The weights as TSV, after `provenance` lines (written as comments)."""
    lines = [f"# {line}" for line in provenance] + ["\t".join(COLUMNS)]
    lines += [f"{name}\t{weight:.6f}" for name, weight in calibration.weights.items()]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --- reliability ----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ReliabilityBin:
    low: float
    high: float
    count: int
    mean_confidence: float
    precision: float  # the share of the bin's events that were right

    @property
    def gap(self) -> float:
        return abs(self.mean_confidence - self.precision)


def reliability_table(pairs: Sequence[tuple[float, bool]], bins: int = BINS) -> list[ReliabilityBin]:
    """Events (confidence, right) in equal-width confidence bins; empty bins left out."""
    table = []
    for number in range(bins):
        low, high = number / bins, (number + 1) / bins
        inside = [(c, r) for c, r in pairs if low <= c < high or (number == bins - 1 and c == high)]
        if inside:
            table.append(ReliabilityBin(low, high, len(inside), sum(c for c, _ in inside) / len(inside),
                                        sum(r for _, r in inside) / len(inside)))
    return table


def expected_calibration_error(table: list[ReliabilityBin]) -> float:
    """The bins' gaps between mean confidence and precision, weighted by their counts."""
    total = sum(b.count for b in table)
    return sum(b.count * b.gap for b in table) / total if total else 0.0


def chance_error(confidences: Sequence[float], draws: int = 1000, seed: int = 0) -> tuple[float, float]:
    """The median and 95th percentile of the expected calibration error that a perfectly
    calibrated coder would show on events with these confidences (each right with its own
    probability): how much of an observed error the sample's size alone explains."""
    rng = random.Random(seed)
    errors = sorted(expected_calibration_error(reliability_table([(c, rng.random() < c) for c in confidences]))
                    for _ in range(draws))
    return errors[draws // 2], errors[int(draws * 0.95)]


def render_reliability(pairs: Sequence[tuple[float, bool]]) -> str:
    """The reliability table of events (confidence, right) and its calibration error."""
    table = reliability_table(pairs)
    lines = ["confidence   mean conf  precision  events",
             *(f"{b.low:.1f}-{b.high:.1f}      {b.mean_confidence:.3f}      {b.precision:.3f}  {b.count:6d}"
               for b in table)]
    median, high = chance_error([c for c, _ in pairs])
    lines.append(f"expected calibration error {expected_calibration_error(table):.3f} ({len(pairs)} events; "
                 f"a perfectly calibrated coder would show {median:.3f}, up to {high:.3f} in 95% of samples this size)")
    return "\n".join(lines)


THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)


def render_thresholds(pairs: Sequence[tuple[float, bool]]) -> str:
    """What a minimum confidence gives up: for each threshold, the events kept, the share of
    them that are right, and how many right events it drops."""
    right_total = sum(right for _, right in pairs)
    lines = ["minimum   events kept   right among them   right events dropped"]
    for threshold in THRESHOLDS:
        kept = [right for confidence, right in pairs if confidence >= threshold]
        share = f"{sum(kept) / len(kept):.3f}" if kept else "-"
        lines.append(f"{threshold:.1f}       {len(kept):5d} of {len(pairs):<5d} {share:>10}         "
                     f"{right_total - sum(kept)} of {right_total}")
    return "\n".join(lines)
