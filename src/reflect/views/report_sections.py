"""The report's first sections: themes by month, outcomes by stage, preparation and
confidence against outcomes, mood after rejections. Each returns a
:class:`~reflect.views.report_text.Section` whose reading says in words what the chart shows.

Readings and bodies are HTML: every user text in them went through ``out``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from reflect.analysis.resilience import Resilience
from reflect.analysis.stats import NO_STAGE, Stats
from reflect.analysis.themes import distinct_quotes
from reflect.models.entry import Entry
from reflect.views.report_svg import BarRow, Bars, HeatRow, PairRow, Point, grouped_columns, heatmap, paired_bars, stacked_bars, timeline
from reflect.views.report_text import Out, Section, plural, rating
from reflect.vocab import Outcome, Stage

TOP_THEMES = 8
MAX_COLUMNS = 30
QUOTED_THEMES = 3
RECENT_REJECTIONS = 15
MAX_POINTS = 90
FUNNEL_STAGES = ("recruiter-screen", "phone-screen", "technical", "take-home", "onsite", "final")
SUCCEEDED = ("offer", "advanced")


def _outcome_class(outcome: str) -> str:
    return f"o-{outcome}"


def decision(theme: Any) -> str | None:
    """How many of a theme's interviews the user confirmed it on ("2 confirmed by you"),
    else None. (A theme the user dismissed on a reflection never counts there, so it is
    simply absent.)"""
    confirmed = getattr(theme, "confirmed", 0)
    return f"{confirmed} confirmed by you" if confirmed else None


def applications(entries: Sequence[Entry]) -> list[tuple[list[Entry], str]]:
    """Each application's rounds (oldest first) and where it stands (its latest round's
    outcome): by the core's rule where it has one (analysis/applications.py), else by the
    ``application`` each reflection names; none when neither applies."""
    try:
        from reflect.analysis.applications import group
    except ImportError:
        named: dict[str, list[Entry]] = {}
        for entry in sorted(entries, key=lambda e: (e.reflection.date, e.id)):
            key = getattr(entry.reflection, "application", None)
            if key:
                named.setdefault(str(key), []).append(entry)
        return [(rounds, str(rounds[-1].reflection.outcome)) for rounds in named.values()]
    return [(list(a.rounds), str(a.outcome)) for a in group(entries)]


# --- themes --------------------------------------------------------------------------------


def themes_section(report: Any, entries: Sequence[Entry], out: Out) -> Section:
    themes = list(getattr(report, "themes", None) or [])[:TOP_THEMES] if report is not None else []
    title = "Themes over time"
    if not themes:
        reading = "No weakness has come back in two or more interviews yet: note what went wrong after each one."
        return Section("themes", title, reading, "")
    labels, periods = periods_of(list(report.months))
    held = Counter(e.reflection.date.isoformat()[:7] for e in entries)
    totals = [sum(held[m] for m in months) for months in periods]
    rows = []
    for theme in themes:
        chosen = decision(theme)
        note = f"{theme.count}\u00d7 \u00b7 {theme.verdict}" + (f" \u00b7 {chosen}" if chosen else "")
        counts = [sum(theme.months.get(m, 0) for m in months) for months in periods]
        rows.append(HeatRow(theme.label, theme.id, list(zip(counts, totals)), note, muted=False))
    chart = heatmap(rows, labels, f"Recurring themes by {_unit(labels, periods)}: the share of interviews showing each", out)
    return Section("themes", title, _themes_reading(themes, report.analysed, out), chart + _contrast(themes, out) + _quotes(themes, entries, out))


def _contrast(themes: Sequence[Any], out: Out) -> str:
    """Which themes come with rejections more than with offers and advances."""
    rows = []
    for theme in themes:
        bad, good = getattr(theme, "rejected", (0, 0)), getattr(theme, "succeeded", (0, 0))
        if not bad[1] and not good[1]:
            continue
        tips = (f"{out(theme.label)}: {bad[0]} of {bad[1]} rejections", f"{out(theme.label)}: {good[0]} of {good[1]} offers and advances")
        rows.append(PairRow(theme.label, theme.id, bad[0] / bad[1] if bad[1] else None, good[0] / good[1] if good[1] else None, tips))
    if not rows:
        return ""
    names = (("share of rejections", "o-rejected"), ("share of offers and advances", "o-offer"))
    chart = paired_bars(rows, names, "Each theme in rejections and in offers or advances", out)
    gaps = [(r.first - r.second, r) for r in rows if r.first is not None and r.second is not None]
    worst = max(gaps, key=lambda g: g[0], default=None)
    if worst is not None and worst[0] >= 0.1:
        r = worst[1]
        reading = f"<strong>{out(r.label)}</strong> sets rejections apart most: in {r.first:.0%} of them, against {r.second:.0%} of offers and advances."
    else:
        reading = "No theme sets rejections clearly apart from offers and advances yet."
    return f'<h3>With rejections and with offers</h3><p class="reading">{reading}</p>{chart}'


def periods_of(months: list[str]) -> tuple[list[str], list[list[str]]]:
    """Columns for the heatmap: months, or quarters or years when there are too many months to read."""
    if len(months) <= MAX_COLUMNS:
        return months, [[m] for m in months]
    if len(months) <= MAX_COLUMNS * 3:
        key = lambda m: f"{m[:4]} Q{(int(m[5:7]) - 1) // 3 + 1}"  # noqa: E731
    else:
        key = lambda m: m[:4]  # noqa: E731
    grouped: dict[str, list[str]] = {}
    for month in months:
        grouped.setdefault(key(month), []).append(month)
    return list(grouped), list(grouped.values())


def _unit(labels: list[str], periods: list[list[str]]) -> str:
    longest = max((len(p) for p in periods), default=1)
    return "month" if longest == 1 else ("quarter" if "Q" in labels[0] else "year")


def _themes_reading(themes: Sequence[Any], analysed: int, out: Out) -> str:
    top = themes[0]
    words = [f"<strong>{out(top.label)}</strong> came up most, in {top.count} of {plural(analysed, 'interview')}, and is {out(top.verdict)}."]
    for verdict in ("improving", "worsening"):
        named = [out(t.label) for t in themes[1:] if t.verdict == verdict]
        if named:
            words.append(f"{verdict.capitalize()}: {', '.join(named)}.")
    return " ".join(words)


def _quotes(themes: Sequence[Any], entries: Sequence[Entry], out: Out) -> str:
    by_id = {e.id: e.reflection for e in entries}
    items = []
    quotes = distinct_quotes(t for t in themes[:QUOTED_THEMES] if hasattr(t, "best_quote"))
    for theme in themes[:QUOTED_THEMES]:
        quote = quotes.get(theme.id) if hasattr(theme, "best_quote") else None
        if quote is None:
            continue
        chosen = decision(theme)
        mark = f' <span class="tag">{chosen}</span>' if chosen else ""
        r = by_id.get(quote.id)
        where = f", {out(r.company)}{out.people(r.interviewers)}" if r is not None else ""
        items.append(
            f"<li><strong>{out(theme.label)}</strong>{mark}: <q>{out(quote.text, 240)}</q> "
            f'<span class="muted">({out(quote.date)}{where})</span></li>'
        )
    return f'<h3>In your own words</h3><ul class="quotes">{"".join(items)}</ul>' if items else ""


# --- outcomes by stage -----------------------------------------------------------------------


def funnel_section(stats: Stats, entries: Sequence[Entry], out: Out) -> Section:
    title = "Outcomes by stage"
    if not stats.total:
        return Section("funnel", title, "No interviews to count yet.", "")
    outcomes = [o.value for o in Outcome]
    stages = [s.value for s in Stage if s.value in stats.by_stage] + ([NO_STAGE] if NO_STAGE in stats.by_stage else [])
    rows = []
    for stage in stages:
        counts = stats.by_stage[stage]
        segments = [(o, _outcome_class(o), float(counts.get(o, 0))) for o in outcomes]
        rows.append(BarRow("no stage given" if stage == NO_STAGE else stage, segments, str(sum(counts.values())), stage))
    used = [o for o in outcomes if o in stats.outcomes]
    chart = stacked_bars(Bars(rows, [(o, _outcome_class(o)) for o in used]), "Interviews at each stage by outcome", out, "funnel")
    body = chart + applications_funnel(entries, out)
    return Section("funnel", title, _funnel_reading(stats), body)


def _funnel_reading(stats: Stats) -> str:
    words = [f"{plural(stats.total, 'interview')}: " + ", ".join(f"{n} {o}" for o, n in stats.outcomes.items()) + "."]
    rejected = {s: c.get("rejected", 0) for s, c in stats.by_stage.items() if c.get("rejected")}
    if rejected:
        most = max(rejected.values())
        top = [s for s in stats.by_stage if rejected.get(s) == most]  # in the funnel's order
        named = ["no stage given" if s == NO_STAGE else s for s in top]
        if len(top) == 1:
            where = "with no stage given" if top[0] == NO_STAGE else f"at the {top[0]} stage"
            words.append(f"Most rejections came {where} ({most} of {sum(rejected.values())}).")
        elif len(top) < len(rejected):  # tied at the top, with fewer elsewhere
            words.append(f"Most rejections came at {', '.join(named[:-1])} and {named[-1]} ({most} each of {sum(rejected.values())}).")
        else:
            words.append(f"Rejections came as often at {', '.join(named[:-1])} as at {named[-1]} ({most} each).")
    return " ".join(words)


def applications_funnel(entries: Sequence[Entry], out: Out) -> str:
    """How many applications had a round at each stage (a stage skipped, like a take-home
    most never get, is not counted as passed), and how far the furthest got."""
    found = applications(entries)
    if not found:
        return ""
    total = len(found)
    offers = sum(1 for _, outcome in found if outcome == "offer")
    stages_of = [{str(e.reflection.stage) for e in rounds} for rounds, _ in found]
    furthest = [max((FUNNEL_STAGES.index(stage) for stage in stages if stage in FUNNEL_STAGES), default=-1) for stages in stages_of]
    rows, deepest = [], ("a stage", 0)
    for index, stage in enumerate(FUNNEL_STAGES):
        had = sum(1 for stages in stages_of if stage in stages)
        if had:
            rows.append(BarRow(stage, [("applications", "o-reached", float(had))], f"{had} of {total}", stage))
        reached = sum(1 for level in furthest if level >= index)
        if reached:
            deepest = (stage, reached)
    chart = stacked_bars(Bars(rows, maximum=float(total)), "Applications with a round at each stage", out, "applications") if rows else ""
    reading = f"Of {plural(total, 'application')}, {deepest[1]} reached the {deepest[0]} stage; {plural(offers, 'offer')}."
    return f'<h3>Per application</h3><p class="reading">{reading}</p>{chart}'


# --- preparation and confidence ----------------------------------------------------------------


def prep_section(stats: Stats, out: Out) -> Section:
    title = "Preparation and confidence against outcomes"
    rated = stats.by_outcome
    groups = [o.value for o in Outcome if o.value in rated and (rated[o.value].preparation is not None or rated[o.value].confidence is not None)]
    prep = [stats.by_outcome[g].preparation for g in groups]
    confidence = [stats.by_outcome[g].confidence for g in groups]
    if not any(v is not None for v in prep + confidence):
        return Section("prep", title, "No preparation or confidence ratings yet (rate them when you log: --preparation, --confidence).", "")
    chart = grouped_columns(groups, [("preparation", "s-prep", prep), ("confidence", "s-conf", confidence)], "Average ratings by outcome (1-5)", out)
    hours = [(g, rated[g].prep_hours) for g in rated if rated[g].prep_hours is not None]
    table = ""
    if hours:
        cells = "".join(f"<tr><td>{out(g)}</td><td>{h:.1f} h</td><td>{stats.by_outcome[g].count}</td></tr>" for g, h in hours)
        table = f'<table class="small"><thead><tr><th>outcome</th><th>hours of preparation (average)</th><th>interviews</th></tr></thead><tbody>{cells}</tbody></table>'
    return Section("prep", title, _prep_reading(stats), chart + table)


def _mean_of(stats: Stats, outcomes: Sequence[str], name: str) -> float | None:
    pairs = [(getattr(stats.by_outcome[o], name), stats.by_outcome[o].count) for o in outcomes if o in stats.by_outcome]
    pairs = [(v, n) for v, n in pairs if v is not None]
    return sum(v * n for v, n in pairs) / sum(n for _, n in pairs) if pairs else None


def _prep_reading(stats: Stats) -> str:
    good, bad = _mean_of(stats, SUCCEEDED, "preparation"), _mean_of(stats, ("rejected",), "preparation")
    good_c, bad_c = _mean_of(stats, SUCCEEDED, "confidence"), _mean_of(stats, ("rejected",), "confidence")
    if good is None or bad is None:
        return "Once you have both offers or advances and rejections with ratings, this compares them."
    gap = round(good, 1) - round(bad, 1)
    words = f"Interviews that went on (offer or advanced) had preparation {rating(good)} on average, against {rating(bad)} for rejections"
    words += ": about the same." if abs(gap) < 0.05 else f": {'more' if gap > 0 else 'less'} preparation where it went well."
    if good_c is not None and bad_c is not None:
        words += f" Confidence: {rating(good_c)} against {rating(bad_c)}."
    return words


# --- mood after rejections ---------------------------------------------------------------------


def mood_section(bounce: Resilience, entries: Sequence[Entry], out: Out) -> Section:
    title = "Mood after rejections"
    points = [p for p in bounce.series if p.mood is not None]
    if not points:
        return Section("mood", title, "No mood ratings yet (rate your mood when you log: --mood).", "")
    ends = (points[0].date.isoformat(), points[-1].date.isoformat())
    if len(points) > MAX_POINTS:
        chart = timeline(_monthly(points, out), bounce.usual_mood, "Average mood by month", out, ends)
    else:
        people = {e.id: out.people(e.reflection.interviewers) for e in entries}
        marks = [
            Point(
                p.date.toordinal(),
                float(p.mood or 0),
                p.rejection,
                f"{out(p.date.isoformat())} {out(p.company)}{people.get(p.id, '')}: mood {p.mood}/5{' (rejected)' if p.rejection else ''}",
            )
            for p in points
        ]
        chart = timeline(marks, bounce.usual_mood, "Mood over time, rejections marked", out, ends)
    return Section("mood", title, _mood_reading(bounce), chart + _recoveries(bounce, out))


def _monthly(points: Sequence[Any], out: Out) -> list[Point]:
    """One point per month: the mean mood (too many interviews to show each one)."""
    months: dict[str, list[Any]] = {}
    for p in points:
        months.setdefault(p.date.isoformat()[:7], []).append(p)
    marks = []
    for month, group in months.items():
        mean = sum(p.mood for p in group) / len(group)
        rejected = sum(1 for p in group if p.rejection)
        tip = f"{out(month)}: mood {mean:.1f}/5 on average over {plural(len(group), 'interview')}, {rejected} rejected"
        marks.append(Point(group[0].date.replace(day=15).toordinal(), mean, False, tip))
    return marks


def _mood_reading(bounce: Resilience) -> str:
    words = []
    median = bounce.median_days_to_recover
    if median is not None:
        words.append(f"After a rejection your mood typically came back to usual within {median:g} days.")
    elif bounce.recoveries:
        words.append("No rejection has yet been followed by a measured recovery.")
    else:
        words.append("No rejections so far.")
    if bounce.usual_mood is not None:
        words.append(f"Your usual mood is {bounce.usual_mood:g}/5; lately it is {_trend(bounce.trend)}.")
    if bounce.message:
        words.append(bounce.message)
    return " ".join(words)


def _trend(direction: str) -> str:
    return {"down": "lower", "up": "higher", "steady": "steady"}.get(direction, "too early to tell")


def _recoveries(bounce: Resilience, out: Out) -> str:
    recent = [r for r in bounce.recoveries if r.status != "unknown"][-RECENT_REJECTIONS:]
    if not recent:
        return ""
    rows = []
    for r in recent:
        days = float(r.days or 0)
        note = {"not-affected": "stayed at usual", "not-yet": "not yet"}.get(r.status, f"{r.days} d")
        cls = "recover" if r.status == "recovered" else "recover-open"
        rows.append(BarRow(f"{r.date.isoformat()} {r.company}", [("days to bounce back", cls, days)], note, r.id))
    chart = stacked_bars(Bars(rows, unit=" days"), "Days to bounce back after each rejection", out, "recovery")
    return f"<h3>Days to bounce back</h3>{chart}"
