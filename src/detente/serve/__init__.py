"""Serving: the HTTP API and the offline dashboard, built over the library."""

from .app import ServeConfig, create_app
from .once import request_once

__all__ = ["ServeConfig", "create_app", "request_once"]
