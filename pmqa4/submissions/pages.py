"""Where each step's own page is: the forms a unit fills for it."""

from django.urls import reverse

STEP_PAGES = {
    1: "teams:roster",
    2: "teams:unit-meetings",
    3: "plans:overview",
    4: "reports:reports",
    5: "reports:actuals",
}


def step_page_url(unit, fiscal_year: int, number: int) -> str:
    return reverse(STEP_PAGES[number], kwargs={"code": unit.code, "year": fiscal_year})
