"""The shop's account area and the demo mailbox (included from storefront/urls.py)."""

from django.urls import path

from storefront.views import account_area, mailbox

urlpatterns = [
    path("account/", account_area.profile, name="account_profile"),
    path("account/dia-chi/", account_area.addresses, name="account_addresses"),
    path("account/xac-nhan/", account_area.confirm, name="account_confirm"),
    path("account/xoa/", account_area.delete_request, name="account_delete_request"),
    path("account/xoa/xac-nhan/", account_area.delete_confirm, name="account_delete_confirm"),
    path("dev/mailbox/", mailbox.mailbox, name="mailbox"),
    path("dev/mailbox/<str:message_id>/", mailbox.mailbox_message, name="mailbox_message"),
]
