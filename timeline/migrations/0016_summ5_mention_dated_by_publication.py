from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0015_pg4_value_rollups"),
    ]

    operations = [
        migrations.AddField(
            model_name="mention",
            name="dated_by_publication",
            field=models.BooleanField(default=False),
        ),
    ]
