from __future__ import annotations

import graphene

from marketplace.graphql.payment.mutations.transaction_initialize import TransactionInitialize
from marketplace.graphql.payment.mutations.transaction_process import TransactionProcess


class PaymentMutations(graphene.ObjectType):
    transaction_initialize = TransactionInitialize.Field()
    transaction_process = TransactionProcess.Field()
