"""Options shared by the commands of `cli.py` and `store_commands.py`."""

from __future__ import annotations

from typing import Any

import click

from .parse import DEFAULT_PIPELINE
from .parse.bounds import DEFAULT_TIME_BUDGET
from .records import parse_day


class PublicationDay(click.ParamType):
    """A publication date: a real calendar day written YYYY-MM-DD, refused before any work."""

    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        day = parse_day(str(value))
        if day is None:
            self.fail(f"{value!r} is not a calendar day written YYYY-MM-DD (e.g. 2021-10-22)", param, ctx)
        return day.isoformat()


date_option = click.option("--date", type=PublicationDay(),
                           help="Publication date (YYYY-MM-DD) for documents that carry none.")
pipeline_option = click.option("--pipeline", default=DEFAULT_PIPELINE, show_default=True,
                               help="Installed spaCy pipeline (package name or path).")
time_budget_option = click.option("--max-seconds", "time_budget", type=click.FloatRange(min=0, min_open=True),
                                  default=DEFAULT_TIME_BUDGET, show_default=True,
                                  help="Coding time allowed per document; a slower one is reported and skipped.")
