from django.db import migrations


def seed(apps, schema_editor):
    from timeline.extraction.countries import country_names

    Country = apps.get_model("timeline", "Country")
    existing = set(Country.objects.values_list("code", flat=True))
    Country.objects.bulk_create(
        Country(code=code, name=name)
        for code, name in sorted(country_names().items())
        if code not in existing
    )


class Migration(migrations.Migration):
    dependencies = [("timeline", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
