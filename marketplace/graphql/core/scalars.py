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
    """Saleor's JSON scalar: any JSON value, passed as is (unlike JSONString, which is a JSON-encoded string)."""

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
    """Saleor's PositiveDecimal: a decimal number, 0 or greater."""

    @staticmethod
    def serialize(value):
        return float(value)

    @staticmethod
    def parse_value(value):
        from decimal import Decimal, InvalidOperation

        try:
            number = Decimal(str(value))
        except InvalidOperation:
            return None
        return number if number >= 0 else None

    @staticmethod
    def parse_literal(node, _variables=None):
        if isinstance(node, ast.IntValueNode | ast.FloatValueNode | ast.StringValueNode):
            return PositiveDecimal.parse_value(node.value)
        return None
