"""The base mutation: check permissions, run one service, and turn DomainError into Saleor's
`errors { field message code }` on the payload (never a top-level error for a business rule)."""

from __future__ import annotations

from typing import Any, ClassVar

import graphene
from django.core.exceptions import ValidationError
from graphql import GraphQLError

from marketplace.core.errors import DomainError, DomainErrors
from marketplace.core.permissions import BasePermissionEnum, has_permissions
from marketplace.graphql.core.errors import permission_denied


class BaseMutation(graphene.Mutation):
    """Subclasses set `error_type_class` and `error_type_field` (e.g. ProductError, "product_errors") and
    implement `perform_mutation(cls, root, info, **data) -> dict` of payload fields."""

    permissions: ClassVar[tuple[BasePermissionEnum, ...]] = ()
    error_type_class: ClassVar[type]
    error_type_field: ClassVar[str | None] = None

    class Meta:
        abstract = True

    @classmethod
    def __init_subclass_with_meta__(cls, error_type_class=None, error_type_field=None, permissions=None,
                                    _meta=None, **options):
        if error_type_class is not None:
            cls.error_type_class = error_type_class
        if error_type_field is not None:
            cls.error_type_field = error_type_field
        if permissions is not None:
            cls.permissions = tuple(permissions)
        super().__init_subclass_with_meta__(_meta=_meta, **options)
        if error_type_class is not None:
            cls._meta.fields["errors"] = graphene.Field(
                graphene.List(graphene.NonNull(error_type_class)), required=True
            )
            if error_type_field:
                cls._meta.fields[error_type_field] = graphene.Field(
                    graphene.List(graphene.NonNull(error_type_class)), required=True,
                    deprecation_reason="Use `errors` field instead.",
                )

    @classmethod
    def check_permissions(cls, info) -> None:
        if cls.permissions and not has_permissions(info.context.user, *cls.permissions):
            raise permission_denied([p.name for p in cls.permissions])

    @classmethod
    def mutate(cls, root, info, **data):
        cls.check_permissions(info)
        try:
            payload = cls.perform_mutation(root, info, **data)
        except DomainErrors as exc:
            return cls.error_payload(exc.errors)
        except DomainError as exc:
            return cls.error_payload([exc])
        except ValidationError as exc:
            return cls.error_payload([
                DomainError(msg, code=getattr(err, "code", None) or "INVALID", field=field)
                for field, errs in exc.error_dict.items() for err in errs for msg in err.messages
            ] if hasattr(exc, "error_dict") else [DomainError(m, code="INVALID") for m in exc.messages])
        payload.setdefault("errors", [])
        if cls.error_type_field:
            payload.setdefault(cls.error_type_field, [])
        return cls(**payload)

    @classmethod
    def error_payload(cls, errors: list[DomainError]) -> Any:
        error_objects = [cls.error_type_class(field=e.field, message=e.message, code=e.code, **cls.error_extra(e))
                         for e in errors]
        payload = {"errors": error_objects}
        if cls.error_type_field:
            payload[cls.error_type_field] = error_objects
        return cls(**payload)

    @classmethod
    def error_extra(cls, error: DomainError) -> dict:
        """Extra error fields some error types carry (e.g. CheckoutError.lines); override per mutation."""
        fields = cls.error_type_class._meta.fields
        return {k: v for k, v in error.params.items() if k in fields}

    @classmethod
    def perform_mutation(cls, root, info, **data) -> dict:
        raise NotImplementedError


def require(condition: bool, message: str) -> None:
    if not condition:
        raise GraphQLError(message)
