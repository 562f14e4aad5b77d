from __future__ import annotations

import json

import graphene
from graphql.language import ast


class PositiveInt(graphene.Int):
    """Saleor's PositiveInt scalar."""

    @staticmethod
    def parse_value(value):
        value = graphene.Int.parse_value(value)
        if value is not None and value < 0:
            return None
        return value


class Metadata(graphene.Scalar):
    """Key/value metadata as a JSON object of strings."""

    @staticmethod
    def serialize(value):
        return value

    @staticmethod
    def parse_value(value):
        return value

    @staticmethod
    def parse_literal(node, _variables=None):
        if isinstance(node, ast.StringValueNode):
            return json.loads(node.value)
        return None


class JSON(graphene.Scalar):
    """Saleor's JSON scalar: any JSON value, passed through as is."""

    @staticmethod
    def serialize(value):
        return value

    @staticmethod
    def parse_value(value):
        return value

    @staticmethod
    def parse_literal(node, _variables=None):
        from graphql import value_from_ast_untyped

        return value_from_ast_untyped(node, _variables)


class PositiveDecimal(graphene.Scalar):
    """Saleor's PositiveDecimal: a non-negative decimal, sent as a number. Anything else is refused as an
    invalid value (never read as null)."""

    @staticmethod
    def serialize(value):
        return float(value) if value is not None else None

    @staticmethod
    def parse_value(value):
        from decimal import Decimal, InvalidOperation

        try:
            number = Decimal(str(value))
        except (InvalidOperation, ValueError):
            raise ValueError(f"PositiveDecimal cannot represent {value!r}.")
        if not number.is_finite() or number < 0:
            raise ValueError(f"PositiveDecimal must be a non-negative number, got {value!r}.")
        return number

    @staticmethod
    def parse_literal(node, _variables=None):
        from graphql import Undefined

        if isinstance(node, ast.IntValueNode | ast.FloatValueNode | ast.StringValueNode):
            try:
                return PositiveDecimal.parse_value(node.value)
            except ValueError:
                return Undefined
        return Undefined
