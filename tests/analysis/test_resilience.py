import json

from reflect.analysis.resilience import analyse, resilience_json
from tests.analysis.entries import entry


def moods(*items):
    """(date, outcome, mood) triples as entries."""
    return [
        entry(f"e{i}", date, f"C{i}", outcome=outcome, ratings={} if mood is None else {"mood": mood, "confidence": mood})
        for i, (date, outcome, mood) in enumerate(items)
    ]


def test_days_to_recover_after_each_rejection():
    entries = moods(
        ("2026-01-01", "advanced", 4),
        ("2026-01-05", "rejected", 2),   # back to the usual 3 on 01-08
        ("2026-01-08", "pending", 3),
        ("2026-01-12", "advanced", 4),
        ("2026-01-20", "rejected", 4),   # at the usual level: nothing to recover from
        ("2026-01-25", "rejected", None),  # no mood: cannot say
        ("2026-02-01", "rejected", 1),   # not yet
        ("2026-02-03", "pending", 2),
    )
    report = resilience_json(entries)
    json.dumps(report)
    assert report["usual_mood"] == 3.0
    got = [(r["date"], r["status"], r["days_to_recover"]) for r in report["rejections"]]
    assert got == [
        ("2026-01-05", "recovered", 3),
        ("2026-01-20", "not-affected", 0),
        ("2026-01-25", "unknown", None),
        ("2026-02-01", "not-yet", None),
    ]
    assert [p["rejection"] for p in report["series"]] == [False, True, False, False, True, True, True, False]


def test_recovery_is_measured_against_the_usual_mood_not_a_fixed_level():
    entries = moods(("2026-01-01", "offer", 5), ("2026-01-02", "rejected", 4), ("2026-01-03", "pending", 5),
                    ("2026-01-04", "pending", 5), ("2026-01-10", "pending", 5))
    (rec,) = analyse(entries).recoveries
    assert (rec.status, rec.days) == ("recovered", 1)


def test_a_downward_trend_gets_a_gentle_line_and_the_mantras():
    entries = moods(*[(f"2026-01-{d:02d}", "rejected" if d > 6 else "pending", m) for d, m in
                      [(1, 4), (2, 4), (3, 5), (4, 4), (5, 4), (7, 2), (8, 2), (9, 1)]])
    report = analyse(entries, mantras=["One interview is not a verdict on me."])
    assert report.trend == "down"
    assert report.message and "lower lately" in report.message
    assert report.mantras == ["One interview is not a verdict on me."]


def test_a_steady_mood_says_nothing_and_too_little_data_says_unknown():
    steady = moods(*[(f"2026-01-0{d}", "pending", 3) for d in range(1, 7)])
    assert (analyse(steady, mantras=["m"]).trend, analyse(steady).message, analyse(steady, ["m"]).mantras) == ("steady", None, [])
    assert analyse(steady[:3]).trend == "unknown"
    assert resilience_json([])["rejections"] == [] and resilience_json([])["usual_mood"] is None
