"""Fair URLs: public pages under /hoi-cho/, the promotion staff console under /quan-ly/hoi-cho/."""

from django.urls import path

from storefront.views.fair import public, staff_booths, staff_fairs, staff_report

urlpatterns = [
    path("hoi-cho/", public.fair_list, name="fair_list"),
    path("hoi-cho/<slug:slug>/", public.fair_detail, name="fair_detail"),
    path("hoi-cho/<slug:slug>/lich.ics", public.fair_ics, name="fair_ics"),
    path("quan-ly/hoi-cho/", staff_fairs.fair_list, name="staff_fair_list"),
    path("quan-ly/hoi-cho/tao-moi/", staff_fairs.fair_create, name="staff_fair_create"),
    path("quan-ly/hoi-cho/<slug:slug>/", staff_fairs.fair_detail, name="staff_fair_detail"),
    path("quan-ly/hoi-cho/<slug:slug>/sua/", staff_fairs.fair_edit, name="staff_fair_edit"),
    path("quan-ly/hoi-cho/<slug:slug>/cong-bo/", staff_fairs.fair_publish, name="staff_fair_publish"),
    path("quan-ly/hoi-cho/<slug:slug>/rut-lai/", staff_fairs.fair_unpublish, name="staff_fair_unpublish"),
    path("quan-ly/hoi-cho/<slug:slug>/xoa/", staff_fairs.fair_delete, name="staff_fair_delete"),
    path("quan-ly/hoi-cho/<slug:slug>/khu/", staff_fairs.zone_create, name="staff_zone_create"),
    path("quan-ly/hoi-cho/<slug:slug>/khu/<int:zone_id>/xoa/", staff_fairs.zone_delete, name="staff_zone_delete"),
    path("quan-ly/hoi-cho/<slug:slug>/su-kien/", staff_fairs.side_event_create, name="staff_side_event_create"),
    path("quan-ly/hoi-cho/<slug:slug>/su-kien/<int:event_id>/xoa/", staff_fairs.side_event_delete,
         name="staff_side_event_delete"),
    path("quan-ly/hoi-cho/<slug:slug>/khuyen-mai/", staff_fairs.campaign_edit, name="staff_campaign"),
    path("quan-ly/hoi-cho/<slug:slug>/gian-hang/them/", staff_booths.booth_create, name="staff_booth_create"),
    path("quan-ly/hoi-cho/<slug:slug>/gian-hang/<int:booth_id>/", staff_booths.booth_edit, name="staff_booth_edit"),
    path("quan-ly/hoi-cho/<slug:slug>/gian-hang/<int:booth_id>/xoa/", staff_booths.booth_delete,
         name="staff_booth_delete"),
    path("quan-ly/hoi-cho/<slug:slug>/nhap-excel/", staff_booths.booth_import, name="staff_booth_import"),
    path("quan-ly/hoi-cho/mau-danh-sach-gian-hang.xlsx", staff_booths.booth_import_template,
         name="staff_booth_template"),
    path("quan-ly/hoi-cho/<slug:slug>/bao-cao/", staff_report.report, name="staff_report"),
    path("quan-ly/hoi-cho/<slug:slug>/bao-cao.xlsx", staff_report.report_xlsx, name="staff_report_xlsx"),
]
