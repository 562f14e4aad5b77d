"""POST /webhooks/stripe/: an interface. It verifies the signature and hands the event to the service."""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from marketplace.core.errors import DomainError
from marketplace.payment.stripe_events import stripe_event_parse, stripe_event_process
from marketplace.payment.stripe_gateway import webhook_event_verify

logger = logging.getLogger(__name__)


@csrf_exempt
@require_POST
def stripe_webhook(request: HttpRequest) -> HttpResponse:
    try:
        event = webhook_event_verify(payload=request.body, signature=request.headers.get("Stripe-Signature"))
        stripe_event_parse(event=event)
    except DomainError as exc:
        logger.warning("Stripe webhook refused (400): %s", exc.message)
        return JsonResponse({"error": exc.message}, status=400)
    try:
        result = stripe_event_process(event=event)
    except DomainError as exc:  # Stripe unreachable: answer 503 so Stripe delivers the event again later
        return JsonResponse({"error": exc.message}, status=503)
    return JsonResponse({"received": True, "result": result})
