"""Background work for certificates. Tasks call one service."""

from __future__ import annotations

import logging

from celery import shared_task

from marketplace.certification import services

logger = logging.getLogger(__name__)


@shared_task(name="marketplace.certification.tasks.certificate_expiry_sweep_task")
def certificate_expiry_sweep_task() -> dict[str, int]:
    outcome = services.certificates_expire_sweep()
    logger.info("Expiry sweep: %s certificates expired, %s products unpublished",
                len(outcome.expired_certificate_ids), len(outcome.unpublished_product_ids))
    return {"expired": len(outcome.expired_certificate_ids),
            "unpublished": len(outcome.unpublished_product_ids)}
