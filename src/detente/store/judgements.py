"""The judgements table as queries read it: which judgement is an event's, and events (or
mentions) with the reviewers' corrections applied.

An event's judgement is the latest one recorded for it. A judgement names the event and the
report the reviewer read; when the events are rebuilt (new reports, `detente dedupe`) and the
event id changes, the judgement follows that report to the event that now holds it.
"""

from __future__ import annotations

JUDGEMENTS = ("correct", "acceptable", "wrong_actor", "wrong_direction", "wrong_code", "not_an_event")
RIGHT = ("correct", "acceptable")  # the judgements that say the event is right as coded
WRONG = ("wrong_actor", "wrong_direction", "wrong_code")  # the judgements a correction goes with
REVIEW_FILTERS = ("reviewed", "disputed", "unreviewed")  # disputed: judged anything but right

# What each correction replaces: a group of columns taken whole from the judgement when its
# first column is given there.
CORRECTED_GROUPS: dict[str, tuple[str, ...]] = {
    "source_code": ("source_key", "source_role", "source_code", "source_name", "source_text"),
    "target_code": ("target_key", "target_role", "target_code", "target_name", "target_text"),
    "cameo": ("cameo", "cameo_root", "cameo_name", "goldstein", "quad_class", "plover_type", "plover_mode"),
    "factuality": ("factuality",),
}

_LATEST = "QUALIFY row_number() OVER (PARTITION BY {key} ORDER BY j.judged_at DESC, j.judgement_id DESC) = 1"

# The current judgement of each stored event, under the event id it has now (`judged_event_id`: the
# id it had when judged).
EVENT_JUDGEMENTS = f"""(
    SELECT coalesce(e.event_id, m.event_id) AS event_id, j.event_id AS judged_event_id, j.* EXCLUDE (event_id)
    FROM judgements j
    LEFT JOIN events e ON e.event_id = j.event_id
    LEFT JOIN mentions m ON m.mention_id = j.mention_id
    WHERE coalesce(e.event_id, m.event_id) IS NOT NULL
    {_LATEST.format(key="coalesce(e.event_id, m.event_id)")})"""

# The latest judgement of each report a reviewer read.
MENTION_JUDGEMENTS = f"(SELECT j.* FROM judgements j {_LATEST.format(key='j.mention_id')})"

_CORRECTED = " OR ".join(f"j.{first} IS NOT NULL" for first in CORRECTED_GROUPS)
_RIGHT = ", ".join(f"'{judgement}'" for judgement in RIGHT)
# A judged row is kept when it is right, or wrong and corrected; one judged not an event, or
# wrong with no correction (it is wrong, and how is not known), is left out.
KEPT = f"(j.judgement IS NULL OR j.judgement IN ({_RIGHT}) OR (j.judgement <> 'not_an_event' AND ({_CORRECTED})))"
# The judged rows left out of corrected views, for the counts that say so.
LEFT_OUT = f"(j.judgement IS NOT NULL AND NOT {KEPT})"


def corrected_sql(table: str) -> str:
    """A subquery of `table` ('events' or 'mentions') with each judged row corrected: the
    corrected columns replaced, rows judged wrong without a correction or not an event left
    out, and `confidence` 1 for a row a reviewer judged (a person checked it). The column
    `judgement` holds the row's judgement, null where none."""
    judged, key = (EVENT_JUDGEMENTS, "event_id") if table == "events" else (MENTION_JUDGEMENTS, "mention_id")
    replaced = [f"CASE WHEN j.{first} IS NULL THEN t.{column} ELSE j.{column} END AS {column}"
                for first, columns in CORRECTED_GROUPS.items() for column in columns]
    replaced.append("CASE WHEN j.judgement IS NULL THEN t.confidence ELSE 1.0 END AS confidence")
    return (f"(SELECT t.* REPLACE ({', '.join(replaced)}), j.judgement AS judgement "
            f"FROM {table} t LEFT JOIN {judged} j ON j.{key} = t.{key} WHERE {KEPT})")


def events_table(corrected: bool) -> str:
    """What a query of events reads FROM: the coded events, or the corrected ones."""
    return f"{corrected_sql('events')} AS events" if corrected else "events"


def review_condition(review: str, prefix: str = "") -> str:
    """SQL: the event is reviewed, disputed (judged anything but right) or unreviewed."""
    if review == "reviewed":
        return f"{prefix}event_id IN (SELECT event_id FROM {EVENT_JUDGEMENTS})"
    if review == "disputed":
        return f"{prefix}event_id IN (SELECT event_id FROM {EVENT_JUDGEMENTS} WHERE judgement NOT IN ({_RIGHT}))"
    return f"{prefix}event_id NOT IN (SELECT event_id FROM {EVENT_JUDGEMENTS})"
