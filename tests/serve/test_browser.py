"""The dashboard in a real browser: Debian's Chromium driven by Playwright, against a live
server over a store built here. Nothing is downloaded: the browser is the system one, and
every request a page makes must go to the server under test.

Screenshots of every page, at laptop and phone width, go to $DETENTE_SCREENSHOTS (or a
folder in pytest's temporary directory); the folder is printed (run with -s to see it).
"""

import json
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.request import urlopen

import pytest
import uvicorn
from fastapi import FastAPI
from playwright.sync_api import Browser, Page, sync_playwright

from detente import Coder, Document
from detente.serve import ServeConfig, create_app
from detente.store import Store, ingest
from tests.conftest import REPORTED_FOLDERS, shared_file

from .live import free_port

pytestmark = pytest.mark.model

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
LAPTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 800}
RELATIONS = "#/relations?a=RUS&b=NATO&by=month&both=1"

# Short articles on other dates and dyads, so the charts have several periods and the
# event list more than one page.
ARTICLES = [
    ("talks", "2021-09-10", "Russia and NATO agreed on Friday to hold talks. NATO praised Russia for its restraint."),
    ("condemns", "2021-11-15", "NATO condemned Russia on Monday for its military build-up near Ukraine."),
    ("accuses", "2021-12-08", "Russia accused NATO on Wednesday of threatening its security. "
                                   "NATO criticized Russia for the deployment."),
]
ROUTINE = ("Poland expelled two Belarusian diplomats on Tuesday. The United States pledged military aid to Ukraine "
           "on Tuesday. Japan and South Korea held talks in Tokyo on Tuesday.")
ROUTINE_DATES = [f"2022-{month:02d}-{day:02d}" for month in (1, 2, 3, 4) for day in (5, 19)]
UNDATED = "NATO condemned Russia for its military build-up. Russia accused NATO of threatening its security."


@dataclass
class Watched:
    """A browser page and what went wrong on it."""

    page: Page
    base: str
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def goto(self, fragment: str, ready: str) -> None:
        self.page.goto(f"{self.base}/{fragment}")
        self.page.wait_for_selector(ready)

    def assert_clean(self) -> None:
        assert self.errors == [], self.errors
        assert self.outside == [], f"requests beyond the server: {self.outside}"


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory, coder: Coder) -> Iterator[str]:
    """A live server over a store of the founding article and the ones above."""
    seed = shared_file("seed/russia-nato-mission.txt").read_text(encoding="utf-8")
    documents = [Document(id="seed", text=seed, date="2021-10-22", title="Russia suspends its mission to NATO",
                          url="https://example.org/russia-nato")]
    documents += [Document(id=f"{name}-{date}", text=text, date=date) for name, date, text in ARTICLES]
    documents += [Document(id=f"routine-{date}", text=ROUTINE, date=date) for date in ROUTINE_DATES]
    documents.append(Document(id="undated", text=UNDATED))  # no publication date: its events are undated
    path = tmp_path_factory.mktemp("browser") / "web.duckdb"
    with Store(path) as store:
        ingest(store, coder, documents)
    app = create_app(ServeConfig(db=path), coder=coder)
    SERVED["app"] = app
    yield from _served(app)


SERVED: dict[str, FastAPI] = {}  # the app of `base`, for tests that read its store in-process


def _served(app: FastAPI) -> Iterator[str]:
    """The app on a free loopback port, in a thread of this process, until the generator ends."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", ws="none"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):  # CI's set-up installs it (scripts/install_browser.sh): its absence is a failure
            pytest.fail(f"{CHROMIUM} is missing in CI; scripts/install_browser.sh should have installed it")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium); these tests never download a browser")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def _until(page: Page, predicate: str, seconds: float = 30) -> None:
    """Poll a JavaScript predicate from the test: Playwright's wait_for_function evaluates
    strings inside the page, which the dashboard's content security policy forbids."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(predicate):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {seconds:g} s: {predicate}")
        page.wait_for_timeout(100)


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    chosen = os.environ.get("DETENTE_SCREENSHOTS")
    folder = Path(chosen) if chosen else tmp_path_factory.getbasetemp() / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    REPORTED_FOLDERS.append(("browser screenshots", folder))  # named at the end of the run (conftest)
    return folder


@pytest.fixture
def open_page(browser: Browser, base: str) -> Iterator[object]:
    contexts = []

    def opened(viewport: dict[str, int] = LAPTOP) -> Watched:
        context = browser.new_context(viewport=viewport)
        contexts.append(context)
        watched = Watched(context.new_page(), base)
        watched.page.on("console", lambda m: watched.errors.append(m.text) if m.type == "error" else None)
        watched.page.on("pageerror", lambda err: watched.errors.append(str(err)))
        watched.page.on("requestfailed", lambda r: watched.errors.append(f"failed: {r.url} {r.failure}"))
        watched.page.on("request", lambda r: None if r.url.startswith(base) else watched.outside.append(r.url))
        return watched

    yield opened
    for context in contexts:
        context.close()


def _api(base: str, path: str) -> dict:
    with urlopen(f"{base}{path}") as response:
        return json.load(response)


def _russia_nato_event(base: str) -> str:
    (event,) = _api(base, "/api/events?source=RUS&target=NATO&cameo=161")["events"]
    return event["event_id"]


def _pages(base: str) -> list[tuple[str, str, str]]:
    """(name, hash, a selector that shows the page has drawn its data)."""
    return [("overview", "#/", ".page-overview .network svg .edge"), ("code", "#/code", ".page-code #code-text"),
            ("relations", RELATIONS, ".page-relations .relations-chart .period"),
            ("events", "#/events", ".page-events tbody tr"),
            ("event", f"#/event/{_russia_nato_event(base)}", ".page-event .mentions mark.trigger"),
            ("review", "#/review", ".page-review .review-item mark.trigger")]


def test_every_page_loads_cleanly_from_the_server_alone(open_page, base, screenshots):
    watched = open_page()
    for name, fragment, ready in _pages(base):
        watched.goto(fragment, ready)
        assert watched.page.locator("#alert").is_hidden(), f"{name}: {watched.page.locator('#alert').text_content()}"
        assert watched.page.locator("nav a[aria-current=page]").count() == 1
        watched.page.screenshot(path=screenshots / f"laptop-{name}.png", full_page=True)
        if name == "overview":
            assert watched.page.locator(".network svg .edge.conflict").count() >= 1
    watched.assert_clean()


def test_an_api_error_is_shown_in_the_alert_region(open_page):
    watched = open_page()
    watched.goto("#/relations?a=XYZ&b=NATO&by=month", "[role=alert]:not([hidden])")
    assert "unknown actor 'XYZ'" in watched.page.locator("[role=alert]").text_content()
    watched.goto("#/relations?a=USA&b=CHN&by=month", "p.empty")
    assert "No asserted events between USA and CHN" in watched.page.locator("main").text_content()


def test_coding_the_founding_article_marks_russia_breaking_relations_with_nato(open_page, base, screenshots):
    watched = open_page()
    watched.goto("#/code", ".page-code #code-text")
    watched.page.fill("#code-text", shared_file("seed/russia-nato-mission.txt").read_text(encoding="utf-8"))
    watched.page.fill("#code-date", "2021-10-22")
    watched.page.get_by_role("button", name="Code the text").click()
    row = watched.page.locator('tr[data-source^="RUS"][data-target="NATO"][data-cameo="161"]')
    row.wait_for(timeout=30_000)
    assert "Reduce or break diplomatic relations" in row.text_content()
    number = row.get_attribute("data-event")
    source = watched.page.locator(f'mark.source[data-actor="RUS"][data-event="{number}"]')
    assert source.first.text_content() == "Russia"
    assert watched.page.locator(f'mark.trigger[data-event="{number}"]').first.text_content() == "suspended"
    assert watched.page.locator(f'mark.target[data-actor="NATO"][data-event="{number}"]').count() >= 1
    assert watched.page.evaluate("""() => {  // overlapping spans neither lose nor repeat any of the text
        const marked = document.querySelector(".coded-text").cloneNode(true);
        marked.querySelectorAll("sup.badge").forEach((badge) => badge.remove());
        return marked.textContent === document.querySelector("#code-text").value;
    }""")
    badges = watched.page.locator("sup.badge").all_text_contents()
    assert badges.count(f"source {number}") == 1 and badges.count(f"target {number}") == 1  # read without colour
    watched.page.screenshot(path=screenshots / "laptop-code-result.png", full_page=True)
    row.get_by_role("link", name=f"Stored events like event {number}").click()  # the same event in the store
    stored = watched.page.locator('.page-events tbody tr[data-cameo="161"]')
    stored.first.wait_for()
    assert stored.first.get_attribute("data-source").startswith("RUS")
    watched.assert_clean()


def test_relations_chart_lists_the_events_of_a_chosen_period(open_page, base, screenshots):
    watched = open_page()
    watched.goto(RELATIONS, ".page-relations .relations-chart .period")
    periods = watched.page.locator(".relations-chart .period")
    assert periods.count() >= 3
    watched.page.locator('.period[data-period="2021-10-01"]').click()
    listed = watched.page.locator('#period-events tr[data-source^="RUS"][data-cameo="161"]')
    listed.wait_for()
    assert listed.locator("a").get_attribute("href").startswith("#/event/")
    september = watched.page.locator('.period[data-period="2021-09-01"]')
    september.focus()
    watched.page.keyboard.press("Enter")
    watched.page.get_by_role("heading", name="Events in 2021-09").wait_for()
    assert september.get_attribute("aria-pressed") == "true"
    assert watched.page.locator('#period-events tr[data-cameo="036"]').count() >= 1  # agreed to hold talks
    watched.page.screenshot(path=screenshots / "laptop-relations-period.png", full_page=True)
    watched.assert_clean()


def test_events_page_through_the_cursor_and_open_an_event(open_page, base, screenshots):
    watched = open_page()
    watched.goto("#/events", ".page-events tbody tr")
    first_page = watched.page.locator("tbody tr").evaluate_all("rows => rows.map(r => r.dataset.eventId)")
    assert len(first_page) == 25
    watched.page.get_by_role("button", name="Next page").click()
    watched.page.get_by_text("Events, page 2").wait_for()
    second_page = watched.page.locator("tbody tr").evaluate_all("rows => rows.map(r => r.dataset.eventId)")
    assert second_page and not set(second_page) & set(first_page)
    watched.page.get_by_role("button", name="Previous page").click()
    watched.page.get_by_text("Events, page 1").wait_for()
    assert watched.page.locator("tbody tr").first.get_attribute("data-event-id") == first_page[0]

    watched.page.fill("#ev-source", "RUS")
    watched.page.fill("#ev-target", "NATO")
    watched.page.get_by_role("button", name="Filter").click()
    _until(watched.page, """() => {
        const rows = [...document.querySelectorAll(".page-events tbody tr")];
        return rows.length > 0 && rows.every(r => r.dataset.source.startsWith("RUS") && r.dataset.target === "NATO");
    }""")
    watched.page.locator('tbody tr[data-cameo="161"] a').click()
    watched.page.wait_for_selector(".mentions li")
    assert watched.page.locator("h1").text_content().startswith("RUS → 161 Reduce or break diplomatic relations")
    mention = watched.page.locator(".mentions li").first
    assert mention.locator('mark.source[data-actor="RUS"]').text_content() == "Russia"
    assert mention.locator("mark.trigger").text_content() == "suspended"
    assert mention.get_by_role("link", name="Russia suspends its mission to NATO").get_attribute("href") == \
        "https://example.org/russia-nato"
    watched.assert_clean()


def test_phone_width_fits_the_screen_and_the_nav_works_from_the_keyboard(open_page, base, screenshots):
    watched = open_page(PHONE)
    for name, fragment, ready in _pages(base):
        watched.goto(fragment, ready)
        overflow = watched.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name} is {overflow}px wider than the phone screen"
        watched.page.screenshot(path=screenshots / f"phone-{name}.png", full_page=True)
    watched.goto("#/", ".page-overview .network svg")
    watched.goto("#/code", ".page-code #code-text")
    article = shared_file("seed/russia-nato-mission.txt")
    watched.page.set_input_files("#code-file", article)  # read by FileReader into the text box
    _until(watched.page, "() => document.querySelector('#code-text').value.includes('diplomatic mission')")
    watched.page.get_by_role("button", name="Code the text").click()
    watched.page.wait_for_selector("mark.source", timeout=30_000)
    assert watched.page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    watched.page.screenshot(path=screenshots / "phone-code-result.png", full_page=True)

    watched.page.goto(f"{base}/")  # a fresh load, so Tab starts at the top of the page
    watched.page.wait_for_selector(".page-overview .network svg")
    reached = []
    for _ in range(8):
        watched.page.keyboard.press("Tab")
        reached.append(watched.page.evaluate("document.activeElement.textContent.trim()"))
    assert reached[0] == "Skip to content"
    assert {"Overview", "Code an article", "Relations", "Events"} <= set(reached)
    for _ in range(8):
        if watched.page.evaluate("document.activeElement.textContent.trim()") == "Events":
            break
        watched.page.keyboard.press("Shift+Tab")
    watched.page.keyboard.press("Enter")
    watched.page.wait_for_selector(".page-events tbody tr")
    assert watched.page.locator("h1").text_content() == "Events"
    watched.assert_clean()


def test_overlapping_and_crossing_spans_are_cut_into_pieces_not_lost(open_page):
    watched = open_page()
    watched.goto("#/code", ".page-code #code-text")
    pieces = watched.page.evaluate("""async () => {
        const {highlight} = await import("/static/marks.js");
        const text = "Russia expelled NATO envoys";
        const box = document.createElement("div");
        box.append(...highlight(text, [
            {kind: "source", event: 1, actor: "RUS", start: 0, end: 6},
            {kind: "trigger", event: 1, start: 7, end: 15},
            {kind: "target", event: 1, actor: "NATO", start: 16, end: 27},
            {kind: "source", event: 2, actor: "NATO", start: 16, end: 20},  // inside event 1's target
            {kind: "trigger", event: 2, start: 3, end: 12},  // crosses two spans of event 1
        ]));
        const badges = [...box.querySelectorAll("sup.badge")].map((badge) => badge.textContent);
        box.querySelectorAll("sup.badge").forEach((badge) => badge.remove());
        return {text: box.textContent, badges,
                nested: box.querySelector('mark.target[data-event="1"] > mark.source[data-actor="NATO"]').textContent,
                crossing: [...box.querySelectorAll('mark.trigger[data-event="2"]')].map((m) => m.textContent)};
    }""")
    assert pieces["text"] == "Russia expelled NATO envoys"
    assert sorted(pieces["badges"]) == ["source 1", "source 2", "target 1", "trigger 1", "trigger 2"]
    assert pieces["nested"] == "NATO"
    assert "".join(pieces["crossing"]) == "sia expel"
    watched.assert_clean()


def test_relations_count_undated_events_and_list_them(open_page, base):
    watched = open_page()
    watched.goto(RELATIONS, ".page-relations .relations-chart .period")
    series = _api(base, "/api/relations/RUS/NATO?by=month&both=true")
    undated = next(p for p in series["periods"] if p["kind"] == "undated")
    assert undated["events"] >= 1 and series["total"] == sum(p["events"] for p in series["periods"])
    total = watched.page.locator("#relation-total").text_content()
    assert f"{series['total']} events (asserted)" in total and f"{undated['events']} undated" in total
    watched.page.locator('.period-unplaced[data-kind="undated"]').click()
    watched.page.get_by_role("heading", name="Events undated").wait_for()
    rows = watched.page.locator("#period-events tbody tr")
    assert rows.count() == undated["events"]
    assert rows.first.locator("td").first.text_content() == "undated"
    watched.assert_clean()


def test_overview_dyad_opens_the_same_directed_dyad_with_the_same_count(open_page, base):
    watched = open_page()
    watched.goto("#/", ".page-overview .network svg .edge")
    row = watched.page.locator(".page-overview tbody tr").first
    source, target = row.get_attribute("data-source"), row.get_attribute("data-target")
    count = int(row.locator("td").nth(2).text_content())
    row.get_by_role("link").click()
    watched.page.wait_for_selector("#relation-total")
    assert watched.page.locator("#relation-total").text_content().startswith(f"{count} event")
    assert watched.page.locator("h2#chart-heading").text_content().startswith(f"{source} (")
    assert f" → {target}" in watched.page.locator("h2#chart-heading").text_content()
    watched.assert_clean()


def test_events_newest_first_with_a_total_and_names_beside_codes(open_page, base):
    watched = open_page()
    watched.goto("#/events", ".page-events tbody tr")
    total = _api(base, "/api/events?limit=1")["total"]
    assert watched.page.locator("#events-total").text_content().startswith(f"{total} events (asserted), newest first")
    dates = watched.page.locator(".page-events tbody tr td:first-child").all_text_contents()
    days = [d[:10] for d in dates if d != "undated"]
    assert days == sorted(days, reverse=True) and days[0].startswith("2022-04")
    assert watched.page.locator('.page-events tbody tr[data-source="USA"] .actor-name').first.text_content() == \
        "United States"
    watched.assert_clean()


def test_code_page_says_what_is_stored_and_shows_the_whole_marked_text(open_page):
    watched = open_page()
    watched.goto("#/code", ".page-code #code-text")
    article = " ".join([shared_file("seed/russia-nato-mission.txt").read_text(encoding="utf-8")] * 3)
    watched.page.fill("#code-text", article)
    watched.page.fill("#code-date", "2021-10-22")
    watched.page.get_by_role("button", name="Code the text").click()
    watched.page.wait_for_selector("mark.source", timeout=30_000)
    assert "not stored" in watched.page.locator(".page-code .caption").first.text_content()
    assert "in the store" not in watched.page.locator(".page-code tbody").first.text_content()
    assert watched.page.locator(".page-code th").last.text_content() == "Like it in the store"
    cut = watched.page.evaluate("(() => { const box = document.querySelector('.coded-text'); "
                                "return box.scrollHeight - box.clientHeight; })()")
    assert cut <= 0  # the page scrolls, not a fixed-height box that hides the end of the article
    assert watched.page.locator('.page-code tbody .actor-name', has_text="Russia").count() >= 1
    watched.assert_clean()


# --- Review: one event at a time, judged from its sentence ---

def _judge_from_the_keyboard(watched: Watched, key: str) -> None:
    watched.page.locator("h1").click()  # keys act only outside the form fields
    watched.page.keyboard.press(key)


def test_review_marks_an_event_correct_from_the_keyboard_and_events_shows_it_reviewed(open_page, base, screenshots):
    watched = open_page()
    watched.goto("#/review?actor=RUS", ".page-review .review-item")
    item = watched.page.locator(".review-item")
    event_id = item.get_attribute("data-event-id")
    assert item.locator(".review-sentence mark.trigger").count() == 1
    assert item.locator(".review-sentence mark.source").count() == 1
    assert item.locator('.review-sentence mark[data-actor="RUS"]').count() >= 1  # the actor chosen, on one side
    watched.page.fill("#review-reviewer", "Ana Lima")
    watched.page.screenshot(path=screenshots / "review-event.png", full_page=True)
    _judge_from_the_keyboard(watched, "c")
    watched.page.get_by_text("Saved the last event as correct").wait_for()
    assert watched.page.locator(".review-item").get_attribute("data-event-id") != event_id  # the next one
    review = _api(base, f"/api/events/{event_id}")["review"]
    assert (review["judgement"], review["reviewer"]) == ("correct", "Ana Lima")

    watched.goto("#/events?review=reviewed&factuality=all", ".page-events tbody tr")
    row = watched.page.locator(f'tbody tr[data-event-id="{event_id}"]')
    assert row.get_attribute("data-review") == "correct" and "by Ana Lima" in row.text_content()
    assert watched.page.locator("#ev-review").input_value() == "reviewed"
    watched.goto("#/review", ".page-review .review-item")
    assert watched.page.locator("#review-reviewer").input_value() == "Ana Lima"  # remembered in this browser
    watched.assert_clean()


def test_review_fixes_a_target_then_events_shows_it_disputed_and_the_gold_export_carries_it(
        open_page, base, screenshots, coder, tmp_path):
    from detente.evaluate import evaluate_file
    from detente.store.export import export

    aid = _api(base, "/api/events?source=USA&target=UKR")["events"][0]
    watched = open_page()
    watched.goto(f"#/review?event={aid['event_id']}", ".page-review .review-item")
    watched.page.fill("#review-reviewer", "Ana Lima")
    watched.page.locator('button[data-judgement="wrong_actor"]').click()
    target = watched.page.locator("#fix-target")
    assert target.is_visible() and target.input_value() == "UKR"
    target.fill("UKRGOV")
    watched.page.fill("#fix-cameo-search", "military aid")
    codes = watched.page.locator("#fix-cameo option").all_text_contents()
    assert codes and all("military aid" in code.lower() for code in codes)
    watched.page.screenshot(path=screenshots / "review-correction.png", full_page=True)
    watched.page.get_by_role("button", name="Save judgement").click()
    watched.page.get_by_text("Saved the last event as wrong actor").wait_for()
    review = _api(base, f"/api/events/{aid['event_id']}")["review"]
    assert review["correction"] == {"source": None, "target": "UKRGOV", "cameo": None, "factuality": None}

    watched.goto("#/events?review=disputed", ".page-events tbody tr")
    row = watched.page.locator(f'tbody tr[data-event-id="{aid["event_id"]}"]')
    assert row.get_attribute("data-review") == "wrong_actor" and row.get_attribute("data-target") == "UKR"
    watched.page.screenshot(path=screenshots / "review-events-disputed.png", full_page=True)
    watched.assert_clean()

    reading = SERVED["app"].state.detente.store.view()
    try:
        (gold,) = export(reading, "gold", tmp_path)
    finally:
        reading.close()
    events = [e for line in gold.path.read_text(encoding="utf-8").splitlines() for e in json.loads(line)["events"]]
    fixed = [e for e in events if e["event_id"] == aid["event_id"] and e.get("judgement") == "wrong_actor"]
    assert fixed and {e["target"] for e in fixed} == {"UKRGOV"}
    report = evaluate_file(coder, gold.path)
    assert report.kind == "dyad" and report.scores.required == len(events)


def test_review_asks_for_the_token_when_the_server_needs_one(browser, coder, tmp_path):
    path = tmp_path / "guarded.duckdb"
    with Store(path) as store:
        ingest(store, coder, [Document(id="routine", text=ROUTINE, date="2022-01-05")])
    app = create_app(ServeConfig(db=path, host="0.0.0.0", token="s3cret"), coder=coder)
    served = _served(app)
    guarded = next(served)
    context = browser.new_context(viewport=LAPTOP)
    try:
        watched = Watched(context.new_page(), guarded)
        watched.goto("#/review", ".page-review .review-item")
        watched.page.fill("#review-reviewer", "Ana Lima")
        _judge_from_the_keyboard(watched, "a")
        watched.page.wait_for_selector("#alert:not([hidden])")
        assert "Authorization: Bearer TOKEN" in watched.page.locator("#alert").text_content()
        watched.page.fill("#review-token", "s3cret")
        _judge_from_the_keyboard(watched, "a")
        watched.page.get_by_text("Saved the last event as acceptable").wait_for()
        assert _api(guarded, "/api/events?review=reviewed")["total"] == 1
    finally:
        context.close()
        next(served, None)
