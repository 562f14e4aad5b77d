"""The staff console's own pages (dashboard, staff, permission groups) for the seven kinds of people, where each
lands after signing in, and what the navigation offers them."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from marketplace.account.models import User
from marketplace.core.models import AuditEntry
from tests.factories.staff import PASSWORD, PEOPLE

pytestmark = pytest.mark.django_db

PAGES = {
    "dashboard": lambda p: reverse("storefront:console:dashboard"),
    "staff_list": lambda p: reverse("storefront:console:staff_list"),
    "staff_create": lambda p: reverse("storefront:console:staff_create"),
    "staff_edit": lambda p: reverse("storefront:console:staff_edit", args=[p["operator"].pk]),
    "group_list": lambda p: reverse("storefront:console:group_list"),
    "group_create": lambda p: reverse("storefront:console:group_create"),
    "group_edit": lambda p: reverse("storefront:console:group_edit", args=[Group.objects.get(
        name="Quản lý đơn hàng").pk]),
}

POSTS = {
    "staff_create": lambda p: (reverse("storefront:console:staff_create"), {"email": "moi@example.com"}),
    "staff_edit": lambda p: (reverse("storefront:console:staff_edit", args=[p["operator"].pk]), {
        "email": "operator-s@example.com", "first_name": "Đổi tên"}),
    "staff_deactivate": lambda p: (reverse("storefront:console:staff_active", args=[p["operator"].pk]),
                                   {"active": "0"}),
    "group_create": lambda p: (reverse("storefront:console:group_create"), {"name": "Kế toán",
                                                                           "permissions": ["MANAGE_ORDERS"]}),
    "group_edit": lambda p: (reverse("storefront:console:group_edit", args=[Group.objects.get(
        name="Quản lý đơn hàng").pk]), {"name": "Đơn hàng"}),
    "group_delete": lambda p: (reverse("storefront:console:group_delete", args=[Group.objects.get(
        name="Quản lý sản phẩm").pk]), {}),
}


def _state():
    return (sorted(User.objects.values_list("email", "is_active", "first_name")),
            sorted(Group.objects.values_list("name", "permissions__codename")),
            sorted(User.groups.through.objects.values_list("user__email", "group__name")),
            AuditEntry.objects.count())


@pytest.mark.parametrize("who", PEOPLE)
@pytest.mark.parametrize("page", list(PAGES))
def test_only_an_admin_opens_the_staff_pages(client, people, who, page):
    if people[who] is not None:
        client.force_login(people[who])

    response = client.get(PAGES[page](people))

    if who == "anonymous":
        assert response.status_code == 302 and response["Location"].startswith("/quan-ly/dang-nhap/")
    elif who == "admin":
        assert response.status_code == 200
    else:
        assert response.status_code == 403 and b'data-error-code="PERMISSION_DENIED"' in response.content


@pytest.mark.parametrize("who", PEOPLE)
@pytest.mark.parametrize("action", list(POSTS))
def test_a_refused_change_on_the_staff_pages_changes_nothing(client, people, who, action, mailoutbox):
    url, data = POSTS[action](people)
    if people[who] is not None:
        client.force_login(people[who])
    before = _state()

    response = client.post(url, data)

    if who == "admin":
        assert response.status_code == 302, response.content.decode()[:2000]
        assert _state() != before
    else:
        assert response.status_code in (302, 403)
        assert _state() == before and mailoutbox == []


@pytest.mark.parametrize(("who", "lands_on"), [
    ("admin", "/quan-ly/tong-quan/"), ("promotion", "/quan-ly/hoi-cho/"), ("operator", "/quan-ly/diem/"),
])
def test_each_role_lands_where_it_works_after_signing_in(client, people, who, lands_on):
    response = client.post(reverse("storefront:console:login"), {"username": people[who].email,
                                                                "password": PASSWORD})
    landing = client.get(response["Location"])

    assert response["Location"] == "/quan-ly/"
    assert landing.status_code == 302 and landing["Location"] == lands_on


def test_a_shopper_signing_in_at_the_console_is_told_they_have_no_staff_access(client, people):
    client.force_login(people["shopper"])

    response = client.get(reverse("storefront:console:home"))

    assert response.status_code == 403 and b'data-error-code="PERMISSION_DENIED"' in response.content


@pytest.mark.parametrize(("who", "links"), [
    ("operator", ["index", "alerts"]),
    ("promotion", ["index", "alerts", "fairs"]),
    ("catalogue", []),
    ("admin", ["dashboard", "index", "alerts", "fairs", "staff", "groups"]),
])
def test_the_navigation_shows_only_what_the_person_may_open(client, people, who, links):
    client.force_login(people[who])

    page = client.get(reverse("storefront:console:alerts") if who != "catalogue"
                      else reverse("storefront:console:home")).content.decode()

    shown = [key for key in ["dashboard", "index", "alerts", "fairs", "staff", "groups"]
             if f'data-nav="{key}"' in page]
    assert shown == links


def test_the_admin_creates_a_staff_member_with_groups_and_a_point_in_one_form(
        client, people, point_a, point_b, mailoutbox, django_capture_on_commit_callbacks):
    client.force_login(people["admin"])
    group = Group.objects.get(name="Quản lý đơn hàng")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("storefront:console:staff_create"), {
            "email": "Mai@Example.com", "first_name": "Mai", "groups": [group.pk], "points": [point_b.warehouse_id]})

    mai = User.objects.get(email="mai@example.com")
    assert response.status_code == 302
    assert mai.is_staff and not mai.has_usable_password()
    assert list(mai.groups.values_list("name", flat=True)) == ["Quản lý đơn hàng"]
    assert list(mai.operated_sales_points.values_list("warehouse_id", flat=True)) == [point_b.warehouse_id]
    assert [m.to for m in mailoutbox] == [["mai@example.com"]] and "/dat-mat-khau/?email=" in mailoutbox[0].body
    assert {"staff.create", "salespoint.operator.points.set"} <= set(
        AuditEntry.objects.values_list("action", flat=True))


def test_a_duplicate_email_is_refused_on_the_form_and_nothing_is_written(client, people, mailoutbox):
    client.force_login(people["admin"])
    before = _state()

    response = client.post(reverse("storefront:console:staff_create"), {"email": "operator-s@example.com"})

    assert response.status_code == 200 and "Email này đã có tài khoản. (UNIQUE)" in response.content.decode()
    assert _state() == before and mailoutbox == []


def test_an_admin_cannot_lock_themselves_out_and_the_page_says_why(client, people):
    client.force_login(people["admin"])

    response = client.post(reverse("storefront:console:staff_active", args=[people["admin"].pk]), {"active": "0"},
                           follow=True)

    assert "DEACTIVATE_OWN_ACCOUNT" in response.content.decode()
    people["admin"].refresh_from_db()
    assert people["admin"].is_active


def test_a_deactivated_operator_can_no_longer_sign_in(client, people):
    client.force_login(people["admin"])
    client.post(reverse("storefront:console:staff_active", args=[people["operator"].pk]), {"active": "0"})
    client.logout()

    response = client.post(reverse("storefront:console:login"), {"username": "operator-s@example.com",
                                                                "password": PASSWORD})

    assert response.status_code == 200 and "Email hoặc mật khẩu không đúng." in response.content.decode()


def test_the_dashboard_shows_todays_orders_low_stock_and_expiring_certificates(client, people, catalog):
    from datetime import timedelta

    from marketplace.certification.selectors import today_in_vietnam

    catalog.product("Mắm tôm", stars=4, price=10_000, expires_on=today_in_vietnam() + timedelta(days=20))
    catalog.product("Mật ong", stars=4, price=10_000, expires_on=today_in_vietnam() + timedelta(days=60))
    client.force_login(people["admin"])

    page = client.get(reverse("storefront:console:dashboard")).content.decode()

    assert 'data-figure="expiring-30"><strong>1</strong>' in page
    assert 'data-figure="expiring-90"><strong>2</strong>' in page
    assert "Mắm tôm" in page and "Đơn hàng hôm nay" in page and "Chưa có lần đồng bộ nào." in page
