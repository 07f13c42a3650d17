"""`detente audit`: draw a blind-audit sample of coded events, and score the judged sample.
A thin shell over detente.audit."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .audit import (AuditFilter, coded_items, read_coded, read_items, render_score, sample_items, score_items,
                    stored_items, write_items)
from .cli_options import clean_errors
from .store_commands import _open, db_option, factuality_option
from .store.query import parse_factualities


@click.group()
def audit() -> None:
    """Blind audits: sample coded events for a person to judge; score the judgements."""


@audit.command("sample")
@db_option
@click.option("--events", "events_file", type=click.Path(exists=True, dir_okay=False),
              help="Sample the output of `detente code --format jsonl` instead of a store.")
@click.option("--n", type=click.IntRange(min=1), default=150, show_default=True, help="Events to draw.")
@click.option("--seed", type=int, required=True, help="Random seed: the same seed gives the same sample.")
@click.option("--since", help="Only events from this date (YYYY, YYYY-MM or YYYY-MM-DD); undated ones are left out.")
@click.option("--root", help="Only this CAMEO root (01-20).")
@click.option("--actor", help="Only events with this actor on either side (entity such as RUS, or full code).")
@factuality_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), required=True,
              help="Audit file to write (JSONL, docs/audits/README.md).")
def audit_sample(db: str | None, events_file: str | None, n: int, seed: int, since: str | None, root: str | None,
                 actor: str | None, factuality: str, output: str) -> None:
    """Draw N events uniformly at random, with their sentences, for a judge to fill in."""
    with clean_errors():
        where = AuditFilter(since, root, actor, parse_factualities(factuality))
        if events_file:
            items = coded_items(read_coded(Path(events_file)), where)
        else:
            with _open(db) as store:
                items = stored_items(store, where)
        drawn = sample_items(items, n, seed)
        write_items(drawn, Path(output))
    click.echo(f"wrote {len(drawn)} of {len(items)} events to {output} (seed {seed}); fill in each `judgement` "
               "and `reason`, then run `detente audit score`", err=True)


@audit.command("score")
@click.argument("audit_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the score as JSON.")
def audit_score(audit_file: str, as_json: bool) -> None:
    """Share of AUDIT_FILE judged correct or acceptable (95% Wilson interval), by judgement and CAMEO root."""
    with clean_errors():
        score = score_items(read_items(Path(audit_file)))
    click.echo(json.dumps(score.to_dict(), indent=2) if as_json else render_score(score))
