"""Saleor-style connections: `first/after/last/before` (at most 100), `edges {node cursor}`, `pageInfo`,
`totalCount`. Offset cursors keep each page to a fixed number of queries: one COUNT and one page query."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

import graphene
from django.conf import settings
from django.db.models import QuerySet

from marketplace.graphql.core.errors import invalid

CURSOR_PREFIX = "cursor:"


class PageInfo(graphene.ObjectType):
    has_next_page = graphene.Boolean(required=True)
    has_previous_page = graphene.Boolean(required=True)
    start_cursor = graphene.String()
    end_cursor = graphene.String()


def encode_cursor(offset: int) -> str:
    return base64.b64encode(f"{CURSOR_PREFIX}{offset}".encode()).decode()


def decode_cursor(cursor: str, field: str) -> int:
    try:
        raw = base64.b64decode(cursor.encode(), validate=True).decode()
        if not raw.startswith(CURSOR_PREFIX):
            raise ValueError
        return int(raw[len(CURSOR_PREFIX):])
    except (ValueError, UnicodeDecodeError):
        raise invalid(f"Invalid cursor in `{field}`.", field=field)


@dataclass
class Edge:
    node: Any
    cursor: str


@dataclass
class Page:
    edges: list[Edge]
    page_info: PageInfo
    total_count: int | None

    @property
    def nodes(self) -> list[Any]:
        return [e.node for e in self.edges]


def validate_pagination(first: int | None, last: int | None, *, required: bool = True) -> None:
    limit = settings.GRAPHQL_PAGINATION_LIMIT
    if first is not None and last is not None:
        raise invalid("Mixing 'first' and 'last' is not supported.")
    if required and first is None and last is None:
        raise invalid("You must provide a 'first' or 'last' value to properly paginate the connection.")
    for name, value in (("first", first), ("last", last)):
        if value is not None and value < 0:
            raise invalid(f"Argument '{name}' must be a non-negative integer.", field=name)
        if value is not None and value > limit:
            raise invalid(
                f"Requesting {value} records on the `{name}` argument exceeds the limit of {limit} records.",
                field=name,
            )


def paginate(items: QuerySet | list, *, first: int | None = None, after: str | None = None,
             last: int | None = None, before: str | None = None, total: int | None = None,
             required: bool = True) -> Page:
    """Slice a queryset (or list) into a Relay page; `total` may be passed when already known."""
    validate_pagination(first, last, required=required)
    count = total if total is not None else (items.count() if isinstance(items, QuerySet) else len(items))
    start = decode_cursor(after, "after") + 1 if after else 0
    end = min(decode_cursor(before, "before"), count) if before else count
    start = min(max(start, 0), count)
    if first is not None:
        end = min(end, start + first)
    if last is not None:
        start = max(start, end - last)
    nodes = list(items[start:end]) if end > start else []
    edges = [Edge(node=node, cursor=encode_cursor(start + i)) for i, node in enumerate(nodes)]
    page_info = PageInfo(
        has_next_page=end < count,
        has_previous_page=start > 0,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return Page(edges=edges, page_info=page_info, total_count=count)


def connection_type(node_type: type, name: str) -> type:
    """`<Name>CountableConnection` with `<Name>CountableEdge`, as Saleor names them."""
    edge = type(
        f"{name}CountableEdge",
        (graphene.ObjectType,),
        {"node": graphene.Field(node_type, required=True), "cursor": graphene.String(required=True)},
    )
    return type(
        f"{name}CountableConnection",
        (graphene.ObjectType,),
        {
            "page_info": graphene.Field(PageInfo, required=True),
            "edges": graphene.List(graphene.NonNull(edge), required=True),
            "total_count": graphene.Int(),
        },
    )


def connection_args() -> dict[str, graphene.Argument]:
    return {
        "before": graphene.String(),
        "after": graphene.String(),
        "first": graphene.Int(),
        "last": graphene.Int(),
    }
