"""The matrix's table rows as HTML, written in Python.

900 units × 5 columns through the template language took most of the page's time (tens of
thousands of variable lookups); the same markup from format_html is ten times faster. Every
value is escaped by format_html; the words are translated here like in a template.
"""

from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from pmqa4.core.thai import format_be_date

from .matrix import MARKER, Matrix
from .tables import Table, cell_text


def _cell(cell, words) -> SafeString:
    note = format_html('<span class="dash-note">{}</span>', cell.note) if cell.note else ""
    extended = ""
    if cell.extended:
        extended = format_html(
            '<span class="extended-note"><i class="bi bi-calendar-plus" aria-hidden="true"></i>'
            "{}</span>",
            words["extended"] % {"due": format_be_date(cell.due_on, "short")},
        )
    return format_html(
        '<td class="step-cell"><a class="dash-badge {}" href="{}"><i class="bi {}" '
        'aria-hidden="true"></i>{}</a>{}{}</td>',
        cell.css,
        cell.url,
        cell.icon,
        cell.label,
        note,
        extended,
    )


def _attendance(rate, words) -> SafeString:
    if not rate.held:
        return format_html(
            '<td class="step-cell"><span class="text-body-secondary">{}</span></td>',
            words["no_meeting"],
        )
    below = rate.reached is False
    text = f"{rate.attended}/{rate.held} ({floatformat(rate.percent, -1)}%)"
    if not below:
        return format_html('<td class="step-cell"><span>{}</span></td>', text)
    return format_html(
        '<td class="step-cell"><span class="rate-below">{}</span><span class="rate-below small '
        'd-block"><i class="bi bi-exclamation-triangle-fill" aria-hidden="true"></i> {}</span>'
        "</td>",
        text,
        words["below"],
    )


def matrix_rows(matrix: Matrix, cycle, *, with_attendance: bool) -> SafeString:
    """Every row of the matrix: code, name (to the unit's page), province, each shown step's
    status (to the submission or the step's page) and, after step 1, the attendance rate."""
    words = {
        "extended": _("ขยายถึง %(due)s"),
        "no_meeting": _("ยังไม่มีการประชุม"),
        "below": _("ต่ำกว่าเกณฑ์"),
    }
    head, tail = reverse("org:unit-home", args=[str(MARKER)]).split(str(MARKER))
    query = f"?year={cycle.fiscal_year}"
    rows = []
    for row in matrix.rows:
        unit = row.unit
        cells = []
        for cell in row.columns:
            cells.append(_cell(cell, words))
            if with_attendance and cell.step_number == 1:
                cells.append(_attendance(row.rate, words))
        rows.append(
            format_html(
                '<tr><td class="col-sticky"><span class="unit-code">{}</span></td>'
                '<th scope="row" class="unit-name fw-normal"><a href="{}">{}</a></th>'
                "<td>{}</td>{}</tr>",
                unit.code,
                f"{head}{unit.code}{tail}{query}",
                unit.name_th,
                unit.province.name_th if unit.province else "–",
                mark_safe("".join(cells)),  # each made by format_html above
            )
        )
    return format_html_join("\n", "{}", ((r,) for r in rows))


def table_rows(table: Table) -> SafeString:
    """A Table's body rows: the first cell a row header, numbers aligned right."""
    numeric = [c.numeric for c in table.columns]
    rows = []
    for row in table.rows:
        cells = [format_html('<th scope="row" class="fw-normal">{}</th>', cell_text(row[0]))]
        cells += [
            format_html('<td class="text-end">{}</td>', cell_text(v))
            if numeric[i]
            else format_html("<td>{}</td>", cell_text(v))
            for i, v in enumerate(row[1:], start=1)
        ]
        rows.append(mark_safe("<tr>" + "".join(cells) + "</tr>"))  # parts made by format_html
    return mark_safe("\n".join(rows))  # rows made above
