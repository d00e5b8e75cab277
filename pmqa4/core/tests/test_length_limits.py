"""Every text field of every form has a length limit: one character over it is refused with a
Thai message naming the limit, and nothing stored changes."""

import datetime as dt

import pytest
from django import forms as django_forms
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client

from pmqa4.core.forms import LONG_TEXT, TOO_LONG, limit_text_fields
from pmqa4.plans.forms import KpiSheetStepForm, LockForm
from pmqa4.reports.forms import KpiActualForm, ResultsReportForm

from .post_endpoints import ENDPOINTS
from .world import PDF, build_world

pytestmark = pytest.mark.django_db

# Not text a person types into the form: hidden state, the page to return to, a search filter
# (an over-long search is ignored, and the tick list it filters is still saved).
NOT_TYPED = {"seen", "next", "q"}


def _typed_text_fields(endpoint, world):
    return {
        name: field
        for name, field in endpoint.fields(world).items()
        if field.kind in ("text", "json")
        and field.max_length
        and name.rsplit("-", 1)[-1] not in NOT_TYPED
        and not name.startswith("seen_")
    }


def _stored(labels):
    return {label: list(apps.get_model(label).objects.order_by("pk").values()) for label in labels}


def _valid(fields):
    return {
        name: [str(v) for v in f.valid] if isinstance(f.valid, list) else str(f.valid)
        for name, f in fields.items()
        if f.kind != "file" and (f.kind != "check" or f.valid)  # an unticked box is not sent
    }


WITH_TEXT = [e for e in ENDPOINTS if e.name not in {"set-language", "achievement-preview"}]


@pytest.mark.parametrize("endpoint", WITH_TEXT, ids=[e.name for e in WITH_TEXT])
def test_one_character_over_the_limit_is_refused_in_thai_and_changes_nothing(cast, cycle, endpoint):
    world = build_world(cast, cycle)
    if endpoint.prepare:
        endpoint.prepare(world)
    client = Client()
    if endpoint.who != "anonymous":
        client.force_login(getattr(cast, endpoint.who))
    url, fields = endpoint.url(world), endpoint.fields(world)
    typed = _typed_text_fields(endpoint, world)
    if not typed:
        pytest.skip(f"{endpoint.name} has no text field a person types")
    files = {n: SimpleUploadedFile("a.pdf", PDF) for n, f in fields.items() if f.kind == "file"}
    if endpoint.models:  # control: the valid form saves, so only the length can stop it below
        with transaction.atomic():
            before = _stored(endpoint.models)
            client.post(url, {**_valid(fields), **files})
            assert _stored(endpoint.models) != before, "the valid form did not save"
            transaction.set_rollback(True)
    problems = []
    for name, field in typed.items():
        data = _valid(fields)
        data[name] = "ก" * (field.max_length + 1)
        data.update({n: SimpleUploadedFile("a.pdf", PDF) for n in files})
        with transaction.atomic():
            before = _stored(endpoint.models)
            response = client.post(url, data, follow=True)
            page = response.content.decode()
            expected = f"ไม่เกิน {field.max_length} ตัวอักษร"
            if response.status_code >= 500 or "ข้อความยาวเกินไป" not in page or expected not in page:
                problems.append(f"{name}: {response.status_code}, no “{expected}”")
            if _stored(endpoint.models) != before:
                problems.append(f"{name}: stored data changed")
            transaction.set_rollback(True)
    assert problems == []


@pytest.mark.parametrize(
    ("make", "name"),
    [
        (ResultsReportForm, "objective"),
        (ResultsReportForm, "success_factors"),
        (KpiSheetStepForm, "detail"),
        (KpiSheetStepForm, "evidence"),
        (lambda: KpiActualForm(fiscal_year=2568, today=dt.date(2025, 6, 1)), "note"),
    ],
)
def test_long_text_fields_of_model_text_columns_get_the_5000_character_limit(make, name):
    form = make()
    field = form.fields[name]
    assert field.max_length == LONG_TEXT
    assert form[name].field.widget.attrs["maxlength"] == str(LONG_TEXT)
    with pytest.raises(django_forms.ValidationError) as error:
        field.clean("ก" * (LONG_TEXT + 1))
    assert error.value.messages == [
        str(TOO_LONG) % {"limit_value": LONG_TEXT, "show_value": LONG_TEXT + 1}
    ]
    assert field.clean("ก" * LONG_TEXT) == "ก" * LONG_TEXT


def test_a_nul_character_is_refused_with_a_thai_message():
    form = LockForm({"version": "1", "seen": "a\x00b"})
    assert not form.is_valid()
    assert "อักขระที่ใช้ไม่ได้" in form.errors["seen"][0]


def test_a_field_that_already_has_a_limit_keeps_it():
    class Small(django_forms.Form):
        code = django_forms.CharField(max_length=20)
        text = django_forms.CharField(widget=django_forms.Textarea)

    form = Small()
    limit_text_fields(form.fields)
    assert (form.fields["code"].max_length, form.fields["text"].max_length) == (20, LONG_TEXT)
    assert Small.base_fields["text"].max_length is None  # the class is not changed
