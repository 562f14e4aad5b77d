from celery import shared_task

from marketplace.warehouse.reservations import reservations_expire


@shared_task
def reservations_expire_task() -> int:
    return reservations_expire()
