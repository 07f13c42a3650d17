"""The `detente` command: a thin shell over the library."""

from __future__ import annotations

import contextlib
import json
import sys
from collections import Counter
from dataclasses import asdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from .audit_commands import audit
from .cli_options import (BadValue, calibration_option, clean_errors, date_option, pipeline_option,
                          time_budget_option, workers_option)
from .errors import DetenteError
from .output import FORMATS, EventWriter
from .parallel import code_documents
from .read import DEFAULT_MAX_BYTES, read_inputs
from .records import CoderSettings, Document, Problem, RunSummary
from .store import Store
from .store.review import judged_reports
from .store_commands import register

if TYPE_CHECKING:
    from .coder import Coder



@click.group()
@click.version_option(package_name="detente")
def main() -> None:
    """detente: political event coding from news text (CAMEO, PLOVER)."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@date_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here, not stdout.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Largest document read; larger ones are skipped.")
@click.option("--parse-all", is_flag=True, help="Parse every sentence, not only those that can hold an event.")
@click.option("--monadic", is_flag=True,
              help="Keep events with no target ('protesters rallied') and generic actors of no known country "
                   "('police' -> ---COP).")
@time_budget_option
@workers_option
@pipeline_option
@calibration_option
def code(inputs: tuple[str, ...], date: str | None, fmt: str, output: str | None, max_bytes: int,
         parse_all: bool, monadic: bool, time_budget: float, workers: int, pipeline: str,
         calibration: str | None) -> None:
    """Code INPUTS (files, folders, or - for stdin) into events."""
    settings = CoderSettings(pipeline, prefilter=not parse_all, monadic=monadic, time_budget=time_budget,
                             calibration=Path(calibration) if calibration else None)
    coder = _coder(settings) if workers == 1 else settings  # else each worker loads its own
    summary = RunSummary()
    with clean_errors(), contextlib.ExitStack() as stack:
        stream: TextIO = stack.enter_context(open(output, "w", encoding="utf-8", newline="")) if output else sys.stdout
        writer = EventWriter(stream, fmt)
        documents = _documents(read_inputs(inputs, date, max_bytes), summary)
        # closed on the way out, also on Ctrl-C or an error: that ends the worker processes at once
        for coded in stack.enter_context(contextlib.closing(code_documents(coder, documents, workers))):
            if coded.problem is not None:
                _report_problem(coded.problem, summary)
                continue
            summary.documents += 1
            summary.sentences += coded.sentences
            summary.parsed_sentences += coded.parsed_sentences
            summary.events += len(coded.events)
            writer.write(coded.events)
        writer.close()
        stream.flush()
    _report(summary)
    if summary.documents == 0:
        raise SystemExit(1)


def _documents(items: Iterable[Document | Problem], summary: RunSummary) -> Iterator[Document]:
    for item in items:
        if isinstance(item, Problem):
            _report_problem(item, summary)
        elif isinstance(item, Document):
            yield item


def _report_problem(problem: Problem, summary: RunSummary) -> None:
    summary.problems.append(problem)
    click.echo(problem.report(), err=True)


def _report(summary: RunSummary) -> None:
    kinds = Counter(problem.reason.split(":")[0].split(" (")[0] for problem in summary.problems)
    why = f" ({', '.join(f'{n} {kind}' for kind, n in kinds.most_common())})" if kinds else ""
    click.echo(f"{summary.documents} documents, {summary.sentences} sentences "
               f"({summary.parsed_sentences} parsed), {summary.events} events, "
               f"{len(summary.problems)} problems{why}", err=True)


@main.command("eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--show", type=click.IntRange(min=0), default=10, show_default=True,
              help="Misses and false positives to list.")
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N records of each file.")
@click.option("--split", type=click.Choice(["all", "train", "test"]), default="all", show_default=True,
              help="Score one side of the gold file's train/test split (its own, else fixed by record id).")
@click.option("--calibration", "show_calibration", is_flag=True,
              help="Print the reliability of the calibrated confidence (dyad files): bins, mean confidence, "
                   "observed precision, events, and the expected calibration error.")
@click.option("--fit-calibration", type=click.Path(dir_okay=False), metavar="FILE",
              help="Fit the calibrated confidence on these files' events and write it to FILE "
                   "(src/detente/data/calibration/confidence.tsv).")
@click.option("--db", type=click.Path(exists=True, dir_okay=False),
              help="With --fit-calibration: fit on the events reviewers judged in this store too "
                   "(README: Calibrated confidence).")
@click.option("--audits", multiple=True, type=click.Path(exists=True), metavar="PATH",
              help="Blind-audit files (or a folder of them, docs/audits/): their judged events of the split count "
                   "in --fit-calibration and --calibration too. Needs --audit-corpus.")
@click.option("--audit-corpus", multiple=True, type=click.Path(exists=True), metavar="PATH",
              help="The documents the audits were drawn from (files or folders, as `detente code` reads them).")
@pipeline_option
def evaluate(gold: tuple[str, ...], as_json: bool, show: int, limit: int | None, split: str, show_calibration: bool,
             fit_calibration: str | None, db: str | None, audits: tuple[str, ...], audit_corpus: tuple[str, ...],
             pipeline: str) -> None:
    """Code the texts of GOLD files and score them against their events.

    Files with actor codes are scored by dyad and CAMEO root, matched one to one; files with
    spans only (ZSP-PLV, ConfliBERT) by the type of the event closest to the marked spans.
    With several files, the reliability table pools their events."""
    import datetime as dt

    from .calibration import expected_calibration_error, reliability_table, render_reliability, render_thresholds
    from .evaluate import audited_outcomes, calibrated_pairs, evaluate_file, refit_calibration, render_report, \
        reviewed_outcomes

    if db and not fit_calibration:
        raise BadValue("--db adds a store's reviewed events to a calibration fit: give --fit-calibration FILE too")
    if bool(audits) != bool(audit_corpus):
        raise BadValue("--audits and --audit-corpus go together: the audits' events are coded again from their corpus")
    coder = _coder(CoderSettings(pipeline))
    reports = [evaluate_file(coder, Path(path), limit, split) for path in gold]
    with clean_errors():
        audited = audited_outcomes(coder, audits, audit_corpus, split) if audits else None
    if audited is not None:
        click.echo(f"{len(audited.outcomes)} judgements of events of split {split} the coder still writes as judged, "
                   f"of {audited.judged} in {len(audited.files)} audit files: counted too", err=True)
    if fit_calibration:
        with clean_errors():
            reviewed = None
            if db:
                with Store(db, read_only=True) as store:
                    judged = judged_reports(store)
                reviewed = reviewed_outcomes(coder, judged, db)
                click.echo(f"{len(reviewed.outcomes)} of the {reviewed.judged} reports judged in {db} are "
                           "coded as they were judged: fitted on them too", err=True)
            coder.calibration = refit_calibration(reports, Path(fit_calibration), dt.date.today().isoformat(),
                                                  reviewed, audited)
        click.echo(f"wrote {fit_calibration}", err=True)
    pairs = [pair for report in reports for pair in report.calibrated(coder.calibration)]
    populations = [(", ".join(Path(p).name for p in gold), pairs)]
    if audited is not None:
        audit_pairs = calibrated_pairs(audited.outcomes, coder.calibration)
        populations += [("audited events of real news", audit_pairs), ("both together", pairs + audit_pairs)]
        pairs = pairs + audit_pairs
    if as_json:
        data = [report.to_dict() for report in reports]
        table = reliability_table(pairs)
        calibration = {"bins": [asdict(b) for b in table], "events": len(pairs),
                       "expected_calibration_error": round(expected_calibration_error(table), 4)}
        if len(data) == 1:
            click.echo(json.dumps({**data[0], "calibration": calibration} if show_calibration else data[0], indent=2))
        else:
            click.echo(json.dumps({"reports": data, **({"calibration": calibration} if show_calibration else {})},
                                  indent=2))
        return
    click.echo("\n\n".join(render_report(report, show) for report in reports))
    if show_calibration:
        for name, population in populations:
            click.echo(f"\ncalibrated confidence, split {split} ({name}):")
            click.echo(render_reliability(population))
            click.echo(f"\nwhat a minimum confidence gives up, split {split} ({name}):")
            click.echo(render_thresholds(population))


@main.group()
def lexicon() -> None:
    """Check the vocabulary files."""


@lexicon.command("check")
@click.option("--data", type=click.Path(exists=True, file_okay=False), help="Folder of data files to check.")
@pipeline_option
def lexicon_check(data: str | None, pipeline: str) -> None:
    """Load and validate every vocabulary file; report counts."""
    coder = _coder(CoderSettings(pipeline, Path(data) if data else None))
    vocabulary = coder.vocabulary
    patterns = sum(map(len, vocabulary.verbs.values())) + sum(map(len, vocabulary.nouns.values()))
    click.echo(f"ok: {len(coder.actors.kinds)} actors, {sum(len(v) for v in coder.actors.names.values())} names, "
               f"{len(coder.actors.roles)} role terms, {patterns} event patterns, {len(coder.cameo)} CAMEO codes, "
               f"{len(vocabulary.specific_only)} triggers with no general reading")


@lexicon.command("coverage")
@click.option("--data", type=click.Path(exists=True, file_okay=False), help="Folder of data files to read.")
@click.option("--markdown", is_flag=True, help="Print a Markdown table.")
@click.option("--write", "document", type=click.Path(exists=True, dir_okay=False),
              help="Replace the coverage table in this Markdown file (docs/vocabulary.md).")
def lexicon_coverage(data: str | None, markdown: bool, document: str | None) -> None:
    """How the vocabulary reaches each CAMEO code; exits non-zero if a code is unreachable."""
    from .events.coverage import code_coverage, coverage_markdown, replace_table
    from .events.ontology import load_cameo
    from .events.patterns import load_event_vocabulary
    from .vocabulary import data_dir

    folder = Path(data) if data else data_dir()
    try:
        cameo = load_cameo(folder / "ontology" / "cameo.tsv")
        rows = code_coverage(load_event_vocabulary(folder / "events", cameo), cameo)
    except DetenteError as err:
        raise click.ClickException(str(err)) from err
    if document:
        path = Path(document)
        path.write_text(replace_table(path.read_text(encoding="utf-8"), coverage_markdown(rows)), encoding="utf-8")
    elif markdown:
        click.echo(coverage_markdown(rows))
    else:
        for row in rows:
            click.echo(f"{row.code}\t{row.patterns}\t{','.join(row.derivations)}\t{row.blame_topics}\t{row.name}")
    unreachable = [row.code for row in rows if not row.reachable]
    if unreachable:
        raise click.ClickException(f"no pattern, derivation or blame topic reaches {', '.join(unreachable)}")


register(main)
main.add_command(audit)


def _coder(settings: CoderSettings) -> Coder:
    from .coder import Coder  # here: `code --workers N` hands work to workers without importing it

    try:
        return Coder.from_settings(settings)
    except DetenteError as err:
        raise click.ClickException(str(err)) from err
