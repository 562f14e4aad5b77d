"""Limits checked on a parsed document before it runs: depth, aliases and cost, as Saleor's query cost validator.

Saleor keeps a hand-written cost map (`saleor/graphql/query_cost_map.py`); here one rule prices every field, so a
new field cannot be forgotten: a field returning an object costs 1 times the multipliers of the fields above it,
a scalar costs nothing; a connection multiplies what is below it by its page size (`first`/`last`, else the
largest page), and a plain list multiplies by `GRAPHQL_QUERY_LIST_MULTIPLIER` since its length is not known before
it runs. `ofType` (introspection's type-wrapper chain) is linear, so it does not count towards depth."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLList,
    GraphQLNonNull,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    get_named_type,
    is_composite_type,
)
from graphql.execution.values import get_argument_values
from graphql.type.definition import GraphQLObjectType, GraphQLOutputType
from graphql.type.introspection import SchemaMetaFieldDef, TypeMetaFieldDef

from marketplace.graphql.core.errors import coded_error

LINEAR_FIELDS = frozenset({"ofType"})
PAGE_SIZE_ARGUMENTS = ("first", "last")
INTROSPECTION_FIELDS = {"__schema": SchemaMetaFieldDef, "__type": TypeMetaFieldDef}


@dataclass(frozen=True)
class QueryLimits:
    max_cost: int
    max_depth: int
    max_aliases: int
    list_multiplier: int
    page_size_default: int

    @classmethod
    def from_settings(cls) -> QueryLimits:
        return cls(max_cost=settings.GRAPHQL_QUERY_MAX_COST, max_depth=settings.GRAPHQL_QUERY_MAX_DEPTH,
                   max_aliases=settings.GRAPHQL_QUERY_MAX_ALIASES,
                   list_multiplier=settings.GRAPHQL_QUERY_LIST_MULTIPLIER,
                   page_size_default=settings.GRAPHQL_PAGINATION_LIMIT)


def _fragments(document: DocumentNode) -> dict[str, FragmentDefinitionNode]:
    return {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}


def document_check_shape(*, document: DocumentNode, limits: QueryLimits):
    """Depth and aliases, on the bare syntax tree: cheap, and run before the (alias-quadratic) validation."""
    fragments = _fragments(document)
    aliases = 0
    for definition in document.definitions:
        if isinstance(definition, FragmentDefinitionNode | OperationDefinitionNode):
            aliases += sum(1 for _ in _aliases(definition.selection_set))
    if aliases > limits.max_aliases:
        return coded_error(f"The query uses {aliases} aliases; at most {limits.max_aliases} are allowed "
                           "(GRAPHQL_QUERY_MAX_ALIASES).", "QueryAliasesError")
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            depth = _depth(definition.selection_set, fragments, (), limits.max_depth, {})
            if depth > limits.max_depth:
                return coded_error(f"The query is nested deeper than {limits.max_depth} levels "
                                   "(GRAPHQL_QUERY_MAX_DEPTH).", "QueryDepthError")
    return None


def _aliases(selection_set: SelectionSetNode | None):
    for selection in selection_set.selections if selection_set else ():
        if isinstance(selection, FieldNode) and selection.alias is not None:
            yield selection
        if isinstance(selection, FieldNode | InlineFragmentNode):
            yield from _aliases(selection.selection_set)


def _depth(selection_set: SelectionSetNode | None, fragments: dict, seen: tuple[str, ...], cap: int,
           memo: dict[str, int] | None = None) -> int:
    """`memo` keeps each fragment's depth, so fragments spreading fragments twice over cannot make this
    exponential."""
    memo = {} if memo is None else memo
    if selection_set is None:
        return 0
    deepest = 0
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            below = _depth(selection.selection_set, fragments, seen, cap, memo)
            here = below if selection.name.value in LINEAR_FIELDS else 1 + below
        elif isinstance(selection, InlineFragmentNode):
            here = _depth(selection.selection_set, fragments, seen, cap, memo)
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            fragment = fragments.get(name)
            # A cycle or an unknown fragment is left to validation to report.
            if fragment is None or name in seen:
                here = 0
            elif name in memo:
                here = memo[name]
            else:
                here = memo[name] = _depth(fragment.selection_set, fragments, (*seen, name), cap, memo)
        else:
            here = 0
        deepest = max(deepest, here)
        if deepest > cap:
            break  # already refused; no need to walk the rest of a hostile document
    return deepest


def operation_select(document: DocumentNode, operation_name: str | None) -> OperationDefinitionNode | None:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name:
        return next((o for o in operations if o.name and o.name.value == operation_name), None)
    return operations[0] if len(operations) == 1 else None


def operation_cost(*, schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode,
                   variables: dict | None, limits: QueryLimits) -> int:
    """The cost of a validated operation (unknown fields and fragment cycles were refused by validation)."""
    root = {OperationType.QUERY: schema.query_type, OperationType.MUTATION: schema.mutation_type,
            OperationType.SUBSCRIPTION: schema.subscription_type}[operation.operation]
    walker = _CostWalker(schema, _fragments(document), variables or {}, limits)
    return walker.selection_cost(operation.selection_set, root, 1)


class _CostWalker:
    def __init__(self, schema: GraphQLSchema, fragments: dict, variables: dict, limits: QueryLimits):
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.limits = limits
        self.unit_costs: dict[str, int] = {}

    def fragment_unit_cost(self, name: str) -> int:
        """A fragment's cost at multiplier 1, computed once: every term of a cost is proportional to the multiplier,
        and a fragment spread twice at each of many levels must not make pricing exponential."""
        if name not in self.unit_costs:
            fragment = self.fragments.get(name)
            if fragment is None:
                return 0
            self.unit_costs[name] = 0  # validation has refused cycles; this only guards the recursion
            fragment_type = self.schema.get_type(fragment.type_condition.name.value)
            self.unit_costs[name] = self.selection_cost(fragment.selection_set, fragment_type, 1)
        return self.unit_costs[name]

    def selection_cost(self, selection_set: SelectionSetNode | None, parent_type, multiplier: int) -> int:
        if selection_set is None or parent_type is None:
            return 0
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += self.field_cost(selection, parent_type, multiplier)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                fragment_type = self.schema.get_type(condition.name.value) if condition else parent_type
                total += self.selection_cost(selection.selection_set, fragment_type, multiplier)
            elif isinstance(selection, FragmentSpreadNode):
                total += multiplier * self.fragment_unit_cost(selection.name.value)
            if total > self.limits.max_cost:
                return total  # refused anyway; stop multiplying
        return total

    def field_cost(self, node: FieldNode, parent_type, multiplier: int) -> int:
        fields = getattr(parent_type, "fields", None) or {}
        field = fields.get(node.name.value) or INTROSPECTION_FIELDS.get(node.name.value)
        if field is None:
            return 0  # __typename
        return_type = field.type
        named = get_named_type(return_type)
        if not is_composite_type(named):
            return 0
        own = multiplier
        child_multiplier = multiplier * self.list_factor(node, field, parent_type, return_type)
        return own + self.selection_cost(node.selection_set, named, child_multiplier)

    def list_factor(self, node: FieldNode, field, parent_type, return_type: GraphQLOutputType) -> int:
        if any(name in field.args for name in PAGE_SIZE_ARGUMENTS):
            try:
                values = get_argument_values(field, node, self.variables)
            except Exception:  # noqa: BLE001 — a bad argument is reported by execution; price it at the maximum
                values = {}
            sizes = [v for v in (values.get(n) for n in PAGE_SIZE_ARGUMENTS) if isinstance(v, int) and v >= 0]
            return max(sizes) if sizes else self.limits.page_size_default
        if isinstance(return_type, GraphQLNonNull):
            return_type = return_type.of_type
        if isinstance(return_type, GraphQLList):
            connection = isinstance(parent_type, GraphQLObjectType) and parent_type.name.endswith("Connection")
            return 1 if connection else self.limits.list_multiplier  # a connection's edges were priced above
        return 1


def cost_error(*, cost: int, limits: QueryLimits):
    return coded_error(f"The query exceeds the maximum cost of {limits.max_cost}. Actual cost is {cost} "
                       "(GRAPHQL_QUERY_MAX_COST).", "QueryCostError")
