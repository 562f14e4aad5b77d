"""The seven kinds of people the staff permission matrix covers, each made the way the console makes them: a
default permission group, or (for the operator) an assignment to a sales point and nothing else."""

from __future__ import annotations

import pytest

from marketplace.account.services import role_groups_ensure, user_create

PASSWORD = "pw-test-123"
PEOPLE = ["anonymous", "shopper", "operator", "promotion", "catalogue", "orders", "admin"]
ROLE_OF = {"promotion": "promotion_staff", "catalogue": "catalogue_manager", "orders": "order_manager",
           "admin": "admin"}


@pytest.fixture
def people(db, point_a) -> dict:
    """name -> User (None for anonymous). The admin holds the "Quản trị" group, not the superuser flag."""
    groups = role_groups_ensure()
    result: dict = {"anonymous": None, "shopper": user_create(email="shopper-s@example.com", password=PASSWORD)}
    operator = user_create(email="operator-s@example.com", password=PASSWORD, is_staff=True)
    point_a.operators.add(operator)
    result["operator"] = operator
    for name, role in ROLE_OF.items():
        user = user_create(email=f"{name}-s@example.com", password=PASSWORD, is_staff=True)
        user.groups.add(groups[role])
        result[name] = user
    return result
