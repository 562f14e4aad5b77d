from celery import shared_task

from marketplace.core.errors import DomainError
from marketplace.payment.services import orders_expire_unpaid, refund_execute


@shared_task(autoretry_for=(DomainError,), retry_backoff=30, max_retries=8)
def refund_execute_task(event_id: int) -> None:
    refund_execute(event_id=event_id)


@shared_task
def orders_expire_unpaid_task() -> int:
    return orders_expire_unpaid()
