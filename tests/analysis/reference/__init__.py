"""A frozen copy of the theme matcher as it was before it was made faster
(``reflect.analysis.text``, ``themes`` and ``classifier`` at that time, imports
pointed here). Slow and plain on purpose: tests/analysis/test_themes_reference.py
checks that the fast code gives exactly the same results. Never optimise these
files; if the matcher's *behaviour* is meant to change, change both, together.
"""
