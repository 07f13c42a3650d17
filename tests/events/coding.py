"""Helpers for the event tests: code one of our own sentences and look at what came out."""

from detente import Coder, Event


def code(coder: Coder, text: str, date: str = "2024-05-15") -> list[Event]:
    return coder.code(text, date=date)


def aimed(events: list[Event], source: str, root: str, target: str) -> bool:
    """Whether some event of `source` with a code under `root` is aimed at `target` (state keys)."""
    return any(e.source.key == source and e.cameo.startswith(root) and e.target and e.target.key == target
               for e in events)


def triples(events: list[Event]) -> set[tuple[str, str, str | None, str]]:
    return {(e.source.code, e.cameo, e.target.code if e.target else None, e.factuality) for e in events}
