"""/quan-ly/: where each person lands, the admin dashboard, staff and permission groups, forgot password."""

from django.urls import path

from storefront.views import password
from storefront.views.console import groups, home, staff

urlpatterns = [
    path("", home.home, name="home"),
    path("tong-quan/", home.dashboard, name="dashboard"),
    path("quen-mat-khau/", password.forgot_console, name="password_forgot"),
    path("nhan-vien/", staff.staff_list_view, name="staff_list"),
    path("nhan-vien/them/", staff.staff_create_view, name="staff_create"),
    path("nhan-vien/<int:user_id>/", staff.staff_edit_view, name="staff_edit"),
    path("nhan-vien/<int:user_id>/kich-hoat/", staff.staff_active_view, name="staff_active"),
    path("nhom-quyen/", groups.group_list_view, name="group_list"),
    path("nhom-quyen/them/", groups.group_create_view, name="group_create"),
    path("nhom-quyen/<int:group_id>/", groups.group_edit_view, name="group_edit"),
    path("nhom-quyen/<int:group_id>/xoa/", groups.group_delete_view, name="group_delete"),
]
