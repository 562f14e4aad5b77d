from celery import shared_task

from marketplace.payment.services import orders_expire_unpaid, orders_refund_surplus, refund_execute
from marketplace.payment.stripe_gateway import PaymentGatewayUnavailable


# Only temporary failures are retried (with growing, jittered delays); a refusal is recorded by refund_execute
# as a failed refund on the order, for staff.
@shared_task(autoretry_for=(PaymentGatewayUnavailable,), retry_backoff=30, retry_backoff_max=3600, retry_jitter=True,
             max_retries=8)
def refund_execute_task(event_id: int) -> None:
    refund_execute(event_id=event_id)


@shared_task
def orders_expire_unpaid_task() -> int:
    return orders_expire_unpaid()


@shared_task
def orders_refund_surplus_task() -> int:
    return orders_refund_surplus()
