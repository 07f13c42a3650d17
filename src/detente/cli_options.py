"""Options shared by the commands of `cli.py` and `store_commands.py`."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import click

from .errors import DetenteError
from .parse import DEFAULT_PIPELINE
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
workers_option = click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
                              help="Processes that code documents (each loads its own spaCy pipeline).")


@contextlib.contextmanager
def clean_errors() -> Iterator[None]:
    """Library errors become one clear line on stderr and exit status 1."""
    try:
        yield
    except DetenteError as err:
        raise click.ClickException(str(err)) from err
