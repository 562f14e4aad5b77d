"""Saleor's TransactionItem/TransactionEvent: one item per payment attempt at a gateway (a Stripe PaymentIntent,
or cash on delivery), with amounts kept per state; events are the history. Webhook events from Stripe are
remembered by id so each is applied once."""

from __future__ import annotations

import uuid

from django.contrib.postgres.fields import ArrayField
from django.db import models

from marketplace.core.models import ModelWithMetadata

STRIPE_GATEWAY = "stripe"
COD_GATEWAY = "ocop.cash-on-delivery"


class TransactionEventType(models.TextChoices):
    AUTHORIZATION_SUCCESS = "authorization_success"
    AUTHORIZATION_FAILURE = "authorization_failure"
    AUTHORIZATION_ADJUSTMENT = "authorization_adjustment"
    AUTHORIZATION_REQUEST = "authorization_request"
    AUTHORIZATION_ACTION_REQUIRED = "authorization_action_required"
    CHARGE_ACTION_REQUIRED = "charge_action_required"
    CHARGE_SUCCESS = "charge_success"
    CHARGE_FAILURE = "charge_failure"
    CHARGE_BACK = "charge_back"
    CHARGE_REQUEST = "charge_request"
    REFUND_SUCCESS = "refund_success"
    REFUND_FAILURE = "refund_failure"
    REFUND_REVERSE = "refund_reverse"
    REFUND_REQUEST = "refund_request"
    CANCEL_SUCCESS = "cancel_success"
    CANCEL_FAILURE = "cancel_failure"
    CANCEL_REQUEST = "cancel_request"
    INFO = "info"


# Events that move money: each may be recorded once per (transaction, psp reference).
SETTLING_EVENTS = (TransactionEventType.CHARGE_SUCCESS, TransactionEventType.REFUND_SUCCESS,
                   TransactionEventType.CANCEL_SUCCESS)


class TransactionItem(ModelWithMetadata):
    token = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)
    gateway = models.CharField(max_length=64)
    name = models.CharField(max_length=512, blank=True)
    message = models.CharField(max_length=512, blank=True)
    psp_reference = models.CharField(max_length=512, blank=True, db_index=True)
    available_actions = ArrayField(models.CharField(max_length=32), default=list, blank=True)
    currency = models.CharField(max_length=3, default="VND")
    authorized_value = models.DecimalField(max_digits=14, decimal_places=0, default=0)
    authorize_pending_value = models.DecimalField(max_digits=14, decimal_places=0, default=0)
    charged_value = models.DecimalField(max_digits=14, decimal_places=0, default=0)
    charge_pending_value = models.DecimalField(max_digits=14, decimal_places=0, default=0)
    refunded_value = models.DecimalField(max_digits=14, decimal_places=0, default=0)
    refund_pending_value = models.DecimalField(max_digits=14, decimal_places=0, default=0)
    canceled_value = models.DecimalField(max_digits=14, decimal_places=0, default=0)
    cancel_pending_value = models.DecimalField(max_digits=14, decimal_places=0, default=0)
    order = models.ForeignKey("order.Order", related_name="transactions", null=True, blank=True,
                              on_delete=models.SET_NULL)
    payment_method_type = models.CharField(max_length=32, blank=True)
    cc_brand = models.CharField(max_length=40, blank=True)
    cc_last_digits = models.CharField(max_length=4, blank=True)
    cc_exp_month = models.PositiveSmallIntegerField(null=True, blank=True)
    cc_exp_year = models.PositiveSmallIntegerField(null=True, blank=True)
    created_by = models.ForeignKey("account.User", related_name="+", null=True, blank=True,
                                   on_delete=models.SET_NULL)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(charged_value__gte=0, refunded_value__gte=0),
                                   name="transaction_amounts_non_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.gateway} {self.psp_reference or self.token}"


class TransactionEvent(models.Model):
    transaction = models.ForeignKey(TransactionItem, related_name="events", on_delete=models.CASCADE)
    created_at = models.DateTimeField(auto_now_add=True)
    type = models.CharField(max_length=128, choices=TransactionEventType.choices)
    amount_value = models.DecimalField(max_digits=14, decimal_places=0, default=0)
    currency = models.CharField(max_length=3, default="VND")
    psp_reference = models.CharField(max_length=512, blank=True)
    message = models.CharField(max_length=512, blank=True)
    external_url = models.URLField(blank=True)
    idempotency_key = models.CharField(max_length=512, blank=True)
    created_by = models.ForeignKey("account.User", related_name="+", null=True, blank=True,
                                   on_delete=models.SET_NULL)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            # The database itself refuses to record the same charge/refund/cancel twice.
            models.UniqueConstraint(fields=["transaction", "type", "psp_reference"],
                                    condition=models.Q(type__in=[t.value for t in SETTLING_EVENTS]),
                                    name="transaction_event_settles_once"),
        ]


class StripeWebhookEvent(models.Model):
    """Each Stripe event id is handled once: a replay finds its row and changes nothing."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    object_id = models.CharField(max_length=255, blank=True, db_index=True)
    stripe_created = models.DateTimeField(null=True, blank=True)
    received_at = models.DateTimeField(auto_now_add=True)
    result = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["-received_at"]
