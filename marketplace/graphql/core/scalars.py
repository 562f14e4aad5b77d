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
