from django.db import migrations

from pmqa4.org.provinces import PROVINCES


def load(apps, schema_editor):
    Province = apps.get_model("org", "Province")
    for p in PROVINCES:
        Province.objects.get_or_create(
            iso_code=p.iso,
            defaults={
                "code": p.code,
                "name_th": p.name_th,
                "name_en": p.name_en,
                "region": p.region,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("org", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
