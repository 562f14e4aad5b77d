"""/quan-ly/: the sales-point console."""

from django.urls import include, path

from storefront.views.console import auth, counter, dashboard, ledger, pickups, stock, transfers

app_name = "console"

urlpatterns = [
    path("diem/", dashboard.index, name="index"),
    path("dang-nhap/", auth.ConsoleLoginView.as_view(), name="login"),
    path("dang-xuat/", auth.ConsoleLogoutView.as_view(), name="logout"),
    path("canh-bao/", dashboard.alerts, name="alerts"),
    path("diem/<slug:slug>/", stock.stock_table, name="stock"),
    path("diem/<slug:slug>/nguong/<int:stock_id>/", stock.threshold_set, name="threshold"),
    path("diem/<slug:slug>/nhap-hang/", stock.receive, name="receive"),
    path("diem/<slug:slug>/kiem-ke/", stock.adjust, name="adjust"),
    path("diem/<slug:slug>/chuyen-hang/", transfers.transfer_list, name="transfers"),
    path("diem/<slug:slug>/chuyen-hang/<int:transfer_id>/", transfers.transfer_detail, name="transfer"),
    path("diem/<slug:slug>/ban-hang/", counter.counter, name="counter"),
    path("diem/<slug:slug>/hoa-don/<str:number>/", counter.receipt, name="receipt"),
    path("diem/<slug:slug>/nhan-tai-diem/", pickups.queue, name="pickups"),
    path("diem/<slug:slug>/so-kho/", ledger.ledger, name="ledger"),
    path("", include("storefront.urls_console_staff")),
]
