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
