"""Regression: assigning someone to a sales point (as the Django admin does, with no role) makes them that point's
operator. Before, they also needed OPERATE_SALES_POINTS and got a 403 at /quan-ly/."""

from __future__ import annotations

import pytest
from django.urls import reverse

from marketplace.account.services import user_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def assigned_only(point_a):
    user = user_create(email="assigned@example.com", password="pw-test-123", is_staff=True)
    point_a.operators.add(user)  # what the admin's filter_horizontal does: no group, no permission
    return user


def test_a_user_assigned_in_the_admin_works_at_their_point(client, assigned_only, point_a, point_b):
    client.force_login(assigned_only)

    home = client.get(reverse("storefront:console:index"))
    own = client.get(reverse("storefront:console:stock", args=[point_a.warehouse.slug]))
    other = client.get(reverse("storefront:console:stock", args=[point_b.warehouse.slug]))

    assert home.status_code == 200 and point_a.warehouse.name in home.content.decode()
    assert own.status_code == 200
    assert other.status_code == 403 and b'data-error-code="OUT_OF_SCOPE"' in other.content


def test_removing_the_assignment_removes_the_access(client, assigned_only, point_a):
    point_a.operators.remove(assigned_only)
    client.force_login(assigned_only)

    response = client.get(reverse("storefront:console:stock", args=[point_a.warehouse.slug]))

    assert response.status_code == 403
