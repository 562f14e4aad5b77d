"""checkout_complete: the moment money and stock must not go wrong. Under a lock on the checkout row it checks
the checkout again (lines, listing rule now, delivery, contact), creates the order with stock allocated under
ordered row locks, then deletes the checkout, all in one transaction. A second completion of the same
checkout finds nothing and gets NOT_FOUND: one checkout, one order."""

from __future__ import annotations

import uuid

from django.db import transaction
from django.utils.translation import gettext as _

from marketplace.account.addresses import address_copy
from marketplace.account.models import Address
from marketplace.checkout.error_codes import CheckoutErrorCode
from marketplace.checkout.models import Checkout
from marketplace.checkout.selectors import CheckoutInfo, checkout_collection_point_open, checkout_info_get
from marketplace.core.errors import DomainError, DomainErrors
from marketplace.order.models import Order
from marketplace.order.selectors import order_get_by_checkout_token
from marketplace.order.services import OrderDraft, OrderLineDraft, order_create
from marketplace.payment.models import COD_GATEWAY
from marketplace.payment.selectors import payment_gateway_ids
from marketplace.payment.services import transaction_initialize


def checkout_validate(*, info: CheckoutInfo) -> None:
    """Everything that must hold to place the order; raises DomainErrors naming each failing line."""
    checkout = info.checkout
    if not info.lines:
        raise DomainError(_("Giỏ hàng trống."), code=CheckoutErrorCode.NO_LINES, field="lines")
    errors = [DomainError(li.purchase.message, code=li.purchase.code, field="lines", line_ids=[li.line.id],
                          variant_ids=[li.line.variant_id])
              for li in info.lines if not li.purchase.ok]
    if errors:
        raise DomainErrors(errors)
    if not checkout.email:
        errors.append(DomainError(_("Vui lòng nhập email để nhận xác nhận đơn hàng."),
                                  code=CheckoutErrorCode.EMAIL_NOT_SET, field="email"))
    if info.is_shipping_required and not info.has_delivery:
        if checkout.shipping_address is None and checkout.collection_point_id is None:
            errors.append(DomainError(_("Vui lòng nhập địa chỉ giao hàng hoặc chọn điểm nhận hàng."),
                                      code=CheckoutErrorCode.SHIPPING_ADDRESS_NOT_SET, field="shippingAddress"))
        else:
            errors.append(DomainError(_("Vui lòng chọn phương thức giao hàng."),
                                      code=CheckoutErrorCode.SHIPPING_METHOD_NOT_SET, field="deliveryMethod"))
    if info.is_pickup and not checkout_collection_point_open(info=info):
        errors.append(DomainError(_("Điểm bán đã chọn không còn nhận đơn đặt trước; vui lòng chọn nơi nhận khác."),
                                  code=CheckoutErrorCode.DELIVERY_METHOD_NOT_APPLICABLE, field="deliveryMethod"))
    if info.is_pickup and not (checkout.billing_address and checkout.billing_address.phone):
        errors.append(DomainError(_("Vui lòng nhập họ tên và số điện thoại người nhận hàng."),
                                  code=CheckoutErrorCode.BILLING_ADDRESS_NOT_SET, field="billingAddress"))
    if errors:
        raise DomainErrors(errors)


def _draft(info: CheckoutInfo) -> OrderDraft:
    checkout = info.checkout
    billing = checkout.billing_address or checkout.shipping_address
    return OrderDraft(
        channel_id=checkout.channel_id, email=checkout.email, user_id=checkout.user_id,
        language_code=checkout.language_code,
        billing_address=address_copy(address=billing) if billing else None,
        shipping_address=address_copy(address=checkout.shipping_address) if checkout.shipping_address else None,
        shipping_method_id=info.shipping_option.method.pk if info.shipping_option else None,
        shipping_method_name=info.shipping_option.method.name if info.shipping_option else "",
        shipping_price=info.shipping_price,
        collection_point_id=info.collection_point.pk if info.collection_point else None,
        collection_point_name=info.collection_point.name if info.collection_point else "",
        collection_point_option=info.collection_point.click_and_collect_option if info.collection_point else "",
        checkout_token=str(checkout.pk), checkout_line_ids=[li.line.id for li in info.lines],
        customer_note=checkout.customer_note, metadata=dict(checkout.metadata),
        lines=[OrderLineDraft(variant_id=li.line.variant_id, product_name=li.product.name,
                              variant_name=li.variant.name, sku=li.variant.sku, quantity=li.line.quantity,
                              unit_price=li.unit_price, undiscounted_unit_price=li.undiscounted_unit_price,
                              promotion_id=li.purchase.price.promotion_id if li.purchase.price else None,
                              is_shipping_required=li.product.product_type.is_shipping_required)
               for li in info.lines],
    )


@transaction.atomic
def checkout_complete(*, checkout_token: uuid.UUID | str, user=None, gateway: str | None = None,
                      redirect_url: str = "") -> Order:
    """Place the order. With gateway "ocop.cash-on-delivery" the order is confirmed for payment at hand-over;
    otherwise it waits (UNCONFIRMED, stock held) for a card payment started with transaction_initialize."""
    if gateway and gateway not in payment_gateway_ids():
        raise DomainError(_("Không có cổng thanh toán “%(gateway)s”.")
                          % {"gateway": gateway}, code=CheckoutErrorCode.PAYMENT_ERROR,
                          field="paymentData")
    checkout = (Checkout.objects.select_for_update(of=("self",))
                .select_related("channel", "shipping_address", "billing_address", "collection_point")
                .filter(pk=checkout_token).first())
    if checkout is None:
        placed = order_get_by_checkout_token(checkout_token=str(checkout_token))
        message = (_("Giỏ hàng này đã được đặt thành đơn #%(number)s.") % {"number": placed.number} if placed
                   else _("Không tìm thấy giỏ hàng."))
        raise DomainError(message, code=CheckoutErrorCode.NOT_FOUND, field="id")
    info = checkout_info_get(checkout=checkout)
    checkout_validate(info=info)
    line_by_variant = {li.line.variant_id: li.line.id for li in info.lines}
    signed_in = user is not None and getattr(user, "is_authenticated", False)
    try:
        order = order_create(draft=_draft(info), actor=user if signed_in else None)
    except DomainErrors as exc:
        raise DomainErrors([DomainError(e.message, code=CheckoutErrorCode.INSUFFICIENT_STOCK, field="quantity",
                                        variant_ids=e.params.get("variant_ids", []),
                                        line_ids=[line_by_variant[v] for v in e.params.get("variant_ids", [])
                                                  if v in line_by_variant])
                            for e in exc.errors])
    if redirect_url:
        Order.objects.filter(pk=order.pk).update(redirect_url=redirect_url[:500])
    if gateway == COD_GATEWAY:
        transaction_initialize(order=order, gateway=COD_GATEWAY, actor=user if signed_in else None)
    leftovers = [a.pk for a in (checkout.shipping_address, checkout.billing_address) if a is not None]
    checkout.delete()
    Address.objects.filter(pk__in=leftovers).delete()  # the order has its own copies
    from marketplace.order.tasks import order_confirmation_email_task

    transaction.on_commit(lambda: order_confirmation_email_task.delay(str(order.pk)), robust=True)
    order.refresh_from_db()
    return order
