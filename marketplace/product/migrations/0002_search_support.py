"""Search support (owned by marketplace.search): an IMMUTABLE folding function, usable in index expressions
and in the set-based indexing statements of marketplace.search."""

from django.db import migrations

# unaccent() is STABLE (its dictionary could change), so it cannot appear in an index expression; naming the
# dictionary explicitly and wrapping it is the documented way to get an IMMUTABLE variant. We fold đ/Đ before
# unaccent so the result never depends on which unaccent.rules the server ships.
FOLD_FUNCTION = r"""
CREATE OR REPLACE FUNCTION ocop_fold(text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, translate($1, 'đĐ', 'dD'))) $$;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_postgres_extensions"),
        ("product", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(FOLD_FUNCTION, reverse_sql="DROP FUNCTION IF EXISTS ocop_fold(text);"),
    ]
