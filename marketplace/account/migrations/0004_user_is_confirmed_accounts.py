from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("account", "0003_default_groups_staff")]

    operations = [
        migrations.AddField(model_name="user", name="is_confirmed", field=models.BooleanField(default=True)),
    ]
