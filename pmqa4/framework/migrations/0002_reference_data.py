from django.db import migrations

from pmqa4.framework.reference import load_reference_data


def load(apps, schema_editor):
    load_reference_data(
        category=apps.get_model("framework", "PmqaCategory"),
        dimension=apps.get_model("framework", "Dimension"),
        characteristic=apps.get_model("framework", "Characteristic"),
        maturity=apps.get_model("framework", "MaturityLevel"),
    )


class Migration(migrations.Migration):
    dependencies = [("framework", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
