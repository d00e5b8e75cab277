"""The summary's charts, drawn on the server as PNG so that they print in Word and PDF alike.

matplotlib draws with the bundled Sarabun, so Thai labels come out right without a system font.
"""

import io
from decimal import Decimal
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from .printing import Printer
from .summary import Summary

FONTS = Path(__file__).resolve().parent / "fonts"
for _face in ("Sarabun-Regular.ttf", "Sarabun-Bold.ttf"):
    font_manager.fontManager.addfont(str(FONTS / _face))

BLUE = "#1f4e79"
ORANGE = "#d9822b"
GREY = "#7f7f7f"
SIZE = (6.4, 3.2)
DPI = 150


def _figure(printer: Printer, *axis_names: str):
    """A figure whose named axes number their ticks in the document's numerals."""
    figure = Figure(figsize=SIZE, dpi=DPI, layout="constrained")
    axes = figure.subplots()
    axes.spines[["top", "right"]].set_visible(False)
    numbered = FuncFormatter(lambda value, _pos: printer.text(f"{value:g}"))
    for name in axis_names:
        getattr(axes, f"{name}axis").set_major_formatter(numbered)
    return figure, axes


def _png(figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def _style():
    return matplotlib.rc_context({"font.family": "Sarabun", "font.size": 10})


def score_bands(summary: Summary, printer: Printer) -> bytes:
    with _style():
        figure, axes = _figure(printer, "y")
        bands = summary.score_bands()
        positions = range(len(bands))
        axes.bar(
            [p - 0.2 for p in positions], [b[1] for b in bands], 0.4, color=ORANGE, label="รอบที่ ๑"
        )
        axes.bar([p + 0.2 for p in positions], [b[2] for b in bands], 0.4, color=BLUE, label="ทั้งปี")
        axes.set_xticks(list(positions), [printer.text(b[0]) for b in bands])
        axes.set_xlabel("ช่วงคะแนน")
        axes.set_ylabel("จำนวนหน่วยงาน")
        axes.set_title("การกระจายของคะแนน (รอบที่ ๑ เต็ม ๓ คะแนน ทั้งปีเต็ม ๕ คะแนน)")
        axes.legend(frameon=False)
        return _png(figure)


def coverage(summary: Summary, printer: Printer) -> bytes:
    with _style():
        figure, axes = _figure(printer, "x")
        counts = summary.dimension_coverage()
        labels = [printer.text(f"มิติที่ {n}") for n, _name, _c in summary.dimensions]
        axes.barh(
            labels[::-1], [counts[n] for n, _name, _c in summary.dimensions][::-1], color=BLUE
        )
        axes.axvline(len(summary.rows), color=GREY, linestyle="--", linewidth=1)
        axes.set_xlabel("จำนวนหน่วยงานที่มีกิจกรรมในมิติ")
        axes.set_title(printer.text(f"ความครอบคลุมมิติ (หน่วยงานทั้งหมด {len(summary.rows)} แห่ง)"))
        return _png(figure)


def _histogram(values, threshold: Decimal, title: str, xlabel: str, printer: Printer) -> bytes:
    with _style():
        figure, axes = _figure(printer, "x", "y")
        capped = [min(float(v), 150.0) for v in values]
        axes.hist(capped, bins=range(0, 155, 10), color=BLUE, edgecolor="white")
        axes.axvline(float(threshold), color=ORANGE, linewidth=2, label="เกณฑ์")
        axes.set_xlabel(xlabel)
        axes.set_ylabel("จำนวน")
        axes.set_title(title)
        axes.legend(frameon=False)
        return _png(figure)


def kpi_achievement(summary: Summary, printer: Printer) -> bytes:
    reached = summary.kpis_reaching()
    title = printer.text(
        f"ผลสำเร็จตัวชี้วัด: ถึงเกณฑ์ {reached} จาก {len(summary.kpi_achievements)} ตัวชี้วัด"
    )
    return _histogram(
        summary.kpi_achievements, summary.kpi_threshold, title, "ร้อยละของค่าเป้าหมาย", printer
    )


def attendance(summary: Summary, printer: Printer) -> bytes:
    rates = [r.attendance for r in summary.rows if r.attendance is not None]
    title = printer.text(
        f"การเข้าร่วมประชุม: ถึงเกณฑ์ {summary.attendance_reaching()} จาก {len(rates)} หน่วยงาน"
    )
    return _histogram(rates, summary.attendance_threshold, title, "ร้อยละการเข้าร่วม", printer)


def charts(summary: Summary, printer: Printer) -> dict[str, bytes]:
    return {
        "scores": score_bands(summary, printer),
        "coverage": coverage(summary, printer),
        "kpis": kpi_achievement(summary, printer),
        "attendance": attendance(summary, printer),
    }
