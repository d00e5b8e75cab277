"""The Gantt chart's layout maths (pmqa4/cycles/gantt.py), without a database."""

import datetime as dt

import pytest

from pmqa4.core.thai import fiscal_month_labels
from pmqa4.cycles import gantt

D = dt.date
FIRST, LAST = D(2024, 10, 1), D(2025, 9, 30)  # FY2568: 365 days
SCALE = gantt.Scale(FIRST, LAST)
WIDTH = gantt.CHART_RIGHT - gantt.CHART_LEFT


def window(**overrides):
    fields = dict(
        label="ขั้นตอนที่ ๑",
        note="",
        opens_on=D(2024, 11, 1),
        due_on=D(2024, 11, 29),
        tone="primary",
        title="ขั้นตอนที่ ๑ ส่งรายชื่อทีมงาน PMQA Team",
    )
    return gantt.Window(**(fields | overrides))


def chart(today, windows=(), rounds=(), meetings=()):
    return gantt.layout(
        first=FIRST,
        last=LAST,
        windows=list(windows),
        rounds=list(rounds),
        meetings=list(meetings),
        today=today,
        rounds_label="รอบการประเมิน",
        meetings_label="การประชุม/กิจกรรม",
    )


def test_the_year_spans_the_chart_day_by_day():
    assert SCALE.days == 365
    assert SCALE.start(FIRST) == gantt.CHART_LEFT
    assert SCALE.end(LAST) == pytest.approx(gantt.CHART_RIGHT)
    # 1 April 2025 begins after 182 days (Oct 31 + Nov 30 + Dec 31 + Jan 31 + Feb 28 + Mar 31)
    assert SCALE.start(D(2025, 4, 1)) == pytest.approx(gantt.CHART_LEFT + WIDTH * 182 / 365)


def test_dates_outside_the_year_sit_at_its_edges():
    assert SCALE.start(D(2024, 9, 1)) == gantt.CHART_LEFT
    assert SCALE.end(D(2025, 12, 1)) == pytest.approx(gantt.CHART_RIGHT)


def test_months_run_october_to_september_as_wide_as_their_days():
    months = gantt.month_bands(SCALE)
    assert [m.label for m in months] == list(fiscal_month_labels())
    assert months[0].label == "ต.ค." and months[-1].label == "ก.ย."
    october, february = months[0], months[4]
    assert october.width == pytest.approx(WIDTH * 31 / 365, abs=0.1)
    assert february.width == pytest.approx(WIDTH * 28 / 365, abs=0.1)
    assert sum(m.width for m in months) == pytest.approx(WIDTH, abs=0.5)


def test_the_years_are_buddhist_era_split_at_january():
    years = gantt.year_bands(SCALE)
    assert [y.label for y in years] == ["พ.ศ. 2567", "พ.ศ. 2568"]
    assert years[1].x == pytest.approx(SCALE.start(D(2025, 1, 1)), abs=0.1)


def test_todays_line_is_at_the_middle_of_today():
    # 1 April 2025, noon: 182.5 of 365 days, exactly half way across the chart
    line = chart(D(2025, 4, 1)).today
    assert line.x == pytest.approx(gantt.CHART_LEFT + WIDTH / 2, abs=0.05)
    assert line.label == "วันนี้ 1 เม.ย. 68"
    first_day = chart(FIRST).today
    assert first_day.x == pytest.approx(gantt.CHART_LEFT + WIDTH / 365 / 2, abs=0.05)
    # the label stays inside the chart on the last day
    last_day = chart(LAST).today
    assert last_day.label_left + last_day.label_width <= gantt.CHART_RIGHT + 0.1


def test_no_today_line_outside_the_year():
    assert chart(D(2025, 10, 1)).today is None
    assert chart(D(2024, 9, 30)).today is None


def test_a_step_bar_runs_from_its_opening_to_the_end_of_its_due_day():
    row = chart(FIRST, [window()]).rows[0]
    (bar,) = row.rects
    assert bar.x == pytest.approx(SCALE.start(D(2024, 11, 1)), abs=0.1)
    assert bar.x + bar.width == pytest.approx(SCALE.end(D(2024, 11, 29)), abs=0.2)
    due = next(s for s in row.shapes if s.kind == "diamond")
    assert due.x == pytest.approx(SCALE.end(D(2024, 11, 29)), abs=0.1)
    assert due.title == "กำหนดส่ง 29 พฤศจิกายน 2567"
    (label,) = row.texts
    assert label.text == "ส่ง 29 พ.ย. 67" and label.anchor == "start" and label.x > due.x


def test_a_label_that_would_leave_the_chart_goes_before_the_bar():
    row = chart(FIRST, [window(opens_on=D(2025, 9, 15), due_on=D(2025, 9, 30))]).rows[0]
    (label,) = row.texts
    assert label.anchor == "end"
    assert label.x < row.rects[0].x


def test_an_extension_adds_an_orange_stretch_after_the_cycles_due_date():
    ext = window(due_on=D(2024, 12, 6), original_due_on=D(2024, 11, 29))
    row = chart(FIRST, [ext]).rows[0]
    own, extra = row.rects
    assert own.x + own.width == pytest.approx(SCALE.end(D(2024, 11, 29)), abs=0.2)
    assert extra.fill == gantt.EXTENDED and extra.dashed
    assert extra.x + extra.width == pytest.approx(SCALE.end(D(2024, 12, 6)), abs=0.2)
    titles = [s.title for s in row.shapes]
    assert "กำหนดส่งเดิม 29 พฤศจิกายน 2567" in titles
    assert "กำหนดส่ง 6 ธันวาคม 2567" in titles
    assert row.texts[0].text == "ขยายถึง 6 ธ.ค. 67"


def test_other_units_extensions_are_marked_on_the_cycles_row():
    marked = window(extended=((D(2024, 12, 6), "OPS-AAA กองทดสอบเอ"),))
    (triangle,) = [s for s in chart(FIRST, [marked]).rows[0].shapes if s.kind == "triangle"]
    assert triangle.x == pytest.approx(SCALE.end(D(2024, 12, 6)), abs=0.1)
    assert triangle.title == "OPS-AAA กองทดสอบเอ"


def test_a_step_without_an_opening_date_is_a_line_to_its_due_date():
    row = chart(FIRST, [window(opens_on=None)]).rows[0]
    (line,) = row.rects
    assert line.height == 2 and line.x == gantt.CHART_LEFT


def test_meetings_are_numbered_and_close_ones_step_apart():
    days = [D(2024, 12, 20), D(2025, 2, 14), D(2025, 2, 15)]
    meetings = [gantt.Event(day, f"ครั้งที่ {n}", filled=n != 3) for n, day in enumerate(days, 1)]
    row = chart(FIRST, meetings=meetings).rows[-1]
    assert [s.text for s in row.shapes] == ["1", "2", "3"]
    lone, first, second = row.shapes
    assert lone.y == row.y + gantt.ROW / 2
    assert first.y < lone.y < second.y  # the two a day apart do not cover each other
    assert second.fill == "#ffffff"  # not counted: an open circle


def test_rounds_are_diamonds_with_their_dates():
    rounds = [
        gantt.Event(D(2025, 3, 31), "รอบ 1", "รอบที่ 1 · 31 มี.ค. 68"),
        gantt.Event(D(2025, 9, 30), "รอบ 2", "รอบที่ 2 · 30 ก.ย. 68"),
    ]
    row = chart(FIRST, rounds=rounds).rows[-2]
    assert [s.x for s in row.shapes] == [
        pytest.approx(SCALE.middle(D(2025, 3, 31)), abs=0.1),
        pytest.approx(SCALE.middle(D(2025, 9, 30)), abs=0.1),
    ]
    assert [t.anchor for t in row.texts] == ["start", "end"]  # the last one reads leftwards


def test_rows_stack_under_the_header_and_the_height_fits_them():
    g = chart(D(2025, 4, 1), [window(), window()])
    assert [r.y for r in g.rows] == [gantt.HEADER + i * gantt.ROW for i in range(4)]
    assert g.height == g.rows_bottom + gantt.FOOTER
    assert g.today.bottom <= g.height - 22


def test_thai_marks_above_and_below_take_no_width():
    assert gantt.text_width("กี่") == gantt.text_width("ก")
