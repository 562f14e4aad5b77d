from django.db import migrations


class Migration(migrations.Migration):
    """Order numbers come from a sequence: unique under concurrency without locking a counter row."""

    dependencies = [("order", "0001_initial")]

    operations = [
        migrations.RunSQL(
            "CREATE SEQUENCE IF NOT EXISTS order_order_number_seq START WITH 1001",
            "DROP SEQUENCE IF EXISTS order_order_number_seq",
        ),
    ]
