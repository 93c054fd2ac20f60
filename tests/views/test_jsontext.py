"""The fast JSON writer gives exactly the text of json.dumps(indent=2, ensure_ascii=False, default=str)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reflect.views.jsontext import Table, dump, dumps
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


columns = st.lists(st.text(), min_size=1, max_size=6, unique=True)


@given(columns.flatmap(lambda names: st.tuples(st.just(names), st.lists(st.lists(st.text(), min_size=len(names), max_size=len(names)), max_size=8))), st.integers(min_value=1, max_value=3))
def test_a_table_reads_as_the_list_of_dicts_it_stands_for(table, chunk):
    import reflect.views.jsontext as jsontext

    names, rows = table
    jsontext.TABLE_CHUNK, saved = chunk, jsontext.TABLE_CHUNK  # rows split between chunks too
    try:
        plain = [dict(zip(names, row)) for row in rows]
        for data, expected in ((Table(names, rows), plain), ({"a": [Table(names, rows), 1], "evidence": Table(names, rows)}, {"a": [plain, 1], "evidence": plain})):
            assert dumps(data) == reference(expected)
    finally:
        jsontext.TABLE_CHUNK = saved


def test_a_table_with_other_values_and_percent_signs_reads_the_same():
    names = ["id", "100%", "%s", "n"]
    rows = [(f"r{n}", "},\n    {" * (n % 3), "%d %s", n if n % 7 else None) for n in range(5000)]
    pieces: list[str] = []
    dump({"evidence": Table(names, rows)}, pieces.append)
    assert "".join(pieces) == reference({"evidence": [dict(zip(names, row)) for row in rows]})


def test_a_table_refuses_rows_of_the_wrong_width_and_json_refuses_a_table():
    with pytest.raises(ValueError, match="2 values under 3 columns"):
        dumps(Table(["a", "b", "c"], [("x", "y", "z"), ("x", "y")]))
    with pytest.raises(TypeError):
        json.dumps(Table(["a"], [("x",)]))
