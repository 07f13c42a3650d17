import detente


def test_public_surface_is_exactly_all() -> None:
    public = {name for name in dir(detente) if not name.startswith("_")}
    modules = {"actors", "cli", "coder", "errors", "events", "output", "parse", "read", "records", "vocabulary",
               "evaluate", "store", "relations", "store_commands", "serve", "cli_options", "audit",
               "audit_commands", "calibration", "parallel"}
    assert public - modules == set(detente.__all__)


def test_python_example_from_the_readme(coder) -> None:
    events = coder.code("Russia suspended its diplomatic mission to NATO this week.", date="2021-10-22")
    (event,) = events
    assert (event.source.code, event.cameo, event.target.code) == ("RUS", "161", "NATO")
    assert event.date.date == "2021-10-18" and event.date.precision == "week"
