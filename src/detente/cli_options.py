"""Options shared by the commands of `cli.py` and `store_commands.py`."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import click

from .errors import DetenteError, QueryError
from .parse import DEFAULT_PIPELINE
from .parse.bounds import DEFAULT_TIME_BUDGET
from .records import parse_day


class BadValue(click.ClickException):
    """A value the user gave is wrong: one line on stderr, exit status 2 (as click's own)."""

    exit_code = 2


@contextlib.contextmanager
def clean_errors() -> Iterator[None]:
    """Errors become one clear line on stderr, never a traceback: a bad value (QueryError,
    an output path that cannot be written) exits with 2, any other library error with 1."""
    try:
        yield
    except QueryError as err:
        raise BadValue(str(err)) from err
    except DetenteError as err:
        raise click.ClickException(str(err)) from err
    except OSError as err:
        where = f" {err.filename}" if err.filename else ""
        raise BadValue(f"cannot write{where}: {err.strerror or err}; choose a folder that exists and "
                       "that you may write to") from err


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
workers_option = click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
                              help="Processes that code documents (each loads its own spaCy pipeline).")
calibration_option = click.option("--calibration", type=click.Path(exists=True, dir_okay=False),
                                  help="Calibrated confidence from this file (written by `detente eval "
                                       "--fit-calibration`) instead of the shipped one.")
