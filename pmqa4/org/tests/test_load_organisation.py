from io import StringIO

import pytest
from django.core.management import call_command

from pmqa4.org.models import Unit, UnitKind, User

pytestmark = pytest.mark.django_db


def test_a_new_server_gets_the_ministry_s_units_and_no_logins_twice_alike(settings):
    settings.DEMO_DATA_ALLOWED = False  # production: the organisation is not demo data
    out = StringIO()
    call_command("load_organisation", stdout=out)
    first = sorted(Unit.objects.values_list("code", "name_th", "kind", "takes_part"))
    call_command("load_organisation", stdout=StringIO())

    assert sorted(Unit.objects.values_list("code", "name_th", "kind", "takes_part")) == first
    assert Unit.objects.filter(kind=UnitKind.PROVINCIAL_OFFICE).count() == 76
    assert not Unit.objects.get(code="OPS-ASD").takes_part
    assert not User.objects.exists()
    assert f"{len(first)} หน่วยงาน" in out.getvalue()
