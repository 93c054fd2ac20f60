import json


def test_stats_by_stage_outcome_and_over_time(log, reflect):
    log("Acme", "Dev", "2026-01-10", "--stage", "onsite", "--outcome", "rejected", "--prep", "2", "--confidence", "2")
    log("Globex", "Dev", "2026-01-20", "--stage", "onsite", "--outcome", "rejected", "--prep", "3", "--confidence", "1")
    log("Initech", "Dev", "2026-03-05", "--stage", "final", "--outcome", "offer", "--prep", "5", "--confidence", "4", "--prep-hours", "8")
    log("Umbrella", "Dev", "2026-03-06")
    data = json.loads(reflect("stats", "--json").stdout)
    assert data["total"] == 4
    assert data["by_stage"] == {"onsite": {"rejected": 2}, "final": {"offer": 1}, "unknown": {"pending": 1}}
    assert data["by_outcome"]["rejected"] == {"count": 2, "preparation": 2.5, "confidence": 1.5, "prep_hours": None}
    assert data["by_outcome"]["offer"]["prep_hours"] == 8.0
    over = data["ratings_over_time"]
    assert over["months"] == ["2026-01", "2026-02", "2026-03"]
    assert over["preparation"] == [2.5, None, 5.0]

    shown = reflect("stats")
    assert shown.exit_code == 0
    assert "Outcomes by stage" in shown.stdout and "2 rejected" in shown.stdout
    assert "2.5 \u2192 5.0" in shown.stdout


def test_stats_filters_and_empty_journal(log, reflect):
    result = reflect("stats")
    assert result.exit_code == 0 and "reflect log" in result.stderr
    assert json.loads(reflect("stats", "--json").stdout)["total"] == 0
    log("Acme", "Dev", "2026-01-10", "--outcome", "rejected")
    log("Globex", "Dev", "2026-02-10", "--outcome", "offer")
    assert json.loads(reflect("stats", "--company", "globex", "--json").stdout)["outcomes"] == {"offer": 1}


def test_stats_reports_days_to_recover_after_each_rejection(log, reflect, tmp_path):
    import json

    (tmp_path / "config.toml").write_text('mantras = ["Keep going."]\n')
    log("A", "Dev", "2026-01-01", "--outcome", "advanced", "--mood", "4")
    log("B", "Dev", "2026-01-05", "--outcome", "advanced", "--mood", "4")
    log("C", "Dev", "2026-01-10", "--outcome", "rejected", "--mood", "1")
    log("D", "Dev", "2026-01-14", "--outcome", "pending", "--mood", "2")
    log("E", "Dev", "2026-01-17", "--outcome", "advanced", "--mood", "4")
    data = json.loads(reflect("stats", "--json").stdout)
    (rejection,) = data["resilience"]["rejections"]
    assert rejection["days_to_recover"] == 7
    assert rejection["recovered_on"] == "2026-01-17"
    shown = reflect("stats").stdout
    assert "After each rejection" in shown and "after 7 days" in shown
