"""The fast JSON writer gives exactly the text of json.dumps(indent=2, ensure_ascii=False, default=str)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reflect.views.jsontext import Records, dump, dumps
from reflect.vocab import Outcome


def reference(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, default=str)


scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
documents = st.recursive(scalars, lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=30)


@given(documents)
def test_same_text_as_json_dumps(data):
    assert dumps(data) == reference(data)
    pieces: list[str] = []
    dump(data, pieces.append)
    assert "".join(pieces) == reference(data)


def test_dates_enums_tuples_and_odd_keys_read_as_json_writes_them():
    data = {"when": dt.date(2026, 1, 2), "outcome": Outcome.REJECTED, "pair": (1, "x"), 3: [], None: {}, 1.5: [dt.date(2020, 1, 1)]}
    assert dumps(data) == reference(data)


def test_a_key_json_refuses_is_refused():
    with pytest.raises(TypeError):
        dumps({(1, 2): 3})


def test_large_output_comes_in_pieces():
    data = [{"id": str(n), "text": "x" * 10, "nested": {"n": n}} for n in range(20000)]
    pieces: list[str] = []
    dump(data, pieces.append)
    assert len(pieces) > 1 and "".join(pieces) == reference(data)


records = st.lists(st.dictionaries(st.text(), scalars, min_size=1, max_size=6), min_size=1, max_size=8)


@given(records, st.integers(min_value=1, max_value=3))
def test_records_read_as_the_list_of_dicts_they_are(rows, chunk):
    import reflect.views.jsontext as jsontext

    jsontext.RECORDS_CHUNK, saved = chunk, jsontext.RECORDS_CHUNK  # rows split between C calls too
    try:
        for data in (Records(rows), {"a": [Records(rows), 1], "evidence": Records(rows)}):
            plain = json.loads(json.dumps(data))
            assert dumps(data) == reference(plain)
    finally:
        jsontext.RECORDS_CHUNK = saved


def test_many_records_with_braces_and_new_lines_in_their_text():
    rows = [{"id": f"r{n}", "text": "},\n    {" * (n % 3), "n": n, "x": None if n % 2 else 1.5} for n in range(5000)]
    pieces: list[str] = []
    dump({"evidence": Records(rows)}, pieces.append)
    assert "".join(pieces) == reference({"evidence": rows})
