"""Helpers for the event tests: code one of our own sentences and look at what came out."""

from detente import Coder, Document, Event


def code(coder: Coder, text: str, date: str = "2024-05-15") -> list[Event]:
    return coder.code(text, date=date)


def code_monadic(coder: Coder, text: str, date: str = "2024-05-15") -> list[Event]:
    """Events with or without a target ("protesters rallied")."""
    (coded,) = coder.code_documents([Document(id="doc", text=text, date=date)], monadic=True)
    return coded.events


def code_with_hypothetical(coder: Coder, text: str) -> list[Event]:
    """Events with a target, hypothetical ones too: the dyadic output leaves those out, the
    monadic keeps them."""
    return [e for e in code_monadic(coder, text) if e.target is not None]


def aimed(events: list[Event], source: str, root: str, target: str) -> bool:
    """Whether some event of `source` with a code under `root` is aimed at `target` (state keys)."""
    return any(e.source.key == source and e.cameo.startswith(root) and e.target and e.target.key == target
               for e in events)


def triples(events: list[Event]) -> set[tuple[str, str, str | None, str]]:
    return {(e.source.code, e.cameo, e.target.code if e.target else None, e.factuality) for e in events}
