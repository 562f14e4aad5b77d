"""Cart, checkout, orders and account pages (included from storefront/urls.py, same `storefront` namespace)."""

from django.urls import path

from storefront.views.checkout import account, cart, orders, payment, steps

urlpatterns = [
    path("gio-hang/", cart.cart, name="cart"),
    path("gio-hang/them/", cart.cart_add, name="cart-add"),
    path("gio-hang/mua/<int:variant_id>/", cart.buy, name="cart_buy"),
    path("gio-hang/dong/<uuid:line_id>/", cart.cart_line_update, name="cart_line_update"),
    path("dat-hang/lien-he/", steps.contact, name="checkout_contact"),
    path("dat-hang/giao-nhan/", steps.delivery, name="checkout_delivery"),
    path("dat-hang/thanh-toan/", steps.payment, name="checkout_payment"),
    path("dat-hang/xac-nhan/", steps.place, name="checkout_place"),
    path("don-hang/<uuid:order_id>/", orders.order_detail, name="order_detail"),
    path("don-hang/<uuid:order_id>/thanh-toan/", payment.order_pay, name="order_pay"),
    path("don-hang/<uuid:order_id>/thanh-toan/cap-nhat/", payment.order_payment_sync, name="order_payment_sync"),
    path("don-hang/<uuid:order_id>/thanh-toan-khi-nhan/", payment.order_pay_on_delivery,
         name="order_pay_on_delivery"),
    path("account/login/", account.login_view, name="login"),
    path("account/logout/", account.logout_view, name="logout"),
    path("account/register/", account.register_view, name="register"),
    path("account/orders/", orders.account_orders, name="account_orders"),
]
