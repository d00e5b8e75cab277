from django.db import migrations

from pmqa4.org.provinces import load_provinces


def load(apps, schema_editor):
    load_provinces(apps.get_model("org", "Province"))


class Migration(migrations.Migration):
    dependencies = [("org", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
