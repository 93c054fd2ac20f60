from reflect.views.charts import FULL, bar, sparkline


def test_bar_scales_and_never_hides_a_nonzero_value():
    assert bar(5, 5, 10) == FULL * 10
    assert bar(2.5, 5, 10) == FULL * 5
    assert bar(0.01, 5, 10) != ""
    assert bar(0, 5, 10) == ""


def test_sparkline_marks_gaps_and_orders_levels():
    line = sparkline([1, None, 3, 5])
    assert len(line) == 4 and line[1] == "\u00b7"
    assert line[0] < line[2] < line[3]
