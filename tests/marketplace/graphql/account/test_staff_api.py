"""Saleor's staff and permission-group API: who may call it (the seven kinds of people; a refused attempt changes
nothing), and the rules a staff manager meets (no granting what you lack, never leave the shop without an admin)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from graphql_relay import to_global_id

from marketplace.account.models import User
from marketplace.core.models import AuditEntry
from tests.factories.staff import PEOPLE
from tests.marketplace.graphql.conftest import error_codes

pytestmark = pytest.mark.django_db

STAFF_CREATE = """mutation($input: StaffCreateInput!) { staffCreate(input: $input) {
    user { email isStaff permissionGroups { name } } errors { field code message groups } } }"""
STAFF_UPDATE = """mutation($id: ID!, $input: StaffUpdateInput!) { staffUpdate(id: $id, input: $input) {
    user { email isActive permissionGroups { name } } errors { field code message } } }"""
STAFF_DELETE = "mutation($id: ID!) { staffDelete(id: $id) { errors { field code } } }"
GROUP_CREATE = """mutation($input: PermissionGroupCreateInput!) { permissionGroupCreate(input: $input) {
    group { name permissions { code } ocopPermissions users { email } } errors { field code permissions } } }"""
GROUP_UPDATE = """mutation($id: ID!, $input: PermissionGroupUpdateInput!) { permissionGroupUpdate(id: $id,
    input: $input) { group { name permissions { code } } errors { field code } } }"""
GROUP_DELETE = "mutation($id: ID!) { permissionGroupDelete(id: $id) { errors { field code } } }"
STAFF_USERS = "{ staffUsers(first: 20) { totalCount edges { node { email } } } }"
GROUPS = "{ permissionGroups(first: 20) { totalCount edges { node { name userCanManage } } } }"


def _state():
    return (sorted(User.objects.values_list("email", "is_active", "first_name")),
            sorted(Group.objects.values_list("name", flat=True)),
            sorted(Group.objects.values_list("name", "permissions__codename")),
            sorted(User.groups.through.objects.values_list("user__email", "group__name")),
            AuditEntry.objects.count())


def _gid(model: str, pk: int) -> str:
    return to_global_id(model, pk)


CALLS = {
    "staffCreate": lambda p: (STAFF_CREATE, {"input": {"email": "new-staff@example.com", "firstName": "Lan"}}),
    "staffUpdate": lambda p: (STAFF_UPDATE, {"id": _gid("User", p["operator"].pk),
                                             "input": {"isActive": False}}),
    "staffDelete": lambda p: (STAFF_DELETE, {"id": _gid("User", p["operator"].pk)}),
    "permissionGroupCreate": lambda p: (GROUP_CREATE, {"input": {"name": "Kế toán",
                                                                 "addPermissions": ["MANAGE_ORDERS"]}}),
    "permissionGroupUpdate": lambda p: (GROUP_UPDATE, {"id": _gid("Group", Group.objects.get(
        name="Quản lý đơn hàng").pk), "input": {"name": "Đơn hàng"}}),
    "permissionGroupDelete": lambda p: (GROUP_DELETE, {"id": _gid("Group", Group.objects.get(
        name="Quản lý sản phẩm").pk)}),
    "staffUsers": lambda p: (STAFF_USERS, None),
    "permissionGroups": lambda p: (GROUPS, None),
}


@pytest.mark.parametrize("who", PEOPLE)
@pytest.mark.parametrize("call", list(CALLS))
def test_only_a_staff_manager_may_call_the_staff_api_and_a_refusal_changes_nothing(api, client, people, who,
                                                                                   call, mailoutbox):
    query, variables = CALLS[call](people)
    if people[who] is not None:
        client.force_login(people[who])
    before = _state()

    body = api.post(query, variables)

    if who == "admin":
        assert "errors" not in body, body
        assert all(not v.get("errors") for v in body["data"].values() if isinstance(v, dict) and "errors" in v)
        if call in ("staffUsers", "permissionGroups"):
            assert body["data"][call]["totalCount"] >= 5
        else:
            assert _state() != before and AuditEntry.objects.count() > before[-1]
    else:
        assert error_codes(body) == ["PermissionDenied"]
        assert _state() == before
        assert mailoutbox == []


def test_a_new_staff_member_gets_a_set_password_email_and_their_groups(api, client, people, mailoutbox,
                                                                      django_capture_on_commit_callbacks):
    client.force_login(people["admin"])
    group = Group.objects.get(name="Quản lý đơn hàng")

    with django_capture_on_commit_callbacks(execute=True):
        data = api.data(STAFF_CREATE, {"input": {"email": "Lan@Example.com", "firstName": "Lan",
                                                 "addGroups": [_gid("Group", group.pk)],
                                                 "redirectUrl": "http://testserver/dat-mat-khau/"}})

    assert data["staffCreate"] == {"user": {"email": "lan@example.com", "isStaff": True,
                                            "permissionGroups": [{"name": "Quản lý đơn hàng"}]}, "errors": []}
    assert not User.objects.get(email="lan@example.com").has_usable_password()
    assert [m.to for m in mailoutbox] == [["lan@example.com"]]
    assert "http://testserver/dat-mat-khau/?email=lan%40example.com&token=" in mailoutbox[0].body


def test_a_link_to_another_site_is_refused(api, client, people, mailoutbox):
    client.force_login(people["admin"])

    data = api.data(STAFF_CREATE, {"input": {"email": "x@example.com", "redirectUrl": "https://evil.example/x"}})

    assert data["staffCreate"]["errors"][0]["code"] == "INVALID"
    assert not User.objects.filter(email="x@example.com").exists() and mailoutbox == []


def test_a_staff_manager_cannot_hand_out_permissions_they_do_not_hold(api, client, people):
    manager = User.objects.create_user(email="hr@example.com", password="x", is_staff=True)
    hr = Group.objects.create(name="Nhân sự")
    hr.permissions.set(Group.objects.get(name="Quản trị").permissions.filter(codename="manage_staff"))
    manager.groups.add(hr)
    client.force_login(manager)
    orders_group = Group.objects.get(name="Quản lý đơn hàng")
    before = _state()

    create = api.data(GROUP_CREATE, {"input": {"name": "Kế toán", "addPermissions": ["MANAGE_ORDERS"]}})
    staff = api.data(STAFF_CREATE, {"input": {"email": "y@example.com",
                                              "addGroups": [_gid("Group", orders_group.pk)]}})
    edit = api.data(GROUP_UPDATE, {"id": _gid("Group", orders_group.pk), "input": {"name": "Đơn"}})
    admin_edit = api.data(STAFF_UPDATE, {"id": _gid("User", people["admin"].pk), "input": {"isActive": False}})

    assert create["permissionGroupCreate"]["errors"] == [
        {"field": "addPermissions", "code": "OUT_OF_SCOPE_PERMISSION", "permissions": ["MANAGE_ORDERS"]}]
    assert staff["staffCreate"]["errors"][0]["code"] == "OUT_OF_SCOPE_GROUP"
    assert edit["permissionGroupUpdate"]["errors"][0]["code"] == "OUT_OF_SCOPE_PERMISSION"
    assert admin_edit["staffUpdate"]["errors"][0]["code"] == "OUT_OF_SCOPE_USER"
    assert _state() == before


def test_the_last_active_admin_cannot_be_removed(api, client, people):
    admin = people["admin"]
    admin_group = Group.objects.get(name="Quản trị")
    assert list(admin_group.user_set.all()) == [admin]
    other = User.objects.create_user(email="admin2@example.com", password="x", is_staff=True)
    other.groups.add(admin_group)
    client.force_login(admin)

    removed = api.data(STAFF_UPDATE, {"id": _gid("User", other.pk), "input": {"removeGroups": [
        _gid("Group", admin_group.pk)]}})
    leaving = api.data(GROUP_UPDATE, {"id": _gid("Group", admin_group.pk), "input": {
        "removeUsers": [_gid("User", admin.pk)]}})
    deleted = api.data(GROUP_DELETE, {"id": _gid("Group", admin_group.pk)})
    own = api.data(STAFF_DELETE, {"id": _gid("User", admin.pk)})

    assert removed["staffUpdate"]["errors"] == []  # another admin remains: allowed
    assert leaving["permissionGroupUpdate"]["errors"] == [{"field": None, "code": "LEFT_NOT_MANAGEABLE_PERMISSION"}]
    assert deleted["permissionGroupDelete"]["errors"] == [{"field": None, "code": "LEFT_NOT_MANAGEABLE_PERMISSION"}]
    assert own["staffDelete"]["errors"] == [{"field": "id", "code": "DELETE_OWN_ACCOUNT"}]
    assert list(Group.objects.get(name="Quản trị").user_set.all()) == [admin]


def test_ocop_permissions_are_granted_through_their_own_input(api, client, people):
    client.force_login(people["admin"])

    data = api.data(GROUP_CREATE, {"input": {"name": "Hội chợ", "addPermissions": ["MANAGE_DISCOUNTS"],
                                             "addOcopPermissions": ["MANAGE_FAIRS"],
                                             "addUsers": [_gid("User", people["catalogue"].pk)]}})

    assert data["permissionGroupCreate"] == {"group": {
        "name": "Hội chợ", "permissions": [{"code": "MANAGE_DISCOUNTS"}], "ocopPermissions": ["MANAGE_FAIRS"],
        "users": [{"email": "catalogue-s@example.com"}]}, "errors": []}


def test_a_shopper_cannot_join_a_group(api, client, people):
    client.force_login(people["admin"])

    data = api.data(GROUP_UPDATE, {"id": _gid("Group", Group.objects.get(name="Quản lý sản phẩm").pk),
                                   "input": {"addUsers": [_gid("User", people["shopper"].pk)]}})

    assert data["permissionGroupUpdate"]["errors"] == [{"field": "addUsers", "code": "ASSIGN_NON_STAFF_MEMBER"}]


def test_me_lists_my_permissions_and_groups(api, client, people):
    client.force_login(people["orders"])

    me = api.data("{ me { userPermissions { code } permissionGroups { name } ocopPermissions } }")["me"]

    assert me == {"userPermissions": [{"code": "HANDLE_PAYMENTS"}, {"code": "MANAGE_ORDERS"},
                                      {"code": "MANAGE_SHIPPING"}],
                  "permissionGroups": [{"name": "Quản lý đơn hàng"}], "ocopPermissions": []}
