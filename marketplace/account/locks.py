"""Row locks for accounts (Saleor's lock_objects.py): always in primary-key order."""

from __future__ import annotations

from django.db.models import QuerySet

from marketplace.account.models import User


def user_qs_select_for_update() -> QuerySet[User]:
    return User.objects.order_by("pk").select_for_update(of=("self",))
