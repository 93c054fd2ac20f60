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
from collections.abc import Callable
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
    status = _ratings_and_feedback(rng, day, lines)
    if status == "received":
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
        _question(rng, lines, text, kind, lambda: "Start from the requirements, then the data model, then scale.")
    stem = f"{day.isoformat()}-{_slug(company)}-{_slug(role)}"
    return "\n".join(lines) + "\n", stem


def _slug(text: str) -> str:
    import re
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


TEXT_STYLES = ("repeated", "varied")


def _question(rng: random.Random, lines: list[str], text: str, kind: str, better: Callable[[], str]) -> None:
    """One [[questions]] entry (both text styles draw its flags alike); ``better`` makes the
    better answer's text, drawn only when the question stumped and has one."""
    lines.append("\n[[questions]]")
    lines.append(f"text = {_toml(text)}")
    lines.append(f"kind = {_toml(kind)}")
    stumped = rng.random() < 0.3
    lines.append(f"stumped = {_toml(stumped)}")
    if rng.random() < 0.7:
        lines.append(f"answer_rating = {rng.randint(1, 5)}")
    if stumped and rng.random() < 0.6:
        lines.append(f"better_answer = {_toml(better())}")


def _ratings_and_feedback(rng: random.Random, day: dt.date, lines: list[str]) -> str:
    """The [ratings] table and the start of [feedback] (both text styles draw them alike);
    returns the feedback status, so that the caller can add the feedback's text."""
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
    return status


def generate(directory: Path, count: int, seed: int = 2026, text: str = "repeated", size: float = 1.0) -> Path:
    """Write ``count`` reflections into ``directory`` (created 0700, files 0600).

    ``text="repeated"`` draws whole sentences from short lists (the original
    benchmark journal, unchanged for a given seed); ``text="varied"`` composes
    nearly every sentence anew and mixes short, typical and long reflections,
    ``size`` scaling how much they say (1.0: about 1.7 KB a file on average).
    """
    if text not in TEXT_STYLES:
        raise ValueError(f"text must be one of {TEXT_STYLES}, not {text!r}")
    if text == "repeated" and size != 1.0:
        raise ValueError("size applies to the varied text style only")
    rng = random.Random(seed)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    start = dt.date(2020, 1, 1)
    taken: set[str] = set()
    for _ in range(count):
        day = start + dt.timedelta(days=rng.randint(0, 6 * 365))
        if text == "varied":
            body, stem = reflection_text_varied(rng, day, size)
        else:
            body, stem = reflection_text(rng, day)
        name, n = stem, 1
        while name in taken:
            n += 1
            name = f"{stem}-{n}"
        taken.add(name)
        fd = os.open(directory / f"{name}.toml", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(body)
    return directory


# --- the "varied" text style ---------------------------------------------------------------
#
# The lists above give a journal of a few dozen distinct sentences repeated tens of
# thousands of times, which flatters any per-sentence cache. The "varied" style composes
# each sentence from parts (an opening, a clause built around the same weaknesses and
# strengths, slot words such as a technology, a question topic, a number, the company or
# an interviewer, and a closing detail), so that nearly every sentence of a large journal
# is new. Each reflection also gets a length of its own: short, typical or long.

TECH = [
    "Kafka", "Postgres", "Redis", "Kubernetes", "gRPC", "DynamoDB", "Elasticsearch", "Spark", "Airflow",
    "Terraform", "React", "TypeScript", "Rust", "Go", "Java", "asyncio", "GraphQL", "S3", "Cassandra",
    "RabbitMQ", "Snowflake", "dbt", "Flink", "Docker", "Linux networking", "OAuth", "WebSockets",
    "MySQL replication", "BigQuery", "PyTorch", "Swift", "Kotlin", "Django", "Node.js", "Prometheus",
]
CONCEPTS = [
    "consistency", "indexing", "partitioning", "back-pressure", "retries", "idempotency", "cache invalidation",
    "leader election", "connection pooling", "schema migrations", "rate limiting", "garbage collection",
    "transaction isolation", "load balancing", "sharding keys", "exactly-once delivery", "hot partitions",
    "memory leaks", "query plans", "circuit breakers", "eventual consistency", "blue-green deploys",
    "feature flags", "observability", "access control", "data retention",
]
SYSTEMS = [
    "URL shortener", "chat service", "news feed", "payment ledger", "rate limiter", "ride-hailing dispatcher",
    "notification service", "photo store", "search autocomplete", "metrics pipeline", "hotel booking system",
    "collaborative editor", "job scheduler", "web crawler", "leaderboard", "file sync service",
    "ad click counter", "inventory service", "video upload pipeline", "fraud detection pipeline",
    "recommendation service", "parking garage system", "ticket booking system", "key-value store",
]
ALGOS = [
    "a sliding window", "binary search on the answer", "a heap of the k largest", "BFS on a grid",
    "union-find", "a trie", "two pointers", "memoised recursion", "topological sort", "Dijkstra",
    "an LRU cache", "interval merging", "a monotonic stack", "bit manipulation", "backtracking",
]
STORIES = [
    "a missed deadline", "a disagreement with a product manager", "mentoring a junior engineer",
    "an outage I caused", "a project I led end to end", "pushing back on scope", "a difficult code review",
    "a rewrite that went wrong", "working with a remote team", "a time I changed my mind",
    "handling an unhappy customer", "prioritising under pressure", "onboarding onto a legacy codebase",
]
FIRST_NAMES = [
    "Dana", "Sam", "Priya", "Jonas", "Mei", "Luis", "Aisha", "Tom", "Ingrid", "Kwame", "Sofia", "Hiro",
    "Fatima", "Marco", "Chloé", "Björn", "Anika", "Diego", "Olu", "Yara", "Ravi", "Nora", "Ezra", "Lena",
]
LAST_NAMES = [
    "Lee", "Okafor", "Nair", "Berg", "Chen", "Ortega", "Khan", "Reid", "Novak", "Mensah", "Rossi", "Tanaka",
    "Haddad", "Silva", "Dubois", "Lindqvist", "Patel", "Moreno", "Adeyemi", "Cohen", "Iyer", "Schmidt",
]
ROUNDS = ["the first round", "the phone screen", "the technical round", "the onsite", "the final round",
          "the take-home review", "the hiring manager chat", "the pairing session", "the bar-raiser round"]
OPENERS = [
    "", "", "", "In {round}, ", "About {n} minutes in, ", "When {name} asked about {topic}, ", "Early on, ",
    "Towards the end, ", "Right after the introductions, ", "Halfway through {round}, ",
    "Once {name} joined the call, ", "During the {topic} part, ", "Again, ", "Honestly, ",
]
WRONG_CLAUSES = [
    # conciseness
    "I rambled for {n} minutes on {topic} before {name} cut in",
    "my answer about {tech} ran long and I lost the thread",
    "I kept talking past the point when the {system} question was already answered",
    "I gave a {n}-minute monologue on {story} instead of a two-minute story",
    "my answers were long-winded and {name} had to steer me back twice",
    # clarity
    "I could not explain {concept} in {tech} in plain words",
    "my explanation of {concept} was muddled and I contradicted myself",
    # nerves
    "I was nervous and spoke too fast through {topic}",
    "I blanked on {concept} even though I use {tech} every day",
    "my hands were shaking and I second-guessed my answer on {topic}",
    "I froze for what felt like a minute when {name} asked about {concept}",
    "I lacked confidence and apologised {k} times for small slips",
    # system design / technical depth
    "I never got to the storage layer of the {system}",
    "I skipped capacity estimates for the {system} and the numbers fell apart at {m} million users",
    "I did not know how to shard the {system} once {name} raised {concept}",
    "I lacked depth on {tech} {concept} when they dug in",
    "I could not say why we chose {tech} at my last job",
    "I hand-waved {concept} in the {system} design",
    # coding
    "I ran out of time on {algo} and left the solution half done",
    "I forgot the edge cases of {algo} and the tests failed {k} times",
    "I did not clarify the input size before writing {algo}",
    "I got the complexity of {algo} wrong when {name} asked",
    # behavioural stories
    "my story about {story} had no clear result",
    "my example of {story} was vague and had no numbers",
    "I used the same story about {story} for {k} different questions",
    # preparation and research
    "I had not read anything about {company}'s product before the call",
    "I came across as unprepared about how {company} uses {tech}",
    "I mixed up {company} with a competitor when talking about their customers",
    "I skipped my usual {n} minutes of preparation and it showed",
    # enthusiasm
    "I sounded flat when {name} asked why I wanted to join {company}",
    "I did not show much enthusiasm for the {role} role",
    # culture fit
    "I said I prefer working alone, which clashed with how the {company} team pairs",
    "I was dismissive about their {concept} process and {name} noticed",
    # questions for the interviewer
    "I had no questions ready for {name} at the end",
    "I only asked about remote work when {name} invited questions",
    # salary
    "I named {salary}k when they asked about salary, well under their band",
    "I answered the salary question first and anchored at {salary}k",
    "I accepted the first number of {salary}k from {company} without negotiating",
    # role fit / attitude / follow-up
    "I talked badly about my previous manager at {other}",
    "I sounded more interested in the {tech} work than in the {role} job itself",
    "I forgot to send {name} a thank-you note for {k} days",
    "I never followed up after {round}",
]
CONSEQUENCES = [
    "", "", "", "", ", which cost me the last question", " and {name} looked at the clock",
    ", so we ran {k} minutes over", " and I could tell they were not convinced",
    " and the follow-up on {concept} went badly too", ", which I only noticed afterwards",
    " and it threw me for the rest of {round}", ", and the feedback said as much",
    " because I had practised {topic} only in my head", " after a good start on {tech}",
]
WELL_CLAUSES = [
    "I had good rapport with {name} from the first minute",
    "I explained the trade-offs of {tech} in my last project clearly",
    "the {system} design went smoothly and I covered {concept} without prompting",
    "I wrote tests for {algo} before {name} asked",
    "I stayed calm when {name} pushed back on my estimate of {m} million requests a day",
    "my story about {story} was crisp and under {k} minutes",
    "I admitted I did not know {tech} well and reasoned my way to an answer",
    "the take-home README explained my {tech} choices and {name} liked it",
    "I asked {name} sharp questions about on-call at {company}",
    "I kept my answers concise throughout {round}",
    "I knew {company}'s product well and it showed",
    "we had a real conversation about {concept} rather than a quiz",
]
LESSON_TEMPLATES = [
    "Answer first, then explain, especially on {topic}.",
    "Prepare two stories per competency, one of them about {story}.",
    "Time-box each part of a design answer to {k} minutes.",
    "Research {company}'s product and competitors the day before.",
    "Ask how big the input is before coding {algo}.",
    "Practise the {system} design out loud, not just in my head.",
    "Have three questions for the interviewer written down, one about {concept}.",
    "Do not name a number first; ask for the band of the {role} role.",
    "Revise {tech} {concept} until I can draw it from memory.",
    "Slow down in the first {n} minutes; breathe before answering.",
    "Send a thank-you note within {k} hours of {round}.",
    "Keep each behavioural answer under {k} minutes with a clear result.",
    "Say the complexity of {algo} before {name} asks.", "Bring numbers to the story about {story}.",
    "Show why I want {company}, not just any {role} job.", "Write down the {system} requirements before drawing boxes.",
    "Stop apologising; {k} slips are normal.", "Check how {company} uses {tech} before the call.",
]
NEXT_TEMPLATES = [
    "{k} timed mock answers a day for {n} days.", "Read up on {concept} in {tech} this week.",
    "Write a one-page summary of the {tech} project.", "Book a mock {system} design with {first}.",
    "Ask the recruiter at {company} for detailed feedback.", "Solve {k} problems that use {algo}.",
    "Rehearse the story about {story} with a timer.", "Email {first} about the {role} opening at {other}.",
    "Ask {first} for a mock behavioural round on {story}.", "Finish the {tech} course by {year}-0{k}-1{k}.",
    "Draft salary talking points: {salary}k floor, ask for the band first.",
]
GAP_TEMPLATES = [
    "never used {tech} in production", "only {k} months of {tech}, none of it at scale",
    "weak on {concept}", "no examples of {story} outside {other}", "did not research {company}'s customers",
    "answers on {topic} too long and unstructured ({n} minutes)", "little experience with {concept} in {tech}",
    "could not size the {system} for {m} million users", "unfamiliar with their {tech} stack",
    "no {lang} since {year}", "{concept} in the {system} design, again", "slow on {algo} ({n} minutes to a first version)",
    "no questions ready for {name} about {concept}", "nerves in {round}: spoke too fast for {n} minutes",
    "no story about {story} with a measurable result for {name}", "salary: named {salary}k too early",
]
GAP_ENDINGS = ["", "", "", " (they asked twice)", "; {name} noticed", " - fix before {round}", " at {company}", ", {k}th time"]
FEEDBACK_GOOD = [
    "Strong fundamentals in {tech}", "{name} enjoyed the talk about {story}", "Quick on {algo}",
    "Solid {lang} in the pairing session", "Good grasp of {concept} at {m} million users", "Great culture fit with the {company} team", "Coding was solid",
    "{name} liked the {system} discussion", "Clear communicator in {round}", "Good questions about {concept}",
]
FEEDBACK_BAD = [
    "answers were long-winded", "the {system} design was not deep enough", "they went with someone with {k} more years of {tech}",
    "communication could be more structured", "seemed unsure about {concept}", "little enthusiasm for the role",
    "not enough preparation on {company}'s product", "the salary expectation was outside the band",
    "the {story} example lacked a result", "{k} hints were needed on {algo}", "the estimate for the {system} was off by {k}x",
    "they wanted more {lang} than {n} months", "answers ran over by {n} minutes",
]
QUESTION_TEMPLATES = [
    ("system-design", "Design a {system} for {m} million users"),
    ("system-design", "How would you scale the {system} when traffic grows {k}x?"),
    ("system-design", "Design a {system} that survives the loss of a region"),
    ("coding", "Solve a {topic} problem using {algo}"),
    ("coding", "Implement {algo} and give its complexity"),
    ("technical", "How does {tech} handle {concept}?"),
    ("technical", "What goes wrong with {concept} in {tech} at scale?"),
    ("behavioral", "Tell me about {story}"),
    ("behavioral", "Describe {story} and what you would do differently"),
    ("culture", "How do you handle {concept} disagreements in a team?"),
    ("culture", "What would make you leave {company} after a year?"),
    ("about-me", "Walk me through your {tech} experience"),
    ("other", "Why {company}, and why the {role} role?"),
    ("other", "What are your salary expectations for the {role} role?"),
]
BETTER_TEMPLATES = [
    "Start from the requirements, then the data model for the {system}, then {concept}.",
    "Say the brute force first, then improve it with {algo}.",
    "Give the situation in one sentence, then what I did about {story}, then the result with a number.",
    "Explain {concept} with a concrete {tech} example from my last job.",
    "Ask about read/write ratio first; {m} million users changes everything.",
    "Name the bottleneck ({concept}) before {name} does, then fix it with {tech}.",
    "Clarify the input size, say O(n log n) with {algo}, then code it in {lang}.",
    "Tell the {story} story in {k} parts and end with what changed at {other}.",
    "Say honestly I have not used {tech}, then reason from {concept}.",
    "Give a range starting at {salary}k and ask about the band for the {role} role.",
]
FIT_TEMPLATES = [
    "The team seemed kind. {concern}", "{name} described the {tech} work I want. {concern}",
    "Remote {k} days a week. {concern}", "{concern}",
]
CONCERNS = [
    "Heavy on-call worries me.", "Pay is below market.", "Exactly the work I want.",
    "The {role} role sounds more like maintenance than building.", "They still run {tech} by hand.",
    "A {k}-hour commute would be hard.", "I liked how they talked about {concept}.",
]
WELL_ENDINGS = [
    "", "", "", ", and {name} nodded along", " even though {round} ran {k} minutes late", ", which led to a good talk about {concept}",
    " after a shaky start", ", and they said so in the debrief", " thanks to the {n} minutes I spent on it the night before",
]
LESSON_OPENERS = [
    "", "", "Next time: ", "Note to self: ", "For {company}: ", "Before {round}: ", "Lesson {k}: ", "Again: ", "From {round}: ",
]
LESSON_ENDINGS = [
    "", ", as {name} pointed out in {round}", " - it would have saved {n} minutes at {company}", " (the {k}th time this came up)",
    " before the {other} interview", ", same as at the {tech} interview in {year}", ", even when {round} feels easy",
    ", starting on the {n}th", " and tell {first} how it went",
]
QUESTION_ENDINGS = {
    "system-design": ["", " with p99 latency under {n}0 ms", " on a budget of {k} servers", " that keeps {n} days of history",
                      " for {company}'s {k} regions", " using {tech} where it fits"],
    "coding": ["", " in {lang}", " in under {n} minutes", " without extra memory", " on {m} million items", " and test it"],
    "technical": ["", " in a service doing {m} thousand requests a second", " compared with {tech}", " in your last project",
                  " when a node fails"],
    "behavioral": ["", " at your last job", " from the last {k} years", " where {concept} was involved", " with a remote team"],
    "culture": ["", " in a team of {n}", " when working across {k} time zones", " at a company like {company}"],
    "about-me": ["", " in {k} minutes", " since {year}", " and why you left {other}"],
    "other": ["", " and what you earn now", " given your {k} years of {tech}", " compared with {other}"],
}
QUESTION_OPENERS = ["", "", "", "Follow-up: ", "Warm-up: ", "{first} asked: ", "Last one: ", "From the {company} panel: "]
LANGS = ["Python", "Java", "Go", "C++", "TypeScript", "Kotlin", "Rust", "C#", "Ruby", "Scala"]
TOPICS = ["system design", "coding", "behavioural", "culture", "salary", "my CV", "{tech}", "{concept}", "the {system}"]
# (share of reflections, multiplier of the number of notes and sentences)
LENGTHS = [(0.25, 0.35), (0.55, 0.7), (0.20, 1.4)]


class _Words:
    """Fills a template's slots from the reflection's own context and fresh random picks."""

    def __init__(self, rng: random.Random, company: str, role: str, names: list[str]) -> None:
        self.rng, self.company, self.role, self.names = rng, company, role, names

    def __call__(self, template: str) -> str:
        rng = self.rng
        if "{" not in template:
            return template
        slots = {
            "company": self.company, "role": self.role,
            "name": rng.choice(self.names).split()[0] if self.names and rng.random() < 0.7 else rng.choice(["the interviewer", "the hiring manager", "the lead", rng.choice(FIRST_NAMES)]),
            "first": rng.choice(FIRST_NAMES), "tech": rng.choice(TECH), "concept": rng.choice(CONCEPTS),
            "system": rng.choice(SYSTEMS), "algo": rng.choice(ALGOS), "story": rng.choice(STORIES),
            "round": rng.choice(ROUNDS), "n": rng.randint(2, 25), "k": rng.randint(2, 6), "m": rng.choice([1, 2, 5, 10, 20, 50, 100, 300]),
            "salary": rng.randrange(55, 260, 5), "lang": rng.choice(LANGS), "year": rng.randint(2012, 2025),
            "other": rng.choice(COMPANIES),
        }
        if "{topic}" in template:
            slots["topic"] = rng.choice(TOPICS).format(**slots)
        return template.format(**slots)


def _sentence(rng: random.Random, words: _Words) -> str:
    opener = words(rng.choice(OPENERS))
    clause = words(rng.choice(WRONG_CLAUSES))
    text = opener + clause + words(rng.choice(CONSEQUENCES)) + "."
    return text[0].upper() + text[1:]


def _sentences(rng: random.Random, words: _Words, clauses: list[str], most: int) -> str:
    parts = []
    for _ in range(rng.randint(1, most)):
        text = words(rng.choice(OPENERS)) + words(rng.choice(clauses)) + words(rng.choice(WELL_ENDINGS))
        parts.append(text[0].upper() + text[1:] + ".")
    return " ".join(parts)


def _lesson(rng: random.Random, words: _Words, templates: list[str]) -> str:
    text = words(rng.choice(LESSON_OPENERS)) + words(rng.choice(templates)).rstrip(".") + words(rng.choice(LESSON_ENDINGS)) + "."
    return text


def _count(rng: random.Random, low: int, high: int, scale: float) -> int:
    return max(low, round(rng.randint(low, high) * scale))


def reflection_text_varied(rng: random.Random, day: dt.date, size: float = 1.0) -> tuple[str, str]:
    """Like :func:`reflection_text` with composed sentences; ``size`` scales the amount of text."""
    company, role = rng.choice(COMPANIES), rng.choice(ROLES)
    pick = rng.random()
    for share, scale in LENGTHS:
        if pick < share:
            break
        pick -= share
    scale *= size
    top: dict[str, object] = {"schema": 1, "company": company, "role": role, "date": day}
    top["stage"] = rng.choice(STAGES)
    if rng.random() < 0.8:
        top["format"] = rng.choice(FORMATS)
    top["outcome"] = rng.choice(OUTCOMES)
    names: list[str] = []
    if rng.random() < 0.7:
        names = [f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}" for _ in range(rng.randint(1, 3))]
        top["interviewers"] = names
    words = _Words(rng, company, role, names)
    if rng.random() < 0.5:
        top["tags"] = rng.sample(TAGS, rng.randint(1, 3))
    top["went_well"] = [_sentences(rng, words, WELL_CLAUSES, 2) for _ in range(_count(rng, 1, 3, scale))]
    top["went_wrong"] = [
        " ".join(_sentence(rng, words) for _ in range(_count(rng, 1, 3, scale ** 0.5)))
        for _ in range(_count(rng, 1, 4, scale))
    ]
    top["lessons"] = [_lesson(rng, words, LESSON_TEMPLATES) for _ in range(_count(rng, 0, 2, scale) if rng.random() < 0.85 else 0)]
    top["next_steps"] = [_lesson(rng, words, NEXT_TEMPLATES) for _ in range(_count(rng, 0, 2, scale) if rng.random() < 0.85 else 0)]
    if rng.random() < 0.4:
        top["fit_notes"] = words(rng.choice(FIT_TEMPLATES).replace("{concern}", rng.choice(CONCERNS)))
    lines = [f"{k} = {_toml(v)}" for k, v in top.items() if v != []]
    status = _ratings_and_feedback(rng, day, lines)
    if status == "received":
        feedback = f"{words(rng.choice(FEEDBACK_GOOD))}, but {words(rng.choice(FEEDBACK_BAD))}."
        if rng.random() < 0.5:
            feedback += f" {words(rng.choice(FEEDBACK_GOOD))}; {words(rng.choice(FEEDBACK_BAD))}."
        lines.append(f"text = {_toml(feedback)}")
    if rng.random() < 0.7:
        lines.append("\n[prep]")
        lines.append(f"hours = {rng.choice([0.5, 1, 2, 3.5, 6, 10, rng.randint(1, 40)])}")
        lines.append(f"activities = {_toml([words(t) for t in rng.sample(['Mock {system} design', 'LeetCode: {algo}', 'Read the {company} engineering blog', 'STAR story about {story}', 'Revised {tech}'], 2)])}")
    for _ in range(_count(rng, 0, 3, scale) if rng.random() < 0.8 else 0):
        lines.append("\n[[gaps]]")
        lines.append(f"kind = {_toml(rng.choice(GAP_KINDS))}")
        lines.append(f"detail = {_toml(words(rng.choice(GAP_TEMPLATES) + rng.choice(GAP_ENDINGS)))}")
    for _ in range(_count(rng, 0, 5, scale)):
        kind, template = rng.choice(QUESTION_TEMPLATES)
        question = rng.choice(QUESTION_OPENERS) + template.removesuffix("?") + rng.choice(QUESTION_ENDINGS[kind][1:])
        text = words(question) + ("?" if template.endswith("?") else "")
        _question(rng, lines, text, kind, lambda: words(rng.choice(BETTER_TEMPLATES).removesuffix(".") + rng.choice(LESSON_ENDINGS) + "."))
    stem = f"{day.isoformat()}-{_slug(company)}-{_slug(role)}"
    return "\n".join(lines) + "\n", stem
