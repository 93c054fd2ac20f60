"""The last step of the guided ``reflect log``: the themes found in what was just written,
settled on the spot (see ``reflect review`` for the ones left)."""

from __future__ import annotations

from typing import Any


def offer_suggestions(app: Any, entry: Any) -> None:
    """Show the themes found in the reflection just saved, with why each fired; Enter
    confirms them all, numbers dismiss those, a theme id adds one the engine missed."""
    from reflect.cli.deciding import Decider
    from reflect.errors import UsageError
    from reflect.views.decisions import suggestion

    decider = Decider(app)
    hits = decider.suggestions(entry)
    found = list(dict.fromkeys(h.theme for h in hits))
    themes = decider.themes
    if found:
        app.out.print("\nThemes found in what you wrote (your word on them is final):", markup=False, highlight=False)
    for number, theme in enumerate(found, 1):
        label = themes[theme].label if theme in themes else theme
        app.out.print(suggestion(number, len(found), entry.id, theme, label, [h for h in hits if h.theme == theme], decider.source.said))
    ask = "Enter accepts them all; numbers dismiss those; a theme id adds one: " if found else "No theme found. A theme id adds one (Enter skips): "
    while True:
        try:
            answer = app.out.input("\n" + ask, markup=False).split()
        except (EOFError, KeyboardInterrupt):
            app.note("\nThemes left to decide: reflect review")
            return
        wrong = [a for a in answer if a.isdigit() and not 0 < int(a) <= len(found)]
        if wrong:  # a typo must not confirm every theme: ask again
            app.warn(f"no theme numbered {', '.join(wrong)}: " + (f"the numbers go from 1 to {len(found)}" if found else "there is none to dismiss"))
            continue
        dismiss = [found[int(a) - 1] for a in answer if a.isdigit()]
        added = [a for a in answer if not a.isdigit()]
        try:
            decider.check_themes(added)
        except UsageError as error:
            app.warn(error.message)
            continue
        break
    confirm = [t for t in found if t not in dismiss] + added
    if confirm or dismiss:
        decider.decide(entry.id, confirm=confirm, dismiss=dismiss)
        decider.record("themes")
        app.note(f"Themes settled: {', '.join(confirm) or 'none'}" + (f" (dismissed {', '.join(dismiss)})" if dismiss else ""))
