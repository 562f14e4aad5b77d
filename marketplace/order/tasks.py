from celery import shared_task

from marketplace.order.notifications import (
    order_confirmation_email_send,
    order_lines_canceled_email_send,
    order_pickup_ready_email_send,
)


@shared_task
def order_confirmation_email_task(order_id: str) -> None:
    order_confirmation_email_send(order_id=order_id)


@shared_task
def order_pickup_ready_email_task(order_id: str) -> None:
    order_pickup_ready_email_send(order_id=order_id)


@shared_task
def order_lines_canceled_email_task(order_id: str, line_ids: list[str]) -> None:
    order_lines_canceled_email_send(order_id=order_id, line_ids=line_ids)


@shared_task
def order_fulfillment_email_task(kind: str, fulfillment_id: int) -> None:
    from marketplace.order.fulfilment_emails import order_fulfillment_email_send

    order_fulfillment_email_send(kind=kind, fulfillment_id=fulfillment_id)


@shared_task
def order_staff_email_task(kind: str, order_id: str, amount: str = "") -> None:
    from marketplace.order.fulfilment_emails import order_staff_email_send

    order_staff_email_send(kind=kind, order_id=order_id, amount=amount)
