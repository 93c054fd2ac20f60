import datetime as dt

from reflect.demo import sample_reflections


def test_the_sample_is_a_varied_recent_search():
    today = dt.date(2030, 6, 1)
    sample = sample_reflections(today)
    assert 15 <= len(sample) <= 20
    assert {"offer", "rejected", "advanced", "pending", "ghosted", "withdrew"} <= {r.outcome.value for r in sample}
    assert len({r.stage for r in sample}) >= 5 and len({r.company for r in sample}) >= 10
    assert all(today - dt.timedelta(days=150) <= r.date < today for r in sample)
    assert sum(q.stumped for r in sample for q in r.questions) >= 4
    feedback = [r.feedback for r in sample]
    assert all(f.received_on is None or f.received_on >= r.date for f, r in zip(feedback, sample))
    assert {"received", "requested", "not-requested"} <= {f.status.value for f in feedback}
