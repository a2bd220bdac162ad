"""FacetCount rows per value and kind ("p" actor, "q" country; key "id:kind",
hence the longer key) and the index that reads one value's rows.

The rows do not exist yet: the "built" marker is removed, so the timeline
counts from the links (exactly) until `manage.py rebuild_facets` (run by
`make run` and `make serve`, --if-needed) builds every row again.
"""

from django.db import migrations, models


def unbuild(apps, schema_editor):
    FacetCount = apps.get_model("timeline", "FacetCount")
    FacetCount.objects.filter(level="a", facet="b").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0014_pgscale_sample"),
    ]

    operations = [
        migrations.AlterField(
            model_name="facetcount",
            name="key",
            field=models.CharField(blank=True, max_length=40),
        ),
        migrations.AddIndex(
            model_name="facetcount",
            index=models.Index(
                fields=["facet", "key", "level", "period"],
                include=("n",),
                name="facetcount_value_idx",
            ),
        ),
        migrations.RunPython(unbuild, migrations.RunPython.noop),
    ]
