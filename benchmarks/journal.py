"""Realistic journals for the benchmarks, written in the documented file format.

Deterministic (seeded), standard library only, and independent of reflect's own
writer: the TOML is produced here, so the benchmark also checks that reflect
reads files it did not write itself.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
from pathlib import Path

COMPANIES = [
    "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark Industries", "Wayne Enterprises", "Cyberdyne",
    "Soylent", "Tyrell", "Massive Dynamic", "Aperture Science", "Pied Piper", "Vandelay Industries",
    "Wonka", "Oscorp", "Gringotts", "Monsters Inc", "Dunder Mifflin", "Bluth Company", "Sterling Cooper",
    "Prestige Worldwide", "Nakatomi", "Octan", "Virtucon", "Krusty Krab", "Los Pollos Hermanos",
    "Société Générale", "Zürich Analytics", "Nordlys AS", "Kōbō Labs", "Raízen Digital", "Dataflux",
    "Brightwave", "Quantix", "Helios Health", "Polaris Pay", "Northwind", "Contoso", "Fabrikam",
]
ROLES = [
    "Backend Engineer", "Senior Backend Engineer", "Frontend Engineer", "Full-stack Developer", "SRE",
    "Data Engineer", "Data Scientist", "ML Engineer", "Engineering Manager", "Staff Engineer",
    "Product Manager", "QA Engineer", "Platform Engineer", "Security Engineer", "Mobile Developer",
]
STAGES = ["recruiter-screen", "phone-screen", "technical", "take-home", "onsite", "final", "other"]
FORMATS = ["in-person", "video", "phone", "async"]
OUTCOMES = ["pending", "advanced", "offer", "rejected", "rejected", "rejected", "withdrew", "ghosted"]
GAP_KINDS = ["skill", "experience", "culture", "preparation", "delivery"]
Q_KINDS = ["behavioral", "technical", "coding", "system-design", "culture", "about-me", "other"]
TAGS = ["remote", "hybrid", "startup", "fintech", "health", "big-tech", "referral", "relocation", "contract"]
PEOPLE = ["Dana Lee", "Sam Okafor", "Priya Nair", "Jonas Berg", "Mei Chen", "Luis Ortega", "Aisha Khan", "Tom Reid"]

WELL = [
    "Good rapport with the hiring manager from the first minute.",
    "I explained the trade-offs of my last project clearly and they followed up with interest.",
    "The coding exercise went smoothly; I wrote tests before they asked.",
    "I asked sharp questions about the team's on-call load.",
    "Stayed calm when the interviewer pushed back on my estimate.",
    "My STAR stories were crisp and under two minutes each.",
    "I admitted what I did not know and reasoned my way to an answer.",
    "The take-home was well structured and they liked the README.",
]
WRONG = [
    "I rambled on the system design question and never got to the storage layer.",
    "My answers went on and on; they could barely get a word in.",
    "I froze when asked about distributed transactions.",
    "I could not explain why we chose Kafka at my last job.",
    "I was nervous and spoke too fast during the introduction.",
    "I did not ask any questions at the end, which felt awkward.",
    "I talked badly about my previous manager, which came across poorly.",
    "I ran out of time on the coding task and left it half done.",
    "I forgot the complexity of the algorithm I had just written.",
    "I came across as unprepared about the company's product.",
    "They asked about salary expectations and I gave a number far too low.",
    "My example for conflict resolution was weak and vague.",
    "I lacked depth on Kubernetes networking when they dug in.",
    "I did not clarify the requirements before starting to code.",
]
QUESTIONS = [
    ("system-design", "Design a URL shortener"),
    ("system-design", "How would you build a rate limiter for a public API?"),
    ("coding", "Reverse a linked list in place"),
    ("coding", "Find the longest substring without repeating characters"),
    ("technical", "What happens when you type a URL into a browser?"),
    ("technical", "Explain the difference between a process and a thread"),
    ("behavioral", "Tell me about a time you disagreed with your manager"),
    ("behavioral", "Describe a project that failed and what you learnt"),
    ("culture", "What kind of team do you work best in?"),
    ("about-me", "Walk me through your CV"),
    ("other", "Why do you want to leave your current job?"),
]
GAPS = [
    "never used Kafka in production", "little experience with large-scale migrations",
    "weak on SQL window functions", "no management experience", "did not research the product",
    "answers too long and unstructured", "no examples of mentoring", "unfamiliar with their stack",
]
LESSONS = [
    "Answer first, then explain.", "Prepare two stories per competency.", "Time-box each part of a design answer.",
    "Research the product and its competitors the day before.", "Ask for clarification before coding.",
    "Practise out loud, not just in my head.",
]
NEXT = [
    "Two timed mock answers a day.", "Read the Designing Data-Intensive Applications chapter on replication.",
    "Write a one-page summary of each past project.", "Book a mock interview with a friend.",
    "Ask the recruiter for detailed feedback.",
]
FEEDBACK = [
    "Strong fundamentals, but answers were long-winded.",
    "They went with a candidate with more domain experience.",
    "Great culture fit; the system design was not deep enough.",
    "Coding was solid; communication could be more structured.",
]


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    raise TypeError(value)


def reflection_text(rng: random.Random, day: dt.date) -> tuple[str, str]:
    """One reflection as TOML text, and the stem of its file name."""
    company, role = rng.choice(COMPANIES), rng.choice(ROLES)
    top: dict[str, object] = {"schema": 1, "company": company, "role": role, "date": day}
    top["stage"] = rng.choice(STAGES)
    if rng.random() < 0.8:
        top["format"] = rng.choice(FORMATS)
    top["outcome"] = rng.choice(OUTCOMES)
    if rng.random() < 0.7:
        top["interviewers"] = rng.sample(PEOPLE, rng.randint(1, 3))
    if rng.random() < 0.5:
        top["tags"] = rng.sample(TAGS, rng.randint(1, 3))
    top["went_well"] = [" ".join(rng.sample(WELL, rng.randint(1, 2))) for _ in range(rng.randint(1, 3))]
    top["went_wrong"] = [" ".join(rng.sample(WRONG, rng.randint(1, 3))) for _ in range(rng.randint(1, 4))]
    top["lessons"] = rng.sample(LESSONS, rng.randint(0, 2))
    top["next_steps"] = rng.sample(NEXT, rng.randint(0, 2))
    if rng.random() < 0.4:
        top["fit_notes"] = "The team seemed kind. " + rng.choice(["Heavy on-call worries me.", "Pay is below market.", "Exactly the work I want."])
    lines = [f"{k} = {_toml(v)}" for k, v in top.items() if v != []]
    lines.append("\n[ratings]")
    for name in ("preparation", "confidence", "performance", "fit", "mood"):
        if rng.random() < 0.85:
            lines.append(f"{name} = {rng.randint(1, 5)}")
    status = rng.choice(["not-requested", "requested", "received", "received", "declined"])
    lines.append("\n[feedback]")
    lines.append(f"status = {_toml(status)}")
    if status in ("requested", "received"):
        lines.append(f"requested_on = {_toml(day + dt.timedelta(days=1))}")
    if status == "received":
        lines.append(f"received_on = {_toml(day + dt.timedelta(days=rng.randint(2, 20)))}")
        lines.append(f"source = {_toml(rng.choice(['recruiter', 'hiring manager', 'email']))}")
        lines.append(f"text = {_toml(rng.choice(FEEDBACK) + ' ' + rng.choice(FEEDBACK))}")
    if rng.random() < 0.7:
        lines.append("\n[prep]")
        lines.append(f"hours = {rng.choice([0.5, 1, 2, 3.5, 6, 10])}")
        lines.append(f"activities = {_toml(rng.sample(['Mock system design', 'LeetCode', 'Read the engineering blog', 'STAR stories'], 2))}")
    for _ in range(rng.randint(0, 3)):
        lines.append("\n[[gaps]]")
        lines.append(f"kind = {_toml(rng.choice(GAP_KINDS))}")
        lines.append(f"detail = {_toml(rng.choice(GAPS))}")
    for _ in range(rng.randint(1, 4)):
        kind, text = rng.choice(QUESTIONS)
        lines.append("\n[[questions]]")
        lines.append(f"text = {_toml(text)}")
        lines.append(f"kind = {_toml(kind)}")
        stumped = rng.random() < 0.3
        lines.append(f"stumped = {_toml(stumped)}")
        if rng.random() < 0.7:
            lines.append(f"answer_rating = {rng.randint(1, 5)}")
        if stumped and rng.random() < 0.6:
            lines.append(f"better_answer = {_toml('Start from the requirements, then the data model, then scale.')}")
    stem = f"{day.isoformat()}-{_slug(company)}-{_slug(role)}"
    return "\n".join(lines) + "\n", stem


def _slug(text: str) -> str:
    import re
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def generate(directory: Path, count: int, seed: int = 2026) -> Path:
    """Write ``count`` reflections into ``directory`` (created 0700, files 0600)."""
    rng = random.Random(seed)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    start = dt.date(2020, 1, 1)
    taken: set[str] = set()
    for _ in range(count):
        day = start + dt.timedelta(days=rng.randint(0, 6 * 365))
        text, stem = reflection_text(rng, day)
        name, n = stem, 1
        while name in taken:
            n += 1
            name = f"{stem}-{n}"
        taken.add(name)
        fd = os.open(directory / f"{name}.toml", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
    return directory
