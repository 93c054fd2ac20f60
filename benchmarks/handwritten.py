"""Reflections written the way a person (or another program) might write TOML by hand.

A second, deliberately different generator from journal.py: the same documented
format (docs/format.md), but the keys in another order, every kind of TOML string
(basic with escapes, literal, multi-line basic and literal), tables written as
headers, inline tables or dotted keys, questions as ``[[questions]]`` or as an
array of inline tables, comments, odd spacing, CRLF line endings, unicode text
and unusual file names. Each file comes with the data it is meant to hold, so a
reader can be checked against ``tomllib`` as well as against reflect.

    python benchmarks/handwritten.py DIRECTORY [COUNT]
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
from pathlib import Path

COMPANIES = ["Acme", "Zürich Analytics", "Kōbō Labs", "Société Générale", "東京データ", "Nordlys AS", "O'Brien & Sons",
             "Raízen Digital", "\"Quoted\" Inc", "Back\\slash Ltd", "شركة البيانات", "Ωmega"]
ROLES = ["Backend Engineer", "Data Scientist", "SRE", "Ingénieur logiciel", "Staff Engineer (Platform)", "QA/Test Lead"]
STAGES = ["recruiter-screen", "phone-screen", "technical", "take-home", "onsite", "final", "other"]
FORMATS = ["in-person", "video", "phone", "async"]
OUTCOMES = ["pending", "advanced", "offer", "rejected", "withdrew", "ghosted"]
STATUSES = ["not-requested", "requested", "received", "declined"]
GAP_KINDS = ["skill", "experience", "culture", "preparation", "delivery"]
Q_KINDS = ["behavioral", "technical", "coding", "system-design", "culture", "about-me", "other"]
NOTES = [
    "I rambled on the design question — never reached the cache layer 😅",
    "Spoke too fast; nerves.\nThen froze on the follow-up about \"exactly-once\" delivery.",
    "Didn't ask them anything at the end.",
    "Salary: said 80k, they had budgeted 110k…",
    "The C:\\temp path question threw me\t(tab inside).",
    "面接官の質問に答えられなかった。準備不足。",
    "Couldn't explain why we used Kafka; said 'it was there already'.",
    "Weak STAR story — no result, no numbers.",
    "Came across as uninterested in the product (naïve of me).",
    "Forgot to follow up for a week.",
    "لم أستعد جيدا للمقابلة",
    "Line one.\n\nLine three after a blank line.",
    "Trailing backslash at the end \\",
    "Ends with a quote \"",
]
LESSONS = ["Answer first, then explain.", "Prepare two stories per competency.", "Research the company’s product.",
           "Ask about the input size before coding.", "Breathe. Slow down.", "Have three questions ready."]


def reflection(rng: random.Random, i: int) -> dict:
    """The data one hand-written file holds (what tomllib should read back)."""
    day = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randint(0, 1800))
    data: dict = {"company": rng.choice(COMPANIES), "role": rng.choice(ROLES), "date": day}
    if rng.random() < 0.6:
        data["schema"] = 1
    for key, values, p in (("stage", STAGES, 0.8), ("format", FORMATS, 0.6), ("outcome", OUTCOMES, 0.8)):
        if rng.random() < p:
            data[key] = rng.choice(values)
    if rng.random() < 0.5:
        data["interviewers"] = rng.sample(["Dana", "José Núñez", "李雷", "O'Neil", "Ana-María"], rng.randint(0, 3))
    if rng.random() < 0.4:
        data["tags"] = rng.sample(["remote", "fintech", "über-startup", "referral"], rng.randint(1, 2))
    data["went_wrong"] = rng.sample(NOTES, rng.randint(0, 4))
    if rng.random() < 0.7:
        data["went_well"] = [f"Good rapport with interviewer #{i}.", "Tests first ✔"][: rng.randint(1, 2)]
    if rng.random() < 0.6:
        data["lessons"] = rng.sample(LESSONS, rng.randint(1, 3))
    if rng.random() < 0.3:
        data["next_steps"] = []
    if rng.random() < 0.4:
        data["fit_notes"] = "Heavy on-call.\nPay 'below market' — still tempted."
    if rng.random() < 0.8:
        data["ratings"] = {k: rng.randint(1, 5) for k in rng.sample(["preparation", "confidence", "performance", "fit", "mood"], rng.randint(1, 5))}
    if rng.random() < 0.7:
        status = rng.choice(STATUSES)
        feedback: dict = {"status": status}
        if status in ("requested", "received"):
            feedback["requested_on"] = day + dt.timedelta(days=1)
        if status == "received":
            feedback["received_on"] = day + dt.timedelta(days=rng.randint(2, 30))
            if rng.random() < 0.7:
                feedback["source"] = rng.choice(["recruiter", "hiring manager", "e-mail"])
            feedback["text"] = rng.choice(["Long-winded answers.", "Strong coder;\nweak on system design.", "«Très bien», mais trop lent."])
        data["feedback"] = feedback
    if rng.random() < 0.5:
        prep: dict = {"hours": rng.choice([0, 1, 2.5, 10, 0.25])}
        if rng.random() < 0.6:
            prep["activities"] = ["LeetCode", "Mock system design"][: rng.randint(0, 2)]
        if rng.random() < 0.4:
            prep["notes"] = "Read their blog;\nskipped the annual report."
        data["prep"] = prep
    if rng.random() < 0.6:
        data["gaps"] = [{"kind": rng.choice(GAP_KINDS), "detail": rng.choice(NOTES)} for _ in range(rng.randint(1, 3))]
        if rng.random() < 0.2:
            data["gaps"].append({"kind": rng.choice(GAP_KINDS)})  # detail is optional
    if rng.random() < 0.8:
        questions = []
        for _ in range(rng.randint(1, 5)):
            q: dict = {"text": rng.choice(["Design a URL shortener", "Reverse a linked list", "Tell me about a conflict",
                                           "Why us?", "Qu'est-ce qui vous motive ?", "Explain\nCAP"])}
            if rng.random() < 0.8:
                q["kind"] = rng.choice(Q_KINDS)
            if rng.random() < 0.6:
                q["stumped"] = rng.random() < 0.5
            if rng.random() < 0.5:
                q["answer_rating"] = rng.randint(1, 5)
            if rng.random() < 0.3:
                q["better_answer"] = "Requirements first,\nthen the data model."
            questions.append(q)
        data["questions"] = questions
    return data


# --- writing -----------------------------------------------------------------------------------


def string(rng: random.Random, value: str) -> str:
    """``value`` as one of TOML's four kinds of string, chosen at random among those that fit."""
    choices = ["basic"]
    if "'" not in value and "\n" not in value and "\r" not in value:
        choices.append("literal")
    if '"""' not in value and not value.endswith('"'):
        choices.append("multi-basic")
    if "'''" not in value and "\r" not in value and not value.endswith("'") and "\t" not in value:
        choices.append("multi-literal")
    kind = rng.choice(choices)
    if kind == "literal":
        return f"'{value}'"
    if kind == "multi-literal":
        return "'''\n" + value + "'''" if rng.random() < 0.5 else "'''" + value + "'''"
    if kind == "multi-basic":
        body = value.replace("\\", "\\\\")
        if rng.random() < 0.3 and " " in body:
            # a line-ending backslash: the newline and the next line's leading spaces vanish
            head, tail = body.split(" ", 1)
            body = f"{head} \\\n      {tail}"
        return '"""\n' + body + '"""' if rng.random() < 0.5 else '"""' + body + '"""'
    out = []
    for ch in value:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) > 127 and rng.random() < 0.3:
            out.append(f"\\u{ord(ch):04X}" if ord(ch) < 0x10000 else f"\\U{ord(ch):08X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def value(rng: random.Random, v: object, inline: bool = False) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v) if rng.random() < 0.85 else f"+{v}"
    if isinstance(v, float):
        return rng.choice([repr(v), f"{v:e}"])
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, str):
        return string(rng, v)
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{key(rng, k)} = {value(rng, x, True)}" for k, x in v.items()) + " }"
    if isinstance(v, list):
        if not v:
            return rng.choice(["[]", "[ ]", "[\n]"])
        if inline or rng.random() < 0.5:
            return "[" + ", ".join(value(rng, x, True) for x in v) + "]"
        items = "".join(f"  {value(rng, x, True)},{'  # item' if rng.random() < 0.3 else ''}\n" for x in v)
        return "[\n" + items + "]"
    raise TypeError(v)


def key(rng: random.Random, k: str) -> str:
    return rng.choice([k, k, k, f'"{k}"', f"'{k}'"])


def comment(rng: random.Random) -> str:
    return rng.choice(["", "", "# written by hand\n", "#no space after the hash\n", "   # indented comment — ünïcode\n"])


def render(rng: random.Random, data: dict) -> str:
    """TOML text for ``data``, in a style picked at random."""
    scalars = [k for k, v in data.items() if not isinstance(v, dict) and k not in ("gaps", "questions")]
    tables = [k for k in ("ratings", "feedback", "prep") if k in data]
    rng.shuffle(scalars)
    rng.shuffle(tables)
    eq = rng.choice([" = ", "=", "  =  ", "\t= "])
    parts = [rng.choice(["", "# Interview notes\n", "#!/not/a/shebang, only a comment\n\n"])]
    dotted = [t for t in tables if rng.random() < 0.25]
    inline = [t for t in tables if t not in dotted and rng.random() < 0.3]
    headed = [t for t in tables if t not in dotted and t not in inline]
    for k in scalars:
        parts.append(comment(rng) + f"{key(rng, k)}{eq}{value(rng, data[k])}" + rng.choice(["", "", "  # note"]) + "\n")
    for t in dotted:
        for k, v in data[t].items():
            parts.append(f"{t}.{key(rng, k)}{eq}{value(rng, v)}\n")
    for t in inline:
        parts.append(f"{t}{eq}{value(rng, data[t], True)}\n")
    questions_inline = "questions" in data and rng.random() < 0.3
    if questions_inline:
        items = ",\n".join("  " + value(rng, q, True) for q in data["questions"])
        parts.append(f"questions{eq}[\n{items}\n]\n")
    for t in headed:
        parts.append("\n" + rng.choice([f"[{t}]", f"[ {t} ]", f'["{t}"]']) + rng.choice(["", "  # table"]) + "\n")
        indent = rng.choice(["", "  ", "\t"])
        for k, v in data[t].items():
            parts.append(f"{indent}{key(rng, k)}{eq}{value(rng, v)}\n")
    for name in ("gaps", "questions"):
        if name not in data or (name == "questions" and questions_inline):
            continue
        for item in data[name]:
            parts.append("\n" + comment(rng) + rng.choice([f"[[{name}]]", f"[[ {name} ]]"]) + "\n")
            fields = list(item.items())
            rng.shuffle(fields)
            for k, v in fields:
                parts.append(f"{key(rng, k)}{eq}{value(rng, v)}\n")
    text = "".join(parts)
    if rng.random() < 0.2:
        text = text.replace("\n", "\r\n")
    return text


def file_name(rng: random.Random, data: dict, i: int) -> str:
    style = rng.random()
    if style < 0.15:
        return f"interview {i} – {data['company']}.toml"  # spaces, a dash and unicode in the name
    if style < 0.25:
        return f"{i:04d}.toml"
    return f"{data['date'].isoformat()}-hand-{i:04d}.toml"


def generate(directory: Path, count: int = 200, seed: int = 7) -> dict[str, dict]:
    """Write ``count`` hand-style files into ``directory``; returns file name -> intended data."""
    rng = random.Random(seed)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    written: dict[str, dict] = {}
    for i in range(count):
        data = reflection(rng, i)
        name = file_name(rng, data, i)
        fd = os.open(directory / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(render(rng, data))
        written[name] = data
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1])
    made = generate(target, int(sys.argv[2]) if len(sys.argv) > 2 else 200)
    print(f"wrote {len(made)} files to {target}")
