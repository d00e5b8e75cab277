"""Where each bar, marker and label of the timeline's Gantt chart goes: pure layout maths.

The chart is inline SVG drawn on the server: no JavaScript, and no style="" attributes (the
Content-Security-Policy's style-src has no 'unsafe-inline'), so every position and colour is an
SVG attribute computed here. Input is plain data (dates and Thai text already chosen by
pmqa4.cycles.timeline), so the same layout prints to PDF and is tested without a database.

The x axis is days: the fiscal year's first day starts at ``CHART_LEFT`` and its last day ends
at ``CHART_RIGHT``; a month is as wide as it has days. A due date lasts its whole day, so a bar
ends at the end of its due day; a point in time (a meeting, an assessment, today) is drawn at the
middle of its day.
"""

import datetime as dt
import unicodedata
from dataclasses import dataclass, field, replace

from django.utils.translation import gettext as _

from pmqa4.core.fiscal import be_year
from pmqa4.core.thai import format_be_date, month_name

WIDTH = 1200
LABEL_LEFT = 12
CHART_LEFT = 312.0
CHART_RIGHT = 1184.0
YEAR_BAND = 24  # the B.E. year band at the top
MONTH_BAND = 26  # the month names under it
HEADER = YEAR_BAND + MONTH_BAND
ROW = 48
FOOTER = 34  # room for today's label under the rows
FONT_SIZE = 13
SMALL = 11.5

# Bootstrap colour name → (fill, stroke, text on the fill); text on light fills is dark.
TONES = {
    "primary": ("#0d6efd", "#0a58ca", "#ffffff"),
    "secondary": ("#6c757d", "#565e64", "#ffffff"),
    "success": ("#198754", "#146c43", "#ffffff"),
    "danger": ("#dc3545", "#b02a37", "#ffffff"),
    "warning": ("#ffc107", "#cc9a06", "#212529"),
    "info": ("#0dcaf0", "#087990", "#212529"),
    "light": ("#cfe2ff", "#6ea8fe", "#052c65"),
}
INK = "#212529"
MUTED = "#495057"
GRID = "#ced4da"
SHADE = "#f3f5f8"
TODAY = "#c1121f"
EXTENDED = "#fd7e14"


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """Roughly how wide ``text`` is in Sarabun: Thai vowels and tone marks above or below a
    consonant (combining marks) take no width of their own."""
    glyphs = sum(1 for ch in text if unicodedata.category(ch) != "Mn")
    return glyphs * size * 0.56


def _f(value: float) -> float:
    return round(value, 1)


@dataclass(frozen=True)
class Scale:
    """Days of the fiscal year → x positions between ``left`` and ``right``."""

    first: dt.date
    last: dt.date
    left: float = CHART_LEFT
    right: float = CHART_RIGHT

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def day_width(self) -> float:
        return (self.right - self.left) / self.days

    def start(self, day: dt.date) -> float:
        """Where ``day`` begins, clamped to the chart (a date outside the year sits at an edge)."""
        offset = min(max((day - self.first).days, 0), self.days)
        return self.left + offset * self.day_width

    def end(self, day: dt.date) -> float:
        return self.start(day + dt.timedelta(days=1))

    def middle(self, day: dt.date) -> float:
        return self.start(day) + self.day_width / 2

    def contains(self, day: dt.date) -> bool:
        return self.first <= day <= self.last


# What the chart is given ------------------------------------------------------------------


@dataclass(frozen=True)
class Window:
    """A step as the chart draws it: its window, the due date this viewer has, and its tone."""

    label: str
    note: str
    opens_on: dt.date | None
    due_on: dt.date
    tone: str
    title: str = ""
    original_due_on: dt.date | None = None  # the cycle's date, when ``due_on`` is an extension
    extended: tuple[tuple[dt.date, str], ...] = ()  # (date, who): others' extensions to mark
    due_label: str = ""  # the text by the due date, when "ส่ง <date>" does not fit the step


@dataclass(frozen=True)
class Event:
    """A day on the chart: a round's assessment or a meeting."""

    day: dt.date
    title: str
    text: str = ""
    filled: bool = True


# What the template draws ------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    text: str
    anchor: str = "start"
    fill: str = INK
    size: float = FONT_SIZE
    bold: bool = False


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    fill: str
    stroke: str = "none"
    title: str = ""
    dashed: bool = False


@dataclass(frozen=True)
class Shape:
    """A diamond, triangle or circle: ``points`` for polygons, ``r`` for circles."""

    kind: str
    x: float
    y: float
    fill: str
    stroke: str
    title: str
    points: str = ""
    r: float = 0
    text: str = ""


@dataclass
class Row:
    y: float
    label: str
    note: str
    shaded: bool
    rects: list[Rect] = field(default_factory=list)
    shapes: list[Shape] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)

    @property
    def label_y(self) -> float:
        return _f(self.y + ROW / 2 - (3 if self.note else -4))

    @property
    def note_y(self) -> float:
        return _f(self.y + ROW / 2 + 14)

    @property
    def bottom(self) -> float:
        return self.y + ROW


@dataclass(frozen=True)
class Band:
    """A month or a year across the top: its span and its centred label."""

    x: float
    width: float
    label: str

    @property
    def centre(self) -> float:
        return _f(self.x + self.width / 2)


@dataclass(frozen=True)
class TodayLine:
    x: float
    top: float
    bottom: float
    label: str
    label_x: float
    label_width: float

    @property
    def label_left(self) -> float:
        return _f(self.label_x - self.label_width / 2)


@dataclass
class Gantt:
    width: int
    height: float
    years: list[Band]
    months: list[Band]
    rows: list[Row]
    today: TodayLine | None
    chart_left: float = CHART_LEFT
    chart_right: float = CHART_RIGHT
    header: int = HEADER
    label_left: int = LABEL_LEFT
    row_height: int = ROW
    year_band: int = YEAR_BAND

    @property
    def rows_bottom(self) -> float:
        return self.rows[-1].bottom if self.rows else HEADER

    @property
    def month_lines(self) -> list[float]:
        return [m.x for m in self.months[1:]]


# Layout -----------------------------------------------------------------------------------


def month_bands(scale: Scale) -> list[Band]:
    """ต.ค. … ก.ย.: one band per calendar month the year touches, as wide as its days."""
    bands, day = [], scale.first
    while day <= scale.last:
        following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
        last = min(following - dt.timedelta(days=1), scale.last)
        x = scale.start(day)
        bands.append(Band(_f(x), _f(scale.end(last) - x), month_name(day.month, short=True)))
        day = following
    return bands


def year_bands(scale: Scale) -> list[Band]:
    """พ.ศ. 2567 over October–December, พ.ศ. 2568 over January–September (for FY2568)."""
    bands, day = [], scale.first
    while day <= scale.last:
        last = min(dt.date(day.year, 12, 31), scale.last)
        x = scale.start(day)
        bands.append(
            Band(_f(x), _f(scale.end(last) - x), _("พ.ศ. %(year)s") % {"year": be_year(day.year)})
        )
        day = dt.date(day.year + 1, 1, 1)
    return bands


def _short(day: dt.date) -> str:
    return format_be_date(day, "short2")


def _label_beside(row_y: float, left: float, right: float, text: str, fill: str) -> Text:
    """A bar's label: after the bar if it fits, else before it, else inside its end."""
    width = text_width(text, SMALL)
    y = _f(row_y + ROW / 2 + 4)
    if right + 8 + width <= CHART_RIGHT:
        return Text(_f(right + 8), y, text, "start", fill, SMALL)
    if left - 8 - width >= CHART_LEFT:
        return Text(_f(left - 8), y, text, "end", fill, SMALL)
    return Text(_f(right - 6), y, text, "end", fill, SMALL, bold=True)


def _polygon(kind: str, x: float, y: float, size: float, fill: str, stroke: str, title: str):
    """A diamond (a date) or a small triangle (another unit's extension) centred on x, y."""
    if kind == "diamond":
        corners = ((x, y - size), (x + size, y), (x, y + size), (x - size, y))
    else:
        corners = ((x, y - size), (x + size, y + size), (x - size, y + size))
    points = " ".join(f"{_f(px)},{_f(py)}" for px, py in corners)
    return Shape(kind, _f(x), _f(y), fill, stroke, title, points)


def _bar(left: float, right: float, y: float, height: float, fill, stroke, title, dashed=False):
    return Rect(_f(left), _f(y), _f(max(right - left, 2)), height, fill, stroke, title, dashed)


def window_row(scale: Scale, window: Window, y: float, shaded: bool) -> Row:
    """The step's window as a bar ending at its due date (a diamond); where this viewer's date
    is an extension, the extra days are an orange stretch after the cycle's own date."""
    fill, stroke, on_fill = TONES.get(window.tone, TONES["primary"])
    row = Row(y, window.label, window.note, shaded)
    mid, bar_y = y + ROW / 2, y + ROW / 2 - 9
    due_x = scale.end(window.due_on)
    cut = window.original_due_on  # the cycle's due date, where this viewer's is extended
    start = scale.start(window.opens_on) if window.opens_on else None
    if start is not None:
        own_end = scale.end(cut) if cut else due_x
        row.rects.append(_bar(start, own_end, bar_y, 18, fill, stroke, window.title))
    if cut:
        ext_start = scale.end(cut)
        row.rects.append(
            _bar(ext_start, due_x, bar_y, 18, EXTENDED, "#ca6510", window.title, dashed=True)
        )
        was = _("กำหนดส่งเดิม %(day)s") % {"day": format_be_date(cut, "long")}
        row.shapes.append(_polygon("diamond", ext_start, mid, 6, "#ffffff", INK, was))
    elif start is None:  # no opening date: a thin line from the year's start to the due date
        row.rects.append(_bar(scale.left, due_x, mid - 1, 2, GRID, "none", window.title))
    due = _("กำหนดส่ง %(day)s") % {"day": format_be_date(window.due_on, "long")}
    row.shapes.append(_polygon("diamond", due_x, mid, 7, INK, "#ffffff", due))
    for day, who in window.extended:
        row.shapes.append(
            _polygon("triangle", scale.end(day), y + ROW - 9, 5, EXTENDED, "#ca6510", who)
        )
    template = _("ขยายถึง %(day)s") if cut else _("ส่ง %(day)s")
    left = start if start is not None else due_x
    text = window.due_label or template % {"day": _short(window.due_on)}
    row.texts.append(_label_beside(y, left, due_x + 6, text, INK))
    if row.texts[-1].bold:  # inside the bar: the text takes the bar's own contrasting colour
        row.texts[-1] = replace(row.texts[-1], fill=INK if cut else on_fill)
    return row


def rounds_row(scale: Scale, events: list[Event], y: float, label: str, shaded: bool) -> Row:
    """A purple diamond on each assessment day, its label after it (before it near the end)."""
    row = Row(y, label, "", shaded)
    for event in events:
        x = scale.middle(event.day)
        row.shapes.append(_polygon("diamond", x, y + ROW / 2, 8, "#6f42c1", "#4c2889", event.title))
        fits = x + 12 + text_width(event.text, SMALL) <= CHART_RIGHT
        anchor, at = ("start", x + 12) if fits else ("end", x - 12)
        row.texts.append(Text(_f(at), _f(y + ROW / 2 + 4), event.text, anchor, INK, SMALL))
    return row


def meetings_row(scale: Scale, events: list[Event], y: float, label: str, shaded: bool) -> Row:
    """Numbered circles (the numbers of the meetings table). Meetings too close to tell apart
    form a cluster whose circles step up and down in turn."""
    row = Row(y, label, "", shaded)
    radius = 8.0
    clusters: list[list[tuple[int, Event, float]]] = []
    for number, event in enumerate(events, start=1):
        x = scale.middle(event.day)
        if clusters and x - clusters[-1][-1][2] < radius * 2 + 1:
            clusters[-1].append((number, event, x))
        else:
            clusters.append([(number, event, x)])
    for cluster in clusters:
        for position, (number, event, x) in enumerate(cluster):
            lift = 0 if len(cluster) == 1 else (-8 if position % 2 == 0 else 8)
            row.shapes.append(
                Shape(
                    "circle",
                    _f(x),
                    _f(y + ROW / 2 + lift),
                    "#13315c" if event.filled else "#ffffff",
                    "#13315c",
                    event.title,
                    r=radius,
                    text=str(number),
                )
            )
    return row


def today_line(scale: Scale, today: dt.date, bottom: float) -> TodayLine | None:
    if not scale.contains(today):
        return None
    x = scale.middle(today)
    label = _("วันนี้ %(day)s") % {"day": format_be_date(today, "short2")}
    width = text_width(label, SMALL) + 14
    label_x = min(max(x, CHART_LEFT + width / 2), CHART_RIGHT - width / 2)
    return TodayLine(_f(x), HEADER, _f(bottom + 4), label, _f(label_x), _f(width))


def layout(
    *,
    first: dt.date,
    last: dt.date,
    windows: list[Window],
    rounds: list[Event],
    meetings: list[Event],
    today: dt.date,
    rounds_label: str,
    meetings_label: str,
) -> Gantt:
    """The whole chart: the header bands, one row per step, the rounds, the meetings, today."""
    scale = Scale(first, last)
    rows, y = [], float(HEADER)
    for index, window in enumerate(windows):
        rows.append(window_row(scale, window, y, index % 2 == 1))
        y += ROW
    rows.append(rounds_row(scale, rounds, y, rounds_label, len(rows) % 2 == 1))
    y += ROW
    rows.append(meetings_row(scale, meetings, y, meetings_label, len(rows) % 2 == 1))
    y += ROW
    line = today_line(scale, today, y)
    return Gantt(
        width=WIDTH,
        height=_f(y + (FOOTER if line else 2)),  # room for today's label only when it is drawn
        years=year_bands(scale),
        months=month_bands(scale),
        rows=rows,
        today=line,
    )
