"""The forms with nothing filled in, for the briefing's download-by-QR, and the dimension headings
that every form prints."""

from pmqa4.core.thai import fiscal_month_labels
from pmqa4.cycles.models import Cycle
from pmqa4.framework.models import Dimension
from pmqa4.reports.models import REPORT_FIELDS

from .form_types import (
    DIRECTION_LABELS,
    FORM1_EXPLANATION,
    FORM1_TITLE,
    FORM2_TITLE,
    FORM3_TITLE,
    FORM4_NOTES,
    FORM4_TITLE,
    ROSTER_TITLE,
    Contact,
    Form1,
    Form1Row,
    Form2,
    Form2Activity,
    Form2Step,
    Form3,
    Form3Sheet,
    Form4,
    Form4Report,
    Heading,
    Roster,
    RosterRow,
    Signature,
)
from .printing import Printer


def dimension_headings(printer: Printer) -> dict[int, Heading]:
    """Every dimension's heading, with the PMQA categories of the configured map."""
    dimensions = Dimension.objects.prefetch_related("categories").order_by("number")
    return {
        d.number: Heading(
            number=d.number,
            label=printer.text(d.number),
            name=d.name_th,
            categories=printer.text(
                "(หมวด " + ",".join(str(c.number) for c in d.categories.all()) + ")"
            ),
        )
        for d in dimensions
    }


BLANK_ROWS = 3


def blank(kind: str, cycle: Cycle, printer: Printer):
    """The form with nothing filled in, for the briefing's download-by-QR: every dimension's
    heading with numbered empty rows (Forms 1, 2), one empty sheet or report (Forms 3, 4)."""
    headings = dimension_headings(printer)
    year = printer.text(cycle.fiscal_year)

    def labels(heading):
        return [printer.text(f"{heading.number}.{n}") for n in range(1, BLANK_ROWS + 1)]

    if kind == "1":
        years = cycle.plan_years
        return Form1(
            unit_name="",
            title=printer.text(
                FORM1_TITLE.format(first=printer.text(years[0]), last=printer.text(years[2]))
            ),
            explanation=printer.text(FORM1_EXPLANATION),
            years=tuple(printer.text(y) for y in years),
            year_values=tuple(years),
            sections=[
                (h, [Form1Row(label, "", (False, False, False), ()) for label in labels(h)])
                for h in headings.values()
            ],
            signature=Signature(),
        )
    if kind == "2":
        steps = [Form2Step(printer.text(n), "", frozenset()) for n in (1, 2)]
        return Form2(
            unit_name="",
            title=printer.text(FORM2_TITLE.format(year=year)),
            year=year,
            year_value=cycle.fiscal_year,
            month_labels=fiscal_month_labels(),
            sections=[
                (h, [Form2Activity(label, "", frozenset(), (), "", steps) for label in labels(h)])
                for h in headings.values()
            ],
            signature=Signature(),
        )
    if kind == "3":
        baseline_years = tuple(cycle.fiscal_year - n for n in (3, 2, 1))
        sheet = empty_sheet(baseline_years, printer)
        return Form3(
            "", printer.text(FORM3_TITLE), year, cycle.fiscal_year, baseline_years, [sheet]
        )
    if kind == "4":
        report = Form4Report(label="", name="", kpis=[], **dict.fromkeys(REPORT_FIELDS, ""))
        return Form4(
            "",
            printer.text(FORM4_TITLE.format(year=year)),
            year,
            [report],
            Signature(),
            tuple(printer.text(note) for note in FORM4_NOTES),
        )
    if kind == "roster":
        rows = [RosterRow(printer.text(n), "", "", "", "", "") for n in range(1, 11)]
        return Roster("", printer.text(ROSTER_TITLE.format(year=year)), year, rows)
    raise ValueError(f"no blank form of kind {kind!r}")


def empty_sheet(baseline_years: tuple[int, int, int], printer: Printer) -> Form3Sheet:
    """A KPI sheet with every field empty, ready to be filled in: the blank Form 3, and the
    workbook of a unit with no KPI yet."""
    empty = Contact("", "", "")
    return Form3Sheet(
        code="",
        name="",
        dimension="",
        dimension_number=None,
        unit_of_measure="",
        calculation="",
        definition="",
        target="",
        target_value=None,
        direction=" / ".join(DIRECTION_LABELS.values()),
        direction_value="",
        baseline_years=tuple(printer.text(y) for y in baseline_years),
        baselines=("", "", ""),
        baseline_values=(None, None, None),
        steps=[(printer.text(n), "", "") for n in range(1, BLANK_ROWS + 1)],
        collection_method="",
        collection_frequency="",
        data_source="",
        supervisor=empty,
        collector=empty,
    )
