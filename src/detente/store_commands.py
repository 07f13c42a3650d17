"""The store commands of `detente`: ingest, events, actors, relations, escalations, chains,
network, export, dedupe. A thin shell over detente.store and detente.relations."""

from __future__ import annotations

import csv
import json
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO

import click

from .cli_options import (calibration_option, clean_errors, date_option, pipeline_option, time_budget_option,
                          workers_option)
from .errors import QueryError
from .output import flatten, format_table, named
from .read import DEFAULT_MAX_BYTES, count_inputs, read_inputs
from .relations import (PERIODS, Dyad, actor_network, find_chains, find_escalations, parse_window, period_events,
                        relation_series)
from .relations.chains import undated_in_scope
from .relations.escalation import undated_conflict
from .relations.series import canonical_dyad, reviewed_in_dyad
from .store import DedupRule, IngestSummary, Store, default_db_path, ingest
from .store.dedup import MATCHES
from .store.export import FORMATS as EXPORT_FORMATS
from .store.export import export
from .store.judgements import REVIEW_FILTERS
from .store.query import (DEFAULT_FACTUALITY, FACTUALITIES, EventFilter, StoredEvent, actor_names, count_events,
                          find_events, get_event, parse_factualities, top_actors)
from .vocabulary import actor_label

OUTPUTS = ("table", "jsonl", "csv")

db_option = click.option("--db", type=click.Path(dir_okay=False), default=None,
                         help=f"Event store file [default: $DETENTE_DB or {default_db_path()}].")
format_option = click.option("--format", "fmt", type=click.Choice(OUTPUTS), default="table", show_default=True)
min_confidence_option = click.option(
    "--min-confidence", type=click.FloatRange(0, 1), default=None,
    help="Only events at least this likely to be right (their calibrated confidence, 0-1; README: Accuracy).")
reviewed_option = click.option(
    "--reviewed", is_flag=True,
    help="Use the events as reviewers corrected them: judged wrong and corrected, the correction; judged not an "
         "event, or wrong with no correction, left out (docs/store.md: Reviews).")
factuality_option = click.option(
    "--factuality", default=",".join(DEFAULT_FACTUALITY), show_default=True,
    help=f"Comma-separated factualities to count ({', '.join(FACTUALITIES)}), or 'all'.")


def _counted(factuality: tuple[str, ...]) -> str:
    """How an output names the factualities it counted."""
    return "every factuality" if set(factuality) == set(FACTUALITIES) else ", ".join(factuality)


def _at_least(min_confidence: float | None) -> str:
    """How an output names the minimum confidence it counted, if any."""
    return "" if min_confidence is None else f" of confidence {min_confidence:g} or more"


def _named(code: str | None, name: str | None) -> str:
    """A code with its name beside it, for people: USAMIL (United States military)."""
    return named(code, name) if code else "-"


def _open(db: str | None, read_only: bool = True) -> Store:
    return Store(db, read_only=read_only)


def _emit(records: Iterable[dict[str, Any]], fmt: str, header: tuple[str, ...],
          row: Callable[[dict[str, Any]], tuple[str, ...]], stream: TextIO | None = None) -> None:
    out = stream or sys.stdout
    if fmt == "table":
        out.write(format_table(header, (row(r) for r in records)))
        return
    writer: csv.DictWriter[str] | None = None
    for record in records:
        if fmt == "jsonl":
            out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
            continue
        flat = flatten(record)
        if writer is None:
            writer = csv.DictWriter(out, list(flat), extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
        writer.writerow({k: "" if v is None else v for k, v in flat.items()})


def _event_row(record: dict[str, Any]) -> tuple[str, ...]:
    source, target = record["source"], record["target"]
    return (record["date"] or "undated", _named(source["code"], source["label"]),
            f"{record['cameo']} {(record['cameo_name'] or '')[:38]}",
            _named(target["code"], target["label"]) if target else "-", record["factuality"],
            str(record["n_mentions"]), str(record["n_documents"]), record["event_id"])


EVENT_HEADER = ("date", "source", "event", "target", "factuality", "mentions", "docs", "id")


def register(main: click.Group) -> None:
    for command in (ingest_command, events_command, event_command, actors_command, relations_command,
                    escalations_command, chains_command, network_command, export_command, dedupe_command,
                    serve_command):
        main.add_command(command)


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@db_option
@date_option
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True)
@click.option("--batch", type=click.IntRange(min=1), default=64, show_default=True, help="Documents per commit.")
@workers_option
@click.option("--dask", metavar="ADDRESS",
              help="Code on a Dask cluster: 'local' (WORKERS processes here) or a scheduler address.")
@click.option("--quiet", is_flag=True, help="No progress lines.")
@time_budget_option
@pipeline_option
@calibration_option
def ingest_command(inputs: tuple[str, ...], db: str | None, date: str | None, max_bytes: int, batch: int,
                   workers: int, dask: str | None, quiet: bool, time_budget: float, pipeline: str,
                   calibration: str | None) -> None:
    """Code INPUTS and add them to the store; documents it already holds are skipped."""
    from .coder import Coder, CoderSettings

    with clean_errors():
        settings = CoderSettings(pipeline, time_budget=time_budget,
                                 calibration=Path(calibration) if calibration else None)
        coder = Coder.from_settings(settings) if workers == 1 and dask is None else settings  # workers load their own
        with _open(db, read_only=False) as store:
            started = time.monotonic()
            reported = 0
            total = None if quiet else count_inputs(inputs)  # None: not known beforehand (stdin)

            def report_problems(summary: IngestSummary) -> None:
                nonlocal reported
                for problem in summary.problems[reported:]:
                    click.echo(problem.report(), err=True)
                reported = len(summary.problems)

            def progress(summary: IngestSummary) -> None:
                report_problems(summary)
                if quiet:
                    return
                rate = summary.read / max(time.monotonic() - started, 1e-9)
                read = f"{summary.read} of {total}" if total else str(summary.read)
                left = f", about {_duration((total - summary.read) / rate)} left" if total and rate > 0 else ""
                line = (f"{read} documents read ({summary.coded} new, {summary.known} already stored), "
                        f"{summary.mentions} mentions, {rate:.0f} documents/s{left}")
                if sys.stderr.isatty():
                    click.echo(f"\r{line}", err=True, nl=False)
                else:
                    click.echo(line, err=True)

            summary = ingest(store, coder, read_inputs(inputs, date, max_bytes), batch=batch, progress=progress,
                             workers=workers, dask=dask)
            report_problems(summary)
            counts = store.counts()
    if sys.stderr.isatty() and not quiet:
        click.echo("", err=True)
    click.echo(f"{summary.read} documents read: {summary.coded} new, {summary.known} already stored; "
               f"{summary.mentions} new mentions; {len(summary.problems)} problems. "
               f"Store {store.path}: {counts.documents} documents, {counts.mentions} mentions, "
               f"{counts.events} events, {counts.actors} actors", err=True)
    if summary.read == 0:
        raise SystemExit(1)


def _duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    return f"{seconds // 60} min {seconds % 60:02d} s" if seconds >= 60 else f"{seconds} s"


def _filter_options(command: Callable[..., None]) -> Callable[..., None]:
    options = [
        click.option("--actor", help="Either side: entity (RUS, NATO) or full code (RUSGOV)."),
        click.option("--source", help="Source actor: entity or full code."),
        click.option("--target", help="Target actor: entity or full code."),
        click.option("--role", help="Either side's role code (GOV, MIL, REB, ...)."),
        click.option("--cameo", help="CAMEO code, with the codes under it (e.g. 112)."),
        click.option("--root", help="CAMEO root (01-20)."),
        click.option("--plover", help="PLOVER event type (ACCUSE, ASSAULT, ...)."),
        click.option("--quad", "quad_class", type=click.IntRange(1, 4), help="Quad class 1-4."),
        factuality_option,
        min_confidence_option,
        click.option("--since", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
        click.option("--until", help="Up to this date, inclusive."),
        click.option("--outlet", help="Only events reported by this news source."),
        click.option("--review", type=click.Choice(REVIEW_FILTERS),
                     help="Only events a reviewer judged (reviewed), judged wrong (disputed), or not yet judged."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _event_filter(options: dict[str, Any]) -> EventFilter:
    return EventFilter(factuality=parse_factualities(options.pop("factuality")), **options)


@click.command("events")
@db_option
@_filter_options
@format_option
@click.option("--limit", type=click.IntRange(min=0), default=100, show_default=True, help="At most this many (0: all).")
@click.option("--offset", type=click.IntRange(min=0), default=0)
def events_command(db: str | None, fmt: str, limit: int, offset: int, **filters: Any) -> None:
    """Deduplicated events matching the filters, newest first (undated last)."""
    with clean_errors(), _open(db) as store:
        where = _event_filter(filters)
        found = find_events(store, where, limit=limit or None, offset=offset)
        total = count_events(store, where)
    if fmt == "table" and not found:
        click.echo(f"no events match these filters (counting {_counted(where.factuality)} events)")
        return
    _emit((e.to_dict() for e in found), fmt, EVENT_HEADER, _event_row)
    if fmt == "table":
        click.echo(f"{len(found)} of {total} events ({_counted(where.factuality)})"
                   + ("; --limit 0 lists all" if len(found) < total else ""))


@click.command("event")
@click.argument("event_id")
@db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def event_command(event_id: str, db: str | None, fmt: str) -> None:
    """One event with every mention: document, date, source, sentence (trigger in [brackets])."""
    with clean_errors(), _open(db) as store:
        event, mentions = get_event(store, event_id)
    if fmt == "json":
        click.echo(json.dumps({"event": event.to_dict(), "mentions": [m.to_dict() for m in mentions]},
                              ensure_ascii=False, indent=2))
        return
    click.echo(f"{event.event_id}  {event.date or 'undated'}  {event.source_code} {event.cameo} "
               f"{event.target_code or '-'}  {event.cameo_name}  ({event.factuality})")
    click.echo(f"{event.n_mentions} mentions in {event.n_documents} documents from {event.n_sources} sources")
    for mention in mentions:
        start, end = mention.trigger_start - mention.sentence_start, mention.trigger_end - mention.sentence_start
        sentence = f"{mention.sentence_text[:start]}[{mention.sentence_text[start:end]}]{mention.sentence_text[end:]}"
        where = ", ".join(str(x) for x in (mention.doc_date, mention.doc_source, mention.doc_url) if x)
        click.echo(f"\n  {mention.doc_id}{f' ({where})' if where else ''}\n    {sentence}")


@click.command("actors")
@db_option
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--entity", is_flag=True, help="Count by entity (RUS) rather than full code (RUSGOV).")
@factuality_option
@format_option
def actors_command(db: str | None, top: int, entity: bool, factuality: str, fmt: str) -> None:
    """The most active actors, by deduplicated events (dated or not)."""
    with clean_errors(), _open(db) as store:
        counted = parse_factualities(factuality)
        found = top_actors(store, top, entity, counted)
    records = [{"code": a.code, "key": a.key, "role": a.role, "name": a.name, "events": a.events,
                "as_source": a.as_source, "as_target": a.as_target} for a in found]
    if fmt == "table" and not records:
        click.echo(f"no actors in {_counted(counted)} events")
        return
    _emit(records, fmt, ("actor", "name", "events", "as source", "as target"),
          lambda r: (r["code"], r["name"] or "", str(r["events"]), str(r["as_source"]), str(r["as_target"])))
    if fmt == "table":
        click.echo(f"counting {_counted(counted)} events")


@click.command("relations")
@click.argument("actor_a")
@click.argument("actor_b")
@db_option
@click.option("--by", type=click.Choice(PERIODS), default="month", show_default=True)
@click.option("--both", is_flag=True, help="Both directions (A→B and B→A), not only A→B.")
@factuality_option
@min_confidence_option
@reviewed_option
@click.option("--since")
@click.option("--until")
@click.option("--plot", type=click.Path(dir_okay=False), help="Draw the series to FILE.png or FILE.svg.")
@format_option
def relations_command(actor_a: str, actor_b: str, db: str | None, by: str, both: bool, factuality: str,
                      min_confidence: float | None, reviewed: bool, since: str | None, until: str | None,
                      plot: str | None, fmt: str) -> None:
    """Relations from ACTOR_A to ACTOR_B over time: counts by quad class, Goldstein, net score.

    Actors are codes (RUS, RUSGOV, NATO) or names (Russia), in any case. Events dated less
    precisely than a period, and undated events, get a row of their own after the periods."""
    with clean_errors(), _open(db) as store:
        dyad = canonical_dyad(store, Dyad(actor_a, actor_b, both, parse_factualities(factuality), since, until,
                                          min_confidence, reviewed))
        series = relation_series(store, dyad, by)
        names = actor_names(store, [dyad.a, dyad.b])
        arrow = "↔" if both else "→"
        heading = f"{_named(dyad.a, names.get(dyad.a))} {arrow} {_named(dyad.b, names.get(dyad.b))}"
        if fmt == "table" and not series:
            click.echo(f"no {_counted(dyad.factuality)} events {heading}")
        else:
            _emit((p.to_dict() for p in series), fmt,
                  ("period", "events", "v.coop", "m.coop", "v.conf", "m.conf", "goldstein", "mean", "net"),
                  lambda r: (r["label"], str(r["events"]), str(r["verbal_cooperation"]),
                             str(r["material_cooperation"]), str(r["verbal_conflict"]), str(r["material_conflict"]),
                             f"{r['goldstein_sum']:.1f}",
                             "-" if r["goldstein_mean"] is None else f"{r['goldstein_mean']:.2f}", str(r["net"])))
        if fmt == "table" and series:
            unplaced = {p.kind: p.events for p in series if p.period is None}
            click.echo(f"{heading}: {sum(p.events for p in series)} {_counted(dyad.factuality)} events, "
                       f"{unplaced.get('coarser', 0)} dated less precisely than a {by}, "
                       f"{unplaced.get('undated', 0)} undated")
        if fmt == "table":
            corrected = "as reviewers corrected them" if reviewed else "as coded; --reviewed applies the reviews"
            click.echo(f"{reviewed_in_dyad(store, dyad)} of the dyad's events reviewed ({corrected})")
        if plot:
            from .relations.plots import plot_relations

            behind = [e for p in series if p.events and p.period for e in period_events(store, dyad, p.period, by)]
            plot_relations(series, behind, Path(plot), f"{dyad.a} {arrow} {dyad.b}, events per {by}", by)
            click.echo(f"wrote {plot}", err=True)


@click.command("escalations")
@db_option
@click.option("--window", default="30d", show_default=True, help="Length of the latest window: 30d, 4w.")
@click.option("--baseline", type=click.IntRange(min=1), default=6, show_default=True,
              help="Windows before it that set the baseline.")
@click.option("--until", help="Last day of the latest window [default: the latest event].")
@click.option("--min-events", type=click.IntRange(min=1), default=2, show_default=True)
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--by-code", is_flag=True, help="Dyads of full codes (TURMIL → TURREB), not entities (TUR → TUR).")
@factuality_option
@min_confidence_option
@format_option
def escalations_command(db: str | None, window: str, baseline: int, until: str | None, min_events: int, top: int,
                        by_code: bool, factuality: str, min_confidence: float | None, fmt: str) -> None:
    """Dyads whose conflict in the latest window departs most from their own baseline."""
    with clean_errors(), _open(db) as store:
        counted = parse_factualities(factuality)
        found = find_escalations(store, parse_window(window), baseline, until, min_events, top, counted,
                                 by_entity=not by_code, min_confidence=min_confidence)
        undated = undated_conflict(store, counted, by_entity=not by_code, min_confidence=min_confidence)
        names = actor_names(store, sorted({c for e in found for c in (e.source, e.target)}))
    if fmt != "table":
        _emit((e.to_dict() for e in found), fmt, (), lambda r: ())
        return
    for item in found:
        click.echo(f"{_named(item.source, names.get(item.source))} → {_named(item.target, names.get(item.target))}"
                   f"  score {item.score:.2f}  conflict {item.recent:.1f} "
                   f"(baseline {item.baseline_mean:.1f} ± {item.baseline_sd:.1f})  "
                   f"{item.window_start} to {item.window_end}")
        _print_events(item.events[:5], indent="    ")
    if not found:
        click.echo("no dyad's conflict rose above its baseline in this window")
    click.echo(f"counting {_counted(counted)} events{_at_least(min_confidence)}; {undated} undated conflictual "
               "events belong to no window")


@click.command("chains")
@db_option
@click.option("--window", default="30d", show_default=True, help="How far back a response looks: 30d, 4w.")
@click.option("--actor", help="Only chains with this actor on either side.")
@click.option("--since")
@click.option("--until")
@click.option("--min-events", type=click.IntRange(min=1), default=2, show_default=True)
@click.option("--conflict", is_flag=True, help="Only conflictual events (quad classes 3 and 4): retaliation.")
@factuality_option
@min_confidence_option
@format_option
def chains_command(db: str | None, window: str, actor: str | None, since: str | None, until: str | None,
                   min_events: int, conflict: bool, factuality: str, min_confidence: float | None, fmt: str) -> None:
    """Retaliation and response chains: events answered by the reversed dyad."""
    with clean_errors(), _open(db) as store:
        counted = parse_factualities(factuality)
        found = find_chains(store, parse_window(window), actor, since, until, counted, min_events, conflict,
                            min_confidence)
        undated = 0 if since or until else undated_in_scope(store, actor, counted, conflict, min_confidence)
    if fmt != "table":
        _emit((c.to_dict() for c in found), fmt, (), lambda r: ())
        return
    for number, chain in enumerate(found, start=1):
        kinds = sorted({link.kind for link in chain.links})
        click.echo(f"chain {number}: {len(chain.events)} events, linked by {' and '.join(kinds)}")
        _print_events(chain.events, indent="    ")
    if not found:
        click.echo("no response chains in this window")
    click.echo(f"counting {_counted(counted)} events{_at_least(min_confidence)}; {undated} undated events can be "
               "linked only by a cue in their sentence, never by time")


def _print_events(events: list[StoredEvent], indent: str) -> None:
    for event in events:
        source = _named(event.source_code, actor_label(event.source_name, event.source_role))
        target = _named(event.target_code, actor_label(event.target_name, event.target_role))
        click.echo(f"{indent}{event.date or 'undated':10}  {source} {event.cameo} {target}  "
                   f"{(event.cameo_name or '')[:50]}  [{event.event_id}]")


@click.command("network")
@db_option
@click.option("--top", type=click.IntRange(min=1), default=40, show_default=True, help="Dyads to keep, heaviest first.")
@click.option("--by-code", is_flag=True, help="Nodes are full codes (RUSGOV), not entities (RUS).")
@_filter_options
@click.option("--plot", type=click.Path(dir_okay=False), help="Draw the network to FILE.png or FILE.svg.")
@format_option
def network_command(db: str | None, top: int, by_code: bool, plot: str | None, fmt: str, **filters: Any) -> None:
    """The actor network: directed dyads by event count (dated or not)."""
    with clean_errors(), _open(db) as store:
        where = _event_filter(filters)
        edges = actor_network(store, where, top, not by_code)
        if fmt == "table" and not edges:
            click.echo(f"no dyads in {_counted(where.factuality)} events matching these filters")
        else:
            _emit((e.to_dict() for e in edges), fmt, ("source", "target", "events", "goldstein", "conflict share"),
                  lambda r: (_named(r["source"], r["source_name"]), _named(r["target"], r["target_name"]),
                             str(r["events"]), f"{r['goldstein_mean']:.2f}", f"{r['conflict_share']:.2f}"))
        if fmt == "table" and edges:
            click.echo(f"counting {_counted(where.factuality)} events, dated or not")
        if plot:
            from .relations.plots import plot_network

            plot_network(edges, Path(plot), f"Actor network: top {len(edges)} dyads ({_counted(where.factuality)})")
            click.echo(f"wrote {plot}", err=True)


@click.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True)
@click.option("-o", "--output", type=click.Path(file_okay=False), required=True, help="Folder to write into.")
@factuality_option
@min_confidence_option
@click.option("--reviewed", is_flag=True,
              help="plover-json, icews-tsv: the events as reviewers corrected them. gold (which always applies the "
                   "reviews): only the documents with a reviewed report.")
def export_command(db: str | None, fmt: str, output: str, factuality: str, min_confidence: float | None,
                   reviewed: bool) -> None:
    """Export the store: parquet or csv tables (whole), PLOVER JSON records or ICEWS-style TSV
    (the events of --factuality and --min-confidence, with their factuality and date precision),
    or gold records (each document with its coded events, reviewers' corrections applied, for
    `detente eval`). Each file written is named with its rows, what it left out, and how many
    of its events are reviewed."""
    with clean_errors(), _open(db) as store:
        for written in export(store, fmt, Path(output), parse_factualities(factuality), min_confidence, reviewed):
            click.echo(f"wrote {written}", err=True)


@click.command("dedupe")
@db_option
@click.option("--window", type=int, help="Days two reports' dates may lie apart and still be one event.")
@click.option("--match", type=click.Choice(MATCHES), help="What must agree: the CAMEO root or the full code.")
def dedupe_command(db: str | None, window: int | None, match: str | None) -> None:
    """Show the deduplication rule, or change it and rebuild every event."""
    with clean_errors(), _open(db, read_only=window is None and match is None) as store:
        rule = store.rule
        if window is not None or match is not None:
            try:
                rule = DedupRule(rule.window_days if window is None else window, match or rule.match)
            except ValueError as err:
                raise QueryError(str(err)) from err
            store.set_rule(rule)
        counts = store.counts()
        click.echo(f"window {rule.window_days} days, match {rule.match}: {counts.mentions} mentions → "
                   f"{counts.events} events")



@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--token", envvar="DETENTE_TOKEN",
              help="Bearer token for write endpoints; required to listen beyond loopback [env DETENTE_TOKEN].")
@click.option("--read-only", is_flag=True, help="Open the store read-only (other processes may read it too).")
@click.option("--max-body-bytes", type=click.IntRange(min=1), default=2_000_000, show_default=True)
@click.option("--get", "get_path", metavar="PATH",
              help="Answer one GET request (e.g. /api/relations/RUS/NATO?by=month) and exit; no server.")
@click.option("--pipeline", default=None, help="spaCy pipeline for /api/code [default: the bundled one].")
def serve_command(db: str | None, host: str, port: int, token: str | None, read_only: bool, max_body_bytes: int,
                  get_path: str | None, pipeline: str | None) -> None:
    """Serve the HTTP API (docs at /docs) and the dashboard (at /)."""
    from .serve import ServeConfig, create_app, request_once
    from .serve.app import LOOPBACK, MAX_REQUEST_HEAD_BYTES

    with clean_errors():
        path = Path(db) if db else default_db_path()
        if get_path is not None:
            if not get_path.startswith("/"):
                raise QueryError(f"--get takes a path such as /api/health, not {get_path!r}")
            Store(path, read_only=True).close()  # a missing store is named here, not created
            config = ServeConfig(db=path, read_only=True, pipeline=pipeline)
            status, body = request_once(create_app(config), get_path)
            click.echo(body.decode("utf-8"))
            if status >= 400:
                raise SystemExit(1)
            return
        if host not in LOOPBACK and not token:
            raise QueryError(f"listening on {host} (beyond loopback) needs --token or DETENTE_TOKEN for writes")
        config = ServeConfig(db=path, host=host, token=token, read_only=read_only, max_body_bytes=max_body_bytes,
                             pipeline=pipeline)
        app = create_app(config)
    import uvicorn

    click.echo(f"detente: http://{host}:{port}/ (API docs at /docs), store {path}", err=True)
    # h11, named so that its buffer limit applies (an over-long URL then gets the app's 414)
    uvicorn.run(app, host=host, port=port, log_level="warning", http="h11",
                h11_max_incomplete_event_size=MAX_REQUEST_HEAD_BYTES)
