from enum import Enum


class PaymentErrorCode(str, Enum):
    """Values shared by Saleor's TransactionInitializeErrorCode / TransactionProcessErrorCode / OrderErrorCode,
    so the GraphQL layer can report them under each mutation's own enum."""

    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    UNIQUE = "UNIQUE"
    TRANSACTION_ALREADY_PROCESSED = "TRANSACTION_ALREADY_PROCESSED"
    PAYMENT_ERROR = "PAYMENT_ERROR"
    CANNOT_REFUND = "CANNOT_REFUND"
